// trigon ingest PATH... [--db FILE]: read files and folders into the store.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "pipeline/document_analyzer.h"
#include "pipeline/ingest_runner.h"
#include "store/database.h"
#include "summary_printer.h"

namespace trigon::tools {
namespace {

struct IngestArgs {
  std::vector<std::string> paths;
  std::string db = "trigon.db";
  bool quiet = false;
  uint64_t max_file_mb = 256;
  uint32_t max_sentence_bytes = 4096;
};

int RunIngest(const IngestArgs& args) {
  auto db = store::Database::Open(args.db);
  if (!db.ok()) {
    fmt::print(stderr, "trigon ingest: {}\n", db.status().ToString());
    return kExitFailure;
  }
  pipeline::AnalyzerOptions analyzer_options;
  analyzer_options.sentences.max_sentence_bytes = args.max_sentence_bytes;
  auto analyzer = pipeline::DocumentAnalyzer::Create(analyzer_options);
  if (!analyzer.ok()) {
    fmt::print(stderr, "trigon ingest: {}\n", analyzer.status().ToString());
    return kExitFailure;
  }
  pipeline::IngestOptions options;
  options.reader.max_file_bytes = args.max_file_mb << 20;
  auto runner = pipeline::IngestRunner::Create(**db, **analyzer, options);
  if (!runner.ok()) {
    fmt::print(stderr, "trigon ingest: {}\n", runner.status().ToString());
    return kExitFailure;
  }
  std::string command = "ingest";
  for (const auto& p : args.paths) command += " " + p;
  auto summary = (*runner)->Run(args.paths, command, [&](const pipeline::InputReport& r) {
    if (r.outcome == pipeline::InputOutcome::kSkipped) {
      fmt::print(stderr, "skipped  {}\n", r.message);
      return;
    }
    if (args.quiet) return;
    std::string where = r.source_path;
    fmt::print(stderr, "{:<9} {} {} ({} sentences{})\n",
               pipeline::InputOutcomeName(r.outcome), r.doc_id.substr(0, 12), where,
               r.sentences,
               r.near_duplicates.empty()
                   ? std::string()
                   : fmt::format(", near-duplicate of {}", r.near_duplicates[0].substr(0, 12)));
  });
  if (!summary.ok()) {
    fmt::print(stderr, "trigon ingest: stopped: {}\n", summary.status().ToString());
    return kExitFailure;
  }
  const auto& c = summary->counts;
  fmt::print("ingest: {} files, {} documents stored, {} already stored, {} skipped, "
             "{} sentences, {} near-duplicate links in {:.2f}s "
             "({:.0f} documents/s, {:.0f} sentences/s)\n",
             c.files_seen, c.docs_stored, c.docs_unchanged, c.inputs_skipped,
             summary->sentences_stored, summary->links_added, summary->seconds,
             summary->seconds > 0 ? (c.docs_stored + c.docs_unchanged) / summary->seconds : 0.0,
             summary->seconds > 0 ? summary->sentences_stored / summary->seconds : 0.0);
  auto totals = (*db)->Summary();
  if (totals.ok()) {
    fmt::print("database {}:\n", store::DisplayLocation(args.db));
    PrintStoreSummary(stdout, *totals);
  }
  return c.inputs_skipped > 0 ? kExitPartial : kExitOk;
}

}  // namespace

void AddIngestCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ingest", "Read text, HTML and JSON Lines files (folders recursively) into the store");
  cmd->add_option("paths", args->paths, "Files or folders")->required();
  cmd->add_option("--db", args->db, "Database file")->capture_default_str();
  cmd->add_option("--max-file-mb", args->max_file_mb,
                  "Largest file read, in MiB; larger files are skipped with a reason")
      ->capture_default_str();
  cmd->add_option("--max-sentence-bytes", args->max_sentence_bytes,
                  "Longest sentence, in bytes; longer ones are cut into pieces of at most "
                  "this size at a space")
      ->check(CLI::Range(64u, 1u << 20))
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", args->quiet, "Only report skipped inputs and the summary");
  cmd->callback([args, &exit_code] { exit_code = RunIngest(*args); });
}

}  // namespace trigon::tools
