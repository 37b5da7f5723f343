// The account fold: the placement's state, one test per event kind, and the events that are set aside.
#include <gtest/gtest.h>

#include "account_fixtures.h"
#include "parley/plans/plan_json.h"
#include "parley/plans/policy_check.h"

namespace parley {
namespace {

using namespace account_test;

class AccountFold : public ::testing::Test, public Ledger {};

// [SECTION] Placement -------------------------------------------------------------------------------------------------

TEST_F(AccountFold, PlacementPaymentsAndCreditsAreAllocatedInTheClientsWaterfall) {
  account.balance = Balance{day("2026-01-15"), usd(100000), usd(5000), usd(2500), usd(4000), usd(500)};
  AccountState s = state();
  EXPECT_EQ(s.balance.owed, parts(0, 3000, 100000));  // 45.00 paid or credited: fees 25.00, then interest 20.00
  EXPECT_EQ(s.balance.total(), usd(103000));
  client.policy.waterfall = {BalancePart::principal, BalancePart::interest, BalancePart::fees};
  s = state();
  EXPECT_EQ(s.balance.owed, parts(2500, 5000, 95500));
  EXPECT_EQ(s.balance.overpaid, usd(0));
}

TEST_F(AccountFold, PlacementPointsKeepTheirStatusAndConsent) {
  account.parties[0].phones[0].consent_text = true;
  const AccountState s = state();
  ASSERT_EQ(s.parties.size(), 2u);
  const PartyRecord& debtor = s.parties[0];
  ASSERT_EQ(debtor.points.size(), 3u);  // two addresses, one phone
  EXPECT_EQ(debtor.points[0].kind, ContactPointKind::address);
  EXPECT_EQ(debtor.points[1].status, ContactStatus::bad);
  const PointRecord* phone = debtor.find(ContactPointKind::phone, "+16175550123");
  ASSERT_NE(phone, nullptr);
  EXPECT_TRUE(phone->consent(ContactChannel::phone));
  EXPECT_TRUE(phone->consent(ContactChannel::sms));
  EXPECT_FALSE(phone->consent(ContactChannel::email));
  EXPECT_EQ(phone->provenance().status, ContactStatus::current);
  EXPECT_EQ(debtor.find(ContactPointKind::address, "4 Main Street, Springfield, MA, 01103, US"), &debtor.points[1]);
  EXPECT_EQ(s.events, 0u);
}

// [SECTION] Contacts --------------------------------------------------------------------------------------------------

TEST_F(AccountFold, AttemptsAndOutcomes) {
  const EventId a = call("2026-03-09T14:00:00Z");
  outcome("2026-03-09T14:05:00Z", a, ContactOutcome::no_answer);
  const EventId b = call("2026-03-10T14:00:00Z", "+16175550999");  // not one of the party's numbers
  const AccountState s = state();
  ASSERT_EQ(s.attempts.size(), 2u);
  EXPECT_EQ(s.attempts[0].id, a);
  EXPECT_EQ(s.attempts[0].outcome, ContactOutcome::no_answer);
  EXPECT_EQ(s.attempts[0].point, 2u);  // the phone, after the two addresses
  EXPECT_EQ(s.attempts[1].id, b);
  EXPECT_FALSE(s.attempts[1].point.has_value());
  EXPECT_FALSE(s.attempts[1].outcome.has_value());
}

TEST_F(AccountFold, AnOutcomeOfAnUnknownAttemptIsSetAsideWithItsReason) {
  const EventId stray = outcome("2026-03-09T14:05:00Z", EventId::from_parts(7, 7), ContactOutcome::no_answer);
  const AccountState s = state();
  ASSERT_EQ(s.set_aside.size(), 1u);
  EXPECT_EQ(s.set_aside[0].id, stray);
  EXPECT_EQ(s.set_aside[0].problem.path, "payload.attempt_id");
  EXPECT_EQ(s.events, 1u);
}

TEST_F(AccountFold, AnEventForAnUnknownPartyIsSetAside) {
  call("2026-03-09T14:00:00Z");
  add("2026-03-09T14:01:00Z", ContactAttempted{"P-9", ContactChannel::phone, "+1617", ContactDirection::outbound});
  const AccountState s = state();
  EXPECT_EQ(s.attempts.size(), 1u);
  ASSERT_EQ(s.set_aside.size(), 1u);
  EXPECT_EQ(s.set_aside[0].problem, (Problem{"payload.party_id", "no party with id P-9 on account A-1"}));
}

TEST_F(AccountFold, BankruptAndDeceasedOutcomesHoldTheParty) {
  const EventId a = call("2026-03-09T14:00:00Z");
  const EventId o = outcome("2026-03-09T14:05:00Z", a, ContactOutcome::bankrupt, true);
  const AccountState s = state();
  ASSERT_EQ(s.holds.size(), 1u);
  EXPECT_EQ(s.holds[0], (Hold{HoldKind::bankruptcy, 0, o, at("2026-03-09T14:05:00Z")}));
  EXPECT_EQ(s.holds_on(0).size(), 1u);
  EXPECT_TRUE(s.holds_on(1).empty());  // placed on the debtor; what it stops for the others is check()'s
  const EventId b = call("2026-03-10T14:00:00Z");
  outcome("2026-03-10T14:05:00Z", b, ContactOutcome::deceased, true);
  EXPECT_EQ(state().holds[1].kind, HoldKind::deceased);
}

TEST_F(AccountFold, EscalationToLegalOrTheClientHoldsTheWholeAccount) {
  add("2026-03-09T14:00:00Z", Escalated{EscalationTarget::hard_collections, "no response in 90 days"});
  EXPECT_TRUE(state().holds.empty());
  EXPECT_EQ(state().escalations.size(), 1u);
  add("2026-03-10T14:00:00Z", Escalated{EscalationTarget::legal, "suit authorised"});
  add("2026-03-11T14:00:00Z", Escalated{EscalationTarget::return_to_client, "recalled"});
  const AccountState s = state();
  ASSERT_EQ(s.holds.size(), 2u);
  EXPECT_EQ(s.holds[0].kind, HoldKind::legal);
  EXPECT_EQ(s.holds[0].party, whole_account);
  EXPECT_EQ(s.holds[1].kind, HoldKind::returned_to_client);
  EXPECT_EQ(s.holds_on(1).size(), 2u);
}

TEST_F(AccountFold, VerificationDisputeCeaseAndPreferences) {
  add("2026-03-09T14:00:00Z", PartyVerified{"P-1", VerificationMethod::security_questions, 2});
  add("2026-03-09T14:01:00Z", DisputeOpened{"P-2", "not mine", day("2026-03-09")});
  add("2026-03-09T14:02:00Z", CeaseRequested{"P-1", CeaseScope::channels, {ContactChannel::email}});
  add("2026-03-09T14:03:00Z", PreferenceSet{"P-1", {}, {ContactChannel::sms}});
  add("2026-03-09T14:04:00Z", PreferenceSet{"P-1", {}, {ContactChannel::phone}});  // replaces the first
  const AccountState s = state();
  EXPECT_EQ(s.parties[0].verified_at, at("2026-03-09T14:00:00Z"));
  EXPECT_FALSE(s.parties[1].verified_at.has_value());
  ASSERT_EQ(s.disputes.size(), 1u);
  EXPECT_EQ(s.disputes[0].party, 1u);
  EXPECT_EQ(s.disputes[0].received, day("2026-03-09"));
  ASSERT_EQ(s.ceases.size(), 1u);
  EXPECT_TRUE(s.ceases[0].stops(ContactChannel::email));
  EXPECT_FALSE(s.ceases[0].stops(ContactChannel::phone));
  ASSERT_TRUE(s.parties[0].preferences.has_value());
  EXPECT_EQ(s.parties[0].preferences->avoid_channels, std::vector<ContactChannel>{ContactChannel::phone});
}

// A cease request keeps how it arrived, and whether the party had passed verification on the call it was said on (its
// latest verification at or after the start of its latest call); a dispute keeps what it asks. The timeline says so.
TEST_F(AccountFold, ACeaseRequestKeepsHowItArrivedAndADisputeWhatItAsks) {
  const EventId first = add("2026-03-09T14:00:00Z", ContactAttempted{"P-1", ContactChannel::phone, "+16175550123",
                                                                     ContactDirection::outbound});
  add("2026-03-09T14:02:00Z", PartyVerified{"P-1", VerificationMethod::security_questions, 3});
  add("2026-03-09T14:03:00Z", OutcomeRecorded{first, ContactOutcome::cease_request, true});
  add("2026-03-09T14:03:00Z", CeaseRequested{"P-1", CeaseScope::all, {}, ContactChannel::phone});
  const EventId second = add("2026-03-10T14:00:00Z", ContactAttempted{"P-1", ContactChannel::phone, "+16175550123",
                                                                      ContactDirection::outbound});
  add("2026-03-10T14:03:00Z", OutcomeRecorded{second, ContactOutcome::cease_request, false});
  add("2026-03-10T14:03:00Z", CeaseRequested{"P-1", CeaseScope::all, {}, ContactChannel::phone});
  add("2026-03-10T15:00:00Z", CeaseRequested{"P-1", CeaseScope::all, {}, ContactChannel::email});
  const EventId old = add("2026-03-10T16:00:00Z", CeaseRequested{"P-1", CeaseScope::all, {}});
  const EventId request = add("2026-03-11T14:00:00Z", DisputeOpened{"P-1", "", day("2026-03-11"),
                                                                    DisputeSubject::original_creditor});
  const AccountState s = state();
  ASSERT_EQ(s.ceases.size(), 4u);
  EXPECT_TRUE(s.ceases[0].verified);   // verified on that call
  EXPECT_FALSE(s.ceases[0].written());
  EXPECT_FALSE(s.ceases[1].verified);  // the next day's call: no verification on it
  EXPECT_FALSE(s.ceases[1].written());
  EXPECT_TRUE(s.ceases[2].written());  // an email
  EXPECT_EQ(s.ceases[3].via, std::nullopt);
  EXPECT_TRUE(s.ceases[3].written());  // not recorded: read as in writing
  ASSERT_EQ(s.disputes.size(), 1u);
  EXPECT_EQ(s.disputes[0].subject, DisputeSubject::original_creditor);
  const std::string cease_words = describe_event(event(s.ceases[0].id), s, Locale::en_US);
  EXPECT_NE(cease_words.find("(said on a phone contact)"), std::string::npos) << cease_words;
  EXPECT_NE(describe_event(event(s.ceases[2].id), s, Locale::en_US).find("(in writing, by email)"), std::string::npos);
  EXPECT_EQ(describe_event(event(old), s, Locale::en_US).find("("), std::string::npos);
  EXPECT_EQ(describe_event(event(request), s, Locale::en_US).rfind("Request for the original creditor by ", 0), 0u);
}

// [SECTION] Contact points --------------------------------------------------------------------------------------------

TEST_F(AccountFold, AWrongNumberIsMarkedOnThePoint) {
  add("2026-03-09T14:05:00Z",
      ContactPointUpdated{"P-1", ContactPointKind::phone, "+16175550123", ContactStatus::wrong_number});
  const PointRecord* phone = state().parties[0].find(ContactPointKind::phone, "+16175550123");
  ASSERT_NE(phone, nullptr);
  EXPECT_EQ(phone->status, ContactStatus::wrong_number);
  EXPECT_FALSE(phone->usable());
  EXPECT_EQ(phone->changed_at, at("2026-03-09T14:05:00Z"));
}

TEST_F(AccountFold, AnUpdateOfAPointThePartyDoesNotHaveIsSetAside) {
  add("2026-03-09T14:05:00Z", ContactPointUpdated{"P-1", ContactPointKind::phone, "+15550000000", ContactStatus::bad});
  const AccountState s = state();
  ASSERT_EQ(s.set_aside.size(), 1u);
  EXPECT_EQ(s.set_aside[0].problem, (Problem{"payload.point", "party P-1 has no phone +15550000000"}));
}

TEST_F(AccountFold, ConsentIsGivenAndRevokedPerPointAndChannel) {
  add("2026-03-09T14:00:00Z", ConsentChanged{"P-1", ContactPointKind::phone, "+16175550123", ContactChannel::sms, true});
  add("2026-03-09T14:01:00Z",
      ConsentChanged{"P-1", ContactPointKind::phone, "+16175550123", ContactChannel::phone, false});
  const PointRecord* phone = state().parties[0].find(ContactPointKind::phone, "+16175550123");
  EXPECT_TRUE(phone->consent(ContactChannel::sms));
  EXPECT_FALSE(phone->consent(ContactChannel::phone));
}

TEST_F(AccountFold, APointAddedAfterPlacementIsFoldedWithItsProvenance) {
  Phone mobile;
  mobile.number = "+16175550777";
  mobile.kind = PhoneKind::mobile;
  mobile.time_zones = {"America/Chicago"};
  mobile.consent_call = true;
  mobile.provenance = Provenance{"skip-trace:bureau", day("2026-03-01"), std::nullopt, ContactStatus::unverified};
  add("2026-03-09T14:00:00Z", ContactPointAdded{"P-2", mobile, 7000});
  const AccountState copy = [&] {
    const AccountState s = state();
    return s;  // a copy outlives the state it was taken from: the added point lives in the copy
  }();
  const PointRecord* point = copy.parties[1].find(ContactPointKind::phone, "+16175550777");
  ASSERT_NE(point, nullptr);
  EXPECT_EQ(point->phone->time_zones, std::vector<std::string>{"America/Chicago"});
  EXPECT_EQ(point->provenance().source, "skip-trace:bureau");
  EXPECT_EQ(point->added->confidence_bp, 7000);
  EXPECT_TRUE(point->consent(ContactChannel::phone));
  EXPECT_TRUE(point->usable());
  // The same point again is set aside.
  add("2026-03-10T14:00:00Z", ContactPointAdded{"P-2", mobile, 9000});
  ASSERT_EQ(state().set_aside.size(), 1u);
  EXPECT_EQ(state().set_aside[0].problem.path, "payload.phone");
}

TEST_F(AccountFold, APartyAddedAfterPlacementIsAPartyAndAnAttorneyRepresentsWhomItNames) {
  const EventId added =
      add("2026-03-09T14:00:00Z", PartyAdded{"P-7", PartyRole::attorney, "Lee", "Whitfield", "P-1", "attorney-letter"});
  Phone office;
  office.number = "+16175550900";
  office.kind = PhoneKind::work;
  office.time_zones = {"America/New_York"};
  office.provenance = Provenance{"attorney-letter", day("2026-03-09"), std::nullopt, ContactStatus::current};
  add("2026-03-09T14:01:00Z", ContactPointAdded{"P-7", office, 10000});
  const AccountState copy = [&] {
    const AccountState s = state();
    return s;  // the added party lives in the copy
  }();
  ASSERT_EQ(copy.parties.size(), 3u);
  const PartyRecord* attorney = copy.party("P-7");
  ASSERT_NE(attorney, nullptr);
  EXPECT_EQ(attorney->party->role, PartyRole::attorney);
  EXPECT_EQ(full_name(*attorney->party), "Lee Whitfield");
  EXPECT_EQ(attorney->represents, std::optional<std::uint32_t>{0});
  EXPECT_FALSE(attorney->representation_ended);
  EXPECT_FALSE(attorney->direct_contact);
  EXPECT_NE(attorney->find(ContactPointKind::phone, "+16175550900"), nullptr);
  EXPECT_TRUE(copy.set_aside.empty());
  EXPECT_EQ(describe_event(event(added), copy, Locale::en_US),
            "Party added: attorney Lee Whitfield, representing Dana Reyes (source: attorney-letter)");

  // The latest word of the attorney wins.
  add("2026-03-10T14:00:00Z", RepresentationChanged{"P-7", false, true});
  EXPECT_TRUE(state().party("P-7")->direct_contact);
  add("2026-03-11T14:00:00Z", RepresentationChanged{"P-7", true, false});
  EXPECT_TRUE(state().party("P-7")->representation_ended);
  EXPECT_FALSE(state().party("P-7")->direct_contact);
  const std::string json = save_account_state(state(), day("2026-03-12"), {});
  EXPECT_NE(json.find(R"("id":"P-7","role":"attorney","added":true,"represents":"P-1","representation":"ended")"),
            std::string::npos)
      << json;
}

TEST_F(AccountFold, APartyAddedTwiceOrRepresentingNoOneIsSetAside) {
  add("2026-03-09T14:00:00Z", PartyAdded{"P-2", PartyRole::spouse, "Grace", "Lovelace", "", "party"});
  add("2026-03-09T14:01:00Z", PartyAdded{"P-7", PartyRole::attorney, "", "Whitfield LLP", "P-9", "attorney-letter"});
  add("2026-03-09T14:02:00Z", PartyAdded{"P-7", PartyRole::attorney, "", "Whitfield LLP", "P-1", "attorney-letter"});
  add("2026-03-09T14:03:00Z", PartyAdded{"P-8", PartyRole::attorney, "", "Cole LLP", "P-7", "attorney-letter"});
  add("2026-03-09T14:04:00Z", RepresentationChanged{"P-2", true, false});
  const AccountState s = state();
  ASSERT_EQ(s.set_aside.size(), 4u);
  EXPECT_EQ(s.set_aside[0].problem, (Problem{"payload.party_id", "is already a party of account A-1"}));
  EXPECT_EQ(s.set_aside[1].problem, (Problem{"payload.represents", "no party with id P-9 on account A-1"}));
  EXPECT_EQ(s.set_aside[2].problem,
            (Problem{"payload.represents", "P-7 is an attorney: an attorney represents a party about the debt"}));
  EXPECT_EQ(s.set_aside[3].problem, (Problem{"payload.attorney_id", "no attorney P-2 on account A-1"}));
  EXPECT_EQ(s.parties.size(), 3u);
}

// A reason to ask a third party about the consumer's location again is kept for that third party only: one for the
// debtor, or for a party not on the account, is set aside.
TEST_F(AccountFold, AReasonToAskAgainIsKeptForAThirdPartyOnly) {
  add("2026-03-09T14:00:00Z", PartyAdded{"P-7", PartyRole::third_party, "Robin", "Hale", "", "skip-trace"});
  const EventId reason =
      add("2026-03-11T16:00:00Z", RecontactJustified{"P-7", "The landlord says Robin forwards mail"});
  add("2026-03-11T16:01:00Z", RecontactJustified{"P-1", "the debtor"});
  add("2026-03-11T16:02:00Z", RecontactJustified{"P-9", "nobody"});
  const AccountState s = state();
  ASSERT_EQ(s.recontacts.size(), 1u);
  EXPECT_EQ(s.recontacts[0].id, reason);
  EXPECT_EQ(s.recontacts[0].recorded_at, at("2026-03-11T16:00:00Z"));
  EXPECT_EQ(s.recontacts[0].party, *s.party_index("P-7"));
  ASSERT_EQ(s.set_aside.size(), 2u);
  EXPECT_EQ(s.set_aside[0].problem,
            (Problem{"payload.party_id",
                     "P-1 is not a third party: only a third party is asked for the consumer's location"}));
  EXPECT_EQ(s.set_aside[1].problem, (Problem{"payload.party_id", "no party P-9 on account A-1"}));
  EXPECT_EQ(describe_event(event(reason), s, Locale::en_US),
            "Reason to ask Robin Hale about the consumer's location once more: The landlord says Robin forwards mail");
  const std::string json = save_account_state(s, day("2026-03-12"), {});
  EXPECT_NE(json.find(R"("recontacts":[{"party_id":"P-7","recorded_at":"2026-03-11T16:00:00Z",)"
                      R"("reason":"The landlord says Robin forwards mail")"),
            std::string::npos)
      << json;
}

// A callback stays open until a phone call at (or up to 15 minutes before) its time answers it; a call earlier, an
// email, or a call folded before the callback do not; a later callback replaces an open one.
TEST_F(AccountFold, ACallbackIsAnsweredByTheFirstCallAtItsTime) {
  add("2026-03-09T13:00:00Z", ContactAttempted{"P-1", ContactChannel::phone, "+16175550123", ContactDirection::outbound});
  const EventId first = add("2026-03-09T14:00:00Z", CallbackScheduled{"P-1", at("2026-03-10T22:00:00Z"), "after work"});
  add("2026-03-10T15:00:00Z", ContactAttempted{"P-1", ContactChannel::phone, "+16175550123", ContactDirection::outbound});
  add("2026-03-10T21:50:00Z", ContactAttempted{"P-1", ContactChannel::email, "",
                                               ContactDirection::outbound});
  ASSERT_EQ(state().callbacks.size(), 1u);
  EXPECT_TRUE(state().callbacks[0].open());
  const EventId answer = add("2026-03-10T21:46:00Z", ContactAttempted{"P-1", ContactChannel::phone, "+16175550123",
                                                                      ContactDirection::inbound});
  AccountState s = state();
  EXPECT_EQ(s.callbacks[0].id, first);
  EXPECT_EQ(s.callbacks[0].answered_by, answer);
  EXPECT_FALSE(s.callbacks[0].open());
  EXPECT_EQ(describe_event(event(first), s, Locale::en_US), "Call back Dana Reyes at 2026-03-10T22:00:00Z: after work");

  const EventId second = add("2026-03-11T14:00:00Z", CallbackScheduled{"P-1", at("2026-03-12T14:00:00Z"), ""});
  const EventId third = add("2026-03-11T15:00:00Z", CallbackScheduled{"P-1", at("2026-03-13T14:00:00Z"), ""});
  add("2026-03-11T15:01:00Z", CallbackScheduled{"P-9", at("2026-03-13T14:00:00Z"), ""});
  s = state();
  ASSERT_EQ(s.callbacks.size(), 3u);
  EXPECT_EQ(s.callbacks[1].id, second);
  EXPECT_EQ(s.callbacks[1].replaced_by, third);
  EXPECT_TRUE(s.callbacks[2].open());
  ASSERT_EQ(s.set_aside.size(), 1u);
  EXPECT_EQ(s.set_aside[0].problem, (Problem{"payload.party_id", "no party P-9 on account A-1"}));
  const std::string json = save_account_state(s, day("2026-03-12"), {});
  EXPECT_NE(json.find(R"("callbacks":[{"party_id":"P-1","at":"2026-03-10T22:00:00Z","note":"after work",)"),
            std::string::npos)
      << json;
}

// A protection's latest notice for the party and the protection wins (a moratorium ended early); a notice for a party
// not on the account is set aside.
TEST_F(AccountFold, TheLatestNoticeOfAProtectionWins) {
  const EventId first = add("2026-03-09T14:00:00Z", ProtectionReported{"P-1", Protection::breathing_space,
                                                                       day("2026-03-09"), day("2026-05-07"), "BS-1"});
  add("2026-03-10T14:00:00Z", ProtectionReported{"P-9", Protection::breathing_space, day("2026-03-10"),
                                                 std::nullopt, "BS-2"});
  ASSERT_EQ(state().protections.size(), 1u);
  EXPECT_EQ(state().protections[0].id, first);
  EXPECT_EQ(state().protections[0].ends, day("2026-05-07"));
  ASSERT_EQ(state().set_aside.size(), 1u);
  EXPECT_EQ(state().set_aside[0].problem, (Problem{"payload.party_id", "no party P-9 on account A-1"}));

  const EventId cancelled = add("2026-03-20T09:00:00Z",
                                ProtectionReported{"P-1", Protection::breathing_space, day("2026-03-09"),
                                                   day("2026-03-20"), "BS-1"});
  const AccountState s = state();
  ASSERT_EQ(s.protections.size(), 1u);
  EXPECT_EQ(s.protections[0].id, cancelled);
  EXPECT_EQ(s.protections[0].ends, day("2026-03-20"));
  EXPECT_EQ(describe_event(event(cancelled), s, Locale::en_US),
            "Breathing space moratorium reported for Dana Reyes: from 2026-03-09 to 2026-03-20 (reference BS-1)");
  const std::string json = save_account_state(s, day("2026-03-21"), {});
  EXPECT_NE(json.find(R"("protections":[{"party_id":"P-1","protection":"breathing-space","starts":"2026-03-09",)"
                      R"("ends":"2026-03-20","reference":"BS-1")"),
            std::string::npos)
      << json;

  // From the first instant its first day has begun anywhere to the last instant its last day lasts anywhere.
  EXPECT_FALSE(s.protections[0].in_force(at("2026-03-08T09:59:59Z")));  // 23:59:59 on the 8th at UTC+14
  EXPECT_TRUE(s.protections[0].in_force(at("2026-03-08T10:00:00Z")));
  EXPECT_TRUE(s.protections[0].in_force(at("2026-03-21T11:59:59Z")));   // 23:59:59 on the 20th at UTC-12
  EXPECT_FALSE(s.protections[0].in_force(at("2026-03-21T12:00:00Z")));
}

// [SECTION] Money -----------------------------------------------------------------------------------------------------

TEST_F(AccountFold, PaymentsAllocateInTheClientsOrder) {
  // $40.00 in the default waterfall: fees 25.00, then interest 15.00.
  add("2026-03-09T14:00:00Z", paid(4000, "2026-03-09", parts(2500, 1500, 0)));
  AccountState s = state();
  EXPECT_EQ(s.balance.owed, parts(0, 3500, 100000));
  EXPECT_EQ(s.balance.itemised.payments, usd(4000));
  EXPECT_EQ(s.balance.total(), usd(103500));
  ASSERT_EQ(s.payments.size(), 1u);
  EXPECT_EQ(s.payments[0].applied, parts(2500, 1500, 0));
  EXPECT_EQ(allocate(s.balance.owed, usd(4000), s.waterfall()), parts(0, 3500, 500));
  client.policy.waterfall = {BalancePart::interest, BalancePart::principal, BalancePart::fees};
  EXPECT_EQ(allocate(placement_state(account, &client).balance.owed, usd(6000), client.policy.waterfall),
            parts(0, 5000, 1000));
}

TEST_F(AccountFold, AShareWhosePartIsAlreadyPaidGoesOnDownTheWaterfall) {
  // Two devices each took $25.00 of fees while offline; merged, the second finds the fees paid.
  add(laptop, "2026-03-09T14:00:00Z", paid(2500, "2026-03-09", parts(2500, 0, 0), "R-1"));
  add(handset, "2026-03-09T15:00:00Z", paid(2500, "2026-03-09", parts(2500, 0, 0), "R-2"));
  const AccountState s = state();
  EXPECT_EQ(s.payments[1].recorded, parts(2500, 0, 0));
  EXPECT_EQ(s.payments[1].applied, parts(0, 2500, 0));
  EXPECT_EQ(s.balance.owed, parts(0, 2500, 100000));
  EXPECT_EQ(s.balance.total(), s.balance.owed.total() - s.balance.overpaid);
}

TEST_F(AccountFold, AReversedPaymentRestoresTheBalanceExactly) {
  const AccountState before = state();
  const EventId p = add("2026-03-09T14:00:00Z", paid(30000, "2026-03-09", parts(2500, 5000, 22500)));
  add("2026-03-10T14:00:00Z", paid(1000, "2026-03-10", parts(0, 0, 1000)));
  add("2026-03-12T09:00:00Z", PaymentReversed{p, ReversalReason::returned, day("2026-03-12")});
  const AccountState s = state();
  EXPECT_EQ(s.balance.owed, parts(2500, 5000, 99000));
  EXPECT_EQ(s.balance.total(), before.balance.total() - usd(1000));
  EXPECT_EQ(s.balance.itemised.payments, usd(1000));
  ASSERT_TRUE(s.payments[0].reversed());
  EXPECT_EQ(s.payments[0].reversal_reason, ReversalReason::returned);
  EXPECT_FALSE(s.payments[1].reversed());
}

TEST_F(AccountFold, AReversalOfAnUnknownOrReversedPaymentIsSetAside) {
  const EventId p = add("2026-03-09T14:00:00Z", paid(1000, "2026-03-09", parts(1000, 0, 0)));
  add("2026-03-10T14:00:00Z", PaymentReversed{EventId::from_parts(1, 2), ReversalReason::charged_back, day("2026-03-10")});
  add("2026-03-11T14:00:00Z", PaymentReversed{p, ReversalReason::returned, day("2026-03-11")});
  add("2026-03-12T14:00:00Z", PaymentReversed{p, ReversalReason::returned, day("2026-03-12")});
  const AccountState s = state();
  ASSERT_EQ(s.set_aside.size(), 2u);
  EXPECT_EQ(s.set_aside[0].problem.path, "payload.payment_id");
  EXPECT_NE(s.set_aside[1].problem.message.find("already reversed"), std::string::npos);
  EXPECT_EQ(s.balance.total(), usd(107500));
}

TEST_F(AccountFold, APaymentInAnotherCurrencyIsSetAside) {
  const Currency eur = *Currency::find("EUR");
  add("2026-03-09T14:00:00Z", PaymentPosted{Money(1000, eur), day("2026-03-09"), PaymentMethod::card,
                                            BalanceParts{Money(1000, eur), Money(0, eur), Money(0, eur)}, ""});
  const AccountState s = state();
  EXPECT_TRUE(s.payments.empty());
  ASSERT_EQ(s.set_aside.size(), 1u);
  EXPECT_EQ(s.set_aside[0].problem, (Problem{"payload.currency", "is EUR; account A-1 is in USD"}));
}

TEST_F(AccountFold, AdjustmentsChargeAndCredit) {
  add("2026-03-09T14:00:00Z", BalanceAdjusted{BalancePart::interest, AdjustmentDirection::charge, usd(700),
                                              day("2026-03-09"), "monthly interest"});
  add("2026-03-10T14:00:00Z",
      BalanceAdjusted{BalancePart::fees, AdjustmentDirection::credit, usd(2500), day("2026-03-10"), "fee waived"});
  const AccountState s = state();
  EXPECT_EQ(s.balance.owed, parts(0, 5700, 100000));
  EXPECT_EQ(s.balance.itemised.interest, usd(5700));
  EXPECT_EQ(s.balance.itemised.credits, usd(2500));
  EXPECT_EQ(s.balance.total(), usd(105700));
  EXPECT_EQ(s.adjustments[1].applied, parts(2500, 0, 0));
}

// [SECTION] Promises and plans ----------------------------------------------------------------------------------------

TEST_F(AccountFold, APromiseIsKeptByPaymentsBeforeItsDuePlusGrace) {
  add("2026-03-09T14:00:00Z", PromiseMade{usd(5000), day("2026-03-20")});
  add("2026-03-15T14:00:00Z", paid(2000, "2026-03-15", parts(2000, 0, 0)));
  add("2026-03-22T14:00:00Z", paid(3000, "2026-03-22", parts(500, 2500, 0)));  // inside the 3-day grace
  const AccountState s = state();
  ASSERT_EQ(s.promises.size(), 1u);
  const PromiseRecord& p = s.promises[0];
  EXPECT_EQ(promise_status(p, day("2026-03-16"), 3), PromiseStatus::open);
  EXPECT_EQ(promise_paid(p, day("2026-03-16")), usd(2000));
  EXPECT_EQ(promise_status(p, day("2026-03-22"), 3), PromiseStatus::kept);
  EXPECT_EQ(promise_status(p, day("2026-03-21"), 0), PromiseStatus::broken);  // without the grace period
}

TEST_F(AccountFold, AnUnpaidPromiseIsBrokenAfterTheGracePeriod) {
  add("2026-03-09T14:00:00Z", PromiseMade{usd(5000), day("2026-03-20")});
  add("2026-03-24T14:00:00Z", paid(5000, "2026-03-24", parts(2500, 2500, 0)));  // a day too late
  const AccountState s = state();
  EXPECT_TRUE(s.promises[0].payments.empty());
  EXPECT_EQ(promise_status(s.promises[0], day("2026-03-23"), s.promise_grace_days()), PromiseStatus::open);
  EXPECT_EQ(promise_status(s.promises[0], day("2026-03-24"), s.promise_grace_days()), PromiseStatus::broken);
}

TEST_F(AccountFold, AReversedPaymentStopsCountingTowardsItsPromise) {
  add("2026-03-09T14:00:00Z", PromiseMade{usd(5000), day("2026-03-20")});
  const EventId p = add("2026-03-19T14:00:00Z", paid(5000, "2026-03-19", parts(2500, 2500, 0)));
  EXPECT_EQ(promise_status(state().promises[0], day("2026-03-21"), 3), PromiseStatus::kept);
  add("2026-03-26T14:00:00Z", PaymentReversed{p, ReversalReason::returned, day("2026-03-26")});
  EXPECT_EQ(promise_status(state().promises[0], day("2026-03-26"), 3), PromiseStatus::broken);
}

TEST_F(AccountFold, PaymentsCountTowardsTheCurrentPlanAndItsInstalments) {
  const Date today = day("2026-03-09");
  plans::PlanRequest request = plans::opening_request(account, client, today);
  request.balance = state().balance.itemised;
  const plans::QuoteResult quote = plans::quote_plan(request);
  ASSERT_TRUE(quote.ok());
  const EventId first = add("2026-03-09T14:00:00Z", PlanAccepted{plans::save_request(request), "digest-1"});
  const plans::ScheduleRow& row1 = quote.quote->schedule[0];
  add("2026-04-09T14:00:00Z", paid(row1.amount.minor(), "2026-04-09", allocate(state().balance.owed, row1.amount, state().waterfall())));
  const AccountState s = state();
  ASSERT_EQ(s.plans.size(), 1u);
  const PlanProgress progress = plan_progress(s, s.plans[0], day("2026-05-20"), {});
  ASSERT_TRUE(progress.problems.empty()) << progress.problems.front().text();
  ASSERT_EQ(progress.rows.size(), quote.quote->schedule.size());
  EXPECT_EQ(progress.rows[0].status, InstalmentStatus::paid);
  EXPECT_EQ(progress.rows[1].status, InstalmentStatus::missed);  // due 2026-05-09, grace 3 days
  EXPECT_EQ(progress.rows[2].status, InstalmentStatus::due);
  EXPECT_EQ(progress.status, PlanStatus::broken);
  EXPECT_EQ(plan_progress(s, s.plans[0], day("2026-05-10"), {}).status, PlanStatus::active);
  // A second plan supersedes the first and takes the payments that follow.
  const EventId second = add("2026-05-21T14:00:00Z", PlanAccepted{plans::save_request(request), "digest-2"});
  const AccountState later = state();
  EXPECT_EQ(later.plans[0].superseded_by, second);
  EXPECT_EQ(later.current_plan()->id, second);
  EXPECT_EQ(plan_progress(later, later.plans[0], day("2026-05-21"), {}).status, PlanStatus::superseded);
  EXPECT_EQ(later.plans[0].id, first);
}

TEST_F(AccountFold, APlanNamingACalendarThatIsNotLoadedHasNoSchedule) {
  plans::PlanRequest request = plans::opening_request(account, client, day("2026-03-09"));
  request.calendar_id = "US-FEDERAL";
  request.day_roll = DayRoll::following;
  add("2026-03-09T14:00:00Z", PlanAccepted{plans::save_request(request), "digest"});
  const AccountState s = state();
  const PlanProgress progress = plan_progress(s, s.plans[0], day("2026-03-10"), {});
  ASSERT_EQ(progress.problems.size(), 1u);
  EXPECT_EQ(progress.problems[0].path, "request.calendar");
  EXPECT_TRUE(progress.rows.empty());
}

// [SECTION] Letters ---------------------------------------------------------------------------------------------------

TEST_F(AccountFold, ALetterIsRecordedAndCountsAsACommunication) {
  const LetterIssued letter{"P-1", "validation-notice", "2026-11-01", "en-US", "12 Elm Street, Cambridge, MA, 02139, US",
                            day("2026-03-09"), account.balance, "sha256:1"};
  add("2026-03-09T14:00:00Z", letter);
  const AccountState s = state();
  ASSERT_EQ(s.letters.size(), 1u);
  EXPECT_EQ(s.letters[0].letter, letter);
  ASSERT_EQ(s.attempts.size(), 1u);
  EXPECT_TRUE(s.attempts[0].letter);
  EXPECT_EQ(s.attempts[0].channel, ContactChannel::letter);
  EXPECT_EQ(s.attempts[0].point, 0u);
}

TEST_F(AccountFold, ComplianceExceptionsAreKeptForASupervisor) {
  const EventId a = call("2026-03-09T03:00:00Z");
  add("2026-03-09T03:00:05Z", ComplianceException{a, {BrokenRule{"us-calling-hours", "12 CFR 1006.6(b)(1)(i)",
                                                                  "It was 23:00 EDT."}}});
  const AccountState s = state();
  ASSERT_EQ(s.exceptions.size(), 1u);
  EXPECT_EQ(s.exceptions[0].exception.event_id, a);
  EXPECT_EQ(s.exceptions[0].exception.rules[0].rule_id, "us-calling-hours");
  EXPECT_NE(describe_event(event(s.exceptions[0].id), s, Locale::en_US).find("It was 23:00 EDT."), std::string::npos);
}

// [SECTION] The fold as a whole ---------------------------------------------------------------------------------------

TEST_F(AccountFold, FoldStopsAtTheInstantGiven) {
  call("2026-03-09T14:00:00Z");
  call("2026-03-10T14:00:00Z");
  EXPECT_EQ(fold(account, &client, journal.events_for(account.id), at("2026-03-09T23:59:59Z")).attempts.size(), 1u);
  EXPECT_EQ(fold(account, &client, journal.events_for(account.id)).attempts.size(), 2u);
}

TEST_F(AccountFold, ApplyFoldsEventByEventToTheSameStateAsFold) {
  const EventId a = call("2026-03-09T14:00:00Z");
  outcome("2026-03-09T14:05:00Z", a, ContactOutcome::promise_to_pay, true);
  add("2026-03-09T14:05:01Z", PromiseMade{usd(5000), day("2026-03-20")});
  add("2026-03-15T14:00:00Z", paid(2000, "2026-03-15", parts(2000, 0, 0)));
  AccountState s = placement_state(account, &client);
  for (const Event& e : journal.events_for(account.id)) EXPECT_EQ(apply(s, e), ApplyResult::applied);
  EXPECT_EQ(save_account_state(s, day("2026-03-20"), {}), save_account_state(state(), day("2026-03-20"), {}));
}

}  // namespace
}  // namespace parley
