// The Regulation F validation period (12 CFR 1006.34(b)(5)) with the shipped US-FEDERAL calendar: five days
// excluding Saturdays, Sundays and federal holidays to the assumed receipt, then 30 calendar days.
#include "parley/calendar/validation_period.h"

#include <gtest/gtest.h>

#include "calendar_fixtures.h"

namespace parley {
namespace {

using testdata::shipped;
using testdata::ymd;

TEST(ValidationPeriod, PlainWeek) {
  // Provided Monday 1 November 2021: Tuesday 2 .. Monday 8 counts 5 days; the period ends Wednesday 8 December.
  const ValidationPeriod p = validation_period(shipped("US-FEDERAL"), ymd(2021, 11, 1));
  EXPECT_EQ(p.provided, ymd(2021, 11, 1));
  EXPECT_EQ(p.assumed_receipt, ymd(2021, 11, 8));
  EXPECT_EQ(p.ends, ymd(2021, 12, 8));
}

TEST(ValidationPeriod, HolidaysAreNotCounted) {
  const Calendar& us = shipped("US-FEDERAL");
  // Provided Monday 23 November 2026: 24, 25, (Thanksgiving 26), 27, 30 November, 1 December.
  ValidationPeriod p = validation_period(us, ymd(2026, 11, 23));
  EXPECT_EQ(p.assumed_receipt, ymd(2026, 12, 1));
  EXPECT_EQ(p.ends, ymd(2026, 12, 31));
  // Provided Wednesday 1 July 2026: 2, (3: Independence Day observed), 6, 7, 8, 9 July.
  p = validation_period(us, ymd(2026, 7, 1));
  EXPECT_EQ(p.assumed_receipt, ymd(2026, 7, 9));
  EXPECT_EQ(p.ends, ymd(2026, 8, 8));
  // Provided Wednesday 23 December 2026: 24, (Christmas 25), 28, 29, 30, 31 December.
  p = validation_period(us, ymd(2026, 12, 23));
  EXPECT_EQ(p.assumed_receipt, ymd(2026, 12, 31));
  EXPECT_EQ(p.ends, ymd(2027, 1, 30));
}

TEST(ValidationPeriod, ProvidedOnAWeekend) {
  // Provided (by email) Saturday 7 March 2026: Monday 9 .. Friday 13 March; ends Sunday 12 April.
  const ValidationPeriod p = validation_period(shipped("US-FEDERAL"), ymd(2026, 3, 7));
  EXPECT_EQ(p.assumed_receipt, ymd(2026, 3, 13));
  EXPECT_EQ(p.ends, ymd(2026, 4, 12));
}

TEST(ValidationPeriod, EndOnAWeekendOrHolidayIsNotMovedByTheRule) {
  const Calendar& us = shipped("US-FEDERAL");
  // Ends on Saturday 8 August 2026 as written; the opt-in policy moves it to Monday 10 August.
  EXPECT_EQ(validation_period(us, ymd(2026, 7, 1)).ends, ymd(2026, 8, 8));
  EXPECT_EQ(validation_period(us, ymd(2026, 7, 1), ValidationEnd::next_business_day).ends, ymd(2026, 8, 10));
  // Provided Wednesday 13 May 2026, assumed receipt Wednesday 20 May: ends on Juneteenth, Friday 19 June 2026.
  const ValidationPeriod as_written = validation_period(us, ymd(2026, 5, 13));
  EXPECT_EQ(as_written.assumed_receipt, ymd(2026, 5, 20));
  EXPECT_EQ(as_written.ends, ymd(2026, 6, 19));
  EXPECT_EQ(validation_period(us, ymd(2026, 5, 13), ValidationEnd::next_business_day).ends, ymd(2026, 6, 22));
  // A period ending on a business day is the same under both.
  EXPECT_EQ(validation_period(us, ymd(2026, 11, 23), ValidationEnd::next_business_day).ends, ymd(2026, 12, 31));
}

TEST(ValidationPeriod, KnownReceiptDate) {
  const ValidationPeriod p =
      validation_period_from_receipt(shipped("US-FEDERAL"), ymd(2026, 5, 13), ymd(2026, 5, 21));
  EXPECT_EQ(p.assumed_receipt, ymd(2026, 5, 21));
  EXPECT_EQ(p.ends, ymd(2026, 6, 20));
}

TEST(ValidationPeriod, SaturdaysAndSundaysComeFromTheRuleNotTheCalendarWeekend) {
  // A calendar without holidays whose weekend is Friday and Saturday: Friday still counts toward receipt and
  // Sunday does not, as the rule names Saturdays and Sundays.
  const CalendarLoad load = load_calendar(R"({"format": "parley.calendar/1", "id": "FRI-SAT", "name": "x",
      "weekend": ["friday", "saturday"], "first_year": 2020, "last_year": 2030, "rules": []})");
  ASSERT_TRUE(load.calendar.has_value());
  // Provided Monday 2 March 2026: Tuesday 3, Wednesday 4, Thursday 5, Friday 6, Monday 9.
  EXPECT_EQ(validation_period(*load.calendar, ymd(2026, 3, 2)).assumed_receipt, ymd(2026, 3, 9));
}

}  // namespace
}  // namespace parley
