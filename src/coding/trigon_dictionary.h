#pragma once
// Reader for Trigon's own dictionary files (data/dict/*.txt; the format is
// described in docs/formats/dictionaries.md and summarised here).
//
//   @actor CODE  Display name          countries.txt, organizations.txt
//   name|adj|metonym|prefix|code LANG form | form -> CODE | =CaseSensitive
//   country CODE                       (organisations: home country)
//   @agent CODE  Display name          agents.txt
//   name LANG form | form
//   @person Display name               people.txt
//   name LANG form | form
//   role CODE FROM TO [description]    ISO dates or `-` (open)
//   default CODE
//   @event CODE  Display name          events.txt
//   flags symmetric reciprocal self    (all optional)
//   LANG pattern | pattern             `word*`, `…` gap, {S}, {T}
//   @modality negated|hypothetical|advocated|future|historical|report
//   LANG cue | cue                     modality.txt
//
// LANG is en, zh-Hans, zh-Hant or zh.  Lines starting with `#` and blank
// lines are ignored.  Errors are InvalidArgument "file:line: what: 'fragment'".

#include <string>
#include <string_view>

#include "base/result.h"
#include "base/status.h"
#include "coding/dictionary.h"

namespace trigon::coding {

// Parses one file's `contents` and appends its entries to `out`.
// `file_name` is used in error messages only.  On error `out` may hold the
// entries parsed before the bad line.
Status ParseTrigonDictionary(std::string_view contents,
                             std::string_view file_name, DictionarySet* out);

// Reads the Trigon dictionary files found in `dir` (countries.txt,
// organizations.txt, agents.txt, people.txt, events.txt, modality.txt;
// missing ones are skipped, but at least one must exist) and validates the
// result.  Errors: NotFound (no dictionary file in `dir`), IOError,
// InvalidArgument (parse errors, with file:line).
Result<DictionarySet> LoadTrigonDictionaries(const std::string& dir);

}  // namespace trigon::coding
