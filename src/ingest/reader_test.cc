#include "ingest/reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "ingest/source_map.h"
#include "testing/testing.h"

namespace trigon::ingest {
namespace {

using model::Document;
using model::RemovalReason;

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = trigon::testing::MakeTempDir(); }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::permissions(dir_ + "/unreadable.txt",
                                 std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(dir_, ec);
  }

  std::string Write(const std::string& name, std::string_view bytes) {
    const std::string path = dir_ + "/" + name;
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
  }

  std::vector<Result<Document>> Read(const std::string& path,
                                     const ReaderOptions& options = {}) {
    std::vector<Result<Document>> out;
    ReadInputFile(path, options,
                  [&](Result<Document> d) { out.push_back(std::move(d)); });
    return out;
  }

  // Reads a file expected to give exactly one document.
  Document ReadOne(const std::string& path) {
    auto docs = Read(path);
    EXPECT_EQ(docs.size(), 1u);
    if (docs.empty()) return {};
    EXPECT_TRUE(docs[0].ok()) << docs[0].status().ToString();
    if (!docs[0].ok()) return {};
    return std::move(docs[0]).value();
  }

  Status ReadError(const std::string& path, const ReaderOptions& options = {}) {
    auto docs = Read(path, options);
    EXPECT_EQ(docs.size(), 1u);
    if (docs.empty()) return Status::Internal("no result");
    EXPECT_FALSE(docs[0].ok());
    return docs[0].ok() ? Status::OK() : docs[0].status();
  }

  std::string dir_;
};

TEST_F(ReaderTest, TextWithFrontMatter) {
  const std::string text =
      "title: Talks in Geneva\ndate: March 17, 2025\nsource: Wire\n"
      "url: https://example.com/a\nlang: en\n\nThe talks began on Monday.\n";
  const std::string path = Write("article.txt", text);
  Document d = ReadOne(path);
  EXPECT_EQ(d.source_path, path);
  EXPECT_EQ(d.format, "text");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_EQ(d.source_bytes, text.size());
  EXPECT_EQ(d.text, text);  // never edited
  EXPECT_TRUE(d.source_map.empty());
  EXPECT_TRUE(d.raw.empty());
  EXPECT_EQ(d.title, "Talks in Geneva");
  EXPECT_EQ(d.source, "Wire");
  EXPECT_EQ(d.url, "https://example.com/a");
  EXPECT_EQ(d.declared_lang, "en");
  ASSERT_TRUE(d.date.has_value());
  EXPECT_EQ(*d.date, "2025-03-17");
  EXPECT_EQ(d.date_basis, "front_matter");
  EXPECT_EQ(d.date_text, "March 17, 2025");
  ASSERT_EQ(d.removed.size(), 1u);
  EXPECT_EQ(d.removed[0].reason, RemovalReason::kFrontMatter);
  EXPECT_EQ(d.text.substr(d.removed[0].span.end),
            "The talks began on Monday.\n");
  EXPECT_TRUE(d.id.empty());
  EXPECT_TRUE(d.paragraphs.empty());
  EXPECT_TRUE(d.sentences.empty());
}

TEST_F(ReaderTest, PlainTextHasNoMetadataDate) {
  Document d = ReadOne(Write("plain.txt", "Published 2025-03-17.\n\nBody.\n"));
  EXPECT_FALSE(d.date.has_value());  // text dates are the pipeline's job
  EXPECT_TRUE(d.date_basis.empty());
  EXPECT_TRUE(d.removed.empty());
}

TEST_F(ReaderTest, GbkTextIsDecoded) {
  // "中文 ok" in GBK.
  Document d = ReadOne(Write("gbk.txt", "\xD6\xD0\xCE\xC4 ok\n"));
  EXPECT_EQ(d.text, "中文 ok\n");
  EXPECT_EQ(d.encoding, "GB18030");
  EXPECT_EQ(model::SourceOffset(d, 3), 2u);
}

TEST_F(ReaderTest, HtmlPage) {
  const std::string html =
      "<!doctype html><html lang=\"en\"><head><title>Page</title>"
      "<meta property=\"article:published_time\" "
      "content=\"2025-03-17T09:00:00Z\">"
      "<link rel=canonical href=\"https://example.com/p\"></head><body>"
      "<nav>Menu</nav><article><p>Article body.</p></article></body></html>";
  const std::string path = Write("page.html", html);
  Document d = ReadOne(path);
  EXPECT_EQ(d.format, "html");
  EXPECT_EQ(d.text, "Menu\n\nArticle body.");
  EXPECT_EQ(d.raw, html);
  EXPECT_EQ(d.title, "Page");
  EXPECT_EQ(d.url, "https://example.com/p");
  EXPECT_EQ(d.declared_lang, "en");
  ASSERT_TRUE(d.date.has_value());
  EXPECT_EQ(*d.date, "2025-03-17");
  EXPECT_EQ(d.date_basis, "html_meta:article:published_time");
  EXPECT_EQ(d.date_text, "2025-03-17T09:00:00Z");
  ASSERT_EQ(d.removed.size(), 1u);
  EXPECT_EQ(d.removed[0].detail, "<nav>");
  const uint32_t body = static_cast<uint32_t>(d.text.find("Article"));
  EXPECT_EQ(model::SourceOffset(d, body), html.find("Article"));
}

TEST_F(ReaderTest, HtmlSniffedFromContentAndTranscoded) {
  // A GBK page with a .txt name and a UTF-8 BOM-less doctype.
  const std::string html = "  <!DOCTYPE HTML><p>\xD6\xD0\xCE\xC4</p>";
  Document d = ReadOne(Write("page.txt", html));
  EXPECT_EQ(d.format, "html");
  EXPECT_EQ(d.encoding, "GB18030");
  EXPECT_EQ(d.text, "中文");
  // Offsets refer to the GBK file bytes: 文 is bytes 23..25.
  EXPECT_EQ(model::SourceOffset(d, 3), html.find("\xCE\xC4"));
  EXPECT_EQ(MapEnd(d.source_map, 6), html.find("\xCE\xC4") + 2);
}

TEST_F(ReaderTest, JsonLines) {
  const std::string input =
      "{\"id\": \"x1\", \"text\": \"First.\", \"date\": \"2025-03-17\", "
      "\"lang\": \"en\"}\n"
      "not json\n"
      "{\"id\": 7, \"text\": \"Third.\", \"date\": \"someday\"}\n";
  const std::string path = Write("feed.ndjson", input);
  auto docs = Read(path);
  ASSERT_EQ(docs.size(), 3u);
  ASSERT_TRUE(docs[0].ok());
  EXPECT_EQ(docs[0]->source_path, path + ":1");
  EXPECT_EQ(docs[0]->format, "jsonl");
  EXPECT_EQ(docs[0]->external_id, "x1");
  EXPECT_EQ(docs[0]->text, "First.");
  EXPECT_EQ(docs[0]->declared_lang, "en");
  EXPECT_EQ(docs[0]->date.value_or(""), "2025-03-17");
  EXPECT_EQ(docs[0]->date_basis, "jsonl");
  EXPECT_EQ(docs[0]->source_bytes, input.find('\n'));
  ASSERT_FALSE(docs[1].ok());
  EXPECT_TRUE(docs[1].status().message().starts_with(path + ":2: "));
  ASSERT_TRUE(docs[2].ok());
  EXPECT_EQ(docs[2]->external_id, "7");
  EXPECT_FALSE(docs[2]->date.has_value());  // unparseable date is dropped
  EXPECT_EQ(model::SourceOffset(*docs[2], 0), input.find("{\"id\": 7"));
}

TEST_F(ReaderTest, JsonLinesWithoutRecords) {
  Status s = ReadError(Write("blank.jsonl", "\n\n"));
  EXPECT_NE(s.message().find("no JSON records"), std::string::npos);
}

TEST_F(ReaderTest, BadFiles) {
  Status s = ReadError(
      Write("image.png", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)));
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("image.png: binary content at byte 8"),
            std::string::npos)
      << s.message();

  s = ReadError(
      Write("cut.txt", "新闻报道：中美会谈继续举行，双方同意保持沟通\xE3\x80"));
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("cut.txt: invalid UTF-8 at byte"),
            std::string::npos)
      << s.message();

  s = ReadError(Write("empty.txt", ""));
  EXPECT_EQ(s.message(), dir_ + "/empty.txt: empty file");

  s = ReadError(
      Write("empty.html", "<html><body><script>x</script></body></html>"));
  EXPECT_NE(s.message().find("no visible text"), std::string::npos);

  s = ReadError(dir_ + "/missing.txt");
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_NE(s.message().find("missing.txt"), std::string::npos);

  s = ReadError(dir_);
  EXPECT_EQ(s.code(), StatusCode::kIOError);

  ReaderOptions tiny;
  tiny.max_file_bytes = 4;
  s = ReadError(Write("big.txt", "more than four bytes"), tiny);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_NE(s.message().find("big.txt"), std::string::npos);
}

TEST_F(ReaderTest, UnreadableFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can read a chmod 000 file";
  const std::string path = Write("unreadable.txt", "secret");
  std::filesystem::permissions(path, std::filesystem::perms::none);
  Status s = ReadError(path);
  EXPECT_EQ(s.code(), StatusCode::kIOError);
  EXPECT_NE(s.message().find("unreadable.txt"), std::string::npos);
}

TEST(DetectFormatTest, ExtensionsAndContent) {
  EXPECT_EQ(DetectFormat("a/b.HTML", ""), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("b.htm", ""), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("b.xhtml", ""), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("b.jsonl", "<html>"), InputFormat::kJsonLines);
  EXPECT_EQ(DetectFormat("b.NDJSON", ""), InputFormat::kJsonLines);
  EXPECT_EQ(DetectFormat("b.txt", "\n  <HTML><body>"), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("b", "<!-- c --><!doctype html>"), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("b", "<?xml version=\"1.0\"?>\n<html>"),
            InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("b.txt", "Use <html> tags"), InputFormat::kText);
  EXPECT_EQ(DetectFormat("dir.html/file", "text"), InputFormat::kText);
  EXPECT_STREQ(InputFormatName(InputFormat::kJsonLines), "jsonl");
}

}  // namespace
}  // namespace trigon::ingest
