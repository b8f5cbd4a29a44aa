// The peers' own validation suites, coded with their own dictionaries.  The
// floors sit just under what was measured (docs/accuracy.md, "Peer
// validation suites"): a drop means a regression in the readers or in
// PatternCoder.
#include "dictformat/validation_suite.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "dictformat/petrarch_reader.h"
#include "dictformat/tabari_options.h"
#include "dictformat/tabari_reader.h"
#include "testing/testing.h"

namespace trigon::dictformat {
namespace {

// Measured 2026-11-22: see docs/accuracy.md.
constexpr double kTabariFloor = 0.95;
constexpr double kPetrarchFloor = 0.73;

double Rate(const CategoryTally& t) { return t.records ? 1.0 * t.correct / t.records : 0.0; }

TEST(ValidationSuiteTest, TabariStandardRecords) {
  const std::string shared = trigon::testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent";
  const std::string dir = shared + "/data/dictionaries/tabari/";
  auto project = ReadTabariProject(dir + "Validate.project");
  ASSERT_TRUE(project.ok()) << project.status().ToString();
  auto dicts = LoadTabariDictionaries(project->dictionaries);
  ASSERT_TRUE(dicts.ok()) << dicts.status().ToString();
  auto options = ReadTabariOptions(project->options);
  ASSERT_TRUE(options.ok()) << options.status().ToString();
  auto coder = PatternCoder::Create(*dicts);
  ASSERT_TRUE(coder.ok()) << coder.status().ToString();
  auto records = ReadTabariSuite(shared + "/data/validation/tabari_validate.jsonl");
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  EXPECT_EQ(records->size(), 475u);
  const SuiteReport report = RunSuite(**coder, *records, *options);
  const CategoryTally standard = report.Total(true);
  EXPECT_EQ(standard.records + report.Total(false).records, 475);
  EXPECT_GE(Rate(standard), kTabariFloor) << FormatReport(report, "standard", "after FINAL");
  // Categories the readers and the coder support fully.
  for (const char* category : {"ACTORSYN", "NOUNEND", "CONNECT", "DISCARD", "PASV", "SKIP"}) {
    EXPECT_EQ(Rate(report.standard.at(category)), 1.0) << category;
  }
}

TEST(ValidationSuiteTest, PetrarchUnitTestRecords) {
  const std::string shared = trigon::testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent";
  const std::string dir = shared + "/data/dictionaries/petrarch2/";
  PeerDictionaryFiles files;
  files.verbs = dir + "PETR.Validate.verbs.txt";
  files.actors = {dir + "PETR.Validate.actors.txt"};
  files.agents = dir + "PETR.Validate.agents.txt";
  files.discards = dir + "PETR.Validate.discards.txt";
  auto dicts = LoadPetrarchDictionaries(files);
  ASSERT_TRUE(dicts.ok()) << dicts.status().ToString();
  auto coder = PatternCoder::Create(*dicts);
  ASSERT_TRUE(coder.ok()) << coder.status().ToString();
  auto records = ReadPetrarchSuite(shared + "/data/validation/petr_unittest_records.jsonl");
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  EXPECT_EQ(records->size(), 284u);
  const SuiteReport report = RunSuite(**coder, *records, {});
  EXPECT_GE(Rate(report.Total(true)), kPetrarchFloor)
      << FormatReport(report, "active", "inactive");
}

TEST(ValidationSuiteTest, MalformedLinesAreNamed) {
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string path = dir + "/bad.jsonl";
  FILE* f = std::fopen(path.c_str(), "w");
  ASSERT_NE(f, nullptr);
  std::fputs("{\"id\":\"A-1\",\"text\":\"x\",\"expected\":[]}\n{\"id\":\"A-2\"}\n", f);
  std::fclose(f);
  auto r = ReadTabariSuite(path);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("bad.jsonl:2"), std::string::npos) << r.status().message();
}

}  // namespace
}  // namespace trigon::dictformat
