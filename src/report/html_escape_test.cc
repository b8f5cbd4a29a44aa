#include "report/html_escape.h"

#include <gtest/gtest.h>

namespace trigon::report {
namespace {

TEST(HtmlEscapeTest, EscapesMarkupAndQuotes) {
  EXPECT_EQ(EscapeHtml("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(EscapeHtml("\"onmouseover=\"x'"), "&quot;onmouseover&#61;&quot;x&#39;");
  EXPECT_EQ(EscapeHtml("a & b"), "a &amp; b");
  EXPECT_EQ(EscapeHtml("\xE4\xB8\xAD\xE5\x9B\xBD"),
            "\xE4\xB8\xAD\xE5\x9B\xBD");  // 中国
  EXPECT_EQ(EscapeHtml(std::string("a\0b", 3)),
            "a\xEF\xBF\xBD"
            "b");
}

TEST(HtmlEscapeTest, OnlyHttpUrlsAreSafe) {
  EXPECT_EQ(SafeHttpUrl("https://example.org/a?b=1"), "https://example.org/a?b=1");
  EXPECT_EQ(SafeHttpUrl("HTTP://example.org"), "HTTP://example.org");
  EXPECT_EQ(SafeHttpUrl("javascript:alert(1)"), "");
  EXPECT_EQ(SafeHttpUrl(" javascript:alert(1)"), "");
  EXPECT_EQ(SafeHttpUrl("data:text/html,<script>"), "");
  EXPECT_EQ(SafeHttpUrl("data/sample/en/001.txt"), "");
  EXPECT_EQ(SafeHttpUrl("http://a b"), "");
  EXPECT_EQ(SafeHttpUrl("https://a/\"onmouseover=x"), "");
  EXPECT_EQ(SafeHttpUrl(""), "");
}

}  // namespace
}  // namespace trigon::report
