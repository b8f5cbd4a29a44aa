#pragma once
// GDELT's Goldstein weight for a CAMEO code (the table Trigon pins; it is
// generated into goldstein_table.inc and data/cameo/goldstein.txt by
// scripts/gen_goldstein.py).

#include <optional>
#include <string_view>

namespace trigon::coding {

// The weight of `code` in [-10, 10].  A code missing from the table (a
// 4-digit code GDELT does not list) takes the weight of its 3-digit parent,
// then of its root; nullopt if none is listed.
std::optional<double> GoldsteinScale(std::string_view code);

}  // namespace trigon::coding
