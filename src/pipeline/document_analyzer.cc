#include "pipeline/document_analyzer.h"

#include <algorithm>

#include "base/hash.h"
#include "ingest/date_finder.h"
#include "text/normalizer.h"
#include "text/script_detector.h"

namespace trigon::pipeline {
namespace {

bool IsChinese(const std::string& lang) { return lang == "zh-Hans" || lang == "zh-Hant"; }

// Short Chinese paragraphs ("相反,", a dateline) often contain no character
// that differs between the scripts; the detector then defaults to zh-Hans
// at half confidence (<= 0.5).  Such paragraphs take the script that the document's
// confidently classified Chinese paragraphs use most (by bytes).
void AssignParagraphLanguages(std::string_view text, std::vector<model::Paragraph>& paragraphs) {
  std::vector<double> confidence(paragraphs.size());
  uint64_t hans_bytes = 0;
  uint64_t hant_bytes = 0;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    model::Paragraph& p = paragraphs[i];
    const text::LanguageGuess g = text::DetectLanguage(text.substr(p.span.begin, p.span.size()));
    p.lang = g.lang;
    p.script = g.script;
    confidence[i] = g.confidence;
    if (g.confidence > 0.5) {
      if (g.lang == "zh-Hans") hans_bytes += p.span.size();
      if (g.lang == "zh-Hant") hant_bytes += p.span.size();
    }
  }
  if (hans_bytes == hant_bytes) return;
  const bool hant = hant_bytes > hans_bytes;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    model::Paragraph& p = paragraphs[i];
    if (IsChinese(p.lang) && confidence[i] <= 0.5) {
      p.lang = hant ? "zh-Hant" : "zh-Hans";
      p.script = hant ? "Hant" : "Hans";
    }
  }
}

}  // namespace

DocumentAnalyzer::DocumentAnalyzer(const AnalyzerOptions& options,
                                   std::unique_ptr<text::Normalizer> normalizer)
    : options_(options), normalizer_(std::move(normalizer)) {}

DocumentAnalyzer::~DocumentAnalyzer() = default;

Result<std::unique_ptr<DocumentAnalyzer>> DocumentAnalyzer::Create(
    const AnalyzerOptions& options) {
  TRIGON_ASSIGN_OR_RETURN(auto normalizer, text::Normalizer::Create());
  return std::unique_ptr<DocumentAnalyzer>(
      new DocumentAnalyzer(options, std::move(normalizer)));
}

void DocumentAnalyzer::Analyze(model::Document& doc, NormalizedSentences* normalized) const {
  if (normalized != nullptr) {
    normalized->by = normalizer_.get();
    normalized->sentences.clear();
  }
  // The id hashes the decoded text, so the same article read from a GBK
  // file and from a UTF-8 copy is one document.
  doc.id = ContentHashHex(doc.text);
  const std::string_view text(doc.text);

  ingest::CleanDocument(doc, options_.cleanup);
  AssignParagraphLanguages(text, doc.paragraphs);

  if (!doc.date) {
    std::vector<model::Span> spans;
    const size_t n = std::min<size_t>(doc.paragraphs.size(), options_.date_search_paragraphs);
    for (size_t i = 0; i < n; ++i) spans.push_back(doc.paragraphs[i].span);
    if (auto found = ingest::FindDateInText(text, spans)) {
      doc.date = found->date.iso;
      doc.date_basis = "text:" + found->date.format;
      doc.date_text = std::string(text.substr(found->span.begin, found->span.size()));
    }
  }

  const auto bounds = text::SplitSentences(text, doc.paragraphs, options_.sentences);
  doc.sentences.clear();
  doc.sentences.reserve(std::min<size_t>(bounds.size(), options_.max_sentences_per_document));
  for (const text::SentenceBoundary& b : bounds) {
    if (doc.sentences.size() == options_.max_sentences_per_document) {
      doc.removed.push_back({{b.span.begin, static_cast<uint32_t>(text.size())},
                             model::RemovalReason::kBoilerplate,
                             "over the limit of " +
                                 std::to_string(options_.max_sentences_per_document) +
                                 " sentences per document; not coded"});
      break;
    }
    model::Sentence s;
    s.index = static_cast<uint32_t>(doc.sentences.size());
    s.paragraph = b.paragraph;
    s.span = b.span;
    const std::string_view sentence_text = text.substr(b.span.begin, b.span.size());
    const text::LanguageGuess g = text::DetectLanguage(sentence_text);
    // A sentence without letters (a number, a date), or Chinese without a
    // script-specific character, takes its paragraph's language.
    const bool inherit = g.lang == "und" || (IsChinese(g.lang) && g.confidence <= 0.5);
    s.lang = inherit && b.paragraph < doc.paragraphs.size() &&
                     (g.lang == "und" || IsChinese(doc.paragraphs[b.paragraph].lang))
                 ? doc.paragraphs[b.paragraph].lang
                 : g.lang;
    text::NormalizedText norm = normalizer_->Normalize(sentence_text);
    if (normalized != nullptr) {
      s.normalized = norm.text;
      normalized->sentences.push_back(std::move(norm));
    } else {
      s.normalized = std::move(norm.text);
    }
    doc.sentences.push_back(std::move(s));
  }
}

}  // namespace trigon::pipeline
