#pragma once
// Test-only (included by *_test.cc, never by the library): a small
// database for the server tests, with hostile text in titles and
// sentences, coded events of several modalities, a removed span, an
// undated event and an imported one.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "model/event.h"
#include "store/database.h"
#include "store/event_repository.h"

namespace trigon::server::testing {

inline constexpr char kDocEn[] = "aaaa000000000001";
inline constexpr char kDocZh[] = "bbbb000000000002";
inline constexpr char kHostileTitle[] = "<script>alert(\"x\")</script> Sanctions & pacts";

// Adds sentence/paragraph spans for each of `sentences` found in doc.text.
inline void Split(model::Document& doc, const std::vector<std::string>& sentences,
                  const std::string& lang) {
  model::Paragraph p;
  p.lang = lang;
  p.span = {0, static_cast<uint32_t>(doc.text.size())};
  doc.paragraphs.push_back(p);
  for (const std::string& s : sentences) {
    const size_t at = doc.text.find(s);
    ASSERT_NE(at, std::string::npos) << s;
    model::Sentence sent;
    sent.index = static_cast<uint32_t>(doc.sentences.size());
    sent.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + s.size())};
    sent.lang = lang;
    sent.normalized = s;
    doc.sentences.push_back(sent);
  }
}

inline model::Event MakeEvent(const std::string& src, const std::string& tgt,
                              const std::string& code, double goldstein,
                              const std::string& date,
                              model::Modality modality = model::Modality::kAsserted) {
  model::Event e;
  e.source = src;
  e.target = tgt;
  e.source_country = src.substr(0, 3);
  e.target_country = tgt.substr(0, 3);
  e.code = code;
  e.root = model::RootCode(code);
  e.quad_class = model::QuadClassGdelt(e.root);
  e.goldstein = goldstein;
  e.modality = modality;
  if (!date.empty()) e.date = date;
  e.date_basis = model::DateBasis::kDocument;
  return e;
}

// Evidence at the first occurrence of `text` at or after `from`.
inline store::StoredEvidence Evidence(const model::Document& doc, uint32_t sentence,
                                      const std::string& kind, const std::string& text,
                                      size_t from = 0) {
  const size_t at = doc.text.find(text, from);
  EXPECT_NE(at, std::string::npos) << text;
  return {sentence, kind, static_cast<uint32_t>(at), static_cast<uint32_t>(at + text.size()),
          text};
}

inline store::DocumentEvent DocEvent(model::Event e, uint32_t sentence, const std::string& lang,
                                     std::vector<store::StoredEvidence> evidence) {
  store::DocumentEvent d;
  d.event = std::move(e);
  d.sentence = sentence;
  d.lang = lang;
  d.evidence = std::move(evidence);
  return d;
}

// Writes the database to `path`.  Events (asserted unless noted):
//   en doc, 2022-03-02: USAGOV->RUSGOV 163 (-8); CHNGOV->RUSGOV 057 (+8);
//     RUSGOV->USAGOV 111 hypothetical; USAGOV->RUSGOV 036 (+4) 2022-03-20
//   zh doc, 2022-04-10: CHN->RUS 040 (+1) x3, RUS->CHN 040 (+1) x2,
//     CHN->USA 112 dated "2022-04" only (undated for the analytics)
//   csv import: USA->CHN 112 (-2) 2022-03-15
inline void WriteTestDatabase(const std::string& path) {
  auto opened = store::Database::Open(path);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  store::Database& db = **opened;

  model::Document en;
  en.id = kDocEn;
  en.source_path = "news/en-1.txt";
  en.format = "text";
  en.encoding = "UTF-8";
  en.title = kHostileTitle;
  en.url = "javascript:alert(1)";
  en.date = "2022-03-02";
  en.date_basis = "front_matter";
  en.text =
      "Washington imposed sanctions on Moscow. Beijing & Moscow signed a <b>pact</b> "
      "\"onmouseover=alert(1)\". Washington later offered aid to Moscow.\n\n"
      "Recommended: ad text";
  Split(en,
        {"Washington imposed sanctions on Moscow.",
         "Beijing & Moscow signed a <b>pact</b> \"onmouseover=alert(1)\".",
         "Washington later offered aid to Moscow."},
        "en");
  const size_t rec = en.text.find("Recommended");
  en.removed.push_back({{static_cast<uint32_t>(rec), static_cast<uint32_t>(en.text.size())},
                        model::RemovalReason::kRecommendations,
                        "related block"});

  model::Document zh;
  zh.id = kDocZh;
  zh.source_path = "news/zh-1.txt";
  zh.format = "text";
  zh.encoding = "UTF-8";
  zh.title = "中俄会谈";
  zh.url = "https://example.com/zh?a=1&b=2";
  zh.date = "2022-04-10";
  zh.date_basis = "front_matter";
  zh.text = "中国与俄罗斯举行会谈。俄罗斯与中国再次会谈。";
  Split(zh, {"中国与俄罗斯举行会谈。", "俄罗斯与中国再次会谈。"}, "zh-Hans");

  ASSERT_TRUE(db.Begin().ok());
  ASSERT_TRUE(db.InsertDocument(en, "", 0).ok());
  ASSERT_TRUE(db.InsertDocument(zh, "", 0).ok());
  store::EventRepository repo(db);
  const size_t moscow2 = en.text.find("Moscow signed");
  ASSERT_TRUE(repo.ReplaceDocumentEvents(
                      kDocEn, "test",
                      {DocEvent(MakeEvent("USAGOV", "RUSGOV", "163", -8, "2022-03-02"), 0, "en",
                                {Evidence(en, 0, "trigger", "imposed sanctions"),
                                 Evidence(en, 0, "source", "Washington"),
                                 Evidence(en, 0, "target", "Moscow")}),
                       DocEvent(MakeEvent("CHNGOV", "RUSGOV", "057", 8, "2022-03-02"), 1, "en",
                                {Evidence(en, 1, "trigger", "signed"),
                                 Evidence(en, 1, "source", "Beijing"),
                                 Evidence(en, 1, "target", "Moscow", moscow2)}),
                       DocEvent(MakeEvent("RUSGOV", "USAGOV", "111", -2, "2022-03-02",
                                          model::Modality::kHypothetical),
                                0, "en", {}),
                       DocEvent(MakeEvent("USAGOV", "RUSGOV", "036", 4, "2022-03-20"), 2, "en",
                                {Evidence(en, 2, "trigger", "offered aid")})})
                  .ok());
  std::vector<store::DocumentEvent> zh_events;
  for (int i = 0; i < 3; ++i) {
    zh_events.push_back(DocEvent(MakeEvent("CHN", "RUS", "040", 1, "2022-04-10"), 0, "zh-Hans",
                                 {Evidence(zh, 0, "trigger", "会谈")}));
  }
  for (int i = 0; i < 2; ++i) {
    zh_events.push_back(DocEvent(MakeEvent("RUS", "CHN", "040", 1, "2022-04-10"), 1, "zh-Hans",
                                 {Evidence(zh, 1, "trigger", "再次会谈")}));
  }
  zh_events.push_back(DocEvent(MakeEvent("CHN", "USA", "112", -2, "2022-04"), 0, "zh-Hans", {}));
  ASSERT_TRUE(repo.ReplaceDocumentEvents(kDocZh, "test", zh_events).ok());
  auto imported = repo.InsertImported("csv", "/data/imports/weis.csv", 7, "ext-7",
                                      MakeEvent("USA", "CHN", "112", -2, "2022-03-15"));
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  ASSERT_TRUE(db.Commit().ok());
}

}  // namespace trigon::server::testing
