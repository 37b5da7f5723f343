// The desk: facts read from the fold, the risk tier and the score by the shipped standard strategy worked by hand,
// the order (a callback due now beats a higher score), and get-next, which skips an account compliance blocks and
// says why and when it becomes callable.
#include <gtest/gtest.h>

#include <vector>

#include "../compliance/embedded_rules.h"
#include "../contact_fixtures.h"
#include "embedded_strategies.h"
#include "parley/compliance/check.h"
#include "parley/plans/plan_json.h"
#include "parley/plans/policy_check.h"
#include "parley/queue/desk.h"

namespace parley {
namespace {

using contact_test::at;
using contact_test::day;
using contact_test::usd;

class Desk : public contact_test::AccountJournalTest {
 protected:
  Desk() : AccountJournalTest(0x0190f3a1b2c3d4f0ull) {
    account.first_delinquency = day("2025-12-01");  // 90 days past due on 2026-03-01
    account.placed = day("2026-01-01");
    client.policy.promise_grace_days = 2;
  }
  const Strategy& standard() const { return *strategies.for_client(account.client_id); }
  Priority priority(Instant now) const {
    return prioritise(standard(), desk_facts(state(), now.utc_date(), now, calendars), 0, now.utc_date(), now);
  }
  int points(const Priority& p, ScoreFactor f) const { return p.points[static_cast<int>(f)]; }

  StrategySet strategies = testdata::shipped_strategies();
  CalendarSet calendars;  // the tests' plans name no holiday calendar
};

// A-1 as placed: medium risk from the client (15 points) and never reached while 90 days past due (10): 25, medium.
// Score: medium 200, balance 1,460.50 -> 14, 90 days past due -> 30, never contacted 60: 304.
TEST_F(Desk, AFreshAccountIsScoredByHand) {
  const Instant now = at("2026-03-01T14:00:00Z");
  const Priority p = priority(now);
  EXPECT_EQ(p.risk.tier, RiskTier::medium);
  EXPECT_EQ(p.risk.points, 25);
  EXPECT_EQ(p.risk.reasons(standard()),
            (std::vector<std::string_view>{"the client placed it as medium risk",
                                           "no right-party contact in 60 days and 60 or more days past due"}));
  EXPECT_EQ(points(p, ScoreFactor::tier), 200);
  EXPECT_EQ(points(p, ScoreFactor::balance), 14);
  EXPECT_EQ(points(p, ScoreFactor::days_past_due), 30);
  EXPECT_EQ(points(p, ScoreFactor::never_contacted), 60);
  EXPECT_EQ(p.score, 304);
  // An account without events gets the same facts from its placement as from its fold.
  EXPECT_EQ(desk_facts(account, now.utc_date(), now), desk_facts(state(), now.utc_date(), now, calendars));
}

// A promise due 2026-03-03 with 2 days' grace is open through 03-05 and broken from 03-06: while due it adds
// promise_due (250); broken, the tier rises by 20 risk points to high (45) and the follow-up adds 200 for 14 days.
TEST_F(Desk, ABrokenPromiseRaisesTheTierAndItsFollowUp) {
  record_one(PromiseMade{usd(20000), day("2026-03-03")}, "2026-03-01T14:00:00Z");
  const Priority before = priority(at("2026-03-02T14:00:00Z"));
  EXPECT_EQ(points(before, ScoreFactor::promise_due), 0);
  const Priority due = priority(at("2026-03-05T14:00:00Z"));
  EXPECT_EQ(points(due, ScoreFactor::promise_due), 250);
  EXPECT_EQ(due.risk.tier, RiskTier::medium);
  const Priority broken = priority(at("2026-03-06T14:00:00Z"));
  EXPECT_EQ(points(broken, ScoreFactor::promise_due), 0);
  EXPECT_EQ(points(broken, ScoreFactor::promise_broken), 200);
  EXPECT_EQ(broken.risk.points, 45);
  EXPECT_EQ(broken.risk.tier, RiskTier::high);
  EXPECT_EQ(points(broken, ScoreFactor::tier), 300);
  EXPECT_EQ(points(priority(at("2026-03-19T14:00:00Z")), ScoreFactor::promise_broken), 200);
  EXPECT_EQ(points(priority(at("2026-03-20T14:00:00Z")), ScoreFactor::promise_broken), 0);
}

// A right-party contact at 18:30 in Cambridge (23:30Z in winter) makes 18:00 the next day a best time (within 60
// minutes), not 10:00; the call itself rests the account for 20 hours (-150), and refusing moves the tier up.
TEST_F(Desk, PastRightPartyContactsGiveTheBestTimeAndRecentCallsRest) {
  const EventId call = record_one(
      ContactAttempted{"P-1", ContactChannel::phone, "+16175550123", ContactDirection::outbound},
      "2026-03-02T23:30:00Z");
  record_one(OutcomeRecorded{call, ContactOutcome::refused, true}, "2026-03-02T23:35:00Z");
  const Priority soon = priority(at("2026-03-03T10:00:00Z"));
  EXPECT_EQ(points(soon, ScoreFactor::recent_contact), -150);
  EXPECT_EQ(points(soon, ScoreFactor::never_contacted), 0);
  EXPECT_EQ(points(soon, ScoreFactor::last_outcome), -40);
  EXPECT_EQ(soon.risk.points, 30);  // placed medium 15, refused 15; reached, so not "unreached"
  const Priority evening = priority(at("2026-03-03T23:00:00Z"));
  EXPECT_EQ(points(evening, ScoreFactor::recent_contact), 0);
  EXPECT_EQ(points(evening, ScoreFactor::best_time), 50);
  EXPECT_EQ(points(priority(at("2026-03-04T15:00:00Z")), ScoreFactor::best_time), 0);
}

// Timed callbacks come first from their time, earliest first, whatever the scores; before its time a callback
// counts only by its score.
TEST(DeskOrder, ACallbackDueNowBeatsAHigherScore) {
  const Instant now = at("2026-03-03T15:00:00Z");
  std::vector<Priority> desk(5);
  desk[0].account = 0, desk[0].score = 900;
  desk[1].account = 1, desk[1].score = 100, desk[1].callback = at("2026-03-03T14:55:00Z");
  desk[2].account = 2, desk[2].score = 950, desk[2].callback = at("2026-03-03T16:00:00Z");  // not yet due
  desk[3].account = 3, desk[3].score = 50, desk[3].callback = at("2026-03-03T14:00:00Z");
  desk[4].account = 4, desk[4].score = 900, desk[4].days_past_due = 200;  // ties with 0: older first
  order_desk(desk, now);
  std::vector<std::uint32_t> order;
  for (const Priority& p : desk) order.push_back(p.account);
  EXPECT_EQ(order, (std::vector<std::uint32_t>{3, 1, 2, 4, 0}));
}

// get-next walks the desk: A-1 (ceased) is skipped with the cease rule and no time that clears it; A-2 is next. At
// 22:00 in Cambridge both are skipped, and each says when it becomes callable: 08:00 local.
TEST_F(Desk, GetNextSkipsABlockedAccountAndSaysWhy) {
  record_one(CeaseRequested{"P-1", CeaseScope::all, {}}, "2026-03-01T14:00:00Z");
  Account other = account;
  other.id = "A-2";
  other.balance.principal = usd(50000);  // a lower score than A-1
  const RuleBook book = testdata::shipped_rule_book();
  const AccountState ceased = state();
  const AccountState fresh = placement_state(other, &client);
  const std::vector<const AccountState*> folds = {&ceased, &fresh};

  const auto desk_at = [&](Instant now) {
    std::vector<Priority> desk;
    for (std::uint32_t i = 0; i < folds.size(); ++i) {
      desk.push_back(
          prioritise(standard(), desk_facts(*folds[i], now.utc_date(), now, calendars), i, now.utc_date(), now));
    }
    order_desk(desk, now);
    return desk;
  };
  const auto may_call_at = [&](Instant now) {
    return [&, now](std::uint32_t i) {
      const Party& debtor = *folds[i]->account->debtor();
      return call_decision(*folds[i], debtor, [&](std::string_view number) {
        return check(*folds[i], debtor, ContactChannel::phone, number, now, book);
      });
    };
  };

  const Instant morning = at("2026-03-02T15:00:00Z");
  const std::vector<Priority> desk = desk_at(morning);
  ASSERT_EQ(desk[0].account, 0u);
  const NextAccount next = next_account(desk, may_call_at(morning));
  EXPECT_EQ(next.account, 1u);
  EXPECT_EQ(next.position, 1u);
  ASSERT_EQ(next.skipped.size(), 1u);
  EXPECT_EQ(next.skipped[0].account, 0u);
  EXPECT_TRUE(next.skipped[0].decision.blocked_by("us-cease-communication"));
  EXPECT_EQ(next.skipped[0].decision.next_allowed, std::nullopt);

  const Instant night = at("2026-03-03T03:00:00Z");
  const NextAccount none = next_account(desk_at(night), may_call_at(night));
  EXPECT_EQ(none.account, std::nullopt);
  EXPECT_EQ(none.position, 2u);
  ASSERT_EQ(none.skipped.size(), 2u);
  EXPECT_EQ(none.skipped[1].account, 1u);
  EXPECT_TRUE(none.skipped[1].decision.blocked_by("us-convenient-hours"));
  EXPECT_EQ(none.skipped[1].decision.next_allowed, at("2026-03-03T13:00:00Z"));
}

// A call goes to a number: the first of the debtor's numbers that check() allows; when the only number is marked
// bad there is none, and the account says so rather than pass as callable.
TEST_F(Desk, ACallNeedsANumberThatMayBeCalled) {
  const RuleBook book = testdata::shipped_rule_book();
  const Instant morning = at("2026-03-02T15:00:00Z");
  std::string number;
  const auto decide = [&](const AccountState& s) {
    return call_decision(
        s, *account.debtor(),
        [&](std::string_view point) {
          return check(s, *account.debtor(), ContactChannel::phone, point, morning, book);
        },
        &number);
  };
  EXPECT_TRUE(decide(state()).allowed);
  EXPECT_EQ(number, "+16175550123");
  record_one(ContactPointUpdated{"P-1", ContactPointKind::phone, "+16175550123", ContactStatus::bad},
             "2026-03-01T14:00:00Z");
  const Decision none = decide(state());
  EXPECT_FALSE(none.allowed);
  EXPECT_TRUE(none.blocked_by(no_callable_number));
  EXPECT_EQ(none.reasons[0].words, "No number of Dana Reyes may be called: each is marked bad or wrong number.");
  EXPECT_EQ(none.next_allowed, std::nullopt);
}

// get-next's question for a collector: an account on another collector's desk is passed over; its own collector,
// or a host that names none, is asked about the debtor's numbers.
TEST_F(Desk, AnAccountOnAnotherDeskIsPassedOver) {
  const RuleBook book = testdata::shipped_rule_book();
  const Instant morning = at("2026-03-02T15:00:00Z");
  record_one(AccountAssigned{"u-other", ""}, "2026-03-01T14:00:00Z");
  const auto ask = [&](std::string_view collector) {
    const AccountState s = state();
    return next_call_decision(s, collector, [&](const Party& debtor, std::string_view number) {
      return check(s, debtor, ContactChannel::phone, number, morning, book);
    });
  };
  const Decision mine = ask("u-me");
  EXPECT_TRUE(mine.blocked_by(other_desk));
  EXPECT_EQ(mine.reasons[0].words, "The account is on the desk of u-other.");
  EXPECT_TRUE(ask("u-other").allowed);
  EXPECT_TRUE(ask("").allowed);
}

// The shipped "unreached" rule: no right-party contact in the 120 days since placement and 180 or more days past
// due. Placed 2026-01-01 (the fixture's), delinquent since 2025-12-01: 120 days placed on 2026-05-01, 180 days past
// due on 2026-05-30, the first day it holds. Recorded, it does not fire again.
TEST_F(Desk, AnEscalationRuleFiresOnTheDayItFirstHoldsAndOnce) {
  const auto due = [&](const char* iso) {
    const Instant now = at(iso);
    const AccountState s = state();
    return escalation_due(standard(), desk_facts(s, now.utc_date(), now, calendars), now);
  };
  EXPECT_EQ(due("2026-05-29T15:00:00Z"), nullptr);
  const EscalationRule* rule = due("2026-05-30T15:00:00Z");
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(rule->id, "unreached");
  EXPECT_EQ(rule->to, EscalationTarget::hard_collections);
  const Escalated e = escalation_of(*rule);
  EXPECT_EQ(e.to, EscalationTarget::hard_collections);
  EXPECT_EQ(e.reason, "unreached: no right-party contact in the 120 days since placement, 180 or more days past due");
  record_one(e, "2026-05-30T15:00:00Z");
  EXPECT_EQ(due("2026-05-30T15:05:00Z"), nullptr);
  EXPECT_EQ(due("2026-06-30T15:00:00Z"), nullptr);
}

// A right-party contact on 2026-04-01 puts the rule off to 120 days after it: 2026-07-30.
TEST_F(Desk, ARightPartyContactPutsTheEscalationOff) {
  const EventId call = record_one(ContactAttempted{"P-1", ContactChannel::phone, "+16175550123",
                                                   ContactDirection::outbound},
                                  "2026-04-01T15:00:00Z");
  record_one(OutcomeRecorded{call, ContactOutcome::right_party_contact, true}, "2026-04-01T15:10:00Z");
  const auto due = [&](const char* iso) {
    const Instant now = at(iso);
    const AccountState s = state();
    return escalation_due(standard(), desk_facts(s, now.utc_date(), now, calendars), now);
  };
  EXPECT_EQ(due("2026-05-30T15:00:00Z"), nullptr);
  EXPECT_EQ(due("2026-07-30T14:59:00Z"), nullptr);  // 120 days after the call, less a minute
  ASSERT_NE(due("2026-07-30T15:00:00Z"), nullptr);
  EXPECT_EQ(due("2026-07-30T15:00:00Z")->id, "unreached");
}

// A plan whose first instalment (due 2026-04-09, two days' grace) is not paid is broken from 2026-04-12: the
// "plan-broken" rule sends the account to hard collections that day.
TEST_F(Desk, ABrokenPlanEscalates) {
  plans::PlanRequest request = plans::opening_request(account, client, day("2026-03-09"));
  request.balance = state().balance.itemised;
  ASSERT_TRUE(plans::quote_plan(request).ok());
  record_one(PlanAccepted{plans::save_request(request), "digest"}, "2026-03-09T15:00:00Z");
  ASSERT_EQ(request.plan->first_payment, day("2026-04-09"));
  const auto facts = [&](const char* iso) {
    const Instant now = at(iso);
    return desk_facts(state(), now.utc_date(), now, calendars);
  };
  EXPECT_FALSE(facts("2026-04-11T15:00:00Z").plan_broken);
  EXPECT_TRUE(facts("2026-04-12T15:00:00Z").plan_broken);
  const AccountState s = state();
  const auto due = [&](const char* iso) { return escalation_due(standard(), facts(iso), at(iso)); };
  const EscalationRule* early = due("2026-04-11T15:00:00Z");
  EXPECT_EQ(early, nullptr) << early->id;
  const EscalationRule* rule = due("2026-04-12T15:00:00Z");
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(rule->id, "plan-broken");
}

// An account returned to the client is gone: no rule sends it anywhere after.
TEST_F(Desk, NothingEscalatesAnAccountReturnedToTheClient) {
  const Instant now = at("2026-06-30T15:00:00Z");
  const auto due = [&] {
    const AccountState s = state();
    return escalation_due(standard(), desk_facts(s, now.utc_date(), now, calendars), now);
  };
  ASSERT_NE(due(), nullptr);  // unreached, had it stayed
  record_one(Escalated{EscalationTarget::return_to_client, "recalled"}, "2026-05-01T15:00:00Z");
  EXPECT_EQ(due(), nullptr);
}

// A supervisor sets the tier by hand: the score follows it (medium 200 -> high 300) through `until`, the signals
// that held are still kept, and the strategy's tier comes back after it or when a later event ends it.
TEST_F(Desk, ATierSetByHandHoldsUntilItsDayOrUntilEnded) {
  const Instant before_now = at("2026-03-01T14:00:00Z");
  const Priority before = priority(before_now);
  ASSERT_EQ(before.risk.tier, RiskTier::medium);
  record_one(RiskOverridden{RiskTier::high, "a neighbour says he is leaving the country", day("2026-03-10")},
             "2026-03-01T14:00:00Z");
  const Priority set = priority(at("2026-03-10T14:00:00Z"));
  EXPECT_EQ(set.risk.tier, RiskTier::high);
  EXPECT_TRUE(set.risk.overridden);
  EXPECT_EQ(set.risk.signals, before.risk.signals);
  EXPECT_EQ(points(set, ScoreFactor::tier), 300);
  const Priority lapsed = priority(at("2026-03-11T14:00:00Z"));
  EXPECT_EQ(lapsed.risk.tier, RiskTier::medium);
  EXPECT_FALSE(lapsed.risk.overridden);

  record_one(RiskOverridden{RiskTier::low, "on a hardship arrangement with the client", std::nullopt},
             "2026-03-02T14:00:00Z");
  EXPECT_EQ(priority(at("2026-06-01T14:00:00Z")).risk.tier, RiskTier::low);
  record_one(RiskOverridden{std::nullopt, "the arrangement ended", std::nullopt}, "2026-03-03T14:00:00Z");
  EXPECT_FALSE(priority(at("2026-06-01T14:00:00Z")).risk.overridden);
  EXPECT_FALSE(state().risk_override);
}

// A tier set by hand says why, and an end date in the past is refused.
TEST_F(Desk, ATierSetByHandSaysWhyAndLooksAhead) {
  const Event no_reason{EventId::from_parts(7, 1), account.id, Author{"u-sup", "d-1"}, at("2026-03-05T14:00:00Z"), 1,
                        RiskOverridden{RiskTier::high, "", std::nullopt}};
  ASSERT_FALSE(validate_event(no_reason).empty());
  EXPECT_EQ(validate_event(no_reason)[0].text(), "payload.reason: must say why the tier is set by hand");
  const Event past{EventId::from_parts(7, 2), account.id, Author{"u-sup", "d-1"}, at("2026-03-05T14:00:00Z"), 2,
                   RiskOverridden{RiskTier::high, "known to have moved", day("2026-03-04")}};
  const Problems problems = check_event(state(), past, at("2026-03-05T14:00:00Z"));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].text(), "payload.until: is 2026-03-04, before the day it was recorded (2026-03-05)");
}

// A debtor reported deceased holds collection: the rules leave the account alone although "unreached" holds (a
// third party answered: no right-party contact).
TEST_F(Desk, NoRuleEscalatesAHeldAccount) {
  const Instant now = at("2026-06-30T15:00:00Z");
  const auto due = [&] {
    const AccountState s = state();
    return escalation_due(standard(), desk_facts(s, now.utc_date(), now, calendars), now);
  };
  ASSERT_NE(due(), nullptr);
  const EventId call = record_one(ContactAttempted{"P-1", ContactChannel::phone, "+16175550123",
                                                   ContactDirection::outbound},
                                  "2026-03-02T15:00:00Z");
  record_one(OutcomeRecorded{call, ContactOutcome::deceased, true}, "2026-03-02T15:10:00Z");
  ASSERT_FALSE(state().holds.empty());
  EXPECT_EQ(due(), nullptr);
}

}  // namespace
}  // namespace parley
