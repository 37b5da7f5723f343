#pragma once
// The browser's FrameHost: Emscripten's GLFW window on the page's canvas with a WebGL context, the canvas sized to
// its CSS size times devicePixelRatio every frame, frames run by the page's animation frames
// (emscripten_set_main_loop), and a clipboard of the page's own.
//
// Coordinates: Emscripten's GLFW works in canvas (device) pixels. The shell works in CSS pixels, so the metrics
// give the CSS size, the framebuffer in canvas pixels and devicePixelRatio as the pixel ratio, and new_frame
// restates the mouse in CSS pixels.
//
// The mouse wheel: Emscripten's GLFW hands on the page's wheel deltas as they are (100 pixels a notch in Chromium,
// positive downwards), where ImGui counts notches, positive upwards. This host takes the canvas's wheel events
// itself instead and gives ImGui one unit a notch, in ImGui's direction: a delta in pixels / 100, in lines / 3 (a
// notch in Firefox), in pages as it is.

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <emscripten/html5.h>

#include "glfw_frame_host.h"

namespace parley::web {

class BrowserFrameHost final : public shell::GlfwFrameHost {
 public:
  // The window on the canvas `selector` ("#canvas"), or null when GLFW or the window cannot be made.
  static std::unique_ptr<BrowserFrameHost> open(const char* selector);

  // system_host_services("browser"); the collector's zone is the browser's (the bridge's collectorTimeZone()).
  shell::HostServices services() const override;
  void poll_events() override {}               // the browser delivers input between animation frames
  shell::FrameMetrics metrics() override;      // fits the canvas's backing store to its CSS size first
  void new_frame(const shell::FrameMetrics& metrics) override;  // the backends', then the mouse in CSS pixels
  // Emscripten's GLFW has no clipboard: a copy is kept in the page and also offered to the system's clipboard,
  // when the browser allows (navigator.clipboard); a paste inserts what was last copied in the page.
  std::string clipboard_text() override { return clipboard_; }
  void set_clipboard_text(std::string_view text) override;
  void run(std::function<bool()> frame) override;  // never returns

 private:
  BrowserFrameHost(GLFWwindow* window, const char* selector);
  void present(const shell::FrameMetrics& metrics, const shell::FrameInfo& frame) override;
  static void animation_frame(void* host);
  static EM_BOOL wheel(int event_type, const EmscriptenWheelEvent* event, void* host);

  const char* selector_;
  std::function<bool()> frame_;  // kept for the animation frames
  std::string clipboard_;
};

}  // namespace parley::web
