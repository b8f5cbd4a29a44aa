#include "pipeline/json_line_coder.h"

#include <gtest/gtest.h>

#include <memory>

#include "pipeline/document_analyzer.h"
#include "pipeline/document_coder.h"
#include "text/normalizer.h"

namespace trigon::pipeline {
namespace {

class JsonLineCoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto analyzer = DocumentAnalyzer::Create();
    ASSERT_TRUE(analyzer.ok()) << analyzer.status().ToString();
    analyzer_ = std::move(analyzer).value().release();
    auto coder = DocumentCoder::Open(TRIGON_SOURCE_DIR "/data/dict");
    ASSERT_TRUE(coder.ok()) << coder.status().ToString();
    coder_ = std::move(coder).value().release();
  }
  static void TearDownTestSuite() {
    delete coder_;
    delete analyzer_;
  }
  static const DocumentAnalyzer* analyzer_;
  static const DocumentCoder* coder_;
};
const DocumentAnalyzer* JsonLineCoderTest::analyzer_ = nullptr;
const DocumentCoder* JsonLineCoderTest::coder_ = nullptr;

TEST_F(JsonLineCoderTest, CodesARecordAndNamesItByIdOrLine) {
  const std::string text = "Chinese President Xi Jinping met Russian President Vladimir Putin.";
  auto with_id = CodeJsonLine(*analyzer_, *coder_,
                              R"({"id":"a-1","date":"2023-03-21","text":")" + text + R"("})",
                              "feed", 7);
  ASSERT_TRUE(with_id.ok()) << with_id.status().ToString();
  EXPECT_EQ(with_id->label, "a-1");
  EXPECT_EQ(with_id->doc.source_path, "feed:7");
  ASSERT_FALSE(with_id->events.empty());
  for (const CodedEvent& e : with_id->events) {
    EXPECT_EQ(e.stored.origin, "trigon");
    EXPECT_EQ(e.stored.doc_id, with_id->doc.id);
    EXPECT_EQ(e.sentence_text, text);
    EXPECT_EQ(e.stored.event.date.value_or(""), "2023-03-21");
  }
  auto without_id = CodeJsonLine(*analyzer_, *coder_,
                                 R"({"date":"2023-03-21","text":")" + text + R"("})", "stdin", 3);
  ASSERT_TRUE(without_id.ok());
  EXPECT_EQ(without_id->label, "stdin:3");
  EXPECT_EQ(without_id->events.size(), with_id->events.size());
}

TEST_F(JsonLineCoderTest, ReaderErrorsNameTheCallersLine) {
  auto bad = CodeJsonLine(*analyzer_, *coder_, R"({"text": "unterminated)", "corpus", 42);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message().rfind("corpus:42:", 0), 0u) << bad.status().message();
  EXPECT_EQ(bad.status().message().find("stdin.jsonl"), std::string::npos);
  auto empty = CodeJsonLine(*analyzer_, *coder_, "", "corpus", 5);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().message().rfind("corpus:5:", 0), 0u) << empty.status().message();
}

}  // namespace
}  // namespace trigon::pipeline
