#include "coding/plover.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "testing/testing.h"

namespace trigon::coding {
namespace {

TEST(PloverTest, MapsCodesFromTheTable) {
  auto phone = PloverForCameo("041");
  ASSERT_TRUE(phone.has_value());
  EXPECT_EQ(phone->event_type, "CONSULT");
  EXPECT_EQ(phone->mode, "phone");

  auto nuclear = PloverForCameo("2042");
  ASSERT_TRUE(nuclear.has_value());
  EXPECT_EQ(nuclear->event_type, "ASSAULT");
  EXPECT_EQ(nuclear->mode, "unconventional");
  EXPECT_EQ(nuclear->contexts, "cbrn");

  auto war_crimes = PloverForCameo("094");
  ASSERT_TRUE(war_crimes.has_value());
  EXPECT_EQ(war_crimes->contexts, "military;legal");
}

TEST(PloverTest, UnlistedCodesFallBackToTheirParent) {
  // The table lists every CAMEO code GDELT uses; a project's own 4-digit
  // extension (0419 here) takes its 3-digit parent's row.
  auto child = PloverForCameo("0419");
  ASSERT_TRUE(child.has_value());
  EXPECT_EQ(child->event_type, "CONSULT");
  EXPECT_EQ(child->mode, "phone");
}

TEST(PloverTest, StatementsAndAppealsHaveNoCategory) {
  EXPECT_FALSE(PloverForCameo("010").has_value());
  EXPECT_FALSE(PloverForCameo("0214").has_value());
  EXPECT_FALSE(PloverForCameo("").has_value());
  EXPECT_FALSE(PloverForCameo("9").has_value());
}

// Every code of the manual's table resolves to the type it lists.
TEST(PloverTest, AgreesWithTheManualsTable) {
  const std::string shared = trigon::testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared absent";
  std::ifstream in(shared + "/data/cameo/CAMEO2PLOVER-2021.txt");
  ASSERT_TRUE(in.good());
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    const size_t colon = line.find(':');
    if (colon < 2 || colon > 4 || line.find_first_not_of("0123456789") != colon) continue;
    const std::string code = line.substr(0, colon);
    size_t begin = line.find_first_not_of(' ', colon + 1);
    size_t end = line.find_first_of(", #", begin);
    const std::string type = line.substr(begin, end - begin);
    auto got = PloverForCameo(code);
    ASSERT_TRUE(got.has_value()) << code;
    // "08" is listed twice (CONCEDE, then RETREAT for 084-087): the first
    // row wins, and every 3-digit 08x code has its own row.
    if (code != "08") {
      EXPECT_EQ(got->event_type, type) << code;
    }
    ++checked;
  }
  EXPECT_GT(checked, 250);
}

}  // namespace
}  // namespace trigon::coding
