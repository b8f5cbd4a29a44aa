#pragma once
// One document as the dashboard shows it: its metadata, its events, and
// its text cut into segments at every evidence and removed-span boundary,
// so a page can draw evidence as <mark> and noise greyed without ever
// parsing text as HTML.  Segments are byte ranges of the document text,
// always at UTF-8 character boundaries, covering it exactly once.
//
// Thread-safety: as store::Database (one thread at a time per handle).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "model/document.h"
#include "store/event_repository.h"

namespace trigon::store {
class Database;
}

namespace trigon::server {

// Larger documents are refused (ResourceExhausted): the page would be
// unusable and the response unbounded.
inline constexpr size_t kMaxDocumentBytes = 2 * 1024 * 1024;

struct Segment {
  enum class Kind { kText, kEvidence, kRemoved };
  Kind kind = Kind::kText;
  uint32_t begin = 0;  // bytes of Document::text
  uint32_t end = 0;
  std::vector<std::string> evidence;  // kinds, sorted: "source", "target", "trigger"
  std::vector<int64_t> event_ids;     // events whose evidence covers it, sorted
  std::string reason;                 // removal reason (kRemoved)
};

struct DocumentView {
  model::Document document;
  std::vector<store::StoredEvent> events;  // of this document, with evidence
  std::optional<int64_t> focus_event;      // only its evidence is marked
  std::vector<Segment> segments;
};

// `id` is a full id or a unique prefix.  nullopt when no document matches.
// Errors: InvalidArgument for an ambiguous prefix or a focus event that
// is not in the document; ResourceExhausted over kMaxDocumentBytes;
// database errors.
Result<std::optional<DocumentView>> BuildDocumentView(store::Database& db, const std::string& id,
                                                      std::optional<int64_t> focus_event);

// "text", "evidence", "removed".
const char* SegmentKindName(Segment::Kind kind);

}  // namespace trigon::server
