#pragma once
// Layout of the zone tables generated at build time by core/generate_zones.cmake (generated/zones_data.cpp).
// Internal to core: the public API is parley/zones.h and parley/time_zone.h.
//
// Index of this file:
// [SECTION] Records   one name, one table, one local-time type
// [SECTION] Data      the generated arrays

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace parley::generated {

// [SECTION] Records -------------------------------------------------------------------------------------------

struct ZoneEntry {
  std::uint16_t zone;   // index in zone_names of the Zone this name stands for (itself, or a Link's target)
  std::uint16_t table;  // index in zone_tables
};

struct ZoneTable {
  std::uint32_t first_type;        // index in local_types of the type in force on 1970-01-01T00:00:00Z
  std::uint32_t first_transition;  // index in transition_times / transition_types
  std::uint32_t transition_count;  // transitions before 2101-01-01T00:00:00Z, in increasing time
  std::uint32_t type_count;        // the table's types are local_types[first_type .. first_type + type_count)
};

struct LocalType {
  std::int32_t utc_offset;     // seconds east of UTC
  std::uint16_t abbreviation;  // index in abbreviations
  std::uint8_t is_dst;         // 1 during daylight-saving time
};

inline constexpr std::int64_t table_start = 0;           // 1970-01-01T00:00:00Z
inline constexpr std::int64_t table_end = 4133980800;    // 2101-01-01T00:00:00Z, exclusive
inline constexpr int table_first_year = 1970;
inline constexpr int table_last_year = 2100;

// [SECTION] Data ----------------------------------------------------------------------------------------------

extern const std::string_view tzdata_version;
extern const std::size_t zone_name_count;
extern const std::string_view zone_names[];       // sorted, zone_name_count entries
extern const ZoneEntry zone_entries[];            // parallel to zone_names
extern const ZoneEntry utc_entry;                 // Etc/UTC
extern const ZoneTable zone_tables[];
extern const LocalType local_types[];
extern const std::string_view abbreviations[];
extern const std::uint32_t transition_times[];    // seconds since 1970-01-01T00:00:00Z
extern const std::uint8_t transition_types[];     // type started by each transition, relative to the table's first

}  // namespace parley::generated
