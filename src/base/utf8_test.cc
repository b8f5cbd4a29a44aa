#include "base/utf8.h"

#include <gtest/gtest.h>

#include <random>

namespace trigon::utf8 {
namespace {

TEST(Utf8Test, FindsFirstInvalidByte) {
  EXPECT_EQ(FindInvalid("hello 美国"), std::nullopt);
  EXPECT_EQ(FindInvalid("ab\xC3"), 2u);              // truncated at the end
  EXPECT_EQ(FindInvalid("ab\xC0\xAF"), 2u);          // overlong
  EXPECT_EQ(FindInvalid("x\xED\xA0\x80"), 1u);       // surrogate
  EXPECT_EQ(FindInvalid("\xF4\x90\x80\x80"), 0u);    // above U+10FFFF
  EXPECT_EQ(FindInvalid("ok\xFFok"), 2u);
}

TEST(Utf8Test, RoundTripsEveryScalarValueClass) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<uint32_t> dist(0, 0x10FFFF);
  for (int i = 0; i < 20000; ++i) {
    char32_t cp = dist(rng);
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string s;
    Append(cp, s);
    ASSERT_EQ(FindInvalid(s), std::nullopt);
    size_t pos = 0;
    EXPECT_EQ(Next(s, pos), cp);
    EXPECT_EQ(pos, s.size());
    EXPECT_EQ(SequenceLength(static_cast<unsigned char>(s[0])), s.size());
  }
}

}  // namespace
}  // namespace trigon::utf8

namespace trigon::utf8 {
namespace {

TEST(ReplaceInvalidTest, ReplacesEachBadByteAndKeepsValidText) {
  EXPECT_EQ(ReplaceInvalid("中俄 ok"), "中俄 ok");
  EXPECT_EQ(ReplaceInvalid(std::string_view("a\x88z", 3)), "a\xEF\xBF\xBDz");
  // A truncated 3-byte sequence: both bytes replaced, the rest kept.
  EXPECT_EQ(ReplaceInvalid(std::string_view("\xE4\xB8", 2), "?"), "??");
  EXPECT_EQ(ReplaceInvalid(std::string_view("x\xC0\xAFy", 4), "?"), "x??y");
  EXPECT_EQ(ReplaceInvalid(""), "");
}

}  // namespace
}  // namespace trigon::utf8
