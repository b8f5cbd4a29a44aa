// VAR(2) on the WEIS USA/RUS/CHN quarterly dyad series (1966-1992, 108 x 6):
// the fit alone, and orthogonalised IRF bands from 1,000 bootstrap draws.
// Data: $TRIGON_SHARED_DIR or <source>/../shared; the benchmarks report an
// error when it is absent.

#include <benchmark/benchmark.h>

#include <Eigen/Core>
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/irf.h"
#include "analysis/var.h"

namespace {

constexpr int kFirstYear = 1966;
constexpr int kQuarters = (1992 - kFirstYear + 1) * 4;
constexpr int kLags = 2;
constexpr int kHorizon = 10;
constexpr int kDraws = 1000;

const std::vector<std::string>& DyadNames() {
  static const std::vector<std::string> names = {
      "USA->RUS", "RUS->USA", "USA->CHN", "CHN->USA", "RUS->CHN", "CHN->RUS"};
  return names;
}

// Sum of Goldstein weights per dyad and quarter; empty on any read error.
Eigen::MatrixXd LoadWeisQuarterly() {
  const char* env = std::getenv("TRIGON_SHARED_DIR");
  const std::string shared =
      env ? env : std::string(TRIGON_SOURCE_DIR) + "/../shared";
  std::ifstream in(shared + "/data/eventdata/weis_triangle_1966_1992.csv");
  std::string line;
  if (!in || !std::getline(in, line)) return {};
  Eigen::MatrixXd y = Eigen::MatrixXd::Zero(kQuarters, 6);
  const std::vector<std::string>& names = DyadNames();
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::istringstream ls(line);
    for (std::string cell; std::getline(ls, cell, ',');) f.push_back(cell);
    if (f.size() != 5 || f[0].size() < 7) return {};
    const int q = (std::stoi(f[0].substr(0, 4)) - kFirstYear) * 4 +
                  (std::stoi(f[0].substr(5, 2)) - 1) / 3;
    const auto it = std::find(names.begin(), names.end(), f[1] + "->" + f[2]);
    if (q < 0 || q >= kQuarters || it == names.end()) return {};
    y(q, it - names.begin()) += std::stod(f[4]);
  }
  return y;
}

const Eigen::MatrixXd& Weis() {
  static const Eigen::MatrixXd y = LoadWeisQuarterly();
  return y;
}

void BM_FitVar2(benchmark::State& state) {
  if (Weis().size() == 0) {
    state.SkipWithError("WEIS data not found (set TRIGON_SHARED_DIR)");
    return;
  }
  trigon::analysis::VarOptions options;
  options.names = DyadNames();
  for (auto _ : state) {
    auto fit = trigon::analysis::FitVar(Weis(), kLags, options);
    benchmark::DoNotOptimize(fit);
  }
}
BENCHMARK(BM_FitVar2);

void BM_BootstrapIrf1000(benchmark::State& state) {
  if (Weis().size() == 0) {
    state.SkipWithError("WEIS data not found (set TRIGON_SHARED_DIR)");
    return;
  }
  trigon::analysis::VarOptions options;
  options.names = DyadNames();
  auto fit = trigon::analysis::FitVar(Weis(), kLags, options);
  if (!fit.ok()) {
    state.SkipWithError(fit.status().ToString().c_str());
    return;
  }
  trigon::analysis::BootstrapOptions boot;
  boot.repetitions = kDraws;
  for (auto _ : state) {
    auto bands = trigon::analysis::BootstrapIrfBands(*fit, kHorizon, boot);
    benchmark::DoNotOptimize(bands);
  }
}
BENCHMARK(BM_BootstrapIrf1000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
