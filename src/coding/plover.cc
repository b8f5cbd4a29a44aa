#include "coding/plover.h"

#include <algorithm>
#include <iterator>

namespace trigon::coding {
namespace {

struct Row {
  std::string_view cameo;
  std::string_view event_type;
  std::string_view mode;
  std::string_view contexts;
};

constexpr Row kTable[] = {
#include "coding/plover_table.inc"
};

std::optional<PloverCategory> Exact(std::string_view code) {
  const auto* it = std::lower_bound(std::begin(kTable), std::end(kTable), code,
                                    [](const Row& r, std::string_view c) { return r.cameo < c; });
  if (it == std::end(kTable) || it->cameo != code) return std::nullopt;
  return PloverCategory{it->event_type, it->mode, it->contexts};
}

}  // namespace

std::optional<PloverCategory> PloverForCameo(std::string_view code) {
  for (size_t len = code.size(); len >= 2; --len) {
    if (auto found = Exact(code.substr(0, len))) return found;
  }
  return std::nullopt;
}

}  // namespace trigon::coding
