#pragma once
// Dittmer's strategic triangle per period (Dittmer 1981, World Politics
// 33(4)), with Wu's (1996) ranking of roles.  Each undirected dyad {X, Y}
// gets a statistic from its events in both directions:
//
//   kMeanGoldstein (default):  s = (G(X->Y) + G(Y->X)) / (w(X->Y) + w(Y->X))
//   kSumGoldstein:             s =  G(X->Y) + G(Y->X)
//
// (G = weighted Goldstein sum of the cell, normalised if the series is;
// w = effective events).  Then, in this order:
//   w(X->Y) + w(Y->X) < min_events  -> insufficient (always when no events)
//   s >= band and s > 0             -> amity   (+)
//   s <= -band and s < 0            -> enmity  (-)
//   otherwise (|s| < band)          -> neutral (0)
// Three signed dyads give a configuration and roles; a neutral or
// insufficient dyad makes the period indeterminate (no roles, no scores).
// Full definitions, confidence included: docs/analysis.md.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/period.h"
#include "analysis/series.h"
#include "base/result.h"

namespace trigon::analysis {

// Undirected pairs in fixed order: {A,B}, {A,C}, {B,C}.  Pair i is the one
// without actor 2 - i.
inline constexpr int kNumPairs = 3;
inline constexpr std::array<std::array<int, 2>, kNumPairs> kPairs = {
    {{0, 1}, {0, 2}, {1, 2}}};
// Index of the pair {x, y} in kPairs.  REQUIRES: x != y, both in 0..2.
int PairIndex(int x, int y);

enum class Sign { kEnmity = -1, kNeutral = 0, kAmity = 1 };
// "+", "-", "0".
std::string_view SignSymbol(Sign s);

enum class DyadStatus { kAmity, kEnmity, kNeutral, kInsufficient };
// "amity", "enmity", "neutral", "insufficient".
std::string_view DyadStatusName(DyadStatus s);

enum class Configuration {
  kMenageATrois,      // + + +
  kRomanticTriangle,  // + + -
  kStableMarriage,    // + - -
  kUnitVeto,          // - - -
  kIndeterminate,     // some dyad neutral or insufficient
};
// "menage_a_trois", "romantic_triangle", "stable_marriage", "unit_veto",
// "indeterminate".
std::string_view ConfigurationName(Configuration c);

enum class Role {
  kIndeterminate,  // no configuration: no score
  kOutcast,        // 1: the third party to a stable marriage
  kFoe,            // 2: unit veto
  kWing,           // 3: romantic triangle, hostile to the other wing
  kPartner,        // 4: stable marriage
  kFriend,         // 5: menage a trois
  kPivot,          // 6: romantic triangle, amity with both wings
};
inline constexpr int kNumRoles = 7;
// "indeterminate", "outcast", "foe", "wing", "partner", "friend", "pivot".
std::string_view RoleName(Role r);
// Wu's desirability: pivot 6 > friend 5 > partner 4 > wing 3 > foe 2 >
// outcast 1; nullopt for kIndeterminate.
std::optional<int> RoleScore(Role r);

// Configuration, roles (by actor index) and pivot from three pair signs
// (kPairs order).  Any kNeutral gives kIndeterminate with all roles
// kIndeterminate.
struct Configured {
  Configuration configuration = Configuration::kIndeterminate;
  std::array<Role, 3> roles = {Role::kIndeterminate, Role::kIndeterminate,
                               Role::kIndeterminate};
  std::optional<int> pivot;  // actor index, romantic triangle only
};
Configured ConfigureSigns(const std::array<Sign, kNumPairs>& signs);

enum class Statistic { kMeanGoldstein, kSumGoldstein };

struct TriangleOptions {
  // Default kMeanGoldstein: volume-free, on the Goldstein scale.
  Statistic statistic = Statistic::kMeanGoldstein;
  // Half-width of the neutral band around 0, on the statistic's scale.
  // Default 0.5 Goldstein points (a mean; for kSumGoldstein pick a band on
  // the sum's scale, raw or normalised).  Must be finite and >= 0.
  double neutral_band = 0.5;
  // Fewer effective events (both directions) than this -> insufficient.
  // Default 3.  Must be finite and >= 0.
  double min_events = 3;
};

struct DyadAssessment {
  std::array<int, 2> actors = {0, 1};  // kPairs entry
  std::string pair;                    // "USA-RUS", in triad order
  double statistic = 0;                // s above; 0 when there are no events
  double mean = 0;  // mean Goldstein, both directions; 0 if none
  DyadStatus status = DyadStatus::kInsufficient;
  Sign sign = Sign::kNeutral;  // kNeutral when insufficient
  int64_t events = 0;          // events, both directions
  double weight = 0;           // effective events (stories weighted)
  // Probability, under a normal approximation to the statistic's sampling
  // distribution (mean +- standard error over the dyad's events), that the
  // true statistic lies in the region of `status`: P(> band) for amity,
  // P(< -band) for enmity, P(inside the band) for neutral.  0 when
  // insufficient or with fewer than 2 effective events; in [0, 1].
  double confidence = 0;
};

struct TrianglePeriod {
  int32_t start_day = 0;
  std::string label;
  Configuration configuration = Configuration::kIndeterminate;
  std::array<Role, 3> roles = {Role::kIndeterminate, Role::kIndeterminate,
                               Role::kIndeterminate};
  std::optional<int> pivot;                     // actor index
  std::array<DyadAssessment, kNumPairs> dyads;  // kPairs order
  // Why indeterminate, e.g. "CHN-USA neutral (|0.30| < band 0.5); CHN-RUS
  // insufficient (2 < 3 events)"; empty otherwise.
  std::string reason;
};

struct TriangleSeries {
  Triad actors;
  Period period = Period::kMonth;
  std::vector<TrianglePeriod> periods;  // aligned with DyadSeries::rows
};

// Classifies every period of `series`.  Errors: InvalidArgument for a
// negative or non-finite band or min_events.
Result<TriangleSeries> ClassifyTriangle(const DyadSeries& series,
                                        const TriangleOptions& options = {});

// The per-period result as a JSON array, one object per period:
// {"period","start","configuration","roles":{actor:role},"pivot" (actor or
// null),"reason","dyads":[{"pair","statistic","mean","sign","status",
// "events","weight","confidence"}]}.  Numbers in shortest round-trip form.
std::string TriangleToJson(const TriangleSeries& triangle);

}  // namespace trigon::analysis
