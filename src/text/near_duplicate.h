#pragma once
// Near-duplicate detection: MinHash signatures and an LSH index.
//
//   MinHashSig sig = text::MinHashSignature(normalized_text);
//   for (const auto& d : index.NearDuplicates(sig)) ...  // same story?
//   TRIGON_RETURN_IF_ERROR(index.Insert(doc.id, sig));
//   store.Put(doc.id, text::EncodeSignature(sig));       // keep across runs
//
// Shingles.  The input is the matching form (normalizer.h: NFKC, case fold,
// t2s, collapsed spaces).  It is cut into tokens: each Han or kana character
// is a token, and so is each maximal run of other letters, digits and
// combining marks (a word); spaces and punctuation only separate tokens.
// A shingle is K consecutive tokens, with K = 5 when at least half of the
// tokens are Han/kana characters (character 5-grams, spaces ignored, for
// Chinese and Japanese) and K = 3 otherwise (word 3-grams).  Text with
// fewer than K tokens but at least one is a single shingle of all its
// tokens, so very short texts only match texts with the same tokens
// (estimate 1.0) and otherwise estimate about 0.  Text with no token at all
// (empty, or only punctuation) has the empty signature, which is never
// similar to anything (EstimateJaccard returns 0) and is not indexed.
// Limitation: K is chosen per text, so two versions of a text whose Han
// share straddles one half (mixed Chinese/English) may use different K and
// then look unrelated.
//
// Hashing.  Token and shingle hashes are trigon::Hash64 (XXH3, stable
// across platforms; a shingle hashes its tokens' hashes as little-endian
// bytes).  Slot i of the signature is the minimum over distinct shingles h
// of fmix64(h ^ seed_i), MurmurHash3's finaliser with 128 fixed seeds from
// a splitmix64 sequence: one XXH3 call per shingle, then cheap integer
// mixing per slot.  The signature depends only on the text, so signatures
// stored in one run can be compared with signatures computed in another;
// any change to tokens, K or hashing must bump kSignatureFormatVersion.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.h"
#include "base/status.h"

namespace trigon::text {

// Number of hash functions (signature slots).
inline constexpr size_t kMinHashSize = 128;
// LSH banding: kLshBands bands of kLshRows slots each (kLshBands * kLshRows
// == kMinHashSize).  Two texts with Jaccard similarity s share a band with
// probability 1 - (1 - s^4)^32: 0.9999 at s = 0.8, 0.87 at s = 0.5, 0.03
// at s = 0.2.
inline constexpr size_t kLshBands = 32;
inline constexpr size_t kLshRows = 4;
// Slot value of the empty signature.
inline constexpr uint64_t kEmptySlot = ~uint64_t{0};
// First byte of EncodeSignature's output.
inline constexpr uint8_t kSignatureFormatVersion = 1;

using MinHashSig = std::vector<uint64_t>;

// The MinHash signature of `normalized` (kMinHashSize slots; all kEmptySlot
// when the text has no token).  Cost: one XXH3 call per token and per
// shingle, then kMinHashSize integer mixes (~1 ns each) per distinct
// shingle: about 1 ms for a 5,000-character Chinese article.  Thread-safe.
// REQUIRES: `normalized` is valid UTF-8.
MinHashSig MinHashSignature(std::string_view normalized);

// The fraction of equal slots, an unbiased estimate of the Jaccard
// similarity of the two shingle sets.  Returns 0 when the sizes differ,
// either signature is empty (size 0) or both are the empty-text signature.
double EstimateJaccard(const MinHashSig& a, const MinHashSig& b);

// Serialises a signature:
//   byte 0      kSignatureFormatVersion (1)
//   bytes 1-2   number of slots n, little-endian uint16 (128 in version 1)
//   then n      slots, each a little-endian uint64
// 1027 bytes for a kMinHashSize signature.
std::string EncodeSignature(const MinHashSig& sig);

// Parses EncodeSignature's output.  Errors: Unsupported (unknown version
// byte), Corruption (empty input, wrong length, slot count other than
// kMinHashSize).
Result<MinHashSig> DecodeSignature(std::string_view bytes);

struct LshIndexOptions {
  // NearDuplicates() reports stored documents whose estimated Jaccard
  // similarity is at least this.  Default 0.8: in news, a reposted story
  // with a changed headline, byline or a few edited words scores 0.85-1.0,
  // two different stories on the same event below 0.3.
  double threshold = 0.8;
};

struct NearDuplicate {
  std::string id;
  double similarity = 0.0;  // EstimateJaccard with the query
};

// Locality-sensitive hashing over MinHash signatures (banding technique,
// Leskovec, Rajaraman & Ullman, Mining of Massive Datasets, ch. 3).
// Keeps each inserted signature (about 1 KiB per document) to verify
// candidates.  Not thread-safe for Insert; const methods may run
// concurrently with each other.
class LshIndex {
 public:
  explicit LshIndex(const LshIndexOptions& options = {});

  // Adds a document.  Inserting an id twice keeps two entries.  The empty
  // signature is accepted but not indexed (it matches nothing).
  // Errors: InvalidArgument if sig.size() != kMinHashSize.
  Status Insert(std::string id, const MinHashSig& sig);

  // Ids of stored documents that share at least one band with `sig`, in
  // insertion order, each entry once.  Unverified: may include documents
  // well below the threshold.  Empty for a signature of the wrong size or
  // the empty signature.
  std::vector<std::string> Candidates(const MinHashSig& sig) const;

  // Candidates whose estimated similarity is >= options.threshold, most
  // similar first (ties in insertion order).
  std::vector<NearDuplicate> NearDuplicates(const MinHashSig& sig) const;

  size_t size() const { return ids_.size(); }

 private:
  // Indices into ids_ / sigs_ of candidates, ascending.
  std::vector<uint32_t> CandidateEntries(const MinHashSig& sig) const;

  LshIndexOptions options_;
  std::vector<std::string> ids_;
  std::vector<MinHashSig> sigs_;
  // One map per band: band hash -> entries.
  std::vector<std::unordered_map<uint64_t, std::vector<uint32_t>>> bands_;
};

}  // namespace trigon::text
