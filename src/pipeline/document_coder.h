#pragma once
// DocumentCoder: codes every sentence of an analysed document and merges
// what the document says more than once -- a repeated block, a
// translation beside its original -- into one event per (source, target,
// code, modality, date), with `mentions` counting the sentences and every
// sentence kept as evidence.  Across documents nothing is merged (the
// store links near-duplicate documents instead).
//
// Thread-safety: CodeDocument is const and may run concurrently.

#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "model/document.h"
#include "store/event_repository.h"

namespace trigon::coding {
class Coder;
}
namespace trigon::text {
class Normalizer;
}
namespace trigon::pipeline {
struct NormalizedSentences;
}

namespace trigon::pipeline {

struct DocumentCoderOptions {
  // Distinct events kept per document (after merging repeats); events past
  // the limit are dropped and counted in CodeDocument's `over_limit`, for
  // the caller to report.  A news article has tens; the cap keeps a
  // pathological input (a sanctions list of ten thousand entities) from
  // flooding the store and the output.  Default 5000.
  size_t max_events_per_document = 5000;
  // A normaliser to share, e.g. DocumentAnalyzer::normalizer() (not owned;
  // must outlive the DocumentCoder).  Building one loads OpenCC's tables,
  // a noticeable part of a short run's start-up.  Default nullptr: the
  // coder builds its own.
  const text::Normalizer* normalizer = nullptr;
};

// A compiled coder together with the version string that identifies its
// dictionaries (documents coded under another version are recoded).
class DocumentCoder {
 public:
  // Loads and compiles the Trigon dictionaries in `dict_dir` (data/dict).
  // Errors: those of the loader (file:line) and the compiler.
  static Result<std::unique_ptr<DocumentCoder>> Open(const std::string& dict_dir,
                                                     const DocumentCoderOptions& options = {});
  ~DocumentCoder();

  // "trigon-coder/<format>/<hash of the dictionary files>".
  const std::string& version() const { return version_; }
  const coding::Coder& coder() const { return *coder_; }

  // REQUIRES: doc has sentences (DocumentAnalyzer::Analyze or loaded from
  // the store).  Sentences are coded in order, each with its predecessor as
  // context.  `over_limit`, if given, receives the number of events dropped
  // by DocumentCoderOptions::max_events_per_document (0 when none).
  // `normalized`, if given, is what DocumentAnalyzer::Analyze kept for
  // `doc`; the coder uses it instead of normalising the sentences again when
  // the analyser's normaliser is the coder's (DocumentCoderOptions::
  // normalizer).  The events are the same either way.
  std::vector<store::DocumentEvent> CodeDocument(
      const model::Document& doc, size_t* over_limit = nullptr,
      const NormalizedSentences* normalized = nullptr) const;

  const DocumentCoderOptions& options() const { return options_; }

 private:
  DocumentCoder(std::unique_ptr<coding::Coder> coder, std::string version,
                const DocumentCoderOptions& options);
  std::unique_ptr<coding::Coder> coder_;
  std::string version_;
  DocumentCoderOptions options_;
};

}  // namespace trigon::pipeline
