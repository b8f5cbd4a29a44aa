// Fuzzes ingest::ExtractHtml (gumbo tree walk, boilerplate classification,
// source map).  Input bytes are made valid UTF-8 first (ExtractHtml
// REQUIRES it).
//
// Invariants: text is valid UTF-8; the source map is in text order, inside
// the text and the HTML (source order may differ: foster parenting), and its
// exact pieces are byte copies of the HTML; removed spans are sorted, inside
// the text and disjoint; the title is trimmed with whitespace collapsed; date
// names are lowercase.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "ingest/html_extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string html =
      trigon::fuzz::MakeValidUtf8(trigon::fuzz::AsView(data, size));
  if (trigon::fuzz::kSkipGumboIssue356 &&
      trigon::fuzz::HasHugeNumericCharRef(html)) {
    return -1;  // known open bug, see fuzz_util.h
  }
  auto result = trigon::ingest::ExtractHtml(html);
  TRIGON_FUZZ_CHECK(result.ok());  // only >= 4 GiB input may fail
  const trigon::ingest::HtmlExtract& x = *result;
  const std::string_view source = html;
  TRIGON_FUZZ_CHECK(trigon::fuzz::IsValidUtf8(x.text));
  TRIGON_FUZZ_CHECK(trigon::fuzz::IsValidUtf8(x.title));
  TRIGON_FUZZ_CHECK(trigon::fuzz::IsValidUtf8(x.canonical_url));
  TRIGON_FUZZ_CHECK(trigon::fuzz::IsValidUtf8(x.lang));
  trigon::fuzz::CheckSourceMap(x.source_map, x.text, html.size(), &source,
                               /*tiles=*/false, /*monotone=*/false);
  trigon::fuzz::CheckSortedDisjoint(
      x.removed, x.text.size(),
      [](const trigon::model::RemovedSpan& r) { return r.span; });
  for (const auto& r : x.removed) {
    TRIGON_FUZZ_CHECK(!r.detail.empty());
    TRIGON_FUZZ_CHECK(trigon::fuzz::IsValidUtf8(r.detail));
  }
  if (!x.title.empty()) {
    TRIGON_FUZZ_CHECK(!trigon::fuzz::IsAsciiSpace(x.title.front()));
    TRIGON_FUZZ_CHECK(!trigon::fuzz::IsAsciiSpace(x.title.back()));
    TRIGON_FUZZ_CHECK(x.title.find("  ") == std::string::npos);
  }
  for (const auto& d : x.dates) {
    TRIGON_FUZZ_CHECK(!d.name.empty());
    TRIGON_FUZZ_CHECK(trigon::fuzz::IsValidUtf8(d.value));
    for (unsigned char c : d.name) TRIGON_FUZZ_CHECK(!(c >= 'A' && c <= 'Z'));
  }
  return 0;
}
