// The shell benchmark (see bench_shell.h).
#include "bench_shell.h"

#include <chrono>
#include <utility>
#include <variant>

#include "bench_contact.h"

namespace parley::bench {

ShellBench::ShellBench(const Portfolio& portfolio) {
  const auto start = std::chrono::steady_clock::now();
  ContactInput input = make_contact_input(portfolio);
  at_ = input.at;
  state_.status = shell::LoadStatus::ready;
  state_.source = "bench";
  state_.data = shell::make_loaded_portfolio(portfolio);
  state_.journal = shell::SharedJournal(std::move(input.journal));
  auto assets = std::make_shared<Assets>();
  assets->rules = std::move(input.book);
  state_.assets.files = std::move(assets);
  shell::rebuild_rows(state_.queue, *state_.data);
  state_ = shell::update(std::move(state_), shell::ClockTick{at_});
  setup_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

std::size_t ShellBench::journal_events() const { return state_.journal ? state_.journal->size() : 0; }

std::uint64_t ShellBench::refolds() const { return state_.folds.refolds(); }

double ShellBench::record_one() {
  const Author author{"u-bench", "d-bench"};
  const std::vector<Account>& accounts = state_.data->portfolio.accounts;
  for (; next_ < accounts.size(); ++next_) {
    const Account& account = accounts[next_];
    const Party* debtor = account.debtor();
    if (!debtor || debtor->phones.empty()) continue;
    state_ = shell::update(std::move(state_), shell::SelectAccount{account.id});
    const EventId attempt = EventId::from_parts(0x0bec4, ++ids_);
    state_ = shell::update(std::move(state_),
                           shell::StartContact{account.id, debtor->id, ContactChannel::phone, debtor->phones[0].number,
                                               attempt, at_, author});
    if (!state_.contact.session) continue;  // compliance blocks this one now: the next
    shell::FinishContact finish;
    finish.outcome = ContactOutcome::no_answer;
    finish.at = at_.plus_seconds(60);
    finish.author = author;
    for (int i = 0; i < 4; ++i) finish.ids.push_back(EventId::from_parts(0x0bec5, ++ids_));
    const auto start = std::chrono::steady_clock::now();
    shell::Step step = shell::step(std::move(state_), std::move(finish));
    const auto stop = std::chrono::steady_clock::now();
    state_ = std::move(step.state);
    ++next_;
    if (step.effects.size() != 1 || std::get<shell::PublishEvents>(step.effects[0]).events.size() != 1) return -1;
    ++recorded_;
    return std::chrono::duration<double, std::micro>(stop - start).count();
  }
  return -1;
}

}  // namespace parley::bench
