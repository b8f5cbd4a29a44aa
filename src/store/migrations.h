#pragma once
// Numbered schema migrations.  Each is applied once, in order, inside one
// transaction, and recorded in schema_migrations.  Never edit a migration
// that has shipped: add the next number.  docs/formats/schema.md describes
// the resulting schema.

#include <span>
#include <string_view>

namespace trigon::store {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
};

// All migrations, ascending by version.
std::span<const Migration> AllMigrations();

}  // namespace trigon::store
