// Language identification by script counting.
//
// One pass over the code points tallies, per script, the "weight" of the
// text: Han, kana and Hangul characters one unit each, alphabetic scripts one
// unit per word (a maximal run of letters of that script, combining marks
// included), unspaced scripts (Thai, Lao, Khmer, Myanmar) one unit per
// kUnspacedLettersPerWord letters.  The heaviest script wins; within it a
// cheap second test picks the language: kana share for Japanese, OpenCC's
// character tables for Simplified vs Traditional, English function words for
// Latin.  Scripts come from ICU (uscript_getScript), which follows Unicode's
// Scripts.txt; ASCII is classified inline.
//
// The Simplified/Traditional sets are derived from OpenCC once per process:
// every Han code point is converted on its own with t2s and with s2t (two
// batched OpenCC calls over ~97k code points).  The resulting table is
// immutable and shared by all threads.  It is process-wide data rather than
// a context object because DetectLanguage is a free function, like ICU's own
// lazily built singletons.

#include "text/script_detector.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "text/opencc_wrapper.h"

namespace trigon::text {
namespace {

// Japanese when kana are at least this share of the Han + kana characters.
constexpr double kJapaneseKanaShare = 0.10;
// English when at least this share of the Latin words are function words.
constexpr double kEnglishFunctionWordShare = 0.15;
// Text with at least one non-ASCII word in this many is not plain ASCII
// (a name with an umlaut in an English sentence still is).
constexpr uint32_t kMaxNonAsciiWordShareInverse = 10;
// Below this many Latin words the function-word ratio is not meaningful.
constexpr uint32_t kMinWordsForEnglishRatio = 4;
// Longest entry of kEnglishFunctionWords.
constexpr size_t kMaxFunctionWordLength = 5;
// Thai and similar scripts do not separate words with spaces.
constexpr double kUnspacedLettersPerWord = 4.0;
// Confidence multiplier when the language inside a script is a default.
constexpr double kDefaultedLanguageFactor = 0.5;
// ICU 72 defines about 200 script codes; larger ones count as unknown.
constexpr int kTrackedScripts = 256;

// Frequent English words that are rare as words in other Latin-script
// languages of the news (French, Spanish, German, Italian, Portuguese).
// Sorted, for binary search.
constexpr std::array<std::string_view, 47> kEnglishFunctionWords = {
    "after", "also",  "and",   "are",   "as",   "at",    "be",   "been",
    "but",   "by",    "for",   "from",  "had",  "has",   "have", "he",
    "her",   "his",   "i",     "in",    "it",   "its",   "more", "not",
    "of",    "on",    "or",    "our",   "said", "she",   "than", "that",
    "the",   "their", "there", "these", "they", "this",  "to",   "was",
    "we",    "were",  "which", "who",   "with", "would", "you",
};

// Frequent function words of the other Latin-script languages of the news
// (French, Spanish, Portuguese, Italian, German, Dutch) that are not
// English words.  Sorted, for binary search.
constexpr std::array<std::string_view, 36> kForeignFunctionWords = {
    "al",  "als", "ces", "da",  "das", "dei", "del", "della", "den",
    "der", "des", "di",  "die", "du",  "een", "ein", "eine",  "el",
    "em",  "est", "et",  "het", "il",  "ist", "la",  "las",   "le",
    "les", "los", "os",  "que", "sur", "una", "und", "une",   "zu",
};

static_assert(std::is_sorted(kEnglishFunctionWords.begin(),
                             kEnglishFunctionWords.end()));
static_assert(std::is_sorted(kForeignFunctionWords.begin(),
                             kForeignFunctionWords.end()));

using internal::kFirstHanCodePoint;

class HanVariantTable {
 public:
  // Returns nullptr when OpenCC's data cannot be loaded or converted.
  static std::unique_ptr<HanVariantTable> Build() {
    using internal::ChineseConversion;
    using internal::ChineseConverter;
    auto t2s =
        ChineseConverter::Open(ChineseConversion::kTraditionalToSimplified);
    auto s2t =
        ChineseConverter::Open(ChineseConversion::kSimplifiedToTraditional);
    if (!t2s.ok() || !s2t.ok()) return nullptr;
    std::vector<bool> changes_t2s;
    std::vector<bool> changes_s2t;
    if (!(*t2s)->FindChangedHan(&changes_t2s) ||
        !(*s2t)->FindChangedHan(&changes_s2t)) {
      return nullptr;
    }
    auto table = std::unique_ptr<HanVariantTable>(new HanVariantTable());
    table->traditional_only_.assign(internal::kHanTableSize, false);
    table->simplified_only_.assign(internal::kHanTableSize, false);
    for (size_t i = 0; i < internal::kHanTableSize; ++i) {
      // A character both conversions change is a variant of neither
      // standard in particular; it is evidence for neither.
      if (changes_t2s[i] == changes_s2t[i]) continue;
      table->traditional_only_[i] = changes_t2s[i];
      table->simplified_only_[i] = changes_s2t[i];
    }
    return table;
  }

  // REQUIRES: utf8::IsHan(cp)
  bool IsTraditionalOnly(char32_t cp) const {
    return traditional_only_[cp - kFirstHanCodePoint];
  }
  bool IsSimplifiedOnly(char32_t cp) const {
    return simplified_only_[cp - kFirstHanCodePoint];
  }

 private:
  HanVariantTable() = default;

  std::vector<bool> traditional_only_;  // indexed by cp - kFirstHanCodePoint
  std::vector<bool> simplified_only_;
};

// Built on first use; the function-local static makes the one-time build
// thread-safe (the same guarantee as std::call_once).  nullptr if OpenCC is
// unavailable.
const HanVariantTable* SharedHanVariants() {
  static const std::unique_ptr<HanVariantTable> table =
      HanVariantTable::Build();
  return table.get();
}

bool IsEnglishFunctionWord(std::string_view lower_ascii_word) {
  return std::binary_search(kEnglishFunctionWords.begin(),
                            kEnglishFunctionWords.end(), lower_ascii_word);
}

bool IsForeignFunctionWord(std::string_view lower_ascii_word) {
  return std::binary_search(kForeignFunctionWords.begin(),
                            kForeignFunctionWords.end(), lower_ascii_word);
}

bool IsUnspacedScript(UScriptCode script) {
  return script == USCRIPT_THAI || script == USCRIPT_LAO ||
         script == USCRIPT_KHMER || script == USCRIPT_MYANMAR;
}

// Language tag for scripts that (in news) mostly mean one language.
const char* LanguageOfScript(UScriptCode script) {
  switch (script) {
    case USCRIPT_CYRILLIC:
      return "ru";
    case USCRIPT_ARABIC:
      return "ar";
    case USCRIPT_HEBREW:
      return "he";
    case USCRIPT_GREEK:
      return "el";
    case USCRIPT_THAI:
      return "th";
    case USCRIPT_DEVANAGARI:
      return "hi";
    default:
      return "und";
  }
}

struct Tally {
  uint32_t han = 0;
  uint32_t kana = 0;
  uint32_t hangul = 0;
  uint32_t traditional_only = 0;
  uint32_t simplified_only = 0;
  bool han_table_missing = false;
  // Alphabetic scripts: words; unspaced scripts: letters.
  std::array<uint32_t, kTrackedScripts> units{};
  uint32_t latin_function_words = 0;
  uint32_t latin_foreign_words = 0;
  uint32_t latin_non_ascii_words = 0;
};

// Tracks the current word so that words are counted once and Latin words
// can be checked against the function-word list.
class WordState {
 public:
  explicit WordState(Tally* tally) : tally_(tally) {}

  void Letter(UScriptCode script, char32_t cp) {
    if (script != script_) {
      End();
      script_ = script;
      ++tally_->units[script];
    }
    if (script != USCRIPT_LATIN) return;
    if (cp >= 0x80) {
      non_ascii_ = true;
    } else if (length_ < kMaxFunctionWordLength) {
      buffer_[length_] = static_cast<char>(cp | 0x20);  // ASCII lowercase
    }
    ++length_;
  }

  void End() {
    if (script_ == USCRIPT_LATIN) {
      if (non_ascii_) {
        ++tally_->latin_non_ascii_words;
      } else if (length_ <= kMaxFunctionWordLength) {
        const std::string_view word(buffer_.data(), length_);
        if (IsEnglishFunctionWord(word)) ++tally_->latin_function_words;
        if (IsForeignFunctionWord(word)) ++tally_->latin_foreign_words;
      }
    }
    script_ = USCRIPT_INVALID_CODE;
    length_ = 0;
    non_ascii_ = false;
  }

 private:
  Tally* tally_;
  UScriptCode script_ = USCRIPT_INVALID_CODE;
  std::array<char, kMaxFunctionWordLength> buffer_{};
  size_t length_ = 0;
  bool non_ascii_ = false;
};

bool IsAsciiLetter(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

Tally Count(std::string_view text) {
  Tally tally;
  WordState word(&tally);
  const HanVariantTable* variants = nullptr;
  bool variants_fetched = false;
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = utf8::Next(text, pos);
    UScriptCode script;
    if (cp < 0x80) {
      script = IsAsciiLetter(cp) ? USCRIPT_LATIN : USCRIPT_COMMON;
    } else {
      UErrorCode status = U_ZERO_ERROR;
      const auto u = static_cast<UChar32>(cp);
      script = uscript_getScript(u, &status);
      if (U_FAILURE(status)) script = USCRIPT_UNKNOWN;
      if ((U_GET_GC_MASK(u) & U_GC_M_MASK) != 0) {
        // Combining marks (Devanagari and Thai vowel signs too) continue the
        // current word.
        script = USCRIPT_INHERITED;
      } else if (!u_isalpha(u)) {
        // Letters only: a script's own punctuation and digits do not count.
        script = USCRIPT_COMMON;
      }
    }
    switch (script) {
      case USCRIPT_INHERITED:  // combining marks continue the current word
        break;
      case USCRIPT_HAN:
        word.End();
        ++tally.han;
        if (!variants_fetched) {
          variants = SharedHanVariants();
          variants_fetched = true;
          tally.han_table_missing = variants == nullptr;
        }
        if (variants != nullptr && utf8::IsHan(cp)) {
          if (variants->IsTraditionalOnly(cp)) ++tally.traditional_only;
          if (variants->IsSimplifiedOnly(cp)) ++tally.simplified_only;
        }
        break;
      case USCRIPT_HIRAGANA:
      case USCRIPT_KATAKANA:
        word.End();
        ++tally.kana;
        break;
      case USCRIPT_HANGUL:
        word.End();
        ++tally.hangul;
        break;
      default:
        if (script == USCRIPT_COMMON || script == USCRIPT_UNKNOWN ||
            static_cast<int>(script) < 0 ||
            static_cast<int>(script) >= kTrackedScripts) {
          word.End();
        } else if (IsUnspacedScript(script)) {
          word.End();
          ++tally.units[script];
        } else {
          word.Letter(script, cp);
        }
        break;
    }
  }
  word.End();
  return tally;
}

LanguageGuess Guess(std::string lang, std::string script, double confidence) {
  return LanguageGuess{std::move(lang), std::move(script), confidence};
}

LanguageGuess ChineseGuess(const Tally& t, double share) {
  if (t.han_table_missing) {
    return Guess("zh", "Hani", share * kDefaultedLanguageFactor);
  }
  const uint32_t evidence = t.traditional_only + t.simplified_only;
  if (evidence == 0) {
    return Guess("zh-Hans", "Hans", share * kDefaultedLanguageFactor);
  }
  if (t.traditional_only > t.simplified_only) {
    return Guess("zh-Hant", "Hant", share * t.traditional_only / evidence);
  }
  return Guess("zh-Hans", "Hans", share * t.simplified_only / evidence);
}

LanguageGuess LatinGuess(const Tally& t, double share) {
  const uint32_t words = t.units[USCRIPT_LATIN];
  if (words >= kMinWordsForEnglishRatio &&
      t.latin_function_words >= kEnglishFunctionWordShare * words &&
      t.latin_function_words > t.latin_foreign_words) {
    return Guess("en", "Latn", share);
  }
  // Titles, names and fragments ("Foreign Affairs, 9 October 2023"): no
  // evidence either way; plain ASCII without foreign function words is
  // taken as English, at reduced confidence.
  const bool plain =
      t.latin_foreign_words == 0 &&
      t.latin_non_ascii_words * kMaxNonAsciiWordShareInverse < words;
  if (plain || (words < kMinWordsForEnglishRatio &&
                t.latin_function_words > 0 && t.latin_foreign_words == 0)) {
    return Guess("en", "Latn", share * kDefaultedLanguageFactor);
  }
  return Guess("und", "Latn",
               words < kMinWordsForEnglishRatio
                   ? share * kDefaultedLanguageFactor
                   : share);
}

}  // namespace

LanguageGuess DetectLanguage(std::string_view utf8_text) {
  const Tally t = Count(utf8_text);

  // Candidate weights, in a fixed order so ties resolve deterministically:
  // CJK (Chinese or Japanese), Hangul, then the other scripts by code.
  const uint32_t cjk = t.han + t.kana;
  const bool japanese = t.kana > 0 && t.kana >= kJapaneseKanaShare * cjk;
  double total = static_cast<double>(cjk) + t.hangul;
  double best = cjk;
  int best_script = USCRIPT_HAN;
  if (t.hangul > best) {
    best = t.hangul;
    best_script = USCRIPT_HANGUL;
  }
  for (int s = 0; s < kTrackedScripts; ++s) {
    if (t.units[s] == 0) continue;
    const auto script = static_cast<UScriptCode>(s);
    const double weight = IsUnspacedScript(script)
                              ? t.units[s] / kUnspacedLettersPerWord
                              : static_cast<double>(t.units[s]);
    total += weight;
    if (weight > best) {
      best = weight;
      best_script = s;
    }
  }
  if (total <= 0.0) return Guess("und", "Zyyy", 0.0);

  const double share = best / total;
  const auto script = static_cast<UScriptCode>(best_script);
  switch (script) {
    case USCRIPT_HAN:
      if (japanese) return Guess("ja", "Jpan", share);
      return ChineseGuess(t, share);
    case USCRIPT_HANGUL:
      return Guess("ko", "Kore", share);
    case USCRIPT_LATIN:
      return LatinGuess(t, share);
    default:
      break;
  }
  const char* short_name = uscript_getShortName(script);
  return Guess(LanguageOfScript(script),
               short_name != nullptr ? short_name : "Zzzz", share);
}

}  // namespace trigon::text
