// Fuzzes ingest::ParseDateValue and ingest::FindDateInText.
//
// Layout: byte 0 picks up to 3 search spans from the next bytes (two
// little-endian uint16 each, any order and range: FindDateInText clips
// them); byte 1 narrows the year range; the rest is the value / text (made
// valid UTF-8 for FindDateInText, which REQUIRES it).
//
// Invariants: every returned date is a real calendar day inside the year
// range, its iso string matches its fields and its format is a documented
// name; a found date lies inside one (clipped) search span, on code point
// boundaries, and parsing its bytes as a value gives the same date.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "ingest/date_finder.h"

namespace {

bool KnownFormat(std::string_view f) {
  static constexpr std::string_view kNames[] = {"ISO-8601",
                                                "YYYY/MM/DD",
                                                "YYYY\xE5\xB9\xB4MM\xE6\x9C\x88"
                                                "DD\xE6\x97\xA5",
                                                "MM/DD/YYYY",
                                                "DD/MM/YYYY",
                                                "Month D, YYYY",
                                                "D Month YYYY",
                                                "RFC-2822",
                                                "YYYYMMDD"};
  return std::find(std::begin(kNames), std::end(kNames), f) != std::end(kNames);
}

void CheckDate(const trigon::ingest::ParsedDate& d, int min_year,
               int max_year) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  TRIGON_FUZZ_CHECK(d.year >= min_year && d.year <= max_year);
  TRIGON_FUZZ_CHECK(d.month >= 1 && d.month <= 12);
  TRIGON_FUZZ_CHECK(d.day >= 1 && d.day <= kDays[d.month - 1]);
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  if (d.month == 2 && !leap) TRIGON_FUZZ_CHECK(d.day <= 28);
  char iso[16];
  std::snprintf(iso, sizeof(iso), "%04d-%02d-%02d", d.year, d.month, d.day);
  TRIGON_FUZZ_CHECK(d.iso == iso);
  TRIGON_FUZZ_CHECK(KnownFormat(d.format));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using trigon::model::Span;
  trigon::fuzz::Input in(data, size);
  const int nspans = in.Byte() % 4;
  std::vector<Span> spans;
  for (int i = 0; i < nspans; ++i) {
    const uint16_t a = in.U16();
    const uint16_t b = in.U16();
    spans.push_back({a, b});
  }
  const uint8_t year_byte = in.Byte();
  const std::string_view rest = in.Rest();

  // Values: any bytes.
  if (auto d = trigon::ingest::ParseDateValue(rest)) CheckDate(*d, 1900, 2100);

  const std::string text = trigon::fuzz::MakeValidUtf8(rest);
  if (spans.empty()) spans.push_back({0, static_cast<uint32_t>(text.size())});
  trigon::ingest::DateSearchOptions options;
  if (year_byte & 1) {
    options.min_year = 1900 + (year_byte >> 1);  // narrower range
  }
  const auto found = trigon::ingest::FindDateInText(text, spans, options);
  if (!found) return 0;
  CheckDate(found->date, options.min_year, options.max_year);
  const Span s = found->span;
  TRIGON_FUZZ_CHECK(s.begin < s.end && s.end <= text.size());
  TRIGON_FUZZ_CHECK(trigon::fuzz::OnBoundary(text, s.begin));
  TRIGON_FUZZ_CHECK(trigon::fuzz::OnBoundary(text, s.end));
  bool inside = false;
  for (const Span& sp : spans) {
    inside |= s.begin >= sp.begin && s.end <= sp.end;
  }
  TRIGON_FUZZ_CHECK(inside);
  // The matched bytes, read as a metadata value, are the same date.
  const auto again = trigon::ingest::ParseDateValue(
      std::string_view(text).substr(s.begin, s.size()));
  TRIGON_FUZZ_CHECK(again.has_value());
  TRIGON_FUZZ_CHECK(again->iso == found->date.iso);
  return 0;
}
