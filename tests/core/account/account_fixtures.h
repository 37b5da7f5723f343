#pragma once
// Shared fixtures of the account-fold tests: a US account with fees, interest and principal owed, its client, and
// a ledger that records events on it as one or more devices and folds them.
//
// Index of this file:
// [SECTION] Account
// [SECTION] Ledger

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "../contact_fixtures.h"
#include "parley/account/account.h"
#include "parley/account/views.h"
#include "parley/journal/journal.h"

namespace parley::account_test {

using contact_test::at;
using contact_test::day;
using contact_test::usd;

// [SECTION] Account ---------------------------------------------------------------------------------------------------

// contact_test's A-1 (debtor P-1 with a current phone +16175550123, a current and a bad address; co-signer P-2),
// itemised on 2026-01-15 as $1,000.00 principal, $50.00 interest and $25.00 fees, nothing paid since.
inline Account owed_account() {
  Account a = contact_test::us_account();
  a.opened = day("2020-05-01");
  a.first_delinquency = day("2025-06-01");
  a.placed = day("2026-01-20");
  a.balance = Balance{day("2026-01-15"), usd(100000), usd(5000), usd(2500), usd(0), usd(0)};
  return a;
}

// contact_test's client, with a three-day grace period for promises.
inline Client owed_client() {
  Client c = contact_test::us_client();
  c.policy.promise_grace_days = 3;
  c.policy.allowed_frequencies = {Frequency::monthly};
  c.policy.max_term_months = 24;
  c.policy.min_instalment = usd(2500);
  return c;
}

inline BalanceParts parts(std::int64_t fees, std::int64_t interest, std::int64_t principal) {
  return BalanceParts{usd(fees), usd(interest), usd(principal)};
}

inline PaymentPosted paid(std::int64_t cents, const char* on, BalanceParts allocation, std::string receipt = "R-1") {
  return PaymentPosted{usd(cents), day(on), PaymentMethod::card, allocation, std::move(receipt)};
}

// [SECTION] Ledger ----------------------------------------------------------------------------------------------------

// The account, its client and a journal of its events; devices record with their own ids and sequences.
class Ledger {
 public:
  Account account = owed_account();
  Client client = owed_client();
  Journal journal;
  contact_test::Device laptop{"d-laptop-1", 0x0190f3a1b2c3d4e7ull};
  contact_test::Device handset{"d-phone-2", 0x0190f3a1b2c3d4e8ull};

  // Records `payload` on A-1 at `iso` from `device` (the laptop by default) and returns its id.
  EventId add(const char* iso, EventPayload payload) { return laptop.add(journal, account.id, at(iso), std::move(payload)); }
  EventId add(contact_test::Device& device, const char* iso, EventPayload payload) {
    return device.add(journal, account.id, at(iso), std::move(payload));
  }
  EventId call(const char* iso, std::string number = "+16175550123") {
    return add(iso, ContactAttempted{"P-1", ContactChannel::phone, std::move(number), ContactDirection::outbound});
  }
  EventId outcome(const char* iso, EventId attempt, ContactOutcome outcome, bool conversation = false) {
    return add(iso, OutcomeRecorded{attempt, outcome, conversation});
  }

  AccountState state() const { return fold(account, &client, journal.events_for(account.id)); }
  // The event with this id as recorded, for check_event and describe_event.
  const Event& event(EventId id) const { return *journal.find(id); }
  // An event of A-1 recorded by the laptop at `iso`, not added to the journal.
  Event draft(const char* iso, EventPayload payload) {
    return Event{laptop.next_id(), account.id, laptop.author(), at(iso), laptop.sequence() + 1, std::move(payload)};
  }
};

}  // namespace parley::account_test
