// The supervisor's side of the desk in the shell. Plans outside the collector's authority: the quoter refers them to
// a supervisor with a note, the account waits (get-next passes over it), and a supervisor approves or declines it in
// the supervisor view; the collector who referred a plan cannot decide it. Escalations: the view lists each account
// a strategy's escalation rule finds due, and records one on a click.
#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "parley/journal/journal_json.h"
#include "parley/queue/desk.h"
#include "shell_fixtures.h"

namespace ps = parley::shell;
using namespace parley::shell_test;

namespace {

class SupervisorFrames : public AppFrames {
 protected:
  // An account whose client lets a supervisor approve plans longer than a collector may agree alone.
  std::string referable_account() const {
    for (const parley::Account& a : portfolio_.accounts) {
      const parley::Client* client = portfolio_.find_client(a.client_id);
      if (client == nullptr || client->policy.supervisor_term_months == 0 ||
          client->policy.supervisor_term_months >= client->policy.max_term_months || a.debtor() == nullptr) {
        continue;
      }
      return a.id;
    }
    return {};
  }
  // Opens the account at noon in New York and sets the quoter to a term one month past the collector's authority.
  void quote_beyond_authority(const std::string& id) {
    now_ = new_york_time(portfolio_, 12 * 3600);
    app_->dispatch(ps::SelectAccount{id});
    frames(2);
    ps::QuoterTerms terms = app_->quoter().terms();
    ASSERT_TRUE(terms.request.plan);
    terms.by_amount = false;
    terms.instalments = terms.request.policy.supervisor_term_months + 1;
    app_->dispatch(ps::EditQuote{id, terms});
    frames(3);
  }
  // The app again, as a supervisor on another device (its own event ids).
  void start_supervisor() {
    author_ = {"u-supervisor", "d-office"};
    ps::HostServices host;
    host.new_id = [n = std::uint64_t{0}]() mutable { return parley::EventId::from_parts(0x5e, ++n); };
    start(host);
  }
  std::string journal_text() const {
    std::string text;
    for (const parley::Event& e : published_) text += parley::save_event(e) + "\n";
    return text;
  }
};

TEST_F(SupervisorFrames, ACollectorRefersAPlanAndASupervisorApprovesIt) {
  const std::string id = referable_account();
  ASSERT_FALSE(id.empty()) << "no demo client lets a supervisor approve longer plans";
  start();
  app_->dispatch(standard_strategy());
  quote_beyond_authority(id);
  ASSERT_EQ(state()["quote"]["violations"], 0);
  ASSERT_GE(state()["quote"]["approvals"], 1);
  EXPECT_FALSE(state()["widgets"].contains("quoter.offer"));  // no offer a collector cannot make
  ASSERT_TRUE(state()["widgets"].contains("quoter.refer"));

  type("quoter.referral_note", "lost her job; 13 months is what she can keep to");
  click("quoter.refer");
  ASSERT_EQ(published_.size(), 1u);
  const auto* referral = published_.back().get<parley::ApprovalRequested>();
  ASSERT_NE(referral, nullptr);
  EXPECT_EQ(referral->note, "lost her job; 13 months is what she can keep to");
  ASSERT_EQ(state()["supervisor"]["approvals"].size(), 1u);
  EXPECT_EQ(state()["supervisor"]["approvals"][0]["account"], id);
  EXPECT_EQ(state()["supervisor"]["approvals"][0]["requested_by"], "u-collector");

  // Get-next passes over the account while it waits: what it asks of each account says so.
  const parley::Decision waits =
      app_->state().call_decision(*app_->state().data->find_account(id), now_, "u-collector");
  EXPECT_FALSE(waits.allowed);
  EXPECT_TRUE(waits.blocked_by(parley::awaiting_approval));

  // The collector who referred it cannot decide it: the view's buttons do nothing for them.
  click("header.supervisor");
  ASSERT_EQ(state()["supervisor"]["shown"], true);
  click("approvals.approve." + id);
  EXPECT_EQ(published_.size(), 1u);

  // A supervisor, on another desk, receives the referral and approves it with a note.
  const std::string referred = journal_text();
  published_.clear();
  start_supervisor();
  app_->dispatch(standard_strategy());
  app_->dispatch(ps::JournalReceived{"server", referred, true});
  frames(2);
  click("header.supervisor");
  ASSERT_EQ(state()["supervisor"]["approvals"].size(), 1u);
  type("supervisor.note", "hardship seen on her pay stubs");
  click("approvals.approve." + id);
  ASSERT_EQ(published_.size(), 1u) << state()["supervisor"].dump();
  const auto* decision = published_.back().get<parley::ApprovalDecided>();
  ASSERT_NE(decision, nullptr);
  EXPECT_TRUE(decision->approved);
  EXPECT_EQ(decision->note, "hardship seen on her pay stubs");
  EXPECT_EQ(state()["supervisor"]["approvals"].size(), 0u);
  const parley::AccountState fold = app_->state().account_state(*app_->state().data->find_account(id));
  ASSERT_NE(fold.current_plan(), nullptr);
  EXPECT_EQ(fold.current_plan()->id, published_.back().id);
}

TEST_F(SupervisorFrames, ADeclinedPlanGoesBackToTheCollector) {
  const std::string id = referable_account();
  ASSERT_FALSE(id.empty());
  start();
  quote_beyond_authority(id);
  click("quoter.refer");
  ASSERT_EQ(published_.size(), 1u);
  const std::string referred = journal_text();
  published_.clear();
  start_supervisor();
  app_->dispatch(ps::JournalReceived{"server", referred, true});
  frames(2);
  click("header.supervisor");
  click("approvals.decline." + id);
  ASSERT_EQ(published_.size(), 1u);
  EXPECT_FALSE(published_.back().get<parley::ApprovalDecided>()->approved);
  EXPECT_EQ(state()["supervisor"]["approvals"].size(), 0u);
  const parley::AccountState fold = app_->state().account_state(*app_->state().data->find_account(id));
  EXPECT_EQ(fold.current_plan(), nullptr);
  EXPECT_EQ(fold.approvals.back().status, parley::ApprovalStatus::declined);
  click("supervisor.back");
  EXPECT_EQ(state()["supervisor"]["shown"], false);
  EXPECT_TRUE(state()["widgets"].contains("queue.table"));
}

TEST_F(SupervisorFrames, TheSupervisorViewListsEscalationsDueAndRecordsOne) {
  start();
  app_->dispatch(standard_strategy());
  now_ = new_york_time(portfolio_, 12 * 3600);
  frames(2);
  const nlohmann::json due = state()["supervisor"]["escalations"];
  ASSERT_FALSE(due.empty()) << "the demo portfolio has accounts the shipped rules escalate";
  const std::string id = due[0]["account"];
  const std::string rule = due[0]["rule"];
  click("header.supervisor");
  ASSERT_EQ(state()["supervisor"]["shown"], true);
  click("escalations.escalate." + id);
  ASSERT_EQ(published_.size(), 1u) << state()["supervisor"].dump();
  const auto* escalated = published_.back().get<parley::Escalated>();
  ASSERT_NE(escalated, nullptr);
  EXPECT_EQ(std::string(parley::to_string(escalated->to)), due[0]["to"].get<std::string>());
  EXPECT_EQ(escalated->reason.rfind(rule + ": ", 0), 0u) << escalated->reason;
  // Recorded: no longer due, and the account's fold has it.
  const nlohmann::json after = state()["supervisor"]["escalations"];
  EXPECT_TRUE(std::none_of(after.begin(), after.end(), [&](const nlohmann::json& e) { return e["account"] == id; }));
  const parley::AccountState fold = app_->state().account_state(*app_->state().data->find_account(id));
  ASSERT_EQ(fold.escalations.size(), 1u);
  EXPECT_EQ(fold.escalations[0].reason, escalated->reason);
}

// A payment the collector took counts towards their goal at once: the panel and the supervisor's table show it, with
// the commission the shipped plan pays (2 %).
TEST_F(SupervisorFrames, APaymentCountsTowardsTheCollectorsGoal) {
  start();
  app_->dispatch(standard_strategy());
  app_->dispatch(goal_plan());
  now_ = new_york_time(portfolio_, 12 * 3600);
  frames(2);
  ASSERT_FALSE(state()["goals"].is_null());
  EXPECT_TRUE(state()["goals"]["mine"].is_null());
  ASSERT_TRUE(state()["widgets"].contains("goal.summary"));
  // A US account: the plan counts dollars.
  const auto us = std::find_if(portfolio_.accounts.begin(), portfolio_.accounts.end(),
                               [](const parley::Account& a) { return a.currency.code() == "USD"; });
  ASSERT_NE(us, portfolio_.accounts.end());
  const parley::AccountState before = app_->state().account_state(*us);
  parley::Event e;
  e.id = parley::EventId::from_parts(0x90a1, 1);
  e.account_id = us->id;
  e.author = author_;
  e.recorded_at = now_;
  e.sequence = 1;
  const parley::Money amount(10000, us->currency);
  parley::PaymentPosted paid{amount, app_->state().today, parley::PaymentMethod::card,
                             parley::allocate(before.balance.owed, amount, before.waterfall()), "R-1"};
  paid.instrument = parley::PaymentInstrument{parley::InstrumentKind::card, "4242", "sandbox", "tok-1", "ch-1"};
  e.payload = paid;
  app_->dispatch(ps::JournalReceived{"device", parley::save_event(e) + "\n", false});
  frames(2);
  const nlohmann::json mine = state()["goals"]["mine"];
  ASSERT_FALSE(mine.is_null()) << state()["goals"].dump();
  EXPECT_EQ(mine["collector"], "u-collector");
  EXPECT_EQ(mine["collected"], 10000);
  EXPECT_EQ(mine["goal"], 2500000);  // the plan's default goal
  EXPECT_EQ(mine["commission"], 200);
  EXPECT_EQ(mine["payments"], 1);
  EXPECT_TRUE(state()["widgets"].contains("goal.progress"));
  if (mine["days"] > 1) {  // the chart, as wide as the panel
    ASSERT_TRUE(state()["widgets"].contains("goal.chart"));
    EXPECT_GT(state()["widgets"]["goal.chart"]["w"].get<float>(), 200.0f);
  }
  click("header.supervisor");
  EXPECT_TRUE(state()["widgets"].contains("supervisor.collectors"));
}

// A tier set by hand from the account panel: refused without a reason, then recorded; the desk scores the account
// by it at once, and the panel's button gives the tier back to the strategy.
TEST_F(SupervisorFrames, ATierSetByHandMovesTheAccountOnTheDesk) {
  start();
  app_->dispatch(standard_strategy());
  now_ = new_york_time(portfolio_, 12 * 3600);
  app_->dispatch(ps::SelectAccount{id_});
  frames(2);
  const std::uint32_t index = *app_->state().data->index_of(id_);
  const parley::RiskTier strategy_tier = app_->state().queue.priority_of(index)->risk.tier;
  const parley::RiskTier other =
      strategy_tier == parley::RiskTier::high ? parley::RiskTier::low : parley::RiskTier::high;
  app_->dispatch(ps::OverrideRisk{id_, other, "", "", {}, {}, {}});
  ASSERT_EQ(app_->state().queue.desk.supervisor_problems.size(), 1u);
  EXPECT_EQ(app_->state().queue.desk.supervisor_problems[0].text(),
            "payload.reason: must say why the tier is set by hand");
  EXPECT_TRUE(published_.empty());
  app_->dispatch(ps::OverrideRisk{id_, other, "the client called about this debtor", "", {}, {}, {}});
  EXPECT_TRUE(app_->state().queue.desk.supervisor_problems.empty());
  ASSERT_EQ(published_.size(), 1u);
  const parley::Priority* p = app_->state().queue.priority_of(index);
  EXPECT_EQ(p->risk.tier, other);
  EXPECT_TRUE(p->risk.overridden);
  app_->dispatch(ps::OverrideRisk{id_, std::nullopt, "", "", {}, {}, {}});
  EXPECT_EQ(app_->state().queue.priority_of(index)->risk.tier, strategy_tier);
  EXPECT_FALSE(app_->state().queue.priority_of(index)->risk.overridden);
}

}  // namespace
