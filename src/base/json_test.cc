#include "base/json.h"

#include <gtest/gtest.h>

namespace trigon::json {
namespace {

TEST(JsonTest, EscapesWhatJsonAndHtmlNeed) {
  EXPECT_EQ(Quote("plain"), "\"plain\"");
  EXPECT_EQ(Quote("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
  EXPECT_EQ(Quote(std::string("\x01", 1)), "\"\\u0001\"");
  EXPECT_EQ(Quote("</script>"), "\"\\u003c/script>\"");
  EXPECT_EQ(Quote("x\xE2\x80\xA8y"), "\"x\\u2028y\"");
  EXPECT_EQ(Quote("美国"), "\"美国\"");
}

}  // namespace
}  // namespace trigon::json
