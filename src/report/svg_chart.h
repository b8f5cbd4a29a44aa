#pragma once
// Inline-SVG chart primitives for the report: a plot frame mapping data to
// pixels, axes with a zero line, polylines, band polygons, point markers
// with hover titles, and a small line chart built from them.  Every piece
// of text passes through EscapeHtml (html_escape.h).  Output is an SVG
// fragment string; nothing here does I/O.
//
// Thread-safety: pure functions.

#include <string>
#include <vector>

namespace trigon::report {

// Maps x index 0..n-1 and a y range onto a width x height box with margins.
struct Frame {
  double width = 360;
  double height = 150;
  double left = 44;   // margins, pixels
  double right = 24;  // room for the last x label
  double top = 8;
  double bottom = 22;
  int n = 1;  // points on the x axis (>= 1)
  double y_min = -1;
  double y_max = 1;  // > y_min

  double X(int i) const;
  double Y(double v) const;
};

// A frame whose y range covers `values` and 0, padded 5%.
Frame FitFrame(const std::vector<std::vector<double>>& values, int n, double width, double height);

// Plot box, zero line, y tick labels (min, max) and up to `max_x_labels`
// x labels spread over `x_labels` (size n).
std::string SvgAxes(const Frame& f, const std::vector<std::string>& x_labels, int max_x_labels = 6);
// A polyline through (X(i), Y(values[i])) with class `css_class`.
std::string SvgPolyline(const Frame& f, const std::vector<double>& values,
                        const std::string& css_class);
// A closed polygon between `lower` and `upper` (same size), class `css_class`.
std::string SvgBandPolygon(const Frame& f, const std::vector<double>& lower,
                           const std::vector<double>& upper, const std::string& css_class);
// A circle at point i with a <title> (hover text) and data-i.
std::string SvgPoint(const Frame& f, int i, double value, const std::string& css_class,
                     const std::string& title);

struct ChartLine {
  std::string css_class;  // e.g. "s-sum", "s-coop"
  std::vector<double> values;
  // Hover text per point (size n) or empty: no markers.
  std::vector<std::string> titles;
};

struct ChartSpec {
  std::string id;         // the <svg> id; "" for none
  std::string css_class;  // the <svg> class
  std::string label;      // aria-label
  double width = 360;
  double height = 150;
  std::vector<std::string> x_labels;  // size n
  std::vector<ChartLine> lines;
  std::vector<double> band_lower;  // optional band (size n) behind the lines
  std::vector<double> band_upper;
};

// A complete <svg> line chart.  n = x_labels.size() (at least 1).
std::string SvgLineChart(const ChartSpec& spec);

// "12.5", "-0.25", "0": short fixed notation for labels and titles.
std::string FormatNumber(double v);

}  // namespace trigon::report
