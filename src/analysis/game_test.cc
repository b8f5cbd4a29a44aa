#include "analysis/game.h"

#include <gtest/gtest.h>

#include <string>

namespace trigon::analysis {
namespace {

// The expected table, derived by hand from Wu's ranking (pivot 6, friend 5,
// partner 4, wing 3, foe 2, outcast 1).  Actors A, B, C = 0, 1, 2; signs
// are in kPairs order AB, AC, BC.  Each actor controls its two relations
// and tries all four sign choices for them:
//  +++  friends.  Flipping one relation makes it a wing (3), both an
//       outcast (1): no one improves.  The only stable configuration.
//  ++-  A pivot (already the best).  B and C are wings; by befriending each
//       other they reach +++ and become friends (5).
//  +-+, -++  likewise with B, resp. C as pivot.
//  +--  A-B partners, C outcast.  A courts C (AC +) and becomes pivot; B
//       courts C (BC +) likewise; C courts both and becomes a friend.
//  -+-, --+  likewise.
//  ---  foes.  Each befriends both others and becomes pivot (6).
// A flip is written "<other actor><new sign>", e.g. "C+".
struct Row {
  const char* signs;
  const char* configuration;
  Role current[3];
  Role best[3];
  const char* flips[3];
  bool stable;
};

constexpr Role P = Role::kPivot, F = Role::kFriend, Pa = Role::kPartner,
               W = Role::kWing, Fo = Role::kFoe, O = Role::kOutcast;

// One row per pattern reads as a table.
// clang-format off
const Row kExpected[] = {
    {"+++", "menage_a_trois", {F, F, F}, {F, F, F}, {"", "", ""}, true},
    {"++-", "romantic_triangle", {P, W, W}, {P, F, F}, {"", "C+", "B+"}, false},
    {"+-+", "romantic_triangle", {W, P, W}, {F, P, F}, {"C+", "", "A+"}, false},
    {"-++", "romantic_triangle", {W, W, P}, {F, F, P}, {"B+", "A+", ""}, false},
    {"+--", "stable_marriage", {Pa, Pa, O}, {P, P, F}, {"C+", "C+", "A+B+"}, false},
    {"-+-", "stable_marriage", {Pa, O, Pa}, {P, F, P}, {"B+", "A+C+", "B+"}, false},
    {"--+", "stable_marriage", {O, Pa, Pa}, {F, P, P}, {"B+C+", "A+", "A+"}, false},
    {"---", "unit_veto", {Fo, Fo, Fo}, {P, P, P}, {"B+C+", "A+C+", "A+B+"}, false},
};
// clang-format on

std::string FlipText(const std::vector<Flip>& flips) {
  std::string out;
  for (const Flip& f : flips) {
    out += static_cast<char>('A' + f.other);
    out += SignSymbol(f.to);
  }
  return out;
}

const Row& Expected(const std::array<Sign, kNumPairs>& signs) {
  std::string key;
  for (Sign s : signs)
    key += s == Sign::kAmity ? '+' : '-';  // 0 -> "not amity"
  for (const Row& r : kExpected) {
    if (key == r.signs) return r;
  }
  ADD_FAILURE() << "no row for " << key;
  return kExpected[0];
}

TEST(GameTest, AllTwentySevenSignPatterns) {
  const Sign kAll[] = {Sign::kEnmity, Sign::kNeutral, Sign::kAmity};
  int stable = 0;
  for (Sign ab : kAll) {
    for (Sign ac : kAll) {
      for (Sign bc : kAll) {
        const std::array<Sign, kNumPairs> signs = {ab, ac, bc};
        const Row& want = Expected(signs);
        const GameAnalysis g = AnalyseGame(signs);
        const std::string name = std::string(SignSymbol(ab)) +
                                 std::string(SignSymbol(ac)) +
                                 std::string(SignSymbol(bc));
        SCOPED_TRACE(name);
        EXPECT_EQ(ConfigurationName(g.configured.configuration),
                  want.configuration);
        EXPECT_EQ(g.nash_stable, want.stable);
        for (size_t i = 0; i < 3; ++i) {
          EXPECT_EQ(g.assumed_enmity[i], signs[i] == Sign::kNeutral);
        }
        for (size_t a = 0; a < 3; ++a) {
          EXPECT_EQ(RoleName(g.actors[a].current), RoleName(want.current[a]))
              << "actor " << a;
          EXPECT_EQ(RoleName(g.actors[a].best), RoleName(want.best[a]))
              << "actor " << a;
          EXPECT_EQ(FlipText(g.actors[a].flips), want.flips[a])
              << "actor " << a;
          EXPECT_EQ(g.actors[a].can_improve, want.current[a] != want.best[a]);
        }
        if (g.nash_stable) ++stable;
      }
    }
  }
  EXPECT_EQ(stable, 1);  // only all-amity
}

TEST(GameTest, RussiaCourtsChinaInAUsRussiaMarriage) {
  // Triad {USA, RUS, CHN}: USA-RUS +, USA-CHN -, RUS-CHN -.
  TrianglePeriod p;
  p.dyads[0].sign = Sign::kAmity;
  p.dyads[1].sign = Sign::kEnmity;
  p.dyads[2].sign = Sign::kEnmity;
  const GameAnalysis g = AnalyseGame(p);
  EXPECT_EQ(g.configured.configuration, Configuration::kStableMarriage);
  EXPECT_EQ(g.actors[1].current, Role::kPartner);
  EXPECT_EQ(g.actors[1].best, Role::kPivot);
  ASSERT_EQ(g.actors[1].flips.size(), 1u);
  EXPECT_EQ(g.actors[1].flips[0].other, 2);
  EXPECT_EQ(g.actors[1].flips[0].to, Sign::kAmity);
  EXPECT_EQ(g.actors[2].current, Role::kOutcast);
  EXPECT_EQ(g.actors[2].best, Role::kFriend);
}

}  // namespace
}  // namespace trigon::analysis
