#pragma once
// Internal to src/store: the seam between the store's typed calls
// (database.h, event_repository.h) and a SQL backend -- an SQLite file
// (sqlite_connection.h) or a PostgreSQL server (postgres_connection.h).
// SQL is written once in SQLite's dialect; the PostgreSQL backend translates
// it at prepare time (postgres_dialect.h).  Where the two dialects need
// different text, a DialectSql carries both.

#include <memory>
#include <string_view>

#include "base/result.h"
#include "store/statement.h"

namespace trigon::store::internal {

enum class Dialect { kSqlite, kPostgres };

// One statement in both dialects.  Both use ?N placeholders.
struct DialectSql {
  std::string_view sqlite;
  std::string_view postgres;
};

// True for "postgresql://..." and "postgres://..." (libpq connection URIs).
bool IsPostgresUrl(std::string_view location);

class Connection {
 public:
  virtual ~Connection() = default;

  virtual Dialect dialect() const = 0;

  // Runs one or more statements that take no parameters, verbatim.
  virtual Status Exec(std::string_view sql) = 0;
  // Prepares one statement written in SQLite's dialect.
  virtual Result<std::unique_ptr<Statement>> Prepare(std::string_view sql) = 0;
  Result<std::unique_ptr<Statement>> Prepare(const DialectSql& sql) {
    return Prepare(dialect() == Dialect::kPostgres ? sql.postgres : sql.sqlite);
  }

  // Explicit transactions.  Rollback with no transaction open (SQLite ends
  // one by itself after some errors) is a no-op.
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // Serialise schema migrations between processes: PostgreSQL takes a
  // session advisory lock; SQLite relies on its write lock (a no-op here).
  virtual Status LockSchema() = 0;
  virtual Status UnlockSchema() = 0;
};

}  // namespace trigon::store::internal
