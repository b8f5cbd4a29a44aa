#pragma once
// One JSON Lines document ({"id","url","date","title","text","lang",
// "source"}) read, analysed and coded end to end, without a database: the
// streaming path of `trigon code --stdin`, the Python module's code_text /
// code_jsonl and the Dask integration, so all of them give the same events.
//
// Thread-safety: CodeJsonLine only reads the analyzer and the coder, whose
// methods are const and thread-safe; it may run on many threads at once.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "model/document.h"
#include "store/event_repository.h"

namespace trigon::pipeline {

class DocumentAnalyzer;
class DocumentCoder;

struct CodedEvent {
  store::StoredEvent stored;  // origin "trigon", no database id (0)
  std::string sentence_text;  // the first sentence stating it, as in the source
};

struct CodedDocument {
  model::Document doc;  // analysed; source_path "<source>:<line>"
  // How events name the document: its "id" field, else "<source>:<line>".
  std::string label;
  std::vector<CodedEvent> events;  // in the coder's order
  // Events dropped by DocumentCoderOptions::max_events_per_document.
  size_t events_over_limit = 0;
};

// Codes `line`, the `line_number`-th line of `source` (e.g. "stdin").
// Errors: the reader's (malformed JSON, no text, invalid UTF-8...), with the
// message starting "<source>:<line_number>:".
Result<CodedDocument> CodeJsonLine(const DocumentAnalyzer& analyzer, const DocumentCoder& coder,
                                   std::string_view line, std::string_view source,
                                   int64_t line_number);

}  // namespace trigon::pipeline
