#pragma once
// JsonWriter: builds one JSON document by appending, with the commas and
// nesting tracked for the caller.  Strings that may not be valid UTF-8
// (request parameters echoed in errors) go through SanitizeUtf8 first.
//
// Thread-safety: one writer per thread.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace trigon::server {

class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  // The next value's key; only inside an object.
  JsonWriter& Key(std::string_view key);
  // REQUIRES: valid UTF-8 (the store holds only valid UTF-8).
  JsonWriter& String(std::string_view s);
  JsonWriter& Int(int64_t v);
  // Shortest round-trip form; NaN and infinities become null.
  JsonWriter& Double(double v);
  JsonWriter& Bool(bool v);
  JsonWriter& Null();

  const std::string& str() const { return out_; }

 private:
  void BeforeValue();
  std::string out_;
  // Per open container: whether it already holds a member.
  std::vector<bool> has_member_;
  bool after_key_ = false;
};

// `s` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view s);

// {"error": message} (message sanitized).
std::string JsonError(std::string_view message);

}  // namespace trigon::server
