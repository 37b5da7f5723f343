#pragma once
// The JSON forms of plan requests, quotes and policy checks, and the disclosure text of a quote.
//
// Index of this file:
// [SECTION] Requests     load with problems naming JSON paths, canonical save
// [SECTION] Quotes       load and canonical save
// [SECTION] Checks       canonical save of a policy check
// [SECTION] Disclosure   the totals, APR and payments in the account's language
//
// Canonical text: members in a fixed order, amounts as integers of minor units, dates "YYYY-MM-DD", no
// insignificant whitespace unless `indent` >= 0. load(save(x)) == x, and save(load(text)) == text for canonical
// text. The formats are documented in docs/plans.md.

#include <optional>
#include <string>
#include <string_view>

#include "parley/money.h"
#include "parley/plans/plan.h"
#include "parley/plans/policy_check.h"
#include "parley/problem.h"

namespace parley::plans {

inline constexpr std::string_view request_format = "parley.plan-request/1";  // the "format" member
inline constexpr std::string_view quote_format = "parley.plan-quote/1";

// [SECTION] Requests ------------------------------------------------------------------------------------------

struct RequestLoad {
  std::optional<PlanRequest> request;  // set only when problems is empty
  Problems problems;
};
RequestLoad load_request(std::string_view json_text);            // shape and spelling; then validate_request
std::string save_request(const PlanRequest& request, int indent = -1);

// [SECTION] Quotes --------------------------------------------------------------------------------------------

struct QuoteLoad {
  std::optional<Quote> quote;
  Problems problems;
};
QuoteLoad load_quote(std::string_view json_text);
std::string save_quote(const Quote& quote, int indent = -1);

// The digest a PlanAccepted journal event stores for the accepted quote: SHA-256 of the compact save_quote text,
// 64 lowercase hex digits. Any host re-quoting the recorded request gets the same digest, or the quote changed.
std::string quote_digest(const Quote& quote);

// [SECTION] Checks --------------------------------------------------------------------------------------------

std::string save_policy_check(const PolicyCheck& check, int indent = -1);

// [SECTION] Disclosure ----------------------------------------------------------------------------------------

// Plain text, one statement per line, from a table of templates per locale: amount financed, finance charge,
// APR (two decimals, from the stored thousandths rounded half-up), total of payments, the payments.
std::string disclosure_text(const Quote& quote, Locale locale);

}  // namespace parley::plans
