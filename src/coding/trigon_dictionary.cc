// Line-oriented reader for Trigon's dictionary files: one Parser walks the
// lines, `@` headers open a block, field lines append forms, roles, flags or
// patterns to it.  Every error names file:line and the offending fragment.

#include "coding/trigon_dictionary.h"

#include <array>
#include <utility>
#include <vector>

#include "base/file_util.h"

namespace trigon::coding {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Splits off the first whitespace-delimited word of `s`.
std::string_view NextWord(std::string_view* s) {
  *s = Trim(*s);
  size_t end = 0;
  while (end < s->size() && (*s)[end] != ' ' && (*s)[end] != '\t') ++end;
  std::string_view word = s->substr(0, end);
  *s = Trim(s->substr(end));
  return word;
}

bool IsLang(std::string_view lang) {
  return lang == "en" || lang == "zh" || lang == "zh-Hans" || lang == "zh-Hant";
}

std::vector<std::string_view> SplitForms(std::string_view forms) {
  std::vector<std::string_view> out;
  while (true) {
    const size_t bar = forms.find(" | ");
    out.push_back(Trim(forms.substr(0, bar)));
    if (bar == std::string_view::npos) break;
    forms.remove_prefix(bar + 3);
  }
  return out;
}

bool ParseCueKind(std::string_view name, CueKind* kind) {
  static constexpr std::array<std::pair<std::string_view, CueKind>, 6> kNames =
      {{{"negated", CueKind::kNegated},
        {"hypothetical", CueKind::kHypothetical},
        {"advocated", CueKind::kAdvocated},
        {"future", CueKind::kFuture},
        {"historical", CueKind::kHistorical},
        {"report", CueKind::kReport}}};
  for (const auto& [n, k] : kNames) {
    if (n == name) {
      *kind = k;
      return true;
    }
  }
  return false;
}

bool IsIsoDateOrOpen(std::string_view d) {
  if (d == "-") return true;
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  return true;
}

class Parser {
 public:
  Parser(std::string_view file, DictionarySet* out) : file_(file), out_(out) {}

  Status Line(uint32_t line_no, std::string_view line) {
    line_no_ = line_no;
    line = Trim(line);
    if (line.empty() || line.front() == '#') return Status::OK();
    if (line.front() == '@') return Header(line);
    return Field(line);
  }

 private:
  enum class Block { kNone, kActor, kAgent, kPerson, kEvent, kModality };

  Status Error(std::string_view what, std::string_view fragment) const {
    return Status::InvalidArgument(file_ + ":" + std::to_string(line_no_) +
                                   ": " + std::string(what) + ": '" +
                                   std::string(fragment) + "'");
  }
  SourceLocation Here() const { return {file_, line_no_}; }

  Status Header(std::string_view line) {
    std::string_view rest = line;
    std::string_view tag = NextWord(&rest);
    if (tag == "@actor") {
      std::string_view code = NextWord(&rest);
      if (code.empty()) return Error("@actor needs a code", line);
      ActorEntry a;
      a.kind =
          code.size() == 3 ? ActorKind::kCountry : ActorKind::kOrganization;
      a.code = std::string(code);
      a.display_name = std::string(rest);
      a.where = Here();
      out_->actors.push_back(std::move(a));
      block_ = Block::kActor;
    } else if (tag == "@agent") {
      std::string_view code = NextWord(&rest);
      if (code.empty()) return Error("@agent needs a code", line);
      out_->agents.push_back(
          {std::string(code), std::string(rest), {}, Here()});
      block_ = Block::kAgent;
    } else if (tag == "@person") {
      if (rest.empty()) return Error("@person needs a name", line);
      ActorEntry a;
      a.kind = ActorKind::kPerson;
      a.display_name = std::string(rest);
      a.where = Here();
      out_->actors.push_back(std::move(a));
      block_ = Block::kPerson;
    } else if (tag == "@event") {
      std::string_view code = NextWord(&rest);
      if (code.empty()) return Error("@event needs a code", line);
      EventEntry e;
      e.code = std::string(code);
      e.display_name = std::string(rest);
      e.where = Here();
      out_->events.push_back(std::move(e));
      block_ = Block::kEvent;
    } else if (tag == "@modality") {
      std::string_view name = NextWord(&rest);
      if (!ParseCueKind(name, &cue_kind_)) {
        return Error("unknown modality", name);
      }
      block_ = Block::kModality;
    } else {
      return Error("unknown block header", tag);
    }
    return Status::OK();
  }

  Status Field(std::string_view line) {
    std::string_view rest = line;
    std::string_view field = NextWord(&rest);
    switch (block_) {
      case Block::kNone:
        return Error("field outside any @block", line);
      case Block::kActor:
      case Block::kPerson:
        return ActorField(field, rest, line);
      case Block::kAgent: {
        if (field != "name") return Error("unknown agent field", field);
        std::string_view lang = NextWord(&rest);
        return Forms(lang, rest, FormKind::kName, &out_->agents.back().forms);
      }
      case Block::kEvent: {
        EventEntry& e = out_->events.back();
        if (field == "flags") {
          while (!rest.empty()) {
            std::string_view flag = NextWord(&rest);
            if (flag == "symmetric") {
              e.symmetric = true;
            } else if (flag == "reciprocal") {
              e.symmetric = true;
              e.reciprocal = true;
            } else if (flag == "coordinated") {
              e.symmetric = true;
              e.coordinated_only = true;
            } else if (flag == "self") {
              e.self = true;
            } else {
              return Error("unknown flag", flag);
            }
          }
          return Status::OK();
        }
        return Patterns(field, rest, [&](EventPattern p) {
          e.patterns.push_back(std::move(p));
        });
      }
      case Block::kModality:
        return Patterns(field, rest, [&](EventPattern p) {
          out_->cues.push_back({cue_kind_, std::move(p)});
        });
    }
    return Status::OK();
  }

  Status ActorField(std::string_view field, std::string_view rest,
                    std::string_view line) {
    ActorEntry& a = out_->actors.back();
    if (field == "country") {
      a.country = std::string(NextWord(&rest));
      return Status::OK();
    }
    if (field == "default") {
      a.default_code = std::string(NextWord(&rest));
      return Status::OK();
    }
    if (field == "role") {
      DatedCode r;
      r.code = std::string(NextWord(&rest));
      std::string_view from = NextWord(&rest);
      std::string_view to = NextWord(&rest);
      if (r.code.empty() || !IsIsoDateOrOpen(from) || !IsIsoDateOrOpen(to)) {
        return Error("role needs CODE FROM TO (YYYY-MM-DD or -)", line);
      }
      if (from != "-") r.from = std::string(from);
      if (to != "-") r.to = std::string(to);
      a.roles.push_back(std::move(r));
      return Status::OK();
    }
    FormKind kind;
    if (field == "name" || field == "code") {
      kind = FormKind::kName;
    } else if (field == "adj") {
      kind = FormKind::kAdjective;
    } else if (field == "metonym") {
      kind = FormKind::kMetonym;
    } else if (field == "prefix") {
      kind = FormKind::kPrefix;
    } else {
      return Error("unknown actor field", field);
    }
    std::string_view lang = NextWord(&rest);
    return Forms(lang, rest, kind, &a.forms);
  }

  Status Forms(std::string_view lang, std::string_view forms, FormKind kind,
               std::vector<ActorForm>* out) {
    if (!IsLang(lang)) return Error("unknown language", lang);
    if (forms.empty()) return Error("no forms after language", lang);
    for (std::string_view form : SplitForms(forms)) {
      ActorForm f;
      f.kind = kind;
      f.lang = std::string(lang);
      f.where = Here();
      const size_t arrow = form.find(" -> ");
      if (arrow != std::string_view::npos) {
        f.code = std::string(Trim(form.substr(arrow + 4)));
        form = Trim(form.substr(0, arrow));
        if (f.code.empty()) return Error("empty code after '->'", form);
      }
      if (!form.empty() && form.front() == '=') {
        f.case_sensitive = true;
        form.remove_prefix(1);
      }
      if (form.empty()) return Error("empty form", forms);
      f.text = std::string(form);
      out->push_back(std::move(f));
    }
    return Status::OK();
  }

  template <typename Sink>
  Status Patterns(std::string_view lang, std::string_view patterns, Sink sink) {
    if (!IsLang(lang)) return Error("unknown language or field", lang);
    if (patterns.empty()) return Error("no patterns after language", lang);
    for (std::string_view text : SplitForms(patterns)) {
      EventPattern p;
      p.lang = std::string(lang);
      p.text = std::string(text);
      p.where = Here();
      Status s = ParsePattern(text, &p.elements);
      if (!s.ok()) return Error(s.message(), text);
      sink(std::move(p));
    }
    return Status::OK();
  }

  std::string file_;
  DictionarySet* out_;
  uint32_t line_no_ = 0;
  Block block_ = Block::kNone;
  CueKind cue_kind_ = CueKind::kNegated;
};

}  // namespace

Status ParseTrigonDictionary(std::string_view contents,
                             std::string_view file_name, DictionarySet* out) {
  Parser parser(file_name, out);
  uint32_t line_no = 0;
  while (!contents.empty()) {
    const size_t nl = contents.find('\n');
    ++line_no;
    TRIGON_RETURN_IF_ERROR(parser.Line(line_no, contents.substr(0, nl)));
    if (nl == std::string_view::npos) break;
    contents.remove_prefix(nl + 1);
  }
  return Status::OK();
}

Result<DictionarySet> LoadTrigonDictionaries(const std::string& dir) {
  static constexpr std::array<const char*, 6> kFiles = {
      "countries.txt", "organizations.txt", "agents.txt",
      "people.txt",    "events.txt",        "modality.txt"};
  DictionarySet set;
  int found = 0;
  for (const char* name : kFiles) {
    const std::string path = dir + "/" + name;
    Result<std::string> bytes = ReadFileBytes(path);
    if (!bytes.ok()) {
      if (bytes.status().code() == StatusCode::kNotFound) continue;
      return bytes.status();
    }
    ++found;
    TRIGON_RETURN_IF_ERROR(ParseTrigonDictionary(*bytes, path, &set));
  }
  if (found == 0) {
    return Status::NotFound("no dictionary files in '" + dir + "'");
  }
  TRIGON_RETURN_IF_ERROR(set.Validate());
  return set;
}

}  // namespace trigon::coding
