// The JSON form of a holiday calendar: syntax check with line and column, then a typed read of the document
// with a problem for each bad member, named by its JSON path. Nothing is loaded when any problem is found.
//
// Index of this file:
// [SECTION] Reader        typed member access with problems
// [SECTION] Calendar      the members of a calendar and of its rules
// [SECTION] API
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "holiday_table.h"
#include "parley/calendar/business_days.h"
#include "json_text.h"

namespace parley {
namespace {

using Json = nlohmann::ordered_json;  // keeps members in text order, so problems come in text order

constexpr int kMinYear = 1583;          // the first full year of the Gregorian calendar (Easter is defined)
constexpr int kMaxYear = 9999;
constexpr int kMaxYearSpan = 400;       // years a calendar may cover, which bounds its table
constexpr std::size_t kMaxRules = 500;
constexpr int kMinEasterOffset = -80;   // Easter is 22 March..25 April: these keep the day in Easter's year
constexpr int kMaxEasterOffset = 250;

// [SECTION] Reader --------------------------------------------------------------------------------------------

std::string quote_text(std::string_view text) {
  constexpr std::size_t kLongest = 40;
  std::string out = "\"";
  out.append(text.substr(0, kLongest));
  if (text.size() > kLongest) out += "...";
  out += "\"";
  return out;
}

std::string one_of(std::initializer_list<std::string_view> names) {
  std::string out;
  std::size_t i = 0;
  for (std::string_view n : names) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += "\"" + std::string(n) + "\"";
    ++i;
  }
  return out;
}

class Reader {
 public:
  Problems problems;

  void add(std::string path, std::string message) { problems.push_back(Problem{std::move(path), std::move(message)}); }

  // Reports members of `object` not in `known`, and members of `required` that are absent.
  void check_members(const Json& object, const std::string& path, std::initializer_list<std::string_view> known,
                     std::initializer_list<std::string_view> required, std::string_view unknown_note = {}) {
    for (auto it = object.begin(); it != object.end(); ++it) {
      if (std::find(known.begin(), known.end(), std::string_view(it.key())) == known.end())
        add(join(path, it.key()), unknown_note.empty() ? "unknown member" : std::string(unknown_note));
    }
    for (std::string_view name : required) {
      if (!object.contains(name)) add(join(path, name), "required member is missing");
    }
  }

  static std::string join(const std::string& path, std::string_view member) {
    return path.empty() ? std::string(member) : path + "." + std::string(member);
  }
  static std::string index(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

  const Json* member(const Json& object, std::string_view name) {
    auto it = object.find(name);
    return it == object.end() ? nullptr : &*it;
  }

  std::optional<std::string> text(const Json& value, const std::string& path) {
    if (!value.is_string()) {
      add(path, "must be a string");
      return std::nullopt;
    }
    std::string s = value.get_ref<const std::string&>();
    if (s.empty()) {
      add(path, "must not be empty");
      return std::nullopt;
    }
    return s;
  }

  std::optional<std::int64_t> whole(const Json& value, const std::string& path, std::int64_t lo, std::int64_t hi,
                                    std::string_view what = {}) {
    std::int64_t v = 0;
    std::string got;
    if (value.is_number_unsigned()) {
      const std::uint64_t u = value.get<std::uint64_t>();
      v = u > static_cast<std::uint64_t>(hi) ? hi + 1 : static_cast<std::int64_t>(u);
      got = std::to_string(u);
    } else if (value.is_number_integer()) {
      v = value.get<std::int64_t>();
      got = std::to_string(v);
    } else {
      add(path, "must be a whole number");
      return std::nullopt;
    }
    if (v < lo || v > hi) {
      add(path, "must be " + (what.empty() ? std::string() : std::string(what) + " ") + "between " +
                    std::to_string(lo) + " and " + std::to_string(hi) + ", got " + got);
      return std::nullopt;
    }
    return v;
  }

  std::optional<Weekday> weekday(const Json& value, const std::string& path) {
    static constexpr std::array<std::string_view, 7> kNames = {"monday", "tuesday", "wednesday", "thursday",
                                                               "friday", "saturday", "sunday"};
    if (!value.is_string()) {
      add(path, "must be a string");
      return std::nullopt;
    }
    const std::string& s = value.get_ref<const std::string&>();
    for (std::size_t i = 0; i < kNames.size(); ++i) {
      if (s == kNames[i]) return static_cast<Weekday>(i + 1);
    }
    add(path, "must be a weekday name in lowercase English (\"monday\" .. \"sunday\"), got " + quote_text(s));
    return std::nullopt;
  }
};

// [SECTION] Calendar ------------------------------------------------------------------------------------------

std::optional<RuleKind> parse_kind(std::string_view s) {
  if (s == "fixed") return RuleKind::fixed;
  if (s == "nth_weekday") return RuleKind::nth_weekday;
  if (s == "easter") return RuleKind::easter;
  if (s == "date") return RuleKind::date;
  return std::nullopt;
}

std::optional<Observance> parse_observance(std::string_view s) {
  if (s == "none") return Observance::none;
  if (s == "nearest_weekday") return Observance::nearest_weekday;
  if (s == "substitute") return Observance::substitute;
  return std::nullopt;
}

// Reads rules[i] into `rule`; `first`/`last` are the calendar's years (already checked, or the widest range).
void read_rule(Reader& r, const Json& value, const std::string& path, int first, int last, HolidayRule& rule) {
  if (!value.is_object()) {
    r.add(path, "must be an object");
    return;
  }
  const Json* kind = r.member(value, "kind");
  if (kind == nullptr) {
    r.add(Reader::join(path, "kind"), "required member is missing");
    return;
  }
  if (!kind->is_string()) {
    r.add(Reader::join(path, "kind"), "must be a string");
    return;
  }
  const std::string& kind_name = kind->get_ref<const std::string&>();
  const std::optional<RuleKind> k = parse_kind(kind_name);
  if (!k) {
    r.add(Reader::join(path, "kind"),
          "must be " + one_of({"fixed", "nth_weekday", "easter", "date"}) + ", got " + quote_text(kind_name));
    return;
  }
  rule.kind = *k;
  const std::string note = "unknown member for a \"" + kind_name + "\" rule";
  switch (*k) {
    case RuleKind::fixed:
      r.check_members(value, path, {"kind", "name", "month", "day", "observance", "from_year", "to_year",
                                    "except_years", "source"},
                      {"name", "month", "day"}, note);
      break;
    case RuleKind::nth_weekday:
      r.check_members(value, path, {"kind", "name", "month", "weekday", "nth", "observance", "from_year",
                                    "to_year", "except_years", "source"},
                      {"name", "month", "weekday", "nth"}, note);
      break;
    case RuleKind::easter:
      r.check_members(value, path, {"kind", "name", "offset", "observance", "from_year", "to_year",
                                    "except_years", "source"},
                      {"name", "offset"}, note);
      break;
    case RuleKind::date:
      r.check_members(value, path, {"kind", "name", "date", "observance", "source"}, {"name", "date"}, note);
      break;
  }

  if (const Json* v = r.member(value, "name")) rule.name = r.text(*v, Reader::join(path, "name")).value_or("");
  if (const Json* v = r.member(value, "source")) rule.source = r.text(*v, Reader::join(path, "source")).value_or("");
  if (const Json* v = r.member(value, "month")) {
    if (auto m = r.whole(*v, Reader::join(path, "month"), 1, 12, "a month")) rule.month = static_cast<int>(*m);
    else rule.month = 0;
  }
  if (const Json* v = r.member(value, "day")) {
    // Checked against the month's length in a leap year (29 February is allowed), or 31 when the month is bad.
    const bool month_ok = rule.month >= 1;
    const int longest = month_ok ? days_in_month(2000, rule.month) : 31;
    const std::string what = month_ok ? "a day of month " + std::to_string(rule.month) : "a day of month";
    if (auto d = r.whole(*v, Reader::join(path, "day"), 1, longest, what)) rule.day = static_cast<int>(*d);
  }
  if (const Json* v = r.member(value, "weekday")) {
    if (auto w = r.weekday(*v, Reader::join(path, "weekday"))) rule.weekday = *w;
  }
  if (const Json* v = r.member(value, "nth")) {
    const std::string p = Reader::join(path, "nth");
    if (auto n = r.whole(*v, p, -5, 5)) {
      if (*n == 0) r.add(p, "must be 1..5 (from the month's start) or -1..-5 (from its end; -1 is the last), got 0");
      rule.nth = static_cast<int>(*n);
    }
  }
  if (const Json* v = r.member(value, "offset")) {
    if (auto o = r.whole(*v, Reader::join(path, "offset"), kMinEasterOffset, kMaxEasterOffset, "a number of days"))
      rule.offset = static_cast<int>(*o);
  }
  if (const Json* v = r.member(value, "date")) {
    const std::string p = Reader::join(path, "date");
    if (!v->is_string()) {
      r.add(p, "must be a string");
    } else if (std::optional<Date> d = Date::parse(v->get_ref<const std::string&>())) {
      if (d->year() < first || d->year() > last) {
        r.add(p, "must be in the calendar's years " + std::to_string(first) + ".." + std::to_string(last) +
                     ", got " + d->iso());
      }
      rule.date = *d;
    } else {
      r.add(p, "must be a date \"YYYY-MM-DD\", got " + quote_text(v->get_ref<const std::string&>()));
    }
  }
  if (const Json* v = r.member(value, "observance")) {
    const std::string p = Reader::join(path, "observance");
    if (!v->is_string()) {
      r.add(p, "must be a string");
    } else if (auto o = parse_observance(v->get_ref<const std::string&>())) {
      rule.observance = *o;
    } else {
      r.add(p, "must be " + one_of({"none", "nearest_weekday", "substitute"}) + ", got " +
                   quote_text(v->get_ref<const std::string&>()));
    }
  }
  rule.from_year = first;
  rule.to_year = last;
  if (const Json* v = r.member(value, "from_year")) {
    if (auto y = r.whole(*v, Reader::join(path, "from_year"), first, last, "a year of the calendar"))
      rule.from_year = static_cast<int>(*y);
  }
  if (const Json* v = r.member(value, "to_year")) {
    if (auto y = r.whole(*v, Reader::join(path, "to_year"), first, last, "a year of the calendar")) {
      if (*y < rule.from_year) {
        r.add(Reader::join(path, "to_year"),
              "must not be before from_year (" + std::to_string(rule.from_year) + "), got " + std::to_string(*y));
      } else {
        rule.to_year = static_cast<int>(*y);
      }
    }
  }
  if (const Json* v = r.member(value, "except_years")) {
    const std::string p = Reader::join(path, "except_years");
    if (!v->is_array()) {
      r.add(p, "must be an array");
    } else {
      for (std::size_t i = 0; i < v->size(); ++i) {
        if (auto y = r.whole((*v)[i], Reader::index(p, i), rule.from_year, rule.to_year, "a year of the rule"))
          rule.except_years.push_back(static_cast<int>(*y));
      }
    }
  }
}

CalendarLoad read_calendar(const Json& doc) {
  CalendarLoad out;
  Reader r;
  if (!doc.is_object()) {
    out.problems.push_back(Problem{"", "the top level must be a JSON object"});
    return out;
  }
  r.check_members(doc, "", {"format", "id", "name", "source", "weekend", "first_year", "last_year", "rules"},
                  {"format", "id", "name", "weekend", "first_year", "last_year", "rules"});
  Calendar c;
  if (const Json* v = r.member(doc, "format")) {
    if (!v->is_string() || v->get_ref<const std::string&>() != calendar_format) {
      r.add("format", "must be \"" + std::string(calendar_format) + "\"" +
                          (v->is_string() ? ", got " + quote_text(v->get_ref<const std::string&>()) : std::string()));
    }
  }
  if (const Json* v = r.member(doc, "id")) {
    if (auto id = r.text(*v, "id")) {
      const bool ok = id->size() <= 32 && std::all_of(id->begin(), id->end(), [](char ch) {
                        return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-';
                      });
      if (ok) c.id = *id;
      else r.add("id", "must be up to 32 uppercase letters, digits and '-', such as \"GB-ENG\", got " + quote_text(*id));
    }
  }
  if (const Json* v = r.member(doc, "name")) c.name = r.text(*v, "name").value_or("");
  if (const Json* v = r.member(doc, "source")) {
    if (!v->is_array()) {
      r.add("source", "must be an array of strings");
    } else {
      for (std::size_t i = 0; i < v->size(); ++i) {
        if (auto s = r.text((*v)[i], Reader::index("source", i))) c.sources.push_back(*s);
      }
    }
  }
  if (const Json* v = r.member(doc, "weekend")) {
    if (!v->is_array()) {
      r.add("weekend", "must be an array");
    } else {
      for (std::size_t i = 0; i < v->size(); ++i) {
        const std::string p = Reader::index("weekend", i);
        if (auto w = r.weekday((*v)[i], p)) {
          if (std::find(c.weekend.begin(), c.weekend.end(), *w) != c.weekend.end()) r.add(p, "is listed twice");
          else c.weekend.push_back(*w);
        }
      }
      if (c.weekend.size() == 7) r.add("weekend", "must leave at least one day of the week a working day");
    }
  }
  std::optional<std::int64_t> first;
  std::optional<std::int64_t> last;
  if (const Json* v = r.member(doc, "first_year")) first = r.whole(*v, "first_year", kMinYear, kMaxYear, "a year");
  if (const Json* v = r.member(doc, "last_year")) last = r.whole(*v, "last_year", kMinYear, kMaxYear, "a year");
  if (first && last) {
    if (*last < *first) {
      r.add("last_year", "must not be before first_year (" + std::to_string(*first) + "), got " +
                             std::to_string(*last));
      last.reset();
    } else if (*last - *first >= kMaxYearSpan) {
      r.add("last_year", "must be less than " + std::to_string(kMaxYearSpan) + " years after first_year (" +
                             std::to_string(*first) + "), got " + std::to_string(*last));
      last.reset();
    }
  }
  c.first_year = static_cast<int>(first.value_or(kMinYear));
  c.last_year = static_cast<int>(last.value_or(kMaxYear));
  if (const Json* v = r.member(doc, "rules")) {
    if (!v->is_array()) {
      r.add("rules", "must be an array");
    } else if (v->size() > kMaxRules) {
      r.add("rules", "must hold at most " + std::to_string(kMaxRules) + " rules, got " + std::to_string(v->size()));
    } else {
      c.rules.resize(v->size());
      for (std::size_t i = 0; i < v->size(); ++i) {
        read_rule(r, (*v)[i], Reader::index("rules", i), c.first_year, c.last_year, c.rules[i]);
      }
    }
  }
  out.problems = std::move(r.problems);
  if (out.problems.empty()) {
    c.table = build_holiday_table(c);
    out.calendar = std::move(c);
  }
  return out;
}

}  // namespace

// [SECTION] API -----------------------------------------------------------------------------------------------

CalendarLoad load_calendar(std::string_view json_text) {
  if (std::optional<Problem> syntax = json_text::first_syntax_error(json_text)) {
    CalendarLoad out;
    out.problems.push_back(std::move(*syntax));
    return out;
  }
  const Json doc = Json::parse(json_text.begin(), json_text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    CalendarLoad out;
    out.problems.push_back(Problem{"", "not valid JSON"});
    return out;
  }
  return read_calendar(doc);
}

}  // namespace parley
