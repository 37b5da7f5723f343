#pragma once
// The Parley shell: the Dear ImGui application that both hosts (browser and desktop window) run unchanged.
//
// Index of this file:
// [SECTION] Display scale   how the host's pixels relate to ImGui coordinates
// [SECTION] Widget rects    where named widgets were drawn this frame (the test hook)
// [SECTION] Host services   the clock, ids and author the host supplies (the shell has none of its own)
// [SECTION] Quoter inputs   the plan quoter's edited request and its live quote
// [SECTION] App             state + scratch + fonts; one call per frame
//
// The host owns the window, the GL context and the loop. Per frame it calls its platform and renderer
// backends' NewFrame, then ImGui::NewFrame(), App::frame(), ImGui::Render() and draws. It does all I/O (files,
// fetch) and hands results in with App::dispatch(). ImGui coordinates are window (CSS) pixels; the font is
// rasterised at the pixel ratio so text stays crisp on high-density screens.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/journal/event.h"
#include "parley/plans/plan.h"
#include "parley/plans/policy_check.h"

#include "parley/shell/state.h"

namespace parley::shell {

// [SECTION] Display scale -------------------------------------------------------------------------------------

struct DisplayScale {
  float pixel_ratio = 1.0f;  // `pixel_ratio`: framebuffer pixels per ImGui unit (CSS devicePixelRatio); default = 1
  float ui_scale = 1.0f;     // `ui_scale`: extra zoom of fonts and spacing (desktop content scale); default = 1
  friend bool operator==(const DisplayScale&, const DisplayScale&) = default;
};

// [SECTION] Widget rects --------------------------------------------------------------------------------------

struct WidgetRect {
  float x = 0, y = 0, w = 0, h = 0;  // top-left and size in ImGui coordinates (window / CSS pixels)
};

// Named widget rectangles of the frame being built; cleared when a frame starts.
class WidgetRects {
 public:
  void clear() { rects_.clear(); }
  void record(const std::string& name);                                    // the last item's rectangle
  void record(const std::string& name, float x0, float y0, float x1, float y1);  // an explicit rectangle
  const std::map<std::string, WidgetRect>& all() const { return rects_; }  // by name

 private:
  std::map<std::string, WidgetRect> rects_;
};

// [SECTION] Host services -------------------------------------------------------------------------------------

// What only the host can provide. A missing function falls back to a deterministic value: the clock to midnight
// UTC of the portfolio's as_of date, ids to a counter (0, 1), (0, 2), ... Tests rely on the fallbacks.
struct HostServices {
  std::function<Instant()> now;     // the host's clock (UTC); its date is the quoter's "today"
  std::function<EventId()> new_id;  // a fresh, globally unique event id (random or time-ordered)
  Author author{"local-user", "local-device"};  // who records offers from this installation
};

// The services of a host with a system clock and an OS random source: UTC now, random 128-bit ids (UUIDv4
// layout), and the author "local-user" on device "<device_kind>-<16 hex digits>", new for each run.
HostServices system_host_services(std::string_view device_kind);

// [SECTION] Quoter inputs -------------------------------------------------------------------------------------

// The plan quoter's state for the selected account: the request being edited and the quote of it, recomputed
// by core whenever the request changes. Reset when another account is selected.
struct QuoterInputs {
  std::string account_id;                // whose inputs these are; empty: not set up yet
  plans::PlanRequest request;            // balance, policy, method, fees and the instalment terms edited
  bool by_amount = false;                // true: the customer names an affordable instalment; false: a term
  int instalments = 12;                  // the term while by_amount is false
  std::int64_t affordable_minor = 0;     // the affordable instalment while by_amount is true
  char down_payment_text[32] = {};       // the down payment box, as a plain decimal
  char affordable_text[32] = {};         // the affordable instalment box, as a plain decimal
  char first_payment_text[16] = {};      // the first payment date box, "YYYY-MM-DD"
  std::optional<plans::PlanRequest> quoted;  // the request the fields below describe
  std::optional<plans::Quote> quote;     // its quote, when it quotes
  Problems problems;                     // why it does not quote
  plans::PolicyCheck check;              // violations and approvals of the quote
};

// [SECTION] App -----------------------------------------------------------------------------------------------

// Transient widget state that ImGui needs kept between frames; never part of AppState.
struct UiScratch {
  char filter[128] = {};          // the queue's filter text box
  WidgetRects widgets;            // the test hook's record of this frame
  Date today;                     // the host's date this frame (the quoter's quote date)
  QuoterInputs quoter;            // the plan quoter of the selected account
};

class App {
 public:
  // Needs a current ImGui context. `font_ttf`: the TrueType bytes of the UI font (DejaVu Sans); empty falls back
  // to ImGui's built-in font, which lacks the euro sign.
  // `host`: the clock, id source and author used to record offers. Hosts enable ImGui's keyboard navigation
  // (ImGuiConfigFlags_NavEnableKeyboard) once their backend maps the keys: every widget is reachable by Tab.
  explicit App(std::vector<unsigned char> font_ttf, HostServices host = {});

  void dispatch(Action action);                 // applies one action now (hosts call it between frames)
  bool set_display_scale(DisplayScale scale);   // rebuilds fonts and style if changed; true: re-upload the font texture
  void frame();                                 // builds one frame's UI: between ImGui::NewFrame() and ImGui::Render()

  const AppState& state() const { return state_; }
  int frames() const { return frames_; }        // frames built so far
  const QuoterInputs& quoter() const { return scratch_.quoter; }  // the plan quoter's request and live quote
  std::string test_state_json() const;          // the test hook's state, as below

  // Test hook state (a contract with the browser end-to-end tests; keep it exactly):
  //   {"frame": <frames built>, "status": "loading"|"ready"|"error", "error": "<problems, one per line, or empty>",
  //    "accounts": <count loaded>, "selected": "<account id or empty>",
  //    "widgets": {"queue.table": {"x":..,"y":..,"w":..,"h":..}, "queue.row.<account id>": {..} (each visible
  //                row's selectable, clipped to the visible part of the table), "account.panel": {..},
  //                "quoter.panel", "quoter.down_payment", "quoter.term", "quoter.schedule", "quoter.offer",
  //                "quoter.apply" (the first violation's Apply button, when there is one): {..}},
  //    "quote": {"instalments": n, "total_of_payments": <minor units>, "violations": n} or null when no quote,
  //    "offers": <PlanAccepted events recorded for the selected account>}
  // Rectangles are in ImGui coordinates: window (CSS) pixels from the window's (canvas's) top-left corner.

 private:
  void rebuild_fonts();
  void apply(Action action);                    // stamps RecordOffer from the host, then update()

  AppState state_;
  UiScratch scratch_;
  Dispatch dispatch_;
  std::vector<unsigned char> font_ttf_;         // kept alive: the atlas reads it when it rebuilds
  HostServices host_;
  std::uint64_t next_id_ = 0;                   // the fallback id counter
  DisplayScale scale_;
  bool fonts_built_ = false;
  int frames_ = 0;
};

}  // namespace parley::shell
