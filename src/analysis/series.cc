// BuildDyadSeries in three passes: (1) validate and keep the events that
// pass the modality and date filters, noting each one's period and triad
// dyad; (2) count story groups (dyad, period, story, code) to give each
// member weight 1/n; (3) accumulate cells and per-period volume, then
// divide sums by the chosen volume.  Design: docs/analysis.md.

#include "analysis/series.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <tuple>
#include <utility>

namespace trigon::analysis {
namespace {

constexpr double kMaxAbsGoldstein = 10.0;
constexpr int kMaxQuad = 4;
constexpr int kNoActor = -1;
constexpr int kNotTriad = -1;

std::string EventContext(const DyadEvent& e) {
  return "event " + std::to_string(e.event_id);
}

int ActorIndex(const Triad& actors, std::string_view code, bool by_prefix) {
  for (int i = 0; i < 3; ++i) {
    const std::string& a = actors[static_cast<size_t>(i)];
    if (code == a) return i;
    if (by_prefix && code.size() > a.size() && code.starts_with(a)) return i;
  }
  return kNoActor;
}

Status ValidateEvent(const DyadEvent& e, int32_t min_day, int32_t max_day) {
  if (e.day < min_day || e.day > max_day) {
    return Status::InvalidArgument(EventContext(e) + ": day " +
                                   std::to_string(e.day) +
                                   " is outside years 1..9999");
  }
  if (!std::isfinite(e.goldstein) ||
      std::fabs(e.goldstein) > kMaxAbsGoldstein) {
    return Status::InvalidArgument(EventContext(e) +
                                   ": goldstein must be in [-10, 10], got " +
                                   std::to_string(e.goldstein));
  }
  if (e.quad < 0 || e.quad > kMaxQuad) {
    return Status::InvalidArgument(
        EventContext(e) + ": quad must be 0..4, got " + std::to_string(e.quad));
  }
  return Status::OK();
}

// An event that survived the filters.
struct Kept {
  const DyadEvent* event;
  int dyad;  // kDirectedDyads index, or kNotTriad
  double weight = 1;
};

}  // namespace

int DirectedDyadIndex(int source, int target) {
  for (int i = 0; i < kNumDirectedDyads; ++i) {
    const DirectedDyad& d = kDirectedDyads[static_cast<size_t>(i)];
    if (d.source == source && d.target == target) return i;
  }
  return kNotTriad;
}

Result<DyadSeries> BuildDyadSeries(const std::vector<DyadEvent>& events,
                                   const Triad& actors, Period period,
                                   const SeriesOptions& options) {
  for (size_t i = 0; i < actors.size(); ++i) {
    if (actors[i].empty()) {
      return Status::InvalidArgument("actor " + std::to_string(i) +
                                     " is empty");
    }
    for (size_t j = 0; j < i; ++j) {
      if (actors[i] == actors[j]) {
        return Status::InvalidArgument("actor \"" + actors[i] +
                                       "\" appears twice in the triad");
      }
    }
  }
  const int32_t min_day = DaysFromCivil(kMinYear, 1, 1);
  const int32_t max_day = DaysFromCivil(kMaxYear, 12, 31);
  for (const std::optional<int32_t>& d : {options.from_day, options.to_day}) {
    if (d && (*d < min_day || *d > max_day)) {
      return Status::InvalidArgument("from/to day " + std::to_string(*d) +
                                     " is outside years 1..9999");
    }
  }
  if (options.from_day && options.to_day &&
      *options.from_day > *options.to_day) {
    return Status::InvalidArgument(
        "from day " + FormatIsoDate(*options.from_day) + " is after to day " +
        FormatIsoDate(*options.to_day));
  }

  // Pass 1: validate, filter, find the span.
  std::vector<Kept> kept;
  std::optional<int32_t> first_day;
  std::optional<int32_t> last_day;
  for (const DyadEvent& e : events) {
    TRIGON_RETURN_IF_ERROR(ValidateEvent(e, min_day, max_day));
    if (!options.only_modality.empty() &&
        std::find(options.only_modality.begin(), options.only_modality.end(),
                  e.modality) == options.only_modality.end()) {
      continue;
    }
    if ((options.from_day && e.day < *options.from_day) ||
        (options.to_day && e.day > *options.to_day)) {
      continue;
    }
    const int s = ActorIndex(actors, e.source, options.match_role_codes);
    const int t = ActorIndex(actors, e.target, options.match_role_codes);
    const int dyad = (s != kNoActor && t != kNoActor && s != t)
                         ? DirectedDyadIndex(s, t)
                         : kNotTriad;
    if (dyad != kNotTriad) {
      first_day = first_day ? std::min(*first_day, e.day) : e.day;
      last_day = last_day ? std::max(*last_day, e.day) : e.day;
    }
    kept.push_back({&e, dyad});
  }

  DyadSeries series;
  series.actors = actors;
  series.period = period;
  series.normalization = options.normalization;
  const std::optional<int32_t> from =
      options.from_day ? options.from_day : first_day;
  const std::optional<int32_t> to = options.to_day ? options.to_day : last_day;
  if (!from || !to) return series;  // nothing to cover

  // The periods.  Index of a day = position of its period start.
  std::vector<int32_t> starts;
  for (int32_t s = PeriodStart(*from, period); s <= *to;
       s = NextPeriodStart(s, period)) {
    if (static_cast<int64_t>(starts.size()) >= options.max_periods) {
      return Status::ResourceExhausted(
          "more than max_periods=" + std::to_string(options.max_periods) + " " +
          std::string(PeriodName(period)) + " periods from " +
          FormatIsoDate(*from) + " to " + FormatIsoDate(*to));
    }
    starts.push_back(s);
  }
  auto period_index = [&starts](int32_t day) {
    return static_cast<size_t>(
        std::upper_bound(starts.begin(), starts.end(), day) - starts.begin() -
        1);
  };

  // Pass 2: story weights.  Non-triad dyads are keyed by their codes.
  if (options.weight_stories) {
    using Key = std::tuple<size_t, std::string, std::string, std::string>;
    std::map<Key, int> group_size;
    auto key_of = [&period_index](const Kept& k) {
      const DyadEvent& e = *k.event;
      std::string dyad = k.dyad != kNotTriad ? "#" + std::to_string(k.dyad)
                                             : e.source + '\x1f' + e.target;
      return Key{period_index(e.day), std::move(dyad), e.story, e.code};
    };
    for (const Kept& k : kept) {
      if (!k.event->story.empty()) ++group_size[key_of(k)];
    }
    for (Kept& k : kept) {
      if (!k.event->story.empty()) k.weight = 1.0 / group_size[key_of(k)];
    }
  }

  // Pass 3: accumulate.
  series.rows.resize(starts.size());
  for (size_t i = 0; i < starts.size(); ++i) {
    PeriodRow& row = series.rows[i];
    row.start_day = starts[i];
    row.end_day = NextPeriodStart(starts[i], period) - 1;
    row.label = PeriodLabel(starts[i], period);
  }
  for (const Kept& k : kept) {
    const DyadEvent& e = *k.event;
    PeriodRow& row = series.rows[period_index(e.day)];
    row.volume += k.weight;
    if (k.dyad == kNotTriad) continue;
    DyadCell& c = row.cells[static_cast<size_t>(k.dyad)];
    const double wg = k.weight * e.goldstein;
    c.events += 1;
    c.weight += k.weight;
    c.empty = false;
    c.goldstein_sum += wg;
    if (e.goldstein > 0) c.cooperation_sum += wg;
    if (e.goldstein < 0) c.conflict_sum += wg;
    c.goldstein_sum_squares += wg * e.goldstein;
    if (e.quad >= 1) c.quad[static_cast<size_t>(e.quad - 1)] += k.weight;
    c.event_ids.push_back(e.event_id);
  }

  for (PeriodRow& row : series.rows) {
    bool has_triad = false;
    for (DyadCell& c : row.cells) {
      if (!c.empty) {
        has_triad = true;
        c.goldstein_mean = c.goldstein_sum / c.weight;
      }
    }
    if (!has_triad) continue;  // all zeros; divisor stays 1
    switch (options.normalization) {
      case Normalization::kNone:
        break;
      case Normalization::kPeriodVolume:
        row.divisor = row.volume;
        break;
      case Normalization::kCallerVolume: {
        auto it = options.volume.find(row.label);
        if (it == options.volume.end() || !std::isfinite(it->second) ||
            it->second <= 0) {
          return Status::InvalidArgument(
              "caller volume for period " + row.label +
              " is missing or not a finite number > 0");
        }
        row.divisor = it->second;
        break;
      }
    }
    for (DyadCell& c : row.cells) {
      c.goldstein_sum /= row.divisor;
      c.cooperation_sum /= row.divisor;
      c.conflict_sum /= row.divisor;
    }
  }
  return series;
}

}  // namespace trigon::analysis
