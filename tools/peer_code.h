#pragma once
// `trigon code --dict-format tabari|petrarch`: codes files or a JSON Lines
// stream with TABARI / PETRARCH-2 dictionaries (src/dictformat) and writes
// the events to stdout.  No database: peer dictionaries are for
// comparisons and migrations, and their events are not mixed into a store
// coded with Trigon's own.

#include <string>
#include <vector>

#include "event_output.h"

namespace trigon::tools {

struct PeerCodeArgs {
  std::string dict_format;           // "tabari" or "petrarch"
  std::string verbs;                 // --verbs
  std::vector<std::string> actors;   // --actors (repeatable)
  std::string agents;                // --agents
  std::string discards;              // --discards (PETRARCH)
  std::string options;               // --tabari-options
  std::string trigon_dict;           // with --with-trigon-dict: data/dict
  std::vector<std::string> paths;
  bool from_stdin = false;
  EventFormat format = EventFormat::kJsonl;
  bool quiet = false;
  bool skip_bad_lines = false;  // --skip-bad-lines: leave out malformed
                                // dictionary lines (listed on stderr)
};

// Exit codes as commands.h: kExitOk, kExitPartial (some inputs or, with
// skip_bad_lines, dictionary lines skipped), kExitFailure (bad
// dictionaries: the message names file:line).
int RunPeerCode(const PeerCodeArgs& args);

}  // namespace trigon::tools
