// Letters: the templates an account's rule packs name, and the LetterIssued payload of a letter sent, whose
// figures are the fold's and whose digest covers what it states.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "compliance/embedded_rules.h"
#include "embedded_calendars.h"
#include "parley/calendar/validation_period.h"
#include "contact_fixtures.h"
#include "parley/account/account.h"
#include "parley/compliance/check.h"
#include "parley/contact/contact.h"
#include "parley/secret.h"

namespace parley {
namespace {

using contact_test::at;
using contact_test::day;
using contact_test::us_account;
using contact_test::us_client;
using contact_test::usd;

std::vector<std::string> ids(const std::vector<LetterTemplate>& templates) {
  std::vector<std::string> out;
  for (const LetterTemplate& t : templates) out.push_back(t.id);
  return out;
}

Account french_account() {
  Account a = us_account();
  a.id = "A-FR";
  a.jurisdiction = "FR";
  a.language = "fr-FR";
  a.currency = *Currency::find("EUR");
  const Currency eur = a.currency;
  a.balance = Balance{day("2026-01-15"), Money(150000, eur), Money(2550, eur), Money(3500, eur), Money(10000, eur),
                      Money(0, eur)};
  return a;
}

TEST(ContactLetters, TemplatesComeFromThePacksOfTheAccountInPackOrderEachOnce) {
  const RuleBook book = testdata::shipped_rule_book();
  ASSERT_TRUE(book.failed.empty());
  // In the order of their purposes: the validation notice first, then the answers to a dispute or a request for the
  // original creditor, then the notices a cease request allows (12 CFR 1006.6(c)(2)).
  const std::vector<LetterTemplate> us = letter_templates(book, us_account());
  EXPECT_EQ(ids(us), (std::vector<std::string>{"validation-notice", "verification", "original-creditor",
                                               "termination-notice", "remedy-notice"}));
  ASSERT_EQ(us.size(), 5u);
  EXPECT_EQ(us[0].purpose, LetterPurpose::validation_notice);
  EXPECT_EQ(us[1].purpose, LetterPurpose::verification);
  EXPECT_EQ(us[2].purpose, LetterPurpose::original_creditor);
  EXPECT_EQ(us[3].purpose, LetterPurpose::termination);
  EXPECT_EQ(us[4].purpose, LetterPurpose::remedy);
  EXPECT_EQ(us[3].rule_id, "us-cease-communication");
  EXPECT_EQ(us[2].rule_id, "us-dispute-validation");
  EXPECT_FALSE(us[0].citation.empty());

  const std::vector<LetterTemplate> fr = letter_templates(book, french_account());
  ASSERT_EQ(ids(fr), (std::vector<std::string>{"fr-r124-4"}));
  EXPECT_EQ(fr[0].purpose, LetterPurpose::prior_letter);
  EXPECT_EQ(to_string(fr[0].purpose), "prior-letter");

  // A template named by two rules (here a second pack) is listed once, from the first rule; a letter a prior-letter
  // rule wants comes before the others.
  RuleBook twice = book;
  RulePack extra;
  extra.jurisdiction = "US-MA";
  extra.name = "extra";
  extra.version = "1";
  ContactRule rule;
  rule.id = "extra-prior";
  rule.citation = "none";
  rule.kind = ContactRuleKind::prior_letter;
  rule.letter_template = "validation-notice";
  extra.rules.push_back(rule);
  rule.id = "extra-other";
  rule.letter_template = "ma-notice";
  extra.rules.push_back(rule);
  twice.packs.push_back(extra);
  const std::vector<LetterTemplate> both = letter_templates(twice, us_account());
  EXPECT_EQ(ids(both), (std::vector<std::string>{"ma-notice", "validation-notice", "verification", "original-creditor",
                                                 "termination-notice", "remedy-notice"}));
  EXPECT_EQ(both[0].purpose, LetterPurpose::prior_letter);
  EXPECT_EQ(both[1].purpose, LetterPurpose::validation_notice);

  // An account no pack covers names no template.
  Account nowhere = us_account();
  nowhere.jurisdiction = "ZZ";
  EXPECT_TRUE(letter_templates(book, nowhere).empty());
}

TEST(ContactLetters, TheLetterStatesTheFoldsBalanceAndItsDigestCoversWhatItStates) {
  const Account account = us_account();
  const Client client = us_client();
  Journal journal;
  contact_test::Device device("d-1", 1);
  // A payment since placement: the letter's figures are the fold's, not the placement's.
  const AccountState placed = placement_state(account, &client);
  device.add(journal, account.id, at("2026-03-02T15:00:00Z"),
             PaymentPosted{usd(5000), day("2026-03-02"), PaymentMethod::card,
                           allocate(placed.balance.owed, usd(5000), placed.waterfall()), "R-1"});
  const AccountState state = fold(account, &client, journal.events_for(account.id));
  ASSERT_TRUE(state.set_aside.empty()) << state.set_aside[0].problem.text();
  const std::string home = address_key(account.parties[0].addresses[0].postal);
  const RuleBook book = testdata::shipped_rule_book();

  const LetterMade made = make_letter(state, book, "P-1", "validation-notice", home, day("2026-03-03"));
  ASSERT_TRUE(made.problems.empty()) << made.problems[0].text();
  ASSERT_TRUE(made.letter.has_value());
  const LetterIssued& letter = *made.letter;
  EXPECT_EQ(letter.party_id, "P-1");
  EXPECT_EQ(letter.template_id, "validation-notice");
  EXPECT_EQ(letter.template_version, "external");
  EXPECT_EQ(letter.locale, "en-US");
  EXPECT_EQ(letter.address, home);
  EXPECT_EQ(letter.provided, day("2026-03-03"));
  EXPECT_EQ(letter.figures, state.balance.itemised);
  EXPECT_EQ(letter.figures.total(), account.balance.total() - usd(5000));
  EXPECT_EQ(letter.document_digest, to_hex(sha256(letter_statement(account.id, letter))));
  EXPECT_EQ(letter.document_digest.size(), 64u);
  EXPECT_EQ(letter.purpose, LetterPurpose::validation_notice);  // the pack names the template as the notice
  EXPECT_FALSE(letter.validation_ends) << "no end date without the holiday calendar";
  const std::string statement = letter_statement(account.id, letter);
  EXPECT_EQ(statement.rfind("{\"account_id\":\"A-1\",\"party_id\":\"P-1\",\"template_id\":\"validation-notice\","
                            "\"template_version\":\"external\",\"locale\":\"en-US\",\"address\":",
                            0),
            0u)
      << statement;
  EXPECT_NE(statement.find("\"provided\":\"2026-03-03\",\"figures\":{\"currency\":\"USD\",\"itemisation_date\":"
                           "\"2026-01-15\",\"principal\":150000"),
            std::string::npos)
      << statement;
  EXPECT_NE(statement.find("\"total\":" + std::to_string(letter.figures.total().minor()) +
                           "},\"purpose\":\"validation-notice\"}"),
            std::string::npos)
      << statement;

  // What the letter states changes the digest: another day, another address, another balance.
  const LetterMade later = make_letter(state, book, "P-1", "validation-notice", home, day("2026-03-04"));
  ASSERT_TRUE(later.letter);
  EXPECT_NE(later.letter->document_digest, letter.document_digest);
  const LetterMade before = make_letter(placed, book, "P-1", "validation-notice", home, day("2026-03-03"));
  ASSERT_TRUE(before.letter);
  EXPECT_NE(before.letter->document_digest, letter.document_digest);

  // The payload is one a host may record: it folds and check_event finds nothing to refuse.
  Event event{EventId::from_parts(9, 1), account.id, {"u", "d-1"}, at("2026-03-03T10:00:00Z"), 2, letter};
  EXPECT_TRUE(validate_event(event).empty());
  EXPECT_TRUE(check_event(state, event, at("2026-03-03T10:00:00Z")).empty());
}

// 12 CFR 1006.34(c)(3): the validation notice states the end of the validation period; with the US federal holidays
// the letter records the day 1006.34(b)(5) gives. Other letters carry their template's purpose and no end date.
TEST(ContactLetters, AValidationNoticeStatesTheEndOfThePeriodAndEachLetterItsPurpose) {
  const Account account = us_account();
  const Client client = us_client();
  const AccountState state = placement_state(account, &client);
  const std::string home = address_key(account.parties[0].addresses[0].postal);
  RuleBook book = testdata::shipped_rule_book();
  book.holidays = testdata::shipped_calendar("US-FEDERAL");

  const LetterMade notice = make_letter(state, book, "P-1", "validation-notice", home, day("2026-06-01"));
  ASSERT_TRUE(notice.letter);
  EXPECT_EQ(notice.letter->purpose, LetterPurpose::validation_notice);
  EXPECT_EQ(notice.letter->validation_ends, day("2026-07-08"));  // received 8 June (five days, no weekends) + 30
  EXPECT_EQ(notice.letter->validation_ends, validation_period(*book.holidays, day("2026-06-01")).ends);
  EXPECT_NE(letter_statement(account.id, *notice.letter).find("\"validation_ends\":\"2026-07-08\"}"),
            std::string::npos);

  for (const auto& [id, purpose] : {std::pair{"verification", LetterPurpose::verification},
                                    std::pair{"original-creditor", LetterPurpose::original_creditor},
                                    std::pair{"termination-notice", LetterPurpose::termination},
                                    std::pair{"remedy-notice", LetterPurpose::remedy},
                                    std::pair{"payment-reminder", LetterPurpose::collection}}) {
    const LetterMade made = make_letter(state, book, "P-1", id, home, day("2026-06-01"));
    ASSERT_TRUE(made.letter) << id;
    EXPECT_EQ(made.letter->purpose, purpose) << id;
    EXPECT_FALSE(made.letter->validation_ends) << id;
    Event event{EventId::from_parts(9, 2), account.id, {"u", "d-1"}, at("2026-06-01T15:00:00Z"), 1, *made.letter};
    EXPECT_TRUE(validate_event(event).empty()) << id;
  }
}

TEST(ContactLetters, AnAddressThatIsNotThePartysOrAnUnknownPartyIsAProblemAndNoLetter) {
  const Account account = us_account();
  const Client client = us_client();
  const AccountState state = placement_state(account, &client);
  const std::string home = address_key(account.parties[0].addresses[0].postal);
  const RuleBook book = testdata::shipped_rule_book();

  LetterMade made = make_letter(state, book, "P-2", "validation-notice", home, day("2026-03-03"));
  ASSERT_EQ(made.problems.size(), 1u);
  EXPECT_EQ(made.problems[0].path, "address");
  EXPECT_FALSE(made.letter.has_value());

  made = make_letter(state, book, "P-9", "validation-notice", home, day("2026-03-03"));
  ASSERT_FALSE(made.problems.empty());
  EXPECT_EQ(made.problems[0].path, "party_id");
  EXPECT_FALSE(made.letter);

  made = make_letter(state, book, "P-1", "", "", day("2026-03-03"));
  ASSERT_EQ(made.problems.size(), 2u);
  EXPECT_EQ(made.problems[0].path, "template_id");
  EXPECT_EQ(made.problems[1].path, "address");
  EXPECT_FALSE(made.letter);
}

TEST(ContactLetters, AFrenchAccountIsCallableOnceItsR1244LetterIsRecorded) {
  const RuleBook book = testdata::shipped_rule_book();
  const Account account = french_account();
  Client client = us_client();
  client.currency = account.currency;
  Journal journal;
  const Instant noon = at("2026-03-03T11:00:00Z");  // 12:00 in Paris
  AccountState state = fold(account, &client, journal.events_for(account.id));
  // The address is in New York's zone in the fixture: the check is about the letter, whatever the hour.
  const Decision before =
      check(state, account.parties[0], ContactChannel::phone, "+16175550123", noon.plus_seconds(6 * 3600), book);
  EXPECT_TRUE(before.blocked_by("fr-r124-4-lettre-prealable"));

  const LetterMade made = make_letter(state, book, "P-1", letter_templates(book, account)[0].id,
                                      address_key(account.parties[0].addresses[0].postal), day("2026-03-03"));
  ASSERT_TRUE(made.letter);
  contact_test::Device device("d-1", 1);
  device.add(journal, account.id, noon, *made.letter);
  state = fold(account, &client, journal.events_for(account.id));
  const Decision after = check(state, account.parties[0], ContactChannel::phone, "+16175550123",
                               noon.plus_seconds(6 * 3600), book);
  EXPECT_FALSE(after.blocked_by("fr-r124-4-lettre-prealable"));
}

}  // namespace
}  // namespace parley
