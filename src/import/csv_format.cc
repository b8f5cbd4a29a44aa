#include "import/csv_format.h"

#include <array>
#include <cctype>
#include <optional>
#include <string_view>
#include <utility>

#include "base/hash.h"
#include "import/country_names.h"
#include "import/field_parsers.h"

namespace trigon::import {
namespace {

enum Column {
  kDate,
  kSource,
  kTarget,
  kGoldstein,
  kCode,
  kQuad,
  kId,
  kSourceCountry,
  kTargetCountry,
  kNumColumns,
};
constexpr int kNumRequired = 4;  // kDate..kGoldstein

constexpr std::array<std::string_view, kNumColumns> kNames = {
    "date", "source", "target",         "goldstein",     "code",
    "quad", "id",     "source_country", "target_country"};

std::string Lower(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r') continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

using Index = std::array<std::optional<size_t>, kNumColumns>;

Index MapHeader(const std::vector<std::string>& header) {
  Index index;
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string name = Lower(header[i]);
    for (int c = 0; c < kNumColumns; ++c) {
      if (name == kNames[c] && !index[c]) index[c] = i;
    }
  }
  return index;
}

class GenericCsvParser : public RowParser {
 public:
  GenericCsvParser(Index index, size_t width, const ImportOptions& options)
      : index_(index), width_(width), options_(options) {}

  Result<ImportedEvent> Parse(const std::vector<std::string>& f, uint64_t line) const override {
    if (f.size() != width_) {
      return Status::InvalidArgument("expected " + std::to_string(width_) + " columns, found " +
                                     std::to_string(f.size()));
    }
    auto get = [&](Column c) -> std::string_view {
      return index_[c] ? std::string_view(f[*index_[c]]) : std::string_view();
    };
    ImportedEvent out;
    model::Event& e = out.event;
    TRIGON_ASSIGN_OR_RETURN(std::string date, ParseDateField(get(kDate), kNames[kDate]));
    e.date = std::move(date);
    e.date_basis = model::DateBasis::kDocument;
    e.source = std::string(get(kSource));
    e.target = std::string(get(kTarget));
    if (e.source.empty()) return Status::InvalidArgument("source: empty");
    if (e.target.empty()) return Status::InvalidArgument("target: empty");
    e.source_country = index_[kSourceCountry] ? std::string(get(kSourceCountry))
                                              : CountryOfActor(e.source, options_.countries);
    e.target_country = index_[kTargetCountry] ? std::string(get(kTargetCountry))
                                              : CountryOfActor(e.target, options_.countries);
    TRIGON_ASSIGN_OR_RETURN(e.goldstein, ParseGoldsteinField(get(kGoldstein), kNames[kGoldstein]));
    e.code = std::string(get(kCode));
    if (index_[kQuad] && !get(kQuad).empty()) {
      TRIGON_ASSIGN_OR_RETURN(int64_t quad, ParseCountField(get(kQuad), kNames[kQuad]));
      if (quad > 4) {
        return Status::InvalidArgument("quad: not 0-4 '" + std::string(get(kQuad)) + "'");
      }
      e.quad_class = static_cast<int>(quad);
    }
    e.modality = model::Modality::kAsserted;
    if (index_[kId]) {
      out.external_id = std::string(get(kId));
      if (out.external_id.empty()) return Status::InvalidArgument("id: empty");
    } else {
      std::string joined;
      for (const std::string& field : f) {
        joined += field;
        joined += '\x1f';  // unit separator: fields cannot run together
      }
      out.external_id = ContentHashHex(joined) + ":" + std::to_string(line);
    }
    return out;
  }

 private:
  Index index_;
  size_t width_;
  ImportOptions options_;
};

}  // namespace

bool IsGenericCsvHeader(const std::vector<std::string>& header) {
  const Index index = MapHeader(header);
  for (int c = 0; c < kNumRequired; ++c) {
    if (!index[c]) return false;
  }
  return true;
}

Result<std::unique_ptr<RowParser>> MakeGenericCsvParser(const std::vector<std::string>& header,
                                                        const ImportOptions& options) {
  const Index index = MapHeader(header);
  std::string missing;
  for (int c = 0; c < kNumRequired; ++c) {
    if (!index[c]) missing += (missing.empty() ? "" : ", ") + std::string(kNames[c]);
  }
  if (!missing.empty()) {
    return Status::InvalidArgument("CSV header lacks the column(s) " + missing +
                                   " (needs date, source, target, goldstein)");
  }
  return std::unique_ptr<RowParser>(
      std::make_unique<GenericCsvParser>(index, header.size(), options));
}

}  // namespace trigon::import
