#include "model/event.h"

#include <array>
#include <utility>

namespace trigon::model {
namespace {

constexpr std::array<std::pair<std::string_view, Modality>, 6> kModalities = {{
    {"asserted", Modality::kAsserted},
    {"negated", Modality::kNegated},
    {"hypothetical", Modality::kHypothetical},
    {"advocated", Modality::kAdvocated},
    {"future", Modality::kFuture},
    {"historical", Modality::kHistorical},
}};

// Root as a number 1..20, or 0 if invalid.
int RootNumber(std::string_view root) {
  if (root.size() != 2 || root[0] < '0' || root[0] > '9' || root[1] < '0' ||
      root[1] > '9') {
    return 0;
  }
  const int n = (root[0] - '0') * 10 + (root[1] - '0');
  constexpr int kLastRoot = 20;
  return n >= 1 && n <= kLastRoot ? n : 0;
}

}  // namespace

std::string_view ModalityName(Modality m) {
  for (const auto& [name, value] : kModalities) {
    if (value == m) return name;
  }
  return "asserted";
}

bool ParseModality(std::string_view name, Modality* m) {
  for (const auto& [n, value] : kModalities) {
    if (n == name) {
      *m = value;
      return true;
    }
  }
  return false;
}

std::string_view DateBasisName(DateBasis b) {
  switch (b) {
    case DateBasis::kText:
      return "text";
    case DateBasis::kDocument:
      return "document";
    case DateBasis::kNone:
      return "none";
  }
  return "none";
}

std::string RootCode(std::string_view code) {
  if (code.size() < 2 || code.size() > 4) return "";
  for (char c : code) {
    if (c < '0' || c > '9') return "";
  }
  return std::string(code.substr(0, 2));
}

int QuadClassGdelt(std::string_view root) {
  // Table boundaries: GDELT 1.0 event codebook, "QuadClass".
  const int n = RootNumber(root);
  if (n == 0) return 0;
  if (n <= 5) return 1;
  if (n <= 9) return 2;
  if (n <= 14) return 3;
  return 4;
}

int QuadClassPhoenix(std::string_view root) {
  // Table: phoenix_pipeline postprocess.py quad_conversion.
  static constexpr std::array<int, 21> kQuad = {
      -1, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 3, 4, 4, 4, 4};
  return kQuad[RootNumber(root)];
}

}  // namespace trigon::model
