// Differential test against statsmodels: testdata/make_var_reference.py is
// run at test time with /usr/bin/python3 (Debian python3-statsmodels) on a
// CSV written here; every number it reports is compared with ours to 1e-6
// relative (1e-9 absolute near zero).  Skips when statsmodels is missing.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/irf.h"
#include "analysis/var.h"
#include "analysis/var_reciprocity.h"
#include "analysis/var_testing.h"
#include "testing/testing.h"

namespace trigon::analysis {
namespace {

constexpr double kRelTol = 1e-6;
constexpr double kAbsTol = 1e-9;

struct Array {
  std::vector<int> dims;
  std::vector<double> values;
};
using Reference = std::map<std::string, Array>;

bool HaveStatsmodels() {
  return std::system(
             "/usr/bin/python3 -c 'import statsmodels' "
             ">/dev/null 2>&1") == 0;
}

// Runs the generator on `csv`; fills `ref` or returns an error text.
std::string RunReference(const std::string& csv, const std::string& out,
                         int lags, int maxlags, int horizon, Reference* ref) {
  const std::string script = trigon::testing::SourceDir() +
                             "/src/analysis/testdata/make_var_reference.py";
  const std::string cmd = "/usr/bin/python3 '" + script + "' '" + csv + "' '" +
                          out + "' " + std::to_string(lags) + " " +
                          std::to_string(maxlags) + " " +
                          std::to_string(horizon);
  if (std::system(cmd.c_str()) != 0) return "failed: " + cmd;
  std::ifstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::string name;
    int ndim = 0;
    ls >> name >> ndim;
    Array a;
    size_t n = 1;
    for (int d = 0; d < ndim; ++d) {
      int v = 0;
      ls >> v;
      a.dims.push_back(v);
      n *= static_cast<size_t>(v);
    }
    double x = 0;
    while (ls >> x) a.values.push_back(x);
    if (a.values.size() != n) return "bad line for " + name;
    (*ref)[name] = std::move(a);
  }
  return ref->empty() ? "empty reference " + out : "";
}

// Compares ref[name] element by element with got(flat C-order index).
class Comparer {
 public:
  explicit Comparer(const Reference& ref) : ref_(ref) {}

  void Check(const std::string& name, size_t expected_size,
             const std::function<double(size_t)>& got) {
    auto it = ref_.find(name);
    ASSERT_NE(it, ref_.end()) << "reference lacks " << name;
    const std::vector<double>& v = it->second.values;
    ASSERT_EQ(v.size(), expected_size) << name;
    for (size_t i = 0; i < v.size(); ++i) {
      const double ours = got(i);
      const double diff = std::abs(ours - v[i]);
      const double scale = std::max(std::abs(ours), std::abs(v[i]));
      ++compared_;
      if (scale > kAbsTol) max_rel_ = std::max(max_rel_, diff / scale);
      EXPECT_TRUE(diff <= kAbsTol || diff <= kRelTol * scale)
          << name << "[" << i << "]: ours " << ours << " statsmodels " << v[i];
    }
  }

  const std::vector<int>& Dims(const std::string& name) const {
    static const std::vector<int> kNone;
    auto it = ref_.find(name);
    return it == ref_.end() ? kNone : it->second.dims;
  }
  double Scalar(const std::string& name) const {
    auto it = ref_.find(name);
    return it == ref_.end() ? -1 : it->second.values.at(0);
  }
  double max_rel() const { return max_rel_; }
  size_t compared() const { return compared_; }

 private:
  const Reference& ref_;
  double max_rel_ = 0;
  size_t compared_ = 0;
};

// Fits and compares everything the generator reports.
void CompareAll(const std::string& label, const Eigen::MatrixXd& y,
                const std::vector<std::string>& names, int lags, int maxlags) {
  constexpr int kHorizon = 10;
  // ctest runs tests inside the build tree; a temp dir keeps a run by hand
  // from writing into the source tree.
  const std::filesystem::path dir =
      std::filesystem::path(trigon::testing::MakeTempDir()) / ("var_reference_" + label);
  std::filesystem::create_directories(dir);
  const std::string csv = (dir / "input.csv").string();
  ASSERT_TRUE(var_testing::WriteCsv(csv, names, y));
  Reference ref;
  const std::string err = RunReference(csv, (dir / "reference.txt").string(),
                                       lags, maxlags, kHorizon, &ref);
  ASSERT_EQ(err, "");

  VarOptions options;
  options.names = names;
  Result<VarModel> fit = FitVar(y, lags, options);
  ASSERT_TRUE(fit.ok()) << fit.status().ToString();
  const VarModel& m = *fit;
  const int k = m.k;
  Comparer c(ref);

  auto matrix = [](const Eigen::MatrixXd& a) {
    return [&a](size_t i) {
      const auto cols = static_cast<size_t>(a.cols());
      return a(static_cast<Eigen::Index>(i / cols),
               static_cast<Eigen::Index>(i % cols));
    };
  };
  const auto nparam = static_cast<size_t>(m.params.size());
  c.Check("params", nparam, matrix(m.params));
  c.Check("stderr", nparam, matrix(m.stderrs));
  c.Check("tvalues", nparam, matrix(m.tvalues));
  c.Check("pvalues", nparam, matrix(m.pvalues));
  c.Check("sigma_u", k * k, matrix(m.sigma_u));
  c.Check("sigma_u_mle", k * k, matrix(m.sigma_u_mle));
  c.Check("resid", static_cast<size_t>(m.resid.size()), matrix(m.resid));
  const double ic[] = {m.ic.aic, m.ic.bic, m.ic.hqic, m.ic.fpe};
  c.Check("ic", 4, [&](size_t i) { return ic[i]; });
  const Eigen::VectorXd moduli = CompanionEigenvalueModuli(m);
  c.Check("moduli", static_cast<size_t>(moduli.size()),
          [&](size_t i) { return moduli(static_cast<Eigen::Index>(i)); });
  EXPECT_EQ(IsStable(m), c.Scalar("is_stable") == 1.0);

  Result<LagOrderSelection> sel = SelectVarOrder(y, maxlags, options);
  ASSERT_TRUE(sel.ok()) << sel.status().ToString();
  const size_t nsel = static_cast<size_t>(maxlags) + 1;
  c.Check("select_aic", nsel, [&](size_t i) { return sel->aic[i]; });
  c.Check("select_bic", nsel, [&](size_t i) { return sel->bic[i]; });
  c.Check("select_hqic", nsel, [&](size_t i) { return sel->hqic[i]; });
  c.Check("select_fpe", nsel, [&](size_t i) { return sel->fpe[i]; });
  EXPECT_EQ(sel->aic_order, c.Scalar("selected_aic"));
  EXPECT_EQ(sel->bic_order, c.Scalar("selected_bic"));
  EXPECT_EQ(sel->hqic_order, c.Scalar("selected_hqic"));
  EXPECT_EQ(sel->fpe_order, c.Scalar("selected_fpe"));

  auto check_test = [&](const std::string& name, const Result<TestResult>& t,
                        bool f_test) {
    ASSERT_TRUE(t.ok()) << name << ": " << t.status().ToString();
    if (f_test) {
      const double v[] = {t->statistic, t->df_num, t->df_den, t->p_value};
      c.Check(name, 4, [&](size_t i) { return v[i]; });
    } else {
      const double v[] = {t->statistic, t->df_num, t->p_value};
      c.Check(name, 3, [&](size_t i) { return v[i]; });
    }
  };
  for (int i = 0; i < k; ++i) {
    for (int j = 0; j < k; ++j) {
      check_test("granger_" + std::to_string(i) + "_" + std::to_string(j),
                 TestGrangerCausality(m, {i}, {j}), true);
    }
    check_test("inst_" + std::to_string(i), TestInstantaneousCausality(m, {i}),
               false);
  }
  std::vector<int> others;
  for (int j = 1; j < k; ++j) others.push_back(j);
  check_test("joint_0", TestGrangerCausality(m, {0, 1}, {k - 1}), true);
  check_test("joint_1", TestGrangerCausality(m, {0}, others), true);

  Result<ImpulseResponses> irf = ComputeImpulseResponses(m, kHorizon);
  ASSERT_TRUE(irf.ok());
  const auto kk = static_cast<size_t>(k);
  auto stack = [kk](const std::vector<Eigen::MatrixXd>& a) {
    return [&a, kk](size_t i) {
      const size_t h = i / (kk * kk);
      const size_t r = (i / kk) % kk;
      const size_t col = i % kk;
      return a[h](static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(col));
    };
  };
  const size_t nirf = (kHorizon + 1) * kk * kk;
  c.Check("irfs", nirf, stack(irf->ma));
  c.Check("orth_irfs", nirf, stack(irf->orthogonal));
  const std::vector<Eigen::MatrixXd> cum = CumulativeResponses(irf->ma);
  c.Check("cum_effects", nirf, stack(cum));
  Result<std::vector<Eigen::MatrixXd>> fevd =
      ForecastErrorVarianceDecomposition(m, kHorizon);
  ASSERT_TRUE(fevd.ok());
  // statsmodels decomp[i, h, j] (equation, horizon, shock).
  c.Check("fevd", kk * kHorizon * kk, [&](size_t i) {
    const size_t eq = i / (kHorizon * kk);
    const size_t h = (i / kk) % kHorizon;
    const size_t j = i % kk;
    return (*fevd)[eq](static_cast<Eigen::Index>(h),
                       static_cast<Eigen::Index>(j));
  });
  std::cout << "[ statsmodels ] " << label << ": " << c.compared()
            << " numbers, max relative difference " << c.max_rel() << "\n";
}

TEST(VarReferenceTest, SyntheticMatchesStatsmodels) {
  if (!HaveStatsmodels()) {
    GTEST_SKIP() << "/usr/bin/python3 cannot import statsmodels "
                    "(Debian python3-statsmodels)";
  }
  const Eigen::MatrixXd y = var_testing::SimulateVar2(300, 99);
  CompareAll("synthetic", y, {"a", "b", "c"}, 2, 6);
}

// WEIS events among USA, RUS (USSR) and CHN, summed Goldstein weights per
// directed dyad and quarter, 1966Q1..1992Q4; empty quarters are 0.
TEST(VarReferenceTest, WeisQuarterlyMatchesStatsmodels) {
  const std::string shared = trigon::testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent";
  if (!HaveStatsmodels()) {
    GTEST_SKIP() << "/usr/bin/python3 cannot import statsmodels";
  }
  const std::string path =
      shared + "/data/eventdata/weis_triangle_1966_1992.csv";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  const std::vector<std::string> names = {"USA->RUS", "RUS->USA", "USA->CHN",
                                          "CHN->USA", "RUS->CHN", "CHN->RUS"};
  constexpr int kFirstYear = 1966;
  constexpr int kQuarters = (1992 - kFirstYear + 1) * 4;
  Eigen::MatrixXd y = Eigen::MatrixXd::Zero(kQuarters, 6);
  std::string line;
  std::getline(in, line);
  ASSERT_EQ(line, "date,source,target,weis_code,goldstein");
  int rows = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::istringstream ls(line);
    for (std::string cell; std::getline(ls, cell, ',');) f.push_back(cell);
    ASSERT_EQ(f.size(), 5u) << line;
    const int year = std::stoi(f[0].substr(0, 4));
    const int month = std::stoi(f[0].substr(5, 2));
    const int q = (year - kFirstYear) * 4 + (month - 1) / 3;
    ASSERT_TRUE(q >= 0 && q < kQuarters) << line;
    const auto it = std::find(names.begin(), names.end(), f[1] + "->" + f[2]);
    ASSERT_NE(it, names.end()) << line;
    y(q, it - names.begin()) += std::stod(f[4]);
    ++rows;
  }
  EXPECT_GT(rows, 12000);
  CompareAll("weis_quarterly", y, names, 2, 4);

  // The Three-Way Street report on the same fit: its tests are the Granger
  // tests compared above (reciprocity of USA->RUS = RUS->USA lags in it).
  VarOptions options;
  options.names = names;
  Result<VarModel> m = FitVar(y, 2, options);
  ASSERT_TRUE(m.ok());
  const std::vector<DyadName> dyads = {{"USA", "RUS"}, {"RUS", "USA"},
                                       {"USA", "CHN"}, {"CHN", "USA"},
                                       {"RUS", "CHN"}, {"CHN", "RUS"}};
  Result<ReciprocityReport> rep = AnalyzeReciprocity(*m, dyads);
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  Result<TestResult> g = TestGrangerCausality(*m, {0}, {1});
  ASSERT_TRUE(g.ok());
  ASSERT_TRUE(rep->dyads[0].reciprocity.has_value());
  EXPECT_EQ(rep->dyads[0].reciprocity->statistic, g->statistic);
  for (const DyadReciprocity& d : rep->dyads) {
    ASSERT_TRUE(d.reciprocity.has_value());
    ASSERT_TRUE(d.triangularity.has_value());
    EXPECT_EQ(d.triangular_series.size(), 4u);
    std::cout << "[ reciprocity ] " << d.dyad.source << "->" << d.dyad.target
              << " routine p=" << d.routine.p_value << " sum=" << d.routine_sum
              << " | reciprocity p=" << d.reciprocity->p_value
              << " sum=" << d.reciprocity_sum
              << " | triangularity p=" << d.triangularity->p_value << "\n";
  }
}

}  // namespace
}  // namespace trigon::analysis
