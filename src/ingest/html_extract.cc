// HTML extraction in two iterative passes over gumbo's tree.
//
// Pass 1 (Survey) collects metadata (<title>, <meta>, <link>, <html lang>)
// and the amount of <p> text per container, from which the main content
// element is chosen (a simplified form of the Readability heuristic: score
// the parents of paragraphs).  Pass 2 (Walker) emits the visible text
// through a TextBuilder, which collapses whitespace, inserts block
// separators and records source pieces, while a stack of open "regions"
// attributes emitted text to boilerplate categories.
//
// Source alignment: gumbo gives each text node its decoded text and the
// original bytes it came from.  Align() walks both in step: equal bytes form
// exact segments; an entity ("&amp;", "&#x4E2D;") becomes one inexact
// segment; CR LF -> LF is a dropped byte; anything else ends the alignment
// and the rest of the node maps as one inexact unit.  The map is therefore
// never wrong, only coarser where gumbo did something unusual.

#include "ingest/html_extract.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "base/utf8.h"
#include "ingest/source_map.h"

namespace trigon::ingest {
namespace {

using model::RemovalReason;
using model::RemovedSpan;
using model::SourcePiece;
using model::Span;

constexpr uint64_t kMaxHtmlBytes = std::numeric_limits<uint32_t>::max();
// Element details ("<div class=...>") keep at most this many bytes of an
// attribute value.
constexpr size_t kMaxDetailValueBytes = 60;
// An entity name or number is at most this long
// ("&CounterClockwiseContourIntegral;").
constexpr size_t kMaxEntityBytes = 40;
// How far above the main content a headline may pull it (WithHeadline).
constexpr size_t kMaxHeadlineLevels = 3;

// ---------------------------------------------------------------------------
// gumbo memory: every block is linked into a list so the whole tree can be
// freed without gumbo_destroy_output (which recurses once per tree level).

class GumboArena {
 public:
  GumboArena() { head_.prev = head_.next = &head_; }
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;
  ~GumboArena() {
    Block* b = head_.next;
    while (b != &head_) {
      Block* next = b->next;
      std::free(b);
      b = next;
    }
  }

  static void* Allocate(void* self, size_t size) {
    auto* arena = static_cast<GumboArena*>(self);
    auto* b = static_cast<Block*>(std::malloc(sizeof(Block) + size));
    if (b == nullptr) return nullptr;
    b->prev = &arena->head_;
    b->next = arena->head_.next;
    b->next->prev = b;
    arena->head_.next = b;
    return b + 1;
  }

  static void Deallocate(void* /*self*/, void* ptr) {
    if (ptr == nullptr) return;
    Block* b = static_cast<Block*>(ptr) - 1;
    b->prev->next = b->next;
    b->next->prev = b->prev;
    std::free(b);
  }

 private:
  // Aligned so that the memory after a header suits any type.
  struct alignas(std::max_align_t) Block {
    Block* prev;
    Block* next;
  };
  Block head_{};
};

// ---------------------------------------------------------------------------
// Node helpers.

bool IsElement(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}

const GumboVector* Children(const GumboNode* n) {
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  if (IsElement(n)) return &n->v.element.children;
  return nullptr;
}

GumboTag Tag(const GumboNode* n) { return n->v.element.tag; }

bool IsHtmlTag(const GumboNode* n, GumboTag tag) {
  return IsElement(n) && n->v.element.tag == tag &&
         n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

// gumbo 0.10.1 (Debian 12) overflows an int while reading a numeric
// character reference with many digits and writes the low byte of the
// result: "&#x88888888" decodes to the lone byte 0x88 (google/gumbo-parser
// issue 356).  HTML5 says U+FFFD; replace every invalid byte with it.
std::string RepairUtf8(std::string_view s) { return utf8::ReplaceInvalid(s); }

const char* Attr(const GumboNode* n, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a == nullptr ? nullptr : a->value;
}

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Collapses whitespace runs to one space and trims.
std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (IsHtmlSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// Content of these elements is never text.
bool IsMarkupTag(const GumboNode* n) {
  if (n->type == GUMBO_NODE_TEMPLATE) return true;
  switch (Tag(n)) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
      return true;
    default:
      return false;
  }
}

// Newlines a block element puts around itself (0 for inline elements).
int BlockBreak(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return 1;
    // clang-format off
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM:
    case GUMBO_TAG_FRAMESET: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR: case GUMBO_TAG_HTML: case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI: case GUMBO_TAG_LISTING: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL:
    case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_OPTION: case GUMBO_TAG_P:
    case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_THEAD: case GUMBO_TAG_TR:
    case GUMBO_TAG_UL: case GUMBO_TAG_XMP: case GUMBO_TAG_TEXTAREA:
      // clang-format on
      return 2;
    default:
      return 0;
  }
}

bool KeepsWhitespace(GumboTag tag) {
  return tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TEXTAREA ||
         tag == GUMBO_TAG_LISTING || tag == GUMBO_TAG_PLAINTEXT ||
         tag == GUMBO_TAG_XMP;
}

std::string TagName(const GumboNode* n) {
  if (Tag(n) != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(Tag(n));
  GumboStringPiece piece = n->v.element.original_tag;
  if (piece.data == nullptr || piece.length == 0) return "?";
  gumbo_tag_from_original_text(&piece);
  return LowerAscii(std::string_view(piece.data, piece.length));
}

// Cuts `s` to at most `max` bytes at a UTF-8 character boundary.
std::string_view CutUtf8(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

// `<aside id="x" class="related">`
std::string ElementDetail(const GumboNode* n) {
  std::string out = "<" + TagName(n);
  for (const char* name : {"id", "class"}) {
    const char* v = Attr(n, name);
    if (v == nullptr) continue;
    const std::string collapsed = CollapseSpaces(RepairUtf8(v));
    const std::string_view value(collapsed);
    out += ' ';
    out += name;
    out += "=\"";
    out += CutUtf8(value, kMaxDetailValueBytes);
    if (value.size() > kMaxDetailValueBytes) out += "...";
    out += '"';
  }
  out += '>';
  return out;
}

// ---------------------------------------------------------------------------
// Boilerplate words in class and id attributes.

struct Keyword {
  std::string_view word;
  RemovalReason reason;
};

constexpr Keyword kKeywords[] = {
    {"comment", RemovalReason::kCommentSection},
    {"comments", RemovalReason::kCommentSection},
    {"disqus", RemovalReason::kCommentSection},
    {"related", RemovalReason::kRecommendations},
    {"recommend", RemovalReason::kRecommendations},
    {"recommended", RemovalReason::kRecommendations},
    {"recommendation", RemovalReason::kRecommendations},
    {"recommendations", RemovalReason::kRecommendations},
    {"outbrain", RemovalReason::kRecommendations},
    {"taboola", RemovalReason::kRecommendations},
    {"ad", RemovalReason::kAdPlaceholder},
    {"ads", RemovalReason::kAdPlaceholder},
    {"advert", RemovalReason::kAdPlaceholder},
    {"adverts", RemovalReason::kAdPlaceholder},
    {"advertisement", RemovalReason::kAdPlaceholder},
    {"advertising", RemovalReason::kAdPlaceholder},
    {"sponsor", RemovalReason::kAdPlaceholder},
    {"sponsored", RemovalReason::kAdPlaceholder},
    {"adsbygoogle", RemovalReason::kAdPlaceholder},
    {"nav", RemovalReason::kNavigation},
    {"navbar", RemovalReason::kNavigation},
    {"navigation", RemovalReason::kNavigation},
    {"menu", RemovalReason::kNavigation},
    {"menubar", RemovalReason::kNavigation},
    {"breadcrumb", RemovalReason::kNavigation},
    {"breadcrumbs", RemovalReason::kNavigation},
    {"footer", RemovalReason::kNavigation},
    {"share", RemovalReason::kNavigation},
    {"sharing", RemovalReason::kNavigation},
    {"social", RemovalReason::kNavigation},
    {"newsletter", RemovalReason::kNavigation},
    {"subscribe", RemovalReason::kNavigation},
    {"subscription", RemovalReason::kNavigation},
    {"cookie", RemovalReason::kNavigation},
    {"cookies", RemovalReason::kNavigation},
    {"consent", RemovalReason::kNavigation},
    {"sidebar", RemovalReason::kNavigation},
};

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

// The reason of the first boilerplate word in `value`, if any.
std::optional<RemovalReason> ClassifyWords(std::string_view value) {
  size_t i = 0;
  while (i < value.size()) {
    if (!IsAsciiAlnum(value[i])) {
      ++i;
      continue;
    }
    // A word: letters and digits, split before an upper-case letter that
    // follows a lower-case one (camelCase).
    size_t j = i + 1;
    while (j < value.size() && IsAsciiAlnum(value[j]) &&
           !(value[j] >= 'A' && value[j] <= 'Z' && value[j - 1] >= 'a' &&
             value[j - 1] <= 'z')) {
      ++j;
    }
    const std::string word = LowerAscii(value.substr(i, j - i));
    for (const Keyword& k : kKeywords) {
      if (k.word == word) return k.reason;
    }
    i = j;
  }
  return std::nullopt;
}

std::optional<RemovalReason> ClassifyAttributes(const GumboNode* n) {
  for (const char* name : {"id", "class"}) {
    if (const char* v = Attr(n, name)) {
      if (auto r = ClassifyWords(v)) return r;
    }
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Pass 1: metadata and the main content element.

constexpr std::array<std::string_view, 12> kDateMetaNames = {
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dcterms.issued",
    "date",
    "parsely-pub-date",
    "sailthru.date"};

std::optional<size_t> DateMetaRank(std::string_view lowered) {
  for (size_t i = 0; i < kDateMetaNames.size(); ++i) {
    if (kDateMetaNames[i] == lowered) return i;
  }
  return std::nullopt;
}

bool RelHasCanonical(std::string_view rel) {
  size_t i = 0;
  while (i < rel.size()) {
    while (i < rel.size() && IsHtmlSpace(rel[i])) ++i;
    size_t j = i;
    while (j < rel.size() && !IsHtmlSpace(rel[j])) ++j;
    if (LowerAscii(rel.substr(i, j - i)) == "canonical") return true;
    i = j;
  }
  return false;
}

struct Survey {
  std::string title;
  std::string og_title;
  std::string canonical;
  std::string og_url;
  std::string lang;
  bool has_title = false;
  bool has_lang = false;
  std::vector<std::pair<size_t, HtmlDate>> dates;  // (rank, date)
  const GumboNode* main = nullptr;
};

std::string TitleText(const GumboNode* title) {
  std::string raw;
  const GumboVector& kids = title->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const auto* k = static_cast<const GumboNode*>(kids.data[i]);
    if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_WHITESPACE) {
      raw += k->v.text.text;
    }
  }
  return CollapseSpaces(RepairUtf8(raw));
}

void SurveyElement(const GumboNode* n, Survey& s) {
  if (n->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return;
  switch (Tag(n)) {
    case GUMBO_TAG_HTML:
      if (!s.has_lang) {
        if (const char* lang = Attr(n, "lang")) {
          s.lang = CollapseSpaces(lang);
          s.has_lang = true;
        }
      }
      break;
    case GUMBO_TAG_TITLE:
      if (!s.has_title) {
        s.title = TitleText(n);
        s.has_title = true;
      }
      break;
    case GUMBO_TAG_LINK: {
      const char* rel = Attr(n, "rel");
      const char* href = Attr(n, "href");
      if (rel && href && s.canonical.empty() && RelHasCanonical(rel)) {
        s.canonical = CollapseSpaces(href);
      }
      break;
    }
    default:
      break;
  }
  const char* content =
      Attr(n, Tag(n) == GUMBO_TAG_META ? "content" : "datetime");
  if (content == nullptr && Tag(n) != GUMBO_TAG_META)
    content = Attr(n, "content");
  if (content == nullptr) return;
  for (const char* key : {"property", "name", "itemprop"}) {
    const char* k = Attr(n, key);
    if (k == nullptr) continue;
    const std::string name = LowerAscii(CollapseSpaces(k));
    if (Tag(n) == GUMBO_TAG_META) {
      if (name == "og:title" && s.og_title.empty())
        s.og_title = CollapseSpaces(content);
      if (name == "og:url" && s.og_url.empty())
        s.og_url = CollapseSpaces(content);
    }
    if (Tag(n) != GUMBO_TAG_META && name != "datepublished") continue;
    if (auto rank = DateMetaRank(name)) {
      s.dates.push_back({*rank, HtmlDate{name, CollapseSpaces(content)}});
    }
  }
}

// If `main` has no <h1> but one sits close above it (a common ancestor at
// most kMaxHeadlineLevels up, below <body>), the main content grows to that
// ancestor so the headline and dateline stay in.
const GumboNode* WithHeadline(const GumboNode* main,
                              const std::vector<const GumboNode*>& headlines) {
  std::vector<const GumboNode*> up;
  for (const GumboNode* n = main->parent;
       n != nullptr && up.size() < kMaxHeadlineLevels; n = n->parent) {
    if (!IsElement(n) || IsHtmlTag(n, GUMBO_TAG_BODY) ||
        IsHtmlTag(n, GUMBO_TAG_HTML)) {
      break;
    }
    up.push_back(n);
  }
  for (const GumboNode* h1 : headlines) {
    for (const GumboNode* a = h1->parent; a != nullptr; a = a->parent) {
      if (a == main) return main;  // main has its own headline
      if (std::find(up.begin(), up.end(), a) != up.end()) return a;
    }
  }
  return main;
}

Survey SurveyTree(const GumboOutput* out) {
  Survey s;
  struct Frame {
    const GumboNode* node;
    unsigned next = 0;
    size_t p_text = 0;  // text inside this <p>
  };
  std::unordered_map<const GumboNode*, size_t> container_score;
  std::unordered_map<const GumboNode*, size_t> article_score;
  std::vector<const GumboNode*> articles;   // document order
  std::vector<const GumboNode*> headlines;  // <h1>, document order
  std::vector<size_t> open_p;               // stack indexes of open <p>
  std::vector<const GumboNode*> open_article;
  int skip_depth = 0;  // inside <head> or a markup element: no text counted

  std::vector<Frame> stack;
  stack.push_back({out->document});
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector* kids = Children(f.node);
    if (kids != nullptr && f.next < kids->length) {
      const auto* child = static_cast<const GumboNode*>(kids->data[f.next++]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) {
        if (skip_depth == 0 && !open_p.empty()) {
          stack[open_p.back()].p_text += std::strlen(child->v.text.text);
        }
        continue;
      }
      if (!IsElement(child)) continue;
      SurveyElement(child, s);
      if (IsMarkupTag(child)) continue;  // not walked
      if (IsHtmlTag(child, GUMBO_TAG_HEAD) ||
          IsHtmlTag(child, GUMBO_TAG_TITLE)) {
        ++skip_depth;
      }
      if (IsHtmlTag(child, GUMBO_TAG_P)) open_p.push_back(stack.size());
      if (IsHtmlTag(child, GUMBO_TAG_H1) && skip_depth == 0) {
        headlines.push_back(child);
      }
      if (IsHtmlTag(child, GUMBO_TAG_ARTICLE)) {
        open_article.push_back(child);
        articles.push_back(child);
      }
      stack.push_back({child});  // invalidates f
      continue;
    }
    const GumboNode* n = f.node;
    if (IsHtmlTag(n, GUMBO_TAG_HEAD) || IsHtmlTag(n, GUMBO_TAG_TITLE))
      --skip_depth;
    if (IsHtmlTag(n, GUMBO_TAG_P)) {
      const size_t text = f.p_text;
      open_p.pop_back();
      if (n->parent != nullptr) {
        container_score[n->parent] += text;
        if (n->parent->parent != nullptr) {
          container_score[n->parent->parent] += text / 2;
        }
      }
      if (!open_article.empty()) article_score[open_article.back()] += text;
    }
    if (IsHtmlTag(n, GUMBO_TAG_ARTICLE)) open_article.pop_back();
    stack.pop_back();
  }

  const GumboNode* best_container = nullptr;
  size_t best_container_score = 0;
  for (const auto& [node, score] : container_score) {
    // Ties broken by document position, so the result is deterministic.
    if (score > best_container_score ||
        (score == best_container_score && best_container != nullptr &&
         score > 0 &&
         node->v.element.start_pos.offset <
             best_container->v.element.start_pos.offset)) {
      best_container = node;
      best_container_score = score;
    }
  }
  const GumboNode* best_article = nullptr;
  size_t best_article_score = 0;
  for (const GumboNode* a : articles) {
    const size_t score = article_score[a];
    if (best_article == nullptr || score > best_article_score) {
      best_article = a;
      best_article_score = score;
    }
  }
  if (best_article != nullptr &&
      best_article_score * 2 >= best_container_score) {
    s.main = best_article;
  } else if (best_container != nullptr && best_container_score > 0 &&
             best_container->type != GUMBO_NODE_DOCUMENT) {
    s.main = best_container;
  }
  if (s.main != nullptr) s.main = WithHeadline(s.main, headlines);
  if (s.main != nullptr && (IsHtmlTag(s.main, GUMBO_TAG_BODY) ||
                            IsHtmlTag(s.main, GUMBO_TAG_HTML))) {
    s.main = nullptr;  // the whole body: nothing is outside
  }
  std::stable_sort(
      s.dates.begin(), s.dates.end(),
      [](const auto& a, const auto& b) { return a.first < b.first; });
  return s;
}

// ---------------------------------------------------------------------------
// Aligning a text node's decoded text with its original bytes.

struct Segment {
  size_t dec_begin = 0;
  size_t dec_length = 0;
  uint64_t src_begin = 0;
  uint64_t src_length = 0;
  bool exact = true;
};

// End of the character reference starting at orig[i] == '&', if it looks
// like one.
std::optional<size_t> EntityEnd(std::string_view orig, size_t i) {
  size_t k = i + 1;
  const size_t limit = std::min(orig.size(), i + kMaxEntityBytes);
  if (k < limit && orig[k] == '#') {
    ++k;
    const bool hex = k < limit && (orig[k] == 'x' || orig[k] == 'X');
    if (hex) ++k;
    const size_t digits_begin = k;
    while (k < limit &&
           (hex ? std::isxdigit(static_cast<unsigned char>(orig[k]))
                : (orig[k] >= '0' && orig[k] <= '9'))) {
      ++k;
    }
    if (k == digits_begin) return std::nullopt;
  } else {
    const size_t name_begin = k;
    while (k < limit && IsAsciiAlnum(orig[k])) ++k;
    if (k == name_begin) return std::nullopt;
  }
  if (k < orig.size() && orig[k] == ';') ++k;
  return k;
}

void AddSegment(std::vector<Segment>& segs, const Segment& s) {
  if (!segs.empty() && s.exact) {
    Segment& last = segs.back();
    if (last.exact && last.dec_begin + last.dec_length == s.dec_begin &&
        last.src_begin + last.src_length == s.src_begin) {
      last.dec_length += s.dec_length;
      last.src_length += s.src_length;
      return;
    }
  }
  segs.push_back(s);
}

std::vector<Segment> Align(std::string_view dec, std::string_view orig,
                           uint64_t base) {
  std::vector<Segment> segs;
  size_t i = 0;
  size_t j = 0;
  // gumbo drops the newline that starts a <pre>.
  if (!dec.empty() && !orig.empty() && dec[0] != orig[0]) {
    if (orig.substr(0, 2) == "\r\n") {
      i = 2;
    } else if (orig[0] == '\n' || orig[0] == '\r') {
      i = 1;
    }
  }
  while (j < dec.size()) {
    if (i < orig.size() && orig[i] == '&') {
      if (const std::optional<size_t> e = EntityEnd(orig, i)) {
        // The reference decoded to one code point (rarely two).
        const size_t j1 =
            j + utf8::SequenceLength(static_cast<unsigned char>(dec[j]));
        const size_t j2 =
            j1 < dec.size()
                ? j1 + utf8::SequenceLength(static_cast<unsigned char>(dec[j1]))
                : j1;
        bool matched = false;
        for (const size_t jj : {j1, j2}) {
          if (jj > dec.size()) break;
          const bool resync =
              (*e == orig.size() && jj == dec.size()) ||
              (*e < orig.size() && jj < dec.size() &&
               (orig[*e] == dec[jj] || orig[*e] == '&' || orig[*e] == '\r'));
          if (resync) {
            AddSegment(segs, {j, jj - j, base + i, *e - i, false});
            i = *e;
            j = jj;
            matched = true;
            break;
          }
        }
        if (matched) continue;
      }
    }
    if (i < orig.size() && orig[i] == dec[j]) {
      AddSegment(segs, {j, 1, base + i, 1, true});
      ++i;
      ++j;
      continue;
    }
    if (i < orig.size() && orig[i] == '\r') {
      if (i + 1 < orig.size() && orig[i + 1] == '\n') {
        ++i;  // CR LF became LF: the LF matches next
        continue;
      }
      if (dec[j] == '\n') {
        AddSegment(segs, {j, 1, base + i, 1, false});
        ++i;
        ++j;
        continue;
      }
    }
    // Cannot explain the difference: the rest maps as one unit.
    AddSegment(segs, {j, dec.size() - j, base + i,
                      orig.size() > i ? orig.size() - i : 0, false});
    break;
  }
  return segs;
}

// ---------------------------------------------------------------------------
// Text assembly.

class TextBuilder {
 public:
  // Collapsible whitespace.  `src` is the source offset of the whitespace
  // when it was exactly one ' ' copied from the input (so the output space
  // can be mapped exactly).
  void Space(std::optional<uint64_t> src) {
    if (pending_newlines_ > 0) return;
    if (pending_space_) {
      pending_src_.reset();
      return;
    }
    pending_space_ = true;
    pending_src_ = src;
  }

  // A block boundary: at least `newlines` newlines before the next text.
  void Break(int newlines) {
    pending_newlines_ = std::max(pending_newlines_, newlines);
    pending_space_ = false;
  }

  // <br>: one more newline (at most a paragraph break).
  void LineBreak() {
    pending_newlines_ = std::min(pending_newlines_ + 1, 2);
    pending_space_ = false;
  }

  // Appends content (after pending separators); returns where it starts.
  uint32_t Emit(std::string_view s, uint64_t src, uint64_t src_length,
                bool exact) {
    Flush();
    const auto at = static_cast<uint32_t>(text_.size());
    text_.append(s);
    AppendPiece(map_,
                {at, static_cast<uint32_t>(s.size()), src, src_length, exact});
    return at;
  }

  uint32_t size() const { return static_cast<uint32_t>(text_.size()); }
  std::string& text() { return text_; }
  std::vector<SourcePiece>& map() { return map_; }

 private:
  void Flush() {
    if (text_.empty()) {
      // No separators before the first text.
    } else if (pending_newlines_ > 0) {
      int have = 0;
      for (auto it = text_.rbegin(); it != text_.rend() && *it == '\n'; ++it) {
        ++have;
      }
      for (int k = have; k < pending_newlines_; ++k) text_.push_back('\n');
    } else if (pending_space_) {
      if (pending_src_) {
        AppendPiece(map_, {static_cast<uint32_t>(text_.size()), 1,
                           *pending_src_, 1, true});
      }
      text_.push_back(' ');
    }
    pending_newlines_ = 0;
    pending_space_ = false;
    pending_src_.reset();
  }

  std::string text_;
  std::vector<SourcePiece> map_;
  int pending_newlines_ = 0;
  bool pending_space_ = false;
  std::optional<uint64_t> pending_src_;
};

// ---------------------------------------------------------------------------
// Pass 2: text and boilerplate regions.

class Walker {
 public:
  Walker(std::string_view html, const GumboNode* main)
      : html_(html), main_(main) {
    for (const GumboNode* n = main; n != nullptr; n = n->parent) {
      main_and_ancestors_.insert(n);
    }
  }

  void Run(const GumboNode* document);
  HtmlExtract Finish(Survey survey);

 private:
  struct Region {
    RemovalReason reason;
    std::string detail;
    std::optional<uint32_t> begin;  // set when its first text is emitted
  };
  struct Frame {
    const GumboNode* node;
    unsigned next = 0;
    int break_after = 0;
    bool region = false;
    bool main = false;
    bool article = false;
    bool keep_space = false;
    bool head = false;
  };

  // Returns false if the element's children are not to be walked.
  bool Enter(const GumboNode* n, Frame& f);
  void Exit(const Frame& f);
  void EmitTextNode(const GumboNode* n);
  void EmitSegment(std::string_view dec, const Segment& seg);
  void NoteEmitted(uint32_t at) {
    if (!regions_.empty() && !regions_.back().begin) regions_.back().begin = at;
  }
  void OpenRegion(RemovalReason reason, std::string detail);
  void CloseRegion();
  void FinishSegment(Region& r);
  std::optional<std::pair<RemovalReason, std::string>> Classify(
      const GumboNode* n) const;
  uint64_t ElementEnd(const GumboNode* n) const;

  std::string_view html_;
  const GumboNode* main_;
  std::unordered_set<const GumboNode*> main_and_ancestors_;
  TextBuilder out_;
  std::vector<Region> regions_;
  std::vector<RemovedSpan> removed_;
  std::vector<RemovedSpan> markup_;
  std::vector<HtmlDate> time_dates_;
  int main_depth_ = 0;
  int article_depth_ = 0;
  int keep_space_depth_ = 0;
  int head_depth_ = 0;
};

void Walker::FinishSegment(Region& r) {
  if (r.begin && *r.begin < out_.size()) {
    removed_.push_back({Span{*r.begin, out_.size()}, r.reason, r.detail});
  }
  r.begin.reset();
}

void Walker::OpenRegion(RemovalReason reason, std::string detail) {
  if (!regions_.empty()) FinishSegment(regions_.back());
  regions_.push_back({reason, std::move(detail), std::nullopt});
}

void Walker::CloseRegion() {
  FinishSegment(regions_.back());
  regions_.pop_back();
}

std::optional<std::pair<RemovalReason, std::string>> Walker::Classify(
    const GumboNode* n) const {
  if (main_and_ancestors_.count(n) != 0) return std::nullopt;
  if (n->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return std::nullopt;
  const GumboTag tag = Tag(n);
  if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_MAIN) {
    return std::nullopt;
  }
  const std::optional<RemovalReason> by_words = ClassifyAttributes(n);
  switch (tag) {
    case GUMBO_TAG_FIGCAPTION:
      return std::make_pair(RemovalReason::kCaption, ElementDetail(n));
    case GUMBO_TAG_ASIDE:
      return std::make_pair(by_words.value_or(RemovalReason::kNavigation),
                            ElementDetail(n));
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
      return std::make_pair(RemovalReason::kNavigation, ElementDetail(n));
    case GUMBO_TAG_HEADER:
      if (main_depth_ == 0 && article_depth_ == 0) {
        return std::make_pair(RemovalReason::kNavigation, ElementDetail(n));
      }
      break;
    default:
      break;
  }
  if (by_words) return std::make_pair(*by_words, ElementDetail(n));
  return std::nullopt;
}

uint64_t Walker::ElementEnd(const GumboNode* n) const {
  const GumboElement& e = n->v.element;
  uint64_t end = e.start_pos.offset + e.original_tag.length;
  if (e.original_end_tag.data != nullptr && e.original_end_tag.length > 0) {
    end = std::max<uint64_t>(
        end, static_cast<uint64_t>(e.original_end_tag.data - html_.data()) +
                 e.original_end_tag.length);
  }
  for (unsigned i = 0; i < e.children.length; ++i) {
    const auto* k = static_cast<const GumboNode*>(e.children.data[i]);
    if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_WHITESPACE ||
        k->type == GUMBO_NODE_CDATA || k->type == GUMBO_NODE_COMMENT) {
      end = std::max<uint64_t>(
          end, k->v.text.start_pos.offset + k->v.text.original_text.length);
    }
  }
  return std::min<uint64_t>(end, html_.size());
}

bool Walker::Enter(const GumboNode* n, Frame& f) {
  if (IsMarkupTag(n)) {
    const uint64_t begin = n->v.element.start_pos.offset;
    markup_.push_back({Span{out_.size(), out_.size()}, RemovalReason::kMarkup,
                       "<" + TagName(n) + "> bytes " + std::to_string(begin) +
                           ".." + std::to_string(ElementEnd(n))});
    return false;
  }
  const GumboTag tag = Tag(n);
  const bool html_ns = n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
  if (html_ns && (tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_TITLE)) {
    f.head = true;
    ++head_depth_;
  }
  if (head_depth_ > 0) return true;  // only markup is recorded in <head>
  if (html_ns && tag == GUMBO_TAG_BR) {
    out_.LineBreak();
    return false;
  }
  if (html_ns) {
    f.break_after = BlockBreak(tag);
    if (f.break_after > 0) out_.Break(f.break_after);
    if (KeepsWhitespace(tag)) {
      f.keep_space = true;
      ++keep_space_depth_;
    }
  }
  if (auto c = Classify(n)) {
    OpenRegion(c->first, std::move(c->second));
    f.region = true;
  } else if (main_ != nullptr && main_depth_ == 0 && regions_.empty() &&
             main_and_ancestors_.count(n) == 0) {
    // The outermost element outside the main content (its descendants are
    // inside this region already).
    OpenRegion(RemovalReason::kNavigation, "outside main content");
    f.region = true;
  }
  if (n == main_) {
    f.main = true;
    ++main_depth_;
  }
  if (html_ns && tag == GUMBO_TAG_ARTICLE) {
    f.article = true;
    ++article_depth_;
  }
  // <time> in the article proper (not in a related-stories box or comment).
  if (html_ns && tag == GUMBO_TAG_TIME && regions_.empty() &&
      (main_ == nullptr || main_depth_ > 0)) {
    if (const char* dt = Attr(n, "datetime")) {
      time_dates_.push_back({"time", CollapseSpaces(RepairUtf8(dt))});
    }
  }
  return true;
}

void Walker::Exit(const Frame& f) {
  if (f.head) {
    --head_depth_;
    return;
  }
  if (f.break_after > 0) out_.Break(f.break_after);
  if (f.keep_space) --keep_space_depth_;
  if (f.region) CloseRegion();
  if (f.main) --main_depth_;
  if (f.article) --article_depth_;
}

void Walker::EmitSegment(std::string_view dec, const Segment& seg) {
  size_t i = seg.dec_begin;
  const size_t end = seg.dec_begin + seg.dec_length;
  while (i < end) {
    size_t j = i;
    if (keep_space_depth_ == 0 && IsHtmlSpace(dec[i])) {
      while (j < end && IsHtmlSpace(dec[j])) ++j;
      const bool single_copied = seg.exact && j - i == 1 && dec[i] == ' ';
      out_.Space(single_copied ? std::optional<uint64_t>(seg.src_begin +
                                                         (i - seg.dec_begin))
                               : std::nullopt);
    } else {
      while (j < end && (keep_space_depth_ > 0 || !IsHtmlSpace(dec[j]))) ++j;
      const uint32_t at =
          seg.exact
              ? out_.Emit(dec.substr(i, j - i),
                          seg.src_begin + (i - seg.dec_begin), j - i, true)
              : out_.Emit(dec.substr(i, j - i), seg.src_begin, seg.src_length,
                          false);
      NoteEmitted(at);
    }
    i = j;
  }
}

void Walker::EmitTextNode(const GumboNode* n) {
  if (head_depth_ > 0) return;
  const GumboText& t = n->v.text;
  std::string_view dec(t.text);
  std::string repaired;
  if (utf8::FindInvalid(dec)) {
    repaired = RepairUtf8(dec);
    dec = repaired;
  }
  const std::string_view orig(t.original_text.data, t.original_text.length);
  // Loose text directly inside an ancestor of the main content.
  const bool outside = main_ != nullptr && main_depth_ == 0 && regions_.empty();
  if (outside) OpenRegion(RemovalReason::kNavigation, "outside main content");
  for (const Segment& seg : Align(dec, orig, t.start_pos.offset)) {
    EmitSegment(dec, seg);
  }
  if (outside) CloseRegion();
}

void Walker::Run(const GumboNode* document) {
  std::vector<Frame> stack;
  stack.push_back({document});
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector* kids = Children(f.node);
    if (kids != nullptr && f.next < kids->length) {
      const auto* child = static_cast<const GumboNode*>(kids->data[f.next++]);
      switch (child->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_CDATA:
          EmitTextNode(child);
          break;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE: {
          Frame child_frame{child};
          if (Enter(child, child_frame)) {
            stack.push_back(child_frame);  // invalidates f
          } else {
            Exit(child_frame);
          }
          break;
        }
        default:
          break;
      }
      continue;
    }
    const Frame done = f;
    stack.pop_back();
    if (done.node->type != GUMBO_NODE_DOCUMENT) Exit(done);
  }
}

bool OnlySpaces(std::string_view s) {
  return std::all_of(s.begin(), s.end(), IsHtmlSpace);
}

HtmlExtract Walker::Finish(Survey survey) {
  HtmlExtract x;
  x.text = std::move(out_.text());
  x.source_map = std::move(out_.map());
  // Merge neighbouring spans of the same kind separated only by whitespace.
  std::vector<RemovedSpan> merged;
  for (RemovedSpan& r : removed_) {
    if (!merged.empty()) {
      RemovedSpan& last = merged.back();
      if (last.reason == r.reason && last.detail == r.detail &&
          last.span.end <= r.span.begin &&
          OnlySpaces(std::string_view(x.text).substr(
              last.span.end, r.span.begin - last.span.end))) {
        last.span.end = r.span.end;
        continue;
      }
    }
    merged.push_back(std::move(r));
  }
  merged.insert(merged.end(), std::make_move_iterator(markup_.begin()),
                std::make_move_iterator(markup_.end()));
  std::stable_sort(merged.begin(), merged.end(),
                   [](const RemovedSpan& a, const RemovedSpan& b) {
                     return a.span.begin < b.span.begin;
                   });
  x.removed = std::move(merged);
  x.title = survey.has_title && !survey.title.empty()
                ? std::move(survey.title)
                : std::move(survey.og_title);
  x.canonical_url = !survey.canonical.empty() ? std::move(survey.canonical)
                                              : std::move(survey.og_url);
  x.lang = std::move(survey.lang);
  for (auto& [rank, date] : survey.dates) x.dates.push_back(std::move(date));
  for (HtmlDate& d : time_dates_) x.dates.push_back(std::move(d));
  return x;
}

}  // namespace

Result<HtmlExtract> ExtractHtml(std::string_view html_utf8) {
  if (html_utf8.size() >= kMaxHtmlBytes) {
    return Status::ResourceExhausted("HTML input of " +
                                     std::to_string(html_utf8.size()) +
                                     " bytes is over the 4 GiB limit");
  }
  GumboArena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &GumboArena::Allocate;
  options.deallocator = &GumboArena::Deallocate;
  options.userdata = &arena;
  // Each recorded parse error copies the stack of open elements: with deep
  // nesting that is quadratic memory.  We do not use the errors.
  options.max_errors = 0;
  const GumboOutput* output =
      gumbo_parse_with_options(&options, html_utf8.data(), html_utf8.size());
  if (output == nullptr) {
    return Status::ResourceExhausted("HTML parser ran out of memory");
  }
  Survey survey = SurveyTree(output);
  // Attribute values are decoded by gumbo too.
  for (std::string* v : {&survey.og_title, &survey.canonical, &survey.og_url,
                         &survey.lang}) {
    *v = RepairUtf8(*v);
  }
  for (auto& d : survey.dates) d.second.value = RepairUtf8(d.second.value);
  Walker walker(html_utf8, survey.main);
  walker.Run(output->document);
  // The arena frees the tree; gumbo_destroy_output is deliberately not
  // called (it recurses once per level of nesting).
  return walker.Finish(std::move(survey));
}

}  // namespace trigon::ingest
