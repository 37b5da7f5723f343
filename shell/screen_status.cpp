// The load status screen: shown until a portfolio is loaded, and with every problem when loading failed.

#include <imgui.h>

#include <string>

#include "screens.h"

namespace parley::shell {

void draw_status(const AppState& state, UiScratch& scratch, Dispatch& /*dispatch*/) {
  if (state.status == LoadStatus::loading) {
    text(state.source.empty() ? std::string("Loading the portfolio\xE2\x80\xA6")
                              : "Loading the portfolio from " + state.source + "\xE2\x80\xA6");
    scratch.widgets.record("status.message");
    return;
  }
  if (state.status != LoadStatus::error) return;

  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.10f, 0.08f, 1.0f));
  text(state.source.empty() ? std::string("The portfolio could not be loaded.")
                            : "The portfolio " + state.source + " could not be loaded.");
  ImGui::PopStyleColor();
  scratch.widgets.record("status.message");
  const std::string count = std::to_string(state.problems.size()) +
                            (state.problems.size() == 1 ? " problem:" : " problems:");
  text_muted(count);

  ImGui::BeginChild("problems", ImVec2(0.0f, 0.0f), true);
  for (const Problem& problem : state.problems) ImGui::TextWrapped("%s", problem.text().c_str());
  ImGui::EndChild();
  scratch.widgets.record("status.problems");
}

}  // namespace parley::shell
