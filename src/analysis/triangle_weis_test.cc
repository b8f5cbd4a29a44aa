// Acceptance test on real data: WEIS events among the USA, the USSR (coded
// RUS) and China, 1966-1992 (../shared/data/eventdata/).  A plain loop in
// this file recomputes each year's undirected-dyad mean Goldstein and the
// configuration independently of the library; the library must agree, and
// the known history must show where the data support it.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "analysis/game.h"
#include "analysis/position.h"
#include "analysis/series.h"
#include "analysis/triangle.h"
#include "testing/testing.h"

namespace trigon::analysis {
namespace {

constexpr int kFirstYear = 1966;
constexpr int kLastYear = 1992;
constexpr double kBand = 0.5;
constexpr double kMinEvents = 3;

struct Row {
  std::string date, source, target, code;
  double goldstein = 0;
};

// A test-only reader for "date,source,target,weis_code,goldstein".
std::vector<Row> ReadWeis(const std::string& path) {
  std::vector<Row> rows;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "date,source,target,weis_code,goldstein");
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::stringstream ss(line);
    Row r;
    std::string g;
    std::getline(ss, r.date, ',');
    std::getline(ss, r.source, ',');
    std::getline(ss, r.target, ',');
    std::getline(ss, r.code, ',');
    std::getline(ss, g, ',');
    r.goldstein = std::stod(g);
    rows.push_back(std::move(r));
  }
  return rows;
}

// Independent reference: per year and unordered pair, sum and count.
struct Tally {
  double sum = 0;
  int n = 0;
};
std::string PairKey(std::string a, std::string b) {
  if (b < a) std::swap(a, b);
  return a + "-" + b;
}

// Hand-written configuration from three means and counts (pairs USA-RUS,
// USA-CHN, RUS-CHN); "" for an indeterminate year.  Returns "config/pivot".
std::string ReferenceConfig(const Tally t[3]) {
  int sign[3];
  for (int i = 0; i < 3; ++i) {
    if (t[i].n < kMinEvents) return "indeterminate";
    const double m = t[i].sum / t[i].n;
    sign[i] = m >= kBand ? 1 : (m <= -kBand ? -1 : 0);
    if (sign[i] == 0) return "indeterminate";
  }
  const char* names[3] = {"USA", "RUS", "CHN"};
  const int plus = (sign[0] > 0) + (sign[1] > 0) + (sign[2] > 0);
  if (plus == 3) return "menage_a_trois";
  if (plus == 0) return "unit_veto";
  if (plus == 2) {
    // Pivot: the actor in both amity pairs, i.e. not in the enmity pair.
    if (sign[0] < 0) return "romantic_triangle/CHN";
    if (sign[1] < 0) return "romantic_triangle/RUS";
    return "romantic_triangle/USA";
  }
  // Outcast: the actor not in the amity pair.
  const char* outcast =
      sign[0] > 0 ? names[2] : (sign[1] > 0 ? names[1] : names[0]);
  return std::string("stable_marriage/") + outcast;
}

class WeisTriangleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string shared = trigon::testing::SharedDir();
    if (shared.empty()) GTEST_SKIP() << "../shared is absent";
    rows_ = ReadWeis(shared + "/data/eventdata/weis_triangle_1966_1992.csv");
    ASSERT_EQ(rows_.size(), 12222u);
  }
  std::vector<Row> rows_;
};

TEST_F(WeisTriangleTest, YearlyTriangleMatchesHandComputation) {
  // Library input.
  std::vector<DyadEvent> events;
  for (size_t i = 0; i < rows_.size(); ++i) {
    Result<int32_t> day = ParseIsoDate(rows_[i].date);
    ASSERT_TRUE(day.ok()) << day.status().ToString();
    DyadEvent e;
    e.day = *day;
    e.source = rows_[i].source;
    e.target = rows_[i].target;
    e.goldstein = rows_[i].goldstein;
    e.quad = 0;  // WEIS has no quad class
    e.modality = "asserted";
    e.code = rows_[i].code;
    e.event_id = static_cast<int64_t>(i) + 2;  // the CSV line number
    events.push_back(std::move(e));
  }
  const Triad triad = {"USA", "RUS", "CHN"};
  Result<DyadSeries> series = BuildDyadSeries(events, triad, Period::kYear);
  ASSERT_TRUE(series.ok()) << series.status().ToString();
  ASSERT_EQ(series->rows.size(),
            static_cast<size_t>(kLastYear - kFirstYear + 1));
  TriangleOptions options;
  options.neutral_band = kBand;
  options.min_events = kMinEvents;
  Result<TriangleSeries> tri = ClassifyTriangle(*series, options);
  ASSERT_TRUE(tri.ok());

  // Reference: a plain loop over the CSV rows.
  std::map<std::pair<int, std::string>, Tally> ref;
  for (const Row& r : rows_) {
    Tally& t =
        ref[{std::stoi(r.date.substr(0, 4)), PairKey(r.source, r.target)}];
    t.sum += r.goldstein;
    ++t.n;
  }
  const char* kRefPairs[3] = {"RUS-USA", "CHN-USA", "CHN-RUS"};  // sorted keys

  std::map<int, std::string> config_by_year;
  std::printf(
      "year  USA-RUS mean(n) s conf  USA-CHN mean(n) s conf  "
      "RUS-CHN mean(n) s conf  configuration         pivot  "
      "roles USA/RUS/CHN\n");
  for (int year = kFirstYear; year <= kLastYear; ++year) {
    const TrianglePeriod& p =
        tri->periods[static_cast<size_t>(year - kFirstYear)];
    ASSERT_EQ(p.label, std::to_string(year));
    Tally t[3];
    for (int k = 0; k < 3; ++k) {
      t[k] = ref[{year, kRefPairs[k]}];
      const DyadAssessment& d = p.dyads[static_cast<size_t>(k)];
      EXPECT_EQ(d.events, t[k].n) << year << " " << d.pair;
      EXPECT_NEAR(d.statistic, t[k].sum / t[k].n, 1e-9)
          << year << " " << d.pair;
      EXPECT_GE(d.confidence, 0);
      EXPECT_LE(d.confidence, 1);
    }
    std::string got(ConfigurationName(p.configuration));
    if (p.pivot) got += "/" + triad[static_cast<size_t>(*p.pivot)];
    if (p.configuration == Configuration::kStableMarriage) {
      for (size_t a = 0; a < 3; ++a) {
        if (p.roles[a] == Role::kOutcast) got += "/" + triad[a];
      }
    }
    EXPECT_EQ(got, ReferenceConfig(t)) << year;
    config_by_year[year] = got;
    std::string cells;
    for (const DyadAssessment& d : p.dyads) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "%+.2f(%4d) %s %.2f  ", d.statistic,
                    static_cast<int>(d.events),
                    std::string(SignSymbol(d.sign)).c_str(), d.confidence);
      cells += buf;
    }
    std::printf("%d  %s%-20s  %-5s  %s/%s/%s\n", year, cells.c_str(),
                std::string(ConfigurationName(p.configuration)).c_str(),
                p.pivot ? triad[static_cast<size_t>(*p.pivot)].c_str() : "-",
                std::string(RoleName(p.roles[0])).c_str(),
                std::string(RoleName(p.roles[1])).c_str(),
                std::string(RoleName(p.roles[2])).c_str());
  }

  // 1969, the Ussuri border clashes: Sino-Soviet and Sino-American enmity;
  // US-Soviet relations are mixed (mean +0.13: neutral), so no
  // configuration.
  const TrianglePeriod& y1969 = tri->periods[1969 - kFirstYear];
  EXPECT_EQ(y1969.dyads[2].sign, Sign::kEnmity);  // RUS-CHN
  EXPECT_EQ(y1969.dyads[1].sign, Sign::kEnmity);  // USA-CHN
  EXPECT_EQ(y1969.dyads[0].status, DyadStatus::kNeutral);
  EXPECT_EQ(config_by_year[1969], "indeterminate");
  // 1972, Nixon in Beijing and Moscow: detente with Moscow shows first; the
  // China dyad's year is still net negative (-0.59).
  EXPECT_EQ(config_by_year[1972], "stable_marriage/CHN");
  // 1973, after the opening: the textbook romantic triangle, US pivot.
  EXPECT_EQ(config_by_year[1973], "romantic_triangle/USA");
  // 1979-1980, normalisation and Afghanistan: US-China marriage, USSR out.
  EXPECT_EQ(config_by_year[1979], "stable_marriage/RUS");
  EXPECT_EQ(config_by_year[1980], "stable_marriage/RUS");
  // 1984, Beijing's "independent foreign policy": China as pivot.
  EXPECT_EQ(config_by_year[1984], "romantic_triangle/CHN");
  // 1990: all three relations net cooperative.
  EXPECT_EQ(config_by_year[1990], "menage_a_trois");

  // The US position: pivot (6) in 1973, partner (4) in 1979.
  const std::array<ActorPosition, 3> pos = ActorPositions(*tri);
  EXPECT_EQ(pos[0].scores[1973 - kFirstYear], 6);
  EXPECT_EQ(pos[0].scores[1979 - kFirstYear], 4);
  EXPECT_FALSE(pos[0].scores[1969 - kFirstYear].has_value());
  // Game view of 1979: the outcast USSR would do best courting both.
  const GameAnalysis g = AnalyseGame(tri->periods[1979 - kFirstYear]);
  EXPECT_EQ(g.actors[1].current, Role::kOutcast);
  EXPECT_EQ(g.actors[1].best, Role::kFriend);

  // Every event id is traceable: the cells hold all 12,222 rows once.
  size_t ids = 0;
  for (const PeriodRow& r : series->rows) {
    for (const DyadCell& c : r.cells) ids += c.event_ids.size();
  }
  EXPECT_EQ(ids, rows_.size());
}

}  // namespace
}  // namespace trigon::analysis
