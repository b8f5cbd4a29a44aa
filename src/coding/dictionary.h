#pragma once
// DictionarySet: the format-neutral, in-memory model of everything the
// coder knows -- actors with date-bounded codes, agents, event patterns and
// modality cues.  Per-format parsers fill it (trigon_dictionary.h reads
// Trigon's data/dict/*.txt; src/dictformat reads TABARI and PETRARCH-2), and
// Coder::Create compiles it.  Plain values; no behaviour beyond validation.
//
// The peer formats add what Trigon's own dictionaries do not have: phrases
// with stems and connectors (`Phrase`, on forms), verbs with ordered phrase
// patterns (`verbs`), nouns/adjectives and discard phrases.  Coder ignores
// them; dictformat::PatternCoder codes with them.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace trigon::coding {

// Where a dictionary entry came from, for error messages and traces.
struct SourceLocation {
  std::string file;
  uint32_t line = 0;
  std::string ToString() const { return file + ":" + std::to_string(line); }
};

// --- Peer formats (TABARI, PETRARCH-2) ------------------------------------
// One token of a phrase as the peer dictionaries write it
// ("- SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS").
struct PhraseToken {
  enum class Type {
    kWord,          // `text` (upper case)
    kVerb,          // `*`: where the verb stands
    kSource,        // `$`: the source actor
    kTarget,        // `+`: the target actor
    kCompound,      // `%`: a compound actor, source and target both
    kSkipActor,     // `^`: an actor passed over
    kAlternatives,  // `{ a | b }` or a synset `&NAME`: one of `alternatives`
  };
  // How a word matches a word of the text.
  enum class Match {
    kStem,      // `WORD`: any word starting with it
    kEndings,   // `WORD_`: the word, or it plus a regular ending (S, 'S;
                // on verbs also ED, ES, EN, ING)
    kExact,     // `WORD=` (or inside a phrase, `WORD_`): the word only
  };
  Type type = Type::kWord;
  std::string text;
  Match match = Match::kStem;
  bool joined = false;  // `_` before it: must follow the previous token
                        // immediately
  std::vector<std::vector<PhraseToken>> alternatives;
};
using Phrase = std::vector<PhraseToken>;

// How a surface form relates to its actor.
enum class FormKind {
  kName,       // "China", "中国": the actor itself
  kAdjective,  // "Chinese": the actor's country, needs an agent beside it
  kMetonym,    // "Beijing", "White House": stands for `code`
  kPrefix,     // 俄, 中: compounds with an agent (俄军) or another prefix
               // (中俄)
};

struct ActorForm {
  std::string text;  // as written in the dictionary
  FormKind kind = FormKind::kName;
  std::string code;             // metonyms: the code they stand for ("" =
                                // the actor's country + "GOV")
  bool case_sensitive = false;  // written `=US`: must match the original
                                // text's case exactly
  std::string lang;             // "en", "zh-Hans", "zh-Hant", "zh"
  SourceLocation where;
  // Peer formats only: the form as a TABARI-style phrase (stems,
  // connectors); empty for Trigon's own forms.  `text` then holds its words
  // joined by spaces.
  Phrase phrase;
};

// A code valid from `from` to `to` (ISO dates, inclusive of `from` and
// exclusive of `to`; empty = open).
struct DatedCode {
  std::string code;
  std::string from;
  std::string to;
};

enum class ActorKind { kCountry, kOrganization, kPerson };

struct ActorEntry {
  ActorKind kind = ActorKind::kCountry;
  std::string code;  // countries and organisations: the code
  std::string display_name;
  std::string country;  // organisations: the home country, if any
  std::vector<ActorForm> forms;
  std::vector<DatedCode> roles;  // persons: codes by date
  std::string default_code;      // persons: outside every role
  SourceLocation where;
};

// A role word that attaches to a neighbouring country ("foreign ministry"
// -> GOV, "troops" -> MIL).
struct AgentEntry {
  std::string code;  // "GOV", "MIL", "GOVMIL"
  std::string display_name;
  std::vector<ActorForm> forms;  // kind is kName
  SourceLocation where;
  // TABARI `[NGO~]`: the agent's code goes before the actor's (NGOUSA)
  // rather than after it (`[~GOV]`, USAGOV).  Default false.
  bool code_first = false;
};

// One element of a parsed trigger or cue pattern.
struct PatternElement {
  enum class Type {
    kLiteral,     // text; `prefix` when written with a trailing `*`
    kGap,         // `…`: a few words / characters, same clause
    kSourceSlot,  // {S}
    kTargetSlot,  // {T}
  };
  Type type = Type::kLiteral;
  std::string text;
  bool prefix = false;
  friend bool operator==(const PatternElement&,
                         const PatternElement&) = default;
};

struct EventPattern {
  std::string lang;
  std::string text;  // as written, for traces
  std::vector<PatternElement> elements;
  SourceLocation where;
};

struct EventEntry {
  std::string code;  // CAMEO code, 2-4 digits, leading zero kept
  std::string display_name;
  bool symmetric = false;  // `flags symmetric`: runs both ways when the
                           // actors are coordinated or joined by with/与
  bool reciprocal = false;  // `flags reciprocal`: the act itself is mutual
                            // (meeting, phone call), so "X met Y" runs both
                            // ways too; implies symmetric
  bool coordinated_only = false;  // `flags coordinated`: both ways only when
                                  // the actors are coordinated (中美建交, "X
                                  // and Y"); "X established relations with
                                  // Y" is X's act; implies symmetric
  bool self = false;       // `flags self`: source and target may share a
                           // country (a government's mass killing of its
                           // own citizens)
  std::vector<EventPattern> patterns;
  SourceLocation where;
};

enum class CueKind {
  kNegated,
  kHypothetical,
  kAdvocated,
  kFuture,
  kHistorical,
  kReport,
};

struct ModalityCue {
  CueKind kind = CueKind::kNegated;
  EventPattern pattern;
};

// A verb pattern (peer formats): `tokens` hold exactly one kVerb.  `code`
// is an event code (any letters and digits) or a peer special code: `---`
// (null: not coded), `###` (discard the sentence), `+++` (complex: do not
// code the sentence), `A:B` (paired: A from source to target and B back),
// optionally suffixed `?` (subordinate: used only when the sentence has no
// other event) or `!` (dominant: only dominant events are kept).
struct VerbPattern {
  Phrase tokens;
  std::string code;
  std::string text;  // as written, for traces
  SourceLocation where;
};

struct VerbEntry {
  std::vector<Phrase> forms;  // the root and its irregular forms
  std::string code;           // the root's own code (same syntax as above)
  std::vector<VerbPattern> patterns;
  SourceLocation where;
};

// A phrase that makes the sentence (or with `whole_story`, the story) a
// discard.
struct DiscardEntry {
  Phrase phrase;
  bool whole_story = false;
  SourceLocation where;
};

struct DictionarySet {
  std::vector<ActorEntry> actors;
  std::vector<AgentEntry> agents;
  std::vector<EventEntry> events;
  std::vector<ModalityCue> cues;
  // Peer formats only (see above).
  std::vector<VerbEntry> verbs;
  std::vector<Phrase> nouns;       // TABARI <NOUN>: uncoded words that help
  std::vector<Phrase> adjectives;  // parse compounds (<ADJECTIVE>)
  std::vector<DiscardEntry> discards;

  // Checks cross-entry invariants: codes are non-empty upper-case
  // alphanumerics, event codes are 2-4 digits, every pattern has a literal.
  // Errors: InvalidArgument naming file:line and the entry.
  Status Validate() const;
};

// Splits `text` ("sanction* … on {T}") into pattern elements.  Errors:
// InvalidArgument (empty pattern, no literal, unbalanced braces, unknown
// slot) quoting the fragment.
Status ParsePattern(std::string_view text, std::vector<PatternElement>* out);

}  // namespace trigon::coding
