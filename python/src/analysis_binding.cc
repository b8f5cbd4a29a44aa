// _trigon.series / triangle / var: the analytics of `trigon series`,
// `trigon triangle` and `trigon var` on a Database (selected as the CLI's
// --actors/--origin/--from/--to/--all-modalities/--story-weighting do) or
// on an Events set (counted as given), returned as columns.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/period.h"
#include "analysis/position.h"
#include "analysis/series.h"
#include "analysis/triangle.h"
#include "bindings.h"
#include "pipeline/analysis_input.h"
#include "pipeline/dyad_var.h"
#include "status_error.h"

namespace py = pybind11;

namespace trigon::python {
namespace {

struct Selection {
  std::string actors;
  std::vector<std::string> origins;
  bool all_modalities = false;
  std::string start;
  std::string end;
  bool story_weighting = false;
};

pipeline::AnalysisSelection ToSelection(const Selection& s) {
  pipeline::AnalysisSelection out;
  out.actors = s.actors;
  out.origins = s.origins;
  out.all_modalities = s.all_modalities;
  out.from = s.start;
  out.to = s.end;
  out.story_weighting = s.story_weighting;
  return out;
}

std::map<std::string, std::string> StoryGroups(store::Database& db) {
  store::EventRepository repo(db);
  std::map<std::string, std::string> out;
  for (auto& [doc, rep] : ValueOrThrow(repo.StoryGroups())) out[doc] = rep;
  return out;
}

// The analysis input from a Database (selected in the store) or from an
// Events set (every event given counts; only start/end and story
// weighting apply).
pipeline::AnalysisInput Input(const py::object& source, const Selection& s) {
  const pipeline::AnalysisSelection sel = ToSelection(s);
  if (py::isinstance<DatabaseHandle>(source)) {
    auto& db = source.cast<DatabaseHandle&>();
    return ValueOrThrow(pipeline::LoadAnalysisInput(*db.db, sel));
  }
  if (!py::isinstance<EventSet>(source)) {
    throw py::type_error("expected a trigon Database or Events (from Database.events())");
  }
  const auto& set = source.cast<const EventSet&>();
  const analysis::Triad triad = ValueOrThrow(pipeline::ParseTriad(s.actors));
  std::map<std::string, std::string> story_of;
  if (s.story_weighting) story_of = StoryGroups(*set.db->db);
  pipeline::AnalysisInput in = pipeline::AnalysisInputFromEvents(set.events, triad, story_of);
  in.series_options.weight_stories = s.story_weighting;
  if (!s.start.empty()) in.series_options.from_day = ValueOrThrow(analysis::ParseIsoDate(s.start));
  if (!s.end.empty()) in.series_options.to_day = ValueOrThrow(analysis::ParseIsoDate(s.end));
  return in;
}

Selection MakeSelection(const std::string& actors, const std::vector<std::string>& origins,
                        bool all_modalities, const std::optional<std::string>& start,
                        const std::optional<std::string>& end, bool story_weighting) {
  Selection s;
  s.actors = actors;
  s.origins = origins;
  s.all_modalities = all_modalities;
  s.start = start.value_or("");
  s.end = end.value_or("");
  s.story_weighting = story_weighting;
  return s;
}

analysis::DyadSeries BuildSeries(const pipeline::AnalysisInput& in, const std::string& period,
                                 bool normalize) {
  const analysis::Period p = ValueOrThrow(analysis::ParsePeriod(period));
  analysis::SeriesOptions options = in.series_options;
  if (normalize) options.normalization = analysis::Normalization::kPeriodVolume;
  return ValueOrThrow(analysis::BuildDyadSeries(in.events, in.triad, p, options));
}

// Appends `value` to column `name` of `columns`.
template <typename T>
void Add(py::dict& columns, const char* name, T&& value) {
  if (!columns.contains(name)) columns[name] = py::list();
  columns[name].cast<py::list>().append(std::forward<T>(value));
}

py::dict Series(const py::object& source, const std::string& actors, const std::string& period,
                bool normalize, const std::vector<std::string>& origins, bool all_modalities,
                const std::optional<std::string>& start, const std::optional<std::string>& end,
                bool story_weighting) {
  const Selection sel =
      MakeSelection(actors, origins, all_modalities, start, end, story_weighting);
  const pipeline::AnalysisInput in = Input(source, sel);
  const analysis::DyadSeries series = BuildSeries(in, period, normalize);
  py::dict columns;
  for (const char* name :
       {"period", "start", "end", "dyad", "events", "weight", "goldstein_sum", "goldstein_mean",
        "cooperation_sum", "conflict_sum", "quad1", "quad2", "quad3", "quad4", "volume",
        "divisor", "event_ids"}) {
    columns[name] = py::list();
  }
  for (const analysis::PeriodRow& row : series.rows) {
    for (int i = 0; i < analysis::kNumDirectedDyads; ++i) {
      const analysis::DyadCell& c = row.cells[static_cast<size_t>(i)];
      Add(columns, "period", row.label);
      Add(columns, "start", analysis::FormatIsoDate(row.start_day));
      Add(columns, "end", analysis::FormatIsoDate(row.end_day));
      Add(columns, "dyad", pipeline::DyadLabel(in.triad, i));
      Add(columns, "events", c.events);
      Add(columns, "weight", c.weight);
      Add(columns, "goldstein_sum", c.goldstein_sum);
      Add(columns, "goldstein_mean", c.goldstein_mean);
      Add(columns, "cooperation_sum", c.cooperation_sum);
      Add(columns, "conflict_sum", c.conflict_sum);
      Add(columns, "quad1", c.quad[0]);
      Add(columns, "quad2", c.quad[1]);
      Add(columns, "quad3", c.quad[2]);
      Add(columns, "quad4", c.quad[3]);
      Add(columns, "volume", row.volume);
      Add(columns, "divisor", row.divisor);
      Add(columns, "event_ids", py::cast(c.event_ids));
    }
  }
  py::dict out;
  out["columns"] = columns;
  out["input"] = pipeline::DescribeInput(in, ToSelection(sel));
  return out;
}

py::dict Triangle(const py::object& source, const std::string& actors, const std::string& period,
                  double band, double min_events, const std::string& statistic, bool normalize,
                  const std::vector<std::string>& origins, bool all_modalities,
                  const std::optional<std::string>& start, const std::optional<std::string>& end,
                  bool story_weighting) {
  if (statistic != "mean" && statistic != "sum") {
    throw py::value_error("statistic: 'mean' or 'sum', got '" + statistic + "'");
  }
  const Selection sel =
      MakeSelection(actors, origins, all_modalities, start, end, story_weighting);
  const pipeline::AnalysisInput in = Input(source, sel);
  const analysis::DyadSeries series = BuildSeries(in, period, normalize);
  analysis::TriangleOptions to;
  to.statistic =
      statistic == "sum" ? analysis::Statistic::kSumGoldstein : analysis::Statistic::kMeanGoldstein;
  to.neutral_band = band;
  to.min_events = min_events;
  const analysis::TriangleSeries tri = ValueOrThrow(analysis::ClassifyTriangle(series, to));
  const auto positions = analysis::ActorPositions(tri);

  // One row per period; per actor its role, per pair its assessment.
  py::dict columns;
  for (const char* name : {"period", "start", "configuration", "pivot", "reason"}) {
    columns[name] = py::list();
  }
  for (const analysis::TrianglePeriod& p : tri.periods) {
    Add(columns, "period", p.label);
    Add(columns, "start", analysis::FormatIsoDate(p.start_day));
    Add(columns, "configuration", std::string(analysis::ConfigurationName(p.configuration)));
    Add(columns, "pivot",
        p.pivot ? py::object(py::str(in.triad[static_cast<size_t>(*p.pivot)]))
                : py::object(py::none()));
    Add(columns, "reason", p.reason);
    for (size_t a = 0; a < 3; ++a) {
      const std::string col = "role_" + in.triad[a];
      Add(columns, col.c_str(), std::string(analysis::RoleName(p.roles[a])));
    }
    for (const analysis::DyadAssessment& d : p.dyads) {
      auto add = [&](const char* field, py::object value) {
        const std::string col = d.pair + "_" + field;
        Add(columns, col.c_str(), std::move(value));
      };
      add("statistic", py::float_(d.statistic));
      add("mean", py::float_(d.mean));
      add("sign", py::str(std::string(analysis::SignSymbol(d.sign))));
      add("status", py::str(std::string(analysis::DyadStatusName(d.status))));
      add("events", py::int_(d.events));
      add("weight", py::float_(d.weight));
      add("confidence", py::float_(d.confidence));
    }
  }
  py::dict pos;
  for (const char* name : {"actor", "mean_score", "scored_periods"}) pos[name] = py::list();
  for (const analysis::ActorPosition& p : positions) {
    Add(pos, "actor", p.actor);
    Add(pos, "mean_score", p.mean_score);
    Add(pos, "scored_periods", p.scored_periods);
    for (int r = 1; r < analysis::kNumRoles; ++r) {
      const std::string col =
          std::string(analysis::RoleName(static_cast<analysis::Role>(r))) + "_periods";
      Add(pos, col.c_str(), p.role_counts[static_cast<size_t>(r)]);
    }
  }
  py::dict out;
  out["columns"] = columns;
  out["positions"] = pos;
  out["input"] = pipeline::DescribeInput(in, ToSelection(sel));
  return out;
}

py::list Matrix(const std::vector<std::vector<double>>& m) { return py::cast(m); }

py::dict Var(const py::object& source, const std::string& actors, const std::string& period,
             int lags, const std::string& select, int maxlags, int horizon,
             const std::vector<std::string>& origins, bool all_modalities,
             const std::optional<std::string>& start, const std::optional<std::string>& end,
             bool story_weighting) {
  if (lags == 0 || lags < -1) throw py::value_error("lags: a positive number (or None to select)");
  if (!select.empty() && select != "aic" && select != "bic" && select != "hqic") {
    throw py::value_error("select: 'aic', 'bic' or 'hqic', got '" + select + "'");
  }
  if (lags > 0 && !select.empty()) throw py::value_error("give lags or select, not both");
  if (horizon < 1) throw py::value_error("horizon: a positive number");
  const Selection sel =
      MakeSelection(actors, origins, all_modalities, start, end, story_weighting);
  const pipeline::AnalysisInput in = Input(source, sel);
  pipeline::VarSpec spec;
  spec.period = period;
  spec.lags = lags;
  spec.select = select;
  spec.maxlags = maxlags;
  Result<pipeline::FittedDyadVar> fitted_or = pipeline::FitDyadVar(in, spec);
  if (!fitted_or.ok()) {
    ThrowStatus(fitted_or.status().WithContext("cannot estimate the VAR"));
  }
  const pipeline::FittedDyadVar& fitted = *fitted_or;
  const pipeline::DyadVarTests tests = ValueOrThrow(pipeline::TestDyadVar(fitted, horizon));
  const analysis::VarModel& m = fitted.model;

  py::dict rec;
  for (const analysis::DyadReciprocity& d : tests.reciprocity.dyads) {
    Add(rec, "dyad", d.dyad.source + "->" + d.dyad.target);
    auto add_test = [&](const std::string& prefix, const std::optional<analysis::TestResult>& t) {
      Add(rec, (prefix + "_F").c_str(), t ? py::object(py::float_(t->statistic)) : py::none());
      Add(rec, (prefix + "_df_num").c_str(), t ? py::object(py::float_(t->df_num)) : py::none());
      Add(rec, (prefix + "_df_den").c_str(), t ? py::object(py::float_(t->df_den)) : py::none());
      Add(rec, (prefix + "_p").c_str(), t ? py::object(py::float_(t->p_value)) : py::none());
    };
    add_test("routine", d.routine);
    Add(rec, "routine_sum", d.routine_sum);
    add_test("reciprocity", d.reciprocity);
    Add(rec, "reciprocity_sum", d.reciprocity_sum);
    add_test("triangularity", d.triangularity);
  }
  std::vector<std::vector<double>> granger, fevd;
  for (int i = 0; i < m.k; ++i) {
    granger.emplace_back();
    fevd.emplace_back();
    for (int j = 0; j < m.k; ++j) {
      granger.back().push_back(tests.granger[static_cast<size_t>(i)][static_cast<size_t>(j)].p_value);
      fevd.back().push_back(tests.fevd(i, j));
    }
  }
  py::dict out;
  out["reciprocity"] = rec;
  out["names"] = py::cast(m.names);
  out["granger_p"] = Matrix(granger);
  out["fevd"] = Matrix(fevd);
  out["fevd_horizon"] = horizon;
  out["periods"] = py::cast(fitted.labels);
  out["lags"] = m.p;
  out["nobs"] = m.nobs;
  out["aic"] = m.ic.aic;
  out["bic"] = m.ic.bic;
  out["hqic"] = m.ic.hqic;
  out["stable"] = analysis::IsStable(m);
  const Eigen::VectorXd moduli = analysis::CompanionEigenvalueModuli(m);
  out["max_root_modulus"] = moduli.size() > 0 ? moduli(0) : 0.0;
  out["raised_to_one_lag"] = fitted.raised_to_one_lag;
  if (fitted.selection) {
    py::dict s;
    s["aic"] = py::cast(fitted.selection->aic);
    s["bic"] = py::cast(fitted.selection->bic);
    s["hqic"] = py::cast(fitted.selection->hqic);
    s["aic_order"] = fitted.selection->aic_order;
    s["bic_order"] = fitted.selection->bic_order;
    s["hqic_order"] = fitted.selection->hqic_order;
    out["selection"] = s;
  } else {
    out["selection"] = py::none();
  }
  out["input"] = pipeline::DescribeInput(in, ToSelection(sel));
  return out;
}

}  // namespace

void RegisterAnalysis(py::module_& m) {
  using py::arg;
  m.def("series", &Series, arg("source"), arg("actors"), arg("period"), arg("normalize"),
        arg("origins"), arg("all_modalities"), arg("start"), arg("end"), arg("story_weighting"));
  m.def("triangle", &Triangle, arg("source"), arg("actors"), arg("period"), arg("band"),
        arg("min_events"), arg("statistic"), arg("normalize"), arg("origins"),
        arg("all_modalities"), arg("start"), arg("end"), arg("story_weighting"));
  m.def("var", &Var, arg("source"), arg("actors"), arg("period"), arg("lags"), arg("select"),
        arg("maxlags"), arg("horizon"), arg("origins"), arg("all_modalities"), arg("start"),
        arg("end"), arg("story_weighting"));
}

}  // namespace trigon::python
