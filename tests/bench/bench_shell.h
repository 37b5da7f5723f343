#pragma once
// The shell benchmark, shared by both harnesses: recording an outcome in the shell (step() of FinishContact: the
// reducer, the copy-on-write journal and the fold cache) on a state whose journal holds the contact benchmark's
// events (10 per account: 1,000,000 for 100,000 accounts).
//
// Index of this file:
// [SECTION] Bench   the state and one recorded outcome

#include <cstddef>
#include <cstdint>
#include <memory>

#include "parley/portfolio.h"
#include "parley/shell/state.h"

namespace parley::bench {

// [SECTION] Bench -----------------------------------------------------------------------------------------------------

class ShellBench {
 public:
  // A ready state on a copy of `portfolio`, with every shipped rule pack and the contact benchmark's journal for it,
  // its clock at that benchmark's instant (17:00 UTC on the as-of date).
  explicit ShellBench(const Portfolio& portfolio);

  // The next account whose debtor may be called then: selected and called (untimed), then its outcome recorded
  // ("no answer"); returns the microseconds step() took to record the outcome, or a negative number when no
  // account is left to call.
  double record_one();

  std::size_t journal_events() const;  // events in the state's journal
  double setup_ms() const { return setup_ms_; }
  std::size_t recorded() const { return recorded_; }  // outcomes recorded so far
  std::uint64_t refolds() const;                      // whole folds of accounts the fold cache made so far

 private:
  shell::AppState state_;
  Instant at_;
  std::size_t next_ = 0;       // the next account to try
  std::size_t recorded_ = 0;
  std::uint64_t ids_ = 0;
  double setup_ms_ = 0;
};

}  // namespace parley::bench
