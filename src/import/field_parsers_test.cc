#include "import/field_parsers.h"

#include <gtest/gtest.h>

namespace trigon::import {
namespace {

TEST(FieldParsersTest, Dates) {
  EXPECT_EQ(*ParseDateField("2012-08-01", "d"), "2012-08-01");
  EXPECT_EQ(*ParseDateField("20120801", "d"), "2012-08-01");
  EXPECT_EQ(*ParseDateField("20000229", "d"), "2000-02-29");
  EXPECT_FALSE(ParseDateField("19000229", "d").ok());
  EXPECT_FALSE(ParseDateField("2012-13-01", "d").ok());
  EXPECT_FALSE(ParseDateField("2012/08/01", "d").ok());
  EXPECT_FALSE(ParseDateField("", "d").ok());
  EXPECT_NE(ParseDateField("x", "SQLDATE").status().message().find("SQLDATE"), std::string::npos);
}

TEST(FieldParsersTest, Goldstein) {
  EXPECT_DOUBLE_EQ(*ParseGoldsteinField("-4.4", "g"), -4.4);
  EXPECT_DOUBLE_EQ(*ParseGoldsteinField("10", "g"), 10.0);
  EXPECT_FALSE(ParseGoldsteinField("10.5", "g").ok());
  EXPECT_FALSE(ParseGoldsteinField("nan", "g").ok());
  EXPECT_FALSE(ParseGoldsteinField("1.0x", "g").ok());
  EXPECT_FALSE(ParseGoldsteinField("", "g").ok());
}

TEST(FieldParsersTest, CameoCodesKeepOrRestoreTheLeadingZero) {
  EXPECT_EQ(*ParseCameoCodeField("042", "", "c"), "042");
  EXPECT_EQ(*ParseCameoCodeField("42", "", "c"), "042");
  EXPECT_EQ(*ParseCameoCodeField("841", "", "c"), "0841");
  EXPECT_EQ(*ParseCameoCodeField("112", "", "c"), "112");
  EXPECT_EQ(*ParseCameoCodeField("1123", "", "c"), "1123");
  EXPECT_EQ(*ParseCameoCodeField("04", "04", "c"), "04");
  EXPECT_EQ(*ParseCameoCodeField("4", "04", "c"), "04");
  EXPECT_FALSE(ParseCameoCodeField("130", "04", "c").ok());
  EXPECT_FALSE(ParseCameoCodeField("0A1", "", "c").ok());
  EXPECT_FALSE(ParseCameoCodeField("12345", "", "c").ok());
  EXPECT_FALSE(ParseCameoCodeField("", "", "c").ok());
}

TEST(FieldParsersTest, Counts) {
  EXPECT_EQ(*ParseCountField("12", "n"), 12);
  EXPECT_FALSE(ParseCountField("-1", "n").ok());
  EXPECT_FALSE(ParseCountField("1.5", "n").ok());
  EXPECT_TRUE(IsMissing("NA"));
  EXPECT_TRUE(IsMissing(""));
  EXPECT_FALSE(IsMissing("USA"));
}

}  // namespace
}  // namespace trigon::import
