// Fuzzes ingest::ReadInputBytes, the ingest entry point (format detection,
// decoding, front matter / HTML / JSON Lines, metadata dates), then runs
// ingest::CleanDocument on each document as the pipeline does.
//
// Layout: byte 0 picks the file name (.txt, .html, .jsonl, no extension:
// detected from content); the rest is the file.
//
// Invariants: at least one sink call; errors name the path; documents have
// valid UTF-8 text, the right format, source_path and source_bytes; their
// source map stays inside the file and exact pieces are byte copies of it;
// removed spans are sorted, inside the text and disjoint (also after
// cleanup); a date is "YYYY-MM-DD" with a basis and the text it came from.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "ingest/cleanup.h"
#include "ingest/reader.h"

namespace {

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using trigon::model::Document;
  using trigon::model::RemovedSpan;
  static const std::string kPaths[] = {"in.txt", "in.html", "in.jsonl", "in"};
  trigon::fuzz::Input in(data, size);
  const std::string& path = kPaths[in.Byte() & 3];
  const std::string_view bytes = in.Rest();
  const bool jsonl = path == "in.jsonl";
  // Known open bug in the HTML path (fuzz_util.h); the check is on the
  // raw bytes, so a UTF-16 page can still slip through (rare).
  if (trigon::fuzz::kSkipGumboIssue356 && !jsonl &&
      trigon::fuzz::HasHugeNumericCharRef(bytes)) {
    return -1;
  }

  int calls = 0;
  trigon::ingest::ReadInputBytes(
      bytes, path, trigon::ingest::ReaderOptions{},
      [&](trigon::Result<Document> r) {
        ++calls;
        if (!r.ok()) {
          TRIGON_FUZZ_CHECK(r.status().message().find(path) !=
                            std::string::npos);
          return;
        }
        Document& doc = *r;
        TRIGON_FUZZ_CHECK(trigon::fuzz::IsValidUtf8(doc.text));
        TRIGON_FUZZ_CHECK(!doc.encoding.empty());
        if (jsonl) {
          TRIGON_FUZZ_CHECK(doc.format == "jsonl");
          TRIGON_FUZZ_CHECK(doc.source_path.rfind(path + ":", 0) == 0);
          TRIGON_FUZZ_CHECK(doc.source_bytes <= bytes.size());
          TRIGON_FUZZ_CHECK(!doc.text.empty());
        } else {
          TRIGON_FUZZ_CHECK(doc.format == "text" || doc.format == "html");
          // .txt and no extension: "html" when the content looks like it.
          if (path == "in.html") TRIGON_FUZZ_CHECK(doc.format == "html");
          TRIGON_FUZZ_CHECK(doc.source_path == path);
          TRIGON_FUZZ_CHECK(doc.source_bytes == bytes.size());
        }
        if (doc.format == "html") {
          TRIGON_FUZZ_CHECK(!doc.text.empty());
          TRIGON_FUZZ_CHECK(trigon::fuzz::IsValidUtf8(doc.raw));
        }
        trigon::fuzz::CheckSourceMap(doc.source_map, doc.text, bytes.size(),
                                     &bytes, /*tiles=*/doc.format == "text",
                                     /*monotone=*/doc.format != "html");
        if (doc.source_map.empty()) TRIGON_FUZZ_CHECK(doc.text == bytes);
        const auto span_of = [](const RemovedSpan& s) { return s.span; };
        trigon::fuzz::CheckSortedDisjoint(doc.removed, doc.text.size(),
                                          span_of);
        if (doc.date) {
          TRIGON_FUZZ_CHECK(IsIsoDate(*doc.date));
          TRIGON_FUZZ_CHECK(!doc.date_basis.empty());
          TRIGON_FUZZ_CHECK(!doc.date_text.empty());
        } else {
          TRIGON_FUZZ_CHECK(doc.date_basis.empty());
        }

        const std::string text = doc.text;
        (void)trigon::ingest::CleanDocument(doc);
        TRIGON_FUZZ_CHECK(doc.text == text);
        trigon::fuzz::CheckSortedDisjoint(doc.removed, doc.text.size(),
                                          span_of);
        trigon::fuzz::CheckSortedDisjoint(
            doc.paragraphs, doc.text.size(),
            [](const trigon::model::Paragraph& p) { return p.span; });
      });
  TRIGON_FUZZ_CHECK(calls >= 1);
  return 0;
}
