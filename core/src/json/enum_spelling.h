#pragma once
// Enumerations in their JSON spellings: one table per enumeration, checked at compile time against the
// enumeration itself, and the lists of spellings that problem messages quote.
//
// Index of this file:
// [SECTION] Enumerators   how many values an enumeration has, found by the compiler
// [SECTION] Spellings     a table of one spelling per enumerator (and an older spelling still read)
// [SECTION] Messages      "one of "a", "b", "c"" and ""a", "b" or "c"" from to_string(E)
//
// A table is written in the enumeration's order, one entry per enumerator:
//
//   constexpr auto kObservances = json::spellings<Observance>({{Observance::none, "none"},
//                                                              {Observance::nearest_weekday, "nearest-weekday",
//                                                               "nearest_weekday"},
//                                                              {Observance::substitute, "substitute"}});
//
// The build fails when an enumerator is added without its entry, when an entry is left over, or when the
// entries are out of order; the counting needs no sentinel enumerator and no hand-written count.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "json_text.h"

namespace parley::json {

// [SECTION] Enumerators ---------------------------------------------------------------------------------------

// Enumerators are looked for among the values 0..max_enumerator.
inline constexpr int max_enumerator = 63;

namespace detail {

// The compiler's own name for this function, which spells V as an enumerator's name when V is one
// ("V = parley::Observance::none") and as a cast otherwise ("V = (parley::Observance)7"), in g++ and clang.
template <auto V>
constexpr std::string_view signature() {
  return __PRETTY_FUNCTION__;
}

template <auto V>
constexpr bool is_enumerator() {
  constexpr std::string_view s = signature<V>();
  constexpr std::size_t at = s.find("V = ");
  static_assert(at != std::string_view::npos, "the compiler does not name template arguments as expected");
  return s[at + 4] != '(';
}

enum class Probe { only };  // checks that the two spellings above are told apart by this compiler
static_assert(is_enumerator<Probe::only>() && !is_enumerator<static_cast<Probe>(1)>(),
              "the compiler does not name enumerators as expected");

template <class E, int... I>
constexpr std::size_t count_enumerators(std::integer_sequence<int, I...>) {
  return (std::size_t{0} + ... + (is_enumerator<static_cast<E>(I)>() ? 1 : 0));
}

template <class E, int... I>
constexpr auto list_enumerators(std::integer_sequence<int, I...>) {
  constexpr std::size_t n = count_enumerators<E>(std::integer_sequence<int, I...>{});
  std::array<E, n> out{};
  std::size_t k = 0;
  ((is_enumerator<static_cast<E>(I)>() ? (out[k++] = static_cast<E>(I), 0) : 0), ...);
  return out;
}

}  // namespace detail

// How many enumerators E has among 0..max_enumerator.
template <class E>
constexpr std::size_t enumerator_count() {
  static_assert(std::is_enum_v<E>);
  return detail::count_enumerators<E>(std::make_integer_sequence<int, max_enumerator + 1>{});
}

// The enumerators of E in increasing order.
template <class E>
constexpr std::array<E, enumerator_count<E>()> enumerators() {
  return detail::list_enumerators<E>(std::make_integer_sequence<int, max_enumerator + 1>{});
}

// [SECTION] Spellings -----------------------------------------------------------------------------------------

template <class E>
struct Spelling {
  E value;
  std::string_view text;         // written, and read
  std::string_view older = {};   // an earlier spelling, still read, never written
};

template <class E, std::size_t N>
class Spellings {
 public:
  // Compiles only when the entries are the enumerators of E, each once, in order.
  consteval explicit Spellings(const Spelling<E> (&entries)[N]) {
    constexpr auto values = enumerators<E>();
    static_assert(N == values.size(), "a spelling table needs exactly one entry per enumerator");
    for (std::size_t i = 0; i < N; ++i) {
      if (entries[i].value != values[i]) throw "spelling table entries must follow the enumeration's order";
      if (entries[i].text.empty()) throw "every enumerator needs a spelling";
      entries_[i] = entries[i];
    }
    for (std::size_t i = 0; i < N; ++i) {
      for (std::size_t k = 0; k < N; ++k) {
        if (entries_[i].text == entries_[k].text && i != k) throw "two enumerators are spelt alike";
        if (!entries_[i].older.empty() && entries_[i].older == entries_[k].text) throw "an older spelling is in use";
      }
    }
  }

  static constexpr std::size_t size() { return N; }

  // The spelling of `value`; "?" only for a value cast from outside the enumeration.
  constexpr std::string_view text(E value) const {
    const auto at = static_cast<long long>(value) - static_cast<long long>(entries_[0].value);
    return at >= 0 && at < static_cast<long long>(N) ? entries_[static_cast<std::size_t>(at)].text
                                                      : std::string_view("?");
  }

  // The enumerator spelt `text` (or, for an older spelling, still read).
  constexpr std::optional<E> parse(std::string_view text) const {
    for (const Spelling<E>& e : entries_) {
      if (e.text == text || (!e.older.empty() && e.older == text)) return e.value;
    }
    return std::nullopt;
  }

 private:
  std::array<Spelling<E>, N> entries_{};
};

template <class E, std::size_t N>
consteval Spellings<E, N> spellings(const Spelling<E> (&entries)[N]) {
  return Spellings<E, N>(entries);
}

// [SECTION] Messages ------------------------------------------------------------------------------------------

// ""a", "b", "c"": every spelling of E, from to_string(E), quoted, in the enumeration's order.
template <class E>
std::string spelling_list(std::string_view last_separator = ", ") {
  constexpr auto values = enumerators<E>();
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += i + 1 == values.size() ? last_separator : std::string_view(", ");
    out += json_text::quoted(to_string(values[i]));
  }
  return out;
}

// "one of "a", "b", "c"".
template <class E>
std::string one_of() {
  return "one of " + spelling_list<E>();
}

// ""a", "b" or "c"".
template <class E>
std::string either() {
  return spelling_list<E>(" or ");
}

}  // namespace parley::json
