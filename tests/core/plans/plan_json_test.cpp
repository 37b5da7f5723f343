// JSON forms of requests and quotes (canonical, parseable back, problems with paths) and disclosure text.
#include "parley/plans/plan_json.h"

#include <gtest/gtest.h>

#include "plan_support.h"

namespace parley::plans {
namespace {

using testing::plan_request;
using testing::usd;
using testing::ymd;

bool has_problem(const Problems& problems, std::string_view path) {
  for (const Problem& p : problems) {
    if (p.path == path) return true;
  }
  return false;
}

constexpr std::string_view kRequest = R"({"format":"parley.plan-request/1","currency":"USD","today":"2026-04-01",)"
    R"("balance":{"itemisation_date":"2026-03-01","principal":100000,"interest":2500,"fees":0,"payments":500,"credits":0},)"
    R"("policy":{"max_term_months":24,"min_instalment":5000,"min_down_payment_bp":0,"allowed_frequencies":["monthly"],)"
    R"("max_interest_rate_bp":1000,"max_setup_fee":0,"convenience_fees":[{"method":"card","max_fee":300}],)"
    R"("settlement_floor_bp":6000,"collector_below_floor_bp":0,"supervisor_below_floor_bp":0,)"
    R"("max_settlement_payments":1,"supervisor_term_months":0,"waterfall":["fees","interest","principal"]},)"
    R"("payment_method":"card","convenience_fee":300,"day_roll":"following","calendar":"US-FEDERAL",)"
    R"("plan":{"down_payment":0,"instalments":12,"frequency":"monthly","first_payment":"2026-05-01",)"
    R"("interest":"amortised","annual_rate_bp":900,"setup_fee":0}})";

TEST(PlanJson, CanonicalRequestReadsBackAndWritesTheSameText) {
  const RequestLoad load = load_request(kRequest);
  for (const Problem& p : load.problems) ADD_FAILURE() << p.text();
  ASSERT_TRUE(load.request);
  const PlanRequest& r = *load.request;
  EXPECT_EQ(r.balance.total(), usd(102000));
  EXPECT_EQ(r.plan->instalments, 12);
  EXPECT_EQ(r.plan->interest, InterestMethod::amortised);
  EXPECT_EQ(r.day_roll, DayRoll::following);
  EXPECT_EQ(r.policy.convenience_fees.at(0).max_fee, usd(300));
  EXPECT_EQ(save_request(r), kRequest);
  const std::string indented = save_request(r, 2);
  EXPECT_NE(indented, kRequest);
  EXPECT_EQ(load_request(indented).request, r);
}

TEST(PlanJson, BadRequestsNameThePlace) {
  EXPECT_TRUE(has_problem(load_request("{").problems, ""));
  EXPECT_TRUE(has_problem(load_request("[]").problems, ""));
  auto problems_of = [](std::string from, std::string_view to) {
    std::string text(kRequest);
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return load_request(text).problems;
  };
  EXPECT_TRUE(has_problem(problems_of(R"("principal":100000)", R"("principal":"100000")"), "balance.principal"));
  EXPECT_TRUE(has_problem(problems_of(R"("principal":100000)", R"("principal":1000.5)"), "balance.principal"));
  EXPECT_TRUE(has_problem(problems_of(R"("principal":100000)", R"("principal":-100000)"), "balance.principal"));
  EXPECT_TRUE(has_problem(problems_of(R"("today":"2026-04-01")", R"("today":"2026-02-30")"), "today"));
  EXPECT_TRUE(has_problem(problems_of(R"("frequency":"monthly")", R"("frequency":"daily")"), "plan.frequency"));
  EXPECT_TRUE(has_problem(problems_of(R"(["monthly"])", R"(["monthly","yearly"])"),
                          "policy.allowed_frequencies[1]"));
  EXPECT_TRUE(has_problem(problems_of(R"("method":"card")", R"("method":"cash")"),
                          "policy.convenience_fees[0].method"));
  EXPECT_TRUE(has_problem(problems_of(R"("instalments":12)", R"("instalments":12,"colour":"red")"), "plan.colour"));
  EXPECT_TRUE(has_problem(problems_of(R"("currency":"USD")", R"("currency":"usd")"), "currency"));
  EXPECT_TRUE(has_problem(problems_of(R"("format":"parley.plan-request/1")", R"("format":"x")"), "format"));
  EXPECT_TRUE(has_problem(problems_of(R"("instalments":12)", R"("instalments":99999999999999999999)"),
                          "plan.instalments"));
  EXPECT_TRUE(has_problem(problems_of(R"("first_payment":"2026-05-01")", R"("first_payment":"2026-03-01")"),
                          "plan.first_payment"));
  EXPECT_TRUE(has_problem(problems_of(R"("annual_rate_bp":900)", R"("annual_rate_bp":-900)"), "plan.annual_rate_bp"));
}

// A text nested too deep is a problem of the whole document (no JSON path), its place in the message.
TEST(PlanJson, DeepNestingIsRefusedAtItsPlace) {
  const std::size_t depth = 200000;
  const RequestLoad arrays = load_request(std::string(depth, '[') + std::string(depth, ']'));
  EXPECT_FALSE(arrays.request);
  EXPECT_EQ(arrays.problems, (Problems{{"", "line 1, column 65: nested deeper than 64 levels"}}));
  std::string text(kRequest);
  std::string deep;
  for (std::size_t i = 0; i < depth; ++i) deep += "{\"a\":";
  deep += "0" + std::string(depth, '}');
  const std::size_t at = text.find("\"plan\":{") + 7;
  text.insert(at, deep + ",\"x\":");  // "plan" holds the deep object
  const RequestLoad load = load_request(text);
  EXPECT_FALSE(load.request);
  EXPECT_EQ(load.problems,
            (Problems{{"", "line 1, column " + std::to_string(at + 63 * 5 + 1) + ": nested deeper than 64 levels"}}));
  const QuoteLoad quote = load_quote(std::string(depth, '[') + std::string(depth, ']'));
  EXPECT_FALSE(quote.quote);
  EXPECT_EQ(quote.problems, (Problems{{"", "line 1, column 65: nested deeper than 64 levels"}}));
}

TEST(PlanJson, MemberGivenTwiceIsRefused) {
  std::string text(kRequest);
  text.replace(text.find(R"("principal":100000)"), 18, R"("principal":100000,"principal":1)");
  EXPECT_EQ(load_request(text).problems, (Problems{{"balance.principal", "member given twice"}}));
  std::string top(kRequest);
  top.replace(top.find(R"("today":"2026-04-01")"), 20, R"("today":"2026-04-01","today":"2026-04-02")");
  EXPECT_EQ(load_request(top).problems, (Problems{{"today", "member given twice"}}));
}

TEST(PlanJson, QuoteReadsBackAndWritesTheSameText) {
  PlanRequest r = plan_request(102000, 12, ymd(2026, 4, 1));
  r.plan->interest = InterestMethod::amortised;
  r.plan->annual_rate_bp = 900;
  const QuoteResult q = quote_plan(r);
  ASSERT_TRUE(q.ok());
  const std::string text = save_quote(*q.quote);
  EXPECT_EQ(text.rfind(R"({"format":"parley.plan-quote/1","kind":"instalments","currency":"USD",)", 0), 0U) << text;
  const QuoteLoad load = load_quote(text);
  ASSERT_TRUE(load.quote);
  EXPECT_EQ(*load.quote, *q.quote);
  EXPECT_EQ(save_quote(*load.quote), text);
  EXPECT_EQ(load_quote(save_quote(*q.quote, 2)).quote, q.quote);
  const std::string broken = text.substr(0, text.find(R"("schedule":)")) + R"("schedule":[{"number":"one"}]})";
  const QuoteLoad bad = load_quote(broken);
  EXPECT_FALSE(bad.quote);
  EXPECT_TRUE(has_problem(bad.problems, "schedule[0].number"));
  EXPECT_TRUE(has_problem(bad.problems, "schedule[0].due"));
}

TEST(PlanJson, DisclosureInTheAccountsLanguage) {
  PlanRequest r = plan_request(100000, 4, ymd(2026, 4, 1));
  r.plan->setup_fee = usd(2000);
  const QuoteResult q = quote_plan(r);
  ASSERT_TRUE(q.ok());
  ASSERT_TRUE(q.quote->apr_thousandths);
  const std::string apr_us = [&] {
    const int t = *q.quote->apr_thousandths;
    const int h = (t + 5) / 10;
    return std::to_string(h / 100) + "." + (h % 100 < 10 ? "0" : "") + std::to_string(h % 100) + "%";
  }();
  EXPECT_EQ(disclosure_text(*q.quote, Locale::en_US),
            "Amount financed: $1,000.00\n"
            "Finance charge: $20.00\n"
            "Annual percentage rate: " + apr_us + "\n"
            "Total of payments: $1,020.00\n"
            "Payments: 4 monthly payments of $250.00\n"
            "Fees included: $20.00\n");
  const std::string fr = disclosure_text(*q.quote, Locale::fr_FR);
  EXPECT_NE(fr.find("Montant financé : 1\u202F000,00\u00A0$US\n"), std::string::npos) << fr;
  EXPECT_NE(fr.find("Paiements : 4 paiements mensuels de 250,00\u00A0$US\n"), std::string::npos) << fr;
  const std::string gb = disclosure_text(*q.quote, Locale::en_GB);
  EXPECT_NE(gb.find("Total amount payable: US$1,020.00\n"), std::string::npos) << gb;
}

TEST(PlanJson, SettlementDisclosureStatesWhatIsForgiven) {
  const QuoteResult q = quote_plan(testing::settlement_request(100000, 60000, 1, ymd(2026, 4, 1)));
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(disclosure_text(*q.quote, Locale::en_US),
            "Finance charge: $0.00\n"
            "Annual percentage rate: not applicable\n"
            "Total of payments: $600.00\n"
            "Payments: one payment of $600.00 on 2026-04-08\n"
            "Fees included: $0.00\n"
            "Forgiven on completion: $400.00\n");
}

}  // namespace
}  // namespace parley::plans
