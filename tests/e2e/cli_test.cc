// End-to-end tests: run the trigon binary as a user would.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "testing/testing.h"

namespace {

using CommandResult = trigon::testing::ShellResult;

CommandResult RunTrigon(const std::string& args) {
  const std::string cmd = std::string(TRIGON_BINARY) + " " + args + " 2>&1";
  return trigon::testing::RunShell(cmd);
}

size_t CountLines(const std::string& s, const std::string& needle) {
  size_t count = 0;
  size_t pos = 0;
  while ((pos = s.find(needle, pos)) != std::string::npos) {
    ++count;
    pos += needle.size();
  }
  return count;
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

TEST(CliTest, IngestsTheSampleCorpusAndRerunIsANoOp) {
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string db = dir + "/t.db";
  const std::string sample = trigon::testing::SourceDir() + "/data/sample";
  CommandResult first = RunTrigon("ingest " + sample + " --db " + db + " --quiet");
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_NE(first.out.find("0 skipped"), std::string::npos) << first.out;

  CommandResult docs = RunTrigon("docs --format jsonl --db " + db);
  ASSERT_EQ(docs.exit_code, 0) << docs.out;
  const size_t documents = CountLines(docs.out, "\"id\":");
  EXPECT_GE(documents, 170u);
  EXPECT_GE(CountLines(docs.out, "\"langs\":\"en"), 55u);
  EXPECT_GE(CountLines(docs.out, "zh-Hans"), 50u);
  EXPECT_GE(CountLines(docs.out, "zh-Hant"), 50u);
  EXPECT_EQ(CountLines(docs.out, "\"date\":null"), 0u) << "every sample report is dated";

  CommandResult again = RunTrigon("ingest " + sample + " --db " + db);
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_NE(again.out.find(" 0 documents stored"), std::string::npos) << again.out;
  EXPECT_GE(CountLines(again.out, "unchanged"), documents - 6);
  CommandResult docs2 = RunTrigon("docs --format jsonl --db " + db);
  EXPECT_EQ(CountLines(docs2.out, "\"id\":"), documents);
}

TEST(CliTest, BadInputsAreSkippedWithReasonsAndTheRestIsStored) {
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string in = dir + "/in";
  std::filesystem::create_directories(in);
  WriteFile(in + "/good.txt",
            "title: Good\ndate: 2023-03-21\n\nXi Jinping held talks with Vladimir Putin.\n");
  WriteFile(in + "/binary.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  WriteFile(in + "/truncated.txt", "Biden met Xi in Bali \xE4\xB8");
  WriteFile(in + "/empty.txt", "");
  WriteFile(in + "/feed.jsonl",
            "{\"text\":\"Russia and China held joint naval drills.\",\"date\":\"2022-12-21\"}\n"
            "{\"text\": broken\n"
            "{\"title\":\"no text field\"}\n"
            "{\"text\":\"Blinken visited Beijing.\",\"date\":\"2023-06-18\"}\n");
  CommandResult r = RunTrigon("ingest " + in + " --db " + dir + "/t.db");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("binary.txt"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("truncated.txt"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("byte 21"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("empty.txt"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("feed.jsonl:2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("feed.jsonl:3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3 documents stored"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("5 skipped"), std::string::npos) << r.out;

  CommandResult summary = RunTrigon("summary --db " + dir + "/t.db");
  EXPECT_EQ(summary.exit_code, 0) << summary.out;
  EXPECT_NE(summary.out.find("skipped inputs   5"), std::string::npos) << summary.out;
  // Rerunning records the same skips once, not twice.
  RunTrigon("ingest " + in + " --db " + dir + "/t.db");
  summary = RunTrigon("summary --db " + dir + "/t.db");
  EXPECT_NE(summary.out.find("skipped inputs   5"), std::string::npos) << summary.out;
}

TEST(CliTest, HugeSingleLineIsStoredWithinLimits) {
  const std::string dir = trigon::testing::MakeTempDir();
  std::string line;
  line.reserve(50u << 20);
  while (line.size() < (50u << 20)) line += "Russia and China held talks again ";
  WriteFile(dir + "/huge.txt", line);
  CommandResult r = RunTrigon("ingest " + dir + "/huge.txt --db " + dir + "/t.db --quiet");
  EXPECT_EQ(r.exit_code, 0) << r.out.substr(0, 2000);
  EXPECT_NE(r.out.find("1 documents stored"), std::string::npos) << r.out.substr(0, 2000);
}

TEST(CliTest, OversizedFileIsSkippedNotRead) {
  const std::string dir = trigon::testing::MakeTempDir();
  WriteFile(dir + "/big.txt", std::string(2u << 20, 'a'));
  CommandResult r = RunTrigon("ingest " + dir + "/big.txt --max-file-mb 1 --db " + dir + "/t.db");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("over the limit"), std::string::npos) << r.out;
}

// Kills an ingest half-way (SIGKILL: no cleanup runs) and reruns it: the
// database must be consistent, complete after the rerun, and hold each
// document exactly once.
TEST(CliTest, KilledIngestResumesWithoutDuplicates) {
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string in = dir + "/in";
  std::filesystem::create_directories(in);
  const int kFiles = 1500;
  for (int i = 0; i < kFiles; ++i) {
    WriteFile(in + "/" + std::to_string(i) + ".txt",
              "date: 2023-03-21\n\nReport " + std::to_string(i) +
                  ": Chinese President Xi Jinping held talks with Russian President "
                  "Vladimir Putin in Moscow. The two sides signed agreements. 中俄两国"
                  "元首举行会谈。第" + std::to_string(i) + "号报道。\n");
  }
  const std::string db = dir + "/t.db";
  trigon::testing::RunAndKillAfter({TRIGON_BINARY, "ingest", in, "--db", db}, 700);

  CommandResult mid = RunTrigon("summary --db " + db);
  ASSERT_EQ(mid.exit_code, 0) << mid.out;  // readable and consistent
  CommandResult rerun = RunTrigon("ingest " + in + " --db " + db + " --quiet");
  ASSERT_EQ(rerun.exit_code, 0) << rerun.out;
  CommandResult docs = RunTrigon("docs --format jsonl --db " + db);
  EXPECT_EQ(CountLines(docs.out, "\"id\":"), static_cast<size_t>(kFiles));
  // Every document has all of its sentences (a half-written one would not).
  EXPECT_EQ(CountLines(docs.out, "\"sentences\":4"), static_cast<size_t>(kFiles))
      << docs.out.substr(0, 1000);
  CommandResult again = RunTrigon("ingest " + in + " --db " + db + " --quiet");
  EXPECT_NE(again.out.find(" 0 documents stored, " + std::to_string(kFiles) +
                           " already stored"),
            std::string::npos)
      << again.out;
}

TEST(CliTest, DanglingLinksAndFifosAreSkippedNotLost) {
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string in = dir + "/in";
  std::filesystem::create_directories(in);
  WriteFile(in + "/good.txt", "Xi met Putin in Moscow.");
  std::filesystem::create_symlink(in + "/missing.txt", in + "/dangling.txt");
  ASSERT_EQ(::mkfifo((in + "/pipe.txt").c_str(), 0600), 0);
  CommandResult r = RunTrigon("ingest " + in + " --db " + dir + "/t.db");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("dangling.txt: no such file"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("pipe.txt: not a regular file"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 documents stored"), std::string::npos) << r.out;
}

TEST(CliTest, UnreadableFileIsSkipped) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can read a mode-000 file";
  const std::string dir = trigon::testing::MakeTempDir();
  WriteFile(dir + "/secret.txt", "Xi met Putin.");
  std::filesystem::permissions(dir + "/secret.txt", std::filesystem::perms::none);
  CommandResult r = RunTrigon("ingest " + dir + " --db " + dir + "/t.db");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("secret.txt"), std::string::npos) << r.out;
}

TEST(CliTest, SentencesAndErrorsForUnknownIds) {
  const std::string dir = trigon::testing::MakeTempDir();
  WriteFile(dir + "/a.txt",
            "date: 2022-11-14\n\nU.S. President Joe Biden met Chinese President Xi "
            "Jinping in Bali on Monday. They talked for three hours.\n");
  ASSERT_EQ(RunTrigon("ingest " + dir + "/a.txt --db " + dir + "/t.db").exit_code, 0);
  CommandResult docs = RunTrigon("docs --format jsonl --db " + dir + "/t.db");
  const size_t at = docs.out.find("\"id\":\"");
  ASSERT_NE(at, std::string::npos);
  const std::string id = docs.out.substr(at + 6, 8);
  CommandResult s = RunTrigon("sentences " + id + " --db " + dir + "/t.db");
  EXPECT_EQ(s.exit_code, 0) << s.out;
  EXPECT_EQ(CountLines(s.out, " en "), 2u) << s.out;
  EXPECT_NE(s.out.find("U.S. President Joe Biden met"), std::string::npos) << s.out;
  CommandResult missing = RunTrigon("sentences ffffffff --db " + dir + "/t.db");
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.out.find("no document"), std::string::npos) << missing.out;
  CommandResult nodb = RunTrigon("docs --db " + dir + "/absent.db");
  EXPECT_NE(nodb.exit_code, 0);
  EXPECT_NE(nodb.out.find("absent.db"), std::string::npos) << nodb.out;
}

}  // namespace
