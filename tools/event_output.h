#pragma once
// Writers for coded events: JSON Lines (Trigon's contract), a flat CSV,
// GDELT 2.0 event-table rows and PLOVER JSON Lines (docs/formats/events.md).

#include <cstdio>
#include <string>

#include "store/event_repository.h"

namespace trigon::model {
struct Document;
}

namespace trigon::tools {

enum class EventFormat { kJsonl, kCsv, kGdelt, kPlover };

// Everything about an event that the formats print.
struct EventContext {
  const store::StoredEvent* event = nullptr;
  const model::Document* doc = nullptr;  // for sentence text and file offsets
  std::string doc_label;                 // "doc" field: id or file stem
  std::string sentence_text;
};

class EventWriter {
 public:
  EventWriter(std::FILE* out, EventFormat format) : out_(out), format_(format) {}
  // Writes the header line where the format has one (CSV).
  void Begin();
  void Write(const EventContext& ctx);
  // Events the format has no place for (PLOVER: CAMEO roots 01 and 02).
  int64_t unwritten() const { return unwritten_; }

 private:
  std::FILE* out_;
  EventFormat format_;
  int64_t gdelt_row_ = 0;
  int64_t unwritten_ = 0;
};

}  // namespace trigon::tools
