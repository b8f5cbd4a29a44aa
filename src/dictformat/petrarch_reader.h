#pragma once
// Reader for PETRARCH-2's dictionaries (petrarch2/docs/dictionaries.rst;
// summary in docs/formats/dictionaries.md, "Peer formats").
//
//   actors    as TABARI's (+synonyms, indented [CODE date] lines), with `#`
//             comments and YYYYMMDD or YYMMDD dates
//   agents    !NAME! = A, B        substitution lists
//             PHRASE {PLURALS} [~CODE] or [CODE~]
//   verbs     &SYNSET +member ...; --- NAME [CODE] --- blocks of verbs
//             (WORD {FORMS}, +marks the verb word of a compound,
//             WORD [CODE] overrides the block's code) and - PATTERN [CODE]
//   discards  PHRASE (sentence) or +PHRASE (the whole story)
//
// `<!-- ... -->` and `#` start comments.  PETRARCH does not stem: words
// match whole (a final word may take a regular ending), and the words of a
// phrase are consecutive.  Errors are InvalidArgument "file:line: what".

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/status.h"
#include "coding/dictionary.h"
#include "dictformat/tabari_reader.h"

namespace trigon::dictformat {

// `skipped` as ParsePetrarchVerbs (Phoenix's actor files have a few bad
// date restrictions).
Status ParsePetrarchActors(std::string_view contents, std::string_view file_name,
                           coding::DictionarySet* out,
                           std::vector<std::string>* skipped = nullptr);
Status ParsePetrarchAgents(std::string_view contents, std::string_view file_name,
                           coding::DictionarySet* out,
                           std::vector<std::string>* skipped = nullptr);
// `skipped` as ParseTabariVerbs.  PETRARCH-2's parse-tree syntax in
// patterns ("* (FOR {FINANCIAL AID})") is flattened to words in order;
// its transformation lines ("~ a (a b ATTACK) SAY = a b 015") are skipped.
Status ParsePetrarchVerbs(std::string_view contents, std::string_view file_name,
                          coding::DictionarySet* out,
                          std::vector<std::string>* skipped = nullptr);
Status ParsePetrarchDiscards(std::string_view contents, std::string_view file_name,
                             coding::DictionarySet* out);

// Reads and validates the PETRARCH-2 files.  Errors as LoadTabariDictionaries.
Result<coding::DictionarySet> LoadPetrarchDictionaries(
    const PeerDictionaryFiles& files, std::vector<std::string>* skipped = nullptr);

}  // namespace trigon::dictformat
