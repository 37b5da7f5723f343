// required_disclosures(): what a communication must say or contain, from the required-disclosure rules of the
// shipped packs, each case written from the text the rule cites.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "compliance_fixtures.h"
#include "parley/compliance/check.h"

namespace parley {
namespace {

using namespace compliance_test;

std::vector<std::string> ids_of(const std::vector<Disclosure>& disclosures) {
  std::vector<std::string> out;
  for (const Disclosure& d : disclosures) out.push_back(d.rule_id);
  return out;
}

bool says(const Disclosure& d, std::string_view words) {
  return d.text.find(words) != std::string::npos;
}

class ComplianceDisclosures : public ShippedRules {};

// 15 U.S.C. 1692e(11): if the initial communication is oral, it says that the collector is attempting to
// collect a debt and that any information obtained will be used for that purpose; said once the right party
// is verified, since telling anyone else about the debt is a third-party communication (1692c(b)).
TEST_F(ComplianceDisclosures, FirstCallCarriesTheFullMiniMiranda) {
  const std::vector<Disclosure> got =
      required_disclosures(book, debtor_account("US-NY", "America/New_York"), ContactChannel::phone, true);
  ASSERT_EQ(ids_of(got), std::vector<std::string>{"us-mini-miranda-first-oral"});
  const Disclosure& d = got[0];
  EXPECT_NE(d.citation.find("15 U.S.C. 1692e(11)"), std::string::npos);
  EXPECT_TRUE(says(d, "debt collector"));
  EXPECT_TRUE(says(d, "attempt to collect a debt"));
  EXPECT_TRUE(says(d, "any information obtained will be used for that purpose"));
  EXPECT_TRUE(d.verbatim);
  EXPECT_EQ(d.when, DisclosureWhen::first);
  EXPECT_EQ(d.stage, DisclosureStage::after_verification);
  EXPECT_FALSE(d.rule_text.empty());
}

// 15 U.S.C. 1692e(11): subsequent communications disclose that they are from a debt collector.
TEST_F(ComplianceDisclosures, LaterCommunicationsSayTheyAreFromADebtCollector) {
  const Account ny = debtor_account("US-NY", "America/New_York");
  const std::vector<Disclosure> call = required_disclosures(book, ny, ContactChannel::phone, false);
  ASSERT_EQ(ids_of(call), std::vector<std::string>{"us-mini-miranda-subsequent-oral"});
  EXPECT_TRUE(says(call[0], "from a debt collector"));
  EXPECT_FALSE(says(call[0], "will be used for that purpose"));
  EXPECT_EQ(call[0].stage, DisclosureStage::after_verification);

  const std::vector<Disclosure> letter = required_disclosures(book, ny, ContactChannel::letter, false);
  ASSERT_EQ(ids_of(letter), std::vector<std::string>{"us-mini-miranda-subsequent-written"});
  EXPECT_EQ(letter[0].text, "This communication is from a debt collector.");
  EXPECT_EQ(letter[0].stage, DisclosureStage::any);  // a letter has no conversation to place it in
}

// 15 U.S.C. 1692e(11): the initial written communication carries the full disclosure, whatever the medium (an email
// or a text also the opt-out notice, below).
TEST_F(ComplianceDisclosures, FirstWrittenCommunicationOnEveryWrittenMedium) {
  const Account ny = debtor_account("US-NY", "America/New_York");
  for (ContactChannel channel : {ContactChannel::letter, ContactChannel::email, ContactChannel::sms}) {
    const std::vector<Disclosure> got = required_disclosures(book, ny, channel, true);
    ASSERT_FALSE(got.empty()) << to_string(channel);
    EXPECT_EQ(got[0].rule_id, "us-mini-miranda-first-written") << to_string(channel);
    EXPECT_TRUE(says(got[0], "any information obtained will be used for that purpose"));
  }
  EXPECT_EQ(ids_of(required_disclosures(book, ny, ContactChannel::letter, true)),
            std::vector<std::string>{"us-mini-miranda-first-written"});
  EXPECT_EQ(ids_of(required_disclosures(book, ny, ContactChannel::in_person, true)),
            std::vector<std::string>{"us-mini-miranda-first-oral"});
}

// 12 CFR 1006.6(e): every email and every text message, the first and every later one, describes a reasonable and
// simple way to opt out of further messages to that address or number; a letter or a call does not.
TEST_F(ComplianceDisclosures, EveryEmailAndTextCarriesTheOptOutNotice) {
  const Account ny = debtor_account("US-NY", "America/New_York");
  for (ContactChannel channel : {ContactChannel::email, ContactChannel::sms}) {
    for (const bool first : {true, false}) {
      const std::vector<Disclosure> got = required_disclosures(book, ny, channel, first);
      ASSERT_EQ(got.size(), 2u) << to_string(channel);
      const Disclosure& opt_out = got[1];
      EXPECT_EQ(opt_out.rule_id, "us-electronic-opt-out");
      EXPECT_EQ(opt_out.citation, "12 CFR 1006.6(e)");
      EXPECT_TRUE(says(opt_out, "opts out"));
      EXPECT_FALSE(opt_out.verbatim);  // the agency states its own method
      EXPECT_EQ(opt_out.when, DisclosureWhen::every);
    }
  }
  for (ContactChannel channel : {ContactChannel::letter, ContactChannel::phone, ContactChannel::in_person}) {
    for (const Disclosure& d : required_disclosures(book, ny, channel, false)) {
      EXPECT_NE(d.rule_id, "us-electronic-opt-out") << to_string(channel);
    }
  }
}

// Cal. Civ. Code 1812.700(a), (b): the Rosenthal notice, word for word, with the first written notice to a
// debtor at a California address; the federal disclosure applies too. Packs come in the book's order.
TEST_F(ComplianceDisclosures, CaliforniaAddsTheRosenthalNoticeToTheFirstLetter) {
  const Account ca = debtor_account("US-CA", "America/Los_Angeles");
  const std::vector<Disclosure> first = required_disclosures(book, ca, ContactChannel::letter, true);
  ASSERT_EQ(ids_of(first),
            (std::vector<std::string>{"ca-consumer-collection-notice", "us-mini-miranda-first-written"}));
  const Disclosure& notice = first[0];
  EXPECT_NE(notice.citation.find("1812.700"), std::string::npos);
  EXPECT_TRUE(notice.verbatim);
  EXPECT_EQ(
      notice.text.rfind("The state Rosenthal Fair Debt Collection Practices Act and the federal Fair Debt "
                        "Collection Practices Act require that, except under unusual circumstances, "
                        "collectors may not contact you before 8 a.m. or after 9 p.m.",
                        0),
      0u);
  EXPECT_TRUE(says(notice, "1-877-FTC-HELP or www.ftc.gov."));
  // Not on later letters, and not in a call: the notice goes with the first written notice only.
  EXPECT_EQ(ids_of(required_disclosures(book, ca, ContactChannel::letter, false)),
            std::vector<std::string>{"us-mini-miranda-subsequent-written"});
  EXPECT_EQ(ids_of(required_disclosures(book, ca, ContactChannel::phone, true)),
            std::vector<std::string>{"us-mini-miranda-first-oral"});
  // A Washington debtor's first letter has no Rosenthal notice.
  EXPECT_EQ(ids_of(required_disclosures(book, debtor_account("US-WA", "America/Los_Angeles"),
                                        ContactChannel::letter, true)),
            std::vector<std::string>{"us-mini-miranda-first-written"});
}

// CPCE R124-4: the letter contains 1° the agency's identity and that it does amicable collection, 2° the
// creditor's identity, 3° the basis and amount split into principal, interest and other sums, 4° the request
// to pay and how, 5° paragraphs 2 and 3 of L111-8 reproduced.
TEST_F(ComplianceDisclosures, FrenchLetterHoldsTheFiveR1244Items) {
  const Account fr = debtor_account("FR", "Europe/Paris");
  const std::vector<Disclosure> got = required_disclosures(book, fr, ContactChannel::letter, true);
  ASSERT_EQ(ids_of(got),
            (std::vector<std::string>{"fr-r124-4-1-identite-recouvreur", "fr-r124-4-2-identite-creancier",
                                      "fr-r124-4-3-fondement-montant", "fr-r124-4-4-invitation-a-payer",
                                      "fr-r124-4-5-reproduction-l111-8"}));
  EXPECT_NE(got[0].citation.find("R124-4, 1°"), std::string::npos);
  EXPECT_TRUE(says(got[0], "activité de recouvrement amiable"));
  EXPECT_TRUE(says(got[1], "créancier"));
  EXPECT_TRUE(says(got[2], "principal, intérêts et autres accessoires"));
  EXPECT_TRUE(says(got[3], "modalités de paiement"));
  for (std::size_t i = 0; i < 4; ++i) EXPECT_FALSE(got[i].verbatim) << got[i].rule_id;  // items to fill in
  const Disclosure& l1118 = got[4];
  EXPECT_TRUE(l1118.verbatim);
  EXPECT_TRUE(says(l1118,
                   "Les frais de recouvrement entrepris sans titre exécutoire restent à la charge du "
                   "créancier, sauf s'ils concernent un acte dont l'accomplissement est prescrit par la loi "
                   "au créancier."));
  EXPECT_TRUE(
      says(l1118, "laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi."));
  // The first paragraph of L111-8 (enforcement costs) is not the one R124-4 asks for.
  EXPECT_FALSE(says(l1118, "exécution forcée"));
}

// CPCE R124-4, last paragraph: the letter's reference and sending date are recalled in every other step; on a
// call, once the person is identified (ASF professional agreement).
TEST_F(ComplianceDisclosures, FrenchLaterStepsRecallTheLetter) {
  const Account fr = debtor_account("FR", "Europe/Paris");
  const std::vector<Disclosure> call = required_disclosures(book, fr, ContactChannel::phone, false);
  ASSERT_EQ(ids_of(call), std::vector<std::string>{"fr-r124-4-rappel-oral"});
  EXPECT_TRUE(says(call[0], "Références et date d'envoi"));
  EXPECT_EQ(call[0].stage, DisclosureStage::after_verification);
  const std::vector<Disclosure> email = required_disclosures(book, fr, ContactChannel::email, false);
  ASSERT_EQ(ids_of(email), std::vector<std::string>{"fr-r124-4-rappel-ecrit"});
  EXPECT_EQ(email[0].stage, DisclosureStage::any);
  // The five letter items are not repeated in later letters, and no US wording reaches a French debtor.
  EXPECT_EQ(ids_of(required_disclosures(book, fr, ContactChannel::letter, false)),
            std::vector<std::string>{"fr-r124-4-rappel-ecrit"});
}

TEST_F(ComplianceDisclosures, NothingWithoutAPack) {
  EXPECT_TRUE(
      required_disclosures(book, debtor_account("ZZ", "Europe/Paris"), ContactChannel::letter, true).empty());
  EXPECT_TRUE(
      required_disclosures(RuleBook{}, debtor_account("US-NY", "America/New_York"), ContactChannel::phone, true)
          .empty());
}

// A required-disclosure rule never blocks a contact: a pack holding only one allows contact at any hour, even
// without a known time zone.
TEST_F(ComplianceDisclosures, CheckIgnoresRequiredDisclosures) {
  RuleBook only;
  ASSERT_TRUE(
      only.add("XX.json", R"({"format": "parley.rules/1", "jurisdiction": "XX", "name": "n", "version": "1",
    "rules": [{"id": "say-hello", "citation": "c", "text": "t", "kind": "required-disclosure",
               "words": "Hello.", "when": "every", "stage": "before-verification"}]})"));
  const Account xx = debtor_account("XX", "");
  Journal journal;
  const Decision d =
      check_journal(xx, xx.parties[0], ContactChannel::phone, *Instant::parse("2026-06-02T03:00:00Z"), journal, only);
  EXPECT_TRUE(d.allowed);
  EXPECT_TRUE(d.reasons.empty());
  const std::vector<Disclosure> got = required_disclosures(only, xx, ContactChannel::sms, false);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].text, "Hello.");
  EXPECT_EQ(got[0].when, DisclosureWhen::every);
  EXPECT_EQ(got[0].stage, DisclosureStage::before_verification);
  EXPECT_EQ(required_disclosures(only, xx, ContactChannel::sms, true).size(), 1u);  // every: first ones too
}

// Malformed required-disclosure rules fail to load, each problem at its JSON path.
TEST(ComplianceDisclosureLoading, MalformedRulesAreNamedByPath) {
  const RulePackLoad load = load_rule_pack(R"({"format": "parley.rules/1", "jurisdiction": "XX", "name": "n",
    "version": "1", "rules": [
      {"id": "a", "citation": "c", "text": "t", "kind": "required-disclosure", "when": "first"},
      {"id": "b", "citation": "c", "text": "t", "kind": "required-disclosure", "words": "w", "when": "sometimes"},
      {"id": "c", "citation": "c", "text": "t", "kind": "required-disclosure", "words": "w", "when": "every",
       "stage": "during", "verbatim": "yes"},
      {"id": "d", "citation": "c", "text": "t", "kind": "required-disclosure", "words": "w", "when": "every",
       "max_calls": 3},
      {"id": "e", "citation": "c", "text": "t", "kind": "required-disclosure", "words": ""}]})");
  EXPECT_FALSE(load.pack.has_value());
  std::vector<std::string> paths;
  for (const Problem& p : load.problems) paths.push_back(p.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"rules[0].words", "rules[1].when", "rules[2].verbatim",
                                             "rules[2].stage", "rules[3].max_calls", "rules[4].words",
                                             "rules[4].when"}));
}

}  // namespace
}  // namespace parley
