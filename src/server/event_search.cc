#include "server/event_search.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "analysis/dyad_event.h"
#include "pipeline/analysis_input.h"
#include "store/database.h"

namespace trigon::server {
namespace {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Sentence texts and document titles, read once per document.
class DocumentTexts {
 public:
  explicit DocumentTexts(store::Database& db) : db_(db) {}

  Status LoadTitles() {
    if (titles_loaded_) return Status::OK();
    TRIGON_ASSIGN_OR_RETURN(std::vector<store::DocumentRow> docs, db_.ListDocuments());
    for (store::DocumentRow& d : docs) {
      meta_[d.id] = {d.title.empty() ? d.source_path : d.title, d.date.value_or("")};
    }
    titles_loaded_ = true;
    return Status::OK();
  }
  std::pair<std::string, std::string> TitleAndDate(const std::string& doc_id) const {
    const auto it = meta_.find(doc_id);
    return it == meta_.end() ? std::pair<std::string, std::string>{} : it->second;
  }
  // The text of sentence `index` of `doc_id`; "" when out of range.
  Result<std::string> Sentence(const std::string& doc_id, int64_t index) {
    auto it = sentences_.find(doc_id);
    if (it == sentences_.end()) {
      TRIGON_ASSIGN_OR_RETURN(std::vector<store::SentenceRow> rows, db_.ListSentences(doc_id));
      std::vector<std::string> texts;
      texts.reserve(rows.size());
      for (store::SentenceRow& r : rows) texts.push_back(std::move(r.text));
      it = sentences_.emplace(doc_id, std::move(texts)).first;
    }
    if (index < 0 || static_cast<size_t>(index) >= it->second.size()) return std::string();
    return it->second[static_cast<size_t>(index)];
  }

 private:
  store::Database& db_;
  bool titles_loaded_ = false;
  std::map<std::string, std::pair<std::string, std::string>> meta_;
  std::map<std::string, std::vector<std::string>> sentences_;
};

Status FillRow(DocumentTexts& texts, EventRow& row) {
  const store::StoredEvent& e = row.stored;
  if (e.doc_id.empty()) return Status::OK();
  TRIGON_RETURN_IF_ERROR(texts.LoadTitles());
  std::tie(row.doc_title, row.doc_date) = texts.TitleAndDate(e.doc_id);
  TRIGON_ASSIGN_OR_RETURN(row.sentence, texts.Sentence(e.doc_id, e.sentence));
  return Status::OK();
}

// The ids behind the drill-down cells, exactly as the series counts them.
Result<std::set<int64_t>> CellEventIds(store::Database& db, const EventQuery& q) {
  pipeline::AnalysisSelection selection;
  selection.actors = q.actors[0] + "," + q.actors[1] + "," + q.actors[2];
  selection.origins = q.origins;
  selection.from = analysis::FormatIsoDate(q.period->first_day);
  selection.to = analysis::FormatIsoDate(q.period->last_day);
  TRIGON_ASSIGN_OR_RETURN(pipeline::AnalysisInput in, pipeline::LoadAnalysisInput(db, selection));
  TRIGON_ASSIGN_OR_RETURN(analysis::DyadSeries series,
                          analysis::BuildDyadSeries(in.events, in.triad, q.period->period,
                                                    in.series_options));
  std::set<int64_t> ids;
  for (const analysis::PeriodRow& row : series.rows) {
    for (int i = 0; i < analysis::kNumDirectedDyads; ++i) {
      if (q.dyad && *q.dyad != i) continue;
      const auto& cell = row.cells[static_cast<size_t>(i)].event_ids;
      ids.insert(cell.begin(), cell.end());
    }
  }
  return ids;
}

bool MatchesFields(const EventQuery& q, const store::StoredEvent& s) {
  const model::Event& e = s.event;
  if (!q.actor.empty() && !StartsWith(e.source, q.actor) && !StartsWith(e.target, q.actor)) {
    return false;
  }
  if (!q.source.empty() && !StartsWith(e.source, q.source)) return false;
  if (!q.target.empty() && !StartsWith(e.target, q.target)) return false;
  if (!q.code.empty() && e.code != q.code) return false;
  if (!q.root.empty() && e.root != q.root) return false;
  if (!q.lang.empty() && s.lang != q.lang) return false;
  if (!q.modality.empty() && model::ModalityName(e.modality) != q.modality) return false;
  if (!q.from.empty() || !q.to.empty()) {
    // Full dates only: "2022-03" says nothing about a day range.
    if (!e.date || !analysis::ParseIsoDate(*e.date).ok()) return false;
    if (!q.from.empty() && *e.date < q.from) return false;
    if (!q.to.empty() && *e.date > q.to) return false;
  }
  return true;
}

Result<bool> MatchesText(const std::string& needle, DocumentTexts& texts,
                         const store::StoredEvent& s) {
  auto has = [&](std::string_view hay) {
    return AsciiLower(hay).find(needle) != std::string::npos;
  };
  for (const store::StoredEvidence& ev : s.evidence) {
    if (has(ev.text)) return true;
  }
  if (has(s.event.source) || has(s.event.target)) return true;
  if (s.doc_id.empty()) return has(s.import_file) || has(s.external_id);
  TRIGON_RETURN_IF_ERROR(texts.LoadTitles());
  if (has(texts.TitleAndDate(s.doc_id).first)) return true;
  TRIGON_ASSIGN_OR_RETURN(std::string sentence, texts.Sentence(s.doc_id, s.sentence));
  return has(sentence);
}

}  // namespace

Result<EventPage> SearchEvents(store::Database& db, const EventQuery& q) {
  std::optional<std::set<int64_t>> cell_ids;
  if (q.period) {
    TRIGON_ASSIGN_OR_RETURN(cell_ids, CellEventIds(db, q));
  }
  store::EventRepository repo(db);
  store::EventFilter filter;
  filter.origins = q.origins;
  if (!q.modality.empty()) filter.modalities = {q.modality};
  if (!q.from.empty()) filter.from = q.from;
  if (!q.to.empty()) filter.to = q.to;
  if (q.period) {
    // Narrow the read to the period; cell_ids decides membership.
    const std::string first = analysis::FormatIsoDate(q.period->first_day);
    const std::string last = analysis::FormatIsoDate(q.period->last_day);
    if (!filter.from || *filter.from < first) filter.from = first;
    if (!filter.to || *filter.to > last) filter.to = last;
  }
  filter.with_evidence = !q.text.empty();
  TRIGON_ASSIGN_OR_RETURN(std::vector<store::StoredEvent> stored, repo.Query(filter));

  DocumentTexts texts(db);
  const std::string needle = AsciiLower(q.text);
  std::vector<store::StoredEvent*> hits;
  for (store::StoredEvent& s : stored) {
    if (cell_ids && !cell_ids->count(s.id)) continue;
    if (!MatchesFields(q, s)) continue;
    if (!needle.empty()) {
      TRIGON_ASSIGN_OR_RETURN(bool m, MatchesText(needle, texts, s));
      if (!m) continue;
    }
    hits.push_back(&s);
  }
  // Oldest first, undated last, then by id: stable across requests.
  std::sort(hits.begin(), hits.end(), [](const store::StoredEvent* a, const store::StoredEvent* b) {
    const bool ad = a->event.date.has_value(), bd = b->event.date.has_value();
    if (ad != bd) return ad;
    if (ad && *a->event.date != *b->event.date) return *a->event.date < *b->event.date;
    return a->id < b->id;
  });
  EventPage page;
  page.total = static_cast<int64_t>(hits.size());
  const size_t begin = static_cast<size_t>(std::min<int64_t>(q.offset, page.total));
  const size_t end = static_cast<size_t>(std::min<int64_t>(q.offset + q.limit, page.total));
  for (size_t i = begin; i < end; ++i) {
    EventRow row;
    row.stored = std::move(*hits[i]);
    row.stored.evidence.clear();  // the list view does not show it
    TRIGON_RETURN_IF_ERROR(FillRow(texts, row));
    page.rows.push_back(std::move(row));
  }
  return page;
}

Result<std::optional<EventRow>> FindEvent(store::Database& db, int64_t id) {
  store::EventRepository repo(db);
  store::EventFilter filter;
  filter.with_evidence = true;
  // The store cannot fetch one event by id yet: read all, keep one.
  TRIGON_ASSIGN_OR_RETURN(std::vector<store::StoredEvent> stored, repo.Query(filter));
  for (store::StoredEvent& s : stored) {
    if (s.id != id) continue;
    EventRow row;
    row.stored = std::move(s);
    DocumentTexts texts(db);
    TRIGON_RETURN_IF_ERROR(FillRow(texts, row));
    return std::optional<EventRow>(std::move(row));
  }
  return std::optional<EventRow>();
}

}  // namespace trigon::server
