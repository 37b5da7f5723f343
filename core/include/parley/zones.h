#pragma once
// IANA time-zone names known to core, generated at build time from Debian's tzdata (tzdata.zi), so that every
// host (browser, native, server) accepts and rejects the same names without reading files at run time.

#include <span>
#include <string_view>

namespace parley {

bool is_known_time_zone(std::string_view name);       // "America/New_York", "Europe/Paris", links included
std::span<const std::string_view> time_zone_names();  // sorted
std::string_view tzdata_version();                    // e.g. "2025b"

}  // namespace parley
