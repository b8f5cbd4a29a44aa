#include "report/html_escape.h"

#include <cctype>

namespace trigon::report {

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '=':  // so no attribute-like "name=" survives, even where inert
        out += "&#61;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += "\xEF\xBF\xBD";  // U+FFFD
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string SafeHttpUrl(std::string_view url) {
  std::string lower;
  for (size_t i = 0; i < url.size() && i < 8; ++i) {
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(url[i])));
  }
  const bool http = lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0;
  if (!http) return "";
  for (const char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return "";
    if (std::string_view("\"'<>`\\").find(c) != std::string_view::npos) return "";
  }
  return std::string(url);
}

}  // namespace trigon::report
