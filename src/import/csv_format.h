#pragma once
// Generic event CSV: a header row naming at least `date`, `source`,
// `target` and `goldstein` (case-insensitive, any order); optional `code`,
// `quad`, `id`, `source_country`, `target_country`; other columns are
// ignored.  Dates are YYYY-MM-DD or YYYYMMDD.  Example: WEIS data
// (date,source,target,weis_code,goldstein).
//
// The code is kept as written (it may be WEIS, not CAMEO), so no root is
// derived; the quad class is the `quad` column or 0 (unknown).  Countries
// default to the actor code's country prefix (CountryOfActor).  The
// external id is the `id` column, or else the content hash of the row's
// fields plus its line number, so re-importing a file is a no-op while
// identical rows on different lines stay distinct events.

#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "import/row_parser.h"

namespace trigon::import {

// True if the header names the required columns.
bool IsGenericCsvHeader(const std::vector<std::string>& header);

// Errors: InvalidArgument naming the missing required columns.
Result<std::unique_ptr<RowParser>> MakeGenericCsvParser(const std::vector<std::string>& header,
                                                        const ImportOptions& options);

}  // namespace trigon::import
