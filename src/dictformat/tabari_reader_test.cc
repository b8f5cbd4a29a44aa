#include "dictformat/tabari_reader.h"

#include <gtest/gtest.h>

#include "dictformat/peer_phrase.h"

namespace trigon::dictformat {
namespace {

using coding::DictionarySet;
using coding::PhraseToken;
using Type = PhraseToken::Type;
using Mode = PhraseToken::Match;

TEST(PeerPhraseTest, StemsConnectorsAndSpecialTokens) {
  internal::SynsetMap synsets;
  synsets["TIETYPES"] = {};
  coding::Phrase p;
  ASSERT_TRUE(internal::ParsePhrase("SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS",
                                    synsets, &p)
                  .ok());
  ASSERT_EQ(p.size(), 6u);
  EXPECT_EQ(p[0].text, "SUGGESTED");
  EXPECT_EQ(p[0].match, Mode::kEndings);
  EXPECT_EQ(p[1].type, Type::kTarget);
  EXPECT_TRUE(p[1].joined);
  EXPECT_EQ(p[2].type, Type::kVerb);
  EXPECT_FALSE(p[2].joined);
  EXPECT_EQ(p[3].text, "DEMAND");
  EXPECT_EQ(p[4].type, Type::kAlternatives);
  EXPECT_TRUE(p[4].joined);
  ASSERT_EQ(p[4].alternatives.size(), 2u);
  EXPECT_EQ(p[4].alternatives[1][0].text, "INTERNATIONAL");
  EXPECT_EQ(p[4].alternatives[1][0].match, Mode::kStem);
  EXPECT_EQ(p[5].text, "CONVENTIONS");
  EXPECT_TRUE(p[5].joined);

  ASSERT_TRUE(internal::ParsePhrase("RECENT~_* barad-dur MOUSE=", synsets, &p).ok());
  ASSERT_EQ(p.size(), 5u);
  EXPECT_EQ(p[0].match, Mode::kStem);  // `~_`: a stem the verb follows at once
  EXPECT_TRUE(p[1].joined);
  EXPECT_EQ(p[2].text, "BARAD");  // hyphens are connectors
  EXPECT_TRUE(p[3].joined);
  EXPECT_EQ(p[4].match, Mode::kExact);

  EXPECT_FALSE(internal::ParsePhrase("* &NOSUCHSET", synsets, &p).ok());
  EXPECT_FALSE(internal::ParsePhrase("{ A | B", synsets, &p).ok());
  EXPECT_FALSE(internal::ParsePhrase("A }", synsets, &p).ok());
}

TEST(PeerPhraseTest, CodeBlocksAndDates) {
  std::vector<internal::CodeBlock> blocks;
  std::string rest;
  ASSERT_TRUE(internal::ParseCodeBlocks("AXNOR  [AR1 <911226] [HOBGOV 950601 - 990815] [- - -]",
                                        &blocks, &rest)
                  .ok());
  EXPECT_EQ(rest, "AXNOR");
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].when, internal::CodeBlock::When::kBefore);
  EXPECT_EQ(blocks[0].to, "1991-12-26");
  EXPECT_EQ(blocks[1].from, "1995-06-01");
  EXPECT_EQ(blocks[2].code, "---");
  std::vector<coding::DatedCode> roles;
  std::string def;
  internal::BlocksToRoles(blocks, &roles, &def);
  EXPECT_EQ(def, "---");
  ASSERT_EQ(roles.size(), 2u);
  EXPECT_EQ(roles[1].to, "1999-08-16");  // inclusive range, exclusive end
  EXPECT_FALSE(internal::ParseCodeBlocks("X [ARN", &blocks, &rest).ok());
  EXPECT_FALSE(internal::ParseCodeBlocks("X [ARN <9912]", &blocks, &rest).ok());
}

TEST(TabariReaderTest, ActorsWithSynonymsDatesNounsAndAdjectives) {
  const char* text =
      "<NOUN>\nSHEEP\n</NOUN>\n<ADJECTIVE>\nEVIL ;x\n</ADJECTIVE>\n"
      "ARNOR  [ARN] ; comment\n"
      "# ALBRIGHZ [991201-010114] commented out\n"
      "GOLLUM ; pas\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBREB > 990816]\n\n"
      "LORIEN  [ELR/GAL]\n~~FINISH\nIGNORED [X]\n";
  DictionarySet d;
  ASSERT_TRUE(ParseTabariActors(text, "t.actors", &d).ok());
  ASSERT_EQ(d.actors.size(), 3u);
  EXPECT_EQ(d.actors[0].default_code, "ARN");
  EXPECT_EQ(d.actors[1].forms.size(), 2u);
  EXPECT_EQ(d.actors[1].forms[1].text, "SMEAGOL");
  EXPECT_EQ(d.actors[1].forms[1].where.line, 10u);
  ASSERT_EQ(d.actors[1].roles.size(), 2u);
  EXPECT_EQ(d.actors[2].default_code, "ELR/GAL");
  EXPECT_EQ(d.nouns.size(), 1u);
  EXPECT_EQ(d.adjectives.size(), 1u);
  EXPECT_TRUE(d.Validate().ok());
}

TEST(TabariReaderTest, ActorErrorsNameFileAndLine) {
  DictionarySet d;
  Status s = ParseTabariActors("ARNOR [ARN]\nGOLLUM\n+SMEAGOL\nGONDOR [GON]\n", "t.actors", &d);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("t.actors:2"), std::string::npos) << s.message();
  s = ParseTabariActors("ARNOR [ARN\n", "t.actors", &d);
  EXPECT_NE(s.message().find("t.actors:1"), std::string::npos) << s.message();
  s = ParseTabariActors("<NOUN>\nSHEEP\n", "t.actors", &d);
  EXPECT_NE(s.message().find("</NOUN>"), std::string::npos) << s.message();
}

TEST(TabariReaderTest, AgentsKeepThePlacementOfTheirCode) {
  DictionarySet d;
  ASSERT_TRUE(
      ParseTabariAgents("PRESIDENT_  [ ~GOVPRS] ;ns\nRIGHTS_GROUPS_   [  NGO~]\n", "v.agents", &d)
          .ok());
  ASSERT_EQ(d.agents.size(), 2u);
  EXPECT_EQ(d.agents[0].code, "GOVPRS");
  EXPECT_FALSE(d.agents[0].code_first);
  EXPECT_EQ(d.agents[1].code, "NGO");
  EXPECT_TRUE(d.agents[1].code_first);
  Status s = ParseTabariAgents("OK_ [~GOV]\nMINISTER_ [GOV]\n", "v.agents", &d);
  EXPECT_NE(s.message().find("v.agents:2"), std::string::npos) << s.message();
}

TEST(TabariReaderTest, VerbsWithSynsetsFormsAndPatterns) {
  const char* text =
      "<SYNSETS>\n&TIETYPES\n+MILITARY\n+ECONOMIC\n</SYNSETS>\n"
      "<TIME>\nLAST_WEEK [-7]\n</TIME>\n"
      "BREAK_ [1717]\n{ BROKE_ BROKEN_DOWN_ }\n- * &TIETYPES TIES  [902]\n"
      "SAID  [023?]\n- % HAVE *  [032]\n";
  DictionarySet d;
  ASSERT_TRUE(ParseTabariVerbs(text, "t.verbs", &d).ok());
  ASSERT_EQ(d.verbs.size(), 2u);
  EXPECT_EQ(d.verbs[0].code, "1717");
  ASSERT_EQ(d.verbs[0].forms.size(), 3u);
  EXPECT_EQ(d.verbs[0].forms[2].size(), 2u);  // BROKEN DOWN
  ASSERT_EQ(d.verbs[0].patterns.size(), 1u);
  EXPECT_EQ(d.verbs[0].patterns[0].tokens[1].alternatives.size(), 2u);
  EXPECT_EQ(d.verbs[1].code, "023?");
  EXPECT_EQ(d.verbs[1].patterns[0].tokens[0].type, Type::kCompound);
  EXPECT_TRUE(d.Validate().ok());

  Status s = ParseTabariVerbs("- * X [010]\n", "t.verbs", &d);
  EXPECT_NE(s.message().find("t.verbs:1: pattern before any verb"), std::string::npos)
      << s.message();
  s = ParseTabariVerbs("GO [010]\n- TO HOME [011]\n", "t.verbs", &d);
  EXPECT_NE(s.message().find("t.verbs:2"), std::string::npos) << s.message();
  s = ParseTabariVerbs("GO [010]\n- * &NONE [011]\n", "t.verbs", &d);
  EXPECT_NE(s.message().find("unknown synset"), std::string::npos) << s.message();
}

TEST(TabariReaderTest, BadVerbLinesCanBeSkipped) {
  const char* text = "GO [010]\n- *OVIDE FOOD [011]\n- * HOME [012]\n";
  DictionarySet strict;
  EXPECT_FALSE(ParseTabariVerbs(text, "m.verbs", &strict).ok());
  DictionarySet d;
  std::vector<std::string> skipped;
  ASSERT_TRUE(ParseTabariVerbs(text, "m.verbs", &d, &skipped).ok());
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_NE(skipped[0].find("m.verbs:2"), std::string::npos) << skipped[0];
  ASSERT_EQ(d.verbs.size(), 1u);
  EXPECT_EQ(d.verbs[0].patterns.size(), 1u);
}

TEST(TabariReaderTest, MissingFilesAreNamed) {
  PeerDictionaryFiles files;
  files.verbs = "/nonexistent/x.verbs";
  auto r = LoadTabariDictionaries(files);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent/x.verbs"), std::string::npos);
}

}  // namespace
}  // namespace trigon::dictformat
