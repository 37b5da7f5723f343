#pragma once
// Shared helpers of the plan tests: amounts and dates in one call, a permissive policy, request builders, a
// seeded PRNG and the invariants every quote must keep.
//
// Index of this file:
// [SECTION] Values      usd(), ymd(), policies and requests
// [SECTION] Random      SplitMix64
// [SECTION] Invariants  sums, reconciliation, signs, balances

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "parley/plans/plan.h"

namespace parley::plans::testing {

// [SECTION] Values --------------------------------------------------------------------------------------------

inline Currency usd_currency() { return Currency::find("USD").value_or(Currency{}); }
inline Money usd(std::int64_t cents) { return Money(cents, usd_currency()); }

inline Date ymd(int y, int m, int d) {
  const std::optional<Date> date = Date::from_ymd(y, m, d);
  EXPECT_TRUE(date.has_value()) << y << "-" << m << "-" << d;
  return date.value_or(Date{});
}

// A policy that allows everything a request below can ask for.
inline Policy open_policy() {
  Policy p;
  p.max_term_months = 1200;
  p.min_instalment = usd(0);
  p.min_down_payment_bp = 0;
  p.allowed_frequencies = {Frequency::weekly, Frequency::fortnightly, Frequency::semi_monthly, Frequency::monthly};
  p.max_interest_rate_bp = 10000;
  p.max_setup_fee = usd(1000000);
  p.convenience_fees = {{PaymentMethod::card, usd(100000)}, {PaymentMethod::bank_transfer, usd(100000)},
                        {PaymentMethod::cheque, usd(100000)}};
  p.settlement_floor_bp = 0;
  p.max_settlement_payments = 1000;
  return p;
}

inline Balance balance_of(std::int64_t cents, Date itemised) {
  return Balance{itemised, usd(cents), usd(0), usd(0), usd(0), usd(0)};
}

// An instalment plan for `owed` with n monthly instalments, no interest, first payment a month after `today`.
inline PlanRequest plan_request(std::int64_t owed, int n, Date today) {
  PlanRequest r;
  r.currency = usd_currency();
  r.today = today;
  r.balance = balance_of(owed, today.plus_days(-30));
  r.policy = open_policy();
  r.method = PaymentMethod::bank_transfer;
  r.convenience_fee = usd(0);
  InstalmentTerms t;
  t.down_payment = usd(0);
  t.instalments = n;
  t.frequency = Frequency::monthly;
  t.first_payment = today.plus_months(1);
  t.setup_fee = usd(0);
  r.plan = t;
  return r;
}

inline PlanRequest settlement_request(std::int64_t owed, std::int64_t amount, int payments, Date today) {
  PlanRequest r = plan_request(owed, 1, today);
  r.plan.reset();
  r.settlement = SettlementTerms{usd(amount), payments, Frequency::monthly, today.plus_days(7)};
  return r;
}

// [SECTION] Random --------------------------------------------------------------------------------------------

// SplitMix64: a small, fixed PRNG so every host draws the same requests from the same seed.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::int64_t between(std::int64_t lo, std::int64_t hi) {  // inclusive
    return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool chance(int percent) { return between(1, 100) <= percent; }

 private:
  std::uint64_t state_;
};

// [SECTION] Invariants ----------------------------------------------------------------------------------------

// Every rule a quote keeps whatever the request: parts sum to amounts, rows sum to totals, the totals reconcile,
// no negative part, the balance falls to zero.
inline void expect_consistent(const Quote& q, const std::string& context) {
  SCOPED_TRACE(context);
  ASSERT_FALSE(q.schedule.empty());
  std::int64_t interest = 0;
  std::int64_t fees = 0;
  std::int64_t paid = 0;
  std::int64_t of_payments = 0;
  std::int64_t principal = 0;
  std::int64_t previous_balance = -1;
  int instalment_rows = 0;
  for (const ScheduleRow& row : q.schedule) {
    EXPECT_EQ(row.amount.minor(), row.principal.minor() + row.interest.minor() + row.fees.minor());
    EXPECT_GE(row.amount.minor(), 0);
    EXPECT_GE(row.principal.minor(), 0);
    EXPECT_GE(row.interest.minor(), 0);
    EXPECT_GE(row.fees.minor(), 0);
    EXPECT_GE(row.balance_after.minor(), 0);
    if (previous_balance >= 0) {
      EXPECT_EQ(row.balance_after.minor(), previous_balance - row.principal.minor());
    }
    previous_balance = row.balance_after.minor();
    if (row.kind != RowKind::down_payment) {
      ++instalment_rows;
      of_payments += row.amount.minor();
      EXPECT_GE(row.due, q.quote_date);
    }
    interest += row.interest.minor();
    fees += row.fees.minor();
    paid += row.amount.minor();
    principal += row.principal.minor();
  }
  EXPECT_EQ(q.schedule.back().balance_after.minor(), 0);
  EXPECT_EQ(instalment_rows, q.instalments);
  const QuoteTotals& t = q.totals;
  EXPECT_EQ(t.interest.minor(), interest);
  EXPECT_EQ(t.fees.minor(), fees);
  EXPECT_EQ(t.finance_charge.minor(), interest + fees);
  EXPECT_EQ(t.total_paid.minor(), paid);
  EXPECT_EQ(t.total_of_payments.minor(), of_payments);
  EXPECT_EQ(t.total_paid.minor(), t.balance.minor() - t.forgiven.minor() + t.finance_charge.minor());
  EXPECT_EQ(principal, t.balance.minor() - t.forgiven.minor());
  for (std::size_t k = 1; k < q.schedule.size(); ++k) EXPECT_LT(q.schedule[k - 1].due, q.schedule[k].due);
}

}  // namespace parley::plans::testing
