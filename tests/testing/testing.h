#pragma once
// Paths to fixtures for tests.  ../shared is optional: tests that need it
// call SharedDir() and GTEST_SKIP() when it returns an empty string.

#include <string>
#include <vector>

namespace trigon::testing {

// The project's source tree (for data/ and tests/golden/).
std::string SourceDir();

// ../shared beside the source tree (or $TRIGON_SHARED_DIR), or "" if absent.
std::string SharedDir();

// What a shell command printed on stdout, and its exit code (-1 if it
// could not run or did not exit normally).
struct ShellResult {
  int exit_code = -1;
  std::string out;
};

// Runs `command` with /bin/sh (popen) and captures its stdout; redirect
// stderr in the command to capture it too.
ShellResult RunShell(const std::string& command);

// Runs `argv` (argv[0] is the program path; stdout and stderr to
// /dev/null), sends it SIGKILL after `delay_ms` -- no cleanup runs, as in a
// crash or power cut -- and waits for it.  True if the kill ended it, false
// if it had exited first or could not start.
bool RunAndKillAfter(const std::vector<std::string>& argv, int delay_ms);

// A fresh empty directory under the system temp dir, unique per call.
std::string MakeTempDir();

// Reads a whole file; aborts the test binary's expectations with "" on error.
std::string ReadFileOrEmpty(const std::string& path);

}  // namespace trigon::testing
