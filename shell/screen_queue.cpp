// The queue screen: the collector's goal panel, get-next with what it skipped and why, a filter box and the table of
// accounts, in the desk's order unless the collector sorts by another column, clipped for long lists. The balance
// column is each account's balance now (its fold's, after payments and adjustments); the priority column is the
// strategy's score, with the factors and the risk tier's reasons on hover.

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "screens.h"

namespace parley::shell {
namespace {

struct ColumnSpec {
  const char* label;
  QueueColumn column;
  ImGuiTableColumnFlags flags;
  float weight;  // share of the table's width
};

constexpr ColumnSpec columns[queue_column_count] = {
    {"Account", QueueColumn::id, ImGuiTableColumnFlags_NoHide, 1.1f},
    {"Priority", QueueColumn::priority,
     ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending, 0.8f},
    {"Debtor", QueueColumn::debtor, ImGuiTableColumnFlags_None, 1.6f},
    {"Client", QueueColumn::client, ImGuiTableColumnFlags_None, 1.4f},
    {"Balance", QueueColumn::balance, ImGuiTableColumnFlags_PreferSortDescending, 1.1f},
    {"Days past due", QueueColumn::days_past_due, ImGuiTableColumnFlags_PreferSortDescending, 0.9f},
    {"Aging", QueueColumn::aging, ImGuiTableColumnFlags_PreferSortDescending, 0.7f},
    {"Risk", QueueColumn::risk, ImGuiTableColumnFlags_PreferSortDescending, 0.6f},
    {"Jurisdiction", QueueColumn::jurisdiction, ImGuiTableColumnFlags_None, 0.8f},
};

ImVec4 risk_colour(RiskTier risk) {
  switch (risk) {
    case RiskTier::high: return ImVec4(0.75f, 0.12f, 0.10f, 1.0f);
    case RiskTier::medium: return ImVec4(0.62f, 0.42f, 0.02f, 1.0f);
    case RiskTier::low: return ImVec4(0.15f, 0.50f, 0.20f, 1.0f);
  }
  return ImGui::GetStyleColorVec4(ImGuiCol_Text);
}

// The table's sort specs, when the user changed them, as an action.
void dispatch_sort(const AppState& state, Dispatch& dispatch) {
  ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
  if (!specs || !specs->SpecsDirty) return;
  if (specs->SpecsCount > 0) {
    const ImGuiTableColumnSortSpecs& spec = specs->Specs[0];
    const SortQueue sort{static_cast<QueueColumn>(spec.ColumnUserID),
                         spec.SortDirection == ImGuiSortDirection_Descending};
    if (sort.column != state.queue.sort_column || sort.descending != state.queue.descending) dispatch(sort);
  }
  specs->SpecsDirty = false;
}

// The strategy's score (or "Call back HH:MM" for a callback due), with the factors and the risk tier's reasons
// on hover; a dash when no strategy scores the account.
void priority_cell(const AppState& state, const QueueEntry& entry, const Account& account) {
  const Priority* p = state.queue.priority_of(entry.account);
  if (p == nullptr) {
    text_muted("-");
    return;
  }
  if (p->callback_due(state.queue.desk.as_of)) {
    text("Call back");
  } else {
    text_right_aligned(std::to_string(p->score));
  }
  if (!ImGui::IsItemHovered()) return;
  std::string tip = "Score " + std::to_string(p->score) + ":";
  for (int f = 0; f < score_factor_count; ++f) {
    if (p->points[f] != 0) {
      tip += "\n  " + std::string(to_string(static_cast<ScoreFactor>(f))) + " " + std::to_string(p->points[f]);
    }
  }
  const StrategySet* strategies = state.assets.files ? &state.assets.files->strategies : nullptr;
  const Strategy* strategy = strategies ? strategies->for_client(account.client_id) : nullptr;
  if (strategy != nullptr) {
    tip += "\nRisk " + std::string(to_string(p->risk.tier)) + " (" + std::to_string(p->risk.points) + " points, " +
           strategy->name + "):";
    for (const std::string_view reason : p->risk.reasons(*strategy)) tip += "\n  " + std::string(reason);
  }
  if (p->callback) tip += "\nCallback at " + p->callback->iso();
  ImGui::SetTooltip("%s", tip.c_str());
}

// One account's row. The selectable spans the row; its visible part is recorded for the test hook.
void draw_row(const AppState& state, const QueueEntry& entry, const ImVec2& clip_min, const ImVec2& clip_max,
              UiScratch& scratch, Dispatch& dispatch) {
  const Account& account = state.data->portfolio.accounts[entry.account];
  ImGui::PushID(account.id.data(), account.id.data() + account.id.size());
  ImGui::TableNextRow();

  ImGui::TableSetColumnIndex(0);
  const bool selected = state.selected == account.id;
  if (ImGui::Selectable(account.id.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns) && !selected) {
    dispatch(SelectAccount{account.id});
  }
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  const float x0 = std::max(min.x, clip_min.x);
  const float y0 = std::max(min.y, clip_min.y);
  const float x1 = std::min(max.x, clip_max.x);
  const float y1 = std::min(max.y, clip_max.y);
  if (x1 > x0 && y1 > y0) scratch.widgets.record("queue.row." + account.id, x0, y0, x1, y1);

  ImGui::TableSetColumnIndex(1);
  priority_cell(state, entry, account);
  ImGui::TableSetColumnIndex(2);
  text(entry.debtor_name);
  ImGui::TableSetColumnIndex(3);
  text(entry.client_name);
  ImGui::TableSetColumnIndex(4);
  const std::string balance = format_money(state.queue.balance_of(entry), entry.locale);  // the fold's, now
  text_right_aligned(balance);
  scratch.shown.rows[account.id] = balance;
  ImGui::TableSetColumnIndex(5);
  const int days = entry.days_past_due(state.today);
  text_right_aligned(std::to_string(days));
  ImGui::TableSetColumnIndex(6);
  text(to_string(aging_bucket(days)));
  ImGui::TableSetColumnIndex(7);
  const RiskTier risk = state.queue.risk_of(entry, account);
  ImGui::PushStyleColor(ImGuiCol_Text, risk_colour(risk));
  text(to_string(risk));
  ImGui::PopStyleColor();
  ImGui::TableSetColumnIndex(8);
  text(account.jurisdiction);

  ImGui::PopID();
}

// Get next (Alt+G, not during a call), what it found, and every account it skipped with why and when it may be
// called; the strategies' problems.
void draw_desk(const AppState& state, UiScratch& scratch, Dispatch& dispatch) {
  const DeskSlice& desk = state.queue.desk;
  const ImGuiIO& io = ImGui::GetIO();
  const bool alt_only = io.KeyAlt && !io.KeyCtrl && !io.KeyShift && !io.KeySuper;
  const bool calling = state.contact.session.has_value();
  if (calling) ImGui::BeginDisabled();
  bool pressed = ImGui::Button("Get next  (Alt+G)");
  if (calling) ImGui::EndDisabled();
  scratch.widgets.record("queue.next");
  pressed = pressed || (alt_only && ImGui::IsKeyPressed('G', false));
  if (pressed) dispatch(GetNext{});
  std::string message;
  bool muted = true;
  if (calling) {
    message = "Record the call's outcome, then get the next account.";
  } else if (!desk.refused.empty()) {
    message = desk.refused;
  } else if (!desk.asked) {
    message = "The highest-priority account that may be called now.";
  } else if (!desk.next.empty()) {
    message = "Next: " + desk.next +
              (desk.skipped.empty() ? std::string() : " (" + std::to_string(desk.skipped.size()) + " skipped)");
    muted = false;
  } else {
    message = "No account on the desk may be called now.";
    muted = false;
  }
  // Beside the button when it fits, else wrapped below it (a phone).
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float room = ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x - spacing;
  if (ImGui::CalcTextSize(message.c_str()).x <= room) ImGui::SameLine();
  if (muted) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", message.c_str());
  if (muted) ImGui::PopStyleColor();
  scratch.widgets.record("queue.next_result");
  for (const Problem& p : desk.problems) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.12f, 0.10f, 1.0f));
    ImGui::TextWrapped("%s", p.text().c_str());
    ImGui::PopStyleColor();
  }
  if (!desk.asked || desk.skipped.empty()) return;
  const std::string title = "Skipped " + std::to_string(desk.skipped.size()) +
                            (desk.skipped.size() == 1 ? " account" : " accounts") +
                            ": why, and when each may be called";
  if (ImGui::TreeNode("skipped", "%s", title.c_str())) {
    constexpr std::size_t kShown = 50;
    for (std::size_t i = 0; i < desk.skipped.size() && i < kShown; ++i) {
      const SkippedAccount& s = desk.skipped[i];
      std::string line = s.account_id + ": ";
      for (std::size_t r = 0; r < s.decision.reasons.size(); ++r) line += (r ? " " : "") + s.decision.reasons[r].words;
      line += s.decision.next_allowed ? " Callable from " + local_text(scratch.collector_zone, *s.decision.next_allowed)
                                      : " No time alone clears it.";
      ImGui::TextWrapped("%s", line.c_str());
    }
    if (desk.skipped.size() > kShown) text_muted("... and " + std::to_string(desk.skipped.size() - kShown) + " more");
    ImGui::TreePop();
  }
  scratch.widgets.record("queue.skipped");
}

}  // namespace

void draw_queue(const AppState& state, UiScratch& scratch, Dispatch& dispatch) {
  if (!state.data) return;
  const LoadedPortfolio& data = *state.data;
  draw_goal_panel(state, scratch);
  draw_desk(state, scratch, dispatch);

  // Filter box and counts.
  ImGui::SetNextItemWidth(std::min(320.0f * ImGui::GetFontSize() / 15.0f, ImGui::GetContentRegionAvail().x));
  const bool edited = ImGui::InputTextWithHint("##filter", "Filter: account, debtor, client, jurisdiction",
                                                scratch.filter, sizeof scratch.filter);
  if (ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    // Escape leaves the box; it does not take back what was typed (ImGui reverts an edit on Escape).
    std::snprintf(scratch.filter, sizeof scratch.filter, "%s", state.queue.filter.c_str());
  } else if (edited) {
    dispatch(FilterQueue{std::string(scratch.filter, strnlen(scratch.filter, sizeof scratch.filter))});
  }
  scratch.widgets.record("queue.filter");
  ImGui::SameLine();
  const std::string counts = std::to_string(state.queue.rows.size()) + " of " +
                             std::to_string(data.portfolio.accounts.size()) + " accounts";
  text_muted(counts);

  // The table fills what is left of the region; below a readable width it scrolls sideways instead.
  const ImVec2 size = ImGui::GetContentRegionAvail();
  const float min_width = 860.0f * ImGui::GetFontSize() / 15.0f;
  ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                          ImGuiTableFlags_BordersV | ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable |
                          ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  if (size.x < min_width) flags |= ImGuiTableFlags_ScrollX;
  if (!ImGui::BeginTable("queue", queue_column_count, flags, size, size.x < min_width ? min_width : 0.0f)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const ColumnSpec& c : columns) {
    ImGui::TableSetupColumn(c.label, c.flags, c.weight, static_cast<ImGuiID>(c.column));
  }
  ImGui::TableHeadersRow();
  const float header_bottom = ImGui::GetItemRectMax().y;
  dispatch_sort(state, dispatch);

  // Rows are visible below the frozen header and inside the table's scrolling window, less its scrollbars.
  const ImVec2 window_pos = ImGui::GetWindowPos();
  const float scrollbar = ImGui::GetStyle().ScrollbarSize;
  const ImVec2 clip_min(window_pos.x, header_bottom);
  const ImVec2 clip_max(window_pos.x + ImGui::GetWindowWidth() - (ImGui::GetScrollMaxY() > 0.0f ? scrollbar : 0.0f),
                        window_pos.y + ImGui::GetWindowHeight() - (ImGui::GetScrollMaxX() > 0.0f ? scrollbar : 0.0f));

  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(state.queue.rows.size()));
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      draw_row(state, data.entries[state.queue.rows[static_cast<std::size_t>(r)]], clip_min, clip_max, scratch,
               dispatch);
    }
  }
  ImGui::EndTable();
  scratch.widgets.record("queue.table");
}

}  // namespace parley::shell
