#pragma once
// The Regulation F validation period (United States, 12 CFR 1006.34(b)(5)): from the day a debt collector
// provides the validation information, the day it may assume the consumer received it and the last day of the
// period in which the consumer may dispute the debt or ask for the original creditor.
//
// Index of this file:
// [SECTION] Validation period
//
// 12 CFR 1006.34(b)(5): "Validation period means the period starting on the date that a debt collector
// provides the validation information required by paragraph (c) of this section and ending 30 days after the
// consumer receives or is assumed to receive the validation information. For purposes of determining the end
// of the validation period, the debt collector may assume that a consumer receives the validation information
// on any date that is at least five days (excluding legal public holidays identified in 5 U.S.C. 6103(a),
// Saturdays, and Sundays) after the debt collector provides it."
//
// The holidays are those of the calendar passed in (load assets/calendars/US-FEDERAL.json). That calendar holds
// the days federal offices observe (4 July 2026, a Saturday, is observed on Friday 3 July); skipping an
// observed day as well can only make the assumed receipt later, which the rule allows ("any date that is at
// least five days"). The rule text does not move an end date that falls on a weekend or holiday: the 30 days
// are calendar days. ValidationEnd::next_business_day is an opt-in policy that gives the consumer more time.
// See docs/calendars.md.

#include "parley/calendar/business_days.h"
#include "parley/date.h"

namespace parley {

// [SECTION] Validation period ---------------------------------------------------------------------------------

inline constexpr int validation_receipt_days = 5;   // days counted to the assumed receipt (1006.34(b)(5))
inline constexpr int validation_period_days = 30;   // calendar days from receipt to the end of the period

enum class ValidationEnd {
  as_written,         // receipt + 30 calendar days, whatever day that is (the rule's text)
  next_business_day,  // as written, then moved to the next business day of the calendar if it is not one
};

struct ValidationPeriod {
  Date provided;         // the day the validation information was provided (sent)
  Date assumed_receipt;  // the 5th day after `provided` that is not a Saturday, Sunday or calendar holiday
  Date ends;             // the last day of the validation period: assumed_receipt + 30 days (see ValidationEnd)
  friend bool operator==(const ValidationPeriod&, const ValidationPeriod&) = default;
};

// The period for validation information provided on `provided`, with the holidays of `us_federal`.
ValidationPeriod validation_period(const Calendar& us_federal, Date provided,
                                   ValidationEnd end = ValidationEnd::as_written);

// The period when the consumer's actual receipt date is known (receipt + 30 days, per `end`).
ValidationPeriod validation_period_from_receipt(const Calendar& us_federal, Date provided, Date received,
                                                ValidationEnd end = ValidationEnd::as_written);

}  // namespace parley
