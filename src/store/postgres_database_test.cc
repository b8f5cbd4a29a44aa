// Database and EventRepository on a PostgreSQL server.  The server-backed
// tests run when TRIGON_TEST_POSTGRES_URL names a database they may use
// (tests/postgres/run_postgres_test.sh starts a throwaway server and sets
// it); each test works in its own schema and drops it afterwards.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <atomic>
#include <cstdlib>
#include <thread>

#include "store/database.h"
#include "store/event_repository.h"
#include "store/migrations.h"
#include "store/postgres_connection.h"

namespace trigon::store {
namespace {

TEST(PostgresOpenTest, UnreachableServerIsAClearIOError) {
  auto db = Database::Open("postgresql://trigon:secret@127.0.0.1:1/x");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kIOError);
  EXPECT_NE(db.status().message().find("127.0.0.1"), std::string::npos) << db.status().ToString();
  EXPECT_EQ(db.status().message().find("secret"), std::string::npos) << db.status().ToString();
}

TEST(PostgresOpenTest, PasswordsAreRedactedFromMessages) {
  using internal::RedactPostgresUrl;
  EXPECT_EQ(RedactPostgresUrl("postgresql://u:pw@h:5432/db"), "postgresql://u:***@h:5432/db");
  EXPECT_EQ(RedactPostgresUrl("postgres://u@h/db?password=pw&sslmode=off"),
            "postgres://u@h/db?password=***&sslmode=off");
  EXPECT_EQ(RedactPostgresUrl("postgresql://h/db"), "postgresql://h/db");
  EXPECT_EQ(RedactPostgresUrl("postgresql://u:p@ss@h/db"), "postgresql://u:***@h/db");
}

TEST(PostgresOpenTest, SqlstateClassesMapToStatusCodes) {
  using internal::PostgresError;
  EXPECT_EQ(PostgresError("23505", "dup", "step").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(PostgresError("22P02", "bad int", "step").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(PostgresError("53100", "disk full", "step").code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(PostgresError("XX001", "bad page", "step").code(), StatusCode::kCorruption);
  EXPECT_EQ(PostgresError("0A000", "no", "step").code(), StatusCode::kUnsupported);
  const Status s = PostgresError("55P03", "canceling statement due to lock timeout", "step");
  EXPECT_EQ(s.code(), StatusCode::kIOError);
  EXPECT_EQ(s.message(), "step: canceling statement due to lock timeout (SQLSTATE 55P03)");
}

// A fresh schema on the test server, dropped at the end of the test.
class PostgresDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* url = std::getenv("TRIGON_TEST_POSTGRES_URL");
    if (!url || !*url) GTEST_SKIP() << "TRIGON_TEST_POSTGRES_URL is not set";
    base_url_ = url;
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    schema_ = std::string("t_") + info->name();
    for (char& c : schema_) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    Admin("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
    url_ = base_url_ + (base_url_.find('?') == std::string::npos ? "?" : "&") +
           "options=-csearch_path%3D" + schema_;
  }
  void TearDown() override {
    if (!schema_.empty()) Admin("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }

  void Admin(const std::string& sql) {
    PGconn* conn = PQconnectdb(base_url_.c_str());
    ASSERT_EQ(PQstatus(conn), CONNECTION_OK) << PQerrorMessage(conn);
    PGresult* r = PQexec(conn, ("SET client_min_messages = warning; " + sql).c_str());
    EXPECT_EQ(PQresultStatus(r), PGRES_COMMAND_OK) << PQerrorMessage(conn);
    PQclear(r);
    PQfinish(conn);
  }

  std::unique_ptr<Database> Open(StoreOptions options = {}) {
    auto db = Database::Open(url_, options);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return db.ok() ? std::move(db).value() : nullptr;
  }

  std::string base_url_;
  std::string schema_;
  std::string url_;
};

model::Document Doc(const std::string& id, const std::string& text) {
  model::Document doc;
  doc.id = id;
  doc.source_path = "feed/" + id + ".txt";
  doc.format = "text";
  doc.encoding = "UTF-8";
  doc.text = text;
  doc.source_bytes = text.size();
  return doc;
}

TEST_F(PostgresDatabaseTest, MigratesOnceAndReopens) {
  auto db = Open();
  ASSERT_TRUE(db);
  auto v = db->SchemaVersion();
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(*v, AllMigrations().back().version);
  db.reset();
  db = Open();
  ASSERT_TRUE(db);
  EXPECT_EQ(*db->SchemaVersion(), AllMigrations().back().version);
  EXPECT_EQ(db->TEST_handle(), nullptr);
}

TEST_F(PostgresDatabaseTest, ConcurrentOpensMigrateOnce) {
  // Four processes' worth of connections race to migrate an empty schema;
  // the advisory lock lets one migrate and the others find it done.
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      auto db = Database::Open(url_);
      if (!db.ok()) {
        ADD_FAILURE() << db.status().ToString();
        ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST_F(PostgresDatabaseTest, DocumentRoundTripKeepsBytesAndText) {
  auto db = Open();
  ASSERT_TRUE(db);
  model::Document doc =
      Doc("0123456789abcdef0123456789abcdef", "Biden met Xi. 拜登與習近平會晤。");
  doc.title = "It's \"quoted\" \\ and 中文";
  doc.date = "2022-11-14";
  doc.date_basis = "front_matter";
  for (int b = 0; b < 256; ++b) doc.raw.push_back(static_cast<char>(b));  // every byte value
  doc.paragraphs.push_back({{0, static_cast<uint32_t>(doc.text.size())}, "en", "Latn"});
  model::Sentence s1;
  s1.index = 0;
  s1.span = {0, 13};
  s1.lang = "en";
  s1.normalized = "biden met xi.";
  model::Sentence s2;
  s2.index = 1;
  s2.span = {14, static_cast<uint32_t>(doc.text.size())};
  s2.lang = "zh-Hant";
  s2.normalized = "拜登与习近平会晤。";
  doc.sentences = {s1, s2};
  doc.removed.push_back({{0, 0}, model::RemovalReason::kFrontMatter, "header"});
  doc.source_map = {{0, 14, 0, 14, true}, {14, 5, 40, 12, false}};
  const std::string minhash("\x00\x01\xff\x7f\x80 sig", 9);

  ASSERT_TRUE(db->Begin().ok());
  auto run = db->StartRun("test");
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_GT(*run, 0);
  ASSERT_TRUE(db->InsertDocument(doc, minhash, *run).ok());
  ASSERT_TRUE(db->Commit().ok());
  ASSERT_TRUE(db->FinishRun(*run, {1, 1, 0, 0}).ok());

  auto loaded = db->LoadDocument(doc.id);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->text, doc.text);
  EXPECT_EQ(loaded->title, doc.title);
  EXPECT_EQ(loaded->raw, doc.raw);
  EXPECT_EQ(loaded->date, doc.date);
  ASSERT_EQ(loaded->sentences.size(), 2u);
  EXPECT_EQ(loaded->sentences[1].normalized, s2.normalized);
  ASSERT_EQ(loaded->source_map.size(), 2u);
  EXPECT_EQ(loaded->source_map[1].source_begin, 40u);
  ASSERT_EQ(loaded->removed.size(), 1u);
  EXPECT_EQ(loaded->removed[0].reason, model::RemovalReason::kFrontMatter);
  auto signatures = db->AllSignatures();
  ASSERT_TRUE(signatures.ok());
  ASSERT_EQ(signatures->size(), 1u);
  EXPECT_EQ((*signatures)[0].second, minhash);
  auto docs = db->ListDocuments();
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].langs, "en,zh-Hant");
  EXPECT_EQ((*docs)[0].sentences, 2);
  auto id = db->ResolveDocumentId("0123");
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(*id, doc.id);
  EXPECT_EQ(db->ResolveDocumentId("9999").status().code(), StatusCode::kNotFound);
}

TEST_F(PostgresDatabaseTest, DuplicateInsertIsRejectedWithSqlstateAndRolledBack) {
  auto db = Open();
  ASSERT_TRUE(db);
  const model::Document doc = Doc("aaaa0001", "Xi met Putin.");
  ASSERT_TRUE(db->Begin().ok());
  ASSERT_TRUE(db->InsertDocument(doc, "", 0).ok());
  ASSERT_TRUE(db->Commit().ok());
  ASSERT_TRUE(db->Begin().ok());
  const Status s = db->InsertDocument(doc, "", 0);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("SQLSTATE 23505"), std::string::npos) << s.ToString();
  ASSERT_TRUE(db->Rollback().ok());
  ASSERT_TRUE(db->Rollback().ok());  // nothing open: a no-op
  auto summary = db->Summary();
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->documents, 1);
}

TEST_F(PostgresDatabaseTest, StatementsPreparedInARolledBackTransactionStayUsable) {
  auto db = Open();
  ASSERT_TRUE(db);
  const model::Document doc = Doc("cccc0003", "Xi met Putin.");
  ASSERT_TRUE(db->Begin().ok());
  ASSERT_TRUE(db->InsertDocument(doc, "sig", 0).ok());  // prepares its statements
  ASSERT_TRUE(db->Rollback().ok());
  ASSERT_TRUE(db->Begin().ok());
  const Status s = db->InsertDocument(doc, "sig", 0);  // reuses them
  EXPECT_TRUE(s.ok()) << s.ToString();
  ASSERT_TRUE(db->Commit().ok());
  EXPECT_TRUE(*db->HasDocument(doc.id));
}

TEST_F(PostgresDatabaseTest, ManyDistinctStatementsOutgrowTheCacheSafely) {
  auto db = Open();
  ASSERT_TRUE(db);
  EventRepository repo(*db);
  // Each limit is a new statement text; past the cache size unused ones
  // are deallocated while the cached ones keep working.
  for (int limit = 1; limit <= 300; ++limit) {
    EventFilter filter;
    filter.limit = limit;
    auto events = repo.Query(filter);
    ASSERT_TRUE(events.ok()) << limit << ": " << events.status().ToString();
  }
  auto summary = db->Summary();
  EXPECT_TRUE(summary.ok()) << summary.status().ToString();
}

TEST_F(PostgresDatabaseTest, TextWithANulByteIsRefused) {
  auto db = Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Begin().ok());
  const Status s = db->InsertDocument(Doc("aaaa0002", std::string("a\0b", 3)), "", 0);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << s.ToString();
  EXPECT_NE(s.message().find("NUL"), std::string::npos) << s.ToString();
  ASSERT_TRUE(db->Rollback().ok());
}

TEST_F(PostgresDatabaseTest, SkipsAndLinksUpsert) {
  auto db = Open();
  ASSERT_TRUE(db);
  SkipRecord skip{"feed.jsonl", 3, 17, "InvalidArgument", "feed.jsonl:3: not JSON"};
  ASSERT_TRUE(db->RecordSkip(skip, 0).ok());
  skip.reason = "feed.jsonl:3: still not JSON";
  ASSERT_TRUE(db->RecordSkip(skip, 0).ok());
  auto skips = db->ListSkips();
  ASSERT_TRUE(skips.ok());
  ASSERT_EQ(skips->size(), 1u);
  EXPECT_EQ((*skips)[0].reason, skip.reason);
  EXPECT_EQ((*skips)[0].byte_offset, 17);
  ASSERT_TRUE(db->ClearSkip("feed.jsonl", 3).ok());
  EXPECT_TRUE(db->ListSkips()->empty());

  ASSERT_TRUE(db->Begin().ok());
  ASSERT_TRUE(db->InsertDocument(Doc("aaaa0001", "a"), "", 0).ok());
  ASSERT_TRUE(db->InsertDocument(Doc("bbbb0002", "b"), "", 0).ok());
  ASSERT_TRUE(db->Commit().ok());
  ASSERT_TRUE(db->LinkDocuments("bbbb0002", "aaaa0001", "near_duplicate", 0.9).ok());
  ASSERT_TRUE(db->LinkDocuments("aaaa0001", "bbbb0002", "near_duplicate", 0.1 + 0.2).ok());
  auto links = db->ListLinks();
  ASSERT_TRUE(links.ok());
  ASSERT_EQ(links->size(), 1u);
  EXPECT_EQ((*links)[0].doc_a, "aaaa0001");
  EXPECT_EQ((*links)[0].similarity, 0.1 + 0.2);  // exact: doubles round-trip
}

TEST_F(PostgresDatabaseTest, EventsKeepIngestOrderNullDatesFirstAndImportsOnce) {
  auto db = Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Begin().ok());
  // Ids in reverse order of insertion: coding must follow ingest order.
  ASSERT_TRUE(db->InsertDocument(Doc("ffff0001", "x"), "", 0).ok());
  ASSERT_TRUE(db->InsertDocument(Doc("aaaa0002", "y"), "", 0).ok());
  ASSERT_TRUE(db->Commit().ok());
  EventRepository repo(*db);
  auto todo = repo.DocumentsToCode("v1");
  ASSERT_TRUE(todo.ok()) << todo.status().ToString();
  EXPECT_EQ(*todo, (std::vector<std::string>{"ffff0001", "aaaa0002"}));

  model::Event dated;
  dated.source = "USAGOV";
  dated.target = "CHNGOV";
  dated.source_country = "USA";
  dated.target_country = "CHN";
  dated.code = "042";
  dated.root = "04";
  dated.quad_class = 1;
  dated.goldstein = 1.9;
  dated.date = "2022-11-14";
  model::Event undated = dated;
  undated.date.reset();
  DocumentEvent d1{dated, 0, "en", {{0, "trigger", 0, 1, "x"}}};
  DocumentEvent d2{undated, 0, "en", {}};
  ASSERT_TRUE(db->Begin().ok());
  ASSERT_TRUE(repo.ReplaceDocumentEvents("ffff0001", "v1", {d1, d2}).ok());
  ASSERT_TRUE(repo.ReplaceDocumentEvents("ffff0001", "v1", {d1, d2}).ok());  // no stale rows
  ASSERT_TRUE(db->Commit().ok());
  todo = repo.DocumentsToCode("v1");
  EXPECT_EQ(*todo, (std::vector<std::string>{"aaaa0002"}));

  auto inserted = repo.InsertImported("gdelt2", "f.csv", 7, "ext-1", dated);
  ASSERT_TRUE(inserted.ok()) << inserted.status().ToString();
  EXPECT_TRUE(*inserted);
  inserted = repo.InsertImported("gdelt2", "f.csv", 7, "ext-1", dated);
  ASSERT_TRUE(inserted.ok()) << inserted.status().ToString();
  EXPECT_FALSE(*inserted);

  EventFilter filter;
  filter.with_evidence = true;
  auto events = repo.Query(filter);
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  ASSERT_EQ(events->size(), 3u);
  EXPECT_FALSE((*events)[0].event.date.has_value());  // NULL dates sort first, as in SQLite
  EXPECT_EQ((*events)[1].origin, "trigon");
  ASSERT_EQ((*events)[1].evidence.size(), 1u);
  EXPECT_EQ((*events)[1].evidence[0].kind, "trigger");
  EXPECT_EQ((*events)[1].event.goldstein, 1.9);
  EXPECT_EQ((*events)[2].external_id, "ext-1");
}

TEST_F(PostgresDatabaseTest, ReadOnlyConnectionsCannotWrite) {
  ASSERT_TRUE(Open());  // migrate first
  StoreOptions ro;
  ro.read_only = true;
  auto db = Open(ro);
  ASSERT_TRUE(db);
  EXPECT_TRUE(db->Summary().ok());
  const Status s = db->RecordSkip({"f", 0, std::nullopt, "IOError", "x"}, 0);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("SQLSTATE 25006"), std::string::npos) << s.ToString();
}

}  // namespace
}  // namespace trigon::store
