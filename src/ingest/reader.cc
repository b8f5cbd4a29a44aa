#include "ingest/reader.h"

#include <utility>

#include "base/file_util.h"
#include "ingest/date_finder.h"
#include "ingest/decode.h"
#include "ingest/front_matter.h"
#include "ingest/html_extract.h"
#include "ingest/jsonl_reader.h"
#include "ingest/source_map.h"

namespace trigon::ingest {
namespace {

using model::Document;

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

std::string_view Extension(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const std::string_view name =
      slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return name.substr(dot + 1);
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool LooksLikeHtml(std::string_view s) {
  size_t i = s.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  for (;;) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    const std::string_view rest = s.substr(i);
    if (rest.substr(0, 4) == "<!--") {
      const size_t end = rest.find("-->", 4);
      if (end == std::string_view::npos) return false;
      i += end + 3;
    } else if (rest.substr(0, 5) == "<?xml") {
      const size_t end = rest.find("?>", 5);
      if (end == std::string_view::npos) return false;
      i += end + 2;
    } else {
      return EqualsIgnoreCase(rest.substr(0, 14), "<!doctype html") ||
             EqualsIgnoreCase(rest.substr(0, 5), "<html");
    }
  }
}

// Fills date, date_basis and date_text from a metadata value.
bool SetMetadataDate(std::string_view value, std::string basis, Document& doc) {
  const std::optional<ParsedDate> d = ParseDateValue(value);
  if (!d) return false;
  doc.date = d->iso;
  doc.date_basis = std::move(basis);
  doc.date_text.assign(value);
  return true;
}

Document NewDocument(const std::string& path, InputFormat format,
                     uint64_t source_bytes) {
  Document doc;
  doc.source_path = path;
  doc.format = InputFormatName(format);
  doc.source_bytes = source_bytes;
  return doc;
}

Result<Document> ReadText(std::string_view bytes, const std::string& path,
                          DecodedText decoded) {
  Document doc = NewDocument(path, InputFormat::kText, bytes.size());
  doc.encoding = std::move(decoded.encoding);
  doc.text = std::move(decoded.text);
  doc.source_map = std::move(decoded.source_map);
  if (std::optional<FrontMatter> fm = ParseFrontMatter(doc.text)) {
    std::string keys;
    for (const FrontMatterField& f : fm->fields) {
      if (!keys.empty()) keys += ", ";
      keys += f.key;
    }
    doc.removed.push_back({fm->span, model::RemovalReason::kFrontMatter,
                           "front matter: " + keys});
    doc.title.assign(fm->Get("title"));
    doc.url.assign(fm->Get("url"));
    doc.source.assign(fm->Get("source"));
    doc.declared_lang.assign(fm->Get("lang"));
    SetMetadataDate(fm->Get("date"), "front_matter", doc);
  }
  return doc;
}

Result<Document> ReadHtml(std::string_view bytes, const std::string& path,
                          DecodedText decoded) {
  Result<HtmlExtract> extracted = ExtractHtml(decoded.text);
  if (!extracted.ok()) return extracted.status().WithContext(path);
  HtmlExtract& x = *extracted;
  if (x.text.empty()) {
    return Status::InvalidArgument(path + ": no visible text in HTML");
  }
  Document doc = NewDocument(path, InputFormat::kHtml, bytes.size());
  doc.encoding = std::move(decoded.encoding);
  doc.text = std::move(x.text);
  doc.source_map = ComposeSourceMaps(x.source_map, decoded.source_map);
  doc.raw = std::move(decoded.text);
  doc.title = std::move(x.title);
  doc.url = std::move(x.canonical_url);
  doc.declared_lang = std::move(x.lang);
  doc.removed = std::move(x.removed);
  for (const HtmlDate& d : x.dates) {
    if (SetMetadataDate(d.value, "html_meta:" + d.name, doc)) break;
  }
  return doc;
}

void ReadJsonl(std::string_view bytes, const std::string& path,
               const ReaderOptions& options,
               const std::function<void(Result<Document>)>& sink) {
  bool any = false;
  JsonLinesOptions jopts;
  jopts.max_line_bytes = options.max_json_line_bytes;
  ReadJsonLines(
      bytes, path,
      [&](JsonLineRecord r) {
        any = true;
        if (!r.record.ok()) {
          sink(std::move(r.record).status());
          return;
        }
        RawRecord& rec = *r.record;
        Document doc = NewDocument(path + ":" + std::to_string(r.line),
                                   InputFormat::kJsonLines, r.length);
        doc.encoding = "UTF-8";
        doc.external_id = std::move(rec.id);
        doc.url = std::move(rec.url);
        doc.title = std::move(rec.title);
        doc.source = std::move(rec.source);
        doc.declared_lang = std::move(rec.lang);
        SetMetadataDate(rec.date, "jsonl", doc);
        doc.text = std::move(rec.text);
        doc.source_map.push_back({0, static_cast<uint32_t>(doc.text.size()),
                                  r.offset, r.length, false});
        sink(std::move(doc));
      },
      jopts);
  if (!any) sink(Status::InvalidArgument(path + ": no JSON records"));
}

}  // namespace

const char* InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kText:
      return "text";
    case InputFormat::kHtml:
      return "html";
    case InputFormat::kJsonLines:
      return "jsonl";
  }
  return "text";
}

InputFormat DetectFormat(std::string_view path, std::string_view content) {
  const std::string_view ext = Extension(path);
  for (std::string_view e : {"html", "htm", "xhtml"}) {
    if (EqualsIgnoreCase(ext, e)) return InputFormat::kHtml;
  }
  for (std::string_view e : {"jsonl", "ndjson"}) {
    if (EqualsIgnoreCase(ext, e)) return InputFormat::kJsonLines;
  }
  return LooksLikeHtml(content) ? InputFormat::kHtml : InputFormat::kText;
}

void ReadInputBytes(std::string_view bytes, const std::string& path,
                    const ReaderOptions& options,
                    const std::function<void(Result<Document>)>& sink) {
  if (bytes.empty()) {
    sink(Status::InvalidArgument(path + ": empty file"));
    return;
  }
  // JSON Lines is decided by extension alone (its content is not decoded:
  // it must be UTF-8).
  if (DetectFormat(path, {}) == InputFormat::kJsonLines) {
    ReadJsonl(bytes, path, options, sink);
    return;
  }
  Result<DecodedText> decoded = DecodeToUtf8(bytes, path);
  if (!decoded.ok()) {
    sink(std::move(decoded).status());
    return;
  }
  if (DetectFormat(path, decoded->text) == InputFormat::kHtml) {
    sink(ReadHtml(bytes, path, std::move(decoded).value()));
  } else {
    sink(ReadText(bytes, path, std::move(decoded).value()));
  }
}

void ReadInputFile(const std::string& path, const ReaderOptions& options,
                   const std::function<void(Result<Document>)>& sink) {
  ReadFileOptions read_options;
  read_options.max_bytes = options.max_file_bytes;
  Result<std::string> bytes = ReadFileBytes(path, read_options);
  if (!bytes.ok()) {
    sink(std::move(bytes).status());
    return;
  }
  ReadInputBytes(*bytes, path, options, sink);
}

}  // namespace trigon::ingest
