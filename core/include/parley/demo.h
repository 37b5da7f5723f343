#pragma once
// A deterministic demo portfolio: the same settings and seed give the same portfolio on every host.
//
// Realistic names and addresses across US states, the UK and France; balances, days past due and risk tiers
// spread as a real placement would be; several creditor clients with different policies.

#include <cstdint>
#include <string_view>

#include "parley/portfolio.h"
#include "parley/problem.h"

namespace parley {

struct DemoSettings {
  std::uint64_t seed = 1;  // `seed`: any value; same seed, same portfolio
  int accounts = 500;      // `accounts`: 1 to 100,000
  Date as_of = *Date::from_ymd(2026, 11, 2);  // `as_of`: the snapshot date; placements and delinquency precede it
};

// Problems for settings out of range (named by field); otherwise empty.
Problems check_demo_settings(const DemoSettings& settings);

// The portfolio for valid settings (check first: out-of-range settings are clamped).
Portfolio generate_demo_portfolio(const DemoSettings& settings);

}  // namespace parley
