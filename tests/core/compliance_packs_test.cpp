// The shipped rule packs (FR, US-WA, US-CA, US-FL, US-MA, US-FEDERAL, GB) against scenarios written from the texts
// the rules cite, and the loader's refusal of malformed rules of the newer kinds and parameters.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "compliance_fixtures.h"
#include "embedded_rules.h"
#include "parley/compliance/check.h"
#include "parley/compliance/locations.h"
#include "parley/contact/contact.h"

namespace parley {
namespace {

using namespace compliance_test;

Phone phone(std::string number, PhoneKind kind) {
  Phone p;
  p.number = std::move(number);
  p.kind = kind;
  p.consent_text = kind == PhoneKind::mobile;  // the debtor opted in to texts on the mobile
  return p;
}

// One debtor on one account living in `zone`, with a home, a work and a mobile number (texts allowed on it).
Account account_in(std::string jurisdiction, std::string zone, std::string id = "A-1") {
  Account a = debtor_account(std::move(jurisdiction), std::move(zone), std::move(id));
  Party& p = a.parties[0];
  p.phones.push_back(phone("+15085550100", PhoneKind::home));
  p.phones.push_back(phone("+15085550200", PhoneKind::work));
  p.phones.push_back(phone("+15085550300", PhoneKind::mobile));
  p.phones.push_back(phone("+15085550400", PhoneKind::other));
  return a;
}

Date day(const char* iso) { return *Date::parse(iso); }

constexpr const char* kHome = "+15085550100";
constexpr const char* kWork = "+15085550200";
constexpr const char* kMobile = "+15085550300";
constexpr const char* kOther = "+15085550400";

class Events : public EventLog {
 public:
  Events() : EventLog(0x0190f3a1b2c3d4e6ull) {}

  EventId attempt(const std::string& account, const char* iso, ContactChannel channel = ContactChannel::phone,
                  std::string point = kHome) {
    return add(account, iso, ContactAttempted{"P-1", channel, std::move(point), ContactDirection::outbound});
  }
  void outcome(const std::string& account, const char* iso, EventId attempt_id, ContactOutcome outcome) {
    add(account, iso, OutcomeRecorded{attempt_id, outcome, false});
  }
  void letter(const std::string& account, const char* iso, std::string template_id) {
    add(account, iso, letter_issued(std::move(template_id), "fr-FR", std::string(iso, 10).c_str()));
  }
};

class CompliancePacks : public ShippedRules {
 protected:
  Events events;

  Decision contact(const Account& a, const char* iso, ContactChannel channel = ContactChannel::phone) {
    return check_journal(a, a.parties[0], channel, at(iso), events.journal, book);
  }
  Decision call_to(const Account& a, const char* number, const char* iso,
                   ContactChannel channel = ContactChannel::phone) {
    return check_journal(a, a.parties[0], channel, number, at(iso), events.journal, book);
  }
  Decision call_for_consumer(const Account& a, const char* iso, std::span<const std::string> others) {
    return check_journal(a, a.parties[0], ContactChannel::phone, at(iso), events.journal, book, others);
  }
};

// [SECTION] Every shipped pack ----------------------------------------------------------------------------------------

TEST_F(CompliancePacks, EveryFileInAssetsRulesLoadsWithCitedRules) {
  std::set<std::string> stems;
  for (const testdata::EmbeddedRulePack& file : testdata::embedded_rule_packs()) {
    stems.insert(std::string(file.stem));
    const RulePackLoad load = load_rule_pack(file.text);
    ASSERT_TRUE(load.pack.has_value())
        << file.stem << ": " << (load.problems.empty() ? "" : load.problems[0].text());
    const std::string expected = file.stem == "US-FEDERAL" ? "US" : std::string(file.stem);
    EXPECT_EQ(load.pack->jurisdiction, expected) << file.stem;
    for (const ContactRule& rule : load.pack->rules) {
      EXPECT_FALSE(rule.citation.empty()) << file.stem << " " << rule.id;
      EXPECT_GE(rule.text.size(), 40u) << file.stem << " " << rule.id;  // a sentence a collector can act on
      if (rule.kind == ContactRuleKind::required_disclosure) {
        EXPECT_FALSE(rule.words.empty()) << rule.id;
      }
      if (!rule.calendar.empty()) {  // a rest-days rule names a shipped calendar, or it would block for good
        EXPECT_FALSE(testdata::calendar_text(rule.calendar).empty()) << file.stem << " " << rule.id;
      }
      if (!rule.refers_to.empty()) {  // the letter it recalls is one the packs of its jurisdiction name
        Account placed;
        placed.jurisdiction = load.pack->jurisdiction;
        const std::vector<LetterTemplate> letters = letter_templates(book, placed);
        EXPECT_TRUE(std::any_of(letters.begin(), letters.end(),
                                [&](const LetterTemplate& t) { return t.id == rule.refers_to; }))
            << file.stem << " " << rule.id << " refers to " << rule.refers_to;
      }
    }
  }
  for (const char* stem : {"FR", "GB", "US-CA", "US-FEDERAL", "US-FL", "US-MA", "US-WA"}) {
    EXPECT_EQ(stems.count(stem), 1u) << stem;
  }
  EXPECT_TRUE(book.failed.empty());
  EXPECT_EQ(book.packs.size(), stems.size());
}

// A rule from a professional code or a Parley setting says so in its citation, not passing for law.
TEST_F(CompliancePacks, FrenchRulesThatAreNotLawSaySo) {
  const RulePackLoad load = load_rule_pack(testdata::rule_pack_text("FR"));
  ASSERT_TRUE(load.pack.has_value());
  int not_law = 0;
  for (const ContactRule& rule : load.pack->rules) {
    if (rule.id == "fr-confidentialite" || rule.id == "fr-r124-4-rappel-oral") {
      EXPECT_NE(rule.citation.find("non légale"), std::string::npos) << rule.id;
      ++not_law;
    }
    if (rule.id == "fr-heures-raisonnables" || rule.id == "fr-maison-dimanches-feries") {
      EXPECT_NE(rule.citation.find("Aucun texte légal"), std::string::npos);
      EXPECT_TRUE(rule.house) << rule.id;  // the agency's choice: marked a house rule
      EXPECT_EQ(citation_of(rule).rfind("House rule, not law: ", 0), 0u) << rule.id;
      ++not_law;
    }
  }
  EXPECT_EQ(not_law, 4);
}

// What no law asks and an agency chooses is marked "house" in its pack and its reasons say so; every other rule
// passes for law and cites a text.
TEST_F(CompliancePacks, OnlyTheAgencysOwnChoicesAreHouseRules) {
  std::set<std::string> house;
  for (const RulePack& pack : book.packs) {
    for (const ContactRule& rule : pack.rules) {
      if (rule.house) house.insert(rule.id);
    }
  }
  EXPECT_EQ(house, (std::set<std::string>{"fr-heures-raisonnables", "fr-maison-dimanches-feries",
                                          "gb-house-call-frequency"}));
}

// No French law forbids calls on Sundays or public holidays (Code du travail L3133-1 lists the holidays): the agency's
// house rule keeps calls, texts and visits off those days, the debtor's local day, and says it is not law.
TEST_F(CompliancePacks, FranceNoCallsOnSundaysAndPublicHolidaysAsAHouseRule) {
  const Account fr = account_in("FR", "Europe/Paris");
  events.letter("A-1", "2026-06-01T09:00:00Z", "fr-r124-4");
  const Decision sunday = contact(fr, "2026-06-07T08:00:00Z");  // Sunday 10:00 CEST
  EXPECT_FALSE(sunday.allowed);
  ASSERT_TRUE(sunday.blocked_by("fr-maison-dimanches-feries"));
  EXPECT_EQ(sunday.reasons[0].citation.rfind("House rule, not law: ", 0), 0u) << sunday.reasons[0].citation;
  EXPECT_NE(sunday.reasons[0].words.find("sunday 2026-06-07 in Europe/Paris"), std::string::npos)
      << sunday.reasons[0].words;
  EXPECT_EQ(sunday.next_allowed, at("2026-06-08T06:00:00Z"));  // Monday 08:00 CEST, the hours rule's start
  EXPECT_TRUE(contact(fr, "2026-06-07T08:00:00Z", ContactChannel::letter).allowed);
  EXPECT_TRUE(contact(fr, "2026-06-07T08:00:00Z", ContactChannel::email).allowed);  // not a channel it governs
  EXPECT_TRUE(contact(fr, "2026-06-08T08:00:00Z").allowed);

  // Pentecost Sunday then Whit Monday (Lundi de Pentecôte): the next day with calls is the Tuesday.
  const Decision whitsun = contact(fr, "2026-05-24T08:00:00Z");
  EXPECT_EQ(whitsun.next_allowed, at("2026-05-26T06:00:00Z"));
  const Decision monday = contact(fr, "2026-05-25T08:00:00Z");
  ASSERT_TRUE(monday.blocked_by("fr-maison-dimanches-feries"));
  EXPECT_NE(monday.reasons[0].words.find("(Lundi de Pentecôte)"), std::string::npos) << monday.reasons[0].words;
  EXPECT_TRUE(contact(fr, "2026-07-14T08:00:00Z").blocked_by("fr-maison-dimanches-feries"));  // Fête nationale

  // Saturday 22:30 in Paris is already Sunday in Réunion: the rest day holds in every zone the debtor may be in.
  Account both = fr;
  Address reunion = both.parties[0].addresses[0];
  reunion.time_zone = "Indian/Reunion";
  both.parties[0].addresses.push_back(reunion);
  EXPECT_FALSE(contact(fr, "2026-06-06T20:30:00Z").blocked_by("fr-maison-dimanches-feries"));
  EXPECT_TRUE(contact(both, "2026-06-06T20:30:00Z").blocked_by("fr-maison-dimanches-feries"));
}

// Code de la consommation L722-2 and L722-5: once the surendettement file is admissible, enforcement is suspended and
// the debtor may not pay earlier debts, so no collection contact reaches the debtor while it lasts.
TEST_F(CompliancePacks, FranceSuspendsCollectionOnceASurendettementFileIsAdmissible) {
  const Account fr = account_in("FR", "Europe/Paris");
  events.letter("A-1", "2026-06-01T09:00:00Z", "fr-r124-4");
  events.add("A-1", "2026-06-03T09:00:00Z",
             ProtectionReported{"P-1", Protection::over_indebtedness, day("2026-06-03"), std::nullopt, "BDF-75-118"});
  EXPECT_TRUE(contact(fr, "2026-06-02T08:00:00Z").allowed);  // the day before the decision
  for (ContactChannel ch : {ContactChannel::phone, ContactChannel::sms, ContactChannel::email, ContactChannel::letter,
                            ContactChannel::in_person}) {
    const Decision d = contact(fr, "2026-06-04T08:00:00Z", ch);
    EXPECT_FALSE(d.allowed) << to_string(ch);
    ASSERT_TRUE(d.blocked_by("fr-surendettement-suspension")) << to_string(ch);
  }
  const Decision d = contact(fr, "2026-06-04T08:00:00Z");
  EXPECT_NE(d.reasons[0].words.find("surendettement (over-indebtedness) procedure protects"), std::string::npos)
      << d.reasons[0].words;
  EXPECT_NE(d.reasons[0].citation.find("L722-5"), std::string::npos);
  EXPECT_FALSE(d.next_allowed.has_value());  // until a notice ends it

  // The commission's later notice that the suspension ended on 30 November lifts it from 1 December everywhere.
  events.add("A-1", "2026-12-01T09:00:00Z",
             ProtectionReported{"P-1", Protection::over_indebtedness, day("2026-06-03"), day("2026-11-30"),
                                "BDF-75-118"});
  EXPECT_TRUE(contact(fr, "2026-11-30T08:00:00Z").blocked_by("fr-surendettement-suspension"));
  EXPECT_TRUE(contact(fr, "2026-12-01T13:00:00Z").allowed);
}

// SI 2020/1311 reg. 11(1): during a breathing space or a mental health crisis moratorium the creditor and its agent
// do not contact the debtor about the moratorium debt, to demand payment or otherwise; the moratorium ends on the
// last day the notice gives.
TEST_F(CompliancePacks, UnitedKingdomBreathingSpaceStopsContactWithTheDebtorUntilItEnds) {
  const Account gb = account_in("GB", "Europe/London");
  events.add("A-1", "2026-06-01T09:00:00Z",
             ProtectionReported{"P-1", Protection::breathing_space, day("2026-06-01"), day("2026-07-30"), "BS-4417"});
  for (ContactChannel ch : {ContactChannel::phone, ContactChannel::sms, ContactChannel::email, ContactChannel::letter,
                            ContactChannel::in_person}) {
    EXPECT_TRUE(contact(gb, "2026-06-02T09:00:00Z", ch).blocked_by("gb-breathing-space")) << to_string(ch);
  }
  const Decision d = contact(gb, "2026-06-02T09:00:00Z");
  EXPECT_NE(d.reasons[0].words.find("breathing space moratorium protects"), std::string::npos) << d.reasons[0].words;
  EXPECT_NE(d.reasons[0].words.find("to 2026-07-30 (reference BS-4417)"), std::string::npos);
  EXPECT_EQ(d.reasons[0].citation, "SI 2020/1311, reg. 11(1) and (2)");
  EXPECT_EQ(d.next_allowed, at("2026-07-31T12:00:00Z"));  // the 30th has ended everywhere (UTC-12)
  EXPECT_TRUE(contact(gb, "2026-07-31T12:00:00Z").allowed);

  // A mental health crisis moratorium has no end date until the notice that it ended.
  events.add("A-1", "2026-08-03T09:00:00Z",
             ProtectionReported{"P-1", Protection::mental_health_crisis, day("2026-08-03"), std::nullopt, "MHC-12"});
  const Decision crisis = contact(gb, "2026-08-04T09:00:00Z");
  ASSERT_TRUE(crisis.blocked_by("gb-breathing-space"));
  EXPECT_FALSE(crisis.next_allowed.has_value());
  EXPECT_NE(crisis.reasons[0].words.find("mental health crisis moratorium"), std::string::npos);

  // A breathing space reported on a US account: no rule of the US packs knows of it.
  Account us = account_in("US-MA", "America/New_York", "A-2");
  events.add("A-2", "2026-08-03T09:00:00Z",
             ProtectionReported{"P-1", Protection::breathing_space, day("2026-08-03"), std::nullopt, "BS-9"});
  const Decision american = check_journal(us, us.parties[0], ContactChannel::letter, at("2026-08-04T15:00:00Z"),
                                          events.journal, book);
  EXPECT_FALSE(american.blocked_by("gb-breathing-space"));
}

// The rule that holds contact for a reported protection is found where the party's law has one, and nowhere else:
// SI 2020/1311 covers both English and Welsh moratoria, Code de la consommation L722-2 the surendettement
// suspension, and no US pack knows either. A debtor of an English account who moved to Paris is held by the French
// suspension.
TEST_F(CompliancePacks, EachProtectionIsHeldOnlyWhereALawOfTheAccountKnowsIt) {
  const auto rule_id = [&](std::string_view place, Protection p) {
    const ContactRule* rule = protection_rule(book, Jurisdictions(place), p);
    return rule ? rule->id : std::string("none");
  };
  EXPECT_EQ(rule_id("GB-ENG", Protection::breathing_space), "gb-breathing-space");
  EXPECT_EQ(rule_id("GB-WLS", Protection::mental_health_crisis), "gb-breathing-space");
  EXPECT_EQ(rule_id("GB-ENG", Protection::over_indebtedness), "none");
  EXPECT_EQ(rule_id("FR", Protection::over_indebtedness), "fr-surendettement-suspension");
  EXPECT_EQ(rule_id("FR", Protection::breathing_space), "none");
  for (Protection p : {Protection::breathing_space, Protection::mental_health_crisis, Protection::over_indebtedness}) {
    EXPECT_EQ(rule_id("US-MA", p), "none") << protection_name(p);
  }
  Jurisdictions moved("GB-ENG");
  moved.add("FR");
  ASSERT_NE(protection_rule(book, moved, Protection::over_indebtedness), nullptr);
  EXPECT_EQ(protection_rule(book, moved, Protection::over_indebtedness)->id, "fr-surendettement-suspension");
}

// A house rule of a pack that governs through where the debtor lives says it is the pack's house rule there, never
// that it is that country's law: an English account's debtor who moved to Paris, on a Sunday.
TEST_F(CompliancePacks, AHouseRuleFromWhereTheDebtorLivesIsNotCalledLaw) {
  Account moved = account_in("GB-ENG", "Europe/Paris");
  moved.parties[0].addresses[0].postal = PostalAddress{{"8 rue de Rivoli"}, "Paris", "75", "75001", "FR"};
  events.letter("A-1", "2026-06-01T09:00:00Z", "fr-r124-4");
  const Decision d = contact(moved, "2026-06-07T10:00:00Z");  // Sunday noon in Paris
  ASSERT_TRUE(d.blocked_by("fr-maison-dimanches-feries"));
  for (const Reason& r : d.reasons) {
    if (r.rule_id != "fr-maison-dimanches-feries") continue;
    EXPECT_NE(r.words.find("(FR pack, a house rule: the party has an address there.)"), std::string::npos) << r.words;
    EXPECT_EQ(r.words.find("FR law"), std::string::npos) << r.words;
  }
}

// A rest-days rule whose calendar is not loaded cannot tell a holiday: it blocks (fail closed), and says why.
TEST_F(CompliancePacks, ARestDayRuleWithoutItsCalendarBlocks) {
  book.calendars.erase("FR");
  const Account fr = account_in("FR", "Europe/Paris");
  events.letter("A-1", "2026-06-01T09:00:00Z", "fr-r124-4");
  const Decision d = contact(fr, "2026-06-02T08:00:00Z");
  ASSERT_TRUE(d.blocked_by("fr-maison-dimanches-feries"));
  EXPECT_NE(d.reasons[0].words.find("calendar FR is not loaded"), std::string::npos) << d.reasons[0].words;
  EXPECT_FALSE(d.next_allowed.has_value());
}

// CONC 7.9.4 R asks for reasonable times and regard to the customer's requests but sets no number: the UK pack's
// three calls a day on an account is the agency's own cap, marked as such.
TEST_F(CompliancePacks, UnitedKingdomThreeCallsADayIsAHouseCap) {
  const Account gb = account_in("GB", "Europe/London");
  for (const char* iso : {"2026-06-02T08:00:00Z", "2026-06-02T10:00:00Z", "2026-06-02T12:00:00Z"}) {
    ASSERT_TRUE(contact(gb, iso).allowed) << iso;
    events.attempt("A-1", iso);
  }
  const Decision fourth = contact(gb, "2026-06-02T14:00:00Z");
  EXPECT_FALSE(fourth.allowed);
  ASSERT_TRUE(fourth.blocked_by("gb-house-call-frequency"));
  EXPECT_EQ(fourth.reasons[0].citation.rfind("House rule, not law: ", 0), 0u);
  EXPECT_EQ(fourth.next_allowed, at("2026-06-03T07:00:00Z"));  // 08:00 BST the next day, the hours rule's start
  EXPECT_TRUE(contact(gb, "2026-06-02T14:00:00Z", ContactChannel::letter).allowed);
}

// [SECTION] France ----------------------------------------------------------------------------------------------------

// CPCE R124-4, last paragraph: every other step recalls the reference and date of the R124-4 letter, so the
// letter comes first.
TEST_F(CompliancePacks, FranceNoCallBeforeTheR1244Letter) {
  const Account fr = account_in("FR", "Europe/Paris");
  const Decision before = contact(fr, "2026-06-02T08:00:00Z");  // 10:00 in Paris
  EXPECT_FALSE(before.allowed);
  ASSERT_EQ(before.reasons.size(), 1u);
  EXPECT_EQ(before.reasons[0].rule_id, "fr-r124-4-lettre-prealable");
  EXPECT_NE(before.reasons[0].citation.find("R124-4"), std::string::npos);
  EXPECT_FALSE(before.next_allowed.has_value());
  EXPECT_TRUE(
      contact(fr, "2026-06-02T08:00:00Z", ContactChannel::email).blocked_by("fr-r124-4-lettre-prealable"));
  EXPECT_TRUE(contact(fr, "2026-06-02T08:00:00Z", ContactChannel::letter).allowed);  // the letter itself

  events.letter("A-1", "2026-06-01T09:00:00Z", "reminder");  // another letter does not open contact
  EXPECT_TRUE(contact(fr, "2026-06-02T08:00:00Z").blocked_by("fr-r124-4-lettre-prealable"));
  events.letter("A-1", "2026-06-01T09:30:00Z", "fr-r124-4");
  EXPECT_TRUE(contact(fr, "2026-06-02T08:00:00Z").allowed);
}

// The agency's house rule (no French text sets hours): 08:00 to 20:00 in the debtor's local time.
TEST_F(CompliancePacks, FranceCallsBetweenEightAndEightParisTime) {
  const Account fr = account_in("FR", "Europe/Paris");
  events.letter("A-1", "2026-06-01T09:00:00Z", "fr-r124-4");
  EXPECT_TRUE(contact(fr, "2026-06-02T17:59:59Z").allowed);   // 19:59:59 CEST
  const Decision late = contact(fr, "2026-06-02T18:00:00Z");  // 20:00 CEST
  EXPECT_FALSE(late.allowed);
  EXPECT_TRUE(late.blocked_by("fr-heures-raisonnables"));
  EXPECT_EQ(late.next_allowed, at("2026-06-03T06:00:00Z"));  // 08:00 CEST
  EXPECT_TRUE(contact(fr, "2026-06-02T18:00:00Z", ContactChannel::letter).allowed);
}

// Code de la consommation L121-7, 3°: repeated unwanted calls, emails... are aggressive; 2°: visits after
// being asked to leave or not come back.
TEST_F(CompliancePacks, FranceStopsUnwantedSolicitationAndVisits) {
  const Account fr = account_in("FR", "Europe/Paris");
  events.letter("A-1", "2026-06-01T09:00:00Z", "fr-r124-4");
  events.add("A-1", "2026-06-01T10:00:00Z",
             CeaseRequested{"P-1", CeaseScope::channels, {ContactChannel::phone}});
  const Decision d = contact(fr, "2026-06-02T08:00:00Z");
  EXPECT_FALSE(d.allowed);
  EXPECT_TRUE(d.blocked_by("fr-sollicitations-non-souhaitees"));
  EXPECT_NE(d.reasons[0].citation.find("L121-7"), std::string::npos);
  EXPECT_TRUE(contact(fr, "2026-06-02T08:00:00Z", ContactChannel::email).allowed);
  EXPECT_TRUE(contact(fr, "2026-06-02T08:00:00Z", ContactChannel::in_person).allowed);

  events.add("A-1", "2026-06-01T11:00:00Z",
             CeaseRequested{"P-1", CeaseScope::channels, {ContactChannel::in_person}});
  EXPECT_TRUE(
      contact(fr, "2026-06-02T08:00:00Z", ContactChannel::in_person).blocked_by("fr-visites-refusees"));
  // A letter is not stopped: R124-4 requires it, and it is not a distance solicitation the debtor refused.
  EXPECT_TRUE(contact(fr, "2026-06-02T08:00:00Z", ContactChannel::letter).allowed);
}

// ASF agreement (professional code) and Code civil art. 9: the debt is discussed with the debtor only.
TEST_F(CompliancePacks, FranceDoesNotDiscussTheDebtWithOthers) {
  const Account fr = account_in("FR", "Europe/Paris");
  events.letter("A-1", "2026-06-01T09:00:00Z", "fr-r124-4");
  Party neighbour = fr.parties[0];
  neighbour.id = "P-9";
  const Decision d =
      check_journal(fr, neighbour, ContactChannel::phone, at("2026-06-02T08:00:00Z"), events.journal, book);
  EXPECT_FALSE(d.allowed);
  EXPECT_TRUE(d.blocked_by("fr-confidentialite"));
  EXPECT_FALSE(d.blocked_by("us-third-party-disclosure"));  // the US pack does not apply to FR
}

// [SECTION] Washington ------------------------------------------------------------------------------------------------

// RCW 19.16.250(13)(a): more than three communications with a debtor in any form in a single week.
TEST_F(CompliancePacks, WashingtonThreeCommunicationsAWeekInAnyForm) {
  const Account wa = account_in("US-WA", "America/Los_Angeles");
  events.attempt("A-1", "2026-06-01T17:00:00Z");                                       // Mon, call
  events.attempt("A-1", "2026-06-02T17:00:00Z", ContactChannel::letter, "1 Main St");  // Tue, letter
  EXPECT_TRUE(contact(wa, "2026-06-03T17:00:00Z").allowed);
  events.attempt("A-1", "2026-06-03T17:00:00Z", ContactChannel::email, "d@example.com");  // Wed, email
  const Decision d = contact(wa, "2026-06-04T17:00:00Z");
  EXPECT_FALSE(d.allowed);
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_EQ(d.reasons[0].rule_id, "wa-three-communications-per-week");
  EXPECT_EQ(d.reasons[0].citation, "RCW 19.16.250(13)(a)");
  // Monday's call leaves the seven days at midnight PDT on Monday 8 June; the federal hours wait until 08:00.
  EXPECT_EQ(d.next_allowed, at("2026-06-08T15:00:00Z"));
  EXPECT_TRUE(contact(wa, "2026-06-04T17:00:00Z", ContactChannel::letter)
                  .blocked_by("wa-three-communications-per-week"));
  // Federal law alone allows seven calls: an Oregon debtor with the same history is not held to three.
  EXPECT_TRUE(contact(account_in("US-OR", "America/Los_Angeles"), "2026-06-04T17:00:00Z").allowed);
}

// A party's rules come from where it lives as well as from the placement: an account placed in Oregon whose debtor
// now lives in Washington is held to RCW 19.16.250(13)(a) (it protects debtors in Washington), and the reason says
// why that state's law applies, while it may also still live in Oregon; the Oregon address alone, or the Washington
// one marked bad, leaves federal law alone.
TEST_F(CompliancePacks, TheLawOfWhereTheDebtorLivesAppliesToo) {
  Account moved = account_in("US-OR", "America/Los_Angeles");
  moved.parties[0].addresses[0].postal = PostalAddress{{"1 Pine St"}, "Spokane", "WA", "99201", "US"};
  Address before = moved.parties[0].addresses[0];  // the Oregon address it may still live at
  before.postal = PostalAddress{{"8 Oak Ave"}, "Portland", "OR", "97201", "US"};
  moved.parties[0].addresses.push_back(before);
  events.attempt("A-1", "2026-06-01T17:00:00Z");                                       // Mon, call
  events.attempt("A-1", "2026-06-02T17:00:00Z", ContactChannel::letter, "1 Main St");  // Tue, letter
  events.attempt("A-1", "2026-06-03T17:00:00Z", ContactChannel::email, "d@example.com");  // Wed, email
  const Decision d = contact(moved, "2026-06-04T17:00:00Z");
  EXPECT_FALSE(d.allowed);
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_EQ(d.reasons[0].rule_id, "wa-three-communications-per-week");
  EXPECT_NE(d.reasons[0].words.find("(US-WA law: the party has an address there.)"), std::string::npos)
      << d.reasons[0].words;

  Account oregon = moved;
  oregon.parties[0].addresses.erase(oregon.parties[0].addresses.begin());
  EXPECT_TRUE(contact(oregon, "2026-06-04T17:00:00Z").allowed);

  const std::string washington = party_record(moved.parties[0]).points[0].key();
  events.add("A-1", "2026-06-03T18:00:00Z",
             ContactPointUpdated{"P-1", ContactPointKind::address, washington, ContactStatus::bad});
  EXPECT_TRUE(contact(moved, "2026-06-04T17:00:00Z").allowed);
}

// Issue item 11: the letters and notices are those of every place the party may live. A debtor of an English account
// who moved to Paris is owed the French prior letter first (CPCE R124-4), and the letter panel offers it, so that the
// block the French pack raises can be lifted; a New York account's debtor with a California address gets the
// California notice on the first written notice (Cal. Civ. Code 1812.700(b)), marked as the law of where it lives.
TEST_F(CompliancePacks, TheLettersAndNoticesOfWhereTheDebtorLivesAreOffered) {
  Account moved = account_in("GB-ENG", "Europe/London");
  moved.parties[0].addresses[0].postal = PostalAddress{{"5 rue de la Paix"}, "Paris", "", "75002", "FR"};
  moved.parties[0].addresses[0].time_zone = "Europe/Paris";
  moved.language = "en-GB";
  const Currency gbp = moved.currency;
  moved.balance = Balance{*Date::parse("2026-05-01"), Money(250000, gbp), Money(0, gbp), Money(0, gbp),
                          Money(0, gbp), Money(0, gbp)};
  EXPECT_TRUE(contact(moved, "2026-06-02T09:00:00Z").blocked_by("fr-r124-4-lettre-prealable"));

  const AccountState state = fold(moved, nullptr, events.journal.events_for("A-1"));
  const Jurisdictions places = party_jurisdictions(moved, state.parties[0]);
  ASSERT_EQ(places.count, 2u);
  EXPECT_EQ(places.names[0], "GB-ENG");
  EXPECT_EQ(places.names[1], "FR");
  const std::vector<LetterTemplate> letters = letter_templates(book, places);
  ASSERT_FALSE(letters.empty());
  EXPECT_EQ(letters[0].id, "fr-r124-4");
  EXPECT_EQ(letters[0].purpose, LetterPurpose::prior_letter);
  for (const LetterTemplate& t : letter_templates(book, moved)) EXPECT_NE(t.id, "fr-r124-4");
  const LetterMade made =
      make_letter(state, book, "P-1", "fr-r124-4", state.parties[0].points[0].key(), *Date::parse("2026-06-01"));
  ASSERT_TRUE(made.letter.has_value());
  EXPECT_EQ(made.letter->purpose, LetterPurpose::prior_letter);
  events.add("A-1", "2026-06-01T09:00:00Z", *made.letter);
  EXPECT_FALSE(contact(moved, "2026-06-02T09:00:00Z").blocked_by("fr-r124-4-lettre-prealable"));

  Account ny = account_in("US-NY", "America/New_York");
  Address california = ny.parties[0].addresses[0];
  california.postal = PostalAddress{{"9 Bay St"}, "Oakland", "CA", "94607", "US"};
  california.time_zone = "America/Los_Angeles";
  ny.parties[0].addresses.push_back(california);
  const AccountState ny_state = fold(ny, nullptr, events.journal.events_for("A-1"));
  const std::vector<Disclosure> first =
      required_disclosures(book, party_jurisdictions(ny, ny_state.parties[0]), ContactChannel::letter, true,
                           DebtAge::in_time);
  const auto notice = std::find_if(first.begin(), first.end(),
                                   [](const Disclosure& d) { return d.rule_id == "ca-consumer-collection-notice"; });
  ASSERT_NE(notice, first.end());
  EXPECT_EQ(notice->jurisdiction, "US-CA");
  EXPECT_TRUE(notice->by_address);
  for (const Disclosure& d : first) EXPECT_EQ(d.by_address, d.jurisdiction != "US") << d.rule_id;
  for (const Disclosure& d : required_disclosures(book, ny, ContactChannel::letter, true)) {
    EXPECT_NE(d.rule_id, "ca-consumer-collection-notice");
  }
}

// RCW 19.16.250(13)(a) speaks of communications with the debtor, not per debt: other accounts count.
TEST_F(CompliancePacks, WashingtonCountsTheDebtorsOtherAccounts) {
  const Account wa = account_in("US-WA", "America/Los_Angeles");
  events.attempt("A-2", "2026-06-01T17:00:00Z");
  events.attempt("A-3", "2026-06-02T17:00:00Z");
  events.attempt("A-1", "2026-06-03T17:00:00Z");
  EXPECT_TRUE(contact(wa, "2026-06-04T17:00:00Z").allowed);  // the other accounts are not named
  const std::vector<std::string> others = {"A-2", "A-3"};
  EXPECT_TRUE(
      call_for_consumer(wa, "2026-06-04T17:00:00Z", others).blocked_by("wa-three-communications-per-week"));
}

// A debtor of account `id` named `given` `family`, born `born` (empty: not known), with a national id whose keyed
// hash is `id_hash` (empty: none), living at `line`, `postal_code` (US); the address marked bad when `bad`.
Account consumer(const char* id, const char* given, const char* family, const char* born, const char* id_hash,
                 const char* line, const char* postal_code, bool bad = false) {
  Account a = account_in("US-WA", "America/Los_Angeles", id);
  Party& p = a.parties[0];
  p.given_name = given;
  p.family_name = family;
  if (*born != '\0') p.birth_date = *Date::parse(born);
  if (*id_hash != '\0') p.national_id = SecretId{"6789", id_hash};
  p.addresses[0].postal = PostalAddress{{line}, "Seattle", "WA", postal_code, "US"};
  p.addresses[0].provenance.status = bad ? ContactStatus::bad : ContactStatus::current;
  return a;
}

// Issue item 7: a per-consumer limit never fails open. The consumer's accounts are linked by the national id, by name
// and birth date, or by name and an address (names and addresses compared loosely), directly or through another
// account; a namesake elsewhere, a relative at the same address and an address marked bad link nothing.
TEST(ConsumerLinks, ByNationalIdNameAndBirthDateOrNameAndAddress) {
  Portfolio p;
  p.accounts = {
      consumer("A1", "Dana", "Reyes", "1980-04-12", "h1", "12 Elm Street", "98101"),
      consumer("A2", "DANA", " REYES", "1980-04-12", "", "7 Oak Ave", "98102"),      // name and birth date
      consumer("A3", "Dana", "Reyes", "", "", "12 ELM STREET", "98101"),             // name and address
      consumer("A4", "Sam", "Reyes", "", "", "12 Elm Street", "98101"),              // a relative there
      consumer("A5", "Dana", "Reyes-Park", "1980-04-12", "h1", "1 Pine St", "98109"),  // the national id
      consumer("A6", "Dana", "Reyes", "1991-01-01", "", "3 Birch Rd", "98103"),      // a namesake
      consumer("A7", "Dana", "Reyes", "", "", "7 Oak Ave.", "98102"),                // through A2's address
      consumer("A8", "Dana", "Reyes", "1992-02-02", "", "12 Elm Street", "98101", true),  // a bad address
  };
  EXPECT_EQ(consumer_ids(p), (std::vector<std::string>{"A1", "A1", "A1", "", "A1", "", "A1", ""}));
  EXPECT_EQ(same_consumer_accounts(p, p.accounts[6]), (std::vector<std::string>{"A1", "A2", "A3", "A5"}));
  EXPECT_TRUE(same_consumer_accounts(p, p.accounts[3]).empty());
  const std::vector<std::string> keys = consumer_link_keys(p.accounts[1]);
  EXPECT_EQ(keys, (std::vector<std::string>{"born:dana|reyes|1980-04-12", "lives:dana|reyes|us|98102|7oakave"}));
}

// RCW 19.16.250(13)(a) counts communications with the debtor: an account of the same debtor placed without a
// national id is found by name and birth date, and its calls count.
TEST_F(CompliancePacks, WashingtonCountsAnAccountFoundByNameAndBirthDate) {
  Portfolio p;
  p.accounts = {consumer("A-1", "Dana", "Reyes", "1980-04-12", "h1", "12 Elm Street", "98101"),
                consumer("A-2", "Dana", "Reyes", "1980-04-12", "", "7 Oak Ave", "98102"),
                consumer("A-3", "Dana", "Reyes", "1980-04-12", "", "9 Ash Ct", "98104")};
  events.attempt("A-2", "2026-06-01T17:00:00Z");
  events.attempt("A-3", "2026-06-02T17:00:00Z");
  events.attempt("A-1", "2026-06-03T17:00:00Z");
  const std::vector<std::string> others = same_consumer_accounts(p, p.accounts[0]);
  ASSERT_EQ(others, (std::vector<std::string>{"A-2", "A-3"}));
  EXPECT_TRUE(
      call_for_consumer(p.accounts[0], "2026-06-04T17:00:00Z", others).blocked_by("wa-three-communications-per-week"));
}

// RCW 19.16.250(13)(b): more than one communication at the place of employment in a single week.
TEST_F(CompliancePacks, WashingtonWorkNumberOnceAWeek) {
  const Account wa = account_in("US-WA", "America/Los_Angeles");
  events.attempt("A-1", "2026-06-01T17:00:00Z", ContactChannel::phone, kWork);
  const Decision work = call_to(wa, kWork, "2026-06-03T17:00:00Z");
  EXPECT_FALSE(work.allowed);
  ASSERT_EQ(work.reasons.size(), 1u);
  EXPECT_EQ(work.reasons[0].rule_id, "wa-work-once-per-week");
  EXPECT_EQ(work.next_allowed, at("2026-06-08T15:00:00Z"));
  EXPECT_TRUE(call_to(wa, kHome, "2026-06-03T17:00:00Z").allowed);  // the home number is not a workplace
  EXPECT_TRUE(call_to(wa, kMobile, "2026-06-03T17:00:00Z").allowed);
  // Without the number being called, the rule holds for every call (fail closed).
  EXPECT_TRUE(contact(wa, "2026-06-03T17:00:00Z").blocked_by("wa-work-once-per-week"));
  // A number not among the party's phones is not known to be personal either.
  EXPECT_TRUE(call_to(wa, "+15085559999", "2026-06-03T17:00:00Z").blocked_by("wa-work-once-per-week"));
}

// [SECTION] California ------------------------------------------------------------------------------------------------

// Cal. Civ. Code 1812.700(b): the notice goes with the first written notice; it does not restrict calls.
TEST_F(CompliancePacks, CaliforniaNoticeNeverBlocks) {
  const Account ca = account_in("US-CA", "America/Los_Angeles");
  EXPECT_TRUE(contact(ca, "2026-06-02T17:00:00Z", ContactChannel::letter).allowed);
  EXPECT_TRUE(contact(ca, "2026-06-02T17:00:00Z").allowed);
  EXPECT_TRUE(contact(ca, "2026-06-02T04:00:00Z").blocked_by("us-convenient-hours"));  // 21:00 PDT
}

// Cal. Civ. Code 1788.14(d): a written communication to collect a time-barred debt carries one of two notices, by
// whether the debt is still within the credit-reporting period of 15 U.S.C. 1681c(a) (seven years from 180 days after
// the delinquency began, 1681c(c)(1)). Neither is given on a call, on a debt in time, or when its time bar is unknown.
TEST_F(CompliancePacks, CaliforniaTimeBarredDebtNotices) {
  Account ca = account_in("US-CA", "America/Los_Angeles");
  ca.first_delinquency = *Date::from_ymd(2021, 3, 1);
  const auto ids = [&](const Account& a, ContactChannel channel, const char* iso) {
    std::vector<std::string> out;
    for (const Disclosure& d : required_disclosures(book, a, channel, false, debt_age(a, at(iso)))) {
      if (d.rule_id.starts_with("ca-time-barred")) out.push_back(d.rule_id);
    }
    return out;
  };
  using Ids = std::vector<std::string>;
  EXPECT_EQ(ids(ca, ContactChannel::letter, "2026-06-02T17:00:00Z"), Ids{}) << "unknown time bar";
  ca.time_barred_from = *Date::from_ymd(2025, 3, 1);
  EXPECT_EQ(ids(ca, ContactChannel::letter, "2025-02-27T17:00:00Z"), Ids{}) << "still in time";
  for (ContactChannel written : {ContactChannel::letter, ContactChannel::email, ContactChannel::sms}) {
    EXPECT_EQ(ids(ca, written, "2026-06-02T17:00:00Z"), Ids{"ca-time-barred-notice"}) << to_string(written);
  }
  EXPECT_EQ(ids(ca, ContactChannel::phone, "2026-06-02T17:00:00Z"), Ids{});
  // Delinquent since 1 March 2021: reportable until 180 days and seven years later, 28 August 2028.
  EXPECT_EQ(ids(ca, ContactChannel::letter, "2028-08-27T09:00:00Z"), Ids{"ca-time-barred-notice"});
  EXPECT_EQ(ids(ca, ContactChannel::letter, "2028-08-28T17:00:00Z"), Ids{"ca-time-barred-obsolete-notice"});
  const std::vector<Disclosure> words = required_disclosures(book, ca, ContactChannel::letter, false,
                                                             debt_age(ca, at("2026-06-02T17:00:00Z")));
  const auto notice = std::find_if(words.begin(), words.end(),
                                   [](const Disclosure& d) { return d.rule_id == "ca-time-barred-notice"; });
  ASSERT_NE(notice, words.end());
  EXPECT_TRUE(notice->text.starts_with("The law limits how long you can be sued on a debt. Because of the age of "
                                       "your debt, we will not sue you for it."))
      << notice->text;
}

// [SECTION] New York ------------------------------------------------------------------------------------------------

// 23 NYCRR 1.3(b): knowing the statute of limitations may be expired, before accepting payment the collector tells the
// consumer, in the medium the payment is taken by, that (1) it believes the statute may be expired, (2) suing on such
// a debt violates the FDCPA, (3) the consumer may stop such a suit by telling the court, (4) no admission, promise or
// waiver is required, and (5) a payment or promise may restart the statute; CPLR 214-i: after the period of an action
// from a consumer credit transaction expired, a payment does not revive it. Told in every medium while the debt is
// time-barred, after verification on a call; not for a debt in time, nor in another state.
TEST_F(CompliancePacks, NewYorkTellsAConsumerOfATimeBarredDebtItsRightsBeforeAPayment) {
  Account ny = account_in("US-NY", "America/New_York");
  ny.time_barred_from = *Date::from_ymd(2025, 3, 1);
  const auto notices = [&](const Account& a, ContactChannel channel, const char* iso) {
    std::vector<Disclosure> out;
    for (Disclosure& d : required_disclosures(book, a, channel, false, debt_age(a, at(iso)))) {
      if (d.rule_id.starts_with("ny-time-barred")) out.push_back(std::move(d));
    }
    return out;
  };
  EXPECT_TRUE(notices(ny, ContactChannel::phone, "2025-02-27T17:00:00Z").empty()) << "still in time";
  for (ContactChannel written : {ContactChannel::letter, ContactChannel::email, ContactChannel::sms}) {
    const std::vector<Disclosure> d = notices(ny, written, "2026-06-02T17:00:00Z");
    ASSERT_EQ(d.size(), 1u) << to_string(written);
    EXPECT_EQ(d[0].rule_id, "ny-time-barred-notice-written");
    EXPECT_EQ(d[0].stage, DisclosureStage::any);
  }
  for (ContactChannel oral : {ContactChannel::phone, ContactChannel::in_person}) {
    const std::vector<Disclosure> d = notices(ny, oral, "2026-06-02T17:00:00Z");
    ASSERT_EQ(d.size(), 1u) << to_string(oral);
    EXPECT_EQ(d[0].rule_id, "ny-time-barred-notice-oral");
    EXPECT_EQ(d[0].stage, DisclosureStage::after_verification);  // it tells of the debt
    EXPECT_FALSE(d[0].verbatim);                                  // the five points, in the collector's words
    EXPECT_EQ(d[0].citation, "23 NYCRR 1.3(a), (b); N.Y. CPLR 214-i; 15 U.S.C. 1692c(b)");
    for (const char* point : {"you believe the statute of limitations applicable to the debt may be expired",
                              "is a violation of the Fair Debt Collection Practices Act",
                              "may be able to stop the lawsuit by responding to the court",
                              "is not required to provide you with an admission, affirmation, or acknowledgment",
                              "the statute of limitations may restart, except for a debt arising out of a consumer "
                              "credit transaction"}) {
      EXPECT_NE(d[0].text.find(point), std::string::npos) << point;
    }
  }
  Account nj = account_in("US-NJ", "America/New_York");
  nj.time_barred_from = ny.time_barred_from;
  EXPECT_TRUE(notices(nj, ContactChannel::phone, "2026-06-02T17:00:00Z").empty());
}

// [SECTION] Time-barred debt ------------------------------------------------------------------------------------------

// 12 CFR 1006.26(b): no suit and no threat of suit on a time-barred debt. The notice that a remedy may be invoked
// (15 U.S.C. 1692c(c)(2), (3)) is held back once the debt is time-barred, and while the account does not say when it
// becomes so; other letters and calls are not.
TEST_F(CompliancePacks, ATimeBarredDebtIsNeverThreatenedWithSuit) {
  Account ny = account_in("US-NY", "America/New_York");
  const auto letter = [&](const Account& a, const char* iso, LetterPurpose purpose) {
    const AccountState state = fold(a, nullptr, events.journal.events_for(a.id));
    return check(state, a.parties[0], ContactChannel::letter, {}, at(iso), book, {}, purpose);
  };
  const Decision unknown = letter(ny, "2026-06-02T17:00:00Z", LetterPurpose::remedy);
  ASSERT_TRUE(unknown.blocked_by("us-time-barred-no-suit"));
  EXPECT_NE(unknown.reasons[0].words.find("does not say when the debt becomes time-barred"), std::string::npos)
      << unknown.reasons[0].words;
  EXPECT_EQ(unknown.reasons[0].citation, "12 CFR 1006.26(b)");
  EXPECT_FALSE(unknown.next_allowed.has_value());

  ny.time_barred_from = *Date::from_ymd(2026, 6, 1);
  EXPECT_TRUE(letter(ny, "2026-05-31T09:00:00Z", LetterPurpose::remedy).allowed) << "31 May everywhere: in time";
  // At 10:00 UTC on 31 May it is already 1 June at UTC+14: the cautious reading holds the letter back.
  EXPECT_TRUE(letter(ny, "2026-05-31T10:00:00Z", LetterPurpose::remedy).blocked_by("us-time-barred-no-suit"));
  const Decision barred = letter(ny, "2026-06-02T17:00:00Z", LetterPurpose::remedy);
  ASSERT_TRUE(barred.blocked_by("us-time-barred-no-suit"));
  EXPECT_NE(barred.reasons[0].words.find("time-barred since 2026-06-01"), std::string::npos)
      << barred.reasons[0].words;
  for (LetterPurpose other :
       {LetterPurpose::collection, LetterPurpose::termination, LetterPurpose::validation_notice}) {
    EXPECT_TRUE(letter(ny, "2026-06-02T17:00:00Z", other).allowed) << to_string(other);
  }
  EXPECT_TRUE(contact(ny, "2026-06-02T17:00:00Z").allowed) << "collecting a time-barred debt is not forbidden";
}

// debt_age: the statute of limitations and the credit-reporting period read at the latest date anywhere.
TEST(DebtAge, FromTheAccountsTimeBarAndDelinquency) {
  Account a = debtor_account("US-CA", "America/Los_Angeles");
  a.first_delinquency = *Date::from_ymd(2020, 1, 10);
  EXPECT_EQ(debt_age(a, at("2026-06-02T17:00:00Z")), DebtAge::unknown);
  a.time_barred_from = *Date::from_ymd(2024, 1, 10);
  EXPECT_EQ(debt_age(a, at("2024-01-09T09:59:59Z")), DebtAge::in_time);
  EXPECT_EQ(debt_age(a, at("2024-01-09T10:00:00Z")), DebtAge::time_barred);
  // 180 days after 10 January 2020 is 8 July 2020; seven years later, 8 July 2027.
  EXPECT_EQ(debt_age(a, at("2027-07-07T09:59:59Z")), DebtAge::time_barred);
  EXPECT_EQ(debt_age(a, at("2027-07-07T10:00:00Z")), DebtAge::time_barred_obsolete);
}

// [SECTION] Massachusetts ---------------------------------------------------------------------------------------------

// 940 CMR 7.04(1)(f): two communications in each 30-day period to a number other than the residence, cell or
// personal number.
TEST_F(CompliancePacks, MassachusettsTwoCallsInThirtyDaysToAWorkNumber) {
  const Account ma = account_in("US-MA", "America/New_York");
  events.attempt("A-1", "2026-06-01T15:00:00Z", ContactChannel::phone, kWork);
  events.attempt("A-1", "2026-06-10T15:00:00Z", ContactChannel::phone, kWork);
  const Decision d = call_to(ma, kWork, "2026-06-20T15:00:00Z");
  EXPECT_FALSE(d.allowed);
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_EQ(d.reasons[0].rule_id, "ma-two-calls-in-thirty-days-other-numbers");
  EXPECT_EQ(d.reasons[0].citation, "940 CMR 7.04(1)(f)");
  // 1 June leaves the 30 days at midnight EDT on 1 July; the federal hours hold the call until 08:00.
  EXPECT_EQ(d.next_allowed, at("2026-07-01T12:00:00Z"));
  EXPECT_TRUE(call_to(ma, kWork, "2026-07-01T12:00:00Z").allowed);
  // The work calls do not count toward the seven-day limit of the home and cell numbers.
  EXPECT_TRUE(call_to(ma, kHome, "2026-06-10T16:00:00Z").allowed);
  EXPECT_TRUE(call_to(ma, kMobile, "2026-06-20T15:00:00Z", ContactChannel::sms).allowed);
}

// 940 CMR 7.04(1)(f): the residence, cell and personal numbers share the two-in-seven-days limit, and calls
// to them do not use up the work number's two in 30 days.
TEST_F(CompliancePacks, MassachusettsPersonalNumbersShareSevenDays) {
  const Account ma = account_in("US-MA", "America/New_York");
  events.attempt("A-1", "2026-06-01T15:00:00Z", ContactChannel::phone, kHome);
  events.attempt("A-1", "2026-06-02T15:00:00Z", ContactChannel::sms, kMobile);
  EXPECT_TRUE(call_to(ma, kOther, "2026-06-03T15:00:00Z").blocked_by("ma-two-calls-in-seven-days"));
  EXPECT_TRUE(call_to(ma, kHome, "2026-06-03T15:00:00Z").blocked_by("ma-two-calls-in-seven-days"));
  EXPECT_TRUE(call_to(ma, kWork, "2026-06-03T15:00:00Z").allowed);
}

// Attorney General's 2013 guidance: an attempt truly unable to reach the debtor is not a communication; a
// call that reached voicemail is (Armata v. Target, 2018).
TEST_F(CompliancePacks, MassachusettsCallsThatNeverConnectedAreNotCounted) {
  const Account ma = account_in("US-MA", "America/New_York");
  const EventId busy = events.attempt("A-1", "2026-06-01T15:00:00Z");
  events.outcome("A-1", "2026-06-01T15:00:30Z", busy, ContactOutcome::not_connected);
  const EventId rang = events.attempt("A-1", "2026-06-02T15:00:00Z");
  events.outcome("A-1", "2026-06-02T15:01:00Z", rang, ContactOutcome::no_answer);
  EXPECT_TRUE(call_to(ma, kHome, "2026-06-03T15:00:00Z").allowed);
  events.attempt("A-1", "2026-06-03T15:00:00Z");
  EXPECT_TRUE(call_to(ma, kHome, "2026-06-04T15:00:00Z").blocked_by("ma-two-calls-in-seven-days"));
}

// [SECTION] Attorney representation ---------------------------------------------------------------------------------

// A current New York number of a party added after placement, learned of from `source` on the day of `iso`; calls
// allowed.
Phone added_phone(const char* number, PhoneKind kind, const char* source, const char* iso) {
  Phone phone;
  phone.number = number;
  phone.kind = kind;
  phone.time_zones = {"America/New_York"};
  phone.consent_call = true;
  phone.provenance = Provenance{source, *Date::parse(std::string(iso, 10)), std::nullopt, ContactStatus::current};
  return phone;
}

constexpr const char* kAttorneyOffice = "+16175550900";

// The account's debtor, P-1, represented about the debt by P-9, whose office number is kAttorneyOffice.
class AttorneyRepresentation : public CompliancePacks {
 protected:
  Party attorney;

  void represent(const std::string& account, const char* iso) {
    events.add(account, iso, PartyAdded{"P-9", PartyRole::attorney, "Lee", "Whitfield", "P-1", "attorney-letter"});
    events.add(account, iso,
               ContactPointAdded{"P-9", added_phone(kAttorneyOffice, PhoneKind::work, "attorney-letter", iso), 10000});
    attorney.id = "P-9";
    attorney.role = PartyRole::attorney;
  }
  EventId call_attorney(const std::string& account, const char* iso,
                        ContactDirection direction = ContactDirection::outbound) {
    return events.add(account, iso, ContactAttempted{"P-9", ContactChannel::phone, kAttorneyOffice, direction});
  }
  Decision attorney_call(const Account& a, const char* iso) {
    return check_journal(a, attorney, ContactChannel::phone, kAttorneyOffice, at(iso), events.journal, book);
  }
};

// 12 CFR 1006.6(b)(2); 15 U.S.C. 1692c(a)(2): once the collector knows of the attorney, communication goes to the
// attorney, on every channel; the attorney may be told about the debt (1006.6(d)(1)).
TEST_F(AttorneyRepresentation, FederalCommunicationGoesToTheAttorney) {
  const Account ny = account_in("US-NY", "America/New_York");
  EXPECT_TRUE(contact(ny, "2026-03-09T15:00:00Z").allowed);
  represent("A-1", "2026-03-09T14:00:00Z");
  const Decision d = contact(ny, "2026-03-09T15:00:00Z");
  EXPECT_FALSE(d.allowed);
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_EQ(d.reasons[0].rule_id, "us-attorney-representation");
  EXPECT_EQ(d.reasons[0].citation, "12 CFR 1006.6(b)(2); 15 U.S.C. 1692c(a)(2)");
  EXPECT_NE(d.reasons[0].words.find("Lee Whitfield, attorney"), std::string::npos) << d.reasons[0].words;
  EXPECT_EQ(d.next_allowed, std::nullopt);  // nothing has been sent to the attorney yet
  for (ContactChannel channel : {ContactChannel::letter, ContactChannel::email, ContactChannel::sms,
                                 ContactChannel::in_person}) {
    EXPECT_TRUE(contact(ny, "2026-03-09T15:00:00Z", channel).blocked_by("us-attorney-representation"))
        << to_string(channel);
  }
  EXPECT_TRUE(attorney_call(ny, "2026-03-09T15:00:00Z").allowed);
}

// "unless the attorney fails to respond within a reasonable period of time to a communication from the debt
// collector": Parley's reading, 30 days from the first communication since the attorney's last response.
TEST_F(AttorneyRepresentation, FederalAnAttorneyWhoDoesNotRespondFor30DaysLetsThePartyBeContacted) {
  const Account ny = account_in("US-NY", "America/New_York");
  represent("A-1", "2026-03-09T14:00:00Z");
  call_attorney("A-1", "2026-03-09T15:00:00Z");
  call_attorney("A-1", "2026-03-16T15:00:00Z");  // a second try does not restart the period
  const Decision waiting = contact(ny, "2026-03-20T15:00:00Z");
  EXPECT_TRUE(waiting.blocked_by("us-attorney-representation"));
  EXPECT_EQ(waiting.next_allowed, at("2026-04-08T15:00:00Z"));
  EXPECT_NE(waiting.reasons[0].words.find("2026-03-09"), std::string::npos) << waiting.reasons[0].words;
  EXPECT_TRUE(contact(ny, "2026-04-08T14:59:00Z").blocked_by("us-attorney-representation"));
  EXPECT_TRUE(contact(ny, "2026-04-08T15:00:00Z").allowed);

  // A response starts it over: the attorney called back, then the agency wrote again.
  call_attorney("A-1", "2026-03-25T15:00:00Z", ContactDirection::inbound);
  EXPECT_TRUE(contact(ny, "2026-04-08T15:00:00Z").blocked_by("us-attorney-representation"));
  EXPECT_EQ(contact(ny, "2026-04-08T15:00:00Z").next_allowed, std::nullopt);
  const EventId asked = call_attorney("A-1", "2026-04-01T15:00:00Z");
  EXPECT_EQ(contact(ny, "2026-04-08T15:00:00Z").next_allowed, at("2026-05-01T15:00:00Z"));
  // ... and a call in which the attorney spoke is a response too.
  events.outcome("A-1", "2026-04-01T15:05:00Z", asked, ContactOutcome::third_party);
  EXPECT_EQ(contact(ny, "2026-05-02T15:00:00Z").next_allowed, std::nullopt);
}

// "or unless the attorney consents to the debt collector's direct communication with the consumer"; and an
// attorney who no longer represents the consumer no longer stands in the way.
TEST_F(AttorneyRepresentation, ConsentOrTheEndOfTheRepresentationOpensDirectContact) {
  const Account ny = account_in("US-NY", "America/New_York");
  represent("A-1", "2026-03-09T14:00:00Z");
  events.add("A-1", "2026-03-10T14:00:00Z", RepresentationChanged{"P-9", false, true});
  EXPECT_TRUE(contact(ny, "2026-03-10T15:00:00Z").allowed);
  events.add("A-1", "2026-03-11T14:00:00Z", RepresentationChanged{"P-9", false, false});  // consent withdrawn
  EXPECT_TRUE(contact(ny, "2026-03-11T15:00:00Z").blocked_by("us-attorney-representation"));
  events.add("A-1", "2026-03-12T14:00:00Z", RepresentationChanged{"P-9", true, false});
  EXPECT_TRUE(contact(ny, "2026-03-12T15:00:00Z").allowed);
}

// The attorney represents the debtor; the co-signer, whom it does not represent, may still be contacted.
TEST_F(AttorneyRepresentation, OnlyThePartyRepresentedIsHeld) {
  Account ny = account_in("US-NY", "America/New_York");
  Party cosigner = ny.parties[0];
  cosigner.id = "P-2";
  cosigner.role = PartyRole::co_signer;
  ny.parties.push_back(cosigner);
  represent("A-1", "2026-03-09T14:00:00Z");
  EXPECT_TRUE(check_journal(ny, ny.parties[1], ContactChannel::phone, at("2026-03-09T15:00:00Z"), events.journal,
                            book)
                  .allowed);
  EXPECT_TRUE(contact(ny, "2026-03-09T15:00:00Z").blocked_by("us-attorney-representation"));
}

// [SECTION] Location contacts ---------------------------------------------------------------------------------------

constexpr const char* kNeighbour = "+16175550777";

// P-7, a neighbour the debtor's former landlord named: a third party who may be asked only where the debtor lives.
class LocationContact : public AttorneyRepresentation {
 protected:
  Party neighbour;

  void add_neighbour(const std::string& account, const char* iso) {
    events.add(account, iso, PartyAdded{"P-7", PartyRole::third_party, "Robin", "Hale", "", "skip-trace"});
    events.add(account, iso,
               ContactPointAdded{"P-7", added_phone(kNeighbour, PhoneKind::home, "skip-trace", iso), 8000});
    neighbour.id = "P-7";
    neighbour.role = PartyRole::third_party;
    neighbour.given_name = "Robin";
    neighbour.family_name = "Hale";
  }
  EventId call_neighbour(const std::string& account, const char* iso,
                         ContactDirection direction = ContactDirection::outbound) {
    return events.add(account, iso, ContactAttempted{"P-7", ContactChannel::phone, kNeighbour, direction});
  }
  Decision neighbour_call(const Account& a, const char* iso) {
    return check_journal(a, neighbour, ContactChannel::phone, kNeighbour, at(iso), events.journal, book);
  }
};

// 15 U.S.C. 1692b(3), 12 CFR 1006.10(c): a person other than the consumer is asked for location information "not
// more than once unless requested to do so by such person"; an unanswered call asked nothing.
TEST_F(LocationContact, AThirdPartyIsAskedOnceUnlessItAsksToBeContactedAgain) {
  const Account ny = account_in("US-NY", "America/New_York");
  add_neighbour("A-1", "2026-03-09T14:00:00Z");
  EXPECT_TRUE(neighbour_call(ny, "2026-03-09T15:00:00Z").allowed);  // not told of the debt, so not refused
  const EventId rang = call_neighbour("A-1", "2026-03-09T15:00:00Z");
  events.outcome("A-1", "2026-03-09T15:01:00Z", rang, ContactOutcome::no_answer);
  EXPECT_TRUE(neighbour_call(ny, "2026-03-10T15:00:00Z").allowed);
  const EventId asked = call_neighbour("A-1", "2026-03-10T15:00:00Z");
  events.outcome("A-1", "2026-03-10T15:04:00Z", asked, ContactOutcome::third_party);
  const Decision again = neighbour_call(ny, "2026-03-12T15:00:00Z");
  EXPECT_FALSE(again.allowed);
  ASSERT_EQ(again.reasons.size(), 1u);  // the seven days after a conversation are the consumer's, not this person's
  EXPECT_EQ(again.reasons[0].rule_id, "us-location-contact");
  EXPECT_EQ(again.reasons[0].citation, "15 U.S.C. 1692b(3), (6); 12 CFR 1006.10(b)(5), (c)");
  EXPECT_NE(again.reasons[0].words.find("Robin Hale was asked for the consumer's location on 2026-03-10"),
            std::string::npos)
      << again.reasons[0].words;
  EXPECT_EQ(again.next_allowed, std::nullopt);  // time does not open it
  // The neighbour calls back (asks to be contacted): one more contact, then none again.
  call_neighbour("A-1", "2026-03-13T14:00:00Z", ContactDirection::inbound);
  EXPECT_TRUE(neighbour_call(ny, "2026-03-13T15:00:00Z").allowed);
  const EventId second = call_neighbour("A-1", "2026-03-13T15:00:00Z");
  events.outcome("A-1", "2026-03-13T15:03:00Z", second, ContactOutcome::left_message);
  EXPECT_TRUE(neighbour_call(ny, "2026-03-14T15:00:00Z").blocked_by("us-location-contact"));
  // The debtor is not a third party: the rule does not hold them.
  EXPECT_FALSE(contact(ny, "2026-03-14T15:00:00Z").blocked_by("us-location-contact"));
}

// 15 U.S.C. 1692b(3), 12 CFR 1006.10(c): "...unless the debt collector reasonably believes that the earlier response
// of such person is erroneous or incomplete and that such person now has correct or complete location information".
// The collector records why (recontact-justified): one more contact opens, and only one; a reason recorded before
// the person was asked opens nothing afterwards, and one recorded for another person opens nothing for this one.
TEST_F(LocationContact, AReasonToBelieveTheEarlierAnswerWrongOpensOneMoreContact) {
  const Account ny = account_in("US-NY", "America/New_York");
  add_neighbour("A-1", "2026-03-09T14:00:00Z");
  events.add("A-1", "2026-03-09T14:30:00Z", RecontactJustified{"P-7", "recorded too early"});
  const EventId asked = call_neighbour("A-1", "2026-03-10T15:00:00Z");
  events.outcome("A-1", "2026-03-10T15:04:00Z", asked, ContactOutcome::third_party);
  EXPECT_TRUE(neighbour_call(ny, "2026-03-11T15:00:00Z").blocked_by("us-location-contact"));
  const Decision told = neighbour_call(ny, "2026-03-11T15:00:00Z");
  EXPECT_NE(told.reasons[0].words.find("or you record why you believe the earlier answer was wrong"),
            std::string::npos)
      << told.reasons[0].words;

  events.add("A-1", "2026-03-11T16:00:00Z",
             RecontactJustified{"P-7", "The landlord says Robin Hale forwarded the debtor's mail last week"});
  EXPECT_TRUE(neighbour_call(ny, "2026-03-11T15:59:00Z").blocked_by("us-location-contact"));  // not before it
  EXPECT_TRUE(neighbour_call(ny, "2026-03-11T16:05:00Z").allowed);
  const EventId second = call_neighbour("A-1", "2026-03-11T16:05:00Z");
  events.outcome("A-1", "2026-03-11T16:09:00Z", second, ContactOutcome::third_party);
  EXPECT_TRUE(neighbour_call(ny, "2026-03-12T15:00:00Z").blocked_by("us-location-contact"));
  // A reason from a device whose clock runs slow sorts before that answer in the journal: it opens nothing (the
  // cautious reading; the collector records it again).
  events.add("A-1", "2026-03-11T15:30:00Z", RecontactJustified{"P-7", "The post office confirms a forwarding order"});
  EXPECT_TRUE(neighbour_call(ny, "2026-03-12T15:00:00Z").blocked_by("us-location-contact"));
}

// 15 U.S.C. 1692b(6), 12 CFR 1006.10(b)(5): once the consumer is known to be represented by an attorney about the
// debt, no location communication with anyone but the attorney, unless the attorney fails to respond within a
// reasonable period (Parley's reading: 30 days, as for the attorney rule).
TEST_F(LocationContact, AnAttorneyForTheConsumerStopsLocationCallsToOthers) {
  const Account ny = account_in("US-NY", "America/New_York");
  add_neighbour("A-1", "2026-03-09T14:00:00Z");
  represent("A-1", "2026-03-09T14:30:00Z");
  const Decision d = neighbour_call(ny, "2026-03-09T15:00:00Z");
  EXPECT_TRUE(d.blocked_by("us-location-contact"));
  ASSERT_FALSE(d.reasons.empty());
  EXPECT_NE(d.reasons[0].words.find("represented by Lee Whitfield, attorney"), std::string::npos)
      << d.reasons[0].words;
  call_attorney("A-1", "2026-03-10T15:00:00Z");
  EXPECT_EQ(neighbour_call(ny, "2026-03-11T15:00:00Z").next_allowed, at("2026-04-09T15:00:00Z"));
  EXPECT_TRUE(neighbour_call(ny, "2026-04-09T15:00:00Z").allowed);
}

// Where no pack of the account's law allows location contacts (the UK pack has none), a third party is not contacted:
// the third-party rule refuses it.
TEST_F(LocationContact, WithoutALocationRuleAThirdPartyIsNotContacted) {
  Account uk = account_in("GB-ENG", "Europe/London");
  uk.currency = *Currency::find("GBP");
  add_neighbour("A-1", "2026-03-09T10:00:00Z");
  const Decision d = neighbour_call(uk, "2026-03-09T11:00:00Z");
  EXPECT_FALSE(d.allowed);
  EXPECT_TRUE(d.blocked_by("gb-identify-before-disclosing")) << (d.reasons.empty() ? "" : d.reasons[0].rule_id);
}

// 12 CFR 1006.22(f)(3): "a debt collector must not communicate or attempt to communicate with a consumer using an
// email address that the debt collector knows or should know is provided to the consumer by the consumer's employer,
// unless the debt collector has received directly from the consumer either prior consent to use that email address
// or an email from that email address". The placement's consent (the creditor's) is not the consumer's to the agency.
TEST_F(CompliancePacks, AWorkEmailIsUsedOnlyAfterTheConsumerConsentsDirectlyOrWritesFromIt) {
  Account ny = account_in("US-NY", "America/New_York");
  const Provenance placed{"placement", *Date::parse("2026-01-10"), std::nullopt, ContactStatus::current};
  ny.parties[0].emails.push_back(Email{"dana@example.org", true, placed});
  ny.parties[0].emails.push_back(Email{"dreyes@employer.example", true, placed, true});
  const char* noon = "2026-03-09T17:00:00Z";
  EXPECT_TRUE(call_to(ny, "dana@example.org", noon, ContactChannel::email).allowed);
  const Decision work = call_to(ny, "dreyes@employer.example", noon, ContactChannel::email);
  EXPECT_FALSE(work.allowed);
  ASSERT_TRUE(work.blocked_by("us-employer-email"));
  EXPECT_EQ(work.reasons[0].citation, "12 CFR 1006.22(f)(3)");
  EXPECT_EQ(work.next_allowed, std::nullopt) << "no time clears it";

  // An email from that address, received by the agency, opens it ...
  events.add("A-1", "2026-03-09T14:00:00Z",
             ContactAttempted{"P-1", ContactChannel::email, "dreyes@employer.example", ContactDirection::inbound});
  EXPECT_TRUE(call_to(ny, "dreyes@employer.example", noon, ContactChannel::email).allowed);
  // ... one from the personal address does not.
  Events personal;
  personal.add("A-1", "2026-03-09T14:00:00Z",
               ContactAttempted{"P-1", ContactChannel::email, "dana@example.org", ContactDirection::inbound});
  EXPECT_TRUE(check_journal(ny, ny.parties[0], ContactChannel::email, "dreyes@employer.example", at(noon),
                            personal.journal, book)
                  .blocked_by("us-employer-email"));
  // The consumer's own consent, recorded from its word, opens it too, and revoking it closes the address.
  Events consent;
  consent.add("A-1", "2026-03-09T14:00:00Z",
              ConsentChanged{"P-1", ContactPointKind::email, "dreyes@employer.example", ContactChannel::email, true});
  EXPECT_TRUE(check_journal(ny, ny.parties[0], ContactChannel::email, "dreyes@employer.example", at(noon),
                            consent.journal, book)
                  .allowed);
  consent.add("A-1", "2026-03-09T15:00:00Z",
              ConsentChanged{"P-1", ContactPointKind::email, "dreyes@employer.example", ContactChannel::email, false});
  const Decision revoked = check_journal(ny, ny.parties[0], ContactChannel::email, "dreyes@employer.example",
                                         at(noon), consent.journal, book);
  EXPECT_TRUE(revoked.blocked_by("no-consent"));
  EXPECT_TRUE(revoked.blocked_by("us-employer-email"));
  // Other channels are not this rule's.
  EXPECT_TRUE(contact(ny, noon).allowed);
}

// Cal. Civ. Code 1788.14(c) and Fla. Stat. 559.72(18) hold the debtor as the federal rule does, each in its pack.
TEST_F(AttorneyRepresentation, CaliforniaAndFloridaEachCiteTheirOwnLaw) {
  const Account ca = account_in("US-CA", "America/Los_Angeles", "A-CA");
  const Account fl = account_in("US-FL", "America/New_York", "A-FL");
  represent("A-CA", "2026-03-09T14:00:00Z");
  represent("A-FL", "2026-03-09T14:00:00Z");
  const Decision in_ca = contact(ca, "2026-03-09T18:00:00Z");
  EXPECT_TRUE(in_ca.blocked_by("us-attorney-representation"));
  EXPECT_TRUE(in_ca.blocked_by("ca-attorney-representation"));
  const Decision in_fl = contact(fl, "2026-03-09T15:00:00Z");
  EXPECT_TRUE(in_fl.blocked_by("us-attorney-representation"));
  EXPECT_TRUE(in_fl.blocked_by("fl-attorney-representation"));
  // Florida's 30 days are the statute's own.
  call_attorney("A-FL", "2026-03-09T15:00:00Z");
  EXPECT_EQ(contact(fl, "2026-03-20T15:00:00Z").next_allowed, at("2026-04-08T15:00:00Z"));
  EXPECT_TRUE(contact(fl, "2026-04-08T15:00:00Z").allowed);
  // Fla. Stat. 559.72(17): not before 8 a.m. in the debtor's time zone.
  const Decision early = contact(fl, "2026-04-09T11:30:00Z");  // 07:30 EDT
  EXPECT_TRUE(early.blocked_by("fl-calling-hours"));
  EXPECT_TRUE(early.blocked_by("us-convenient-hours"));
}

// [SECTION] Regulation F counting exceptions --------------------------------------------------------------------------

// 12 CFR 1006.14(b)(3)(ii): calls not connected to the dialed number do not count toward 7 calls in 7 days.
TEST_F(CompliancePacks, RegulationFDoesNotCountCallsThatNeverConnected) {
  const Account us = account_in("US-NY", "America/New_York");
  for (int day = 1; day <= 7; ++day) {
    const std::string when = "2026-06-0" + std::to_string(day) + "T15:00:00Z";
    const EventId id = events.attempt("A-1", when.c_str());
    const std::string later = "2026-06-0" + std::to_string(day) + "T15:00:40Z";
    // Three of the seven got a busy signal; the others rang out.
    events.outcome("A-1", later.c_str(), id,
                   day % 2 == 1 && day < 7 ? ContactOutcome::not_connected : ContactOutcome::no_answer);
  }
  EXPECT_TRUE(contact(us, "2026-06-07T16:00:00Z").allowed);  // four counted calls

  // Without the outcome the same seven calls reach the limit.
  Events plain;
  for (int day = 1; day <= 7; ++day) {
    const std::string when = "2026-06-0" + std::to_string(day) + "T15:00:00Z";
    plain.attempt("A-1", when.c_str());
  }
  const Decision d =
      check_journal(us, us.parties[0], ContactChannel::phone, at("2026-06-07T16:00:00Z"), plain.journal, book);
  EXPECT_FALSE(d.allowed);
  EXPECT_TRUE(d.blocked_by("us-call-frequency"));
}

// The latest outcome recorded for an attempt is the one that counts: a correction from not-connected to
// left-message makes the call count again.
TEST_F(CompliancePacks, RegulationFUsesTheLatestOutcome) {
  const Account us = account_in("US-NY", "America/New_York");
  EventId first{};
  for (int day = 1; day <= 7; ++day) {
    const std::string when = "2026-06-0" + std::to_string(day) + "T15:00:00Z";
    const EventId id = events.attempt("A-1", when.c_str());
    if (day == 1) first = id;
  }
  events.outcome("A-1", "2026-06-01T15:00:40Z", first, ContactOutcome::not_connected);
  EXPECT_TRUE(contact(us, "2026-06-07T16:00:00Z").allowed);
  events.outcome("A-1", "2026-06-01T16:00:00Z", first, ContactOutcome::left_message);
  EXPECT_TRUE(contact(us, "2026-06-07T16:00:00Z").blocked_by("us-call-frequency"));
}

// The outcome's spelling in the journal, and its rule: a call that never connected held no conversation.
TEST(ComplianceJournalOutcome, NotConnectedIsSpelledAndValidated) {
  EXPECT_EQ(to_string(ContactOutcome::not_connected), "not-connected");
  EXPECT_EQ(parse_contact_outcome("not-connected"), ContactOutcome::not_connected);
  Event e;
  e.id = EventId::from_parts(1, 2);
  e.account_id = "A-1";
  e.author = Author{"u-1", "d-1"};
  e.recorded_at = at("2026-06-01T15:00:00Z");
  e.sequence = 1;
  e.payload = OutcomeRecorded{EventId::from_parts(1, 1), ContactOutcome::not_connected, true};
  const Problems problems = validate_event(e);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "payload.conversation");
  e.payload = OutcomeRecorded{EventId::from_parts(1, 1), ContactOutcome::not_connected, false};
  EXPECT_TRUE(validate_event(e).empty());
}

// [SECTION] Loading the newer kinds and parameters --------------------------------------------------------------------

std::string pack_with(const std::string& rule) {
  return R"({"format": "parley.rules/1", "jurisdiction": "XX", "name": "n", "version": "1", "rules": [)" +
         rule + "]}";
}

std::vector<std::string> paths_of(const Problems& problems) {
  std::vector<std::string> out;
  for (const Problem& p : problems) out.push_back(p.path);
  return out;
}

TEST(ComplianceNewKinds, MalformedParametersAreNamedByPath) {
  const RulePackLoad load = load_rule_pack(pack_with(R"(
    {"id": "a", "citation": "c", "text": "t", "kind": "call-frequency", "channels": ["phone", "email"],
     "max_calls": 2, "window_days": 7, "per": "debt", "phone_kinds": ["home", "pager"],
     "uncounted_outcomes": ["busy"]},
    {"id": "b", "citation": "c", "text": "t", "kind": "prior-letter"},
    {"id": "c", "citation": "c", "text": "t", "kind": "call-frequency", "channels": ["phone"], "max_calls": 2,
     "window_days": 7, "per": "debt", "phone_kinds": []},
    {"id": "d", "citation": "c", "text": "t", "kind": "prior-letter", "template": "x", "words": "w"})"));
  EXPECT_FALSE(load.pack.has_value());
  EXPECT_EQ(paths_of(load.problems),
            (std::vector<std::string>{"rules[0].phone_kinds[1]", "rules[0].channels",
                                      "rules[0].uncounted_outcomes[0]", "rules[1].template",
                                      "rules[2].phone_kinds", "rules[3].words"}));
}

TEST(ComplianceNewKinds, GoodParametersLoad) {
  const RulePackLoad load = load_rule_pack(pack_with(R"(
    {"id": "a", "citation": "c", "text": "t", "kind": "call-frequency", "channels": ["phone", "sms"],
     "max_calls": 2, "window_days": 30, "per": "debt", "phone_kinds": ["work"],
     "uncounted_outcomes": ["not-connected", "wrong-number"]},
    {"id": "b", "citation": "c", "text": "t", "kind": "prior-letter", "template": "fr-r124-4",
     "channels": ["phone"]})"));
  ASSERT_TRUE(load.pack.has_value()) << load.problems[0].text();
  EXPECT_EQ(load.pack->rules[0].phone_kinds, std::vector<PhoneKind>{PhoneKind::work});
  EXPECT_EQ(load.pack->rules[0].uncounted_outcomes,
            (std::vector<ContactOutcome>{ContactOutcome::not_connected, ContactOutcome::wrong_number}));
  EXPECT_EQ(load.pack->rules[1].kind, ContactRuleKind::prior_letter);
  EXPECT_EQ(load.pack->rules[1].letter_template, "fr-r124-4");
}

// The time-barred rule needs the purposes it forbids; a disclosure's debt condition is one of four spellings, and
// belongs to required-disclosure rules only.
TEST(ComplianceNewKinds, TimeBarredRulesAndDebtConditionsAreChecked) {
  const RulePackLoad bad = load_rule_pack(pack_with(R"(
    {"id": "a", "citation": "c", "text": "t", "kind": "time-barred"},
    {"id": "b", "citation": "c", "text": "t", "kind": "time-barred", "forbids": ["lawsuit"]},
    {"id": "c", "citation": "c", "text": "t", "kind": "required-disclosure", "words": "w", "when": "every",
     "debt": "old"},
    {"id": "d", "citation": "c", "text": "t", "kind": "cease", "debt": "time-barred", "forbids": ["remedy"]})"));
  EXPECT_FALSE(bad.pack.has_value());
  EXPECT_EQ(paths_of(bad.problems), (std::vector<std::string>{"rules[0].forbids", "rules[1].forbids[0]",
                                                              "rules[2].debt", "rules[3].debt", "rules[3].forbids"}));
  const RulePackLoad good = load_rule_pack(pack_with(R"(
    {"id": "a", "citation": "c", "text": "t", "kind": "time-barred", "forbids": ["remedy", "collection"]},
    {"id": "b", "citation": "c", "text": "t", "kind": "required-disclosure", "words": "w", "when": "every",
     "debt": "time-barred-obsolete"})"));
  ASSERT_TRUE(good.pack.has_value()) << good.problems[0].text();
  EXPECT_EQ(good.pack->rules[0].forbids,
            (std::vector<LetterPurpose>{LetterPurpose::remedy, LetterPurpose::collection}));
  EXPECT_EQ(good.pack->rules[1].debt, DebtCondition::time_barred_obsolete);
  EXPECT_EQ(good.pack->rules[0].debt, DebtCondition::any);
}

// A rest-days rule names weekdays, a calendar or both, and leaves a weekday for contact; "house" is true or false.
TEST(ComplianceNewKinds, RestDaysAndHouseRulesAreChecked) {
  const RulePackLoad bad = load_rule_pack(pack_with(R"(
    {"id": "a", "citation": "c", "text": "t", "kind": "rest-days"},
    {"id": "b", "citation": "c", "text": "t", "kind": "rest-days", "weekdays": ["sunday", "funday"]},
    {"id": "c", "citation": "c", "text": "t", "kind": "rest-days",
     "weekdays": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]},
    {"id": "d", "citation": "c", "text": "t", "kind": "cease", "weekdays": ["sunday"], "calendar": "FR"},
    {"id": "e", "citation": "c", "text": "t", "kind": "rest-days", "calendar": "FR", "house": "yes"})"));
  EXPECT_FALSE(bad.pack.has_value());
  EXPECT_EQ(paths_of(bad.problems),
            (std::vector<std::string>{"rules[0].weekdays", "rules[1].weekdays[1]", "rules[2].weekdays",
                                      "rules[3].weekdays", "rules[3].calendar", "rules[4].house"}));
  const RulePackLoad good = load_rule_pack(pack_with(R"(
    {"id": "a", "citation": "c", "text": "t", "kind": "rest-days", "calendar": "FR", "house": true},
    {"id": "b", "citation": "c", "text": "t", "kind": "rest-days", "weekdays": ["saturday", "sunday"]})"));
  ASSERT_TRUE(good.pack.has_value()) << good.problems[0].text();
  EXPECT_TRUE(good.pack->rules[0].house);
  EXPECT_EQ(good.pack->rules[0].calendar, "FR");
  EXPECT_FALSE(good.pack->rules[1].house);
  EXPECT_EQ(good.pack->rules[1].weekdays, (std::vector<Weekday>{Weekday::saturday, Weekday::sunday}));
  EXPECT_EQ(citation_of(good.pack->rules[0]), "House rule, not law: c");
  EXPECT_EQ(citation_of(good.pack->rules[1]), "c");
}

// A protection rule names the protections that stop contact, in their spellings; `allows` is open to it.
TEST(ComplianceNewKinds, ProtectionRulesNameTheirProtections) {
  const RulePackLoad bad = load_rule_pack(pack_with(R"(
    {"id": "a", "citation": "c", "text": "t", "kind": "protection"},
    {"id": "b", "citation": "c", "text": "t", "kind": "protection", "protections": ["chapter-7"]},
    {"id": "c", "citation": "c", "text": "t", "kind": "protection", "protections": []},
    {"id": "d", "citation": "c", "text": "t", "kind": "cease", "protections": ["breathing-space"]})"));
  EXPECT_FALSE(bad.pack.has_value());
  EXPECT_EQ(paths_of(bad.problems), (std::vector<std::string>{"rules[0].protections", "rules[1].protections[0]",
                                                              "rules[2].protections", "rules[3].protections"}));
  const RulePackLoad good = load_rule_pack(pack_with(R"(
    {"id": "a", "citation": "c", "text": "t", "kind": "protection",
     "protections": ["breathing-space", "over-indebtedness"], "allows": ["termination"]})"));
  ASSERT_TRUE(good.pack.has_value()) << good.problems[0].text();
  EXPECT_EQ(good.pack->rules[0].protections,
            (std::vector<Protection>{Protection::breathing_space, Protection::over_indebtedness}));
  EXPECT_EQ(good.pack->rules[0].allows, std::vector<LetterPurpose>{LetterPurpose::termination});
}

// A misspelt kind in a shipped pack blocks every contact, for every jurisdiction (fail closed).
TEST(ComplianceNewKinds, UnknownKindFailsClosed) {
  RuleBook book = testdata::shipped_rule_book();
  EXPECT_FALSE(book.add("rules/XX.json", pack_with(R"({"id": "a", "citation": "c", "text": "t",
                                                       "kind": "required-disclosures", "words": "w"})")));
  ASSERT_EQ(book.failed.size(), 1u);
  EXPECT_NE(book.failed[0].text().find("rules[0].kind"), std::string::npos) << book.failed[0].text();
  const Account fr = account_in("FR", "Europe/Paris");
  Journal journal;
  const Decision d =
      check_journal(fr, fr.parties[0], ContactChannel::letter, at("2026-06-02T08:00:00Z"), journal, book);
  EXPECT_FALSE(d.allowed);
  EXPECT_TRUE(d.blocked_by(rule_pack_failed));
}

}  // namespace
}  // namespace parley
