// Fuzzes Trigon's dictionary reader (coding::ParseTrigonDictionary, then
// DictionarySet::Validate) and the pattern syntax (coding::ParsePattern).
//
// Layout: byte 0 even: the rest is a dictionary file; odd: one pattern.
//
// Invariants: errors name "f.txt:LINE" with LINE inside the file; entries
// carry their own file:line; a validated set has upper-case alphanumeric
// codes, 2-4 digit event codes and a literal in every pattern; every
// stored pattern re-parses from its text to the same elements; a parsed
// pattern is non-empty, has a literal, and no empty literal.  A validated
// set is compiled (coding::Coder::Create, sharing one Normalizer) and codes
// a sentence made of its own forms and trigger words; the events pass
// event_checks.h.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "coding/coder.h"
#include "coding/dictionary.h"
#include "coding/trigon_dictionary.h"
#include "event_checks.h"
#include "fuzz_util.h"
#include "text/normalizer.h"

namespace {

using trigon::coding::PatternElement;

void CheckElements(const std::vector<PatternElement>& elements) {
  TRIGON_FUZZ_CHECK(!elements.empty());
  bool literal = false;
  for (const auto& e : elements) {
    if (e.type == PatternElement::Type::kLiteral) {
      literal = true;
      TRIGON_FUZZ_CHECK(!e.text.empty());
    } else {
      TRIGON_FUZZ_CHECK(e.text.empty() && !e.prefix);
    }
  }
  TRIGON_FUZZ_CHECK(literal);
}

void CheckWhere(const trigon::coding::SourceLocation& w, uint32_t lines) {
  TRIGON_FUZZ_CHECK(w.file == "f.txt");
  TRIGON_FUZZ_CHECK(w.line >= 1 && w.line <= lines);
}

void CheckPattern(const trigon::coding::EventPattern& p, uint32_t lines) {
  CheckWhere(p.where, lines);
  CheckElements(p.elements);
  std::vector<PatternElement> again;
  TRIGON_FUZZ_CHECK(trigon::coding::ParsePattern(p.text, &again).ok());
  TRIGON_FUZZ_CHECK(again == p.elements);
}

bool IsCode(const std::string& c) {
  if (c.empty()) return false;
  for (char ch : c) {
    if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) return false;
  }
  return true;
}

const trigon::text::Normalizer* SharedNormalizer() {
  static const std::unique_ptr<trigon::text::Normalizer> n = [] {
    auto r = trigon::text::Normalizer::Create();
    TRIGON_FUZZ_CHECK(r.ok());
    return std::move(r).value();
  }();
  return n.get();
}

// Compiles `set` and codes "A1 T A2." built from its first actor forms and
// first event pattern's literals.
void CompileAndCode(const trigon::coding::DictionarySet& set) {
  trigon::coding::CoderOptions options;
  options.normalizer = SharedNormalizer();
  auto coder = trigon::coding::Coder::Create(set, options);
  if (!coder.ok()) return;
  std::vector<std::string> forms;
  for (const auto& a : set.actors) {
    for (const auto& f : a.forms) forms.push_back(f.text);
  }
  std::string trigger;
  for (const auto& e : set.events) {
    for (const auto& p : e.patterns) {
      for (const auto& el : p.elements) {
        if (el.type == PatternElement::Type::kLiteral) trigger += el.text + " ";
      }
      if (!trigger.empty()) break;
    }
    if (!trigger.empty()) break;
  }
  std::string sentence = forms.empty() ? "China" : forms.front();
  sentence += " " + trigger + (forms.size() > 1 ? forms[1] : "Russia") + ".";
  sentence = trigon::fuzz::MakeValidUtf8(sentence);
  trigon::coding::SentenceInput in;
  in.text = sentence;
  in.lang = "en";
  in.document_date = "2024-05-16";
  in.want_trace = true;
  trigon::fuzz::CheckEvents((*coder)->CodeSentence(in), in);
}

}  // namespace

// Loads the slow static state (OpenCC dictionaries: seconds under ASan)
// before fuzzing starts, so that it never counts against -timeout.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)SharedNormalizer();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  trigon::fuzz::Input in(data, size);
  const bool pattern_mode = in.Byte() & 1;
  const std::string_view rest = in.Rest();

  if (pattern_mode) {
    std::vector<PatternElement> elements;
    const trigon::Status s = trigon::coding::ParsePattern(rest, &elements);
    if (s.ok()) CheckElements(elements);
    return 0;
  }

  uint32_t lines = 0;  // as the reader counts them
  for (std::string_view c = rest; !c.empty();) {
    ++lines;
    const size_t nl = c.find('\n');
    if (nl == std::string_view::npos) break;
    c.remove_prefix(nl + 1);
  }
  trigon::coding::DictionarySet set;
  const trigon::Status s =
      trigon::coding::ParseTrigonDictionary(rest, "f.txt", &set);
  if (!s.ok()) {
    const std::string& m = s.message();
    TRIGON_FUZZ_CHECK(m.rfind("f.txt:", 0) == 0);
    const uint32_t line =
        static_cast<uint32_t>(std::strtoul(m.c_str() + 6, nullptr, 10));
    TRIGON_FUZZ_CHECK(line >= 1 && line <= lines);
    return 0;
  }
  for (const auto& a : set.actors) {
    CheckWhere(a.where, lines);
    for (const auto& f : a.forms) CheckWhere(f.where, lines);
  }
  for (const auto& a : set.agents) {
    CheckWhere(a.where, lines);
    for (const auto& f : a.forms) CheckWhere(f.where, lines);
  }
  for (const auto& e : set.events) {
    CheckWhere(e.where, lines);
    for (const auto& p : e.patterns) CheckPattern(p, lines);
  }
  for (const auto& c : set.cues) CheckPattern(c.pattern, lines);

  if (!set.Validate().ok()) return 0;
  for (const auto& a : set.actors) {
    if (a.kind != trigon::coding::ActorKind::kPerson) {
      TRIGON_FUZZ_CHECK(IsCode(a.code));
    }
  }
  for (const auto& e : set.events) {
    TRIGON_FUZZ_CHECK(e.code.size() >= 2 && e.code.size() <= 4);
    for (char c : e.code) TRIGON_FUZZ_CHECK(c >= '0' && c <= '9');
  }
  CompileAndCode(set);
  return 0;
}
