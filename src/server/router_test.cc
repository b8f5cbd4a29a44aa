#include "server/router.h"

#include <gtest/gtest.h>

#include <string>

#include "server/test_database.h"
#include "testing/testing.h"

namespace trigon::server {
namespace {

std::string Header(const ApiResponse& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}

class RouterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = new std::string(trigon::testing::MakeTempDir() + "/router.db");
    testing::WriteTestDatabase(*path_);
  }
  static void TearDownTestSuite() { delete path_; }

  ApiResponse Get(const std::string& path, Params params = {},
                  const std::string& host = "127.0.0.1:8080") const {
    RouterOptions o;
    o.db_path = *path_;
    return Router(o).Handle({"GET", path, std::move(params), host});
  }
  static std::string* path_;
};

std::string* RouterTest::path_ = nullptr;

TEST_F(RouterTest, PagesAndApi) {
  const ApiResponse page = Get("/");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, kHtmlType);
  EXPECT_NE(Header(page, "Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(Header(page, "X-Content-Type-Options"), "nosniff");
  const ApiResponse js = Get("/dashboard.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.content_type, kScriptType);
  EXPECT_EQ(Get("/api/summary").status, 200);
  EXPECT_EQ(Get("/api/triangle", {{"period", "year"}}).status, 200);
  EXPECT_EQ(Get("/api/series").status, 200);
  EXPECT_EQ(Get("/api/events", {{"limit", "2"}}).status, 200);
  EXPECT_EQ(Get("/api/documents/aaaa0000").status, 200);
  const ApiResponse doc = Get("/doc/aaaa0000");
  EXPECT_EQ(doc.status, 200);
  EXPECT_EQ(doc.content_type, kHtmlType);
}

TEST_F(RouterTest, UnknownPathsAre404) {
  const ApiResponse api = Get("/api/nothing");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.content_type, kJsonType);
  EXPECT_NE(api.body.find("no such endpoint: /api/nothing"), std::string::npos);
  const ApiResponse page = Get("/nothing/<script>");
  EXPECT_EQ(page.status, 404);
  EXPECT_EQ(page.content_type, kHtmlType);
  EXPECT_EQ(page.body.find("<script>"), std::string::npos);
  EXPECT_EQ(Get("/api/events/").status, 404);
  EXPECT_EQ(Get("/api/events/12/evidence").status, 400);  // not an id
  EXPECT_EQ(Get("/api").status, 404);
}

TEST_F(RouterTest, OnlyGetAndHead) {
  RouterOptions o;
  o.db_path = *path_;
  const Router router(o);
  EXPECT_EQ(router.Handle({"HEAD", "/api/summary", {}, "localhost"}).status, 200);
  for (const char* method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
    const ApiResponse r = router.Handle({method, "/api/events", {}, "localhost"});
    EXPECT_EQ(r.status, 405) << method;
    EXPECT_EQ(Header(r, "Allow"), "GET, HEAD");
    EXPECT_NE(r.body.find("read-only"), std::string::npos);
  }
}

TEST_F(RouterTest, ForeignHostHeadersAreRefusedOnLoopback) {
  EXPECT_EQ(Get("/api/summary", {}, "evil.example:8080").status, 403);
  EXPECT_EQ(Get("/api/summary", {}, "").status, 403);
  EXPECT_EQ(Get("/api/summary", {}, "localhost").status, 200);
  EXPECT_EQ(Get("/api/summary", {}, "[::1]:9000").status, 200);
  RouterOptions open;
  open.db_path = *path_;
  open.loopback_hosts_only = false;
  EXPECT_EQ(Router(open).Handle({"GET", "/api/summary", {}, "lan-host:8080"}).status, 200);
}

TEST(LoopbackHostTest, Names) {
  EXPECT_TRUE(IsLoopbackHost("localhost"));
  EXPECT_TRUE(IsLoopbackHost("localhost:8080"));
  EXPECT_TRUE(IsLoopbackHost("127.0.0.1:1"));
  EXPECT_TRUE(IsLoopbackHost("[::1]"));
  EXPECT_TRUE(IsLoopbackHost("[::1]:80"));
  EXPECT_FALSE(IsLoopbackHost("localhost.evil.com"));
  EXPECT_FALSE(IsLoopbackHost("127.0.0.2"));
  EXPECT_FALSE(IsLoopbackHost("[::1]x"));
  EXPECT_FALSE(IsLoopbackHost("[::1"));
  EXPECT_FALSE(IsLoopbackHost(""));
}

TEST(RouterNoDatabaseTest, MissingDatabaseIs503NotACrash) {
  RouterOptions o;
  o.db_path = trigon::testing::MakeTempDir() + "/absent.db";
  const Router router(o);
  const ApiResponse r = router.Handle({"GET", "/api/summary", {}, "localhost"});
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(r.body.find("cannot open database"), std::string::npos);
  EXPECT_EQ(router.Handle({"GET", "/", {}, "localhost"}).status, 200);
}

}  // namespace
}  // namespace trigon::server
