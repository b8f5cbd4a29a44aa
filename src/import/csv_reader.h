#pragma once
// CsvReader: a small RFC 4180 record reader over bytes in memory.
//
// Fields are separated by `delimiter`; records end at LF or CRLF.  With
// quoting on, a field that starts with '"' is quoted: it may hold the
// delimiter, CR and LF, and '""' stands for one '"'.  A '"' inside an
// unquoted field is kept as an ordinary character (lenient, as most
// producers expect).  A UTF-8 byte-order mark at the very start is skipped,
// and lines that are completely empty are not records.
//
// Errors are per record: text after a closing quote makes that record an
// error (the reader resumes at the next line); a quote left open at the end
// of the input is an error and ends the input.
//
// Thread-safety: one reader per thread; the bytes must outlive the reader.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace trigon::import {

struct CsvOptions {
  // Field separator.  Default ','; '\t' for tab-separated files.
  char delimiter = ',';
  // Honour '"' quoting (RFC 4180).  Default true.  Off for formats that
  // never quote (GDELT's and ICEWS's tab-separated files), where a '"' is
  // data.
  bool quoting = true;
};

class CsvReader {
 public:
  explicit CsvReader(std::string_view data, CsvOptions options = {});

  // Reads the next record into *fields (cleared first).  Returns false at
  // the end of the input.  When it returns true, *status is OK or the
  // record's error (InvalidArgument, naming the field; *fields is then
  // unspecified).  line() is the 1-based line where the record started.
  bool Next(std::vector<std::string>* fields, Status* status);

  int64_t line() const { return record_line_; }

 private:
  // Skips to just past the next line end (error recovery).
  void SkipLine();

  std::string_view data_;
  CsvOptions options_;
  size_t pos_ = 0;
  int64_t next_line_ = 1;    // line number at pos_
  int64_t record_line_ = 0;  // line where the last record started
};

// Splits one line (no line end) into fields with `options`; convenience for
// format detection.  Errors as CsvReader::Next.
Result<std::vector<std::string>> SplitCsvLine(std::string_view line, CsvOptions options = {});

}  // namespace trigon::import
