#include "event_output.h"

#include <fmt/core.h>

#include "base/json.h"
#include "coding/plover.h"
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

std::string EvidenceJson(const EventContext& ctx) {
  std::string out = "[";
  const auto& evidence = ctx.event->evidence;
  for (size_t i = 0; i < evidence.size(); ++i) {
    const auto& ev = evidence[i];
    if (i) out += ',';
    out += fmt::format(
        "{{\"kind\":{},\"sentence\":{},\"begin\":{},\"end\":{},\"file_begin\":{},"
        "\"file_end\":{},\"text\":{}}}",
        json::Quote(ev.kind), ev.sentence, ev.begin, ev.end, FileOffset(ctx.doc, ev.begin),
        FileOffset(ctx.doc, ev.end), json::Quote(ev.text));
  }
  return out + "]";
}

// A JSON array of the non-empty ';'-separated items of `list` plus `extra`.
std::string JsonList(std::string_view list, std::string_view extra = {}) {
  std::string out = "[";
  bool first = true;
  auto add = [&](std::string_view item) {
    if (item.empty()) return;
    if (!first) out += ',';
    out += json::Quote(item);
    first = false;
  };
  while (!list.empty()) {
    const size_t semi = list.find(';');
    add(list.substr(0, semi));
    list = semi == std::string_view::npos ? std::string_view() : list.substr(semi + 1);
  }
  add(extra);
  return out + "]";
}

// PLOVER's auxiliary modes (manual, "Auxiliary modes") travel in `context`.
// Advocacy ("X should ...") is not an event that happened; PLOVER has no
// mode for it, so it is marked hypothetical, the closest.
std::string_view AuxiliaryMode(model::Modality m) {
  switch (m) {
    case model::Modality::kNegated:
      return "negation";
    case model::Modality::kHypothetical:
    case model::Modality::kAdvocated:
      return "hypothetical";
    case model::Modality::kFuture:
      return "future";
    case model::Modality::kHistorical:
      return "historical";
    case model::Modality::kAsserted:
      break;
  }
  return {};
}

std::string PloverActor(std::string_view code, std::string_view country) {
  return "[{\"code\":" + json::Quote(code) + ",\"country\":" + json::Quote(country) + "}]";
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
      line += ",\"evidence\":" + EvidenceJson(ctx) + "}";
      fmt::print(out_, "{}\n", line);
      break;
    }
    case EventFormat::kPlover: {
      // PLOVER JSON (manual, "Data Fields"): named fields, one event per
      // line; CAMEO, Goldstein and Trigon's provenance ride along as extra
      // named fields, which the format allows.
      const auto category = coding::PloverForCameo(e.code);
      if (!category) {
        ++unwritten_;
        break;
      }
      std::vector<std::string_view> triggers;
      for (const auto& ev : se.evidence) {
        if (ev.kind == "trigger") triggers.push_back(ev.text);
      }
      std::string line = "{\"id\":" + json::Quote(fmt::format("{}:{}:{}>{}:{}", ctx.doc_label,
                                                               se.sentence, e.source, e.target,
                                                               e.code));
      line += ",\"date\":" + (e.date ? json::Quote(*e.date) : std::string("null"));
      line += ",\"actor\":" + PloverActor(e.source, e.source_country);
      line += ",\"recipient\":" + PloverActor(e.target, e.target_country);
      line += ",\"event\":" + JsonList(category->event_type);
      line += ",\"mode\":" + JsonList(category->mode);
      line += ",\"context\":" + JsonList(category->contexts, AuxiliaryMode(e.modality));
      line += fmt::format(",\"quad_code\":{}", e.quad_class);
      std::string event_text = "[";
      for (size_t i = 0; i < triggers.size(); ++i) {
        if (i) event_text += ',';
        event_text += json::Quote(triggers[i]);
      }
      line += ",\"event_text\":" + event_text + "]";
      line += ",\"text\":" + json::Quote(ctx.sentence_text);
      line += ",\"coder\":\"trigon\"";
      line += ",\"cameo\":" + json::Quote(e.code);
      line += fmt::format(",\"goldstein\":{}", e.goldstein);
      line += ",\"modality\":" + json::Quote(model::ModalityName(e.modality));
      line += ",\"date_basis\":" + json::Quote(model::DateBasisName(e.date_basis));
      line += ",\"doc\":" + json::Quote(ctx.doc_label);
      line += fmt::format(",\"sentence\":{},\"mentions\":{}", se.sentence, e.mentions);
      line += ",\"lang\":" + json::Quote(se.lang);
      line += ",\"offsets\":" + EvidenceJson(ctx) + "}";
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
