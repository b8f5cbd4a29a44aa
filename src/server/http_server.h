#pragma once
// HttpServer: the only piece that talks to cpp-httplib.  Every request,
// whatever its method or path, goes to the Router; cpp-httplib's own
// refusals (malformed request line 400, body too large 413, URI too long
// 414) get a JSON error body.
//
// Thread-safety: Stop() may be called from any thread; the rest from the
// thread that owns the server.

#include <cstddef>
#include <memory>
#include <string>

#include "base/result.h"

namespace httplib {
class Server;
}

namespace trigon::server {

class Router;

struct HttpServerOptions {
  std::string bind = "127.0.0.1";  // address or host name to listen on
  int port = 8080;                 // 0: any free port
  int threads = 8;                 // request workers
  // Largest request body accepted (the API takes none).  Default 1 KiB.
  size_t max_payload = 1024;
  // Read and write timeouts per request, seconds.  Default 5.
  int timeout_seconds = 5;
};

class HttpServer {
 public:
  // `router` must outlive the server.
  HttpServer(const Router& router, HttpServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the listening socket; returns the port (the chosen one when
  // options.port is 0).  IOError when the address cannot be bound.
  Result<int> Bind();
  // Serves until Stop().  REQUIRES: Bind() succeeded.
  void Run();
  // Stops accepting, lets the requests in flight finish; Run() returns.
  void Stop();

 private:
  const Router& router_;
  HttpServerOptions options_;
  std::unique_ptr<httplib::Server> server_;
};

}  // namespace trigon::server
