#include "server/router.h"

#include <exception>
#include <memory>
#include <string_view>
#include <utility>

#include "server/api_handlers.h"
#include "server/dashboard_page.h"
#include "server/document_page.h"
#include "store/database.h"

namespace trigon::server {
namespace {

constexpr char kCsp[] =
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

ApiResponse NotFound(const std::string& path) {
  if (StartsWith(path, "/api/")) return ErrorResponse(404, "no such endpoint: " + path);
  ApiResponse r;
  r.status = 404;
  r.content_type = kHtmlType;
  r.body = RenderErrorPage(404, "no such page: " + path);
  return r;
}

ApiResponse Page(std::string body, const char* type) {
  ApiResponse r;
  r.content_type = type;
  r.body = std::move(body);
  return r;
}

}  // namespace

bool IsLoopbackHost(std::string_view host) {
  std::string_view name = host;
  if (StartsWith(name, "[")) {
    const size_t close = name.find(']');
    if (close == std::string_view::npos) return false;
    const std::string_view rest = name.substr(close + 1);
    if (!rest.empty() && rest[0] != ':') return false;
    name = name.substr(0, close + 1);
  } else if (const size_t colon = name.find(':'); colon != std::string_view::npos) {
    name = name.substr(0, colon);
  }
  return name == "localhost" || name == "127.0.0.1" || name == "[::1]";
}

Router::Router(RouterOptions options) : options_(std::move(options)) {
  if (options_.db_label.empty()) options_.db_label = options_.db_path;
}

ApiResponse Router::Handle(const HttpRequest& request) const {
  ApiResponse r;
  try {
    r = Route(request);
  } catch (const std::exception& e) {  // e.g. bad_alloc: one request fails, not the server
    r = ErrorResponse(500, std::string("internal error: ") + e.what());
  }
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  r.headers.emplace_back("Cache-Control", "no-store");
  if (r.content_type == kHtmlType) r.headers.emplace_back("Content-Security-Policy", kCsp);
  return r;
}

ApiResponse Router::Route(const HttpRequest& req) const {
  if (req.method != "GET" && req.method != "HEAD") {
    ApiResponse r = ErrorResponse(405, "method " + req.method + " not allowed: the dashboard is "
                                       "read-only (GET and HEAD only)");
    r.headers.emplace_back("Allow", "GET, HEAD");
    return r;
  }
  if (options_.loopback_hosts_only && !IsLoopbackHost(req.host)) {
    return ErrorResponse(403, "Host header '" + req.host +
                                  "' is not a loopback name (localhost, 127.0.0.1, [::1])");
  }
  const std::string& path = req.path;
  if (path == "/" || path == "/index.html") return Page(DashboardHtml(), kHtmlType);
  if (path == "/dashboard.js") return Page(DashboardScript(), kScriptType);

  enum class Target { kSummary, kTriangle, kSeries, kEvents, kEvent, kDocument, kDocPage };
  Target target;
  std::string id;
  if (path == "/api/summary") {
    target = Target::kSummary;
  } else if (path == "/api/triangle") {
    target = Target::kTriangle;
  } else if (path == "/api/series") {
    target = Target::kSeries;
  } else if (path == "/api/events") {
    target = Target::kEvents;
  } else if (StartsWith(path, "/api/events/") && path.size() > 12) {
    target = Target::kEvent;
    id = path.substr(12);
  } else if (StartsWith(path, "/api/documents/") && path.size() > 15) {
    target = Target::kDocument;
    id = path.substr(15);
  } else if (StartsWith(path, "/doc/") && path.size() > 5) {
    target = Target::kDocPage;
    id = path.substr(5);
  } else {
    return NotFound(path);
  }

  store::StoreOptions so;
  so.read_only = true;
  auto db = store::Database::Open(options_.db_path, so);
  if (!db.ok()) {
    return ErrorResponse(503, "cannot open database " + options_.db_label + ": " +
                                  db.status().message());
  }
  store::Database& d = **db;
  switch (target) {
    case Target::kSummary:
      return HandleSummary(d, req.params, options_.db_label);
    case Target::kTriangle:
      return HandleTriangle(d, req.params);
    case Target::kSeries:
      return HandleSeries(d, req.params);
    case Target::kEvents:
      return HandleEvents(d, req.params);
    case Target::kEvent:
      return HandleEvent(d, id, req.params);
    case Target::kDocument:
      return HandleDocument(d, id, req.params);
    case Target::kDocPage:
      return HandleDocumentPage(d, id, req.params);
  }
  return NotFound(path);
}

}  // namespace trigon::server
