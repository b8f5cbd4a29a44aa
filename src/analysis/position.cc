#include "analysis/position.h"

namespace trigon::analysis {

std::array<ActorPosition, 3> ActorPositions(const TriangleSeries& triangle) {
  std::array<ActorPosition, 3> out;
  for (size_t a = 0; a < out.size(); ++a) {
    ActorPosition& pos = out[a];
    pos.actor = triangle.actors[a];
    int64_t total = 0;
    for (const TrianglePeriod& p : triangle.periods) {
      const Role role = p.roles[a];
      const std::optional<int> score = RoleScore(role);
      pos.roles.push_back(role);
      pos.scores.push_back(score);
      ++pos.role_counts[static_cast<size_t>(role)];
      if (score) {
        ++pos.scored_periods;
        total += *score;
      }
    }
    if (pos.scored_periods > 0) {
      pos.mean_score =
          static_cast<double>(total) / static_cast<double>(pos.scored_periods);
    }
  }
  return out;
}

}  // namespace trigon::analysis
