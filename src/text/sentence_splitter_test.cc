#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "testing/testing.h"
#include "text/char_class.h"
#include "text/script_detector.h"

namespace trigon::text {
namespace {

using model::Paragraph;
using model::Span;

// Paragraphs are maximal runs of non-blank lines; `lang` is given, or
// detected per paragraph when it is "auto".
std::vector<Paragraph> ParagraphsOf(std::string_view text,
                                    const std::string& lang) {
  std::vector<Paragraph> paragraphs;
  size_t pos = 0;
  size_t para_begin = std::string_view::npos;
  size_t para_end = 0;
  auto close = [&] {
    if (para_begin == std::string_view::npos) return;
    Paragraph p;
    p.span = {static_cast<uint32_t>(para_begin),
              static_cast<uint32_t>(para_end)};
    p.lang =
        lang == "auto"
            ? DetectLanguage(text.substr(para_begin, para_end - para_begin))
                  .lang
            : lang;
    paragraphs.push_back(p);
    para_begin = std::string_view::npos;
  };
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view line = text.substr(pos, eol - pos);
    const bool blank =
        line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (blank) {
      close();
    } else {
      if (para_begin == std::string_view::npos) para_begin = pos;
      para_end = eol;
    }
    pos = eol + 1;
  }
  close();
  return paragraphs;
}

std::string_view SpanText(std::string_view text, Span span) {
  return text.substr(span.begin, span.size());
}

// Sentence text with each whitespace run shown as one space.
std::string Collapsed(std::string_view s) {
  std::string out;
  bool space = false;
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t start = pos;
    const char32_t c = utf8::Next(s, pos);
    if (internal::IsWhiteSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.append(s.substr(start, pos - start));
  }
  return out;
}

// The invariants every result must satisfy:
//  * spans are in order, non-overlapping, non-empty, inside doc_text, start
//    and end on code point boundaries, and have no leading or trailing
//    whitespace;
//  * `paragraph` names the paragraph containing the span's first byte;
//  * every non-whitespace byte of every paragraph is in exactly one span;
//  * bytes of a span outside every paragraph are whitespace (a joined
//    sentence crosses only blank gaps);
//  * only truncated sentences exceed max_sentence_bytes (never, in fact,
//    unless the limit is below one code point).
void CheckInvariants(std::string_view text,
                     const std::vector<Paragraph>& paragraphs,
                     const std::vector<SentenceBoundary>& sentences,
                     const SentenceSplitOptions& options = {}) {
  std::vector<int> owner(text.size(), -1);
  std::vector<bool> in_paragraph(text.size(), false);
  for (const auto& p : paragraphs) {
    for (uint32_t i = p.span.begin; i < p.span.end; ++i) in_paragraph[i] = true;
  }
  uint32_t previous_end = 0;
  for (size_t k = 0; k < sentences.size(); ++k) {
    const SentenceBoundary& s = sentences[k];
    SCOPED_TRACE("sentence " + std::to_string(k) + ": " +
                 std::string(SpanText(text, s.span)));
    ASSERT_LT(s.span.begin, s.span.end);
    ASSERT_LE(s.span.end, text.size());
    ASSERT_LE(previous_end, s.span.begin);
    previous_end = s.span.end;
    const std::string_view body = SpanText(text, s.span);
    ASSERT_FALSE(utf8::FindInvalid(body).has_value());
    size_t pos = 0;
    ASSERT_FALSE(internal::IsWhiteSpace(utf8::Next(body, pos)));
    size_t last = body.size() - 1;
    while ((static_cast<unsigned char>(body[last]) & 0xC0) == 0x80) --last;
    ASSERT_FALSE(internal::IsWhiteSpace(utf8::Next(body, last)));
    ASSERT_LT(s.paragraph, paragraphs.size());
    const Span p = paragraphs[s.paragraph].span;
    EXPECT_TRUE(p.begin <= s.span.begin && s.span.begin < p.end);
    if (!s.truncated) {
      EXPECT_LE(s.span.size(), options.max_sentence_bytes);
    }
    for (uint32_t i = s.span.begin; i < s.span.end; ++i) {
      owner[i] = static_cast<int>(k);
      if (!in_paragraph[i]) {
        EXPECT_TRUE(text[i] == ' ' || text[i] == '\n' || text[i] == '\t' ||
                    text[i] == '\r')
            << "non-paragraph byte " << i << " inside a sentence";
      }
    }
  }
  for (const auto& p : paragraphs) {
    size_t pos = p.span.begin;
    while (pos < p.span.end) {
      const size_t start = pos;
      const char32_t c = utf8::Next(text, pos);
      if (internal::IsWhiteSpace(c)) continue;
      for (size_t i = start; i < pos; ++i) {
        ASSERT_NE(owner[i], -1)
            << "byte " << i << " of a paragraph is in no sentence";
      }
    }
  }
}

std::vector<std::string> SentenceTexts(
    std::string_view text, const std::vector<SentenceBoundary>& sentences) {
  std::vector<std::string> out;
  for (const auto& s : sentences)
    out.push_back(Collapsed(SpanText(text, s.span)));
  return out;
}

// ---------------------------------------------------------------------------
// Golden files: testdata/sentences/*.txt, format in
// testdata/sentences/README.md.

struct GoldenCase {
  std::string file;
  int line = 0;
  std::string name;
  std::string lang;
  std::string input;
  std::vector<std::string> expected;
};

std::vector<GoldenCase> ParseGoldenFile(const std::string& path) {
  std::vector<GoldenCase> cases;
  std::istringstream in(testing::ReadFileOrEmpty(path));
  std::string line;
  int line_number = 0;
  enum class State {
    kOutside,
    kHeader,
    kInput,
    kExpected
  } state = State::kOutside;
  GoldenCase current;
  while (std::getline(in, line)) {
    ++line_number;
    switch (state) {
      case State::kOutside:
        if (line.rfind("# ", 0) == 0) {
          current = GoldenCase{path, line_number, line.substr(2), "", "", {}};
          state = State::kHeader;
        } else {
          EXPECT_TRUE(line.empty())
              << path << ":" << line_number << ": stray line";
        }
        break;
      case State::kHeader:
        EXPECT_EQ(line.rfind("lang: ", 0), 0u) << path << ":" << line_number;
        current.lang = line.size() > 6 ? line.substr(6) : "";
        state = State::kInput;
        break;
      case State::kInput:
        if (line == "----") {
          if (!current.input.empty()) current.input.pop_back();  // last '\n'
          state = State::kExpected;
        } else {
          current.input += line + "\n";
        }
        break;
      case State::kExpected:
        if (line == "====") {
          cases.push_back(current);
          state = State::kOutside;
        } else {
          current.expected.push_back(line);
        }
        break;
    }
  }
  EXPECT_EQ(state, State::kOutside) << path << ": unterminated block";
  return cases;
}

TEST(SentenceSplitterGoldenTest, AllFiles) {
  const std::string dir = testing::SourceDir() + "/src/text/testdata/sentences";
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt")
      files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty()) << dir;
  int cases = 0;
  for (const auto& file : files) {
    for (const GoldenCase& c : ParseGoldenFile(file)) {
      SCOPED_TRACE(c.file + ":" + std::to_string(c.line) + " " + c.name);
      const auto paragraphs = ParagraphsOf(c.input, c.lang);
      const auto sentences = SplitSentences(c.input, paragraphs);
      CheckInvariants(c.input, paragraphs, sentences);
      EXPECT_EQ(SentenceTexts(c.input, sentences), c.expected);
      ++cases;
    }
  }
  EXPECT_GE(cases, 30);
}

// ---------------------------------------------------------------------------
// The blog repost in ../shared/examples.

class BlogRepostTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string shared = testing::SharedDir();
    if (shared.empty()) GTEST_SKIP() << "../shared not present";
    text_ = testing::ReadFileOrEmpty(shared +
                                     "/examples/blog-repost-reverse-nixon.txt");
    if (text_.empty()) GTEST_SKIP() << "blog example not present";
    // As ingest does, drop the "download the PDF" boilerplate lines: they
    // are not article text (RemovalReason::kBoilerplate).
    for (const Paragraph& p : ParagraphsOf(text_, "auto")) {
      const std::string_view body = SpanText(text_, p.span);
      if (body.find("PDF") != std::string_view::npos && body.size() < 200)
        continue;
      paragraphs_.push_back(p);
    }
    sentences_ = SplitSentences(text_, paragraphs_);
    texts_ = SentenceTexts(text_, sentences_);
  }

  bool Has(const std::string& sentence) const {
    return std::find(texts_.begin(), texts_.end(), sentence) != texts_.end();
  }

  std::string text_;
  std::vector<Paragraph> paragraphs_;
  std::vector<SentenceBoundary> sentences_;
  std::vector<std::string> texts_;
};

TEST_F(BlogRepostTest, Invariants) {
  CheckInvariants(text_, paragraphs_, sentences_);
}

TEST_F(BlogRepostTest, BrokenSentencesAreJoinedAcrossBlankLines) {
  // Lines 81-83 of the file: one sentence broken over two paragraphs.
  const std::string broken =
      "美國國務卿馬爾科·盧比奧表達了這種看法,他認為\n\n"
      "美國必須阻止俄羅斯成為中國的「永久小夥伴」。[1]";
  const size_t at = text_.find(broken);
  ASSERT_NE(at, std::string::npos);
  bool found = false;
  for (const auto& s : sentences_) {
    if (s.span.begin == at && s.span.end == at + broken.size()) {
      found = true;
      EXPECT_EQ(paragraphs_[s.paragraph].span.begin, at);
    }
  }
  EXPECT_TRUE(found);
  EXPECT_TRUE(
      Has("他警告說, "
          "完全孤立莫斯科將使莫斯科完全依賴北京,"
          "可能會導致兩個核武大國結盟對抗美國。"));
  EXPECT_TRUE(
      Has("這項政策或許不僅反映了唐納德·川普對莫斯科的個人親和力和交易風格,"
          "也可能受到對 "
          "美中俄三角關係的某種戰略認知的影響。"));
  EXPECT_TRUE(
      Has("當今的情況已大不相同: "
          "中國比俄羅斯更強大,並已成為華盛頓的主要戰略關注點。"));
  EXPECT_TRUE(Has(
      "然而,這種 「逆轉尼克森」戰略—— 試圖將俄羅斯與中國脫鉤——不太可能成功。"));
  EXPECT_TRUE(
      Has("一個有趣的現像是, "
          "脫鉤策略的主要倡導者是克里姆林宮支持的瓦爾代辯論俱樂部的"
          "日本參與者和一位親普丁的日本議員及其盟友 "
          "他們積極遊說加強與莫斯科的關係。"));
  EXPECT_TRUE(Has("相反, 日本著名漢學家對這種做法持懷疑態度。[11]"));
  // Footnote markers end sentences whose period the translation lost.
  EXPECT_TRUE(
      Has("2023年,他認為 美國仍然需要強大的俄羅斯來維持亞洲地區的力量平衡,"
          "並敦促華盛頓及其合作夥伴 "
          "向莫斯科提供“商業機會、技術合作和地緣政治選擇”, "
          "以幫助其“避免成為中國的小伙伴”[13]"));
}

TEST_F(BlogRepostTest, HeadingsAndTitlesStayAlone) {
  EXPECT_TRUE(
      Has("Why the ‘Reverse Nixon’ Strategy Will Fail: The Illusion of "
          "Decoupling"));
  EXPECT_TRUE(Has("逆轉尼克森」策略為何會失敗:脫鉤的幻覺"));
  EXPECT_TRUE(Has("2025 年 3 月 17 日"));
  EXPECT_TRUE(Has("現實檢驗"));
  EXPECT_TRUE(Has("安倍與川普對俄政策相似"));
  EXPECT_TRUE(Has("過早脫鉤"));
  EXPECT_TRUE(Has("A Reality Check"));
  EXPECT_TRUE(Has("Parallels in Abe and Trump’s Approach to Russia"));
  EXPECT_TRUE(
      Has("Diplomaatia March 17, 2025"));  // one line break: one paragraph
}

TEST_F(BlogRepostTest, EnglishSentences) {
  EXPECT_TRUE(
      Has("The second Trump administration has undertaken a peace deal with "
          "Russia."));
  EXPECT_TRUE(Has(
      "He views that the primary incentive for Moscow would be the offer to "
      "restore more normal diplomatic relations."));
  EXPECT_TRUE(Has(
      "Abe noted that although many viewed Trump as impulsive in his use of "
      "military force, the reality was quite the opposite: At his core, Trump "
      "is "
      "a businessman—he is cautious about anything that costs money and views "
      "diplomacy and security through an economic lens."));
  EXPECT_TRUE(Has(
      "Some experts compare Trump’s Russia deal to Nixon’s surprise visit to "
      "China in 1972, which drove a wedge between the Soviet Union and the "
      "People’s Republic of China.[2]"));
  EXPECT_TRUE(Has(
      "[16] “Trump Meets Widow of Ex-Japanese PM Abe in Florida,” Kyodo News, "
      "16 December 2024."));
}

TEST(SentenceSplitterTest, AggregatorExampleInvariants) {
  const std::string shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared not present";
  const std::string text = testing::ReadFileOrEmpty(
      shared + "/examples/aggregator-zh-hans-ceasefire.txt");
  if (text.empty()) GTEST_SKIP();
  const auto paragraphs = ParagraphsOf(text, "auto");
  const auto sentences = SplitSentences(text, paragraphs);
  CheckInvariants(text, paragraphs, sentences);
  const auto texts = SentenceTexts(text, sentences);
  EXPECT_NE(std::find(texts.begin(), texts.end(),
                      "那么问题来了,为什么特朗普不惜背刺曾经的盟友乌克兰,"
                      "也要急于推动俄乌战争停火?"),
            texts.end());
}

// ---------------------------------------------------------------------------

TEST(SentenceSplitterTest, EmptyInputs) {
  EXPECT_TRUE(SplitSentences("", {}).empty());
  const std::string text = "  \n\u3000 ";
  Paragraph p;
  p.span = {0, static_cast<uint32_t>(text.size())};
  p.lang = "en";
  EXPECT_TRUE(SplitSentences(text, {p}).empty());
}

TEST(SentenceSplitterTest, MalformedParagraphsAreSkipped) {
  const std::string text = "One. Two.";
  std::vector<Paragraph> paragraphs(4);
  paragraphs[0].span = {0, 4};
  paragraphs[1].span = {3, 9};   // overlaps the previous one
  paragraphs[2].span = {5, 99};  // past the end
  paragraphs[3].span = {9, 5};   // reversed
  for (auto& p : paragraphs) p.lang = "en";
  const auto sentences = SplitSentences(text, paragraphs);
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(sentences[0].span, (Span{0, 4}));
  EXPECT_EQ(sentences[0].paragraph, 0u);
}

TEST(SentenceSplitterTest, RemovedTextBetweenParagraphsPreventsJoining) {
  // Ingest removed "ad1 webp" between the paragraphs: not whitespace, so the
  // broken sentence is not joined across it.
  const std::string first = "美国国务卿鲁比奥表达了这种看法，他认为";
  const std::string second = "美国必须阻止俄罗斯成为中国的伙伴。";
  const std::string text = first + "\n\nad1 webp\n\n" + second;
  std::vector<Paragraph> paragraphs(2);
  paragraphs[0].span = {0, static_cast<uint32_t>(first.size())};
  paragraphs[1].span = {static_cast<uint32_t>(text.size() - second.size()),
                        static_cast<uint32_t>(text.size())};
  paragraphs[0].lang = paragraphs[1].lang = "zh-Hans";
  const auto sentences = SplitSentences(text, paragraphs);
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[1].paragraph, 1u);
  // The same text with only whitespace between the paragraphs is joined.
  const std::string joined = first + "\n\n" + second;
  paragraphs[1].span = {static_cast<uint32_t>(first.size() + 2),
                        static_cast<uint32_t>(joined.size())};
  const auto one = SplitSentences(joined, paragraphs);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].span, (Span{0, static_cast<uint32_t>(joined.size())}));
  EXPECT_EQ(one[0].paragraph, 0u);
}

TEST(SentenceSplitterTest, LongSentencesAreCutAtSpaces) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "word" + std::to_string(i) + " ";
  text += "end.";
  const auto paragraphs = ParagraphsOf(text, "en");
  SentenceSplitOptions options;
  options.max_sentence_bytes = 64;
  const auto sentences = SplitSentences(text, paragraphs, options);
  CheckInvariants(text, paragraphs, sentences, options);
  ASSERT_GT(sentences.size(), 1u);
  for (const auto& s : sentences) {
    EXPECT_TRUE(s.truncated);
    EXPECT_LE(s.span.size(), 64u);
    // Cut at spaces: every piece is whole words.
    EXPECT_EQ(SpanText(text, s.span).substr(0, 4), "word");
  }
}

TEST(SentenceSplitterTest, LongChineseSentencesAreCutAtCodePoints) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "中国";
  text += "。短句。";
  const auto paragraphs = ParagraphsOf(text, "zh-Hans");
  SentenceSplitOptions options;
  options.max_sentence_bytes = 100;
  const auto sentences = SplitSentences(text, paragraphs, options);
  CheckInvariants(text, paragraphs, sentences, options);
  ASSERT_EQ(sentences.size(), 8u);  // 603 bytes in 99-byte pieces, then 短句。
  for (size_t i = 0; i + 1 < sentences.size(); ++i) {
    EXPECT_TRUE(sentences[i].truncated);
    EXPECT_EQ(sentences[i].span.size() % 3, 0u);
  }
  EXPECT_FALSE(sentences.back().truncated);
  EXPECT_EQ(SpanText(text, sentences.back().span), "短句。");

  // A limit below one code point still makes progress, one code point each.
  options.max_sentence_bytes = 1;
  const auto tiny =
      SplitSentences("中国。", ParagraphsOf("中国。", "zh-Hans"), options);
  ASSERT_EQ(tiny.size(), 3u);
  for (const auto& s : tiny) EXPECT_EQ(s.span.size(), 3u);
}

TEST(SentenceSplitterTest, SentenceParagraphIsWhereItStarts) {
  const std::string text = "他警告说，\n\n完全孤立莫斯科是危险的。第二句。";
  const auto paragraphs = ParagraphsOf(text, "zh-Hans");
  ASSERT_EQ(paragraphs.size(), 2u);
  const auto sentences = SplitSentences(text, paragraphs);
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0].paragraph, 0u);
  EXPECT_EQ(sentences[1].paragraph, 1u);
}

// Random documents: pieces of English and Chinese with punctuation, spaces,
// newlines and blank lines; invariants only.
TEST(SentenceSplitterTest, InvariantsOnRandomDocuments) {
  const std::vector<std::string> pieces = {
      "The",  " ",      "U.S.", " Mr.", " said", ".",      "!",
      "?",    "...",    "…",    "\"",   "”",     "’",      ")",
      "(",    "[1]",    "3.5",  " ",    "\n",    "\n\n",   "\n \n",
      "美国", "國",     "。",   "！",   "？",    "；",     "，",
      ",",    ":",      "」",   "「",   "——",    "\u3000", "e.g.",
      "J.",   " Smith", "Inc.", " The", " he",   "\u00A0", "中"};
  std::mt19937 rng(99);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  const std::vector<std::string> langs = {"en", "zh-Hans", "zh-Hant", "auto",
                                          "und"};
  for (int iteration = 0; iteration < 500; ++iteration) {
    std::string text;
    const size_t n = 1 + iteration % 80;
    for (size_t i = 0; i < n; ++i) text += pieces[pick(rng)];
    const auto paragraphs = ParagraphsOf(text, langs[iteration % langs.size()]);
    SentenceSplitOptions options;
    options.max_sentence_bytes = 8 + iteration % 64;
    const auto sentences = SplitSentences(text, paragraphs, options);
    SCOPED_TRACE("iteration " + std::to_string(iteration) + " text: " + text);
    CheckInvariants(text, paragraphs, sentences, options);
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace trigon::text
