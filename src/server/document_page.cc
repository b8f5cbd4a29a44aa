#include "server/document_page.h"

#include <fmt/core.h>

#include "model/event.h"
#include "report/html_escape.h"
#include "report/svg_chart.h"
#include "server/json_writer.h"

namespace trigon::server {
namespace {

using report::EscapeHtml;

constexpr char kStyle[] = R"(<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:56rem;padding:1rem;color:#222}
header a{color:#05c}
#document-meta{color:#555;font-size:13px}
#document-meta dt{font-weight:600;float:left;clear:left;width:7rem}
#document-meta dd{margin-left:7.5rem}
#document-text{white-space:pre-wrap;border-top:1px solid #ddd;padding-top:1rem;margin-top:1rem}
mark.evidence{background:#ffe58a;padding:0 1px}
mark.evidence[data-kind~="trigger"]{background:#ffc94d;font-weight:600}
span.removed{color:#aaa}
table{border-collapse:collapse;font-size:13px;margin-top:1rem}
td,th{border-bottom:1px solid #eee;padding:2px 6px;text-align:left;vertical-align:top}
tr.focus{background:#fff6d5}
</style>)";

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : " ") + s;
  return out;
}

std::string JoinIds(const std::vector<int64_t>& v) {
  std::string out;
  for (const int64_t id : v) out += (out.empty() ? "" : " ") + std::to_string(id);
  return out;
}

std::string Head(std::string_view title) {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<link rel=\"icon\" href=\"data:,\">"
         "<title>" +
         EscapeHtml(title) + "</title>" + kStyle + "</head><body>";
}

void MetaRow(std::string& out, std::string_view name, std::string_view value_html) {
  out += "<dt>" + EscapeHtml(name) + "</dt><dd>" + std::string(value_html) + "</dd>";
}

}  // namespace

std::string RenderDocumentPage(const DocumentView& view) {
  const model::Document& d = view.document;
  const std::string title = d.title.empty() ? d.source_path : d.title;
  std::string out = Head(title + " - Trigon");
  out += "<header><a id=\"back\" href=\"/\">&larr; dashboard</a></header>";
  out += "<article id=\"document\" data-doc-id=\"" + EscapeHtml(d.id) + "\"";
  if (view.focus_event) out += " data-focus-event=\"" + std::to_string(*view.focus_event) + "\"";
  out += ">";
  out += "<h1 id=\"document-title\">" + EscapeHtml(title) + "</h1>";
  out += "<dl id=\"document-meta\">";
  MetaRow(out, "date",
          d.date ? EscapeHtml(*d.date) + " (" + EscapeHtml(d.date_basis) + ")" : "none found");
  MetaRow(out, "source", EscapeHtml(d.source_path));
  if (!d.url.empty()) {
    const std::string safe = report::SafeHttpUrl(d.url);
    MetaRow(out, "url",
            safe.empty() ? EscapeHtml(d.url)
                         : "<a rel=\"noreferrer noopener\" href=\"" + EscapeHtml(safe) + "\">" +
                               EscapeHtml(d.url) + "</a>");
  }
  MetaRow(out, "id", EscapeHtml(d.id));
  MetaRow(out, "events",
          std::to_string(view.events.size()) +
              (view.focus_event ? " (evidence of event " + std::to_string(*view.focus_event) +
                                      " highlighted; <a id=\"show-all\" href=\"/doc/" +
                                      EscapeHtml(d.id) + "\">show all</a>)"
                                : std::string()));
  out += "</dl>";
  out += "<div id=\"document-text\">";
  for (const Segment& s : view.segments) {
    const std::string text = EscapeHtml(std::string_view(d.text).substr(s.begin, s.end - s.begin));
    switch (s.kind) {
      case Segment::Kind::kText:
        out += text;
        break;
      case Segment::Kind::kEvidence:
        out += "<mark class=\"evidence\" data-kind=\"" + EscapeHtml(Join(s.evidence)) +
               "\" data-event-ids=\"" + JoinIds(s.event_ids) + "\">" + text + "</mark>";
        break;
      case Segment::Kind::kRemoved:
        out += "<span class=\"removed\" data-reason=\"" + EscapeHtml(s.reason) + "\" title=\"removed: " +
               EscapeHtml(s.reason) + "\">" + text + "</span>";
        break;
    }
  }
  out += "</div>";
  out += "<table id=\"document-events\"><thead><tr><th>id</th><th>date</th><th>source</th>"
         "<th>target</th><th>code</th><th>Goldstein</th><th>modality</th><th>evidence</th>"
         "</tr></thead><tbody>";
  for (const store::StoredEvent& e : view.events) {
    std::string evidence;
    for (const store::StoredEvidence& ev : e.evidence) {
      evidence += (evidence.empty() ? "" : "; ") + ev.kind + ": " + ev.text;
    }
    const bool focus = view.focus_event && *view.focus_event == e.id;
    out += "<tr class=\"event" + std::string(focus ? " focus" : "") + "\" data-event-id=\"" +
           std::to_string(e.id) + "\"><td><a href=\"/doc/" + EscapeHtml(d.id) + "?event=" +
           std::to_string(e.id) + "\">" + std::to_string(e.id) + "</a></td><td>" +
           EscapeHtml(e.event.date.value_or("")) + "</td><td>" + EscapeHtml(e.event.source) +
           "</td><td>" + EscapeHtml(e.event.target) + "</td><td>" + EscapeHtml(e.event.code) +
           "</td><td>" + report::FormatNumber(e.event.goldstein) + "</td><td>" +
           EscapeHtml(model::ModalityName(e.event.modality)) + "</td><td>" + EscapeHtml(evidence) +
           "</td></tr>";
  }
  out += "</tbody></table></article></body></html>\n";
  return out;
}

std::string RenderErrorPage(int status, std::string_view message) {
  std::string out = Head("Error " + std::to_string(status) + " - Trigon");
  out += "<header><a id=\"back\" href=\"/\">&larr; dashboard</a></header>";
  out += "<h1>Error " + std::to_string(status) + "</h1><p id=\"error\">" +
         EscapeHtml(SanitizeUtf8(message)) + "</p></body></html>\n";
  return out;
}

}  // namespace trigon::server
