#include "store/database.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "store/migrations.h"
#include "testing/testing.h"

namespace trigon::store {
namespace {

model::Document SampleDocument() {
  model::Document doc;
  doc.id = "0123456789abcdef0123456789abcdef";
  doc.source_path = "data/sample/en/001.txt";
  doc.format = "text";
  doc.encoding = "UTF-8";
  doc.title = "Biden and Xi meet in Bali";
  doc.date = "2022-11-14";
  doc.date_basis = "front_matter";
  doc.text = "title: x\n\nBiden met Xi. 拜登與習近平會晤。";
  doc.source_bytes = doc.text.size();
  doc.removed.push_back({{0, 8}, model::RemovalReason::kFrontMatter, "header"});
  doc.paragraphs.push_back({{10, static_cast<uint32_t>(doc.text.size())}, "en", "Latn"});
  model::Sentence s1;
  s1.index = 0;
  s1.span = {10, 23};
  s1.lang = "en";
  s1.normalized = "biden met xi.";
  model::Sentence s2;
  s2.index = 1;
  s2.span = {24, static_cast<uint32_t>(doc.text.size())};
  s2.lang = "zh-Hant";
  s2.normalized = "拜登与习近平会晤。";
  doc.sentences = {s1, s2};
  doc.source_map = {{0, 10, 0, 10, true}, {10, 5, 40, 12, false}};
  return doc;
}

TEST(DatabaseTest, MigratesToLatestVersion) {
  auto db = Database::Open(":memory:");
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto v = (*db)->SchemaVersion();
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, AllMigrations().back().version);
}

TEST(DatabaseTest, DocumentRoundTrip) {
  auto db = Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  const model::Document doc = SampleDocument();
  ASSERT_TRUE((*db)->Begin().ok());
  auto run = (*db)->StartRun("test");
  ASSERT_TRUE(run.ok());
  ASSERT_TRUE((*db)->InsertDocument(doc, "sig", *run).ok());
  ASSERT_TRUE((*db)->Commit().ok());

  auto loaded = (*db)->LoadDocument(doc.id);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->text, doc.text);
  EXPECT_EQ(loaded->title, doc.title);
  EXPECT_EQ(loaded->date, doc.date);
  ASSERT_EQ(loaded->sentences.size(), 2u);
  EXPECT_EQ(loaded->sentences[1].span, doc.sentences[1].span);
  EXPECT_EQ(loaded->sentences[1].normalized, "拜登与习近平会晤。");
  ASSERT_EQ(loaded->removed.size(), 1u);
  EXPECT_EQ(loaded->removed[0].reason, model::RemovalReason::kFrontMatter);
  ASSERT_EQ(loaded->source_map.size(), 2u);
  EXPECT_FALSE(loaded->source_map[1].exact);
  EXPECT_EQ(loaded->source_map[1].source_begin, 40u);

  auto sentences = (*db)->ListSentences(doc.id);
  ASSERT_TRUE(sentences.ok());
  EXPECT_EQ((*sentences)[0].text, "Biden met Xi.");
  // Offsets inside the inexact piece map to its start in the source.
  EXPECT_EQ((*sentences)[0].source_begin, 40);

  auto has = (*db)->HasDocument(doc.id);
  ASSERT_TRUE(has.ok());
  EXPECT_TRUE(*has);
}

TEST(DatabaseTest, DuplicateInsertIsRejectedAndRolledBack) {
  auto db = Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  const model::Document doc = SampleDocument();
  ASSERT_TRUE((*db)->Begin().ok());
  ASSERT_TRUE((*db)->InsertDocument(doc, "", 0).ok());
  ASSERT_TRUE((*db)->Commit().ok());
  ASSERT_TRUE((*db)->Begin().ok());
  EXPECT_FALSE((*db)->InsertDocument(doc, "", 0).ok());
  ASSERT_TRUE((*db)->Rollback().ok());
  auto summary = (*db)->Summary();
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->documents, 1);
  EXPECT_EQ(summary->sentences, 2);
}

TEST(DatabaseTest, SkipsAreKeyedByPathAndLine) {
  auto db = Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  SkipRecord skip{"feed.jsonl", 3, 17, "InvalidArgument", "feed.jsonl:3: not JSON"};
  auto run1 = (*db)->StartRun("first");
  auto run2 = (*db)->StartRun("rerun");
  ASSERT_TRUE(run1.ok() && run2.ok());
  ASSERT_TRUE((*db)->RecordSkip(skip, *run1).ok());
  ASSERT_TRUE((*db)->RecordSkip(skip, *run2).ok());  // a rerun: no duplicate
  auto skips = (*db)->ListSkips();
  ASSERT_TRUE(skips.ok());
  ASSERT_EQ(skips->size(), 1u);
  EXPECT_EQ((*skips)[0].byte_offset, 17);
  ASSERT_TRUE((*db)->ClearSkip("feed.jsonl", 3).ok());
  skips = (*db)->ListSkips();
  ASSERT_TRUE(skips.ok());
  EXPECT_TRUE(skips->empty());
}

TEST(DatabaseTest, LinksAreOrderInsensitive) {
  auto db = Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  model::Document a = SampleDocument();
  model::Document b = SampleDocument();
  b.id = "ffff456789abcdef0123456789abcdef";
  ASSERT_TRUE((*db)->Begin().ok());
  ASSERT_TRUE((*db)->InsertDocument(a, "", 0).ok());
  ASSERT_TRUE((*db)->InsertDocument(b, "", 0).ok());
  ASSERT_TRUE((*db)->Commit().ok());
  ASSERT_TRUE((*db)->LinkDocuments(b.id, a.id, "near_duplicate", 0.9).ok());
  ASSERT_TRUE((*db)->LinkDocuments(a.id, b.id, "near_duplicate", 0.95).ok());
  auto links = (*db)->ListLinks();
  ASSERT_TRUE(links.ok());
  ASSERT_EQ(links->size(), 1u);
  EXPECT_EQ((*links)[0].doc_a, a.id);
  EXPECT_DOUBLE_EQ((*links)[0].similarity, 0.95);
  EXPECT_FALSE((*db)->LinkDocuments(a.id, a.id, "near_duplicate", 1).ok());
}

TEST(DatabaseTest, ResolvesUniquePrefixes) {
  auto db = Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  model::Document a = SampleDocument();
  ASSERT_TRUE((*db)->Begin().ok());
  ASSERT_TRUE((*db)->InsertDocument(a, "", 0).ok());
  ASSERT_TRUE((*db)->Commit().ok());
  auto id = (*db)->ResolveDocumentId("0123");
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(*id, a.id);
  EXPECT_EQ((*db)->ResolveDocumentId("9999").status().code(), StatusCode::kNotFound);
  EXPECT_EQ((*db)->ResolveDocumentId("01").status().code(),
            StatusCode::kInvalidArgument);
}

TEST(DatabaseTest, ReopeningAFileKeepsDataAndDoesNotRemigrate) {
  const std::string dir = testing::MakeTempDir();
  const std::string path = dir + "/t.db";
  {
    auto db = Database::Open(path);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Begin().ok());
    ASSERT_TRUE((*db)->InsertDocument(SampleDocument(), "", 0).ok());
    ASSERT_TRUE((*db)->Commit().ok());
  }
  auto db = Database::Open(path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto s = (*db)->Summary();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->documents, 1);
}

TEST(DatabaseTest, NotADatabaseIsCorruption) {
  const std::string dir = testing::MakeTempDir();
  const std::string path = dir + "/junk.db";
  std::ofstream(path) << std::string(8192, 'x');
  auto db = Database::Open(path);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kCorruption) << db.status().ToString();
  EXPECT_NE(db.status().message().find("junk.db"), std::string::npos);
}

TEST(DatabaseTest, LockedDatabaseReportsAnErrorInsteadOfHanging) {
  const std::string dir = testing::MakeTempDir();
  const std::string path = dir + "/locked.db";
  StoreOptions quick;
  quick.busy_timeout_ms = 50;
  auto holder = Database::Open(path, quick);
  ASSERT_TRUE(holder.ok());
  ASSERT_TRUE((*holder)->Begin().ok());  // holds the write lock
  auto other = Database::Open(path, quick);
  ASSERT_TRUE(other.ok());
  const Status s = (*other)->Begin();
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("locked"), std::string::npos) << s.ToString();
  ASSERT_TRUE((*holder)->Rollback().ok());
}

TEST(DatabaseTest, DiskFullDuringInsertLeavesNothingBehind) {
  auto db = Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  // Limit the database to its current size so the next insert fails as a
  // full disk would.
  sqlite3* h = (*db)->TEST_handle();
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(h, "PRAGMA page_count", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  const int64_t pages = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  const std::string pragma = "PRAGMA max_page_count = " + std::to_string(pages);
  ASSERT_EQ(sqlite3_exec(h, pragma.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);

  model::Document big = SampleDocument();
  big.text = std::string(1 << 20, 'a');
  ASSERT_TRUE((*db)->Begin().ok());
  const Status s = (*db)->InsertDocument(big, "", 0);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted) << s.ToString();
  ASSERT_TRUE((*db)->Rollback().ok());
  auto summary = (*db)->Summary();
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->documents, 0);
  EXPECT_EQ(summary->sentences, 0);
}

TEST(SourceMapCodecTest, RoundTripAndCorruption) {
  std::vector<model::SourcePiece> map = {{0, 3, 0, 6, false}, {3, 10, 6, 10, true}};
  const std::string bytes = EncodeSourceMap(map);
  auto back = DecodeSourceMap(bytes);
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), 2u);
  EXPECT_EQ((*back)[0].source_length, 6u);
  EXPECT_TRUE((*back)[1].exact);
  EXPECT_EQ(DecodeSourceMap(bytes.substr(0, 7)).status().code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace trigon::store
