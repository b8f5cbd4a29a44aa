// Decoding input bytes to UTF-8.  The detection rules are documented in
// decode.h; this file follows them step by step.  Conversion uses ICU's
// ucnv_toUnicode with its offsets array, which gives for every UTF-16 unit
// produced the index of the source byte where its character started; that
// is what the per-character source map is built from.

#include "ingest/decode.h"

#include <unicode/ucnv.h>
#include <unicode/utf16.h>

#include <cstdint>
#include <cstdio>
#include <limits>
#include <memory>
#include <optional>

#include "base/utf8.h"
#include "ingest/source_map.h"

namespace trigon::ingest {
namespace {

using model::SourcePiece;

constexpr uint64_t kMaxTextBytes = std::numeric_limits<uint32_t>::max();
// UTF-16 sniffing looks at this many leading bytes.
constexpr size_t kUtf16SniffBytes = size_t{64} * 1024;
// UTF-16 without BOM: at least 1 unit in kUtf16MinZeroShare has a zero high
// byte, and zero low bytes are at most 1/kUtf16ZeroRatio of those.
constexpr size_t kUtf16MinZeroShare = 32;
constexpr size_t kUtf16ZeroRatio = 8;
// Damaged UTF-8: at least this many valid multi-byte sequences per invalid.
constexpr size_t kUtf8ValidPerInvalid = 4;
// Controls (other than whitespace) above this percentage of the text's
// bytes mean binary content.
constexpr size_t kMaxControlPercent = 1;
// Minimum common-character share for a legacy decoding to be believed.
constexpr double kMinCommonShare = 0.5;
constexpr std::string_view kUtf8Bom("\xEF\xBB\xBF", 3);
constexpr std::string_view kUtf16LeBom("\xFF\xFE", 2);
constexpr std::string_view kUtf16BeBom("\xFE\xFF", 2);
constexpr std::string_view kUtf32LeBom("\xFF\xFE\0\0", 4);
constexpr std::string_view kUtf32BeBom("\0\0\xFE\xFF", 4);
// Output buffer of one ucnv_toUnicode call, in UTF-16 units.
constexpr size_t kChunkUnits = size_t{16} * 1024;

std::string Hex(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof(buf), "0x%02X", c);
  return buf;
}

struct ConvertFailure {
  uint64_t offset = 0;  // byte offset in the original input
  std::string reason;
};

struct UConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// Accumulates one piece per character: a character's source range runs
// from its offset to the next character's offset.
class PieceBuilder {
 public:
  PieceBuilder(std::string_view bytes, uint64_t base, DecodedText& out)
      : bytes_(bytes), base_(base), out_(out) {}

  void Add(UChar32 cp, uint64_t source_offset) {
    if (open_ && source_offset <= current_.source_begin) {
      // Several code points from one source character (HKSCS maps a few
      // codes to a base letter plus a combining mark): one piece.
      const size_t before = out_.text.size();
      utf8::Append(static_cast<char32_t>(cp), out_.text);
      current_.text_length += static_cast<uint32_t>(out_.text.size() - before);
      return;
    }
    if (open_) Close(source_offset);
    current_ = SourcePiece{};
    current_.text_begin = static_cast<uint32_t>(out_.text.size());
    current_.source_begin = source_offset;
    utf8::Append(static_cast<char32_t>(cp), out_.text);
    current_.text_length =
        static_cast<uint32_t>(out_.text.size() - current_.text_begin);
    open_ = true;
  }

  void Finish(uint64_t source_end) {
    if (open_) Close(source_end);
    open_ = false;
  }

 private:
  void Close(uint64_t next_source) {
    current_.source_length = next_source - current_.source_begin;
    const uint64_t rel = current_.source_begin - base_;
    current_.exact = current_.text_length == 1 && current_.source_length == 1 &&
                     rel < bytes_.size() &&
                     bytes_[rel] == out_.text[current_.text_begin];
    AppendPiece(out_.source_map, current_);
  }

  std::string_view bytes_;  // the converted bytes; bytes_[0] is at base_
  uint64_t base_;
  DecodedText& out_;
  SourcePiece current_;
  bool open_ = false;
};

// Converts `bytes` (which start at original offset `base`) with the ICU
// converter `icu_name`, stopping at the first illegal or unmappable
// sequence.  Appends to out.text and out.source_map.
bool Transcode(const char* icu_name, std::string_view bytes, uint64_t base,
               DecodedText& out, ConvertFailure& failure) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, UConverterCloser> cnv(
      ucnv_open(icu_name, &status));
  if (U_FAILURE(status)) {
    failure = {base, std::string("ICU converter ") + icu_name +
                         " unavailable: " + u_errorName(status)};
    return false;
  }
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr,
                      nullptr, &status);
  if (U_FAILURE(status)) {
    failure = {base, std::string("ICU: ") + u_errorName(status)};
    return false;
  }
  out.text.reserve(bytes.size() + bytes.size() / 2);
  std::vector<UChar> units(kChunkUnits);
  std::vector<int32_t> offsets(kChunkUnits);
  const char* const begin = bytes.data();
  const char* const limit = begin + bytes.size();
  const char* src = begin;
  PieceBuilder pieces(bytes, base, out);
  uint64_t last_offset = base;
  std::optional<UChar> lead;  // a high surrogate awaiting its pair
  uint64_t lead_offset = 0;
  for (;;) {
    UChar* target = units.data();
    const char* const chunk_src = src;
    UErrorCode err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &target, units.data() + units.size(), &src, limit,
                   offsets.data(), /*flush=*/true, &err);
    const size_t produced = static_cast<size_t>(target - units.data());
    for (size_t k = 0; k < produced; ++k) {
      // Units carried over from the previous call have offset -1: they
      // belong to the character before them.
      const uint64_t off =
          offsets[k] >= 0 ? base + static_cast<uint64_t>(chunk_src - begin) +
                                static_cast<uint64_t>(offsets[k])
                          : last_offset;
      last_offset = off;
      const UChar u = units[k];
      if (lead) {
        if (U16_IS_TRAIL(u)) {
          pieces.Add(U16_GET_SUPPLEMENTARY(*lead, u), lead_offset);
          lead.reset();
          continue;
        }
        pieces.Add(0xFFFD, lead_offset);  // unreachable in stop mode
        lead.reset();
      }
      if (U16_IS_LEAD(u)) {
        lead = u;
        lead_offset = off;
      } else if (U16_IS_TRAIL(u)) {
        pieces.Add(0xFFFD, off);  // unreachable in stop mode
      } else {
        pieces.Add(u, off);
      }
    }
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(err)) {
      char bad[32];
      int8_t bad_len = sizeof(bad);
      UErrorCode e2 = U_ZERO_ERROR;
      ucnv_getInvalidChars(cnv.get(), bad, &bad_len, &e2);
      if (U_FAILURE(e2)) bad_len = 0;
      const auto consumed = static_cast<uint64_t>(src - begin);
      failure.offset = base + consumed - static_cast<uint64_t>(bad_len);
      if (err == U_TRUNCATED_CHAR_FOUND) {
        failure.reason = "truncated sequence at end of file";
      } else {
        failure.reason = "invalid sequence";
        for (int8_t i = 0; i < bad_len; ++i) {
          failure.reason += ' ';
          failure.reason += Hex(static_cast<unsigned char>(bad[i]));
        }
      }
      return false;
    }
    break;
  }
  if (lead) pieces.Add(0xFFFD, lead_offset);  // unreachable in stop mode
  pieces.Finish(base + bytes.size());
  return true;
}

// Binary content in decoded text: a NUL, or too many other C0 controls.
Status CheckNotBinary(const DecodedText& d, const std::string& path) {
  size_t controls = 0;
  size_t first_control = 0;
  for (size_t i = 0; i < d.text.size(); ++i) {
    const auto c = static_cast<unsigned char>(d.text[i]);
    if (c >= 0x20) continue;
    if (c == 0) {
      return Status::InvalidArgument(path + ": binary content at byte " +
                                     std::to_string(MapBegin(d.source_map, i)) +
                                     " (NUL character)");
    }
    if (c >= '\t' && c <= '\r') continue;
    if (controls++ == 0) first_control = i;
  }
  if (controls * 100 > d.text.size() * kMaxControlPercent) {
    return Status::InvalidArgument(
        path + ": binary content at byte " +
        std::to_string(MapBegin(d.source_map, first_control)) +
        " (control character " +
        Hex(static_cast<unsigned char>(d.text[first_control])) + ")");
  }
  return Status::OK();
}

Status CheckSize(const DecodedText& d, const std::string& path) {
  if (d.text.size() > kMaxTextBytes) {
    return Status::ResourceExhausted(path + ": decoded text is " +
                                     std::to_string(d.text.size()) +
                                     " bytes, over the 4 GiB limit");
  }
  return Status::OK();
}

// UTF-16 without a BOM, judged by where the zero bytes are.
const char* SniffUtf16(std::string_view bytes) {
  const size_t n = std::min(bytes.size(), kUtf16SniffBytes) & ~size_t{1};
  const size_t units = n / 2;
  if (units == 0) return nullptr;
  size_t zero_even = 0;
  size_t zero_odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    zero_even += bytes[i] == '\0';
    zero_odd += bytes[i + 1] == '\0';
  }
  if (zero_odd * kUtf16MinZeroShare >= units &&
      zero_even * kUtf16ZeroRatio <= zero_odd) {
    return "UTF-16LE";
  }
  if (zero_even * kUtf16MinZeroShare >= units &&
      zero_odd * kUtf16ZeroRatio <= zero_even) {
    return "UTF-16BE";
  }
  return nullptr;
}

struct Utf8Evidence {
  size_t valid_multibyte = 0;
  size_t invalid = 0;
};

Utf8Evidence CountUtf8(std::string_view bytes) {
  Utf8Evidence ev;
  size_t pos = 0;
  for (;;) {
    const std::string_view rest = bytes.substr(pos);
    const std::optional<size_t> bad = utf8::FindInvalid(rest);
    const size_t valid_len = bad ? *bad : rest.size();
    for (size_t i = 0; i < valid_len; ++i) {
      ev.valid_multibyte += static_cast<unsigned char>(rest[i]) >= 0xC0;
    }
    if (!bad) return ev;
    ++ev.invalid;
    // Skip the bad lead byte and any continuation bytes after it.
    pos += *bad + 1;
    while (pos < bytes.size() &&
           (static_cast<unsigned char>(bytes[pos]) & 0xC0) == 0x80) {
      ++pos;
    }
  }
}

std::string DescribeInvalidUtf8(std::string_view bytes, size_t at) {
  const auto lead = static_cast<unsigned char>(bytes[at]);
  const size_t len = utf8::SequenceLength(lead);
  if (len > 1 && at + len > bytes.size()) {
    bool continuation = true;
    for (size_t i = at + 1; i < bytes.size(); ++i) {
      continuation &= (static_cast<unsigned char>(bytes[i]) & 0xC0) == 0x80;
    }
    if (continuation) return "truncated sequence at end of file";
  }
  std::string out = "unexpected byte";
  const size_t shown = std::min(bytes.size() - at, std::max<size_t>(len, 1));
  if (shown > 1) out += "s";
  for (size_t i = 0; i < shown; ++i) {
    out += ' ';
    out += Hex(static_cast<unsigned char>(bytes[at + i]));
  }
  return out;
}

enum class Legacy { kGb18030, kBig5 };

bool InRange(unsigned char c, unsigned char lo, unsigned char hi) {
  return c >= lo && c <= hi;
}

bool IsCommon(Legacy kind, unsigned char lead, unsigned char trail) {
  if (kind == Legacy::kGb18030) {
    // GB2312 punctuation / full-width forms, and level-1 hanzi.
    if (!InRange(trail, 0xA1, 0xFE)) return false;
    if (InRange(lead, 0xA1, 0xA3)) return true;
    if (InRange(lead, 0xB0, 0xD6)) return true;
    return lead == 0xD7 && trail <= 0xF9;
  }
  // Big5 punctuation and symbols, and frequent hanzi (A440-C67E).
  const bool trail_ok =
      InRange(trail, 0x40, 0x7E) || InRange(trail, 0xA1, 0xFE);
  if (!trail_ok) return false;
  if (InRange(lead, 0xA1, 0xC5)) return true;
  return lead == 0xC6 && trail <= 0x7E;
}

// Share of the multi-byte characters of `bytes` (parsed with the byte
// structure of `kind`) that are in the encoding's common block.
double CommonShare(std::string_view bytes, Legacy kind) {
  size_t total = 0;
  size_t common = 0;
  size_t i = 0;
  while (i + 1 < bytes.size()) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    const auto trail = static_cast<unsigned char>(bytes[i + 1]);
    ++total;
    if (kind == Legacy::kGb18030 && InRange(trail, 0x30, 0x39)) {
      i += 4;  // four-byte GB18030 sequence: never common
      continue;
    }
    common += IsCommon(kind, lead, trail);
    i += 2;
  }
  return total == 0 ? 0.0 : static_cast<double>(common) / total;
}

Result<DecodedText> DecodeWithBom(std::string_view bytes, size_t bom_len,
                                  const char* icu_name,
                                  const std::string& path) {
  if (bytes.size() == bom_len) {
    return Status::InvalidArgument(path +
                                   ": empty file (only a byte-order mark)");
  }
  DecodedText d;
  d.encoding = icu_name;
  ConvertFailure failure;
  if (!Transcode(icu_name, bytes.substr(bom_len), bom_len, d, failure)) {
    return Status::InvalidArgument(
        path + ": invalid " + icu_name + " at byte " +
        std::to_string(failure.offset) + " (" + failure.reason + ")");
  }
  TRIGON_RETURN_IF_ERROR(CheckSize(d, path));
  TRIGON_RETURN_IF_ERROR(CheckNotBinary(d, path));
  return d;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

Result<DecodedText> DecodeToUtf8(std::string_view bytes,
                                 std::string_view path_for_errors) {
  const std::string path(path_for_errors);
  if (bytes.empty()) return Status::InvalidArgument(path + ": empty file");
  if (bytes.size() > kMaxTextBytes) {
    return Status::ResourceExhausted(path + ": " +
                                     std::to_string(bytes.size()) +
                                     " bytes, over the 4 GiB limit");
  }

  // 2. Byte-order marks (UTF-32LE's starts like UTF-16LE's: test it first).
  if (StartsWith(bytes, kUtf8Bom)) {
    const std::string_view rest = bytes.substr(3);
    if (rest.empty()) {
      return Status::InvalidArgument(path +
                                     ": empty file (only a byte-order mark)");
    }
    if (const std::optional<size_t> bad = utf8::FindInvalid(rest)) {
      return Status::InvalidArgument(path + ": invalid UTF-8 at byte " +
                                     std::to_string(*bad + 3) + " (" +
                                     DescribeInvalidUtf8(rest, *bad) + ")");
    }
    DecodedText d;
    d.text.assign(rest);
    d.encoding = "UTF-8";
    d.source_map.push_back(
        {0, static_cast<uint32_t>(rest.size()), 3, rest.size(), true});
    TRIGON_RETURN_IF_ERROR(CheckNotBinary(d, path));
    return d;
  }
  if (StartsWith(bytes, kUtf32LeBom)) {
    return DecodeWithBom(bytes, 4, "UTF-32LE", path);
  }
  if (StartsWith(bytes, kUtf32BeBom)) {
    return DecodeWithBom(bytes, 4, "UTF-32BE", path);
  }
  if (StartsWith(bytes, kUtf16LeBom)) {
    return DecodeWithBom(bytes, 2, "UTF-16LE", path);
  }
  if (StartsWith(bytes, kUtf16BeBom)) {
    return DecodeWithBom(bytes, 2, "UTF-16BE", path);
  }

  // 3. UTF-16 without a BOM.
  if (const char* name = SniffUtf16(bytes)) {
    DecodedText d;
    d.encoding = name;
    ConvertFailure failure;
    if (Transcode(name, bytes, 0, d, failure) && CheckSize(d, path).ok() &&
        CheckNotBinary(d, path).ok()) {
      return d;
    }
  }

  // 4. NUL bytes.
  if (const size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    return Status::InvalidArgument(path + ": binary content at byte " +
                                   std::to_string(nul) + " (NUL byte)");
  }

  // 5. UTF-8.
  const std::optional<size_t> invalid = utf8::FindInvalid(bytes);
  if (!invalid) {
    DecodedText d;
    d.text.assign(bytes);
    d.encoding = "UTF-8";
    TRIGON_RETURN_IF_ERROR(CheckNotBinary(d, path));
    return d;
  }
  const std::string utf8_error = path + ": invalid UTF-8 at byte " +
                                 std::to_string(*invalid) + " (" +
                                 DescribeInvalidUtf8(bytes, *invalid);

  // 6. Damaged UTF-8.
  const Utf8Evidence ev = CountUtf8(bytes);
  if (ev.valid_multibyte >= kUtf8ValidPerInvalid * ev.invalid) {
    return Status::InvalidArgument(utf8_error + ")");
  }

  // 7. Legacy Chinese encodings.
  struct Candidate {
    const char* icu_name;
    const char* label;
    Legacy kind;
  };
  static constexpr Candidate kCandidates[] = {
      {"GB18030", "GB18030", Legacy::kGb18030},
      {"windows-950", "Big5", Legacy::kBig5},
      {"Big5-HKSCS", "Big5-HKSCS", Legacy::kBig5},
  };
  std::optional<DecodedText> best;
  double best_share = -1;
  bool big5_ok = false;
  for (const Candidate& c : kCandidates) {
    if (c.kind == Legacy::kBig5 && big5_ok) continue;  // HKSCS only as fallback
    DecodedText d;
    d.encoding = c.label;
    ConvertFailure failure;
    if (!Transcode(c.icu_name, bytes, 0, d, failure)) continue;
    if (!CheckSize(d, path).ok() || !CheckNotBinary(d, path).ok()) continue;
    if (c.kind == Legacy::kBig5) big5_ok = true;
    const double share = CommonShare(bytes, c.kind);
    if (share > best_share) {
      best_share = share;
      best = std::move(d);
    }
  }
  if (best && best_share >= kMinCommonShare) return std::move(*best);
  return Status::InvalidArgument(utf8_error +
                                 "; not GB18030 or Big5 text either)");
}

}  // namespace trigon::ingest
