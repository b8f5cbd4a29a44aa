#include "dictformat/peer_coder.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "testing/testing.h"

namespace trigon::dictformat {
namespace {

std::string Write(const std::string& dir, const std::string& name, const std::string& text) {
  const std::string path = dir + "/" + name;
  FILE* f = std::fopen(path.c_str(), "w");
  std::fputs(text.c_str(), f);
  std::fclose(f);
  return path;
}

coding::SentenceResult CodeOne(const coding::Coder& coder, std::string_view text) {
  coding::SentenceInput in;
  in.text = text;
  in.lang = "en";
  in.document_date = "2025-03-14";
  return coder.CodeSentence(in);
}

TEST(PeerCoderTest, TabariFilesCodeIntoModelEvents) {
  const std::string dir = trigon::testing::MakeTempDir();
  PeerCoderConfig config;
  config.files.verbs = Write(dir, "t.verbs", "ACCUSE [112]\nURGE [102]\n");
  config.files.actors = {Write(dir, "t.actors", "CHINA [CHN]\nRUSSIA [RUS]\n")};
  config.files.agents = Write(dir, "t.agents", "MINISTRY_ [~GOV]\n");
  auto coder = OpenPeerCoder(config);
  ASSERT_TRUE(coder.ok()) << coder.status().ToString();
  const auto r = CodeOne(**coder, "The China ministry accused Russia of meddling in the election.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].source, "CHNGOV");
  EXPECT_EQ(r.events[0].source_country, "CHN");
  EXPECT_EQ(r.events[0].target, "RUS");
  EXPECT_EQ(r.events[0].code, "112");
  EXPECT_EQ(r.events[0].root, "11");
  EXPECT_EQ(r.events[0].quad_class, 3);
  EXPECT_EQ(r.events[0].date, "2025-03-14");
}

TEST(PeerCoderTest, CombinedWithTrigonDictionaries) {
  const std::string dir = trigon::testing::MakeTempDir();
  PeerCoderConfig config;
  // A peer verb only; the actors come from Trigon's data/dict.
  config.files.verbs = Write(dir, "t.verbs", "SCOLD [123]\n");
  config.trigon_dict_dir = trigon::testing::SourceDir() + "/data/dict";
  auto coder = OpenPeerCoder(config);
  ASSERT_TRUE(coder.ok()) << coder.status().ToString();
  const auto r = CodeOne(**coder, "China scolded Russia on Tuesday over the border incident.");
  bool peer_event = false;
  for (const auto& e : r.events) {
    peer_event = peer_event || (e.source_country == "CHN" && e.target_country == "RUS" &&
                                e.code == "123");
  }
  EXPECT_TRUE(peer_event);
}

TEST(PeerCoderTest, ErrorsNameTheFile) {
  const std::string dir = trigon::testing::MakeTempDir();
  PeerCoderConfig config;
  config.format = PeerFormat::kPetrarch;
  config.files.verbs = Write(dir, "v.txt", "--- X [010] ---\nX\n- NO STAR [011]\n");
  auto coder = OpenPeerCoder(config);
  ASSERT_FALSE(coder.ok());
  EXPECT_NE(coder.status().message().find("v.txt:3"), std::string::npos)
      << coder.status().message();
  EXPECT_FALSE(OpenPeerCoder(PeerCoderConfig()).ok());
}

}  // namespace
}  // namespace trigon::dictformat
