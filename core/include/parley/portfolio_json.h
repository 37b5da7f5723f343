#pragma once
// The portfolio's JSON form: load with validation, and save.
//
// The format is documented in docs/portfolio-format.md, with a JSON Schema in assets/schema/. Amounts are
// integers in minor units of the account's (or, in a policy, the client's) currency; dates are "YYYY-MM-DD".
//
// Loading streams the text into typed values in one pass (no intermediate document), then checks what only
// the whole can tell (unique ids, references, sums). Any problem means nothing is loaded: the result holds
// every problem found, each with its JSON path, e.g. `accounts[17].balance.principal: must not be negative`.

#include <optional>
#include <string>
#include <string_view>

#include "parley/portfolio.h"
#include "parley/problem.h"

namespace parley {

struct PortfolioLoad {
  std::optional<Portfolio> portfolio;  // set only when problems is empty
  Problems problems;                   // at most max_problems, then one closing "... more problems" entry
  bool ok() const { return portfolio.has_value(); }
};

inline constexpr std::string_view portfolio_format = "parley.portfolio/1";  // the "format" member
inline constexpr std::size_t max_problems = 200;

PortfolioLoad load_portfolio(std::string_view json_text);

// Checks of a typed portfolio (what load_portfolio runs after parsing): ids, references, amounts, dates, zones.
Problems validate_portfolio(const Portfolio& portfolio);

// Canonical JSON text: members in a fixed order, no insignificant whitespace unless `indent` >= 0.
// load_portfolio(save_portfolio(p)) gives back p.
std::string save_portfolio(const Portfolio& portfolio, int indent = -1);

// The canonical text of the agency and of one element exactly as they appear in save_portfolio's "agency" member
// and "clients" / "accounts" arrays, so that a store keeping one row per client or account can assemble the
// canonical document as {"format":"parley.portfolio/1","as_of":"YYYY-MM-DD","agency":<agency>,
// "clients":[<client>,...],"accounts":[<account>,...]} (no "agency" member when there is none).
std::string save_agency(const Agency& agency);
std::string save_client(const Client& client);
std::string save_account(const Account& account);

}  // namespace parley
