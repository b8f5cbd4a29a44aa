#include "server/api_handlers.h"

#include <map>
#include <optional>
#include <utility>

#include "model/event.h"
#include "server/document_page.h"
#include "server/document_view.h"
#include "server/event_search.h"
#include "server/json_writer.h"
#include "server/report_builder.h"
#include "store/database.h"
#include "store/event_repository.h"

namespace trigon::server {
namespace {

constexpr double kMaxBand = 10;  // the Goldstein scale's bound
constexpr double kMaxMinEvents = 1000000;

// Status codes of the library mapped to HTTP: the caller's mistakes are
// 4xx, the rest 500.
int HttpStatus(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kResourceExhausted:  // too many periods: ask for fewer
      return 400;
    case StatusCode::kNotFound:
      return 404;
    default:
      return 500;
  }
}

ApiResponse FromStatus(const Status& s) { return ErrorResponse(HttpStatus(s), s.message()); }

ApiResponse Json(JsonWriter& w) {
  ApiResponse r;
  r.body = w.str();
  return r;
}

void WriteCounts(JsonWriter& w, std::string_view key, const std::map<std::string, int64_t>& m) {
  w.Key(key).BeginArray();
  for (const auto& [name, n] : m) {
    w.BeginObject().Key("name").String(name.empty() ? "(none)" : name).Key("n").Int(n).EndObject();
  }
  w.EndArray();
}

void WriteCounts(JsonWriter& w, std::string_view key,
                 const std::vector<std::pair<std::string, int64_t>>& v) {
  w.Key(key).BeginArray();
  for (const auto& [name, n] : v) {
    w.BeginObject().Key("name").String(name.empty() ? "(none)" : name).Key("n").Int(n).EndObject();
  }
  w.EndArray();
}

// The parameters of /api/triangle and /api/series.
Result<ReportOptions> ParseAnalytics(const Params& params) {
  TRIGON_RETURN_IF_ERROR(
      CheckParams(params, {"actors", "period", "from", "to", "origin", "band", "min_events"}));
  ReportOptions o;
  o.with_evidence = false;
  o.with_var = false;
  o.with_quality = false;
  o.max_periods = kMaxPeriods;
  if (auto v = Get(params, "actors")) {
    TRIGON_RETURN_IF_ERROR(ParseActors(*v).status());
    o.selection.actors = *v;
  }
  if (auto v = Get(params, "period")) {
    TRIGON_ASSIGN_OR_RETURN(o.period, ParsePeriodParam(*v));
  }
  if (auto v = Get(params, "from")) {
    TRIGON_ASSIGN_OR_RETURN(o.selection.from, ParseDateParam("from", *v));
  }
  if (auto v = Get(params, "to")) {
    TRIGON_ASSIGN_OR_RETURN(o.selection.to, ParseDateParam("to", *v));
  }
  if (!o.selection.from.empty() && !o.selection.to.empty() && o.selection.from > o.selection.to) {
    return Status::InvalidArgument("from: " + o.selection.from + " is after to: " +
                                   o.selection.to);
  }
  if (auto v = Get(params, "origin")) {
    TRIGON_ASSIGN_OR_RETURN(o.selection.origins, ParseOrigins(*v));
  }
  if (auto v = Get(params, "band")) {
    TRIGON_ASSIGN_OR_RETURN(o.band, ParseNumberParam("band", *v, 0, kMaxBand));
  }
  if (auto v = Get(params, "min_events")) {
    TRIGON_ASSIGN_OR_RETURN(o.min_events, ParseNumberParam("min_events", *v, 0, kMaxMinEvents));
  }
  return o;
}

Result<report::ReportModel> AnalyticsModel(store::Database& db, const Params& params) {
  TRIGON_ASSIGN_OR_RETURN(ReportOptions o, ParseAnalytics(params));
  auto m = BuildReportModel(db, o);
  if (!m.ok() && m.status().code() == StatusCode::kResourceExhausted) {
    return Status::ResourceExhausted(m.status().message() + " (at most " +
                                     std::to_string(kMaxPeriods) +
                                     " periods per request: choose a coarser period or a "
                                     "shorter from/to range)");
  }
  return m;
}

void WriteHeader(JsonWriter& w, const report::ReportModel& m) {
  w.Key("actors").BeginArray();
  for (const std::string& a : m.actors) w.String(a);
  w.EndArray();
  w.Key("period").String(m.period);
  w.Key("events").Int(m.events);
  w.Key("input").String(m.input);
  w.Key("dyads").BeginArray();
  for (const std::string& d : m.dyads) w.String(d);
  w.EndArray();
}

void WriteEventFields(JsonWriter& w, const EventRow& row) {
  const store::StoredEvent& s = row.stored;
  const model::Event& e = s.event;
  w.Key("id").Int(s.id);
  w.Key("origin").String(s.origin);
  w.Key("date");
  if (e.date) {
    w.String(*e.date);
  } else {
    w.Null();
  }
  w.Key("date_basis").String(model::DateBasisName(e.date_basis));
  w.Key("source").String(e.source);
  w.Key("target").String(e.target);
  w.Key("source_country").String(e.source_country);
  w.Key("target_country").String(e.target_country);
  w.Key("code").String(e.code);
  w.Key("root").String(e.root);
  w.Key("quad_class").Int(e.quad_class);
  w.Key("goldstein").Double(e.goldstein);
  w.Key("modality").String(model::ModalityName(e.modality));
  w.Key("lang").String(s.lang);
  w.Key("doc_id").String(s.doc_id);
  w.Key("sentence_index").Int(s.sentence);
  w.Key("sentence").String(row.sentence);
  w.Key("doc_title").String(row.doc_title);
  w.Key("doc_date");
  if (row.doc_date.empty()) {
    w.Null();
  } else {
    w.String(row.doc_date);
  }
  w.Key("import_file").String(s.import_file);
  w.Key("import_line").Int(s.import_line);
  w.Key("external_id").String(s.external_id);
}

Result<EventQuery> ParseEventQuery(const Params& params) {
  TRIGON_RETURN_IF_ERROR(CheckParams(
      params, {"actor", "source", "target", "code", "root", "from", "to", "lang", "modality",
               "origin", "q", "dyad", "period", "actors", "limit", "offset"}));
  EventQuery q;
  if (auto v = Get(params, "actor")) {
    TRIGON_ASSIGN_OR_RETURN(q.actor, ParseActorCode("actor", *v));
  }
  if (auto v = Get(params, "source")) {
    TRIGON_ASSIGN_OR_RETURN(q.source, ParseActorCode("source", *v));
  }
  if (auto v = Get(params, "target")) {
    TRIGON_ASSIGN_OR_RETURN(q.target, ParseActorCode("target", *v));
  }
  if (auto v = Get(params, "code")) {
    TRIGON_ASSIGN_OR_RETURN(q.code, ParseEventCode(*v));
  }
  if (auto v = Get(params, "root")) {
    TRIGON_ASSIGN_OR_RETURN(q.root, ParseRoot(*v));
  }
  if (auto v = Get(params, "from")) {
    TRIGON_ASSIGN_OR_RETURN(q.from, ParseDateParam("from", *v));
  }
  if (auto v = Get(params, "to")) {
    TRIGON_ASSIGN_OR_RETURN(q.to, ParseDateParam("to", *v));
  }
  if (!q.from.empty() && !q.to.empty() && q.from > q.to) {
    return Status::InvalidArgument("from: " + q.from + " is after to: " + q.to);
  }
  if (auto v = Get(params, "lang")) {
    TRIGON_ASSIGN_OR_RETURN(q.lang, ParseLang(*v));
  }
  if (auto v = Get(params, "modality")) {
    TRIGON_ASSIGN_OR_RETURN(q.modality, ParseModalityParam(*v));
  }
  if (auto v = Get(params, "origin")) {
    TRIGON_ASSIGN_OR_RETURN(q.origins, ParseOrigins(*v));
  }
  if (auto v = Get(params, "q")) {
    TRIGON_ASSIGN_OR_RETURN(q.text, ParseQueryText(*v));
  }
  if (auto v = Get(params, "actors")) {
    TRIGON_ASSIGN_OR_RETURN(q.actors, ParseActors(*v));
  }
  if (auto v = Get(params, "period")) {
    TRIGON_ASSIGN_OR_RETURN(PeriodSpan span, ParsePeriodLabel(*v));
    q.period = span;
  }
  if (auto v = Get(params, "dyad")) {
    if (!q.period) {
      return Status::InvalidArgument("dyad: needs a period label as well (period=2022-03)");
    }
    TRIGON_ASSIGN_OR_RETURN(int d, ParseDyad(*v, q.actors));
    q.dyad = d;
  }
  if (auto v = Get(params, "limit")) {
    TRIGON_ASSIGN_OR_RETURN(q.limit, ParseIntParam("limit", *v, 1, kMaxLimit));
  }
  if (auto v = Get(params, "offset")) {
    TRIGON_ASSIGN_OR_RETURN(q.offset, ParseIntParam("offset", *v, 0, kMaxOffset));
  }
  return q;
}

}  // namespace

ApiResponse ErrorResponse(int status, std::string_view message) {
  ApiResponse r;
  r.status = status;
  r.body = JsonError(message);
  return r;
}

ApiResponse HandleSummary(store::Database& db, const Params& params,
                          const std::string& database_label) {
  if (Status s = CheckParams(params, {}); !s.ok()) return FromStatus(s);
  auto sum = db.Summary();
  if (!sum.ok()) return FromStatus(sum.status());
  auto links = db.ListLinks();
  if (!links.ok()) return FromStatus(links.status());
  store::EventRepository repo(db);
  auto events = repo.Query({});
  if (!events.ok()) return FromStatus(events.status());
  std::map<std::string, int64_t> modality, origin, lang, basis;
  std::string first, last;
  for (const store::StoredEvent& e : *events) {
    ++modality[std::string(model::ModalityName(e.event.modality))];
    ++origin[e.origin];
    ++lang[e.lang];
    ++basis[std::string(model::DateBasisName(e.event.date_basis))];
    if (e.event.date && analysis::ParseIsoDate(*e.event.date).ok()) {
      if (first.empty() || *e.event.date < first) first = *e.event.date;
      if (last.empty() || *e.event.date > last) last = *e.event.date;
    }
  }
  JsonWriter w;
  w.BeginObject();
  w.Key("database").String(SanitizeUtf8(database_label));
  w.Key("documents").Int(sum->documents);
  w.Key("sentences").Int(sum->sentences);
  WriteCounts(w, "sentences_by_lang", sum->sentences_by_lang);
  WriteCounts(w, "documents_by_date_basis", sum->dates_by_basis);
  w.Key("near_duplicate_links").Int(static_cast<int64_t>(links->size()));
  w.Key("events").Int(static_cast<int64_t>(events->size()));
  WriteCounts(w, "events_by_modality", modality);
  WriteCounts(w, "events_by_origin", origin);
  WriteCounts(w, "events_by_lang", lang);
  WriteCounts(w, "event_dates_by_basis", basis);
  w.Key("first_event_date");
  first.empty() ? w.Null() : w.String(first);
  w.Key("last_event_date");
  last.empty() ? w.Null() : w.String(last);
  w.EndObject();
  return Json(w);
}

ApiResponse HandleTriangle(store::Database& db, const Params& params) {
  auto m = AnalyticsModel(db, params);
  if (!m.ok()) return FromStatus(m.status());
  JsonWriter w;
  w.BeginObject();
  WriteHeader(w, *m);
  w.Key("periods").BeginArray();
  for (const report::PeriodView& p : m->periods) {
    w.BeginObject();
    w.Key("period").String(p.label);
    w.Key("configuration").String(p.configuration);
    w.Key("pivot");
    p.pivot >= 0 ? w.String(m->actors[static_cast<size_t>(p.pivot)]) : w.Null();
    w.Key("roles").BeginObject();
    for (size_t a = 0; a < 3; ++a) w.Key(m->actors[a]).String(p.roles[a]);
    w.EndObject();
    w.Key("reason").String(p.reason);
    w.Key("sparse").Bool(p.sparse);
    w.Key("pairs").BeginArray();
    for (const report::PairView& pair : p.pairs) {
      const std::string& a = m->actors[static_cast<size_t>(pair.a)];
      const std::string& b = m->actors[static_cast<size_t>(pair.b)];
      w.BeginObject()
          .Key("pair")
          .String(a + "-" + b)
          .Key("status")
          .String(pair.status)
          .Key("statistic")
          .Double(pair.statistic)
          .Key("events")
          .Int(pair.events)
          .EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Json(w);
}

ApiResponse HandleSeries(store::Database& db, const Params& params) {
  auto m = AnalyticsModel(db, params);
  if (!m.ok()) return FromStatus(m.status());
  JsonWriter w;
  w.BeginObject();
  WriteHeader(w, *m);
  w.Key("periods").BeginArray();
  for (const report::PeriodView& p : m->periods) {
    w.BeginObject().Key("period").String(p.label).Key("cells").BeginArray();
    for (size_t d = 0; d < p.cells.size(); ++d) {
      const report::SeriesCell& c = p.cells[d];
      w.BeginObject()
          .Key("dyad")
          .String(m->dyads[d])
          .Key("events")
          .Int(c.events)
          .Key("goldstein_sum")
          .Double(c.goldstein_sum)
          .Key("cooperation")
          .Double(c.cooperation)
          .Key("conflict")
          .Double(c.conflict)
          .EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Json(w);
}

ApiResponse HandleEvents(store::Database& db, const Params& params) {
  auto q = ParseEventQuery(params);
  if (!q.ok()) return FromStatus(q.status());
  auto page = SearchEvents(db, *q);
  if (!page.ok()) return FromStatus(page.status());
  JsonWriter w;
  w.BeginObject();
  w.Key("total").Int(page->total);
  w.Key("offset").Int(q->offset);
  w.Key("limit").Int(q->limit);
  w.Key("events").BeginArray();
  for (const EventRow& row : page->rows) {
    w.BeginObject();
    WriteEventFields(w, row);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Json(w);
}

ApiResponse HandleEvent(store::Database& db, std::string_view id, const Params& params) {
  if (Status s = CheckParams(params, {}); !s.ok()) return FromStatus(s);
  auto event_id = ParseEventId(id);
  if (!event_id.ok()) return FromStatus(event_id.status());
  auto row = FindEvent(db, *event_id);
  if (!row.ok()) return FromStatus(row.status());
  if (!*row) return ErrorResponse(404, "no event with id " + std::to_string(*event_id));
  JsonWriter w;
  w.BeginObject();
  WriteEventFields(w, **row);
  w.Key("evidence").BeginArray();
  for (const store::StoredEvidence& ev : (*row)->stored.evidence) {
    w.BeginObject()
        .Key("kind")
        .String(ev.kind)
        .Key("sentence_index")
        .Int(ev.sentence)
        .Key("begin")
        .Int(ev.begin)
        .Key("end")
        .Int(ev.end)
        .Key("text")
        .String(ev.text)
        .EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Json(w);
}

namespace {

// The document view for /api/documents/<id> and /doc/<id>, or the
// response that explains why there is none.
Result<std::optional<DocumentView>> LoadView(store::Database& db, std::string_view id,
                                             const Params& params) {
  TRIGON_RETURN_IF_ERROR(CheckParams(params, {"event"}));
  TRIGON_ASSIGN_OR_RETURN(std::string doc_id, ParseDocumentId(id));
  std::optional<int64_t> focus;
  if (auto v = Get(params, "event")) {
    TRIGON_ASSIGN_OR_RETURN(int64_t e, ParseEventId(*v));
    focus = e;
  }
  return BuildDocumentView(db, doc_id, focus);
}

int ViewErrorStatus(const Status& s) {
  return s.code() == StatusCode::kResourceExhausted ? 413 : HttpStatus(s);
}

}  // namespace

ApiResponse HandleDocument(store::Database& db, std::string_view id, const Params& params) {
  auto view = LoadView(db, id, params);
  if (!view.ok()) return ErrorResponse(ViewErrorStatus(view.status()), view.status().message());
  if (!*view) return ErrorResponse(404, "no document with id '" + SanitizeUtf8(id) + "'");
  const DocumentView& v = **view;
  const model::Document& d = v.document;
  JsonWriter w;
  w.BeginObject();
  w.Key("id").String(d.id);
  w.Key("title").String(d.title);
  w.Key("date");
  d.date ? w.String(*d.date) : w.Null();
  w.Key("date_basis").String(d.date_basis);
  w.Key("url").String(d.url);
  w.Key("source_path").String(d.source_path);
  w.Key("format").String(d.format);
  w.Key("sentences").Int(static_cast<int64_t>(d.sentences.size()));
  w.Key("events").Int(static_cast<int64_t>(v.events.size()));
  w.Key("focus_event");
  v.focus_event ? w.Int(*v.focus_event) : w.Null();
  w.Key("segments").BeginArray();
  for (const Segment& s : v.segments) {
    w.BeginObject();
    w.Key("text").String(std::string_view(d.text).substr(s.begin, s.end - s.begin));
    w.Key("kind").String(SegmentKindName(s.kind));
    if (s.kind == Segment::Kind::kEvidence) {
      w.Key("evidence").BeginArray();
      for (const std::string& k : s.evidence) w.String(k);
      w.EndArray();
      w.Key("event_ids").BeginArray();
      for (const int64_t e : s.event_ids) w.Int(e);
      w.EndArray();
    }
    if (s.kind == Segment::Kind::kRemoved) w.Key("reason").String(s.reason);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Json(w);
}

ApiResponse HandleDocumentPage(store::Database& db, std::string_view id, const Params& params) {
  auto view = LoadView(db, id, params);
  ApiResponse r;
  r.content_type = kHtmlType;
  if (!view.ok()) {
    r.status = ViewErrorStatus(view.status());
    r.body = RenderErrorPage(r.status, view.status().message());
  } else if (!*view) {
    r.status = 404;
    r.body = RenderErrorPage(404, "no document with id '" + SanitizeUtf8(id) + "'");
  } else {
    r.body = RenderDocumentPage(**view);
  }
  return r;
}

}  // namespace trigon::server
