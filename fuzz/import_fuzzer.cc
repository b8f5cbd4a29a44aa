// Fuzzes the event-file importers: format detection, the CSV reader and
// each format's row parser.  The first input byte picks the format (0 =
// detect, 1..4 = gdelt1, gdelt2, icews, csv); the rest is the file.
//
// Invariants: Next() terminates; lines are strictly increasing; every event
// has a valid date, a Goldstein weight in [-10, 10] and an external id;
// every row error names "f:LINE:".

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "import/country_names.h"
#include "import/event_file_reader.h"
#include "import/icews_format.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using trigon::import::ImportFormat;
  trigon::fuzz::Input in(data, size);
  const uint8_t pick = in.Byte();
  const std::string_view bytes = in.Rest();
  static const trigon::import::CountryNames* const kNames = [] {
    auto names = trigon::import::CountryNames::Parse(
        "@actor USA  United States\nname en United States\n@actor RUS  Russia\n"
        "name en Russia\n@actor CHN  China\nname en China\n",
        "countries.txt");
    auto* n = new trigon::import::CountryNames(std::move(names).value());
    trigon::import::AddIcewsCountrySpellings(*n);
    return n;
  }();
  ImportFormat format = ImportFormat::kCsv;
  if (pick % 5 == 0) {
    auto detected = trigon::import::DetectImportFormat(bytes);
    if (!detected.ok()) return 0;
    format = *detected;
  } else {
    format = static_cast<ImportFormat>(pick % 5 - 1);
  }
  trigon::import::ImportOptions options;
  options.countries = kNames;
  auto reader = trigon::import::EventFileReader::Open(bytes, "f", format, options);
  if (!reader.ok()) return 0;
  uint64_t last_line = 0;
  while (auto row = (*reader)->Next()) {
    if (row->ok()) {
      const trigon::import::ImportedEvent& e = **row;
      TRIGON_FUZZ_CHECK(e.line > last_line);
      last_line = e.line;
      TRIGON_FUZZ_CHECK(e.event.date.has_value() && e.event.date->size() == 10);
      TRIGON_FUZZ_CHECK(std::isfinite(e.event.goldstein));
      TRIGON_FUZZ_CHECK(e.event.goldstein >= -10 && e.event.goldstein <= 10);
      TRIGON_FUZZ_CHECK(!e.external_id.empty());
    } else {
      TRIGON_FUZZ_CHECK(row->status().message().rfind("f:", 0) == 0);
    }
  }
  return 0;
}
