// MinHash (Broder 1997, "On the resemblance and containment of documents")
// over token shingles, and LSH banding for candidate lookup.  The shingle
// and hashing scheme is described in near_duplicate.h; it is part of the
// stored format (kSignatureFormatVersion).

#include "text/near_duplicate.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <utility>

#include "base/hash.h"
#include "base/utf8.h"
#include "text/char_class.h"

namespace trigon::text {
namespace {

constexpr size_t kCjkShingleTokens = 5;
constexpr size_t kWordShingleTokens = 3;
constexpr uint64_t kTokenSeed = 0x7472696730746f6bULL;    // "trig0tok"
constexpr uint64_t kShingleSeed = 0x7472696730736867ULL;  // "trig0shg"
constexpr uint64_t kBandSeed = 0x7472696730626e64ULL;     // "trig0bnd"
constexpr size_t kSlotBytes = sizeof(uint64_t);
constexpr size_t kHeaderBytes = 3;  // version + uint16 slot count

static_assert(kLshBands * kLshRows == kMinHashSize);

// MurmurHash3's 64-bit finaliser (fmix64): a bijection with full avalanche.
constexpr uint64_t Mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// Per-slot seeds: the splitmix64 sequence from a fixed start, so slot i's
// hash function is x -> Mix64(x ^ kSlotSeeds[i]).
constexpr std::array<uint64_t, kMinHashSize> MakeSlotSeeds() {
  std::array<uint64_t, kMinHashSize> seeds{};
  uint64_t state = 0x7472696730736c74ULL;  // "trig0slt"
  for (uint64_t& seed : seeds) {
    state += 0x9e3779b97f4a7c15ULL;
    uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    seed = z ^ (z >> 31);
  }
  return seeds;
}
constexpr std::array<uint64_t, kMinHashSize> kSlotSeeds = MakeSlotSeeds();

void PutLittleEndian64(uint64_t v, char* out) {
  for (size_t i = 0; i < kSlotBytes; ++i) {
    out[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
  }
}

uint64_t GetLittleEndian64(const char* in) {
  uint64_t v = 0;
  for (size_t i = 0; i < kSlotBytes; ++i) {
    v |= static_cast<uint64_t>(static_cast<unsigned char>(in[i])) << (8 * i);
  }
  return v;
}

// Hash of `n` 64-bit values, as little-endian bytes, with `seed`.
uint64_t HashValues(const uint64_t* values, size_t n, uint64_t seed) {
  std::array<char, kSlotBytes * kCjkShingleTokens> buffer;
  static_assert(kCjkShingleTokens >= kWordShingleTokens);
  if (n * kSlotBytes <= buffer.size()) {
    for (size_t i = 0; i < n; ++i)
      PutLittleEndian64(values[i], &buffer[i * kSlotBytes]);
    return Hash64(std::string_view(buffer.data(), n * kSlotBytes), seed);
  }
  std::string large(n * kSlotBytes, '\0');
  for (size_t i = 0; i < n; ++i)
    PutLittleEndian64(values[i], &large[i * kSlotBytes]);
  return Hash64(large, seed);
}

bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return internal::IsAsciiDigit(c) || internal::IsAsciiLower(c) ||
           internal::IsAsciiUpper(c);
  }
  const auto u = static_cast<UChar32>(c);
  return u_isalnum(u) || (U_GET_GC_MASK(u) & U_GC_M_MASK) != 0;
}

// Token hashes of `text` and the number of Han/kana tokens.
std::vector<uint64_t> Tokenize(std::string_view text, size_t* cjk_tokens) {
  std::vector<uint64_t> tokens;
  *cjk_tokens = 0;
  size_t word_begin = std::string_view::npos;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const char32_t c = utf8::Next(text, pos);
    const bool cjk = utf8::IsHan(c) || internal::IsKana(c);
    if (!cjk && IsWordChar(c)) {
      if (word_begin == std::string_view::npos) word_begin = start;
      continue;
    }
    if (word_begin != std::string_view::npos) {
      tokens.push_back(
          Hash64(text.substr(word_begin, start - word_begin), kTokenSeed));
      word_begin = std::string_view::npos;
    }
    if (cjk) {
      tokens.push_back(Hash64(text.substr(start, pos - start), kTokenSeed));
      ++*cjk_tokens;
    }
  }
  if (word_begin != std::string_view::npos) {
    tokens.push_back(Hash64(text.substr(word_begin), kTokenSeed));
  }
  return tokens;
}

}  // namespace

MinHashSig MinHashSignature(std::string_view normalized) {
  MinHashSig sig(kMinHashSize, kEmptySlot);
  size_t cjk_tokens = 0;
  const std::vector<uint64_t> tokens = Tokenize(normalized, &cjk_tokens);
  if (tokens.empty()) return sig;

  const size_t k =
      2 * cjk_tokens >= tokens.size() ? kCjkShingleTokens : kWordShingleTokens;
  const size_t width = std::min(k, tokens.size());
  std::vector<uint64_t> shingles;
  shingles.reserve(tokens.size() - width + 1);
  for (size_t i = 0; i + width <= tokens.size(); ++i) {
    shingles.push_back(HashValues(&tokens[i], width, kShingleSeed));
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());

  for (uint64_t shingle : shingles) {
    for (size_t i = 0; i < kMinHashSize; ++i) {
      sig[i] = std::min(sig[i], Mix64(shingle ^ kSlotSeeds[i]));
    }
  }
  return sig;
}

double EstimateJaccard(const MinHashSig& a, const MinHashSig& b) {
  if (a.size() != b.size() || a.empty()) return 0.0;
  size_t equal = 0;
  bool any_content = false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != kEmptySlot || b[i] != kEmptySlot) any_content = true;
    if (a[i] == b[i] && a[i] != kEmptySlot) ++equal;
  }
  if (!any_content) return 0.0;
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

std::string EncodeSignature(const MinHashSig& sig) {
  std::string out(kHeaderBytes + sig.size() * kSlotBytes, '\0');
  out[0] = static_cast<char>(kSignatureFormatVersion);
  out[1] = static_cast<char>(sig.size() & 0xFF);
  out[2] = static_cast<char>((sig.size() >> 8) & 0xFF);
  for (size_t i = 0; i < sig.size(); ++i) {
    PutLittleEndian64(sig[i], &out[kHeaderBytes + i * kSlotBytes]);
  }
  return out;
}

Result<MinHashSig> DecodeSignature(std::string_view bytes) {
  if (bytes.empty()) return Status::Corruption("MinHash signature: empty");
  const auto version = static_cast<uint8_t>(bytes[0]);
  if (version != kSignatureFormatVersion) {
    return Status::Unsupported("MinHash signature: unknown format version " +
                               std::to_string(version));
  }
  if (bytes.size() < kHeaderBytes) {
    return Status::Corruption("MinHash signature: truncated header (" +
                              std::to_string(bytes.size()) + " bytes)");
  }
  const size_t n =
      static_cast<unsigned char>(bytes[1]) |
      (static_cast<size_t>(static_cast<unsigned char>(bytes[2])) << 8);
  if (n != kMinHashSize) {
    return Status::Corruption("MinHash signature: " + std::to_string(n) +
                              " slots, expected " +
                              std::to_string(kMinHashSize));
  }
  if (bytes.size() != kHeaderBytes + n * kSlotBytes) {
    return Status::Corruption(
        "MinHash signature: " + std::to_string(bytes.size()) +
        " bytes, expected " + std::to_string(kHeaderBytes + n * kSlotBytes));
  }
  MinHashSig sig(n);
  for (size_t i = 0; i < n; ++i) {
    sig[i] = GetLittleEndian64(bytes.data() + kHeaderBytes + i * kSlotBytes);
  }
  return sig;
}

namespace {

bool IsEmptySignature(const MinHashSig& sig) {
  return std::all_of(sig.begin(), sig.end(),
                     [](uint64_t v) { return v == kEmptySlot; });
}

uint64_t BandKey(const MinHashSig& sig, size_t band) {
  return HashValues(&sig[band * kLshRows], kLshRows, kBandSeed + band);
}

}  // namespace

LshIndex::LshIndex(const LshIndexOptions& options)
    : options_(options), bands_(kLshBands) {}

Status LshIndex::Insert(std::string id, const MinHashSig& sig) {
  if (sig.size() != kMinHashSize) {
    return Status::InvalidArgument(
        "LshIndex::Insert(" + id + "): signature has " +
        std::to_string(sig.size()) + " slots, expected " +
        std::to_string(kMinHashSize));
  }
  const auto entry = static_cast<uint32_t>(ids_.size());
  ids_.push_back(std::move(id));
  sigs_.push_back(sig);
  if (IsEmptySignature(sig)) return Status::OK();
  for (size_t b = 0; b < kLshBands; ++b) {
    bands_[b][BandKey(sig, b)].push_back(entry);
  }
  return Status::OK();
}

std::vector<uint32_t> LshIndex::CandidateEntries(const MinHashSig& sig) const {
  std::vector<uint32_t> entries;
  if (sig.size() != kMinHashSize || IsEmptySignature(sig)) return entries;
  for (size_t b = 0; b < kLshBands; ++b) {
    const auto it = bands_[b].find(BandKey(sig, b));
    if (it == bands_[b].end()) continue;
    entries.insert(entries.end(), it->second.begin(), it->second.end());
  }
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  return entries;
}

std::vector<std::string> LshIndex::Candidates(const MinHashSig& sig) const {
  std::vector<std::string> ids;
  for (uint32_t entry : CandidateEntries(sig)) ids.push_back(ids_[entry]);
  return ids;
}

std::vector<NearDuplicate> LshIndex::NearDuplicates(
    const MinHashSig& sig) const {
  std::vector<NearDuplicate> found;
  for (uint32_t entry : CandidateEntries(sig)) {
    const double similarity = EstimateJaccard(sig, sigs_[entry]);
    if (similarity >= options_.threshold)
      found.push_back({ids_[entry], similarity});
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const NearDuplicate& a, const NearDuplicate& b) {
                     return a.similarity > b.similarity;
                   });
  return found;
}

}  // namespace trigon::text
