// code_bench: whole-run throughput of Trigon per script (English,
// Simplified and Traditional Chinese), in sentences and MB per CPU second,
// for four stages:
//   floor   reading the bytes, UTF-8 validation and sentence splitting only
//   ingest  ReadInputBytes + DocumentAnalyzer::Analyze (cleanup, language,
//           dates, splitting, normalisation)
//   normalise  text::Normalizer::Normalize of every sentence alone
//   coding  DocumentCoder::CodeDocument over analysed documents, with the
//           full data/dict dictionaries
//   e2e     raw bytes -> analysed document -> events
// then (stage mt) end to end on 1 and 2 threads the way `trigon code`
// runs them -- an OrderedWorkQueue of document jobs sharing one analyser
// and one compiled coder, results taken in input order -- and the peak
// resident memory (getrusage ru_maxrss).  bench/stream_memory.sh measures
// the `trigon code --stdin` process itself on a 10x and 100x corpus.
//
// Corpus per script: data/sample/<script>/, plus ../shared/examples/ files of
// that script, plus (English) the `text` of every record of
// ../shared/data/validation/*.jsonl, grouped 20 sentences to a document.
// The base corpus is held once (a few hundred KB); the run streams documents
// made from it, repeating it until MB_PER_SCRIPT of input have been processed,
// so memory does not grow with the corpus size.
//
//   build-perf/bench/code_bench [MB_PER_SCRIPT [STAGES [SCRIPTS]]]
//     MB_PER_SCRIPT  input MB per script and stage (default 4)
//     STAGES         comma list of floor,ingest,normalise,coding,e2e,mt
//                    (default all)
//     SCRIPTS        comma list of en,zh-hans,zh-hant (default all)
//
// Times are CPU seconds of the measuring thread (CLOCK_THREAD_CPUTIME_ID),
// because the benchmark machine is shared; the multi-threaded row reports
// process CPU (getrusage) and wall time.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "base/file_util.h"
#include "base/utf8.h"
#include "ingest/reader.h"
#include "model/document.h"
#include "pipeline/document_analyzer.h"
#include "pipeline/document_coder.h"
#include "pipeline/ordered_work_queue.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"

namespace {

struct Input {
  std::string path;  // ends in .txt: every input is plain text
  std::string bytes;
};

struct Corpus {
  std::string script;  // "en", "zh-hans", "zh-hant"
  std::string lang;    // paragraph lang for the floor's splitter
  std::vector<Input> inputs;
  size_t bytes = 0;
};

double ThreadCpu() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) +
         static_cast<double>(ts.tv_nsec) * 1e-9;
}

double ProcessCpu() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

double Wall() {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

long MaxRssKb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

void AddFile(const std::string& path, Corpus& c) {
  auto b = trigon::ReadFileBytes(path);
  if (!b.ok() || b->empty()) return;
  c.bytes += b->size();
  c.inputs.push_back({path, std::move(b).value()});
}

// The `text` of every record of a JSON Lines file, 20 to a plain-text
// document (one paragraph each).
void AddJsonlSentences(const std::string& path, Corpus& c) {
  auto b = trigon::ReadFileBytes(path);
  if (!b.ok()) return;
  std::vector<std::string> texts;
  trigon::ingest::ReadInputBytes(*b, path, {}, [&](auto doc) {
    if (doc.ok() && !doc->text.empty()) texts.push_back(doc->text);
  });
  constexpr size_t kPerDocument = 20;
  for (size_t i = 0; i < texts.size(); i += kPerDocument) {
    std::string text;
    for (size_t j = i; j < std::min(texts.size(), i + kPerDocument); ++j) {
      text += texts[j];
      text += "\n\n";
    }
    c.bytes += text.size();
    c.inputs.push_back(
        {path + ":" + std::to_string(i) + ".txt", std::move(text)});
  }
}

Corpus LoadCorpus(const std::string& script) {
  const std::string root = TRIGON_SOURCE_DIR;
  Corpus c;
  c.script = script;
  c.lang = script == "en" ? "en" : script == "zh-hans" ? "zh-Hans" : "zh-Hant";
  if (auto files = trigon::ExpandPaths({root + "/data/sample/" + script});
      files.ok()) {
    for (const auto& f : *files) AddFile(f, c);
  }
  const std::string examples = root + "/../shared/examples/";
  if (script == "zh-hans")
    AddFile(examples + "aggregator-zh-hans-ceasefire.txt", c);
  if (script == "zh-hant")
    AddFile(examples + "blog-repost-reverse-nixon.txt", c);
  if (script == "en") {
    const std::string validation = root + "/../shared/data/validation/";
    AddJsonlSentences(validation + "tabari_validate.jsonl", c);
    AddJsonlSentences(validation + "petr_unittest_records.jsonl", c);
  }
  return c;
}

struct Counts {
  size_t docs = 0;
  size_t sentences = 0;
  size_t bytes = 0;
  size_t events = 0;
};

struct Row {
  std::string script;
  std::string stage;
  Counts n;
  double cpu = 0;
  double wall = 0;
};

Row MakeRow(const std::string& script, const std::string& stage) {
  Row r;
  r.script = script;
  r.stage = stage;
  return r;
}

// Calls `fn(input)` over the corpus repeated until `target_bytes` of input
// have been passed, each document streamed (nothing kept between calls).
template <typename Fn>
void Stream(const Corpus& c, size_t target_bytes, Fn&& fn) {
  size_t done = 0;
  while (done < target_bytes) {
    for (const Input& in : c.inputs) {
      fn(in);
      done += in.bytes.size();
      if (done >= target_bytes) break;
    }
  }
}

// Floor: validate, paragraphs at blank lines, sentence splitting.
size_t FloorSentences(const Corpus& c, const Input& in) {
  if (trigon::utf8::FindInvalid(in.bytes)) return 0;
  std::vector<trigon::model::Paragraph> paragraphs;
  const std::string_view text(in.bytes);
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find("\n\n", begin);
    if (end == std::string_view::npos) end = text.size();
    if (end > begin) {
      trigon::model::Paragraph p;
      p.span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
      p.lang = c.lang;
      paragraphs.push_back(std::move(p));
    }
    begin = end + 2;
  }
  return trigon::text::SplitSentences(text, paragraphs).size();
}

void Print(const std::vector<Row>& rows) {
  std::printf("\n%-8s %-9s %7s %10s %11s %8s %11s %8s %7s %7s %7s\n", "script", "stage",
              "MB", "sentences", "sent/CPU-s", "MB/CPU-s", "sent/wall-s", "MB/wall-s", "CPU-s",
              "wall-s", "x floor");
  for (const Row& r : rows) {
    double floor_rate = 0;
    for (const Row& f : rows) {
      if (f.script == r.script && f.stage == "floor" && f.cpu > 0) {
        floor_rate = f.n.bytes / f.cpu;
      }
    }
    const double rate = r.n.bytes / r.cpu;
    char mult[32] = "";
    if (floor_rate > 0 && r.stage != "floor") {
      std::snprintf(mult, sizeof mult, "%.0f", floor_rate / rate);
    }
    std::printf("%-8s %-9s %7.1f %10zu %11.0f %8.2f %11.0f %8.2f %7.2f %7.2f %7s\n",
                r.script.c_str(), r.stage.c_str(), r.n.bytes / 1e6, r.n.sentences,
                r.n.sentences / r.cpu, rate / 1e6, r.n.sentences / r.wall,
                r.n.bytes / r.wall / 1e6, r.cpu, r.wall, mult);
  }
}

bool Has(const std::string& list, const std::string& item) {
  return list == "all" ||
         ("," + list + ",").find("," + item + ",") != std::string::npos;
}

}  // namespace

int main(int argc, char** argv) {
  const double mb = argc > 1 ? std::atof(argv[1]) : 4.0;
  const std::string stages = argc > 2 ? argv[2] : "all";
  const std::string scripts = argc > 3 ? argv[3] : "all";
  const auto target = static_cast<size_t>(mb * 1e6);
  const std::string root = TRIGON_SOURCE_DIR;

  const double setup0 = ThreadCpu();
  auto analyzer = trigon::pipeline::DocumentAnalyzer::Create();
  if (!analyzer.ok()) {
    std::fprintf(stderr, "%s\n", analyzer.status().ToString().c_str());
    return 1;
  }
  // As `trigon code` does: one normaliser for the analyser and the coder.
  trigon::pipeline::DocumentCoderOptions coder_options;
  coder_options.normalizer = &(*analyzer)->normalizer();
  auto coder = trigon::pipeline::DocumentCoder::Open(root + "/data/dict", coder_options);
  if (!coder.ok()) {
    std::fprintf(stderr, "%s\n", coder.status().ToString().c_str());
    return 1;
  }
  std::printf(
      "setup (normaliser, OpenCC, dictionaries compiled): %.2f s CPU, %ld MB "
      "RSS\n",
      ThreadCpu() - setup0, MaxRssKb() / 1024);
  const auto& an = **analyzer;
  const auto& dc = **coder;

  // Ingest one document (streamed) and hand it on.
  // With `code`, the analyser keeps the sentences' normalised forms for
  // the coder, as `trigon code --stdin` does.
  auto ingest = [&](const Input& in, Counts& n, bool code) {
    trigon::pipeline::NormalizedSentences normalized;
    trigon::ingest::ReadInputBytes(in.bytes, in.path, {}, [&](auto doc) {
      if (!doc.ok()) return;
      an.Analyze(*doc, code ? &normalized : nullptr);
      ++n.docs;
      n.sentences += doc->sentences.size();
      if (code) n.events += dc.CodeDocument(*doc, nullptr, &normalized).size();
    });
    n.bytes += in.bytes.size();
  };

  std::vector<Row> rows;
  for (const std::string script : {"en", "zh-hans", "zh-hant"}) {
    if (!Has(scripts, script)) continue;
    const Corpus c = LoadCorpus(script);
    std::printf(
        "%s: %zu documents, %.2f MB base corpus, streamed to %.1f MB per "
        "stage\n",
        script.c_str(), c.inputs.size(), c.bytes / 1e6, mb);
    // Warm-up pass (caches, OpenCC's lazy state); also gives the analysed
    // documents the coding stage reuses.
    std::vector<trigon::model::Document> analysed;
    for (const Input& in : c.inputs) {
      trigon::ingest::ReadInputBytes(in.bytes, in.path, {}, [&](auto doc) {
        if (!doc.ok()) return;
        an.Analyze(*doc);
        analysed.push_back(std::move(doc).value());
      });
    }
    if (Has(stages, "floor")) {
      Row r = MakeRow(script, "floor");
      const double t0 = ThreadCpu(), w0 = Wall();
      Stream(c, target, [&](const Input& in) {
        r.n.sentences += FloorSentences(c, in);
        r.n.bytes += in.bytes.size();
        ++r.n.docs;
      });
      r.cpu = ThreadCpu() - t0;
      r.wall = Wall() - w0;
      rows.push_back(r);
    }
    if (Has(stages, "ingest")) {
      Row r = MakeRow(script, "ingest");
      const double t0 = ThreadCpu(), w0 = Wall();
      Stream(c, target, [&](const Input& in) { ingest(in, r.n, false); });
      r.cpu = ThreadCpu() - t0;
      r.wall = Wall() - w0;
      rows.push_back(r);
    }
    if (Has(stages, "normalise")) {
      // Each sentence's original text, as the analyser and coder see it.
      Row r = MakeRow(script, "normalise");
      const trigon::text::Normalizer& normalizer = an.normalizer();
      const double t0 = ThreadCpu(), w0 = Wall();
      while (r.n.bytes < target) {
        for (const auto& doc : analysed) {
          for (const auto& sentence : doc.sentences) {
            const auto norm = normalizer.Normalize(
                std::string_view(doc.text).substr(sentence.span.begin, sentence.span.size()));
            r.n.bytes += sentence.span.size();
            r.n.events += norm.text.size() > 0;
          }
          r.n.sentences += doc.sentences.size();
          ++r.n.docs;
          if (r.n.bytes >= target) break;
        }
      }
      r.cpu = ThreadCpu() - t0;
      r.wall = Wall() - w0;
      rows.push_back(r);
    }
    if (Has(stages, "coding")) {
      // Input bytes of each analysed document, so MB/s is comparable.
      Row r = MakeRow(script, "coding");
      const double t0 = ThreadCpu(), w0 = Wall();
      while (r.n.bytes < target) {
        for (const auto& doc : analysed) {
          r.n.events += dc.CodeDocument(doc).size();
          r.n.sentences += doc.sentences.size();
          r.n.bytes += doc.text.size();
          ++r.n.docs;
          if (r.n.bytes >= target) break;
        }
      }
      r.cpu = ThreadCpu() - t0;
      r.wall = Wall() - w0;
      rows.push_back(r);
    }
    if (Has(stages, "e2e")) {
      Row r = MakeRow(script, "e2e");
      const double t0 = ThreadCpu(), w0 = Wall();
      Stream(c, target, [&](const Input& in) { ingest(in, r.n, true); });
      r.cpu = ThreadCpu() - t0;
      r.wall = Wall() - w0;
      rows.push_back(r);
      std::printf("%s e2e: %zu events\n", script.c_str(), r.n.events);
    }
    if (Has(stages, "mt")) {
      for (int threads : {1, 2}) {
        // As `trigon code --stdin` runs: one job per input document on
        // `threads` workers, results sunk in input order on this thread.
        struct Done {
          size_t docs = 0, sentences = 0, events = 0;
        };
        Row r = MakeRow(script, "e2e x" + std::to_string(threads));
        const double p0 = ProcessCpu(), w0 = Wall();
        {
          trigon::pipeline::OrderedWorkQueue<Done> queue(
              threads, 4 * static_cast<size_t>(threads), [&](Done& d) {
                r.n.docs += d.docs;
                r.n.sentences += d.sentences;
                r.n.events += d.events;
              });
          Stream(c, target, [&](const Input& in) {
            queue.Submit([&an, &dc, &in] {
              Done d;
              trigon::pipeline::NormalizedSentences normalized;
              trigon::ingest::ReadInputBytes(in.bytes, in.path, {}, [&](auto doc) {
                if (!doc.ok()) return;
                an.Analyze(*doc, &normalized);
                ++d.docs;
                d.sentences += doc->sentences.size();
                d.events += dc.CodeDocument(*doc, nullptr, &normalized).size();
              });
              return d;
            });
            r.n.bytes += in.bytes.size();
          });
          queue.Finish();
        }
        r.cpu = ProcessCpu() - p0;
        r.wall = Wall() - w0;
        rows.push_back(r);
        std::printf(
            "%s e2e on %d thread(s): %.2f s wall, %.2f s CPU (process), %.0f sentences/s "
            "wall, %zu events\n",
            script.c_str(), threads, r.wall, r.cpu, r.n.sentences / r.wall, r.n.events);
      }
    }
  }
  Print(rows);
  std::printf("\npeak RSS: %ld MB (ru_maxrss)\n", MaxRssKb() / 1024);
  return 0;
}
