#pragma once
// Tiny JSON writing helpers (escaping only; parsing uses simdjson).

#include <string>
#include <string_view>

namespace trigon::json {

// Appends `s` as a JSON string literal (with quotes).  Control characters,
// quotes and backslashes are escaped; U+2028/U+2029 too so the output is
// also safe inside a <script> block.  REQUIRES: valid UTF-8.
void AppendString(std::string& out, std::string_view s);

// Convenience: the quoted literal.
std::string Quote(std::string_view s);

}  // namespace trigon::json
