// Loading calendars from JSON: the format's members, and every kind of bad input reported at its JSON path with
// nothing loaded.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "calendar_fixtures.h"

namespace parley {
namespace {

using testdata::ymd;

// A complete calendar text whose "rules" array holds `rules`, with `top` inserted among the top-level members.
std::string calendar_text(std::string_view rules, std::string_view top = {}) {
  std::string text = R"({
  "format": "parley.calendar/1",
  "id": "TEST",
  "name": "Test calendar",
  "weekend": ["saturday", "sunday"],
  "first_year": 2000,
  "last_year": 2030,)";
  text += top;
  text += "\n  \"rules\": [";
  text += rules;
  text += "]\n}";
  return text;
}

std::string all_text(const Problems& problems) {
  std::string all;
  for (const Problem& p : problems) all += p.text() + "\n";
  return all;
}

// Loads text that must fail with exactly the given problems; nothing may be returned.
void expect_problems(std::string_view text, const Problems& expected) {
  const CalendarLoad load = load_calendar(text);
  EXPECT_FALSE(load.calendar.has_value());
  EXPECT_EQ(load.problems, expected) << all_text(load.problems);
}

TEST(CalendarLoad, MinimalCalendarWithEveryRuleKind) {
  const CalendarLoad load = load_calendar(calendar_text(R"(
    {"kind": "fixed", "name": "Fixed", "month": 2, "day": 29, "observance": "substitute"},
    {"kind": "nth_weekday", "name": "Second to last Friday of March", "month": 3, "weekday": "friday", "nth": -2},
    {"kind": "easter", "name": "Easter Sunday", "offset": 0, "from_year": 2024, "to_year": 2025},
    {"kind": "date", "name": "One day", "date": "2024-10-15", "source": "a test"})"));
  ASSERT_TRUE(load.calendar.has_value()) << all_text(load.problems);
  const Calendar& c = *load.calendar;
  EXPECT_EQ(c.id, "TEST");
  EXPECT_EQ(c.name, "Test calendar");
  EXPECT_EQ(c.first_year, 2000);
  EXPECT_EQ(c.last_year, 2030);
  ASSERT_EQ(c.rules.size(), 4u);
  EXPECT_EQ(c.rules[0].from_year, 2000);  // defaults to the calendar's years
  EXPECT_EQ(c.rules[0].to_year, 2030);
  EXPECT_EQ(c.rules[2].from_year, 2024);
  EXPECT_EQ(c.rules[3].source, "a test");
  // 2024: 29 February is a Thursday; the second to last Friday of March is the 22nd; Easter 31 March.
  EXPECT_EQ(holidays_in(c, 2024), (std::vector<Holiday>{{ymd(2024, 2, 29), "Fixed"},
                                                         {ymd(2024, 3, 22), "Second to last Friday of March"},
                                                         {ymd(2024, 3, 31), "Easter Sunday"},
                                                         {ymd(2024, 10, 15), "One day"}}));
  // 2025 has no 29 February; 2026 is past the Easter rule's years.
  EXPECT_EQ(holidays_in(c, 2025).size(), 2u);
  EXPECT_EQ(holidays_in(c, 2026).size(), 1u);
  // 2032: 29 February is a Sunday, moved to Monday 1 March — but 2032 is outside the calendar.
  EXPECT_TRUE(holidays_in(c, 2032).empty());
  // 2020: 29 February is a Saturday: the substitute is Monday 2 March.
  EXPECT_EQ(holidays_in(c, 2020).front(), (Holiday{ymd(2020, 3, 2), "Fixed"}));
}

// The spellings are kebab-case; the snake_case ones of earlier files are still read (docs/CHANGES.md).
TEST(CalendarLoad, KebabCaseSpellingsAndTheOlderOnesReadAlike) {
  const CalendarLoad kebab = load_calendar(calendar_text(
      R"({"kind": "nth-weekday", "name": "Memorial Day", "month": 5, "weekday": "monday", "nth": -1},
    {"kind": "fixed", "name": "Independence Day", "month": 7, "day": 4, "observance": "nearest-weekday"})"));
  const CalendarLoad older = load_calendar(calendar_text(
      R"({"kind": "nth_weekday", "name": "Memorial Day", "month": 5, "weekday": "monday", "nth": -1},
    {"kind": "fixed", "name": "Independence Day", "month": 7, "day": 4, "observance": "nearest_weekday"})"));
  ASSERT_TRUE(kebab.calendar.has_value()) << all_text(kebab.problems);
  ASSERT_TRUE(older.calendar.has_value()) << all_text(older.problems);
  EXPECT_EQ(kebab.calendar->rules, older.calendar->rules);
  EXPECT_EQ(kebab.calendar->rules[0].kind, RuleKind::nth_weekday);
  EXPECT_EQ(kebab.calendar->rules[1].observance, Observance::nearest_weekday);
  // 4 July 2026 is a Saturday, observed on Friday 3 July.
  EXPECT_EQ(holidays_in(*older.calendar, 2026), (std::vector<Holiday>{{ymd(2026, 5, 25), "Memorial Day"},
                                                                      {ymd(2026, 7, 3), "Independence Day"}}));
  EXPECT_EQ(to_string(RuleKind::nth_weekday), "nth-weekday");
  EXPECT_EQ(to_string(Observance::nearest_weekday), "nearest-weekday");
}

// The shipped files spell every kind and observance the way load_calendar writes them in its messages.
TEST(CalendarLoad, ShippedCalendarsUseTheKebabCaseSpellings) {
  ASSERT_FALSE(testdata::embedded_calendars().empty());
  for (const testdata::EmbeddedCalendar& file : testdata::embedded_calendars()) {
    EXPECT_EQ(file.text.find("nth_weekday"), std::string_view::npos) << file.stem;
    EXPECT_EQ(file.text.find("nearest_weekday"), std::string_view::npos) << file.stem;
    EXPECT_TRUE(load_calendar(file.text).calendar.has_value()) << file.stem;
  }
  EXPECT_NE(testdata::calendar_text("US-FEDERAL").find(R"("observance": "nearest-weekday")"), std::string_view::npos);
  EXPECT_NE(testdata::calendar_text("GB-ENG").find(R"("kind": "nth-weekday")"), std::string_view::npos);
}

TEST(CalendarLoad, FifthWeekdayExistsOnlyInSomeYears) {
  const CalendarLoad load = load_calendar(calendar_text(
      R"({"kind": "nth_weekday", "name": "Fifth Monday of May", "month": 5, "weekday": "monday", "nth": 5})"));
  ASSERT_TRUE(load.calendar.has_value()) << all_text(load.problems);
  EXPECT_EQ(holidays_in(*load.calendar, 2026), (std::vector<Holiday>{}));  // May 2026: 4 Mondays
  EXPECT_EQ(holidays_in(*load.calendar, 2027), (std::vector<Holiday>{{ymd(2027, 5, 31), "Fifth Monday of May"}}));
}

TEST(CalendarLoad, UnknownRuleKind) {
  expect_problems(calendar_text(R"({"kind": "fixed", "name": "A", "month": 1, "day": 1},
    {"kind": "lunar", "name": "B", "month": 1})"),
                  {{"rules[1].kind", R"(must be "fixed", "nth-weekday", "easter" or "date", got "lunar")"}});
}

TEST(CalendarLoad, BadMonthAndDay) {
  expect_problems(calendar_text(R"({"kind": "fixed", "name": "A", "month": 13, "day": 1})"),
                  {{"rules[0].month", "must be a month between 1 and 12, got 13"}});
  expect_problems(calendar_text(R"({"kind": "fixed", "name": "A", "month": 2, "day": 30})"),
                  {{"rules[0].day", "must be a day of month 2 between 1 and 29, got 30"}});
  expect_problems(calendar_text(R"({"kind": "nth_weekday", "name": "A", "month": 0, "weekday": "monday", "nth": 1})"),
                  {{"rules[0].month", "must be a month between 1 and 12, got 0"}});
  expect_problems(calendar_text(R"({"kind": "fixed", "name": "A", "month": "May", "day": 1})"),
                  {{"rules[0].month", "must be a whole number"}});
  expect_problems(calendar_text(R"({"kind": "fixed", "name": "A", "month": 5.5, "day": 1})"),
                  {{"rules[0].month", "must be a whole number"}});
}

TEST(CalendarLoad, MissingMembers) {
  expect_problems(calendar_text(R"({"kind": "fixed", "name": "A", "month": 1})"),
                  {{"rules[0].day", "required member is missing"}});
  expect_problems(calendar_text(R"({"name": "A", "month": 1, "day": 1})"),
                  {{"rules[0].kind", "required member is missing"}});
  expect_problems(calendar_text(R"({"kind": "easter"})"), {{"rules[0].name", "required member is missing"},
                                                           {"rules[0].offset", "required member is missing"}});
  expect_problems(R"({"format": "parley.calendar/1", "id": "X", "name": "X", "first_year": 2000,
                      "last_year": 2001, "rules": []})",
                  {{"weekend", "required member is missing"}});
}

TEST(CalendarLoad, UnknownMembersAndMembersOfAnotherKind) {
  expect_problems(calendar_text(R"({"kind": "fixed", "name": "A", "month": 1, "day": 1, "offset": 3})"),
                  {{"rules[0].offset", R"(unknown member for a "fixed" rule)"}});
  expect_problems(calendar_text("", R"(
  "region": "north",)"),
                  {{"region", "unknown member"}});
}

TEST(CalendarLoad, BadValuesOfEveryOtherMember) {
  expect_problems(calendar_text(R"({"kind": "nth_weekday", "name": "A", "month": 1, "weekday": "Monday", "nth": 0})"),
                  {{"rules[0].weekday", R"(must be a weekday name in lowercase English ("monday" .. "sunday"), got "Monday")"},
                   {"rules[0].nth", "must be 1..5 (from the month's start) or -1..-5 (from its end; -1 is the last), got 0"}});
  expect_problems(calendar_text(R"({"kind": "easter", "name": "A", "offset": 300})"),
                  {{"rules[0].offset", "must be a number of days between -80 and 250, got 300"}});
  expect_problems(calendar_text(R"({"kind": "date", "name": "A", "date": "2031-01-02"},
    {"kind": "date", "name": "B", "date": "2024-02-30"})"),
                  {{"rules[0].date", "must be in the calendar's years 2000..2030, got 2031-01-02"},
                   {"rules[1].date", R"(must be a date "YYYY-MM-DD", got "2024-02-30")"}});
  expect_problems(calendar_text(R"({"kind": "fixed", "name": "A", "month": 1, "day": 1, "observance": "monday"})"),
                  {{"rules[0].observance", R"(must be "none", "nearest-weekday" or "substitute", got "monday")"}});
  expect_problems(
      calendar_text(R"({"kind": "fixed", "name": "A", "month": 1, "day": 1, "from_year": 2020, "to_year": 2010,
      "except_years": [2005, 1999]})"),
      {{"rules[0].to_year", "must not be before from_year (2020), got 2010"},
       {"rules[0].except_years[0]", "must be a year of the rule between 2020 and 2030, got 2005"},
       {"rules[0].except_years[1]", "must be a year of the rule between 2020 and 2030, got 1999"}});
  expect_problems(calendar_text(R"({"kind": "fixed", "name": "", "month": 1, "day": 1}, 7)"),
                  {{"rules[0].name", "must not be empty"}, {"rules[1]", "must be an object"}});
}

TEST(CalendarLoad, BadTopLevelMembers) {
  std::string text = calendar_text("");
  text.replace(text.find("\"sunday\""), 8, "\"sunday\", \"funday\", \"saturday\"");
  text.replace(text.find("\"TEST\""), 6, "\"test id\"");
  text.replace(text.find("2030"), 4, "1999");
  expect_problems(text, {{"id", R"(must be up to 32 uppercase letters, digits and '-', such as "GB-ENG", got "test id")"},
                         {"weekend[2]", R"(must be a weekday name in lowercase English ("monday" .. "sunday"), got "funday")"},
                         {"weekend[3]", "is listed twice"},
                         {"last_year", "must not be before first_year (2000), got 1999"}});
  std::string wrong_format = calendar_text("");
  wrong_format.replace(wrong_format.find("parley.calendar/1"), 17, "parley.calendar/2");
  expect_problems(wrong_format, {{"format", R"(must be "parley.calendar/1", got "parley.calendar/2")"}});
  std::string years = calendar_text("");
  years.replace(years.find("2000"), 4, "1500");
  expect_problems(years, {{"first_year", "must be a year between 1583 and 9999, got 1500"}});
  std::string span = calendar_text("");
  span.replace(span.find("2030"), 4, "2400");
  expect_problems(span, {{"last_year", "must be less than 400 years after first_year (2000), got 2400"}});
  std::string all_week = calendar_text("");
  all_week.replace(all_week.find("\"sunday\""), 8,
                   R"("sunday", "monday", "tuesday", "wednesday", "thursday", "friday")");
  expect_problems(all_week, {{"weekend", "must leave at least one day of the week a working day"}});
}

TEST(CalendarLoad, SyntaxErrorsAndWrongShapes) {
  const CalendarLoad load = load_calendar("{\n  \"id\": \"X\",\n  \"name\": oops\n}");
  EXPECT_FALSE(load.calendar.has_value());
  ASSERT_EQ(load.problems.size(), 1u);
  EXPECT_EQ(load.problems[0].path, "line 3, column 11");
  EXPECT_FALSE(load.problems[0].message.empty());
  expect_problems("[1, 2]", {{"", "the top level must be a JSON object"}});
  expect_problems("", {{"line 1, column 1", load_calendar("").problems.at(0).message}});
  expect_problems(calendar_text("").replace(calendar_text("").find("\"rules\": []"), 11, "\"rules\": {}"),
                  {{"rules", "must be an array"}});
}

// Nesting is refused at the first bracket past 64 levels, however deep the text goes, and the problem is the
// only one: the text is not read further.
TEST(CalendarLoad, DeepNestingIsRefusedAtItsPlace) {
  const std::size_t depth = 200000;
  expect_problems(std::string(depth, '[') + std::string(depth, ']'),
                  {{"line 1, column 65", "nested deeper than 64 levels"}});
  std::string objects;
  for (std::size_t i = 0; i < depth; ++i) objects += "{\"a\":";
  objects += "1";
  objects += std::string(depth, '}');
  expect_problems(objects, {{"line 1, column 321", "nested deeper than 64 levels"}});
  // Inside a member, on a later line: the place is that of the 65th open bracket.
  std::string inside = calendar_text("");
  inside.replace(inside.find("\"Test calendar\""), 15, std::string(depth, '[') + std::string(depth, ']'));
  const std::size_t line_start = inside.rfind('\n', inside.find("[[[")) + 1;
  const std::size_t column = inside.find("[[[") - line_start + 64;  // the 64th bracket opens level 65
  expect_problems(inside, {{"line 4, column " + std::to_string(column), "nested deeper than 64 levels"}});
}

TEST(CalendarLoad, MemberGivenTwiceIsRefused) {
  expect_problems(calendar_text("", R"(
  "name": "Again",)"),
                  {{"name", "member given twice"}});
  expect_problems(calendar_text(R"({"kind": "fixed", "name": "A", "month": 1, "day": 1, "month": 2})"),
                  {{"rules[0].month", "member given twice"}});
}

}  // namespace
}  // namespace parley
