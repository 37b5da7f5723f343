// Journal events leaving the shell: every appended event is published to the host once, events the host hands in
// are merged and never published back, the server's acknowledgements and refusals reach the state, and the
// desktop host's journal file keeps events across restarts and sets a cut-short last line aside.
#include <gtest/gtest.h>
#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <span>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/demo.h"
#include "parley/journal/journal_json.h"
#include "parley/plans/plan_json.h"
#include "parley/plans/policy_check.h"
#include "parley/portfolio_json.h"
#include "parley/shell/app.h"
#include "parley/shell/state.h"
#include "shell_fixtures.h"

namespace fs = std::filesystem;
namespace ps = parley::shell;
using namespace parley::shell_test;

namespace {

// A compliant offer request for `account`: the opening offer or the alternative the policy check suggests.
parley::plans::PlanRequest compliant_request(const parley::Portfolio& portfolio, const parley::Account& account) {
  const parley::Client* client = portfolio.find_client(account.client_id);
  parley::plans::PlanRequest request = parley::plans::opening_request(account, *client, portfolio.as_of);
  for (int i = 0; i < 5; ++i) {
    const auto quoted = parley::plans::quote_plan(request);
    if (!quoted.ok()) break;
    const auto check = parley::plans::check_policy(request, *quoted.quote);
    if (check.compliant() || !check.violations.front().alternative) break;
    request = *check.violations.front().alternative;
  }
  return request;
}

parley::Event contact_event(const parley::Account& account, std::uint64_t n) {
  parley::Event event;
  event.id = parley::EventId::from_parts(0xabc, n);
  event.account_id = account.id;
  event.author = {"u-1", "d-other"};
  event.recorded_at = parley::Instant::from_unix_seconds(1'770'000'000 + static_cast<std::int64_t>(n));
  event.sequence = n;
  event.payload = parley::ContactAttempted{account.parties.front().id, parley::ContactChannel::phone, "+15555550100",
                                           parley::ContactDirection::outbound};
  return event;
}

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

class TempFolder {
 public:
  TempFolder() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::temp_directory_path() / ("parley-journal-" + std::string(info->name()));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempFolder() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

// -- Publishing ---------------------------------------------------------------------------------------------

class JournalPublish : public FrameTest {
 protected:
  void SetUp() override {
    FrameTest::SetUp();
    ps::HostServices host;
    host.publish = [this](std::span<const parley::Event> events) {
      ++batches_;
      published_.insert(published_.end(), events.begin(), events.end());
    };
    app_ = std::make_unique<ps::App>(std::vector<unsigned char>{}, std::move(host));
    portfolio_ = demo_portfolio(12, 3);
    app_->dispatch(ps::PortfolioReceived{"demo", parley::save_portfolio(portfolio_)});
    ASSERT_EQ(app_->state().status, ps::LoadStatus::ready);
  }

  parley::Portfolio portfolio_;
  std::vector<parley::Event> published_;
  int batches_ = 0;  // PublishEvents effects run
};

TEST_F(JournalPublish, EveryRecordedOfferIsPublishedOnceAsAppended) {
  const parley::Account& account = portfolio_.accounts[2];
  app_->dispatch(ps::SelectAccount{account.id});
  app_->dispatch(ps::RecordOffer{account.id, compliant_request(portfolio_, account), {}, {}, {}});
  ASSERT_EQ(published_.size(), 1u);
  const parley::Event* held = app_->state().journal->find(published_[0].id);
  ASSERT_NE(held, nullptr);
  EXPECT_EQ(*held, published_[0]);
  EXPECT_NE(published_[0].get<parley::PlanAccepted>(), nullptr);

  // Actions that append nothing publish nothing; a second offer publishes only itself.
  app_->dispatch(ps::FilterQueue{"x"});
  app_->dispatch(ps::RecordOffer{"no-such-account", compliant_request(portfolio_, account), {}, {}, {}});
  EXPECT_EQ(published_.size(), 1u);
  app_->dispatch(ps::RecordOffer{account.id, compliant_request(portfolio_, account), {}, {}, {}});
  ASSERT_EQ(published_.size(), 2u);
  EXPECT_NE(published_[1].id, published_[0].id);
  EXPECT_EQ(state()["offer_sync"], (nlohmann::json{"unsent", "unsent"}));
}

TEST_F(JournalPublish, EventsHandedInAreMergedButNeverPublishedBack) {
  const parley::Account& account = portfolio_.accounts[4];
  app_->dispatch(ps::SelectAccount{account.id});
  app_->dispatch(ps::RecordOffer{account.id, compliant_request(portfolio_, account), {}, {}, {}});
  ASSERT_EQ(published_.size(), 1u);
  const parley::Event recorded = published_[0];

  // The server sends back what it holds: the offer (already here) and an event from another device.
  std::string lines = parley::save_event(recorded) + "\n" + parley::save_event(contact_event(account, 1)) + "\n";
  app_->dispatch(ps::JournalReceived{"/api/events", lines, true});
  EXPECT_EQ(published_.size(), 1u);
  EXPECT_EQ(app_->state().journal->size(), 2u);
  EXPECT_EQ(app_->state().sync_of(recorded.id).status, ps::SyncStatus::accepted);
  EXPECT_EQ(state()["offer_sync"], (nlohmann::json{"accepted"}));
  EXPECT_TRUE(app_->state().sync.journal_problems.empty());

  // The same id with other content is reported, and the journal keeps what it holds.
  parley::Event changed = contact_event(account, 1);
  changed.sequence = 99;
  app_->dispatch(ps::JournalReceived{"outbox", parley::save_event(changed), false});
  ASSERT_EQ(app_->state().sync.journal_problems.size(), 1u);
  EXPECT_EQ(app_->state().journal->find(changed.id)->sequence, 1u);
  EXPECT_EQ(published_.size(), 1u);
}

TEST_F(JournalPublish, AcknowledgementsAndRefusalsReachTheOffersStatus) {
  const parley::Account& account = portfolio_.accounts[5];
  app_->dispatch(ps::SelectAccount{account.id});
  for (int i = 0; i < 2; ++i) {
    app_->dispatch(ps::RecordOffer{account.id, compliant_request(portfolio_, account), {}, {}, {}});
  }
  ASSERT_EQ(published_.size(), 2u);
  const auto offers = app_->state().offers_for(account.id);
  ASSERT_EQ(offers.size(), 2u);
  app_->dispatch(ps::EventsAcknowledged{{offers[0]->id}});
  app_->dispatch(ps::EventRejected{offers[1]->id, "payload.quote_digest: does not match"});
  EXPECT_EQ(state()["offer_sync"], (nlohmann::json{"accepted", "rejected"}));
  EXPECT_EQ(app_->state().sync_of(offers[1]->id).reason, "payload.quote_digest: does not match");
  EXPECT_EQ(published_.size(), 2u);
}

// -- The desktop host's journal file ------------------------------------------------------------------------

TEST(JournalFile, AMissingFileIsAnEmptyJournal) {
  TempFolder dir;
  const auto read_back = ps::read_journal_file((dir.path() / "none.jsonl").string());
  EXPECT_TRUE(read_back.problems.empty());
  EXPECT_EQ(read_back.events, 0u);
  EXPECT_TRUE(read_back.lines.empty());
}

TEST(JournalFile, AppendedEventsAreReadBackAfterARestart) {
  TempFolder dir;
  const std::string path = (dir.path() / "journal.jsonl").string();
  const parley::Portfolio portfolio = demo_portfolio(3, 3);
  const std::vector<parley::Event> events = {contact_event(portfolio.accounts[0], 1),
                                             contact_event(portfolio.accounts[1], 2)};
  EXPECT_EQ(ps::append_journal_file(path, std::span(events).first(1)), std::nullopt);
  EXPECT_EQ(ps::append_journal_file(path, std::span(events).subspan(1)), std::nullopt);
  EXPECT_EQ(read_text(path), parley::save_event(events[0]) + "\n" + parley::save_event(events[1]) + "\n");

  const auto read_back = ps::read_journal_file(path);
  ASSERT_TRUE(read_back.problems.empty());
  EXPECT_TRUE(read_back.truncated.empty());
  EXPECT_EQ(read_back.events, 2u);
  const auto loaded = parley::load_event_lines(read_back.lines);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.events, events);
}

TEST(JournalFile, ACutShortLastLineIsReportedSetAsideAndCutFromTheFile) {
  TempFolder dir;
  const std::string path = (dir.path() / "journal.jsonl").string();
  const parley::Portfolio portfolio = demo_portfolio(3, 3);
  const parley::Event kept = contact_event(portfolio.accounts[0], 1);
  const std::string whole = parley::save_event(kept) + "\n";
  const std::string partial = parley::save_event(contact_event(portfolio.accounts[1], 2)).substr(0, 57);
  write(path, whole + partial);

  const auto read_back = ps::read_journal_file(path);
  ASSERT_TRUE(read_back.problems.empty());
  EXPECT_EQ(read_back.events, 1u);
  EXPECT_EQ(read_back.lines, whole);
  EXPECT_NE(read_back.truncated.find("line 2"), std::string::npos) << read_back.truncated;
  EXPECT_EQ(read_text(path), whole);                          // the file ends cleanly again
  EXPECT_EQ(read_text(path + ".truncated"), partial + "\n");  // and the cut bytes are not lost

  // Appending after it gives a clean file that reads back whole.
  const parley::Event next = contact_event(portfolio.accounts[2], 3);
  ASSERT_EQ(ps::append_journal_file(path, std::span(&next, 1)), std::nullopt);
  const auto again = ps::read_journal_file(path);
  ASSERT_TRUE(again.problems.empty());
  EXPECT_TRUE(again.truncated.empty());
  EXPECT_EQ(again.events, 2u);
}

TEST(JournalFile, AWholeLastEventWithoutItsNewlineIsKept) {
  TempFolder dir;
  const std::string path = (dir.path() / "journal.jsonl").string();
  const parley::Portfolio portfolio = demo_portfolio(3, 3);
  const std::string first = parley::save_event(contact_event(portfolio.accounts[0], 1));
  const std::string second = parley::save_event(contact_event(portfolio.accounts[1], 2));
  write(path, first + "\n" + second);
  const auto read_back = ps::read_journal_file(path);
  ASSERT_TRUE(read_back.problems.empty());
  EXPECT_TRUE(read_back.truncated.empty());
  EXPECT_EQ(read_back.events, 2u);
  EXPECT_EQ(read_text(path), first + "\n" + second + "\n");
}

TEST(JournalFile, ABadLineElsewhereIsAProblemAndNothingIsDropped) {
  TempFolder dir;
  const std::string path = (dir.path() / "journal.jsonl").string();
  const parley::Portfolio portfolio = demo_portfolio(3, 3);
  const std::string text = parley::save_event(contact_event(portfolio.accounts[0], 1)) + "\n{\"id\":\n" +
                           parley::save_event(contact_event(portfolio.accounts[1], 2)) + "\n";
  write(path, text);
  const auto read_back = ps::read_journal_file(path);
  ASSERT_FALSE(read_back.problems.empty());
  EXPECT_NE(read_back.problems[0].text().find("line 2"), std::string::npos) << read_back.problems[0].text();
  EXPECT_TRUE(read_back.lines.empty());
  EXPECT_EQ(read_text(path), text);  // untouched
}
