#include "server/api_handlers.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <map>
#include <set>
#include <string>

#include "report/report_model.h"
#include "server/dashboard_page.h"
#include "server/report_builder.h"
#include "server/test_database.h"
#include "store/database.h"
#include "testing/testing.h"

namespace trigon::server {
namespace {

using simdjson::dom::element;

class ApiHandlersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = new std::string(trigon::testing::MakeTempDir() + "/api.db");
    testing::WriteTestDatabase(*path_);
  }
  static void TearDownTestSuite() { delete path_; }
  void SetUp() override {
    store::StoreOptions so;
    so.read_only = true;
    auto db = store::Database::Open(*path_, so);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
  }

  // Parses the body (it must be JSON) and keeps it alive in parser_.
  element Parse(const ApiResponse& r) {
    EXPECT_EQ(r.content_type, kJsonType);
    element doc;
    const auto error = parser_.parse(r.body).get(doc);
    EXPECT_EQ(error, simdjson::SUCCESS) << r.body;
    return doc;
  }
  std::string ErrorOf(const ApiResponse& r) {
    std::string_view s;
    if (Parse(r)["error"].get(s) != simdjson::SUCCESS) return "";
    return std::string(s);
  }
  // Ids of the "events" array of a search response.
  std::set<int64_t> EventIds(const ApiResponse& r) {
    std::set<int64_t> ids;
    simdjson::dom::array events;
    if (Parse(r)["events"].get(events) != simdjson::SUCCESS) return ids;
    for (element e : events) ids.insert(int64_t(e["id"]));
    return ids;
  }
  int64_t Total(const ApiResponse& r) {
    int64_t total = -1;
    if (Parse(r)["total"].get(total) != simdjson::SUCCESS) return -1;
    return total;
  }
  int64_t EventIdByCode(const std::string& code) {
    store::EventRepository repo(*db_);
    auto all = repo.Query({});
    EXPECT_TRUE(all.ok());
    for (const auto& e : *all) {
      if (e.event.code == code) return e.id;
    }
    return 0;
  }

  static std::string* path_;
  std::unique_ptr<store::Database> db_;
  simdjson::dom::parser parser_;
};

std::string* ApiHandlersTest::path_ = nullptr;

TEST_F(ApiHandlersTest, SummaryCountsTheWholeDatabase) {
  const ApiResponse r = HandleSummary(*db_, {}, "test.db");
  ASSERT_EQ(r.status, 200) << r.body;
  element s = Parse(r);
  EXPECT_EQ(int64_t(s["documents"]), 2);
  EXPECT_EQ(int64_t(s["events"]), 11);
  EXPECT_EQ(std::string_view(s["first_event_date"]), "2022-03-02");
  EXPECT_EQ(std::string_view(s["last_event_date"]), "2022-04-10");
  EXPECT_EQ(std::string_view(s["database"]), "test.db");
  EXPECT_EQ(HandleSummary(*db_, {{"x", "1"}}, "t").status, 400);
}

TEST_F(ApiHandlersTest, TriangleAndSeriesFollowTheReportModel) {
  const Params p = {{"period", "month"}};
  const ApiResponse tri = HandleTriangle(*db_, p);
  ASSERT_EQ(tri.status, 200) << tri.body;
  ReportOptions o;
  o.period = analysis::Period::kMonth;
  o.with_var = false;
  auto model = BuildReportModel(*db_, o);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  element t = Parse(tri);
  simdjson::dom::array periods = t["periods"];
  ASSERT_EQ(periods.size(), model->periods.size());
  size_t i = 0;
  for (element p : periods) {
    const report::PeriodView& want = model->periods[i++];
    EXPECT_EQ(std::string_view(p["period"]), want.label);
    EXPECT_EQ(std::string_view(p["configuration"]), want.configuration);
    simdjson::dom::array pairs = p["pairs"];
    EXPECT_EQ(pairs.size(), 3u);
  }
  EXPECT_EQ(int64_t(t["events"]), model->events);

  const ApiResponse ser = HandleSeries(*db_, p);
  ASSERT_EQ(ser.status, 200) << ser.body;
  element s = Parse(ser);
  i = 0;
  for (element p : simdjson::dom::array(s["periods"])) {
    size_t d = 0;
    for (element c : simdjson::dom::array(p["cells"])) {
      EXPECT_EQ(int64_t(c["events"]), model->periods[i].cells[d].events);
      EXPECT_DOUBLE_EQ(double(c["goldstein_sum"]), model->periods[i].cells[d].goldstein_sum);
      EXPECT_EQ(std::string_view(c["dyad"]), model->dyads[d]);
      ++d;
    }
    ++i;
  }
}

TEST_F(ApiHandlersTest, AnalyticsParametersAreValidated) {
  struct Case {
    Params params;
    const char* message;
  };
  const Case cases[] = {
      {{{"period", "fortnight"}}, "period: expected day, week, month, quarter or year"},
      {{{"actors", "USA,RUS"}}, "actors: expected three actor codes"},
      {{{"from", "2022-02-30"}}, "from: expected a date"},
      {{{"from", "2022-05-01"}, {"to", "2022-04-01"}}, "is after to"},
      {{{"band", "-1"}}, "band: expected a number from 0 to 10"},
      {{{"origin", "weis"}}, "origin: expected trigon"},
      {{{"colour", "red"}}, "unknown parameter 'colour'"},
  };
  for (const Case& c : cases) {
    for (auto* handler : {&HandleTriangle, &HandleSeries}) {
      const ApiResponse r = handler(*db_, c.params);
      EXPECT_EQ(r.status, 400) << r.body;
      EXPECT_NE(ErrorOf(r).find(c.message), std::string::npos) << r.body;
    }
  }
  // Too many periods for one response: a 400 that says what to do.
  const ApiResponse r = HandleSeries(*db_, {{"period", "day"}, {"from", "1900-01-01"}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(ErrorOf(r).find("coarser period"), std::string::npos) << r.body;
}

TEST_F(ApiHandlersTest, DrillDownListsExactlyTheCellsEvents) {
  // The report's own model with every evidence row: each cell's event ids
  // must be what /api/events returns for that dyad and period.
  for (const char* period : {"day", "week", "month", "quarter", "year"}) {
    ReportOptions o;
    o.period = *analysis::ParsePeriod(period);
    o.with_var = false;
    o.max_evidence = 1000;
    auto model = BuildReportModel(*db_, o);
    ASSERT_TRUE(model.ok()) << model.status().ToString();
    int64_t cells_with_events = 0;
    for (const report::PeriodView& p : model->periods) {
      std::set<int64_t> period_ids;
      for (size_t d = 0; d < 6; ++d) {
        const report::SeriesCell& cell = p.cells[d];
        std::set<int64_t> want;
        for (const report::EvidenceRow& e : cell.evidence) want.insert(e.event_id);
        period_ids.insert(want.begin(), want.end());
        const ApiResponse r =
            HandleEvents(*db_, {{"dyad", model->dyads[d]}, {"period", p.label}, {"limit", "500"}});
        ASSERT_EQ(r.status, 200) << r.body;
        EXPECT_EQ(Total(r), cell.events) << period << " " << p.label << " " << model->dyads[d];
        EXPECT_EQ(EventIds(r), want) << period << " " << p.label << " " << model->dyads[d];
        cells_with_events += cell.events > 0;
      }
      const ApiResponse all = HandleEvents(*db_, {{"period", p.label}, {"limit", "500"}});
      EXPECT_EQ(EventIds(all), period_ids) << p.label;
    }
    EXPECT_GT(cells_with_events, 0) << period;
  }
  // The hypothetical RUS->USA event is not in the cell but is searchable.
  const ApiResponse cell = HandleEvents(*db_, {{"dyad", "RUS->USA"}, {"period", "2022-03"}});
  EXPECT_EQ(Total(cell), 0);
  const ApiResponse hyp = HandleEvents(*db_, {{"modality", "hypothetical"}});
  EXPECT_EQ(Total(hyp), 1);
}

TEST_F(ApiHandlersTest, SearchFiltersCombine) {
  EXPECT_EQ(Total(HandleEvents(*db_, {})), 11);
  EXPECT_EQ(Total(HandleEvents(*db_, {{"actor", "USA"}})), 5);
  EXPECT_EQ(Total(HandleEvents(*db_, {{"source", "USAGOV"}})), 2);
  EXPECT_EQ(Total(HandleEvents(*db_, {{"target", "RUS"}})), 6);
  EXPECT_EQ(Total(HandleEvents(*db_, {{"code", "040"}})), 5);
  EXPECT_EQ(Total(HandleEvents(*db_, {{"root", "16"}})), 1);
  EXPECT_EQ(Total(HandleEvents(*db_, {{"lang", "zh-Hans"}})), 6);
  EXPECT_EQ(Total(HandleEvents(*db_, {{"origin", "csv"}})), 1);
  EXPECT_EQ(Total(HandleEvents(*db_, {{"from", "2022-03-10"}, {"to", "2022-03-31"}})), 2);
  // Free text: sentence (case-insensitive), evidence, title, Chinese.
  EXPECT_EQ(Total(HandleEvents(*db_, {{"q", "SANCTIONS"}})), 4);  // the title matches all 4
  EXPECT_EQ(Total(HandleEvents(*db_, {{"q", "offered aid"}})), 1);
  EXPECT_EQ(Total(HandleEvents(*db_, {{"q", "再次"}})), 2);
  EXPECT_EQ(Total(HandleEvents(*db_, {{"q", "weis.csv"}})), 1);
  EXPECT_EQ(Total(HandleEvents(*db_, {{"q", "nothing like this"}})), 0);
  EXPECT_EQ(Total(HandleEvents(*db_, {{"actor", "CHN"}, {"code", "040"}, {"lang", "zh-Hans"}})), 5);
}

TEST_F(ApiHandlersTest, SearchPagesAreStableAndBounded) {
  const ApiResponse first = HandleEvents(*db_, {{"limit", "4"}});
  const ApiResponse second = HandleEvents(*db_, {{"limit", "4"}, {"offset", "4"}});
  const ApiResponse past = HandleEvents(*db_, {{"limit", "4"}, {"offset", "400"}});
  const auto a = EventIds(first), b = EventIds(second);
  EXPECT_EQ(a.size(), 4u);
  EXPECT_EQ(b.size(), 4u);
  for (int64_t id : a) EXPECT_FALSE(b.count(id));
  EXPECT_TRUE(EventIds(past).empty());
  EXPECT_EQ(Total(past), 11);
  // Oldest first by the date text ("2022-04", a month only, sorts before
  // the days of April).
  simdjson::dom::array events = Parse(HandleEvents(*db_, {{"limit", "500"}}))["events"];
  std::string previous;
  bool saw_null = false;
  for (element e : events) {
    if (e["date"].is_null()) {
      saw_null = true;
      continue;
    }
    std::string_view date = e["date"];
    EXPECT_FALSE(saw_null) << "dated after undated";
    EXPECT_LE(previous, std::string(date));
    previous = std::string(date);
  }
}

TEST_F(ApiHandlersTest, BadSearchParametersGet400WithTheParameterNamed) {
  const std::pair<Params, const char*> cases[] = {
      {{{"limit", "501"}}, "limit: expected an integer from 1 to 500"},
      {{{"limit", "0"}}, "limit:"},
      {{{"offset", "-5"}}, "offset:"},
      {{{"from", "2022-13-01"}}, "from: expected a date"},
      {{{"to", "tomorrow"}}, "to: expected a date"},
      {{{"code", "12345"}}, "code:"},
      {{{"root", "99"}}, "root:"},
      {{{"modality", "alleged"}}, "modality:"},
      {{{"q", std::string(201, 'x')}}, "q:"},
      {{{"dyad", "USA->RUS"}}, "dyad: needs a period"},
      {{{"dyad", "USA->IND"}, {"period", "2022-03"}}, "dyad:"},
      {{{"period", "March"}}, "period: expected a period label"},
      {{{"actors", "USA,USA,CHN"}, {"period", "2022"}}, "actors:"},
      {{{"sort", "date"}}, "unknown parameter 'sort'"},
  };
  for (const auto& [params, message] : cases) {
    const ApiResponse r = HandleEvents(*db_, params);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_NE(ErrorOf(r).find(message), std::string::npos) << r.body;
  }
}

TEST_F(ApiHandlersTest, EventWithEvidence) {
  const int64_t id = EventIdByCode("163");
  ASSERT_GT(id, 0);
  const ApiResponse r = HandleEvent(*db_, std::to_string(id), {});
  ASSERT_EQ(r.status, 200) << r.body;
  element e = Parse(r);
  EXPECT_EQ(std::string_view(e["sentence"]), "Washington imposed sanctions on Moscow.");
  EXPECT_EQ(std::string_view(e["doc_title"]), testing::kHostileTitle);
  EXPECT_EQ(std::string_view(e["doc_id"]), testing::kDocEn);
  simdjson::dom::array ev = e["evidence"];
  ASSERT_EQ(ev.size(), 3u);
  EXPECT_EQ(HandleEvent(*db_, "999999", {}).status, 404);
  EXPECT_EQ(HandleEvent(*db_, "abc", {}).status, 400);
  EXPECT_EQ(HandleEvent(*db_, "1", {{"x", "y"}}).status, 400);
  // Imported: no document, the file and line instead.
  const ApiResponse imp = HandleEvent(*db_, std::to_string(EventIdByCode("112")), {});
  ASSERT_EQ(imp.status, 200);
}

TEST_F(ApiHandlersTest, DocumentSegmentsCoverTheTextAndMarkEvidence) {
  const ApiResponse r = HandleDocument(*db_, testing::kDocEn, {});
  ASSERT_EQ(r.status, 200) << r.body;
  element d = Parse(r);
  EXPECT_EQ(std::string_view(d["title"]), testing::kHostileTitle);
  std::string text;
  std::map<std::string, std::string> marked;  // evidence text -> kinds
  std::string removed;
  for (element s : simdjson::dom::array(d["segments"])) {
    const std::string_view piece = s["text"];
    text += piece;
    const std::string_view kind = s["kind"];
    if (kind == "evidence") {
      std::string kinds;
      for (element k : simdjson::dom::array(s["evidence"])) kinds += std::string(std::string_view(k)) + " ";
      marked[std::string(piece)] = kinds;
    } else if (kind == "removed") {
      removed += piece;
      EXPECT_EQ(std::string_view(s["reason"]), "recommendations");
    }
  }
  auto full = db_->LoadDocument(testing::kDocEn);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(text, full->text);
  EXPECT_EQ(marked["imposed sanctions"], "trigger ");
  EXPECT_EQ(marked["Washington"], "source ");
  EXPECT_EQ(marked["signed"], "trigger ");
  EXPECT_EQ(removed, "Recommended: ad text");

  // With a focus event only its evidence is marked.
  const int64_t aid = EventIdByCode("036");
  const ApiResponse focus = HandleDocument(*db_, "aaaa0000", {{"event", std::to_string(aid)}});
  ASSERT_EQ(focus.status, 200) << focus.body;
  int marks = 0;
  for (element s : simdjson::dom::array(Parse(focus)["segments"])) {
    if (std::string_view(s["kind"]) == "evidence") {
      ++marks;
      EXPECT_EQ(std::string_view(s["text"]), "offered aid");
    }
  }
  EXPECT_EQ(marks, 1);
}

TEST_F(ApiHandlersTest, DocumentErrors) {
  EXPECT_EQ(HandleDocument(*db_, "cccc0000", {}).status, 404);
  EXPECT_EQ(HandleDocument(*db_, "../etc", {}).status, 400);
  EXPECT_EQ(HandleDocument(*db_, testing::kDocEn, {{"event", "x"}}).status, 400);
  const ApiResponse other = HandleDocument(*db_, testing::kDocZh,
                                           {{"event", std::to_string(EventIdByCode("163"))}});
  EXPECT_EQ(other.status, 400);
  EXPECT_NE(ErrorOf(other).find("is not an event of document"), std::string::npos);
  // Chinese segments are cut at character boundaries.
  const ApiResponse zh = HandleDocument(*db_, testing::kDocZh, {});
  ASSERT_EQ(zh.status, 200);
  bool found = false;
  for (element s : simdjson::dom::array(Parse(zh)["segments"])) {
    found = found || std::string_view(s["text"]) == "会谈";
  }
  EXPECT_TRUE(found) << zh.body;
}

TEST_F(ApiHandlersTest, DocumentPageEscapesEverything) {
  const int64_t id = EventIdByCode("057");
  const ApiResponse r = HandleDocumentPage(*db_, testing::kDocEn, {{"event", std::to_string(id)}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, kHtmlType);
  const std::string& html = r.body;
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("onmouseover="), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert"), std::string::npos);
  EXPECT_NE(html.find("id=\"document\""), std::string::npos);
  EXPECT_NE(html.find("<mark class=\"evidence\" data-kind=\"trigger\" data-event-ids=\"" +
                      std::to_string(id) + "\">signed</mark>"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"removed\" data-reason=\"recommendations\""),
            std::string::npos);
  const ApiResponse missing = HandleDocumentPage(*db_, "cccc0000", {});
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.content_type, kHtmlType);
  const ApiResponse zh = HandleDocumentPage(*db_, testing::kDocZh, {});
  EXPECT_NE(zh.body.find("href=\"https://example.com/zh?a&#61;1&amp;b&#61;2\""),
            std::string::npos);
}

TEST(DashboardPageTest, ScriptNeverParsesDataAsHtml) {
  const std::string js = DashboardScript();
  EXPECT_EQ(js.find("innerHTML"), std::string::npos);
  EXPECT_EQ(js.find("outerHTML"), std::string::npos);
  EXPECT_EQ(js.find("insertAdjacentHTML"), std::string::npos);
  EXPECT_EQ(js.find("document.write"), std::string::npos);
  EXPECT_EQ(js.find("eval("), std::string::npos);
  const std::string html = DashboardHtml();
  for (const char* id : {"id=\"triangle-periods\"", "id=\"series-chart\"", "id=\"search-form\"",
                         "id=\"results\"", "id=\"view-form\"", "id=\"status\"", "id=\"error\"",
                         "id=\"results-count\"", "id=\"prev-page\"", "id=\"next-page\"",
                         "<script src=\"/dashboard.js\"></script>"}) {
    EXPECT_NE(html.find(id), std::string::npos) << id;
  }
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));  // no remote loads
  EXPECT_EQ(html.find("https://"), std::string::npos);
}

}  // namespace
}  // namespace trigon::server
