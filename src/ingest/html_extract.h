#pragma once
// Visible text, metadata and boilerplate spans from an HTML page (gumbo).
//
// Text.  The visible text of <body>, in document order.  Block-level
// elements (p, div, h1-h6, li, blockquote, figcaption, article, section,
// table rows, ...) are separated by "\n\n", table cells by "\n", and <br>
// adds one "\n" (two in a row make a paragraph break).  Runs of ASCII
// whitespace inside inline text collapse to one space; <pre>, <textarea>
// and <listing> keep theirs.  Entities are decoded (by gumbo); U+00A0 is
// kept as is.  Nothing in <head> is text, and neither is the content of
// script, style, noscript, template, svg, iframe, noembed and noframes:
// each such element gets one RemovedSpan (kMarkup) with an empty span at
// the current text position and a detail such as "<script> bytes 120..480".
//
// Source map.  One piece per run of text copied unchanged (exact, runs
// merge across single spaces), one inexact piece per decoded entity
// ("&amp;" -> "&"), and an inexact piece for any part of a text node that
// cannot be aligned with its source.  Separators the extractor inserts
// ("\n\n", a space that stood for a newline) are not mapped.  Offsets are
// bytes of the HTML given to ExtractHtml.
//
// Metadata.  title: <title>, else og:title.  canonical_url: <link
// rel=canonical>, else og:url.  lang: <html lang>.  dates: meta tags
// (name=, property= or itemprop=) article:published_time,
// og:published_time, datePublished, pubdate, publishdate, publish-date,
// publish_date, DC.date.issued, dcterms.issued, date, parsely-pub-date,
// sailthru.date -- in that order of preference, then <time datetime>
// elements inside the main content (and not in boilerplate), in document
// order.  Values are as written (parse them with ParseDateValue).  JSON-LD
// is not read.
//
// Boilerplate.  Nothing is dropped: boilerplate stays in `text` and is
// listed in `removed` (spans do not overlap; the innermost classified
// element wins):
//   <nav>, <footer>, <form>, page <header> (one not inside an <article> or
//     the main content), <aside>                 -> kNavigation
//   <figcaption>                                 -> kCaption
//   class or id words (split at non-letters and camelCase, any case):
//     comment(s), disqus                         -> kCommentSection
//     related, recommend(ed|ation|ations), outbrain, taboola
//                                                -> kRecommendations
//     ad(s), advert(s), advertisement, advertising, sponsor(ed),
//       adsbygoogle                              -> kAdPlaceholder
//     nav, navbar, navigation, menu, menubar, breadcrumb(s), footer,
//       share, sharing, social, newsletter, subscribe, subscription,
//       cookie(s), consent, sidebar              -> kNavigation
//   (for <aside>, class words decide first).  The detail names the element:
//   `<aside class="related">`.
// <html>, <body>, <main>, the main content element and its ancestors are
// never classified, so a wrapper with class "post-with-comments" cannot
// swallow the article.
//
// Main content.  The <article> with the most <p> text, provided it has at
// least half as much as the best paragraph container; otherwise the best
// paragraph container: the element whose <p> children (full weight) and
// grandchildren (half weight) hold the most text.  If that element has no
// <h1> but one sits close above it -- their nearest common ancestor is at
// most 3 levels up and is not <body> -- the main content grows to that
// ancestor, so the headline and dateline above the text stay in.  With no
// <p> and no <article>, the whole body is the main content.  Text outside
// the main content not otherwise classified is listed as kNavigation with
// detail "outside main content".
//
// Limits.  The tree is walked with explicit stacks (no recursion), and
// gumbo's memory is released from an arena rather than by gumbo's own
// recursive destructor, so deep nesting cannot overflow the C++ stack.
// gumbo's tree builder is quadratic in nesting depth (10,000 levels take
// about 0.2 s, 100,000 about 30 s); bound input size upstream.

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "model/document.h"

namespace trigon::ingest {

struct HtmlDate {
  std::string name;   // lowercased meta name ("article:published_time"), or
                      // "time" for a <time datetime> element
  std::string value;  // the attribute value as written
};

struct HtmlExtract {
  std::string text;                            // valid UTF-8
  std::vector<model::SourcePiece> source_map;  // text -> HTML byte offsets
  std::string title;            // whitespace-collapsed, trimmed; may be empty
  std::string canonical_url;    // may be empty
  std::string lang;             // <html lang>, as written; may be empty
  std::vector<HtmlDate> dates;  // candidates, most trusted first
  std::vector<model::RemovedSpan> removed;  // sorted by span.begin
};

// Parses `html_utf8` and extracts as described above.  Malformed HTML is
// repaired the way browsers do (HTML5 parsing), never an error.
// Errors: ResourceExhausted if the input is 4 GiB or more.
// REQUIRES: `html_utf8` is valid UTF-8 (decode it with DecodeToUtf8 first).
// Thread-safe.
Result<HtmlExtract> ExtractHtml(std::string_view html_utf8);

}  // namespace trigon::ingest
