#include "event_output.h"

#include <fmt/core.h>

#include "base/json.h"
#include "model/document.h"

namespace trigon::tools {
namespace {

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

// GDELT fields are tab-separated; tabs and newlines inside would break rows.
std::string TsvField(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

uint64_t FileOffset(const model::Document* doc, uint32_t text_offset) {
  return doc ? model::SourceOffset(*doc, text_offset) : text_offset;
}

}  // namespace

void EventWriter::Begin() {
  if (format_ == EventFormat::kCsv) {
    fmt::print(out_,
               "doc,sentence,lang,date,date_basis,source,target,source_country,"
               "target_country,code,root,quad,goldstein,modality,mentions,trigger,text\n");
  }
}

void EventWriter::Write(const EventContext& ctx) {
  const store::StoredEvent& se = *ctx.event;
  const model::Event& e = se.event;
  const std::string date = e.date.value_or("");
  switch (format_) {
    case EventFormat::kJsonl: {
      std::string line = "{\"doc\":" + json::Quote(ctx.doc_label);
      line += fmt::format(",\"sentence\":{}", se.sentence);
      line += ",\"text\":" + json::Quote(ctx.sentence_text);
      line += ",\"lang\":" + json::Quote(se.lang);
      line += ",\"date\":" + (e.date ? json::Quote(*e.date) : std::string("null"));
      line += ",\"date_basis\":" + json::Quote(model::DateBasisName(e.date_basis));
      line += ",\"source\":" + json::Quote(e.source) + ",\"target\":" + json::Quote(e.target);
      line += ",\"source_country\":" + json::Quote(e.source_country) +
              ",\"target_country\":" + json::Quote(e.target_country);
      line += ",\"code\":" + json::Quote(e.code) + ",\"root\":" + json::Quote(e.root);
      line += fmt::format(",\"quad\":{},\"goldstein\":{}", e.quad_class, e.goldstein);
      line += ",\"modality\":" + json::Quote(model::ModalityName(e.modality));
      line += fmt::format(",\"mentions\":{}", e.mentions);
      line += ",\"origin\":" + json::Quote(se.origin);
      line += ",\"evidence\":[";
      for (size_t i = 0; i < se.evidence.size(); ++i) {
        const auto& ev = se.evidence[i];
        if (i) line += ',';
        line += fmt::format(
            "{{\"kind\":{},\"sentence\":{},\"begin\":{},\"end\":{},\"file_begin\":{},"
            "\"file_end\":{},\"text\":{}}}",
            json::Quote(ev.kind), ev.sentence, ev.begin, ev.end, FileOffset(ctx.doc, ev.begin),
            FileOffset(ctx.doc, ev.end), json::Quote(ev.text));
      }
      line += "]}";
      fmt::print(out_, "{}\n", line);
      break;
    }
    case EventFormat::kCsv: {
      std::string trigger;
      for (const auto& ev : se.evidence) {
        if (ev.kind == "trigger") {
          trigger = ev.text;
          break;
        }
      }
      fmt::print(out_, "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
                 CsvField(ctx.doc_label), se.sentence, se.lang, date,
                 model::DateBasisName(e.date_basis), e.source, e.target, e.source_country,
                 e.target_country, e.code, e.root, e.quad_class, e.goldstein,
                 model::ModalityName(e.modality), e.mentions, CsvField(trigger),
                 CsvField(ctx.sentence_text));
      break;
    }
    case EventFormat::kGdelt: {
      // GDELT 2.0 event table, 61 tab-separated columns in GDELT's order.
      // Fields Trigon does not produce (names, ethnic/religion/type codes,
      // tone, geography, source counts) are left empty.
      std::string sqldate, monthyear, year, fraction;
      if (date.size() == 10) {
        sqldate = date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
        monthyear = date.substr(0, 4) + date.substr(5, 2);
        year = date.substr(0, 4);
        const int y = std::stoi(year), m = std::stoi(date.substr(5, 2)),
                  d = std::stoi(date.substr(8, 2));
        fraction = fmt::format("{:.4f}", y + ((m - 1) * 30 + d) / 365.0);
      }
      std::vector<std::string> cols(61);
      cols[0] = std::to_string(++gdelt_row_);
      cols[1] = sqldate;
      cols[2] = monthyear;
      cols[3] = year;
      cols[4] = fraction;
      cols[5] = e.source;
      cols[7] = e.source_country.size() == 3 ? e.source_country : "";
      cols[15] = e.target;
      cols[17] = e.target_country.size() == 3 ? e.target_country : "";
      cols[25] = "1";  // IsRootEvent: the event is stated in its own sentence
      cols[26] = e.code;
      cols[27] = e.code.substr(0, std::min<size_t>(3, e.code.size()));
      cols[28] = e.root;
      cols[29] = std::to_string(e.quad_class);
      cols[30] = fmt::format("{}", e.goldstein);
      cols[31] = std::to_string(e.mentions);
      cols[32] = "1";
      cols[33] = "1";
      cols[59] = sqldate.empty() ? "" : sqldate + "000000";  // DATEADDED, YYYYMMDDHHMMSS
      cols[60] = ctx.doc ? TsvField(ctx.doc->url.empty() ? ctx.doc->source_path : ctx.doc->url)
                         : "";
      std::string row;
      for (size_t i = 0; i < cols.size(); ++i) {
        if (i) row += '\t';
        row += TsvField(cols[i]);
      }
      fmt::print(out_, "{}\n", row);
      break;
    }
  }
}

}  // namespace trigon::tools
