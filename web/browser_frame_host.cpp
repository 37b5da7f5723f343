// The browser's FrameHost (see browser_frame_host.h).
#include "browser_frame_host.h"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <cfloat>
#include <cmath>

namespace parley::web {
namespace {

// Offers `text` (NUL-terminated UTF-8) to the system's clipboard; refused quietly where the page may not write it.
EM_JS(void, offer_to_system_clipboard, (const char* text), {
  const value = UTF8ToString(text);
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(value).catch(() => {});
});

}  // namespace

std::unique_ptr<BrowserFrameHost> BrowserFrameHost::open(const char* selector) {
  if (!glfwInit()) return nullptr;
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(selector, &css_w, &css_h);
  const double ratio = emscripten_get_device_pixel_ratio();
  const int width = css_w >= 1 ? static_cast<int>(std::lround(css_w * ratio)) : 1280;
  const int height = css_h >= 1 ? static_cast<int>(std::lround(css_h * ratio)) : 800;
  GLFWwindow* window = glfwCreateWindow(width, height, "Parley", nullptr, nullptr);
  if (!window) return nullptr;
  glfwMakeContextCurrent(window);
  return std::unique_ptr<BrowserFrameHost>(new BrowserFrameHost(window, selector));
}

BrowserFrameHost::BrowserFrameHost(GLFWwindow* window, const char* selector)
    : GlfwFrameHost(window, "#version 100"), selector_(selector) {
  // The wheel comes through wheel() only (see browser_frame_host.h), not through the GLFW backend's callback.
  glfwSetScrollCallback(window, nullptr);
  emscripten_set_wheel_callback(selector_, this, true, &BrowserFrameHost::wheel);
}

shell::HostServices BrowserFrameHost::services() const {
  shell::HostServices services = shell::system_host_services("browser");
  // The browser's zone (Intl.DateTimeFormat().resolvedOptions().timeZone), asked through the bridge.
  services.time_zone = emscripten_run_script_string(
      "(window.parley && window.parley.collectorTimeZone && window.parley.collectorTimeZone()) || ''");
  return services;
}

// Sizes the canvas backing store to its CSS size times the device pixel ratio. The canvas is sized directly, not
// through glfwSetWindowSize (which asks for fullscreen when the size equals the screen's).
shell::FrameMetrics BrowserFrameHost::metrics() {
  double css_width = 0, css_height = 0;
  emscripten_get_element_css_size(selector_, &css_width, &css_height);
  if (css_width < 1) css_width = 1;
  if (css_height < 1) css_height = 1;
  double ratio = emscripten_get_device_pixel_ratio();
  if (ratio <= 0) ratio = 1;
  const int want_w = static_cast<int>(std::lround(css_width * ratio));
  const int want_h = static_cast<int>(std::lround(css_height * ratio));
  int canvas_width = 0, canvas_height = 0;
  emscripten_get_canvas_element_size(selector_, &canvas_width, &canvas_height);
  if (want_w != canvas_width || want_h != canvas_height) {
    emscripten_set_canvas_element_size(selector_, want_w, want_h);
    canvas_width = want_w;
    canvas_height = want_h;
  }
  shell::FrameMetrics metrics;
  metrics.width = static_cast<float>(css_width);
  metrics.height = static_cast<float>(css_height);
  metrics.framebuffer_width = canvas_width;
  metrics.framebuffer_height = canvas_height;
  metrics.scale = shell::DisplayScale{static_cast<float>(ratio), 1.0f};
  return metrics;
}

void BrowserFrameHost::new_frame(const shell::FrameMetrics& metrics) {
  GlfwFrameHost::new_frame(metrics);
  // The GLFW backend read the mouse in canvas pixels: restate it in CSS pixels.
  ImGuiIO& io = ImGui::GetIO();
  const float sx = static_cast<float>(metrics.framebuffer_width) / metrics.width;
  const float sy = static_cast<float>(metrics.framebuffer_height) / metrics.height;
  if (io.MousePos.x > -FLT_MAX && sx > 0 && sy > 0) io.MousePos = ImVec2(io.MousePos.x / sx, io.MousePos.y / sy);
}

void BrowserFrameHost::set_clipboard_text(std::string_view text) {
  clipboard_ = std::string(text);
  offer_to_system_clipboard(clipboard_.c_str());
}

void BrowserFrameHost::present(const shell::FrameMetrics&, const shell::FrameInfo& frame) {
  // The browser shows the canvas once the animation frame returns; the first one is timed by the page's tests.
  if (frame.number == 1) {
    EM_ASM({
      if (window.parley) window.parley.firstFrameAt = performance.now();
    });
  }
}

EM_BOOL BrowserFrameHost::wheel(int, const EmscriptenWheelEvent* event, void*) {
  double per_notch = 1.0;  // DOM_DELTA_PAGE
  if (event->deltaMode == DOM_DELTA_PIXEL) per_notch = 100.0;
  if (event->deltaMode == DOM_DELTA_LINE) per_notch = 3.0;
  ImGuiIO& io = ImGui::GetIO();
  io.MouseWheel -= static_cast<float>(event->deltaY / per_notch);
  io.MouseWheelH -= static_cast<float>(event->deltaX / per_notch);
  return EM_TRUE;  // taken: the page does not scroll
}

void BrowserFrameHost::animation_frame(void* host) {
  auto* self = static_cast<BrowserFrameHost*>(host);
  if (!self->frame_()) emscripten_cancel_main_loop();
}

void BrowserFrameHost::run(std::function<bool()> frame) {
  frame_ = std::move(frame);
  emscripten_set_main_loop_arg(&BrowserFrameHost::animation_frame, this, 0, true);
}

}  // namespace parley::web
