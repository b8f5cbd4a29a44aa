#include "analysis_input.h"

#include <CLI/CLI.hpp>

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

}  // namespace trigon::tools
