#include "text/script_detector.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "testing/testing.h"

namespace trigon::text {
namespace {

void ExpectGuess(std::string_view text, const std::string& lang,
                 const std::string& script) {
  const LanguageGuess g = DetectLanguage(text);
  EXPECT_EQ(g.lang, lang) << text;
  EXPECT_EQ(g.script, script) << text;
  EXPECT_GE(g.confidence, 0.0);
  EXPECT_LE(g.confidence, 1.0);
}

TEST(ScriptDetectorTest, English) {
  const std::string text =
      "The second Trump administration has undertaken a peace deal with "
      "Russia. This policy may not simply reflect his affinity for Moscow.";
  ExpectGuess(text, "en", "Latn");
  EXPECT_GT(DetectLanguage(text).confidence, 0.9);
}

TEST(ScriptDetectorTest, OtherLatinLanguagesAreUndetermined) {
  ExpectGuess(
      "Le ministre des Affaires étrangères a déclaré que la France "
      "soutient l'Ukraine dans cette guerre.",
      "und", "Latn");
  ExpectGuess(
      "Der Außenminister sagte, dass Deutschland die Ukraine "
      "weiterhin unterstützen wird.",
      "und", "Latn");
  ExpectGuess(
      "El ministro de Asuntos Exteriores dijo que España apoya a "
      "Ucrania en esta guerra.",
      "und", "Latn");
}

TEST(ScriptDetectorTest,
     PlainAsciiTitlesAndCitationsAreEnglishAtHalfConfidence) {
  const LanguageGuess g = DetectLanguage(
      "[13] Thomas Graham, “What Russia Really Wants,” Foreign Affairs, 9 "
      "October 2023.");
  EXPECT_EQ(g.lang, "en");
  EXPECT_DOUBLE_EQ(g.confidence, 0.5);
  // Unaccented French still has French function words.
  ExpectGuess("Le president a declare que la France soutient les sanctions",
              "und", "Latn");
  // A foreign name does not make English foreign.
  ExpectGuess(
      "Ursula von der Leyen said that the union would respond to the tariffs.",
      "en", "Latn");
}

TEST(ScriptDetectorTest, ShortLatinFragmentsDefaultToEnglishAtHalfConfidence) {
  const LanguageGuess g = DetectLanguage("Endnotes");
  EXPECT_EQ(g.lang, "en");
  EXPECT_DOUBLE_EQ(g.confidence, 0.5);
  ExpectGuess("Premature Decoupling", "en", "Latn");
  ExpectGuess("Größe", "und", "Latn");
}

TEST(ScriptDetectorTest, SimplifiedChinese) {
  const LanguageGuess g = DetectLanguage(
      "特朗普就任后，立即着手兑现竞选承诺，积极推进俄乌冲突的和平进程。");
  EXPECT_EQ(g.lang, "zh-Hans");
  EXPECT_EQ(g.script, "Hans");
  EXPECT_GT(g.confidence, 0.8);
}

TEST(ScriptDetectorTest, TraditionalChinese) {
  const LanguageGuess g = DetectLanguage(
      "美國國務卿馬爾科·盧比奧表達了這種看法,他認為美國必須阻止俄羅斯成為中國的"
      "「永久小夥伴」。");
  EXPECT_EQ(g.lang, "zh-Hant");
  EXPECT_EQ(g.script, "Hant");
  EXPECT_GT(g.confidence, 0.8);
}

TEST(ScriptDetectorTest, ChineseWithoutVariantEvidenceDefaultsToSimplified) {
  const LanguageGuess g = DetectLanguage("2025 年 3 月 17 日");
  EXPECT_EQ(g.lang, "zh-Hans");
  EXPECT_DOUBLE_EQ(g.confidence, 0.5);
}

TEST(ScriptDetectorTest, Japanese) {
  ExpectGuess(
      "安倍外交七年八ヵ月を語る「自由で開かれたインド太平洋」にみる戦略的思考",
      "ja", "Jpan");
  ExpectGuess("東京で会談が行われた", "ja", "Jpan");
}

TEST(ScriptDetectorTest, OtherScripts) {
  ExpectGuess("대한민국 외교부는 성명을 발표했다", "ko", "Kore");
  ExpectGuess("Как на Дальнем Востоке ФСБ заводит дела о шпионаже", "ru",
              "Cyrl");
  ExpectGuess("قالت وزارة الخارجية إن المحادثات مستمرة", "ar", "Arab");
  ExpectGuess("משרד החוץ הודיע על הפסקת אש", "he", "Hebr");
  ExpectGuess("กระทรวงการต่างประเทศไทยออกแถลงการณ์", "th", "Thai");
  ExpectGuess("Το υπουργείο Εξωτερικών ανακοίνωσε", "el", "Grek");
  ExpectGuess("विदेश मंत्रालय ने बयान जारी किया", "hi", "Deva");
  ExpectGuess("საქართველოს საგარეო საქმეთა სამინისტრო", "und", "Geor");
}

TEST(ScriptDetectorTest, NoLetters) {
  for (std::string_view text :
       {"", "   ", "12,345.67 — !!!", "[1] 2019.", "==>>"}) {
    const LanguageGuess g = DetectLanguage(text);
    EXPECT_EQ(g.lang, "und") << text;
    EXPECT_EQ(g.script, "Zyyy") << text;
    EXPECT_EQ(g.confidence, 0.0) << text;
  }
}

TEST(ScriptDetectorTest, MixedLinesGoToTheMajority) {
  // 10 Han characters against 4 English words.
  ExpectGuess("中国外交部(Ministry of Foreign Affairs)周一发表声明", "zh-Hans",
              "Hans");
  // 12 English words against 3 Han characters.
  ExpectGuess(
      "President Xi Jinping (习近平) met Trump in Beijing on Monday to "
      "discuss trade",
      "en", "Latn");
  ExpectGuess("安倍晉三回顧錄出版 (Tokyo: Chuokoronshinsha, 2023)", "zh-Hant",
              "Hant");
}

TEST(ScriptDetectorTest, ConcurrentCallsAgree) {
  const std::string trad =
      "這項政策或許不僅反映了唐納德·川普對莫斯科的個人親和力";
  const std::string simp =
      "这项政策或许不仅反映了唐纳德·川普对莫斯科的个人亲和力";
  std::vector<std::thread> threads;
  std::vector<std::string> results(8);
  for (size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const LanguageGuess g = DetectLanguage(t % 2 == 0 ? trad : simp);
        if (i == 0) results[t] = g.lang;
        if (g.lang != results[t]) results[t] = "unstable";
      }
    });
  }
  for (auto& th : threads) th.join();
  for (size_t t = 0; t < results.size(); ++t) {
    EXPECT_EQ(results[t], t % 2 == 0 ? "zh-Hant" : "zh-Hans");
  }
}

// Every Chinese paragraph of the Traditional blog repost with at least 20
// characters is detected as Traditional, and every paragraph of the
// Simplified aggregator page as Simplified.
TEST(ScriptDetectorTest, ExampleParagraphs) {
  const std::string shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared not present";
  struct Case {
    const char* file;
    const char* lang;
  };
  for (const Case c : {Case{"blog-repost-reverse-nixon.txt", "zh-Hant"},
                       Case{"aggregator-zh-hans-ceasefire.txt", "zh-Hans"}}) {
    const std::string text =
        testing::ReadFileOrEmpty(shared + "/examples/" + c.file);
    size_t pos = 0;
    int checked = 0;
    while (pos < text.size()) {
      size_t end = text.find("\n\n", pos);
      if (end == std::string::npos) end = text.size();
      const std::string_view paragraph(text.data() + pos, end - pos);
      pos = end + 2;
      const LanguageGuess g = DetectLanguage(paragraph);
      if (g.lang.rfind("zh", 0) != 0 || paragraph.size() < 60) continue;
      EXPECT_EQ(g.lang, c.lang) << paragraph;
      ++checked;
    }
    EXPECT_GT(checked, 10) << c.file;
  }
}

}  // namespace
}  // namespace trigon::text
