#pragma once
// ICEWS event files (Boschee et al., ICEWS Coded Event Data, Harvard
// Dataverse): tab-separated with a header naming "Event ID", "Event Date",
// "Source Country", "CAMEO Code", "Intensity", "Target Country" (other
// columns are ignored).  Countries are names ("Russian Federation"); they
// are mapped to CAMEO codes with the dictionary's names plus ICEWS's own
// spellings (AddIcewsCountrySpellings).  Actors are given as the country
// code (ICEWS names individuals and sectors, not CAMEO actor codes).
//
// A country of "NA" or empty (ICEWS: the actor has no country, e.g. an
// international organisation) leaves the event's country empty; a country
// name that cannot be mapped rejects the row, naming it, so nothing is
// silently mis-assigned.  Intensity is ICEWS's CAMEO-based Goldstein
// weight; the quad class follows GDELT's rule from the code's root.

#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "import/row_parser.h"

namespace trigon::import {

class CountryNames;

// True if `fields` looks like an ICEWS header row.
bool IsIcewsHeader(const std::vector<std::string>& fields);

// Adds the ICEWS spellings of country names that differ from the
// dictionary's ("Russian Federation", "Korea, Republic of", ...), replacing
// the dictionary's reading where ICEWS means another country ("Congo" is
// the Republic of the Congo, COG, beside "Democratic Republic of Congo").
void AddIcewsCountrySpellings(CountryNames& names);

// Errors: InvalidArgument naming a required column that is missing, or
// when options.countries is null.
Result<std::unique_ptr<RowParser>> MakeIcewsParser(const std::vector<std::string>& header,
                                                   const ImportOptions& options);

}  // namespace trigon::import
