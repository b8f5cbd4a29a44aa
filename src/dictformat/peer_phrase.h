#pragma once
// INTERNAL to src/dictformat: the phrase and code-block syntax shared by the
// TABARI and PETRARCH-2 dictionary readers.
//
//   SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS
//   WORD    a stem: matches any word that starts with WORD
//   WORD_   the whole word (regular endings allowed where the format says);
//           a token written right after the `_` must follow immediately
//   WORD~_  a stem that the next token must follow immediately
//   WORD=   the word exactly
//   * $ + % ^   verb, source, target, compound actor, skipped actor
//   { a | b }   alternatives; &NAME a synonym set declared earlier
//
// Hyphens are underscores (TABARI 0.7.3 reads "al-Assad" as "al Assad").

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "coding/dictionary.h"

namespace trigon::dictformat::internal {

// Declared synonym sets, by name without the `&` ("CURRENCY").
using SynsetMap = std::map<std::string, std::vector<coding::Phrase>, std::less<>>;

// Parses `text` (upper-cased by the caller) into `out`.  Errors:
// InvalidArgument (unbalanced braces, an empty alternative, an unknown
// synset, a stray character) quoting the fragment; the caller adds
// file:line.
Status ParsePhrase(std::string_view text, const SynsetMap& synsets,
                   coding::Phrase* out);

// The words of a phrase joined by spaces (alternatives: the first one), for
// ActorForm::text and traces.
std::string PhraseText(const coding::Phrase& phrase);

// One `[...]` block: a code with an optional date restriction.
struct CodeBlock {
  std::string code;  // upper case; "---", "###", "+++" kept; agents keep `~`
  enum class When { kAlways, kBefore, kAfter, kBetween };
  When when = When::kAlways;
  std::string from;  // ISO dates (kAfter/kBetween: from; kBefore: to)
  std::string to;
};

// Parses every `[...]` block in `text` (comments already removed), with
// TABARI's YYMMDD dates (years < 30 are 20xx) or YYYYMMDD.  Returns the
// text before the first `[` in `*rest` (trimmed).  Errors: InvalidArgument
// (missing `]`, empty code, a bad date).
Status ParseCodeBlocks(std::string_view text, std::vector<CodeBlock>* blocks,
                       std::string* rest);

// Turns code blocks into an actor's dated roles and default code.
// TABARI ranges are inclusive; DatedCode ranges exclude `to`, so the day
// after is stored.
void BlocksToRoles(const std::vector<CodeBlock>& blocks,
                   std::vector<coding::DatedCode>* roles,
                   std::string* default_code);

// Trims blanks and tabs.
std::string_view Trim(std::string_view s);
std::string Upper(std::string_view s);

// An agent's code in both peers' files carries a '~' that says where the
// agent code goes: "~GOV" after the country code (RUSGOV), "REB~" before
// it.  Strips it from `code` and sets `code_first`; false when there is none.
bool StripAgentTilde(std::string* code, bool* code_first);

// An actor being assembled: phrases, then codes (possibly on later lines).
struct PendingActor {
  std::vector<std::pair<coding::Phrase, coding::SourceLocation>> phrases;
  std::vector<CodeBlock> blocks;
  coding::SourceLocation where;
};

// Appends the pending actor (if any) to `out` as a person whose code
// depends on the date, and clears it.  Errors: InvalidArgument naming its
// file:line when it has no [code].
Status FlushActor(PendingActor* pending, coding::DictionarySet* out);

}  // namespace trigon::dictformat::internal
