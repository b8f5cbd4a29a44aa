#include "pipeline/json_line_coder.h"

#include <optional>
#include <utility>

#include "ingest/reader.h"
#include "pipeline/document_analyzer.h"
#include "text/normalizer.h"  // complete types for document_analyzer.h
#include "pipeline/document_coder.h"

namespace trigon::pipeline {

Result<CodedDocument> CodeJsonLine(const DocumentAnalyzer& analyzer, const DocumentCoder& coder,
                                   std::string_view line, std::string_view source,
                                   int64_t line_number) {
  const std::string where = std::string(source) + ":" + std::to_string(line_number);
  // The reader sees one line, which it numbers 1; messages are renamed to
  // the caller's source and line.
  static constexpr std::string_view kReaderName = "stdin.jsonl";
  const std::string reader_prefix = std::string(kReaderName) + ":1";
  std::optional<Result<model::Document>> read;
  ingest::ReadInputBytes(line, std::string(kReaderName), {}, [&](Result<model::Document> r) {
    if (!read) read.emplace(std::move(r));
  });
  if (!read) return Status::InvalidArgument(where + ": empty line, no document");
  if (!read->ok()) {
    const Status& s = read->status();
    std::string msg = s.message();
    if (msg.rfind(reader_prefix, 0) == 0) {
      msg = where + msg.substr(reader_prefix.size());
    } else {
      msg = where + ": " + msg;
    }
    return Status(s.code(), msg);
  }
  CodedDocument out;
  out.doc = std::move(*read).value();
  out.doc.source_path = where;
  NormalizedSentences normalized;  // reused by the coder
  analyzer.Analyze(out.doc, &normalized);
  out.label = out.doc.external_id.empty() ? out.doc.source_path : out.doc.external_id;
  for (store::DocumentEvent& d : coder.CodeDocument(out.doc, &out.events_over_limit, &normalized)) {
    CodedEvent c;
    c.stored.origin = "trigon";
    c.stored.doc_id = out.doc.id;
    c.stored.sentence = d.sentence;
    c.stored.lang = std::move(d.lang);
    c.stored.event = std::move(d.event);
    c.stored.evidence = std::move(d.evidence);
    const model::Span sp = out.doc.sentences[d.sentence].span;
    c.sentence_text = out.doc.text.substr(sp.begin, sp.size());
    out.events.push_back(std::move(c));
  }
  return out;
}

}  // namespace trigon::pipeline
