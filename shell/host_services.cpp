// The host services of a machine with a system clock and an OS random source (both hosts use them).
#include <chrono>
#include <cstdint>
#include <memory>
#include <random>
#include <string>

#include "parley/shell/app.h"

namespace parley::shell {

HostServices system_host_services(std::string_view device_kind) {
  HostServices services;
  services.now = [] {
    const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
    return Instant::from_unix_seconds(std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count());
  };
  auto device = std::make_shared<std::random_device>();
  services.new_id = [device] {
    std::uint64_t high = 0;
    std::uint64_t low = 0;
    for (int i = 0; i < 2; ++i) {
      high = (high << 32) | (*device)();
      low = (low << 32) | (*device)();
    }
    high = (high & ~std::uint64_t{0xF000}) | std::uint64_t{0x4000};     // version 4
    low = (low & ~(std::uint64_t{3} << 62)) | (std::uint64_t{2} << 62);  // RFC 4122 variant
    return EventId::from_parts(high, low);
  };
  services.author = {"local-user", std::string(device_kind) + "-" + services.new_id().hex().substr(0, 16)};
  return services;
}

}  // namespace parley::shell
