#pragma once
// Reading files with errors that name the path.

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"

namespace trigon {

struct ReadFileOptions {
  // Files larger than this are refused with ResourceExhausted (not read).
  // Default 256 MiB.
  uint64_t max_bytes = 256ull << 20;
};

// Reads the whole file as bytes.  Errors: NotFound (also a dangling link),
// IOError (unreadable, a directory, not a regular file), ResourceExhausted
// (larger than options.max_bytes).
Result<std::string> ReadFileBytes(const std::string& path,
                                  const ReadFileOptions& options = {});

// Expands files and directories (recursively, sorted by path so runs are
// reproducible) into a list of everything that is not a directory: regular
// files, and also dangling links and special files, which ReadFileBytes
// then refuses with a reason.  Hidden entries (leading '.') inside
// directories are skipped.  A path that does not exist is an error.
Result<std::vector<std::string>> ExpandPaths(
    const std::vector<std::string>& paths);

}  // namespace trigon
