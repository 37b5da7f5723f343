// Local time from the generated zone tables: lookup of the local-time type in force at an instant, its inverse
// with gaps and overlaps made explicit, and ISO 8601 text with offsets.
#include "parley/time_zone.h"

#include <algorithm>
#include <cstddef>
#include <span>
#include <unordered_map>

#include "zone_tables.h"

namespace parley {
namespace {

namespace gen = generated;

constexpr std::int64_t kSecondsPerDay = 86400;

// Quotient rounded toward negative infinity (b > 0).
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && a < 0) ? q - 1 : q;
}

constexpr std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return a - floor_div(a, b) * b; }

// Instants are clamped to the years -9999..9999, where Date converts every day.
constexpr std::int64_t kMinSeconds = -377705116800;  // -9999-01-01T00:00:00Z
constexpr std::int64_t kMaxSeconds = 253402300799;   // 9999-12-31T23:59:59Z

// Days from 1970-01-01 to January 1st of year y (y in -9999..9999).
std::int64_t days_before_year(int y) { return Date::from_ymd(y, 1, 1).value_or(Date()).days_since_epoch(); }

std::int64_t clamp_seconds(std::int64_t s) { return std::clamp(s, kMinSeconds, kMaxSeconds); }

// 0 = Thursday (1970-01-01) .. 6: only equality matters here.
int weekday_of_new_year(int y) { return static_cast<int>(floor_mod(days_before_year(y), 7)); }

// The year up to 2100 whose changes a later year `y` repeats: the latest with the same length and the same
// weekday on January 1st, so every "last Sunday of March" falls on the same month and day.
int model_year(int y) {
  for (int m = gen::table_last_year; m > gen::table_last_year - 40; --m) {
    if (is_leap_year(m) == is_leap_year(y) && weekday_of_new_year(m) == weekday_of_new_year(y)) return m;
  }
  return gen::table_last_year;  // unreachable: 2061..2100 holds every kind of year
}

// Whether a zone still changes its clocks in the table's last year. One that does (a daylight-saving rule) repeats
// a model year after the table; one that does not keeps the offset of its last change (Africa/Casablanca once
// its predicted Ramadan changes end).
bool still_changing(const std::uint32_t* begin, const std::uint32_t* end) {
  return begin != end && std::int64_t{*(end - 1)} >= days_before_year(gen::table_last_year) * kSecondsPerDay;
}

}  // namespace

// Read access to the generated tables for one zone.
struct TimeZoneTables {
  const gen::ZoneTable& table;

  explicit TimeZoneTables(TimeZone zone) : table(gen::zone_tables[zone.table_]) {}
  static TimeZone make(const gen::ZoneEntry& entry) { return TimeZone(entry.zone, entry.table); }

  std::span<const gen::LocalType> types() const { return {gen::local_types + table.first_type, table.type_count}; }

  // The type in force at instant s (unix seconds).
  const gen::LocalType& type_at(std::int64_t s) const {
    s = clamp_seconds(s);
    if (s < gen::table_start) return types()[0];
    const std::uint32_t* begin = gen::transition_times + table.first_transition;
    const std::uint32_t* end = begin + table.transition_count;
    if (s >= gen::table_end) {
      if (!still_changing(begin, end)) return last_type(begin, end);
      const int y = Date::from_days(static_cast<std::int32_t>(floor_div(s, kSecondsPerDay))).year();
      s -= (days_before_year(y) - days_before_year(model_year(y))) * kSecondsPerDay;
    }
    const std::uint32_t* after = std::upper_bound(begin, end, static_cast<std::uint32_t>(s));
    if (after == begin) return types()[0];
    return types()[gen::transition_types[table.first_transition + static_cast<std::size_t>(after - begin) - 1]];
  }

  // The type after the zone's last change (its only type when it has none).
  const gen::LocalType& last_type(const std::uint32_t* begin, const std::uint32_t* end) const {
    if (begin == end) return types()[0];
    return types()[gen::transition_types[table.first_transition + table.transition_count - 1]];
  }

  std::int32_t offset_at(std::int64_t s) const { return type_at(s).utc_offset; }
};

// [SECTION] TimeZone ------------------------------------------------------------------------------------------

TimeZone::TimeZone() : zone_(gen::utc_entry.zone), table_(gen::utc_entry.table) {}

std::optional<TimeZone> TimeZone::find(std::string_view name) {
  // Hashed once: the compliance check finds the zones of every address and phone it reads.
  static const std::unordered_map<std::string_view, std::size_t> index = [] {
    std::unordered_map<std::string_view, std::size_t> by_name;
    by_name.reserve(gen::zone_name_count);
    for (std::size_t i = 0; i < gen::zone_name_count; ++i) by_name.emplace(gen::zone_names[i], i);
    return by_name;
  }();
  const auto it = index.find(name);
  if (it == index.end()) return std::nullopt;
  return TimeZoneTables::make(gen::zone_entries[it->second]);
}

std::string_view TimeZone::name() const { return gen::zone_names[zone_]; }

// [SECTION] Conversions ---------------------------------------------------------------------------------------

LocalTime to_local(TimeZone zone, Instant at) {
  const std::int64_t s = clamp_seconds(at.unix_seconds());
  const gen::LocalType& type = TimeZoneTables(zone).type_at(s);
  const std::int64_t local = s + type.utc_offset;
  LocalTime result;
  result.date = Date::from_days(static_cast<std::int32_t>(floor_div(local, kSecondsPerDay)));
  result.seconds_of_day = static_cast<std::int32_t>(floor_mod(local, kSecondsPerDay));
  result.utc_offset = type.utc_offset;
  result.is_dst = type.is_dst != 0;
  result.abbreviation = gen::abbreviations[type.abbreviation];
  return result;
}

LocalResolution from_local(TimeZone zone, Date date, std::int32_t seconds_of_day) {
  const TimeZoneTables tables(zone);
  const std::int64_t local =
      clamp_seconds(std::int64_t{date.days_since_epoch()} * kSecondsPerDay + seconds_of_day);

  // An instant s shows `local` exactly when s = local - offset_at(s); only the zone's own offsets can do that.
  std::optional<std::int64_t> earliest;
  std::optional<std::int64_t> latest;
  std::int32_t lowest = tables.types()[0].utc_offset;
  std::int32_t highest = lowest;
  for (const gen::LocalType& type : tables.types()) {
    lowest = std::min(lowest, type.utc_offset);
    highest = std::max(highest, type.utc_offset);
    const std::int64_t s = local - type.utc_offset;
    if (tables.offset_at(s) != type.utc_offset) continue;
    earliest = earliest ? std::min(*earliest, s) : s;
    latest = latest ? std::max(*latest, s) : s;
  }
  LocalResolution r;
  if (earliest) {
    r.kind = *earliest == *latest ? LocalResolution::Kind::unique : LocalResolution::Kind::ambiguous;
    r.first = Instant::from_unix_seconds(*earliest);
    r.second = Instant::from_unix_seconds(*latest);
    r.first_offset = tables.offset_at(*earliest);
    r.second_offset = tables.offset_at(*latest);
    return r;
  }
  // Nobody's clock shows `local`: it was jumped over. The wall clock s + offset_at(s) is below `local` at
  // local - highest and above it at local - lowest + 1; bisect for the jump between them.
  std::int64_t below = local - highest;
  std::int64_t above = local - lowest + 1;
  while (above - below > 1) {
    const std::int64_t mid = below + (above - below) / 2;
    if (mid + tables.offset_at(mid) < local) {
      below = mid;
    } else {
      above = mid;
    }
  }
  r.kind = LocalResolution::Kind::nonexistent;
  r.first = Instant::from_unix_seconds(below);
  r.second = Instant::from_unix_seconds(above);
  r.first_offset = tables.offset_at(below);
  r.second_offset = tables.offset_at(above);
  return r;
}

Instant start_of_local_day(TimeZone zone, Date date) { return from_local(zone, date, 0).earliest(); }

Instant next_local_time(TimeZone zone, Instant from, std::int32_t seconds_of_day) {
  const auto time = static_cast<std::int32_t>(floor_mod(seconds_of_day, kSecondsPerDay));
  const Date today = to_local(zone, from).date;
  std::optional<Instant> best;
  auto consider = [&](Instant candidate) {
    if (candidate >= from && (!best || candidate < *best)) best = candidate;
  };
  // Yesterday too: a clock set back across midnight shows yesterday's times again after `from`.
  for (std::int32_t d = -1; d <= 2; ++d) {
    const LocalResolution r = from_local(zone, today.plus_days(d), time);
    if (r.kind == LocalResolution::Kind::nonexistent) {
      consider(r.second);
    } else {
      consider(r.first);
      consider(r.second);
    }
  }
  return best.value_or(from);  // a later day always qualifies; value_or only guards the clamped extremes
}

std::string format_local(const LocalTime& local) {
  std::string text = local.date.iso();
  auto two = [&text](std::int32_t v) {
    text += static_cast<char>('0' + v / 10);
    text += static_cast<char>('0' + v % 10);
  };
  text += 'T';
  two(local.hour());
  text += ':';
  two(local.minute());
  text += ':';
  two(local.second());
  const std::int32_t magnitude = local.utc_offset < 0 ? -local.utc_offset : local.utc_offset;
  text += local.utc_offset < 0 ? '-' : '+';
  two(magnitude / 3600);
  text += ':';
  two(magnitude / 60 % 60);
  if (magnitude % 60 != 0) {
    text += ':';
    two(magnitude % 60);
  }
  return text;
}

std::string format_local(TimeZone zone, Instant at) { return format_local(to_local(zone, at)); }

}  // namespace parley
