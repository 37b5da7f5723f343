#pragma once
// Local time in IANA time zones, from compact tables generated at build time from Debian's tzdata (the names are
// those of zones.h), so the browser and the native hosts convert identically, offline, without reading files.
//
// Index of this file:
// [SECTION] TimeZone          a zone found by name; a small value, cheap to copy
// [SECTION] LocalTime         what a wall clock in the zone reads at an instant
// [SECTION] LocalResolution   the instants a local date and time stand for: unique, nonexistent or ambiguous
// [SECTION] Conversions       to_local, from_local, start_of_local_day, next_local_time, format_local
//
// Range: the tables hold every offset change from 1970-01-01T00:00:00Z to 2101-01-01T00:00:00Z exactly as the
// system's zdump reports it from tzdata's compiled zones.
// - Before 1970 the clock is clamped: it keeps the offset, DST flag and abbreviation in force on 1970-01-01.
// - From 2101 on, a zone that still changes its clocks in 2100 repeats each year the changes of the latest year up
//   to 2100 that starts on the same weekday and has the same length; this is what tzdata itself does for every
//   zone whose rules recur yearly. Zones with year-by-year predictions that still run in 2100's rule set (Ramadan
//   rules, as for Asia/Gaza until 2086) repeat one predicted year. A zone with no change in 2100 keeps the offset
//   of its last change.
// - Instants and dates outside the years -9999..9999 are clamped to that range.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "parley/date.h"

namespace parley {

// [SECTION] TimeZone ------------------------------------------------------------------------------------------

class TimeZone {
 public:
  TimeZone();                                                  // UTC ("Etc/UTC")
  static std::optional<TimeZone> find(std::string_view name);  // nullopt unless zones.h knows the name; a link
                                                               // ("US/Eastern") finds its zone ("America/New_York")
  std::string_view name() const;                               // the zone's own name, never a link's
  friend bool operator==(TimeZone, TimeZone) = default;        // same zone (a link equals its target)

 private:
  TimeZone(std::uint16_t zone, std::uint16_t table) : zone_(zone), table_(table) {}
  std::uint16_t zone_;   // index of the zone's name in time_zone_names()
  std::uint16_t table_;  // its generated table of offsets and transitions
  friend struct TimeZoneTables;
};

// [SECTION] LocalTime -----------------------------------------------------------------------------------------

struct LocalTime {
  Date date;                        // the local calendar day
  std::int32_t seconds_of_day = 0;  // 0..86399 since local midnight, as the wall clock reads
  std::int32_t utc_offset = 0;      // seconds east of UTC: -14400 for EDT, 19800 for IST
  bool is_dst = false;              // daylight-saving (or other "summer") time is in force
  std::string_view abbreviation;    // "EDT", "CET"; numeric where tzdata has no letters ("+0530", "-03")

  int hour() const { return seconds_of_day / 3600; }          // 0..23
  int minute() const { return seconds_of_day / 60 % 60; }     // 0..59
  int second() const { return seconds_of_day % 60; }          // 0..59
  friend bool operator==(const LocalTime&, const LocalTime&) = default;
};

// [SECTION] LocalResolution -----------------------------------------------------------------------------------

// Which instants a local date and time stand for, with the ambiguity left to the caller (as date's local_info).
struct LocalResolution {
  enum class Kind {
    unique,       // the clock reads that time exactly once
    nonexistent,  // the clock jumps over it (spring forward: 02:30 on 2026-03-08 in New York)
    ambiguous,    // the clock reads it twice (fall back: 01:30 on 2026-11-01 in New York)
  };
  Kind kind = Kind::unique;
  Instant first;                   // unique: the instant; ambiguous: the earlier one; nonexistent: the last instant
                                   // before the jump (the clock reads 01:59:59)
  Instant second;                  // unique: the instant; ambiguous: the later one; nonexistent: the first instant
                                   // after the jump (the change itself; the clock reads 03:00:00)
  std::int32_t first_offset = 0;   // UTC offset in force at `first`
  std::int32_t second_offset = 0;  // UTC offset in force at `second`

  Instant earliest() const { return kind == Kind::nonexistent ? second : first; }  // std::chrono's choose::earliest
  Instant latest() const { return second; }                                        // std::chrono's choose::latest
  friend bool operator==(const LocalResolution&, const LocalResolution&) = default;
};

// [SECTION] Conversions ---------------------------------------------------------------------------------------

LocalTime to_local(TimeZone zone, Instant at);  // the wall clock at `at`
LocalResolution from_local(TimeZone zone, Date date, std::int32_t seconds_of_day);  // seconds past `date`'s local
                                                                                    // midnight; may exceed a day
Instant start_of_local_day(TimeZone zone, Date date);  // the first instant of that local day (after the jump if
                                                       // midnight does not exist, the first one if it repeats)
Instant next_local_time(TimeZone zone, Instant from, std::int32_t seconds_of_day);  // the first instant at or
    // after `from` at which the clock reads seconds_of_day (taken modulo one day); when that time is jumped over,
    // the instant of the jump. "Next allowed at 08:00 local" is next_local_time(zone, now, 8 * 3600).
std::string format_local(TimeZone zone, Instant at);  // ISO 8601 with offset: "2026-03-08T08:00:00-04:00"
std::string format_local(const LocalTime& local);     // the same from a LocalTime; offsets with seconds (LMT,
                                                      // Monrovia before 1972) as "-00:44:30"

}  // namespace parley
