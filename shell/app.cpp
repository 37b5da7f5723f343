// The App: fonts, style, the full-window layout, the test hook (see parley/shell/app.h).

#include "parley/shell/app.h"

#include <imgui.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "screens.h"

namespace parley::shell {
namespace {

constexpr float base_font_px = 15.0f;  // UI text size in ImGui units before ui_scale

// Basic Latin + Latin-1, dashes and quotes, the ellipsis, narrow no-break space (fr-FR digit groups) and the
// euro sign. No-break space U+00A0 is inside Latin-1.
const ImWchar glyph_ranges[] = {
    0x0020, 0x00FF,  // Basic Latin, Latin-1 Supplement
    0x2013, 0x2014,  // en dash, em dash
    0x2018, 0x201D,  // single and double quotation marks
    0x2026, 0x2026,  // horizontal ellipsis
    0x202F, 0x202F,  // narrow no-break space
    0x20AC, 0x20AC,  // euro sign
    0,
};

void apply_style(float ui_scale) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  ImGui::StyleColorsLight(&style);
  style.WindowRounding = 0.0f;
  style.WindowBorderSize = 0.0f;
  style.ChildRounding = 3.0f;
  style.FrameRounding = 3.0f;
  style.FramePadding = ImVec2(6.0f, 4.0f);
  style.CellPadding = ImVec2(6.0f, 3.0f);
  style.ItemSpacing = ImVec2(8.0f, 6.0f);
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.96f, 0.96f, 0.95f, 1.0f);
  style.Colors[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
  style.Colors[ImGuiCol_TableRowBgAlt] = ImVec4(0.0f, 0.0f, 0.0f, 0.035f);
  style.ScaleAllSizes(ui_scale);
}

void draw_header(const AppState& state) {
  ImGui::TextUnformatted("Parley");
  ImGui::SameLine();
  text_muted("collections workstation");
  if (state.data) {
    ImGui::SameLine();
    text_muted("\xE2\x80\x94");  // em dash
    ImGui::SameLine();
    const std::string as_of = "portfolio as of " + state.data->portfolio.as_of.iso();
    text_muted(as_of);
  }
  ImGui::Separator();
}

}  // namespace

// [SECTION] Helpers -------------------------------------------------------------------------------------------

void text(std::string_view s) { ImGui::TextUnformatted(s.data(), s.data() + s.size()); }

void text_right_aligned(std::string_view s) {
  const float width = ImGui::CalcTextSize(s.data(), s.data() + s.size()).x;
  const float avail = ImGui::GetContentRegionAvail().x;
  if (avail > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - width);
  text(s);
}

void text_muted(std::string_view s) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  text(s);
  ImGui::PopStyleColor();
}

// [SECTION] Widget rects --------------------------------------------------------------------------------------

void WidgetRects::record(const std::string& name) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  record(name, min.x, min.y, max.x, max.y);
}

void WidgetRects::record(const std::string& name, float x0, float y0, float x1, float y1) {
  rects_[name] = WidgetRect{x0, y0, x1 - x0, y1 - y0};
}

// [SECTION] App -----------------------------------------------------------------------------------------------

App::App(std::vector<unsigned char> font_ttf, HostServices host)
    : font_ttf_(std::move(font_ttf)), host_(std::move(host)) {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout comes from code; nothing is saved between runs
  io.LogFilename = nullptr;
  rebuild_fonts();
}

void App::dispatch(Action action) { apply(std::move(action)); }

void App::apply(Action action) {
  if (auto* offer = std::get_if<RecordOffer>(&action)) {
    if (host_.new_id) {
      offer->id = host_.new_id();
    } else {
      offer->id = EventId::from_parts(0, ++next_id_);
    }
    if (host_.now) {
      offer->recorded_at = host_.now();
    } else if (state_.data) {
      const std::int64_t day = state_.data->portfolio.as_of.days_since_epoch();
      offer->recorded_at = Instant::from_unix_seconds(day * 86400);
    }
    offer->author = host_.author;
  }
  state_ = update(std::move(state_), std::move(action));
}

bool App::set_display_scale(DisplayScale scale) {
  if (scale.pixel_ratio <= 0.0f) scale.pixel_ratio = 1.0f;
  if (scale.ui_scale <= 0.0f) scale.ui_scale = 1.0f;
  if (fonts_built_ && scale == scale_) return false;
  scale_ = scale;
  rebuild_fonts();
  return true;
}

void App::rebuild_fonts() {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const float raster_px = base_font_px * scale_.ui_scale * scale_.pixel_ratio;
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // font_ttf_ outlives the atlas's use of it
  config.OversampleH = 2;
  config.OversampleV = 1;
  ImFont* font = nullptr;
  if (!font_ttf_.empty()) {
    font = io.Fonts->AddFontFromMemoryTTF(font_ttf_.data(), static_cast<int>(font_ttf_.size()), raster_px, &config,
                                          glyph_ranges);
  }
  if (!font) {
    config.SizePixels = 13.0f * scale_.ui_scale * scale_.pixel_ratio;
    io.Fonts->AddFontDefault(&config);
  }
  io.FontGlobalScale = 1.0f / scale_.pixel_ratio;  // glyphs rasterised at device pixels, laid out in ImGui units
  apply_style(scale_.ui_scale);
  fonts_built_ = true;
}

void App::frame() {
  scratch_.widgets.clear();
  if (host_.now) {
    scratch_.today = host_.now().utc_date();
  } else if (state_.data) {
    scratch_.today = state_.data->portfolio.as_of;
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                 ImGuiWindowFlags_NoScrollWithMouse;
  if (ImGui::Begin("Parley", nullptr, flags)) {
    draw_header(state_);
    if (state_.status != LoadStatus::ready) {
      draw_status(state_, scratch_, dispatch_);
    } else if (state_.selected_account()) {
      const float spacing = ImGui::GetStyle().ItemSpacing.x;
      const float avail = ImGui::GetContentRegionAvail().x;
      const float queue_width = std::max(avail * 0.58f, avail - 560.0f * scale_.ui_scale);
      ImGui::BeginChild("queue_area", ImVec2(queue_width - spacing * 0.5f, 0.0f), false);
      draw_queue(state_, scratch_, dispatch_);
      ImGui::EndChild();
      ImGui::SameLine();
      draw_account(state_, scratch_, dispatch_);
    } else {
      draw_queue(state_, scratch_, dispatch_);
    }
  }
  ImGui::End();

  for (Action& action : dispatch_.take()) apply(std::move(action));
  ++frames_;
}

std::string App::test_state_json() const {
  nlohmann::json widgets = nlohmann::json::object();
  for (const auto& [name, r] : scratch_.widgets.all()) {
    widgets[name] = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}};
  }
  nlohmann::json state = {
      {"frame", frames_},
      {"status", std::string(to_string(state_.status))},
      {"error", state_.error_text()},
      {"accounts", state_.account_count()},
      {"selected", state_.selected},
      {"widgets", std::move(widgets)},
      {"quote", nullptr},
      {"offers", state_.offers_for(state_.selected).size()},
  };
  const QuoterInputs& q = scratch_.quoter;
  if (q.quote && q.account_id == state_.selected && !state_.selected.empty()) {
    state["quote"] = {{"instalments", q.quote->instalments},
                      {"total_of_payments", q.quote->totals.total_of_payments.minor()},
                      {"violations", q.check.violations.size()}};
  }
  return state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace parley::shell
