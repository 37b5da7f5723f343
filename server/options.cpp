// Command-line parsing of the reference server.
#include "options.h"

#include <charconv>
#include <cstdint>
#include <string_view>

namespace parley::server {
namespace {

// A whole decimal number in [lo, hi], the whole text and nothing else.
std::optional<std::uint64_t> parse_count(std::string_view text, std::uint64_t lo, std::uint64_t hi) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value < lo || value > hi) return std::nullopt;
  return value;
}

const std::string kPortReason = "must be a whole number from 0 to 65535";

}  // namespace

ParsedOptions parse_options(const std::vector<std::string>& args, const char* env_port) {
  ParsedOptions out;
  Options& o = out.options;
  if (env_port != nullptr && *env_port != '\0') {
    if (auto port = parse_count(env_port, 0, 65535)) {
      o.port = static_cast<int>(*port);
    } else {
      out.problems.push_back({"PARLEY_PORT", kPortReason});
    }
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& name = args[i];
    if (name == "--help" || name == "-h") {
      o.help = true;
      continue;
    }
    const bool takes_value = name == "--port" || name == "--host" || name == "--db" || name == "--web-root" ||
                             name == "--calendars" || name == "--demo-accounts" || name == "--demo-seed" ||
                             name == "--import";
    if (!takes_value) {
      out.problems.push_back({name, "unknown option (see --help)"});
      continue;
    }
    if (i + 1 >= args.size()) {
      out.problems.push_back({name, "needs a value"});
      continue;
    }
    const std::string& value = args[++i];
    if (name == "--port") {
      if (auto port = parse_count(value, 0, 65535)) {
        o.port = static_cast<int>(*port);
      } else {
        out.problems.push_back({name, kPortReason});
      }
    } else if (name == "--demo-accounts") {
      // The allowed range is core's rule (check_demo_settings); here only the number's form is checked.
      if (auto n = parse_count(value, 0, INT32_MAX)) {
        o.demo_accounts = static_cast<int>(*n);
      } else {
        out.problems.push_back({name, "must be a whole number"});
      }
    } else if (name == "--demo-seed") {
      if (auto seed = parse_count(value, 0, UINT64_MAX)) {
        o.demo_seed = *seed;
      } else {
        out.problems.push_back({name, "must be a whole number from 0 to 18446744073709551615"});
      }
    } else if (value.empty()) {
      out.problems.push_back({name, "must not be empty"});
    } else if (name == "--host") {
      o.host = value;
    } else if (name == "--db") {
      o.db = value;
    } else if (name == "--web-root") {
      o.web_root = value;
    } else if (name == "--calendars") {
      o.calendars = value;
    } else {
      o.import = value;
    }
  }
  return out;
}

std::string usage_text() {
  return "usage: parley-server [options]\n"
         "  --port N             port to listen on (default 8080, or PARLEY_PORT); 0 picks a free one\n"
         "  --host ADDR          address to listen on (default 127.0.0.1)\n"
         "  --db FILE            SQLite database (default parley.db); created when missing\n"
         "  --web-root DIR       serve the web app from DIR (the web build's app/ folder)\n"
         "  --calendars DIR      holiday calendars (*.json) used to re-quote offers (default: the source\n"
         "                       tree's assets/calendars)\n"
         "  --demo-accounts N    accounts in the demo portfolio stored into an empty database (default 500)\n"
         "  --demo-seed S        seed of that demo portfolio (default 1)\n"
         "  --import FILE        validate a portfolio file and replace the stored portfolio with it, then\n"
         "                       exit; on any problem print them all and leave the database unchanged\n"
         "  --help               print this text\n";
}

}  // namespace parley::server
