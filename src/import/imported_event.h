#pragma once
// ImportedEvent: one event read from an external event file (GDELT, ICEWS,
// a generic CSV), with what identifies it there.

#include <cstdint>
#include <string>

#include "model/event.h"

namespace trigon::import {

struct ImportedEvent {
  model::Event event;       // modality kAsserted: the sources have none
  std::string external_id;  // the file's own event id, or a content hash
  uint64_t line = 0;        // 1-based line where the row starts
};

}  // namespace trigon::import
