// The assets a host hands in (see parley/assets.h).
#include "parley/assets.h"

#include <algorithm>

namespace parley {

namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix;
}

}  // namespace

void Assets::expect(std::span<const std::string> names) {
  for (const std::string& name : names) {
    if (std::find(rules.pending.begin(), rules.pending.end(), name) == rules.pending.end()) {
      rules.pending.push_back(name);
    }
  }
}

void Assets::add(std::string_view name, std::string_view text) {
  std::erase(rules.pending, name);
  std::erase_if(problems, [&](const Problem& p) { return p.path == name; });
  if (starts_with(name, rules_folder)) {
    // A file handed in again replaces what it gave before: its pack (by jurisdiction) or its failure.
    std::erase_if(rules.failed, [&](const Problem& p) { return p.path == name; });
    RulePackLoad load = load_rule_pack(text);
    if (!load.pack) {
      for (const Problem& p : load.problems) {
        rules.failed.push_back({std::string(name), p.text()});
        problems.push_back(rules.failed.back());
      }
      return;
    }
    std::erase_if(rules.packs, [&](const RulePack& p) { return p.jurisdiction == load.pack->jurisdiction; });
    rules.packs.push_back(std::move(*load.pack));
    return;
  }
  if (starts_with(name, strategies_folder)) {
    strategies.remove(name);
    if (!strategies.add(name, text)) {
      for (const Problem& p : strategies.failed) {
        if (p.path == name) problems.push_back(p);
      }
    }
    return;
  }
  if (starts_with(name, goals_folder)) {
    // One plan works the agency: a second file is refused, whether the first loaded or failed.
    if (!goals_source.empty() && goals_source != name) {
      problems.push_back({std::string(name), "the goal plan is " + goals_source + "; one file only in goals/"});
      return;
    }
    goals.reset();
    goals_source = name;
    GoalPlanLoad load = load_goal_plan(text);
    if (!load.plan) {
      for (const Problem& p : load.problems) problems.push_back({std::string(name), p.text()});
      return;
    }
    goals = std::move(load.plan);
    return;
  }
  if (!starts_with(name, calendars_folder)) {
    problems.push_back({std::string(name), "is neither a rule pack (rules/), a holiday calendar (calendars/), a "
                                           "strategy (strategies/) nor a goal plan (goals/)"});
    return;
  }
  CalendarLoad load = load_calendar(text);
  if (!load.calendar) {
    for (const Problem& p : load.problems) problems.push_back({std::string(name), p.text()});
    return;
  }
  std::string id = load.calendar->id;
  if (id == validation_calendar) rules.holidays = *load.calendar;
  rules.calendars.insert_or_assign(id, *load.calendar);
  calendars.insert_or_assign(std::move(id), std::move(*load.calendar));
}

void Assets::fail(std::string_view name, std::string_view message) {
  std::erase(rules.pending, name);
  std::erase_if(problems, [&](const Problem& p) { return p.path == name; });
  std::erase_if(rules.failed, [&](const Problem& p) { return p.path == name; });
  const Problem problem{std::string(name), std::string(message)};
  problems.push_back(problem);
  if (starts_with(name, rules_folder)) rules.failed.push_back(problem);
}

const Calendar* Assets::calendar(std::string_view id) const {
  const auto it = calendars.find(id);
  return it == calendars.end() ? nullptr : &it->second;
}

}  // namespace parley
