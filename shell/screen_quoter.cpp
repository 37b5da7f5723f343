// The plan quoter: an instalment plan or a settlement for the selected account, edited with inputs and sliders;
// the schedule and totals core quotes for it (recomputed whenever the terms change), due dates rolled off
// non-business days by the account's holiday calendar, the policy's violations with their compliant alternative
// (Apply), approvals a supervisor must give, and Offer, which records the quote in the journal.
//
// Every figure, finding and sentence shown comes from core (quote_plan, check_policy, describe_payments,
// disclosure_text, choose_calendar); this file only edits the request and lays the answers out.
//
// The quote date is the host's date (UiScratch::today); the first payment defaults to a month after it. When
// the host gives no clock, the portfolio's as_of date stands in for it.
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
void track(QuoterInputs& q, UiScratch& scratch, const char* name) {
  scratch.widgets.record(name);
  if (ImGui::IsItemFocused()) q.focused = name;
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

// Text boxes and mode set from a request's terms (after setup and after Apply).
void load_inputs(QuoterInputs& q, const plans::PlanRequest& request) {
  q.request = request;
  q.settlement = request.settlement.has_value();
  if (request.settlement) {
    const plans::SettlementTerms& s = *request.settlement;
    copy_text(q.settlement_text, sizeof q.settlement_text, format_decimal(s.amount));
    copy_text(q.first_payment_text, sizeof q.first_payment_text, s.first_payment.iso());
    return;
  }
  if (!request.plan) return;
  const plans::InstalmentTerms& terms = *request.plan;
  q.by_amount = terms.instalment_amount.has_value();
  if (terms.instalments) q.instalments = *terms.instalments;
  if (terms.instalment_amount) {
    q.affordable_minor = terms.instalment_amount->minor();
    copy_text(q.affordable_text, sizeof q.affordable_text, format_decimal(*terms.instalment_amount));
  }
  copy_text(q.down_payment_text, sizeof q.down_payment_text, format_decimal(terms.down_payment));
  copy_text(q.first_payment_text, sizeof q.first_payment_text, terms.first_payment.iso());
}

// Switches the request between instalment terms and settlement terms, keeping the other aside.
void set_mode(QuoterInputs& q, bool settlement, const Calendar* calendar) {
  if (settlement == q.settlement) return;
  plans::PlanRequest request = q.request;
  if (settlement) {
    q.aside_plan = request.plan;
    request.settlement = q.aside_settlement ? *q.aside_settlement : opening_settlement(request, calendar);
    request.plan.reset();
  } else {
    q.aside_settlement = request.settlement;
    request.plan = q.aside_plan;
    request.settlement.reset();
  }
  load_inputs(q, request);
}

// Fresh inputs for an account: core's opening offer over the balance now for today, and core's calendar.
void set_up(QuoterInputs& q, const AccountState& fold, const Client& client, Date today) {
  q = QuoterInputs{};
  q.account_id = fold.account->id;
  q.calendar_choice = choose_calendar(*fold.account);
  const plans::PlanRequest request = opening_offer(fold, client, today);
  const Money affordable = default_affordable_instalment(fold);
  q.affordable_minor = affordable.minor();
  copy_text(q.affordable_text, sizeof q.affordable_text, format_decimal(affordable));
  load_inputs(q, request);
}

// Until the collector picks one, the request follows core's calendar for the account once the host has handed
// it in (and none before), with the default day-roll rule.
void follow_calendar_choice(QuoterInputs& q, const AppState& state) {
  if (q.calendar_picked) return;
  const std::string want = state.calendar(q.calendar_choice.id) ? q.calendar_choice.id : std::string();
  if (q.request.calendar_id == want) return;
  q.request.calendar_id = want;
  q.request.day_roll = want.empty() ? DayRoll::none : default_roll;
}

// A slider's display text: the value as money, with any '%' doubled for ImGui's format.
std::string money_format(Money amount, Locale locale) {
  std::string out;
  for (char c : format_money(amount, locale)) {
    out += c;
    if (c == '%') out += '%';
  }
  return out;
}

std::string bp_text(int bp) {  // 1250 -> "12.50 %"
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%d.%02d %%", bp / 100, bp % 100);
  return buffer;
}

std::string apr_text(const std::optional<int>& thousandths) {  // 12345 -> "12.345 %"
  if (!thousandths) return "n/a";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%d.%03d %%", *thousandths / 1000, *thousandths % 1000);
  return buffer;
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

void label(const char* s) {
  ImGui::AlignTextToFramePadding();
  text_muted(s);
  ImGui::SameLine(150.0f);
  ImGui::SetNextItemWidth(-1.0f);
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

void first_payment_box(QuoterInputs& q, Date& first_payment) {
  label("First payment");
  if (ImGui::InputText("##first_payment", q.first_payment_text, sizeof q.first_payment_text)) {
    if (auto date = Date::parse(q.first_payment_text)) first_payment = *date;
  }
  if (!Date::parse(q.first_payment_text)) {
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
void money_input(QuoterInputs& q, UiScratch& scratch, Locale locale, const MoneyInput& input, std::span<char> text,
                 Money& amount) {
  const Currency currency = q.request.currency;
  label(input.title);
  if (ImGui::InputText(input.text_id, text.data(), text.size(), ImGuiInputTextFlags_CharsDecimal)) {
    if (auto typed = parse_decimal(text.data(), currency)) amount = *typed;
  }
  track(q, scratch, input.text_name);
  label("");
  std::int64_t value = amount.minor();
  const std::string format = money_format(amount, locale);
  if (ImGui::SliderScalar(input.slider_id, ImGuiDataType_S64, &value, &input.min, &input.max, format.c_str())) {
    amount = Money(value, currency);
    copy_text(text.data(), text.size(), format_decimal(amount));
  }
  track(q, scratch, input.slider_name);
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
void count_input(QuoterInputs& q, UiScratch& scratch, const CountInput& input, int& count) {
  label(input.title);
  ImGui::SliderInt(input.slider_id, &count, 1, input.slider_max, "%d", ImGuiSliderFlags_AlwaysClamp);
  track(q, scratch, input.slider_name);
  count = std::clamp(count, 1, plans::max_instalments);
  label("");
  ImGui::InputInt(input.box_id, &count);
  track(q, scratch, input.box_name);
  count = std::clamp(count, 1, plans::max_instalments);
}

// Instalment plan or settlement, as two radio buttons.
void draw_mode(QuoterInputs& q, UiScratch& scratch, const Calendar* calendar) {
  label("Offer");
  if (ImGui::RadioButton("Instalment plan", !q.settlement)) set_mode(q, false, calendar);
  track(q, scratch, "quoter.mode.plan");
  ImGui::SameLine();
  if (ImGui::RadioButton("Settlement", q.settlement)) set_mode(q, true, calendar);
  track(q, scratch, "quoter.mode.settlement");
}

// The instalment plan's widgets; they change q.request.plan and the text boxes.
void draw_plan_inputs(QuoterInputs& q, Locale locale, UiScratch& scratch) {
  plans::PlanRequest& request = q.request;
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
  money_input(q, scratch, locale, down, q.down_payment_text, terms.down_payment);

  label("Plan by");
  if (ImGui::RadioButton("number of instalments", !q.by_amount)) q.by_amount = false;
  track(q, scratch, "quoter.by_term");
  ImGui::SameLine();
  if (ImGui::RadioButton("affordable instalment", q.by_amount)) q.by_amount = true;
  track(q, scratch, "quoter.by_amount");

  if (!q.by_amount) {
    const int policy_max = std::max(1, plans::max_instalments_in(policy.max_term_months, terms.frequency));
    const CountInput term{.title = "Instalments",
                          .slider_id = "##term_slider",
                          .slider_name = "quoter.term",
                          .box_id = "##term_input",
                          .box_name = "quoter.term_input",
                          .slider_max = std::max(policy_max, q.instalments)};
    count_input(q, scratch, term, q.instalments);
    terms.instalments = q.instalments;
    terms.instalment_amount.reset();
  } else {
    label("Affordable");
    if (ImGui::InputText("##afford_text", q.affordable_text, sizeof q.affordable_text,
                         ImGuiInputTextFlags_CharsDecimal)) {
      if (auto amount = parse_decimal(q.affordable_text, currency)) q.affordable_minor = amount->minor();
    }
    track(q, scratch, "quoter.affordable");
    terms.instalment_amount = Money(q.affordable_minor, currency);
    terms.instalments.reset();
  }

  frequency_combo(terms.frequency, policy);
  track(q, scratch, "quoter.frequency");
  first_payment_box(q, terms.first_payment);
  track(q, scratch, "quoter.first_payment");
}

// The settlement's widgets: amount (box and slider), payments, frequency when several, first payment date; and
// the policy's floor and latitudes as its shares of the balance.
void draw_settlement_inputs(QuoterInputs& q, Locale locale, UiScratch& scratch) {
  plans::PlanRequest& request = q.request;
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
  money_input(q, scratch, locale, settle, q.settlement_text, s.amount);
  label("");
  std::string band = "floor " + bp_text(policy.settlement_floor_bp) + " of the balance";
  if (policy.collector_below_floor_bp > 0) band += "; " + bp_text(policy.collector_below_floor_bp) + " under it alone";
  if (policy.supervisor_below_floor_bp > policy.collector_below_floor_bp) {
    band += "; " + bp_text(policy.supervisor_below_floor_bp) + " under it with supervisor approval";
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
  count_input(q, scratch, payments, s.payments);
  if (s.payments > 1) {
    frequency_combo(s.frequency, policy);
    track(q, scratch, "quoter.frequency");
  }
  first_payment_box(q, s.first_payment);
  track(q, scratch, "quoter.first_payment");
}

// Payment method, holiday calendar, day-roll rule and (plans) interest: shared by both modes.
void draw_common_inputs(QuoterInputs& q, const AppState& state, UiScratch& scratch) {
  plans::PlanRequest& request = q.request;
  const Policy& policy = request.policy;

  label("Payment method");
  if (ImGui::BeginCombo("##method", std::string(to_string(request.method)).c_str())) {
    for (PaymentMethod m : all_methods) {
      if (ImGui::Selectable(std::string(to_string(m)).c_str(), m == request.method)) {
        request.method = m;
        request.convenience_fee = plans::authorised_convenience_fee(policy, m, request.currency);
      }
    }
    ImGui::EndCombo();
  }
  track(q, scratch, "quoter.method");

  label("Holiday calendar");
  const Calendar* current = state.calendar(request.calendar_id);
  const std::string preview = current ? current->id + " \xE2\x80\x94 " + current->name : std::string("none");
  if (ImGui::BeginCombo("##calendar", preview.c_str())) {
    if (ImGui::Selectable("none", request.calendar_id.empty())) {
      q.calendar_picked = true;
      request.calendar_id.clear();
      request.day_roll = DayRoll::none;
    }
    for (const auto& [id, calendar] : state.calendars) {
      const std::string item = id + " \xE2\x80\x94 " + calendar.name;
      if (ImGui::Selectable(item.c_str(), id == request.calendar_id)) {
        q.calendar_picked = true;
        if (request.calendar_id.empty()) request.day_roll = default_roll;
        request.calendar_id = id;
      }
    }
    ImGui::EndCombo();
  }
  track(q, scratch, "quoter.calendar");
  label("");
  const CalendarChoice& choice = q.calendar_choice;
  if (choice.id.empty()) {
    text_muted("account's calendar: none (" + choice.reason + ")");
  } else if (!state.calendar(choice.id)) {
    text_muted("account's calendar: " + choice.id + " (" + choice.reason + "), not loaded");
  } else {
    text_muted("account's calendar: " + choice.id + " (" + choice.reason + ")");
  }
  for (const Problem& problem : state.calendar_problems) {
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
  track(q, scratch, "quoter.day_roll");

  if (!request.plan) return;
  plans::InstalmentTerms& terms = *request.plan;
  if (policy.max_interest_rate_bp > 0) {
    label("Interest");
    if (ImGui::BeginCombo("##interest", std::string(plans::to_string(terms.interest)).c_str())) {
      for (plans::InterestMethod m : all_interest) {
        if (ImGui::Selectable(std::string(plans::to_string(m)).c_str(), m == terms.interest)) terms.interest = m;
      }
      ImGui::EndCombo();
    }
    track(q, scratch, "quoter.interest");
    if (terms.interest != plans::InterestMethod::none) {
      label("Annual rate");
      const std::string rate_format = bp_text(terms.annual_rate_bp);
      ImGui::SliderInt("##rate", &terms.annual_rate_bp, 0, policy.max_interest_rate_bp, rate_format.c_str(),
                       ImGuiSliderFlags_AlwaysClamp);
      track(q, scratch, "quoter.rate");
    } else {
      terms.annual_rate_bp = 0;
    }
  } else {
    terms.interest = plans::InterestMethod::none;
    terms.annual_rate_bp = 0;
  }
}

void draw_totals(const plans::Quote& quote, Locale locale) {
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
    cell("APR", apr_text(quote.apr_thousandths));
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

// Violations in words, each with its alternative and an Apply button; approvals. True when one was applied.
bool draw_findings(QuoterInputs& q, UiScratch& scratch) {
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
        plans::PlanRequest alternative = *v.alternative;
        alternative.today = q.request.today;
        load_inputs(q, alternative);
        applied = true;
      }
      if (!scratch.widgets.all().count("quoter.apply")) track(q, scratch, "quoter.apply");
      ImGui::Unindent();
    }
    ImGui::PopID();
  }
  for (const plans::Approval& a : q.check.approvals) {
    ImGui::PushStyleColor(ImGuiCol_Text, approval_colour);
    ImGui::TextWrapped("Needs supervisor approval: %s", a.message.c_str());
    ImGui::PopStyleColor();
  }
  return applied;
}

void draw_offers(const AppState& state, const Account& account, Locale locale) {
  const std::vector<const Event*> offers = state.offers_for(account.id);
  text_muted("Offers recorded: " + std::to_string(offers.size()));
  for (const Event* event : offers) {
    const PlanAccepted& plan = *event->get<PlanAccepted>();
    std::string line = event->recorded_at.iso() + "  ";
    const plans::RequestLoad load = plans::load_request(plan.request);
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
  const Client* client = data.portfolio.find_client(account->client_id);
  QuoterInputs& q = scratch.quoter;

  ImGui::BeginGroup();
  ImGui::Spacing();
  text("Plan quoter");
  ImGui::Separator();
  if (!client) {
    text_muted("No policy: the account's client " + account->client_id + " is not in the portfolio.");
    ImGui::EndGroup();
    scratch.widgets.record("quoter.panel");
    return;
  }
  const AccountState fold = state.account_state(*account);
  if (q.account_id != account->id) set_up(q, fold, *client, scratch.today);
  q.request.today = scratch.today;
  q.request.balance = fold.balance.itemised;  // payments and adjustments change what is quoted
  q.focused.clear();
  follow_calendar_choice(q, state);

  ImGui::PushID("quoter");
  draw_mode(q, scratch, state.calendar(q.request.calendar_id));
  if (q.request.settlement) {
    draw_settlement_inputs(q, locale, scratch);
  } else {
    draw_plan_inputs(q, locale, scratch);
  }
  draw_common_inputs(q, state, scratch);

  const Calendar* calendar = state.calendar(q.request.calendar_id);
  if (!q.quoted || *q.quoted != q.request || q.quoted_calendar != calendar) {
    q.quoted = q.request;
    q.quoted_calendar = calendar;
    plans::QuoteResult result = plans::quote_plan(q.request, calendar);
    q.problems = std::move(result.problems);
    q.quote = std::move(result.quote);
    q.check = q.quote ? plans::check_policy(q.request, *q.quote, calendar, locale) : plans::PolicyCheck{};
  }

  ImGui::Spacing();
  for (const Problem& problem : q.problems) {
    ImGui::PushStyleColor(ImGuiCol_Text, violation_colour);
    ImGui::TextWrapped("%s", problem.text().c_str());
    ImGui::PopStyleColor();
  }
  if (q.quote) {
    const plans::Quote quote = *q.quote;  // Apply may replace q.quote below
    const DayRoll rule = q.request.day_roll;
    text(plans::describe_payments(quote, locale));
    draw_totals(quote, locale);
    draw_findings(q, scratch);
    draw_schedule(quote, calendar, rule, locale, scratch);
    if (ImGui::TreeNode("Disclosure")) {
      ImGui::TextWrapped("%s", plans::disclosure_text(quote, locale).c_str());
      ImGui::TreePop();
    }
  }

  // A collector offers alone only what breaks no bound and needs no approval (core's check_offer refuses more).
  const bool can_offer = q.quote && q.check.compliant() && q.check.approvals.empty() && q.quoted == q.request;
  ImGui::BeginDisabled(!can_offer);
  const char* offer_text = q.settlement ? "Offer this settlement" : "Offer this plan";
  if (enter_button(offer_text, can_offer)) dispatch(RecordOffer{account->id, q.request, {}, {}, {}});
  ImGui::EndDisabled();
  track(q, scratch, "quoter.offer");
  if (!can_offer && q.quote) {
    ImGui::SameLine();
    text_muted(q.check.compliant() ? "needs a supervisor's approval: a collector cannot offer it alone"
                                   : "resolve the violations to offer");
  }
  for (const Problem& problem : state.offer_problems) {
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
