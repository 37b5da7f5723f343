// The shell without a window: the update function, and whole frames built with ImGui's null backend (no
// inputs but the ones the test feeds, no graphics output). Runs natively and in wasm under node.

#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/demo.h"
#include "parley/plans/plan_json.h"
#include "parley/portfolio_json.h"
#include "parley/shell/app.h"
#include "parley/shell/state.h"
#include "shell_fixtures.h"

namespace ps = parley::shell;
using namespace parley::shell_test;

namespace {

ps::AppState loaded_state(int accounts) {
  return ps::update(ps::AppState{}, ps::PortfolioReceived{"demo", parley::save_portfolio(demo_portfolio(accounts))});
}

std::vector<std::string> row_ids(const ps::AppState& state) {
  std::vector<std::string> ids;
  for (std::uint32_t row : state.queue.rows) {
    ids.push_back(state.data->portfolio.accounts[state.data->entries[row].account].id);
  }
  return ids;
}

}  // namespace

// -- update ---------------------------------------------------------------------------------------------------

TEST(ShellUpdate, StartsLoadingWithNothingSelected) {
  const ps::AppState state;
  EXPECT_EQ(state.status, ps::LoadStatus::loading);
  EXPECT_EQ(state.account_count(), 0u);
  EXPECT_EQ(state.selected_account(), nullptr);
}

TEST(ShellUpdate, SortedByDaysPastDueTheOldestDebtComesFirst) {
  const ps::AppState state = ps::update(loaded_state(40), ps::SortQueue{ps::QueueColumn::days_past_due, true});
  ASSERT_EQ(state.status, ps::LoadStatus::ready);
  ASSERT_EQ(state.account_count(), 40u);
  ASSERT_EQ(state.queue.rows.size(), 40u);
  for (std::size_t i = 1; i < state.queue.rows.size(); ++i) {
    EXPECT_GE(state.data->entries[state.queue.rows[i - 1]].days_past_due(state.today),
              state.data->entries[state.queue.rows[i]].days_past_due(state.today));
  }
}

// Days past due count from the first delinquency to the agency's today, not to the day the portfolio was placed:
// before the host's clock is known that is the portfolio's date; a month later every account is 30 days older. The
// aging order follows the day: on the first later day on which some accounts have moved to an older bucket and
// others not, the rows are those of a queue sorted afresh on that day.
TEST(ShellUpdate, DaysPastDueCountFromFirstDelinquencyToTheAgencysToday) {
  ps::AppState state = loaded_state(40);
  const parley::Date as_of = state.data->portfolio.as_of;
  ASSERT_EQ(state.today, as_of);
  for (const ps::QueueEntry& entry : state.data->entries) {
    const parley::Account& account = state.data->portfolio.accounts[entry.account];
    EXPECT_EQ(entry.days_past_due(state.today), as_of - account.first_delinquency);
  }

  state = ps::update(std::move(state), ps::SortQueue{ps::QueueColumn::aging, false});
  const parley::Date later = as_of.plus_days(30);
  state = ps::update(std::move(state), ps::ClockTick{*parley::Instant::parse(later.iso() + "T17:00:00Z")});
  ASSERT_EQ(state.today, later);
  EXPECT_EQ(state.queue.today, later);
  for (const ps::QueueEntry& entry : state.data->entries) {
    const parley::Account& account = state.data->portfolio.accounts[entry.account];
    EXPECT_EQ(entry.days_past_due(state.today), as_of - account.first_delinquency + 30);
  }

  ps::AppState aging = ps::update(loaded_state(40), ps::SortQueue{ps::QueueColumn::aging, false});
  const std::vector<std::uint32_t> placed = aging.queue.rows;
  int offset = 1;
  ps::QueueSlice fresh = aging.queue;
  for (; offset <= 120; ++offset) {
    fresh.today = as_of.plus_days(offset);
    ps::rebuild_rows(fresh, *aging.data);
    if (fresh.rows != placed) break;
  }
  ASSERT_LE(offset, 120) << "no day within 120 changes the aging order of the demo's accounts";
  aging = ps::update(std::move(aging),
                     ps::ClockTick{*parley::Instant::parse(as_of.plus_days(offset).iso() + "T17:00:00Z")});
  EXPECT_EQ(aging.queue.rows, fresh.rows) << offset << " days later";
}

TEST(ShellUpdate, SortByBalanceOrdersWithinEachCurrency) {
  const ps::AppState state = ps::update(loaded_state(60), ps::SortQueue{ps::QueueColumn::balance, false});
  ASSERT_EQ(state.queue.rows.size(), 60u);
  for (std::size_t i = 1; i < state.queue.rows.size(); ++i) {
    const parley::Money a =
        state.data->portfolio.accounts[state.data->entries[state.queue.rows[i - 1]].account].balance.total();
    const parley::Money b =
        state.data->portfolio.accounts[state.data->entries[state.queue.rows[i]].account].balance.total();
    if (a.currency() == b.currency()) {
      EXPECT_LE(a.minor(), b.minor());
    } else {
      EXPECT_LT(a.currency().code(), b.currency().code());
    }
  }
}

TEST(ShellUpdate, SortByIdDescendingReversesAscending) {
  ps::AppState state = ps::update(loaded_state(30), ps::SortQueue{ps::QueueColumn::id, false});
  std::vector<std::string> ascending = row_ids(state);
  EXPECT_TRUE(std::is_sorted(ascending.begin(), ascending.end()));
  state = ps::update(std::move(state), ps::SortQueue{ps::QueueColumn::id, true});
  std::vector<std::string> descending = row_ids(state);
  std::reverse(descending.begin(), descending.end());
  EXPECT_EQ(ascending, descending);
}

TEST(ShellUpdate, FilterMatchesDebtorNameCaseInsensitively) {
  ps::AppState state = loaded_state(50);
  const ps::QueueEntry& target = state.data->entries[7];
  ASSERT_FALSE(target.debtor_name.empty());
  std::string needle = target.debtor_name;
  for (char& c : needle) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  state = ps::update(std::move(state), ps::FilterQueue{needle});
  ASSERT_FALSE(state.queue.rows.empty());
  EXPECT_LT(state.queue.rows.size(), 50u);
  bool found = false;
  for (std::uint32_t row : state.queue.rows) found = found || row == 7;
  EXPECT_TRUE(found);
  state = ps::update(std::move(state), ps::FilterQueue{""});
  EXPECT_EQ(state.queue.rows.size(), 50u);
}

TEST(ShellUpdate, FilterWithNoMatchShowsNoRows) {
  const ps::AppState state = ps::update(loaded_state(20), ps::FilterQueue{"no such debtor anywhere"});
  EXPECT_TRUE(state.queue.rows.empty());
  EXPECT_EQ(state.account_count(), 20u);
}

TEST(ShellUpdate, SelectingAnUnknownAccountKeepsTheSelection) {
  ps::AppState state = loaded_state(10);
  const std::string id = state.data->portfolio.accounts[3].id;
  state = ps::update(std::move(state), ps::SelectAccount{id});
  ASSERT_NE(state.selected_account(), nullptr);
  EXPECT_EQ(state.selected_account()->id, id);
  state = ps::update(std::move(state), ps::SelectAccount{"NOT-AN-ACCOUNT"});
  EXPECT_EQ(state.selected, id);
  state = ps::update(std::move(state), ps::SelectAccount{});
  EXPECT_EQ(state.selected_account(), nullptr);
}

TEST(ShellUpdate, InvalidPortfolioIsAnErrorWithTheLoadersProblems) {
  const std::string text = parley::save_portfolio(demo_portfolio(3));
  const std::string truncated = text.substr(0, text.size() / 2);
  const ps::AppState state = ps::update(ps::AppState{}, ps::PortfolioReceived{"half.json", truncated});
  ASSERT_EQ(state.status, ps::LoadStatus::error);
  EXPECT_EQ(state.account_count(), 0u);
  EXPECT_EQ(state.source, "half.json");
  const parley::PortfolioLoad load = parley::load_portfolio(truncated);
  ASSERT_FALSE(load.problems.empty());
  EXPECT_EQ(state.problems, load.problems);
  EXPECT_NE(state.error_text().find(load.problems.front().text()), std::string::npos);
}

TEST(ShellUpdate, FailedReadIsAnErrorWithItsMessage) {
  const ps::AppState state = ps::update(loaded_state(5), ps::LoadFailed{"x.json", "cannot open x.json"});
  EXPECT_EQ(state.status, ps::LoadStatus::error);
  EXPECT_EQ(state.error_text(), "cannot open x.json");
  EXPECT_EQ(state.account_count(), 0u);
  EXPECT_TRUE(state.queue.rows.empty());
}

// -- frames with the null backend -----------------------------------------------------------------------------

class ShellFrames : public FrameTest {
 protected:
  void SetUp() override {
    FrameTest::SetUp();
    app_ = std::make_unique<ps::App>(read_font());
  }
};

TEST_F(ShellFrames, FontHasTheGlyphsMoneyNeeds) {
  frames(1);
  const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  for (ImWchar c : {ImWchar(0x20AC), ImWchar(0x202F), ImWchar(0x00A0), ImWchar(0x00A3), ImWchar(0x00E9),
                    ImWchar(0x2019)}) {
    EXPECT_NE(font->FindGlyphNoFallback(c), nullptr) << "U+" << std::hex << c;
  }
}

TEST_F(ShellFrames, LoadingStateBeforeAnyPortfolio) {
  frames(2);
  const nlohmann::json s = state();
  EXPECT_EQ(s["frame"], 2);
  EXPECT_EQ(s["status"], "loading");
  EXPECT_EQ(s["accounts"], 0);
  EXPECT_FALSE(s["widgets"].contains("queue.table"));
}

TEST_F(ShellFrames, QueueTableFillsTheWindowWithVisibleRows) {
  app_->dispatch(ps::PortfolioReceived{"demo", parley::save_portfolio(demo_portfolio(2000))});
  frames(3);
  const nlohmann::json s = state();
  EXPECT_EQ(s["status"], "ready");
  EXPECT_EQ(s["error"], "");
  EXPECT_EQ(s["accounts"], 2000);
  const nlohmann::json& table = s["widgets"]["queue.table"];
  EXPECT_GT(table["w"].get<float>(), 1200.0f);  // the table spans the window, less its padding
  EXPECT_GT(table["h"].get<float>(), 600.0f);
  EXPECT_LE(table["y"].get<float>() + table["h"].get<float>(), 800.0f);

  // Only the rows in view are drawn (clipper), in queue order, each inside the table.
  std::vector<std::pair<float, std::string>> rows;
  for (const auto& [name, r] : s["widgets"].items()) {
    if (name.rfind("queue.row.", 0) != 0) continue;
    EXPECT_GT(r["w"].get<float>(), 0.0f) << name;
    EXPECT_GT(r["h"].get<float>(), 0.0f) << name;
    EXPECT_GE(r["y"].get<float>(), table["y"].get<float>()) << name;
    EXPECT_LE(r["y"].get<float>() + r["h"].get<float>(), table["y"].get<float>() + table["h"].get<float>() + 0.5f);
    rows.emplace_back(r["y"].get<float>(), name.substr(10));
  }
  EXPECT_GT(rows.size(), 15u);
  EXPECT_LT(rows.size(), 60u);
  std::sort(rows.begin(), rows.end());
  const std::vector<std::string> ids = row_ids(app_->state());
  for (std::size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(rows[i].second, ids[i]);
}

TEST_F(ShellFrames, ClickingARowSelectsItAndShowsTheAccountPanel) {
  app_->dispatch(ps::PortfolioReceived{"demo", parley::save_portfolio(demo_portfolio(50))});
  frames(2);
  nlohmann::json s = state();
  EXPECT_EQ(s["selected"], "");
  EXPECT_FALSE(s["widgets"].contains("account.panel"));
  const std::string id = row_ids(app_->state())[2];
  const nlohmann::json& row = s["widgets"]["queue.row." + id];
  ASSERT_TRUE(row.is_object());
  click(row["x"].get<float>() + row["w"].get<float>() / 2, row["y"].get<float>() + row["h"].get<float>() / 2);

  s = state();
  EXPECT_EQ(s["selected"], id);
  const nlohmann::json& panel = s["widgets"]["account.panel"];
  ASSERT_TRUE(panel.is_object());
  EXPECT_GT(panel["w"].get<float>(), 300.0f);
  EXPECT_GT(panel["h"].get<float>(), 300.0f);
  // Queue and panel sit side by side without overlapping.
  const nlohmann::json& table = s["widgets"]["queue.table"];
  EXPECT_LE(table["x"].get<float>() + table["w"].get<float>(), panel["x"].get<float>());
}

TEST_F(ShellFrames, ClickingAHeaderSortsTheQueue) {
  app_->dispatch(ps::PortfolioReceived{"demo", parley::save_portfolio(demo_portfolio(50))});
  frames(2);
  const nlohmann::json table = state()["widgets"]["queue.table"];
  // The first column's header ("Account") sits at the table's top-left.
  click(table["x"].get<float>() + 20.0f, table["y"].get<float>() + 8.0f);
  EXPECT_EQ(app_->state().queue.sort_column, ps::QueueColumn::id);
  const std::vector<std::string> ids = row_ids(app_->state());
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()) || std::is_sorted(ids.rbegin(), ids.rend()));
}

TEST_F(ShellFrames, ErrorStateShowsTheProblems) {
  app_->dispatch(ps::PortfolioReceived{"bad.json", "{\"format\": "});
  frames(2);
  const nlohmann::json s = state();
  EXPECT_EQ(s["status"], "error");
  EXPECT_EQ(s["error"], app_->state().error_text());
  EXPECT_NE(s["error"], "");
  EXPECT_TRUE(s["widgets"].contains("status.problems"));
}

// -- plan quoter ----------------------------------------------------------------------------------------------

namespace {

// An account of the demo portfolio whose client allows monthly plans and whose balance spread over the longest
// monthly term the policy allows falls under the policy's minimum instalment.
std::string account_too_small_for_longest_term(const parley::Portfolio& portfolio) {
  for (const parley::Account& account : portfolio.accounts) {
    const parley::Client* client = portfolio.find_client(account.client_id);
    if (!client) continue;
    const parley::Policy& policy = client->policy;
    if (std::find(policy.allowed_frequencies.begin(), policy.allowed_frequencies.end(),
                  parley::Frequency::monthly) == policy.allowed_frequencies.end()) {
      continue;
    }
    const int longest = parley::plans::max_instalments_in(policy.max_term_months, parley::Frequency::monthly);
    if (longest > 1 && account.balance.total().minor() / longest < policy.min_instalment.minor()) return account.id;
  }
  return {};
}

bool has_violation(const parley::plans::PolicyCheck& check, parley::plans::FindingCode code) {
  return std::any_of(check.violations.begin(), check.violations.end(),
                     [code](const parley::plans::Violation& v) { return v.code == code; });
}

}  // namespace

TEST(ShellUpdate, RecordOfferRefusesARequestWithViolations) {
  ps::AppState state = loaded_state(30);
  const parley::Account& account = state.data->portfolio.accounts[0];
  const parley::Client* client = state.data->portfolio.find_client(account.client_id);
  ASSERT_NE(client, nullptr);
  parley::plans::PlanRequest request;
  request.currency = account.currency;
  request.today = state.data->portfolio.as_of;
  request.balance = account.balance;
  request.policy = client->policy;
  parley::plans::InstalmentTerms terms;
  terms.down_payment = parley::Money::zero(account.currency);
  terms.instalments = parley::plans::max_instalments_in(client->policy.max_term_months, parley::Frequency::monthly) + 6;
  terms.frequency = parley::Frequency::monthly;
  terms.first_payment = request.today.plus_months(1);
  request.plan = terms;
  ps::RecordOffer offer{account.id, request, parley::EventId::from_parts(1, 2),
                        parley::Instant::from_unix_seconds(std::int64_t{request.today.days_since_epoch()} * 86400 + 36000),
                        {"u", "d"}};  // 10:00 UTC on the quote date
  state = ps::update(std::move(state), offer);
  EXPECT_TRUE(state.offers_for(account.id).empty());  // beyond the policy's term: not recorded

  // The compliant alternative core suggests is recorded.
  const parley::plans::QuoteResult quoted = parley::plans::quote_plan(request);
  ASSERT_TRUE(quoted.ok());
  const parley::plans::PolicyCheck check = parley::plans::check_policy(request, *quoted.quote);
  ASSERT_FALSE(check.violations.empty());
  ASSERT_TRUE(check.violations[0].alternative.has_value());
  offer.request = *check.violations[0].alternative;
  state = ps::update(std::move(state), offer);
  ASSERT_EQ(state.offers_for(account.id).size(), 1u)
      << (state.quoter.offer_problems.empty() ? "" : state.quoter.offer_problems[0].text());
  EXPECT_EQ(state.offers_for(account.id)[0]->get<parley::PlanAccepted>()->request,
            parley::plans::save_request(offer.request));
}

TEST_F(ShellFrames, QuoterShowsTheMinimumInstalmentViolationApplyFixesItAndOfferRecordsTheQuote) {
  ImGui::GetIO().DisplaySize = ImVec2(1280.0f, 1200.0f);
  const parley::Portfolio portfolio = demo_portfolio(200);
  const std::string id = account_too_small_for_longest_term(portfolio);
  ASSERT_FALSE(id.empty());
  app_->dispatch(ps::PortfolioReceived{"demo", parley::save_portfolio(portfolio)});
  app_->dispatch(ps::SelectAccount{id});
  frames(2);
  nlohmann::json s = state();
  ASSERT_TRUE(s["quote"].is_object());
  EXPECT_EQ(s["offers"], 0);
  for (const char* name : {"quoter.panel", "quoter.term", "quoter.schedule", "quoter.offer"}) {
    EXPECT_TRUE(s["widgets"].contains(name)) << name;
  }

  // Drag the term to the slider's right end: the longest term the policy allows, too small an instalment.
  const nlohmann::json term = s["widgets"]["quoter.term"];
  click(term["x"].get<float>() + term["w"].get<float>() - 2.0f, term["y"].get<float>() + term["h"].get<float>() / 2);
  const parley::Client* client = portfolio.find_client(app_->state().selected_account()->client_id);
  const int longest = parley::plans::max_instalments_in(client->policy.max_term_months, parley::Frequency::monthly);
  ASSERT_TRUE(app_->quoter().quote.has_value());
  EXPECT_EQ(app_->quoter().quote->instalments, longest);
  EXPECT_TRUE(has_violation(app_->quoter().check, parley::plans::FindingCode::instalment_below_minimum));
  s = state();
  EXPECT_EQ(s["quote"]["instalments"], longest);
  EXPECT_GE(s["quote"]["violations"].get<int>(), 1);
  ASSERT_TRUE(s["widgets"].contains("quoter.apply"));

  // Offer is disabled while a violation stands.
  const nlohmann::json offer = s["widgets"]["quoter.offer"];
  click(offer["x"].get<float>() + offer["w"].get<float>() / 2, offer["y"].get<float>() + offer["h"].get<float>() / 2);
  EXPECT_EQ(state()["offers"], 0);

  // Apply: one click gives the suggested compliant plan.
  const nlohmann::json apply = s["widgets"]["quoter.apply"];
  click(apply["x"].get<float>() + apply["w"].get<float>() / 2, apply["y"].get<float>() + apply["h"].get<float>() / 2);
  s = state();
  EXPECT_EQ(s["quote"]["violations"], 0);
  EXPECT_FALSE(s["widgets"].contains("quoter.apply"));
  ASSERT_TRUE(app_->quoter().quote.has_value());
  EXPECT_GE(app_->quoter().quote->regular_instalment, client->policy.min_instalment);
  const parley::plans::Quote offered = *app_->quoter().quote;
  EXPECT_EQ(s["quote"]["total_of_payments"], offered.totals.total_of_payments.minor());

  // Offer: one PlanAccepted event whose request JSON re-quotes to the same quote and digest.
  const nlohmann::json offer_now = s["widgets"]["quoter.offer"];
  click(offer_now["x"].get<float>() + offer_now["w"].get<float>() / 2,
        offer_now["y"].get<float>() + offer_now["h"].get<float>() / 2);
  EXPECT_EQ(state()["offers"], 1);
  const std::vector<const parley::Event*> events = app_->state().offers_for(id);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_FALSE(events[0]->id.is_nil());
  EXPECT_EQ(events[0]->sequence, 1u);
  const parley::PlanAccepted* plan = events[0]->get<parley::PlanAccepted>();
  ASSERT_NE(plan, nullptr);
  const parley::plans::RequestLoad load = parley::plans::load_request(plan->request);
  ASSERT_TRUE(load.request.has_value()) << plan->request;
  EXPECT_EQ(parley::plans::save_request(*load.request), plan->request);  // canonical
  const parley::plans::QuoteResult requote = parley::plans::quote_plan(*load.request);
  ASSERT_TRUE(requote.ok());
  EXPECT_EQ(*requote.quote, offered);
  EXPECT_EQ(plan->quote_digest, parley::plans::quote_digest(offered));
  EXPECT_EQ(plan->quote_digest.size(), 64u);
}

TEST_F(ShellFrames, QuoterTermCanBeTypedFromTheKeyboardByTabbingFromTheDownPayment) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(1280.0f, 1200.0f);
  io.KeyMap[ImGuiKey_Tab] = 1;  // what a platform backend maps
  io.KeyMap[ImGuiKey_Enter] = 2;
  const auto press = [&](int key) {
    io.KeysDown[key] = true;
    frames(1);
    io.KeysDown[key] = false;
    frames(1);
  };
  const parley::Portfolio portfolio = demo_portfolio(30);
  app_->dispatch(ps::PortfolioReceived{"demo", parley::save_portfolio(portfolio)});
  app_->dispatch(ps::SelectAccount{portfolio.accounts[0].id});
  frames(2);
  ASSERT_TRUE(app_->quoter().quote.has_value());
  EXPECT_EQ(app_->quoter().quote->instalments, 12);
  const nlohmann::json box = state()["widgets"]["quoter.down_payment"];
  ASSERT_TRUE(box.is_object());
  click(box["x"].get<float>() + 20.0f, box["y"].get<float>() + box["h"].get<float>() / 2);

  // Down payment box -> down payment slider -> term slider (entered as text, all selected): type 7, Enter.
  press(1);
  press(1);
  io.AddInputCharacter('7');
  frames(1);
  press(2);
  frames(1);
  ASSERT_TRUE(app_->quoter().quote.has_value());
  EXPECT_EQ(app_->quoter().quote->instalments, 7);
  EXPECT_EQ(state()["quote"]["instalments"], 7);
}

// -- holiday calendars and settlements in the quoter ------------------------------------------------------------

namespace {

// The first account whose jurisdiction starts with `prefix`; empty when none.
std::string account_in(const parley::Portfolio& portfolio, const std::string& prefix) {
  for (const parley::Account& account : portfolio.accounts) {
    if (account.jurisdiction.rfind(prefix, 0) == 0) return account.id;
  }
  return {};
}

}  // namespace

TEST(ShellUpdate, CalendarsHandedInAreKeptByIdAndBadOnesAreReported) {
  ps::AppState state = loaded_state(5);
  state = ps::update(std::move(state), ps::AssetReceived{"calendars/US-FEDERAL.json", calendar_text("US-FEDERAL")});
  state = ps::update(std::move(state), ps::AssetReceived{"calendars/FR.json", calendar_text("FR")});
  ASSERT_NE(state.calendar("US-FEDERAL"), nullptr);
  ASSERT_NE(state.calendar("FR"), nullptr);
  EXPECT_EQ(state.calendar("GB-ENG"), nullptr);
  EXPECT_FALSE(parley::is_business_day(*state.calendar("US-FEDERAL"), *parley::Date::parse("2026-07-03")));
  EXPECT_TRUE(state.assets.calendar_problems().empty());

  state = ps::update(std::move(state), ps::AssetReceived{"calendars/XX.json", "{\"format\": 1}"});
  state = ps::update(std::move(state), ps::AssetFailed{"calendars/GB-ENG.json", "HTTP 404"});
  ASSERT_GE(state.assets.calendar_problems().size(), 2u);
  EXPECT_EQ(state.assets.calendar_problems().front().path, "calendars/XX.json");
  EXPECT_EQ(state.assets.calendar_problems().back().text(), "calendars/GB-ENG.json: HTTP 404");
  EXPECT_EQ(state.assets.calendars().size(), 2u);

  // A later good read of the same source clears its problem.
  state = ps::update(std::move(state), ps::AssetReceived{"calendars/GB-ENG.json", calendar_text("GB-ENG")});
  EXPECT_NE(state.calendar("GB-ENG"), nullptr);
  for (const parley::Problem& p : state.assets.calendar_problems()) EXPECT_NE(p.path, "calendars/GB-ENG.json");
}

TEST(ShellUpdate, RecordOfferNeedsTheRequestsCalendarAndRecordsItsRolledQuote) {
  ps::AppState state = loaded_state(30);
  const std::string id = account_in(state.data->portfolio, "US");
  ASSERT_FALSE(id.empty());
  const parley::Account& account = *state.data->find_account(id);
  const parley::Client* client = state.data->portfolio.find_client(account.client_id);
  const parley::CalendarLoad us = parley::load_calendar(calendar_text("US-FEDERAL"));
  ASSERT_TRUE(us.calendar.has_value());
  parley::plans::PlanRequest request = parley::plans::opening_request(account, *client, state.data->portfolio.as_of);
  request.calendar_id = "US-FEDERAL";
  request.day_roll = parley::DayRoll::following;
  request.today = *parley::Date::parse("2026-06-01");
  request.plan->first_payment = *parley::Date::parse("2026-07-04");  // Independence Day, a Saturday
  for (int i = 0; i < 3; ++i) {  // core's compliant alternative, same dates and calendar
    const parley::plans::QuoteResult quoted = parley::plans::quote_plan(request, &*us.calendar);
    ASSERT_TRUE(quoted.ok());
    const parley::plans::PolicyCheck check = parley::plans::check_policy(request, *quoted.quote, &*us.calendar);
    if (check.compliant()) break;
    ASSERT_TRUE(check.violations[0].alternative.has_value()) << check.violations[0].message;
    request = *check.violations[0].alternative;
  }
  ASSERT_EQ(request.calendar_id, "US-FEDERAL");
  ps::RecordOffer offer{id, request, parley::EventId::from_parts(1, 2),
                        parley::Instant::from_unix_seconds(std::int64_t{request.today.days_since_epoch()} * 86400 + 36000),
                        {"u", "d"}};  // 10:00 UTC on the quote date
  state = ps::update(std::move(state), offer);
  EXPECT_TRUE(state.offers_for(id).empty());  // the calendar was not handed in: the quote cannot be reproduced

  state = ps::update(std::move(state), ps::AssetReceived{"calendars/US-FEDERAL.json", calendar_text("US-FEDERAL")});
  state = ps::update(std::move(state), offer);
  ASSERT_EQ(state.offers_for(id).size(), 1u);
  const parley::plans::QuoteResult rolled = parley::plans::quote_plan(request, state.calendar("US-FEDERAL"));
  ASSERT_TRUE(rolled.ok());
  const auto first = std::find_if(rolled.quote->schedule.begin(), rolled.quote->schedule.end(),
                                  [](const auto& row) { return row.kind == parley::plans::RowKind::instalment; });
  ASSERT_NE(first, rolled.quote->schedule.end());
  EXPECT_EQ(first->scheduled, *parley::Date::parse("2026-07-04"));
  EXPECT_EQ(first->due, *parley::Date::parse("2026-07-06"));  // Monday: the following business day
  EXPECT_EQ(state.offers_for(id)[0]->get<parley::PlanAccepted>()->quote_digest,
            parley::plans::quote_digest(*rolled.quote));
  EXPECT_NE(parley::plans::quote_digest(*rolled.quote),
            parley::plans::quote_digest(*parley::plans::quote_plan(request).quote));  // the roll is in the digest
}

TEST_F(ShellFrames, QuoterUsesTheAccountsCalendarOnceHandedInAndMarksRolledDates) {
  ImGui::GetIO().DisplaySize = ImVec2(1280.0f, 1200.0f);
  const parley::Portfolio portfolio = demo_portfolio(60);
  const std::string us = account_in(portfolio, "US-");
  const std::string scot = account_in(portfolio, "GB-SCT");
  ASSERT_FALSE(us.empty());
  app_->dispatch(ps::PortfolioReceived{"demo", parley::save_portfolio(portfolio)});
  app_->dispatch(ps::SelectAccount{us});
  frames(2);
  // No calendar handed in yet: due dates stay as scheduled.
  EXPECT_EQ(app_->quoter().calendar_choice.id, "US-FEDERAL");
  EXPECT_EQ(app_->quoter().request.calendar_id, "");
  EXPECT_EQ(state()["quote"]["rolled"], 0);

  for (const char* id : {"US-FEDERAL", "GB-ENG", "GB-SCT", "FR"}) {
    app_->dispatch(ps::AssetReceived{std::string("calendars/") + id + ".json", calendar_text(id)});
  }
  frames(2);
  const ps::QuoterSlice& q = app_->quoter();
  EXPECT_EQ(q.request.calendar_id, "US-FEDERAL");
  EXPECT_EQ(q.request.day_roll, parley::DayRoll::following);
  nlohmann::json s = state();
  EXPECT_EQ(s["quote"]["calendar"], "US-FEDERAL");
  EXPECT_EQ(s["quote"]["day_roll"], "following");
  ASSERT_TRUE(q.quote.has_value());
  const parley::Calendar& calendar = *app_->state().calendar("US-FEDERAL");
  int rolled = 0;
  for (const parley::plans::ScheduleRow& row : q.quote->schedule) {
    if (row.kind == parley::plans::RowKind::down_payment) continue;
    EXPECT_TRUE(parley::is_business_day(calendar, row.due)) << row.due.iso();
    if (row.due != row.scheduled) {
      ++rolled;
      EXPECT_FALSE(parley::is_business_day(calendar, row.scheduled));
      EXPECT_GT(row.due, row.scheduled);  // following
    }
  }
  EXPECT_EQ(s["quote"]["rolled"], rolled);
  EXPECT_GT(rolled, 0) << "12 monthly dates on one day of the month: some fall on a weekend";

  if (!scot.empty()) {
    app_->dispatch(ps::SelectAccount{scot});
    frames(2);
    EXPECT_EQ(app_->quoter().request.calendar_id, "GB-SCT");
    EXPECT_EQ(state()["quote"]["calendar"], "GB-SCT");
  }
}

TEST_F(ShellFrames, QuoterSettlementFromTheKeyboardBelowTheFloorApplyThenOffer) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(1280.0f, 1400.0f);
  enum Key { tab = 1, enter, space, escape, left, right, up, down };
  io.KeyMap[ImGuiKey_Tab] = tab;
  io.KeyMap[ImGuiKey_Enter] = enter;
  io.KeyMap[ImGuiKey_Space] = space;
  io.KeyMap[ImGuiKey_Escape] = escape;
  io.KeyMap[ImGuiKey_LeftArrow] = left;
  io.KeyMap[ImGuiKey_RightArrow] = right;
  io.KeyMap[ImGuiKey_UpArrow] = up;
  io.KeyMap[ImGuiKey_DownArrow] = down;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  const auto press = [&](int key) {
    io.KeysDown[key] = true;
    frames(1);
    io.KeysDown[key] = false;
    frames(1);
  };
  // Presses `key` until the quoter reports `name` focused; false after `limit` presses.
  const auto move_to = [&](int key, const std::string& name, int limit = 40) {
    for (int i = 0; i < limit && app_->quoter_focus() != name; ++i) press(key);
    return app_->quoter_focus() == name;
  };
  const parley::Portfolio portfolio = demo_portfolio(30);
  const parley::Account& account = portfolio.accounts[0];
  app_->dispatch(ps::PortfolioReceived{"demo", parley::save_portfolio(portfolio)});
  app_->dispatch(ps::SelectAccount{account.id});
  frames(2);
  ASSERT_TRUE(app_->quoter().quote.has_value());
  const int term = app_->quoter().quote->instalments;

  // Focus lands in the quoter once (the down payment box); from then on only keys.
  const nlohmann::json box = state()["widgets"]["quoter.down_payment"];
  click(box["x"].get<float>() + 20.0f, box["y"].get<float>() + box["h"].get<float>() / 2);
  press(escape);

  // Term: down with the arrow keys to its slider, Space to hold it, Left x3, Space to release.
  ASSERT_TRUE(move_to(down, "quoter.term"));
  press(space);
  press(left);
  press(left);
  press(left);
  press(space);
  ASSERT_TRUE(app_->quoter().quote.has_value());
  EXPECT_EQ(app_->quoter().quote->instalments, term - 3);
  EXPECT_EQ(state()["quote"]["instalments"], term - 3);

  // Mode: up to the radio buttons, right to Settlement, Space.
  ASSERT_TRUE(move_to(up, "quoter.mode.plan"));
  press(right);
  ASSERT_EQ(app_->quoter_focus(), "quoter.mode.settlement");
  press(space);
  ASSERT_TRUE(app_->quoter().quote.has_value());
  EXPECT_EQ(app_->quoter().quote->kind, parley::plans::PlanKind::settlement);
  EXPECT_EQ(state()["quote"]["kind"], "settlement");
  EXPECT_EQ(state()["quote"]["violations"], 0);  // opens at the lowest amount a collector may agree alone
  EXPECT_EQ(state()["quote"]["approvals"], 0);
  const parley::Money opening = app_->quoter().request.settlement->amount;
  EXPECT_LT(opening, account.balance.total());

  // Amount: down to its slider, hold, Left x25 (1 % of the balance each), release: below what a supervisor may
  // approve.
  ASSERT_TRUE(move_to(down, "quoter.settlement_amount"));
  press(space);
  for (int i = 0; i < 25; ++i) press(left);
  press(space);
  EXPECT_LT(app_->quoter().request.settlement->amount, opening);
  EXPECT_TRUE(has_violation(app_->quoter().check, parley::plans::FindingCode::settlement_below_floor));
  EXPECT_GE(state()["quote"]["violations"].get<int>(), 1);
  EXPECT_EQ(state()["offers"], 0);

  // Apply with Enter: the lowest amount the collector may agree alone, so neither a violation nor an approval.
  ASSERT_TRUE(move_to(down, "quoter.apply"));
  press(enter);
  nlohmann::json s = state();
  EXPECT_EQ(s["quote"]["violations"], 0);
  EXPECT_EQ(s["quote"]["approvals"], 0);
  EXPECT_EQ(s["quote"]["kind"], "settlement");
  EXPECT_EQ(app_->quoter().request.settlement->amount, opening);  // the quoter opened at that amount too

  // Offer with Enter: a PlanAccepted event holding the settlement request.
  ASSERT_TRUE(move_to(down, "quoter.offer"));
  press(enter);
  EXPECT_EQ(state()["offers"], 1);
  const std::vector<const parley::Event*> events = app_->state().offers_for(account.id);
  ASSERT_EQ(events.size(), 1u);
  const parley::plans::RequestLoad load = parley::plans::load_request(events[0]->get<parley::PlanAccepted>()->request);
  ASSERT_TRUE(load.request.has_value());
  ASSERT_TRUE(load.request->settlement.has_value());
  EXPECT_EQ(load.request->settlement->amount, app_->quoter().request.settlement->amount);

  // Back to the plan with Space: the plan terms come back as they were.
  for (int i = 0; i < 40 && app_->quoter_focus().rfind("quoter.mode.", 0) != 0; ++i) press(up);
  if (app_->quoter_focus() == "quoter.mode.settlement") press(left);
  ASSERT_EQ(app_->quoter_focus(), "quoter.mode.plan");
  press(space);
  ASSERT_TRUE(app_->quoter().quote.has_value());
  EXPECT_EQ(app_->quoter().quote->kind, parley::plans::PlanKind::instalments);
  EXPECT_EQ(app_->quoter().quote->instalments, term - 3);
}
