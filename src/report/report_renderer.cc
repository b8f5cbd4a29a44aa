// The report page.  Sections are written in a fixed order; each is a
// function of the model only.  Escaping happens at the last moment, right
// where model text meets markup, always through EscapeHtml.
#include "report/report_renderer.h"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "report/html_escape.h"
#include "report/svg_chart.h"
#include "report/svg_triangle.h"

namespace trigon::report {
namespace {

constexpr size_t kExcerptBytes = 140;
constexpr double kSignificance = 0.05;
constexpr double kSeriesWidth = 440;
constexpr double kSeriesHeight = 170;
constexpr double kIrfWidth = 170;
constexpr double kIrfHeight = 110;
constexpr double kScenarioWidth = 420;
constexpr double kScenarioHeight = 180;

constexpr char kCss[] = R"(
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1360px;padding:0 16px 40px;color:#222}
h1{margin:16px 0 4px}h2{border-bottom:2px solid #ccc;margin-top:32px}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3}.num{text-align:right;font-variant-numeric:tabular-nums}
.meta td:first-child{font-weight:600}
.multiples{display:flex;flex-wrap:wrap;gap:6px}
.multiples figure{margin:0;border:1px solid #e3e3e3;padding:2px}
figcaption{font-size:12px;text-align:center;color:#444}
svg text{font-size:11px;fill:#333}
svg.triangle text.actor{font-weight:700;text-anchor:middle;font-size:11px}
svg.triangle text.role{text-anchor:middle;font-size:10px;fill:#555}
svg.triangle text.edge-label{font-size:9px;text-anchor:middle;fill:#444;paint-order:stroke;stroke:#fff;stroke-width:3px}
svg.triangle .node circle{fill:#fff;stroke:#333;stroke-width:1.5}
svg.triangle .node circle.ring{fill:none;stroke:#d08a00;stroke-width:3}
.edge-amity line{stroke:#2a9d4b}.edge-enmity line{stroke:#d33a2c}
.edge-neutral line,.edge-insufficient line{stroke:#999;stroke-dasharray:4 3}
.cfg-menage_a_trois{fill:#2a9d4b}.cfg-romantic_triangle{fill:#8bc34a}
.cfg-stable_marriage{fill:#f0a030}.cfg-unit_veto{fill:#d33a2c}.cfg-indeterminate{fill:#ccc}
.legend span{display:inline-block;padding:0 6px;margin-right:4px;border-radius:3px;color:#fff;font-size:12px}
.legend .cfg-menage_a_trois{background:#2a9d4b}.legend .cfg-romantic_triangle{background:#8bc34a}
.legend .cfg-stable_marriage{background:#f0a030}.legend .cfg-unit_veto{background:#d33a2c}
.legend .cfg-indeterminate{background:#aaa}
rect.plot{fill:#fafafa;stroke:#ccc}line.zero{stroke:#888;stroke-dasharray:2 2}
polyline{fill:none;stroke-width:1.6}
polyline.s-sum{stroke:#1f5fbf}polyline.s-coop{stroke:#2a9d4b}polyline.s-conf{stroke:#d33a2c}
polyline.s-irf,polyline.s-effect{stroke:#1f5fbf}
circle.pt{fill:#fff;stroke-width:1.2}circle.s-sum{stroke:#1f5fbf}circle.pt:hover{fill:#1f5fbf}
polygon.band{fill:#1f5fbf;fill-opacity:.15;stroke:none}
.key span{margin-right:12px}.key .k-sum{color:#1f5fbf}.key .k-coop{color:#2a9d4b}.key .k-conf{color:#d33a2c}
.sig{font-weight:700}.note{color:#555}
details.evidence{margin:2px 0}details.evidence summary{cursor:pointer}
td.sentence{max-width:620px}tr.ev-row td:first-child,tr.ev-row td:last-child{white-space:nowrap}.more{color:#777;font-style:italic}
.irf-grid td{padding:0;border:1px solid #eee}.irf-grid th{font-size:11px}
.panel{display:flex;flex-wrap:wrap;gap:24px}
)";

constexpr char kScript[] = R"(
(function(){
  var b=document.getElementById('toggle-evidence');
  if(!b)return;
  b.addEventListener('click',function(){
    var all=document.querySelectorAll('details.evidence');
    var open=b.getAttribute('data-open')!=='1';
    for(var i=0;i<all.length;i++){all[i].open=open;}
    b.setAttribute('data-open',open?'1':'0');
    b.textContent=open?'Collapse all':'Expand all';
  });
})();
)";

std::string E(std::string_view s) { return EscapeHtml(s); }

std::string PValue(double p) { return p < 1e-4 ? "<1e-4" : fmt::format("{:.4f}", p); }

// The first `max` bytes of `s`, cut at a UTF-8 character boundary, with an
// ellipsis when cut.
std::string Excerpt(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end) + "\xE2\x80\xA6";
}

std::string CountTable(const char* id, const char* what, const std::vector<Count>& counts) {
  std::string out = fmt::format("<table id=\"{}\"><tr><th>{}</th><th>count</th></tr>", id, what);
  if (counts.empty()) out += "<tr><td colspan=\"2\" class=\"note\">none</td></tr>";
  for (const Count& c : counts) {
    out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td></tr>", E(c.name), c.n);
  }
  return out + "</table>";
}

std::string Summary(const ReportModel& m) {
  std::string origins;
  for (const std::string& o : m.origins) origins += (origins.empty() ? "" : ", ") + o;
  std::string out = "<section id=\"summary\"><h1>" + E(m.title) + "</h1><table class=\"meta\">";
  auto row = [&](const char* k, const std::string& v) {
    out += fmt::format("<tr><td>{}</td><td>{}</td></tr>", k, E(v));
  };
  row("database", m.database);
  row("actors", m.actors[0] + ", " + m.actors[1] + ", " + m.actors[2]);
  row("period", m.period);
  row("origins",
      (origins.empty() ? std::string("none") : origins) + " (filter: " + m.origin_filter + ")");
  row("events", std::to_string(m.events) + " in the series; " +
                    std::to_string(m.quality.undated_events) + " without a full date excluded");
  row("periods", std::to_string(m.periods.size()));
  row("input", m.input);
  row("generated", m.generated);
  out += "</table></section>\n";
  return out;
}

std::string Triangles(const ReportModel& m) {
  std::string out =
      "<section id=\"triangles\"><h2>Strategic triangle per period</h2>"
      "<p class=\"legend\">Edges: <span "
      "style=\"background:#2a9d4b\">amity</span>"
      "<span style=\"background:#d33a2c\">enmity</span>"
      "<span style=\"background:#999\">neutral / insufficient (dashed)</span> "
      "width grows with "
      "|statistic|; the pivot is ringed.</p>"
      "<h3>Configuration timeline</h3><div id=\"timeline-strip\">";
  out += SvgTimeline(m.periods);
  out +=
      "</div><p class=\"legend\"><span "
      "class=\"cfg-menage_a_trois\">menage_a_trois</span>"
      "<span class=\"cfg-romantic_triangle\">romantic_triangle</span>"
      "<span class=\"cfg-stable_marriage\">stable_marriage</span>"
      "<span class=\"cfg-unit_veto\">unit_veto</span>"
      "<span class=\"cfg-indeterminate\">indeterminate</span></p>"
      "<div class=\"multiples\" id=\"triangle-multiples\">";
  for (const PeriodView& p : m.periods) {
    out += "<figure class=\"period\" data-period=\"" + E(p.label) + "\">" +
           SvgTriangle(p, m.actors) + "<figcaption>" + E(p.label) + "<br>" + E(p.configuration) +
           "</figcaption></figure>";
  }
  if (m.periods.empty()) out += "<p class=\"note\">No periods: no events among the actors.</p>";
  out += "</div></section>\n";
  return out;
}

std::string PointTitle(const std::string& period, const std::string& dyad, const SeriesCell& c) {
  std::string t = fmt::format("{} {}: Goldstein sum {}, cooperation {}, conflict {}, {} events",
                              period, dyad, FormatNumber(c.goldstein_sum),
                              FormatNumber(c.cooperation), FormatNumber(c.conflict), c.events);
  for (const EvidenceRow& r : c.top) {
    t += fmt::format("\n{} {} ({}) {}", r.date, r.code, FormatNumber(r.goldstein),
                     Excerpt(r.sentence.empty() ? r.doc_title : r.sentence, kExcerptBytes));
  }
  return t;
}

std::string Series(const ReportModel& m) {
  std::string out =
      "<section id=\"series\"><h2>Directed-dyad series</h2><p class=\"key\">"
      "<span class=\"k-sum\">&#9644; Goldstein sum</span><span "
      "class=\"k-coop\">&#9644; "
      "cooperation</span><span class=\"k-conf\">&#9644; conflict</span> per "
      "period; hover a "
      "point for the period's top 3 events.</p><div class=\"multiples\">";
  std::vector<std::string> labels;
  for (const PeriodView& p : m.periods) labels.push_back(p.label);
  for (size_t d = 0; d < m.dyads.size(); ++d) {
    ChartSpec spec;
    spec.id = fmt::format("series-chart-{}", d);
    spec.css_class = "series-chart";
    spec.label = m.dyads[d] + " Goldstein series";
    spec.width = kSeriesWidth;
    spec.height = kSeriesHeight;
    spec.x_labels = labels;
    ChartLine sum{"s-sum", {}, {}}, coop{"s-coop", {}, {}}, conf{"s-conf", {}, {}};
    for (const PeriodView& p : m.periods) {
      const SeriesCell& c = p.cells[d];
      sum.values.push_back(c.goldstein_sum);
      coop.values.push_back(c.cooperation);
      conf.values.push_back(c.conflict);
      sum.titles.push_back(PointTitle(p.label, m.dyads[d], c));
    }
    spec.lines = {coop, conf, sum};
    out += "<figure data-dyad=\"" + E(m.dyads[d]) + "\">" + SvgLineChart(spec) + "<figcaption>" +
           E(m.dyads[d]) + "</figcaption></figure>";
  }
  out += "</div></section>\n";
  return out;
}

std::string TestCells(bool has, double f, double p) {
  if (!has) return "<td class=\"num\">-</td><td class=\"num\">-</td>";
  return fmt::format("<td class=\"num\">{:.3f}</td><td class=\"num{}\">{}</td>", f,
                     p < kSignificance ? " sig" : "", E(PValue(p)));
}

std::string Var(const ReportModel& m) {
  const VarView& v = m.var;
  std::string out = "<section id=\"var\"><h2>VAR: routine, reciprocity, triangularity</h2>";
  if (!v.estimated) {
    out += "<p id=\"var-unavailable\" class=\"note\">The VAR was not estimated: " + E(v.why_not) +
           "</p></section>\n";
    return out;
  }
  out += fmt::format(
      "<p>VAR({}) over {} periods ({} observations), lag chosen "
      "by BIC up to {} lags; BIC {:.3f}; "
      "{}.{}</p>",
      v.lags, v.periods, v.nobs, v.maxlags, v.bic, v.stable ? "stable" : "NOT stable",
      v.note.empty() ? std::string() : " " + E(v.note));
  out +=
      "<table id=\"var-table\"><tr><th>dyad</th><th>routine "
      "F</th><th>p</th><th>sum</th>"
      "<th>reciprocity F</th><th>p</th><th>sum</th><th>triangularity "
      "F</th><th>p</th></tr>";
  for (const VarDyadRow& r : v.dyads) {
    out += "<tr class=\"var-row\" data-dyad=\"" + E(r.dyad) + "\"><td>" + E(r.dyad) + "</td>" +
           TestCells(true, r.routine_f, r.routine_p) +
           fmt::format("<td class=\"num\">{:+.3f}</td>", r.routine_sum) +
           TestCells(r.has_reciprocity, r.reciprocity_f, r.reciprocity_p) +
           fmt::format("<td class=\"num\">{:+.3f}</td>", r.reciprocity_sum) +
           TestCells(r.has_triangularity, r.triangularity_f, r.triangularity_p) + "</tr>";
  }
  out +=
      "</table><p class=\"note\">Bold p: below 0.05.  A positive "
      "reciprocity sum reads as "
      "reciprocity, a negative one as an inverse response (bullying).</p>";
  out += fmt::format(
      "<h3>Orthogonalised impulse responses</h3><p class=\"note\">Response of "
      "the row series to a "
      "one-s.d. shock in the column series (Cholesky order as listed), "
      "horizons 0..{}{}.</p>",
      v.irf.empty() || v.irf[0].empty() ? 0 : static_cast<int>(v.irf[0][0].value.size()) - 1,
      v.bootstrap > 0 ? fmt::format("; shaded: 95% residual-bootstrap band, {} refits", v.bootstrap)
                      : std::string());
  out +=
      "<table class=\"irf-grid\" id=\"irf-grid\"><tr><th>response \\ "
      "shock</th>";
  for (const std::string& d : m.dyads) out += "<th>" + E(d) + "</th>";
  out += "</tr>";
  for (size_t r = 0; r < m.dyads.size(); ++r) {
    out += "<tr><th>" + E(m.dyads[r]) + "</th>";
    for (size_t s = 0; s < v.irf.size(); ++s) {
      if (r >= v.irf[s].size()) continue;
      const Path& path = v.irf[s][r];
      ChartSpec spec;
      spec.css_class = "irf-chart";
      spec.label = m.dyads[r] + " after a shock in " + m.dyads[s];
      spec.width = kIrfWidth;
      spec.height = kIrfHeight;
      for (size_t h = 0; h < path.value.size(); ++h) spec.x_labels.push_back(std::to_string(h));
      spec.lines = {{"s-irf", path.value, {}}};
      spec.band_lower = path.lower;
      spec.band_upper = path.upper;
      out += "<td>" + SvgLineChart(spec) + "</td>";
    }
    out += "</tr>";
  }
  out += "</table></section>\n";
  return out;
}

std::string Scenario(const ReportModel& m) {
  const ScenarioView& s = m.scenario;
  if (!s.requested) return "";
  std::string out = "<section id=\"scenario\"><h2>Scenario: " + E(s.name) + "</h2>";
  if (!s.estimated) {
    return out + "<p id=\"scenario-unavailable\" class=\"note\">Not simulated: " + E(s.why_not) +
           "</p></section>\n";
  }
  out += "<p>Shock: " + E(s.shock) +
         fmt::format("; projected {} periods{}.</p>", s.horizon,
                     s.bootstrap > 0
                         ? fmt::format("; shaded: 95% bootstrap band, {} refits", s.bootstrap)
                         : std::string());
  out += "<div class=\"multiples\">";
  for (const auto& [dyad, path] : s.effects) {
    ChartSpec spec;
    spec.css_class = "scenario-chart";
    spec.label = "effect on " + dyad;
    spec.width = kScenarioWidth;
    spec.height = kScenarioHeight;
    for (size_t h = 0; h < path.value.size(); ++h) spec.x_labels.push_back(std::to_string(h + 1));
    ChartLine line{"s-effect", path.value, {}};
    for (size_t h = 0; h < path.value.size(); ++h) {
      line.titles.push_back(fmt::format(
          "h={}: effect {}{}", h + 1, FormatNumber(path.value[h]),
          h < path.lower.size()
              ? " [" + FormatNumber(path.lower[h]) + ", " + FormatNumber(path.upper[h]) + "]"
              : std::string()));
    }
    spec.lines = {line};
    spec.band_lower = path.lower;
    spec.band_upper = path.upper;
    out += "<figure data-dyad=\"" + E(dyad) + "\">" + SvgLineChart(spec) +
           "<figcaption>effect on " + E(dyad) + " (shocked - baseline)</figcaption></figure>";
  }
  out += "</div><table id=\"scenario-config\"><tr><th>actor</th><th>baseline: " + E(s.before) +
         "</th><th>shocked: " + E(s.after) + "</th><th>best response</th></tr>";
  for (size_t a = 0; a < 3; ++a) {
    out += "<tr><td>" + E(m.actors[a]) + "</td><td>" + E(s.roles_before[a]) + "</td><td>" +
           E(s.roles_after[a]) + "</td><td>" + E(s.best_responses[a]) + "</td></tr>";
  }
  out += std::string("</table><p>The shocked configuration is ") +
         (s.nash_stable ? "Nash-stable" : "not Nash-stable") +
         " (game view: neutral counts as enmity; Wu's ranking).</p></section>\n";
  return out;
}

std::string EvidenceRowHtml(const EvidenceRow& r) {
  const std::string url = SafeHttpUrl(r.url);
  std::string source;
  if (!url.empty()) {
    source = "<a href=\"" + E(url) + "\" rel=\"noopener noreferrer\">" +
             E(r.doc_title.empty() ? url : r.doc_title) + "</a>";
  } else {
    source = E(r.doc_title) + (r.source_path.empty() || r.source_path == r.doc_title
                                   ? std::string()
                                   : "<br><code>" + E(r.source_path) + "</code>");
  }
  return fmt::format(
      "<tr class=\"ev-row\" data-event-id=\"{}\"><td>{}</td><td>{}</td><td "
      "class=\"num\">{}</td>"
      "<td>{}</td><td class=\"sentence\">{}</td><td>{}</td><td>{}</td></tr>",
      r.event_id, E(r.date), E(r.code), E(FormatNumber(r.goldstein)), E(r.modality), E(r.sentence),
      source, E(r.doc_date));
}

std::string Evidence(const ReportModel& m) {
  std::string out = fmt::format(
      "<section id=\"evidence\"><h2>Evidence</h2><p>The events "
      "behind every cell, at most {} per "
      "dyad and period. <button type=\"button\" "
      "id=\"toggle-evidence\">Expand all</button></p>",
      m.max_evidence);
  for (size_t d = 0; d < m.dyads.size(); ++d) {
    out += "<div class=\"evidence-dyad\" data-dyad=\"" + E(m.dyads[d]) + "\"><h3>" + E(m.dyads[d]) +
           "</h3>";
    int cells = 0;
    for (const PeriodView& p : m.periods) {
      const SeriesCell& c = p.cells[d];
      if (c.evidence_total == 0) continue;
      ++cells;
      out += fmt::format(
          "<details class=\"evidence\" data-dyad=\"{}\" "
          "data-period=\"{}\" data-total=\"{}\" "
          "data-shown=\"{}\"><summary>{} {}: {} event{}, "
          "Goldstein sum {}</summary>",
          E(m.dyads[d]), E(p.label), c.evidence_total, c.evidence.size(), E(p.label), E(m.dyads[d]),
          c.evidence_total, c.evidence_total == 1 ? "" : "s", E(FormatNumber(c.goldstein_sum)));
      if (!c.evidence.empty()) {
        out +=
            "<table><tr><th>date</th><th>code</th><th>Goldstein</"
            "th><th>modality</th>"
            "<th>sentence</th><th>document</th><th>doc. date</th></tr>";
        for (const EvidenceRow& r : c.evidence) out += EvidenceRowHtml(r);
        out += "</table>";
      }
      const int64_t more = c.evidence_total - static_cast<int64_t>(c.evidence.size());
      if (more > 0) out += fmt::format("<p class=\"more\">{} more</p>", more);
      out += "</details>";
    }
    if (cells == 0) out += "<p class=\"note\">No events.</p>";
    out += "</div>";
  }
  out += "</section>\n";
  return out;
}

std::string Quality(const ReportModel& m) {
  const QualityView& q = m.quality;
  std::string out = fmt::format(
      "<section id=\"quality\"><h2>Data "
      "quality</h2><p>{} documents, {} sentences; {} "
      "near-duplicate links; {} events without a "
      "full date excluded.</p><div class=\"panel\">",
      q.documents, q.sentences, q.near_duplicate_links, q.undated_events);
  out += CountTable("q-languages", "sentence language", q.sentences_by_lang);
  out += CountTable("q-doc-dates", "document date from", q.documents_by_date_basis);
  out += CountTable("q-modality", "event modality (all, triad)", q.events_by_modality);
  out += CountTable("q-event-dates", "event date from", q.event_dates_by_basis);
  out += CountTable("q-links", "link kind", q.links_by_kind);
  out += CountTable("q-imported", "imported events by origin", q.imported_by_origin);
  out += "</div><h3>Periods too sparse to classify</h3>";
  int sparse = 0;
  std::string rows;
  for (const PeriodView& p : m.periods) {
    if (!p.sparse) continue;
    ++sparse;
    rows += "<tr class=\"sparse-row\" data-period=\"" + E(p.label) + "\"><td>" + E(p.label) +
            "</td><td>" + E(p.reason) + "</td></tr>";
  }
  out += fmt::format(
      "<p id=\"sparse-count\" data-count=\"{}\">{} of {} "
      "periods are indeterminate "
      "because a pair has too few events.</p>",
      sparse, sparse, m.periods.size());
  if (sparse > 0)
    out += "<table id=\"q-sparse\"><tr><th>period</th><th>why</th></tr>" + rows + "</table>";
  out += "</section>\n";
  return out;
}

}  // namespace

std::string RenderReport(const ReportModel& m) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
      "'none'; style-src "
      "'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
      "<title>" +
      E(m.title) + "</title><style>" + kCss + "</style></head><body>\n";
  out +=
      "<nav id=\"toc\"><a href=\"#summary\">summary</a> | <a "
      "href=\"#triangles\">triangle</a> | "
      "<a href=\"#series\">series</a> | <a href=\"#var\">VAR</a>" +
      std::string(m.scenario.requested ? " | <a href=\"#scenario\">scenario</a>" : "") +
      " | <a href=\"#evidence\">evidence</a> | <a href=\"#quality\">data "
      "quality</a></nav>\n";
  out += Summary(m);
  out += Triangles(m);
  out += Series(m);
  out += Var(m);
  out += Scenario(m);
  out += Evidence(m);
  out += Quality(m);
  out += std::string("<script id=\"") + kScriptId + "\">" + kScript + "</script>\n";
  out += "</body></html>\n";
  return out;
}

}  // namespace trigon::report
