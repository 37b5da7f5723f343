#pragma once
// Where a party may be: the time zones its local time is read in, from every contact point that may locate it.
//
// Index of this file:
// [SECTION] ZoneSet   a small set of zones, kept without allocating
// [SECTION] Regions   the zones an address's region and postal code lie in
// [SECTION] Party     the zones of a party: every current address and every current phone
//
// 12 CFR 1006.6(b)(1)(i) asks for a time convenient "at the consumer's location"; where the collector's information
// about that location conflicts or is ambiguous, the time must be convenient in every place the information points
// to. So the party's zones are the union of what each usable point says (points marked bad or wrong-number say
// nothing), and an address whose stated zone does not fit its region or postal code counts as uncertain: its
// stated zone and the region's zones all count.

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

#include "parley/account/account.h"
#include "parley/date.h"
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

// [SECTION] Party ---------------------------------------------------------------------------------------------

// Every zone the party may be in as of `at`: of each usable address its stated zone, and its region's zones when the
// stated zone is unknown or does not fit the region (zone_fits_region); of each usable phone the zones it lists.
// Each zone once, in the order of the points. Empty when no point locates the party. Allocates nothing.
ZoneSet party_zones(const PartyRecord& party, Instant at);

}  // namespace parley
