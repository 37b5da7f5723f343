// The contact session: starting an attempt, the verification gate on what may be said and recorded, and the
// journal events each outcome produces.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "contact_fixtures.h"
#include "embedded_rules.h"

namespace parley {
namespace {

using namespace contact_test;
using Q = IdentityQuestion;
using O = ContactOutcome;

OutcomeDetails promise_of(Money amount, Date due) {
  OutcomeDetails d;
  d.promise = PromiseMade{amount, due};
  return d;
}

constexpr EventId kAttempt = EventId::from_parts(0x0190f3a1b2c3d4e5ull, 1);

class ContactSessionTest : public ::testing::Test {
 protected:
  Account account = us_account();
  Client client = us_client();
  RuleBook book = testdata::shipped_rule_book();
  Journal journal;
  ScriptContext context{"Jordan Lee", "JL Services", "+16175550100"};

  AccountState state() const { return fold(account, &client, journal.events_for(account.id)); }

  ContactSession start(ContactChannel channel = ContactChannel::phone, const char* point = "+16175550123") {
    ContactStart s =
        start_contact(state(), "P-1", channel, point, kAttempt, at("2026-03-08T15:00:00Z"));
    EXPECT_TRUE(s.problems.empty());
    return s.session.value_or(ContactSession{});
  }
  ContactSession verified(ContactChannel channel = ContactChannel::phone) {
    const std::vector<Answer> answers{{Q::birth_date, "04/12/1980"}, {Q::postal_code, "02139"}};
    VerifyStep step =
        verify(start(channel, channel == ContactChannel::in_person ? "" : "+16175550123"), state(), answers);
    EXPECT_EQ(step.session.state, VerificationState::verified);
    return step.session;
  }
  static std::string all_text(const std::vector<ScriptItem>& items) {
    std::string out;
    for (const ScriptItem& i : items) {
      out += i.title + "\n";
      for (const std::string& l : i.lines) out += l + "\n";
    }
    return out;
  }
  static bool has_section(const std::vector<ScriptItem>& items, ScriptSection s) {
    return std::any_of(items.begin(), items.end(), [&](const ScriptItem& i) { return i.section == s; });
  }
};

TEST_F(ContactSessionTest, StartGivesTheAttemptPayload) {
  const ContactStart s =
      start_contact(state(), "P-1", ContactChannel::phone, "+16175550123", kAttempt, at("2026-03-08T15:00:00Z"));
  ASSERT_TRUE(s.problems.empty());
  ASSERT_TRUE(s.attempt.has_value());
  EXPECT_EQ(*s.attempt,
            (ContactAttempted{"P-1", ContactChannel::phone, "+16175550123", ContactDirection::outbound}));
  ASSERT_TRUE(s.session.has_value());
  EXPECT_EQ(s.session->state, VerificationState::unverified);
  EXPECT_TRUE(s.session->first_communication);
  EXPECT_EQ(s.session->attempt_id, kAttempt);
}

TEST_F(ContactSessionTest, StartRefusesBadInput) {
  const ContactStart unknown =
      start_contact(state(), "P-9", ContactChannel::phone, "+16175550123", kAttempt, at("2026-03-08T15:00:00Z"));
  ASSERT_EQ(unknown.problems.size(), 1u);
  EXPECT_EQ(unknown.problems[0].path, "party_id");
  EXPECT_FALSE(unknown.session.has_value());
  EXPECT_FALSE(unknown.attempt.has_value());

  const ContactStart no_point =
      start_contact(state(), "P-1", ContactChannel::phone, "", EventId(), at("2026-03-08T15:00:00Z"));
  ASSERT_EQ(no_point.problems.size(), 2u);
  EXPECT_EQ(no_point.problems[0].path, "contact_point");
  EXPECT_EQ(no_point.problems[1].path, "attempt_id");
  EXPECT_FALSE(no_point.attempt.has_value());
}

TEST_F(ContactSessionTest, UnverifiedPartyHearsNothingAboutTheDebt) {
  const ContactSession s = start();
  EXPECT_FALSE(debt_may_be_discussed(s));
  const std::vector<ScriptItem> script = contact_script(s, state(), book, context);
  EXPECT_TRUE(has_section(script, ScriptSection::location_questions));
  EXPECT_TRUE(has_section(script, ScriptSection::identity_questions));
  EXPECT_TRUE(has_section(script, ScriptSection::limited_content_message));
  EXPECT_FALSE(has_section(script, ScriptSection::debt_details));
  EXPECT_FALSE(
      has_section(script, ScriptSection::disclosures));  // the oral mini-Miranda waits for verification
  const std::string text = all_text(script);
  for (const char* secret : {"debt collector", "Bay State Bank", "Commonwealth Card", "$1,", "9876"}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << secret;
  }
  // 12 CFR 1006.2(j): the limited-content message holds every item of (j)(1), the business name, a request to
  // reply, the name of a person to reply to and the number, with only the salutation of (j)(2), and nothing else.
  const auto lcm = std::find_if(script.begin(), script.end(), [](const ScriptItem& i) {
    return i.section == ScriptSection::limited_content_message;
  });
  EXPECT_EQ(lcm->citation, "12 CFR 1006.2(j)");
  EXPECT_EQ(lcm->lines, (std::vector<std::string>{"Hello, this message is for Dana Reyes.",
                                                  "This is Jordan Lee at JL Services.",
                                                  "Please call Jordan Lee back at +16175550100."}));
  // A required item the host did not give is a gap to fill, never left out.
  const std::vector<ScriptItem> bare = contact_script(s, state(), book, ScriptContext{});
  const auto gap = std::find_if(bare.begin(), bare.end(), [](const ScriptItem& i) {
    return i.section == ScriptSection::limited_content_message;
  });
  ASSERT_NE(gap, bare.end());
  EXPECT_EQ(gap->lines, (std::vector<std::string>{"Hello, this message is for Dana Reyes.",
                                                  "This is [your name] at [business name].",
                                                  "Please call [your name] back at [callback number]."}));

  const std::vector<O> open = available_outcomes(s);
  for (O o : {O::right_party_contact, O::promise_to_pay, O::dispute}) {
    EXPECT_EQ(std::find(open.begin(), open.end(), o), open.end()) << to_string(o);
    EXPECT_FALSE(outcome_allowed(s, o));
  }
  for (O o : {O::third_party, O::wrong_number, O::no_answer, O::left_message, O::limited_content_message,
              O::cease_request}) {
    EXPECT_NE(std::find(open.begin(), open.end(), o), open.end()) << to_string(o);
  }
  const ContactFinish ptp = finish_contact(s, state(), O::promise_to_pay,
                                           promise_of(usd(5000), day("2026-03-20")), day("2026-03-08"));
  ASSERT_EQ(ptp.problems.size(), 1u);
  EXPECT_EQ(ptp.problems[0].path, "outcome");
  EXPECT_TRUE(ptp.payloads.empty());
  EXPECT_EQ(finish_contact(s, state(), O::right_party_contact, {}, day("2026-03-08")).problems[0].path,
            "outcome");
}

// The script follows the debtor's law: the location questions (15 U.S.C. 1692b) and the limited-content message
// (12 CFR 1006.2(j)) come from the US federal pack, with its citations; a call to a UK account of a debtor living in
// the UK shows neither, and nothing of the script cites US law.
TEST_F(ContactSessionTest, TheScriptFollowsTheLawOfTheAccountsJurisdiction) {
  const std::vector<ScriptItem> us = contact_script(start(), state(), book, context);
  const auto cited = [](const std::vector<ScriptItem>& items, ScriptSection section) {
    const auto it = std::find_if(items.begin(), items.end(), [&](const ScriptItem& i) { return i.section == section; });
    return it == items.end() ? std::string("(none)") : it->citation;
  };
  EXPECT_EQ(cited(us, ScriptSection::location_questions), "15 U.S.C. 1692b; 12 CFR 1006.10");
  EXPECT_EQ(cited(us, ScriptSection::limited_content_message), "12 CFR 1006.2(j)");

  account.jurisdiction = "GB-ENG";
  account.currency = *Currency::find("GBP");
  Address& home = account.parties[0].addresses[0];
  home.postal = PostalAddress{{"3 Mill Lane"}, "Leeds", "", "LS1 4AP", "GB"};
  home.time_zone = "Europe/London";
  account.parties[0].phones[0].time_zones = {"Europe/London"};
  const std::vector<ScriptItem> uk = contact_script(start(), state(), book, context);
  EXPECT_FALSE(has_section(uk, ScriptSection::location_questions));
  EXPECT_FALSE(has_section(uk, ScriptSection::limited_content_message));
  EXPECT_TRUE(has_section(uk, ScriptSection::identity_questions));
  for (const ScriptItem& item : uk) {
    for (const char* us_law : {"U.S.C.", "CFR"}) {
      EXPECT_EQ(item.citation.find(us_law), std::string::npos) << item.title << ": " << item.citation;
    }
  }
}

// Issue item 11: each script part and disclosure comes from the packs of every place the party may live. A UK
// account's debtor who lives in Massachusetts is a consumer under 15 U.S.C. 1692a(3) and is called under US law too:
// the voicemail is the limited-content message (12 CFR 1006.2(j)), and the first call carries the mini-Miranda
// (15 U.S.C. 1692e(11)), marked as the law of where the party lives.
TEST_F(ContactSessionTest, TheScriptFollowsTheLawOfWhereTheDebtorLives) {
  account.jurisdiction = "GB-ENG";
  account.currency = *Currency::find("GBP");
  const std::vector<ScriptItem> items = contact_script(start(), state(), book, context);
  const auto found = std::find_if(items.begin(), items.end(), [](const ScriptItem& i) {
    return i.section == ScriptSection::limited_content_message;
  });
  ASSERT_NE(found, items.end());
  EXPECT_EQ(found->citation, "12 CFR 1006.2(j)");
  const std::vector<ScriptItem> told = contact_script(verified(), state(), book, context);
  const auto miranda = std::find_if(told.begin(), told.end(), [](const ScriptItem& i) {
    return i.section == ScriptSection::disclosures && i.citation.starts_with("15 U.S.C. 1692e(11)");
  });
  ASSERT_NE(miranda, told.end());
  EXPECT_EQ(miranda->citation,
            "15 U.S.C. 1692e(11); 12 CFR 1006.18(e)(1); 15 U.S.C. 1692c(b) (US law: the party has an address there)");

  // Once the Massachusetts address is marked bad, only the UK's law is left.
  account.parties[0].addresses[0].provenance.status = ContactStatus::bad;
  account.parties[0].phones[0].time_zones = {"Europe/London"};
  for (const ScriptItem& item : contact_script(start(), state(), book, context)) {
    EXPECT_EQ(item.citation.find("U.S.C."), std::string::npos) << item.title << ": " << item.citation;
    EXPECT_EQ(item.citation.find("CFR"), std::string::npos) << item.title << ": " << item.citation;
  }
}

// Cal. Civ. Code 1788.14(d): a text about a time-barred California debt carries the time-barred notice; the session
// reads the debt's age when it starts (the account's time_barred_from, 12 CFR 1006.26(a)(2)).
TEST_F(ContactSessionTest, ATextAboutATimeBarredCaliforniaDebtCarriesItsNotice) {
  account.jurisdiction = "US-CA";
  account.first_delinquency = day("2022-02-01");  // still within the credit-reporting period in 2026
  const auto notice = [this] {
    const std::vector<ScriptItem> items = contact_script(verified(ContactChannel::sms), state(), book, context);
    return std::any_of(items.begin(), items.end(), [](const ScriptItem& i) {
      return i.citation == "Cal. Civ. Code 1788.14(d)(1)" && !i.lines.empty() &&
             i.lines[0].starts_with("The law limits how long you can be sued on a debt.");
    });
  };
  account.time_barred_from = day("2027-01-01");
  EXPECT_FALSE(notice()) << "in time on 8 March 2026";
  account.time_barred_from = day("2026-01-01");
  EXPECT_TRUE(notice());
}

TEST_F(ContactSessionTest, VerificationOpensDisclosuresAndDebtDetails) {
  VerifyStep failed =
      verify(start(), state(), std::vector<Answer>{{Q::birth_date, "1980-04-12"}, {Q::city, "Boston"}});
  EXPECT_EQ(failed.session.state, VerificationState::unverified);
  EXPECT_FALSE(failed.session.verified.has_value());

  const ContactSession s = verified();
  EXPECT_TRUE(debt_may_be_discussed(s));
  const std::vector<ScriptItem> script = contact_script(s, state(), book, context);
  EXPECT_FALSE(has_section(script, ScriptSection::location_questions));
  EXPECT_FALSE(has_section(script, ScriptSection::limited_content_message));
  ASSERT_GE(script.size(), 2u);
  EXPECT_EQ(script.front().section, ScriptSection::disclosures);  // disclosures come before the debt
  EXPECT_EQ(script.front().citation.substr(0, 19), "15 U.S.C. 1692e(11)");
  EXPECT_NE(script.front().lines[0].find("debt collector"), std::string::npos);
  EXPECT_NE(script.front().lines[0].find("will be used for that purpose"),
            std::string::npos);  // first: full text
  EXPECT_EQ(script.back().section, ScriptSection::debt_details);
  const std::string text = all_text(script);
  EXPECT_NE(text.find("Commonwealth Card Services"), std::string::npos);
  EXPECT_NE(text.find("Bay State Bank"), std::string::npos);
  EXPECT_NE(text.find("9876"), std::string::npos);
  EXPECT_NE(text.find("$1,460.50"), std::string::npos);  // 1500.00 + 25.50 + 35.00 - 100.00

  const std::vector<O> open = available_outcomes(s);
  for (O o : {O::right_party_contact, O::promise_to_pay, O::dispute}) {
    EXPECT_NE(std::find(open.begin(), open.end(), o), open.end()) << to_string(o);
  }
}

TEST_F(ContactSessionTest, LaterCommunicationsGetTheShortDisclosure) {
  Device laptop("d-laptop-1", 0x11);
  const EventId call = laptop.call(journal, "A-1", at("2026-02-20T15:00:00Z"));
  laptop.add(journal, "A-1", at("2026-02-20T15:05:00Z"), OutcomeRecorded{call, O::right_party_contact, true});
  const ContactSession s = verified();
  EXPECT_FALSE(s.first_communication);
  const std::vector<ScriptItem> script = contact_script(s, state(), book, context);
  ASSERT_EQ(script.front().section, ScriptSection::disclosures);
  EXPECT_EQ(script.front().lines[0], "This call is from a debt collector.");
}

// 15 U.S.C. 1692e(11), 12 CFR 1006.18(e): the full disclosure goes "in the initial written communication with the
// consumer and, in addition, if the initial communication with the consumer is oral, in that initial oral
// communication". First is per party and per channel class: a conversation does not make the first letter or email
// a later one, a letter makes the next call a later one, and another party's conversation counts for neither.
TEST_F(ContactSessionTest, TheFirstWrittenCommunicationGetsTheFullNoticeEvenAfterACall) {
  Email email;
  email.address = "dana@example.com";
  email.consent_email = true;
  email.provenance.status = ContactStatus::current;
  account.parties[0].emails.push_back(email);
  Device laptop("d-laptop-1", 0x11);
  const EventId call = laptop.call(journal, "A-1", at("2026-02-20T15:00:00Z"));
  laptop.add(journal, "A-1", at("2026-02-20T15:05:00Z"), OutcomeRecorded{call, O::right_party_contact, true});
  const Instant now = at("2026-03-08T15:00:00Z");
  EXPECT_FALSE(first_communication(state(), "P-1", ContactChannel::phone, now));
  EXPECT_TRUE(first_communication(state(), "P-1", ContactChannel::email, now));
  EXPECT_TRUE(first_communication(state(), "P-1", ContactChannel::letter, now));
  EXPECT_TRUE(first_communication(state(), "P-2", ContactChannel::phone, now));  // the co-signer was not spoken to
  const ContactSession by_email = start(ContactChannel::email, "dana@example.com");
  EXPECT_TRUE(by_email.first_communication);
  const auto ids = [&](ContactChannel channel, bool first) {
    std::vector<std::string> out;
    for (const Disclosure& d : required_disclosures(book, account, channel, first)) out.push_back(d.rule_id);
    return out;
  };
  EXPECT_EQ(ids(ContactChannel::email, by_email.first_communication),
            (std::vector<std::string>{"us-mini-miranda-first-written", "us-electronic-opt-out"}));

  // An email that bounced (its outcome wrong-number) reached no one; one sent did.
  const EventId bounced = laptop.add(journal, "A-1", at("2026-03-01T14:00:00Z"),
                                     ContactAttempted{"P-1", ContactChannel::email, "dana@example.com",
                                                      ContactDirection::outbound});
  laptop.add(journal, "A-1", at("2026-03-01T14:01:00Z"), OutcomeRecorded{bounced, O::wrong_number, false});
  EXPECT_TRUE(first_communication(state(), "P-1", ContactChannel::email, now));
  laptop.add(journal, "A-1", at("2026-03-02T14:00:00Z"),
             ContactAttempted{"P-1", ContactChannel::email, "dana@example.com", ContactDirection::outbound});
  EXPECT_FALSE(first_communication(state(), "P-1", ContactChannel::letter, now));
  EXPECT_TRUE(first_communication(state(), "P-1", ContactChannel::letter, at("2026-03-01T23:00:00Z")));  // before it
  EXPECT_EQ(ids(ContactChannel::letter, false), (std::vector<std::string>{"us-mini-miranda-subsequent-written"}));
}

// A letter is a communication: the first call after it is a later one. An unanswered call or a limited-content
// message (12 CFR 1006.2(j): not a communication) leaves the next call the first; a message left for the party is one.
TEST_F(ContactSessionTest, AnyCommunicationMakesTheNextCallALaterOne) {
  Device laptop("d-laptop-1", 0x11);
  const Instant now = at("2026-03-08T15:00:00Z");
  const EventId unanswered = laptop.call(journal, "A-1", at("2026-02-20T15:00:00Z"));
  laptop.add(journal, "A-1", at("2026-02-20T15:01:00Z"), OutcomeRecorded{unanswered, O::no_answer, false});
  const EventId voicemail = laptop.call(journal, "A-1", at("2026-02-21T15:00:00Z"));
  laptop.add(journal, "A-1", at("2026-02-21T15:01:00Z"), OutcomeRecorded{voicemail, O::limited_content_message, false});
  EXPECT_TRUE(first_communication(state(), "P-1", ContactChannel::phone, now));
  const EventId message = laptop.call(journal, "A-1", at("2026-02-22T15:00:00Z"));
  laptop.add(journal, "A-1", at("2026-02-22T15:01:00Z"), OutcomeRecorded{message, O::left_message, false});
  EXPECT_FALSE(first_communication(state(), "P-1", ContactChannel::phone, now));
  EXPECT_TRUE(first_communication(state(), "P-1", ContactChannel::letter, now));  // a message is not in writing

  journal = Journal{};
  const std::string home = state().parties[0].points[0].key();
  const LetterMade letter = make_letter(state(), book, "P-1", "validation-notice", home, day("2026-02-25"));
  ASSERT_TRUE(letter.problems.empty());
  laptop.add(journal, "A-1", at("2026-02-25T09:00:00Z"), *letter.letter);
  EXPECT_FALSE(first_communication(state(), "P-1", ContactChannel::phone, now));
  EXPECT_FALSE(start().first_communication);
}

// CPCE art. R124-4, last paragraph: every later step of the collection recalls the reference and the date the R124-4
// letter was sent. The script of a call after that letter gives both, from the fold.
TEST_F(ContactSessionTest, AFrenchCallRecallsTheDateAndReferenceOfTheR1244Letter) {
  account.jurisdiction = "FR";
  account.currency = *Currency::find("EUR");
  account.language = "fr-FR";
  account.balance = Balance{day("2026-01-15"), Money(150000, account.currency), Money(0, account.currency),
                            Money(0, account.currency), Money(0, account.currency), Money(0, account.currency)};
  Device laptop("d-laptop-1", 0x11);
  const std::string home = state().parties[0].points[0].key();
  const LetterMade letter = make_letter(state(), book, "P-1", "fr-r124-4", home, day("2026-02-25"));
  ASSERT_TRUE(letter.problems.empty());
  const EventId sent = laptop.add(journal, "A-1", at("2026-02-25T09:00:00Z"), *letter.letter);
  const auto verified_fr = [&] {  // a French birth date is day first
    const std::vector<Answer> answers{{Q::birth_date, "12/04/1980"}, {Q::postal_code, "02139"}};
    const VerifyStep step = verify(start(), state(), answers);
    EXPECT_EQ(step.session.state, VerificationState::verified);
    return step.session;
  };
  const ContactSession s = verified_fr();
  EXPECT_FALSE(s.first_communication);
  const std::vector<ScriptItem> script = contact_script(s, state(), book, context);
  const auto recall = std::find_if(script.begin(), script.end(), [](const ScriptItem& i) {
    return i.section == ScriptSection::disclosures && i.citation.starts_with("CPCE art. R124-4, dernier alinéa");
  });
  ASSERT_NE(recall, script.end());
  ASSERT_EQ(recall->lines.size(), 2u);
  EXPECT_EQ(recall->lines[1], "Recall: letter fr-r124-4 sent 2026-02-25, reference " + sent.hex() + ".");

  // Without the letter (the debtor called first), the script says there is none to recall.
  journal = Journal{};
  const EventId inbound = laptop.add(journal, "A-1", at("2026-02-26T09:00:00Z"),
                                     ContactAttempted{"P-1", ContactChannel::phone, "+16175550123",
                                                      ContactDirection::inbound});
  laptop.add(journal, "A-1", at("2026-02-26T09:05:00Z"), OutcomeRecorded{inbound, O::right_party_contact, true});
  const std::string text = all_text(contact_script(verified_fr(), state(), book, context));
  EXPECT_EQ(text.find("Recall: letter"), std::string::npos);
  EXPECT_NE(text.find("No letter fr-r124-4 was sent to this party: there is none to recall."), std::string::npos);
}

// Issue item 13: 15 U.S.C. 1692c(d) and 12 CFR 1006.6(a) treat the spouse (and a parent of a minor, a guardian, an
// executor or administrator) as the consumer. A spouse added from a call, with nothing of its own to verify, is
// verified by the consumer's details it confirms, and may then hear about the debt; a wrong answer tells nothing,
// and a co-signer added the same way, whom the law does not treat as the consumer, has nothing to be asked.
TEST_F(ContactSessionTest, ASpouseAddedFromACallIsVerifiedByTheConsumersDetails) {
  Event added{EventId::from_parts(0x0190f3a1b2c3d4e9ull, 1), "A-1", Author{"u-collector-1", "d-desk-1"},
              at("2026-03-08T14:00:00Z"), 1, PartyAdded{"P-5", PartyRole::spouse, "Alex", "Reyes", "", "party"}};
  ASSERT_EQ(journal.add(added), AddResult::added);
  Event cosigner = added;
  cosigner.id = EventId::from_parts(0x0190f3a1b2c3d4e9ull, 2);
  cosigner.sequence = 2;
  cosigner.payload = PartyAdded{"P-6", PartyRole::co_signer, "Sam", "Reyes", "", "party"};
  ASSERT_EQ(journal.add(cosigner), AddResult::added);

  EXPECT_EQ(identity_questions(state(), "P-5"), identity_questions(account.parties[0]));
  EXPECT_EQ(answering_party(state(), "P-5"), &account.parties[0]);
  EXPECT_TRUE(identity_questions(state(), "P-6").empty());

  const ContactStart s = start_contact(state(), "P-5", ContactChannel::in_person, "", kAttempt,
                                       at("2026-03-08T15:00:00Z"));
  ASSERT_TRUE(s.session.has_value());
  const std::string asked = all_text(contact_script(*s.session, state(), book, context));
  EXPECT_NE(asked.find("a spouse is verified by what they know of Dana Reyes"), std::string::npos) << asked;
  EXPECT_EQ(asked.find("Total now owed"), std::string::npos) << asked;

  const VerifyStep wrong = verify(*s.session, state(), std::vector<Answer>{{Q::birth_date, "1981-04-12"},
                                                                          {Q::postal_code, "02139"}});
  EXPECT_EQ(wrong.session.state, VerificationState::unverified);
  const VerifyStep right = verify(*s.session, state(), std::vector<Answer>{{Q::birth_date, "04/12/1980"},
                                                                          {Q::postal_code, "02139"}});
  ASSERT_EQ(right.session.state, VerificationState::verified);
  ASSERT_TRUE(right.result.verified.has_value());
  EXPECT_EQ(right.result.verified->party_id, "P-5");
  const std::string told = all_text(contact_script(right.session, state(), book, context));
  EXPECT_NE(told.find("Total now owed"), std::string::npos) << told;

  const ContactStart co = start_contact(state(), "P-6", ContactChannel::in_person, "", kAttempt,
                                        at("2026-03-08T15:00:00Z"));
  ASSERT_TRUE(co.session.has_value());
  const std::string nothing = all_text(contact_script(*co.session, state(), book, context));
  EXPECT_NE(nothing.find("The account holds nothing that verifies this party"), std::string::npos) << nothing;
  const VerifyStep refused =
      verify(*co.session, state(), std::vector<Answer>{{Q::birth_date, "04/12/1980"}, {Q::postal_code, "02139"}});
  EXPECT_EQ(refused.session.state, VerificationState::unverified);
  EXPECT_FALSE(refused.result.problems.empty());
}

// 15 U.S.C. 1692b(1)-(3), 12 CFR 1006.10(b): a person other than the consumer is asked only for the consumer's
// location; the caller gives their own name and says they are confirming or correcting location information, never
// that the consumer owes a debt. The script is that and nothing else, and the person is never verified.
TEST_F(ContactSessionTest, AThirdPartyIsAskedOnlyForTheConsumersLocation) {
  Party neighbour;
  neighbour.id = "P-7";
  neighbour.role = PartyRole::third_party;
  neighbour.given_name = "Robin";
  neighbour.family_name = "Hale";
  neighbour.birth_date = day("1975-01-02");
  Phone phone;
  phone.number = "+16175550777";
  phone.time_zones = {"America/New_York"};
  phone.provenance.status = ContactStatus::current;
  neighbour.phones.push_back(phone);
  account.parties.push_back(neighbour);
  const ContactStart s =
      start_contact(state(), "P-7", ContactChannel::phone, "+16175550777", kAttempt, at("2026-03-08T15:00:00Z"));
  ASSERT_TRUE(s.session.has_value());
  const std::vector<ScriptItem> script = contact_script(*s.session, state(), book, context);
  ASSERT_EQ(script.size(), 1u);
  EXPECT_EQ(script[0].section, ScriptSection::location_questions);
  EXPECT_EQ(script[0].citation, "15 U.S.C. 1692b; 12 CFR 1006.10");
  const std::string text = all_text(script);
  EXPECT_NE(text.find("Ask to speak with Robin Hale."), std::string::npos) << text;
  EXPECT_NE(text.find("confirming or correcting location information about Dana Reyes"), std::string::npos) << text;
  EXPECT_NE(text.find("Do not say that Dana Reyes owes a debt"), std::string::npos) << text;
  EXPECT_NE(text.find("asked once: another contact needs their request, or your recorded reason to believe their "
                      "answer wrong or incomplete"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("$"), std::string::npos) << text;  // no balance
  const VerifyStep v =
      verify(*s.session, state(), std::vector<Answer>{{Q::birth_date, "01/02/1975"}, {Q::postal_code, "02139"}});
  EXPECT_EQ(v.session.state, VerificationState::unverified);
  ASSERT_EQ(v.result.problems.size(), 1u);
  EXPECT_EQ(v.result.problems[0].path, "party_id");
  const std::vector<O> open = available_outcomes(v.session);
  EXPECT_TRUE(v.session.location_only);
  EXPECT_FALSE(start().location_only);  // the debtor's session
  EXPECT_EQ(open, (std::vector<O>{O::third_party, O::wrong_number, O::left_message, O::no_answer, O::refused,
                                  O::not_connected}));  // nothing of the debt, nothing recorded of the consumer
}

TEST_F(ContactSessionTest, EachOutcomeGivesItsEvents) {
  const Date today = day("2026-03-08");
  const ContactSession s = verified();
  const PartyVerified pv{"P-1", VerificationMethod::security_questions, 2};

  const ContactFinish ptp =
      finish_contact(s, state(), O::promise_to_pay, promise_of(usd(5000), day("2026-03-20")), today);
  ASSERT_TRUE(ptp.problems.empty());
  EXPECT_EQ(ptp.payloads, (std::vector<EventPayload>{pv, OutcomeRecorded{kAttempt, O::promise_to_pay, true},
                                                     PromiseMade{usd(5000), day("2026-03-20")}}));

  // A dispute said on the call: its medium is the call's (12 CFR 1006.38(d)(2) pauses only for one in writing).
  OutcomeDetails dispute;
  dispute.dispute_reason = "not my debt";
  EXPECT_EQ(finish_contact(s, state(), O::dispute, dispute, today).payloads,
            (std::vector<EventPayload>{pv, OutcomeRecorded{kAttempt, O::dispute, true},
                                       DisputeOpened{"P-1", "not my debt", today, DisputeSubject::debt, s.channel}}));
  // A request for the original creditor's name and address is a dispute-opened of that subject.
  dispute.dispute_subject = DisputeSubject::original_creditor;
  EXPECT_EQ(finish_contact(s, state(), O::dispute, dispute, today).payloads,
            (std::vector<EventPayload>{pv, OutcomeRecorded{kAttempt, O::dispute, true},
                                       DisputeOpened{"P-1", "not my debt", today, DisputeSubject::original_creditor,
                                                     s.channel}}));

  // A cease request says how it reached the agency: on the session's channel (here a call).
  OutcomeDetails cease;
  cease.cease_scope = CeaseScope::channels;
  cease.cease_channels = {ContactChannel::phone};
  EXPECT_EQ(
      finish_contact(s, state(), O::cease_request, cease, today).payloads,
      (std::vector<EventPayload>{pv, OutcomeRecorded{kAttempt, O::cease_request, true},
                                 CeaseRequested{"P-1", CeaseScope::channels, {ContactChannel::phone}, ContactChannel::phone}}));

  EXPECT_EQ(finish_contact(s, state(), O::right_party_contact, {}, today).payloads,
            (std::vector<EventPayload>{pv, OutcomeRecorded{kAttempt, O::right_party_contact, true}}));
  EXPECT_EQ(finish_contact(s, state(), O::bankrupt, {}, today).payloads,
            (std::vector<EventPayload>{pv, OutcomeRecorded{kAttempt, O::bankrupt, true},
                                       Escalated{EscalationTarget::legal, "bankruptcy reported"}}));

  // Unverified outcomes: no conversation, no verification event.
  const ContactSession u = start();
  EXPECT_EQ(finish_contact(u, state(), O::no_answer, {}, today).payloads,
            (std::vector<EventPayload>{OutcomeRecorded{kAttempt, O::no_answer, false}}));
  EXPECT_EQ(finish_contact(u, state(), O::limited_content_message, {}, today).payloads,
            (std::vector<EventPayload>{OutcomeRecorded{kAttempt, O::limited_content_message, false}}));
  EXPECT_EQ(finish_contact(u, state(), O::third_party, {}, today).payloads,
            (std::vector<EventPayload>{OutcomeRecorded{kAttempt, O::third_party, false}}));
  EXPECT_EQ(finish_contact(u, state(), O::wrong_number, {}, today).payloads,
            (std::vector<EventPayload>{
                OutcomeRecorded{kAttempt, O::wrong_number, false},
                ContactPointUpdated{"P-1", ContactPointKind::phone, "+16175550123", ContactStatus::wrong_number}}));
  EXPECT_EQ(finish_contact(u, state(), O::deceased, {}, today).payloads,
            (std::vector<EventPayload>{OutcomeRecorded{kAttempt, O::deceased, false},
                                       Escalated{EscalationTarget::return_to_client, "death reported"}}));

  // A verified party met in person: a right-party contact, but not a telephone conversation.
  const ContactSession visit = verified(ContactChannel::in_person);
  EXPECT_EQ(finish_contact(visit, state(), O::right_party_contact, {}, today).payloads,
            (std::vector<EventPayload>{pv, OutcomeRecorded{kAttempt, O::right_party_contact, false}}));
}

TEST_F(ContactSessionTest, BadOutcomeDetailsNameTheFieldAndEmitNothing) {
  const Date today = day("2026-03-08");
  const ContactSession s = verified();
  const auto first_path = [&](O o, const OutcomeDetails& d) {
    const ContactFinish f = finish_contact(s, state(), o, d, today);
    EXPECT_TRUE(f.payloads.empty());
    return f.problems.empty() ? std::string() : f.problems[0].path;
  };
  EXPECT_EQ(first_path(O::promise_to_pay, {}), "promise");
  EXPECT_EQ(first_path(O::promise_to_pay, promise_of(usd(0), day("2026-03-20"))), "promise.amount");
  EXPECT_EQ(first_path(O::promise_to_pay, promise_of(usd(-100), day("2026-03-20"))), "promise.amount");
  EXPECT_EQ(first_path(O::promise_to_pay, promise_of(Money(5000, *Currency::find("EUR")), day("2026-03-20"))),
            "promise.amount");
  EXPECT_EQ(first_path(O::promise_to_pay, promise_of(usd(5000), day("2026-03-07"))), "promise.due");
  // A cease request says how it reached the agency: on the session's channel (here a call).
  OutcomeDetails cease;
  cease.cease_scope = CeaseScope::channels;
  EXPECT_EQ(first_path(O::cease_request, cease), "cease_channels");
  // Due today is fine.
  EXPECT_TRUE(
      finish_contact(s, state(), O::promise_to_pay, promise_of(usd(1), today), today).problems.empty());

  const ContactSession email = verified(ContactChannel::email);
  const ContactFinish lcm = finish_contact(email, state(), O::limited_content_message, {}, today);
  ASSERT_EQ(lcm.problems.size(), 1u);
  EXPECT_EQ(lcm.problems[0].path, "outcome");
  EXPECT_TRUE(lcm.payloads.empty());

  ContactSession stray = s;
  stray.party_id = "P-9";
  EXPECT_EQ(finish_contact(stray, state(), O::no_answer, {}, today).problems[0].path, "party_id");
}

TEST_F(ContactSessionTest, PayloadsBecomeJournalEvents) {
  Device phone("d-phone-7", 0x22);
  const ContactSession s = verified();
  const ContactFinish f = finish_contact(s, state(), O::promise_to_pay,
                                         promise_of(usd(5000), day("2026-03-20")), day("2026-03-08"));
  std::vector<EventId> ids{phone.next_id(), phone.next_id()};
  EXPECT_EQ(make_contact_events("A-1", f.payloads, ids, phone.author(), at("2026-03-08T15:10:00Z"), 5)
                .problems[0]
                .path,
            "ids");
  ids.push_back(phone.next_id());
  const ContactEvents made =
      make_contact_events("A-1", f.payloads, ids, phone.author(), at("2026-03-08T15:10:00Z"), 5);
  ASSERT_TRUE(made.problems.empty());
  ASSERT_EQ(made.events.size(), 3u);
  EXPECT_EQ(made.events[2].sequence, 7u);
  EXPECT_EQ(made.events[1].get<OutcomeRecorded>()->attempt_id, kAttempt);
  for (const Event& e : made.events) EXPECT_EQ(journal.add(e), AddResult::added);

  ids[1] = EventId();  // the nil id is refused by validation, naming the event
  const ContactEvents nil =
      make_contact_events("A-1", f.payloads, ids, phone.author(), at("2026-03-08T15:10:00Z"), 8);
  ASSERT_FALSE(nil.problems.empty());
  EXPECT_EQ(nil.problems[0].path, "events[1].id");
  EXPECT_TRUE(nil.events.empty());
}

}  // namespace
}  // namespace parley
