#include "text/near_duplicate.h"

#include <gtest/gtest.h>

#include <string>

#include "text/normalizer.h"

namespace trigon::text {
namespace {

const char kStory[] =
    "The second Trump administration has undertaken a peace deal with Russia. "
    "This policy may not simply reflect Donald Trump's personal affinity for "
    "Moscow and deal-making style but is also likely informed by a certain "
    "strategic perception of the US-China-Russia triangle. This perception was "
    "articulated by Secretary of State Marco Rubio, who argued that the US "
    "must "
    "prevent Russia from becoming a permanent junior partner to China. He "
    "warned "
    "that completely isolating Moscow would push it into total dependence on "
    "Beijing, potentially resulting in two nuclear powers aligning against the "
    "United States. Thus, he insisted that some level of engagement with "
    "Russia "
    "was a better option. This logic may have facilitated the hasty agreement "
    "between the US and Russia in Riyadh, where both sides discussed not only "
    "the future of Ukraine without Kyiv's presence but also the mutual "
    "restoration of embassy activities and future economic cooperation.";

// The same story as reposted: new headline, a changed word, a dropped
// clause, a trailing credit line.
const char kRepost[] =
    "REPOST: Trump and Russia. "
    "The second Trump administration has undertaken a peace deal with Russia. "
    "This policy may not simply reflect Donald Trump's personal affinity for "
    "Moscow and deal-making style but is also likely shaped by a certain "
    "strategic perception of the US-China-Russia triangle. This perception was "
    "articulated by Secretary of State Marco Rubio, who argued that the US "
    "must "
    "prevent Russia from becoming a permanent junior partner to China. He "
    "warned "
    "that completely isolating Moscow would push it into total dependence on "
    "Beijing, potentially resulting in two nuclear powers aligning against the "
    "United States. Thus, he insisted that some level of engagement with "
    "Russia "
    "was a better option. This logic may have facilitated the hasty agreement "
    "between the US and Russia in Riyadh, where both sides discussed not only "
    "the future of Ukraine but also the mutual "
    "restoration of embassy activities and future economic cooperation. "
    "(Photo: AFP)";

const char kUnrelated[] =
    "Heavy rain flooded parts of southern Brazil on Tuesday, forcing thousands "
    "of residents from their homes as rivers burst their banks. Local "
    "officials "
    "said emergency crews were working through the night to reach isolated "
    "villages, and the state governor asked the federal government for "
    "additional helicopters. Forecasters expect more storms later this week, "
    "while farmers warned that the soybean harvest could be delayed.";

const char kChinese[] =
    "特朗普就任后，立即着手兑现竞选承诺，积极推进俄乌冲突的和平进程。2月12日，"
    "特朗普与普京进行了上任后的首次通话，背着欧洲盟友和乌克兰达成了立即重启俄乌"
    "停战"
    "谈判的共识。随后，美国国防部长赫格塞斯就直言不讳地表示，乌克兰加入北约的目"
    "标"
    "不现实，并建议乌克兰放弃完全收复领土的期望。2月24日，正值俄乌冲突爆发三周"
    "年之际。"
    "联合国通过了一项谴责俄罗斯并要求其撤出乌克兰的决议，而美国却罕见地投下了反"
    "对票，"
    "这一举动象征着美乌关系发生了戏剧性的转折。从双方的一系列举措来看，大有不促"
    "成俄乌"
    "停火誓不罢休的劲头。";

// The same story reposted in Traditional characters, Taiwan style: 著 where
// the original has 着 (t2s keeps 著, which is valid Simplified too).
const char kChineseTraditional[] =
    "特朗普就任後，立即著手兌現競選承諾，積極推進俄烏衝突的和平進程。2月12日，"
    "特朗普與普京進行了上任後的首次通話，背著歐洲盟友和烏克蘭達成了立即重啟俄烏"
    "停戰"
    "談判的共識。隨後，美國國防部長赫格塞斯就直言不諱地表示，烏克蘭加入北約的目"
    "標"
    "不現實，並建議烏克蘭放棄完全收復領土的期望。2月24日，正值俄烏衝突爆發三週"
    "年之際。"
    "聯合國通過了一項譴責俄羅斯並要求其撤出烏克蘭的決議，而美國卻罕見地投下了反"
    "對票，"
    "這一舉動象徵著美烏關係發生了戲劇性的轉折。從雙方的一系列舉措來看，大有不促"
    "成俄烏"
    "停火誓不罷休的勁頭。";

class NearDuplicateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto n = Normalizer::Create();
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    normalizer_ = std::move(n).value();
  }
  MinHashSig Sig(std::string_view text) const {
    return MinHashSignature(normalizer_->Normalize(text).text);
  }
  std::unique_ptr<Normalizer> normalizer_;
};

TEST_F(NearDuplicateTest, IdenticalTextIsOne) {
  EXPECT_EQ(Sig(kStory).size(), kMinHashSize);
  EXPECT_DOUBLE_EQ(EstimateJaccard(Sig(kStory), Sig(kStory)), 1.0);
  EXPECT_DOUBLE_EQ(EstimateJaccard(Sig(kChinese), Sig(kChinese)), 1.0);
}

TEST_F(NearDuplicateTest, SmallEditsStayAboveThreshold) {
  EXPECT_GT(EstimateJaccard(Sig(kStory), Sig(kRepost)), 0.8);
  // Case and spacing differences vanish in the matching form.
  std::string shouting(kStory);
  for (char& c : shouting)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_DOUBLE_EQ(EstimateJaccard(Sig(kStory), Sig(shouting)), 1.0);
}

TEST_F(NearDuplicateTest, TraditionalRepostOfSimplifiedStory) {
  // t2s in the matching form makes the Traditional repost comparable.
  EXPECT_GT(EstimateJaccard(Sig(kChinese), Sig(kChineseTraditional)), 0.8);
}

TEST_F(NearDuplicateTest, UnrelatedStoriesAreFarApart) {
  EXPECT_LT(EstimateJaccard(Sig(kStory), Sig(kUnrelated)), 0.3);
  EXPECT_LT(EstimateJaccard(Sig(kStory), Sig(kChinese)), 0.3);
  EXPECT_LT(EstimateJaccard(Sig(kChinese), Sig(kUnrelated)), 0.3);
}

TEST_F(NearDuplicateTest, EmptyAndShortTexts) {
  const MinHashSig empty = Sig("");
  ASSERT_EQ(empty.size(), kMinHashSize);
  for (uint64_t slot : empty) EXPECT_EQ(slot, kEmptySlot);
  EXPECT_EQ(Sig("... !!! ,,,"), empty);  // no tokens
  EXPECT_EQ(EstimateJaccard(empty, empty), 0.0);
  EXPECT_EQ(EstimateJaccard(empty, Sig(kStory)), 0.0);
  EXPECT_EQ(EstimateJaccard({}, {}), 0.0);
  EXPECT_EQ(EstimateJaccard(Sig(kStory), MinHashSig(3, 0)), 0.0);

  // Fewer tokens than a shingle: one shingle of everything.
  EXPECT_DOUBLE_EQ(EstimateJaccard(Sig("Hello"), Sig("hello!")), 1.0);
  EXPECT_LT(EstimateJaccard(Sig("hello world"), Sig("hello there")), 0.3);
  EXPECT_DOUBLE_EQ(EstimateJaccard(Sig("中国"), Sig("中國")), 1.0);
}

TEST_F(NearDuplicateTest, SignaturesAreStableAcrossRuns) {
  // Pinned values: a change here breaks signatures stored by earlier runs
  // and needs a new kSignatureFormatVersion.
  const MinHashSig sig =
      MinHashSignature("the quick brown fox jumps over the lazy dog");
  EXPECT_EQ(sig[0], 329540451145184591ull);
  EXPECT_EQ(sig[127], 2841324044601491404ull);
}

TEST(SignatureCodecTest, RoundTrip) {
  MinHashSig sig(kMinHashSize);
  for (size_t i = 0; i < sig.size(); ++i)
    sig[i] = 0x0123456789ABCDEFull * (i + 1);
  const std::string bytes = EncodeSignature(sig);
  EXPECT_EQ(bytes.size(), 3 + 8 * kMinHashSize);
  EXPECT_EQ(static_cast<uint8_t>(bytes[0]), kSignatureFormatVersion);
  // Little-endian slot 0.
  EXPECT_EQ(static_cast<uint8_t>(bytes[3]), 0xEF);
  auto decoded = DecodeSignature(bytes);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(*decoded, sig);
}

TEST(SignatureCodecTest, RejectsBadInput) {
  const std::string good = EncodeSignature(MinHashSig(kMinHashSize, 7));
  EXPECT_EQ(DecodeSignature("").status().code(), StatusCode::kCorruption);
  std::string bad_version = good;
  bad_version[0] = 2;
  EXPECT_EQ(DecodeSignature(bad_version).status().code(),
            StatusCode::kUnsupported);
  EXPECT_EQ(DecodeSignature(good.substr(0, 2)).status().code(),
            StatusCode::kCorruption);
  EXPECT_EQ(DecodeSignature(good.substr(0, good.size() - 1)).status().code(),
            StatusCode::kCorruption);
  EXPECT_EQ(DecodeSignature(good + "x").status().code(),
            StatusCode::kCorruption);
  EXPECT_EQ(DecodeSignature(EncodeSignature(MinHashSig(4, 7))).status().code(),
            StatusCode::kCorruption);
}

TEST_F(NearDuplicateTest, LshIndexFindsNearDuplicates) {
  LshIndex index;
  ASSERT_TRUE(index.Insert("story", Sig(kStory)).ok());
  ASSERT_TRUE(index.Insert("unrelated", Sig(kUnrelated)).ok());
  ASSERT_TRUE(index.Insert("chinese", Sig(kChinese)).ok());
  ASSERT_TRUE(index.Insert("empty", Sig("")).ok());
  EXPECT_EQ(index.size(), 4u);

  const std::vector<std::string> candidates = index.Candidates(Sig(kRepost));
  EXPECT_EQ(candidates, std::vector<std::string>{"story"});
  const std::vector<NearDuplicate> found = index.NearDuplicates(Sig(kRepost));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, "story");
  EXPECT_GT(found[0].similarity, 0.8);

  const auto zh = index.NearDuplicates(Sig(kChineseTraditional));
  ASSERT_EQ(zh.size(), 1u);
  EXPECT_EQ(zh[0].id, "chinese");

  EXPECT_TRUE(index.Candidates(Sig("")).empty());
  EXPECT_TRUE(index.Candidates(MinHashSig(5, 1)).empty());
}

TEST(LshIndexTest, ThresholdOptionAndOrdering) {
  LshIndexOptions options;
  options.threshold = 0.5;
  LshIndex index(options);
  MinHashSig base(kMinHashSize);
  for (size_t i = 0; i < base.size(); ++i) base[i] = i * 1000003;
  MinHashSig half = base;  // shares the first 64 slots (16 bands)
  for (size_t i = 64; i < half.size(); ++i) half[i] += 1;
  MinHashSig most = base;  // shares 96 slots
  for (size_t i = 96; i < most.size(); ++i) most[i] += 1;
  ASSERT_TRUE(index.Insert("half", half).ok());
  ASSERT_TRUE(index.Insert("most", most).ok());
  const auto found = index.NearDuplicates(base);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].id, "most");
  EXPECT_DOUBLE_EQ(found[0].similarity, 0.75);
  EXPECT_EQ(found[1].id, "half");
  EXPECT_DOUBLE_EQ(found[1].similarity, 0.5);
}

TEST(LshIndexTest, InsertRejectsWrongSize) {
  LshIndex index;
  const Status s = index.Insert("doc-1", MinHashSig(3, 1));
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("doc-1"), std::string::npos);
  EXPECT_EQ(index.size(), 0u);
}

}  // namespace
}  // namespace trigon::text
