#include "text/normalizer.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "testing/testing.h"
#include "text/opencc_wrapper.h"

namespace trigon::text {
namespace {

std::unique_ptr<Normalizer> MakeNormalizer(
    const NormalizerOptions& options = {}) {
  auto n = Normalizer::Create(options);
  EXPECT_TRUE(n.ok()) << n.status().ToString();
  return n.ok() ? std::move(n).value() : nullptr;
}

std::vector<uint32_t> Repeat(
    std::initializer_list<std::pair<uint32_t, int>> runs) {
  std::vector<uint32_t> out;
  for (auto [value, count] : runs) out.insert(out.end(), count, value);
  return out;
}

class NormalizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    normalizer_ = MakeNormalizer();
    ASSERT_NE(normalizer_, nullptr);
  }
  NormalizedText Norm(std::string_view s) const {
    return normalizer_->Normalize(s);
  }

  std::unique_ptr<Normalizer> normalizer_;
};

TEST_F(NormalizerTest, FullWidthLatin) {
  const NormalizedText n = Norm("ＡＢＣ");
  EXPECT_EQ(n.text, "abc");
  EXPECT_EQ(n.offsets, (std::vector<uint32_t>{0, 3, 6, 9}));
}

TEST_F(NormalizerTest, AsciiIsLowercasedByteForByte) {
  const NormalizedText n = Norm("The U.S.");
  EXPECT_EQ(n.text, "the u.s.");
  EXPECT_EQ(n.offsets, (std::vector<uint32_t>{0, 1, 2, 3, 4, 5, 6, 7, 8}));
}

TEST_F(NormalizerTest, TraditionalToSimplifiedWithExactOffsets) {
  const NormalizedText n = Norm("美國總統川普");
  EXPECT_EQ(n.text, "美国总统川普");
  EXPECT_EQ(
      n.offsets,
      Repeat({{0, 3}, {3, 3}, {6, 3}, {9, 3}, {12, 3}, {15, 3}, {18, 1}}));
}

TEST_F(NormalizerTest, PhraseConversionKeepsNames) {
  EXPECT_EQ(Norm("乾隆皇帝後來").text, "乾隆皇帝后来");
  EXPECT_EQ(Norm("頭髮").text, "头发");
}

TEST_F(NormalizerTest, Ligature) {
  const NormalizedText n = Norm("ﬁle");  // U+FB01 is 3 bytes
  EXPECT_EQ(n.text, "file");
  EXPECT_EQ(n.offsets, (std::vector<uint32_t>{0, 0, 3, 4, 5}));
}

TEST_F(NormalizerTest, CombiningSequenceIsOneChunk) {
  const NormalizedText n = Norm("Cafe\xCC\x81 X");  // e + U+0301
  EXPECT_EQ(n.text, "caf\xC3\xA9 x");               // é precomposed
  EXPECT_EQ(n.offsets, (std::vector<uint32_t>{0, 1, 2, 3, 3, 6, 7, 8}));
}

TEST_F(NormalizerTest, FullWidthDigitsAndPunctuation) {
  const NormalizedText n = Norm("１２３，！");
  EXPECT_EQ(n.text, "123,!");
  EXPECT_EQ(n.offsets, (std::vector<uint32_t>{0, 3, 6, 9, 12, 15}));
}

TEST_F(NormalizerTest, WhitespaceCollapsedAndTrimmed) {
  // Input bytes: 0-1 "  ", 2 'a', 3 ' ', 4-5 "\n\n", 6 '\t', 7 ' ', 8 'b',
  // 9-11 U+3000, 12 'c', 13-14 "  ".
  const NormalizedText n = Norm("  a \n\n\t b\u3000c  ");
  EXPECT_EQ(n.text, "a b c");
  EXPECT_EQ(n.offsets, (std::vector<uint32_t>{2, 3, 8, 9, 12, 15}));
}

TEST_F(NormalizerTest, CaseFoldingIsFull) {
  EXPECT_EQ(Norm("STRASSE Straße").text, "strasse strasse");
  EXPECT_EQ(Norm("ΣΊΣΥΦΟΣ").text, "σίσυφοσ");
}

TEST_F(NormalizerTest, DefaultIgnorablesRemoved) {
  const NormalizedText n = Norm("a\u200Bb");  // ZERO WIDTH SPACE, 3 bytes
  EXPECT_EQ(n.text, "ab");
  EXPECT_EQ(n.offsets, (std::vector<uint32_t>{0, 4, 5}));
}

TEST_F(NormalizerTest, CompatibilityIdeographsBecomeUnifiedThenSimplified) {
  // U+2F00 KANGXI RADICAL ONE -> 一; U+F9B1 (compatibility 鈴) -> 鈴 -> 铃.
  EXPECT_EQ(Norm("\u2F00\uF9B1").text, "一铃");
}

TEST_F(NormalizerTest, EmptyAndBlank) {
  NormalizedText n = Norm("");
  EXPECT_EQ(n.text, "");
  EXPECT_EQ(n.offsets, (std::vector<uint32_t>{0}));
  n = Norm(" \n\u3000 ");
  EXPECT_EQ(n.text, "");
  EXPECT_EQ(n.offsets, (std::vector<uint32_t>{6}));
}

TEST(NormalizerOptionsTest, EachStepCanBeTurnedOff) {
  NormalizerOptions options;
  options.traditional_to_simplified = false;
  auto no_t2s = MakeNormalizer(options);
  ASSERT_NE(no_t2s, nullptr);
  EXPECT_EQ(no_t2s->Normalize("美國 ＡＢＣ").text, "美國 abc");

  options = {};
  options.collapse_whitespace = false;
  auto keep_space = MakeNormalizer(options);
  ASSERT_NE(keep_space, nullptr);
  EXPECT_EQ(keep_space->Normalize(" A\n\nB ").text, " a\n\nb ");

  options = {};
  options.nfkc = false;
  auto fold_only = MakeNormalizer(options);
  ASSERT_NE(fold_only, nullptr);
  // Full case folding without NFKC: Ａ -> ａ (still full width), ﬁ -> fi.
  EXPECT_EQ(fold_only->Normalize("ＡB ﬁ").text, "ａb fi");

  options = {};
  options.case_fold = false;
  auto nfkc_only = MakeNormalizer(options);
  ASSERT_NE(nfkc_only, nullptr);
  EXPECT_EQ(nfkc_only->Normalize("ＡB ﬁ").text, "AB fi");

  options = {false, false, false, false};
  auto identity = MakeNormalizer(options);
  ASSERT_NE(identity, nullptr);
  const std::string input = " ＡB\u200B 國 ";
  const NormalizedText n = identity->Normalize(input);
  EXPECT_EQ(n.text, input);
  ASSERT_EQ(n.offsets.size(), input.size() + 1);
  EXPECT_EQ(n.offsets.back(), input.size());
}

// ---------------------------------------------------------------------------
// Properties.

bool IsSequenceStart(std::string_view s, uint32_t offset) {
  return offset == s.size() ||
         (static_cast<unsigned char>(s[offset]) & 0xC0) != 0x80;
}

std::string TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

bool IsHanAt(std::string_view text, size_t pos) {
  return utf8::IsHan(utf8::Next(text, pos));
}

// Checks, for Normalize(input) == n:
//  1. n.offsets.size() == n.text.size() + 1 and n.offsets.back() == input size;
//  2. offsets are non-decreasing;
//  3. every offset is the start of a UTF-8 sequence of the input (or its end);
//  4. n.text is valid UTF-8;
//  5. for cut points a < b -- normalised positions where a new chunk starts
//     (0, text.size(), or offsets[a] != offsets[a - 1]) and that are not
//     between two Han code points (t2s converts Han runs with phrase
//     context, so cutting inside a run may legitimately change the result)
//     -- TrimSpaces(Normalize(input[offsets[a], offsets[b])).text) equals
//     TrimSpaces(n.text.substr(a, b - a)).  Checked for every pair of
//     consecutive cut points and for `random_pairs` random pairs.
void CheckProperties(const Normalizer& normalizer, std::string_view input,
                     const NormalizedText& n, std::mt19937* rng,
                     int random_pairs) {
  ASSERT_EQ(n.offsets.size(), n.text.size() + 1);
  ASSERT_EQ(n.offsets.back(), input.size());
  ASSERT_FALSE(utf8::FindInvalid(n.text).has_value());
  for (size_t i = 0; i < n.offsets.size(); ++i) {
    ASSERT_LE(n.offsets[i], input.size());
    ASSERT_TRUE(IsSequenceStart(input, n.offsets[i])) << "offset index " << i;
    if (i > 0) {
      ASSERT_LE(n.offsets[i - 1], n.offsets[i]) << "offset index " << i;
    }
  }
  std::vector<size_t> cuts = {0};
  for (size_t i = 1; i < n.text.size(); ++i) {
    if (n.offsets[i] == n.offsets[i - 1]) continue;
    const size_t prev = i - 1 - [&] {
      size_t k = 0;
      while ((static_cast<unsigned char>(n.text[i - 1 - k]) & 0xC0) == 0x80)
        ++k;
      return k;
    }();
    if (IsHanAt(n.text, prev) && IsHanAt(n.text, i)) continue;
    cuts.push_back(i);
  }
  if (!n.text.empty()) cuts.push_back(n.text.size());

  auto check = [&](size_t a, size_t b) {
    const std::string_view piece =
        input.substr(n.offsets[a], n.offsets[b] - n.offsets[a]);
    EXPECT_EQ(TrimSpaces(normalizer.Normalize(piece).text),
              TrimSpaces(std::string_view(n.text).substr(a, b - a)))
        << "cut [" << a << ", " << b << ") input bytes [" << n.offsets[a]
        << ", " << n.offsets[b] << ")";
  };
  for (size_t k = 0; k + 1 < cuts.size(); ++k) check(cuts[k], cuts[k + 1]);
  if (cuts.size() < 2) return;
  std::uniform_int_distribution<size_t> pick(0, cuts.size() - 1);
  for (int r = 0; r < random_pairs; ++r) {
    size_t a = pick(*rng);
    size_t b = pick(*rng);
    if (a > b) std::swap(a, b);
    if (a != b) check(cuts[a], cuts[b]);
  }
}

// Random valid UTF-8 built from pieces that exercise every path.
std::string RandomText(std::mt19937* rng, size_t pieces, bool with_han) {
  static const std::vector<std::u32string> kPieces = {
      U"a",
      U"Z",
      U"q",
      U"7",
      U".",
      U",",
      U" ",
      U"  ",
      U"\n",
      U"\t",
      U"\r\n",
      U"The",
      U"U.S.",
      U"\u3000",
      U"\u00A0",
      U"\u200B",
      U"\uFEFF",
      U"\u0301",
      U"\u0308\u0323",
      U"e\u0301",
      U"\u00A8",
      U"\uFB01",
      U"\u01C4",
      U"\u00DF",
      U"\u0130",
      U"\u03A3",
      U"\u2474",
      U"\u2160",
      U"\u1100\u1161",
      U"\uAC00",
      U"\u3099",
      U"\u304B\u3099",
      U"\uFF21",
      U"\uFF41",
      U"\uFF10",
      U"\uFF0C",
      U"\uFF01",
      U"\U0001F600",
      U"\U0001F468\u200D\U0001F469",
      U"\u2764\uFE0F",
      U"\u0627\u0644",
      U"\u0416",
      U"\u00E9",
      U"\uFF76\uFF9E"};
  static const std::vector<std::u32string> kHanPieces = {
      U"美國",   U"总统",   U"川普",   U"後來",   U"頭髮",   U"乾隆",
      U"國",     U"\uF9B1", U"\u2F00", U"\u337B", U"\u3251", U"\U00020000",
      U"\u4E00", U"說",     U"们",     U"「",     U"」",     U"。"};
  std::uniform_int_distribution<size_t> pick(0, kPieces.size() - 1);
  std::uniform_int_distribution<size_t> pick_han(0, kHanPieces.size() - 1);
  std::uniform_int_distribution<char32_t> random_han(0x4E00, 0x9FFF);
  std::uniform_int_distribution<int> kind(0, 9);
  std::string out;
  for (size_t i = 0; i < pieces; ++i) {
    const int k = kind(*rng);
    if (with_han && k < 2) {
      for (char32_t cp : kHanPieces[pick_han(*rng)]) utf8::Append(cp, out);
    } else if (with_han && k == 2) {
      utf8::Append(random_han(*rng), out);
    } else {
      for (char32_t cp : kPieces[pick(*rng)]) utf8::Append(cp, out);
    }
  }
  return out;
}

TEST_F(NormalizerTest, PropertiesOnRandomText) {
  std::mt19937 rng(20250317);
  for (int iteration = 0; iteration < 300; ++iteration) {
    const std::string input = RandomText(&rng, 1 + iteration % 40, true);
    ASSERT_FALSE(utf8::FindInvalid(input).has_value());
    SCOPED_TRACE("iteration " + std::to_string(iteration));
    CheckProperties(*normalizer_, input, normalizer_->Normalize(input), &rng,
                    10);
    if (HasFatalFailure()) return;
  }
}

std::vector<std::string> CorpusFiles() {
  std::vector<std::string> dirs = {testing::SourceDir() + "/data/sample"};
  if (const std::string shared = testing::SharedDir(); !shared.empty()) {
    dirs.push_back(shared + "/examples");
  }
  std::vector<std::string> files;
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) continue;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(dir, ec)) {
      if (entry.is_regular_file()) files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST_F(NormalizerTest, PropertiesOnCorpusFiles) {
  const std::vector<std::string> files = CorpusFiles();
  if (files.empty()) GTEST_SKIP() << "no data/sample or ../shared/examples";
  std::mt19937 rng(7);
  for (const auto& file : files) {
    const std::string input = testing::ReadFileOrEmpty(file);
    if (utf8::FindInvalid(input).has_value()) continue;  // ingest's job
    SCOPED_TRACE(file);
    CheckProperties(*normalizer_, input, normalizer_->Normalize(input), &rng,
                    200);
  }
}

// ---------------------------------------------------------------------------
// Differential test against the slow, obvious reference: ICU's
// NFKC_Casefold over the whole string at once, then whitespace collapsing
// with ICU's White_Space property.  Only the text is compared (the
// reference has no offset map).  Inputs have no Han, so t2s does not apply.

// with_t2s: also convert every maximal run of Han code points of the
// NFKC_Casefold output with OpenCC t2s (phrase level), as one call each.
std::string ReferenceNormalize(std::string_view input, bool with_t2s = false) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf =
      icu::Normalizer2::getNFKCCasefoldInstance(status);
  EXPECT_TRUE(U_SUCCESS(status));
  const icu::UnicodeString src = icu::UnicodeString::fromUTF8(
      icu::StringPiece(input.data(), static_cast<int32_t>(input.size())));
  const icu::UnicodeString dst = nfkc_cf->normalize(src, status);
  EXPECT_TRUE(U_SUCCESS(status));
  std::string normalized;
  dst.toUTF8String(normalized);
  if (with_t2s) {
    auto t2s = internal::ChineseConverter::Open(
        internal::ChineseConversion::kTraditionalToSimplified);
    EXPECT_TRUE(t2s.ok());
    if (!t2s.ok()) return "";
    std::string converted;
    std::string run;
    size_t pos = 0;
    while (pos <= normalized.size()) {
      const size_t start = pos;
      const char32_t c =
          pos < normalized.size() ? utf8::Next(normalized, pos) : 0;
      if (pos > start && utf8::IsHan(c)) {
        run.append(normalized, start, pos - start);
        continue;
      }
      EXPECT_TRUE((*t2s)->Convert(run, &converted));
      run.clear();
      if (pos == start) break;  // end of input
      converted.append(normalized, start, pos - start);
    }
    normalized = std::move(converted);
  }

  std::string out;
  bool pending_space = false;
  size_t pos = 0;
  while (pos < normalized.size()) {
    const size_t start = pos;
    const char32_t c = utf8::Next(normalized, pos);
    if (u_isUWhiteSpace(static_cast<UChar32>(c))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(normalized, start, pos - start);
  }
  return out;
}

TEST_F(NormalizerTest, MatchesWholeStringIcuReference) {
  std::mt19937 rng(42);
  for (int iteration = 0; iteration < 500; ++iteration) {
    const std::string input = RandomText(&rng, 1 + iteration % 60, false);
    EXPECT_EQ(Norm(input).text, ReferenceNormalize(input))
        << "input: " << input;
  }
}

TEST(NormalizerDifferentialTest, CorpusWithoutT2sMatchesReference) {
  NormalizerOptions options;
  options.traditional_to_simplified = false;
  auto normalizer = MakeNormalizer(options);
  ASSERT_NE(normalizer, nullptr);
  const std::vector<std::string> files = CorpusFiles();
  if (files.empty()) GTEST_SKIP() << "no data/sample or ../shared/examples";
  for (const auto& file : files) {
    const std::string input = testing::ReadFileOrEmpty(file);
    if (utf8::FindInvalid(input).has_value()) continue;
    EXPECT_EQ(normalizer->Normalize(input).text, ReferenceNormalize(input))
        << file;
  }
}

// The same reference with t2s over every Han run: checks the chunked t2s
// mapping and the shortcut that skips OpenCC for runs without a character
// that t2s changes on its own.
TEST_F(NormalizerTest, MatchesReferenceWithT2s) {
  std::mt19937 rng(1234);
  for (int iteration = 0; iteration < 200; ++iteration) {
    const std::string input = RandomText(&rng, 1 + iteration % 60, true);
    EXPECT_EQ(Norm(input).text, ReferenceNormalize(input, true))
        << "input: " << input;
  }
  for (const auto& file : CorpusFiles()) {
    const std::string input = testing::ReadFileOrEmpty(file);
    if (utf8::FindInvalid(input).has_value()) continue;
    EXPECT_EQ(Norm(input).text, ReferenceNormalize(input, true)) << file;
  }
}

// The ASCII fast path assumes every ASCII character starts a chunk.
TEST(NormalizerAssumptionTest, AsciiHasBoundaryBeforeInNfkcCasefold) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf =
      icu::Normalizer2::getNFKCCasefoldInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  for (UChar32 c = 0; c < 0x80; ++c) {
    EXPECT_TRUE(nfkc_cf->hasBoundaryBefore(c)) << c;
    EXPECT_TRUE(nfkc->hasBoundaryBefore(c)) << c;
  }
}

}  // namespace
}  // namespace trigon::text
