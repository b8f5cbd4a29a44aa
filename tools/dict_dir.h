#pragma once
// Where the Trigon dictionaries are when --dict is not given.

#include <string>

namespace trigon::tools {

// The first of: $TRIGON_DICT_DIR, ./data/dict, <binary dir>/../data/dict,
// the source tree's data/dict, that exists; "" if none does.
std::string DefaultDictionaryDir(const char* argv0);

}  // namespace trigon::tools
