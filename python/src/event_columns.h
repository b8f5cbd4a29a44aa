#pragma once
// Events as columns (a dict of equal-length lists) for pandas.DataFrame,
// named and valued as the JSON Lines event format (docs/formats/events.md):
// doc, sentence, text, lang, date, date_basis, source, target,
// source_country, target_country, code, root, quad, goldstein, modality,
// mentions, origin[, evidence].  Stored events add id, doc_id and, for
// imported events, import_file, import_line and external_id.

#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "store/event_repository.h"

namespace trigon::model {
struct Document;
}

namespace trigon::python {

// One event and what its columns need besides the event itself.
struct EventView {
  const store::StoredEvent* event = nullptr;
  const model::Document* doc = nullptr;  // for file offsets; may be null
  std::string doc_label;                 // the "doc" column
  std::string sentence_text;             // the "text" column
};

struct ColumnOptions {
  bool evidence = true;         // the evidence column (list of dicts)
  bool stored_columns = false;  // id, doc_id, import_file, import_line, external_id
};

pybind11::dict EventColumns(const std::vector<EventView>& events, const ColumnOptions& options);

// The same fields for one event, as a dict (iteration over Events).
pybind11::dict EventRecord(const EventView& event, const ColumnOptions& options);

}  // namespace trigon::python
