#include "summary_printer.h"

#include <fmt/core.h>

#include "store/database.h"

namespace trigon::tools {

void PrintStoreSummary(std::FILE* out, const store::StoreSummary& s) {
  fmt::print(out, "documents        {}\n", s.documents);
  fmt::print(out, "sentences        {}\n", s.sentences);
  for (const auto& [lang, n] : s.sentences_by_lang) {
    fmt::print(out, "  {:<14} {}\n", lang, n);
  }
  fmt::print(out, "dated documents  {} of {}\n", s.dated_documents, s.documents);
  for (const auto& [basis, n] : s.dates_by_basis) {
    fmt::print(out, "  {:<14} {}\n", basis, n);
  }
  fmt::print(out, "near-duplicate links {}\n", s.links);
  int64_t removed = 0;
  for (const auto& r : s.removed_by_reason) removed += r.second;
  fmt::print(out, "removed spans    {}\n", removed);
  for (const auto& [reason, n] : s.removed_by_reason) {
    fmt::print(out, "  {:<18} {}\n", reason, n);
  }
  fmt::print(out, "skipped inputs   {}\n", s.skipped);
}

}  // namespace trigon::tools
