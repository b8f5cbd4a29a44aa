#pragma once
// The strategic triangle of one period as an inline SVG: three actor nodes,
// one edge per pair coloured by its status (amity green, enmity red,
// neutral or insufficient grey dashed), edge width growing with
// |statistic|, the pivot ringed and each node labelled with its role.
// Also the configuration timeline strip (one coloured cell per period).

#include <array>
#include <string>
#include <vector>

#include "report/report_model.h"

namespace trigon::report {

// <svg class="triangle" data-period=... data-configuration=...> with
// <g class="edge edge-amity|edge-enmity|edge-neutral|edge-insufficient"
// data-pair=...> per pair and <g class="node" data-actor=... data-role=...>
// per actor (plus class "pivot" on the pivot).
std::string SvgTriangle(const PeriodView& period, const std::array<std::string, 3>& actors);

// <svg id="timeline"> with one <rect class="cell cfg-<configuration>"
// data-period=...> per period, each with a <title>.
std::string SvgTimeline(const std::vector<PeriodView>& periods);

}  // namespace trigon::report
