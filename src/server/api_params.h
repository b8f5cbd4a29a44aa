#pragma once
// Validation of the query parameters of the JSON API (docs/dashboard.md).
// Every check names the parameter and quotes the offending value, so a
// 400 response says exactly what to fix.  Unknown and repeated parameters
// are errors: a typo must not silently widen a search.
//
// Thread-safety: pure functions.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/period.h"
#include "analysis/series.h"
#include "base/result.h"

namespace trigon::server {

// Decoded query parameters, as the HTTP layer hands them over.
using Params = std::multimap<std::string, std::string>;

// Limits of the API (documented in docs/dashboard.md).
inline constexpr int64_t kDefaultLimit = 50;
inline constexpr int64_t kMaxLimit = 500;
inline constexpr int64_t kMaxOffset = 1000000000;
inline constexpr size_t kMaxQueryBytes = 200;
inline constexpr int64_t kMaxPeriods = 5000;

// InvalidArgument naming the first parameter of `params` not in `allowed`,
// or the first one given twice.
Status CheckParams(const Params& params, const std::vector<std::string_view>& allowed);

// The value of `name`, or nullopt when absent.  An empty value counts as
// absent (HTML forms send empty fields).
std::optional<std::string> Get(const Params& params, std::string_view name);

// "USA" ... : 2-16 characters A-Z0-9.
Result<std::string> ParseActorCode(std::string_view name, std::string_view value);
// "USA,RUS,CHN": three different actor codes.
Result<analysis::Triad> ParseActors(std::string_view value);
// "day" ... "year".
Result<analysis::Period> ParsePeriodParam(std::string_view value);
// A real YYYY-MM-DD date; returns the text.
Result<std::string> ParseDateParam(std::string_view name, std::string_view value);
// A decimal integer in [min, max].
Result<int64_t> ParseIntParam(std::string_view name, std::string_view value, int64_t min,
                              int64_t max);
// A finite decimal number in [min, max].
Result<double> ParseNumberParam(std::string_view name, std::string_view value, double min,
                                double max);
// "trigon", "gdelt1", "gdelt2", "icews", "csv"; comma-separated.
Result<std::vector<std::string>> ParseOrigins(std::string_view value);
// An event code: 2-4 digits.
Result<std::string> ParseEventCode(std::string_view value);
// A CAMEO root: 2 digits, 01-20.
Result<std::string> ParseRoot(std::string_view value);
// A language tag: 2-16 characters [A-Za-z-].
Result<std::string> ParseLang(std::string_view value);
// A modality name (model::ModalityName).
Result<std::string> ParseModalityParam(std::string_view value);
// Free text: 1..kMaxQueryBytes bytes of valid UTF-8 without control
// characters.
Result<std::string> ParseQueryText(std::string_view value);
// "USA->RUS": a directed dyad of `triad`; returns its index into
// analysis::kDirectedDyads.
Result<int> ParseDyad(std::string_view value, const analysis::Triad& triad);

// A period label ("2022-03-05", "2022-W07", "2022-03", "2022Q1", "2022"):
// its granularity and first and last day.
struct PeriodSpan {
  analysis::Period period = analysis::Period::kMonth;
  int32_t first_day = 0;
  int32_t last_day = 0;
};
Result<PeriodSpan> ParsePeriodLabel(std::string_view label);

// A stored event id: 1-18 digits, > 0.
Result<int64_t> ParseEventId(std::string_view value);
// A document id or prefix: 4-64 lowercase hex digits.
Result<std::string> ParseDocumentId(std::string_view value);

}  // namespace trigon::server
