// The plan quoter: instalment terms for the selected account edited with inputs and sliders, the schedule and
// totals core quotes for them (recomputed whenever the terms change), the policy's violations with their
// compliant alternative (Apply), approvals, and Offer, which records the quote in the journal.
//
// Every figure, finding and sentence shown comes from core (quote_plan, check_policy, describe_payments,
// disclosure_text); this file only edits the request and lays the answers out.
//
// The quote date is the host's date (UiScratch::today); the first payment defaults to a month after it. When
// the host gives no clock, the portfolio's as_of date stands in for it.

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "parley/plans/plan_json.h"
#include "screens.h"

namespace parley::shell {
namespace {

constexpr Frequency all_frequencies[] = {Frequency::weekly, Frequency::fortnightly, Frequency::semi_monthly,
                                         Frequency::monthly};
constexpr PaymentMethod all_methods[] = {PaymentMethod::card, PaymentMethod::bank_transfer, PaymentMethod::cheque};
constexpr plans::InterestMethod all_interest[] = {plans::InterestMethod::none, plans::InterestMethod::simple,
                                                  plans::InterestMethod::amortised};

const ImVec4 violation_colour(0.70f, 0.10f, 0.10f, 1.0f);
const ImVec4 approval_colour(0.60f, 0.40f, 0.00f, 1.0f);

void copy_text(char* buffer, std::size_t size, const std::string& value) {
  std::snprintf(buffer, size, "%s", value.c_str());
}

// Text boxes and mode set from a request's instalment terms (after setup and after Apply).
void load_inputs(QuoterInputs& q, const plans::PlanRequest& request) {
  q.request = request;
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

// Fresh inputs for an account: core's opening offer (plans::opening_request) for today.
void set_up(QuoterInputs& q, const Account& account, const Client& client, Date today) {
  q = QuoterInputs{};
  q.account_id = account.id;
  const plans::PlanRequest request = plans::opening_request(account, client, today);
  q.affordable_minor = std::max<std::int64_t>(account.balance.total().minor() / 12, 1);
  copy_text(q.affordable_text, sizeof q.affordable_text,
            format_decimal(Money(q.affordable_minor, account.currency)));
  load_inputs(q, request);
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

std::string rate_text(int bp) {  // 1250 -> "12.50 %"
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

void label(const char* s) {
  ImGui::AlignTextToFramePadding();
  text_muted(s);
  ImGui::SameLine(150.0f);
  ImGui::SetNextItemWidth(-1.0f);
}

// The input widgets; they change q.request and the text boxes.
void draw_inputs(QuoterInputs& q, Locale locale, UiScratch& scratch) {
  plans::PlanRequest& request = q.request;
  plans::InstalmentTerms& terms = *request.plan;
  const Currency currency = request.currency;
  const Policy& policy = request.policy;
  const std::int64_t balance = request.balance.total().minor();

  label("Down payment");
  if (ImGui::InputText("##down_text", q.down_payment_text, sizeof q.down_payment_text,
                       ImGuiInputTextFlags_CharsDecimal)) {
    if (auto amount = parse_decimal(q.down_payment_text, currency)) terms.down_payment = *amount;
  }
  scratch.widgets.record("quoter.down_payment");
  label("");
  std::int64_t down = terms.down_payment.minor();
  const std::int64_t down_min = 0;
  const std::int64_t down_max = std::max<std::int64_t>(balance, 0);
  const std::string down_format = money_format(terms.down_payment, locale);
  if (ImGui::SliderScalar("##down_slider", ImGuiDataType_S64, &down, &down_min, &down_max, down_format.c_str())) {
    terms.down_payment = Money(down, currency);
    copy_text(q.down_payment_text, sizeof q.down_payment_text, format_decimal(terms.down_payment));
  }

  label("Plan by");
  if (ImGui::RadioButton("number of instalments", !q.by_amount)) q.by_amount = false;
  ImGui::SameLine();
  if (ImGui::RadioButton("affordable instalment", q.by_amount)) q.by_amount = true;

  if (!q.by_amount) {
    const int policy_max = std::max(1, plans::max_instalments_in(policy.max_term_months, terms.frequency));
    const int slider_max = std::max(policy_max, q.instalments);
    label("Instalments");
    ImGui::SliderInt("##term_slider", &q.instalments, 1, slider_max, "%d", ImGuiSliderFlags_AlwaysClamp);
    scratch.widgets.record("quoter.term");
    q.instalments = std::clamp(q.instalments, 1, plans::max_instalments);
    label("");
    ImGui::InputInt("##term_input", &q.instalments);
    q.instalments = std::clamp(q.instalments, 1, plans::max_instalments);
    terms.instalments = q.instalments;
    terms.instalment_amount.reset();
  } else {
    label("Affordable");
    if (ImGui::InputText("##afford_text", q.affordable_text, sizeof q.affordable_text,
                         ImGuiInputTextFlags_CharsDecimal)) {
      if (auto amount = parse_decimal(q.affordable_text, currency)) q.affordable_minor = amount->minor();
    }
    terms.instalment_amount = Money(q.affordable_minor, currency);
    terms.instalments.reset();
  }

  label("Frequency");
  const std::string freq_preview = std::string(to_string(terms.frequency)) +
                                   (plans::allows_frequency(policy, terms.frequency) ? "" : " (not allowed)");
  if (ImGui::BeginCombo("##frequency", freq_preview.c_str())) {
    for (Frequency f : all_frequencies) {
      const std::string item = std::string(to_string(f)) + (plans::allows_frequency(policy, f) ? "" : " (not allowed)");
      if (ImGui::Selectable(item.c_str(), f == terms.frequency)) terms.frequency = f;
    }
    ImGui::EndCombo();
  }

  label("First payment");
  if (ImGui::InputText("##first_payment", q.first_payment_text, sizeof q.first_payment_text)) {
    if (auto date = Date::parse(q.first_payment_text)) terms.first_payment = *date;
  }
  if (!Date::parse(q.first_payment_text)) {
    ImGui::TextColored(violation_colour, "Enter the date as YYYY-MM-DD; quoting %s",
                       terms.first_payment.iso().c_str());
  }

  label("Payment method");
  if (ImGui::BeginCombo("##method", std::string(to_string(request.method)).c_str())) {
    for (PaymentMethod m : all_methods) {
      if (ImGui::Selectable(std::string(to_string(m)).c_str(), m == request.method)) {
        request.method = m;
        request.convenience_fee = plans::authorised_convenience_fee(policy, m, currency);
      }
    }
    ImGui::EndCombo();
  }

  if (policy.max_interest_rate_bp > 0) {
    label("Interest");
    if (ImGui::BeginCombo("##interest", std::string(plans::to_string(terms.interest)).c_str())) {
      for (plans::InterestMethod m : all_interest) {
        if (ImGui::Selectable(std::string(plans::to_string(m)).c_str(), m == terms.interest)) terms.interest = m;
      }
      ImGui::EndCombo();
    }
    if (terms.interest != plans::InterestMethod::none) {
      label("Annual rate");
      const std::string rate_format = rate_text(terms.annual_rate_bp);
      ImGui::SliderInt("##rate", &terms.annual_rate_bp, 0, policy.max_interest_rate_bp, rate_format.c_str(),
                       ImGuiSliderFlags_AlwaysClamp);
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
  cell("Finance charge", format_money(quote.totals.finance_charge, locale));
  cell("Fees", format_money(quote.totals.fees, locale));
  cell("APR", apr_text(quote.apr_thousandths));
  cell("Amount financed", format_money(quote.totals.amount_financed, locale));
  cell("Total paid", format_money(quote.totals.total_paid, locale));
  ImGui::EndTable();
}

void draw_schedule(const plans::Quote& quote, Locale locale, UiScratch& scratch) {
  const float row_height = ImGui::GetTextLineHeightWithSpacing();
  const float height = row_height * static_cast<float>(std::min<std::size_t>(quote.schedule.size(), 10) + 1) +
                       ImGui::GetStyle().CellPadding.y * 4.0f;
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("schedule", 7, flags, ImVec2(0.0f, height))) return;
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
      text(row.due.iso());
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

// Violations in words, each with its alternative and an Apply button; true when one was applied.
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
      if (ImGui::Button("Apply") && !applied) {
        plans::PlanRequest alternative = *v.alternative;
        alternative.today = q.request.today;
        load_inputs(q, alternative);
        applied = true;
      }
      if (!scratch.widgets.all().count("quoter.apply")) scratch.widgets.record("quoter.apply");
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
    const plans::QuoteResult result = load.request ? plans::quote_plan(*load.request) : plans::QuoteResult{};
    line += result.quote ? plans::describe_payments(*result.quote, locale) : std::string("(request does not quote)");
    ImGui::Bullet();
    ImGui::TextWrapped("%s", line.c_str());
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
  if (q.account_id != account->id) set_up(q, *account, *client, scratch.today);
  q.request.today = scratch.today;

  ImGui::PushID("quoter");
  draw_inputs(q, locale, scratch);

  if (!q.quoted || *q.quoted != q.request) {
    q.quoted = q.request;
    plans::QuoteResult result = plans::quote_plan(q.request);
    q.problems = std::move(result.problems);
    q.quote = std::move(result.quote);
    q.check = q.quote ? plans::check_policy(q.request, *q.quote, nullptr, locale) : plans::PolicyCheck{};
  }

  ImGui::Spacing();
  for (const Problem& problem : q.problems) {
    ImGui::PushStyleColor(ImGuiCol_Text, violation_colour);
    ImGui::TextWrapped("%s", problem.text().c_str());
    ImGui::PopStyleColor();
  }
  if (q.quote) {
    const plans::Quote quote = *q.quote;  // Apply may replace q.quote below
    text(plans::describe_payments(quote, locale));
    draw_totals(quote, locale);
    draw_findings(q, scratch);
    draw_schedule(quote, locale, scratch);
    if (ImGui::TreeNode("Disclosure")) {
      ImGui::TextWrapped("%s", plans::disclosure_text(quote, locale).c_str());
      ImGui::TreePop();
    }
  }

  const bool can_offer = q.quote && q.check.compliant() && q.quoted == q.request;
  ImGui::BeginDisabled(!can_offer);
  if (ImGui::Button("Offer this plan")) dispatch(RecordOffer{account->id, q.request, {}, {}, {}});
  ImGui::EndDisabled();
  scratch.widgets.record("quoter.offer");
  if (!can_offer && q.quote) {
    ImGui::SameLine();
    text_muted("resolve the violations to offer");
  }
  draw_offers(state, *account, locale);
  ImGui::PopID();
  ImGui::EndGroup();
  scratch.widgets.record("quoter.panel");
}

}  // namespace parley::shell
