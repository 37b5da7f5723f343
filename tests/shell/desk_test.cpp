// The desk in the shell: the queue opens in the strategy's order, get-next selects the first account compliance
// lets the collector call and keeps every account it passed over with the reasons, a callback handed in moves its
// account to the top at once, and nothing is scored without a strategy (the queue says so).
#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "parley/demo.h"
#include "parley/journal/journal_json.h"
#include "parley/portfolio_json.h"
#include "parley/shell/state.h"
#include "shell_fixtures.h"

namespace ps = parley::shell;
using namespace parley::shell_test;

namespace {

// The demo's accounts with the rule packs and, when `strategy`, the shipped strategy; the clock at 10:30 in New
// York on the portfolio's date.
ps::AppState desk_state(int accounts, bool strategy) {
  const parley::Portfolio portfolio = demo_portfolio(accounts);
  ps::AppState state = ps::update(ps::AppState{}, ps::PortfolioReceived{"demo", parley::save_portfolio(portfolio)});
  for (ps::AssetReceived& pack : rule_packs()) state = ps::update(std::move(state), std::move(pack));
  if (strategy) state = ps::update(std::move(state), standard_strategy());
  return ps::update(std::move(state), ps::ClockTick{new_york_time(portfolio, 10 * 3600 + 1800)});
}

const parley::Priority& priority(const ps::AppState& state, std::uint32_t row) {
  return *state.queue.priority_of(state.data->entries[row].account);
}

TEST(ShellDesk, TheQueueOpensInTheStrategysOrder) {
  const ps::AppState state = desk_state(60, true);
  EXPECT_EQ(state.queue.sort_column, ps::QueueColumn::priority);
  EXPECT_TRUE(state.queue.desk.problems.empty()) << state.queue.desk.problems.front().text();
  ASSERT_EQ(state.queue.rows.size(), 60u);
  for (std::size_t i = 1; i < state.queue.rows.size(); ++i) {
    EXPECT_FALSE(parley::desk_before(priority(state, state.queue.rows[i]), priority(state, state.queue.rows[i - 1]),
                                     state.queue.desk.as_of))
        << "row " << i;
  }
  EXPECT_GT(priority(state, state.queue.rows.front()).score, priority(state, state.queue.rows.back()).score);
}

TEST(ShellDesk, WithoutAStrategyNothingIsScoredAndTheQueueSaysWhy) {
  const ps::AppState state = desk_state(10, false);
  ASSERT_FALSE(state.queue.desk.problems.empty());
  EXPECT_EQ(state.queue.desk.problems.back(),
            (parley::Problem{"strategies/", "no strategy is loaded: the queue is not scored"}));
  EXPECT_EQ(state.queue.priority_of(0), nullptr);
  std::vector<std::uint32_t> portfolio_order(10);
  for (std::uint32_t i = 0; i < 10; ++i) portfolio_order[i] = i;
  EXPECT_EQ(state.queue.rows, portfolio_order);
}

// get-next selects the first account in the desk's order that may be called now; every account before it is kept
// with the blocking reasons.
TEST(ShellDesk, GetNextSelectsTheFirstCallableAccountAndListsTheSkipped) {
  ps::AppState state = ps::update(desk_state(60, true), ps::GetNext{});
  const ps::DeskSlice& desk = state.queue.desk;
  ASSERT_TRUE(desk.asked);
  ASSERT_FALSE(desk.next.empty());
  EXPECT_EQ(state.selected, desk.next);
  const parley::Account& next = *state.data->find_account(desk.next);
  std::string number;
  EXPECT_TRUE(state.call_decision(next, state.now, {}, &number).allowed);
  // The contact panel opens on that number, and its banner allows the call.
  EXPECT_EQ(state.contact.point, number);
  ASSERT_TRUE(state.contact.banner);
  EXPECT_TRUE(state.contact.banner->allowed);
  // The rows are the desk's order: the skipped accounts are the rows above the one selected, in order.
  std::vector<std::string> above;
  for (std::uint32_t row : state.queue.rows) {
    const std::string& id = state.data->portfolio.accounts[row].id;
    if (id == desk.next) break;
    above.push_back(id);
  }
  ASSERT_EQ(above.size(), desk.skipped.size());
  for (std::size_t i = 0; i < above.size(); ++i) {
    EXPECT_EQ(desk.skipped[i].account_id, above[i]);
    EXPECT_FALSE(desk.skipped[i].decision.allowed);
    EXPECT_FALSE(desk.skipped[i].decision.reasons.empty());
  }
}

// During a call get-next does nothing and says why.
TEST(ShellDesk, GetNextWaitsForTheCallInProgress) {
  ps::AppState state = ps::update(desk_state(60, true), ps::GetNext{});
  const std::string first = state.queue.desk.next;
  const parley::Account& account = *state.data->find_account(first);
  const parley::Party& debtor = *account.debtor();
  const std::string number = state.contact.point;  // the number core lets the collector call, picked for it
  const parley::Instant now = state.now;
  ASSERT_FALSE(number.empty());
  state = ps::update(std::move(state), ps::StartContact{first, debtor.id, parley::ContactChannel::phone, number,
                                                        parley::EventId::from_parts(7, 1), now, {"u", "d"}});
  ASSERT_TRUE(state.contact.session) << (state.contact.problems.empty() ? "" : state.contact.problems[0].text())
                                     << (state.contact.refused ? state.contact.refused->reasons[0].words : "");
  state = ps::update(std::move(state), ps::GetNext{});
  EXPECT_EQ(state.selected, first);
  EXPECT_EQ(state.queue.desk.refused, "Finish the call in progress first: get-next moves on once it is recorded.");
}

// A callback due now, handed in from another device, puts the lowest account of the desk first at once.
TEST(ShellDesk, ACallbackDueNowPutsItsAccountFirst) {
  ps::AppState state = desk_state(60, true);
  const std::uint32_t last = state.queue.rows.back();
  const parley::Account& account = state.data->portfolio.accounts[last];
  parley::Event e;
  e.id = parley::EventId::from_parts(0x0190f3a1b2c3d4ffull, 1);
  e.account_id = account.id;
  e.author = {"u-collector-2", "d-phone-2"};
  e.recorded_at = state.now.plus_seconds(-3600);
  e.sequence = 1;
  e.payload = parley::CallbackScheduled{account.debtor()->id, state.now.plus_seconds(-300), "asked for a call"};
  state = ps::update(std::move(state), ps::JournalReceived{"server", parley::save_event(e) + "\n", true});
  EXPECT_TRUE(state.sync.journal_problems.empty()) << state.sync.journal_problems.front().text();
  ASSERT_TRUE(state.queue.priority_of(last)->callback_due(state.now));
  EXPECT_EQ(state.queue.rows.front(), last);
}

// A callback set from the contact panel is read on the party's clock; once due, its account leads the queue. A time
// that is not one is refused, naming the field.
TEST(ShellDesk, ACallbackSetFromThePanelLeadsTheQueueOnceDue) {
  ps::AppState state = desk_state(60, true);
  const std::uint32_t last = state.queue.rows.back();
  const parley::Account account = state.data->portfolio.accounts[last];
  const std::string party = account.debtor()->id;
  const parley::Instant now = state.now;
  const std::string day = state.today.iso();
  state = ps::update(std::move(state), ps::ScheduleCallback{account.id, party, day, "7pm", "",
                                                            parley::EventId::from_parts(9, 1), now, {"u", "d"}});
  ASSERT_EQ(state.contact.problems.size(), 1u);
  EXPECT_EQ(state.contact.problems[0].path, "time");

  // 23:00 on the party's clock today: later than now wherever in the demo the party lives.
  state = ps::update(std::move(state), ps::ScheduleCallback{account.id, party, day, "23:00", "after work",
                                                            parley::EventId::from_parts(9, 2), now, {"u", "d"}});
  ASSERT_TRUE(state.contact.problems.empty()) << state.contact.problems[0].text();
  EXPECT_NE(state.contact.finished.find("Recorded: call back"), std::string::npos) << state.contact.finished;
  const parley::Priority* scheduled = state.queue.priority_of(last);
  ASSERT_TRUE(scheduled && scheduled->callback);
  EXPECT_FALSE(scheduled->callback_due(state.now));
  EXPECT_NE(state.queue.rows.front(), last);
  const parley::Instant due = scheduled->callback->plus_seconds(60);
  state = ps::update(std::move(state), ps::GetNext{});  // scored at now: not due yet
  EXPECT_NE(state.queue.rows.front(), last);
  state = ps::update(std::move(state), ps::ClockTick{due});
  state = ps::update(std::move(state), ps::GetNext{});
  EXPECT_EQ(state.queue.rows.front(), last);
}

// An account on another collector's desk is passed over with the reason; its own collector gets it.
TEST(ShellDesk, GetNextPassesOverAnotherCollectorsAccount) {
  ps::AppState state = ps::update(desk_state(60, true), ps::GetNext{"u-collector"});
  const std::string first = state.queue.desk.next;
  ASSERT_FALSE(first.empty());
  parley::Event e;
  e.id = parley::EventId::from_parts(0x0190f3a1b2c3d4feull, 1);
  e.account_id = first;
  e.author = {"u-supervisor", "d-office"};
  e.recorded_at = state.now.plus_seconds(-60);
  e.sequence = 1;
  e.payload = parley::AccountAssigned{"u-other", "her portfolio"};
  state = ps::update(std::move(state), ps::JournalReceived{"server", parley::save_event(e) + "\n", true});
  state = ps::update(std::move(state), ps::GetNext{"u-collector"});
  EXPECT_NE(state.queue.desk.next, first);
  const auto skipped = std::find_if(state.queue.desk.skipped.begin(), state.queue.desk.skipped.end(),
                                    [&](const ps::SkippedAccount& k) { return k.account_id == first; });
  ASSERT_NE(skipped, state.queue.desk.skipped.end());
  EXPECT_TRUE(skipped->decision.blocked_by(parley::other_desk));
  EXPECT_EQ(skipped->decision.reasons[0].words, "The account is on the desk of u-other.");
  state = ps::update(std::move(state), ps::GetNext{"u-other"});
  EXPECT_EQ(state.queue.desk.next, first);
}

}  // namespace

namespace {

class DeskFrames : public AppFrames {};

// Escape leaves the filter box and keeps what was typed: the queue stays filtered.
TEST_F(DeskFrames, EscapeKeepsTheQueueFilter) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyMap[ImGuiKey_Escape] = 3;  // what a platform backend maps
  start();
  frames(2);
  type("queue.filter", "us-");
  ASSERT_EQ(app_->state().queue.filter, "us-");
  const std::size_t rows = app_->state().queue.rows.size();
  io.KeysDown[3] = true;
  frames(1);
  io.KeysDown[3] = false;
  frames(2);
  EXPECT_EQ(app_->state().queue.filter, "us-");
  EXPECT_EQ(app_->state().queue.rows.size(), rows);
  EXPECT_EQ(state()["filter"], "us-");
}

}  // namespace
