#pragma once
// The matching form of text, with a map back to the input bytes.
//
//   TRIGON_ASSIGN_OR_RETURN(auto normalizer, text::Normalizer::Create());
//   text::NormalizedText n = normalizer->Normalize(sentence_utf8);
//   // n.text is what dictionaries match against; a match at normalised
//   // bytes [a, b) came from input bytes [n.offsets[a], n.offsets[b]).
//
// The matching form is, in this order:
//   1. NFKC with full case folding (Unicode NFKC_Casefold, via ICU): width
//      and compatibility variants unified (full-width U+FF21.. "ABC" ->
//      "abc", ligature U+FB01 -> "fi", full-width punctuation -> ASCII:
//      U+FF0C -> ","), combining sequences composed (e + U+0301 -> U+00E9),
//      case folded (The -> the, U+00DF sharp s -> ss), default-
//      ignorable code points removed (U+200B, soft hyphen, variation
//      selectors).
//   2. Traditional -> Simplified Chinese (OpenCC t2s, phrase level): each
//      maximal run of Han characters is converted as a whole ("America's
//      president" U+7F8E U+570B U+7E3D U+7D71 -> U+7F8E U+56FD U+603B
//      U+7EDF).
//   3. Whitespace collapsed: every run of Unicode White_Space (space, tab,
//      newlines, U+3000, NBSP, ...) becomes one ASCII space; leading and
//      trailing whitespace is removed.
// Stored document text is never modified; this form is derived on demand.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace trigon::text {

struct NormalizedText {
  std::string text;  // normalised UTF-8
  // offsets.size() == text.size() + 1.  offsets[i] is the byte offset in the
  // input of the start of the code point (or normalisation chunk, see
  // Normalizer::Normalize) that normalised byte i came from; the last entry
  // is input.size().  Non-decreasing, and every entry is the start of a
  // UTF-8 sequence of the input (or input.size()).
  std::vector<uint32_t> offsets;
};

struct NormalizerOptions {
  // Step 1: NFKC.  Default true.
  bool nfkc = true;
  // Step 1: full Unicode case folding.  Default true.  Without nfkc, each
  // code point is folded on its own.
  bool case_fold = true;
  // Step 2: OpenCC t2s.  Default true.  Needs OpenCC's data files.
  bool traditional_to_simplified = true;
  // Step 3.  Default true.
  bool collapse_whitespace = true;
};

// Compile once (Create), normalise many times.  An instance is immutable and
// Normalize() may be called concurrently from many threads.
class Normalizer {
 public:
  // Loads ICU's normalisation data and, if options ask for it, OpenCC's t2s
  // dictionaries and a per-character table derived from them (about 0.1 s;
  // create once and share the instance).
  // Errors: NotFound (OpenCC configuration missing), Internal (ICU or OpenCC
  // failed to initialise).
  static Result<std::unique_ptr<Normalizer>> Create(
      const NormalizerOptions& options = {});

  virtual ~Normalizer() = default;
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  // Returns the matching form of `utf8` and its offset map.
  //
  // Offsets are exact to the normalisation chunk: the input is split before
  // every code point that starts a new NFKC_Casefold segment (ICU's
  // hasBoundaryBefore), each chunk is normalised alone (which gives the same
  // result as normalising the whole string), and every output byte maps to
  // the start of its chunk.  A chunk is usually one code point; a base
  // letter with its combining marks is one chunk.  Han characters converted
  // by t2s map code point to code point when the phrase conversion keeps the
  // run's length; when it does not, that run is converted character by
  // character instead, so the map stays exact.  A collapsed space maps to
  // the first whitespace character of its run.
  //
  // Cost: ASCII input is lowercased and space-collapsed inline, without ICU
  // or OpenCC; other text calls ICU per non-trivial chunk.  A Han run with
  // no character t2s changes is kept as is; one in which no two adjacent
  // characters begin a multi-character key of OpenCC's t2s dictionaries is
  // converted with a per-character table built from OpenCC at Create (the
  // same result OpenCC gives); only the remaining runs call OpenCC.  If
  // OpenCC fails on a run (not expected for valid UTF-8) the run is left in
  // its original form.
  //
  // REQUIRES: `utf8` is valid UTF-8 (validated at ingest) and shorter than
  // 4 GiB.
  virtual NormalizedText Normalize(std::string_view utf8) const = 0;

  // The options this instance was created with.
  virtual const NormalizerOptions& options() const = 0;

 protected:
  Normalizer() = default;
};

}  // namespace trigon::text
