#pragma once
// What both benchmark harnesses share: the --accounts flag, the generated input, and the figures they print.
//
// Index of this file:
// [SECTION] Input     the demo portfolio and its compact JSON text
// [SECTION] Plans     the 60-instalment amortised quote request
// [SECTION] Figures   ms, MB/s and accounts/s of one measured step

#include <cstddef>
#include <string>

#include "parley/plans/plan.h"
#include "parley/portfolio.h"

namespace parley::bench {

// [SECTION] Input -----------------------------------------------------------------------------------------------------

inline constexpr int default_accounts = 100000;
inline constexpr unsigned long long bench_seed = 20261102;

// Reads "--accounts N" or "--accounts=N" out of argv, removing it; returns default_accounts when absent, or
// -1 (after printing why) when the value is not a whole number from 1 to 100,000.
int take_accounts_flag(int& argc, char** argv);

struct Input {
  int accounts = 0;
  Portfolio portfolio;
  std::string text;  // save_portfolio(portfolio), compact
};

Input make_input(int accounts);

// [SECTION] Plans -----------------------------------------------------------------------------------------------------

// $12,500.00 over 60 monthly instalments, amortised at 12.99 %, a $50.00 set-up fee and a $1.50 card fee per
// payment, first payment 35 days out (an irregular first period): quote_plan solves the level instalment, builds
// 60 rows and solves the APR. Exits the program (after printing the problems) if the request does not quote.
parley::plans::PlanRequest plan_bench_request();

// 2,000 schedules of 60 monthly due dates rolled with the shipped US-FEDERAL calendar (modified following), each
// with the business day three before it: the calendar work of long plan quotes. Returns a checksum of the dates.
long long calendar_schedules_60(const parley::Calendar& us_federal);
inline constexpr int calendar_schedules = 2000;

// [SECTION] Figures ---------------------------------------------------------------------------------------------------

// "name  12.345 ms  123.4 MB/s  456,789 accounts/s" (MB = 10^6 bytes; bytes 0: no MB/s column).
std::string figure_line(const char* name, double ms, std::size_t bytes, int accounts);

}  // namespace parley::bench
