#include "dictformat/pattern_coder.h"

#include <gtest/gtest.h>

#include "dictformat/tabari_reader.h"

namespace trigon::dictformat {
namespace {

constexpr const char* kActors =
    "ARNOR [ARN]\nGONDOR\n+MINAS_TIRITH\n\t[GON]\nOSGILIATH [OSG]\nERIADOR [ERI]\n"
    "AXNOR [AR1 <911226] [AR2]\nNASGUL [###]\nISILDUR [+++]\nBOROMIR [---]\n"
    "THE_SHIRE [FRO/BIL]\n";
constexpr const char* kAgents = "GOVERNMENT_ [~GOV]\nAMBASSADOR_ [~GOV]\nRIGHTS_GROUP_ [NGO~]\n";
constexpr const char* kVerbs =
    "<SYNSETS>\n&CURRENCY\n+DOLLAR\n+GOLDEN_GOBLIN_GALLEONS\n</SYNSETS>\n"
    "URGE [102]\n- NOT_* [121]\n"
    "MEET [031:031]\n"
    "SAID [023?]\n"
    "ACT_ [100]\n- SAID WOULD * NOW [101]\n"
    "OPPOS [112]\n"
    "FREE [066]\n- + * FROM $ [066]\n"
    "WELCOME [041]\n- % * [046]\n"
    "CONTRIBUT [070]\n- * &CURRENCY [903]\n"
    "KICK [---]\n- * OUT [200]\n";

class PatternCoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    coding::DictionarySet d;
    ASSERT_TRUE(ParseTabariActors(kActors, "t.actors", &d).ok());
    ASSERT_TRUE(ParseTabariAgents(kAgents, "t.agents", &d).ok());
    ASSERT_TRUE(ParseTabariVerbs(kVerbs, "t.verbs", &d).ok());
    ASSERT_TRUE(d.Validate().ok());
    auto c = PatternCoder::Create(d);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    coder_ = std::move(c).value();
    options_.min_words = 1;  // the sentences here are short
  }
  std::string Code(const std::string& text, const std::string& date = "1995-01-01",
                   PatternResult::Disposition* disposition = nullptr,
                   const std::string& previous_actor = "") {
    PatternInput in;
    in.sentence = text;
    in.date = date;
    in.previous_actor = previous_actor;
    PatternResult r = coder_->Code(in, options_);
    first_actor_ = r.first_actor;
    if (disposition != nullptr) *disposition = r.disposition;
    std::string out;
    for (const PeerEvent& e : r.events) out += e.source + ">" + e.target + ":" + e.code + " ";
    if (!out.empty()) out.pop_back();
    return out;
  }
  std::unique_ptr<PatternCoder> coder_;
  PatternCoderOptions options_;
  std::string first_actor_;
};

TEST_F(PatternCoderTest, SourceBeforeTheVerbTargetAfter) {
  EXPECT_EQ(Code("Arnor urged Gondor to talk."), "ARN>GON:102");
  EXPECT_EQ(Code("Arnorian officials urged Minas Tirith to talk."), "ARN>GON:102");  // stem
  EXPECT_EQ(Code("Arnor did not urge Gondor to talk."), "ARN>GON:121");  // pattern before *
  EXPECT_EQ(Code("The Arnor government urged Gondor to talk."), "ARNGOV>GON:102");
  EXPECT_EQ(Code("The ambassador of Eriador urged Gondor to talk."), "ERIGOV>GON:102");
  EXPECT_EQ(Code("Arnor urged the rights group of Gondor to talk."), "ARN>NGOGON:102");
}

TEST_F(PatternCoderTest, PairedCodesCompoundsAndDesignations) {
  EXPECT_EQ(Code("Arnor will meet Gondor and Osgiliath."),
            "ARN>GON:031 GON>ARN:031 ARN>OSG:031 OSG>ARN:031");
  EXPECT_EQ(Code("Gondor and Osgiliath welcomed the news."), "GON>OSG:046 OSG>GON:046");
  EXPECT_EQ(Code("Gondor was freed from Osgiliath."), "OSG>GON:066");
  EXPECT_EQ(Code("The Shire urged Gondor to talk."), "FRO>GON:102 BIL>GON:102");
}

TEST_F(PatternCoderTest, DatesSpecialCodesAndNullCodes) {
  EXPECT_EQ(Code("Axnor urged Gondor to talk.", "1990-05-01"), "AR1>GON:102");
  EXPECT_EQ(Code("Axnor urged Gondor to talk.", "1995-05-01"), "AR2>GON:102");
  PatternResult::Disposition d;
  EXPECT_EQ(Code("Arnor urged the Nasgul to leave.", "1995-01-01", &d), "");
  EXPECT_EQ(d, PatternResult::Disposition::kDiscard);
  EXPECT_EQ(Code("Isildur urged Gondor to talk.", "1995-01-01", &d), "");
  EXPECT_EQ(d, PatternResult::Disposition::kComplex);
  // A null-coded actor is a noun; a null-coded verb passes to the next verb.
  EXPECT_EQ(Code("Arnor with Boromir urged Gondor to talk."), "ARN>GON:102");
  EXPECT_EQ(Code("Arnor kicked Gondor out."), "ARN>GON:200");
  EXPECT_EQ(Code("Arnor kicked the ball and urged Gondor to talk."), "ARN>GON:102");
}

TEST_F(PatternCoderTest, SubordinateCodesPassiveVoiceAndSynsets) {
  EXPECT_EQ(Code("Arnor said it would act now with Gondor."), "ARN>GON:101");
  EXPECT_EQ(Code("Arnor said Gondor was late."), "ARN>GON:023");
  EXPECT_EQ(Code("Eriador was opposed by Osgiliath."), "OSG>ERI:112");
  EXPECT_EQ(Code("Arnor will contribute golden goblin galleons to Gondor."), "ARN>GON:903");
  EXPECT_EQ(Code("Arnor will contribute goblin galleons to Gondor."), "ARN>GON:070");
}

TEST_F(PatternCoderTest, CapitalisedWordsAreNotVerbsAndCommaClausesGo) {
  EXPECT_EQ(Code("Arnor and the Urge group meets Gondor."),
            "ARN>GON:031 GON>ARN:031");
  EXPECT_EQ(Code("ARNOR URGED GONDOR TO TALK."), "ARN>GON:102");
  // ", an old foe of Gondor," is a nonrestrictive clause of 5 words.
  EXPECT_EQ(Code("Arnor, an old foe of Osgiliath, urged Gondor to talk."), "ARN>GON:102");
  options_.comma_off = true;
  EXPECT_EQ(Code("Arnor, an old foe of Osgiliath, urged Gondor to talk."), "ARN>GON:102");
}

TEST_F(PatternCoderTest, NoActorBeforeTheVerbIsComplexWhenAsked) {
  EXPECT_EQ(Code("Officials urged Gondor to talk."), "");
  options_.no_actor_prior_is_complex = true;
  PatternResult::Disposition d;
  EXPECT_EQ(Code("Officials urged Gondor to talk.", "1995-01-01", &d), "");
  EXPECT_EQ(d, PatternResult::Disposition::kComplex);
  options_.no_actor_prior_is_complex = false;
  // DEFAULT: SOURCE [DEF] PRIOR: no actor before the verb -> DEF, rather
  // than the first actor after it.
  options_.default_source = "DEF";
  options_.default_source_prior = true;
  EXPECT_EQ(Code("Officials urged Gondor to talk."), "DEF>GON:102");
  options_.default_source_prior = false;
  options_.default_target = "DEFT";
  EXPECT_EQ(Code("Officials urged Gondor to talk."), "GON>DEFT:102");
}

TEST_F(PatternCoderTest, ForwardedPronounsAndMinimumWords) {
  EXPECT_EQ(Code("The Arnor government urged Gondor to talk."), "ARNGOV>GON:102");
  EXPECT_EQ(first_actor_, "ARN");  // without its agent
  // Without FORWARD a pronoun with nothing before it stays unresolved.
  EXPECT_EQ(Code("It also urged Osgiliath to talk today.", "1995-01-01", nullptr, "ARN"), "");
  options_.forward_pronouns = true;
  EXPECT_EQ(Code("It also urged Osgiliath to talk today.", "1995-01-01", nullptr, "ARN"),
            "ARN>OSG:102");
  options_.min_words = 8;  // TABARI's default
  EXPECT_EQ(Code("Arnor urged Gondor."), "");
  options_.min_words = 3;
  EXPECT_EQ(Code("Arnor urged Gondor."), "ARN>GON:102");
}

}  // namespace
}  // namespace trigon::dictformat
