// PatternCoder: TABARI's way of coding a sentence (see pattern_coder.h for
// the stages).  This file follows the TABARI manual's rules; where the
// manual is silent or the validation suite disagrees with it, the choice is
// noted beside the code.
//
// Representation.  A sentence becomes a vector of words (Tok); every
// dictionary word that starts a word of the sentence is found by one pass
// of the compiled matcher over the upper-cased words joined by blanks.  Each
// word then gets one class (actor, agent, verb, noun, ...) by the longest
// dictionary phrase starting on it.  Actors (with their agents) become
// Units, and runs of units joined by AND / commas become Groups: the
// compound actors that $ + % ^ designate and the default searches return.

#include "dictformat/pattern_coder.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "match/pattern_set.h"

namespace trigon::dictformat {
namespace {

using coding::PhraseToken;
using Type = PhraseToken::Type;
using Mode = PhraseToken::Match;

// Where a word stands decides which regular endings `WORD_` accepts.
enum class Context { kNoun, kVerb, kPattern };

// A phrase token compiled against the word table.
struct CTok {
  Type type = Type::kWord;
  int word = -1;  // index into words_
  Mode match = Mode::kStem;
  bool joined = false;
  bool last = false;  // the last word of a dictionary entry's phrase
  std::vector<std::vector<CTok>> alts;
};
using CPhrase = std::vector<CTok>;

struct CompiledPattern {
  CPhrase lower;  // before `*`
  CPhrase upper;  // after `*`
  bool star_joined = false;
  std::string code;
  std::string text;
  std::string where;
  int length = 0;  // letters and digits of the fixed words (longest first)
  size_t order = 0;
};

struct CompiledVerb {
  std::string code;
  std::string where;
  std::vector<CompiledPattern> patterns;  // longest first
};

enum class EntryKind { kActor, kAgent, kVerb, kNoun, kAdjective, kDiscard };

struct Entry {
  EntryKind kind;
  size_t owner;  // index into actors_/agents_/verbs_/discards
  CPhrase phrase;
  size_t order;  // dictionary order, for ties
  std::string code;  // a Trigon metonym's own code ("Beijing" -> CHNGOV)
};

// Word classes of a sentence.
enum class Cls {
  kOther,
  kActor,
  kAgent,
  kVerb,
  kNoun,
  kAdjective,
  kConjunction,
  kDeterminer,
  kPronoun,
  kComma,
  kPart,  // a later word of a phrase that starts earlier
};

struct Tok {
  std::string text;      // upper case
  bool capital = false;  // written with an initial capital
  bool comma = false;
  bool after_cut = false;  // a comma clause was dropped right before it
  std::vector<int> words;  // dictionary words starting here
};

struct Unit {
  std::vector<std::string> codes;  // a coded compound has several
  size_t first = 0;                // token span, agents included
  size_t last = 0;
  size_t head = 0;  // the actor's own first token
};

struct Group {
  std::vector<size_t> units;
  size_t first = 0;
  size_t last = 0;
  std::vector<std::string> Codes(const std::vector<Unit>& all) const {
    std::vector<std::string> out;
    for (size_t u : units) {
      for (const std::string& c : all[u].codes) {
        if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
      }
    }
    return out;
  }
};

// Designations found while matching a pattern.
struct Captures {
  int source = -1;  // group indices
  int target = -1;
  int compound = -1;
  std::vector<int> skipped;  // by ^
  int length = 0;  // letters of the words matched
};

bool IsWordByte(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '\'' || c == '.' || c == '&' || static_cast<unsigned char>(c) >= 0x80;
}

int Letters(const std::string& s) {
  int n = 0;
  for (char c : s) n += (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? 1 : 0;
  return n;
}

const std::set<std::string, std::less<>>& Conjunctions() {
  static const std::set<std::string, std::less<>> s{"AND", "BUT", "OR", "NOR"};
  return s;
}
const std::set<std::string, std::less<>>& Determiners() {
  static const std::set<std::string, std::less<>> s{"THE", "A", "AN"};
  return s;
}
const std::set<std::string, std::less<>>& Pronouns() {
  static const std::set<std::string, std::less<>> s{"HE",  "SHE", "IT",  "THEY",
                                                    "HIM", "HER", "THEM", "THEIR"};
  return s;
}
const std::set<std::string, std::less<>>& BeForms() {
  static const std::set<std::string, std::less<>> s{"IS", "WAS", "WERE", "BEEN",
                                                    "BE", "ARE", "BEING"};
  return s;
}

std::vector<std::string> SplitCodes(const std::string& code) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t slash = code.find('/', start);
    out.push_back(code.substr(start, slash - start));
    if (slash == std::string::npos) return out;
    start = slash + 1;
  }
}

// "031!" -> "031" (dominant), "023?" -> "023" (subordinate).
std::string CleanCode(std::string code, bool* dominant, bool* subordinate) {
  *dominant = *subordinate = false;
  while (!code.empty() && (code.back() == '!' || code.back() == '?')) {
    (code.back() == '!' ? *dominant : *subordinate) = true;
    code.pop_back();
  }
  return code;
}

// Joins an agent code to an actor code, unless it is already there on a
// three-letter boundary (TAMIL TIGER guerrillas stay LKAREB).
std::string WithAgent(const std::string& actor, const std::string& agent, bool agent_first) {
  for (size_t pos = 0; pos < actor.size(); pos += 3) {
    if (actor.compare(pos, agent.size(), agent) == 0) return actor;
  }
  return agent_first ? agent + actor : actor + agent;
}

class PatternCoderImpl;

// Everything known about one sentence.
struct Sentence {
  std::vector<Tok> toks;
  std::vector<Cls> cls;
  std::vector<int> entry;  // the entry that classified each token, or -1
  std::vector<Unit> units;
  std::vector<int> unit_of;  // token -> unit, or -1
  std::vector<Group> groups;
  std::vector<int> group_of;  // token -> group, or -1
  std::vector<std::pair<size_t, size_t>> verbs;  // [first, last] of verb phrases
  std::vector<int> verb_entry;
  bool discard = false;
  bool whole_story = false;
  bool complex = false;
  std::string previous_actor;  // for pronouns (FORWARD)
  std::vector<std::string>* trace = nullptr;
  void Note(const std::string& s) {
    if (trace != nullptr) trace->push_back(s);
  }
};

class PatternCoderImpl final : public PatternCoder {
 public:
  Status Compile(const coding::DictionarySet& d);
  PatternResult Code(const PatternInput& input,
                     const PatternCoderOptions& options) const override;

 private:
  int WordId(const std::string& w);
  Status CompilePhrase(const coding::Phrase& p, const std::string& where, CPhrase* out);
  static int PhraseLength(const CPhrase& p, const std::vector<std::string>& words);

  std::vector<Tok> Tokenize(std::string_view text) const;
  void FindWords(std::vector<Tok>* toks) const;
  bool WordMatches(const Tok& tok, const CTok& w, Context ctx) const;
  bool MatchEntry(const Sentence& s, const Entry& e, size_t t, std::vector<size_t>* pos) const;
  void Classify(Sentence* s, bool all_caps) const;
  void BuildUnits(Sentence* s, std::string_view date, const PatternCoderOptions& opt) const;
  void BuildGroups(Sentence* s) const;
  std::vector<bool> CommaDeletions(const Sentence& s, const PatternCoderOptions& opt) const;
  void Analyze(std::vector<Tok> toks, std::string_view date, const PatternCoderOptions& opt,
               bool all_caps, Sentence* s) const;

  bool MatchSeq(const Sentence& s, const CPhrase& seq, size_t k, size_t pos, size_t limit,
                bool first_anchored, bool backward, Captures cap,
                const std::function<bool(size_t, const Captures&)>& cont) const;
  std::string ResolveActor(size_t actor, std::string_view date) const;

  std::vector<std::string> words_;
  std::unordered_map<std::string, int> word_ids_;
  std::vector<Entry> entries_;
  std::vector<std::vector<size_t>> by_first_word_;  // word -> entries
  std::vector<coding::ActorEntry> actors_;
  std::vector<coding::AgentEntry> agents_;
  std::vector<CompiledVerb> verbs_;
  std::vector<bool> discard_story_;
  std::unique_ptr<match::CompiledMatcher> matcher_;
};

int PatternCoderImpl::WordId(const std::string& w) {
  auto [it, inserted] = word_ids_.emplace(w, static_cast<int>(words_.size()));
  if (inserted) words_.push_back(w);
  return it->second;
}

Status PatternCoderImpl::CompilePhrase(const coding::Phrase& p, const std::string& where,
                                       CPhrase* out) {
  out->clear();
  for (const PhraseToken& t : p) {
    CTok c;
    c.type = t.type;
    c.match = t.match;
    c.joined = t.joined;
    if (t.type == Type::kWord) {
      if (t.text.empty()) return Status::InvalidArgument(where + ": empty word in phrase");
      c.word = WordId(t.text);
    } else if (t.type == Type::kAlternatives) {
      for (const coding::Phrase& alt : t.alternatives) {
        CPhrase calt;
        TRIGON_RETURN_IF_ERROR(CompilePhrase(alt, where, &calt));
        if (!calt.empty()) calt.front().joined = false;
        c.alts.push_back(std::move(calt));
      }
    }
    out->push_back(std::move(c));
  }
  return Status::OK();
}

int PatternCoderImpl::PhraseLength(const CPhrase& p, const std::vector<std::string>& words) {
  int n = 0;
  for (const CTok& t : p) {
    if (t.type == Type::kWord) n += Letters(words[t.word]);
    if (t.type == Type::kAlternatives) {
      int best = 0;
      for (const CPhrase& a : t.alts) best = std::max(best, PhraseLength(a, words));
      n += best;
    }
  }
  return n;
}

// Trigon-format forms carry no Phrase: read their text as whole words.
coding::Phrase PlainPhrase(const std::string& text) {
  coding::Phrase out;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    PhraseToken t;
    t.text = word;
    t.match = Mode::kEndings;
    t.joined = !out.empty();
    out.push_back(std::move(t));
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '-' || c == '_') {
      flush();
    } else {
      word.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
  }
  flush();
  return out;
}

Status PatternCoderImpl::Compile(const coding::DictionarySet& d) {
  actors_ = d.actors;
  agents_ = d.agents;
  auto add = [&](EntryKind kind, size_t owner, const coding::Phrase& p,
                 const std::string& where) -> Status {
    Entry e{kind, owner, {}, entries_.size(), ""};
    TRIGON_RETURN_IF_ERROR(CompilePhrase(p, where, &e.phrase));
    if (e.phrase.empty() || e.phrase.front().type != Type::kWord) {
      return Status::InvalidArgument(where + ": a dictionary phrase must start with a word");
    }
    for (auto it = e.phrase.rbegin(); it != e.phrase.rend(); ++it) {
      if (it->type == Type::kWord) {
        it->last = true;
        break;
      }
    }
    entries_.push_back(std::move(e));
    return Status::OK();
  };
  for (size_t i = 0; i < actors_.size(); ++i) {
    for (const coding::ActorForm& f : actors_[i].forms) {
      if (f.lang != "en" && !f.lang.empty() && f.phrase.empty()) continue;
      const coding::Phrase p = f.phrase.empty() ? PlainPhrase(f.text) : f.phrase;
      if (p.empty()) continue;
      TRIGON_RETURN_IF_ERROR(add(EntryKind::kActor, i, p, f.where.ToString()));
      if (f.kind == coding::FormKind::kMetonym) {
        entries_.back().code = f.code.empty() ? actors_[i].code + "GOV" : f.code;
      }
    }
  }
  for (size_t i = 0; i < agents_.size(); ++i) {
    for (const coding::ActorForm& f : agents_[i].forms) {
      if (f.lang != "en" && !f.lang.empty() && f.phrase.empty()) continue;
      const coding::Phrase p = f.phrase.empty() ? PlainPhrase(f.text) : f.phrase;
      if (p.empty()) continue;
      TRIGON_RETURN_IF_ERROR(add(EntryKind::kAgent, i, p, f.where.ToString()));
    }
  }
  for (size_t i = 0; i < d.verbs.size(); ++i) {
    const coding::VerbEntry& v = d.verbs[i];
    CompiledVerb cv;
    cv.code = v.code;
    cv.where = v.where.ToString();
    for (size_t j = 0; j < v.patterns.size(); ++j) {
      const coding::VerbPattern& p = v.patterns[j];
      CPhrase all;
      TRIGON_RETURN_IF_ERROR(CompilePhrase(p.tokens, p.where.ToString(), &all));
      CompiledPattern cp;
      bool upper = false;
      for (CTok& t : all) {
        if (t.type == Type::kVerb) {
          cp.star_joined = t.joined;
          upper = true;
          continue;
        }
        (upper ? cp.upper : cp.lower).push_back(std::move(t));
      }
      if (!cp.lower.empty()) cp.lower.front().joined = false;
      cp.code = p.code;
      cp.text = p.text;
      cp.where = p.where.ToString();
      cp.length = PhraseLength(cp.lower, words_) + PhraseLength(cp.upper, words_);
      cp.order = j;
      cv.patterns.push_back(std::move(cp));
    }
    std::stable_sort(cv.patterns.begin(), cv.patterns.end(),
                     [](const CompiledPattern& a, const CompiledPattern& b) {
                       return a.length > b.length;
                     });
    verbs_.push_back(std::move(cv));
    for (const coding::Phrase& form : v.forms) {
      TRIGON_RETURN_IF_ERROR(add(EntryKind::kVerb, i, form, v.where.ToString()));
    }
  }
  for (const coding::Phrase& p : d.nouns) {
    TRIGON_RETURN_IF_ERROR(add(EntryKind::kNoun, 0, p, "noun"));
  }
  for (const coding::Phrase& p : d.adjectives) {
    TRIGON_RETURN_IF_ERROR(add(EntryKind::kAdjective, 0, p, "adjective"));
  }
  for (size_t i = 0; i < d.discards.size(); ++i) {
    discard_story_.push_back(d.discards[i].whole_story);
    TRIGON_RETURN_IF_ERROR(
        add(EntryKind::kDiscard, i, d.discards[i].phrase, d.discards[i].where.ToString()));
  }
  by_first_word_.assign(words_.size(), {});
  for (size_t i = 0; i < entries_.size(); ++i) {
    by_first_word_[entries_[i].phrase.front().word].push_back(i);
  }
  // Every word, as a prefix literal: the remainder of the text's word is
  // checked against the token's match mode afterwards.
  match::PatternSet set;
  for (size_t i = 0; i < words_.size(); ++i) {
    TRIGON_RETURN_IF_ERROR(set.Add(static_cast<uint32_t>(i), words_[i], {.prefix = true}));
  }
  TRIGON_ASSIGN_OR_RETURN(matcher_, set.Compile());
  return Status::OK();
}

std::vector<Tok> PatternCoderImpl::Tokenize(std::string_view text) const {
  std::vector<Tok> toks;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ',') {
      // "50,000" stays one word.
      const bool in_number = i > 0 && i + 1 < text.size() && text[i - 1] >= '0' &&
                             text[i - 1] <= '9' && text[i + 1] >= '0' && text[i + 1] <= '9';
      if (!in_number) {
        Tok t;
        t.text = ",";
        t.comma = true;
        toks.push_back(std::move(t));
        ++i;
        continue;
      }
    }
    if (!IsWordByte(c) && c != ',') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && (IsWordByte(text[j]) || (text[j] == ',' && j > i &&
                                                       j + 1 < text.size() &&
                                                       text[j - 1] >= '0' && text[j - 1] <= '9' &&
                                                       text[j + 1] >= '0' && text[j + 1] <= '9'))) {
      ++j;
    }
    std::string word(text.substr(i, j - i));
    i = j;
    // A final period ends the sentence unless the word is an abbreviation
    // ("U.S.", "A.").
    while (!word.empty() && word.back() == '.') {
      const size_t inner = word.find('.');
      if (inner + 1 < word.size() || word.size() == 2) break;
      word.pop_back();
    }
    while (!word.empty() && (word.front() == '\'' || word.front() == '.')) word.erase(0, 1);
    if (word.empty()) continue;
    Tok t;
    t.capital = word[0] >= 'A' && word[0] <= 'Z';
    for (char& ch : word) {
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    }
    t.text = std::move(word);
    toks.push_back(std::move(t));
  }
  return toks;
}

void PatternCoderImpl::FindWords(std::vector<Tok>* toks) const {
  std::string joined;
  std::vector<std::pair<uint32_t, size_t>> starts;  // byte -> token
  for (size_t t = 0; t < toks->size(); ++t) {
    if (!joined.empty()) joined.push_back(' ');
    starts.emplace_back(static_cast<uint32_t>(joined.size()), t);
    joined.append((*toks)[t].text);
  }
  std::vector<match::Hit> hits;
  matcher_->FindAll(joined, &hits);
  size_t s = 0;
  for (const match::Hit& h : hits) {
    while (s < starts.size() && starts[s].first < h.begin) ++s;
    if (s == starts.size()) break;
    if (starts[s].first != h.begin) continue;  // inside a word
    (*toks)[starts[s].second].words.push_back(static_cast<int>(h.pattern_id));
  }
}

bool PatternCoderImpl::WordMatches(const Tok& tok, const CTok& w, Context ctx) const {
  if (std::find(tok.words.begin(), tok.words.end(), w.word) == tok.words.end()) return false;
  const std::string& word = words_[w.word];
  if (tok.text.size() < word.size()) return false;
  const std::string_view rest = std::string_view(tok.text).substr(word.size());
  if (w.match == Mode::kStem) return true;
  if (rest.empty()) return true;
  // `WORD_` takes regular endings only as the last word of an entry phrase
  // (actors, agents, nouns; verbs); pattern words and inner words are whole.
  if (w.match == Mode::kExact || !w.last || ctx == Context::kPattern) return false;
  if (ctx == Context::kNoun) {
    return rest == "S" || rest == "'S" || rest == "'" || rest == "ES" || rest == "S'";
  }
  return rest == "S" || rest == "ED" || rest == "ES" || rest == "EN" || rest == "ING" ||
         (rest == "D" && word.back() == 'E');
}

// An entry's phrase at token `t`: words in order, `_`-joined ones adjacent,
// others within a few words (TABARI lets "AL GORE" match 'Al "The Weasel"
// Gore'); never across a comma.
bool PatternCoderImpl::MatchEntry(const Sentence& s, const Entry& e, size_t t,
                                  std::vector<size_t>* pos) const {
  constexpr size_t kMaxGap = 3;
  const Context ctx = e.kind == EntryKind::kVerb ? Context::kVerb : Context::kNoun;
  pos->clear();
  size_t next = t;
  for (size_t k = 0; k < e.phrase.size(); ++k) {
    const CTok& w = e.phrase[k];
    if (w.type != Type::kWord) return false;  // alternatives only in patterns
    const size_t limit = (k == 0 || w.joined) ? next + 1 : next + 1 + kMaxGap;
    bool found = false;
    for (size_t i = next; i < limit && i < s.toks.size(); ++i) {
      if (s.toks[i].comma) break;
      if (WordMatches(s.toks[i], w, ctx)) {
        pos->push_back(i);
        next = i + 1;
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

void PatternCoderImpl::Classify(Sentence* s, bool all_caps) const {
  const size_t n = s->toks.size();
  s->cls.assign(n, Cls::kOther);
  s->entry.assign(n, -1);
  auto priority = [](EntryKind k) {
    switch (k) {
      case EntryKind::kDiscard: return 6;
      case EntryKind::kActor: return 5;
      case EntryKind::kAgent: return 4;
      case EntryKind::kVerb: return 3;
      case EntryKind::kNoun: return 2;
      case EntryKind::kAdjective: return 1;
    }
    return 0;
  };
  std::vector<size_t> pos;
  for (size_t t = 0; t < n; ++t) {
    if (s->cls[t] == Cls::kPart) continue;
    const Tok& tok = s->toks[t];
    if (tok.comma) {
      s->cls[t] = Cls::kComma;
      continue;
    }
    // Longest phrase (most words, then fewest gaps), then class priority,
    // then dictionary order.
    int best = -1;
    std::vector<size_t> best_pos;
    std::tuple<size_t, long, int> best_key{0, 0, 0};
    for (int w : tok.words) {
      for (size_t ei : by_first_word_[w]) {
        const Entry& e = entries_[ei];
        if (!MatchEntry(*s, e, t, &pos)) continue;
        bool free = true;
        for (size_t p : pos) free = free && s->cls[p] == Cls::kOther;
        if (!free) continue;
        if (e.kind == EntryKind::kVerb) {
          // A capitalised word inside a sentence is a name, not a verb, and
          // so is a word right after a determiner ("the restore").
          if (t > 0 && tok.capital && !all_caps) continue;
          if (t > 0 && Determiners().count(s->toks[t - 1].text) > 0) continue;
        }
        const long span = static_cast<long>(pos.back() - pos.front());
        std::tuple<size_t, long, int> key{pos.size(), -span, priority(e.kind)};
        if (best < 0 || key > best_key ||
            (key == best_key && ei < static_cast<size_t>(best))) {
          best = static_cast<int>(ei);
          best_key = key;
          best_pos = pos;
        }
      }
    }
    if (best < 0) {
      if (Conjunctions().count(tok.text) > 0) {
        s->cls[t] = Cls::kConjunction;
      } else if (Determiners().count(tok.text) > 0) {
        s->cls[t] = Cls::kDeterminer;
      } else if (Pronouns().count(tok.text) > 0) {
        s->cls[t] = Cls::kPronoun;
      }
      continue;
    }
    const Entry& e = entries_[best];
    Cls c = Cls::kOther;
    switch (e.kind) {
      case EntryKind::kActor: c = Cls::kActor; break;
      case EntryKind::kAgent: c = Cls::kAgent; break;
      case EntryKind::kVerb: c = Cls::kVerb; break;
      case EntryKind::kNoun: c = Cls::kNoun; break;
      case EntryKind::kAdjective: c = Cls::kAdjective; break;
      case EntryKind::kDiscard:
        s->discard = true;
        s->whole_story = s->whole_story || discard_story_[e.owner];
        s->Note("discard phrase at word " + std::to_string(t));
        c = Cls::kNoun;
        break;
    }
    s->cls[t] = c;
    s->entry[t] = best;
    for (size_t i = 1; i < best_pos.size(); ++i) s->cls[best_pos[i]] = Cls::kPart;
    if (c == Cls::kVerb) {
      s->verbs.emplace_back(t, best_pos.back());
      s->verb_entry.push_back(static_cast<int>(e.owner));
      const std::string& code = verbs_[e.owner].code;
      // Discard and complex codes on a root apply wherever it stands.
      if (code == "###") s->discard = true;
      if (code == "+++") s->complex = true;
    }
  }
}

std::string PatternCoderImpl::ResolveActor(size_t actor, std::string_view date) const {
  const coding::ActorEntry& a = actors_[actor];
  if (a.kind != coding::ActorKind::kPerson) return a.code;
  if (!date.empty()) {
    for (const coding::DatedCode& r : a.roles) {
      if ((r.from.empty() || r.from <= date) && (r.to.empty() || date < r.to)) return r.code;
    }
  }
  if (!a.default_code.empty()) return a.default_code;
  return a.roles.empty() ? "" : a.roles.back().code;
}

void PatternCoderImpl::BuildUnits(Sentence* s, std::string_view date,
                                  const PatternCoderOptions& opt) const {
  const size_t n = s->toks.size();
  s->unit_of.assign(n, -1);
  auto phrase_end = [&](size_t t) {
    size_t e = t;
    while (e + 1 < n && s->cls[e + 1] == Cls::kPart) ++e;
    return e;
  };
  for (size_t t = 0; t < n; ++t) {
    if (s->cls[t] != Cls::kActor) continue;
    const Entry& e = entries_[s->entry[t]];
    const std::string code = e.code.empty() ? ResolveActor(e.owner, date) : e.code;
    if (code == "---" || code.empty()) {  // a null-coded actor is a noun
      s->cls[t] = Cls::kNoun;
      continue;
    }
    if (code == "###") s->discard = true;
    if (code == "+++") s->complex = true;
    Unit u;
    u.codes = SplitCodes(code);
    u.first = t;
    u.head = t;
    u.last = phrase_end(t);
    for (size_t i = u.first; i <= u.last; ++i) s->unit_of[i] = static_cast<int>(s->units.size());
    s->units.push_back(std::move(u));
  }
  // Agents: onto the actor right before, else right after, else after
  // OF / IN (and an optional THE).
  for (size_t t = 0; t < n; ++t) {
    if (s->cls[t] != Cls::kAgent) continue;
    const coding::AgentEntry& agent = agents_[entries_[s->entry[t]].owner];
    const size_t end = phrase_end(t);
    int target = -1;
    // "Arnor former security officials": FORMER does not separate them.
    const size_t before = t >= 2 && s->toks[t - 1].text == "FORMER" ? t - 2 : t - 1;
    // Never across a dropped comma clause ("with Dagolath, its biggest
    // trading partner, officials said" keeps Dagolath plain).
    if (t > 0 && s->unit_of[before] >= 0 && !s->toks[t].after_cut) {
      target = s->unit_of[before];
    } else if (end + 1 < n && s->unit_of[end + 1] >= 0 && !s->toks[end + 1].after_cut &&
               s->units[s->unit_of[end + 1]].head == end + 1) {
      target = s->unit_of[end + 1];
    } else if (end + 2 < n && (s->toks[end + 1].text == "OF" || s->toks[end + 1].text == "IN")) {
      size_t a = end + 2;
      if (a + 1 < n && s->cls[a] == Cls::kDeterminer) ++a;
      if (s->unit_of[a] >= 0 && s->units[s->unit_of[a]].head == a) target = s->unit_of[a];
    }
    // "Former" before the agent or its actor makes an elite (CAMEO ELI).
    auto former = [&](size_t i) { return i > 0 && s->toks[i - 1].text == "FORMER"; };
    std::string agent_code = agent.code;
    if (former(t) || (target >= 0 && former(s->units[target].head))) agent_code = "ELI";
    if (target < 0) {
      if (!opt.convert_agents) continue;
      // TABARI keeps the connector on a converted agent ("~MOS").
      Unit u;
      u.codes = {agent.code_first ? agent_code + "~" : "~" + agent_code};
      u.first = t;
      u.head = t;
      u.last = end;
      for (size_t i = t; i <= end; ++i) s->unit_of[i] = static_cast<int>(s->units.size());
      s->units.push_back(std::move(u));
      continue;
    }
    Unit& u = s->units[target];
    for (std::string& c : u.codes) c = WithAgent(c, agent_code, agent.code_first);
    u.first = std::min(u.first, t);
    u.last = std::max(u.last, end);
    for (size_t i = u.first; i <= u.last; ++i) s->unit_of[i] = target;
  }
  // Units in token order (agents may have extended spans).
  std::vector<size_t> order(s->units.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return s->units[a].first < s->units[b].first; });
  std::vector<Unit> sorted;
  for (size_t i : order) sorted.push_back(s->units[i]);
  s->units = std::move(sorted);
  s->unit_of.assign(n, -1);
  for (size_t u = 0; u < s->units.size(); ++u) {
    for (size_t i = s->units[u].first; i <= s->units[u].last; ++i) {
      s->unit_of[i] = static_cast<int>(u);
    }
  }
  // Pronouns stand for the sentence's first actor (with its compound).
  // Compounds are not known yet, so a pronoun copies the first unit and
  // the ones joined to it by AND directly.
  int first_unit = s->units.empty() ? -1 : 0;
  for (size_t t = 0; t < n; ++t) {
    if (s->cls[t] != Cls::kPronoun) continue;
    if (first_unit < 0 || s->units[first_unit].first >= t) {
      // TABARI's FORWARD: the story's previous sentence supplies it.
      if (s->previous_actor.empty()) continue;
      Unit u;
      u.codes = {s->previous_actor};
      u.first = u.last = u.head = t;
      s->unit_of[t] = static_cast<int>(s->units.size());
      s->units.push_back(std::move(u));
      continue;
    }
    Unit u;
    u.codes = s->units[first_unit].codes;
    // THEY / THEM: the whole first compound.
    if (s->toks[t].text == "THEY" || s->toks[t].text == "THEM" || s->toks[t].text == "THEIR") {
      size_t last = s->units[first_unit].last;
      for (size_t v = first_unit + 1; v < s->units.size(); ++v) {
        const Unit& next = s->units[v];
        if (next.first >= t) break;
        bool joinable = true;
        for (size_t i = last + 1; i < next.first; ++i) {
          const Cls c = s->cls[i];
          joinable = joinable && (c == Cls::kConjunction || c == Cls::kComma ||
                                  c == Cls::kDeterminer || c == Cls::kAdjective);
        }
        if (!joinable) break;
        for (const std::string& c : next.codes) u.codes.push_back(c);
        last = next.last;
      }
    }
    u.first = u.last = u.head = t;
    s->unit_of[t] = static_cast<int>(s->units.size());
    s->units.push_back(std::move(u));
  }
  std::sort(s->units.begin(), s->units.end(),
            [](const Unit& a, const Unit& b) { return a.first < b.first; });
  s->unit_of.assign(n, -1);
  for (size_t u = 0; u < s->units.size(); ++u) {
    for (size_t i = s->units[u].first; i <= s->units[u].last; ++i) {
      s->unit_of[i] = static_cast<int>(u);
    }
  }
}

// Compounds: units separated only by AND / OR / NOR / commas, with
// determiners and adjectives allowed before the next unit ("Fornost and the
// evil awful Gondor").
void PatternCoderImpl::BuildGroups(Sentence* s) const {
  const size_t n = s->toks.size();
  s->group_of.assign(n, -1);
  // For each unit after the first of its group: joined by a conjunction
  // (true) or by a comma only (false).
  std::vector<std::vector<bool>> by_conjunction;
  for (size_t u = 0; u < s->units.size(); ++u) {
    bool joined = false;
    bool conjunction = false;
    if (!s->groups.empty()) {
      const Group& g = s->groups.back();
      const Unit& prev = s->units[g.units.back()];
      const Unit& cur = s->units[u];
      // The link follows the first actor directly ("Ithilen's awful and
      // evil minister" is an adjective compound, not an actor one).
      bool has_link = false;
      bool ok = cur.first > prev.last + 1;
      for (size_t i = prev.last + 1; ok && i < cur.first; ++i) {
        const Cls c = s->cls[i];
        if (c == Cls::kConjunction || c == Cls::kComma) {
          has_link = true;
          conjunction = conjunction || c == Cls::kConjunction;
          if (s->toks[i].text == "BUT") ok = false;
        } else if (!has_link || (c != Cls::kDeterminer && c != Cls::kAdjective)) {
          ok = false;
        }
      }
      joined = ok && has_link;
    }
    if (joined) {
      s->groups.back().units.push_back(u);
      s->groups.back().last = s->units[u].last;
      by_conjunction.back().push_back(conjunction);
    } else {
      Group g;
      g.units = {u};
      g.first = s->units[u].first;
      g.last = s->units[u].last;
      s->groups.push_back(std::move(g));
      by_conjunction.emplace_back();
    }
  }
  // A list ends with its conjunction ("A, B and C"): units joined by commas
  // after it, or with none at all, are appositions ("with Dagolath, its
  // biggest trading partner"; "Calimehtar, the Lorien news agency").
  std::vector<Group> groups;
  for (size_t g = 0; g < s->groups.size(); ++g) {
    const std::vector<bool>& links = by_conjunction[g];
    size_t keep = 0;  // units in the compound
    for (size_t i = 0; i < links.size(); ++i) {
      if (links[i]) keep = i + 2;
    }
    const Group& old = s->groups[g];
    Group head;
    head.units.assign(old.units.begin(), old.units.begin() + std::max<size_t>(keep, 1));
    head.first = s->units[head.units.front()].first;
    head.last = s->units[head.units.back()].last;
    groups.push_back(std::move(head));
    for (size_t i = std::max<size_t>(keep, 1); i < old.units.size(); ++i) {
      Group single;
      single.units = {old.units[i]};
      single.first = s->units[old.units[i]].first;
      single.last = s->units[old.units[i]].last;
      groups.push_back(std::move(single));
    }
  }
  s->groups = std::move(groups);
  for (size_t g = 0; g < s->groups.size(); ++g) {
    for (size_t i = s->groups[g].first; i <= s->groups[g].last; ++i) {
      s->group_of[i] = static_cast<int>(g);
    }
  }
}

// Which words the COMMA rule drops: the words between two commas (MIN..MAX
// words, both commas with them), after the last comma (EMIN..EMAX), before
// the first (BMIN..BMAX).  Commas inside a compound do not count.  The
// manual leaves open which end clauses TABARI keeps; the suite drops
// attributions (", a senior official said on Saturday", where SAID is a
// subordinate [023?]) and keeps clauses with a verb of their own
// ("..., urged Eriador to respond", "..., that Calimehtar attacked
// Gandalf"), so an end clause with a verb that is not subordinate stays.
std::vector<bool> PatternCoderImpl::CommaDeletions(const Sentence& s,
                                                   const PatternCoderOptions& opt) const {
  const size_t n = s.toks.size();
  std::vector<bool> drop(n, false);
  if (opt.comma_off) return drop;
  std::vector<size_t> commas;
  for (size_t t = 0; t < n; ++t) {
    if (!s.toks[t].comma) continue;
    if (s.group_of[t] >= 0) continue;  // inside a compound
    commas.push_back(t);
  }
  if (commas.empty()) return drop;
  auto words = [&](size_t a, size_t b) {  // tokens (a, b) exclusive
    int w = 0;
    for (size_t i = a; i < b; ++i) w += s.toks[i].comma ? 0 : 1;
    return w;
  };
  // Beginning.
  const int bw = words(0, commas[0]);
  if (bw >= opt.comma_bmin && bw <= opt.comma_bmax) {
    for (size_t i = 0; i <= commas[0]; ++i) drop[i] = true;
  }
  for (size_t c = 0; c + 1 < commas.size(); ++c) {
    const int w = words(commas[c] + 1, commas[c + 1]);
    if (w >= opt.comma_min && w <= opt.comma_max) {
      // Both commas go: "Gollum, centre of ... Brown, called on" reads
      // "Gollum called on", so "- $ *" finds Gollum.
      for (size_t i = commas[c]; i <= commas[c + 1]; ++i) drop[i] = true;
    }
  }
  const size_t last = commas.back();
  const int ew = words(last + 1, n);
  bool main_verb = false;
  for (size_t v = 0; v < s.verbs.size(); ++v) {
    const std::string& code = verbs_[s.verb_entry[v]].code;
    main_verb = main_verb || (s.verbs[v].first > last && (code.empty() || code.back() != '?'));
  }
  if (!main_verb && ew >= opt.comma_emin && ew <= opt.comma_emax) {
    for (size_t i = last; i < n; ++i) drop[i] = true;
  }
  return drop;
}

void PatternCoderImpl::Analyze(std::vector<Tok> toks, std::string_view date,
                               const PatternCoderOptions& opt, bool all_caps,
                               Sentence* s) const {
  std::vector<std::string>* trace = s->trace;
  std::string previous_actor = std::move(s->previous_actor);
  *s = Sentence();
  s->trace = trace;
  s->previous_actor = std::move(previous_actor);
  s->toks = std::move(toks);
  Classify(s, all_caps);
  BuildUnits(s, date, opt);
  BuildGroups(s);
}

// Matches seq[k..] at or after `pos` (at `pos` if anchored) and before
// `limit`, then calls `cont` with the position after the match.  Words
// between unjoined tokens are skipped.  `backward` prefers the candidates
// nearest `limit`: TABARI's part before the verb takes the actor nearest
// the verb ("- $ *" in "Gollum ... Radagast the Brown called on" is
// Radagast), while the part after it takes the first actor found.
bool PatternCoderImpl::MatchSeq(const Sentence& s, const CPhrase& seq, size_t k, size_t pos,
                                size_t limit, bool first_anchored, bool backward, Captures cap,
                                const std::function<bool(size_t, const Captures&)>& cont) const {
  if (k == seq.size()) return cont(pos, cap);
  if (pos >= limit) return false;
  const CTok& t = seq[k];
  const bool anchored = k == 0 ? first_anchored : t.joined;
  const size_t end = anchored ? pos + 1 : limit;  // candidate starts [pos, end)
  std::vector<size_t> candidates;
  for (size_t c = pos; c < end; ++c) candidates.push_back(c);
  if (backward) std::reverse(candidates.begin(), candidates.end());
  switch (t.type) {
    case Type::kWord:
      for (size_t c : candidates) {
        if (!WordMatches(s.toks[c], t, Context::kPattern)) continue;
        Captures next = cap;
        next.length += Letters(words_[t.word]);
        if (MatchSeq(s, seq, k + 1, c + 1, limit, false, backward, next, cont)) return true;
      }
      return false;
    case Type::kAlternatives:
      for (size_t c : candidates) {
        for (const CPhrase& alt : t.alts) {
          const bool ok = MatchSeq(s, alt, 0, c, limit, true, backward, cap,
                                   [&](size_t after, const Captures& got) {
                                     return MatchSeq(s, seq, k + 1, after, limit, false,
                                                     backward, got, cont);
                                   });
          if (ok) return true;
        }
      }
      return false;
    case Type::kSource:
    case Type::kTarget:
    case Type::kCompound:
    case Type::kSkipActor: {
      std::vector<size_t> groups;
      for (size_t g = 0; g < s.groups.size(); ++g) {
        const Group& grp = s.groups[g];
        if (grp.first < pos || grp.first >= end || grp.last >= limit) continue;
        if (t.type == Type::kCompound && grp.units.size() < 2) continue;
        groups.push_back(g);
      }
      if (backward) std::reverse(groups.begin(), groups.end());
      // Forward, only the first actor found may be designated.
      if (!backward && groups.size() > 1) groups.resize(1);
      for (size_t g : groups) {
        Captures next = cap;
        if (t.type == Type::kSource) next.source = static_cast<int>(g);
        if (t.type == Type::kTarget) next.target = static_cast<int>(g);
        if (t.type == Type::kCompound) next.compound = static_cast<int>(g);
        if (t.type == Type::kSkipActor) next.skipped.push_back(static_cast<int>(g));
        if (MatchSeq(s, seq, k + 1, s.groups[g].last + 1, limit, false, backward, next, cont)) {
          return true;
        }
      }
      return false;
    }
    case Type::kVerb:
      return false;
  }
  return false;
}

std::unique_ptr<PatternCoderImpl> NewImpl() { return std::make_unique<PatternCoderImpl>(); }

PatternResult PatternCoderImpl::Code(const PatternInput& input,
                                     const PatternCoderOptions& opt) const {
  const std::string_view sentence = input.sentence;
  const std::string_view date = input.date;
  const bool want_trace = input.want_trace;
  PatternResult result;
  Sentence s;
  s.trace = want_trace ? &result.trace : nullptr;
  if (opt.forward_pronouns) s.previous_actor = std::string(input.previous_actor);
  bool all_caps = true;
  for (char c : sentence) all_caps = all_caps && !(c >= 'a' && c <= 'z');
  std::vector<Tok> toks = Tokenize(sentence);
  if (static_cast<int>(toks.size()) < opt.min_words) {
    if (want_trace) result.trace.push_back("fewer words than MINIMUM WORDS");
    return result;
  }
  FindWords(&toks);
  Analyze(toks, date, opt, all_caps, &s);
  const std::vector<bool> drop = CommaDeletions(s, opt);
  if (std::find(drop.begin(), drop.end(), true) != drop.end()) {
    std::vector<Tok> kept;
    std::string dropped;
    for (size_t i = 0; i < toks.size(); ++i) {
      if (!drop[i]) {
        kept.push_back(toks[i]);
        kept.back().after_cut = i > 0 && drop[i - 1];
      } else if (!toks[i].comma) {
        dropped += " " + toks[i].text;
      }
    }
    s.Note("comma clauses dropped:" + dropped);
    Analyze(std::move(kept), date, opt, all_caps, &s);
  }
  if (s.trace != nullptr) {
    std::string line = "words:";
    for (size_t t = 0; t < s.toks.size(); ++t) {
      static constexpr const char* kNames[] = {"",     "actor", "agent", "verb", "noun", "adj",
                                               "conj", "det",   "pron",  "",     "+"};
      line += " " + s.toks[t].text;
      const char* name = kNames[static_cast<int>(s.cls[t])];
      if (*name != '\0') line += std::string("/") + name;
      if (s.unit_of[t] >= 0 && s.units[s.unit_of[t]].first == t) {
        line += "[";
        for (const std::string& c : s.units[s.unit_of[t]].codes) line += c + " ";
        line.back() = ']';
      }
    }
    s.Note(line);
  }
  for (size_t t = 0; t < s.toks.size() && result.first_actor.empty(); ++t) {
    if (s.cls[t] != Cls::kActor) continue;
    const Entry& e = entries_[s.entry[t]];
    const std::string code = e.code.empty() ? ResolveActor(e.owner, date) : e.code;
    if (code != "---" && code != "###" && code != "+++") result.first_actor = SplitCodes(code)[0];
  }
  if (s.discard) {
    result.disposition = PatternResult::Disposition::kDiscard;
    result.whole_story = s.whole_story;
    s.Note("discard");
    return result;
  }
  if (s.complex) {
    result.disposition = PatternResult::Disposition::kComplex;
    s.Note("complex: +++ code");
    return result;
  }
  int conjunctions = 0;  // outside compounds
  for (size_t t = 0; t < s.cls.size(); ++t) {
    conjunctions += s.cls[t] == Cls::kConjunction && s.group_of[t] < 0 ? 1 : 0;
  }
  if ((opt.complex_verbs > 0 && static_cast<int>(s.verbs.size()) >= opt.complex_verbs) ||
      (opt.complex_conjunctions > 0 && conjunctions >= opt.complex_conjunctions)) {
    result.disposition = PatternResult::Disposition::kComplex;
    s.Note("complex: too many verbs or conjunctions");
    return result;
  }

  // Clauses: split at conjunctions outside compounds, unless they join two
  // nouns or two adjectives ("sheep and goats", "awful and evil").
  const size_t n = s.toks.size();
  std::vector<std::pair<size_t, size_t>> clauses;  // [begin, end)
  {
    size_t begin = 0;
    auto word_class = [&](size_t i) { return s.cls[i]; };
    for (size_t t = 0; t < n; ++t) {
      if (s.cls[t] != Cls::kConjunction || s.group_of[t] >= 0) continue;
      if (t > 0 && t + 1 < n) {
        size_t after = t + 1;
        while (after + 1 < n && s.cls[after] == Cls::kDeterminer) ++after;
        const Cls a = word_class(t - 1);
        const Cls b = word_class(after);
        if ((a == Cls::kNoun && b == Cls::kNoun) || (a == Cls::kAdjective && b == Cls::kAdjective)) {
          continue;
        }
      }
      clauses.emplace_back(begin, t);
      begin = t + 1;
    }
    clauses.emplace_back(begin, n);
  }

  std::vector<std::string> previous_source;
  bool coded_in_sentence = false;
  // Subordinate events count only if nothing else is coded; dominant ones
  // replace everything else.
  std::vector<PeerEvent> subordinate_events;
  std::vector<PeerEvent> dominant_events;
  for (const auto& [cb, ce] : clauses) {
    if (opt.code_by == PatternCoderOptions::CodeBy::kSentence && coded_in_sentence) break;
    bool clause_coded = false;
    for (size_t vi = 0; vi < s.verbs.size(); ++vi) {
      // Named copies, not a structured binding: clang 14 (the fuzz build)
      // cannot capture bindings in the lambdas below.
      const size_t vb = s.verbs[vi].first;
      const size_t ve = s.verbs[vi].second;
      if (vb < cb || vb >= ce) continue;
      const CompiledVerb& verb = verbs_[s.verb_entry[vi]];
      // Patterns stop at commas.
      size_t seg_begin = cb;
      for (size_t i = cb; i < vb; ++i) {
        if (s.toks[i].comma) seg_begin = i + 1;
      }
      size_t seg_end = ce;
      for (size_t i = ve + 1; i < ce; ++i) {
        if (s.toks[i].comma) {
          seg_end = i;
          break;
        }
      }
      // The longest match wins (by the letters it actually matched).
      const CompiledPattern* best = nullptr;
      Captures best_cap;
      for (const CompiledPattern& p : verb.patterns) {
        if (best != nullptr && p.length < best_cap.length) break;  // cannot win
        Captures got;
        auto after_lower = [&](size_t end, const Captures& low) {
          if (p.star_joined ? end != vb : end > vb) return false;
          const bool first_anchored = !p.upper.empty() && p.upper.front().joined;
          if (p.upper.empty()) {
            got = low;
            return true;
          }
          return MatchSeq(s, p.upper, 0, ve + 1, seg_end, first_anchored, false, low,
                          [&](size_t, const Captures& all) {
                            got = all;
                            return true;
                          });
        };
        const bool ok = p.lower.empty()
                            ? after_lower(p.star_joined ? vb : seg_begin, Captures())
                            : MatchSeq(s, p.lower, 0, seg_begin, vb, false, true, Captures(),
                                       after_lower);
        if (!ok) continue;
        // Equal matches: the pattern with less text to spare (a fixed
        // "- * DOLLAR" over "- * &CURRENCY").
        if (best == nullptr || got.length > best_cap.length ||
            (got.length == best_cap.length && p.length < best->length)) {
          best = &p;
          best_cap = got;
        }
      }
      bool dominant = false;
      bool subordinate = false;
      const std::string code =
          CleanCode(best != nullptr ? best->code : verb.code, &dominant, &subordinate);
      // Dominance matters when every verb is coded (CODE ALL): only the
      // dominant events stay.  Otherwise the clause's first event wins.
      if (opt.code_by != PatternCoderOptions::CodeBy::kAll) dominant = false;
      if (clause_coded) continue;
      s.Note("verb " + s.toks[vb].text + " (" + verb.where + "): " +
             (best != nullptr ? "pattern '" + best->text + "' " + best->where : "root") + " -> " +
             code);
      if (code == "---" || code.empty()) continue;  // null: try the next verb
      if (code == "###") {
        result.disposition = PatternResult::Disposition::kDiscard;
        result.events.clear();
        return result;
      }
      if (code == "+++") {
        result.disposition = PatternResult::Disposition::kComplex;
        result.events.clear();
        return result;
      }
      // Actors.
      auto group_codes = [&](int g) { return s.groups[g].Codes(s.units); };
      std::vector<std::string> src;
      std::vector<std::string> tgt;
      std::vector<std::string> compound;
      if (best_cap.source >= 0) src = group_codes(best_cap.source);
      if (best_cap.target >= 0) tgt = group_codes(best_cap.target);
      if (best_cap.compound >= 0) compound = group_codes(best_cap.compound);
      const bool designated = best_cap.source >= 0 || best_cap.target >= 0 || best_cap.compound >= 0;
      bool any_actor_before = false;
      for (const Group& g : s.groups) any_actor_before = any_actor_before || g.first < vb;
      if (!designated) {
        // Passive voice: BE (+ adverb) + verb ... BY actor.
        bool passive = false;
        const bool be_before = (vb >= 1 && BeForms().count(s.toks[vb - 1].text) > 0) ||
                               (vb >= 2 && BeForms().count(s.toks[vb - 2].text) > 0 &&
                                s.cls[vb - 1] == Cls::kOther);
        if (be_before) {
          for (size_t i = ve + 1; i < seg_end && i <= ve + 3; ++i) {
            if (s.toks[i].text != "BY") continue;
            size_t a = i + 1;
            if (a < seg_end && s.cls[a] == Cls::kDeterminer) ++a;
            if (a < seg_end && s.group_of[a] >= 0) {
              src = group_codes(s.group_of[a]);
              passive = true;
            }
            break;
          }
        }
        if (passive) {
          for (const Group& g : s.groups) {
            if (g.first >= cb && g.last < vb) {
              tgt = g.Codes(s.units);
              break;
            }
          }
          s.Note("passive voice");
        }
      }
      auto distinct = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
        return b.empty() || a.empty() || a.front() != b.front();
      };
      // Actors a pattern passed over with ^ are out of the default searches.
      auto skipped = [&](size_t g) {
        return std::find(best_cap.skipped.begin(), best_cap.skipped.end(), static_cast<int>(g)) !=
               best_cap.skipped.end();
      };
      size_t target_from = ve + 1;  // where the target search after the verb starts
      if (src.empty() && compound.empty()) {
        for (size_t g = 0; g < s.groups.size() && src.empty(); ++g) {
          const Group& grp = s.groups[g];
          if (grp.first >= cb && grp.first < vb && !skipped(g) && distinct(grp.Codes(s.units), tgt)) {
            src = grp.Codes(s.units);
          }
        }
        if (src.empty() && !previous_source.empty() && distinct(previous_source, tgt)) {
          src = previous_source;
        }
        for (size_t g = 0; g < s.groups.size() && src.empty(); ++g) {
          const Group& grp = s.groups[g];
          if (grp.first < vb && !skipped(g) && distinct(grp.Codes(s.units), tgt)) {
            src = grp.Codes(s.units);
          }
        }
        if (src.empty() && opt.default_source_prior && !opt.default_source.empty()) {
          src = {opt.default_source};
        }
        // Greedy: the first actor after the verb (one member of a compound;
        // the target search goes on after it).
        for (size_t u = 0; u < s.units.size() && src.empty(); ++u) {
          const Unit& unit = s.units[u];
          if (unit.first > ve && unit.first < ce && !skipped(s.group_of[unit.first]) &&
              distinct(unit.codes, tgt)) {
            src = unit.codes;
            target_from = unit.last + 1;
          }
        }
        if (src.empty() && !opt.default_source.empty()) src = {opt.default_source};
      }
      if (!any_actor_before && opt.no_actor_prior_is_complex && !designated &&
          previous_source.empty()) {
        result.disposition = PatternResult::Disposition::kComplex;
        result.events.clear();
        s.Note("complex: no actor before the verb");
        return result;
      }
      if (tgt.empty() && compound.empty()) {
        // After the verb: the first actor (with its compound) of another code.
        for (size_t g = 0; g < s.groups.size() && tgt.empty(); ++g) {
          const Group& grp = s.groups[g];
          if (grp.last < target_from || grp.first >= ce || skipped(g)) continue;
          std::vector<std::string> codes;
          for (size_t u : grp.units) {
            if (s.units[u].first < target_from) continue;
            for (const std::string& c : s.units[u].codes) codes.push_back(c);
          }
          if (distinct(codes, src)) {
            tgt = codes;
          } else if (src.size() > 1 && codes == src && s.toks[grp.first].text == "THEIR") {
            // "A, B and C presented their credentials": the compound acts on
            // itself.
            tgt = src;
          }
        }
        if (tgt.empty() && opt.default_target_after && !opt.default_target.empty()) {
          tgt = {opt.default_target};
        }
        // Before the verb: the first actor that is not the source.
        auto in_source = [&](const std::vector<std::string>& codes) {
          for (const std::string& c : codes) {
            if (std::find(src.begin(), src.end(), c) == src.end()) return false;
          }
          return true;
        };
        for (size_t u = 0; u < s.units.size() && tgt.empty(); ++u) {
          const Unit& unit = s.units[u];
          if (unit.first >= cb && unit.first < vb && !skipped(s.group_of[unit.first]) &&
              !in_source(unit.codes)) {
            tgt = unit.codes;
          }
        }
        if (tgt.empty() && !opt.default_target.empty()) tgt = {opt.default_target};
      }
      const size_t colon = code.find(':');
      const std::string forward = code.substr(0, colon);
      const std::string back = colon == std::string::npos ? "" : code.substr(colon + 1);
      auto emit = [&](const std::string& a, const std::string& b) {
        if (a.empty() || b.empty() || a == b) return;
        PeerEvent e;
        e.source = a;
        e.target = b;
        e.code = forward;
        e.pattern = best != nullptr ? best->text : "ROOT";
        e.where = best != nullptr ? best->where : verb.where;
        std::vector<PeerEvent>& into = dominant      ? dominant_events
                                       : subordinate ? subordinate_events
                                                     : result.events;
        auto add = [&](PeerEvent ev) {
          if (std::find(into.begin(), into.end(), ev) == into.end()) into.push_back(std::move(ev));
        };
        add(e);
        if (!back.empty()) {
          std::swap(e.source, e.target);
          e.code = back;
          add(e);
        }
      };
      const size_t before =
          result.events.size() + subordinate_events.size() + dominant_events.size();
      if (!compound.empty()) {
        for (const std::string& a : compound) {
          for (const std::string& b : compound) emit(a, b);
        }
        // A % with a target: each member acts on it too.
        for (const std::string& a : compound) {
          for (const std::string& b : tgt) emit(a, b);
        }
      } else {
        for (const std::string& a : src) {
          for (const std::string& b : tgt) emit(a, b);
        }
      }
      if (result.events.size() + subordinate_events.size() + dominant_events.size() == before) {
        s.Note("no source/target pair");
        continue;  // nothing coded from this verb: try the next
      }
      if (subordinate) continue;  // a later verb of the clause may still code
      previous_source = src.empty() ? compound : src;
      coded_in_sentence = true;
      clause_coded = opt.code_by != PatternCoderOptions::CodeBy::kAll;
    }
  }
  if (!dominant_events.empty()) {
    result.events = std::move(dominant_events);
  } else if (result.events.empty()) {
    result.events = std::move(subordinate_events);
  }
  return result;
}

}  // namespace

Result<std::unique_ptr<PatternCoder>> PatternCoder::Create(
    const coding::DictionarySet& dictionaries) {
  auto impl = NewImpl();
  TRIGON_RETURN_IF_ERROR(impl->Compile(dictionaries));
  return std::unique_ptr<PatternCoder>(std::move(impl));
}

}  // namespace trigon::dictformat
