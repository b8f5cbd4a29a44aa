#include "import/gdelt_format.h"

#include <array>
#include <string_view>
#include <utility>

#include "import/country_names.h"
#include "import/field_parsers.h"

namespace trigon::import {
namespace {

enum Column {
  kId,
  kDate,
  kActor1,
  kActor1Country,
  kActor2,
  kActor2Country,
  kCode,
  kRoot,
  kQuad,
  kGoldstein,
  kMentions,
  kNumColumns,
};

constexpr std::array<std::string_view, kNumColumns> kNames = {
    "GLOBALEVENTID", "SQLDATE",           "Actor1Code", "Actor1CountryCode",
    "Actor2Code",    "Actor2CountryCode", "EventCode",  "EventRootCode",
    "QuadClass",     "GoldsteinScale",    "NumMentions"};
// Positions in GDELT's fixed order (identical in 1.0 and 2.0).
constexpr std::array<size_t, kNumColumns> kFixed = {0, 1, 5, 7, 15, 17, 26, 28, 29, 30, 31};

std::string Value(std::string_view s) { return IsMissing(s) ? "" : std::string(s); }

class GdeltParser : public RowParser {
 public:
  GdeltParser(std::array<size_t, kNumColumns> index, std::vector<size_t> widths,
              const ImportOptions& options)
      : index_(index), widths_(std::move(widths)), options_(options) {}

  Result<ImportedEvent> Parse(const std::vector<std::string>& f, uint64_t /*line*/) const override {
    bool width_ok = false;
    for (size_t w : widths_) width_ok = width_ok || f.size() == w;
    if (!width_ok) {
      std::string expected;
      for (size_t w : widths_) {
        expected += (expected.empty() ? "" : " or ") + std::to_string(w);
      }
      return Status::InvalidArgument("expected " + expected + " columns, found " +
                                     std::to_string(f.size()));
    }
    auto get = [&](Column c) -> std::string_view { return f[index_[c]]; };
    ImportedEvent out;
    model::Event& e = out.event;
    out.external_id = Value(get(kId));
    if (out.external_id.empty()) {
      return Status::InvalidArgument("GLOBALEVENTID: empty");
    }
    TRIGON_ASSIGN_OR_RETURN(std::string date, ParseDateField(get(kDate), kNames[kDate]));
    e.date = std::move(date);
    e.date_basis = model::DateBasis::kDocument;
    e.source = Value(get(kActor1));
    e.target = Value(get(kActor2));
    e.source_country = Value(get(kActor1Country));
    if (e.source_country.empty()) e.source_country = CountryOfActor(e.source, options_.countries);
    e.target_country = Value(get(kActor2Country));
    if (e.target_country.empty()) e.target_country = CountryOfActor(e.target, options_.countries);
    std::string root = Value(get(kRoot));
    if (root.size() == 1) root = "0" + root;
    TRIGON_ASSIGN_OR_RETURN(std::string code, ParseCameoCodeField(get(kCode), root, kNames[kCode]));
    e.code = std::move(code);
    e.root = model::RootCode(e.code);
    if (IsMissing(get(kQuad))) {
      e.quad_class = model::QuadClassGdelt(e.root);
    } else {
      TRIGON_ASSIGN_OR_RETURN(int64_t quad, ParseCountField(get(kQuad), kNames[kQuad]));
      if (quad < 1 || quad > 4) {
        return Status::InvalidArgument("QuadClass: not 1-4 '" + std::string(get(kQuad)) + "'");
      }
      e.quad_class = static_cast<int>(quad);
    }
    TRIGON_ASSIGN_OR_RETURN(e.goldstein, ParseGoldsteinField(get(kGoldstein), kNames[kGoldstein]));
    if (!IsMissing(get(kMentions))) {
      TRIGON_ASSIGN_OR_RETURN(int64_t mentions, ParseCountField(get(kMentions), kNames[kMentions]));
      e.mentions = static_cast<uint32_t>(mentions);
    }
    e.modality = model::Modality::kAsserted;
    return out;
  }

 private:
  std::array<size_t, kNumColumns> index_;
  std::vector<size_t> widths_;
  ImportOptions options_;
};

}  // namespace

bool IsGdeltHeader(const std::vector<std::string>& fields) {
  for (const std::string& f : fields) {
    if (f == kNames[kId]) return true;
  }
  return false;
}

std::unique_ptr<RowParser> MakeGdeltParser(size_t columns, const ImportOptions& options) {
  std::vector<size_t> widths = {columns};
  if (columns == kGdelt1Columns || columns == kGdelt1UrlColumns) {
    widths = {kGdelt1Columns, kGdelt1UrlColumns};
  }
  return std::make_unique<GdeltParser>(kFixed, std::move(widths), options);
}

Result<std::unique_ptr<RowParser>> MakeGdeltParserFromHeader(const std::vector<std::string>& header,
                                                             const ImportOptions& options) {
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
      return Status::InvalidArgument("GDELT header lacks the column " + std::string(kNames[c]));
    }
  }
  return std::unique_ptr<RowParser>(
      std::make_unique<GdeltParser>(index, std::vector<size_t>{header.size()}, options));
}

}  // namespace trigon::import
