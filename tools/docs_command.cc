// trigon docs / trigon sentences DOC / trigon summary: list what is stored.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <memory>
#include <string>

#include "base/json.h"
#include "commands.h"
#include "store/database.h"
#include "summary_printer.h"

namespace trigon::tools {
namespace {

struct ListArgs {
  std::string db = "trigon.db";
  std::string format = "table";
  std::string doc;
};

Result<std::unique_ptr<store::Database>> OpenForReading(const std::string& path) {
  store::StoreOptions options;
  options.read_only = true;
  auto db = store::Database::Open(path, options);
  if (!db.ok()) {
    return db.status().WithContext("cannot open database " + store::DisplayLocation(path));
  }
  return db;
}

// Shortens a title for the table view without splitting a UTF-8 sequence.
std::string Clip(const std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

int RunDocs(const ListArgs& args) {
  auto db = OpenForReading(args.db);
  if (!db.ok()) {
    fmt::print(stderr, "trigon docs: {}\n", db.status().ToString());
    return kExitFailure;
  }
  auto rows = (*db)->ListDocuments();
  if (!rows.ok()) {
    fmt::print(stderr, "trigon docs: {}\n", rows.status().ToString());
    return kExitFailure;
  }
  if (args.format == "jsonl") {
    for (const auto& r : *rows) {
      std::string line = "{\"id\":" + json::Quote(r.id) +
                         ",\"source_path\":" + json::Quote(r.source_path) +
                         ",\"format\":" + json::Quote(r.format) +
                         ",\"title\":" + json::Quote(r.title) + ",\"date\":" +
                         (r.date ? json::Quote(*r.date) : std::string("null")) +
                         ",\"date_basis\":" + json::Quote(r.date_basis) +
                         ",\"langs\":" + json::Quote(r.langs) +
                         fmt::format(",\"paragraphs\":{},\"sentences\":{},\"removed\":{}}}",
                                     r.paragraphs, r.sentences, r.removed);
      fmt::print("{}\n", line);
    }
    return kExitOk;
  }
  fmt::print("{:<12} {:<10} {:<14} {:>5} {:>4} {:<15} {}\n", "id", "date", "date from",
             "sents", "rem", "langs", "title / source");
  for (const auto& r : *rows) {
    fmt::print("{:<12} {:<10} {:<14} {:>5} {:>4} {:<15} {}\n", r.id.substr(0, 12),
               r.date.value_or("-"), Clip(r.date_basis.empty() ? "-" : r.date_basis, 14),
               r.sentences, r.removed, r.langs,
               Clip(r.title.empty() ? r.source_path : r.title, 60));
  }
  fmt::print("{} documents\n", rows->size());
  return kExitOk;
}

int RunSentences(const ListArgs& args) {
  auto db = OpenForReading(args.db);
  if (!db.ok()) {
    fmt::print(stderr, "trigon sentences: {}\n", db.status().ToString());
    return kExitFailure;
  }
  auto id = (*db)->ResolveDocumentId(args.doc);
  if (!id.ok()) {
    fmt::print(stderr, "trigon sentences: {}\n", id.status().ToString());
    return kExitPartial;
  }
  auto rows = (*db)->ListSentences(*id);
  if (!rows.ok()) {
    fmt::print(stderr, "trigon sentences: {}\n", rows.status().ToString());
    return kExitFailure;
  }
  for (const auto& r : *rows) {
    if (args.format == "jsonl") {
      fmt::print("{{\"doc\":{},\"index\":{},\"paragraph\":{},\"begin\":{},\"end\":{},"
                 "\"source_begin\":{},\"source_end\":{},\"lang\":{},\"text\":{},"
                 "\"normalized\":{}}}\n",
                 json::Quote(*id), r.index, r.paragraph, r.span.begin, r.span.end,
                 r.source_begin, r.source_end, json::Quote(r.lang), json::Quote(r.text),
                 json::Quote(r.normalized));
    } else {
      std::string flat = r.text;
      for (char& c : flat) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      }
      fmt::print("{:>4} {:<8} [{}..{}] {}\n", r.index, r.lang, r.span.begin, r.span.end, flat);
    }
  }
  return kExitOk;
}

int RunSummary(const ListArgs& args) {
  auto db = OpenForReading(args.db);
  if (!db.ok()) {
    fmt::print(stderr, "trigon summary: {}\n", db.status().ToString());
    return kExitFailure;
  }
  auto s = (*db)->Summary();
  if (!s.ok()) {
    fmt::print(stderr, "trigon summary: {}\n", s.status().ToString());
    return kExitFailure;
  }
  PrintStoreSummary(stdout, *s);
  auto skips = (*db)->ListSkips();
  if (skips.ok()) {
    for (const auto& k : *skips) fmt::print("  skipped: {}\n", k.reason);
  }
  return kExitOk;
}

void AddCommonOptions(CLI::App* cmd, ListArgs& args, bool with_format) {
  cmd->add_option("--db", args.db, "Database file")->capture_default_str();
  if (with_format) {
    cmd->add_option("--format", args.format, "Output format")
        ->check(CLI::IsMember({"table", "jsonl"}))
        ->capture_default_str();
  }
}

}  // namespace

void AddDocsCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ListArgs>();
  CLI::App* cmd = app.add_subcommand("docs", "List stored documents");
  AddCommonOptions(cmd, *args, true);
  cmd->callback([args, &exit_code] { exit_code = RunDocs(*args); });
}

void AddSentencesCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ListArgs>();
  CLI::App* cmd = app.add_subcommand("sentences", "List the sentences of one document");
  cmd->add_option("doc", args->doc, "Document id or a unique prefix of it")->required();
  AddCommonOptions(cmd, *args, true);
  cmd->callback([args, &exit_code] { exit_code = RunSentences(*args); });
}

void AddSummaryCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ListArgs>();
  CLI::App* cmd = app.add_subcommand(
      "summary", "Documents, sentences per language, dates, duplicates, removed spans, skips");
  AddCommonOptions(cmd, *args, false);
  cmd->callback([args, &exit_code] { exit_code = RunSummary(*args); });
}

}  // namespace trigon::tools
