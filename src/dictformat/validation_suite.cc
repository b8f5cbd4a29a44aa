// Reading and running the peers' validation suites.

#include "dictformat/validation_suite.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdio>

#include "base/file_util.h"
#include "dictformat/tabari_options.h"

namespace trigon::dictformat {
namespace {

// "950101" -> "1995-01-01"; "19950101" -> "1995-01-01"; "" otherwise.
std::string SuiteDate(std::string_view d) {
  if (d.size() == 6) {
    const int yy = (d[0] - '0') * 10 + (d[1] - '0');
    return std::string(yy < 30 ? "20" : "19") + std::string(d.substr(0, 2)) + "-" +
           std::string(d.substr(2, 2)) + "-" + std::string(d.substr(4, 2));
  }
  if (d.size() == 8) {
    return std::string(d.substr(0, 4)) + "-" + std::string(d.substr(4, 2)) + "-" +
           std::string(d.substr(6, 2));
  }
  return "";
}

enum class Flavor { kTabari, kPetrarch };

Result<std::vector<SuiteRecord>> ReadSuite(const std::string& path, Flavor flavor) {
  TRIGON_ASSIGN_OR_RETURN(std::string bytes, ReadFileBytes(path));
  std::vector<SuiteRecord> out;
  simdjson::dom::parser parser;
  std::string_view rest = bytes;
  int line_number = 0;
  while (!rest.empty()) {
    const size_t nl = rest.find('\n');
    const std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto fail = [&](const std::string& what) {
      return Status::InvalidArgument(path + ":" + std::to_string(line_number) + ": " + what);
    };
    simdjson::dom::element doc;
    if (parser.parse(line.data(), line.size()).get(doc) != simdjson::SUCCESS) {
      return fail("not a JSON object");
    }
    SuiteRecord r;
    r.line = line_number;
    std::string_view s;
    if (doc["id"].get(s) != simdjson::SUCCESS) return fail("no \"id\"");
    r.id = std::string(s);
    if (doc["text"].get(s) != simdjson::SUCCESS) return fail("no \"text\"");
    r.text = std::string(s);
    if (doc["date"].get(s) == simdjson::SUCCESS) r.date = SuiteDate(s);
    simdjson::dom::array expected;
    if (doc["expected"].get(expected) != simdjson::SUCCESS) return fail("no \"expected\" list");
    for (simdjson::dom::element e : expected) {
      bool commented = false;
      if (e["commented_out"].get(commented) == simdjson::SUCCESS && commented) continue;
      PeerEvent ev;
      std::string_view v;
      if (e["source"].get(v) != simdjson::SUCCESS) return fail("event without \"source\"");
      ev.source = std::string(v);
      if (e["target"].get(v) != simdjson::SUCCESS) return fail("event without \"target\"");
      ev.target = std::string(v);
      if (e["event"].get(v) != simdjson::SUCCESS) return fail("event without \"event\"");
      ev.code = std::string(v);
      r.expected.push_back(std::move(ev));
    }
    if (flavor == Flavor::kTabari) {
      const size_t dash = r.id.find('-');
      r.category = r.id.substr(0, dash);
      bool after = false;
      if (doc["after_FINAL"].get(after) == simdjson::SUCCESS) r.after_final = after;
      simdjson::dom::array arr;
      if (doc["special"].get(arr) == simdjson::SUCCESS) {
        for (simdjson::dom::element e : arr) {
          std::string_view v;
          if (e.get(v) == simdjson::SUCCESS) r.special += std::string(v);
        }
      }
      if (doc["options"].get(arr) == simdjson::SUCCESS) {
        for (simdjson::dom::element e : arr) {
          std::string_view v;
          if (e.get(v) == simdjson::SUCCESS) r.options.emplace_back(v);
        }
      }
      if (doc["note"].get(s) == simdjson::SUCCESS) r.note = std::string(s);
    } else {
      if (doc["category"].get(s) == simdjson::SUCCESS) r.category = std::string(s);
      if (doc["active"].get(s) == simdjson::SUCCESS) r.active = s != "false";
    }
    out.push_back(std::move(r));
  }
  return out;
}

bool SameEvents(std::vector<PeerEvent> a, std::vector<PeerEvent> b) {
  auto key = [](const PeerEvent& e) { return e.source + "\t" + e.target + "\t" + e.code; };
  auto less = [&](const PeerEvent& x, const PeerEvent& y) { return key(x) < key(y); };
  auto same = [&](const PeerEvent& x, const PeerEvent& y) { return key(x) == key(y); };
  std::sort(a.begin(), a.end(), less);
  a.erase(std::unique(a.begin(), a.end(), same), a.end());
  std::sort(b.begin(), b.end(), less);
  b.erase(std::unique(b.begin(), b.end(), same), b.end());
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), same);
}

}  // namespace

Result<std::vector<SuiteRecord>> ReadTabariSuite(const std::string& path) {
  return ReadSuite(path, Flavor::kTabari);
}
Result<std::vector<SuiteRecord>> ReadPetrarchSuite(const std::string& path) {
  return ReadSuite(path, Flavor::kPetrarch);
}

CategoryTally SuiteReport::Total(bool standard_records) const {
  CategoryTally t;
  for (const auto& [name, c] : standard_records ? standard : other) {
    t.records += c.records;
    t.correct += c.correct;
  }
  return t;
}

SuiteReport RunSuite(const PatternCoder& coder, const std::vector<SuiteRecord>& records,
                     const PatternCoderOptions& options) {
  SuiteReport report;
  PatternCoderOptions current = options;
  // TABARI's FORWARD: records "STORY-SENTENCE" of one story pass their
  // first actor on to the next.
  std::string story;
  std::string previous_actor;
  for (const SuiteRecord& r : records) {
    for (const std::string& o : r.options) {
      // A malformed command changes nothing (TABARI reports and goes on).
      (void)ApplyTabariOption(o, &current);
    }
    RecordOutcome out;
    out.record = &r;
    const size_t dash = r.id.rfind('-');
    const std::string this_story = dash == std::string::npos ? r.id : r.id.substr(0, dash);
    if (this_story != story) previous_actor.clear();
    story = this_story;
    PatternInput in;
    in.sentence = r.text;
    in.date = r.date;
    in.previous_actor = previous_actor;
    out.result = coder.Code(in, current);
    previous_actor = out.result.first_actor;
    out.correct = SameEvents(out.result.events, r.expected);
    const bool standard = !r.after_final && r.active;
    CategoryTally& t = (standard ? report.standard : report.other)[r.category];
    ++t.records;
    t.correct += out.correct ? 1 : 0;
    report.outcomes.push_back(std::move(out));
  }
  return report;
}

std::string FormatReport(const SuiteReport& report, const std::string& standard_label,
                         const std::string& other_label) {
  std::string out = "| category | " + standard_label + " | exact | % | " + other_label +
                    " | exact |\n|---|---:|---:|---:|---:|---:|\n";
  std::map<std::string, std::pair<CategoryTally, CategoryTally>> rows;
  for (const auto& [k, v] : report.standard) rows[k].first = v;
  for (const auto& [k, v] : report.other) rows[k].second = v;
  auto pct = [](const CategoryTally& t) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f", t.records ? 100.0 * t.correct / t.records : 0.0);
    return std::string(buf);
  };
  auto cell = [](int n, bool present) { return present ? std::to_string(n) : std::string(""); };
  for (const auto& [k, v] : rows) {
    const bool s = v.first.records > 0;
    const bool o = v.second.records > 0;
    out += "| " + k + " | " + cell(v.first.records, s) + " | " + cell(v.first.correct, s) +
           " | " + (s ? pct(v.first) : "") + " | " + cell(v.second.records, o) + " | " +
           cell(v.second.correct, o) + " |\n";
  }
  const CategoryTally s = report.Total(true);
  const CategoryTally o = report.Total(false);
  out += "| **all** | " + std::to_string(s.records) + " | " + std::to_string(s.correct) + " | " +
         pct(s) + " | " + std::to_string(o.records) + " | " + std::to_string(o.correct) + " |\n";
  return out;
}

}  // namespace trigon::dictformat
