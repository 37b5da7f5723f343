// The host services of a machine with a system clock and an OS random source (both hosts use them), and the
// journal file the desktop host keeps events in.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>

#include "parley/journal/journal_json.h"
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

// [SECTION] Journal file --------------------------------------------------------------------------------------

namespace {

// Writes all of `bytes` to `fd`, retrying short writes and interruptions; false with errno set on failure.
bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Appends `bytes` to the file at `path` (created when missing) and fsyncs it; nullopt on success.
std::optional<std::string> append_synced(const std::string& path, std::string_view bytes) {
  std::error_code ec;
  const bool existed = std::filesystem::exists(path, ec);
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return "cannot open " + path + ": " + std::strerror(errno);
  const bool written = write_all(fd, bytes) && ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!written) return "cannot write " + path + ": " + std::strerror(saved);
  if (!existed) {
    // A new file's name is durable once its folder is synced too.
    std::string folder = std::filesystem::path(path).parent_path().string();
    if (folder.empty()) folder = ".";
    const int dir = ::open(folder.c_str(), O_RDONLY | O_CLOEXEC);
    if (dir >= 0) {
      ::fsync(dir);
      ::close(dir);
    }
  }
  return std::nullopt;
}

}  // namespace

JournalFileRead read_journal_file(const std::string& path) {
  JournalFileRead out;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return out;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (!in) {
    out.problems.push_back({path, std::string("cannot read the journal file: ") + std::strerror(errno)});
    return out;
  }
  const std::string text = buffer.str();
  const std::size_t cut = text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1;
  std::string complete = text.substr(0, cut);
  const std::string tail = text.substr(cut);

  EventLinesLoad load = load_event_lines(complete);
  if (!load.ok()) {
    for (const Problem& p : load.problems) out.problems.push_back({path, p.text()});
    return out;
  }
  out.events = load.events.size();
  if (tail.find_first_not_of(" \t\r") != std::string::npos) {
    const std::size_t line = static_cast<std::size_t>(std::count(complete.begin(), complete.end(), '\n')) + 1;
    if (load_event(tail).ok()) {
      // A whole event whose newline was not written: keep it (checked with the rest) and end its line.
      EventLinesLoad all = load_event_lines(complete + tail + "\n");
      if (!all.ok()) {
        for (const Problem& p : all.problems) out.problems.push_back({path, p.text()});
        return out;
      }
      if (auto failure = append_synced(path, "\n")) {
        out.problems.push_back({path, *failure});
        return out;
      }
      complete += tail + "\n";
      out.events = all.events.size();
    } else {
      // Cut short while being written: set the bytes aside, then cut them from the file.
      const std::string aside = path + ".truncated";
      if (auto failure = append_synced(aside, tail + "\n")) {
        out.problems.push_back({path, "line " + std::to_string(line) + " is cut short and " + *failure});
        return out;
      }
      std::filesystem::resize_file(path, cut, ec);
      if (ec) {
        out.problems.push_back({path, "cannot cut the incomplete line " + std::to_string(line) + ": " + ec.message()});
        return out;
      }
      out.truncated = "line " + std::to_string(line) + " (" + std::to_string(tail.size()) +
                      " bytes) is cut short, as by a crash while it was written; ignored and kept in " + aside;
    }
  }
  out.lines = std::move(complete);
  return out;
}

std::optional<std::string> append_journal_file(const std::string& path, std::span<const Event> events) {
  std::string lines;
  for (const Event& event : events) lines += save_event(event) + "\n";
  return append_synced(path, lines);
}

}  // namespace parley::shell
