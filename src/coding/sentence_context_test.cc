// SentenceContext carries the previous sentence's analysis from one
// CodeSentence call to the next.  It must never change a result: these
// tests code the gold-set sentences (tests/golden/coding, real dictionaries)
// as running documents -- dates, languages and home countries changing from
// sentence to sentence -- with and without a context, and compare every
// field of every event.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/file_util.h"
#include "coding/coder.h"
#include "coding/trigon_dictionary.h"
#include "testing/testing.h"

namespace trigon::coding {
namespace {

struct Line {
  std::string date;
  std::string lang;
  std::string text;
};

// The date:/text: pairs of a gold file, in order (the rest is ignored).
std::vector<Line> GoldLines(const std::string& file, const std::string& lang) {
  std::vector<Line> out;
  auto bytes = ReadFileBytes(file);
  if (!bytes.ok()) return out;
  std::string date;
  size_t pos = 0;
  while (pos < bytes->size()) {
    size_t end = bytes->find('\n', pos);
    if (end == std::string::npos) end = bytes->size();
    const std::string line = bytes->substr(pos, end - pos);
    pos = end + 1;
    if (line.rfind("date: ", 0) == 0) date = line.substr(6);
    if (line.rfind("text: ", 0) == 0) out.push_back({date, lang, line.substr(6)});
  }
  return out;
}

std::string Describe(const model::Event& e) {
  return e.source + ">" + e.target + " " + e.source_country + ">" + e.target_country + " " +
         e.code + " m" + std::to_string(static_cast<int>(e.modality)) + " " +
         e.date.value_or("-") + " b" + std::to_string(static_cast<int>(e.date_basis)) + " t" +
         std::to_string(e.trigger.span.begin) + "-" + std::to_string(e.trigger.span.end) +
         e.trigger.text + " s" + std::to_string(e.source_evidence.span.begin) + "-" +
         std::to_string(e.source_evidence.span.end) + e.source_evidence.text + " d" +
         std::to_string(e.target_evidence.span.begin) + "-" +
         std::to_string(e.target_evidence.span.end) + e.target_evidence.text + " o" +
         std::to_string(e.sentence_offset);
}

class SentenceContextTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string dict = trigon::testing::SourceDir() + "/data/dict";
    auto dicts = LoadTrigonDictionaries(dict);
    if (!dicts.ok()) return;
    auto coder = Coder::Create(*dicts);
    if (coder.ok()) coder_ = std::move(coder).value().release();
  }
  static void TearDownTestSuite() {
    delete coder_;
    coder_ = nullptr;
  }
  static Coder* coder_;
};
Coder* SentenceContextTest::coder_ = nullptr;

TEST_F(SentenceContextTest, CarriedContextGivesTheSameEventsAsRecomputed) {
  if (coder_ == nullptr) GTEST_SKIP() << "data/dict not loadable";
  const std::string gold = trigon::testing::SourceDir() + "/tests/golden/coding/";
  std::vector<Line> lines;
  for (const auto& [file, lang] : {std::pair{"en.txt", "en"}, std::pair{"zh-hans.txt", "zh-Hans"},
                                   std::pair{"zh-hant.txt", "zh-Hant"}}) {
    for (Line& l : GoldLines(gold + file, lang)) lines.push_back(std::move(l));
  }
  if (lines.size() < 50) GTEST_SKIP() << "gold set not found";
  // One running document over all scripts: the language (and so the home
  // country) and the sentence dates change as it goes, so the carried
  // analysis is reused, re-dated and refused in turn.
  SentenceContext context;
  size_t events = 0;
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < lines.size(); ++i) {
      SentenceInput in;
      in.text = lines[i].text;
      in.lang = lines[i].lang;
      // Pass 1 keeps one document date so that sentence dates decide role
      // dates; pass 0 uses each case's own date.
      in.document_date = pass == 0 ? lines[i].date : std::string("2022-06-01");
      in.sentence_offset = static_cast<uint32_t>(i);
      if (i > 0) in.previous_sentence = lines[i - 1].text;
      const SentenceResult plain = coder_->CodeSentence(in);
      const SentenceResult carried = coder_->CodeSentence(in, &context);
      ASSERT_EQ(plain.events.size(), carried.events.size()) << lines[i].text;
      for (size_t k = 0; k < plain.events.size(); ++k) {
        EXPECT_EQ(Describe(plain.events[k]), Describe(carried.events[k])) << lines[i].text;
      }
      events += plain.events.size();
    }
  }
  EXPECT_GT(events, 100u);
}

// A context that is not of the given previous sentence (a caller that
// skipped a sentence, or reordered them) is recomputed, not trusted.
TEST_F(SentenceContextTest, MismatchedContextIsNotUsed) {
  if (coder_ == nullptr) GTEST_SKIP() << "data/dict not loadable";
  SentenceContext context;
  SentenceInput first;
  first.text = "Russian President Vladimir Putin met Chinese President Xi Jinping.";
  first.lang = "en";
  first.document_date = "2023-03-21";
  (void)coder_->CodeSentence(first, &context);

  SentenceInput next;
  next.text = "He condemned the launch.";
  next.lang = "en";
  next.document_date = "2023-03-21";
  next.previous_sentence = "The United States tested a missile on Monday.";
  const SentenceResult plain = coder_->CodeSentence(next);
  const SentenceResult carried = coder_->CodeSentence(next, &context);
  ASSERT_EQ(plain.events.size(), carried.events.size());
  for (size_t k = 0; k < plain.events.size(); ++k) {
    EXPECT_EQ(Describe(plain.events[k]), Describe(carried.events[k]));
  }
  // An over-long sentence leaves no context behind.
  SentenceInput huge;
  const std::string long_text(10000, 'a');
  huge.text = long_text;
  huge.lang = "en";
  EXPECT_TRUE(coder_->CodeSentence(huge, &context).events.empty());
  next.previous_sentence = long_text;
  EXPECT_EQ(coder_->CodeSentence(next, &context).events.size(),
            coder_->CodeSentence(next).events.size());
}

}  // namespace
}  // namespace trigon::coding
