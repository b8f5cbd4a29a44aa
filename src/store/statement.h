#pragma once
// Internal to src/store: a prepared statement of either backend
// (sqlite_connection.h, postgres_connection.h).  Bind, step through the
// rows, read columns; every failure is a Status with the backend's message.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace trigon::store::internal {

// The current UTC time as "YYYY-MM-DDTHH:MM:SSZ", for *_at columns.
std::string NowUtc();

class Statement {
 public:
  virtual ~Statement() = default;

  // Bind by 1-based index.  Text and blobs are copied.  A bind failure is
  // reported by the next Step().
  virtual Statement& Bind(int index, int64_t value) = 0;
  virtual Statement& Bind(int index, std::string_view text) = 0;
  virtual Statement& BindBlob(int index, std::string_view bytes) = 0;
  virtual Statement& Bind(int index, double value) = 0;
  virtual Statement& BindNull(int index) = 0;
  Statement& BindOptional(int index, const std::optional<std::string>& text);

  // Steps once (the first step executes).  Returns true for a row, false
  // when done.
  virtual Result<bool> Step() = 0;
  // Steps to completion, for statements that return no rows.
  Status Run();
  // Resets and clears bindings so the statement can be reused.
  virtual void Reset() = 0;
  // Rows inserted, updated or deleted by the last execution.
  virtual int64_t ChangedRows() const = 0;

  // Columns of the current row, 0-based.  NULL reads as 0 or "".
  virtual int64_t ColumnInt(int col) const = 0;
  virtual double ColumnDouble(int col) const = 0;
  virtual std::string ColumnText(int col) const = 0;
  virtual std::string ColumnBlob(int col) const = 0;
  virtual bool ColumnIsNull(int col) const = 0;
  std::optional<std::string> ColumnOptionalText(int col) const;
};

}  // namespace trigon::store::internal
