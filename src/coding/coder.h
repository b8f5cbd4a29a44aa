#pragma once
// The event coder: dictionaries in, CAMEO events out, one sentence at a time.
//
//   TRIGON_ASSIGN_OR_RETURN(coding::DictionarySet dicts,
//                           coding::LoadTrigonDictionaries("data/dict"));
//   TRIGON_ASSIGN_OR_RETURN(auto coder, coding::Coder::Create(dicts));
//   coding::SentenceInput in;
//   in.text = "Washington imposed sanctions on Moscow on Tuesday.";
//   in.lang = "en";
//   in.document_date = "2025-03-14";
//   coding::SentenceResult r = coder->CodeSentence(in);
//   // r.events[0]: USAGOV -> RUSGOV, code 163, date 2025-03-11 (text)
//
// What a sentence goes through (src/coding/README.md has the rules):
//   1. normalisation (text::Normalizer: NFKC, case fold, Traditional ->
//      Simplified) with an offset map back to the sentence's bytes;
//   2. one pass of the compiled multi-pattern matcher (src/match) for actor
//      forms, agents, trigger pieces, modality cues and function words;
//   3. actor mentions: longest forms, joined with their agents, titles and
//      appositions (Chinese prefix compounds 俄军, 中俄两国), pronouns
//      resolved from the sentence or the previous one;
//   4. clauses and reported speech, triggers paired with the subject before
//      them and the first actor after them (passives and {S}/{T} slots
//      swap the roles), compound and symmetric actors expanded;
//   5. modality from cues before the trigger in its clause, the date from
//      the sentence or the document, and the filters (self-events,
//      duplicates).
//
// A Coder is immutable after Create and CodeSentence may be called from many
// threads at once.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "coding/dictionary.h"
#include "model/event.h"

namespace trigon::text {
class Normalizer;
struct NormalizedText;
}  // namespace trigon::text

namespace trigon::coding {

struct CoderOptions {
  // Also return events whose modality is not "asserted" (they are tagged
  // and kept out of the analytics downstream).  Default true.
  bool emit_non_asserted = true;
  // Keep events whose source and target are the same country.  Default
  // false.
  bool keep_self_events = false;
  // A sentence yields one event per (source country, target country, code);
  // with this set, per (source country, target country, root) instead
  // ("protested and demonstrated against X" is one 14 event).  Default
  // false.
  bool dedup_by_root = false;
  // The `…` gap of a pattern: at most this many English words ...  Default 6.
  int max_gap_words = 6;
  // ... or this many Chinese characters.  Default 10.
  int max_gap_han = 10;
  // The object (target) of a verb stands at most this many English words
  // ... Default 8.
  int max_object_words = 8;
  // ... or Chinese characters after it, not counting actor names.  Default
  // 12.
  int max_object_han = 12;
  // An event dated more than this many days before the document date is
  // historical.  Default 365.
  int historical_days = 365;
  // Mainland Chinese news names its own government's bodies without a
  // country (外交部, 商务部).  In sentences whose SentenceInput::lang is
  // "zh-Hans", such a bare agent takes this country.  Traditional Chinese
  // text (Taiwan, Hong Kong) gets no default.  Empty disables.  Default
  // "CHN".
  std::string zh_hans_home_country = "CHN";
  // Sentences longer than this many bytes are not coded (the result is
  // empty and the trace says why): real sentences are far shorter, and the
  // pairing rules are quadratic in the number of actors and triggers.
  // Default 8192.
  size_t max_sentence_bytes = 8192;
  // A normaliser to share (not owned; must outlive the Coder).  Default
  // nullptr: the Coder creates its own (needs OpenCC's data).
  const text::Normalizer* normalizer = nullptr;
};

struct SentenceInput {
  std::string_view text;  // the sentence, original UTF-8 (valid UTF-8)
  std::string_view lang;  // "en", "zh-Hans", "zh-Hant".  Every dictionary
                          // form is tried on every sentence; the language
                          // only selects CoderOptions::zh_hans_home_country.
  std::optional<std::string> document_date;  // YYYY-MM-DD
  uint32_t sentence_offset = 0;  // byte offset of the sentence in its document
  std::string_view previous_sentence;  // context: pronouns (he, 双方), objects
                                       // referred back to (对此, "the
                                       // launch") and 当天; may be empty
  bool want_trace = false;  // fill SentenceResult::trace
  // `text` already normalised, with its offset map, by `normalized_by`
  // (DocumentAnalyzer keeps these): used instead of normalising `text`
  // again when `normalized_by` is the coder's own normaliser
  // (CoderOptions::normalizer), ignored otherwise.
  const text::NormalizedText* normalized = nullptr;
  const text::Normalizer* normalized_by = nullptr;
};

// Why the coder did what it did (for `trigon explain`).  Spans are bytes of
// the sentence.
struct TraceActor {
  model::Span span;
  std::string text;
  std::string code;  // resolved code; "" for an unresolved pronoun
  std::string rule;  // "name", "adjective+agent", "person role 2017-01-20..",
                     // "pronoun <- previous sentence", ...
};
struct TraceCandidate {
  std::string code;     // event code
  std::string pattern;  // the pattern as written
  std::string where;    // its dictionary file:line
  model::Span trigger;
  std::string source;  // actor codes ("" if none)
  std::string target;
  model::Modality modality = model::Modality::kAsserted;
  bool emitted = false;
  std::string reason;  // why emitted or not, and the rules applied
};
struct SentenceTrace {
  std::vector<TraceActor> actors;
  std::vector<TraceCandidate> candidates;
  std::vector<std::string> notes;  // clause splits, dates found
};

struct SentenceResult {
  std::vector<model::Event> events;
  SentenceTrace trace;  // empty unless SentenceInput::want_trace
};

// What the coder carries from one sentence of a document to the next: the
// analysis of the sentence just coded, which is the next sentence's
// context (pronouns, 对此, 当天), so that it is not computed a second time.
// Code a document's sentences in order with one SentenceContext, passing
// each sentence's predecessor as SentenceInput::previous_sentence.  A
// carried analysis is used only when it is of exactly that text (and the
// same home country and date for person roles) and recomputed otherwise, so
// results never depend on the context -- only the time does.
// Not thread-safe: one per thread (or per document); cheap to create.
class SentenceContext {
 public:
  SentenceContext();
  ~SentenceContext();
  SentenceContext(const SentenceContext&) = delete;
  SentenceContext& operator=(const SentenceContext&) = delete;

  // The coder's state; opaque to callers.
  struct State {
    virtual ~State() = default;
  };
  std::unique_ptr<State> state;
};

class Coder {
 public:
  // Compiles `dictionaries` (normalising every form, building one matcher).
  // The DictionarySet is copied where needed and may be destroyed after.
  // Errors: InvalidArgument (a form or pattern that normalises to nothing,
  // naming file:line), whatever Normalizer::Create or the matcher returns.
  static Result<std::unique_ptr<Coder>> Create(
      const DictionarySet& dictionaries, const CoderOptions& options = {});

  virtual ~Coder() = default;
  Coder(const Coder&) = delete;
  Coder& operator=(const Coder&) = delete;

  // Codes one sentence.  Never fails: a sentence without events (or longer
  // than CoderOptions::max_sentence_bytes) gives an empty result.  REQUIRES:
  // input.text is valid UTF-8; input.document_date, if set, is YYYY-MM-DD
  // (otherwise it is ignored).
  virtual SentenceResult CodeSentence(const SentenceInput& input) const = 0;
  // The same, carrying analysis over from the previous call with `context`
  // (see SentenceContext); `context` may be null.  Same result as above.
  virtual SentenceResult CodeSentence(const SentenceInput& input,
                                      SentenceContext* context) const = 0;

 protected:
  Coder() = default;
};

}  // namespace trigon::coding
