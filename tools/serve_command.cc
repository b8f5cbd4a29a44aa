// trigon serve: the local dashboard.  Serves the report's views live over
// a database (read-only), with search and drill-down, to a browser on this
// machine (docs/dashboard.md).  The work is in src/server; this file
// checks the options, binds, prints the URL and waits for SIGINT/SIGTERM.
#include <fmt/core.h>
#include <pthread.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "commands.h"
#include "server/http_server.h"
#include "server/router.h"
#include "store/database.h"

namespace trigon::tools {
namespace {

constexpr int kMaxThreads = 64;
constexpr long kSignalPollNanos = 200 * 1000 * 1000;

struct ServeArgs {
  std::string db = "trigon.db";
  int port = 8080;
  std::string bind = "127.0.0.1";
  bool allow_remote = false;
  int threads = 8;
};

bool IsLoopbackAddress(const std::string& bind) {
  return bind == "127.0.0.1" || bind == "::1" || bind == "localhost";
}

std::string Url(const std::string& bind, int port) {
  const std::string host = bind.find(':') != std::string::npos ? "[" + bind + "]" : bind;
  return "http://" + host + ":" + std::to_string(port) + "/";
}

int RunServe(const ServeArgs& args) {
  const bool loopback = IsLoopbackAddress(args.bind);
  if (!loopback && !args.allow_remote) {
    fmt::print(stderr,
               "trigon serve: refusing to listen on {}: the dashboard has no authentication, so "
               "only loopback addresses (127.0.0.1, ::1, localhost) are allowed without "
               "--allow-remote\n",
               args.bind);
    return kExitPartial;
  }
  std::error_code ec;
  if (!store::IsServerLocation(args.db) && !std::filesystem::is_regular_file(args.db, ec)) {
    fmt::print(stderr, "trigon serve: no database file {} (create one with trigon ingest)\n",
               args.db);
    return kExitFailure;
  }
  {
    store::StoreOptions so;
    so.read_only = true;
    auto db = store::Database::Open(args.db, so);
    if (!db.ok()) {
      fmt::print(stderr, "trigon serve: cannot open database {}: {}\n",
                 store::DisplayLocation(args.db),
                 db.status().ToString());
      return kExitFailure;
    }
  }

  // SIGINT/SIGTERM are taken by sigtimedwait on one thread; blocked
  // everywhere else (the server's workers inherit this mask), so a
  // signal never interrupts a request half-way.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a client that hangs up is not our death

  server::RouterOptions ro;
  ro.db_path = args.db;
  ro.loopback_hosts_only = loopback;
  const server::Router router(ro);
  server::HttpServerOptions ho;
  ho.bind = args.bind;
  ho.port = args.port;
  ho.threads = args.threads;
  server::HttpServer http(router, ho);
  auto port = http.Bind();
  if (!port.ok()) {
    fmt::print(stderr, "trigon serve: {}\n", port.status().message());
    return kExitFailure;
  }
  fmt::print("trigon serve: listening on {} (database {}, read-only; Ctrl-C stops)\n",
             Url(args.bind, *port), store::DisplayLocation(args.db));
  std::fflush(stdout);

  std::atomic<bool> done{false};
  std::thread waiter([&] {
    const timespec poll{0, kSignalPollNanos};
    while (!done.load()) {
      const int sig = sigtimedwait(&stop_signals, nullptr, &poll);
      if (sig == SIGINT || sig == SIGTERM) {
        fmt::print(stderr, "trigon serve: {} received, stopping\n",
                   sig == SIGINT ? "SIGINT" : "SIGTERM");
        http.Stop();
        return;
      }
    }
  });
  http.Run();
  done.store(true);
  waiter.join();
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Serve a local dashboard: triangle, series, search, drill-down (read-only)");
  cmd->add_option("--db", args->db, "Database file")->capture_default_str();
  cmd->add_option("--port", args->port, "TCP port; 0 picks a free one (printed)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--bind", args->bind,
                  "Address to listen on; other than 127.0.0.1, ::1 or localhost needs "
                  "--allow-remote")
      ->capture_default_str();
  cmd->add_flag("--allow-remote", args->allow_remote,
                "Allow a non-loopback --bind (no authentication: anyone who reaches the port "
                "reads the database)");
  cmd->add_option("--threads", args->threads, "Request worker threads")
      ->check(CLI::Range(1, kMaxThreads))
      ->capture_default_str();
  cmd->callback([args, &exit_code] { exit_code = RunServe(*args); });
}

}  // namespace trigon::tools
