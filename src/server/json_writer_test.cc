#include "server/json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace trigon::server {
namespace {

TEST(JsonWriterTest, NestsWithCommas) {
  JsonWriter w;
  w.BeginObject();
  w.Key("a").Int(1);
  w.Key("b").BeginArray().String("x").Double(0.5).Bool(true).Null().EndArray();
  w.Key("c").BeginObject().EndObject();
  w.Key("d").BeginArray().BeginObject().Key("e").Int(-2).EndObject().BeginObject().EndObject().EndArray();
  w.EndObject();
  EXPECT_EQ(w.str(), R"({"a":1,"b":["x",0.5,true,null],"c":{},"d":[{"e":-2},{}]})");
}

TEST(JsonWriterTest, NumbersRoundTripAndNonFiniteIsNull) {
  JsonWriter w;
  w.BeginArray()
      .Double(0.1)
      .Double(-8)
      .Double(-0.0)
      .Double(std::nan(""))
      .Double(std::numeric_limits<double>::infinity())
      .EndArray();
  EXPECT_EQ(w.str(), "[0.1,-8,0,null,null]");
}

TEST(JsonWriterTest, StringsAreEscapedForScriptsToo) {
  JsonWriter w;
  w.BeginArray().String("</script>\"\\\n\x01").EndArray();
  EXPECT_EQ(w.str().find("</script>"), std::string::npos);
  EXPECT_EQ(w.str().find('\n'), std::string::npos);
  EXPECT_NE(w.str().find("\\\""), std::string::npos);
  EXPECT_NE(w.str().find("\\u0001"), std::string::npos);
}

TEST(JsonWriterTest, SanitizeReplacesInvalidUtf8) {
  EXPECT_EQ(SanitizeUtf8("ok 中"), "ok 中");
  EXPECT_EQ(SanitizeUtf8("a\xff" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(SanitizeUtf8("\xe4\xb8"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(JsonError("bad \xff"), "{\"error\":\"bad \xEF\xBF\xBD\"}");
}

}  // namespace
}  // namespace trigon::server
