#pragma once
// Shared fixtures of the compliance tests (check, packs, disclosures): an account with one debtor living in a
// given zone, a journal builder that records events at ISO instants, and a test fixture holding the shipped
// rule book.
//
// Index of this file:
// [SECTION] Account
// [SECTION] Journal
// [SECTION] Checks on the fold
// [SECTION] Rule book

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>

#include "embedded_rules.h"
#include "parley/compliance/check.h"

namespace parley::compliance_test {

// [SECTION] Account ---------------------------------------------------------------------------------------------------

inline Instant at(const char* iso) {  // an ISO 8601 instant the test knows to be valid
  return *Instant::parse(iso);
}

// Account `id` in `jurisdiction` with one debtor, P-1, whose one address is in `zone` (empty: no address zone);
// no phones, which each test adds as its rules need.
inline Account debtor_account(std::string jurisdiction, std::string zone, std::string id = "A-1") {
  Account a;
  a.id = std::move(id);
  a.currency = *Currency::find(jurisdiction.starts_with("FR") ? "EUR" : jurisdiction.starts_with("GB") ? "GBP" : "USD");
  a.jurisdiction = std::move(jurisdiction);
  Party p;
  p.id = "P-1";
  p.role = PartyRole::debtor;
  Address address;
  address.time_zone = std::move(zone);
  p.addresses.push_back(address);
  a.parties.push_back(p);
  return a;
}

// [SECTION] Journal ---------------------------------------------------------------------------------------------------

// A letter of `template_id` to P-1, provided on `provided` ("YYYY-MM-DD"), stating a zero balance.
inline LetterIssued letter_issued(std::string template_id, std::string locale, const char* provided) {
  const Date on = *Date::parse(provided);
  const Currency c = *Currency::find(locale == "fr-FR" ? "EUR" : "USD");
  return LetterIssued{"P-1", std::move(template_id), "2026-11-01", std::move(locale), "P-1 address", on,
                      Balance{on, Money(0, c), Money(0, c), Money(0, c), Money(0, c), Money(0, c)},
                      "sha256:00"};
}

// Builds a journal of events by collector u-collector-17 on d-laptop-1, numbered 1, 2, ... under one id prefix;
// each test file adds the event kinds it needs.
class EventLog {
 public:
  Journal journal;  // every event added so far

  explicit EventLog(std::uint64_t id_high) : id_high_(id_high) {}  // ids are (id_high, sequence)

  // Adds `payload` on `account` recorded at `iso`, expecting the journal to take it; returns its id.
  EventId add(const std::string& account, const char* iso, EventPayload payload) {
    Event e;
    e.id = EventId::from_parts(id_high_, ++n_);
    e.account_id = account;
    e.author = Author{"u-collector-17", "d-laptop-1"};
    e.recorded_at = at(iso);
    e.sequence = n_;
    e.payload = std::move(payload);
    EXPECT_EQ(journal.add(e), AddResult::added);
    return e.id;
  }

 private:
  std::uint64_t id_high_;
  std::uint64_t n_ = 0;
};

// [SECTION] Checks on the fold ----------------------------------------------------------------------------------------

// check() on the fold of `account`'s events in `journal`; each id in `others` is folded as another account of the
// same consumer (a copy of `account` under that id), for rules counted per consumer.
inline Decision check_journal(const Account& account, const Party& party, ContactChannel channel,
                              std::string_view point, Instant at, const Journal& journal, const RuleBook& book,
                              std::span<const std::string> others = {}) {
  const AccountState state = fold(account, nullptr, journal.events_for(account.id));
  std::vector<Account> other_accounts(others.size(), account);
  std::vector<AccountState> folds;
  folds.reserve(others.size());
  std::vector<const AccountState*> pointers;
  for (std::size_t i = 0; i < others.size(); ++i) {
    other_accounts[i].id = others[i];
    folds.push_back(fold(other_accounts[i], nullptr, journal.events_for(others[i])));
    pointers.push_back(&folds.back());
  }
  return check(state, party, channel, point, at, book, pointers);
}
inline Decision check_journal(const Account& account, const Party& party, ContactChannel channel, Instant at,
                              const Journal& journal, const RuleBook& book, std::span<const std::string> others = {}) {
  return check_journal(account, party, channel, {}, at, journal, book, others);
}

// [SECTION] Rule book -------------------------------------------------------------------------------------------------

// A test fixture holding the rule packs shipped in assets/rules, loaded once per test.
class ShippedRules : public ::testing::Test {
 protected:
  RuleBook book = testdata::shipped_rule_book();  // the loaded book and any packs that failed
};

}  // namespace parley::compliance_test
