#pragma once
// Numbered schema migrations.  Each is applied once, in order, inside one
// transaction, and recorded in schema_migrations.  Never edit a migration
// that has shipped: add the next number.  docs/formats/schema.md describes
// the resulting schema.

#include <span>
#include <string>
#include <string_view>

#include "base/result.h"
#include "store/connection.h"

namespace trigon::store {

struct Migration {
  int version;
  std::string_view description;
  // In SQLite's dialect; PostgreSQL runs its translation (postgres_dialect.h).
  std::string_view sql;
  // Runs after `sql` on PostgreSQL only: what SQLite gives implicitly and
  // the store relies on (documents.rowid, the ingest order).
  std::string_view postgres_extra = {};
};

// All migrations, ascending by version.
std::span<const Migration> AllMigrations();

// The script that applies `m` on `dialect`.
Result<std::string> MigrationScript(const Migration& m, internal::Dialect dialect);

}  // namespace trigon::store
