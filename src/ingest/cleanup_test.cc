#include "ingest/cleanup.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"
#include "model/document.h"
#include "testing/testing.h"

// Golden cases live in testdata/cleanup/*.txt, one or more per file:
//
//   # name: <case name>
//   # prior: <reason>: <text>      optional, repeatable: the first occurrence
//                                  of <text> is already removed (e.g. by the
//                                  HTML extractor) before cleanup runs
//   # option: <field>=<number>     optional, repeatable: a CleanupOptions field
//   <input lines>                  the document text (a final newline added)
//   ----
//   kept: <paragraph>              every paragraph and every span of
//   removed <reason>: <text>       doc.removed, in text order; newlines in
//     detail: <detail>             the text are written \n
//   ====
//
// Lines outside cases are comments.  TRIGON_UPDATE_GOLDEN=1 rewrites the
// expected blocks from the current output (review the diff!).

namespace trigon::ingest {
namespace {

using model::Document;
using model::RemovalReason;
using model::RemovedSpan;

constexpr RemovalReason kAllReasons[] = {
    RemovalReason::kFrontMatter,    RemovalReason::kDuplicate,
    RemovalReason::kAdPlaceholder,  RemovalReason::kImagePlaceholder,
    RemovalReason::kCaption,        RemovalReason::kRecommendations,
    RemovalReason::kCommentSection, RemovalReason::kEndnotes,
    RemovalReason::kBoilerplate,    RemovalReason::kNavigation,
    RemovalReason::kMarkup,
};

// Lenient decoding (tests feed invalid UTF-8 too).
char32_t Decode(std::string_view s, size_t pos, size_t* len) {
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

// The whitespace that may lie outside paragraphs and removed spans
// (cleanup.h: ASCII and Unicode spaces, U+3000, U+FEFF).
bool IsSpace(char32_t c) {
  switch (c) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\f':
    case '\v':
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

std::string_view SpanText(const Document& doc, model::Span span) {
  return std::string_view(doc.text).substr(span.begin, span.size());
}

// Every byte is in a paragraph, in a removed span, or whitespace; spans are
// sorted, disjoint and inside the text; paragraphs are trimmed and contain
// no removed byte.
void ExpectInvariant(const Document& doc) {
  const std::string_view text = doc.text;
  std::vector<uint8_t> covered(text.size(), 0);
  // Sorted by begin; no two spans share a byte.  (An empty span, a marker
  // such as the HTML extractor's "<script> here", may sit inside another.)
  uint32_t prev_begin = 0;
  uint32_t prev_end = 0;
  for (const RemovedSpan& r : doc.removed) {
    ASSERT_LE(r.span.begin, r.span.end);
    ASSERT_LE(r.span.end, text.size());
    EXPECT_GE(r.span.begin, prev_begin) << "removed spans unsorted";
    prev_begin = r.span.begin;
    if (r.span.empty()) continue;
    EXPECT_GE(r.span.begin, prev_end)
        << "removed spans overlap at " << r.span.begin << ".." << r.span.end
        << " (" << model::RemovalReasonName(r.reason) << ", " << r.detail
        << ")";
    prev_end = r.span.end;
    for (uint32_t p = r.span.begin; p < r.span.end; ++p) covered[p] = 1;
  }
  prev_end = 0;
  for (const model::Paragraph& par : doc.paragraphs) {
    ASSERT_LT(par.span.begin, par.span.end) << "empty paragraph";
    ASSERT_LE(par.span.end, text.size());
    EXPECT_GE(par.span.begin, prev_end) << "paragraphs overlap or unsorted";
    prev_end = par.span.end;
    EXPECT_TRUE(par.lang.empty());
    EXPECT_TRUE(par.script.empty());
    for (uint32_t p = par.span.begin; p < par.span.end; ++p) {
      if (covered[p] != 0) {
        ADD_FAILURE() << "paragraph holds removed byte " << p;
        return;
      }
      covered[p] = 2;
    }
    // (A sequence cut by a prior span that starts or ends inside it is
    // not a space.)
    size_t len = 0;
    const bool lead_space = IsSpace(Decode(text, par.span.begin, &len));
    EXPECT_FALSE(lead_space && par.span.begin + len <= par.span.end &&
                 covered[par.span.begin + len - 1] == 2)
        << "paragraph not trimmed at " << par.span.begin;
    size_t last = par.span.end - 1;
    while (last > par.span.begin &&
           (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) {
      --last;
    }
    const bool space = IsSpace(Decode(text, last, &len));
    EXPECT_FALSE(space && last + len <= par.span.end)
        << "paragraph not trimmed at " << par.span.end;
  }
  for (size_t p = 0; p < text.size();) {
    size_t len = 0;
    const char32_t c = Decode(text, p, &len);
    if (!covered[p] && !IsSpace(c)) {
      ADD_FAILURE() << "byte " << p
                    << " is neither kept nor removed: " << text.substr(p, 40);
      return;
    }
    p += len;
  }
}

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += c;
    }
  }
  return out;
}

// The listing a golden case expects: paragraphs and removed spans in order.
std::vector<std::string> Render(const Document& doc) {
  struct Item {
    uint32_t begin;
    std::vector<std::string> lines;
  };
  std::vector<Item> items;
  for (const model::Paragraph& par : doc.paragraphs) {
    items.push_back(
        {par.span.begin, {"kept: " + Escape(SpanText(doc, par.span))}});
  }
  for (const RemovedSpan& r : doc.removed) {
    items.push_back(
        {r.span.begin,
         {std::string("removed ") + model::RemovalReasonName(r.reason) + ": " +
              Escape(SpanText(doc, r.span)),
          "  detail: " + r.detail}});
  }
  std::stable_sort(
      items.begin(), items.end(),
      [](const Item& a, const Item& b) { return a.begin < b.begin; });
  std::vector<std::string> out;
  for (Item& item : items) {
    for (std::string& line : item.lines) out.push_back(std::move(line));
  }
  return out;
}

std::string KeptText(const Document& doc) {
  std::string out;
  for (const model::Paragraph& par : doc.paragraphs) {
    out.append(SpanText(doc, par.span));
    out.push_back('\n');
  }
  return out;
}

const RemovedSpan* FindRemoved(const Document& doc, RemovalReason reason,
                               std::string_view needle) {
  for (const RemovedSpan& r : doc.removed) {
    if (r.reason == reason &&
        SpanText(doc, r.span).find(needle) != std::string_view::npos) {
      return &r;
    }
  }
  return nullptr;
}

bool ParseReason(std::string_view name, RemovalReason* reason) {
  for (RemovalReason r : kAllReasons) {
    if (name == model::RemovalReasonName(r)) {
      *reason = r;
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// Golden files.

struct GoldenCase {
  std::string name;
  size_t line = 0;                  // of "# name:" in the file
  std::vector<std::string> header;  // "# ..." lines, verbatim
  std::vector<std::string> input;
  std::vector<std::string> expected;
};

struct GoldenFile {
  std::vector<std::string> comments_before;  // per case: free text before it
  std::vector<GoldenCase> cases;
  std::vector<std::string> trailer;
};

constexpr std::string_view kNamePrefix = "# name:";
constexpr std::string_view kPriorPrefix = "# prior:";
constexpr std::string_view kOptionPrefix = "# option:";

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return s;
}

GoldenFile ParseGolden(const std::string& contents) {
  GoldenFile file;
  std::vector<std::string> lines;
  std::istringstream in(contents);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::string free_text;
  size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].rfind(kNamePrefix, 0) != 0) {
      free_text += lines[i] + "\n";
      ++i;
      continue;
    }
    GoldenCase c;
    c.line = i + 1;
    c.name = std::string(
        TrimLeft(std::string_view(lines[i]).substr(kNamePrefix.size())));
    c.header.push_back(lines[i++]);
    while (i < lines.size() && (lines[i].rfind(kPriorPrefix, 0) == 0 ||
                                lines[i].rfind(kOptionPrefix, 0) == 0)) {
      c.header.push_back(lines[i++]);
    }
    while (i < lines.size() && lines[i] != "----")
      c.input.push_back(lines[i++]);
    ++i;  // "----"
    while (i < lines.size() && lines[i] != "====")
      c.expected.push_back(lines[i++]);
    ++i;  // "===="
    file.comments_before.push_back(free_text);
    free_text.clear();
    file.cases.push_back(std::move(c));
  }
  file.trailer.push_back(free_text);
  return file;
}

// Builds the document and options of a case; false (with a failure) if the
// header is malformed.
bool SetUpCase(const GoldenCase& c, Document* doc, CleanupOptions* options) {
  for (const std::string& line : c.input) doc->text += line + "\n";
  for (const std::string& h : c.header) {
    std::string_view v = h;
    if (v.rfind(kPriorPrefix, 0) == 0) {
      v = TrimLeft(v.substr(kPriorPrefix.size()));
      const size_t colon = v.find(": ");
      RemovalReason reason;
      if (colon == std::string_view::npos ||
          !ParseReason(v.substr(0, colon), &reason)) {
        ADD_FAILURE() << "bad prior line: " << h;
        return false;
      }
      const std::string_view needle = v.substr(colon + 2);
      const size_t at = doc->text.find(needle);
      if (at == std::string::npos) {
        ADD_FAILURE() << "prior text not in input: " << h;
        return false;
      }
      doc->removed.push_back({{static_cast<uint32_t>(at),
                               static_cast<uint32_t>(at + needle.size())},
                              reason,
                              "prior"});
    } else if (v.rfind(kOptionPrefix, 0) == 0) {
      v = TrimLeft(v.substr(kOptionPrefix.size()));
      const size_t eq = v.find('=');
      const std::string field(v.substr(0, eq));
      const auto value = static_cast<uint32_t>(
          std::strtoul(std::string(v.substr(eq + 1)).c_str(), nullptr, 10));
      if (field == "min_duplicate_bytes") {
        options->min_duplicate_bytes = value;
      } else if (field == "min_unaligned_duplicate_bytes") {
        options->min_unaligned_duplicate_bytes = value;
      } else if (field == "max_duplicate_candidates") {
        options->max_duplicate_candidates = value;
      } else {
        ADD_FAILURE() << "unknown option: " << h;
        return false;
      }
    }
  }
  return true;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> files;
  const std::filesystem::path dir =
      std::filesystem::path(testing::SourceDir()) /
      "src/ingest/testdata/cleanup";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".txt")
      files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(CleanupGoldenTest, Files) {
  const std::vector<std::string> files = GoldenFiles();
  ASSERT_FALSE(files.empty()) << "no golden files under testdata/cleanup";
  const bool update = std::getenv("TRIGON_UPDATE_GOLDEN") != nullptr;
  size_t total = 0;
  for (const std::string& path : files) {
    GoldenFile file = ParseGolden(testing::ReadFileOrEmpty(path));
    EXPECT_FALSE(file.cases.empty()) << path;
    for (GoldenCase& c : file.cases) {
      SCOPED_TRACE(path + ":" + std::to_string(c.line) + " " + c.name);
      Document doc;
      CleanupOptions options;
      if (!SetUpCase(c, &doc, &options)) continue;
      CleanDocument(doc, options);
      ExpectInvariant(doc);
      std::vector<std::string> actual = Render(doc);
      if (update) {
        c.expected = actual;
      } else {
        EXPECT_EQ(Join(c.expected), Join(actual));
      }
      ++total;
    }
    if (update) {
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      for (size_t k = 0; k < file.cases.size(); ++k) {
        const GoldenCase& c = file.cases[k];
        out << file.comments_before[k] << Join(c.header) << Join(c.input)
            << "----\n"
            << Join(c.expected) << "====\n";
      }
      out << file.trailer.front();
    }
  }
  EXPECT_GT(total, 0u);
}

// ---------------------------------------------------------------------------
// API behaviour.

Document MakeDoc(std::string text) {
  Document doc;
  doc.text = std::move(text);
  return doc;
}

TEST(CleanupTest, EmptyAndBlankText) {
  for (const char* text : {"", "\n\n", " \t\r\n\xE3\x80\x80\n"}) {
    Document doc = MakeDoc(text);
    const CleanupStats stats = CleanDocument(doc);
    ExpectInvariant(doc);
    EXPECT_TRUE(doc.paragraphs.empty());
    EXPECT_TRUE(doc.removed.empty());
    EXPECT_EQ(stats.bytes_kept, 0u);
    EXPECT_EQ(stats.bytes_removed, 0u);
  }
}

TEST(CleanupTest, ParagraphsSplitOnBlankLinesOnly) {
  Document doc = MakeDoc(
      "  First line\nsecond line of the same block.  \n \t\n\n"
      "\xE3\x80\x80\xE3\x80\x80Second block.\r\n\r\nThird.");
  const CleanupStats stats = CleanDocument(doc);
  ExpectInvariant(doc);
  ASSERT_EQ(doc.paragraphs.size(), 3u);
  EXPECT_EQ(SpanText(doc, doc.paragraphs[0].span),
            "First line\nsecond line of the same block.");
  EXPECT_EQ(SpanText(doc, doc.paragraphs[1].span), "Second block.");
  EXPECT_EQ(SpanText(doc, doc.paragraphs[2].span), "Third.");
  EXPECT_EQ(stats.paragraphs, 3u);
  EXPECT_EQ(stats.bytes_kept, 41u + 13u + 6u);
}

TEST(CleanupTest, PriorSpansAreKeptNotReportedAndSplitParagraphs) {
  Document doc = MakeDoc("title: X\n\nBody one\nNAV\nBody two\n");
  doc.removed.push_back({{0, 8}, RemovalReason::kFrontMatter, "front"});
  doc.removed.push_back({{19, 22}, RemovalReason::kNavigation, "nav"});
  const CleanupStats stats = CleanDocument(doc);
  ExpectInvariant(doc);
  ASSERT_EQ(doc.removed.size(), 2u);
  EXPECT_EQ(doc.removed[0].detail, "front");
  EXPECT_EQ(doc.removed[1].detail, "nav");
  EXPECT_EQ(stats.bytes_removed, 0u);
  ASSERT_EQ(doc.paragraphs.size(), 2u);
  EXPECT_EQ(SpanText(doc, doc.paragraphs[0].span), "Body one");
  EXPECT_EQ(SpanText(doc, doc.paragraphs[1].span), "Body two");
}

TEST(CleanupTest, MalformedPriorSpansAreClampedAndMadeDisjoint) {
  Document doc = MakeDoc("aaaa bbbb cccc dddd\n");
  doc.removed.push_back({{10, 500}, RemovalReason::kNavigation, "past end"});
  doc.removed.push_back({{0, 7}, RemovalReason::kNavigation, "first"});
  doc.removed.push_back({{5, 12}, RemovalReason::kMarkup, "overlaps"});
  doc.removed.push_back({{1, 3}, RemovalReason::kMarkup, "inside"});
  CleanDocument(doc);
  ExpectInvariant(doc);
  ASSERT_EQ(doc.removed.size(), 3u);
  EXPECT_EQ(doc.removed[0].span, (model::Span{0, 7}));
  EXPECT_EQ(doc.removed[1].span, (model::Span{7, 12}));
  EXPECT_EQ(doc.removed[2].span, (model::Span{12, 20}));
  EXPECT_TRUE(doc.paragraphs.empty());
}

TEST(CleanupTest, NewSpansAreSortedAmongPriorOnes) {
  Document doc = MakeDoc(
      "Lead paragraph of the story.\n\nADVERTISEMENT\n\nMENU\n\n"
      "Body paragraph.\n\n![](http://x/y.jpg)\n\nEnd.\n");
  const size_t menu = doc.text.find("MENU");
  doc.removed.push_back(
      {{static_cast<uint32_t>(menu), static_cast<uint32_t>(menu + 4)},
       RemovalReason::kNavigation,
       "nav"});
  const CleanupStats stats = CleanDocument(doc);
  ExpectInvariant(doc);
  ASSERT_EQ(doc.removed.size(), 3u);
  EXPECT_EQ(doc.removed[0].reason, RemovalReason::kAdPlaceholder);
  EXPECT_EQ(doc.removed[1].reason, RemovalReason::kNavigation);
  EXPECT_EQ(doc.removed[2].reason, RemovalReason::kImagePlaceholder);
  EXPECT_EQ(stats.spans_for(RemovalReason::kAdPlaceholder), 1u);
  EXPECT_EQ(stats.bytes_for(RemovalReason::kAdPlaceholder), 13u);
  EXPECT_EQ(stats.spans_for(RemovalReason::kImagePlaceholder), 1u);
  EXPECT_EQ(stats.spans_for(RemovalReason::kNavigation), 0u);
  EXPECT_EQ(stats.bytes_removed, 13u + 19u);
}

// Lines longer than a notice are matched on a prefix of their key (a
// speed-up); the answers must be those of the whole key.
TEST(CleanupTest, LongLinesAreMatchedOnTheirWholeKey) {
  std::string words;
  while (words.size() < 400) words += " the long body of a paragraph";
  const std::string ad_digits = "ad" + std::string(350, '7');
  const std::string ad_decorated =
      std::string(350, '*') + " ad2 webp " + std::string(100, '-');
  const std::string ad_words = "ad7" + words;
  const std::string disclaimer = "Disclaimer :" + words;
  Document doc = MakeDoc("Title line\n\n" + ad_digits + "\n\n" + ad_decorated +
                         "\n\n" + ad_words + "\n\n" + disclaimer + "\n");
  CleanDocument(doc);
  ExpectInvariant(doc);
  EXPECT_NE(FindRemoved(doc, RemovalReason::kAdPlaceholder, ad_digits), nullptr);
  EXPECT_NE(FindRemoved(doc, RemovalReason::kAdPlaceholder, ad_decorated),
            nullptr);
  EXPECT_NE(FindRemoved(doc, RemovalReason::kBoilerplate, disclaimer), nullptr);
  ASSERT_EQ(doc.paragraphs.size(), 2u);
  EXPECT_EQ(SpanText(doc, doc.paragraphs[1].span), ad_words);
}

TEST(CleanupTest, ReplacesExistingParagraphs) {
  Document doc = MakeDoc("One.\n\nTwo.\n");
  doc.paragraphs.push_back({{0, 3}, "en", "Latn"});
  CleanDocument(doc);
  ASSERT_EQ(doc.paragraphs.size(), 2u);
  EXPECT_TRUE(doc.paragraphs[0].lang.empty());
}

TEST(CleanupTest, InvalidUtf8IsHandledBytewise) {
  std::string text = "Some \xFF\xFE text \xE4\xB8 cut\n\n\xC3";
  text += "\n\nad1 webp\n";
  Document doc = MakeDoc(text);
  CleanDocument(doc);
  ExpectInvariant(doc);
  EXPECT_EQ(doc.paragraphs.size(), 2u);
  EXPECT_NE(FindRemoved(doc, RemovalReason::kAdPlaceholder, "ad1"), nullptr);
}

TEST(CleanupTest, DuplicateThresholdIsAnOption) {
  // A 30-byte line repeated: below the default, caught with a lower one.
  const std::string text =
      "The ministry issued a warning.\n\nBody.\n\n"
      "The ministry issued a warning.\n";
  Document a = MakeDoc(text);
  CleanDocument(a);
  EXPECT_EQ(FindRemoved(a, RemovalReason::kDuplicate, "ministry"), nullptr);
  Document b = MakeDoc(text);
  CleanupOptions options;
  options.min_duplicate_bytes = 20;
  const CleanupStats stats = CleanDocument(b, options);
  ExpectInvariant(b);
  const RemovedSpan* dup =
      FindRemoved(b, RemovalReason::kDuplicate, "ministry");
  ASSERT_NE(dup, nullptr);
  EXPECT_EQ(dup->span.begin, 39u);
  EXPECT_EQ(dup->detail, "repeat of bytes 0..30");
  EXPECT_EQ(stats.spans_for(RemovalReason::kDuplicate), 1u);
  // Off when zero.
  Document c = MakeDoc(text + text);
  options.min_duplicate_bytes = 0;
  CleanDocument(c, options);
  EXPECT_EQ(FindRemoved(c, RemovalReason::kDuplicate, ""), nullptr);
}

TEST(CleanupTest, DuplicateIgnoresWhitespaceDifferences) {
  const std::string para =
      "Russia and China signed a joint statement on Thursday pledging to "
      "deepen their strategic coordination and to oppose what they called "
      "hegemonism, according to the Kremlin and Chinese state media.";
  std::string rewrapped = para;
  std::replace(rewrapped.begin(), rewrapped.end(), ' ', '\n');
  Document doc = MakeDoc(para + "\n\n" + rewrapped + "\n");
  CleanDocument(doc);
  ExpectInvariant(doc);
  ASSERT_EQ(doc.paragraphs.size(), 1u);
  const RemovedSpan* dup =
      FindRemoved(doc, RemovalReason::kDuplicate, "Russia");
  ASSERT_NE(dup, nullptr);
  EXPECT_EQ(SpanText(doc, dup->span), rewrapped);
  EXPECT_EQ(dup->detail, "repeat of bytes 0.." + std::to_string(para.size()));
}

TEST(CleanupTest, DuplicateSourceIsNeverRemovedText) {
  // The headline also appears in navigation the extractor removed: the
  // article's own copy is not a duplicate of removed text.
  const std::string headline =
      "Xi and Putin pledge no-limits partnership in Beijing talks";
  Document doc = MakeDoc(headline + "\n\n" + headline + "\n\nBody text.\n");
  doc.removed.push_back({{0, static_cast<uint32_t>(headline.size())},
                         RemovalReason::kNavigation,
                         "nav"});
  CleanDocument(doc);
  ExpectInvariant(doc);
  EXPECT_EQ(FindRemoved(doc, RemovalReason::kDuplicate, ""), nullptr);
  ASSERT_EQ(doc.paragraphs.size(), 2u);
  EXPECT_EQ(SpanText(doc, doc.paragraphs[0].span), headline);
}

TEST(CleanupTest, DuplicateRunAroundRemovedSpanIsSplit) {
  const std::string a =
      "Officials in Moscow said the talks had been constructive and that a "
      "second round would follow within weeks, while Kyiv was not present.";
  const std::string b =
      "Washington said sanctions would remain in place until a ceasefire was "
      "agreed and verified by independent monitors on the ground.";
  Document doc =
      MakeDoc(a + "\n" + b + "\n\n" + a + "\nADVERTISEMENT\n" + b + "\n");
  CleanDocument(doc);
  ExpectInvariant(doc);
  std::vector<const RemovedSpan*> dups;
  for (const RemovedSpan& r : doc.removed) {
    if (r.reason == RemovalReason::kDuplicate) dups.push_back(&r);
  }
  ASSERT_EQ(dups.size(), 2u);
  EXPECT_EQ(SpanText(doc, dups[0]->span), a);
  EXPECT_EQ(SpanText(doc, dups[1]->span), b);
  EXPECT_EQ(dups[1]->detail, "repeat of bytes " + std::to_string(a.size() + 1) +
                                 ".." +
                                 std::to_string(a.size() + 1 + b.size()));
}

TEST(CleanupTest, DuplicateSearchIsNearLinear) {
  // 256 KiB of highly repetitive text and of distinct lines must both
  // finish quickly (the chain walk is capped).
  std::string repetitive;
  while (repetitive.size() < (256u << 10)) repetitive += "abab ab aba\n";
  Document a = MakeDoc(repetitive);
  CleanDocument(a);
  ExpectInvariant(a);
  std::string distinct;
  for (int i = 0; distinct.size() < (256u << 10); ++i) {
    distinct += "line " + std::to_string(i * 7919) + " of the report, item " +
                std::to_string(i) + ".\n";
  }
  Document b = MakeDoc(distinct);
  CleanDocument(b);
  ExpectInvariant(b);
  EXPECT_EQ(FindRemoved(b, RemovalReason::kDuplicate, ""), nullptr);
}

TEST(CleanupTest, DuplicateSearchLimitIsAnOption) {
  const std::string para =
      "Russia and China signed a joint statement on Thursday pledging to "
      "deepen their strategic coordination.\n\n";
  CleanupOptions options;
  options.max_duplicate_search_bytes = static_cast<uint32_t>(para.size() + 10);
  Document doc = MakeDoc(para + para);
  CleanupStats stats = CleanDocument(doc, options);
  ExpectInvariant(doc);
  EXPECT_TRUE(stats.duplicate_search_truncated);
  EXPECT_EQ(stats.spans_for(RemovalReason::kDuplicate), 0u);
  options.max_duplicate_search_bytes = static_cast<uint32_t>(2 * para.size());
  doc = MakeDoc(para + para);
  stats = CleanDocument(doc, options);
  EXPECT_FALSE(stats.duplicate_search_truncated);
  EXPECT_EQ(stats.spans_for(RemovalReason::kDuplicate), 1u);
}

TEST(CleanupTest, LongLinesOfOpenBracketsStayFast) {
  std::string line;
  while (line.size() < (256u << 10)) line += "( [ （ ![ <img ad1 ";
  Document doc = MakeDoc(line + "\n");
  CleanDocument(doc);
  ExpectInvariant(doc);
  // (The line repeats itself, so most of it goes as a duplicate.)
  EXPECT_FALSE(doc.paragraphs.empty());
}

// Random documents built from the pieces the rules look for (and random
// prior spans, some overlapping or past the end) keep every invariant.
TEST(CleanupTest, RandomInputsKeepTheInvariant) {
  static constexpr std::string_view kPieces[] = {
      "\n",
      "\n\n",
      " ",
      "\xE3\x80\x80",
      "\r\n",
      "ad1 webp",
      "广告",
      "ADVERTISEMENT",
      "![](x.png)",
      "![a](",
      "[image]",
      "[圖片]",
      "(图片)",
      "（图/新华社）",
      "(",
      "）",
      "【",
      "法新社/Scanpix",
      "AP Photo/A B",
      "2019 年 5 月 26 日。",
      "May 26, 2019.",
      "推荐阅读",
      "Related stories",
      "Read more: x",
      "沒有留言:",
      "3 comments",
      "Endnotes",
      "尾註",
      "[1] ",
      "1. ",
      "Disclaimer: x",
      "版权声明：",
      "All rights reserved",
      "Download the PDF",
      "Share this:",
      "<img src=x>",
      "The ministry said on Tuesday that talks would resume. ",
      "外交部发言人表示，中方始终坚持劝和促谈。",
      "川普與普丁通話，同意展開談判。",
      "\xFF",
      "\xE4\xB8",
      "abab ab aba",
      "。",
      "「",
      "」"};
  uint64_t state = 0x2545F4914F6CDD1Dull;
  auto next = [&state](uint64_t bound) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state % bound;
  };
  constexpr int kDocs = 1000;
  constexpr uint64_t kMaxPieces = 120;
  for (int d = 0; d < kDocs; ++d) {
    Document doc;
    const uint64_t pieces = next(kMaxPieces);
    for (uint64_t p = 0; p < pieces; ++p) {
      doc.text += kPieces[next(std::size(kPieces))];
    }
    const uint64_t prior = next(4);
    for (uint64_t p = 0; p < prior && !doc.text.empty(); ++p) {
      const auto b = static_cast<uint32_t>(next(doc.text.size() + 8));
      const auto e = static_cast<uint32_t>(b + next(40));
      doc.removed.push_back({{b, e}, RemovalReason::kNavigation, "random"});
    }
    CleanupOptions options;
    options.min_duplicate_bytes = static_cast<uint32_t>(next(64));
    options.min_unaligned_duplicate_bytes = static_cast<uint32_t>(next(256));
    SCOPED_TRACE("document " + std::to_string(d) + ": " + Escape(doc.text));
    const CleanupStats stats = CleanDocument(doc, options);
    ExpectInvariant(doc);
    uint64_t kept = 0;
    for (const model::Paragraph& par : doc.paragraphs) kept += par.span.size();
    EXPECT_EQ(stats.bytes_kept, kept);
    if (::testing::Test::HasFailure()) return;
  }
}

TEST(CleanupTest, EarlyRecommendationHeadingTakesOnlyLinkTitles) {
  const std::string body1(400, 'x');
  const std::string body2(400, 'z');
  Document doc = MakeDoc(
      "Lead paragraph.\n\nRelated stories\n\nChina warns US over Taiwan\n"
      "Putin visits Pyongyang\n\n" +
      body1 + " continues here.\n\n" + body2 + " and ends here.\n");
  CleanDocument(doc);
  ExpectInvariant(doc);
  const RemovedSpan* rec =
      FindRemoved(doc, RemovalReason::kRecommendations, "Related stories");
  ASSERT_NE(rec, nullptr);
  EXPECT_EQ(SpanText(doc, rec->span),
            "Related stories\n\nChina warns US over Taiwan\n"
            "Putin visits Pyongyang");
  EXPECT_NE(KeptText(doc).find("continues here."), std::string::npos);
  EXPECT_NE(KeptText(doc).find("ends here."), std::string::npos);
}

TEST(CleanupTest, EarlyCommentCountIsRemovedAlone) {
  const std::string body(300, 'y');
  Document doc =
      MakeDoc("Post title\n3 comments\n\n" + body + ".\n\n" + body + "!\n");
  CleanDocument(doc);
  ExpectInvariant(doc);
  const RemovedSpan* c =
      FindRemoved(doc, RemovalReason::kCommentSection, "3 comments");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(SpanText(doc, c->span), "3 comments");
  EXPECT_EQ(doc.paragraphs.size(), 3u);
}

// ---------------------------------------------------------------------------
// The shared real-world examples.

Document LoadShared(const std::string& name) {
  Document doc;
  const std::string dir = testing::SharedDir();
  if (dir.empty()) return doc;
  doc.text = testing::ReadFileOrEmpty(dir + "/examples/" + name);
  return doc;
}

// Byte offset of the n-th (0-based) occurrence of `needle`.
size_t Nth(const std::string& text, std::string_view needle, int n) {
  size_t at = text.find(needle);
  for (int k = 0; k < n && at != std::string::npos; ++k) {
    at = text.find(needle, at + 1);
  }
  return at;
}

TEST(CleanupExamplesTest, BlogRepost) {
  Document doc = LoadShared("blog-repost-reverse-nixon.txt");
  if (doc.text.empty()) GTEST_SKIP() << "shared examples not available";
  const CleanupStats stats = CleanDocument(doc);
  ExpectInvariant(doc);
  const std::string kept = KeptText(doc);

  // The commentary is pasted twice; the repeat starts mid-line, right after
  // "所以被台獨金孫抓去關", and is removed up to the second such line.
  const std::string start = "好好學習台獨慰安母國的安倍晉三首相";
  const std::string end = "所以被台獨金孫抓去關";
  const RemovedSpan* repeat =
      FindRemoved(doc, RemovalReason::kDuplicate, start);
  ASSERT_NE(repeat, nullptr);
  EXPECT_EQ(repeat->span.begin, Nth(doc.text, start, 1));
  EXPECT_EQ(repeat->span.end, Nth(doc.text, end, 1) + end.size());
  EXPECT_EQ(repeat->detail,
            "repeat of bytes " + std::to_string(Nth(doc.text, start, 0)) +
                ".." + std::to_string(Nth(doc.text, end, 0) + end.size()));
  EXPECT_NE(kept.find(start), std::string::npos);  // the first copy stays
  EXPECT_NE(kept.find("看來還是柯文哲比馬英九聰明\n所以被台獨金孫抓去關"),
            std::string::npos);

  // Both the Chinese translation and the English original are kept.
  EXPECT_NE(kept.find("美國國務卿馬爾科·盧比奧表達了這種看法"),
            std::string::npos);
  EXPECT_NE(kept.find("尼克森 1972 年的意外訪華相提並論"), std::string::npos);
  EXPECT_NE(
      kept.find("This perception was articulated by Secretary of State "
                "Marco Rubio, who argued that the US must prevent Russia"),
      std::string::npos);
  EXPECT_NE(kept.find("Some experts compare Trump’s Russia deal to Nixon’s "
                      "surprise visit to China in 1972"),
            std::string::npos);
  EXPECT_NE(kept.find("美國必須阻止俄羅斯成為中國的「永久小夥伴」。[1]"),
            std::string::npos);

  // Endnotes in both languages, heading and list.
  const RemovedSpan* zh_notes =
      FindRemoved(doc, RemovalReason::kEndnotes, "尾註");
  ASSERT_NE(zh_notes, nullptr);
  EXPECT_NE(SpanText(doc, zh_notes->span).find("[17]2025 年 2 月 27 日"),
            std::string::npos);
  const RemovedSpan* en_notes =
      FindRemoved(doc, RemovalReason::kEndnotes, "Endnotes");
  ASSERT_NE(en_notes, nullptr);
  EXPECT_NE(SpanText(doc, en_notes->span)
                .find("Foreign Ministry Spokesperson Lin Jian"),
            std::string::npos);
  EXPECT_EQ(kept.find("Laurie Chen"), std::string::npos);

  // The comment footer and the unrelated post after it, to the end.
  const RemovedSpan* footer =
      FindRemoved(doc, RemovalReason::kCommentSection, "沒有留言");
  ASSERT_NE(footer, nullptr);
  EXPECT_EQ(footer->span.begin, doc.text.find("沒有留言"));
  EXPECT_EQ(SpanText(doc, {footer->span.end - 3, footer->span.end}), "...");
  EXPECT_EQ(kept.find("汪精衛"), std::string::npos);

  // Photo credits and the dated captions after them.
  EXPECT_NE(FindRemoved(doc, RemovalReason::kCaption, "法新社/Scanpix"),
            nullptr);
  EXPECT_NE(FindRemoved(doc, RemovalReason::kCaption, "AFP/Scanpix"), nullptr);
  EXPECT_NE(FindRemoved(doc, RemovalReason::kCaption, "2019 年 5 月 26 日。"),
            nullptr);
  EXPECT_NE(FindRemoved(doc, RemovalReason::kCaption, "May 26, 2019."),
            nullptr);

  // Disclaimers and PDF links.
  EXPECT_NE(FindRemoved(doc, RemovalReason::kBoilerplate, "免責聲明"), nullptr);
  EXPECT_NE(FindRemoved(doc, RemovalReason::kBoilerplate, "Disclaimer:"),
            nullptr);
  EXPECT_NE(FindRemoved(doc, RemovalReason::kBoilerplate, "下載並閱讀 PDF"),
            nullptr);
  EXPECT_NE(FindRemoved(doc, RemovalReason::kBoilerplate, "Download and read"),
            nullptr);

  // The repeated title line goes; the first one stays.
  EXPECT_EQ(kept.find("逆轉尼克森」策略為何會失敗:脫鉤的幻覺"), 0u);
  EXPECT_EQ(stats.bytes_kept + stats.bytes_removed <= doc.text.size(), true);
}

TEST(CleanupExamplesTest, Aggregator) {
  Document doc = LoadShared("aggregator-zh-hans-ceasefire.txt");
  if (doc.text.empty()) GTEST_SKIP() << "shared examples not available";
  const CleanupStats stats = CleanDocument(doc);
  ExpectInvariant(doc);
  EXPECT_EQ(stats.spans_for(RemovalReason::kAdPlaceholder), 4u);
  EXPECT_EQ(stats.spans_for(RemovalReason::kBoilerplate), 1u);
  EXPECT_NE(FindRemoved(doc, RemovalReason::kBoilerplate, "如有侵权"), nullptr);
  EXPECT_EQ(stats.spans_for(RemovalReason::kDuplicate), 0u);
  // Everything before the image notice is article, in 16 paragraphs.
  const size_t article = doc.text.find("(文章中的图片");
  ASSERT_NE(article, std::string::npos);
  EXPECT_EQ(doc.paragraphs.size(), 16u);
  uint64_t article_bytes = 0;
  for (size_t p = 0; p < article; ++p) {
    if (!std::isspace(static_cast<unsigned char>(doc.text[p]))) ++article_bytes;
  }
  EXPECT_GT(stats.bytes_kept * 10, article_bytes * 9);
  EXPECT_NE(KeptText(doc).find("都将被视为美国的敌人。"), std::string::npos);
}

// The noisy sample corpus (written by others; files may come and go).
TEST(CleanupExamplesTest, NoisySamples) {
  const std::filesystem::path dir =
      std::filesystem::path(testing::SourceDir()) / "data/sample/noisy";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) GTEST_SKIP() << "no samples";
  size_t seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".txt") continue;
    Document doc = MakeDoc(testing::ReadFileOrEmpty(entry.path().string()));
    if (utf8::FindInvalid(doc.text).has_value()) continue;  // needs decoding
    SCOPED_TRACE(entry.path().string());
    const CleanupStats stats = CleanDocument(doc);
    ExpectInvariant(doc);
    ++seen;
    // Most of every sample is article text.
    EXPECT_GT(stats.bytes_kept, stats.bytes_removed);
    // Pattern removals are lines, not paragraphs of prose.
    for (const RemovedSpan& r : doc.removed) {
      switch (r.reason) {
        case RemovalReason::kAdPlaceholder:
        case RemovalReason::kImagePlaceholder:
        case RemovalReason::kCaption:
          EXPECT_LE(r.span.size(), 600u) << r.detail;
          break;
        default:
          break;
      }
    }
  }
  if (seen == 0) GTEST_SKIP() << "no UTF-8 text samples";
}

}  // namespace
}  // namespace trigon::ingest
