#pragma once
// The PLOVER category of a CAMEO code, from the CAMEO -> PLOVER table of the
// PLOVER manual (generated into plover_table.inc and data/cameo/plover.txt
// by scripts/gen_plover.py), for `trigon code --format plover`.

#include <optional>
#include <string_view>

namespace trigon::coding {

struct PloverCategory {
  std::string_view event_type;  // "CONSULT", "SANCTION", ...
  std::string_view mode;        // "" when the table gives none
  std::string_view contexts;    // ';'-separated, "" when none
};

// The category of `code`.  A code missing from the table takes its 3-digit
// parent's, then its root's.  nullopt for codes PLOVER has no category for:
// roots 01 (public statements) and 02 (appeals) are not PLOVER events.
std::optional<PloverCategory> PloverForCameo(std::string_view code);

}  // namespace trigon::coding
