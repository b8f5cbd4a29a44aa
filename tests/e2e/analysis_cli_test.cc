// End-to-end tests of the import and analytics verbs on the real WEIS data
// (../shared/data/eventdata; skipped when absent) and on small fixtures.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "testing/testing.h"

namespace {

using CommandResult = trigon::testing::ShellResult;

CommandResult RunTrigon(const std::string& args, bool merge_stderr = true) {
  const std::string cmd =
      std::string(TRIGON_BINARY) + " " + args + (merge_stderr ? " 2>&1" : " 2>/dev/null");
  return trigon::testing::RunShell(cmd);
}

std::string Weis() {
  const std::string shared = trigon::testing::SharedDir();
  return shared.empty() ? "" : shared + "/data/eventdata/weis_triangle_1966_1992.csv";
}

// A database holding the WEIS file, imported once per test binary.
const std::string& WeisDb() {
  static const std::string db = [] {
    const std::string path = trigon::testing::MakeTempDir() + "/weis.db";
    CommandResult r = RunTrigon("import " + Weis() + " --db " + path);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("12222 loaded, 0 already present, 0 rejected"), std::string::npos)
        << r.out;
    return path;
  }();
  return db;
}

// The JSON object of one period in `trigon triangle --format json`.
std::string PeriodObject(const std::string& json, const std::string& label) {
  const std::string key = "{\"period\":\"" + label + "\"";
  const size_t begin = json.find(key);
  if (begin == std::string::npos) return "";
  const size_t end = json.find("{\"period\":", begin + key.size());
  return json.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

TEST(AnalysisCliTest, ImportIsIdempotent) {
  if (Weis().empty()) GTEST_SKIP() << "../shared absent";
  const std::string& db = WeisDb();
  CommandResult again = RunTrigon("import " + Weis() + " --db " + db);
  EXPECT_EQ(again.exit_code, 0) << again.out;
  EXPECT_NE(again.out.find("0 loaded, 12222 already present, 0 rejected"), std::string::npos)
      << again.out;
}

// Expected values from the hand computation in
// src/analysis/triangle_weis_test.cc and the historical record: 1973 the
// Nixon opening (romantic triangle, Washington the pivot); 1979-80 the
// Sino-American normalisation after Afghanistan (stable marriage, Moscow
// the outcast); 1990 all three relations positive.
TEST(AnalysisCliTest, TriangleOnWeis) {
  if (Weis().empty()) GTEST_SKIP() << "../shared absent";
  CommandResult r = RunTrigon(
      "triangle --actors USA,RUS,CHN --period year --format json --db " + WeisDb(), false);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("\"input\":\"origins: csv (filter: all)"), std::string::npos);
  const std::string y1973 = PeriodObject(r.out, "1973");
  EXPECT_NE(y1973.find("\"configuration\":\"romantic_triangle\""), std::string::npos) << y1973;
  EXPECT_NE(y1973.find("\"pivot\":\"USA\""), std::string::npos) << y1973;
  for (const char* year : {"1979", "1980"}) {
    const std::string p = PeriodObject(r.out, year);
    EXPECT_NE(p.find("\"configuration\":\"stable_marriage\""), std::string::npos) << p;
    EXPECT_NE(p.find("\"RUS\":\"outcast\""), std::string::npos) << p;
  }
  EXPECT_NE(PeriodObject(r.out, "1990").find("\"configuration\":\"menage_a_trois\""),
            std::string::npos);
  EXPECT_EQ(PeriodObject(r.out, "1993"), "") << "no periods beyond the data";

  CommandResult table = RunTrigon("triangle --period year --db " + WeisDb());
  ASSERT_EQ(table.exit_code, 0) << table.out;
  EXPECT_NE(table.out.find("1973       romantic_triangle  pivot USA"), std::string::npos)
      << table.out;
  EXPECT_NE(table.out.find("1980       stable_marriage    outcast RUS"), std::string::npos);
}

TEST(AnalysisCliTest, SeriesCsvHasSixRowsPerYear) {
  if (Weis().empty()) GTEST_SKIP() << "../shared absent";
  CommandResult r = RunTrigon("series --period year --format csv --db " + WeisDb(), false);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::istringstream in(r.out);
  std::string line;
  int rows = 0;
  std::getline(in, line);
  EXPECT_EQ(line.rfind("period,start,end,dyad,events,", 0), 0u) << line;
  int64_t events = 0;
  while (std::getline(in, line)) {
    ++rows;
    std::istringstream cells(line);
    std::string cell;
    for (int i = 0; i < 5 && std::getline(cells, cell, ','); ++i) {
    }
    events += std::stoll(cell);
  }
  EXPECT_EQ(rows, 27 * 6);
  EXPECT_EQ(events, 12222) << "every WEIS event is in exactly one cell";
}

TEST(AnalysisCliTest, VarPrintsTheReciprocityTable) {
  if (Weis().empty()) GTEST_SKIP() << "../shared absent";
  CommandResult r = RunTrigon("var --period quarter --lags 2 --db " + WeisDb());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Three-Way Street"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("lags 2  nobs 106"), std::string::npos) << r.out;
  for (const char* dyad :
       {"USA->RUS", "RUS->USA", "USA->CHN", "CHN->USA", "RUS->CHN", "CHN->RUS"}) {
    EXPECT_NE(r.out.find(std::string("\n") + dyad + " "), std::string::npos) << dyad;
  }
  CommandResult refused = RunTrigon("var --period year --lags 6 --db " + WeisDb());
  EXPECT_EQ(refused.exit_code, 1) << refused.out;
  EXPECT_NE(refused.out.find("cannot estimate the VAR"), std::string::npos) << refused.out;
  EXPECT_EQ(refused.out.find("Three-Way Street"), std::string::npos);
}

// A short sample (27 years) cannot compare lag orders up to the default
// --maxlags 8; selection lowers it and says so, where a given --lags is
// refused (above).
TEST(AnalysisCliTest, VarLowersMaxlagsToFitAShortSample) {
  if (Weis().empty()) GTEST_SKIP() << "../shared absent";
  CommandResult r = RunTrigon("var --period year --db " + WeisDb());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("--maxlags lowered from 8 to "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Three-Way Street"), std::string::npos) << r.out;
  CommandResult sim = RunTrigon("simulate --scenario reverse-nixon --period year --db " + WeisDb());
  ASSERT_EQ(sim.exit_code, 0) << sim.out;
  EXPECT_NE(sim.out.find("--maxlags lowered from 8 to "), std::string::npos) << sim.out;
}

TEST(AnalysisCliTest, SimulateReverseNixon) {
  if (Weis().empty()) GTEST_SKIP() << "../shared absent";
  CommandResult r = RunTrigon(
      "simulate --scenario reverse-nixon --period month --horizon 6 "
      "--db " +
      WeisDb());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("USA->RUS +2 per period for 6 periods"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("RUS->CHN: mean effect"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("best "), std::string::npos);
  CommandResult bad = RunTrigon("simulate --shock 'USA->RUS:+2.0:26x' --db " + WeisDb());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("duration '26x'"), std::string::npos) << bad.out;
}

TEST(AnalysisCliTest, MalformedCsvRowsAreReportedWithFileAndLine) {
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string csv = dir + "/events.csv";
  std::ofstream(csv) << "date,source,target,goldstein\n"
                        "1973-02-01,USA,CHN,4.0\n"
                        "1973-02-31,USA,CHN,4.0\n"
                        "1973-02-01,USA,CHN,\"x\"\n"
                        "1973-02-01,USA\n"
                        "1973-02-02,CHN,USA,3.0\n";
  CommandResult r = RunTrigon("import " + csv + " --db " + dir + "/t.db");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find(csv + ":3: date: impossible date"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(csv + ":4: goldstein: not a number"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(csv + ":5: expected 4 columns, found 2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 loaded, 0 already present, 3 rejected"), std::string::npos) << r.out;
}

TEST(AnalysisCliTest, GdeltAndIcewsSamplesAndTheOriginFilter) {
  const std::string shared = trigon::testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared absent";
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string db = dir + "/mixed.db";
  const std::string countries = trigon::testing::SourceDir() + "/data/dict/countries.txt";
  CommandResult r = RunTrigon("import " + shared + "/data/eventdata/gdelt1_sample_aug2012.csv " +
                              shared + "/data/eventdata/icews_sample_2018.tab " + Weis() +
                              " --countries " + countries + " --db " + db);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("(gdelt1): 1255 loaded, 0 already present, 0 rejected"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("(icews): 3705 loaded, 0 already present, 0 rejected"), std::string::npos)
      << r.out;
  CommandResult all = RunTrigon("series --period year --db " + db);
  EXPECT_NE(all.out.find("origins: csv,gdelt1,icews (filter: all)"), std::string::npos) << all.out;
  CommandResult icews = RunTrigon("series --period year --origin icews --db " + db);
  EXPECT_NE(icews.out.find("origins: icews (filter: icews)"), std::string::npos) << icews.out;
  EXPECT_NE(icews.out.find("\n2018 "), std::string::npos) << icews.out;
  EXPECT_EQ(icews.out.find("\n1973 "), std::string::npos) << icews.out;
}

TEST(AnalysisCliTest, RejectedRowsArePrintedAtMostTwentyTimesPerFile) {
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string csv = dir + "/many.csv";
  std::string text = "date,source,target,goldstein\n";
  for (int i = 0; i < 25; ++i) text += "not-a-date,USA,RUS,1.0\n";
  text += "1990-01-01,USA,RUS,1.0\n";
  std::ofstream(csv) << text;
  CommandResult r = RunTrigon("import " + csv + " --format csv --db " + dir + "/t.db");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  size_t reported = 0;
  for (size_t pos = 0; (pos = r.out.find(": date: not a date", pos)) != std::string::npos; ++pos) {
    ++reported;
  }
  EXPECT_EQ(reported, 20u) << r.out;
  EXPECT_NE(r.out.find("5 more rejected rows not shown"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 loaded, 0 already present, 25 rejected"), std::string::npos) << r.out;
}

}  // namespace
