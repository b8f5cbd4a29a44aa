#include "store/sqlite_connection.h"

#include <utility>

namespace trigon::store::internal {
namespace {

class SqliteStatement final : public Statement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  Statement& Bind(int index, int64_t value) override {
    return Check(sqlite3_bind_int64(stmt_, index, value));
  }
  Statement& Bind(int index, std::string_view text) override {
    return Check(
        sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  }
  Statement& BindBlob(int index, std::string_view bytes) override {
    return Check(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
  }
  Statement& Bind(int index, double value) override {
    return Check(sqlite3_bind_double(stmt_, index, value));
  }
  Statement& BindNull(int index) override { return Check(sqlite3_bind_null(stmt_, index)); }

  Result<bool> Step() override {
    if (bind_rc_ != SQLITE_OK) return SqliteError(db_, bind_rc_, "bind");
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return SqliteError(db_, rc, "step");
  }

  void Reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    bind_rc_ = SQLITE_OK;
  }

  int64_t ChangedRows() const override { return sqlite3_changes64(db_); }

  int64_t ColumnInt(int col) const override { return sqlite3_column_int64(stmt_, col); }
  double ColumnDouble(int col) const override { return sqlite3_column_double(stmt_, col); }
  std::string ColumnText(int col) const override {
    const auto* p = sqlite3_column_text(stmt_, col);
    const int n = sqlite3_column_bytes(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(n))
             : std::string();
  }
  std::string ColumnBlob(int col) const override {
    const void* p = sqlite3_column_blob(stmt_, col);
    const int n = sqlite3_column_bytes(stmt_, col);
    return p ? std::string(static_cast<const char*>(p), static_cast<size_t>(n)) : std::string();
  }
  bool ColumnIsNull(int col) const override {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
  }

 private:
  // Keeps the first bind failure for Step() to report.
  Statement& Check(int rc) {
    if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
    return *this;
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  int bind_rc_ = SQLITE_OK;
};

}  // namespace

Status SqliteError(sqlite3* db, int rc, std::string_view what) {
  std::string msg(what);
  msg += ": ";
  msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xFF) {
    case SQLITE_FULL:
    case SQLITE_NOMEM:
      return Status::ResourceExhausted(std::move(msg));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corruption(std::move(msg));
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
      return Status::InvalidArgument(std::move(msg));
    default:
      return Status::IOError(std::move(msg));
  }
}

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::string& path,
                                                                 bool read_only,
                                                                 int busy_timeout_ms) {
  sqlite3* handle = nullptr;
  const int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  const int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = SqliteError(handle, rc, "open " + path);
    sqlite3_close_v2(handle);
    return s;
  }
  std::unique_ptr<SqliteConnection> conn(new SqliteConnection(handle));
  sqlite3_busy_timeout(handle, busy_timeout_ms);
  sqlite3_extended_result_codes(handle, 1);
  // One place for PRAGMAs: WAL for concurrent readers (the dashboard) while
  // a writer ingests; NORMAL sync is durable across process kills in WAL.
  TRIGON_RETURN_IF_ERROR(conn->Exec("PRAGMA foreign_keys = ON").WithContext(path));
  if (read_only) {
    TRIGON_RETURN_IF_ERROR(conn->Exec("PRAGMA query_only = ON"));
    return conn;
  }
  if (path != ":memory:") {
    TRIGON_RETURN_IF_ERROR(conn->Exec("PRAGMA journal_mode = WAL").WithContext(path));
  }
  TRIGON_RETURN_IF_ERROR(conn->Exec("PRAGMA synchronous = NORMAL").WithContext(path));
  return conn;
}

SqliteConnection::~SqliteConnection() { sqlite3_close_v2(db_); }

Status SqliteConnection::Exec(std::string_view sql) {
  char* err = nullptr;
  const std::string owned(sql);
  const int rc = sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    Status s = SqliteError(nullptr, rc, "exec");
    return Status(s.code(), "exec '" + owned.substr(0, 60) + "': " + msg);
  }
  return Status::OK();
}

Result<std::unique_ptr<Statement>> SqliteConnection::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    return SqliteError(db_, rc, "prepare '" + std::string(sql.substr(0, 60)) + "'");
  }
  return std::unique_ptr<Statement>(std::make_unique<SqliteStatement>(db_, stmt));
}

Status SqliteConnection::Begin() { return Exec("BEGIN IMMEDIATE"); }
Status SqliteConnection::Commit() { return Exec("COMMIT"); }
Status SqliteConnection::Rollback() {
  // SQLite rolls back by itself after some errors (SQLITE_FULL, IOERR); a
  // rollback with no transaction open is then already done.
  if (sqlite3_get_autocommit(db_)) return Status::OK();
  return Exec("ROLLBACK");
}

}  // namespace trigon::store::internal
