#include "store/event_repository.h"

#include <gtest/gtest.h>

#include "store/database.h"

namespace trigon::store {
namespace {

model::Document Doc(const std::string& id) {
  model::Document doc;
  doc.id = id;
  doc.source_path = id + ".txt";
  doc.format = "text";
  doc.encoding = "UTF-8";
  doc.text = "Xi met Putin.";
  return doc;
}

model::Event MakeEvent(const std::string& src, const std::string& tgt, const std::string& code,
                       const std::string& date) {
  model::Event e;
  e.source = src + "GOV";
  e.target = tgt + "GOV";
  e.source_country = src;
  e.target_country = tgt;
  e.code = code;
  e.root = model::RootCode(code);
  e.quad_class = model::QuadClassGdelt(e.root);
  e.goldstein = 1.0;
  e.date = date;
  e.date_basis = model::DateBasis::kDocument;
  return e;
}

class EventRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(":memory:");
    ASSERT_TRUE(db.ok());
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->Begin().ok());
    ASSERT_TRUE(db_->InsertDocument(Doc("aaaa0001"), "", 0).ok());
    ASSERT_TRUE(db_->InsertDocument(Doc("aaaa0002"), "", 0).ok());
    ASSERT_TRUE(db_->Commit().ok());
  }
  std::unique_ptr<Database> db_;
};

TEST_F(EventRepositoryTest, ReplacingADocumentsEventsLeavesNoStaleRows) {
  EventRepository repo(*db_);
  DocumentEvent d;
  d.event = MakeEvent("CHN", "RUS", "040", "2023-03-21");
  d.lang = "en";
  d.evidence = {{0, "trigger", 3, 6, "met"}, {0, "source", 0, 2, "Xi"}};
  ASSERT_TRUE(db_->Begin().ok());
  ASSERT_TRUE(repo.ReplaceDocumentEvents("aaaa0001", "v1", {d, d}).ok());
  ASSERT_TRUE(db_->Commit().ok());
  auto todo = repo.DocumentsToCode("v1");
  ASSERT_TRUE(todo.ok());
  EXPECT_EQ(*todo, std::vector<std::string>{"aaaa0002"});

  ASSERT_TRUE(db_->Begin().ok());
  ASSERT_TRUE(repo.ReplaceDocumentEvents("aaaa0001", "v2", {d}).ok());
  ASSERT_TRUE(db_->Commit().ok());
  EventFilter all;
  all.with_evidence = true;
  auto events = repo.Query(all);
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].doc_id, "aaaa0001");
  EXPECT_EQ((*events)[0].event.code, "040");
  ASSERT_EQ((*events)[0].evidence.size(), 2u);
  EXPECT_EQ((*events)[0].evidence[1].text, "Xi");
  todo = repo.DocumentsToCode("v2");
  ASSERT_TRUE(todo.ok());
  EXPECT_EQ(todo->size(), 1u);  // aaaa0002 still to code under v2
}

TEST_F(EventRepositoryTest, ImportsAreTaggedAndDeduplicatedByExternalId) {
  EventRepository repo(*db_);
  const model::Event e = MakeEvent("USA", "RUS", "163", "2022-02-26");
  auto first = repo.InsertImported("gdelt1", "g.csv", 2, "1001", e);
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(*first);
  auto again = repo.InsertImported("gdelt1", "g.csv", 2, "1001", e);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(*again);
  EXPECT_FALSE(repo.InsertImported("trigon", "x", 1, "1", e).ok());

  EventFilter f;
  f.origins = {"gdelt1"};
  auto rows = repo.Query(f);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].import_file, "g.csv");
  EXPECT_EQ((*rows)[0].event.quad_class, 4);
  f.origins = {"trigon"};
  rows = repo.Query(f);
  ASSERT_TRUE(rows.ok());
  EXPECT_TRUE(rows->empty());
}

TEST_F(EventRepositoryTest, FiltersByCountriesDatesAndModality) {
  EventRepository repo(*db_);
  model::Event a = MakeEvent("USA", "CHN", "111", "2023-01-05");
  model::Event b = MakeEvent("USA", "JPN", "040", "2023-02-05");
  model::Event c = MakeEvent("CHN", "USA", "040", "2023-03-05");
  c.modality = model::Modality::kFuture;
  ASSERT_TRUE(repo.InsertImported("csv", "f", 1, "a", a).ok());
  ASSERT_TRUE(repo.InsertImported("csv", "f", 2, "b", b).ok());
  ASSERT_TRUE(repo.InsertImported("csv", "f", 3, "c", c).ok());
  EventFilter f;
  f.countries = {"USA", "CHN", "RUS"};
  auto rows = repo.Query(f);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->size(), 2u);
  f.modalities = {"asserted"};
  rows = repo.Query(f);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].event.code, "111");
  f.modalities.clear();
  f.from = "2023-02-01";
  rows = repo.Query(f);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].event.source_country, "CHN");
}

TEST_F(EventRepositoryTest, StoryGroupsAreConnectedComponents) {
  ASSERT_TRUE(db_->Begin().ok());
  ASSERT_TRUE(db_->InsertDocument(Doc("aaaa0003"), "", 0).ok());
  ASSERT_TRUE(db_->InsertDocument(Doc("aaaa0004"), "", 0).ok());
  ASSERT_TRUE(db_->Commit().ok());
  ASSERT_TRUE(db_->LinkDocuments("aaaa0003", "aaaa0002", "near_duplicate", 0.9).ok());
  ASSERT_TRUE(db_->LinkDocuments("aaaa0004", "aaaa0003", "near_duplicate", 0.9).ok());
  EventRepository repo(*db_);
  auto groups = repo.StoryGroups();
  ASSERT_TRUE(groups.ok());
  ASSERT_EQ(groups->size(), 3u);
  for (const auto& [doc, rep] : *groups) EXPECT_EQ(rep, "aaaa0002") << doc;
}

}  // namespace
}  // namespace trigon::store
