#include "store/database.h"

#include "store/connection.h"
#include "store/migrations.h"
#include "store/postgres_connection.h"
#include "store/sqlite_connection.h"
#include "store/statement.h"

namespace trigon::store {
namespace {

using internal::Dialect;
using internal::DialectSql;
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

bool IsServerLocation(std::string_view location) { return internal::IsPostgresUrl(location); }

std::string DisplayLocation(std::string_view location) {
  return IsServerLocation(location) ? internal::RedactPostgresUrl(location)
                                    : std::string(location);
}

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

Database::Database(std::unique_ptr<internal::Connection> conn) : conn_(std::move(conn)) {}

Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::Open(const std::string& path,
                                                 const StoreOptions& options) {
  std::unique_ptr<internal::Connection> conn;
  std::string where = path;
  if (internal::IsPostgresUrl(path)) {
    where = internal::RedactPostgresUrl(path);
    TRIGON_ASSIGN_OR_RETURN(
        conn, internal::PostgresConnection::Open(path, options.read_only, options.busy_timeout_ms));
  } else {
    TRIGON_ASSIGN_OR_RETURN(
        conn, internal::SqliteConnection::Open(path, options.read_only, options.busy_timeout_ms));
  }
  std::unique_ptr<Database> db(new Database(std::move(conn)));
  if (options.read_only) return db;
  TRIGON_RETURN_IF_ERROR(db->Migrate().WithContext(where));
  return db;
}

sqlite3* Database::TEST_handle() {
  auto* sqlite = dynamic_cast<internal::SqliteConnection*>(conn_.get());
  return sqlite ? sqlite->handle() : nullptr;
}

Status Database::Migrate() {
  // PostgreSQL: another process may be migrating the same database; the
  // lock makes this one wait, and it then finds the schema current.
  TRIGON_RETURN_IF_ERROR(conn_->LockSchema());
  const Status migrated = [&]() -> Status {
    TRIGON_RETURN_IF_ERROR(
        conn_->Exec(conn_->dialect() == Dialect::kPostgres
                        ? "CREATE TABLE IF NOT EXISTS schema_migrations ("
                          " version BIGINT PRIMARY KEY, description TEXT NOT NULL,"
                          " applied_at TEXT NOT NULL)"
                        : "CREATE TABLE IF NOT EXISTS schema_migrations ("
                          " version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
                          " applied_at TEXT NOT NULL)"));
    TRIGON_ASSIGN_OR_RETURN(const int current, SchemaVersion());
    for (const Migration& m : AllMigrations()) {
      if (m.version <= current) continue;
      TRIGON_ASSIGN_OR_RETURN(const std::string script, MigrationScript(m, conn_->dialect()));
      TRIGON_RETURN_IF_ERROR(Begin());
      Status s = conn_->Exec(script);
      if (s.ok()) {
        auto ins = conn_->Prepare("INSERT INTO schema_migrations VALUES (?1, ?2, ?3)");
        if (!ins.ok()) {
          s = ins.status();
        } else {
          (*ins)->Bind(1, int64_t{m.version}).Bind(2, m.description).Bind(3, NowUtc());
          s = (*ins)->Run();
        }
      }
      if (!s.ok()) {
        (void)Rollback();
        return s.WithContext("migration " + std::to_string(m.version));
      }
      TRIGON_RETURN_IF_ERROR(Commit());
    }
    return Status::OK();
  }();
  const Status unlocked = conn_->UnlockSchema();
  return migrated.ok() ? unlocked : migrated;
}

Result<int> Database::SchemaVersion() {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, conn_->Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  TRIGON_ASSIGN_OR_RETURN(const bool row, st->Step());
  if (!row) return 0;
  return static_cast<int>(st->ColumnInt(0));
}

Status Database::Begin() { return conn_->Begin(); }
Status Database::Commit() { return conn_->Commit(); }
Status Database::Rollback() { return conn_->Rollback(); }

Result<int64_t> Database::StartRun(std::string_view command) {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, conn_->Prepare("INSERT INTO ingest_runs(started_at, command) VALUES (?1, ?2) "
                              "RETURNING id"));
  st->Bind(1, NowUtc()).Bind(2, command);
  TRIGON_ASSIGN_OR_RETURN(const bool row, st->Step());
  if (!row) return Status::Internal("INSERT INTO ingest_runs returned no id");
  return st->ColumnInt(0);
}

Status Database::FinishRun(int64_t run_id, const RunCounts& c) {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, conn_->Prepare("UPDATE ingest_runs SET finished_at=?1, files_seen=?2, "
                              "docs_stored=?3, docs_unchanged=?4, inputs_skipped=?5 WHERE id=?6"));
  st->Bind(1, NowUtc())
      .Bind(2, c.files_seen)
      .Bind(3, c.docs_stored)
      .Bind(4, c.docs_unchanged)
      .Bind(5, c.inputs_skipped)
      .Bind(6, run_id);
  return st->Run();
}

Result<bool> Database::HasDocument(const std::string& id) {
  TRIGON_ASSIGN_OR_RETURN(auto st, conn_->Prepare("SELECT 1 FROM documents WHERE id = ?1"));
  st->Bind(1, id);
  return st->Step();
}

Status Database::InsertDocument(const model::Document& doc,
                                std::string_view minhash, int64_t run_id) {
  TRIGON_ASSIGN_OR_RETURN(
      auto d,
      conn_->Prepare("INSERT INTO documents(id, source_path, format, encoding, "
                     "source_bytes, external_id, title, url, source, declared_lang, "
                     "date, date_basis, date_text, text, raw, source_map, minhash, "
                     "run_id, ingested_at) VALUES "
                     "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19)"));
  d->Bind(1, doc.id)
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
    d->BindNull(15);
  } else {
    d->BindBlob(15, doc.raw);
  }
  const std::string map = EncodeSourceMap(doc.source_map);
  if (map.empty()) {
    d->BindNull(16);
  } else {
    d->BindBlob(16, map);
  }
  d->BindBlob(17, minhash);
  BindRun(*d, 18, run_id);
  d->Bind(19, NowUtc());
  TRIGON_RETURN_IF_ERROR(d->Run().WithContext("document " + doc.id));
  TRIGON_RETURN_IF_ERROR(AddDocumentSource(doc.id, doc.source_path, run_id));

  TRIGON_ASSIGN_OR_RETURN(auto p,
                          conn_->Prepare("INSERT INTO paragraphs VALUES (?1,?2,?3,?4,?5,?6)"));
  for (size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const auto& para = doc.paragraphs[i];
    p->Bind(1, doc.id)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, int64_t{para.span.begin})
        .Bind(4, int64_t{para.span.end})
        .Bind(5, para.lang)
        .Bind(6, para.script);
    TRIGON_RETURN_IF_ERROR(p->Run());
    p->Reset();
  }
  TRIGON_ASSIGN_OR_RETURN(
      auto s, conn_->Prepare("INSERT INTO sentences VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)"));
  for (const auto& sent : doc.sentences) {
    const std::string_view text =
        std::string_view(doc.text).substr(sent.span.begin, sent.span.size());
    s->Bind(1, doc.id)
        .Bind(2, int64_t{sent.index})
        .Bind(3, int64_t{sent.paragraph})
        .Bind(4, int64_t{sent.span.begin})
        .Bind(5, int64_t{sent.span.end})
        .Bind(6, static_cast<int64_t>(model::SourceOffset(doc, sent.span.begin)))
        .Bind(7, static_cast<int64_t>(model::SourceOffset(doc, sent.span.end)))
        .Bind(8, sent.lang)
        .Bind(9, text)
        .Bind(10, sent.normalized);
    TRIGON_RETURN_IF_ERROR(s->Run());
    s->Reset();
  }
  TRIGON_ASSIGN_OR_RETURN(auto r,
                          conn_->Prepare("INSERT INTO removed_spans VALUES (?1,?2,?3,?4,?5,?6)"));
  for (size_t i = 0; i < doc.removed.size(); ++i) {
    const auto& rem = doc.removed[i];
    r->Bind(1, doc.id)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, int64_t{rem.span.begin})
        .Bind(4, int64_t{rem.span.end})
        .Bind(5, model::RemovalReasonName(rem.reason))
        .Bind(6, rem.detail);
    TRIGON_RETURN_IF_ERROR(r->Run());
    r->Reset();
  }
  return Status::OK();
}

Status Database::AddDocumentSource(const std::string& id, const std::string& path,
                                   int64_t run_id) {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, conn_->Prepare("INSERT OR IGNORE INTO document_sources VALUES (?1,?2,?3)"));
  st->Bind(1, id).Bind(2, path);
  BindRun(*st, 3, run_id);
  return st->Run();
}

Status Database::RecordSkip(const SkipRecord& skip, int64_t run_id) {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, conn_->Prepare(
                   DialectSql{"INSERT OR REPLACE INTO skipped_inputs VALUES (?1,?2,?3,?4,?5,?6,?7)",
                              "INSERT INTO skipped_inputs VALUES (?1,?2,?3,?4,?5,?6,?7) "
                              "ON CONFLICT (source_path, line) DO UPDATE SET "
                              "byte_offset = EXCLUDED.byte_offset, code = EXCLUDED.code, "
                              "reason = EXCLUDED.reason, run_id = EXCLUDED.run_id, "
                              "recorded_at = EXCLUDED.recorded_at"}));
  st->Bind(1, skip.source_path).Bind(2, skip.line);
  if (skip.byte_offset) {
    st->Bind(3, *skip.byte_offset);
  } else {
    st->BindNull(3);
  }
  st->Bind(4, skip.code).Bind(5, skip.reason);
  BindRun(*st, 6, run_id);
  st->Bind(7, NowUtc());
  return st->Run();
}

Status Database::ClearSkip(const std::string& source_path, int64_t line) {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, conn_->Prepare("DELETE FROM skipped_inputs WHERE source_path=?1 AND line=?2"));
  st->Bind(1, source_path).Bind(2, line);
  return st->Run();
}

Result<std::vector<SkipRecord>> Database::ListSkips() {
  TRIGON_ASSIGN_OR_RETURN(auto st,
                          conn_->Prepare("SELECT source_path, line, byte_offset, code, reason "
                                         "FROM skipped_inputs ORDER BY source_path, line"));
  std::vector<SkipRecord> out;
  for (;;) {
    TRIGON_ASSIGN_OR_RETURN(const bool row, st->Step());
    if (!row) break;
    SkipRecord r;
    r.source_path = st->ColumnText(0);
    r.line = st->ColumnInt(1);
    if (!st->ColumnIsNull(2)) r.byte_offset = st->ColumnInt(2);
    r.code = st->ColumnText(3);
    r.reason = st->ColumnText(4);
    out.push_back(std::move(r));
  }
  return out;
}

Status Database::LinkDocuments(const std::string& a, const std::string& b,
                               std::string_view kind, double similarity) {
  if (a == b) return Status::InvalidArgument("cannot link a document to itself");
  TRIGON_ASSIGN_OR_RETURN(auto st, conn_->Prepare(DialectSql{
                                       "INSERT OR REPLACE INTO document_links VALUES (?1,?2,?3,?4)",
                                       "INSERT INTO document_links VALUES (?1,?2,?3,?4) "
                                       "ON CONFLICT (doc_a, doc_b, kind) DO UPDATE SET "
                                       "similarity = EXCLUDED.similarity"}));
  const bool ordered = a < b;
  st->Bind(1, ordered ? a : b).Bind(2, ordered ? b : a).Bind(3, kind).Bind(4, similarity);
  return st->Run();
}

Result<std::vector<LinkRow>> Database::ListLinks() {
  TRIGON_ASSIGN_OR_RETURN(auto st, conn_->Prepare("SELECT doc_a, doc_b, kind, similarity "
                                                  "FROM document_links ORDER BY doc_a, doc_b"));
  std::vector<LinkRow> out;
  for (;;) {
    TRIGON_ASSIGN_OR_RETURN(const bool row, st->Step());
    if (!row) break;
    out.push_back({st->ColumnText(0), st->ColumnText(1), st->ColumnText(2), st->ColumnDouble(3)});
  }
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> Database::AllSignatures() {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, conn_->Prepare("SELECT id, minhash FROM documents WHERE minhash IS NOT NULL "
                              "ORDER BY rowid"));
  std::vector<std::pair<std::string, std::string>> out;
  for (;;) {
    TRIGON_ASSIGN_OR_RETURN(const bool row, st->Step());
    if (!row) break;
    out.emplace_back(st->ColumnText(0), st->ColumnBlob(1));
  }
  return out;
}

Result<std::vector<DocumentRow>> Database::ListDocuments() {
  // The document's sentence languages, distinct, sorted, joined with ','.
  const std::string_view langs =
      conn_->dialect() == Dialect::kPostgres
          ? "(SELECT COALESCE(string_agg(DISTINCT lang, ',' ORDER BY lang),'') "
            "FROM sentences s WHERE s.doc_id=d.id) "
          : "(SELECT COALESCE(group_concat(lang, ','),'') FROM "
            "  (SELECT DISTINCT lang FROM sentences s WHERE s.doc_id=d.id ORDER BY lang)) ";
  TRIGON_ASSIGN_OR_RETURN(
      auto st, conn_->Prepare("SELECT d.id, d.source_path, d.format, COALESCE(d.title,''), d.date, "
                              "COALESCE(d.date_basis,''), "
                              "(SELECT COUNT(*) FROM paragraphs p WHERE p.doc_id=d.id), "
                              "(SELECT COUNT(*) FROM sentences s WHERE s.doc_id=d.id), "
                              "(SELECT COUNT(*) FROM removed_spans r WHERE r.doc_id=d.id), " +
                              std::string(langs) +
                              "FROM documents d ORDER BY d.date IS NULL, d.date, d.source_path"));
  std::vector<DocumentRow> out;
  for (;;) {
    TRIGON_ASSIGN_OR_RETURN(const bool row, st->Step());
    if (!row) break;
    DocumentRow r;
    r.id = st->ColumnText(0);
    r.source_path = st->ColumnText(1);
    r.format = st->ColumnText(2);
    r.title = st->ColumnText(3);
    r.date = st->ColumnOptionalText(4);
    r.date_basis = st->ColumnText(5);
    r.paragraphs = st->ColumnInt(6);
    r.sentences = st->ColumnInt(7);
    r.removed = st->ColumnInt(8);
    r.langs = st->ColumnText(9);
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
      auto st, conn_->Prepare("SELECT id FROM documents WHERE substr(id, 1, length(?1)) = ?1 "
                              "LIMIT 2"));
  st->Bind(1, id_or_prefix);
  TRIGON_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) {
    return Status::NotFound("no document with id '" + std::string(id_or_prefix) + "'");
  }
  std::string id = st->ColumnText(0);
  TRIGON_ASSIGN_OR_RETURN(row, st->Step());
  if (row) {
    return Status::InvalidArgument("document id prefix '" + std::string(id_or_prefix) +
                                   "' is ambiguous");
  }
  return id;
}

Result<std::vector<SentenceRow>> Database::ListSentences(const std::string& doc_id) {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, conn_->Prepare("SELECT idx, paragraph, begin, end, source_begin, source_end, lang, "
                              "text, normalized FROM sentences WHERE doc_id=?1 ORDER BY idx"));
  st->Bind(1, doc_id);
  std::vector<SentenceRow> out;
  for (;;) {
    TRIGON_ASSIGN_OR_RETURN(const bool row, st->Step());
    if (!row) break;
    SentenceRow r;
    r.index = st->ColumnInt(0);
    r.paragraph = st->ColumnInt(1);
    r.span = {static_cast<uint32_t>(st->ColumnInt(2)), static_cast<uint32_t>(st->ColumnInt(3))};
    r.source_begin = st->ColumnInt(4);
    r.source_end = st->ColumnInt(5);
    r.lang = st->ColumnText(6);
    r.text = st->ColumnText(7);
    r.normalized = st->ColumnText(8);
    out.push_back(std::move(r));
  }
  return out;
}

Result<model::Document> Database::LoadDocument(const std::string& doc_id) {
  TRIGON_ASSIGN_OR_RETURN(
      auto st, conn_->Prepare("SELECT id, source_path, format, encoding, source_bytes, "
                              "COALESCE(external_id,''), COALESCE(title,''), COALESCE(url,''), "
                              "COALESCE(source,''), COALESCE(declared_lang,''), date, "
                              "COALESCE(date_basis,''), COALESCE(date_text,''), text, raw, "
                              "source_map FROM documents WHERE id=?1"));
  st->Bind(1, doc_id);
  TRIGON_ASSIGN_OR_RETURN(const bool found, st->Step());
  if (!found) return Status::NotFound("no document with id '" + doc_id + "'");
  model::Document doc;
  doc.id = st->ColumnText(0);
  doc.source_path = st->ColumnText(1);
  doc.format = st->ColumnText(2);
  doc.encoding = st->ColumnText(3);
  doc.source_bytes = static_cast<uint64_t>(st->ColumnInt(4));
  doc.external_id = st->ColumnText(5);
  doc.title = st->ColumnText(6);
  doc.url = st->ColumnText(7);
  doc.source = st->ColumnText(8);
  doc.declared_lang = st->ColumnText(9);
  doc.date = st->ColumnOptionalText(10);
  doc.date_basis = st->ColumnText(11);
  doc.date_text = st->ColumnText(12);
  doc.text = st->ColumnText(13);
  doc.raw = st->ColumnBlob(14);
  TRIGON_ASSIGN_OR_RETURN(doc.source_map, DecodeSourceMap(st->ColumnBlob(15)));

  TRIGON_ASSIGN_OR_RETURN(
      auto p, conn_->Prepare("SELECT begin, end, lang, script FROM paragraphs WHERE doc_id=?1 "
                             "ORDER BY idx"));
  p->Bind(1, doc_id);
  for (;;) {
    TRIGON_ASSIGN_OR_RETURN(const bool row, p->Step());
    if (!row) break;
    doc.paragraphs.push_back(
        {{static_cast<uint32_t>(p->ColumnInt(0)), static_cast<uint32_t>(p->ColumnInt(1))},
         p->ColumnText(2),
         p->ColumnText(3)});
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
  TRIGON_ASSIGN_OR_RETURN(auto r,
                          conn_->Prepare("SELECT begin, end, reason, detail FROM removed_spans "
                                         "WHERE doc_id=?1 ORDER BY idx"));
  r->Bind(1, doc_id);
  for (;;) {
    TRIGON_ASSIGN_OR_RETURN(const bool row, r->Step());
    if (!row) break;
    model::RemovedSpan rem;
    rem.span = {static_cast<uint32_t>(r->ColumnInt(0)), static_cast<uint32_t>(r->ColumnInt(1))};
    const std::string reason = r->ColumnText(2);
    for (int k = 0; k <= static_cast<int>(model::RemovalReason::kMarkup); ++k) {
      const auto candidate = static_cast<model::RemovalReason>(k);
      if (reason == model::RemovalReasonName(candidate)) rem.reason = candidate;
    }
    rem.detail = r->ColumnText(3);
    doc.removed.push_back(std::move(rem));
  }
  return doc;
}

Result<StoreSummary> Database::Summary() {
  StoreSummary out;
  auto scalar = [&](std::string_view sql) -> Result<int64_t> {
    TRIGON_ASSIGN_OR_RETURN(auto st, conn_->Prepare(sql));
    TRIGON_ASSIGN_OR_RETURN(const bool row, st->Step());
    return row ? st->ColumnInt(0) : 0;
  };
  auto grouped = [&](std::string_view sql) -> Result<std::vector<std::pair<std::string, int64_t>>> {
    TRIGON_ASSIGN_OR_RETURN(auto st, conn_->Prepare(sql));
    std::vector<std::pair<std::string, int64_t>> rows;
    for (;;) {
      TRIGON_ASSIGN_OR_RETURN(const bool row, st->Step());
      if (!row) break;
      rows.emplace_back(st->ColumnText(0), st->ColumnInt(1));
    }
    return rows;
  };
  // Counts tie often; the name breaks ties so both backends agree, in the
  // (descending) order SQLite gave ties before the order was pinned down.
  TRIGON_ASSIGN_OR_RETURN(out.documents, scalar("SELECT COUNT(*) FROM documents"));
  TRIGON_ASSIGN_OR_RETURN(out.sentences, scalar("SELECT COUNT(*) FROM sentences"));
  TRIGON_ASSIGN_OR_RETURN(
      out.sentences_by_lang,
      grouped("SELECT lang, COUNT(*) FROM sentences GROUP BY lang ORDER BY 2 DESC, 1 DESC"));
  TRIGON_ASSIGN_OR_RETURN(
      out.dated_documents,
      scalar("SELECT COUNT(*) FROM documents WHERE date IS NOT NULL"));
  TRIGON_ASSIGN_OR_RETURN(
      out.dates_by_basis,
      grouped("SELECT CASE WHEN date IS NULL THEN 'none' "
              "WHEN date_basis LIKE 'text:%' THEN 'text' "
              "WHEN date_basis LIKE 'html_meta%' THEN 'html_meta' "
              "ELSE date_basis END, COUNT(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1 DESC"));
  TRIGON_ASSIGN_OR_RETURN(out.links, scalar("SELECT COUNT(*) FROM document_links"));
  TRIGON_ASSIGN_OR_RETURN(out.removed_by_reason,
                          grouped("SELECT reason, COUNT(*) FROM removed_spans GROUP BY reason "
                                  "ORDER BY 2 DESC, 1 DESC"));
  TRIGON_ASSIGN_OR_RETURN(out.skipped, scalar("SELECT COUNT(*) FROM skipped_inputs"));
  return out;
}

}  // namespace trigon::store
