// Portfolio helpers: JSON spellings of the enumerations, aging buckets, lookups.
#include "parley/portfolio.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

// Each value's spelling, and that parsing the spelling gives the value back.
template <typename Enum, typename Parse>
void expect_spellings(std::initializer_list<std::pair<Enum, const char*>> cases, Parse parse) {
  for (const auto& [value, text] : cases) {
    EXPECT_EQ(to_string(value), text);
    EXPECT_EQ(parse(text), value) << text;
  }
}

TEST(PortfolioEnums, JsonSpellings) {
  expect_spellings<PartyRole>({{PartyRole::debtor, "debtor"},
                               {PartyRole::co_signer, "co-signer"},
                               {PartyRole::guarantor, "guarantor"}},
                              parse_party_role);
  expect_spellings<ContactStatus>({{ContactStatus::current, "current"},
                                   {ContactStatus::bad, "bad"},
                                   {ContactStatus::unverified, "unverified"}},
                                  parse_contact_status);
  expect_spellings<PhoneKind>({{PhoneKind::mobile, "mobile"},
                               {PhoneKind::home, "home"},
                               {PhoneKind::work, "work"},
                               {PhoneKind::other, "other"}},
                              parse_phone_kind);
  expect_spellings<Frequency>({{Frequency::weekly, "weekly"},
                               {Frequency::fortnightly, "fortnightly"},
                               {Frequency::semi_monthly, "semi-monthly"},
                               {Frequency::monthly, "monthly"}},
                              parse_frequency);
  expect_spellings<PaymentMethod>({{PaymentMethod::card, "card"},
                                   {PaymentMethod::bank_transfer, "bank-transfer"},
                                   {PaymentMethod::cheque, "cheque"}},
                                  parse_payment_method);
  expect_spellings<BalancePart>({{BalancePart::fees, "fees"},
                                 {BalancePart::interest, "interest"},
                                 {BalancePart::principal, "principal"}},
                                parse_balance_part);
  expect_spellings<RiskTier>({{RiskTier::high, "high"}, {RiskTier::medium, "medium"}, {RiskTier::low, "low"}},
                             parse_risk_tier);
}

TEST(PortfolioEnums, UnknownSpellingsAreRejected) {
  EXPECT_FALSE(parse_party_role("co_signer"));
  EXPECT_FALSE(parse_party_role("Debtor"));
  EXPECT_FALSE(parse_party_role(""));
  EXPECT_FALSE(parse_contact_status("good"));
  EXPECT_FALSE(parse_phone_kind("cell"));
  EXPECT_FALSE(parse_frequency("semi_monthly"));
  EXPECT_FALSE(parse_frequency("biweekly"));
  EXPECT_FALSE(parse_payment_method("bank_transfer"));
  EXPECT_FALSE(parse_payment_method("check"));
  EXPECT_FALSE(parse_balance_part("fee"));
  EXPECT_FALSE(parse_risk_tier("HIGH"));
  EXPECT_FALSE(parse_risk_tier("low "));
}

TEST(AgingBuckets, BoundariesAreInclusiveAtTheTop) {
  EXPECT_EQ(aging_bucket(-5), AgingBucket::d0_30);  // not yet delinquent
  EXPECT_EQ(aging_bucket(0), AgingBucket::d0_30);
  EXPECT_EQ(aging_bucket(30), AgingBucket::d0_30);
  EXPECT_EQ(aging_bucket(31), AgingBucket::d31_60);
  EXPECT_EQ(aging_bucket(60), AgingBucket::d31_60);
  EXPECT_EQ(aging_bucket(61), AgingBucket::d61_90);
  EXPECT_EQ(aging_bucket(90), AgingBucket::d61_90);
  EXPECT_EQ(aging_bucket(91), AgingBucket::d91_120);
  EXPECT_EQ(aging_bucket(120), AgingBucket::d91_120);
  EXPECT_EQ(aging_bucket(121), AgingBucket::d120_plus);
  EXPECT_EQ(aging_bucket(5000), AgingBucket::d120_plus);
}

TEST(AgingBuckets, Names) {
  EXPECT_EQ(to_string(AgingBucket::d0_30), "0-30");
  EXPECT_EQ(to_string(AgingBucket::d31_60), "31-60");
  EXPECT_EQ(to_string(AgingBucket::d61_90), "61-90");
  EXPECT_EQ(to_string(AgingBucket::d91_120), "91-120");
  EXPECT_EQ(to_string(AgingBucket::d120_plus), "120+");
}

TEST(AgingBuckets, FromAnAccountsDelinquencyDate) {
  Account a;
  a.first_delinquency = *Date::parse("2026-01-01");
  EXPECT_EQ(a.days_past_due(*Date::parse("2026-03-08")), 66);
  EXPECT_EQ(aging_bucket(a.days_past_due(*Date::parse("2026-03-08"))), AgingBucket::d61_90);
}

Party party(std::string id, PartyRole role) {
  Party p;
  p.id = std::move(id);
  p.role = role;
  return p;
}

TEST(Account, DebtorIsTheFirstPartyWithThatRole) {
  Account a;
  EXPECT_EQ(a.debtor(), nullptr);
  a.parties.push_back(party("p1", PartyRole::co_signer));
  EXPECT_EQ(a.debtor(), nullptr);
  a.parties.push_back(party("p2", PartyRole::debtor));
  a.parties.push_back(party("p3", PartyRole::debtor));
  ASSERT_NE(a.debtor(), nullptr);
  EXPECT_EQ(a.debtor()->id, "p2");
  EXPECT_EQ(a.debtor(), &a.parties[1]);
}

TEST(Portfolio, FindsClientsById) {
  Portfolio p;
  EXPECT_EQ(p.find_client("c1"), nullptr);
  Client c1;
  c1.id = "c1";
  c1.name = "First Bank";
  Client c2;
  c2.id = "c2";
  c2.name = "Second Card Co";
  p.clients = {c1, c2};
  ASSERT_NE(p.find_client("c2"), nullptr);
  EXPECT_EQ(p.find_client("c2")->name, "Second Card Co");
  EXPECT_EQ(p.find_client("c1"), &p.clients[0]);
  EXPECT_EQ(p.find_client("C1"), nullptr);
  EXPECT_EQ(p.find_client(""), nullptr);
}

TEST(Balance, TotalIsItemisedAmountPlusAccrualsLessPaymentsAndCredits) {
  const Currency usd = *Currency::find("USD");
  Balance b;
  b.principal = Money(100000, usd);
  b.interest = Money(1500, usd);
  b.fees = Money(2500, usd);
  b.payments = Money(20000, usd);
  b.credits = Money(1000, usd);
  EXPECT_EQ(b.total(), Money(83000, usd));
}

}  // namespace
}  // namespace parley
