// TABARI .actors / .agents / .verbs / .project readers.

#include "dictformat/tabari_reader.h"

#include <filesystem>
#include <utility>

#include "base/file_util.h"
#include "dictformat/peer_phrase.h"

namespace trigon::dictformat {
namespace {

using coding::DictionarySet;
using coding::Phrase;
using internal::CodeBlock;

// One line at a time, with its number; `;` comments removed.
class Lines {
 public:
  Lines(std::string_view contents, std::string_view file) : rest_(contents), file_(file) {}
  // False at the end or at ~~FINISH.
  bool Next() {
    if (done_ || rest_.empty()) return false;
    const size_t nl = rest_.find('\n');
    raw_ = rest_.substr(0, nl);
    rest_ = nl == std::string_view::npos ? std::string_view() : rest_.substr(nl + 1);
    ++number_;
    if (raw_.rfind("~~", 0) == 0) {
      done_ = true;
      return false;
    }
    const size_t semi = raw_.find(';');
    text_ = internal::Trim(raw_.substr(0, semi));
    return true;
  }
  std::string_view raw() const { return raw_; }
  std::string_view text() const { return text_; }  // trimmed, comment-free
  bool indented() const { return !raw_.empty() && (raw_[0] == ' ' || raw_[0] == '\t'); }
  bool comment() const { return !raw_.empty() && (raw_[0] == '#' || raw_[0] == '/'); }
  coding::SourceLocation where() const { return {std::string(file_), number_}; }
  Status Error(const std::string& what) const {
    return Status::InvalidArgument(where().ToString() + ": " + what);
  }
  Status Wrap(const Status& s) const {
    return s.ok() ? s : Error(s.message());
  }

 private:
  std::string_view rest_;
  std::string_view file_;
  std::string_view raw_;
  std::string_view text_;
  uint32_t number_ = 0;
  bool done_ = false;
};

const internal::SynsetMap& NoSynsets() {
  static const internal::SynsetMap empty;
  return empty;
}

}  // namespace

Status ParseTabariActors(std::string_view contents, std::string_view file_name,
                         DictionarySet* out) {
  Lines lines(contents, file_name);
  internal::PendingActor pending;
  std::vector<Phrase>* word_list = nullptr;  // inside <NOUN> / <ADJECTIVE>
  std::string word_list_end;
  while (lines.Next()) {
    if (lines.comment() || lines.text().empty()) continue;
    const std::string_view text = lines.text();
    if (word_list != nullptr) {
      if (internal::Upper(text) == word_list_end) {
        word_list = nullptr;
        continue;
      }
      Phrase phrase;
      TRIGON_RETURN_IF_ERROR(lines.Wrap(internal::ParsePhrase(text, NoSynsets(), &phrase)));
      word_list->push_back(std::move(phrase));
      continue;
    }
    if (text.front() == '<') {
      const std::string tag = internal::Upper(text);
      if (tag == "<NOUN>" || tag == "<NOUNS>") {
        word_list = &out->nouns;
      } else if (tag == "<ADJECTIVE>" || tag == "<ADJECTIVES>") {
        word_list = &out->adjectives;
      } else {
        return lines.Error("unknown section '" + std::string(text) + "'");
      }
      word_list_end = "</" + tag.substr(1);
      continue;
    }
    if (text.front() == '[') {  // a code line for the pending actor
      if (pending.phrases.empty()) return lines.Error("code block without an actor");
      std::vector<CodeBlock> blocks;
      std::string rest;
      TRIGON_RETURN_IF_ERROR(lines.Wrap(internal::ParseCodeBlocks(text, &blocks, &rest)));
      pending.blocks.insert(pending.blocks.end(), blocks.begin(), blocks.end());
      continue;
    }
    if (text.front() == '+') {  // a synonym
      if (pending.phrases.empty()) return lines.Error("synonym without an actor");
      std::vector<CodeBlock> blocks;
      std::string rest;
      TRIGON_RETURN_IF_ERROR(lines.Wrap(internal::ParseCodeBlocks(text.substr(1), &blocks, &rest)));
      Phrase phrase;
      TRIGON_RETURN_IF_ERROR(lines.Wrap(internal::ParsePhrase(rest, NoSynsets(), &phrase)));
      pending.phrases.emplace_back(std::move(phrase), lines.where());
      pending.blocks.insert(pending.blocks.end(), blocks.begin(), blocks.end());
      continue;
    }
    TRIGON_RETURN_IF_ERROR(internal::FlushActor(&pending, out));
    std::vector<CodeBlock> blocks;
    std::string rest;
    TRIGON_RETURN_IF_ERROR(lines.Wrap(internal::ParseCodeBlocks(text, &blocks, &rest)));
    if (rest.empty()) return lines.Error("code without a phrase");
    Phrase phrase;
    TRIGON_RETURN_IF_ERROR(lines.Wrap(internal::ParsePhrase(rest, NoSynsets(), &phrase)));
    pending.where = lines.where();
    pending.phrases.emplace_back(std::move(phrase), lines.where());
    pending.blocks = std::move(blocks);
  }
  if (word_list != nullptr) return lines.Error("missing " + word_list_end);
  return internal::FlushActor(&pending, out);
}

Status ParseTabariAgents(std::string_view contents, std::string_view file_name,
                         DictionarySet* out) {
  Lines lines(contents, file_name);
  while (lines.Next()) {
    if (lines.comment() || lines.text().empty()) continue;
    std::vector<CodeBlock> blocks;
    std::string rest;
    TRIGON_RETURN_IF_ERROR(lines.Wrap(internal::ParseCodeBlocks(lines.text(), &blocks, &rest)));
    if (blocks.size() != 1 || rest.empty()) {
      return lines.Error("expected 'PHRASE [~CODE]'");
    }
    std::string code = blocks[0].code;
    bool code_first = false;
    if (!internal::StripAgentTilde(&code, &code_first)) {
      return lines.Error("agent code needs '~' before or after it: '[" + code + "]'");
    }
    coding::AgentEntry agent;
    agent.code = code;
    agent.code_first = code_first;
    agent.where = lines.where();
    coding::ActorForm f;
    TRIGON_RETURN_IF_ERROR(lines.Wrap(internal::ParsePhrase(rest, NoSynsets(), &f.phrase)));
    f.text = internal::PhraseText(f.phrase);
    agent.display_name = f.text;
    f.lang = "en";
    f.where = lines.where();
    agent.forms.push_back(std::move(f));
    out->agents.push_back(std::move(agent));
  }
  return Status::OK();
}

Status ParseTabariVerbs(std::string_view contents, std::string_view file_name,
                        DictionarySet* out, std::vector<std::string>* skipped) {
  Lines lines(contents, file_name);
  internal::SynsetMap synsets;
  std::string section;        // "" or the tag being skipped/read
  std::string synset;         // the synset being read
  coding::VerbEntry* verb = nullptr;
  while (lines.Next()) {
    if (lines.comment() || lines.text().empty()) continue;
    const std::string_view text = lines.text();
    if (!section.empty()) {
      const std::string upper = internal::Upper(text);
      if (upper == "</" + section.substr(1)) {
        section.clear();
        continue;
      }
      if (section != "<SYNSETS>") continue;  // <TIME>, <ISSUES>: not used
      if (text.front() == '&') {
        synset = internal::Upper(internal::Trim(text.substr(1)));
        while (!synset.empty() && synset.back() == '_') synset.pop_back();
        if (synset.empty()) return lines.Error("synset without a name");
        synsets[synset];
        continue;
      }
      if (text.front() != '+' || synset.empty()) {
        return lines.Error("expected '&NAME' or '+member' in <SYNSETS>");
      }
      Phrase member;
      TRIGON_RETURN_IF_ERROR(lines.Wrap(internal::ParsePhrase(text.substr(1), synsets, &member)));
      synsets[synset].push_back(std::move(member));
      continue;
    }
    if (text.front() == '<') {
      section = internal::Upper(text);
      continue;
    }
    if (text.front() == '{') {  // irregular forms of the current verb
      if (verb == nullptr) return lines.Error("verb forms before any verb");
      const size_t close = text.find('}');
      if (close == std::string_view::npos) return lines.Error("missing '}'");
      std::string_view forms = text.substr(1, close - 1);
      while (!(forms = internal::Trim(forms)).empty()) {
        const size_t blank = forms.find_first_of(" \t");
        Phrase form;
        TRIGON_RETURN_IF_ERROR(
            lines.Wrap(internal::ParsePhrase(forms.substr(0, blank), synsets, &form)));
        verb->forms.push_back(std::move(form));
        if (blank == std::string_view::npos) break;
        forms.remove_prefix(blank);
      }
      continue;
    }
    // A verb or pattern line.
    auto read_line = [&]() -> Status {
      std::vector<CodeBlock> blocks;
      std::string rest;
      const bool is_pattern = text.front() == '-';
      TRIGON_RETURN_IF_ERROR(lines.Wrap(
          internal::ParseCodeBlocks(is_pattern ? text.substr(1) : text, &blocks, &rest)));
      if (blocks.size() != 1) return lines.Error("expected one [code]");
      const std::string code = blocks[0].code;
      if (is_pattern) {
        if (verb == nullptr) return lines.Error("pattern before any verb");
        coding::VerbPattern p;
        p.code = code;
        p.text = rest;
        p.where = lines.where();
        TRIGON_RETURN_IF_ERROR(lines.Wrap(internal::ParsePhrase(rest, synsets, &p.tokens)));
        int stars = 0;
        for (const coding::PhraseToken& t : p.tokens) {
          stars += t.type == coding::PhraseToken::Type::kVerb ? 1 : 0;
        }
        if (stars != 1) return lines.Error("pattern needs exactly one '*': '" + rest + "'");
        verb->patterns.push_back(std::move(p));
        return Status::OK();
      }
      coding::VerbEntry entry;
      entry.code = code;
      entry.where = lines.where();
      Phrase root;
      TRIGON_RETURN_IF_ERROR(lines.Wrap(internal::ParsePhrase(rest, synsets, &root)));
      entry.forms.push_back(std::move(root));
      out->verbs.push_back(std::move(entry));
      verb = &out->verbs.back();
      return Status::OK();
    };
    Status st = read_line();
    if (!st.ok()) {
      if (skipped == nullptr) return st;
      skipped->push_back(st.message());
    }
  }
  if (!section.empty()) return lines.Error("missing </" + section.substr(1));
  return Status::OK();
}

namespace {

Status ReadInto(const std::string& path,
                Status (*parse)(std::string_view, std::string_view, DictionarySet*),
                DictionarySet* out) {
  TRIGON_ASSIGN_OR_RETURN(std::string bytes, ReadFileBytes(path));
  return parse(bytes, path, out);
}

}  // namespace

Result<DictionarySet> LoadTabariDictionaries(const PeerDictionaryFiles& files,
                                             std::vector<std::string>* skipped) {
  DictionarySet out;
  if (!files.verbs.empty()) {
    TRIGON_ASSIGN_OR_RETURN(std::string bytes, ReadFileBytes(files.verbs));
    TRIGON_RETURN_IF_ERROR(ParseTabariVerbs(bytes, files.verbs, &out, skipped));
  }
  for (const std::string& a : files.actors) {
    TRIGON_RETURN_IF_ERROR(ReadInto(a, ParseTabariActors, &out));
  }
  if (!files.agents.empty()) {
    TRIGON_RETURN_IF_ERROR(ReadInto(files.agents, ParseTabariAgents, &out));
  }
  if (!files.discards.empty()) {
    return Status::InvalidArgument(files.discards +
                                   ": TABARI has no discards file (use [###] codes)");
  }
  TRIGON_RETURN_IF_ERROR(out.Validate());
  return out;
}

Result<TabariProject> ReadTabariProject(const std::string& path) {
  TRIGON_ASSIGN_OR_RETURN(std::string bytes, ReadFileBytes(path));
  const std::filesystem::path dir = std::filesystem::path(path).parent_path();
  TabariProject project;
  Lines lines(bytes, path);
  while (lines.Next()) {
    const std::string_view raw = internal::Trim(lines.raw());
    if (raw.empty() || raw.front() != '<') continue;
    const size_t close = raw.find('>');
    if (close == std::string_view::npos) return lines.Error("missing '>'");
    const std::string tag = internal::Upper(raw.substr(1, close - 1));
    const std::string value(internal::Trim(raw.substr(close + 1)));
    if (value.empty()) continue;
    const std::string file = (dir / value).string();
    if (tag == "ACTORSFILE") {
      project.dictionaries.actors.push_back(file);
    } else if (tag == "VERBSFILE") {
      project.dictionaries.verbs = file;
    } else if (tag == "AGENTSFILE") {
      project.dictionaries.agents = file;
    } else if (tag == "OPTIONSFILE") {
      project.options = file;
    }
  }
  if (project.dictionaries.verbs.empty() || project.dictionaries.actors.empty()) {
    return Status::InvalidArgument(path + ": project names no <verbsfile> or <actorsfile>");
  }
  return project;
}

}  // namespace trigon::dictformat
