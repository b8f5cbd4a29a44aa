#include "model/document.h"

#include <algorithm>

namespace trigon::model {

const char* RemovalReasonName(RemovalReason reason) {
  switch (reason) {
    case RemovalReason::kFrontMatter: return "front_matter";
    case RemovalReason::kDuplicate: return "duplicate";
    case RemovalReason::kAdPlaceholder: return "ad_placeholder";
    case RemovalReason::kImagePlaceholder: return "image_placeholder";
    case RemovalReason::kCaption: return "caption";
    case RemovalReason::kRecommendations: return "recommendations";
    case RemovalReason::kCommentSection: return "comment_section";
    case RemovalReason::kEndnotes: return "endnotes";
    case RemovalReason::kBoilerplate: return "boilerplate";
    case RemovalReason::kNavigation: return "navigation";
    case RemovalReason::kMarkup: return "markup";
  }
  return "unknown";
}

uint64_t SourceOffset(const Document& doc, uint32_t text_offset) {
  if (doc.source_map.empty()) return text_offset;
  // Last piece whose text_begin <= text_offset.
  auto it = std::upper_bound(
      doc.source_map.begin(), doc.source_map.end(), text_offset,
      [](uint32_t off, const SourcePiece& p) { return off < p.text_begin; });
  if (it == doc.source_map.begin()) return doc.source_map.front().source_begin;
  --it;
  const uint32_t delta = text_offset - it->text_begin;
  if (it->exact) return it->source_begin + std::min<uint64_t>(delta, it->source_length);
  return delta >= it->text_length ? it->source_begin + it->source_length
                                  : it->source_begin;
}

}  // namespace trigon::model
