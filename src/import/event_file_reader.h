#pragma once
// EventFileReader: streams the events of one external event file, one
// Result per data row, so a malformed row is an error for that row only and
// the rest of the file still loads.  Row errors read
// "FILE:LINE: COLUMN: what is wrong".
//
// Formats (also the `origin` the store tags events with): gdelt1, gdelt2,
// icews, csv.  DetectImportFormat guesses from the first record.
//
// Thread-safety: one reader per thread; `data` must outlive the reader.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "import/csv_reader.h"
#include "import/imported_event.h"
#include "import/row_parser.h"

namespace trigon::import {

enum class ImportFormat { kGdelt1, kGdelt2, kIcews, kCsv };

// "gdelt1", "gdelt2", "icews", "csv".
std::string_view ImportFormatName(ImportFormat format);
// Inverse of ImportFormatName; InvalidArgument for anything else.
Result<ImportFormat> ParseImportFormat(std::string_view name);

// Guesses the format from the first record: a tab-separated line with the
// ICEWS header -> icews; a GDELT header (GLOBALEVENTID) or a header-less
// tab-separated row of 57/58 columns -> gdelt1, 61 columns -> gdelt2; a
// comma-separated header naming date, source, target and goldstein -> csv.
// Errors: Unsupported naming what was seen.
Result<ImportFormat> DetectImportFormat(std::string_view data);

class EventFileReader {
 public:
  // Reads the header (when the format has one) and prepares the row
  // parser.  `file` is used in messages only.  Errors: InvalidArgument
  // "FILE:LINE: ..." for an empty file or a header lacking required
  // columns.
  static Result<std::unique_ptr<EventFileReader>> Open(std::string_view data, std::string file,
                                                       ImportFormat format,
                                                       const ImportOptions& options);

  // The next data row: nullopt at the end of the file, else an event (with
  // its line) or the row's error.
  std::optional<Result<ImportedEvent>> Next();

  ImportFormat format() const { return format_; }

 private:
  EventFileReader(std::string_view data, std::string file, ImportFormat format, CsvOptions csv);

  std::string file_;
  ImportFormat format_;
  CsvReader csv_;
  std::unique_ptr<RowParser> parser_;
  // A header-less file's first record, already read to pick the layout.
  std::optional<std::vector<std::string>> pending_;
  int64_t pending_line_ = 0;
  std::vector<std::string> fields_;
};

}  // namespace trigon::import
