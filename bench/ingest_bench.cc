// ingest_bench: documents, sentences and MB per second for reading,
// decoding, cleanup, language tagging, date finding, sentence splitting and
// normalisation (everything `trigon ingest` does except the SQLite writes),
// on one core.  Reads data/sample/ (and ../shared/examples/ when present)
// into memory once, then processes it repeatedly.
//
//   build/bench/ingest_bench [SECONDS]      (default 3)
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "base/file_util.h"
#include "ingest/reader.h"
#include "pipeline/document_analyzer.h"

namespace {

struct Input {
  std::string path;
  std::string bytes;
};

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 3.0;
  const std::string root = TRIGON_SOURCE_DIR;
  std::vector<std::string> roots = {root + "/data/sample"};
  if (auto shared = trigon::ExpandPaths({root + "/../shared/examples"}); shared.ok()) {
    roots.push_back(root + "/../shared/examples");
  }
  auto files = trigon::ExpandPaths(roots);
  if (!files.ok()) {
    std::fprintf(stderr, "%s\n", files.status().ToString().c_str());
    return 1;
  }
  std::vector<Input> inputs;
  size_t bytes = 0;
  for (const auto& f : *files) {
    auto b = trigon::ReadFileBytes(f);
    if (!b.ok()) continue;
    bytes += b->size();
    inputs.push_back({f, std::move(b).value()});
  }
  auto analyzer = trigon::pipeline::DocumentAnalyzer::Create();
  if (!analyzer.ok()) return 1;

  // One untimed pass builds OpenCC's tables and warms caches.
  auto pass = [&](size_t& docs, size_t& sentences) {
    for (const Input& in : inputs) {
      trigon::ingest::ReadInputBytes(in.bytes, in.path, {}, [&](auto doc) {
        if (!doc.ok()) return;
        (*analyzer)->Analyze(*doc);
        ++docs;
        sentences += doc->sentences.size();
      });
    }
  };
  size_t docs = 0, sentences = 0;
  pass(docs, sentences);
  const size_t docs_per_pass = docs, sentences_per_pass = sentences;

  docs = sentences = 0;
  size_t passes = 0;
  const auto wall0 = std::chrono::steady_clock::now();
  const std::clock_t cpu0 = std::clock();
  double cpu = 0;
  do {
    pass(docs, sentences);
    ++passes;
    cpu = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
  } while (cpu < seconds);
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  std::printf("corpus: %zu files, %zu documents, %zu sentences, %.2f MB per pass\n",
              inputs.size(), docs_per_pass, sentences_per_pass, bytes / 1e6);
  std::printf("passes: %zu in %.2f s CPU (%.2f s wall)\n", passes, cpu, wall);
  std::printf("per CPU second: %.0f documents, %.0f sentences, %.2f MB\n", docs / cpu,
              sentences / cpu, passes * bytes / 1e6 / cpu);
  return 0;
}
