#pragma once
// ApiResponse: what a handler returns and the HTTP layer sends, so
// handlers and routing can be tested without sockets.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trigon::server {

inline constexpr char kJsonType[] = "application/json; charset=utf-8";
inline constexpr char kHtmlType[] = "text/html; charset=utf-8";
inline constexpr char kScriptType[] = "text/javascript; charset=utf-8";

struct ApiResponse {
  int status = 200;
  std::string content_type = kJsonType;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
};

// A JSON {"error": message} response with `status`.
ApiResponse ErrorResponse(int status, std::string_view message);

}  // namespace trigon::server
