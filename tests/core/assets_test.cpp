// Assets: rule packs and calendars handed in by name, one loader for every host.
#include "parley/assets.h"

#include <gtest/gtest.h>

#include "embedded_calendars.h"
#include "embedded_rules.h"
#include "embedded_goals.h"
#include "embedded_strategies.h"

namespace parley {
namespace {

std::vector<std::string> names(std::initializer_list<const char*> list) { return {list.begin(), list.end()}; }

TEST(Assets, ContactWaitsUntilEveryExpectedFileIsIn) {
  Assets assets;
  assets.expect(names({"rules/US-FEDERAL.json", "calendars/US-FEDERAL.json"}));
  EXPECT_TRUE(assets.loading());
  assets.add("rules/US-FEDERAL.json", testdata::rule_pack_text("US-FEDERAL"));
  EXPECT_TRUE(assets.loading());
  EXPECT_FALSE(assets.rules.holidays.has_value());
  assets.add("calendars/US-FEDERAL.json", testdata::calendar_text("US-FEDERAL"));
  EXPECT_FALSE(assets.loading());
  EXPECT_TRUE(assets.problems.empty());
  ASSERT_EQ(assets.rules.packs.size(), 1u);
  EXPECT_TRUE(assets.rules.holidays.has_value());  // the validation period's business days
  EXPECT_NE(assets.calendar("US-FEDERAL"), nullptr);
}

TEST(Assets, AFailedRulePackBlocksAndAFailedCalendarIsReported) {
  Assets assets;
  assets.expect(names({"rules/US-MA.json", "calendars/FR.json"}));
  assets.fail("rules/US-MA.json", "cannot fetch: 404");
  assets.add("calendars/FR.json", "{\"format\":");
  EXPECT_FALSE(assets.loading());
  ASSERT_EQ(assets.rules.failed.size(), 1u);
  EXPECT_EQ(assets.rules.failed[0], (Problem{"rules/US-MA.json", "cannot fetch: 404"}));
  ASSERT_EQ(assets.problems.size(), 2u);
  EXPECT_EQ(assets.problems[1].path, "calendars/FR.json");
  EXPECT_EQ(assets.calendar("FR"), nullptr);
  // Handed in again and loading, the pack replaces its failure.
  assets.add("rules/US-MA.json", testdata::rule_pack_text("US-MA"));
  EXPECT_TRUE(assets.rules.failed.empty());
  EXPECT_EQ(assets.problems.size(), 1u);
}

TEST(Assets, APackHandedInTwiceIsKeptOnce) {
  Assets assets;
  assets.add("rules/GB.json", testdata::rule_pack_text("GB"));
  assets.add("rules/GB.json", testdata::rule_pack_text("GB"));
  EXPECT_EQ(assets.rules.packs.size(), 1u);
}

TEST(Assets, ANameOutsideBothFoldersIsAProblem) {
  Assets assets;
  assets.add("templates/letter.json", "{}");
  ASSERT_EQ(assets.problems.size(), 1u);
  EXPECT_EQ(assets.problems[0].path, "templates/letter.json");
}

// A strategy file is read under strategies/; a bad one is a problem naming the file and the member, and handing a
// file in again replaces what it gave.
TEST(Assets, StrategiesAreReadByNameAndReplacedWhenHandedInAgain) {
  Assets assets;
  const std::string_view standard = testdata::embedded_strategies().front().text;
  assets.add("strategies/standard.json", "{\"format\": \"parley-strategy/1\"}");
  ASSERT_FALSE(assets.problems.empty());
  EXPECT_EQ(assets.problems.front(), (Problem{"strategies/standard.json", "id: is required"}));
  EXPECT_EQ(assets.strategies.for_client("C-1"), nullptr);
  assets.add("strategies/standard.json", standard);
  EXPECT_TRUE(assets.problems.empty()) << assets.problems.front().text();
  EXPECT_TRUE(assets.strategies.failed.empty());
  ASSERT_NE(assets.strategies.for_client("C-1"), nullptr);
  assets.add("strategies/standard.json", standard);
  EXPECT_EQ(assets.strategies.strategies.size(), 1u);
  assets.add("plans/x.json", "{}");
  EXPECT_EQ(assets.problems.back().message,
            "is neither a rule pack (rules/), a holiday calendar (calendars/), a strategy (strategies/) nor a goal "
            "plan (goals/)");
}

}  // namespace
// One goal plan works the agency: a file handed in again replaces it, a second file is refused whether the first
// loaded or failed.
TEST(Assets, OneGoalPlanFile) {
  const std::string_view agency = testdata::embedded_goals().front().text;
  Assets assets;
  assets.add("goals/agency.json", "{}");
  EXPECT_FALSE(assets.goals);
  ASSERT_FALSE(assets.problems.empty());
  EXPECT_EQ(assets.problems.front().path, "goals/agency.json");
  assets.add("goals/other.json", agency);
  EXPECT_FALSE(assets.goals);
  EXPECT_EQ(assets.problems.back(),
            (Problem{"goals/other.json", "the goal plan is goals/agency.json; one file only in goals/"}));
  assets.add("goals/agency.json", agency);
  ASSERT_TRUE(assets.goals);
  EXPECT_EQ(assets.goals->id, "agency");
  EXPECT_EQ(assets.problems.size(), 1u);  // the other file's refusal stays
}

}  // namespace parley
