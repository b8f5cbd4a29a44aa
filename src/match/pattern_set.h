#pragma once
// Compile once, match many: a set of literal patterns compiled into one
// immutable multi-pattern matcher (an Aho-Corasick automaton over bytes).
//
//   match::PatternSet set;
//   TRIGON_RETURN_IF_ERROR(set.Add(7, "sanction", {.prefix = true}));
//   TRIGON_RETURN_IF_ERROR(set.Add(8, "外交部"));
//   TRIGON_ASSIGN_OR_RETURN(auto matcher, set.Compile());
//   std::vector<match::Hit> hits = matcher->FindAll(normalized_text);
//
// The matcher is generic: it knows bytes, UTF-8 and word boundaries, not
// actors or events.  Literals and text are expected in the same matching
// form (text::Normalizer output: NFKC, case folded, Simplified Chinese);
// comparison is byte for byte.
//
// Boundary rule.  A literal whose first code point is a word character
// (Latin, Greek or Cyrillic letter, or digit; see word_boundary.h) matches
// only where the text's previous code point is not a word character; one
// whose last code point is a word character matches only where the next
// code point is not, unless the literal was added with `prefix` (the `*`
// of dictionary patterns: `sanction*` matches "sanctions"), in which case
// the hit is extended to the end of the word.  Han and punctuation have no
// boundaries, so `外交部` matches inside `中国外交部发言人`.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/status.h"

namespace trigon::match {

// One occurrence of a pattern: bytes [begin, end) of the matched text.
struct Hit {
  uint32_t pattern_id = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
  friend bool operator==(const Hit&, const Hit&) = default;
};

struct LiteralOptions {
  // The literal may be followed by more word characters, which the hit then
  // covers (dictionary `word*`).  Default false: whole words only.
  bool prefix = false;
};

struct PatternSetOptions {
  // Compile() fails with ResourceExhausted when the automaton would need
  // more than this many bytes.  Default 256 MiB.
  size_t max_mem = size_t{256} << 20;
};

class CompiledMatcher;

// The mutable builder.  Not thread-safe; build on one thread, then share
// the CompiledMatcher.
class PatternSet {
 public:
  explicit PatternSet(const PatternSetOptions& options = {});
  ~PatternSet();
  PatternSet(const PatternSet&) = delete;
  PatternSet& operator=(const PatternSet&) = delete;

  // Adds `literal` under `pattern_id`.  Ids need not be dense or unique: two
  // literals may share an id, and the same literal may be added under
  // several ids (each is reported).
  // Errors: InvalidArgument (empty literal, invalid UTF-8; the message quotes
  // the literal and its id).
  Status Add(uint32_t pattern_id, std::string_view literal,
             const LiteralOptions& options = {});

  size_t size() const { return literals_.size(); }

  // Builds the automaton.  The PatternSet stays usable (more Adds and another
  // Compile are allowed).  Errors: ResourceExhausted (options.max_mem).
  Result<std::unique_ptr<CompiledMatcher>> Compile() const;

 private:
  struct Literal {
    std::string text;
    uint32_t id;
    bool prefix;
  };
  PatternSetOptions options_;
  std::vector<Literal> literals_;
};

// Immutable and thread-safe: FindAll may run concurrently on many threads
// (it needs no scratch space beyond its output vector).
class CompiledMatcher {
 public:
  virtual ~CompiledMatcher() = default;
  CompiledMatcher(const CompiledMatcher&) = delete;
  CompiledMatcher& operator=(const CompiledMatcher&) = delete;

  // All hits in `text`, overlapping ones included, sorted by begin, then by
  // end descending (longest first), then by pattern id.
  // REQUIRES: `text` is valid UTF-8 and shorter than 4 GiB.
  std::vector<Hit> FindAll(std::string_view text) const {
    std::vector<Hit> hits;
    FindAll(text, &hits);
    return hits;
  }
  // As above, reusing `hits` (cleared first) so hot loops do not allocate.
  virtual void FindAll(std::string_view text, std::vector<Hit>* hits) const = 0;

  virtual size_t num_patterns() const = 0;
  // Bytes held by the automaton (for budgets and benchmarks).
  virtual size_t memory_bytes() const = 0;

 protected:
  CompiledMatcher() = default;
};

// The order FindAll reports hits in.
inline bool HitLess(const Hit& a, const Hit& b) {
  if (a.begin != b.begin) return a.begin < b.begin;
  if (a.end != b.end) return a.end > b.end;
  return a.pattern_id < b.pattern_id;
}

}  // namespace trigon::match
