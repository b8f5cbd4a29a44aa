// Date expressions: a hand-written scanner (no regex) over the normalised
// sentence.  Chinese forms are anchored on 年/月/日/号 after ASCII digits
// (NFKC has already turned full-width digits into ASCII); English forms on
// month and weekday names at word boundaries.  Days are counted with
// H. Hinnant's days_from_civil algorithm ("chrono-Compatible Low-Level Date
// Algorithms").

#include "coding/date_expr.h"

#include <algorithm>
#include <array>

namespace trigon::coding::internal {
namespace {

constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2200;
constexpr int kDaysPerWeek = 7;
constexpr int kFutureSlackDays = 7;

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 12> kMonthAbbrev = {
    "jan.", "feb.", "mar.",  "apr.", "may",  "jun.",
    "jul.", "aug.", "sept.", "oct.", "nov.", "dec."};
// Monday = 0.
constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday",  "wednesday", "thursday",
    "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 7> kZhWeekdays = {"一", "二", "三", "四",
                                                         "五", "六", "日"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int DaysInMonth(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30,
                                                31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m),
          static_cast<int>(d)};
}

// Weekday of a day count, Monday = 0 (1970-01-01 was a Thursday).
int WeekdayOf(int64_t days) {
  return static_cast<int>(((days % kDaysPerWeek) + kDaysPerWeek + 3) %
                          kDaysPerWeek);
}

bool Valid(const CivilDate& d) {
  if (d.year < kMinYear || d.year > kMaxYear) return false;
  if (d.month == 0) return d.day == 0;
  if (d.month < 1 || d.month > 12) return false;
  return d.day == 0 || (d.day >= 1 && d.day <= DaysInMonth(d.year, d.month));
}

// Reads 1..max_digits ASCII digits at `pos` (not preceded by a digit).
bool ReadNumber(std::string_view s, size_t pos, size_t max_digits, int* value,
                size_t* end) {
  if (pos > 0 && IsDigit(s[pos - 1])) return false;
  size_t i = pos;
  int v = 0;
  while (i < s.size() && IsDigit(s[i]) && i - pos < max_digits) {
    v = v * 10 + (s[i] - '0');
    ++i;
  }
  if (i == pos || (i < s.size() && IsDigit(s[i]))) return false;
  *value = v;
  *end = i;
  return true;
}

bool WordAt(std::string_view s, size_t pos, std::string_view word) {
  if (s.substr(pos, word.size()) != word) return false;
  if (pos > 0 && IsAlpha(s[pos - 1])) return false;
  const size_t end = pos + word.size();
  return end >= s.size() || !IsAlpha(s[end]) || word.back() == '.';
}

struct EnglishRelative {
  std::string_view word;
  int64_t offset;
};
constexpr std::array<EnglishRelative, 6> kEnglishRelative = {
    {{"yesterday", -1},
     {"today", 0},
     {"last week", -kDaysPerWeek},
     {"overnight", -1},
     {"tomorrow", 1},
     {"next week", kDaysPerWeek}}};
// The words Scanner::English looks for besides months, weekdays and
// kEnglishRelative.
constexpr std::array<std::string_view, 5> kEnglishOther = {
    "last month", "next month", "next year", "last year", "in "};

// Whether the word at `pos` can be one that Scanner::English recognises:
// its first two bytes begin one of them.  Most words of a sentence fail
// this one table lookup and skip the ~40 comparisons.
bool MayStartEnglishDateWord(std::string_view s, size_t pos) {
  using Table = std::array<std::array<bool, 128>, 128>;
  static const Table kHeads = [] {
    Table t{};
    auto add = [&t](std::string_view w) { t[w[0] & 0x7F][w[1] & 0x7F] = true; };
    for (std::string_view w : kMonths) add(w);
    for (std::string_view w : kMonthAbbrev) add(w);
    for (std::string_view w : kWeekdays) add(w);
    for (const EnglishRelative& r : kEnglishRelative) add(r.word);
    for (std::string_view w : kEnglishOther) add(w);
    return t;
  }();
  if (pos + 1 >= s.size()) return false;  // every word has two bytes or more
  const auto a = static_cast<unsigned char>(s[pos]);
  const auto b = static_cast<unsigned char>(s[pos + 1]);
  return a < 0x80 && b < 0x80 && kHeads[a][b];
}

class Scanner {
 public:
  Scanner(std::string_view s, const std::optional<CivilDate>& doc,
          std::vector<DateMention>* out, bool forward)
      : s_(s), doc_(doc), forward_(forward), out_(out) {
    if (doc_) doc_days_ = DaysFromCivil(doc_->year, doc_->month, doc_->day);
  }

  void Run() {
    size_t pos = 0;
    while (pos < s_.size()) {
      size_t next = pos + 1;
      if (IsDigit(s_[pos])) {
        next = Numeric(pos);
      } else if (IsAlpha(s_[pos]) && (pos == 0 || !IsAlpha(s_[pos - 1]))) {
        next = English(pos);
      } else if (static_cast<unsigned char>(s_[pos]) >= 0x80) {
        next = ChineseWord(pos);
      }
      pos = next > pos ? next : pos + 1;
    }
  }

 private:
  void Emit(size_t b, size_t e, std::optional<CivilDate> d) {
    if (d && !Valid(*d)) return;
    out_->push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), d});
  }
  void EmitDays(size_t b, size_t e, int64_t offset) {
    if (!doc_) {
      Emit(b, e, std::nullopt);
      return;
    }
    Emit(b, e, CivilFromDays(doc_days_ + offset));
  }
  // Month and day without a year.
  void EmitMonthDay(size_t b, size_t e, int month, int day) {
    if (!doc_) {
      Emit(b, e, std::nullopt);
      return;
    }
    CivilDate d{doc_->year, month, day};
    if (!Valid(d)) return;
    if (forward_) {
      if (DaysFromCivil(d.year, month, day) < doc_days_) ++d.year;
    } else if (DaysFromCivil(d.year, month, day) >
               doc_days_ + kFutureSlackDays) {
      --d.year;
    }
    Emit(b, e, d);
  }
  // A month without a day; `year_offset` from 明年/去年 before it, if any.
  void EmitMonth(size_t b, size_t e, int month,
                 std::optional<int> year_offset) {
    if (!doc_) {
      Emit(b, e, std::nullopt);
      return;
    }
    CivilDate d{doc_->year, month, 0};
    if (year_offset) {
      d.year += *year_offset;
    } else if (forward_ && month < doc_->month) {
      ++d.year;
    } else if (!forward_ && month > doc_->month) {
      --d.year;
    }
    Emit(b, e, d);
  }
  // 明年 / 去年 / 今年 just before `pos`.
  std::optional<int> YearWordBefore(size_t pos) const {
    struct YearWord {
      std::string_view word;
      int offset;
    };
    static constexpr std::array<YearWord, 3> kWords = {
        {{"明年", 1}, {"去年", -1}, {"今年", 0}}};
    for (const YearWord& w : kWords) {
      if (pos >= w.word.size() &&
          s_.substr(pos - w.word.size(), w.word.size()) == w.word) {
        return w.offset;
      }
    }
    return std::nullopt;
  }
  void EmitWeekday(size_t b, size_t e, int weekday) {
    if (!doc_) {
      Emit(b, e, std::nullopt);
      return;
    }
    if (forward_) {
      int ahead =
          (weekday - WeekdayOf(doc_days_) + kDaysPerWeek) % kDaysPerWeek;
      if (ahead == 0) ahead = kDaysPerWeek;
      Emit(b, e, CivilFromDays(doc_days_ + ahead));
      return;
    }
    const int back =
        (WeekdayOf(doc_days_) - weekday + kDaysPerWeek) % kDaysPerWeek;
    Emit(b, e, CivilFromDays(doc_days_ - back));
  }

  // Digits: 2025年3月5日, 3月5日, 5日, 1972年.
  size_t Numeric(size_t pos) {
    int a = 0;
    size_t end = 0;
    if (!ReadNumber(s_, pos, 4, &a, &end)) {
      while (pos < s_.size() && IsDigit(s_[pos])) ++pos;
      return pos;
    }
    auto after = [&](size_t p, std::string_view w) {
      size_t q = p;
      while (q < s_.size() && s_[q] == ' ') ++q;
      return s_.substr(q, w.size()) == w ? q + w.size()
                                         : std::string_view::npos;
    };
    size_t p = after(end, "年");
    if (p != std::string_view::npos && end - pos == 4) {
      int m = 0;
      size_t me = 0;
      size_t q = p;
      while (q < s_.size() && s_[q] == ' ') ++q;
      if (ReadNumber(s_, q, 2, &m, &me)) {
        size_t mp = after(me, "月");
        if (mp != std::string_view::npos) {
          int d = 0;
          size_t de = 0;
          size_t r = mp;
          while (r < s_.size() && s_[r] == ' ') ++r;
          if (ReadNumber(s_, r, 2, &d, &de)) {
            size_t dp = after(de, "日");
            if (dp == std::string_view::npos) dp = after(de, "号");
            if (dp != std::string_view::npos) {
              Emit(pos, dp, CivilDate{a, m, d});
              return dp;
            }
          }
          Emit(pos, mp, CivilDate{a, m, 0});
          return mp;
        }
      }
      Emit(pos, p, CivilDate{a, 0, 0});
      return p;
    }
    p = after(end, "月");
    if (p != std::string_view::npos && end - pos <= 2) {
      int d = 0;
      size_t de = 0;
      size_t r = p;
      while (r < s_.size() && s_[r] == ' ') ++r;
      if (ReadNumber(s_, r, 2, &d, &de)) {
        size_t dp = after(de, "日");
        if (dp == std::string_view::npos) dp = after(de, "号");
        if (dp != std::string_view::npos) {
          EmitMonthDay(pos, dp, a, d);
          return dp;
        }
      }
      if (a >= 1 && a <= 12) EmitMonth(pos, p, a, YearWordBefore(pos));
      return p;
    }
    p = after(end, "日");
    if (p == std::string_view::npos) p = after(end, "号");
    if (p != std::string_view::npos && end - pos <= 2 && a >= 1 && a <= 31) {
      if (!doc_) {
        Emit(pos, p, std::nullopt);
      } else {
        CivilDate d{doc_->year, doc_->month, a};
        if (!forward_ && a > doc_->day) {  // after the document's: last month
          d.month = doc_->month == 1 ? 12 : doc_->month - 1;
          if (doc_->month == 1) --d.year;
        } else if (forward_ && a < doc_->day) {  // already past: next month
          d.month = doc_->month == 12 ? 1 : doc_->month + 1;
          if (doc_->month == 12) ++d.year;
        }
        Emit(pos, p, d);
      }
      return p;
    }
    // "3 march" (day first).
    if (end - pos <= 2 && end < s_.size() && s_[end] == ' ') {
      for (size_t m = 0; m < kMonths.size(); ++m) {
        if (WordAt(s_, end + 1, kMonths[m])) {
          const size_t e = end + 1 + kMonths[m].size();
          EmitMonthDay(pos, e, static_cast<int>(m) + 1, a);
          return e;
        }
      }
    }
    return end;
  }

  // Month names, weekdays, relative words, "in 1972".
  size_t English(size_t pos) {
    if (!MayStartEnglishDateWord(s_, pos)) {
      while (pos < s_.size() && IsAlpha(s_[pos])) ++pos;
      return pos;
    }
    for (size_t m = 0; m < kMonths.size(); ++m) {
      size_t len = 0;
      if (WordAt(s_, pos, kMonths[m])) {
        len = kMonths[m].size();
      } else if (WordAt(s_, pos, kMonthAbbrev[m])) {
        len = kMonthAbbrev[m].size();
      }
      if (len == 0) continue;
      size_t q = pos + len;
      if (q < s_.size() && s_[q] == ' ') ++q;
      int n = 0;
      size_t ne = 0;
      if (q < s_.size() && ReadNumber(s_, q, 4, &n, &ne)) {
        if (ne - q == 4) {  // "march 2025"
          Emit(pos, ne, CivilDate{n, static_cast<int>(m) + 1, 0});
          return ne;
        }
        // "march 3" or "march 3, 2025"
        size_t y = ne;
        if (y + 2 < s_.size() && s_[y] == ',' && s_[y + 1] == ' ') {
          int year = 0;
          size_t ye = 0;
          if (ReadNumber(s_, y + 2, 4, &year, &ye) && ye - (y + 2) == 4) {
            Emit(pos, ye, CivilDate{year, static_cast<int>(m) + 1, n});
            return ye;
          }
        }
        EmitMonthDay(pos, ne, static_cast<int>(m) + 1, n);
        return ne;
      }
      // "in April" (not a bare "may", which is usually the modal).
      if (pos >= 3 && s_.substr(pos - 3, 3) == "in ") {
        EmitMonth(pos, pos + len, static_cast<int>(m) + 1, std::nullopt);
      }
      return pos + len;
    }
    for (size_t w = 0; w < kWeekdays.size(); ++w) {
      if (WordAt(s_, pos, kWeekdays[w])) {
        EmitWeekday(pos, pos + kWeekdays[w].size(), static_cast<int>(w));
        return pos + kWeekdays[w].size();
      }
    }
    for (const EnglishRelative& r : kEnglishRelative) {
      if (WordAt(s_, pos, r.word)) {
        EmitDays(pos, pos + r.word.size(), r.offset);
        return pos + r.word.size();
      }
    }
    if (WordAt(s_, pos, "last month") && doc_) {
      CivilDate d{doc_->year, doc_->month - 1, 0};
      if (d.month == 0) d = {doc_->year - 1, 12, 0};
      Emit(pos, pos + 10, d);
      return pos + 10;
    }
    if (WordAt(s_, pos, "next month") && doc_) {
      CivilDate d{doc_->year, doc_->month + 1, 0};
      if (d.month == 13) d = {doc_->year + 1, 1, 0};
      Emit(pos, pos + 10, d);
      return pos + 10;
    }
    if (WordAt(s_, pos, "next year") && doc_) {
      Emit(pos, pos + 9, CivilDate{doc_->year + 1, 0, 0});
      return pos + 9;
    }
    if (WordAt(s_, pos, "last year") && doc_) {
      Emit(pos, pos + 9, CivilDate{doc_->year - 1, 0, 0});
      return pos + 9;
    }
    if (WordAt(s_, pos, "in ")) {
      int y = 0;
      size_t ye = 0;
      if (ReadNumber(s_, pos + 3, 4, &y, &ye) && ye - (pos + 3) == 4 &&
          (ye >= s_.size() || !IsDigit(s_[ye])) &&
          !(ye < s_.size() && s_[ye] == 's')) {
        Emit(pos, ye, CivilDate{y, 0, 0});
        return ye;
      }
    }
    while (pos < s_.size() && IsAlpha(s_[pos])) ++pos;
    return pos;
  }

  size_t ChineseWord(size_t pos) {
    // Every word below starts with one of these characters; the rest of a
    // Chinese text (and every continuation byte) skips the comparisons.
    // All are three-byte UTF-8 sequences led by 0xE4-0xE6.
    static constexpr std::array<std::string_view, 9> kFirst = {
        "昨", "今", "前", "上", "明", "下", "去", "星", "周"};
    const auto lead = static_cast<unsigned char>(s_[pos]);
    if (lead < 0xE4 || lead > 0xE6 || pos + 3 > s_.size()) return pos + 1;
    const std::string_view first = s_.substr(pos, 3);
    if (std::find(kFirst.begin(), kFirst.end(), first) == kFirst.end()) {
      return pos + 1;
    }
    struct Relative {
      std::string_view word;
      int64_t offset;
    };
    static constexpr std::array<Relative, 10> kRelative = {
        {{"昨天", -1},
         {"昨日", -1},
         {"今天", 0},
         {"今日", 0},
         {"前天", -2},
         {"上周", -kDaysPerWeek},
         {"明天", 1},
         {"明日", 1},
         {"下周", kDaysPerWeek},
         {"下星期", kDaysPerWeek}}};
    for (const Relative& r : kRelative) {
      if (s_.substr(pos, r.word.size()) == r.word) {
        EmitDays(pos, pos + r.word.size(), r.offset);
        return pos + r.word.size();
      }
    }
    for (std::string_view next_month :
         {std::string_view("下个月"), std::string_view("下月")}) {
      if (doc_ && s_.substr(pos, next_month.size()) == next_month) {
        CivilDate d{doc_->year, doc_->month + 1, 0};
        if (d.month == 13) d = {doc_->year + 1, 1, 0};
        Emit(pos, pos + next_month.size(), d);
        return pos + next_month.size();
      }
    }
    // 去年 / 明年 alone (not before a month, which takes them as its year).
    const bool before_month = pos + 6 < s_.size() && IsDigit(s_[pos + 6]);
    if (doc_ && s_.substr(pos, 6) == "明年" && !before_month) {
      Emit(pos, pos + 6, CivilDate{doc_->year + 1, 0, 0});
      return pos + 6;
    }
    if (doc_ && s_.substr(pos, 6) == "去年" && !before_month) {
      Emit(pos, pos + 6, CivilDate{doc_->year - 1, 0, 0});
      return pos + 6;
    }
    for (std::string_view lead :
         {std::string_view("星期"), std::string_view("周")}) {
      if (s_.substr(pos, lead.size()) != lead) continue;
      for (size_t w = 0; w < kZhWeekdays.size(); ++w) {
        if (s_.substr(pos + lead.size(), kZhWeekdays[w].size()) ==
            kZhWeekdays[w]) {
          const size_t e = pos + lead.size() + kZhWeekdays[w].size();
          EmitWeekday(pos, e, static_cast<int>(w));
          return e;
        }
      }
    }
    return pos + 1;
  }

  std::string_view s_;
  std::optional<CivilDate> doc_;
  bool forward_;
  int64_t doc_days_ = 0;
  std::vector<DateMention>* out_;
};

}  // namespace

int64_t DaysFromCivil(int year, int month, int day) {
  const int64_t y = static_cast<int64_t>(year) - (month <= 2);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(month > 2 ? month - 3 : month + 9);
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

int64_t LastDay(const CivilDate& d) {
  if (d.month == 0) return DaysFromCivil(d.year, 12, 31);
  if (d.day == 0)
    return DaysFromCivil(d.year, d.month, DaysInMonth(d.year, d.month));
  return DaysFromCivil(d.year, d.month, d.day);
}

bool ParseIsoDate(std::string_view s, CivilDate* out) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(s[i])) return false;
  }
  CivilDate d{(s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
                  (s[3] - '0'),
              (s[5] - '0') * 10 + (s[6] - '0'),
              (s[8] - '0') * 10 + (s[9] - '0')};
  if (!Valid(d) || d.day == 0) return false;
  *out = d;
  return true;
}

std::string FormatDate(const CivilDate& d) {
  auto two = [](int v) {
    return std::string(1, static_cast<char>('0' + v / 10)) +
           static_cast<char>('0' + v % 10);
  };
  std::string out = std::to_string(d.year);
  if (d.month == 0) return out;
  out += "-" + two(d.month);
  if (d.day == 0) return out;
  return out + "-" + two(d.day);
}

void FindDates(std::string_view text,
               const std::optional<CivilDate>& document_date,
               std::vector<DateMention>* out, bool forward) {
  Scanner(text, document_date, out, forward).Run();
}

}  // namespace trigon::coding::internal
