#include "ingest/front_matter.h"

#include <array>

namespace trigon::ingest {
namespace {

constexpr std::array<std::string_view, 5> kKnownKeys = {"title", "date", "url",
                                                        "source", "lang"};

struct Line {
  std::string_view content;  // without the line terminator
  size_t next = 0;           // offset of the next line
};

Line LineAt(std::string_view text, size_t pos) {
  const size_t nl = text.find('\n', pos);
  const size_t end = nl == std::string_view::npos ? text.size() : nl;
  std::string_view content = text.substr(pos, end - pos);
  if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
  return {content, nl == std::string_view::npos ? text.size() : nl + 1};
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool IsBlank(std::string_view line) { return Trim(line).empty(); }

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

// Parses "key: value"; returns nullopt if the line is not of that shape.
std::optional<FrontMatterField> ParseField(std::string_view line) {
  if (line.empty() || !IsAsciiAlpha(line[0])) return std::nullopt;
  size_t i = 1;
  while (i < line.size() &&
         (IsAsciiAlpha(line[i]) || (line[i] >= '0' && line[i] <= '9') ||
          line[i] == '_' || line[i] == '-' || line[i] == '.')) {
    ++i;
  }
  FrontMatterField field;
  for (size_t k = 0; k < i; ++k) field.key.push_back(Lower(line[k]));
  while (i < line.size() && IsSpace(line[i])) ++i;
  if (i >= line.size() || line[i] != ':') return std::nullopt;
  std::string_view value = Trim(line.substr(i + 1));
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front()) {
    value = value.substr(1, value.size() - 2);
  }
  field.value.assign(value);
  return field;
}

bool IsKnownKey(std::string_view key) {
  for (std::string_view k : kKnownKeys) {
    if (k == key) return true;
  }
  return false;
}

std::optional<FrontMatter> ParseFenced(std::string_view text, size_t pos) {
  FrontMatter fm;
  fm.fenced = true;
  while (pos < text.size()) {
    const Line line = LineAt(text, pos);
    const std::string_view trimmed = Trim(line.content);
    if (trimmed == "---" || trimmed == "...") {
      if (fm.fields.empty()) return std::nullopt;
      size_t end = line.next;
      if (end < text.size()) {
        const Line after = LineAt(text, end);
        if (IsBlank(after.content)) end = after.next;
      }
      fm.span = {0, static_cast<uint32_t>(end)};
      return fm;
    }
    if (trimmed.empty() || trimmed.front() == '#' ||
        IsSpace(line.content.front()) || line.content.substr(0, 2) == "- ") {
      pos = line.next;
      continue;
    }
    std::optional<FrontMatterField> field = ParseField(line.content);
    if (!field) return std::nullopt;
    fm.fields.push_back(std::move(*field));
    pos = line.next;
  }
  return std::nullopt;  // no closing fence
}

}  // namespace

std::string_view FrontMatter::Get(std::string_view key) const {
  for (const FrontMatterField& f : fields) {
    if (f.key == key) return f.value;
  }
  return {};
}

std::optional<FrontMatter> ParseFrontMatter(std::string_view text) {
  if (text.empty()) return std::nullopt;
  const Line first = LineAt(text, 0);
  if (first.content.substr(0, 3) == "---" && Trim(first.content) == "---") {
    return ParseFenced(text, first.next);
  }
  std::optional<FrontMatterField> field = ParseField(first.content);
  if (!field || !IsKnownKey(field->key)) return std::nullopt;
  FrontMatter fm;
  fm.fields.push_back(std::move(*field));
  size_t pos = first.next;
  while (pos < text.size()) {
    const Line line = LineAt(text, pos);
    if (IsBlank(line.content)) {
      pos = line.next;
      break;
    }
    field = ParseField(line.content);
    if (!field) return std::nullopt;
    fm.fields.push_back(std::move(*field));
    pos = line.next;
  }
  fm.span = {0, static_cast<uint32_t>(pos)};
  return fm;
}

}  // namespace trigon::ingest
