// Time-zone names come from tzdata at build time, identical on every host.
#include "parley/zones.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(Zones, KnowsTheZonesOfTheRegionsParleyServes) {
  for (auto name : {"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
                    "America/Phoenix", "Pacific/Honolulu", "America/Anchorage", "Europe/London", "Europe/Paris"}) {
    EXPECT_TRUE(is_known_time_zone(name)) << name;
  }
}

TEST(Zones, KnowsLinksAsWellAsZones) {
  // "US/Eastern" is a backward-compatibility link to America/New_York in tzdata.
  EXPECT_TRUE(is_known_time_zone("US/Eastern"));
}

TEST(Zones, RejectsNamesThatAreNotZones) {
  EXPECT_FALSE(is_known_time_zone(""));
  EXPECT_FALSE(is_known_time_zone("America/Springfield"));
  EXPECT_FALSE(is_known_time_zone("europe/paris"));  // names are case-sensitive
  EXPECT_FALSE(is_known_time_zone("EST5EDT "));
}

TEST(Zones, NamesAreSortedAndUnique) {
  auto names = time_zone_names();
  ASSERT_GT(names.size(), 300u);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end());
  EXPECT_FALSE(tzdata_version().empty());
}

}  // namespace
}  // namespace parley
