#pragma once
// Helpers over text -> original-byte maps (vectors of model::SourcePiece).
//
// A map lists pieces in increasing text order; pieces never overlap, but
// they may leave gaps (separators an extractor inserted, such as the "\n\n"
// between HTML blocks).  An empty map is the identity.  See
// model/document.h for the meaning of a piece.

#include <cstdint>
#include <vector>

#include "model/document.h"

namespace trigon::ingest {

// Appends `piece` to `map`, merging it into the last piece when both are
// exact and contiguous in text and in source (so a byte-for-byte copy stays
// one piece).
// REQUIRES: piece.text_begin >= end of the last piece's text range.
void AppendPiece(std::vector<model::SourcePiece>& map,
                 const model::SourcePiece& piece);

// Original byte offset where text byte `offset` starts.  Inside an exact
// piece offsets map one to one; inside an inexact piece, to its start; in a
// gap, to the end of the preceding piece.  Identity for an empty map.
uint64_t MapBegin(const std::vector<model::SourcePiece>& map, uint64_t offset);

// Original byte offset just past text byte `offset - 1`: the end of the
// source range of a text range ending at `offset`.  Inside an inexact piece,
// its end.  Identity for an empty map.
uint64_t MapEnd(const std::vector<model::SourcePiece>& map, uint64_t offset);

// Composes `outer` (text -> intermediate bytes) with `inner` (intermediate
// bytes -> original bytes), e.g. HTML-text -> decoded HTML -> file bytes.
// An exact outer piece is split along the inner pieces it covers, so the
// composition keeps the inner map's resolution.  Returns `outer` when
// `inner` is empty (the identity).
std::vector<model::SourcePiece> ComposeSourceMaps(
    const std::vector<model::SourcePiece>& outer,
    const std::vector<model::SourcePiece>& inner);

}  // namespace trigon::ingest
