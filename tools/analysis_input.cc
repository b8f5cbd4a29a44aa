#include "analysis_input.h"

#include <CLI/CLI.hpp>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include "store/database.h"
#include "store/event_repository.h"

namespace trigon::tools {

void AddAnalysisInputOptions(CLI::App* cmd, AnalysisInputArgs& args) {
  cmd->add_option("--db", args.db, "Database file")->capture_default_str();
  cmd->add_option("--actors", args.actors, "The three actors, comma-separated")
      ->capture_default_str();
  cmd->add_option("--origin", args.origins,
                  "Only events of this origin (trigon, gdelt1, gdelt2, icews, csv); "
                  "repeatable; default all");
  cmd->add_flag("--all-modalities", args.all_modalities,
                "Include negated, hypothetical, advocated, future and historical events");
  cmd->add_option("--from", args.from, "First day (YYYY-MM-DD)");
  cmd->add_option("--to", args.to, "Last day (YYYY-MM-DD)");
  cmd->add_flag("--story-weighting", args.story_weighting, "Count each near-duplicate story once");
}

std::string DyadLabel(const analysis::Triad& triad, int i) {
  const analysis::DirectedDyad d = analysis::kDirectedDyads[static_cast<size_t>(i)];
  return triad[static_cast<size_t>(d.source)] + "->" + triad[static_cast<size_t>(d.target)];
}

Result<AnalysisInput> LoadAnalysisInput(const AnalysisInputArgs& args) {
  AnalysisInput in;
  std::vector<std::string> actors;
  std::string rest = args.actors;
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
        args.actors + "'");
  }
  in.triad = {actors[0], actors[1], actors[2]};
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

  store::StoreOptions options;
  options.read_only = true;
  auto db = store::Database::Open(args.db, options);
  if (!db.ok()) return db.status().WithContext("cannot open database " + args.db);
  store::EventRepository repo(**db);
  store::EventFilter filter;
  filter.countries = actors;
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
  in.origin_filter = args.origins;
  return in;
}

std::string DescribeInput(const AnalysisInput& input, const AnalysisInputArgs& args) {
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

}  // namespace trigon::tools
