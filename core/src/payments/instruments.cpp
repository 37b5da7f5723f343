// Payment instrument checks (parley/payments/instruments.h): card numbers, expiry and security codes, US bank
// accounts and IBANs.

#include "parley/payments/instruments.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

namespace parley {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }
bool one_repeated_character(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) { return c == s[0]; });
}
std::string last_four_of(std::string_view s) { return std::string(s.substr(s.size() < 4 ? 0 : s.size() - 4)); }

// The number of the first `n` digits of `digits` (n <= 9).
int prefix(std::string_view digits, std::size_t n) {
  int value = 0;
  for (std::size_t i = 0; i < n && i < digits.size(); ++i) value = value * 10 + (digits[i] - '0');
  return value;
}

struct Network {
  CardNetwork network;
  const char* name;
  std::array<int, 7> lengths;  // the lengths it issues; 0 ends the list
};
constexpr Network kNetworks[] = {  // in CardNetwork order
    {CardNetwork::visa, "Visa", {13, 16, 19, 0}},
    {CardNetwork::mastercard, "Mastercard", {16, 0}},
    {CardNetwork::american_express, "American Express", {15, 0}},
    {CardNetwork::discover, "Discover", {16, 17, 18, 19, 0}},
};

// The network whose prefixes `digits` starts with: Visa 4; Mastercard 51-55 and 2221-2720; American Express 34 and
// 37; Discover 6011, 622126-622925, 644-649 and 65.
const Network* network_of(std::string_view digits) {
  const auto find = [](CardNetwork n) { return &kNetworks[static_cast<std::size_t>(n)]; };
  const int two = prefix(digits, 2), three = prefix(digits, 3), four = prefix(digits, 4), six = prefix(digits, 6);
  if (digits[0] == '4') return find(CardNetwork::visa);
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return find(CardNetwork::mastercard);
  if (two == 34 || two == 37) return find(CardNetwork::american_express);
  if (four == 6011 || (six >= 622126 && six <= 622925) || (three >= 644 && three <= 649) || two == 65) {
    return find(CardNetwork::discover);
  }
  return nullptr;
}

std::string lengths_text(const Network& n) {
  std::string out;
  std::size_t count = 0;
  while (count < n.lengths.size() && n.lengths[count] != 0) ++count;
  for (std::size_t i = 0; i < count; ++i) {
    out += (i == 0 ? "" : i + 1 == count ? " or " : ", ") + std::to_string(n.lengths[i]);
  }
  return out;
}

struct IbanCountry {
  char code[3];
  int length;
};
// The SWIFT IBAN registry's lengths, by country code.
constexpr IbanCountry kIbanCountries[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22}, {"BH", 22},
    {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DK", 18}, {"DO", 28},
    {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23},
    {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26},
    {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20},
    {"LV", 21}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NL", 18},
    {"NO", 15}, {"PK", 24}, {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"SA", 24},
    {"SC", 31}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29},
    {"VA", 22}, {"VG", 24}, {"XK", 20},
};

bool is_upper_letter(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

std::string_view to_string(CardNetwork n) {
  switch (n) {
    case CardNetwork::visa: return "visa";
    case CardNetwork::mastercard: return "mastercard";
    case CardNetwork::american_express: return "american-express";
    case CardNetwork::discover: return "discover";
  }
  return "visa";
}

bool luhn_valid(std::string_view digits) {
  if (digits.size() < 2 || !all_digits(digits)) return false;
  int sum = 0;
  bool twice = false;  // every second digit from the right, the check digit's neighbour first
  for (auto c = digits.rbegin(); c != digits.rend(); ++c) {
    int d = *c - '0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

CardNumberCheck check_card_number(std::string_view typed, const std::string& field) {
  CardNumberCheck out;
  const auto refuse = [&](std::string why) {
    out.problems.push_back({field, std::move(why)});
    return out;
  };
  std::string digits;
  for (char c : typed) {
    if (is_digit(c)) {
      digits += c;
    } else if (c != ' ' && c != '-') {
      return refuse("must hold only digits, spaces and dashes");
    }
  }
  if (digits.size() < 13 || digits.size() > 19) {
    return refuse("must have 13 to 19 digits, got " + std::to_string(digits.size()));
  }
  if (digits[0] == '0' || one_repeated_character(digits)) return refuse("is not a number any card network issues");
  const Network* network = network_of(digits);
  if (network == nullptr) {
    return refuse("is not a Visa, Mastercard, American Express or Discover number");
  }
  const bool issued_length = std::find(network->lengths.begin(), network->lengths.end(),
                                       static_cast<int>(digits.size())) != network->lengths.end();
  if (!issued_length) {
    return refuse(std::string(network->name) + " numbers have " + lengths_text(*network) + " digits, got " +
                  std::to_string(digits.size()));
  }
  if (!luhn_valid(digits)) return refuse("its check digit does not match: the number is mistyped");
  out.card = CardNumber{digits, network->network, last_four_of(digits)};
  return out;
}

CardExpiryCheck check_card_expiry(std::string_view typed, Date today, const std::string& field) {
  const std::size_t slash = typed.find('/');
  const std::string_view mm = slash == std::string_view::npos ? typed : typed.substr(0, slash);
  const std::string_view yy = slash == std::string_view::npos ? std::string_view() : typed.substr(slash + 1);
  const auto refuse = [&](std::string why) { return CardExpiryCheck{{{field, std::move(why)}}, std::nullopt}; };
  if (mm.size() != 2 || !all_digits(mm) || (yy.size() != 2 && yy.size() != 4) || !all_digits(yy)) {
    return refuse("must be the month and year on the card, as MM/YY");
  }
  const int month = prefix(mm, 2);
  const int year = yy.size() == 2 ? 2000 + prefix(yy, 2) : prefix(yy, 4);
  if (month < 1 || month > 12) return refuse("the month must be 01 to 12, got " + std::string(mm));
  const int months = year * 12 + month - 1, now = today.year() * 12 + today.month() - 1;
  if (months < now) return refuse("the card expired at the end of " + std::string(typed));
  if (months > now + 20 * 12) return refuse("is more than 20 years ahead: the year is mistyped");
  return {{}, CardExpiry{month, year}};
}

Problems check_card_security_code(std::string_view typed, CardNetwork network, const std::string& field) {
  const std::size_t length = network == CardNetwork::american_express ? 4 : 3;
  if (typed.size() != length || !all_digits(typed)) {
    return {{field, "must be the " + std::to_string(length) + " digits " +
                        (network == CardNetwork::american_express ? "on the front of the card"
                                                                  : "on the back of the card")}};
  }
  return {};
}

bool aba_checksum_valid(std::string_view d) {
  if (d.size() != 9 || !all_digits(d)) return false;
  const auto n = [&](std::size_t i) { return d[i] - '0'; };
  return (3 * (n(0) + n(3) + n(6)) + 7 * (n(1) + n(4) + n(7)) + (n(2) + n(5) + n(8))) % 10 == 0;
}

BankAccountCheck check_us_bank_account(std::string_view routing, std::string_view account, const std::string& field) {
  BankAccountCheck out;
  const std::string routing_field = field + ".routing_number", account_field = field + ".account_number";
  if (routing.size() != 9 || !all_digits(routing)) {
    out.problems.push_back({routing_field, "must be the 9 digits of the bank's routing number"});
  } else {
    // The Federal Reserve's prefixes: 00 (the US government), 01-12 (banks), 21-32 (thrifts), 61-72 (electronic
    // payments), 80 (traveller's cheques).
    const int district = prefix(routing, 2);
    const bool issued = district <= 12 || (district >= 21 && district <= 32) || (district >= 61 && district <= 72) ||
                        district == 80;
    if (!issued || one_repeated_character(routing)) {
      out.problems.push_back({routing_field, "is not a routing number any bank uses"});
    } else if (!aba_checksum_valid(routing)) {
      out.problems.push_back({routing_field, "its check digit does not match: the number is mistyped"});
    }
  }
  if (account.size() < 4 || account.size() > 17 || !all_digits(account)) {
    out.problems.push_back({account_field, "must be the account's 4 to 17 digits"});
  } else if (std::all_of(account.begin(), account.end(), [](char c) { return c == '0'; })) {
    out.problems.push_back({account_field, "is not an account number any bank issues"});
  }
  if (!out.problems.empty()) return out;
  out.account = BankAccount{std::string(routing), std::string(account), last_four_of(account)};
  return out;
}

int iban_length(std::string_view country) {
  for (const IbanCountry& c : kIbanCountries) {
    if (country == c.code) return c.length;
  }
  return 0;
}

IbanCheck check_iban(std::string_view typed, const std::string& field) {
  IbanCheck out;
  const auto refuse = [&](std::string why) {
    out.problems.push_back({field, std::move(why)});
    return out;
  };
  std::string text;
  for (char c : typed) {
    if (c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!is_digit(c) && !is_upper_letter(c)) return refuse("must hold only letters, digits and spaces");
    text += c;
  }
  if (text.size() < 4 || !is_upper_letter(text[0]) || !is_upper_letter(text[1]) || !is_digit(text[2]) ||
      !is_digit(text[3])) {
    return refuse("must start with its country code and two check digits, such as \"GB82\"");
  }
  const std::string country = text.substr(0, 2);
  const int length = iban_length(country);
  if (length == 0) return refuse("the country " + country + " does not use IBANs");
  if (static_cast<int>(text.size()) != length) {
    return refuse("an IBAN of " + country + " has " + std::to_string(length) + " characters, got " +
                  std::to_string(text.size()));
  }
  // ISO 7064 MOD 97-10: the first four characters moved to the end, letters as 10 to 35, remainder 1.
  std::uint32_t remainder = 0;
  const std::string moved = text.substr(4) + text.substr(0, 4);
  for (char c : moved) {
    const auto value = static_cast<std::uint32_t>(is_digit(c) ? c - '0' : c - 'A' + 10);
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
  }
  if (remainder != 1) return refuse("its check digits do not match: the IBAN is mistyped");
  if (one_repeated_character(text.substr(4))) return refuse("is not an account any bank issues");
  out.iban = Iban{text, country, last_four_of(text)};
  return out;
}

}  // namespace parley
