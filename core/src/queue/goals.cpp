// Goals and commission: the plan's JSON reader, the period, each collector's figures, the commission.
//
// Index of this file:
// [SECTION] Reader
// [SECTION] Plan and period
// [SECTION] Numbers
// [SECTION] Commission
#include "parley/queue/goals.h"

#include <algorithm>
#include <utility>

#include "json/reader.h"
#include "json_text.h"

namespace parley {
namespace {

// [SECTION] Reader --------------------------------------------------------------------------------------------

constexpr std::int64_t kMaxAmount = json_text::max_exact_integer;

constexpr json::Words kNonEmptyText{"must be a non-empty string", {}, false, "must be a non-empty string"};
constexpr json::Words kWhole{"must be a whole number"};
constexpr json::ObjectWords kObjectWords{"is not a member of this object", "is required"};

constexpr auto kText = json::text(kNonEmptyText);
constexpr auto kAmount = json::integer<std::int64_t>(0, kMaxAmount, kWhole);
constexpr auto kRate = json::integer<int>(0, 10000, kWhole);
constexpr auto kCurrency = json::currency({"must be a string", "is not a supported ISO 4217 currency"});
std::optional<GoalPeriod> parse_goal_period(std::string_view t) {
  if (t == "month") return GoalPeriod::month;
  if (t == "quarter") return GoalPeriod::quarter;
  return std::nullopt;
}
constexpr auto kPeriod = json::spelling<GoalPeriod, parse_goal_period>(
    {"must be a non-empty string", {}, false, {}, {}, [](std::string_view) {
       return std::string("must be \"month\" or \"quarter\"");
     }});

// Tiers start higher one after the other: a tier that starts where an earlier one does is a mistake in the file.
void check_commission(json::Reader& r, void* object) {
  const std::vector<CommissionTier>& tiers = static_cast<const CommissionPlan*>(object)->tiers;
  for (std::size_t i = 1; i < tiers.size(); ++i) {
    if (tiers[i].from <= tiers[i - 1].from) {
      r.problem_at_path(r.path() + ".tiers[" + std::to_string(i) + "].from",
                        "must be more than tiers[" + std::to_string(i - 1) + "].from");
    }
  }
}

constexpr json::Member kTierMembers[] = {
    json::member<&CommissionTier::from>("from", kAmount),
    json::member<&CommissionTier::rate_bp>("rate_bp", kRate),
};
constexpr json::ObjectType kTierType = json::object_type(kTierMembers, kObjectWords);
constexpr auto kTier = json::object<CommissionTier>(kTierType, {"must be an object {\"from\", \"rate_bp\"}"});
constexpr auto kTiers = json::array(kTier, {"must be an array of tiers"});

constexpr json::Member kCommissionMembers[] = {
    json::member<&CommissionPlan::flat_bp>("flat_bp", kRate),
    json::member<&CommissionPlan::tiers>("tiers", kTiers, json::optional_member),
};
constexpr json::ObjectType kCommissionType = json::object_type(kCommissionMembers, kObjectWords, check_commission);
constexpr auto kCommission = json::object<CommissionPlan>(kCommissionType, {"must be an object"});

// A collector is listed once.
void finish_goal(json::Reader& r, void* object) {
  const CollectorGoal& goal = *static_cast<const CollectorGoal*>(object);
  if (!r.given("collector")) return;
  const std::vector<CollectorGoal>& goals = r.context<GoalPlan>().goals;
  const std::size_t i = r.element_index();
  for (std::size_t k = 0; k < i && k < goals.size(); ++k) {
    if (goals[k].collector == goal.collector) {
      r.problem_at("collector", "repeats the collector of goals[" + std::to_string(k) + "]");
      break;
    }
  }
}

constexpr json::Member kGoalMembers[] = {
    json::member<&CollectorGoal::collector>("collector", kText),
    json::member<&CollectorGoal::goal>("goal", kAmount),
};
constexpr json::ObjectType kGoalType = json::object_type(kGoalMembers, kObjectWords, finish_goal);
constexpr auto kGoal = json::object<CollectorGoal>(kGoalType, {"must be an object {\"collector\", \"goal\"}"});
constexpr auto kGoals = json::array(kGoal, {"must be an array of collectors' goals"});

constexpr auto kFormat = json::constant(goals_format, kNonEmptyText);

constexpr json::Member kPlanMembers[] = {
    json::member("format", kFormat),
    json::member<&GoalPlan::id>("id", kText),
    json::member<&GoalPlan::name>("name", kText),
    json::member<&GoalPlan::version>("version", kText),
    json::member<&GoalPlan::currency>("currency", kCurrency),
    json::member<&GoalPlan::period>("period", kPeriod),
    json::member<&GoalPlan::default_goal>("default_goal", kAmount),
    json::member<&GoalPlan::goals>("goals", kGoals, json::optional_member),
    json::member<&GoalPlan::commission>("commission", kCommission),
};
constexpr json::ObjectType kPlanType = json::object_type(kPlanMembers, kObjectWords);
constexpr auto kPlan = json::object<GoalPlan>(kPlanType, {"a goal plan must be a JSON object"});

}  // namespace

// [SECTION] Plan and period -----------------------------------------------------------------------------------

std::string_view to_string(GoalPeriod p) { return p == GoalPeriod::quarter ? "quarter" : "month"; }

GoalPlanLoad load_goal_plan(std::string_view json_text) {
  GoalPlanLoad out;
  GoalPlan plan;
  json::Reader reader(json_text, &plan);
  out.problems = reader.read(kPlan, plan);
  if (out.problems.empty()) out.plan = std::move(plan);
  return out;
}

Money GoalPlan::goal_of(std::string_view collector) const {
  for (const CollectorGoal& g : goals) {
    if (g.collector == collector) return Money(g.goal, currency);
  }
  return Money(default_goal, currency);
}

DateRange goal_period(GoalPeriod period, Date today) {
  const int first_month = period == GoalPeriod::quarter ? (today.month() - 1) / 3 * 3 + 1 : today.month();
  const int months = period == GoalPeriod::quarter ? 3 : 1;
  const Date first = *Date::from_ymd(today.year(), first_month, 1);
  return DateRange{first, first.plus_months(months).plus_days(-1)};
}

// [SECTION] Numbers -------------------------------------------------------------------------------------------

PeriodNumbers::PeriodNumbers(DateRange period, Date today, Currency currency)
    : period_(period), today_(today), currency_(currency) {}

const CollectorNumbers* PeriodNumbers::of(std::string_view collector) const {
  const auto found = collectors_.find(collector);
  return found == collectors_.end() ? nullptr : &found->second;
}

CollectorNumbers& PeriodNumbers::numbers(const std::string& collector) {
  auto [it, added] = collectors_.try_emplace(collector);
  if (added) {
    it->second.collector = collector;
    it->second.collected = Money::zero(currency_);
    const Date end = today_ < period_.last ? today_ : period_.last;
    const int days = end < period_.first ? 0 : end.days_since_epoch() - period_.first.days_since_epoch() + 1;
    it->second.by_day.assign(static_cast<std::size_t>(days), Money::zero(currency_));
  }
  return it->second;
}

// `amount` (negative for a reversal) collected on `day`: the total, and every day of the chart from then on.
void PeriodNumbers::add_on(CollectorNumbers& n, Date day, Money amount) {
  n.collected += amount;
  const int from = day.days_since_epoch() - period_.first.days_since_epoch();
  for (std::size_t d = static_cast<std::size_t>(std::max(from, 0)); d < n.by_day.size(); ++d) n.by_day[d] += amount;
}

void PeriodNumbers::add(const AccountState& state) {
  for (const PaymentRecord& p : state.payments) {
    const bool paid_in = period_.contains(p.date) && !(today_ < p.date);
    const bool reversed_in = p.reversed_on && period_.contains(*p.reversed_on) && !(today_ < *p.reversed_on);
    if (!paid_in && !reversed_in) continue;
    if (p.amount.currency() != currency_) {
      ++other_currency_;
      continue;
    }
    if (p.credited_to.empty()) {
      ++no_collector_;
      continue;
    }
    CollectorNumbers& n = numbers(p.credited_to);
    if (paid_in) {
      ++n.payments;
      add_on(n, p.date, p.amount);
    }
    if (reversed_in) {
      ++n.reversals;
      add_on(n, *p.reversed_on, Money(-p.amount.minor(), currency_));
    }
  }
  const int grace = state.promise_grace_days();
  for (const PromiseRecord& p : state.promises) {
    if (!period_.contains(p.made_on) || today_ < p.made_on) continue;
    CollectorNumbers& n = numbers(p.made_by);
    ++n.promises_made;
    switch (promise_status(p, today_, grace)) {
      case PromiseStatus::kept: ++n.promises_kept; break;
      case PromiseStatus::broken: ++n.promises_broken; break;
      case PromiseStatus::open: break;
    }
  }
}

void PeriodNumbers::include_goals(const GoalPlan& plan) {
  for (const CollectorGoal& g : plan.goals) numbers(g.collector);
}

void PeriodNumbers::merge(const PeriodNumbers& other) {
  other_currency_ += other.other_currency_;
  no_collector_ += other.no_collector_;
  for (const auto& [collector, theirs] : other.collectors_) {
    CollectorNumbers& n = numbers(collector);
    n.collected += theirs.collected;
    n.payments += theirs.payments;
    n.reversals += theirs.reversals;
    n.promises_made += theirs.promises_made;
    n.promises_kept += theirs.promises_kept;
    n.promises_broken += theirs.promises_broken;
    for (std::size_t d = 0; d < n.by_day.size() && d < theirs.by_day.size(); ++d) n.by_day[d] += theirs.by_day[d];
  }
}

// [SECTION] Commission ----------------------------------------------------------------------------------------

Money commission(const CommissionPlan& plan, Money collected) {
  const std::int64_t c = collected.minor();
  if (c <= 0) return Money::zero(collected.currency());
  // Each part times its rate, over 10,000: whole minor units and the remainders kept apart, rounded once.
  std::int64_t whole = 0;
  std::int64_t rest = 0;  // in ten-thousandths of a minor unit
  const auto add = [&](std::int64_t part, int rate_bp) {
    whole += part / 10000 * rate_bp;
    rest += part % 10000 * rate_bp;
  };
  add(c, plan.flat_bp);
  for (std::size_t i = 0; i < plan.tiers.size(); ++i) {
    const std::int64_t to = i + 1 < plan.tiers.size() ? std::min(c, plan.tiers[i + 1].from) : c;
    if (to > plan.tiers[i].from) add(to - plan.tiers[i].from, plan.tiers[i].rate_bp);
  }
  return Money(whole + (rest + 5000) / 10000, collected.currency());
}

}  // namespace parley
