#include "coding/coder.h"
#include "coding/trigon_dictionary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "coding/test_util.h"

namespace trigon::coding {
namespace {

class CoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    DictionarySet d;
    Status s = testing::LoadFixture(&d);
    ASSERT_TRUE(s.ok()) << s.ToString();
    auto c = Coder::Create(d);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    coder_ = std::move(c).value().release();
  }
  static void TearDownTestSuite() {
    delete coder_;
    coder_ = nullptr;
  }

  // "SRC TGT CODE MODALITY DATE" per event.
  static std::vector<std::string> Code(std::string_view text,
                                       std::string_view prev = "",
                                       const char* date = "2025-03-14") {
    SentenceInput in;
    in.text = text;
    in.previous_sentence = prev;
    if (date != nullptr) in.document_date = date;
    in.want_trace = true;
    SentenceResult r = coder_->CodeSentence(in);
    std::vector<std::string> out;
    for (const model::Event& e : r.events) {
      out.push_back(e.source + " " + e.target + " " + e.code + " " +
                    std::string(model::ModalityName(e.modality)) + " " +
                    e.date.value_or("-"));
    }
    return out;
  }

  static Coder* coder_;
};

Coder* CoderTest::coder_ = nullptr;

using V = std::vector<std::string>;

TEST_F(CoderTest, SimpleEnglishWithWeekday) {
  EXPECT_EQ(Code("Washington imposed sanctions on Moscow on Tuesday."),
            V{"USAGOV RUSGOV 163 asserted 2025-03-11"});
}

TEST_F(CoderTest, EventFieldsAndEvidence) {
  SentenceInput in;
  in.text = "The Chinese foreign ministry criticized Japan.";
  in.document_date = "2025-03-14";
  in.sentence_offset = 100;
  SentenceResult r = coder_->CodeSentence(in);
  ASSERT_EQ(r.events.size(), 1u);
  const model::Event& e = r.events[0];
  EXPECT_EQ(e.source, "CHNGOV");
  EXPECT_EQ(e.source_country, "CHN");
  EXPECT_EQ(e.target_country, "JPN");
  EXPECT_EQ(e.root, "11");
  EXPECT_EQ(e.quad_class, 3);
  EXPECT_DOUBLE_EQ(e.goldstein, -2.0);
  EXPECT_EQ(e.date_basis, model::DateBasis::kDocument);
  EXPECT_EQ(e.trigger.text, "criticized");
  EXPECT_EQ(in.text.substr(e.trigger.span.begin, e.trigger.span.size()),
            "criticized");
  EXPECT_EQ(e.source_evidence.text, "Chinese foreign ministry");
  EXPECT_EQ(e.target_evidence.text, "Japan");
  EXPECT_EQ(e.sentence_offset, 100u);
  EXPECT_EQ(e.mentions, 1u);
  EXPECT_TRUE(r.trace.actors.empty());  // no trace unless asked
}

TEST_F(CoderTest, ReportedSpeechSourceIsReportedSubject) {
  EXPECT_EQ(
      Code("The Kremlin said Washington had imposed sanctions on Moscow."),
      V{"USAGOV RUSGOV 163 asserted 2025-03-14"});
}

TEST_F(CoderTest, AdjectivePlusAgentAndPersonTitle) {
  EXPECT_EQ(Code("Russian troops attacked Ukraine yesterday."),
            V{"RUSMIL UKR 190 asserted 2025-03-13"});
  // Title + person is one actor; the symmetric event runs both ways.
  EXPECT_EQ(Code("Russian President Vladimir Putin held talks with Wang Yi."),
            (V{"RUSGOV CHNGOV 040 asserted 2025-03-14",
               "CHNGOV RUSGOV 040 asserted 2025-03-14"}));
}

TEST_F(CoderTest, AppositionIsOneActor) {
  EXPECT_EQ(Code("Wang Yi, China's foreign minister, criticized Japan."),
            V{"CHNGOV JPN 111 asserted 2025-03-14"});
}

TEST_F(CoderTest, PersonRoleByDate) {
  EXPECT_EQ(Code("Trump criticized China.", "", "2019-05-01"),
            V{"USAGOV CHN 111 asserted 2019-05-01"});
  EXPECT_EQ(Code("Trump criticized China.", "", "2022-05-01"),
            V{"USAELI CHN 111 asserted 2022-05-01"});
}

TEST_F(CoderTest, CompoundActors) {
  EXPECT_EQ(Code("The US and Japan imposed sanctions on Russia."),
            (V{"USA RUS 163 asserted 2025-03-14",
               "JPN RUS 163 asserted 2025-03-14"}));
  // A comma alone does not make a list.
  EXPECT_EQ(Code("Washington criticized China, Beijing said."),
            V{"USAGOV CHN 111 asserted 2025-03-14"});
}

TEST_F(CoderTest, SymmetricCompoundWithoutTarget) {
  EXPECT_EQ(Code("China and Russia held talks."),
            (V{"CHN RUS 040 asserted 2025-03-14",
               "RUS CHN 040 asserted 2025-03-14"}));
}

TEST_F(CoderTest, EnglishPassive) {
  EXPECT_EQ(Code("Russia was sanctioned by the European Union."),
            V{"IGOEUREEC RUS 163 asserted 2025-03-14"});
  // Passive without an agent: no source, no event.
  EXPECT_EQ(Code("Russia was sanctioned."), V{});
}

TEST_F(CoderTest, Modality) {
  EXPECT_EQ(Code("Washington did not criticize Beijing."), V{});  // no trigger
  EXPECT_EQ(Code("Washington did not imposed sanctions on Moscow."),
            V{"USAGOV RUSGOV 163 negated 2025-03-14"});
  EXPECT_EQ(Code("If Washington imposed sanctions on Moscow, it would hurt."),
            V{"USAGOV RUSGOV 163 hypothetical 2025-03-14"});
  EXPECT_EQ(Code("Washington should imposed sanctions on Moscow."),
            V{"USAGOV RUSGOV 163 advocated 2025-03-14"});
  EXPECT_EQ(Code("Washington will imposed sanctions on Moscow."),
            V{"USAGOV RUSGOV 163 future 2025-03-14"});
  // A cue after the trigger or in the speaker's clause does not apply.
  EXPECT_EQ(Code("Washington imposed sanctions on Moscow, which will hurt."),
            V{"USAGOV RUSGOV 163 asserted 2025-03-14"});
}

TEST_F(CoderTest, HistoricalByDate) {
  EXPECT_EQ(Code("The United States criticized China in 1972."),
            V{"USA CHN 111 historical 1972"});
}

TEST_F(CoderTest, PronounFromPreviousSentence) {
  EXPECT_EQ(Code("He criticized China.", "Wang Yi met reporters."), V{});
  EXPECT_EQ(Code("He criticized Japan.", "Vladimir Putin arrived."),
            V{"RUSGOV JPN 111 asserted 2025-03-14"});
  EXPECT_EQ(Code("They held talks.", "Russia and China disagreed."),
            (V{"RUS CHN 040 asserted 2025-03-14",
               "CHN RUS 040 asserted 2025-03-14"}));
  EXPECT_EQ(Code("Russia said it criticized Japan."),
            V{"RUS JPN 111 asserted 2025-03-14"});
}

TEST_F(CoderTest, SelfEventsAndDuplicatesDropped) {
  EXPECT_EQ(Code("Washington criticized the United States."), V{});
  EXPECT_EQ(Code("Washington criticized Moscow and condemned Moscow."),
            (V{"USAGOV RUSGOV 111 asserted 2025-03-14"}));
}

TEST_F(CoderTest, SimplifiedChinese) {
  EXPECT_EQ(Code("中国外交部批评日本。"),
            V{"CHNGOV JPN 111 asserted 2025-03-14"});
  EXPECT_EQ(Code("俄军12日袭击乌克兰。"),
            V{"RUSMIL UKR 190 asserted 2025-03-12"});
  EXPECT_EQ(Code("美国对俄罗斯实施制裁。"),
            V{"USA RUS 163 asserted 2025-03-14"});
  EXPECT_EQ(Code("中俄两国举行会谈。"), (V{"CHN RUS 040 asserted 2025-03-14",
                                           "RUS CHN 040 asserted 2025-03-14"}));
  EXPECT_EQ(Code("王毅与普京通话。"),
            (V{"CHNGOV RUSGOV 041 asserted 2025-03-14",
               "RUSGOV CHNGOV 041 asserted 2025-03-14"}));
}

TEST_F(CoderTest, ChinesePassiveAndNegation) {
  EXPECT_EQ(Code("俄罗斯遭美国制裁。"), V{"USA RUS 163 asserted 2025-03-14"});
  EXPECT_EQ(Code("俄罗斯被制裁。"), V{});
  EXPECT_EQ(Code("美方并未对中国加征关税。"),
            V{"USA CHN 163 negated 2025-03-14"});
  EXPECT_EQ(Code("美国如果对中国加征关税，中方将批评美国。"),
            (V{"USA CHN 163 hypothetical 2025-03-14",
               "CHN USA 111 hypothetical 2025-03-14"}));
  EXPECT_EQ(Code("中方表示，美方应该撤销对华限制措施。"), V{});
}

TEST_F(CoderTest, TraditionalChinese) {
  EXPECT_EQ(Code("俄羅斯外長批評美國。"),
            V{"RUSGOV USA 111 asserted 2025-03-14"});
  EXPECT_EQ(Code("美國總統川普與普丁通電話。", "", "2025-03-14"),
            (V{"USAGOV RUSGOV 041 asserted 2025-03-14",
               "RUSGOV USAGOV 041 asserted 2025-03-14"}));
  EXPECT_EQ(Code("雙方舉行會談。", "中國與俄羅斯關係密切。"),
            (V{"CHN RUS 040 asserted 2025-03-14",
               "RUS CHN 040 asserted 2025-03-14"}));
}

TEST_F(CoderTest, TraceExplainsDecisions) {
  SentenceInput in;
  in.text = "Russia was sanctioned.";
  in.want_trace = true;
  SentenceResult r = coder_->CodeSentence(in);
  ASSERT_EQ(r.trace.candidates.size(), 1u);
  EXPECT_FALSE(r.trace.candidates[0].emitted);
  EXPECT_NE(r.trace.candidates[0].reason.find("no source"), std::string::npos);
  EXPECT_EQ(r.trace.candidates[0].code, "163");
  ASSERT_EQ(r.trace.actors.size(), 1u);
  EXPECT_EQ(r.trace.actors[0].code, "RUS");
}

TEST_F(CoderTest, NoDocumentDate) {
  EXPECT_EQ(Code("Washington criticized Moscow.", "", nullptr),
            V{"USAGOV RUSGOV 111 asserted -"});
}

TEST_F(CoderTest, EmptyAndNoisyInput) {
  EXPECT_EQ(Code(""), V{});
  EXPECT_EQ(Code("   "), V{});
  EXPECT_EQ(Code("美美美美美中中中中中俄俄俄"), V{});
}

}  // namespace
}  // namespace trigon::coding

namespace trigon::coding {
namespace {

using V = std::vector<std::string>;

class CoderRulesTest : public CoderTest {};

TEST_F(CoderRulesTest, ComplementIsPartOfTheMainVerb) {
  // The threat is coded, its object found past the complement.
  EXPECT_EQ(
      Code("Washington threatened on Monday to impose sanctions on Moscow."),
      V{"USAGOV RUSGOV 130 asserted 2025-03-10"});
}

TEST_F(CoderRulesTest, EmbeddedAndAttributiveTriggersAreNotCoded) {
  EXPECT_EQ(Code("Japan condemned Russia's attacked Ukraine."),
            V{"JPN RUS 111 asserted 2025-03-14"});
  EXPECT_EQ(Code("美国退出与俄罗斯签署的条约。"), V{});
}

TEST_F(CoderRulesTest, RelativeClauseWithoutActorHead) {
  EXPECT_EQ(Code("Russia vetoed a text that condemned Ukraine."), V{});
  // After a verb of saying, "that" opens reported speech.
  EXPECT_EQ(Code("Russia said that Japan condemned Ukraine."),
            V{"JPN UKR 111 asserted 2025-03-14"});
}

TEST_F(CoderRulesTest, FrontedPhraseAndAddressee) {
  EXPECT_EQ(Code("In a statement on Tuesday, Japan condemned Russia."),
            V{"JPN RUS 111 asserted 2025-03-11"});
  EXPECT_EQ(Code("Putin told Wang Yi he criticized Japan."),
            V{"RUSGOV JPN 111 asserted 2025-03-14"});
}

TEST_F(CoderRulesTest, TriggerInsideALongerTrigger) {
  EXPECT_EQ(
      Code("Washington welcomed visiting Russian President Vladimir Putin to "
           "the White House."),
      V{"USAGOV RUSGOV 043 asserted 2025-03-14"});
}

TEST_F(CoderRulesTest, FutureDatesResolveForwards) {
  // 2025-03-14 is a Friday: "on Tuesday" in a future sentence is the 18th.
  EXPECT_EQ(Code("Washington will imposed sanctions on Moscow on Tuesday."),
            V{"USAGOV RUSGOV 163 future 2025-03-18"});
  EXPECT_EQ(Code("普京将于12日访问日本。"),
            V{"RUSGOV JPN 042 future 2025-04-12"});
}

TEST_F(CoderRulesTest, BareChineseAgentTakesHomeCountryInSimplified) {
  SentenceInput in;
  in.text = "外交部批评日本。";
  in.lang = "zh-Hans";
  SentenceResult r = coder_->CodeSentence(in);
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].source, "CHNGOV");
  in.lang = "zh-Hant";
  EXPECT_TRUE(coder_->CodeSentence(in).events.empty());
}

TEST_F(CoderRulesTest, SelfEventsWhenTheDictionarySaysSo) {
  EXPECT_EQ(Code("Iraqi troops massacred Iraqi civilians in 1988."),
            V{"IRQMIL IRQ 202 historical 1988"});
}

TEST_F(CoderRulesTest, GapsStayInsideTheClause) {
  // 与 … 签署 must not reach across the comma.
  EXPECT_EQ(Code("中国与俄罗斯关系密切,日本签署协议。"), V{});
}

TEST_F(CoderRulesTest, ModalityOfCoordinatedClause) {
  EXPECT_EQ(Code("美国应该批评俄罗斯,并制裁俄罗斯。"),
            (V{"USA RUS 111 advocated 2025-03-14",
               "USA RUS 163 advocated 2025-03-14"}));
}

TEST_F(CoderRulesTest, SymmetricOnlyWhenJoined) {
  // `flags symmetric`: both ways for "with" and coordinated actors, one way
  // for transitive phrasing; `flags reciprocal` (040): always both ways.
  EXPECT_EQ(Code("China bought Russian oil."),
            V{"CHN RUS 061 asserted 2025-03-14"});
  EXPECT_EQ(Code("China expanded trade with Russia."),
            (V{"CHN RUS 061 asserted 2025-03-14",
               "RUS CHN 061 asserted 2025-03-14"}));
  EXPECT_EQ(Code("China met Russia."),
            (V{"CHN RUS 040 asserted 2025-03-14",
               "RUS CHN 040 asserted 2025-03-14"}));
}

TEST_F(CoderRulesTest, DatelineIsNotAnActor) {
  EXPECT_EQ(Code("WASHINGTON (Reuters) - Russia held talks with China."),
            (V{"RUS CHN 040 asserted 2025-03-14",
               "CHN RUS 040 asserted 2025-03-14"}));
  EXPECT_EQ(Code("MOSCOW, March 10, 2025 \xE2\x80\x94 Japan phoned China."),
            (V{"JPN CHN 041 asserted 2025-03-10",
               "CHN JPN 041 asserted 2025-03-10"}));
  EXPECT_EQ(Code("(中央社华盛顿12日综合外电报导)俄罗斯与中国会谈。"),
            (V{"RUS CHN 040 asserted 2025-03-12",
               "CHN RUS 040 asserted 2025-03-12"}));
  EXPECT_EQ(Code("日期/Date: 03/12/2025 (中央社华盛顿综合外电报导)俄罗斯与中国会谈。"),
            (V{"RUS CHN 040 asserted 2025-03-14",
               "CHN RUS 040 asserted 2025-03-14"}));
  EXPECT_EQ(Code("新华社莫斯科3月12日电 (记者 王)俄罗斯与中国会谈。"),
            (V{"RUS CHN 040 asserted 2025-03-12",
               "CHN RUS 040 asserted 2025-03-12"}));
}

TEST_F(CoderRulesTest, ObjectPronounIsNotTheClauseSubject) {
  EXPECT_EQ(Code("Vladimir Putin met Wang Yi, and then criticized him."),
            (V{"RUSGOV CHNGOV 040 asserted 2025-03-14",
               "CHNGOV RUSGOV 040 asserted 2025-03-14",
               "RUSGOV CHNGOV 111 asserted 2025-03-14"}));
  EXPECT_EQ(Code("Japan said Russian troops attacked its territory."),
            V{"RUSMIL JPN 190 asserted 2025-03-14"});
}

TEST_F(CoderRulesTest, AgentByPhrase) {
  EXPECT_EQ(Code("Ukraine was attacked by more than 700 Russian troops."),
            V{"RUSMIL UKR 190 asserted 2025-03-14"});
  EXPECT_EQ(Code("The sanctions imposed on Russia by the EU hurt."),
            V{"IGOEUREEC RUS 163 asserted 2025-03-14"});
}

TEST_F(CoderRulesTest, ActorAfterAndIsTheNextSubject) {
  EXPECT_EQ(Code("Japan condemned the move and Russia attacked Ukraine."),
            V{"RUS UKR 190 asserted 2025-03-14"});
}

TEST_F(CoderRulesTest, ReciprocalMakesBothWays) {
  EXPECT_EQ(Code("中美同意停止对彼此制裁。"),
            (V{"CHN USA 163 asserted 2025-03-14",
               "USA CHN 163 asserted 2025-03-14"}));
}

// Random sentences built from dictionary words, function words and
// punctuation: no crash, and every evidence span lies inside the sentence
// and quotes it.
TEST_F(CoderRulesTest, RandomSentencesKeepEvidenceInsideTheSentence) {
  const std::vector<std::string> words = {"Washington",
                                          "Moscow",
                                          "China",
                                          "Russian",
                                          "troops",
                                          "President",
                                          "Vladimir Putin",
                                          "he",
                                          "they",
                                          "it",
                                          "its",
                                          "him",
                                          "and",
                                          ",",
                                          ";",
                                          "said",
                                          "did not",
                                          "if",
                                          "will",
                                          "should",
                                          "was",
                                          "by",
                                          "to",
                                          "with",
                                          "imposed sanctions on",
                                          "sanctions",
                                          "held talks",
                                          "met",
                                          "criticized",
                                          "attacked",
                                          "threatened",
                                          "on Tuesday",
                                          "in 1972",
                                          "yesterday",
                                          "that",
                                          "美国",
                                          "中",
                                          "俄",
                                          "军",
                                          "与",
                                          "对",
                                          "被",
                                          "遭",
                                          "表示",
                                          "，",
                                          "。",
                                          "的",
                                          "制裁",
                                          "会谈",
                                          "通话",
                                          "未",
                                          "将",
                                          "12日",
                                          "3月5日",
                                          "双方",
                                          "彼此",
                                          "the launch",
                                          "对此",
                                          "当天",
                                          "that day",
                                          "驻",
                                          "就",
                                          "事件",
                                          "\xE2\x80\x99s",
                                          "'s",
                                          "=",
                                          "*",
                                          "{T}",
                                          "\xE2\x80\xA6"};
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 14);
    for (int i = 0; i < n; ++i) {
      if (!text.empty() && rng() % 3 != 0) text += ' ';
      text += words[rng() % words.size()];
    }
    SentenceInput in;
    in.text = text;
    in.lang = rng() % 2 ? "en" : "zh-Hans";
    if (rng() % 2) in.document_date = "2025-03-14";
    in.previous_sentence = rng() % 2 ? "Russia and China disagreed." : "";
    in.want_trace = rng() % 2;
    SentenceResult r = coder_->CodeSentence(in);
    for (const model::Event& e : r.events) {
      for (const model::Evidence* ev :
           {&e.trigger, &e.source_evidence, &e.target_evidence}) {
        ASSERT_LE(ev->span.begin, ev->span.end) << text;
        ASSERT_LE(ev->span.end, text.size()) << text;
        EXPECT_EQ(text.substr(ev->span.begin, ev->span.size()), ev->text);
      }
      EXPECT_FALSE(e.source.empty()) << text;
      EXPECT_FALSE(e.target.empty()) << text;
      EXPECT_EQ(e.root, e.code.substr(0, 2));
    }
  }
}

TEST_F(CoderRulesTest, ChineseMissionAbroadAndMutualVerbs) {
  // 日本驻俄罗斯大使: Japan's ambassador, not Russia's.
  EXPECT_EQ(Code("日本驻俄罗斯大使批评俄罗斯。"),
            V{"JPNGOV RUS 111 asserted 2025-03-14"});
  EXPECT_EQ(Code("日本驻俄大使批评俄罗斯。"),
            V{"JPNGOV RUS 111 asserted 2025-03-14"});
}

TEST_F(CoderRulesTest, EventNounsInsideOtherEvents) {
  // Object noun of an earlier trigger.
  EXPECT_EQ(Code("Japan condemned the attacked on Ukraine."),
            V{"JPN UKR 111 asserted 2025-03-14"});
  // Event noun in a phrase attached to an earlier trigger.
  EXPECT_EQ(Code("Japan criticized Russia for a visit to China."),
            V{"JPN RUS 111 asserted 2025-03-14"});
  // Chinese topic and setting phrases.
  EXPECT_EQ(Code("日本就俄罗斯袭击乌克兰事件批评俄罗斯。"),
            V{"JPN RUS 111 asserted 2025-03-14"});
  EXPECT_EQ(Code("俄军在对乌克兰的袭击中批评日本。"),
            V{"RUSMIL JPN 111 asserted 2025-03-14"});
}

TEST_F(CoderRulesTest, ConcurrentCallsAgree) {
  const std::vector<std::string> sentences = {
      "Washington imposed sanctions on Moscow on Tuesday.",
      "中俄两国举行会谈。", "俄羅斯外長批評美國。",
      "The US and Japan imposed sanctions on Russia."};
  std::vector<size_t> expected;
  for (const std::string& s : sentences) expected.push_back(Code(s).size());
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int round = 0; round < 200; ++round) {
        for (size_t i = 0; i < sentences.size(); ++i) {
          SentenceInput in;
          in.text = sentences[i];
          in.document_date = "2025-03-14";
          if (coder_->CodeSentence(in).events.size() != expected[i])
            ++mismatches;
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST_F(CoderRulesTest, ChinesePassiveAgentAndObjectAfterDe) {
  EXPECT_EQ(Code("俄罗斯外长的说法遭美国批评。"),
            V{"USA RUSGOV 111 asserted 2025-03-14"});
  EXPECT_EQ(Code("普京欢迎到访的王毅。"),
            V{"RUSGOV CHNGOV 043 asserted 2025-03-14"});
}

TEST_F(CoderRulesTest, OverlongSentenceIsNotCoded) {
  std::string text = "Washington imposed sanctions on Moscow.";
  while (text.size() <= CoderOptions().max_sentence_bytes) text += " and more";
  SentenceInput in;
  in.text = text;
  in.want_trace = true;
  SentenceResult r = coder_->CodeSentence(in);
  EXPECT_TRUE(r.events.empty());
  ASSERT_EQ(r.trace.notes.size(), 1u);
  EXPECT_NE(r.trace.notes[0].find("max_sentence_bytes"), std::string::npos);
}

TEST_F(CoderRulesTest, ObjectAndDateFromThePreviousSentence) {
  SentenceInput in;
  in.text = "Japan criticized the launch.";
  in.previous_sentence = "Russia attacked Ukraine on March 3.";
  in.document_date = "2025-03-14";
  SentenceResult r = coder_->CodeSentence(in);
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].target, "RUS");
  EXPECT_EQ(r.events[0].target_evidence.text, "the launch");  // this sentence
  EXPECT_EQ(Code("他当天批评日本。", "普京3月5日访问中国。"),
            V{"RUSGOV JPN 111 asserted 2025-03-05"});
  // A background date ("…3月5日…后的…") is not the day 当天 points to.
  EXPECT_EQ(Code("他当天批评日本。", "这是普京3月5日访问中国后的首次表态。"),
            V{"RUSGOV JPN 111 asserted 2025-03-14"});
}

TEST(CoderOptionsTest, DedupByRootAndSelfEvents) {
  DictionarySet d;
  ASSERT_TRUE(testing::LoadFixture(&d).ok());
  CoderOptions options;
  options.dedup_by_root = true;
  options.keep_self_events = true;
  auto coder = Coder::Create(d, options);
  ASSERT_TRUE(coder.ok());
  SentenceInput in;
  in.text = "Washington criticized and condemned Washington.";
  SentenceResult r = (*coder)->CodeSentence(in);
  ASSERT_EQ(r.events.size(), 1u);  // one 11x event, self allowed
  EXPECT_EQ(r.events[0].root, "11");
}

TEST(CoderCreateTest, FormThatNormalisesToNothing) {
  DictionarySet d;
  ASSERT_TRUE(ParseTrigonDictionary("@actor USA  US\nname en \xE2\x80\x8B\n",
                                    "bad.txt", &d)
                  .ok());
  auto coder = Coder::Create(d);
  EXPECT_EQ(coder.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(coder.status().message().find("bad.txt:2"), std::string::npos);
}

}  // namespace
}  // namespace trigon::coding

namespace trigon::coding {
namespace {

// An apposition check dereferenced the missing dictionary form of a
// pronoun ("he") and crashed; found by bench/code_bench on a real op-ed.
// Rules for Chinese (and a few English) structures, checked with the shipped
// dictionaries in data/dict (each rule with a case where it applies and one
// where it must not).
class CoderShippedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto dicts = LoadTrigonDictionaries(std::string(TRIGON_SOURCE_DIR) +
                                        "/data/dict");
    ASSERT_TRUE(dicts.ok()) << dicts.status().ToString();
    auto c = Coder::Create(*dicts);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    coder_ = std::move(c).value().release();
  }
  static void TearDownTestSuite() {
    delete coder_;
    coder_ = nullptr;
  }
  // "SRC_COUNTRY TGT_COUNTRY CODE MODALITY" per event, sorted.
  static std::vector<std::string> Code(std::string_view text,
                                       std::string_view lang = "zh-Hans") {
    SentenceInput in;
    in.text = text;
    in.lang = lang;
    in.document_date = "2025-03-14";
    SentenceResult r = coder_->CodeSentence(in);
    std::vector<std::string> out;
    for (const model::Event& e : r.events) {
      out.push_back(e.source_country + " " + e.target_country + " " + e.code +
                    " " + std::string(model::ModalityName(e.modality)));
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  static Coder* coder_;
};

Coder* CoderShippedTest::coder_ = nullptr;

TEST_F(CoderShippedTest, ZhClauseObjectOfAThreatIsNotAnEvent) {
  // The threatened tariff is the threat's content.
  EXPECT_EQ(Code("特朗普威胁对墨西哥商品加征关税。"),
            V{"USA MEX 1312 asserted"});
  // Without the threat the tariff is an event.
  EXPECT_EQ(Code("特朗普对墨西哥商品加征关税。"), V{"USA MEX 163 asserted"});
  // The act alleged in an accusation is not asserted.
  EXPECT_EQ(Code("美方指责中方向俄罗斯提供无人机。"), V{"USA CHN 112 asserted"});
}

TEST_F(CoderShippedTest, ZhLocativeBeforeTheVerbIsAPlace) {
  EXPECT_EQ(Code("俄罗斯与伊朗在莫斯科签署条约。"),
            (V{"IRN RUS 057 asserted", "RUS IRN 057 asserted"}));
  // 在 X 周边 / 围绕 X: the place a show of force is aimed at.
  EXPECT_EQ(Code("解放军在台湾岛周边举行军演。"), V{"CHN TWN 150 asserted"});
  EXPECT_EQ(Code("解放军围绕台湾举行军演。"), V{"CHN TWN 150 asserted"});
}

TEST_F(CoderShippedTest, ZhTopicClosedByYiShi) {
  // 就…一事: the airspace violation is the topic of the protest.
  EXPECT_EQ(Code("日本就中国军机侵犯领空一事向中方提出严正交涉。"),
            V{"JPN CHN 114 asserted"});
  EXPECT_EQ(Code("中国军机侵犯日本领空。"), V{"CHN JPN 128 asserted"});
}

TEST_F(CoderShippedTest, ZhTwoCharacterTriggerAfterDeIsANoun) {
  EXPECT_EQ(Code("中国的崛起才是对美国最大的威胁。"), V{});
  // A light verb makes the noun the event.
  EXPECT_EQ(Code("王毅与布林肯举行了长达五小时的会谈。"),
            (V{"CHN USA 040 asserted", "USA CHN 040 asserted"}));
}

TEST_F(CoderShippedTest, ZhTriggerInsideADuiPhraseOfALaterVerb) {
  // 进口 modifies the goods under investigation.
  EXPECT_EQ(Code("商务部对原产于欧盟的进口白兰地发起反倾销调查。"),
            V{"CHN IGOEUREEC 091 asserted"});
  EXPECT_EQ(Code("中方对美方动用武力袭击民用飞艇表示强烈不满。"),
            V{"CHN USA 110 asserted"});
  // No later verb: the attack is the event.
  EXPECT_EQ(Code("美方动用武力袭击中国民用飞艇。"), V{"USA CHN 190 asserted"});
}

TEST_F(CoderShippedTest, ZhHeadOfARelativeClauseIsTheObject) {
  EXPECT_EQ(Code("美国正考虑对帮助俄罗斯规避出口管制的中国银行实施制裁。"),
            V{"USA CHN 014 asserted"});
  // A possessive (no verb before 的) is not a relative clause.
  EXPECT_EQ(Code("中俄两国批评美国的印太战略。"),
            (V{"CHN USA 111 asserted", "RUS USA 111 asserted"}));
}

TEST_F(CoderShippedTest, ZhDisposalMarkerAndOwnCountryObject) {
  // 将 + actor is the object; 并入俄罗斯 names a destination.
  EXPECT_EQ(Code("普京宣布将乌克兰四个地区并入俄罗斯。"),
            V{"RUS UKR 192 asserted"});
  EXPECT_EQ(Code("普京将于下周访问中国。"), V{"RUS CHN 042 future"});
}

TEST_F(CoderShippedTest, ReactionWithoutObjectAnswersTheEarlierEvent) {
  EXPECT_EQ(Code("欧盟对中国电动汽车征收反补贴税,商务部表示坚决反对。"),
            (V{"CHN IGOEUREEC 110 asserted", "IGOEUREEC CHN 163 asserted"}));
  EXPECT_EQ(
      Code("蔡英文在加州与麦卡锡会面,中方对此予以强烈谴责。"),
      (V{"CHN TWN 111 asserted", "CHN USA 111 asserted",
         "TWN USA 040 asserted", "USA TWN 040 asserted"}));
  // Threats are not reactions: one threat, to the West.
  EXPECT_EQ(Code("普京警告西方,俄罗斯将动用一切手段保卫领土。"),
            V{"RUS WST 130 asserted"});
}

TEST_F(CoderShippedTest, GovernmentProtestIsAnOfficialComplaint) {
  EXPECT_EQ(Code("菲律宾外交部召见中国驻菲大使,抗议中国海警船使用水炮。"),
            V{"PHL CHN 114 asserted"});
  // Citizens protesting stay 14x.
  EXPECT_EQ(Code("北京民众抗议日本购岛。"), V{"CHN JPN 140 asserted"});
}

TEST_F(CoderShippedTest, DespiteWarningsIsBackground) {
  EXPECT_EQ(Code("Tsai Ing-wen met Kevin McCarthy in California despite "
                 "warnings from China.",
                 "en"),
            (V{"TWN USA 040 asserted", "USA TWN 040 asserted"}));
  EXPECT_EQ(Code("China warned Taiwan on Monday.", "en"),
            V{"CHN TWN 130 asserted"});
}

TEST_F(CoderShippedTest, ZhLeaderOfACoalitionAndVetoBody) {
  // 以…为首的: the head noun is the subject.
  EXPECT_EQ(Code("以美国为首的北约轰炸了中国驻南联盟大使馆。"),
            V{"IGOWSTNAT CHN 195 asserted"});
  // A veto is against the body it is cast in, not the resolution's topic.
  EXPECT_EQ(Code("俄罗斯在联合国安理会否决了一项谴责其吞并乌克兰领土的决议草案。"),
            V{"RUS IGOUNO 129 asserted"});
  // Without the body the resolution's actor is the only target.
  EXPECT_EQ(Code("俄罗斯否决了一项关于乌克兰的决议草案。"),
            V{"RUS UKR 129 asserted"});
}

TEST_F(CoderShippedTest, CommaInsideANumberDoesNotEndThePhrase) {
  EXPECT_EQ(Code("Russia has massed more than 100,000 troops near Ukraine's "
                 "border.",
                 "en"),
            V{"RUS UKR 154 asserted"});
  // A list comma still ends the object search.
  EXPECT_EQ(Code("Russia has massed troops, tanks and artillery, officials in "
                 "Ukraine said.",
                 "en"),
            V{});
}

TEST_F(CoderShippedTest, EventNounAfterAfterIsBackground) {
  EXPECT_EQ(Code("The United States and China agreed on Monday to slash "
                 "tariffs after weekend talks in Geneva.",
                 "en"),
            (V{"CHN USA 0354 asserted", "USA CHN 0354 asserted"}));
  // "after" + a clause with its own subject is an event.
  const V v = Code(
      "Japan summoned the Chinese ambassador after China sanctioned Lithuania.",
      "en");
  EXPECT_NE(std::find(v.begin(), v.end(), "CHN LTU 163 asserted"), v.end())
      << ::testing::PrintToString(v);
}

TEST_F(CoderShippedTest, CoordinatedFlagRunsBothWaysOnlyForCoordinatedActors) {
  // 054 is `flags coordinated`: "with" does not make it mutual ...
  EXPECT_EQ(Code("Honduras established diplomatic relations with China.",
                 "en"),
            V{"HND CHN 054 asserted"});
  EXPECT_EQ(Code("洪都拉斯与中国建立外交关系。"), V{"HND CHN 054 asserted"});
  // ... coordination does.
  EXPECT_EQ(Code("中美正式建立外交关系。"),
            (V{"CHN USA 054 asserted", "USA CHN 054 asserted"}));
}

TEST(CoderIssueTest, PronounInsideAppositionDoesNotCrash) {
  const std::string dir = std::string(TRIGON_SOURCE_DIR) + "/data/dict";
  auto dicts = LoadTrigonDictionaries(dir);
  ASSERT_TRUE(dicts.ok()) << dicts.status().ToString();
  auto coder = Coder::Create(*dicts);
  ASSERT_TRUE(coder.ok()) << coder.status().ToString();
  SentenceInput in;
  in.text =
      "Putin, however, was cautious\xE2\x80\x94though he spoke positively of Trump to Abe, "
      "he avoided criticising China.";
  in.lang = "en";
  in.document_date = "2025-03-17";
  in.previous_sentence = "Abe met Putin in Sochi.";
  const SentenceResult r = (*coder)->CodeSentence(in);
  for (const auto& e : r.events) EXPECT_FALSE(e.code.empty());
}

}  // namespace
}  // namespace trigon::coding
