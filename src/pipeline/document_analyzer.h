#pragma once
// DocumentAnalyzer: turns a freshly read Document (text and metadata) into
// a stored-ready one: cleanup (removed spans, paragraphs), per-paragraph and
// per-sentence language, the publication date from the text when metadata
// had none, sentences with their matching form, and the content id.
//
// Thread-safety: Analyze() is const and may run on many threads at once.

#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "ingest/cleanup.h"
#include "model/document.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"


namespace trigon::pipeline {

struct AnalyzerOptions {
  ingest::CleanupOptions cleanup;
  text::SentenceSplitOptions sentences;
  // How many kept paragraphs from the top are searched for a publication
  // date when metadata has none.  Default 6: datelines sit near the top,
  // and later dates are usually about events, not publication.
  uint32_t date_search_paragraphs = 6;
  // Sentences beyond this count are not produced; the rest of the
  // document is recorded as a removed span with the reason.  Default 20000.
  uint32_t max_sentences_per_document = 20000;
};

// The sentences' matching forms with their offset maps, which Analyze can
// keep for the coder so that it does not normalise every sentence again
// (DocumentCoder::CodeDocument).  sentences[i] is doc.sentences[i].
struct NormalizedSentences {
  const text::Normalizer* by = nullptr;  // the analyser's normaliser
  std::vector<text::NormalizedText> sentences;
};

class DocumentAnalyzer {
 public:
  static Result<std::unique_ptr<DocumentAnalyzer>> Create(
      const AnalyzerOptions& options = {});
  ~DocumentAnalyzer();

  // Fills doc.id, removed, paragraphs (with lang/script), date (from text
  // if absent), sentences (with lang and normalized).
  // REQUIRES: doc.text is valid UTF-8 and under 4 GiB.
  void Analyze(model::Document& doc) const { Analyze(doc, nullptr); }
  // The same, also keeping each sentence's NormalizedText in `normalized`
  // (replacing its contents) when it is not null.
  void Analyze(model::Document& doc, NormalizedSentences* normalized) const;

  const text::Normalizer& normalizer() const { return *normalizer_; }

 private:
  DocumentAnalyzer(const AnalyzerOptions& options,
                   std::unique_ptr<text::Normalizer> normalizer);

  AnalyzerOptions options_;
  std::unique_ptr<text::Normalizer> normalizer_;
};

}  // namespace trigon::pipeline
