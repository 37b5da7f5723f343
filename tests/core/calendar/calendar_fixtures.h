#pragma once
// Shared helpers of the calendar tests: dates in one call, the shipped calendars loaded once, and readable
// holiday lists for failure messages.
//
// Index of this file:
// [SECTION] Helpers

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "embedded_calendars.h"
#include "parley/calendar/business_days.h"

namespace parley::testdata {

// [SECTION] Helpers -------------------------------------------------------------------------------------------

inline Date ymd(int y, int m, int d) {
  const std::optional<Date> date = Date::from_ymd(y, m, d);
  EXPECT_TRUE(date.has_value()) << y << "-" << m << "-" << d;
  return date.value_or(Date{});
}

// The shipped calendar <stem>, loaded once per test binary; a failing load fails the calling test.
inline const Calendar& shipped(std::string_view stem) {
  static const Calendar us = shipped_calendar("US-FEDERAL");
  static const Calendar eng = shipped_calendar("GB-ENG");
  static const Calendar sct = shipped_calendar("GB-SCT");
  static const Calendar fr = shipped_calendar("FR");
  static const Calendar none;
  const Calendar& c = stem == "US-FEDERAL" ? us : stem == "GB-ENG" ? eng : stem == "GB-SCT" ? sct : stem == "FR" ? fr : none;
  EXPECT_EQ(c.id, stem) << "calendar " << stem << " did not load";
  return c;
}

inline std::string describe(const std::vector<Holiday>& holidays) {
  std::string out;
  for (const Holiday& h : holidays) out += h.date.iso() + " " + h.name + "\n";
  return out;
}

}  // namespace parley::testdata
