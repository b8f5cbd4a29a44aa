#pragma once
// A coding::Coder over peer dictionaries: TABARI or PETRARCH-2 files coded
// by PatternCoder, optionally combined with Trigon's own dictionaries (the
// Trigon coder codes its own events, PatternCoder codes the peer verbs with
// every actor of both).  What `trigon code --dict-format tabari|petrarch`
// runs.
//
//   PeerCoderConfig config;
//   config.format = PeerFormat::kTabari;
//   config.files.verbs = "TABARI.Demo.verbs";
//   config.files.actors = {"TABARI.Demo.actors"};
//   TRIGON_ASSIGN_OR_RETURN(auto coder, OpenPeerCoder(config));
//   coding::SentenceResult r = coder->CodeSentence(input);

#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "coding/coder.h"
#include "dictformat/pattern_coder.h"
#include "dictformat/tabari_reader.h"

namespace trigon::dictformat {

enum class PeerFormat { kTabari, kPetrarch };

struct PeerCoderConfig {
  PeerFormat format = PeerFormat::kTabari;
  PeerDictionaryFiles files;
  // A TABARI .options file (COMPLEX, COMMA, DEFAULT, CODE BY ...); "" for
  // PatternCoderOptions' defaults.
  std::string options_file;
  // Trigon's dictionary folder (data/dict) to combine with; "" for none.
  std::string trigon_dict_dir;
};

// Loads, validates and compiles.  Errors: those of the readers (file:line),
// of ReadTabariOptions, of LoadTrigonDictionaries and of the compilers.
// With `skipped`, malformed verb, pattern, actor and agent lines of the peer
// files (the shipped CAMEO and Phoenix dictionaries have a few dozen) are
// left out and listed there as "file:line: what" instead.
Result<std::unique_ptr<coding::Coder>> OpenPeerCoder(const PeerCoderConfig& config,
                                                     std::vector<std::string>* skipped = nullptr);

// Merges `extra` into `base` (actors, agents, verbs, events, cues, nouns,
// adjectives, discards), for combined dictionaries.
void AppendDictionaries(const coding::DictionarySet& extra, coding::DictionarySet* base);

}  // namespace trigon::dictformat
