#pragma once
// The creditor policy applied to a request and its quote: hard violations, approvals a supervisor must give, and
// for each violation the nearest request that complies.
//
// Index of this file:
// [SECTION] Findings   violation and approval codes, with their figures and words
// [SECTION] Policy queries  allowed frequencies, authorised fees, whether interest may be charged, the opening offer
// [SECTION] Check      check_policy
// [SECTION] Display    rates and the APR as every screen and disclosure shows them, payments in words
//
// Bounds are computed on integers: shares of the balance (min down payment, settlement floor and latitudes) are
// rounded up to the minor unit, so a bound never falls under its share. The settlement floor is
// balance x settlement_floor_bp; a collector may settle alone down to balance x (floor_bp - collector_bp), and
// with supervisor approval down to balance x (floor_bp - supervisor_bp). Words come from a table per locale
// (en-US "installment", en-GB "instalment", fr-FR).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/money.h"
#include "parley/plans/plan.h"

namespace parley::plans {

// [SECTION] Findings ------------------------------------------------------------------------------------------

// JSON spellings in to_string: "frequency-not-allowed", ...; `limit` and `actual` are in the unit named.
enum class FindingCode {
  frequency_not_allowed,        // limit: 0, actual: 0 (the frequency is in the request)
  term_too_long,                // months
  instalment_below_minimum,     // minor units (principal + interest of the regular instalment)
  down_payment_below_minimum,   // minor units
  interest_rate_above_cap,      // basis points
  convenience_fee_above_cap,    // minor units per payment
  setup_fee_above_cap,          // minor units
  settlement_below_floor,       // minor units: limit is the lowest amount a supervisor may approve
  settlement_too_many_payments, // payments
  // approvals
  term_needs_supervisor,        // months: limit is supervisor_term_months
  settlement_needs_supervisor,  // minor units: limit is the lowest amount a collector may agree alone
};

struct Violation {
  FindingCode code = FindingCode::term_too_long;
  std::string path;                        // the request member at fault, e.g. "plan.instalments"
  std::int64_t limit = 0;                  // the policy's bound
  std::int64_t actual = 0;                 // the request's value
  std::string message;                     // "minimum installment is $50.00"
  std::optional<PlanRequest> alternative;  // the nearest request with no violation that a collector may offer alone
                                           // (no approval needed); when there is none, the nearest a supervisor
                                           // may approve; unset when neither exists
  std::string alternative_text;            // "24 payments of $50.00 and one of $37.12"
  friend bool operator==(const Violation&, const Violation&) = default;
};

struct Approval {
  FindingCode code = FindingCode::term_needs_supervisor;
  std::string path;
  std::int64_t limit = 0;
  std::int64_t actual = 0;
  std::string message;                     // "plans longer than 12 months need supervisor approval"
  friend bool operator==(const Approval&, const Approval&) = default;
};

struct PolicyCheck {
  std::vector<Violation> violations;  // hard: the offer may not be made as is
  std::vector<Approval> approvals;    // allowed once a supervisor approves
  bool compliant() const { return violations.empty(); }
  friend bool operator==(const PolicyCheck&, const PolicyCheck&) = default;
};

std::string_view to_string(FindingCode);
std::optional<FindingCode> parse_finding_code(std::string_view);

// [SECTION] Policy queries ------------------------------------------------------------------------------------

bool allows_frequency(const Policy& policy, Frequency frequency);  // listed in allowed_frequencies
// Whether a plan under the policy may charge interest: the client sets a rate cap above zero. Settlements never do.
bool interest_allowed(const Policy& policy);
// The largest convenience fee the client authorises per payment made with `method`, in `currency` (zero when the
// policy lists none for the method).
Money authorised_convenience_fee(const Policy& policy, PaymentMethod method, Currency currency);

// The longest plan, in months, a collector may agree without a supervisor: max_term_months, or
// supervisor_term_months when that is set and shorter.
int collector_term_months(const Policy& policy);

// The smallest down payment the policy accepts on `balance`: min_down_payment_bp of what is owed, rounded up to the
// minor unit.
Money min_down_payment(const Policy& policy, const Balance& balance, Currency currency);

// The offer a collector starts from for an account: its balance and client policy, the smallest down payment it
// accepts (min_down_payment), 12
// instalments monthly (or at the policy's first allowed frequency; fewer when 12 would run longer than
// collector_term_months, so the opening offer needs no approval), the first a month after `today`, by bank
// transfer with the fee the client authorises, no interest and no set-up fee.
PlanRequest opening_request(const Account& account, const Client& client, Date today);

// [SECTION] Check ---------------------------------------------------------------------------------------------

// The findings for a request whose quote_plan succeeded (`quote` is that quote). Alternatives are re-quoted with
// the same calendar. Words and amounts are written for `locale`.
PolicyCheck check_policy(const PlanRequest& request, const Quote& quote, const Calendar* calendar = nullptr,
                         Locale locale = Locale::en_US);

// [SECTION] Display -------------------------------------------------------------------------------------------

// The unit of a rate held as an integer: basis points (1250 = 12.50 %) or thousandths of a percent (12345 =
// 12.345 %, the APR's unit).
enum class RateUnit { basis_points, thousandths };

// A rate as every screen and disclosure shows it, in hundredths of a percent (thousandths rounded half-up):
// "12.50%" (en-US, en-GB), "12,50 %" (fr-FR, with a no-break space).
std::string rate_text(std::int64_t value, RateUnit unit, Locale locale);

// The quote's APR as its disclosure states it (rate_text of apr_thousandths), or the disclosure's words for none
// ("not applicable": a settlement).
std::string apr_text(const Quote& quote, Locale locale);

// A short description of a quote's payments for offers and alternatives, in `locale`:
// "down payment of $100.00, then 24 monthly payments of $50.00 and one of $37.12".
std::string describe_payments(const Quote& quote, Locale locale);

}  // namespace parley::plans
