// Plans outside the collector's authority in the shell: the quoter refers them to a supervisor with a note, the
// account waits (get-next passes over it), and a supervisor approves or declines it in the approvals view; the
// collector who referred a plan cannot decide it.
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

class ApprovalFrames : public AppFrames {
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

TEST_F(ApprovalFrames, ACollectorRefersAPlanAndASupervisorApprovesIt) {
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
  ASSERT_EQ(state()["approvals"]["pending"].size(), 1u);
  EXPECT_EQ(state()["approvals"]["pending"][0]["account"], id);
  EXPECT_EQ(state()["approvals"]["pending"][0]["requested_by"], "u-collector");

  // Get-next passes over the account while it waits: what it asks of each account says so.
  const parley::Decision waits =
      app_->state().call_decision(*app_->state().data->find_account(id), now_, "u-collector");
  EXPECT_FALSE(waits.allowed);
  EXPECT_TRUE(waits.blocked_by(parley::awaiting_approval));

  // The collector who referred it cannot decide it: the view's buttons do nothing for them.
  click("header.approvals");
  ASSERT_EQ(state()["approvals"]["shown"], true);
  click("approvals.approve." + id);
  EXPECT_EQ(published_.size(), 1u);

  // A supervisor, on another desk, receives the referral and approves it with a note.
  const std::string referred = journal_text();
  published_.clear();
  start_supervisor();
  app_->dispatch(standard_strategy());
  app_->dispatch(ps::JournalReceived{"server", referred, true});
  frames(2);
  click("header.approvals");
  ASSERT_EQ(state()["approvals"]["pending"].size(), 1u);
  type("approvals.note", "hardship seen on her pay stubs");
  click("approvals.approve." + id);
  ASSERT_EQ(published_.size(), 1u) << state()["approvals"].dump();
  const auto* decision = published_.back().get<parley::ApprovalDecided>();
  ASSERT_NE(decision, nullptr);
  EXPECT_TRUE(decision->approved);
  EXPECT_EQ(decision->note, "hardship seen on her pay stubs");
  EXPECT_EQ(state()["approvals"]["pending"].size(), 0u);
  const parley::AccountState fold = app_->state().account_state(*app_->state().data->find_account(id));
  ASSERT_NE(fold.current_plan(), nullptr);
  EXPECT_EQ(fold.current_plan()->id, published_.back().id);
}

TEST_F(ApprovalFrames, ADeclinedPlanGoesBackToTheCollector) {
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
  click("header.approvals");
  click("approvals.decline." + id);
  ASSERT_EQ(published_.size(), 1u);
  EXPECT_FALSE(published_.back().get<parley::ApprovalDecided>()->approved);
  EXPECT_EQ(state()["approvals"]["pending"].size(), 0u);
  const parley::AccountState fold = app_->state().account_state(*app_->state().data->find_account(id));
  EXPECT_EQ(fold.current_plan(), nullptr);
  EXPECT_EQ(fold.approvals.back().status, parley::ApprovalStatus::declined);
  click("approvals.back");
  EXPECT_EQ(state()["approvals"]["shown"], false);
  EXPECT_TRUE(state()["widgets"].contains("queue.table"));
}

}  // namespace
