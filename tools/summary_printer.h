#pragma once
// Prints the store summary (documents, sentences per language, dates,
// near-duplicate links, removed spans, skips) shared by `ingest` and
// `summary`.

#include <cstdio>

namespace trigon::store {
struct StoreSummary;
}

namespace trigon::tools {

void PrintStoreSummary(std::FILE* out, const store::StoreSummary& summary);

}  // namespace trigon::tools
