#pragma once
// The table of a calendar's holidays: every day its rules yield over its years, computed once when the calendar
// is loaded and shared, read-only, by the calendar's copies.
//
// Index of this file:
// [SECTION] HolidayTable
// [SECTION] Building

#include <cstdint>
#include <memory>
#include <vector>

#include "parley/calendar/business_days.h"

namespace parley {

// [SECTION] HolidayTable --------------------------------------------------------------------------------------

struct HolidayTable {
  int first_year = 0;                    // the year of year_start[0]: the calendar's first_year - 1
  int last_year = -1;                    // the last year indexed: the calendar's last_year + 1
  std::vector<Holiday> holidays;         // every holiday, sorted by date then by rule order
  std::vector<std::uint32_t> year_start; // holidays of year y: [year_start[y - first_year], year_start[y - first_year + 1])
  std::vector<std::int32_t> days;        // the distinct holiday days (days since 1970-01-01), ascending
};

// [SECTION] Building ------------------------------------------------------------------------------------------

// The weekend of a calendar as a bit set: bit (w - 1) for each Weekday w.
unsigned weekend_mask(const std::vector<Weekday>& weekend);
bool in_mask(unsigned mask, Weekday w);  // whether w is a weekend day of mask

// Applies every rule of `calendar` (rules, weekend, first_year, last_year already checked by the loader).
std::shared_ptr<const HolidayTable> build_holiday_table(const Calendar& calendar);

}  // namespace parley
