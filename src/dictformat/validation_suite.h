#pragma once
// The peers' own validation suites as data: TABARI's Validate.text and
// PETRARCH-2's unit-test records, converted to JSON Lines in
// ../shared/data/validation (see its README for the fields).  RunSuite codes
// every record with a PatternCoder and compares the events exactly (source,
// target, code, as multisets of distinct triples) with what the suite
// expects, per category.
//
//   TRIGON_ASSIGN_OR_RETURN(auto records, ReadTabariSuite(path));
//   SuiteReport r = RunSuite(*coder, records, base_options);
//   // r.categories["DEMO"].correct, r.Rate(false)

#include <map>
#include <string>
#include <vector>

#include "base/result.h"
#include "dictformat/pattern_coder.h"

namespace trigon::dictformat {

struct SuiteRecord {
  std::string id;
  std::string category;  // TABARI: the id before '-'; PETRARCH: `category`
  std::string date;      // YYYY-MM-DD
  std::string text;
  std::vector<PeerEvent> expected;  // commented-out events left out
  std::vector<std::string> options;  // TABARI `OPTION:` commands, in order
  bool after_final = false;  // TABARI: a debugging record after FINAL
  bool active = true;        // PETRARCH: false = skipped upstream
  std::string special;       // TABARI: "---", "###", "+++" (no events)
  std::string note;
  int line = 0;  // in the JSONL file
};

// Errors: IOError; InvalidArgument "file:line: what" for a malformed line.
Result<std::vector<SuiteRecord>> ReadTabariSuite(const std::string& path);
Result<std::vector<SuiteRecord>> ReadPetrarchSuite(const std::string& path);

struct RecordOutcome {
  const SuiteRecord* record = nullptr;
  PatternResult result;
  bool correct = false;
};

struct CategoryTally {
  int records = 0;
  int correct = 0;
};

struct SuiteReport {
  // Standard records (before TABARI's end marker; active PETRARCH records)
  // and the rest, by category.
  std::map<std::string, CategoryTally> standard;
  std::map<std::string, CategoryTally> other;
  std::vector<RecordOutcome> outcomes;  // every record, in order
  CategoryTally Total(bool standard_records) const;
};

// Codes `records` in order.  TABARI's OPTION: commands change the options
// for the records after them, starting from `options`.  Records are
// compared as sets of (source, target, code); a record expecting no event
// is right when nothing is coded.
SuiteReport RunSuite(const PatternCoder& coder, const std::vector<SuiteRecord>& records,
                     const PatternCoderOptions& options);

// The per-category table (Markdown) for docs/accuracy.md.
std::string FormatReport(const SuiteReport& report, const std::string& standard_label,
                         const std::string& other_label);

}  // namespace trigon::dictformat
