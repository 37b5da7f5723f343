// The zones of an address's region: every US state and territory is placed (a misspelt zone name would drop a place
// the consumer may be in, and the calling-hours check would then pass where it should not), split states have both
// zones, and the single-zone countries and the French overseas departments are placed by country and postal code.
#include "parley/compliance/locations.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley {
namespace {

PostalAddress in(std::string country, std::string region, std::string postal_code = "") {
  return PostalAddress{{"1 Main St"}, "Town", std::move(region), std::move(postal_code), std::move(country)};
}

std::vector<std::string> names(const ZoneSet& zones) {
  std::vector<std::string> out;
  for (const TimeZone z : zones.zones()) out.emplace_back(z.name());
  return out;
}

TEST(RegionZones, EveryStateAndTerritoryIsPlacedAndSplitStatesHaveBothZones) {
  const std::vector<std::string> split = {"AK", "AZ", "FL", "ID", "IN", "KS", "KY", "MI",
                                          "ND", "NE", "NV", "OR", "SD", "TN", "TX"};
  const std::vector<std::string> single = {"AL", "AR", "AS", "CA", "CO", "CT", "DC", "DE", "GA", "GU", "HI",
                                           "IA", "IL", "LA", "MA", "MD", "ME", "MN", "MO", "MP", "MS", "MT",
                                           "NC", "NH", "NJ", "NM", "NY", "OH", "OK", "PA", "PR", "RI", "SC",
                                           "UT", "VA", "VI", "VT", "WA", "WI", "WV", "WY"};
  for (const std::string& state : split) EXPECT_EQ(region_zones(in("US", state)).size(), 2u) << state;
  for (const std::string& state : single) EXPECT_EQ(region_zones(in("US", state)).size(), 1u) << state;
  EXPECT_EQ(names(region_zones(in("US", "FL"))), (std::vector<std::string>{"America/New_York", "America/Chicago"}));
  EXPECT_TRUE(region_zones(in("US", "XX")).empty());
  EXPECT_TRUE(region_zones(in("DE", "BE")).empty());
}

TEST(RegionZones, AZipCodeOfAnotherAreaAddsItsStatesZones) {
  EXPECT_EQ(names(region_zones(in("US", "NY", "10001"))), std::vector<std::string>{"America/New_York"});
  EXPECT_EQ(names(region_zones(in("US", "NY", "96813"))),
            (std::vector<std::string>{"America/New_York", "Pacific/Honolulu"}));
  EXPECT_EQ(names(region_zones(in("US", "NY", "99501"))),
            (std::vector<std::string>{"America/New_York", "America/Anchorage", "America/Adak"}));
  // A Puerto Rico ZIP code in a Massachusetts address: Atlantic time too.
  EXPECT_EQ(names(region_zones(in("US", "MA", "00901"))),
            (std::vector<std::string>{"America/New_York", "America/Puerto_Rico"}));
  EXPECT_FALSE(zone_fits_region(*TimeZone::find("America/New_York"), in("US", "NY", "96813"), 2026));
  EXPECT_TRUE(zone_fits_region(*TimeZone::find("America/New_York"), in("US", "NY", "10001"), 2026));
  EXPECT_TRUE(zone_fits_region(*TimeZone::find("America/Detroit"), in("US", "NY", "10001"), 2026));
  EXPECT_FALSE(zone_fits_region(*TimeZone::find("America/Phoenix"), in("US", "NY", "10001"), 2026));
}

TEST(RegionZones, CountriesOfOneMainlandZoneAndTheFrenchOverseasDepartments) {
  EXPECT_EQ(names(region_zones(in("GB", "London", "SW1A 1AA"))), std::vector<std::string>{"Europe/London"});
  EXPECT_EQ(names(region_zones(in("FR", "75", "75001"))), std::vector<std::string>{"Europe/Paris"});
  for (const char* code : {"97110", "97200", "97300", "97400", "97500", "97600"}) {
    const ZoneSet zones = region_zones(in("FR", code, code));
    ASSERT_EQ(zones.size(), 1u) << code;
    EXPECT_NE(zones[0], *TimeZone::find("Europe/Paris")) << code;
  }
  EXPECT_FALSE(zone_fits_region(*TimeZone::find("Europe/Paris"), in("FR", "974", "97400"), 2026));
}

}  // namespace
}  // namespace parley
