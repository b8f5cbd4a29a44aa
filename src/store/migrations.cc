#include "store/migrations.h"

#include <array>

#include "store/postgres_dialect.h"

namespace trigon::store {
namespace {

constexpr std::string_view kV1 = R"sql(
CREATE TABLE ingest_runs (
  id            INTEGER PRIMARY KEY,
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  command       TEXT NOT NULL,
  files_seen    INTEGER NOT NULL DEFAULT 0,
  docs_stored   INTEGER NOT NULL DEFAULT 0,
  docs_unchanged INTEGER NOT NULL DEFAULT 0,
  inputs_skipped INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE documents (
  id            TEXT PRIMARY KEY,
  source_path   TEXT NOT NULL,
  format        TEXT NOT NULL,
  encoding      TEXT NOT NULL,
  source_bytes  INTEGER NOT NULL,
  external_id   TEXT,
  title         TEXT,
  url           TEXT,
  source        TEXT,
  declared_lang TEXT,
  date          TEXT,
  date_basis    TEXT,
  date_text     TEXT,
  text          TEXT NOT NULL,
  raw           BLOB,
  source_map    BLOB,
  minhash       BLOB,
  run_id        INTEGER REFERENCES ingest_runs(id),
  ingested_at   TEXT NOT NULL
);
CREATE INDEX documents_date ON documents(date);
CREATE TABLE document_sources (
  doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  source_path   TEXT NOT NULL,
  first_run_id  INTEGER,
  PRIMARY KEY (doc_id, source_path)
);
CREATE TABLE paragraphs (
  doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx     INTEGER NOT NULL,
  begin   INTEGER NOT NULL,
  end     INTEGER NOT NULL,
  lang    TEXT NOT NULL,
  script  TEXT NOT NULL,
  PRIMARY KEY (doc_id, idx)
);
CREATE TABLE sentences (
  doc_id       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx          INTEGER NOT NULL,
  paragraph    INTEGER NOT NULL,
  begin        INTEGER NOT NULL,
  end          INTEGER NOT NULL,
  source_begin INTEGER NOT NULL,
  source_end   INTEGER NOT NULL,
  lang         TEXT NOT NULL,
  text         TEXT NOT NULL,
  normalized   TEXT NOT NULL,
  PRIMARY KEY (doc_id, idx)
);
CREATE INDEX sentences_lang ON sentences(lang);
CREATE TABLE removed_spans (
  doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx     INTEGER NOT NULL,
  begin   INTEGER NOT NULL,
  end     INTEGER NOT NULL,
  reason  TEXT NOT NULL,
  detail  TEXT NOT NULL,
  PRIMARY KEY (doc_id, idx)
);
CREATE TABLE skipped_inputs (
  source_path TEXT NOT NULL,
  line        INTEGER NOT NULL DEFAULT 0,
  byte_offset INTEGER,
  code        TEXT NOT NULL,
  reason      TEXT NOT NULL,
  run_id      INTEGER REFERENCES ingest_runs(id),
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (source_path, line)
);
CREATE TABLE document_links (
  doc_a      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  doc_b      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL,
  similarity REAL NOT NULL,
  PRIMARY KEY (doc_a, doc_b, kind),
  CHECK (doc_a < doc_b)
);
)sql";

constexpr std::string_view kV2 = R"sql(
CREATE TABLE events (
  id             INTEGER PRIMARY KEY,
  origin         TEXT NOT NULL,
  doc_id         TEXT REFERENCES documents(id) ON DELETE CASCADE,
  sentence_idx   INTEGER,
  import_file    TEXT,
  import_line    INTEGER,
  external_id    TEXT,
  date           TEXT,
  date_basis     TEXT NOT NULL,
  source         TEXT NOT NULL,
  target         TEXT NOT NULL,
  source_country TEXT NOT NULL,
  target_country TEXT NOT NULL,
  code           TEXT NOT NULL,
  root           TEXT NOT NULL,
  quad_class     INTEGER NOT NULL,
  goldstein      REAL NOT NULL,
  modality       TEXT NOT NULL,
  mentions       INTEGER NOT NULL DEFAULT 1,
  lang           TEXT,
  CHECK ((origin = 'trigon') = (doc_id IS NOT NULL))
);
CREATE INDEX events_dyad ON events(source_country, target_country, date);
CREATE INDEX events_doc ON events(doc_id);
CREATE UNIQUE INDEX events_external ON events(origin, external_id)
  WHERE external_id IS NOT NULL;
CREATE TABLE event_evidence (
  event_id     INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  idx          INTEGER NOT NULL,
  sentence_idx INTEGER NOT NULL,
  kind         TEXT NOT NULL,
  begin        INTEGER NOT NULL,
  end          INTEGER NOT NULL,
  text         TEXT NOT NULL,
  PRIMARY KEY (event_id, idx)
);
CREATE TABLE coded_documents (
  doc_id        TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  coder_version TEXT NOT NULL,
  events        INTEGER NOT NULL,
  coded_at      TEXT NOT NULL
);
)sql";

// SQLite numbers the rows of every table; DocumentsToCode codes documents in
// that (ingest) order, so PostgreSQL gets the same numbering explicitly.
constexpr std::string_view kV1Postgres = R"sql(
ALTER TABLE documents ADD COLUMN rowid BIGINT GENERATED ALWAYS AS IDENTITY;
CREATE UNIQUE INDEX documents_rowid ON documents(rowid);
)sql";

constexpr std::array kMigrations = {
    Migration{1, "documents, text layer, skips, near-duplicate links", kV1, kV1Postgres},
    Migration{2, "events (coded and imported), evidence, coding state", kV2},
};

}  // namespace

std::span<const Migration> AllMigrations() { return kMigrations; }

Result<std::string> MigrationScript(const Migration& m, internal::Dialect dialect) {
  if (dialect == internal::Dialect::kSqlite) return std::string(m.sql);
  Result<std::string> script = internal::TranslateSchema(m.sql);
  if (!script.ok()) {
    return script.status().WithContext("migration " + std::to_string(m.version));
  }
  return *script + std::string(m.postgres_extra);
}

}  // namespace trigon::store
