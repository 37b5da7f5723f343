// Civil dates and UTC instants: conversions between day counts and year-month-day, and ISO 8601 text.
#include "parley/date.h"

#include "json/enum_spelling.h"

namespace parley {
namespace {

constexpr auto kWeekdays = json::spellings<Weekday>({{Weekday::monday, "monday"},
                                                     {Weekday::tuesday, "tuesday"},
                                                     {Weekday::wednesday, "wednesday"},
                                                     {Weekday::thursday, "thursday"},
                                                     {Weekday::friday, "friday"},
                                                     {Weekday::saturday, "saturday"},
                                                     {Weekday::sunday, "sunday"}});

constexpr int kMinYear = -9999;  // from_ymd accepts years in [kMinYear, kMaxYear]
constexpr int kMaxYear = 9999;
constexpr std::int64_t kSecondsPerDay = 86400;

// Quotient rounded toward negative infinity (b > 0).
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if (a % b != 0 && a < 0) --q;
  return q;
}

// Remainder with the sign of b (b > 0): always in [0, b).
constexpr std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return a - floor_div(a, b) * b; }

// Leap years among the years (-inf, y], counted from a fixed origin; only differences are meaningful.
constexpr std::int64_t leap_years_through(std::int64_t y) {
  return floor_div(y, 4) - floor_div(y, 100) + floor_div(y, 400);
}

// Days from 1970-01-01 to January 1st of year y.
constexpr std::int64_t days_before_year(std::int64_t y) {
  return 365 * (y - 1970) + leap_years_through(y - 1) - leap_years_through(1969);
}

constexpr bool leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Days in the months before month m (1-based) of a common year.
constexpr int kDaysBeforeMonth[13] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

constexpr int month_length(std::int64_t y, int m) {
  constexpr int kLengths[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kLengths[m];
}

// Days since 1970-01-01 of a valid y-m-d.
constexpr std::int64_t days_from_civil(std::int64_t y, int m, int d) {
  const std::int64_t before_month = kDaysBeforeMonth[m] + (m > 2 && leap(y) ? 1 : 0);
  return days_before_year(y) + before_month + d - 1;
}

struct Civil {
  std::int64_t year;
  int month;
  int day;
};

// The y-m-d of a day count. The first estimate of the year (mean Gregorian year of 146097/400 days) is at
// most one year off; the loops correct it.
constexpr Civil civil_from_days(std::int64_t days) {
  std::int64_t y = 1970 + floor_div(days * 400, 146097);
  while (days_before_year(y) > days) --y;
  while (days_before_year(y + 1) <= days) ++y;
  const int day_of_year = static_cast<int>(days - days_before_year(y));  // 0-based
  const int leap_shift = leap(y) ? 1 : 0;
  int m = 12;
  while (kDaysBeforeMonth[m] + (m > 2 ? leap_shift : 0) > day_of_year) --m;
  const int d = day_of_year - kDaysBeforeMonth[m] - (m > 2 ? leap_shift : 0) + 1;
  return Civil{y, m, d};
}

static_assert(days_from_civil(1970, 1, 1) == 0);
static_assert(days_from_civil(2000, 3, 1) == 11017);
static_assert(civil_from_days(-1).year == 1969 && civil_from_days(-1).day == 31);

// Reads exactly `count` ASCII digits at text[pos]; -1 if any is not a digit.
int read_digits(std::string_view text, std::size_t pos, std::size_t count) {
  int value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

// "YYYY-MM-DD" at the start of `text` (which has at least 10 characters).
std::optional<Date> parse_date_prefix(std::string_view text) {
  if (text[4] != '-' || text[7] != '-') return std::nullopt;
  const int y = read_digits(text, 0, 4);
  const int m = read_digits(text, 5, 2);
  const int d = read_digits(text, 8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  return Date::from_ymd(y, m, d);
}

// Appends `value` in decimal, left-padded with zeros to at least `width` digits.
void append_padded(std::string& out, unsigned value, int width) {
  char digits[10];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  for (int i = n; i < width; ++i) out.push_back('0');
  while (n > 0) out.push_back(digits[--n]);
}

}  // namespace

// [SECTION] Date ----------------------------------------------------------------------------------------------

std::string_view to_string(Weekday w) { return kWeekdays.text(w); }
std::optional<Weekday> parse_weekday(std::string_view text) { return kWeekdays.parse(text); }

bool is_leap_year(int year) { return leap(year); }

int days_in_month(int year, int month) { return month >= 1 && month <= 12 ? month_length(year, month) : 0; }

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > month_length(year, month)) return std::nullopt;
  return Date(static_cast<std::int32_t>(days_from_civil(year, month, day)));
}

std::optional<Date> Date::parse(std::string_view iso) {
  if (iso.size() != 10) return std::nullopt;
  return parse_date_prefix(iso);
}

int Date::year() const { return static_cast<int>(civil_from_days(days_).year); }
int Date::month() const { return civil_from_days(days_).month; }
int Date::day() const { return civil_from_days(days_).day; }

Weekday Date::weekday() const {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  return static_cast<Weekday>(floor_mod(static_cast<std::int64_t>(days_) + 3, 7) + 1);
}

std::string Date::iso() const {
  const Civil c = civil_from_days(days_);
  const long long y = static_cast<long long>(c.year);
  std::string out;
  out.reserve(11);
  if (y < 0) out.push_back('-');
  append_padded(out, static_cast<unsigned>(y < 0 ? -y : y), 4);
  out.push_back('-');
  append_padded(out, static_cast<unsigned>(c.month), 2);
  out.push_back('-');
  append_padded(out, static_cast<unsigned>(c.day), 2);
  return out;
}

Date Date::plus_months(int n) const {
  const Civil c = civil_from_days(days_);
  const std::int64_t month_index = c.year * 12 + (c.month - 1) + n;
  const std::int64_t y = floor_div(month_index, 12);
  const int m = static_cast<int>(floor_mod(month_index, 12)) + 1;
  const int last = month_length(y, m);
  const int d = c.day < last ? c.day : last;
  return Date(static_cast<std::int32_t>(days_from_civil(y, m, d)));
}

// [SECTION] Instant -------------------------------------------------------------------------------------------

std::optional<Instant> Instant::parse(std::string_view iso) {
  // 2026-03-08T13:30:00Z
  // 0123456789012345678 9
  if (iso.size() != 20 || iso[10] != 'T' || iso[13] != ':' || iso[16] != ':' || iso[19] != 'Z') {
    return std::nullopt;
  }
  const std::optional<Date> date = parse_date_prefix(iso);
  if (!date) return std::nullopt;
  const int hh = read_digits(iso, 11, 2);
  const int mm = read_digits(iso, 14, 2);
  const int ss = read_digits(iso, 17, 2);
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59) return std::nullopt;
  return Instant(static_cast<std::int64_t>(date->days_since_epoch()) * kSecondsPerDay + hh * 3600 + mm * 60 +
                 ss);
}

Date Instant::utc_date() const {
  return Date::from_days(static_cast<std::int32_t>(floor_div(seconds_, kSecondsPerDay)));
}

std::string Instant::iso() const {
  const std::int64_t second_of_day = floor_mod(seconds_, kSecondsPerDay);
  const int hh = static_cast<int>(second_of_day / 3600);
  const int mm = static_cast<int>(second_of_day / 60 % 60);
  const int ss = static_cast<int>(second_of_day % 60);
  std::string out = utc_date().iso();
  out.push_back('T');
  append_padded(out, static_cast<unsigned>(hh), 2);
  out.push_back(':');
  append_padded(out, static_cast<unsigned>(mm), 2);
  out.push_back(':');
  append_padded(out, static_cast<unsigned>(ss), 2);
  out.push_back('Z');
  return out;
}

}  // namespace parley
