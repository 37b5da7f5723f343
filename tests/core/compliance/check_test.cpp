// Scenario tests of check(), each written from the text of the rule it cites, against the shipped rule packs.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "compliance_fixtures.h"
#include "embedded_calendars.h"
#include "embedded_rules.h"
#include "parley/compliance/check.h"

namespace parley {
namespace {

using namespace compliance_test;

// One debtor on one account, living in `zone` (empty: no address zone; `phone_zones` then give the candidates).
Account account_in(std::string jurisdiction, std::string zone, std::vector<std::string> phone_zones = {},
                   std::string id = "A-1") {
  Account a = debtor_account(std::move(jurisdiction), std::move(zone), std::move(id));
  Phone phone;
  phone.number = "+13085550123";
  phone.time_zones = std::move(phone_zones);
  a.parties[0].phones.push_back(phone);
  return a;
}

// Builds a journal of events on accounts, one second-resolution instant each.
class Events : public EventLog {
 public:
  Events() : EventLog(0x0190f3a1b2c3d4e5ull) {}

  EventId attempt(const std::string& account, const char* iso, ContactChannel channel = ContactChannel::phone,
                  ContactDirection direction = ContactDirection::outbound) {
    return add(account, iso, ContactAttempted{"P-1", channel, "+13085550123", direction});
  }
  void conversation(const std::string& account, const char* iso) {
    const EventId call = attempt(account, iso);
    add(account, iso, OutcomeRecorded{call, ContactOutcome::right_party_contact, true});
  }
};

class ComplianceCheck : public ShippedRules {
 protected:
  Events events;

  Decision call(const Account& a, const char* iso, ContactChannel channel = ContactChannel::phone) {
    return check_journal(a, a.parties[0], channel, at(iso), events.journal, book);
  }
  // A letter of `purpose` to the debtor at `iso`.
  Decision letter(const Account& a, const char* iso, LetterPurpose purpose) {
    const AccountState state = fold(a, nullptr, events.journal.events_for(a.id));
    return check(state, a.parties[0], ContactChannel::letter, {}, at(iso), book, {}, purpose);
  }
};

TEST_F(ComplianceCheck, ShippedBookLoads) { EXPECT_TRUE(book.failed.empty()); }

// 12 CFR 1006.6(b)(1)(i): a convenient time is after 8:00 a.m. and before 9:00 p.m. at the consumer's location.
// 13:30 UTC on 8 March 2026 is 09:30 EDT for the collector in New York but 03:30 HST in Honolulu.
TEST_F(ComplianceCheck, HawaiiDebtorCalledFromNewYorkIsTooEarly) {
  const Account hawaii = account_in("US-HI", "Pacific/Honolulu");
  const Decision d = call(hawaii, "2026-03-08T13:30:00Z");
  EXPECT_FALSE(d.allowed);
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_EQ(d.reasons[0].rule_id, "us-convenient-hours");
  EXPECT_NE(d.reasons[0].citation.find("1006.6(b)(1)(i)"), std::string::npos);
  EXPECT_NE(d.reasons[0].words.find("03:30 HST in Pacific/Honolulu"), std::string::npos) << d.reasons[0].words;
  EXPECT_EQ(d.next_allowed, at("2026-03-08T18:00:00Z"));  // 08:00 HST
  EXPECT_TRUE(call(hawaii, "2026-03-08T18:00:00Z").allowed);
  EXPECT_TRUE(call(account_in("US-NY", "America/New_York"), "2026-03-08T13:30:00Z").allowed);
}

// 1006.6(b)(1)(i), location uncertain: a number whose area spans Central and Mountain time (Nebraska's 308) may be
// called only when it is convenient in both zones.
TEST_F(ComplianceCheck, AreaCodeSpanningTwoZonesMustSuitBoth) {
  const Account nebraska = account_in("US-NE", "", {"America/Chicago", "America/Denver"});
  Decision d = call(nebraska, "2026-06-10T13:30:00Z");  // 08:30 CDT, 07:30 MDT
  EXPECT_FALSE(d.allowed);
  EXPECT_TRUE(d.blocked_by("us-convenient-hours"));
  EXPECT_EQ(d.next_allowed, at("2026-06-10T14:00:00Z"));  // 08:00 MDT
  EXPECT_TRUE(call(nebraska, "2026-06-10T14:00:00Z").allowed);
  d = call(nebraska, "2026-06-11T02:30:00Z");  // 21:30 CDT, 20:30 MDT
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.next_allowed, at("2026-06-11T14:00:00Z"));
  EXPECT_TRUE(call(nebraska, "2026-06-11T01:59:59Z").allowed);  // 20:59:59 CDT
}

// -- Where the consumer may be: every current address and every current number -----------------------------------
//
// 12 CFR 1006.6(b)(1)(i) and comment 6(b)(1)(i)-1: with conflicting or ambiguous information about the consumer's
// location, a time is convenient only if it is convenient in every place the information points to.

// A US address with its state and ZIP code.
Address us_address(std::string region, std::string zip, std::string zone,
                   ContactStatus status = ContactStatus::current) {
  Address a;
  a.postal = PostalAddress{{"1 Main St"}, "Town", std::move(region), std::move(zip), "US"};
  a.time_zone = std::move(zone);
  a.provenance.status = status;
  return a;
}

// An address in Los Angeles and a mobile with a New York area code: 22:30 in New York is too late, though it is
// only 19:30 at the address.
TEST_F(ComplianceCheck, AnAddressInLosAngelesAndANewYorkMobileMustBothSuit) {
  Account a = account_in("US-CA", "", {"America/New_York"});
  a.parties[0].addresses[0] = us_address("CA", "90012", "America/Los_Angeles");
  Decision d = call(a, "2026-06-11T02:30:00Z");  // 22:30 EDT, 19:30 PDT
  EXPECT_FALSE(d.allowed);
  EXPECT_TRUE(d.blocked_by("us-convenient-hours"));
  EXPECT_EQ(d.next_allowed, at("2026-06-11T15:00:00Z"));  // 08:00 PDT, 11:00 EDT
  EXPECT_FALSE(call(a, "2026-06-10T14:30:00Z").allowed);  // 10:30 EDT, 07:30 PDT
  EXPECT_TRUE(call(a, "2026-06-10T15:00:00Z").allowed);
  EXPECT_TRUE(call(a, "2026-06-11T00:59:59Z").allowed);   // 20:59:59 EDT
}

// A point marked bad or wrong-number says nothing of where the consumer is: an old New York address marked bad and
// a New York number recorded as a wrong number leave Los Angeles alone.
TEST_F(ComplianceCheck, PointsMarkedBadOrWrongDoNotPlaceTheConsumer) {
  Account a = account_in("US-CA", "", {"America/New_York"});
  a.parties[0].phones[0].provenance.status = ContactStatus::wrong_number;
  a.parties[0].addresses[0] = us_address("NY", "10001", "America/New_York", ContactStatus::bad);
  a.parties[0].addresses.push_back(us_address("CA", "90012", "America/Los_Angeles"));
  Phone mobile;
  mobile.number = "+12135550100";
  mobile.time_zones = {"America/Los_Angeles"};
  mobile.consent_call = true;
  a.parties[0].phones.push_back(mobile);
  const Decision d = check_journal(a, a.parties[0], ContactChannel::phone, mobile.number, at("2026-06-11T01:30:00Z"),
                                   events.journal, book);  // 21:30 EDT, 18:30 PDT
  EXPECT_TRUE(d.allowed) << (d.reasons.empty() ? "" : d.reasons[0].words);
}

// An address whose zone does not fit its state is uncertain: a Boston address said to be in Los Angeles' zone is
// called only when it is convenient in Boston too.
TEST_F(ComplianceCheck, AZoneThatDoesNotFitTheStateCountsWithTheStatesZones) {
  Account a = debtor_account("US-MA", "");
  a.parties[0].addresses[0] = us_address("MA", "02110", "America/Los_Angeles");
  const Decision d = call(a, "2026-06-11T01:30:00Z");  // 21:30 EDT, 18:30 PDT
  EXPECT_FALSE(d.allowed);
  EXPECT_TRUE(d.blocked_by("us-convenient-hours"));
  EXPECT_NE(d.reasons[0].words.find("America/New_York"), std::string::npos) << d.reasons[0].words;
  EXPECT_TRUE(call(a, "2026-06-10T15:00:00Z").allowed);  // 11:00 EDT, 08:00 PDT
  // A zone that keeps the state's clocks under another name fits: Louisville for Boston.
  a.parties[0].addresses[0].time_zone = "America/Kentucky/Louisville";
  EXPECT_EQ(candidate_zones(placement_state(a, nullptr).parties[0], at("2026-06-10T15:00:00Z")).size(), 1u);
}

// A ZIP code of another area than the state: the consumer may be in either. New York with a Beverly Hills ZIP code.
TEST_F(ComplianceCheck, AZipCodeOfAnotherAreaCountsThatAreasZonesToo) {
  Account a = debtor_account("US-NY", "");
  a.parties[0].addresses[0] = us_address("NY", "90210", "America/New_York");
  EXPECT_FALSE(call(a, "2026-06-10T12:30:00Z").allowed);  // 08:30 EDT, 05:30 PDT
  EXPECT_TRUE(call(a, "2026-06-10T15:00:00Z").allowed);   // 11:00 EDT, 08:00 PDT, 09:00 MDT in Boise
  // Honolulu's ZIP code in a New York address: 08:00 HST is 14:00 EDT.
  a.parties[0].addresses[0].postal.postal_code = "96813";
  EXPECT_FALSE(call(a, "2026-06-10T17:59:59Z").allowed);
  EXPECT_TRUE(call(a, "2026-06-10T18:00:00Z").allowed);
  // A ZIP code of the state's own area changes nothing.
  a.parties[0].addresses[0].postal.postal_code = "10001";
  EXPECT_TRUE(call(a, "2026-06-10T12:00:00Z").allowed);  // 08:00 EDT
}

// An address without a zone is placed by its state: Texas keeps Central and Mountain time (El Paso).
TEST_F(ComplianceCheck, AnAddressWithoutAZoneIsPlacedByItsState) {
  Account a = debtor_account("US-TX", "");
  a.parties[0].addresses[0] = us_address("TX", "75201", "");
  const Decision d = call(a, "2026-06-10T13:30:00Z");  // 08:30 CDT, 07:30 MDT
  EXPECT_FALSE(d.allowed);
  EXPECT_TRUE(d.blocked_by("us-convenient-hours"));
  EXPECT_FALSE(d.blocked_by(time_zone_unknown));
  EXPECT_EQ(d.next_allowed, at("2026-06-10T14:00:00Z"));  // 08:00 MDT
}

// 1006.6(b)(1)(i) on the DST change days in New York: 8 a.m. is 12:00 UTC after the spring change and 13:00 UTC
// after the autumn one, on the very day of the change.
TEST_F(ComplianceCheck, DaylightSavingChangeDays) {
  const Account ny = account_in("US-NY", "America/New_York");
  Decision d = call(ny, "2026-03-08T06:00:00Z");  // 01:00 EST, an hour before the clocks go forward
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.next_allowed, at("2026-03-08T12:00:00Z"));  // 08:00 EDT
  EXPECT_FALSE(call(ny, "2026-03-08T11:59:59Z").allowed);
  EXPECT_TRUE(call(ny, "2026-03-08T12:00:00Z").allowed);

  d = call(ny, "2026-11-01T12:30:00Z");  // 07:30 EST (08:30 on the clock before the change)
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.next_allowed, at("2026-11-01T13:00:00Z"));  // 08:00 EST
  EXPECT_TRUE(call(ny, "2026-11-01T00:59:59Z").allowed);   // 20:59:59 EDT on 31 October
  EXPECT_FALSE(call(ny, "2026-11-01T01:00:00Z").allowed);  // 21:00 EDT
}

// 12 CFR 1006.14(b)(2)(i)(A): more than seven telephone calls within seven consecutive days. The 7th call is
// allowed, the 8th is not until a day of the window has passed (and then only from 08:00).
TEST_F(ComplianceCheck, SeventhAndEighthCallWithinSevenDays) {
  const Account ny = account_in("US-NY", "America/New_York");
  const char* days[] = {"2026-06-01T15:00:00Z", "2026-06-02T15:00:00Z", "2026-06-03T15:00:00Z",
                        "2026-06-04T15:00:00Z", "2026-06-05T15:00:00Z", "2026-06-06T15:00:00Z"};
  for (const char* d : days) events.attempt("A-1", d);
  events.attempt("A-1", "2026-06-06T16:00:00Z", ContactChannel::phone, ContactDirection::inbound);  // not placed
  events.attempt("A-2", "2026-06-06T17:00:00Z");                                                  // another debt
  events.attempt("A-1", "2026-06-06T18:00:00Z", ContactChannel::email);                           // not a call
  EXPECT_TRUE(call(ny, "2026-06-07T15:00:00Z").allowed);  // the 7th
  events.attempt("A-1", "2026-06-07T15:00:00Z");
  const Decision d = call(ny, "2026-06-07T16:00:00Z");    // the 8th
  EXPECT_FALSE(d.allowed);
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_EQ(d.reasons[0].rule_id, "us-call-frequency");
  EXPECT_EQ(d.reasons[0].citation, "12 CFR 1006.14(b)(2)(i)(A)");
  EXPECT_EQ(d.next_allowed, at("2026-06-08T12:00:00Z"));  // 1 June leaves the window; 08:00 EDT on 8 June
  EXPECT_TRUE(call(ny, "2026-06-07T16:00:00Z", ContactChannel::letter).allowed);
}

// 1006.14(b)(2)(i)(A) per debt: calls on the consumer's other debt count only when the rule says per consumer,
// so the federal rule does not count them.
TEST_F(ComplianceCheck, CallsOnAnotherDebtDoNotCount) {
  const Account ny = account_in("US-NY", "America/New_York");
  for (int i = 0; i < 7; ++i) events.attempt("A-2", "2026-06-05T15:00:00Z");
  const std::vector<std::string> others = {"A-2"};
  EXPECT_TRUE(check_journal(ny, ny.parties[0], ContactChannel::phone, at("2026-06-07T15:00:00Z"), events.journal, book,
                    others)
                  .allowed);
}

// 1006.14(b)(2)(i)(B): no call within seven consecutive days after a telephone conversation, the date of the
// conversation being the first day. The days are the consumer's calendar days, not 168 hours.
TEST_F(ComplianceCheck, CallSixDaysTwentyThreeHoursAfterAConversation) {
  const Account ny = account_in("US-NY", "America/New_York");
  events.conversation("A-1", "2026-06-01T13:00:00Z");  // Monday 1 June, 09:00 EDT: day 1 of 7
  Decision d = call(ny, "2026-06-07T23:00:00Z");        // Sunday 7 June, 19:00 EDT: day 7
  EXPECT_FALSE(d.allowed);
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_EQ(d.reasons[0].rule_id, "us-after-conversation");
  EXPECT_EQ(d.next_allowed, at("2026-06-08T12:00:00Z"));  // 8 June starts a new period; calls from 08:00
  EXPECT_TRUE(call(ny, "2026-06-08T12:00:00Z").allowed);  // 6 days 23 hours later, but on day 8
  EXPECT_TRUE(call(ny, "2026-06-07T23:00:00Z", ContactChannel::email).allowed);
}

// 1006.14(b)(2)(i)(B), the cautious reading: the collector cannot be sure that a person on the account who spoke
// without passing verification (refused, or was taken for someone else) was not the consumer, so the seven days
// start then too.
TEST_F(ComplianceCheck, APersonWhoSpokeWithoutPassingVerificationStartsTheSevenDays) {
  const Account ny = account_in("US-NY", "America/New_York");
  for (const ContactOutcome outcome : {ContactOutcome::refused, ContactOutcome::third_party}) {
    Events log;
    const EventId attempt = log.attempt("A-1", "2026-06-01T13:00:00Z");
    log.add("A-1", "2026-06-01T13:05:00Z", OutcomeRecorded{attempt, outcome, false});
    const Decision d = check_journal(ny, ny.parties[0], ContactChannel::phone, at("2026-06-03T16:00:00Z"),
                                     log.journal, book);
    EXPECT_TRUE(d.blocked_by("us-after-conversation")) << to_string(outcome);
    EXPECT_EQ(d.next_allowed, at("2026-06-08T12:00:00Z")) << to_string(outcome);
  }
  // An unanswered call or a voicemail is no conversation.
  const EventId rang = events.attempt("A-1", "2026-06-01T13:00:00Z");
  events.add("A-1", "2026-06-01T13:05:00Z", OutcomeRecorded{rang, ContactOutcome::limited_content_message, false});
  EXPECT_TRUE(call(ny, "2026-06-03T16:00:00Z").allowed);
}

// Comment 14(b)(4)-1.ii: the seven days apply to every debt discussed in the conversation. Which debts were
// discussed is not recorded, so a conversation with the debtor about another of the consumer's debts counts.
TEST_F(ComplianceCheck, AConversationAboutTheConsumersOtherDebtCounts) {
  const Account ny = account_in("US-NY", "America/New_York");
  events.conversation("A-2", "2026-06-01T13:00:00Z");
  const std::vector<std::string> others = {"A-2"};
  const Decision d = check_journal(ny, ny.parties[0], ContactChannel::phone, at("2026-06-03T16:00:00Z"),
                                   events.journal, book, others);
  EXPECT_TRUE(d.blocked_by("us-after-conversation"));
  EXPECT_TRUE(call(ny, "2026-06-03T16:00:00Z").allowed) << "without the other account, nothing links them";
}

// A conversation recorded by a device whose clock runs ahead (dated an hour after now) still counts: it took place
// by now.
TEST_F(ComplianceCheck, AConversationFromADeviceWhoseClockRunsAheadCounts) {
  const Account ny = account_in("US-NY", "America/New_York");
  events.conversation("A-1", "2026-06-03T17:00:00Z");
  const Decision d = call(ny, "2026-06-03T16:00:00Z");
  EXPECT_TRUE(d.blocked_by("us-after-conversation"));
  EXPECT_EQ(d.next_allowed, at("2026-06-10T12:00:00Z"));  // 3 June is day 1
}

// 1006.14(b)(2)(i)(A) with a clock that ran ahead past midnight: the call dated tomorrow was made by now and counts
// among the seven.
TEST_F(ComplianceCheck, ACallFromADeviceWhoseClockRunsAheadCountsTowardTheSeven) {
  const Account ny = account_in("US-NY", "America/New_York");
  for (const char* d : {"2026-06-02T15:00:00Z", "2026-06-03T15:00:00Z", "2026-06-04T15:00:00Z",
                        "2026-06-05T15:00:00Z", "2026-06-06T15:00:00Z", "2026-06-07T15:00:00Z"}) {
    events.attempt("A-1", d);
  }
  const Instant now = at("2026-06-08T23:30:00Z");  // 19:30 EDT on 8 June
  EXPECT_TRUE(check_journal(ny, ny.parties[0], ContactChannel::phone, now, events.journal, book).allowed);
  events.attempt("A-1", "2026-06-09T04:30:00Z");  // the 7th, made now by a clock five hours ahead: 00:30 on 9 June
  const Decision d = check_journal(ny, ny.parties[0], ContactChannel::phone, now, events.journal, book);
  EXPECT_TRUE(d.blocked_by("us-call-frequency")) << "the next call would be the 8th in seven days";
}

TEST_F(ComplianceCheck, CallSixDaysTwentyThreeHoursAfterAnEarlyConversationFallsOnDaySeven) {
  const Account ny = account_in("US-NY", "America/New_York");
  events.conversation("A-1", "2026-06-01T04:30:00Z");  // 00:30 EDT on 1 June: day 1
  const Decision d = call(ny, "2026-06-08T03:30:00Z");  // 6 days 23 hours later: 23:30 EDT on 7 June, day 7
  EXPECT_FALSE(d.allowed);
  EXPECT_TRUE(d.blocked_by("us-after-conversation"));
  EXPECT_TRUE(d.blocked_by("us-convenient-hours"));
  EXPECT_EQ(d.next_allowed, at("2026-06-08T12:00:00Z"));
}

// 940 CMR 7.04(1)(f): no more than two telephone communications (calls or texts) in each seven-day period.
TEST_F(ComplianceCheck, MassachusettsThirdCallInSevenDays) {
  const Account ma = account_in("US-MA", "America/New_York");
  events.attempt("A-1", "2026-06-01T15:00:00Z");
  EXPECT_TRUE(call(ma, "2026-06-03T15:00:00Z").allowed);
  events.attempt("A-1", "2026-06-03T15:00:00Z", ContactChannel::sms);
  const Decision d = call(ma, "2026-06-04T15:00:00Z");
  EXPECT_FALSE(d.allowed);
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_EQ(d.reasons[0].rule_id, "ma-two-calls-in-seven-days");
  EXPECT_NE(d.reasons[0].citation.find("940 CMR 7.04(1)(f)"), std::string::npos);
  // 1 June leaves the window at midnight EDT on 8 June, but the federal hours hold the call until 08:00.
  EXPECT_EQ(d.next_allowed, at("2026-06-08T12:00:00Z"));
  // A New York debtor with the same history is not held to two.
  EXPECT_TRUE(call(account_in("US-NY", "America/New_York"), "2026-06-04T15:00:00Z").allowed);
}

// FCA CONC 7.9.4 R: no contact at unreasonable times (08:00-21:00 local in the GB pack), in British Summer Time;
// the US rules do not apply to a GB account.
TEST_F(ComplianceCheck, BritishDebtorDuringSummerTime) {
  const Account london = account_in("GB-ENG", "Europe/London");
  const Decision d = call(london, "2026-06-02T06:30:00Z");  // 07:30 BST
  EXPECT_FALSE(d.allowed);
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_EQ(d.reasons[0].rule_id, "gb-reasonable-times");
  EXPECT_EQ(d.reasons[0].citation, "FCA CONC 7.9.4 R");
  EXPECT_EQ(d.next_allowed, at("2026-06-02T07:00:00Z"));  // 08:00 BST
  for (int i = 0; i < 9; ++i) events.attempt("A-1", "2026-06-01T10:00:00Z");
  EXPECT_TRUE(call(london, "2026-06-02T07:00:00Z").allowed);  // no Regulation F call limit
}

// 12 CFR 1006.6(c)(1): after a request to cease communication, no further communication on any channel.
TEST_F(ComplianceCheck, CeaseRequestBlocksEveryChannel) {
  const Account ny = account_in("US-NY", "America/New_York");
  events.add("A-1", "2026-06-01T15:00:00Z", CeaseRequested{"P-1", CeaseScope::all, {}});
  for (ContactChannel c : {ContactChannel::phone, ContactChannel::email, ContactChannel::letter}) {
    const Decision d = call(ny, "2026-06-02T15:00:00Z", c);
    EXPECT_FALSE(d.allowed);
    EXPECT_TRUE(d.blocked_by("us-cease-communication"));
    EXPECT_FALSE(d.next_allowed.has_value());
  }
}

// 12 CFR 1006.14(h)(1): a medium the person asked not to be used; a scoped cease stops only its channels.
TEST_F(ComplianceCheck, MediumPreferenceAndScopedCease) {
  const Account ny = account_in("US-NY", "America/New_York");
  events.add("A-1", "2026-06-01T15:00:00Z", PreferenceSet{"P-1", {}, {ContactChannel::email}});
  events.add("A-1", "2026-06-01T15:00:01Z", CeaseRequested{"P-1", CeaseScope::channels, {ContactChannel::sms}});
  EXPECT_TRUE(call(ny, "2026-06-02T15:00:00Z").allowed);
  EXPECT_TRUE(call(ny, "2026-06-02T15:00:00Z", ContactChannel::email).blocked_by("us-medium-preference"));
  EXPECT_TRUE(call(ny, "2026-06-02T15:00:00Z", ContactChannel::sms).blocked_by("us-cease-communication"));
}

// 1006.6(b)(1)(i): a time the consumer said is inconvenient (Tuesdays 09:00-12:00 local).
TEST_F(ComplianceCheck, InconvenientTimeClearsAtItsEnd) {
  const Account ny = account_in("US-NY", "America/New_York");
  events.add("A-1", "2026-06-01T15:00:00Z",
             PreferenceSet{"P-1", {InconvenientTime{Weekday::tuesday, 9 * 60, 12 * 60}}, {}});
  const Decision d = call(ny, "2026-06-02T14:00:00Z");  // Tuesday 10:00 EDT
  EXPECT_TRUE(d.blocked_by("us-inconvenient-time"));
  EXPECT_EQ(d.next_allowed, at("2026-06-02T16:00:00Z"));
  EXPECT_TRUE(call(ny, "2026-06-03T14:00:00Z").allowed);  // Wednesday
}

// 12 CFR 1006.38(d)(2): a dispute pauses collection until verification is sent.
TEST_F(ComplianceCheck, DisputePausesUntilVerification) {
  const Account ny = account_in("US-NY", "America/New_York");
  events.add("A-1", "2026-06-01T15:00:00Z", letter_issued("validation-notice", "en-US", "2026-06-01"));
  events.add("A-1", "2026-06-10T15:00:00Z", DisputeOpened{"P-1", "not mine", *Date::from_ymd(2026, 6, 10)});
  Decision d = call(ny, "2026-06-11T15:00:00Z");
  EXPECT_TRUE(d.blocked_by("us-dispute-validation"));
  EXPECT_FALSE(d.next_allowed.has_value());
  events.add("A-1", "2026-06-12T15:00:00Z", letter_issued("verification", "en-US", "2026-06-12"));
  EXPECT_TRUE(call(ny, "2026-06-13T15:00:00Z").allowed);
}

// 15 U.S.C. 1692g(b) and 12 CFR 1006.38(d)(2)(i) pause collection for a dispute the consumer submits in writing
// within the validation period. One said on a call is kept on the account without pausing it; one by email or text
// is in writing, and so is one whose medium was not recorded. A request for the original creditor likewise
// (1006.38(c)).
TEST_F(ComplianceCheck, OnlyADisputeInWritingPausesCollection) {
  const Account ny = account_in("US-NY", "America/New_York");
  events.add("A-1", "2026-06-01T15:00:00Z", letter_issued("validation-notice", "en-US", "2026-06-01"));
  events.add("A-1", "2026-06-10T15:00:00Z",
             DisputeOpened{"P-1", "not mine", *Date::from_ymd(2026, 6, 10), DisputeSubject::debt, ContactChannel::phone});
  events.add("A-1", "2026-06-10T16:00:00Z",
             DisputeOpened{"P-1", "who was it", *Date::from_ymd(2026, 6, 10), DisputeSubject::original_creditor,
                           ContactChannel::in_person});
  const Decision said = call(ny, "2026-06-11T15:00:00Z");
  EXPECT_TRUE(said.allowed) << (said.reasons.empty() ? "" : said.reasons[0].words);
  EXPECT_EQ(fold(ny, nullptr, events.journal.events_for(ny.id)).disputes.size(), 2u) << "kept on the account";

  events.add("A-1", "2026-06-11T16:00:00Z",
             DisputeOpened{"P-1", "not mine", *Date::from_ymd(2026, 6, 11), DisputeSubject::debt, ContactChannel::email});
  const Decision emailed = call(ny, "2026-06-12T15:00:00Z");
  ASSERT_TRUE(emailed.blocked_by("us-dispute-validation"));
  EXPECT_NE(emailed.reasons[0].words.find("received on 2026-06-11"), std::string::npos) << emailed.reasons[0].words;

  Events unrecorded;
  unrecorded.add("A-1", "2026-06-01T15:00:00Z", letter_issued("validation-notice", "en-US", "2026-06-01"));
  unrecorded.add("A-1", "2026-06-10T15:00:00Z", DisputeOpened{"P-1", "not mine", *Date::from_ymd(2026, 6, 10)});
  EXPECT_TRUE(check_journal(ny, ny.parties[0], ContactChannel::phone, at("2026-06-11T15:00:00Z"), unrecorded.journal,
                            book)
                  .blocked_by("us-dispute-validation"))
      << "a dispute whose medium was not recorded is read as in writing";
}

// 12 CFR 1006.38(d)(2) applies to disputes inside the validation period (12 CFR 1006.34(b)(5)): notice provided
// Monday 1 June 2026, assumed received Monday 8 June (five days without weekends), period ends 8 July.
TEST_F(ComplianceCheck, DisputeInsideAndOutsideTheValidationPeriod) {
  book.holidays = testdata::shipped_calendar("US-FEDERAL");
  const Account ny = account_in("US-NY", "America/New_York");
  events.add("A-1", "2026-06-01T15:00:00Z", letter_issued("validation-notice", "en-US", "2026-06-01"));
  events.add("A-1", "2026-07-20T15:00:00Z", DisputeOpened{"P-1", "late", *Date::from_ymd(2026, 7, 20)});
  EXPECT_TRUE(call(ny, "2026-07-21T15:00:00Z").allowed);
  events.add("A-1", "2026-07-21T16:00:00Z", DisputeOpened{"P-1", "in time", *Date::from_ymd(2026, 7, 8)});
  EXPECT_TRUE(call(ny, "2026-07-22T15:00:00Z").blocked_by("us-dispute-validation"));
}

// 12 CFR 1006.6(c)(2): after a written cease request the collector may still write to say that its efforts are ending
// (c)(2)(i), or that it or the creditor may invoke, or intends to invoke, a remedy (c)(2)(ii)-(iii); nothing else.
TEST_F(ComplianceCheck, TheNoticesTheLawAllowsAfterACeasePassTheCheck) {
  Account ny = account_in("US-NY", "America/New_York");
  ny.time_barred_from = *Date::from_ymd(2029, 1, 1);  // a debt still in time: a remedy may be invoked
  events.add("A-1", "2026-06-01T15:00:00Z", CeaseRequested{"P-1", CeaseScope::all, {}, ContactChannel::letter});
  for (const LetterPurpose purpose : {LetterPurpose::termination, LetterPurpose::remedy}) {
    const Decision d = letter(ny, "2026-06-02T15:00:00Z", purpose);
    EXPECT_TRUE(d.allowed) << to_string(purpose) << ": " << (d.reasons.empty() ? "" : d.reasons[0].words);
  }
  for (const LetterPurpose purpose : {LetterPurpose::collection, LetterPurpose::validation_notice}) {
    const Decision d = letter(ny, "2026-06-02T15:00:00Z", purpose);
    EXPECT_TRUE(d.blocked_by("us-cease-communication")) << to_string(purpose);
    EXPECT_NE(d.reasons[0].words.find("termination or remedy"), std::string::npos) << d.reasons[0].words;
  }
  EXPECT_TRUE(call(ny, "2026-06-02T15:00:00Z").blocked_by("us-cease-communication"));
  EXPECT_TRUE(call(ny, "2026-06-02T15:00:00Z", ContactChannel::email).blocked_by("us-cease-communication"));
}

// 15 U.S.C. 1692c(c) and 12 CFR 1006.6(c)(1) stop communication once the consumer notifies the collector in writing;
// the shipped pack reads a request said on a call as the consumer's too when the party passed verification on that
// call (the cautious reading), so every channel stops.
TEST_F(ComplianceCheck, ACeaseSaidOnACallByTheVerifiedPartyStopsEveryChannel) {
  const Account ny = account_in("US-NY", "America/New_York");
  const EventId call_id = events.attempt("A-1", "2026-06-01T15:00:00Z");
  events.add("A-1", "2026-06-01T15:04:00Z", PartyVerified{"P-1", VerificationMethod::security_questions, 3});
  events.add("A-1", "2026-06-01T15:04:00Z", OutcomeRecorded{call_id, ContactOutcome::cease_request, true});
  events.add("A-1", "2026-06-01T15:04:00Z", CeaseRequested{"P-1", CeaseScope::all, {}, ContactChannel::phone});
  for (const ContactChannel c : {ContactChannel::phone, ContactChannel::email, ContactChannel::letter}) {
    EXPECT_TRUE(call(ny, "2026-06-09T15:00:00Z", c).blocked_by("us-cease-communication")) << to_string(c);
  }
  EXPECT_TRUE(letter(ny, "2026-06-09T15:00:00Z", LetterPurpose::termination).allowed);
}

// 12 CFR 1006.14(h)(1): any person may ask that a medium not be used. Someone on a call who did not pass verification
// (today's call, whatever an earlier call verified) and asks that contact stop has not given the consumer's cease
// notice of 1006.6(c)(1): calls stop, as a medium the person asked not to use; letters and email go on.
TEST_F(ComplianceCheck, ACeaseSaidBySomeoneUnverifiedStopsOnlyTheMediumItWasSaidOn) {
  const Account ny = account_in("US-NY", "America/New_York");
  const EventId earlier = events.attempt("A-1", "2026-05-20T15:00:00Z");
  events.add("A-1", "2026-05-20T15:04:00Z", PartyVerified{"P-1", VerificationMethod::security_questions, 3});
  events.add("A-1", "2026-05-20T15:04:00Z", OutcomeRecorded{earlier, ContactOutcome::right_party_contact, true});
  const EventId today = events.attempt("A-1", "2026-06-01T15:00:00Z");
  events.add("A-1", "2026-06-01T15:02:00Z", OutcomeRecorded{today, ContactOutcome::cease_request, true});
  events.add("A-1", "2026-06-01T15:02:00Z", CeaseRequested{"P-1", CeaseScope::all, {}, ContactChannel::phone});
  const Decision phone = call(ny, "2026-06-09T15:00:00Z");
  EXPECT_TRUE(phone.blocked_by("us-medium-preference"));
  EXPECT_FALSE(phone.blocked_by("us-cease-communication"));
  EXPECT_NE(phone.reasons[0].words.find("without passing verification"), std::string::npos) << phone.reasons[0].words;
  const Decision email = call(ny, "2026-06-09T15:00:00Z", ContactChannel::email);
  EXPECT_TRUE(email.allowed) << (email.reasons.empty() ? "" : email.reasons[0].words);
  EXPECT_TRUE(letter(ny, "2026-06-09T15:00:00Z", LetterPurpose::collection).allowed);
}

// 12 CFR 1006.38(d)(2): collection pauses until the collector provides the verification, which must itself go out:
// a letter of purpose verification passes the check while the dispute is unanswered; a collection letter does not.
TEST_F(ComplianceCheck, AnUnansweredDisputeLetsTheVerificationThrough) {
  const Account ny = account_in("US-NY", "America/New_York");
  events.add("A-1", "2026-06-01T15:00:00Z", letter_issued("validation-notice", "en-US", "2026-06-01"));
  events.add("A-1", "2026-06-10T15:00:00Z", DisputeOpened{"P-1", "not mine", *Date::from_ymd(2026, 6, 10)});
  EXPECT_TRUE(letter(ny, "2026-06-11T15:00:00Z", LetterPurpose::collection).blocked_by("us-dispute-validation"));
  EXPECT_TRUE(letter(ny, "2026-06-11T15:00:00Z", LetterPurpose::verification).allowed);
  EXPECT_TRUE(call(ny, "2026-06-11T15:00:00Z").blocked_by("us-dispute-validation"));
}

// 12 CFR 1006.38(c): a written request for the name and address of the original creditor within the validation period
// stops collection until they are sent. The verification of a dispute does not answer it; the original-creditor
// letter does, and may go out meanwhile.
TEST_F(ComplianceCheck, ARequestForTheOriginalCreditorStopsCollectionUntilItIsAnswered) {
  const Account ny = account_in("US-NY", "America/New_York");
  events.add("A-1", "2026-06-01T15:00:00Z", letter_issued("validation-notice", "en-US", "2026-06-01"));
  events.add("A-1", "2026-06-10T15:00:00Z",
             DisputeOpened{"P-1", "", *Date::from_ymd(2026, 6, 10), DisputeSubject::original_creditor});
  Decision d = call(ny, "2026-06-11T15:00:00Z");
  ASSERT_TRUE(d.blocked_by("us-dispute-validation"));
  EXPECT_NE(d.reasons[0].words.find("original creditor"), std::string::npos) << d.reasons[0].words;
  EXPECT_NE(d.reasons[0].citation.find("1006.38(c)"), std::string::npos);
  EXPECT_FALSE(d.next_allowed.has_value());
  events.add("A-1", "2026-06-11T15:00:00Z", letter_issued("verification", "en-US", "2026-06-11"));
  EXPECT_TRUE(call(ny, "2026-06-12T15:00:00Z").blocked_by("us-dispute-validation"));
  EXPECT_TRUE(letter(ny, "2026-06-12T15:00:00Z", LetterPurpose::original_creditor).allowed);
  LetterIssued answer = letter_issued("original-creditor", "en-US", "2026-06-12");
  answer.purpose = LetterPurpose::original_creditor;
  events.add("A-1", "2026-06-12T16:00:00Z", answer);
  EXPECT_TRUE(call(ny, "2026-06-13T15:00:00Z").allowed);
}

// 12 CFR 1006.34(c)(3): the validation notice states the date the collector will consider the end of the validation
// period. A dispute received by that date is honoured even when it is later than the end 1006.34(b)(5) gives (notice
// provided Monday 1 June 2026: assumed received 8 June, period ends 8 July); an earlier date stated shortens nothing.
TEST_F(ComplianceCheck, TheValidationPeriodEndsOnTheLaterOfTheRuleAndTheDateTheNoticeStated) {
  book.holidays = testdata::shipped_calendar("US-FEDERAL");
  const Account ny = account_in("US-NY", "America/New_York");
  LetterIssued notice = letter_issued("validation-notice", "en-US", "2026-06-01");
  notice.purpose = LetterPurpose::validation_notice;
  notice.validation_ends = *Date::from_ymd(2026, 7, 15);
  events.add("A-1", "2026-06-01T15:00:00Z", notice);
  events.add("A-1", "2026-07-20T15:00:00Z", DisputeOpened{"P-1", "after the stated date", *Date::from_ymd(2026, 7, 16)});
  EXPECT_TRUE(call(ny, "2026-07-21T15:00:00Z").allowed);
  events.add("A-1", "2026-07-21T16:00:00Z", DisputeOpened{"P-1", "by the stated date", *Date::from_ymd(2026, 7, 14)});
  EXPECT_TRUE(call(ny, "2026-07-22T15:00:00Z").blocked_by("us-dispute-validation"));

  Events early;
  notice.validation_ends = *Date::from_ymd(2026, 7, 1);
  early.add("A-1", "2026-06-01T15:00:00Z", notice);
  early.add("A-1", "2026-07-06T15:00:00Z", DisputeOpened{"P-1", "inside the rule's period", *Date::from_ymd(2026, 7, 6)});
  EXPECT_TRUE(check_journal(ny, ny.parties[0], ContactChannel::phone, at("2026-07-07T15:00:00Z"), early.journal, book)
                  .blocked_by("us-dispute-validation"));
}

// A pack whose frequency rule counts per consumer: attempts on the consumer's other debt count too.
TEST_F(ComplianceCheck, SeveralDebtsForOneConsumerWhenCountedPerConsumer) {
  RuleBook per_consumer;
  ASSERT_TRUE(per_consumer.add("test", R"({"format": "parley.rules/1", "jurisdiction": "US", "name": "t",
    "version": "1", "rules": [{"id": "two-a-week", "citation": "test", "text": "t", "kind": "call-frequency",
    "channels": ["phone"], "max_calls": 2, "window_days": 7, "per": "consumer"}]})"));
  const Account ny = account_in("US-NY", "America/New_York");
  events.attempt("A-1", "2026-06-01T15:00:00Z");
  events.attempt("A-2", "2026-06-02T15:00:00Z");
  const std::vector<std::string> others = {"A-2"};
  const Instant now = at("2026-06-03T15:00:00Z");
  EXPECT_TRUE(check_journal(ny, ny.parties[0], ContactChannel::phone, now, events.journal, per_consumer).allowed);
  const Decision d = check_journal(ny, ny.parties[0], ContactChannel::phone, now, events.journal, per_consumer, others);
  EXPECT_TRUE(d.blocked_by("two-a-week"));
  EXPECT_EQ(d.next_allowed, at("2026-06-08T04:00:00Z"));  // midnight EDT: 1 June leaves the window
}

// 12 CFR 1006.6(d)(1): someone who is not a party to the account may not hear about the debt.
TEST_F(ComplianceCheck, ThirdPartyIsNotTold) {
  const Account ny = account_in("US-NY", "America/New_York");
  Party neighbour = ny.parties[0];
  neighbour.id = "P-neighbour";
  const Decision d = check_journal(ny, neighbour, ContactChannel::phone, at("2026-06-02T15:00:00Z"), events.journal, book);
  EXPECT_TRUE(d.blocked_by("us-third-party-disclosure"));
}

// Bad input: an unknown jurisdiction, a party without a time zone, a pack that failed to load.
TEST_F(ComplianceCheck, UnknownJurisdictionIsBlocked) {
  const Decision d = call(account_in("ZZ", "America/New_York"), "2026-06-02T15:00:00Z");
  EXPECT_FALSE(d.allowed);
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_EQ(d.reasons[0].rule_id, no_rule_pack);
  EXPECT_NE(d.reasons[0].words.find("\"ZZ\""), std::string::npos);
  EXPECT_FALSE(d.next_allowed.has_value());
}

// -- Bankruptcy and death -----------------------------------------------------------------------------------------

// A New York debtor P-1 with a co-signer P-2 and the executor of the estate P-3, each with a number that may be
// called; `outcome` recorded on a call to the debtor on 1 June.
Account with_outcome_on_debtor(Events& events, ContactOutcome outcome) {
  Account a = account_in("US-NY", "America/New_York", {"America/New_York"});
  a.parties[0].phones[0].consent_call = true;
  for (const auto& [id, role] : {std::pair{"P-2", PartyRole::co_signer}, std::pair{"P-3", PartyRole::executor}}) {
    Party p = a.parties[0];
    p.id = id;
    p.role = role;
    p.phones[0].number = std::string("+1212555010") + id[2];
    a.parties.push_back(p);
  }
  const EventId call = events.attempt("A-1", "2026-06-01T15:00:00Z");
  events.add("A-1", "2026-06-01T15:05:00Z", OutcomeRecorded{call, outcome, true});
  return a;
}

// 11 U.S.C. 362(a)(6): the automatic stay stops any act to collect the debt once the debtor's bankruptcy is known, so
// no one is contacted about it, on any channel: not the debtor, not the co-signer, not a neighbour.
TEST_F(ComplianceCheck, TheDebtorsBankruptcyStopsContactWithEveryoneOnEveryChannel) {
  const Account a = with_outcome_on_debtor(events, ContactOutcome::bankrupt);
  for (const ContactChannel channel : {ContactChannel::phone, ContactChannel::sms, ContactChannel::email,
                                       ContactChannel::letter, ContactChannel::in_person}) {
    for (const Party& party : a.parties) {
      const Decision d = check_journal(a, party, channel, at("2026-06-10T16:00:00Z"), events.journal, book);
      EXPECT_FALSE(d.allowed) << party.id << " " << to_string(channel);
      EXPECT_TRUE(d.blocked_by(account_hold)) << party.id;
      EXPECT_FALSE(d.next_allowed.has_value());
    }
  }
  Party neighbour = a.parties[1];
  neighbour.id = "N-1";
  neighbour.role = PartyRole::guarantor;  // not on the account: read from its own data
  EXPECT_TRUE(check_journal(a, neighbour, ContactChannel::phone, at("2026-06-10T16:00:00Z"), events.journal, book)
                  .blocked_by(account_hold));
  const Decision cosigner = check_journal(a, a.parties[1], ContactChannel::phone, at("2026-06-10T16:00:00Z"),
                                          events.journal, book);
  EXPECT_NE(cosigner.reasons[0].words.find("automatic stay"), std::string::npos) << cosigner.reasons[0].words;
}

// A co-signer's own bankruptcy stops contact with the co-signer only: the debtor still owes the debt.
TEST_F(ComplianceCheck, ACoSignersBankruptcyStopsOnlyTheirContact) {
  Account a = with_outcome_on_debtor(events, ContactOutcome::no_answer);
  const EventId call = events.add("A-1", "2026-06-02T15:00:00Z",
                                  ContactAttempted{"P-2", ContactChannel::phone, "+12125550102",
                                                   ContactDirection::outbound});
  events.add("A-1", "2026-06-02T15:05:00Z", OutcomeRecorded{call, ContactOutcome::bankrupt, true});
  EXPECT_TRUE(check_journal(a, a.parties[1], ContactChannel::phone, at("2026-06-10T16:00:00Z"), events.journal, book)
                  .blocked_by(account_hold));
  const Decision debtor =
      check_journal(a, a.parties[0], ContactChannel::phone, at("2026-06-10T16:00:00Z"), events.journal, book);
  EXPECT_TRUE(debtor.allowed) << (debtor.reasons.empty() ? "" : debtor.reasons[0].words);
}

// 12 CFR 1006.6(a)(4): after the debtor's death the consumer is the executor or administrator of the estate, who may
// be contacted and told about the debt; no one else is contacted about it.
TEST_F(ComplianceCheck, AfterTheDebtorsDeathOnlyTheEstatesRepresentativeIsContacted) {
  const Account a = with_outcome_on_debtor(events, ContactOutcome::deceased);
  const Instant noon = at("2026-06-10T16:00:00Z");
  EXPECT_TRUE(check_journal(a, a.parties[0], ContactChannel::letter, noon, events.journal, book)
                  .blocked_by(account_hold));
  const Decision cosigner = check_journal(a, a.parties[1], ContactChannel::phone, noon, events.journal, book);
  EXPECT_TRUE(cosigner.blocked_by(account_hold));
  EXPECT_NE(cosigner.reasons[0].words.find("executor or administrator"), std::string::npos);
  const Decision executor =
      check_journal(a, a.parties[2], ContactChannel::phone, "+12125550103", noon, events.journal, book);
  EXPECT_TRUE(executor.allowed) << (executor.reasons.empty() ? "" : executor.reasons[0].words);
  EXPECT_FALSE(executor.blocked_by("us-third-party-disclosure"));
  Account administered = a;
  administered.parties[2].role = PartyRole::administrator;
  const Decision letter =
      check_journal(administered, administered.parties[2], ContactChannel::letter, noon, events.journal, book);
  EXPECT_TRUE(letter.allowed) << (letter.reasons.empty() ? "" : letter.reasons[0].rule_id + ": " + letter.reasons[0].words);
}

TEST_F(ComplianceCheck, MissingTimeZoneIsBlockedForCallsNotLetters) {
  const Account nowhere = account_in("US-NY", "Mars/Olympus_Mons");
  const Decision d = call(nowhere, "2026-06-02T15:00:00Z");
  EXPECT_FALSE(d.allowed);
  EXPECT_TRUE(d.blocked_by(time_zone_unknown));
  EXPECT_TRUE(call(nowhere, "2026-06-02T15:00:00Z", ContactChannel::letter).allowed);
}

TEST_F(ComplianceCheck, MalformedPackFailsClosed) {
  book.add("assets/rules/US-MA.json", R"({"format": "parley.rules/1", "jurisdiction": "US-MA", "rules": [)");
  ASSERT_EQ(book.failed.size(), 1u);
  // Even a New York debtor at noon, whom the pack would not concern, may not be contacted.
  const Decision d = call(account_in("US-NY", "America/New_York"), "2026-06-02T16:00:00Z");
  EXPECT_FALSE(d.allowed);
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_EQ(d.reasons[0].rule_id, rule_pack_failed);
  EXPECT_NE(d.reasons[0].words.find("assets/rules/US-MA.json: line 1"), std::string::npos) << d.reasons[0].words;
  EXPECT_FALSE(d.next_allowed.has_value());
}

// Ten thousand debts in one journal, each with 7 calls in the week: every decision is blocked by the frequency rule
// with the same next allowed instant, and a day later every one is allowed. Speed is measured by the benchmark
// (tests/bench, bench_contact), not here.
TEST(ComplianceScale, EveryDebtOfALargeJournalIsCountedOnItsOwn) {
  constexpr int kAccounts = 10000;
  constexpr int kCalls = 7;
  RuleBook book = testdata::shipped_rule_book();
  Journal journal;
  std::vector<Account> accounts;
  accounts.reserve(kAccounts);
  std::uint64_t n = 0;
  const std::int64_t start = at("2026-06-01T15:00:00Z").unix_seconds();
  for (int day = 0; day < kCalls; ++day) {
    for (int i = 0; i < kAccounts; ++i) {
      if (day == 0) accounts.push_back(account_in("US-NY", "America/New_York", {}, "A-" + std::to_string(i)));
      Event e;
      e.id = EventId::from_parts(7, ++n);
      e.account_id = accounts[static_cast<std::size_t>(i)].id;
      e.author = Author{"u-collector-17", "d-bench"};
      e.recorded_at = Instant::from_unix_seconds(start + day * 86400 + i);
      e.sequence = n;
      e.payload = ContactAttempted{"P-1", ContactChannel::phone, "+13085550123", ContactDirection::outbound};
      ASSERT_EQ(journal.add(std::move(e)), AddResult::added);
    }
  }
  const Instant now = at("2026-06-07T20:00:00Z");
  int blocked = 0;
  for (const Account& a : accounts) {
    const Decision d = check_journal(a, a.parties[0], ContactChannel::phone, now, journal, book);
    if (!d.allowed && d.blocked_by("us-call-frequency") && d.next_allowed == at("2026-06-08T12:00:00Z")) ++blocked;
  }
  EXPECT_EQ(blocked, kAccounts);
  // A day later 1 June has left every window: six calls in the week, so every account may be called.
  const Instant later = at("2026-06-08T15:00:00Z");
  int allowed = 0;
  for (const Account& a : accounts) {
    allowed += check_journal(a, a.parties[0], ContactChannel::phone, later, journal, book).allowed ? 1 : 0;
  }
  EXPECT_EQ(allowed, kAccounts);
}

}  // namespace
}  // namespace parley
