#pragma once
// What core's JSON readers share: the largest integer kept exact, and where in a text an error is.
//
// Index of this file:
// [SECTION] Limits      the largest amount a JSON integer carries exactly
// [SECTION] Positions   byte offset -> line and column, as people look for them in an editor
// [SECTION] Syntax      a JSON syntax error as a Problem at "line L, column C"
// [SECTION] Messages    texts and enumeration spellings quoted in problem messages

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <optional>
#include <string>
#include <utility>

#include "parley/problem.h"

namespace parley::json_text {

// [SECTION] Limits --------------------------------------------------------------------------------------------

// 2^53 - 1: the largest integer every JSON reader (JavaScript's included) keeps exact. Amounts beyond it are
// refused so that no host rounds an amount it receives.
inline constexpr std::int64_t max_exact_integer = 9007199254740991;

// [SECTION] Positions -----------------------------------------------------------------------------------------

// (line, column) of the byte at `offset` (0-based), both 1-based; a column counts bytes. Offsets past the end
// give the position just after the last byte.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset);

// [SECTION] Syntax --------------------------------------------------------------------------------------------

// The problem for a syntax error nlohmann reports at `position` (characters read, the offending one included)
// with its exception text: path "line L, column C", message the parser's reason, cut short if it quotes a long
// stretch of the text.
Problem syntax_problem(std::string_view text, std::size_t position, std::string_view parser_message,
                       std::size_t first_line = 1);

// The syntax error nlohmann's parser finds in `text`, as syntax_problem states it (lines counted from
// `first_line`, for a line of JSON Lines); nullopt when `text` is JSON.
std::optional<Problem> find_syntax_error(std::string_view text, std::size_t first_line = 1);


// [SECTION] Messages ------------------------------------------------------------------------------------------

// `text` as a JSON string for a message: quoted and escaped, cut after 64 bytes (never inside a character) with
// "..." before the closing quote.
std::string quoted(std::string_view text);

// "one of "a", "b", "c"" for an enumeration E whose `count` enumerators are 0..count-1 with to_string(E).
template <class E>
std::string one_of_spellings(int count) {
  std::string out = "one of ";
  for (int i = 0; i < count; ++i) {
    if (i > 0) out += ", ";
    out += quoted(to_string(static_cast<E>(i)));
  }
  return out;
}

}  // namespace parley::json_text
