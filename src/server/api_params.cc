#include "server/api_params.h"

#include <fmt/core.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <set>

#include "analysis/dyad_event.h"
#include "base/utf8.h"
#include "model/event.h"
#include "server/json_writer.h"

namespace trigon::server {
namespace {

constexpr size_t kMaxEchoBytes = 80;

// The value as quoted in an error message: sanitized and shortened.
std::string Echo(std::string_view value) {
  std::string s = SanitizeUtf8(value.substr(0, kMaxEchoBytes));
  if (value.size() > kMaxEchoBytes) s += "...";
  return "'" + s + "'";
}

Status Bad(std::string_view name, std::string_view value, std::string_view expected) {
  return Status::InvalidArgument(std::string(name) + ": expected " + std::string(expected) +
                                 ", got " + Echo(value));
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int Number(std::string_view digits) {
  int v = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), v);
  return v;
}

}  // namespace

Status CheckParams(const Params& params, const std::vector<std::string_view>& allowed) {
  for (auto it = params.begin(); it != params.end(); ++it) {
    bool known = false;
    for (const std::string_view a : allowed) known = known || a == it->first;
    if (!known) {
      std::string list;
      for (const std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      return Status::InvalidArgument("unknown parameter " + Echo(it->first) + " (accepted: " +
                                     (list.empty() ? std::string("none") : list) + ")");
    }
    if (params.count(it->first) > 1) {
      return Status::InvalidArgument("parameter '" + it->first + "' given more than once");
    }
  }
  return Status::OK();
}

std::optional<std::string> Get(const Params& params, std::string_view name) {
  const auto it = params.find(std::string(name));
  if (it == params.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

Result<std::string> ParseActorCode(std::string_view name, std::string_view value) {
  if (value.size() < 2 || value.size() > 16) return Bad(name, value, "an actor code of 2-16 characters A-Z0-9");
  for (const char c : value) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      return Bad(name, value, "an actor code of 2-16 characters A-Z0-9");
    }
  }
  return std::string(value);
}

Result<analysis::Triad> ParseActors(std::string_view value) {
  analysis::Triad triad;
  size_t start = 0;
  for (size_t i = 0; i < 3; ++i) {
    const size_t comma = value.find(',', start);
    if ((i < 2) != (comma != std::string_view::npos)) {
      return Bad("actors", value, "three actor codes separated by commas, e.g. USA,RUS,CHN");
    }
    const std::string_view code =
        value.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    auto parsed = ParseActorCode("actors", code);
    if (!parsed.ok()) {
      return Bad("actors", value, "three actor codes (2-16 characters A-Z0-9), e.g. USA,RUS,CHN");
    }
    triad[i] = *parsed;
    start = comma + 1;
  }
  if (triad[0] == triad[1] || triad[0] == triad[2] || triad[1] == triad[2]) {
    return Bad("actors", value, "three different actor codes");
  }
  return triad;
}

Result<analysis::Period> ParsePeriodParam(std::string_view value) {
  auto p = analysis::ParsePeriod(value);
  if (!p.ok()) return Bad("period", value, "day, week, month, quarter or year");
  return *p;
}

Result<std::string> ParseDateParam(std::string_view name, std::string_view value) {
  if (!analysis::ParseIsoDate(value).ok()) return Bad(name, value, "a date YYYY-MM-DD");
  return std::string(value);
}

Result<int64_t> ParseIntParam(std::string_view name, std::string_view value, int64_t min,
                              int64_t max) {
  const std::string range =
      "an integer from " + std::to_string(min) + " to " + std::to_string(max);
  if (value.empty() || value.size() > 19 || !AllDigits(value.front() == '-' ? value.substr(1) : value)) {
    return Bad(name, value, range);
  }
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
  if (ec != std::errc() || end != value.data() + value.size() || v < min || v > max) {
    return Bad(name, value, range);
  }
  return v;
}

Result<double> ParseNumberParam(std::string_view name, std::string_view value, double min,
                                double max) {
  const std::string range = fmt::format("a number from {} to {}", min, max);
  if (value.empty() || value.size() > 32) return Bad(name, value, range);
  for (const char c : value) {
    if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
      return Bad(name, value, range);
    }
  }
  const std::string text(value);
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(v) || v < min || v > max) {
    return Bad(name, value, range);
  }
  return v;
}

Result<std::vector<std::string>> ParseOrigins(std::string_view value) {
  static const std::set<std::string_view> kKnown = {"trigon", "gdelt1", "gdelt2", "icews", "csv"};
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t comma = value.find(',', start);
    const std::string_view o =
        value.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    if (!kKnown.count(o)) {
      return Bad("origin", value, "trigon, gdelt1, gdelt2, icews or csv (comma-separated)");
    }
    out.emplace_back(o);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

Result<std::string> ParseEventCode(std::string_view value) {
  if (value.size() < 2 || value.size() > 4 || !AllDigits(value)) {
    return Bad("code", value, "an event code of 2-4 digits, e.g. 0841");
  }
  return std::string(value);
}

Result<std::string> ParseRoot(std::string_view value) {
  if (value.size() != 2 || !AllDigits(value) || Number(value) < 1 || Number(value) > 20) {
    return Bad("root", value, "a CAMEO root 01-20");
  }
  return std::string(value);
}

Result<std::string> ParseLang(std::string_view value) {
  if (value.size() < 2 || value.size() > 16) return Bad("lang", value, "a language tag such as en or zh-Hans");
  for (const char c : value) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) {
      return Bad("lang", value, "a language tag such as en or zh-Hans");
    }
  }
  return std::string(value);
}

Result<std::string> ParseModalityParam(std::string_view value) {
  model::Modality m;
  if (!model::ParseModality(value, &m)) {
    return Bad("modality", value, "asserted, negated, hypothetical, advocated, future or historical");
  }
  return std::string(value);
}

Result<std::string> ParseQueryText(std::string_view value) {
  if (value.empty() || value.size() > kMaxQueryBytes) {
    return Bad("q", value, "1-" + std::to_string(kMaxQueryBytes) + " bytes of text");
  }
  if (utf8::FindInvalid(value)) return Bad("q", value, "valid UTF-8 text");
  for (const char c : value) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      return Bad("q", value, "text without control characters");
    }
  }
  return std::string(value);
}

Result<int> ParseDyad(std::string_view value, const analysis::Triad& triad) {
  const size_t arrow = value.find("->");
  if (arrow != std::string_view::npos) {
    const std::string_view s = value.substr(0, arrow);
    const std::string_view t = value.substr(arrow + 2);
    for (int i = 0; i < analysis::kNumDirectedDyads; ++i) {
      const analysis::DirectedDyad d = analysis::kDirectedDyads[static_cast<size_t>(i)];
      if (triad[static_cast<size_t>(d.source)] == s && triad[static_cast<size_t>(d.target)] == t) {
        return i;
      }
    }
  }
  return Bad("dyad", value,
             "a directed dyad SOURCE->TARGET of two of the actors " + triad[0] + "," + triad[1] +
                 "," + triad[2]);
}

Result<PeriodSpan> ParsePeriodLabel(std::string_view label) {
  const Status bad = Bad("period", label,
                         "a period label: 2022-03-05 (day), 2022-W07 (week), 2022-03 (month), "
                         "2022Q1 (quarter) or 2022 (year)");
  if (label.size() < 4 || !AllDigits(label.substr(0, 4))) return bad;
  const int year = Number(label.substr(0, 4));
  if (year < analysis::kMinYear) return bad;
  PeriodSpan span;
  int32_t candidate = 0;
  const std::string_view rest = label.substr(4);
  if (rest.empty()) {
    span.period = analysis::Period::kYear;
    candidate = analysis::DaysFromCivil(year, 1, 1);
  } else if (rest.size() == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4') {
    span.period = analysis::Period::kQuarter;
    candidate = analysis::DaysFromCivil(year, 1 + 3 * (rest[1] - '1'), 1);
  } else if (rest.size() == 3 && rest[0] == '-' && AllDigits(rest.substr(1))) {
    const int month = Number(rest.substr(1));
    if (!analysis::IsValidDate(year, month, 1)) return bad;
    span.period = analysis::Period::kMonth;
    candidate = analysis::DaysFromCivil(year, month, 1);
  } else if (rest.size() == 4 && rest.substr(0, 2) == "-W" && AllDigits(rest.substr(2))) {
    const int week = Number(rest.substr(2));
    if (week < 1 || week > 53) return bad;
    span.period = analysis::Period::kWeek;
    // ISO week 1 is the week holding January 4th.
    const int32_t week1 =
        analysis::PeriodStart(analysis::DaysFromCivil(year, 1, 4), analysis::Period::kWeek);
    candidate = week1 + 7 * (week - 1);
  } else if (rest.size() == 6 && rest[0] == '-' && rest[3] == '-' && AllDigits(rest.substr(1, 2)) &&
             AllDigits(rest.substr(4))) {
    const int month = Number(rest.substr(1, 2));
    const int day = Number(rest.substr(4));
    if (!analysis::IsValidDate(year, month, day)) return bad;
    span.period = analysis::Period::kDay;
    candidate = analysis::DaysFromCivil(year, month, day);
  } else {
    return bad;
  }
  // Round trip: rejects a week 53 that the year does not have, and any
  // label the analysis would print differently.
  if (analysis::PeriodLabel(candidate, span.period) != label) return bad;
  span.first_day = candidate;
  span.last_day = analysis::NextPeriodStart(candidate, span.period) - 1;
  return span;
}

Result<int64_t> ParseEventId(std::string_view value) {
  if (value.size() > 18 || !AllDigits(value)) return Bad("event id", value, "a positive integer");
  auto v = ParseIntParam("event id", value, 1, kMaxOffset * 1000000000LL);
  if (!v.ok()) return Bad("event id", value, "a positive integer");
  return *v;
}

Result<std::string> ParseDocumentId(std::string_view value) {
  if (value.size() < 4 || value.size() > 64) {
    return Bad("document id", value, "4-64 hexadecimal digits");
  }
  for (const char c : value) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return Bad("document id", value, "4-64 lowercase hexadecimal digits");
    }
  }
  return std::string(value);
}

}  // namespace trigon::server
