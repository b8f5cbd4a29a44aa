#include "server/report_builder.h"

#include <fmt/core.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "analysis/game.h"
#include "analysis/irf.h"
#include "analysis/scenario.h"
#include "analysis/var.h"
#include "analysis/var_reciprocity.h"
#include "pipeline/dyad_var.h"
#include "store/database.h"
#include "store/event_repository.h"

namespace trigon::server {
namespace {

constexpr int kVarMaxLags = 4;
constexpr int kBootstrap = 200;
constexpr uint64_t kSeed = 0;
constexpr int kHorizon = 8;
constexpr int kScenarioHorizon = 12;
constexpr double kReverseNixonSize = 2.0;
constexpr double kReverseNixonDays = 26 * 7;
constexpr double kDaysPerMonth = 30.436875;  // Gregorian mean
constexpr size_t kTopEvents = 3;

double DaysPerPeriod(analysis::Period p) {
  switch (p) {
    case analysis::Period::kDay:
      return 1;
    case analysis::Period::kWeek:
      return 7;
    case analysis::Period::kMonth:
      return kDaysPerMonth;
    case analysis::Period::kQuarter:
      return 3 * kDaysPerMonth;
    case analysis::Period::kYear:
      return 12 * kDaysPerMonth;
  }
  return kDaysPerMonth;
}

std::vector<report::Count> ToCounts(const std::map<std::string, int64_t>& m) {
  std::vector<report::Count> out;
  for (const auto& [k, n] : m) out.push_back({k, n});
  return out;
}

std::vector<report::Count> ToCounts(const std::vector<std::pair<std::string, int64_t>>& v) {
  std::vector<report::Count> out;
  for (const auto& [k, n] : v) out.push_back({k.empty() ? "(none)" : k, n});
  return out;
}

// Looks up stored events and their documents to build evidence rows;
// documents are loaded once, and only when one of their events is shown.
class EvidenceSource {
 public:
  // `events` must outlive the source.
  EvidenceSource(store::Database& db, const std::vector<store::StoredEvent>& events)
      : db_(db), events_(events) {
    for (size_t i = 0; i < events_.size(); ++i) by_id_[events_[i].id] = i;
  }
  const store::StoredEvent* Find(int64_t id) const {
    const auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : &events_[it->second];
  }
  report::EvidenceRow Row(const store::StoredEvent& e) {
    report::EvidenceRow r;
    r.event_id = e.id;
    r.date = e.event.date.value_or("");
    r.code = e.event.code;
    r.goldstein = e.event.goldstein;
    r.modality = std::string(model::ModalityName(e.event.modality));
    if (e.doc_id.empty()) {
      // Imported: cite the file and line (the full path as the source).
      const size_t slash = e.import_file.rfind('/');
      r.doc_title = (slash == std::string::npos ? e.import_file : e.import_file.substr(slash + 1)) +
                    ":" + std::to_string(e.import_line) + " (" + e.origin + " import)";
      r.source_path = e.import_file;
      return r;
    }
    const model::Document* doc = Doc(e.doc_id);
    if (doc == nullptr) {
      r.doc_title = "document " + e.doc_id + " (not loadable)";
      return r;
    }
    r.doc_title = doc->title.empty() ? doc->source_path : doc->title;
    r.doc_date = doc->date.value_or("");
    r.url = doc->url;
    r.source_path = doc->source_path;
    if (e.sentence >= 0 && static_cast<size_t>(e.sentence) < doc->sentences.size()) {
      const model::Span s = doc->sentences[static_cast<size_t>(e.sentence)].span;
      if (s.end <= doc->text.size()) r.sentence = doc->text.substr(s.begin, s.size());
    }
    return r;
  }

 private:
  const model::Document* Doc(const std::string& id) {
    auto it = docs_.find(id);
    if (it == docs_.end()) {
      auto loaded = db_.LoadDocument(id);
      it = docs_
               .emplace(id, loaded.ok() ? std::make_unique<model::Document>(std::move(*loaded))
                                        : nullptr)
               .first;
    }
    return it->second.get();
  }
  store::Database& db_;
  const std::vector<store::StoredEvent>& events_;
  std::map<int64_t, size_t> by_id_;
  std::map<std::string, std::unique_ptr<model::Document>> docs_;
};

void FillCellTotals(const analysis::DyadCell& cell, report::SeriesCell& out) {
  out.events = cell.events;
  out.goldstein_sum = cell.goldstein_sum;
  out.cooperation = cell.cooperation_sum;
  out.conflict = cell.conflict_sum;
  out.evidence_total = static_cast<int64_t>(cell.event_ids.size());
}

void FillCellEvidence(const analysis::DyadCell& cell, int max_evidence, EvidenceSource& source,
                      report::SeriesCell& out) {
  std::vector<const store::StoredEvent*> events;
  for (const int64_t id : cell.event_ids) {
    if (const store::StoredEvent* e = source.Find(id)) events.push_back(e);
  }
  auto date = [](const store::StoredEvent* e) { return e->event.date.value_or(""); };
  std::stable_sort(events.begin(), events.end(),
                   [&](auto* a, auto* b) { return date(a) < date(b); });
  for (size_t i = 0; i < events.size() && static_cast<int>(i) < max_evidence; ++i) {
    out.evidence.push_back(source.Row(*events[i]));
  }
  std::stable_sort(events.begin(), events.end(), [](auto* a, auto* b) {
    return std::fabs(a->event.goldstein) > std::fabs(b->event.goldstein);
  });
  for (size_t i = 0; i < events.size() && i < kTopEvents; ++i) {
    out.top.push_back(source.Row(*events[i]));
  }
}

report::Path ToPath(const std::vector<Eigen::MatrixXd>& v, int i, int j,
                    const analysis::IrfBands* bands) {
  report::Path p;
  for (size_t h = 0; h < v.size(); ++h) {
    p.value.push_back(v[h](i, j));
    if (bands != nullptr) {
      p.lower.push_back(bands->lower[h](i, j));
      p.upper.push_back(bands->upper[h](i, j));
    }
  }
  return p;
}

// Lag order by BIC with maxlags 4, lowered until the sample allows it.
Result<pipeline::FittedDyadVar> FitForReport(const TriadAnalysis& a, report::VarView& view) {
  pipeline::VarSpec spec;
  spec.period = std::string(analysis::PeriodName(a.period));
  spec.select = "bic";
  spec.maxlags = kVarMaxLags;
  auto fitted = pipeline::FitDyadVarWithinSample(a.input, spec);
  if (!fitted.ok()) return fitted;
  view.maxlags = fitted->maxlags_used;
  if (fitted->maxlags_used < kVarMaxLags) {
    view.note = fmt::format("maxlags lowered from {} to {} to fit the sample.", kVarMaxLags,
                            fitted->maxlags_used);
  }
  if (fitted->raised_to_one_lag) view.note += " BIC chose 0 lags; 1 lag fitted.";
  return fitted;
}

void FillVar(const TriadAnalysis& a, report::ReportModel& m, std::optional<pipeline::FittedDyadVar>& fitted_out) {
  report::VarView& v = m.var;
  auto fitted = FitForReport(a, v);
  if (!fitted.ok()) {
    v.why_not = fitted.status().message();
    return;
  }
  const analysis::VarModel& model = fitted->model;
  auto rec = analysis::AnalyzeReciprocity(model, fitted->dyads);
  auto irf = analysis::ComputeImpulseResponses(model, kHorizon);
  if (!rec.ok() || !irf.ok()) {
    v.why_not = (!rec.ok() ? rec.status() : irf.status()).message();
    return;
  }
  analysis::BootstrapOptions bo;
  bo.repetitions = kBootstrap;
  bo.seed = kSeed;
  auto bands = analysis::BootstrapIrfBands(model, kHorizon, bo);
  v.estimated = true;
  v.lags = model.p;
  v.nobs = model.nobs;
  v.periods = static_cast<int>(fitted->labels.size());
  v.bic = model.ic.bic;
  v.stable = analysis::IsStable(model);
  if (!bands.ok()) {
    v.note += " No bands: " + bands.status().message();
  } else {
    v.bootstrap = bands->replications;
  }
  for (const analysis::DyadReciprocity& d : rec->dyads) {
    report::VarDyadRow r;
    r.dyad = d.dyad.source + "->" + d.dyad.target;
    r.routine_f = d.routine.statistic;
    r.routine_p = d.routine.p_value;
    r.routine_sum = d.routine_sum;
    r.has_reciprocity = d.reciprocity.has_value();
    if (d.reciprocity) {
      r.reciprocity_f = d.reciprocity->statistic;
      r.reciprocity_p = d.reciprocity->p_value;
    }
    r.reciprocity_sum = d.reciprocity_sum;
    r.has_triangularity = d.triangularity.has_value();
    if (d.triangularity) {
      r.triangularity_f = d.triangularity->statistic;
      r.triangularity_p = d.triangularity->p_value;
    }
    v.dyads.push_back(r);
  }
  for (int shock = 0; shock < model.k; ++shock) {
    std::vector<report::Path> row;
    for (int resp = 0; resp < model.k; ++resp) {
      row.push_back(ToPath(irf->orthogonal, resp, shock, bands.ok() ? &*bands : nullptr));
    }
    v.irf.push_back(std::move(row));
  }
  fitted_out = std::move(fitted).value();
}

std::array<std::string, 3> Roles(const analysis::Configured& c) {
  std::array<std::string, 3> out;
  for (size_t a = 0; a < 3; ++a) out[a] = std::string(analysis::RoleName(c.roles[a]));
  return out;
}

void FillScenario(const pipeline::FittedDyadVar* fitted, const analysis::Triad& triad, analysis::Period period,
                  double band, report::ReportModel& m) {
  report::ScenarioView& s = m.scenario;
  s.requested = true;
  s.name = "reverse-nixon";
  analysis::Shock shock;
  shock.series = analysis::DirectedDyadIndex(0, 1);
  shock.size = kReverseNixonSize;
  shock.duration =
      std::max(1, static_cast<int>(std::lround(kReverseNixonDays / DaysPerPeriod(period))));
  s.shock = fmt::format("{}->{} {:+g} Goldstein per period for {} periods (26 weeks)", triad[0],
                        triad[1], shock.size, shock.duration);
  if (fitted == nullptr) {
    s.why_not = "the VAR could not be estimated: " + m.var.why_not;
    return;
  }
  analysis::ScenarioOptions so;
  so.horizon = kScenarioHorizon;
  so.bootstrap = kBootstrap;
  so.seed = kSeed;
  auto r = analysis::SimulateScenario(fitted->model, {shock}, so);
  if (!r.ok()) {
    s.why_not = r.status().message();
    return;
  }
  s.estimated = true;
  s.horizon = kScenarioHorizon;
  s.bootstrap = r->replications;
  for (const auto& [src, tgt] : {std::pair{1, 2}, std::pair{2, 1}}) {
    const int j = analysis::DirectedDyadIndex(src, tgt);
    report::Path p;
    for (int h = 0; h < r->effect.rows(); ++h) {
      p.value.push_back(r->effect(h, j));
      if (r->effect_lower.size() > 0) {
        p.lower.push_back(r->effect_lower(h, j));
        p.upper.push_back(r->effect_upper(h, j));
      }
    }
    s.effects.emplace_back(pipeline::DyadLabel(triad, j), std::move(p));
  }
  const auto base_signs = analysis::ProjectedPairSigns(r->baseline, band, nullptr);
  const auto shock_signs = analysis::ProjectedPairSigns(r->shocked, band, nullptr);
  const analysis::Configured base = analysis::ConfigureSigns(base_signs);
  const analysis::Configured shocked = analysis::ConfigureSigns(shock_signs);
  s.before = std::string(analysis::ConfigurationName(base.configuration));
  s.after = std::string(analysis::ConfigurationName(shocked.configuration));
  s.roles_before = Roles(base);
  s.roles_after = Roles(shocked);
  const analysis::GameAnalysis game = analysis::AnalyseGame(shock_signs);
  s.nash_stable = game.nash_stable;
  for (size_t a = 0; a < 3; ++a) {
    const analysis::ActorGame& g = game.actors[a];
    std::string flips;
    for (const analysis::Flip& f : g.flips) {
      flips += fmt::format("{}{} with {}", flips.empty() ? "" : " and ",
                           f.to == analysis::Sign::kAmity ? "amity" : "enmity",
                           triad[static_cast<size_t>(f.other)]);
    }
    s.best_responses[a] =
        fmt::format("{} -> {}{}", analysis::RoleName(g.current), analysis::RoleName(g.best),
                    g.can_improve ? " by " + flips : std::string(" (keeps its posture)"));
  }
}

Status FillQuality(store::Database& db, const std::vector<store::StoredEvent>& all_modalities,
                   const pipeline::AnalysisInput& in, report::ReportModel& m) {
  report::QualityView& q = m.quality;
  TRIGON_ASSIGN_OR_RETURN(store::StoreSummary sum, db.Summary());
  q.documents = sum.documents;
  q.sentences = sum.sentences;
  q.sentences_by_lang = ToCounts(sum.sentences_by_lang);
  q.documents_by_date_basis = ToCounts(sum.dates_by_basis);
  TRIGON_ASSIGN_OR_RETURN(std::vector<store::LinkRow> links, db.ListLinks());
  q.near_duplicate_links = static_cast<int64_t>(links.size());
  std::map<std::string, int64_t> kinds, modality, basis, origin;
  for (const store::LinkRow& l : links) ++kinds[l.kind];
  for (const store::StoredEvent& e : all_modalities) {
    ++modality[std::string(model::ModalityName(e.event.modality))];
    ++basis[std::string(model::DateBasisName(e.event.date_basis))];
    if (e.origin != "trigon") ++origin[e.origin];
  }
  q.links_by_kind = ToCounts(kinds);
  q.events_by_modality = ToCounts(modality);
  q.event_dates_by_basis = ToCounts(basis);
  q.imported_by_origin = ToCounts(origin);
  q.undated_events = in.undated;
  return Status::OK();
}

}  // namespace

Result<TriadAnalysis> AnalyseTriad(store::Database& db,
                                   const pipeline::AnalysisSelection& selection,
                                   analysis::Period period,
                                   const analysis::TriangleOptions& triangle_options,
                                   int64_t max_periods) {
  TriadAnalysis a;
  a.period = period;
  TRIGON_ASSIGN_OR_RETURN(a.input, pipeline::LoadAnalysisInput(db, selection));
  analysis::SeriesOptions so = a.input.series_options;
  so.max_periods = max_periods;
  TRIGON_ASSIGN_OR_RETURN(a.series, analysis::BuildDyadSeries(a.input.events, a.input.triad,
                                                              period, so));
  TRIGON_ASSIGN_OR_RETURN(a.triangle, analysis::ClassifyTriangle(a.series, triangle_options));
  return a;
}

Result<report::ReportModel> BuildReportModel(store::Database& db, const ReportOptions& options) {
  if (!options.scenario.empty() && options.scenario != "reverse-nixon") {
    return Status::InvalidArgument("unknown scenario '" + options.scenario +
                                   "' (known: reverse-nixon)");
  }
  if (!options.scenario.empty() && !options.with_var) {
    return Status::InvalidArgument("a scenario needs the VAR (ReportOptions::with_var)");
  }
  analysis::TriangleOptions to;
  to.neutral_band = options.band;
  to.min_events = options.min_events;
  TRIGON_ASSIGN_OR_RETURN(TriadAnalysis a, AnalyseTriad(db, options.selection, options.period,
                                                        to, options.max_periods));
  const pipeline::AnalysisInput& in = a.input;

  // Evidence and quality look at every modality of the triad's events
  // (as the numbers' own filter, but without the modality restriction).
  std::vector<store::StoredEvent> stored;
  if (options.with_evidence || options.with_quality) {
    store::EventRepository repo(db);
    store::EventFilter filter;
    filter.countries = {in.triad.begin(), in.triad.end()};
    filter.origins = options.selection.origins;
    if (!options.selection.from.empty()) filter.from = options.selection.from;
    if (!options.selection.to.empty()) filter.to = options.selection.to;
    TRIGON_ASSIGN_OR_RETURN(stored, repo.Query(filter));
  }

  report::ReportModel m;
  m.database = options.database_label;
  m.actors = in.triad;
  m.period = std::string(analysis::PeriodName(options.period));
  m.origins = in.origins;
  std::string filter_text;
  for (const std::string& o : options.selection.origins) {
    filter_text += (filter_text.empty() ? "" : ",") + o;
  }
  m.origin_filter = filter_text.empty() ? "all" : filter_text;
  m.input = pipeline::DescribeInput(in, options.selection);
  m.events = static_cast<int64_t>(in.events.size());
  m.generated = options.generated;
  m.max_evidence = options.with_evidence ? options.max_evidence : 0;
  for (int i = 0; i < analysis::kNumDirectedDyads; ++i) {
    m.dyads[static_cast<size_t>(i)] = pipeline::DyadLabel(in.triad, i);
  }
  std::optional<EvidenceSource> source;
  if (options.with_evidence) source.emplace(db, stored);
  for (size_t r = 0; r < a.series.rows.size(); ++r) {
    const analysis::PeriodRow& row = a.series.rows[r];
    const analysis::TrianglePeriod& tp = a.triangle.periods[r];
    report::PeriodView p;
    p.label = row.label;
    p.configuration = std::string(analysis::ConfigurationName(tp.configuration));
    p.pivot = tp.pivot.value_or(-1);
    for (size_t k = 0; k < 3; ++k) p.roles[k] = std::string(analysis::RoleName(tp.roles[k]));
    p.reason = tp.reason;
    for (size_t i = 0; i < analysis::kNumPairs; ++i) {
      const analysis::DyadAssessment& d = tp.dyads[i];
      p.pairs[i] = {d.actors[0], d.actors[1], std::string(analysis::DyadStatusName(d.status)),
                    d.statistic, d.events};
      if (d.status == analysis::DyadStatus::kInsufficient) p.sparse = true;
    }
    if (tp.configuration != analysis::Configuration::kIndeterminate) p.sparse = false;
    for (size_t d = 0; d < analysis::kNumDirectedDyads; ++d) {
      FillCellTotals(row.cells[d], p.cells[d]);
      if (source) FillCellEvidence(row.cells[d], options.max_evidence, *source, p.cells[d]);
    }
    m.periods.push_back(std::move(p));
  }
  if (options.with_var) {
    std::optional<pipeline::FittedDyadVar> fitted;
    FillVar(a, m, fitted);
    if (options.scenario == "reverse-nixon") {
      FillScenario(fitted ? &*fitted : nullptr, in.triad, options.period, options.band, m);
    }
  }
  if (options.with_quality) TRIGON_RETURN_IF_ERROR(FillQuality(db, stored, in, m));
  return m;
}

}  // namespace trigon::server
