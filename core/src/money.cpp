// Money: the built-in currency table, checked arithmetic, and locale display (CLDR conventions).
#include "parley/money.h"

#include <array>
#include <limits>

#include "contract.h"

namespace parley {
namespace {

// One supported currency: its ISO 4217 code, minor-unit digits, and its CLDR symbol in each locale.
struct CurrencyInfo {
  std::string_view code;
  int digits;
  std::string_view symbol_en;     // en (used by en-US)
  std::string_view symbol_en_gb;  // en-GB (inherits en-001: "US$", "JP¥")
  std::string_view symbol_fr;     // fr-FR
};

// Index 0 is XXX, ISO 4217's "no currency": it has no minor unit, so 0 digits, and CLDR's generic sign "¤".
constexpr std::array<CurrencyInfo, 18> kCurrencies{{
    {"XXX", 0, "\u00A4", "\u00A4", "\u00A4"},
    {"USD", 2, "$", "US$", "$US"},
    {"EUR", 2, "\u20AC", "\u20AC", "\u20AC"},
    {"GBP", 2, "\u00A3", "\u00A3", "\u00A3GB"},
    {"CAD", 2, "CA$", "CA$", "$CA"},
    {"AUD", 2, "A$", "A$", "$AU"},
    {"CHF", 2, "CHF", "CHF", "CHF"},
    {"JPY", 0, "\u00A5", "JP\u00A5", "JPY"},
    {"NZD", 2, "NZ$", "NZ$", "$NZ"},
    {"MXN", 2, "MX$", "MX$", "$MX"},
    {"HKD", 2, "HK$", "HK$", "HKD"},
    {"SGD", 2, "SGD", "SGD", "$SG"},
    {"SEK", 2, "SEK", "SEK", "SEK"},
    {"NOK", 2, "NOK", "NOK", "NOK"},
    {"DKK", 2, "DKK", "DKK", "DKK"},
    {"PLN", 2, "PLN", "PLN", "PLN"},
    {"INR", 2, "\u20B9", "\u20B9", "\u20B9"},
    {"KWD", 3, "KWD", "KWD", "KWD"},
}};
static_assert(kCurrencies.size() <= 256, "Currency stores its index in 8 bits");

constexpr std::int64_t kPowersOfTen[] = {1, 10, 100, 1000};

std::string_view symbol_for(const CurrencyInfo& info, Locale locale) {
  switch (locale) {
    case Locale::en_US: return info.symbol_en;
    case Locale::en_GB: return info.symbol_en_gb;
    case Locale::fr_FR: return info.symbol_fr;
  }
  return info.code;
}

// The magnitude of a signed amount, exact even for the most negative value.
std::uint64_t magnitude(std::int64_t v) {
  return v < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

// Decimal digits of n, with `group` inserted between groups of three counted from the right (none if empty).
std::string integer_digits(std::uint64_t n, std::string_view group) {
  std::string reversed;
  int count = 0;
  do {
    if (count > 0 && count % 3 == 0 && !group.empty()) {
      for (auto it = group.rbegin(); it != group.rend(); ++it) reversed.push_back(*it);
    }
    reversed.push_back(static_cast<char>('0' + n % 10));
    n /= 10;
    ++count;
  } while (n != 0);
  return std::string(reversed.rbegin(), reversed.rend());
}

// The unsigned amount: integer part (grouped), then the decimal mark and exactly `digits` fraction digits.
std::string number_text(std::uint64_t mag, int digits, std::string_view group, char decimal_mark) {
  const auto unit = static_cast<std::uint64_t>(kPowersOfTen[digits]);
  std::string out = integer_digits(mag / unit, group);
  if (digits > 0) {
    out.push_back(decimal_mark);
    std::string fraction = integer_digits(mag % unit, {});
    out.append(static_cast<std::size_t>(digits) - fraction.size(), '0');
    out += fraction;
  }
  return out;
}

bool is_ascii_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// The table row of a currency, found by its code.
const CurrencyInfo& info_of(Currency c) {
  const std::string_view code = c.code();
  for (const CurrencyInfo& info : kCurrencies) {
    if (info.code == code) return info;
  }
  return kCurrencies[0];
}

constexpr std::string_view kNoBreakSpace = "\u00A0";
constexpr std::string_view kNarrowNoBreakSpace = "\u202F";

}  // namespace

// [SECTION] Currency ------------------------------------------------------------------------------------------

std::optional<Currency> Currency::find(std::string_view code) {
  for (std::size_t i = 0; i < kCurrencies.size(); ++i) {
    if (kCurrencies[i].code == code) return Currency(static_cast<std::uint8_t>(i));
  }
  return std::nullopt;
}

std::string_view Currency::code() const { return kCurrencies[index_].code; }
int Currency::minor_digits() const { return kCurrencies[index_].digits; }
std::int64_t Currency::minor_per_major() const { return kPowersOfTen[kCurrencies[index_].digits]; }

// [SECTION] Money ---------------------------------------------------------------------------------------------

Money& Money::operator+=(Money other) {
  PARLEY_EXPECTS(currency_ == other.currency_, "Money += Money of another currency");
  PARLEY_EXPECTS(!__builtin_add_overflow(minor_, other.minor_, &minor_), "Money += overflows 64 bits");
  return *this;
}

Money& Money::operator-=(Money other) {
  PARLEY_EXPECTS(currency_ == other.currency_, "Money -= Money of another currency");
  PARLEY_EXPECTS(!__builtin_sub_overflow(minor_, other.minor_, &minor_), "Money -= overflows 64 bits");
  return *this;
}

std::strong_ordering operator<=>(Money a, Money b) {
  PARLEY_EXPECTS(a.currency_ == b.currency_, "Money compared with Money of another currency");
  return a.minor_ <=> b.minor_;
}

// [SECTION] Locale --------------------------------------------------------------------------------------------

std::optional<Locale> find_locale(std::string_view tag) {
  // BCP 47 tags compare case-insensitively: "en-us" is "en-US".
  auto same = [](std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      char x = a[i];
      char y = b[i];
      if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
      if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
      if (x != y) return false;
    }
    return true;
  };
  for (Locale l : {Locale::en_US, Locale::en_GB, Locale::fr_FR}) {
    if (same(tag, locale_tag(l))) return l;
  }
  return std::nullopt;
}

std::string_view locale_tag(Locale locale) {
  switch (locale) {
    case Locale::en_US: return "en-US";
    case Locale::en_GB: return "en-GB";
    case Locale::fr_FR: return "fr-FR";
  }
  return "en-US";
}

// [SECTION] Formatting ----------------------------------------------------------------------------------------

std::string format_money(Money amount, Locale locale) {
  const CurrencyInfo& info = info_of(amount.currency());
  const std::uint64_t mag = magnitude(amount.minor());
  const std::string_view symbol = symbol_for(info, locale);
  std::string out = amount.is_negative() ? "-" : "";
  if (locale == Locale::fr_FR) {
    // CLDR fr: "#,##0.00 ¤" with group U+202F, decimal ",", and U+00A0 before the symbol.
    out += number_text(mag, info.digits, kNarrowNoBreakSpace, ',');
    out += kNoBreakSpace;
    out += symbol;
    return out;
  }
  // CLDR en: "¤#,##0.00"; a symbol ending in a letter ("CHF") is kept apart from the digits by U+00A0.
  out += symbol;
  if (is_ascii_letter(symbol.back())) out += kNoBreakSpace;
  out += number_text(mag, info.digits, ",", '.');
  return out;
}

std::string format_decimal(Money amount) {
  std::string out = amount.is_negative() ? "-" : "";
  out += number_text(magnitude(amount.minor()), amount.currency().minor_digits(), {}, '.');
  return out;
}

std::optional<Money> parse_decimal(std::string_view text, Currency currency) {
  // Grammar: "-"? digit+ ("." digit{1,minor_digits})?
  std::size_t pos = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) ++pos;
  constexpr auto kLimit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  std::uint64_t value = 0;
  auto take_digit = [&value](char c) {
    const auto d = static_cast<std::uint64_t>(c - '0');
    if (value > (kLimit - d) / 10) return false;
    value = value * 10 + d;
    return true;
  };
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  const std::size_t integer_start = pos;
  while (pos < text.size() && is_digit(text[pos])) {
    if (!take_digit(text[pos])) return std::nullopt;
    ++pos;
  }
  if (pos == integer_start) return std::nullopt;
  int fraction_digits = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    while (pos < text.size() && is_digit(text[pos])) {
      if (++fraction_digits > currency.minor_digits() || !take_digit(text[pos])) return std::nullopt;
      ++pos;
    }
    if (fraction_digits == 0) return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  for (int i = fraction_digits; i < currency.minor_digits(); ++i) {
    if (!take_digit('0')) return std::nullopt;
  }
  const auto signed_value = static_cast<std::int64_t>(value);
  return Money(negative ? -signed_value : signed_value, currency);
}

}  // namespace parley
