#pragma once
// Database: Trigon's store -- an embedded SQLite file by default, or a
// shared PostgreSQL database when opened with a postgresql:// URL.  Both
// have the same schema and migrations, and opening applies any pending
// ones.  Writes go through explicit transactions so a run killed half-way
// leaves every committed document whole and nothing half-written.
//
// Thread-safety: a Database is used by one thread at a time.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "model/document.h"

struct sqlite3;

namespace trigon::store {

namespace internal {
class Connection;
}

struct StoreOptions {
  // Open without writing (no migrations; SQLite: PRAGMA query_only,
  // PostgreSQL: every transaction READ ONLY).  Default false.
  bool read_only = false;
  // How long to wait for another writer's lock, in ms (SQLite's busy
  // timeout, PostgreSQL's lock_timeout).  Default 5000.
  int busy_timeout_ms = 5000;
};

// An input that could not be stored, and why.
struct SkipRecord {
  std::string source_path;
  int64_t line = 0;                    // 0 for whole files
  std::optional<int64_t> byte_offset;  // where decoding failed, if known
  std::string code;                    // StatusCode name
  std::string reason;                  // the full message
};

struct RunCounts {
  int64_t files_seen = 0;
  int64_t docs_stored = 0;
  int64_t docs_unchanged = 0;
  int64_t inputs_skipped = 0;
};

struct DocumentRow {
  std::string id;
  std::string source_path;
  std::string format;
  std::string title;
  std::optional<std::string> date;
  std::string date_basis;
  int64_t paragraphs = 0;
  int64_t sentences = 0;
  int64_t removed = 0;
  std::string langs;  // comma-separated languages of its sentences
};

struct SentenceRow {
  int64_t index = 0;
  int64_t paragraph = 0;
  model::Span span;
  int64_t source_begin = 0;
  int64_t source_end = 0;
  std::string lang;
  std::string text;
  std::string normalized;
};

struct LinkRow {
  std::string doc_a;
  std::string doc_b;
  std::string kind;
  double similarity = 0;
};

struct StoreSummary {
  int64_t documents = 0;
  int64_t sentences = 0;
  std::vector<std::pair<std::string, int64_t>> sentences_by_lang;
  int64_t dated_documents = 0;
  std::vector<std::pair<std::string, int64_t>> dates_by_basis;
  int64_t links = 0;
  std::vector<std::pair<std::string, int64_t>> removed_by_reason;
  int64_t skipped = 0;
};

// True when `location` names a database server (a PostgreSQL URI) rather
// than an SQLite file.
bool IsServerLocation(std::string_view location);

// `location` as safe to print: a PostgreSQL URI with its password
// replaced by "***"; a file path unchanged.
std::string DisplayLocation(std::string_view location);

class Database {
 public:
  // Opens the database at `path` and migrates it to the latest schema
  // unless read_only.  `path` is a PostgreSQL connection URI
  // ("postgresql://user@host:5432/db", "postgres://..."; libpq reads the
  // rest, e.g. PGPASSWORD) or else an SQLite file, created if needed
  // (":memory:" works).
  static Result<std::unique_ptr<Database>> Open(const std::string& path,
                                                const StoreOptions& options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Latest applied migration number.
  Result<int> SchemaVersion();

  // Explicit transactions (SQLite: BEGIN IMMEDIATE / COMMIT / ROLLBACK).
  Status Begin();
  Status Commit();
  Status Rollback();

  Result<int64_t> StartRun(std::string_view command);
  Status FinishRun(int64_t run_id, const RunCounts& counts);

  Result<bool> HasDocument(const std::string& id);
  // Inserts the document with its paragraphs, sentences and removed spans.
  // REQUIRES: inside Begin()/Commit(); doc.id not yet stored.
  Status InsertDocument(const model::Document& doc, std::string_view minhash,
                        int64_t run_id);
  // Notes that `path` also contained document `id` (re-ingest, copies).
  Status AddDocumentSource(const std::string& id, const std::string& path,
                           int64_t run_id);

  // Records (or replaces) a skip for (source_path, line).
  Status RecordSkip(const SkipRecord& skip, int64_t run_id);
  // Forgets an earlier skip once the input has been stored.
  Status ClearSkip(const std::string& source_path, int64_t line);
  Result<std::vector<SkipRecord>> ListSkips();

  // Links two documents (order-insensitive); replaces an existing link.
  Status LinkDocuments(const std::string& a, const std::string& b,
                       std::string_view kind, double similarity);
  Result<std::vector<LinkRow>> ListLinks();

  // (id, minhash) of every stored document, for the near-duplicate index.
  Result<std::vector<std::pair<std::string, std::string>>> AllSignatures();

  Result<std::vector<DocumentRow>> ListDocuments();
  // Full id for an id or a unique prefix of one (at least 4 hex digits).
  Result<std::string> ResolveDocumentId(std::string_view id_or_prefix);
  Result<std::vector<SentenceRow>> ListSentences(const std::string& doc_id);
  // The document with paragraphs, sentences and removed spans.
  Result<model::Document> LoadDocument(const std::string& doc_id);
  Result<StoreSummary> Summary();

  // The raw SQLite handle, for tests that inject faults; nullptr on
  // PostgreSQL.
  sqlite3* TEST_handle();

 private:
  friend class EventRepository;
  explicit Database(std::unique_ptr<internal::Connection> conn);
  Status Migrate();

  std::unique_ptr<internal::Connection> conn_;
};

// Encoding of Document::source_map in the documents.source_map column
// (docs/formats/schema.md): version byte 1, then 25 bytes per piece.
std::string EncodeSourceMap(const std::vector<model::SourcePiece>& map);
Result<std::vector<model::SourcePiece>> DecodeSourceMap(std::string_view bytes);

}  // namespace trigon::store
