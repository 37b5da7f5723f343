// The supervisor view: plans collectors referred to a supervisor (approval-requested), oldest first, each with what
// needs the approval, the collector's note, and Approve and Decline with the supervisor's note (the collector who
// referred a plan cannot decide it: core's check says so, and the buttons are disabled for them); then the accounts
// whose strategy's escalation rules find an escalation due, each with the rule and a button that records it; then
// every collector's figures for the goal period.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "screens.h"

namespace parley::shell {

namespace {

const ImVec4 problem_colour(0.70f, 0.10f, 0.10f, 1.0f);

void draw_one(const AppState& state, const PendingApproval& p, UiScratch& scratch, Dispatch& dispatch) {
  const Account& account = state.data->portfolio.accounts[p.account];
  const QueueEntry& entry = state.data->entries[p.account];
  ImGui::PushID(account.id.c_str());
  ImGui::BeginGroup();
  text(account.id + "  " + entry.debtor_name + "  (" + account.client_id + ")");
  const std::string asked = "Referred by " + p.referral.requested_by + " at " +
                            local_text(scratch.collector_zone, p.referral.requested_at);
  text_muted(asked);
  ImGui::TextWrapped("%s", p.payments.empty() ? "The request no longer quotes: decline it." : p.payments.c_str());
  for (const std::string& finding : p.findings) {
    ImGui::Bullet();
    ImGui::TextWrapped("Needs approval: %s", finding.c_str());
  }
  if (!p.referral.note.empty()) ImGui::TextWrapped("Collector's note: %s", p.referral.note.c_str());
  const bool own = p.referral.requested_by == scratch.user;
  ImGui::BeginDisabled(own);
  const auto decide = [&](bool approved) {
    dispatch(DecideApproval{account.id, p.referral.id, approved, scratch.supervisor_note, {}, {}, {}});
    scratch.supervisor_note[0] = '\0';
  };
  if (ImGui::Button("Approve")) decide(true);
  scratch.widgets.record("approvals.approve." + account.id);
  ImGui::SameLine();
  if (ImGui::Button("Decline")) decide(false);
  scratch.widgets.record("approvals.decline." + account.id);
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Open the account")) {
    scratch.supervisor_view = false;
    dispatch(SelectAccount{account.id});
  }
  scratch.widgets.record("approvals.open." + account.id);
  if (own) text_muted("You referred this plan: another supervisor decides it.");
  ImGui::EndGroup();
  ImGui::PopID();
  ImGui::Separator();
}

// "hard-collections" -> "hard collections"
std::string target_words(EscalationTarget to) {
  std::string words(to_string(to));
  std::replace(words.begin(), words.end(), '-', ' ');
  return words;
}

void draw_escalation(const AppState& state, const DueEscalation& e, UiScratch& scratch, Dispatch& dispatch) {
  const Account& account = state.data->portfolio.accounts[e.account];
  const QueueEntry& entry = state.data->entries[e.account];
  ImGui::PushID(("escalation." + account.id).c_str());
  text(account.id + "  " + entry.debtor_name + "  (" + account.client_id + ")");
  ImGui::TextWrapped("To %s: %s (rule %s)", target_words(e.to).c_str(), e.reason.c_str(), e.rule_id.c_str());
  const std::string label = "Escalate to " + target_words(e.to);
  if (ImGui::Button(label.c_str())) dispatch(RecordEscalation{account.id, e.rule_id, {}, {}, {}});
  scratch.widgets.record("escalations.escalate." + account.id);
  ImGui::SameLine();
  if (ImGui::Button("Open the account")) {
    scratch.supervisor_view = false;
    dispatch(SelectAccount{account.id});
  }
  scratch.widgets.record("escalations.open." + account.id);
  ImGui::PopID();
  ImGui::Separator();
}

}  // namespace

void draw_supervisor(const AppState& state, UiScratch& scratch, Dispatch& dispatch) {
  const DeskSlice& desk = state.queue.desk;
  if (ImGui::Button("< Queue")) scratch.supervisor_view = false;
  scratch.widgets.record("supervisor.back");
  ImGui::SameLine();
  text("Supervisor");
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##supervisor_note", "Note for the next decision (why)", scratch.supervisor_note,
                           sizeof scratch.supervisor_note);
  scratch.widgets.record("supervisor.note");
  for (const Problem& problem : desk.supervisor_problems) {
    ImGui::PushStyleColor(ImGuiCol_Text, problem_colour);
    ImGui::TextWrapped("Not recorded: %s", problem.text().c_str());
    ImGui::PopStyleColor();
  }
  ImGui::BeginChild("supervisor_list", ImVec2(0.0f, 0.0f), false);
  text("Plans waiting for a decision: " + std::to_string(desk.approvals.size()));
  ImGui::Separator();
  if (desk.approvals.empty()) text_muted("No plan waits for a decision.");
  for (const PendingApproval& p : desk.approvals) draw_one(state, p, scratch, dispatch);
  ImGui::Spacing();
  text("Escalations due: " + std::to_string(desk.escalations.size()));
  ImGui::Separator();
  if (desk.escalations.empty()) text_muted("No escalation rule holds for any account.");
  for (const DueEscalation& e : desk.escalations) draw_escalation(state, e, scratch, dispatch);
  ImGui::Spacing();
  draw_collector_figures(state, scratch);
  ImGui::EndChild();
  scratch.widgets.record("supervisor.view");
}

}  // namespace parley::shell
