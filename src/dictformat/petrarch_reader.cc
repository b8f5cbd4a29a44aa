// PETRARCH-2 actors / agents / verbs / discards readers.

#include "dictformat/petrarch_reader.h"

#include <map>
#include <utility>

#include "base/file_util.h"
#include "dictformat/peer_phrase.h"

namespace trigon::dictformat {
namespace {

using coding::DictionarySet;
using coding::Phrase;
using coding::PhraseToken;
using internal::CodeBlock;

// Lines with `<!-- -->` blocks and `#` comments removed.
class Lines {
 public:
  Lines(std::string_view contents, std::string_view file) : rest_(contents), file_(file) {}
  bool Next() {
    while (!rest_.empty()) {
      const size_t nl = rest_.find('\n');
      std::string_view raw = rest_.substr(0, nl);
      rest_ = nl == std::string_view::npos ? std::string_view() : rest_.substr(nl + 1);
      ++number_;
      line_.clear();
      size_t pos = 0;
      while (pos < raw.size()) {
        if (in_comment_) {
          const size_t end = raw.find("-->", pos);
          if (end == std::string_view::npos) {
            pos = raw.size();
            break;
          }
          in_comment_ = false;
          pos = end + 3;
          continue;
        }
        const size_t open = raw.find("<!--", pos);
        // `#` starts a comment, except inside a code block ("[###]").
        size_t hash = std::string_view::npos;
        bool in_code = false;
        for (size_t i = pos; i < raw.size() && i < open; ++i) {
          if (raw[i] == '[') in_code = true;
          if (raw[i] == ']') in_code = false;
          if (raw[i] == '#' && !in_code) {
            hash = i;
            break;
          }
        }
        if (hash < open) {
          line_.append(raw.substr(pos, hash - pos));
          break;
        }
        line_.append(raw.substr(pos, open - pos));
        if (open == std::string_view::npos) break;
        in_comment_ = true;
        pos = open + 4;
      }
      indented_ = !raw.empty() && (raw[0] == ' ' || raw[0] == '\t');
      text_ = internal::Trim(line_);
      // A malformed comment ("<! -- NEW ACTORS -->") is still a comment.
      if (text_.rfind("<!", 0) == 0 && text_.back() == '>') text_ = {};
      return true;
    }
    return false;
  }
  std::string_view text() const { return text_; }
  bool indented() const { return indented_; }
  coding::SourceLocation where() const { return {std::string(file_), number_}; }
  Status Error(const std::string& what) const {
    return Status::InvalidArgument(where().ToString() + ": " + what);
  }
  Status Wrap(const Status& s) const { return s.ok() ? s : Error(s.message()); }

 private:
  std::string_view rest_;
  std::string_view file_;
  std::string line_;
  std::string_view text_;
  uint32_t number_ = 0;
  bool in_comment_ = false;
  bool indented_ = false;
};

const internal::SynsetMap& NoSynsets() {
  static const internal::SynsetMap empty;
  return empty;
}

// PETRARCH words are whole words, consecutive: "GROUP OF 77" is
// GROUP_OF_77_.  (Pattern words keep TABARI's connector syntax.)
Status ParseNounPhrase(std::string_view text, Phrase* out) {
  std::string joined;
  bool blank = false;
  for (char c : internal::Trim(text)) {
    if (c == ' ' || c == '\t') {
      blank = true;
      continue;
    }
    if (blank && !joined.empty() && joined.back() != '_') joined.push_back('_');
    blank = false;
    joined.push_back(c);
  }
  TRIGON_RETURN_IF_ERROR(internal::ParsePhrase(joined, NoSynsets(), out));
  for (PhraseToken& t : *out) {
    if (t.type == PhraseToken::Type::kWord && t.match == PhraseToken::Match::kStem) {
      t.match = PhraseToken::Match::kEndings;
    }
  }
  return Status::OK();
}

Status ReadInto(const std::string& path,
                Status (*parse)(std::string_view, std::string_view, DictionarySet*),
                DictionarySet* out) {
  TRIGON_ASSIGN_OR_RETURN(std::string bytes, ReadFileBytes(path));
  return parse(bytes, path, out);
}

// "{ BROKE BROKEN }" -> forms; returns the text without the braces.
std::string TakeBraces(std::string_view text, std::vector<std::string>* forms) {
  const size_t open = text.find('{');
  if (open == std::string_view::npos) return std::string(text);
  const size_t close = text.find('}', open);
  std::string_view inside = text.substr(open + 1, close == std::string_view::npos
                                                      ? std::string_view::npos
                                                      : close - open - 1);
  while (!(inside = internal::Trim(inside)).empty()) {
    const size_t blank = inside.find_first_of(" \t");
    forms->emplace_back(inside.substr(0, blank));
    if (blank == std::string_view::npos) break;
    inside.remove_prefix(blank);
  }
  std::string rest(text.substr(0, open));
  if (close != std::string_view::npos) rest.append(text.substr(close + 1));
  return rest;
}

// PETRARCH-2's parse-oriented pattern syntax, flattened for the pattern
// coder: "(FOR {FINANCIAL AID})" -- a prepositional phrase with a braced
// noun phrase -- becomes "FOR FINANCIAL_AID" (the words in order, a noun
// phrase's words consecutive).  Braces with `|` stay TABARI alternatives.
std::string FlattenPetrarch2(std::string_view pattern) {
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == '(' || c == ')') {
      out.push_back(' ');
      ++i;
      continue;
    }
    if (c == '{') {
      const size_t close = pattern.find('}', i);
      const std::string_view inside =
          pattern.substr(i + 1, close == std::string_view::npos ? close : close - i - 1);
      if (close != std::string_view::npos && inside.find('|') == std::string_view::npos) {
        std::string phrase(internal::Trim(inside));
        for (char& ch : phrase) {
          if (ch == ' ' || ch == '\t') ch = '_';
        }
        out += " " + phrase + " ";
        i = close + 1;
        continue;
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

// A verb word: `+` marks the verb of a compound ("KLM_NOP_+RST"); the
// marker goes, the words stay consecutive.
Status ParseVerbWord(std::string_view word, Phrase* out) {
  std::string clean;
  for (char c : word) {
    if (c != '+') clean.push_back(c);
  }
  TRIGON_RETURN_IF_ERROR(internal::ParsePhrase(clean, NoSynsets(), out));
  for (PhraseToken& t : *out) {
    if (t.type == PhraseToken::Type::kWord && t.match == PhraseToken::Match::kStem) {
      t.match = PhraseToken::Match::kEndings;
    }
  }
  return Status::OK();
}

}  // namespace

Status ParsePetrarchActors(std::string_view contents, std::string_view file_name,
                           DictionarySet* out, std::vector<std::string>* skipped) {
  Lines lines(contents, file_name);
  internal::PendingActor pending;
  // With `skipped`, a bad line (or an actor left without a code) is noted
  // and left out.
  auto handle = [&](const Status& st) -> Status {
    if (st.ok() || skipped == nullptr) return st;
    skipped->push_back(st.message());
    return Status::OK();
  };
  auto flush = [&]() -> Status {
    Status st = internal::FlushActor(&pending, out);
    if (!st.ok()) pending = internal::PendingActor();
    return handle(st);
  };
  while (lines.Next()) {
    const std::string_view text = lines.text();
    if (text.empty()) continue;
    auto read_line = [&]() -> Status {
      std::vector<CodeBlock> blocks;
      std::string rest;
      if (text.front() == '[') {
        if (pending.phrases.empty()) return lines.Error("code block without an actor");
        TRIGON_RETURN_IF_ERROR(lines.Wrap(internal::ParseCodeBlocks(text, &blocks, &rest)));
        pending.blocks.insert(pending.blocks.end(), blocks.begin(), blocks.end());
        return Status::OK();
      }
      const bool synonym = text.front() == '+';
      TRIGON_RETURN_IF_ERROR(lines.Wrap(
          internal::ParseCodeBlocks(synonym ? text.substr(1) : text, &blocks, &rest)));
      if (rest.empty()) return lines.Error("code without a phrase");
      Phrase phrase;
      TRIGON_RETURN_IF_ERROR(lines.Wrap(ParseNounPhrase(rest, &phrase)));
      if (synonym) {
        if (pending.phrases.empty()) return lines.Error("synonym without an actor");
      } else {
        TRIGON_RETURN_IF_ERROR(flush());
        pending.where = lines.where();
      }
      pending.phrases.emplace_back(std::move(phrase), lines.where());
      pending.blocks.insert(pending.blocks.end(), blocks.begin(), blocks.end());
      return Status::OK();
    };
    TRIGON_RETURN_IF_ERROR(handle(read_line()));
  }
  return flush();
}

Status ParsePetrarchAgents(std::string_view contents, std::string_view file_name,
                           DictionarySet* out, std::vector<std::string>* skipped) {
  Lines lines(contents, file_name);
  std::map<std::string, std::vector<std::string>> substitutions;  // "!PERSON!"
  while (lines.Next()) {
    const std::string_view text = lines.text();
    if (text.empty()) continue;
    if (text.front() == '!' && text.find('=') != std::string_view::npos) {
      const size_t eq = text.find('=');
      const std::string name = internal::Upper(internal::Trim(text.substr(0, eq)));
      std::vector<std::string>& words = substitutions[name];
      std::string_view list = text.substr(eq + 1);
      while (!list.empty()) {
        const size_t comma = list.find(',');
        const std::string word = internal::Upper(internal::Trim(list.substr(0, comma)));
        if (!word.empty()) words.push_back(word);
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
      }
      continue;
    }
    auto read_line = [&]() -> Status {
      std::vector<CodeBlock> blocks;
      std::string rest;
      TRIGON_RETURN_IF_ERROR(lines.Wrap(internal::ParseCodeBlocks(text, &blocks, &rest)));
      if (blocks.size() != 1 || rest.empty()) return lines.Error("expected 'PHRASE [~CODE]'");
      std::string code = blocks[0].code;
      bool code_first = false;
      if (!internal::StripAgentTilde(&code, &code_first)) {
        return lines.Error("agent code needs '~' before or after it: '[" + code + "]'");
      }
      std::vector<std::string> spellings;
      const std::string head = internal::Upper(TakeBraces(rest, &spellings));
      spellings.insert(spellings.begin(), head);
      // Expand !NAME! substitutions.
      std::vector<std::string> expanded;
      for (const std::string& s : spellings) {
        std::vector<std::string> todo{internal::Upper(s)};
        while (!todo.empty()) {
          std::string cur = std::move(todo.back());
          todo.pop_back();
          const size_t a = cur.find('!');
          const size_t b = a == std::string::npos ? a : cur.find('!', a + 1);
          if (b == std::string::npos) {
            expanded.push_back(cur);
            continue;
          }
          auto it = substitutions.find(cur.substr(a, b - a + 1));
          if (it == substitutions.end()) {
            return lines.Error("unknown substitution '" + cur.substr(a, b - a + 1) + "'");
          }
          for (const std::string& w : it->second) {
            todo.push_back(cur.substr(0, a) + w + cur.substr(b + 1));
          }
        }
      }
      coding::AgentEntry agent;
      agent.code = code;
      agent.code_first = code_first;
      agent.where = lines.where();
      for (const std::string& s : expanded) {
        coding::ActorForm f;
        TRIGON_RETURN_IF_ERROR(lines.Wrap(ParseNounPhrase(s, &f.phrase)));
        f.text = internal::PhraseText(f.phrase);
        f.lang = "en";
        f.where = lines.where();
        agent.forms.push_back(std::move(f));
      }
      agent.display_name = agent.forms.front().text;
      out->agents.push_back(std::move(agent));
      return Status::OK();
    };
    Status st = read_line();
    if (!st.ok()) {
      if (skipped == nullptr) return st;
      skipped->push_back(st.message());
    }
  }
  return Status::OK();
}

Status ParsePetrarchVerbs(std::string_view contents, std::string_view file_name,
                          DictionarySet* out, std::vector<std::string>* skipped) {
  Lines lines(contents, file_name);
  internal::SynsetMap synsets;
  std::string synset;           // being read
  std::string block_code;       // of the current --- block ---
  size_t block_first = 0;       // index in out->verbs of the block's first verb
  bool in_block = false;
  std::vector<coding::VerbPattern> patterns;  // of the current block
  auto close_block = [&] {
    for (size_t i = block_first; i < out->verbs.size(); ++i) {
      out->verbs[i].patterns = patterns;
    }
    patterns.clear();
    in_block = false;
  };
  while (lines.Next()) {
    const std::string_view text = lines.text();
    // A synset's members run to the next line that is not one (blank and
    // comment lines may sit among them).
    if (text.empty()) continue;
    if (text.front() == '&') {
      synset = internal::Upper(internal::Trim(text.substr(1)));
      while (!synset.empty() && synset.back() == '_') synset.pop_back();
      if (synset.empty()) return lines.Error("synset without a name");
      synsets[synset];
      continue;
    }
    if (text.front() == '+' && !synset.empty()) {
      Phrase member;
      TRIGON_RETURN_IF_ERROR(lines.Wrap(internal::ParsePhrase(text.substr(1), synsets, &member)));
      synsets[synset].push_back(std::move(member));
      continue;
    }
    synset.clear();
    if (text.rfind("---", 0) == 0) {
      if (in_block) close_block();
      std::vector<CodeBlock> blocks;
      std::string rest;
      TRIGON_RETURN_IF_ERROR(lines.Wrap(internal::ParseCodeBlocks(text, &blocks, &rest)));
      // "--- DELAY [120]  [031:031] ---" occurs: the first code is the
      // block's.
      if (blocks.empty()) return lines.Error("block header needs a [code]");
      block_code = blocks[0].code;
      block_first = out->verbs.size();
      in_block = true;
      continue;
    }
    // PETRARCH-2 transformations ("~ a (a b ATTACK) SAY = a b 015") combine
    // two coded verbs; the flat pattern coder has no verb-on-verb
    // structure, so they are read past.
    if (text.front() == '~') continue;
    if (!in_block) return lines.Error("verb or pattern outside a '--- NAME [CODE] ---' block");
    auto read_line = [&]() -> Status {
      std::vector<CodeBlock> blocks;
      std::string rest;
      const bool is_pattern = text.front() == '-';
      TRIGON_RETURN_IF_ERROR(lines.Wrap(
          internal::ParseCodeBlocks(is_pattern ? text.substr(1) : text, &blocks, &rest)));
      if (blocks.size() > 1) return lines.Error("more than one [code]");
      if (is_pattern) {
        if (blocks.empty()) return lines.Error("pattern without a [code]");
        coding::VerbPattern p;
        p.code = blocks[0].code;
        p.text = rest;
        p.where = lines.where();
        TRIGON_RETURN_IF_ERROR(
            lines.Wrap(internal::ParsePhrase(FlattenPetrarch2(rest), synsets, &p.tokens)));
        int stars = 0;
        for (const PhraseToken& t : p.tokens) stars += t.type == PhraseToken::Type::kVerb ? 1 : 0;
        if (stars != 1) return lines.Error("pattern needs exactly one '*': '" + rest + "'");
        patterns.push_back(std::move(p));
        return Status::OK();
      }
      std::vector<std::string> forms;
      const std::string head(internal::Trim(TakeBraces(rest, &forms)));
      if (head.empty()) return lines.Error("verb line without a verb");
      coding::VerbEntry verb;
      verb.code = blocks.empty() ? block_code : blocks[0].code;
      verb.where = lines.where();
      forms.insert(forms.begin(), head);
      for (const std::string& f : forms) {
        Phrase phrase;
        TRIGON_RETURN_IF_ERROR(lines.Wrap(ParseVerbWord(f, &phrase)));
        verb.forms.push_back(std::move(phrase));
      }
      out->verbs.push_back(std::move(verb));
      return Status::OK();
    };
    Status st = read_line();
    if (!st.ok()) {
      if (skipped == nullptr) return st;
      skipped->push_back(st.message());
    }
  }
  if (in_block) close_block();
  return Status::OK();
}

Status ParsePetrarchDiscards(std::string_view contents, std::string_view file_name,
                             DictionarySet* out) {
  Lines lines(contents, file_name);
  while (lines.Next()) {
    std::string_view text = lines.text();
    if (text.empty()) continue;
    coding::DiscardEntry d;
    d.whole_story = text.front() == '+';
    if (d.whole_story) text.remove_prefix(1);
    d.where = lines.where();
    TRIGON_RETURN_IF_ERROR(lines.Wrap(ParseNounPhrase(text, &d.phrase)));
    out->discards.push_back(std::move(d));
  }
  return Status::OK();
}

Result<DictionarySet> LoadPetrarchDictionaries(const PeerDictionaryFiles& files,
                                               std::vector<std::string>* skipped) {
  DictionarySet out;
  if (!files.verbs.empty()) {
    TRIGON_ASSIGN_OR_RETURN(std::string bytes, ReadFileBytes(files.verbs));
    TRIGON_RETURN_IF_ERROR(ParsePetrarchVerbs(bytes, files.verbs, &out, skipped));
  }
  for (const std::string& a : files.actors) {
    TRIGON_ASSIGN_OR_RETURN(std::string bytes, ReadFileBytes(a));
    TRIGON_RETURN_IF_ERROR(ParsePetrarchActors(bytes, a, &out, skipped));
  }
  if (!files.agents.empty()) {
    TRIGON_ASSIGN_OR_RETURN(std::string bytes, ReadFileBytes(files.agents));
    TRIGON_RETURN_IF_ERROR(ParsePetrarchAgents(bytes, files.agents, &out, skipped));
  }
  if (!files.discards.empty()) {
    TRIGON_RETURN_IF_ERROR(ReadInto(files.discards, ParsePetrarchDiscards, &out));
  }
  TRIGON_RETURN_IF_ERROR(out.Validate());
  return out;
}

}  // namespace trigon::dictformat
