#include "import/field_parsers.h"

#include <charconv>
#include <cmath>

namespace trigon::import {
namespace {

constexpr double kGoldsteinLimit = 10.0;
constexpr int kMaxRoot = 20;

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

Status Bad(std::string_view column, std::string_view text, std::string_view what) {
  return Status::InvalidArgument(std::string(column) + ": " + std::string(what) + " '" +
                                 std::string(text) + "'");
}

bool ValidRoot(std::string_view code) {
  if (code.size() < 2) return false;
  const int root = ToInt(code.substr(0, 2));
  return root >= 1 && root <= kMaxRoot;
}

}  // namespace

bool IsMissing(std::string_view text) { return text.empty() || text == "NA"; }

Result<std::string> ParseDateField(std::string_view text, std::string_view column) {
  std::string_view y, m, d;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    y = text.substr(0, 4);
    m = text.substr(5, 2);
    d = text.substr(8, 2);
  } else if (text.size() == 8) {
    y = text.substr(0, 4);
    m = text.substr(4, 2);
    d = text.substr(6, 2);
  } else {
    return Bad(column, text, "not a date (YYYY-MM-DD or YYYYMMDD)");
  }
  if (!AllDigits(y) || !AllDigits(m) || !AllDigits(d)) {
    return Bad(column, text, "not a date (YYYY-MM-DD or YYYYMMDD)");
  }
  const int year = ToInt(y), month = ToInt(m), day = ToInt(d);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) {
    return Bad(column, text, "impossible date");
  }
  return std::string(y) + "-" + std::string(m) + "-" + std::string(d);
}

Result<double> ParseGoldsteinField(std::string_view text, std::string_view column) {
  double v = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(v)) {
    return Bad(column, text, "not a number");
  }
  if (v < -kGoldsteinLimit || v > kGoldsteinLimit) {
    return Bad(column, text, "outside the Goldstein scale [-10, 10]");
  }
  return v;
}

Result<int64_t> ParseCountField(std::string_view text, std::string_view column) {
  int64_t v = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || ptr != end || v < 0) {
    return Bad(column, text, "not a non-negative integer");
  }
  return v;
}

Result<std::string> ParseCameoCodeField(std::string_view text, std::string_view root,
                                        std::string_view column) {
  if (!AllDigits(text) || text.size() > 4) {
    return Bad(column, text, "not a CAMEO code (2-4 digits)");
  }
  std::string code(text);
  std::string padded = "0" + code;
  const bool code_ok =
      code.size() >= 2 && ValidRoot(code) && (root.empty() || code.substr(0, 2) == root);
  const bool padded_ok =
      padded.size() <= 4 && ValidRoot(padded) && (root.empty() || padded.substr(0, 2) == root);
  if (code_ok) return code;
  if (padded_ok) return padded;
  if (!root.empty())
    return Bad(column, text, "CAMEO code does not match its root " + std::string(root) + ":");
  return Bad(column, text, "not a CAMEO code (root 01-20)");
}

}  // namespace trigon::import
