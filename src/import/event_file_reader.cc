#include "import/event_file_reader.h"

#include <utility>

#include "import/csv_format.h"
#include "import/gdelt_format.h"
#include "import/icews_format.h"

namespace trigon::import {
namespace {

std::string_view FirstLine(std::string_view data) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (data.substr(0, kBom.size()) == kBom) data.remove_prefix(kBom.size());
  size_t end = data.find('\n');
  std::string_view line = data.substr(0, end);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

CsvOptions OptionsFor(ImportFormat format, std::string_view data) {
  CsvOptions o;
  if (format == ImportFormat::kIcews) {
    o.delimiter = '\t';
    o.quoting = false;
  } else if (format == ImportFormat::kGdelt1 || format == ImportFormat::kGdelt2) {
    // GDELT's own files are tab-separated and unquoted; CSV exports quote.
    const bool tabs = FirstLine(data).find('\t') != std::string_view::npos;
    o.delimiter = tabs ? '\t' : ',';
    o.quoting = !tabs;
  }
  return o;
}

}  // namespace

std::string_view ImportFormatName(ImportFormat format) {
  switch (format) {
    case ImportFormat::kGdelt1:
      return "gdelt1";
    case ImportFormat::kGdelt2:
      return "gdelt2";
    case ImportFormat::kIcews:
      return "icews";
    case ImportFormat::kCsv:
      return "csv";
  }
  return "csv";
}

Result<ImportFormat> ParseImportFormat(std::string_view name) {
  for (ImportFormat f :
       {ImportFormat::kGdelt1, ImportFormat::kGdelt2, ImportFormat::kIcews, ImportFormat::kCsv}) {
    if (ImportFormatName(f) == name) return f;
  }
  return Status::InvalidArgument("unknown import format '" + std::string(name) +
                                 "' (gdelt1, gdelt2, icews, csv)");
}

Result<ImportFormat> DetectImportFormat(std::string_view data) {
  const std::string_view line = FirstLine(data);
  if (line.empty()) return Status::Unsupported("empty first line: cannot detect the format");
  if (line.find('\t') != std::string_view::npos) {
    TRIGON_ASSIGN_OR_RETURN(auto tab, SplitCsvLine(line, {'\t', false}));
    if (IsIcewsHeader(tab)) return ImportFormat::kIcews;
    if (IsGdeltHeader(tab) || tab.size() == kGdelt1Columns || tab.size() == kGdelt1UrlColumns) {
      return tab.size() == kGdelt2Columns ? ImportFormat::kGdelt2 : ImportFormat::kGdelt1;
    }
    if (tab.size() == kGdelt2Columns) return ImportFormat::kGdelt2;
    if (IsGenericCsvHeader(tab)) {
      return Status::Unsupported(
          "tab-separated generic tables are not supported; "
          "use commas");
    }
    return Status::Unsupported("tab-separated first line with " + std::to_string(tab.size()) +
                               " columns is neither ICEWS nor GDELT (57, 58, 61)");
  }
  auto fields = SplitCsvLine(line);
  if (!fields.ok()) {
    return Status::Unsupported("cannot detect the format: first line: " +
                               fields.status().message());
  }
  if (IsGdeltHeader(*fields)) {
    return fields->size() == kGdelt2Columns ? ImportFormat::kGdelt2 : ImportFormat::kGdelt1;
  }
  if (IsGenericCsvHeader(*fields)) return ImportFormat::kCsv;
  return Status::Unsupported(
      "cannot detect the format: the first line is no GDELT or ICEWS header and "
      "does not name date, source, target, goldstein; use --format");
}

EventFileReader::EventFileReader(std::string_view data, std::string file, ImportFormat format,
                                 CsvOptions csv)
    : file_(std::move(file)), format_(format), csv_(data, csv) {}

Result<std::unique_ptr<EventFileReader>> EventFileReader::Open(std::string_view data,
                                                               std::string file,
                                                               ImportFormat format,
                                                               const ImportOptions& options) {
  std::unique_ptr<EventFileReader> r(
      new EventFileReader(data, std::move(file), format, OptionsFor(format, data)));
  std::vector<std::string> first;
  Status status;
  if (!r->csv_.Next(&first, &status)) {
    return Status::InvalidArgument(r->file_ + ":1: empty file");
  }
  const std::string where = r->file_ + ":" + std::to_string(r->csv_.line()) + ": ";
  if (!status.ok()) return Status::InvalidArgument(where + "header: " + status.message());
  Result<std::unique_ptr<RowParser>> parser = Status::Internal("unset");
  switch (format) {
    case ImportFormat::kGdelt1:
    case ImportFormat::kGdelt2:
      if (IsGdeltHeader(first)) {
        parser = MakeGdeltParserFromHeader(first, options);
      } else {
        const size_t width = format == ImportFormat::kGdelt2 ? kGdelt2Columns : kGdelt1Columns;
        parser = MakeGdeltParser(width, options);
        r->pending_ = std::move(first);
        r->pending_line_ = r->csv_.line();
      }
      break;
    case ImportFormat::kIcews:
      parser = MakeIcewsParser(first, options);
      break;
    case ImportFormat::kCsv:
      parser = MakeGenericCsvParser(first, options);
      break;
  }
  if (!parser.ok()) return Status::InvalidArgument(where + parser.status().message());
  r->parser_ = std::move(parser).value();
  return r;
}

std::optional<Result<ImportedEvent>> EventFileReader::Next() {
  int64_t line = 0;
  if (pending_) {
    fields_ = std::move(*pending_);
    pending_.reset();
    line = pending_line_;
  } else {
    Status status;
    if (!csv_.Next(&fields_, &status)) return std::nullopt;
    line = csv_.line();
    if (!status.ok()) {
      return Result<ImportedEvent>(
          Status::InvalidArgument(file_ + ":" + std::to_string(line) + ": " + status.message()));
    }
  }
  Result<ImportedEvent> event = parser_->Parse(fields_, static_cast<uint64_t>(line));
  if (!event.ok()) {
    return Result<ImportedEvent>(Status::InvalidArgument(file_ + ":" + std::to_string(line) + ": " +
                                                         event.status().message()));
  }
  event->line = static_cast<uint64_t>(line);
  return event;
}

}  // namespace trigon::import
