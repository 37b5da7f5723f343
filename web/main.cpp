// The browser host: owns the GLFW (Emscripten) window on the page's canvas, the WebGL context and the frame
// loop (emscripten_set_main_loop). The page's bridge (bridge.js) fetches the portfolio and hands it in through
// the exported functions below; the test hook is read back with parley_test_state().
//
// Coordinates: Emscripten's GLFW works in canvas (device) pixels. The shell works in CSS pixels, so each frame
// this host sizes the canvas to CSS size * devicePixelRatio and gives ImGui the CSS size, the ratio as the
// framebuffer scale and the mouse in CSS pixels.

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/journal/journal_json.h"
#include "parley/shell/app.h"

namespace {

constexpr const char* canvas_selector = "#canvas";
constexpr const char* font_path = "/fonts/DejaVuSans.ttf";  // embedded at link time (--embed-file)
constexpr const char* portfolio_url = "/api/portfolio";

struct Host {
  GLFWwindow* window = nullptr;
  std::unique_ptr<parley::shell::App> app;
  double css_width = 0, css_height = 0;  // canvas size in CSS pixels this frame
  int canvas_width = 0, canvas_height = 0;  // canvas backing store in device pixels this frame
  int rendered = 0;                      // frames drawn
  std::string test_state;                // kept alive for parley_test_state()'s caller
};

Host host;

// Hands one recorded event (its JSON line, NUL-terminated) to the bridge's outbox, which sends it to the server.
EM_JS(void, publish_to_bridge, (const char* line), {
  if (window.parley && window.parley.publish) window.parley.publish(UTF8ToString(line));
});

std::vector<unsigned char> read_font() {
  std::ifstream in(font_path, std::ios::binary);
  return std::vector<unsigned char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Sizes the canvas backing store to its CSS size times the device pixel ratio; returns the ratio. The canvas is
// sized directly, not through glfwSetWindowSize (which asks for fullscreen when the size equals the screen's).
float fit_canvas() {
  emscripten_get_element_css_size(canvas_selector, &host.css_width, &host.css_height);
  if (host.css_width < 1) host.css_width = 1;
  if (host.css_height < 1) host.css_height = 1;
  double ratio = emscripten_get_device_pixel_ratio();
  if (ratio <= 0) ratio = 1;
  const int want_w = static_cast<int>(std::lround(host.css_width * ratio));
  const int want_h = static_cast<int>(std::lround(host.css_height * ratio));
  emscripten_get_canvas_element_size(canvas_selector, &host.canvas_width, &host.canvas_height);
  if (want_w != host.canvas_width || want_h != host.canvas_height) {
    emscripten_set_canvas_element_size(canvas_selector, want_w, want_h);
    host.canvas_width = want_w;
    host.canvas_height = want_h;
  }
  return static_cast<float>(ratio);
}

void frame() {
  const float ratio = fit_canvas();
  if (host.app->set_display_scale({ratio, 1.0f})) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();

  // The GLFW backend reported canvas pixels (and a window size it no longer tracks): restate them in CSS pixels.
  const int fb_width = host.canvas_width;
  const int fb_height = host.canvas_height;
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(host.css_width), static_cast<float>(host.css_height));
  const ImVec2 scale(static_cast<float>(fb_width / host.css_width), static_cast<float>(fb_height / host.css_height));
  io.DisplayFramebufferScale = scale;
  if (io.MousePos.x > -FLT_MAX && scale.x > 0 && scale.y > 0) {
    io.MousePos = ImVec2(io.MousePos.x / scale.x, io.MousePos.y / scale.y);
  }

  ImGui::NewFrame();
  host.app->frame();
  ImGui::Render();

  glViewport(0, 0, fb_width, fb_height);
  glClearColor(0.96f, 0.96f, 0.95f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

  if (++host.rendered == 1) {
    EM_ASM({
      if (window.parley) window.parley.firstFrameAt = performance.now();
    });
  }
}

}  // namespace

extern "C" {

// The portfolio JSON text (not NUL-terminated) arrived from the server.
EMSCRIPTEN_KEEPALIVE void parley_portfolio_loaded(const char* text, int length) {
  if (!host.app) return;
  host.app->dispatch(parley::shell::PortfolioReceived{portfolio_url, std::string(text, static_cast<std::size_t>(length))});
}

// Fetching the portfolio failed; `message` says why (NUL-terminated UTF-8).
EMSCRIPTEN_KEEPALIVE void parley_portfolio_failed(const char* message) {
  if (!host.app) return;
  host.app->dispatch(parley::shell::LoadFailed{portfolio_url, message});
}

// The bridge is fetching these rule packs: `names` holds their sources ("rules/US-FEDERAL.json"), one per line.
EMSCRIPTEN_KEEPALIVE void parley_rules_requested(const char* names) {
  if (!host.app) return;
  std::vector<std::string> sources;
  std::string rest = names;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    if (end != 0) sources.push_back(rest.substr(0, end));
    if (end == std::string::npos) break;
    rest.erase(0, end + 1);
  }
  host.app->dispatch(parley::shell::RulesRequested{std::move(sources)});
}

// One rule pack's JSON text (not NUL-terminated) arrived; `source` names it (NUL-terminated).
EMSCRIPTEN_KEEPALIVE void parley_rule_pack_loaded(const char* source, const char* text, int length) {
  if (!host.app) return;
  host.app->dispatch(parley::shell::RulesReceived{source, std::string(text, static_cast<std::size_t>(length))});
}

// Fetching a rule pack (or the list of them) failed; every contact stays blocked.
EMSCRIPTEN_KEEPALIVE void parley_rule_pack_failed(const char* source, const char* message) {
  if (!host.app) return;
  host.app->dispatch(parley::shell::RulesFailed{source, message});
}

// One holiday calendar's JSON text (not NUL-terminated) arrived; `source` names it (NUL-terminated).
EMSCRIPTEN_KEEPALIVE void parley_calendar_loaded(const char* source, const char* text, int length) {
  if (!host.app) return;
  host.app->dispatch(parley::shell::CalendarReceived{source, std::string(text, static_cast<std::size_t>(length))});
}

// Fetching a holiday calendar (or the list of them) failed; the quoter shows why and rolls no due dates by it.
EMSCRIPTEN_KEEPALIVE void parley_calendar_failed(const char* source, const char* message) {
  if (!host.app) return;
  host.app->dispatch(parley::shell::CalendarFailed{source, message});
}

// Journal events (JSON Lines, not NUL-terminated) from the server (`acknowledged` = 1) or the bridge's outbox
// (0): merged into the journal.
EMSCRIPTEN_KEEPALIVE void parley_journal_received(const char* text, int length, int acknowledged) {
  if (!host.app) return;
  host.app->dispatch(parley::shell::JournalReceived{acknowledged ? "/api/events" : "outbox",
                                                    std::string(text, static_cast<std::size_t>(length)),
                                                    acknowledged != 0});
}

// The server stored these events (ids of 32 hex digits, one per line).
EMSCRIPTEN_KEEPALIVE void parley_events_acknowledged(const char* ids) {
  if (!host.app) return;
  parley::shell::EventsAcknowledged acknowledged;
  std::string_view rest(ids);
  while (!rest.empty()) {
    const std::size_t end = std::min(rest.find('\n'), rest.size());
    if (auto id = parley::EventId::parse(rest.substr(0, end))) acknowledged.ids.push_back(*id);
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  host.app->dispatch(std::move(acknowledged));
}

// The server refused this event; `reason` is its error message.
EMSCRIPTEN_KEEPALIVE void parley_event_rejected(const char* id, const char* reason) {
  if (!host.app) return;
  if (auto parsed = parley::EventId::parse(id)) host.app->dispatch(parley::shell::EventRejected{*parsed, reason});
}

// The test hook's state JSON (NUL-terminated UTF-8), valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* parley_test_state() {
  host.test_state = host.app ? host.app->test_state_json() : std::string("{}");
  return host.test_state.c_str();
}

}  // extern "C"

int main() {
  if (!glfwInit()) return 1;
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(canvas_selector, &css_w, &css_h);
  const double ratio = emscripten_get_device_pixel_ratio();
  const int width = css_w >= 1 ? static_cast<int>(std::lround(css_w * ratio)) : 1280;
  const int height = css_h >= 1 ? static_cast<int>(std::lround(css_h * ratio)) : 800;
  host.window = glfwCreateWindow(width, height, "Parley", nullptr, nullptr);
  if (!host.window) return 1;
  glfwMakeContextCurrent(host.window);

  ImGui::CreateContext();
  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  parley::shell::HostServices services = parley::shell::system_host_services("browser");
  // The browser's zone (Intl.DateTimeFormat().resolvedOptions().timeZone), asked through the bridge.
  services.time_zone = emscripten_run_script_string(
      "(window.parley && window.parley.collectorTimeZone && window.parley.collectorTimeZone()) || ''");
  // Every recorded event goes to the bridge's outbox, which sends it to the server (POST /api/events).
  services.publish = [](const parley::Event& event) { publish_to_bridge(parley::save_event(event).c_str()); };
  host.app = std::make_unique<parley::shell::App>(read_font(), std::move(services));
  host.app->set_display_scale({static_cast<float>(ratio > 0 ? ratio : 1.0), 1.0f});
  host.app->dispatch(parley::shell::LoadStarted{portfolio_url});
  ImGui_ImplGlfw_InitForOpenGL(host.window, true);
  ImGui_ImplOpenGL3_Init("#version 100");

  // Tell the bridge the shell can take the portfolio now.
  EM_ASM({
    if (Module.parleyReady) Module.parleyReady();
  });
  emscripten_set_main_loop(frame, 0, true);
  return 0;
}
