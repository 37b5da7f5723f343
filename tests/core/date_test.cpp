// Civil dates and UTC instants: construction, ISO text, calendar arithmetic.
#include "parley/date.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

Date ymd(int y, int m, int d) {
  auto date = Date::from_ymd(y, m, d);
  EXPECT_TRUE(date.has_value()) << y << "-" << m << "-" << d;
  return date.value_or(Date{});
}

TEST(Date, DefaultIsTheUnixEpoch) {
  EXPECT_EQ(Date{}.iso(), "1970-01-01");
  EXPECT_EQ(Date{}.days_since_epoch(), 0);
}

TEST(Date, KnownDayCounts) {
  // Reference values from an independent calendar implementation.
  EXPECT_EQ(ymd(1970, 1, 1).days_since_epoch(), 0);
  EXPECT_EQ(ymd(1969, 12, 31).days_since_epoch(), -1);
  EXPECT_EQ(ymd(2000, 2, 29).days_since_epoch(), 11016);
  EXPECT_EQ(ymd(2026, 3, 8).days_since_epoch(), 20520);
  EXPECT_EQ(ymd(1600, 1, 1).days_since_epoch(), -135140);
  EXPECT_EQ(ymd(2400, 12, 31).days_since_epoch(), 157419);
  EXPECT_EQ(ymd(1, 1, 1).days_since_epoch(), -719162);
  EXPECT_EQ(ymd(0, 1, 1).days_since_epoch(), -719162 - 366);  // year 0 (1 BC) is a leap year
  EXPECT_EQ(ymd(9999, 12, 31).days_since_epoch(), 2932896);
  EXPECT_EQ(ymd(-9999, 1, 1).days_since_epoch(), -4371587);
}

TEST(Date, FieldsOfADay) {
  const Date d = Date::from_days(20520);
  EXPECT_EQ(d.year(), 2026);
  EXPECT_EQ(d.month(), 3);
  EXPECT_EQ(d.day(), 8);
  EXPECT_EQ(d.iso(), "2026-03-08");
  const Date before_epoch = Date::from_days(-1);
  EXPECT_EQ(before_epoch.year(), 1969);
  EXPECT_EQ(before_epoch.month(), 12);
  EXPECT_EQ(before_epoch.day(), 31);
}

TEST(Date, RejectsDaysThatDoNotExist) {
  EXPECT_FALSE(Date::from_ymd(2026, 2, 29));
  EXPECT_TRUE(Date::from_ymd(2024, 2, 29));
  EXPECT_FALSE(Date::from_ymd(1900, 2, 29));  // divisible by 100, not by 400
  EXPECT_TRUE(Date::from_ymd(2000, 2, 29));
  EXPECT_FALSE(Date::from_ymd(2026, 4, 31));
  EXPECT_FALSE(Date::from_ymd(2026, 13, 1));
  EXPECT_FALSE(Date::from_ymd(2026, 0, 1));
  EXPECT_FALSE(Date::from_ymd(2026, 1, 0));
  EXPECT_FALSE(Date::from_ymd(2026, 1, 32));
  EXPECT_FALSE(Date::from_ymd(10000, 1, 1));
  EXPECT_FALSE(Date::from_ymd(-10000, 12, 31));
}

TEST(Date, LeapYearsAndMonthLengths) {
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_FALSE(is_leap_year(2026));
  EXPECT_FALSE(is_leap_year(2100));
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_TRUE(is_leap_year(0));
  EXPECT_TRUE(is_leap_year(-4));
  EXPECT_FALSE(is_leap_year(-1));
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2026, 2), 28);
  EXPECT_EQ(days_in_month(2026, 4), 30);
  EXPECT_EQ(days_in_month(2026, 12), 31);
  EXPECT_EQ(days_in_month(2026, 13), 0);
}

TEST(Date, ParsesExactlyYearMonthDay) {
  ASSERT_TRUE(Date::parse("2026-03-08"));
  EXPECT_EQ(*Date::parse("2026-03-08"), ymd(2026, 3, 8));
  EXPECT_EQ(*Date::parse("0000-01-01"), ymd(0, 1, 1));
  EXPECT_EQ(*Date::parse("9999-12-31"), ymd(9999, 12, 31));
  for (const char* bad : {"2026-02-29", "2026-13-01", "2026-04-31", "2026-00-10", "2026-01-00", "2026-3-8",
                          "2026-03-8", "26-03-08", "2026-03-08 ", " 2026-03-08", "2026-03-08T00:00:00Z",
                          "2026/03/08", "2026-03-0a", "+026-03-08", "-026-03-08", "20260308", "", "abcd-ef-gh",
                          "2026-03-08x"}) {
    EXPECT_FALSE(Date::parse(bad)) << '"' << bad << '"';
  }
}

TEST(Date, IsoOfYearsOutsideFourDigits) {
  EXPECT_EQ(ymd(-44, 3, 15).iso(), "-0044-03-15");
  EXPECT_EQ(ymd(5, 6, 7).iso(), "0005-06-07");
  EXPECT_EQ(Date::from_days(2932897).iso(), "10000-01-01");
}

// Walks every day from 1600-01-01 to 2400-12-31 with a counter kept independently of the library (its own
// leap-year rule and month lengths), checking both conversions and the ISO round trip of each day.
TEST(Date, RoundTripsEveryDayOfEightCenturies) {
  const int lengths[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int y = 1600, m = 1, d = 1;
  std::int32_t n = -135140;
  int failures = 0;
  while (y <= 2400 && failures < 10) {
    const Date from_fields = Date::from_ymd(y, m, d).value_or(Date::from_days(INT32_MIN));
    const Date from_count = Date::from_days(n);
    if (from_fields != from_count || from_count.year() != y || from_count.month() != m ||
        from_count.day() != d || Date::parse(from_count.iso()) != from_count) {
      ADD_FAILURE() << "day " << n << " expected " << y << "-" << m << "-" << d << ", got " << from_count.iso();
      ++failures;
    }
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const int length = m == 2 && leap ? 29 : lengths[m];
    ++n;
    if (++d > length) {
      d = 1;
      if (++m > 12) {
        m = 1;
        ++y;
      }
    }
  }
  EXPECT_EQ(n, 157420);  // the day after 2400-12-31
}

// The whole supported range, sampled: every conversion is consistent, and consecutive days differ by one.
TEST(Date, ConsistentAcrossTheWholeRange) {
  const std::int32_t first = ymd(-9999, 1, 1).days_since_epoch();
  const std::int32_t last = ymd(9999, 12, 31).days_since_epoch();
  int failures = 0;
  for (std::int32_t n = first; n <= last && failures < 10; n += 97) {
    const Date a = Date::from_days(n);
    const auto back = Date::from_ymd(a.year(), a.month(), a.day());
    const Date next = a.plus_days(1);
    const bool same_month = next.year() == a.year() && next.month() == a.month() && next.day() == a.day() + 1;
    const bool month_turns = a.day() == days_in_month(a.year(), a.month()) && next.day() == 1 &&
                             ((next.year() == a.year() && next.month() == a.month() + 1) ||
                              (a.month() == 12 && next.year() == a.year() + 1 && next.month() == 1));
    if (!back || *back != a || !(same_month || month_turns)) {
      ADD_FAILURE() << "day " << n << " is " << a.iso() << ", next " << next.iso();
      ++failures;
    }
  }
}

TEST(Date, Weekdays) {
  EXPECT_EQ(Date{}.weekday(), Weekday::thursday);
  EXPECT_EQ(ymd(2026, 3, 8).weekday(), Weekday::sunday);
  EXPECT_EQ(ymd(2026, 3, 9).weekday(), Weekday::monday);
  EXPECT_EQ(ymd(2000, 2, 29).weekday(), Weekday::tuesday);
  EXPECT_EQ(ymd(1969, 12, 31).weekday(), Weekday::wednesday);
  EXPECT_EQ(ymd(1600, 1, 1).weekday(), Weekday::saturday);
  EXPECT_EQ(ymd(1, 1, 1).weekday(), Weekday::monday);
  EXPECT_EQ(ymd(9999, 12, 31).weekday(), Weekday::friday);
}

TEST(Date, Differences) {
  EXPECT_EQ(ymd(2026, 3, 8) - ymd(2026, 1, 1), 66);
  EXPECT_EQ(ymd(2026, 1, 1) - ymd(2026, 3, 8), -66);
  EXPECT_EQ(ymd(2025, 1, 1) - ymd(2024, 1, 1), 366);
  EXPECT_EQ(ymd(2026, 3, 8).plus_days(-66), ymd(2026, 1, 1));
  EXPECT_LT(ymd(2026, 3, 7), ymd(2026, 3, 8));
}

TEST(Date, PlusMonthsKeepsTheDayOrClampsToTheMonthEnd) {
  EXPECT_EQ(ymd(2026, 1, 31).plus_months(1), ymd(2026, 2, 28));
  EXPECT_EQ(ymd(2024, 1, 31).plus_months(1), ymd(2024, 2, 29));
  EXPECT_EQ(ymd(2026, 1, 31).plus_months(2), ymd(2026, 3, 31));
  EXPECT_EQ(ymd(2026, 3, 31).plus_months(1), ymd(2026, 4, 30));
  EXPECT_EQ(ymd(2026, 3, 15).plus_months(0), ymd(2026, 3, 15));
  EXPECT_EQ(ymd(2026, 11, 15).plus_months(3), ymd(2027, 2, 15));
  EXPECT_EQ(ymd(2026, 1, 15).plus_months(-1), ymd(2025, 12, 15));
  EXPECT_EQ(ymd(2026, 3, 31).plus_months(-1), ymd(2026, 2, 28));
  EXPECT_EQ(ymd(2024, 2, 29).plus_months(12), ymd(2025, 2, 28));
  EXPECT_EQ(ymd(2024, 2, 29).plus_months(48), ymd(2028, 2, 29));
  EXPECT_EQ(ymd(2026, 5, 10).plus_months(-25), ymd(2024, 4, 10));
  EXPECT_EQ(ymd(1, 1, 1).plus_months(-1), ymd(0, 12, 1));
}

TEST(Instant, ParsesUtcTimestamps) {
  auto t = Instant::parse("2026-03-08T13:30:00Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->unix_seconds(), 1772976600);
  EXPECT_EQ(t->utc_date(), ymd(2026, 3, 8));
  EXPECT_EQ(t->iso(), "2026-03-08T13:30:00Z");
  EXPECT_EQ(Instant::parse("1970-01-01T00:00:00Z")->unix_seconds(), 0);
  EXPECT_EQ(Instant::parse("9999-12-31T23:59:59Z")->unix_seconds(), 253402300799);
  EXPECT_EQ(Instant::parse("1969-12-31T23:59:59Z")->unix_seconds(), -1);
}

TEST(Instant, RejectsAnythingButTheExactUtcForm) {
  for (const char* bad :
       {"2026-03-08T24:00:00Z", "2026-03-08T13:60:00Z", "2026-03-08T13:30:60Z", "2026-03-08T13:30:00",
        "2026-03-08T13:30:00+00:00", "2026-03-08t13:30:00Z", "2026-03-08T13:30:00z", "2026-03-08 13:30:00Z",
        "2026-02-29T00:00:00Z", "2026-03-08T1:30:00Z", "2026-03-08T13:30:00.5Z", "2026-03-08T13:30:00Z ",
        "2026-03-08", "", "2026-03-08T-1:30:00Z"}) {
    EXPECT_FALSE(Instant::parse(bad)) << '"' << bad << '"';
  }
}

TEST(Instant, BeforeTheEpochUsesTheEarlierDay) {
  const Instant t = Instant::from_unix_seconds(-1);
  EXPECT_EQ(t.utc_date(), ymd(1969, 12, 31));
  EXPECT_EQ(t.iso(), "1969-12-31T23:59:59Z");
  EXPECT_EQ(Instant::from_unix_seconds(-86400).iso(), "1969-12-31T00:00:00Z");
  EXPECT_EQ(Instant::from_unix_seconds(-86401).iso(), "1969-12-30T23:59:59Z");
}

TEST(Instant, RoundTripsThroughIsoText) {
  int failures = 0;
  for (std::int64_t s = -2'000'000'000; s <= 4'000'000'000 && failures < 10; s += 7'919'993) {
    const Instant t = Instant::from_unix_seconds(s);
    const auto back = Instant::parse(t.iso());
    if (!back || *back != t) {
      ADD_FAILURE() << s << " -> " << t.iso();
      ++failures;
    }
  }
  const Instant a = *Instant::parse("2026-03-08T13:30:00Z");
  EXPECT_EQ(a.plus_seconds(3600).iso(), "2026-03-08T14:30:00Z");
  EXPECT_EQ(a.plus_seconds(37800).iso(), "2026-03-09T00:00:00Z");
  EXPECT_EQ(a.plus_seconds(90) - a, 90);
}

}  // namespace
}  // namespace parley
