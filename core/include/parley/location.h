#pragma once
// Where a contact point places its party: the time zones an address's region and postal code lie in, and the zones a
// point says its party is in, found once when the point is folded (PointRecord::zones).
//
// Index of this file:
// [SECTION] ZoneSet   a small set of zones, kept without allocating
// [SECTION] Regions   the zones an address's region and postal code lie in
// [SECTION] Points    the zones of one address or phone

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "parley/portfolio.h"
#include "parley/time_zone.h"

namespace parley {

// [SECTION] ZoneSet -------------------------------------------------------------------------------------------

// Distinct zones in the order added. Past its capacity it keeps the first ones and says it overflowed: a reader
// that needs every zone must then treat the location as unknown (fail closed).
class ZoneSet {
 public:
  static constexpr std::size_t capacity = 24;
  void add(TimeZone zone);
  void add(std::span<const TimeZone> zones) {
    for (const TimeZone z : zones) add(z);
  }
  std::span<const TimeZone> zones() const { return {zones_.data(), count_}; }
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  bool overflowed() const { return overflowed_; }
  TimeZone operator[](std::size_t i) const { return zones_[i]; }

 private:
  std::array<TimeZone, capacity> zones_{};
  std::size_t count_ = 0;
  bool overflowed_ = false;
};

// [SECTION] Regions -------------------------------------------------------------------------------------------

// The zones the address's region can be in: a US state's (two for states split between zones, e.g. "FL": Eastern
// and Central), a country's where it has one zone for its mainland (GB, FR; French overseas departments by postal
// code); for a US address whose ZIP code belongs to other states than its region (the first digit names a group of
// states, three digits the territories, Hawaii and Alaska), the zones of those states too. Empty when the region is
// not known to core.
ZoneSet region_zones(const PostalAddress& address);

// Whether `zone` keeps the clocks of one of region_zones(address) (the same UTC offsets in January and in July of
// `year`), or the region is not known to core (nothing to compare with). Never when the postal code places the
// address outside its region (a US ZIP code of another area): the consumer may then be in either.
bool zone_fits_region(TimeZone zone, const PostalAddress& address, int year);

// [SECTION] Points --------------------------------------------------------------------------------------------

// The zones one contact point places its party in, when they do not depend on the day asked about (`known`): a
// phone's listed zones; an address's stated zone when it is one of its region's zones and the postal code agrees
// with the region, or its region's zones when it states none. Otherwise (a stated zone that keeps its region's
// clocks under another name, or one that does not fit) `known` is false and the reader works them out for the day
// (party_zones in parley/compliance/locations.h). Zone names core does not know place nothing.
struct PointZones {
  static constexpr std::size_t capacity = 3;
  std::array<TimeZone, capacity> zones{};
  std::uint8_t count = 0;
  bool known = false;
  std::span<const TimeZone> list() const { return {zones.data(), count}; }
};
PointZones zones_of(const Address& address);
PointZones zones_of(const Phone& phone);

// The jurisdiction an address lies in, as rule packs name jurisdictions: "US-WA" for an address in a US state or
// territory core knows, "US" for another US address, else its country code ("FR", "GB"); empty without a country.
// The text is core's own or the address's country: it lives as long as the address.
std::string_view jurisdiction_of(const PostalAddress& address);

// The same as one byte, so that a folded point keeps it (PointRecord::jurisdiction): 0 for none, a number for each
// jurisdiction core names, `other_country` for a country it does not (whose text is the address's country).
// jurisdiction_name(jurisdiction_code(a), a) == jurisdiction_of(a).
inline constexpr std::uint8_t other_country = 0xFF;
std::uint8_t jurisdiction_code(const PostalAddress& address);
std::string_view jurisdiction_name(std::uint8_t code, const PostalAddress& address);

}  // namespace parley
