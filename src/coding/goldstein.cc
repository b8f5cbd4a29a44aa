#include "coding/goldstein.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace trigon::coding {
namespace {

struct Entry {
  std::string_view code;
  double weight;
};

constexpr Entry kTable[] = {
#include "coding/goldstein_table.inc"
};

}  // namespace

std::optional<double> GoldsteinScale(std::string_view code) {
  for (std::string_view c = code; c.size() >= 2; c.remove_suffix(1)) {
    const Entry* it = std::lower_bound(
        std::begin(kTable), std::end(kTable), c,
        [](const Entry& e, std::string_view key) { return e.code < key; });
    if (it != std::end(kTable) && it->code == c) return it->weight;
  }
  return std::nullopt;
}

}  // namespace trigon::coding
