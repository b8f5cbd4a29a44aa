// trigon code [FILE|DIR...]: code documents into CAMEO events.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "commands.h"
#include "ingest/reader.h"
#include "dict_dir.h"
#include "event_output.h"
#include "peer_code.h"
#include "pipeline/document_analyzer.h"
#include "pipeline/document_coder.h"
#include "pipeline/json_line_coder.h"
#include "pipeline/ingest_runner.h"
#include "pipeline/ordered_work_queue.h"
#include "store/database.h"
#include "store/event_repository.h"

namespace trigon::tools {
namespace {

struct CodeArgs {
  std::vector<std::string> paths;
  std::string db = "trigon.db";
  std::string format = "jsonl";
  std::string dict;
  bool quiet = false;
  bool from_stdin = false;
  const char* argv0 = nullptr;
  int threads = 0;  // 0: one per core
  // Limits (see AddCodeCommand).
  uint64_t max_file_mb = 256;
  uint32_t max_sentence_bytes = 4096;
  size_t max_events_per_document = 5000;
  // Peer dictionaries (peer_code.h): --dict-format tabari|petrarch.
  std::string dict_format = "trigon";
  PeerCodeArgs peer;
  bool with_trigon_dict = false;
};

int Threads(const CodeArgs& args) {
  return args.threads > 0 ? args.threads : pipeline::DefaultThreadCount();
}

// Documents read, being coded or waiting to be written: a few per worker,
// so workers never wait for input while memory stays bounded.
size_t InFlight(const CodeArgs& args) { return 4 * static_cast<size_t>(Threads(args)); }

pipeline::AnalyzerOptions AnalyzerOptionsFor(const CodeArgs& args) {
  pipeline::AnalyzerOptions options;
  options.sentences.max_sentence_bytes = args.max_sentence_bytes;
  return options;
}

void ReportEventsOverLimit(const std::string& where, size_t dropped, const CodeArgs& args) {
  if (dropped == 0) return;
  fmt::print(stderr,
             "warning  {}: {} events over the limit of {} per document "
             "(--max-events-per-doc) were not written\n",
             where, dropped, args.max_events_per_document);
}

std::string Stem(const std::string& path) {
  // "feed.jsonl:3" -> "feed:3"; "dir/a.txt" -> "a".
  const size_t colon = path.rfind(':');
  std::string file = path;
  std::string line;
  if (colon != std::string::npos && colon + 1 < path.size() &&
      path.find_first_not_of("0123456789", colon + 1) == std::string::npos) {
    file = path.substr(0, colon);
    line = path.substr(colon);
  }
  return std::filesystem::path(file).stem().string() + line;
}

struct Tally {
  int64_t documents = 0;
  int64_t sentences = 0;
  int64_t events = 0;
  std::map<std::string, int64_t> by_modality;
  std::map<int, int64_t> by_quad;  // asserted only
  std::map<std::string, int64_t> by_dyad;  // asserted only
};

EventFormat ParseFormat(const std::string& name) {
  return name == "csv" ? EventFormat::kCsv
         : name == "gdelt"  ? EventFormat::kGdelt
         : name == "plover" ? EventFormat::kPlover
                            : EventFormat::kJsonl;
}

void PrintUnwritten(const EventWriter& writer) {
  if (writer.unwritten() > 0) {
    fmt::print(stderr, "  {} events not written: PLOVER has no category for CAMEO 01/02\n",
               writer.unwritten());
  }
}

// Streaming mode for map-style runners (Spark pipe, Hadoop streaming, Dask):
// JSON Lines documents in on stdin, events out on stdout as each document
// is coded; no database, constant memory.  A bad line is reported on stderr
// with its number and the run goes on (exit code 1 at the end).
// Documents are coded on Threads(args) workers and written in input order
// by one writer thread as soon as they and all before them are done, so
// the output does not depend on the thread count; at most InFlight(args)
// lines are held at once.
int RunCodeStdin(const CodeArgs& args, const pipeline::DocumentAnalyzer& analyzer,
                 const pipeline::DocumentCoder& coder) {
  EventWriter writer(stdout, ParseFormat(args.format));
  writer.Begin();
  int exit_code = kExitOk;  // written by the writer thread until Finish
  int64_t documents = 0;
  int64_t events = 0;
  const pipeline::DocumentAnalyzer& analyzer_ref = analyzer;
  pipeline::OrderedWorkQueue<Result<pipeline::CodedDocument>> queue(
      Threads(args), InFlight(args),
      [&](Result<pipeline::CodedDocument>& coded) {
        if (!coded.ok()) {
          fmt::print(stderr, "skipped  {}\n", coded.status().message());
          exit_code = kExitPartial;
          return;
        }
        ++documents;
        for (const pipeline::CodedEvent& c : coded->events) {
          EventContext ctx;
          ctx.event = &c.stored;
          ctx.doc = &coded->doc;
          ctx.doc_label = coded->label;
          ctx.sentence_text = c.sentence_text;
          writer.Write(ctx);
          ++events;
        }
        ReportEventsOverLimit(coded->doc.source_path, coded->events_over_limit, args);
        std::fflush(stdout);
      },
      pipeline::SinkOn::kOwnThread);

  // Lines over the document limit are skipped without being held whole.
  const uint64_t max_line = args.max_file_mb << 20;
  int64_t line_number = 0;
  std::string line;
  bool too_long = false;
  uint64_t line_bytes = 0;
  // getc_unlocked: only this thread reads stdin.
  for (int c; (c = getc_unlocked(stdin)) != EOF;) {
    if (c != '\n') {
      if (++line_bytes > max_line) {
        if (!too_long) std::string().swap(line);
        too_long = true;
      } else {
        line.push_back(static_cast<char>(c));
      }
      continue;
    }
    ++line_number;
    if (too_long) {
      const std::string msg = fmt::format(
          "stdin:{}: line of {} bytes is over the limit of {} MiB (--max-file-mb); skipped",
          line_number, line_bytes, args.max_file_mb);
      queue.Submit([msg] { return Result<pipeline::CodedDocument>(Status::ResourceExhausted(msg)); });
    } else if (line.find_first_not_of(" \t\r") != std::string::npos) {
      queue.Submit([&analyzer_ref, &coder, text = std::move(line), line_number] {
        return pipeline::CodeJsonLine(analyzer_ref, coder, text, "stdin", line_number);
      });
    }
    line.clear();
    too_long = false;
    line_bytes = 0;
  }
  queue.Finish();
  if (line_bytes > 0) {
    fmt::print(stderr, "skipped  stdin:{}: no newline at end of input; line ignored\n",
               line_number + 1);
    exit_code = kExitPartial;
  }
  if (!args.quiet) {
    fmt::print(stderr, "code: {} documents from stdin, {} events ({})\n", documents, events,
               coder.version());
    PrintUnwritten(writer);
  }
  return exit_code;
}

int RunCode(const CodeArgs& args) {
  if (args.dict_format != "trigon") {
    PeerCodeArgs peer = args.peer;
    peer.dict_format = args.dict_format;
    peer.paths = args.paths;
    peer.from_stdin = args.from_stdin;
    peer.format = ParseFormat(args.format);
    peer.quiet = args.quiet;
    if (args.with_trigon_dict) {
      peer.trigon_dict = args.dict.empty() ? DefaultDictionaryDir(args.argv0) : args.dict;
    }
    if (peer.paths.empty() != peer.from_stdin) {
      fmt::print(stderr, "trigon code: --dict-format {} needs paths or --stdin\n",
                 args.dict_format);
      return kExitFailure;
    }
    return RunPeerCode(peer);
  }
  const std::string dict = args.dict.empty() ? DefaultDictionaryDir(args.argv0) : args.dict;
  if (dict.empty()) {
    fmt::print(stderr, "trigon code: no dictionary folder found; pass --dict DIR\n");
    return kExitFailure;
  }
  // One normaliser (OpenCC's tables) for the analyser and the coder.
  auto analyzer = pipeline::DocumentAnalyzer::Create(AnalyzerOptionsFor(args));
  if (!analyzer.ok()) {
    fmt::print(stderr, "trigon code: {}\n", analyzer.status().ToString());
    return kExitFailure;
  }
  pipeline::DocumentCoderOptions coder_options;
  coder_options.max_events_per_document = args.max_events_per_document;
  coder_options.normalizer = &(*analyzer)->normalizer();
  auto coder = pipeline::DocumentCoder::Open(dict, coder_options);
  if (!coder.ok()) {
    fmt::print(stderr, "trigon code: {}\n", coder.status().ToString());
    return kExitFailure;
  }
  if (args.from_stdin) {
    if (!args.paths.empty()) {
      fmt::print(stderr, "trigon code: --stdin takes no paths\n");
      return kExitPartial;
    }
    return RunCodeStdin(args, **analyzer, **coder);
  }
  auto db = store::Database::Open(args.db);
  if (!db.ok()) {
    fmt::print(stderr, "trigon code: {}\n", db.status().ToString());
    return kExitFailure;
  }
  store::EventRepository repo(**db);

  // Which documents, and how each is named in the output.
  std::vector<std::string> ids;
  std::map<std::string, std::string> labels;
  int exit_code = kExitOk;
  if (!args.paths.empty()) {
    pipeline::IngestOptions ingest_options;
    ingest_options.reader.max_file_bytes = args.max_file_mb << 20;
    auto runner = pipeline::IngestRunner::Create(**db, **analyzer, ingest_options);
    if (!runner.ok()) {
      fmt::print(stderr, "trigon code: {}\n", runner.status().ToString());
      return kExitFailure;
    }
    std::set<std::string> seen;
    auto ran = (*runner)->Run(args.paths, "code", [&](const pipeline::InputReport& r) {
      if (r.outcome == pipeline::InputOutcome::kSkipped) {
        fmt::print(stderr, "skipped  {}\n", r.message);
        exit_code = kExitPartial;
        return;
      }
      if (seen.insert(r.doc_id).second) {
        ids.push_back(r.doc_id);
        labels[r.doc_id] = Stem(r.line > 0 ? r.source_path + ":" + std::to_string(r.line)
                                           : r.source_path);
      }
    });
    if (!ran.ok()) {
      fmt::print(stderr, "trigon code: {}\n", ran.status().ToString());
      return kExitFailure;
    }
  } else {
    auto todo = repo.DocumentsToCode((*coder)->version());
    if (!todo.ok()) {
      fmt::print(stderr, "trigon code: {}\n", todo.status().ToString());
      return kExitFailure;
    }
    ids = std::move(todo).value();
  }

  EventWriter writer(stdout, ParseFormat(args.format));
  writer.Begin();
  Tally tally;
  // Documents are coded on Threads(args) workers; loading them, the
  // database writes and the output stay on this thread, in document order.
  struct Coded {
    std::string id;
    model::Document doc;
    std::vector<store::DocumentEvent> events;
    size_t over_limit = 0;
  };
  std::string failure;  // the first database error; the run stops there
  const pipeline::DocumentCoder& coder_ref = **coder;
  pipeline::OrderedWorkQueue<Coded> queue(Threads(args), InFlight(args), [&](Coded& c) {
    if (!failure.empty()) return;
    const std::string& id = c.id;
    const model::Document* doc = &c.doc;
    const auto& events = c.events;
    Status s = (*db)->Begin();
    if (s.ok()) s = repo.ReplaceDocumentEvents(id, coder_ref.version(), events);
    if (s.ok()) s = (*db)->Commit();
    if (!s.ok()) {
      (void)(*db)->Rollback();
      failure = fmt::format("document {}: {}", id, s.ToString());
      return;
    }
    store::EventFilter filter;
    filter.doc_id = id;
    filter.with_evidence = true;
    auto stored = repo.Query(filter);
    if (!stored.ok()) {
      failure = stored.status().ToString();
      return;
    }
    ++tally.documents;
    tally.sentences += static_cast<int64_t>(doc->sentences.size());
    const std::string label = labels.count(id) ? labels[id] : id;
    ReportEventsOverLimit(label, c.over_limit, args);
    for (const store::StoredEvent& e : *stored) {
      EventContext ctx;
      ctx.event = &e;
      ctx.doc = doc;
      ctx.doc_label = label;
      if (e.sentence >= 0 && static_cast<size_t>(e.sentence) < doc->sentences.size()) {
        const model::Span sp = doc->sentences[e.sentence].span;
        ctx.sentence_text = doc->text.substr(sp.begin, sp.size());
      }
      writer.Write(ctx);
      ++tally.events;
      const std::string modality(model::ModalityName(e.event.modality));
      ++tally.by_modality[modality];
      if (e.event.modality == model::Modality::kAsserted) {
        ++tally.by_quad[e.event.quad_class];
        ++tally.by_dyad[e.event.source_country + "->" + e.event.target_country];
      }
    }
  });
  for (const std::string& id : ids) {
    if (!failure.empty()) break;
    auto doc = (*db)->LoadDocument(id);
    if (!doc.ok()) {
      failure = doc.status().ToString();
      break;
    }
    queue.Submit([&coder_ref, id, d = std::move(doc).value()]() mutable {
      Coded c;
      c.id = id;
      c.doc = std::move(d);
      c.events = coder_ref.CodeDocument(c.doc, &c.over_limit);
      return c;
    });
  }
  queue.Finish();
  if (!failure.empty()) {
    fmt::print(stderr, "trigon code: {}\n", failure);
    return kExitFailure;
  }
  if (!args.quiet) {
    fmt::print(stderr, "code: {} documents, {} sentences, {} events ({})\n", tally.documents,
               tally.sentences, tally.events, (*coder)->version());
    PrintUnwritten(writer);
    for (const auto& [m, n] : tally.by_modality) fmt::print(stderr, "  {:<13} {}\n", m, n);
    static constexpr const char* kQuadNames[] = {"", "verbal cooperation",
                                                 "material cooperation", "verbal conflict",
                                                 "material conflict"};
    fmt::print(stderr, "asserted events by quad class:\n");
    for (const auto& [q, n] : tally.by_quad) {
      fmt::print(stderr, "  {} {:<21} {}\n", q, q >= 1 && q <= 4 ? kQuadNames[q] : "?", n);
    }
    std::vector<std::pair<int64_t, std::string>> dyads;
    for (const auto& [d, n] : tally.by_dyad) dyads.emplace_back(-n, d);
    std::sort(dyads.begin(), dyads.end());
    fmt::print(stderr, "asserted events by dyad (top 15 of {}):\n", dyads.size());
    for (size_t i = 0; i < dyads.size() && i < 15; ++i) {
      fmt::print(stderr, "  {:<22} {}\n", dyads[i].second, -dyads[i].first);
    }
  }
  return exit_code;
}

}  // namespace

void AddCodeCommand(CLI::App& app, int& exit_code, const char* argv0) {
  auto args = std::make_shared<CodeArgs>();
  args->argv0 = argv0;
  CLI::App* cmd = app.add_subcommand(
      "code",
      "Code documents into CAMEO events: the given files (ingested first), or every stored "
      "document not yet coded by the current dictionaries");
  cmd->add_option("paths", args->paths, "Files or folders (optional)");
  cmd->add_option("--db", args->db, "Database file")->capture_default_str();
  cmd->add_option("--format", args->format, "Output format on stdout")
      ->check(CLI::IsMember({"jsonl", "csv", "gdelt", "plover"}))
      ->capture_default_str();
  cmd->add_option("--dict", args->dict, "Dictionary folder (default: data/dict)");
  cmd->add_flag("-q,--quiet", args->quiet, "No summary on stderr");
  cmd->add_option("--threads", args->threads,
                  "Worker threads that code documents (0: one per core); the output is the "
                  "same for any number")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--max-file-mb", args->max_file_mb,
                  "Largest document read, in MiB (a file, or a line with --stdin); larger "
                  "ones are skipped with a reason")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--max-sentence-bytes", args->max_sentence_bytes,
                  "Longest sentence, in bytes; longer ones are cut into pieces of at most "
                  "this size at a space")
      ->check(CLI::Range(64u, 1u << 20))
      ->capture_default_str();
  cmd->add_option("--max-events-per-doc", args->max_events_per_document,
                  "Most distinct events kept per document; the rest are dropped with a "
                  "warning naming the document")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--dict-format", args->dict_format,
                  "Dictionary format: trigon (data/dict), or TABARI / PETRARCH-2 files given "
                  "with --verbs/--actors/--agents/--discards (events to stdout, no database)")
      ->check(CLI::IsMember({"trigon", "tabari", "petrarch"}))
      ->capture_default_str();
  cmd->add_option("--verbs", args->peer.verbs, "Peer verbs dictionary")->check(CLI::ExistingFile);
  cmd->add_option("--actors", args->peer.actors, "Peer actors dictionary (repeatable)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--agents", args->peer.agents, "Peer agents dictionary")
      ->check(CLI::ExistingFile);
  cmd->add_option("--discards", args->peer.discards, "PETRARCH-2 discards dictionary")
      ->check(CLI::ExistingFile);
  cmd->add_option("--tabari-options", args->peer.options,
                  "TABARI .options file (COMPLEX, COMMA, DEFAULT, CODE BY)")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--skip-bad-lines", args->peer.skip_bad_lines,
                "With --dict-format tabari|petrarch: leave out malformed dictionary lines, "
                "listing them on stderr, instead of stopping");
  cmd->add_flag("--with-trigon-dict", args->with_trigon_dict,
                "With --dict-format tabari|petrarch: also code with Trigon's dictionaries "
                "(--dict), whose actors the peer verbs then see too");
  cmd->add_flag("--stdin", args->from_stdin,
                "Stream: read JSON Lines documents on stdin, write events as they are coded "
                "(no database)");
  cmd->callback([args, &exit_code] { exit_code = RunCode(*args); });
}

}  // namespace trigon::tools
