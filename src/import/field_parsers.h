#pragma once
// Checked conversions of single fields shared by the importers.  Each
// returns InvalidArgument whose message names the column and quotes the
// bad text; the caller adds FILE:LINE.

#include <string>
#include <string_view>

#include "base/result.h"

namespace trigon::import {

// "YYYY-MM-DD" or "YYYYMMDD" (a real calendar date, years 1..9999) ->
// "YYYY-MM-DD".
Result<std::string> ParseDateField(std::string_view text, std::string_view column);

// A finite number in [-10, 10] (the Goldstein scale).
Result<double> ParseGoldsteinField(std::string_view text, std::string_view column);

// A non-negative integer.
Result<int64_t> ParseCountField(std::string_view text, std::string_view column);

// A CAMEO event code of 2-4 digits whose first two digits are a root
// 01..20.  A code that lost its leading zero to a number-typed export
// ("42" for "042", "841" for "0841") gets it back; `root` (may be empty)
// disambiguates: when given, the code must start with it.
Result<std::string> ParseCameoCodeField(std::string_view text, std::string_view root,
                                        std::string_view column);

// True for fields that mean "no value": empty, or R's "NA".
bool IsMissing(std::string_view text);

}  // namespace trigon::import
