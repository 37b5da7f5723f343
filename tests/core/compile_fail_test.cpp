// Operations that make no sense for money and dates must not compile. Each is stated as a concept checked by
// static_assert, so a header change that lets one through breaks the build of the test suite.
#include <concepts>
#include <cstdint>
#include <type_traits>

#include <gtest/gtest.h>

#include "parley/date.h"
#include "parley/money.h"

namespace parley {
namespace {

template <typename A, typename B>
concept Addable = requires(A a, B b) { a + b; };
template <typename A, typename B>
concept Subtractable = requires(A a, B b) { a - b; };
template <typename A, typename B>
concept Multipliable = requires(A a, B b) { a * b; };
template <typename A, typename B>
concept Divisible = requires(A a, B b) { a / b; };
template <typename A, typename B>
concept Comparable = requires(A a, B b) { a < b; };

// What works, so the negative checks below are known to test the right expressions.
static_assert(Addable<Money, Money>);
static_assert(Subtractable<Money, Money>);
static_assert(Multipliable<Money, std::int64_t>);
static_assert(Multipliable<std::int64_t, Money>);
static_assert(Multipliable<Money, int>);
static_assert(Comparable<Money, Money>);
static_assert(Comparable<Date, Date>);
static_assert(std::same_as<decltype(std::declval<Date>() - std::declval<Date>()), std::int32_t>);
static_assert(std::same_as<decltype(std::declval<Instant>() - std::declval<Instant>()), std::int64_t>);
static_assert(std::same_as<decltype(std::declval<Money>() + std::declval<Money>()), Money>);

// Money with anything but money (or an integer factor).
static_assert(!Addable<Money, Date>);
static_assert(!Addable<Date, Money>);
static_assert(!Addable<Money, std::int64_t>);
static_assert(!Addable<std::int64_t, Money>);
static_assert(!Addable<Money, int>);
static_assert(!Subtractable<Money, std::int64_t>);
static_assert(!Multipliable<Money, Money>);
static_assert(!Multipliable<Money, double>);  // no float factors: amounts stay exact
static_assert(!Multipliable<Money, float>);
static_assert(!Divisible<Money, std::int64_t>);
static_assert(!Divisible<Money, Money>);
static_assert(!Comparable<Money, int>);
static_assert(!Comparable<Money, double>);
static_assert(!std::is_convertible_v<std::int64_t, Money>);
static_assert(!std::is_convertible_v<double, Money>);
static_assert(!std::is_constructible_v<Money, double>);
static_assert(!std::is_convertible_v<Money, std::int64_t>);

// Dates: only a difference of two dates (in days); shifting goes through plus_days / plus_months.
static_assert(!Addable<Date, Date>);
static_assert(!Addable<Date, int>);
static_assert(!Subtractable<Date, int>);
static_assert(!Multipliable<Date, int>);
static_assert(!Subtractable<Date, Instant>);
static_assert(!Comparable<Date, Instant>);
static_assert(!Addable<Instant, Instant>);
static_assert(!std::is_convertible_v<int, Date>);
static_assert(!std::is_constructible_v<Date, int>);
static_assert(!std::is_convertible_v<Date, std::int32_t>);
static_assert(!std::is_convertible_v<std::int64_t, Instant>);

// Currencies come only from the built-in table.
static_assert(!std::is_constructible_v<Currency, int>);
static_assert(!std::is_constructible_v<Currency, const char*>);

// The static_asserts above are the checks; at run time, the operations they allow give the right results.
TEST(CompileFail, AllowedOperationsKeepTheirMeaning) {
  const Currency usd = *Currency::find("USD");
  EXPECT_EQ(Money(250, usd) * 3 + Money(1, usd), Money(751, usd));
  EXPECT_EQ(*Date::parse("2026-03-08") - *Date::parse("2026-02-08"), 28);
  EXPECT_EQ(Instant::from_unix_seconds(90) - Instant::from_unix_seconds(30), 60);
}

}  // namespace
}  // namespace parley
