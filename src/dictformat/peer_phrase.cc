// The phrase and code-block syntax of the TABARI / PETRARCH-2 dictionaries.

#include "dictformat/peer_phrase.h"

#include <cstdio>

namespace trigon::dictformat::internal {
namespace {

using coding::Phrase;
using coding::PhraseToken;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// A token ends at a blank, a connector or a brace.
bool EndsToken(char c) {
  return IsBlank(c) || c == '_' || c == '{' || c == '}' || c == '|';
}

class PhraseParser {
 public:
  PhraseParser(std::string_view text, const SynsetMap& synsets)
      : text_(text), synsets_(synsets) {}

  Status Parse(Phrase* out) {
    bool stopped_at_bar = false;
    TRIGON_RETURN_IF_ERROR(ParseSequence(false, out, &stopped_at_bar));
    if (pos_ < text_.size()) return Error("unexpected '" + std::string(1, text_[pos_]) + "'");
    if (out->empty()) return Error("empty phrase");
    return Status::OK();
  }

 private:
  Status Error(const std::string& what) const {
    return Status::InvalidArgument(what + " in phrase '" + std::string(text_) + "'");
  }
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }

  // After a token: a `_` makes a word whole and joins the next token when
  // one is written right after it.
  void ReadConnector(PhraseToken* token, bool* join_next) {
    *join_next = false;
    if (Peek() != '_') return;
    ++pos_;
    if (token != nullptr && token->type == PhraseToken::Type::kWord &&
        token->match == PhraseToken::Match::kStem && !stem_mark_) {
      token->match = PhraseToken::Match::kEndings;
    }
    while (Peek() == '_') ++pos_;  // "WORD__" is a typo for "WORD_"
    const char next = Peek();
    *join_next = !(AtEnd() || IsBlank(next) || next == '|' || next == '}');
  }

  Status ParseSequence(bool in_group, Phrase* out, bool* stopped_at_bar) {
    bool join = false;
    while (true) {
      while (!AtEnd() && IsBlank(Peek())) {
        ++pos_;
        join = false;
      }
      // A stray connector ("+_SYRIAN_COALITION" in Phoenix) joins nothing.
      while (!AtEnd() && Peek() == '_' && (out->empty() || !join)) ++pos_;
      if (!AtEnd() && IsBlank(Peek())) continue;
      if (AtEnd()) {
        if (in_group) return Error("missing '}'");
        return Status::OK();
      }
      const char c = Peek();
      if (c == '|' || c == '}') {
        if (!in_group) return Error("unbalanced '" + std::string(1, c) + "'");
        *stopped_at_bar = c == '|';
        ++pos_;
        return Status::OK();
      }
      PhraseToken token;
      token.joined = join;
      stem_mark_ = false;
      if (c == '{') {
        ++pos_;
        token.type = PhraseToken::Type::kAlternatives;
        while (true) {
          Phrase alt;
          bool bar = false;
          TRIGON_RETURN_IF_ERROR(ParseSequence(true, &alt, &bar));
          if (alt.empty()) return Error("empty alternative");
          token.alternatives.push_back(std::move(alt));
          if (!bar) break;
        }
      } else if (c == '&') {
        ++pos_;
        const size_t start = pos_;
        while (!AtEnd() && !EndsToken(Peek())) ++pos_;
        const std::string name(text_.substr(start, pos_ - start));
        auto it = synsets_.find(name);
        if (it == synsets_.end()) return Error("unknown synset '&" + name + "'");
        token.type = PhraseToken::Type::kAlternatives;
        token.text = "&" + name;
        token.alternatives = it->second;
      } else if ((c == '*' || c == '$' || c == '+' || c == '%' || c == '^') &&
                 (pos_ + 1 == text_.size() || EndsToken(Peek(1)) || Peek(1) == '~')) {
        ++pos_;
        if (Peek() == '~') ++pos_;  // "*~_CLOSELY": the verb's ending is free anyway
        token.type = c == '*'   ? PhraseToken::Type::kVerb
                     : c == '$' ? PhraseToken::Type::kSource
                     : c == '+' ? PhraseToken::Type::kTarget
                     : c == '%' ? PhraseToken::Type::kCompound
                                : PhraseToken::Type::kSkipActor;
      } else {
        const size_t start = pos_;
        while (!AtEnd() && !EndsToken(Peek())) ++pos_;
        std::string word(text_.substr(start, pos_ - start));
        if (word.empty()) return Error("empty word");
        token.match = PhraseToken::Match::kStem;
        if (word.size() > 1 && word.back() == '=') {
          word.pop_back();
          token.match = PhraseToken::Match::kExact;
        } else if (word.size() > 1 && word.back() == '~') {
          word.pop_back();
          stem_mark_ = true;
        }
        token.text = std::move(word);
      }
      bool join_next = false;
      ReadConnector(&token, &join_next);
      out->push_back(std::move(token));
      join = join_next;
    }
  }

  std::string_view text_;
  const SynsetMap& synsets_;
  size_t pos_ = 0;
  bool stem_mark_ = false;
};

// Days since 1970-01-01 and back (H. Hinnant's civil-calendar algorithms).
long DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097L + static_cast<long>(doe) - 719468L;
}

std::string CivilFromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const long y = static_cast<long>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04ld-%02u-%02u", y, m, d);
  return buf;
}

// "911226" / "19911226" -> "1991-12-26"; "" on error.
std::string IsoDate(std::string_view digits) {
  for (char c : digits) {
    if (c < '0' || c > '9') return "";
  }
  int year = 0;
  std::string_view md;
  if (digits.size() == 6) {
    year = (digits[0] - '0') * 10 + (digits[1] - '0');
    year += year < 30 ? 2000 : 1900;
    md = digits.substr(2);
  } else if (digits.size() == 8) {
    year = std::stoi(std::string(digits.substr(0, 4)));
    md = digits.substr(4);
  } else {
    return "";
  }
  const unsigned month = static_cast<unsigned>((md[0] - '0') * 10 + (md[1] - '0'));
  const unsigned day = static_cast<unsigned>((md[2] - '0') * 10 + (md[3] - '0'));
  if (month < 1 || month > 12 || day < 1 || day > 31) return "";
  return CivilFromDays(DaysFromCivil(year, month, day));
}

std::string NextDay(const std::string& iso) {
  const int y = std::stoi(iso.substr(0, 4));
  const auto m = static_cast<unsigned>(std::stoi(iso.substr(5, 2)));
  const auto d = static_cast<unsigned>(std::stoi(iso.substr(8, 2)));
  return CivilFromDays(DaysFromCivil(y, m, d) + 1);
}

Status ParseBlock(std::string_view inside, CodeBlock* block) {
  std::string s(Trim(inside));
  if (s.rfind("- - -", 0) == 0) s = "---" + s.substr(5);
  // "~ GOV" and "NGO ~" are the same as "~GOV", "NGO~".
  if (s.size() > 1 && s[0] == '~') s = "~" + std::string(Trim(s.substr(1)));
  size_t end = 0;
  while (end < s.size() && !IsBlank(s[end]) && s[end] != '<' && s[end] != '>') ++end;
  block->code = Upper(s.substr(0, end));
  std::string when;
  for (char c : s.substr(end)) {
    if (!IsBlank(c)) when.push_back(c);
  }
  if (!when.empty() && when.front() == '~') {  // "NGO ~"
    block->code += "~";
    when.erase(0, 1);
  }
  if (block->code.empty()) return Status::InvalidArgument("no code in '[" + s + "]'");
  if (when.empty()) return Status::OK();
  auto bad = [&] { return Status::InvalidArgument("bad date restriction in '[" + s + "]'"); };
  if (when[0] == '<' || when[0] == '>') {
    const std::string date = IsoDate(std::string_view(when).substr(1));
    if (date.empty()) return bad();
    block->when = when[0] == '<' ? CodeBlock::When::kBefore : CodeBlock::When::kAfter;
    (when[0] == '<' ? block->to : block->from) = date;
    return Status::OK();
  }
  const size_t dash = when.find('-');
  if (dash == std::string::npos) return bad();
  block->from = IsoDate(std::string_view(when).substr(0, dash));
  block->to = IsoDate(std::string_view(when).substr(dash + 1));
  if (block->from.empty() || block->to.empty()) return bad();
  block->when = CodeBlock::When::kBetween;
  return Status::OK();
}

void AppendText(const Phrase& phrase, std::string* out) {
  for (const PhraseToken& t : phrase) {
    std::string piece;
    switch (t.type) {
      case PhraseToken::Type::kWord: piece = t.text; break;
      case PhraseToken::Type::kAlternatives:
        if (!t.alternatives.empty()) AppendText(t.alternatives[0], &piece);
        break;
      default: continue;
    }
    if (piece.empty()) continue;
    if (!out->empty()) out->push_back(' ');
    out->append(piece);
  }
}

}  // namespace

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (IsBlank(s.front()) || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (IsBlank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

Status ParsePhrase(std::string_view text, const SynsetMap& synsets, coding::Phrase* out) {
  out->clear();
  std::string upper = Upper(Trim(text));
  for (char& c : upper) {
    if (c == '-') c = '_';
  }
  PhraseParser parser(upper, synsets);
  return parser.Parse(out);
}

std::string PhraseText(const coding::Phrase& phrase) {
  std::string out;
  AppendText(phrase, &out);
  return out;
}

Status ParseCodeBlocks(std::string_view text, std::vector<CodeBlock>* blocks,
                       std::string* rest) {
  blocks->clear();
  const size_t first = text.find('[');
  *rest = std::string(Trim(text.substr(0, first)));
  size_t pos = first;
  while (pos != std::string_view::npos) {
    const size_t close = text.find(']', pos);
    if (close == std::string_view::npos) {
      return Status::InvalidArgument("missing ']' in '" + std::string(Trim(text)) + "'");
    }
    CodeBlock block;
    TRIGON_RETURN_IF_ERROR(ParseBlock(text.substr(pos + 1, close - pos - 1), &block));
    blocks->push_back(std::move(block));
    pos = text.find('[', close);
  }
  return Status::OK();
}

void BlocksToRoles(const std::vector<CodeBlock>& blocks, std::vector<coding::DatedCode>* roles,
                   std::string* default_code) {
  for (const CodeBlock& b : blocks) {
    switch (b.when) {
      case CodeBlock::When::kAlways: *default_code = b.code; break;
      case CodeBlock::When::kBefore: roles->push_back({b.code, "", b.to}); break;
      case CodeBlock::When::kAfter: roles->push_back({b.code, b.from, ""}); break;
      case CodeBlock::When::kBetween:
        roles->push_back({b.code, b.from, NextDay(b.to)});
        break;
    }
  }
}

bool StripAgentTilde(std::string* code, bool* code_first) {
  *code_first = !code->empty() && code->back() == '~';
  if (*code_first) {
    code->pop_back();
    return true;
  }
  if (!code->empty() && code->front() == '~') {
    code->erase(0, 1);
    return true;
  }
  return false;
}

Status FlushActor(PendingActor* p, coding::DictionarySet* out) {
  if (p->phrases.empty()) return Status::OK();
  if (p->blocks.empty()) {
    return Status::InvalidArgument(p->where.ToString() + ": actor '" +
                                   PhraseText(p->phrases[0].first) + "' has no [code]");
  }
  coding::ActorEntry a;
  a.kind = coding::ActorKind::kPerson;  // codes by date
  a.display_name = PhraseText(p->phrases[0].first);
  a.where = p->where;
  BlocksToRoles(p->blocks, &a.roles, &a.default_code);
  for (auto& [phrase, where] : p->phrases) {
    coding::ActorForm f;
    f.text = PhraseText(phrase);
    f.lang = "en";
    f.where = where;
    f.phrase = std::move(phrase);
    a.forms.push_back(std::move(f));
  }
  out->actors.push_back(std::move(a));
  *p = PendingActor();
  return Status::OK();
}

}  // namespace trigon::dictformat::internal
