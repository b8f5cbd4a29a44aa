// End-to-end tests of `trigon code --threads N` and of the limits of
// `trigon code` / `trigon ingest`: the output of any number of threads is
// byte for byte that of one thread (file, database and --stdin modes), and
// an input over a limit is reported, never a crash.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/file_util.h"
#include "base/json.h"
#include "testing/testing.h"

namespace {

using trigon::testing::RunShell;
using trigon::testing::ShellResult;

ShellResult Trigon(const std::string& args) {
  return RunShell(std::string(TRIGON_BINARY) + " " + args);
}

// The sample corpus (data/sample/{en,zh-hans,zh-hant}) as JSON Lines
// documents, in a fixed order.
std::string SampleJsonl() {
  const std::string root = trigon::testing::SourceDir();
  std::string out;
  for (const char* script : {"en", "zh-hans", "zh-hant"}) {
    auto files = trigon::ExpandPaths({root + "/data/sample/" + script});
    if (!files.ok()) continue;
    for (const std::string& f : *files) {
      auto bytes = trigon::ReadFileBytes(f);
      if (!bytes.ok()) continue;
      std::string text = *bytes;
      std::string date;
      // The front matter's date line, if any ("date: 2022-02-04").
      const size_t at = text.find("\ndate: ");
      if (text.rfind("title:", 0) == 0 && at != std::string::npos) {
        date = text.substr(at + 7, 10);
      }
      out += "{\"id\":" + trigon::json::Quote(std::filesystem::path(f).filename().string());
      if (!date.empty()) out += ",\"date\":" + trigon::json::Quote(date);
      out += ",\"text\":" + trigon::json::Quote(text) + "}\n";
    }
  }
  return out;
}

TEST(CodeThreadsTest, StdinOutputIsTheSameOnOneAndFourThreads) {
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string input = dir + "/sample.jsonl";
  const std::string jsonl = SampleJsonl();
  ASSERT_GT(jsonl.size(), 10000u);
  std::ofstream(input) << jsonl;
  const ShellResult one = Trigon("code --stdin --quiet --threads 1 < " + input);
  const ShellResult four = Trigon("code --stdin --quiet --threads 4 < " + input);
  ASSERT_EQ(one.exit_code, 0);
  ASSERT_EQ(four.exit_code, 0);
  EXPECT_GT(one.out.size(), 10000u) << "too few events to compare";
  EXPECT_TRUE(one.out == four.out) << "outputs differ (" << one.out.size() << " vs "
                                   << four.out.size() << " bytes)";
}

TEST(CodeThreadsTest, FileAndDatabaseOutputIsTheSameOnOneAndThreeThreads) {
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string sample = trigon::testing::SourceDir() + "/data/sample/en";
  const ShellResult one =
      Trigon("code " + sample + " --db " + dir + "/one.db --quiet --threads 1 --format csv");
  const ShellResult three =
      Trigon("code " + sample + " --db " + dir + "/three.db --quiet --threads 3 --format csv");
  ASSERT_EQ(one.exit_code, 0);
  ASSERT_EQ(three.exit_code, 0);
  EXPECT_GT(one.out.size(), 5000u);
  EXPECT_TRUE(one.out == three.out) << "outputs differ";
  // Recoding the stored documents (database mode, no paths) with the same
  // dictionaries codes nothing new.
  const ShellResult again = Trigon("code --db " + dir + "/three.db --quiet --threads 2");
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.out, "");
}

// A line over --max-file-mb is skipped with its line number; the lines
// around it are coded.
TEST(CodeThreadsTest, StdinLineOverTheDocumentLimitIsSkippedWithItsNumber) {
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string input = dir + "/in.jsonl";
  const std::string ok =
      "{\"id\":\"a\",\"date\":\"2022-11-14\",\"text\":\"The United States imposed sanctions "
      "on Russian banks on Monday.\"}\n";
  std::string big = "{\"id\":\"big\",\"text\":\"";
  big += std::string((1 << 20) + 100, 'x');
  big += "\"}\n";
  std::ofstream(input) << ok << big << ok;
  const ShellResult r = Trigon("code --stdin --threads 2 --max-file-mb 1 < " + input +
                               " 2> " + dir + "/err.txt");
  EXPECT_EQ(r.exit_code, 1);
  const std::string err = trigon::testing::ReadFileOrEmpty(dir + "/err.txt");
  EXPECT_NE(err.find("stdin:2: line of"), std::string::npos) << err;
  EXPECT_NE(err.find("--max-file-mb"), std::string::npos) << err;
  EXPECT_NE(err.find("code: 2 documents from stdin"), std::string::npos) << err;
  EXPECT_NE(r.out.find("\"doc\":\"a\""), std::string::npos) << r.out;
}

// A file over --max-file-mb is skipped with the reason; exit code 1.
TEST(CodeThreadsTest, FileOverTheDocumentLimitIsSkipped) {
  const std::string dir = trigon::testing::MakeTempDir();
  std::ofstream(dir + "/big.txt") << std::string((1 << 20) + 10, 'a') << "\n";
  const ShellResult r = Trigon("code " + dir + "/big.txt --db " + dir +
                               "/t.db --max-file-mb 1 2> " + dir + "/err.txt");
  EXPECT_EQ(r.exit_code, 1);
  const std::string err = trigon::testing::ReadFileOrEmpty(dir + "/err.txt");
  EXPECT_NE(err.find("skipped"), std::string::npos) << err;
  EXPECT_NE(err.find("big.txt"), std::string::npos) << err;
}

// More distinct events than --max-events-per-doc: the first ones are kept
// and a warning names the document and the number dropped.
TEST(CodeThreadsTest, EventsOverThePerDocumentLimitAreDroppedWithAWarning) {
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string input = dir + "/in.jsonl";
  std::ofstream(input) << "{\"id\":\"many\",\"date\":\"2022-11-14\",\"text\":\"The United "
                          "States imposed sanctions on Russia. China condemned Japan. Russia "
                          "attacked Ukraine. The United States criticised China.\"}\n";
  const ShellResult all = Trigon("code --stdin --quiet < " + input);
  ASSERT_EQ(all.exit_code, 0);
  const size_t events = static_cast<size_t>(std::count(all.out.begin(), all.out.end(), '\n'));
  ASSERT_GE(events, 3u) << all.out;
  const ShellResult capped = Trigon("code --stdin --max-events-per-doc 2 < " + input + " 2> " +
                                    dir + "/err.txt");
  EXPECT_EQ(capped.exit_code, 0);
  EXPECT_EQ(std::count(capped.out.begin(), capped.out.end(), '\n'), 2);
  // The kept events are the document's first two.
  EXPECT_EQ(all.out.substr(0, capped.out.size()), capped.out);
  const std::string err = trigon::testing::ReadFileOrEmpty(dir + "/err.txt");
  EXPECT_NE(err.find("stdin:1: " + std::to_string(events - 2) + " events over the limit of 2"),
            std::string::npos)
      << err;
}

// A sentence longer than --max-sentence-bytes is cut and still coded.
TEST(CodeThreadsTest, LongSentenceIsCutNotFatal) {
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string input = dir + "/in.jsonl";
  std::string text = "The United States imposed sanctions on Russia";
  for (int i = 0; i < 400; ++i) text += " and on many other places";
  text += ".";
  std::ofstream(input) << "{\"id\":\"long\",\"date\":\"2022-11-14\",\"text\":\"" << text
                       << "\"}\n";
  const ShellResult r = Trigon("code --stdin --quiet --max-sentence-bytes 256 < " + input);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("\"code\":\"163\""), std::string::npos) << r.out;
  const ShellResult bad = Trigon("code --stdin --quiet --max-sentence-bytes 1 < " + input +
                                 " 2>/dev/null");
  EXPECT_NE(bad.exit_code, 0) << "a limit below 64 bytes is refused";
}

}  // namespace
