#pragma once
// Content hashing for stable document ids (XXH3-128, via libxxhash).

#include <cstdint>
#include <string>
#include <string_view>

namespace trigon {

// 32 lowercase hex digits of the XXH3-128 hash of `bytes`.  Stable across
// platforms and releases of libxxhash (the XXH3 output is frozen).
std::string ContentHashHex(std::string_view bytes);

// 64-bit XXH3 hash with a seed; used for shingles and MinHash.
uint64_t Hash64(std::string_view bytes, uint64_t seed = 0);

}  // namespace trigon
