// Strategies: the JSON reader (field tables streamed by json::Reader, a problem per bad member) and the set of
// strategies by client.
//
// Index of this file:
// [SECTION] Reader
// [SECTION] API
#include "parley/queue/strategy.h"

#include <algorithm>
#include <string>
#include <utility>

#include "json/reader.h"
#include "json_text.h"

namespace parley {
namespace {

// [SECTION] Reader --------------------------------------------------------------------------------------------

constexpr int kMaxPoints = 100000;           // one factor's or signal's points, either sign
constexpr int kMaxDays = 3660;               // ten years
constexpr std::int64_t kMaxUnits = 1000000000;  // whole currency units

constexpr json::Words kNonEmptyText{"must be a non-empty string", {}, false, "must be a non-empty string"};
constexpr json::Words kWhole{"must be a whole number"};
constexpr json::ObjectWords kObjectWords{"is not a member of this object", "is required"};

constexpr auto kText = json::text(kNonEmptyText);
constexpr auto kTexts = json::array(kText, {"must be an array of client ids"}, {true});
constexpr auto kPoints = json::integer<int>(-kMaxPoints, kMaxPoints, kWhole);
constexpr auto kPositivePoints = json::integer<int>(0, kMaxPoints, kWhole);
constexpr auto kDays = json::integer<int>(0, kMaxDays, kWhole);
constexpr auto kCount = json::integer<int>(1, 1000, kWhole);
constexpr auto kPer = json::integer<std::int64_t>(1, kMaxUnits, kWhole);
constexpr auto kUnits = json::integer<std::int64_t>(0, kMaxUnits, kWhole);
constexpr auto kHours = json::integer<int>(1, 24 * 366, kWhole);
constexpr auto kMinutes = json::integer<int>(1, 720, kWhole);
constexpr auto kFlag = json::boolean({"must be true or false"});
constexpr auto kTier = json::spelling<RiskTier, parse_risk_tier>(
    {"must be a non-empty string", {}, false, {}, {}, [](std::string_view) {
       return std::string("must be \"high\", \"medium\" or \"low\"");
     }});
constexpr auto kOutcome = json::spelling<ContactOutcome, parse_contact_outcome>(
    {{}, {}, false, {}, {}, [](std::string_view got) {
       return json_text::quoted(got) + " is not one of the outcomes of docs/journal-format.md";
     }});
constexpr auto kOutcomes =
    json::array(kOutcome, {"must be a non-empty array of outcomes of docs/journal-format.md"}, {true});

constexpr auto kOptionalTier = json::optional(kTier);
constexpr auto kOptionalUnits = json::optional(kUnits);
constexpr auto kOptionalDays = json::optional(kDays);
constexpr auto kSomeDays = json::integer<int>(1, kMaxDays, kWhole);
constexpr auto kOptionalSomeDays = json::optional(kSomeDays);
constexpr auto kOptionalCount = json::optional(kCount);
constexpr auto kOptionalFlag = json::optional(kFlag);

// balance_below above balance_at_least, and the same for days past due and payments: a condition that can never hold is a
// mistake in the file.
void check_condition(json::Reader& r, void* object) {
  const Condition& c = *static_cast<const Condition*>(object);
  if (c.balance_at_least && c.balance_below && *c.balance_below <= *c.balance_at_least) {
    r.problem_at("balance_below", "must be more than balance_at_least");
  }
  if (c.days_past_due_at_least && c.days_past_due_below && *c.days_past_due_below <= *c.days_past_due_at_least) {
    r.problem_at("days_past_due_below", "must be more than days_past_due_at_least");
  }
  if (c.payments_at_least && c.payments_below && *c.payments_below <= *c.payments_at_least) {
    r.problem_at("payments_below", "must be more than payments_at_least");
  }
}

constexpr json::Member kConditionMembers[] = {
    json::member<&Condition::placed_risk>("placed_risk", kOptionalTier, json::optional_member),
    json::member<&Condition::balance_at_least>("balance_at_least", kOptionalUnits, json::optional_member),
    json::member<&Condition::balance_below>("balance_below", kOptionalUnits, json::optional_member),
    json::member<&Condition::days_past_due_at_least>("days_past_due_at_least", kOptionalDays, json::optional_member),
    json::member<&Condition::days_past_due_below>("days_past_due_below", kOptionalDays, json::optional_member),
    json::member<&Condition::broken_promises_at_least>("broken_promises_at_least", kOptionalCount,
                                                       json::optional_member),
    json::member<&Condition::kept_promises_at_least>("kept_promises_at_least", kOptionalCount, json::optional_member),
    json::member<&Condition::payments_at_least>("payments_at_least", kOptionalCount, json::optional_member),
    json::member<&Condition::payments_below>("payments_below", kOptionalCount, json::optional_member),
    json::member<&Condition::returned_payments_at_least>("returned_payments_at_least", kOptionalCount,
                                                         json::optional_member),
    json::member<&Condition::no_right_party_contact_days>("no_right_party_contact_days", kOptionalSomeDays,
                                                          json::optional_member),
    json::member<&Condition::last_outcome_in>("last_outcome_in", kOutcomes, json::optional_member).not_empty(),
    json::member<&Condition::plan>("plan", kOptionalFlag, json::optional_member),
    json::member<&Condition::placed_days_at_least>("placed_days_at_least", kOptionalDays, json::optional_member),
    json::member<&Condition::plan_broken>("plan_broken", kOptionalFlag, json::optional_member),
};
constexpr json::ObjectType kConditionType = json::object_type(kConditionMembers, kObjectWords, check_condition);
constexpr auto kCondition = json::object<Condition>(kConditionType, {"must be an object"});

// A signal's id is unique in the strategy.
void finish_signal(json::Reader& r, void* object) {
  const RiskSignal& signal = *static_cast<const RiskSignal*>(object);
  if (!r.given("id")) return;
  const std::vector<RiskSignal>& signals = r.context<Strategy>().risk.signals;
  const std::size_t i = r.element_index();
  for (std::size_t k = 0; k < i && k < signals.size(); ++k) {
    if (signals[k].id == signal.id) {
      r.problem_at("id", "repeats the id of risk.signals[" + std::to_string(k) + "]");
      break;
    }
  }
}

constexpr json::Member kSignalMembers[] = {
    json::member<&RiskSignal::id>("id", kText),
    json::member<&RiskSignal::reason>("reason", kText),
    json::member<&RiskSignal::points>("points", kPoints),
    json::member<&RiskSignal::when>("when", kCondition),
};
constexpr json::ObjectType kSignalType = json::object_type(kSignalMembers, kObjectWords, finish_signal);
constexpr auto kSignal = json::object<RiskSignal>(kSignalType, {"must be an object"});
void end_signals(json::Reader& r, const json::Codec&, void*, std::size_t count) {
  if (count > max_risk_signals) r.problem("must hold at most " + std::to_string(max_risk_signals) + " signals");
}
constexpr auto kSignals =
    json::array(kSignal, {"must be an array of risk signals"}, {false, max_risk_signals, end_signals});

void check_tiers(json::Reader& r, void* object) {
  const RiskModel& m = *static_cast<const RiskModel*>(object);
  if (r.given("high_at") && r.given("medium_at") && m.high_at <= m.medium_at) {
    r.problem_at("high_at", "must be more than medium_at");
  }
}

constexpr json::Member kRiskMembers[] = {
    json::member<&RiskModel::high_at>("high_at", kPoints),
    json::member<&RiskModel::medium_at>("medium_at", kPoints),
    json::member<&RiskModel::signals>("signals", kSignals),
};
constexpr json::ObjectType kRiskType = json::object_type(kRiskMembers, kObjectWords, check_tiers);
constexpr auto kRisk = json::object<RiskModel>(kRiskType, {"must be an object"});

constexpr json::Member kScaleMembers[] = {
    json::member<&Scale::points>("points", kPositivePoints),
    json::member<&Scale::per>("per", kPer),
    json::member<&Scale::max>("max", kPositivePoints),
};
constexpr json::ObjectType kScaleType = json::object_type(kScaleMembers, kObjectWords);
constexpr auto kScale = json::object<Scale>(kScaleType, {"must be an object {\"points\", \"per\", \"max\"}"});

constexpr json::Member kOutcomePointsMembers[] = {
    json::member<&OutcomePoints::outcome>("outcome", kOutcome),
    json::member<&OutcomePoints::points>("points", kPoints),
};
constexpr json::ObjectType kOutcomePointsType = json::object_type(kOutcomePointsMembers, kObjectWords);
constexpr auto kOutcomePoints = json::object<OutcomePoints>(kOutcomePointsType, {"must be an object"});
constexpr auto kOutcomePointsList = json::array(kOutcomePoints, {"must be an array of {\"outcome\", \"points\"}"});

constexpr json::Member kTierPointsMembers[] = {
    json::member<&ScoreModel::tier_high>("high", kPoints),
    json::member<&ScoreModel::tier_medium>("medium", kPoints),
    json::member<&ScoreModel::tier_low>("low", kPoints),
};
constexpr json::ObjectType kTierPointsType = json::object_type(kTierPointsMembers, kObjectWords);
constexpr auto kTierPoints = json::object<ScoreModel>(kTierPointsType, {"must be an object"});

// "tier" fills three members of the score from one object: read in place.
void* score_itself(void* object) { return object; }
const void* score_itself_view(const void* object) { return object; }

// Each outcome is listed once.
void check_score(json::Reader& r, void* object) {
  const ScoreModel& m = *static_cast<const ScoreModel*>(object);
  for (std::size_t i = 0; i < m.last_outcome.size(); ++i) {
    for (std::size_t k = 0; k < i; ++k) {
      if (m.last_outcome[k].outcome == m.last_outcome[i].outcome) {
        r.problem_at_path(r.path() + ".last_outcome[" + std::to_string(i) + "].outcome",
                          "repeats the outcome of last_outcome[" + std::to_string(k) + "]");
      }
    }
  }
}

constexpr json::Member kPromiseBrokenMembers[] = {
    json::member<&ScoreModel::promise_broken>("points", kPoints),
    json::member<&ScoreModel::promise_broken_days>("within_days", kDays),
};
constexpr json::ObjectType kPromiseBrokenType = json::object_type(kPromiseBrokenMembers, kObjectWords);
constexpr auto kPromiseBroken = json::object<ScoreModel>(kPromiseBrokenType, {"must be an object"});

constexpr json::Member kRecentMembers[] = {
    json::member<&ScoreModel::recent_contact>("points", kPoints),
    json::member<&ScoreModel::recent_contact_hours>("within_hours", kHours),
};
constexpr json::ObjectType kRecentType = json::object_type(kRecentMembers, kObjectWords);
constexpr auto kRecent = json::object<ScoreModel>(kRecentType, {"must be an object"});

constexpr json::Member kBestTimeMembers[] = {
    json::member<&ScoreModel::best_time>("points", kPoints),
    json::member<&ScoreModel::best_time_minutes>("within_minutes", kMinutes),
};
constexpr json::ObjectType kBestTimeType = json::object_type(kBestTimeMembers, kObjectWords);
constexpr auto kBestTime = json::object<ScoreModel>(kBestTimeType, {"must be an object"});

constexpr json::Member kScoreMembers[] = {
    json::member_at<ScoreModel>("tier", kTierPoints, score_itself, score_itself_view),
    json::member<&ScoreModel::balance>("balance", kScale),
    json::member<&ScoreModel::days_past_due>("days_past_due", kScale),
    json::member<&ScoreModel::promise_due>("promise_due", kPoints),
    json::member_at<ScoreModel>("promise_broken", kPromiseBroken, score_itself, score_itself_view),
    json::member<&ScoreModel::never_contacted>("never_contacted", kPoints),
    json::member_at<ScoreModel>("recent_contact", kRecent, score_itself, score_itself_view),
    json::member<&ScoreModel::last_outcome>("last_outcome", kOutcomePointsList),
    json::member_at<ScoreModel>("best_time", kBestTime, score_itself, score_itself_view),
};
constexpr json::ObjectType kScoreType = json::object_type(kScoreMembers, kObjectWords, check_score);
constexpr auto kScore = json::object<ScoreModel>(kScoreType, {"must be an object"});

// Whether some account can fail the condition: a member given with a bound every account meets (a balance of at
// least 0, 0 days past due) asks nothing.
bool asks_something(const Condition& c) {
  const auto above = [](const auto& bound) { return bound && *bound > 0; };
  return c.placed_risk || above(c.balance_at_least) || c.balance_below || above(c.days_past_due_at_least) ||
         c.days_past_due_below || c.broken_promises_at_least || c.kept_promises_at_least || c.payments_at_least ||
         c.payments_below || c.returned_payments_at_least || c.no_right_party_contact_days ||
         !c.last_outcome_in.empty() || c.plan || above(c.placed_days_at_least) || c.plan_broken;
}

// An escalation rule's id is unique in the strategy, and its condition asks something: an escalation of every
// account is a mistake in the file.
void finish_escalation(json::Reader& r, void* object) {
  const EscalationRule& rule = *static_cast<const EscalationRule*>(object);
  if (r.given("when") && !asks_something(rule.when)) {
    r.problem_at("when",
                 "must ask something of the account: a condition every account meets would escalate them all");
  }
  if (!r.given("id")) return;
  const std::vector<EscalationRule>& rules = r.context<Strategy>().escalation;
  const std::size_t i = r.element_index();
  for (std::size_t k = 0; k < i && k < rules.size(); ++k) {
    if (rules[k].id == rule.id) {
      r.problem_at("id", "repeats the id of escalation[" + std::to_string(k) + "]");
      break;
    }
  }
}

constexpr auto kTarget = json::spelling<EscalationTarget, parse_escalation_target>(
    {"must be a non-empty string", {}, false, {}, {}, [](std::string_view) {
       return std::string("must be \"hard-collections\", \"legal\" or \"return-to-client\"");
     }});

constexpr json::Member kEscalationMembers[] = {
    json::member<&EscalationRule::id>("id", kText),
    json::member<&EscalationRule::to>("to", kTarget),
    json::member<&EscalationRule::reason>("reason", kText),
    json::member<&EscalationRule::when>("when", kCondition),
};
constexpr json::ObjectType kEscalationType = json::object_type(kEscalationMembers, kObjectWords, finish_escalation);
constexpr auto kEscalationRule = json::object<EscalationRule>(kEscalationType, {"must be an object"});
void end_escalation(json::Reader& r, const json::Codec&, void*, std::size_t count) {
  if (count > max_escalation_rules) r.problem("must hold at most " + std::to_string(max_escalation_rules) + " rules");
}
constexpr auto kEscalationRules = json::array(kEscalationRule, {"must be an array of escalation rules"},
                                              {false, max_escalation_rules, end_escalation});

constexpr auto kFormat = json::constant(strategy_format, kNonEmptyText);

constexpr json::Member kStrategyMembers[] = {
    json::member("format", kFormat),
    json::member<&Strategy::id>("id", kText),
    json::member<&Strategy::name>("name", kText),
    json::member<&Strategy::version>("version", kText),
    json::member<&Strategy::clients>("clients", kTexts, json::optional_member),
    json::member<&Strategy::risk>("risk", kRisk),
    json::member<&Strategy::score>("score", kScore),
    json::member<&Strategy::escalation>("escalation", kEscalationRules, json::optional_member),
};
constexpr json::ObjectType kStrategyType = json::object_type(kStrategyMembers, kObjectWords);
constexpr auto kStrategy = json::object<Strategy>(kStrategyType, {"a strategy must be a JSON object"});

}  // namespace

// [SECTION] API -----------------------------------------------------------------------------------------------

StrategyLoad load_strategy(std::string_view json_text) {
  StrategyLoad out;
  Strategy strategy;
  json::Reader reader(json_text, &strategy);
  out.problems = reader.read(kStrategy, strategy);
  if (out.problems.empty()) out.strategy = std::move(strategy);
  return out;
}

bool StrategySet::add(std::string_view name, std::string_view json_text) {
  StrategyLoad load = load_strategy(json_text);
  const auto fail = [&](std::string path, std::string message) {
    failed.push_back({std::string(name), Problem{std::move(path), std::move(message)}.text()});
    return false;
  };
  if (!load.strategy) {
    for (const Problem& p : load.problems) fail(p.path, p.message);
    return false;
  }
  for (const Strategy& other : strategies) {
    if (other.id == load.strategy->id) return fail("id", "repeats the id of an earlier strategy");
  }
  for (const Strategy& other : strategies) {
    if (other.clients.empty() && load.strategy->clients.empty()) {
      return fail("clients", "strategy " + other.id + " already works every client no strategy names");
    }
    for (const std::string& client : load.strategy->clients) {
      if (std::find(other.clients.begin(), other.clients.end(), client) != other.clients.end()) {
        return fail("clients", "client " + client + " is already worked by strategy " + other.id);
      }
    }
  }
  strategies.push_back(std::move(*load.strategy));
  sources.emplace_back(name);
  return true;
}

void StrategySet::remove(std::string_view name) {
  std::erase_if(failed, [&](const Problem& p) { return p.path == name; });
  for (std::size_t i = sources.size(); i-- > 0;) {
    if (sources[i] != name) continue;
    sources.erase(sources.begin() + static_cast<std::ptrdiff_t>(i));
    strategies.erase(strategies.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

const Strategy* StrategySet::for_client(std::string_view client_id) const {
  const Strategy* fallback = nullptr;
  for (const Strategy& s : strategies) {
    if (s.clients.empty()) fallback = &s;
    if (std::find(s.clients.begin(), s.clients.end(), client_id) != s.clients.end()) return &s;
  }
  return fallback;
}

}  // namespace parley
