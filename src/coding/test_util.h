#pragma once
// TEST ONLY helpers for src/coding tests: loading the fixture dictionaries
// in src/coding/testdata/.

#include <string>

#include "base/file_util.h"
#include "coding/dictionary.h"
#include "coding/trigon_dictionary.h"
#include "testing/testing.h"

namespace trigon::coding::testing {

inline std::string TestDataDir() {
  return trigon::testing::SourceDir() + "/src/coding/testdata";
}

// Parses every fixture file; returns the status of the first failure.
inline Status LoadFixture(DictionarySet* out) {
  for (const char* name : {"actors.txt", "agents.txt", "people.txt",
                           "events.txt", "modality.txt"}) {
    const std::string path = TestDataDir() + "/" + name;
    Result<std::string> bytes = ReadFileBytes(path);
    if (!bytes.ok()) return bytes.status();
    TRIGON_RETURN_IF_ERROR(ParseTrigonDictionary(*bytes, name, out));
  }
  return out->Validate();
}

}  // namespace trigon::coding::testing
