// _trigon.Database and _trigon.Events: a Trigon store opened read-only, its
// events, documents and summary.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bindings.h"
#include "event_columns.h"
#include "model/document.h"
#include "status_error.h"

namespace py = pybind11;

namespace trigon::python {
namespace {

std::shared_ptr<DatabaseHandle> OpenDatabase(const std::string& path) {
  store::StoreOptions options;
  options.read_only = true;
  auto db = store::Database::Open(path, options);
  if (!db.ok()) ThrowStatus(db.status().WithContext("cannot open database " + path));
  // A read-only open does not read the file yet: reading the schema
  // version now reports a file that is not a Trigon database here.
  if (Result<int> version = (*db)->SchemaVersion(); !version.ok()) {
    ThrowStatus(version.status().WithContext("cannot open database " + path));
  }
  auto handle = std::make_shared<DatabaseHandle>();
  handle->path = path;
  handle->db = std::move(db).value();
  return handle;
}

// Errors of later reads name the database too.
template <typename T>
T ValueOrThrow(const DatabaseHandle& db, Result<T> result) {
  if (!result.ok()) ThrowStatus(result.status().WithContext("database " + db.path));
  return std::move(result).value();
}

std::vector<std::string> AsList(const py::object& value, const char* what) {
  std::vector<std::string> out;
  if (value.is_none()) return out;
  if (py::isinstance<py::str>(value)) {
    out.push_back(value.cast<std::string>());
    return out;
  }
  try {
    out = value.cast<std::vector<std::string>>();
  } catch (const py::cast_error&) {
    throw py::type_error(std::string(what) + ": a string or a list of strings");
  }
  return out;
}

std::shared_ptr<EventSet> QueryEvents(const std::shared_ptr<DatabaseHandle>& db,
                                      const py::object& actors,
                                      const std::optional<std::string>& start,
                                      const std::optional<std::string>& end,
                                      const py::object& modality, const py::object& origin,
                                      bool with_evidence, int64_t limit) {
  store::EventFilter filter;
  filter.countries = AsList(actors, "actors");
  filter.modalities = AsList(modality, "modality");
  filter.origins = AsList(origin, "origin");
  filter.from = start;
  filter.to = end;
  filter.with_evidence = with_evidence;
  filter.limit = limit;
  store::EventRepository repo(*db->db);
  auto set = std::make_shared<EventSet>();
  set->db = db;
  set->events = ValueOrThrow(*db, repo.Query(filter));
  set->with_evidence = with_evidence;
  return set;
}

// Views of the events with their documents loaded (sentence text, file
// offsets); `docs` owns the documents.
std::vector<EventView> Views(const EventSet& set, std::map<std::string, model::Document>& docs) {
  std::vector<EventView> views;
  views.reserve(set.events.size());
  for (const store::StoredEvent& e : set.events) {
    EventView v;
    v.event = &e;
    v.doc_label = e.doc_id;
    if (!e.doc_id.empty()) {
      auto it = docs.find(e.doc_id);
      if (it == docs.end()) {
        it = docs.emplace(e.doc_id, ValueOrThrow(*set.db, set.db->db->LoadDocument(e.doc_id))).first;
      }
      const model::Document& doc = it->second;
      v.doc = &doc;
      if (e.sentence >= 0 && static_cast<size_t>(e.sentence) < doc.sentences.size()) {
        const model::Span sp = doc.sentences[static_cast<size_t>(e.sentence)].span;
        v.sentence_text = doc.text.substr(sp.begin, sp.size());
      }
    }
    views.push_back(std::move(v));
  }
  return views;
}

ColumnOptions StoredColumns(const EventSet& set) {
  ColumnOptions options;
  options.evidence = set.with_evidence;
  options.stored_columns = true;
  return options;
}

py::dict Documents(DatabaseHandle& db) {
  const auto rows = ValueOrThrow(db, db.db->ListDocuments());
  py::list id, source_path, format, title, date, date_basis, paragraphs, sentences, removed,
      langs;
  for (const store::DocumentRow& r : rows) {
    id.append(r.id);
    source_path.append(r.source_path);
    format.append(r.format);
    title.append(r.title);
    date.append(r.date ? py::object(py::str(*r.date)) : py::object(py::none()));
    date_basis.append(r.date_basis);
    paragraphs.append(r.paragraphs);
    sentences.append(r.sentences);
    removed.append(r.removed);
    langs.append(r.langs);
  }
  py::dict out;
  out["id"] = id;
  out["source_path"] = source_path;
  out["format"] = format;
  out["title"] = title;
  out["date"] = date;
  out["date_basis"] = date_basis;
  out["paragraphs"] = paragraphs;
  out["sentences"] = sentences;
  out["removed"] = removed;
  out["langs"] = langs;
  return out;
}

py::dict Pairs(const std::vector<std::pair<std::string, int64_t>>& pairs) {
  py::dict out;
  for (const auto& [k, v] : pairs) out[py::str(k)] = v;
  return out;
}

py::dict Summary(DatabaseHandle& db) {
  const store::StoreSummary s = ValueOrThrow(db, db.db->Summary());
  py::dict out;
  out["documents"] = s.documents;
  out["sentences"] = s.sentences;
  out["sentences_by_lang"] = Pairs(s.sentences_by_lang);
  out["dated_documents"] = s.dated_documents;
  out["dates_by_basis"] = Pairs(s.dates_by_basis);
  out["links"] = s.links;
  out["removed_by_reason"] = Pairs(s.removed_by_reason);
  out["skipped"] = s.skipped;
  return out;
}

}  // namespace

void RegisterDatabase(py::module_& m) {
  py::class_<DatabaseHandle, std::shared_ptr<DatabaseHandle>>(
      m, "Database", "A Trigon database opened read-only.")
      .def(py::init(&OpenDatabase), py::arg("path"))
      .def_readonly("path", &DatabaseHandle::path)
      .def("events", &QueryEvents, py::arg("actors") = py::none(), py::arg("start") = py::none(),
           py::arg("end") = py::none(), py::arg("modality") = "asserted",
           py::arg("origin") = py::none(), py::arg("with_evidence") = false,
           py::arg("limit") = 0)
      .def("document_columns", &Documents)
      .def("summary", &Summary);

  py::class_<EventSet, std::shared_ptr<EventSet>>(m, "Events",
                                                  "Events selected from a database.")
      .def("__len__", [](const EventSet& s) { return s.events.size(); })
      .def("columns",
           [](const EventSet& s) {
             std::map<std::string, model::Document> docs;
             return EventColumns(Views(s, docs), StoredColumns(s));
           })
      .def("records", [](const EventSet& s) {
        std::map<std::string, model::Document> docs;
        const std::vector<EventView> views = Views(s, docs);
        py::list out;
        for (const EventView& v : views) out.append(EventRecord(v, StoredColumns(s)));
        return out;
      });
}

}  // namespace trigon::python
