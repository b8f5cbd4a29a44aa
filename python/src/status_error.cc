#include "status_error.h"

namespace trigon::python {

void ThrowStatus(const Status& status) {
  const std::string& msg = status.message();
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kUnsupported:
      throw pybind11::value_error(msg);
    case StatusCode::kNotFound:
      PyErr_SetString(PyExc_FileNotFoundError, msg.c_str());
      throw pybind11::error_already_set();
    case StatusCode::kIOError:
    case StatusCode::kCorruption:
      PyErr_SetString(PyExc_OSError, msg.c_str());
      throw pybind11::error_already_set();
    default:
      throw std::runtime_error(status.ToString());
  }
}

}  // namespace trigon::python
