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
// [SECTION] Schema      what a codec says of its JSON type, for the checks of the JSON Schemas against the tables
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

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "json/enum_spelling.h"
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
  std::int64_t integer = 0;       // integer
  std::uint64_t large = 0;        // too_large: an integer above 2^63 - 1
  std::string_view text = {};     // string: its text; fraction: the number as written
  std::string* buffer = nullptr;  // string: the parser's buffer holding `text`, which a read may move from;
                                  // null when the text lies in the source
};

// What a codec's problems say. Every message is a sentence's predicate, shown after the value's path.
struct Words {
  std::string_view mismatch;       // the value has the wrong JSON type ("must be a string"); empty: as invalid
  std::string_view invalid = {};   // right type, refused content ("must be a date \"YYYY-MM-DD\"")
  bool got = false;                // invalid and range problems end with ", got <the value>"
  std::string_view empty = {};     // an empty string is refused with this; empty: "" is read like other text
  std::string_view noun = {};      // integers: "a month" in "must be a month between 1 and 12"
  std::string (*say)(std::string_view got) = nullptr;  // spellings: builds the invalid problem from the text
  std::string_view range = {};     // integers: the whole problem of a value out of range; empty: "must be <noun>
                                   // between <low> and <high>"
  std::string (*expected)() = nullptr;  // the mismatch words when they are built (a list of spellings), instead
                                        // of `mismatch`
  std::string (*describe)(const Scalar& got) = nullptr;  // a mismatch ends with ", got " and this (the format's
                                                         // way of naming a value: "the number 12.5", "null")
};

// [SECTION] Codecs --------------------------------------------------------------------------------------------

struct ObjectType;

enum class Form : std::uint8_t { scalar, constant, object, array, optional, by_kind };

// The JSON type of a codec's values, as a JSON Schema names it.
enum class Json : std::uint8_t { string, integer, boolean, object, array, any };

// How one value is read and written. Codecs are built by the makers below and referred to by address.
struct Codec {
  Form form = Form::scalar;
  Words words;
  Json json = Json::any;  // scalars: the JSON type read and written
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
  bool keep_refused = false;                      // a refused scalar element stays (see ArrayRules)
  // optional
  void* (*engage)(void* optional) = nullptr;             // emplaces a value, gives it
  void (*reset)(void* optional) = nullptr;
  const void* (*value)(const void* optional) = nullptr;  // the value, or null when empty
  bool nullable = false;     // null reads as empty
  bool writes_null = false;  // empty writes as null; otherwise empty is left out
  // by_kind (a member of a variant object whose kind decides its type): alternative k is read with codec k
  const Codec* const* alternatives = nullptr;
  std::size_t alternative_count = 0;
  void* (*alternative)(void* variant, int kind) = nullptr;           // emplaces alternative `kind`, gives it
  const void* (*held)(const void* variant, int& kind) = nullptr;     // the alternative held, and its index
  // schema: the spellings of an enumeration, in order
  std::vector<std::string_view> (*spellings)() = nullptr;
};

// A codec for values of type V: members check their field's type against it.
template <class V>
struct CodecOf {
  Codec codec;

  // The same codec, naming its values' JSON type (a custom codec of an int written as "HH:MM" is a string).
  constexpr CodecOf as(Json json) const {
    CodecOf c = *this;
    c.codec.json = json;
    return c;
  }
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
  bool after_kind = false;                 // variants: read once the kind is known (see the Reader); a by_kind
                                           // codec always is
  void (*check)(Reader&, void* object) = nullptr;  // when the object ends: checks of this member against others
  bool (*left_out)(const void* field) = nullptr;   // writing: the member is left out when this holds (a default)

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
  // Variants: the value is read only once the object's kind is known, because where it goes depends on the kind.
  // Until then it is kept (as parser events) and read when the kind member has been; when the object ends
  // without a kind it is not read at all, and the problems of the kind member say why.
  constexpr Member read_after_kind() const {
    Member m = *this;
    m.after_kind = true;
    return m;
  }
  constexpr Member left_out_when(bool (*f)(const void* field)) const {
    Member m = *this;
    m.left_out = f;
    return m;
  }
};

inline constexpr std::size_t max_members = 64;  // members of one object type (a bit set per object read)

struct ObjectWords {
  std::string_view unknown;  // a member not in the table ("unknown member")
  std::string_view missing;  // a required member that is absent ("required member is missing")
  std::string_view twice = "member given twice";  // a member given again (its value is not read)
  bool names_first = false;  // problems about names (unknown, given twice, of another kind) come before those of
                             // the members, in the order of the text
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
  std::string_view name = {};  // schema: the definition's name ("account")

  constexpr ObjectType named(std::string_view definition) const {
    ObjectType t = *this;
    t.name = definition;
    return t;
  }
};

// [SECTION] Builders ------------------------------------------------------------------------------------------

namespace detail {

template <class T, class V>
T object_of(V T::*);
template <class T, class V>
V value_of(V T::*);

// A path of data members, F0 of the object, F1 of that, ...: the object's type, and the last field's.
template <auto... Fs>
struct first_object;
template <auto F0, auto... Fs>
struct first_object<F0, Fs...> {
  using type = decltype(object_of(F0));
};
template <auto... Fs>
using object_t = typename first_object<Fs...>::type;
template <auto... Fs>
struct last_field;
template <auto F>
struct last_field<F> {
  using type = decltype(value_of(F));
};
template <auto F, auto G, auto... Fs>
struct last_field<F, G, Fs...> : last_field<G, Fs...> {};
template <auto... Fs>
using field_t = typename last_field<Fs...>::type;

template <class T, auto F, auto... Fs>
auto* walk(T* object) {
  if constexpr (sizeof...(Fs) == 0) {
    return &(object->*F);
  } else {
    return walk<std::remove_pointer_t<decltype(&(object->*F))>, Fs...>(&(object->*F));
  }
}

template <auto... Fs>
void* locate(void* object) {
  return walk<object_t<Fs...>, Fs...>(static_cast<object_t<Fs...>*>(object));
}
template <auto... Fs>
const void* view(const void* object) {
  return walk<const object_t<Fs...>, Fs...>(static_cast<const object_t<Fs...>*>(object));
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

// What `c` says of a value of the wrong JSON type (without the value: see Reader::mismatch).
std::string mismatch_message(const Codec& c);

// The text of a string value, or false after reporting a mismatch or a refused empty string.
bool string_text(Reader&, const Codec&, const Scalar&, std::string_view& text);
void report_invalid(Reader&, const Codec&, std::string_view got);

// A string read by Parse (a spelling, a date, a currency code), refused with the codec's invalid words.
template <class T, std::optional<T> (*Parse)(std::string_view)>
bool read_parsed(Reader& r, const Codec& c, void* target, Scalar& v) {
  std::string_view text;
  if (!string_text(r, c, v, text)) return false;
  const std::optional<T> parsed = Parse(text);
  if (!parsed) {
    report_invalid(r, c, text);
    return false;
  }
  *static_cast<T*>(target) = *parsed;
  return true;
}
template <class E, std::string_view (*Text)(E)>
std::string_view spelt(E value) {
  if constexpr (Text != nullptr) {
    return Text(value);
  } else {
    return to_string(value);
  }
}
template <class E, std::string_view (*Text)(E)>
void write_spelling(JsonWriter& w, const Codec&, const void* value) {
  w.string(spelt<E, Text>(*static_cast<const E*>(value)));
}
template <class E, std::string_view (*Text)(E)>
std::vector<std::string_view> spellings_of() {
  std::vector<std::string_view> out;
  for (E e : enumerators<E>()) out.push_back(spelt<E, Text>(e));
  return out;
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

// Alternative V of a variant, as an optional: engaged when held.
template <class Variant, class V>
void* engage_alternative(void* variant) {
  auto& v = *static_cast<Variant*>(variant);
  if (V* held = std::get_if<V>(&v)) return held;
  return &v.template emplace<V>();
}
template <class Variant, class V>
void reset_alternative(void*) {}
template <class Variant, class V>
const void* held_alternative(const void* variant) {
  return std::get_if<V>(static_cast<const Variant*>(variant));
}

template <class Variant, std::size_t I>
void* emplace_at(Variant& v) {
  if (v.index() != I) v.template emplace<I>();
  return std::get_if<I>(&v);
}
template <class Variant, std::size_t... I>
void* alternative_at(Variant& v, int kind, std::index_sequence<I...>) {
  using Emplace = void* (*)(Variant&);
  static constexpr Emplace kEmplace[] = {&emplace_at<Variant, I>...};
  return kEmplace[kind](v);
}
template <class Variant>
void* alternative(void* variant, int kind) {
  return alternative_at(*static_cast<Variant*>(variant), kind,
                        std::make_index_sequence<std::variant_size_v<Variant>>{});
}
template <class Variant>
const void* held(const void* variant, int& kind) {
  const auto& v = *static_cast<const Variant*>(variant);
  kind = static_cast<int>(v.index());
  return std::visit([](const auto& alternative) -> const void* { return &alternative; }, v);
}

template <class V>
constexpr Json json_of() {
  if constexpr (std::is_same_v<V, bool>) {
    return Json::boolean;
  } else if constexpr (std::is_integral_v<V>) {
    return Json::integer;
  } else if constexpr (std::is_same_v<V, std::string>) {
    return Json::string;
  } else {
    return Json::any;
  }
}

}  // namespace detail

// A string (words.empty refuses "").
constexpr CodecOf<std::string> text(Words words) {
  return {{Form::scalar, words, Json::string, detail::read_text, detail::write_text}};
}

// A member that holds one fixed string and stores nothing: the format's name. Refused otherwise with
// words.mismatch (not a string; empty: as a wrong string), words.empty, or "must be \"<text>\"" (+ got).
constexpr CodecOf<void> constant(std::string_view text, Words words) {
  Codec c{Form::constant, words, Json::string, detail::read_constant, detail::write_constant};
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
  Codec c{Form::scalar, words, Json::integer, detail::read_integer_as<I>, detail::write_integer_as<I>};
  c.low = low;
  c.high = high;
  return {c};
}

// An amount of minor units in [low, high]. Its currency is the caller's to set once the object's currency
// member is read (it may come later in the text): the reader stores Money(value, Currency{}).
constexpr CodecOf<Money> amount(std::int64_t low, std::int64_t high, Words words) {
  Codec c{Form::scalar, words, Json::integer, detail::read_amount, detail::write_amount};
  c.low = low;
  c.high = high;
  return {c};
}

constexpr CodecOf<bool> boolean(Words words) {
  return {{Form::scalar, words, Json::boolean, detail::read_boolean, detail::write_boolean}};
}

// A civil date "YYYY-MM-DD"; invalid: words.invalid.
constexpr CodecOf<Date> date(Words words) {
  return {{Form::scalar, words, Json::string, detail::read_parsed<Date, Date::parse>, detail::write_date}};
}

// An ISO 4217 code of a supported currency; invalid: words.invalid.
constexpr CodecOf<Currency> currency(Words words) {
  return {{Form::scalar, words, Json::string, detail::read_parsed<Currency, Currency::find>, detail::write_currency}};
}

// An enumeration in its spelling: Parse reads it, Text (by default to_string(E), found beside E) writes it;
// refused with words.say(text), or words.invalid.
template <class E, std::optional<E> (*Parse)(std::string_view), std::string_view (*Text)(E) = nullptr>
constexpr CodecOf<E> spelling(Words words) {
  Codec c{Form::scalar, words, Json::string, detail::read_parsed<E, Parse>, detail::write_spelling<E, Text>};
  c.spellings = detail::spellings_of<E, Text>;
  return {c};
}

// A scalar read by the format's own function (after the shared reads: see detail above), written by `write`. Its
// JSON type is V's (bool, integers, std::string); CodecOf::as names another.
template <class V>
constexpr CodecOf<V> custom(bool (*read)(Reader&, const Codec&, void*, Scalar&),
                            void (*write)(JsonWriter&, const Codec&, const void*), Words words,
                            std::int64_t low = 0, std::int64_t high = 0) {
  Codec c{Form::scalar, words, detail::json_of<V>(), read, write};
  c.low = low;
  c.high = high;
  return {c};
}

// An object of type T read with `type`; words.mismatch when the value is not an object.
template <class T>
constexpr CodecOf<T> object(const ObjectType& type, Words words) {
  Codec c{Form::object, words, Json::object};
  c.object = &type;
  return {c};
}

struct ArrayRules {
  bool distinct = false;                 // an element equal to an earlier one is refused: "is listed twice"
  std::size_t max_elements = SIZE_MAX;   // elements after these are counted, not read
  void (*end)(Reader&, const Codec&, void* vector, std::size_t count) = nullptr;
  bool keep_refused = false;             // a scalar element refused stays (as its default), so that the elements
                                         // after it keep their index; otherwise it is not kept
};

// A std::vector<V>, cleared and then filled in text order; words.mismatch when the value is not an array.
template <class V>
constexpr CodecOf<std::vector<V>> array(const CodecOf<V>& element, Words words, ArrayRules rules = {}) {
  Codec c{Form::array, words, Json::array};
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
  c.keep_refused = rules.keep_refused;
  return {c};
}

// How an optional treats null: refused (read with the inner codec, which says what it expects), read as empty
// and written for an empty value, or read as empty while an empty value is left out.
enum class Null : std::uint8_t { refused, empty, accepted };

// A std::optional<V>: an absent member leaves it empty; a present one engages it and is read with `inner`.
// Written only when engaged, unless null is Null::empty (then empty writes null).
template <class V>
constexpr CodecOf<std::optional<V>> optional(const CodecOf<V>& inner, Null null = Null::refused) {
  Codec c{Form::optional, inner.codec.words, inner.codec.json};
  c.element = &inner.codec;
  c.engage = detail::engage<V>;
  c.reset = detail::reset<V>;
  c.value = detail::value<V>;
  c.nullable = null != Null::refused;
  c.writes_null = null == Null::empty;
  return {c};
}

// Alternative V of a std::variant member, read and written like an optional with `inner`: reading engages it (a
// variant holding another alternative is given a V), writing leaves it out unless the variant holds a V. For the
// members of a variant object that hold one kind's value ("phone" of a contact point of kind "phone").
template <class Variant, class V>
constexpr CodecOf<Variant> alternative(const CodecOf<V>& inner) {
  Codec c{Form::optional, inner.codec.words, inner.codec.json};
  c.element = &inner.codec;
  c.engage = detail::engage_alternative<Variant, V>;
  c.reset = detail::reset_alternative<Variant, V>;
  c.value = detail::held_alternative<Variant, V>;
  return {c};
}

// The codecs of a variant's alternatives, in its order: Alternatives<std::variant<A, B>> of an A codec and a B codec.
template <class Variant>
struct Alternatives {
  std::array<const Codec*, std::variant_size_v<Variant>> codecs;
};

template <class Variant, class... V>
constexpr Alternatives<Variant> alternatives(const CodecOf<V>&... codecs) {
  static_assert(sizeof...(V) == std::variant_size_v<Variant>, "one codec per alternative");
  static_assert(std::is_same_v<Variant, std::variant<V...>>, "the codecs follow the alternatives' order");
  return {{&codecs.codec...}};
}

// A std::variant member of a variant object, read with the codec of the alternative the object's kind names (the
// kind's index is the alternative's), written with the codec of the alternative it holds. Words: when the object
// ends with no kind, a value that none of the alternatives could take (the JSON type of alternative 0) is refused
// with them.
template <class Variant>
constexpr CodecOf<Variant> by_kind(const Alternatives<Variant>& alternatives, Words words) {
  Codec c{Form::by_kind, words, alternatives.codecs[0]->json};
  c.alternatives = alternatives.codecs.data();
  c.alternative_count = alternatives.codecs.size();
  c.alternative = detail::alternative<Variant>;
  c.held = detail::held<Variant>;
  return {c};
}

enum class Presence : bool { required, optional };
inline constexpr Presence required_member = Presence::required;
inline constexpr Presence optional_member = Presence::optional;

// The member `name` stored in the field F (a pointer to a data member), read and written with `codec`. More
// pointers name a field inside the field: member<&Address::postal, &PostalAddress::city>("city", kText).
template <auto... F>
constexpr Member member(std::string_view name, const CodecOf<detail::field_t<F...>>& codec,
                        Presence presence = required_member) {
  return Member{name, &codec.codec, detail::locate<F...>, detail::view<F...>, every_kind,
                presence == required_member ? every_kind : 0u};
}

// A member stored where `field` (and, for writing, `view`) finds it: a field that depends on the object's
// content, such as the provenance of the alternative a variant holds.
template <class V>
constexpr Member member_at(std::string_view name, const CodecOf<V>& codec, void* (*field)(void*),
                           const void* (*view)(const void*), Presence presence = required_member) {
  return Member{name, &codec.codec, field, view, every_kind, presence == required_member ? every_kind : 0u};
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
  for (const Member& m : members) {
    if (m.codec->form == Form::by_kind || m.after_kind) throw "only a variant's members wait for its kind";
  }
  return ObjectType{std::span<const Member>(members), words, begin, finish};
}

template <std::size_t N>
constexpr ObjectType variant_type(const Member (&members)[N], ObjectWords words, std::string_view kind_member,
                                  int (*kind)(const void*), std::string (*foreign)(const void*),
                                  void (*finish)(Reader&, void*) = nullptr, void (*begin)(void*) = nullptr) {
  static_assert(N <= max_members, "an object type has at most max_members members");
  ObjectType t{std::span<const Member>(members), words, begin, finish};
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
// variant), empty optionals left out (or null), members left out by their left_out test, arrays in order.
void write(JsonWriter& w, const Codec& codec, const void* value);

template <class V>
void write(JsonWriter& w, const CodecOf<V>& codec, const V& value) {
  write(w, codec.codec, &value);
}

// [SECTION] Schema --------------------------------------------------------------------------------------------

// A codec's values as a JSON Schema states them: the checks of assets/schema/ against the tables read these.
struct SchemaView {
  Json json = Json::any;
  bool nullable = false;                          // null is accepted (an optional read as empty)
  std::string_view constant = {};                 // a constant's one string
  std::vector<std::string_view> spellings = {};   // an enumeration's, in order
  const Codec* element = nullptr;                 // an array's elements
  const ObjectType* object = nullptr;             // an object's members
  std::vector<const Codec*> alternatives = {};    // by_kind: one per kind
};

SchemaView schema_of(const Codec& codec);

}  // namespace parley::json
