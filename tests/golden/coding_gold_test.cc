// Gold-set runner: codes every case of tests/golden/coding/*.txt with the
// real dictionaries (data/dict/) and scores (source country, target
// country, root) per language, for the gold set and the held-out set.
// Skips when the cases or the dictionaries are absent.  Built as
// trigon_golden_test (CTest label `golden`); TRIGON_GOLD_VERBOSE=1 prints
// every mismatch ("+" predicted but not expected, "-" expected but missed,
// "~" right triple with a different modality or date).
//
// Case format (blocks separated by `====` lines):
//   # id: en-001  (comment)
//   date: YYYY-MM-DD
//   context: previous sentence        (optional)
//   text: the sentence
//   expect:                           then lines
//   SRC_COUNTRY TGT_COUNTRY ROOT_OR_CODE MODALITY [DATE]
//   (or `expect: none`)

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/file_util.h"
#include "coding/coder.h"
#include "coding/trigon_dictionary.h"
#include "testing/testing.h"

namespace trigon::coding {
namespace {

// The one place where the thresholds live: about a point below what the
// coder reached (docs/accuracy.md has the numbers and the command).
// Ratchet these up as the rules and dictionaries improve; the target is
// P >= 0.90, R >= 0.85.
struct Threshold {
  const char* file;
  const char* lang;
  double min_precision;
  double min_recall;
};
// The gold set (tests/golden/coding/{en,zh-hans,zh-hant}.txt): the cases the
// rules were written against.
// Reached on 2026-11-22: en P 0.976 R 0.866, zh-Hans P 0.958 R 0.907,
// zh-Hant P 0.946 R 0.894.
constexpr Threshold kGold[] = {
    {"en.txt", "en", 0.965, 0.855},
    {"zh-hans.txt", "zh-Hans", 0.95, 0.895},
    {"zh-hant.txt", "zh-Hant", 0.935, 0.885},
};
// The held-out set (heldout-*.txt): fresh sentences labelled before the
// coder was run on them or tuned; it estimates accuracy on new text (see
// docs/accuracy.md for which later changes its misses prompted).
// Reached on 2026-11-22: en P 0.980 R 0.727, zh-Hans P 1.000 R 0.829,
// zh-Hant P 0.949 R 0.836 (one case moves these by one to two points, so
// the floors leave a little more room).
constexpr Threshold kHeldOut[] = {
    {"heldout-en.txt", "en", 0.95, 0.70},
    {"heldout-zh-hans.txt", "zh-Hans", 0.97, 0.80},
    {"heldout-zh-hant.txt", "zh-Hant", 0.92, 0.81},
};

struct Expected {
  std::string src, tgt, root, modality, date;
};

struct GoldCase {
  std::string id, date, context, text;
  std::vector<Expected> expect;
};

std::vector<GoldCase> ParseGold(const std::string& bytes) {
  std::vector<GoldCase> cases;
  GoldCase cur;
  bool in_expect = false;
  auto flush = [&] {
    if (!cur.text.empty()) cases.push_back(cur);
    cur = GoldCase();
    in_expect = false;
  };
  size_t pos = 0;
  while (pos <= bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string::npos) nl = bytes.size();
    std::string line = bytes.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.starts_with("====")) {
      flush();
    } else if (line.starts_with("# id:")) {
      cur.id = line.substr(6, line.find(' ', 6) - 6);
    } else if (line.starts_with("date:")) {
      cur.date = line.substr(6);
    } else if (line.starts_with("context:")) {
      cur.context = line.substr(9);
    } else if (line.starts_with("text:")) {
      cur.text = line.substr(6);
    } else if (line.starts_with("expect:")) {
      in_expect = true;
    } else if (in_expect && !line.empty() && line[0] != '#') {
      char a[64], b[64], c[16], m[32], d[16] = "";
      if (std::sscanf(line.c_str(), "%63s %63s %15s %31s %15s", a, b, c, m,
                      d) >= 4) {
        cur.expect.push_back({a, b, std::string(c).substr(0, 2), m, d});
      }
    }
    if (nl == bytes.size()) break;
  }
  flush();
  return cases;
}

// Scores every file of `files` that exists; returns how many did.
template <size_t N>
int ScoreFiles(const Threshold (&files)[N]) {
  const std::string root = trigon::testing::SourceDir();
  Result<DictionarySet> dicts = LoadTrigonDictionaries(root + "/data/dict");
  if (!dicts.ok()) {
    ADD_FAILURE() << "dictionaries: " << dicts.status().ToString();
    return 0;
  }
  Result<std::unique_ptr<Coder>> coder = Coder::Create(*dicts);
  if (!coder.ok()) {
    ADD_FAILURE() << coder.status().ToString();
    return 0;
  }
  const bool verbose = std::getenv("TRIGON_GOLD_VERBOSE") != nullptr;

  int n_files = 0;
  for (const Threshold& th : files) {
    const std::string path = root + "/tests/golden/coding/" + th.file;
    Result<std::string> bytes = ReadFileBytes(path);
    if (!bytes.ok()) continue;
    ++n_files;
    int tp = 0, predicted = 0, expected = 0, modality_ok = 0, date_ok = 0;
    // Per root: true positives, predicted, expected (printed as
    // `[gold-root]` lines for scripts/accuracy-report).
    std::map<std::string, std::array<int, 3>> per_root;
    for (const GoldCase& gc : ParseGold(*bytes)) {
      SentenceInput in;
      in.text = gc.text;
      in.lang = th.lang;
      if (!gc.date.empty()) in.document_date = gc.date;
      in.previous_sentence = gc.context;
      SentenceResult r = (*coder)->CodeSentence(in);
      std::vector<bool> used(gc.expect.size(), false);
      std::string misses;
      for (const model::Event& e : r.events) {
        ++predicted;
        ++per_root[e.root][1];
        bool hit = false;
        for (size_t i = 0; i < gc.expect.size(); ++i) {
          const Expected& x = gc.expect[i];
          if (!used[i] && x.src == e.source_country &&
              x.tgt == e.target_country && x.root == e.root) {
            used[i] = true;
            hit = true;
            ++tp;
            ++per_root[e.root][0];
            modality_ok += x.modality == model::ModalityName(e.modality);
            const bool date_match =
                x.date.empty() || x.date == e.date.value_or("");
            date_ok += date_match;
            if (x.modality != model::ModalityName(e.modality) || !date_match) {
              misses += "  ~ " + x.src + " " + x.tgt + " " + x.root + ": got " +
                        std::string(model::ModalityName(e.modality)) + " " +
                        e.date.value_or("-") + ", want " + x.modality + " " +
                        x.date + "\n";
            }
            break;
          }
        }
        if (!hit) {
          misses += "  + " + e.source_country + " " + e.target_country + " " +
                    e.code + " " +
                    std::string(model::ModalityName(e.modality)) + " [" +
                    e.trigger.text + "]\n";
        }
      }
      expected += static_cast<int>(gc.expect.size());
      for (const Expected& x : gc.expect) ++per_root[x.root][2];
      for (size_t i = 0; i < gc.expect.size(); ++i) {
        if (!used[i]) {
          misses += "  - " + gc.expect[i].src + " " + gc.expect[i].tgt + " " +
                    gc.expect[i].root + " " + gc.expect[i].modality + "\n";
        }
      }
      if (verbose && !misses.empty()) {
        std::printf("%s: %s\n%s", gc.id.c_str(), gc.text.c_str(),
                    misses.c_str());
      }
    }
    const double p = predicted == 0 ? 1.0 : static_cast<double>(tp) / predicted;
    const double rc = expected == 0 ? 1.0 : static_cast<double>(tp) / expected;
    std::printf(
        "[gold] %-12s P=%.3f R=%.3f (tp %d, predicted %d, expected %d; "
        "modality %d/%d, date %d/%d)\n",
        th.file, p, rc, tp, predicted, expected, modality_ok, tp, date_ok, tp);
    for (const auto& [root_code, n] : per_root) {
      std::printf("[gold-root] %s %s %d %d %d\n", th.file, root_code.c_str(),
                  n[0], n[1], n[2]);
    }
    EXPECT_GE(p, th.min_precision) << th.file;
    EXPECT_GE(rc, th.min_recall) << th.file;
  }
  return n_files;
}

TEST(CodingGoldTest, PrecisionRecallPerLanguage) {
  if (!std::filesystem::exists(trigon::testing::SourceDir() + "/data/dict"))
    GTEST_SKIP() << "data/dict absent";
  if (ScoreFiles(kGold) == 0) GTEST_SKIP() << "tests/golden/coding absent";
}

TEST(CodingGoldTest, HeldOutPrecisionRecall) {
  if (!std::filesystem::exists(trigon::testing::SourceDir() + "/data/dict"))
    GTEST_SKIP() << "data/dict absent";
  if (ScoreFiles(kHeldOut) == 0) GTEST_SKIP() << "held-out set absent";
}

}  // namespace
}  // namespace trigon::coding
