#include "ingest/date_finder.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "testing/testing.h"

namespace trigon::ingest {
namespace {

std::optional<FoundDate> FindAll(std::string_view text,
                                 const DateSearchOptions& options = {}) {
  return FindDateInText(text, {{0, static_cast<uint32_t>(text.size())}},
                        options);
}

void ExpectFound(std::string_view text, std::string_view date_text,
                 std::string_view iso, std::string_view format) {
  auto f = FindAll(text);
  ASSERT_TRUE(f.has_value()) << text;
  EXPECT_EQ(text.substr(f->span.begin, f->span.size()), date_text) << text;
  EXPECT_EQ(f->date.iso, iso) << text;
  EXPECT_EQ(f->date.format, format) << text;
}

TEST(ParseDateValueTest, Formats) {
  struct Case {
    const char* value;
    const char* iso;
    const char* format;
  };
  const Case cases[] = {
      {"2023-03-21", "2023-03-21", "ISO-8601"},
      {"2023-03-21T09:00:00Z", "2023-03-21", "ISO-8601"},
      {"  2023-03-21T23:30:00-05:00 ", "2023-03-21", "ISO-8601"},
      {"2023/03/21", "2023-03-21", "YYYY/MM/DD"},
      {"Tue, 21 Mar 2023 09:00:00 GMT", "2023-03-21", "RFC-2822"},
      {"March 21, 2023", "2023-03-21", "Month D, YYYY"},
      {"21 March 2023", "2023-03-21", "D Month YYYY"},
      {"2023年3月21日", "2023-03-21", "YYYY年MM月DD日"},
      {"10/29/2025", "2025-10-29", "MM/DD/YYYY"},
      {"29/10/2025", "2025-10-29", "DD/MM/YYYY"},
      {"20230321", "2023-03-21", "YYYYMMDD"},
      {"Tuesday, March 21, 2023", "2023-03-21", "Month D, YYYY"},
  };
  for (const Case& c : cases) {
    auto d = ParseDateValue(c.value);
    ASSERT_TRUE(d.has_value()) << c.value;
    EXPECT_EQ(d->iso, c.iso) << c.value;
    EXPECT_EQ(d->format, c.format) << c.value;
  }
  auto d = ParseDateValue("2024-02-29");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->year, 2024);
  EXPECT_EQ(d->month, 2);
  EXPECT_EQ(d->day, 29);
}

TEST(ParseDateValueTest, Rejects) {
  for (const char* v :
       {"", "2023-02-30", "2023-13-01", "2023-02-29", "1800-01-01",
        "2023-03-21abc", "March 2023", "yesterday", "3/4", "Tue, March 21",
        "99999999", "2023-03"}) {
    EXPECT_FALSE(ParseDateValue(v).has_value()) << v;
  }
}

TEST(FindDateTest, CjkFormats) {
  ExpectFound("发布时间：2025年07月04日 来源：新华社", "2025年07月04日",
              "2025-07-04", "YYYY年MM月DD日");
  ExpectFound("2025年07月04日12:10:11 来源", "2025年07月04日", "2025-07-04",
              "YYYY年MM月DD日");
  ExpectFound("2025年07月04日 12:10", "2025年07月04日", "2025-07-04",
              "YYYY年MM月DD日");
  ExpectFound("逆轉尼克森\n\n2025 年 3 月 17 日\n", "2025 年 3 月 17 日",
              "2025-03-17", "YYYY年MM月DD日");
  ExpectFound("日期：２０２５年３月１７日", "２０２５年３月１７日",
              "2025-03-17", "YYYY年MM月DD日");
}

TEST(FindDateTest, EnglishFormats) {
  ExpectFound("Published March 17, 2025 by staff", "March 17, 2025",
              "2025-03-17", "Month D, YYYY");
  ExpectFound("WASHINGTON, Mar. 17, 2025 -- The", "Mar. 17, 2025", "2025-03-17",
              "Month D, YYYY");
  ExpectFound("Updated: Sept 3rd, 2024", "Sept 3rd, 2024", "2024-09-03",
              "Month D, YYYY");
  ExpectFound("London, 17 March 2025 (Reuters)", "17 March 2025", "2025-03-17",
              "D Month YYYY");
  ExpectFound("Posted 10/29/2025 08:00", "10/29/2025", "2025-10-29",
              "MM/DD/YYYY");
  ExpectFound("日期/Date: 10/29/2025", "10/29/2025", "2025-10-29",
              "MM/DD/YYYY");
  ExpectFound("Date: 2025-03-17", "2025-03-17", "2025-03-17", "ISO-8601");
  ExpectFound("(2025/03/17)", "2025/03/17", "2025-03-17", "YYYY/MM/DD");
  ExpectFound("on 29/10/2025", "29/10/2025", "2025-10-29", "DD/MM/YYYY");
}

TEST(FindDateTest, PartialDatesAreNotPublicationDates) {
  EXPECT_FALSE(FindAll("2月12日，特朗普与普京进行了通话。").has_value());
  EXPECT_FALSE(FindAll("In March 2025 the talks resumed.").has_value());
  EXPECT_FALSE(FindAll("2025年3月，双方会谈。").has_value());
  EXPECT_FALSE(FindAll("On March 17 they met.").has_value());
}

TEST(FindDateTest, RejectsInvalidAndOutOfRange) {
  EXPECT_FALSE(FindAll("2025-02-30").has_value());
  EXPECT_FALSE(FindAll("1850年3月1日").has_value());
  EXPECT_FALSE(FindAll("12025-03-17").has_value());  // part of a longer number
  EXPECT_FALSE(FindAll("2025-03-171").has_value());
  EXPECT_FALSE(FindAll("Mayday 17, 2025").has_value());
  DateSearchOptions narrow;
  narrow.min_year = 2000;
  EXPECT_FALSE(FindAll("March 1, 1999", narrow).has_value());
  // An invalid date does not hide a later valid one.
  ExpectFound("2025-02-30 then 2025-03-01", "2025-03-01", "2025-03-01",
              "ISO-8601");
}

TEST(FindDateTest, FirstDateWinsOverLaterCaption) {
  const std::string text =
      "Title line\n\nBy staff, 2025年3月17日\n\nBody text.\n\n"
      "Photo taken on March 1, 2024.\n";
  auto f = FindAll(text);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->date.iso, "2025-03-17");
}

TEST(FindDateTest, OnlySearchesGivenSpansInOrder) {
  const std::string text = "A 2020-01-01 B\n\nC 2021-02-02 D\n\nE 2022-03-03";
  // Spans: second paragraph first, then third; the first is not searched.
  const std::vector<model::Span> spans = {{16, 30}, {32, 44}};
  auto f = FindDateInText(text, spans);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->date.iso, "2021-02-02");
  EXPECT_EQ(f->span.begin, 18u);
  // A date must lie wholly inside a span.
  EXPECT_FALSE(FindDateInText(text, {{0, 8}}).has_value());
  // Spans past the end are clipped.
  EXPECT_FALSE(FindDateInText(text, {{40, 1000}}).has_value());
  EXPECT_FALSE(FindDateInText(text, {}).has_value());
}

TEST(FindDateTest, BlogRepostExample) {
  const std::string shared = testing::SharedDir();
  const std::string path = shared + "/examples/blog-repost-reverse-nixon.txt";
  if (shared.empty() || !std::filesystem::exists(path)) {
    GTEST_SKIP() << "example not available";
  }
  const std::string text = testing::ReadFileOrEmpty(path);
  // The first few paragraphs, as the pipeline would pass them.
  std::vector<model::Span> spans;
  size_t pos = 0;
  while (pos < text.size() && spans.size() < 5) {
    size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) end = text.size();
    if (end > pos)
      spans.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(end)});
    pos = end + 2;
  }
  auto f = FindDateInText(text, spans);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->date.iso, "2025-03-17");
  EXPECT_EQ(text.substr(f->span.begin, f->span.size()), "2025 年 3 月 17 日");
}

}  // namespace
}  // namespace trigon::ingest
