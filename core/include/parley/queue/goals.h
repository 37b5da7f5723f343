#pragma once
// Goals and commission as data (assets/goals/*.json, docs/goals.md): each collector's goal for the month or the
// quarter, what they collected towards it (payments net of reversals, from the folds), their promises kept and
// broken, and the commission the agency's plan pays on what they collected (a flat rate plus tiers).
//
// Index of this file:
// [SECTION] Plan         the goal plan and its JSON reader
// [SECTION] Period       the month or quarter a day falls in
// [SECTION] Numbers      each collector's figures for a period, account by account
// [SECTION] Commission   flat rate plus tiers

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/account/account.h"
#include "parley/date.h"
#include "parley/money.h"
#include "parley/problem.h"

namespace parley {

// [SECTION] Plan ----------------------------------------------------------------------------------------------

inline constexpr std::string_view goals_format = "parley-goals/1";
inline constexpr std::string_view goals_folder = "goals/";  // a goal plan's asset name starts with it

enum class GoalPeriod { month, quarter };  // "month", "quarter"
std::string_view to_string(GoalPeriod);

// On what a collector collects in the period from `from` on (up to the next tier's `from`), `rate_bp` more.
struct CommissionTier {
  std::int64_t from = 0;  // minor units of the plan's currency
  int rate_bp = 0;        // basis points: 100 = 1 %
  friend bool operator==(const CommissionTier&, const CommissionTier&) = default;
};

struct CommissionPlan {
  int flat_bp = 0;                    // on everything collected
  std::vector<CommissionTier> tiers;  // by `from`, ascending
  friend bool operator==(const CommissionPlan&, const CommissionPlan&) = default;
};

struct CollectorGoal {
  std::string collector;  // the user id (author.user of the events they record)
  std::int64_t goal = 0;  // minor units
  friend bool operator==(const CollectorGoal&, const CollectorGoal&) = default;
};

struct GoalPlan {
  std::string id;
  std::string name;
  std::string version;
  Currency currency;                    // of every amount; payments in another currency are not counted
  GoalPeriod period = GoalPeriod::month;
  std::int64_t default_goal = 0;        // for a collector the plan does not list; 0: no goal
  std::vector<CollectorGoal> goals;
  CommissionPlan commission;
  Money goal_of(std::string_view collector) const;
  friend bool operator==(const GoalPlan&, const GoalPlan&) = default;
};

struct GoalPlanLoad {
  std::optional<GoalPlan> plan;  // set when problems is empty
  Problems problems;             // each with the member's path ("commission.tiers[1].from")
};
GoalPlanLoad load_goal_plan(std::string_view json_text);

// [SECTION] Period --------------------------------------------------------------------------------------------

struct DateRange {
  Date first;
  Date last;  // inclusive
  bool contains(Date d) const { return !(d < first) && !(last < d); }
  friend bool operator==(const DateRange&, const DateRange&) = default;
};

// The calendar month or quarter (January to March, ...) that `today` falls in.
DateRange goal_period(GoalPeriod period, Date today);

// [SECTION] Numbers -------------------------------------------------------------------------------------------

// A collector's figures for a period, in the plan's currency.
struct CollectorNumbers {
  std::string collector;
  Money collected;                 // payments dated in the period, less the reversals dated in it
  int payments = 0;                // dated in the period
  int reversals = 0;               // dated in the period
  int promises_made = 0;           // made in the period
  int promises_kept = 0;           // of those, kept by `today`
  int promises_broken = 0;         // of those, broken by `today`
  std::vector<Money> by_day;       // collected at the end of each day of the period up to `today` (the chart)
  friend bool operator==(const CollectorNumbers&, const CollectorNumbers&) = default;
};

// Every collector's figures for one period, added to account by account.
class PeriodNumbers {
 public:
  PeriodNumbers(DateRange period, Date today, Currency currency);
  // The account's payments and reversals dated in the period, credited to the collector each payment is credited to
  // (PaymentRecord::credited_to), and its promises made in the period (by the UTC day they were recorded on), to
  // their makers. Payments in another currency than the plan's are counted in other_currency only, and payments
  // credited to nobody in no_collector only.
  void add(const AccountState& state);
  // Lists every collector the plan gives a goal, with zero figures when they have none yet.
  void include_goals(const GoalPlan& plan);
  // Adds another's figures for the same period, day and currency (a host keeps each account's and sums them).
  void merge(const PeriodNumbers& other);
  bool empty() const { return collectors_.empty() && other_currency_ == 0 && no_collector_ == 0; }
  const std::map<std::string, CollectorNumbers, std::less<>>& collectors() const { return collectors_; }
  const CollectorNumbers* of(std::string_view collector) const;  // null when they have no figures
  int other_currency() const { return other_currency_; }          // payments left out for their currency
  int no_collector() const { return no_collector_; }              // payments on no desk, not taken by a collector
  DateRange period() const { return period_; }

 private:
  CollectorNumbers& numbers(const std::string& collector);
  void add_on(CollectorNumbers& n, Date day, Money amount);
  DateRange period_;
  Date today_;
  Currency currency_;
  std::map<std::string, CollectorNumbers, std::less<>> collectors_;
  int other_currency_ = 0;
  int no_collector_ = 0;
};

// [SECTION] Commission ----------------------------------------------------------------------------------------

// The commission on `collected`: flat_bp of all of it, plus each tier's rate_bp of the part that lies from its
// `from` to the next tier's, rounded once to the minor unit (half up). Nothing on a period whose reversals exceed
// its payments.
Money commission(const CommissionPlan& plan, Money collected);

}  // namespace parley
