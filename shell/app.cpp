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

// The test hook's "contact" member (see app.h): the banner's decision, the attempt, the last refusal.
nlohmann::json contact_test_state(const AppState& app, const UiScratch& scratch) {
  const Account* account = app.selected_account();
  const ContactInputs& c = scratch.contact;
  if (!account || c.account_id != account->id || !c.banner) return nullptr;
  const auto rule_ids = [](const std::vector<Reason>& reasons) {
    nlohmann::json ids = nlohmann::json::array();
    for (const Reason& reason : reasons) ids.push_back(reason.rule_id);
    return ids;
  };
  const std::optional<ContactSession>& session = app.contact.session;
  const bool here = session && session->account_id == account->id;
  nlohmann::json contact = {
      {"party", c.banner_party},
      {"channel", std::string(to_string(here ? session->channel : c.channel))},
      {"allowed", c.banner->allowed},
      {"reasons", rule_ids(c.banner->reasons)},
      {"next_allowed", nullptr},
      {"session", nullptr},
      {"refused", nullptr},
      {"problems", nlohmann::json::array()},
      {"notice", c.notice},
      {"events", app.journal ? app.journal->events_for(account->id).size() : 0},
      {"debt_hidden", debt_details_hidden(app, *account)},
      {"caller",
       {{"name", scratch.caller.caller_name},
        {"business", scratch.caller.business_name},
        {"callback", scratch.caller.callback_number}}},
  };
  if (!c.next_collector.empty()) contact["next_allowed"] = {{"debtor", c.next_debtor}, {"collector", c.next_collector}};
  if (here) {
    contact["session"] = {{"party", session->party_id},
                          {"channel", std::string(to_string(session->channel))},
                          {"state", std::string(to_string(session->state))}};
  }
  if (app.contact.account_id == account->id) {
    if (app.contact.refused) contact["refused"] = rule_ids(app.contact.refused->reasons);
    for (const Problem& problem : app.contact.problems) contact["problems"].push_back(problem.text());
  }
  return contact;
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

std::string role_label(PartyRole role) {
  switch (role) {
    case PartyRole::debtor: return "Debtor";
    case PartyRole::co_signer: return "Co-signer";
    case PartyRole::guarantor: return "Guarantor";
  }
  return "Party";
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
  scratch_.collector_zone = TimeZone::find(host_.time_zone).value_or(TimeZone());
  scratch_.caller = host_.caller;
  if (scratch_.caller.caller_name.empty()) scratch_.caller.caller_name = host_.author.user;
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
  if (auto* start = std::get_if<StartContact>(&action)) {
    start->id = next_event_id();
    start->at = host_now();
    start->author = host_.author;
  }
  if (auto* finish = std::get_if<FinishContact>(&action)) {
    finish->ids.clear();
    for (int i = 0; i < max_contact_events; ++i) finish->ids.push_back(next_event_id());
    finish->at = host_now();
    finish->today = to_local(scratch_.collector_zone, finish->at).date;
    finish->author = host_.author;
  }
  const bool from_host = std::holds_alternative<JournalReceived>(action);
  const std::shared_ptr<const Journal> before = state_.journal;
  state_ = update(std::move(state_), std::move(action));
  if (!from_host) publish_new_events(before.get());
}

void App::publish_new_events(const Journal* before) {
  if (!host_.publish || !state_.journal || state_.journal.get() == before) return;
  const std::size_t held = before ? before->size() : 0;
  if (state_.journal->size() <= held) return;
  std::size_t left = state_.journal->size() - held;
  for (const Event& event : state_.journal->events()) {
    if (before && before->find(event.id)) continue;
    host_.publish(event);
    if (--left == 0) break;
  }
}

EventId App::next_event_id() {
  return host_.new_id ? host_.new_id() : EventId::from_parts(0, ++next_id_);
}

Instant App::host_now() const {
  if (host_.now) return host_.now();
  if (!state_.data) return Instant();
  return Instant::from_unix_seconds(state_.data->portfolio.as_of.days_since_epoch() * 86400);
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
    scratch_.now = host_.now();
    scratch_.today = scratch_.now.utc_date();
  } else if (state_.data) {
    scratch_.today = state_.data->portfolio.as_of;
    scratch_.now = host_now();
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
      // Left: the queue above the contact panel (compliance banner, attempt); during an attempt on the account, the
      // contact panel alone. Right: the account panel.
      const float left_width = queue_width - spacing * 0.5f;
      const bool attempt_here = state_.contact.session && state_.contact.session->account_id == state_.selected;
      const float contact_height = std::max(ImGui::GetContentRegionAvail().y * 0.55f, 260.0f * scale_.ui_scale);
      ImGui::BeginGroup();
      if (!attempt_here) {
        ImGui::BeginChild("queue_area", ImVec2(left_width, -contact_height), false);
        draw_queue(state_, scratch_, dispatch_);
        ImGui::EndChild();
      }
      ImGui::BeginChild("contact_area", ImVec2(left_width, 0.0f), true);
      draw_contact(state_, scratch_, dispatch_);
      ImGui::EndChild();
      scratch_.widgets.record("contact.panel");
      ImGui::EndGroup();
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
      {"offer_sync", nlohmann::json::array()},
  };
  for (const Event* offer : state_.offers_for(state_.selected)) {
    state["offer_sync"].push_back(std::string(to_string(state_.sync_of(offer->id).status)));
  }
  const QuoterInputs& q = scratch_.quoter;
  if (q.quote && q.account_id == state_.selected && !state_.selected.empty()) {
    state["quote"] = {{"instalments", q.quote->instalments},
                      {"total_of_payments", q.quote->totals.total_of_payments.minor()},
                      {"violations", q.check.violations.size()},
                      {"approvals", q.check.approvals.size()},
                      {"kind", std::string(plans::to_string(q.quote->kind))},
                      {"calendar", q.request.calendar_id},
                      {"day_roll", std::string(plans::to_string(q.request.day_roll))},
                      {"rolled", std::count_if(q.quote->schedule.begin(), q.quote->schedule.end(),
                                               [](const plans::ScheduleRow& r) { return r.due != r.scheduled; })},
                      {"focus", q.focused}};
  }
  state["contact"] = contact_test_state(state_, scratch_);
  return state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace parley::shell
