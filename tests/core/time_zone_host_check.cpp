// Native only: the generated zone tables against the host's own tz database, read two independent ways.
// - Howard Hinnant's date/tz.h over the compiled zone files (USE_OS_TZDB): every transition it reports from 1970
//   to 2037, random instants, and random local times resolved as unique / nonexistent / ambiguous.
// - glibc's localtime_r with TZ set, which also follows each zone's yearly rule after its last listed
//   transition: random instants up to 2400, beyond the generated tables.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>

#include <date/tz.h>
#include <gtest/gtest.h>

#include "parley/time_zone.h"
#include "parley/zones.h"

namespace parley {
namespace {

using std::chrono::seconds;

constexpr std::int64_t k1970 = 0;
constexpr std::int64_t k2037 = 2114380800;  // 2037-01-01T00:00:00Z: date's reading of the zone files ends here
constexpr std::int64_t k2400 = 13569465600; // 2400-01-01T00:00:00Z

struct Reading {
  std::int64_t offset;
  bool dst;
  std::string abbreviation;
  friend bool operator==(const Reading&, const Reading&) = default;
};

std::ostream& operator<<(std::ostream& out, const Reading& r) {
  return out << r.offset << (r.dst ? " dst " : " ") << r.abbreviation;
}

Reading ours(TimeZone zone, std::int64_t s) {
  const LocalTime t = to_local(zone, Instant::from_unix_seconds(s));
  return {t.utc_offset, t.is_dst, std::string(t.abbreviation)};
}

Reading date_reading(const date::sys_info& info) {
  return {info.offset.count(), info.save != std::chrono::minutes(0), info.abbrev};
}

// The zone as date/tz.h reads it from the host, or nullptr for the few names it leaves out ("Factory").
const date::time_zone* host_zone(std::string_view name) {
  try {
    return date::locate_zone(std::string(name));
  } catch (const std::runtime_error&) {
    return nullptr;
  }
}

Reading date_at(const date::time_zone* zone, std::int64_t s) {
  return date_reading(zone->get_info(date::sys_seconds(seconds(s))));
}

TEST(TimeZoneHostCheck, EveryTransitionFrom1970To2037MatchesDate) {
  std::size_t checked = 0;
  std::size_t unknown_to_date = 0;
  for (std::string_view name : time_zone_names()) {
    const TimeZone zone = *TimeZone::find(name);
    const date::time_zone* host = host_zone(name);
    if (host == nullptr) {
      ++unknown_to_date;
      continue;
    }
    std::int64_t s = k1970;
    while (s < k2037) {
      const date::sys_info info = host->get_info(date::sys_seconds(seconds(s)));
      const std::int64_t begin = info.begin.time_since_epoch().count();
      if (begin > k1970) {
        ASSERT_EQ(ours(zone, begin - 1), date_at(host, begin - 1)) << name << " just before " << begin;
      }
      ASSERT_EQ(ours(zone, std::max(begin, k1970)), date_reading(info)) << name << " at " << begin;
      ++checked;
      s = info.end.time_since_epoch().count();
    }
  }
  EXPECT_GT(checked, 20000u);
  EXPECT_LE(unknown_to_date, 2u);
}

TEST(TimeZoneHostCheck, RandomInstantsAndLocalTimesMatchDate) {
  std::mt19937_64 random(20260308);
  std::uniform_int_distribution<std::int64_t> instant(k1970 + 2 * 86400, k2037 - 2 * 86400);
  const auto names = time_zone_names();
  for (int i = 0; i < 600; ++i) {
    const std::string name(names[static_cast<std::size_t>(i) % names.size()]);
    const TimeZone zone = *TimeZone::find(name);
    const date::time_zone* host = host_zone(name);
    if (host == nullptr) continue;
    const std::int64_t s = instant(random);
    ASSERT_EQ(ours(zone, s), date_at(host, s)) << name << " at " << s;

    // A local time near a transition (half the draws) or anywhere.
    std::int64_t local = s + date_at(host, s).offset;
    if (i % 2 == 0) {
      const date::sys_info info = host->get_info(date::sys_seconds(seconds(s)));
      local = info.end.time_since_epoch().count() + info.offset.count() + (s % 7200) - 3600;
      if (local >= k2037 - 86400) continue;
    }
    const date::local_info expected = host->get_info(date::local_seconds(seconds(local)));
    const Date day = Date::from_days(static_cast<std::int32_t>(local >= 0 ? local / 86400 : (local - 86399) / 86400));
    const auto time = static_cast<std::int32_t>(local - std::int64_t{day.days_since_epoch()} * 86400);
    const LocalResolution got = from_local(zone, day, time);
    const std::string where = name + " local " + std::to_string(local);
    switch (expected.result) {
      case date::local_info::unique:
        ASSERT_EQ(got.kind, LocalResolution::Kind::unique) << where;
        ASSERT_EQ(got.first.unix_seconds(), local - expected.first.offset.count()) << where;
        break;
      case date::local_info::ambiguous:
        ASSERT_EQ(got.kind, LocalResolution::Kind::ambiguous) << where;
        ASSERT_EQ(got.first.unix_seconds(), local - expected.first.offset.count()) << where;
        ASSERT_EQ(got.second.unix_seconds(), local - expected.second.offset.count()) << where;
        break;
      case date::local_info::nonexistent:
        ASSERT_EQ(got.kind, LocalResolution::Kind::nonexistent) << where;
        ASSERT_EQ(got.second.unix_seconds(), expected.second.begin.time_since_epoch().count()) << where;
        ASSERT_EQ(got.first.unix_seconds(), got.second.unix_seconds() - 1) << where;
        break;
    }
  }
}

// glibc reads the same compiled zone files and follows each zone's closing rule string past its last
// transition, so it checks the years the tables do not list.
Reading glibc_at(std::int64_t s) {
  const std::time_t t = static_cast<std::time_t>(s);
  std::tm tm{};
  localtime_r(&t, &tm);
  return {tm.tm_gmtoff, tm.tm_isdst > 0, tm.tm_zone};
}

TEST(TimeZoneHostCheck, RandomInstantsUpTo2400MatchGlibc) {
  std::mt19937_64 random(1970);
  std::uniform_int_distribution<std::int64_t> instant(k1970, k2400);
  const char* saved = std::getenv("TZ");
  const std::string saved_tz = saved ? saved : "";
  std::size_t checked = 0;
  for (std::string_view name : time_zone_names()) {
    // Palestine's predicted Ramadan changes run to 2086; later years repeat one predicted year (time_zone.h).
    const bool ramadan_rules = name == "Asia/Gaza" || name == "Asia/Hebron";
    const TimeZone zone = *TimeZone::find(name);
    setenv("TZ", (":" + std::string(name)).c_str(), 1);
    tzset();
    for (int i = 0; i < 300; ++i) {
      const std::int64_t s = instant(random);
      if (ramadan_rules && s >= 4133980800) continue;
      ASSERT_EQ(ours(zone, s), glibc_at(s)) << name << " at " << s;
      ++checked;
    }
  }
  if (saved) {
    setenv("TZ", saved_tz.c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
  EXPECT_GT(checked, 150000u);
}

}  // namespace
}  // namespace parley
