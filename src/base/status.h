#pragma once
// Status: the outcome of a fallible operation, a code plus a message that
// carries context (file, line, byte offset, document id).  OK costs nothing.

#include <string>
#include <string_view>
#include <utility>

namespace trigon {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,
  kNotFound,
  kCorruption,
  kIOError,
  kUnsupported,
  kResourceExhausted,
  kInternal,
  kAlreadyExists,
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return {StatusCode::kInvalidArgument, std::move(m)};
  }
  static Status NotFound(std::string m) {
    return {StatusCode::kNotFound, std::move(m)};
  }
  static Status Corruption(std::string m) {
    return {StatusCode::kCorruption, std::move(m)};
  }
  static Status IOError(std::string m) {
    return {StatusCode::kIOError, std::move(m)};
  }
  static Status Unsupported(std::string m) {
    return {StatusCode::kUnsupported, std::move(m)};
  }
  static Status ResourceExhausted(std::string m) {
    return {StatusCode::kResourceExhausted, std::move(m)};
  }
  static Status Internal(std::string m) {
    return {StatusCode::kInternal, std::move(m)};
  }
  static Status AlreadyExists(std::string m) {
    return {StatusCode::kAlreadyExists, std::move(m)};
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "InvalidArgument: message", or "OK".
  std::string ToString() const;

  // Returns a copy whose message is prefixed with `context: `.
  Status WithContext(std::string_view context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

std::string_view StatusCodeName(StatusCode code);

}  // namespace trigon

#define TRIGON_STATUS_CONCAT_INNER_(a, b) a##b
#define TRIGON_STATUS_CONCAT_(a, b) TRIGON_STATUS_CONCAT_INNER_(a, b)

// Returns from the enclosing function if `expr` yields a non-OK Status.
#define TRIGON_RETURN_IF_ERROR(expr)            \
  do {                                          \
    ::trigon::Status trigon_status_ = (expr);   \
    if (!trigon_status_.ok()) return trigon_status_; \
  } while (false)

// Evaluates `rexpr` (a Result<T>); on error returns its Status, else moves
// the value into `lhs` (which may be a declaration such as `auto x`).
#define TRIGON_ASSIGN_OR_RETURN(lhs, rexpr)                                  \
  TRIGON_ASSIGN_OR_RETURN_IMPL_(                                             \
      TRIGON_STATUS_CONCAT_(trigon_result_, __LINE__), lhs, rexpr)
#define TRIGON_ASSIGN_OR_RETURN_IMPL_(result, lhs, rexpr) \
  auto result = (rexpr);                                  \
  if (!result.ok()) return result.status();               \
  lhs = std::move(result).value()
