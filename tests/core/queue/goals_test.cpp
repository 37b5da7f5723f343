// Goals and commission: the shipped plan loads and a bad one is refused member by member; the month and the quarter;
// what each collector collected (payments net of reversals, credited to the desk the account was on), their
// promises kept and broken; and the commission worked by hand on and around the tier boundaries.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../contact_fixtures.h"
#include "embedded_goals.h"
#include "parley/queue/goals.h"

namespace parley {
namespace {

using contact_test::at;
using contact_test::day;
using contact_test::usd;

TEST(GoalPlan, TheShippedPlanLoads) {
  ASSERT_EQ(testdata::embedded_goals().size(), 1u);
  const GoalPlanLoad load = load_goal_plan(testdata::embedded_goals()[0].text);
  ASSERT_TRUE(load.problems.empty()) << load.problems.front().text();
  const GoalPlan& plan = *load.plan;
  EXPECT_EQ(plan.currency.code(), "USD");
  EXPECT_EQ(plan.period, GoalPeriod::month);
  EXPECT_EQ(plan.goal_of("u-collector-17"), usd(3000000));
  EXPECT_EQ(plan.goal_of("anyone else"), usd(2500000));
  ASSERT_EQ(plan.commission.tiers.size(), 2u);
}

TEST(GoalPlan, EachBadMemberIsNamed) {
  const GoalPlanLoad load = load_goal_plan(R"({"format": "parley-goals/1", "id": "a", "name": "A", "version": "1",
      "currency": "XYZ", "period": "week", "default_goal": -5,
      "goals": [{"collector": "u-1", "goal": 100}, {"collector": "u-1", "goal": 200}],
      "commission": {"flat_bp": 20000, "tiers": [{"from": 500, "rate_bp": 100}, {"from": 500, "rate_bp": 200}]}})");
  EXPECT_FALSE(load.plan);
  std::vector<std::string> texts;
  for (const Problem& p : load.problems) texts.push_back(p.text());
  EXPECT_EQ(texts, (std::vector<std::string>{
                       "currency: is not a supported ISO 4217 currency",
                       "period: must be \"month\" or \"quarter\"",
                       "default_goal: must be between 0 and 9007199254740991",
                       "goals[1].collector: repeats the collector of goals[0]",
                       "commission.flat_bp: must be between 0 and 10000",
                       "commission.tiers[1].from: must be more than tiers[0].from",
                   }));
}

TEST(GoalPlan, TheMonthAndTheQuarterOfADay) {
  EXPECT_EQ(goal_period(GoalPeriod::month, day("2026-02-14")), (DateRange{day("2026-02-01"), day("2026-02-28")}));
  EXPECT_EQ(goal_period(GoalPeriod::quarter, day("2026-02-14")), (DateRange{day("2026-01-01"), day("2026-03-31")}));
  EXPECT_EQ(goal_period(GoalPeriod::quarter, day("2026-12-31")), (DateRange{day("2026-10-01"), day("2026-12-31")}));
}

// Flat 2 % of everything, 1 % more from $10,000.00 and 3 % more from $25,000.00 (the shipped plan's rates).
TEST(GoalPlan, CommissionOnAndAroundTheTierBoundaries) {
  const CommissionPlan plan{200, {{1000000, 100}, {2500000, 300}}};
  EXPECT_EQ(commission(plan, usd(0)), usd(0));
  EXPECT_EQ(commission(plan, usd(-5000)), usd(0));      // reversals beyond payments: nothing, not a charge
  EXPECT_EQ(commission(plan, usd(999999)), usd(20000));  // 19,999.98 rounds to 20,000
  EXPECT_EQ(commission(plan, usd(1000000)), usd(20000));
  EXPECT_EQ(commission(plan, usd(1000050)), usd(20002));  // 20,001.00 + 0.50 = 20,001.50, half up
  EXPECT_EQ(commission(plan, usd(2500000)), usd(65000));  // 50,000 + 1 % of 1,500,000
  EXPECT_EQ(commission(plan, usd(3000000)), usd(90000));  // 60,000 + 15,000 + 3 % of 500,000
  // Exact for the largest amounts: no overflow.
  const std::int64_t huge = 9000000000000000;
  EXPECT_EQ(commission(CommissionPlan{10000, {}}, usd(huge)), usd(huge));
}

class GoalNumbers : public contact_test::AccountJournalTest {
 protected:
  GoalNumbers() : AccountJournalTest(0x0190f3a1b2c3d500ull) { client.policy.promise_grace_days = 2; }
  PeriodNumbers numbers(const char* today) {
    PeriodNumbers n(goal_period(GoalPeriod::month, day(today)), day(today), usd(0).currency());
    n.add(state());
    return n;
  }
  // A payment posted by the device's collector: taken on a call through a processor, or from elsewhere (a file).
  EventId pay(std::int64_t cents, const char* on, const char* recorded, bool on_a_call = true) {
    const AccountState s = state();
    PaymentPosted p{usd(cents), day(on), PaymentMethod::card, allocate(s.balance.owed, usd(cents), s.waterfall()), "R"};
    if (on_a_call) p.instrument = PaymentInstrument{InstrumentKind::card, "4242", "sandbox", "tok", "ch-1"};
    return record_one(p, recorded);
  }
};

// The device's collector (u-collector-17) takes $100.00 on a call on 03-02 while the account is on no desk; a
// processor's file brings $10.00 on 03-03, nobody's; the account then moves to u-other's desk, which is credited
// with $50.00 from a file on 03-10; the first payment is returned on 03-12 and a February payment does not count.
TEST_F(GoalNumbers, PaymentsNetOfReversalsGoToTheDeskTheyCameIn) {
  pay(3000, "2026-02-27", "2026-02-27T15:00:00Z");
  const EventId first = pay(10000, "2026-03-02", "2026-03-02T15:00:00Z");
  pay(1000, "2026-03-03", "2026-03-03T15:00:00Z", false);
  record_one(AccountAssigned{"u-other", ""}, "2026-03-05T15:00:00Z");
  pay(5000, "2026-03-10", "2026-03-10T15:00:00Z", false);
  record_one(PaymentReversed{first, ReversalReason::returned, day("2026-03-12")}, "2026-03-12T15:00:00Z");

  const PeriodNumbers march = numbers("2026-03-15");
  const CollectorNumbers* mine = march.of("u-collector-17");
  ASSERT_NE(mine, nullptr);
  EXPECT_EQ(mine->payments, 1);
  EXPECT_EQ(mine->reversals, 1);
  EXPECT_EQ(mine->collected, usd(0));
  ASSERT_EQ(mine->by_day.size(), 15u);  // 03-01 .. 03-15
  EXPECT_EQ(mine->by_day[0], usd(0));
  EXPECT_EQ(mine->by_day[1], usd(10000));   // 03-02
  EXPECT_EQ(mine->by_day[10], usd(10000));  // 03-11
  EXPECT_EQ(mine->by_day[11], usd(0));      // 03-12: returned
  const CollectorNumbers* other = march.of("u-other");
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(other->collected, usd(5000));
  EXPECT_EQ(other->reversals, 0);
  EXPECT_EQ(march.no_collector(), 1);
  EXPECT_EQ(march.collectors().size(), 2u);
  // A collector the plan gives a goal is listed with nothing yet.
  PeriodNumbers listed = numbers("2026-03-15");
  listed.include_goals(GoalPlan{"p", "P", "1", usd(0).currency(), GoalPeriod::month, 0, {{"u-new", 100}}, {}});
  ASSERT_NE(listed.of("u-new"), nullptr);
  EXPECT_EQ(listed.of("u-new")->collected, usd(0));
  EXPECT_EQ(listed.of("u-other")->collected, usd(5000));
  // Two accounts' figures merged are the sum of each.
  PeriodNumbers twice = numbers("2026-03-15");
  twice.merge(march);
  EXPECT_EQ(twice.of("u-other")->collected, usd(10000));
  EXPECT_EQ(twice.of("u-other")->by_day[9], usd(10000));  // 03-10
  EXPECT_EQ(twice.of("u-collector-17")->payments, 2);
  // As of 03-11, the return has not happened yet.
  EXPECT_EQ(numbers("2026-03-11").of("u-collector-17")->collected, usd(10000));
  // February's figures: the payment of 02-27 only.
  EXPECT_EQ(numbers("2026-02-28").of("u-collector-17")->collected, usd(3000));
}

// Promises made in the period by their maker, kept or broken as of the day (two days' grace).
TEST_F(GoalNumbers, PromisesKeptAndBrokenByTheirMaker) {
  record_one(PromiseMade{usd(4000), day("2026-03-05")}, "2026-03-02T15:00:00Z");
  record_one(PromiseMade{usd(2000), day("2026-03-20")}, "2026-03-03T15:00:00Z");
  pay(2000, "2026-03-18", "2026-03-18T15:00:00Z");  // keeps the second; the first broke on 03-08
  const PeriodNumbers march = numbers("2026-03-21");
  const CollectorNumbers* mine = march.of("u-collector-17");
  ASSERT_NE(mine, nullptr);
  EXPECT_EQ(mine->promises_made, 2);
  EXPECT_EQ(mine->promises_kept, 1);
  EXPECT_EQ(mine->promises_broken, 1);
  EXPECT_EQ(numbers("2026-03-07").of("u-collector-17")->promises_broken, 0);  // still in its grace days
}

}  // namespace
}  // namespace parley
