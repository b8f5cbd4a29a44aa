#pragma once
// Per-actor position over time: each period's role in the strategic
// triangle and its Wu (1996) desirability score (pivot 6 ... outcast 1;
// indeterminate periods have no score and are left out of the mean).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/triangle.h"

namespace trigon::analysis {

struct ActorPosition {
  std::string actor;
  std::vector<Role> roles;                 // aligned with the periods
  std::vector<std::optional<int>> scores;  // RoleScore of each role
  int64_t scored_periods = 0;              // periods with a score
  double mean_score = 0;                   // over scored periods; 0 if none
  std::array<int64_t, kNumRoles> role_counts = {};  // by static_cast<int>(Role)
};

// One entry per triad actor, in triad order.
std::array<ActorPosition, 3> ActorPositions(const TriangleSeries& triangle);

}  // namespace trigon::analysis
