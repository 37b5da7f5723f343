// The shipped calendars (assets/calendars/*.json, embedded at build time) against the official lists, and the
// weekend observance rules: US "Saturday -> Friday, Sunday -> Monday", UK substitute days, none in France.
#include <gtest/gtest.h>

#include <vector>

#include "calendar_fixtures.h"

namespace parley {
namespace {

using testdata::describe;
using testdata::shipped;
using testdata::ymd;

void expect_year(const Calendar& c, int year, const std::vector<Holiday>& expected) {
  const std::vector<Holiday> got = holidays_in(c, year);
  EXPECT_EQ(got, expected) << c.id << " " << year << "\ngot:\n" << describe(got) << "expected:\n" << describe(expected);
}

// [SECTION] Every shipped file loads --------------------------------------------------------------------------

TEST(CalendarShipped, EveryFileLoadsAndItsIdIsItsFileName) {
  ASSERT_GE(testdata::embedded_calendars().size(), 4u);
  for (const testdata::EmbeddedCalendar& file : testdata::embedded_calendars()) {
    const CalendarLoad load = load_calendar(file.text);
    std::string problems;
    for (const Problem& p : load.problems) problems += p.text() + "\n";
    ASSERT_TRUE(load.calendar.has_value()) << file.stem << ".json:\n" << problems;
    EXPECT_EQ(load.calendar->id, file.stem);
    EXPECT_FALSE(load.calendar->sources.empty()) << file.stem << " cites no source";
    EXPECT_EQ(load.calendar->weekend, (std::vector<Weekday>{Weekday::saturday, Weekday::sunday})) << file.stem;
  }
}

// [SECTION] United States -------------------------------------------------------------------------------------
// Expected lists: U.S. Office of Personnel Management, "Federal Holidays" for 2024, 2025, 2026 and 2027
// (https://www.opm.gov/policy-data-oversight/pay-leave/federal-holidays/), the observed days.

TEST(CalendarUsFederal, Official2024To2027) {
  const Calendar& us = shipped("US-FEDERAL");
  expect_year(us, 2024, {{ymd(2024, 1, 1), "New Year's Day"},
                         {ymd(2024, 1, 15), "Birthday of Martin Luther King, Jr."},
                         {ymd(2024, 2, 19), "Washington's Birthday"},
                         {ymd(2024, 5, 27), "Memorial Day"},
                         {ymd(2024, 6, 19), "Juneteenth National Independence Day"},
                         {ymd(2024, 7, 4), "Independence Day"},
                         {ymd(2024, 9, 2), "Labor Day"},
                         {ymd(2024, 10, 14), "Columbus Day"},
                         {ymd(2024, 11, 11), "Veterans Day"},
                         {ymd(2024, 11, 28), "Thanksgiving Day"},
                         {ymd(2024, 12, 25), "Christmas Day"}});
  expect_year(us, 2025, {{ymd(2025, 1, 1), "New Year's Day"},
                         {ymd(2025, 1, 20), "Birthday of Martin Luther King, Jr."},
                         {ymd(2025, 2, 17), "Washington's Birthday"},
                         {ymd(2025, 5, 26), "Memorial Day"},
                         {ymd(2025, 6, 19), "Juneteenth National Independence Day"},
                         {ymd(2025, 7, 4), "Independence Day"},
                         {ymd(2025, 9, 1), "Labor Day"},
                         {ymd(2025, 10, 13), "Columbus Day"},
                         {ymd(2025, 11, 11), "Veterans Day"},
                         {ymd(2025, 11, 27), "Thanksgiving Day"},
                         {ymd(2025, 12, 25), "Christmas Day"}});
  expect_year(us, 2026, {{ymd(2026, 1, 1), "New Year's Day"},
                         {ymd(2026, 1, 19), "Birthday of Martin Luther King, Jr."},
                         {ymd(2026, 2, 16), "Washington's Birthday"},
                         {ymd(2026, 5, 25), "Memorial Day"},
                         {ymd(2026, 6, 19), "Juneteenth National Independence Day"},
                         {ymd(2026, 7, 3), "Independence Day"},  // 4 July is a Saturday
                         {ymd(2026, 9, 7), "Labor Day"},
                         {ymd(2026, 10, 12), "Columbus Day"},
                         {ymd(2026, 11, 11), "Veterans Day"},
                         {ymd(2026, 11, 26), "Thanksgiving Day"},
                         {ymd(2026, 12, 25), "Christmas Day"}});
  expect_year(us, 2027, {{ymd(2027, 1, 1), "New Year's Day"},
                         {ymd(2027, 1, 18), "Birthday of Martin Luther King, Jr."},
                         {ymd(2027, 2, 15), "Washington's Birthday"},
                         {ymd(2027, 5, 31), "Memorial Day"},
                         {ymd(2027, 6, 18), "Juneteenth National Independence Day"},  // 19 June: Saturday
                         {ymd(2027, 7, 5), "Independence Day"},                       // 4 July: Sunday
                         {ymd(2027, 9, 6), "Labor Day"},
                         {ymd(2027, 10, 11), "Columbus Day"},
                         {ymd(2027, 11, 11), "Veterans Day"},
                         {ymd(2027, 11, 25), "Thanksgiving Day"},
                         {ymd(2027, 12, 24), "Christmas Day"},    // 25 December: Saturday
                         {ymd(2027, 12, 31), "New Year's Day"}});  // 1 January 2028: Saturday
}

TEST(CalendarUsFederal, SaturdayMovesToFridaySundayToMonday) {
  const Calendar& us = shipped("US-FEDERAL");
  // 4 July 2026 is a Saturday: observed Friday 3 July.
  EXPECT_EQ(ymd(2026, 7, 4).weekday(), Weekday::saturday);
  EXPECT_FALSE(is_business_day(us, ymd(2026, 7, 3)));
  EXPECT_TRUE(is_holiday(us, ymd(2026, 7, 3)));
  EXPECT_FALSE(is_holiday(us, ymd(2026, 7, 4)));
  EXPECT_TRUE(is_business_day(us, ymd(2026, 7, 2)));
  EXPECT_TRUE(is_business_day(us, ymd(2026, 7, 6)));
  // 1 January 2023 is a Sunday: observed Monday 2 January.
  EXPECT_FALSE(is_business_day(us, ymd(2023, 1, 2)));
  // 1 January 2022 is a Saturday: observed Friday 31 December 2021, which belongs to 2021's list.
  const std::vector<Holiday> y2021 = holidays_in(us, 2021);
  ASSERT_FALSE(y2021.empty());
  EXPECT_EQ(y2021.back(), (Holiday{ymd(2021, 12, 31), "New Year's Day"}));
  const std::vector<Holiday> y2022 = holidays_in(us, 2022);
  ASSERT_FALSE(y2022.empty());
  EXPECT_EQ(y2022.front(), (Holiday{ymd(2022, 1, 17), "Birthday of Martin Luther King, Jr."}));
}

TEST(CalendarUsFederal, RulesHoldOnlyInTheirYears) {
  const Calendar& us = shipped("US-FEDERAL");
  // Juneteenth from 2021 (first observed Friday 18 June 2021); not a holiday in 2020.
  EXPECT_TRUE(is_holiday(us, ymd(2021, 6, 18)));
  EXPECT_TRUE(is_business_day(us, ymd(2020, 6, 19)));
  // Martin Luther King Jr. Day from 1986.
  EXPECT_TRUE(is_business_day(us, ymd(1985, 1, 21)));
  EXPECT_FALSE(is_business_day(us, ymd(1986, 1, 20)));
  // Veterans Day: fourth Monday of October 1971-1977, 11 November from 1978.
  EXPECT_TRUE(is_holiday(us, ymd(1975, 10, 27)));
  EXPECT_FALSE(is_holiday(us, ymd(1975, 11, 11)));
  EXPECT_TRUE(is_holiday(us, ymd(1978, 11, 10)));  // 11 November 1978: Saturday
  EXPECT_EQ(holidays_in(us, 1990).size(), 10u);
  EXPECT_EQ(holidays_in(us, 2030).size(), 11u);
}

TEST(CalendarUsFederal, OutsideTheCalendarYearsOnlyWeekendsCount) {
  const Calendar& us = shipped("US-FEDERAL");
  EXPECT_TRUE(holidays_in(us, 1960).empty());
  EXPECT_TRUE(holidays_in(us, 2150).empty());
  EXPECT_TRUE(is_business_day(us, ymd(2150, 12, 25)));   // a Friday
  EXPECT_FALSE(is_business_day(us, ymd(2150, 12, 26)));  // a Saturday
}

// [SECTION] England and Wales ---------------------------------------------------------------------------------
// Expected lists: GOV.UK "UK bank holidays", England and Wales (https://www.gov.uk/bank-holidays.json), and
// for 2026-2027 the same page's announced dates.

TEST(CalendarGbEng, Official2024To2027) {
  const Calendar& eng = shipped("GB-ENG");
  expect_year(eng, 2024, {{ymd(2024, 1, 1), "New Year's Day"},
                          {ymd(2024, 3, 29), "Good Friday"},
                          {ymd(2024, 4, 1), "Easter Monday"},
                          {ymd(2024, 5, 6), "Early May bank holiday"},
                          {ymd(2024, 5, 27), "Spring bank holiday"},
                          {ymd(2024, 8, 26), "Summer bank holiday"},
                          {ymd(2024, 12, 25), "Christmas Day"},
                          {ymd(2024, 12, 26), "Boxing Day"}});
  expect_year(eng, 2025, {{ymd(2025, 1, 1), "New Year's Day"},
                          {ymd(2025, 4, 18), "Good Friday"},
                          {ymd(2025, 4, 21), "Easter Monday"},
                          {ymd(2025, 5, 5), "Early May bank holiday"},
                          {ymd(2025, 5, 26), "Spring bank holiday"},
                          {ymd(2025, 8, 25), "Summer bank holiday"},
                          {ymd(2025, 12, 25), "Christmas Day"},
                          {ymd(2025, 12, 26), "Boxing Day"}});
  expect_year(eng, 2026, {{ymd(2026, 1, 1), "New Year's Day"},
                          {ymd(2026, 4, 3), "Good Friday"},
                          {ymd(2026, 4, 6), "Easter Monday"},
                          {ymd(2026, 5, 4), "Early May bank holiday"},
                          {ymd(2026, 5, 25), "Spring bank holiday"},
                          {ymd(2026, 8, 31), "Summer bank holiday"},
                          {ymd(2026, 12, 25), "Christmas Day"},
                          {ymd(2026, 12, 28), "Boxing Day"}});  // 26 December: Saturday (substitute day)
  expect_year(eng, 2027, {{ymd(2027, 1, 1), "New Year's Day"},
                          {ymd(2027, 3, 26), "Good Friday"},
                          {ymd(2027, 3, 29), "Easter Monday"},
                          {ymd(2027, 5, 3), "Early May bank holiday"},
                          {ymd(2027, 5, 31), "Spring bank holiday"},
                          {ymd(2027, 8, 30), "Summer bank holiday"},
                          {ymd(2027, 12, 27), "Christmas Day"},  // substitute day
                          {ymd(2027, 12, 28), "Boxing Day"}});   // substitute day
}

TEST(CalendarGbEng, ChristmasOnASaturdayGivesMondayAndTuesday) {
  const Calendar& eng = shipped("GB-ENG");
  // 2021: Christmas Day on Saturday, Boxing Day on Sunday -> Monday 27 and Tuesday 28 (GOV.UK 2021 list).
  const std::vector<Holiday> y2021 = holidays_in(eng, 2021);
  ASSERT_GE(y2021.size(), 2u);
  EXPECT_EQ(y2021[y2021.size() - 2], (Holiday{ymd(2021, 12, 27), "Christmas Day"}));
  EXPECT_EQ(y2021.back(), (Holiday{ymd(2021, 12, 28), "Boxing Day"}));
  EXPECT_TRUE(is_business_day(eng, ymd(2021, 12, 29)));
  // 2022: Christmas Day on Sunday; Boxing Day keeps Monday 26, Christmas moves to Tuesday 27 (GOV.UK 2022 list).
  const std::vector<Holiday> y2022 = holidays_in(eng, 2022);
  ASSERT_GE(y2022.size(), 2u);
  EXPECT_EQ(y2022[y2022.size() - 2], (Holiday{ymd(2022, 12, 26), "Boxing Day"}));
  EXPECT_EQ(y2022.back(), (Holiday{ymd(2022, 12, 27), "Christmas Day"}));
}

TEST(CalendarGbEng, MovedAndExtraDaysOfRecentYears) {
  const Calendar& eng = shipped("GB-ENG");
  // GOV.UK 2022: the spring bank holiday moved to Thursday 2 June, the Platinum Jubilee on Friday 3 June, the
  // State Funeral on Monday 19 September; New Year's Day (Saturday) substituted on Monday 3 January.
  expect_year(eng, 2022, {{ymd(2022, 1, 3), "New Year's Day"},
                          {ymd(2022, 4, 15), "Good Friday"},
                          {ymd(2022, 4, 18), "Easter Monday"},
                          {ymd(2022, 5, 2), "Early May bank holiday"},
                          {ymd(2022, 6, 2), "Spring bank holiday"},
                          {ymd(2022, 6, 3), "Platinum Jubilee bank holiday"},
                          {ymd(2022, 8, 29), "Summer bank holiday"},
                          {ymd(2022, 9, 19), "Bank holiday for the State Funeral of Queen Elizabeth II"},
                          {ymd(2022, 12, 26), "Boxing Day"},
                          {ymd(2022, 12, 27), "Christmas Day"}});
  EXPECT_TRUE(is_business_day(eng, ymd(2022, 5, 30)));  // the last Monday of May was not a holiday in 2022
  // GOV.UK 2023: the coronation on Monday 8 May; New Year's Day (Sunday) substituted on Monday 2 January.
  expect_year(eng, 2023, {{ymd(2023, 1, 2), "New Year's Day"},
                          {ymd(2023, 4, 7), "Good Friday"},
                          {ymd(2023, 4, 10), "Easter Monday"},
                          {ymd(2023, 5, 1), "Early May bank holiday"},
                          {ymd(2023, 5, 8), "Bank holiday for the coronation of King Charles III"},
                          {ymd(2023, 5, 29), "Spring bank holiday"},
                          {ymd(2023, 8, 28), "Summer bank holiday"},
                          {ymd(2023, 12, 25), "Christmas Day"},
                          {ymd(2023, 12, 26), "Boxing Day"}});
  // GOV.UK 2020: the early May bank holiday moved from Monday 4 May to Friday 8 May (VE Day).
  EXPECT_TRUE(is_business_day(eng, ymd(2020, 5, 4)));
  EXPECT_FALSE(is_business_day(eng, ymd(2020, 5, 8)));
  // 2012: spring bank holiday on Monday 4 June and the Diamond Jubilee on Tuesday 5 June, not 28 May.
  EXPECT_TRUE(is_business_day(eng, ymd(2012, 5, 28)));
  EXPECT_FALSE(is_business_day(eng, ymd(2012, 6, 4)));
  EXPECT_FALSE(is_business_day(eng, ymd(2012, 6, 5)));
}

// [SECTION] Scotland ------------------------------------------------------------------------------------------
// Expected lists: GOV.UK "UK bank holidays", Scotland (https://www.gov.uk/bank-holidays.json).

TEST(CalendarGbSct, Official2024To2027) {
  const Calendar& sct = shipped("GB-SCT");
  expect_year(sct, 2024, {{ymd(2024, 1, 1), "New Year's Day"},
                          {ymd(2024, 1, 2), "2nd January"},
                          {ymd(2024, 3, 29), "Good Friday"},
                          {ymd(2024, 5, 6), "Early May bank holiday"},
                          {ymd(2024, 5, 27), "Spring bank holiday"},
                          {ymd(2024, 8, 5), "Summer bank holiday"},
                          {ymd(2024, 12, 2), "St Andrew's Day"},  // 30 November: Saturday (substitute day)
                          {ymd(2024, 12, 25), "Christmas Day"},
                          {ymd(2024, 12, 26), "Boxing Day"}});
  expect_year(sct, 2025, {{ymd(2025, 1, 1), "New Year's Day"},
                          {ymd(2025, 1, 2), "2nd January"},
                          {ymd(2025, 4, 18), "Good Friday"},
                          {ymd(2025, 5, 5), "Early May bank holiday"},
                          {ymd(2025, 5, 26), "Spring bank holiday"},
                          {ymd(2025, 8, 4), "Summer bank holiday"},
                          {ymd(2025, 12, 1), "St Andrew's Day"},  // 30 November: Sunday (substitute day)
                          {ymd(2025, 12, 25), "Christmas Day"},
                          {ymd(2025, 12, 26), "Boxing Day"}});
  expect_year(sct, 2026, {{ymd(2026, 1, 1), "New Year's Day"},
                          {ymd(2026, 1, 2), "2nd January"},
                          {ymd(2026, 4, 3), "Good Friday"},
                          {ymd(2026, 5, 4), "Early May bank holiday"},
                          {ymd(2026, 5, 25), "Spring bank holiday"},
                          {ymd(2026, 8, 3), "Summer bank holiday"},
                          {ymd(2026, 11, 30), "St Andrew's Day"},
                          {ymd(2026, 12, 25), "Christmas Day"},
                          {ymd(2026, 12, 28), "Boxing Day"}});
  expect_year(sct, 2027, {{ymd(2027, 1, 1), "New Year's Day"},
                          {ymd(2027, 1, 4), "2nd January"},  // 2 January: Saturday (substitute day)
                          {ymd(2027, 3, 26), "Good Friday"},
                          {ymd(2027, 5, 3), "Early May bank holiday"},
                          {ymd(2027, 5, 31), "Spring bank holiday"},
                          {ymd(2027, 8, 2), "Summer bank holiday"},
                          {ymd(2027, 11, 30), "St Andrew's Day"},
                          {ymd(2027, 12, 27), "Christmas Day"},
                          {ymd(2027, 12, 28), "Boxing Day"}});
  // Easter Monday is not a bank holiday in Scotland.
  EXPECT_TRUE(is_business_day(sct, ymd(2026, 4, 6)));
}

TEST(CalendarGbSct, NewYearSubstituteDays) {
  const Calendar& sct = shipped("GB-SCT");
  // 2022: 1 and 2 January on Saturday and Sunday -> Monday 3 and Tuesday 4 (GOV.UK 2022 list).
  EXPECT_FALSE(is_business_day(sct, ymd(2022, 1, 3)));
  EXPECT_FALSE(is_business_day(sct, ymd(2022, 1, 4)));
  EXPECT_TRUE(is_business_day(sct, ymd(2022, 1, 5)));
  // 2023: 1 January on Sunday -> Monday 2 and Tuesday 3 are both off (GOV.UK 2023 list). GOV.UK names 2 January
  // the New Year's Day substitute and 3 January the 2nd January substitute; the calendar keeps "2nd January" on
  // its own day (a Monday) and substitutes New Year's Day on the next free day. The days off are the same.
  const std::vector<Holiday> y2023 = holidays_in(sct, 2023);
  ASSERT_GE(y2023.size(), 2u);
  EXPECT_EQ(y2023[0].date, ymd(2023, 1, 2));
  EXPECT_EQ(y2023[1].date, ymd(2023, 1, 3));
  EXPECT_TRUE(is_business_day(sct, ymd(2023, 1, 4)));
  // St Andrew's Day from 2007 only.
  EXPECT_TRUE(is_business_day(sct, ymd(2006, 11, 30)));
  EXPECT_FALSE(is_business_day(sct, ymd(2007, 11, 30)));
}

// [SECTION] France --------------------------------------------------------------------------------------------
// Expected lists: Code du travail article L3133-1 and Service-Public.fr "Jours fériés" (the list published for
// each year); Easter dates from the tables of easter_test.cpp.

TEST(CalendarFr, Official2024To2027) {
  const Calendar& fr = shipped("FR");
  expect_year(fr, 2024, {{ymd(2024, 1, 1), "Jour de l'an"},
                         {ymd(2024, 4, 1), "Lundi de Pâques"},
                         {ymd(2024, 5, 1), "Fête du Travail"},
                         {ymd(2024, 5, 8), "Victoire 1945"},
                         {ymd(2024, 5, 9), "Ascension"},
                         {ymd(2024, 5, 20), "Lundi de Pentecôte"},
                         {ymd(2024, 7, 14), "Fête nationale"},  // a Sunday: not moved
                         {ymd(2024, 8, 15), "Assomption"},
                         {ymd(2024, 11, 1), "Toussaint"},
                         {ymd(2024, 11, 11), "Armistice 1918"},
                         {ymd(2024, 12, 25), "Noël"}});
  expect_year(fr, 2025, {{ymd(2025, 1, 1), "Jour de l'an"},
                         {ymd(2025, 4, 21), "Lundi de Pâques"},
                         {ymd(2025, 5, 1), "Fête du Travail"},
                         {ymd(2025, 5, 8), "Victoire 1945"},
                         {ymd(2025, 5, 29), "Ascension"},
                         {ymd(2025, 6, 9), "Lundi de Pentecôte"},
                         {ymd(2025, 7, 14), "Fête nationale"},
                         {ymd(2025, 8, 15), "Assomption"},
                         {ymd(2025, 11, 1), "Toussaint"},
                         {ymd(2025, 11, 11), "Armistice 1918"},
                         {ymd(2025, 12, 25), "Noël"}});
  expect_year(fr, 2026, {{ymd(2026, 1, 1), "Jour de l'an"},
                         {ymd(2026, 4, 6), "Lundi de Pâques"},
                         {ymd(2026, 5, 1), "Fête du Travail"},
                         {ymd(2026, 5, 8), "Victoire 1945"},
                         {ymd(2026, 5, 14), "Ascension"},
                         {ymd(2026, 5, 25), "Lundi de Pentecôte"},
                         {ymd(2026, 7, 14), "Fête nationale"},
                         {ymd(2026, 8, 15), "Assomption"},
                         {ymd(2026, 11, 1), "Toussaint"},
                         {ymd(2026, 11, 11), "Armistice 1918"},
                         {ymd(2026, 12, 25), "Noël"}});
  expect_year(fr, 2027, {{ymd(2027, 1, 1), "Jour de l'an"},
                         {ymd(2027, 3, 29), "Lundi de Pâques"},
                         {ymd(2027, 5, 1), "Fête du Travail"},
                         {ymd(2027, 5, 6), "Ascension"},
                         {ymd(2027, 5, 8), "Victoire 1945"},
                         {ymd(2027, 5, 17), "Lundi de Pentecôte"},
                         {ymd(2027, 7, 14), "Fête nationale"},
                         {ymd(2027, 8, 15), "Assomption"},
                         {ymd(2027, 11, 1), "Toussaint"},
                         {ymd(2027, 11, 11), "Armistice 1918"},
                         {ymd(2027, 12, 25), "Noël"}});
}

TEST(CalendarFr, NoWeekendShiftAndSharedDays) {
  const Calendar& fr = shipped("FR");
  // Noël 2027 is a Saturday: no day off moves to Friday 24 or Monday 27.
  EXPECT_TRUE(is_business_day(fr, ymd(2027, 12, 24)));
  EXPECT_TRUE(is_business_day(fr, ymd(2027, 12, 27)));
  EXPECT_TRUE(is_holiday(fr, ymd(2027, 12, 25)));
  // 2008: Ascension fell on 1 May; both holidays are listed on that day, in rule order.
  const std::vector<Holiday> y2008 = holidays_in(fr, 2008);
  ASSERT_GE(y2008.size(), 4u);
  EXPECT_EQ(y2008[2], (Holiday{ymd(2008, 5, 1), "Fête du Travail"}));
  EXPECT_EQ(y2008[3], (Holiday{ymd(2008, 5, 1), "Ascension"}));
  EXPECT_EQ(y2008.size(), 11u);
}

}  // namespace
}  // namespace parley
