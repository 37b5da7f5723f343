#pragma once
// Shared fixtures of the contact workflow tests: one US account with a fully known debtor, and a journal
// builder that records events as a given device.
//
// Index of this file:
// [SECTION] Account
// [SECTION] Journal

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "parley/account/account.h"
#include "parley/contact/contact.h"
#include "parley/secret.h"

namespace parley::contact_test {

// [SECTION] Account ---------------------------------------------------------------------------------------------------

inline const HmacKey& test_key() {
  static const HmacKey key("contact-test-installation-key");
  return key;
}

inline Instant at(const char* iso) {
  return *Instant::parse(iso);
}
inline Date day(const char* iso) {
  return *Date::parse(iso);
}
// The fields the problems name, in order.
inline std::vector<std::string> fields(const Problems& problems) {
  std::vector<std::string> out;
  for (const Problem& p : problems) out.push_back(p.path);
  return out;
}
inline Money usd(std::int64_t cents) {
  return Money(cents, *Currency::find("USD"));
}

// A-1 in Massachusetts: debtor P-1 (Dana Reyes, born 1980-04-12, SSN 123-45-6789, current address in
// Cambridge 02139, an earlier bad address in Springfield 01103) and co-signer P-2 with no verification data.
inline Account us_account() {
  Account a;
  a.id = "A-1";
  a.client_id = "C-1";
  a.currency = *Currency::find("USD");
  a.original_creditor = "Bay State Bank";
  a.original_account_number = test_key().secret_id("4000123412349876");
  a.jurisdiction = "US-MA";
  a.language = "en-US";
  a.balance = Balance{day("2026-01-15"), usd(150000), usd(2550), usd(3500), usd(10000), usd(0)};
  Party p;
  p.id = "P-1";
  p.role = PartyRole::debtor;
  p.given_name = "Dana";
  p.family_name = "Reyes";
  p.birth_date = day("1980-04-12");
  p.national_id = test_key().secret_id("123-45-6789");
  Address home;
  home.postal = PostalAddress{{"12 Elm Street"}, "Cambridge", "MA", "02139", "US"};
  home.time_zone = "America/New_York";
  home.provenance.status = ContactStatus::current;
  p.addresses.push_back(home);
  Address old;
  old.postal = PostalAddress{{"4 Main Street"}, "Springfield", "MA", "01103", "US"};
  old.time_zone = "America/New_York";
  old.provenance.status = ContactStatus::bad;
  p.addresses.push_back(old);
  Phone phone;
  phone.number = "+16175550123";
  phone.time_zones = {"America/New_York"};
  phone.provenance.status = ContactStatus::current;
  p.phones.push_back(phone);
  a.parties.push_back(p);
  Party co;
  co.id = "P-2";
  co.role = PartyRole::co_signer;
  co.given_name = "Sam";
  co.family_name = "Reyes";
  a.parties.push_back(co);
  return a;
}

inline Client us_client() {
  Client c;
  c.id = "C-1";
  c.name = "Commonwealth Card Services";
  c.currency = *Currency::find("USD");
  return c;
}

// [SECTION] Journal ---------------------------------------------------------------------------------------------------

// Records events as one device, with its own sequence numbers and ids.
class Device {
 public:
  Device(std::string name, std::uint64_t id_high)
      : author_{"u-collector-17", std::move(name)}, high_(id_high) {}

  EventId next_id() { return EventId::from_parts(high_, ++ids_); }

  EventId add(Journal& journal, const std::string& account, Instant when, EventPayload payload) {
    Event e{next_id(), account, author_, when, ++sequence_, std::move(payload)};
    const EventId id = e.id;
    journal.add(std::move(e));
    return id;
  }
  EventId call(Journal& journal, const std::string& account, Instant when) {
    return add(journal, account, when,
               ContactAttempted{"P-1", ContactChannel::phone, "+16175550123", ContactDirection::outbound});
  }
  const Author& author() const { return author_; }
  std::uint64_t sequence() const { return sequence_; }

 private:
  Author author_;
  std::uint64_t high_;
  std::uint64_t ids_ = 0;
  std::uint64_t sequence_ = 0;
};

// A test of A-1 (us_account(), us_client()) and the events one device records on it; state() is its fold now.
class AccountJournalTest : public ::testing::Test {
 protected:
  explicit AccountJournalTest(std::uint64_t device_id) : device{"d-desk", device_id} {}

  AccountState state() const { return fold(account, &client, journal.events_for(account.id)); }
  EventId record_one(const EventPayload& payload, const char* iso) {
    return device.add(journal, account.id, at(iso), payload);
  }
  void record(const std::vector<EventPayload>& payloads, const char* iso) {
    for (const EventPayload& p : payloads) record_one(p, iso);
  }

  Account account = us_account();
  Client client = us_client();
  Journal journal;
  Device device;
};

}  // namespace parley::contact_test
