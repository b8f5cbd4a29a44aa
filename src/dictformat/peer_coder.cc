// A coding::Coder over PatternCoder (and, combined, Trigon's Coder).

#include "dictformat/peer_coder.h"

#include <algorithm>
#include <utility>

#include "coding/goldstein.h"
#include "coding/trigon_dictionary.h"
#include "dictformat/petrarch_reader.h"
#include "dictformat/tabari_options.h"

namespace trigon::dictformat {
namespace {

class PeerCoder final : public coding::Coder {
 public:
  PeerCoder(std::unique_ptr<PatternCoder> patterns, std::unique_ptr<coding::Coder> trigon,
            PatternCoderOptions options)
      : patterns_(std::move(patterns)), trigon_(std::move(trigon)), options_(std::move(options)) {}

  // The pattern coder keeps no state between sentences.
  coding::SentenceResult CodeSentence(const coding::SentenceInput& input,
                                      coding::SentenceContext* /*context*/) const override {
    return CodeSentence(input);
  }

  coding::SentenceResult CodeSentence(const coding::SentenceInput& input) const override {
    coding::SentenceResult out;
    if (trigon_ != nullptr) out = trigon_->CodeSentence(input);
    const std::string date = input.document_date.value_or("");
    PatternInput in;
    in.sentence = input.text;
    in.date = date;
    in.want_trace = input.want_trace;
    const PatternResult r = patterns_->Code(in, options_);
    if (input.want_trace) {
      for (const std::string& line : r.trace) out.trace.notes.push_back("peer: " + line);
    }
    for (const PeerEvent& p : r.events) {
      const bool seen = std::any_of(out.events.begin(), out.events.end(), [&](const auto& e) {
        return e.source == p.source && e.target == p.target && e.code == p.code;
      });
      if (seen) continue;
      model::Event e;
      e.source = p.source;
      e.target = p.target;
      e.source_country = p.source.substr(0, 3);
      e.target_country = p.target.substr(0, 3);
      e.code = p.code;
      e.root = model::RootCode(p.code);
      e.quad_class = model::QuadClassGdelt(e.root);
      e.goldstein = coding::GoldsteinScale(p.code).value_or(0.0);
      if (input.document_date.has_value()) {
        e.date = input.document_date;
        e.date_basis = model::DateBasis::kDocument;
      }
      e.sentence_offset = input.sentence_offset;
      // The pattern coder works on words, not bytes: the whole sentence is
      // the evidence.
      e.trigger.span = {0, static_cast<uint32_t>(input.text.size())};
      e.trigger.text = std::string(input.text);
      out.events.push_back(std::move(e));
      if (input.want_trace) {
        coding::TraceCandidate c;
        c.code = p.code;
        c.pattern = p.pattern;
        c.where = p.where;
        c.source = p.source;
        c.target = p.target;
        c.emitted = true;
        c.reason = "peer dictionary pattern";
        out.trace.candidates.push_back(std::move(c));
      }
    }
    return out;
  }

 private:
  std::unique_ptr<PatternCoder> patterns_;
  std::unique_ptr<coding::Coder> trigon_;
  PatternCoderOptions options_;
};

template <typename T>
void Append(const std::vector<T>& from, std::vector<T>* to) {
  to->insert(to->end(), from.begin(), from.end());
}

}  // namespace

void AppendDictionaries(const coding::DictionarySet& extra, coding::DictionarySet* base) {
  Append(extra.actors, &base->actors);
  Append(extra.agents, &base->agents);
  Append(extra.events, &base->events);
  Append(extra.cues, &base->cues);
  Append(extra.verbs, &base->verbs);
  Append(extra.nouns, &base->nouns);
  Append(extra.adjectives, &base->adjectives);
  Append(extra.discards, &base->discards);
}

Result<std::unique_ptr<coding::Coder>> OpenPeerCoder(const PeerCoderConfig& config,
                                                     std::vector<std::string>* skipped) {
  if (config.files.verbs.empty() && config.files.actors.empty()) {
    return Status::InvalidArgument("peer dictionaries need --verbs or --actors");
  }
  TRIGON_ASSIGN_OR_RETURN(coding::DictionarySet peer,
                          config.format == PeerFormat::kTabari
                              ? LoadTabariDictionaries(config.files, skipped)
                              : LoadPetrarchDictionaries(config.files, skipped));
  PatternCoderOptions options;
  if (!config.options_file.empty()) {
    TRIGON_ASSIGN_OR_RETURN(options, ReadTabariOptions(config.options_file));
  }
  std::unique_ptr<coding::Coder> trigon;
  if (!config.trigon_dict_dir.empty()) {
    TRIGON_ASSIGN_OR_RETURN(coding::DictionarySet own,
                            coding::LoadTrigonDictionaries(config.trigon_dict_dir));
    TRIGON_ASSIGN_OR_RETURN(trigon, coding::Coder::Create(own));
    // The peer verbs see Trigon's actors and agents too.
    AppendDictionaries(own, &peer);
  }
  TRIGON_ASSIGN_OR_RETURN(auto patterns, PatternCoder::Create(peer));
  return std::unique_ptr<coding::Coder>(
      new PeerCoder(std::move(patterns), std::move(trigon), std::move(options)));
}

}  // namespace trigon::dictformat
