// check_event: what a host refuses before recording or storing an event, each refusal naming the member.
#include <gtest/gtest.h>

#include "account_fixtures.h"

namespace parley {
namespace {

using namespace account_test;

class AccountAdmission : public ::testing::Test, public Ledger {
 protected:
  const Instant now = at("2026-03-09T15:00:00Z");
  Problems refused(const char* iso, EventPayload payload) { return check_event(state(), draft(iso, std::move(payload)), now); }
  // Whether one of the problems names `path`.
  static bool names(const Problems& problems, std::string_view path) {
    return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) { return p.path == path; });
  }
};

TEST_F(AccountAdmission, AWellFormedEventOfTheAccountIsTaken) {
  EXPECT_EQ(refused("2026-03-09T14:00:00Z",
                    ContactAttempted{"P-1", ContactChannel::phone, "+16175550123", ContactDirection::outbound}),
            Problems{});
  EXPECT_EQ(refused("2026-03-09T14:00:00Z", paid(4000, "2026-03-09", parts(2500, 1500, 0))), Problems{});
}

TEST_F(AccountAdmission, WhatTheFoldWouldSetAsideIsRefused) {
  EXPECT_EQ(refused("2026-03-09T14:00:00Z", DisputeOpened{"P-7", "", day("2026-03-09")}),
            (Problems{{"payload.party_id", "no party with id P-7 on account A-1"}}));
  const Currency eur = *Currency::find("EUR");
  EXPECT_EQ(refused("2026-03-09T14:00:00Z", PromiseMade{Money(500, eur), day("2026-03-20")}),
            (Problems{{"payload.currency", "is EUR; account A-1 is in USD"}}));
  EXPECT_TRUE(names(refused("2026-03-09T14:00:00Z",
                            PaymentReversed{EventId::from_parts(3, 3), ReversalReason::returned, day("2026-03-09")}),
                    "payload.payment_id"));
}

TEST_F(AccountAdmission, ASecondContradictingOutcomeForOneAttemptIsRefused) {
  const EventId a = call("2026-03-09T14:00:00Z");
  outcome("2026-03-09T14:05:00Z", a, ContactOutcome::no_answer);
  const Problems p = refused("2026-03-09T14:06:00Z", OutcomeRecorded{a, ContactOutcome::promise_to_pay, true});
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].path, "payload.attempt_id");
  EXPECT_NE(p[0].message.find("already has the outcome \"no-answer\""), std::string::npos);
}

TEST_F(AccountAdmission, AConversationNeedsAPhoneAttempt) {
  const EventId a = add("2026-03-09T14:00:00Z",
                        ContactAttempted{"P-1", ContactChannel::email, "dana@example.com", ContactDirection::outbound});
  EXPECT_TRUE(names(refused("2026-03-09T14:01:00Z", OutcomeRecorded{a, ContactOutcome::right_party_contact, true}),
                    "payload.conversation"));
}

// A callback is for later: one set for more than an hour before it was recorded, or more than a year ahead, is
// refused.
TEST_F(AccountAdmission, ACallbackTimeIsSoonAfterItWasRecorded) {
  EXPECT_EQ(refused("2026-03-09T14:00:00Z", CallbackScheduled{"P-1", at("2026-03-09T13:30:00Z"), ""}), Problems{});
  EXPECT_EQ(refused("2026-03-09T14:00:00Z", CallbackScheduled{"P-1", at("2026-03-09T12:59:00Z"), ""}),
            (Problems{{"payload.at", "is 2026-03-09T12:59:00Z, before the event was recorded (2026-03-09T14:00:00Z)"}}));
  EXPECT_EQ(refused("2026-03-09T14:00:00Z", CallbackScheduled{"P-1", at("2027-03-11T14:00:00Z"), ""}),
            (Problems{{"payload.at", "is 2027-03-11T14:00:00Z, more than a year after the event was recorded"}}));
}

TEST_F(AccountAdmission, InstantsAndDatesOutsideTheAccountsLifeAreRefused) {
  // A cease request dated year 0001, before the account was opened.
  EXPECT_TRUE(names(refused("0001-01-01T00:00:00Z", CeaseRequested{"P-1", CeaseScope::all, {}}), "recorded_at"));
  // Recorded more than a day after now.
  EXPECT_TRUE(names(refused("2026-03-11T14:00:00Z", CeaseRequested{"P-1", CeaseScope::all, {}}), "recorded_at"));
  // A payment dated 9999, and one dated before the account was opened.
  EXPECT_EQ(refused("2026-03-09T14:00:00Z", paid(1000, "9999-12-31", parts(1000, 0, 0))),
            (Problems{{"payload.date", "is 9999-12-31, after the day the event was recorded (2026-03-09)"}}));
  EXPECT_TRUE(names(refused("2026-03-09T14:00:00Z", paid(1000, "2019-01-01", parts(1000, 0, 0))), "payload.date"));
  // A promise due years ahead, a dispute received in the future.
  EXPECT_TRUE(names(refused("2026-03-09T14:00:00Z", PromiseMade{usd(500), day("2031-01-01")}), "payload.due"));
  EXPECT_TRUE(names(refused("2026-03-09T14:00:00Z", DisputeOpened{"P-1", "", day("2026-04-01")}), "payload.received"));
}

TEST_F(AccountAdmission, APaymentLargerThanTheBalanceIsRefused) {
  // 2^53 - 1 cents: valid as JSON, absurd as a payment.
  const std::int64_t huge = 9007199254740991;
  const Problems p = refused("2026-03-09T14:00:00Z", paid(huge, "2026-03-09", parts(0, 0, huge)));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].path, "payload.amount");
  EXPECT_NE(p[0].message.find("more than the balance owed (107500)"), std::string::npos);
}

TEST_F(AccountAdmission, AnAllocationOutsideTheClientsWaterfallIsRefused) {
  EXPECT_EQ(refused("2026-03-09T14:00:00Z", paid(4000, "2026-03-09", parts(0, 0, 4000))),
            (Problems{{"payload.allocation",
                       "must follow the client's waterfall over what is owed: fees 2500, interest 1500, principal 0"}}));
}

TEST_F(AccountAdmission, ACreditLargerThanItsPartIsRefused) {
  EXPECT_TRUE(names(refused("2026-03-09T14:00:00Z", BalanceAdjusted{BalancePart::fees, AdjustmentDirection::credit,
                                                                    usd(2600), day("2026-03-09"), "waiver"}),
                    "payload.amount"));
  EXPECT_EQ(refused("2026-03-09T14:00:00Z", BalanceAdjusted{BalancePart::fees, AdjustmentDirection::credit, usd(2500),
                                                            day("2026-03-09"), "waiver"}),
            Problems{});
}

TEST_F(AccountAdmission, ALetterToAnAddressThePartyDoesNotHaveIsRefused) {
  LetterIssued letter{"P-1", "validation-notice", "2026-11-01", "en-US", "1 Nowhere Road, Boston, MA, 02118, US",
                      day("2026-03-09"), account.balance, "sha256:1"};
  EXPECT_EQ(refused("2026-03-09T14:00:00Z", letter),
            (Problems{{"payload.address", "is not an address of party P-1"}}));
  letter.address = "12 Elm Street, Cambridge, MA, 02139, US";
  EXPECT_EQ(refused("2026-03-09T14:00:00Z", letter), Problems{});
}

TEST_F(AccountAdmission, FreeTextOfMegabytesIsRefused) {
  const Problems p = refused("2026-03-09T14:00:00Z", DisputeOpened{"P-1", std::string(3 << 20, 'x'), day("2026-03-09")});
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], (Problem{"payload.reason", "must be at most 4096 bytes, got 3145728"}));
}

TEST_F(AccountAdmission, AnEventOfAnotherAccountIsRefused) {
  Event e = draft("2026-03-09T14:00:00Z", CeaseRequested{"P-1", CeaseScope::all, {}});
  e.account_id = "A-2";
  EXPECT_EQ(check_event(state(), e, now), (Problems{{"account_id", "the event is for account A-2, not A-1"}}));
}

}  // namespace
}  // namespace parley
