// Payment instruments checked before anything reaches a processor, against the networks' and banks' published test
// numbers: card numbers (Luhn, prefixes, lengths), expiry and security codes, ABA routing numbers, IBANs.
#include <gtest/gtest.h>

#include <string>

#include "parley/date.h"
#include "parley/payments/instruments.h"

namespace parley {
namespace {

std::string problem_of(const Problems& problems) {
  return problems.empty() ? "" : problems.size() == 1 ? problems[0].text() : "more than one problem";
}

// The processors' published test cards pass, each as its own network, kept as digits with its last four.
TEST(CardNumbers, PublishedTestCardsPassAsTheirNetworks) {
  const struct {
    const char* typed;
    CardNetwork network;
  } cards[] = {
      {"4111 1111 1111 1111", CardNetwork::visa},           {"4012888888881881", CardNetwork::visa},
      {"4222222222222", CardNetwork::visa},                 {"5555-5555-5555-4444", CardNetwork::mastercard},
      {"5105105105105100", CardNetwork::mastercard},        {"2223003122003222", CardNetwork::mastercard},
      {"378282246310005", CardNetwork::american_express},   {"3714 496353 98431", CardNetwork::american_express},
      {"6011111111111117", CardNetwork::discover},          {"6011000990139424", CardNetwork::discover},
  };
  for (const auto& c : cards) {
    const CardNumberCheck check = check_card_number(c.typed);
    ASSERT_TRUE(check.problems.empty()) << c.typed << ": " << problem_of(check.problems);
    EXPECT_EQ(check.card->network, c.network) << c.typed;
    std::string digits;
    for (const char* p = c.typed; *p != '\0'; ++p) {
      if (*p >= '0' && *p <= '9') digits += *p;
    }
    EXPECT_EQ(check.card->digits, digits);
    EXPECT_EQ(check.card->last_four, digits.substr(digits.size() - 4));
  }
}

// A mistyped digit, a number no network issues, a network Parley does not take, the wrong length for the network
// and stray characters are each refused with the field named; nothing is returned.
TEST(CardNumbers, EachWrongNumberIsRefusedWithItsReason) {
  const struct {
    const char* typed;
    const char* problem;
  } wrong[] = {
      {"4111111111111112", "card.number: its check digit does not match: the number is mistyped"},
      {"0000000000000000", "card.number: is not a number any card network issues"},
      {"0000 0000 0000 0", "card.number: is not a number any card network issues"},
      {"3530111333300000", "card.number: is not a Visa, Mastercard, American Express or Discover number"},
      {"41111111111111111", "card.number: Visa numbers have 13, 16 or 19 digits, got 17"},
      {"37828224631000", "card.number: American Express numbers have 15 digits, got 14"},
      {"4111 1111 1111 111a", "card.number: must hold only digits, spaces and dashes"},
      {"411111111111", "card.number: must have 13 to 19 digits, got 12"},
      {"", "card.number: must have 13 to 19 digits, got 0"},
  };
  for (const auto& w : wrong) {
    const CardNumberCheck check = check_card_number(w.typed);
    EXPECT_EQ(problem_of(check.problems), w.problem) << w.typed;
    EXPECT_FALSE(check.card.has_value()) << w.typed;
  }
  EXPECT_EQ(problem_of(check_card_number("4111111111111112", "payment.card").problems),
            "payment.card: its check digit does not match: the number is mistyped");
}

TEST(CardNumbers, LuhnCheckDigit) {
  EXPECT_TRUE(luhn_valid("79927398713"));  // the algorithm's textbook example
  EXPECT_FALSE(luhn_valid("79927398710"));
  EXPECT_FALSE(luhn_valid("7"));
  EXPECT_FALSE(luhn_valid("7992739871x"));
}

// A card is good through the last day of the month printed on it.
TEST(CardNumbers, ExpiryRunsToTheEndOfItsMonth) {
  const Date today = *Date::from_ymd(2026, 12, 31);
  const CardExpiryCheck december = check_card_expiry("12/26", today);
  ASSERT_TRUE(december.problems.empty());
  EXPECT_EQ(december.expiry->month, 12);
  EXPECT_EQ(december.expiry->year, 2026);
  EXPECT_EQ(check_card_expiry("12/2026", today).expiry->year, 2026);
  EXPECT_EQ(problem_of(check_card_expiry("11/26", today).problems),
            "card.expiry: the card expired at the end of 11/26");
  EXPECT_EQ(problem_of(check_card_expiry("13/27", today).problems),
            "card.expiry: the month must be 01 to 12, got 13");
  for (const char* typed : {"1227", "1/27", "12/7", "ab/cd", ""}) {
    EXPECT_EQ(problem_of(check_card_expiry(typed, today).problems),
              "card.expiry: must be the month and year on the card, as MM/YY")
        << typed;
  }
  EXPECT_TRUE(check_card_expiry("12/2046", today).problems.empty());
  EXPECT_EQ(problem_of(check_card_expiry("01/2047", today).problems),
            "card.expiry: is more than 20 years ahead: the year is mistyped");
}

TEST(CardNumbers, SecurityCodeHasTheNetworksLength) {
  EXPECT_EQ(check_card_security_code("123", CardNetwork::visa), Problems{});
  EXPECT_EQ(check_card_security_code("1234", CardNetwork::american_express), Problems{});
  EXPECT_EQ(problem_of(check_card_security_code("1234", CardNetwork::mastercard)),
            "card.security_code: must be the 3 digits on the back of the card");
  EXPECT_EQ(problem_of(check_card_security_code("123", CardNetwork::american_express)),
            "card.security_code: must be the 4 digits on the front of the card");
  EXPECT_EQ(problem_of(check_card_security_code("12a", CardNetwork::discover)),
            "card.security_code: must be the 3 digits on the back of the card");
}

// Routing numbers of Federal Reserve banks and large banks pass; a mistyped digit, a prefix no district uses and all
// zeros do not. The account number is 4 to 17 digits, not all zeros.
TEST(BankAccounts, RoutingNumbersAreCheckedByTheirChecksumAndPrefix) {
  for (const char* routing : {"011000015", "021000021", "121000358", "026009593", "322271627"}) {
    EXPECT_TRUE(aba_checksum_valid(routing)) << routing;
    const BankAccountCheck check = check_us_bank_account(routing, "000123456789");
    ASSERT_TRUE(check.problems.empty()) << routing << ": " << problem_of(check.problems);
    EXPECT_EQ(check.account->routing_number, routing);
    EXPECT_EQ(check.account->last_four, "6789");
  }
  EXPECT_EQ(problem_of(check_us_bank_account("011000016", "12345678").problems),
            "bank.routing_number: its check digit does not match: the number is mistyped");
  EXPECT_EQ(problem_of(check_us_bank_account("000000000", "12345678").problems),
            "bank.routing_number: is not a routing number any bank uses");
  EXPECT_EQ(problem_of(check_us_bank_account("500000005", "12345678").problems),
            "bank.routing_number: is not a routing number any bank uses");
  EXPECT_EQ(problem_of(check_us_bank_account("01100001", "12345678").problems),
            "bank.routing_number: must be the 9 digits of the bank's routing number");
  EXPECT_EQ(problem_of(check_us_bank_account("011000015", "123").problems),
            "bank.account_number: must be the account's 4 to 17 digits");
  EXPECT_EQ(problem_of(check_us_bank_account("011000015", "0000000").problems),
            "bank.account_number: is not an account number any bank issues");
  const BankAccountCheck both = check_us_bank_account("11000015", "12-34", "payment");
  ASSERT_EQ(both.problems.size(), 2u);
  EXPECT_EQ(both.problems[0].path, "payment.routing_number");
  EXPECT_EQ(both.problems[1].path, "payment.account_number");
  EXPECT_FALSE(both.account.has_value());
}

// The registry's example IBANs pass in print form or electronic form, either case; a changed digit, a length that
// is not the country's and a country without IBANs do not.
TEST(Ibans, TheRegistrysExamplesPassAndMistypedOnesDoNot) {
  const IbanCheck gb = check_iban("GB82 WEST 1234 5698 7654 32");
  ASSERT_TRUE(gb.problems.empty()) << problem_of(gb.problems);
  EXPECT_EQ(gb.iban->text, "GB82WEST12345698765432");
  EXPECT_EQ(gb.iban->country, "GB");
  EXPECT_EQ(gb.iban->last_four, "5432");
  for (const char* typed : {"DE89370400440532013000", "fr14 2004 1010 0505 0001 3m02 606", "NL91ABNA0417164300",
                            "BE68539007547034", "ES9121000418450200051332"}) {
    EXPECT_TRUE(check_iban(typed).problems.empty()) << typed << ": " << problem_of(check_iban(typed).problems);
  }
  EXPECT_EQ(problem_of(check_iban("GB82 WEST 1234 5698 7654 33").problems),
            "iban: its check digits do not match: the IBAN is mistyped");
  EXPECT_EQ(problem_of(check_iban("GB28 WEST 1234 5698 7654 32").problems),
            "iban: its check digits do not match: the IBAN is mistyped");
  EXPECT_EQ(problem_of(check_iban("GB82 WEST 1234 5698 7654 3").problems),
            "iban: an IBAN of GB has 22 characters, got 21");
  EXPECT_EQ(problem_of(check_iban("US12 3456 7890").problems), "iban: the country US does not use IBANs");
  EXPECT_EQ(problem_of(check_iban("GB82-WEST").problems), "iban: must hold only letters, digits and spaces");
  EXPECT_EQ(problem_of(check_iban("82GB").problems),
            "iban: must start with its country code and two check digits, such as \"GB82\"");
  EXPECT_EQ(iban_length("FR"), 27);
  EXPECT_EQ(iban_length("US"), 0);
}

}  // namespace
}  // namespace parley
