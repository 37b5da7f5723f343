#pragma once
// Payment-plan quoting: a request (balance, policy and the terms asked for) turned into an exact schedule.
//
// Index of this file:
// [SECTION] Request     instalment plan or settlement terms, with the balance and the creditor's policy
// [SECTION] Quote       the schedule rows and the totals a disclosure states
// [SECTION] Quoting     quote_plan, validate_request
// [SECTION] Schedule    due dates by frequency and the sizes the rules use
//
// Every amount is an exact integer of minor units; the only floating point is inside the APR solve (apr.h).
// Rules (docs/plans.md has the full text):
// - Rounding: any amount derived from a rate is rounded to the minor unit half-to-even on integers.
// - Splitting an amount over n payments: regular = ceil(amount / n), the final payment takes the rest (so the
//   final is never larger than the regular one); when that would leave nothing for the final payment the regular
//   is floor(amount / n) and the final takes the remainder.
// - Down payment: paid on the quote date (`today`), with one convenience fee.
// - Set-up fee: paid with the first instalment, as part of its fees.
// - Interest none: instalments repay the financed principal only.
// - Interest simple: add-on interest on the financed principal for the n regular periods
//   (principal x rate x n / periods-per-year), spread over the payments in proportion to their amounts.
// - Interest amortised: interest on the declining balance each period at rate / periods-per-year; the first
//   period runs from the quote date to the first due date measured in unit periods as Regulation Z Appendix J
//   counts them (whole periods plus a fraction), so an irregular first period carries interest for its length:
//   simple interest for the fraction, then compounded for each whole period (each step rounded), as the
//   actuarial method accrues it. Later periods run from due date to due date on the same clock: exactly one unit
//   period for weekly and fortnightly plans; for monthly and semi-monthly plans, the difference of the Appendix J
//   times from the quote date to the two scheduled dates (a 16-day half-month of December counts 16/15), so the
//   APR of a plan without fees is its note rate.
//   The level instalment in a term request is the whole amount whose schedule ends with the final payment
//   nearest to it (of the two amounts around the exact annuity; the larger on a tie); the final payment takes
//   what is left, so it may be a few minor units above or below the level instalment.
// - Instalment amounts (requested or quoted) are principal plus interest; convenience and set-up fees come on
//   top and are shown in the rows' fee parts.
// - Semi-monthly dates: a first date on day D <= 15 pairs D with D + 15; D > 15 pairs D - 15 with D; each day
//   is clamped to the month's length (15th and 30th: Feb 15 and Feb 28).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/calendar/business_days.h"
#include "parley/date.h"
#include "parley/money.h"
#include "parley/portfolio.h"
#include "parley/problem.h"

namespace parley::plans {

// [SECTION] Request -------------------------------------------------------------------------------------------

enum class InterestMethod { none, simple, amortised };  // JSON: "none", "simple", "amortised"

// An instalment plan: a down payment today, then instalments from `first_payment` at `frequency`.
// Exactly one of `instalments` (a term: the instalment is solved) and `instalment_amount` (what the customer can
// afford: the shortest plan is solved) is set.
struct InstalmentTerms {
  Money down_payment;                       // paid on the quote date; zero for none
  std::optional<int> instalments;           // number of instalments, 1..max_instalments
  std::optional<Money> instalment_amount;   // affordable principal + interest per instalment
  Frequency frequency = Frequency::monthly;
  Date first_payment;                       // strictly after the quote date
  InterestMethod interest = InterestMethod::none;
  int annual_rate_bp = 0;                   // nominal annual rate; 0 when interest is none; at most 10000
  Money setup_fee;                          // charged with the first instalment
  friend bool operator==(const InstalmentTerms&, const InstalmentTerms&) = default;
};

// A settlement: less than the balance, in one payment or up to `payments` payments, no interest.
struct SettlementTerms {
  Money amount;                             // total settled for, 0 < amount < balance
  int payments = 1;                         // 1..max_instalments
  Frequency frequency = Frequency::monthly; // between payments when there are several
  Date first_payment;                       // on or after the quote date
  friend bool operator==(const SettlementTerms&, const SettlementTerms&) = default;
};

// One quoting request. Exactly one of `plan` and `settlement` is set. Amounts are in `currency` (zero amounts of
// any currency are read as zero).
struct PlanRequest {
  Currency currency;
  Date today;                               // the quote date (core has no clock)
  Balance balance;                          // the account's itemised balance; total() is what is owed
  Policy policy;                            // the creditor client's policy
  PaymentMethod method = PaymentMethod::bank_transfer;
  Money convenience_fee;                    // charged on every payment made with `method`
  DayRoll day_roll = DayRoll::none;         // how due dates move off non-business days
  std::string calendar_id;                  // the holiday calendar the caller passes to quote_plan ("" for none)
  std::optional<InstalmentTerms> plan;
  std::optional<SettlementTerms> settlement;
  friend bool operator==(const PlanRequest&, const PlanRequest&) = default;
};

inline constexpr int max_instalments = 1000;                     // longest schedule quoted
inline constexpr std::int64_t max_plan_amount = 1000000000000;   // largest amount in a request (minor units)
inline constexpr int max_rate_bp = 10000;                        // highest nominal annual rate (100 %)
inline constexpr int max_first_payment_days = 3660;              // first payment at most ~10 years out

// [SECTION] Quote ---------------------------------------------------------------------------------------------

enum class PlanKind { instalments, settlement };                 // JSON: "instalments", "settlement"
enum class RowKind { down_payment, instalment, settlement };     // JSON: "down-payment", "instalment", "settlement"

// One payment of the schedule. amount = principal + interest + fees.
struct ScheduleRow {
  int number = 0;             // 0 for the down payment, then 1, 2, ...
  RowKind kind = RowKind::instalment;
  Date scheduled;             // the date by the frequency rule
  Date due;                   // `scheduled` moved by the day-roll rule (equal when no calendar)
  Money amount;               // what the customer pays
  Money principal;            // towards the balance (settlement: towards the settled amount)
  Money interest;             // plan interest
  Money fees;                 // convenience fee, plus the set-up fee on the first instalment
  Money balance_after;        // principal still to pay after this payment
  friend bool operator==(const ScheduleRow&, const ScheduleRow&) = default;
};

// The sums a disclosure states. Reconciliation: total_paid = balance - forgiven + finance_charge, and
// total_paid = down payment row + total_of_payments.
struct QuoteTotals {
  Money balance;              // owed at the quote date (Balance::total)
  Money down_payment;         // principal of the down payment
  Money amount_financed;      // Regulation Z sense: financed principal less fees paid on the quote date
  Money interest;             // all plan interest
  Money fees;                 // convenience and set-up fees
  Money finance_charge;       // interest + fees
  Money total_of_payments;    // the instalments (or settlement payments), fees included, down payment excluded
  Money total_paid;           // every row
  Money forgiven;             // settlement: balance less the settled amount; zero for plans
  friend bool operator==(const QuoteTotals&, const QuoteTotals&) = default;
};

struct Quote {
  PlanKind kind = PlanKind::instalments;
  Currency currency;
  Date quote_date;
  Frequency frequency = Frequency::monthly;
  PaymentMethod method = PaymentMethod::bank_transfer;
  int instalments = 0;                 // rows after the down payment
  Money regular_instalment;            // principal + interest of every instalment but the last
  Money final_instalment;              // principal + interest of the last one
  int term_months = 0;                 // ceil(instalments x 12 / periods per year); 0 for a lump sum
  QuoteTotals totals;
  std::optional<int> apr_thousandths;  // APR in thousandths of a percent (12.345 % = 12345); plans only
  std::vector<ScheduleRow> schedule;
  friend bool operator==(const Quote&, const Quote&) = default;
};

// [SECTION] Quoting -------------------------------------------------------------------------------------------

struct QuoteResult {
  std::optional<Quote> quote;  // set only when problems is empty
  Problems problems;           // bad input, each naming the request's JSON path ("plan.first_payment")
  bool ok() const { return quote.has_value(); }
};

// Checks of the request alone: currencies, signs, ranges, dates. Policy bounds are not problems: they are
// violations (policy_check.h).
Problems validate_request(const PlanRequest& request);

// The quote of a valid request; `calendar` (when not null and day_roll is not none) moves due dates. A rolled date
// never lands on or before the quote date or an earlier row's date: it then stays as scheduled.
QuoteResult quote_plan(const PlanRequest& request, const Calendar* calendar = nullptr);

// [SECTION] Schedule ------------------------------------------------------------------------------------------

int periods_per_year(Frequency frequency);                 // 52, 26, 24, 12
Date scheduled_date(Date first, Frequency frequency, int index);  // index 0 is `first`
int term_months(int instalments, Frequency frequency);     // ceil(instalments x 12 / periods per year)
int max_instalments_in(int months, Frequency frequency);   // largest n with term_months(n) <= months
std::string_view to_string(InterestMethod);
std::string_view to_string(PlanKind);
std::string_view to_string(RowKind);
std::string_view to_string(DayRoll);
std::optional<InterestMethod> parse_interest_method(std::string_view);
std::optional<PlanKind> parse_plan_kind(std::string_view);
std::optional<RowKind> parse_row_kind(std::string_view);
std::optional<DayRoll> parse_day_roll(std::string_view);  // "none", "following", "modified-following", "preceding"

}  // namespace parley::plans
