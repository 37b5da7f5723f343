// The contact workflow in the shell: rule packs handed in by the host, the compliance banner, starting an attempt
// (refused with its reasons when blocked), the verification gate over the debt details, the outcome buttons and
// their keyboard shortcuts, and the banner after the outcome. Update-level tests and whole frames with ImGui's null
// backend; runs natively and in wasm under node.

#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/contact/contact.h"
#include "parley/demo.h"
#include "parley/portfolio_json.h"
#include "parley/shell/app.h"
#include "parley/shell/state.h"
#include "parley/time_zone.h"
#include "shell_fixtures.h"

namespace ps = parley::shell;
using namespace parley::shell_test;

namespace {

ps::AppState ready_state(const parley::Portfolio& portfolio) {
  ps::AppState state = ps::update(ps::AppState{}, ps::PortfolioReceived{"demo", parley::save_portfolio(portfolio)});
  for (ps::AssetReceived& pack : rule_packs()) state = ps::update(std::move(state), std::move(pack));
  return state;
}

ps::StartContact start_call(const parley::Account& account, parley::Instant at, std::uint64_t id) {
  const parley::Party& debtor = *account.debtor();
  return {account.id, debtor.id, parley::ContactChannel::phone, debtor.phones[0].number,
          parley::EventId::from_parts(7, id), at, {"u-test", "d-test"}};
}

// The outcome at `at`; update dates it on the agency's day at `at`.
ps::FinishContact finish(parley::ContactOutcome outcome, parley::Instant at, std::uint64_t id) {
  ps::FinishContact f;
  f.outcome = outcome;
  for (std::uint64_t i = 0; i < 4; ++i) f.ids.push_back(parley::EventId::from_parts(8, id + i));
  f.at = at;
  f.author = {"u-test", "d-test"};
  return f;
}

std::size_t events_of(const ps::AppState& state, const std::string& account_id, parley::EventKind kind) {
  if (!state.journal) return 0;
  std::size_t n = 0;
  for (const parley::Event& event : state.journal->events_for(account_id)) n += event.kind() == kind ? 1 : 0;
  return n;
}

}  // namespace

// -- update ---------------------------------------------------------------------------------------------------

TEST(ShellContact, RulePacksHandedInBuildTheRuleBookAndAFailedLoadBlocksEveryContact) {
  const parley::Portfolio portfolio = demo_portfolio(80);
  const std::string id = new_york_account(portfolio);
  ASSERT_FALSE(id.empty());
  ps::AppState state = ps::update(ps::AppState{}, ps::PortfolioReceived{"demo", parley::save_portfolio(portfolio)});
  const parley::Account& account = *state.data->find_account(id);
  const parley::Party& debtor = *account.debtor();
  const parley::Instant noon = new_york_time(portfolio, 12 * 3600);

  // Nothing handed in yet, then packs on their way: blocked (fail closed), and it says so.
  parley::Decision d = state.contact_decision(account, debtor, parley::ContactChannel::phone, noon);
  EXPECT_FALSE(d.allowed);
  EXPECT_TRUE(d.blocked_by("rule-packs-loading"));
  std::vector<ps::AssetReceived> packs = rule_packs();
  ASSERT_GE(packs.size(), 2u);
  std::vector<std::string> names;
  for (const auto& pack : packs) names.push_back(pack.name);
  state = ps::update(std::move(state), ps::AssetsExpected{names});
  EXPECT_EQ(state.assets.rules().pending.size(), packs.size());
  for (std::size_t i = 0; i + 1 < packs.size(); ++i) state = ps::update(std::move(state), packs[i]);
  d = state.contact_decision(account, debtor, parley::ContactChannel::phone, noon);
  EXPECT_TRUE(d.blocked_by("rule-packs-loading")) << "one pack is still on its way";

  state = ps::update(std::move(state), packs.back());
  EXPECT_TRUE(state.assets.rules().pending.empty());
  EXPECT_EQ(state.assets.rules().packs.size(), packs.size());
  EXPECT_TRUE(state.assets.rules().failed.empty());
  d = state.contact_decision(account, debtor, parley::ContactChannel::phone, noon);
  EXPECT_TRUE(d.allowed) << (d.reasons.empty() ? "" : d.reasons[0].words);

  // A pack the host could not read, or one that does not load, blocks every contact and names itself.
  ps::AppState unread = ps::update(state, ps::AssetFailed{"rules/US-XX.json", "cannot open rules/US-XX.json"});
  d = unread.contact_decision(account, debtor, parley::ContactChannel::phone, noon);
  EXPECT_FALSE(d.allowed);
  ASSERT_TRUE(d.blocked_by(parley::rule_pack_failed));
  bool named = false;
  for (const parley::Reason& r : d.reasons) named = named || r.words.find("US-XX.json") != std::string::npos;
  EXPECT_TRUE(named);
  const ps::AppState broken = ps::update(state, ps::AssetReceived{"rules/bad.json", "{\"format\": \"parley.rules/1\""});
  EXPECT_FALSE(broken.contact_decision(account, debtor, parley::ContactChannel::email, noon).allowed);
  ASSERT_FALSE(broken.assets.rules().failed.empty());
  EXPECT_EQ(broken.assets.rules().failed.front().path, "rules/bad.json");
}

TEST(ShellContact, BlockedStartKeepsEveryReasonAndRecordsNothing) {
  const parley::Portfolio portfolio = demo_portfolio(80);
  const std::string id = new_york_account(portfolio);
  ASSERT_FALSE(id.empty());
  ps::AppState state = ready_state(portfolio);
  const parley::Account& account = *state.data->find_account(id);

  // 06:30 in New York: before the calling hours.
  state = ps::update(std::move(state), start_call(account, new_york_time(portfolio, 6 * 3600 + 1800), 1));
  EXPECT_FALSE(state.contact.session.has_value());
  ASSERT_TRUE(state.contact.refused.has_value());
  EXPECT_EQ(state.contact.account_id, id);
  EXPECT_TRUE(state.contact.refused->blocked_by("us-convenient-hours"));
  ASSERT_TRUE(state.contact.refused->next_allowed.has_value());
  EXPECT_EQ(*state.contact.refused->next_allowed, new_york_time(portfolio, 8 * 3600));
  EXPECT_EQ(events_of(state, id, parley::EventKind::contact_attempted), 0u);
}

TEST(ShellContact, CallVerifyAndOutcomeRecordTheEventsAndTheConversationBlocksTheNextCall) {
  const parley::Portfolio portfolio = demo_portfolio(80);
  const std::string id = new_york_account(portfolio);
  ASSERT_FALSE(id.empty());
  ps::AppState state = ready_state(portfolio);
  const parley::Account& account = *state.data->find_account(id);
  const parley::Party& debtor = *account.debtor();
  const parley::Instant noon = new_york_time(portfolio, 12 * 3600);

  state = ps::update(std::move(state), start_call(account, noon, 1));
  ASSERT_TRUE(state.contact.session.has_value()) << (state.contact.refused ? state.contact.refused->reasons[0].words
                                                                            : "");
  EXPECT_FALSE(state.contact.refused.has_value());
  EXPECT_EQ(state.contact.session->state, parley::VerificationState::unverified);
  ASSERT_EQ(events_of(state, id, parley::EventKind::contact_attempted), 1u);
  EXPECT_EQ(state.journal->find(parley::EventId::from_parts(7, 1))->recorded_at, noon);

  // Wrong answers do not verify; the right ones do.
  state = ps::update(std::move(state), ps::AnswerQuestions{{{parley::IdentityQuestion::birth_date, "1900-01-01"},
                                                            {parley::IdentityQuestion::postal_code, "00000"}}});
  EXPECT_EQ(state.contact.session->state, parley::VerificationState::unverified);
  ASSERT_TRUE(state.contact.verification.has_value());
  EXPECT_EQ(state.contact.verification->passed, 0);
  state = ps::update(std::move(state), ps::AnswerQuestions{right_answers(debtor)});
  EXPECT_EQ(state.contact.session->state, parley::VerificationState::verified);

  // Another start while this attempt is open is refused with a problem, not a second attempt.
  state = ps::update(std::move(state), start_call(account, noon, 2));
  EXPECT_FALSE(state.contact.problems.empty());
  EXPECT_EQ(events_of(state, id, parley::EventKind::contact_attempted), 1u);

  const parley::Instant after = noon.plus_seconds(300);
  state = ps::update(std::move(state), finish(parley::ContactOutcome::right_party_contact, after, 10));
  EXPECT_FALSE(state.contact.session.has_value());
  EXPECT_TRUE(state.contact.problems.empty());
  EXPECT_FALSE(state.contact.finished.empty());
  EXPECT_EQ(events_of(state, id, parley::EventKind::party_verified), 1u);
  ASSERT_EQ(events_of(state, id, parley::EventKind::outcome_recorded), 1u);
  for (const parley::Event& event : state.journal->events_for(id)) {
    if (const auto* outcome = event.get<parley::OutcomeRecorded>()) {
      EXPECT_EQ(outcome->attempt_id, parley::EventId::from_parts(7, 1));
      EXPECT_TRUE(outcome->conversation);
      EXPECT_EQ(event.recorded_at, after);
    }
  }
  // Sequence numbers of the device run on without a gap.
  EXPECT_EQ(state.journal->last_sequence("d-test"), 3u);

  // The next call, an hour later and six days later, is blocked by the after-conversation rule; on the seventh
  // day it is allowed again.
  EXPECT_TRUE(state.contact_decision(account, debtor, parley::ContactChannel::phone, noon.plus_seconds(3600))
                  .blocked_by("us-after-conversation"));
  EXPECT_TRUE(state.contact_decision(account, debtor, parley::ContactChannel::phone, noon.plus_seconds(6 * 86400))
                  .blocked_by("us-after-conversation"));
  const parley::Instant week_later = noon.plus_seconds(7 * 86400 + 3600);
  EXPECT_FALSE(state.contact_decision(account, debtor, parley::ContactChannel::phone, week_later)
                   .blocked_by("us-after-conversation"));
  state = ps::update(std::move(state), start_call(account, noon.plus_seconds(3600), 3));
  EXPECT_FALSE(state.contact.session.has_value());
  ASSERT_TRUE(state.contact.refused.has_value());
  EXPECT_TRUE(state.contact.refused->blocked_by("us-after-conversation"));
  EXPECT_EQ(events_of(state, id, parley::EventKind::contact_attempted), 1u);
}

TEST(ShellContact, AnOutcomeThatDiscussesTheDebtNeedsVerificationFirst) {
  const parley::Portfolio portfolio = demo_portfolio(80);
  const std::string id = new_york_account(portfolio);
  ASSERT_FALSE(id.empty());
  ps::AppState state = ready_state(portfolio);
  const parley::Account& account = *state.data->find_account(id);
  const parley::Instant noon = new_york_time(portfolio, 12 * 3600);
  state = ps::update(std::move(state), start_call(account, noon, 1));
  ASSERT_TRUE(state.contact.session.has_value());

  const parley::Instant minute_later = noon.plus_seconds(60);
  ps::FinishContact promise = finish(parley::ContactOutcome::promise_to_pay, minute_later, 10);
  promise.details.promise = parley::PromiseMade{parley::Money(5000, account.currency), portfolio.as_of.plus_days(7)};
  state = ps::update(std::move(state), promise);
  EXPECT_TRUE(state.contact.session.has_value()) << "the attempt stays open";
  EXPECT_FALSE(state.contact.problems.empty());
  EXPECT_EQ(events_of(state, id, parley::EventKind::promise_made), 0u);
  EXPECT_EQ(events_of(state, id, parley::EventKind::outcome_recorded), 0u);

  // No answer closes it; no conversation, so the next call is not blocked by the after-conversation rule.
  state = ps::update(std::move(state), finish(parley::ContactOutcome::no_answer, minute_later, 20));
  EXPECT_FALSE(state.contact.session.has_value());
  EXPECT_EQ(events_of(state, id, parley::EventKind::outcome_recorded), 1u);
  EXPECT_EQ(events_of(state, id, parley::EventKind::party_verified), 0u);
  const parley::Instant hour_later = noon.plus_seconds(3600);
  EXPECT_FALSE(state.contact_decision(account, *account.debtor(), parley::ContactChannel::phone, hour_later)
                   .blocked_by("us-after-conversation"));
}

// -- frames with the null backend -----------------------------------------------------------------------------

class ContactFrames : public AppFrames {
 protected:
  void SetUp() override {
    AppFrames::SetUp();
    start();
  }
};

TEST_F(ContactFrames, BannerShowsEveryReasonAndTheNextAllowedTimeInTheDebtorsAndTheCollectorsZones) {
  ASSERT_FALSE(id_.empty());
  now_ = new_york_time(portfolio_, 6 * 3600);  // 06:00 EST, 11:00 GMT
  app_->dispatch(ps::SelectAccount{id_});
  frames(2);
  nlohmann::json s = state();
  ASSERT_TRUE(s["contact"].is_object()) << s.dump();
  const nlohmann::json& c = s["contact"];
  EXPECT_EQ(c["party"], account().debtor()->id);
  EXPECT_EQ(c["channel"], "phone");
  EXPECT_EQ(c["allowed"], false);
  EXPECT_EQ(c["reasons"], nlohmann::json::array({"us-convenient-hours"}));
  ASSERT_TRUE(c["next_allowed"].is_object()) << c.dump();
  ASSERT_EQ(c["next_allowed"]["debtor"].size(), 1u);
  EXPECT_NE(c["next_allowed"]["debtor"][0].get<std::string>().find(" 08:00 EST (America/New_York)"), std::string::npos)
      << c.dump();
  EXPECT_NE(c["next_allowed"]["collector"].get<std::string>().find(" 13:00 GMT (Europe/London)"), std::string::npos)
      << c.dump();
  EXPECT_NE(c["next_allowed"]["collector"].get<std::string>().find(portfolio_.as_of.iso()), std::string::npos);
  for (const char* name : {"contact.panel", "contact.banner", "contact.party", "contact.channel", "contact.call"}) {
    EXPECT_TRUE(s["widgets"].contains(name)) << name;
  }

  // At noon the same banner says allowed, without reasons or a next time.
  now_ = new_york_time(portfolio_, 12 * 3600);
  frames(1);
  s = state();
  EXPECT_EQ(s["contact"]["allowed"], true) << s["contact"].dump();
  EXPECT_TRUE(s["contact"]["reasons"].empty());
  EXPECT_TRUE(s["contact"]["next_allowed"].is_null());
}

TEST_F(ContactFrames, ClickingCallWhileBlockedShowsTheReasonsInsteadOfStarting) {
  ASSERT_FALSE(id_.empty());
  now_ = new_york_time(portfolio_, 22 * 3600);  // 22:00 EST: after the calling hours
  app_->dispatch(ps::SelectAccount{id_});
  frames(2);
  EXPECT_FALSE(state()["widgets"].contains("contact.refused"));
  click("contact.call");
  const nlohmann::json s = state();
  EXPECT_TRUE(s["contact"]["session"].is_null());
  EXPECT_EQ(s["contact"]["refused"], nlohmann::json::array({"us-convenient-hours"}));
  EXPECT_TRUE(s["widgets"].contains("contact.refused"));
  EXPECT_EQ(s["contact"]["events"], 0);
  EXPECT_FALSE(s["contact"]["debt_hidden"].get<bool>());
}

TEST_F(ContactFrames, CallHidesTheDebtUntilVerifiedThenAnAltShortcutRecordsTheOutcomeAndTheBannerBlocks) {
  ASSERT_FALSE(id_.empty());
  now_ = new_york_time(portfolio_, 12 * 3600);
  app_->dispatch(ps::SelectAccount{id_});
  frames(2);
  nlohmann::json s = state();
  ASSERT_EQ(s["contact"]["allowed"], true) << s["contact"].dump();
  EXPECT_TRUE(s["widgets"].contains("quoter.panel"));

  click("contact.call");
  s = state();
  ASSERT_TRUE(s["contact"]["session"].is_object()) << s["contact"].dump();
  EXPECT_EQ(s["contact"]["session"]["state"], "unverified");
  EXPECT_EQ(s["contact"]["events"], 1);
  // The gate: no quoter, no balance; the script and the questions instead.
  EXPECT_TRUE(s["contact"]["debt_hidden"].get<bool>());
  EXPECT_FALSE(s["widgets"].contains("quoter.panel"));
  EXPECT_TRUE(s["widgets"].contains("account.debt_hidden"));
  for (const char* name : {"contact.session", "contact.script", "contact.verify", "contact.answer.birth-date",
                           "contact.answer.postal-code", "contact.outcome.right-party-contact",
                           "contact.outcome.no-answer", "contact.outcome.limited-content-message"}) {
    EXPECT_TRUE(s["widgets"].contains(name)) << name;
  }
  EXPECT_FALSE(s["widgets"].contains("contact.call")) << "one attempt at a time";

  // Alt+R before verification: explained, nothing recorded.
  alt_key('R');
  s = state();
  EXPECT_NE(s["contact"]["notice"].get<std::string>().find("verified"), std::string::npos) << s["contact"].dump();
  EXPECT_EQ(s["contact"]["events"], 1);
  EXPECT_EQ(s["contact"]["session"]["state"], "unverified");

  const parley::Party& debtor = *account().debtor();
  type("contact.answer.birth-date", debtor.birth_date->iso());
  type("contact.answer.postal-code", debtor.addresses[0].postal.postal_code);
  click("contact.verify");
  s = state();
  ASSERT_EQ(s["contact"]["session"]["state"], "verified") << s["contact"].dump();
  EXPECT_FALSE(s["contact"]["debt_hidden"].get<bool>());
  EXPECT_TRUE(s["widgets"].contains("quoter.panel"));
  EXPECT_FALSE(s["widgets"].contains("account.debt_hidden"));

  // Alt+R: right-party contact, with the verification and a conversation.
  now_ = now_.plus_seconds(240);
  alt_key('R');
  s = state();
  EXPECT_TRUE(s["contact"]["session"].is_null()) << s["contact"].dump();
  EXPECT_EQ(s["contact"]["events"], 3);  // attempted, verified, outcome
  EXPECT_EQ(s["contact"]["allowed"], false);
  bool after_conversation = false;
  for (const auto& r : s["contact"]["reasons"]) after_conversation = after_conversation || r == "us-after-conversation";
  EXPECT_TRUE(after_conversation) << s["contact"].dump();
  ASSERT_TRUE(s["contact"]["next_allowed"].is_object());
  EXPECT_TRUE(s["widgets"].contains("contact.call"));

  // And the next click on Call shows why instead of starting.
  click("contact.call");
  s = state();
  EXPECT_TRUE(s["contact"]["session"].is_null());
  EXPECT_TRUE(s["contact"]["refused"].is_array());
  EXPECT_EQ(s["contact"]["events"], 3);
  const std::vector<const parley::Event*> events = app_->state().journal->events_for(id_).to_vector();
  ASSERT_EQ(events.size(), 3u);
  for (const parley::Event* event : events) EXPECT_EQ(event->author.device, "d-desk");
}
