#pragma once
// The shipped holiday calendars (assets/calendars/*.json), embedded in the core test binary at build time by
// tests/core/calendar/embed_calendars.cmake, so that native and wasm runs check the very files that ship.
//
// Index of this file:
// [SECTION] Files
// [SECTION] Loading

#include <cstddef>
#include <span>
#include <string_view>
#include <utility>

#include "parley/calendar/business_days.h"

namespace parley::testdata {

// [SECTION] Files ---------------------------------------------------------------------------------------------

struct EmbeddedCalendar {
  std::string_view stem;  // the file name without ".json": "US-FEDERAL"
  std::string_view text;  // the file's bytes
};

extern const EmbeddedCalendar embedded_calendar_files[];  // sorted by file name (generated)
extern const std::size_t embedded_calendar_file_count;

inline std::span<const EmbeddedCalendar> embedded_calendars() {
  return {embedded_calendar_files, embedded_calendar_file_count};
}

// The text of assets/calendars/<stem>.json; empty if there is no such file.
inline std::string_view calendar_text(std::string_view stem) {
  for (const EmbeddedCalendar& c : embedded_calendars()) {
    if (c.stem == stem) return c.text;
  }
  return {};
}

// [SECTION] Loading -------------------------------------------------------------------------------------------

// The shipped calendar <stem>, loaded; a default Calendar (no holidays, no weekend) if it does not load, which
// the calendar tests report as a failure of their own.
inline Calendar shipped_calendar(std::string_view stem) {
  CalendarLoad load = load_calendar(calendar_text(stem));
  return load.calendar ? std::move(*load.calendar) : Calendar{};
}

}  // namespace parley::testdata
