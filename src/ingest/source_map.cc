#include "ingest/source_map.h"

#include <algorithm>

namespace trigon::ingest {
namespace {

using model::SourcePiece;

uint64_t TextEnd(const SourcePiece& p) {
  return uint64_t{p.text_begin} + p.text_length;
}

// The last piece whose text_begin <= offset, or map.end() if none.
std::vector<SourcePiece>::const_iterator PieceAtOrBefore(
    const std::vector<SourcePiece>& map, uint64_t offset) {
  auto it = std::upper_bound(
      map.begin(), map.end(), offset,
      [](uint64_t off, const SourcePiece& p) { return off < p.text_begin; });
  if (it == map.begin()) return map.end();
  return std::prev(it);
}

}  // namespace

void AppendPiece(std::vector<SourcePiece>& map, const SourcePiece& piece) {
  if (piece.text_length == 0 && piece.source_length == 0) return;
  if (!map.empty()) {
    SourcePiece& last = map.back();
    if (last.exact && piece.exact && TextEnd(last) == piece.text_begin &&
        last.source_begin + last.source_length == piece.source_begin) {
      last.text_length += piece.text_length;
      last.source_length += piece.source_length;
      return;
    }
  }
  map.push_back(piece);
}

uint64_t MapBegin(const std::vector<SourcePiece>& map, uint64_t offset) {
  if (map.empty()) return offset;
  auto it = PieceAtOrBefore(map, offset);
  if (it == map.end()) return map.front().source_begin;
  const uint64_t delta = offset - it->text_begin;
  if (delta >= it->text_length) return it->source_begin + it->source_length;
  return it->exact ? it->source_begin + delta : it->source_begin;
}

uint64_t MapEnd(const std::vector<SourcePiece>& map, uint64_t offset) {
  if (map.empty()) return offset;
  if (offset == 0) return MapBegin(map, 0);
  auto it = PieceAtOrBefore(map, offset - 1);
  if (it == map.end()) return map.front().source_begin;
  const uint64_t delta = offset - it->text_begin;  // >= 1
  if (delta >= it->text_length || !it->exact) {
    return it->source_begin + it->source_length;
  }
  return it->source_begin + delta;
}

std::vector<SourcePiece> ComposeSourceMaps(
    const std::vector<SourcePiece>& outer,
    const std::vector<SourcePiece>& inner) {
  if (inner.empty()) return outer;
  std::vector<SourcePiece> out;
  out.reserve(outer.size());
  for (const SourcePiece& p : outer) {
    const uint64_t s = p.source_begin;
    const uint64_t e = s + p.source_length;
    if (!p.exact || s == e) {
      const uint64_t b = MapBegin(inner, s);
      AppendPiece(
          out, {p.text_begin, p.text_length, b, MapEnd(inner, e) - b, false});
      continue;
    }
    // Exact outer piece: intermediate byte s + k is text byte
    // p.text_begin + k, so split along the inner pieces.
    auto it = PieceAtOrBefore(inner, s);
    if (it == inner.end()) it = inner.begin();
    uint64_t a = s;
    while (a < e) {
      if (it == inner.end() || a < it->text_begin) {
        // A gap in the inner map: map what is left as one unit.
        const uint64_t b = MapBegin(inner, a);
        AppendPiece(out, {static_cast<uint32_t>(p.text_begin + (a - s)),
                          static_cast<uint32_t>(e - a), b, MapEnd(inner, e) - b,
                          false});
        break;
      }
      const uint64_t q_end = TextEnd(*it);
      if (a >= q_end) {
        ++it;
        continue;
      }
      const uint64_t b = std::min(e, q_end);
      const auto text_begin = static_cast<uint32_t>(p.text_begin + (a - s));
      const auto text_length = static_cast<uint32_t>(b - a);
      if (it->exact) {
        AppendPiece(out,
                    {text_begin, text_length,
                     it->source_begin + (a - it->text_begin), b - a, true});
      } else {
        AppendPiece(out, {text_begin, text_length, it->source_begin,
                          it->source_length, false});
      }
      a = b;
    }
  }
  return out;
}

}  // namespace trigon::ingest
