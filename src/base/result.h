#pragma once
// Result<T>: a value or a non-OK Status (absl::StatusOr semantics).

#include <cassert>
#include <optional>
#include <utility>

#include "base/status.h"

namespace trigon {

template <typename T>
class [[nodiscard]] Result {
 public:
  // REQUIRES: !status.ok() -- an OK Result must carry a value.
  Result(Status status) : status_(std::move(status)) {  // NOLINT implicit
    assert(!status_.ok() && "Result constructed from OK status without value");
  }
  Result(T value) : value_(std::move(value)) {}  // NOLINT implicit

  bool ok() const { return status_.ok(); }
  const Status& status() const& { return status_; }
  Status status() && { return std::move(status_); }

  // REQUIRES: ok()
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T value() && { return std::move(*value_); }
  const T& operator*() const& { return *value_; }
  T& operator*() & { return *value_; }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace trigon
