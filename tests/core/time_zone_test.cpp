// Local time in IANA zones from the generated tables: the same answers in the browser and natively, including
// on the days the clocks change. Expected values are tzdata's, as `zdump -v` prints them.
#include "parley/time_zone.h"

#include <cstdint>
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "parley/zones.h"

namespace parley {
namespace {

TimeZone zone(std::string_view name) {
  auto z = TimeZone::find(name);
  EXPECT_TRUE(z.has_value()) << name;
  return z.value_or(TimeZone());
}

Instant at(std::string_view iso) {
  auto i = Instant::parse(iso);
  EXPECT_TRUE(i.has_value()) << iso;
  return i.value_or(Instant());
}

Date day(std::string_view iso) {
  auto d = Date::parse(iso);
  EXPECT_TRUE(d.has_value()) << iso;
  return d.value_or(Date());
}

constexpr std::int32_t hms(int h, int m, int s = 0) { return h * 3600 + m * 60 + s; }

// "2026-03-08T03:00:00-04:00 EDT dst" for compact comparisons.
std::string describe(TimeZone z, std::string_view iso) {
  const LocalTime t = to_local(z, at(iso));
  return format_local(t) + " " + std::string(t.abbreviation) + (t.is_dst ? " dst" : "");
}

// [SECTION] Finding zones ------------------------------------------------------------------------------------

TEST(TimeZone, FindsZonesByTheirIanaNames) {
  auto ny = TimeZone::find("America/New_York");
  ASSERT_TRUE(ny.has_value());
  EXPECT_EQ(ny->name(), "America/New_York");
  EXPECT_NE(*ny, zone("America/Chicago"));
}

TEST(TimeZone, LinksFindTheZoneTheyNameAndShareItsRules) {
  const TimeZone eastern = zone("US/Eastern");
  EXPECT_EQ(eastern, zone("America/New_York"));
  EXPECT_EQ(eastern.name(), "America/New_York");
  EXPECT_EQ(zone("Australia/LHI"), zone("Australia/Lord_Howe"));
  EXPECT_EQ(describe(eastern, "2026-07-01T16:00:00Z"), "2026-07-01T12:00:00-04:00 EDT dst");
}

TEST(TimeZone, UnknownNamesFindNothing) {
  EXPECT_FALSE(TimeZone::find("").has_value());
  EXPECT_FALSE(TimeZone::find("America/Springfield").has_value());
  EXPECT_FALSE(TimeZone::find("america/new_york").has_value());  // names are case-sensitive
  EXPECT_FALSE(TimeZone::find("EST5EDT ").has_value());
}

TEST(TimeZone, EveryKnownNameHasATable) {
  for (std::string_view name : time_zone_names()) {
    auto z = TimeZone::find(name);
    ASSERT_TRUE(z.has_value()) << name;
    EXPECT_TRUE(is_known_time_zone(z->name())) << name;
  }
}

TEST(TimeZone, DefaultsToUtc) {
  const TimeZone utc;
  EXPECT_EQ(utc.name(), "Etc/UTC");
  EXPECT_EQ(utc, zone("UTC"));
  EXPECT_EQ(describe(utc, "2026-03-08T13:30:00Z"), "2026-03-08T13:30:00+00:00 UTC");
}

// [SECTION] Clock changes ------------------------------------------------------------------------------------

TEST(TimeZone, NewYorkSpringsForwardOnTheSecondSundayOfMarch) {
  const TimeZone ny = zone("America/New_York");
  EXPECT_EQ(describe(ny, "2026-03-08T06:59:59Z"), "2026-03-08T01:59:59-05:00 EST");
  EXPECT_EQ(describe(ny, "2026-03-08T07:00:00Z"), "2026-03-08T03:00:00-04:00 EDT dst");
  const LocalTime t = to_local(ny, at("2026-03-08T07:00:00Z"));
  EXPECT_EQ(t.date, day("2026-03-08"));
  EXPECT_EQ(t.seconds_of_day, hms(3, 0));
  EXPECT_EQ(t.utc_offset, -4 * 3600);
  EXPECT_EQ(t.hour(), 3);
  EXPECT_EQ(t.minute(), 0);
}

TEST(TimeZone, NewYorkFallsBackOnTheFirstSundayOfNovember) {
  const TimeZone ny = zone("America/New_York");
  EXPECT_EQ(describe(ny, "2026-11-01T05:59:59Z"), "2026-11-01T01:59:59-04:00 EDT dst");
  EXPECT_EQ(describe(ny, "2026-11-01T06:00:00Z"), "2026-11-01T01:00:00-05:00 EST");
}

TEST(TimeZone, LondonAndParisChangeTogetherOnTheLastSundaysOfMarchAndOctober) {
  const TimeZone london = zone("Europe/London");
  const TimeZone paris = zone("Europe/Paris");
  EXPECT_EQ(describe(london, "2026-03-29T00:59:59Z"), "2026-03-29T00:59:59+00:00 GMT");
  EXPECT_EQ(describe(london, "2026-03-29T01:00:00Z"), "2026-03-29T02:00:00+01:00 BST dst");
  EXPECT_EQ(describe(london, "2026-10-25T00:59:59Z"), "2026-10-25T01:59:59+01:00 BST dst");
  EXPECT_EQ(describe(london, "2026-10-25T01:00:00Z"), "2026-10-25T01:00:00+00:00 GMT");
  EXPECT_EQ(describe(paris, "2026-03-29T00:59:59Z"), "2026-03-29T01:59:59+01:00 CET");
  EXPECT_EQ(describe(paris, "2026-03-29T01:00:00Z"), "2026-03-29T03:00:00+02:00 CEST dst");
  EXPECT_EQ(describe(paris, "2026-10-25T00:59:59Z"), "2026-10-25T02:59:59+02:00 CEST dst");
  EXPECT_EQ(describe(paris, "2026-10-25T01:00:00Z"), "2026-10-25T02:00:00+01:00 CET");
}

TEST(TimeZone, HonoluluKeepsOneOffsetAllYear) {
  const TimeZone honolulu = zone("Pacific/Honolulu");
  EXPECT_EQ(describe(honolulu, "2026-01-15T22:00:00Z"), "2026-01-15T12:00:00-10:00 HST");
  EXPECT_EQ(describe(honolulu, "2026-07-15T22:00:00Z"), "2026-07-15T12:00:00-10:00 HST");
  EXPECT_EQ(from_local(honolulu, day("2026-03-08"), hms(2, 30)).kind, LocalResolution::Kind::unique);
}

TEST(TimeZone, PhoenixStaysOnStandardTimeWhileDenverObservesDst) {
  const TimeZone phoenix = zone("America/Phoenix");
  const TimeZone denver = zone("America/Denver");
  EXPECT_EQ(describe(phoenix, "2026-07-01T18:00:00Z"), "2026-07-01T11:00:00-07:00 MST");
  EXPECT_EQ(describe(denver, "2026-07-01T18:00:00Z"), "2026-07-01T12:00:00-06:00 MDT dst");
  EXPECT_EQ(describe(phoenix, "2026-01-15T18:00:00Z"), "2026-01-15T11:00:00-07:00 MST");
  EXPECT_EQ(describe(denver, "2026-01-15T18:00:00Z"), "2026-01-15T11:00:00-07:00 MST");
}

TEST(TimeZone, LordHoweMovesItsClockByHalfAnHour) {
  const TimeZone lord_howe = zone("Australia/Lord_Howe");
  EXPECT_EQ(describe(lord_howe, "2026-04-04T14:59:59Z"), "2026-04-05T01:59:59+11:00 +11 dst");
  EXPECT_EQ(describe(lord_howe, "2026-04-04T15:00:00Z"), "2026-04-05T01:30:00+10:30 +1030");
  EXPECT_EQ(describe(lord_howe, "2026-10-03T15:30:00Z"), "2026-10-04T02:30:00+11:00 +11 dst");
  const LocalResolution gap = from_local(lord_howe, day("2026-10-04"), hms(2, 15));
  EXPECT_EQ(gap.kind, LocalResolution::Kind::nonexistent);
  EXPECT_EQ(gap.second, at("2026-10-03T15:30:00Z"));
  const LocalResolution overlap = from_local(lord_howe, day("2026-04-05"), hms(1, 45));
  EXPECT_EQ(overlap.kind, LocalResolution::Kind::ambiguous);
  EXPECT_EQ(overlap.second - overlap.first, 30 * 60);
}

TEST(TimeZone, FollowsHistoricalChangesOfStandardOffset) {
  // Venezuela moved to -04:30 in December 2007 and back to -04:00 in May 2016.
  const TimeZone caracas = zone("America/Caracas");
  EXPECT_EQ(describe(caracas, "2007-12-09T06:59:59Z"), "2007-12-09T02:59:59-04:00 -04");
  EXPECT_EQ(describe(caracas, "2007-12-09T07:00:00Z"), "2007-12-09T02:30:00-04:30 -0430");
  EXPECT_EQ(describe(caracas, "2016-05-01T06:59:59Z"), "2016-05-01T02:29:59-04:30 -0430");
  EXPECT_EQ(describe(caracas, "2016-05-01T07:00:00Z"), "2016-05-01T03:00:00-04:00 -04");
  // Liberia kept Monrovia Mean Time (-00:44:30) until 1972.
  const TimeZone monrovia = zone("Africa/Monrovia");
  EXPECT_EQ(describe(monrovia, "1972-01-07T00:44:29Z"), "1972-01-06T23:59:59-00:44:30 MMT");
  EXPECT_EQ(describe(monrovia, "1972-01-07T00:44:30Z"), "1972-01-07T00:44:30+00:00 GMT");
}

TEST(TimeZone, SamoaSkippedAWholeDayCrossingTheDateLine) {
  const TimeZone apia = zone("Pacific/Apia");
  EXPECT_EQ(describe(apia, "2011-12-30T09:59:59Z"), "2011-12-29T23:59:59-10:00 -10 dst");
  EXPECT_EQ(describe(apia, "2011-12-30T10:00:00Z"), "2011-12-31T00:00:00+14:00 +14 dst");
  const LocalResolution lost = from_local(apia, day("2011-12-30"), hms(12, 0));
  EXPECT_EQ(lost.kind, LocalResolution::Kind::nonexistent);
  EXPECT_EQ(lost.first, at("2011-12-30T09:59:59Z"));
  EXPECT_EQ(lost.second, at("2011-12-30T10:00:00Z"));
}

// [SECTION] From local time ----------------------------------------------------------------------------------

TEST(TimeZone, OrdinaryLocalTimesAreUnique) {
  const LocalResolution r = from_local(zone("America/New_York"), day("2026-07-01"), hms(12, 0));
  EXPECT_EQ(r.kind, LocalResolution::Kind::unique);
  EXPECT_EQ(r.first, at("2026-07-01T16:00:00Z"));
  EXPECT_EQ(r.second, r.first);
  EXPECT_EQ(r.first_offset, -4 * 3600);
  EXPECT_EQ(r.earliest(), r.latest());
}

TEST(TimeZone, TimesInTheSpringForwardGapDoNotExist) {
  const LocalResolution r = from_local(zone("America/New_York"), day("2026-03-08"), hms(2, 30));
  EXPECT_EQ(r.kind, LocalResolution::Kind::nonexistent);
  EXPECT_EQ(r.first, at("2026-03-08T06:59:59Z"));   // 01:59:59 EST, the last second before the jump
  EXPECT_EQ(r.second, at("2026-03-08T07:00:00Z"));  // 03:00:00 EDT
  EXPECT_EQ(r.first_offset, -5 * 3600);
  EXPECT_EQ(r.second_offset, -4 * 3600);
  EXPECT_EQ(r.earliest(), at("2026-03-08T07:00:00Z"));
  EXPECT_EQ(r.latest(), at("2026-03-08T07:00:00Z"));
  // The edges of the gap: 02:00:00 is gone, 01:59:59 and 03:00:00 exist.
  EXPECT_EQ(from_local(zone("America/New_York"), day("2026-03-08"), hms(2, 0)).kind,
            LocalResolution::Kind::nonexistent);
  EXPECT_EQ(from_local(zone("America/New_York"), day("2026-03-08"), hms(1, 59, 59)).first,
            at("2026-03-08T06:59:59Z"));
  EXPECT_EQ(from_local(zone("America/New_York"), day("2026-03-08"), hms(3, 0)).first, at("2026-03-08T07:00:00Z"));
}

TEST(TimeZone, TimesInTheFallBackOverlapHappenTwice) {
  const TimeZone ny = zone("America/New_York");
  const LocalResolution r = from_local(ny, day("2026-11-01"), hms(1, 30));
  EXPECT_EQ(r.kind, LocalResolution::Kind::ambiguous);
  EXPECT_EQ(r.first, at("2026-11-01T05:30:00Z"));   // 01:30 EDT
  EXPECT_EQ(r.second, at("2026-11-01T06:30:00Z"));  // 01:30 EST
  EXPECT_EQ(r.first_offset, -4 * 3600);
  EXPECT_EQ(r.second_offset, -5 * 3600);
  EXPECT_EQ(r.earliest(), r.first);
  EXPECT_EQ(r.latest(), r.second);
  EXPECT_EQ(from_local(ny, day("2026-11-01"), hms(2, 0)).kind, LocalResolution::Kind::unique);
  EXPECT_EQ(from_local(ny, day("2026-11-01"), hms(0, 59, 59)).kind, LocalResolution::Kind::unique);
}

TEST(TimeZone, FromLocalInvertsToLocalAcrossAYear) {
  // Every quarter hour of 2026 in Paris reads back as the instant it came from (the overlap as either reading).
  const TimeZone paris = zone("Europe/Paris");
  for (std::int64_t s = at("2026-01-01T00:00:00Z").unix_seconds(); s < at("2027-01-01T00:00:00Z").unix_seconds();
       s += 900) {
    const LocalTime t = to_local(paris, Instant::from_unix_seconds(s));
    const LocalResolution r = from_local(paris, t.date, t.seconds_of_day);
    ASSERT_NE(r.kind, LocalResolution::Kind::nonexistent) << s;
    ASSERT_TRUE(r.first.unix_seconds() == s || r.second.unix_seconds() == s) << s;
  }
}

TEST(TimeZone, LocalDaysStartAtLocalMidnight) {
  EXPECT_EQ(start_of_local_day(zone("America/New_York"), day("2026-03-08")), at("2026-03-08T05:00:00Z"));
  EXPECT_EQ(start_of_local_day(zone("America/New_York"), day("2026-03-09")), at("2026-03-09T04:00:00Z"));
  EXPECT_EQ(start_of_local_day(zone("Asia/Kolkata"), day("2026-03-08")), at("2026-03-07T18:30:00Z"));
  // Cuba springs forward at midnight: 2026-03-08 begins at 01:00 CDT.
  EXPECT_EQ(start_of_local_day(zone("America/Havana"), day("2026-03-08")), at("2026-03-08T05:00:00Z"));
}

// [SECTION] Next local time ----------------------------------------------------------------------------------

TEST(TimeZone, NextEightAmFollowsTheClockAcrossSpringForward) {
  const TimeZone ny = zone("America/New_York");
  // Saturday 09:00 EST: the next 08:00 is Sunday 08:00 EDT, only 22 hours later.
  const Instant from = at("2026-03-07T14:00:00Z");
  const Instant next = next_local_time(ny, from, hms(8, 0));
  EXPECT_EQ(next, at("2026-03-08T12:00:00Z"));
  EXPECT_EQ(next - from, 22 * 3600);
  EXPECT_EQ(format_local(ny, next), "2026-03-08T08:00:00-04:00");
}

TEST(TimeZone, NextEightAmFollowsTheClockAcrossFallBack) {
  const TimeZone ny = zone("America/New_York");
  const Instant from = at("2026-10-31T13:00:00Z");  // Saturday 09:00 EDT
  const Instant next = next_local_time(ny, from, hms(8, 0));
  EXPECT_EQ(next, at("2026-11-01T13:00:00Z"));
  EXPECT_EQ(next - from, 24 * 3600);
  EXPECT_EQ(format_local(ny, next), "2026-11-01T08:00:00-05:00");
}

TEST(TimeZone, NextLocalTimeIsNowWhenTheClockReadsItNow) {
  const TimeZone paris = zone("Europe/Paris");
  const Instant eight = at("2026-06-10T06:00:00Z");  // 08:00 CEST
  EXPECT_EQ(next_local_time(paris, eight, hms(8, 0)), eight);
  EXPECT_EQ(next_local_time(paris, eight.plus_seconds(1), hms(8, 0)), at("2026-06-11T06:00:00Z"));
  EXPECT_EQ(next_local_time(paris, eight.plus_seconds(-1), hms(8, 0)), eight);
  EXPECT_EQ(next_local_time(paris, eight, hms(8, 0) + 86400), eight);  // taken modulo one day
}

TEST(TimeZone, NextLocalTimeInAGapIsTheJumpAndInAnOverlapTheNextReading) {
  const TimeZone ny = zone("America/New_York");
  EXPECT_EQ(next_local_time(ny, at("2026-03-08T05:00:00Z"), hms(2, 30)), at("2026-03-08T07:00:00Z"));
  EXPECT_EQ(next_local_time(ny, at("2026-03-08T07:00:00Z"), hms(2, 30)), at("2026-03-08T07:00:00Z"));
  EXPECT_EQ(next_local_time(ny, at("2026-03-08T07:00:01Z"), hms(2, 30)), at("2026-03-09T06:30:00Z"));
  // At 01:45 EDT, 01:30 comes round again an hour later as 01:30 EST.
  EXPECT_EQ(next_local_time(ny, at("2026-11-01T05:45:00Z"), hms(1, 30)), at("2026-11-01T06:30:00Z"));
  EXPECT_EQ(next_local_time(ny, at("2026-11-01T05:00:00Z"), hms(1, 30)), at("2026-11-01T05:30:00Z"));
}

// [SECTION] Range --------------------------------------------------------------------------------------------

TEST(TimeZone, YearsAfterTheTablesRepeatTheRules) {
  // 2150: the US rule (second Sunday of March, first of November) as tzdata's zdump prints it.
  const TimeZone ny = zone("America/New_York");
  EXPECT_EQ(describe(ny, "2150-03-08T06:59:59Z"), "2150-03-08T01:59:59-05:00 EST");
  EXPECT_EQ(describe(ny, "2150-03-08T07:00:00Z"), "2150-03-08T03:00:00-04:00 EDT dst");
  EXPECT_EQ(describe(ny, "2150-11-01T05:59:59Z"), "2150-11-01T01:59:59-04:00 EDT dst");
  EXPECT_EQ(describe(ny, "2150-11-01T06:00:00Z"), "2150-11-01T01:00:00-05:00 EST");
  EXPECT_EQ(from_local(ny, day("2150-03-08"), hms(2, 30)).kind, LocalResolution::Kind::nonexistent);
  EXPECT_EQ(describe(zone("Europe/Paris"), "2100-12-31T23:30:00Z"), "2101-01-01T00:30:00+01:00 CET");
}

TEST(TimeZone, YearsBefore1970KeepThe1970Offset) {
  EXPECT_EQ(describe(zone("America/New_York"), "1960-07-01T12:00:00Z"), "1960-07-01T07:00:00-05:00 EST");
  EXPECT_EQ(describe(zone("Asia/Kolkata"), "1900-01-01T00:00:00Z"), "1900-01-01T05:30:00+05:30 IST");
}

TEST(TimeZone, ExtremeInstantsAreClampedNotBroken) {
  const TimeZone ny = zone("America/New_York");
  EXPECT_EQ(to_local(ny, Instant::from_unix_seconds(std::numeric_limits<std::int64_t>::max())).date.year(), 9999);
  EXPECT_EQ(to_local(ny, Instant::from_unix_seconds(std::numeric_limits<std::int64_t>::min())).date.year(), -10000);
}

}  // namespace
}  // namespace parley
