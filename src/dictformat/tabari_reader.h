#pragma once
// Reader for TABARI's dictionaries (the TABARI manual, chapter 5; summary in
// docs/formats/dictionaries.md, "Peer formats").
//
//   .actors   PHRASE [CODE] ; comment          ARNOR [ARN]
//             PHRASE ; then +SYNONYM lines and indented [CODE date] lines
//             [CODE <YYMMDD] [CODE >YYMMDD] [CODE YYMMDD-YYMMDD] [A/B/C]
//             <NOUN>...</NOUN>, <ADJECTIVE>...</ADJECTIVE>
//   .agents   PHRASE [~CODE] or [CODE~]
//   .verbs    <SYNSETS> &NAME +member ... </SYNSETS>, <TIME>...</TIME>
//             ROOT [CODE], then { FORM FORM } and - PATTERN [CODE] lines
//
// Special codes are kept: `---` null, `###` discard, `+++` complex,
// `A:B` paired.  Lines starting with `#` or `/` are comments, `;` starts a
// comment, `~~FINISH` ends the file.  Errors are InvalidArgument
// "file:line: what".

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/status.h"
#include "coding/dictionary.h"

namespace trigon::dictformat {

// Each parses one file's `contents` and appends to `out`; `file_name` is
// for messages only.
Status ParseTabariActors(std::string_view contents, std::string_view file_name,
                         coding::DictionarySet* out);
Status ParseTabariAgents(std::string_view contents, std::string_view file_name,
                         coding::DictionarySet* out);
// With `skipped`, a malformed verb or pattern line (the shipped CAMEO
// master verbs have a few typos) is left out and its "file:line: what"
// appended there, as TABARI offers to do; without, it is an error.
Status ParseTabariVerbs(std::string_view contents, std::string_view file_name,
                        coding::DictionarySet* out,
                        std::vector<std::string>* skipped = nullptr);

// Which files to read; empty fields are skipped.
struct PeerDictionaryFiles {
  std::string verbs;
  std::vector<std::string> actors;
  std::string agents;
  std::string discards;  // PETRARCH only
};

// Reads and validates the TABARI files.  Errors: NotFound / IOError naming
// the file, InvalidArgument with file:line.  `skipped` as ParseTabariVerbs.
Result<coding::DictionarySet> LoadTabariDictionaries(const PeerDictionaryFiles& files,
                                                     std::vector<std::string>* skipped = nullptr);

// The files a TABARI .project names (<actorsfile>, <verbsfile>,
// <agentsfile>, <optionsfile>), resolved beside the project file.
struct TabariProject {
  PeerDictionaryFiles dictionaries;
  std::string options;  // "" if none
};
Result<TabariProject> ReadTabariProject(const std::string& path);

}  // namespace trigon::dictformat
