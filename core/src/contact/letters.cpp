// Letters: the templates the rule packs name, and the LetterIssued payload of a letter sent (see
// parley/contact/contact.h).
//
// Index of this file:
// [SECTION] Templates
// [SECTION] Letters
#include <algorithm>
#include <string>
#include <string_view>

#include "json_writer.h"
#include "parley/calendar/validation_period.h"
#include "parley/compliance/locations.h"
#include "parley/contact/contact.h"
#include "parley/secret.h"

namespace parley {

// [SECTION] Templates -------------------------------------------------------------------------------------------------

std::vector<LetterTemplate> letter_templates(const RuleBook& book, const Jurisdictions& places) {
  std::vector<LetterTemplate> out;
  const auto add = [&out](const std::string& id, LetterPurpose purpose, const ContactRule& rule) {
    if (id.empty()) return;
    if (std::any_of(out.begin(), out.end(), [&](const LetterTemplate& t) { return t.id == id; })) return;
    out.push_back(LetterTemplate{id, purpose, rule.id, citation_of(rule)});
  };
  for (const RulePack& pack : book.packs) {
    if (!places.govern(pack)) continue;
    for (const ContactRule& rule : pack.rules) {
      if (rule.kind == ContactRuleKind::prior_letter) {
        add(rule.letter_template, LetterPurpose::prior_letter, rule);
      } else if (rule.kind == ContactRuleKind::dispute_validation) {
        add(rule.validation_template, LetterPurpose::validation_notice, rule);
        add(rule.verification_template, LetterPurpose::verification, rule);
        add(rule.original_creditor_template, LetterPurpose::original_creditor, rule);
      } else if (rule.kind == ContactRuleKind::cease) {
        add(rule.termination_template, LetterPurpose::termination, rule);
        add(rule.remedy_template, LetterPurpose::remedy, rule);
      }
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const LetterTemplate& a, const LetterTemplate& b) { return a.purpose < b.purpose; });
  return out;
}

std::vector<LetterTemplate> letter_templates(const RuleBook& book, const Account& account) {
  return letter_templates(book, Jurisdictions(account.jurisdiction));
}

// [SECTION] Letters ---------------------------------------------------------------------------------------------------

std::string letter_statement(std::string_view account_id, const LetterIssued& letter) {
  json::JsonWriter w;
  const auto text = [&w](std::string_view name, std::string_view value) {
    w.key(name);
    w.string(value);
  };
  const auto amount = [&w](std::string_view name, Money value) {
    w.key(name);
    w.integer(value.minor());
  };
  const Balance& f = letter.figures;
  w.begin_object();
  text("account_id", account_id);
  text("party_id", letter.party_id);
  text("template_id", letter.template_id);
  text("template_version", letter.template_version);
  text("locale", letter.locale);
  text("address", letter.address);
  text("provided", letter.provided.iso());
  w.key("figures");
  w.begin_object();
  text("currency", f.principal.currency().code());
  text("itemisation_date", f.itemisation_date.iso());
  amount("principal", f.principal);
  amount("interest", f.interest);
  amount("fees", f.fees);
  amount("payments", f.payments);
  amount("credits", f.credits);
  amount("total", f.total());
  w.end_object();
  if (letter.purpose != LetterPurpose::collection) text("purpose", to_string(letter.purpose));
  if (letter.validation_ends) text("validation_ends", letter.validation_ends->iso());
  w.end_object();
  return w.take();
}

LetterMade make_letter(const AccountState& state, const RuleBook& book, std::string_view party_id,
                       std::string_view template_id, std::string_view address, Date provided) {
  LetterMade made;
  const PartyRecord* party = state.party(party_id);
  if (party == nullptr) {
    made.problems.push_back({"party_id", "the account has no party " + std::string(party_id)});
  }
  if (template_id.empty()) made.problems.push_back({"template_id", "must name the letter's template"});
  if (address.empty()) {
    made.problems.push_back({"address", "must name the address the letter is sent to"});
  } else if (party != nullptr && party->find(ContactPointKind::address, address) == nullptr) {
    made.problems.push_back({"address", "is not an address of party " + std::string(party_id)});
  }
  if (!made.problems.empty()) return made;
  LetterIssued letter;
  letter.party_id = std::string(party_id);
  letter.template_id = std::string(template_id);
  letter.template_version = std::string(external_template_version);
  letter.locale = state.account->language;
  letter.address = std::string(address);
  letter.provided = provided;
  letter.figures = state.balance.itemised;
  for (const LetterTemplate& t : letter_templates(book, party_jurisdictions(*state.account, *party))) {
    if (t.id == template_id) letter.purpose = t.purpose;
  }
  if (letter.purpose == LetterPurpose::validation_notice && book.holidays) {
    letter.validation_ends = validation_period(*book.holidays, provided).ends;
  }
  letter.document_digest = to_hex(sha256(letter_statement(state.account->id, letter)));
  made.letter = std::move(letter);
  return made;
}

}  // namespace parley
