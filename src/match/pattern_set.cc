// Aho-Corasick over bytes, with word-boundary checks on the reported hits.
//
// Overview.  The literals are inserted into a byte trie; a breadth-first
// pass computes each state's failure link (the longest proper suffix of the
// state's string that is also a trie prefix) and its output link (the
// nearest state on the failure chain that ends a literal).  The trie is then
// flattened into arrays: the root keeps a dense 256-entry table (most bytes
// of running text restart at the root), the other states keep their edges
// sorted by byte in one shared array.  Matching walks the text once; at each
// byte it follows failure links until an edge exists, then reports every
// literal ending there by walking the output chain.  Each candidate hit is
// checked against the boundary rule (pattern_set.h) and, for prefix
// literals, extended to the end of its word.  Cost: O(text + hits) time,
// O(total literal bytes) memory.
//
// Reference: A. V. Aho and M. J. Corasick, "Efficient string matching: an
// aid to bibliographic search", CACM 18(6), 1975.  src/match/README.md
// records why this beat Vectorscan for our pattern sets.

#include "match/pattern_set.h"

#include <algorithm>
#include <array>
#include <deque>
#include <utility>

#include "base/utf8.h"
#include "match/word_boundary.h"

namespace trigon::match {
namespace {

constexpr uint32_t kNoState = 0xFFFFFFFFu;
constexpr uint32_t kRoot = 0;

struct Edge {
  uint8_t byte;
  uint32_t target;
};

// What is reported when a state is reached: literal `literal` (an index
// into the tables below) ends here.
struct LiteralInfo {
  uint32_t id;
  uint32_t length;
  bool check_begin;  // first code point is a word character
  bool check_end;    // last code point is a word character, not prefix
  bool prefix;
};

class AhoCorasickMatcher final : public CompiledMatcher {
 public:
  AhoCorasickMatcher() = default;

  void FindAll(std::string_view text, std::vector<Hit>* hits) const override;
  size_t num_patterns() const override { return literals_.size(); }
  size_t memory_bytes() const override {
    return sizeof(root_) + edges_.size() * sizeof(Edge) +
           state_edges_.size() * sizeof(uint32_t) +
           fail_.size() * sizeof(uint32_t) +
           out_link_.size() * sizeof(uint32_t) +
           out_begin_.size() * sizeof(uint32_t) +
           outputs_.size() * sizeof(uint32_t) +
           literals_.size() * sizeof(LiteralInfo);
  }

  // Built by PatternSet::Compile.
  std::array<uint32_t, 256> root_{};
  std::vector<Edge> edges_;            // all non-root edges, grouped by state
  std::vector<uint32_t> state_edges_;  // state s: edges_[state_edges_[s] ..
                                       // state_edges_[s + 1])
  std::vector<uint32_t> fail_;
  std::vector<uint32_t> out_link_;   // next state with outputs, or kNoState
  std::vector<uint32_t> out_begin_;  // state s: outputs_[out_begin_[s] ..
                                     // out_begin_[s + 1])
  std::vector<uint32_t> outputs_;    // literal indices
  std::vector<LiteralInfo> literals_;

 private:
  uint32_t Step(uint32_t state, uint8_t byte) const {
    for (;;) {
      if (state == kRoot) return root_[byte];
      const Edge* first = edges_.data() + state_edges_[state];
      const Edge* last = edges_.data() + state_edges_[state + 1];
      if (last - first <= 8) {
        for (const Edge* e = first; e != last; ++e) {
          if (e->byte == byte) return e->target;
        }
      } else {
        const Edge* e = std::lower_bound(
            first, last, byte,
            [](const Edge& edge, uint8_t b) { return edge.byte < b; });
        if (e != last && e->byte == byte) return e->target;
      }
      state = fail_[state];
    }
  }

  void Report(std::string_view text, uint32_t state, uint32_t end,
              std::vector<Hit>* hits) const {
    for (uint32_t s = state; s != kNoState; s = out_link_[s]) {
      for (uint32_t i = out_begin_[s]; i < out_begin_[s + 1]; ++i) {
        const LiteralInfo& lit = literals_[outputs_[i]];
        const uint32_t begin = end - lit.length;
        if (lit.check_begin && internal::WordCharBefore(text, begin)) continue;
        // A hit must end on a code point boundary; a literal that ends in
        // the middle of a sequence cannot be valid UTF-8, so this holds.
        uint32_t hit_end = end;
        if (lit.prefix) {
          hit_end = static_cast<uint32_t>(internal::SkipWordChars(text, end));
        } else if (lit.check_end && internal::WordCharAt(text, end)) {
          continue;
        }
        hits->push_back(Hit{lit.id, begin, hit_end});
      }
    }
  }
};

void AhoCorasickMatcher::FindAll(std::string_view text,
                                 std::vector<Hit>* hits) const {
  hits->clear();
  uint32_t state = kRoot;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const uint32_t n = static_cast<uint32_t>(text.size());
  for (uint32_t i = 0; i < n; ++i) {
    state = Step(state, bytes[i]);
    if (out_begin_[state] != out_begin_[state + 1] ||
        out_link_[state] != kNoState) {
      Report(text, state, i + 1, hits);
    }
  }
  // Hits come out ordered by end; callers want them by begin.
  std::sort(hits->begin(), hits->end(), HitLess);
}

}  // namespace

PatternSet::PatternSet(const PatternSetOptions& options) : options_(options) {}
PatternSet::~PatternSet() = default;

Status PatternSet::Add(uint32_t pattern_id, std::string_view literal,
                       const LiteralOptions& options) {
  if (literal.empty()) {
    return Status::InvalidArgument("pattern " + std::to_string(pattern_id) +
                                   ": empty literal");
  }
  if (utf8::FindInvalid(literal).has_value()) {
    return Status::InvalidArgument("pattern " + std::to_string(pattern_id) +
                                   ": invalid UTF-8 in literal '" +
                                   std::string(literal) + "'");
  }
  literals_.push_back(
      Literal{std::string(literal), pattern_id, options.prefix});
  return Status::OK();
}

Result<std::unique_ptr<CompiledMatcher>> PatternSet::Compile() const {
  // Rough upper bound: one state and one edge per literal byte.
  size_t total_bytes = 0;
  for (const Literal& lit : literals_) total_bytes += lit.text.size();
  const size_t estimate = total_bytes * (sizeof(Edge) + 5 * sizeof(uint32_t)) +
                          literals_.size() * (sizeof(LiteralInfo) + 4);
  if (estimate > options_.max_mem) {
    return Status::ResourceExhausted(
        "pattern set needs about " + std::to_string(estimate) +
        " bytes, over max_mem " + std::to_string(options_.max_mem));
  }

  // 1. Trie with sorted child lists.
  std::vector<std::vector<Edge>> children(1);
  std::vector<std::vector<uint32_t>> ends(1);
  for (uint32_t li = 0; li < literals_.size(); ++li) {
    uint32_t state = kRoot;
    for (char ch : literals_[li].text) {
      const auto byte = static_cast<uint8_t>(ch);
      std::vector<Edge>& kids = children[state];
      auto it = std::lower_bound(
          kids.begin(), kids.end(), byte,
          [](const Edge& edge, uint8_t b) { return edge.byte < b; });
      if (it != kids.end() && it->byte == byte) {
        state = it->target;
        continue;
      }
      const auto next = static_cast<uint32_t>(children.size());
      kids.insert(it, Edge{byte, next});
      children.emplace_back();
      ends.emplace_back();
      state = next;
    }
    ends[state].push_back(li);
  }

  auto m = std::make_unique<AhoCorasickMatcher>();
  const auto num_states = static_cast<uint32_t>(children.size());
  m->fail_.assign(num_states, kRoot);
  m->out_link_.assign(num_states, kNoState);

  // 2. Breadth-first failure and output links.
  m->root_.fill(kRoot);
  for (const Edge& e : children[kRoot]) m->root_[e.byte] = e.target;
  std::deque<uint32_t> queue;
  for (const Edge& e : children[kRoot]) queue.push_back(e.target);
  auto step = [&](uint32_t state, uint8_t byte) {
    for (;;) {
      if (state == kRoot) return m->root_[byte];
      const std::vector<Edge>& kids = children[state];
      auto it = std::lower_bound(
          kids.begin(), kids.end(), byte,
          [](const Edge& edge, uint8_t b) { return edge.byte < b; });
      if (it != kids.end() && it->byte == byte) return it->target;
      state = m->fail_[state];
    }
  };
  while (!queue.empty()) {
    const uint32_t s = queue.front();
    queue.pop_front();
    for (const Edge& e : children[s]) {
      const uint32_t f = s == kRoot ? kRoot : step(m->fail_[s], e.byte);
      m->fail_[e.target] = f;
      m->out_link_[e.target] = ends[f].empty() ? m->out_link_[f] : f;
      queue.push_back(e.target);
    }
  }
  // Depth-1 states fail to the root (set above by assign) and their output
  // link must not point at the root, which never ends a literal.
  for (const Edge& e : children[kRoot]) m->out_link_[e.target] = kNoState;

  // 3. Flatten.
  m->state_edges_.reserve(num_states + 1);
  m->out_begin_.reserve(num_states + 1);
  for (uint32_t s = 0; s < num_states; ++s) {
    m->state_edges_.push_back(static_cast<uint32_t>(m->edges_.size()));
    if (s != kRoot) {
      m->edges_.insert(m->edges_.end(), children[s].begin(), children[s].end());
    }
    m->out_begin_.push_back(static_cast<uint32_t>(m->outputs_.size()));
    m->outputs_.insert(m->outputs_.end(), ends[s].begin(), ends[s].end());
  }
  m->state_edges_.push_back(static_cast<uint32_t>(m->edges_.size()));
  m->out_begin_.push_back(static_cast<uint32_t>(m->outputs_.size()));

  m->literals_.reserve(literals_.size());
  for (const Literal& lit : literals_) {
    m->literals_.push_back(LiteralInfo{
        lit.id, static_cast<uint32_t>(lit.text.size()),
        internal::IsWordChar(internal::FirstCodePoint(lit.text)),
        !lit.prefix && internal::IsWordChar(internal::LastCodePoint(lit.text)),
        lit.prefix && internal::IsWordChar(internal::LastCodePoint(lit.text))});
  }
  return std::unique_ptr<CompiledMatcher>(std::move(m));
}

}  // namespace trigon::match
