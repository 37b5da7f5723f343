// parley-desktop in a virtual X display (xvfb-run): a few frames, then its test state and screenshot.

#include <gtest/gtest.h>

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

  // The default term is 12 instalments; with no interest and no down payment, the payments cover the balance.
  const nlohmann::json& quote = r.state["quote"];
  ASSERT_TRUE(quote.is_object()) << r.state.dump();
  EXPECT_EQ(quote["instalments"], 12);
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
