#include "ingest/front_matter.h"

#include <gtest/gtest.h>

namespace trigon::ingest {
namespace {

TEST(FrontMatterTest, PlainHeader) {
  const std::string text =
      "Title: Talks in Geneva\ndate: 2025-03-17\nsource: Example Wire\n"
      "Author: A. Writer\n\nBody starts here.\n";
  auto fm = ParseFrontMatter(text);
  ASSERT_TRUE(fm.has_value());
  EXPECT_FALSE(fm->fenced);
  EXPECT_EQ(fm->Get("title"), "Talks in Geneva");
  EXPECT_EQ(fm->Get("date"), "2025-03-17");
  EXPECT_EQ(fm->Get("source"), "Example Wire");
  EXPECT_EQ(fm->Get("author"), "A. Writer");  // other keys kept
  EXPECT_EQ(fm->Get("url"), "");
  ASSERT_EQ(fm->fields.size(), 4u);
  EXPECT_EQ(fm->span.begin, 0u);
  EXPECT_EQ(text.substr(fm->span.end), "Body starts here.\n");
}

TEST(FrontMatterTest, CrLfAndUrlWithColons) {
  const std::string text =
      "url: https://example.com/a:b\r\nlang: zh-Hant\r\n\r\n正文\r\n";
  auto fm = ParseFrontMatter(text);
  ASSERT_TRUE(fm.has_value());
  EXPECT_EQ(fm->Get("url"), "https://example.com/a:b");
  EXPECT_EQ(fm->Get("lang"), "zh-Hant");
  EXPECT_EQ(text.substr(fm->span.end), "正文\r\n");
}

TEST(FrontMatterTest, HeaderToEndOfText) {
  const std::string text = "title: Only a header\ndate: 2024-01-02";
  auto fm = ParseFrontMatter(text);
  ASSERT_TRUE(fm.has_value());
  EXPECT_EQ(fm->span.end, text.size());
}

TEST(FrontMatterTest, YamlFences) {
  const std::string text =
      "---\ntitle: \"Quoted: title\"\ndate: '2025-03-17'\ntags:\n  - a\n  - b\n"
      "# comment\n---\n\nBody.\n";
  auto fm = ParseFrontMatter(text);
  ASSERT_TRUE(fm.has_value());
  EXPECT_TRUE(fm->fenced);
  EXPECT_EQ(fm->Get("title"), "Quoted: title");
  EXPECT_EQ(fm->Get("date"), "2025-03-17");
  EXPECT_EQ(fm->Get("tags"), "");
  EXPECT_EQ(text.substr(fm->span.end), "Body.\n");
}

TEST(FrontMatterTest, UnclosedFenceIsNotFrontMatter) {
  EXPECT_FALSE(ParseFrontMatter("---\ntitle: x\n\nBody\n").has_value());
}

TEST(FrontMatterTest, HorizontalRuleIsNotFrontMatter) {
  EXPECT_FALSE(ParseFrontMatter("---\nJust a paragraph.\n---\n").has_value());
}

TEST(FrontMatterTest, DateLabelInTextIsNotFrontMatter) {
  EXPECT_FALSE(ParseFrontMatter("日期/Date: 10/29/2025\n\nThe ministry said...")
                   .has_value());
  EXPECT_FALSE(ParseFrontMatter("Washington: The president said on Monday...\n")
                   .has_value());
  EXPECT_FALSE(ParseFrontMatter("Note: unknown first key\n\nBody").has_value());
}

TEST(FrontMatterTest, KnownKeyFollowedByProseIsNotFrontMatter) {
  EXPECT_FALSE(
      ParseFrontMatter("Source: Reuters\nThe talks ended without a deal.\n")
          .has_value());
}

TEST(FrontMatterTest, EmptyAndLeadingBlank) {
  EXPECT_FALSE(ParseFrontMatter("").has_value());
  EXPECT_FALSE(ParseFrontMatter("\ntitle: x\n\nBody").has_value());
}

}  // namespace
}  // namespace trigon::ingest
