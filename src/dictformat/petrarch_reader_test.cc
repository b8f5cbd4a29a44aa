#include "dictformat/petrarch_reader.h"

#include <gtest/gtest.h>

namespace trigon::dictformat {
namespace {

using coding::DictionarySet;

TEST(PetrarchReaderTest, VerbBlocksShareTheirPatterns) {
  const char* text =
      "<!-- header\n  comment -->\n&TIETYPES\n+MILITARY\n+ECONOMIC\n\n"
      "--- ABANDON  [345]  ---\nABANDON    # pas\nKLM_NOP_+RST [002]\n"
      "- * &TIETYPES TIES [902] #  -PAS\n- * DIPLXMATIC  [###]  # hash in code\n"
      "--- BREAK [1717] ---\nBREAK { BROKE BROKEN  }\n";
  DictionarySet d;
  Status s = ParsePetrarchVerbs(text, "v.txt", &d);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(d.verbs.size(), 3u);
  EXPECT_EQ(d.verbs[0].code, "345");
  EXPECT_EQ(d.verbs[1].code, "002");
  EXPECT_EQ(d.verbs[1].forms[0].size(), 3u);  // KLM NOP RST
  EXPECT_EQ(d.verbs[1].patterns.size(), 2u);
  EXPECT_EQ(d.verbs[0].patterns[1].code, "###");
  EXPECT_EQ(d.verbs[2].forms.size(), 3u);
  EXPECT_TRUE(d.verbs[2].patterns.empty());
  EXPECT_TRUE(d.Validate().ok());

  s = ParsePetrarchVerbs("ABANDON\n", "v.txt", &d);
  EXPECT_NE(s.message().find("v.txt:1"), std::string::npos) << s.message();
}

TEST(PetrarchReaderTest, AgentsExpandSubstitutionsAndPlurals) {
  const char* text =
      "!MINST! = MINISTER, MINISTRY\n"
      "!MINST!_OF_SILLY_WALKS [~GOV]\nGOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\nMSF {}  [NGO~]\n";
  DictionarySet d;
  ASSERT_TRUE(ParsePetrarchAgents(text, "a.txt", &d).ok());
  ASSERT_EQ(d.agents.size(), 3u);
  EXPECT_EQ(d.agents[0].forms.size(), 2u);
  EXPECT_EQ(d.agents[1].forms.size(), 2u);
  EXPECT_EQ(d.agents[1].forms[1].text, "GOLDEN GEESE");
  EXPECT_TRUE(d.agents[2].code_first);
  Status s = ParsePetrarchAgents("!NOPE!_X [~GOV]\n", "a.txt", &d);
  EXPECT_NE(s.message().find("a.txt:1: unknown substitution"), std::string::npos) << s.message();
}

TEST(PetrarchReaderTest, Petrarch2PatternSyntaxAndLenientActors) {
  DictionarySet d;
  ASSERT_TRUE(ParsePetrarchVerbs("--- AID [070] ---\nAID\n- * (FOR {FINANCIAL AID}) [071]\n"
                                 "~ a (a b ATTACK) SAY = a b 015\n",
                                 "v.txt", &d)
                  .ok());
  ASSERT_EQ(d.verbs.size(), 1u);
  ASSERT_EQ(d.verbs[0].patterns.size(), 1u);
  const coding::Phrase& p = d.verbs[0].patterns[0].tokens;
  ASSERT_EQ(p.size(), 4u);  // * FOR FINANCIAL_AID
  EXPECT_EQ(p[1].text, "FOR");
  EXPECT_TRUE(p[3].joined);
  std::vector<std::string> skipped;
  ASSERT_TRUE(ParsePetrarchActors("A [AAA 9008223-911221]\nB [BBB]\nC\nD [DDD]\n", "a.txt", &d,
                                  &skipped)
                  .ok());
  ASSERT_EQ(skipped.size(), 2u);
  EXPECT_NE(skipped[0].find("a.txt:1"), std::string::npos) << skipped[0];
  EXPECT_NE(skipped[1].find("'C' has no [code]"), std::string::npos) << skipped[1];
  EXPECT_EQ(d.actors.size(), 2u);
}

TEST(PetrarchReaderTest, ActorsAndDiscards) {
  DictionarySet d;
  ASSERT_TRUE(ParsePetrarchActors("GROUP OF 77  [G77]\nGOLLUM  # x\n+SMEAGOL\n"
                                  "\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n"
                                  "<! -- odd comment -->\n",
                                  "act.txt", &d)
                  .ok());
  ASSERT_EQ(d.actors.size(), 2u);
  EXPECT_TRUE(d.actors[0].forms[0].phrase[1].joined);  // PETRARCH words are consecutive
  EXPECT_EQ(d.actors[1].roles[1].from, "1995-06-01");
  ASSERT_TRUE(ParsePetrarchDiscards("MONTHS LATER\n+TYPHOON   # story\n", "d.txt", &d).ok());
  ASSERT_EQ(d.discards.size(), 2u);
  EXPECT_FALSE(d.discards[0].whole_story);
  EXPECT_TRUE(d.discards[1].whole_story);
}

}  // namespace
}  // namespace trigon::dictformat
