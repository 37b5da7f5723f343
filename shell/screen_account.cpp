// The account panel: the selected account's plan quoter, facts, the fold's itemised balance now, its promises (with
// their status as of the agency's today), plans (each instalment's status), holds, compliance exceptions and events
// set aside, the timeline of every event in plain words (newest first), and its parties with their contact points
// and time zones. Every figure and status comes from the fold (AppState::fold_of) and core's views of it. While an
// attempt on the account is in progress and the party is not verified (see the contact panel, screen_contact.cpp),
// the debt details (creditor, account number, balance, itemisation, quoter) are hidden: only the location questions
// and the limited-content message may be used.

#include <imgui.h>

#include <algorithm>
#include <string>

#include "parley/account/views.h"
#include "screens.h"

namespace parley::shell {
namespace {

// A two-column table of label / value lines.
class FactTable {
 public:
  explicit FactTable(const char* id) {
    open_ = ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingFixedFit);
    if (open_) {
      ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed);
      ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    }
  }
  ~FactTable() {
    if (open_) ImGui::EndTable();
  }
  FactTable(const FactTable&) = delete;
  FactTable& operator=(const FactTable&) = delete;

  void row(std::string_view label, std::string_view value) {  // one line
    if (!open_) return;
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    text_muted(label);
    ImGui::TableSetColumnIndex(1);
    text(value);
  }
  void money_row(std::string_view label, Money amount, Locale locale) {  // an amount, right-aligned
    if (!open_) return;
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    text_muted(label);
    ImGui::TableSetColumnIndex(1);
    text_right_aligned(format_money(amount, locale));
  }

 private:
  bool open_ = false;
};

// Secondary text that wraps at the panel's edge.
void note(const std::string& s) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", s.c_str());
  ImGui::PopStyleColor();
}

void heading(std::string_view title) {
  ImGui::Spacing();
  text(title);
  ImGui::Separator();
}

// Where a point came from, as the journal left its status.
std::string provenance_text(const PointRecord& point) {
  const Provenance& p = point.provenance();
  std::string s = std::string(to_string(point.status)) + ", from " + p.source + " since " + p.first_seen.iso();
  if (p.last_seen) s += ", last seen " + p.last_seen->iso();
  return s;
}

// The debt's time bar as the account states it; what it holds back is the rule packs' to say (the banner's reasons).
std::string time_bar_text(const Account& account, Instant now) {
  switch (debt_age(account, now)) {
    case DebtAge::unknown: return "unknown";
    case DebtAge::in_time: return "from " + account.time_barred_from->iso();
    case DebtAge::time_barred: return "since " + account.time_barred_from->iso();
    case DebtAge::time_barred_obsolete:
      return "since " + account.time_barred_from->iso() + " (past the credit-reporting period)";
  }
  return {};
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string s;
  for (const std::string& item : items) {
    if (!s.empty()) s += separator;
    s += item;
  }
  return s;
}

// A party as the fold has it: placed or added since, with every contact point, its status and consent as the journal
// left them, and for an attorney whom it represents.
void draw_party(const AccountState& fold, const PartyRecord& record) {
  const Party& party = *record.party;
  const std::string title = role_label(party.role) + ": " + full_name(party);
  if (!ImGui::TreeNodeEx(party.id.c_str(), ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth,
                         "%s", title.c_str())) {
    return;
  }
  if (party.national_id) text_muted("National id ending " + party.national_id->last4);
  if (record.added) text_muted("Added after placement");
  if (record.represents && *record.represents < fold.parties.size()) {
    const Party& client = *fold.parties[*record.represents].party;
    text(std::string(record.representation_ended ? "Represented " : "Represents ") + full_name(client) +
         " about the debt" +
         (record.representation_ended ? " (ended)"
          : record.direct_contact     ? "; consents to direct communication"
                                      : "; communicate through the attorney"));
  }
  for (std::size_t i = 0; i < record.points.size(); ++i) {
    const PointRecord& point = record.points[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::Bullet();
    if (const Address* a = point.address) {
      text("Address (" + std::string(to_string(point.status)) + ")");
      ImGui::Indent();
      for (const std::string& line : a->postal.lines) text(line);
      text(a->postal.postal_code + " " + a->postal.city + (a->postal.region.empty() ? "" : ", " + a->postal.region) +
           " " + a->postal.country);
      text("Time zone: " + a->time_zone);
      note(provenance_text(point) + (point.consent_mail ? "" : "; no mail"));
    } else if (const Phone* p = point.phone) {
      text("Phone " + p->number + " (" + std::string(to_string(p->kind)) + ")");
      ImGui::Indent();
      text("Time zone" + std::string(p->time_zones.size() > 1 ? "s: " : ": ") + join(p->time_zones, ", "));
      text_muted(provenance_text(point) + "; calls " + (point.consent_call ? "allowed" : "refused") + ", texts " +
                 (point.consent_text ? "allowed" : "not allowed"));
    } else if (const Email* e = point.email) {
      text("Email " + e->address + (e->employer_provided ? " (work, employer's address)" : ""));
      ImGui::Indent();
      text_muted(provenance_text(point) + "; email " + (point.consent_email ? "allowed" : "not allowed"));
    } else {
      ImGui::Indent();
    }
    ImGui::Unindent();
    ImGui::PopID();
  }
  ImGui::TreePop();
}

std::string party_label(const AccountState& fold, std::uint32_t party) {
  if (party >= fold.parties.size()) return "the account";
  const Party& p = *fold.parties[party].party;
  return role_label(p.role) + " " + full_name(p);
}

// Promises, plans, holds, exceptions and events set aside, each as one line; recorded for the test hook.
void draw_records(const AppState& state, const Account& account, const AccountState& fold, Locale locale,
                  PanelShown& shown) {
  const int grace = fold.promise_grace_days();
  if (!fold.promises.empty()) {
    heading("Promises to pay");
    for (const PromiseRecord& promise : fold.promises) {
      const std::string line = format_money(promise.amount, locale) + " due " + promise.due.iso() + " (made " +
                               promise.made_on.iso() + "): " +
                               std::string(to_string(promise_status(promise, state.today, grace))) + ", " +
                               format_money(promise_paid(promise, state.today), locale) + " paid";
      ImGui::Bullet();
      text(line);
      shown.promises.push_back(line);
    }
  }
  if (!fold.plans.empty()) {
    heading("Plans");
    for (std::size_t i = 0; i < fold.plans.size(); ++i) {
      const PlanRecord& plan = fold.plans[i];
      const PlanProgress* progress = i < state.panel.plans.size() ? &state.panel.plans[i] : nullptr;
      std::string line = "Accepted " + plan.accepted_on.iso() + ": ";
      if (!progress || !progress->quote) {
        line += "schedule unknown";
        if (progress && !progress->problems.empty()) line += " (" + progress->problems.front().text() + ")";
      } else {
        line += std::string(to_string(progress->status)) + ", " + format_money(progress->paid, locale) + " paid of " +
                format_money(progress->quote->totals.total_paid, locale);
      }
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::TreeNodeEx("plan", ImGuiTreeNodeFlags_SpanAvailWidth, "%s", line.c_str())) {
        if (progress) {
          for (const InstalmentState& row : progress->rows) {
            text_muted((row.row.kind == plans::RowKind::down_payment ? std::string("down")
                                                                     : "#" + std::to_string(row.row.number)) +
                       "  " + row.row.due.iso() + "  " + format_money(row.row.amount, locale) + "  " +
                       std::string(to_string(row.status)) +
                       (row.paid.is_zero() ? "" : " (" + format_money(row.paid, locale) + " paid)"));
          }
        }
        ImGui::TreePop();
      }
      ImGui::PopID();
      shown.plans.push_back(line);
    }
  }
  if (!fold.holds.empty()) {
    heading("Holds");
    for (const Hold& hold : fold.holds) {
      const std::string line = std::string(to_string(hold.kind)) + " on " + party_label(fold, hold.party) +
                               " since " + hold.since.iso() + ": no collection contact";
      ImGui::Bullet();
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.62f, 0.08f, 0.08f, 1.0f));
      text(line);
      ImGui::PopStyleColor();
      shown.holds.push_back(line);
    }
  }
  if (!fold.protections.empty()) {
    heading("Protections");
    for (const ProtectionRecord& p : fold.protections) {
      const RuleBook& book = state.assets.rules();
      const bool in_force = protection_holds(p, account, fold, book, state.now);
      const std::string line = party_label(fold, p.party) + ": " + protection_line(p, account, fold, book, state.now);
      ImGui::Bullet();
      if (in_force) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.62f, 0.08f, 0.08f, 1.0f));
      text(line);
      if (in_force) ImGui::PopStyleColor();
      shown.protections.push_back(line);
    }
  }
  if (!fold.exceptions.empty()) {
    heading("Compliance exceptions");
    for (const ExceptionRecord& e : fold.exceptions) {
      for (const BrokenRule& rule : e.exception.rules) {
        ImGui::Bullet();
        note(e.recorded_at.iso() + ": event " + e.exception.event_id.hex().substr(0, 8) + " broke " + rule.rule_id +
             " (" + rule.citation + "): " + rule.words);
      }
    }
  }
  if (!fold.set_aside.empty()) {
    heading("Events set aside");
    for (const SetAside& aside : fold.set_aside) {
      ImGui::Bullet();
      note(std::string(to_string(aside.kind)) + " " + aside.id.hex().substr(0, 8) + ": " + aside.problem.text());
    }
  }
}

// Every event of the account in plain words, newest first, clipped to what is visible.
void draw_timeline(const AppState& state, const Account& account, const AccountState& fold, Locale locale,
                   UiScratch& scratch) {
  if (!state.journal) return;
  const std::vector<const Event*> events = state.journal->events_for(account.id).to_vector();
  if (events.empty()) return;
  heading("Timeline (" + std::to_string(events.size()) + (events.size() == 1 ? " event)" : " events)"));
  const float height = std::min(static_cast<float>(events.size()), 8.0f) * ImGui::GetTextLineHeightWithSpacing() +
                       ImGui::GetStyle().WindowPadding.y * 2.0f + ImGui::GetStyle().ScrollbarSize;
  ImGui::BeginChild("timeline", ImVec2(0.0f, height), true, ImGuiWindowFlags_HorizontalScrollbar);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(events.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Event& event = *events[events.size() - 1 - static_cast<std::size_t>(i)];
      text_muted(event.recorded_at.iso());
      ImGui::SameLine();
      text(describe_event(event, fold, locale));
    }
  }
  ImGui::EndChild();
  scratch.widgets.record("account.timeline");
}

}  // namespace

std::string timeline_line(const Event& event, const AccountState& fold, Locale locale) {
  return event.recorded_at.iso() + "  " + describe_event(event, fold, locale);
}

namespace {

// "high by the strategy (placed medium)", or "low, set by u-supervisor until 2026-06-30: <why> (placed medium)".
std::string risk_text(const AppState& state, const Account& account, const AccountState& fold) {
  const std::string placed = " (placed " + std::string(to_string(account.risk)) + ")";
  if (fold.risk_override && fold.risk_override->in_force(state.today)) {
    const RiskOverrideRecord& o = *fold.risk_override;
    return std::string(to_string(o.tier)) + ", set by " + o.by + (o.until ? " until " + o.until->iso() : "") + ": " +
           o.reason + placed;
  }
  const std::optional<std::uint32_t> index = state.data->index_of(account.id);
  const Priority* p = index ? state.queue.priority_of(*index) : nullptr;
  if (p == nullptr) return std::string(to_string(account.risk)) + " as placed";
  return std::string(to_string(p->risk.tier)) + " by the strategy" + placed;
}

// A supervisor sets the tier by hand, with why and until when, or gives it back to the strategy.
void draw_risk_override(const AppState& state, const Account& account, const AccountState& fold, UiScratch& scratch,
                        Dispatch& dispatch) {
  if (!ImGui::TreeNodeEx("Set the risk tier by hand", ImGuiTreeNodeFlags_SpanAvailWidth)) return;
  ImGui::RadioButton("High", &scratch.risk_choice, 0);
  ImGui::SameLine();
  ImGui::RadioButton("Medium", &scratch.risk_choice, 1);
  ImGui::SameLine();
  ImGui::RadioButton("Low", &scratch.risk_choice, 2);
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##risk_reason", "Why (required)", scratch.risk_reason, sizeof scratch.risk_reason);
  scratch.widgets.record("account.risk_reason");
  ImGui::SetNextItemWidth(std::min(160.0f * ImGui::GetFontSize() / 15.0f, ImGui::GetContentRegionAvail().x));
  ImGui::InputTextWithHint("##risk_until", "Until YYYY-MM-DD (optional)", scratch.risk_until,
                           sizeof scratch.risk_until);
  scratch.widgets.record("account.risk_until");
  constexpr RiskTier tiers[] = {RiskTier::high, RiskTier::medium, RiskTier::low};
  if (ImGui::Button("Set the tier")) {
    dispatch(OverrideRisk{account.id, tiers[std::clamp(scratch.risk_choice, 0, 2)], scratch.risk_reason,
                          scratch.risk_until, {}, {}, {}});
  }
  scratch.widgets.record("account.risk_set");
  if (fold.risk_override) {
    ImGui::SameLine();
    if (ImGui::Button("Back to the strategy's tier")) {
      dispatch(OverrideRisk{account.id, std::nullopt, scratch.risk_reason, "", {}, {}, {}});
    }
    scratch.widgets.record("account.risk_clear");
  }
  for (const Problem& problem : state.queue.desk.supervisor_problems) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.10f, 0.10f, 1.0f));
    ImGui::TextWrapped("Not recorded: %s", problem.text().c_str());
    ImGui::PopStyleColor();
  }
  ImGui::TreePop();
}

}  // namespace

void draw_account(const AppState& state, UiScratch& scratch, Dispatch& dispatch) {
  const Account* account = state.selected_account();
  const AccountState* fold = account ? state.fold_of(account->id) : nullptr;
  if (!account || !fold) return;
  const LoadedPortfolio& data = *state.data;
  const QueueEntry& entry = data.entries[data.by_id.at(account->id)];
  const Locale locale = entry.locale;
  PanelShown& shown = scratch.shown;
  shown.account_id = account->id;
  shown.balance.clear();
  shown.promises.clear();
  shown.plans.clear();
  shown.holds.clear();
  shown.protections.clear();

  ImGui::BeginChild("account", ImVec2(0.0f, 0.0f), true);
  text(account->id + "  " + entry.debtor_name);
  ImGui::SameLine();
  const float close_width = ImGui::CalcTextSize("Close").x + ImGui::GetStyle().FramePadding.x * 2.0f;
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - close_width));
  if (ImGui::SmallButton("Close")) dispatch(SelectAccount{});

  if (debt_details_hidden(state, *account)) {
    heading("Account");
    note("Debt details are hidden until the party is verified.");
    scratch.widgets.record("account.debt_hidden");
    heading("Parties");
    for (const PartyRecord& party : fold->parties) draw_party(*fold, party);
    ImGui::EndChild();
    scratch.widgets.record("account.panel");
    return;
  }

  draw_quoter(state, scratch, dispatch);

  heading("Account");
  {
    FactTable facts("facts");
    facts.row("Client", entry.client_name);
    facts.row("Original creditor", account->original_creditor);
    facts.row("Account number", "ending " + account->original_account_number.last4);
    facts.row("Jurisdiction", account->jurisdiction);
    facts.row("Language", account->language);
    facts.row("Risk", risk_text(state, *account, *fold));
    facts.row("Opened", account->opened.iso());
    facts.row("First delinquency", account->first_delinquency.iso());
    const int days = entry.days_past_due(state.today);
    facts.row("Days past due", std::to_string(days) + " (" + std::string(to_string(aging_bucket(days))) + ")");
    if (account->charge_off) {
      facts.row("Charged off", account->charge_off->date.iso() + ", " +
                                   format_money(account->charge_off->amount, locale));
    }
    if (account->last_payment) {
      facts.row("Last payment before placement", account->last_payment->date.iso() + ", " +
                                                     format_money(account->last_payment->amount, locale));
    }
    facts.row("Placed", account->placed.iso());
    facts.row("Time-barred", time_bar_text(*account, state.now));
  }

  draw_risk_override(state, *account, *fold, scratch, dispatch);

  const Balance& b = fold->balance.itemised;
  heading("Balance itemised since " + b.itemisation_date.iso());
  {
    FactTable balance("balance");
    balance.money_row("Owed at itemisation", b.principal, locale);
    balance.money_row("Interest since", b.interest, locale);
    balance.money_row("Fees since", b.fees, locale);
    balance.money_row("Payments since", -b.payments, locale);
    balance.money_row("Credits since", -b.credits, locale);
    balance.money_row("Balance now", b.total(), locale);
    if (!fold->balance.overpaid.is_zero()) balance.money_row("Overpaid", fold->balance.overpaid, locale);
  }
  shown.balance = format_money(b.total(), locale);

  draw_records(state, *account, *fold, locale, shown);
  draw_timeline(state, *account, *fold, locale, scratch);

  heading("Parties");
  for (const PartyRecord& party : fold->parties) draw_party(*fold, party);

  ImGui::EndChild();
  scratch.widgets.record("account.panel");
}

}  // namespace parley::shell
