// The desk: facts of an account, risk and score by the strategy, the order, get-next.
//
// Index of this file:
// [SECTION] Facts
// [SECTION] Priority
// [SECTION] Desk
#include "parley/queue/desk.h"

#include "parley/account/views.h"

#include <algorithm>
#include <cstdlib>

namespace parley {

// [SECTION] Facts ---------------------------------------------------------------------------------------------

namespace {

// The outcomes that mean the collector spoke with the party the call was for.
bool reached_right_party(ContactOutcome outcome) {
  switch (outcome) {
    case ContactOutcome::right_party_contact:
    case ContactOutcome::promise_to_pay:
    case ContactOutcome::refused:
    case ContactOutcome::dispute:
    case ContactOutcome::cease_request: return true;
    default: return false;
  }
}

// What both the folded and the placement facts read of the placement.
DeskFacts placement_facts(const Account& account, Date today) {
  DeskFacts f;
  f.placed_risk = account.risk;
  f.balance = account.balance.total();
  f.days_past_due = account.days_past_due(today);
  f.days_since_placed = std::max(0, today.days_since_epoch() - account.placed.days_since_epoch());
  return f;
}

}  // namespace

DeskFacts desk_facts(const Account& account, Date today, Instant) { return placement_facts(account, today); }

DeskFacts desk_facts(const AccountState& state, Date today, Instant now, const CalendarSet& calendars) {
  DeskFacts f = placement_facts(*state.account, today);
  f.balance = state.balance.total();
  const int grace = state.promise_grace_days();
  for (const PromiseRecord& p : state.promises) {
    switch (promise_status(p, today, grace)) {
      case PromiseStatus::kept: ++f.kept_promises; break;
      case PromiseStatus::broken: {
        ++f.broken_promises;
        const Date broke = p.due.plus_days(grace + 1);
        if (!f.last_broken_on || *f.last_broken_on < broke) f.last_broken_on = broke;
        break;
      }
      case PromiseStatus::open:
        if (!f.open_promise_due || p.due < *f.open_promise_due) f.open_promise_due = p.due;
        break;
    }
  }
  for (const PaymentRecord& p : state.payments) {
    if (!p.reversed_by) {
      ++f.payments;
    } else if (p.reversal_reason && *p.reversal_reason != ReversalReason::posted_in_error) {
      ++f.returned_payments;
    }
  }
  if (const PlanRecord* plan = state.current_plan()) {
    f.plan = true;
    const PlanProgress progress = plan_progress(state, *plan, today, calendars);
    f.plan_broken = progress.problems.empty() && progress.status == PlanStatus::broken;
  }
  std::optional<Instant> last_outcome_at;
  std::vector<Instant> right_party;
  for (const AttemptRecord& a : state.attempts) {
    if (!f.last_attempt || *f.last_attempt < a.at) f.last_attempt = a.at;
    if (!a.outcome) continue;
    if (!last_outcome_at || !(a.at < *last_outcome_at)) {
      last_outcome_at = a.at;
      f.last_outcome = a.outcome;
    }
    if (reached_right_party(*a.outcome)) {
      right_party.push_back(a.at);
      if (!f.last_right_party || *f.last_right_party < a.at) f.last_right_party = a.at;
    }
  }
  const Party* debtor = state.account->debtor();
  const PartyRecord* debtor_record = debtor != nullptr ? state.party(debtor->id) : nullptr;
  if (!right_party.empty() && debtor_record != nullptr) {
    const std::vector<TimeZone> zones = candidate_zones(*debtor_record, now);
    if (!zones.empty()) {
      f.zone = zones.front();
      std::sort(right_party.begin(), right_party.end());
      for (Instant at : right_party) f.right_party_times.push_back(to_local(*f.zone, at).seconds_of_day);
    }
  }
  for (const CallbackRecord& c : state.callbacks) {
    if (c.open()) f.callback = c.at;
  }
  if (state.risk_override && state.risk_override->in_force(today)) f.risk_override = state.risk_override->tier;
  f.escalated = !state.escalations.empty();
  f.held = !state.holds.empty();
  return f;
}

// [SECTION] Priority ------------------------------------------------------------------------------------------

std::string_view to_string(ScoreFactor factor) {
  static constexpr std::string_view kNames[] = {"tier",           "balance",        "days-past-due",
                                                "promise-due",    "promise-broken", "never-contacted",
                                                "recent-contact", "last-outcome",   "best-time"};
  static_assert(std::size(kNames) == score_factor_count);
  return kNames[static_cast<int>(factor)];
}

namespace {

std::int64_t whole_units(Money m) {
  std::int64_t unit = 1;
  for (int i = 0; i < m.currency().minor_digits(); ++i) unit *= 10;
  return m.minor() / unit;
}

bool holds(const Condition& c, const DeskFacts& f, Instant now) {
  if (c.placed_risk && f.placed_risk != *c.placed_risk) return false;
  const std::int64_t units = whole_units(f.balance);
  if (c.balance_at_least && units < *c.balance_at_least) return false;
  if (c.balance_below && units >= *c.balance_below) return false;
  if (c.days_past_due_at_least && f.days_past_due < *c.days_past_due_at_least) return false;
  if (c.days_past_due_below && f.days_past_due >= *c.days_past_due_below) return false;
  if (c.broken_promises_at_least && f.broken_promises < *c.broken_promises_at_least) return false;
  if (c.kept_promises_at_least && f.kept_promises < *c.kept_promises_at_least) return false;
  if (c.payments_at_least && f.payments < *c.payments_at_least) return false;
  if (c.payments_below && f.payments >= *c.payments_below) return false;
  if (c.returned_payments_at_least && f.returned_payments < *c.returned_payments_at_least) return false;
  if (c.no_right_party_contact_days && f.last_right_party &&
      now.unix_seconds() - f.last_right_party->unix_seconds() < std::int64_t{*c.no_right_party_contact_days} * 86400) {
    return false;
  }
  if (!c.last_outcome_in.empty() &&
      (!f.last_outcome ||
       std::find(c.last_outcome_in.begin(), c.last_outcome_in.end(), *f.last_outcome) == c.last_outcome_in.end())) {
    return false;
  }
  if (c.plan && f.plan != *c.plan) return false;
  if (c.placed_days_at_least && f.days_since_placed < *c.placed_days_at_least) return false;
  if (c.plan_broken && f.plan_broken != *c.plan_broken) return false;
  return true;
}

int scaled(const Scale& s, std::int64_t quantity) {
  if (quantity <= 0 || s.per <= 0) return 0;
  const std::int64_t points = quantity / s.per * s.points;
  return static_cast<int>(std::min<std::int64_t>(points, s.max));
}

// The shortest distance between two times of day, across midnight.
std::int32_t clock_distance(std::int32_t a, std::int32_t b) {
  const std::int32_t d = std::abs(a - b) % 86400;
  return std::min(d, 86400 - d);
}

}  // namespace

std::vector<std::string_view> RiskAssessment::reasons(const Strategy& strategy) const {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < strategy.risk.signals.size() && i < max_risk_signals; ++i) {
    if (signals >> i & 1U) out.push_back(strategy.risk.signals[i].reason);
  }
  return out;
}

RiskAssessment assess_risk(const Strategy& strategy, const DeskFacts& facts, Instant now) {
  RiskAssessment r;
  for (std::size_t i = 0; i < strategy.risk.signals.size() && i < max_risk_signals; ++i) {
    const RiskSignal& s = strategy.risk.signals[i];
    if (!holds(s.when, facts, now)) continue;
    r.points += s.points;
    r.signals |= std::uint64_t{1} << i;
  }
  r.tier = r.points >= strategy.risk.high_at     ? RiskTier::high
           : r.points >= strategy.risk.medium_at ? RiskTier::medium
                                                 : RiskTier::low;
  if (facts.risk_override) {
    r.tier = *facts.risk_override;
    r.overridden = true;
  }
  return r;
}

Priority prioritise(const Strategy& strategy, const DeskFacts& facts, std::uint32_t account, Date today,
                    Instant now) {
  const ScoreModel& m = strategy.score;
  Priority p;
  p.account = account;
  p.risk = assess_risk(strategy, facts, now);
  p.callback = facts.callback;
  p.days_past_due = facts.days_past_due;
  const auto set = [&](ScoreFactor factor, int points) { p.points[static_cast<int>(factor)] = points; };
  switch (p.risk.tier) {
    case RiskTier::high: set(ScoreFactor::tier, m.tier_high); break;
    case RiskTier::medium: set(ScoreFactor::tier, m.tier_medium); break;
    case RiskTier::low: set(ScoreFactor::tier, m.tier_low); break;
  }
  set(ScoreFactor::balance, scaled(m.balance, whole_units(facts.balance)));
  set(ScoreFactor::days_past_due, scaled(m.days_past_due, facts.days_past_due));
  if (facts.open_promise_due && !(today < *facts.open_promise_due)) set(ScoreFactor::promise_due, m.promise_due);
  if (facts.last_broken_on && today - *facts.last_broken_on < m.promise_broken_days) {
    set(ScoreFactor::promise_broken, m.promise_broken);
  }
  if (!facts.last_attempt) {
    set(ScoreFactor::never_contacted, m.never_contacted);
  } else if (now.unix_seconds() - facts.last_attempt->unix_seconds() < std::int64_t{m.recent_contact_hours} * 3600) {
    set(ScoreFactor::recent_contact, m.recent_contact);
  }
  if (facts.last_outcome) {
    for (const OutcomePoints& o : m.last_outcome) {
      if (o.outcome == *facts.last_outcome) set(ScoreFactor::last_outcome, o.points);
    }
  }
  if (facts.zone && m.best_time_minutes > 0) {
    const std::int32_t local = to_local(*facts.zone, now).seconds_of_day;
    const bool near = std::any_of(facts.right_party_times.begin(), facts.right_party_times.end(),
                                  [&](std::int32_t t) { return clock_distance(t, local) <= m.best_time_minutes * 60; });
    if (near) set(ScoreFactor::best_time, m.best_time);
  }
  for (int points : p.points) p.score += points;
  return p;
}

// [SECTION] Desk ----------------------------------------------------------------------------------------------

bool desk_before(const Priority& a, const Priority& b, Instant now) {
  const bool a_due = a.callback_due(now);
  const bool b_due = b.callback_due(now);
  if (a_due != b_due) return a_due;
  if (a_due && *a.callback != *b.callback) return *a.callback < *b.callback;
  if (a.score != b.score) return a.score > b.score;
  if (a.days_past_due != b.days_past_due) return a.days_past_due > b.days_past_due;
  return a.account < b.account;
}

void order_desk(std::vector<Priority>& desk, Instant now) {
  std::sort(desk.begin(), desk.end(), [now](const Priority& a, const Priority& b) { return desk_before(a, b, now); });
}

Decision call_decision(const AccountState& state, const Party& party,
                       const std::function<Decision(std::string_view number)>& check_number, std::string* number) {
  const PartyRecord* record = state.party(party.id);
  std::optional<Decision> best;
  if (record != nullptr) {
    for (const PointRecord* point : reachable_points(*record, ContactChannel::phone)) {
      Decision d = check_number(point->phone->number);
      if (d.allowed) {
        if (number != nullptr) *number = point->phone->number;
        return d;
      }
      const bool sooner = !best || (d.next_allowed && (!best->next_allowed || *d.next_allowed < *best->next_allowed));
      if (sooner) best = std::move(d);
    }
  }
  if (best) return *best;
  return Decision{false,
                  {{std::string(no_callable_number),
                    "No number of " + party.given_name + " " + party.family_name +
                        " may be called: each is marked bad or wrong number.",
                    ""}},
                  std::nullopt};
}

Decision next_call_decision(const AccountState& state, std::string_view collector,
                            const std::function<Decision(const Party& debtor, std::string_view number)>& check_number,
                            std::string* number) {
  if (!collector.empty() && state.assigned_to && *state.assigned_to != collector) {
    return Decision{false,
                    {{std::string(other_desk), "The account is on the desk of " + *state.assigned_to + ".", ""}},
                    std::nullopt};
  }
  if (const ApprovalRecord* pending = state.pending_approval()) {
    return Decision{false,
                    {{std::string(awaiting_approval),
                      "A plan waits for a supervisor's decision (asked by " + pending->requested_by + " at " +
                          pending->requested_at.iso() + ").",
                      ""}},
                    std::nullopt};
  }
  const Party* debtor = state.account->debtor();
  if (debtor == nullptr) {
    return Decision{false, {{std::string(no_debtor), "The account has no debtor to call.", ""}}, std::nullopt};
  }
  return call_decision(
      state, *debtor, [&](std::string_view point) { return check_number(*debtor, point); }, number);
}

NextAccount next_account(std::span<const Priority> desk, const std::function<Decision(std::uint32_t)>& may_call,
                         std::size_t from) {
  NextAccount out;
  out.position = desk.size();
  for (std::size_t i = from; i < desk.size(); ++i) {
    Decision d = may_call(desk[i].account);
    if (d.allowed) {
      out.account = desk[i].account;
      out.position = i;
      return out;
    }
    out.skipped.push_back({desk[i].account, std::move(d)});
  }
  return out;
}

// [SECTION] Escalation ----------------------------------------------------------------------------------------

const EscalationRule* escalation_due(const Strategy& strategy, const DeskFacts& facts, Instant now) {
  if (facts.escalated || facts.held) return nullptr;
  for (const EscalationRule& rule : strategy.escalation) {
    if (holds(rule.when, facts, now)) return &rule;
  }
  return nullptr;
}

Escalated escalation_of(const EscalationRule& rule) { return Escalated{rule.to, rule.id + ": " + rule.reason}; }

}  // namespace parley
