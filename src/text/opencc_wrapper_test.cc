#include "text/opencc_wrapper.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace trigon::text::internal {
namespace {

std::unique_ptr<ChineseConverter> OpenOrDie(ChineseConversion conversion) {
  auto converter = ChineseConverter::Open(conversion);
  EXPECT_TRUE(converter.ok()) << converter.status().ToString();
  return converter.ok() ? std::move(converter).value() : nullptr;
}

TEST(ChineseConverterTest, PhraseLevelConversion) {
  auto t2s = OpenOrDie(ChineseConversion::kTraditionalToSimplified);
  auto s2t = OpenOrDie(ChineseConversion::kSimplifiedToTraditional);
  ASSERT_NE(t2s, nullptr);
  ASSERT_NE(s2t, nullptr);
  std::string out = "prefix:";
  ASSERT_TRUE(t2s->Convert("美國總統川普", &out));
  EXPECT_EQ(out, "prefix:美国总统川普");
  out.clear();
  ASSERT_TRUE(s2t->Convert("美国总统", &out));
  EXPECT_EQ(out, "美國總統");
  out.clear();
  ASSERT_TRUE(t2s->Convert("", &out));
  EXPECT_EQ(out, "");
}

TEST(ChineseConverterTest, ConvertEachIgnoresPhraseContext) {
  auto t2s = OpenOrDie(ChineseConversion::kTraditionalToSimplified);
  ASSERT_NE(t2s, nullptr);
  std::vector<std::u32string> each;
  ASSERT_TRUE(t2s->ConvertEach(U"乾隆國a", &each));
  ASSERT_EQ(each.size(), 4u);
  EXPECT_EQ(each[0], U"干");  // on its own 乾 is "dry"
  EXPECT_EQ(each[1], U"隆");
  EXPECT_EQ(each[2], U"国");
  EXPECT_EQ(each[3], U"a");
  ASSERT_TRUE(t2s->ConvertEach(U"", &each));
  EXPECT_TRUE(each.empty());
}

TEST(ChineseConverterTest, ConvertRunMapsEveryOutputCodePoint) {
  auto t2s = OpenOrDie(ChineseConversion::kTraditionalToSimplified);
  ASSERT_NE(t2s, nullptr);
  std::u32string out;
  std::vector<uint32_t> source;
  // With phrases, the emperor's name 乾隆 is kept.
  ASSERT_TRUE(t2s->ConvertRun(U"乾隆皇帝後來", true, &out, &source));
  EXPECT_EQ(out, U"乾隆皇帝后来");
  EXPECT_EQ(source, (std::vector<uint32_t>{0, 1, 2, 3, 4, 5}));
  // Character by character (the fallback path), 乾 becomes 干.
  ASSERT_TRUE(t2s->ConvertRun(U"乾隆皇帝後來", false, &out, &source));
  EXPECT_EQ(out, U"干隆皇帝后来");
  EXPECT_EQ(source, (std::vector<uint32_t>{0, 1, 2, 3, 4, 5}));
}

}  // namespace
}  // namespace trigon::text::internal
