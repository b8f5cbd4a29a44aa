#include "coding/goldstein.h"

#include <gtest/gtest.h>

#include <sstream>

#include "testing/testing.h"

namespace trigon::coding {
namespace {

TEST(GoldsteinTest, KnownCodesAndFallback) {
  EXPECT_DOUBLE_EQ(*GoldsteinScale("163"), -8.0);
  EXPECT_DOUBLE_EQ(*GoldsteinScale("041"), 1.0);
  EXPECT_DOUBLE_EQ(*GoldsteinScale("190"), -10.0);
  EXPECT_TRUE(GoldsteinScale("1639").has_value());  // falls back to 163
  EXPECT_FALSE(GoldsteinScale("99").has_value());
  EXPECT_FALSE(GoldsteinScale("").has_value());
}

// The generated table matches GDELT's file when ../shared is present.
TEST(GoldsteinTest, MatchesSharedGdeltTable) {
  const std::string shared = trigon::testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared absent";
  const std::string bytes = trigon::testing::ReadFileOrEmpty(
      shared + "/data/cameo/CAMEO.goldsteinscale.txt");
  if (bytes.empty()) GTEST_SKIP() << "GDELT table absent";
  std::istringstream in(bytes);
  std::string code;
  double weight = 0;
  std::string header;
  std::getline(in, header);
  int rows = 0;
  while (in >> code >> weight) {
    ASSERT_TRUE(GoldsteinScale(code).has_value()) << code;
    EXPECT_DOUBLE_EQ(*GoldsteinScale(code), weight) << code;
    ++rows;
  }
  EXPECT_EQ(rows, 311);
}

}  // namespace
}  // namespace trigon::coding
