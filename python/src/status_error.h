#pragma once
// Status -> Python exception, with the Status message: ValueError for bad
// arguments or input, FileNotFoundError for missing things, OSError for
// I/O, RuntimeError (with the code name) for the rest.

#include <pybind11/pybind11.h>

#include <string>
#include <utility>

#include "base/result.h"

namespace trigon::python {

[[noreturn]] void ThrowStatus(const Status& status);

inline void ThrowIfError(const Status& status) {
  if (!status.ok()) ThrowStatus(status);
}

template <typename T>
T ValueOrThrow(Result<T> result) {
  if (!result.ok()) ThrowStatus(result.status());
  return std::move(result).value();
}

}  // namespace trigon::python
