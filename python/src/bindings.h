#pragma once
// The pieces of the _trigon extension module, each registered by its file.

#include <pybind11/pybind11.h>

#include <memory>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/event_repository.h"

namespace trigon::python {

// An open database shared by the Python objects that came from it (Events
// keep it alive to load sentence texts later).  Calls hold the GIL, which
// serialises them as store::Database requires.
struct DatabaseHandle {
  std::string path;
  std::unique_ptr<store::Database> db;
};

// The result of Database.events(): stored events, columns on demand.
struct EventSet {
  std::shared_ptr<DatabaseHandle> db;
  std::vector<store::StoredEvent> events;
  bool with_evidence = false;
};

void RegisterCoding(pybind11::module_& m);
void RegisterDatabase(pybind11::module_& m);
void RegisterAnalysis(pybind11::module_& m);

}  // namespace trigon::python
