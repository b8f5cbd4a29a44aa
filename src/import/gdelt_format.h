#pragma once
// GDELT event files (Leetaru & Schrodt 2013; GDELT 1.0 and 2.0 event
// codebooks).  Tab-separated without a header: 1.0 has 57 columns (58 from
// April 2013 when SOURCEURL was added), 2.0 has 61 (ADM2 codes in the geo
// blocks).  Also CSV exports with a header row in GDELT's column names.
// The columns read are the same in both versions: GLOBALEVENTID, SQLDATE,
// Actor1Code, Actor1CountryCode, Actor2Code, Actor2CountryCode, EventCode,
// EventRootCode, QuadClass, GoldsteinScale, NumMentions.  "NA" (from R
// exports) counts as empty.  GDELT has no modality: events are asserted.

#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "import/row_parser.h"

namespace trigon::import {

inline constexpr size_t kGdelt1Columns = 57;
inline constexpr size_t kGdelt1UrlColumns = 58;
inline constexpr size_t kGdelt2Columns = 61;

// True if `fields` looks like a GDELT header row (has GLOBALEVENTID).
bool IsGdeltHeader(const std::vector<std::string>& fields);

// A parser for header-less rows in GDELT's fixed column order.  Every row
// must have `columns` fields (for 1.0: 57 or 58 are both accepted).
std::unique_ptr<RowParser> MakeGdeltParser(size_t columns, const ImportOptions& options);

// A parser for rows laid out as `header` says.  Errors: InvalidArgument
// naming a required column that is missing.
Result<std::unique_ptr<RowParser>> MakeGdeltParserFromHeader(const std::vector<std::string>& header,
                                                             const ImportOptions& options);

}  // namespace trigon::import
