// Plan quotes: reference amortisation cases, the three interest rules, dates, fees, settlements, bad input.
//
// Reference figures were recomputed independently in Python with exact fractions and the same rounding rule
// (interest per period rounded half-even) before being written here.
#include "parley/plans/plan.h"

#include <gtest/gtest.h>

#include "../calendar/embedded_calendars.h"
#include "plan_support.h"

namespace parley::plans {
namespace {

using testing::expect_consistent;
using testing::plan_request;
using testing::settlement_request;
using testing::usd;
using testing::ymd;

PlanRequest amortised(std::int64_t owed, int rate_bp, int n, Date today) {
  PlanRequest r = plan_request(owed, n, today);
  r.plan->interest = InterestMethod::amortised;
  r.plan->annual_rate_bp = rate_bp;
  return r;
}

Quote must_quote(const PlanRequest& r, const Calendar* calendar = nullptr) {
  QuoteResult result = quote_plan(r, calendar);
  for (const Problem& p : result.problems) ADD_FAILURE() << p.text();
  EXPECT_TRUE(result.ok());
  return result.quote.value_or(Quote{});
}

bool has_problem(const QuoteResult& result, std::string_view path) {
  for (const Problem& p : result.problems) {
    if (p.path == path) return true;
  }
  return false;
}

TEST(PlanQuote, RegulationZBackgroundAmortisationCase) {
  // Federal Reserve, Regulation Z background and summary: $2,500 at 14 % simple interest repaid in 25 equal
  // monthly payments from one month after consummation: $115.87 a month.
  const Quote q = must_quote(amortised(250000, 1400, 25, ymd(2026, 1, 10)));
  expect_consistent(q, "2500 at 14%");
  EXPECT_EQ(q.regular_instalment, usd(11587));
  EXPECT_EQ(q.final_instalment, usd(11589));  // the final payment takes the rounding of 25 periods
  EXPECT_EQ(q.totals.interest, usd(39677));
  EXPECT_EQ(q.totals.total_of_payments, usd(289677));
  EXPECT_EQ(q.apr_thousandths, 14001);  // the note rate, to the rounding of the cents
}

TEST(PlanQuote, TextbookThirtyYearMortgagePayment) {
  // The textbook level payment of $200,000 at 6 % over 360 months: $1,199.10.
  const Quote q = must_quote(amortised(20000000, 600, 360, ymd(2026, 1, 1)));
  expect_consistent(q, "200000 at 6%");
  EXPECT_EQ(q.instalments, 360);
  EXPECT_EQ(q.regular_instalment, usd(119910));
  EXPECT_EQ(q.final_instalment, usd(120014));
  EXPECT_EQ(q.totals.interest, usd(23167704));
  EXPECT_EQ(q.term_months, 360);
  EXPECT_EQ(q.apr_thousandths, 6000);
}

TEST(PlanQuote, TextbookThreeYearLoanPayment) {
  // $10,000 at 5 % over 36 months: $299.71 (standard annuity tables).
  const Quote q = must_quote(amortised(1000000, 500, 36, ymd(2026, 3, 5)));
  expect_consistent(q, "10000 at 5%");
  EXPECT_EQ(q.regular_instalment, usd(29971));
  EXPECT_EQ(q.final_instalment, usd(29969));
  EXPECT_EQ(q.totals.interest, usd(78954));
  EXPECT_EQ(q.apr_thousandths, 5000);
}

TEST(PlanQuote, FromAnAffordableAmountTheShortestPlan) {
  PlanRequest r = plan_request(123712, 1, ymd(2026, 4, 1));
  r.plan->instalments.reset();
  r.plan->instalment_amount = usd(5000);
  const Quote q = must_quote(r);
  expect_consistent(q, "affordable");
  EXPECT_EQ(q.instalments, 25);
  EXPECT_EQ(q.regular_instalment, usd(5000));
  EXPECT_EQ(q.final_instalment, usd(3712));
  EXPECT_EQ(q.apr_thousandths, 0);

  // Amortised: an affordable amount gives the shortest schedule it repays, with a smaller last payment.
  r.plan->interest = InterestMethod::amortised;
  r.plan->annual_rate_bp = 1200;
  const Quote a = must_quote(r);
  expect_consistent(a, "affordable amortised");
  EXPECT_EQ(a.instalments, 29);  // n = -ln(1 - 1237.12 x 1 % / 50) / ln(1.01) = 28.57
  EXPECT_EQ(a.regular_instalment, usd(5000));
  EXPECT_LE(a.final_instalment, usd(5000));
}

TEST(PlanQuote, FromATermTheInstalment) {
  const Quote q = must_quote(plan_request(100000, 3, ymd(2026, 4, 1)));
  EXPECT_EQ(q.regular_instalment, usd(33334));
  EXPECT_EQ(q.final_instalment, usd(33332));
  // A balance that does not fill n ceil-sized payments: floor, with the rest on the last one.
  const Quote small = must_quote(plan_request(5, 4, ymd(2026, 4, 1)));
  expect_consistent(small, "5 cents in 4");
  EXPECT_EQ(small.regular_instalment, usd(1));
  EXPECT_EQ(small.final_instalment, usd(2));
}

TEST(PlanQuote, AddOnInterestIsChargedOnTheWholeTerm) {
  // $1,200 at 12 % add-on over 12 months: $144.00 interest, 12 payments of $112.00, APR 21.457 %.
  PlanRequest r = plan_request(120000, 12, ymd(2026, 1, 15));
  r.plan->interest = InterestMethod::simple;
  r.plan->annual_rate_bp = 1200;
  const Quote q = must_quote(r);
  expect_consistent(q, "add-on");
  EXPECT_EQ(q.totals.interest, usd(14400));
  EXPECT_EQ(q.regular_instalment, usd(11200));
  EXPECT_EQ(q.final_instalment, usd(11200));
  EXPECT_EQ(q.schedule[0].interest, usd(1200));
  EXPECT_EQ(q.apr_thousandths, 21457);
}

TEST(PlanQuote, IrregularFirstPeriodCarriesItsInterest) {
  // First payment 1 month and 15 days after the quote date: the first period's interest is 1.5 periods' worth.
  PlanRequest r = amortised(1200000, 1200, 12, ymd(2026, 1, 1));
  r.plan->first_payment = ymd(2026, 2, 16);
  const Quote q = must_quote(r);
  expect_consistent(q, "long first period");
  // Half a period on 12,000.00 (60.00), then a whole period on 12,060.00 (120.60).
  EXPECT_EQ(q.schedule[0].interest, usd(18060));
  EXPECT_EQ(q.schedule[1].interest.minor(), (1200000 - q.schedule[0].principal.minor() + 50) / 100);
  ASSERT_TRUE(q.apr_thousandths);
  EXPECT_NEAR(*q.apr_thousandths, 12000, 10);  // interest for the time used: the APR stays at the note rate
}

TEST(PlanQuote, SemiMonthlyDatesPairTheDayWithFifteenDaysLater) {
  EXPECT_EQ(scheduled_date(ymd(2026, 1, 1), Frequency::semi_monthly, 1), ymd(2026, 1, 16));
  EXPECT_EQ(scheduled_date(ymd(2026, 1, 15), Frequency::semi_monthly, 1), ymd(2026, 1, 30));
  EXPECT_EQ(scheduled_date(ymd(2026, 1, 15), Frequency::semi_monthly, 2), ymd(2026, 2, 15));
  EXPECT_EQ(scheduled_date(ymd(2026, 1, 15), Frequency::semi_monthly, 3), ymd(2026, 2, 28));
  EXPECT_EQ(scheduled_date(ymd(2026, 1, 31), Frequency::semi_monthly, 1), ymd(2026, 2, 16));
  EXPECT_EQ(scheduled_date(ymd(2026, 1, 31), Frequency::semi_monthly, 2), ymd(2026, 2, 28));
  EXPECT_EQ(scheduled_date(ymd(2026, 1, 31), Frequency::semi_monthly, 4), ymd(2026, 3, 31));
  EXPECT_EQ(scheduled_date(ymd(2026, 1, 31), Frequency::monthly, 1), ymd(2026, 2, 28));
  EXPECT_EQ(scheduled_date(ymd(2026, 1, 31), Frequency::monthly, 2), ymd(2026, 3, 31));
  EXPECT_EQ(scheduled_date(ymd(2026, 1, 5), Frequency::fortnightly, 2), ymd(2026, 2, 2));
  EXPECT_EQ(scheduled_date(ymd(2026, 1, 5), Frequency::weekly, 3), ymd(2026, 1, 26));
}

TEST(PlanQuote, TermsInMonths) {
  EXPECT_EQ(term_months(12, Frequency::monthly), 12);
  EXPECT_EQ(term_months(52, Frequency::weekly), 12);
  EXPECT_EQ(term_months(53, Frequency::weekly), 13);
  EXPECT_EQ(term_months(25, Frequency::semi_monthly), 13);
  EXPECT_EQ(max_instalments_in(12, Frequency::weekly), 52);
  EXPECT_EQ(max_instalments_in(12, Frequency::fortnightly), 26);
  EXPECT_EQ(max_instalments_in(6, Frequency::semi_monthly), 12);
}

TEST(PlanQuote, DownPaymentSetupAndConvenienceFees) {
  PlanRequest r = plan_request(100000, 4, ymd(2026, 4, 1));
  r.plan->down_payment = usd(20000);
  r.plan->setup_fee = usd(2500);
  r.method = PaymentMethod::card;
  r.convenience_fee = usd(300);
  const Quote q = must_quote(r);
  expect_consistent(q, "fees");
  ASSERT_EQ(q.schedule.size(), 5U);
  EXPECT_EQ(q.schedule[0].kind, RowKind::down_payment);
  EXPECT_EQ(q.schedule[0].due, ymd(2026, 4, 1));
  EXPECT_EQ(q.schedule[0].amount, usd(20300));
  EXPECT_EQ(q.schedule[0].balance_after, usd(80000));
  EXPECT_EQ(q.schedule[1].fees, usd(2800));  // convenience fee and the set-up fee
  EXPECT_EQ(q.schedule[1].amount, usd(22800));
  EXPECT_EQ(q.schedule[2].fees, usd(300));
  EXPECT_EQ(q.totals.fees, usd(300 * 5 + 2500));
  EXPECT_EQ(q.totals.finance_charge, q.totals.fees);
  EXPECT_EQ(q.totals.amount_financed, usd(80000 - 300));  // the down payment's fee is paid at the start
  EXPECT_EQ(q.totals.total_of_payments.minor(),
            q.totals.amount_financed.minor() + q.totals.finance_charge.minor());
  ASSERT_TRUE(q.apr_thousandths);
  EXPECT_GT(*q.apr_thousandths, 0);
}

TEST(PlanQuote, SettlementInSeveralPayments) {
  const Quote q = must_quote(settlement_request(100000, 60001, 3, ymd(2026, 4, 1)));
  expect_consistent(q, "settlement");
  EXPECT_EQ(q.kind, PlanKind::settlement);
  EXPECT_EQ(q.instalments, 3);
  EXPECT_EQ(q.regular_instalment, usd(20001));
  EXPECT_EQ(q.final_instalment, usd(19999));
  EXPECT_EQ(q.totals.forgiven, usd(39999));
  EXPECT_FALSE(q.apr_thousandths);
  EXPECT_EQ(q.schedule[0].due, ymd(2026, 4, 8));
  EXPECT_EQ(q.schedule[2].due, ymd(2026, 6, 8));
}

TEST(PlanQuote, DueDatesRollOffHolidaysAndWeekends) {
  const Calendar us = parley::testdata::shipped_calendar("US-FEDERAL");
  ASSERT_EQ(us.id, "US-FEDERAL");
  PlanRequest r = plan_request(30000, 3, ymd(2026, 11, 20));
  r.plan->first_payment = ymd(2026, 12, 25);  // Christmas Day, a Friday
  r.day_roll = DayRoll::following;
  r.calendar_id = "US-FEDERAL";
  const Quote q = must_quote(r, &us);
  expect_consistent(q, "rolled");
  EXPECT_EQ(q.schedule[0].scheduled, ymd(2026, 12, 25));
  EXPECT_EQ(q.schedule[0].due, ymd(2026, 12, 28));  // Monday
  EXPECT_EQ(q.schedule[1].due, ymd(2027, 1, 25));   // a Monday: unchanged
  EXPECT_EQ(q.schedule[2].scheduled, ymd(2027, 2, 25));
  EXPECT_EQ(q.schedule[2].due, ymd(2027, 2, 25));

  r.day_roll = DayRoll::preceding;
  const Quote back = must_quote(r, &us);
  EXPECT_EQ(back.schedule[0].due, ymd(2026, 12, 24));
  // Without a calendar the rule has nothing to roll against.
  EXPECT_EQ(must_quote(r).schedule[0].due, ymd(2026, 12, 25));
}

TEST(PlanQuote, ZeroRateMeansZeroInterestWhateverTheMethod) {
  for (InterestMethod method : {InterestMethod::simple, InterestMethod::amortised}) {
    PlanRequest r = plan_request(98765, 7, ymd(2026, 4, 1));
    r.plan->interest = method;
    const Quote q = must_quote(r);
    EXPECT_EQ(q.totals.interest, usd(0));
    EXPECT_EQ(q.apr_thousandths, 0);
  }
}

TEST(PlanQuote, BadInputComesBackAsProblemsWithPaths) {
  const Date today = ymd(2026, 4, 1);
  struct Case {
    const char* name;
    PlanRequest request;
    std::string_view path;
  };
  std::vector<Case> cases;
  auto add = [&](const char* name, std::string_view path, auto change) {
    PlanRequest r = plan_request(100000, 10, today);
    change(r);
    cases.push_back({name, r, path});
  };
  add("zero balance", "balance", [](PlanRequest& r) { r.balance.principal = usd(0); });
  add("negative balance part", "balance.principal", [](PlanRequest& r) { r.balance.principal = usd(-5); });
  add("paid off", "balance", [](PlanRequest& r) { r.balance.payments = usd(100000); });
  add("other currency", "balance.principal",
      [](PlanRequest& r) { r.balance.principal = Money(100000, Currency::find("EUR").value()); });
  add("zero instalments", "plan.instalments", [](PlanRequest& r) { r.plan->instalments = 0; });
  add("negative instalments", "plan.instalments", [](PlanRequest& r) { r.plan->instalments = -3; });
  add("too many instalments", "plan.instalments", [](PlanRequest& r) { r.plan->instalments = 5000; });
  add("zero amount", "plan.instalment_amount", [](PlanRequest& r) {
    r.plan->instalments.reset();
    r.plan->instalment_amount = usd(0);
  });
  add("negative amount", "plan.instalment_amount", [](PlanRequest& r) {
    r.plan->instalments.reset();
    r.plan->instalment_amount = usd(-100);
  });
  add("both sizes", "plan", [](PlanRequest& r) { r.plan->instalment_amount = usd(100); });
  add("tiny amount", "plan.instalment_amount", [](PlanRequest& r) {
    r.plan->instalments.reset();
    r.plan->instalment_amount = usd(1);
  });
  add("first date in the past", "plan.first_payment", [&](PlanRequest& r) { r.plan->first_payment = today.plus_days(-1); });
  add("first date today", "plan.first_payment", [&](PlanRequest& r) { r.plan->first_payment = today; });
  add("first date far away", "plan.first_payment",
      [&](PlanRequest& r) { r.plan->first_payment = today.plus_days(max_first_payment_days + 1); });
  add("negative rate", "plan.annual_rate_bp", [](PlanRequest& r) {
    r.plan->interest = InterestMethod::amortised;
    r.plan->annual_rate_bp = -1;
  });
  add("rate over 100 %", "plan.annual_rate_bp", [](PlanRequest& r) {
    r.plan->interest = InterestMethod::amortised;
    r.plan->annual_rate_bp = 10001;
  });
  add("rate without interest", "plan.annual_rate_bp", [](PlanRequest& r) { r.plan->annual_rate_bp = 500; });
  add("negative down payment", "plan.down_payment", [](PlanRequest& r) { r.plan->down_payment = usd(-1); });
  add("down payment of everything", "plan.down_payment", [](PlanRequest& r) { r.plan->down_payment = usd(100000); });
  add("negative fee", "convenience_fee", [](PlanRequest& r) { r.convenience_fee = usd(-1); });
  add("negative set-up fee", "plan.setup_fee", [](PlanRequest& r) { r.plan->setup_fee = usd(-1); });
  add("huge amount", "balance.principal", [](PlanRequest& r) { r.balance.principal = usd(max_plan_amount + 1); });
  add("neither kind", "", [](PlanRequest& r) { r.plan.reset(); });
  add("settlement above balance", "settlement.amount", [&](PlanRequest& r) {
    r.plan.reset();
    r.settlement = SettlementTerms{usd(100001), 1, Frequency::monthly, today};
  });
  add("settlement of all", "settlement.amount", [&](PlanRequest& r) {
    r.plan.reset();
    r.settlement = SettlementTerms{usd(100000), 1, Frequency::monthly, today};
  });
  add("settlement in the past", "settlement.first_payment", [&](PlanRequest& r) {
    r.plan.reset();
    r.settlement = SettlementTerms{usd(50000), 1, Frequency::monthly, today.plus_days(-1)};
  });
  add("settlement zero payments", "settlement.payments", [&](PlanRequest& r) {
    r.plan.reset();
    r.settlement = SettlementTerms{usd(50000), 0, Frequency::monthly, today};
  });
  add("bad policy share", "policy.settlement_floor_bp", [](PlanRequest& r) { r.policy.settlement_floor_bp = -1; });
  add("no currency", "currency", [](PlanRequest& r) { r.currency = Currency{}; });
  for (const Case& c : cases) {
    const QuoteResult result = quote_plan(c.request);
    EXPECT_FALSE(result.ok()) << c.name;
    EXPECT_TRUE(has_problem(result, c.path)) << c.name << ": expected a problem at '" << c.path << "'";
    for (const Problem& p : result.problems) EXPECT_FALSE(p.message.empty()) << c.name;
  }
}

TEST(PlanQuote, InstalmentBelowThePeriodInterestIsAProblem) {
  PlanRequest r = amortised(1000000, 2400, 1, ymd(2026, 4, 1));
  r.plan->instalments.reset();
  r.plan->instalment_amount = usd(20000);  // interest is $200.00 a month
  const QuoteResult result = quote_plan(r);
  EXPECT_FALSE(result.ok());
  EXPECT_TRUE(has_problem(result, "plan.instalment_amount"));
  r.plan->instalment_amount = usd(20001);
  const QuoteResult slow = quote_plan(r);  // one cent of principal at first: ln(20001) / ln(1.02) = 500 months
  ASSERT_TRUE(slow.ok());
  EXPECT_GE(slow.quote->instalments, 495);  // (each month's interest rounded half-even)
  EXPECT_LE(slow.quote->instalments, 510);
  r.plan->instalment_amount = usd(30000);
  EXPECT_TRUE(quote_plan(r).ok());
}

}  // namespace
}  // namespace parley::plans
