// trigon import FILE...: load external event files (GDELT 1.0/2.0, ICEWS,
// generic CSV) into the database, tagged with their origin.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "base/file_util.h"
#include "commands.h"
#include "dict_dir.h"
#include "import/country_names.h"
#include "import/event_file_reader.h"
#include "import/icews_format.h"
#include "store/database.h"
#include "store/event_repository.h"

namespace trigon::tools {
namespace {

constexpr int kBatchRows = 5000;
constexpr int kMaxReportedErrors = 20;

struct ImportArgs {
  std::vector<std::string> files;
  std::string format;  // "" = detect
  std::string db = "trigon.db";
  std::string countries;  // "" = countries.txt in DefaultDictionaryDir
  bool countries_given = false;
};

struct FileCounts {
  int64_t loaded = 0;
  int64_t present = 0;
  int64_t rejected = 0;
};

// Imports one file; a hard (database) failure returns an error.
Result<FileCounts> ImportFile(const std::string& path, import::ImportFormat format,
                              const std::string& data, const import::ImportOptions& options,
                              store::Database& db) {
  FileCounts c;
  TRIGON_ASSIGN_OR_RETURN(auto reader, import::EventFileReader::Open(data, path, format, options));
  store::EventRepository repo(db);
  const std::string origin(import::ImportFormatName(format));
  TRIGON_RETURN_IF_ERROR(db.Begin());
  int in_batch = 0;
  while (auto row = reader->Next()) {
    if (!row->ok()) {
      if (c.rejected++ < kMaxReportedErrors) {
        fmt::print(stderr, "{}\n", row->status().message());
      }
      continue;
    }
    const import::ImportedEvent& e = **row;
    Result<bool> inserted =
        repo.InsertImported(origin, path, static_cast<int64_t>(e.line), e.external_id, e.event);
    if (!inserted.ok()) {
      (void)db.Rollback();
      return inserted.status();
    }
    ++(*inserted ? c.loaded : c.present);
    if (++in_batch == kBatchRows) {
      TRIGON_RETURN_IF_ERROR(db.Commit());
      TRIGON_RETURN_IF_ERROR(db.Begin());
      in_batch = 0;
    }
  }
  TRIGON_RETURN_IF_ERROR(db.Commit());
  if (c.rejected > kMaxReportedErrors) {
    fmt::print(stderr, "{}: {} more rejected rows not shown\n", path,
               c.rejected - kMaxReportedErrors);
  }
  return c;
}

int RunImport(const ImportArgs& args) {
  std::unique_ptr<import::CountryNames> countries;
  auto loaded = import::CountryNames::Load(args.countries);
  if (loaded.ok()) {
    countries = std::make_unique<import::CountryNames>(std::move(loaded).value());
    import::AddIcewsCountrySpellings(*countries);
  }
  if (!loaded.ok() && args.countries_given) {
    fmt::print(stderr, "trigon import: --countries: {}\n", loaded.status().ToString());
    return kExitFailure;
  }
  import::ImportOptions options;
  options.countries = countries.get();
  auto db = store::Database::Open(args.db);
  if (!db.ok()) {
    fmt::print(stderr, "trigon import: cannot open database {}: {}\n",
               store::DisplayLocation(args.db),
               db.status().ToString());
    return kExitFailure;
  }
  int exit_code = kExitOk;
  for (const std::string& path : args.files) {
    auto data = ReadFileBytes(path);
    if (!data.ok()) {
      fmt::print(stderr, "trigon import: {}\n", data.status().ToString());
      exit_code = kExitPartial;
      continue;
    }
    Result<import::ImportFormat> format = args.format.empty()
                                              ? import::DetectImportFormat(*data)
                                              : import::ParseImportFormat(args.format);
    if (!format.ok()) {
      fmt::print(stderr, "trigon import: {}: {}\n", path, format.status().message());
      exit_code = kExitPartial;
      continue;
    }
    if (*format == import::ImportFormat::kIcews && countries == nullptr) {
      fmt::print(stderr, "trigon import: {}: ICEWS needs the country dictionary: {}\n", path,
                 loaded.status().ToString());
      exit_code = kExitPartial;
      continue;
    }
    auto counts = ImportFile(path, *format, *data, options, **db);
    if (!counts.ok()) {
      fmt::print(stderr, "trigon import: {}\n", counts.status().ToString());
      if (counts.status().code() == StatusCode::kInvalidArgument) {
        exit_code = kExitPartial;
        continue;
      }
      return kExitFailure;
    }
    fmt::print("{} ({}): {} loaded, {} already present, {} rejected\n", path,
               import::ImportFormatName(*format), counts->loaded, counts->present,
               counts->rejected);
    if (counts->rejected > 0) exit_code = kExitPartial;
  }
  return exit_code;
}

}  // namespace

void AddImportCommand(CLI::App& app, int& exit_code, const char* argv0) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "import", "Load external event files (GDELT 1.0/2.0, ICEWS, CSV) into the database");
  cmd->add_option("files", args->files, "Event files")->required();
  cmd->add_option("--format", args->format, "gdelt1, gdelt2, icews or csv (default: detect)")
      ->check(CLI::IsMember({"gdelt1", "gdelt2", "icews", "csv"}));
  cmd->add_option("--db", args->db, "Database file")->capture_default_str();
  cmd->add_option("--countries", args->countries,
                  "Country dictionary (names for ICEWS, codes for actor prefixes); default: "
                  "countries.txt in the dictionary folder");
  const std::string dict_dir = DefaultDictionaryDir(argv0);
  cmd->callback([args, dict_dir, &exit_code] {
    args->countries_given = !args->countries.empty();
    if (args->countries.empty() && !dict_dir.empty()) {
      args->countries = dict_dir + "/countries.txt";
    }
    exit_code = RunImport(*args);
  });
}

}  // namespace trigon::tools
