// End-to-end tests of `trigon report`: the sample corpus ingested, coded
// and reported; and the WEIS file imported (../shared; skipped when
// absent) and reported per year.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "testing/testing.h"

namespace {

using ReportRun = trigon::testing::ShellResult;

ReportRun RunTrigonCli(const std::string& args) {
  const std::string cmd = std::string(TRIGON_BINARY) + " " + args + " 2>&1";
  return trigon::testing::RunShell(cmd);
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// No resource is fetched from the network: no src= or href= to http(s),
// except plain <a href> links to documents.
void ExpectSelfContained(const std::string& html) {
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url(http"), std::string::npos);
  EXPECT_EQ(Count(html, "<script"), 1u);
  EXPECT_EQ(Count(html, "<script id=\"trigon-report-js\">"), 1u);
  for (size_t at = html.find("href=\"http"); at != std::string::npos;
       at = html.find("href=\"http", at + 1)) {
    EXPECT_EQ(html.rfind("<a ", at), html.rfind('<', at)) << "only anchors link out";
  }
}

void ExpectSections(const std::string& html) {
  for (const char* id : {"id=\"summary\"", "id=\"triangles\"", "id=\"timeline\"", "id=\"series\"",
                         "id=\"var\"", "id=\"evidence\"", "id=\"quality\""}) {
    EXPECT_NE(html.find(id), std::string::npos) << id;
  }
  EXPECT_EQ(Count(html, "class=\"series-chart\""), 6u);
}

TEST(ReportCliTest, SampleCorpus) {
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string db = dir + "/t.db";
  std::vector<std::string> files;
  for (const auto& e :
       std::filesystem::directory_iterator(trigon::testing::SourceDir() + "/data/sample/en")) {
    files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  files.resize(std::min<size_t>(files.size(), 12));
  std::string list;
  for (const std::string& f : files) list += " " + f;
  ReportRun ingest = RunTrigonCli("ingest" + list + " --db " + db + " --quiet");
  ASSERT_EQ(ingest.exit_code, 0) << ingest.out;
  ReportRun code = RunTrigonCli("code --db " + db + " --quiet");
  ASSERT_EQ(code.exit_code, 0) << code.out;
  const std::string out = dir + "/report.html";
  ReportRun r = RunTrigonCli("report --db " + db + " --period month --max-evidence 5 --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::string html = trigon::testing::ReadFileOrEmpty(out);
  ASSERT_FALSE(html.empty());
  ExpectSelfContained(html);
  ExpectSections(html);
  EXPECT_GE(Count(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"triangle\""), 1u);
  EXPECT_EQ(Count(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"triangle\""),
            Count(html, "<rect class=\"cell cfg-"));
  EXPECT_GE(Count(html, "<tr class=\"ev-row\""), 1u) << "evidence from the coded sentences";
  EXPECT_NE(html.find("data/sample/en/0"), std::string::npos) << "source paths cited";
  // Too few months for a VAR: the library's reason is shown instead.
  EXPECT_NE(html.find("id=\"var-unavailable\""), std::string::npos);
}

TEST(ReportCliTest, MissingDatabaseFails) {
  const std::string dir = trigon::testing::MakeTempDir();
  ReportRun r = RunTrigonCli("report --db " + dir + "/none.db --out " + dir + "/r.html");
  EXPECT_NE(r.exit_code, 0) << r.out;
  EXPECT_FALSE(std::filesystem::exists(dir + "/r.html"));
}

TEST(ReportCliTest, WeisPerYear) {
  const std::string shared = trigon::testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared absent";
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string db = dir + "/weis.db";
  ReportRun imp =
      RunTrigonCli("import " + shared + "/data/eventdata/weis_triangle_1966_1992.csv --db " + db);
  ASSERT_EQ(imp.exit_code, 0) << imp.out;
  const std::string out = dir + "/weis.html";
  ReportRun r =
      RunTrigonCli("report --db " + db + " --period year --scenario reverse-nixon --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::string html = trigon::testing::ReadFileOrEmpty(out);
  ExpectSelfContained(html);
  ExpectSections(html);
  EXPECT_EQ(Count(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"triangle\""), 27u);
  EXPECT_EQ(Count(html, "<rect class=\"cell cfg-"), 27u);
  EXPECT_NE(html.find("data-period=\"1973\" data-configuration=\"romantic_triangle\""),
            std::string::npos);
  EXPECT_NE(html.find("<g class=\"node pivot\" data-actor=\"USA\" data-role=\"pivot\">"),
            std::string::npos);
  EXPECT_NE(html.find("id=\"scenario\""), std::string::npos);
  EXPECT_NE(html.find("id=\"q-imported\""), std::string::npos);
  EXPECT_NE(html.find("<td>csv</td><td class=\"num\">12222</td>"), std::string::npos);
}

}  // namespace
