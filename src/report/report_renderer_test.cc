#include "report/report_renderer.h"

#include <gtest/gtest.h>

#include <string>

namespace trigon::report {
namespace {

size_t CountOf(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

EvidenceRow Row(int64_t id, const std::string& sentence, const std::string& title,
                const std::string& url) {
  EvidenceRow r;
  r.event_id = id;
  r.date = "2022-02-04";
  r.code = "057";
  r.goldstein = 8;
  r.modality = "asserted";
  r.sentence = sentence;
  r.doc_title = title;
  r.doc_date = "2022-02-04";
  r.url = url;
  r.source_path = "data/sample/en/001.txt";
  return r;
}

// Three periods; period p has p + 1 events in dyad 0 and none elsewhere.
ReportModel SampleModel(int max_evidence) {
  ReportModel m;
  m.database = "test.db";
  m.period = "month";
  m.origins = {"trigon"};
  m.origin_filter = "all";
  m.dyads = {"USA->RUS", "RUS->USA", "USA->CHN", "CHN->USA", "RUS->CHN", "CHN->RUS"};
  m.max_evidence = max_evidence;
  const char* labels[] = {"2022-01", "2022-02", "2022-03"};
  for (int p = 0; p < 3; ++p) {
    PeriodView v;
    v.label = labels[p];
    v.configuration = p == 1 ? "romantic_triangle" : "indeterminate";
    v.pivot = p == 1 ? 0 : -1;
    v.roles = p == 1
                  ? std::array<std::string, 3>{"pivot", "wing", "wing"}
                  : std::array<std::string, 3>{"indeterminate", "indeterminate", "indeterminate"};
    v.sparse = p != 1;
    v.reason = p != 1 ? "USA-RUS insufficient (1 < 3 events)" : "";
    v.pairs = {PairView{0, 1, "amity", 2.5, 4}, PairView{0, 2, "amity", 1, 3},
               PairView{1, 2, p == 1 ? "enmity" : "insufficient", -3, 3}};
    SeriesCell& c = v.cells[0];
    c.events = p + 1;
    c.evidence_total = p + 1;
    for (int e = 0; e <= p; ++e) {
      if (static_cast<int>(c.evidence.size()) < max_evidence) {
        c.evidence.push_back(Row(p * 10 + e, "Sentence " + std::to_string(e), "Title", ""));
      }
    }
    c.goldstein_sum = 8.0 * (p + 1);
    c.cooperation = c.goldstein_sum;
    c.top = c.evidence;
    m.periods.push_back(v);
  }
  m.var.why_not = "too few periods (3) for a VAR with 6 series";
  return m;
}

TEST(ReportRendererTest, OneTriangleAndTimelineCellPerPeriod) {
  const std::string html = RenderReport(SampleModel(10));
  EXPECT_EQ(CountOf(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"triangle\""), 3u);
  EXPECT_EQ(CountOf(html, "<rect class=\"cell cfg-"), 3u);
  EXPECT_EQ(CountOf(html, "class=\"node pivot\""), 1u);
  EXPECT_EQ(CountOf(html, "class=\"edge edge-enmity\""), 1u);
  EXPECT_EQ(CountOf(html, "class=\"edge edge-insufficient\""), 2u);
  EXPECT_EQ(CountOf(html, "class=\"series-chart\""), 6u);
  for (const char* id : {"id=\"summary\"", "id=\"triangles\"", "id=\"timeline\"", "id=\"series\"",
                         "id=\"var\"", "id=\"evidence\"", "id=\"quality\""}) {
    EXPECT_NE(html.find(id), std::string::npos) << id;
  }
  EXPECT_EQ(html.find("id=\"scenario\""), std::string::npos) << "not requested";
  EXPECT_NE(html.find("id=\"var-unavailable\""), std::string::npos);
  EXPECT_NE(html.find("too few periods (3)"), std::string::npos);
  EXPECT_NE(html.find("data-count=\"2\""), std::string::npos) << "two sparse periods";
}

TEST(ReportRendererTest, EvidenceRowsAreCappedWithANote) {
  const std::string all = RenderReport(SampleModel(10));
  EXPECT_EQ(CountOf(all, "<tr class=\"ev-row\""), 6u);  // 1 + 2 + 3
  EXPECT_EQ(CountOf(all, "<details class=\"evidence\""), 3u);
  EXPECT_EQ(CountOf(all, "class=\"more\""), 0u);
  const std::string capped = RenderReport(SampleModel(2));
  EXPECT_EQ(CountOf(capped, "<tr class=\"ev-row\""), 5u);  // 1 + 2 + 2
  EXPECT_NE(capped.find("<p class=\"more\">1 more</p>"), std::string::npos);
}

TEST(ReportRendererTest, HoverTitlesNameTopEvents) {
  const std::string html = RenderReport(SampleModel(10));
  EXPECT_NE(html.find("2022-03 USA-&gt;RUS: Goldstein sum 24"), std::string::npos);
  EXPECT_NE(html.find("2022-02-04 057 (8) Sentence 2"), std::string::npos);
}

TEST(ReportRendererTest, UntrustedTextCannotExecute) {
  ReportModel m = SampleModel(10);
  const std::string evil_title =
      "<script>alert(1)</script>\"onmouseover=\"alert(1)</title><script>";
  const std::string evil_sentence = "\"onmouseover=\"alert(1) </title><script>alert(2)</script>";
  SeriesCell& c = m.periods[2].cells[0];
  c.evidence.push_back(Row(99, evil_sentence, evil_title, "javascript:alert(1)"));
  c.evidence.push_back(Row(100, evil_sentence, evil_title, "https://example.org/\"onmouseover=x"));
  c.evidence.push_back(Row(101, "ok", "ok", "https://example.org/story"));
  c.top = c.evidence;
  c.evidence_total = static_cast<int64_t>(c.evidence.size());
  m.periods[2].label = "<script>p</script>";
  m.periods[2].reason = evil_title;
  m.database = evil_title;
  m.input = evil_sentence;
  m.actors[2] = "\"onmouseover=\"alert(1)";
  m.var.why_not = evil_sentence;
  const std::string html = RenderReport(m);

  // Only our own script block.
  EXPECT_EQ(CountOf(html, "<script"), 1u);
  EXPECT_EQ(CountOf(html, std::string("<script id=\"") + kScriptId + "\">"), 1u);
  EXPECT_EQ(CountOf(html, "</script>"), 1u);
  EXPECT_EQ(html.find("onmouseover="), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos);
  EXPECT_EQ(html.find("javascript:alert(1)\""), std::string::npos);
  // An SVG <title> is closed only by our own markup.
  EXPECT_EQ(html.find("</title><script>"), std::string::npos);
  EXPECT_EQ(CountOf(html, "<title>"), CountOf(html, "</title>"));
  // The http link survives (escaped), the javascript: one is not a link.
  EXPECT_NE(html.find("href=\"https://example.org/story\""), std::string::npos);
  EXPECT_EQ(CountOf(html, "href=\"https://"), 1u) << "the URL with a quote is not linked";
  // The text is still shown, escaped.
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
}

TEST(ReportRendererTest, ScenarioAndVarSectionsWhenEstimated) {
  ReportModel m = SampleModel(5);
  m.var.estimated = true;
  m.var.lags = 1;
  m.var.periods = 30;
  m.var.nobs = 29;
  m.var.maxlags = 4;
  m.var.bootstrap = 200;
  VarDyadRow row;
  row.dyad = "USA->RUS";
  row.has_reciprocity = true;
  row.reciprocity_p = 0.01;
  m.var.dyads = {row};
  Path path{{0, 1, 0.5}, {-1, 0, 0}, {1, 2, 1}};
  m.var.irf.assign(6, std::vector<Path>(6, path));
  m.scenario.requested = true;
  m.scenario.estimated = true;
  m.scenario.name = "reverse-nixon";
  m.scenario.effects = {{"RUS->CHN", path}, {"CHN->RUS", path}};
  m.scenario.before = "stable_marriage";
  m.scenario.after = "romantic_triangle";
  const std::string html = RenderReport(m);
  EXPECT_EQ(CountOf(html, "class=\"irf-chart\""), 36u);
  EXPECT_EQ(CountOf(html, "class=\"scenario-chart\""), 2u);
  EXPECT_EQ(CountOf(html, "<polygon class=\"band\""), 38u);
  EXPECT_EQ(CountOf(html, "<tr class=\"var-row\""), 1u);
  EXPECT_NE(html.find("id=\"scenario\""), std::string::npos);
  EXPECT_NE(html.find("class=\"num sig\">0.0100"), std::string::npos);
}

}  // namespace
}  // namespace trigon::report
