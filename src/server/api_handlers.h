#pragma once
// The JSON API of the dashboard (docs/dashboard.md), one function per
// endpoint: validated query parameters in, an ApiResponse out.  Bad
// parameters give 400 with a message naming the parameter; a missing
// event or document gives 404.  Handlers only read the database.
//
// Thread-safety: as store::Database (one thread at a time per handle).

#include <string>
#include <string_view>

#include "server/api_params.h"
#include "server/api_response.h"

namespace trigon::store {
class Database;
}

namespace trigon::server {

// GET /api/summary.  `database_label` is shown as "database".
ApiResponse HandleSummary(store::Database& db, const Params& params,
                          const std::string& database_label);
// GET /api/triangle.
ApiResponse HandleTriangle(store::Database& db, const Params& params);
// GET /api/series.
ApiResponse HandleSeries(store::Database& db, const Params& params);
// GET /api/events.
ApiResponse HandleEvents(store::Database& db, const Params& params);
// GET /api/events/<id>.
ApiResponse HandleEvent(store::Database& db, std::string_view id, const Params& params);
// GET /api/documents/<id>.
ApiResponse HandleDocument(store::Database& db, std::string_view id, const Params& params);
// GET /doc/<id>: the document page (HTML; errors as short HTML pages).
ApiResponse HandleDocumentPage(store::Database& db, std::string_view id, const Params& params);

}  // namespace trigon::server
