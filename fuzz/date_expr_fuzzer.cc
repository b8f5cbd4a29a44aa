// Fuzzes the coder's date expressions (coding::internal::FindDates, with
// ParseIsoDate / FormatDate), which read free sentence text.
//
// Layout: byte 0: bit 0 = a document date is given, bit 1 = forward
// (future-tense) resolution; bytes 1-4 build the document date (a valid
// day); bytes 5-14 are also tried as an ISO date; the rest (from byte 5)
// is the sentence, made valid UTF-8.
//
// Invariants: ParseIsoDate accepts only real days and FormatDate gives the
// same string back; mentions are non-empty, inside the text and on code
// point boundaries; resolved dates are real (partial) dates whose last day
// is not before their first.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coding/date_expr.h"
#include "fuzz_util.h"

namespace {

using trigon::coding::internal::CivilDate;

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

void CheckCivil(const CivilDate& d) {
  TRIGON_FUZZ_CHECK(d.month >= 0 && d.month <= 12);
  if (d.month == 0) {
    TRIGON_FUZZ_CHECK(d.day == 0);
  } else {
    TRIGON_FUZZ_CHECK(d.day >= 0 && d.day <= DaysIn(d.year, d.month));
  }
  using trigon::coding::internal::DaysFromCivil;
  using trigon::coding::internal::LastDay;
  const int64_t first =
      DaysFromCivil(d.year, d.month == 0 ? 1 : d.month, d.day == 0 ? 1 : d.day);
  TRIGON_FUZZ_CHECK(LastDay(d) >= first);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace di = trigon::coding::internal;
  trigon::fuzz::Input in(data, size);
  const uint8_t flags = in.Byte();
  const uint16_t y = in.U16();
  const uint8_t m = in.Byte();
  const uint8_t dd = in.Byte();
  const std::string_view rest = in.Rest();

  CivilDate parsed;
  if (di::ParseIsoDate(rest.substr(0, 10), &parsed)) {
    TRIGON_FUZZ_CHECK(parsed.month >= 1 && parsed.day >= 1);
    CheckCivil(parsed);
    TRIGON_FUZZ_CHECK(di::FormatDate(parsed) == rest.substr(0, 10));
  }

  std::optional<CivilDate> doc_date;
  if (flags & 1) {
    CivilDate d;
    d.year = 1900 + y % 300;
    d.month = 1 + m % 12;
    d.day = 1 + dd % DaysIn(d.year, d.month);
    doc_date = d;
  }
  const std::string text = trigon::fuzz::MakeValidUtf8(rest);
  std::vector<di::DateMention> mentions;
  di::FindDates(text, doc_date, &mentions, (flags & 2) != 0);
  for (const auto& mention : mentions) {
    TRIGON_FUZZ_CHECK(mention.begin < mention.end);
    TRIGON_FUZZ_CHECK(mention.end <= text.size());
    TRIGON_FUZZ_CHECK(trigon::fuzz::OnBoundary(text, mention.begin));
    TRIGON_FUZZ_CHECK(trigon::fuzz::OnBoundary(text, mention.end));
    if (mention.date) CheckCivil(*mention.date);
  }
  return 0;
}
