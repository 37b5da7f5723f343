// Strategies as data: the shipped files load, a bad file is refused with a problem naming each member, and the
// set of strategies gives each client its own or the default.
#include <gtest/gtest.h>

#include <string>

#include "embedded_strategies.h"
#include "parley/queue/strategy.h"

namespace parley {
namespace {

// A strategy with the members a test changes spliced in.
std::string strategy_text(const std::string& risk, const std::string& score_extra = "",
                          const std::string& top_extra = "", const std::string& id = "t") {
  return R"({"format": "parley-strategy/1", "id": ")" + id + R"(", "name": "Test", "version": "1", )" + top_extra +
         R"("risk": )" + risk +
         R"(, "score": {"tier": {"high": 3, "medium": 2, "low": 1}, "balance": {"points": 1, "per": 100, "max": 10},
             "days_past_due": {"points": 1, "per": 30, "max": 4}, "promise_due": 5,
             "promise_broken": {"points": 4, "within_days": 7}, "never_contacted": 1,
             "recent_contact": {"points": -9, "within_hours": 12}, )" +
         score_extra + R"("last_outcome": [], "best_time": {"points": 2, "within_minutes": 30}}})";
}

TEST(Strategy, TheShippedStrategiesLoad) {
  const StrategySet set = testdata::shipped_strategies();
  EXPECT_TRUE(set.failed.empty()) << set.failed.front().text();
  const Strategy* standard = set.for_client("any-client");
  ASSERT_NE(standard, nullptr);
  EXPECT_EQ(standard->id, "standard");
  EXPECT_TRUE(standard->clients.empty());
  EXPECT_GT(standard->risk.high_at, standard->risk.medium_at);
  ASSERT_FALSE(standard->risk.signals.empty());
  EXPECT_EQ(standard->score.recent_contact_hours, 20);
}

TEST(Strategy, AWellFormedStrategyReadsEveryMember) {
  const StrategyLoad load = load_strategy(strategy_text(
      R"({"high_at": 30, "medium_at": 10, "signals": [{"id": "big", "reason": "a big balance", "points": 12,
          "when": {"balance_at_least": 5000, "balance_below": 9000, "last_outcome_in": ["refused", "no-answer"],
                   "plan": false, "no_right_party_contact_days": 30, "placed_risk": "low"}}]})",
      "", R"("clients": ["C-1", "C-2"], )"));
  ASSERT_TRUE(load.problems.empty()) << load.problems.front().text();
  const Strategy& s = *load.strategy;
  EXPECT_EQ(s.clients, (std::vector<std::string>{"C-1", "C-2"}));
  ASSERT_EQ(s.risk.signals.size(), 1u);
  const Condition& c = s.risk.signals[0].when;
  EXPECT_EQ(c.balance_at_least, 5000);
  EXPECT_EQ(c.balance_below, 9000);
  EXPECT_EQ(c.last_outcome_in, (std::vector<ContactOutcome>{ContactOutcome::refused, ContactOutcome::no_answer}));
  EXPECT_EQ(c.plan, false);
  EXPECT_EQ(c.placed_risk, RiskTier::low);
  EXPECT_EQ(s.score.tier_high, 3);
  EXPECT_EQ(s.score.tier_low, 1);
  EXPECT_EQ(s.score.balance, (Scale{1, 100, 10}));
  EXPECT_EQ(s.score.promise_broken, 4);
  EXPECT_EQ(s.score.promise_broken_days, 7);
  EXPECT_EQ(s.score.recent_contact, -9);
  EXPECT_EQ(s.score.best_time_minutes, 30);
}

TEST(Strategy, EachBadMemberIsNamed) {
  const StrategyLoad load = load_strategy(strategy_text(
      R"({"high_at": 10, "medium_at": 10, "signals": [
          {"id": "a", "reason": "one", "points": 1, "when": {"balance_at_least": 900, "balance_below": 900}},
          {"id": "a", "reason": "two", "points": 1, "when": {"last_outcome_in": ["maybe"]}},
          {"id": "c", "reason": "", "points": 1.5, "when": {"colour": "red"}}]})",
      R"("promise_due": 5, )"));
  EXPECT_FALSE(load.strategy);
  std::vector<std::string> texts;
  for (const Problem& p : load.problems) texts.push_back(p.text());
  EXPECT_EQ(texts, (std::vector<std::string>{
                       "risk.signals[0].when.balance_below: must be more than balance_at_least",
                       "risk.signals[1].when.last_outcome_in[0]: \"maybe\" is not one of the outcomes of "
                       "docs/journal-format.md",
                       "risk.signals[1].id: repeats the id of risk.signals[0]",
                       "risk.signals[2].reason: must be a non-empty string",
                       "risk.signals[2].points: must be a whole number",
                       "risk.signals[2].when.colour: is not a member of this object",
                       "risk.high_at: must be more than medium_at",
                       "score.promise_due: member given twice",
                   }));
}

TEST(Strategy, AnOutcomeScoredTwiceIsNamedWhereItIs) {
  std::string text = strategy_text(R"({"high_at": 2, "medium_at": 1, "signals": []})");
  const std::string none = R"("last_outcome": [])";
  text.replace(text.find(none), none.size(),
               R"("last_outcome": [{"outcome": "refused", "points": 1}, {"outcome": "refused", "points": 2}])");
  const StrategyLoad twice = load_strategy(text);
  ASSERT_EQ(twice.problems.size(), 1u);
  EXPECT_EQ(twice.problems[0].text(), "score.last_outcome[1].outcome: repeats the outcome of last_outcome[0]");
}

TEST(Strategy, NotAStrategyIsRefused) {
  EXPECT_EQ(load_strategy("[]").problems, (Problems{{"", "a strategy must be a JSON object"}}));
  const StrategyLoad wrong = load_strategy(R"({"format": "parley-rules/1"})");
  ASSERT_FALSE(wrong.problems.empty());
  EXPECT_EQ(wrong.problems.front().text(), "format: must be \"parley-strategy/1\"");
}

TEST(Strategy, EachClientHasOneStrategyAndTheDefaultWorksTheRest) {
  const std::string risk = R"({"high_at": 2, "medium_at": 1, "signals": []})";
  StrategySet set;
  EXPECT_TRUE(set.add("strategies/default.json", strategy_text(risk)));
  const std::string for_c1 = R"("clients": ["C-1"], )";
  EXPECT_TRUE(set.add("strategies/bank.json", strategy_text(risk, "", for_c1, "b")));
  EXPECT_FALSE(set.add("strategies/other.json", strategy_text(risk, "", "", "o")));
  EXPECT_FALSE(set.add("strategies/again.json", strategy_text(risk, "", for_c1, "a")));
  EXPECT_FALSE(set.add("strategies/twice.json", strategy_text(risk, "", "", "b")));
  ASSERT_EQ(set.failed.size(), 3u);
  EXPECT_EQ(set.failed[0], (Problem{"strategies/other.json",
                                    "clients: strategy t already works every client no strategy names"}));
  EXPECT_EQ(set.failed[1], (Problem{"strategies/again.json", "clients: client C-1 is already worked by strategy b"}));
  EXPECT_EQ(set.failed[2], (Problem{"strategies/twice.json", "id: repeats the id of an earlier strategy"}));
  EXPECT_EQ(set.for_client("C-1")->id, "b");
  EXPECT_EQ(set.for_client("C-9")->id, "t");
}

TEST(Strategy, EscalationRulesReadInFileOrder) {
  const std::string risk = R"({"high_at": 2, "medium_at": 1, "signals": []})";
  const StrategyLoad load = load_strategy(strategy_text(risk, "", R"("escalation": [
      {"id": "broke", "to": "hard-collections", "reason": "a plan broke", "when": {"plan_broken": true}},
      {"id": "old", "to": "return-to-client", "reason": "a year unpaid",
       "when": {"placed_days_at_least": 365, "payments_below": 1}}], )"));
  ASSERT_TRUE(load.problems.empty()) << load.problems.front().text();
  const std::vector<EscalationRule>& rules = load.strategy->escalation;
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].id, "broke");
  EXPECT_EQ(rules[0].to, EscalationTarget::hard_collections);
  EXPECT_EQ(rules[0].when.plan_broken, true);
  EXPECT_EQ(rules[1].to, EscalationTarget::return_to_client);
  EXPECT_EQ(rules[1].when.placed_days_at_least, 365);
  EXPECT_EQ(rules[1].when.payments_below, 1);
  // Without the member a strategy escalates nothing.
  EXPECT_TRUE(load_strategy(strategy_text(risk)).strategy->escalation.empty());
}

TEST(Strategy, EachBadEscalationRuleIsNamed) {
  const std::string risk = R"({"high_at": 2, "medium_at": 1, "signals": []})";
  const StrategyLoad load = load_strategy(strategy_text(risk, "", R"("escalation": [
      {"id": "all", "to": "legal", "reason": "everyone", "when": {}},
      {"id": "all", "to": "court", "reason": "again", "when": {"payments_at_least": 2, "payments_below": 2}},
      {"id": "old", "to": "legal", "reason": "any age", "when": {"days_past_due_at_least": 0,
                                                              "placed_days_at_least": 0}}], )"));
  std::vector<std::string> texts;
  for (const Problem& p : load.problems) texts.push_back(p.text());
  EXPECT_EQ(texts, (std::vector<std::string>{
                       "escalation[0].when: must ask something of the account: a condition every account meets "
                       "would escalate them all",
                       "escalation[1].to: must be \"hard-collections\", \"legal\" or \"return-to-client\"",
                       "escalation[1].when.payments_below: must be more than payments_at_least",
                       "escalation[1].id: repeats the id of escalation[0]",
                       "escalation[2].when: must ask something of the account: a condition every account meets "
                       "would escalate them all",
                   }));
}

// A strategy keeps a tier's reasons as a bit per signal, and applies the first rule that holds of at most 64: more
// is refused, not cut short.
TEST(Strategy, MoreSignalsOrRulesThanALimitAreRefused) {
  std::string signals;
  std::string rules;
  for (int i = 0; i <= 64; ++i) {
    const std::string id = std::to_string(i);
    signals += (i ? ", " : "") + std::string(R"({"id": "s)") + id + R"(", "reason": "r", "points": 1, "when": {}})";
    rules += (i ? ", " : "") + std::string(R"({"id": "e)") + id +
             R"(", "to": "legal", "reason": "r", "when": {"payments_below": 1}})";
  }
  const StrategyLoad load = load_strategy(strategy_text(R"({"high_at": 2, "medium_at": 1, "signals": [)" + signals +
                                                            "]}",
                                                        "", R"("escalation": [)" + rules + "], "));
  std::vector<std::string> texts;
  for (const Problem& p : load.problems) texts.push_back(p.text());
  EXPECT_EQ(texts, (std::vector<std::string>{"risk.signals: must hold at most 64 signals",
                                             "escalation: must hold at most 64 rules"}));
}

}  // namespace
}  // namespace parley
