#include "match/pattern_set.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "base/file_util.h"
#include "base/utf8.h"
#include "match/reference_matcher.h"
#include "testing/testing.h"

namespace trigon::match {
namespace {

std::unique_ptr<CompiledMatcher> MustCompile(const PatternSet& set) {
  auto result = set.Compile();
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return std::move(result).value();
}

TEST(PatternSetTest, LatinWordBoundaries) {
  PatternSet set;
  ASSERT_TRUE(set.Add(1, "china").ok());
  ASSERT_TRUE(set.Add(2, "us").ok());
  auto m = MustCompile(set);
  std::vector<Hit> hits = m->FindAll("china's chinatown, us and bus");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0], (Hit{1, 0, 5}));
  EXPECT_EQ(hits[1], (Hit{2, 19, 21}));
}

TEST(PatternSetTest, PrefixExtendsToWordEnd) {
  PatternSet set;
  ASSERT_TRUE(set.Add(3, "sanction", {.prefix = true}).ok());
  auto m = MustCompile(set);
  std::vector<Hit> hits = m->FindAll("new sanctions, sanctioned. unsanctioned");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0], (Hit{3, 4, 13}));
  EXPECT_EQ(hits[1], (Hit{3, 15, 25}));
}

TEST(PatternSetTest, HanHasNoBoundaries) {
  PatternSet set;
  ASSERT_TRUE(set.Add(4, "外交部").ok());
  ASSERT_TRUE(set.Add(5, "中国").ok());
  ASSERT_TRUE(set.Add(6, "中国外交部").ok());
  auto m = MustCompile(set);
  std::vector<Hit> hits = m->FindAll("据中国外交部发言人");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0], (Hit{6, 3, 18}));  // longest first at the same begin
  EXPECT_EQ(hits[1], (Hit{5, 3, 9}));
  EXPECT_EQ(hits[2], (Hit{4, 9, 18}));
}

TEST(PatternSetTest, OverlapsAndDuplicates) {
  PatternSet set;
  ASSERT_TRUE(set.Add(1, "he").ok());
  ASSERT_TRUE(set.Add(2, "she").ok());
  ASSERT_TRUE(set.Add(3, "he").ok());
  ASSERT_TRUE(set.Add(4, "hers").ok());
  auto m = MustCompile(set);
  EXPECT_EQ(m->FindAll("she hers he").size(), 4u);  // she, hers, he, he
  EXPECT_EQ(m->num_patterns(), 4u);
}

TEST(PatternSetTest, Misuse) {
  PatternSet set;
  Status s = set.Add(9, "");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  s = set.Add(10, std::string_view("\xff\xfe", 2));
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("10"), std::string::npos);
  auto empty = MustCompile(set);
  EXPECT_TRUE(empty->FindAll("anything").empty());
  EXPECT_TRUE(empty->FindAll("").empty());

  PatternSet tiny({.max_mem = 16});
  ASSERT_TRUE(tiny.Add(1, "a long literal that does not fit").ok());
  EXPECT_EQ(tiny.Compile().status().code(), StatusCode::kResourceExhausted);
}

// Differential test against the reference on random text over a small
// alphabet (so that overlaps and boundary cases are frequent).
TEST(PatternSetTest, DifferentialRandom) {
  const std::vector<std::string> alphabet = {"a",  "b", " ", "中",
                                             "国", ",", "é", "1"};
  std::mt19937 rng(12345);
  auto random_string = [&](size_t max_len) {
    std::string s;
    const size_t len = 1 + rng() % max_len;
    for (size_t i = 0; i < len; ++i) s += alphabet[rng() % alphabet.size()];
    return s;
  };
  for (int round = 0; round < 50; ++round) {
    PatternSet set;
    testing::ReferenceMatcher ref;
    for (uint32_t id = 0; id < 40; ++id) {
      std::string lit = random_string(4);
      const bool prefix = rng() % 4 == 0;
      ASSERT_TRUE(set.Add(id, lit, {.prefix = prefix}).ok());
      ref.Add(id, lit, prefix);
    }
    auto m = MustCompile(set);
    for (int t = 0; t < 20; ++t) {
      std::string text = random_string(60);
      ASSERT_EQ(m->FindAll(text), ref.FindAll(text)) << text;
    }
  }
}

// Differential test on real dictionary forms and sample articles.
TEST(PatternSetTest, DifferentialRealInput) {
  const std::string dir = trigon::testing::SourceDir();
  auto dict = ReadFileBytes(dir + "/data/dict/countries.txt");
  if (!dict.ok()) GTEST_SKIP() << "data/dict/countries.txt absent";
  PatternSet set;
  testing::ReferenceMatcher ref;
  uint32_t id = 0;
  // Every ` | `-separated form on every non-comment line, lowercased ASCII.
  std::string_view rest = *dict;
  while (!rest.empty()) {
    const size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? "" : rest.substr(nl + 1);
    if (line.empty() || line[0] == '#' || line[0] == '@') continue;
    size_t sp = line.find(' ');
    sp = sp == std::string_view::npos ? sp : line.find(' ', sp + 1);
    if (sp == std::string_view::npos) continue;
    std::string_view forms = line.substr(sp + 1);
    while (!forms.empty()) {
      const size_t bar = forms.find(" | ");
      std::string form(forms.substr(0, bar));
      forms = bar == std::string_view::npos ? "" : forms.substr(bar + 3);
      for (char& c : form) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      if (form.empty()) continue;
      const bool prefix = id % 7 == 0;
      ASSERT_TRUE(set.Add(id, form, {.prefix = prefix}).ok());
      ref.Add(id, form, prefix);
      ++id;
    }
  }
  auto m = MustCompile(set);
  std::string text =
      "the united states and china held talks; 美国和中国在北京举行会谈, "
      "russian troops entered ukraine. washington state is not washington.";
  auto samples = ExpandPaths({dir + "/data/sample"});
  if (samples.ok()) {
    for (const std::string& path : *samples) {
      auto bytes = ReadFileBytes(path);
      if (bytes.ok() && !utf8::FindInvalid(*bytes).has_value()) {
        text += *bytes;
      }
    }
  }
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  EXPECT_EQ(m->FindAll(text), ref.FindAll(text));
  EXPECT_FALSE(m->FindAll(text).empty());
}

}  // namespace
}  // namespace trigon::match
