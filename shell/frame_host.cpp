// The frame loop both hosts run (see parley/shell/frame_host.h).
#include "parley/shell/frame_host.h"

#include <imgui.h>

#include <memory>

namespace parley::shell {

FrameLoop::FrameLoop(FrameHost& host, App& app, int frames) : host_(host), app_(app), limit_(frames) {
  ImGuiIO& io = ImGui::GetIO();
  previous_get_ = io.GetClipboardTextFn;
  previous_set_ = io.SetClipboardTextFn;
  previous_user_ = io.ClipboardUserData;
  io.GetClipboardTextFn = &FrameLoop::get_clipboard;
  io.SetClipboardTextFn = &FrameLoop::set_clipboard;
  io.ClipboardUserData = this;
  // The font texture is first uploaded by the renderer's first NewFrame: no reload for the starting scale.
  if (const std::optional<DisplayScale> scale = host_.metrics().scale) app_.set_display_scale(*scale);
}

FrameLoop::~FrameLoop() {
  ImGuiIO& io = ImGui::GetIO();
  io.GetClipboardTextFn = previous_get_;
  io.SetClipboardTextFn = previous_set_;
  io.ClipboardUserData = previous_user_;
}

bool FrameLoop::frame() {
  host_.poll_events();
  const FrameMetrics metrics = host_.metrics();
  if (metrics.scale && app_.set_display_scale(*metrics.scale)) host_.reload_fonts();
  host_.new_frame(metrics);

  // What the platform backend measured is restated from the metrics: the browser's GLFW knows canvas pixels only.
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(metrics.width, metrics.height);
  if (metrics.width > 0 && metrics.height > 0) {
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(metrics.framebuffer_width) / metrics.width,
                                        static_cast<float>(metrics.framebuffer_height) / metrics.height);
  }

  ImGui::NewFrame();
  app_.frame();
  ImGui::Render();
  ++drawn_;
  const bool last = limit_ > 0 && drawn_ >= limit_;
  host_.end_frame(metrics, FrameInfo{drawn_, last});
  return !last;
}

const char* FrameLoop::get_clipboard(void* loop) {
  auto* self = static_cast<FrameLoop*>(loop);
  self->clipboard_ = self->host_.clipboard_text();
  return self->clipboard_.c_str();
}

void FrameLoop::set_clipboard(void* loop, const char* text) {
  static_cast<FrameLoop*>(loop)->host_.set_clipboard_text(text ? text : "");
}

int run_frames(FrameHost& host, App& app, int frames) {
  auto loop = std::make_shared<FrameLoop>(host, app, frames);
  host.run([loop] { return loop->frame(); });
  return loop->drawn();
}

}  // namespace parley::shell
