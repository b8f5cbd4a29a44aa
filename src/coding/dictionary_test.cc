#include "coding/dictionary.h"

#include <gtest/gtest.h>

#include "coding/test_util.h"
#include "coding/trigon_dictionary.h"

namespace trigon::coding {
namespace {

using Type = PatternElement::Type;

TEST(ParsePatternTest, LiteralsGapsSlotsAndPrefixes) {
  std::vector<PatternElement> e;
  ASSERT_TRUE(ParsePattern("impos* sanctions … on {T}", &e).ok());
  ASSERT_EQ(e.size(), 5u);
  EXPECT_EQ(e[0], (PatternElement{Type::kLiteral, "impos", true}));
  EXPECT_EQ(e[1], (PatternElement{Type::kLiteral, "sanctions", false}));
  EXPECT_EQ(e[2].type, Type::kGap);
  EXPECT_EQ(e[3], (PatternElement{Type::kLiteral, "on", false}));
  EXPECT_EQ(e[4].type, Type::kTargetSlot);

  ASSERT_TRUE(ParsePattern("撤销…限制措施", &e).ok());
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].text, "撤销");
  EXPECT_EQ(e[2].text, "限制措施");

  ASSERT_TRUE(ParsePattern("talks between {S} and {T}", &e).ok());
  ASSERT_EQ(e.size(), 4u);
  EXPECT_EQ(e[1].type, Type::kSourceSlot);
}

TEST(ParsePatternTest, Errors) {
  std::vector<PatternElement> e;
  EXPECT_EQ(ParsePattern("{T}", &e).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParsePattern("met {X}", &e).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParsePattern("met {T", &e).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParsePattern("met T}", &e).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParsePattern("", &e).code(), StatusCode::kInvalidArgument);
}

TEST(TrigonDictionaryTest, ParsesFixture) {
  DictionarySet d;
  ASSERT_TRUE(testing::LoadFixture(&d).ok());
  ASSERT_FALSE(d.actors.empty());
  const ActorEntry& usa = d.actors[0];
  EXPECT_EQ(usa.code, "USA");
  EXPECT_EQ(usa.kind, ActorKind::kCountry);
  bool saw_case = false;
  bool saw_metonym = false;
  for (const ActorForm& f : usa.forms) {
    if (f.text == "US") saw_case = f.case_sensitive;
    if (f.text == "White House") {
      saw_metonym = f.kind == FormKind::kMetonym && f.code == "USAGOV";
    }
  }
  EXPECT_TRUE(saw_case);
  EXPECT_TRUE(saw_metonym);
  const ActorEntry* trump = nullptr;
  for (const ActorEntry& a : d.actors) {
    if (a.display_name == "Donald Trump") trump = &a;
  }
  ASSERT_NE(trump, nullptr);
  EXPECT_EQ(trump->kind, ActorKind::kPerson);
  ASSERT_EQ(trump->roles.size(), 4u);
  EXPECT_EQ(trump->roles[0].from, "");
  EXPECT_EQ(trump->roles[1].from, "2017-01-20");
  EXPECT_EQ(trump->default_code, "USAELI");
  ASSERT_GE(d.events.size(), 2u);
  EXPECT_TRUE(d.events[0].symmetric);
  EXPECT_EQ(d.events[0].code, "040");
  EXPECT_FALSE(d.cues.empty());
}

TEST(TrigonDictionaryTest, ErrorsNameFileLineAndFragment) {
  DictionarySet d;
  Status s = ParseTrigonDictionary("@actor USA  US\nname xx United States\n",
                                   "countries.txt", &d);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("countries.txt:2"), std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("'xx'"), std::string::npos) << s.message();

  s = ParseTrigonDictionary("name en China\n", "f.txt", &d);
  EXPECT_NE(s.message().find("f.txt:1"), std::string::npos) << s.message();

  s = ParseTrigonDictionary("@event 163  Sanction\nen sanctioned {X}\n",
                            "events.txt", &d);
  EXPECT_NE(s.message().find("events.txt:2"), std::string::npos);
  EXPECT_NE(s.message().find("sanctioned {X}"), std::string::npos);

  s = ParseTrigonDictionary("@person Nobody\nrole USAGOV yesterday -\n",
                            "people.txt", &d);
  EXPECT_NE(s.message().find("people.txt:2"), std::string::npos);

  s = ParseTrigonDictionary("@modality maybe\n", "modality.txt", &d);
  EXPECT_NE(s.message().find("'maybe'"), std::string::npos);

  s = ParseTrigonDictionary("@bogus X\n", "x.txt", &d);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
}

TEST(TrigonDictionaryTest, ValidateRejectsBadCodes) {
  DictionarySet d;
  ASSERT_TRUE(
      ParseTrigonDictionary("@event 1x3  Bad\nen x\n", "e.txt", &d).ok());
  Status s = d.Validate();
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("e.txt:1"), std::string::npos);
}

TEST(TrigonDictionaryTest, LoadDirectoryMissing) {
  EXPECT_EQ(LoadTrigonDictionaries("/nonexistent/dir").status().code(),
            StatusCode::kNotFound);
}

// Integration: the real dictionaries parse and validate (skips when absent).
TEST(TrigonDictionaryTest, IntegrationRealDictionaries) {
  const std::string dir = trigon::testing::SourceDir() + "/data/dict";
  Result<DictionarySet> d = LoadTrigonDictionaries(dir);
  if (!d.ok() && d.status().code() == StatusCode::kNotFound) {
    GTEST_SKIP() << "data/dict absent";
  }
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_FALSE(d->actors.empty());
}

}  // namespace
}  // namespace trigon::coding
