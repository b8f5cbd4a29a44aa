#include "import/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace trigon::import {
namespace {

std::vector<std::vector<std::string>> ReadAll(std::string_view data, CsvOptions o = {},
                                              std::vector<int64_t>* lines = nullptr,
                                              int* errors = nullptr) {
  CsvReader r(data, o);
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> fields;
  Status s;
  while (r.Next(&fields, &s)) {
    if (!s.ok()) {
      if (errors) ++*errors;
      continue;
    }
    out.push_back(fields);
    if (lines) lines->push_back(r.line());
  }
  return out;
}

TEST(CsvReaderTest, PlainFieldsAndLineEnds) {
  auto rows = ReadAll("a,b,c\r\n1,2,3\n\n4,,\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"4", "", ""}));
}

TEST(CsvReaderTest, QuotedFieldsWithCommasQuotesAndNewlines) {
  std::vector<int64_t> lines;
  auto rows =
      ReadAll("\xEF\xBB\xBF\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,row,3", {}, &lines);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"x,y", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"next", "row", "3"}));
  EXPECT_EQ(lines, (std::vector<int64_t>{1, 3}));
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsAnErrorForThatRecordOnly) {
  int errors = 0;
  std::vector<int64_t> lines;
  auto rows = ReadAll("a,b\n\"bad\"x,1\nc,d\n", {}, &lines, &errors);
  EXPECT_EQ(errors, 1);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"c", "d"}));
  EXPECT_EQ(lines[1], 3);
}

TEST(CsvReaderTest, UnclosedQuoteEndsInput) {
  CsvReader r("a,\"open\nmore", {});
  std::vector<std::string> f;
  Status s;
  ASSERT_TRUE(r.Next(&f, &s));
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("not closed"), std::string::npos);
  EXPECT_FALSE(r.Next(&f, &s));
}

TEST(CsvReaderTest, TabsWithoutQuoting) {
  auto rows = ReadAll("a\t\"b\t c\n", {'\t', false});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "\"b", " c"}));
}

TEST(CsvReaderTest, QuotedEmptyAndTrailingDelimiter) {
  auto rows = ReadAll("\"\",x,\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"", "x", ""}));
}

}  // namespace
}  // namespace trigon::import
