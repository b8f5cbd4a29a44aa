// Sentence splitting: paragraph joining, then a single forward scan per
// group of joined paragraphs.
//
// The scan looks only at terminator characters.  At each run of terminators
// (plus the closing quotes, brackets and footnote markers glued to it) it
// decides, from the character before the run and the text after it, whether
// the run ends a sentence; the rules are listed in sentence_splitter.h.  No
// regular expressions and no allocation per character: the decision code
// walks the UTF-8 in place.  The approach follows the classic rule-based
// splitters (Grefenstette & Tapanainen 1994; Punkt's abbreviation idea, with
// a fixed list instead of a trained one); Chinese needs only the punctuation
// rules because its terminators are unambiguous.

#include "text/sentence_splitter.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <string>

#include "base/utf8.h"
#include "text/char_class.h"

namespace trigon::text {
namespace {

using internal::IsAsciiDigit;
using internal::IsAsciiLower;
using internal::IsAsciiUpper;
using internal::IsCjkLetter;
using internal::IsCjkPunctuation;
using internal::IsWhiteSpace;

// A "short line" (heading, date line, byline) has at most this many
// non-space code points and no comma, colon or terminator; see IsShortLine.
constexpr uint32_t kHeadingMaxCodePoints = 12;

// Sorted lists (binary search).  Lowercase, without the final period.
// Never end a sentence (titles and Latin abbreviations).
constexpr std::array<std::string_view, 25> kNeverFinalAbbreviations = {
    "adm",  "capt", "cmdr", "col", "dr",  "e.g", "fig", "gen", "gov",
    "i.e",  "lt",   "maj",  "mr",  "mrs", "ms",  "p",   "pp",  "pres",
    "prof", "rep",  "sen",  "sgt", "st",  "vol", "vs",
};
// End a sentence only before a sentence opener.
constexpr std::array<std::string_view, 19> kFinalCapableAbbreviations = {
    "apr", "aug", "co",  "corp", "dec", "etc", "feb", "inc",  "jan", "jr",
    "jul", "jun", "ltd", "mar",  "nov", "oct", "sep", "sept", "sr",
};
// Words that often open an English sentence (compared lowercased).
constexpr std::array<std::string_view, 39> kSentenceOpeners = {
    "a",    "after",     "an",  "and",     "as",    "at",    "but",   "for",
    "he",   "her",       "his", "however", "i",     "if",    "in",    "it",
    "its",  "meanwhile", "mr",  "mrs",     "ms",    "on",    "our",   "she",
    "so",   "that",      "the", "their",   "then",  "there", "these", "they",
    "this", "those",     "we",  "when",    "while", "yet",   "you",
};

static_assert(std::is_sorted(kNeverFinalAbbreviations.begin(),
                             kNeverFinalAbbreviations.end()));
static_assert(std::is_sorted(kFinalCapableAbbreviations.begin(),
                             kFinalCapableAbbreviations.end()));
static_assert(std::is_sorted(kSentenceOpeners.begin(), kSentenceOpeners.end()));

bool Contains(const auto& sorted, std::string_view word) {
  return std::binary_search(sorted.begin(), sorted.end(), word);
}

// Always a terminator (full-width forms and the ideographic full stop).
bool IsChineseTerminator(char32_t c) {
  switch (c) {
    case 0x3002:  // ideographic full stop
    case 0xFF61:  // halfwidth ideographic full stop
    case 0xFF01:  // fullwidth exclamation mark
    case 0xFF1F:  // fullwidth question mark
    case 0xFF1B:  // fullwidth semicolon
      return true;
    default:
      return false;
  }
}

// A terminator for Chinese when the preceding character is CJK; otherwise
// judged by the English rules.
bool IsAmbiguousTerminator(char32_t c) {
  switch (c) {
    case '.':
    case '!':
    case '?':
    case ';':
    case 0x2026:  // horizontal ellipsis
    case 0x203C:  // double exclamation mark
    case 0x2047:  // double question mark
    case 0x2048:  // question exclamation mark
    case 0x2049:  // exclamation question mark
      return true;
    default:
      return false;
  }
}

bool IsTerminator(char32_t c) {
  return IsChineseTerminator(c) || IsAmbiguousTerminator(c);
}

bool IsCloser(char32_t c) {
  switch (c) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case '}':
    case 0x2019:  // right single quotation mark
    case 0x201D:  // right double quotation mark
    case 0x00BB:  // right-pointing double angle quotation mark
    case 0x203A:  // single right-pointing angle quotation mark
    case 0x300D:  // right corner bracket
    case 0x300F:  // right white corner bracket
    case 0xFF09:  // fullwidth right parenthesis
    case 0x3011:  // right black lenticular bracket
    case 0x300B:  // right double angle bracket
    case 0x3009:  // right angle bracket
    case 0xFF3D:  // fullwidth right square bracket
    case 0x3015:  // right tortoise shell bracket
    case 0xFF63:  // halfwidth right corner bracket
    case 0x3017:  // right white lenticular bracket
    case 0xFF02:  // fullwidth quotation mark
    case 0xFF07:  // fullwidth apostrophe
      return true;
    default:
      return false;
  }
}

bool IsOpener(char32_t c) {
  switch (c) {
    case '"':
    case '\'':
    case '(':
    case '[':
    case '{':
    case 0x2018:  // left single quotation mark
    case 0x201C:  // left double quotation mark
    case 0x00AB:  // left-pointing double angle quotation mark
    case 0x2039:  // single left-pointing angle quotation mark
    case 0x300C:  // left corner bracket
    case 0x300E:  // left white corner bracket
    case 0xFF08:  // fullwidth left parenthesis
    case 0x3010:  // left black lenticular bracket
    case 0x300A:  // left double angle bracket
    case 0x3008:  // left angle bracket
    case 0xFF3B:  // fullwidth left square bracket
    case 0x3014:  // left tortoise shell bracket
    case 0xFF62:  // halfwidth left corner bracket
    case 0x3016:  // left white lenticular bracket
    case 0x00BF:  // inverted question mark
    case 0x00A1:  // inverted exclamation mark
      return true;
    default:
      return false;
  }
}

// Commas and colons: a line containing one is a clause, not a heading.
bool IsClausePunctuation(char32_t c) {
  switch (c) {
    case ',':
    case ':':
    case 0xFF0C:  // fullwidth comma
    case 0x3001:  // ideographic comma
    case 0xFF1A:  // fullwidth colon
      return true;
    default:
      return false;
  }
}

// Punctuation after which a broken paragraph clearly continues.
bool IsContinuationPunctuation(char32_t c) {
  switch (c) {
    case '-':
    case 0x2012:  // figure dash
    case 0x2013:  // en dash
    case 0x2014:  // em dash
    case 0x2015:  // horizontal bar
    case 0xFE50:  // small comma
    case 0xFF64:  // halfwidth ideographic comma
      return true;
    default:
      return IsClausePunctuation(c);
  }
}

bool IsLowercaseLetter(char32_t c) {
  if (c < 0x80) return IsAsciiLower(c);
  return u_islower(static_cast<UChar32>(c));
}

// A letter that can open a sentence: uppercase, titlecase or caseless.
bool IsSentenceInitialLetter(char32_t c) {
  if (c < 0x80) return IsAsciiUpper(c);
  return u_isalpha(static_cast<UChar32>(c)) &&
         !u_islower(static_cast<UChar32>(c));
}

char32_t At(std::string_view s, size_t pos) { return utf8::Next(s, pos); }

size_t NextPos(std::string_view s, size_t pos) {
  return pos + utf8::SequenceLength(static_cast<unsigned char>(s[pos]));
}

// REQUIRES: pos > 0.
size_t PrevPos(std::string_view s, size_t pos) {
  --pos;
  while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

size_t SkipSpaceForward(std::string_view s, size_t pos, size_t end) {
  while (pos < end && IsWhiteSpace(At(s, pos))) pos = NextPos(s, pos);
  return pos;
}

size_t SkipSpaceBackward(std::string_view s, size_t begin, size_t pos) {
  while (pos > begin) {
    const size_t prev = PrevPos(s, pos);
    if (!IsWhiteSpace(At(s, prev))) break;
    pos = prev;
  }
  return pos;
}

bool AllWhiteSpace(std::string_view s, size_t begin, size_t end) {
  return SkipSpaceForward(s, begin, end) >= end;
}

bool IsFootnoteBody(char32_t c) {
  return IsAsciiDigit(c) || c == ',' || c == '-' || c == 0x2013;
}

// If a footnote marker "[12]" (digits, commas, dashes) starts at `pos`,
// returns the position after it; otherwise `pos`.
size_t SkipFootnoteForward(std::string_view s, size_t pos, size_t end) {
  if (pos >= end || s[pos] != '[') return pos;
  size_t q = pos + 1;
  if (q >= end || !IsAsciiDigit(At(s, q))) return pos;
  while (q < end && IsFootnoteBody(At(s, q))) q = NextPos(s, q);
  return q < end && s[q] == ']' ? q + 1 : pos;
}

// If a footnote marker ends at `pos` (s[pos - 1] == ']'), returns its start;
// otherwise `pos`.
size_t SkipFootnoteBackward(std::string_view s, size_t begin, size_t pos) {
  if (pos <= begin || s[pos - 1] != ']') return pos;
  size_t q = pos - 1;
  bool digit = false;
  while (q > begin) {
    const size_t prev = PrevPos(s, q);
    const char32_t c = At(s, prev);
    if (c == '[') return digit ? prev : pos;
    if (!IsFootnoteBody(c)) return pos;
    digit = digit || IsAsciiDigit(c);
    q = prev;
  }
  return pos;
}

// Lowercased ASCII copy of `word`, or "" if it has non-ASCII bytes.
std::string AsciiLower(std::string_view word) {
  std::string lower(word);
  for (char& ch : lower) {
    if (static_cast<unsigned char>(ch) >= 0x80) return {};
    if (IsAsciiUpper(static_cast<unsigned char>(ch)))
      ch = static_cast<char>(ch | 0x20);
  }
  return lower;
}

// "u.s", "e.u", "p.m", "j.r.r": single letters separated by periods.
bool IsInitialism(std::string_view lower) {
  if (lower.size() < 3 || lower.size() % 2 == 0) return false;
  for (size_t i = 0; i < lower.size(); ++i) {
    const bool ok = i % 2 == 0
                        ? IsAsciiLower(static_cast<unsigned char>(lower[i]))
                        : lower[i] == '.';
    if (!ok) return false;
  }
  return true;
}

enum class EndClass {
  kTerminal,      // ends a sentence: ideographic full stop, . ! ? ...
  kContinuation,  // ends with a comma, colon, dash, opening bracket
  kOpen,          // ends with a letter or digit: unclear
};

struct ParaInfo {
  uint32_t index = 0;  // into the caller's paragraphs
  uint32_t begin = 0;  // trimmed span
  uint32_t end = 0;
  std::string_view primary_lang;  // "zh" for "zh-Hant"
  bool cjk = false;
  EndClass end_class = EndClass::kOpen;
  uint32_t non_space_code_points = 0;
  bool has_clause_punctuation = false;  // comma, colon or a terminator
  bool starts_lowercase = false;
};

class Splitter {
 public:
  Splitter(std::string_view text, const SentenceSplitOptions& options,
           std::vector<SentenceBoundary>* out)
      : text_(text), options_(options), out_(out) {}

  ParaInfo Describe(uint32_t index, const model::Paragraph& p) const;
  bool ShouldJoin(const ParaInfo& p, const ParaInfo& n,
                  bool p_is_continuation) const;
  // Splits paragraphs [first, last] (joined) of `paras`.
  void SplitBlock(const std::vector<ParaInfo>& paras, size_t first,
                  size_t last);

 private:
  // Whether the terminator run [pos, run_end) -- terminators, closing
  // quotes and brackets, footnote markers -- ends a sentence.
  bool EndsSentence(size_t pos, size_t run_end, size_t block_begin,
                    size_t block_end) const;
  bool PrecededByCjk(size_t pos, size_t block_begin) const;
  bool EnglishBoundary(size_t pos, size_t run_end, size_t block_begin,
                       size_t block_end) const;
  bool NextWordIsOpener(size_t pos, size_t end) const;
  void Emit(size_t begin, size_t end, const std::vector<ParaInfo>& paras,
            size_t first, size_t last);
  uint32_t ParagraphOf(size_t pos, const std::vector<ParaInfo>& paras,
                       size_t first, size_t last) const;

  std::string_view text_;
  const SentenceSplitOptions& options_;
  std::vector<SentenceBoundary>* out_;
};

ParaInfo Splitter::Describe(uint32_t index, const model::Paragraph& p) const {
  ParaInfo info;
  info.index = index;
  info.begin =
      static_cast<uint32_t>(SkipSpaceForward(text_, p.span.begin, p.span.end));
  info.end =
      static_cast<uint32_t>(SkipSpaceBackward(text_, info.begin, p.span.end));
  const std::string_view lang = p.lang;
  info.primary_lang = lang.substr(0, lang.find('-'));
  info.cjk = info.primary_lang == "zh" || info.primary_lang == "ja" ||
             info.primary_lang == "ko" || info.primary_lang == "yue";

  for (size_t pos = info.begin; pos < info.end; pos = NextPos(text_, pos)) {
    const char32_t c = At(text_, pos);
    if (!IsWhiteSpace(c)) ++info.non_space_code_points;
    if (IsTerminator(c) || IsClausePunctuation(c))
      info.has_clause_punctuation = true;
  }
  size_t first = info.begin;
  while (first < info.end &&
         (IsOpener(At(text_, first)) || IsWhiteSpace(At(text_, first)))) {
    first = NextPos(text_, first);
  }
  info.starts_lowercase =
      first < info.end && IsLowercaseLetter(At(text_, first));

  // Look past trailing footnote markers and closing quotes/brackets.  A
  // footnote marker at the end of a paragraph marks the end of a sentence
  // even when the translation lost the period (blog example, note [13]).
  size_t q = info.end;
  bool footnote = false;
  while (q > info.begin) {
    const size_t before_note = SkipFootnoteBackward(text_, info.begin, q);
    if (before_note != q) {
      q = before_note;
      footnote = true;
      continue;
    }
    const size_t prev = PrevPos(text_, q);
    if (!IsCloser(At(text_, prev))) break;
    q = prev;
  }
  if (footnote) {
    info.end_class = EndClass::kTerminal;
  } else if (q > info.begin) {
    const char32_t last = At(text_, PrevPos(text_, q));
    if (IsTerminator(last)) {
      info.end_class = last == ';' && !info.cjk ? EndClass::kContinuation
                                                : EndClass::kTerminal;
    } else if (IsContinuationPunctuation(last) || IsOpener(last)) {
      info.end_class = EndClass::kContinuation;
    }
  }
  return info;
}

// A heading, date line or byline: short and without clause punctuation.
bool IsShortLine(const ParaInfo& p) {
  return p.non_space_code_points <= kHeadingMaxCodePoints &&
         !p.has_clause_punctuation;
}

bool Splitter::ShouldJoin(const ParaInfo& p, const ParaInfo& n,
                          bool p_is_continuation) const {
  if (p.primary_lang.empty() || p.primary_lang == "und" ||
      p.primary_lang != n.primary_lang) {
    return false;
  }
  if (!AllWhiteSpace(text_, p.end, n.begin)) return false;
  switch (p.end_class) {
    case EndClass::kTerminal:
      return false;
    case EndClass::kContinuation:
      return true;
    case EndClass::kOpen:
      break;
  }
  if (!p.cjk) return n.starts_lowercase;
  if (p_is_continuation) return true;
  return !IsShortLine(p) && !(n.end_class == EndClass::kOpen && IsShortLine(n));
}

bool Splitter::PrecededByCjk(size_t pos, size_t block_begin) const {
  while (pos > block_begin) {
    pos = PrevPos(text_, pos);
    const char32_t c = At(text_, pos);
    if (IsCloser(c)) continue;
    return IsCjkLetter(c) || IsCjkPunctuation(c);
  }
  return false;
}

bool Splitter::NextWordIsOpener(size_t pos, size_t end) const {
  size_t q = pos;
  while (q < end && (IsAsciiUpper(static_cast<unsigned char>(text_[q])) ||
                     IsAsciiLower(static_cast<unsigned char>(text_[q])))) {
    ++q;
  }
  if (q == pos) return false;
  return Contains(kSentenceOpeners, AsciiLower(text_.substr(pos, q - pos)));
}

bool Splitter::EnglishBoundary(size_t pos, size_t run_end, size_t block_begin,
                               size_t block_end) const {
  size_t next = run_end;
  if (run_end < block_end) {
    const char32_t after = At(text_, run_end);
    if (!IsCjkLetter(after)) {
      if (!IsWhiteSpace(after)) return false;  // 3.5, U.S.-China, a.m
      next = SkipSpaceForward(text_, run_end, block_end);
      if (next < block_end) {
        const char32_t c = At(text_, next);
        if (!IsSentenceInitialLetter(c) && !IsAsciiDigit(c) && !IsOpener(c) &&
            !IsCjkLetter(c) && !IsCjkPunctuation(c)) {
          return false;
        }
      }
    }
  }
  // Abbreviations matter only for a lone period.
  if (text_[pos] != '.' || run_end != pos + 1) return true;

  // The word before the period: back to whitespace or CJK text, which
  // separates words as well ("U.S." between Han characters).
  size_t word_begin = pos;
  while (word_begin > block_begin) {
    const size_t prev = PrevPos(text_, word_begin);
    const char32_t c = At(text_, prev);
    if (IsWhiteSpace(c) || IsCjkLetter(c) || IsCjkPunctuation(c)) break;
    word_begin = prev;
  }
  while (word_begin < pos && IsOpener(At(text_, word_begin))) {
    word_begin = NextPos(text_, word_begin);
  }
  const std::string_view word = text_.substr(word_begin, pos - word_begin);
  const std::string lower = AsciiLower(word);
  if (lower.empty()) return true;
  const bool at_end = next >= block_end;
  if (Contains(kNeverFinalAbbreviations, lower)) return false;
  if (word.size() == 1 && IsAsciiUpper(static_cast<unsigned char>(word[0]))) {
    return false;  // an initial: "J. Smith"
  }
  if (lower == "no") {
    return at_end || !IsAsciiDigit(static_cast<unsigned char>(text_[next]));
  }
  if (Contains(kFinalCapableAbbreviations, lower) || IsInitialism(lower)) {
    return at_end || NextWordIsOpener(next, block_end);
  }
  return true;
}

bool Splitter::EndsSentence(size_t pos, size_t run_end, size_t block_begin,
                            size_t block_end) const {
  const char32_t c = At(text_, pos);
  if (IsChineseTerminator(c)) return true;
  if (PrecededByCjk(pos, block_begin)) return true;
  if (c == ';') return false;  // not a sentence end in English
  return EnglishBoundary(pos, run_end, block_begin, block_end);
}

uint32_t Splitter::ParagraphOf(size_t pos, const std::vector<ParaInfo>& paras,
                               size_t first, size_t last) const {
  size_t k = first;
  while (k < last && paras[k + 1].begin <= pos) ++k;
  return paras[k].index;
}

void Splitter::Emit(size_t begin, size_t end,
                    const std::vector<ParaInfo>& paras, size_t first,
                    size_t last) {
  begin = SkipSpaceForward(text_, begin, end);
  end = SkipSpaceBackward(text_, begin, end);
  if (begin >= end) return;
  const size_t limit = options_.max_sentence_bytes;
  const bool truncated = end - begin > limit;
  while (end - begin > limit) {
    // Cut at the last whitespace at or before begin + limit ...
    size_t cut = begin;
    for (size_t q = NextPos(text_, begin); q <= begin + limit && q < end;
         q = NextPos(text_, q)) {
      if (IsWhiteSpace(At(text_, q))) cut = q;
    }
    // ... or else at the last code point boundary, keeping one code point.
    if (cut == begin) {
      cut = begin + limit;
      while (cut > begin &&
             (static_cast<unsigned char>(text_[cut]) & 0xC0) == 0x80) {
        --cut;
      }
      if (cut == begin) cut = NextPos(text_, begin);
    }
    const size_t piece_end = SkipSpaceBackward(text_, begin, cut);
    out_->push_back(
        {{static_cast<uint32_t>(begin), static_cast<uint32_t>(piece_end)},
         ParagraphOf(begin, paras, first, last),
         true});
    begin = SkipSpaceForward(text_, cut, end);
  }
  if (begin == end) return;  // the last cut fell at the very end
  out_->push_back({{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)},
                   ParagraphOf(begin, paras, first, last),
                   truncated});
}

void Splitter::SplitBlock(const std::vector<ParaInfo>& paras, size_t first,
                          size_t last) {
  const size_t block_begin = paras[first].begin;
  const size_t block_end = paras[last].end;
  size_t sentence_begin = block_begin;
  size_t pos = block_begin;
  while (pos < block_end) {
    const char32_t c = At(text_, pos);
    if (c == '[') {
      // In CJK text a footnote marker followed by a space ends a sentence
      // whose period was lost in translation (blog example, note [12]).
      const size_t note_end = SkipFootnoteForward(text_, pos, block_end);
      if (note_end != pos && note_end < block_end &&
          IsWhiteSpace(At(text_, note_end)) &&
          PrecededByCjk(pos, block_begin)) {
        Emit(sentence_begin, note_end, paras, first, last);
        sentence_begin = note_end;
      }
      pos = note_end != pos ? note_end : pos + 1;
      continue;
    }
    if (!IsTerminator(c)) {
      pos = NextPos(text_, pos);
      continue;
    }
    size_t run_end = pos;
    while (run_end < block_end) {
      const char32_t c = At(text_, run_end);
      if (!IsTerminator(c) && !IsCloser(c)) break;
      run_end = NextPos(text_, run_end);
    }
    for (size_t after = SkipFootnoteForward(text_, run_end, block_end);
         after != run_end;
         after = SkipFootnoteForward(text_, run_end, block_end)) {
      run_end = after;
    }
    if (EndsSentence(pos, run_end, block_begin, block_end)) {
      Emit(sentence_begin, run_end, paras, first, last);
      sentence_begin = run_end;
    }
    pos = run_end;
  }
  Emit(sentence_begin, block_end, paras, first, last);
}

}  // namespace

std::vector<SentenceBoundary> SplitSentences(
    std::string_view doc_text, const std::vector<model::Paragraph>& paragraphs,
    const SentenceSplitOptions& options) {
  std::vector<SentenceBoundary> out;
  Splitter splitter(doc_text, options, &out);

  std::vector<ParaInfo> paras;
  paras.reserve(paragraphs.size());
  uint32_t previous_end = 0;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    const model::Span span = paragraphs[i].span;
    if (span.begin > span.end || span.end > doc_text.size() ||
        span.begin < previous_end) {
      continue;  // malformed: skipped, as documented
    }
    previous_end = span.end;
    ParaInfo info = splitter.Describe(static_cast<uint32_t>(i), paragraphs[i]);
    if (info.begin < info.end) paras.push_back(info);
  }

  size_t i = 0;
  while (i < paras.size()) {
    const size_t first = i;
    while (i + 1 < paras.size() &&
           splitter.ShouldJoin(paras[i], paras[i + 1], i > first)) {
      ++i;
    }
    splitter.SplitBlock(paras, first, i);
    ++i;
  }
  return out;
}

}  // namespace trigon::text
