// Triangle diagrams.  Nodes sit on a fixed equilateral layout (A top, B
// bottom left, C bottom right); an edge's width is 1.5 px plus 0.6 px per
// point of |statistic|, capped, so strong relations stand out without
// swamping the labels.
#include "report/svg_triangle.h"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "report/html_escape.h"
#include "report/svg_chart.h"

namespace trigon::report {
namespace {

constexpr double kSize = 170;
constexpr std::array<std::array<double, 2>, 3> kNodes = {{{85, 34}, {30, 124}, {140, 124}}};
constexpr double kNodeRadius = 17;
constexpr std::array<double, 2> kCentroid = {85, 94};
constexpr double kLabelOffset = 9;
constexpr double kMinEdge = 1.5;
constexpr double kEdgePerPoint = 0.6;
constexpr double kMaxEdge = 9;
constexpr double kCellWidth = 14;
constexpr double kCellHeight = 22;
constexpr double kLabelRow = 14;        // period labels under the cells
constexpr double kLabelOverhang = 60;   // room for the last label
constexpr size_t kTimelineLabels = 10;  // at most this many labels

}  // namespace

std::string SvgTriangle(const PeriodView& p, const std::array<std::string, 3>& actors) {
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"triangle\" "
      "data-period=\"{}\" "
      "data-configuration=\"{}\" viewBox=\"0 0 {:.0f} {:.0f}\" "
      "width=\"{:.0f}\" "
      "height=\"{:.0f}\" role=\"img\" aria-label=\"{} {}\"><title>{}: "
      "{}{}</title>",
      EscapeHtml(p.label), EscapeHtml(p.configuration), kSize, kSize + 14, kSize, kSize + 14,
      EscapeHtml(p.label), EscapeHtml(p.configuration), EscapeHtml(p.label),
      EscapeHtml(p.configuration), EscapeHtml(p.reason.empty() ? "" : " (" + p.reason + ")"));
  for (const PairView& e : p.pairs) {
    const auto& a = kNodes[static_cast<size_t>(std::clamp(e.a, 0, 2))];
    const auto& b = kNodes[static_cast<size_t>(std::clamp(e.b, 0, 2))];
    // An insufficient pair's statistic rests on too few events to weigh.
    const double magnitude =
        e.status == "insufficient" || !std::isfinite(e.statistic) ? 0.0 : std::fabs(e.statistic);
    const double width = std::min(kMaxEdge, kMinEdge + kEdgePerPoint * magnitude);
    // The label sits beside the edge, pushed away from the centroid.
    const double mid_x = (a[0] + b[0]) / 2, mid_y = (a[1] + b[1]) / 2;
    const double dx = mid_x - kCentroid[0], dy = mid_y - kCentroid[1];
    const double norm = std::max(1.0, std::hypot(dx, dy));
    const double label_x = mid_x + kLabelOffset * dx / norm;
    const double label_y = mid_y + kLabelOffset * dy / norm + 3;
    const std::string pair = actors[static_cast<size_t>(std::clamp(e.a, 0, 2))] + "-" +
                             actors[static_cast<size_t>(std::clamp(e.b, 0, 2))];
    const std::string title = fmt::format("{}: {} (statistic {}, {} events)", pair, e.status,
                                          FormatNumber(e.statistic), e.events);
    out += fmt::format(
        "<g class=\"edge edge-{}\" data-pair=\"{}\" "
        "data-status=\"{}\"><title>{}</title>"
        "<line x1=\"{:.0f}\" y1=\"{:.0f}\" x2=\"{:.0f}\" y2=\"{:.0f}\" "
        "stroke-width=\"{:.1f}\"/>"
        "<text class=\"edge-label\" x=\"{:.0f}\" y=\"{:.0f}\">{}</text></g>",
        EscapeHtml(e.status), EscapeHtml(pair), EscapeHtml(e.status), EscapeHtml(title), a[0], a[1],
        b[0], b[1], width, label_x, label_y, EscapeHtml(FormatNumber(e.statistic)));
  }
  for (int i = 0; i < 3; ++i) {
    const auto& n = kNodes[static_cast<size_t>(i)];
    const bool pivot = p.pivot == i;
    const std::string& role = p.roles[static_cast<size_t>(i)];
    out += fmt::format(
        "<g class=\"node{}\" data-actor=\"{}\" data-role=\"{}\"><title>{}: "
        "{}</title>{}"
        "<circle cx=\"{:.0f}\" cy=\"{:.0f}\" r=\"{:.0f}\"/>"
        "<text class=\"actor\" x=\"{:.0f}\" y=\"{:.0f}\">{}</text>"
        "<text class=\"role\" x=\"{:.0f}\" y=\"{:.0f}\">{}</text></g>",
        pivot ? " pivot" : "", EscapeHtml(actors[static_cast<size_t>(i)]), EscapeHtml(role),
        EscapeHtml(actors[static_cast<size_t>(i)]), EscapeHtml(role),
        pivot ? fmt::format("<circle class=\"ring\" cx=\"{:.0f}\" "
                            "cy=\"{:.0f}\" r=\"{:.0f}\"/>",
                            n[0], n[1], kNodeRadius + 5)
              : std::string(),
        n[0], n[1], kNodeRadius, n[0], n[1] + 4, EscapeHtml(actors[static_cast<size_t>(i)]), n[0],
        i == 0 ? n[1] - kNodeRadius - 8 : n[1] + kNodeRadius + 14,
        EscapeHtml(role == "indeterminate" ? "" : role));
  }
  out += "</svg>";
  return out;
}

std::string SvgTimeline(const std::vector<PeriodView>& periods) {
  const double width = std::max(1.0, kCellWidth * static_cast<double>(periods.size()));
  const double height = kCellHeight + kLabelRow;
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"timeline\" class=\"timeline\" "
      "viewBox=\"0 0 {:.0f} {:.0f}\" width=\"{:.0f}\" height=\"{:.0f}\" role=\"img\" "
      "aria-label=\"configuration per period\">",
      width + kLabelOverhang, height, width + kLabelOverhang, height);
  // At most kTimelineLabels labels, and never closer than a label is wide
  // (11px text is about 7px per character) so they cannot overlap.
  size_t longest = 0;
  for (const PeriodView& p : periods) longest = std::max(longest, p.label.size());
  const auto label_cells =
      static_cast<size_t>(std::ceil((7.0 * static_cast<double>(longest) + 6.0) / kCellWidth));
  const size_t step = std::max<size_t>(
      {1, (periods.size() + kTimelineLabels - 1) / kTimelineLabels, label_cells});
  for (size_t i = 0; i < periods.size(); ++i) {
    const PeriodView& p = periods[i];
    const double x = kCellWidth * static_cast<double>(i);
    out += fmt::format(
        "<rect class=\"cell cfg-{}\" data-period=\"{}\" x=\"{:.0f}\" y=\"0\" width=\"{:.0f}\" "
        "height=\"{:.0f}\"><title>{}: {}</title></rect>",
        EscapeHtml(p.configuration), EscapeHtml(p.label), x, kCellWidth - 1, kCellHeight,
        EscapeHtml(p.label), EscapeHtml(p.configuration));
    if (i % step == 0) {
      out += fmt::format("<text class=\"tick\" x=\"{:.0f}\" y=\"{:.0f}\">{}</text>", x, height - 2,
                         EscapeHtml(p.label));
    }
  }
  out += "</svg>";
  return out;
}

}  // namespace trigon::report
