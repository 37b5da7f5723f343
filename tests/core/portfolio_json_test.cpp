// The portfolio JSON format: round trips, canonical output, and every kind of bad input reported by path.
#include "parley/portfolio_json.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "json_fixtures.h"
#include "parley/demo.h"
#include "portfolio_shapes.h"

namespace parley {
namespace {

using testdata::sample_portfolio;

// Replaces the first occurrence of `from` in `text` (which must contain it) with `to`.
std::string replace_first(std::string text, std::string_view from, std::string_view to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "fixture text lacks: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string sample_text() {
  return save_portfolio(sample_portfolio());
}

// Loads text that must fail: nothing may be returned, and at least one problem must say why.
Problems failing_load(std::string_view text) {
  const PortfolioLoad load = load_portfolio(text);
  EXPECT_FALSE(load.ok());
  EXPECT_FALSE(load.portfolio.has_value());
  EXPECT_FALSE(load.problems.empty());
  return load.problems;
}

// The problems of a text that must fail with exactly one problem.
Problem single_problem(std::string_view text) {
  const Problems problems = failing_load(text);
  EXPECT_EQ(problems.size(), 1u) << [&] {
    std::string all;
    for (const Problem& p : problems) all += p.text() + "\n";
    return all;
  }();
  return problems.empty() ? Problem{} : problems.front();
}

std::string all_text(const Problems& problems) {
  std::string all;
  for (const Problem& p : problems) all += p.text() + "\n";
  return all;
}

// [SECTION] Round trips and canonical output --------------------------------------------------------------------------

TEST(PortfolioJson, SampleIsValid) {
  const Portfolio p = sample_portfolio();
  EXPECT_EQ(validate_portfolio(p), Problems{}) << all_text(validate_portfolio(p));
}

TEST(PortfolioJson, RoundTripWithEveryOptionalSetAndUnset) {
  const Portfolio p = sample_portfolio();
  // The fixture covers both states of every optional member.
  ASSERT_TRUE(p.accounts[0].charge_off && p.accounts[0].last_payment);
  ASSERT_FALSE(p.accounts[1].charge_off || p.accounts[1].last_payment);
  ASSERT_TRUE(p.accounts[0].parties[0].birth_date && p.accounts[0].parties[0].national_id);
  ASSERT_FALSE(p.accounts[0].parties[1].birth_date || p.accounts[0].parties[1].national_id);
  ASSERT_TRUE(p.accounts[0].parties[0].addresses[1].provenance.last_seen);
  ASSERT_FALSE(p.accounts[0].parties[0].addresses[0].provenance.last_seen);

  const PortfolioLoad load = load_portfolio(save_portfolio(p));
  ASSERT_TRUE(load.ok()) << all_text(load.problems);
  EXPECT_TRUE(load.problems.empty());
  EXPECT_EQ(*load.portfolio, p);
}

TEST(PortfolioJson, IndentedTextLoadsToTheSamePortfolio) {
  const Portfolio p = sample_portfolio();
  const std::string indented = save_portfolio(p, 2);
  EXPECT_NE(indented.find("\n    {\n      \"id\": \"C-01\","), std::string::npos);
  const PortfolioLoad load = load_portfolio(indented);
  ASSERT_TRUE(load.ok()) << all_text(load.problems);
  EXPECT_EQ(*load.portfolio, p);
}

TEST(PortfolioJson, SavingIsStable) {
  const Portfolio p = sample_portfolio();
  const std::string first = save_portfolio(p);
  EXPECT_EQ(save_portfolio(p), first);
  const PortfolioLoad load = load_portfolio(first);
  ASSERT_TRUE(load.ok());
  EXPECT_EQ(save_portfolio(*load.portfolio), first);
  EXPECT_EQ(save_portfolio(*load.portfolio, 2), save_portfolio(p, 2));
}

TEST(PortfolioJson, CanonicalDocumentIsAssembledFromElements) {
  const Portfolio p = sample_portfolio();
  std::string assembled = R"({"format":"parley.portfolio/1","as_of":"2026-03-08","clients":[)";
  for (std::size_t i = 0; i < p.clients.size(); ++i) assembled += (i ? "," : "") + save_client(p.clients[i]);
  assembled += R"(],"accounts":[)";
  for (std::size_t i = 0; i < p.accounts.size(); ++i)
    assembled += (i ? "," : "") + save_account(p.accounts[i]);
  assembled += "]}";
  EXPECT_EQ(save_portfolio(p), assembled);
  EXPECT_EQ(save_account(p.accounts[1]).substr(0, 54),
            R"({"id":"A-0002","client_id":"C-01","currency":"USD","or)");
}

// The saver walks the loader's member tables: an object with every optional member set is written with exactly the
// members the loader reads, in its canonical order.
// A work email is marked employer_provided; absent, an address is not one, and false is not written.
TEST(PortfolioJson, AWorkEmailIsMarkedAndAnUnmarkedOneSavesWithoutTheMember) {
  Portfolio p = sample_portfolio();
  ASSERT_FALSE(p.accounts[0].parties[0].emails.empty());
  nlohmann::json saved = nlohmann::json::parse(save_portfolio(p));
  EXPECT_FALSE(saved["accounts"][0]["parties"][0]["emails"][0].contains("employer_provided"));
  p.accounts[0].parties[0].emails[0].employer_provided = true;
  saved = nlohmann::json::parse(save_portfolio(p));
  EXPECT_EQ(saved["accounts"][0]["parties"][0]["emails"][0]["employer_provided"], true);
  const PortfolioLoad loaded = load_portfolio(saved.dump());
  ASSERT_TRUE(loaded.problems.empty()) << loaded.problems[0].text();
  EXPECT_TRUE(loaded.portfolio->accounts[0].parties[0].emails[0].employer_provided);
  saved["accounts"][0]["parties"][0]["emails"][0]["employer_provided"] = "yes";
  const PortfolioLoad bad = load_portfolio(saved.dump());
  ASSERT_FALSE(bad.problems.empty());
  EXPECT_EQ(bad.problems[0].path, "accounts[0].parties[0].emails[0].employer_provided") << bad.problems[0].text();
}

TEST(PortfolioJson, SavedObjectsHoldTheLoadersMembersInOrder) {
  Portfolio p = sample_portfolio();
  p.agency = Agency{"Northfield Associates", PostalAddress{{"1 Main St"}, "Boston", "MA", "02110", "US"},
                    "+16175550100", "America/New_York"};
  p.clients[0].policy.promise_grace_days = 3;
  p.accounts[0].parties[0].phones[0].provenance.last_seen = p.as_of;
  p.accounts[0].parties[0].emails[0].employer_provided = true;
  p.accounts[0].time_barred_from = p.accounts[0].first_delinquency.plus_months(48);
  const nlohmann::ordered_json saved = nlohmann::ordered_json::parse(save_portfolio(p));
  const nlohmann::ordered_json& account = saved["accounts"][0];
  const nlohmann::ordered_json& party = account["parties"][0];
  const std::pair<std::string_view, const nlohmann::ordered_json*> examples[] = {
      {"root", &saved},
      {"agency", &saved["agency"]},
      {"client", &saved["clients"][0]},
      {"postal_address", &saved["clients"][0]["address"]},
      {"policy", &saved["clients"][0]["policy"]},
      {"convenience_fee", &saved["clients"][0]["policy"]["convenience_fees"][0]},
      {"account", &account},
      {"secret_id", &account["original_account_number"]},
      {"balance", &account["balance"]},
      {"party", &party},
      {"address", &party["addresses"][1]},
      {"phone", &party["phones"][0]},
      {"email", &party["emails"][0]}};
  const std::vector<PortfolioObjectMembers> tables = portfolio_object_members();
  ASSERT_EQ(tables.size(), std::size(examples));
  for (const auto& example : examples) {
    const std::string_view name = example.first;  // a plain variable: clang 14 cannot capture a structured binding
    const nlohmann::ordered_json* object = example.second;
    const auto table = std::find_if(tables.begin(), tables.end(), [&](const auto& t) { return t.name == name; });
    ASSERT_NE(table, tables.end()) << name;
    ASSERT_TRUE(object->is_object()) << name;
    std::vector<std::string> written;
    for (const auto& [key, value] : object->items()) written.push_back(key);
    EXPECT_EQ(written, std::vector<std::string>(table->members.begin(), table->members.end())) << name;
  }
}

TEST(PortfolioJson, OptionalMembersAreOmittedWhenUnsetAndAcceptNull) {
  const Portfolio p = sample_portfolio();
  const std::string second = save_account(p.accounts[1]);
  EXPECT_EQ(second.find("charge_off"), std::string::npos);
  EXPECT_EQ(second.find("last_payment"), std::string::npos);
  std::string text = save_portfolio(p);
  text = replace_first(text, R"("placed":"2026-01-20")", R"("charge_off":null,"placed":"2026-01-20")");
  text = replace_first(text, R"("placed":"2026-01-20")", R"("last_payment":null,"placed":"2026-01-20")");
  const PortfolioLoad load = load_portfolio(text);
  ASSERT_TRUE(load.ok()) << all_text(load.problems);
  EXPECT_EQ(*load.portfolio, p);
}

TEST(PortfolioJson, MemberOrderDoesNotMatter) {
  // The currency comes after the amounts: they must still carry it.
  const Portfolio p = sample_portfolio();
  std::string text = save_portfolio(p);
  text = replace_first(text, R"("currency":"USD","original_creditor")", R"("original_creditor")");
  text = replace_first(text, R"("risk":"high")", R"("risk":"high","currency":"USD")");
  const PortfolioLoad load = load_portfolio(text);
  ASSERT_TRUE(load.ok()) << all_text(load.problems);
  EXPECT_EQ(*load.portfolio, p);
  EXPECT_EQ(load.portfolio->accounts[0].balance.principal.currency().code(), "USD");
}

TEST(PortfolioJson, StringsAreEscapedAndRoundTrip) {
  Portfolio p = sample_portfolio();
  p.accounts[0].original_creditor = "Quote \" backslash \\ tab \t newline \n bell \x07 caf\xC3\xA9";
  const std::string text = save_portfolio(p);
  EXPECT_NE(text.find(R"("Quote \" backslash \\ tab \t newline \n bell \u0007 café")"), std::string::npos);
  const PortfolioLoad load = load_portfolio(text);
  ASSERT_TRUE(load.ok()) << all_text(load.problems);
  EXPECT_EQ(*load.portfolio, p);
}

TEST(PortfolioJson, InvalidUtf8IsWrittenAsReplacementCharacter) {
  Portfolio p = sample_portfolio();
  p.accounts[0].original_creditor = "bad \xFF byte";
  const std::string text = save_portfolio(p);
  EXPECT_NE(text.find("\"bad \xEF\xBF\xBD byte\""), std::string::npos);
  EXPECT_TRUE(load_portfolio(text).ok());
}

TEST(PortfolioJson, SampleFileTextLoads) {
  const PortfolioLoad load = load_portfolio(testdata::sample_file_text);
  ASSERT_TRUE(load.ok()) << all_text(load.problems);
  EXPECT_EQ(load.portfolio->clients.size(), 2u);
  EXPECT_EQ(load.portfolio->accounts.size(), 3u);
  EXPECT_EQ(*load.portfolio, sample_portfolio());
  // The file is the portfolio saved with an indent of 2.
  EXPECT_EQ(save_portfolio(*load.portfolio, 2) + "\n", testdata::sample_file_text);
}

#ifndef __EMSCRIPTEN__
// Native only: the wasm run under node has no file system. The embedded copy is what both runs load.
TEST(PortfolioJson, SampleFileOnDiskMatchesTheEmbeddedText) {
  std::ifstream file(PARLEY_SOURCE_DIR "/docs/examples/portfolio-small.json", std::ios::binary);
  ASSERT_TRUE(file.good());
  std::ostringstream content;
  content << file.rdbuf();
  EXPECT_EQ(content.str(), testdata::sample_file_text);
}
#endif

// [SECTION] Syntax errors ---------------------------------------------------------------------------------------------

TEST(PortfolioJsonSyntax, TruncatedTextGivesLineAndColumn) {
  const std::string text = sample_text();
  const std::size_t cut = text.find(R"(,"placed":"2026-02-02")") + 1;  // in accounts[2], after a member
  const Problem p = single_problem(text.substr(0, cut));
  EXPECT_EQ(p.path, "line 1, column " + std::to_string(cut + 1));
  EXPECT_EQ(p.message, "unexpected end of input; expected string literal");
}

TEST(PortfolioJsonSyntax, LineAndColumnCountNewlines) {
  const Problem p = single_problem("{\n  \"format\": \"parley.portfolio/1\",\n  \"as_of\": ]\n}");
  EXPECT_EQ(p.path, "line 3, column 12");
  EXPECT_EQ(p.message, "unexpected ']'; expected '[', '{', or a literal");
}

TEST(PortfolioJsonSyntax, UnterminatedStringMessageIsShort) {
  const std::string text = "{\"format\":\"" + std::string(100000, 'x');
  const Problem p = single_problem(text);
  EXPECT_EQ(p.path, "line 1, column " + std::to_string(text.size() + 1));
  EXPECT_EQ(p.message.rfind("invalid string: missing closing quote", 0), 0u) << p.message;
  EXPECT_LE(p.message.size(), 200u);
}

TEST(PortfolioJsonSyntax, NotJson) {
  const Problem p = single_problem("format: parley");
  EXPECT_EQ(p.path, "line 1, column 2");  // 'f' may begin false: the 'o' is the first impossible character
  EXPECT_NE(p.message.find("invalid literal"), std::string::npos) << p.message;
  const Problem empty = single_problem("");
  EXPECT_EQ(empty.path, "line 1, column 1");
  EXPECT_EQ(empty.message.rfind("unexpected end of input", 0), 0u) << empty.message;
}

TEST(PortfolioJsonSyntax, TrailingText) {
  const std::string text = sample_text() + " x";
  const Problem p = single_problem(text);
  EXPECT_EQ(p.path, "line 1, column " + std::to_string(text.size()));
}

TEST(PortfolioJsonSyntax, TopLevelMustBeAnObject) {
  Problem p = single_problem("[1, 2]");
  EXPECT_EQ(p.path, "");
  EXPECT_EQ(p.message, "the top level must be a JSON object");
  p = single_problem("42");
  EXPECT_EQ(p.message, "the top level must be a JSON object");
}

// [SECTION] Structure: members and types ------------------------------------------------------------------------------

TEST(PortfolioJsonStructure, WrongFormat) {
  const Problem p = single_problem(replace_first(sample_text(), "parley.portfolio/1", "parley.portfolio/2"));
  EXPECT_EQ(p.path, "format");
  EXPECT_EQ(p.message, R"(unsupported format "parley.portfolio/2": expected "parley.portfolio/1")");
}

TEST(PortfolioJsonStructure, MissingRequiredMember) {
  Problem p = single_problem(replace_first(sample_text(), R"("placed":"2025-11-03",)", ""));
  EXPECT_EQ(p.path, "accounts[0].placed");
  EXPECT_EQ(p.message, "required member is missing");
  p = single_problem(replace_first(sample_text(), R"("format":"parley.portfolio/1",)", ""));
  EXPECT_EQ(p.path, "format");
  EXPECT_EQ(p.message, "required member is missing");
}

TEST(PortfolioJsonStructure, UnknownMember) {
  const Problem p = single_problem(
      replace_first(sample_text(), R"("role":"co-signer",)", R"("role":"co-signer","nickname":"Bo",)"));
  EXPECT_EQ(p.path, "accounts[0].parties[1].nickname");
  EXPECT_EQ(p.message, "unknown member");
  // An unknown member holding a container is skipped whole.
  const Problem q =
      single_problem(replace_first(sample_text(), R"("as_of")", R"("extra":{"as_of":[1,{"x":2}]},"as_of")"));
  EXPECT_EQ(q.path, "extra");
  EXPECT_EQ(q.message, "unknown member");
}

TEST(PortfolioJsonStructure, DuplicateMember) {
  const Problem p =
      single_problem(replace_first(sample_text(), R"("risk":"high")", R"("risk":"high","risk":"low")"));
  EXPECT_EQ(p.path, "accounts[0].risk");
  EXPECT_EQ(p.message, "member appears more than once");
}

TEST(PortfolioJsonStructure, StringForAmount) {
  const Problem p =
      single_problem(replace_first(sample_text(), R"("principal":125000)", R"("principal":"1250.00")"));
  EXPECT_EQ(p.path, "accounts[0].balance.principal");
  EXPECT_EQ(p.message, R"(expected an integer amount in minor units, got the string "1250.00")");
}

TEST(PortfolioJsonStructure, FractionForAmount) {
  const Problem p =
      single_problem(replace_first(sample_text(), R"("principal":125000)", R"("principal":1250.5)"));
  EXPECT_EQ(p.path, "accounts[0].balance.principal");
  EXPECT_EQ(p.message, "expected an integer amount in minor units, got the number 1250.5");
}

TEST(PortfolioJsonStructure, NumberForDate) {
  const Problem p =
      single_problem(replace_first(sample_text(), R"("opened":"2019-04-15")", R"("opened":20190415)"));
  EXPECT_EQ(p.path, "accounts[0].opened");
  EXPECT_EQ(p.message, R"(expected a date "YYYY-MM-DD", got the number 20190415)");
}

TEST(PortfolioJsonStructure, ObjectWhereArrayExpected) {
  const Problem p = single_problem(replace_first(sample_text(), R"("time_zones":["America/New_York"])",
                                                 R"("time_zones":{"zone":"America/New_York"})"));
  EXPECT_EQ(p.path, "accounts[0].parties[0].phones[0].time_zones");
  EXPECT_EQ(p.message, "expected an array, got an object");
}

TEST(PortfolioJsonStructure, WrongElementType) {
  const Problem p = single_problem(replace_first(sample_text(), R"("allowed_frequencies":["monthly")",
                                                 R"("allowed_frequencies":[true,"monthly")"));
  EXPECT_EQ(p.path, "clients[0].policy.allowed_frequencies[0]");
  EXPECT_EQ(p.message, R"(expected one of "weekly", "fortnightly", "semi-monthly", "monthly", got true)");
}

TEST(PortfolioJsonStructure, NullForRequiredMember) {
  const Problem p =
      single_problem(replace_first(sample_text(), R"("name":"Northwind Bank")", R"("name":null)"));
  EXPECT_EQ(p.path, "clients[0].name");
  EXPECT_EQ(p.message, "expected a string, got null");
}

TEST(PortfolioJsonStructure, IntegerOutOfRange) {
  Problem p = single_problem(
      replace_first(sample_text(), R"("max_term_months":24)", R"("max_term_months":3000000000)"));
  EXPECT_EQ(p.path, "clients[0].policy.max_term_months");
  EXPECT_EQ(p.message, "number is out of range");
  p = single_problem(
      replace_first(sample_text(), R"("principal":125000)", R"("principal":18446744073709551615)"));
  EXPECT_EQ(p.path, "accounts[0].balance.principal");
  EXPECT_EQ(p.message, "number is out of range");
}

// [SECTION] Values ----------------------------------------------------------------------------------------------------

TEST(PortfolioJsonValues, UnknownCurrency) {
  // Reported once: the check that the account's currency matches its client's is not added on top.
  const Problem p = single_problem(replace_first(sample_text(), R"("client_id":"C-01","currency":"USD")",
                                                 R"("client_id":"C-01","currency":"USX")"));
  EXPECT_EQ(p.path, "accounts[0].currency");
  EXPECT_EQ(p.message, R"(unknown currency "USX")");
}

TEST(PortfolioJsonValues, NoCurrencyIsRejected) {
  const Problem p = single_problem(
      replace_first(sample_text(), R"("currency":"USD","policy")", R"("currency":"XXX","policy")"));
  EXPECT_EQ(p.path, "clients[0].currency");
  EXPECT_EQ(p.message, R"(must be a real currency, not "XXX")");
}

TEST(PortfolioJsonValues, AccountCurrencyMustMatchClient) {
  const Problem p = single_problem(replace_first(sample_text(), R"("client_id":"C-01","currency":"USD")",
                                                 R"("client_id":"C-01","currency":"EUR")"));
  EXPECT_EQ(p.path, "accounts[0].currency");
  EXPECT_EQ(p.message, R"(currency "EUR" differs from client "C-01"'s currency "USD")");
}

TEST(PortfolioJsonValues, DuplicateAccountIds) {
  const Problem p = single_problem(replace_first(sample_text(), R"("id":"A-0003")", R"("id":"A-0001")"));
  EXPECT_EQ(p.path, "accounts[2].id");
  EXPECT_EQ(p.message, R"(duplicate account id "A-0001" (first at accounts[0]))");
}

TEST(PortfolioJsonValues, DuplicateClientIds) {
  std::string text = replace_first(sample_text(), R"("id":"C-02")", R"("id":"C-01")");
  const Problems problems = failing_load(text);
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0].text(), R"(clients[1].id: duplicate client id "C-01" (first at clients[0]))");
}

TEST(PortfolioJsonValues, PartyRoleUnknownOrMissing) {
  Problem p = single_problem(replace_first(sample_text(), R"("role":"co-signer")", R"("role":"borrower")"));
  EXPECT_EQ(p.path, "accounts[0].parties[1].role");
  EXPECT_EQ(p.message, R"(unknown role "borrower": expected one of "debtor", "co-signer", "guarantor", "spouse", )"
                       R"("parent", "guardian", "executor", "administrator", "attorney", "third-party")");
  p = single_problem(replace_first(sample_text(), R"("role":"co-signer",)", ""));
  EXPECT_EQ(p.path, "accounts[0].parties[1].role");
  EXPECT_EQ(p.message, "required member is missing");
}

TEST(PortfolioJsonValues, NegativeAmounts) {
  const Problems problems =
      failing_load(replace_first(sample_text(), R"("principal":125000)", R"("principal":-125000)"));
  ASSERT_EQ(problems.size(), 2u) << all_text(problems);
  EXPECT_EQ(problems[0].text(), "accounts[0].balance.principal: must not be negative");
  EXPECT_EQ(
      problems[1].text(),
      "accounts[0].balance: total (principal + interest + fees - payments - credits) must not be negative");
  const Problem fee = single_problem(replace_first(sample_text(), R"("max_fee":300)", R"("max_fee":-1)"));
  EXPECT_EQ(fee.path, "clients[0].policy.convenience_fees[0].max_fee");
  EXPECT_EQ(fee.message, "must not be negative");
}

TEST(PortfolioJsonValues, BalanceTotalMustNotBeNegative) {
  const Problem p = single_problem(replace_first(sample_text(), R"("credits":0)", R"("credits":99999999)"));
  EXPECT_EQ(p.path, "accounts[0].balance");
  EXPECT_EQ(p.message, "total (principal + interest + fees - payments - credits) must not be negative");
}

TEST(PortfolioJsonValues, ImpossibleAndMalformedDates) {
  Problem p =
      single_problem(replace_first(sample_text(), R"("as_of":"2026-03-08")", R"("as_of":"2026-02-30")"));
  EXPECT_EQ(p.path, "as_of");
  EXPECT_EQ(p.message, R"(impossible date "2026-02-30")");
  p = single_problem(
      replace_first(sample_text(), R"("birth_date":"1984-07-09")", R"("birth_date":"09/07/1984")"));
  EXPECT_EQ(p.path, "accounts[0].parties[0].birth_date");
  EXPECT_EQ(p.message, R"(expected a date "YYYY-MM-DD", got "09/07/1984")");
}

TEST(PortfolioJsonValues, DateOrder) {
  Problem p =
      single_problem(replace_first(sample_text(), R"("placed":"2025-11-03")", R"("placed":"2026-03-09")"));
  EXPECT_EQ(p.text(), "accounts[0].placed: must not be after as_of (2026-03-08), got 2026-03-09");
  p = single_problem(replace_first(sample_text(), R"("first_delinquency":"2024-09-01")",
                                   R"("first_delinquency":"2019-01-01")"));
  EXPECT_EQ(p.text(),
            "accounts[0].first_delinquency: must not be before opened (2019-04-15), got 2019-01-01");
  p = single_problem(replace_first(sample_text(), R"("itemisation_date":"2025-03-31")",
                                   R"("itemisation_date":"2026-04-01")"));
  EXPECT_EQ(p.text(),
            "accounts[0].balance.itemisation_date: must not be after as_of (2026-03-08), got 2026-04-01");
}

TEST(PortfolioJsonValues, UnknownTimeZone) {
  const Problem p = single_problem(replace_first(sample_text(), R"("time_zones":["America/New_York"])",
                                                 R"("time_zones":["America/Springfield"])"));
  EXPECT_EQ(p.path, "accounts[0].parties[0].phones[0].time_zones[0]");
  EXPECT_EQ(p.message, R"(unknown time zone "America/Springfield")");
  const Problem q = single_problem(replace_first(sample_text(), R"("time_zone":"America/New_York")",
                                                 R"("time_zone":"Mars/Olympus_Mons")"));
  EXPECT_EQ(q.path, "accounts[0].parties[0].addresses[0].time_zone");
}

TEST(PortfolioJsonValues, AccountReferencingMissingClient) {
  const Problem p =
      single_problem(replace_first(sample_text(), R"("client_id":"C-01")", R"("client_id":"C-99")"));
  EXPECT_EQ(p.path, "accounts[0].client_id");
  EXPECT_EQ(p.message, R"(no client with id "C-99")");
}

TEST(PortfolioJsonValues, PartiesEmptyOrWithoutDebtor) {
  Portfolio portfolio = sample_portfolio();
  portfolio.accounts[1].parties.clear();
  Problem p = single_problem(save_portfolio(portfolio));
  EXPECT_EQ(p.text(), "accounts[1].parties: must list at least one party");
  portfolio = sample_portfolio();
  portfolio.accounts[1].parties[0].role = PartyRole::guarantor;
  p = single_problem(save_portfolio(portfolio));
  EXPECT_EQ(p.text(), R"(accounts[1].parties: must include a party with the role "debtor")");
}

TEST(PortfolioJsonValues, DuplicatePartyIds) {
  const Problem p = single_problem(replace_first(sample_text(), R"("id":"P-2")", R"("id":"P-1")"));
  EXPECT_EQ(p.text(),
            R"(accounts[0].parties[1].id: duplicate party id "P-1" (first at accounts[0].parties[0]))");
}

TEST(PortfolioJsonValues, ContactFormats) {
  Problem p = single_problem(
      replace_first(sample_text(), R"("number":"+16175550123")", R"("number":"617-555-0123")"));
  EXPECT_EQ(
      p.text(),
      R"(accounts[0].parties[0].phones[0].number: must be an E.164 number such as "+16175550123", got "617-555-0123")");
  p = single_problem(replace_first(sample_text(), R"("address":"dana.reyes@example.com")",
                                   R"("address":"dana@@example.com")"));
  EXPECT_EQ(p.path, "accounts[0].parties[0].emails[0].address");
  EXPECT_EQ(p.message, R"(must be an email address with exactly one '@', got "dana@@example.com")");
  p = single_problem(
      replace_first(sample_text(), R"("jurisdiction":"US-MA")", R"("jurisdiction":"Massachusetts")"));
  EXPECT_EQ(p.path, "accounts[0].jurisdiction");
  p = single_problem(replace_first(sample_text(), R"("language":"en-US")", R"("language":"english")"));
  EXPECT_EQ(p.path, "accounts[0].language");
  p = single_problem(
      replace_first(sample_text(), R"("country":"US","time_zone")", R"("country":"USA","time_zone")"));
  EXPECT_EQ(p.path, "accounts[0].parties[0].addresses[0].country");
}

TEST(PortfolioJsonValues, PolicyRules) {
  Problem p = single_problem(
      replace_first(sample_text(), R"("settlement_floor_bp":6000)", R"("settlement_floor_bp":10001)"));
  EXPECT_EQ(p.text(),
            "clients[0].policy.settlement_floor_bp: must be between 0 and 10000 basis points, got 10001");
  p = single_problem(replace_first(sample_text(), R"("allowed_frequencies":["monthly","fortnightly"])",
                                   R"("allowed_frequencies":[])"));
  EXPECT_EQ(p.text(), "clients[0].policy.allowed_frequencies: must list at least one frequency");
  p = single_problem(replace_first(sample_text(), R"("waterfall":["fees","interest","principal"])",
                                   R"("waterfall":["fees","fees","principal"])"));
  EXPECT_EQ(p.path, "clients[0].policy.waterfall");
}

TEST(PortfolioJsonValues, EveryProblemIsCollectedAndNothingIsReturned) {
  std::string text = sample_text();
  text = replace_first(text, R"("principal":125000)", R"("principal":"x")");
  text = replace_first(text, R"("time_zones":["America/New_York"])", R"("time_zones":["Nowhere/City"])");
  text = replace_first(text, R"("id":"A-0003")", R"("id":"A-0002")");
  const PortfolioLoad load = load_portfolio(text);
  EXPECT_FALSE(load.portfolio.has_value());
  ASSERT_EQ(load.problems.size(), 3u) << all_text(load.problems);
  EXPECT_EQ(load.problems[0].path, "accounts[0].balance.principal");
  EXPECT_EQ(load.problems[1].path, "accounts[0].parties[0].phones[0].time_zones[0]");
  EXPECT_EQ(load.problems[2].path, "accounts[2].id");
}

TEST(PortfolioJsonValues, ProblemsAreCappedWithAClosingCount) {
  Portfolio portfolio = sample_portfolio();
  const Account model = portfolio.accounts[1];
  portfolio.accounts.clear();
  for (int i = 0; i < 300; ++i) {
    Account a = model;
    a.id = "N-" + std::to_string(i);
    a.balance.fees = Money(-1, a.currency);  // one problem each: the total stays positive
    portfolio.accounts.push_back(a);
  }
  const PortfolioLoad load = load_portfolio(save_portfolio(portfolio));
  EXPECT_FALSE(load.ok());
  ASSERT_EQ(load.problems.size(), max_problems + 1);
  EXPECT_EQ(load.problems[0].text(), "accounts[0].balance.fees: must not be negative");
  EXPECT_EQ(load.problems[max_problems - 1].path, "accounts[199].balance.fees");
  EXPECT_EQ(load.problems.back().text(), "... and 100 more problems");
}

TEST(PortfolioJsonValidate, HandBuiltPortfolioChecks) {
  Portfolio p = sample_portfolio();
  p.accounts[2].balance.interest = Money(10, *Currency::find("USD"));  // the account is in EUR
  p.clients[1].policy.collector_below_floor_bp = 800;                  // more than the supervisor's 500
  p.accounts[2].parties[0].phones.clear();
  p.accounts[2].parties[0].emails[0].provenance.last_seen = *Date::from_ymd(2020, 1, 1);  // before first_seen
  const Problems problems = validate_portfolio(p);
  ASSERT_EQ(problems.size(), 3u) << all_text(problems);
  EXPECT_EQ(problems[0].text(),
            "clients[1].policy.collector_below_floor_bp: must not exceed supervisor_below_floor_bp");
  EXPECT_EQ(problems[1].text(), "accounts[2].balance.interest: is in USD, expected EUR");
  EXPECT_EQ(problems[2].text(),
            "accounts[2].parties[0].emails[0].last_seen: must not be before first_seen (2025-06-01), got "
            "2020-01-01");
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

Portfolio demo_with_agency() {
  DemoSettings settings;
  settings.accounts = 3;
  return generate_demo_portfolio(settings);
}

TEST(PortfolioAgency, IsSavedAndLoadedBack) {
  const Portfolio p = demo_with_agency();
  ASSERT_TRUE(p.agency.has_value());
  const PortfolioLoad load = load_portfolio(save_portfolio(p));
  ASSERT_TRUE(load.ok());
  EXPECT_EQ(load.portfolio->agency, p.agency);
  Portfolio none = p;
  none.agency.reset();
  const std::string text = save_portfolio(none);
  EXPECT_EQ(text.find("\"agency\""), std::string::npos);  // left out when unset
  EXPECT_FALSE(load_portfolio(text).portfolio->agency.has_value());
}

TEST(PortfolioAgency, BadMembersAreNamed) {
  Portfolio p = demo_with_agency();
  p.agency->phone = "617-555-0100";
  p.agency->time_zone = "America/Springfield";
  p.agency->name.clear();
  const PortfolioLoad load = load_portfolio(save_portfolio(p));
  ASSERT_FALSE(load.ok());
  std::vector<std::string> paths;
  for (const Problem& problem : load.problems) paths.push_back(problem.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"agency.name", "agency.phone", "agency.time_zone"}));
}

TEST(PortfolioAgency, TodayIsTheAgencysCalendarDay) {
  Portfolio p = demo_with_agency();  // Boston
  const Instant late = *Instant::parse("2026-03-09T03:00:00Z");  // 23:00 EDT on 8 March
  EXPECT_EQ(agency_today(p, late), *Date::parse("2026-03-08"));
  p.agency.reset();
  EXPECT_EQ(agency_today(p, late), *Date::parse("2026-03-09"));  // the UTC day without an agency
}

}  // namespace
}  // namespace parley
