// Journal events: ids, spellings, the journal order and the validation rules.
#include "parley/journal/event.h"

#include <gtest/gtest.h>

#include <string>

#include "event_fixtures.h"

namespace parley {
namespace {

using testdata::every_kind_events;
using testdata::make_event;
using testdata::letter;
using testdata::usd;
using testdata::payment;

std::string all_text(const Problems& problems) {
  std::string all;
  for (const Problem& p : problems) all += p.text() + "\n";
  return all;
}

// [SECTION] EventId

TEST(JournalEventId, HexRoundTripsAndIsLowercase) {
  const EventId id = EventId::from_parts(0x0190f3a1b2c3d4e5ull, 0x00000000000000ffull);
  EXPECT_EQ(id.hex(), "0190f3a1b2c3d4e500000000000000ff");
  EXPECT_EQ(EventId::parse(id.hex()), id);
}

TEST(JournalEventId, ParseRejectsAnythingButThirtyTwoLowercaseHexDigits) {
  EXPECT_FALSE(EventId::parse("0190F3A1B2C3D4E500000000000000FF"));   // uppercase: one spelling per id
  EXPECT_FALSE(EventId::parse("0190f3a1b2c3d4e500000000000000f"));    // 31 digits
  EXPECT_FALSE(EventId::parse("0190f3a1b2c3d4e500000000000000fff"));  // 33 digits
  EXPECT_FALSE(EventId::parse("0190f3a1-b2c3-d4e5-0000-0000000000ff"));
  EXPECT_FALSE(EventId::parse("0190f3a1b2c3d4e5000000000000g0ff"));
  EXPECT_FALSE(EventId::parse(""));
}

TEST(JournalEventId, UuidFormGivesTheSameIdInEitherCase) {
  const auto lower = EventId::parse_uuid("0190f3a1-b2c3-7d4e-8000-0000000000ff");
  const auto upper = EventId::parse_uuid("0190F3A1-B2C3-7D4E-8000-0000000000FF");
  ASSERT_TRUE(lower && upper);
  EXPECT_EQ(*lower, *upper);
  EXPECT_EQ(lower->hex(), "0190f3a1b2c37d4e80000000000000ff");
  EXPECT_FALSE(EventId::parse_uuid("0190f3a1b2c37d4e80000000000000ff"));
  EXPECT_FALSE(EventId::parse_uuid("0190f3a1-b2c3-7d4e-8000-0000000000f-"));
}

TEST(JournalEventId, FromBytesIsBigEndian) {
  std::array<std::uint8_t, 16> bytes{};
  for (std::size_t i = 0; i < 16; ++i) bytes[i] = static_cast<std::uint8_t>(i + 1);
  EXPECT_EQ(EventId::from_bytes(bytes).hex(), "0102030405060708090a0b0c0d0e0f10");
}

TEST(JournalEventId, OrderAgreesWithTheHexText) {
  const EventId a = EventId::from_parts(1, 0xffffffffffffffffull);
  const EventId b = EventId::from_parts(2, 0);
  EXPECT_LT(a, b);
  EXPECT_LT(a.hex(), b.hex());
  EXPECT_TRUE(EventId{}.is_nil());
  EXPECT_FALSE(a.is_nil());
}

// [SECTION] Spellings

TEST(JournalEventSpellings, EveryKindRoundTripsAndMatchesTheVariant) {
  const std::vector<Event> events = every_kind_events();
  ASSERT_EQ(events.size(), static_cast<std::size_t>(event_kind_count));
  for (int k = 0; k < event_kind_count; ++k) {
    const auto kind = static_cast<EventKind>(k);
    EXPECT_EQ(parse_event_kind(to_string(kind)), kind);
    EXPECT_EQ(events[static_cast<std::size_t>(k)].kind(), kind);
  }
  EXPECT_EQ(to_string(EventKind::contact_point_updated), "contact-point-updated");
  EXPECT_FALSE(parse_event_kind("Contact-Attempted"));
}

TEST(JournalEventSpellings, EnumerationsRoundTrip) {
  for (int i = 0; i < 5; ++i) {
    const auto c = static_cast<ContactChannel>(i);
    EXPECT_EQ(parse_contact_channel(to_string(c)), c);
  }
  for (int i = 0; i < 12; ++i) {
    const auto o = static_cast<ContactOutcome>(i);
    EXPECT_EQ(parse_contact_outcome(to_string(o)), o);
  }
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(parse_verification_method(to_string(static_cast<VerificationMethod>(i))),
              static_cast<VerificationMethod>(i));
    EXPECT_EQ(parse_contact_point_kind(to_string(static_cast<ContactPointKind>(i))),
              static_cast<ContactPointKind>(i));
    EXPECT_EQ(parse_escalation_target(to_string(static_cast<EscalationTarget>(i))),
              static_cast<EscalationTarget>(i));
  }
  EXPECT_EQ(to_string(ContactChannel::in_person), "in-person");
  EXPECT_EQ(to_string(ContactOutcome::right_party_contact), "right-party-contact");
  EXPECT_EQ(to_string(EscalationTarget::return_to_client), "return-to-client");
  EXPECT_EQ(parse_contact_direction("inbound"), ContactDirection::inbound);
  EXPECT_EQ(parse_cease_scope("channels"), CeaseScope::channels);
  EXPECT_FALSE(parse_contact_channel("fax"));
  EXPECT_FALSE(parse_contact_outcome("right_party_contact"));
}

TEST(JournalEventPayload, AddressKeyJoinsTheNonEmptyParts) {
  PostalAddress a;
  a.lines = {"12 Elm Street", "Apt 3"};
  a.city = "Boston";
  a.region = "MA";
  a.postal_code = "02118";
  a.country = "US";
  EXPECT_EQ(address_key(a), "12 Elm Street, Apt 3, Boston, MA, 02118, US");
  a.region.clear();
  a.lines = {"3 rue de la Paix"};
  a.city = "Paris";
  a.postal_code = "75002";
  a.country = "FR";
  EXPECT_EQ(address_key(a), "3 rue de la Paix, Paris, 75002, FR");
}

// [SECTION] Order

TEST(JournalEventOrder, TimeThenDeviceThenSequenceThenId) {
  const EventPayload p = Escalated{};
  const Event base = make_event(10, "A", "d-b", 1000, 5, p);
  // Earlier time wins over everything else.
  EXPECT_TRUE(comes_before(make_event(99, "A", "d-z", 999, 99, p), base));
  // Same time: the device's bytes decide, not the sequence.
  EXPECT_TRUE(comes_before(make_event(99, "A", "d-a", 1000, 99, p), base));
  EXPECT_FALSE(comes_before(make_event(1, "A", "d-c", 1000, 1, p), base));
  // Same time and device: the sequence decides, not the id.
  EXPECT_TRUE(comes_before(make_event(99, "A", "d-b", 1000, 4, p), base));
  // Only the id left.
  EXPECT_TRUE(comes_before(make_event(9, "A", "d-b", 1000, 5, p), base));
  EXPECT_FALSE(comes_before(make_event(11, "A", "d-b", 1000, 5, p), base));
  EXPECT_FALSE(comes_before(base, base));
}

// [SECTION] Validation

TEST(JournalEventValidation, EveryFixtureEventIsValid) {
  for (const Event& e : every_kind_events()) EXPECT_EQ(validate_event(e), Problems{}) << all_text(validate_event(e));
}

TEST(JournalEventValidation, EnvelopeRules) {
  Event e = every_kind_events()[0];
  e.id = EventId{};
  e.account_id.clear();
  e.author.user.clear();
  e.author.device.clear();
  e.sequence = 0;
  e.recorded_at = Instant::from_unix_seconds(253402300800);  // 10000-01-01
  EXPECT_EQ(validate_event(e), (Problems{{"id", "must not be all zeros"},
                                         {"account_id", "must not be empty"},
                                         {"recorded_at", "must be in the years 0000 to 9999"},
                                         {"author.user", "must not be empty"},
                                         {"author.device", "must not be empty"},
                                         {"sequence", "must be from 1 to 9007199254740991"}}));
  e = every_kind_events()[0];
  e.sequence = max_event_sequence + 1;
  EXPECT_EQ(validate_event(e), (Problems{{"sequence", "must be from 1 to 9007199254740991"}}));
  e.sequence = max_event_sequence;
  EXPECT_EQ(validate_event(e), Problems{});
}

TEST(JournalEventValidation, TextMustBeUtf8) {
  Event e = every_kind_events()[0];
  e.account_id = "A-\xC3";  // a lead byte with no continuation
  EXPECT_EQ(validate_event(e), (Problems{{"account_id", "must be valid UTF-8"}}));
  e = every_kind_events()[7];
  std::get<DisputeOpened>(e.payload).reason = "\xED\xA0\x80";  // an encoded surrogate
  EXPECT_EQ(validate_event(e), (Problems{{"payload.reason", "must be valid UTF-8"}}));
}

TEST(JournalEventValidation, AmountsArePositiveWithACurrency) {
  Event e = make_event(1, "A", "d", 1000, 1, PromiseMade{Money(0, usd()), *Date::from_ymd(2026, 3, 20)});
  EXPECT_EQ(validate_event(e), (Problems{{"payload.amount", "must be positive"}}));
  e.payload = payment(Money(500, Currency{}), *Date::from_ymd(2026, 3, 20), PaymentMethod::card);
  EXPECT_EQ(validate_event(e), (Problems{{"payload.amount", "must carry a currency"}}));
  e.payload = payment(Money(-500, usd()), *Date::from_ymd(2026, 3, 20), PaymentMethod::card);
  EXPECT_EQ(validate_event(e), (Problems{{"payload.amount", "must be positive"},
                                         {"payload.allocation.principal", "must not be negative"}}));
}

TEST(JournalEventValidation, PayloadRules) {
  const auto problems_of = [](EventPayload p) { return validate_event(make_event(1, "A", "d", 1000, 1, std::move(p))); };
  EXPECT_EQ(problems_of(ContactAttempted{"P-1", ContactChannel::email, "", ContactDirection::outbound}),
            (Problems{{"payload.contact_point", "must not be empty unless the channel is \"in-person\""}}));
  EXPECT_EQ(problems_of(ContactAttempted{"P-1", ContactChannel::in_person, "", ContactDirection::inbound}),
            Problems{});
  EXPECT_EQ(problems_of(OutcomeRecorded{EventId{}, ContactOutcome::no_answer, false}),
            (Problems{{"payload.attempt_id", "must not be all zeros"}}));
  EXPECT_EQ(problems_of(PartyVerified{"P-1", VerificationMethod::document, -1}),
            (Problems{{"payload.questions_passed", "must not be negative"}}));
  EXPECT_EQ(problems_of(PlanAccepted{"{\"down\":", "sha"}),
            (Problems{{"payload.request", "must be JSON text"}}));
  EXPECT_EQ(problems_of(PlanAccepted{"", ""}),
            (Problems{{"payload.request", "must not be empty"}, {"payload.quote_digest", "must not be empty"}}));
  EXPECT_EQ(problems_of(letter("validation-notice", "english", "d")),
            (Problems{{"payload.locale", "must be a language tag such as \"en-US\""}}));
  EXPECT_EQ(problems_of(letter("validation-notice", "es-419", "d")), Problems{});
  EXPECT_EQ(problems_of(CeaseRequested{"P-1", CeaseScope::all, {ContactChannel::sms}}),
            (Problems{{"payload.channels", "must be empty when the scope is \"all\""}}));
  EXPECT_EQ(problems_of(CeaseRequested{"P-1", CeaseScope::channels, {}}),
            (Problems{{"payload.channels", "must list at least one channel when the scope is \"channels\""}}));
  EXPECT_EQ(problems_of(CeaseRequested{"P-1", CeaseScope::channels, {ContactChannel::sms, ContactChannel::sms}}),
            (Problems{{"payload.channels[1]", "\"sms\" is listed twice"}}));
  EXPECT_EQ(problems_of(PreferenceSet{"P-1", {InconvenientTime{Weekday::friday, 600, 600}}, {}}),
            (Problems{{"payload.avoid_times[0].to", "must be after \"from\""}}));
  EXPECT_EQ(problems_of(PreferenceSet{"P-1", {{}, InconvenientTime{Weekday::friday, 1440, 1441}}, {}}),
            (Problems{{"payload.avoid_times[0].to", "must be from 00:01 to 24:00"},
                      {"payload.avoid_times[1].from", "must be from 00:00 to 23:59"},
                      {"payload.avoid_times[1].to", "must be from 00:01 to 24:00"}}));
  EXPECT_EQ(problems_of(ContactPointUpdated{"", ContactPointKind::email, "", ContactStatus::bad}),
            (Problems{{"payload.party_id", "must not be empty"}, {"payload.point", "must not be empty"}}));
  EXPECT_EQ(problems_of(DisputeOpened{"P-1", "", *Date::from_ymd(0, 1, 1)}), Problems{});
  EXPECT_EQ(problems_of(DisputeOpened{"P-1", "", *Date::from_ymd(9999, 12, 31)}), Problems{});
  EXPECT_EQ(problems_of(DisputeOpened{"P-1", "", *Date::from_ymd(-1, 12, 31)}),
            (Problems{{"payload.received", "must be in the years 0000 to 9999"}}));
  EXPECT_EQ(problems_of(PartyAdded{"P-5", PartyRole::debtor, "Ann", "", "", "party"}),
            (Problems{{"payload.role", "must not be \"debtor\": the debtor comes with the placement"}}));
  EXPECT_EQ(problems_of(PartyAdded{"P-5", PartyRole::spouse, "", "", "", "party"}),
            (Problems{{"payload.family_name", "must be given when given_name is empty"}}));
  EXPECT_EQ(problems_of(PartyAdded{"P-5", PartyRole::attorney, "", "Cole LLP", "", "attorney-letter"}),
            (Problems{{"payload.represents", "must not be empty"}}));
  EXPECT_EQ(problems_of(PartyAdded{"P-5", PartyRole::attorney, "", "Cole LLP", "P-5", "attorney-letter"}),
            (Problems{{"payload.represents", "must name another party than the attorney"}}));
  EXPECT_EQ(problems_of(PartyAdded{"P-5", PartyRole::spouse, "Ann", "", "P-1", ""}),
            (Problems{{"payload.represents", "must be empty for a party that is not an attorney"},
                      {"payload.source", "must not be empty"}}));
  EXPECT_EQ(problems_of(RepresentationChanged{"", true, false}),
            (Problems{{"payload.attorney_id", "must not be empty"}}));
  EXPECT_EQ(problems_of(ProtectionReported{"P-1", Protection::breathing_space, *Date::from_ymd(2026, 6, 1),
                                           *Date::from_ymd(2026, 5, 31), ""}),
            (Problems{{"payload.ends", "must not be before starts"}}));
  EXPECT_EQ(problems_of(ProtectionReported{"", Protection::over_indebtedness, *Date::from_ymd(2026, 6, 1),
                                           std::nullopt, "BDF-75-2026-1"}),
            (Problems{{"payload.party_id", "must not be empty"}}));
  EXPECT_EQ(problems_of(RecontactJustified{"P-7", ""}), (Problems{{"payload.reason", "must not be empty"}}));
  EXPECT_EQ(problems_of(CallbackScheduled{"", *Instant::parse("2026-03-03T23:00:00Z"), ""}),
            (Problems{{"payload.party_id", "must not be empty"}}));
}

}  // namespace
}  // namespace parley
