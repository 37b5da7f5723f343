#pragma once
// The contact-check benchmark's input, shared by both harnesses: a journal of attempts and outcomes spread
// over every account of a demo portfolio and the weeks before one instant, the shipped rule packs, and the
// step that checks every account's debtor once for a phone call at that instant.
//
// Index of this file:
// [SECTION] Input   the journal and the rule book
// [SECTION] Steps   the fold of every account; one check() per account on its fold; the desk and get-next; one
//                   apply()

#include <cstddef>
#include <vector>

#include "parley/account/account.h"
#include "parley/compliance/check.h"
#include "parley/date.h"
#include "parley/journal/journal.h"
#include "parley/portfolio.h"
#include "parley/queue/desk.h"
#include "parley/queue/strategy.h"

namespace parley::bench {

// [SECTION] Input -----------------------------------------------------------------------------------------------------

inline constexpr int contact_events_per_account = 10;  // 100,000 accounts: a 1,000,000-event journal
inline constexpr int contact_days = 21;                // the events fall in the 21 days before the instant

struct ContactInput {
  Journal journal;                    // attempts and their outcomes, recorded by three devices
  RuleBook book;                      // every shipped pack of assets/rules (embedded at build time)
  StrategySet strategies;             // every shipped strategy of assets/strategies (embedded at build time)
  Instant at;                         // the instant checked: 17:00 UTC on the portfolio's as-of date
  std::vector<const Party*> debtors;  // each account's debtor, in portfolio order (null: none)
  double build_ms = 0;                // time to build the journal (Journal::add_all)
};

// Deterministic: the same portfolio gives the same journal. `portfolio` must outlive the result.
ContactInput make_contact_input(const Portfolio& portfolio);

// [SECTION] Steps -----------------------------------------------------------------------------------------------------

// fold() of every account of the portfolio over its events in input.journal, in portfolio order.
std::vector<AccountState> fold_every_account(const Portfolio& portfolio, const ContactInput& input);

struct CheckTally {
  std::size_t allowed = 0;
  std::size_t blocked = 0;
};

// check() of every account's debtor for a phone call at input.at, on the folds of fold_every_account.
CheckTally check_every_account(const ContactInput& input, const std::vector<AccountState>& folds);

// The desk of every account: desk_facts of each fold, prioritise by its client's strategy, order_desk.
std::vector<Priority> rebuild_desk(const ContactInput& input, const std::vector<AccountState>& folds);

// get-next from the top of the desk: check() of each account's debtor at input.at until one is allowed.
NextAccount get_next(const ContactInput& input, const std::vector<AccountState>& folds,
                     const std::vector<Priority>& desk);

// Nanoseconds per apply() of one more attempt and outcome to a folded account, over `events` applications.
double apply_ns(const Portfolio& portfolio, const ContactInput& input, int events);

}  // namespace parley::bench
