// trigon_peer_validation: codes TABARI's and PETRARCH-2's own validation
// suites with their own dictionaries through PatternCoder and prints the
// per-category table of records coded exactly as expected.
//
//   trigon_peer_validation --shared ../shared [--suite tabari|petrarch|both]
//                          [--failures] [--trace ID]

#include <fmt/core.h>

#include <cstring>
#include <string>

#include "dictformat/pattern_coder.h"
#include "dictformat/petrarch_reader.h"
#include "dictformat/tabari_options.h"
#include "dictformat/tabari_reader.h"
#include "dictformat/validation_suite.h"

namespace {

using namespace trigon;  // NOLINT: a small main

std::string Events(const std::vector<dictformat::PeerEvent>& events) {
  std::string out;
  for (const auto& e : events) out += e.source + ">" + e.target + ":" + e.code + " ";
  return out.empty() ? "(none)" : out;
}

int Run(const std::string& name, const coding::DictionarySet& dicts,
        const dictformat::PatternCoderOptions& options, const std::string& suite_path,
        bool tabari, bool failures, const std::string& trace_id) {
  auto coder = dictformat::PatternCoder::Create(dicts);
  if (!coder.ok()) {
    fmt::print(stderr, "{}: {}\n", name, coder.status().ToString());
    return 1;
  }
  auto records = tabari ? dictformat::ReadTabariSuite(suite_path)
                        : dictformat::ReadPetrarchSuite(suite_path);
  if (!records.ok()) {
    fmt::print(stderr, "{}: {}\n", name, records.status().ToString());
    return 1;
  }
  const dictformat::SuiteReport report = dictformat::RunSuite(**coder, *records, options);
  fmt::print("## {}\n\n{}\n", name,
             dictformat::FormatReport(report, tabari ? "standard" : "active",
                                      tabari ? "after FINAL" : "inactive"));
  for (const dictformat::RecordOutcome& o : report.outcomes) {
    const bool traced = !trace_id.empty() && o.record->id == trace_id;
    if (!(failures && !o.correct) && !traced) continue;
    fmt::print("{} {} [{}] line {}\n  text:     {}\n  expected: {} {}\n  got:      {}{}\n",
               o.correct ? "ok  " : "FAIL", o.record->id, o.record->category, o.record->line,
               o.record->text, Events(o.record->expected), o.record->special,
               Events(o.result.events),
               o.result.disposition == dictformat::PatternResult::Disposition::kDiscard ? " ###"
               : o.result.disposition == dictformat::PatternResult::Disposition::kComplex
                   ? " +++"
                   : "");
    if (traced || failures) {
      // Recode with the trace (options as they stood are not replayed here).
      dictformat::PatternCoderOptions opt = options;
      for (const auto& r : *records) {
        for (const std::string& c : r.options) (void)dictformat::ApplyTabariOption(c, &opt);
        if (&r == o.record) break;
      }
      dictformat::PatternInput in;
      in.sentence = o.record->text;
      in.date = o.record->date;
      in.want_trace = true;
      const auto traced_result = (*coder)->Code(in, opt);
      for (const std::string& line : traced_result.trace) fmt::print("    {}\n", line);
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = "../shared";
  std::string suite = "both";
  std::string trace_id;
  bool failures = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--shared" && i + 1 < argc) {
      shared = argv[++i];
    } else if (arg == "--suite" && i + 1 < argc) {
      suite = argv[++i];
    } else if (arg == "--trace" && i + 1 < argc) {
      trace_id = argv[++i];
    } else if (arg == "--failures") {
      failures = true;
    } else {
      fmt::print(stderr,
                 "usage: {} [--shared DIR] [--suite tabari|petrarch|both] [--failures] "
                 "[--trace ID]\n",
                 argv[0]);
      return 2;
    }
  }
  const std::string dicts = shared + "/data/dictionaries";
  const std::string suites = shared + "/data/validation";
  int rc = 0;
  if (suite == "tabari" || suite == "both") {
    auto project = dictformat::ReadTabariProject(dicts + "/tabari/Validate.project");
    if (!project.ok()) {
      fmt::print(stderr, "tabari: {}\n", project.status().ToString());
      return 1;
    }
    auto set = dictformat::LoadTabariDictionaries(project->dictionaries);
    if (!set.ok()) {
      fmt::print(stderr, "tabari: {}\n", set.status().ToString());
      return 1;
    }
    dictformat::PatternCoderOptions options;
    if (!project->options.empty()) {
      auto o = dictformat::ReadTabariOptions(project->options);
      if (!o.ok()) {
        fmt::print(stderr, "tabari: {}\n", o.status().ToString());
        return 1;
      }
      options = *o;
    }
    rc |= Run("TABARI Validate.text (tabari_validate.jsonl)", *set, options,
              suites + "/tabari_validate.jsonl", true, failures, trace_id);
  }
  if (suite == "petrarch" || suite == "both") {
    const std::string p = dicts + "/petrarch2/";
    dictformat::PeerDictionaryFiles files;
    files.verbs = p + "PETR.Validate.verbs.txt";
    files.actors = {p + "PETR.Validate.actors.txt"};
    files.agents = p + "PETR.Validate.agents.txt";
    files.discards = p + "PETR.Validate.discards.txt";
    auto set = dictformat::LoadPetrarchDictionaries(files);
    if (!set.ok()) {
      fmt::print(stderr, "petrarch: {}\n", set.status().ToString());
      return 1;
    }
    rc |= Run("PETRARCH-2 unit tests (petr_unittest_records.jsonl)", *set, {},
              suites + "/petr_unittest_records.jsonl", false, failures, trace_id);
  }
  return rc;
}
