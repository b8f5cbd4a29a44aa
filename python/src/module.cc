// The _trigon extension: C++ behind the `trigon` Python package
// (python/trigon/__init__.py wraps it into pandas DataFrames).
#include <pybind11/pybind11.h>

#include "bindings.h"

PYBIND11_MODULE(_trigon, m) {
  m.doc() = "Trigon's C++ engine: coding, the store and the analytics (see the trigon package)";
  // Where the repository's dictionaries were at build time; TRIGON_DICT_DIR
  // and the dict_dir arguments override it.
  m.attr("DEFAULT_DICT_DIR") = TRIGON_DEFAULT_DICT_DIR;
  trigon::python::RegisterCoding(m);
  trigon::python::RegisterDatabase(m);
  trigon::python::RegisterAnalysis(m);
}
