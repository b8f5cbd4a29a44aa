// End-to-end tests of `trigon serve`: a database made by `trigon ingest` +
// `trigon code` from part of data/sample is served on a free port, real
// HTTP requests (cpp-httplib's client) read the pages and the API, bad
// requests get a 4xx and leave the server serving, and SIGTERM stops it
// cleanly.  The WEIS file from ../shared (skipped when absent) is served
// per year.
#include <gtest/gtest.h>
#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "testing/testing.h"

namespace {

trigon::testing::ShellResult RunTrigonCli(const std::string& args) {
  return trigon::testing::RunShell(std::string(TRIGON_BINARY) + " " + args + " 2>&1");
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// `trigon serve --port 0` as a child process; the port is read from the
// line it prints on start.
class ServeProcess {
 public:
  explicit ServeProcess(const std::vector<std::string>& args) {
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], STDOUT_FILENO);
      close(fds[0]);
      close(fds[1]);
      std::vector<char*> argv = {const_cast<char*>(TRIGON_BINARY), const_cast<char*>("serve")};
      for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(TRIGON_BINARY, argv.data());
      _exit(127);
    }
    close(fds[1]);
    out_ = fds[0];
    // Wait up to 20 s for "listening on http://127.0.0.1:PORT/".
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    std::string line;
    while (std::chrono::steady_clock::now() < deadline && line.find('\n') == std::string::npos) {
      pollfd p{out_, POLLIN, 0};
      if (poll(&p, 1, 200) <= 0) continue;
      char buf[256];
      const ssize_t n = read(out_, buf, sizeof(buf));
      if (n <= 0) break;
      line.append(buf, static_cast<size_t>(n));
    }
    banner_ = line;
    std::smatch m;
    if (std::regex_search(line, m, std::regex(R"(http://127\.0\.0\.1:(\d+)/)"))) {
      port_ = std::stoi(m[1].str());
    }
  }
  ~ServeProcess() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) close(out_);
  }
  int port() const { return port_; }
  const std::string& banner() const { return banner_; }

  // Sends `sig` and waits up to 10 s; the exit code, or -1.
  int Stop(int sig) {
    kill(pid_, sig);
    for (int i = 0; i < 100; ++i) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  int port_ = 0;
  bool exited_ = false;
  std::string banner_;
};

std::string Body(const httplib::Result& r) { return r ? r->body : std::string("(no response)"); }
int Status(const httplib::Result& r) { return r ? r->status : -1; }

std::string MakeSampleDb() {
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string db = dir + "/t.db";
  std::vector<std::string> files;
  for (const char* sub : {"/data/sample/en", "/data/sample/zh-hans"}) {
    std::vector<std::string> part;
    for (const auto& e : std::filesystem::directory_iterator(trigon::testing::SourceDir() + sub)) {
      part.push_back(e.path().string());
    }
    std::sort(part.begin(), part.end());
    part.resize(std::min<size_t>(part.size(), 8));
    files.insert(files.end(), part.begin(), part.end());
  }
  std::string list;
  for (const std::string& f : files) list += " " + f;
  auto ingest = RunTrigonCli("ingest" + list + " --db " + db + " --quiet");
  EXPECT_EQ(ingest.exit_code, 0) << ingest.out;
  auto code = RunTrigonCli("code --db " + db + " --quiet");
  EXPECT_EQ(code.exit_code, 0) << code.out;
  return db;
}

TEST(ServeCliTest, ServesTheSampleAndSurvivesBadRequests) {
  const std::string db = MakeSampleDb();
  ServeProcess server({"--db", db, "--port", "0"});
  ASSERT_GT(server.port(), 0) << "banner: " << server.banner();
  httplib::Client cli("127.0.0.1", server.port());
  cli.set_connection_timeout(5);
  cli.set_read_timeout(30);

  auto page = cli.Get("/");
  ASSERT_EQ(Status(page), 200) << Body(page);
  EXPECT_NE(page->body.find("id=\"triangle-periods\""), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'none'"),
            std::string::npos);
  EXPECT_EQ(Status(cli.Get("/dashboard.js")), 200);

  auto summary = cli.Get("/api/summary");
  ASSERT_EQ(Status(summary), 200) << Body(summary);
  EXPECT_EQ(summary->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(summary->body.find("\"documents\":0,"), std::string::npos) << summary->body;
  EXPECT_NE(summary->body.find("\"events_by_origin\":[{\"name\":\"trigon\""), std::string::npos)
      << summary->body;

  auto tri = cli.Get("/api/triangle?period=month");
  ASSERT_EQ(Status(tri), 200) << Body(tri);
  EXPECT_GT(Count(tri->body, "\"configuration\":"), 0u) << tri->body;
  auto series = cli.Get("/api/series?period=quarter&actors=USA,RUS,CHN");
  ASSERT_EQ(Status(series), 200) << Body(series);
  EXPECT_EQ(Count(series->body, "\"dyad\":\"USA->RUS\""), Count(series->body, "\"cells\":"));

  // A coded event leads to its document with the evidence marked.
  auto events = cli.Get("/api/events?origin=trigon&limit=1");
  ASSERT_EQ(Status(events), 200) << Body(events);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(events->body, m,
                                std::regex(R"re("id":(\d+),.*"doc_id":"([0-9a-f]+)")re")))
      << events->body;
  auto doc = cli.Get("/doc/" + m[2].str() + "?event=" + m[1].str());
  ASSERT_EQ(Status(doc), 200) << Body(doc);
  EXPECT_NE(doc->body.find("id=\"document\""), std::string::npos);
  EXPECT_NE(doc->body.find("<mark class=\"evidence\""), std::string::npos);
  auto doc_json = cli.Get("/api/documents/" + m[2].str());
  EXPECT_EQ(Status(doc_json), 200);
  auto one = cli.Get("/api/events/" + m[1].str());
  EXPECT_EQ(Status(one), 200);
  EXPECT_NE(Body(one).find("\"evidence\":["), std::string::npos);

  // Malformed requests: a 4xx with a message; the server keeps serving.
  struct Bad {
    std::string path;
    int status;
  };
  const Bad bad[] = {
      {"/api/events?from=2022-13-45", 400},
      {"/api/events?limit=100000", 400},
      {"/api/events?limit=abc", 400},
      {"/api/triangle?period=century", 400},
      {"/api/events?dyad=USA-%3ERUS", 400},
      {"/api/events?q=%FF%FE", 400},
      {"/api/events/notanumber", 400},
      {"/api/events/987654321", 404},
      {"/api/documents/zzzz", 400},
      {"/api/nothing", 404},
      {"/nothing", 404},
      {"/api/events?q=" + std::string(9000, 'a'), 414},
  };
  for (const Bad& b : bad) {
    auto r = cli.Get(b.path);
    EXPECT_EQ(Status(r), b.status) << b.path.substr(0, 60) << ": " << Body(r);
    if (r && b.path.rfind("/api/", 0) == 0) {
      EXPECT_NE(r->body.find("\"error\":"), std::string::npos) << b.path.substr(0, 60);
    } else if (r) {
      EXPECT_NE(r->body.find("Error 404"), std::string::npos) << r->body;
    }
  }
  auto post = cli.Post("/api/events", "x=1", "application/x-www-form-urlencoded");
  EXPECT_EQ(Status(post), 405) << Body(post);
  if (post) {
    EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  }
  auto big = cli.Post("/api/events", std::string(64 * 1024, 'x'), "text/plain");
  EXPECT_EQ(Status(big), 413) << Body(big);
  httplib::Headers foreign = {{"Host", "attacker.example"}};
  EXPECT_EQ(Status(cli.Get("/api/summary", foreign)), 403);

  httplib::Client again("127.0.0.1", server.port());
  auto still = again.Get("/api/summary");
  EXPECT_EQ(Status(still), 200) << "the server stopped serving after bad requests";

  EXPECT_EQ(server.Stop(SIGTERM), 0);
}

TEST(ServeCliTest, RefusesNonLoopbackWithoutTheFlagAndMissingDatabases) {
  const std::string dir = trigon::testing::MakeTempDir();
  auto remote = RunTrigonCli("serve --db " + dir + "/x.db --bind 0.0.0.0 --port 0");
  EXPECT_EQ(remote.exit_code, 1) << remote.out;
  EXPECT_NE(remote.out.find("--allow-remote"), std::string::npos) << remote.out;
  auto missing = RunTrigonCli("serve --db " + dir + "/absent.db --port 0");
  EXPECT_EQ(missing.exit_code, 2) << missing.out;
  EXPECT_NE(missing.out.find("no database file"), std::string::npos) << missing.out;
  EXPECT_FALSE(std::filesystem::exists(dir + "/absent.db")) << "serve must not create it";
}

TEST(ServeCliTest, SigintStopsCleanly) {
  const std::string dir = trigon::testing::MakeTempDir();
  const std::string db = dir + "/empty.db";
  auto ingest = RunTrigonCli("ingest " + trigon::testing::SourceDir() +
                             "/data/sample/en --db " + db + " --quiet");
  ASSERT_EQ(ingest.exit_code, 0) << ingest.out;
  ServeProcess server({"--db", db, "--port", "0", "--threads", "2"});
  ASSERT_GT(server.port(), 0) << server.banner();
  httplib::Client cli("127.0.0.1", server.port());
  EXPECT_EQ(Status(cli.Get("/api/events?limit=1")), 200);
  EXPECT_EQ(server.Stop(SIGINT), 0);
}

TEST(ServeCliTest, WeisTrianglePerYear) {
  const std::string shared = trigon::testing::SharedDir();
  const std::string weis = shared + "/data/eventdata/weis_triangle_1966_1992.csv";
  if (shared.empty() || !std::filesystem::exists(weis)) GTEST_SKIP() << "../shared absent";
  const std::string db = trigon::testing::MakeTempDir() + "/weis.db";
  auto imported = RunTrigonCli("import " + weis + " --db " + db);
  ASSERT_EQ(imported.exit_code, 0) << imported.out;
  ServeProcess server({"--db", db, "--port", "0"});
  ASSERT_GT(server.port(), 0) << server.banner();
  httplib::Client cli("127.0.0.1", server.port());
  cli.set_read_timeout(30);
  auto tri = cli.Get("/api/triangle?period=year");
  ASSERT_EQ(Status(tri), 200) << Body(tri);
  EXPECT_EQ(Count(tri->body, "\"configuration\":"), 27u) << "1966..1992";
  EXPECT_NE(tri->body.find("\"period\":\"1973\""), std::string::npos);
  size_t determinate = 0;
  for (const char* c : {"menage_a_trois", "romantic_triangle", "stable_marriage", "unit_veto"}) {
    determinate += Count(tri->body, std::string("\"configuration\":\"") + c + "\"");
  }
  EXPECT_GT(determinate, 0u) << tri->body.substr(0, 2000);
  // Drill-down into one year: imported events cite their file and line.
  auto events = cli.Get("/api/events?period=1973&dyad=USA-%3ECHN&limit=3");
  ASSERT_EQ(Status(events), 200) << Body(events);
  EXPECT_NE(events->body.find("weis_triangle_1966_1992.csv"), std::string::npos);
  EXPECT_EQ(server.Stop(SIGTERM), 0);
}

}  // namespace
