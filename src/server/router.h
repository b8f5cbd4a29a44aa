#pragma once
// Router: one HTTP request (method, path, decoded query parameters, Host
// header) to one ApiResponse: method and Host checks, the pages, the
// JSON API (api_handlers.h), 404 for anything else, and the security
// headers every response carries.  The database is opened read-only for
// each request that needs it, so requests never share a handle and a
// database updated by another process is seen at once.
//
// Thread-safety: Handle() is const and may run on many threads at once.

#include <string>

#include "server/api_params.h"
#include "server/api_response.h"

namespace trigon::server {

struct RouterOptions {
  std::string db_path;  // opened read-only per request
  // Shown as "database" in /api/summary.  Default: db_path.
  std::string db_label;
  // Answer only requests whose Host header names a loopback host
  // (localhost, 127.0.0.1, [::1]); others get 403.  Stops DNS-rebinding
  // pages from reading a server bound to loopback.  Default true.
  bool loopback_hosts_only = true;
};

struct HttpRequest {
  std::string method;  // "GET", "HEAD", ...
  std::string path;    // decoded, without the query string
  Params params;       // decoded query parameters
  std::string host;    // the Host header, "" if absent
};

class Router {
 public:
  explicit Router(RouterOptions options);
  ApiResponse Handle(const HttpRequest& request) const;

 private:
  ApiResponse Route(const HttpRequest& request) const;
  RouterOptions options_;
};

// True for "localhost", "127.0.0.1", "[::1]", each with or without a port.
bool IsLoopbackHost(std::string_view host);

}  // namespace trigon::server
