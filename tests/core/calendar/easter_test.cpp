// Gregorian Easter Sunday against published tables.
#include <gtest/gtest.h>

#include "calendar_fixtures.h"

namespace parley {
namespace {

using testdata::ymd;

struct EasterCase {
  int year;
  int month;
  int day;
};

// Easter Sunday dates as published in the tables of the U.S. Naval Observatory ("The Date of Easter") and of
// the Astronomical Society of South Australia ("Easter Dates 1700-2299"); they include the extremes (22 March:
// 1818, 2285; 25 April: 1943, 2038) and the years where the computus needs its April 25/26 exception
// (1954, 1981, 2049, 2076).
constexpr EasterCase kPublished[] = {
    {1583, 4, 10}, {1700, 4, 11}, {1818, 3, 22}, {1900, 4, 15}, {1943, 4, 25}, {1954, 4, 18}, {1961, 4, 2},
    {1981, 4, 19}, {1995, 4, 16}, {1996, 4, 7},  {1997, 3, 30}, {1998, 4, 12}, {1999, 4, 4},  {2000, 4, 23},
    {2001, 4, 15}, {2002, 3, 31}, {2003, 4, 20}, {2004, 4, 11}, {2005, 3, 27}, {2006, 4, 16}, {2007, 4, 8},
    {2008, 3, 23}, {2009, 4, 12}, {2010, 4, 4},  {2011, 4, 24}, {2012, 4, 8},  {2013, 3, 31}, {2014, 4, 20},
    {2015, 4, 5},  {2016, 3, 27}, {2017, 4, 16}, {2018, 4, 1},  {2019, 4, 21}, {2020, 4, 12}, {2021, 4, 4},
    {2022, 4, 17}, {2023, 4, 9},  {2024, 3, 31}, {2025, 4, 20}, {2026, 4, 5},  {2027, 3, 28}, {2028, 4, 16},
    {2029, 4, 1},  {2030, 4, 21}, {2031, 4, 13}, {2032, 3, 28}, {2033, 4, 17}, {2034, 4, 9},  {2035, 3, 25},
    {2036, 4, 13}, {2037, 4, 5},  {2038, 4, 25}, {2039, 4, 10}, {2040, 4, 1},  {2049, 4, 18}, {2076, 4, 19},
    {2100, 3, 28}, {2285, 3, 22},
};

TEST(CalendarEaster, MatchesPublishedTables) {
  for (const EasterCase& c : kPublished) {
    const std::optional<Date> easter = easter_sunday(c.year);
    ASSERT_TRUE(easter.has_value()) << c.year;
    EXPECT_EQ(*easter, ymd(c.year, c.month, c.day)) << c.year << ": got " << easter->iso();
  }
}

TEST(CalendarEaster, IsAlwaysASundayBetween22MarchAnd25April) {
  for (int year = 1583; year <= 9999; ++year) {
    const std::optional<Date> easter = easter_sunday(year);
    ASSERT_TRUE(easter.has_value()) << year;
    ASSERT_EQ(easter->weekday(), Weekday::sunday) << year;
    ASSERT_GE(*easter, ymd(year, 3, 22)) << year;
    ASSERT_LE(*easter, ymd(year, 4, 25)) << year;
  }
}

TEST(CalendarEaster, OutsideTheGregorianRangeIsNotComputed) {
  EXPECT_FALSE(easter_sunday(1582).has_value());
  EXPECT_FALSE(easter_sunday(10000).has_value());
}

}  // namespace
}  // namespace parley
