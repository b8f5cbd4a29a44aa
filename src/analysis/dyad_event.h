#pragma once
// DyadEvent: the flat input row of the analysis module.  Analysis takes
// arrays of these (never a database handle); the store, the importers and
// the coder each produce them.  Also: ISO-8601 calendar dates <-> day
// numbers (days since 1970-01-01, proleptic Gregorian calendar).

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace trigon::analysis {

struct DyadEvent {
  int32_t day = 0;     // days since 1970-01-01 (negative before 1970)
  std::string source;  // actor code: USA, RUS, CHN (or USAGOV, RUSMIL...)
  std::string target;
  double goldstein = 0;  // Goldstein (1992) weight in [-10, +10]
  int quad = 0;          // GDELT quad class 1..4; 0 = unknown (e.g. WEIS)
  std::string modality;  // "asserted", "negated", ... (model::ModalityName)
  std::string story;     // near-duplicate cluster id; empty = its own story
  int64_t event_id = 0;  // the row behind every number (traceability)
  std::string code;      // event code (CAMEO "057", WEIS "122"); may be empty
};

// Smallest and largest years the date helpers accept.
inline constexpr int kMinYear = 1;
inline constexpr int kMaxYear = 9999;

// Day number of a calendar date.  REQUIRES: a valid date (see IsValidDate).
int32_t DaysFromCivil(int year, int month, int day);

// Calendar date of a day number.
struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};
CivilDate CivilFromDays(int32_t days);

// True for a real date with year in [kMinYear, kMaxYear].
bool IsValidDate(int year, int month, int day);

// Parses exactly "YYYY-MM-DD".  InvalidArgument (quoting the text) for any
// other shape or an impossible date such as 2023-02-29.
Result<int32_t> ParseIsoDate(std::string_view text);

// "YYYY-MM-DD".  REQUIRES: the date's year is in [kMinYear, kMaxYear].
std::string FormatIsoDate(int32_t days);

}  // namespace trigon::analysis
