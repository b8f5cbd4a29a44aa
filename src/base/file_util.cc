#include "base/file_util.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace trigon {

Result<std::string> ReadFileBytes(const std::string& path,
                                  const ReadFileOptions& options) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    return Status::NotFound(path + ": no such file");
  }
  if (std::filesystem::is_directory(status)) {
    return Status::IOError(path + ": is a directory");
  }
  if (!std::filesystem::is_regular_file(status)) {
    // FIFOs, sockets and devices could block or never end.
    return Status::IOError(path + ": not a regular file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::IOError(path + ": cannot open: " + std::strerror(errno));
  }
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) return Status::IOError(path + ": cannot determine size");
  if (static_cast<uint64_t>(size) > options.max_bytes) {
    return Status::ResourceExhausted(
        path + ": file is " + std::to_string(size) + " bytes, over the limit of " +
        std::to_string(options.max_bytes));
  }
  in.seekg(0, std::ios::beg);
  std::string bytes(static_cast<size_t>(size), '\0');
  if (size > 0 && !in.read(bytes.data(), size)) {
    return Status::IOError(path + ": read failed");
  }
  return bytes;
}

Result<std::vector<std::string>> ExpandPaths(
    const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(p, ec))) {
      return Status::NotFound(p + ": no such file or directory");
    }
    if (!fs::is_directory(p, ec)) {
      out.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(
        p, fs::directory_options::skip_permission_denied, ec);
    if (ec) return Status::IOError(p + ": " + ec.message());
    for (auto end = fs::recursive_directory_iterator(); it != end;
         it.increment(ec)) {
      if (ec) return Status::IOError(p + ": " + ec.message());
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      // Everything that is not a directory is listed, so that dangling
      // links and special files are reported as skipped, not lost.
      if (!it->is_directory(ec)) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace trigon
