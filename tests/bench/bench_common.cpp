// Shared parts of the benchmark harnesses (see bench_common.h).
#include "bench_common.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "parley/demo.h"
#include "parley/plans/plan_json.h"
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

// The request of plan_bench_request, in its JSON form.
constexpr std::string_view kPlanRequest =
    R"({"format":"parley.plan-request/1","currency":"USD","today":"2026-11-23",)"
    R"("balance":{"itemisation_date":"2026-10-01","principal":1250000,"interest":0,"fees":0,"payments":0,"credits":0},)"
    R"("policy":{"max_term_months":60,"min_instalment":5000,"min_down_payment_bp":0,"allowed_frequencies":["monthly"],)"
    R"("max_interest_rate_bp":1500,"max_setup_fee":5000,"convenience_fees":[{"method":"card","max_fee":150}],)"
    R"("settlement_floor_bp":6000,"collector_below_floor_bp":0,"supervisor_below_floor_bp":0,)"
    R"("max_settlement_payments":1,"supervisor_term_months":0,"waterfall":["fees","interest","principal"]},)"
    R"("payment_method":"card","convenience_fee":150,"day_roll":"none","calendar":"",)"
    R"("plan":{"down_payment":0,"instalments":60,"frequency":"monthly","first_payment":"2026-12-28",)"
    R"("interest":"amortised","annual_rate_bp":1299,"setup_fee":5000}})";

parley::plans::PlanRequest plan_bench_request() {
  const parley::plans::RequestLoad load = parley::plans::load_request(kPlanRequest);
  parley::plans::QuoteResult result;
  if (load.request) result = parley::plans::quote_plan(*load.request);
  if (!result.quote || result.quote->instalments != 60 || !result.quote->apr_thousandths) {
    for (const Problem& p : load.problems) std::fprintf(stderr, "plan bench request: %s\n", p.text().c_str());
    for (const Problem& p : result.problems) std::fprintf(stderr, "plan bench request: %s\n", p.text().c_str());
    std::fprintf(stderr, "the plan bench request does not give a 60-instalment quote with an APR\n");
    std::exit(1);
  }
  return *load.request;
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

long long calendar_schedules_60(const parley::Calendar& us) {
  long long checksum = 0;
  const Date start = *Date::from_ymd(2026, 1, 1);
  for (int s = 0; s < calendar_schedules; ++s) {
    const Date first = start.plus_days(s % 28);
    for (int i = 0; i < 60; ++i) {
      const Date due = roll(us, first.plus_months(i), DayRoll::modified_following);
      checksum += add_business_days(us, due, -3).days_since_epoch();
    }
  }
  return checksum;
}

}  // namespace parley::bench
