#pragma once
// Dyad series: events among three actors {A, B, C} aggregated per calendar
// period into the six directed dyads (A->B, B->A, A->C, C->A, B->C, C->B).
// Every period in [from, to] gets a row, empty ones as zeros, and every
// cell keeps the ids of the events behind it, so each number is traceable.
//
// Volume caveat: raw Goldstein sums grow with the amount of news, not only
// with the state of relations (Gao et al.); compare sums across periods
// only after normalising (SeriesOptions::normalization) or use means.
//
// Thread-safety: pure functions over caller-owned arrays.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/dyad_event.h"
#include "analysis/period.h"
#include "base/result.h"

namespace trigon::analysis {

// The three actors, e.g. {"USA", "RUS", "CHN"}; indices 0, 1, 2 below.
using Triad = std::array<std::string, 3>;

struct DirectedDyad {
  int source;  // actor index 0..2
  int target;
};
inline constexpr int kNumDirectedDyads = 6;
// Column order of every row: A->B, B->A, A->C, C->A, B->C, C->B.
inline constexpr std::array<DirectedDyad, kNumDirectedDyads> kDirectedDyads = {
    {{0, 1}, {1, 0}, {0, 2}, {2, 0}, {1, 2}, {2, 1}}};
// Index into kDirectedDyads.  REQUIRES: 0 <= s, t <= 2 and s != t.
int DirectedDyadIndex(int source, int target);

inline constexpr int kNumQuadClasses = 4;

enum class Normalization {
  kNone,          // sums are raw (weighted) Goldstein sums
  kPeriodVolume,  // sums / the period's event volume over ALL dyads in the
                  // input (also those outside the triad), after filtering
  kCallerVolume,  // sums / SeriesOptions::volume[label] (e.g. articles)
};

struct SeriesOptions {
  // Keep only events whose modality is in this list; empty keeps all.
  // Default {"asserted"}: advice, conditionals, denials and history are
  // not events (docs/design.md).
  std::vector<std::string> only_modality = {"asserted"};
  // Count each story once.  Events sharing a non-empty `story` id within
  // the same directed dyad, period and event `code` each get weight 1/n
  // (n = the group's size); all their ids stay in the cell.  Events with an
  // empty story weigh 1.  Default true.
  bool weight_stories = true;
  // Match role-coded actors to their country: "USAGOV" counts as "USA"
  // (the event code starts with the actor code).  Default true; when false
  // codes must be equal.
  bool match_role_codes = true;
  // First and last day to cover (inclusive).  Default: the span of the
  // triad's events.  Events outside are ignored (also for volume).
  std::optional<int32_t> from_day;
  std::optional<int32_t> to_day;
  // Divide the Goldstein, cooperation and conflict sums by a volume.
  // Counts, weights, quad counts and means are never normalised.
  // Default kNone.
  Normalization normalization = Normalization::kNone;
  // For kCallerVolume: the volume per period label (PeriodLabel).  Every
  // period holding triad events needs a finite value > 0.
  std::map<std::string, double> volume;
  // Refuse (ResourceExhausted) to build more periods than this.
  // Default 100000 (about 270 years of days).
  int64_t max_periods = 100000;
};

// One directed dyad in one period.  Weights are 1 per event unless stories
// are weighted (SeriesOptions::weight_stories).
struct DyadCell {
  int64_t events = 0;          // events in the cell (each counted once)
  double weight = 0;           // effective events: sum of weights (<= events)
  bool empty = true;           // no events: mean is 0 by convention, not data
  double goldstein_sum = 0;    // sum of w*g (divided by the row's divisor)
  double goldstein_mean = 0;   // sum of w*g / weight, never normalised; 0 if
                               // empty
  double cooperation_sum = 0;  // sum of w*g over g > 0: >= 0 (normalised)
  double conflict_sum = 0;     // sum of w*g over g < 0: a NEGATIVE number
                               // (<= 0), so cooperation + conflict = sum
  double goldstein_sum_squares = 0;  // sum of w*g*g, raw: for dispersion
  // Weighted events per quad class 1..4 at index 0..3.  Events with quad 0
  // (unknown, e.g. WEIS) count in no class.
  std::array<double, kNumQuadClasses> quad = {};
  std::vector<int64_t> event_ids;  // every event behind the cell, in input
                                   // order
};

struct PeriodRow {
  int32_t start_day = 0;  // first day of the period
  int32_t end_day = 0;    // last day (inclusive)
  std::string label;      // PeriodLabel(start_day, period)
  // Weighted events of all dyads in the input (after filtering) in this
  // period, triad or not.
  double volume = 0;
  // What the sums were divided by: 1 for raw sums (and for periods without
  // triad events), else the volume used.
  double divisor = 1;
  std::array<DyadCell, kNumDirectedDyads> cells;  // kDirectedDyads order
};

struct DyadSeries {
  Triad actors;
  Period period = Period::kMonth;
  Normalization normalization = Normalization::kNone;
  std::vector<PeriodRow> rows;  // consecutive periods, oldest first
};

// Aggregates `events` into per-period directed-dyad cells for `actors`.
// Events whose source and target are not two different triad actors count
// only toward the period's volume.  No triad events and no from/to gives a
// series with no rows.
// Errors (InvalidArgument, naming the event id): empty or repeated actors;
// a day outside years [kMinYear, kMaxYear]; goldstein not finite or outside
// [-10, 10]; quad outside 0..4; from > to; a missing or non-positive caller
// volume.  ResourceExhausted: more than max_periods periods.
Result<DyadSeries> BuildDyadSeries(const std::vector<DyadEvent>& events,
                                   const Triad& actors, Period period,
                                   const SeriesOptions& options = {});

}  // namespace trigon::analysis
