#pragma once
// The collector's desk: what the strategy reads of each account (DeskFacts), the risk tier it finds with its
// reasons, the score with the points of each factor, the desk's order, and get-next: the first account in that
// order that compliance lets the collector call now, with every account passed over and why (docs/queue.md).
//
// Index of this file:
// [SECTION] Facts      what the strategy reads of an account: from its fold, or from its placement when it has no
//                      events
// [SECTION] Priority   risk tier and reasons, score and factors
// [SECTION] Desk       the order; get-next with the skipped accounts
// [SECTION] Escalation the rule of the strategy an account meets, if any
//
// Cost: facts are O(events of the account); a priority is O(signals) without allocating; ordering is a sort. A
// host keeps the facts of accounts with no events from their placement and refolds only accounts that change.

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "parley/account/account.h"
#include "parley/calendar/business_days.h"
#include "parley/compliance/check.h"
#include "parley/date.h"
#include "parley/money.h"
#include "parley/queue/strategy.h"
#include "parley/time_zone.h"

namespace parley {

// [SECTION] Facts ---------------------------------------------------------------------------------------------

struct DeskFacts {
  RiskTier placed_risk = RiskTier::medium;        // the client's tier at placement
  Money balance;                                  // the balance now
  int days_past_due = 0;                          // to the agency's today
  int broken_promises = 0;
  int kept_promises = 0;
  std::optional<Date> open_promise_due;           // the earliest due date of the promises still open
  std::optional<Date> last_broken_on;             // the day the latest broken promise broke (due + grace + 1)
  int payments = 0;                               // not reversed
  int returned_payments = 0;                      // reversed as returned or charged back
  bool plan = false;                              // a current payment plan
  bool plan_broken = false;                       // the current plan is broken (plan_progress): an instalment missed
  std::optional<Instant> last_attempt;            // the latest contact attempt (letters included)
  std::optional<ContactOutcome> last_outcome;     // the outcome of the latest attempt that has one
  std::optional<Instant> last_right_party;        // the latest right-party contact (or promise to pay)
  std::optional<TimeZone> zone;                   // the debtor's first candidate zone at `now`; none: unknown
  std::vector<std::int32_t> right_party_times;    // local seconds of the day (in `zone`) of past right-party
                                                  // contacts, oldest first
  std::optional<Instant> callback;                // the open callback's time
  int days_since_placed = 0;                      // to the agency's today; 0 on and before the placement day
  std::optional<RiskTier> risk_override = std::nullopt;  // the tier a person set, while it holds today
  bool escalated = false;                         // an escalation is recorded (Escalated)
  bool held = false;                              // a hold stops collection: bankruptcy, death, legal, returned
  friend bool operator==(const DeskFacts&, const DeskFacts&) = default;
};

// The facts of a folded account (state.account is its placement), as of `today` (the agency's day) and `now`.
// `calendars`: the holiday calendars its plan's schedule may name (a plan whose schedule is unknown without them is
// not found broken).
DeskFacts desk_facts(const AccountState& state, Date today, Instant now, const CalendarSet& calendars);
// The facts of an account with no events: the same as desk_facts of its placement_state, without folding it.
DeskFacts desk_facts(const Account& account, Date today, Instant now);

// [SECTION] Priority ------------------------------------------------------------------------------------------

enum class ScoreFactor {
  tier,            // the risk tier
  balance,         // the balance now
  days_past_due,
  promise_due,     // an open promise due today or earlier
  promise_broken,  // a promise broken within the strategy's days
  never_contacted,
  recent_contact,  // an attempt within the strategy's hours
  last_outcome,    // the latest outcome recorded
  best_time,       // now is near the time of day of a past right-party contact
};
inline constexpr int score_factor_count = 9;
std::string_view to_string(ScoreFactor);  // "tier", "balance", "days-past-due", ..., "best-time"

struct RiskAssessment {
  RiskTier tier = RiskTier::medium;  // the strategy's, or the one a person set (overridden)
  int points = 0;                 // the signals' points
  std::uint64_t signals = 0;      // bit i: Strategy::risk.signals[i] held
  bool overridden = false;        // a person set the tier (RiskOverridden): the signals no longer decide it
  std::vector<std::string_view> reasons(const Strategy& strategy) const;  // the held signals' reasons, in order
  friend bool operator==(const RiskAssessment&, const RiskAssessment&) = default;
};

RiskAssessment assess_risk(const Strategy& strategy, const DeskFacts& facts, Instant now);

struct Priority {
  std::uint32_t account = 0;                       // the caller's index (portfolio order)
  int score = 0;                                   // the sum of the factors' points
  std::array<int, score_factor_count> points{};    // by ScoreFactor
  RiskAssessment risk;
  std::optional<Instant> callback;                 // the open callback's time
  int days_past_due = 0;                           // breaks ties: older first
  bool callback_due(Instant now) const { return callback && *callback <= now; }
  friend bool operator==(const Priority&, const Priority&) = default;
};

Priority prioritise(const Strategy& strategy, const DeskFacts& facts, std::uint32_t account, Date today, Instant now);

// [SECTION] Desk ----------------------------------------------------------------------------------------------

// The desk's order: callbacks due at `now` first, earliest first; then score, highest first; then days past due,
// oldest first; then `account` (portfolio order). A callback not yet due counts only by its score.
bool desk_before(const Priority& a, const Priority& b, Instant now);  // a strict weak order
void order_desk(std::vector<Priority>& desk, Instant now);

// The reasons of a party with no number a call may go to, of an account on another collector's desk, of an
// account without a debtor, and of one waiting on a supervisor.
inline constexpr std::string_view no_callable_number = "no-callable-number";
inline constexpr std::string_view other_desk = "other-desk";
inline constexpr std::string_view no_debtor = "no-debtor";
inline constexpr std::string_view awaiting_approval = "awaiting-approval";  // a plan referred to a supervisor

// May the collector call `party` now on one of its numbers? check() of each phone reachable_points gives, in
// order: the first allowed decision; else, when none is allowed, the blocked decision that clears first (a
// decision that no time clears comes last); no_callable_number when the party has no number left (each is marked
// bad or wrong). `check_number` is check() of one number with the host's rule book and consumer folds. When allowed,
// `number` (if given) is set to the number the decision is for.
Decision call_decision(const AccountState& state, const Party& party,
                       const std::function<Decision(std::string_view number)>& check_number,
                       std::string* number = nullptr);

// What get-next asks of an account for `collector` (empty: any collector): blocked when it is on another
// collector's desk (other_desk), waits on a supervisor's decision on a plan (awaiting_approval: no time alone
// clears it) or has no debtor (no_debtor), else call_decision of its debtor, with
// `check_number` the host's check() of the debtor at one number.
Decision next_call_decision(const AccountState& state, std::string_view collector,
                            const std::function<Decision(const Party& debtor, std::string_view number)>& check_number,
                            std::string* number = nullptr);

// An account get-next passed over: compliance blocks the call now.
struct Skipped {
  std::uint32_t account = 0;
  Decision decision;  // blocked: the reasons and next_allowed (when the account becomes callable; nullopt when no
                      // time alone clears it)
};

struct NextAccount {
  std::optional<std::uint32_t> account;  // the first in desk order that may be called now; nullopt: none
  std::size_t position = 0;              // its index in the desk (desk.size() when none)
  std::vector<Skipped> skipped;          // every account before it, in desk order
};

// Walks the desk in order from `from` and asks `may_call` of each account until one is allowed.
NextAccount next_account(std::span<const Priority> desk, const std::function<Decision(std::uint32_t)>& may_call,
                         std::size_t from = 0);

// [SECTION] Escalation ----------------------------------------------------------------------------------------

// The first of the strategy's escalation rules whose condition holds for the account, in file order; null when none
// holds, when the account has already been escalated (the rules send an account off the soft desk once; where it
// goes from there is its new desk's business), or when a hold stops collection on it (bankruptcy and death
// escalate when they are reported, contact.h, not by these rules).
const EscalationRule* escalation_due(const Strategy& strategy, const DeskFacts& facts, Instant now);

// The event that records the rule's escalation: Escalated{rule.to, "<rule.id>: <rule.reason>"}.
Escalated escalation_of(const EscalationRule& rule);

}  // namespace parley
