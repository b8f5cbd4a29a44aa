#include "store/connection.h"

namespace trigon::store::internal {

bool IsPostgresUrl(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

}  // namespace trigon::store::internal
