#pragma once
// Business days: holiday calendars kept as data (assets/calendars/*.json) and the rules that move a date onto
// a business day or count business days.
//
// Index of this file:
// [SECTION] Calendar     a named set of holiday rules (fixed dates, nth weekday, Easter offsets, observance)
// [SECTION] Loading      from the JSON form, with problems naming the place
// [SECTION] Queries      is_business_day, roll, add_business_days, holidays_in
//
// Core reads no files: hosts read assets/calendars/<id>.json and pass the text to load_calendar. The same text
// gives the same calendar on every host. The format is documented in docs/calendars.md.
//
// A loaded calendar holds every holiday of its years in an immutable table shared by its copies, so queries
// never compute rules and never write anything: a Calendar may be read from many threads at once. Outside
// [first_year, last_year] (and the observed days that spill into the years just before and after) a calendar
// knows no holidays and only its weekend days are not business days.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/date.h"
#include "parley/problem.h"

namespace parley {

// [SECTION] Calendar ------------------------------------------------------------------------------------------

struct Holiday {
  Date date;          // the day that is not a business day (after any weekend observance shift)
  std::string name;   // "Independence Day", "Lundi de Pâques"
  friend bool operator==(const Holiday&, const Holiday&) = default;
};

enum class RuleKind {
  fixed,        // the same month and day every year (4 July)
  nth_weekday,  // the nth given weekday of a month, counted from its start or its end (last Monday of May)
  easter,       // a number of days from Gregorian Easter Sunday (Good Friday: -2)
  date,         // one day only (a state funeral, a coronation)
};

enum class Observance {
  none,             // the holiday stays on its day, even on a weekend
  nearest_weekday,  // a weekend day moves to the nearest non-weekend day, a tie to the later (Sat -> Fri, Sun -> Mon)
  substitute,       // a weekend day (or a day taken by another holiday) moves to the next free non-weekend day
};

// The spellings of the JSON form (docs/calendars.md).
std::string_view to_string(RuleKind);
std::optional<RuleKind> parse_rule_kind(std::string_view text);
std::string_view to_string(Observance);
std::optional<Observance> parse_observance(std::string_view text);

struct HolidayRule {
  RuleKind kind = RuleKind::fixed;    // which of the members below define the day
  std::string name;                   // the holiday's name, given to each day the rule yields
  int month = 1;                      // fixed, nth_weekday: 1..12
  int day = 1;                        // fixed: 1..31; a year without that day (29 February) yields nothing
  Weekday weekday = Weekday::monday;  // nth_weekday
  int nth = 1;                        // nth_weekday: 1..5 from the month's start, -1..-5 from its end (-1: last)
  int offset = 0;                     // easter: days after Easter Sunday, -80..250 (stays in Easter's year)
  Date date;                          // date: the one day
  Observance observance = Observance::none;  // what happens when the day is a weekend day
  int from_year = 0;                  // first year the rule yields a holiday (the calendar's first_year if absent)
  int to_year = 0;                    // last year (the calendar's last_year if absent)
  std::vector<int> except_years;      // years it yields nothing (a holiday moved that year by proclamation)
  std::string source;                 // optional citation for this rule
  friend bool operator==(const HolidayRule&, const HolidayRule&) = default;
};

struct HolidayTable;  // every holiday of a calendar's years, sorted; built by load_calendar, never modified

struct Calendar {
  std::string id;                         // "US-FEDERAL", "GB-ENG", "FR"
  std::string name;                       // "United States federal holidays"
  std::vector<std::string> sources;       // where the rules come from (statutes, official lists)
  std::vector<Weekday> weekend;           // usually saturday, sunday
  std::vector<HolidayRule> rules;         // in the order of the JSON text
  int first_year = 0;                     // rules are valid for years [first_year, last_year]
  int last_year = 0;
  std::shared_ptr<const HolidayTable> table;  // the holidays of those years; null in a default Calendar
};

// Holiday calendars by id, as hosts load them (Calendar::id).
using CalendarSet = std::map<std::string, Calendar, std::less<>>;

// [SECTION] Loading -------------------------------------------------------------------------------------------

inline constexpr std::string_view calendar_format = "parley.calendar/1";  // the "format" member

struct CalendarLoad {
  std::optional<Calendar> calendar;  // set only when problems is empty
  Problems problems;                 // each with its JSON path
};
CalendarLoad load_calendar(std::string_view json_text);

// Gregorian Easter Sunday of `year` (1583..9999); nullopt outside that range.
std::optional<Date> easter_sunday(int year);

// [SECTION] Queries -------------------------------------------------------------------------------------------

enum class DayRoll {
  none,                // keep the date
  following,           // the next business day
  modified_following,  // the next business day unless it falls in the next month, then the previous one
  preceding,           // the previous business day
};

// The holidays whose (observed) day falls in `year`, sorted by date; two holidays may share a day.
std::vector<Holiday> holidays_in(const Calendar& calendar, int year);
// Neither a weekend day nor a holiday.
bool is_business_day(const Calendar& calendar, Date date);
// Whether a holiday of the calendar falls (is observed) on `date`, whatever day of the week it is.
bool is_holiday(const Calendar& calendar, Date date);
// The date moved onto a business day by `rule`; a business day comes back unchanged.
Date roll(const Calendar& calendar, Date date, DayRoll rule);
// The nth business day after `date` (before it when n < 0); `date` itself never counts; 0 returns date.
Date add_business_days(const Calendar& calendar, Date date, int n);

}  // namespace parley
