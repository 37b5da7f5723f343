// Field tables (see table.h): the shared scalar reads and writes, canonical writing from a table, and what a
// codec says of its values for the schema checks.
//
// Index of this file:
// [SECTION] Problems    the wording of mismatches and refusals, from a codec's Words
// [SECTION] Scalars     text, constants, integers, amounts, booleans; writers of dates and currencies
// [SECTION] Writing
// [SECTION] Schema
#include "json/table.h"

#include <string>
#include <utility>

#include "json/reader.h"
#include "json_text.h"

namespace parley::json {
namespace detail {

// [SECTION] Problems ------------------------------------------------------------------------------------------

std::string mismatch_message(const Codec& c) {
  if (c.words.expected != nullptr) return c.words.expected();
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

bool string_text(Reader& r, const Codec& c, const Scalar& v, std::string_view& text) {
  if (v.kind != Scalar::Kind::string) {
    r.mismatch(c, v);
    return false;
  }
  if (v.text.empty() && !c.words.empty.empty()) {
    r.problem(std::string(c.words.empty));
    return false;
  }
  text = v.text;
  return true;
}

// [SECTION] Scalars -------------------------------------------------------------------------------------------

bool read_text(Reader& r, const Codec& c, void* target, Scalar& v) {
  std::string_view text;
  if (!string_text(r, c, v, text)) return false;
  auto& out = *static_cast<std::string*>(target);
  if (v.buffer != nullptr) {
    out = std::move(*v.buffer);
  } else {
    out.assign(text.data(), text.size());
  }
  return true;
}

void write_text(JsonWriter& w, const Codec&, const void* value) {
  w.string(*static_cast<const std::string*>(value));
}

bool read_constant(Reader& r, const Codec& c, void*, Scalar& v) {
  std::string_view text;
  if (!string_text(r, c, v, text)) return false;
  if (text == c.constant) return true;
  if (c.words.say != nullptr) {
    r.problem(c.words.say(text));
    return false;
  }
  std::string message = "must be " + json_text::quoted(c.constant);
  if (c.words.got) message += ", got " + json_text::quoted(text);
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
    r.mismatch(c, v);
    return false;
  }
  if (!c.words.range.empty()) {
    r.problem(std::string(c.words.range));
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
    r.mismatch(c, v);
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
    case Form::by_kind: {
      int kind = 0;
      const void* alternative = c.held(value, kind);
      write(w, *c.alternatives[static_cast<std::size_t>(kind)], alternative);
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
        if (mc.form == Form::optional && !mc.writes_null && mc.value(field) == nullptr) continue;
        if (m.left_out != nullptr && m.left_out(field)) continue;
        w.key(m.name);
        write(w, mc, field);
      }
      w.end_object();
      return;
    }
  }
}

// [SECTION] Schema --------------------------------------------------------------------------------------------

SchemaView schema_of(const Codec& codec) {
  SchemaView out;
  const Codec* c = &codec;
  while (c->form == Form::optional) {
    out.nullable = out.nullable || c->nullable;
    c = c->element;
  }
  out.json = c->json;
  switch (c->form) {
    case Form::constant:
      out.constant = c->constant;
      break;
    case Form::array:
      out.element = c->element;
      break;
    case Form::object:
      out.object = c->object;
      break;
    case Form::by_kind:
      out.alternatives.assign(c->alternatives, c->alternatives + c->alternative_count);
      break;
    case Form::scalar:
    case Form::optional:
      break;
  }
  if (c->spellings != nullptr) out.spellings = c->spellings();
  return out;
}

}  // namespace parley::json
