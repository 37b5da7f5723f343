// The frame loop both hosts run (parley/shell/frame_host.h), on a host without a window: what it asks of the host
// each frame, the display scale and the font texture, ImGui's view of the window, the clipboard, and when it stops.
// Runs natively and in wasm under node.

#include "parley/shell/frame_host.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "parley/portfolio_json.h"
#include "shell_fixtures.h"

namespace ps = parley::shell;
using namespace parley::shell_test;

namespace {

// A host without a window: reports the metrics a test sets, records what the loop asks of it, and draws nothing.
class FakeHost : public ps::FrameHost {
 public:
  ps::FrameMetrics next;          // what metrics() reports
  int close_after = 0;            // run() stops after this many frames, as when the window is closed
  std::vector<std::string> calls;  // poll, metrics, reload, new_frame, end_frame: in order
  std::vector<ps::FrameInfo> ended;
  std::vector<ImVec2> display_sizes;  // io.DisplaySize as ImGui::Render() left it, each frame
  std::vector<ImVec2> framebuffer_scales;
  std::string clipboard;          // what a paste gets
  std::vector<std::string> copied;

  FakeHost() {
    next.width = 1280;
    next.height = 800;
    next.framebuffer_width = 1280;
    next.framebuffer_height = 800;
    next.scale = ps::DisplayScale{};
  }
  ps::HostServices services() const override { return {}; }
  void poll_events() override { calls.push_back("poll"); }
  ps::FrameMetrics metrics() override {
    calls.push_back("metrics");
    return next;
  }
  void reload_fonts() override { calls.push_back("reload"); }
  void new_frame(const ps::FrameMetrics&) override {
    calls.push_back("new_frame");
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // what a renderer backend does
  }
  void end_frame(const ps::FrameMetrics&, const ps::FrameInfo& frame) override {
    calls.push_back("end_frame");
    ended.push_back(frame);
    const ImDrawData* draw = ImGui::GetDrawData();
    display_sizes.push_back(draw ? draw->DisplaySize : ImVec2(-1, -1));
    framebuffer_scales.push_back(draw ? draw->FramebufferScale : ImVec2(-1, -1));
  }
  std::string clipboard_text() override { return clipboard; }
  void set_clipboard_text(std::string_view text) override { copied.emplace_back(text); }
  void run(std::function<bool()> frame) override {
    for (int i = 0; i < close_after; ++i) {
      if (!frame()) break;
    }
  }
  int count(std::string_view call) const {
    int n = 0;
    for (const std::string& c : calls) n += c == call;
    return n;
  }
};

class FrameLoopTest : public FrameTest {
 protected:
  void SetUp() override {
    FrameTest::SetUp();
    app_ = std::make_unique<ps::App>(read_font());
  }
  FakeHost host_;
};

}  // namespace

TEST_F(FrameLoopTest, EachFrameAsksTheHostInOrder) {
  host_.close_after = 2;
  EXPECT_EQ(ps::run_frames(host_, *app_), 2);
  EXPECT_EQ(host_.calls, (std::vector<std::string>{"metrics",  // the starting scale, before any frame
                                                   "poll", "metrics", "new_frame", "end_frame",  //
                                                   "poll", "metrics", "new_frame", "end_frame"}));
  EXPECT_EQ(app_->frames(), 2);
}

TEST_F(FrameLoopTest, ASetNumberOfFramesEndsWithTheLastMarked) {
  host_.close_after = 100;
  EXPECT_EQ(ps::run_frames(host_, *app_, 3), 3);
  ASSERT_EQ(host_.ended.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(host_.ended[i].number, i + 1);
    EXPECT_EQ(host_.ended[i].last, i == 2) << i;
  }
  EXPECT_EQ(app_->frames(), 3);
}

TEST_F(FrameLoopTest, WithoutALimitTheWindowDecidesAndNoFrameIsTheLast) {
  host_.close_after = 4;
  EXPECT_EQ(ps::run_frames(host_, *app_), 4);
  for (const ps::FrameInfo& frame : host_.ended) EXPECT_FALSE(frame.last) << frame.number;
}

TEST_F(FrameLoopTest, TheStartingScaleNeedsNoReloadAndAChangeNeedsOne) {
  host_.next.framebuffer_width = 2560;
  host_.next.framebuffer_height = 1600;
  host_.next.scale = ps::DisplayScale{2.0f, 1.0f};
  ps::FrameLoop loop(host_, *app_);
  EXPECT_FLOAT_EQ(ImGui::GetIO().FontGlobalScale, 0.5f);  // glyphs rasterised at 2 device pixels a unit
  ASSERT_TRUE(loop.frame());
  ASSERT_TRUE(loop.frame());
  EXPECT_EQ(host_.count("reload"), 0);

  host_.next.framebuffer_width = 1280;  // the window moved to a screen of pixel ratio 1
  host_.next.framebuffer_height = 800;
  host_.next.scale = ps::DisplayScale{1.0f, 1.0f};
  ASSERT_TRUE(loop.frame());
  EXPECT_EQ(host_.count("reload"), 1);
  EXPECT_FLOAT_EQ(ImGui::GetIO().FontGlobalScale, 1.0f);
  ASSERT_TRUE(loop.frame());
  EXPECT_EQ(host_.count("reload"), 1);
  // The reload comes after the metrics and before the backends' NewFrame, which draws with the new texture.
  const std::vector<std::string> third(host_.calls.begin() + 9, host_.calls.begin() + 14);
  EXPECT_EQ(third, (std::vector<std::string>{"poll", "metrics", "reload", "new_frame", "end_frame"}));
}

TEST_F(FrameLoopTest, AWindowWhoseScaleCannotBeToldKeepsTheLastOne) {
  host_.next.scale = ps::DisplayScale{2.0f, 1.5f};
  ps::FrameLoop loop(host_, *app_);
  host_.next = ps::FrameMetrics{};  // minimised: no size, no scale
  ASSERT_TRUE(loop.frame());
  EXPECT_EQ(host_.count("reload"), 0);
  EXPECT_FLOAT_EQ(ImGui::GetIO().FontGlobalScale, 0.5f);
}

TEST_F(FrameLoopTest, ImGuiSeesTheWindowInItsUnitsAndTheFramebufferAsItsScale) {
  app_->dispatch(ps::PortfolioReceived{"demo", parley::save_portfolio(demo_portfolio(30))});
  host_.next.width = 1000;
  host_.next.height = 600;
  host_.next.framebuffer_width = 1500;
  host_.next.framebuffer_height = 900;
  host_.next.scale = ps::DisplayScale{1.5f, 1.0f};
  host_.close_after = 2;
  ps::run_frames(host_, *app_);
  ASSERT_EQ(host_.display_sizes.size(), 2u);
  EXPECT_FLOAT_EQ(host_.display_sizes[1].x, 1000.0f);
  EXPECT_FLOAT_EQ(host_.display_sizes[1].y, 600.0f);
  EXPECT_FLOAT_EQ(host_.framebuffer_scales[1].x, 1.5f);
  EXPECT_FLOAT_EQ(host_.framebuffer_scales[1].y, 1.5f);
  const nlohmann::json table = state()["widgets"]["queue.table"];
  ASSERT_TRUE(table.is_object()) << state().dump();
  EXPECT_GT(table["w"].get<float>(), 900.0f);
  EXPECT_LE(table["x"].get<float>() + table["w"].get<float>(), 1000.0f);
  EXPECT_LE(table["y"].get<float>() + table["h"].get<float>(), 600.0f);
}

TEST_F(FrameLoopTest, CopyAndPasteGoThroughTheHost) {
  const auto previous_get = ImGui::GetIO().GetClipboardTextFn;
  {
    ps::FrameLoop loop(host_, *app_);
    ImGui::SetClipboardText("A000123");
    EXPECT_EQ(host_.copied, (std::vector<std::string>{"A000123"}));
    host_.clipboard = "+18005550100";
    EXPECT_STREQ(ImGui::GetClipboardText(), "+18005550100");
    host_.clipboard.clear();
    EXPECT_STREQ(ImGui::GetClipboardText(), "");
  }
  EXPECT_EQ(ImGui::GetIO().GetClipboardTextFn, previous_get);  // the loop gave ImGui's clipboard back
}
