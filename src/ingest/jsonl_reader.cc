// JSON Lines reader on simdjson's DOM parser.  Each line is copied into one
// reused, padded buffer (simdjson reads up to SIMDJSON_PADDING bytes past
// the end) and parsed with the error-code API; nothing here throws.

#include "ingest/jsonl_reader.h"

#include <simdjson.h>

#include <cstring>
#include <vector>

#include "base/utf8.h"

namespace trigon::ingest {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

const char* TypeName(element_type t) {
  switch (t) {
    case element_type::ARRAY:
      return "array";
    case element_type::OBJECT:
      return "object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      return "number";
    case element_type::STRING:
      return "string";
    case element_type::BOOL:
      return "boolean";
    case element_type::NULL_VALUE:
      return "null";
  }
  return "value";
}

// Reads optional field `name` into `out`.  Integers are accepted only when
// `allow_integer`.  Returns an error message, or "" on success.
std::string ReadField(const simdjson::dom::object& obj, const char* name,
                      bool allow_integer, std::string& out) {
  element value;
  if (obj[name].get(value) != simdjson::SUCCESS) return "";  // absent
  switch (value.type()) {
    case element_type::NULL_VALUE:
      return "";
    case element_type::STRING: {
      std::string_view s;
      if (value.get(s) != simdjson::SUCCESS) return "unreadable string";
      out.assign(s);
      return "";
    }
    case element_type::INT64:
    case element_type::UINT64:
      if (allow_integer) {
        int64_t i = 0;
        uint64_t u = 0;
        if (value.get_int64().get(i) == simdjson::SUCCESS) {
          out = std::to_string(i);
        } else if (value.get_uint64().get(u) == simdjson::SUCCESS) {
          out = std::to_string(u);
        } else {
          return "unreadable integer";
        }
        return "";
      }
      [[fallthrough]];
    default:
      return std::string("field \"") + name + "\" must be a string" +
             (allow_integer ? " or an integer" : "") + ", got " +
             TypeName(value.type());
  }
}

std::string_view TrimBlank(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

void ReadJsonLines(std::string_view bytes, std::string_view path,
                   const std::function<void(JsonLineRecord)>& sink,
                   const JsonLinesOptions& options) {
  simdjson::dom::parser parser;
  std::vector<char> buffer;
  const std::string path_str(path);
  size_t pos = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  uint64_t line_no = 0;
  while (pos < bytes.size()) {
    ++line_no;
    const size_t nl = bytes.find('\n', pos);
    const size_t end = nl == std::string_view::npos ? bytes.size() : nl;
    std::string_view line = bytes.substr(pos, end - pos);
    const size_t line_offset = pos;
    pos = nl == std::string_view::npos ? bytes.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (TrimBlank(line).empty()) continue;

    const std::string where = path_str + ":" + std::to_string(line_no);
    auto fail = [&](Status s) {
      sink({line_no, line_offset, line.size(), std::move(s)});
    };
    if (line.size() > options.max_line_bytes) {
      fail(Status::ResourceExhausted(where + ": line is " +
                                     std::to_string(line.size()) +
                                     " bytes, over the limit of " +
                                     std::to_string(options.max_line_bytes)));
      continue;
    }
    if (const std::optional<size_t> bad = utf8::FindInvalid(line)) {
      fail(Status::InvalidArgument(where + ": invalid UTF-8 at column " +
                                   std::to_string(*bad + 1) + " (byte " +
                                   std::to_string(line_offset + *bad) + ")"));
      continue;
    }
    buffer.resize(line.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(buffer.data(), line.data(), line.size());
    std::memset(buffer.data() + line.size(), 0, simdjson::SIMDJSON_PADDING);
    element doc;
    const simdjson::error_code err =
        parser
            .parse(reinterpret_cast<const uint8_t*>(buffer.data()), line.size(),
                   /*realloc_if_needed=*/false)
            .get(doc);
    if (err != simdjson::SUCCESS) {
      fail(Status::InvalidArgument(where + ": not valid JSON (" +
                                   simdjson::error_message(err) + ")"));
      continue;
    }
    simdjson::dom::object obj;
    if (doc.get(obj) != simdjson::SUCCESS) {
      fail(Status::InvalidArgument(where + ": expected a JSON object, got " +
                                   TypeName(doc.type())));
      continue;
    }
    RawRecord rec;
    std::string problem;
    element text;
    if (obj["text"].get(text) != simdjson::SUCCESS ||
        text.type() == element_type::NULL_VALUE) {
      problem = "missing field \"text\"";
    } else if (text.type() != element_type::STRING) {
      problem = std::string("field \"text\" must be a string, got ") +
                TypeName(text.type());
    } else {
      std::string_view s;
      if (text.get(s) != simdjson::SUCCESS) {
        problem = "unreadable field \"text\"";
      } else if (s.empty()) {
        problem = "field \"text\" is empty";
      } else {
        rec.text.assign(s);
      }
    }
    if (problem.empty()) problem = ReadField(obj, "id", true, rec.id);
    if (problem.empty()) problem = ReadField(obj, "url", false, rec.url);
    if (problem.empty()) problem = ReadField(obj, "date", false, rec.date);
    if (problem.empty()) problem = ReadField(obj, "title", false, rec.title);
    if (problem.empty()) problem = ReadField(obj, "lang", false, rec.lang);
    if (problem.empty()) problem = ReadField(obj, "source", false, rec.source);
    if (!problem.empty()) {
      fail(Status::InvalidArgument(where + ": " + problem));
      continue;
    }
    sink({line_no, line_offset, line.size(), std::move(rec)});
  }
}

}  // namespace trigon::ingest
