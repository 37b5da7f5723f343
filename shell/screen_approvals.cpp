// The approvals view: plans collectors referred to a supervisor (approval-requested), oldest first, each with what
// needs the approval, the collector's note, and Approve and Decline with the supervisor's note. The collector who
// referred a plan cannot decide it; core's check says so, and the buttons are disabled for them.
#include <imgui.h>

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
    dispatch(DecideApproval{account.id, p.referral.id, approved, scratch.approval_note, {}, {}, {}});
    scratch.approval_note[0] = '\0';
  };
  if (ImGui::Button("Approve")) decide(true);
  scratch.widgets.record("approvals.approve." + account.id);
  ImGui::SameLine();
  if (ImGui::Button("Decline")) decide(false);
  scratch.widgets.record("approvals.decline." + account.id);
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Open the account")) {
    scratch.approvals_view = false;
    dispatch(SelectAccount{account.id});
  }
  scratch.widgets.record("approvals.open." + account.id);
  if (own) text_muted("You referred this plan: another supervisor decides it.");
  ImGui::EndGroup();
  ImGui::PopID();
  ImGui::Separator();
}

}  // namespace

void draw_approvals(const AppState& state, UiScratch& scratch, Dispatch& dispatch) {
  const std::vector<PendingApproval>& approvals = state.queue.desk.approvals;
  if (ImGui::Button("< Queue")) scratch.approvals_view = false;
  scratch.widgets.record("approvals.back");
  ImGui::SameLine();
  text("Plans waiting for a supervisor: " + std::to_string(approvals.size()));
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##approval_note", "Note for the decision (why)", scratch.approval_note,
                           sizeof scratch.approval_note);
  scratch.widgets.record("approvals.note");
  for (const Problem& problem : state.quoter.offer_problems) {
    ImGui::PushStyleColor(ImGuiCol_Text, problem_colour);
    ImGui::TextWrapped("Not recorded: %s", problem.text().c_str());
    ImGui::PopStyleColor();
  }
  ImGui::BeginChild("approvals_list", ImVec2(0.0f, 0.0f), false);
  if (approvals.empty()) text_muted("No plan waits for a decision.");
  for (const PendingApproval& p : approvals) draw_one(state, p, scratch, dispatch);
  ImGui::EndChild();
  scratch.widgets.record("approvals.view");
}

}  // namespace parley::shell
