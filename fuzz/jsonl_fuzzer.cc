// Fuzzes ingest::ReadJsonLines.  The first input byte picks a line limit
// (0 = default 64 MiB, else 1..255 bytes) so the ResourceExhausted path is
// exercised too; the rest is the file.
//
// Invariants: one call per non-blank line, in order; each line's offset
// and length lie inside the input and end at a line terminator (or the end
// of input); lines over the limit are ResourceExhausted; good records have
// non-empty, valid UTF-8 text and valid UTF-8 fields; errors name
// "PATH:LINE".

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "ingest/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using trigon::fuzz::IsValidUtf8;
  trigon::fuzz::Input in(data, size);
  trigon::ingest::JsonLinesOptions options;
  if (const uint8_t limit = in.Byte(); limit != 0) {
    options.max_line_bytes = limit;
  }
  const std::string_view bytes = in.Rest();

  uint64_t last_line = 0;
  uint64_t next_offset = 0;
  trigon::ingest::ReadJsonLines(
      bytes, "f.jsonl",
      [&](trigon::ingest::JsonLineRecord r) {
        TRIGON_FUZZ_CHECK(r.line > last_line);
        TRIGON_FUZZ_CHECK(r.offset >= next_offset);
        TRIGON_FUZZ_CHECK(r.offset <= bytes.size());
        TRIGON_FUZZ_CHECK(r.length <= bytes.size() - r.offset);
        const std::string_view line = bytes.substr(r.offset, r.length);
        TRIGON_FUZZ_CHECK(line.find('\n') == std::string_view::npos);
        const uint64_t end = r.offset + r.length;
        TRIGON_FUZZ_CHECK(end == bytes.size() || bytes[end] == '\n' ||
                          (bytes[end] == '\r' && (end + 1 == bytes.size() ||
                                                  bytes[end + 1] == '\n')));
        // Line numbers count every line, blank ones included.
        TRIGON_FUZZ_CHECK(
            r.offset == 0 || bytes[r.offset - 1] == '\n' ||
            (r.offset == 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF"));
        last_line = r.line;
        next_offset = end;
        if (r.length > options.max_line_bytes) {
          TRIGON_FUZZ_CHECK(!r.record.ok());
          TRIGON_FUZZ_CHECK(r.record.status().code() ==
                            trigon::StatusCode::kResourceExhausted);
        }
        if (!r.record.ok()) {
          const std::string prefix = "f.jsonl:" + std::to_string(r.line);
          TRIGON_FUZZ_CHECK(r.record.status().message().find(prefix) !=
                            std::string::npos);
          return;
        }
        const trigon::ingest::RawRecord& rec = *r.record;
        TRIGON_FUZZ_CHECK(!rec.text.empty());
        for (const std::string* s : {&rec.id, &rec.url, &rec.date, &rec.title,
                                     &rec.text, &rec.lang, &rec.source}) {
          TRIGON_FUZZ_CHECK(IsValidUtf8(*s));
        }
      },
      options);
  return 0;
}
