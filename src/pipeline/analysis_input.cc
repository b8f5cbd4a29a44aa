#include "pipeline/analysis_input.h"

#include <memory>
#include <set>
#include <utility>

#include "store/database.h"

namespace trigon::pipeline {

Result<analysis::Triad> ParseTriad(const std::string& actors_csv) {
  std::vector<std::string> actors;
  std::string rest = actors_csv;
  while (true) {
    const size_t comma = rest.find(',');
    actors.push_back(rest.substr(0, comma));
    if (comma == std::string::npos) break;
    rest = rest.substr(comma + 1);
  }
  if (actors.size() != 3 || actors[0].empty() || actors[1].empty() || actors[2].empty() ||
      actors[0] == actors[1] || actors[0] == actors[2] || actors[1] == actors[2]) {
    return Status::InvalidArgument(
        "--actors needs three different actor codes, e.g. "
        "USA,RUS,CHN; got '" +
        actors_csv + "'");
  }
  return analysis::Triad{actors[0], actors[1], actors[2]};
}

std::string DyadLabel(const analysis::Triad& triad, int i) {
  const analysis::DirectedDyad d = analysis::kDirectedDyads[static_cast<size_t>(i)];
  return triad[static_cast<size_t>(d.source)] + "->" + triad[static_cast<size_t>(d.target)];
}

AnalysisInput AnalysisInputFromEvents(const std::vector<store::StoredEvent>& rows,
                                      const analysis::Triad& triad,
                                      const std::map<std::string, std::string>& story_of) {
  AnalysisInput in;
  in.triad = triad;
  // The rows are already selected: count every modality they hold.
  in.series_options.only_modality.clear();
  in.series_options.weight_stories = false;
  std::set<std::string> origins;
  in.events.reserve(rows.size());
  for (const store::StoredEvent& r : rows) {
    const model::Event& e = r.event;
    if (!e.date) {
      ++in.undated;
      continue;
    }
    Result<int32_t> day = analysis::ParseIsoDate(*e.date);
    if (!day.ok()) {  // a month or a year only
      ++in.undated;
      continue;
    }
    origins.insert(r.origin);
    analysis::DyadEvent d;
    d.day = *day;
    d.source = e.source_country;
    d.target = e.target_country;
    d.goldstein = e.goldstein;
    d.quad = e.quad_class;
    d.modality = std::string(model::ModalityName(e.modality));
    if (!r.doc_id.empty()) {
      const auto it = story_of.find(r.doc_id);
      d.story = it == story_of.end() ? r.doc_id : it->second;
    }
    d.event_id = r.id;
    d.code = e.code;
    in.events.push_back(std::move(d));
  }
  in.origins.assign(origins.begin(), origins.end());
  return in;
}

namespace {

// Checks the selection's actors and dates before any database work.
Result<AnalysisInput> PrepareInput(const AnalysisSelection& args) {
  AnalysisInput in;
  TRIGON_ASSIGN_OR_RETURN(in.triad, ParseTriad(args.actors));
  if (!args.from.empty()) {
    TRIGON_ASSIGN_OR_RETURN(int32_t d, analysis::ParseIsoDate(args.from));
    in.series_options.from_day = d;
  }
  if (!args.to.empty()) {
    TRIGON_ASSIGN_OR_RETURN(int32_t d, analysis::ParseIsoDate(args.to));
    in.series_options.to_day = d;
  }
  in.series_options.weight_stories = args.story_weighting;
  if (args.all_modalities) in.series_options.only_modality.clear();
  in.origin_filter = args.origins;
  return in;
}

Result<AnalysisInput> LoadPrepared(store::Database& db, const AnalysisSelection& args,
                                   AnalysisInput prepared) {
  store::EventRepository repo(db);
  store::EventFilter filter;
  filter.countries.assign(prepared.triad.begin(), prepared.triad.end());
  filter.origins = args.origins;
  if (!args.all_modalities) filter.modalities = {"asserted"};
  if (!args.from.empty()) filter.from = args.from;
  if (!args.to.empty()) filter.to = args.to;
  TRIGON_ASSIGN_OR_RETURN(std::vector<store::StoredEvent> rows, repo.Query(filter));
  std::map<std::string, std::string> story_of;
  if (args.story_weighting) {
    TRIGON_ASSIGN_OR_RETURN(auto groups, repo.StoryGroups());
    for (auto& [doc, rep] : groups) story_of[doc] = rep;
  }
  AnalysisInput in = AnalysisInputFromEvents(rows, prepared.triad, story_of);
  in.series_options = std::move(prepared.series_options);
  in.origin_filter = std::move(prepared.origin_filter);
  return in;
}

}  // namespace

Result<AnalysisInput> LoadAnalysisInput(store::Database& db, const AnalysisSelection& args) {
  TRIGON_ASSIGN_OR_RETURN(AnalysisInput prepared, PrepareInput(args));
  return LoadPrepared(db, args, std::move(prepared));
}

Result<AnalysisInput> LoadAnalysisInput(const AnalysisSelection& args) {
  TRIGON_ASSIGN_OR_RETURN(AnalysisInput prepared, PrepareInput(args));
  store::StoreOptions options;
  options.read_only = true;
  auto db = store::Database::Open(args.db, options);
  if (!db.ok()) {
    return db.status().WithContext("cannot open database " + store::DisplayLocation(args.db));
  }
  return LoadPrepared(**db, args, std::move(prepared));
}

std::string DescribeInput(const AnalysisInput& input, const AnalysisSelection& args) {
  std::string origins;
  for (const std::string& o : input.origins) origins += (origins.empty() ? "" : ",") + o;
  std::string filter;
  for (const std::string& o : input.origin_filter) filter += (filter.empty() ? "" : ",") + o;
  return "origins: " + (origins.empty() ? std::string("none") : origins) +
         " (filter: " + (filter.empty() ? std::string("all") : filter) + "); " +
         std::to_string(input.events.size()) + " events; " + std::to_string(input.undated) +
         " without a full date excluded; modality: " + (args.all_modalities ? "all" : "asserted") +
         (args.story_weighting ? "; stories weighted once" : "");
}

}  // namespace trigon::pipeline
