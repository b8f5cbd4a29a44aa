#include "ingest/source_map.h"

#include <gtest/gtest.h>

namespace trigon::ingest {
namespace {

using model::SourcePiece;

TEST(SourceMapTest, AppendMergesContiguousExactPieces) {
  std::vector<SourcePiece> map;
  AppendPiece(map, {0, 5, 10, 5, true});
  AppendPiece(map, {5, 3, 15, 3, true});    // contiguous: merged
  AppendPiece(map, {9, 2, 18, 2, true});    // text gap: new piece
  AppendPiece(map, {11, 3, 20, 5, false});  // inexact: new piece
  AppendPiece(map, {14, 1, 25, 1, true});   // after inexact: new piece
  ASSERT_EQ(map.size(), 4u);
  EXPECT_EQ(map[0].text_length, 8u);
  EXPECT_EQ(map[0].source_length, 8u);
}

TEST(SourceMapTest, MapBeginAndEnd) {
  const std::vector<SourcePiece> map = {{0, 4, 100, 4, true},
                                        {6, 3, 200, 2, false}};
  EXPECT_EQ(MapBegin(map, 0), 100u);
  EXPECT_EQ(MapBegin(map, 3), 103u);
  EXPECT_EQ(MapBegin(map, 4), 104u);  // gap: end of previous piece
  EXPECT_EQ(MapBegin(map, 7), 200u);  // inside inexact: its start
  EXPECT_EQ(MapEnd(map, 2), 102u);
  EXPECT_EQ(MapEnd(map, 7), 202u);  // inside inexact: its end
  EXPECT_EQ(MapEnd(map, 9), 202u);
  EXPECT_EQ(MapBegin({}, 42), 42u);  // identity
  EXPECT_EQ(MapEnd({}, 42), 42u);
}

TEST(SourceMapTest, ComposeWithIdentityReturnsOuter) {
  const std::vector<SourcePiece> outer = {{0, 4, 10, 4, true}};
  const auto composed = ComposeSourceMaps(outer, {});
  ASSERT_EQ(composed.size(), 1u);
  EXPECT_EQ(composed[0].source_begin, 10u);
}

TEST(SourceMapTest, ComposeSplitsExactOuterAlongInnerPieces) {
  // Intermediate "ab中" (5 bytes) decoded from "ab" + 2 GBK bytes, after a
  // 3-byte prefix: inner = exact "ab" at 3, inexact 中 at 5..7.
  const std::vector<SourcePiece> inner = {{0, 2, 3, 2, true},
                                          {2, 3, 5, 2, false}};
  // Text is a copy of intermediate bytes 0..5 starting at text offset 7.
  const std::vector<SourcePiece> outer = {{7, 5, 0, 5, true}};
  const auto c = ComposeSourceMaps(outer, inner);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_TRUE(c[0].exact);
  EXPECT_EQ(c[0].text_begin, 7u);
  EXPECT_EQ(c[0].source_begin, 3u);
  EXPECT_EQ(c[0].source_length, 2u);
  EXPECT_FALSE(c[1].exact);
  EXPECT_EQ(c[1].text_begin, 9u);
  EXPECT_EQ(c[1].text_length, 3u);
  EXPECT_EQ(c[1].source_begin, 5u);
  EXPECT_EQ(c[1].source_length, 2u);
}

TEST(SourceMapTest, ComposeInexactOuterMapsAsUnit) {
  const std::vector<SourcePiece> inner = {{0, 10, 3, 10, true}};
  const std::vector<SourcePiece> outer = {{0, 1, 2, 5, false}};  // "&amp;"
  const auto c = ComposeSourceMaps(outer, inner);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_FALSE(c[0].exact);
  EXPECT_EQ(c[0].source_begin, 5u);
  EXPECT_EQ(c[0].source_length, 5u);
}

}  // namespace
}  // namespace trigon::ingest
