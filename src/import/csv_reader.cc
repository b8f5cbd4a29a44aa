// RFC 4180 reading as a small state machine over the bytes: at the start of
// a field, inside an unquoted field, inside a quoted field, or just after a
// closing quote.  Reference: RFC 4180, "Common Format and MIME Type for
// Comma-Separated Values (CSV) Files", section 2.

#include "import/csv_reader.h"

#include <utility>

namespace trigon::import {

CsvReader::CsvReader(std::string_view data, CsvOptions options) : data_(data), options_(options) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (data_.substr(0, kBom.size()) == kBom) pos_ = kBom.size();
}

void CsvReader::SkipLine() {
  while (pos_ < data_.size()) {
    const char c = data_[pos_++];
    if (c == '\n') {
      ++next_line_;
      return;
    }
  }
}

bool CsvReader::Next(std::vector<std::string>* fields, Status* status) {
  fields->clear();
  *status = Status::OK();
  // Skip empty lines (LF or CRLF alone).
  while (pos_ < data_.size()) {
    if (data_[pos_] == '\n') {
      ++pos_;
      ++next_line_;
    } else if (data_[pos_] == '\r' && pos_ + 1 < data_.size() && data_[pos_ + 1] == '\n') {
      pos_ += 2;
      ++next_line_;
    } else {
      break;
    }
  }
  if (pos_ >= data_.size()) return false;
  record_line_ = next_line_;

  std::string field;
  while (true) {
    // At the start of a field.
    if (options_.quoting && pos_ < data_.size() && data_[pos_] == '"') {
      ++pos_;
      bool closed = false;
      while (pos_ < data_.size()) {
        const char c = data_[pos_++];
        if (c == '"') {
          if (pos_ < data_.size() && data_[pos_] == '"') {
            field.push_back('"');
            ++pos_;
          } else {
            closed = true;
            break;
          }
        } else {
          if (c == '\n') ++next_line_;
          field.push_back(c);
        }
      }
      if (!closed) {
        *status = Status::InvalidArgument("field " + std::to_string(fields->size() + 1) +
                                          ": quoted field not closed before the end of the input");
        return true;
      }
      // After the closing quote: delimiter, line end or end of input.
      const bool at_end = pos_ >= data_.size();
      const bool crlf =
          !at_end && data_[pos_] == '\r' && pos_ + 1 < data_.size() && data_[pos_ + 1] == '\n';
      if (!at_end && data_[pos_] != options_.delimiter && data_[pos_] != '\n' && !crlf) {
        *status = Status::InvalidArgument("field " + std::to_string(fields->size() + 1) +
                                          ": unexpected text after a closing quote");
        SkipLine();
        return true;
      }
    } else {
      while (pos_ < data_.size()) {
        const char c = data_[pos_];
        if (c == options_.delimiter || c == '\n') break;
        if (c == '\r' && pos_ + 1 < data_.size() && data_[pos_ + 1] == '\n') {
          break;
        }
        field.push_back(c);
        ++pos_;
      }
    }
    fields->push_back(std::move(field));
    field.clear();
    if (pos_ >= data_.size()) return true;
    const char c = data_[pos_];
    if (c == options_.delimiter) {
      ++pos_;
      continue;
    }
    // A line end (LF or CRLF) ends the record.
    pos_ += c == '\r' ? 2 : 1;
    ++next_line_;
    return true;
  }
}

Result<std::vector<std::string>> SplitCsvLine(std::string_view line, CsvOptions options) {
  CsvReader reader(line, options);
  std::vector<std::string> fields;
  Status status;
  if (!reader.Next(&fields, &status)) return std::vector<std::string>{};
  if (!status.ok()) return status;
  return fields;
}

}  // namespace trigon::import
