#pragma once
// Cheap language and script identification for paragraphs of news text.
//
//   LanguageGuess g = trigon::text::DetectLanguage(paragraph_utf8);
//   if (g.lang == "zh-Hant") ...
//
// This is a script counter, not a statistical language model: it tells
// Chinese (Simplified vs Traditional), Japanese, Korean, Russian and the
// other scripts apart reliably, and English from other Latin-script
// languages with a function-word test.  It is meant for paragraphs and
// sentences; a single word is classified but with low confidence.

#include <string>
#include <string_view>

namespace trigon::text {

struct LanguageGuess {
  // BCP 47 tag: "en", "zh-Hans", "zh-Hant", "ja", "ko", "ru", "ar", "he",
  // "th", "el", "hi", ... or "und" when the language is not determined
  // (Latin text that does not look English, text without letters, a script
  // we do not map to a language).
  std::string lang;
  // ISO 15924 code of the dominant script: "Latn", "Hans", "Hant", "Jpan",
  // "Kore", "Cyrl", "Arab", "Hebr", "Thai", ... "Hani" for Chinese text whose
  // variant could not be checked (OpenCC data missing); "Zyyy" when the text
  // has no letters at all.
  std::string script;
  // In [0, 1]: the share of the text's letter weight (see below) that is in
  // the winning script, halved when the language within that script was a
  // default rather than evidence (a short Latin fragment taken as English,
  // Chinese text without any Simplified-only or Traditional-only
  // character).  For "und" with a real script it is the script's share;
  // 0 for "und"/"Zyyy".
  double confidence = 0.0;
};

// Classifies `utf8_text` by counting letters per script.
//
// Weights: one Han, kana or Hangul character counts as one unit, and so does
// one word (maximal letter run) of an alphabetic script, so a Chinese
// sentence with an English title in parentheses stays Chinese, and an
// English sentence quoting a Chinese name stays English.  Scripts written
// without spaces (Thai, Lao, Khmer, Myanmar) count one unit per four letters.
//
//  * Han + kana: Japanese ("ja"/"Jpan") when kana are at least 10% of the
//    Han and kana characters; otherwise Chinese.  Chinese is "zh-Hant" when
//    the text has more Traditional-only than Simplified-only characters,
//    else "zh-Hans" (also the default when it has neither).  A character is
//    Traditional-only if OpenCC's t2s changes it on its own and
//    Simplified-only if s2t changes it; the sets are computed once, on the
//    first call that sees Han text (about 0.15 s), from OpenCC's data.
//    Known noise: characters valid in both standards that s2t still changes
//    (U+540E, U+5E72, U+53F0, U+91CC) count as Simplified-only; the
//    majority vote absorbs it
//    in paragraph-length text.
//  * Latin: "en" when the text has four or more words, at least 15% of
//    them common English function words (the, of, and, is, ...), and more
//    English than French/Spanish/German/Italian/Portuguese/Dutch function
//    words (de, la, que, und, ...).  Otherwise, text without such foreign
//    function words and (almost) without accented words -- titles, names,
//    citations, fragments like "Endnotes" -- is "en" at half confidence;
//    the rest is "und".
//  * Cyrillic -> "ru", Hangul -> "ko", Arabic -> "ar", Hebrew -> "he",
//    Greek -> "el", Thai -> "th", Devanagari -> "hi"; other scripts give
//    "und" with their ISO 15924 code.
//  * No letters (digits, punctuation, symbols, space): "und"/"Zyyy".
//
// Never fails.  If OpenCC's data cannot be loaded, Chinese text is reported
// as "zh"/"Hani" at half confidence.
//
// Thread-safe: may be called concurrently; the one-time table build is a
// function-local static (initialised exactly once, like std::call_once).
// REQUIRES: `utf8_text` is valid UTF-8.
LanguageGuess DetectLanguage(std::string_view utf8_text);

}  // namespace trigon::text
