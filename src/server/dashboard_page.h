#pragma once
// The dashboard page (GET /) and its script (GET /dashboard.js): static
// text, no data.  The script reads the JSON API (docs/dashboard.md) and
// builds the DOM with createElement/textContent only, never innerHTML,
// so news text cannot become markup.  Element ids and data attributes
// are a stable interface for browser tests: docs/dashboard.md.
//
// Thread-safety: pure functions.

#include <string>

namespace trigon::server {

std::string DashboardHtml();
std::string DashboardScript();

}  // namespace trigon::server
