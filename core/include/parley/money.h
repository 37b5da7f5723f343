#pragma once
// Money: exact amounts in integer minor units of one ISO 4217 currency, and their display per locale.
//
// Index of this file:
// [SECTION] Currency      the currencies Parley knows, with their minor-unit digits
// [SECTION] Money         a signed amount of minor units tagged with its currency
// [SECTION] Locale        the display locales (en-US, en-GB, fr-FR)
// [SECTION] Formatting    "$1,234.56", "£1,234.56", "1 234,56 €"
//
// Amounts are never float or double. Mixing currencies in one operation is a programming error: the
// operators check it and stop the program (core's contract check), because no user input can cause it once
// an import has been validated.

#include <compare>
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley {

// [SECTION] Currency ------------------------------------------------------------------------------------------

class Currency {
 public:
  constexpr Currency() = default;                           // "XXX": ISO 4217's "no currency"
  static std::optional<Currency> find(std::string_view code);  // a supported ISO 4217 code, e.g. "EUR"
  std::string_view code() const;                            // "USD"
  int minor_digits() const;                                 // 2 for USD, 0 for JPY
  std::int64_t minor_per_major() const;                     // 100 for USD, 1 for JPY
  friend bool operator==(Currency, Currency) = default;

 private:
  constexpr explicit Currency(std::uint8_t index) : index_(index) {}
  std::uint8_t index_ = 0;  // into the built-in table; 0 is XXX
};

// [SECTION] Money ---------------------------------------------------------------------------------------------

class Money {
 public:
  constexpr Money() = default;                                          // zero, no currency
  constexpr Money(std::int64_t minor, Currency currency) : minor_(minor), currency_(currency) {}
  static Money zero(Currency c) { return Money(0, c); }

  std::int64_t minor() const { return minor_; }    // amount in minor units (cents)
  Currency currency() const { return currency_; }
  bool is_zero() const { return minor_ == 0; }
  bool is_negative() const { return minor_ < 0; }

  Money operator-() const { return Money(-minor_, currency_); }
  Money& operator+=(Money other);                  // same currency only
  Money& operator-=(Money other);                  // same currency only
  friend Money operator+(Money a, Money b) { return a += b; }
  friend Money operator-(Money a, Money b) { return a -= b; }
  friend Money operator*(Money a, std::int64_t n) { return Money(a.minor_ * n, a.currency_); }
  friend Money operator*(std::int64_t n, Money a) { return a * n; }
  template <std::floating_point F>
  friend Money operator*(Money, F) = delete;  // no floating-point factors: amounts stay exact
  template <std::floating_point F>
  friend Money operator*(F, Money) = delete;  // likewise
  friend bool operator==(Money, Money) = default;
  friend std::strong_ordering operator<=>(Money a, Money b);  // same currency only

 private:
  std::int64_t minor_ = 0;
  Currency currency_{};
};

// [SECTION] Locale --------------------------------------------------------------------------------------------

enum class Locale { en_US, en_GB, fr_FR };
std::optional<Locale> find_locale(std::string_view tag);  // BCP 47 tag: "en-US", "en-GB", "fr-FR"
std::string_view locale_tag(Locale locale);               // "fr-FR"

// [SECTION] Formatting ----------------------------------------------------------------------------------------

// Display form as the locale writes it (UTF-8): en-US "$1,234.56" / "-$1,234.56"; en-GB "£1,234.56";
// fr-FR "1 234,56 €" with U+202F between digit groups and U+00A0 before the symbol.
std::string format_money(Money amount, Locale locale);

// Plain decimal form, no grouping or symbol: "1234.56", "-0.05". Stable: used in files and logs.
std::string format_decimal(Money amount);

// Parses a plain decimal ("1234.56", "-12", "0.5") into minor units of `currency`; nullopt if the text is not
// a number or has more decimals than the currency has minor digits.
std::optional<Money> parse_decimal(std::string_view text, Currency currency);

}  // namespace parley
