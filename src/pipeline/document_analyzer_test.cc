#include "pipeline/document_analyzer.h"

#include <gtest/gtest.h>

#include <map>

#include "ingest/reader.h"
#include "testing/testing.h"

namespace trigon::pipeline {
namespace {

// Reads and analyzes the one document in `path`.
model::Document AnalyzeFile(const std::string& path) {
  auto analyzer = DocumentAnalyzer::Create();
  EXPECT_TRUE(analyzer.ok());
  std::vector<model::Document> docs;
  ingest::ReadInputFile(path, {}, [&](Result<model::Document> d) {
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    docs.push_back(std::move(d).value());
  });
  EXPECT_EQ(docs.size(), 1u);
  if (docs.empty()) return {};
  (*analyzer)->Analyze(docs[0]);
  return docs[0];
}

std::map<std::string, int> ParagraphLangs(const model::Document& doc) {
  std::map<std::string, int> out;
  for (const auto& p : doc.paragraphs) ++out[p.lang];
  return out;
}

std::map<model::RemovalReason, int> Removed(const model::Document& doc) {
  std::map<model::RemovalReason, int> out;
  for (const auto& r : doc.removed) ++out[r.reason];
  return out;
}

bool KeptContains(const model::Document& doc, std::string_view needle) {
  for (const auto& p : doc.paragraphs) {
    if (std::string_view(doc.text).substr(p.span.begin, p.span.size()).find(needle) !=
        std::string_view::npos) {
      return true;
    }
  }
  return false;
}

size_t Occurrences(const model::Document& doc, std::string_view needle) {
  size_t n = 0;
  for (const auto& p : doc.paragraphs) {
    std::string_view s = std::string_view(doc.text).substr(p.span.begin, p.span.size());
    for (size_t at = s.find(needle); at != std::string_view::npos; at = s.find(needle, at + 1)) ++n;
  }
  return n;
}

TEST(DocumentAnalyzerTest, SharedBlogRepost) {
  const std::string shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent";
  const model::Document doc = AnalyzeFile(shared + "/examples/blog-repost-reverse-nixon.txt");
  EXPECT_EQ(doc.date, "2025-03-17");
  EXPECT_EQ(doc.date_basis, "text:YYYY年MM月DD日");
  const auto langs = ParagraphLangs(doc);
  EXPECT_GT(langs.count("en") ? langs.at("en") : 0, 30);
  EXPECT_GT(langs.count("zh-Hant") ? langs.at("zh-Hant") : 0, 100);
  EXPECT_EQ(langs.count("zh-Hans"), 0u) << "a Traditional repost has no Simplified paragraphs";
  auto removed = Removed(doc);
  EXPECT_GE(removed[model::RemovalReason::kDuplicate], 1);
  EXPECT_EQ(removed[model::RemovalReason::kCommentSection], 1);
  EXPECT_EQ(removed[model::RemovalReason::kEndnotes], 2);  // Chinese and English
  // The blogger's commentary appears once after collapsing the repeat.
  EXPECT_EQ(Occurrences(doc, "看來還是柯文哲比馬英九聰明"), 1u);
  EXPECT_FALSE(KeptContains(doc, "張貼留言"));
  EXPECT_FALSE(KeptContains(doc, "只有此網誌的成員可以留言"));
  // Both the translation and the English original are kept.
  EXPECT_TRUE(KeptContains(doc, "美國必須阻止俄羅斯成為中國的「永久小夥伴」"));
  EXPECT_TRUE(KeptContains(doc, "Nixon’s surprise visit to China in 1972"));
  // Sentences exist in both languages and are never empty.
  size_t en = 0, hant = 0;
  for (const auto& s : doc.sentences) {
    EXPECT_FALSE(s.span.empty());
    EXPECT_FALSE(s.normalized.empty());
    en += s.lang == "en";
    hant += s.lang == "zh-Hant";
  }
  EXPECT_GT(en, 50u);
  EXPECT_GT(hant, 50u);
}

TEST(DocumentAnalyzerTest, SharedAggregatorPage) {
  const std::string shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent";
  const model::Document doc = AnalyzeFile(shared + "/examples/aggregator-zh-hans-ceasefire.txt");
  // The page only says "2月12日": no full date, so none is invented.
  EXPECT_FALSE(doc.date.has_value());
  const auto langs = ParagraphLangs(doc);
  ASSERT_EQ(langs.size(), 1u);
  EXPECT_EQ(langs.begin()->first, "zh-Hans");
  EXPECT_EQ(Removed(doc)[model::RemovalReason::kAdPlaceholder], 4);
  EXPECT_FALSE(KeptContains(doc, "webp"));
  EXPECT_FALSE(KeptContains(doc, "如有侵权请联系小编删除"));
  EXPECT_TRUE(KeptContains(doc, "2月12日,特朗普与普京进行了上任后的首次通话"));
}

TEST(DocumentAnalyzerTest, EveryByteIsKeptRemovedOrWhitespace) {
  const std::string dir = testing::SourceDir() + "/data/sample/noisy/";
  for (const char* name : {"aggregator-zh-hans.txt", "blog-repost-zh-hant.txt",
                           "repeated-article.txt", "news-page.html", "big5-encoded.txt"}) {
    const model::Document doc = AnalyzeFile(dir + name);
    std::vector<char> covered(doc.text.size(), 0);
    for (const auto& p : doc.paragraphs) {
      for (uint32_t i = p.span.begin; i < p.span.end; ++i) covered[i] = 1;
    }
    for (const auto& r : doc.removed) {
      for (uint32_t i = r.span.begin; i < r.span.end; ++i) covered[i] = 1;
    }
    for (size_t i = 0; i < covered.size(); ++i) {
      const char c = doc.text[i];
      if (!covered[i] && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        ADD_FAILURE() << name << ": byte " << i << " is neither kept nor removed";
        break;
      }
    }
    EXPECT_FALSE(doc.sentences.empty()) << name;
    EXPECT_TRUE(doc.date.has_value()) << name;
  }
}

TEST(DocumentAnalyzerTest, RepeatedArticleKeepsOneCopy) {
  const model::Document doc =
      AnalyzeFile(testing::SourceDir() + "/data/sample/noisy/repeated-article.txt");
  ASSERT_FALSE(doc.paragraphs.empty());
  EXPECT_GE(Removed(doc)[model::RemovalReason::kDuplicate], 1);
  // The first sentence appears once among the sentences.
  const std::string first(std::string_view(doc.text).substr(doc.sentences[0].span.begin,
                                                            doc.sentences[0].span.size()));
  size_t copies = 0;
  for (const auto& s : doc.sentences) {
    copies += std::string_view(doc.text).substr(s.span.begin, s.span.size()) == first;
  }
  EXPECT_EQ(copies, 1u);
}

TEST(DocumentAnalyzerTest, IdIsAContentHash) {
  const std::string dir = testing::SourceDir() + "/data/sample/en/";
  const model::Document a = AnalyzeFile(dir + "014-biden-xi-bali.txt");
  const model::Document b = AnalyzeFile(dir + "014-biden-xi-bali.txt");
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.id.size(), 32u);
  const model::Document c = AnalyzeFile(dir + "015-griner-bout-swap.txt");
  EXPECT_NE(a.id, c.id);
}

}  // namespace
}  // namespace trigon::pipeline
