#pragma once
// Internal to src/store: the SQLite backend, the only file pair that
// includes sqlite3.h.  RAII over sqlite3 and sqlite3_stmt; every return
// code becomes a Status carrying sqlite3_errmsg.

#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>

#include "store/connection.h"

namespace trigon::store::internal {

// Status for a failed sqlite call on `db`, with `what` as context:
// SQLITE_FULL/NOMEM -> ResourceExhausted, CORRUPT/NOTADB -> Corruption,
// CONSTRAINT/MISMATCH -> InvalidArgument, anything else -> IOError.
Status SqliteError(sqlite3* db, int rc, std::string_view what);

class SqliteConnection final : public Connection {
 public:
  // Opens (creating unless read_only) the file at `path` (":memory:"
  // works) and sets the PRAGMAs: foreign keys on; read-only connections get
  // query_only, writers WAL (files only) and synchronous=NORMAL.
  static Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path, bool read_only,
                                                        int busy_timeout_ms);
  ~SqliteConnection() override;

  Dialect dialect() const override { return Dialect::kSqlite; }
  Status Exec(std::string_view sql) override;
  Result<std::unique_ptr<Statement>> Prepare(std::string_view sql) override;
  using Connection::Prepare;
  Status Begin() override;  // BEGIN IMMEDIATE: take the write lock up front
  Status Commit() override;
  Status Rollback() override;
  Status LockSchema() override { return Status::OK(); }
  Status UnlockSchema() override { return Status::OK(); }

  sqlite3* handle() { return db_; }

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}

  sqlite3* db_;
};

}  // namespace trigon::store::internal
