// The queue screen: a filter box and the table of accounts, sortable by every column, clipped for long lists. The
// balance column is each account's balance now (its fold's, after payments and adjustments).

#include <imgui.h>

#include <algorithm>
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
    {"Debtor", QueueColumn::debtor, ImGuiTableColumnFlags_None, 1.6f},
    {"Client", QueueColumn::client, ImGuiTableColumnFlags_None, 1.4f},
    {"Balance", QueueColumn::balance, ImGuiTableColumnFlags_PreferSortDescending, 1.1f},
    {"Days past due", QueueColumn::days_past_due,
     ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending, 0.9f},
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
  text(entry.debtor_name);
  ImGui::TableSetColumnIndex(2);
  text(entry.client_name);
  ImGui::TableSetColumnIndex(3);
  const std::string balance = format_money(state.queue.balance_of(entry), entry.locale);  // the fold's, now
  text_right_aligned(balance);
  scratch.shown.rows[account.id] = balance;
  ImGui::TableSetColumnIndex(4);
  const int days = entry.days_past_due(state.today);
  text_right_aligned(std::to_string(days));
  ImGui::TableSetColumnIndex(5);
  text(to_string(aging_bucket(days)));
  ImGui::TableSetColumnIndex(6);
  ImGui::PushStyleColor(ImGuiCol_Text, risk_colour(account.risk));
  text(to_string(account.risk));
  ImGui::PopStyleColor();
  ImGui::TableSetColumnIndex(7);
  text(account.jurisdiction);

  ImGui::PopID();
}

}  // namespace

void draw_queue(const AppState& state, UiScratch& scratch, Dispatch& dispatch) {
  if (!state.data) return;
  const LoadedPortfolio& data = *state.data;

  // Filter box and counts.
  ImGui::SetNextItemWidth(std::min(320.0f * ImGui::GetFontSize() / 15.0f, ImGui::GetContentRegionAvail().x));
  if (ImGui::InputTextWithHint("##filter", "Filter: account, debtor, client, jurisdiction", scratch.filter,
                               sizeof scratch.filter)) {
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
