// Normalisation to the matching form, with an exact offset map.
//
// Overview.  The input is cut into normalisation chunks: a chunk starts at
// every code point for which ICU's Normalizer2::hasBoundaryBefore() holds
// for NFKC_Casefold, so normalising the chunks one by one and concatenating
// gives the same string as normalising the whole input (ICU's "piecewise
// normalisation" contract, see normalizer2.h).  Every byte a chunk produces
// is mapped to the chunk's first input byte.  Three shortcuts keep common
// text cheap:
//   * an ASCII byte followed by ASCII (or the end) is a chunk whose
//     normal form is itself, lowercased; no ICU call;
//   * a single code point that ICU calls inert (most Han, kana, Hangul,
//     punctuation) is copied;
//   * anything else goes through Normalizer2::normalizeUTF8 on its own.
// The chunk output then flows through an Emitter that (a) gathers maximal
// runs of Han code points and converts each run with OpenCC t2s, and
// (b) collapses whitespace runs to one space and trims the ends.  A Han run
// in which no character changes under t2s on its own is kept without
// calling OpenCC: that is almost all Simplified text, and OpenCC costs ~15x
// the rest of the pipeline.  This assumes OpenCC's phrase table never
// rewrites a run made only of such characters; the differential test
// against a reference that converts every run checks it on the corpus.
// A run that does change is converted with a per-character table (T2sTables,
// built once in Create from OpenCC's own per-character conversions) unless
// two adjacent characters of it begin a key of two or more characters in
// the dictionaries t2s.json uses (TSPhrases, TSCharacters), or a character
// converts to other than one code point.  Without such a pair no
// multi-character key can match anywhere in the run, so OpenCC's maximum
// matching would convert it character by character too; the table gives
// the identical result ~10x faster.  Only runs with such a pair (a few per
// cent of Traditional text) reach OpenCC.  Because
// t2s runs after NFKC_Casefold, compatibility ideographs (U+F900...) and
// Kangxi radicals are already unified Han when OpenCC sees them.
//
// References: Unicode UAX #15 (normalisation forms, NFKC_Casefold in
// UAX #44 DerivedNormalizationProps), sentencepiece's normalizer.cc for the
// idea of an offset map kept alongside the normalised string.

#include "text/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "base/utf8.h"
#include "text/char_class.h"
#include "text/opencc_wrapper.h"

namespace trigon::text {
namespace {

using internal::ChineseConverter;

// Per-character t2s data, built once in Create from OpenCC's own tables.
struct T2sTables {
  // single[cp - kFirstHanCodePoint]: ChineseConverter::SingleCharTable.
  std::vector<char32_t> single;
  // Whether some multi-character key starts with cp (indexed as `single`).
  std::vector<bool> starts_key;
  // ChineseConverter::PhraseBigrams.
  std::vector<uint64_t> bigrams;

  // Whether a dictionary key of two or more characters starts "a b".
  // REQUIRES: a and b are Han.
  bool IsBigram(char32_t a, char32_t b) const {
    return starts_key[a - internal::kFirstHanCodePoint] &&
           std::binary_search(bigrams.begin(), bigrams.end(),
                              (uint64_t{a} << 21) | b);
  }
};

// Receives normalised code points with their source offsets; converts Han
// runs and collapses whitespace on the way to `out`.
class Emitter {
 public:
  // `tables` are built from `t2s` (see T2sTables).
  Emitter(const NormalizerOptions& options, const ChineseConverter* t2s,
          const T2sTables* tables, NormalizedText* out)
      : collapse_(options.collapse_whitespace),
        t2s_(t2s),
        tables_(tables),
        out_(out) {}

  // One ASCII byte that is a chunk of its own.
  void Ascii(char c, uint32_t src) {
    if (collapse_ && internal::IsWhiteSpace(static_cast<unsigned char>(c))) {
      Space(src);
      return;
    }
    FlushHan();
    EmitPendingSpace();
    out_->text.push_back(c);
    out_->offsets.push_back(src);
  }

  // The normal form of one chunk that started at input offset `src`.
  void Utf8(std::string_view bytes, uint32_t src) {
    size_t pos = 0;
    while (pos < bytes.size()) {
      const size_t start = pos;
      const char32_t c = utf8::Next(bytes, pos);
      if (collapse_ && internal::IsWhiteSpace(c)) {
        Space(src);
      } else if (t2s_ != nullptr && utf8::IsHan(c)) {
        EmitPendingSpace();
        const size_t k = c - internal::kFirstHanCodePoint;
        const char32_t single = tables_->single[k];
        han_needs_t2s_ = han_needs_t2s_ || single != c;
        // OpenCC is needed for a character that does not convert to exactly
        // one code point, or where a multi-character key may start.
        han_needs_opencc_ =
            han_needs_opencc_ || single == 0 ||
            (!han_.empty() && tables_->IsBigram(han_.back(), c));
        han_.push_back(c);
        han_src_.push_back(src);
      } else {
        FlushHan();
        EmitPendingSpace();
        Append(bytes.substr(start, pos - start), src);
      }
    }
  }

  void Finish(uint32_t input_size) {
    FlushHan();
    pending_space_ = false;  // trailing whitespace is trimmed
    out_->offsets.push_back(input_size);
  }

 private:
  void Append(std::string_view bytes, uint32_t src) {
    out_->text.append(bytes);
    out_->offsets.insert(out_->offsets.end(), bytes.size(), src);
  }

  void Space(uint32_t src) {
    FlushHan();
    // Leading whitespace is trimmed; a run keeps its first offset.
    if (!pending_space_ && !out_->text.empty()) {
      pending_space_ = true;
      pending_space_src_ = src;
    }
  }

  void EmitPendingSpace() {
    if (!pending_space_) return;
    out_->text.push_back(' ');
    out_->offsets.push_back(pending_space_src_);
    pending_space_ = false;
  }

  void FlushHan() {
    if (han_.empty()) return;
    if (han_needs_t2s_ && !han_needs_opencc_) {
      // No key of more than one character can match in the run, and every
      // character converts to one code point: OpenCC would convert it
      // character by character, which the table does without the call.
      for (size_t i = 0; i < han_.size(); ++i) {
        AppendCodePoint(tables_->single[han_[i] - internal::kFirstHanCodePoint],
                        han_src_[i]);
      }
    } else if (han_needs_t2s_ &&
               t2s_->ConvertRun(han_, /*use_phrases=*/true, &converted_,
                                &converted_src_)) {
      for (size_t j = 0; j < converted_.size(); ++j) {
        AppendCodePoint(converted_[j], han_src_[converted_src_[j]]);
      }
    } else {
      // Nothing Traditional in the run (the common case for Simplified
      // text, and no OpenCC call), or OpenCC failed: keep the run.
      for (size_t i = 0; i < han_.size(); ++i) {
        AppendCodePoint(han_[i], han_src_[i]);
      }
    }
    han_.clear();
    han_src_.clear();
    han_needs_t2s_ = false;
    han_needs_opencc_ = false;
  }

  void AppendCodePoint(char32_t c, uint32_t src) {
    const size_t before = out_->text.size();
    utf8::Append(c, out_->text);
    out_->offsets.insert(out_->offsets.end(), out_->text.size() - before, src);
  }

  const bool collapse_;
  const ChineseConverter* t2s_;  // null: no t2s step
  const T2sTables* tables_;
  NormalizedText* out_;

  bool pending_space_ = false;
  uint32_t pending_space_src_ = 0;

  // The Han run being gathered, with the source offset of each code point.
  std::u32string han_;
  std::vector<uint32_t> han_src_;
  // Whether some code point of the run changes under t2s on its own.
  bool han_needs_t2s_ = false;
  // Whether the run must go through OpenCC (see Utf8()).
  bool han_needs_opencc_ = false;
  std::u32string converted_;
  std::vector<uint32_t> converted_src_;
};

class NormalizerImpl final : public Normalizer {
 public:
  NormalizerImpl(const NormalizerOptions& options,
                 const icu::Normalizer2* normalizer2,
                 std::unique_ptr<ChineseConverter> t2s, T2sTables t2s_tables)
      : options_(options),
        normalizer2_(normalizer2),
        t2s_(std::move(t2s)),
        t2s_tables_(std::move(t2s_tables)) {}

  NormalizedText Normalize(std::string_view in) const override;
  const NormalizerOptions& options() const override { return options_; }

 private:
  // Appends the normal form of `chunk` (one or more code points starting
  // with `first`) to *scratch.
  void NormalizeChunk(std::string_view chunk, char32_t first, bool single,
                      std::string* scratch) const;

  const NormalizerOptions options_;
  const icu::Normalizer2* normalizer2_;  // ICU-owned singleton; null: no NFKC
  const std::unique_ptr<ChineseConverter> t2s_;  // null: no t2s
  // A run with no character t2s changes is kept; one that needs no phrase
  // context is converted with the single-character table; only the rest
  // are sent to OpenCC.
  const T2sTables t2s_tables_;
};

void NormalizerImpl::NormalizeChunk(std::string_view chunk, char32_t first,
                                    bool single, std::string* scratch) const {
  scratch->clear();
  if (normalizer2_ == nullptr) {
    // No NFKC: chunks are single code points, folded on their own.
    icu::UnicodeString s(static_cast<UChar32>(first));
    s.foldCase();
    s.toUTF8String(*scratch);
    return;
  }
  if (single && normalizer2_->isInert(static_cast<UChar32>(first))) {
    scratch->assign(chunk);
    return;
  }
  icu::StringByteSink<std::string> sink(scratch);
  UErrorCode status = U_ZERO_ERROR;
  normalizer2_->normalizeUTF8(
      0, icu::StringPiece(chunk.data(), static_cast<int32_t>(chunk.size())),
      sink, nullptr, status);
  // ICU fails only on invalid UTF-8 or allocation failure; keep the input.
  if (U_FAILURE(status)) scratch->assign(chunk);
}

NormalizedText NormalizerImpl::Normalize(std::string_view in) const {
  NormalizedText out;
  out.text.reserve(in.size());
  out.offsets.reserve(in.size() + 1);
  Emitter emit(options_, t2s_.get(), &t2s_tables_, &out);
  const bool fold = options_.case_fold;
  const bool transform_non_ascii = normalizer2_ != nullptr || fold;
  std::string scratch;

  const size_t n = in.size();
  size_t pos = 0;
  while (pos < n) {
    const auto start = static_cast<uint32_t>(pos);
    const auto lead = static_cast<unsigned char>(in[pos]);
    // ASCII has a boundary before it in every normalisation form, so an
    // ASCII byte followed by ASCII or the end is a chunk of its own.
    if (lead < 0x80 &&
        (pos + 1 == n || static_cast<unsigned char>(in[pos + 1]) < 0x80)) {
      const bool upper = lead >= 'A' && lead <= 'Z';
      emit.Ascii(static_cast<char>(fold && upper ? lead | 0x20 : lead), start);
      ++pos;
      continue;
    }
    const char32_t first = utf8::Next(in, pos);
    if (normalizer2_ != nullptr) {
      while (pos < n && static_cast<unsigned char>(in[pos]) >= 0x80) {
        size_t next = pos;
        const char32_t c = utf8::Next(in, next);
        if (normalizer2_->hasBoundaryBefore(static_cast<UChar32>(c))) break;
        pos = next;
      }
    }
    const std::string_view chunk = in.substr(start, pos - start);
    const bool single = chunk.size() == utf8::SequenceLength(lead);
    if (single && first < 0x80) {
      // ASCII followed by a non-ASCII code point with a boundary before it.
      const bool upper = first >= 'A' && first <= 'Z';
      emit.Ascii(static_cast<char>(fold && upper ? first | 0x20 : first),
                 start);
      continue;
    }
    if (!transform_non_ascii) {
      emit.Utf8(chunk, start);
      continue;
    }
    NormalizeChunk(chunk, first, single, &scratch);
    emit.Utf8(scratch, start);
  }
  emit.Finish(static_cast<uint32_t>(n));
  return out;
}

}  // namespace

Result<std::unique_ptr<Normalizer>> Normalizer::Create(
    const NormalizerOptions& options) {
  const icu::Normalizer2* normalizer2 = nullptr;
  if (options.nfkc) {
    UErrorCode status = U_ZERO_ERROR;
    normalizer2 = options.case_fold
                      ? icu::Normalizer2::getNFKCCasefoldInstance(status)
                      : icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status) || normalizer2 == nullptr) {
      return Status::Internal(std::string("ICU NFKC data unavailable: ") +
                              u_errorName(status));
    }
  }
  std::unique_ptr<ChineseConverter> t2s;
  T2sTables tables;
  if (options.traditional_to_simplified) {
    auto opened = ChineseConverter::Open(
        internal::ChineseConversion::kTraditionalToSimplified);
    if (!opened.ok()) return opened.status().WithContext("Normalizer::Create");
    t2s = std::move(opened).value();
    if (!t2s->SingleCharTable(&tables.single) ||
        !t2s->PhraseBigrams(&tables.bigrams)) {
      return Status::Internal("Normalizer::Create: OpenCC t2s table failed");
    }
    tables.starts_key.assign(internal::kHanTableSize, false);
    for (const uint64_t b : tables.bigrams) {
      const auto first = static_cast<char32_t>(b >> 21);
      if (first >= internal::kFirstHanCodePoint &&
          first <= internal::kLastHanCodePoint) {
        tables.starts_key[first - internal::kFirstHanCodePoint] = true;
      }
    }
  }
  return std::unique_ptr<Normalizer>(new NormalizerImpl(
      options, normalizer2, std::move(t2s), std::move(tables)));
}

}  // namespace trigon::text
