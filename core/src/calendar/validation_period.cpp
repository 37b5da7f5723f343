// The Regulation F validation period (12 CFR 1006.34(b)(5)): assumed receipt and end of the period.
//
// Index of this file:
// [SECTION] Validation period
#include "parley/calendar/validation_period.h"

namespace parley {

// [SECTION] Validation period ---------------------------------------------------------------------------------

namespace {

// Saturdays and Sundays are named by the rule itself, whatever the calendar's weekend.
bool counts_toward_receipt(const Calendar& calendar, Date d) {
  const Weekday w = d.weekday();
  return w != Weekday::saturday && w != Weekday::sunday && !is_holiday(calendar, d);
}

Date period_end(const Calendar& calendar, Date received, ValidationEnd end) {
  const Date last = received.plus_days(validation_period_days);
  return end == ValidationEnd::next_business_day ? roll(calendar, last, DayRoll::following) : last;
}

}  // namespace

ValidationPeriod validation_period(const Calendar& us_federal, Date provided, ValidationEnd end) {
  Date d = provided;
  for (int counted = 0; counted < validation_receipt_days;) {
    d = d.plus_days(1);
    if (counts_toward_receipt(us_federal, d)) ++counted;
  }
  return ValidationPeriod{provided, d, period_end(us_federal, d, end)};
}

ValidationPeriod validation_period_from_receipt(const Calendar& us_federal, Date provided, Date received,
                                                ValidationEnd end) {
  return ValidationPeriod{provided, received, period_end(us_federal, received, end)};
}

}  // namespace parley
