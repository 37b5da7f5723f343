// The zones of an address's region: every US state and territory is placed (a misspelt zone name would drop a place
// the consumer may be in, and the calling-hours check would then pass where it should not), split states have both
// zones, and the single-zone countries and the French overseas departments are placed by country and postal code.
#include "parley/compliance/locations.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parley/demo.h"

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

// What a point says is found once when it is folded, unless it depends on the day: a zone that keeps its region's
// clocks under another name (Detroit for Massachusetts) fits only in the years the clocks agree, so it is worked out
// for the day asked about.
TEST(PointZones, APointsZonesAreFoundOnceUnlessTheyDependOnTheDay) {
  Address home;
  home.postal = in("US", "MA", "02139");
  home.time_zone = "US/Eastern";  // a link: the same zone as America/New_York
  PointZones z = zones_of(home);
  EXPECT_TRUE(z.known);
  ASSERT_EQ(z.count, 1u);
  EXPECT_EQ(z.zones[0].name(), "America/New_York");
  home.time_zone = "";
  home.postal = in("US", "FL", "32501");
  z = zones_of(home);
  EXPECT_TRUE(z.known);
  EXPECT_EQ(z.count, 2u);  // Florida's two zones
  home.time_zone = "America/Detroit";
  home.postal = in("US", "MA", "02139");
  EXPECT_FALSE(zones_of(home).known);
  home.time_zone = "America/New_York";
  home.postal = in("US", "MA", "90210");  // a California ZIP code: uncertain
  EXPECT_FALSE(zones_of(home).known);

  Phone phone;
  phone.time_zones = {"America/New_York", "America/Chicago"};
  z = zones_of(phone);
  EXPECT_TRUE(z.known);
  EXPECT_EQ(z.count, 2u);
  phone.time_zones = {"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"};
  EXPECT_FALSE(zones_of(phone).known);  // more than a point holds: read from the phone each time
}

// The zones found when folding are the ones the points' data give on the day: for every party of a demo portfolio,
// party_zones on the fold equals party_zones with every point read from its data.
TEST(PointZones, TheFoldsZonesAreThoseThePointsDataGive) {
  DemoSettings settings;
  settings.accounts = 400;
  const Portfolio portfolio = generate_demo_portfolio(settings);
  int parties = 0;
  for (const Account& account : portfolio.accounts) {
    for (const Party& party : account.parties) {
      const PartyRecord folded = party_record(party);
      PartyRecord read = folded;
      for (PointRecord& p : read.points) p.zones = PointZones{};
      for (const char* day : {"2026-01-15T12:00:00Z", "2026-07-15T12:00:00Z"}) {
        const Instant at = *Instant::parse(day);
        EXPECT_EQ(names(party_zones(folded, at)), names(party_zones(read, at))) << account.id << " " << party.id;
      }
      ++parties;
    }
  }
  EXPECT_GT(parties, 400);
}

// The jurisdiction of an address, as the rule packs name them, and its one-byte form kept on a folded point.
TEST(Jurisdictions, AnAddressLiesInItsStateOrItsCountry) {
  const auto of = [](const PostalAddress& a) {
    EXPECT_EQ(jurisdiction_name(jurisdiction_code(a), a), jurisdiction_of(a));
    return std::string(jurisdiction_of(a));
  };
  EXPECT_EQ(of(in("US", "WA", "99201")), "US-WA");
  EXPECT_EQ(of(in("US", "PR", "00901")), "US-PR");
  EXPECT_EQ(of(in("US", "Washington", "99201")), "US");  // a region core does not know: federal law only
  EXPECT_EQ(of(in("FR", "75", "75001")), "FR");
  EXPECT_EQ(of(in("GB", "London", "SW1A 1AA")), "GB");
  EXPECT_EQ(of(in("DE", "BE", "10115")), "DE");
  EXPECT_EQ(jurisdiction_code(in("DE", "BE", "10115")), other_country);
  EXPECT_EQ(of(in("", "", "")), "");
  EXPECT_EQ(jurisdiction_code(in("", "", "")), 0);
}

// Four zones on one phone and a region of three: party_zones still lists each.
TEST(PointZones, ZonesBeyondWhatAPointHoldsAreStillRead) {
  Party party;
  party.id = "P-1";
  Phone phone;
  phone.number = "+16175550123";
  phone.time_zones = {"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"};
  phone.provenance.status = ContactStatus::current;
  party.phones.push_back(phone);
  EXPECT_EQ(names(party_zones(party_record(party), *Instant::parse("2026-03-08T15:00:00Z"))),
            (std::vector<std::string>{"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"}));
}

}  // namespace
}  // namespace parley
