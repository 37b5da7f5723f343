// The JSON form of a holiday calendar, streamed through the field tables of core/src/json: each problem named by
// its JSON path, nothing loaded when any problem is found.
//
// Index of this file:
// [SECTION] Spellings    rule kinds and observances
// [SECTION] Context      the calendar's years, which a rule's years and dates are checked against
// [SECTION] Rules        the members of a rule by kind, and the checks across them
// [SECTION] Calendar     the top-level members
// [SECTION] API
//
// Each value is checked on its own when it is read (type, range, spelling). Checks that relate members run when
// their object ends: a rule's day against its month, its years and dates against the calendar's years. The
// calendar's years are usually read before its rules; when they are not, those checks of the rules wait for the
// end of the calendar.
#include <algorithm>
#include <climits>
#include <string>
#include <string_view>
#include <vector>

#include "holiday_table.h"
#include "json/enum_spelling.h"
#include "json/reader.h"
#include "json_text.h"
#include "parley/calendar/business_days.h"

namespace parley {
namespace {

constexpr int kMinYear = 1583;          // the first full year of the Gregorian calendar (Easter is defined)
constexpr int kMaxYear = 9999;
constexpr int kMaxYearSpan = 400;       // years a calendar may cover, which bounds its table
constexpr std::size_t kMaxRules = 500;
constexpr int kMinEasterOffset = -80;   // Easter is 22 March..25 April: these keep the day in Easter's year
constexpr int kMaxEasterOffset = 250;
constexpr int kRefusedYear = INT_MIN;   // an element of except_years that was refused (it keeps its index)

// [SECTION] Spellings -----------------------------------------------------------------------------------------

constexpr auto kRuleKinds = json::spellings<RuleKind>({{RuleKind::fixed, "fixed"},
                                                       {RuleKind::nth_weekday, "nth-weekday", "nth_weekday"},
                                                       {RuleKind::easter, "easter"},
                                                       {RuleKind::date, "date"}});
constexpr auto kObservances = json::spellings<Observance>({{Observance::none, "none"},
                                                           {Observance::nearest_weekday, "nearest-weekday", "nearest_weekday"},
                                                           {Observance::substitute, "substitute"}});

}  // namespace

std::string_view to_string(RuleKind kind) { return kRuleKinds.text(kind); }
std::optional<RuleKind> parse_rule_kind(std::string_view text) { return kRuleKinds.parse(text); }
std::string_view to_string(Observance observance) { return kObservances.text(observance); }
std::optional<Observance> parse_observance(std::string_view text) { return kObservances.parse(text); }

namespace {

// [SECTION] Context -------------------------------------------------------------------------------------------

// Which members of a rule were read and accepted, for the checks against the calendar's years.
struct RuleGiven {
  std::size_t index = 0;
  bool date = false;
  bool from_year = false;
  bool to_year = false;
};

struct CalendarRead {
  Calendar* calendar = nullptr;
  bool first_read = false;  // first_year (or last_year) has been read, accepted or not
  bool last_read = false;
  bool years_known = false;  // the calendar's years are settled: first and last below
  int first = kMinYear;
  int last = kMaxYear;
  std::vector<RuleGiven> waiting;  // rules read before the years were known
};

// The calendar's years: last_year checked against first_year; a missing or refused year leaves the widest range.
void settle_years(json::Reader& r, CalendarRead& ctx) {
  Calendar& c = *ctx.calendar;
  if (c.first_year != 0 && c.last_year != 0) {
    if (c.last_year < c.first_year) {
      r.problem_at("last_year", "must not be before first_year (" + std::to_string(c.first_year) + "), got " +
                                    std::to_string(c.last_year));
      c.last_year = 0;
    } else if (c.last_year - c.first_year >= kMaxYearSpan) {
      r.problem_at("last_year", "must be less than " + std::to_string(kMaxYearSpan) + " years after first_year (" +
                                    std::to_string(c.first_year) + "), got " + std::to_string(c.last_year));
      c.last_year = 0;
    }
  }
  ctx.first = c.first_year != 0 ? c.first_year : kMinYear;
  ctx.last = c.last_year != 0 ? c.last_year : kMaxYear;
  ctx.years_known = true;
}

// first_year and last_year: a year (0 stays in the calendar when refused); the second one read settles both.
bool read_year(json::Reader& r, const json::Codec& codec, void* target, json::Scalar& value) {
  const bool accepted = json::detail::read_integer_as<int>(r, codec, target, value);
  CalendarRead& ctx = r.context<CalendarRead>();
  (target == &ctx.calendar->first_year ? ctx.first_read : ctx.last_read) = true;
  if (ctx.first_read && ctx.last_read && !ctx.years_known) settle_years(r, ctx);
  return accepted;
}

// [SECTION] Rules ---------------------------------------------------------------------------------------------

// The checks of a rule against the calendar's years, at `base` ("rules[2]"), one member at a time in table order;
// a member absent or refused takes the calendar's years.
void check_rule_date(json::Reader& r, HolidayRule& rule, const std::string& base, const RuleGiven& given,
                     int first, int last) {
  if (given.date && (rule.date.year() < first || rule.date.year() > last)) {
    r.problem_at_path(base + ".date", "must be in the calendar's years " + std::to_string(first) + ".." +
                                          std::to_string(last) + ", got " + rule.date.iso());
  }
}

std::string outside(std::string_view what, int low, int high, int year) {
  return "must be " + std::string(what) + " between " + std::to_string(low) + " and " + std::to_string(high) +
         ", got " + std::to_string(year);
}

void check_rule_from(json::Reader& r, HolidayRule& rule, const std::string& base, const RuleGiven& given,
                     int first, int last) {
  if (given.from_year && (rule.from_year < first || rule.from_year > last)) {
    r.problem_at_path(base + ".from_year", outside("a year of the calendar", first, last, rule.from_year));
  }
  if (!given.from_year || rule.from_year < first || rule.from_year > last) rule.from_year = first;
}

void check_rule_to(json::Reader& r, HolidayRule& rule, const std::string& base, const RuleGiven& given, int first,
                   int last) {
  if (!given.to_year) {
    rule.to_year = last;
  } else if (rule.to_year < first || rule.to_year > last) {
    r.problem_at_path(base + ".to_year", outside("a year of the calendar", first, last, rule.to_year));
    rule.to_year = last;
  } else if (rule.to_year < rule.from_year) {
    r.problem_at_path(base + ".to_year", "must not be before from_year (" + std::to_string(rule.from_year) +
                                             "), got " + std::to_string(rule.to_year));
    rule.to_year = last;
  }
}

void check_rule_except(json::Reader& r, const HolidayRule& rule, const std::string& base) {
  for (std::size_t i = 0; i < rule.except_years.size(); ++i) {
    const int year = rule.except_years[i];
    if (year != kRefusedYear && (year < rule.from_year || year > rule.to_year)) {
      r.problem_at_path(base + ".except_years[" + std::to_string(i) + "]",
                        outside("a year of the rule", rule.from_year, rule.to_year, year));
    }
  }
}

RuleGiven given_of(const json::Reader& r) {
  return RuleGiven{r.element_index(), r.given("date"), r.given("from_year"), r.given("to_year")};
}

// Member checks of a rule: each runs when the rule ends, at its member's place among the rule's problems.
void check_day(json::Reader& r, void* object) {
  const HolidayRule& rule = *static_cast<const HolidayRule*>(object);
  if (!r.given("day")) return;
  // Checked against the month's length in a leap year (29 February is allowed).
  const int longest = r.given("month") ? days_in_month(2000, rule.month) : 31;
  if (rule.day > longest) {
    r.problem_at("day", "must be a day of month " + std::to_string(rule.month) + " between 1 and " +
                            std::to_string(longest) + ", got " + std::to_string(rule.day));
  }
}

template <void (*Check)(json::Reader&, HolidayRule&, const std::string&, const RuleGiven&, int, int)>
void check_against_years(json::Reader& r, void* object) {
  const CalendarRead& ctx = r.context<CalendarRead>();
  if (ctx.years_known) Check(r, *static_cast<HolidayRule*>(object), r.path(), given_of(r), ctx.first, ctx.last);
}

void check_except(json::Reader& r, void* object) {
  if (r.context<CalendarRead>().years_known) check_rule_except(r, *static_cast<const HolidayRule*>(object), r.path());
}

// A rule read before the calendar's years waits for them (finish_calendar).
void finish_rule(json::Reader& r, void*) {
  CalendarRead& ctx = r.context<CalendarRead>();
  if (!ctx.years_known) ctx.waiting.push_back(given_of(r));
}

// nth: 1..5 or -1..-5.
bool read_nth(json::Reader& r, const json::Codec& codec, void* target, json::Scalar& value) {
  if (!json::detail::read_integer_as<int>(r, codec, target, value)) return false;
  if (*static_cast<int*>(target) != 0) return true;
  r.problem("must be 1..5 (from the month's start) or -1..-5 (from its end; -1 is the last), got 0");
  return false;
}

// An element of except_years: a refused one stays as kRefusedYear, so that later elements keep their index.
bool read_except_year(json::Reader& r, const json::Codec& codec, void* target, json::Scalar& value) {
  if (!json::detail::read_integer_as<int>(r, codec, target, value)) *static_cast<int*>(target) = kRefusedYear;
  return true;
}

constexpr json::Words whole(std::string_view noun = {}) {
  return {"must be a whole number", {}, true, {}, noun};
}

constexpr auto kText = json::text({"must be a string", {}, false, "must not be empty"});
constexpr auto kMonth = json::integer<int>(1, 12, whole("a month"));
constexpr auto kDay = json::integer<int>(1, 31, whole("a day of month"));
constexpr auto kWeekday = json::spelling<Weekday, parse_weekday>(
    {"must be a string", {}, false, {}, {}, [](std::string_view got) {
       return "must be a weekday name in lowercase English (\"monday\" .. \"sunday\"), got " + json_text::quoted(got);
     }});
constexpr auto kNth = json::custom<int>(read_nth, json::detail::write_integer_as<int>, whole(), -5, 5);
constexpr auto kOffset = json::integer<int>(kMinEasterOffset, kMaxEasterOffset, whole("a number of days"));
constexpr auto kRuleDate = json::date({"must be a string", "must be a date \"YYYY-MM-DD\"", true});
constexpr auto kKind = json::spelling<RuleKind, parse_rule_kind>(
    {"must be a string", {}, false, {}, {},
     [](std::string_view got) { return "must be " + json::either<RuleKind>() + ", got " + json_text::quoted(got); }});
constexpr auto kObservance = json::spelling<Observance, parse_observance>(
    {"must be a string", {}, false, {}, {},
     [](std::string_view got) { return "must be " + json::either<Observance>() + ", got " + json_text::quoted(got); }});
constexpr auto kYear = json::integer<int>(kMinYear, kMaxYear, whole("a year"));
constexpr auto kExceptYear =
    json::custom<int>(read_except_year, json::detail::write_integer_as<int>, whole("a year"), kMinYear, kMaxYear);
constexpr auto kExceptYears = json::array(kExceptYear, {"must be an array"});

constexpr std::uint32_t kind_bit(RuleKind k) {
  return std::uint32_t{1} << static_cast<int>(k);
}
constexpr std::uint32_t kFixed = kind_bit(RuleKind::fixed);
constexpr std::uint32_t kNthWeekday = kind_bit(RuleKind::nth_weekday);
constexpr std::uint32_t kEaster = kind_bit(RuleKind::easter);
constexpr std::uint32_t kDated = kind_bit(RuleKind::date);
constexpr std::uint32_t kYearly = kFixed | kNthWeekday | kEaster;

constexpr json::Member kRuleMembers[] = {
    json::member<&HolidayRule::kind>("kind", kKind),
    json::member<&HolidayRule::name>("name", kText),
    json::member<&HolidayRule::source>("source", kText, json::optional_member),
    json::member<&HolidayRule::month>("month", kMonth).in_kinds(kFixed | kNthWeekday, kFixed | kNthWeekday),
    json::member<&HolidayRule::day>("day", kDay).in_kinds(kFixed, kFixed).checked_by(check_day),
    json::member<&HolidayRule::weekday>("weekday", kWeekday).in_kinds(kNthWeekday, kNthWeekday),
    json::member<&HolidayRule::nth>("nth", kNth).in_kinds(kNthWeekday, kNthWeekday),
    json::member<&HolidayRule::offset>("offset", kOffset).in_kinds(kEaster, kEaster),
    json::member<&HolidayRule::date>("date", kRuleDate)
        .in_kinds(kDated, kDated)
        .checked_by(check_against_years<check_rule_date>),
    json::member<&HolidayRule::observance>("observance", kObservance, json::optional_member),
    json::member<&HolidayRule::from_year>("from_year", kYear)
        .in_kinds(kYearly, 0)
        .checked_by(check_against_years<check_rule_from>),
    json::member<&HolidayRule::to_year>("to_year", kYear)
        .in_kinds(kYearly, 0)
        .checked_by(check_against_years<check_rule_to>),
    json::member<&HolidayRule::except_years>("except_years", kExceptYears).in_kinds(kYearly, 0).checked_by(check_except),
};

constexpr json::ObjectType kRuleType = json::variant_type(
    kRuleMembers, {"unknown member", "required member is missing"}, "kind",
    [](const void* rule) { return static_cast<int>(static_cast<const HolidayRule*>(rule)->kind); },
    [](const void* rule) {
      return "unknown member for a " + json_text::quoted(to_string(static_cast<const HolidayRule*>(rule)->kind)) +
             " rule";
    },
    finish_rule);
constexpr auto kRule = json::object<HolidayRule>(kRuleType, {"must be an object"});

// [SECTION] Calendar ------------------------------------------------------------------------------------------

// id: up to 32 of A-Z, 0-9 and '-'.
bool read_id(json::Reader& r, const json::Codec& codec, void* target, json::Scalar& value) {
  if (!json::detail::read_text(r, codec, target, value)) return false;
  const std::string& id = *static_cast<std::string*>(target);
  const bool ok = id.size() <= 32 && std::all_of(id.begin(), id.end(), [](char ch) {
                    return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-';
                  });
  if (!ok) r.problem("must be up to 32 uppercase letters, digits and '-', such as \"GB-ENG\", got " + json_text::quoted(id));
  return ok;
}

void end_weekend(json::Reader& r, const json::Codec&, void* vector, std::size_t) {
  if (static_cast<const std::vector<Weekday>*>(vector)->size() == 7) {
    r.problem("must leave at least one day of the week a working day");
  }
}

void end_rules(json::Reader& r, const json::Codec&, void*, std::size_t count) {
  if (count > kMaxRules) {
    r.problem("must hold at most " + std::to_string(kMaxRules) + " rules, got " + std::to_string(count));
  }
}

void finish_calendar(json::Reader& r, void* object) {
  Calendar& c = *static_cast<Calendar*>(object);
  CalendarRead& ctx = r.context<CalendarRead>();
  if (!ctx.years_known) settle_years(r, ctx);
  c.first_year = ctx.first;
  c.last_year = ctx.last;
  for (const RuleGiven& given : ctx.waiting) {
    if (given.index >= c.rules.size()) continue;
    HolidayRule& rule = c.rules[given.index];
    const std::string base = "rules[" + std::to_string(given.index) + "]";
    check_rule_date(r, rule, base, given, ctx.first, ctx.last);
    check_rule_from(r, rule, base, given, ctx.first, ctx.last);
    check_rule_to(r, rule, base, given, ctx.first, ctx.last);
    check_rule_except(r, rule, base);
  }
}

constexpr auto kFormat = json::constant(calendar_format, {{}, {}, true});
constexpr auto kId = json::custom<std::string>(read_id, json::detail::write_text,
                                               {"must be a string", {}, false, "must not be empty"});
constexpr auto kSources = json::array(kText, {"must be an array of strings"});
constexpr auto kWeekend = json::array(kWeekday, {"must be an array"}, {true, SIZE_MAX, end_weekend});
constexpr auto kCalendarYear =
    json::custom<int>(read_year, json::detail::write_integer_as<int>, whole("a year"), kMinYear, kMaxYear);
constexpr auto kRules = json::array(kRule, {"must be an array"}, {false, kMaxRules, end_rules});

constexpr json::Member kCalendarMembers[] = {
    json::member("format", kFormat),
    json::member<&Calendar::id>("id", kId),
    json::member<&Calendar::name>("name", kText),
    json::member<&Calendar::sources>("source", kSources, json::optional_member),
    json::member<&Calendar::weekend>("weekend", kWeekend),
    json::member<&Calendar::first_year>("first_year", kCalendarYear),
    json::member<&Calendar::last_year>("last_year", kCalendarYear),
    json::member<&Calendar::rules>("rules", kRules),
};
constexpr json::ObjectType kCalendarType =
    json::object_type(kCalendarMembers, {"unknown member", "required member is missing"}, finish_calendar);
constexpr auto kCalendar = json::object<Calendar>(kCalendarType, {"the top level must be a JSON object"});

}  // namespace

// [SECTION] API -----------------------------------------------------------------------------------------------

CalendarLoad load_calendar(std::string_view json_text) {
  CalendarLoad out;
  Calendar c;
  CalendarRead ctx;
  ctx.calendar = &c;
  json::Reader reader(json_text, &ctx);
  out.problems = reader.read(kCalendar, c);
  if (out.problems.empty()) {
    c.table = build_holiday_table(c);
    out.calendar = std::move(c);
  }
  return out;
}

}  // namespace parley
