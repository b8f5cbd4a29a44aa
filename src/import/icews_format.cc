#include "import/icews_format.h"

#include <array>
#include <string_view>
#include <utility>

#include "import/country_names.h"
#include "import/field_parsers.h"

namespace trigon::import {
namespace {

enum Column { kId, kDate, kSourceCountry, kCode, kIntensity, kTargetCountry, kNumColumns };

constexpr std::array<std::string_view, kNumColumns> kNames = {
    "Event ID", "Event Date", "Source Country", "CAMEO Code", "Intensity", "Target Country"};

// ICEWS spellings (UN-style formal names) absent from the dictionary.
constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kSpellings = {{
    {"Russian Federation", "RUS"},
    {"Occupied Palestinian Territory", "PSE"},
    {"Korea, Republic of", "KOR"},
    {"Korea, Democratic People's Republic of", "PRK"},
    {"Moldova, Republic of", "MDA"},
    {"Iran, Islamic Republic of", "IRN"},
    {"the former Yugoslav Republic of Macedonia", "MKD"},
    {"Democratic Republic of Congo", "COD"},
    {"Congo, The Democratic Republic of the", "COD"},
    {"Congo", "COG"},
    {"Holy See", "VAT"},
    {"Cote d'Ivoire", "CIV"},
    {"Swaziland", "SWZ"},
    {"Tanzania, United Republic of", "TZA"},
    {"Syrian Arab Republic", "SYR"},
    {"Lao People's Democratic Republic", "LAO"},
    {"Libyan Arab Jamahiriya", "LBY"},
    {"Western Sahara", "ESH"},  // not in the dictionary (no state)
}};

class IcewsParser : public RowParser {
 public:
  IcewsParser(std::array<size_t, kNumColumns> index, size_t width, const ImportOptions& options)
      : index_(index), width_(width), options_(options) {}

  Result<ImportedEvent> Parse(const std::vector<std::string>& f, uint64_t /*line*/) const override {
    if (f.size() != width_) {
      return Status::InvalidArgument("expected " + std::to_string(width_) + " columns, found " +
                                     std::to_string(f.size()));
    }
    auto get = [&](Column c) -> std::string_view { return f[index_[c]]; };
    ImportedEvent out;
    model::Event& e = out.event;
    out.external_id = IsMissing(get(kId)) ? "" : std::string(get(kId));
    if (out.external_id.empty()) return Status::InvalidArgument("Event ID: empty");
    TRIGON_ASSIGN_OR_RETURN(std::string date, ParseDateField(get(kDate), kNames[kDate]));
    e.date = std::move(date);
    e.date_basis = model::DateBasis::kDocument;
    TRIGON_ASSIGN_OR_RETURN(e.source_country, Country(get(kSourceCountry), kSourceCountry));
    TRIGON_ASSIGN_OR_RETURN(e.target_country, Country(get(kTargetCountry), kTargetCountry));
    e.source = e.source_country;
    e.target = e.target_country;
    TRIGON_ASSIGN_OR_RETURN(std::string code, ParseCameoCodeField(get(kCode), "", kNames[kCode]));
    e.code = std::move(code);
    e.root = model::RootCode(e.code);
    e.quad_class = model::QuadClassGdelt(e.root);
    TRIGON_ASSIGN_OR_RETURN(e.goldstein, ParseGoldsteinField(get(kIntensity), kNames[kIntensity]));
    e.modality = model::Modality::kAsserted;
    return out;
  }

 private:
  Result<std::string> Country(std::string_view name, Column c) const {
    if (IsMissing(name)) return std::string();
    std::optional<std::string> code = options_.countries->Find(name);
    if (!code) {
      return Status::InvalidArgument(std::string(kNames[c]) + ": unknown country name '" +
                                     std::string(name) + "'");
    }
    return *code;
  }

  std::array<size_t, kNumColumns> index_;
  size_t width_;
  ImportOptions options_;
};

}  // namespace

bool IsIcewsHeader(const std::vector<std::string>& fields) {
  bool id = false, code = false;
  for (const std::string& f : fields) {
    id = id || f == kNames[kId];
    code = code || f == kNames[kCode];
  }
  return id && code;
}

void AddIcewsCountrySpellings(CountryNames& names) {
  // ICEWS's meaning wins: its "Congo" is the Republic of the Congo.
  for (const auto& [name, code] : kSpellings) names.Add(name, code, /*replace=*/true);
}

Result<std::unique_ptr<RowParser>> MakeIcewsParser(const std::vector<std::string>& header,
                                                   const ImportOptions& options) {
  if (options.countries == nullptr) {
    return Status::InvalidArgument("ICEWS import needs the country dictionary");
  }
  std::array<size_t, kNumColumns> index{};
  for (int c = 0; c < kNumColumns; ++c) {
    bool found = false;
    for (size_t i = 0; i < header.size() && !found; ++i) {
      if (header[i] == kNames[c]) {
        index[c] = i;
        found = true;
      }
    }
    if (!found) {
      return Status::InvalidArgument("ICEWS header lacks the column '" + std::string(kNames[c]) +
                                     "'");
    }
  }
  return std::unique_ptr<RowParser>(std::make_unique<IcewsParser>(index, header.size(), options));
}

}  // namespace trigon::import
