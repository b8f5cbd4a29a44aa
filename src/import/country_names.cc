#include "import/country_names.h"

#include <cctype>
#include <utility>

#include "base/file_util.h"

namespace trigon::import {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string Fold(std::string_view s) {
  std::string out(Trim(s));
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

Result<CountryNames> CountryNames::Parse(std::string_view text, std::string_view file) {
  CountryNames out;
  std::string current;
  int64_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = Trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    auto where = [&] { return std::string(file) + ":" + std::to_string(line_no); };
    if (StartsWith(line, "@actor")) {
      std::string_view rest = Trim(line.substr(6));
      const size_t space = rest.find_first_of(" \t");
      const std::string_view code = rest.substr(0, space);
      if (code.empty()) {
        return Status::InvalidArgument(where() + ": @actor without a code");
      }
      current = std::string(code);
      out.codes_.insert(current);
      out.Add(code, code);
      if (space != std::string_view::npos) out.Add(rest.substr(space), code);
    } else if (StartsWith(line, "name en ")) {
      if (current.empty()) {
        return Status::InvalidArgument(where() + ": name line before any @actor");
      }
      std::string_view names = line.substr(8);
      while (!names.empty()) {
        const size_t bar = names.find('|');
        std::string_view name = Trim(names.substr(0, bar));
        if (!name.empty() && name.front() == '=') name.remove_prefix(1);
        if (!name.empty()) out.Add(name, current);
        if (bar == std::string_view::npos) break;
        names.remove_prefix(bar + 1);
      }
    }
  }
  return out;
}

Result<CountryNames> CountryNames::Load(const std::string& path) {
  TRIGON_ASSIGN_OR_RETURN(std::string text, ReadFileBytes(path));
  return Parse(text, path);
}

void CountryNames::Add(std::string_view name, std::string_view code, bool replace) {
  const std::string key = Fold(name);
  if (key.empty()) return;
  if (replace) {
    names_[key] = std::string(code);
  } else {
    names_.emplace(key, std::string(code));
  }
  codes_.insert(std::string(code));
}

std::optional<std::string> CountryNames::Find(std::string_view name) const {
  const auto it = names_.find(Fold(name));
  if (it == names_.end()) return std::nullopt;
  return it->second;
}

bool CountryNames::IsCountryCode(std::string_view code) const {
  return codes_.count(std::string(code)) > 0;
}

std::string CountryOfActor(std::string_view actor, const CountryNames* countries) {
  if (actor.size() < 3) return "";
  const std::string_view head = actor.substr(0, 3);
  if (countries != nullptr) {
    return countries->IsCountryCode(head) ? std::string(head) : "";
  }
  for (char c : head) {
    if (c < 'A' || c > 'Z') return "";
  }
  return std::string(head);
}

}  // namespace trigon::import
