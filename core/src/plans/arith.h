#pragma once
// Integer helpers of the plan rules: exact products in 128 bits, divisions rounded half-to-even or up.
//
// Index of this file:
// [SECTION] Rounding
#include <cstdint>

namespace parley::plans::detail {

// [SECTION] Rounding ------------------------------------------------------------------------------------------

__extension__ typedef __int128 Wide;  // products of an amount, a rate and a time; GCC and Clang (wasm too)

// num / den rounded half to even; num >= 0, den > 0.
inline std::int64_t div_half_even(std::int64_t num, std::int64_t den) {
  const std::int64_t q = num / den;
  const std::int64_t r = num % den;
  if (2 * r > den || (2 * r == den && (q & 1) != 0)) return q + 1;
  return q;
}

// Wide num / den rounded half to even; num >= 0, den > 0, the quotient fits in 64 bits.
inline std::int64_t div_half_even_wide(Wide num, std::int64_t den) {
  const Wide q = num / den;
  const Wide r = num % den;
  Wide result = q;
  if (2 * r > den || (2 * r == den && (q & 1) != 0)) result = q + 1;
  return static_cast<std::int64_t>(result);
}

// a / b rounded up; a >= 0, b > 0.
inline std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return a / b + (a % b != 0 ? 1 : 0); }

// amount x bp / 10000 rounded up: a share of an amount that never falls under the share.
inline std::int64_t share_up(std::int64_t amount, std::int64_t bp) {
  if (amount <= 0 || bp <= 0) return 0;
  const Wide num = static_cast<Wide>(amount) * bp;
  const Wide q = num / 10000;
  return static_cast<std::int64_t>(num % 10000 != 0 ? q + 1 : q);
}

}  // namespace parley::plans::detail
