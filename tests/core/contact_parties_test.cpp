// Parties the collector learned of after placement (the add-party form) and an attorney's word on the
// representation: the payloads they record, their problems by field, and what the fold and the check make of them.
#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "compliance/embedded_rules.h"
#include "contact_fixtures.h"
#include "parley/account/account.h"
#include "parley/compliance/check.h"
#include "parley/contact/contact.h"

namespace parley {
namespace {

using contact_test::at;
using contact_test::day;
using contact_test::fields;
using contact_test::us_account;
using contact_test::us_client;

NewParty attorney_form() {
  NewParty in;
  in.role = PartyRole::attorney;
  in.given_name = "Lee";
  in.family_name = "Whitfield";
  in.represents = "P-1";
  in.source = "attorney-letter";
  in.phone = "+16175550188";
  in.time_zone = "America/New_York";
  return in;
}

class ContactParties : public contact_test::AccountJournalTest {
 protected:
  ContactParties() : AccountJournalTest(0x51) {}
};

TEST_F(ContactParties, AnAttorneyWithAnOfficeNumberIsAPartyThatRepresentsTheDebtorAndCanBeCalled) {
  const PartyMade made = make_party(state(), attorney_form(), day("2026-03-09"));
  ASSERT_TRUE(made.problems.empty()) << made.problems[0].text();
  EXPECT_EQ(made.party_id, "P-ADDED-1");
  ASSERT_EQ(made.payloads.size(), 2u);
  const auto* added = std::get_if<PartyAdded>(&made.payloads[0]);
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->party_id, "P-ADDED-1");
  EXPECT_EQ(added->role, PartyRole::attorney);
  EXPECT_EQ(added->represents, "P-1");
  EXPECT_EQ(added->source, "attorney-letter");
  const auto* point = std::get_if<ContactPointAdded>(&made.payloads[1]);
  ASSERT_NE(point, nullptr);
  const Phone& phone = std::get<Phone>(point->point);
  EXPECT_EQ(phone.number, "+16175550188");
  EXPECT_EQ(phone.kind, PhoneKind::work);
  EXPECT_EQ(phone.time_zones, std::vector<std::string>{"America/New_York"});
  EXPECT_TRUE(phone.consent_call);
  EXPECT_FALSE(phone.consent_text) << "texts need the person's own opt-in";
  EXPECT_EQ(phone.provenance.source, "attorney-letter");
  EXPECT_EQ(phone.provenance.first_seen, day("2026-03-09"));
  EXPECT_EQ(phone.provenance.status, ContactStatus::current);

  record(made.payloads, "2026-03-09T14:00:00Z");
  const AccountState after = state();
  EXPECT_TRUE(after.set_aside.empty());
  const PartyRecord* attorney = after.party("P-ADDED-1");
  ASSERT_NE(attorney, nullptr);
  EXPECT_EQ(full_name(*attorney->party), "Lee Whitfield");
  EXPECT_EQ(attorney->represents, after.party_index("P-1"));
  ASSERT_EQ(reachable_points(*attorney, ContactChannel::phone).size(), 1u);

  // 12 CFR 1006.6(b)(2): the debtor is now reached through the attorney, whose office may be called.
  const RuleBook book = testdata::shipped_rule_book();
  const Decision debtor =
      check(after, account.parties[0], ContactChannel::phone, "+16175550123", at("2026-03-09T15:00:00Z"), book, {});
  EXPECT_TRUE(debtor.blocked_by("us-attorney-representation"));
  const Decision office =
      check(after, *attorney->party, ContactChannel::phone, "+16175550188", at("2026-03-09T15:00:00Z"), book, {});
  EXPECT_TRUE(office.allowed) << (office.reasons.empty() ? "" : office.reasons[0].words);
}

TEST_F(ContactParties, APartyWithoutAPhoneIsOnlyItsPartyAddedAndIdsAreNotReused) {
  NewParty spouse;
  spouse.role = PartyRole::spouse;
  spouse.given_name = "Alex";
  spouse.family_name = "Reyes";
  spouse.represents = "P-1";  // only an attorney represents anyone: dropped
  spouse.source = "inbound-call";
  const PartyMade first = make_party(state(), spouse, day("2026-03-09"));
  ASSERT_TRUE(first.problems.empty());
  ASSERT_EQ(first.payloads.size(), 1u);
  EXPECT_EQ(std::get<PartyAdded>(first.payloads[0]).represents, "");
  record(first.payloads, "2026-03-09T14:00:00Z");
  const PartyMade second = make_party(state(), attorney_form(), day("2026-03-10"));
  EXPECT_EQ(second.party_id, "P-ADDED-2");
  record(second.payloads, "2026-03-10T14:00:00Z");
  EXPECT_TRUE(state().set_aside.empty());
  EXPECT_EQ(state().parties.size(), 4u);
}

// The attorney's letter gives its office's email and postal address beside its number: each is a contact point of
// the attorney, so that the debtor's matters can be written to the attorney (12 CFR 1006.6(b)(2)) by email and
// by letter. A spouse's email is kept, but collection email waits for the spouse's own consent (1006.6(d)(4)).
TEST_F(ContactParties, AnAttorneysEmailAndOfficeAddressAreItsContactPointsAndMayBeWrittenTo) {
  NewParty in = attorney_form();
  in.email = "lee@whitfield-law.example";
  in.address.lines = {"200 State St, Suite 4"};
  in.address.city = "Boston";
  in.address.region = "MA";
  in.address.postal_code = "02109";
  in.address.country = "US";
  const PartyMade made = make_party(state(), in, day("2026-03-09"));
  ASSERT_TRUE(made.problems.empty()) << made.problems[0].text();
  ASSERT_EQ(made.payloads.size(), 4u);
  EXPECT_LE(made.payloads.size(), max_new_party_payloads);
  const Email& email = std::get<Email>(std::get<ContactPointAdded>(made.payloads[2]).point);
  EXPECT_EQ(email.address, "lee@whitfield-law.example");
  EXPECT_TRUE(email.consent_email) << "the address the attorney gave to be written to at";
  EXPECT_EQ(email.provenance.source, "attorney-letter");
  const Address& office = std::get<Address>(std::get<ContactPointAdded>(made.payloads[3]).point);
  EXPECT_EQ(office.postal, in.address);
  EXPECT_EQ(office.time_zone, "America/New_York");
  EXPECT_TRUE(office.consent_mail);
  EXPECT_EQ(office.provenance.first_seen, day("2026-03-09"));

  record(made.payloads, "2026-03-09T14:00:00Z");
  const AccountState after = state();
  EXPECT_TRUE(after.set_aside.empty());
  const PartyRecord* attorney = after.party("P-ADDED-1");
  ASSERT_NE(attorney, nullptr);
  EXPECT_EQ(reachable_points(*attorney, ContactChannel::email).size(), 1u);
  EXPECT_EQ(reachable_points(*attorney, ContactChannel::letter).size(), 1u);
  const RuleBook book = testdata::shipped_rule_book();
  const Decision mail = check(after, *attorney->party, ContactChannel::email, "lee@whitfield-law.example",
                              at("2026-03-09T15:00:00Z"), book, {});
  EXPECT_TRUE(mail.allowed) << (mail.reasons.empty() ? "" : mail.reasons[0].words);
  const Decision letter = check(after, *attorney->party, ContactChannel::letter, address_key(in.address),
                                at("2026-03-09T15:00:00Z"), book, {});
  EXPECT_TRUE(letter.allowed) << (letter.reasons.empty() ? "" : letter.reasons[0].words);

  NewParty spouse;
  spouse.role = PartyRole::spouse;
  spouse.given_name = "Alex";
  spouse.family_name = "Reyes";
  spouse.source = "inbound-call";
  spouse.email = "alex@example.com";
  const PartyMade second = make_party(after, spouse, day("2026-03-10"));
  ASSERT_TRUE(second.problems.empty()) << second.problems[0].text();
  ASSERT_EQ(second.payloads.size(), 2u) << "no phone and no address: its PartyAdded and its email";
  EXPECT_FALSE(std::get<Email>(std::get<ContactPointAdded>(second.payloads[1]).point).consent_email);
  record(second.payloads, "2026-03-10T14:00:00Z");
  const PartyRecord* recorded = state().party("P-ADDED-2");
  ASSERT_NE(recorded, nullptr);
  EXPECT_TRUE(reachable_points(*recorded, ContactChannel::email).empty()) << "no collection email before its opt-in";
}

TEST_F(ContactParties, EachWrongFieldIsNamedAndNothingIsMade) {
  const auto problems_of = [&](NewParty in) {
    const PartyMade made = make_party(state(), in, day("2026-03-09"));
    if (!made.problems.empty()) {
      EXPECT_TRUE(made.payloads.empty());
      EXPECT_TRUE(made.party_id.empty());
    }
    return fields(made.problems);
  };
  NewParty in = attorney_form();
  in.role = PartyRole::debtor;
  EXPECT_EQ(problems_of(in), std::vector<std::string>{"role"});
  in = attorney_form();
  in.given_name.clear();
  in.family_name.clear();
  EXPECT_EQ(problems_of(in), std::vector<std::string>{"family_name"});
  in = attorney_form();
  in.given_name.clear();  // a law firm: one name is enough
  EXPECT_TRUE(problems_of(in).empty());
  in = attorney_form();
  in.represents = "P-404";
  EXPECT_EQ(problems_of(in), std::vector<std::string>{"represents"});
  in = attorney_form();
  in.source.clear();
  EXPECT_EQ(problems_of(in), std::vector<std::string>{"source"});
  in = attorney_form();
  in.phone = "617-555-0188";
  EXPECT_EQ(problems_of(in), std::vector<std::string>{"phone"});
  in = attorney_form();
  in.time_zone.clear();
  EXPECT_EQ(problems_of(in), std::vector<std::string>{"time_zone"});
  in.time_zone = "America/Gotham";
  EXPECT_EQ(problems_of(in), std::vector<std::string>{"time_zone"});
  in = attorney_form();
  in.email = "lee.whitfield-law.example";
  EXPECT_EQ(problems_of(in), std::vector<std::string>{"email"});
  in = attorney_form();
  in.phone.clear();
  in.time_zone.clear();
  in.address.lines = {"200 State St"};  // a street, no city, and a country that is not a code
  in.address.country = "USA";
  EXPECT_EQ(problems_of(in), (std::vector<std::string>{"address.city", "address.country", "time_zone"}))
      << "an address needs its zone as a phone does";
  in.address.lines.clear();
  in.address.city = "Boston";
  in.address.country = "US";
  in.time_zone = "America/New_York";
  EXPECT_EQ(problems_of(in), std::vector<std::string>{"address.lines"});

  // An attorney represents a party that is not an attorney.
  record(make_party(state(), attorney_form(), day("2026-03-09")).payloads, "2026-03-09T14:00:00Z");
  in = attorney_form();
  in.represents = "P-ADDED-1";
  EXPECT_EQ(problems_of(in), std::vector<std::string>{"represents"});
}

TEST_F(ContactParties, AnAttorneysConsentOrTheEndOfItsRepresentationIsFoldedAndOpensTheDebtor) {
  EXPECT_EQ(fields(make_representation(state(), "P-ADDED-1", true, false).problems),
            std::vector<std::string>{"attorney_id"});
  EXPECT_EQ(fields(make_representation(state(), "P-2", true, false).problems),
            std::vector<std::string>{"attorney_id"})
      << "the co-signer is no attorney";
  record(make_party(state(), attorney_form(), day("2026-03-09")).payloads, "2026-03-09T14:00:00Z");

  const RepresentationMade consent = make_representation(state(), "P-ADDED-1", false, true);
  ASSERT_TRUE(consent.problems.empty());
  ASSERT_TRUE(consent.change.has_value());
  EXPECT_EQ(consent.change->attorney_id, "P-ADDED-1");
  EXPECT_FALSE(consent.change->ended);
  EXPECT_TRUE(consent.change->direct_contact);
  record({*consent.change}, "2026-03-10T14:00:00Z");
  EXPECT_TRUE(state().party("P-ADDED-1")->direct_contact);

  const RuleBook book = testdata::shipped_rule_book();
  const AccountState consented = state();
  const Decision debtor =
      check(consented, account.parties[0], ContactChannel::phone, "+16175550123", at("2026-03-10T15:00:00Z"), book, {});
  EXPECT_TRUE(debtor.allowed) << (debtor.reasons.empty() ? "" : debtor.reasons[0].words);

  record({*make_representation(state(), "P-ADDED-1", true, false).change}, "2026-03-11T14:00:00Z");
  EXPECT_TRUE(state().party("P-ADDED-1")->representation_ended);
  EXPECT_FALSE(state().party("P-ADDED-1")->direct_contact);
}

// Consent revoked by any reasonable means is an event that takes effect (the check reads it at once), and may be
// given again; the party's own word, on one channel of one point.
TEST_F(ContactParties, ConsentRevokedOnOnePointStopsThatChannelThereAtOnce) {
  EXPECT_EQ(fields(make_consent(state(), "P-404", ContactChannel::phone, "+16175550123", false).problems),
            std::vector<std::string>{"party_id"});
  EXPECT_EQ(fields(make_consent(state(), "P-1", ContactChannel::phone, "+16175550999", false).problems),
            std::vector<std::string>{"point"});
  EXPECT_EQ(fields(make_consent(state(), "P-1", ContactChannel::in_person, "+16175550123", false).problems),
            std::vector<std::string>{"channel"});
  EXPECT_EQ(fields(make_consent(state(), "P-1", ContactChannel::email, "+16175550123", false).problems),
            std::vector<std::string>{"point"})
      << "a number is no email address";

  account.parties[0].phones[0].consent_call = true;
  account.parties[0].phones[0].consent_text = true;
  const RuleBook book = testdata::shipped_rule_book();
  const auto decide = [&](ContactChannel channel, const char* iso) {
    const AccountState now = state();
    return check(now, account.parties[0], channel, "+16175550123", at(iso), book, {});
  };
  ASSERT_TRUE(decide(ContactChannel::sms, "2026-03-09T15:00:00Z").allowed);

  const ConsentMade revoked = make_consent(state(), "P-1", ContactChannel::sms, "+16175550123", false);
  ASSERT_TRUE(revoked.problems.empty());
  EXPECT_EQ(*revoked.change, (ConsentChanged{"P-1", ContactPointKind::phone, "+16175550123", ContactChannel::sms,
                                             false}));
  record({*revoked.change}, "2026-03-09T15:00:00Z");
  const Decision text = decide(ContactChannel::sms, "2026-03-09T15:01:00Z");
  EXPECT_TRUE(text.blocked_by("no-consent"));
  EXPECT_TRUE(decide(ContactChannel::phone, "2026-03-09T15:01:00Z").allowed) << "calls to the number still may";

  record({*make_consent(state(), "P-1", ContactChannel::sms, "+16175550123", true).change}, "2026-03-10T15:00:00Z");
  EXPECT_TRUE(decide(ContactChannel::sms, "2026-03-10T15:01:00Z").allowed);
}

// A reason to ask a third party again names what is wrong with it: a party the account lacks or that is not a third
// party, a reason left empty or blank; a good one is kept without its surrounding blanks. A protection's reference is
// held to the journal's own limit.
TEST_F(ContactParties, AReasonToAskAgainAndAProtectionNameTheirWrongFields) {
  NewParty neighbour;
  neighbour.role = PartyRole::third_party;
  neighbour.given_name = "Robin";
  neighbour.family_name = "Hale";
  neighbour.source = "skip-trace";
  const PartyMade added = make_party(state(), neighbour, day("2026-03-09"));
  ASSERT_TRUE(added.problems.empty());
  record(added.payloads, "2026-03-09T14:00:00Z");
  EXPECT_EQ(fields(make_recontact(state(), "P-404", "why").problems), std::vector<std::string>{"party_id"});
  EXPECT_EQ(fields(make_recontact(state(), "P-1", "why").problems), std::vector<std::string>{"party_id"})
      << "the debtor is no third party";
  EXPECT_EQ(fields(make_recontact(state(), added.party_id, " \n\t ").problems), std::vector<std::string>{"reason"});
  const RecontactMade made = make_recontact(state(), added.party_id, "  The landlord says Robin forwards mail\n");
  ASSERT_TRUE(made.problems.empty());
  EXPECT_EQ(*made.change, (RecontactJustified{added.party_id, "The landlord says Robin forwards mail"}));

  const std::string longest(max_protection_reference_bytes, 'R');
  EXPECT_TRUE(make_protection(state(), "P-1", Protection::breathing_space, "2026-03-09", "", longest).problems.empty());
  EXPECT_EQ(fields(make_protection(state(), "P-1", Protection::breathing_space, "2026-03-09", "", longest + "R")
                       .problems),
            std::vector<std::string>{"reference"});
}

// A dispute that comes by post pauses collection (15 U.S.C. 1692g(b); 12 CFR 1006.38(d)(2)(i)) as one by email does,
// from the day the agency received it; a written request for the original creditor's name and address likewise
// (1006.38(c)); a written request to stop communicating stops every channel (1006.6(c)(1)). What was said on a call
// is that call's outcome, so the form refuses a call or visit as the medium.
TEST_F(ContactParties, ADisputeOrCeaseReceivedInWritingIsRecordedWithItsMediumAndDay) {
  const RuleBook book = testdata::shipped_rule_book();
  const auto phone_call = [&](const char* iso) {
    return check(state(), account.parties[0], ContactChannel::phone, "+16175550123", at(iso), book, {});
  };
  account.parties[0].phones[0].consent_call = true;
  ASSERT_TRUE(phone_call("2026-03-10T15:00:00Z").allowed);

  Correspondence letter;
  letter.received = "2026-03-09";
  letter.reason = "  I paid this in 2024  ";
  const CorrespondenceMade dispute = make_correspondence(state(), "P-1", letter, day("2026-03-10"));
  ASSERT_TRUE(dispute.problems.empty()) << dispute.problems[0].text();
  EXPECT_EQ(std::get<DisputeOpened>(*dispute.change),
            (DisputeOpened{"P-1", "I paid this in 2024", day("2026-03-09"), DisputeSubject::debt,
                           ContactChannel::letter}));
  record({*dispute.change}, "2026-03-10T14:00:00Z");
  EXPECT_TRUE(phone_call("2026-03-10T15:00:00Z").blocked_by("us-dispute-validation"));

  Correspondence email;
  email.request = WrittenRequest::original_creditor;
  email.via = ContactChannel::email;
  email.received = "2026-03-10";
  EXPECT_EQ(std::get<DisputeOpened>(*make_correspondence(state(), "P-2", email, day("2026-03-10")).change),
            (DisputeOpened{"P-2", "", day("2026-03-10"), DisputeSubject::original_creditor, ContactChannel::email}));

  Correspondence cease;
  cease.request = WrittenRequest::cease;
  cease.via = ContactChannel::sms;
  cease.received = "2026-03-10";
  EXPECT_EQ(std::get<CeaseRequested>(*make_correspondence(state(), "P-1", cease, day("2026-03-10")).change),
            (CeaseRequested{"P-1", CeaseScope::all, {}, ContactChannel::sms}));

  const auto problems_of = [&](std::string_view party, Correspondence in) {
    const CorrespondenceMade made = make_correspondence(state(), party, in, day("2026-03-10"));
    EXPECT_EQ(made.change.has_value(), made.problems.empty());
    return fields(made.problems);
  };
  EXPECT_EQ(problems_of("P-404", letter), std::vector<std::string>{"party_id"});
  Correspondence said = letter;
  said.via = ContactChannel::phone;
  EXPECT_EQ(problems_of("P-1", said), std::vector<std::string>{"via"});
  said.via = ContactChannel::in_person;
  EXPECT_EQ(problems_of("P-1", said), std::vector<std::string>{"via"});
  Correspondence undated = letter;
  undated.received = "March 9";
  EXPECT_EQ(problems_of("P-1", undated), std::vector<std::string>{"received"});
  undated.received = "2026-03-11";
  EXPECT_EQ(problems_of("P-1", undated), std::vector<std::string>{"received"}) << "not after today";
  Correspondence long_reason = letter;
  long_reason.reason = std::string(max_event_text_bytes + 1, 'x');
  EXPECT_EQ(problems_of("P-1", long_reason), std::vector<std::string>{"reason"});

  NewParty neighbour;
  neighbour.role = PartyRole::third_party;
  neighbour.family_name = "Hale";
  neighbour.source = "skip-trace";
  record(make_party(state(), neighbour, day("2026-03-10")).payloads, "2026-03-10T16:00:00Z");
  EXPECT_EQ(problems_of("P-ADDED-1", letter), std::vector<std::string>{"party_id"})
      << "a neighbour neither disputes the debt nor asks that communication stop";
}

// A callback is asked for on the party's own clock: 18:30 in Cambridge on 2026-03-10 (EDT since 03-08) is 22:30 UTC.
// A time that has passed, one more than a year ahead, a party with no known zone and text that is not a date or a
// time are refused, each naming its field.
TEST_F(ContactParties, ACallbackIsReadOnThePartysClockAndNamesItsWrongFields) {
  const Instant now = at("2026-03-09T15:00:00Z");
  const CallbackMade made = make_callback(state(), "P-1", "2026-03-10", " 18:30 ", "  about a plan ", now);
  ASSERT_TRUE(made.problems.empty()) << made.problems[0].text();
  EXPECT_EQ(*made.change, (CallbackScheduled{"P-1", at("2026-03-10T22:30:00Z"), "about a plan"}));
  EXPECT_EQ(made.zone->name(), "America/New_York");
  record({*made.change}, "2026-03-09T15:00:00Z");
  ASSERT_EQ(state().callbacks.size(), 1u);
  EXPECT_TRUE(state().callbacks[0].open());

  const auto problems_of = [&](std::string_view party, std::string_view date, std::string_view time) {
    const CallbackMade m = make_callback(state(), party, date, time, "", now);
    EXPECT_EQ(m.change.has_value(), m.problems.empty());
    return m.problems;
  };
  EXPECT_EQ(problems_of("P-1", "2026-03-09", "09:00"),
            (Problems{{"time", "2026-03-09 09:00 in America/New_York has passed"}}));
  EXPECT_EQ(problems_of("P-1", "2027-03-11", "09:00"),
            (Problems{{"date", "2027-03-11 09:00 in America/New_York is more than a year ahead"}}));
  EXPECT_EQ(fields(problems_of("P-1", "10/03/2026", "7pm")), (std::vector<std::string>{"date", "time"}));
  EXPECT_EQ(fields(problems_of("P-1", "2026-03-10", "24:00")), std::vector<std::string>{"time"});
  EXPECT_EQ(problems_of("P-2", "2026-03-10", "18:30"),
            (Problems{{"party_id", "no time zone is known for Sam Reyes: add an address or a number with its zone "
                                   "first"}}));
  EXPECT_EQ(fields(problems_of("P-404", "2026-03-10", "18:30")), std::vector<std::string>{"party_id"});
}

}  // namespace
}  // namespace parley
