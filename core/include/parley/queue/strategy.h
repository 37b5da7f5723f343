#pragma once
// A collection strategy as data (assets/strategies/*.json, docs/queue.md): how an account's risk tier is found from
// its data and its history, and how the desk scores it. Each strategy names the clients it works; the one that
// names none works every other client.
//
// Index of this file:
// [SECTION] Conditions   what a risk signal asks of an account (every member given must hold)
// [SECTION] Strategy     risk signals and tier thresholds, score weights, escalation rules
// [SECTION] Load         the JSON reader, a problem per bad member; the set of strategies by client

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/journal/event.h"
#include "parley/portfolio.h"
#include "parley/problem.h"

namespace parley {

inline constexpr std::string_view strategy_format = "parley-strategy/1";
inline constexpr std::size_t max_risk_signals = 64;  // a tier's reasons are kept as a bit per signal

// [SECTION] Conditions ----------------------------------------------------------------------------------------

// What a risk signal or an escalation rule asks of an account, as the desk finds it (DeskFacts, desk.h). Amounts are whole units of the
// account's currency (dollars, pounds, euros). An empty condition always holds.
struct Condition {
  std::optional<RiskTier> placed_risk;               // the tier the client placed the account with
  std::optional<std::int64_t> balance_at_least;      // the balance now, in whole units
  std::optional<std::int64_t> balance_below;
  std::optional<int> days_past_due_at_least;
  std::optional<int> days_past_due_below;
  std::optional<int> broken_promises_at_least;       // promises broken so far
  std::optional<int> kept_promises_at_least;
  std::optional<int> payments_at_least;              // payments not reversed
  std::optional<int> payments_below;
  std::optional<int> returned_payments_at_least;     // payments reversed as returned or charged back
  std::optional<int> no_right_party_contact_days;    // no right-party contact in this many days (nor ever)
  std::vector<ContactOutcome> last_outcome_in;       // the latest outcome recorded is one of these; empty: any
  std::optional<bool> plan;                          // a current payment plan (true) or none (false)
  std::optional<int> placed_days_at_least;           // days since the client placed the account
  std::optional<bool> plan_broken;                   // the current plan is broken (true): an instalment missed
  friend bool operator==(const Condition&, const Condition&) = default;
};

// [SECTION] Strategy ------------------------------------------------------------------------------------------

// A fact that adds to the account's risk, with the words the collector reads when it does.
struct RiskSignal {
  std::string id;      // unique in the strategy
  std::string reason;  // "two promises broken"
  int points = 0;      // added to the risk points when `when` holds; may be negative
  Condition when;
  friend bool operator==(const RiskSignal&, const RiskSignal&) = default;
};

// The tier is high at high_at points or more, medium at medium_at or more, low below.
struct RiskModel {
  int high_at = 0;
  int medium_at = 0;
  std::vector<RiskSignal> signals;
  friend bool operator==(const RiskModel&, const RiskModel&) = default;
};

// `points` for every whole `per` of a quantity, at most `max` in all.
struct Scale {
  int points = 0;
  std::int64_t per = 1;
  int max = 0;
  friend bool operator==(const Scale&, const Scale&) = default;
};

struct OutcomePoints {
  ContactOutcome outcome = ContactOutcome::no_answer;
  int points = 0;
  friend bool operator==(const OutcomePoints&, const OutcomePoints&) = default;
};

// The points of each factor of the desk's score (desk.h, ScoreFactor).
struct ScoreModel {
  int tier_high = 0;                 // the account's risk tier
  int tier_medium = 0;
  int tier_low = 0;
  Scale balance;                     // per whole currency units of the balance now
  Scale days_past_due;
  int promise_due = 0;               // an open promise due today or earlier (still in its grace period)
  int promise_broken = 0;            // a promise broken within promise_broken_days: its follow-up
  int promise_broken_days = 0;
  int never_contacted = 0;           // no contact attempt recorded yet
  int recent_contact = 0;            // an attempt within recent_contact_hours (usually negative: let it rest)
  int recent_contact_hours = 0;
  std::vector<OutcomePoints> last_outcome;  // by the latest outcome recorded
  int best_time = 0;                 // the party's local time now is within best_time_minutes of the time of day
  int best_time_minutes = 0;         // of a past right-party contact
  friend bool operator==(const ScoreModel&, const ScoreModel&) = default;
};

// When an account leaves the soft desk: to hard collections, to legal, or back to the client, recorded as an
// Escalated event whose reason names the rule.
struct EscalationRule {
  std::string id;      // unique in the strategy
  EscalationTarget to = EscalationTarget::hard_collections;
  std::string reason;  // "no right-party contact in 120 days"
  Condition when;      // must not be empty
  friend bool operator==(const EscalationRule&, const EscalationRule&) = default;
};
inline constexpr std::size_t max_escalation_rules = 64;

struct Strategy {
  std::string id;
  std::string name;
  std::string version;
  std::vector<std::string> clients;  // the client ids it works; empty: every client no other strategy names
  RiskModel risk;
  ScoreModel score;
  std::vector<EscalationRule> escalation = {};  // in file order: the first that holds is the one applied
  friend bool operator==(const Strategy&, const Strategy&) = default;
};

// [SECTION] Load ----------------------------------------------------------------------------------------------

struct StrategyLoad {
  std::optional<Strategy> strategy;  // set when problems is empty
  Problems problems;                 // each with the member's path ("risk.signals[2].when.balance_at_least")
};
StrategyLoad load_strategy(std::string_view json_text);

// The strategies a host loaded, and the ones that failed (a desk whose strategy failed is not worked by another).
struct StrategySet {
  std::vector<Strategy> strategies;
  std::vector<std::string> sources;  // the file each strategy came from, by index
  Problems failed;  // path: the file's name, then the member

  // One file's text (name as in assets: "strategies/standard.json"); false with its problems in `failed`. A second
  // strategy without clients, or one naming a client another already names, fails.
  bool add(std::string_view name, std::string_view json_text);
  // The strategy that names the client, else the one that names none; null when neither is loaded.
  const Strategy* for_client(std::string_view client_id) const;
  // Forgets what the file gave: its strategy or its failure.
  void remove(std::string_view name);
};

}  // namespace parley
