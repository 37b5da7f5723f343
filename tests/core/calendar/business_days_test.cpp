// Rolls and business-day arithmetic over the shipped calendars: month ends, holidays, negative counts, a naive
// day-by-day reference, copies shared across threads, and the speed of a 60-instalment schedule.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string_view>
#include <vector>
#ifndef __EMSCRIPTEN__
#include <thread>
#endif

#include "calendar_fixtures.h"

namespace parley {
namespace {

using testdata::shipped;
using testdata::ymd;

constexpr std::string_view kAll[] = {"US-FEDERAL", "GB-ENG", "GB-SCT", "FR"};

// [SECTION] Roll ----------------------------------------------------------------------------------------------

TEST(CalendarRoll, BusinessDayIsKeptByEveryRule) {
  const Calendar& us = shipped("US-FEDERAL");
  const Date tuesday = ymd(2026, 3, 10);
  for (DayRoll r : {DayRoll::none, DayRoll::following, DayRoll::modified_following, DayRoll::preceding})
    EXPECT_EQ(roll(us, tuesday, r), tuesday);
  EXPECT_EQ(roll(us, ymd(2026, 3, 7), DayRoll::none), ymd(2026, 3, 7));  // a Saturday stays with none
}

TEST(CalendarRoll, AcrossMonthEnds) {
  const Calendar& us = shipped("US-FEDERAL");
  // Saturday 30 May 2026: Monday 1 June is in the next month, so modified following goes back to Friday 29 May.
  EXPECT_EQ(roll(us, ymd(2026, 5, 30), DayRoll::following), ymd(2026, 6, 1));
  EXPECT_EQ(roll(us, ymd(2026, 5, 30), DayRoll::modified_following), ymd(2026, 5, 29));
  EXPECT_EQ(roll(us, ymd(2026, 5, 30), DayRoll::preceding), ymd(2026, 5, 29));
  // Saturday 31 January 2026.
  EXPECT_EQ(roll(us, ymd(2026, 1, 31), DayRoll::following), ymd(2026, 2, 2));
  EXPECT_EQ(roll(us, ymd(2026, 1, 31), DayRoll::modified_following), ymd(2026, 1, 30));
  // Saturday 1 August 2026: modified following stays forward inside the month.
  EXPECT_EQ(roll(us, ymd(2026, 8, 1), DayRoll::modified_following), ymd(2026, 8, 3));

  const Calendar& eng = shipped("GB-ENG");
  // Saturday 29 August 2026: Monday 31 is the summer bank holiday, Tuesday 1 September the next business day.
  EXPECT_EQ(roll(eng, ymd(2026, 8, 29), DayRoll::following), ymd(2026, 9, 1));
  EXPECT_EQ(roll(eng, ymd(2026, 8, 29), DayRoll::modified_following), ymd(2026, 8, 28));
  // Good Friday 29 March 2024 then Easter Monday 1 April: following crosses into April.
  EXPECT_EQ(roll(eng, ymd(2024, 3, 29), DayRoll::following), ymd(2024, 4, 2));
  EXPECT_EQ(roll(eng, ymd(2024, 3, 29), DayRoll::modified_following), ymd(2024, 3, 28));
  // Christmas 2027 (Saturday) with substitute Monday 27 and Tuesday 28.
  EXPECT_EQ(roll(eng, ymd(2027, 12, 25), DayRoll::following), ymd(2027, 12, 29));
  EXPECT_EQ(roll(eng, ymd(2027, 12, 25), DayRoll::preceding), ymd(2027, 12, 24));
  // Friday 31 December 1999 (millennium bank holiday) -> Tuesday 4 January 2000 (3 January: New Year's substitute).
  EXPECT_EQ(roll(eng, ymd(1999, 12, 31), DayRoll::following), ymd(2000, 1, 4));
  EXPECT_EQ(roll(eng, ymd(1999, 12, 31), DayRoll::modified_following), ymd(1999, 12, 30));

  const Calendar& fr = shipped("FR");
  // Friday 1 May 2026 (Fête du Travail) -> Monday 4 May; preceding Thursday 30 April.
  EXPECT_EQ(roll(fr, ymd(2026, 5, 1), DayRoll::following), ymd(2026, 5, 4));
  EXPECT_EQ(roll(fr, ymd(2026, 5, 1), DayRoll::modified_following), ymd(2026, 5, 4));
  EXPECT_EQ(roll(fr, ymd(2026, 5, 1), DayRoll::preceding), ymd(2026, 4, 30));
}

// [SECTION] Adding business days ------------------------------------------------------------------------------

TEST(CalendarAddBusinessDays, OverHolidays) {
  const Calendar& us = shipped("US-FEDERAL");
  EXPECT_EQ(add_business_days(us, ymd(2026, 7, 2), 1), ymd(2026, 7, 6));    // skips observed 3 July + weekend
  EXPECT_EQ(add_business_days(us, ymd(2026, 7, 6), -1), ymd(2026, 7, 2));
  EXPECT_EQ(add_business_days(us, ymd(2026, 11, 25), 1), ymd(2026, 11, 27));  // Thanksgiving
  EXPECT_EQ(add_business_days(us, ymd(2026, 12, 23), 3), ymd(2026, 12, 29));  // 24, (25), 28, 29
  EXPECT_EQ(add_business_days(us, ymd(2026, 3, 7), 0), ymd(2026, 3, 7));      // 0 keeps even a Saturday
  EXPECT_EQ(add_business_days(us, ymd(2026, 3, 7), 1), ymd(2026, 3, 9));      // Saturday + 1 -> Monday
  EXPECT_EQ(add_business_days(us, ymd(2026, 3, 8), -1), ymd(2026, 3, 6));     // Sunday - 1 -> Friday

  const Calendar& eng = shipped("GB-ENG");
  EXPECT_EQ(add_business_days(eng, ymd(2027, 12, 23), 2), ymd(2027, 12, 29));  // 24, then 29
  EXPECT_EQ(add_business_days(eng, ymd(2027, 12, 29), -2), ymd(2027, 12, 23));
  EXPECT_EQ(add_business_days(eng, ymd(2022, 5, 31), 2), ymd(2022, 6, 6));    // Jubilee 2 and 3 June

  const Calendar& fr = shipped("FR");
  EXPECT_EQ(add_business_days(fr, ymd(2026, 5, 7), 1), ymd(2026, 5, 11));   // Friday 8 May
  EXPECT_EQ(add_business_days(fr, ymd(2026, 5, 13), 1), ymd(2026, 5, 15));  // Ascension Thursday 14 May
}

// A day-by-day reference: the nth business day after (before) `from`.
Date naive_add(const Calendar& c, Date from, int n) {
  const int step = n > 0 ? 1 : -1;
  Date d = from;
  for (int left = n > 0 ? n : -n; left > 0;) {
    d = d.plus_days(step);
    if (is_business_day(c, d)) --left;
  }
  return d;
}

TEST(CalendarAddBusinessDays, AgreesWithADayByDayCount) {
  for (std::string_view id : kAll) {
    const Calendar& c = shipped(id);
    for (Date start = ymd(2021, 11, 20); start < ymd(2022, 1, 10); start = start.plus_days(3)) {
      for (int n : {1, 2, 5, 6, 7, 8, 9, 10, 11, 22, 23, 61, 250, 1000, -1, -2, -5, -6, -9, -23, -250, -1000}) {
        ASSERT_EQ(add_business_days(c, start, n), naive_add(c, start, n)) << id << " " << start.iso() << " " << n;
      }
    }
  }
}

TEST(CalendarAddBusinessDays, ForwardThenBackReturnsToABusinessDay) {
  const Calendar& eng = shipped("GB-ENG");
  for (Date d = ymd(2022, 1, 1); d < ymd(2023, 1, 1); d = d.plus_days(1)) {
    if (!is_business_day(eng, d)) continue;
    ASSERT_EQ(add_business_days(eng, add_business_days(eng, d, 17), -17), d) << d.iso();
  }
}

// [SECTION] Values, threads, speed ----------------------------------------------------------------------------

TEST(CalendarValue, CopiesAnswerAlikeAndShareTheirTable) {
  const Calendar& us = shipped("US-FEDERAL");
  const Calendar copy = us;
  EXPECT_EQ(copy.table.get(), us.table.get());
  EXPECT_EQ(holidays_in(copy, 2026), holidays_in(us, 2026));
  Calendar assigned;
  assigned = copy;
  EXPECT_EQ(add_business_days(assigned, ymd(2026, 7, 2), 1), ymd(2026, 7, 6));
  const Calendar empty;  // a default calendar: no weekend, no holidays
  EXPECT_TRUE(is_business_day(empty, ymd(2026, 7, 4)));
  EXPECT_TRUE(holidays_in(empty, 2026).empty());
  EXPECT_EQ(add_business_days(empty, ymd(2026, 7, 3), 2), ymd(2026, 7, 5));
}

#ifndef __EMSCRIPTEN__
TEST(CalendarValue, ConcurrentQueriesAgree) {
  const Calendar& eng = shipped("GB-ENG");
  const Date expected = add_business_days(eng, ymd(2024, 1, 1), 1000);
  std::vector<Date> results(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] {
      const Calendar local = eng;
      Date d;
      for (int i = 0; i < 50; ++i) d = add_business_days(local, ymd(2024, 1, 1), 1000);
      results[t] = d;
    });
  }
  for (std::thread& th : threads) th.join();
  for (Date d : results) EXPECT_EQ(d, expected);
}
#endif

TEST(CalendarSpeed, LoadingAShippedCalendarBuildsItsWholeTable) {
  for (std::string_view id : kAll) {
    const std::string_view text = testdata::calendar_text(id);
    const auto start = std::chrono::steady_clock::now();
    const CalendarLoad load = load_calendar(text);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(load.calendar.has_value()) << id;
    const Calendar& c = *load.calendar;
    std::size_t holidays = 0;
    for (int y = c.first_year - 1; y <= c.last_year + 1; ++y) holidays += holidays_in(c, y).size();
    std::printf("[ figures  ] load %s: %d..%d, %zu holidays, %.2f ms\n", c.id.c_str(), c.first_year, c.last_year,
                holidays, ms);
    // Every year of the calendar has holidays, and there are no more than its rules can give.
    EXPECT_GE(holidays, static_cast<std::size_t>(c.last_year - c.first_year + 1) * 8) << id;
    EXPECT_LE(holidays, static_cast<std::size_t>(c.last_year - c.first_year + 1) * c.rules.size()) << id;
  }
}

// Over 2,000 schedules of 60 monthly due dates (the work of a long plan quote): every rolled date is a business
// day, and three business days before it are three business days. The time it takes is the benchmark's
// (calendar_schedule_60 in tests/bench).
TEST(CalendarRolls, SixtyInstalmentSchedulesLandOnBusinessDays) {
  const Calendar& us = shipped("US-FEDERAL");
  for (int s = 0; s < 2000; ++s) {
    const Date first = ymd(2026, 1, 1).plus_days(s % 28);
    for (int i = 0; i < 60; ++i) {
      const Date due = roll(us, first.plus_months(i), DayRoll::modified_following);
      ASSERT_TRUE(is_business_day(us, due)) << due.iso();
      const Date before = add_business_days(us, due, -3);
      int counted = 0;
      for (Date d = before; d < due; d = d.plus_days(1)) counted += is_business_day(us, d) ? 1 : 0;
      ASSERT_EQ(counted, 3) << due.iso();
      ASSERT_TRUE(is_business_day(us, before)) << before.iso();
    }
  }
}

}  // namespace
}  // namespace parley
