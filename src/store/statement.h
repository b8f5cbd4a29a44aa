#pragma once
// Internal to src/store: RAII wrappers over sqlite3 and sqlite3_stmt that
// turn every return code into a Status carrying sqlite3_errmsg.

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace trigon::store::internal {

// The current UTC time as "YYYY-MM-DDTHH:MM:SSZ", for *_at columns.
std::string NowUtc();

// Status for a failed sqlite call on `db`, with `what` as context.
Status SqliteError(sqlite3* db, int rc, std::string_view what);

class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;

  static Result<Statement> Prepare(sqlite3* db, std::string_view sql);

  // Bind by 1-based index.  Text and blobs are copied (SQLITE_TRANSIENT).
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, std::string_view text);
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& Bind(int index, double value);
  Statement& BindNull(int index);
  Statement& BindOptional(int index, const std::optional<std::string>& text);

  // Steps once.  Returns true for a row, false when done.
  Result<bool> Step();
  // Steps to completion, for statements that return no rows.
  Status Run();
  // Resets and clears bindings so the statement can be reused.
  void Reset();

  int64_t ColumnInt(int col) const;
  double ColumnDouble(int col) const;
  std::string ColumnText(int col) const;
  std::optional<std::string> ColumnOptionalText(int col) const;
  std::string ColumnBlob(int col) const;
  bool ColumnIsNull(int col) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int bind_rc_ = SQLITE_OK;  // first bind failure, reported by Step()
};

}  // namespace trigon::store::internal
