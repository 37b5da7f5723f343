#pragma once
// Civil dates and UTC instants.
//
// Index of this file:
// [SECTION] Date       a day of the proleptic Gregorian calendar, stored as days since 1970-01-01
// [SECTION] Instant    a UTC instant in whole seconds since 1970-01-01T00:00:00Z
//
// Core has no clock: "today" and "now" are always passed in. Impossible dates (2026-02-30) cannot be built:
// the factories return nullopt instead.
//
// Range: from_ymd accepts years -9999..9999 (astronomical numbering: year 0 is 1 BC); parse reads the four-digit
// years 0000..9999. Every Date converts back to year/month/day; iso() writes years outside 0000..9999 with a
// leading '-' or more digits ("-0044-03-15").

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley {

// [SECTION] Date ----------------------------------------------------------------------------------------------

enum class Weekday { monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday };  // ISO 8601 order
std::string_view to_string(Weekday);                        // "monday" .. "sunday"
std::optional<Weekday> parse_weekday(std::string_view text);  // the lowercase English name

class Date {
 public:
  constexpr Date() = default;                                                  // 1970-01-01
  static constexpr Date from_days(std::int32_t days_since_epoch) { return Date(days_since_epoch); }
  static std::optional<Date> from_ymd(int year, int month, int day);          // nullopt if no such day
  static std::optional<Date> parse(std::string_view iso);                     // exactly "YYYY-MM-DD"

  std::int32_t days_since_epoch() const { return days_; }
  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  Weekday weekday() const;
  std::string iso() const;  // "2026-03-08"

  Date plus_days(std::int32_t n) const { return Date(days_ + n); }
  Date plus_months(int n) const;  // same day of month, clamped to the month's last day (Jan 31 + 1 = Feb 28)
  friend std::int32_t operator-(Date a, Date b) { return a.days_ - b.days_; }  // days from b to a
  friend bool operator==(Date, Date) = default;
  friend std::strong_ordering operator<=>(Date, Date) = default;

 private:
  constexpr explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

// [SECTION] Instant -------------------------------------------------------------------------------------------

class Instant {
 public:
  constexpr Instant() = default;
  static constexpr Instant from_unix_seconds(std::int64_t s) { return Instant(s); }
  static std::optional<Instant> parse(std::string_view iso);  // "2026-03-08T13:30:00Z" (UTC, 'Z' required)

  std::int64_t unix_seconds() const { return seconds_; }
  Date utc_date() const;
  std::string iso() const;  // "2026-03-08T13:30:00Z"

  Instant plus_seconds(std::int64_t n) const { return Instant(seconds_ + n); }
  friend std::int64_t operator-(Instant a, Instant b) { return a.seconds_ - b.seconds_; }
  friend bool operator==(Instant, Instant) = default;
  friend std::strong_ordering operator<=>(Instant, Instant) = default;

 private:
  constexpr explicit Instant(std::int64_t s) : seconds_(s) {}
  std::int64_t seconds_ = 0;
};

}  // namespace parley
