#include "event_columns.h"

#include <functional>
#include <utility>

#include "model/document.h"

namespace py = pybind11;

namespace trigon::python {
namespace {

py::object OptionalText(const std::optional<std::string>& s) {
  return s ? py::object(py::str(*s)) : py::object(py::none());
}

uint64_t FileOffset(const model::Document* doc, uint32_t text_offset) {
  return doc ? model::SourceOffset(*doc, text_offset) : text_offset;
}

py::list Evidence(const EventView& v) {
  py::list out;
  for (const store::StoredEvidence& ev : v.event->evidence) {
    py::dict d;
    d["kind"] = ev.kind;
    d["sentence"] = ev.sentence;
    d["begin"] = ev.begin;
    d["end"] = ev.end;
    d["file_begin"] = FileOffset(v.doc, ev.begin);
    d["file_end"] = FileOffset(v.doc, ev.end);
    d["text"] = ev.text;
    out.append(std::move(d));
  }
  return out;
}

// Column name and how to get its value, in output order.
using Field = std::pair<const char*, std::function<py::object(const EventView&)>>;

std::vector<Field> Fields(const ColumnOptions& options) {
  std::vector<Field> f;
  auto ev = [](const EventView& v) -> const model::Event& { return v.event->event; };
  if (options.stored_columns) {
    f.emplace_back("id", [](const EventView& v) { return py::int_(v.event->id); });
  }
  f.emplace_back("doc", [](const EventView& v) { return py::str(v.doc_label); });
  f.emplace_back("sentence", [](const EventView& v) { return py::int_(v.event->sentence); });
  f.emplace_back("text", [](const EventView& v) { return py::str(v.sentence_text); });
  f.emplace_back("lang", [](const EventView& v) { return py::str(v.event->lang); });
  f.emplace_back("date", [ev](const EventView& v) { return OptionalText(ev(v).date); });
  f.emplace_back("date_basis", [ev](const EventView& v) {
    return py::str(std::string(model::DateBasisName(ev(v).date_basis)));
  });
  f.emplace_back("source", [ev](const EventView& v) { return py::str(ev(v).source); });
  f.emplace_back("target", [ev](const EventView& v) { return py::str(ev(v).target); });
  f.emplace_back("source_country",
                 [ev](const EventView& v) { return py::str(ev(v).source_country); });
  f.emplace_back("target_country",
                 [ev](const EventView& v) { return py::str(ev(v).target_country); });
  f.emplace_back("code", [ev](const EventView& v) { return py::str(ev(v).code); });
  f.emplace_back("root", [ev](const EventView& v) { return py::str(ev(v).root); });
  f.emplace_back("quad", [ev](const EventView& v) { return py::int_(ev(v).quad_class); });
  f.emplace_back("goldstein", [ev](const EventView& v) { return py::float_(ev(v).goldstein); });
  f.emplace_back("modality", [ev](const EventView& v) {
    return py::str(std::string(model::ModalityName(ev(v).modality)));
  });
  f.emplace_back("mentions", [ev](const EventView& v) { return py::int_(ev(v).mentions); });
  f.emplace_back("origin", [](const EventView& v) { return py::str(v.event->origin); });
  if (options.evidence) {
    f.emplace_back("evidence", [](const EventView& v) { return py::object(Evidence(v)); });
  }
  if (options.stored_columns) {
    auto text_or_none = [](const std::string& s) {
      return s.empty() ? py::object(py::none()) : py::object(py::str(s));
    };
    f.emplace_back("doc_id", [text_or_none](const EventView& v) {
      return text_or_none(v.event->doc_id);
    });
    f.emplace_back("import_file", [text_or_none](const EventView& v) {
      return text_or_none(v.event->import_file);
    });
    f.emplace_back("import_line", [](const EventView& v) {
      return v.event->import_line > 0 ? py::object(py::int_(v.event->import_line))
                                      : py::object(py::none());
    });
    f.emplace_back("external_id", [text_or_none](const EventView& v) {
      return text_or_none(v.event->external_id);
    });
  }
  return f;
}

}  // namespace

py::dict EventColumns(const std::vector<EventView>& events, const ColumnOptions& options) {
  py::dict out;
  for (const Field& field : Fields(options)) {
    py::list column(events.size());
    for (size_t i = 0; i < events.size(); ++i) {
      column[i] = field.second(events[i]);
    }
    out[field.first] = std::move(column);
  }
  return out;
}

py::dict EventRecord(const EventView& event, const ColumnOptions& options) {
  py::dict out;
  for (const Field& field : Fields(options)) out[field.first] = field.second(event);
  return out;
}

}  // namespace trigon::python
