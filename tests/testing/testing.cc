#include "testing/testing.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace trigon::testing {

std::string SourceDir() {
  if (const char* env = std::getenv("TRIGON_SOURCE_DIR")) return env;
  return TRIGON_SOURCE_DIR;
}

std::string SharedDir() {
  std::string dir;
  if (const char* env = std::getenv("TRIGON_SHARED_DIR")) {
    dir = env;
  } else {
    dir = SourceDir() + "/../shared";
  }
  std::error_code ec;
  return std::filesystem::is_directory(dir, ec) ? dir : std::string();
}

std::string MakeTempDir() {
  static std::atomic<int> counter{0};
  const auto base = std::filesystem::temp_directory_path() /
                    ("trigon-test-" + std::to_string(::getpid()) + "-" +
                     std::to_string(counter++));
  std::filesystem::remove_all(base);
  std::filesystem::create_directories(base);
  return base.string();
}

std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace trigon::testing
