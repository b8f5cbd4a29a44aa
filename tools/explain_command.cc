// trigon explain "SENTENCE" [--date D]: what the coder saw and decided.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <memory>
#include <string>

#include "coding/coder.h"
#include "commands.h"
#include "dict_dir.h"
#include "pipeline/document_coder.h"
#include "text/script_detector.h"

namespace trigon::tools {
namespace {

struct ExplainArgs {
  std::string sentence;
  std::string date;
  std::string lang;
  std::string context;
  std::string dict;
  const char* argv0 = nullptr;
};

int RunExplain(const ExplainArgs& args) {
  const std::string dict = args.dict.empty() ? DefaultDictionaryDir(args.argv0) : args.dict;
  auto coder = pipeline::DocumentCoder::Open(dict);
  if (!coder.ok()) {
    fmt::print(stderr, "trigon explain: {}\n", coder.status().ToString());
    return kExitFailure;
  }
  coding::SentenceInput in;
  in.text = args.sentence;
  const std::string lang =
      args.lang.empty() ? text::DetectLanguage(args.sentence).lang : args.lang;
  in.lang = lang;
  if (!args.date.empty()) in.document_date = args.date;
  in.previous_sentence = args.context;
  in.want_trace = true;
  const coding::SentenceResult r = (*coder)->coder().CodeSentence(in);

  fmt::print("sentence  {}\nlang      {}\ndate      {}\ndictionary {} ({})\n", args.sentence,
             lang, args.date.empty() ? "(none)" : args.date, dict, (*coder)->version());
  for (const std::string& note : r.trace.notes) fmt::print("note      {}\n", note);
  fmt::print("\nactors\n");
  if (r.trace.actors.empty()) fmt::print("  (none found)\n");
  for (const auto& a : r.trace.actors) {
    fmt::print("  [{}..{}] {:<24} -> {:<12} {}\n", a.span.begin, a.span.end, a.text,
               a.code.empty() ? "(unresolved)" : a.code, a.rule);
  }
  fmt::print("\ncandidate events\n");
  if (r.trace.candidates.empty()) fmt::print("  (no pattern matched)\n");
  for (const auto& c : r.trace.candidates) {
    fmt::print("  {} {:<5} {:<10} -> {:<10} {:<12} pattern '{}' ({})\n      {}\n",
               c.emitted ? "+" : "-", c.code, c.source.empty() ? "?" : c.source,
               c.target.empty() ? "?" : c.target, model::ModalityName(c.modality), c.pattern,
               c.where, c.reason);
  }
  fmt::print("\nevents\n");
  if (r.events.empty()) fmt::print("  (none)\n");
  for (const auto& e : r.events) {
    fmt::print("  {} -> {}  {} (root {}, quad {}, goldstein {})  {}  date {} ({})\n", e.source,
               e.target, e.code, e.root, e.quad_class, e.goldstein,
               model::ModalityName(e.modality), e.date.value_or("null"),
               model::DateBasisName(e.date_basis));
  }
  return kExitOk;
}

}  // namespace

void AddExplainCommand(CLI::App& app, int& exit_code, const char* argv0) {
  auto args = std::make_shared<ExplainArgs>();
  args->argv0 = argv0;
  CLI::App* cmd = app.add_subcommand(
      "explain", "Show the actors, patterns and rules that fired for one sentence, and why");
  cmd->add_option("sentence", args->sentence, "The sentence")->required();
  cmd->add_option("--date", args->date, "Document date YYYY-MM-DD (resolves relative dates)");
  cmd->add_option("--lang", args->lang, "en, zh-Hans or zh-Hant (default: detected)");
  cmd->add_option("--context", args->context, "The previous sentence (for pronouns)");
  cmd->add_option("--dict", args->dict, "Dictionary folder (default: data/dict)");
  cmd->callback([args, &exit_code] { exit_code = RunExplain(*args); });
}

}  // namespace trigon::tools
