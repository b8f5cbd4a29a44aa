#include "ingest/decode.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <filesystem>

#include "ingest/source_map.h"
#include "testing/testing.h"

namespace trigon::ingest {
namespace {

// Encodes UTF-8 `text` in `charset` with ICU (test helper).
std::string Encode(const char* charset, std::string_view text) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(text.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(),
                                 static_cast<int32_t>(out.size()), text.data(),
                                 static_cast<int32_t>(text.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err)) << u_errorName(err);
  out.resize(static_cast<size_t>(n));
  return out;
}

// Every piece's text re-encoded in `charset` equals its source bytes.
void ExpectMapRoundTrips(const DecodedText& d, std::string_view original,
                         const char* charset) {
  ASSERT_FALSE(d.source_map.empty());
  uint64_t text_end = 0;
  uint64_t source_end = 0;
  for (const model::SourcePiece& p : d.source_map) {
    EXPECT_EQ(p.text_begin, text_end);
    EXPECT_EQ(p.source_begin, source_end);
    text_end = p.text_begin + p.text_length;
    source_end = p.source_begin + p.source_length;
    const std::string_view text =
        std::string_view(d.text).substr(p.text_begin, p.text_length);
    const std::string_view bytes =
        original.substr(p.source_begin, p.source_length);
    EXPECT_EQ(Encode(charset, text), bytes) << "piece at text " << p.text_begin;
    if (p.exact) {
      EXPECT_EQ(text, bytes);
    }
  }
  EXPECT_EQ(text_end, d.text.size());
  EXPECT_EQ(source_end, original.size());
}

constexpr char kSimplified[] =
    "新华社北京3月17日电 外交部发言人表示，中国愿同各方一道，"
    "推动政治解决乌克兰危机。美国国务卿将于下周访问北京。\n"
    "Second line in English, with numbers 2025.\n";
constexpr char kTraditional[] =
    "中央社台北17日電 外交部長今天表示，台灣將持續與美國、日本等"
    "理念相近國家合作，維護區域和平與穩定。\n"
    "記者會上，他也回應了有關兩岸關係的問題。\n";

TEST(DecodeTest, Utf8IsTakenAsIs) {
  auto d = DecodeToUtf8("Hello 世界\n", "a.txt");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text, "Hello 世界\n");
  EXPECT_EQ(d->encoding, "UTF-8");
  EXPECT_TRUE(d->source_map.empty());
}

TEST(DecodeTest, Utf8BomIsStrippedAndMapped) {
  auto d = DecodeToUtf8("\xEF\xBB\xBFtitle: x\n中文", "a.txt");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text, "title: x\n中文");
  EXPECT_EQ(d->encoding, "UTF-8");
  ASSERT_EQ(d->source_map.size(), 1u);
  EXPECT_TRUE(d->source_map[0].exact);
  EXPECT_EQ(MapBegin(d->source_map, 0), 3u);
  EXPECT_EQ(MapBegin(d->source_map, 9), 12u);
}

TEST(DecodeTest, BomOnlyIsEmpty) {
  auto d = DecodeToUtf8("\xEF\xBB\xBF", "bom.txt");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("bom.txt: empty file"),
            std::string::npos);
}

TEST(DecodeTest, GbkHexBytes) {
  auto d = DecodeToUtf8("\xD6\xD0\xCE\xC4 ok", "gbk.txt");  // 中文 ok
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text, "中文 ok");
  EXPECT_EQ(d->encoding, "GB18030");
  ASSERT_GE(d->source_map.size(), 3u);
  EXPECT_FALSE(d->source_map[0].exact);
  EXPECT_EQ(d->source_map[1].text_begin, 3u);
  EXPECT_EQ(d->source_map[1].source_begin, 2u);
  EXPECT_EQ(d->source_map[1].source_length, 2u);
  EXPECT_TRUE(d->source_map.back().exact);    // " ok" copied
  EXPECT_EQ(MapBegin(d->source_map, 7), 5u);  // 'o'
}

TEST(DecodeTest, GbkParagraph) {
  const std::string bytes = Encode("GBK", kSimplified);
  auto d = DecodeToUtf8(bytes, "gbk.txt");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->encoding, "GB18030");
  EXPECT_EQ(d->text, kSimplified);
  ExpectMapRoundTrips(*d, bytes, "GB18030");
}

TEST(DecodeTest, Big5HexBytes) {
  auto d = DecodeToUtf8("\xA4\xA4\xA4\xE5", "big5.txt");  // 中文
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text, "中文");
  EXPECT_EQ(d->encoding, "Big5");
}

TEST(DecodeTest, Big5Paragraph) {
  const std::string bytes = Encode("Big5", kTraditional);
  auto d = DecodeToUtf8(bytes, "big5.txt");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->encoding, "Big5");
  EXPECT_EQ(d->text, kTraditional);
  ExpectMapRoundTrips(*d, bytes, "windows-950");
}

TEST(DecodeTest, Utf16LeWithBom) {
  const std::string bytes = "\xFF\xFE" + Encode("UTF-16LE", "Hi 中國\n");
  auto d = DecodeToUtf8(bytes, "u16.txt");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text, "Hi 中國\n");
  EXPECT_EQ(d->encoding, "UTF-16LE");
  EXPECT_EQ(MapBegin(d->source_map, 0), 2u);  // 'H' after the BOM
  EXPECT_EQ(MapBegin(d->source_map, 3), 8u);  // 中
  EXPECT_EQ(MapEnd(d->source_map, 6), 10u);
}

TEST(DecodeTest, Utf16BeWithBom) {
  const std::string bytes = "\xFE\xFF" + Encode("UTF-16BE", "Hi 中國 😀\n");
  auto d = DecodeToUtf8(bytes, "u16.txt");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text, "Hi 中國 😀\n");
  EXPECT_EQ(d->encoding, "UTF-16BE");
  // The emoji is a surrogate pair: one 4-byte piece.
  const uint32_t emoji = static_cast<uint32_t>(d->text.find("😀"));
  EXPECT_EQ(MapBegin(d->source_map, emoji), 2u + 2 * 6);
  EXPECT_EQ(MapEnd(d->source_map, emoji + 4), 2u + 2 * 8);
}

TEST(DecodeTest, Utf16LeWithoutBom) {
  const std::string bytes = Encode("UTF-16LE", "Report: 中美会谈 in Geneva.\n");
  auto d = DecodeToUtf8(bytes, "u16.txt");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->encoding, "UTF-16LE");
  EXPECT_EQ(d->text, "Report: 中美会谈 in Geneva.\n");
}

TEST(DecodeTest, Utf32LeWithBom) {
  const std::string bytes =
      std::string("\xFF\xFE\0\0", 4) + Encode("UTF-32LE", "ab中");
  auto d = DecodeToUtf8(bytes, "u32.txt");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->encoding, "UTF-32LE");
  EXPECT_EQ(d->text, "ab中");
}

TEST(DecodeTest, InvalidUtf16WithBomNamesOffset) {
  // Unpaired high surrogate D800 at bytes 4..5.
  const std::string bytes(
      "\xFF\xFE"
      "a\0"
      "\x00\xD8"
      "b\0",
      8);
  auto d = DecodeToUtf8(bytes, "bad16.txt");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(d.status().message().find("bad16.txt: invalid UTF-16LE at byte 4"),
            std::string::npos)
      << d.status().message();
}

TEST(DecodeTest, TruncatedUtf8AtEndNamesOffset) {
  std::string text = "新华社北京电：中国与美国举行会谈，双方同意继续保持沟通。";
  text.pop_back();  // cut the last character (3 bytes) short
  const size_t lead = text.size() - 2;
  auto d = DecodeToUtf8(text, "cut.txt");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(d.status().message(), "cut.txt: invalid UTF-8 at byte " +
                                      std::to_string(lead) +
                                      " (truncated sequence at end of file)");
}

TEST(DecodeTest, ShortTruncatedUtf8IsNotMistakenForGbk) {
  auto d = DecodeToUtf8("abc\xE4\xB8", "cut.txt");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("cut.txt: invalid UTF-8 at byte 3"),
            std::string::npos)
      << d.status().message();
}

TEST(DecodeTest, Latin1IsInvalidUtf8) {
  auto d = DecodeToUtf8("caf\xE9 au lait, na\xEFve Pok\xE9mon", "latin1.txt");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("latin1.txt: invalid UTF-8 at byte 3"),
            std::string::npos)
      << d.status().message();
}

TEST(DecodeTest, PngIsBinary) {
  const std::string png(
      "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1F\xF3"
      "\xFF"
      "a\0\0\0\x04gAMA",
      41);
  auto d = DecodeToUtf8(png, "image.png");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(d.status().message(),
            "image.png: binary content at byte 8 (NUL byte)");
}

TEST(DecodeTest, ControlCharactersAreBinary) {
  auto d = DecodeToUtf8("ab\x01\x02\x03\x04 text", "ctl.bin");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().message(),
            "ctl.bin: binary content at byte 2 (control character 0x01)");
}

TEST(DecodeTest, AFewStrayControlsInLongTextAreKept) {
  std::string text(500, 'a');
  text[250] = '\x1A';
  auto d = DecodeToUtf8(text, "ok.txt");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
}

TEST(DecodeTest, EmptyFile) {
  auto d = DecodeToUtf8("", "empty.txt");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(d.status().message(), "empty.txt: empty file");
}

TEST(DecodeTest, SampleFiles) {
  const std::string dir = testing::SourceDir() + "/data/sample/noisy/";
  int found = 0;
  for (const char* name :
       {"gbk-encoded.txt", "big5-encoded.txt", "utf16-report.txt"}) {
    const std::string path = dir + name;
    if (!std::filesystem::exists(path)) continue;
    ++found;
    const std::string bytes = testing::ReadFileOrEmpty(path);
    auto d = DecodeToUtf8(bytes, path);
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    EXPECT_FALSE(d->text.empty());
    if (std::string_view(name).starts_with("gbk")) {
      EXPECT_EQ(d->encoding, "GB18030");
    }
    if (std::string_view(name).starts_with("big5")) {
      EXPECT_TRUE(d->encoding == "Big5" || d->encoding == "Big5-HKSCS")
          << d->encoding;
    }
    if (std::string_view(name).starts_with("utf16")) {
      EXPECT_TRUE(d->encoding.starts_with("UTF-16")) << d->encoding;
    }
  }
  if (found == 0) GTEST_SKIP() << "no samples in " << dir;
}

}  // namespace
}  // namespace trigon::ingest
