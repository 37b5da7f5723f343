// APR by the actuarial method of Regulation Z Appendix J: unit-period counting and reference APRs.
//
// Reference figures were recomputed independently (a bisection solve of the same equation in Python, exact
// fractions for the schedules) before being written here.
#include "parley/plans/apr.h"

#include <gtest/gtest.h>

#include "plan_support.h"

namespace parley::plans {
namespace {

using testing::ymd;

std::vector<AprPayment> level(std::int64_t amount, int n, Date first) {
  std::vector<AprPayment> out;
  for (int k = 0; k < n; ++k) out.push_back(AprPayment{amount, first.plus_months(k)});
  return out;
}

TEST(PlanApr, CountsMonthsBackFromThePaymentDate) {
  // 12 CFR 1026 App. J (b)(5)(iii): full months back from the later date, the remaining days over 30.
  EXPECT_EQ(unit_time_between(ymd(1978, 2, 10), ymd(1978, 4, 1), Frequency::monthly), (UnitTime{1, 19, 30}));
  EXPECT_EQ(unit_time_between(ymd(2026, 1, 31), ymd(2026, 2, 28), Frequency::monthly), (UnitTime{1, 0, 30}));
  EXPECT_EQ(unit_time_between(ymd(2026, 1, 10), ymd(2026, 1, 10), Frequency::monthly), (UnitTime{0, 0, 30}));
  EXPECT_EQ(unit_time_between(ymd(2026, 1, 10), ymd(2027, 1, 10), Frequency::monthly), (UnitTime{12, 0, 30}));
}

TEST(PlanApr, CountsSemimonthsAsThirtyDayMonthsOverFifteen) {
  // App. J (b)(5)(iv): 30 days per full month back, plus the remaining days, divided by 15.
  // 1978-03-10 to 1978-04-01: no full month, 22 days: 1 semimonth and 7/15.
  EXPECT_EQ(unit_time_between(ymd(1978, 3, 10), ymd(1978, 4, 1), Frequency::semi_monthly), (UnitTime{1, 7, 15}));
  // 2026-01-01 to 2026-03-01: two full months = 60 days = 4 semimonths.
  EXPECT_EQ(unit_time_between(ymd(2026, 1, 1), ymd(2026, 3, 1), Frequency::semi_monthly), (UnitTime{4, 0, 15}));
}

TEST(PlanApr, CountsWeeksAndFortnightsInDays) {
  // App. J (b)(5)(v): days between the dates over the days of the unit period.
  EXPECT_EQ(unit_time_between(ymd(2026, 1, 1), ymd(2026, 1, 11), Frequency::weekly), (UnitTime{1, 3, 7}));
  EXPECT_EQ(unit_time_between(ymd(2026, 1, 1), ymd(2026, 1, 30), Frequency::fortnightly), (UnitTime{2, 1, 14}));
}

TEST(PlanApr, RegulationZAppendixJRegularFirstPeriod) {
  // 12 CFR 1026 App. J (c)(1) example (i): $5,000 advanced, 24 monthly payments of $230 starting one month
  // after the advance: APR 9.69 % (9.6857 % solved independently).
  const auto apr = actuarial_apr(500000, ymd(1978, 1, 10), level(23000, 24, ymd(1978, 2, 10)), Frequency::monthly);
  ASSERT_TRUE(apr);
  EXPECT_EQ(*apr, 9686);
}

TEST(PlanApr, RegulationZAppendixJLongFirstPeriod) {
  // App. J (c)(1) example (ii): $6,000 advanced on 1978-02-10, 36 monthly payments of $200 from 1978-04-01:
  // t = 1 month and f = 19/30; APR 11.82 % (11.8165 % solved independently).
  const auto apr = actuarial_apr(600000, ymd(1978, 2, 10), level(20000, 36, ymd(1978, 4, 1)), Frequency::monthly);
  ASSERT_TRUE(apr);
  EXPECT_EQ(*apr, 11817);
}

TEST(PlanApr, AddOnInterestCostsMoreThanItsNominalRate) {
  // $1,200 at 12 % add-on for a year: 12 payments of $112.00; the actuarial APR is 21.457 %.
  const auto apr = actuarial_apr(120000, ymd(2026, 1, 15), level(11200, 12, ymd(2026, 2, 15)), Frequency::monthly);
  ASSERT_TRUE(apr);
  EXPECT_EQ(*apr, 21457);
}

TEST(PlanApr, NoFinanceChargeIsZeroAndImpossibleStreamsHaveNone) {
  EXPECT_EQ(actuarial_apr(120000, ymd(2026, 1, 15), level(10000, 12, ymd(2026, 2, 15)), Frequency::monthly), 0);
  EXPECT_FALSE(actuarial_apr(120000, ymd(2026, 1, 15), level(9000, 12, ymd(2026, 2, 15)), Frequency::monthly));
  EXPECT_FALSE(actuarial_apr(0, ymd(2026, 1, 15), level(9000, 12, ymd(2026, 2, 15)), Frequency::monthly));
  EXPECT_FALSE(actuarial_apr(100, ymd(2026, 1, 15), {}, Frequency::monthly));
  EXPECT_FALSE(actuarial_apr(100, ymd(2026, 1, 15), {AprPayment{-5, ymd(2026, 2, 1)}}, Frequency::monthly));
}

TEST(PlanApr, AShorterWaitForTheSameMoneyIsACostlierLoan) {
  const Date advance = ymd(2026, 1, 15);
  const auto late = actuarial_apr(100000, advance, {AprPayment{110000, ymd(2027, 1, 15)}}, Frequency::monthly);
  const auto early = actuarial_apr(100000, advance, {AprPayment{110000, ymd(2026, 7, 15)}}, Frequency::monthly);
  ASSERT_TRUE(late && early);
  // 10 % after 12 months; App. J compounds monthly: 12 x (1.1^(1/12) - 1) = 9.569 %.
  EXPECT_EQ(*late, 9569);
  EXPECT_GT(*early, *late);
}

}  // namespace
}  // namespace parley::plans

namespace parley::plans {
namespace {

// The month count by the definition, stepping back with Date::plus_months, for comparison with the fast count.
UnitTime monthly_by_definition(Date from, Date to) {
  auto back = [&](int n) {
    const Date b = to.plus_months(-n);
    if (to.day() != days_in_month(to.year(), to.month())) return b;
    return b.plus_days(days_in_month(b.year(), b.month()) - b.day());
  };
  int m = 0;
  while (back(m + 1) >= from) ++m;
  return UnitTime{m, back(m) - from, 30};
}

TEST(PlanApr, MonthCountMatchesItsDefinitionOnRandomDates) {
  testing::SplitMix64 rng(3);
  for (int k = 0; k < 20000; ++k) {
    const Date from = Date::from_days(static_cast<std::int32_t>(rng.between(-200000, 200000)));
    const Date to = from.plus_days(static_cast<std::int32_t>(rng.between(1, k % 10 == 0 ? 20000 : 400)));
    ASSERT_EQ(unit_time_between(from, to, Frequency::monthly), monthly_by_definition(from, to))
        << from.iso() << " to " << to.iso();
  }
}

}  // namespace
}  // namespace parley::plans
