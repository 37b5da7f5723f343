#pragma once
// What the desktop and the browser hosts share: a FrameHost over a GLFW window with an OpenGL (ES) context, drawn
// with Dear ImGui's GLFW and OpenGL 3 backends. It owns the ImGui context, the backends and the window; the two
// hosts (shell/native/desktop_frame_host.h, web/browser_frame_host.h) say how the window is made and measured,
// how a frame is shown and how the loop runs.

#include <string>
#include <string_view>

#include "parley/shell/frame_host.h"

struct GLFWwindow;

namespace parley::shell {

class GlfwFrameHost : public FrameHost {
 public:
  ~GlfwFrameHost() override;  // the backends, the ImGui context, the window, then GLFW itself
  GlfwFrameHost(const GlfwFrameHost&) = delete;
  GlfwFrameHost& operator=(const GlfwFrameHost&) = delete;

  void reload_fonts() override;
  void new_frame(const FrameMetrics& metrics) override;  // the OpenGL 3 and GLFW backends' NewFrame
  void end_frame(const FrameMetrics& metrics, const FrameInfo& frame) override;  // clears, draws, then present()
  std::string clipboard_text() override;                 // the window system's clipboard, through GLFW
  void set_clipboard_text(std::string_view text) override;

 protected:
  // Takes `window` (made by glfwCreateWindow after glfwInit, its context current) and creates the ImGui context
  // and the backends, with keyboard navigation on: every widget is reachable by Tab. `glsl_version` is the
  // renderer's shader dialect: "#version 130" for OpenGL 3, "#version 100" for WebGL.
  GlfwFrameHost(GLFWwindow* window, const char* glsl_version);

  // Shows the frame end_frame drew: the desktop swaps buffers, the browser shows the canvas by itself.
  virtual void present(const FrameMetrics& metrics, const FrameInfo& frame) = 0;

  GLFWwindow* window() const { return window_; }

 private:
  GLFWwindow* window_;
};

}  // namespace parley::shell
