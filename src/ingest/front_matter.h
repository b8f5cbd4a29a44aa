#pragma once
// An optional metadata header at the very start of a text file.
//
// Two forms are recognised:
//
//   title: Why "reverse Nixon" fails        ---
//   date: 2025-03-17                        title: Why "reverse Nixon" fails
//   source: Example Blog                    date: 2025-03-17
//                                           ---
//   Body text...                            Body text...
//
// Plain form: the first line must be `key: value` with one of the five
// known keys (title, date, url, source, lang; case-insensitive).  Every
// following line up to the first blank line (or the end of the text) must
// also be `key: value`, with any key; otherwise there is no front matter.
// So a text that opens with "Date/Riqi: 10/29/2025" or "Washington: ..."
// keeps that line as body text.
// Fenced form: a first line of exactly "---" (trailing spaces allowed), then
// `key: value` lines (any keys), blank lines, "#" comments, indented or
// "- " lines (YAML continuations and lists, skipped), closed by "---" or
// "..." .  Anything else, or no closing fence, means no front matter.
//
// A key is ASCII: a letter, then letters, digits, '_', '-' or '.'; it is
// stored lowercased.  The value is the rest of the line after the first
// ':', trimmed, with one pair of enclosing '"' or '\'' removed.  Lines may
// end in "\n" or "\r\n".

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace trigon::ingest {

struct FrontMatterField {
  std::string key;    // lowercased
  std::string value;  // trimmed, unquoted
};

struct FrontMatter {
  std::vector<FrontMatterField> fields;  // in file order, duplicates kept
  // Bytes [0, span.end) of the text: the header lines, fences, and the one
  // blank line that ends the header (if any).  The caller records it as a
  // RemovedSpan with reason kFrontMatter.
  model::Span span;
  bool fenced = false;

  // Value of the first field named `key` (lowercase), or "" if none.
  std::string_view Get(std::string_view key) const;
};

// Parses the front matter at the start of `text` (valid UTF-8, BOM already
// removed), or returns nullopt if there is none.  Never fails otherwise.
std::optional<FrontMatter> ParseFrontMatter(std::string_view text);

}  // namespace trigon::ingest
