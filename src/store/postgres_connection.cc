#include "store/postgres_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <vector>

#include "store/postgres_dialect.h"

namespace trigon::store::internal {
namespace {

// Key of the session advisory lock that serialises migrations: "trigon"
// in ASCII, then 1.
constexpr int64_t kMigrationLockKey = 0x747269676f6e01;
// Server-side statements kept per connection before unused ones are freed.
constexpr size_t kMaxCachedStatements = 256;
constexpr Oid kByteaOid = 17;

// libpq messages end in newlines and indent their hints; one line reads
// better inside a Status.
std::string OneLine(const char* text) {
  std::string out;
  bool space = false;
  for (const char* p = text ? text : ""; *p; ++p) {
    if (*p == '\n' || *p == '\t' || *p == '\r' || *p == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += *p;
  }
  return out;
}

std::string SqlHead(std::string_view sql) {
  return "'" + std::string(sql.substr(0, 60)) + (sql.size() > 60 ? "...'" : "'");
}

// Status for a failed command; `result` may be null (out of memory, lost
// connection), then libpq's connection message is used.
Status ResultError(PGconn* conn, const PGresult* result, std::string_view what) {
  const char* sqlstate = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  if (!primary) {
    return Status::IOError(std::string(what) + ": " + OneLine(PQerrorMessage(conn)));
  }
  std::string message = primary;
  if (const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL)) {
    message += " (" + OneLine(detail) + ")";
  }
  return PostgresError(sqlstate ? sqlstate : "", message, what);
}

// True when `result` finished without error.
bool Succeeded(const PGresult* result) {
  if (!result) return false;
  const ExecStatusType status = PQresultStatus(result);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

void IgnoreNotice(void* /*arg*/, const char* /*message*/) {
  // The library never prints; notices ("relation already exists, skipping")
  // carry nothing the caller needs.
}

class PostgresStatement final : public Statement {
 public:
  PostgresStatement(PGconn* conn, std::shared_ptr<const PostgresConnection::Prepared> prepared,
                    std::string sql_head)
      : conn_(conn),
        prepared_(std::move(prepared)),
        sql_head_(std::move(sql_head)),
        values_(static_cast<size_t>(prepared_->parameters)),
        is_null_(values_.size(), true),
        is_binary_(values_.size(), false) {}
  ~PostgresStatement() override { PQclear(result_); }
  PostgresStatement(const PostgresStatement&) = delete;
  PostgresStatement& operator=(const PostgresStatement&) = delete;

  Statement& Bind(int index, int64_t value) override {
    return Set(index, std::to_string(value), false);
  }
  Statement& Bind(int index, std::string_view text) override {
    if (text.find('\0') != std::string_view::npos) {
      Fail(Status::InvalidArgument("bind ?" + std::to_string(index) +
                                   ": PostgreSQL text cannot hold a NUL byte"));
      return *this;
    }
    return Set(index, std::string(text), false);
  }
  Statement& BindBlob(int index, std::string_view bytes) override {
    return Set(index, std::string(bytes), true);
  }
  Statement& Bind(int index, double value) override {
    // Shortest text that reads back as the same double; PostgreSQL spells
    // the special values out.
    if (std::isnan(value)) return Set(index, "NaN", false);
    if (std::isinf(value)) return Set(index, value > 0 ? "Infinity" : "-Infinity", false);
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), value);
    return Set(index, std::string(buf, ec == std::errc() ? end : buf), false);
  }
  Statement& BindNull(int index) override {
    if (!CheckIndex(index)) return *this;
    is_null_[static_cast<size_t>(index - 1)] = true;
    return *this;
  }

  Result<bool> Step() override {
    if (!bind_error_.ok()) return bind_error_;
    if (executed_) {
      ++row_;
    } else {
      TRIGON_RETURN_IF_ERROR(Execute());
    }
    return row_ < PQntuples(result_);
  }

  void Reset() override {
    PQclear(result_);
    result_ = nullptr;
    executed_ = false;
    row_ = 0;
    std::fill(is_null_.begin(), is_null_.end(), true);
    std::fill(is_binary_.begin(), is_binary_.end(), false);
    bind_error_ = Status::OK();
  }

  int64_t ChangedRows() const override {
    if (!result_) return 0;
    const char* n = PQcmdTuples(result_);
    int64_t rows = 0;
    std::from_chars(n, n + std::strlen(n), rows);
    return rows;
  }

  int64_t ColumnInt(int col) const override {
    if (ColumnIsNull(col)) return 0;
    const char* v = PQgetvalue(result_, row_, col);
    const char* end = v + PQgetlength(result_, row_, col);
    int64_t out = 0;
    const auto [p, ec] = std::from_chars(v, end, out);
    if (ec == std::errc() && p == end) return out;
    if (std::strcmp(v, "t") == 0) return 1;  // boolean
    if (std::strcmp(v, "f") == 0) return 0;
    return static_cast<int64_t>(ColumnDouble(col));  // numeric: truncate as SQLite
  }

  double ColumnDouble(int col) const override {
    if (ColumnIsNull(col)) return 0;
    const char* v = PQgetvalue(result_, row_, col);
    const char* end = v + PQgetlength(result_, row_, col);
    const bool negative = *v == '-';
    if (std::strcmp(v + negative, "Infinity") == 0) {
      return negative ? -HUGE_VAL : HUGE_VAL;
    }
    double out = 0;
    std::from_chars(v, end, out);  // "NaN" parses too
    return out;
  }

  std::string ColumnText(int col) const override {
    if (ColumnIsNull(col)) return {};
    return std::string(PQgetvalue(result_, row_, col),
                       static_cast<size_t>(PQgetlength(result_, row_, col)));
  }

  std::string ColumnBlob(int col) const override {
    if (ColumnIsNull(col)) return {};
    if (PQftype(result_, col) != kByteaOid) return ColumnText(col);
    size_t n = 0;
    unsigned char* bytes =
        PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(result_, row_, col)), &n);
    if (!bytes) return {};
    std::string out(reinterpret_cast<const char*>(bytes), n);
    PQfreemem(bytes);
    return out;
  }

  bool ColumnIsNull(int col) const override {
    return !result_ || row_ >= PQntuples(result_) || col < 0 || col >= PQnfields(result_) ||
           PQgetisnull(result_, row_, col);
  }

 private:
  Status Execute() {
    const size_t n = values_.size();
    std::vector<const char*> values(n);
    std::vector<int> lengths(n);
    std::vector<int> formats(n);
    for (size_t i = 0; i < n; ++i) {
      values[i] = is_null_[i] ? nullptr : values_[i].data();
      lengths[i] = static_cast<int>(values_[i].size());
      formats[i] = is_binary_[i] ? 1 : 0;
    }
    result_ = PQexecPrepared(conn_, prepared_->name.c_str(), static_cast<int>(n), values.data(),
                             lengths.data(), formats.data(), 0);
    executed_ = true;
    row_ = 0;
    if (!Succeeded(result_)) {
      Status s = ResultError(conn_, result_, "step " + sql_head_);
      PQclear(result_);
      result_ = nullptr;
      return s;
    }
    return Status::OK();
  }

  bool CheckIndex(int index) {
    if (index >= 1 && index <= prepared_->parameters) return true;
    Fail(Status::InvalidArgument("bind ?" + std::to_string(index) + " of " + sql_head_ +
                                 ": the statement has " + std::to_string(prepared_->parameters) +
                                 " parameters"));
    return false;
  }

  Statement& Set(int index, std::string value, bool binary) {
    if (!CheckIndex(index)) return *this;
    const auto i = static_cast<size_t>(index - 1);
    values_[i] = std::move(value);
    is_null_[i] = false;
    is_binary_[i] = binary;
    return *this;
  }

  // Keeps the first bind failure for Step() to report.
  void Fail(Status s) {
    if (bind_error_.ok()) bind_error_ = std::move(s);
  }

  PGconn* conn_;
  std::shared_ptr<const PostgresConnection::Prepared> prepared_;
  std::string sql_head_;
  std::vector<std::string> values_;
  std::vector<bool> is_null_;
  std::vector<bool> is_binary_;
  Status bind_error_;
  PGresult* result_ = nullptr;
  bool executed_ = false;
  int row_ = 0;
};

}  // namespace

Status PostgresError(std::string_view sqlstate, std::string_view message, std::string_view what) {
  std::string msg = std::string(what) + ": " + std::string(message);
  if (!sqlstate.empty()) msg += " (SQLSTATE " + std::string(sqlstate) + ")";
  const std::string_view cls = sqlstate.substr(0, 2);
  if (cls == "23" || cls == "22") return Status::InvalidArgument(std::move(msg));
  if (cls == "53" || cls == "54") return Status::ResourceExhausted(std::move(msg));
  if (sqlstate == "XX001" || sqlstate == "XX002") return Status::Corruption(std::move(msg));
  if (cls == "0A") return Status::Unsupported(std::move(msg));
  return Status::IOError(std::move(msg));
}

std::string RedactPostgresUrl(std::string_view url) {
  std::string out(url);
  // postgresql://user:password@host...: the password ends at the last '@'
  // of the authority (before the first '/', '?' or the end).
  const size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    const size_t authority = scheme + 3;
    size_t authority_end = out.find_first_of("/?", authority);
    if (authority_end == std::string::npos) authority_end = out.size();
    const size_t at = out.rfind('@', authority_end);
    if (at != std::string::npos && at >= authority) {
      const size_t colon = out.find(':', authority);
      if (colon != std::string::npos && colon < at) {
        out.replace(colon + 1, at - colon - 1, "***");
      }
    }
  }
  // ...?password=secret&...
  for (size_t pos = out.find("password="); pos != std::string::npos;
       pos = out.find("password=", pos + 1)) {
    if (pos > 0 && out[pos - 1] != '?' && out[pos - 1] != '&') continue;
    const size_t begin = pos + 9;
    size_t end = out.find('&', begin);
    if (end == std::string::npos) end = out.size();
    out.replace(begin, end - begin, "***");
  }
  return out;
}

Result<std::unique_ptr<PostgresConnection>> PostgresConnection::Open(const std::string& url,
                                                                     bool read_only,
                                                                     int lock_timeout_ms) {
  // Keywords before "dbname" are defaults the URI may override; those after
  // it win over the URI.
  const char* const keys[] = {"connect_timeout", "fallback_application_name", "dbname",
                              "client_encoding", nullptr};
  const char* const values[] = {"10", "trigon", url.c_str(), "UTF8", nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (!conn) return Status::ResourceExhausted("connect: libpq is out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    Status s =
        Status::IOError("connect " + RedactPostgresUrl(url) + ": " + OneLine(PQerrorMessage(conn)));
    PQfinish(conn);
    return s;
  }
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  std::unique_ptr<PostgresConnection> db(new PostgresConnection(conn));
  TRIGON_RETURN_IF_ERROR(
      db->Exec("SET lock_timeout = " + std::to_string(std::max(lock_timeout_ms, 0))));
  if (read_only) {
    TRIGON_RETURN_IF_ERROR(db->Exec("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"));
  }
  return db;
}

PostgresConnection::~PostgresConnection() { PQfinish(conn_); }

Status PostgresConnection::Exec(std::string_view sql) {
  PGresult* result = PQexec(conn_, std::string(sql).c_str());
  Status s = Succeeded(result) ? Status::OK() : ResultError(conn_, result, "exec " + SqlHead(sql));
  PQclear(result);
  return s;
}

Result<std::unique_ptr<Statement>> PostgresConnection::Prepare(std::string_view sql) {
  const std::string key(sql);
  auto it = prepared_.find(key);
  if (it == prepared_.end()) {
    Result<PostgresQuery> query = TranslateQuery(sql);
    if (!query.ok()) return query.status().WithContext("prepare " + SqlHead(sql));
    TrimCache();
    auto prepared = std::make_shared<Prepared>();
    prepared->name = "trigon_" + std::to_string(++statements_created_);
    prepared->parameters = query->parameters;
    PGresult* result =
        PQprepare(conn_, prepared->name.c_str(), query->text.c_str(), query->parameters, nullptr);
    Status s =
        Succeeded(result) ? Status::OK() : ResultError(conn_, result, "prepare " + SqlHead(sql));
    PQclear(result);
    TRIGON_RETURN_IF_ERROR(s);
    it = prepared_.emplace(key, std::move(prepared)).first;
  }
  return std::unique_ptr<Statement>(
      std::make_unique<PostgresStatement>(conn_, it->second, SqlHead(sql)));
}

void PostgresConnection::TrimCache() {
  if (prepared_.size() < kMaxCachedStatements) return;
  // DEALLOCATE fails inside an aborted transaction; try again next time.
  if (PQtransactionStatus(conn_) == PQTRANS_INERROR) return;
  for (auto it = prepared_.begin(); it != prepared_.end();) {
    if (it->second.use_count() > 1) {
      ++it;
      continue;
    }
    PQclear(PQexec(conn_, ("DEALLOCATE " + it->second->name).c_str()));
    it = prepared_.erase(it);
  }
}

Status PostgresConnection::Begin() { return Exec("BEGIN"); }
Status PostgresConnection::Commit() { return Exec("COMMIT"); }
Status PostgresConnection::Rollback() {
  if (PQtransactionStatus(conn_) == PQTRANS_IDLE) return Status::OK();
  return Exec("ROLLBACK");
}

Status PostgresConnection::LockSchema() {
  return Exec("SELECT pg_advisory_lock(" + std::to_string(kMigrationLockKey) + ")");
}

Status PostgresConnection::UnlockSchema() {
  return Exec("SELECT pg_advisory_unlock(" + std::to_string(kMigrationLockKey) + ")");
}

}  // namespace trigon::store::internal
