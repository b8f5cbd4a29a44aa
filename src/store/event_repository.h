#pragma once
// EventRepository: coded and imported events in the store.
//
// Trigon's own events (origin "trigon") belong to a document and cite their
// sentences; imported events (origin "gdelt1", "gdelt2", "icews", "csv")
// carry the file, line and external id they came from, so the two are never
// mixed silently.  Thread-safety: as Database (one thread at a time).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "model/event.h"

namespace trigon::store {

class Database;

// One piece of evidence stored with an event: document byte offsets.
struct StoredEvidence {
  uint32_t sentence = 0;
  std::string kind;  // "trigger", "source", "target"
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string text;
};

// An event of one document, merged over its mentions.
struct DocumentEvent {
  model::Event event;
  uint32_t sentence = 0;  // the first sentence that states it
  std::string lang;
  std::vector<StoredEvidence> evidence;
};

struct StoredEvent {
  int64_t id = 0;
  std::string origin;
  std::string doc_id;  // empty for imported events
  int64_t sentence = -1;
  std::string import_file;
  int64_t import_line = 0;
  std::string external_id;
  std::string lang;
  model::Event event;
  std::vector<StoredEvidence> evidence;  // filled when requested
};

struct EventFilter {
  // Only events whose source and target countries are both in this set
  // (empty: all).
  std::vector<std::string> countries;
  std::optional<std::string> from;  // YYYY-MM-DD inclusive
  std::optional<std::string> to;    // YYYY-MM-DD inclusive
  std::vector<std::string> origins;     // empty: all
  std::vector<std::string> modalities;  // empty: all
  std::string doc_id;                   // empty: all
  bool with_evidence = false;
  int64_t limit = 0;  // 0: no limit
};

class EventRepository {
 public:
  explicit EventRepository(Database& db) : db_(db) {}

  // Replaces the events of `doc_id` (a recode after a dictionary change
  // leaves no stale rows) and records that it was coded by
  // `coder_version`.  REQUIRES: inside Database::Begin()/Commit().
  Status ReplaceDocumentEvents(const std::string& doc_id,
                               const std::string& coder_version,
                               const std::vector<DocumentEvent>& events);

  // Ids of documents not yet coded by `coder_version`, in ingest order.
  Result<std::vector<std::string>> DocumentsToCode(const std::string& coder_version);

  // Inserts an imported event; returns false (and changes nothing) when
  // (origin, external_id) is already stored.  REQUIRES: origin != "trigon".
  Result<bool> InsertImported(const std::string& origin, const std::string& file,
                              int64_t line, const std::string& external_id,
                              const model::Event& event);

  Result<std::vector<StoredEvent>> Query(const EventFilter& filter);

  // Documents linked as near duplicates, as (doc, representative) pairs:
  // every document in a connected group maps to the group's smallest id.
  Result<std::vector<std::pair<std::string, std::string>>> StoryGroups();

 private:
  Database& db_;
};

}  // namespace trigon::store
