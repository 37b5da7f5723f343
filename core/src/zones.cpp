#include "parley/zones.h"

#include <algorithm>

#include "zone_tables.h"

namespace parley {

std::span<const std::string_view> time_zone_names() {
  return {generated::zone_names, generated::zone_name_count};
}

bool is_known_time_zone(std::string_view name) {
  auto names = time_zone_names();
  return std::binary_search(names.begin(), names.end(), name);
}

std::string_view tzdata_version() { return generated::tzdata_version; }

}  // namespace parley
