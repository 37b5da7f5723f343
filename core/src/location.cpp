// Where a contact point places its party (see parley/location.h).
//
// Index of this file:
// [SECTION] Tables   US states and their zones, ZIP code areas, single-zone countries, French overseas
// [SECTION] ZoneSet  add
// [SECTION] Regions  region_zones, zone_fits_region
// [SECTION] Points   zones_of an address or a phone, jurisdiction_of an address
#include "parley/location.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

namespace parley {

namespace {

// [SECTION] Tables --------------------------------------------------------------------------------------------

// Each US state, district and territory with the zones its clocks keep (the tzdata zone a part of the state follows:
// Florida's panhandle is Central, El Paso Mountain, northern Idaho Pacific, the Navajo Nation in Arizona keeps
// Mountain daylight time, West Wendover in Nevada Mountain time).
struct StateZones {
  std::string_view state;
  std::array<std::string_view, 3> zones;
};

constexpr StateZones kStates[] = {
    {"AK", {"America/Anchorage", "America/Adak", ""}},
    {"AL", {"America/Chicago", "", ""}},
    {"AR", {"America/Chicago", "", ""}},
    {"AS", {"Pacific/Pago_Pago", "", ""}},
    {"AZ", {"America/Phoenix", "America/Denver", ""}},
    {"CA", {"America/Los_Angeles", "", ""}},
    {"CO", {"America/Denver", "", ""}},
    {"CT", {"America/New_York", "", ""}},
    {"DC", {"America/New_York", "", ""}},
    {"DE", {"America/New_York", "", ""}},
    {"FL", {"America/New_York", "America/Chicago", ""}},
    {"GA", {"America/New_York", "", ""}},
    {"GU", {"Pacific/Guam", "", ""}},
    {"HI", {"Pacific/Honolulu", "", ""}},
    {"IA", {"America/Chicago", "", ""}},
    {"ID", {"America/Boise", "America/Los_Angeles", ""}},
    {"IL", {"America/Chicago", "", ""}},
    {"IN", {"America/Indiana/Indianapolis", "America/Chicago", ""}},
    {"KS", {"America/Chicago", "America/Denver", ""}},
    {"KY", {"America/New_York", "America/Chicago", ""}},
    {"LA", {"America/Chicago", "", ""}},
    {"MA", {"America/New_York", "", ""}},
    {"MD", {"America/New_York", "", ""}},
    {"ME", {"America/New_York", "", ""}},
    {"MI", {"America/Detroit", "America/Chicago", ""}},
    {"MN", {"America/Chicago", "", ""}},
    {"MO", {"America/Chicago", "", ""}},
    {"MP", {"Pacific/Saipan", "", ""}},
    {"MS", {"America/Chicago", "", ""}},
    {"MT", {"America/Denver", "", ""}},
    {"NC", {"America/New_York", "", ""}},
    {"ND", {"America/Chicago", "America/Denver", ""}},
    {"NE", {"America/Chicago", "America/Denver", ""}},
    {"NH", {"America/New_York", "", ""}},
    {"NJ", {"America/New_York", "", ""}},
    {"NM", {"America/Denver", "", ""}},
    {"NV", {"America/Los_Angeles", "America/Denver", ""}},
    {"NY", {"America/New_York", "", ""}},
    {"OH", {"America/New_York", "", ""}},
    {"OK", {"America/Chicago", "", ""}},
    {"OR", {"America/Los_Angeles", "America/Boise", ""}},
    {"PA", {"America/New_York", "", ""}},
    {"PR", {"America/Puerto_Rico", "", ""}},
    {"RI", {"America/New_York", "", ""}},
    {"SC", {"America/New_York", "", ""}},
    {"SD", {"America/Chicago", "America/Denver", ""}},
    {"TN", {"America/New_York", "America/Chicago", ""}},
    {"TX", {"America/Chicago", "America/Denver", ""}},
    {"UT", {"America/Denver", "", ""}},
    {"VA", {"America/New_York", "", ""}},
    {"VI", {"America/St_Thomas", "", ""}},
    {"VT", {"America/New_York", "", ""}},
    {"WA", {"America/Los_Angeles", "", ""}},
    {"WI", {"America/Chicago", "", ""}},
    {"WV", {"America/New_York", "", ""}},
    {"WY", {"America/Denver", "", ""}},
};

// The states whose ZIP codes start with each digit (the national areas of the ZIP code), with the first three digits
// telling apart the territories and the states far from the rest of their area: Puerto Rico (006, 007, 009), the
// Virgin Islands (008), Hawaii (967, 968), Guam, the Northern Marianas and American Samoa (969), Alaska (995-999).
constexpr std::array<std::string_view, 10> kZipAreas = {
    "CT MA ME NH NJ RI VT", "DE NY PA",          "DC MD NC SC VA WV", "AL FL GA MS TN",
    "IN KY MI OH",          "IA MN MT ND SD WI", "IL KS MO NE",       "AR LA OK TX",
    "AZ CO ID NM NV UT WY", "CA OR WA"};

struct ZipPrefixes {
  int first;  // three-digit prefixes first..last
  int last;
  std::string_view states;
};
constexpr ZipPrefixes kZipPrefixes[] = {{6, 7, "PR"},        {8, 8, "VI"},   {9, 9, "PR"},
                                        {967, 968, "HI"},    {969, 969, "AS GU MP"},
                                        {995, 999, "AK"}};

// The states a ZIP code's prefix belongs to; empty when the code does not start with three digits.
std::string_view zip_area(std::string_view zip) {
  if (zip.size() < 3) return {};
  int prefix = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    if (zip[i] < '0' || zip[i] > '9') return {};
    prefix = prefix * 10 + (zip[i] - '0');
  }
  for (const ZipPrefixes& p : kZipPrefixes) {
    if (prefix >= p.first && prefix <= p.last) return p.states;
  }
  return kZipAreas[static_cast<std::size_t>(prefix / 100)];
}

// Countries whose mainland keeps one zone.
struct CountryZone {
  std::string_view country;
  std::string_view zone;
};
constexpr CountryZone kCountries[] = {{"GB", "Europe/London"}, {"FR", "Europe/Paris"}};

// French overseas departments and collectivities, by the first three digits of the postal code.
constexpr CountryZone kFrenchOverseas[] = {{"971", "America/Guadeloupe"}, {"972", "America/Martinique"},
                                           {"973", "America/Cayenne"},    {"974", "Indian/Reunion"},
                                           {"975", "America/Miquelon"},   {"976", "Indian/Mayotte"}};

// The state of a two-letter code, by a table of every pair of capital letters built once; null if none.
const StateZones* state_of(std::string_view region) {
  static const std::array<const StateZones*, 26 * 26> by_code = [] {
    std::array<const StateZones*, 26 * 26> table{};
    for (const StateZones& s : kStates) table[static_cast<std::size_t>((s.state[0] - 'A') * 26 + (s.state[1] - 'A'))] = &s;
    return table;
  }();
  if (region.size() != 2 || region[0] < 'A' || region[0] > 'Z' || region[1] < 'A' || region[1] > 'Z') return nullptr;
  return by_code[static_cast<std::size_t>((region[0] - 'A') * 26 + (region[1] - 'A'))];
}

void add_zone(ZoneSet& out, std::string_view name) {
  if (name.empty()) return;
  if (const std::optional<TimeZone> zone = TimeZone::find(name)) out.add(*zone);
}

// Each state's zones found once, in kStates' order: a check reads them for every address.
const std::array<ZoneSet, std::size(kStates)>& state_zones() {
  static const std::array<ZoneSet, std::size(kStates)> found = [] {
    std::array<ZoneSet, std::size(kStates)> zones;
    for (std::size_t i = 0; i < std::size(kStates); ++i) {
      for (const std::string_view name : kStates[i].zones) add_zone(zones[i], name);
    }
    return zones;
  }();
  return found;
}

void add_state(ZoneSet& out, const StateZones& state) {
  out.add(state_zones()[static_cast<std::size_t>(&state - kStates)].zones());
}

bool in_area(std::string_view area, std::string_view state) {
  for (std::size_t at = 0; at + 2 <= area.size(); at += 3) {
    if (area.substr(at, 2) == state) return true;
  }
  return false;
}

// The same UTC offset in mid-January and mid-July of `year`: the two zones keep the same clocks that year.
bool same_clocks(TimeZone a, TimeZone b, int year) {
  for (const int month : {1, 7}) {
    const std::optional<Date> day = Date::from_ymd(year, month, 15);
    if (!day) return false;
    const Instant noon = Instant::from_unix_seconds(std::int64_t{day->days_since_epoch()} * 86400 + 12 * 3600);
    if (to_local(a, noon).utc_offset != to_local(b, noon).utc_offset) return false;
  }
  return true;
}

}  // namespace

// [SECTION] ZoneSet -------------------------------------------------------------------------------------------

void ZoneSet::add(TimeZone zone) {
  for (std::size_t i = 0; i < count_; ++i) {
    if (zones_[i] == zone) return;
  }
  if (count_ == capacity) {
    overflowed_ = true;
    return;
  }
  zones_[count_++] = zone;
}

// [SECTION] Regions -------------------------------------------------------------------------------------------

namespace {

// region_zones, saying whether the postal code places the address elsewhere than its region (a US ZIP code of
// another area): then no single zone can be trusted.
ZoneSet region_zones(const PostalAddress& address, bool& conflicting) {
  ZoneSet out;
  conflicting = false;
  if (address.country == "US") {
    const StateZones* state = state_of(address.region);
    if (state != nullptr) add_state(out, *state);
    const std::string_view area = zip_area(address.postal_code);
    if (!area.empty() && (state == nullptr || !in_area(area, state->state))) {
      conflicting = state != nullptr;
      for (std::size_t at = 0; at + 2 <= area.size(); at += 3) {
        if (const StateZones* other = state_of(area.substr(at, 2))) add_state(out, *other);
      }
    }
    return out;
  }
  if (address.country == "FR") {
    for (const CountryZone& overseas : kFrenchOverseas) {
      if (address.postal_code.starts_with(overseas.country)) {
        add_zone(out, overseas.zone);
        return out;
      }
    }
  }
  for (const CountryZone& c : kCountries) {
    if (c.country == address.country) add_zone(out, c.zone);
  }
  return out;
}

}  // namespace

ZoneSet region_zones(const PostalAddress& address) {
  bool conflicting = false;
  return region_zones(address, conflicting);
}

namespace {

bool fits(TimeZone zone, const ZoneSet& region, bool conflicting, int year) {
  if (conflicting) return false;
  const std::span<const TimeZone> zones = region.zones();
  return region.empty() || std::find(zones.begin(), zones.end(), zone) != zones.end() ||
         std::any_of(zones.begin(), zones.end(), [&](TimeZone r) { return same_clocks(r, zone, year); });
}

}  // namespace

bool zone_fits_region(TimeZone zone, const PostalAddress& address, int year) {
  bool conflicting = false;
  const ZoneSet region = region_zones(address, conflicting);
  return fits(zone, region, conflicting, year);
}

// [SECTION] Points --------------------------------------------------------------------------------------------

namespace {

// Adds each zone not yet held; false when one does not fit.
bool put(PointZones& out, std::span<const TimeZone> zones) {
  for (const TimeZone z : zones) {
    const auto held = out.zones.begin() + out.count;
    if (std::find(out.zones.begin(), held, z) != held) continue;
    if (out.count == PointZones::capacity) return false;
    out.zones[out.count++] = z;
  }
  return true;
}

}  // namespace

PointZones zones_of(const Address& address) {
  PointZones out;
  const std::optional<TimeZone> stated = TimeZone::find(address.time_zone);
  bool conflicting = false;
  const ZoneSet region = region_zones(address.postal, conflicting);
  if (!stated) {
    out.known = !region.overflowed() && put(out, region.zones());
    return out;
  }
  const std::span<const TimeZone> zones = region.zones();
  const bool fits_exactly =
      !conflicting && (region.empty() || std::find(zones.begin(), zones.end(), *stated) != zones.end());
  out.known = fits_exactly && put(out, {&*stated, 1});
  return out;
}

PointZones zones_of(const Phone& phone) {
  PointZones out;
  out.known = true;
  for (const std::string& name : phone.time_zones) {
    const std::optional<TimeZone> zone = TimeZone::find(name);
    if (zone && !put(out, {&*zone, 1})) out.known = false;
  }
  return out;
}

namespace {

// The jurisdictions a code names: none, "US-AK", "US-AL", ... in kStates' order, "US", then kCountries'.
const std::vector<std::string>& jurisdiction_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out{""};
    for (const StateZones& s : kStates) out.push_back("US-" + std::string(s.state));
    out.emplace_back("US");
    for (const CountryZone& c : kCountries) out.emplace_back(c.country);
    return out;
  }();
  return names;
}

}  // namespace

std::uint8_t jurisdiction_code(const PostalAddress& address) {
  static_assert(1 + std::size(kStates) + 1 + std::size(kCountries) < other_country);
  if (address.country.empty()) return 0;
  if (address.country == "US") {
    const StateZones* state = state_of(address.region);
    return static_cast<std::uint8_t>(state != nullptr ? 1 + (state - kStates) : 1 + std::size(kStates));
  }
  for (std::size_t i = 0; i < std::size(kCountries); ++i) {
    if (kCountries[i].country == address.country) return static_cast<std::uint8_t>(2 + std::size(kStates) + i);
  }
  return other_country;
}

std::string_view jurisdiction_name(std::uint8_t code, const PostalAddress& address) {
  if (code == other_country) return address.country;
  const std::vector<std::string>& names = jurisdiction_names();
  return code < names.size() ? std::string_view(names[code]) : std::string_view();
}

std::string_view jurisdiction_of(const PostalAddress& address) {
  return jurisdiction_name(jurisdiction_code(address), address);
}

}  // namespace parley
