// Properties of the fold over seeded random journals: any interleaving of the same events from several devices,
// merged, folds to the same state byte for byte; the balance always reconciles; describe_event has words for all.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "account_corpus.h"
#include "account_fixtures.h"

namespace parley {
namespace {

using namespace account_test;

constexpr int kSeeds = 40;
constexpr int kEvents = 120;

std::string folded(const Account& account, const Client& client, const Journal& journal) {
  return save_account_state(fold(account, &client, journal.events_for(account.id)), day("2026-06-30"), {});
}

TEST(AccountFoldProperties, AnyInterleavingFromSeveralDevicesFoldsToTheSameBytes) {
  const Account account = owed_account();
  const Client client = owed_client();
  for (int seed = 1; seed <= kSeeds; ++seed) {
    const std::vector<Event> events =
        account_corpus::random_events(account, static_cast<std::uint64_t>(seed), kEvents, 3, at("2026-03-09T13:00:00Z"));
    // As recorded, one event at a time.
    Journal in_order;
    for (const Event& e : events) in_order.add(e);
    const std::string expected = folded(account, client, in_order);

    // Shuffled into one batch.
    std::vector<Event> shuffled = events;
    account_corpus::Random r(static_cast<std::uint64_t>(seed) * 7919);
    for (std::size_t i = shuffled.size(); i > 1; --i) std::swap(shuffled[i - 1], shuffled[r.next() % i]);
    Journal batch;
    batch.add_all(shuffled);
    EXPECT_EQ(folded(account, client, batch), expected) << "seed " << seed;

    // Each device's journal, merged in either order, partly repeated (a sync replayed).
    std::map<std::string, Journal> by_device;
    for (const Event& e : events) by_device[e.author.device].add(e);
    Journal forward;
    for (const auto& [device, journal] : by_device) forward.merge(journal);
    Journal backward;
    for (auto it = by_device.rbegin(); it != by_device.rend(); ++it) backward.merge(it->second);
    backward.merge(forward);
    EXPECT_EQ(folded(account, client, forward), expected) << "seed " << seed;
    EXPECT_EQ(folded(account, client, backward), expected) << "seed " << seed;
  }
}

TEST(AccountFoldProperties, TheBalanceReconcilesAfterEveryEvent) {
  const Account account = owed_account();
  const Client client = owed_client();
  for (int seed = 1; seed <= kSeeds; ++seed) {
    Journal journal;
    journal.add_all(account_corpus::random_events(account, static_cast<std::uint64_t>(seed), kEvents, 3,
                                                  at("2026-03-09T13:00:00Z")));
    AccountState s = placement_state(account, &client);
    for (const Event& e : journal.events_for(account.id)) {
      apply(s, e);
      const BalanceState& b = s.balance;
      ASSERT_EQ(b.total(), b.owed.total() - b.overpaid) << "seed " << seed << ", event " << e.id.hex();
      ASSERT_GE(b.owed.fees.minor(), 0);
      ASSERT_GE(b.owed.interest.minor(), 0);
      ASSERT_GE(b.owed.principal.minor(), 0);
      ASSERT_GE(b.overpaid.minor(), 0);
      ASSERT_FALSE(describe_event(e, s, Locale::en_US).empty());
    }
    EXPECT_EQ(s.events, journal.size());
  }
}

TEST(AccountFoldProperties, ReversingEveryPaymentRestoresThePlacementBalance) {
  Ledger ledger;
  const Account& account = ledger.account;
  account_corpus::Random r(99);
  std::vector<EventId> payments;
  for (int i = 0; i < 30; ++i) {
    const AccountState s = ledger.state();
    const Money amount(1 + r.below(9000), account.currency);
    const Money pay = amount > s.balance.owed.total() ? s.balance.owed.total() : amount;
    if (pay.minor() == 0) break;
    const std::string when = "2026-03-" + std::to_string(10 + i % 18) + "T1" + std::to_string(i % 10) + ":00:00Z";
    payments.push_back(ledger.add(when.c_str(), PaymentPosted{pay, day("2026-03-10"), PaymentMethod::card,
                                                              allocate(s.balance.owed, pay, s.waterfall()), ""}));
  }
  ASSERT_GE(payments.size(), 10u);
  for (std::size_t i = 0; i < payments.size(); ++i) {
    ledger.add("2026-04-01T12:00:00Z", PaymentReversed{payments[i], ReversalReason::charged_back, day("2026-04-01")});
  }
  const AccountState after = ledger.state();
  const AccountState placed = placement_state(ledger.account, &ledger.client);
  EXPECT_EQ(after.balance.owed, placed.balance.owed);
  EXPECT_EQ(after.balance.itemised, placed.balance.itemised);
  EXPECT_TRUE(after.set_aside.empty());
}

}  // namespace
}  // namespace parley
