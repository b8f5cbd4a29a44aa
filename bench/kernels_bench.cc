// kernels_bench: Google Benchmark kernels behind code_bench, per script
// (arg 0 = English, 1 = Simplified, 2 = Traditional Chinese):
//   BM_Normalize      text::Normalizer::Normalize, one sentence at a time
//   BM_SplitSentences text::SplitSentences, one document at a time
//   BM_FindAll        match::CompiledMatcher::FindAll over normalised
//                     sentences, with every literal of data/dict (forms,
//                     agents, pattern pieces, cues) compiled into one matcher
//   BM_CodeSentence   coding::Coder::CodeSentence, full dictionaries, without
//                     and with the previous sentence as context (recomputed,
//                     or carried over in a SentenceContext)
// Items are sentences; bytes are input bytes.  Run with
// --benchmark_min_time=0.5s; CPU time is the figure to read (shared machine).
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "base/file_util.h"
#include "coding/coder.h"
#include "coding/trigon_dictionary.h"
#include "ingest/reader.h"
#include "match/pattern_set.h"
#include "model/document.h"
#include "pipeline/document_analyzer.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"

namespace {

const char* const kScripts[] = {"en", "zh-hans", "zh-hant"};

struct Fixture {
  std::unique_ptr<trigon::pipeline::DocumentAnalyzer> analyzer;
  std::unique_ptr<trigon::coding::Coder> coder;
  std::unique_ptr<trigon::match::CompiledMatcher> matcher;
  // Per script: analysed documents and their sentences' text.
  std::vector<trigon::model::Document> docs[3];
  std::vector<std::string> sentences[3];
  std::vector<std::string> normalized[3];
};

Fixture* Load() {
  static Fixture* f = [] {
    auto* fx = new Fixture;
    const std::string root = TRIGON_SOURCE_DIR;
    fx->analyzer =
        std::move(trigon::pipeline::DocumentAnalyzer::Create()).value();
    auto dicts = trigon::coding::LoadTrigonDictionaries(root + "/data/dict");
    trigon::coding::CoderOptions options;
    options.normalizer = &fx->analyzer->normalizer();
    fx->coder =
        std::move(trigon::coding::Coder::Create(*dicts, options)).value();
    // One matcher with every literal of the dictionaries, normalised as
    // the coder does.
    const auto& norm = fx->analyzer->normalizer();
    trigon::match::PatternSet set;
    uint32_t id = 0;
    auto add = [&](const std::string& text, bool prefix) {
      const std::string n = norm.Normalize(text).text;
      if (!n.empty()) (void)set.Add(id++, n, {.prefix = prefix});
    };
    for (const auto& a : dicts->actors) {
      for (const auto& form : a.forms) add(form.text, false);
    }
    for (const auto& a : dicts->agents) {
      for (const auto& form : a.forms) add(form.text, false);
    }
    auto add_pattern = [&](const trigon::coding::EventPattern& p) {
      for (const auto& e : p.elements) {
        if (e.type == trigon::coding::PatternElement::Type::kLiteral)
          add(e.text, e.prefix);
      }
    };
    for (const auto& e : dicts->events) {
      for (const auto& p : e.patterns) add_pattern(p);
    }
    for (const auto& c : dicts->cues) add_pattern(c.pattern);
    fx->matcher = std::move(set.Compile()).value();
    for (int s = 0; s < 3; ++s) {
      auto files = trigon::ExpandPaths({root + "/data/sample/" + kScripts[s]});
      for (const auto& path : *files) {
        trigon::ingest::ReadInputFile(path, {}, [&](auto doc) {
          if (!doc.ok()) return;
          fx->analyzer->Analyze(*doc);
          for (const auto& sent : doc->sentences) {
            fx->sentences[s].push_back(
                doc->text.substr(sent.span.begin, sent.span.size()));
            fx->normalized[s].push_back(sent.normalized);
          }
          fx->docs[s].push_back(std::move(doc).value());
        });
      }
    }
    return fx;
  }();
  return f;
}

void BM_Normalize(benchmark::State& state) {
  Fixture* f = Load();
  const auto& sentences = f->sentences[state.range(0)];
  const auto& norm = f->analyzer->normalizer();
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& s = sentences[i++ % sentences.size()];
    benchmark::DoNotOptimize(norm.Normalize(s));
    bytes += s.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_SplitSentences(benchmark::State& state) {
  Fixture* f = Load();
  const auto& docs = f->docs[state.range(0)];
  size_t i = 0, bytes = 0, sentences = 0;
  for (auto _ : state) {
    const auto& d = docs[i++ % docs.size()];
    auto split = trigon::text::SplitSentences(d.text, d.paragraphs);
    sentences += split.size();
    bytes += d.text.size();
    benchmark::DoNotOptimize(split);
  }
  state.SetItemsProcessed(static_cast<int64_t>(sentences));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_FindAll(benchmark::State& state) {
  Fixture* f = Load();
  const auto& sentences = f->normalized[state.range(0)];
  std::vector<trigon::match::Hit> hits;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& s = sentences[i++ % sentences.size()];
    f->matcher->FindAll(s, &hits);
    benchmark::DoNotOptimize(hits.data());
    bytes += s.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["patterns"] = static_cast<double>(f->matcher->num_patterns());
}

void BM_CodeSentence(benchmark::State& state) {
  Fixture* f = Load();
  const auto& sentences = f->sentences[state.range(0)];
  const char* lang = state.range(0) == 0   ? "en"
                     : state.range(0) == 1 ? "zh-Hans"
                                           : "zh-Hant";
  size_t i = 0, bytes = 0;
  trigon::coding::SentenceContext context;
  for (auto _ : state) {
    const size_t k = i++ % sentences.size();
    trigon::coding::SentenceInput in;
    in.text = sentences[k];
    in.lang = lang;
    in.document_date = "2024-01-01";
    if (k > 0 && state.range(1) != 0) in.previous_sentence = sentences[k - 1];
    benchmark::DoNotOptimize(
        f->coder->CodeSentence(in, state.range(1) == 2 ? &context : nullptr));
    bytes += in.text.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

BENCHMARK(BM_Normalize)->DenseRange(0, 2);
BENCHMARK(BM_SplitSentences)->DenseRange(0, 2);
BENCHMARK(BM_FindAll)->DenseRange(0, 2);
// Second arg: 0 = without the previous sentence as context, 1 = with it,
// analysed again for each sentence (no SentenceContext), 2 = with it carried
// over in a SentenceContext (as DocumentCoder calls it).
BENCHMARK(BM_CodeSentence)->ArgsProduct({{0, 1, 2}, {0, 1, 2}});

}  // namespace

BENCHMARK_MAIN();
