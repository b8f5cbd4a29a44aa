#pragma once
// The document page of the dashboard (GET /doc/<id>): title, metadata,
// the text with evidence as <mark class="evidence"> and removed noise
// greyed, and the document's events.  Rendered on the server, no script;
// every piece of text passes through report::EscapeHtml.  Element ids:
// docs/dashboard.md.
//
// Thread-safety: pure functions.

#include <string>
#include <string_view>

#include "server/document_view.h"

namespace trigon::server {

std::string RenderDocumentPage(const DocumentView& view);

// A minimal page for an error status (404, 400 ...) with the message.
std::string RenderErrorPage(int status, std::string_view message);

}  // namespace trigon::server
