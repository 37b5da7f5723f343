// The policy check: one violation per bound broken, words per locale, approvals apart, compliant alternatives.
#include "parley/plans/policy_check.h"

#include <gtest/gtest.h>

#include "parley/plans/plan_json.h"
#include "plan_support.h"

namespace parley::plans {
namespace {

using testing::plan_request;
using testing::settlement_request;
using testing::usd;
using testing::ymd;

Policy strict_policy() {
  Policy p;
  p.max_term_months = 24;
  p.min_instalment = usd(5000);
  p.min_down_payment_bp = 1000;
  p.allowed_frequencies = {Frequency::monthly, Frequency::fortnightly};
  p.max_interest_rate_bp = 800;
  p.max_setup_fee = usd(2500);
  p.convenience_fees = {{PaymentMethod::card, usd(300)}};
  p.settlement_floor_bp = 6000;
  p.collector_below_floor_bp = 500;
  p.supervisor_below_floor_bp = 1000;
  p.max_settlement_payments = 3;
  p.supervisor_term_months = 12;
  return p;
}

PolicyCheck check(const PlanRequest& r, Locale locale = Locale::en_US) {
  const QuoteResult q = quote_plan(r);
  EXPECT_TRUE(q.ok());
  if (!q.ok()) return {};
  return check_policy(r, *q.quote, nullptr, locale);
}

const Violation* find(const PolicyCheck& c, FindingCode code) {
  for (const Violation& v : c.violations) {
    if (v.code == code) return &v;
  }
  return nullptr;
}

// Every alternative offered complies: quoting and checking it again finds no violation.
void expect_alternatives_comply(const PolicyCheck& c) {
  for (const Violation& v : c.violations) {
    ASSERT_TRUE(v.alternative.has_value()) << v.message;
    const QuoteResult q = quote_plan(*v.alternative);
    ASSERT_TRUE(q.ok()) << v.message;
    EXPECT_TRUE(check_policy(*v.alternative, *q.quote).compliant()) << v.message;
    EXPECT_FALSE(v.alternative_text.empty());
  }
}

// ... and needs no supervisor's approval.
void expect_no_approval_needed(const PolicyCheck& c) {
  for (const Violation& v : c.violations) {
    ASSERT_TRUE(v.alternative.has_value()) << v.message;
    const QuoteResult q = quote_plan(*v.alternative);
    ASSERT_TRUE(q.ok()) << v.message;
    EXPECT_TRUE(check_policy(*v.alternative, *q.quote).approvals.empty()) << v.message;
  }
}

PlanRequest compliant_plan() {
  PlanRequest r = plan_request(137458, 1, ymd(2026, 4, 1));
  r.policy = strict_policy();
  r.plan->down_payment = usd(13746);  // 10 % of 1,374.58, rounded up; 1,237.12 left
  r.plan->instalments = 12;
  return r;
}

TEST(PlanPolicy, ACompliantPlanHasNoFindings) {
  const PolicyCheck c = check(compliant_plan());
  EXPECT_TRUE(c.compliant());
  EXPECT_TRUE(c.approvals.empty());
}

TEST(PlanPolicy, MinimumInstalmentWithTheNearestPlanThatMeetsIt) {
  PlanRequest r = compliant_plan();
  r.plan->instalments = 30;  // 1,237.12 / 30 = 41.24 a month, under the $50.00 minimum
  r.policy.max_term_months = 36;
  const PolicyCheck c = check(r);
  const Violation* v = find(c, FindingCode::instalment_below_minimum);
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->path, "plan.instalments");
  EXPECT_EQ(v->limit, 5000);
  EXPECT_EQ(v->actual, 4124);
  EXPECT_EQ(v->message, "minimum installment is $50.00");
  // The nearest plan a collector may offer alone: within the 12 months beyond which a supervisor must approve.
  EXPECT_EQ(v->alternative_text, "down payment of $137.46, then 11 monthly payments of $103.10 and one of $103.02");
  ASSERT_TRUE(v->alternative);
  EXPECT_EQ(v->alternative->plan->instalments, 12);
  expect_alternatives_comply(c);
  expect_no_approval_needed(c);
  // Without a supervisor's term the nearest plan is the one at the minimum instalment.
  r.policy.supervisor_term_months = 0;
  const PolicyCheck without = check(r);
  const Violation* w = find(without, FindingCode::instalment_below_minimum);
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->alternative_text, "down payment of $137.46, then 24 monthly payments of $50.00 and one of $37.12");
  ASSERT_TRUE(w->alternative);
  EXPECT_EQ(w->alternative->plan->instalment_amount, usd(5000));
  r.policy.supervisor_term_months = 12;
  // en-GB spells it with one l; fr-FR has its own words and number format.
  EXPECT_EQ(find(check(r, Locale::en_GB), FindingCode::instalment_below_minimum)->message,
            "minimum instalment is US$50.00");  // CLDR en-GB writes the dollar as US$
  EXPECT_EQ(find(check(r, Locale::fr_FR), FindingCode::instalment_below_minimum)->message,
            "l'échéance minimale est de 50,00\u00A0$US");
}

TEST(PlanPolicy, TermBeyondTheMaximum) {
  PlanRequest r = compliant_plan();
  r.policy.min_instalment = usd(100);
  r.plan->instalments = 30;
  const PolicyCheck c = check(r);
  const Violation* v = find(c, FindingCode::term_too_long);
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->limit, 24);
  EXPECT_EQ(v->actual, 30);
  EXPECT_EQ(v->message, "maximum term is 24 months (this plan runs 30)");
  ASSERT_TRUE(v->alternative);
  EXPECT_EQ(v->alternative->plan->instalments, 12);  // the longest a collector may offer without approval
  expect_alternatives_comply(c);
  expect_no_approval_needed(c);
  // Without a supervisor's term, the longest term the policy allows.
  r.policy.supervisor_term_months = 0;
  const PolicyCheck unsupervised = check(r);
  const Violation* u = find(unsupervised, FindingCode::term_too_long);
  ASSERT_NE(u, nullptr);
  ASSERT_TRUE(u->alternative);
  EXPECT_EQ(u->alternative->plan->instalments, 24);
  r.policy.supervisor_term_months = 12;
  // Long but within the maximum: not a violation, an approval.
  EXPECT_TRUE(c.approvals.empty());
  r.plan->instalments = 18;
  const PolicyCheck a = check(r);
  EXPECT_TRUE(a.compliant());
  ASSERT_EQ(a.approvals.size(), 1U);
  EXPECT_EQ(a.approvals[0].code, FindingCode::term_needs_supervisor);
  EXPECT_EQ(a.approvals[0].message, "plans longer than 12 months need supervisor approval");
}

TEST(PlanPolicy, EveryCapAndFloorOfAPlan) {
  PlanRequest r = compliant_plan();
  r.plan->frequency = Frequency::weekly;
  r.plan->first_payment = ymd(2026, 4, 8);
  r.plan->instalments = 20;
  r.plan->down_payment = usd(1000);
  r.plan->interest = InterestMethod::amortised;
  r.plan->annual_rate_bp = 1500;
  r.plan->setup_fee = usd(5000);
  r.method = PaymentMethod::cheque;  // not listed: no fee allowed
  r.convenience_fee = usd(100);
  const PolicyCheck c = check(r);
  for (FindingCode code : {FindingCode::frequency_not_allowed, FindingCode::down_payment_below_minimum,
                           FindingCode::interest_rate_above_cap, FindingCode::setup_fee_above_cap,
                           FindingCode::convenience_fee_above_cap}) {
    EXPECT_NE(find(c, code), nullptr) << to_string(code);
  }
  EXPECT_EQ(find(c, FindingCode::frequency_not_allowed)->message, "weekly payments are not allowed by the creditor");
  EXPECT_EQ(find(c, FindingCode::down_payment_below_minimum)->limit, 13746);
  EXPECT_EQ(find(c, FindingCode::interest_rate_above_cap)->message, "maximum interest rate is 8.00%");
  EXPECT_EQ(find(c, FindingCode::convenience_fee_above_cap)->limit, 0);
  expect_alternatives_comply(c);
  const PlanRequest& alt = *c.violations[0].alternative;
  EXPECT_EQ(alt.plan->frequency, Frequency::fortnightly);  // the allowed frequency nearest weekly
  EXPECT_EQ(alt.plan->annual_rate_bp, 800);
  EXPECT_EQ(alt.plan->setup_fee, usd(2500));
  EXPECT_EQ(alt.convenience_fee.minor(), 0);
}

TEST(PlanPolicy, SettlementFloorAndLatitude) {
  // Floor 60 % of $1,000.00; a collector may go 5 points under alone, 10 with a supervisor.
  auto settle = [](std::int64_t amount, int payments = 1) {
    PlanRequest r = settlement_request(100000, amount, payments, ymd(2026, 4, 1));
    r.policy = strict_policy();
    return check(r);
  };
  EXPECT_TRUE(settle(60000).compliant());
  EXPECT_TRUE(settle(60000).approvals.empty());
  const PolicyCheck collector = settle(55000);
  EXPECT_TRUE(collector.compliant());
  EXPECT_TRUE(collector.approvals.empty());
  const PolicyCheck supervisor = settle(54999);
  EXPECT_TRUE(supervisor.compliant());
  ASSERT_EQ(supervisor.approvals.size(), 1U);
  EXPECT_EQ(supervisor.approvals[0].code, FindingCode::settlement_needs_supervisor);
  EXPECT_EQ(supervisor.approvals[0].message, "settlements under $550.00 need supervisor approval");
  const PolicyCheck below = settle(49999);
  ASSERT_EQ(below.violations.size(), 1U);
  EXPECT_EQ(below.violations[0].code, FindingCode::settlement_below_floor);
  EXPECT_EQ(below.violations[0].limit, 50000);
  EXPECT_EQ(below.violations[0].message, "lowest settlement that may be offered is $500.00");
  ASSERT_TRUE(below.violations[0].alternative);
  // The lowest a collector may agree alone, not the lowest a supervisor may approve.
  EXPECT_EQ(below.violations[0].alternative->settlement->amount, usd(55000));
  expect_alternatives_comply(below);
  expect_no_approval_needed(below);
  const PolicyCheck many = settle(70000, 5);
  const Violation* v = find(many, FindingCode::settlement_too_many_payments);
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->alternative->settlement->payments, 3);
  EXPECT_EQ(v->alternative_text, "2 monthly payments of $233.34 and one of $233.32");
}

TEST(PlanPolicy, NoAlternativeWhenNoneCanComply) {
  PlanRequest r = compliant_plan();
  r.policy.allowed_frequencies.clear();
  const PolicyCheck c = check(r);
  ASSERT_NE(find(c, FindingCode::frequency_not_allowed), nullptr);
  EXPECT_FALSE(find(c, FindingCode::frequency_not_allowed)->alternative);
}

TEST(PlanPolicy, FindingCodesHaveStableSpellings) {
  for (int k = 0; k <= static_cast<int>(FindingCode::settlement_needs_supervisor); ++k) {
    const auto code = static_cast<FindingCode>(k);
    EXPECT_EQ(parse_finding_code(to_string(code)), code);
  }
  EXPECT_EQ(to_string(FindingCode::instalment_below_minimum), "instalment-below-minimum");
  EXPECT_FALSE(parse_finding_code("instalment_below_minimum"));
}

}  // namespace
}  // namespace parley::plans

namespace parley::plans {
namespace {

using testing::balance_of;
using testing::usd;
using testing::usd_currency;
using testing::ymd;

TEST(PlanPolicyQueries, ConvenienceFeeIsWhatTheClientAuthorisesForTheMethod) {
  Policy p;
  p.convenience_fees = {{PaymentMethod::card, usd(300)}};
  EXPECT_EQ(authorised_convenience_fee(p, PaymentMethod::card, usd_currency()), usd(300));
  // A method the policy does not list may carry no fee.
  EXPECT_EQ(authorised_convenience_fee(p, PaymentMethod::bank_transfer, usd_currency()), usd(0));
}

TEST(PlanPolicyQueries, OpeningOfferStaysInsideThePolicy) {
  Account account;
  account.currency = usd_currency();
  account.balance = balance_of(240000, ymd(2026, 1, 31));
  Client client;
  client.currency = usd_currency();
  client.policy.allowed_frequencies = {Frequency::fortnightly, Frequency::weekly};
  client.policy.convenience_fees = {{PaymentMethod::bank_transfer, usd(150)}};

  const PlanRequest r = opening_request(account, client, ymd(2026, 3, 2));
  ASSERT_TRUE(r.plan.has_value());
  EXPECT_EQ(r.today, ymd(2026, 3, 2));
  EXPECT_EQ(r.balance, account.balance);
  EXPECT_EQ(r.policy, client.policy);
  EXPECT_EQ(r.method, PaymentMethod::bank_transfer);
  EXPECT_EQ(r.convenience_fee, usd(150));
  // Monthly is not allowed here: the policy's first allowed frequency is used.
  EXPECT_EQ(r.plan->frequency, Frequency::fortnightly);
  EXPECT_EQ(r.plan->instalments, 12);
  EXPECT_EQ(r.plan->first_payment, ymd(2026, 4, 2));
  EXPECT_TRUE(r.plan->down_payment.is_zero());
  EXPECT_EQ(r.plan->interest, InterestMethod::none);
  EXPECT_TRUE(validate_request(r).empty());

  client.policy.allowed_frequencies = {Frequency::weekly, Frequency::monthly};
  EXPECT_EQ(opening_request(account, client, ymd(2026, 3, 2)).plan->frequency, Frequency::monthly);
}

TEST(PlanPolicyQueries, OpeningOfferNeedsNoSupervisor) {
  Account account;
  account.currency = usd_currency();
  account.balance = balance_of(240000, ymd(2026, 1, 31));
  Client client;
  client.currency = usd_currency();
  client.policy.allowed_frequencies = {Frequency::monthly};
  client.policy.max_term_months = 12;
  client.policy.supervisor_term_months = 6;  // plans longer than 6 months need a supervisor
  EXPECT_EQ(collector_term_months(client.policy), 6);

  const PlanRequest monthly = opening_request(account, client, ymd(2026, 3, 2));
  EXPECT_EQ(monthly.plan->instalments, 6);
  const auto quote = quote_plan(monthly, nullptr);
  ASSERT_TRUE(quote.ok());
  const PolicyCheck check = check_policy(monthly, *quote.quote);
  EXPECT_TRUE(check.compliant()) << check.violations.front().message;
  EXPECT_TRUE(check.approvals.empty()) << check.approvals.front().message;

  // Fortnightly: twelve payments span six months, inside the collector's reach.
  client.policy.allowed_frequencies = {Frequency::fortnightly};
  EXPECT_EQ(opening_request(account, client, ymd(2026, 3, 2)).plan->instalments, 12);
  // No supervisor band: the longest term bounds it.
  client.policy.allowed_frequencies = {Frequency::monthly};
  client.policy.supervisor_term_months = 0;
  client.policy.max_term_months = 9;
  EXPECT_EQ(collector_term_months(client.policy), 9);
  EXPECT_EQ(opening_request(account, client, ymd(2026, 3, 2)).plan->instalments, 9);
}

// The opening offer carries the smallest down payment the client accepts, so that it breaks no bound: 10% of
// $2,400.01 rounds up to $240.01.
TEST(PlanPolicyQueries, OpeningOfferPaysTheSmallestDownPaymentThePolicyAccepts) {
  Account account;
  account.currency = usd_currency();
  account.balance = balance_of(240001, ymd(2026, 1, 31));
  Client client;
  client.currency = usd_currency();
  client.policy.allowed_frequencies = {Frequency::monthly};
  client.policy.max_term_months = 12;
  client.policy.min_down_payment_bp = 1000;
  EXPECT_EQ(min_down_payment(client.policy, account.balance, usd_currency()), Money(24001, usd_currency()));
  const PlanRequest request = opening_request(account, client, ymd(2026, 3, 2));
  EXPECT_EQ(request.plan->down_payment, Money(24001, usd_currency()));
  const auto quote = quote_plan(request, nullptr);
  ASSERT_TRUE(quote.ok());
  const PolicyCheck check = check_policy(request, *quote.quote);
  EXPECT_TRUE(check.compliant()) << check.violations.front().message;
  EXPECT_TRUE(check.approvals.empty()) << check.approvals.front().message;

  // Nothing owed (overpaid): no down payment.
  Balance paid = account.balance;
  paid.payments = Money(250000, usd_currency());
  EXPECT_EQ(min_down_payment(client.policy, paid, usd_currency()), Money(0, usd_currency()));
  client.policy.min_down_payment_bp = 0;
  EXPECT_EQ(opening_request(account, client, ymd(2026, 3, 2)).plan->down_payment, Money(0, usd_currency()));
}

TEST(PlanPolicy, InterestMayBeChargedOnlyUnderARateCapAboveZero) {
  Policy p = strict_policy();
  EXPECT_TRUE(interest_allowed(p));
  p.max_interest_rate_bp = 0;
  EXPECT_FALSE(interest_allowed(p));
  EXPECT_FALSE(interest_allowed(Policy{}));
}

TEST(PlanPolicy, RatesAndTheAprShowInHundredthsOfAPercentInTheLocale) {
  EXPECT_EQ(rate_text(1250, RateUnit::basis_points, Locale::en_US), "12.50%");
  EXPECT_EQ(rate_text(5, RateUnit::basis_points, Locale::en_GB), "0.05%");
  EXPECT_EQ(rate_text(1299, RateUnit::basis_points, Locale::fr_FR), "12,99\u00A0%");
  EXPECT_EQ(rate_text(12345, RateUnit::thousandths, Locale::en_US), "12.35%");  // half-up
  EXPECT_EQ(rate_text(12344, RateUnit::thousandths, Locale::en_US), "12.34%");
  EXPECT_EQ(rate_text(0, RateUnit::thousandths, Locale::en_US), "0.00%");

  // The APR a quote shows is the one its disclosure states; a settlement has none.
  PlanRequest r = plan_request(100000, 4, ymd(2026, 4, 1));
  r.plan->setup_fee = usd(2000);
  const QuoteResult q = quote_plan(r);
  ASSERT_TRUE(q.ok());
  ASSERT_TRUE(q.quote->apr_thousandths);
  const std::string apr = apr_text(*q.quote, Locale::en_US);
  EXPECT_EQ(apr, rate_text(*q.quote->apr_thousandths, RateUnit::thousandths, Locale::en_US));
  EXPECT_NE(disclosure_text(*q.quote, Locale::en_US).find("Annual percentage rate: " + apr + "\n"), std::string::npos);
  const QuoteResult s = quote_plan(settlement_request(100000, 60000, 1, ymd(2026, 4, 1)));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(apr_text(*s.quote, Locale::en_US), "not applicable");
}

}  // namespace
}  // namespace parley::plans
