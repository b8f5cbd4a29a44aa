#include "pipeline/analysis_input.h"

#include <gtest/gtest.h>

#include "pipeline/dyad_var.h"

namespace trigon::pipeline {
namespace {

store::StoredEvent Stored(int64_t id, const std::string& date, const std::string& s,
                          const std::string& t, double goldstein, const std::string& doc = "") {
  store::StoredEvent e;
  e.id = id;
  e.origin = doc.empty() ? "csv" : "trigon";
  e.doc_id = doc;
  e.event.date = date;
  e.event.source_country = s;
  e.event.target_country = t;
  e.event.goldstein = goldstein;
  e.event.quad_class = goldstein >= 0 ? 1 : 3;
  e.event.code = "040";
  return e;
}

TEST(ParseTriadTest, NeedsThreeDifferentCodes) {
  auto ok = ParseTriad("USA,RUS,CHN");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ((*ok)[2], "CHN");
  for (const char* bad : {"USA,RUS", "USA,RUS,USA", "USA,,CHN", "USA,RUS,CHN,GBR", ""}) {
    auto r = ParseTriad(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find(std::string("'") + bad + "'"), std::string::npos);
  }
}

TEST(AnalysisInputFromEventsTest, CountsFullDatesAndMapsStories) {
  const std::vector<store::StoredEvent> rows = {
      Stored(1, "2023-01-05", "USA", "RUS", -4, "doc-a"),
      Stored(2, "2023-01", "USA", "CHN", 2, "doc-a"),  // month only: undated
      Stored(3, "2023-02-10", "CHN", "RUS", 3, "doc-b"),
      Stored(4, "2023-02-11", "GBR", "RUS", 1),  // outside the triad: volume only
  };
  const AnalysisInput in =
      AnalysisInputFromEvents(rows, {"USA", "RUS", "CHN"}, {{"doc-b", "doc-a"}});
  EXPECT_EQ(in.undated, 1);
  ASSERT_EQ(in.events.size(), 3u);
  EXPECT_EQ(in.events[0].story, "doc-a");
  EXPECT_EQ(in.events[1].story, "doc-a");  // doc-b's story representative
  EXPECT_EQ(in.events[2].story, "");       // imported: its own story
  EXPECT_EQ(in.events[1].event_id, 3);
  EXPECT_EQ(in.origins, (std::vector<std::string>{"csv", "trigon"}));
  EXPECT_TRUE(in.series_options.only_modality.empty());
  EXPECT_FALSE(in.series_options.weight_stories);
  EXPECT_EQ(DyadLabel(in.triad, 5), "CHN->RUS");
}

TEST(FitDyadVarTest, RefusesAnEmptyTriad) {
  AnalysisInput in;
  in.triad = {"USA", "RUS", "CHN"};
  auto fitted = FitDyadVar(in, VarSpec{});
  ASSERT_FALSE(fitted.ok());
  EXPECT_NE(fitted.status().message().find("no events among the three actors"),
            std::string::npos);
  VarSpec bad_period;
  bad_period.period = "decade";
  EXPECT_FALSE(FitDyadVar(in, bad_period).ok());
}

}  // namespace
}  // namespace trigon::pipeline
