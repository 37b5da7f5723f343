#pragma once
// Payment instruments as a collector or a customer types them, checked in core before anything is sent to a
// payment processor: a card's number (the Luhn check digit of ISO/IEC 7812, the network's prefixes and lengths),
// expiry and security code; a US bank account's ABA routing number (its 3-7-1 checksum and the Federal Reserve's
// prefixes) and account number; an IBAN (its country's length and the ISO 13616 mod-97 check). Numbers that pass a
// checksum but that no bank issues (all zeros, one digit repeated, a prefix no network or Federal Reserve district
// uses) are refused too.
//
// Each check returns Problems naming the field it was given ("card.number"), and on success the instrument in its
// canonical form (digits only, or the IBAN upper case without spaces) with the last four characters, the only part
// of a number Parley keeps or shows. Nothing here stores or logs a number.

#include <optional>
#include <string>
#include <string_view>

#include "parley/date.h"
#include "parley/problem.h"

namespace parley {

enum class CardNetwork { visa, mastercard, american_express, discover };  // "visa", "mastercard", ...
std::string_view to_string(CardNetwork);

// A number as typed: digits, with single spaces or dashes between groups allowed.
struct CardNumber {
  std::string digits;     // 13 to 19 digits
  CardNetwork network = CardNetwork::visa;
  std::string last_four;
};
struct CardNumberCheck {
  Problems problems;
  std::optional<CardNumber> card;  // set when problems is empty
};
CardNumberCheck check_card_number(std::string_view typed, const std::string& field = "card.number");

// Whether the digits (only digits, at least two) end in their Luhn check digit.
bool luhn_valid(std::string_view digits);

// A card's expiry as "MM/YY" or "MM/YYYY": valid through the last day of that month, so refused once `today` is
// past it, and refused more than 20 years ahead.
struct CardExpiry {
  int month = 0;  // 1..12
  int year = 0;   // four digits
};
struct CardExpiryCheck {
  Problems problems;
  std::optional<CardExpiry> expiry;
};
CardExpiryCheck check_card_expiry(std::string_view typed, Date today, const std::string& field = "card.expiry");

// The card's security code: four digits for American Express, three for the others.
Problems check_card_security_code(std::string_view typed, CardNetwork network,
                                  const std::string& field = "card.security_code");

// A US bank account: the nine-digit ABA routing number, and the account number (4 to 17 digits, not all zeros).
struct BankAccount {
  std::string routing_number;
  std::string account_number;
  std::string last_four;  // of the account number
};
struct BankAccountCheck {
  Problems problems;
  std::optional<BankAccount> account;
};
BankAccountCheck check_us_bank_account(std::string_view routing, std::string_view account,
                                       const std::string& field = "bank");  // problems at field.routing_number, ...

// Whether nine digits end in their ABA checksum: 3(d1 + d4 + d7) + 7(d2 + d5 + d8) + (d3 + d6 + d9) is a multiple
// of 10.
bool aba_checksum_valid(std::string_view nine_digits);

// An IBAN as typed (spaces allowed, either case): its country's registered length, two check digits, and the
// mod-97 remainder 1 of ISO 13616.
struct Iban {
  std::string text;  // upper case, no spaces: "GB82WEST12345698765432"
  std::string country;
  std::string last_four;
};
struct IbanCheck {
  Problems problems;
  std::optional<Iban> iban;
};
IbanCheck check_iban(std::string_view typed, const std::string& field = "iban");

// The length of an IBAN of the ISO 3166-1 alpha-2 country `country` in the SWIFT IBAN registry, or 0 for a
// country that does not use IBANs.
int iban_length(std::string_view country);

}  // namespace parley
