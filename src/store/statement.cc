#include "store/statement.h"

#include <ctime>

namespace trigon::store::internal {

std::string NowUtc() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Statement& Statement::BindOptional(int index, const std::optional<std::string>& text) {
  return text ? Bind(index, std::string_view(*text)) : BindNull(index);
}

Status Statement::Run() {
  for (;;) {
    TRIGON_ASSIGN_OR_RETURN(const bool row, Step());
    if (!row) return Status::OK();
  }
}

std::optional<std::string> Statement::ColumnOptionalText(int col) const {
  if (ColumnIsNull(col)) return std::nullopt;
  return ColumnText(col);
}

}  // namespace trigon::store::internal
