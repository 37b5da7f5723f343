#pragma once
// The seam between the shell and the window it runs in: what a host provides (FrameHost) and the one frame loop
// that both hosts run (FrameLoop, run_frames). The desktop host (shell/native/) and the browser host (web/) each
// implement FrameHost over GLFW and OpenGL (shell/glfw/); the shell's tests implement it without a window.
//
// Index of this file:
// [SECTION] Metrics      the window's size, its framebuffer and the display scale, once a frame
// [SECTION] Frame host   what a host provides: input, metrics, drawing, the clipboard, the loop, its services
// [SECTION] Frame loop   one frame of the App on a host, and the loop of them
//
// One frame, on every host:
//   host.poll_events()                 the input that arrived since the last frame
//   host.metrics()                     the window in ImGui units (window / CSS pixels), its framebuffer, the scale
//   app.set_display_scale(scale)       when it changed, the fonts are rebuilt and host.reload_fonts() uploads them
//   host.new_frame(metrics)            the platform and renderer backends' NewFrame; input in ImGui units
//   io.DisplaySize and io.DisplayFramebufferScale from the metrics
//   ImGui::NewFrame(), app.frame(), ImGui::Render()
//   host.end_frame(metrics, frame)     ImGui's draw data drawn and shown
// The host owns the window, the ImGui context and the loop (host.run); the App is built with host.services(), to
// which the host's main adds where recorded events go (HostServices::publish) and the caller.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "parley/shell/app.h"

namespace parley::shell {

// [SECTION] Metrics -------------------------------------------------------------------------------------------

struct FrameMetrics {
  float width = 0, height = 0;                        // the window in ImGui units (window / CSS pixels)
  int framebuffer_width = 0, framebuffer_height = 0;  // what is drawn into, in device pixels
  std::optional<DisplayScale> scale;  // nullopt when it cannot be told (a minimised window): the last one stays
};

struct FrameInfo {
  int number = 0;     // 1 for the first frame drawn
  bool last = false;  // no frame follows (a run of a set number of frames): the desktop's screenshot is taken then
};

// [SECTION] Frame host ----------------------------------------------------------------------------------------

class FrameHost {
 public:
  virtual ~FrameHost() = default;

  // The platform's clock, event ids and author (system_host_services) and the collector's time zone.
  virtual HostServices services() const = 0;

  virtual void poll_events() = 0;     // takes the input that arrived; the browser's comes on its own
  virtual FrameMetrics metrics() = 0;  // the window now (the browser fits the canvas to its CSS size first)
  virtual void reload_fonts() = 0;     // the App rebuilt its font atlas: upload the texture again
  virtual void new_frame(const FrameMetrics& metrics) = 0;  // backends' NewFrame, before ImGui::NewFrame()
  virtual void end_frame(const FrameMetrics& metrics, const FrameInfo& frame) = 0;  // after ImGui::Render()

  virtual std::string clipboard_text() = 0;  // what a paste inserts; empty when there is nothing
  virtual void set_clipboard_text(std::string_view text) = 0;  // what a copy (Ctrl+C) took

  // Calls `frame` once a display refresh until it returns false or the window is closed. The desktop returns
  // then; the browser never returns: the page's animation frames keep calling `frame`, which it keeps.
  virtual void run(std::function<bool()> frame) = 0;
};

// [SECTION] Frame loop ----------------------------------------------------------------------------------------

class FrameLoop {
 public:
  // Needs the host's ImGui context to be current. Routes ImGui's clipboard through the host and gives the app the
  // host's display scale before the first frame. `frames` > 0: frame() says stop after that many.
  FrameLoop(FrameHost& host, App& app, int frames = 0);
  ~FrameLoop();  // ImGui's clipboard goes back to what it was
  FrameLoop(const FrameLoop&) = delete;
  FrameLoop& operator=(const FrameLoop&) = delete;

  bool frame();                       // draws one frame (see the top of this file); false: that was the last
  int drawn() const { return drawn_; }  // frames drawn so far

 private:
  static const char* get_clipboard(void* loop);
  static void set_clipboard(void* loop, const char* text);

  FrameHost& host_;
  App& app_;
  int limit_;
  int drawn_ = 0;
  std::string clipboard_;  // the text handed to ImGui by the last get_clipboard, kept alive until the next
  const char* (*previous_get_)(void*) = nullptr;
  void (*previous_set_)(void*, const char*) = nullptr;
  void* previous_user_ = nullptr;
};

// Runs `app` on `host` until the window is closed or `frames` (> 0) are drawn, and returns the frames drawn (the
// browser's run never returns). The loop lives as long as the host keeps the frame function.
int run_frames(FrameHost& host, App& app, int frames = 0);

}  // namespace parley::shell
