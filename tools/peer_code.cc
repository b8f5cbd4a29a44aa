// trigon code --dict-format tabari|petrarch (see peer_code.h).

#include "peer_code.h"

#include <fmt/core.h>

#include <cstdio>

#include "base/file_util.h"
#include "coding/coder.h"
#include "commands.h"
#include "dictformat/peer_coder.h"
#include "ingest/reader.h"
#include "pipeline/document_analyzer.h"

namespace trigon::tools {

int RunPeerCode(const PeerCodeArgs& args) {
  dictformat::PeerCoderConfig config;
  config.format = args.dict_format == "petrarch" ? dictformat::PeerFormat::kPetrarch
                                                 : dictformat::PeerFormat::kTabari;
  config.files.verbs = args.verbs;
  config.files.actors = args.actors;
  config.files.agents = args.agents;
  config.files.discards = args.discards;
  config.options_file = args.options;
  config.trigon_dict_dir = args.trigon_dict;
  std::vector<std::string> skipped_lines;
  auto coder = dictformat::OpenPeerCoder(config, args.skip_bad_lines ? &skipped_lines : nullptr);
  if (!coder.ok()) {
    fmt::print(stderr, "trigon code: {}\n", coder.status().ToString());
    return kExitFailure;
  }
  for (const std::string& line : skipped_lines) fmt::print(stderr, "skipped  {}\n", line);
  auto analyzer = pipeline::DocumentAnalyzer::Create();
  if (!analyzer.ok()) {
    fmt::print(stderr, "trigon code: {}\n", analyzer.status().ToString());
    return kExitFailure;
  }
  EventWriter writer(stdout, args.format);
  writer.Begin();
  int exit_code = skipped_lines.empty() ? kExitOk : kExitPartial;
  int64_t documents = 0;
  int64_t events = 0;
  const std::string origin = args.dict_format;
  auto code_document = [&](Result<model::Document> read) {
    if (!read.ok()) {
      fmt::print(stderr, "skipped  {}\n", read.status().message());
      exit_code = kExitPartial;
      return;
    }
    model::Document doc = std::move(read).value();
    (*analyzer)->Analyze(doc);
    ++documents;
    for (const model::Sentence& sentence : doc.sentences) {
      coding::SentenceInput in;
      in.text = std::string_view(doc.text).substr(sentence.span.begin, sentence.span.size());
      in.lang = sentence.lang;
      in.document_date = doc.date;
      in.sentence_offset = sentence.span.begin;
      for (model::Event& event : (*coder)->CodeSentence(in).events) {
        store::StoredEvent e;
        e.origin = origin;
        e.doc_id = doc.id;
        e.sentence = sentence.index;
        e.lang = sentence.lang;
        e.event = std::move(event);
        const model::Evidence& t = e.event.trigger;
        if (!t.span.empty()) {
          e.evidence.push_back({sentence.index, "trigger", sentence.span.begin + t.span.begin,
                                sentence.span.begin + t.span.end, t.text});
        }
        EventContext ctx;
        ctx.event = &e;
        ctx.doc = &doc;
        ctx.doc_label = doc.external_id.empty() ? doc.source_path : doc.external_id;
        ctx.sentence_text = std::string(in.text);
        writer.Write(ctx);
        ++events;
      }
    }
    std::fflush(stdout);
  };
  if (args.from_stdin) {
    std::string line;
    int64_t number = 0;
    for (int c; (c = std::getchar()) != EOF;) {
      if (c != '\n') {
        line.push_back(static_cast<char>(c));
        continue;
      }
      ++number;
      if (line.find_first_not_of(" \t\r") != std::string::npos) {
        ingest::ReadInputBytes(line, "stdin:" + std::to_string(number) + ".jsonl", {},
                               code_document);
      }
      line.clear();
    }
  } else {
    auto files = ExpandPaths(args.paths);
    if (!files.ok()) {
      fmt::print(stderr, "trigon code: {}\n", files.status().ToString());
      return kExitFailure;
    }
    for (const std::string& f : *files) ingest::ReadInputFile(f, {}, code_document);
  }
  if (!args.quiet) {
    fmt::print(stderr, "code: {} documents, {} events ({} dictionaries{})\n", documents, events,
               args.dict_format, args.trigon_dict.empty() ? "" : " + trigon");
  }
  return exit_code;
}

}  // namespace trigon::tools
