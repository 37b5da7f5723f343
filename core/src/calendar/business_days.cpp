// Business days: Gregorian Easter, the holiday table built from a calendar's rules, and the queries over it.
//
// Index of this file:
// [SECTION] Easter
// [SECTION] Rules          the natural day a rule yields in a year
// [SECTION] Table          observance shifts, substitute days, the sorted table with its per-year index
// [SECTION] Queries
#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <utility>

#include "holiday_table.h"

namespace parley {

// [SECTION] Easter --------------------------------------------------------------------------------------------

// The anonymous Gregorian computus (Meeus, Jones, Butcher): golden number, century corrections for the solar
// (leap-year) and lunar (Metonic drift) equations, the epact, then the Sunday after the paschal full moon.
std::optional<Date> easter_sunday(int year) {
  if (year < 1583 || year > 9999) return std::nullopt;
  const int golden = year % 19;                       // position in the 19-year Metonic cycle
  const int century = year / 100;
  const int year_in_century = year % 100;
  const int skipped_leaps = century / 4;              // century years that are leap years after all
  const int century_mod4 = century % 4;
  const int lunar_fix = (century + 8) / 25;           // correction of the Metonic cycle's drift
  const int moon_shift = (century - lunar_fix + 1) / 3;
  // Days from 21 March to the paschal full moon, less one.
  const int full_moon = (19 * golden + century - skipped_leaps - moon_shift + 15) % 30;
  const int leaps_in_century = year_in_century / 4;
  const int year_mod4 = year_in_century % 4;
  // Days from the full moon to the following Sunday, less one.
  const int to_sunday = (32 + 2 * century_mod4 + 2 * leaps_in_century - full_moon - year_mod4) % 7;
  const int late_fix = (golden + 11 * full_moon + 22 * to_sunday) / 451;  // the April 25/26 exceptions
  const int march_days = full_moon + to_sunday - 7 * late_fix + 114;
  return Date::from_ymd(year, march_days / 31, march_days % 31 + 1);
}

namespace {

// [SECTION] Rules ---------------------------------------------------------------------------------------------

// The nth `weekday` of a month: from its start when nth > 0, from its end when nth < 0; nullopt if the month has
// no such day (a fifth Monday).
std::optional<Date> nth_weekday_of(int year, int month, Weekday weekday, int nth) {
  const int target = static_cast<int>(weekday);
  if (nth > 0) {
    const std::optional<Date> first = Date::from_ymd(year, month, 1);
    if (!first) return std::nullopt;
    const int ahead = (target - static_cast<int>(first->weekday()) + 7) % 7;
    const int day = 1 + ahead + 7 * (nth - 1);
    if (day > days_in_month(year, month)) return std::nullopt;
    return first->plus_days(day - 1);
  }
  const int length = days_in_month(year, month);
  const std::optional<Date> last = Date::from_ymd(year, month, length);
  if (!last) return std::nullopt;
  const int back = (static_cast<int>(last->weekday()) - target + 7) % 7;
  const int day = length - back - 7 * (-nth - 1);
  if (day < 1) return std::nullopt;
  return last->plus_days(day - length);
}

bool rule_active(const HolidayRule& rule, int year) {
  if (year < rule.from_year || year > rule.to_year) return false;
  return std::find(rule.except_years.begin(), rule.except_years.end(), year) == rule.except_years.end();
}

// The day `rule` yields in `year` before any observance shift.
std::optional<Date> natural_day(const HolidayRule& rule, int year) {
  if (!rule_active(rule, year)) return std::nullopt;
  switch (rule.kind) {
    case RuleKind::fixed:
      return Date::from_ymd(year, rule.month, rule.day);
    case RuleKind::nth_weekday:
      return nth_weekday_of(year, rule.month, rule.weekday, rule.nth);
    case RuleKind::easter: {
      const std::optional<Date> easter = easter_sunday(year);
      if (!easter) return std::nullopt;
      return easter->plus_days(rule.offset);
    }
    case RuleKind::date:
      if (rule.date.year() != year) return std::nullopt;
      return rule.date;
  }
  return std::nullopt;
}

// [SECTION] Table ---------------------------------------------------------------------------------------------

struct Occurrence {
  Date natural;       // the rule's day
  Date placed;        // the day off after observance
  std::uint32_t rule; // index into the calendar's rules
};

// The nearest day that is not a weekend day; on a tie the later one.
Date nearest_weekday(Date d, unsigned mask) {
  if (!in_mask(mask, d.weekday())) return d;
  for (int k = 1; k <= 7; ++k) {
    if (!in_mask(mask, d.plus_days(k).weekday())) return d.plus_days(k);
    if (!in_mask(mask, d.plus_days(-k).weekday())) return d.plus_days(-k);
  }
  return d;  // every day is a weekend day
}

}  // namespace

unsigned weekend_mask(const std::vector<Weekday>& weekend) {
  unsigned mask = 0;
  for (Weekday w : weekend) mask |= 1u << (static_cast<int>(w) - 1);
  return mask;
}

bool in_mask(unsigned mask, Weekday w) {
  return (mask >> (static_cast<int>(w) - 1) & 1u) != 0;
}

// Places every occurrence in three steps, so that the result does not depend on the order of the rules:
//   1. rules without substitution: on their day (none) or on the nearest non-weekend day (nearest_weekday);
//   2. substitute rules whose day is not a weekend day and not taken by step 1 or an earlier one of step 2;
//   3. the other substitute occurrences, in order of their day: the first later day that is neither a weekend
//      day nor taken. Christmas on a Saturday thus goes to Monday 27 and Boxing Day (Sunday) to Tuesday 28;
//      Christmas on a Sunday goes to Tuesday 27, as Boxing Day keeps Monday 26.
std::shared_ptr<const HolidayTable> build_holiday_table(const Calendar& calendar) {
  auto table = std::make_shared<HolidayTable>();
  const unsigned mask = weekend_mask(calendar.weekend);
  std::vector<Occurrence> occurrences;
  for (int year = calendar.first_year; year <= calendar.last_year; ++year) {
    for (std::uint32_t r = 0; r < calendar.rules.size(); ++r) {
      if (std::optional<Date> d = natural_day(calendar.rules[r], year)) occurrences.push_back({*d, *d, r});
    }
  }
  std::sort(occurrences.begin(), occurrences.end(), [](const Occurrence& a, const Occurrence& b) {
    return a.natural != b.natural ? a.natural < b.natural : a.rule < b.rule;
  });

  std::set<std::int32_t> taken;
  std::vector<std::size_t> pending;  // substitute occurrences for step 3, in order of their day
  for (Occurrence& o : occurrences) {
    const Observance observance = calendar.rules[o.rule].observance;
    if (observance == Observance::substitute) continue;
    if (observance == Observance::nearest_weekday) o.placed = nearest_weekday(o.natural, mask);
    taken.insert(o.placed.days_since_epoch());
  }
  for (std::size_t i = 0; i < occurrences.size(); ++i) {
    Occurrence& o = occurrences[i];
    if (calendar.rules[o.rule].observance != Observance::substitute) continue;
    if (!in_mask(mask, o.natural.weekday()) && taken.insert(o.natural.days_since_epoch()).second) continue;
    pending.push_back(i);
  }
  const bool every_day_weekend = mask == 0x7Fu;
  for (std::size_t i : pending) {
    Occurrence& o = occurrences[i];
    Date d = o.natural;
    if (!every_day_weekend) {
      do {
        d = d.plus_days(1);
      } while (in_mask(mask, d.weekday()) || taken.count(d.days_since_epoch()) != 0);
    }
    o.placed = d;
    taken.insert(d.days_since_epoch());
  }

  std::sort(occurrences.begin(), occurrences.end(), [](const Occurrence& a, const Occurrence& b) {
    return a.placed != b.placed ? a.placed < b.placed : a.rule < b.rule;
  });
  table->first_year = calendar.first_year - 1;
  table->last_year = calendar.last_year + 1;
  const std::size_t years = static_cast<std::size_t>(table->last_year - table->first_year + 1);
  table->year_start.assign(years + 1, 0);
  table->holidays.reserve(occurrences.size());
  for (const Occurrence& o : occurrences) {
    const int year = o.placed.year();
    if (year < table->first_year || year > table->last_year) continue;
    table->holidays.push_back(Holiday{o.placed, calendar.rules[o.rule].name});
    ++table->year_start[static_cast<std::size_t>(year - table->first_year) + 1];
    if (table->days.empty() || table->days.back() != o.placed.days_since_epoch())
      table->days.push_back(o.placed.days_since_epoch());
  }
  for (std::size_t y = 1; y <= years; ++y) table->year_start[y] += table->year_start[y - 1];
  return table;
}

// [SECTION] Queries -------------------------------------------------------------------------------------------

namespace {

bool is_holiday(const HolidayTable* table, Date date) {
  return table != nullptr && std::binary_search(table->days.begin(), table->days.end(), date.days_since_epoch());
}

bool business(const HolidayTable* table, unsigned mask, Date date) {
  return !in_mask(mask, date.weekday()) && !is_holiday(table, date);
}

// Holidays on non-weekend days among the days [lo, hi].
int weekday_holidays_between(const HolidayTable* table, unsigned mask, Date lo, Date hi) {
  if (table == nullptr) return 0;
  int count = 0;
  auto it = std::lower_bound(table->days.begin(), table->days.end(), lo.days_since_epoch());
  for (; it != table->days.end() && *it <= hi.days_since_epoch(); ++it) {
    if (!in_mask(mask, Date::from_days(*it).weekday())) ++count;
  }
  return count;
}

}  // namespace

std::vector<Holiday> holidays_in(const Calendar& calendar, int year) {
  const HolidayTable* table = calendar.table.get();
  if (table == nullptr || year < table->first_year || year > table->last_year) return {};
  const std::size_t i = static_cast<std::size_t>(year - table->first_year);
  return std::vector<Holiday>(table->holidays.begin() + table->year_start[i],
                              table->holidays.begin() + table->year_start[i + 1]);
}

bool is_holiday(const Calendar& calendar, Date date) {
  return is_holiday(calendar.table.get(), date);
}

bool is_business_day(const Calendar& calendar, Date date) {
  return business(calendar.table.get(), weekend_mask(calendar.weekend), date);
}

Date roll(const Calendar& calendar, Date date, DayRoll rule) {
  const HolidayTable* table = calendar.table.get();
  const unsigned mask = weekend_mask(calendar.weekend);
  if (rule == DayRoll::none || mask == 0x7Fu || business(table, mask, date)) return date;
  const auto step_to_business = [&](int step) {
    Date d = date;
    do {
      d = d.plus_days(step);
    } while (!business(table, mask, d));
    return d;
  };
  switch (rule) {
    case DayRoll::none:
      return date;
    case DayRoll::following:
      return step_to_business(1);
    case DayRoll::preceding:
      return step_to_business(-1);
    case DayRoll::modified_following: {
      const Date next = step_to_business(1);
      return next.month() == date.month() ? next : step_to_business(-1);
    }
  }
  return date;
}

Date add_business_days(const Calendar& calendar, Date date, int n) {
  const HolidayTable* table = calendar.table.get();
  const unsigned mask = weekend_mask(calendar.weekend);
  if (n == 0 || mask == 0x7Fu) return date;
  const int step = n > 0 ? 1 : -1;
  std::int64_t remaining = n > 0 ? static_cast<std::int64_t>(n) : -static_cast<std::int64_t>(n);
  const int workdays_per_week = 7 - std::popcount(mask);
  Date d = date;
  // Whole weeks first, while the target lies beyond the week ahead.
  while (remaining > workdays_per_week) {
    const Date lo = step > 0 ? d.plus_days(1) : d.plus_days(-7);
    const Date hi = step > 0 ? d.plus_days(7) : d.plus_days(-1);
    const int count = workdays_per_week - weekday_holidays_between(table, mask, lo, hi);
    if (count >= remaining) break;
    d = d.plus_days(7 * step);
    remaining -= count;
  }
  while (remaining > 0) {
    d = d.plus_days(step);
    if (business(table, mask, d)) --remaining;
  }
  return d;
}

}  // namespace parley
