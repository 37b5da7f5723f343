// The zones a party may be in (see parley/compliance/locations.h).
#include "parley/compliance/locations.h"

#include <optional>
#include <string>

namespace parley {

// [SECTION] Party ---------------------------------------------------------------------------------------------

ZoneSet party_zones(const PartyRecord& party, Instant at) {
  ZoneSet out;
  const int year = at.utc_date().year();
  for (const PointRecord& p : party.points) {
    if (!p.usable()) continue;
    if (p.zones.known) {
      out.add(p.zones.list());
    } else if (p.kind == ContactPointKind::address) {
      const std::optional<TimeZone> stated = TimeZone::find(p.address->time_zone);
      if (stated) out.add(*stated);
      if (!stated || !zone_fits_region(*stated, p.address->postal, year)) {
        out.add(region_zones(p.address->postal).zones());
      }
    } else if (p.kind == ContactPointKind::phone) {
      for (const std::string& name : p.phone->time_zones) {
        if (const std::optional<TimeZone> zone = TimeZone::find(name)) out.add(*zone);
      }
    }
  }
  return out;
}

Jurisdictions party_jurisdictions(const Account& account, const PartyRecord& party) {
  Jurisdictions out(account.jurisdiction);
  for (const PointRecord& p : party.points) {
    if (p.kind == ContactPointKind::address && p.usable() && p.jurisdiction != 0) {
      out.add(jurisdiction_name(p.jurisdiction, p.address->postal));
    }
  }
  return out;
}

}  // namespace parley
