#pragma once
// Seeded random journals of one account, recorded by several devices with skewed clocks: every event kind, events
// that refer to earlier ones (outcomes to attempts, reversals to payments), and some that the fold sets aside. Used
// by the fold's property tests, the host corpus (native and wasm byte for byte) and the benchmarks.

#include <cstdint>
#include <string>
#include <vector>

#include "parley/journal/event.h"
#include "parley/portfolio.h"

namespace parley::account_corpus {

// A small deterministic generator (SplitMix64), the same on every host.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }

 private:
  std::uint64_t state_;
};

// `count` events of `account` from `devices` devices ("d-0", "d-1", ...), each with its own sequence and a clock up
// to an hour off, starting at `start`, a few minutes apart, in the order recorded.
inline std::vector<Event> random_events(const Account& account, std::uint64_t seed, int count, int devices,
                                        Instant start) {
  Random r(seed);
  std::vector<Event> out;
  std::vector<std::uint64_t> sequence(static_cast<std::size_t>(devices), 0);
  std::vector<std::int64_t> skew;
  for (int d = 0; d < devices; ++d) skew.push_back(r.below(7201) - 3600);
  std::vector<EventId> attempts;
  std::vector<EventId> payments;
  const Currency c = account.currency;
  const auto money = [&](std::int64_t most) { return Money(1 + r.below(static_cast<int>(most)), c); };
  std::int64_t clock = 0;
  for (int i = 0; i < count; ++i) {
    clock += 60 + r.below(600);
    const int d = r.below(devices);
    const Instant at = start.plus_seconds(clock + skew[static_cast<std::size_t>(d)]);
    const Date on = at.utc_date();
    const Party& party = account.parties[static_cast<std::size_t>(r.below(static_cast<int>(account.parties.size())))];
    const std::string number = party.phones.empty() ? "+15550000000" : party.phones.front().number;
    EventPayload payload;
    switch (r.below(16)) {
      case 0:
      case 1:
      case 2:
        payload = ContactAttempted{party.id, ContactChannel::phone, number, ContactDirection::outbound};
        break;
      case 3:
      case 4:
        payload = OutcomeRecorded{attempts.empty() ? EventId::from_parts(1, 1) : attempts[static_cast<std::size_t>(r.below(static_cast<int>(attempts.size())))],
                                  static_cast<ContactOutcome>(r.below(12)), r.below(2) == 0};
        break;
      case 5: payload = PartyVerified{party.id, VerificationMethod::security_questions, 2}; break;
      case 6: payload = PromiseMade{money(20000), on.plus_days(r.below(20))}; break;
      case 7:
      case 8: {
        const Money amount = money(5000);
        payload = PaymentPosted{amount, on, PaymentMethod::card,
                                BalanceParts{Money::zero(c), Money::zero(c), amount}, "R-" + std::to_string(i)};
        break;
      }
      case 9:
        payload = PaymentReversed{payments.empty() ? EventId::from_parts(2, 2) : payments[static_cast<std::size_t>(r.below(static_cast<int>(payments.size())))],
                                  ReversalReason::returned, on};
        break;
      case 10:
        payload = BalanceAdjusted{r.below(2) == 0 ? BalancePart::interest : BalancePart::fees,
                                  r.below(2) == 0 ? AdjustmentDirection::charge : AdjustmentDirection::credit,
                                  money(3000), on, "adjustment " + std::to_string(i)};
        break;
      case 11:
        payload = DisputeOpened{party.id, "reason " + std::to_string(i), on};
        break;
      case 12:
        payload = PreferenceSet{party.id, {InconvenientTime{Weekday::monday, 600, 720}}, {ContactChannel::sms}};
        break;
      case 13:
        payload = ContactPointUpdated{party.id, ContactPointKind::phone, number,
                                      static_cast<ContactStatus>(r.below(4))};
        break;
      case 14:
        payload = ConsentChanged{party.id, ContactPointKind::phone, number,
                                 r.below(2) == 0 ? ContactChannel::phone : ContactChannel::sms, r.below(2) == 0};
        break;
      default:
        payload = Escalated{static_cast<EscalationTarget>(r.below(3)), "after " + std::to_string(i)};
        break;
    }
    Event e{EventId::from_parts(0x0190f3a100000000ull + static_cast<std::uint64_t>(d), static_cast<std::uint64_t>(i + 1)),
            account.id,
            Author{"u-" + std::to_string(d), "d-" + std::to_string(d)},
            at,
            ++sequence[static_cast<std::size_t>(d)],
            std::move(payload)};
    if (e.get<ContactAttempted>()) attempts.push_back(e.id);
    if (e.get<PaymentPosted>()) payments.push_back(e.id);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace parley::account_corpus
