#pragma once
// Views of an AccountState for people and programs: how an accepted plan stands, the timeline of an account's
// events in plain words, and the state as JSON.
//
// Index of this file:
// [SECTION] Plans      an accepted plan's schedule, each instalment paid, part paid, due or missed as of a date
// [SECTION] Timeline   one line of plain words per event
// [SECTION] JSON       save_account_state (docs/account-state.md)

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/account/account.h"
#include "parley/calendar/business_days.h"
#include "parley/plans/plan.h"

namespace parley {

// [SECTION] Plans ---------------------------------------------------------------------------------------------

enum class InstalmentStatus { paid, part_paid, due, missed };  // "paid", "part-paid", "due", "missed"
enum class PlanStatus { active, completed, broken, superseded };  // "active", "completed", "broken", "superseded"
std::string_view to_string(InstalmentStatus);
std::string_view to_string(PlanStatus);

struct InstalmentState {
  plans::ScheduleRow row;  // the quoted row: number, kind, due date, amount and its parts
  Money paid;              // what the plan's payments cover of this row, in schedule order
  InstalmentStatus status = InstalmentStatus::due;
  friend bool operator==(const InstalmentState&, const InstalmentState&) = default;
};

struct PlanProgress {
  Problems problems;                      // why the schedule is unknown (the request no longer quotes, or names a
                                          // calendar that is not loaded); the fields below are then empty
  std::optional<plans::Quote> quote;      // the request re-quoted
  std::vector<InstalmentState> rows;      // one per schedule row
  Money paid;                             // payments counted towards the plan, dated on or before as_of
  PlanStatus status = PlanStatus::active;
};

// As of `as_of`: payments counted towards the plan (dated on or before as_of) cover its rows in schedule order. A
// row is paid when covered, part paid when partly covered, missed when not covered and more than the client's grace
// days past due, due otherwise. The plan is superseded when a later plan replaced it, completed when every row is
// paid, broken when a row is missed, active otherwise. `calendars` gives the calendar the request names.
PlanProgress plan_progress(const AccountState& state, const PlanRecord& plan, Date as_of,
                           const CalendarSet& calendars);

// [SECTION] Timeline ------------------------------------------------------------------------------------------

// The event in plain words for the account panel and support staff, e.g. "Call to +16175550123 (mobile) of Dana
// Reyes, outbound", "Payment of $50.00 by card on 2026-03-09: fees $10.00, interest $15.00, principal $25.00",
// "Outcome of the call of 2026-03-08 13:30 UTC: promise to pay (a conversation)". `state` is the state the event
// was folded into (its parties, attempts and payments name what the event refers to). Amounts in `locale`.
std::string describe_event(const Event& event, const AccountState& state, Locale locale);

// [SECTION] JSON ----------------------------------------------------------------------------------------------

// The state as JSON (docs/account-state.md): balance, ledger, promises and plans with their status as of `as_of`,
// letters, disputes, cease requests, escalations, holds, parties with their contact points, attempts and the
// events set aside. Compact by default; `indent` >= 0 puts each member on its own line. The same state gives the
// same bytes on every host.
std::string save_account_state(const AccountState& state, Date as_of, const CalendarSet& calendars,
                               int indent = -1);

}  // namespace parley
