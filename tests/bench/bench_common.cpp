// Shared parts of the benchmark harnesses (see bench_common.h).
#include "bench_common.h"

#include <charconv>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "parley/demo.h"
#include "parley/portfolio_json.h"

namespace parley::bench {

int take_accounts_flag(int& argc, char** argv) {
  int accounts = default_accounts;
  int out = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    std::string_view value;
    if (arg == "--accounts" && i + 1 < argc) {
      value = argv[++i];
    } else if (arg.starts_with("--accounts=")) {
      value = arg.substr(std::strlen("--accounts="));
    } else if (arg == "--accounts") {
      std::fprintf(stderr, "--accounts: needs a value\n");
      return -1;
    } else {
      argv[out++] = argv[i];
      continue;
    }
    int n = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc{} || ptr != value.data() + value.size() || n < 1 || n > 100000) {
      std::fprintf(stderr, "--accounts: expected 1 to 100,000, got '%.*s'\n", static_cast<int>(value.size()),
                   value.data());
      return -1;
    }
    accounts = n;
  }
  argc = out;
  argv[argc] = nullptr;
  return accounts;
}

Input make_input(int accounts) {
  DemoSettings settings;
  settings.seed = bench_seed;
  settings.accounts = accounts;
  Input input;
  input.accounts = accounts;
  input.portfolio = generate_demo_portfolio(settings);
  input.text = save_portfolio(input.portfolio);
  return input;
}

std::string figure_line(const char* name, double ms, std::size_t bytes, int accounts) {
  char line[256];
  const double seconds = ms / 1000.0;
  if (bytes > 0) {
    std::snprintf(line, sizeof line, "%-18s %10.3f ms %10.1f MB/s %12.0f accounts/s", name, ms,
                  static_cast<double>(bytes) / 1e6 / seconds, accounts / seconds);
  } else {
    std::snprintf(line, sizeof line, "%-18s %10.3f ms %15s %12.0f accounts/s", name, ms, "",
                  accounts / seconds);
  }
  return line;
}

}  // namespace parley::bench
