// parley-desktop in a virtual X display (xvfb-run): a few frames, then its test state and screenshot.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sys/wait.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "parley/demo.h"
#include "parley/journal/journal_json.h"
#include "parley/plans/plan_json.h"
#include "parley/plans/policy_check.h"
#include "parley/portfolio_json.h"

namespace fs = std::filesystem;

namespace {

struct DesktopRun {
  int exit_code = -1;
  nlohmann::json state;  // the --test-state file
  std::string errors;    // what the program printed on stderr
};

class Desktop : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(PARLEY_TEST_DIR) / info->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }

  fs::path write(const std::string& name, const std::string& text) const {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  static std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

  DesktopRun run(const fs::path& portfolio, const std::string& extra = "") const {
    const fs::path state = dir_ / "state.json";
    const fs::path errors = dir_ / "stderr.txt";
    const std::string command = "xvfb-run -a '" + std::string(PARLEY_DESKTOP) + "' --portfolio '" +
                                portfolio.string() + "' --frames 4 --test-state '" + state.string() + "' " + extra +
                                " 2> '" + errors.string() + "'";
    DesktopRun r;
    const int status = std::system(command.c_str());
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.errors = read(errors);
    const std::string text = read(state);
    if (!text.empty()) r.state = nlohmann::json::parse(text, nullptr, false);
    return r;
  }

  static parley::Portfolio demo(int accounts) {
    parley::DemoSettings settings;
    settings.seed = 7;
    settings.accounts = accounts;
    return parley::generate_demo_portfolio(settings);
  }

  fs::path dir_;
};

}  // namespace

TEST_F(Desktop, ShowsTheQueueOfALoadedPortfolio) {
  const fs::path portfolio = write("portfolio.json", parley::save_portfolio(demo(20), 2));
  const fs::path screenshot = dir_ / "screen.ppm";
  const DesktopRun r = run(portfolio, "--size 1200x700 --screenshot '" + screenshot.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.errors;
  ASSERT_TRUE(r.state.is_object()) << r.errors;
  EXPECT_EQ(r.state["frame"], 4);
  EXPECT_EQ(r.state["status"], "ready");
  EXPECT_EQ(r.state["error"], "");
  EXPECT_EQ(r.state["accounts"], 20);
  EXPECT_EQ(r.state["selected"], "");

  const nlohmann::json& table = r.state["widgets"]["queue.table"];
  ASSERT_TRUE(table.is_object());
  EXPECT_GT(table["w"].get<float>(), 1000.0f);
  EXPECT_GT(table["h"].get<float>(), 500.0f);
  EXPECT_LE(table["x"].get<float>() + table["w"].get<float>(), 1200.0f);
  EXPECT_LE(table["y"].get<float>() + table["h"].get<float>(), 700.0f);
  int rows = 0;
  for (const auto& [name, rect] : r.state["widgets"].items()) {
    if (name.rfind("queue.row.", 0) != 0) continue;
    ++rows;
    EXPECT_GT(rect["w"].get<float>(), 0.0f) << name;
    EXPECT_GT(rect["h"].get<float>(), 0.0f) << name;
  }
  EXPECT_EQ(rows, 20);  // 20 rows fit in 700 pixels

  // The screenshot is the window's framebuffer; text makes dark pixels on the light background.
  const std::string ppm = read(screenshot);
  const std::string header = "P6\n1200 700\n255\n";
  ASSERT_EQ(ppm.size(), header.size() + 1200u * 700u * 3u);
  EXPECT_EQ(ppm.substr(0, header.size()), header);
  std::size_t dark = 0;
  for (std::size_t i = header.size(); i + 2 < ppm.size(); i += 3) {
    if (static_cast<unsigned char>(ppm[i]) < 100 && static_cast<unsigned char>(ppm[i + 1]) < 100) ++dark;
  }
  EXPECT_GT(dark, 5000u);
}

TEST_F(Desktop, SelectedAccountShowsThePlanQuoterWithALiveQuote) {
  const parley::Portfolio p = demo(20);
  const parley::Account& account = p.accounts[3];
  const fs::path portfolio = write("portfolio.json", parley::save_portfolio(p));
  const DesktopRun r = run(portfolio, "--size 1400x1000 --select " + account.id);
  ASSERT_EQ(r.exit_code, 0) << r.errors;
  ASSERT_TRUE(r.state.is_object()) << r.errors;
  EXPECT_EQ(r.state["selected"], account.id);
  EXPECT_EQ(r.state["offers"], 0);

  // The default term is 12 monthly instalments, or the longest a collector may offer without a supervisor; with
  // no interest and no down payment, the payments cover the balance, and the offer needs no approval.
  const nlohmann::json& quote = r.state["quote"];
  ASSERT_TRUE(quote.is_object()) << r.state.dump();
  const parley::Client* client = p.find_client(account.client_id);
  ASSERT_NE(client, nullptr);
  EXPECT_EQ(quote["instalments"], std::min(12, parley::plans::collector_term_months(client->policy)));
  EXPECT_EQ(quote["approvals"], 0);
  EXPECT_GE(quote["total_of_payments"].get<std::int64_t>(), account.balance.total().minor());

  const nlohmann::json& panel = r.state["widgets"]["account.panel"];
  ASSERT_TRUE(panel.is_object());
  for (const char* name : {"quoter.panel", "quoter.term", "quoter.schedule", "quoter.offer"}) {
    const nlohmann::json& w = r.state["widgets"][name];
    ASSERT_TRUE(w.is_object()) << name;
    EXPECT_GT(w["w"].get<float>(), 0.0f) << name;
    EXPECT_GE(w["x"].get<float>(), panel["x"].get<float>()) << name;
    EXPECT_LE(w["x"].get<float>() + w["w"].get<float>(), panel["x"].get<float>() + panel["w"].get<float>() + 0.5f)
        << name;
    EXPECT_LE(w["y"].get<float>() + w["h"].get<float>(), 1000.0f) << name;  // in view without scrolling
  }
}

TEST_F(Desktop, ShowsTheLoadersProblemsForAnInvalidPortfolio) {
  parley::Portfolio p = demo(5);
  p.accounts[1].id = p.accounts[0].id;  // ids must be unique
  const std::string text = parley::save_portfolio(p);
  const parley::PortfolioLoad load = parley::load_portfolio(text);
  ASSERT_FALSE(load.ok());
  const fs::path portfolio = write("duplicate.json", text);

  const DesktopRun r = run(portfolio);
  ASSERT_EQ(r.exit_code, 0) << r.errors;
  EXPECT_EQ(r.state["status"], "error");
  EXPECT_EQ(r.state["accounts"], 0);
  EXPECT_FALSE(r.state["widgets"].contains("queue.table"));
  std::string expected;
  for (const parley::Problem& problem : load.problems) expected += (expected.empty() ? "" : "\n") + problem.text();
  EXPECT_EQ(r.state["error"], expected);
  EXPECT_NE(r.errors.find(load.problems.front().text()), std::string::npos) << r.errors;  // printed too
}

TEST_F(Desktop, ShowsWhyAMissingFileCannotBeRead) {
  const DesktopRun r = run(dir_ / "missing.json");
  ASSERT_EQ(r.exit_code, 0) << r.errors;
  EXPECT_EQ(r.state["status"], "error");
  EXPECT_NE(r.state["error"].get<std::string>().find("missing.json"), std::string::npos);
  EXPECT_NE(r.errors.find("missing.json"), std::string::npos);
}

TEST_F(Desktop, RefusesToRunWithoutAPortfolio) {
  const int status = std::system(("'" + std::string(PARLEY_DESKTOP) + "' --frames 1 2>/dev/null").c_str());
  EXPECT_EQ(WEXITSTATUS(status), 2);
}

// A wrong option is named with its value, every one of them, and the usage follows; no window is opened.
TEST_F(Desktop, NamesEachBadOptionAndPrintsTheUsage) {
  const fs::path errors = dir_ / "stderr.txt";
  const std::string command = "'" + std::string(PARLEY_DESKTOP) +
                              "' --portfolio p.json --frames 0 --size 100x100 --colour red --journal 2> '" +
                              errors.string() + "'";
  const int status = std::system(command.c_str());
  EXPECT_EQ(WEXITSTATUS(status), 2);
  const std::string text = read(errors);
  EXPECT_NE(text.find("parley-desktop: --frames: expected a positive whole number, got \"0\"\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("parley-desktop: --size: expected WIDTHxHEIGHT of at least 200x150, got \"100x100\"\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("parley-desktop: unknown option --colour\n"), std::string::npos) << text;
  EXPECT_NE(text.find("parley-desktop: --journal: needs a value\n"), std::string::npos) << text;
  EXPECT_NE(text.find("usage: parley-desktop --portfolio FILE"), std::string::npos) << text;
}

// An offer event for `account` as an earlier run of the desktop host would have written it to its journal file.
static parley::Event recorded_offer(const parley::Portfolio& portfolio, const parley::Account& account) {
  const parley::Client* client = portfolio.find_client(account.client_id);
  parley::plans::PlanRequest request = parley::plans::opening_request(account, *client, portfolio.as_of);
  auto quoted = parley::plans::quote_plan(request);
  for (int i = 0; i < 5 && quoted.ok(); ++i) {
    const auto check = parley::plans::check_policy(request, *quoted.quote);
    if (check.compliant() || !check.violations.front().alternative) break;
    request = *check.violations.front().alternative;
    quoted = parley::plans::quote_plan(request);
  }
  parley::Event event;
  event.id = parley::EventId::from_parts(0x0190, 0x77);
  event.account_id = account.id;
  event.author = {"local-user", "desktop-0123456789abcdef"};
  event.recorded_at = parley::Instant::from_unix_seconds(std::int64_t{portfolio.as_of.days_since_epoch()} * 86400);
  event.sequence = 1;
  event.payload =
      parley::PlanAccepted{parley::plans::save_request(request), parley::plans::quote_digest(*quoted.quote)};
  return event;
}

TEST_F(Desktop, JournalFileOffersShowAgainAfterARestart) {
  const parley::Portfolio portfolio = demo(12);
  const fs::path file = write("portfolio.json", parley::save_portfolio(portfolio));
  const parley::Account& account = portfolio.accounts[3];
  const std::string line = parley::save_event(recorded_offer(portfolio, account)) + "\n";
  const fs::path journal = write("journal.jsonl", line);

  const DesktopRun r = run(file, "--select " + account.id + " --journal '" + journal.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.errors;
  EXPECT_EQ(r.state["selected"], account.id);
  EXPECT_EQ(r.state["offers"], 1);
  EXPECT_EQ(r.state["offer_sync"], (nlohmann::json{"unsent"}));
  EXPECT_NE(r.errors.find("1 events loaded"), std::string::npos) << r.errors;
  EXPECT_EQ(read(journal), line);  // reading writes nothing

  // A crash mid-write left half a line: reported, set aside, and the complete offer still shows.
  std::ofstream(journal, std::ios::binary | std::ios::app) << line.substr(0, 40);
  const DesktopRun cut = run(file, "--select " + account.id + " --journal '" + journal.string() + "'");
  ASSERT_EQ(cut.exit_code, 0) << cut.errors;
  EXPECT_EQ(cut.state["offers"], 1);
  EXPECT_NE(cut.errors.find("line 2"), std::string::npos) << cut.errors;
  EXPECT_NE(cut.errors.find("cut short"), std::string::npos) << cut.errors;
  EXPECT_EQ(read(journal), line);
  EXPECT_EQ(read(fs::path(journal.string() + ".truncated")), line.substr(0, 40) + "\n");
}

TEST_F(Desktop, AJournalFileWithABadLineStopsTheProgram) {
  const parley::Portfolio portfolio = demo(5);
  const fs::path file = write("portfolio.json", parley::save_portfolio(portfolio));
  const std::string text = "{\"id\":1}\n" + parley::save_event(recorded_offer(portfolio, portfolio.accounts[0])) + "\n";
  const fs::path journal = write("journal.jsonl", text);
  const DesktopRun r = run(file, "--journal '" + journal.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.errors.find("line 1"), std::string::npos) << r.errors;
  EXPECT_EQ(read(journal), text);
}


// The desktop host hands in the rule packs of --assets: the banner of an open account is never blocked by a pack
// that did not load; a missing rules folder blocks every contact (fail closed) and names itself.
TEST_F(Desktop, RulePacksFromTheAssetsFolderFeedTheBannerAndAMissingFolderBlocksContact) {
  const parley::Portfolio p = demo(20);
  const fs::path portfolio = write("portfolio.json", parley::save_portfolio(p));
  const std::string select = " --select " + p.accounts[0].id;

  const DesktopRun loaded = run(portfolio, "--size 1400x1000" + select);
  ASSERT_EQ(loaded.exit_code, 0) << loaded.errors;
  const nlohmann::json& contact = loaded.state["contact"];
  ASSERT_TRUE(contact.is_object()) << loaded.state.dump();
  for (const auto& rule : contact["reasons"]) {
    EXPECT_NE(rule, "rule-pack-failed");
    EXPECT_NE(rule, "rule-packs-loading");
    EXPECT_NE(rule, "no-rule-pack");
  }
  EXPECT_TRUE(loaded.state["widgets"].contains("contact.banner"));
  EXPECT_TRUE(loaded.state["widgets"].contains("contact.call"));

  const std::string no_assets = "--assets '" + (dir_ / "no-assets").string() + "'";
  const DesktopRun missing = run(portfolio, "--size 1400x1000 " + no_assets + select);
  ASSERT_EQ(missing.exit_code, 0) << missing.errors;
  EXPECT_EQ(missing.state["contact"]["allowed"], false);
  bool failed = false;
  for (const auto& rule : missing.state["contact"]["reasons"]) failed = failed || rule == "rule-pack-failed";
  EXPECT_TRUE(failed) << missing.state["contact"].dump();
}

// The limited-content message names the collector and gives a callback number: the desktop takes them as options;
// without --caller the signed-in user is named, and without --callback the portfolio agency's number is given.
TEST_F(Desktop, CallerOptionsReachTheContactScript) {
  const parley::Portfolio p = demo(5);
  const fs::path portfolio = write("portfolio.json", parley::save_portfolio(p));
  const std::string select = " --select " + p.accounts[0].id;

  const DesktopRun named =
      run(portfolio, "--size 1400x1000 --caller 'Jordan Lee' --business 'JL Services' --callback +18005550100" + select);
  ASSERT_EQ(named.exit_code, 0) << named.errors;
  const nlohmann::json& caller = named.state["contact"]["caller"];
  EXPECT_EQ(caller["name"], "Jordan Lee") << named.state["contact"].dump();
  EXPECT_EQ(caller["business"], "JL Services");
  EXPECT_EQ(caller["callback"], "+18005550100");

  const DesktopRun plain = run(portfolio, "--size 1400x1000" + select);
  ASSERT_EQ(plain.exit_code, 0) << plain.errors;
  EXPECT_EQ(plain.state["contact"]["caller"]["name"], "local-user");
  ASSERT_TRUE(p.agency.has_value());
  EXPECT_EQ(plain.state["contact"]["caller"]["callback"], p.agency->phone);
}
