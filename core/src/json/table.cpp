// Field tables (see table.h): the shared scalar reads and writes, and canonical writing from a table.
//
// Index of this file:
// [SECTION] Problems    the wording of mismatches and refusals, from a codec's Words
// [SECTION] Scalars     text, constants, integers, amounts, booleans; writers of dates and currencies
// [SECTION] Writing
#include "json/table.h"

#include <string>
#include <utility>

#include "json/reader.h"
#include "json_text.h"

namespace parley::json {
namespace detail {
namespace {

// [SECTION] Problems ------------------------------------------------------------------------------------------

void mismatch(Reader& r, const Codec& c) {
  r.problem(mismatch_message(c));
}

// The text of a string value, or null after reporting a mismatch or a refused empty string.
std::string* string_of(Reader& r, const Codec& c, Scalar& v) {
  if (v.kind != Scalar::Kind::string) {
    mismatch(r, c);
    return nullptr;
  }
  if (v.text->empty() && !c.words.empty.empty()) {
    r.problem(std::string(c.words.empty));
    return nullptr;
  }
  return v.text;
}

}  // namespace

std::string mismatch_message(const Codec& c) {
  if (!c.words.mismatch.empty()) return std::string(c.words.mismatch);
  if (c.form == Form::constant) return "must be " + json_text::quoted(c.constant);
  if (c.words.say != nullptr) return c.words.say({});
  return std::string(c.words.invalid);
}

void report_invalid(Reader& r, const Codec& c, std::string_view got) {
  if (c.words.say != nullptr) {
    r.problem(c.words.say(got));
    return;
  }
  std::string message(c.words.invalid);
  if (c.words.got) message += ", got " + json_text::quoted(got);
  r.problem(std::move(message));
}

const std::string* spelling_text(Reader& r, const Codec& c, Scalar& v) {
  return string_of(r, c, v);
}

// [SECTION] Scalars -------------------------------------------------------------------------------------------

bool read_text(Reader& r, const Codec& c, void* target, Scalar& v) {
  std::string* text = string_of(r, c, v);
  if (text == nullptr) return false;
  *static_cast<std::string*>(target) = std::move(*text);
  return true;
}

void write_text(JsonWriter& w, const Codec&, const void* value) {
  w.string(*static_cast<const std::string*>(value));
}

bool read_constant(Reader& r, const Codec& c, void*, Scalar& v) {
  const std::string* text = string_of(r, c, v);
  if (text == nullptr) return false;
  if (*text == c.constant) return true;
  std::string message = "must be " + json_text::quoted(c.constant);
  if (c.words.got) message += ", got " + json_text::quoted(*text);
  r.problem(std::move(message));
  return false;
}

void write_constant(JsonWriter& w, const Codec& c, const void*) {
  w.string(c.constant);
}

bool read_whole(Reader& r, const Codec& c, const Scalar& v, std::int64_t& out) {
  std::string got;
  if (v.kind == Scalar::Kind::integer) {
    if (v.integer >= c.low && v.integer <= c.high) {
      out = v.integer;
      return true;
    }
    got = std::to_string(v.integer);
  } else if (v.kind == Scalar::Kind::too_large) {
    got = std::to_string(v.large);
  } else {
    mismatch(r, c);
    return false;
  }
  std::string message = "must be ";
  if (!c.words.noun.empty()) {
    message += c.words.noun;
    message += ' ';
  }
  message += "between " + std::to_string(c.low) + " and " + std::to_string(c.high);
  if (c.words.got) message += ", got " + got;
  r.problem(std::move(message));
  return false;
}

bool read_amount(Reader& r, const Codec& c, void* target, Scalar& v) {
  std::int64_t minor = 0;
  if (!read_whole(r, c, v, minor)) return false;
  *static_cast<Money*>(target) = Money(minor, Currency{});
  return true;
}

void write_amount(JsonWriter& w, const Codec&, const void* value) {
  w.integer(static_cast<const Money*>(value)->minor());
}

bool read_boolean(Reader& r, const Codec& c, void* target, Scalar& v) {
  if (v.kind != Scalar::Kind::boolean) {
    mismatch(r, c);
    return false;
  }
  *static_cast<bool*>(target) = v.boolean;
  return true;
}

void write_boolean(JsonWriter& w, const Codec&, const void* value) {
  w.boolean(*static_cast<const bool*>(value));
}

void write_date(JsonWriter& w, const Codec&, const void* value) {
  w.string(static_cast<const Date*>(value)->iso());
}

void write_currency(JsonWriter& w, const Codec&, const void* value) {
  w.string(static_cast<const Currency*>(value)->code());
}

}  // namespace detail

// [SECTION] Writing -------------------------------------------------------------------------------------------

void write(JsonWriter& w, const Codec& c, const void* value) {
  switch (c.form) {
    case Form::scalar:
    case Form::constant:
      c.write(w, c, value);
      return;
    case Form::optional: {
      const void* engaged = c.value(value);
      if (engaged != nullptr) {
        write(w, *c.element, engaged);
      } else {
        w.null();
      }
      return;
    }
    case Form::array: {
      w.begin_array();
      const std::size_t n = c.size(value);
      for (std::size_t i = 0; i < n; ++i) write(w, *c.element, c.at(value, i));
      w.end_array();
      return;
    }
    case Form::object: {
      const ObjectType& type = *c.object;
      const int kind = type.kind != nullptr ? type.kind(value) : -1;
      w.begin_object();
      for (const Member& m : type.members) {
        if (kind >= 0 && ((m.kinds >> kind) & 1U) == 0) continue;
        const void* field = m.view != nullptr ? m.view(value) : nullptr;
        const Codec& mc = *m.codec;
        if (mc.form == Form::optional && !mc.nullable && mc.value(field) == nullptr) continue;
        w.key(m.name);
        write(w, mc, field);
      }
      w.end_object();
      return;
    }
  }
}

}  // namespace parley::json
