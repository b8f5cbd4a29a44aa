#pragma once
// The ingest entry point: one input file -> a stream of Result<Document>.
//
// Formats:
//   html   extension .html / .htm / .xhtml, or (any other extension except
//          JSON Lines) decoded content that starts with "<!doctype html" or
//          "<html" (any case, after whitespace, "<?xml ...?>" and comments)
//   jsonl  extension .jsonl / .ndjson: one Document per non-blank line
//   text   everything else
// Extensions are compared case-insensitively.
//
// Per format, the Document fields filled are:
//   all    source_path, format ("text", "html", "jsonl"), encoding,
//          source_bytes, text, source_map
//   text   front matter (see front_matter.h) -> title, url, source,
//          declared_lang, date; its bytes are a RemovedSpan kFrontMatter
//          (the text itself is never edited)
//   html   raw (the page as UTF-8: the file bytes unless they were
//          transcoded; source_map offsets always refer to the file bytes),
//          title, url (canonical), declared_lang (<html lang>), date, and
//          removed (boilerplate and markup, see html_extract.h)
//   jsonl  source_path "PATH:LINE", external_id, url, title, source,
//          declared_lang, date; source_bytes is the line's length and
//          source_map one inexact piece: the whole text -> the line's bytes
// date is taken from metadata only (front matter, meta tags, the JSON
// "date" field), parsed with ParseDateValue; date_basis is "front_matter",
// "html_meta:NAME" (NAME as in HtmlDate::name) or "jsonl", and date_text the
// value as written.  An unparseable date leaves all three empty.  The
// pipeline looks for dates in the text after cleanup, and computes id,
// paragraphs and sentences; the reader leaves them empty.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "model/document.h"

namespace trigon::ingest {

enum class InputFormat { kText, kHtml, kJsonLines };

// "text", "html", "jsonl".
const char* InputFormatName(InputFormat format);

struct ReaderOptions {
  // Larger files are refused with ResourceExhausted.  Default 256 MiB.
  uint64_t max_file_bytes = 256ull << 20;
  // Longer JSON Lines lines are refused (per line) with ResourceExhausted.
  // Default 64 MiB.
  uint64_t max_json_line_bytes = 64ull << 20;
};

// The format of a file, from its path's extension and, failing that, from
// `content` (decoded text, or raw bytes starting with ASCII).
InputFormat DetectFormat(std::string_view path, std::string_view content);

// Reads `path` and calls `sink` once per document (once for a text or HTML
// file, once per non-blank line for JSON Lines), or once with an error.
// Errors name the path (and "PATH:LINE" for JSON Lines):
//   NotFound / IOError       missing, unreadable, or a directory
//   ResourceExhausted        over max_file_bytes (or a JSON line over its
//   limit) InvalidArgument          empty file, binary content, undecodable
//   bytes,
//                            an HTML page with no visible text, a bad JSON
//                            line, a JSON Lines file with no records
// `sink` is called inline, in order.  Thread-compatible: concurrent calls on
// different files are safe.
void ReadInputFile(const std::string& path, const ReaderOptions& options,
                   const std::function<void(Result<model::Document>)>& sink);

// As ReadInputFile, for bytes already in memory; `path` names them (it
// decides the format by extension and fills source_path).  Does not check
// max_file_bytes.
void ReadInputBytes(std::string_view bytes, const std::string& path,
                    const ReaderOptions& options,
                    const std::function<void(Result<model::Document>)>& sink);

}  // namespace trigon::ingest
