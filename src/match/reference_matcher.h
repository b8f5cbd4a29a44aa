#pragma once
// TEST ONLY: the slow, obvious matcher that CompiledMatcher is compared
// against (pattern_set.h has the contract).  Header-only so that it is
// compiled into test binaries and never into the library.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "match/pattern_set.h"
#include "match/word_boundary.h"

namespace trigon::match::testing {

class ReferenceMatcher {
 public:
  void Add(uint32_t id, std::string_view literal, bool prefix = false) {
    patterns_.push_back({id, std::string(literal), prefix});
  }

  // Every occurrence of every literal found by std::string_view::find, then
  // filtered by the boundary rule.
  std::vector<Hit> FindAll(std::string_view text) const {
    std::vector<Hit> hits;
    for (const Pattern& p : patterns_) {
      const bool word_first =
          internal::IsWordChar(internal::FirstCodePoint(p.literal));
      const bool word_last =
          internal::IsWordChar(internal::LastCodePoint(p.literal));
      for (size_t pos = text.find(p.literal); pos != std::string_view::npos;
           pos = text.find(p.literal, pos + 1)) {
        size_t end = pos + p.literal.size();
        if (word_first && internal::WordCharBefore(text, pos)) continue;
        if (word_last) {
          if (p.prefix) {
            end = internal::SkipWordChars(text, end);
          } else if (internal::WordCharAt(text, end)) {
            continue;
          }
        }
        hits.push_back(
            Hit{p.id, static_cast<uint32_t>(pos), static_cast<uint32_t>(end)});
      }
    }
    std::sort(hits.begin(), hits.end(), HitLess);
    return hits;
  }

 private:
  struct Pattern {
    uint32_t id;
    std::string literal;
    bool prefix;
  };
  std::vector<Pattern> patterns_;
};

}  // namespace trigon::match::testing
