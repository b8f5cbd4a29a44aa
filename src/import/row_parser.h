#pragma once
// RowParser: turns one record (fields already split) of an event file into
// an event.  One implementation per format (gdelt_format.h, icews_format.h,
// csv_format.h); EventFileReader drives them.

#include <string>
#include <vector>

#include "base/result.h"
#include "import/imported_event.h"

namespace trigon::import {

class CountryNames;

// What a format's parser may use.  The pointee must outlive the parser.
struct ImportOptions {
  // Country names and codes (data/dict/countries.txt).  Required for ICEWS
  // (names -> codes); optional elsewhere, where it decides which actor
  // prefixes are countries (null: any three ASCII capitals).
  const CountryNames* countries = nullptr;
};

class RowParser {
 public:
  virtual ~RowParser() = default;
  // Parses one data record.  The returned event's `line` is left 0 (the
  // caller knows it).  Errors: InvalidArgument naming the column and the
  // problem, without file or line.  `line` may feed content-hash ids.
  virtual Result<ImportedEvent> Parse(const std::vector<std::string>& fields,
                                      uint64_t line) const = 0;
};

}  // namespace trigon::import
