// The shared JSON layer of core (core/src/json): spelling tables against their enumerations, and the streaming
// reader and writer driven by a field table.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "json/enum_spelling.h"
#include "json/reader.h"
#include "parley/calendar/business_days.h"
#include "parley/compliance/rule_pack.h"
#include "parley/plans/plan.h"
#include "parley/plans/policy_check.h"

namespace parley {
namespace {

// [SECTION] Spellings -----------------------------------------------------------------------------------------

static_assert(json::enumerator_count<Weekday>() == 7);
static_assert(json::enumerator_count<RuleKind>() == 4);
static_assert(json::enumerator_count<ContactOutcome>() == 13);

// Every enumerator is spelt, and its spelling reads back as itself.
template <class E>
void expect_spelt_both_ways(std::optional<E> (*parse)(std::string_view)) {
  for (E e : json::enumerators<E>()) {
    const std::string_view text = to_string(e);
    EXPECT_NE(text, "?") << static_cast<int>(e);
    EXPECT_EQ(parse(text), e) << text;
  }
}

TEST(JsonSpellings, EveryEnumeratorReadsBackFromItsSpelling) {
  expect_spelt_both_ways<Weekday>(parse_weekday);
  expect_spelt_both_ways<RuleKind>(parse_rule_kind);
  expect_spelt_both_ways<Observance>(parse_observance);
  expect_spelt_both_ways<PartyRole>(parse_party_role);
  expect_spelt_both_ways<ContactStatus>(parse_contact_status);
  expect_spelt_both_ways<PhoneKind>(parse_phone_kind);
  expect_spelt_both_ways<Frequency>(parse_frequency);
  expect_spelt_both_ways<PaymentMethod>(parse_payment_method);
  expect_spelt_both_ways<BalancePart>(parse_balance_part);
  expect_spelt_both_ways<RiskTier>(parse_risk_tier);
  expect_spelt_both_ways<ContactRuleKind>(parse_contact_rule_kind);
  expect_spelt_both_ways<FrequencyScope>(parse_frequency_scope);
  expect_spelt_both_ways<DisclosureWhen>(parse_disclosure_when);
  expect_spelt_both_ways<DisclosureStage>(parse_disclosure_stage);
  expect_spelt_both_ways<plans::InterestMethod>(plans::parse_interest_method);
  expect_spelt_both_ways<plans::PlanKind>(plans::parse_plan_kind);
  expect_spelt_both_ways<plans::RowKind>(plans::parse_row_kind);
  expect_spelt_both_ways<plans::FindingCode>(plans::parse_finding_code);
  EXPECT_EQ(parse_weekday("Monday"), std::nullopt);
  EXPECT_EQ(to_string(static_cast<Weekday>(0)), "?");
}

TEST(JsonSpellings, MessagesListEverySpellingInOrder) {
  EXPECT_EQ(json::one_of<ContactChannel>(), R"(one of "phone", "sms", "email", "letter", "in-person")");
  EXPECT_EQ(json::either<DisclosureWhen>(), R"("every", "first" or "subsequent")");
  EXPECT_EQ(json::spelling_list<Weekday>(), R"("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")");
}

// [SECTION] Reader and writer ---------------------------------------------------------------------------------

enum class Shape { circle, square };
constexpr auto kShapes = json::spellings<Shape>({{Shape::circle, "circle"}, {Shape::square, "square", "box"}});
std::string_view to_string(Shape s) { return kShapes.text(s); }
std::optional<Shape> parse_shape(std::string_view t) { return kShapes.parse(t); }

struct Item {
  std::string name;
  Shape shape = Shape::circle;
  int size = 0;
  std::vector<std::string> tags;
  std::optional<int> weight;
};

constexpr auto kName = json::text({"must be a string", {}, false, "must not be empty"});
constexpr auto kShape = json::spelling<Shape, parse_shape>({"must be a string", "is not a shape", true});
constexpr auto kSize = json::integer<int>(1, 10, {"must be a whole number", {}, true, {}, "a size"});
constexpr auto kTags = json::array(kName, {"must be an array"}, {true});
constexpr auto kWeightValue = json::integer<int>(0, 100, {"must be a whole number"});
constexpr auto kWeight = json::optional(kWeightValue, json::Null::empty);
constexpr json::Member kItemMembers[] = {
    json::member<&Item::name>("name", kName),
    json::member<&Item::shape>("shape", kShape),
    json::member<&Item::size>("size", kSize, json::optional_member),
    json::member<&Item::tags>("tags", kTags, json::optional_member),
    json::member<&Item::weight>("weight", kWeight),
};
constexpr json::ObjectType kItemType = json::object_type(kItemMembers, {"unknown member", "is missing"});
constexpr auto kItem = json::object<Item>(kItemType, {"must be an object"});

Problems read_item(std::string_view text, Item& item) {
  json::Reader reader(text);
  return reader.read(kItem, item);
}

TEST(JsonReader, ReadsEveryMemberInAnyOrderAndWritesTheCanonicalText) {
  Item item;
  EXPECT_EQ(read_item(R"({"weight": null, "tags": ["a", "b"], "size": 3, "shape": "box", "name": "x"})", item),
            Problems{});
  EXPECT_EQ(item.name, "x");
  EXPECT_EQ(item.shape, Shape::square);  // read from the older spelling
  EXPECT_EQ(item.size, 3);
  EXPECT_EQ(item.tags, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(item.weight, std::nullopt);
  json::JsonWriter w;
  json::write(w, kItem, item);
  EXPECT_EQ(w.text(), R"({"name":"x","shape":"square","size":3,"tags":["a","b"],"weight":null})");
  item.weight = 7;
  json::JsonWriter again;
  json::write(again, kItem, item);
  Item back;
  EXPECT_EQ(read_item(again.text(), back), Problems{});
  EXPECT_EQ(back.weight, 7);
}

// Problems come in table order within an object (unknown members first), whatever the order of the text.
TEST(JsonReader, EveryProblemIsNamedInTableOrder) {
  Item item;
  EXPECT_EQ(read_item(R"({"tags": ["a", "", "a", 5], "size": 11, "colour": "red", "shape": "oval", "shape": 1})",
                      item),
            (Problems{{"colour", "unknown member"},
                      {"name", "is missing"},
                      {"shape", R"(is not a shape, got "oval")"},
                      {"shape", "member given twice"},
                      {"size", "must be a size between 1 and 10, got 11"},
                      {"tags[1]", "must not be empty"},
                      {"tags[2]", "is listed twice"},
                      {"tags[3]", "must be a string"},
                      {"weight", "is missing"}}));
  EXPECT_EQ(read_item(R"({"name": {"deep": [1, 2]}, "shape": "circle", "weight": 1.5})", item),
            (Problems{{"name", "must be a string"}, {"weight", "must be a whole number"}}));
}

TEST(JsonReader, TextThatIsNotJsonOrTooDeepIsOneProblem) {
  Item item;
  json::Reader bad(R"({"size": 99, "name": )");
  EXPECT_EQ(bad.read(kItem, item).size(), 1u);
  EXPECT_TRUE(bad.text_refused());
  const std::string levels_64 = std::string(64, '[') + std::string(64, ']');
  json::Reader deep(levels_64);  // 64 levels are read (and refused by shape)
  EXPECT_EQ(deep.read(kItem, item), (Problems{{"", "must be an object"}}));
  EXPECT_FALSE(deep.text_refused());
  const std::string levels_65 = "{\"size\": 99,\n \"tags\": " + levels_64 + "}";
  json::Reader deeper(levels_65);
  EXPECT_EQ(deeper.read(kItem, item), (Problems{{"line 2, column 73", "nested deeper than 64 levels"}}));
}

}  // namespace
}  // namespace parley
