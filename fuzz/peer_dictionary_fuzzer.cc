// Fuzzes the readers of the field's dictionaries (src/dictformat): TABARI
// actors, agents and verbs, PETRARCH-2 actors, agents, verbs and discards,
// and TABARI option lines.
//
// Layout: byte 0 picks the reader (mod 8); the rest is one file's text.
//
// Invariants: a parse error names "f.txt:LINE" with LINE inside the file
// (or the file alone); skipped verb lines do too; a set that validates
// compiles into a PatternCoder (or fails with a Status) and codes a
// sentence made of its own phrases without crashing, every event having
// non-empty source, target and code.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"
#include "coding/dictionary.h"
#include "dictformat/pattern_coder.h"
#include "dictformat/petrarch_reader.h"
#include "dictformat/tabari_options.h"
#include "dictformat/tabari_reader.h"
#include "fuzz_util.h"

namespace {

using trigon::Status;
using trigon::coding::DictionarySet;
namespace df = trigon::dictformat;

uint32_t CountLines(std::string_view text) {
  uint32_t lines = 1;
  for (char c : text) lines += c == '\n';
  return lines;
}

// "f.txt" or "f.txt:N..." with 1 <= N <= lines.
void CheckNamesLine(std::string_view message, uint32_t lines) {
  const size_t at = message.find("f.txt");
  TRIGON_FUZZ_CHECK(at != std::string_view::npos);
  std::string_view rest = message.substr(at + 5);
  if (rest.empty() || rest[0] != ':') return;
  uint64_t n = 0;
  size_t i = 1;
  while (i < rest.size() && i < 12 && rest[i] >= '0' && rest[i] <= '9') {
    n = n * 10 + static_cast<uint64_t>(rest[i] - '0');
    ++i;
  }
  if (i == 1) return;  // "f.txt: message"
  TRIGON_FUZZ_CHECK(n >= 1 && n <= lines);
}

// A sentence made of the set's first actor phrase, first verb phrase and
// second actor phrase, so the coder has something to match.
std::string SentenceFrom(const DictionarySet& set) {
  std::vector<std::string> words;
  for (const auto& a : set.actors) {
    if (!a.forms.empty()) words.push_back(a.forms.front().text);
    if (words.size() == 2) break;
  }
  std::string verb;
  for (const auto& e : set.events) {
    for (const auto& p : e.patterns) {
      if (!p.text.empty()) {
        verb = p.text;
        break;
      }
    }
    if (!verb.empty()) break;
  }
  std::string sentence = (words.empty() ? "Russia" : words[0]) + " " + verb + " " +
                         (words.size() > 1 ? words[1] : "China") + ".";
  return trigon::fuzz::MakeValidUtf8(sentence);
}

void CompileAndCode(const DictionarySet& set) {
  if (!set.Validate().ok()) return;
  auto coder = df::PatternCoder::Create(set);
  if (!coder.ok()) return;
  const std::string sentence = SentenceFrom(set);
  df::PatternInput in;
  in.sentence = sentence;
  in.date = "2024-05-16";
  in.want_trace = true;
  const df::PatternResult r = (*coder)->Code(in, df::PatternCoderOptions());
  for (const auto& e : r.events) {
    TRIGON_FUZZ_CHECK(!e.source.empty() && !e.target.empty() && !e.code.empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  trigon::fuzz::Input input(data, size);
  const uint8_t which = input.Byte() % 8;
  const std::string text = trigon::fuzz::MakeValidUtf8(input.Rest());
  const uint32_t lines = CountLines(text);
  DictionarySet set;
  std::vector<std::string> skipped;
  Status s;
  switch (which) {
    case 0:
      s = df::ParseTabariActors(text, "f.txt", &set);
      break;
    case 1:
      s = df::ParseTabariAgents(text, "f.txt", &set);
      break;
    case 2:
      s = df::ParseTabariVerbs(text, "f.txt", &set);
      break;
    case 3: {
      // Skipping bad lines never skips a file the strict reader accepts.
      DictionarySet strict;
      const bool strict_ok = df::ParseTabariVerbs(text, "f.txt", &strict).ok();
      s = df::ParseTabariVerbs(text, "f.txt", &set, &skipped);
      if (strict_ok) TRIGON_FUZZ_CHECK(s.ok() && skipped.empty());
      break;
    }
    case 4:
      s = df::ParsePetrarchActors(text, "f.txt", &set);
      break;
    case 5:
      s = df::ParsePetrarchAgents(text, "f.txt", &set);
      break;
    case 6:
      s = df::ParsePetrarchVerbs(text, "f.txt", &set);
      break;
    case 7: {
      // Option lines, then discards: both small grammars.
      df::PatternCoderOptions options;
      const size_t newline = text.find('\n');
      (void)df::ApplyTabariOption(std::string_view(text).substr(0, newline), &options);
      s = df::ParsePetrarchDiscards(text, "f.txt", &set);
      break;
    }
  }
  for (const auto& line : skipped) CheckNamesLine(line, lines);
  if (!s.ok()) {
    CheckNamesLine(s.message(), lines);
    return 0;
  }
  CompileAndCode(set);
  return 0;
}
