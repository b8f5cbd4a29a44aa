#include "server/http_server.h"

#include <httplib.h>

#include <utility>

#include "server/api_response.h"
#include "server/json_writer.h"
#include "server/router.h"

namespace trigon::server {
namespace {

constexpr int kKeepAliveMaxCount = 20;
constexpr int kKeepAliveSeconds = 2;  // an idle browser connection holds a worker

// Why cpp-httplib refused a request, for the error body.
std::string StatusText(int status) {
  switch (status) {
    case 400:
      return "Bad Request: malformed request line or headers";
    case 413:
      return "Payload Too Large: the API takes no request body";
    case 414:
      return "URI Too Long: at most 8192 bytes";
    case 431:
      return "Request Header Fields Too Large";
    default:
      return "Error";
  }
}

// A chunked body has no announced size: refuse it like an oversized one.
bool BodyTooLarge(const httplib::Request& req, size_t max_payload) {
  if (req.has_header("Transfer-Encoding")) return true;
  const std::string length = req.get_header_value("Content-Length");
  if (length.empty() || length.size() > 18) return !length.empty();
  for (const char c : length) {
    if (c < '0' || c > '9') return true;
  }
  return std::stoull(length) > max_payload;
}

HttpRequest ToRequest(const httplib::Request& req) {
  HttpRequest r;
  r.method = req.method;
  r.path = req.path;
  for (const auto& [k, v] : req.params) r.params.emplace(k, v);
  r.host = req.get_header_value("Host");
  return r;
}

}  // namespace

HttpServer::HttpServer(const Router& router, HttpServerOptions options)
    : router_(router), options_(std::move(options)), server_(std::make_unique<httplib::Server>()) {
  httplib::Server& s = *server_;
  const size_t threads = static_cast<size_t>(options_.threads < 1 ? 1 : options_.threads);
  s.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  s.set_payload_max_length(options_.max_payload);
  s.set_read_timeout(options_.timeout_seconds, 0);
  s.set_write_timeout(options_.timeout_seconds, 0);
  s.set_keep_alive_max_count(kKeepAliveMaxCount);
  s.set_keep_alive_timeout(kKeepAliveSeconds);
  // Every request, any method or path, goes to the router before
  // cpp-httplib's own (regex) routing: one place decides.
  s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    // The body is never read here (the API takes none), so a request that
    // sends one gets its connection closed after the answer.
    const bool has_body = req.has_header("Transfer-Encoding") ||
                          (req.has_header("Content-Length") &&
                           req.get_header_value("Content-Length") != "0");
    ApiResponse r;
    if (has_body && BodyTooLarge(req, options_.max_payload)) {
      r = ErrorResponse(413, "request body too large (the API takes none; limit " +
                                 std::to_string(options_.max_payload) + " bytes)");
    } else {
      r = router_.Handle(ToRequest(req));
    }
    res.status = r.status;
    for (auto& [name, value] : r.headers) res.set_header(name, value);
    if (has_body) res.set_header("Connection", "close");
    res.set_content(std::move(r.body), r.content_type);
    return httplib::Server::HandlerResponse::Handled;
  });
  // cpp-httplib's own refusals come without a body: explain them.
  s.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string message = std::to_string(res.status) + " " + StatusText(res.status);
    res.set_content(JsonError(message), "application/json; charset=utf-8");
    return httplib::Server::HandlerResponse::Handled;
  }));
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content(JsonError("internal error"), "application/json; charset=utf-8");
  });
}

HttpServer::~HttpServer() = default;

Result<int> HttpServer::Bind() {
  httplib::Server& s = *server_;
  if (options_.port == 0) {
    const int port = s.bind_to_any_port(options_.bind);
    if (port < 0) return Status::IOError("cannot listen on " + options_.bind + " (any port)");
    return port;
  }
  if (!s.bind_to_port(options_.bind, options_.port)) {
    return Status::IOError("cannot listen on " + options_.bind + " port " +
                           std::to_string(options_.port) + " (in use, or not an address here?)");
  }
  return options_.port;
}

void HttpServer::Run() {
  // listen_after_bind() reports false after a clean stop() as well, so its
  // result says nothing more than that the loop ended.
  server_->listen_after_bind();
}

void HttpServer::Stop() { server_->stop(); }

}  // namespace trigon::server
