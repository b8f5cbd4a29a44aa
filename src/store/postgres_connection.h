#pragma once
// Internal to src/store: the PostgreSQL backend over libpq.  Statements are
// translated from the store's SQLite dialect once (postgres_dialect.h),
// prepared on the server once per connection and cached by their text;
// parameters travel as text (blobs as binary bytea), results as text.
// Errors carry the server's message and SQLSTATE.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/connection.h"

struct pg_conn;

namespace trigon::store::internal {

// Status for a server error: SQLSTATE class 23 (integrity) and 22 (data)
// -> InvalidArgument, 53/54 (resources, limits) -> ResourceExhausted,
// XX001/XX002 (corrupted data or index) -> Corruption, 0A -> Unsupported,
// anything else -> IOError.  The message ends with "(SQLSTATE xxxxx)".
Status PostgresError(std::string_view sqlstate, std::string_view message, std::string_view what);

// `url` with any password replaced by "***", for messages.
std::string RedactPostgresUrl(std::string_view url);

class PostgresConnection final : public Connection {
 public:
  // Connects to the libpq URI `url` (UTF-8, connect_timeout 10 s unless the
  // URI sets one).  `lock_timeout_ms` bounds waits for another session's
  // locks; read_only makes every transaction READ ONLY.
  static Result<std::unique_ptr<PostgresConnection>> Open(const std::string& url, bool read_only,
                                                          int lock_timeout_ms);
  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Dialect dialect() const override { return Dialect::kPostgres; }
  Status Exec(std::string_view sql) override;
  Result<std::unique_ptr<Statement>> Prepare(std::string_view sql) override;
  using Connection::Prepare;
  Status Begin() override;
  Status Commit() override;
  Status Rollback() override;
  Status LockSchema() override;    // pg_advisory_lock
  Status UnlockSchema() override;  // pg_advisory_unlock

  // A statement prepared on the server: its name and parameter count.
  struct Prepared {
    std::string name;
    int parameters = 0;
  };

 private:
  explicit PostgresConnection(pg_conn* conn) : conn_(conn) {}
  // Deallocates cached statements no live Statement uses, once the cache
  // is full.
  void TrimCache();

  pg_conn* conn_;
  // Keyed by the SQLite-dialect text the caller passed.
  std::unordered_map<std::string, std::shared_ptr<const Prepared>> prepared_;
  int64_t statements_created_ = 0;
};

}  // namespace trigon::store::internal
