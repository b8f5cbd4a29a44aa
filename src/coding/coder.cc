// The event coder.
//
// Overview.  Create() normalises every dictionary form, trigger piece, cue
// piece and built-in function word (conjunctions, prepositions, pronouns,
// passive markers) with the same Normalizer the sentences go through, and
// compiles them into one match::CompiledMatcher; identical literals share
// one matcher id whose "uses" list says what the literal means.  Coding a
// sentence is then a fixed series of passes over its hits:
//
//   pieces    longest-leftmost actor, agent, pronoun and blocking literals;
//             Chinese one-character prefixes only where they compound (俄军,
//             中俄, 对俄).
//   mentions  adjacent pieces joined into one actor ("Chinese foreign
//             ministry", "Russian President Vladimir Putin", 美国总统特朗普)
//             and appositions ("Wang Yi, China's foreign minister,");
//             compound groups ("the US and Japan", 中俄两国); pronouns
//             resolved from the sentence or the previous sentence.
//   clauses   split at ; 。 ! ? and at a comma before a clause conjunction;
//             report cues (said, 表示) split a clause into speaker and
//             reported parts.
//   triggers  each anchor literal of a pattern is extended piece by piece
//             (adjacent, `…` gap, or {S}/{T} slot); overlapping candidates
//             are resolved longest first.
//   filters   a trigger is not coded when it is the complement or object
//             noun of an earlier one ("threatened to impose", "condemned
//             the attack"), an event noun attached to one ("for a summit
//             with"), embedded in another's object ("Russia's invasion"),
//             attributive (签署的条约), inside a topic or setting phrase
//             (关于…的指控, 在…的空袭中), or in a relative clause whose head
//             is not an actor.
//   roles     source = first subject-position mention of the trigger's
//             region (after the last comma, "and" or report cue that has
//             one), target = first mention after the anchor, near it;
//             passives, by-phrases, slots, possessives ("Abe's visit"),
//             fronted phrases and Chinese 对/向/与 + actor adjust them.
//   modality  cues before the verb in its clause (negation only close to
//             it; a conditional governs the whole clause), then the date
//             (resolved forwards for future events; historical if old).
//
// The rules are heuristics over surface structure, written so that each is
// testable on its own (coder_test.cc) and visible in the trace.

#include "coding/coder.h"

#include <algorithm>
#include <array>
#include <functional>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "base/utf8.h"
#include "coding/date_expr.h"
#include "coding/goldstein.h"
#include "match/pattern_set.h"
#include "match/word_boundary.h"
#include "text/normalizer.h"

namespace trigon::coding {
namespace {

using internal::CivilDate;
using match::Hit;

// ---------------------------------------------------------------------------
// Built-in function words.

enum class Word : uint8_t {
  kConjunction,    // and, 和, 、 : joins compound actors
  kPreposition,    // in, with, 对: the next mention is not a subject
  kZhTargetPrep,   // 对, 向, 与 ...: the next mention may be the target
  kAuxiliary,      // was, were, been: passive when followed by V-ed
  kBy,             // by: passive agent
  kZhPassive,      // 被, 遭, 遭到
  kZhPassiveWeak,  // 获, 受到: passive only with an agent after it
  kClauseConj,     // but, while, 但: after a comma, starts a clause
  kPronounPerson,  // he, she, 他, 她
  kPronounThing,   // it
  kPronounPlural,  // they, 双方, 两国
  kPronounPersonObject,  // him: not the subject of its own clause
  kPronounThingObject,   // its
  kPronounPluralObject,  // them
  kBlockActor,           // 其他: suppresses a pronoun inside it
  kBlockCue,             // 未来: suppresses a cue inside it
  kReciprocal,           // each other, 彼此: the event runs both ways
};

struct BuiltinWord {
  std::string_view text;
  Word word;
};

constexpr BuiltinWord kBuiltinWords[] = {
    {"and", Word::kConjunction},
    {"as well as", Word::kConjunction},
    {"和", Word::kConjunction},
    {"与", Word::kConjunction},
    {"及", Word::kConjunction},
    {"以及", Word::kConjunction},
    {"、", Word::kConjunction},
    {"同", Word::kConjunction},
    {"跟", Word::kConjunction},
    {"in", Word::kPreposition},
    {"at", Word::kPreposition},
    {"to", Word::kPreposition},
    {"with", Word::kPreposition},
    {"from", Word::kPreposition},
    {"on", Word::kPreposition},
    {"against", Word::kPreposition},
    {"for", Word::kPreposition},
    {"of", Word::kPreposition},
    {"into", Word::kPreposition},
    {"toward", Word::kPreposition},
    {"towards", Word::kPreposition},
    {"between", Word::kPreposition},
    {"over", Word::kPreposition},
    {"about", Word::kPreposition},
    {"near", Word::kPreposition},
    {"than", Word::kPreposition},
    {"like", Word::kPreposition},
    {"including", Word::kPreposition},
    {"across", Word::kPreposition},
    {"在", Word::kPreposition},
    {"于", Word::kPreposition},
    {"从", Word::kZhTargetPrep},
    {"赴", Word::kPreposition},
    {"驻", Word::kPreposition},
    {"就", Word::kPreposition},
    {"关于", Word::kPreposition},
    {"围绕", Word::kPreposition},
    {"针对", Word::kPreposition},
    {"据", Word::kPreposition},
    {"对", Word::kZhTargetPrep},
    {"向", Word::kZhTargetPrep},
    {"给", Word::kZhTargetPrep},
    {"为", Word::kZhTargetPrep},
    {"对于", Word::kZhTargetPrep},
    // 将 + actor is the disposal marker (美国将华为列入实体清单): the actor is
    // the object.  将于, 将在 and 将 + verb never stand right before an actor.
    {"将", Word::kZhTargetPrep},
    {"was", Word::kAuxiliary},
    {"were", Word::kAuxiliary},
    {"been", Word::kAuxiliary},
    {"being", Word::kAuxiliary},
    {"is", Word::kAuxiliary},
    {"are", Word::kAuxiliary},
    {"be", Word::kAuxiliary},
    {"got", Word::kAuxiliary},
    {"by", Word::kBy},
    {"被", Word::kZhPassive},
    {"遭", Word::kZhPassive},
    {"遭到", Word::kZhPassive},
    {"获", Word::kZhPassiveWeak},
    {"受到", Word::kZhPassiveWeak},
    {"but", Word::kClauseConj},
    {"while", Word::kClauseConj},
    {"whereas", Word::kClauseConj},
    {"although", Word::kClauseConj},
    {"though", Word::kClauseConj},
    {"however", Word::kClauseConj},
    {"yet", Word::kClauseConj},
    {"meanwhile", Word::kClauseConj},
    {"但", Word::kClauseConj},
    {"但是", Word::kClauseConj},
    {"而", Word::kClauseConj},
    {"并", Word::kClauseConj},
    {"同时", Word::kClauseConj},
    {"随后", Word::kClauseConj},
    {"此后", Word::kClauseConj},
    {"然而", Word::kClauseConj},
    {"不过", Word::kClauseConj},
    {"此前", Word::kClauseConj},
    {"he", Word::kPronounPerson},
    {"she", Word::kPronounPerson},
    {"他", Word::kPronounPerson},
    {"她", Word::kPronounPerson},
    {"it", Word::kPronounThing},
    {"its", Word::kPronounThingObject},
    {"him", Word::kPronounPersonObject},
    {"them", Word::kPronounPluralObject},
    {"they", Word::kPronounPlural},
    {"both sides", Word::kPronounPlural},
    {"the two sides", Word::kPronounPlural},
    {"the two countries", Word::kPronounPlural},
    {"both countries", Word::kPronounPlural},
    {"the two leaders", Word::kPronounPlural},
    {"both leaders", Word::kPronounPlural},
    {"双方", Word::kPronounPlural},
    {"两国", Word::kPronounPlural},
    {"两国领导人", Word::kPronounPlural},
    {"他们", Word::kPronounPlural},
    {"其他", Word::kBlockActor},
    {"他人", Word::kBlockActor},
    {"吉他", Word::kBlockActor},
    {"他国", Word::kBlockActor},
    {"each other", Word::kReciprocal},
    {"one another", Word::kReciprocal},
    {"彼此", Word::kReciprocal},
    {"相互", Word::kReciprocal},
    {"互相", Word::kReciprocal},
    {"未来", Word::kBlockCue},
    {"将军", Word::kBlockCue},
    {"将领", Word::kBlockCue},
    {"说法", Word::kBlockCue},
    {"未必", Word::kBlockCue},
};

// A bare Chinese agent takes the home country only when it is at least two
// characters long (军 alone is part of 军事, 军演 ...) and does not follow
// another Han character (外国领导人 is not ours).
constexpr uint32_t kMinHomeAgentBytes = 6;

// How far (Han characters) a Chinese 对/向 reaches forward to mark an actor
// as the target: 对原产于美国的煤炭.
constexpr int kZhPrepReach = 6;

// Characters before a lone Chinese prefix that make it an actor (对俄, 访华).
constexpr std::string_view kPrefixLeads[] = {
    "对", "向", "与", "同", "和", "跟", "给", "为",   "访",   "赴",
    "驻", "援", "抗", "反", "来", "及", "、", "制裁", "联合", "涉"};

// ---------------------------------------------------------------------------
// Compiled tables.

enum class UseKind : uint8_t { kForm, kPatternPiece, kWord };

struct Use {
  UseKind kind;
  uint32_t index;  // kForm: forms_; kPatternPiece: patterns_; kWord: Word
  uint32_t elem;   // kPatternPiece: element index (the anchor is elem 0's
                   // first literal)
};

struct FormInfo {
  uint32_t owner;  // actors_ index, or agents_ index when is_agent
  bool is_agent;
  FormKind kind;
  bool case_sensitive;
  std::string code;      // metonym override
  std::string original;  // for case-sensitive checks
};

struct CompiledElem {
  PatternElement::Type type;
  uint32_t literal;  // matcher id, for literals
};

struct CompiledPattern {
  bool is_cue;
  uint32_t owner;  // events_ or cues_ index
  std::string text;
  SourceLocation where;
  std::vector<CompiledElem> elems;
  size_t anchor;  // index of the first literal element
};

// ---------------------------------------------------------------------------
// Per-sentence working state.

struct Piece {
  uint32_t begin, end;             // normalised bytes
  const FormInfo* form = nullptr;  // actor or agent form
  Word word = Word::kConjunction;  // when form == nullptr
};

enum class MentionKind : uint8_t { kActor, kPronoun };

struct Mention {
  uint32_t begin, end;
  MentionKind kind = MentionKind::kActor;
  std::string code;
  std::string country;
  bool is_person = false;
  int32_t person = -1;  // actors_ index of the person
  std::string rule;
  int group = -1;  // compound group id
  Word pronoun = Word::kPronounThing;
};

struct TriggerMatch {
  uint32_t pattern;
  uint32_t begin, end;  // anchor begin .. last literal end
  uint32_t anchor_end;
  std::vector<std::pair<uint32_t, uint32_t>> pieces;  // literal spans
  // Slot regions (begin, end) or (0, 0) when the slot is not used.
  std::pair<uint32_t, uint32_t> source_slot{0, 0};
  std::pair<uint32_t, uint32_t> target_slot{0, 0};
  bool source_slot_after = false;  // {S} after the anchor
  bool target_slot_before = false;
};

bool IsSpace(char c) { return c == ' '; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A comma inside a number ("100,000 troops", "$2,000") separates nothing.
bool IsNumberComma(std::string_view s, size_t pos) {
  return s[pos] == ',' && pos > 0 && pos + 1 < s.size() &&
         IsDigit(s[pos - 1]) && IsDigit(s[pos + 1]);
}

bool EndsWithHan(std::string_view s, size_t pos) {
  if (pos == 0) return false;
  size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  return utf8::IsHan(utf8::Next(s, start));
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Counts English words and Han characters in s.
void CountUnits(std::string_view s, int* words, int* han) {
  *words = 0;
  *han = 0;
  size_t pos = 0;
  bool in_word = false;
  while (pos < s.size()) {
    const char32_t c = utf8::Next(s, pos);
    if (utf8::IsHan(c)) {
      ++*han;
      in_word = false;
    } else if (match::internal::IsWordChar(c)) {
      if (!in_word) ++*words;
      in_word = true;
    } else {
      in_word = false;
    }
  }
}

template <typename A>
std::string GapWithoutMentions(const A& a, uint32_t from, uint32_t to) {
  std::string gap;
  uint32_t pos = from;
  for (const auto& m : a.mentions) {
    if (m.begin >= pos && m.end <= to) {
      gap.append(a.text().substr(pos, m.begin - pos));
      pos = m.end;
    }
  }
  if (pos < to) gap.append(a.text().substr(pos, to - pos));
  return gap;
}

// The actor of an agentive by-phrase after `from`: "by the EU", "by more
// than 700 Russian drones" (a few words may stand between "by" and it).
template <typename A>
const Mention* ByAgent(const A& a, uint32_t from, uint32_t limit) {
  constexpr int kByReachWords = 4;
  const std::string_view text = a.text();
  for (const Mention& m : a.mentions) {
    if (m.begin < from || m.end > limit) continue;
    // The last "by" between `from` and the first actor after it.
    const std::string_view between = text.substr(from, m.begin - from);
    size_t by = between.rfind("by ");
    while (by != std::string_view::npos && by > 0 && between[by - 1] != ' ') {
      by = between.rfind("by ", by - 1);
    }
    if (by == std::string_view::npos) continue;
    int words = 0;
    int han = 0;
    CountUnits(between.substr(by + 3), &words, &han);
    return words <= kByReachWords ? &m : nullptr;
  }
  return nullptr;
}

// Roots whose Chinese verbs take a clause as their object (威胁对X加征关税,
// 敦促X停止, 同意恢复, 指责X向Y提供, 反对X访问): the act inside that clause
// is what is threatened, urged, agreed, alleged or opposed, not an event of
// its own.  01 statements (否认, 考虑), 02 appeals, 03 intents, 10 demands,
// 11 disapproval and accusations, 12 rejections, 13 threats.
// 128 (defy norms: 侵犯领空) takes a noun, not a clause.
bool TakesClauseObject(std::string_view code) {
  if (code == "128") return false;
  const std::string_view root = code.substr(0, 2);
  return root == "01" || root == "02" || root == "03" || root == "10" ||
         root == "11" || root == "12" || root == "13";
}

// Words after a place that make it the direction of an act rather than its
// setting: 在台湾岛周边演习, 在乌克兰边境附近集结.
constexpr std::string_view kZhDirectional[] = {
    "周边", "附近", "周围", "沿海", "海域",
    "上空", "一带", "边境", "沿岸", "海空域"};

bool StartsWithDirectional(std::string_view s) {
  for (std::string_view w : kZhDirectional) {
    if (s.starts_with(w)) return true;
  }
  return false;
}

std::string CountryOf(const std::string& code) {
  if (code.size() < 3) return code;
  if (code.compare(0, 3, "IGO") == 0 || code.compare(0, 3, "NGO") == 0 ||
      code.compare(0, 3, "IMG") == 0 || code.compare(0, 3, "MNC") == 0) {
    return code;
  }
  return code.substr(0, 3);
}

class CoderImpl final : public Coder {
 public:
  CoderImpl(const DictionarySet& dicts, const CoderOptions& options)
      : options_(options),
        actors_(dicts.actors),
        agents_(dicts.agents),
        events_(dicts.events),
        cues_(dicts.cues) {}

  Status Init() {
    if (options_.normalizer == nullptr) {
      TRIGON_ASSIGN_OR_RETURN(owned_normalizer_, text::Normalizer::Create());
      normalizer_ = owned_normalizer_.get();
    } else {
      normalizer_ = options_.normalizer;
    }
    match::PatternSet set;
    std::unordered_map<std::string, uint32_t> ids;
    auto literal_id = [&](std::string_view raw, bool prefix,
                          const std::string& where, uint32_t* id) -> Status {
      std::string norm = normalizer_->Normalize(raw).text;
      if (norm.empty()) {
        return Status::InvalidArgument(
            where + ": form normalises to nothing: '" + std::string(raw) + "'");
      }
      std::string key = (prefix ? "*" : "=") + norm;
      auto it = ids.find(key);
      if (it != ids.end()) {
        *id = it->second;
        return Status::OK();
      }
      *id = static_cast<uint32_t>(uses_.size());
      uses_.emplace_back();
      ids.emplace(std::move(key), *id);
      Status s = set.Add(*id, norm, {.prefix = prefix});
      if (!s.ok()) return s.WithContext(where);
      return Status::OK();
    };

    auto add_forms = [&](const std::vector<ActorForm>& forms, uint32_t owner,
                         bool is_agent) -> Status {
      for (const ActorForm& f : forms) {
        forms_.push_back(
            {owner, is_agent, f.kind, f.case_sensitive, f.code, f.text});
      }
      return Status::OK();
    };
    for (uint32_t i = 0; i < actors_.size(); ++i) {
      TRIGON_RETURN_IF_ERROR(add_forms(actors_[i].forms, i, false));
    }
    for (uint32_t i = 0; i < agents_.size(); ++i) {
      TRIGON_RETURN_IF_ERROR(add_forms(agents_[i].forms, i, true));
    }
    // forms_ is complete; now register literals (pointers stay valid).
    {
      size_t fi = 0;
      auto register_forms = [&](const std::vector<ActorForm>& forms) -> Status {
        for (const ActorForm& f : forms) {
          uint32_t id = 0;
          TRIGON_RETURN_IF_ERROR(
              literal_id(f.text, false, f.where.ToString(), &id));
          uses_[id].push_back({UseKind::kForm, static_cast<uint32_t>(fi), 0});
          ++fi;
        }
        return Status::OK();
      };
      for (const ActorEntry& a : actors_) {
        TRIGON_RETURN_IF_ERROR(register_forms(a.forms));
      }
      for (const AgentEntry& a : agents_) {
        TRIGON_RETURN_IF_ERROR(register_forms(a.forms));
      }
    }

    auto add_pattern = [&](const EventPattern& p, bool is_cue,
                           uint32_t owner) -> Status {
      CompiledPattern cp;
      cp.is_cue = is_cue;
      cp.owner = owner;
      cp.text = p.text;
      cp.where = p.where;
      cp.anchor = p.elements.size();
      for (const PatternElement& e : p.elements) {
        CompiledElem ce{e.type, 0};
        if (e.type == PatternElement::Type::kLiteral) {
          TRIGON_RETURN_IF_ERROR(
              literal_id(e.text, e.prefix, p.where.ToString(), &ce.literal));
          if (cp.anchor == p.elements.size()) cp.anchor = cp.elems.size();
        }
        cp.elems.push_back(ce);
      }
      const auto index = static_cast<uint32_t>(patterns_.size());
      uses_[cp.elems[cp.anchor].literal].push_back(
          {UseKind::kPatternPiece, index, static_cast<uint32_t>(cp.anchor)});
      patterns_.push_back(std::move(cp));
      return Status::OK();
    };
    for (uint32_t i = 0; i < events_.size(); ++i) {
      for (const EventPattern& p : events_[i].patterns) {
        TRIGON_RETURN_IF_ERROR(add_pattern(p, false, i));
      }
    }
    for (uint32_t i = 0; i < cues_.size(); ++i) {
      TRIGON_RETURN_IF_ERROR(add_pattern(cues_[i].pattern, true, i));
    }
    for (const BuiltinWord& w : kBuiltinWords) {
      uint32_t id = 0;
      TRIGON_RETURN_IF_ERROR(literal_id(w.text, false, "builtin", &id));
      uses_[id].push_back({UseKind::kWord, static_cast<uint32_t>(w.word), 0});
    }
    TRIGON_ASSIGN_OR_RETURN(matcher_, set.Compile());
    return Status::OK();
  }

  SentenceResult CodeSentence(const SentenceInput& input) const override {
    return CodeSentence(input, nullptr);
  }
  SentenceResult CodeSentence(const SentenceInput& input,
                              SentenceContext* context) const override;

 private:
  struct Analysis;  // one sentence's normalised text, hits, mentions
  struct Carried;   // SentenceContext::State: the previous sentence's Analysis

  // Redoes the date- and country-dependent steps of Analyse on an Analysis
  // whose normalised text and hits are kept.
  void Reanalyse(Analysis* a, const std::optional<CivilDate>& date) const;

  void Analyse(std::string_view text, const std::optional<CivilDate>& doc,
               Analysis* a) const;
  void SelectPieces(Analysis* a) const;
  void BuildMentions(Analysis* a, const std::optional<CivilDate>& date) const;
  std::string PersonCode(uint32_t person, const std::optional<CivilDate>& date,
                         std::string* rule) const;
  void FindClauses(Analysis* a) const;
  void FindPatterns(const Analysis& a, bool cues,
                    std::vector<TriggerMatch>* out) const;
  bool MatchFrom(const Analysis& a, uint32_t pattern, const Hit& anchor,
                 TriggerMatch* m) const;
  void ResolvePronouns(Analysis* a, const Analysis* context) const;

  CoderOptions options_;
  std::unique_ptr<text::Normalizer> owned_normalizer_;
  const text::Normalizer* normalizer_ = nullptr;
  std::vector<ActorEntry> actors_;
  std::vector<AgentEntry> agents_;
  std::vector<EventEntry> events_;
  std::vector<ModalityCue> cues_;
  std::vector<FormInfo> forms_;
  std::vector<CompiledPattern> patterns_;
  std::vector<std::vector<Use>> uses_;  // by matcher id
  std::unique_ptr<match::CompiledMatcher> matcher_;
};

struct CoderImpl::Analysis {
  std::string_view original;
  std::string home_country;  // for bare Chinese agents; may be empty
  text::NormalizedText norm;
  std::vector<Hit> hits;
  std::vector<Piece> pieces;
  std::vector<Mention> mentions;                 // sorted by begin
  std::vector<uint32_t> clause_starts;           // sorted, first is 0
  std::vector<std::pair<uint32_t, Word>> words;  // builtin word hits
  std::vector<std::string> notes;

  std::string_view text() const { return norm.text; }
  uint32_t ClauseStart(uint32_t pos) const {
    auto it = std::upper_bound(clause_starts.begin(), clause_starts.end(), pos);
    return *(it - 1);
  }
  uint32_t ClauseEnd(uint32_t pos) const {
    auto it = std::upper_bound(clause_starts.begin(), clause_starts.end(), pos);
    return it == clause_starts.end() ? static_cast<uint32_t>(norm.text.size())
                                     : *it;
  }
  // Original-sentence span of normalised bytes [b, e).
  model::Span OriginalSpan(uint32_t b, uint32_t e) const {
    return {norm.offsets[b], norm.offsets[e]};
  }
  std::string OriginalText(uint32_t b, uint32_t e) const {
    const model::Span s = OriginalSpan(b, e);
    return std::string(original.substr(s.begin, s.size()));
  }
  // The builtin word ending right before `pos` (skipping spaces), if any.
  bool WordBefore(uint32_t pos, Word w) const {
    while (pos > 0 && norm.text[pos - 1] == ' ') --pos;
    for (const auto& [end, word] : words) {
      if (end == pos && word == w) return true;
    }
    return false;
  }
  // A Chinese 对/向/给/为 up to `max_han` Han characters (or ASCII digits,
  // %, spaces) before `pos`: 对所有中国输美商品, 对原产于美国的煤炭.
  bool ZhTargetPrepNear(uint32_t pos, int max_han) const {
    int han = 0;
    const uint32_t mention = pos;
    while (pos > 0 && han <= max_han) {
      // Next to the actor any target preposition counts; further away only
      // 对 and 向 (为 and 给 start too many other words: 为什么, 认为).
      if (pos == mention && WordBefore(pos, Word::kZhTargetPrep)) return true;
      if (pos >= 3 && (norm.text.substr(pos - 3, 3) == "对" ||
                       norm.text.substr(pos - 3, 3) == "向")) {
        return true;
      }
      size_t start = pos - 1;
      while (start > 0 &&
             (static_cast<unsigned char>(norm.text[start]) & 0xC0) == 0x80) {
        --start;
      }
      size_t q = start;
      const char32_t c = utf8::Next(norm.text, q);
      if (utf8::IsHan(c)) {
        ++han;
      } else if (!(c == ' ' || c == '%' || c == '.' ||
                   (c >= '0' && c <= '9'))) {
        return false;
      }
      pos = static_cast<uint32_t>(start);
    }
    return false;
  }
};

// The analysis of the last sentence coded with a SentenceContext, as Analyse
// would have built it for use as the next sentence's context (before pronoun
// resolution), with what it depends on.
struct CoderImpl::Carried final : SentenceContext::State {
  const CoderImpl* coder = nullptr;  // a context moved to another Coder is
                                     // not reused there
  bool valid = false;
  std::string text;                   // the sentence (original bytes)
  std::optional<CivilDate> role_date;  // the date person roles were read at
  Analysis previous;                  // its `original` views `text`
  Analysis pending;                   // the sentence being coded
};

bool SameDate(const std::optional<CivilDate>& x,
              const std::optional<CivilDate>& y) {
  if (!x || !y) return x.has_value() == y.has_value();
  return x->year == y->year && x->month == y->month && x->day == y->day;
}

// ---------------------------------------------------------------------------
// Datelines.

// The span of a dateline or byline that opens a report, or (0, 0).  A dateline
// names the agency and the place of filing, never an actor of the story:
//   (中央社华盛顿12日综合外电报导)   leading parentheses with 社/电/报导/报道
//   新华社莫斯科3月21日电 (记者 …)    an opening up to 日电
//   washington (reuters) -          an opening up to ") -" / ") —"
//   bali, indonesia, nov. 14, 2022 —  an opening with a comma and a digit
//                                     up to a dash
// `text` is normalised (NFKC case-folded, Simplified).
std::pair<uint32_t, uint32_t> Dateline(std::string_view text) {
  constexpr size_t kMaxDateline = 120;  // bytes
  const std::string_view head = text.substr(0, kMaxDateline);
  auto skip_spaces = [&](size_t q) {
    while (q < text.size() && text[q] == ' ') ++q;
    return q;
  };
  auto has = [](std::string_view s, std::string_view w) {
    return s.find(w) != std::string_view::npos;
  };
  auto no_clause_punct = [&](std::string_view s) {
    return !has(s, "\xEF\xBC\x8C") && !has(s, "\xE3\x80\x82") &&
           !has(s, ",") && !has(s, ";");
  };
  const size_t open = skip_spaces(0);
  if (open < text.size() && text[open] == '(') {
    const size_t close = head.find(')', open);
    if (close != std::string_view::npos) {
      const std::string_view inner = head.substr(open + 1, close - open - 1);
      if (no_clause_punct(inner) &&
          (has(inner, "社") || has(inner, "电") || has(inner, "报导") ||
           has(inner, "报道"))) {
        return {0, static_cast<uint32_t>(close + 1)};
      }
    }
  }
  // The same after a leftover header ("日期/date: 09/18/2023 (中央社…报导)"):
  // only an agency (社) with a closing 报导 / 报道 / 电 counts there.
  for (size_t q = head.find('('); q != std::string_view::npos;
       q = head.find('(', q + 1)) {
    const size_t close = head.find(')', q);
    if (close == std::string_view::npos) break;
    const std::string_view inner = head.substr(q + 1, close - q - 1);
    if (no_clause_punct(inner) && has(inner, "社") &&
        (inner.ends_with("报导") || inner.ends_with("报道") ||
         inner.ends_with("电"))) {
      return {static_cast<uint32_t>(q), static_cast<uint32_t>(close + 1)};
    }
  }
  // 新华社莫斯科3月21日电, optionally followed by (记者 …); the agency
  // (社, 网, 报) keeps 普京15日电话 out.
  const size_t dian = head.find("日电");
  const std::string_view agency = head.substr(0, dian);
  if (dian != std::string_view::npos && no_clause_punct(agency) &&
      (has(agency, "社") || has(agency, "网") || has(agency, "报"))) {
    size_t end = skip_spaces(dian + std::string_view("日电").size());
    if (end < text.size() && text[end] == '(') {
      const size_t close = text.find(')', end);
      if (close != std::string_view::npos && close - end < kMaxDateline) {
        end = close + 1;
      }
    }
    return {0, static_cast<uint32_t>(end)};
  }
  // English: "... (reuters) -" and "place, date —".
  for (std::string_view dash :
       {std::string_view(" - "), std::string_view(" -- "),
        std::string_view(" \xE2\x80\x94"), std::string_view("\xE2\x80\x94 "),
        std::string_view(" \xE2\x80\x93 ")}) {
    const size_t d = head.find(dash);
    if (d == std::string_view::npos || d == 0) continue;
    const std::string_view before = head.substr(0, d);
    const bool agency = before.back() == ')';
    const bool place_date =
        has(before, ",") &&
        before.find_first_of("0123456789") != std::string_view::npos;
    if (agency || place_date) {
      return {0, static_cast<uint32_t>(d + dash.size())};
    }
  }
  return {0, 0};
}

// ---------------------------------------------------------------------------
// Pieces and mentions.

void CoderImpl::SelectPieces(Analysis* a) const {
  const std::string_view text = a->text();
  // Candidates: actor/agent forms and actor-relevant builtin words.
  std::vector<Piece> cands;
  const auto [dateline_begin, dateline_end] = Dateline(text);
  for (const Hit& h : a->hits) {
    for (const Use& u : uses_[h.pattern_id]) {
      if (u.kind == UseKind::kForm) {
        // The agency and the place of filing are not actors.
        if (h.begin >= dateline_begin && h.begin < dateline_end) continue;
        const FormInfo& f = forms_[u.index];
        if (f.case_sensitive && a->OriginalText(h.begin, h.end) != f.original) {
          continue;
        }
        cands.push_back({h.begin, h.end, &f, Word::kConjunction});
      } else if (u.kind == UseKind::kWord) {
        const auto w = static_cast<Word>(u.index);
        a->words.emplace_back(h.end, w);
        if (w == Word::kPronounPerson || w == Word::kPronounThing ||
            w == Word::kPronounPlural || w == Word::kPronounPersonObject ||
            w == Word::kPronounThingObject || w == Word::kPronounPluralObject ||
            w == Word::kBlockActor) {
          cands.push_back({h.begin, h.end, nullptr, w});
        }
      }
    }
  }
  // Longest leftmost; among equal spans a name beats an agent.
  std::stable_sort(cands.begin(), cands.end(),
                   [](const Piece& x, const Piece& y) {
                     if (x.begin != y.begin) return x.begin < y.begin;
                     return x.end > y.end;
                   });
  uint32_t covered = 0;
  for (const Piece& p : cands) {
    if (p.begin < covered) continue;
    a->pieces.push_back(p);
    covered = p.end;
  }
  // Chinese prefixes: keep only where they compound.
  std::vector<Piece> kept;
  for (size_t i = 0; i < a->pieces.size(); ++i) {
    const Piece& p = a->pieces[i];
    if (p.form == nullptr || p.form->kind != FormKind::kPrefix) {
      kept.push_back(p);
      continue;
    }
    auto adjacent = [&](size_t j) {
      return j < a->pieces.size() && a->pieces[j].begin == a->pieces[j - 1].end;
    };
    auto is_prefix = [&](size_t j) {
      return a->pieces[j].form != nullptr &&
             a->pieces[j].form->kind == FormKind::kPrefix;
    };
    bool ok = false;
    // Preceded by a digit: 12日 is a day, not Japan.
    if (p.begin > 0 && text[p.begin - 1] >= '0' && text[p.begin - 1] <= '9') {
      continue;
    }
    if (adjacent(i + 1)) {
      const Piece& next = a->pieces[i + 1];
      if (next.form != nullptr && next.form->is_agent) ok = true;
      if (is_prefix(i + 1)) ok = true;  // 中俄
      if (next.form == nullptr && next.word == Word::kPronounPlural) ok = true;
    }
    if (i > 0 && adjacent(i) && is_prefix(i - 1)) ok = true;
    if (!ok) {
      for (std::string_view lead : kPrefixLeads) {
        if (p.begin >= lead.size() &&
            text.substr(p.begin - lead.size(), lead.size()) == lead) {
          ok = true;
        }
      }
    }
    if (ok) kept.push_back(p);
  }
  a->pieces = std::move(kept);
}

std::string CoderImpl::PersonCode(uint32_t person,
                                  const std::optional<CivilDate>& date,
                                  std::string* rule) const {
  const ActorEntry& p = actors_[person];
  if (date) {
    const std::string d = internal::FormatDate(*date);
    for (const DatedCode& r : p.roles) {
      if ((r.from.empty() || r.from <= d) && (r.to.empty() || d < r.to)) {
        *rule = "person role " + (r.from.empty() ? "-" : r.from) + ".." +
                (r.to.empty() ? "-" : r.to);
        return r.code;
      }
    }
  }
  *rule = "person default";
  if (!p.default_code.empty()) return p.default_code;
  if (!p.roles.empty()) return p.roles.back().code;
  return "";
}

void CoderImpl::BuildMentions(Analysis* a,
                              const std::optional<CivilDate>& date) const {
  const std::string_view text = a->text();
  // Gap between two pieces that still joins them into one actor.
  auto joinable_gap = [&](uint32_t from, uint32_t to) {
    std::string_view gap = TrimSpaces(text.substr(from, to - from));
    return gap.empty() || gap == "'s" || gap == "\xE2\x80\x99s" ||
           gap == "the" || gap == "'s the" || gap == "驻";
  };
  // 瑞典驻巴格达大使馆, 爱沙尼亚驻俄大使: COUNTRY 驻 PLACE AGENT is the
  // country's mission; the place joins the chain without giving its code.
  auto after_zhu = [&](size_t j) {
    const std::vector<Piece>& pieces = a->pieces;
    return TrimSpaces(text.substr(pieces[j - 1].end,
                                  pieces[j].begin - pieces[j - 1].end)) == "驻";
  };

  size_t i = 0;
  const std::vector<Piece>& ps = a->pieces;
  while (i < ps.size()) {
    const Piece& first = ps[i];
    if (first.form == nullptr) {
      if (first.word != Word::kBlockActor) {
        // "it is", "it was": expletive, not a pronoun.
        std::string_view after = TrimSpaces(text.substr(first.end));
        const bool expletive =
            first.word == Word::kPronounThing &&
            (after.starts_with("is ") || after.starts_with("was ") ||
             after.starts_with("'s ") || after.starts_with("seems") ||
             after.starts_with("appears"));
        if (!expletive) {
          Mention m;
          m.begin = first.begin;
          m.end = first.end;
          m.kind = MentionKind::kPronoun;
          m.pronoun = first.word;
          m.rule = "pronoun";
          a->mentions.push_back(std::move(m));
        }
      }
      ++i;
      continue;
    }
    // A chain of joinable actor pieces; a Chinese prefix chain (中俄) is
    // split into one mention per prefix, grouped.
    if (first.form->kind == FormKind::kPrefix && i + 1 < ps.size() &&
        ps[i + 1].form != nullptr &&
        ps[i + 1].form->kind == FormKind::kPrefix &&
        ps[i + 1].begin == first.end) {
      const int group = static_cast<int>(a->mentions.size()) + 1000;
      size_t j = i;
      while (j < ps.size() && ps[j].form != nullptr &&
             ps[j].form->kind == FormKind::kPrefix &&
             (j == i || ps[j].begin == ps[j - 1].end)) {
        const ActorEntry& actor = actors_[ps[j].form->owner];
        Mention m;
        m.begin = ps[j].begin;
        m.end = ps[j].end;
        m.code = actor.code;
        m.country = CountryOf(actor.code);
        m.rule = "prefix compound";
        m.group = group;
        a->mentions.push_back(std::move(m));
        ++j;
      }
      // 中俄两国, 中美双方: the plural word belongs to the compound.
      if (j < ps.size() && ps[j].form == nullptr &&
          ps[j].word == Word::kPronounPlural && ps[j].begin == ps[j - 1].end) {
        a->mentions.back().end = ps[j].end;
        ++j;
      }
      i = j;
      continue;
    }
    size_t j = i + 1;
    bool zhu = false;
    while (j < ps.size() && ps[j].form != nullptr &&
           (ps[j].form->kind != FormKind::kPrefix || after_zhu(j)) &&
           joinable_gap(ps[j - 1].end, ps[j].begin)) {
      zhu |= after_zhu(j);
      ++j;
    }
    // A 驻 chain must end in an agent, else it is "X in PLACE": split it.
    if (zhu && !ps[j - 1].form->is_agent) {
      j = i + 1;
      while (j < ps.size() && ps[j].form != nullptr && !after_zhu(j) &&
             ps[j].form->kind != FormKind::kPrefix &&
             joinable_gap(ps[j - 1].end, ps[j].begin)) {
        ++j;
      }
    }
    // Apposition: PERSON, [the] COUNTRY's AGENT,
    if (j < ps.size() && ps[j - 1].form != nullptr &&
        !ps[j - 1].form->is_agent &&
        actors_[ps[j - 1].form->owner].kind == ActorKind::kPerson &&
        TrimSpaces(text.substr(ps[j - 1].end, ps[j].begin - ps[j - 1].end)) ==
            ",") {
      size_t k = j + 1;
      while (k < ps.size() && ps[k].form != nullptr &&
             joinable_gap(ps[k - 1].end, ps[k].begin)) {
        ++k;
      }
      bool has_agent = false;
      // ps[j] may be a pronoun (no form); only dictionary forms can be agents.
      for (size_t q = j; q < k; ++q) {
        has_agent |= ps[q].form != nullptr && ps[q].form->is_agent;
      }
      std::string_view after = TrimSpaces(text.substr(ps[k - 1].end));
      if (has_agent && ps[j].form != nullptr &&
          (after.empty() || after.front() == ',')) {
        j = k;
      }
    }
    // Resolve the chain [i, j).
    Mention m;
    m.begin = ps[i].begin;
    m.end = ps[j - 1].end;
    std::string country_code;   // from a country piece
    std::string explicit_code;  // metonym / organisation code
    std::string agent;
    int32_t person = -1;
    bool adjective_only = true;
    bool org = false;
    for (size_t q = i; q < j; ++q) {
      const FormInfo& f = *ps[q].form;
      if (f.is_agent) {
        if (agent.empty()) agent = agents_[f.owner].code;
        continue;
      }
      const ActorEntry& actor = actors_[f.owner];
      if (actor.kind == ActorKind::kPerson) {
        if (person < 0) person = static_cast<int32_t>(f.owner);
        adjective_only = false;
        continue;
      }
      if (f.kind != FormKind::kAdjective && f.kind != FormKind::kPrefix) {
        adjective_only = false;
      }
      if (actor.kind == ActorKind::kOrganization) {
        if (explicit_code.empty()) {
          explicit_code = f.code.empty() ? actor.code : f.code;
          country_code = actor.country.empty() ? "" : actor.country;
          org = true;
        }
        continue;
      }
      if (country_code.empty()) {
        country_code = actor.code;
        if (f.kind == FormKind::kMetonym) {
          explicit_code = f.code.empty() ? actor.code + "GOV" : f.code;
        }
      }
    }
    std::string rule;
    if (person >= 0) {
      m.code = PersonCode(static_cast<uint32_t>(person), date, &rule);
      m.is_person = true;
      m.person = person;
      if (m.code.empty() && !country_code.empty())
        m.code = country_code + agent;
    } else if (org) {
      m.code = explicit_code;
      rule = "organisation";
    } else if (!country_code.empty() && !agent.empty()) {
      m.code = CountryOf(country_code) + agent;
      rule = "country+agent";
    } else if (!explicit_code.empty()) {
      m.code = explicit_code;
      rule = "metonym";
    } else if (!country_code.empty()) {
      // A bare adjective or prefix names the country ("Chinese goods",
      // 对俄).
      m.code = country_code;
      rule = adjective_only ? "adjective" : "name";
    } else if (!agent.empty() && !a->home_country.empty() &&
               EndsWithHan(text, m.end) &&
               m.end - m.begin >= kMinHomeAgentBytes &&
               !EndsWithHan(text, m.begin)) {
      // 外交部, 商务部 in mainland Chinese news: the home government.
      m.code = a->home_country + agent;
      rule = "agent + home country";
    } else {
      a->notes.push_back("dropped '" + a->OriginalText(m.begin, m.end) +
                         "': agent without country");
      i = j;
      continue;
    }
    if (m.code.empty()) {
      a->notes.push_back("dropped '" + a->OriginalText(m.begin, m.end) +
                         "': no code for its date");
      i = j;
      continue;
    }
    m.country = org && !country_code.empty() ? country_code : CountryOf(m.code);
    m.rule = rule;
    a->mentions.push_back(std::move(m));
    i = j;
  }

  // Compound groups: mentions joined by a conjunction or a list comma.
  std::vector<Mention>& ms = a->mentions;
  for (size_t k = 0; k < ms.size(); ++k) {
    if (ms[k].group < 0) ms[k].group = static_cast<int>(k);
  }
  // 0: not joined, 1: joined by a conjunction, 2: by a list comma (valid
  // only when the list is closed by a conjunction: "A, B and C").
  std::vector<int> join(ms.size(), 0);
  for (size_t k = 1; k < ms.size(); ++k) {
    if (ms[k].kind != MentionKind::kActor ||
        ms[k - 1].kind != MentionKind::kActor) {
      continue;
    }
    std::string_view gap =
        TrimSpaces(text.substr(ms[k - 1].end, ms[k].begin - ms[k - 1].end));
    if (gap.starts_with("the ")) gap = TrimSpaces(gap.substr(4));
    if (gap == "and" || gap == ", and" || gap == "&" || gap == "as well as" ||
        gap == "和" || gap == "与" || gap == "及" || gap == "以及" ||
        gap == "、" || gap == "同" || gap == "跟") {
      join[k] = 1;
    } else if (gap == ",") {
      join[k] = 2;
    }
  }
  for (size_t k = ms.size(); k-- > 1;) {
    if (join[k] == 2 && !(k + 1 < ms.size() && join[k + 1] != 0)) join[k] = 0;
  }
  for (size_t k = 1; k < ms.size(); ++k) {
    if (join[k] != 0) {
      const int from = ms[k].group;
      const int to = ms[k - 1].group;
      for (Mention& m : ms) {
        if (m.group == from) m.group = to;
      }
    }
  }
}

void CoderImpl::ResolvePronouns(Analysis* a, const Analysis* context) const {
  // Ends of one-piece report cues ("said", 表示): where reported clauses
  // start, for finding the subject an object pronoun cannot refer to.
  std::vector<uint32_t> report_ends;
  for (const Hit& h : a->hits) {
    for (const Use& u : uses_[h.pattern_id]) {
      if (u.kind == UseKind::kPatternPiece && patterns_[u.index].is_cue &&
          patterns_[u.index].elems.size() == 1 &&
          cues_[patterns_[u.index].owner].kind == CueKind::kReport) {
        report_ends.push_back(h.end);
      }
    }
  }
  std::vector<Mention> out;
  int next_group = 100000;
  for (size_t k = 0; k < a->mentions.size(); ++k) {
    Mention m = a->mentions[k];
    if (m.kind != MentionKind::kPronoun) {
      out.push_back(std::move(m));
      continue;
    }
    const bool object = m.pronoun == Word::kPronounPersonObject ||
                        m.pronoun == Word::kPronounThingObject ||
                        m.pronoun == Word::kPronounPluralObject;
    const bool person = m.pronoun == Word::kPronounPerson ||
                        m.pronoun == Word::kPronounPersonObject;
    const bool thing = m.pronoun == Word::kPronounThing ||
                       m.pronoun == Word::kPronounThingObject;
    const bool plural = m.pronoun == Word::kPronounPlural ||
                        m.pronoun == Word::kPronounPluralObject;
    // An object pronoun ("accusing him", "its airspace") does not refer to
    // the subject of its own clause.
    std::string excluded;
    if (object) {
      uint32_t start = a->ClauseStart(m.begin);
      for (uint32_t e : report_ends) {
        if (e <= m.begin && e > start) start = e;
      }
      for (uint32_t pass = 0; pass < 2 && excluded.empty(); ++pass) {
        const uint32_t from = pass == 0 ? start : a->ClauseStart(m.begin);
        for (const Mention& c : out) {
          if (c.kind == MentionKind::kActor && c.begin >= from &&
              c.end <= m.begin && !a->WordBefore(c.begin, Word::kPreposition)) {
            excluded = c.code;
            break;
          }
        }
      }
    }
    // Candidates: distinct actors earlier in this sentence, else in the
    // previous sentence.
    auto distinct = [&](const std::vector<Mention>& pool, const Analysis& in,
                        uint32_t before) {
      std::vector<const Mention*> found;
      for (const Mention& c : pool) {
        if (c.kind != MentionKind::kActor || c.begin >= before) continue;
        // Places ("in Moscow", 在莫斯科) are not antecedents.
        if (in.WordBefore(c.begin, Word::kPreposition)) continue;
        if (person && !c.is_person) continue;
        if (thing && c.is_person) continue;
        if (!excluded.empty() && c.code == excluded) continue;
        bool dup = false;
        // One antecedent per country (平壤 and 朝鲜 are one side).
        for (const Mention* f : found) {
          dup |= f->code == c.code || (plural && f->country == c.country);
        }
        if (!dup) found.push_back(&c);
      }
      return found;
    };
    std::vector<const Mention*> found = distinct(out, *a, m.begin);
    std::string from = "this sentence";
    const size_t want = plural ? 2 : 1;
    if (found.size() != want && !(want == 1 && found.size() > 1) &&
        context != nullptr) {
      found = distinct(context->mentions, *context, UINT32_MAX);
      from = "previous sentence";
    }
    // Several candidates for he/she/it: the first (the subject) is
    // preferred; for him/its the nearest that is not the clause's subject.
    if (want == 1 && found.size() > 1) {
      if (object) found.erase(found.begin(), found.end() - 1);
      found.erase(found.begin() + 1, found.end());
    }
    if (found.size() != want && !(plural && found.size() == 1)) {
      a->notes.push_back("unresolved pronoun '" +
                         a->OriginalText(m.begin, m.end) + "' (" +
                         std::to_string(found.size()) + " candidates)");
      continue;
    }
    const int group = next_group++;
    // Copy first: `found` points into `out`, which grows below.
    std::vector<Mention> antecedents;
    for (const Mention* f : found) antecedents.push_back(*f);
    for (const Mention* f = antecedents.data();
         f != antecedents.data() + antecedents.size(); ++f) {
      Mention r = m;
      r.kind = MentionKind::kActor;
      r.code = f->code;
      r.country = f->country;
      r.is_person = f->is_person;
      r.person = f->person;
      r.group = group;
      r.rule = "pronoun <- " + from;
      out.push_back(std::move(r));
    }
  }
  a->mentions = std::move(out);
}

// ---------------------------------------------------------------------------
// Clauses and patterns.

void CoderImpl::FindClauses(Analysis* a) const {
  const std::string_view text = a->text();
  a->clause_starts.push_back(0);
  for (uint32_t pos = 0; pos < text.size(); ++pos) {
    const char c = text[pos];
    uint32_t len = 0;
    if (c == ';' || c == '!' || c == '?') {
      len = 1;
    } else if (c == '\xE3' && text.substr(pos, 3) == "\xE3\x80\x82") {  // 。
      len = 3;
    } else if (c == ',') {
      // A comma splits only before a clause conjunction.
      uint32_t q = pos + 1;
      while (q < text.size() && text[q] == ' ') ++q;
      for (const Hit& h : a->hits) {
        if (h.begin != q) continue;
        for (const Use& u : uses_[h.pattern_id]) {
          if (u.kind == UseKind::kWord &&
              static_cast<Word>(u.index) == Word::kClauseConj) {
            len = 1;
          }
        }
      }
    }
    if (len > 0 && pos + len < text.size()) {
      a->clause_starts.push_back(pos + len);
    }
  }
}

bool CoderImpl::MatchFrom(const Analysis& a, uint32_t pattern,
                          const Hit& anchor, TriggerMatch* m) const {
  const CompiledPattern& p = patterns_[pattern];
  const std::string_view text = a.text();
  const uint32_t clause_end = a.ClauseEnd(anchor.begin);
  m->pattern = pattern;
  m->begin = anchor.begin;
  m->anchor_end = anchor.end;
  m->pieces.assign(1, {anchor.begin, anchor.end});
  uint32_t pos = anchor.end;
  PatternElement::Type pending = PatternElement::Type::kLiteral;  // adjacency
  bool has_pending = false;
  for (size_t e = 0; e < p.anchor; ++e) {
    if (p.elems[e].type == PatternElement::Type::kTargetSlot) {
      m->target_slot_before = true;
    }
  }
  for (size_t e = p.anchor + 1; e < p.elems.size(); ++e) {
    const CompiledElem& el = p.elems[e];
    if (el.type != PatternElement::Type::kLiteral) {
      if (el.type == PatternElement::Type::kSourceSlot) {
        m->source_slot_after = true;
        m->source_slot = {pos, clause_end};
      } else if (el.type == PatternElement::Type::kTargetSlot) {
        m->target_slot = {pos, clause_end};
      }
      pending = el.type;
      has_pending = true;
      continue;
    }
    // Find the first hit of this literal at or after pos that satisfies the
    // connector.
    bool found = false;
    for (const Hit& h : a.hits) {
      if (h.pattern_id != el.literal || h.begin < pos || h.end > clause_end) {
        continue;
      }
      std::string_view gap = text.substr(pos, h.begin - pos);
      bool breaks = false;
      for (size_t q = 0; q < gap.size(); ++q) {
        breaks |= (gap[q] == ',' && !IsNumberComma(text, pos + q)) ||
                  gap[q] == ':' || gap[q] == ';' || gap[q] == '"';
      }
      if (breaks) continue;
      if (!has_pending) {
        if (!TrimSpaces(gap).empty()) continue;
      } else {
        int words = 0;
        int han = 0;
        CountUnits(gap, &words, &han);
        if (words > options_.max_gap_words || han > options_.max_gap_han) {
          continue;
        }
        // Close an open slot region at this literal.
        if (pending == PatternElement::Type::kSourceSlot) {
          m->source_slot.second = h.begin;
        } else if (pending == PatternElement::Type::kTargetSlot) {
          m->target_slot.second = h.begin;
        }
      }
      m->pieces.emplace_back(h.begin, h.end);
      pos = h.end;
      found = true;
      break;
    }
    if (!found) return false;
    has_pending = false;
  }
  m->end = pos;
  return true;
}

void CoderImpl::FindPatterns(const Analysis& a, bool cues,
                             std::vector<TriggerMatch>* out) const {
  for (const Hit& h : a.hits) {
    for (const Use& u : uses_[h.pattern_id]) {
      if (u.kind != UseKind::kPatternPiece) continue;
      if (patterns_[u.index].is_cue != cues) continue;
      TriggerMatch m;
      if (MatchFrom(a, u.index, h, &m)) out->push_back(std::move(m));
    }
  }
}

void CoderImpl::Analyse(std::string_view text,
                        const std::optional<CivilDate>& date,
                        Analysis* a) const {
  a->original = text;
  a->norm = normalizer_->Normalize(text);
  matcher_->FindAll(a->norm.text, &a->hits);
  SelectPieces(a);
  BuildMentions(a, date);
  FindClauses(a);
}

void CoderImpl::Reanalyse(Analysis* a,
                          const std::optional<CivilDate>& date) const {
  a->words.clear();
  a->pieces.clear();
  a->mentions.clear();
  a->clause_starts.clear();
  a->notes.clear();
  SelectPieces(a);
  BuildMentions(a, date);
  FindClauses(a);
}

// ---------------------------------------------------------------------------
// The sentence.


// A date the previous sentence gives as background, not as the day it
// narrates: "这是普京5月7日宣誓就职后的首次出访" is about a visit after 5月7日,
// so a following 当天 does not mean 5月7日.  Chinese marks this with 后 /
// 以来 / 之前 / 以前 later in the same clause.
bool IsBackgroundDate(std::string_view text, const internal::DateMention& d) {
  std::string_view rest = text.substr(std::min<size_t>(d.end, text.size()));
  for (std::string_view stop : {"，", "。", "；", ",", ";"}) {
    rest = rest.substr(0, rest.find(stop));
  }
  for (std::string_view marker : {"后", "以来", "之前", "以前"}) {
    if (rest.find(marker) != std::string_view::npos) return true;
  }
  return false;
}

SentenceResult CoderImpl::CodeSentence(const SentenceInput& input,
                                       SentenceContext* sentence_context) const {
  SentenceResult result;
  Carried* carried = nullptr;
  if (sentence_context != nullptr) {
    carried = dynamic_cast<Carried*>(sentence_context->state.get());
    if (carried == nullptr || carried->coder != this) {
      auto fresh = std::make_unique<Carried>();
      fresh->coder = this;
      carried = fresh.get();
      sentence_context->state = std::move(fresh);
    }
  }
  if (input.text.size() > options_.max_sentence_bytes) {
    if (carried != nullptr) carried->valid = false;
    if (input.want_trace) {
      result.trace.notes.push_back(
          "not coded: " + std::to_string(input.text.size()) +
          " bytes, over max_sentence_bytes " +
          std::to_string(options_.max_sentence_bytes));
    }
    return result;
  }
  std::optional<CivilDate> doc;
  CivilDate parsed;
  if (input.document_date &&
      internal::ParseIsoDate(*input.document_date, &parsed)) {
    doc = parsed;
  }

  Analysis a;
  a.original = input.text;
  if (input.lang == "zh-Hans") a.home_country = options_.zh_hans_home_country;
  if (input.normalized != nullptr && input.normalized_by == normalizer_) {
    a.norm = *input.normalized;
  } else {
    a.norm = normalizer_->Normalize(input.text);
  }
  matcher_->FindAll(a.norm.text, &a.hits);
  const std::string_view text = a.text();

  // Dates first: person roles depend on the event date.
  std::vector<internal::DateMention> dates;
  internal::FindDates(text, doc, &dates);
  std::vector<internal::DateMention> forward_dates;  // computed on demand
  bool have_forward_dates = false;
  std::optional<CivilDate> sentence_date;
  for (const auto& d : dates) {
    if (d.date) {
      sentence_date = d.date;
      break;
    }
  }
  const std::optional<CivilDate> role_date =
      sentence_date ? sentence_date : doc;

  SelectPieces(&a);
  BuildMentions(&a, role_date);
  FindClauses(&a);
  // The previous sentence analysed as context: carried over from the last
  // call when it is of the same text, else computed here.
  const bool has_context = !input.previous_sentence.empty();
  const Analysis* reused = nullptr;
  if (has_context && carried != nullptr && carried->valid &&
      carried->text == input.previous_sentence &&
      carried->previous.home_country == a.home_country) {
    if (!SameDate(carried->role_date, role_date)) {
      Reanalyse(&carried->previous, role_date);
      carried->role_date = role_date;
    }
    reused = &carried->previous;
  }
  Analysis computed;
  if (has_context && reused == nullptr) {
    computed.home_country = a.home_country;
    Analyse(input.previous_sentence, role_date, &computed);
  }
  const Analysis& context = reused != nullptr ? *reused : computed;
  // This sentence as the next one's context: as it stands now, before its
  // own pronouns are resolved.
  if (carried != nullptr) carried->pending = a;
  ResolvePronouns(&a, has_context ? &context : nullptr);
  // 当天 / "that day": the previous sentence's date.
  std::optional<CivilDate> context_date;
  if (has_context && (text.find("当天") != std::string_view::npos ||
                      text.find("当日") != std::string_view::npos ||
                      text.find("that day") != std::string_view::npos ||
                      text.find("the same day") != std::string_view::npos)) {
    std::vector<internal::DateMention> context_dates;
    internal::FindDates(context.text(), doc, &context_dates);
    for (const auto& d : context_dates) {
      if (d.date && !IsBackgroundDate(context.text(), d)) {
        context_date = d.date;
        break;
      }
    }
  }

  // Triggers, longest first, no two sharing literal bytes.
  std::vector<TriggerMatch> cands;
  FindPatterns(a, false, &cands);
  std::stable_sort(cands.begin(), cands.end(),
                   [](const TriggerMatch& x, const TriggerMatch& y) {
                     const uint32_t lx = x.end - x.begin;
                     const uint32_t ly = y.end - y.begin;
                     if (lx != ly) return lx > ly;
                     return x.begin < y.begin;
                   });
  std::vector<TriggerMatch> triggers;
  auto overlaps = [](const TriggerMatch& x, const TriggerMatch& y) {
    for (const auto& [b1, e1] : x.pieces) {
      for (const auto& [b2, e2] : y.pieces) {
        if (b1 < e2 && b2 < e1) return true;
      }
    }
    return false;
  };
  for (TriggerMatch& c : cands) {
    bool clash = false;
    for (const TriggerMatch& t : triggers) clash |= overlaps(c, t);
    // A trigger inside an actor name ("Security Council") is not a trigger.
    // Only the anchor counts: 冲击…使馆 may end inside 瑞典驻巴格达大使馆.
    for (const Mention& m : a.mentions) {
      const auto& [b, e] = c.pieces.front();
      if (b >= m.begin && e <= m.end && m.kind == MentionKind::kActor &&
          !m.rule.starts_with("pronoun") && m.rule != "prefix compound") {
        clash = true;
      }
    }
    // Inside a longer trigger's span ("welcomed visiting X to"): part of it.
    for (const TriggerMatch& t : triggers) {
      if (c.begin >= t.begin && c.end <= t.end) clash = true;
    }
    if (!clash) triggers.push_back(std::move(c));
  }
  std::sort(triggers.begin(), triggers.end(),
            [](const TriggerMatch& x, const TriggerMatch& y) {
              return x.begin < y.begin;
            });

  // Cues, minus those inside triggers, actors or blocking words.
  std::vector<TriggerMatch> cues;
  FindPatterns(a, true, &cues);
  std::vector<std::pair<uint32_t, uint32_t>> blocked;
  for (const Hit& h : a.hits) {
    for (const Use& u : uses_[h.pattern_id]) {
      if (u.kind == UseKind::kWord &&
          (static_cast<Word>(u.index) == Word::kBlockCue)) {
        blocked.emplace_back(h.begin, h.end);
      }
    }
  }
  for (const TriggerMatch& t : triggers) {
    for (const auto& piece : t.pieces) blocked.push_back(piece);
  }
  for (const Mention& m : a.mentions) {
    if (m.rule.starts_with("pronoun <-")) continue;
    blocked.emplace_back(m.begin, m.end);
  }
  std::erase_if(cues, [&](const TriggerMatch& c) {
    for (const auto& [b, e] : blocked) {
      for (const auto& [cb, ce] : c.pieces) {
        if (cb < e && b < ce) return true;
      }
    }
    // "May 9" is a date; 将 + actor is the disposal marker.
    const std::string_view cue_text = text.substr(c.begin, c.end - c.begin);
    if (cue_text == "may") {
      std::string_view after = TrimSpaces(text.substr(c.end));
      if (!after.empty() && after.front() >= '0' && after.front() <= '9') {
        return true;
      }
    }
    if (cue_text == "将") {
      for (const Mention& m : a.mentions) {
        if (m.begin == c.end) return true;
      }
    }
    return false;
  });

  auto cue_kind = [&](const TriggerMatch& c) {
    return cues_[patterns_[c.pattern].owner].kind;
  };

  auto add_trace_actor = [&](const Mention& m) {
    result.trace.actors.push_back({a.OriginalSpan(m.begin, m.end),
                                   a.OriginalText(m.begin, m.end), m.code,
                                   m.rule});
  };
  if (input.want_trace) {
    for (const Mention& m : a.mentions) add_trace_actor(m);
    for (uint32_t s : a.clause_starts) {
      if (s > 0) {
        result.trace.notes.push_back(
            "clause starts at byte " +
            std::to_string(a.OriginalSpan(s, s).begin));
      }
    }
    for (const auto& d : dates) {
      result.trace.notes.push_back(
          "date '" + a.OriginalText(d.begin, d.end) + "' -> " +
          (d.date ? internal::FormatDate(*d.date) : std::string("unresolved")));
    }
    for (const std::string& n : a.notes) result.trace.notes.push_back(n);
  }

  // Subjects of earlier clauses, for Chinese zero anaphora.
  std::vector<std::pair<uint32_t, const Mention*>> clause_subjects;

  auto is_subject_position = [&](const Mention& m) {
    if (a.WordBefore(m.begin, Word::kPreposition) ||
        a.WordBefore(m.begin, Word::kZhPassive) ||
        a.WordBefore(m.begin, Word::kZhPassiveWeak) ||
        a.ZhTargetPrepNear(m.begin, kZhPrepReach) ||
        (m.begin >= 3 && text.substr(m.begin - 3, 3) == "的" &&
         !(m.begin >= 9 && text.substr(m.begin - 9, 6) == "为首")) ||
        a.WordBefore(m.begin, Word::kBy)) {
      return false;
    }
    // 以美国为首的北约: the leader modifies the head, which is the subject.
    if (m.begin >= 3 && text.substr(m.begin - 3, 3) == "以" &&
        text.substr(m.end, 6) == "为首") {
      return false;
    }
    // 与/和/同 + actor not joined to an actor before it: "with", not "and".
    if (a.WordBefore(m.begin, Word::kConjunction) &&
        EndsWithHan(text, m.begin)) {
      for (const Mention& o : a.mentions) {
        if (&o != &m && o.group == m.group && o.begin < m.begin) return true;
      }
      return false;
    }
    return true;
  };

  // Complements: "threatened on Monday to impose tariffs on Canada" codes
  // the threat (whose object is found past the complement), not the
  // imposition.
  std::vector<int> complement_of(triggers.size(), -1);
  std::vector<uint32_t> object_from(triggers.size(), 0);
  for (size_t j = 0; j < triggers.size(); ++j) {
    object_from[j] = triggers[j].end;
    // "to" right before the trigger or one word before it ("to impose
    // sanctions", where only "sanctions" is a pattern).
    std::string_view before = TrimSpaces(text.substr(0, triggers[j].begin));
    bool to = before.ends_with(" to") || before == "to";
    if (!to) {
      const size_t space = before.rfind(' ');
      if (space != std::string_view::npos) {
        std::string_view rest = TrimSpaces(before.substr(0, space));
        to = rest.ends_with(" to") || rest == "to";
      }
    }
    if (!to && j > 0 && EndsWithHan(text, triggers[j].anchor_end)) {
      // Chinese: the nearest earlier trigger of the clause, if its verb
      // takes a clause object and stands close before this one
      // (威胁对墨西哥商品加征关税, 敦促美方停止向台湾出售武器), governs it.
      constexpr int kZhComplementHan = 16;
      for (size_t i = j; i-- > 0;) {
        const TriggerMatch& t1 = triggers[i];
        if (t1.end > triggers[j].begin) continue;
        if (a.ClauseStart(t1.begin) != a.ClauseStart(triggers[j].begin)) break;
        const std::string_view between =
            text.substr(t1.end, triggers[j].begin - t1.end);
        if (between.find(',') != std::string_view::npos) break;
        int words = 0;
        int han = 0;
        CountUnits(GapWithoutMentions(a, t1.end, triggers[j].begin), &words,
                   &han);
        if (words > 0 || han > kZhComplementHan) break;
        if (complement_of[i] >= 0) {
          complement_of[j] = complement_of[i];
        } else if (TakesClauseObject(
                       events_[patterns_[t1.pattern].owner].code)) {
          complement_of[j] = static_cast<int>(i);
        }
        break;
      }
      if (complement_of[j] >= 0) continue;
    }
    if (!to) {
      // An event noun right after an earlier trigger is its object:
      // "threatened \"merciless\" retaliation against", "condemned the
      // attack on".
      if (j == 0) continue;
      const TriggerMatch& t1 = triggers[j - 1];
      if (t1.end > triggers[j].begin ||
          a.ClauseStart(t1.begin) != a.ClauseStart(triggers[j].begin)) {
        continue;
      }
      bool mention_between = false;
      for (const Mention& m : a.mentions) {
        mention_between |= m.begin >= t1.end && m.end <= triggers[j].begin;
      }
      int words = 0;
      int han = 0;
      CountUnits(text.substr(t1.end, triggers[j].begin - t1.end), &words, &han);
      constexpr int kObjectNounWords = 2;
      // "signed an order imposing tariffs": a participle is a verb of its own.
      const std::string_view anchor2 = text.substr(
          triggers[j].begin, triggers[j].anchor_end - triggers[j].begin);
      const bool participle = anchor2.ends_with("ing");
      if (!mention_between && !participle && han == 0 &&
          words <= kObjectNounWords &&
          text.substr(t1.end, triggers[j].begin - t1.end).find(',') ==
              std::string_view::npos &&
          complement_of[j - 1] < 0) {
        complement_of[j] = static_cast<int>(j - 1);
        object_from[j - 1] = triggers[j].end;
      }
      continue;
    }
    for (size_t i = j; i-- > 0;) {
      const TriggerMatch& t1 = triggers[i];
      if (t1.end > triggers[j].begin ||
          a.ClauseStart(t1.begin) != a.ClauseStart(triggers[j].begin)) {
        continue;
      }
      int words = 0;
      int han = 0;
      CountUnits(text.substr(t1.end, triggers[j].begin - t1.end), &words, &han);
      constexpr int kComplementWords = 4;
      if (words <= kComplementWords && complement_of[i] < 0) {
        complement_of[j] = static_cast<int>(i);
        object_from[i] = triggers[j].end;
      }
      break;
    }
  }
  std::vector<std::tuple<std::string, std::string, std::string>> seen;
  std::vector<std::pair<uint32_t, model::Modality>> clause_modality;
  // Objects of earlier triggers: "condemned Russia's invasion of Ukraine"
  // codes the condemnation, not the invasion named inside its object.
  std::vector<const Mention*> objects;
  // Actors of the events emitted so far, with the end of their trigger: a
  // later reaction without an object ("…, 商务部表示坚决反对") answers them.
  std::vector<std::pair<uint32_t, const Mention*>> emitted_actors;
  for (size_t ti = 0; ti < triggers.size(); ++ti) {
    const TriggerMatch& t = triggers[ti];
    const CompiledPattern& p = patterns_[t.pattern];
    const EventEntry& ev = events_[p.owner];
    TraceCandidate tc;
    tc.code = ev.code;
    if (input.want_trace) {  // only the trace shows them
      tc.pattern = p.text;
      tc.where = p.where.ToString();
    }
    tc.trigger = a.OriginalSpan(t.begin, t.end);
    // "visited India for an annual summit with Modi", "killed X in an
    // airstrike on": an event noun in a phrase attached to an earlier
    // trigger of the clause names the same event, not a new one.
    if (ti > 0 && complement_of[ti] < 0 &&
        a.ClauseStart(triggers[ti - 1].begin) == a.ClauseStart(t.begin) &&
        triggers[ti - 1].end <= t.begin) {
      std::string_view before = TrimSpaces(
          text.substr(triggers[ti - 1].end, t.begin - triggers[ti - 1].end));
      // The last few words before the noun.
      // ... and "their first in-person meeting" after "X and Y met"; "met
      // McCarthy despite warnings from China", "agreed to cut tariffs after
      // weekend talks" (background, not another event).
      constexpr std::string_view kLeads[] = {
          "for a", "for an", "for the", "during", "in a",
          "in an", "their",  "his",     "her",    "its", "despite", "after"};
      bool nominal = false;
      for (std::string_view lead : kLeads) {
        const size_t at = before.rfind(lead);
        if (at == std::string_view::npos || (at > 0 && before[at - 1] != ' ')) {
          continue;
        }
        int words = 0;
        int han = 0;
        CountUnits(before.substr(at + lead.size()), &words, &han);
        bool mention_after = false;
        for (const Mention& m : a.mentions) {
          mention_after |= m.begin >= triggers[ti - 1].end &&
                           m.end <= t.begin &&
                           m.begin > triggers[ti - 1].end + at;
        }
        constexpr int kNominalWords = 3;
        if (words <= kNominalWords && han == 0 && !mention_after)
          nominal = true;
      }
      if (nominal) {
        tc.reason = "event noun attached to the earlier trigger '" +
                    patterns_[triggers[ti - 1].pattern].text + "'";
        if (input.want_trace) result.trace.candidates.push_back(std::move(tc));
        continue;
      }
    }
    if (complement_of[ti] >= 0) {
      tc.reason = "complement of the trigger '" +
                  patterns_[triggers[complement_of[ti]].pattern].text + "'";
      if (input.want_trace) result.trace.candidates.push_back(std::move(tc));
      continue;
    }
    const uint32_t object_start = object_from[ti];
    std::string why;

    const uint32_t clause_start = a.ClauseStart(t.begin);
    const uint32_t clause_end = a.ClauseEnd(t.begin);
    {
      // Chinese attributive: 与美国签署的《条约》, 访华的领导人.
      // Inside a topic phrase: 关于中国黑客入侵…的指控, 就…恐怖袭击事件.
      bool topic = false;
      {
        const std::string_view before =
            text.substr(clause_start, t.begin - clause_start);
        const std::string_view after = text.substr(t.end, clause_end - t.end);
        size_t open = std::string_view::npos;
        for (std::string_view o :
             {std::string_view("关于"), std::string_view("有关"),
              std::string_view("就"), std::string_view("一项"),
              std::string_view("一份")}) {
          const size_t at = before.rfind(o);
          if (at != std::string_view::npos &&
              (open == std::string_view::npos || at > open)) {
            open = at;
          }
        }
        if (open != std::string_view::npos &&
            before.find(',', open) == std::string_view::npos) {
          const size_t comma = after.find(',');
          for (std::string_view c :
               {std::string_view("的"), std::string_view("事件"),
                std::string_view("问题"), std::string_view("措施"),
                std::string_view("一事")}) {
            const size_t at = after.find(c);
            constexpr size_t kTopicReach = 30;  // bytes: about ten characters
            if (at != std::string_view::npos && at < comma &&
                at <= kTopicReach) {
              topic = true;
            }
          }
        }
      }
      // 在…的空袭中: a locative frame names the setting, not a new event.
      if (text.substr(t.end, 3) == "中" && t.begin >= 3 &&
          text.substr(t.begin - 3, 3) == "的") {
        const std::string_view before =
            text.substr(clause_start, t.begin - clause_start);
        const size_t at = before.rfind("在");
        if (at != std::string_view::npos &&
            before.find(',', at) == std::string_view::npos) {
          topic = true;
        }
      }
      if (topic) {
        tc.reason =
            "inside a topic or setting phrase (关于/就/在 ... 的/事件/中)";
        if (input.want_trace) result.trace.candidates.push_back(std::move(tc));
        continue;
      }
      bool actor_after = false;  // 欢迎到访的俄罗斯国防部长: the object
      for (const Mention& m : a.mentions) {
        actor_after |= t.pieces.size() > 1 && m.begin == t.end + 3;
      }
      if (text.substr(t.end, 3) == "的" && !actor_after) {
        tc.reason = "attributive (trigger modifies a noun with 的)";
        if (input.want_trace) result.trace.candidates.push_back(std::move(tc));
        continue;
      }
      // A two-character Chinese trigger after 的 or a determiner is a noun
      // (最大的威胁, 对中俄联盟的担忧, 原产于欧盟的进口白兰地, 所有进口商品),
      // not a verb with a subject -- unless a light verb makes the noun the
      // event (举行了…的会谈, 恢复与乌克兰的情报共享, 征收…的关税).
      constexpr uint32_t kNounBytes = 6;
      if (t.pieces.size() == 1 && EndsWithHan(text, t.end) &&
          t.end - t.begin <= kNounBytes) {
        bool nominal = t.begin >= 3 && text.substr(t.begin - 3, 3) == "的";
        const std::string_view lead =
            text.substr(clause_start, t.begin - clause_start);
        for (std::string_view light :
             {std::string_view("举行"), std::string_view("进行"),
              std::string_view("展开"), std::string_view("开展"),
              std::string_view("发起"), std::string_view("实施"),
              std::string_view("采取"), std::string_view("恢复"),
              std::string_view("暂停"), std::string_view("中止"),
              std::string_view("发动"), std::string_view("征收"),
              std::string_view("加征"), std::string_view("达成")}) {
          if (lead.find(light) != std::string_view::npos) nominal = false;
        }
        for (std::string_view det :
             {std::string_view("所有"), std::string_view("部分"),
              std::string_view("全部"), std::string_view("一切"),
              std::string_view("各类"), std::string_view("各种"),
              std::string_view("这些"), std::string_view("此类")}) {
          nominal |= t.begin >= det.size() &&
                     text.substr(t.begin - det.size(), det.size()) == det;
        }
        if (nominal) {
          tc.reason = "noun (after 的 or a determiner)";
          if (input.want_trace)
            result.trace.candidates.push_back(std::move(tc));
          continue;
        }
      }
      // 对 + [a clause or noun phrase holding this trigger] + a later verb
      // (对美方动用武力袭击民用飞艇表示强烈不满, 对原产于欧盟的进口白兰地发起
      // 反倾销调查): the phrase is the later verb's object.
      if (EndsWithHan(text, t.anchor_end)) {
        const std::string_view before =
            text.substr(clause_start, t.begin - clause_start);
        size_t dui = before.rfind("对");
        // Not 反对 / 针对 / 应对 / 面对 / 对话 / 对手 / 对抗 / 对此.
        while (dui != std::string_view::npos) {
          const std::string_view prev =
              dui >= 3 ? before.substr(dui - 3, 3) : std::string_view();
          const std::string_view next = before.substr(dui + 3, 3);
          if (prev != "反" && prev != "针" && prev != "应" && prev != "面" &&
              prev != "相" && prev != "敌" && prev != "绝" && next != "话" &&
              next != "手" && next != "抗" && next != "此" && next != "称" &&
              next != "象") {
            break;
          }
          dui = dui == 0 ? std::string_view::npos : before.rfind("对", dui - 1);
        }
        bool framed = false;
        if (dui != std::string_view::npos &&
            before.find(',', dui) == std::string_view::npos) {
          const uint32_t dui_pos = clause_start + static_cast<uint32_t>(dui);
          bool trigger_between = false;
          for (size_t k = 0; k < ti; ++k) {
            trigger_between |=
                triggers[k].end > dui_pos && triggers[k].end <= t.begin;
          }
          bool actor_near = false;  // 对 + actor within a few characters
          constexpr int kDuiActorHan = 6;
          for (const Mention& m : a.mentions) {
            if (m.begin < dui_pos + 3 || m.begin >= t.end) continue;
            int words = 0;
            int han = 0;
            CountUnits(text.substr(dui_pos + 3, m.begin - dui_pos - 3), &words,
                       &han);
            actor_near |= han <= kDuiActorHan;
          }
          bool later_verb = false;
          for (size_t k = ti + 1; k < triggers.size() && !trigger_between &&
                                  actor_near;
               ++k) {
            if (triggers[k].begin < t.end || triggers[k].begin >= clause_end)
              continue;
            later_verb |= text.substr(t.end, triggers[k].begin - t.end)
                              .find(',') == std::string_view::npos;
          }
          framed = later_verb;
        }
        if (framed) {
          tc.reason = "inside the 对 phrase that is a later verb's object";
          if (input.want_trace)
            result.trace.candidates.push_back(std::move(tc));
          continue;
        }
      }
    }
    {
      // "a resolution that would have condemned ...": a relative clause whose
      // head is not an actor has no source here.
      uint32_t q = t.begin;
      int words_back = 0;
      bool relative = false;
      constexpr int kRelativeWords = 4;
      while (q > 0 && words_back <= kRelativeWords) {
        while (q > 0 && text[q - 1] == ' ') --q;
        uint32_t w = q;
        while (w > 0 && text[w - 1] != ' ' && text[w - 1] != ',') --w;
        const std::string_view word = text.substr(w, q - w);
        if (word.empty()) break;
        if (word == "that" || word == "which") {
          relative = true;
          break;
        }
        bool in_mention = false;
        for (const Mention& m : a.mentions)
          in_mention |= m.begin <= w && w < m.end;
        if (in_mention) break;
        q = w;
        ++words_back;
      }
      if (relative) {
        // ... unless the word before "that" is a verb of saying or an actor.
        const std::string_view before = TrimSpaces(text.substr(0, q));
        bool after_actor = false;
        for (const Mention& m : a.mentions) {
          after_actor |= m.end == before.size();
        }
        bool after_report = false;
        for (const TriggerMatch& c : cues) {
          after_report |=
              cue_kind(c) == CueKind::kReport && c.end == before.size();
        }
        if (!after_actor && !after_report) {
          tc.reason = "relative clause without an actor as its head";
          if (input.want_trace)
            result.trace.candidates.push_back(std::move(tc));
          continue;
        }
      }
    }
    {
      bool embedded = false;
      for (const Mention* o : objects) {
        if (o->end > t.begin || o->begin < clause_start) continue;
        const std::string_view gap =
            TrimSpaces(text.substr(o->end, t.begin - o->end));
        if (gap.empty() || gap == "'s" || gap == "\xE2\x80\x99s" ||
            gap == "的") {
          embedded = true;
        }
      }
      // Also when the earlier trigger was not coded itself ("a resolution
      // that would have condemned its annexation of ..."): an actor right
      // after an earlier trigger and right before this one.
      for (const Mention& m : a.mentions) {
        if (m.end > t.begin || m.begin < clause_start) continue;
        const std::string_view gap =
            TrimSpaces(text.substr(m.end, t.begin - m.end));
        if (!(gap.empty() || gap == "'s" || gap == "\xE2\x80\x99s" ||
              gap == "的")) {
          continue;
        }
        for (size_t k = 0; k < ti; ++k) {
          const TriggerMatch& t1 = triggers[k];
          if (t1.end > m.begin || t1.begin < clause_start) continue;
          const std::string_view between =
              TrimSpaces(text.substr(t1.end, m.begin - t1.end));
          if (between.empty() || between == "the") embedded = true;
        }
      }
      if (embedded) {
        tc.reason = "embedded in the object of an earlier trigger";
        if (input.want_trace) result.trace.candidates.push_back(std::move(tc));
        continue;
      }
    }
    // The subject's region: the latest of the clause start, a comma or the
    // end of a report cue ("the Kremlin said Washington ...") that has a
    // subject-position mention between it and the trigger.
    uint32_t region_start = clause_start;
    bool report_region = false;
    {
      std::vector<std::pair<uint32_t, bool>> starts;  // (start, is_report)
      for (uint32_t q = clause_start; q < t.begin; ++q) {
        if (text[q] == ',') starts.emplace_back(q + 1, false);
        // "Japan condemned the move and Russia attacked Ukraine", "warned
        // that China ...", "if it provided", "after China sanctioned": a new
        // subject may follow.
        if (text[q] == ' ') {
          for (std::string_view w :
               {std::string_view("and"), std::string_view("that"),
                std::string_view("if"), std::string_view("unless"),
                std::string_view("because"), std::string_view("when"),
                std::string_view("while"), std::string_view("whether"),
                std::string_view("after"), std::string_view("before")}) {
            if (text.substr(q + 1, w.size()) == w &&
                q + 1 + w.size() < text.size() &&
                text[q + 1 + w.size()] == ' ') {
              starts.emplace_back(q + 2 + w.size(), false);
            }
          }
        }
      }
      for (const TriggerMatch& c : cues) {
        if (cue_kind(c) == CueKind::kReport && c.begin >= clause_start &&
            c.end <= t.begin) {
          starts.emplace_back(c.end, true);
        }
      }
      std::sort(starts.begin(), starts.end(), std::greater<>());
      for (const auto& [start, is_report] : starts) {
        bool has_subject = false;
        for (const Mention& m : a.mentions) {
          if (m.begin >= start && m.end <= t.begin && is_subject_position(m)) {
            has_subject = true;
          }
        }
        if (has_subject) {
          region_start = start;
          if (is_report) {
            why += "reported clause; ";
            report_region = true;
          }
          break;
        }
      }
    }
    // The next report cue after the trigger ends the target search
    // ("..., the ministry said").
    uint32_t target_limit = clause_end;
    for (const TriggerMatch& c : cues) {
      if (cue_kind(c) == CueKind::kReport && c.begin >= t.end &&
          c.begin < target_limit) {
        target_limit = c.begin;
      }
    }
    // A comma between the verb and its object ends the search ("a state
    // visit, accompanied by ..."); list commas come after the first object.
    for (uint32_t q = object_start; q < target_limit; ++q) {
      if (text[q] == ',' && !IsNumberComma(text, q)) {
        target_limit = q;
        break;
      }
    }

    // Subject before the trigger.
    const Mention* subject = nullptr;
    const Mention* zh_prep_target = nullptr;
    bool passive = false;
    const Mention* passive_agent = nullptr;
    for (uint32_t start : {region_start, clause_start}) {
      const Mention* second = nullptr;
      for (const Mention& m : a.mentions) {
        if (m.begin < start || m.end > t.begin || !is_subject_position(m))
          continue;
        if (subject == nullptr) {
          subject = &m;
        } else if (second == nullptr && m.group != subject->group) {
          second = &m;
        }
      }
      // "Putin told Abe he ...": the addressee right after the report verb
      // is not the reported clause's subject when another actor follows.
      if (start == region_start && report_region && subject != nullptr &&
          second != nullptr &&
          TrimSpaces(text.substr(start, subject->begin - start)).empty()) {
        subject = second;
        why += "skipped the addressee; ";
      }
      if (subject != nullptr) break;
    }
    if (subject == nullptr) {
      // 和 + actor whose first conjunct is not in the dictionary
      // (斯大林和毛泽东): a weaker subject.
      for (const Mention& m : a.mentions) {
        if (m.begin >= clause_start && m.end <= t.begin &&
            a.WordBefore(m.begin, Word::kConjunction)) {
          subject = &m;
          break;
        }
      }
    }
    // "Abe's visit to Sochi": the possessor is the subject of the noun.
    for (const Mention& m : a.mentions) {
      if (m.end <= t.begin && m.begin >= clause_start) {
        const std::string_view gap =
            TrimSpaces(text.substr(m.end, t.begin - m.end));
        if (gap == "'s" || gap == "\xE2\x80\x99s") {
          subject = &m;
          why += "possessive subject; ";
        }
      }
    }
    if (subject == nullptr) {
      // A fronted phrase: "In a call with Biden on Tuesday, Xi warned".
      for (uint32_t q = t.end; q < clause_end && subject == nullptr; ++q) {
        if (text[q] != ',') continue;
        for (const Mention& m : a.mentions) {
          if (m.begin > q && m.end <= clause_end && is_subject_position(m)) {
            subject = &m;
            why += "subject after a fronted phrase; ";
            break;
          }
        }
        break;
      }
    }
    if (subject == nullptr) {
      for (auto it = clause_subjects.rbegin(); it != clause_subjects.rend();
           ++it) {
        if (it->first < clause_start) {
          subject = it->second;
          why += "subject from previous clause; ";
          break;
        }
      }
    } else {
      clause_subjects.emplace_back(clause_start, subject);
    }
    // Chinese: 对/向/给 + actor before the verb is the target; 被/遭 + actor
    // is the agent of a passive.
    for (const Mention& m : a.mentions) {
      if (m.begin < region_start || m.end > t.begin || &m == subject) continue;
      if (subject != nullptr && m.group == subject->group) continue;
      // 在台湾岛周边 / 围绕台湾 before a verb: the place the act is aimed at.
      const bool directional =
          m.begin >= 3 &&
          ((text.substr(m.begin - 3, 3) == "在" &&
            StartsWithDirectional(text.substr(m.end))) ||
           (m.begin >= 6 && (text.substr(m.begin - 6, 6) == "围绕" ||
                             text.substr(m.begin - 6, 6) == "环绕")));
      if (directional || a.ZhTargetPrepNear(m.begin, kZhPrepReach) ||
          (a.WordBefore(m.begin, Word::kConjunction) &&
           EndsWithHan(text, m.begin) && subject != nullptr &&
           m.group != subject->group)) {
        zh_prep_target = &m;
      }
      if (a.WordBefore(m.begin, Word::kZhPassive) ||
          a.WordBefore(m.begin, Word::kZhPassiveWeak)) {
        passive = true;
        passive_agent = &m;
      }
    }
    if (!passive) {
      // 被制裁 without an agent.
      if (a.WordBefore(t.begin, Word::kZhPassive)) passive = true;
      // English: was/were (+ adverb) + V-ed.
      std::string_view anchor = text.substr(t.begin, t.anchor_end - t.begin);
      uint32_t before = t.begin;
      while (before > 0 && text[before - 1] == ' ') --before;
      uint32_t word_start = before;
      while (word_start > 0 && text[word_start - 1] != ' ') --word_start;
      std::string_view prev = text.substr(word_start, before - word_start);
      const bool ed = anchor.ends_with("ed") || anchor.ends_with("en");
      if (ed && (a.WordBefore(t.begin, Word::kAuxiliary) ||
                 (prev.ends_with("ly") &&
                  a.WordBefore(word_start, Word::kAuxiliary)))) {
        passive = true;
        passive_agent = ByAgent(a, t.end, target_limit);
      }
    }

    // Object after the anchor.
    const Mention* object = nullptr;
    const uint32_t verb_piece = t.pieces.back().first;
    auto first_in = [&](uint32_t b, uint32_t e, const Mention* not_group) {
      for (const Mention& m : a.mentions) {
        if (m.begin < b || m.end > e) continue;
        if (not_group != nullptr && m.group == not_group->group) continue;
        // 与习近平在南韩会面, 与伊朗在莫斯科签署: 在 + place before the verb is
        // where the act happens, not its object.
        if (m.end <= verb_piece && m.begin >= 3 &&
            text.substr(m.begin - 3, 3) == "在" &&
            !StartsWithDirectional(text.substr(m.end))) {
          continue;
        }
        if (passive_agent != nullptr && m.group == passive_agent->group)
          continue;
        return &m;
      }
      return static_cast<const Mention*>(nullptr);
    };

    Mention context_target;  // an object resolved from the previous sentence
    std::vector<const Mention*> back_targets;  // see emitted_actors
    const Mention* source = nullptr;
    const Mention* target = nullptr;
    if (subject == nullptr && !passive && !t.source_slot_after) {
      // "The sanctions imposed on Russia by the EU": a by-phrase names the
      // agent of a noun or participle without a subject.
      passive_agent = ByAgent(a, t.end, target_limit);
      if (passive_agent != nullptr) why += "agent in a by-phrase; ";
    }
    if (t.source_slot_after) {
      source = first_in(t.source_slot.first, t.source_slot.second, nullptr);
      if (t.target_slot.second > t.target_slot.first) {
        target = first_in(t.target_slot.first,
                          std::min(t.target_slot.second, target_limit), source);
      } else {
        target = subject;
      }
      why += "{S} after trigger; ";
    } else if (passive) {
      source = passive_agent;
      target = subject;
      why += "passive; ";
    } else if (subject == nullptr && passive_agent != nullptr) {
      source = passive_agent;
      target = first_in(t.begin, target_limit, source);
    } else {
      source = subject;
      if (t.target_slot.second > t.target_slot.first) {
        target = first_in(t.target_slot.first,
                          std::min(t.target_slot.second, target_limit), source);
      } else {
        object = first_in(t.begin, target_limit, source);
        target = object;
      }
      if (target == nullptr && zh_prep_target != nullptr) {
        target = zh_prep_target;
        why += "target marked by preposition before verb; ";
      }
      // 在联合国安理会否决了…决议: a veto is cast against the body it is
      // cast in.
      if (ev.code == "129") {
        for (const Mention& m : a.mentions) {
          if (m.begin >= region_start && m.end <= t.begin && m.begin >= 3 &&
              text.substr(m.begin - 3, 3) == "在" &&
              m.country.starts_with("IGO")) {
            target = &m;
            why += "veto in an international body; ";
          }
        }
      }
      // "condemned the launch", 对此予以谴责: the object is what the previous
      // sentence's subject did.
      // "美方宣布加征关税,商务部表示坚决反对", "会面,中方对此予以强烈谴责",
      // "…, and Beijing said it opposed the move": a disapproval, rejection
      // or demand without an object answers the actors of the events earlier
      // in the sentence (before this subject's comma).  Threats are left
      // out: "警告西方,俄罗斯将动用一切手段" is one threat, not two.
      if (target == nullptr && source != nullptr && !passive) {
        const std::string_view root = std::string_view(ev.code).substr(0, 2);
        const bool reaction = root == "10" || root == "11" || root == "12";
        const bool refers =
            TrimSpaces(text.substr(t.end)).starts_with("the ") ||
            text.substr(clause_start, t.begin - clause_start).find("对此") !=
                std::string_view::npos ||
            EndsWithHan(text, t.anchor_end);
        if (reaction && refers) {
          for (const auto& [end, m] : emitted_actors) {
            if (end > region_start || m->country == source->country) continue;
            bool dup = false;
            for (const Mention* b : back_targets) {
              dup |= b->country == m->country;
            }
            if (!dup) back_targets.push_back(m);
          }
          if (!back_targets.empty()) {
            target = back_targets.front();
            why += "object: the actors of the earlier events; ";
          }
        }
      }
      if (target == nullptr && source != nullptr && has_context) {
        const std::string_view after = TrimSpaces(text.substr(t.end));
        const bool refers_back =
            after.starts_with("the ") ||
            (t.begin >= 6 &&
             text.substr(clause_start, t.begin - clause_start).find("对此") !=
                 std::string_view::npos);
        if (refers_back) {
          for (const Mention& m : context.mentions) {
            if (m.kind == MentionKind::kActor && m.country != source->country &&
                !context.WordBefore(m.begin, Word::kPreposition)) {
              // The evidence is the referring words of this sentence.
              context_target = m;
              context_target.group = -1;
              const size_t zh =
                  text.substr(clause_start, t.begin - clause_start)
                      .find("对此");
              if (zh != std::string_view::npos) {
                context_target.begin = clause_start + static_cast<uint32_t>(zh);
                context_target.end = context_target.begin + 6;
              } else {
                uint32_t b = t.end;
                while (b < text.size() && text[b] == ' ') ++b;
                uint32_t e = b + 4;  // past "the "
                while (e < text.size() && text[e] != ' ' && text[e] != ',' &&
                       text[e] != '.') {
                  ++e;
                }
                context_target.begin = b;
                context_target.end = std::min<uint32_t>(e, text.size());
              }
              context_target.rule = "previous sentence: " + m.code;
              target = &context_target;
              why += "object from the previous sentence; ";
              break;
            }
          }
        }
      }
    }
    // Not when the actor follows the verb directly: in 赞扬中国提出的乌克兰
    // 和平计划 it is the relative clause's subject and the head is a plan.
    if (target != nullptr && target != &context_target &&
        back_targets.empty() && EndsWithHan(text, target->end) &&
        target->begin != t.end) {
      // A Chinese relative clause ends in 的 before its head noun:
      // 对[帮助俄罗斯规避出口管制的]中国银行, 会见[来华访问的]美国财政部长.
      // The head is the object.
      const size_t de = text.find("的", target->end);
      constexpr int kRelativeHan = 10;
      constexpr uint32_t kHeadReach = 6;  // bytes after 的: two characters
      if (de != std::string_view::npos && de < clause_end) {
        const std::string_view inside =
            text.substr(target->end, de - target->end);
        int words = 0;
        int han = 0;
        CountUnits(inside, &words, &han);
        // At least a verb between the actor and 的: 美国的印太战略 is a
        // possessive, not a relative clause.
        constexpr int kMinVerbHan = 2;
        if (inside.find(',') == std::string_view::npos && han <= kRelativeHan &&
            han >= kMinVerbHan && words == 0) {
          for (const Mention& m : a.mentions) {
            if (m.begin < de + 3 || m.begin > de + 3 + kHeadReach) continue;
            if (m.end > clause_end) break;
            if (source != nullptr && (m.group == source->group ||
                                      m.country == source->country)) {
              break;
            }
            target = &m;
            why += "head of a relative clause (的); ";
            break;
          }
        }
      }
    }
    // 普京…宣布将乌克兰四个地区并入俄罗斯: an object of the source's own
    // country is a destination; the 将/对 phrase names the target.
    if (target != nullptr && source != nullptr && zh_prep_target != nullptr &&
        target->country == source->country &&
        zh_prep_target->country != source->country) {
      target = zh_prep_target;
      why += "target marked by preposition (object is the source's own); ";
    }
    // The object must be near the verb: few words other than actor names
    // between the trigger and it.
    if (target != nullptr && target->begin >= t.end && !t.source_slot_after) {
      int words = 0;
      int han = 0;
      const uint32_t from =
          target->begin >= object_start ? object_start : t.end;
      CountUnits(GapWithoutMentions(a, from, target->begin), &words, &han);
      if (words > options_.max_object_words || han > options_.max_object_han) {
        why += "object too far from the verb; ";
        target = nullptr;
      } else if (ev.symmetric && source != nullptr) {
        // "X and Y met on the sidelines of the G20": a compound subject of
        // a symmetric verb is the pair, not a far-away object.
        int members = 0;
        for (const Mention& m : a.mentions) members += m.group == source->group;
        if (members >= 2) {
          why += "compound subject of a symmetric verb; ";
          target = nullptr;
        }
      }
    }
    // "Hamas freed hostages and Israel released prisoners": an actor after
    // "and" right before the next trigger is that trigger's subject.
    if (target != nullptr && target->begin >= t.end &&
        ti + 1 < triggers.size()) {
      const TriggerMatch& next = triggers[ti + 1];
      const std::string_view before = text.substr(t.end, target->begin - t.end);
      int words = 0;
      int han = 0;
      if (next.begin >= target->end) {
        CountUnits(text.substr(target->end, next.begin - target->end), &words,
                   &han);
      }
      constexpr int kAuxWords = 2;
      if (next.begin >= target->end && words <= kAuxWords && han == 0 &&
          (before.find(" and ") != std::string_view::npos ||
           before.starts_with("and "))) {
        why += "actor after 'and' is the next verb's subject; ";
        target = nullptr;
      }
    }
    if (target != nullptr && target != &context_target)
      objects.push_back(target);
    if (t.target_slot_before && !passive) {
      std::swap(source, target);
    }

    // A symmetric verb runs both ways only when its actors are coordinated
    // ("X and Y met", 中俄) or joined by with / between / 与 / 同 / 和 / 跟
    // ("X held talks with Y", X与Y通话); transitive phrasing ("X met Y",
    // "China bought Russian oil", X会见Y) is one-way.
    // A reciprocal act (meeting, phone call) is mutual whatever the phrasing.
    bool joined = ev.reciprocal;
    if (ev.symmetric && !joined && source != nullptr && target != nullptr) {
      if (source->group == target->group) {
        joined = true;
        // 与 / 同 / 跟 between the two is "with" as much as "and": for a
        // `coordinated` act (洪都拉斯与中国建交) it is the first actor's.
        if (ev.coordinated_only) {
          const bool forward = source->begin < target->begin;
          const Mention* first = forward ? source : target;
          const Mention* second = forward ? target : source;
          const std::string_view gap =
              TrimSpaces(text.substr(first->end, second->begin - first->end));
          if (gap == "与" || gap == "同" || gap == "跟") joined = false;
        }
      } else if (!ev.coordinated_only) {
        const Mention* first = source->begin < target->begin ? source : target;
        const Mention* second = first == source ? target : source;
        // Between the two groups: "X and Y" inside a group is no link.
        uint32_t from = first->end;
        uint32_t to = second->begin;
        for (const Mention& m : a.mentions) {
          if (m.group == first->group) from = std::max(from, m.end);
          if (m.group == second->group) to = std::min(to, m.begin);
        }
        if (from < to) {
          const std::string_view gap = text.substr(from, to - from);
          for (std::string_view w :
               {std::string_view(" with "), std::string_view(" between "),
                std::string_view(" and "), std::string_view("与"),
                std::string_view("和"), std::string_view("跟"),
                std::string_view("同")}) {
            size_t q = gap.find(w);
            // 同意 (agree), 共同 (jointly), 同时 (meanwhile) are not "with".
            while (q != std::string_view::npos && w == "同" &&
                   (gap.substr(q + w.size(), 3) == "意" ||
                    gap.substr(q + w.size(), 3) == "时" ||
                    (q >= 3 && gap.substr(q - 3, 3) == "共"))) {
              q = gap.find(w, q + w.size());
            }
            if (q != std::string_view::npos) joined = true;
          }
          const std::string_view lead = TrimSpaces(gap);
          if (lead.starts_with("with ") || lead.starts_with("between ")) {
            joined = true;
          }
        }
      }
    }
    // "agreed to cut tariffs on each other's goods", 彼此: both ways.
    bool both_ways = joined || text.substr(t.begin, 3) == "互" ||
                     text.substr(t.begin, 6) == "mutual";
    for (const auto& [end, word] : a.words) {
      if (word == Word::kReciprocal && end > region_start &&
          end <= clause_end) {
        both_ways = true;
      }
    }
    // Modality.
    model::Modality modality = model::Modality::kAsserted;
    {
      const TriggerMatch* nearest = nullptr;
      bool negated = false;
      bool hypothetical = false;
      bool advocated = false;
      // Cues count up to the verb, which for 与…会面 is the last piece.
      const uint32_t verb_begin = t.pieces.back().first;
      for (const TriggerMatch& c : cues) {
        if (c.end > verb_begin) continue;
        const CueKind k = cue_kind(c);
        if (k == CueKind::kReport) continue;
        const uint32_t scope =
            k == CueKind::kHypothetical ? clause_start : region_start;
        if (c.begin < scope) continue;
        if (k == CueKind::kNegated) {
          // Only close to the verb: few words other than actors between.
          uint32_t next_piece = verb_begin;
          for (const auto& piece : t.pieces) {
            if (piece.first >= c.end) {
              next_piece = piece.first;
              break;
            }
          }
          const std::string gap = GapWithoutMentions(a, c.end, next_piece);
          int words = 0;
          int han = 0;
          CountUnits(gap, &words, &han);
          constexpr int kNegationWords = 3;
          constexpr int kNegationHan = 6;
          if (words <= kNegationWords && han <= kNegationHan) negated = true;
          continue;
        }
        hypothetical |= k == CueKind::kHypothetical;
        advocated |= k == CueKind::kAdvocated;
        if (nearest == nullptr || c.end >= nearest->end) nearest = &c;
      }
      if (hypothetical) {
        // A conditional governs the whole clause ("If X sanctions Y, Y
        // will retaliate": both hypothetical).
        modality = model::Modality::kHypothetical;
      } else if (nearest != nullptr) {
        switch (cue_kind(*nearest)) {
          case CueKind::kHypothetical:
            modality = model::Modality::kHypothetical;
            break;
          case CueKind::kAdvocated:
            modality = model::Modality::kAdvocated;
            break;
          case CueKind::kFuture:
            modality = model::Modality::kFuture;
            break;
          case CueKind::kHistorical:
            modality = model::Modality::kHistorical;
            break;
          default:
            break;
        }
      }
      if (negated && modality != model::Modality::kHypothetical &&
          modality != model::Modality::kAdvocated) {
        modality = hypothetical ? model::Modality::kHypothetical
                   : advocated  ? model::Modality::kAdvocated
                                : model::Modality::kNegated;
      }
    }

    // "美国应该继续向乌克兰提供支持，并维持制裁": a coordinated clause without
    // its own subject shares the first clause's modal.
    if (modality == model::Modality::kAsserted &&
        why.find("subject from previous clause") != std::string::npos) {
      for (auto it = clause_modality.rbegin(); it != clause_modality.rend();
           ++it) {
        if (it->first < clause_start) {
          if (it->second != model::Modality::kHistorical) modality = it->second;
          break;
        }
      }
    }
    clause_modality.emplace_back(clause_start, modality);
    // Date: the first expression in the trigger's clause (before the
    // trigger if there is one), else the first in the sentence.  Future
    // events resolve relative expressions forwards.
    std::optional<CivilDate> event_date;
    {
      if (modality == model::Modality::kFuture && !have_forward_dates) {
        internal::FindDates(text, doc, &forward_dates, /*forward=*/true);
        have_forward_dates = true;
      }
      const std::vector<internal::DateMention>& ds =
          modality == model::Modality::kFuture ? forward_dates : dates;
      const internal::DateMention* best = nullptr;
      for (const auto& d : ds) {
        if (!d.date || d.begin < clause_start || d.end > clause_end) continue;
        if (best == nullptr || (d.begin < t.begin && best->begin > t.begin)) {
          best = &d;
        }
      }
      if (best == nullptr) {
        for (const auto& d : ds) {
          if (d.date) {
            best = &d;
            break;
          }
        }
      }
      if (best != nullptr) event_date = best->date;
      if (!event_date && context_date) event_date = context_date;
    }
    if (event_date && doc && modality == model::Modality::kAsserted &&
        internal::LastDay(*event_date) <
            internal::DaysFromCivil(doc->year, doc->month, doc->day) -
                options_.historical_days) {
      modality = model::Modality::kHistorical;
      why += "dated over a year before the document; ";
    }
    tc.modality = modality;

    if (source == nullptr || target == nullptr) {
      tc.source = source ? source->code : "";
      tc.target = target ? target->code : "";
      tc.reason = why + (source == nullptr ? "no source" : "no target");
      if (source != nullptr && target == nullptr &&
          (both_ways || ev.symmetric)) {
        // "X and Y held talks": the compound source runs both ways.
        std::vector<const Mention*> members;
        for (const Mention& m : a.mentions) {
          if (m.group == source->group) members.push_back(&m);
        }
        if (members.size() >= 2) {
          tc.reason = why + "symmetric compound source";
          source = members[0];
          target = members[1];
          both_ways = true;
          // A `coordinated` act of "X 与 Y" is X's (洪都拉斯与中国建交).
          const std::string_view gap = TrimSpaces(
              text.substr(source->end, target->begin - source->end));
          if (ev.coordinated_only &&
              (gap == "与" || gap == "同" || gap == "跟")) {
            both_ways = false;
          }
        }
      }
      if (source == nullptr || target == nullptr) {
        if (input.want_trace) result.trace.candidates.push_back(std::move(tc));
        continue;
      }
    }
    if (modality != model::Modality::kAsserted && !options_.emit_non_asserted) {
      tc.reason =
          why + "modality " + std::string(model::ModalityName(modality));
      if (input.want_trace) result.trace.candidates.push_back(std::move(tc));
      continue;
    }

    // Expand groups; symmetric events run both ways.
    std::vector<const Mention*> sources;
    std::vector<const Mention*> targets;
    for (const Mention& m : a.mentions) {
      if (m.group == source->group) sources.push_back(&m);
      if (m.group == target->group) targets.push_back(&m);
    }
    if (source->group == target->group || target == &context_target) {
      sources = {source};
      targets = {target};
    }
    std::vector<std::pair<const Mention*, const Mention*>> pairs;
    for (const Mention* s : sources) {
      for (const Mention* d : targets) {
        if (s == d) continue;
        pairs.emplace_back(s, d);
        if (both_ways) pairs.emplace_back(d, s);
      }
      for (size_t k = 1; k < back_targets.size(); ++k) {
        pairs.emplace_back(s, back_targets[k]);
      }
    }
    int emitted = 0;
    std::string dropped;
    for (const auto& [s, d] : pairs) {
      if (!options_.keep_self_events && !ev.self && s->country == d->country) {
        dropped += "self-event " + s->code + "->" + d->code + "; ";
        continue;
      }
      // A government does not demonstrate: its "protest" (抗议 after 召见…
      // 大使) is an official complaint (114); 14x dissent is for
      // non-state actors.
      std::string code = ev.code;
      if (code.starts_with("14") && s->code.size() >= 6 &&
          s->code.compare(3, 3, "GOV") == 0) {
        code = "114";
      }
      auto key = std::make_tuple(
          s->country, d->country,
          options_.dedup_by_root ? model::RootCode(code) : code);
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
        dropped += "duplicate " + s->country + "->" + d->code + "; ";
        continue;
      }
      seen.push_back(key);
      model::Event e;
      e.source = s->code;
      e.target = d->code;
      e.source_country = s->country;
      e.target_country = d->country;
      e.code = code;
      e.root = model::RootCode(code);
      e.quad_class = model::QuadClassGdelt(e.root);
      e.goldstein = GoldsteinScale(code).value_or(0.0);
      e.modality = modality;
      if (event_date) {
        e.date = internal::FormatDate(*event_date);
        e.date_basis = model::DateBasis::kText;
      } else if (doc) {
        e.date = internal::FormatDate(*doc);
        e.date_basis = model::DateBasis::kDocument;
      }
      e.sentence_offset = input.sentence_offset;
      e.trigger = {a.OriginalSpan(t.begin, t.end),
                   a.OriginalText(t.begin, t.end)};
      e.source_evidence = {a.OriginalSpan(s->begin, s->end),
                           a.OriginalText(s->begin, s->end)};
      e.target_evidence = {a.OriginalSpan(d->begin, d->end),
                           a.OriginalText(d->begin, d->end)};
      result.events.push_back(std::move(e));
      ++emitted;
      emitted_actors.emplace_back(t.end, s);
      if (d != &context_target) emitted_actors.emplace_back(t.end, d);
    }
    tc.source = source->code;
    tc.target = target->code;
    tc.emitted = emitted > 0;
    tc.reason = why +
                (emitted > 0 ? "emitted " + std::to_string(emitted) : "") +
                (dropped.empty() ? "" : " dropped: " + dropped);
    if (input.want_trace) result.trace.candidates.push_back(std::move(tc));
  }
  if (carried != nullptr) {
    std::swap(carried->previous, carried->pending);
    carried->text.assign(input.text);
    carried->previous.original = carried->text;
    carried->role_date = role_date;
    carried->valid = true;
  }
  return result;
}

}  // namespace

SentenceContext::SentenceContext() = default;
SentenceContext::~SentenceContext() = default;

Result<std::unique_ptr<Coder>> Coder::Create(const DictionarySet& dictionaries,
                                             const CoderOptions& options) {
  auto coder = std::make_unique<CoderImpl>(dictionaries, options);
  TRIGON_RETURN_IF_ERROR(coder->Init());
  return std::unique_ptr<Coder>(std::move(coder));
}

}  // namespace trigon::coding
