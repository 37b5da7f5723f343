#pragma once
// Shared fixtures of the shell tests that run without a window (parley_shell_tests): files read whole, the demo
// portfolio, and a test fixture that owns an ImGui context and builds frames of the shell with ImGui's null
// backend (no inputs but the ones the test feeds, no graphics output).
//
// Index of this file:
// [SECTION] Files and data
// [SECTION] Frames

#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/demo.h"
#include "parley/shell/app.h"

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
  void click(float x, float y) {  // a left click at (x, y): move, press, release, then two frames to settle
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x, y);
    frames(1);
    io.MouseDown[0] = true;
    frames(1);
    io.MouseDown[0] = false;
    frames(2);
  }

  std::unique_ptr<shell::App> app_;  // the shell under test

 private:
  ImVec2 display_;
};

}  // namespace parley::shell_test
