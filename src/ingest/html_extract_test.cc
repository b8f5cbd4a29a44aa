#include "ingest/html_extract.h"

#include "base/utf8.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <iterator>
#include <random>

#include "ingest/decode.h"
#include "ingest/source_map.h"
#include "testing/testing.h"

namespace trigon::ingest {
namespace {

using model::RemovalReason;
using model::RemovedSpan;

// Map invariants: pieces in order and in bounds, exact pieces are byte
// copies, and every text byte other than an inserted separator is mapped.
void CheckMap(const HtmlExtract& x, std::string_view html) {
  uint64_t prev_end = 0;
  std::vector<bool> covered(x.text.size(), false);
  for (const model::SourcePiece& p : x.source_map) {
    EXPECT_GE(p.text_begin, prev_end);
    prev_end = uint64_t{p.text_begin} + p.text_length;
    ASSERT_LE(prev_end, x.text.size());
    ASSERT_LE(p.source_begin + p.source_length, html.size());
    if (p.exact) {
      EXPECT_EQ(x.text.substr(p.text_begin, p.text_length),
                html.substr(p.source_begin, p.source_length));
    }
    for (uint64_t i = p.text_begin; i < prev_end; ++i) covered[i] = true;
  }
  for (size_t i = 0; i < x.text.size(); ++i) {
    if (x.text[i] != '\n' && x.text[i] != ' ') {
      EXPECT_TRUE(covered[i])
          << "unmapped text byte " << i << " in: " << x.text;
    }
  }
}

HtmlExtract Extract(std::string_view html) {
  Result<HtmlExtract> x = ExtractHtml(html);
  EXPECT_TRUE(x.ok()) << x.status().ToString();
  if (!x.ok()) return {};
  CheckMap(*x, html);
  return std::move(x).value();
}

std::string_view SpanText(const HtmlExtract& x, const model::Span& s) {
  return std::string_view(x.text).substr(s.begin, s.size());
}

// The removed span whose text is exactly `fragment`, or nullptr.
const RemovedSpan* FindRemoved(const HtmlExtract& x,
                               std::string_view fragment) {
  for (const RemovedSpan& r : x.removed) {
    if (SpanText(x, r.span) == fragment) return &r;
  }
  return nullptr;
}

std::string Dump(const HtmlExtract& x) {
  std::string out;
  for (const RemovedSpan& r : x.removed) {
    out += std::string(model::RemovalReasonName(r.reason)) + " " + r.detail +
           " [" + std::string(SpanText(x, r.span)) + "]\n";
  }
  return out;
}

// True if any removed (non-markup) span overlaps the first `fragment`.
bool IsRemoved(const HtmlExtract& x, std::string_view fragment) {
  const size_t at = x.text.find(fragment);
  if (at == std::string::npos) return false;
  for (const RemovedSpan& r : x.removed) {
    if (r.span.begin < at + fragment.size() && at < r.span.end) return true;
  }
  return false;
}

TEST(HtmlExtractTest, ParagraphsWhitespaceAndTitle) {
  const std::string html =
      "<!DOCTYPE html><html lang=\"en\"><head><title> My \n  Title </title>"
      "</head><body><p>Hello world</p><p>Second   <b>bold</b>\n text</p>"
      "<ul><li>one</li><li>two</li></ul></body></html>";
  HtmlExtract x = Extract(html);
  EXPECT_EQ(x.text, "Hello world\n\nSecond bold text\n\none\n\ntwo");
  EXPECT_EQ(x.title, "My Title");
  EXPECT_EQ(x.lang, "en");
  EXPECT_TRUE(x.removed.empty());
  // "Hello world" is one exact piece (the single space is mapped too).
  ASSERT_FALSE(x.source_map.empty());
  EXPECT_EQ(x.source_map[0].text_length, 11u);
  EXPECT_EQ(x.source_map[0].source_begin, html.find("Hello world"));
}

TEST(HtmlExtractTest, EntitiesAreDecodedWithSourceMap) {
  const std::string html = "<p>Tom &amp; Jerry &lt;3 &#x4E2D;&nbsp;ok</p>";
  HtmlExtract x = Extract(html);
  EXPECT_EQ(x.text, "Tom & Jerry <3 中\u00A0ok");
  const uint32_t amp = static_cast<uint32_t>(x.text.find('&'));
  EXPECT_EQ(MapBegin(x.source_map, amp), html.find("&amp;"));
  EXPECT_EQ(MapEnd(x.source_map, amp + 1), html.find("&amp;") + 5);
  const uint32_t jerry = static_cast<uint32_t>(x.text.find("Jerry"));
  EXPECT_EQ(MapBegin(x.source_map, jerry + 2), html.find("Jerry") + 2);
  const uint32_t zhong = static_cast<uint32_t>(x.text.find("中"));
  EXPECT_EQ(MapBegin(x.source_map, zhong), html.find("&#x4E2D;"));
  EXPECT_EQ(MapEnd(x.source_map, zhong + 3), html.find("&#x4E2D;") + 8);
  const uint32_t ok = static_cast<uint32_t>(x.text.find("ok"));
  EXPECT_EQ(MapBegin(x.source_map, ok), html.find("ok"));
}

TEST(HtmlExtractTest, BoilerplateIsKeptAndClassified) {
  const std::string html = R"(<html><body>
<header class="site-header"><a href="/">Site</a></header>
<nav><a>Home</a> <a>World</a></nav>
<article>
  <header><h1>Headline here</h1></header>
  <p>First paragraph of the article with enough text.</p>
  <figure><img src=x><figcaption>A caption.</figcaption></figure>
  <p>Second paragraph.</p>
  <div class="share-buttons">Share this</div>
  <div class="ad-slot">Advertisement</div>
  <div class="page-header">Not an ad</div>
  <time datetime="2025-03-17T08:00:00Z">March 17</time>
</article>
<aside class="related">Related stories</aside>
<div id="commentList">Comment thread</div>
<form>Sign up <input type=email></form>
<footer>Copyright</footer>
<script>var x = "<p>not text</p>";</script>
</body></html>)";
  HtmlExtract x = Extract(html);
  struct Expect {
    const char* text;
    RemovalReason reason;
    const char* detail;
  };
  const Expect expected[] = {
      {"Site", RemovalReason::kNavigation, "<header class=\"site-header\">"},
      {"Home World", RemovalReason::kNavigation, "<nav>"},
      {"A caption.", RemovalReason::kCaption, "<figcaption>"},
      {"Share this", RemovalReason::kNavigation,
       "<div class=\"share-buttons\">"},
      {"Advertisement", RemovalReason::kAdPlaceholder,
       "<div class=\"ad-slot\">"},
      {"Related stories", RemovalReason::kRecommendations,
       "<aside class=\"related\">"},
      {"Comment thread", RemovalReason::kCommentSection,
       "<div id=\"commentList\">"},
      {"Sign up", RemovalReason::kNavigation, "<form>"},
      {"Copyright", RemovalReason::kNavigation, "<footer>"},
  };
  for (const Expect& e : expected) {
    const RemovedSpan* r = FindRemoved(x, e.text);
    ASSERT_NE(r, nullptr) << e.text << "\nin: " << x.text << "\n" << Dump(x);
    EXPECT_EQ(r->reason, e.reason) << e.text;
    EXPECT_EQ(r->detail, e.detail) << e.text;
  }
  // Article text, including its own header, is kept.
  for (const char* kept : {"Headline here", "First paragraph",
                           "Second paragraph", "Not an ad", "March 17"}) {
    EXPECT_NE(x.text.find(kept), std::string::npos) << kept;
    EXPECT_FALSE(IsRemoved(x, kept)) << kept;
  }
  // Script content is not text; one markup record names its bytes.
  EXPECT_EQ(x.text.find("not text"), std::string::npos);
  const RemovedSpan* script = nullptr;
  for (const RemovedSpan& r : x.removed) {
    if (r.reason == RemovalReason::kMarkup) script = &r;
  }
  ASSERT_NE(script, nullptr);
  EXPECT_TRUE(script->span.empty());
  const size_t s = html.find("<script>");
  const std::string full = "<script>var x = \"<p>not text</p>\";</script>";
  EXPECT_EQ(script->detail, "<script> bytes " + std::to_string(s) + ".." +
                                std::to_string(s + full.size()));
  ASSERT_EQ(x.dates.size(), 1u);
  EXPECT_EQ(x.dates[0].name, "time");
  EXPECT_EQ(x.dates[0].value, "2025-03-17T08:00:00Z");
  // Spans are sorted and do not overlap.
  for (size_t i = 1; i < x.removed.size(); ++i) {
    EXPECT_LE(x.removed[i - 1].span.end, x.removed[i].span.begin);
  }
}

TEST(HtmlExtractTest, TextOutsideArticleIsMarked) {
  const std::string html =
      "<html><body><div class=\"top\">Top links</div><article><p>Main text "
      "one.</p><p>Main text two.</p></article><div>Trailing junk</div>Loose "
      "text</body></html>";
  HtmlExtract x = Extract(html);
  EXPECT_EQ(x.text,
            "Top links\n\nMain text one.\n\nMain text two.\n\nTrailing junk\n\n"
            "Loose text");
  const RemovedSpan* top = FindRemoved(x, "Top links");
  ASSERT_NE(top, nullptr);
  EXPECT_EQ(top->reason, RemovalReason::kNavigation);
  EXPECT_EQ(top->detail, "outside main content");
  const RemovedSpan* tail = FindRemoved(x, "Trailing junk\n\nLoose text");
  ASSERT_NE(tail, nullptr);
  EXPECT_EQ(tail->detail, "outside main content");
  EXPECT_FALSE(IsRemoved(x, "Main text one."));
}

TEST(HtmlExtractTest, WithoutArticleTheParagraphContainerIsMain) {
  const std::string html =
      "<body><div id=\"top\"><p>Short intro</p></div>"
      "<div class=\"content\"><p>Long paragraph one with many words in it, "
      "about the talks.</p><p>Long paragraph two with many more words in it, "
      "about the outcome.</p></div><div><p>Tail</p></div></body>";
  HtmlExtract x = Extract(html);
  EXPECT_FALSE(IsRemoved(x, "Long paragraph one"));
  EXPECT_FALSE(IsRemoved(x, "Long paragraph two"));
  const RemovedSpan* intro = FindRemoved(x, "Short intro");
  ASSERT_NE(intro, nullptr);
  EXPECT_EQ(intro->detail, "outside main content");
  ASSERT_NE(FindRemoved(x, "Tail"), nullptr);
}

TEST(HtmlExtractTest, NearbyHeadlineJoinsMainContent) {
  const std::string html =
      "<body><div id=\"logo\"><h1>Site name</h1></div>"
      "<div class=\"wrap\"><div class=\"left\"><h1>Headline</h1>"
      "<div class=\"info\">2025-03-17 Source: Wire</div>"
      "<div class=\"body\"><p>Paragraph one of the story, long enough.</p>"
      "<p>Paragraph two of the story, also long enough.</p></div>"
      "<div class=\"share\">Share</div></div>"
      "<div class=\"right\">Most read</div></div></body>";
  HtmlExtract x = Extract(html);
  EXPECT_FALSE(IsRemoved(x, "Headline"));
  EXPECT_FALSE(IsRemoved(x, "2025-03-17 Source: Wire"));
  EXPECT_FALSE(IsRemoved(x, "Paragraph one"));
  ASSERT_NE(FindRemoved(x, "Share"), nullptr);
  EXPECT_EQ(FindRemoved(x, "Share")->detail, "<div class=\"share\">");
  ASSERT_NE(FindRemoved(x, "Most read"), nullptr);
  EXPECT_EQ(FindRemoved(x, "Most read")->detail, "outside main content");
  ASSERT_NE(FindRemoved(x, "Site name"), nullptr);  // the logo <h1> is far away
}

TEST(HtmlExtractTest, WrapperClassDoesNotSwallowArticle) {
  HtmlExtract x = Extract(
      "<body class=\"single comments-open\"><div class=\"post comments-area\">"
      "<article><p>Article text.</p></article></div></body>");
  EXPECT_EQ(x.text, "Article text.");
  EXPECT_TRUE(x.removed.empty());
}

TEST(HtmlExtractTest, MetadataFromHead) {
  const std::string html = R"(<html lang="zh-Hans"><head>
<meta property="og:title" content="OG Title">
<meta property="og:url" content="https://example.com/og">
<meta name="date" content="2025-01-02">
<meta property="article:published_time" content="2025-03-17T08:00:00+08:00">
<link rel="alternate canonical" href="https://example.com/canon">
<script src="a.js"></script>
</head><body><p>正文</p></body></html>)";
  HtmlExtract x = Extract(html);
  EXPECT_EQ(x.text, "正文");
  EXPECT_EQ(x.title, "OG Title");
  EXPECT_EQ(x.canonical_url, "https://example.com/canon");
  EXPECT_EQ(x.lang, "zh-Hans");
  ASSERT_EQ(x.dates.size(), 2u);
  EXPECT_EQ(x.dates[0].name, "article:published_time");
  EXPECT_EQ(x.dates[0].value, "2025-03-17T08:00:00+08:00");
  EXPECT_EQ(x.dates[1].name, "date");
  ASSERT_EQ(x.removed.size(), 1u);
  EXPECT_EQ(x.removed[0].reason, RemovalReason::kMarkup);

  HtmlExtract y = Extract(
      "<head><title>Real</title><meta property=og:url content=u1>"
      "<meta itemprop=datePublished content=2024-05-06></head><body>x</body>");
  EXPECT_EQ(y.title, "Real");
  EXPECT_EQ(y.canonical_url, "u1");
  ASSERT_EQ(y.dates.size(), 1u);
  EXPECT_EQ(y.dates[0].name, "datepublished");
}

TEST(HtmlExtractTest, LineBreaksPreAndCrLf) {
  HtmlExtract x = Extract("<p>line1<br>line2<br><br>line3</p><p>a\r\nb</p>");
  EXPECT_EQ(x.text, "line1\nline2\n\nline3\n\na b");
  const std::string html = "<pre>\n  code  here\n  more</pre><p>after</p>";
  HtmlExtract y = Extract(html);
  EXPECT_EQ(y.text, "  code  here\n  more\n\nafter");
  ASSERT_FALSE(y.source_map.empty());
  EXPECT_TRUE(y.source_map[0].exact);
  EXPECT_EQ(y.source_map[0].source_begin, html.find("  code"));
}

TEST(HtmlExtractTest, MalformedHtmlIsRepaired) {
  HtmlExtract x =
      Extract("<p>one<p>two<div>three <span>four<b>bold<i>both</b>it</i>");
  EXPECT_EQ(x.text, "one\n\ntwo\n\nthree fourboldbothit");
  HtmlExtract y = Extract("</div></p>text<<>>&bogus; &#99999999; end");
  EXPECT_NE(y.text.find("text"), std::string::npos);
  EXPECT_NE(y.text.find("end"), std::string::npos);
}

TEST(HtmlExtractTest, DeepNestingDoesNotOverflow) {
  constexpr int kDepth = 10000;
  std::string html;
  for (int i = 0; i < kDepth; ++i) html += "<div class=\"nav\">";
  html += "deep text";
  for (int i = 0; i < kDepth; ++i) html += "</div>";
  HtmlExtract x = Extract(html);
  EXPECT_EQ(x.text, "deep text");
  ASSERT_EQ(x.removed.size(), 1u);
  EXPECT_EQ(SpanText(x, x.removed[0].span), "deep text");
}

TEST(HtmlExtractTest, MarkupElementsAreNotText) {
  HtmlExtract x = Extract(
      "<body><p>a</p><style>p{}</style><noscript>enable js</noscript>"
      "<template><p>tmpl</p></template><svg><text>svg</text></svg>"
      "<iframe>frame</iframe><p>b</p></body>");
  EXPECT_EQ(x.text, "a\n\nb");
  int markup = 0;
  for (const RemovedSpan& r : x.removed) {
    if (r.reason == RemovalReason::kMarkup) {
      ++markup;
      EXPECT_EQ(r.span.begin, 1u);
    }
  }
  EXPECT_EQ(markup, 5);
}

TEST(HtmlExtractTest, RandomTagSoupKeepsMapInvariants) {
  static const char* const kPieces[] = {"<p>",
                                        "</p>",
                                        "<div class=\"ad\">",
                                        "</div>",
                                        "<b>",
                                        "</b>",
                                        "<i>",
                                        "</i>",
                                        "text ",
                                        "\xE4\xB8\xAD\xE6\x96\x87",
                                        "&amp;",
                                        "&lt;",
                                        "&#20013;",
                                        "&nbsp;",
                                        "&bogus;",
                                        "&",
                                        "\r\n",
                                        "\r",
                                        "\n",
                                        "  ",
                                        "<br>",
                                        "<pre>",
                                        "</pre>",
                                        "<table><tr><td>",
                                        "</td></tr></table>",
                                        "<script>x<y</script>",
                                        "<!-- c -->",
                                        "<article>",
                                        "</article>",
                                        "<nav>",
                                        "</nav>",
                                        "<",
                                        ">",
                                        "<a href='x'>",
                                        "</a>",
                                        "\t",
                                        "&#x1F600;",
                                        "<title>t</title>",
                                        "<textarea>",
                                        "</textarea>",
                                        "<svg><title>s</title></svg>",
                                        "&notit;",
                                        "&AMP",
                                        "<figcaption>",
                                        "<math><mi>x</mi></math>",
                                        "<![CDATA[c]]>",
                                        "&#0;",
                                        "&#x80;"};
  std::mt19937 rng(12345);
  for (int iter = 0; iter < 500; ++iter) {
    std::string html;
    const int n = static_cast<int>(rng() % 80);
    for (int k = 0; k < n; ++k) html += kPieces[rng() % std::size(kPieces)];
    SCOPED_TRACE(html);
    Extract(html);
  }
}

TEST(HtmlExtractTest, EmptyInput) {
  HtmlExtract x = Extract("");
  EXPECT_TRUE(x.text.empty());
}

TEST(HtmlExtractTest, NewsPageSample) {
  const std::string path =
      testing::SourceDir() + "/data/sample/noisy/news-page.html";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  Result<DecodedText> html = DecodeToUtf8(testing::ReadFileOrEmpty(path), path);
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  HtmlExtract x = Extract(html->text);
  EXPECT_FALSE(x.text.empty());
}

}  // namespace
}  // namespace trigon::ingest

namespace trigon::ingest {
namespace {

// gumbo 0.10.1 overflows an int on huge numeric character references
// (google/gumbo-parser issue 356) and emits a lone 0x88 byte; found by
// fuzz/html_fuzzer.  The extracted text must stay valid UTF-8.
TEST(HtmlExtractTest, Issue356HugeCharacterReferenceStaysValidUtf8) {
  auto out = ExtractHtml(
      "<html><head><title>a&#x88888888;b</title></head>"
      "<body><p>x&#x88888888;y &#99999999999; z</p></body></html>");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(utf8::FindInvalid(out->text), std::nullopt);
  EXPECT_EQ(utf8::FindInvalid(out->title), std::nullopt);
  EXPECT_NE(out->text.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
}

}  // namespace
}  // namespace trigon::ingest
