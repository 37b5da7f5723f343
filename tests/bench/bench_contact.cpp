// The contact-check benchmark's input and step (see bench_contact.h).
#include "bench_contact.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <utility>

#include "embedded_rules.h"
#include "embedded_strategies.h"

namespace parley::bench {

namespace {

// A small deterministic generator (64-bit LCG, high bits out): the benchmark needs spread, not quality.
class Lcg {
 public:
  explicit Lcg(std::uint64_t seed) : state_(seed) {}
  std::uint32_t next() {
    state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>(state_ >> 33);
  }
  std::uint32_t below(std::uint32_t n) { return next() % n; }

 private:
  std::uint64_t state_;
};

}  // namespace

ContactInput make_contact_input(const Portfolio& portfolio) {
  ContactInput input;
  input.book = testdata::shipped_rule_book();
  input.strategies = testdata::shipped_strategies();
  input.at = Instant::from_unix_seconds(
      static_cast<std::int64_t>(portfolio.as_of.days_since_epoch()) * 86400 + 17 * 3600);
  const std::array<Author, 3> authors{Author{"u-collector-17", "d-laptop-1"},
                                      Author{"u-collector-17", "d-phone-7"},
                                      Author{"u-collector-22", "d-desk-3"}};
  std::array<std::uint64_t, 3> sequences{};
  Lcg rng(20261102);
  std::vector<Event> events;
  events.reserve(portfolio.accounts.size() * contact_events_per_account);
  std::uint64_t serial = 0;
  for (const Account& account : portfolio.accounts) {
    const Party* debtor = account.debtor();
    input.debtors.push_back(debtor);
    if (debtor == nullptr) continue;
    const std::string point = debtor->phones.empty() ? std::string("+10000000000") : debtor->phones[0].number;
    for (int k = 0; k < contact_events_per_account / 2; ++k) {
      const std::size_t device = rng.below(3);
      const Instant when =
          input.at.plus_seconds(-static_cast<std::int64_t>(rng.below(contact_days * 86400)) - 60);
      Event attempt{
          EventId::from_parts(0x0190f3a1b2c3d4e5ull, ++serial),
          account.id,
          authors[device],
          when,
          ++sequences[device],
          ContactAttempted{debtor->id, rng.below(10) < 8 ? ContactChannel::phone : ContactChannel::sms, point,
                           ContactDirection::outbound}};
      // Mostly no answer or a message; one outcome in 25 a conversation with the debtor.
      const std::uint32_t roll = rng.below(25);
      const ContactOutcome outcome = roll == 0   ? ContactOutcome::right_party_contact
                                     : roll < 15 ? ContactOutcome::no_answer
                                     : roll < 22 ? ContactOutcome::limited_content_message
                                                 : ContactOutcome::wrong_number;
      Event result{EventId::from_parts(0x0190f3a1b2c3d4e5ull, ++serial),
                   account.id,
                   authors[device],
                   when.plus_seconds(45),
                   ++sequences[device],
                   OutcomeRecorded{attempt.id, outcome, roll == 0}};
      events.push_back(std::move(attempt));
      events.push_back(std::move(result));
    }
  }
  const auto start = std::chrono::steady_clock::now();
  input.journal.add_all(std::move(events));
  input.build_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return input;
}

std::vector<AccountState> fold_every_account(const Portfolio& portfolio, const ContactInput& input) {
  std::vector<AccountState> folds;
  folds.reserve(portfolio.accounts.size());
  for (const Account& account : portfolio.accounts) {
    folds.push_back(fold(account, portfolio.find_client(account.client_id), input.journal.events_for(account.id)));
  }
  return folds;
}

CheckTally check_every_account(const ContactInput& input, const std::vector<AccountState>& folds) {
  CheckTally tally;
  for (std::size_t i = 0; i < folds.size(); ++i) {
    const Party* debtor = input.debtors[i];
    if (debtor == nullptr) continue;
    const Decision d = check(folds[i], *debtor, ContactChannel::phone, {}, input.at, input.book);
    ++(d.allowed ? tally.allowed : tally.blocked);
  }
  return tally;
}

std::vector<Priority> rebuild_desk(const ContactInput& input, const std::vector<AccountState>& folds) {
  const CalendarSet no_calendars;  // the journal holds no plans, whose schedules the calendars would date
  std::vector<Priority> desk;
  desk.reserve(folds.size());
  const Date today = input.at.utc_date();
  for (std::uint32_t i = 0; i < folds.size(); ++i) {
    const Strategy* strategy = input.strategies.for_client(folds[i].account->client_id);
    if (strategy == nullptr) continue;
    desk.push_back(prioritise(*strategy, desk_facts(folds[i], today, input.at, no_calendars), i, today, input.at));
  }
  order_desk(desk, input.at);
  return desk;
}

NextAccount get_next(const ContactInput& input, const std::vector<AccountState>& folds,
                     const std::vector<Priority>& desk) {
  return next_account(desk, [&](std::uint32_t i) {
    const Party* debtor = input.debtors[i];
    if (debtor == nullptr) return Decision{};
    return check(folds[i], *debtor, ContactChannel::phone, {}, input.at, input.book);
  });
}

double apply_ns(const Portfolio& portfolio, const ContactInput& input, int events) {
  const Account& account = portfolio.accounts.front();
  AccountState state = fold(account, portfolio.find_client(account.client_id), input.journal.events_for(account.id));
  const Party& party = account.parties.front();
  const std::string point = party.phones.empty() ? std::string("+10000000000") : party.phones[0].number;
  std::vector<Event> more;
  more.reserve(static_cast<std::size_t>(events));
  for (int i = 0; i < events; ++i) {
    const EventId id = EventId::from_parts(0x0290f3a1b2c3d4e5ull, static_cast<std::uint64_t>(i) + 1);
    const Instant when = input.at.plus_seconds(60 * (i + 1));
    if (i % 2 == 0) {
      more.push_back(Event{id, account.id, Author{"u", "d"}, when, static_cast<std::uint64_t>(i) + 1,
                           ContactAttempted{party.id, ContactChannel::phone, point, ContactDirection::outbound}});
    } else {
      more.push_back(Event{id, account.id, Author{"u", "d"}, when, static_cast<std::uint64_t>(i) + 1,
                           OutcomeRecorded{more.back().id, ContactOutcome::no_answer, false}});
    }
  }
  const auto start = std::chrono::steady_clock::now();
  for (const Event& e : more) apply(state, e);
  const double ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count();
  return ns / events;
}

}  // namespace parley::bench
