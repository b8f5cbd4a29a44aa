#pragma once
// Each verb of the trigon tool lives in its own *_command.cc and registers
// itself here.  A verb's callback stores its exit code in `exit_code`.

namespace CLI {
class App;
}

namespace trigon::tools {

// Exit codes: 0 ok, 1 some inputs were skipped or bad arguments, 2 a hard
// failure (database, I/O), 70 an internal error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitPartial = 1;
inline constexpr int kExitFailure = 2;
inline constexpr int kExitInternal = 70;

void AddIngestCommand(CLI::App& app, int& exit_code);
void AddDocsCommand(CLI::App& app, int& exit_code);
void AddSentencesCommand(CLI::App& app, int& exit_code);
void AddSummaryCommand(CLI::App& app, int& exit_code);
// `argv0` locates the default dictionary folder beside the binary.
void AddCodeCommand(CLI::App& app, int& exit_code, const char* argv0);
void AddExplainCommand(CLI::App& app, int& exit_code, const char* argv0);
void AddImportCommand(CLI::App& app, int& exit_code, const char* argv0);
void AddSeriesCommand(CLI::App& app, int& exit_code);
void AddTriangleCommand(CLI::App& app, int& exit_code);
void AddVarCommand(CLI::App& app, int& exit_code);
void AddSimulateCommand(CLI::App& app, int& exit_code);
void AddReportCommand(CLI::App& app, int& exit_code);
void AddServeCommand(CLI::App& app, int& exit_code);

}  // namespace trigon::tools
