#pragma once
// Field tables: for each type of a JSON format, its members (name, presence, how the value is read and written),
// from which json::Reader streams text into typed values and json::write writes canonical text.
//
// Index of this file:
// [SECTION] Values      a scalar as the parser hands it over; the wording of the problems a codec reports
// [SECTION] Codecs      how one value is read and written: scalars, objects, arrays, optionals
// [SECTION] Objects     members and object types: presence, variants (kinds), checks across members
// [SECTION] Builders    constexpr makers of codecs and members, checked against the C++ types
// [SECTION] Writing     canonical text from a table
//
// A format declares, next to its loader, one constexpr table per type, leaves first:
//
//   constexpr auto kDate = json::date({"must be a string", "must be a date \"YYYY-MM-DD\""});
//   constexpr json::Member kSettlementMembers[] = {
//       json::member<&SettlementTerms::amount>("amount", kAmount),
//       json::member<&SettlementTerms::payments>("payments", kSmall, json::optional_member), ...};
//   constexpr json::ObjectType kSettlementType = json::object_type(kSettlementMembers, kWords);
//   constexpr auto kSettlement = json::object<SettlementTerms>(kSettlementType, {"must be an object"});
//
// Wording belongs to each format (its documented messages), so codecs carry their words; what a problem says
// about a value is never decided by the reader. Tables are constant data: reading walks them, never copies them.

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "json_writer.h"
#include "parley/date.h"
#include "parley/money.h"

namespace parley::json {

class Reader;

// [SECTION] Values --------------------------------------------------------------------------------------------

// One JSON value as a codec's read sees it. Objects and arrays arrive only as their kind (their content is
// streamed to the codecs of their members and elements), so a scalar codec reports a container as a mismatch.
struct Scalar {
  enum class Kind : std::uint8_t { null, boolean, integer, too_large, fraction, string, object, array };
  Kind kind = Kind::null;
  bool boolean = false;
  std::int64_t integer = 0;     // integer
  std::uint64_t large = 0;      // too_large: an integer above 2^63 - 1
  std::string* text = nullptr;  // string: the parser's buffer, which a read may move from
  std::string_view number = {}; // fraction: the number as written
};

// What a codec's problems say. Every message is a sentence's predicate, shown after the value's path.
struct Words {
  std::string_view mismatch;       // the value has the wrong JSON type ("must be a string"); empty: as invalid
  std::string_view invalid = {};   // right type, refused content ("must be a date \"YYYY-MM-DD\"")
  bool got = false;                // invalid and range problems end with ", got <the value>"
  std::string_view empty = {};     // an empty string is refused with this; empty: "" is read like other text
  std::string_view noun = {};      // integers: "a month" in "must be a month between 1 and 12"
  std::string (*say)(std::string_view got) = nullptr;  // spellings: builds the invalid problem from the text
};

// [SECTION] Codecs --------------------------------------------------------------------------------------------

struct ObjectType;

enum class Form : std::uint8_t { scalar, constant, object, array, optional };

// How one value is read and written. Codecs are built by the makers below and referred to by address.
struct Codec {
  Form form = Form::scalar;
  Words words;
  // scalar, constant: reads `value` into `target` (null for a constant); false when the value was refused (a
  // problem was reported). An element refused in an array of scalars is not kept.
  bool (*read)(Reader&, const Codec&, void* target, Scalar& value) = nullptr;
  void (*write)(JsonWriter&, const Codec&, const void* value) = nullptr;
  std::int64_t low = 0;             // integers: the accepted range
  std::int64_t high = 0;
  std::string_view constant = {};   // constant: the one accepted string ("parley.calendar/1")
  // object
  const ObjectType* object = nullptr;
  // array: elements read with `element`; optional: the value read with `element` once engaged
  const Codec* element = nullptr;
  void* (*push)(void* vector) = nullptr;  // appends a default element, gives it
  void (*pop)(void* vector) = nullptr;
  void (*clear)(void* vector) = nullptr;
  std::size_t (*size)(const void* vector) = nullptr;
  const void* (*at)(const void* vector, std::size_t index) = nullptr;
  bool (*repeats)(const void* vector) = nullptr;  // the last element equals an earlier one: "is listed twice"
  std::size_t max_elements = SIZE_MAX;            // elements after these are not read (see `end`)
  void (*end)(Reader&, const Codec&, void* vector, std::size_t count) = nullptr;  // checks of the whole array
  // optional
  void* (*engage)(void* optional) = nullptr;             // emplaces a value, gives it
  void (*reset)(void* optional) = nullptr;
  const void* (*value)(const void* optional) = nullptr;  // the value, or null when empty
  bool nullable = false;  // null reads as empty and empty writes as null; otherwise empty is left out
};

// A codec for values of type V: members check their field's type against it.
template <class V>
struct CodecOf {
  Codec codec;
};

// [SECTION] Objects -------------------------------------------------------------------------------------------

inline constexpr std::uint32_t every_kind = 0xFFFFFFFF;

// One member of an object type. Variant types (a rule whose "kind" decides its other members) say for each
// member the kinds that may have it and the kinds that must.
struct Member {
  std::string_view name;
  const Codec* codec = nullptr;
  void* (*field)(void* object) = nullptr;  // where the value goes; null for a constant ("format")
  const void* (*view)(const void* object) = nullptr;  // the same field, for writing
  std::uint32_t kinds = every_kind;        // bit k: objects of kind k may have it
  std::uint32_t required = every_kind;     // bit k: objects of kind k must have it; 0: optional
  std::string_view missing = {};           // the problem when it is absent; empty: the object type's
  bool non_empty = false;                  // an array that must hold an element: an empty one is refused as
                                           // its codec refuses a value of the wrong type
  void (*check)(Reader&, void* object) = nullptr;  // when the object ends: checks of this member against others

  constexpr Member in_kinds(std::uint32_t may, std::uint32_t must) const {
    Member m = *this;
    m.kinds = may;
    m.required = must;
    return m;
  }
  constexpr Member when_missing(std::string_view message) const {
    Member m = *this;
    m.missing = message;
    return m;
  }
  constexpr Member not_empty() const {
    Member m = *this;
    m.non_empty = true;
    return m;
  }
  constexpr Member checked_by(void (*f)(Reader&, void* object)) const {
    Member m = *this;
    m.check = f;
    return m;
  }
};

inline constexpr std::size_t max_members = 64;  // members of one object type (a bit set per object read)

struct ObjectWords {
  std::string_view unknown;  // a member not in the table ("unknown member")
  std::string_view missing;  // a required member that is absent ("required member is missing")
};

// The members of an object, in canonical order, and the checks that run when an object of the type ends.
struct ObjectType {
  std::span<const Member> members;
  ObjectWords words;
  void (*begin)(void* object) = nullptr;               // before the first member: defaults that say "absent"
  void (*finish)(Reader&, void* object) = nullptr;     // after the members' checks: checks of the whole object
  // Variants: the member whose value decides the kind, and the kind it decided (-1: none yet).
  int kind_member = -1;
  int (*kind)(const void* object) = nullptr;
  std::string (*foreign)(const void* object) = nullptr;  // problem for a member of another kind; null: unknown
};

// [SECTION] Builders ------------------------------------------------------------------------------------------

namespace detail {

template <class T, class V>
T object_of(V T::*);
template <class T, class V>
V value_of(V T::*);

template <auto F>
void* locate(void* object) {
  using T = decltype(object_of(F));
  return &(static_cast<T*>(object)->*F);
}
template <auto F>
const void* view(const void* object) {
  using T = decltype(object_of(F));
  return &(static_cast<const T*>(object)->*F);
}

// Scalar reads and writes shared by the makers (table.cpp).
bool read_text(Reader&, const Codec&, void*, Scalar&);
void write_text(JsonWriter&, const Codec&, const void*);
bool read_constant(Reader&, const Codec&, void*, Scalar&);
void write_constant(JsonWriter&, const Codec&, const void*);
bool read_boolean(Reader&, const Codec&, void*, Scalar&);
void write_boolean(JsonWriter&, const Codec&, const void*);
void write_date(JsonWriter&, const Codec&, const void*);
void write_currency(JsonWriter&, const Codec&, const void*);
bool read_amount(Reader&, const Codec&, void*, Scalar&);
void write_amount(JsonWriter&, const Codec&, const void*);

// The integer of `value` within [c.low, c.high], or false after reporting why not.
bool read_whole(Reader& r, const Codec& c, const Scalar& value, std::int64_t& out);

template <class I>
bool read_integer_as(Reader& r, const Codec& c, void* target, Scalar& v) {
  std::int64_t n = 0;
  if (!read_whole(r, c, v, n)) return false;
  *static_cast<I*>(target) = static_cast<I>(n);
  return true;
}
template <class I>
void write_integer_as(JsonWriter& w, const Codec&, const void* value) {
  w.integer(static_cast<std::int64_t>(*static_cast<const I*>(value)));
}

// What `c` says of a value of the wrong JSON type.
std::string mismatch_message(const Codec& c);

// The text of a string value for a spelling, or null after reporting a mismatch or an empty string.
const std::string* spelling_text(Reader&, const Codec&, Scalar&);
void report_invalid(Reader&, const Codec&, std::string_view got);

// A string read by Parse (a spelling, a date, a currency code), refused with the codec's invalid words.
template <class T, std::optional<T> (*Parse)(std::string_view)>
bool read_parsed(Reader& r, const Codec& c, void* target, Scalar& v) {
  const std::string* text = spelling_text(r, c, v);
  if (text == nullptr) return false;
  const std::optional<T> parsed = Parse(*text);
  if (!parsed) {
    report_invalid(r, c, *text);
    return false;
  }
  *static_cast<T*>(target) = *parsed;
  return true;
}
template <class E, std::string_view (*Text)(E)>
void write_spelling(JsonWriter& w, const Codec&, const void* value) {
  if constexpr (Text != nullptr) {
    w.string(Text(*static_cast<const E*>(value)));
  } else {
    w.string(to_string(*static_cast<const E*>(value)));
  }
}

template <class V>
void* push(void* vector) {
  return &static_cast<std::vector<V>*>(vector)->emplace_back();
}
template <class V>
void pop(void* vector) {
  static_cast<std::vector<V>*>(vector)->pop_back();
}
template <class V>
void clear(void* vector) {
  static_cast<std::vector<V>*>(vector)->clear();
}
template <class V>
std::size_t size(const void* vector) {
  return static_cast<const std::vector<V>*>(vector)->size();
}
template <class V>
const void* at(const void* vector, std::size_t index) {
  return &(*static_cast<const std::vector<V>*>(vector))[index];
}
template <class V>
bool repeats(const void* vector) {
  const auto& v = *static_cast<const std::vector<V>*>(vector);
  for (std::size_t i = 0; i + 1 < v.size(); ++i) {
    if (v[i] == v.back()) return true;
  }
  return false;
}

template <class V>
void* engage(void* optional) {
  return &static_cast<std::optional<V>*>(optional)->emplace();
}
template <class V>
void reset(void* optional) {
  static_cast<std::optional<V>*>(optional)->reset();
}
template <class V>
const void* value(const void* optional) {
  const auto& o = *static_cast<const std::optional<V>*>(optional);
  return o ? &*o : nullptr;
}

}  // namespace detail

// A string (words.empty refuses "").
constexpr CodecOf<std::string> text(Words words) {
  return {{Form::scalar, words, detail::read_text, detail::write_text}};
}

// A member that holds one fixed string and stores nothing: the format's name. Refused otherwise with
// words.mismatch (not a string; empty: as a wrong string), words.empty, or "must be \"<text>\"" (+ got).
constexpr CodecOf<void> constant(std::string_view text, Words words) {
  Codec c{Form::constant, words, detail::read_constant, detail::write_constant};
  c.constant = text;
  return {c};
}

// An integer in [low, high], stored as I: "must be <noun> between <low> and <high>" (+ got) when outside.
template <class I>
consteval CodecOf<I> integer(std::int64_t low, std::int64_t high, Words words) {
  static_assert(std::is_integral_v<I> && !std::is_same_v<I, bool>);
  if (low > high || low < std::numeric_limits<I>::min() || high > std::numeric_limits<I>::max()) {
    throw "an integer codec's range must fit its type";
  }
  Codec c{Form::scalar, words, detail::read_integer_as<I>, detail::write_integer_as<I>};
  c.low = low;
  c.high = high;
  return {c};
}

// An amount of minor units in [low, high]. Its currency is the caller's to set once the object's currency
// member is read (it may come later in the text): the reader stores Money(value, Currency{}).
constexpr CodecOf<Money> amount(std::int64_t low, std::int64_t high, Words words) {
  Codec c{Form::scalar, words, detail::read_amount, detail::write_amount};
  c.low = low;
  c.high = high;
  return {c};
}

constexpr CodecOf<bool> boolean(Words words) {
  return {{Form::scalar, words, detail::read_boolean, detail::write_boolean}};
}

// A civil date "YYYY-MM-DD"; invalid: words.invalid.
constexpr CodecOf<Date> date(Words words) {
  return {{Form::scalar, words, detail::read_parsed<Date, Date::parse>, detail::write_date}};
}

// An ISO 4217 code of a supported currency; invalid: words.invalid.
constexpr CodecOf<Currency> currency(Words words) {
  return {{Form::scalar, words, detail::read_parsed<Currency, Currency::find>, detail::write_currency}};
}

// An enumeration in its spelling: Parse reads it, Text (by default to_string(E), found beside E) writes it;
// refused with words.say(text), or words.invalid.
template <class E, std::optional<E> (*Parse)(std::string_view), std::string_view (*Text)(E) = nullptr>
constexpr CodecOf<E> spelling(Words words) {
  return {{Form::scalar, words, detail::read_parsed<E, Parse>, detail::write_spelling<E, Text>}};
}

// A scalar read by the format's own function (after the shared reads: see detail above), written by `write`.
template <class V>
constexpr CodecOf<V> custom(bool (*read)(Reader&, const Codec&, void*, Scalar&),
                            void (*write)(JsonWriter&, const Codec&, const void*), Words words,
                            std::int64_t low = 0, std::int64_t high = 0) {
  Codec c{Form::scalar, words, read, write};
  c.low = low;
  c.high = high;
  return {c};
}

// An object of type T read with `type`; words.mismatch when the value is not an object.
template <class T>
constexpr CodecOf<T> object(const ObjectType& type, Words words) {
  Codec c{Form::object, words};
  c.object = &type;
  return {c};
}

struct ArrayRules {
  bool distinct = false;                 // an element equal to an earlier one is refused: "is listed twice"
  std::size_t max_elements = SIZE_MAX;   // elements after these are counted, not read
  void (*end)(Reader&, const Codec&, void* vector, std::size_t count) = nullptr;
};

// A std::vector<V>, cleared and then filled in text order; words.mismatch when the value is not an array.
template <class V>
constexpr CodecOf<std::vector<V>> array(const CodecOf<V>& element, Words words, ArrayRules rules = {}) {
  Codec c{Form::array, words};
  c.element = &element.codec;
  c.push = detail::push<V>;
  c.pop = detail::pop<V>;
  c.clear = detail::clear<V>;
  c.size = detail::size<V>;
  c.at = detail::at<V>;
  if constexpr (std::equality_comparable<V>) {
    if (rules.distinct) c.repeats = detail::repeats<V>;
  } else if (rules.distinct) {
    throw "distinct elements must be comparable";
  }
  c.max_elements = rules.max_elements;
  c.end = rules.end;
  return {c};
}

enum class Null : bool { refused, empty };  // whether a null reads (and an empty value writes) as null

// A std::optional<V>: an absent member leaves it empty; a present one engages it and is read with `inner`.
// Written only when engaged, unless null is Null::empty (then empty writes null).
template <class V>
constexpr CodecOf<std::optional<V>> optional(const CodecOf<V>& inner, Null null = Null::refused) {
  Codec c{Form::optional, inner.codec.words};
  c.element = &inner.codec;
  c.engage = detail::engage<V>;
  c.reset = detail::reset<V>;
  c.value = detail::value<V>;
  c.nullable = null == Null::empty;
  return {c};
}

enum class Presence : bool { required, optional };
inline constexpr Presence required_member = Presence::required;
inline constexpr Presence optional_member = Presence::optional;

// The member `name` stored in the field F (a pointer to a data member), read and written with `codec`.
template <auto F>
constexpr Member member(std::string_view name, const CodecOf<decltype(detail::value_of(F))>& codec,
                        Presence presence = required_member) {
  return Member{name, &codec.codec, detail::locate<F>, detail::view<F>, every_kind,
                presence == required_member ? every_kind : 0u};
}

// A member with no storage (the format's name).
constexpr Member member(std::string_view name, const CodecOf<void>& codec, Presence presence = required_member) {
  return Member{name, &codec.codec, nullptr, nullptr, every_kind, presence == required_member ? every_kind : 0u};
}

// The type of an object with these members. The build fails for more than max_members members, or for a
// variant whose kind member is not required of every object.
template <std::size_t N>
constexpr ObjectType object_type(const Member (&members)[N], ObjectWords words,
                                 void (*finish)(Reader&, void*) = nullptr, void (*begin)(void*) = nullptr) {
  static_assert(N <= max_members, "an object type has at most max_members members");
  return ObjectType{std::span<const Member>(members), words, begin, finish};
}

template <std::size_t N>
constexpr ObjectType variant_type(const Member (&members)[N], ObjectWords words, std::string_view kind_member,
                                  int (*kind)(const void*), std::string (*foreign)(const void*),
                                  void (*finish)(Reader&, void*) = nullptr, void (*begin)(void*) = nullptr) {
  ObjectType t = object_type(members, words, finish, begin);
  for (std::size_t i = 0; i < N; ++i) {
    if (members[i].name == kind_member) t.kind_member = static_cast<int>(i);
  }
  if (t.kind_member < 0 || members[t.kind_member].required != every_kind) {
    throw "a variant's kind member must be a member every object requires";
  }
  t.kind = kind;
  t.foreign = foreign;
  return t;
}

// [SECTION] Writing -------------------------------------------------------------------------------------------

// Writes `value` (of the codec's type) as canonical text: members in table order (of the object's kind for a
// variant), empty optionals left out (or null), arrays in order.
void write(JsonWriter& w, const Codec& codec, const void* value);

template <class V>
void write(JsonWriter& w, const CodecOf<V>& codec, const V& value) {
  write(w, codec.codec, &value);
}

}  // namespace parley::json
