// TABARI .options commands.

#include "dictformat/tabari_options.h"

#include <cctype>

#include "base/file_util.h"
#include "dictformat/peer_phrase.h"

namespace trigon::dictformat {
namespace {

// The number after `key` ("VERBS[5]", "MIN = 2"); -1 if absent.
int NumberAfter(std::string_view s, std::string_view key) {
  size_t pos = 0;
  while ((pos = s.find(key, pos)) != std::string_view::npos) {
    // Whole keys only: "MIN" must not match inside "EMIN" or "BMIN".
    const bool starts = pos == 0 || !std::isalpha(static_cast<unsigned char>(s[pos - 1]));
    size_t i = pos + key.size();
    pos = i;
    if (!starts) continue;
    while (i < s.size() && (s[i] == ' ' || s[i] == '=' || s[i] == '[')) ++i;
    if (i == s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) continue;
    int n = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) n = n * 10 + (s[i++] - '0');
    return n;
  }
  return -1;
}

// The code in the [...] after `key`.
std::string CodeAfter(std::string_view s, std::string_view key) {
  const size_t pos = s.find(key);
  if (pos == std::string_view::npos) return "";
  const size_t open = s.find('[', pos);
  const size_t close = open == std::string_view::npos ? open : s.find(']', open);
  if (close == std::string_view::npos) return "";
  return std::string(internal::Trim(s.substr(open + 1, close - open - 1)));
}

}  // namespace

Status ApplyTabariOption(std::string_view line, PatternCoderOptions* o) {
  std::string s = internal::Upper(internal::Trim(line));
  if (s.rfind("OPTION:", 0) == 0) s = std::string(internal::Trim(std::string_view(s).substr(7)));
  auto bad = [&] { return Status::InvalidArgument("bad option '" + std::string(line) + "'"); };
  if (s.rfind("COMPLEX:", 0) == 0) {
    o->complex_verbs = std::max(0, NumberAfter(s, "VERBS"));
    o->complex_conjunctions = std::max(0, NumberAfter(s, "CONJ"));
    o->no_actor_prior_is_complex = s.find("NOACTPRIOR") != std::string::npos;
    return Status::OK();
  }
  if (s.rfind("DEFAULT:", 0) == 0) {
    if (s.find("OFF") != std::string::npos && s.find('[') == std::string::npos) {
      o->default_source.clear();
      o->default_target.clear();
      return Status::OK();
    }
    o->default_source = CodeAfter(s, "SOURCE");
    o->default_target = CodeAfter(s, "TARGET");
    const size_t target = s.find("TARGET");
    o->default_source_prior = s.find("PRIOR") < target;
    o->default_target_after =
        target != std::string::npos && s.find("AFTER", target) != std::string::npos;
    if (o->default_source.empty() && o->default_target.empty()) return bad();
    return Status::OK();
  }
  if (s.rfind("COMMA:", 0) == 0) {
    if (s.find("OFF") != std::string::npos) {
      o->comma_off = true;
      return Status::OK();
    }
    o->comma_off = false;
    const struct {
      const char* key;
      int* value;
    } keys[] = {{"MIN", &o->comma_min},   {"MAX", &o->comma_max},   {"EMIN", &o->comma_emin},
                {"EMAX", &o->comma_emax}, {"BMIN", &o->comma_bmin}, {"BMAX", &o->comma_bmax}};
    bool any = false;
    for (const auto& k : keys) {
      const int v = NumberAfter(s, k.key);
      if (v >= 0) {
        *k.value = v;
        any = true;
      }
    }
    return any ? Status::OK() : bad();
  }
  if (s.rfind("FORWARD:", 0) == 0) {
    o->forward_pronouns = s.find("OFF") == std::string::npos;
    return Status::OK();
  }
  if (s.rfind("SET:", 0) == 0) {
    if (s.find("CODE BY CLAUSE") != std::string::npos) {
      o->code_by = PatternCoderOptions::CodeBy::kClause;
    } else if (s.find("CODE BY SENTENCE") != std::string::npos) {
      o->code_by = PatternCoderOptions::CodeBy::kSentence;
    } else if (s.find("CODE ALL") != std::string::npos) {
      o->code_by = PatternCoderOptions::CodeBy::kAll;
    } else if (s.find("MINIMUM WORDS") != std::string::npos) {
      const int n = NumberAfter(s, "WORDS");
      if (n < 0) return bad();
      o->min_words = n;
    } else if (s.find("CONVERT AGENT") != std::string::npos) {
      o->convert_agents = s.find("TRUE") != std::string::npos;
    }
    return Status::OK();
  }
  return Status::OK();
}

Result<PatternCoderOptions> ReadTabariOptions(const std::string& path) {
  TRIGON_ASSIGN_OR_RETURN(std::string bytes, ReadFileBytes(path));
  PatternCoderOptions options;
  std::string_view rest = bytes;
  int line_number = 0;
  while (!rest.empty()) {
    const size_t nl = rest.find('\n');
    const std::string_view line = internal::Trim(rest.substr(0, nl));
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++line_number;
    if (line.rfind("~~", 0) == 0) break;
    if (line.empty() || line.rfind("//", 0) == 0) continue;
    Status s = ApplyTabariOption(line, &options);
    if (!s.ok()) {
      return Status::InvalidArgument(path + ":" + std::to_string(line_number) + ": " +
                                     s.message());
    }
  }
  return options;
}

}  // namespace trigon::dictformat
