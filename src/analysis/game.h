#pragma once
// The strategic triangle as a game (Dittmer 1981's "elementary
// game-theoretical analysis", scored with Wu 1996's ranking).  Each actor
// controls the signs of its own two relations; its payoff is the Wu score
// of the role the resulting configuration gives it.  A best response keeps
// the third relation fixed and picks the signs of its two relations that
// maximise its score; a configuration is Nash-stable when no actor can
// improve by flipping one or both of its own relations.
//
// Neutral (and insufficient) relations count as "not amity", i.e. enmity,
// so every sign pattern is a full configuration here.  Under Wu's ranking
// only the menage a trois is stable: wings gain by befriending each other
// (wing 3 -> friend 5), a partner gains by courting the outcast (4 -> pivot
// 6), the outcast by courting both (1 -> friend 5), a foe by courting both
// (2 -> pivot 6).

#include <array>
#include <vector>

#include "analysis/triangle.h"

namespace trigon::analysis {

// Change one of the actor's own relations: the pair {actor, other} -> to.
struct Flip {
  int other = 0;  // actor index
  Sign to = Sign::kAmity;
};

struct ActorGame {
  Role current = Role::kIndeterminate;
  Role best = Role::kIndeterminate;  // best achievable by its own flips
  // Flips that reach `best`; among equally good choices the fewest flips
  // (none when the current role is already best).
  std::vector<Flip> flips;
  bool can_improve = false;  // best scores higher than current
};

struct GameAnalysis {
  std::array<Sign, kNumPairs> signs{};           // binarised: kAmity or kEnmity
  std::array<bool, kNumPairs> assumed_enmity{};  // input was neutral
  Configured configured;                         // of the binarised signs
  std::array<ActorGame, 3> actors;               // by actor index
  bool nash_stable = false;                      // no actor can improve
};

// Best responses and stability for pair signs in kPairs order.
GameAnalysis AnalyseGame(const std::array<Sign, kNumPairs>& signs);
// Same for a classified period (neutral and insufficient -> enmity).
GameAnalysis AnalyseGame(const TrianglePeriod& period);

}  // namespace trigon::analysis
