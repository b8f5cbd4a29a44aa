#include "store/event_repository.h"

#include <algorithm>
#include <map>

#include "store/connection.h"
#include "store/database.h"
#include "store/statement.h"

namespace trigon::store {
namespace {

using internal::Dialect;
using internal::DialectSql;
using internal::NowUtc;
using internal::Statement;

// RETURNING gives the new id on both backends; an ignored INSERT OR IGNORE
// returns no row.
constexpr std::string_view kInsertEvent =
    "INSERT INTO events(origin, doc_id, sentence_idx, import_file, import_line, "
    "external_id, date, date_basis, source, target, source_country, target_country, "
    "code, root, quad_class, goldstein, modality, mentions, lang) VALUES "
    "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19) RETURNING id";

void BindEventColumns(Statement& st, const model::Event& e) {
  st.BindOptional(7, e.date)
      .Bind(8, model::DateBasisName(e.date_basis))
      .Bind(9, e.source)
      .Bind(10, e.target)
      .Bind(11, e.source_country)
      .Bind(12, e.target_country)
      .Bind(13, e.code)
      .Bind(14, e.root)
      .Bind(15, int64_t{e.quad_class})
      .Bind(16, e.goldstein)
      .Bind(17, model::ModalityName(e.modality))
      .Bind(18, int64_t{e.mentions});
}

// Appends " AND column IN (?, ?...)" binding from `next`.
void AppendIn(std::string& sql, std::string_view column, size_t n, int& next,
              std::vector<std::pair<int, std::string>>& binds,
              const std::vector<std::string>& values) {
  if (n == 0) return;
  sql += " AND ";
  sql += column;
  sql += " IN (";
  for (size_t i = 0; i < n; ++i) {
    if (i) sql += ',';
    sql += '?' + std::to_string(next);
    binds.emplace_back(next++, values[i]);
  }
  sql += ')';
}

}  // namespace

Status EventRepository::ReplaceDocumentEvents(const std::string& doc_id,
                                              const std::string& coder_version,
                                              const std::vector<DocumentEvent>& events) {
  internal::Connection& conn = *db_.conn_;
  TRIGON_ASSIGN_OR_RETURN(auto del, conn.Prepare("DELETE FROM events WHERE doc_id=?1"));
  del->Bind(1, doc_id);
  TRIGON_RETURN_IF_ERROR(del->Run());
  TRIGON_ASSIGN_OR_RETURN(auto ins, conn.Prepare(kInsertEvent));
  TRIGON_ASSIGN_OR_RETURN(auto ev,
                          conn.Prepare("INSERT INTO event_evidence VALUES (?1,?2,?3,?4,?5,?6,?7)"));
  for (const DocumentEvent& d : events) {
    ins->Bind(1, std::string_view("trigon"))
        .Bind(2, doc_id)
        .Bind(3, int64_t{d.sentence})
        .BindNull(4)
        .BindNull(5)
        .BindNull(6);
    BindEventColumns(*ins, d.event);
    ins->Bind(19, d.lang);
    Result<bool> inserted = ins->Step();
    if (!inserted.ok()) return inserted.status().WithContext("event of document " + doc_id);
    if (!*inserted) return Status::Internal("INSERT INTO events returned no id");
    const int64_t event_id = ins->ColumnInt(0);
    ins->Reset();
    for (size_t i = 0; i < d.evidence.size(); ++i) {
      const StoredEvidence& e = d.evidence[i];
      ev->Bind(1, event_id)
          .Bind(2, static_cast<int64_t>(i))
          .Bind(3, int64_t{e.sentence})
          .Bind(4, e.kind)
          .Bind(5, int64_t{e.begin})
          .Bind(6, int64_t{e.end})
          .Bind(7, e.text);
      TRIGON_RETURN_IF_ERROR(ev->Run());
      ev->Reset();
    }
  }
  TRIGON_ASSIGN_OR_RETURN(
      auto mark, conn.Prepare(DialectSql{
                     "INSERT OR REPLACE INTO coded_documents VALUES (?1,?2,?3,?4)",
                     "INSERT INTO coded_documents VALUES (?1,?2,?3,?4) "
                     "ON CONFLICT (doc_id) DO UPDATE SET coder_version = EXCLUDED.coder_version, "
                     "events = EXCLUDED.events, coded_at = EXCLUDED.coded_at"}));
  mark->Bind(1, doc_id)
      .Bind(2, coder_version)
      .Bind(3, static_cast<int64_t>(events.size()))
      .Bind(4, NowUtc());
  return mark->Run();
}

Result<std::vector<std::string>> EventRepository::DocumentsToCode(
    const std::string& coder_version) {
  TRIGON_ASSIGN_OR_RETURN(
      auto st,
      db_.conn_->Prepare("SELECT d.id FROM documents d LEFT JOIN coded_documents c "
                         "ON c.doc_id = d.id WHERE c.doc_id IS NULL OR c.coder_version != ?1 "
                         "ORDER BY d.rowid"));
  st->Bind(1, coder_version);
  std::vector<std::string> out;
  for (;;) {
    TRIGON_ASSIGN_OR_RETURN(const bool row, st->Step());
    if (!row) break;
    out.push_back(st->ColumnText(0));
  }
  return out;
}

Result<bool> EventRepository::InsertImported(const std::string& origin,
                                             const std::string& file, int64_t line,
                                             const std::string& external_id,
                                             const model::Event& event) {
  if (origin == "trigon") {
    return Status::InvalidArgument("imported events cannot use the origin 'trigon'");
  }
  TRIGON_ASSIGN_OR_RETURN(
      auto st, db_.conn_->Prepare(std::string(kInsertEvent).replace(0, 6, "INSERT OR IGNORE")));
  st->Bind(1, origin).BindNull(2).BindNull(3).Bind(4, file).Bind(5, line);
  if (external_id.empty()) {
    st->BindNull(6);
  } else {
    st->Bind(6, external_id);
  }
  BindEventColumns(*st, event);
  st->BindNull(19);
  TRIGON_RETURN_IF_ERROR(st->Run().WithContext(file + ":" + std::to_string(line)));
  return st->ChangedRows() > 0;
}

Result<std::vector<StoredEvent>> EventRepository::Query(const EventFilter& f) {
  std::string sql =
      "SELECT id, origin, COALESCE(doc_id,''), COALESCE(sentence_idx,-1), "
      "COALESCE(import_file,''), COALESCE(import_line,0), COALESCE(external_id,''), "
      "date, date_basis, source, target, source_country, target_country, code, root, "
      "quad_class, goldstein, modality, mentions, COALESCE(lang,'') FROM events WHERE 1=1";
  std::vector<std::pair<int, std::string>> binds;
  int next = 1;
  AppendIn(sql, "source_country", f.countries.size(), next, binds, f.countries);
  AppendIn(sql, "target_country", f.countries.size(), next, binds, f.countries);
  AppendIn(sql, "origin", f.origins.size(), next, binds, f.origins);
  AppendIn(sql, "modality", f.modalities.size(), next, binds, f.modalities);
  if (f.from) {
    sql += " AND date >= ?" + std::to_string(next);
    binds.emplace_back(next++, *f.from);
  }
  if (f.to) {
    sql += " AND date <= ?" + std::to_string(next);
    binds.emplace_back(next++, *f.to);
  }
  if (!f.doc_id.empty()) {
    sql += " AND doc_id = ?" + std::to_string(next);
    binds.emplace_back(next++, f.doc_id);
  }
  // SQLite sorts NULL first, PostgreSQL last unless told.
  sql += db_.conn_->dialect() == Dialect::kPostgres ? " ORDER BY date NULLS FIRST, id"
                                                    : " ORDER BY date, id";
  if (f.limit > 0) sql += " LIMIT " + std::to_string(f.limit);
  TRIGON_ASSIGN_OR_RETURN(auto st, db_.conn_->Prepare(sql));
  for (const auto& [index, value] : binds) st->Bind(index, value);
  std::vector<StoredEvent> out;
  for (;;) {
    TRIGON_ASSIGN_OR_RETURN(const bool row, st->Step());
    if (!row) break;
    StoredEvent e;
    e.id = st->ColumnInt(0);
    e.origin = st->ColumnText(1);
    e.doc_id = st->ColumnText(2);
    e.sentence = st->ColumnInt(3);
    e.import_file = st->ColumnText(4);
    e.import_line = st->ColumnInt(5);
    e.external_id = st->ColumnText(6);
    e.event.date = st->ColumnOptionalText(7);
    const std::string basis = st->ColumnText(8);
    e.event.date_basis = basis == "text"       ? model::DateBasis::kText
                         : basis == "document" ? model::DateBasis::kDocument
                                               : model::DateBasis::kNone;
    e.event.source = st->ColumnText(9);
    e.event.target = st->ColumnText(10);
    e.event.source_country = st->ColumnText(11);
    e.event.target_country = st->ColumnText(12);
    e.event.code = st->ColumnText(13);
    e.event.root = st->ColumnText(14);
    e.event.quad_class = static_cast<int>(st->ColumnInt(15));
    e.event.goldstein = st->ColumnDouble(16);
    if (!model::ParseModality(st->ColumnText(17), &e.event.modality)) {
      return Status::Corruption("event " + std::to_string(e.id) + ": unknown modality");
    }
    e.event.mentions = static_cast<uint32_t>(st->ColumnInt(18));
    e.lang = st->ColumnText(19);
    out.push_back(std::move(e));
  }
  if (f.with_evidence && !out.empty()) {
    TRIGON_ASSIGN_OR_RETURN(
        auto ev,
        db_.conn_->Prepare("SELECT sentence_idx, kind, begin, end, text FROM event_evidence "
                           "WHERE event_id=?1 ORDER BY idx"));
    for (StoredEvent& e : out) {
      ev->Bind(1, e.id);
      for (;;) {
        TRIGON_ASSIGN_OR_RETURN(const bool row, ev->Step());
        if (!row) break;
        e.evidence.push_back({static_cast<uint32_t>(ev->ColumnInt(0)), ev->ColumnText(1),
                              static_cast<uint32_t>(ev->ColumnInt(2)),
                              static_cast<uint32_t>(ev->ColumnInt(3)), ev->ColumnText(4)});
      }
      ev->Reset();
    }
  }
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> EventRepository::StoryGroups() {
  TRIGON_ASSIGN_OR_RETURN(auto st, db_.conn_->Prepare("SELECT doc_a, doc_b FROM document_links"));
  std::map<std::string, std::string> parent;
  // Union-find over document ids; the representative is the smallest id.
  auto find = [&](std::string x) {
    while (parent.count(x) && parent[x] != x) x = parent[x];
    return x;
  };
  for (;;) {
    TRIGON_ASSIGN_OR_RETURN(const bool row, st->Step());
    if (!row) break;
    const std::string a = st->ColumnText(0);
    const std::string b = st->ColumnText(1);
    if (!parent.count(a)) parent[a] = a;
    if (!parent.count(b)) parent[b] = b;
    const std::string ra = find(a);
    const std::string rb = find(b);
    if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);
  }
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [doc, unused] : parent) out.emplace_back(doc, find(doc));
  return out;
}

}  // namespace trigon::store
