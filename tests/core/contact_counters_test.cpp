// Contact counts come from the fold of the merged journal, whichever device recorded the attempts, and feed check().
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "contact_fixtures.h"
#include "embedded_rules.h"
#include "compliance_fixtures.h"
#include "parley/compliance/check.h"

namespace parley {
namespace {

using namespace contact_test;
using compliance_test::check_journal;

// Seven calls in the week before 2026-03-08: four from the laptop, three from the phone, each kept in its own
// device journal before sync.
struct TwoDevices {
  Device laptop{"d-laptop-1", 0x11};
  Device phone{"d-phone-7", 0x22};
  Journal on_laptop;
  Journal on_phone;
  TwoDevices() {
    for (const char* when :
         {"2026-03-02T15:00:00Z", "2026-03-03T15:00:00Z", "2026-03-04T15:00:00Z", "2026-03-05T15:00:00Z"}) {
      const EventId call = laptop.call(on_laptop, "A-1", at(when));
      laptop.add(on_laptop, "A-1", at(when).plus_seconds(60),
                 OutcomeRecorded{call, ContactOutcome::no_answer, false});
    }
    for (const char* when : {"2026-03-06T14:00:00Z", "2026-03-06T19:00:00Z", "2026-03-07T15:00:00Z"}) {
      const EventId call = phone.call(on_phone, "A-1", at(when));
      phone.add(on_phone, "A-1", at(when).plus_seconds(60),
                OutcomeRecorded{call, ContactOutcome::no_answer, false});
    }
    // An older call, out of the window, and a call on another account: neither counts.
    phone.call(on_phone, "A-1", at("2026-02-20T15:00:00Z"));
    phone.call(on_phone, "A-2", at("2026-03-07T16:00:00Z"));
  }
  Journal merged() const {
    Journal j = on_laptop;
    j.merge(on_phone);
    return j;
  }
};

// The attempts on A-1 with their outcomes, as the fold of `journal` holds them.
AccountState folded(const Account& a, const Journal& journal) { return fold(a, nullptr, journal.events_for("A-1")); }

TEST(ContactCounters, AttemptsAreFoldedFromTheMergedJournal) {
  const TwoDevices d;
  const Account a = us_account();
  EXPECT_EQ(folded(a, d.on_laptop).attempts.size(), 4u);
  EXPECT_EQ(folded(a, d.on_phone).attempts.size(), 4u);  // three in the week and an older one; A-2's is not A-1's
  const AccountState merged = folded(a, d.merged());
  ASSERT_EQ(merged.attempts.size(), 8u);
  EXPECT_EQ(merged.attempts.front().at, at("2026-02-20T15:00:00Z"));  // in journal order, whichever device
  EXPECT_EQ(merged.attempts.back().at, at("2026-03-07T15:00:00Z"));
  EXPECT_EQ(merged.attempts.back().outcome, ContactOutcome::no_answer);
  EXPECT_TRUE(first_communication(merged, "P-1", ContactChannel::phone, at("2026-03-08T16:00:00Z")));
  // A call that never connected keeps its outcome, which the frequency rules read (12 CFR 1006.14(b)(3)).
  Journal busy = d.merged();
  Device desk("d-desk-3", 0x33);
  const EventId dropped = desk.call(busy, "A-1", at("2026-03-08T13:00:00Z"));
  desk.add(busy, "A-1", at("2026-03-08T13:00:05Z"), OutcomeRecorded{dropped, ContactOutcome::not_connected, false});
  EXPECT_EQ(folded(a, busy).attempt(dropped)->outcome, ContactOutcome::not_connected);
  // Events after the instant asked about are not folded.
  EXPECT_EQ(fold(a, nullptr, d.merged().events_for("A-1"), at("2026-03-06T15:00:00Z")).attempts.size(), 6u);
}

// The account under federal rules only (Connecticut has no pack of its own here; Massachusetts's is
// stricter): placed in Connecticut, with the debtor's current address there too, since the law of every place the
// debtor lives applies.
Account federal_account() {
  Account a = us_account();
  a.jurisdiction = "US-CT";
  a.parties[0].addresses[0].postal = PostalAddress{{"12 Elm Street"}, "Hartford", "CT", "06103", "US"};
  return a;
}

TEST(ContactCounters, EighthCallBlockedWhenSevenCameFromTwoDevices) {
  const TwoDevices d;
  const Account a = federal_account();
  const RuleBook book = testdata::shipped_rule_book();
  const Instant now = at("2026-03-08T16:00:00Z");  // 12:00 in Hartford
  // Each device alone has seen fewer than seven calls.
  EXPECT_TRUE(check_journal(a, a.parties[0], ContactChannel::phone, now, d.on_laptop, book).allowed);
  EXPECT_TRUE(check_journal(a, a.parties[0], ContactChannel::phone, now, d.on_phone, book).allowed);
  // Merged, the eighth call in seven days is blocked, citing the rule; email is not a call.
  const Decision blocked = check_journal(a, a.parties[0], ContactChannel::phone, now, d.merged(), book);
  EXPECT_FALSE(blocked.allowed);
  ASSERT_EQ(blocked.reasons.size(), 1u);
  EXPECT_EQ(blocked.reasons[0].rule_id, "us-call-frequency");
  EXPECT_EQ(blocked.reasons[0].citation, "12 CFR 1006.14(b)(2)(i)(A)");
  ASSERT_TRUE(blocked.next_allowed.has_value());
  // 2026-03-02 leaves the window at midnight EDT; calls may start again at 08:00 EDT.
  EXPECT_EQ(*blocked.next_allowed, at("2026-03-09T12:00:00Z"));
  EXPECT_TRUE(check_journal(a, a.parties[0], ContactChannel::email, now, d.merged(), book).allowed);

  // In Massachusetts the state pack's two calls in seven days block as well, each reason with its citation.
  const Account ma = us_account();
  const Decision strict = check_journal(ma, ma.parties[0], ContactChannel::phone, now, d.merged(), book);
  EXPECT_TRUE(strict.blocked_by("us-call-frequency"));
  EXPECT_TRUE(strict.blocked_by("ma-two-calls-in-seven-days"));
}

TEST(ContactCounters, ConversationRecordedOnOneDeviceBlocksTheOther) {
  TwoDevices d;
  const Account a = federal_account();
  const RuleBook book = testdata::shipped_rule_book();
  // The phone's session: a verified party, a promise; its events enter the phone's journal.
  ContactStart s = start_contact(folded(a, d.on_phone), "P-1", ContactChannel::phone, "+16175550123",
                                 d.phone.next_id(), at("2026-03-07T20:00:00Z"));
  ASSERT_TRUE(s.session.has_value());
  // Record the attempt under the session's id.
  Event attempt{s.session->attempt_id, "A-1", d.phone.author(), at("2026-03-07T20:00:00Z"), 100, *s.attempt};
  ASSERT_EQ(d.on_phone.add(attempt), AddResult::added);
  const VerifyStep v = verify(*s.session, folded(a, d.on_phone),
                              std::vector<Answer>{{IdentityQuestion::birth_date, "April 12 1980"},
                                                  {IdentityQuestion::national_id_last4, "6789"}});
  ASSERT_EQ(v.session.state, VerificationState::verified);
  const ContactFinish f = finish_contact(v.session, folded(a, d.on_phone), ContactOutcome::right_party_contact, {},
                                         day("2026-03-07"));
  ASSERT_TRUE(f.problems.empty());
  std::vector<EventId> ids;
  for (std::size_t i = 0; i < f.payloads.size(); ++i) ids.push_back(d.phone.next_id());
  const ContactEvents made =
      make_contact_events("A-1", f.payloads, ids, d.phone.author(), at("2026-03-07T20:06:00Z"), 101);
  ASSERT_TRUE(made.problems.empty());
  for (const Event& e : made.events) ASSERT_EQ(d.on_phone.add(e), AddResult::added);

  // The laptop has not seen it: only after sync does it know of the conversation.
  const Instant now = at("2026-03-08T16:00:00Z");
  EXPECT_TRUE(first_communication(folded(a, d.on_laptop), "P-1", ContactChannel::phone, now));
  const Journal merged = d.merged();
  const AccountState state = folded(a, merged);
  EXPECT_FALSE(first_communication(state, "P-1", ContactChannel::phone, now));
  EXPECT_TRUE(state.attempt(s.session->attempt_id)->conversation);
  const Decision decision = check_journal(a, a.parties[0], ContactChannel::phone, now, merged, book);
  EXPECT_FALSE(decision.allowed);
  EXPECT_TRUE(decision.blocked_by("us-after-conversation"));
  // A session started on the laptop after sync is no longer a first communication.
  const ContactStart later =
      start_contact(state, "P-1", ContactChannel::phone, "+16175550123", d.laptop.next_id(), now);
  ASSERT_TRUE(later.session.has_value());
  EXPECT_FALSE(later.session->first_communication);
}

}  // namespace
}  // namespace parley
