#pragma once
// PatternCoder: codes a sentence the way TABARI does, with the verb
// patterns of the peer dictionaries (DictionarySet::verbs) and the same
// DictionarySet actors, agents, nouns and discards.
//
//   TRIGON_ASSIGN_OR_RETURN(coding::DictionarySet dicts,
//                           dictformat::LoadTabariDictionaries(files));
//   TRIGON_ASSIGN_OR_RETURN(auto coder, dictformat::PatternCoder::Create(dicts));
//   PatternInput in;
//   in.sentence = "Calenardhon urged Bree on Monday to help win a role.";
//   in.date = "1995-01-18";
//   PatternResult r = coder->Code(in, PatternCoderOptions());
//   // r.events[0]: CAL -> BRE, 102
//
// Why a separate path from coding::Coder: TABARI / PETRARCH verb patterns
// are ordered phrases around the verb ("- SAID * TO_ATTEND"), with the
// source and target designated by position ($, +, %, ^) and defaults
// searched from the start of the clause.  Coder's rules are built on
// clause structure and slots ({S}/{T} beside a trigger), which cannot
// express skipped actors, compound designations or TABARI's "first actor
// before the verb" defaults without changing how every Trigon dictionary
// codes.  Both coders read the same DictionarySet and both match words
// with the same compiled Aho-Corasick matcher (src/match).
//
// What a sentence goes through (TABARI manual, chapters 5-8):
//   1. words: upper case, hyphens as blanks, commas kept; one pass of the
//      matcher finds every dictionary word at every word start;
//   2. classes: longest phrase first at each word (actors, agents, verbs,
//      nouns, adjectives); stems, `_` whole words with regular endings;
//      capitalised words and words after a determiner are not verbs;
//   3. actors with date-restricted codes; agents joined to the actor
//      before, after, or after OF/IN; pronouns to the sentence's first
//      actor; compounds (A, B and C) found;
//   4. comma-delimited clauses of MIN..MAX words dropped; clauses split at
//      conjunctions outside compounds;
//   5. the first verb of each clause with a non-null code: the longest
//      matching pattern (or the root's code), its $ + % ^ designations,
//      defaults for the rest, passive voice, paired codes.
// Immutable after Create; Code may run on many threads at once.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "coding/dictionary.h"

namespace trigon::dictformat {

// TABARI's .options settings that change coding (tabari_options.h parses
// them).
struct PatternCoderOptions {
  enum class CodeBy { kClause, kSentence, kAll };
  // SET: CODE BY CLAUSE|SENTENCE, CODE ALL.  Default kClause: the first
  // coded verb of each clause.
  CodeBy code_by = CodeBy::kClause;
  // COMPLEX: NOACTPRIOR -- a sentence whose first coded verb has no actor
  // before it is complex (not coded).  Default false.
  bool no_actor_prior_is_complex = false;
  // COMPLEX: VERBS[n] / CONJ[n] -- this many verbs / conjunctions or more
  // make a sentence complex.  0 disables.  Default 0.
  int complex_verbs = 0;
  int complex_conjunctions = 0;
  // DEFAULT: SOURCE [code] / TARGET [code]: used when none is found.
  // Default "" (none).  With PRIOR, the default source is taken as soon as
  // no actor stands before the verb (rather than looking after it); with
  // AFTER, the default target as soon as none stands after it (rather than
  // looking before it).
  std::string default_source;
  std::string default_target;
  bool default_source_prior = false;
  bool default_target_after = false;
  // SET: MINIMUM WORDS = n: shorter sentences (a comma counts as a word)
  // are not coded.  TABARI's default 8.
  int min_words = 8;
  // COMMA: deleting comma-delimited nonrestrictive clauses of MIN..MAX words
  // (BMIN/BMAX at the start of the sentence, EMIN/EMAX at its end).
  // TABARI's defaults; `comma_off` keeps every clause.
  bool comma_off = false;
  int comma_min = 2, comma_max = 10;
  int comma_emin = 2, comma_emax = 10;
  int comma_bmin = 128, comma_bmax = 0;
  // SET: CONVERT AGENTS = TRUE: an agent with no actor beside it becomes an
  // actor with the agent's code.  Default false.
  bool convert_agents = false;
  // FORWARD: a pronoun with no actor before it in its sentence stands for
  // PatternInput::previous_actor (the story's previous sentence).  Default
  // false.
  bool forward_pronouns = false;
};

struct PatternInput {
  std::string_view sentence;  // REQUIRES: valid UTF-8
  std::string_view date;      // YYYY-MM-DD; "" = undated (date restrictions
                              // then use the undated code)
  // PatternResult::first_actor of the previous sentence of the same story
  // (with PatternCoderOptions::forward_pronouns).
  std::string_view previous_actor;
  bool want_trace = false;
};

struct PeerEvent {
  std::string source;
  std::string target;
  std::string code;
  std::string pattern;  // "ROOT" or the pattern as written
  std::string where;    // its file:line
  friend bool operator==(const PeerEvent& a, const PeerEvent& b) {
    return a.source == b.source && a.target == b.target && a.code == b.code;
  }
};

struct PatternResult {
  enum class Disposition {
    kCoded,     // events (possibly none)
    kDiscard,   // a `###` actor, verb or pattern, or a discard phrase
    kComplex,   // a `+++` code or a COMPLEX condition
  };
  Disposition disposition = Disposition::kCoded;
  bool whole_story = false;  // kDiscard by a story-level discard phrase
  std::vector<PeerEvent> events;
  std::string first_actor;  // the first actor named, without agents
  std::vector<std::string> trace;  // filled when asked
};

class PatternCoder {
 public:
  // Compiles every phrase of `dictionaries` (verbs, actors and agents with
  // a Phrase; Trigon-format forms are read as contiguous whole words).
  // Errors: InvalidArgument (a phrase with no word, naming file:line), the
  // matcher's.
  static Result<std::unique_ptr<PatternCoder>> Create(const coding::DictionarySet& dictionaries);
  virtual ~PatternCoder() = default;
  PatternCoder(const PatternCoder&) = delete;
  PatternCoder& operator=(const PatternCoder&) = delete;

  // Codes one sentence.
  virtual PatternResult Code(const PatternInput& input,
                             const PatternCoderOptions& options) const = 0;

 protected:
  PatternCoder() = default;
};

}  // namespace trigon::dictformat
