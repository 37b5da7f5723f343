#pragma once
// Command-line options of the native programs (parley-desktop, parley-server and the parley CLI's commands): one
// parser, so every program reads `--name VALUE` and `--name=VALUE` alike and reports each mistake naming its flag:
//   --port: expected a number from 0 to 65535, got "abc"
//   --journal: needs a value
//   unknown option --foo
//
// Index of this file:
// [SECTION] Values   words for a value that does not fit; whole numbers
// [SECTION] Parser   the options a program takes and where their values go
//
// A program declares its options on an OptionParser, each bound to the setting it fills, then parses its
// arguments once: every problem comes back as a value, in argument order (path: the flag, or empty when the
// message names the argument itself), and nothing is printed. Values may begin with '-' ("--seed -1" is the seed
// "-1", reported as such); a lone "-" is a positional argument.

#include <charconv>
#include <concepts>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "parley/problem.h"

namespace parley::host {

// [SECTION] Values --------------------------------------------------------------------------------------------

// The message for a value that does not fit: `expected WHAT, got "VALUE"`.
std::string expected(std::string_view what, std::string_view value);

// What a whole number in [lo, hi] is called in messages: "a number from 0 to 65535"; when `hi` is the type's
// largest value, "a whole number" (from 0 or the type's smallest), "a positive whole number" (from 1) or "a whole
// number from 5".
template <std::integral Int>
std::string number_words(Int lo, Int hi) {
  if (hi == std::numeric_limits<Int>::max()) {
    if (lo == 1) return "a positive whole number";
    if (lo == 0 || lo == std::numeric_limits<Int>::min()) return "a whole number";
    return "a whole number from " + std::to_string(lo);
  }
  return "a number from " + std::to_string(lo) + " to " + std::to_string(hi);
}

// `text` as a whole decimal number in [lo, hi]: digits only (with a leading '-' for signed types), nothing around
// them; nullopt otherwise, and when it does not fit in Int.
template <std::integral Int>
std::optional<Int> parse_number(std::string_view text, Int lo = std::numeric_limits<Int>::min(),
                                Int hi = std::numeric_limits<Int>::max()) {
  Int value{};
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc{} || ptr != end || value < lo || value > hi) return std::nullopt;
  return value;
}

// Sets `out` when `text` is a whole number in [lo, hi]; otherwise leaves it and returns the message
// (`expected a number from 0 to 65535, got "abc"`). For settings outside the command line too (PARLEY_PORT).
template <std::integral Int>
std::optional<std::string> read_number(std::string_view text, Int& out, Int lo = std::numeric_limits<Int>::min(),
                                       Int hi = std::numeric_limits<Int>::max()) {
  if (const std::optional<Int> value = parse_number<Int>(text, lo, hi)) {
    out = *value;
    return std::nullopt;
  }
  return expected(number_words<Int>(lo, hi), text);
}

// [SECTION] Parser --------------------------------------------------------------------------------------------

class OptionParser {
 public:
  // Turns an option's value into its setting: nullopt when taken, else why not, without the flag (the parser
  // adds it): "expected phone, sms, email, letter or in-person, got \"fax\"".
  using Reader = std::function<std::optional<std::string>(const std::string& value)>;

  OptionParser& flag(std::string name, bool& out);    // takes no value: present sets `out` to true
  OptionParser& value(std::string name, Reader read);  // takes a value, given to `read`
  // Takes a text value into `out`; an empty one is refused ("must not be empty") unless `may_be_empty`.
  OptionParser& text(std::string name, std::string& out, bool may_be_empty = false);
  OptionParser& text(std::string name, std::optional<std::string>& out);  // the same, never empty; unset if absent
  template <std::integral Int>
  OptionParser& number(std::string name, Int& out, Int lo = std::numeric_limits<Int>::min(),
                       Int hi = std::numeric_limits<Int>::max()) {
    return value(std::move(name),
                 [&out, lo, hi](const std::string& v) { return read_number<Int>(v, out, lo, hi); });
  }
  // Takes a value that `from_text` turns into the setting: from_text(value) gives an optional of it, nullopt when
  // the value does not fit, which is reported as `expected WHAT, got "VALUE"` (`what`: "a date YYYY-MM-DD").
  template <class T, class FromText>
  OptionParser& parsed(std::string name, T& out, std::string what, FromText from_text) {
    return value(std::move(name), [&out, what = std::move(what), from_text](const std::string& v) {
      std::optional<std::string> why;
      if (auto read = from_text(v)) {
        out = std::move(*read);
      } else {
        why = expected(what, v);
      }
      return why;
    });
  }
  OptionParser& alias(std::string short_name, std::string name);  // "-h" means "--help"
  // One argument that is not an option, kept in `out`; `what` names it in the message for a second one
  // ("expected one REQUEST.json, got a second: \"b.json\""). Without it, any such argument is unexpected.
  OptionParser& positional(std::string what, std::optional<std::string>& out);

  // Reads `args` (without the program name) into the bound settings; every problem, in argument order.
  Problems parse(std::span<const std::string> args) const;
  Problems parse(int argc, const char* const* argv) const;  // argv[1] .. argv[argc - 1]

 private:
  struct Option {
    std::string name;  // "--port"
    bool* flag = nullptr;  // set for a flag, which takes no value
    Reader read;       // set for an option with a value
  };
  const Option* find(std::string_view name) const;

  std::vector<Option> options_;
  std::vector<std::pair<std::string, std::string>> aliases_;  // short name, option name
  std::string positional_what_;
  std::optional<std::string>* positional_ = nullptr;
};

}  // namespace parley::host
