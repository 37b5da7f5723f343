// Plans outside the collector's authority: referred to a supervisor (approval-requested), approved or declined
// (approval-decided), with the checks every host runs (check_offer_event) and what the fold and get-next make of
// them.
#include <gtest/gtest.h>

#include <ostream>

#include "account_fixtures.h"
#include "parley/account/offers.h"
#include "parley/plans/plan_json.h"
#include "parley/queue/desk.h"

namespace parley {

// Problems print as their text in a failure.
void PrintTo(const Problem& problem, std::ostream* out) { *out << problem.text(); }

namespace {

using namespace account_test;

class Approvals : public ::testing::Test, public Ledger {
 protected:
  const Author supervisor{"u-supervisor-2", "d-desk-9"};
  std::uint64_t supervisor_sequence = 0;
  CalendarSet calendars;

  // The client's plans: up to 12 months alone, up to 24 with a supervisor; its promises have three days' grace,
  // which a plan request does not carry.
  Approvals() {
    client.policy.supervisor_term_months = 12;
    client.policy.max_setup_fee = usd(0);
  }

  // A monthly plan of `months` over the balance now, quoted on `today`, as the quoter records it.
  PlanAccepted plan_of(int months, const char* today = "2026-03-09") {
    plans::PlanRequest request = opening_offer(state(), client, day(today));
    request.plan->instalments = months;
    request.plan->instalment_amount.reset();
    const plans::QuoteResult quote = plans::quote_plan(request);
    EXPECT_TRUE(quote.ok()) << (quote.problems.empty() ? "" : quote.problems.front().text());
    return PlanAccepted{plans::save_request(request), quote.ok() ? plans::quote_digest(*quote.quote) : ""};
  }
  static ApprovalRequested referral_of(const PlanAccepted& plan, std::string note = "hardship") {
    return ApprovalRequested{plan.request, plan.quote_digest, std::move(note)};
  }
  // What a host says of the event before it records it.
  Problems checked(const Event& e) {
    const AccountState s = state();
    Problems problems = check_event(s, e, e.recorded_at);
    if (problems.empty()) problems = check_offer_event(s, e, calendars);
    return problems;
  }
  Event by_supervisor(const char* iso, EventPayload payload) {
    return Event{EventId::from_parts(0x5e, ++supervisor_sequence), account.id, supervisor, at(iso),
                 supervisor_sequence, std::move(payload)};
  }
  // Records the event when every check passes; the problems otherwise.
  Problems record(Event e) {
    Problems problems = checked(e);
    if (problems.empty()) journal.add(std::move(e));
    return problems;
  }
  static bool names(const Problems& problems, std::string_view path, std::string_view words) {
    return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) {
      return p.path == path && p.message.find(words) != std::string::npos;
    });
  }
};

TEST_F(Approvals, APlanLongerThanTheCollectorMayAgreeIsReferredNotAccepted) {
  const PlanAccepted long_plan = plan_of(18);
  EXPECT_TRUE(names(checked(draft("2026-03-09T15:00:00Z", long_plan)), "payload.request.plan.instalments",
                    "needs a supervisor's approval (term-needs-supervisor)"));
  EXPECT_EQ(checked(draft("2026-03-09T15:00:00Z", referral_of(long_plan))), Problems{});

  // Within the collector's authority there is nothing to refer.
  const PlanAccepted short_plan = plan_of(12);
  EXPECT_EQ(checked(draft("2026-03-09T15:00:00Z", short_plan)), Problems{});
  EXPECT_EQ(checked(draft("2026-03-09T15:00:00Z", referral_of(short_plan))),
            (Problems{{"payload.request",
                       "needs no supervisor's approval: the collector records it as plan-accepted"}}));

  // Beyond what a supervisor may approve (the policy's longest term) it cannot be referred either.
  EXPECT_TRUE(names(checked(draft("2026-03-09T15:00:00Z", referral_of(plan_of(30)))),
                    "payload.request.plan.instalments", "policy violation"));
}

TEST_F(Approvals, TheAccountWaitsOnTheDecisionAndGetNextSaysWhy) {
  ASSERT_EQ(record(draft("2026-03-09T15:00:00Z", referral_of(plan_of(18), "lost her job; 18 months she can keep"))),
            Problems{});
  const AccountState waiting = state();
  ASSERT_NE(waiting.pending_approval(), nullptr);
  EXPECT_EQ(waiting.pending_approval()->requested_by, "u-collector-17");
  EXPECT_EQ(waiting.pending_approval()->note, "lost her job; 18 months she can keep");
  EXPECT_EQ(waiting.current_plan(), nullptr);

  int numbers_checked = 0;
  const auto any_number = [&](const Party&, std::string_view) {
    ++numbers_checked;
    return Decision{true, {}, std::nullopt};
  };
  const Decision d = next_call_decision(waiting, "u-collector-17", any_number);
  EXPECT_FALSE(d.allowed);
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_EQ(d.reasons[0].rule_id, awaiting_approval);
  EXPECT_EQ(d.reasons[0].words, "A plan waits for a supervisor's decision (asked by u-collector-17 at "
                                "2026-03-09T15:00:00Z).");
  EXPECT_FALSE(d.next_allowed);  // no time alone clears it
  EXPECT_EQ(numbers_checked, 0);

  // Declined: back on the collector's queue, with no plan.
  const EventId request = waiting.pending_approval()->id;
  ASSERT_EQ(record(by_supervisor("2026-03-09T17:00:00Z", ApprovalDecided{request, false, "ask for 12 months first"})),
            Problems{});
  const AccountState declined = state();
  EXPECT_EQ(declined.pending_approval(), nullptr);
  EXPECT_EQ(declined.approvals.front().status, ApprovalStatus::declined);
  EXPECT_EQ(declined.approvals.front().decided_by, "u-supervisor-2");
  EXPECT_EQ(declined.approvals.front().decision_note, "ask for 12 months first");
  EXPECT_EQ(declined.current_plan(), nullptr);
  EXPECT_TRUE(next_call_decision(declined, "u-collector-17", any_number).allowed);
}

TEST_F(Approvals, AnApprovedRequestIsTheAccountsPlanFromTheDecision) {
  const PlanAccepted long_plan = plan_of(18);
  const Event referral = draft("2026-03-09T15:00:00Z", referral_of(long_plan));
  ASSERT_EQ(record(referral), Problems{});
  const Event decision = by_supervisor("2026-03-10T09:00:00Z", ApprovalDecided{referral.id, true, "hardship seen"});
  ASSERT_EQ(record(decision), Problems{});

  const AccountState s = state();
  ASSERT_NE(s.current_plan(), nullptr);
  EXPECT_EQ(s.current_plan()->id, decision.id);
  EXPECT_EQ(s.current_plan()->accepted_on, day("2026-03-10"));
  EXPECT_EQ(s.current_plan()->request, long_plan.request);
  EXPECT_EQ(s.current_plan()->quote_digest, long_plan.quote_digest);
  EXPECT_EQ(s.approvals.front().status, ApprovalStatus::approved);
  EXPECT_EQ(s.approvals.front().closed_by, decision.id);

  // Decided once: a second decision (a second supervisor at the same time) is set aside, with why.
  journal.add(by_supervisor("2026-03-10T09:01:00Z", ApprovalDecided{referral.id, false, ""}));
  const AccountState after = state();
  ASSERT_EQ(after.set_aside.size(), 1u);
  EXPECT_EQ(after.set_aside[0].problem.path, "payload.request_id");
  EXPECT_NE(after.set_aside[0].problem.message.find("is already approved"), std::string::npos);
  EXPECT_EQ(after.current_plan()->id, decision.id);

  const std::string text = save_account_state(after, day("2026-03-10"), calendars);
  EXPECT_NE(text.find("\"status\":\"approved\""), std::string::npos);
  EXPECT_NE(text.find("\"decided_by\":\"u-supervisor-2\""), std::string::npos);
}

TEST_F(Approvals, TheCollectorWhoAskedCannotDecide) {
  const Event referral = draft("2026-03-09T15:00:00Z", referral_of(plan_of(18)));
  ASSERT_EQ(record(referral), Problems{});
  EXPECT_EQ(checked(draft("2026-03-09T15:05:00Z", ApprovalDecided{referral.id, true, ""})),
            (Problems{{"author.user", "is u-collector-17, who requested the approval; another user decides it"}}));
  EXPECT_TRUE(names(checked(by_supervisor("2026-03-09T14:00:00Z", ApprovalDecided{referral.id, true, ""})),
                    "recorded_at", "is before the approval request"));
}

TEST_F(Approvals, AnApprovalNeedsTheBalanceAndPolicyOfTheRequestAndARecentRequest) {
  const Event referral = draft("2026-03-09T15:00:00Z", referral_of(plan_of(18)));
  ASSERT_EQ(record(referral), Problems{});
  // Seven days after the request's day an approval still stands; eight days after, it does not.
  EXPECT_EQ(checked(by_supervisor("2026-03-16T23:00:00Z", ApprovalDecided{referral.id, true, ""})), Problems{});
  EXPECT_TRUE(names(checked(by_supervisor("2026-03-17T08:00:00Z", ApprovalDecided{referral.id, true, ""})),
                    "payload.approved", "the plan was referred on 2026-03-09, more than 7 days ago"));

  // A payment since the request: the plan no longer fits the balance. A decline is still taken.
  add("2026-03-10T10:00:00Z", paid(2500, "2026-03-10", parts(2500, 0, 0)));
  EXPECT_EQ(checked(by_supervisor("2026-03-10T11:00:00Z", ApprovalDecided{referral.id, true, ""})),
            (Problems{{"payload.approved", "the balance of account A-1 changed since the request: the collector "
                                           "quotes again and refers the new plan"}}));
  EXPECT_EQ(checked(by_supervisor("2026-03-10T11:00:00Z", ApprovalDecided{referral.id, false, "quote again"})),
            Problems{});
}

// A plan whose down payment is due the day it was quoted can be approved that day only: approved later, it would
// start out behind.
TEST_F(Approvals, AnApprovalComesBeforeThePlansFirstPayment) {
  plans::PlanRequest request = opening_offer(state(), client, day("2026-03-09"));
  request.plan->instalments = 18;
  request.plan->instalment_amount.reset();
  request.plan->down_payment = usd(5000);
  const plans::QuoteResult quote = plans::quote_plan(request);
  ASSERT_TRUE(quote.ok());
  const Event referral = draft("2026-03-09T15:00:00Z", ApprovalRequested{plans::save_request(request),
                                                                         plans::quote_digest(*quote.quote), ""});
  ASSERT_EQ(record(referral), Problems{});
  EXPECT_EQ(checked(by_supervisor("2026-03-09T20:00:00Z", ApprovalDecided{referral.id, true, ""})), Problems{});
  EXPECT_TRUE(names(checked(by_supervisor("2026-03-10T09:00:00Z", ApprovalDecided{referral.id, true, ""})),
                    "payload.approved", "the plan's first payment was due on 2026-03-09, before this decision"));
}

TEST_F(Approvals, ALaterReferralOrAcceptedPlanWithdrawsThePendingOne) {
  const Event first = draft("2026-03-09T15:00:00Z", referral_of(plan_of(18)));
  ASSERT_EQ(record(first), Problems{});
  const Event second = draft("2026-03-09T15:10:00Z", referral_of(plan_of(20)));
  ASSERT_EQ(record(second), Problems{});
  AccountState s = state();
  EXPECT_EQ(s.approvals[0].status, ApprovalStatus::withdrawn);
  EXPECT_EQ(s.approvals[0].closed_by, second.id);
  EXPECT_EQ(s.pending_approval()->id, second.id);
  EXPECT_TRUE(names(fold_problems(s, by_supervisor("2026-03-09T16:00:00Z", ApprovalDecided{first.id, true, ""})),
                    "payload.request_id", "is already withdrawn"));

  // The debtor settles for 12 months, which the collector agrees alone.
  const Event plan = draft("2026-03-09T15:20:00Z", plan_of(12));
  ASSERT_EQ(record(plan), Problems{});
  s = state();
  EXPECT_EQ(s.pending_approval(), nullptr);
  EXPECT_EQ(s.approvals[1].status, ApprovalStatus::withdrawn);
  EXPECT_EQ(s.current_plan()->id, plan.id);
  EXPECT_TRUE(names(fold_problems(s, by_supervisor("2026-03-09T16:00:00Z", ApprovalDecided{EventId::from_parts(9, 9),
                                                                                               true, ""})),
                    "payload.request_id", "account A-1 has no approval request"));
}

}  // namespace
}  // namespace parley
