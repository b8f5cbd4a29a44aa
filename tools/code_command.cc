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
#include "pipeline/document_analyzer.h"
#include "pipeline/document_coder.h"
#include "pipeline/ingest_runner.h"
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
};

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
int RunCodeStdin(const CodeArgs& args, const pipeline::DocumentCoder& coder) {
  auto analyzer = pipeline::DocumentAnalyzer::Create();
  if (!analyzer.ok()) {
    fmt::print(stderr, "trigon code: {}\n", analyzer.status().ToString());
    return kExitFailure;
  }
  EventWriter writer(stdout, ParseFormat(args.format));
  writer.Begin();
  int exit_code = kExitOk;
  int64_t line_number = 0;
  int64_t documents = 0;
  int64_t events = 0;
  std::string line;
  for (int c; (c = std::getchar()) != EOF;) {
    if (c != '\n') {
      line.push_back(static_cast<char>(c));
      continue;
    }
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      line.clear();
      continue;
    }
    ingest::ReadInputBytes(line, "stdin.jsonl", {}, [&](Result<model::Document> read) {
      if (!read.ok()) {
        std::string msg = read.status().message();
        // The reader numbers lines within the bytes it was given (always 1).
        const std::string prefix = "stdin.jsonl:1";
        if (msg.rfind(prefix, 0) == 0) {
          msg = "stdin:" + std::to_string(line_number) + msg.substr(prefix.size());
        }
        fmt::print(stderr, "skipped  {}\n", msg);
        exit_code = kExitPartial;
        return;
      }
      model::Document doc = std::move(read).value();
      doc.source_path = "stdin:" + std::to_string(line_number);
      (*analyzer)->Analyze(doc);
      ++documents;
      for (const store::DocumentEvent& d : coder.CodeDocument(doc)) {
        store::StoredEvent e;
        e.origin = "trigon";
        e.doc_id = doc.id;
        e.sentence = d.sentence;
        e.lang = d.lang;
        e.event = d.event;
        e.evidence = d.evidence;
        EventContext ctx;
        ctx.event = &e;
        ctx.doc = &doc;
        ctx.doc_label = doc.external_id.empty() ? doc.source_path : doc.external_id;
        const model::Span sp = doc.sentences[d.sentence].span;
        ctx.sentence_text = doc.text.substr(sp.begin, sp.size());
        writer.Write(ctx);
        ++events;
      }
      std::fflush(stdout);
    });
    line.clear();
  }
  if (!line.empty()) {
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
  const std::string dict = args.dict.empty() ? DefaultDictionaryDir(args.argv0) : args.dict;
  if (dict.empty()) {
    fmt::print(stderr, "trigon code: no dictionary folder found; pass --dict DIR\n");
    return kExitFailure;
  }
  auto coder = pipeline::DocumentCoder::Open(dict);
  if (!coder.ok()) {
    fmt::print(stderr, "trigon code: {}\n", coder.status().ToString());
    return kExitFailure;
  }
  if (args.from_stdin) {
    if (!args.paths.empty()) {
      fmt::print(stderr, "trigon code: --stdin takes no paths\n");
      return kExitPartial;
    }
    return RunCodeStdin(args, **coder);
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
    auto analyzer = pipeline::DocumentAnalyzer::Create();
    if (!analyzer.ok()) {
      fmt::print(stderr, "trigon code: {}\n", analyzer.status().ToString());
      return kExitFailure;
    }
    auto runner = pipeline::IngestRunner::Create(**db, **analyzer);
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
  for (const std::string& id : ids) {
    auto doc = (*db)->LoadDocument(id);
    if (!doc.ok()) {
      fmt::print(stderr, "trigon code: {}\n", doc.status().ToString());
      return kExitFailure;
    }
    const auto events = (*coder)->CodeDocument(*doc);
    Status s = (*db)->Begin();
    if (s.ok()) s = repo.ReplaceDocumentEvents(id, (*coder)->version(), events);
    if (s.ok()) s = (*db)->Commit();
    if (!s.ok()) {
      (void)(*db)->Rollback();
      fmt::print(stderr, "trigon code: document {}: {}\n", id, s.ToString());
      return kExitFailure;
    }
    store::EventFilter filter;
    filter.doc_id = id;
    filter.with_evidence = true;
    auto stored = repo.Query(filter);
    if (!stored.ok()) {
      fmt::print(stderr, "trigon code: {}\n", stored.status().ToString());
      return kExitFailure;
    }
    ++tally.documents;
    tally.sentences += static_cast<int64_t>(doc->sentences.size());
    const std::string label = labels.count(id) ? labels[id] : id;
    for (const store::StoredEvent& e : *stored) {
      EventContext ctx;
      ctx.event = &e;
      ctx.doc = &*doc;
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
  cmd->add_flag("--stdin", args->from_stdin,
                "Stream: read JSON Lines documents on stdin, write events as they are coded "
                "(no database)");
  cmd->callback([args, &exit_code] { exit_code = RunCode(*args); });
}

}  // namespace trigon::tools
