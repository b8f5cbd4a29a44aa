// The pattern syntax shared by every dictionary format (literal words,
// trailing `*`, `…` gaps, {S}/{T} slots) and DictionarySet validation.

#include "coding/dictionary.h"

#include <string_view>

namespace trigon::coding {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026 …

bool IsCode(std::string_view code) {
  if (code.empty()) return false;
  for (char c : code) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

// Actor codes of the peer formats may also be TABARI's special codes (null,
// discard, complex) or a coded compound "FRO/BIL/SAM".
bool IsActorCode(std::string_view code) {
  if (code == "---" || code == "###" || code == "+++") return true;
  size_t start = 0;
  while (true) {
    const size_t slash = code.find('/', start);
    if (!IsCode(code.substr(start, slash - start))) return false;
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

bool IsEventCode(std::string_view code) {
  if (code.size() < 2 || code.size() > 4) return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

void AppendLiteral(std::string_view piece, std::vector<PatternElement>* out) {
  // Trim spaces; split on interior `*` (`impos* sanctions`) so that each
  // literal has at most a trailing prefix mark.
  while (!piece.empty()) {
    while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
    if (piece.empty()) return;
    size_t star = piece.find('*');
    std::string_view lit = piece.substr(0, star);
    while (!lit.empty() && lit.back() == ' ') lit.remove_suffix(1);
    if (!lit.empty()) {
      out->push_back({PatternElement::Type::kLiteral, std::string(lit),
                      star != std::string_view::npos});
    }
    if (star == std::string_view::npos) return;
    piece.remove_prefix(star + 1);
  }
}

}  // namespace

Status ParsePattern(std::string_view text, std::vector<PatternElement>* out) {
  out->clear();
  std::string_view rest = text;
  size_t literal_start = 0;
  size_t pos = 0;
  auto flush = [&](size_t end) {
    AppendLiteral(rest.substr(literal_start, end - literal_start), out);
  };
  while (pos < rest.size()) {
    if (rest.substr(pos, kEllipsis.size()) == kEllipsis ||
        rest.substr(pos, 3) == "...") {
      flush(pos);
      out->push_back({PatternElement::Type::kGap, "", false});
      pos += 3;  // both spellings are three bytes
      literal_start = pos;
      continue;
    }
    if (rest[pos] == '{') {
      const size_t close = rest.find('}', pos);
      if (close == std::string_view::npos) {
        return Status::InvalidArgument("unbalanced '{' in pattern '" +
                                       std::string(text) + "'");
      }
      std::string_view slot = rest.substr(pos + 1, close - pos - 1);
      PatternElement::Type type;
      if (slot == "S") {
        type = PatternElement::Type::kSourceSlot;
      } else if (slot == "T") {
        type = PatternElement::Type::kTargetSlot;
      } else {
        return Status::InvalidArgument("unknown slot '{" + std::string(slot) +
                                       "}' in pattern '" + std::string(text) +
                                       "'");
      }
      flush(pos);
      out->push_back({type, "", false});
      pos = close + 1;
      literal_start = pos;
      continue;
    }
    if (rest[pos] == '}') {
      return Status::InvalidArgument("unbalanced '}' in pattern '" +
                                     std::string(text) + "'");
    }
    ++pos;
  }
  flush(pos);
  bool has_literal = false;
  for (const PatternElement& e : *out) {
    if (e.type == PatternElement::Type::kLiteral) has_literal = true;
  }
  if (!has_literal) {
    return Status::InvalidArgument("pattern '" + std::string(text) +
                                   "' has no literal text");
  }
  return Status::OK();
}

Status DictionarySet::Validate() const {
  for (const ActorEntry& a : actors) {
    if (a.kind != ActorKind::kPerson && !IsCode(a.code)) {
      return Status::InvalidArgument(a.where.ToString() + ": bad actor code '" +
                                     a.code + "'");
    }
    if (a.kind == ActorKind::kPerson && a.roles.empty() &&
        a.default_code.empty()) {
      return Status::InvalidArgument(a.where.ToString() + ": person '" +
                                     a.display_name + "' has no code");
    }
    for (const DatedCode& r : a.roles) {
      if (!IsActorCode(r.code)) {
        return Status::InvalidArgument(a.where.ToString() +
                                       ": bad role code '" + r.code + "'");
      }
    }
  }
  for (const AgentEntry& a : agents) {
    if (!IsCode(a.code)) {
      return Status::InvalidArgument(a.where.ToString() + ": bad agent code '" +
                                     a.code + "'");
    }
  }
  for (const EventEntry& e : events) {
    if (!IsEventCode(e.code)) {
      return Status::InvalidArgument(e.where.ToString() + ": bad event code '" +
                                     e.code + "'");
    }
  }
  for (const VerbEntry& v : verbs) {
    if (v.forms.empty() || v.code.empty()) {
      return Status::InvalidArgument(v.where.ToString() +
                                     ": verb without a form or a code");
    }
    for (const VerbPattern& p : v.patterns) {
      int stars = 0;
      for (const PhraseToken& t : p.tokens) {
        stars += t.type == PhraseToken::Type::kVerb ? 1 : 0;
      }
      if (stars != 1 || p.code.empty()) {
        return Status::InvalidArgument(
            p.where.ToString() + ": pattern needs one '*' and a code: '" +
            p.text + "'");
      }
    }
  }
  return Status::OK();
}

}  // namespace trigon::coding
