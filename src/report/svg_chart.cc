// Line charts as inline SVG.  Coordinates are written with one decimal,
// which is finer than a pixel; values outside the frame are clamped so a
// stray point cannot draw over the rest of the page.
#include "report/svg_chart.h"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "report/html_escape.h"

namespace trigon::report {
namespace {

constexpr double kPad = 0.05;  // y-range padding, fraction of the span

std::string Points(const Frame& f, const std::vector<double>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    out += fmt::format("{}{:.1f},{:.1f}", i ? " " : "", f.X(static_cast<int>(i)), f.Y(v[i]));
  }
  return out;
}

}  // namespace

double Frame::X(int i) const {
  const double w = width - left - right;
  if (n <= 1) return left + w / 2;
  return left + w * static_cast<double>(i) / static_cast<double>(n - 1);
}

double Frame::Y(double v) const {
  const double h = height - top - bottom;
  if (!std::isfinite(v)) v = 0;
  v = std::clamp(v, y_min, y_max);
  return top + h * (y_max - v) / (y_max - y_min);
}

Frame FitFrame(const std::vector<std::vector<double>>& values, int n, double width, double height) {
  Frame f;
  f.width = width;
  f.height = height;
  f.n = std::max(1, n);
  double lo = 0, hi = 0;
  for (const auto& vs : values) {
    for (const double v : vs) {
      if (!std::isfinite(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const double pad = (hi - lo) * kPad;
  f.y_min = lo - pad;
  f.y_max = hi + pad;
  return f;
}

std::string FormatNumber(double v) {
  if (!std::isfinite(v)) return "n/a";
  if (std::fabs(v) < 5e-4) return "0";
  // Fewer decimals for larger magnitudes: 3 significant-ish digits after
  // the point for small values, none from 100 on.
  const int decimals = std::fabs(v) >= 100 ? 0 : std::fabs(v) >= 10 ? 1 : std::fabs(v) >= 1 ? 2 : 3;
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (decimals == 0) return s;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string SvgAxes(const Frame& f, const std::vector<std::string>& x_labels, int max_x_labels) {
  std::string out = fmt::format(
      "<rect class=\"plot\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
      "height=\"{:.1f}\"/>",
      f.left, f.top, f.width - f.left - f.right, f.height - f.top - f.bottom);
  if (f.y_min < 0 && f.y_max > 0) {
    out += fmt::format(
        "<line class=\"zero\" x1=\"{:.1f}\" x2=\"{:.1f}\" "
        "y1=\"{:.1f}\" y2=\"{:.1f}\"/>",
        f.left, f.width - f.right, f.Y(0), f.Y(0));
  }
  out += fmt::format(
      "<text class=\"tick\" x=\"{:.1f}\" y=\"{:.1f}\" "
      "text-anchor=\"end\">{}</text>",
      f.left - 3, f.top + 8, EscapeHtml(FormatNumber(f.y_max)));
  out += fmt::format(
      "<text class=\"tick\" x=\"{:.1f}\" y=\"{:.1f}\" "
      "text-anchor=\"end\">{}</text>",
      f.left - 3, f.height - f.bottom, EscapeHtml(FormatNumber(f.y_min)));
  const int n = static_cast<int>(x_labels.size());
  if (n > 0 && max_x_labels > 0) {
    const int step = std::max(1, (n + max_x_labels - 1) / max_x_labels);
    for (int i = 0; i < n; i += step) {
      out += fmt::format(
          "<text class=\"tick\" x=\"{:.1f}\" y=\"{:.1f}\" "
          "text-anchor=\"middle\">{}</text>",
          f.X(i), f.height - f.bottom + 13, EscapeHtml(x_labels[static_cast<size_t>(i)]));
    }
  }
  return out;
}

std::string SvgPolyline(const Frame& f, const std::vector<double>& values,
                        const std::string& css_class) {
  return fmt::format("<polyline class=\"{}\" points=\"{}\"/>", EscapeHtml(css_class),
                     Points(f, values));
}

std::string SvgBandPolygon(const Frame& f, const std::vector<double>& lower,
                           const std::vector<double>& upper, const std::string& css_class) {
  std::string pts = Points(f, upper);
  for (size_t i = lower.size(); i-- > 0;) {
    pts += fmt::format(" {:.1f},{:.1f}", f.X(static_cast<int>(i)), f.Y(lower[i]));
  }
  return fmt::format("<polygon class=\"{}\" points=\"{}\"/>", EscapeHtml(css_class), pts);
}

std::string SvgPoint(const Frame& f, int i, double value, const std::string& css_class,
                     const std::string& title) {
  return fmt::format(
      "<circle class=\"{}\" data-i=\"{}\" cx=\"{:.1f}\" "
      "cy=\"{:.1f}\" r=\"2.5\"><title>{}</title>"
      "</circle>",
      EscapeHtml(css_class), i, f.X(i), f.Y(value), EscapeHtml(title));
}

std::string SvgLineChart(const ChartSpec& spec) {
  const int n = std::max<int>(1, static_cast<int>(spec.x_labels.size()));
  std::vector<std::vector<double>> all;
  for (const ChartLine& l : spec.lines) all.push_back(l.values);
  all.push_back(spec.band_lower);
  all.push_back(spec.band_upper);
  const Frame f = FitFrame(all, n, spec.width, spec.height);
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\"{} class=\"{}\" role=\"img\" "
      "aria-label=\"{}\" "
      "viewBox=\"0 0 {:.0f} {:.0f}\" width=\"{:.0f}\" height=\"{:.0f}\">",
      spec.id.empty() ? std::string() : " id=\"" + EscapeHtml(spec.id) + "\"",
      EscapeHtml(spec.css_class), EscapeHtml(spec.label), spec.width, spec.height, spec.width,
      spec.height);
  out += SvgAxes(f, spec.x_labels);
  if (!spec.band_lower.empty() && spec.band_lower.size() == spec.band_upper.size()) {
    out += SvgBandPolygon(f, spec.band_lower, spec.band_upper, "band");
  }
  for (const ChartLine& l : spec.lines) {
    out += SvgPolyline(f, l.values, l.css_class);
  }
  for (const ChartLine& l : spec.lines) {
    if (l.titles.size() != l.values.size()) continue;
    for (size_t i = 0; i < l.values.size(); ++i) {
      out += SvgPoint(f, static_cast<int>(i), l.values[i], "pt " + l.css_class, l.titles[i]);
    }
  }
  out += "</svg>";
  return out;
}

}  // namespace trigon::report
