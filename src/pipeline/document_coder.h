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

namespace trigon::pipeline {

// A compiled coder together with the version string that identifies its
// dictionaries (documents coded under another version are recoded).
class DocumentCoder {
 public:
  // Loads and compiles the Trigon dictionaries in `dict_dir` (data/dict).
  // Errors: those of the loader (file:line) and the compiler.
  static Result<std::unique_ptr<DocumentCoder>> Open(const std::string& dict_dir);
  ~DocumentCoder();

  // "trigon-coder/<format>/<hash of the dictionary files>".
  const std::string& version() const { return version_; }
  const coding::Coder& coder() const { return *coder_; }

  // REQUIRES: doc has sentences (DocumentAnalyzer::Analyze or loaded from
  // the store).
  std::vector<store::DocumentEvent> CodeDocument(const model::Document& doc) const;

 private:
  DocumentCoder(std::unique_ptr<coding::Coder> coder, std::string version);
  std::unique_ptr<coding::Coder> coder_;
  std::string version_;
};

}  // namespace trigon::pipeline
