#include "store/database.h"

#include <sqlite3.h>

#include <chrono>
#include <cstring>
#include <ctime>

#include "store/migrations.h"
#include "store/statement.h"

namespace trigon::store {
namespace {

using internal::SqliteError;
using internal::NowUtc;
using internal::Statement;

constexpr uint8_t kSourceMapVersion = 1;
constexpr size_t kSourcePieceBytes = 4 + 4 + 8 + 8 + 1;

template <typename T>
void PutLE(std::string& out, T v) {
  for (size_t i = 0; i < sizeof(T); ++i) {
    out.push_back(static_cast<char>((static_cast<uint64_t>(v) >> (8 * i)) & 0xFF));
  }
}

template <typename T>
T GetLE(const char* p) {
  uint64_t v = 0;
  for (size_t i = 0; i < sizeof(T); ++i) {
    v |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  }
  return static_cast<T>(v);
}

// Run ids start at 1; 0 means "not part of a recorded run" and is stored
// as NULL so the foreign key holds.
void BindRun(Statement& st, int index, int64_t run_id) {
  if (run_id > 0) {
    st.Bind(index, run_id);
  } else {
    st.BindNull(index);
  }
}

}  // namespace

std::string EncodeSourceMap(const std::vector<model::SourcePiece>& map) {
  if (map.empty()) return {};
  std::string out;
  out.reserve(1 + map.size() * kSourcePieceBytes);
  out.push_back(static_cast<char>(kSourceMapVersion));
  for (const auto& p : map) {
    PutLE<uint32_t>(out, p.text_begin);
    PutLE<uint32_t>(out, p.text_length);
    PutLE<uint64_t>(out, p.source_begin);
    PutLE<uint64_t>(out, p.source_length);
    out.push_back(p.exact ? 1 : 0);
  }
  return out;
}

Result<std::vector<model::SourcePiece>> DecodeSourceMap(std::string_view bytes) {
  std::vector<model::SourcePiece> map;
  if (bytes.empty()) return map;
  if (static_cast<uint8_t>(bytes[0]) != kSourceMapVersion ||
      (bytes.size() - 1) % kSourcePieceBytes != 0) {
    return Status::Corruption("source_map blob: unknown version or bad length " +
                              std::to_string(bytes.size()));
  }
  for (size_t off = 1; off < bytes.size(); off += kSourcePieceBytes) {
    const char* p = bytes.data() + off;
    model::SourcePiece piece;
    piece.text_begin = GetLE<uint32_t>(p);
    piece.text_length = GetLE<uint32_t>(p + 4);
    piece.source_begin = GetLE<uint64_t>(p + 8);
    piece.source_length = GetLE<uint64_t>(p + 16);
    piece.exact = p[24] != 0;
    map.push_back(piece);
  }
  return map;
}

Database::Database(sqlite3* db) : db_(db) {}

Database::~Database() { sqlite3_close_v2(db_); }

Result<std::unique_ptr<Database>> Database::Open(const std::string& path,
                                                 const StoreOptions& options) {
  sqlite3* handle = nullptr;
  const int flags = options.read_only
                        ? SQLITE_OPEN_READONLY
                        : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  const int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = SqliteError(handle, rc, "open " + path);
    sqlite3_close_v2(handle);
    return s;
  }
  std::unique_ptr<Database> db(new Database(handle));
  sqlite3_busy_timeout(handle, options.busy_timeout_ms);
  sqlite3_extended_result_codes(handle, 1);
  // One place for PRAGMAs: WAL for concurrent readers (the dashboard) while
  // a writer ingests; NORMAL sync is durable across process kills in WAL.
  TRIGON_RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = ON").WithContext(path));
  if (options.read_only) {
    TRIGON_RETURN_IF_ERROR(db->Exec("PRAGMA query_only = ON"));
    return db;
  }
  if (path != ":memory:") {
    TRIGON_RETURN_IF_ERROR(db->Exec("PRAGMA journal_mode = WAL").WithContext(path));
  }
  TRIGON_RETURN_IF_ERROR(db->Exec("PRAGMA synchronous = NORMAL").WithContext(path));
  TRIGON_RETURN_IF_ERROR(db->Migrate().WithContext(path));
  return db;
}

Status Database::Exec(std::string_view sql) {
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

Status Database::Migrate() {
  TRIGON_RETURN_IF_ERROR(Exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
      " applied_at TEXT NOT NULL)"));
  TRIGON_ASSIGN_OR_RETURN(const int current, SchemaVersion());
  for (const Migration& m : AllMigrations()) {
    if (m.version <= current) continue;
    TRIGON_RETURN_IF_ERROR(Begin());
    Status s = Exec(m.sql);
    if (s.ok()) {
      auto ins = Statement::Prepare(
          db_, "INSERT INTO schema_migrations VALUES (?1, ?2, ?3)");
      if (!ins.ok()) {
        s = ins.status();
      } else {
        ins->Bind(1, int64_t{m.version}).Bind(2, m.description).Bind(3, NowUtc());
        s = ins->Run();
      }
    }
    if (!s.ok()) {
      (void)Rollback();
      return s.WithContext("migration " + std::to_string(m.version));
    }
    TRIGON_RETURN_IF_ERROR(Commit());
  }
  return Status::OK();
}

Result<int> Database::SchemaVersion() {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, Statement::Prepare(
                   db_, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  TRIGON_ASSIGN_OR_RETURN(const bool row, st.Step());
  if (!row) return 0;
  return static_cast<int>(st.ColumnInt(0));
}

Status Database::Begin() { return Exec("BEGIN IMMEDIATE"); }
Status Database::Commit() { return Exec("COMMIT"); }
Status Database::Rollback() {
  // SQLite rolls back by itself after some errors (SQLITE_FULL, IOERR); a
  // rollback with no transaction open is then already done.
  if (sqlite3_get_autocommit(db_)) return Status::OK();
  return Exec("ROLLBACK");
}

Result<int64_t> Database::StartRun(std::string_view command) {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, Statement::Prepare(
                   db_, "INSERT INTO ingest_runs(started_at, command) VALUES (?1, ?2)"));
  st.Bind(1, NowUtc()).Bind(2, command);
  TRIGON_RETURN_IF_ERROR(st.Run());
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
}

Status Database::FinishRun(int64_t run_id, const RunCounts& c) {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, Statement::Prepare(
                   db_,
                   "UPDATE ingest_runs SET finished_at=?1, files_seen=?2, "
                   "docs_stored=?3, docs_unchanged=?4, inputs_skipped=?5 WHERE id=?6"));
  st.Bind(1, NowUtc())
      .Bind(2, c.files_seen)
      .Bind(3, c.docs_stored)
      .Bind(4, c.docs_unchanged)
      .Bind(5, c.inputs_skipped)
      .Bind(6, run_id);
  return st.Run();
}

Result<bool> Database::HasDocument(const std::string& id) {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, Statement::Prepare(db_, "SELECT 1 FROM documents WHERE id = ?1"));
  st.Bind(1, id);
  return st.Step();
}

Status Database::InsertDocument(const model::Document& doc,
                                std::string_view minhash, int64_t run_id) {
  TRIGON_ASSIGN_OR_RETURN(
      auto d, Statement::Prepare(
                  db_,
                  "INSERT INTO documents(id, source_path, format, encoding, "
                  "source_bytes, external_id, title, url, source, declared_lang, "
                  "date, date_basis, date_text, text, raw, source_map, minhash, "
                  "run_id, ingested_at) VALUES "
                  "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19)"));
  d.Bind(1, doc.id)
      .Bind(2, doc.source_path)
      .Bind(3, doc.format)
      .Bind(4, doc.encoding)
      .Bind(5, static_cast<int64_t>(doc.source_bytes))
      .Bind(6, doc.external_id)
      .Bind(7, doc.title)
      .Bind(8, doc.url)
      .Bind(9, doc.source)
      .Bind(10, doc.declared_lang)
      .BindOptional(11, doc.date)
      .Bind(12, doc.date_basis)
      .Bind(13, doc.date_text)
      .Bind(14, doc.text);
  if (doc.raw.empty()) {
    d.BindNull(15);
  } else {
    d.BindBlob(15, doc.raw);
  }
  const std::string map = EncodeSourceMap(doc.source_map);
  if (map.empty()) {
    d.BindNull(16);
  } else {
    d.BindBlob(16, map);
  }
  d.BindBlob(17, minhash);
  BindRun(d, 18, run_id);
  d.Bind(19, NowUtc());
  TRIGON_RETURN_IF_ERROR(d.Run().WithContext("document " + doc.id));
  TRIGON_RETURN_IF_ERROR(AddDocumentSource(doc.id, doc.source_path, run_id));

  TRIGON_ASSIGN_OR_RETURN(
      auto p, Statement::Prepare(
                  db_, "INSERT INTO paragraphs VALUES (?1,?2,?3,?4,?5,?6)"));
  for (size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const auto& para = doc.paragraphs[i];
    p.Bind(1, doc.id)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, int64_t{para.span.begin})
        .Bind(4, int64_t{para.span.end})
        .Bind(5, para.lang)
        .Bind(6, para.script);
    TRIGON_RETURN_IF_ERROR(p.Run());
    p.Reset();
  }
  TRIGON_ASSIGN_OR_RETURN(
      auto s, Statement::Prepare(
                  db_, "INSERT INTO sentences VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)"));
  for (const auto& sent : doc.sentences) {
    const std::string_view text =
        std::string_view(doc.text).substr(sent.span.begin, sent.span.size());
    s.Bind(1, doc.id)
        .Bind(2, int64_t{sent.index})
        .Bind(3, int64_t{sent.paragraph})
        .Bind(4, int64_t{sent.span.begin})
        .Bind(5, int64_t{sent.span.end})
        .Bind(6, static_cast<int64_t>(model::SourceOffset(doc, sent.span.begin)))
        .Bind(7, static_cast<int64_t>(model::SourceOffset(doc, sent.span.end)))
        .Bind(8, sent.lang)
        .Bind(9, text)
        .Bind(10, sent.normalized);
    TRIGON_RETURN_IF_ERROR(s.Run());
    s.Reset();
  }
  TRIGON_ASSIGN_OR_RETURN(
      auto r, Statement::Prepare(
                  db_, "INSERT INTO removed_spans VALUES (?1,?2,?3,?4,?5,?6)"));
  for (size_t i = 0; i < doc.removed.size(); ++i) {
    const auto& rem = doc.removed[i];
    r.Bind(1, doc.id)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, int64_t{rem.span.begin})
        .Bind(4, int64_t{rem.span.end})
        .Bind(5, model::RemovalReasonName(rem.reason))
        .Bind(6, rem.detail);
    TRIGON_RETURN_IF_ERROR(r.Run());
    r.Reset();
  }
  return Status::OK();
}

Status Database::AddDocumentSource(const std::string& id, const std::string& path,
                                   int64_t run_id) {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, Statement::Prepare(
                   db_, "INSERT OR IGNORE INTO document_sources VALUES (?1,?2,?3)"));
  st.Bind(1, id).Bind(2, path);
  BindRun(st, 3, run_id);
  return st.Run();
}

Status Database::RecordSkip(const SkipRecord& skip, int64_t run_id) {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, Statement::Prepare(
                   db_,
                   "INSERT OR REPLACE INTO skipped_inputs VALUES (?1,?2,?3,?4,?5,?6,?7)"));
  st.Bind(1, skip.source_path).Bind(2, skip.line);
  if (skip.byte_offset) {
    st.Bind(3, *skip.byte_offset);
  } else {
    st.BindNull(3);
  }
  st.Bind(4, skip.code).Bind(5, skip.reason);
  BindRun(st, 6, run_id);
  st.Bind(7, NowUtc());
  return st.Run();
}

Status Database::ClearSkip(const std::string& source_path, int64_t line) {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, Statement::Prepare(
                   db_, "DELETE FROM skipped_inputs WHERE source_path=?1 AND line=?2"));
  st.Bind(1, source_path).Bind(2, line);
  return st.Run();
}

Result<std::vector<SkipRecord>> Database::ListSkips() {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, Statement::Prepare(
                   db_,
                   "SELECT source_path, line, byte_offset, code, reason "
                   "FROM skipped_inputs ORDER BY source_path, line"));
  std::vector<SkipRecord> out;
  for (;;) {
    TRIGON_ASSIGN_OR_RETURN(const bool row, st.Step());
    if (!row) break;
    SkipRecord r;
    r.source_path = st.ColumnText(0);
    r.line = st.ColumnInt(1);
    if (!st.ColumnIsNull(2)) r.byte_offset = st.ColumnInt(2);
    r.code = st.ColumnText(3);
    r.reason = st.ColumnText(4);
    out.push_back(std::move(r));
  }
  return out;
}

Status Database::LinkDocuments(const std::string& a, const std::string& b,
                               std::string_view kind, double similarity) {
  if (a == b) return Status::InvalidArgument("cannot link a document to itself");
  TRIGON_ASSIGN_OR_RETURN(
      auto st, Statement::Prepare(
                   db_, "INSERT OR REPLACE INTO document_links VALUES (?1,?2,?3,?4)"));
  const bool ordered = a < b;
  st.Bind(1, ordered ? a : b).Bind(2, ordered ? b : a).Bind(3, kind).Bind(4, similarity);
  return st.Run();
}

Result<std::vector<LinkRow>> Database::ListLinks() {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, Statement::Prepare(
                   db_,
                   "SELECT doc_a, doc_b, kind, similarity "
                   "FROM document_links ORDER BY doc_a, doc_b"));
  std::vector<LinkRow> out;
  for (;;) {
    TRIGON_ASSIGN_OR_RETURN(const bool row, st.Step());
    if (!row) break;
    out.push_back({st.ColumnText(0), st.ColumnText(1), st.ColumnText(2),
                   st.ColumnDouble(3)});
  }
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> Database::AllSignatures() {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, Statement::Prepare(
                   db_, "SELECT id, minhash FROM documents WHERE minhash IS NOT NULL"));
  std::vector<std::pair<std::string, std::string>> out;
  for (;;) {
    TRIGON_ASSIGN_OR_RETURN(const bool row, st.Step());
    if (!row) break;
    out.emplace_back(st.ColumnText(0), st.ColumnBlob(1));
  }
  return out;
}

Result<std::vector<DocumentRow>> Database::ListDocuments() {
  TRIGON_ASSIGN_OR_RETURN(
      auto st,
      Statement::Prepare(
          db_,
          "SELECT d.id, d.source_path, d.format, COALESCE(d.title,''), d.date, "
          "COALESCE(d.date_basis,''), "
          "(SELECT COUNT(*) FROM paragraphs p WHERE p.doc_id=d.id), "
          "(SELECT COUNT(*) FROM sentences s WHERE s.doc_id=d.id), "
          "(SELECT COUNT(*) FROM removed_spans r WHERE r.doc_id=d.id), "
          "(SELECT COALESCE(group_concat(lang, ','),'') FROM "
          "  (SELECT DISTINCT lang FROM sentences s WHERE s.doc_id=d.id ORDER BY lang)) "
          "FROM documents d ORDER BY d.date IS NULL, d.date, d.source_path"));
  std::vector<DocumentRow> out;
  for (;;) {
    TRIGON_ASSIGN_OR_RETURN(const bool row, st.Step());
    if (!row) break;
    DocumentRow r;
    r.id = st.ColumnText(0);
    r.source_path = st.ColumnText(1);
    r.format = st.ColumnText(2);
    r.title = st.ColumnText(3);
    r.date = st.ColumnOptionalText(4);
    r.date_basis = st.ColumnText(5);
    r.paragraphs = st.ColumnInt(6);
    r.sentences = st.ColumnInt(7);
    r.removed = st.ColumnInt(8);
    r.langs = st.ColumnText(9);
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::string> Database::ResolveDocumentId(std::string_view id_or_prefix) {
  if (id_or_prefix.size() < 4) {
    return Status::InvalidArgument("document id prefix '" + std::string(id_or_prefix) +
                                   "' is too short (give at least 4 characters)");
  }
  TRIGON_ASSIGN_OR_RETURN(
      auto st, Statement::Prepare(
                   db_,
                   "SELECT id FROM documents WHERE substr(id, 1, length(?1)) = ?1 "
                   "LIMIT 2"));
  st.Bind(1, id_or_prefix);
  TRIGON_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) {
    return Status::NotFound("no document with id '" + std::string(id_or_prefix) + "'");
  }
  std::string id = st.ColumnText(0);
  TRIGON_ASSIGN_OR_RETURN(row, st.Step());
  if (row) {
    return Status::InvalidArgument("document id prefix '" + std::string(id_or_prefix) +
                                   "' is ambiguous");
  }
  return id;
}

Result<std::vector<SentenceRow>> Database::ListSentences(const std::string& doc_id) {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, Statement::Prepare(
                   db_,
                   "SELECT idx, paragraph, begin, end, source_begin, source_end, lang, "
                   "text, normalized FROM sentences WHERE doc_id=?1 ORDER BY idx"));
  st.Bind(1, doc_id);
  std::vector<SentenceRow> out;
  for (;;) {
    TRIGON_ASSIGN_OR_RETURN(const bool row, st.Step());
    if (!row) break;
    SentenceRow r;
    r.index = st.ColumnInt(0);
    r.paragraph = st.ColumnInt(1);
    r.span = {static_cast<uint32_t>(st.ColumnInt(2)),
              static_cast<uint32_t>(st.ColumnInt(3))};
    r.source_begin = st.ColumnInt(4);
    r.source_end = st.ColumnInt(5);
    r.lang = st.ColumnText(6);
    r.text = st.ColumnText(7);
    r.normalized = st.ColumnText(8);
    out.push_back(std::move(r));
  }
  return out;
}

Result<model::Document> Database::LoadDocument(const std::string& doc_id) {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, Statement::Prepare(
                   db_,
                   "SELECT id, source_path, format, encoding, source_bytes, "
                   "COALESCE(external_id,''), COALESCE(title,''), COALESCE(url,''), "
                   "COALESCE(source,''), COALESCE(declared_lang,''), date, "
                   "COALESCE(date_basis,''), COALESCE(date_text,''), text, raw, "
                   "source_map FROM documents WHERE id=?1"));
  st.Bind(1, doc_id);
  TRIGON_ASSIGN_OR_RETURN(const bool found, st.Step());
  if (!found) return Status::NotFound("no document with id '" + doc_id + "'");
  model::Document doc;
  doc.id = st.ColumnText(0);
  doc.source_path = st.ColumnText(1);
  doc.format = st.ColumnText(2);
  doc.encoding = st.ColumnText(3);
  doc.source_bytes = static_cast<uint64_t>(st.ColumnInt(4));
  doc.external_id = st.ColumnText(5);
  doc.title = st.ColumnText(6);
  doc.url = st.ColumnText(7);
  doc.source = st.ColumnText(8);
  doc.declared_lang = st.ColumnText(9);
  doc.date = st.ColumnOptionalText(10);
  doc.date_basis = st.ColumnText(11);
  doc.date_text = st.ColumnText(12);
  doc.text = st.ColumnText(13);
  doc.raw = st.ColumnBlob(14);
  TRIGON_ASSIGN_OR_RETURN(doc.source_map, DecodeSourceMap(st.ColumnBlob(15)));

  TRIGON_ASSIGN_OR_RETURN(
      auto p, Statement::Prepare(
                  db_,
                  "SELECT begin, end, lang, script FROM paragraphs WHERE doc_id=?1 "
                  "ORDER BY idx"));
  p.Bind(1, doc_id);
  for (;;) {
    TRIGON_ASSIGN_OR_RETURN(const bool row, p.Step());
    if (!row) break;
    doc.paragraphs.push_back({{static_cast<uint32_t>(p.ColumnInt(0)),
                               static_cast<uint32_t>(p.ColumnInt(1))},
                              p.ColumnText(2),
                              p.ColumnText(3)});
  }
  TRIGON_ASSIGN_OR_RETURN(auto sentences, ListSentences(doc_id));
  for (auto& s : sentences) {
    model::Sentence sent;
    sent.index = static_cast<uint32_t>(s.index);
    sent.paragraph = static_cast<uint32_t>(s.paragraph);
    sent.span = s.span;
    sent.lang = std::move(s.lang);
    sent.normalized = std::move(s.normalized);
    doc.sentences.push_back(std::move(sent));
  }
  TRIGON_ASSIGN_OR_RETURN(
      auto r, Statement::Prepare(
                  db_,
                  "SELECT begin, end, reason, detail FROM removed_spans "
                  "WHERE doc_id=?1 ORDER BY idx"));
  r.Bind(1, doc_id);
  for (;;) {
    TRIGON_ASSIGN_OR_RETURN(const bool row, r.Step());
    if (!row) break;
    model::RemovedSpan rem;
    rem.span = {static_cast<uint32_t>(r.ColumnInt(0)),
                static_cast<uint32_t>(r.ColumnInt(1))};
    const std::string reason = r.ColumnText(2);
    for (int k = 0; k <= static_cast<int>(model::RemovalReason::kMarkup); ++k) {
      const auto candidate = static_cast<model::RemovalReason>(k);
      if (reason == model::RemovalReasonName(candidate)) rem.reason = candidate;
    }
    rem.detail = r.ColumnText(3);
    doc.removed.push_back(std::move(rem));
  }
  return doc;
}

Result<StoreSummary> Database::Summary() {
  StoreSummary out;
  auto scalar = [&](std::string_view sql) -> Result<int64_t> {
    TRIGON_ASSIGN_OR_RETURN(auto st, Statement::Prepare(db_, sql));
    TRIGON_ASSIGN_OR_RETURN(const bool row, st.Step());
    return row ? st.ColumnInt(0) : 0;
  };
  auto grouped = [&](std::string_view sql)
      -> Result<std::vector<std::pair<std::string, int64_t>>> {
    TRIGON_ASSIGN_OR_RETURN(auto st, Statement::Prepare(db_, sql));
    std::vector<std::pair<std::string, int64_t>> rows;
    for (;;) {
      TRIGON_ASSIGN_OR_RETURN(const bool row, st.Step());
      if (!row) break;
      rows.emplace_back(st.ColumnText(0), st.ColumnInt(1));
    }
    return rows;
  };
  TRIGON_ASSIGN_OR_RETURN(out.documents, scalar("SELECT COUNT(*) FROM documents"));
  TRIGON_ASSIGN_OR_RETURN(out.sentences, scalar("SELECT COUNT(*) FROM sentences"));
  TRIGON_ASSIGN_OR_RETURN(
      out.sentences_by_lang,
      grouped("SELECT lang, COUNT(*) FROM sentences GROUP BY lang ORDER BY 2 DESC"));
  TRIGON_ASSIGN_OR_RETURN(
      out.dated_documents,
      scalar("SELECT COUNT(*) FROM documents WHERE date IS NOT NULL"));
  TRIGON_ASSIGN_OR_RETURN(
      out.dates_by_basis,
      grouped("SELECT CASE WHEN date IS NULL THEN 'none' "
              "WHEN date_basis LIKE 'text:%' THEN 'text' "
              "WHEN date_basis LIKE 'html_meta%' THEN 'html_meta' "
              "ELSE date_basis END, COUNT(*) FROM documents GROUP BY 1 ORDER BY 2 DESC"));
  TRIGON_ASSIGN_OR_RETURN(out.links, scalar("SELECT COUNT(*) FROM document_links"));
  TRIGON_ASSIGN_OR_RETURN(
      out.removed_by_reason,
      grouped("SELECT reason, COUNT(*) FROM removed_spans GROUP BY reason "
              "ORDER BY 2 DESC"));
  TRIGON_ASSIGN_OR_RETURN(out.skipped, scalar("SELECT COUNT(*) FROM skipped_inputs"));
  return out;
}

}  // namespace trigon::store
