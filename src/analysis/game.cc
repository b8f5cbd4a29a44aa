// Best responses by enumeration: each actor has four choices for its two
// relations, so the whole game is 3 x 4 evaluations of ConfigureSigns.

#include "analysis/game.h"

namespace trigon::analysis {
namespace {

int Score(const std::array<Sign, kNumPairs>& signs, int actor) {
  const Configured c = ConfigureSigns(signs);
  return RoleScore(c.roles[static_cast<size_t>(actor)]).value_or(0);
}

}  // namespace

GameAnalysis AnalyseGame(const std::array<Sign, kNumPairs>& signs) {
  GameAnalysis g;
  for (size_t i = 0; i < signs.size(); ++i) {
    g.assumed_enmity[i] = signs[i] == Sign::kNeutral;
    g.signs[i] = signs[i] == Sign::kAmity ? Sign::kAmity : Sign::kEnmity;
  }
  g.configured = ConfigureSigns(g.signs);
  g.nash_stable = true;
  for (int actor = 0; actor < 3; ++actor) {
    ActorGame& a = g.actors[static_cast<size_t>(actor)];
    a.current = g.configured.roles[static_cast<size_t>(actor)];
    a.best = a.current;
    const int current_score = Score(g.signs, actor);
    int best_score = current_score;
    int best_flips = 0;
    // The actor's two relations, with the other actor in each.
    std::array<int, 2> others{};
    std::array<int, 2> pairs{};
    int n = 0;
    for (int other = 0; other < 3; ++other) {
      if (other == actor) continue;
      others[static_cast<size_t>(n)] = other;
      pairs[static_cast<size_t>(n)] = PairIndex(actor, other);
      ++n;
    }
    // mask bit k set = flip relation k.
    for (int mask = 1; mask < 4; ++mask) {
      std::array<Sign, kNumPairs> trial = g.signs;
      std::vector<Flip> flips;
      for (size_t k = 0; k < 2; ++k) {
        if ((mask >> k & 1) == 0) continue;
        Sign& s = trial[static_cast<size_t>(pairs[k])];
        s = s == Sign::kAmity ? Sign::kEnmity : Sign::kAmity;
        flips.push_back({others[k], s});
      }
      const int score = Score(trial, actor);
      const int count = static_cast<int>(flips.size());
      if (score > best_score ||
          (score == best_score && best_flips > 0 && count < best_flips)) {
        best_score = score;
        best_flips = count;
        a.best = ConfigureSigns(trial).roles[static_cast<size_t>(actor)];
        a.flips = std::move(flips);
      }
    }
    a.can_improve = best_score > current_score;
    if (a.can_improve) g.nash_stable = false;
  }
  return g;
}

GameAnalysis AnalyseGame(const TrianglePeriod& period) {
  std::array<Sign, kNumPairs> signs{};
  for (size_t i = 0; i < signs.size(); ++i) signs[i] = period.dyads[i].sign;
  return AnalyseGame(signs);
}

}  // namespace trigon::analysis
