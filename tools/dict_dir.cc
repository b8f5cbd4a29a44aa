#include "dict_dir.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace trigon::tools {

std::string DefaultDictionaryDir(const char* argv0) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("TRIGON_DICT_DIR")) candidates.emplace_back(env);
  candidates.emplace_back("data/dict");
  if (argv0) {
    candidates.push_back(fs::absolute(argv0, ec).parent_path() / ".." / "data" / "dict");
  }
  candidates.emplace_back(TRIGON_SOURCE_DIR "/data/dict");
  for (const fs::path& p : candidates) {
    if (fs::is_directory(p, ec)) return fs::weakly_canonical(p, ec).string();
  }
  return "";
}

}  // namespace trigon::tools
