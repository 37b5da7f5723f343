// The account panel: the selected account's plan quoter, facts, itemised balance, and its parties with their contact
// points and time zones. While an attempt on the account is in progress and the party is not verified (see the
// contact panel, screen_contact.cpp), the debt details (creditor, account number, balance, itemisation, quoter) are
// hidden: only the location questions and the limited-content message may be used.

#include <imgui.h>

#include <algorithm>
#include <string>

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

std::string provenance_text(const Provenance& p) {
  std::string s = std::string(to_string(p.status)) + ", from " + p.source + " since " + p.first_seen.iso();
  if (p.last_seen) s += ", last seen " + p.last_seen->iso();
  return s;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string s;
  for (const std::string& item : items) {
    if (!s.empty()) s += separator;
    s += item;
  }
  return s;
}

void draw_party(const Party& party) {
  const std::string title = role_label(party.role) + ": " + party.given_name + " " + party.family_name;
  if (!ImGui::TreeNodeEx(party.id.c_str(), ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth,
                         "%s", title.c_str())) {
    return;
  }
  if (party.national_id) text_muted("National id ending " + party.national_id->last4);

  for (std::size_t i = 0; i < party.addresses.size(); ++i) {
    const Address& a = party.addresses[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::Bullet();
    text("Address (" + std::string(to_string(a.provenance.status)) + ")");
    ImGui::Indent();
    for (const std::string& line : a.postal.lines) text(line);
    text(a.postal.postal_code + " " + a.postal.city + (a.postal.region.empty() ? "" : ", " + a.postal.region) +
         " " + a.postal.country);
    text("Time zone: " + a.time_zone);
    note(provenance_text(a.provenance) + (a.consent_mail ? "" : "; no mail"));
    ImGui::Unindent();
    ImGui::PopID();
  }
  for (const Phone& p : party.phones) {
    ImGui::Bullet();
    text("Phone " + p.number + " (" + std::string(to_string(p.kind)) + ")");
    ImGui::Indent();
    text("Time zone" + std::string(p.time_zones.size() > 1 ? "s: " : ": ") + join(p.time_zones, ", "));
    text_muted(provenance_text(p.provenance) + "; calls " + (p.consent_call ? "allowed" : "refused") + ", texts " +
               (p.consent_text ? "allowed" : "not allowed"));
    ImGui::Unindent();
  }
  for (const Email& e : party.emails) {
    ImGui::Bullet();
    text("Email " + e.address);
    ImGui::Indent();
    text_muted(provenance_text(e.provenance) + "; email " + (e.consent_email ? "allowed" : "not allowed"));
    ImGui::Unindent();
  }
  ImGui::TreePop();
}

}  // namespace

void draw_account(const AppState& state, UiScratch& scratch, Dispatch& dispatch) {
  const Account* account = state.selected_account();
  if (!account) return;
  const LoadedPortfolio& data = *state.data;
  const QueueEntry& entry = data.entries[data.by_id.at(account->id)];
  const Locale locale = entry.locale;

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
    for (const Party& party : account->parties) draw_party(party);
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
    facts.row("Risk", to_string(account->risk));
    facts.row("Opened", account->opened.iso());
    facts.row("First delinquency", account->first_delinquency.iso());
    facts.row("Days past due", std::to_string(entry.days_past_due) + " (" +
                                   std::string(to_string(aging_bucket(entry.days_past_due))) + ")");
    if (account->charge_off) {
      facts.row("Charged off", account->charge_off->date.iso() + ", " +
                                   format_money(account->charge_off->amount, locale));
    }
    if (account->last_payment) {
      facts.row("Last payment", account->last_payment->date.iso() + ", " +
                                    format_money(account->last_payment->amount, locale));
    }
    facts.row("Placed", account->placed.iso());
  }

  const Balance& b = account->balance;
  heading("Balance itemised since " + b.itemisation_date.iso());
  {
    FactTable balance("balance");
    balance.money_row("Owed at itemisation", b.principal, locale);
    balance.money_row("Interest since", b.interest, locale);
    balance.money_row("Fees since", b.fees, locale);
    balance.money_row("Payments since", -b.payments, locale);
    balance.money_row("Credits since", -b.credits, locale);
    balance.money_row("Balance now", b.total(), locale);
  }

  heading("Parties");
  for (const Party& party : account->parties) draw_party(party);

  ImGui::EndChild();
  scratch.widgets.record("account.panel");
}

}  // namespace parley::shell
