// The goal panel above the queue (the signed-in collector's period: collected against the goal, a chart of the
// running total, the commission earned, promises kept and broken) and the supervisor's table of every collector's
// figures, both from the desk's figures (docs/goals.md).
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "screens.h"

namespace parley::shell {

namespace {

// Amounts in the plan's currency, written as its home locale writes them.
Locale locale_of(Currency currency) {
  if (currency.code() == "GBP") return Locale::en_GB;
  if (currency.code() == "EUR") return Locale::fr_FR;
  return Locale::en_US;
}

// "4.9 %" of the goal; empty when there is no goal.
std::string share_text(Money collected, Money goal) {
  if (goal.minor() <= 0) return {};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f %%", 100.0 * static_cast<double>(collected.minor()) /
                                                      static_cast<double>(goal.minor()));
  return buffer;
}

std::string promises_text(const CollectorNumbers& n) {
  return "promises kept " + std::to_string(n.promises_kept) + " of " + std::to_string(n.promises_made) + ", " +
         std::to_string(n.promises_broken) + " broken";
}

}  // namespace

void draw_goal_panel(const AppState& state, UiScratch& scratch) {
  const DeskSlice& desk = state.queue.desk;
  const GoalPlan* plan = state.goal_plan();
  if (plan == nullptr || !desk.figures) {
    if (state.assets.files && !state.assets.files->loading()) text_muted("No goal plan is loaded (goals/).");
    return;
  }
  const PeriodNumbers& figures = *desk.figures;
  const CollectorNumbers* mine = figures.of(scratch.user);
  const CollectorNumbers none{scratch.user, Money::zero(plan->currency), 0, 0, 0, 0, 0, {}};
  const CollectorNumbers& n = mine ? *mine : none;
  const Locale locale = locale_of(plan->currency);
  const Money goal = plan->goal_of(scratch.user);
  const DateRange period = figures.period();
  const std::string title = "Your " + std::string(to_string(plan->period)) + " (" + period.first.iso() + " to " +
                            period.last.iso() + ")###goal";
  if (!ImGui::TreeNodeEx(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
    scratch.widgets.record("goal.panel");
    return;
  }
  std::string line = format_money(n.collected, locale) + " collected";
  if (goal.minor() > 0) line += " of " + format_money(goal, locale);
  line += "; commission " + format_money(commission(plan->commission, n.collected), locale) + "; " +
          promises_text(n);
  ImGui::TextWrapped("%s", line.c_str());
  scratch.widgets.record("goal.summary");
  if (goal.minor() > 0) {
    const float fraction = static_cast<float>(static_cast<double>(n.collected.minor()) /
                                              static_cast<double>(goal.minor()));
    ImGui::ProgressBar(std::clamp(fraction, 0.0f, 1.0f), ImVec2(-FLT_MIN, 0.0f),
                       share_text(n.collected, goal).c_str());
    scratch.widgets.record("goal.progress");
  }
  if (n.by_day.size() > 1) {
    std::vector<float> days;
    days.reserve(n.by_day.size());
    for (Money m : n.by_day) days.push_back(static_cast<float>(m.minor()) / 100.0f);
    // The running total, with room above its highest day; the plot takes its width as given (no -FLT_MIN fill).
    const auto [low, high] = std::minmax_element(days.begin(), days.end());
    ImGui::PlotLines("##collected_by_day", days.data(), static_cast<int>(days.size()), 0, "collected, day by day",
                     std::min(*low, 0.0f), std::max(*high * 1.2f, 1.0f),
                     ImVec2(ImGui::GetContentRegionAvail().x, 40.0f * ImGui::GetFontSize() / 15.0f));
    scratch.widgets.record("goal.chart");
  }
  if (figures.other_currency() > 0) {
    text_muted(std::to_string(figures.other_currency()) + " payments in other currencies than " +
               std::string(plan->currency.code()) + " are not counted.");
  }
  if (figures.no_collector() > 0) {
    text_muted(std::to_string(figures.no_collector()) +
               " payments on no collector's desk, not taken on a call, count for nobody.");
  }
  ImGui::TreePop();
  scratch.widgets.record("goal.panel");
}

void draw_collector_figures(const AppState& state, UiScratch& scratch) {
  const DeskSlice& desk = state.queue.desk;
  const GoalPlan* plan = state.goal_plan();
  if (plan == nullptr || !desk.figures) {
    text_muted("No goal plan is loaded (goals/).");
    return;
  }
  const PeriodNumbers& figures = *desk.figures;
  const Locale locale = locale_of(plan->currency);
  text("Collectors this " + std::string(to_string(plan->period)) + ": " + std::to_string(figures.collectors().size()));
  ImGui::Separator();
  if (figures.collectors().empty()) {
    text_muted("No payment or promise yet in this period.");
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollX |
                                ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("collectors", 6, flags)) return;
  for (const char* label : {"Collector", "Collected", "Goal", "Commission", "Promises kept", "Broken"}) {
    ImGui::TableSetupColumn(label);
  }
  ImGui::TableHeadersRow();
  for (const auto& [collector, n] : figures.collectors()) {
    const Money goal = plan->goal_of(collector);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text(collector.empty() ? std::string("(unknown)") : collector);
    ImGui::TableNextColumn();
    text_right_aligned(format_money(n.collected, locale));
    ImGui::TableNextColumn();
    const std::string share = share_text(n.collected, goal);
    text_right_aligned(goal.minor() > 0 ? format_money(goal, locale) + " (" + share + ")" : std::string("none"));
    ImGui::TableNextColumn();
    text_right_aligned(format_money(commission(plan->commission, n.collected), locale));
    ImGui::TableNextColumn();
    text_right_aligned(std::to_string(n.promises_kept) + " of " + std::to_string(n.promises_made));
    ImGui::TableNextColumn();
    text_right_aligned(std::to_string(n.promises_broken));
  }
  ImGui::EndTable();
  scratch.widgets.record("supervisor.collectors");
}

}  // namespace parley::shell
