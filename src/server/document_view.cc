#include "server/document_view.h"

#include <algorithm>
#include <set>
#include <utility>

#include "store/database.h"

namespace trigon::server {
namespace {

// Moves `offset` back to the start of the UTF-8 character it falls in.
uint32_t CharStart(const std::string& text, uint32_t offset) {
  while (offset > 0 && offset < text.size() &&
         (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) {
    --offset;
  }
  return offset;
}

struct Mark {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string evidence_kind;  // "" for a removed span
  int64_t event_id = 0;
  std::string reason;
};

std::vector<Segment> Cut(const std::string& text, const std::vector<Mark>& marks) {
  const uint32_t size = static_cast<uint32_t>(text.size());
  std::set<uint32_t> cuts = {0, size};
  for (const Mark& m : marks) {
    cuts.insert(m.begin);
    cuts.insert(m.end);
  }
  std::vector<Segment> out;
  for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it) {
    Segment s;
    s.begin = *it;
    s.end = *std::next(it);
    if (s.begin == s.end) continue;
    std::set<std::string> kinds;
    std::set<int64_t> ids;
    for (const Mark& m : marks) {
      if (m.begin > s.begin || m.end < s.end) continue;
      if (m.evidence_kind.empty()) {
        if (s.reason.empty()) s.reason = m.reason;
      } else {
        kinds.insert(m.evidence_kind);
        ids.insert(m.event_id);
      }
    }
    s.evidence.assign(kinds.begin(), kinds.end());
    s.event_ids.assign(ids.begin(), ids.end());
    s.kind = !kinds.empty()        ? Segment::Kind::kEvidence
             : !s.reason.empty() ? Segment::Kind::kRemoved
                                 : Segment::Kind::kText;
    if (s.kind != Segment::Kind::kRemoved) s.reason.clear();
    // Merge with the previous segment when nothing tells them apart.
    if (!out.empty() && out.back().kind == s.kind && out.back().evidence == s.evidence &&
        out.back().event_ids == s.event_ids && out.back().reason == s.reason) {
      out.back().end = s.end;
    } else {
      out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace

const char* SegmentKindName(Segment::Kind kind) {
  switch (kind) {
    case Segment::Kind::kText:
      return "text";
    case Segment::Kind::kEvidence:
      return "evidence";
    case Segment::Kind::kRemoved:
      return "removed";
  }
  return "text";
}

Result<std::optional<DocumentView>> BuildDocumentView(store::Database& db, const std::string& id,
                                                      std::optional<int64_t> focus_event) {
  auto full_id = db.ResolveDocumentId(id);
  if (!full_id.ok()) {
    if (full_id.status().code() == StatusCode::kNotFound) return std::optional<DocumentView>();
    return full_id.status();
  }
  DocumentView view;
  TRIGON_ASSIGN_OR_RETURN(view.document, db.LoadDocument(*full_id));
  const std::string& text = view.document.text;
  if (text.size() > kMaxDocumentBytes) {
    return Status::ResourceExhausted("document " + *full_id + " has " +
                                     std::to_string(text.size()) + " bytes of text (limit " +
                                     std::to_string(kMaxDocumentBytes) + ")");
  }
  store::EventRepository repo(db);
  store::EventFilter filter;
  filter.doc_id = *full_id;
  filter.with_evidence = true;
  TRIGON_ASSIGN_OR_RETURN(view.events, repo.Query(filter));
  if (focus_event) {
    const bool found = std::any_of(view.events.begin(), view.events.end(),
                                   [&](const store::StoredEvent& e) { return e.id == *focus_event; });
    if (!found) {
      return Status::InvalidArgument("event: event " + std::to_string(*focus_event) +
                                     " is not an event of document " + *full_id);
    }
    view.focus_event = focus_event;
  }
  std::vector<Mark> marks;
  const uint32_t size = static_cast<uint32_t>(text.size());
  auto clamp = [&](uint32_t v) { return CharStart(text, std::min(v, size)); };
  for (const store::StoredEvent& e : view.events) {
    if (focus_event && e.id != *focus_event) continue;
    for (const store::StoredEvidence& ev : e.evidence) {
      const uint32_t b = clamp(ev.begin), en = clamp(ev.end);
      if (b < en) marks.push_back({b, en, ev.kind, e.id, ""});
    }
  }
  for (const model::RemovedSpan& r : view.document.removed) {
    const uint32_t b = clamp(r.span.begin), en = clamp(r.span.end);
    if (b < en) marks.push_back({b, en, "", 0, model::RemovalReasonName(r.reason)});
  }
  view.segments = Cut(text, marks);
  return std::optional<DocumentView>(std::move(view));
}

}  // namespace trigon::server
