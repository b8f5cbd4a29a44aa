#include "model/event.h"

#include <gtest/gtest.h>

namespace trigon::model {
namespace {

TEST(EventTest, RootCode) {
  EXPECT_EQ(RootCode("0841"), "08");
  EXPECT_EQ(RootCode("163"), "16");
  EXPECT_EQ(RootCode("04"), "04");
  EXPECT_EQ(RootCode("4"), "");
  EXPECT_EQ(RootCode("12a"), "");
  EXPECT_EQ(RootCode("12345"), "");
}

TEST(EventTest, QuadClassGdelt) {
  EXPECT_EQ(QuadClassGdelt("01"), 1);
  EXPECT_EQ(QuadClassGdelt("05"), 1);
  EXPECT_EQ(QuadClassGdelt("06"), 2);
  EXPECT_EQ(QuadClassGdelt("09"), 2);
  EXPECT_EQ(QuadClassGdelt("10"), 3);
  EXPECT_EQ(QuadClassGdelt("14"), 3);
  EXPECT_EQ(QuadClassGdelt("15"), 4);
  EXPECT_EQ(QuadClassGdelt("20"), 4);
  EXPECT_EQ(QuadClassGdelt("21"), 0);
  EXPECT_EQ(QuadClassGdelt("00"), 0);
  EXPECT_EQ(QuadClassGdelt("x"), 0);
}

TEST(EventTest, QuadClassPhoenix) {
  EXPECT_EQ(QuadClassPhoenix("01"), 0);
  EXPECT_EQ(QuadClassPhoenix("02"), 0);
  EXPECT_EQ(QuadClassPhoenix("03"), 1);
  EXPECT_EQ(QuadClassPhoenix("08"), 2);
  EXPECT_EQ(QuadClassPhoenix("09"), 3);
  EXPECT_EQ(QuadClassPhoenix("14"), 4);
  EXPECT_EQ(QuadClassPhoenix("16"), 3);
  EXPECT_EQ(QuadClassPhoenix("17"), 4);
  EXPECT_EQ(QuadClassPhoenix("99"), -1);
}

TEST(EventTest, ModalityNamesRoundTrip) {
  for (Modality m :
       {Modality::kAsserted, Modality::kNegated, Modality::kHypothetical,
        Modality::kAdvocated, Modality::kFuture, Modality::kHistorical}) {
    Modality back = Modality::kAsserted;
    ASSERT_TRUE(ParseModality(ModalityName(m), &back));
    EXPECT_EQ(back, m);
  }
  Modality m = Modality::kNegated;
  EXPECT_FALSE(ParseModality("maybe", &m));
  EXPECT_EQ(DateBasisName(DateBasis::kText), "text");
}

}  // namespace
}  // namespace trigon::model
