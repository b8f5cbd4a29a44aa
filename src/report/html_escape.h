#pragma once
// The one escaping function of the report.  Everything that reaches the
// page from the news or the database (titles, sentences, codes, paths,
// URLs, actor names) goes through EscapeHtml before it is written, in text
// content, in attribute values (always double-quoted) and inside SVG
// <title> elements alike.  Links are written only for http(s) URLs.
//
// Thread-safety: pure functions.

#include <string>
#include <string_view>

namespace trigon::report {

// Replaces & < > " ' = with character references, so the result is inert
// in HTML/SVG text and in a double- or single-quoted attribute value ('='
// too, so that not even an inert "onclick=" is left for a reader to
// worry about).  Other
// bytes pass through unchanged (the store holds valid UTF-8).  NUL and
// other C0 controls except tab/newline become U+FFFD, which HTML forbids
// anyway.
std::string EscapeHtml(std::string_view text);

// `url` if it is an absolute http:// or https:// URL (scheme
// case-insensitive) without control characters, spaces, quotes, < > ` or
// backslashes; "" otherwise
// (javascript:, data:, relative paths...).  The result still needs
// EscapeHtml before it goes into an href.
std::string SafeHttpUrl(std::string_view url);

}  // namespace trigon::report
