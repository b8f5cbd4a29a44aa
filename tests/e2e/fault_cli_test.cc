// Fault tests of `trigon code`: a coding run killed half-way (SIGKILL, so
// no cleanup runs) and resumed must end with exactly the events of an
// uninterrupted run -- none lost, none stored twice.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "testing/testing.h"

namespace {

trigon::testing::ShellResult Trigon(const std::string& args) {
  return trigon::testing::RunShell(std::string(TRIGON_BINARY) + " " + args + " 2>&1");
}

void WriteCorpus(const std::string& dir, int files) {
  std::filesystem::create_directories(dir);
  for (int i = 0; i < files; ++i) {
    const std::string n = std::to_string(i);
    std::ofstream(dir + "/" + n + ".txt")
        << "date: 2023-0" << (1 + i % 9) << "-1" << (i % 10) << "\n\nReport " << n
        << ": Chinese President Xi Jinping held talks with Russian President Vladimir "
           "Putin in Moscow. The United States imposed sanctions on Russian banks. "
           "Washington criticized Beijing over its support for Moscow. 中俄两国元首举行会谈。"
           "美国宣布对俄罗斯实施新的制裁。第"
        << n << "号报道。\n";
  }
}

// Every stored asserted USA/RUS/CHN event, summed per dyad and month.
std::string SeriesCsv(const std::string& db) {
  auto r = Trigon("series --db " + db + " --period month --format csv");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  return r.out;
}

TEST(FaultCliTest, KilledCodingRunResumesToTheSameEvents) {
  const std::string dir = trigon::testing::MakeTempDir();
  WriteCorpus(dir + "/in", 800);
  const std::string killed_db = dir + "/killed.db";
  const std::string clean_db = dir + "/clean.db";
  for (const std::string& db : {killed_db, clean_db}) {
    auto ingest = Trigon("ingest " + dir + "/in --db " + db + " --quiet");
    ASSERT_EQ(ingest.exit_code, 0) << ingest.out;
  }
  auto clean = Trigon("code --db " + clean_db + " --quiet > /dev/null");
  ASSERT_EQ(clean.exit_code, 0) << clean.out;
  const std::string expected = SeriesCsv(clean_db);
  ASSERT_NE(expected.find(",USA->RUS,"), std::string::npos) << expected;

  // Whether the kill landed half-way depends on the machine's speed; the
  // log says which, and the checks below hold either way.
  const bool killed =
      trigon::testing::RunAndKillAfter({TRIGON_BINARY, "code", "--db", killed_db}, 600);
  std::printf("coding run %s\n", killed ? "killed" : "finished before the kill");

  const bool was_partial = SeriesCsv(killed_db) != expected;  // readable, consistent
  std::printf("after the kill the database held %s\n",
              was_partial ? "part of the events" : "all of the events");
  auto resumed = Trigon("code --db " + killed_db + " --quiet > /dev/null");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.out;
  EXPECT_EQ(SeriesCsv(killed_db), expected);
  // A second resume finds nothing left to code and changes nothing.
  auto again = Trigon("code --db " + killed_db);
  EXPECT_NE(again.out.find("code: 0 documents"), std::string::npos) << again.out;
  EXPECT_EQ(SeriesCsv(killed_db), expected);
}

}  // namespace
