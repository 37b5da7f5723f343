#pragma once
// The desktop's FrameHost: a GLFW window with an OpenGL 3 context, measured in window coordinates with the
// monitor's content scale, buffers swapped each frame, and a plain loop until the window is closed.

#include <memory>
#include <string>

#include "glfw_frame_host.h"

namespace parley::desktop {

struct WindowSettings {
  int width = 1280;        // in screen coordinates
  int height = 800;
  bool vsync = true;       // wait for the display between frames; off for a run of a set number of frames
  std::string screenshot;  // where the last frame of such a run is written as a binary PPM; empty: nowhere
};

class DesktopFrameHost final : public shell::GlfwFrameHost {
 public:
  // The window, or null when GLFW or the window cannot be made (GLFW's errors are printed on stderr).
  static std::unique_ptr<DesktopFrameHost> open(const WindowSettings& settings);

  // system_host_services("desktop"); the collector's zone is TZ when it names a zone, else the zone /etc/localtime
  // links to, else UTC.
  shell::HostServices services() const override;
  void poll_events() override;
  shell::FrameMetrics metrics() override;  // the scale: framebuffer / window size, and the content scale beyond it
  void run(std::function<bool()> frame) override;

 private:
  DesktopFrameHost(GLFWwindow* window, WindowSettings settings);
  void present(const shell::FrameMetrics& metrics, const shell::FrameInfo& frame) override;

  WindowSettings settings_;
};

}  // namespace parley::desktop
