#include "pipeline/ingest_runner.h"

#include <chrono>

#include "base/file_util.h"
#include "pipeline/document_analyzer.h"

namespace trigon::pipeline {
namespace {

// Pulls "byte N" out of a decoder message so the skip row can carry it.
std::optional<int64_t> ByteOffsetIn(const std::string& message) {
  const size_t at = message.find("byte ");
  if (at == std::string::npos) return std::nullopt;
  size_t i = at + 5;
  int64_t value = 0;
  bool any = false;
  while (i < message.size() && message[i] >= '0' && message[i] <= '9') {
    value = value * 10 + (message[i] - '0');
    any = true;
    ++i;
  }
  return any ? std::optional<int64_t>(value) : std::nullopt;
}

// Splits "path:LINE" (JSON Lines records) into path and line.
std::pair<std::string, int64_t> SplitLine(const std::string& source_path,
                                          const std::string& file) {
  if (source_path.size() > file.size() + 1 && source_path.compare(0, file.size(), file) == 0 &&
      source_path[file.size()] == ':') {
    return {file, std::stoll(source_path.substr(file.size() + 1))};
  }
  return {source_path, 0};
}

}  // namespace

const char* InputOutcomeName(InputOutcome outcome) {
  switch (outcome) {
    case InputOutcome::kStored: return "stored";
    case InputOutcome::kUnchanged: return "unchanged";
    case InputOutcome::kSkipped: return "skipped";
  }
  return "unknown";
}

IngestRunner::IngestRunner(store::Database& db, const DocumentAnalyzer& analyzer,
                           const IngestOptions& options)
    : db_(db),
      analyzer_(analyzer),
      options_(options),
      lsh_(text::LshIndexOptions{options.near_duplicate_threshold}) {}

Result<std::unique_ptr<IngestRunner>> IngestRunner::Create(
    store::Database& db, const DocumentAnalyzer& analyzer, const IngestOptions& options) {
  std::unique_ptr<IngestRunner> runner(new IngestRunner(db, analyzer, options));
  TRIGON_ASSIGN_OR_RETURN(auto signatures, db.AllSignatures());
  for (auto& [id, blob] : signatures) {
    auto sig = text::DecodeSignature(blob);
    if (!sig.ok()) continue;  // an older signature format: not indexed
    TRIGON_RETURN_IF_ERROR(runner->lsh_.Insert(id, *sig));
  }
  return runner;
}

Result<InputReport> IngestRunner::Skip(const Status& status, const std::string& path,
                                       int64_t line) {
  store::SkipRecord skip;
  skip.source_path = path;
  skip.line = line;
  skip.byte_offset = ByteOffsetIn(status.message());
  skip.code = std::string(StatusCodeName(status.code()));
  skip.reason = status.message();
  TRIGON_RETURN_IF_ERROR(db_.RecordSkip(skip, run_id_));
  ++summary_.counts.inputs_skipped;
  InputReport report;
  report.outcome = InputOutcome::kSkipped;
  report.source_path = path;
  report.line = line;
  report.message = status.ToString();
  return report;
}

Result<InputReport> IngestRunner::Store(model::Document doc) {
  analyzer_.Analyze(doc);
  InputReport report;
  report.source_path = doc.source_path;
  report.doc_id = doc.id;
  report.sentences = doc.sentences.size();

  TRIGON_ASSIGN_OR_RETURN(const bool exists, db_.HasDocument(doc.id));
  if (exists) {
    TRIGON_RETURN_IF_ERROR(db_.AddDocumentSource(doc.id, doc.source_path, run_id_));
    ++summary_.counts.docs_unchanged;
    report.outcome = InputOutcome::kUnchanged;
    report.message = "already stored";
    return report;
  }

  std::string joined;
  for (const model::Sentence& s : doc.sentences) {
    joined += s.normalized;
    joined += ' ';
  }
  const text::MinHashSig sig = text::MinHashSignature(joined);
  auto near = lsh_.NearDuplicates(sig);  // most similar first
  if (near.size() > options_.max_links_per_document) {
    near.resize(options_.max_links_per_document);
  }

  TRIGON_RETURN_IF_ERROR(db_.Begin());
  Status s = db_.InsertDocument(doc, text::EncodeSignature(sig), run_id_);
  for (size_t i = 0; s.ok() && i < near.size(); ++i) {
    s = db_.LinkDocuments(doc.id, near[i].id, "near_duplicate", near[i].similarity);
  }
  if (s.ok()) s = db_.Commit();
  if (!s.ok()) {
    (void)db_.Rollback();
    return s.WithContext(doc.source_path);
  }
  TRIGON_RETURN_IF_ERROR(lsh_.Insert(doc.id, sig));
  for (const auto& n : near) report.near_duplicates.push_back(n.id);
  summary_.links_added += static_cast<int64_t>(near.size());
  summary_.sentences_stored += static_cast<int64_t>(doc.sentences.size());
  ++summary_.counts.docs_stored;
  report.outcome = InputOutcome::kStored;
  return report;
}

Result<IngestSummary> IngestRunner::Run(
    const std::vector<std::string>& paths, std::string_view command,
    const std::function<void(const InputReport&)>& on_input) {
  const auto start = std::chrono::steady_clock::now();
  summary_ = IngestSummary();
  TRIGON_ASSIGN_OR_RETURN(run_id_, db_.StartRun(command));
  TRIGON_ASSIGN_OR_RETURN(const auto files, ExpandPaths(paths));
  Status db_error;
  for (const std::string& file : files) {
    ++summary_.counts.files_seen;
    ingest::ReadInputFile(file, options_.reader, [&](Result<model::Document> read) {
      if (!db_error.ok()) return;
      Result<InputReport> report = Status::Internal("unset");
      if (read.ok()) {
        const auto [path, line] = SplitLine(read->source_path, file);
        report = Store(std::move(read).value());
        if (report.ok()) {
          report->line = line;
          if (report->outcome != InputOutcome::kSkipped) {
            db_error = db_.ClearSkip(path, line);
          }
        }
      } else {
        // Reader messages start with "PATH" or "PATH:LINE".
        const std::string& msg = read.status().message();
        int64_t line = 0;
        if (msg.size() > file.size() + 1 && msg.compare(0, file.size(), file) == 0 &&
            msg[file.size()] == ':' && std::isdigit(static_cast<unsigned char>(msg[file.size() + 1]))) {
          line = std::stoll(msg.substr(file.size() + 1));
        }
        report = Skip(read.status(), file, line);
      }
      if (!report.ok()) {
        db_error = report.status();
        return;
      }
      on_input(*report);
    });
    if (!db_error.ok()) break;
  }
  summary_.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const Status finish = db_.FinishRun(run_id_, summary_.counts);
  if (!db_error.ok()) return db_error;
  TRIGON_RETURN_IF_ERROR(finish);
  return summary_;
}

}  // namespace trigon::pipeline
