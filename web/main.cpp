// The browser host: the shell on the page's canvas (browser_frame_host.h runs its frames on the page's animation
// frames). The page's bridge (bridge.js) fetches the portfolio, the rule packs, the calendars and the journal and
// hands them in through the exported functions below; the test hook is read back with parley_test_state().

#include <emscripten.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "browser_frame_host.h"
#include "parley/journal/journal_json.h"
#include "parley/shell/app.h"
#include "parley/shell/frame_host.h"

namespace {

constexpr const char* canvas_selector = "#canvas";
constexpr const char* font_path = "/fonts/DejaVuSans.ttf";  // embedded at link time (--embed-file)
constexpr const char* portfolio_url = "/api/portfolio";

// Alive as long as the page: the animation frames keep drawing after main() has returned.
struct Host {
  std::unique_ptr<parley::web::BrowserFrameHost> frames;
  std::unique_ptr<parley::shell::App> app;
  std::string test_state;  // kept alive for parley_test_state()'s caller
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

// The bridge is fetching these asset files: `names` holds their names ("rules/US-MA.json",
// "calendars/US-FEDERAL.json"), one per line. Contact waits until each has been loaded or failed.
EMSCRIPTEN_KEEPALIVE void parley_assets_expected(const char* names) {
  if (!host.app) return;
  std::vector<std::string> expected;
  std::string_view rest = names;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    if (end != 0) expected.emplace_back(rest.substr(0, end));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  host.app->dispatch(parley::shell::AssetsExpected{std::move(expected)});
}

// One asset file's JSON text (not NUL-terminated) arrived; `name` names it (NUL-terminated).
EMSCRIPTEN_KEEPALIVE void parley_asset_loaded(const char* name, const char* text, int length) {
  if (!host.app) return;
  host.app->dispatch(parley::shell::AssetReceived{name, std::string(text, static_cast<std::size_t>(length))});
}

// Fetching an asset file (or a folder's index.json) failed: a rule pack's failure keeps every contact blocked; a
// calendar's is shown in the quoter, which rolls no due dates by it.
EMSCRIPTEN_KEEPALIVE void parley_asset_failed(const char* name, const char* message) {
  if (!host.app) return;
  host.app->dispatch(parley::shell::AssetFailed{name, message});
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
  host.frames = parley::web::BrowserFrameHost::open(canvas_selector);
  if (!host.frames) return 1;
  parley::shell::HostServices services = host.frames->services();
  // Every recorded event goes to the bridge's outbox, which sends it to the server (POST /api/events).
  services.publish = [](std::span<const parley::Event> events) {
    for (const parley::Event& event : events) publish_to_bridge(parley::save_event(event).c_str());
  };
  host.app = std::make_unique<parley::shell::App>(read_font(), std::move(services));
  host.app->dispatch(parley::shell::LoadStarted{portfolio_url});

  // Tell the bridge the shell can take the portfolio now.
  EM_ASM({
    if (Module.parleyReady) Module.parleyReady();
  });
  parley::shell::run_frames(*host.frames, *host.app);
  return 0;
}
