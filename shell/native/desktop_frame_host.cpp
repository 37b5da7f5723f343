// The desktop's FrameHost (see desktop_frame_host.h).
#include "desktop_frame_host.h"

#include <GLFW/glfw3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>
#include <vector>

#include "parley/zones.h"

namespace parley::desktop {
namespace {

void glfw_error(int code, const char* description) {
  std::cerr << "parley-desktop: GLFW error " << code << ": " << description << "\n";
}

// The current back buffer as a binary PPM (P6), top row first.
bool write_screenshot(const std::string& path, int width, int height) {
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  std::ofstream out(path, std::ios::binary);
  out << "P6\n" << width << " " << height << "\n255\n";
  const std::size_t row = static_cast<std::size_t>(width) * 3;
  for (int y = height - 1; y >= 0; --y) {
    out.write(reinterpret_cast<const char*>(pixels.data() + static_cast<std::size_t>(y) * row),
              static_cast<std::streamsize>(row));
  }
  return static_cast<bool>(out);
}

// The collector's IANA zone: TZ (without a leading ':') when it names a known zone, else the name after
// "zoneinfo/" in the target of /etc/localtime, else empty (UTC).
std::string collector_time_zone() {
  if (const char* tz = std::getenv("TZ"); tz && *tz) {
    std::string name = tz[0] == ':' ? tz + 1 : tz;
    if (is_known_time_zone(name)) return name;
  }
  std::error_code ec;
  const std::string target = std::filesystem::read_symlink("/etc/localtime", ec).generic_string();
  const std::size_t at = target.find("zoneinfo/");
  if (!ec && at != std::string::npos) {
    std::string name = target.substr(at + 9);
    if (is_known_time_zone(name)) return name;
  }
  return {};
}

}  // namespace

std::unique_ptr<DesktopFrameHost> DesktopFrameHost::open(const WindowSettings& settings) {
  glfwSetErrorCallback(glfw_error);
  if (!glfwInit()) return nullptr;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  GLFWwindow* window = glfwCreateWindow(settings.width, settings.height, "Parley", nullptr, nullptr);
  if (!window) {
    glfwTerminate();
    return nullptr;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(settings.vsync ? 1 : 0);
  return std::unique_ptr<DesktopFrameHost>(new DesktopFrameHost(window, settings));
}

DesktopFrameHost::DesktopFrameHost(GLFWwindow* window, WindowSettings settings)
    : GlfwFrameHost(window, "#version 130"), settings_(std::move(settings)) {}

shell::HostServices DesktopFrameHost::services() const {
  shell::HostServices services = shell::system_host_services("desktop");
  services.time_zone = collector_time_zone();
  return services;
}

void DesktopFrameHost::poll_events() { glfwPollEvents(); }

shell::FrameMetrics DesktopFrameHost::metrics() {
  int ww = 0, wh = 0, fw = 0, fh = 0;
  glfwGetWindowSize(window(), &ww, &wh);
  glfwGetFramebufferSize(window(), &fw, &fh);
  shell::FrameMetrics metrics;
  metrics.width = static_cast<float>(ww);
  metrics.height = static_cast<float>(wh);
  metrics.framebuffer_width = fw;
  metrics.framebuffer_height = fh;
  if (ww <= 0 || fw <= 0) return metrics;  // minimised: the scale stays as it was
  // Pixel ratio (framebuffer / window size, e.g. 2 on a Retina Mac) and the monitor's extra zoom beyond it.
  float xs = 1.0f, ys = 1.0f;
  glfwGetWindowContentScale(window(), &xs, &ys);
  shell::DisplayScale scale;
  scale.pixel_ratio = static_cast<float>(fw) / static_cast<float>(ww);
  scale.ui_scale = xs / scale.pixel_ratio;
  if (scale.ui_scale < 0.5f || scale.ui_scale > 4.0f) scale.ui_scale = 1.0f;
  metrics.scale = scale;
  return metrics;
}

void DesktopFrameHost::present(const shell::FrameMetrics& metrics, const shell::FrameInfo& frame) {
  if (frame.last && !settings_.screenshot.empty() &&
      !write_screenshot(settings_.screenshot, metrics.framebuffer_width, metrics.framebuffer_height)) {
    std::cerr << "parley-desktop: cannot write " << settings_.screenshot << "\n";
  }
  glfwSwapBuffers(window());
}

void DesktopFrameHost::run(std::function<bool()> frame) {
  while (!glfwWindowShouldClose(window())) {
    if (!frame()) break;
  }
}

}  // namespace parley::desktop
