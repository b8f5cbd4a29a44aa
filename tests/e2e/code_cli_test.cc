// End-to-end tests of `trigon code` and `trigon explain`: the output
// contract other tools rely on (docs/formats/events.md).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "testing/testing.h"

namespace {

using Output = trigon::testing::ShellResult;

// Runs trigon; stdout only (stderr goes to the test log).
Output Trigon(const std::string& args) {
  const std::string cmd = std::string(TRIGON_BINARY) + " " + args;
  return trigon::testing::RunShell(cmd);
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

std::string WriteReport(const std::string& dir) {
  const std::string path = dir + "/bali-report.txt";
  std::ofstream(path) << "title: Biden and Xi meet in Bali\ndate: 2022-11-14\n\n"
                         "U.S. President Joe Biden met Chinese President Xi Jinping in Bali on "
                         "Monday. The United States imposed sanctions on Russian banks. "
                         "Biden should not repeat the mistake.\n";
  return path;
}

TEST(CodeCliTest, JsonLinesCarryTheContractFields) {
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string file = WriteReport(dir);
  Output r = Trigon("code " + file + " --db " + dir + "/t.db --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto lines = Lines(r.out);
  ASSERT_GE(lines.size(), 3u) << r.out;
  for (const char* field :
       {"\"doc\":\"bali-report\"", "\"sentence\":", "\"text\":", "\"lang\":\"en\"",
        "\"date\":\"2022-11-1", "\"date_basis\":", "\"source\":", "\"target\":",
        "\"source_country\":", "\"target_country\":", "\"code\":\"", "\"root\":\"",
        "\"quad\":", "\"goldstein\":", "\"modality\":", "\"mentions\":", "\"evidence\":[",
        "\"file_begin\":"}) {
    EXPECT_NE(lines[0].find(field), std::string::npos) << field << " in " << lines[0];
  }
  // The meeting runs both ways; sanctions are US -> Russia, material conflict.
  EXPECT_NE(r.out.find("\"source_country\":\"USA\",\"target_country\":\"CHN\",\"code\":\"04"),
            std::string::npos);
  EXPECT_NE(r.out.find("\"source_country\":\"CHN\",\"target_country\":\"USA\",\"code\":\"04"),
            std::string::npos);
  EXPECT_NE(r.out.find("\"target_country\":\"RUS\",\"code\":\"163\""), std::string::npos)
      << r.out;
  // Advice in commentary is not an asserted event.
  for (const auto& line : lines) {
    if (line.find("should not repeat") != std::string::npos) {
      EXPECT_EQ(line.find("\"modality\":\"asserted\""), std::string::npos) << line;
    }
  }
}

TEST(CodeCliTest, EvidenceOffsetsQuoteTheOriginalFile) {
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string file = WriteReport(dir);
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), {});
  Output r = Trigon("code " + file + " --db " + dir + "/t.db --quiet");
  ASSERT_EQ(r.exit_code, 0);
  // Every evidence object: file bytes [file_begin, file_end) == text.
  size_t checked = 0;
  for (size_t at = r.out.find("\"file_begin\":"); at != std::string::npos;
       at = r.out.find("\"file_begin\":", at + 1)) {
    const size_t b = std::stoul(r.out.substr(at + 13));
    const size_t e_at = r.out.find("\"file_end\":", at);
    const size_t e = std::stoul(r.out.substr(e_at + 11));
    const size_t t_at = r.out.find("\"text\":\"", e_at) + 8;
    const std::string quoted = r.out.substr(t_at, r.out.find('"', t_at) - t_at);
    ASSERT_LE(e, bytes.size());
    EXPECT_EQ(bytes.substr(b, e - b), quoted);
    ++checked;
  }
  EXPECT_GE(checked, 6u);
}

TEST(CodeCliTest, GdeltRowsHave61ColumnsAndCsvHasAHeader) {
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string file = WriteReport(dir);
  Output g = Trigon("code " + file + " --db " + dir + "/t.db --quiet --format gdelt");
  ASSERT_EQ(g.exit_code, 0);
  const auto rows = Lines(g.out);
  ASSERT_FALSE(rows.empty());
  for (const auto& row : rows) {
    EXPECT_EQ(std::count(row.begin(), row.end(), '\t'), 60) << row;
  }
  EXPECT_NE(rows[0].find("\t20221114\t202211\t2022\t"), std::string::npos) << rows[0];
  Output c = Trigon("code " + file + " --db " + dir + "/t.db --quiet --format csv");
  ASSERT_EQ(c.exit_code, 0);
  EXPECT_EQ(Lines(c.out)[0].rfind("doc,sentence,lang,date,date_basis,source,target", 0), 0u);
}

// PLOVER JSON Lines: the same events as JSON Lines minus CAMEO roots 01/02,
// with PLOVER categories, actor lists, offsets and auxiliary modes.
TEST(CodeCliTest, PloverLinesMapCameoAndCarryAuxiliaryModes) {
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string file = dir + "/plover.txt";
  std::ofstream(file) << "title: t\ndate: 2024-05-16\n\n"
                         "Russian President Vladimir Putin held a phone call with Chinese "
                         "President Xi Jinping. The United States did not impose sanctions on "
                         "China. The Kremlin said Russia welcomed the visit.\n";
  Output j = Trigon("code " + file + " --db " + dir + "/t.db --quiet");
  Output p = Trigon("code " + file + " --db " + dir + "/t.db --quiet --format plover");
  ASSERT_EQ(p.exit_code, 0) << p.out;
  const auto cameo = Lines(j.out);
  const auto plover = Lines(p.out);
  size_t statements = 0;
  for (const auto& line : cameo) {
    if (line.find("\"root\":\"01\"") != std::string::npos ||
        line.find("\"root\":\"02\"") != std::string::npos) {
      ++statements;
    }
  }
  EXPECT_EQ(plover.size() + statements, cameo.size()) << j.out << p.out;
  bool phone = false, negation = false;
  for (const auto& line : plover) {
    for (const char* field : {"{\"id\":", "\"date\":\"2024-05-16\"", "\"actor\":[{\"code\":",
                              "\"recipient\":[{\"code\":", "\"event\":[\"", "\"mode\":[",
                              "\"context\":[", "\"event_text\":[\"", "\"offsets\":[{",
                              "\"cameo\":\"", "\"file_begin\":"}) {
      EXPECT_NE(line.find(field), std::string::npos) << field << " in " << line;
    }
    if (line.find("\"event\":[\"CONSULT\"],\"mode\":[\"phone\"]") != std::string::npos) {
      phone = true;
    }
    if (line.find("\"cameo\":\"163\"") != std::string::npos ||
        line.find("\"modality\":\"negated\"") != std::string::npos) {
      EXPECT_NE(line.find("\"negation\""), std::string::npos) << line;
      negation = true;
    }
  }
  EXPECT_TRUE(phone) << p.out;
  EXPECT_TRUE(negation) << p.out;
}

TEST(CodeCliTest, WithoutPathsCodesOnlyWhatIsNotYetCoded) {
  const std::string dir = trigon::testing::MakeTempDir();
  WriteReport(dir);
  ASSERT_EQ(Trigon("ingest " + dir + "/bali-report.txt --db " + dir + "/t.db --quiet").exit_code,
            0);
  Output first = Trigon("code --db " + dir + "/t.db --quiet");
  ASSERT_EQ(first.exit_code, 0);
  EXPECT_GE(Lines(first.out).size(), 3u);
  Output second = Trigon("code --db " + dir + "/t.db --quiet");
  ASSERT_EQ(second.exit_code, 0);
  EXPECT_TRUE(Lines(second.out).empty()) << second.out;
}

TEST(CodeCliTest, StdinStreamsEventsAndReportsBadLines) {
  const std::string dir = trigon::testing::MakeTempDir();
  std::ofstream(dir + "/in.jsonl")
      << "{\"id\":\"a1\",\"date\":\"2023-03-21\",\"text\":\"Xi Jinping held talks with "
         "Vladimir Putin in Moscow.\"}\n"
      << "not json\n"
      << "{\"id\":\"a3\",\"date\":\"2022-02-26\",\"text\":\"美国宣布对俄罗斯实施制裁。\"}\n";
  Output r = Trigon("code --stdin --quiet < " + dir + "/in.jsonl 2> " + dir + "/err.txt");
  EXPECT_EQ(r.exit_code, 1);
  const auto lines = Lines(r.out);
  ASSERT_GE(lines.size(), 3u) << r.out;
  EXPECT_NE(r.out.find("\"doc\":\"a1\""), std::string::npos);
  EXPECT_NE(r.out.find("\"doc\":\"a3\",\"sentence\":0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"source_country\":\"USA\",\"target_country\":\"RUS\",\"code\":\"163\""),
            std::string::npos) << r.out;
  std::ifstream err(dir + "/err.txt");
  const std::string errors((std::istreambuf_iterator<char>(err)), {});
  EXPECT_NE(errors.find("stdin:2"), std::string::npos) << errors;
  EXPECT_FALSE(std::filesystem::exists(dir + "/trigon.db"));
}

TEST(CodeCliTest, ExplainShowsActorsPatternsAndDecisions) {
  Output r = Trigon(
      "explain \"特朗普与普京通电话。\" --date 2025-02-12 --lang zh-Hans");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("USAGOV"), std::string::npos) << r.out;  // Trump in office
  EXPECT_NE(r.out.find("RUSGOV"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("events.txt:"), std::string::npos) << r.out;  // where the pattern is
  EXPECT_NE(r.out.find("041"), std::string::npos) << r.out;
  Output old = Trigon("explain \"Trump met Putin.\" --date 2023-05-01");
  EXPECT_NE(old.out.find("USAELI"), std::string::npos) << old.out;  // out of office in 2023
}

}  // namespace
