#pragma once
// Shared fixtures of the shell tests that run without a window (parley_shell_tests): files read whole, the demo
// portfolio, and a test fixture that owns an ImGui context and builds frames of the shell with ImGui's null
// backend (no inputs but the ones the test feeds, no graphics output).
//
// Index of this file:
// [SECTION] Files and data
// [SECTION] Contact        the shipped rule packs, New York's clock and a New York debtor who can be verified
// [SECTION] Frames
// [SECTION] App frames     an App on the demo portfolio with the rule packs, a clock the test sets, clicks by widget

#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <span>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/contact/contact.h"
#include "parley/demo.h"
#include "parley/portfolio_json.h"
#include "parley/shell/app.h"
#include "parley/time_zone.h"

namespace parley::shell_test {

// [SECTION] Files and data --------------------------------------------------------------------------------------------

inline std::string read_text(const std::filesystem::path& path) {  // the whole file; empty when unreadable
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline std::vector<unsigned char> read_font() {  // the bytes of the shell's font (PARLEY_FONT_FILE)
  std::ifstream in(PARLEY_FONT_FILE, std::ios::binary);
  return std::vector<unsigned char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The demo portfolio of `accounts` accounts from `seed` (7: the one the frame and contact tests were written on).
inline Portfolio demo_portfolio(int accounts, std::uint64_t seed = 7) {
  DemoSettings settings;
  settings.seed = seed;
  settings.accounts = accounts;
  return generate_demo_portfolio(settings);
}

// [SECTION] Contact ---------------------------------------------------------------------------------------------------

// Every assets/rules/*.json as the hosts hand them in: (name, text), in name order.
inline std::vector<shell::AssetReceived> rule_packs() {
  std::vector<shell::AssetReceived> packs;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(PARLEY_ASSETS_DIR) / "rules")) {
    if (entry.path().extension() != ".json") continue;
    packs.push_back({"rules/" + entry.path().filename().string(), read_text(entry.path())});
  }
  std::sort(packs.begin(), packs.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return packs;
}

// assets/strategies/standard.json as the hosts hand it in.
inline shell::AssetReceived standard_strategy() {
  return {"strategies/standard.json",
          read_text(std::filesystem::path(PARLEY_ASSETS_DIR) / "strategies" / "standard.json")};
}

// The shipped goal plan, as a host hands it in.
inline shell::AssetReceived goal_plan() {
  return {"goals/agency.json", read_text(std::filesystem::path(PARLEY_ASSETS_DIR) / "goals" / "agency.json")};
}

// assets/calendars/<id>.json
inline std::string calendar_text(const std::string& id) {
  return read_text(std::filesystem::path(PARLEY_ASSETS_DIR) / "calendars" / (id + ".json"));
}

inline TimeZone new_york() { return *TimeZone::find("America/New_York"); }

// `seconds` past local midnight of the portfolio's date in New York.
inline Instant new_york_time(const Portfolio& portfolio, int seconds) {
  return from_local(new_york(), portfolio.as_of, seconds).earliest();
}

// A US account whose debtor lives in New York's zone, has a phone that may be called and can be verified with two
// questions (date of birth, postal code); empty when the demo has none.
inline std::string new_york_account(const Portfolio& portfolio) {
  for (const Account& account : portfolio.accounts) {
    if (account.jurisdiction.rfind("US-", 0) != 0 || account.jurisdiction == "US-MA") continue;
    const Party* debtor = account.debtor();
    if (!debtor || debtor->addresses.empty() || debtor->addresses[0].time_zone != "America/New_York") continue;
    if (!debtor->birth_date || debtor->phones.empty() || !debtor->phones[0].consent_call) continue;
    const std::vector<IdentityQuestion> questions = identity_questions(*debtor);
    const auto has = [&](IdentityQuestion q) {
      return std::find(questions.begin(), questions.end(), q) != questions.end();
    };
    if (has(IdentityQuestion::birth_date) && has(IdentityQuestion::postal_code)) return account.id;
  }
  return {};
}

// The right answers of the debtor: date of birth and postal code.
inline std::vector<Answer> right_answers(const Party& debtor) {
  return {{IdentityQuestion::birth_date, debtor.birth_date->iso()},
          {IdentityQuestion::postal_code, debtor.addresses[0].postal.postal_code}};
}

// [SECTION] Frames ----------------------------------------------------------------------------------------------------

// Owns the ImGui context of one test (created in SetUp, destroyed in TearDown after app_) and drives frames of
// app_, which the derived fixture's SetUp builds after calling FrameTest::SetUp().
class FrameTest : public ::testing::Test {
 protected:
  explicit FrameTest(ImVec2 display = ImVec2(1280.0f, 800.0f)) : display_(display) {}  // the window's size

  void SetUp() override {  // a context with the window's size, 60 frames a second
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = display_;
    io.DeltaTime = 1.0f / 60.0f;
  }
  void TearDown() override {  // the app first, then the context it drew in
    app_.reset();
    ImGui::DestroyContext();
  }
  void frames(int n) {  // builds n whole frames of app_, as a host's frame loop does
    for (int i = 0; i < n; ++i) {
      unsigned char* pixels = nullptr;
      int w = 0, h = 0;
      ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // what a renderer backend does
      ImGui::NewFrame();
      app_->frame();
      ImGui::Render();
    }
  }
  nlohmann::json state() const {  // the app's test state (status, widgets' rectangles, ...)
    return nlohmann::json::parse(app_->test_state_json());
  }
  // A left click at (x, y): move, press, release, then frames until the widgets stop moving (a panel whose content
  // shrank takes a frame or two to clamp its scrolling), as a person waits for the screen before the next click.
  void click(float x, float y) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x, y);
    frames(1);
    io.MouseDown[0] = true;
    frames(1);
    io.MouseDown[0] = false;
    frames(2);
    settle();
  }
  void settle() {  // frames until the widgets' rectangles are where they were a frame before (at most ten)
    nlohmann::json before = state()["widgets"];
    for (int i = 0; i < 10; ++i) {
      frames(1);
      nlohmann::json after = state()["widgets"];
      if (after == before) return;
      before = std::move(after);
    }
  }

  std::unique_ptr<shell::App> app_;  // the shell under test

 private:
  ImVec2 display_;
};

// [SECTION] App frames ------------------------------------------------------------------------------------------------

// An App on the portfolio given to start() (the demo's 80 accounts by default) with every shipped rule pack, a host
// clock the test sets (now_), the collector in London, and input by widget name.
class AppFrames : public FrameTest {
 protected:
  explicit AppFrames(ImVec2 display = ImVec2(1400.0f, 1000.0f)) : FrameTest(display) {}

  void SetUp() override {
    FrameTest::SetUp();
    portfolio_ = demo_portfolio(80);
    id_ = new_york_account(portfolio_);
  }
  // Builds the app on portfolio_ with `host` (its clock and zone set here unless the test set them; its author is
  // author_).
  void start(shell::HostServices host = {}) {
    if (!host.now) host.now = [this] { return now_; };
    host.author = author_;
    if (host.time_zone.empty()) host.time_zone = "Europe/London";
    if (!host.publish) host.publish = [this](std::span<const Event> events) {
      published_.insert(published_.end(), events.begin(), events.end());
    };
    app_ = std::make_unique<shell::App>(read_font(), host);
    app_->dispatch(shell::PortfolioReceived{"demo", save_portfolio(portfolio_)});
    for (shell::AssetReceived& pack : rule_packs()) app_->dispatch(std::move(pack));
  }
  using FrameTest::click;
  void click(const std::string& widget) {  // a click on the named widget, at most 30 px in from its left edge
    const nlohmann::json s = state();
    ASSERT_TRUE(s["widgets"].contains(widget)) << widget;
    const nlohmann::json& r = s["widgets"][widget];
    click(r["x"].get<float>() + std::min(r["w"].get<float>() / 2, 30.0f),
          r["y"].get<float>() + r["h"].get<float>() / 2);
  }
  void type(const std::string& widget, const std::string& text) {  // clicks a text box and types into it
    click(widget);
    for (char c : text) ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(c));
    frames(2);
  }
  // Wheels the scrolling child `container` (a widget name, such as "contact.panel") with the mouse over it until
  // widget `name` lies inside it, as a collector scrolls down to a form.
  void scroll_into_view(const std::string& container, const std::string& name) {
    for (int i = 0; i < 40; ++i) {
      const nlohmann::json s = state();
      ASSERT_TRUE(s["widgets"].contains(container)) << container;
      ASSERT_TRUE(s["widgets"].contains(name)) << name;
      const nlohmann::json& box = s["widgets"][container];
      const nlohmann::json& r = s["widgets"][name];
      const float top = box["y"].get<float>(), bottom = top + box["h"].get<float>();
      const float y = r["y"].get<float>(), h = r["h"].get<float>();
      if (y >= top && y + h <= bottom) return;
      ImGuiIO& io = ImGui::GetIO();
      io.MousePos = ImVec2(box["x"].get<float>() + box["w"].get<float>() - 8.0f, (top + bottom) / 2);
      io.MouseWheel = y < top ? 1.0f : -1.0f;
      frames(1);
      io.MouseWheel = 0.0f;
      frames(1);
    }
    FAIL() << name << " did not scroll into " << container;
  }
  void alt_key(char letter) {  // Alt + the letter, as a collector presses an outcome's shortcut
    ImGuiIO& io = ImGui::GetIO();
    io.KeyAlt = true;
    frames(1);
    io.KeysDown[static_cast<unsigned char>(letter)] = true;
    frames(1);
    io.KeysDown[static_cast<unsigned char>(letter)] = false;
    frames(1);
    io.KeyAlt = false;
    frames(2);
  }
  const Account& account() const { return *app_->state().data->find_account(id_); }

  Portfolio portfolio_;
  std::string id_;
  Instant now_;
  std::vector<Event> published_;  // what the App asked the host to publish, in order
  Author author_{"u-collector", "d-desk"};  // the host's user and device from the next start()
};

}  // namespace parley::shell_test
