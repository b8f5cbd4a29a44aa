#include "pipeline/document_coder.h"

#include <map>
#include <tuple>

#include "base/file_util.h"
#include "base/hash.h"
#include "coding/coder.h"
#include "coding/trigon_dictionary.h"
#include "pipeline/document_analyzer.h"
#include "text/normalizer.h"

namespace trigon::pipeline {
namespace {

// Bumped when the coder's rules change in a way that changes output for
// the same dictionaries.
constexpr std::string_view kCoderRulesVersion = "1";

Result<std::string> HashDictionaryFiles(const std::string& dir) {
  TRIGON_ASSIGN_OR_RETURN(const auto files, ExpandPaths({dir}));
  std::string all;
  for (const std::string& f : files) {
    TRIGON_ASSIGN_OR_RETURN(const std::string bytes, ReadFileBytes(f));
    all += f.substr(f.find_last_of('/') + 1);
    all += '\0';
    all += bytes;
  }
  return ContentHashHex(all).substr(0, 16);
}

void AddEvidence(store::DocumentEvent& out, uint32_t sentence, const char* kind,
                 const model::Evidence& e, uint32_t sentence_offset) {
  if (e.span.empty()) return;
  out.evidence.push_back({sentence, kind, sentence_offset + e.span.begin,
                          sentence_offset + e.span.end, e.text});
}

}  // namespace

DocumentCoder::DocumentCoder(std::unique_ptr<coding::Coder> coder, std::string version,
                             const DocumentCoderOptions& options)
    : coder_(std::move(coder)), version_(std::move(version)), options_(options) {}

DocumentCoder::~DocumentCoder() = default;

Result<std::unique_ptr<DocumentCoder>> DocumentCoder::Open(const std::string& dict_dir,
                                                           const DocumentCoderOptions& options) {
  TRIGON_ASSIGN_OR_RETURN(auto dictionaries, coding::LoadTrigonDictionaries(dict_dir));
  coding::CoderOptions coder_options;
  coder_options.normalizer = options.normalizer;
  TRIGON_ASSIGN_OR_RETURN(auto coder, coding::Coder::Create(dictionaries, coder_options));
  TRIGON_ASSIGN_OR_RETURN(const std::string hash, HashDictionaryFiles(dict_dir));
  std::string version = "trigon-coder/";
  version += kCoderRulesVersion;
  version += "/" + hash;
  return std::unique_ptr<DocumentCoder>(new DocumentCoder(std::move(coder), version, options));
}

std::vector<store::DocumentEvent> DocumentCoder::CodeDocument(
    const model::Document& doc, size_t* over_limit, const NormalizedSentences* normalized) const {
  const bool use_normalized =
      normalized != nullptr && normalized->sentences.size() == doc.sentences.size();
  size_t dropped = 0;
  using Key = std::tuple<std::string, std::string, std::string, int, std::string>;
  std::map<Key, size_t> index;
  std::vector<store::DocumentEvent> out;
  const std::string_view text(doc.text);
  std::string_view previous;
  // Each sentence's analysis is the next one's context; carry it over.
  coding::SentenceContext context;
  for (const model::Sentence& s : doc.sentences) {
    coding::SentenceInput in;
    in.text = text.substr(s.span.begin, s.span.size());
    in.lang = s.lang;
    in.document_date = doc.date;
    in.sentence_offset = s.span.begin;
    in.previous_sentence = previous;
    if (use_normalized) {
      in.normalized = &normalized->sentences[&s - doc.sentences.data()];
      in.normalized_by = normalized->by;
    }
    coding::SentenceResult r = coder_->CodeSentence(in, &context);
    previous = in.text;
    for (model::Event& e : r.events) {
      const Key key{e.source, e.target, e.code, static_cast<int>(e.modality),
                    e.date.value_or("")};
      auto it = index.find(key);
      if (it == index.end()) {
        if (out.size() >= options_.max_events_per_document) {
          ++dropped;
          continue;
        }
        it = index.emplace(key, out.size()).first;
        store::DocumentEvent d;
        d.sentence = s.index;
        d.lang = s.lang;
        d.event = e;
        d.event.mentions = 0;
        out.push_back(std::move(d));
      }
      store::DocumentEvent& d = out[it->second];
      ++d.event.mentions;
      AddEvidence(d, s.index, "trigger", e.trigger, s.span.begin);
      AddEvidence(d, s.index, "source", e.source_evidence, s.span.begin);
      AddEvidence(d, s.index, "target", e.target_evidence, s.span.begin);
    }
  }
  if (over_limit != nullptr) *over_limit = dropped;
  return out;
}

}  // namespace trigon::pipeline
