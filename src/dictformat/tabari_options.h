#pragma once
// TABARI .options commands that change how PatternCoder codes (the TABARI
// manual, chapter 8):
//
//   COMPLEX: VERBS[n] CONJ[n] NOACTPRIOR     DEFAULT: SOURCE [X] TARGET [Y]
//   COMMA: MIN = n MAX = n EMIN = n ...      DEFAULT: OFF      COMMA: OFF
//   SET: CODE BY CLAUSE | CODE BY SENTENCE | CODE ALL
//   SET: CONVERT AGENT[S] = TRUE|FALSE      SET: MINIMUM WORDS = n
//   FORWARD: ... [OFF]   pronouns from the story's previous sentence
//
// Output, labelling and bookkeeping commands (OUTPUT:, LABEL:, SET: LABEL,
// ...) do not change events and are accepted and ignored.

#include <string>
#include <string_view>

#include "base/result.h"
#include "base/status.h"
#include "dictformat/pattern_coder.h"

namespace trigon::dictformat {

// Applies one command (an optional leading "OPTION:" is dropped).
// Errors: InvalidArgument quoting the line (a malformed COMPLEX, COMMA or
// DEFAULT command).
Status ApplyTabariOption(std::string_view line, PatternCoderOptions* options);

// Reads a .options file (`//` comments; stops at a line of `~`).  Errors:
// IOError, InvalidArgument with file:line.
Result<PatternCoderOptions> ReadTabariOptions(const std::string& path);

}  // namespace trigon::dictformat
