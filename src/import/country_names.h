#pragma once
// CountryNames: country name -> CAMEO country code, read from Trigon's
// actor dictionary (data/dict/countries.txt) for the importers.  Only two
// line kinds are read: `@actor CODE  Display name` opens a country and
// `name en a | b | c` lists its English names (a leading '=' marks a
// case-sensitive form there; here every lookup ignores ASCII case).  All
// other lines are ignored: the full dictionary belongs to src/coding.
//
// Immutable after building; thread-safe for lookups.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "base/result.h"

namespace trigon::import {

class CountryNames {
 public:
  // Parses dictionary text; `file` names it in errors ("FILE:LINE: ...").
  // Errors: InvalidArgument for an `@actor` line without a code or a
  // `name` line before any `@actor`.
  static Result<CountryNames> Parse(std::string_view text, std::string_view file);
  // Reads and parses a file.  Errors: as ReadFileBytes and Parse.
  static Result<CountryNames> Load(const std::string& path);

  // Adds a mapping of `name` to `code`; an earlier mapping of the same name
  // is kept unless `replace`.
  void Add(std::string_view name, std::string_view code, bool replace = false);

  // Code for a name (case-insensitive, surrounding spaces ignored).
  std::optional<std::string> Find(std::string_view name) const;
  // True if `code` opened an `@actor` block (or was passed to Add).
  bool IsCountryCode(std::string_view code) const;

  size_t size() const { return names_.size(); }

 private:
  std::unordered_map<std::string, std::string> names_;  // folded name -> code
  std::unordered_set<std::string> codes_;
};

// The country of an actor code: its first three letters when they are a
// country code (`countries`, or when null any three ASCII capitals), else
// "".  "USAGOV" -> "USA", "IGOUNO" -> "".
std::string CountryOfActor(std::string_view actor, const CountryNames* countries);

}  // namespace trigon::import
