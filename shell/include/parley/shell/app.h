#pragma once
// The Parley shell: the Dear ImGui application that both hosts (browser and desktop window) run unchanged.
//
// Index of this file:
// [SECTION] Display scale   how the host's pixels relate to ImGui coordinates
// [SECTION] Widget rects    where named widgets were drawn this frame (the test hook)
// [SECTION] App             state + scratch + fonts; one call per frame
//
// The host owns the window, the GL context and the loop. Per frame it calls its platform and renderer
// backends' NewFrame, then ImGui::NewFrame(), App::frame(), ImGui::Render() and draws. It does all I/O (files,
// fetch) and hands results in with App::dispatch(). ImGui coordinates are window (CSS) pixels; the font is
// rasterised at the pixel ratio so text stays crisp on high-density screens.

#include <map>
#include <string>
#include <vector>

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

// [SECTION] App -----------------------------------------------------------------------------------------------

// Transient widget state that ImGui needs kept between frames; never part of AppState.
struct UiScratch {
  char filter[128] = {};          // the queue's filter text box
  WidgetRects widgets;            // the test hook's record of this frame
};

class App {
 public:
  // Needs a current ImGui context. `font_ttf`: the TrueType bytes of the UI font (DejaVu Sans); empty falls back
  // to ImGui's built-in font, which lacks the euro sign.
  explicit App(std::vector<unsigned char> font_ttf);

  void dispatch(Action action);                 // applies one action now (hosts call it between frames)
  bool set_display_scale(DisplayScale scale);   // rebuilds fonts and style if changed; true: re-upload the font texture
  void frame();                                 // builds one frame's UI: between ImGui::NewFrame() and ImGui::Render()

  const AppState& state() const { return state_; }
  int frames() const { return frames_; }        // frames built so far
  std::string test_state_json() const;          // the test hook's state, as below

  // Test hook state (a contract with the browser end-to-end tests; keep it exactly):
  //   {"frame": <frames built>, "status": "loading"|"ready"|"error", "error": "<problems, one per line, or empty>",
  //    "accounts": <count loaded>, "selected": "<account id or empty>",
  //    "widgets": {"queue.table": {"x":..,"y":..,"w":..,"h":..}, "queue.row.<account id>": {..} (each visible
  //                row's selectable, clipped to the visible part of the table), "account.panel": {..}}}
  // Rectangles are in ImGui coordinates: window (CSS) pixels from the window's (canvas's) top-left corner.

 private:
  void rebuild_fonts();

  AppState state_;
  UiScratch scratch_;
  Dispatch dispatch_;
  std::vector<unsigned char> font_ttf_;         // kept alive: the atlas reads it when it rebuilds
  DisplayScale scale_;
  bool fonts_built_ = false;
  int frames_ = 0;
};

}  // namespace parley::shell
