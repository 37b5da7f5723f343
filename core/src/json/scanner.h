#pragma once
// The scanner: JSON text (RFC 8259, as nlohmann/json reads it) turned into events for a handler, in one pass over
// the bytes with no allocation beyond a buffer for strings that hold escapes.
//
// Index of this file:
// [SECTION] Events      what the handler is called with, and what a scan ends with
// [SECTION] Bytes       whitespace, the string fast path (eight bytes at a time), UTF-8, escapes, numbers
// [SECTION] Scanner     the state machine of values, objects and arrays
//
// It accepts exactly the texts nlohmann's parser accepts (strict: one value, no comments, no trailing commas,
// UTF-8 validated in strings, an optional UTF-8 byte order mark) and gives the same events: integers that fit
// std::uint64_t (or, negative, std::int64_t) as integers, every other number as a fraction with its text as
// written. A text it refuses is one nlohmann refuses too; the caller asks nlohmann for its words (json::Reader
// does). tests/core/json/scanner_test.cpp holds the two to the same events on a corpus of tricky texts.
//
// A handler has:
//   bool on_null(); bool on_boolean(bool); bool on_integer(std::int64_t); bool on_unsigned(std::uint64_t);
//   bool on_fraction(std::string_view text); bool on_string(std::string_view text, std::string* buffer);
//   bool on_key(std::string_view name); bool on_begin(bool object); bool on_end(bool object);
// each returning false to stop the scan. A string's text lies in the source when it holds no escape (buffer is
// null), otherwise in `buffer`, which the handler may move from.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace parley::json {

// [SECTION] Events --------------------------------------------------------------------------------------------

enum class Scan : std::uint8_t {
  done,     // the text is one JSON value and every event was handled
  stopped,  // the handler stopped the scan
  refused,  // the text is not JSON (or nests deeper than max_scan_depth)
};

inline constexpr std::size_t max_scan_depth = 512;  // far beyond what a handler accepts (json::max_depth)

namespace scanner {

// [SECTION] Bytes ---------------------------------------------------------------------------------------------

inline bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

inline const char* skip_space(const char* p, const char* end) {
  while (p != end && is_space(*p)) ++p;
  return p;
}

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHigh = 0x8080808080808080ULL;

// Bit 7 of each byte of x that is '"', '\\', below 0x20 or from 0x80: the lowest one marks the first such byte
// (bits above it may be set wrongly by borrows, so only the lowest is used).
inline std::uint64_t special_bytes(std::uint64_t x) {
  const std::uint64_t quote = x ^ (kOnes * '"');
  const std::uint64_t backslash = x ^ (kOnes * '\\');
  const std::uint64_t zero_quote = (quote - kOnes) & ~quote;
  const std::uint64_t zero_backslash = (backslash - kOnes) & ~backslash;
  const std::uint64_t control = (x - kOnes * 0x20) & ~x;
  return (zero_quote | zero_backslash | control | x) & kHigh;
}

// The first byte at or after p that ends a plain run of a string: '"', '\\', a control character or a byte from
// 0x80; end when there is none.
inline const char* plain_run(const char* p, const char* end) {
  while (end - p >= 8) {
    std::uint64_t x;
    std::memcpy(&x, p, 8);
    if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap64(x);
    const std::uint64_t special = special_bytes(x);
    if (special != 0) return p + std::countr_zero(special) / 8;
    p += 8;
  }
  while (p != end) {
    const auto c = static_cast<unsigned char>(*p);
    if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) return p;
    ++p;
  }
  return end;
}

inline bool is_tail(const char* p, const char* end) {
  return p != end && (static_cast<unsigned char>(*p) & 0xC0) == 0x80;
}

// The length of the UTF-8 sequence at p (whose first byte is from 0x80), or 0 when none starts there: overlong
// forms, surrogates and code points above U+10FFFF are refused, as nlohmann refuses them.
inline std::size_t utf8_sequence(const char* p, const char* end) {
  const auto lead = static_cast<unsigned char>(p[0]);
  const auto second = [&] { return static_cast<unsigned char>(p[1]); };
  if (lead >= 0xC2 && lead <= 0xDF) return is_tail(p + 1, end) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (!is_tail(p + 1, end) || !is_tail(p + 2, end)) return 0;
    if (lead == 0xE0 && second() < 0xA0) return 0;
    if (lead == 0xED && second() > 0x9F) return 0;
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (!is_tail(p + 1, end) || !is_tail(p + 2, end) || !is_tail(p + 3, end)) return 0;
    if (lead == 0xF0 && second() < 0x90) return 0;
    if (lead == 0xF4 && second() > 0x8F) return 0;
    return 4;
  }
  return 0;
}

inline int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Four hex digits at p (p + 4 <= end checked by the caller), or -1.
inline long hex4(const char* p) {
  long v = 0;
  for (int i = 0; i < 4; ++i) {
    const int d = hex_digit(p[i]);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

inline void append_utf8(std::string& out, long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The rest of a string that holds an escape, from p (the first '\\'), appended to `out`; the position after the
// closing quote, or null when the string is not well-formed.
inline const char* escaped_rest(const char* p, const char* end, std::string& out) {
  while (true) {
    const char* run = plain_run(p, end);
    out.append(p, static_cast<std::size_t>(run - p));
    p = run;
    if (p == end) return nullptr;
    const auto c = static_cast<unsigned char>(*p);
    if (c == '"') return p + 1;
    if (c < 0x20) return nullptr;
    if (c >= 0x80) {
      const std::size_t n = utf8_sequence(p, end);
      if (n == 0) return nullptr;
      out.append(p, n);
      p += n;
      continue;
    }
    // a backslash
    if (end - p < 2) return nullptr;
    const char e = p[1];
    p += 2;
    switch (e) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '/': out += '/'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        if (end - p < 4) return nullptr;
        long cp = hex4(p);
        p += 4;
        if (cp < 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) return nullptr;
        if (cp >= 0xD800 && cp <= 0xDBFF) {  // a high surrogate: its low one must follow
          if (end - p < 6 || p[0] != '\\' || p[1] != 'u') return nullptr;
          const long low = hex4(p + 2);
          if (low < 0xDC00 || low > 0xDFFF) return nullptr;
          p += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, cp);
        break;
      }
      default:
        return nullptr;
    }
  }
}

}  // namespace scanner

// [SECTION] Scanner -------------------------------------------------------------------------------------------

// Scans `text` into `handler`; `buffer` holds the strings with escapes (its capacity is kept between strings).
template <class Handler>
Scan scan(std::string_view text, Handler& handler, std::string& buffer) {
  using namespace scanner;
  const char* p = text.data();
  const char* const end = p + text.size();
  if (p != end && static_cast<unsigned char>(*p) == 0xEF) {  // a byte order mark
    if (end - p < 3 || static_cast<unsigned char>(p[1]) != 0xBB || static_cast<unsigned char>(p[2]) != 0xBF) {
      return Scan::refused;
    }
    p += 3;
  }
  std::uint64_t objects[max_scan_depth / 64] = {};  // bit per open container: an object (1) or an array (0)
  std::size_t depth = 0;
  const auto in_object = [&] { return ((objects[(depth - 1) / 64] >> ((depth - 1) % 64)) & 1U) != 0; };

  // A string from p (after its opening quote): its text, or false. Plain strings are views of the source.
  std::string_view string;
  bool escaped = false;
  const auto read_string = [&]() -> bool {
    const char* start = p;
    const char* run = plain_run(p, end);
    while (run != end && static_cast<unsigned char>(*run) >= 0x80) {
      const std::size_t n = utf8_sequence(run, end);
      if (n == 0) return false;
      run = plain_run(run + n, end);
    }
    if (run == end) return false;
    if (*run == '"') {
      string = std::string_view(start, static_cast<std::size_t>(run - start));
      escaped = false;
      p = run + 1;
      return true;
    }
    if (*run != '\\') return false;  // a control character
    buffer.assign(start, static_cast<std::size_t>(run - start));
    const char* after = escaped_rest(run, end, buffer);
    if (after == nullptr) return false;
    string = buffer;
    escaped = true;
    p = after;
    return true;
  };

  p = skip_space(p, end);
value:
  if (p == end) return Scan::refused;
  switch (*p) {
    case '{':
      ++p;
      if (depth == max_scan_depth) return Scan::refused;
      objects[depth / 64] |= std::uint64_t{1} << (depth % 64);
      ++depth;
      if (!handler.on_begin(true)) return Scan::stopped;
      p = skip_space(p, end);
      if (p != end && *p == '}') {
        ++p;
        --depth;
        if (!handler.on_end(true)) return Scan::stopped;
        goto after_value;
      }
      goto key;
    case '[':
      ++p;
      if (depth == max_scan_depth) return Scan::refused;
      objects[depth / 64] &= ~(std::uint64_t{1} << (depth % 64));
      ++depth;
      if (!handler.on_begin(false)) return Scan::stopped;
      p = skip_space(p, end);
      if (p != end && *p == ']') {
        ++p;
        --depth;
        if (!handler.on_end(false)) return Scan::stopped;
        goto after_value;
      }
      goto value;
    case '"':
      ++p;
      if (!read_string()) return Scan::refused;
      if (!handler.on_string(string, escaped ? &buffer : nullptr)) return Scan::stopped;
      goto after_value;
    case 't':
      if (end - p < 4 || std::memcmp(p, "true", 4) != 0) return Scan::refused;
      p += 4;
      if (!handler.on_boolean(true)) return Scan::stopped;
      goto after_value;
    case 'f':
      if (end - p < 5 || std::memcmp(p, "false", 5) != 0) return Scan::refused;
      p += 5;
      if (!handler.on_boolean(false)) return Scan::stopped;
      goto after_value;
    case 'n':
      if (end - p < 4 || std::memcmp(p, "null", 4) != 0) return Scan::refused;
      p += 4;
      if (!handler.on_null()) return Scan::stopped;
      goto after_value;
    default: {
      // a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
      const char* start = p;
      const bool negative = *p == '-';
      if (negative) ++p;
      if (p == end || *p < '0' || *p > '9') return Scan::refused;
      std::uint64_t magnitude = 0;
      bool overflow = false;
      if (*p == '0') {
        ++p;
      } else {
        while (p != end && *p >= '0' && *p <= '9') {
          const auto digit = static_cast<std::uint64_t>(*p - '0');
          if (magnitude > (UINT64_MAX - digit) / 10) overflow = true;
          magnitude = magnitude * 10 + digit;
          ++p;
        }
      }
      bool fraction = false;
      if (p != end && *p == '.') {
        fraction = true;
        ++p;
        if (p == end || *p < '0' || *p > '9') return Scan::refused;
        while (p != end && *p >= '0' && *p <= '9') ++p;
      }
      if (p != end && (*p == 'e' || *p == 'E')) {
        fraction = true;
        ++p;
        if (p != end && (*p == '+' || *p == '-')) ++p;
        if (p == end || *p < '0' || *p > '9') return Scan::refused;
        while (p != end && *p >= '0' && *p <= '9') ++p;
      }
      bool go_on = true;
      constexpr std::uint64_t kLowest = std::uint64_t{1} << 63;  // the magnitude of INT64_MIN
      if (fraction || overflow || (negative && magnitude > kLowest)) {
        go_on = handler.on_fraction(std::string_view(start, static_cast<std::size_t>(p - start)));
      } else if (negative) {
        go_on = handler.on_integer(magnitude == kLowest ? INT64_MIN : -static_cast<std::int64_t>(magnitude));
      } else {
        go_on = handler.on_unsigned(magnitude);
      }
      if (!go_on) return Scan::stopped;
      goto after_value;
    }
  }

key:
  // in an object, after '{' or ',' and whitespace: a member's name, ':' and its value
  if (p == end || *p != '"') return Scan::refused;
  ++p;
  if (!read_string()) return Scan::refused;
  if (!handler.on_key(string)) return Scan::stopped;
  p = skip_space(p, end);
  if (p == end || *p != ':') return Scan::refused;
  ++p;
  p = skip_space(p, end);
  goto value;

after_value:
  if (p != end && is_space(*p)) p = skip_space(p, end);
  if (depth == 0) return p == end ? Scan::done : Scan::refused;
  if (p == end) return Scan::refused;
  if (*p == ',') {
    ++p;
    if (p != end && is_space(*p)) p = skip_space(p, end);
    if (in_object()) goto key;
    goto value;
  }
  if (*p == (in_object() ? '}' : ']')) {
    const bool object = *p == '}';
    ++p;
    --depth;
    if (!handler.on_end(object)) return Scan::stopped;
    goto after_value;
  }
  return Scan::refused;
}

}  // namespace parley::json
