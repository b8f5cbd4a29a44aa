#pragma once
// A coded political event: source actor -> target actor, a CAMEO code, how
// sure the text is that it happened (modality), when, and the evidence that
// cites the sentence it came from.
//
// Conventions (docs/design.md): CAMEO codes are strings (leading zeros
// matter); actor codes are full CAMEO codes (USAGOV, CHNMIL, IGOEUREEC);
// the quad class follows GDELT unless stated.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/document.h"

namespace trigon::model {

enum class Modality {
  kAsserted,      // the text says it happened (or is happening)
  kNegated,       // "did not meet", 没有制裁
  kHypothetical,  // "if ... sanctions", "could", 可能, 若
  kAdvocated,     // "should", "must", 应该: someone wants it to happen
  kFuture,        // "will visit", 将于下周访问
  kHistorical,    // an event dated more than about a year before the document
};

// "asserted", "negated", ...
std::string_view ModalityName(Modality m);
// Inverse of ModalityName; false for an unknown name.
bool ParseModality(std::string_view name, Modality* m);

// Where Event::date came from.
enum class DateBasis {
  kText,      // a date expression in the sentence, resolved
  kDocument,  // the document's publication date
  kNone,      // no date known
};
std::string_view DateBasisName(DateBasis b);

// A piece of evidence: bytes [span.begin, span.end) of the sentence (not of
// the document; add Event::sentence_offset for document offsets) and the
// text it covers.
struct Evidence {
  Span span;
  std::string text;
};

struct Event {
  std::string source;  // full actor code, e.g. "USAGOV"
  std::string target;
  std::string source_country;  // "USA"; for IGOs the organisation code
  std::string target_country;
  std::string code;        // CAMEO event code, e.g. "0841"
  std::string root;        // its two-digit root, e.g. "08"
  int quad_class = 0;      // GDELT convention, 1..4 (QuadClassGdelt)
  double goldstein = 0.0;  // GDELT's Goldstein weight for `code`
  Modality modality = Modality::kAsserted;
  std::optional<std::string> date;  // YYYY-MM-DD; YYYY-MM or YYYY when the
                                    // text gives only a month or a year
  DateBasis date_basis = DateBasis::kNone;
  uint32_t sentence_offset = 0;  // byte offset of the sentence in the document
  Evidence trigger;
  Evidence source_evidence;
  Evidence target_evidence;
  uint32_t mentions = 1;
};

// The two-digit root of a CAMEO code ("0841" -> "08"); "" if `code` is not
// 2-4 digits.
std::string RootCode(std::string_view code);

// GDELT: roots 01-05 -> 1 (verbal cooperation), 06-09 -> 2 (material
// cooperation), 10-14 -> 3 (verbal conflict), 15-20 -> 4 (material
// conflict).  0 for an invalid root.
int QuadClassGdelt(std::string_view root);

// ICEWS / Phoenix (phoenix_pipeline postprocess.py): 01-02 -> 0 (neutral),
// 03-05 -> 1, 06-08 -> 2, 09-13 and 16 -> 3, 14-15 and 17-20 -> 4.  -1 for
// an invalid root.
int QuadClassPhoenix(std::string_view root);

}  // namespace trigon::model
