// The App: fonts, style, the full-window layout, the test hook (see parley/shell/app.h).

#include "parley/shell/app.h"

#include <imgui.h>

#include <algorithm>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "parley/compliance/locations.h"
#include "screens.h"

namespace parley::shell {
namespace {

constexpr float base_font_px = 15.0f;  // UI text size in ImGui units before ui_scale
constexpr float narrow_width = 720.0f;  // below this width (before ui_scale) an account is shown alone, in one column

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

void draw_header(const AppState& state, UiScratch& scratch) {
  ImGui::TextUnformatted("Parley");
  ImGui::SameLine();
  text_muted("collections workstation");
  if (state.data) {
    ImGui::SameLine();
    text_muted("\xE2\x80\x94");  // em dash
    ImGui::SameLine();
    const std::string as_of = "portfolio as of " + state.data->portfolio.as_of.iso();
    text_muted(as_of);
    // The supervisor view, with the count of what waits there: plans to decide, escalations due.
    const DeskSlice& desk = state.queue.desk;
    const std::string label = "Supervisor (" + std::to_string(desk.approvals.size() + desk.escalations.size()) + ")";
    // Beside the title when it fits, else on a line of its own (a phone).
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::CalcTextSize(label.c_str()).x + style.FramePadding.x * 2.0f;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
    if (ImGui::SmallButton(label.c_str())) scratch.supervisor_view = !scratch.supervisor_view;
    scratch.widgets.record("header.supervisor");
  }
  ImGui::Separator();
}

// The test hook's "contact" member (see app.h): the banner's decision, the attempt, the last refusal.
nlohmann::json contact_test_state(const AppState& app, const UiScratch& scratch) {
  const Account* account = app.selected_account();
  const ContactSlice& cs = app.contact;
  const ContactInputs& c = scratch.contact;
  if (!account || c.account_id != account->id || !c.banner) return nullptr;  // the banner as drawn
  const auto rule_ids = [](const std::vector<Reason>& reasons) {
    nlohmann::json ids = nlohmann::json::array();
    for (const Reason& reason : reasons) ids.push_back(reason.rule_id);
    return ids;
  };
  const std::optional<ContactSession>& session = cs.session;
  const bool here = session && session->account_id == account->id;
  nlohmann::json templates = nlohmann::json::array();
  for (const LetterTemplate& t : cs.templates) templates.push_back(t.id);
  nlohmann::json contact = {
      {"party", c.banner_party},
      {"channel", std::string(to_string(here ? session->channel : cs.channel))},
      {"allowed", c.banner->allowed},
      {"reasons", rule_ids(c.banner->reasons)},
      {"next_allowed", nullptr},
      {"session", nullptr},
      {"refused", nullptr},
      {"problems", nlohmann::json::array()},
      {"notice", c.account_id == account->id ? c.notice : std::string()},
      {"events", app.journal ? app.journal->events_for(account->id).size() : 0},
      {"debt_hidden", debt_details_hidden(app, *account)},
      {"caller",
       {{"name", scratch.caller.caller_name},
        {"business", scratch.caller.business_name},
        {"callback", scratch.caller.callback_number}}},
      {"point", here ? session->contact_point : cs.point},
      {"points", cs.points},
      {"templates", std::move(templates)},
      {"template", cs.letter_template},
      {"finished", cs.account_id == account->id ? cs.finished : std::string()},
  };
  if (!c.next_collector.empty()) contact["next_allowed"] = {{"debtor", c.next_debtor}, {"collector", c.next_collector}};
  if (here) {
    contact["session"] = {{"party", session->party_id},
                          {"channel", std::string(to_string(session->channel))},
                          {"state", std::string(to_string(session->state))}};
  }
  if (cs.account_id == account->id) {
    if (cs.refused) contact["refused"] = rule_ids(cs.refused->reasons);
    for (const Problem& problem : cs.problems) contact["problems"].push_back(problem.text());
  }
  return contact;
}

// The test hook's "account" member: what the account panel showed of the selected account, and its whole timeline
// (the panel draws only the lines scrolled into view).
nlohmann::json account_test_state(const AppState& app, const UiScratch& scratch) {
  const PanelShown& shown = scratch.shown;
  const AccountState* fold = app.fold_of(app.selected);
  if (app.selected.empty() || shown.account_id != app.selected || !fold) return nullptr;
  nlohmann::json timeline = nlohmann::json::array();
  if (app.journal) {
    const Locale locale = app.data->entries[*app.data->index_of(app.selected)].locale;
    const std::vector<const Event*> events = app.journal->events_for(app.selected).to_vector();
    for (auto it = events.rbegin(); it != events.rend(); ++it) timeline.push_back(timeline_line(**it, *fold, locale));
  }
  return {{"id", shown.account_id},     {"balance", shown.balance}, {"timeline", std::move(timeline)},
          {"promises", shown.promises}, {"plans", shown.plans},     {"holds", shown.holds},
          {"protections", shown.protections}};
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

std::string local_text(TimeZone zone, Instant at) {
  static constexpr const char* weekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  const LocalTime local = to_local(zone, at);
  char clock[16];
  std::snprintf(clock, sizeof clock, "%02d:%02d", local.hour(), local.minute());
  return std::string(weekdays[static_cast<int>(local.date.weekday()) - 1]) + " " + local.date.iso() + " " + clock +
         " " + std::string(local.abbreviation) + " (" + std::string(zone.name()) + ")";
}

void text_muted(std::string_view s) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  text(s);
  ImGui::PopStyleColor();
}

std::string protection_title(Protection p) {
  std::string name(protection_name(p));
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

std::string places_without_protection_rule(const Account& account, const PartyRecord& party, const RuleBook& book,
                                           Protection kind) {
  const Jurisdictions places = party_jurisdictions(account, party);
  if (protection_rule(book, places, kind) != nullptr) return {};
  std::string names;
  for (std::string_view place : places.list()) names += (names.empty() ? "" : ", ") + std::string(place);
  return names;
}

std::string protection_line(const ProtectionRecord& p, const Account& account, const AccountState& fold,
                            const RuleBook& book, Instant now) {
  const std::string unheld = places_without_protection_rule(account, fold.parties[p.party], book, p.protection);
  return protection_title(p.protection) + " from " + p.starts.iso() +
         (p.ends ? " to " + p.ends->iso() : std::string(" until a notice ends it")) +
         (p.reference.empty() ? std::string() : " (" + p.reference + ")") +
         (!unheld.empty()   ? ": kept on the account; no rule for " + unheld + " holds contact for it"
          : p.in_force(now) ? std::string(": in force")
                            : std::string(": not in force now"));
}

bool protection_holds(const ProtectionRecord& p, const Account& account, const AccountState& fold,
                      const RuleBook& book, Instant now) {
  return p.in_force(now) &&
         protection_rule(book, party_jurisdictions(account, fold.parties[p.party]), p.protection) != nullptr;
}

std::string role_label(PartyRole role) {
  switch (role) {
    case PartyRole::debtor: return "Debtor";
    case PartyRole::co_signer: return "Co-signer";
    case PartyRole::guarantor: return "Guarantor";
    case PartyRole::spouse: return "Spouse";
    case PartyRole::parent: return "Parent";
    case PartyRole::guardian: return "Guardian";
    case PartyRole::executor: return "Executor";
    case PartyRole::administrator: return "Administrator";
    case PartyRole::attorney: return "Attorney";
    case PartyRole::third_party: return "Third party (location only)";
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
  if (!host_.processor) host_.processor = std::make_shared<SandboxProcessor>();
  scratch_.sandbox_payments = host_.processor->is_sandbox();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout comes from code; nothing is saved between runs
  io.LogFilename = nullptr;
  rebuild_fonts();
}

void App::dispatch(Action action) { apply(std::move(action)); }

void App::apply(Action action) {
  // The clock first, so the action is taken on the agency's day it is stamped with.
  const Instant now = host_now();
  if (now != state_.now && !action_as<ClockTick>(action)) {
    Step ticked = step(std::move(state_), ClockTick{now});
    state_ = std::move(ticked.state);
  }
  if (auto* offer = action_as<RecordOffer>(action)) {
    offer->id = next_event_id();
    offer->recorded_at = now;
    offer->author = host_.author;
  }
  if (auto* start = action_as<StartContact>(action)) {
    start->id = next_event_id();
    start->at = now;
    start->author = host_.author;
  }
  if (auto* finish = action_as<FinishContact>(action)) {
    finish->ids.clear();
    for (int i = 0; i < max_contact_events; ++i) finish->ids.push_back(next_event_id());
    finish->at = now;
    finish->author = host_.author;
  }
  if (auto* added = action_as<AddParty>(action)) {
    added->ids.clear();
    for (std::size_t i = 0; i < max_new_party_payloads; ++i) added->ids.push_back(next_event_id());
    added->at = now;
    added->author = host_.author;
  }
  // The actions that record one event.
  const auto stamp = [&](auto* one) {
    if (one == nullptr) return;
    one->id = next_event_id();
    one->at = now;
    one->author = host_.author;
  };
  stamp(action_as<RecordLetter>(action));
  stamp(action_as<ChangeRepresentation>(action));
  stamp(action_as<ChangeConsent>(action));
  stamp(action_as<ReportProtection>(action));
  stamp(action_as<JustifyRecontact>(action));
  stamp(action_as<RecordCorrespondence>(action));
  stamp(action_as<ScheduleCallback>(action));
  stamp(action_as<DecideApproval>(action));
  stamp(action_as<RecordEscalation>(action));
  stamp(action_as<OverrideRisk>(action));
  if (auto* next = action_as<GetNext>(action)) next->collector = host_.author.user;
  // A payment is charged here, the one effect that must come before the update: its answer is what gets recorded.
  if (auto* pay = action_as<TakePayment>(action)) {
    stamp(pay);
    const Account* account = state_.data ? state_.data->find_account(pay->account_id) : nullptr;
    if (account != nullptr) {
      pay->taken = take_payment(state_.account_state(*account), pay->form, *host_.processor, pay->id.hex(),
                                state_.today);
      pay->sandbox = host_.processor->is_sandbox();
    }
    pay->form = PaymentForm{};  // the number goes no further than the processor
    if (pay->taken && pay->taken->payment) charged_[pay->taken->payment->receipt] = pay->account_id;
  }
  Step next = step(std::move(state_), std::move(action));
  state_ = std::move(next.state);
  run(next.effects);
  if (state_.today != returns_polled_) poll_returns();
}

void App::poll_returns() {
  returns_polled_ = state_.today;
  std::map<std::string, std::vector<ChargeReturned>> by_account;
  for (ChargeReturned& r : host_.processor->returns_through(state_.today)) {
    if (const auto found = charged_.find(r.reference); found != charged_.end()) {
      by_account[found->second].push_back(std::move(r));
    }
  }
  for (auto& [account_id, returns] : by_account) {
    const Account* account = state_.data ? state_.data->find_account(account_id) : nullptr;
    if (account == nullptr) continue;
    ReversePayments reverse{account_id, returned_payments(state_.account_state(*account), host_.processor->name(),
                                                          returns), {}, host_now(), host_.author};
    for (std::size_t i = 0; i < reverse.reversals.size(); ++i) reverse.ids.push_back(next_event_id());
    Step next = step(std::move(state_), Action{ContactAction{std::move(reverse)}});
    state_ = std::move(next.state);
    run(next.effects);
  }
}

void App::run(const Effects& effects) {
  for (const Effect& effect : effects) {
    std::visit(
        [this](const auto& e) {
          using E = std::decay_t<decltype(e)>;
          if constexpr (std::is_same_v<E, PublishEvents>) {
            if (host_.publish && !e.events.empty()) host_.publish(e.events);
          }
        },
        effect);
  }
}

EventId App::next_event_id() {
  return host_.new_id ? host_.new_id() : EventId::from_parts(0, ++next_id_);
}

Instant App::host_now() const {
  if (host_.now) return host_.now();
  if (!state_.data) return Instant();
  const Portfolio& portfolio = state_.data->portfolio;
  const std::optional<TimeZone> zone = portfolio.agency ? TimeZone::find(portfolio.agency->time_zone) : std::nullopt;
  return from_local(zone.value_or(TimeZone()), portfolio.as_of, 0).earliest();
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
  scratch_.contact.banner.reset();
  scratch_.shown.rows.clear();
  if (const Instant now = host_now(); now != state_.now) apply(ClockTick{now});
  scratch_.caller = host_.caller;
  scratch_.user = host_.author.user;
  if (scratch_.caller.caller_name.empty()) scratch_.caller.caller_name = host_.author.user;
  if (state_.data && state_.data->portfolio.agency) {
    const Agency& agency = *state_.data->portfolio.agency;
    if (scratch_.caller.callback_number.empty()) scratch_.caller.callback_number = agency.phone;
    if (scratch_.caller.business_name.empty()) scratch_.caller.business_name = agency.name;
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                 ImGuiWindowFlags_NoScrollWithMouse;
  if (ImGui::Begin("Parley", nullptr, flags)) {
    draw_header(state_, scratch_);
    if (state_.status != LoadStatus::ready) {
      draw_status(state_, scratch_, dispatch_);
    } else if (scratch_.supervisor_view) {
      draw_supervisor(state_, scratch_, dispatch_);
    } else if (state_.selected_account() && ImGui::GetContentRegionAvail().x < narrow_width * scale_.ui_scale) {
      // A narrow window (a phone): the account alone in one column, the contact panel above the account panel, and
      // a button back to the queue.
      if (ImGui::Button("< Queue")) dispatch_(SelectAccount{});
      scratch_.widgets.record("account.back");
      const float contact_height = std::max(ImGui::GetContentRegionAvail().y * 0.5f, 260.0f * scale_.ui_scale);
      ImGui::BeginChild("contact_area", ImVec2(0.0f, contact_height), true);
      draw_contact(state_, scratch_, dispatch_);
      ImGui::EndChild();
      scratch_.widgets.record("contact.panel");
      draw_account(state_, scratch_, dispatch_);
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
      {"filter", state_.queue.filter},
      {"widgets", std::move(widgets)},
      {"quote", nullptr},
      {"offers", state_.offers_for(state_.selected).size()},
      {"offer_sync", nlohmann::json::array()},
  };
  for (const Event* offer : state_.offers_for(state_.selected)) {
    state["offer_sync"].push_back(std::string(to_string(state_.sync_of(offer->id).status)));
  }
  const QuoterSlice& q = state_.quoter;
  if (q.quote && q.account_id == state_.selected && !state_.selected.empty()) {
    state["quote"] = {{"instalments", q.quote->instalments},
                      {"total_of_payments", q.quote->totals.total_of_payments.minor()},
                      {"balance", q.quote->totals.balance.minor()},
                      {"apr", scratch_.quoter.apr},
                      {"violations", q.check.violations.size()},
                      {"approvals", q.check.approvals.size()},
                      {"kind", std::string(plans::to_string(q.quote->kind))},
                      {"calendar", q.request.calendar_id},
                      {"day_roll", std::string(plans::to_string(q.request.day_roll))},
                      {"rolled", std::count_if(q.quote->schedule.begin(), q.quote->schedule.end(),
                                               [](const plans::ScheduleRow& r) { return r.due != r.scheduled; })},
                      {"focus", scratch_.quoter.focused}};
  }
  state["contact"] = contact_test_state(state_, scratch_);
  state["account"] = account_test_state(state_, scratch_);
  state["rows"] = scratch_.shown.rows;
  const DeskSlice& desk = state_.queue.desk;
  nlohmann::json skipped = nlohmann::json::array();
  for (const SkippedAccount& k : desk.skipped) {
    nlohmann::json reasons = nlohmann::json::array();
    for (const Reason& r : k.decision.reasons) reasons.push_back(r.rule_id);
    skipped.push_back({{"account", k.account_id},
                       {"reasons", std::move(reasons)},
                       {"callable_at", k.decision.next_allowed ? nlohmann::json(k.decision.next_allowed->iso())
                                                               : nlohmann::json(nullptr)}});
  }
  nlohmann::json problems = nlohmann::json::array();
  for (const Problem& p : desk.problems) problems.push_back(p.text());
  nlohmann::json top = nlohmann::json::array();
  for (std::size_t i = 0; state_.data && i < state_.queue.rows.size() && i < 10; ++i) {
    top.push_back(state_.data->portfolio.accounts[state_.queue.rows[i]].id);
  }
  state["desk"] = {{"ready", !desk.assets_loading}, {"asked", desk.asked},         {"next", desk.next},
                   {"refused", desk.refused},        {"skipped", std::move(skipped)}, {"problems", std::move(problems)},
                   {"top", std::move(top)}};
  nlohmann::json approvals = nlohmann::json::array();
  for (const PendingApproval& p : desk.approvals) {
    approvals.push_back({{"account", state_.data->portfolio.accounts[p.account].id},
                         {"request", p.referral.id.hex()},
                         {"requested_by", p.referral.requested_by},
                         {"payments", p.payments}});
  }
  nlohmann::json escalations = nlohmann::json::array();
  for (const DueEscalation& e : desk.escalations) {
    escalations.push_back({{"account", state_.data->portfolio.accounts[e.account].id},
                           {"rule", e.rule_id},
                           {"to", std::string(to_string(e.to))}});
  }
  nlohmann::json supervisor_problems = nlohmann::json::array();
  for (const Problem& p : desk.supervisor_problems) supervisor_problems.push_back(p.text());
  nlohmann::json goals = nullptr;
  const GoalPlan* plan = state_.goal_plan();
  if (plan != nullptr && desk.figures) {
    const auto figures_json = [&](const CollectorNumbers& n) {
      return nlohmann::json{{"collector", n.collector},
                            {"collected", n.collected.minor()},
                            {"goal", plan->goal_of(n.collector).minor()},
                            {"commission", commission(plan->commission, n.collected).minor()},
                            {"payments", n.payments},
                            {"reversals", n.reversals},
                            {"promises_made", n.promises_made},
                            {"promises_kept", n.promises_kept},
                            {"promises_broken", n.promises_broken},
                            {"days", n.by_day.size()}};
    };
    nlohmann::json collectors = nlohmann::json::array();
    for (const auto& [collector, n] : desk.figures->collectors()) collectors.push_back(figures_json(n));
    const CollectorNumbers* mine = desk.figures->of(host_.author.user);
    goals = {{"period", {{"first", desk.figures->period().first.iso()}, {"last", desk.figures->period().last.iso()}}},
             {"mine", mine ? figures_json(*mine) : nlohmann::json(nullptr)},
             {"collectors", std::move(collectors)}};
  }
  state["goals"] = std::move(goals);
  state["supervisor"] = {{"shown", scratch_.supervisor_view},
                         {"approvals", std::move(approvals)},
                         {"escalations", std::move(escalations)},
                         {"problems", std::move(supervisor_problems)}};
  return state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace parley::shell
