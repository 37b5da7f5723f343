#pragma once
// The data files a host hands to core: compliance rule packs, holiday calendars, collection strategies and the
// agency's goal plan, named as they lie in the assets folder ("rules/US-MA.json", "calendars/US-FEDERAL.json",
// "strategies/standard.json", "goals/agency.json"). One loader for the desktop, the server, the CLI and the browser: each host reads or fetches the files its own way and hands each one's text (or why it could
// not) to the same Assets.
//
// Index of this file:
// [SECTION] Assets   expect, add, fail; what check() and quoting then read

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parley/calendar/business_days.h"
#include "parley/compliance/rule_pack.h"
#include "parley/problem.h"
#include "parley/queue/goals.h"
#include "parley/queue/strategy.h"

namespace parley {

// [SECTION] Assets --------------------------------------------------------------------------------------------

inline constexpr std::string_view rules_folder = "rules/";          // a rule pack's name starts with it
inline constexpr std::string_view calendars_folder = "calendars/";  // a holiday calendar's name starts with it
inline constexpr std::string_view strategies_folder = "strategies/";  // a strategy's name starts with it
inline constexpr std::string_view validation_calendar = "US-FEDERAL";  // the calendar of the validation period

struct Assets {
  RuleBook rules;         // the packs loaded, the ones that failed, the files still expected (rules.pending: every
                          // contact waits while it is not empty) and the validation period's holidays
  CalendarSet calendars;  // the calendars loaded, by Calendar::id
  StrategySet strategies;  // the strategies loaded (and those that failed: also in problems)
  std::optional<GoalPlan> goals;  // the agency's goal plan (goals/), one at most
  std::string goals_source;       // the file it came from (or that failed): the one goals/ file handed in
  Problems problems;      // every file that failed (path: its name): a rule pack (also in rules.failed, which then
                          // blocks every contact), a calendar, or a name in neither folder

  // The host is reading or fetching these files: contact waits until each has been added or failed. Names
  // already expected or added are not expected again.
  void expect(std::span<const std::string> names);
  // One file's text: a rule pack under rules/, a calendar under calendars/ (a later file with the same id
  // replaces it), a strategy under strategies/ (a file handed in again replaces what it gave), the goal plan under
  // goals/ (a second file fails). Once the US-FEDERAL calendar is in, the rule book's validation period uses it;
  // every calendar is also the rule book's, for the rest-days rules that name it.
  void add(std::string_view name, std::string_view text);
  // The host could not read or fetch the file. A rule pack that fails blocks every contact (fail closed).
  void fail(std::string_view name, std::string_view message);

  bool loading() const { return !rules.pending.empty(); }
  const Calendar* calendar(std::string_view id) const;  // null when no calendar with this id is loaded
};

}  // namespace parley
