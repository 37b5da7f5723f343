#pragma once
// What core's JSON readers share: the largest integer kept exact, and where in a text an error is.
//
// Index of this file:
// [SECTION] Limits      the largest amount a JSON integer carries exactly
// [SECTION] Positions   byte offset -> line and column, as people look for them in an editor

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

namespace parley::json_text {

// [SECTION] Limits --------------------------------------------------------------------------------------------

// 2^53 - 1: the largest integer every JSON reader (JavaScript's included) keeps exact. Amounts beyond it are
// refused so that no host rounds an amount it receives.
inline constexpr std::int64_t max_exact_integer = 9007199254740991;

// [SECTION] Positions -----------------------------------------------------------------------------------------

// (line, column) of the byte at `offset` (0-based), both 1-based; a column counts bytes. Offsets past the end
// give the position just after the last byte.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset);

}  // namespace parley::json_text
