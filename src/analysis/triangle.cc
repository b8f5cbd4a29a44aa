// Strategic-triangle classification.  Dittmer (1981) defines the four
// configurations by the signs of the three bilateral relations; Wu (1996)
// ranks the roles they assign.  No published rule turns event data into
// those signs: the statistic, neutral band and minimum count here are our
// design (docs/analysis.md), each an option.
//
// Confidence: with n = effective events, m = weighted mean Goldstein and
// v = weighted sample variance (frequency weights), se(m) = sqrt(v / n).
// The statistic is s = k * m (k = 1 for the mean, k = n / divisor for the
// sum), so se(s) = k * se(m), and the confidence is the normal probability
// mass of N(s, se(s)^2) inside the region of the assigned status.

#include "analysis/triangle.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

#include "base/json.h"

namespace trigon::analysis {
namespace {

constexpr double kMinWeightForSpread = 2.0;
constexpr double kBoundaryConfidence = 0.5;

double NormalCdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

// P(lo < X < hi) for X ~ N(s, se^2); se == 0 is a point mass at s.
double MassBetween(double s, double se, double lo, double hi) {
  if (se <= 0) {
    if (s > lo && s < hi) return 1.0;
    return (s == lo || s == hi) ? kBoundaryConfidence : 0.0;
  }
  const double upper = std::isinf(hi) ? 1.0 : NormalCdf((hi - s) / se);
  const double lower = std::isinf(lo) ? 0.0 : NormalCdf((lo - s) / se);
  return std::clamp(upper - lower, 0.0, 1.0);
}

std::string FormatNumber(double v) {
  if (v == 0 || !std::isfinite(v)) v = 0;  // no "-0", never NaN in JSON
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string Fixed2(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

DyadAssessment Assess(const PeriodRow& row, const Triad& actors, int pair,
                      const TriangleOptions& options) {
  DyadAssessment d;
  const int x = kPairs[static_cast<size_t>(pair)][0];
  const int y = kPairs[static_cast<size_t>(pair)][1];
  d.actors = {x, y};
  d.pair =
      actors[static_cast<size_t>(x)] + "-" + actors[static_cast<size_t>(y)];
  const DyadCell& xy = row.cells[static_cast<size_t>(DirectedDyadIndex(x, y))];
  const DyadCell& yx = row.cells[static_cast<size_t>(DirectedDyadIndex(y, x))];
  d.events = xy.events + yx.events;
  d.weight = xy.weight + yx.weight;
  const double sum = xy.goldstein_sum + yx.goldstein_sum;  // maybe normalised
  const double raw_sum =
      xy.goldstein_mean * xy.weight + yx.goldstein_mean * yx.weight;
  const double sum_squares =
      xy.goldstein_sum_squares + yx.goldstein_sum_squares;
  if (d.weight > 0) d.mean = raw_sum / d.weight;
  const bool by_mean = options.statistic == Statistic::kMeanGoldstein;
  d.statistic = by_mean ? d.mean : sum;
  const double band = options.neutral_band;

  if (d.weight < options.min_events || d.events == 0) {
    d.status = DyadStatus::kInsufficient;
    d.sign = Sign::kNeutral;
    d.confidence = 0;
    return d;
  }
  double lo = -band;
  double hi = band;
  if (d.statistic > 0 && d.statistic >= band) {
    d.status = DyadStatus::kAmity;
    d.sign = Sign::kAmity;
    lo = band;
    hi = std::numeric_limits<double>::infinity();
  } else if (d.statistic < 0 && d.statistic <= -band) {
    d.status = DyadStatus::kEnmity;
    d.sign = Sign::kEnmity;
    lo = -std::numeric_limits<double>::infinity();
    hi = -band;
  } else {
    d.status = DyadStatus::kNeutral;
    d.sign = Sign::kNeutral;
  }
  if (d.weight < kMinWeightForSpread) return d;  // spread unknown
  const double variance = std::max(
      0.0, (sum_squares - d.weight * d.mean * d.mean) / (d.weight - 1.0));
  const double scale = by_mean ? 1.0 : d.weight / row.divisor;
  const double se = scale * std::sqrt(variance / d.weight);
  d.confidence = MassBetween(d.statistic, se, lo, hi);
  return d;
}

}  // namespace

int PairIndex(int x, int y) {
  for (int i = 0; i < kNumPairs; ++i) {
    const auto& p = kPairs[static_cast<size_t>(i)];
    if ((p[0] == x && p[1] == y) || (p[0] == y && p[1] == x)) return i;
  }
  return -1;
}

std::string_view SignSymbol(Sign s) {
  switch (s) {
    case Sign::kAmity:
      return "+";
    case Sign::kEnmity:
      return "-";
    case Sign::kNeutral:
      return "0";
  }
  return "?";
}

std::string_view DyadStatusName(DyadStatus s) {
  switch (s) {
    case DyadStatus::kAmity:
      return "amity";
    case DyadStatus::kEnmity:
      return "enmity";
    case DyadStatus::kNeutral:
      return "neutral";
    case DyadStatus::kInsufficient:
      return "insufficient";
  }
  return "unknown";
}

std::string_view ConfigurationName(Configuration c) {
  switch (c) {
    case Configuration::kMenageATrois:
      return "menage_a_trois";
    case Configuration::kRomanticTriangle:
      return "romantic_triangle";
    case Configuration::kStableMarriage:
      return "stable_marriage";
    case Configuration::kUnitVeto:
      return "unit_veto";
    case Configuration::kIndeterminate:
      return "indeterminate";
  }
  return "unknown";
}

std::string_view RoleName(Role r) {
  switch (r) {
    case Role::kIndeterminate:
      return "indeterminate";
    case Role::kOutcast:
      return "outcast";
    case Role::kFoe:
      return "foe";
    case Role::kWing:
      return "wing";
    case Role::kPartner:
      return "partner";
    case Role::kFriend:
      return "friend";
    case Role::kPivot:
      return "pivot";
  }
  return "unknown";
}

std::optional<int> RoleScore(Role r) {
  if (r == Role::kIndeterminate) return std::nullopt;
  return static_cast<int>(r);  // enumerators are declared in Wu's order
}

Configured ConfigureSigns(const std::array<Sign, kNumPairs>& signs) {
  Configured out;
  int plus = 0;
  for (Sign s : signs) {
    if (s == Sign::kNeutral) return out;
    if (s == Sign::kAmity) ++plus;
  }
  // The pair whose sign is in the minority (the odd one out) decides roles.
  auto odd_pair = [&signs](Sign odd) {
    for (int i = 0; i < kNumPairs; ++i) {
      if (signs[static_cast<size_t>(i)] == odd) return i;
    }
    return 0;
  };
  switch (plus) {
    case 3:
      out.configuration = Configuration::kMenageATrois;
      out.roles = {Role::kFriend, Role::kFriend, Role::kFriend};
      break;
    case 2: {
      const int hostile = odd_pair(Sign::kEnmity);
      out.configuration = Configuration::kRomanticTriangle;
      out.roles = {Role::kWing, Role::kWing, Role::kWing};
      out.pivot = 2 - hostile;
      out.roles[static_cast<size_t>(*out.pivot)] = Role::kPivot;
      break;
    }
    case 1: {
      const int married = odd_pair(Sign::kAmity);
      out.configuration = Configuration::kStableMarriage;
      out.roles = {Role::kPartner, Role::kPartner, Role::kPartner};
      out.roles[static_cast<size_t>(2 - married)] = Role::kOutcast;
      break;
    }
    default:
      out.configuration = Configuration::kUnitVeto;
      out.roles = {Role::kFoe, Role::kFoe, Role::kFoe};
      break;
  }
  return out;
}

Result<TriangleSeries> ClassifyTriangle(const DyadSeries& series,
                                        const TriangleOptions& options) {
  if (!std::isfinite(options.neutral_band) || options.neutral_band < 0) {
    return Status::InvalidArgument("neutral_band must be finite and >= 0");
  }
  if (!std::isfinite(options.min_events) || options.min_events < 0) {
    return Status::InvalidArgument("min_events must be finite and >= 0");
  }
  TriangleSeries out;
  out.actors = series.actors;
  out.period = series.period;
  out.periods.reserve(series.rows.size());
  for (const PeriodRow& row : series.rows) {
    TrianglePeriod p;
    p.start_day = row.start_day;
    p.label = row.label;
    std::array<Sign, kNumPairs> signs{};
    for (int i = 0; i < kNumPairs; ++i) {
      DyadAssessment& d = p.dyads[static_cast<size_t>(i)];
      d = Assess(row, series.actors, i, options);
      signs[static_cast<size_t>(i)] = d.sign;
      if (d.status == DyadStatus::kNeutral) {
        p.reason += (p.reason.empty() ? "" : "; ") + d.pair + " neutral (|" +
                    Fixed2(d.statistic) + "| < band " +
                    Fixed2(options.neutral_band) + ")";
      } else if (d.status == DyadStatus::kInsufficient) {
        p.reason += (p.reason.empty() ? "" : "; ") + d.pair +
                    " insufficient (" + Fixed2(d.weight) + " < " +
                    Fixed2(options.min_events) + " events)";
      }
    }
    const Configured c = ConfigureSigns(signs);
    p.configuration = c.configuration;
    p.roles = c.roles;
    p.pivot = c.pivot;
    out.periods.push_back(std::move(p));
  }
  return out;
}

std::string TriangleToJson(const TriangleSeries& triangle) {
  std::string out = "[";
  for (size_t i = 0; i < triangle.periods.size(); ++i) {
    const TrianglePeriod& p = triangle.periods[i];
    out += i == 0 ? "\n" : ",\n";
    out += "{\"period\":" + json::Quote(p.label);
    out += ",\"start\":" + json::Quote(FormatIsoDate(p.start_day));
    out +=
        ",\"configuration\":" + json::Quote(ConfigurationName(p.configuration));
    out += ",\"roles\":{";
    for (size_t a = 0; a < triangle.actors.size(); ++a) {
      if (a > 0) out += ",";
      out += json::Quote(triangle.actors[a]) + ":" +
             json::Quote(RoleName(p.roles[a]));
    }
    out += "},\"pivot\":";
    out += p.pivot ? json::Quote(triangle.actors[static_cast<size_t>(*p.pivot)])
                   : "null";
    out += ",\"reason\":" + json::Quote(p.reason);
    out += ",\"dyads\":[";
    for (size_t k = 0; k < p.dyads.size(); ++k) {
      const DyadAssessment& d = p.dyads[k];
      if (k > 0) out += ",";
      out += "{\"pair\":" + json::Quote(d.pair);
      out += ",\"statistic\":" + FormatNumber(d.statistic);
      out += ",\"mean\":" + FormatNumber(d.mean);
      out += ",\"sign\":" + json::Quote(SignSymbol(d.sign));
      out += ",\"status\":" + json::Quote(DyadStatusName(d.status));
      out += ",\"events\":" + std::to_string(d.events);
      out += ",\"weight\":" + FormatNumber(d.weight);
      out += ",\"confidence\":" + FormatNumber(d.confidence) + "}";
    }
    out += "]}";
  }
  out += triangle.periods.empty() ? "]" : "\n]";
  return out;
}

}  // namespace trigon::analysis
