#pragma once
// INTERNAL to src/text.  The one file that reaches OpenCC (as DuckDB's
// utf8proc_wrapper does for utf8proc); the public entry points are
// normalizer.h and script_detector.h.
//
// Thread-safety: a ChineseConverter is immutable after Open(), and Convert()
// and ConvertEach() may run concurrently on one instance.  OpenCC documents
// in opencc.h that every C API call except opencc_error() is thread-safe; the
// C++ converter behind it (opencc::Converter::Convert) is const and its
// dictionaries are read-only after loading.  We call the C++ API and keep
// OpenCC's exceptions inside this file.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace opencc {
class SimpleConverter;
}  // namespace opencc

namespace trigon::text::internal {

// Han code points (utf8::IsHan) lie in [kFirstHanCodePoint,
// kLastHanCodePoint]; per-code-point tables are indexed by cp minus the
// first.
inline constexpr char32_t kFirstHanCodePoint = 0x3400;
inline constexpr char32_t kLastHanCodePoint = 0x2FA1F;
inline constexpr size_t kHanTableSize =
    kLastHanCodePoint - kFirstHanCodePoint + 1;

enum class ChineseConversion {
  kTraditionalToSimplified,  // OpenCC "t2s.json" (phrases, then characters)
  kSimplifiedToTraditional,  // OpenCC "s2t.json"
};

class ChineseConverter {
 public:
  // Loads the OpenCC configuration for `conversion` from the directory named
  // by the compile definition TRIGON_OPENCC_DATA_DIR.  Takes tens of
  // milliseconds and a few MB; create once and share.
  // Errors: NotFound / Internal carrying OpenCC's message.
  static Result<std::unique_ptr<ChineseConverter>> Open(
      ChineseConversion conversion);

  ~ChineseConverter();
  ChineseConverter(const ChineseConverter&) = delete;
  ChineseConverter& operator=(const ChineseConverter&) = delete;

  // Phrase-level conversion of `utf8`; appends the result to *out.
  // Returns false (and leaves *out unchanged) if OpenCC reported an error.
  // REQUIRES: `utf8` is valid UTF-8 without NUL bytes.
  bool Convert(std::string_view utf8, std::string* out) const;

  // Converts every code point of `cps` on its own, without phrase context:
  // on success out->size() == cps.size() and (*out)[i] is the conversion of
  // cps[i] (usually one code point, possibly more).  Batched into a single
  // OpenCC call, so it is cheap for many code points.  Returns false on an
  // OpenCC error.
  // REQUIRES: every element is a Unicode scalar value other than NUL and '\n'.
  bool ConvertEach(std::u32string_view cps,
                   std::vector<std::u32string>* out) const;

  // Converts a run of Han code points and records where each output code
  // point came from: on success (*source)[j] is the index in `cps` of the
  // input code point that produced (*out)[j]; source is non-decreasing and
  // source->size() == out->size().  With `use_phrases` the run is converted
  // as a whole (phrase context: the emperor's name U+4E7E U+9686 keeps
  // U+4E7E, which alone becomes U+5E72) and mapped code point
  // to code point; if that changes the number of code points, or without
  // `use_phrases`, each code point is converted on its own.  Returns false
  // on an OpenCC error (*out and *source are then unspecified).
  // REQUIRES: as ConvertEach.
  bool ConvertRun(std::u32string_view cps, bool use_phrases,
                  std::u32string* out, std::vector<uint32_t>* source) const;

  // Sets *changed to a table of kHanTableSize flags: (*changed)[cp -
  // kFirstHanCodePoint] is true iff cp is Han and ConvertEach changes it.
  // One batched conversion of ~97k code points (about 40 ms).  Returns false
  // on an OpenCC error.
  bool FindChangedHan(std::vector<bool>* changed) const;

  // Sets *single to kHanTableSize entries: (*single)[cp - kFirstHanCodePoint]
  // is the one code point ConvertEach turns cp into, or 0 when cp is not Han
  // or converts to more or fewer than one code point.  Same cost as
  // FindChangedHan.  Returns false on an OpenCC error.
  bool SingleCharTable(std::vector<char32_t>* single) const;

  // The adjacent pairs of Han code points that begin a multi-code-point key
  // of this conversion's dictionaries (the ocd2 files its configuration
  // names; for t2s TSPhrases and TSCharacters), as (first << 21) | second,
  // sorted.  A run of Han code points with no such adjacent pair cannot
  // match any multi-character key, so OpenCC converts it code point by code
  // point (ConvertEach).  Reads the dictionaries again (tens of ms).
  // Returns false if they cannot be read.
  bool PhraseBigrams(std::vector<uint64_t>* bigrams) const;

 private:
  ChineseConverter(std::unique_ptr<opencc::SimpleConverter> impl,
                   ChineseConversion conversion);

  std::unique_ptr<opencc::SimpleConverter> impl_;
  ChineseConversion conversion_;
};

}  // namespace trigon::text::internal
