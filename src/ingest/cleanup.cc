// Cleanup: finds the noise around an article's text (the list is in
// cleanup.h) and splits what is left into paragraphs.
//
// Overview.
//  1. The spans already in doc.removed are normalised and painted into a
//     per-byte mask.  The kept text is cut into Lines: maximal kept runs
//     without a newline, so a removed span is also a line (and paragraph)
//     boundary.  Each short line gets a "key" for matching: its text with
//     decoration stripped from both ends (spaces, "#", "*", brackets,
//     colons, bullets), ASCII lower-cased, fullwidth ASCII folded and inner
//     whitespace collapsed ("## Related:" and "【相关阅读】" both match their
//     table entries).
//  2. Pattern stages classify whole lines, in this order: tail sections
//     (comments, recommendations), endnotes, single lines (ads, image
//     words, credits and captions, notices, "Read more: ..." links), then
//     inline placeholders inside the lines left.  A stage never looks at
//     what an earlier one took.
//  3. Duplicates are searched in the text that is still kept, so the
//     source of a repeat is always kept text and a nav bar that repeats the
//     headline cannot make the headline a "duplicate".
//  4. Paragraphs are read off the final mask.
//
// Duplicate search.  The kept text becomes a sequence of tokens, one per
// non-whitespace code point, so copies that differ only in whitespace or
// line wrapping still match.  The window at token t is the shortest run of
// tokens from t that holds min_duplicate_bytes, so a qualifying repeat
// starting at t contains the whole window and equal text has equal windows;
// windows are hashed (polynomial, from prefix sums) in O(1) each.  A
// left-to-right scan keeps hash chains of the windows, as LZ77 encoders do:
// at token i the chain yields earlier windows with the same hash; each one
// is verified token by token and extended forward, and the longest wins.
// Windows of min_duplicate_bytes (not of a few characters) keep common
// short phrases out of the chains, which is what makes the scan fast.  The
// later copy never overlaps its source, and tokens already removed are
// never a source, so "repeat of bytes A..B" always names text that stays.
// A run long enough is removed and the scan jumps past it; a short run is
// removed only if it is made of whole lines (title, pull quote); a run that
// fails that test is skipped as a unit so that no whole line inside it is
// picked off later (parallel wording in commentary).  Walking at most
// max_duplicate_candidates chain entries per token keeps the scan
// near-linear.  References: J. Ziv, A. Lempel, "A universal algorithm for
// sequential data compression", IEEE Trans. Inf. Theory 23(3), 1977; the
// hash chains of RFC 1951 (deflate) section 4.
//
// Source encoding: this file holds Chinese text as UTF-8, in the phrase
// tables, in a few literals (CJK punctuation, the characters of a date) and
// in comments that quote what a rule matches.  Our library sources are
// otherwise ASCII; \u escapes would make the tables and the examples
// impossible to review, and the compilers we support read UTF-8 sources.

#include "ingest/cleanup.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/utf8.h"

namespace trigon::ingest {
namespace {

using model::RemovalReason;
using model::RemovedSpan;
using model::Span;

// Size limits of the line patterns (bytes of a line's trimmed text).  A line
// longer than the limit of a pattern is article text, whatever it starts
// with.
constexpr size_t kMaxHeadingBytes = 80;        // "推荐阅读", "Endnotes"
constexpr size_t kMaxSourceHeadingBytes = 40;  // "More from Reuters"
constexpr size_t kMaxKeyBytes = 400;           // keys use at most this prefix
constexpr size_t kMaxNoticeBytes = 300;        // copyright, PDF, share lines
constexpr size_t kMaxDisclaimerBytes = 2000;   // a disclaimer paragraph
constexpr size_t kMaxCreditBytes = 120;        // "AP Photo/Evan Vucci"
constexpr size_t kMaxCreditPartBytes = 40;     // one side of "Agency/Name"
constexpr size_t kMaxCreditPartWords = 4;
constexpr size_t kMaxReporterCreditBytes = 90;  // "新华社记者 李学仁 摄"
constexpr size_t kMaxCaptionBytes = 600;        // caption next to a credit
constexpr size_t kMaxLinkTitleBytes = 150;      // titles under an early heading
constexpr size_t kMaxPromoBytes = 300;          // "Read more: <title>"
constexpr size_t kMaxBracketBytes = 80;      // "[image: ...]", "（图/…）"
constexpr size_t kMaxImageAltBytes = 300;    // "![alt](...)"
constexpr size_t kMaxImageUrlBytes = 2048;   // "![...](url)", "<img ...>"
constexpr size_t kMaxDetailQuoteBytes = 40;  // text quoted in a detail
// Lines longer than this (bytes of trimmed text) get only a prefix of
// their key, of at least kLongLineKeyBytes: no length-limited pattern
// applies to them (every limit on a key's line is at most this), and the
// tests that remain compare the key with table entries or prefixes shorter
// than kLongLineKeyBytes (checked after the tables).
constexpr size_t kMaxShortLineBytes = kMaxNoticeBytes;
constexpr size_t kLongLineKeyBytes = 64;
constexpr size_t kMaxNoteMarkerDigits = 3;   // "[123]"
// Duplicate search.
constexpr uint32_t kMaxBackExtension = 64;  // tokens, for line alignment
constexpr uint32_t kMaxLooseWordChars = 4;  // a short repeat's spill-over
constexpr uint32_t kNil = std::numeric_limits<uint32_t>::max();
constexpr uint64_t kHashBase = 0x100000001B3ull;      // FNV prime
constexpr uint64_t kHashMix = 0x9E3779B97F4A7C15ull;  // golden ratio

// ---------------------------------------------------------------------------
// Phrase tables.  Entries are keys (see MakeKey): lower case, fullwidth
// ASCII folded, no decoration at the ends, single spaces.

// A heading that opens the comment area of a blog page.
// clang-format off
constexpr std::string_view kCommentHeadings[] = {
    "沒有留言", "没有留言", "張貼留言", "张贴留言", "發表意見", "发表意见",
    "發表留言", "发表留言", "發表評論", "发表评论", "留言", "網友留言",
    "网友留言", "網友評論", "网友评论", "評論區", "评论区", "全部評論",
    "全部评论", "最新評論", "最新评论", "熱門評論", "热门评论",
    "注意:只有此網誌的成員可以留言", "注意:只有此网志的成员可以留言",
    "post a comment", "leave a comment", "leave a reply", "no comments",
    "comments", "add a comment", "add comment", "write a comment",
    "join the conversation", "comments are closed", "show comments",
    "view comments",
};
// clang-format on

// "3 comments", "12 則留言": a count followed by one of these.
constexpr std::string_view kCommentCountWords[] = {
    "comments", "comment", "responses", "response", "replies",
    "reply",    "則留言",  "则留言",    "條留言",   "条留言",
    "個留言",   "个留言",  "則評論",    "则评论",   "條評論",
    "条评论",   "則回應",  "则回应",    "條回應",   "条回应",
};

// A heading that opens a block of links to other articles.
// clang-format off
constexpr std::string_view kRecommendationHeadings[] = {
    "推荐阅读", "推薦閱讀", "相关推荐", "相關推薦", "相关阅读", "相關閱讀",
    "相关文章", "相關文章", "相关新闻", "相關新聞", "相关报道", "相關報導",
    "相關報道", "猜你喜欢", "猜你喜歡", "延伸阅读", "延伸閱讀", "热门推荐",
    "熱門推薦", "热门文章", "熱門文章", "热点推荐", "熱點推薦", "更多阅读",
    "更多閱讀", "更多新闻", "更多新聞", "更多文章", "阅读更多", "閱讀更多",
    "看更多", "你可能还喜欢", "你可能還喜歡", "你可能也喜欢", "你可能也喜歡",
    "精彩推荐", "精彩推薦", "往期回顾", "往期回顧", "往期推荐", "往期推薦",
    "热文推荐", "熱文推薦", "编辑推荐", "編輯推薦", "相关链接", "相關連結",
    "相關鏈接", "related", "related stories", "related articles",
    "related content", "related coverage", "related news", "related posts",
    "related reading", "related links", "recommended", "recommended stories",
    "recommended articles", "recommended reading", "recommended for you",
    "read more", "read next", "more stories", "more news", "more to read",
    "you may also like", "you might also like", "you may be interested in",
    "you might be interested in", "most read", "most popular",
    "popular stories", "top stories", "also read", "read also", "see also",
    "further reading", "more on this story", "more on this topic", "trending",
    "trending now", "editor's picks", "editors' picks",
};
// clang-format on

// "More from Reuters", "More on Ukraine": short lines with these prefixes.
constexpr std::string_view kRecommendationPrefixes[] = {
    "more from ",
    "more on ",
    "more stories from ",
};

// A heading over a list of numbered notes.
// clang-format off
constexpr std::string_view kEndnoteHeadings[] = {
    "endnotes", "notes", "footnotes", "references", "sources",
    "notes and references", "references and notes", "bibliography",
    "works cited", "citations", "尾註", "尾注", "注釋", "注释", "註釋", "注解",
    "註解", "脚注", "腳註", "腳注", "參考資料", "参考资料", "參考文獻",
    "参考文献", "资料来源", "資料來源", "注", "註", "附注", "附註",
};
// clang-format on

// Whole lines that are ad slots (besides "ad", "ad1", "ad2 webp").
// clang-format off
constexpr std::string_view kAdLines[] = {
    "advertisement", "advertisements", "advertising", "sponsored",
    "sponsored content", "paid content", "promoted", "promoted content",
    "advertisement - scroll to continue", "skip advertisement",
    "advertisement skip advertisement", "story continues below advertisement",
    "article continues below advertisement", "广告", "廣告", "广告位", "廣告位",
    "推广", "推廣", "赞助内容", "贊助內容",
};
// clang-format on

// Image file extensions after an ad slot name ("ad1 webp").
constexpr std::string_view kImageExtensions[] = {
    "webp", "jpg", "jpeg", "png", "gif",
};

// A whole line, or the inside of a bracket, that stands for an image.
constexpr std::string_view kImageWords[] = {
    "image", "img",  "photo", "picture", "video", "图片", "圖片", "图",
    "圖",    "照片", "视频",  "視頻",    "影片",  "动图", "動圖",
};

// "[image: Biden at the podium]": a described image placeholder.
constexpr std::string_view kImageWordPrefixes[] = {
    "image:", "photo:", "picture:", "video:", "图片:",
    "圖片:",  "图:",    "圖:",      "视频:",  "視頻:",
};

// A photo credit: a short line (or bracket) starting with one of these.
// clang-format off
constexpr std::string_view kCreditPrefixes[] = {
    "photo:",        "photo by ",     "photos:",
    "photo credit:", "photograph:",   "photograph by ",
    "image:",        "image credit:", "image source:",
    "credit:",       "photo/",        "图片来源",
    "圖片來源",      "图源",          "圖源",
    "图片:",         "圖片:",         "图:",
    "圖:",           "图/",           "圖/",
    "图片/",         "圖片/",         "摄影:",
    "攝影:",         "摄影/",         "攝影/", "图文:",         "圖文:",
};
// clang-format on

// News and photo agencies, for "Agency/Photographer" credits.
// clang-format off
constexpr std::string_view kAgencies[] = {
    "afp",      "ap",           "reuters",      "epa",        "epa-efe",
    "efe",      "getty images", "getty",        "xinhua",     "bloomberg",
    "scanpix",  "dpa",          "ansa",         "kyodo",      "yonhap",
    "sputnik",  "tass",         "anadolu",      "nurphoto",   "shutterstock",
    "alamy",    "imago",        "sopa images",  "zuma press", "zuma",
    "upi",      "abaca",        "imaginechina", "vcg",        "cfp",
    "istock",   "istockphoto",  "pool",         "ap images",  "pixabay",
    "unsplash", "法新社",       "美联社",       "美聯社",     "路透社",
    "路透",     "新华社",       "新華社",       "中新社",     "欧新社",
    "歐新社",   "视觉中国",     "視覺中國",     "共同社",     "中央社",
    "东方ic",   "東方ic",       "韩联社",       "韓聯社",     "塔斯社",
    "彭博社",   "盖帝图像",     "蓋帝圖像",     "达志影像",   "達志影像",
    "美国之音", "美國之音",     "人民视觉",     "人民視覺",
};
// clang-format on

// Words after an agency name in a credit ("AP Photo", "Reuters Pictures").
constexpr std::string_view kCreditSuffixes[] = {
    " photo",
    " photos",
    " pictures",
    " images",
};

// "新华社记者 李学仁 摄": a reporter credit.
constexpr std::string_view kReporterWords[] = {"记者", "記者", "摄影", "攝影"};
constexpr std::string_view kShotBy[] = {"摄", "攝"};

// A paragraph that is one of these headings, or starts with one followed
// by a colon, is a notice ("Disclaimer: ...", "版权声明：...").
constexpr std::string_view kNoticeHeadings[] = {
    "disclaimer", "免责声明", "免責聲明", "版权声明", "版權聲明",
};

// A paragraph starting with one of these is a disclaimer.
constexpr std::string_view kDisclaimerPrefixes[] = {
    "声明:本文",
    "聲明:本文",
    "本文仅代表作者",
    "本文僅代表作者",
    "the views expressed in this",
    "the views and opinions expressed in this",
};

enum class Where { kPrefix, kSuffix, kAnywhere };

struct NoticePattern {
  std::string_view text;
  Where where;
  std::string_view detail;
};

// Short notice lines (at most kMaxNoticeBytes).
constexpr NoticePattern kNotices[] = {
    {"all rights reserved", Where::kSuffix, "copyright notice"},
    {"copyright ©", Where::kPrefix, "copyright notice"},
    {"copyright (c)", Where::kPrefix, "copyright notice"},
    {"©", Where::kPrefix, "copyright notice"},
    {"版权所有", Where::kPrefix, "copyright notice"},
    {"版權所有", Where::kPrefix, "copyright notice"},
    {"版权所有", Where::kSuffix, "copyright notice"},
    {"版權所有", Where::kSuffix, "copyright notice"},
    {"不得转载", Where::kAnywhere, "copyright notice"},
    {"不得轉載", Where::kAnywhere, "copyright notice"},
    {"禁止转载", Where::kAnywhere, "copyright notice"},
    {"禁止轉載", Where::kAnywhere, "copyright notice"},
    {"转载请注明", Where::kAnywhere, "copyright notice"},
    {"轉載請註明", Where::kAnywhere, "copyright notice"},
    {"轉載請注明", Where::kAnywhere, "copyright notice"},
    {"如有侵权", Where::kAnywhere, "image copyright notice"},
    {"如有侵權", Where::kAnywhere, "image copyright notice"},
    {"侵删", Where::kAnywhere, "image copyright notice"},
    {"侵刪", Where::kAnywhere, "image copyright notice"},
    {"图片来自网络", Where::kAnywhere, "image copyright notice"},
    {"圖片來自網路", Where::kAnywhere, "image copyright notice"},
    {"圖片來自網絡", Where::kAnywhere, "image copyright notice"},
    {"图片来源于网络", Where::kAnywhere, "image copyright notice"},
    {"圖片來源於網路", Where::kAnywhere, "image copyright notice"},
    {"share this", Where::kPrefix, "share prompt"},
    {"share on facebook", Where::kPrefix, "share prompt"},
    {"share on twitter", Where::kPrefix, "share prompt"},
    {"分享到", Where::kPrefix, "share prompt"},
    {"分享至", Where::kPrefix, "share prompt"},
    {"click here to subscribe", Where::kAnywhere, "subscribe prompt"},
    {"subscribe to our newsletter", Where::kAnywhere, "subscribe prompt"},
    {"sign up for our newsletter", Where::kAnywhere, "subscribe prompt"},
    {"点击上方", Where::kPrefix, "follow prompt"},
    {"點擊上方", Where::kPrefix, "follow prompt"},
    {"长按二维码", Where::kAnywhere, "follow prompt"},
    {"長按二維碼", Where::kAnywhere, "follow prompt"},
    {"扫码关注", Where::kAnywhere, "follow prompt"},
    {"掃碼關注", Where::kAnywhere, "follow prompt"},
    {"欢迎关注", Where::kPrefix, "follow prompt"},
    {"歡迎關注", Where::kPrefix, "follow prompt"},
};

// "Download the PDF", "下載並閱讀 PDF 版本": a prefix plus "pdf" in the line.
constexpr std::string_view kDownloadPrefixes[] = {"download", "下载", "下載"};

// Lines longer than kMaxShortLineBytes are matched on a key prefix of
// kLongLineKeyBytes (see BuildLines); these are the tests made on them.
template <size_t N>
constexpr size_t LongestEntry(const std::string_view (&table)[N]) {
  size_t longest = 0;
  for (std::string_view entry : table) longest = std::max(longest, entry.size());
  return longest;
}
static_assert(LongestEntry(kAdLines) < kLongLineKeyBytes);
static_assert(LongestEntry(kImageWords) < kLongLineKeyBytes);
// "<heading> :" (keys have single spaces).
static_assert(LongestEntry(kNoticeHeadings) + 2 < kLongLineKeyBytes);
static_assert(LongestEntry(kDisclaimerPrefixes) < kLongLineKeyBytes);
static_assert(kMaxHeadingBytes <= kMaxShortLineBytes &&
              kMaxCreditBytes <= kMaxShortLineBytes &&
              kMaxNoticeBytes <= kMaxShortLineBytes &&
              kMaxPromoBytes <= kMaxShortLineBytes);

// ---------------------------------------------------------------------------
// Characters and UTF-8.

// Decodes the code point at `pos` (< s.size()) and sets *len to its length.
// Bytes that do not start a well-formed sequence decode as U+FFFD, one
// byte long, so malformed text is handled byte-wise.
char32_t DecodeAt(std::string_view s, size_t pos, size_t* len) {
  const auto lead = static_cast<unsigned char>(s[pos]);
  const size_t n = utf8::SequenceLength(lead);
  *len = 1;
  if (lead < 0x80) return lead;
  if (n == 1 || pos + n > s.size()) return 0xFFFD;
  char32_t cp = lead & (0xFF >> (n + 1));
  for (size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[pos + k]);
    if ((c & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (c & 0x3F);
  }
  *len = n;
  return cp;
}

// Start of the code point that ends at `end` (> 0).
size_t PrevStart(std::string_view s, size_t end) {
  size_t p = end - 1;
  for (size_t k = 0;
       k < 3 && p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80;
       ++k) {
    --p;
  }
  size_t len = 0;
  DecodeAt(s, p, &len);
  return p + len == end ? p : end - 1;
}

// The spaces at U+0080 and above (IsSpace tests ASCII itself).
bool IsNonAsciiSpace(char32_t c) {
  switch (c) {
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x2060:
    case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200B;
  }
}

// ASCII inline (most calls; the compiler did not inline the whole test).
inline bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return IsNonAsciiSpace(c);
}

bool IsAsciiAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// A letter or digit of any script (roughly: not space, punctuation,
// symbol or emoji).
bool IsWordChar(char32_t c) {
  if (c < 0x80) return IsAsciiAlnum(c);
  if (IsSpace(c) || c == 0xFFFD) return false;
  const bool punct_or_symbol =
      (c <= 0xBF) || c == 0xD7 || c == 0xF7 ||
      (c >= 0x2000 && c <= 0x2BFF) ||  // punctuation, arrows, shapes...
      (c >= 0x3000 && c <= 0x303F) ||  // CJK symbols and punctuation
      (c >= 0xFE30 && c <= 0xFE4F) ||  // CJK compatibility forms
      (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
      (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) ||
      (c >= 0x1F000 && c <= 0x1FAFF);  // emoji
  return !punct_or_symbol;
}

// Stripped from both ends of a key.
bool IsDecoration(char32_t c) {
  if (IsSpace(c)) return true;
  switch (c) {
    case '#':
    case '*':
    case '-':
    case '=':
    case '_':
    case '~':
    case '>':
    case '<':
    case '|':
    case ':':
    case '.':
    case '[':
    case ']':
    case '(':
    case ')':
    case '"':
    case '\'':
    case '+':
    case '!':
    case 0xB7:    // middle dot
    case 0x3002:  // ideographic full stop
    case 0x30FB:  // katakana middle dot
    case 0xFF1A:  // fullwidth colon
    case 0xFF0E:  // fullwidth full stop
    case 0xFF08:
    case 0xFF09:  // fullwidth parentheses
    case 0xFF3B:
    case 0xFF3D:  // fullwidth square brackets
    case 0xFF5C:  // fullwidth vertical line
    case 0xFF01:  // fullwidth exclamation mark
      return true;
    default:
      return (c >= 0x2010 && c <= 0x2027) ||  // dashes, quotes, bullets
             (c >= 0x2190 && c <= 0x21FF) ||  // arrows
             (c >= 0x2500 && c <= 0x27BF) ||  // box drawing, shapes, stars
             (c >= 0x3008 && c <= 0x3011) ||  // CJK brackets
             (c >= 0x1F446 && c <= 0x1F449);  // pointing hands
  }
}

// The first bytes are compared inline: most tests fail there, and a
// memcmp call per table entry was a visible cost on short lines.
bool StartsWith(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  if (p.empty()) return true;
  return s[0] == p[0] && std::memcmp(s.data(), p.data(), p.size()) == 0;
}
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
// memmem: much faster than string_view::find (memchr on the first byte,
// then a compare at every hit) for the phrases searched in whole lines.
bool Contains(std::string_view s, std::string_view p) {
  if (p.empty()) return true;
  if (s.size() < p.size()) return false;
  return memmem(s.data(), s.size(), p.data(), p.size()) != nullptr;
}
template <size_t N>
bool InTable(std::string_view key, const std::string_view (&table)[N]) {
  return std::find(std::begin(table), std::end(table), key) != std::end(table);
}
template <size_t N>
bool HasPrefixIn(std::string_view key, const std::string_view (&table)[N]) {
  for (std::string_view p : table) {
    if (StartsWith(key, p)) return true;
  }
  return false;
}

// `s` cut to at most `max` bytes at a code point boundary.
std::string_view Truncate(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) {
    --end;
  }
  return s.substr(0, end);
}

// Writes the UTF-8 form of `c` (< 0x200000, as DecodeAt returns) to `out`
// and returns its length: the bytes utf8::Append would append, without a
// push_back per byte.
size_t EncodeUtf8(char32_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

// The matching form of a short piece of text: decoration stripped from both
// ends, ASCII lower case, fullwidth ASCII (U+FF01..U+FF5E) folded to ASCII,
// whitespace runs collapsed to one space.
//
// With `max_bytes`, stops once the key has at least that many bytes and
// sets *complete to false if it stopped early (the result is then a prefix
// of the whole key); the whole key otherwise.
std::string MakeKey(std::string_view s,
                    size_t max_bytes = std::numeric_limits<size_t>::max(),
                    bool* complete = nullptr) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e) {
    size_t len = 0;
    if (!IsDecoration(DecodeAt(s, b, &len))) break;
    b += len;
  }
  while (e > b) {
    const size_t p = PrevStart(s, e);
    size_t len = 0;
    if (!IsDecoration(DecodeAt(s, p, &len))) break;
    e = p;
  }
  // Written through a raw pointer into a buffer sized for the worst case
  // (push_back per byte was a large part of the cost): a byte of text never
  // takes more than three in the key (an invalid byte becomes a 3-byte
  // U+FFFD; a space run becomes at most one space; other code points keep
  // or shrink their length).  Keys are made of at most kMaxKeyBytes of
  // text, so the buffer is on the stack (the heap only for longer input).
  char stack[3 * kMaxKeyBytes];
  std::string heap;
  char* out = stack;
  if (3 * (e - b) > sizeof stack) {
    heap.resize(3 * (e - b));
    out = heap.data();
  }
  size_t w = 0;
  bool space = false;
  size_t p = b;
  for (; p < e && w < max_bytes;) {
    // ASCII (most keys of most documents): the steps below without decoding
    // and re-encoding.
    if (const auto byte = static_cast<unsigned char>(s[p]); byte < 0x80) {
      ++p;
      if (IsSpace(byte)) {
        space = true;
        continue;
      }
      if (space && w > 0) out[w++] = ' ';
      space = false;
      out[w++] = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte);
      continue;
    }
    size_t len = 0;
    char32_t c = DecodeAt(s, p, &len);
    p += len;
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space && w > 0) out[w++] = ' ';
    space = false;
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    w += EncodeUtf8(c, out + w);
  }
  if (complete != nullptr) *complete = p >= e;
  return std::string(out, w);
}

// "“法新社/Scanpix”" -> at most kMaxDetailQuoteBytes of `s`, quoted.
std::string Quote(std::string_view s) {
  std::string out = "\"";
  const std::string_view cut = Truncate(s, kMaxDetailQuoteBytes);
  out.append(cut);
  if (cut.size() < s.size()) out.append("...");
  out.push_back('"');
  return out;
}

// ---------------------------------------------------------------------------
// Line patterns.

// Removes `suffix` from the end of `s` if it is there.
bool ConsumeSuffix(std::string_view& s, std::string_view suffix) {
  if (!EndsWith(s, suffix)) return false;
  s.remove_suffix(suffix.size());
  return true;
}

void TrimSpaceSuffix(std::string_view& s) {
  while (!s.empty()) {
    const size_t p = PrevStart(s, s.size());
    size_t len = 0;
    if (!IsSpace(DecodeAt(s, p, &len))) return;
    s = s.substr(0, p);
  }
}

// Removes a run of 1..max ASCII digits from the end of `s`; returns how
// many (0, leaving `s` alone, when the run is empty or longer than max).
size_t ConsumeDigits(std::string_view& s, size_t max) {
  size_t n = 0;
  while (n < s.size() && IsAsciiDigit(s[s.size() - 1 - n])) ++n;
  if (n == 0 || n > max) return 0;
  s.remove_suffix(n);
  return n;
}

// Removes an English month name ("May", "Sept.", "february") from the end.
bool ConsumeMonth(std::string_view& s) {
  static constexpr std::string_view kMonths[] = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december",
      "jan",     "feb",      "mar",       "apr",     "jun",      "jul",
      "aug",     "sep",      "sept",      "oct",     "nov",      "dec"};
  std::string_view t = s;
  ConsumeSuffix(t, ".");
  size_t n = 0;
  while (n < t.size()) {
    const char c = t[t.size() - 1 - n];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) break;
    ++n;
  }
  std::string word(t.substr(t.size() - n));
  for (char& c : word) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (n == 0 || !InTable(word, kMonths)) return false;
  s = t.substr(0, t.size() - n);
  return true;
}

// True if `s` ends with a date, optionally followed by a full stop:
// "2019 年 5 月 26 日。", "May 26, 2019.", "26 May 2019", "2019-05-26".
bool EndsWithDate(std::string_view s) {
  constexpr size_t kDay = 2;
  constexpr size_t kYear = 4;
  TrimSpaceSuffix(s);
  if (!ConsumeSuffix(s, ".") && !ConsumeSuffix(s, "。")) {
    ConsumeSuffix(s, "．");
  }
  TrimSpaceSuffix(s);
  {  // 2019 年 5 月 26 日
    std::string_view t = s;
    if (ConsumeSuffix(t, "日") || ConsumeSuffix(t, "号") ||
        ConsumeSuffix(t, "號")) {
      TrimSpaceSuffix(t);
      if (ConsumeDigits(t, kDay) == 0) return false;
      TrimSpaceSuffix(t);
      if (!ConsumeSuffix(t, "月")) return false;
      TrimSpaceSuffix(t);
      if (ConsumeDigits(t, kDay) == 0) return false;
      TrimSpaceSuffix(t);
      if (!ConsumeSuffix(t, "年")) return false;
      TrimSpaceSuffix(t);
      return ConsumeDigits(t, kYear) == kYear;
    }
  }
  {  // 2019-05-26, 2019/5/26
    std::string_view t = s;
    if (ConsumeDigits(t, kDay) > 0 &&
        (ConsumeSuffix(t, "-") || ConsumeSuffix(t, "/")) &&
        ConsumeDigits(t, kDay) > 0 &&
        (ConsumeSuffix(t, "-") || ConsumeSuffix(t, "/")) &&
        ConsumeDigits(t, kYear) == kYear) {
      return true;
    }
  }
  // May 26, 2019 / 26 May 2019 / May 2019
  std::string_view t = s;
  if (ConsumeDigits(t, kYear) != kYear) return false;
  TrimSpaceSuffix(t);
  ConsumeSuffix(t, ",");
  TrimSpaceSuffix(t);
  std::string_view u = t;
  if (ConsumeDigits(u, kDay) > 0) {
    TrimSpaceSuffix(u);
    return ConsumeMonth(u);
  }
  return ConsumeMonth(t);
}

// "ad", "ad1", "ad2 webp".
bool IsAdSlotKey(std::string_view key) {
  if (!StartsWith(key, "ad")) return false;
  size_t p = 2;
  while (p < key.size() && IsAsciiDigit(key[p])) ++p;
  if (p == key.size()) return true;
  if (key[p] != ' ') return false;
  return InTable(key.substr(p + 1), kImageExtensions);
}

bool IsAdLine(std::string_view key) {
  return IsAdSlotKey(key) || InTable(key, kAdLines);
}

// Number of space-separated words in `s`.
size_t WordCount(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    if (c == ' ') {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

std::string_view TrimAsciiSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// "Reuters/Ipsos", "AP-NORC poll": polls named after agencies.
bool IsPollName(std::string_view part) {
  static constexpr std::string_view kPollWords[] = {"poll", "ipsos", "norc",
                                                    "survey"};
  for (std::string_view w : kPollWords) {
    if (Contains(part, w)) return true;
  }
  return false;
}

bool IsAgency(std::string_view part) {
  if (InTable(part, kAgencies)) return true;
  for (std::string_view suffix : kCreditSuffixes) {
    if (EndsWith(part, suffix) &&
        InTable(part.substr(0, part.size() - suffix.size()), kAgencies)) {
      return true;
    }
  }
  return false;
}

// A photo credit, given as a key: "photo: ...", "图片来源...",
// "afp/scanpix", "ap photo/evan vucci", "新华社记者 李学仁 摄".
bool IsCreditKey(std::string_view key) {
  if (key.empty()) return false;
  if (HasPrefixIn(key, kCreditPrefixes)) return true;
  if (key.find('/') != std::string_view::npos &&
      key.find(':') == std::string_view::npos) {
    bool agency = false;
    bool name_like = true;
    size_t start = 0;
    while (start <= key.size()) {
      size_t slash = key.find('/', start);
      if (slash == std::string_view::npos) slash = key.size();
      const std::string_view part =
          TrimAsciiSpaces(key.substr(start, slash - start));
      if (part.empty() || part.size() > kMaxCreditPartBytes ||
          WordCount(part) > kMaxCreditPartWords || IsPollName(part)) {
        name_like = false;
      }
      agency = agency || IsAgency(part);
      start = slash + 1;
    }
    if (agency && name_like) return true;
  }
  std::string_view k = key;
  if (k.size() <= kMaxReporterCreditBytes &&
      (ConsumeSuffix(k, kShotBy[0]) || ConsumeSuffix(k, kShotBy[1]))) {
    for (std::string_view w : kReporterWords) {
      if (Contains(k, w)) return true;
    }
  }
  return false;
}

// "... in Chiba. (AP Photo/Evan Vucci)", "... March 20. Photo: Example News":
// a line whose last sentence or bracket is an English photo credit (it
// names a photo or image; "(Reuters/Ipsos)" after a poll figure is not one).
// Chinese lines only lose the bracket (FindInlineNoise): there a credit is
// often appended to an article paragraph.
bool EndsWithPhotoCredit(std::string_view s) {
  std::string_view t = s;
  ConsumeSuffix(t, ")");
  // The start of the last sentence (after ". ") or bracket, whichever is
  // later: one backward scan that stops there (two rfind calls scanned the
  // whole line, rfind(". ") with a compare per byte).  A start more than
  // kMaxCreditBytes from the end would fail the length test below, so the
  // scan goes no further back.
  size_t start = 0;
  const size_t lowest = t.size() > kMaxCreditBytes ? t.size() - kMaxCreditBytes : 1;
  for (size_t i = t.size(); i >= lowest && i > 0; --i) {
    const char c = t[i - 1];
    if (c == '(' || (c == ' ' && i >= 2 && t[i - 2] == '.')) {
      start = i;
      break;
    }
  }
  if (start == 0) return false;
  const std::string_view credit = t.substr(start);
  if (credit.empty() || credit.size() > kMaxCreditBytes) return false;
  for (char c : credit) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  const std::string key = MakeKey(credit);
  return (Contains(key, "photo") || Contains(key, "image") ||
          Contains(key, "picture")) &&
         IsCreditKey(key);
}

// "Disclaimer: ...", "版权声明：...", "The views expressed in this ...".
bool IsNoticeParagraph(std::string_view key) {
  for (std::string_view h : kNoticeHeadings) {
    if (StartsWith(key, h)) {
      const std::string_view rest = TrimAsciiSpaces(key.substr(h.size()));
      if (StartsWith(rest, ":")) return true;
    }
  }
  return HasPrefixIn(key, kDisclaimerPrefixes);
}

// "3 comments", "12則留言", "Comments (3)", "留言 (12)".
bool IsCommentCount(std::string_view key) {
  size_t p = 0;
  while (p < key.size() && IsAsciiDigit(key[p])) ++p;
  if (p > 0) {
    if (p < key.size() && key[p] == ' ') ++p;
    return InTable(key.substr(p), kCommentCountWords);
  }
  // A count after the word; MakeKey already dropped the closing bracket.
  std::string_view t = key;
  if (ConsumeDigits(t, std::numeric_limits<size_t>::max()) == 0) return false;
  ConsumeSuffix(t, "(");
  t = TrimAsciiSpaces(t);
  return InTable(t, kCommentCountWords) || InTable(t, kCommentHeadings);
}

// Ends like a sentence rather than a link title.
bool EndsLikeSentence(std::string_view s) {
  static constexpr std::string_view kEnds[] = {".",  "。", "．", "\"", "”",
                                               "」", "』", ":",  "："};
  for (std::string_view e : kEnds) {
    if (EndsWith(s, e)) return true;
  }
  return false;
}

bool IsRecommendationHeading(std::string_view key, std::string_view content) {
  return InTable(key, kRecommendationHeadings) ||
         (content.size() <= kMaxSourceHeadingBytes &&
          !EndsLikeSentence(content) &&
          HasPrefixIn(key, kRecommendationPrefixes));
}

// "[12]", "［3］", "12.", "3)", "(4)", "5、", "^", "↑" at the start of a line.
bool IsNoteItem(std::string_view s) {
  std::string_view t = s;
  if (StartsWith(t, "^") || StartsWith(t, "↑")) return true;
  std::string_view close;
  if (StartsWith(t, "[")) {
    t.remove_prefix(1);
    close = "]";
  } else if (StartsWith(t, "［")) {
    t.remove_prefix(std::string_view("［").size());
    close = "］";
  } else if (StartsWith(t, "(")) {
    t.remove_prefix(1);
    close = ")";
  } else if (StartsWith(t, "（")) {
    t.remove_prefix(std::string_view("（").size());
    close = "）";
  }
  size_t n = 0;
  while (n < t.size() && IsAsciiDigit(t[n])) ++n;
  if (n == 0 || n > kMaxNoteMarkerDigits) return false;
  t.remove_prefix(n);
  if (!close.empty()) return StartsWith(t, close);
  return StartsWith(t, ".") || StartsWith(t, ")") || StartsWith(t, "、") ||
         StartsWith(t, "．");
}

// ---------------------------------------------------------------------------
// The cleaner.

// A kept run of one text line: no newline, no removed byte inside.
struct Line {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t content_begin = 0;  // trimmed of whitespace
  uint32_t content_end = 0;
  bool removed = false;  // taken whole by a stage of this pass
  bool blank() const { return content_begin == content_end; }
};

// One non-whitespace code point of the kept text, for the duplicate search.
struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  char32_t cp = 0;
  bool line_start = false;  // first token of its line (or after a removal)
  bool line_end = false;    // last token of its line (or before a removal)
  bool gap_before = false;  // removed bytes between it and the previous one
};

class Cleaner {
 public:
  Cleaner(model::Document& doc, const CleanupOptions& options)
      : doc_(doc), options_(options), text_(doc.text) {}

  CleanupStats Run();

 private:
  void NormalizePriorSpans();
  void BuildLines();
  void FindTailSections();
  void FindEndnotes();
  void ClassifyLines();
  void FindInlineNoise();
  void FindDuplicates();
  void BuildParagraphs();

  // The code point at kept byte `p`, cut short (and then U+FFFD) where a
  // removed span starts inside it.
  char32_t KeptCodePoint(size_t p, size_t* len) const {
    // An ASCII byte is a whole code point, so no removed span can cut it.
    if (const auto byte = static_cast<unsigned char>(text_[p]); byte < 0x80) {
      *len = 1;
      return byte;
    }
    const char32_t c = DecodeAt(text_, p, len);
    for (size_t q = 1; q < *len; ++q) {
      if (removed_[p + q]) {
        *len = q;
        return 0xFFFD;
      }
    }
    return c;
  }
  std::string_view Content(const Line& line) const {
    return text_.substr(line.content_begin,
                        line.content_end - line.content_begin);
  }
  // The first line after `k` with kept text not yet taken, or kNil.
  uint32_t NextContentLine(uint32_t k) const;
  // True if lines a and a + 1 are one block (no blank line or removal).
  bool SameBlock(uint32_t a) const;
  // Removes lines [first, last] (blank and already removed ones skipped).
  void RemoveLines(uint32_t first, uint32_t last, RemovalReason reason,
                   const std::string& detail);
  // Removes the kept bytes of [begin, end), one span per kept run, each
  // trimmed of whitespace.
  void Remove(uint32_t begin, uint32_t end, RemovalReason reason,
              const std::string& detail);
  void AddSpan(uint32_t begin, uint32_t end, RemovalReason reason,
               std::string detail);

  model::Document& doc_;
  const CleanupOptions& options_;
  std::string_view text_;
  std::vector<uint8_t> removed_;  // one flag per byte of text_
  std::vector<Line> lines_;
  // Per line: "" for a blank line; for a line of more than
  // kMaxShortLineBytes, possibly only the first kLongLineKeyBytes or more
  // bytes of the key (see BuildLines).
  std::vector<std::string> keys_;
  std::vector<RemovedSpan> added_;
  CleanupStats stats_;
};

CleanupStats Cleaner::Run() {
  NormalizePriorSpans();
  BuildLines();
  FindTailSections();
  FindEndnotes();
  ClassifyLines();
  FindInlineNoise();
  FindDuplicates();
  BuildParagraphs();

  doc_.removed.insert(doc_.removed.end(),
                      std::make_move_iterator(added_.begin()),
                      std::make_move_iterator(added_.end()));
  std::stable_sort(
      doc_.removed.begin(), doc_.removed.end(),
      [](const RemovedSpan& a, const RemovedSpan& b) {
        return a.span.begin < b.span.begin ||
               (a.span.begin == b.span.begin && a.span.end < b.span.end);
      });
  return stats_;
}

void Cleaner::NormalizePriorSpans() {
  const auto size = static_cast<uint32_t>(text_.size());
  auto& spans = doc_.removed;
  for (RemovedSpan& r : spans) {
    r.span.end = std::min(r.span.end, size);
    r.span.begin = std::min(r.span.begin, r.span.end);
  }
  std::stable_sort(spans.begin(), spans.end(),
                   [](const RemovedSpan& a, const RemovedSpan& b) {
                     return a.span.begin < b.span.begin;
                   });
  std::vector<RemovedSpan> disjoint;
  disjoint.reserve(spans.size());
  uint32_t covered = 0;
  for (RemovedSpan& r : spans) {
    if (!r.span.empty() && r.span.begin < covered) {
      if (r.span.end <= covered) continue;  // inside an earlier span
      r.span.begin = covered;
    }
    covered = std::max(covered, r.span.end);
    disjoint.push_back(std::move(r));
  }
  spans = std::move(disjoint);
  removed_.assign(text_.size(), 0);
  for (const RemovedSpan& r : spans) {
    std::fill(removed_.begin() + r.span.begin, removed_.begin() + r.span.end,
              1);
  }
}

void Cleaner::BuildLines() {
  const size_t n = text_.size();
  // The first removed byte at or after `from` (n if none).  Lines end at a
  // newline or a removed byte; both are found with memchr rather than byte
  // by byte.
  auto removed_from = [&](size_t from) -> size_t {
    if (from >= n) return n;  // (removed_.data() is null for an empty text)
    const void* hit = std::memchr(removed_.data() + from, 1, n - from);
    return hit == nullptr
               ? n
               : static_cast<size_t>(static_cast<const uint8_t*>(hit) -
                                     removed_.data());
  };
  size_t next_removed = removed_from(0);
  size_t p = 0;
  while (p < n) {
    if (next_removed < p) next_removed = removed_from(p);
    if (next_removed == p) {
      ++p;
      continue;
    }
    const void* newline = std::memchr(text_.data() + p, '\n', next_removed - p);
    const size_t q = newline == nullptr
                         ? next_removed
                         : static_cast<size_t>(static_cast<const char*>(newline) -
                                               text_.data());
    Line line;
    line.begin = static_cast<uint32_t>(p);
    line.end = static_cast<uint32_t>(q);
    line.content_begin = line.content_end = line.begin;
    // The content is the first through the last non-space code point,
    // decoding forward from the line start (a sequence cut by a removed
    // span counts as the code point it starts).
    auto step = [&](size_t r, size_t* len) {
      *len = 1;
      const auto byte = static_cast<unsigned char>(text_[r]);
      // ASCII without decoding (most bytes of most documents).
      const char32_t c = byte < 0x80 ? byte : DecodeAt(text_, r, len);
      if (r + *len > q) *len = q - r;  // a sequence cut by a removed span
      return c;
    };
    size_t r = p;
    for (; r < q;) {
      size_t len = 1;
      if (!IsSpace(step(r, &len))) {
        line.content_begin = static_cast<uint32_t>(r);
        line.content_end = static_cast<uint32_t>(r + len);
        r += len;
        break;
      }
      r += len;
    }
    if (line.content_end > line.content_begin) {
      // The end, from the back when the line ends in ASCII: an ASCII byte
      // is always a code point of its own in the forward decoding (it is
      // never a continuation byte), so trailing ASCII spaces can be skipped
      // and an ASCII non-space ends the content.
      size_t e = q;
      while (e > r && IsSpace(static_cast<unsigned char>(text_[e - 1])) &&
             static_cast<unsigned char>(text_[e - 1]) < 0x80) {
        --e;
      }
      if (e > r && static_cast<unsigned char>(text_[e - 1]) < 0x80) {
        line.content_end = static_cast<uint32_t>(e);
      } else {
        while (r < q) {
          size_t len = 1;
          if (!IsSpace(step(r, &len))) {
            line.content_end = static_cast<uint32_t>(r + len);
          }
          r += len;
        }
      }
    }
    lines_.push_back(line);
    p = (q < n && text_[q] == '\n') ? q + 1 : q;
  }
  keys_.resize(lines_.size());
  for (size_t k = 0; k < lines_.size(); ++k) {
    if (lines_[k].blank()) continue;
    const std::string_view content = Truncate(Content(lines_[k]), kMaxKeyBytes);
    if (content.size() <= kMaxShortLineBytes) {
      keys_[k] = MakeKey(content);
      continue;
    }
    // A longer line is only tested against table entries and prefixes far
    // shorter than kLongLineKeyBytes (see kLongLineKeyBytes), so the start
    // of its key gives the same answers as the whole key; making whole keys
    // of paragraphs was a large part of the cost of cleanup.  An ad slot
    // ("ad" and digits to the end) is the one test that reads a key to its
    // end.
    bool complete = true;
    keys_[k] = MakeKey(content, kLongLineKeyBytes, &complete);
    if (!complete && StartsWith(keys_[k], "ad")) keys_[k] = MakeKey(content);
  }
}

uint32_t Cleaner::NextContentLine(uint32_t k) const {
  for (size_t m = size_t{k} + 1; m < lines_.size(); ++m) {
    if (!lines_[m].blank() && !lines_[m].removed) {
      return static_cast<uint32_t>(m);
    }
  }
  return kNil;
}

bool Cleaner::SameBlock(uint32_t a) const {
  const size_t b = size_t{a} + 1;
  return b < lines_.size() && !lines_[a].blank() && !lines_[b].blank() &&
         lines_[b].begin == lines_[a].end + 1;
}

void Cleaner::AddSpan(uint32_t begin, uint32_t end, RemovalReason reason,
                      std::string detail) {
  std::fill(removed_.begin() + begin, removed_.begin() + end, 1);
  const auto r = static_cast<size_t>(reason);
  stats_.spans[r] += 1;
  stats_.bytes[r] += end - begin;
  stats_.bytes_removed += end - begin;
  added_.push_back(RemovedSpan{Span{begin, end}, reason, std::move(detail)});
}

void Cleaner::Remove(uint32_t begin, uint32_t end, RemovalReason reason,
                     const std::string& detail) {
  uint32_t p = begin;
  while (p < end) {
    while (p < end && removed_[p]) ++p;
    uint32_t q = p;
    while (q < end && !removed_[q]) ++q;
    // Trim whitespace at both ends of the kept run [p, q).
    uint32_t b = p;
    uint32_t e = p;
    for (uint32_t r = p; r < q;) {
      size_t len = 0;
      const char32_t c = DecodeAt(text_, r, &len);
      const auto next = static_cast<uint32_t>(std::min<size_t>(r + len, q));
      if (!IsSpace(c)) {
        if (e == p) b = r;
        e = next;
      }
      r = next;
    }
    if (b < e) AddSpan(b, e, reason, detail);
    p = q;
  }
}

void Cleaner::RemoveLines(uint32_t first, uint32_t last, RemovalReason reason,
                          const std::string& detail) {
  // Spans run from the first to the last kept line; Remove() splits them
  // around anything removed in between.
  uint32_t begin = kNil;
  uint32_t end = 0;
  for (uint32_t k = first; k <= last; ++k) {
    Line& line = lines_[k];
    if (line.blank() || line.removed) continue;
    if (begin == kNil) begin = line.content_begin;
    end = line.content_end;
    line.removed = true;
  }
  if (begin != kNil) Remove(begin, end, reason, detail);
}

// Comment footers and recommendation blocks.  A heading in the second half
// of the document (at least as much kept text before it as after it) takes
// everything up to the next heading of the other kind, or the end.  An
// earlier heading is not a footer: a comment heading there is removed
// alone (a "3 comments" link under a title) and a recommendation heading
// takes only the link titles right under it, so the article can go on.
void Cleaner::FindTailSections() {
  enum class Kind { kNone, kComment, kRecommendation };
  const auto n = static_cast<uint32_t>(lines_.size());
  std::vector<Kind> kind(n, Kind::kNone);
  std::vector<uint64_t> before(n + 1, 0);  // kept content bytes before line
  for (uint32_t k = 0; k < n; ++k) {
    const Line& line = lines_[k];
    before[k + 1] = before[k] + (line.content_end - line.content_begin);
    const size_t bytes = line.content_end - line.content_begin;
    if (line.blank() || bytes > kMaxHeadingBytes) continue;
    const std::string& key = keys_[k];
    if (InTable(key, kCommentHeadings) || IsCommentCount(key)) {
      kind[k] = Kind::kComment;
    } else if (IsRecommendationHeading(key, Content(line))) {
      kind[k] = Kind::kRecommendation;
    }
  }
  const uint64_t total = before[n];
  for (uint32_t k = 0; k < n;) {
    if (kind[k] == Kind::kNone || lines_[k].removed) {
      ++k;
      continue;
    }
    const RemovalReason reason = kind[k] == Kind::kComment
                                     ? RemovalReason::kCommentSection
                                     : RemovalReason::kRecommendations;
    const std::string heading = Quote(Content(lines_[k]));
    const uint64_t head = before[k];
    const uint64_t tail = total - before[k + 1];
    if (head > 0 && tail <= head) {
      uint32_t m = k + 1;
      while (m < n && (kind[m] == Kind::kNone || kind[m] == kind[k])) ++m;
      RemoveLines(k, m - 1, reason,
                  (reason == RemovalReason::kCommentSection
                       ? "comment footer "
                       : "recommendations heading ") +
                      heading +
                      (m == n ? " to end of document" : " to next section"));
      k = m;
      continue;
    }
    if (reason == RemovalReason::kCommentSection) {
      RemoveLines(k, k, reason, "comment widget " + heading);
      ++k;
      continue;
    }
    uint32_t last = k;
    uint32_t titles = 0;
    for (uint32_t m = NextContentLine(k); m != kNil; m = NextContentLine(m)) {
      const std::string_view s = Content(lines_[m]);
      if (s.size() > kMaxLinkTitleBytes || EndsLikeSentence(s) ||
          kind[m] != Kind::kNone) {
        break;
      }
      last = m;
      ++titles;
    }
    RemoveLines(k, last, reason,
                "recommendations heading " + heading + " and " +
                    std::to_string(titles) + " link lines");
    k = last + 1;
  }
}

// An endnote heading followed by numbered items; lines that continue an
// item without a blank line belong to it.  In-text markers stay.
void Cleaner::FindEndnotes() {
  const auto n = static_cast<uint32_t>(lines_.size());
  for (uint32_t k = 0; k < n; ++k) {
    const Line& line = lines_[k];
    if (line.blank() || line.removed ||
        line.content_end - line.content_begin > kMaxHeadingBytes ||
        !InTable(keys_[k], kEndnoteHeadings)) {
      continue;
    }
    uint32_t m = NextContentLine(k);
    if (m == kNil || !IsNoteItem(Content(lines_[m]))) continue;
    uint32_t last = m;
    uint32_t items = 1;
    for (;;) {
      const uint32_t next = NextContentLine(last);
      if (next == kNil) break;
      const bool item = IsNoteItem(Content(lines_[next]));
      if (!item && !(next == last + 1 && SameBlock(last))) break;
      items += item ? 1 : 0;
      last = next;
    }
    RemoveLines(k, last, RemovalReason::kEndnotes,
                "endnotes heading " + Quote(Content(line)) + " and " +
                    std::to_string(items) + " notes");
    k = last;
  }
}

// Single-line patterns.
void Cleaner::ClassifyLines() {
  const auto n = static_cast<uint32_t>(lines_.size());
  for (uint32_t k = 0; k < n; ++k) {
    Line& line = lines_[k];
    if (line.blank() || line.removed) continue;
    const std::string_view content = Content(line);
    const std::string& key = keys_[k];
    const size_t bytes = content.size();

    if (IsAdLine(key)) {
      RemoveLines(k, k, RemovalReason::kAdPlaceholder,
                  "ad slot " + Quote(content));
      continue;
    }
    if (InTable(key, kImageWords)) {
      RemoveLines(k, k, RemovalReason::kImagePlaceholder,
                  "image placeholder " + Quote(content));
      continue;
    }
    // "[Image: ...]" is a placeholder, left to FindInlineNoise.
    const bool square = StartsWith(content, "[") || StartsWith(content, "［") ||
                        StartsWith(content, "【");
    if (bytes <= kMaxCreditBytes && !square && IsCreditKey(key)) {
      // A caption line that ends with a date, right before the credit in
      // the same block or right after it.
      if (k > 0 && SameBlock(k - 1) && !lines_[k - 1].removed) {
        const std::string_view prev = Content(lines_[k - 1]);
        if (prev.size() <= kMaxCaptionBytes && EndsWithDate(prev)) {
          RemoveLines(k - 1, k - 1, RemovalReason::kCaption,
                      "dated caption before photo credit " + Quote(content));
        }
      }
      RemoveLines(k, k, RemovalReason::kCaption,
                  "photo credit " + Quote(content));
      const uint32_t m = NextContentLine(k);
      if (m != kNil) {
        const std::string_view next = Content(lines_[m]);
        if (next.size() <= kMaxCaptionBytes && EndsWithDate(next)) {
          RemoveLines(m, m, RemovalReason::kCaption,
                      "dated caption after photo credit " + Quote(content));
          k = m;
        }
      }
      continue;
    }
    if (bytes <= kMaxCaptionBytes && EndsWithPhotoCredit(content)) {
      RemoveLines(k, k, RemovalReason::kCaption,
                  "caption ending in photo credit " + Quote(content));
      continue;
    }
    const bool notice_heading = InTable(key, kNoticeHeadings);
    if (notice_heading || IsNoticeParagraph(key)) {
      // The notice's paragraph; a bare "Disclaimer" heading also takes the
      // paragraph under it.
      uint32_t last = k;
      while (SameBlock(last)) ++last;
      if (notice_heading) {
        const uint32_t m = NextContentLine(last);
        if (m != kNil) {
          last = m;
          while (SameBlock(last)) ++last;
        }
      }
      if (lines_[last].content_end - line.content_begin <=
          kMaxDisclaimerBytes) {
        RemoveLines(k, last, RemovalReason::kBoilerplate,
                    "notice paragraph " + Quote(content));
        k = last;
        continue;
      }
    }
    if (bytes <= kMaxNoticeBytes) {
      std::string_view detail;
      // A pattern that starts with a non-ASCII byte cannot occur in an
      // ASCII key; skipping those saves most of the searches on English
      // lines.
      const bool ascii_key =
          std::all_of(key.begin(), key.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x80; });
      for (const NoticePattern& p : kNotices) {
        if (ascii_key && static_cast<unsigned char>(p.text[0]) >= 0x80) continue;
        const bool match = p.where == Where::kPrefix   ? StartsWith(key, p.text)
                           : p.where == Where::kSuffix ? EndsWith(key, p.text)
                                                       : Contains(key, p.text);
        if (match) {
          detail = p.detail;
          break;
        }
      }
      if (detail.empty() && HasPrefixIn(key, kDownloadPrefixes) &&
          Contains(key, "pdf")) {
        detail = "PDF download link";
      }
      if (!detail.empty()) {
        RemoveLines(k, k, RemovalReason::kBoilerplate,
                    std::string(detail) + " " + Quote(content));
        continue;
      }
    }
    if (bytes <= kMaxPromoBytes) {
      // "Read more: <title>", "【推荐阅读】<title>".
      const size_t cut = std::min(key.find(':'), key.find("】"));
      if (cut != std::string::npos &&
          InTable(TrimAsciiSpaces(std::string_view(key).substr(0, cut)),
                  kRecommendationHeadings)) {
        RemoveLines(k, k, RemovalReason::kRecommendations,
                    "related link " + Quote(content));
        continue;
      }
    }
  }
}

// Placeholders inside lines: "![alt](url)", "<img ...>", "[image]",
// "(图片)", bracketed credits "（图/新华社）", "ad1 webp".  Every search for
// a closing delimiter is bounded, so a long line full of "(" stays linear.
void Cleaner::FindInlineNoise() {
  struct Match {
    size_t begin;  // in the line's content
    size_t end;
    RemovalReason reason;
    std::string detail;
  };
  struct Bracket {
    std::string_view open;
    std::string_view close;
    bool square;
  };
  static constexpr Bracket kBrackets[] = {
      {"[", "]", true},  {"［", "］", true},  {"【", "】", true},
      {"(", ")", false}, {"（", "）", false},
  };
  // `needle` in s[from, from + max + needle.size()), or npos.
  auto find_near = [](std::string_view s, std::string_view needle, size_t from,
                      size_t max) {
    if (from > s.size()) return std::string_view::npos;
    const size_t at = s.substr(from, max + needle.size()).find(needle);
    return at == std::string_view::npos ? at : from + at;
  };
  for (const Line& line : lines_) {
    if (line.blank() || line.removed) continue;
    const std::string_view s = Content(line);
    std::vector<Match> found;
    // Markdown images, possibly wrapped in a link: [![alt](img)](href).
    for (size_t p = s.find("!["); p != std::string_view::npos;
         p = s.find("![", p + 2)) {
      const size_t close = find_near(s, "](", p + 2, kMaxImageAltBytes);
      if (close == std::string_view::npos) continue;
      const size_t paren = find_near(s, ")", close + 2, kMaxImageUrlBytes);
      if (paren == std::string_view::npos) continue;
      size_t begin = p;
      size_t end = paren + 1;
      if (p > 0 && s[p - 1] == '[' && s.substr(end, 2) == "](") {
        const size_t href = find_near(s, ")", end + 2, kMaxImageUrlBytes);
        if (href != std::string_view::npos) {
          begin = p - 1;
          end = href + 1;
        }
      }
      found.push_back(
          {begin, end, RemovalReason::kImagePlaceholder, "markdown image"});
    }
    std::string lower(s);
    // Branch-free, so that the compiler can vectorise it (this loop was
    // most of the function's time).
    for (char& c : lower) {
      c = static_cast<char>(
          c | (static_cast<unsigned char>(c - 'A') < 26 ? 0x20 : 0));
    }
    // HTML img tags left in the text.
    for (size_t p = lower.find("<img"); p != std::string::npos;
         p = lower.find("<img", p + 4)) {
      const char after = p + 4 < lower.size() ? lower[p + 4] : '\0';
      if (after != ' ' && after != '>' && after != '/') continue;
      const size_t close = find_near(lower, ">", p, kMaxImageUrlBytes);
      if (close == std::string::npos) continue;
      found.push_back(
          {p, close + 1, RemovalReason::kImagePlaceholder, "img tag"});
    }
    // Bracketed image words and photo credits.
    for (const Bracket& br : kBrackets) {
      for (size_t p = s.find(br.open); p != std::string_view::npos;
           p = s.find(br.open, p + br.open.size())) {
        const size_t inner = p + br.open.size();
        const size_t close = find_near(s, br.close, inner, kMaxBracketBytes);
        if (close == std::string_view::npos) continue;
        const std::string key = MakeKey(s.substr(inner, close - inner));
        const size_t end = close + br.close.size();
        const std::string_view text = s.substr(p, end - p);
        if (InTable(key, kImageWords) ||
            (br.square && HasPrefixIn(key, kImageWordPrefixes))) {
          found.push_back({p, end, RemovalReason::kImagePlaceholder,
                           "image placeholder " + Quote(text)});
        } else if (!br.square && IsCreditKey(key)) {
          found.push_back({p, end, RemovalReason::kCaption,
                           "bracketed photo credit " + Quote(text)});
        }
      }
    }
    // "ad1 webp" inside a line.
    for (size_t p = lower.find("ad"); p != std::string::npos;
         p = lower.find("ad", p + 2)) {
      if (p > 0 && IsAsciiAlnum(static_cast<unsigned char>(lower[p - 1]))) {
        continue;
      }
      size_t q = p + 2;
      while (q < lower.size() && IsAsciiDigit(lower[q])) ++q;
      if (q == p + 2 || q >= lower.size() || lower[q] != ' ') continue;
      ++q;
      size_t e = q;
      while (e < lower.size() &&
             IsAsciiAlnum(static_cast<unsigned char>(lower[e]))) {
        ++e;
      }
      if (!InTable(std::string_view(lower).substr(q, e - q),
                   kImageExtensions)) {
        continue;
      }
      found.push_back({p, e, RemovalReason::kAdPlaceholder,
                       "ad slot " + Quote(s.substr(p, e - p))});
    }
    // Leftmost first, the longer of two that start together; a match that
    // overlaps an earlier one is dropped (the "(url)" of a markdown image).
    std::stable_sort(
        found.begin(), found.end(), [](const Match& a, const Match& b) {
          return a.begin < b.begin || (a.begin == b.begin && a.end > b.end);
        });
    size_t covered = 0;
    for (const Match& m : found) {
      if (m.begin < covered) continue;
      covered = m.end;
      Remove(static_cast<uint32_t>(line.content_begin + m.begin),
             static_cast<uint32_t>(line.content_begin + m.end), m.reason,
             m.detail);
    }
  }
}

void Cleaner::FindDuplicates() {
  // Tokens of the kept text.
  std::vector<Token> tok;
  bool line_start = true;
  bool gap = false;
  size_t limit = text_.size();
  if (limit > options_.max_duplicate_search_bytes) {
    limit = options_.max_duplicate_search_bytes;
    stats_.duplicate_search_truncated = true;
  }
  // At most one token per byte: one allocation instead of a series of
  // reallocations (pages past the last token are never touched).
  tok.reserve(limit);
  for (size_t p = 0; p < limit;) {
    if (removed_[p]) {
      line_start = true;
      gap = true;
      ++p;
      continue;
    }
    size_t len = 0;
    const char32_t c = KeptCodePoint(p, &len);
    if (p + len > limit) break;
    if (IsSpace(c)) {
      if (c == '\n') line_start = true;
    } else {
      Token t;
      t.begin = static_cast<uint32_t>(p);
      t.end = static_cast<uint32_t>(p + len);
      t.cp = c;
      t.line_start = line_start;
      t.gap_before = gap && !tok.empty();
      // A token ends its line when the next one starts a line (or is
      // absent, set after the loop).
      if (line_start && !tok.empty()) tok.back().line_end = true;
      tok.push_back(t);
      line_start = false;
      gap = false;
    }
    p += len;
  }
  const auto n = static_cast<uint32_t>(tok.size());
  if (n > 0) tok.back().line_end = true;
  // Local copies: the stores below could alias the options as far as the
  // compiler knows, which cost a reload per token.
  const uint32_t min_bytes = options_.min_duplicate_bytes;
  const uint32_t max_candidates = options_.max_duplicate_candidates;
  if (n == 0 || min_bytes == 0) return;

  // cum[t]: bytes of tokens before t (the non-whitespace bytes).
  // Polynomial hashes mod 2^64 from prefix sums: P[t] = sum over u < t of
  // f(cp[u]) * B^(t - 1 - u); the hash of [t, e) is P[e] - P[t] * B^(e - t).
  std::vector<uint32_t> cum(size_t{n} + 1);
  std::vector<uint64_t> prefix(size_t{n} + 1);
  {
    auto f = [](char32_t c) { return (uint64_t{c} + 1) * kHashMix; };
    uint32_t* const c = cum.data();
    uint64_t* const h = prefix.data();
    const Token* const tk = tok.data();
    c[0] = 0;
    h[0] = 0;
    for (uint32_t t = 0; t < n; ++t) {
      c[t + 1] = c[t] + (tk[t].end - tk[t].begin);
      h[t + 1] = h[t] * kHashBase + f(tk[t].cp);
    }
  }

  // The window at t is the shortest run [t, need[t]) of at least
  // min_duplicate_bytes; any qualifying repeat starting at t contains it,
  // and equal text has equal windows.  Windows exist for t < windows.
  // A window has at most min_duplicate_bytes tokens (one byte or more
  // each).
  std::vector<uint64_t> power(size_t{min_bytes} + 1, 1);
  for (size_t m = 1; m < power.size(); ++m) {
    power[m] = power[m - 1] * kHashBase;
  }
  std::vector<uint32_t> need(n);
  std::vector<uint64_t> hash(n);  // only [0, windows) is used
  uint32_t windows = 0;
  {
    const uint32_t* const c = cum.data();
    const uint64_t* const h = prefix.data();
    const uint64_t* const pw = power.data();
    uint32_t* const nd = need.data();
    uint64_t* const hs = hash.data();
    for (uint32_t t = 0, e = 0; t < n; ++t) {
      e = std::max(e, t);
      while (e <= n && c[e] - c[t] < min_bytes) ++e;
      if (e > n) break;
      nd[t] = e;
      hs[t] = h[e] - h[t] * pw[e - t];
      windows = t + 1;
    }
  }
  if (windows == 0) return;
  int bits = 1;
  while ((uint64_t{1} << bits) < uint64_t{windows} * 2) ++bits;
  std::vector<uint32_t> head(size_t{1} << bits, kNil);
  std::vector<uint32_t> prev(windows, kNil);
  auto bucket = [&](uint64_t x) {
    return static_cast<size_t>((x * kHashMix) >> (64 - bits));
  };
  std::vector<uint8_t> dead(n, 0);  // removed as a duplicate
  auto insert = [&](uint32_t t) {
    if (t >= windows || dead[t]) return;
    const size_t b = bucket(hash[t]);
    prev[t] = head[b];
    head[b] = t;
  };
  auto word_chars = [&](uint32_t from, uint32_t to) {
    uint32_t count = 0;
    for (uint32_t t = from; t < to; ++t) count += IsWordChar(tok[t].cp);
    return count;
  };

  uint32_t i = 0;
  while (i < windows) {
    const uint32_t min_len = need[i] - i;  // tokens
    uint32_t best_len = 0;
    uint32_t best_j = 0;
    uint32_t walked = 0;
    for (uint32_t j = head[bucket(hash[i])];
         j != kNil && walked < max_candidates; j = prev[j]) {
      // Sources closer than min_len would overlap the copy; at most
      // min_len of them come first in the chain, and they are not counted.
      if (i - j < min_len) continue;
      ++walked;
      if (hash[j] != hash[i] || dead[j]) continue;
      const uint32_t max_len = std::min(i - j, n - i);
      // Cheap test first (as zlib does): to win, a candidate must agree
      // one token past the best so far.
      if (best_len >= max_len || tok[j + best_len].cp != tok[i + best_len].cp) {
        continue;
      }
      uint32_t l = 0;
      while (l < max_len && tok[j + l].cp == tok[i + l].cp && !dead[j + l]) {
        ++l;
      }
      if (l >= min_len && l > best_len) {
        best_len = l;
        best_j = j;
      }
    }
    const uint64_t bytes = best_len ? cum[i + best_len] - cum[i] : 0;
    if (bytes < min_bytes) {
      insert(i);
      ++i;
      continue;
    }
    // [a, e) is what goes; d is the distance back to the source.
    const uint32_t d = i - best_j;
    uint32_t a = i;
    uint32_t e = i + best_len;
    if (best_len == d) {
      // The copy abuts its source ("X X"), so it may start later as long as
      // the repeat goes on: the leftmost start often takes the source's
      // trailing punctuation ("。X" after "X。").  Start at the next line
      // instead when only punctuation is skipped.
      uint32_t slack = 0;
      while (e + slack < n && slack < kMaxBackExtension &&
             tok[e + slack].cp == tok[e + slack - d].cp &&
             !dead[e + slack - d]) {
        ++slack;
      }
      for (uint32_t s = i; s <= i + slack; ++s) {
        if (tok[s].line_start) {
          a = s;
          e = s + d;
          break;
        }
        if (IsWordChar(tok[s].cp)) break;
      }
    }
    const uint64_t run_bytes = cum[e] - cum[a];
    bool accept = run_bytes >= options_.min_unaligned_duplicate_bytes;
    if (!accept) {
      // A short repeat must be whole lines.  The match may spill over them
      // (looking back too) by punctuation and a few letters of chance
      // agreement ("标题\n正文第一段" vs "标题\n正文第二段"), but not by more:
      // a line whose neighbours repeat in part is parallel wording, as in
      // "「你真令人欽佩」\n就能讓一切順利進行...\n採取霸道態度,抱怨..." vs
      // "「兩岸一家親」\n就能讓一切順利進行...\n採取霸道態度,抱怨...".
      uint32_t back = 0;
      while (back < kMaxBackExtension && a - d > back && !dead[a - back - 1] &&
             !dead[a - d - back - 1] &&
             tok[a - back - 1].cp == tok[a - d - back - 1].cp) {
        ++back;
      }
      const uint32_t start = a - back;
      uint32_t first = start;
      while (first < e && !tok[first].line_start) ++first;
      uint32_t last = e;  // one past the last token of the last whole line
      while (last > first && !tok[last - 1].line_end) --last;
      if (first < last && word_chars(start, first) <= kMaxLooseWordChars &&
          word_chars(last, e) <= kMaxLooseWordChars &&
          cum[last] - cum[first] >= min_bytes) {
        accept = true;
        a = first;
        e = last;
      }
    }
    if (accept) {
      // One span per piece of the run that is contiguous in the text.
      uint32_t p = a;
      while (p < e) {
        uint32_t q = p + 1;
        while (q < e && !tok[q].gap_before) ++q;
        AddSpan(tok[p].begin, tok[q - 1].end, RemovalReason::kDuplicate,
                "repeat of bytes " + std::to_string(tok[p - d].begin) + ".." +
                    std::to_string(tok[q - 1 - d].end));
        p = q;
      }
      std::fill(dead.begin() + a, dead.begin() + e, 1);
    }
    const uint32_t stop = std::max(e, i + best_len);
    for (uint32_t t = i; t < stop; ++t) insert(t);
    i = stop;
  }
}

// Blocks of kept lines; a blank line or a removed byte ends a block.
void Cleaner::BuildParagraphs() {
  doc_.paragraphs.clear();
  bool open = false;
  bool line_blank = true;  // no content yet on the current line
  uint32_t begin = 0;
  uint32_t end = 0;
  auto close = [&] {
    if (open) {
      model::Paragraph par;
      par.span = Span{begin, end};
      doc_.paragraphs.push_back(std::move(par));
      stats_.bytes_kept += end - begin;
    }
    open = false;
  };
  // The text is taken a kept line piece at a time (up to a newline or a
  // removed byte, both found with memchr): only the first and the last
  // non-space code point of a piece matter, which saves a decode per byte.
  const size_t size = text_.size();
  auto removed_from = [&](size_t from) -> size_t {
    if (from >= size) return size;  // (removed_.data() is null for an empty text)
    const void* hit = std::memchr(removed_.data() + from, 1, size - from);
    return hit == nullptr
               ? size
               : static_cast<size_t>(static_cast<const uint8_t*>(hit) -
                                     removed_.data());
  };
  size_t next_removed = removed_from(0);
  for (size_t p = 0; p < size;) {
    if (removed_[p]) {
      close();
      const void* kept = std::memchr(removed_.data() + p, 0, size - p);
      p = kept == nullptr ? size
                          : static_cast<size_t>(static_cast<const uint8_t*>(kept) -
                                                removed_.data());
      continue;
    }
    if (next_removed < p) next_removed = removed_from(p);
    const void* newline = std::memchr(text_.data() + p, '\n', next_removed - p);
    const size_t q = newline == nullptr
                         ? next_removed
                         : static_cast<size_t>(static_cast<const char*>(newline) -
                                               text_.data());
    // [p, q) has no newline and no removed byte; a code point is never cut
    // by the newline (it is not a continuation byte), only by a removal.
    size_t r = p;
    size_t len = 0;
    while (r < q && IsSpace(KeptCodePoint(r, &len))) r += len;
    if (r < q) {
      const size_t first = r;
      r += len;
      size_t last_end = r;
      // From the back while the piece ends in ASCII: an ASCII byte is a
      // code point of its own in the forward decoding.
      size_t e = q;
      while (e > r && static_cast<unsigned char>(text_[e - 1]) < 0x80 &&
             IsSpace(static_cast<unsigned char>(text_[e - 1]))) {
        --e;
      }
      if (e > r && static_cast<unsigned char>(text_[e - 1]) < 0x80) {
        last_end = e;
      } else {
        while (r < q) {
          if (!IsSpace(KeptCodePoint(r, &len))) last_end = r + len;
          r += len;
        }
      }
      if (!open) begin = static_cast<uint32_t>(first);
      open = true;
      end = static_cast<uint32_t>(last_end);
      line_blank = false;
    }
    if (newline != nullptr) {
      if (line_blank) close();
      line_blank = true;
      p = q + 1;
    } else {
      p = q;
    }
  }
  close();
  stats_.paragraphs = static_cast<uint32_t>(doc_.paragraphs.size());
}

}  // namespace

CleanupStats CleanDocument(model::Document& doc,
                           const CleanupOptions& options) {
  if (doc.text.size() > std::numeric_limits<uint32_t>::max()) return {};
  return Cleaner(doc, options).Run();
}

}  // namespace trigon::ingest
