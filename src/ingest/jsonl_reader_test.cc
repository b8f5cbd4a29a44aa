#include "ingest/jsonl_reader.h"

#include <gtest/gtest.h>

#include <vector>

namespace trigon::ingest {
namespace {

std::vector<JsonLineRecord> ReadAll(std::string_view bytes,
                                    const JsonLinesOptions& options = {}) {
  std::vector<JsonLineRecord> out;
  ReadJsonLines(
      bytes, "in.jsonl", [&](JsonLineRecord r) { out.push_back(std::move(r)); },
      options);
  return out;
}

TEST(JsonLinesTest, FieldsAndMalformedLineInTheMiddle) {
  const std::string input =
      "{\"id\": \"a1\", \"url\": \"https://x/1\", \"date\": \"2025-03-17\", "
      "\"title\": \"T\", \"text\": \"中文 text\", \"lang\": \"zh\", "
      "\"source\": \"Wire\", \"extra\": [1, 2]}\n"
      "{\"text\": \"unterminated\n"
      "\n"
      "{\"id\": 42, \"text\": \"third\", \"title\": null}\n";
  const auto recs = ReadAll(input);
  ASSERT_EQ(recs.size(), 3u);
  ASSERT_TRUE(recs[0].record.ok()) << recs[0].record.status().ToString();
  const RawRecord& r = *recs[0].record;
  EXPECT_EQ(recs[0].line, 1u);
  EXPECT_EQ(r.id, "a1");
  EXPECT_EQ(r.url, "https://x/1");
  EXPECT_EQ(r.date, "2025-03-17");
  EXPECT_EQ(r.title, "T");
  EXPECT_EQ(r.text, "中文 text");
  EXPECT_EQ(r.lang, "zh");
  EXPECT_EQ(r.source, "Wire");
  EXPECT_EQ(recs[0].offset, 0u);

  EXPECT_FALSE(recs[1].record.ok());
  EXPECT_EQ(recs[1].line, 2u);
  EXPECT_EQ(recs[1].record.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(recs[1].record.status().message().starts_with(
      "in.jsonl:2: not valid JSON"))
      << recs[1].record.status().message();

  ASSERT_TRUE(recs[2].record.ok());
  EXPECT_EQ(recs[2].line, 4u);  // the blank line 3 was skipped
  EXPECT_EQ(recs[2].record->id, "42");
  EXPECT_EQ(recs[2].record->title, "");
  EXPECT_EQ(recs[2].offset, input.find("{\"id\": 42"));
}

TEST(JsonLinesTest, ShapeAndTypeErrors) {
  const std::string input =
      "[1, 2]\n"
      "{\"title\": \"no text\"}\n"
      "{\"text\": 5}\n"
      "{\"text\": \"ok\", \"date\": 20250317}\n"
      "{\"text\": \"\"}\n"
      "{\"text\": \"ok\", \"id\": 1.5}\n"
      "\"just a string\"\n";
  const auto recs = ReadAll(input);
  ASSERT_EQ(recs.size(), 7u);
  const char* expected[] = {
      "in.jsonl:1: expected a JSON object, got array",
      "in.jsonl:2: missing field \"text\"",
      "in.jsonl:3: field \"text\" must be a string, got number",
      "in.jsonl:4: field \"date\" must be a string, got number",
      "in.jsonl:5: field \"text\" is empty",
      "in.jsonl:6: field \"id\" must be a string or an integer, got number",
      "in.jsonl:7: expected a JSON object, got string",
  };
  for (size_t i = 0; i < recs.size(); ++i) {
    ASSERT_FALSE(recs[i].record.ok()) << i;
    EXPECT_EQ(recs[i].record.status().message(), expected[i]);
  }
}

TEST(JsonLinesTest, CrLfBomAndBlankLines) {
  const auto recs = ReadAll(
      "\xEF\xBB\xBF{\"text\": \"a\"}\r\n  \r\n\t\r\n{\"text\": \"b\"}\r\n");
  ASSERT_EQ(recs.size(), 2u);
  ASSERT_TRUE(recs[0].record.ok()) << recs[0].record.status().ToString();
  ASSERT_TRUE(recs[1].record.ok()) << recs[1].record.status().ToString();
  EXPECT_EQ(recs[0].record->text, "a");
  EXPECT_EQ(recs[1].record->text, "b");
  EXPECT_EQ(recs[1].line, 4u);
  EXPECT_EQ(recs[0].offset, 3u);
  EXPECT_EQ(recs[0].length, 13u);  // without "\r\n"
}

TEST(JsonLinesTest, InvalidUtf8InALine) {
  const auto recs =
      ReadAll("{\"text\": \"ok\"}\n{\"text\": \"bad \xC3\x28\"}\n");
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_TRUE(recs[0].record.ok());
  ASSERT_FALSE(recs[1].record.ok());
  EXPECT_EQ(recs[1].record.status().message(),
            "in.jsonl:2: invalid UTF-8 at column 15 (byte 29)");
}

TEST(JsonLinesTest, HugeLine) {
  constexpr size_t kTextBytes = 50u << 20;
  std::string input = "{\"text\": \"";
  input.append(kTextBytes, 'a');
  input += "\"}\n{\"text\": \"after\"}\n";
  auto recs = ReadAll(input);
  ASSERT_EQ(recs.size(), 2u);
  ASSERT_TRUE(recs[0].record.ok()) << recs[0].record.status().ToString();
  EXPECT_EQ(recs[0].record->text.size(), kTextBytes);
  recs.clear();

  JsonLinesOptions small;
  small.max_line_bytes = 1u << 20;
  recs = ReadAll(input, small);
  ASSERT_EQ(recs.size(), 2u);
  ASSERT_FALSE(recs[0].record.ok());
  EXPECT_EQ(recs[0].record.status().code(), StatusCode::kResourceExhausted);
  EXPECT_TRUE(
      recs[0].record.status().message().starts_with("in.jsonl:1: line is "));
  ASSERT_TRUE(recs[1].record.ok());
  EXPECT_EQ(recs[1].record->text, "after");
}

TEST(JsonLinesTest, EmptyInputYieldsNothing) {
  EXPECT_TRUE(ReadAll("").empty());
  EXPECT_TRUE(ReadAll("\n\n  \n").empty());
}

}  // namespace
}  // namespace trigon::ingest
