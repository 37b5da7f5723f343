// The plan quoter: an instalment plan or a settlement for the selected account, edited with inputs and sliders;
// the schedule and totals core quotes for it (recomputed whenever the terms change), due dates rolled off
// non-business days by the account's holiday calendar, the policy's violations with their compliant alternative
// (Apply), approvals a supervisor must give, and Offer, which records the quote in the journal.
//
// Every figure, finding and sentence shown comes from core (quote_plan, check_policy, describe_payments,
// disclosure_text, rate_text, apr_text, choose_calendar), kept in the model (AppState::quoter): this file edits a
// copy of the terms, sends them back with EditQuote when they change, and lays the answers out.
//
// The quote date is the agency's day (AppState::today); the first payment defaults to a month after it.
//
// Keyboard: Tab moves between the text boxes and sliders (a slider reached by Tab takes typed text, Enter
// applies it). The arrow keys reach every widget; on a slider reached so, Space holds it, Left/Right move it and
// Space releases it. Space presses radio buttons and opens lists; Enter presses a focused Apply or Offer.

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <span>
#include <string>

#include "parley/account/offers.h"
#include "parley/plans/plan_json.h"
#include "screens.h"

namespace parley::shell {
namespace {

constexpr Frequency all_frequencies[] = {Frequency::weekly, Frequency::fortnightly, Frequency::semi_monthly,
                                         Frequency::monthly};
constexpr PaymentMethod all_methods[] = {PaymentMethod::card, PaymentMethod::bank_transfer, PaymentMethod::cheque};
constexpr plans::InterestMethod all_interest[] = {plans::InterestMethod::none, plans::InterestMethod::simple,
                                                  plans::InterestMethod::amortised};
constexpr DayRoll all_rolls[] = {DayRoll::none, DayRoll::following, DayRoll::modified_following,
                                 DayRoll::preceding};
constexpr DayRoll default_roll = DayRoll::following;  // the rule set with a calendar the quoter picks itself

const ImVec4 violation_colour(0.70f, 0.10f, 0.10f, 1.0f);
const ImVec4 approval_colour(0.60f, 0.40f, 0.00f, 1.0f);

void copy_text(char* buffer, std::size_t size, const std::string& value) {
  std::snprintf(buffer, size, "%s", value.c_str());
}

// Records the last item's rectangle under `name` and notes it as the focused quoter widget when it has focus.
void track(UiScratch& scratch, const char* name) {
  scratch.widgets.record(name);
  if (ImGui::IsItemFocused()) scratch.quoter.focused = name;
}

// A button that a click, Space (ImGui navigation) or Enter while it has keyboard focus presses.
bool enter_button(const char* text, bool enabled = true) {
  bool pressed = ImGui::Button(text);
  if (!pressed && enabled && ImGui::IsItemFocused()) {
    const ImGuiIO& io = ImGui::GetIO();
    for (ImGuiKey key : {ImGuiKey_Enter, ImGuiKey_KeyPadEnter}) {
      const int index = io.KeyMap[key];
      if (index >= 0 && ImGui::IsKeyPressed(index, false)) pressed = true;
    }
  }
  return pressed && enabled;
}

// The text boxes from the model's terms (after set-up, a mode switch and Apply).
void load_boxes(QuoterInputs& boxes, const QuoterSlice& q) {
  boxes.account_id = q.account_id;
  boxes.revision = q.revision;
  const plans::PlanRequest& request = q.request;
  if (request.settlement) {
    const plans::SettlementTerms& s = *request.settlement;
    copy_text(boxes.settlement_text, sizeof boxes.settlement_text, format_decimal(s.amount));
    copy_text(boxes.first_payment_text, sizeof boxes.first_payment_text, s.first_payment.iso());
  }
  copy_text(boxes.affordable_text, sizeof boxes.affordable_text,
            format_decimal(Money(q.affordable_minor, request.currency)));
  if (!request.plan) return;
  const plans::InstalmentTerms& terms = *request.plan;
  copy_text(boxes.down_payment_text, sizeof boxes.down_payment_text, format_decimal(terms.down_payment));
  copy_text(boxes.first_payment_text, sizeof boxes.first_payment_text, terms.first_payment.iso());
}

// Text for an ImGui format string (a slider's value): '%' doubled.
std::string format_string(const std::string& text) {
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '%') out += '%';
  }
  return out;
}

std::string weekday_name(Weekday day) {
  constexpr std::array<const char*, 7> names = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                                "Friday", "Saturday", "Sunday"};
  return names[static_cast<std::size_t>(static_cast<int>(day) - 1)];
}

// Why `date` is not a business day: the holiday's name, else its weekday (a weekend day).
std::string closed_because(const Calendar& calendar, Date date) {
  std::string names;
  for (const Holiday& holiday : holidays_in(calendar, date.year())) {
    if (holiday.date != date) continue;
    if (!names.empty()) names += ", ";
    names += holiday.name;
  }
  return names.empty() ? weekday_name(date.weekday()) : names;
}

constexpr float value_column = 150.0f;  // where a labelled row's widgets start

void label(const char* s) {
  ImGui::AlignTextToFramePadding();
  text_muted(s);
  ImGui::SameLine(value_column);
  ImGui::SetNextItemWidth(-1.0f);
}

// Before the second of two radio buttons after a label: on the same line where it fits, else under the first, in the
// label's value column (a phone's narrow panel).
void next_radio(const char* radio_label) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(radio_label).x;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right) {
    ImGui::SameLine();
  } else {
    ImGui::SetCursorPosX(value_column);
  }
}

void frequency_combo(Frequency& frequency, const Policy& policy) {
  label("Frequency");
  const std::string preview = std::string(to_string(frequency)) +
                              (plans::allows_frequency(policy, frequency) ? "" : " (not allowed)");
  if (ImGui::BeginCombo("##frequency", preview.c_str())) {
    for (Frequency f : all_frequencies) {
      const std::string item = std::string(to_string(f)) + (plans::allows_frequency(policy, f) ? "" : " (not allowed)");
      if (ImGui::Selectable(item.c_str(), f == frequency)) frequency = f;
    }
    ImGui::EndCombo();
  }
}

void first_payment_box(QuoterInputs& boxes, Date& first_payment) {
  label("First payment");
  if (ImGui::InputText("##first_payment", boxes.first_payment_text, sizeof boxes.first_payment_text)) {
    if (auto date = Date::parse(boxes.first_payment_text)) first_payment = *date;
  }
  if (!Date::parse(boxes.first_payment_text)) {
    ImGui::TextColored(violation_colour, "Enter the date as YYYY-MM-DD; quoting %s", first_payment.iso().c_str());
  }
}

// One amount edited as a labelled text box (a plain decimal) over a slider in minor units.
struct MoneyInput {
  const char* title;        // the label left of the text box
  const char* text_id;      // the text box's ImGui id
  const char* text_name;    // the text box's tracked widget name
  const char* slider_id;    // the slider's ImGui id
  const char* slider_name;  // the slider's tracked widget name
  std::int64_t min;         // the slider's lowest value, in minor units
  std::int64_t max;         // the slider's highest value, in minor units
};

// Draws `input`: a decimal typed in `text` sets `amount`; moving the slider sets `amount` and rewrites `text`.
void money_input(UiScratch& scratch, Locale locale, const MoneyInput& input, std::span<char> text, Money& amount) {
  const Currency currency = amount.currency();
  label(input.title);
  if (ImGui::InputText(input.text_id, text.data(), text.size(), ImGuiInputTextFlags_CharsDecimal)) {
    if (auto typed = parse_decimal(text.data(), currency)) amount = *typed;
  }
  track(scratch, input.text_name);
  label("");
  std::int64_t value = amount.minor();
  const std::string format = format_string(format_money(amount, locale));
  if (ImGui::SliderScalar(input.slider_id, ImGuiDataType_S64, &value, &input.min, &input.max, format.c_str())) {
    amount = Money(value, currency);
    copy_text(text.data(), text.size(), format_decimal(amount));
  }
  track(scratch, input.slider_name);
}

// One count edited as a labelled slider from 1 over a box taking a typed number.
struct CountInput {
  const char* title;        // the label left of the slider
  const char* slider_id;    // the slider's ImGui id
  const char* slider_name;  // the slider's tracked widget name
  const char* box_id;       // the number box's ImGui id
  const char* box_name;     // the number box's tracked widget name
  int slider_max;           // the slider's highest value
};

// Draws `input` over `count`, which stays from 1 to plans::max_instalments after each of the two widgets.
void count_input(UiScratch& scratch, const CountInput& input, int& count) {
  label(input.title);
  ImGui::SliderInt(input.slider_id, &count, 1, input.slider_max, "%d", ImGuiSliderFlags_AlwaysClamp);
  track(scratch, input.slider_name);
  count = std::clamp(count, 1, plans::max_instalments);
  label("");
  ImGui::InputInt(input.box_id, &count);
  track(scratch, input.box_name);
  count = std::clamp(count, 1, plans::max_instalments);
}

// Instalment plan or settlement, as two radio buttons.
void draw_mode(const QuoterSlice& q, UiScratch& scratch, Dispatch& dispatch) {
  label("Offer");
  if (ImGui::RadioButton("Instalment plan", !q.settlement) && q.settlement) {
    dispatch(SwitchQuoteMode{q.account_id, false});
  }
  track(scratch, "quoter.mode.plan");
  next_radio("Settlement");
  if (ImGui::RadioButton("Settlement", q.settlement) && !q.settlement) dispatch(SwitchQuoteMode{q.account_id, true});
  track(scratch, "quoter.mode.settlement");
}

// The instalment plan's widgets; they change the terms and the text boxes.
void draw_plan_inputs(QuoterTerms& t, Locale locale, UiScratch& scratch) {
  QuoterInputs& boxes = scratch.quoter;
  plans::PlanRequest& request = t.request;
  plans::InstalmentTerms& terms = *request.plan;
  const Currency currency = request.currency;
  const Policy& policy = request.policy;
  const std::int64_t balance = request.balance.total().minor();

  const MoneyInput down{.title = "Down payment",
                        .text_id = "##down_text",
                        .text_name = "quoter.down_payment",
                        .slider_id = "##down_slider",
                        .slider_name = "quoter.down_slider",
                        .min = 0,
                        .max = std::max<std::int64_t>(balance, 0)};
  money_input(scratch, locale, down, boxes.down_payment_text, terms.down_payment);

  label("Plan by");
  if (ImGui::RadioButton("number of instalments", !t.by_amount)) t.by_amount = false;
  track(scratch, "quoter.by_term");
  next_radio("affordable instalment");
  if (ImGui::RadioButton("affordable instalment", t.by_amount)) t.by_amount = true;
  track(scratch, "quoter.by_amount");

  if (!t.by_amount) {
    const int policy_max = std::max(1, plans::max_instalments_in(policy.max_term_months, terms.frequency));
    const CountInput term{.title = "Instalments",
                          .slider_id = "##term_slider",
                          .slider_name = "quoter.term",
                          .box_id = "##term_input",
                          .box_name = "quoter.term_input",
                          .slider_max = std::max(policy_max, t.instalments)};
    count_input(scratch, term, t.instalments);
  } else {
    label("Affordable");
    if (ImGui::InputText("##afford_text", boxes.affordable_text, sizeof boxes.affordable_text,
                         ImGuiInputTextFlags_CharsDecimal)) {
      if (auto amount = parse_decimal(boxes.affordable_text, currency)) t.affordable_minor = amount->minor();
    }
    track(scratch, "quoter.affordable");
  }

  frequency_combo(terms.frequency, policy);
  track(scratch, "quoter.frequency");
  first_payment_box(boxes, terms.first_payment);
  track(scratch, "quoter.first_payment");
}

// The settlement's widgets: amount (box and slider), payments, frequency when several, first payment date; and
// the policy's floor and latitudes as its shares of the balance.
void draw_settlement_inputs(QuoterTerms& t, Locale locale, UiScratch& scratch) {
  QuoterInputs& boxes = scratch.quoter;
  plans::PlanRequest& request = t.request;
  plans::SettlementTerms& s = *request.settlement;
  const Policy& policy = request.policy;
  const std::int64_t balance = request.balance.total().minor();

  const MoneyInput settle{.title = "Settle for",
                          .text_id = "##settle_text",
                          .text_name = "quoter.settlement_text",
                          .slider_id = "##settle_slider",
                          .slider_name = "quoter.settlement_amount",
                          .min = 1,
                          .max = std::max<std::int64_t>(balance - 1, 1)};
  money_input(scratch, locale, settle, boxes.settlement_text, s.amount);
  label("");
  const auto rate = [locale](int bp) { return plans::rate_text(bp, plans::RateUnit::basis_points, locale); };
  std::string band = "floor " + rate(policy.settlement_floor_bp) + " of the balance";
  if (policy.collector_below_floor_bp > 0) band += "; " + rate(policy.collector_below_floor_bp) + " under it alone";
  if (policy.supervisor_below_floor_bp > policy.collector_below_floor_bp) {
    band += "; " + rate(policy.supervisor_below_floor_bp) + " under it with supervisor approval";
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", band.c_str());
  ImGui::PopStyleColor();

  const CountInput payments{.title = "Payments",
                            .slider_id = "##settle_payments",
                            .slider_name = "quoter.settlement_payments",
                            .box_id = "##settle_payments_input",
                            .box_name = "quoter.settlement_payments_input",
                            .slider_max = std::max({policy.max_settlement_payments, s.payments, 1})};
  count_input(scratch, payments, s.payments);
  if (s.payments > 1) {
    frequency_combo(s.frequency, policy);
    track(scratch, "quoter.frequency");
  }
  first_payment_box(boxes, s.first_payment);
  track(scratch, "quoter.first_payment");
}

// Payment method, holiday calendar, day-roll rule and (plans, where the policy allows interest) interest: shared
// by both modes.
void draw_common_inputs(QuoterTerms& t, const QuoterSlice& q, const AppState& state, Locale locale,
                        UiScratch& scratch) {
  plans::PlanRequest& request = t.request;
  const Policy& policy = request.policy;

  label("Payment method");
  if (ImGui::BeginCombo("##method", std::string(to_string(request.method)).c_str())) {
    for (PaymentMethod m : all_methods) {
      if (ImGui::Selectable(std::string(to_string(m)).c_str(), m == request.method)) request.method = m;
    }
    ImGui::EndCombo();
  }
  track(scratch, "quoter.method");

  label("Holiday calendar");
  const Calendar* current = state.calendar(request.calendar_id);
  const std::string preview = current ? current->id + " \xE2\x80\x94 " + current->name : std::string("none");
  if (ImGui::BeginCombo("##calendar", preview.c_str())) {
    if (ImGui::Selectable("none", request.calendar_id.empty())) {
      t.calendar_picked = true;
      request.calendar_id.clear();
      request.day_roll = DayRoll::none;
    }
    for (const auto& [id, calendar] : state.assets.calendars()) {
      const std::string item = id + " \xE2\x80\x94 " + calendar.name;
      if (ImGui::Selectable(item.c_str(), id == request.calendar_id)) {
        t.calendar_picked = true;
        if (request.calendar_id.empty()) request.day_roll = default_roll;
        request.calendar_id = id;
      }
    }
    ImGui::EndCombo();
  }
  track(scratch, "quoter.calendar");
  label("");
  const CalendarChoice& choice = q.calendar_choice;
  if (choice.id.empty()) {
    text_muted("account's calendar: none (" + choice.reason + ")");
  } else if (!state.calendar(choice.id)) {
    text_muted("account's calendar: " + choice.id + " (" + choice.reason + "), not loaded");
  } else {
    text_muted("account's calendar: " + choice.id + " (" + choice.reason + ")");
  }
  for (const Problem& problem : state.assets.calendar_problems()) {
    label("");
    ImGui::TextColored(violation_colour, "%s", problem.text().c_str());
  }

  label("Due dates");
  ImGui::BeginDisabled(request.calendar_id.empty());
  if (ImGui::BeginCombo("##day_roll", std::string(plans::to_string(request.day_roll)).c_str())) {
    for (DayRoll rule : all_rolls) {
      if (ImGui::Selectable(std::string(plans::to_string(rule)).c_str(), rule == request.day_roll)) {
        request.day_roll = rule;
      }
    }
    ImGui::EndCombo();
  }
  ImGui::EndDisabled();
  track(scratch, "quoter.day_roll");

  if (!request.plan || !plans::interest_allowed(policy)) return;
  plans::InstalmentTerms& terms = *request.plan;
  label("Interest");
  if (ImGui::BeginCombo("##interest", std::string(plans::to_string(terms.interest)).c_str())) {
    for (plans::InterestMethod m : all_interest) {
      if (ImGui::Selectable(std::string(plans::to_string(m)).c_str(), m == terms.interest)) terms.interest = m;
    }
    ImGui::EndCombo();
  }
  track(scratch, "quoter.interest");
  if (terms.interest == plans::InterestMethod::none) return;
  label("Annual rate");
  const std::string format = format_string(plans::rate_text(terms.annual_rate_bp, plans::RateUnit::basis_points,
                                                            locale));
  ImGui::SliderInt("##rate", &terms.annual_rate_bp, 0, policy.max_interest_rate_bp, format.c_str(),
                   ImGuiSliderFlags_AlwaysClamp);
  track(scratch, "quoter.rate");
}

void draw_totals(const plans::Quote& quote, Locale locale, UiScratch& scratch) {
  if (!ImGui::BeginTable("quote_totals", 4, ImGuiTableFlags_SizingStretchSame)) return;
  const auto cell = [&](const char* name, const std::string& value) {
    ImGui::TableNextColumn();
    text_muted(name);
    ImGui::TableNextColumn();
    text(value);
  };
  cell("Total of payments", format_money(quote.totals.total_of_payments, locale));
  if (quote.kind == plans::PlanKind::settlement) {
    cell("Balance", format_money(quote.totals.balance, locale));
    cell("Forgiven", format_money(quote.totals.forgiven, locale));
    cell("Fees", format_money(quote.totals.fees, locale));
  } else {
    cell("Finance charge", format_money(quote.totals.finance_charge, locale));
    cell("Fees", format_money(quote.totals.fees, locale));
    scratch.quoter.apr = plans::apr_text(quote, locale);
    cell("APR", scratch.quoter.apr);
    cell("Amount financed", format_money(quote.totals.amount_financed, locale));
  }
  cell("Total paid", format_money(quote.totals.total_paid, locale));
  ImGui::EndTable();
}

// The schedule; a due date moved off a non-business day is marked '*' (hover: the scheduled date and why), and
// the moves are listed under the table.
void draw_schedule(const plans::Quote& quote, const Calendar* calendar, DayRoll rule, Locale locale,
                   UiScratch& scratch) {
  const float row_height = ImGui::GetTextLineHeightWithSpacing();
  const float height = row_height * static_cast<float>(std::min<std::size_t>(quote.schedule.size(), 10) + 1) +
                       ImGui::GetStyle().CellPadding.y * 4.0f;
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("schedule", 7, flags, ImVec2(0.0f, height))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Due");
    ImGui::TableSetupColumn("Amount");
    ImGui::TableSetupColumn("Principal");
    ImGui::TableSetupColumn("Interest");
    ImGui::TableSetupColumn("Fees");
    ImGui::TableSetupColumn("Balance after");
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(quote.schedule.size()));
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const plans::ScheduleRow& row = quote.schedule[static_cast<std::size_t>(i)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        text(row.kind == plans::RowKind::down_payment ? std::string("down") : std::to_string(row.number));
        ImGui::TableNextColumn();
        if (row.due != row.scheduled) {
          text(row.due.iso() + " *");
          if (ImGui::IsItemHovered()) {
            const std::string why = calendar ? " (" + closed_because(*calendar, row.scheduled) + ")" : std::string();
            ImGui::SetTooltip("scheduled %s%s", row.scheduled.iso().c_str(), why.c_str());
          }
        } else {
          text(row.due.iso());
        }
        ImGui::TableNextColumn();
        text_right_aligned(format_money(row.amount, locale));
        ImGui::TableNextColumn();
        text_right_aligned(format_money(row.principal, locale));
        ImGui::TableNextColumn();
        text_right_aligned(format_money(row.interest, locale));
        ImGui::TableNextColumn();
        text_right_aligned(format_money(row.fees, locale));
        ImGui::TableNextColumn();
        text_right_aligned(format_money(row.balance_after, locale));
      }
    }
    ImGui::EndTable();
    scratch.widgets.record("quoter.schedule");
  }

  std::vector<const plans::ScheduleRow*> moved;
  for (const plans::ScheduleRow& row : quote.schedule) {
    if (row.due != row.scheduled) moved.push_back(&row);
  }
  if (!calendar) return;
  const std::string count = moved.empty() ? std::string("no due date") :
                            moved.size() == 1 ? std::string("* 1 due date") :
                            "* " + std::to_string(moved.size()) + " due dates";
  std::string line = count + " moved off non-business days of " + calendar->id + " (" +
                     std::string(plans::to_string(rule)) + ")";
  constexpr std::size_t listed = 3;
  for (std::size_t i = 0; i < moved.size() && i < listed; ++i) {
    line += (i == 0 ? ": " : "; ") + moved[i]->scheduled.iso() + " " + closed_because(*calendar, moved[i]->scheduled) +
            " -> " + moved[i]->due.iso();
  }
  if (moved.size() > listed) line += "; ...";
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", line.c_str());
  ImGui::PopStyleColor();
}

// Violations in words, each with its alternative and an Apply button; approvals.
void draw_findings(const QuoterSlice& q, UiScratch& scratch, Dispatch& dispatch) {
  bool applied = false;
  for (std::size_t i = 0; i < q.check.violations.size(); ++i) {
    const plans::Violation& v = q.check.violations[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::PushStyleColor(ImGuiCol_Text, violation_colour);
    ImGui::TextWrapped("Not allowed: %s", v.message.c_str());
    ImGui::PopStyleColor();
    if (v.alternative) {
      ImGui::Indent();
      ImGui::TextWrapped("Suggested: %s", v.alternative_text.c_str());
      if (enter_button("Apply") && !applied) {
        dispatch(ApplyAlternative{q.account_id, i});
        applied = true;
      }
      if (!scratch.widgets.all().count("quoter.apply")) track(scratch, "quoter.apply");
      ImGui::Unindent();
    }
    ImGui::PopID();
  }
  for (const plans::Approval& a : q.check.approvals) {
    ImGui::PushStyleColor(ImGuiCol_Text, approval_colour);
    ImGui::TextWrapped("Needs supervisor approval: %s", a.message.c_str());
    ImGui::PopStyleColor();
  }
}

// The account's latest referral to a supervisor: waiting, or what was decided and why.
void draw_referral(const AppState& state, const Account& account) {
  const AccountState* fold = state.fold_of(account.id);
  if (fold == nullptr || fold->approvals.empty()) return;
  const ApprovalRecord& r = fold->approvals.back();
  const std::string referred = "The plan referred at " + r.requested_at.iso();
  std::string line;
  switch (r.status) {
    case ApprovalStatus::pending:
      line = "Waiting for a supervisor's decision on the plan referred at " + r.requested_at.iso() +
             ": the account is held back from get-next until then.";
      break;
    case ApprovalStatus::approved: line = referred + " was approved by " + r.decided_by; break;
    case ApprovalStatus::declined: line = referred + " was declined by " + r.decided_by; break;
    case ApprovalStatus::withdrawn: line = referred + " was withdrawn"; break;
  }
  if (r.status != ApprovalStatus::pending && !r.decision_note.empty()) line += ": " + r.decision_note;
  ImGui::PushStyleColor(ImGuiCol_Text, approval_colour);
  ImGui::TextWrapped("%s", line.c_str());
  ImGui::PopStyleColor();
}

void draw_offers(const AppState& state, const Account& account, Locale locale) {
  const std::vector<const Event*> offers = state.offers_for(account.id);
  text_muted("Offers recorded: " + std::to_string(offers.size()));
  for (const Event* event : offers) {
    const auto* accepted = event->get<PlanAccepted>();
    const auto* referred = event->get<ApprovalRequested>();
    const std::string& request = accepted ? accepted->request : referred->request;
    std::string line = event->recorded_at.iso() + (referred ? "  referred to a supervisor: " : "  ");
    const plans::RequestLoad load = plans::load_request(request);
    const plans::QuoteResult result =
        load.request ? plans::quote_plan(*load.request, state.calendar(load.request->calendar_id))
                     : plans::QuoteResult{};
    line += result.quote ? plans::describe_payments(*result.quote, locale) : std::string("(request does not quote)");
    ImGui::Bullet();
    ImGui::TextWrapped("%s", line.c_str());
    const EventSync sync = state.sync_of(event->id);
    if (sync.status == SyncStatus::accepted) {
      ImGui::Indent();
      text_muted("accepted by the server");
      ImGui::Unindent();
    } else if (sync.status == SyncStatus::rejected) {
      ImGui::Indent();
      ImGui::PushStyleColor(ImGuiCol_Text, violation_colour);
      ImGui::TextWrapped("rejected by the server: %s", sync.reason.c_str());
      ImGui::PopStyleColor();
      ImGui::Unindent();
    } else {
      ImGui::Indent();
      text_muted("not yet accepted by a server");
      ImGui::Unindent();
    }
  }
}

}  // namespace

void draw_quoter(const AppState& state, UiScratch& scratch, Dispatch& dispatch) {
  const Account* account = state.selected_account();
  if (!account) return;
  const LoadedPortfolio& data = *state.data;
  const Locale locale = data.entries[data.by_id.at(account->id)].locale;
  const QuoterSlice& q = state.quoter;
  scratch.quoter.focused.clear();
  scratch.quoter.apr.clear();

  ImGui::BeginGroup();
  ImGui::Spacing();
  text("Plan quoter");
  ImGui::Separator();
  if (!state.client_of(*account) || q.account_id != account->id) {
    text_muted("No policy: the account's client " + account->client_id + " is not in the portfolio.");
    ImGui::EndGroup();
    scratch.widgets.record("quoter.panel");
    return;
  }
  if (scratch.quoter.account_id != q.account_id || scratch.quoter.revision != q.revision) load_boxes(scratch.quoter, q);

  // The widgets edit a copy of the terms; a change goes back to the model, which quotes it by the next frame.
  QuoterTerms terms = q.terms();
  ImGui::PushID("quoter");
  draw_mode(q, scratch, dispatch);
  if (terms.request.settlement) {
    draw_settlement_inputs(terms, locale, scratch);
  } else if (terms.request.plan) {
    draw_plan_inputs(terms, locale, scratch);
  }
  draw_common_inputs(terms, q, state, locale, scratch);
  if (terms != q.terms()) dispatch(EditQuote{q.account_id, terms});

  const Calendar* calendar = state.calendar(q.request.calendar_id);
  ImGui::Spacing();
  for (const Problem& problem : q.problems) {
    ImGui::PushStyleColor(ImGuiCol_Text, violation_colour);
    ImGui::TextWrapped("%s", problem.text().c_str());
    ImGui::PopStyleColor();
  }
  if (q.quote) {
    const plans::Quote& quote = *q.quote;
    text(plans::describe_payments(quote, locale));
    draw_totals(quote, locale, scratch);
    draw_findings(q, scratch, dispatch);
    draw_schedule(quote, calendar, q.request.day_roll, locale, scratch);
    if (ImGui::TreeNode("Disclosure")) {
      ImGui::TextWrapped("%s", plans::disclosure_text(quote, locale).c_str());
      ImGui::TreePop();
    }
  }

  const bool can_offer = q.can_offer() && terms == q.terms();
  const bool can_refer = q.can_refer() && terms == q.terms();
  if (can_refer) {
    // Beyond the collector's authority: referred to a supervisor with a note, and the account waits.
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##referral_note", "Note for the supervisor (why this plan)", scratch.quoter.referral_note,
                             sizeof scratch.quoter.referral_note);
    track(scratch, "quoter.referral_note");
    const char* refer_text = q.settlement ? "Refer this settlement to a supervisor" : "Refer this plan to a supervisor";
    if (enter_button(refer_text)) {
      RecordOffer refer{account->id, q.request, {}, {}, {}};
      refer.refer = true;
      refer.note = scratch.quoter.referral_note;
      scratch.quoter.referral_note[0] = '\0';
      dispatch(std::move(refer));
    }
    track(scratch, "quoter.refer");
  } else {
    ImGui::BeginDisabled(!can_offer);
    const char* offer_text = q.settlement ? "Offer this settlement" : "Offer this plan";
    if (enter_button(offer_text, can_offer)) dispatch(RecordOffer{account->id, q.request, {}, {}, {}});
    ImGui::EndDisabled();
    track(scratch, "quoter.offer");
    if (!can_offer && q.quote) {
      ImGui::SameLine();
      text_muted("resolve the violations to offer");
    }
  }
  draw_referral(state, *account);
  for (const Problem& problem : q.offer_problems) {
    ImGui::PushStyleColor(ImGuiCol_Text, violation_colour);
    ImGui::TextWrapped("Not recorded: %s", problem.text().c_str());
    ImGui::PopStyleColor();
  }
  draw_offers(state, *account, locale);
  ImGui::PopID();
  ImGui::EndGroup();
  scratch.widgets.record("quoter.panel");
}

}  // namespace parley::shell
