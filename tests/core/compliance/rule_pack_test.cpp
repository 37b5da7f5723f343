// Loading rule packs: the shipped packs load with their citations, and a bad pack is reported at its JSON path
// with nothing loaded, and then blocks every contact (fail closed).
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "embedded_rules.h"
#include "parley/compliance/check.h"

namespace parley {
namespace {

std::string pack_text(std::string_view rules) {
  std::string text = R"({"format": "parley.rules/1", "jurisdiction": "US-XX", "name": "Test", "version": "1",
 "rules": [)";
  text += rules;
  text += "]}";
  return text;
}

TEST(ComplianceRulePack, ShippedPacksLoadWithCitations) {
  ASSERT_FALSE(testdata::embedded_rule_packs().empty());
  for (const testdata::EmbeddedRulePack& file : testdata::embedded_rule_packs()) {
    const RulePackLoad load = load_rule_pack(file.text);
    ASSERT_TRUE(load.pack.has_value()) << file.stem << ": " << (load.problems.empty() ? "" : load.problems[0].text());
    for (const ContactRule& rule : load.pack->rules) {
      EXPECT_FALSE(rule.citation.empty()) << file.stem << " " << rule.id;
      EXPECT_FALSE(rule.text.empty()) << file.stem << " " << rule.id;
    }
  }
}

TEST(ComplianceRulePack, FederalPackHoldsRegulationFNumbers) {
  // 12 CFR 1006.6(b)(1)(i): after 8:00 a.m. and before 9:00 p.m.; 1006.14(b)(2)(i): seven calls in seven days,
  // seven days after a conversation.
  const RulePackLoad load = load_rule_pack(testdata::rule_pack_text("US-FEDERAL"));
  ASSERT_TRUE(load.pack.has_value());
  EXPECT_EQ(load.pack->jurisdiction, "US");
  bool hours = false, frequency = false, conversation = false;
  for (const ContactRule& r : load.pack->rules) {
    if (r.kind == ContactRuleKind::calling_hours) {
      hours = true;
      EXPECT_EQ(r.earliest, 8 * 3600);
      EXPECT_EQ(r.latest, 21 * 3600);
      EXPECT_NE(r.citation.find("1006.6(b)(1)(i)"), std::string::npos);
    } else if (r.kind == ContactRuleKind::call_frequency) {
      frequency = true;
      EXPECT_EQ(r.max_calls, 7);
      EXPECT_EQ(r.window_days, 7);
      EXPECT_EQ(r.per, FrequencyScope::debt);
    } else if (r.kind == ContactRuleKind::after_conversation) {
      conversation = true;
      EXPECT_EQ(r.days, 7);
    }
  }
  EXPECT_TRUE(hours && frequency && conversation);
}

// A cease rule names the letters it lets through and may count only written requests; a dispute rule names the letter
// that answers a request for the original creditor and may pause only for written disputes. Those members belong to
// those kinds only.
TEST(ComplianceRulePack, TheLettersABlockAllowsAreReadFromTheirRulesOnly) {
  const RulePackLoad good = load_rule_pack(pack_text(R"(
    {"id": "c", "citation": "c", "text": "t", "kind": "cease", "in_writing": true, "allows": ["termination", "remedy"],
     "termination_template": "t-1", "remedy_template": "r-1"},
    {"id": "d", "citation": "c", "text": "t", "kind": "dispute-validation", "validation_template": "v",
     "verification_template": "w", "original_creditor_template": "o", "allows": ["verification"]},
    {"id": "w", "citation": "c", "text": "t", "kind": "dispute-validation", "validation_template": "v",
     "verification_template": "w", "in_writing": true})"));
  ASSERT_TRUE(good.pack.has_value()) << good.problems[0].text();
  EXPECT_FALSE(good.pack->rules[1].in_writing) << "every dispute pauses unless the rule says otherwise";
  EXPECT_TRUE(good.pack->rules[2].in_writing);
  const ContactRule& cease = good.pack->rules[0];
  EXPECT_TRUE(cease.in_writing);
  EXPECT_EQ(cease.allows, (std::vector<LetterPurpose>{LetterPurpose::termination, LetterPurpose::remedy}));
  EXPECT_EQ(cease.termination_template, "t-1");
  EXPECT_EQ(cease.remedy_template, "r-1");
  EXPECT_EQ(good.pack->rules[1].original_creditor_template, "o");
  EXPECT_EQ(good.pack->rules[1].allows, std::vector<LetterPurpose>{LetterPurpose::verification});

  const RulePackLoad bad = load_rule_pack(pack_text(R"(
    {"id": "a", "citation": "c", "text": "t", "kind": "cease", "allows": ["fax"], "in_writing": "yes"},
    {"id": "b", "citation": "c", "text": "t", "kind": "medium-preference", "allows": ["remedy"]},
    {"id": "e", "citation": "c", "text": "t", "kind": "dispute-validation", "validation_template": "v",
     "verification_template": "w", "in_writing": 1, "termination_template": "t", "allows": []},
    {"id": "f", "citation": "c", "text": "t", "kind": "calling-hours", "earliest": "08:00", "latest": "21:00",
     "in_writing": true})"));
  EXPECT_FALSE(bad.pack.has_value());
  const Problems expected = {
      {"rules[0].allows[0]", "must be one of \"collection\", \"prior-letter\", \"validation-notice\", "
                             "\"verification\", \"original-creditor\", \"termination\", \"remedy\""},
      {"rules[0].in_writing", "must be true or false"},
      {"rules[1].allows", "is not a member of this object"},
      {"rules[2].termination_template", "is not a member of this object"},
      {"rules[2].allows", "must be a non-empty array of letter purposes"},
      {"rules[2].in_writing", "must be true or false"},
      {"rules[3].in_writing", "is not a member of this object"},
  };
  EXPECT_EQ(bad.problems, expected) << [&] {
    std::string all;
    for (const Problem& p : bad.problems) all += p.text() + "\n";
    return all;
  }();
}

TEST(ComplianceRulePack, SyntaxErrorNamesLineAndColumn) {
  const RulePackLoad load = load_rule_pack("{\n  \"format\": \"parley.rules/1\",\n  \"rules\": [,]\n}");
  EXPECT_FALSE(load.pack.has_value());
  ASSERT_EQ(load.problems.size(), 1u);
  EXPECT_EQ(load.problems[0].path, "line 3, column 13");
}

TEST(ComplianceRulePack, BadMembersAreNamedByJsonPath) {
  const RulePackLoad load = load_rule_pack(pack_text(R"(
    {"id": "a", "citation": "c", "text": "t", "kind": "call-frequency", "max_calls": "seven", "window_days": 7,
     "per": "household"},
    {"id": "a", "citation": "c", "text": "t", "kind": "calling-hours", "earliest": "21:00", "latest": "8pm"},
    {"id": "b", "citation": "c", "text": "t", "kind": "curfew"},
    {"id": "d", "citation": "c", "text": "t", "kind": "cease", "channels": ["fax"], "days": 3})"));
  EXPECT_FALSE(load.pack.has_value());
  const Problems expected = {
      {"rules[0].max_calls", "must be a whole number"},
      {"rules[0].per", "must be \"debt\" or \"consumer\""},
      {"rules[1].latest", "must be a local time \"HH:MM\" from 00:00 to 24:00"},
      {"rules[1].id", "repeats the id of rules[0]"},
      {"rules[2].kind", "\"curfew\" is not a kind of rule (see docs/compliance.md)"},
      {"rules[3].channels[0]", "must be one of \"phone\", \"sms\", \"email\", \"letter\", \"in-person\""},
      {"rules[3].days", "is not a member of this object"},
  };
  EXPECT_EQ(load.problems, expected);
}

TEST(ComplianceRulePack, MissingTopMembersAndWrongFormat) {
  const RulePackLoad load = load_rule_pack(R"({"format": "parley.rules/2", "rules": []})");
  EXPECT_FALSE(load.pack.has_value());
  const Problems expected = {
      {"format", "must be \"parley.rules/1\""},
      {"jurisdiction", "is required"},
      {"name", "is required"},
      {"version", "is required"},
      {"rules", "must be a non-empty array of rules"},
  };
  EXPECT_EQ(load.problems, expected);
}

TEST(ComplianceRulePack, ApplicationByJurisdictionPrefix) {
  RulePack us;
  us.jurisdiction = "US";
  EXPECT_TRUE(us.applies_to("US"));
  EXPECT_TRUE(us.applies_to("US-MA"));
  EXPECT_FALSE(us.applies_to("USA"));
  EXPECT_FALSE(us.applies_to("GB-ENG"));
}

TEST(ComplianceRulePack, FailedPackIsRecordedInTheBook) {
  RuleBook book;
  EXPECT_TRUE(book.add("US-FEDERAL.json", testdata::rule_pack_text("US-FEDERAL")));
  EXPECT_FALSE(book.add("US-MA.json", pack_text(R"({"id": "x", "citation": "c", "text": "t", "kind": "cease",
                                                   "channel": "phone"})")));
  EXPECT_EQ(book.packs.size(), 1u);
  ASSERT_EQ(book.failed.size(), 1u);
  EXPECT_EQ(book.failed[0].path, "US-MA.json");
  EXPECT_EQ(book.failed[0].message, "rules[0].channel: is not a member of this object");
}

TEST(ComplianceRulePack, DeepNestingIsRefusedAtItsPlace) {
  const std::size_t depth = 200000;
  const RulePackLoad arrays = load_rule_pack(std::string(depth, '[') + std::string(depth, ']'));
  EXPECT_FALSE(arrays.pack.has_value());
  EXPECT_EQ(arrays.problems, (Problems{{"line 1, column 65", "nested deeper than 64 levels"}}));
  std::string objects = R"({"format": "parley.rules/1", "rules": [)";
  const std::size_t before = objects.size();
  for (std::size_t i = 0; i < depth; ++i) objects += "{\"a\":";
  objects += "null" + std::string(depth, '}') + "]}";
  const RulePackLoad load = load_rule_pack(objects);
  EXPECT_FALSE(load.pack.has_value());
  // The top object and the rules array are two levels: the 63rd {"a": opens the 65th.
  EXPECT_EQ(load.problems,
            (Problems{{"line 1, column " + std::to_string(before + 62 * 5 + 1), "nested deeper than 64 levels"}}));
}

TEST(ComplianceRulePack, MemberGivenTwiceIsRefused) {
  const RulePackLoad load = load_rule_pack(pack_text(R"(
    {"id": "a", "citation": "c", "text": "t", "kind": "cease"},
    {"id": "b", "citation": "c", "text": "t", "kind": "cease", "kind": "calling-hours"})"));
  EXPECT_FALSE(load.pack.has_value());
  EXPECT_EQ(load.problems, (Problems{{"rules[1].kind", "member given twice"}}));
  const RulePackLoad top = load_rule_pack(R"({"format": "parley.rules/1", "jurisdiction": "US-XX", "name": "Test",
    "version": "1", "version": "2", "rules": [{"id": "a", "citation": "c", "text": "t", "kind": "cease"}]})");
  EXPECT_EQ(top.problems, (Problems{{"version", "member given twice"}}));
}

}  // namespace
}  // namespace parley
