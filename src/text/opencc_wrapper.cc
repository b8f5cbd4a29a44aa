#include "text/opencc_wrapper.h"

#include <opencc/Lexicon.hpp>
#include <opencc/MarisaDict.hpp>
#include <opencc/opencc.h>

#include <algorithm>
#include <cstdio>

#include <exception>
#include <filesystem>
#include <system_error>
#include <utility>

#include "base/utf8.h"

namespace trigon::text::internal {
namespace {

const char* ConfigFileName(ChineseConversion conversion) {
  switch (conversion) {
    case ChineseConversion::kTraditionalToSimplified:
      return "t2s.json";
    case ChineseConversion::kSimplifiedToTraditional:
      return "s2t.json";
  }
  return "t2s.json";
}

// The dictionaries the configuration above uses (segmentation and the
// conversion chain), which PhraseBigrams reads.
std::vector<std::string> DictionaryFileNames(ChineseConversion conversion) {
  switch (conversion) {
    case ChineseConversion::kTraditionalToSimplified:
      return {"TSPhrases.ocd2", "TSCharacters.ocd2"};
    case ChineseConversion::kSimplifiedToTraditional:
      return {"STPhrases.ocd2", "STCharacters.ocd2"};
  }
  return {};
}

}  // namespace

Result<std::unique_ptr<ChineseConverter>> ChineseConverter::Open(
    ChineseConversion conversion) {
  const std::string path =
      std::string(TRIGON_OPENCC_DATA_DIR) + "/" + ConfigFileName(conversion);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::NotFound("OpenCC configuration not found: " + path);
  }
  try {
    auto impl = std::make_unique<opencc::SimpleConverter>(path);
    return std::unique_ptr<ChineseConverter>(
        new ChineseConverter(std::move(impl), conversion));
  } catch (const std::exception& e) {
    return Status::Internal("OpenCC failed to load " + path + ": " + e.what());
  }
}

ChineseConverter::ChineseConverter(
    std::unique_ptr<opencc::SimpleConverter> impl, ChineseConversion conversion)
    : impl_(std::move(impl)), conversion_(conversion) {}

ChineseConverter::~ChineseConverter() = default;

bool ChineseConverter::Convert(std::string_view utf8, std::string* out) const {
  try {
    out->append(impl_->Convert(std::string(utf8)));
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

bool ChineseConverter::ConvertEach(std::u32string_view cps,
                                   std::vector<std::u32string>* out) const {
  // One code point per line: no OpenCC phrase contains '\n', so each line is
  // converted on its own, but the whole batch costs one call.
  std::string batch;
  batch.reserve(cps.size() * 5);
  for (char32_t cp : cps) {
    utf8::Append(cp, batch);
    batch.push_back('\n');
  }
  std::string converted;
  if (!Convert(batch, &converted)) return false;

  std::vector<std::u32string> result;
  result.reserve(cps.size());
  std::u32string current;
  size_t pos = 0;
  while (pos < converted.size()) {
    const char32_t cp = utf8::Next(converted, pos);
    if (cp == '\n') {
      result.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(cp);
    }
  }
  if (!current.empty() || result.size() != cps.size()) return false;
  *out = std::move(result);
  return true;
}

bool ChineseConverter::ConvertRun(std::u32string_view cps, bool use_phrases,
                                  std::u32string* out,
                                  std::vector<uint32_t>* source) const {
  out->clear();
  source->clear();
  if (use_phrases) {
    std::string run;
    run.reserve(cps.size() * 3);
    for (char32_t cp : cps) utf8::Append(cp, run);
    std::string converted;
    if (!Convert(run, &converted)) return false;
    size_t pos = 0;
    while (pos < converted.size()) out->push_back(utf8::Next(converted, pos));
    if (out->size() == cps.size()) {
      for (uint32_t i = 0; i < cps.size(); ++i) source->push_back(i);
      return true;
    }
    // The phrase table changed the length: no code point correspondence,
    // so fall back to converting characters one by one.
    out->clear();
  }
  std::vector<std::u32string> each;
  if (!ConvertEach(cps, &each)) return false;
  for (uint32_t i = 0; i < each.size(); ++i) {
    out->append(each[i]);
    source->insert(source->end(), each[i].size(), i);
  }
  return true;
}

bool ChineseConverter::FindChangedHan(std::vector<bool>* changed) const {
  std::u32string han;
  for (char32_t cp = kFirstHanCodePoint; cp <= kLastHanCodePoint; ++cp) {
    if (utf8::IsHan(cp)) han.push_back(cp);
  }
  std::vector<std::u32string> converted;
  if (!ConvertEach(han, &converted)) return false;
  changed->assign(kHanTableSize, false);
  for (size_t i = 0; i < han.size(); ++i) {
    if (converted[i].size() != 1 || converted[i][0] != han[i]) {
      (*changed)[han[i] - kFirstHanCodePoint] = true;
    }
  }
  return true;
}

bool ChineseConverter::SingleCharTable(std::vector<char32_t>* single) const {
  std::u32string han;
  for (char32_t cp = kFirstHanCodePoint; cp <= kLastHanCodePoint; ++cp) {
    if (utf8::IsHan(cp)) han.push_back(cp);
  }
  std::vector<std::u32string> converted;
  if (!ConvertEach(han, &converted)) return false;
  single->assign(kHanTableSize, 0);
  for (size_t i = 0; i < han.size(); ++i) {
    if (converted[i].size() == 1) {
      (*single)[han[i] - kFirstHanCodePoint] = converted[i][0];
    }
  }
  return true;
}

bool ChineseConverter::PhraseBigrams(std::vector<uint64_t>* bigrams) const {
  bigrams->clear();
  for (const std::string& name : DictionaryFileNames(conversion_)) {
    const std::string path = std::string(TRIGON_OPENCC_DATA_DIR) + "/" + name;
    FILE* fp = std::fopen(path.c_str(), "rb");
    if (fp == nullptr) return false;
    try {
      const opencc::MarisaDictPtr dict = opencc::MarisaDict::NewFromFile(fp);
      std::fclose(fp);
      fp = nullptr;
      for (const auto& entry : *dict->GetLexicon()) {
        const std::string key = entry->Key();
        size_t pos = 0;
        const char32_t first = utf8::Next(key, pos);
        if (pos >= key.size()) continue;  // a single code point
        const char32_t second = utf8::Next(key, pos);
        bigrams->push_back((uint64_t{first} << 21) | second);
      }
    } catch (const std::exception&) {
      if (fp != nullptr) std::fclose(fp);
      return false;
    }
  }
  std::sort(bigrams->begin(), bigrams->end());
  bigrams->erase(std::unique(bigrams->begin(), bigrams->end()), bigrams->end());
  return true;
}

}  // namespace trigon::text::internal
