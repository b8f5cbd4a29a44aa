#pragma once
// IngestRunner: files and folders -> stored documents.  Every input ends up
// stored, recognised as already stored, or recorded as skipped with its
// reason; one bad file never stops the run.  Each document is written in its
// own transaction, so a run killed half-way leaves whole documents only, and
// a rerun stores the rest without duplicating anything (ids are content
// hashes).
//
// Thread-safety: one runner per thread (it owns no threads yet).

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "ingest/reader.h"
#include "store/database.h"
#include "text/near_duplicate.h"

namespace trigon::pipeline {

class DocumentAnalyzer;

struct IngestOptions {
  ingest::ReaderOptions reader;
  // Estimated Jaccard similarity at or above which two documents are
  // linked as near duplicates.  Default 0.8 (see text/near_duplicate.h).
  double near_duplicate_threshold = 0.8;
  // Links written per new document (its most similar earlier ones).  A
  // story syndicated a thousand times would otherwise add a quadratic
  // number of links; clusters stay connected through the best matches.
  // Default 5.
  size_t max_links_per_document = 5;
};

enum class InputOutcome { kStored, kUnchanged, kSkipped };

const char* InputOutcomeName(InputOutcome outcome);

// What happened to one input (a file, or one JSON Lines record).
struct InputReport {
  InputOutcome outcome = InputOutcome::kSkipped;
  std::string source_path;
  int64_t line = 0;
  std::string doc_id;
  std::string message;  // the skip reason, or "already stored" detail
  size_t sentences = 0;
  std::vector<std::string> near_duplicates;  // ids linked by this document
};

struct IngestSummary {
  store::RunCounts counts;
  int64_t sentences_stored = 0;
  int64_t links_added = 0;
  double seconds = 0;
};

class IngestRunner {
 public:
  // Loads the near-duplicate index from `db`.  Both arguments must outlive
  // the runner.
  static Result<std::unique_ptr<IngestRunner>> Create(
      store::Database& db, const DocumentAnalyzer& analyzer,
      const IngestOptions& options = {});

  // Reads every file under `paths` (recursively).  `on_input` is called once
  // per input, in order.  Errors: only a failing database (the run stops and
  // says where); bad inputs are reported through `on_input` and recorded.
  Result<IngestSummary> Run(const std::vector<std::string>& paths,
                            std::string_view command,
                            const std::function<void(const InputReport&)>& on_input);

 private:
  IngestRunner(store::Database& db, const DocumentAnalyzer& analyzer,
               const IngestOptions& options);
  // Stores one document read from a file (or records why not).
  Result<InputReport> Store(model::Document doc);
  Result<InputReport> Skip(const Status& status, const std::string& path,
                           int64_t line);

  store::Database& db_;
  const DocumentAnalyzer& analyzer_;
  IngestOptions options_;
  text::LshIndex lsh_;
  int64_t run_id_ = 0;
  IngestSummary summary_;
};

}  // namespace trigon::pipeline
