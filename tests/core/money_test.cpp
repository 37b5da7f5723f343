// Money: currencies, exact arithmetic, display per locale (CLDR), plain decimal text.
#include "parley/money.h"

#include <limits>

#include <gtest/gtest.h>

namespace parley {
namespace {

Currency currency(std::string_view code) {
  auto c = Currency::find(code);
  EXPECT_TRUE(c.has_value()) << code;
  return c.value_or(Currency{});
}

Money usd(std::int64_t cents) { return Money(cents, currency("USD")); }

// UTF-8 of the two spaces French formatting uses.
constexpr const char* kNnbsp = "\u202F";  // NARROW NO-BREAK SPACE, between digit groups
constexpr const char* kNbsp = "\u00A0";   // NO-BREAK SPACE, before the currency symbol

std::string fr(const std::string& pattern) {
  // Test helper: '_' stands for U+202F and '~' for U+00A0, so expectations stay readable.
  std::string out;
  for (char c : pattern) {
    if (c == '_') {
      out += kNnbsp;
    } else if (c == '~') {
      out += kNbsp;
    } else {
      out += c;
    }
  }
  return out;
}

TEST(Currency, FindsSupportedIsoCodesExactly) {
  for (const char* code : {"USD", "GBP", "EUR", "CAD", "AUD", "CHF", "JPY", "NZD", "SEK", "KWD", "XXX"}) {
    auto c = Currency::find(code);
    ASSERT_TRUE(c) << code;
    EXPECT_EQ(c->code(), code);
  }
  EXPECT_FALSE(Currency::find("usd"));
  EXPECT_FALSE(Currency::find("Usd"));
  EXPECT_FALSE(Currency::find("US"));
  EXPECT_FALSE(Currency::find("USDX"));
  EXPECT_FALSE(Currency::find(""));
  EXPECT_FALSE(Currency::find("ZZZ"));
  EXPECT_NE(currency("USD"), currency("CAD"));
}

TEST(Currency, DefaultIsNoCurrency) {
  EXPECT_EQ(Currency{}.code(), "XXX");
  EXPECT_EQ(Currency{}, currency("XXX"));
  EXPECT_EQ(Money{}.currency(), Currency{});
  EXPECT_TRUE(Money{}.is_zero());
}

TEST(Currency, MinorUnits) {
  EXPECT_EQ(currency("USD").minor_digits(), 2);
  EXPECT_EQ(currency("USD").minor_per_major(), 100);
  EXPECT_EQ(currency("EUR").minor_per_major(), 100);
  EXPECT_EQ(currency("JPY").minor_digits(), 0);
  EXPECT_EQ(currency("JPY").minor_per_major(), 1);
  EXPECT_EQ(currency("KWD").minor_digits(), 3);
  EXPECT_EQ(currency("KWD").minor_per_major(), 1000);
  EXPECT_EQ(Currency{}.minor_digits(), 0);
}

TEST(Money, ArithmeticIsExact) {
  EXPECT_EQ(usd(10) + usd(20), usd(30));
  EXPECT_EQ(usd(10) - usd(25), usd(-15));
  EXPECT_EQ(-usd(15), usd(-15));
  EXPECT_EQ(usd(333) * 3, usd(999));
  EXPECT_EQ(4 * usd(25), usd(100));
  Money m = usd(100);
  m += usd(1);
  m -= usd(50);
  EXPECT_EQ(m, usd(51));
  EXPECT_EQ(Money::zero(currency("GBP")), Money(0, currency("GBP")));
  EXPECT_TRUE(usd(-1).is_negative());
  EXPECT_FALSE(usd(0).is_negative());
  EXPECT_TRUE(usd(0).is_zero());
}

TEST(Money, OrdersAmountsOfOneCurrency) {
  EXPECT_LT(usd(-5), usd(0));
  EXPECT_LT(usd(99), usd(100));
  EXPECT_GE(usd(100), usd(100));
  EXPECT_EQ(usd(7) <=> usd(7), std::strong_ordering::equal);
}

TEST(Money, EqualityIncludesTheCurrency) {
  EXPECT_NE(Money(100, currency("USD")), Money(100, currency("CAD")));
}

#if GTEST_HAS_DEATH_TEST
TEST(MoneyDeathTest, MixingCurrenciesStopsTheProgram) {
  const Money a = usd(100);
  const Money b(100, currency("EUR"));
  EXPECT_DEATH((void)(a + b), "contract violated");
  EXPECT_DEATH((void)(a - b), "contract violated");
  EXPECT_DEATH((void)(a < b), "contract violated");
  EXPECT_DEATH((void)(Money{} + a), "contract violated");
}

TEST(MoneyDeathTest, OverflowStopsTheProgram) {
  const Money big = usd(std::numeric_limits<std::int64_t>::max());
  EXPECT_DEATH((void)(big + usd(1)), "overflow");
  EXPECT_DEATH((void)(-big - usd(2)), "overflow");
}
#endif

TEST(Locale, FindsTagsCaseInsensitively) {
  EXPECT_EQ(find_locale("en-US"), Locale::en_US);
  EXPECT_EQ(find_locale("en-GB"), Locale::en_GB);
  EXPECT_EQ(find_locale("fr-FR"), Locale::fr_FR);
  EXPECT_EQ(find_locale("FR-fr"), Locale::fr_FR);
  EXPECT_FALSE(find_locale("en"));
  EXPECT_FALSE(find_locale("en_US"));
  EXPECT_FALSE(find_locale("de-DE"));
  EXPECT_FALSE(find_locale(""));
  for (Locale l : {Locale::en_US, Locale::en_GB, Locale::fr_FR}) EXPECT_EQ(find_locale(locale_tag(l)), l);
  EXPECT_EQ(locale_tag(Locale::fr_FR), "fr-FR");
}

TEST(FormatMoney, EnUs) {
  const auto f = [](std::int64_t minor, const char* code) {
    return format_money(Money(minor, currency(code)), Locale::en_US);
  };
  EXPECT_EQ(f(123456, "USD"), "$1,234.56");
  EXPECT_EQ(f(-123456, "USD"), "-$1,234.56");
  EXPECT_EQ(f(0, "USD"), "$0.00");
  EXPECT_EQ(f(5, "USD"), "$0.05");
  EXPECT_EQ(f(-5, "USD"), "-$0.05");
  EXPECT_EQ(f(50, "USD"), "$0.50");
  EXPECT_EQ(f(100000, "USD"), "$1,000.00");
  EXPECT_EQ(f(99999, "USD"), "$999.99");
  EXPECT_EQ(f(123456789012, "USD"), "$1,234,567,890.12");
  EXPECT_EQ(f(123456, "EUR"), "\u20AC1,234.56");
  EXPECT_EQ(f(123456, "GBP"), "\u00A31,234.56");
  EXPECT_EQ(f(123456, "CAD"), "CA$1,234.56");
  EXPECT_EQ(f(-123456, "CAD"), "-CA$1,234.56");
  EXPECT_EQ(f(123456, "AUD"), "A$1,234.56");
  EXPECT_EQ(f(123456, "CHF"), "CHF\u00A01,234.56");  // CLDR keeps a letter symbol apart from the digits
  EXPECT_EQ(f(-123456, "CHF"), "-CHF\u00A01,234.56");
  EXPECT_EQ(f(1234567, "JPY"), "\u00A51,234,567");
  EXPECT_EQ(f(0, "JPY"), "\u00A50");
  EXPECT_EQ(f(-5, "JPY"), "-\u00A55");
  EXPECT_EQ(f(1234567, "KWD"), "KWD\u00A01,234.567");
}

TEST(FormatMoney, EnGb) {
  const auto f = [](std::int64_t minor, const char* code) {
    return format_money(Money(minor, currency(code)), Locale::en_GB);
  };
  EXPECT_EQ(f(123456, "GBP"), "\u00A31,234.56");
  EXPECT_EQ(f(-123456, "GBP"), "-\u00A31,234.56");
  EXPECT_EQ(f(0, "GBP"), "\u00A30.00");
  EXPECT_EQ(f(5, "GBP"), "\u00A30.05");
  EXPECT_EQ(f(250000000, "GBP"), "\u00A32,500,000.00");
  EXPECT_EQ(f(123456, "USD"), "US$1,234.56");
  EXPECT_EQ(f(123456, "EUR"), "\u20AC1,234.56");
  EXPECT_EQ(f(123456, "CAD"), "CA$1,234.56");
  EXPECT_EQ(f(1234, "JPY"), "JP\u00A51,234");
}

TEST(FormatMoney, FrFr) {
  const auto f = [](std::int64_t minor, const char* code) {
    return format_money(Money(minor, currency(code)), Locale::fr_FR);
  };
  EXPECT_EQ(f(123456, "EUR"), fr("1_234,56~\u20AC"));
  EXPECT_EQ(f(123456, "EUR"), "1\u202F234,56\u00A0\u20AC");  // the same, spelled out
  EXPECT_EQ(f(-123456, "EUR"), fr("-1_234,56~\u20AC"));
  EXPECT_EQ(f(0, "EUR"), fr("0,00~\u20AC"));
  EXPECT_EQ(f(5, "EUR"), fr("0,05~\u20AC"));
  EXPECT_EQ(f(99999, "EUR"), fr("999,99~\u20AC"));
  EXPECT_EQ(f(123456789, "EUR"), fr("1_234_567,89~\u20AC"));
  EXPECT_EQ(f(123456, "USD"), fr("1_234,56~$US"));
  EXPECT_EQ(f(123456, "GBP"), fr("1_234,56~\u00A3GB"));
  EXPECT_EQ(f(123456, "CAD"), fr("1_234,56~$CA"));
  EXPECT_EQ(f(123456, "CHF"), fr("1_234,56~CHF"));
  EXPECT_EQ(f(1234567, "JPY"), fr("1_234_567~JPY"));
}

TEST(FormatMoney, ExtremeAmounts) {
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  const std::int64_t min = std::numeric_limits<std::int64_t>::min();
  EXPECT_EQ(format_money(usd(max), Locale::en_US), "$92,233,720,368,547,758.07");
  EXPECT_EQ(format_money(usd(min), Locale::en_US), "-$92,233,720,368,547,758.08");
  EXPECT_EQ(format_decimal(usd(min)), "-92233720368547758.08");
}

TEST(FormatDecimal, PlainAndStable) {
  EXPECT_EQ(format_decimal(usd(123456)), "1234.56");
  EXPECT_EQ(format_decimal(usd(-5)), "-0.05");
  EXPECT_EQ(format_decimal(usd(0)), "0.00");
  EXPECT_EQ(format_decimal(usd(-100)), "-1.00");
  EXPECT_EQ(format_decimal(usd(123456789012)), "1234567890.12");
  EXPECT_EQ(format_decimal(Money(1234, currency("JPY"))), "1234");
  EXPECT_EQ(format_decimal(Money(-1234, currency("JPY"))), "-1234");
  EXPECT_EQ(format_decimal(Money(1234, currency("KWD"))), "1.234");
  EXPECT_EQ(format_decimal(Money(7, currency("KWD"))), "0.007");
}

TEST(ParseDecimal, ReadsPlainDecimals) {
  const Currency u = currency("USD");
  EXPECT_EQ(parse_decimal("1234.56", u), usd(123456));
  EXPECT_EQ(parse_decimal("-12", u), usd(-1200));
  EXPECT_EQ(parse_decimal("0.5", u), usd(50));
  EXPECT_EQ(parse_decimal("0.05", u), usd(5));
  EXPECT_EQ(parse_decimal("-0.05", u), usd(-5));
  EXPECT_EQ(parse_decimal("0", u), usd(0));
  EXPECT_EQ(parse_decimal("-0", u), usd(0));
  EXPECT_EQ(parse_decimal("007.10", u), usd(710));
  EXPECT_EQ(parse_decimal("92233720368547758.07", u), usd(std::numeric_limits<std::int64_t>::max()));
  EXPECT_EQ(parse_decimal("1234", currency("JPY")), Money(1234, currency("JPY")));
  EXPECT_EQ(parse_decimal("1.234", currency("KWD")), Money(1234, currency("KWD")));
  EXPECT_EQ(parse_decimal("1.2", currency("KWD")), Money(1200, currency("KWD")));
}

TEST(ParseDecimal, RejectsAnythingElse) {
  const Currency u = currency("USD");
  for (const char* bad : {"1.234", "abc", "", "1e5", "--1", "-", ".", ".5", "5.", "+5", " 5", "5 ", "1,234.56",
                          "1 234", "$5", "5$", "0x10", "1.2.3", "-.5", "1.-5", "NaN", "inf",
                          "92233720368547758.08", "99999999999999999999"}) {
    EXPECT_FALSE(parse_decimal(bad, u)) << '"' << bad << '"';
  }
  EXPECT_FALSE(parse_decimal("12.5", currency("JPY")));
  EXPECT_FALSE(parse_decimal("12.0", currency("JPY")));
  EXPECT_FALSE(parse_decimal("1.2345", currency("KWD")));
}

TEST(ParseDecimal, RoundTripsFormatDecimal) {
  for (const char* code : {"USD", "JPY", "KWD"}) {
    const Currency c = currency(code);
    for (std::int64_t v : {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{99}, std::int64_t{-100},
                           std::int64_t{123456789}, std::numeric_limits<std::int64_t>::max(),
                           -std::numeric_limits<std::int64_t>::max()}) {
      EXPECT_EQ(parse_decimal(format_decimal(Money(v, c)), c), Money(v, c)) << code << " " << v;
    }
  }
}

}  // namespace
}  // namespace parley
