// Payment-plan quoting: request checks, due dates, the three interest rules, settlements, totals and APR.
//
// Index of this file:
// [SECTION] Spellings
// [SECTION] Schedule dates and sizes
// [SECTION] Validation
// [SECTION] Instalment amounts    none, simple (add-on) and amortised
// [SECTION] Rows and totals
// [SECTION] API
#include "parley/plans/plan.h"

#include <array>
#include <cstdint>
#include <utility>

#include "arith.h"
#include "json/enum_spelling.h"
#include "parley/plans/apr.h"

namespace parley::plans {

using detail::ceil_div;
using detail::div_half_even;
using detail::div_half_even_wide;
using detail::Wide;

// [SECTION] Spellings -----------------------------------------------------------------------------------------
namespace {

constexpr auto kInterestMethods = json::spellings<InterestMethod>(
    {{InterestMethod::none, "none"}, {InterestMethod::simple, "simple"}, {InterestMethod::amortised, "amortised"}});
constexpr auto kPlanKinds =
    json::spellings<PlanKind>({{PlanKind::instalments, "instalments"}, {PlanKind::settlement, "settlement"}});
constexpr auto kRowKinds = json::spellings<RowKind>(
    {{RowKind::down_payment, "down-payment"}, {RowKind::instalment, "instalment"}, {RowKind::settlement, "settlement"}});
constexpr auto kDayRolls = json::spellings<DayRoll>({{DayRoll::none, "none"},
                                                     {DayRoll::following, "following"},
                                                     {DayRoll::modified_following, "modified-following"},
                                                     {DayRoll::preceding, "preceding"}});

}  // namespace

std::string_view to_string(InterestMethod v) { return kInterestMethods.text(v); }
std::string_view to_string(PlanKind v) { return kPlanKinds.text(v); }
std::string_view to_string(RowKind v) { return kRowKinds.text(v); }
std::string_view to_string(DayRoll v) { return kDayRolls.text(v); }
std::optional<InterestMethod> parse_interest_method(std::string_view s) { return kInterestMethods.parse(s); }
std::optional<PlanKind> parse_plan_kind(std::string_view s) { return kPlanKinds.parse(s); }
std::optional<RowKind> parse_row_kind(std::string_view s) { return kRowKinds.parse(s); }
std::optional<DayRoll> parse_day_roll(std::string_view s) { return kDayRolls.parse(s); }

// [SECTION] Schedule dates and sizes --------------------------------------------------------------------------

int periods_per_year(Frequency frequency) {
  switch (frequency) {
    case Frequency::weekly: return 52;
    case Frequency::fortnightly: return 26;
    case Frequency::semi_monthly: return 24;
    case Frequency::monthly: return 12;
  }
  return 12;
}

Date scheduled_date(Date first, Frequency frequency, int index) {
  switch (frequency) {
    case Frequency::weekly: return first.plus_days(7 * index);
    case Frequency::fortnightly: return first.plus_days(14 * index);
    case Frequency::monthly: return first.plus_months(index);
    case Frequency::semi_monthly: {
      const int d = first.day();
      const Date month_start = first.plus_days(1 - d);
      int offset = 0;
      int day = 0;
      if (d <= 15) {
        offset = index / 2;
        day = index % 2 == 0 ? d : d + 15;
      } else {
        offset = (index + 1) / 2;
        day = index % 2 == 0 ? d : d - 15;
      }
      const Date month = month_start.plus_months(offset);
      const int last = days_in_month(month.year(), month.month());
      return month.plus_days((day < last ? day : last) - 1);
    }
  }
  return first;
}

int term_months(int instalments, Frequency frequency) {
  if (instalments <= 0) return 0;
  return static_cast<int>(ceil_div(static_cast<std::int64_t>(instalments) * 12, periods_per_year(frequency)));
}

int max_instalments_in(int months, Frequency frequency) {
  if (months <= 0) return 0;
  return static_cast<int>(static_cast<std::int64_t>(months) * periods_per_year(frequency) / 12);
}

// [SECTION] Validation ----------------------------------------------------------------------------------------
namespace {

std::string decimal_text(std::int64_t minor, Currency currency) {
  return format_decimal(Money(minor, currency));
}

// Checks one amount: currency, sign, size. Zero amounts of any currency count as zero.
void check_amount(Problems& problems, const std::string& path, Money m, Currency currency) {
  if (m.is_zero()) return;
  if (m.currency() != currency) {
    problems.push_back({path, "must be in " + std::string(currency.code()) + ", not " +
                                  std::string(m.currency().code())});
    return;
  }
  if (m.is_negative()) {
    problems.push_back({path, "must not be negative"});
  } else if (m.minor() > max_plan_amount) {
    problems.push_back({path, "must be at most " + decimal_text(max_plan_amount, currency)});
  }
}

bool amount_ok(Money m, Currency currency) {
  return m.is_zero() || (m.currency() == currency && !m.is_negative() && m.minor() <= max_plan_amount);
}

void check_bp(Problems& problems, const std::string& path, int bp, int max) {
  if (bp < 0 || bp > max) {
    problems.push_back({path, "must be between 0 and " + std::to_string(max) + " basis points"});
  }
}

void check_count(Problems& problems, const std::string& path, int value, int min, int max) {
  if (value < min || value > max) {
    problems.push_back({path, "must be between " + std::to_string(min) + " and " + std::to_string(max)});
  }
}

}  // namespace

Problems validate_request(const PlanRequest& r) {
  Problems problems;
  const Currency cur = r.currency;
  if (cur == Currency{}) problems.push_back({"currency", "must be a currency, not XXX"});

  const Balance& b = r.balance;
  check_amount(problems, "balance.principal", b.principal, cur);
  check_amount(problems, "balance.interest", b.interest, cur);
  check_amount(problems, "balance.fees", b.fees, cur);
  check_amount(problems, "balance.payments", b.payments, cur);
  check_amount(problems, "balance.credits", b.credits, cur);
  const bool balance_ok = amount_ok(b.principal, cur) && amount_ok(b.interest, cur) && amount_ok(b.fees, cur) &&
                          amount_ok(b.payments, cur) && amount_ok(b.credits, cur);
  std::int64_t owed = 0;
  if (balance_ok) {
    owed = b.principal.minor() + b.interest.minor() + b.fees.minor() - b.payments.minor() - b.credits.minor();
    if (owed <= 0) problems.push_back({"balance", "nothing is owed: the balance total must be positive"});
    if (owed > max_plan_amount) {
      problems.push_back({"balance", "must total at most " + decimal_text(max_plan_amount, cur)});
    }
  }

  const Policy& p = r.policy;
  check_count(problems, "policy.max_term_months", p.max_term_months, 0, 1200);
  check_amount(problems, "policy.min_instalment", p.min_instalment, cur);
  check_bp(problems, "policy.min_down_payment_bp", p.min_down_payment_bp, 10000);
  check_bp(problems, "policy.max_interest_rate_bp", p.max_interest_rate_bp, max_rate_bp);
  check_amount(problems, "policy.max_setup_fee", p.max_setup_fee, cur);
  for (std::size_t k = 0; k < p.convenience_fees.size(); ++k) {
    check_amount(problems, "policy.convenience_fees[" + std::to_string(k) + "].max_fee",
                 p.convenience_fees[k].max_fee, cur);
  }
  check_bp(problems, "policy.settlement_floor_bp", p.settlement_floor_bp, 10000);
  check_bp(problems, "policy.collector_below_floor_bp", p.collector_below_floor_bp, 10000);
  check_bp(problems, "policy.supervisor_below_floor_bp", p.supervisor_below_floor_bp, 10000);
  check_count(problems, "policy.max_settlement_payments", p.max_settlement_payments, 0, max_instalments);
  check_count(problems, "policy.supervisor_term_months", p.supervisor_term_months, 0, 1200);

  check_amount(problems, "convenience_fee", r.convenience_fee, cur);

  if (r.plan.has_value() == r.settlement.has_value()) {
    problems.push_back({"", "exactly one of plan and settlement must be given"});
    return problems;
  }
  const std::int32_t latest = max_first_payment_days;
  if (r.plan) {
    const InstalmentTerms& t = *r.plan;
    check_amount(problems, "plan.down_payment", t.down_payment, cur);
    if (balance_ok && owed > 0 && amount_ok(t.down_payment, cur) && t.down_payment.minor() >= owed) {
      problems.push_back({"plan.down_payment", "must be less than the balance of " + decimal_text(owed, cur) +
                                                   ": a payment in full is not a plan"});
    }
    if (t.instalments.has_value() == t.instalment_amount.has_value()) {
      problems.push_back({"plan", "exactly one of instalments and instalment_amount must be given"});
    } else if (t.instalments) {
      check_count(problems, "plan.instalments", *t.instalments, 1, max_instalments);
    } else {
      check_amount(problems, "plan.instalment_amount", *t.instalment_amount, cur);
      if (t.instalment_amount->minor() <= 0 && amount_ok(*t.instalment_amount, cur)) {
        problems.push_back({"plan.instalment_amount", "must be positive"});
      }
    }
    if (t.first_payment <= r.today) {
      problems.push_back({"plan.first_payment", "must be after the quote date " + r.today.iso()});
    } else if (t.first_payment - r.today > latest) {
      problems.push_back({"plan.first_payment", "must be within " + std::to_string(latest) + " days"});
    }
    check_bp(problems, "plan.annual_rate_bp", t.annual_rate_bp, max_rate_bp);
    if (t.interest == InterestMethod::none && t.annual_rate_bp != 0) {
      problems.push_back({"plan.annual_rate_bp", "must be 0 when interest is none"});
    }
    check_amount(problems, "plan.setup_fee", t.setup_fee, cur);
  } else {
    const SettlementTerms& s = *r.settlement;
    check_amount(problems, "settlement.amount", s.amount, cur);
    if (amount_ok(s.amount, cur)) {
      if (s.amount.minor() <= 0) {
        problems.push_back({"settlement.amount", "must be positive"});
      } else if (balance_ok && owed > 0 && s.amount.minor() >= owed) {
        problems.push_back({"settlement.amount", "must be less than the balance of " + decimal_text(owed, cur)});
      }
    }
    check_count(problems, "settlement.payments", s.payments, 1, max_instalments);
    if (s.first_payment < r.today) {
      problems.push_back({"settlement.first_payment", "must not be before the quote date " + r.today.iso()});
    } else if (s.first_payment - r.today > latest) {
      problems.push_back({"settlement.first_payment", "must be within " + std::to_string(latest) + " days"});
    }
  }
  return problems;
}

// [SECTION] Instalment amounts --------------------------------------------------------------------------------
namespace {

// Principal and interest of each instalment, in order.
struct Parts {
  std::vector<std::int64_t> principal;
  std::vector<std::int64_t> interest;
};

// Splits `total` over n payments by the ceil rule (see plan.h); total >= n >= 1.
std::vector<std::int64_t> split_even(std::int64_t total, int n) {
  std::int64_t regular = ceil_div(total, n);
  if (regular * (n - 1) >= total) regular = total / n;
  std::vector<std::int64_t> out(static_cast<std::size_t>(n), regular);
  out.back() = total - regular * (n - 1);
  return out;
}

// Interest parts of add-on interest `interest` spread over `amounts` (summing to `total`) by cumulative share.
std::vector<std::int64_t> spread_interest(const std::vector<std::int64_t>& amounts, std::int64_t total,
                                          std::int64_t interest) {
  std::vector<std::int64_t> out;
  out.reserve(amounts.size());
  std::int64_t cumulative = 0;
  std::int64_t given = 0;
  for (std::int64_t a : amounts) {
    cumulative += a;
    const std::int64_t upto = div_half_even_wide(static_cast<Wide>(interest) * cumulative, total);
    out.push_back(upto - given);
    given = upto;
  }
  return out;
}

class Amortiser {
 public:
  Amortiser(std::int64_t rate_bp, Date today, Date first_payment, Frequency frequency)
      : rate_bp_(rate_bp),
        regular_den_(10000 * static_cast<std::int64_t>(periods_per_year(frequency))),
        today_(today),
        first_payment_(first_payment),
        frequency_(frequency),
        first_(unit_time_between(today, first_payment, frequency)),
        irregular_(frequency == Frequency::monthly || frequency == Frequency::semi_monthly) {
    elapsed_.push_back(static_cast<std::int64_t>(first_.whole) * first_.unit_days + first_.frac_days);
  }

  double unit_rate() const { return static_cast<double>(rate_bp_) / static_cast<double>(regular_den_); }

  // Interest of period k on `balance`. The first period compounds as Appendix J counts it: the fraction first
  // (simple), then each whole unit period on the balance grown so far, each step rounded. Later periods run
  // between due dates, measured on the same clock: one unit period each for weekly and fortnightly plans; for
  // monthly and semi-monthly plans, the difference of the times from the quote date to the two due dates.
  std::int64_t interest(int k, std::int64_t balance) {
    if (k != 0) {
      const std::int64_t length = period_length(k);
      if (length == first_.unit_days) return regular(balance);
      return div_half_even_wide(static_cast<Wide>(balance) * rate_bp_ * length, regular_den_ * first_.unit_days);
    }
    std::int64_t grown = balance;
    if (first_.frac_days > 0) {
      grown += div_half_even_wide(static_cast<Wide>(grown) * rate_bp_ * first_.frac_days,
                                  regular_den_ * first_.unit_days);
    }
    for (int w = 0; w < first_.whole; ++w) {
      grown += regular(grown);
      if (grown > 4 * max_plan_amount) return 4 * max_plan_amount;  // no instalment covers it
    }
    return grown - balance;
  }

  // The final payment (what is left plus its interest) of n level payments of x; -1 when the balance is repaid
  // before the n-th payment; max_plan_amount x 4 or more when the balance grows without bound.
  std::int64_t final_payment(std::int64_t principal, int n, std::int64_t x) {
    std::int64_t balance = principal;
    for (int k = 0; k < n; ++k) {
      const std::int64_t due = balance + interest(k, balance);
      if (k == n - 1) return due;
      if (due <= x) return -1;
      balance = due - x;
      if (balance > 4 * max_plan_amount) return 4 * max_plan_amount;  // x is far too small
    }
    return -1;
  }

  // Whether n level payments of x repay `principal`: the final payment is no larger than x.
  bool repays(std::int64_t principal, int n, std::int64_t x) { return final_payment(principal, n, x) <= x; }

 private:
  std::int64_t regular(std::int64_t balance) const { return div_half_even(balance * rate_bp_, regular_den_); }

  // Length of period k >= 1 in days of the unit period's fraction (unit_days is exactly one unit period).
  std::int64_t period_length(int k) {
    if (!irregular_) return first_.unit_days;
    while (static_cast<int>(elapsed_.size()) <= k) {
      const UnitTime t = unit_time_between(today_, scheduled_date(first_payment_, frequency_,
                                                                  static_cast<int>(elapsed_.size())), frequency_);
      elapsed_.push_back(static_cast<std::int64_t>(t.whole) * t.unit_days + t.frac_days);
    }
    return elapsed_[static_cast<std::size_t>(k)] - elapsed_[static_cast<std::size_t>(k) - 1];
  }

  std::int64_t rate_bp_;
  std::int64_t regular_den_;  // 10000 x periods per year
  Date today_;
  Date first_payment_;
  Frequency frequency_;
  UnitTime first_;                    // the first period, from the quote date to the first due date
  bool irregular_;                    // periods may differ from one unit period
  std::vector<std::int64_t> elapsed_;  // time from the quote date to due date k, in unit_days fractions
};

// (1 + i)^-n by binary powering: plain multiplications, so the same on every host.
double discount(double i, int n) {
  double base = 1.0 / (1.0 + i);
  double result = 1.0;
  for (int e = n; e > 0; e /= 2) {
    if (e % 2 == 1) result *= base;
    base *= base;
  }
  return result;
}

// The level payment of n payments repaying `principal`: the whole amount whose final payment is nearest it.
std::int64_t level_payment(Amortiser& am, std::int64_t principal, int n) {
  // Final payments already simulated, by level payment: the search below asks for a few amounts twice.
  std::array<std::pair<std::int64_t, std::int64_t>, 8> seen{};
  std::size_t seen_count = 0;
  auto final_of = [&](std::int64_t x) {
    for (std::size_t k = 0; k < seen_count; ++k) {
      if (seen[k].first == x) return seen[k].second;
    }
    const std::int64_t f = am.final_payment(principal, n, x);
    seen[seen_count % seen.size()] = {x, f};
    ++seen_count;
    if (seen_count > seen.size()) seen_count = seen.size();
    return f;
  };
  auto repays = [&](std::int64_t x) { return final_of(x) <= x; };

  // A first guess from the annuity formula, then one correction from the final payment it leaves: each cent
  // more on the level payment lowers the final payment by about 1 + ((1 + i)^(n-1) - 1) / i.
  const double i = am.unit_rate();
  const double estimate = i > 0.0 ? static_cast<double>(principal) * i / (1.0 - discount(i, n))
                                   : static_cast<double>(principal) / n;
  const std::int64_t cap = principal + am.interest(0, principal);  // one payment repays everything
  std::int64_t guess = ceil_div(principal, n);
  if (estimate > 1.0 && estimate < static_cast<double>(max_plan_amount) * 2.0) {
    guess = static_cast<std::int64_t>(estimate) + 1;
  }
  if (guess > cap) guess = cap;
  const std::int64_t first_final = final_of(guess);
  if (first_final >= 0 && first_final < 4 * max_plan_amount) {
    const double growth = i > 0.0 ? (1.0 / discount(i, n - 1) - 1.0) / i : static_cast<double>(n - 1);
    const double step = static_cast<double>(first_final - guess) / (1.0 + growth);
    if (step > -1e12 && step < 1e12) {
      const std::int64_t corrected = guess + static_cast<std::int64_t>(step);
      if (corrected >= 1 && corrected <= cap) guess = corrected;
    }
  }

  std::int64_t lo = 0;    // does not repay
  std::int64_t hi = cap;  // repays
  if (repays(guess)) {
    hi = guess;
    for (std::int64_t step = 1;; step *= 2) {
      const std::int64_t candidate = hi - step;
      if (candidate <= 0) break;
      if (!repays(candidate)) {
        lo = candidate;
        break;
      }
      hi = candidate;
    }
  } else {
    lo = guess;
    for (std::int64_t step = 1;; step *= 2) {
      const std::int64_t candidate = lo + step;
      if (candidate >= cap) break;
      if (repays(candidate)) {
        hi = candidate;
        break;
      }
      lo = candidate;
    }
  }
  while (hi - lo > 1) {
    const std::int64_t mid = lo + (hi - lo) / 2;
    if (repays(mid)) {
      hi = mid;
    } else {
      lo = mid;
    }
  }
  // hi is the smallest payment whose final payment is not larger; one cent less gives a larger final payment.
  // Of the two, keep the one whose final payment is nearer the level payment (hi on a tie).
  if (hi > 1) {
    const std::int64_t over = final_of(hi - 1) - (hi - 1);
    const std::int64_t under = hi - final_of(hi);
    if (over < under) return hi - 1;
  }
  return hi;
}

// Rows of level payment x until repaid (or n rows when n > 0). Returns false with a problem when a payment does
// not cover its interest or the schedule runs past max_instalments.
bool amortise(Amortiser& am, std::int64_t principal, std::int64_t x, int n, Parts& parts, Problems& problems,
              const std::string& path, Currency cur) {
  std::int64_t balance = principal;
  for (int k = 0;; ++k) {
    if (k >= max_instalments) {
      problems.push_back({path, "needs more than " + std::to_string(max_instalments) + " instalments"});
      return false;
    }
    const std::int64_t interest = am.interest(k, balance);
    const bool last = (n > 0 && k == n - 1) || balance + interest <= x;
    if (last) {
      parts.principal.push_back(balance);
      parts.interest.push_back(interest);
      return true;
    }
    if (x <= interest) {
      problems.push_back({path, "an instalment must be more than the interest of its period (" +
                                    decimal_text(interest, cur) + (k == 0 ? " for the first period)" : ")")});
      return false;
    }
    parts.principal.push_back(x - interest);
    parts.interest.push_back(interest);
    balance -= x - interest;
  }
}

// Principal and interest of each instalment of a plan; false with problems when the terms cannot be met.
bool instalment_parts(const PlanRequest& r, std::int64_t financed, Parts& parts, Problems& problems) {
  const InstalmentTerms& t = *r.plan;
  const Currency cur = r.currency;
  const int ppy = periods_per_year(t.frequency);
  const std::int64_t rate = t.interest == InterestMethod::none ? 0 : t.annual_rate_bp;
  const bool by_count = t.instalments.has_value();
  const std::string path = by_count ? "plan.instalments" : "plan.instalment_amount";
  const int n_asked = by_count ? *t.instalments : 0;
  const std::int64_t x_asked = by_count ? 0 : t.instalment_amount->minor();

  if (t.interest == InterestMethod::amortised && rate > 0) {
    Amortiser am(rate, r.today, t.first_payment, t.frequency);
    const std::int64_t x = by_count ? level_payment(am, financed, n_asked) : x_asked;
    if (!amortise(am, financed, x, n_asked, parts, problems, path, cur)) return false;
    if (by_count && static_cast<int>(parts.principal.size()) != n_asked) {
      problems.push_back({path, "too many instalments for " + decimal_text(financed, cur)});
      return false;
    }
    return true;
  }

  std::vector<std::int64_t> amounts;
  std::int64_t interest = 0;
  auto add_on = [&](int n) {
    return div_half_even_wide(static_cast<Wide>(financed) * rate * n, 10000 * static_cast<std::int64_t>(ppy));
  };
  if (by_count) {
    interest = add_on(n_asked);
    const std::int64_t total = financed + interest;
    if (total < n_asked) {
      problems.push_back({path, "must be at most " + std::to_string(total) + " for " + decimal_text(total, cur)});
      return false;
    }
    amounts = split_even(total, n_asked);
  } else {
    std::int64_t n = ceil_div(financed, x_asked);
    while (n <= max_instalments && financed + add_on(static_cast<int>(n)) > n * x_asked) ++n;
    if (n > max_instalments) {
      problems.push_back({path, "needs more than " + std::to_string(max_instalments) + " instalments"});
      return false;
    }
    interest = add_on(static_cast<int>(n));
    const std::int64_t total = financed + interest;
    amounts.assign(static_cast<std::size_t>(n), x_asked);
    amounts.back() = total - x_asked * (n - 1);
  }
  const std::int64_t total = financed + interest;
  parts.interest = interest > 0 ? spread_interest(amounts, total, interest)
                                : std::vector<std::int64_t>(amounts.size(), 0);
  parts.principal.resize(amounts.size());
  for (std::size_t k = 0; k < amounts.size(); ++k) parts.principal[k] = amounts[k] - parts.interest[k];
  return true;
}

// [SECTION] Rows and totals -----------------------------------------------------------------------------------

// Due dates: scheduled dates rolled by the calendar, kept strictly increasing and after the quote date.
std::vector<std::pair<Date, Date>> due_dates(const PlanRequest& r, Date first, Frequency frequency, int n,
                                             const Calendar* calendar) {
  std::vector<std::pair<Date, Date>> out;
  out.reserve(static_cast<std::size_t>(n));
  Date previous = r.today;
  bool previous_is_today = true;
  for (int k = 0; k < n; ++k) {
    const Date scheduled = scheduled_date(first, frequency, k);
    Date due = scheduled;
    if (calendar != nullptr && r.day_roll != DayRoll::none) due = roll(*calendar, scheduled, r.day_roll);
    const bool after = previous_is_today && r.settlement ? due >= previous : due > previous;
    if (!after) due = scheduled;
    out.emplace_back(scheduled, due);
    previous = due;
    previous_is_today = false;
  }
  return out;
}

Money m(std::int64_t minor, Currency cur) { return Money(minor, cur); }

// Fills totals from the rows, and the regular / final instalment sizes.
void finish(Quote& q, std::int64_t owed, std::int64_t forgiven, std::int64_t advance) {
  const Currency cur = q.currency;
  std::int64_t down = 0;
  std::int64_t interest = 0;
  std::int64_t fees = 0;
  std::int64_t of_payments = 0;
  std::int64_t paid = 0;
  for (const ScheduleRow& row : q.schedule) {
    interest += row.interest.minor();
    fees += row.fees.minor();
    paid += row.amount.minor();
    if (row.kind == RowKind::down_payment) {
      down += row.principal.minor();
    } else {
      of_payments += row.amount.minor();
    }
  }
  q.totals = QuoteTotals{m(owed, cur),     m(down, cur),         m(advance, cur),
                         m(interest, cur), m(fees, cur),         m(interest + fees, cur),
                         m(of_payments, cur), m(paid, cur),      m(forgiven, cur)};
  const std::size_t first = q.schedule.size() - static_cast<std::size_t>(q.instalments);
  const ScheduleRow& head = q.schedule[first];
  const ScheduleRow& tail = q.schedule.back();
  q.regular_instalment = m(head.principal.minor() + head.interest.minor(), cur);
  q.final_instalment = m(tail.principal.minor() + tail.interest.minor(), cur);
}

bool no_negative_part(const Quote& q) {
  for (const ScheduleRow& row : q.schedule) {
    if (row.amount.is_negative() || row.principal.is_negative() || row.interest.is_negative() ||
        row.fees.is_negative() || row.balance_after.is_negative()) {
      return false;
    }
  }
  return true;
}

std::int64_t owed_of(const Balance& b) {
  return b.principal.minor() + b.interest.minor() + b.fees.minor() - b.payments.minor() - b.credits.minor();
}

QuoteResult quote_instalments(const PlanRequest& r, const Calendar* calendar) {
  QuoteResult result;
  const InstalmentTerms& t = *r.plan;
  const Currency cur = r.currency;
  const std::int64_t owed = owed_of(r.balance);
  const std::int64_t down = t.down_payment.minor();
  const std::int64_t financed = owed - down;
  const std::int64_t fee = r.convenience_fee.minor();
  Parts parts;
  if (!instalment_parts(r, financed, parts, result.problems)) return result;

  Quote q;
  q.kind = PlanKind::instalments;
  q.currency = cur;
  q.quote_date = r.today;
  q.frequency = t.frequency;
  q.method = r.method;
  q.instalments = static_cast<int>(parts.principal.size());
  q.term_months = term_months(q.instalments, t.frequency);
  q.schedule.reserve(parts.principal.size() + 1);
  if (down > 0) {
    q.schedule.push_back(ScheduleRow{0, RowKind::down_payment, r.today, r.today, m(down + fee, cur), m(down, cur),
                                     m(0, cur), m(fee, cur), m(financed, cur)});
  }
  const auto dates = due_dates(r, t.first_payment, t.frequency, q.instalments, calendar);
  std::int64_t balance = financed;
  for (int k = 0; k < q.instalments; ++k) {
    const auto index = static_cast<std::size_t>(k);
    const std::int64_t principal = parts.principal[index];
    const std::int64_t interest = parts.interest[index];
    const std::int64_t fees = fee + (k == 0 ? t.setup_fee.minor() : 0);
    balance -= principal;
    q.schedule.push_back(ScheduleRow{k + 1, RowKind::instalment, dates[index].first, dates[index].second,
                                     m(principal + interest + fees, cur), m(principal, cur), m(interest, cur),
                                     m(fees, cur), m(balance, cur)});
  }
  const std::int64_t advance = financed - (down > 0 ? fee : 0);
  finish(q, owed, 0, advance);
  if (balance != 0 || !no_negative_part(q)) {
    result.problems.push_back({"plan", "the amounts are too small to spread over these instalments"});
    return result;
  }
  std::vector<AprPayment> payments;
  payments.reserve(static_cast<std::size_t>(q.instalments));
  for (const ScheduleRow& row : q.schedule) {
    if (row.kind == RowKind::instalment) payments.push_back(AprPayment{row.amount.minor(), row.due});
  }
  q.apr_thousandths = actuarial_apr(advance, r.today, payments, t.frequency);
  result.quote = std::move(q);
  return result;
}

QuoteResult quote_settlement(const PlanRequest& r, const Calendar* calendar) {
  QuoteResult result;
  const SettlementTerms& s = *r.settlement;
  const Currency cur = r.currency;
  const std::int64_t owed = owed_of(r.balance);
  const std::int64_t amount = s.amount.minor();
  const std::int64_t fee = r.convenience_fee.minor();
  if (amount < s.payments) {
    result.problems.push_back({"settlement.payments", "must be at most " + std::to_string(amount)});
    return result;
  }
  const std::vector<std::int64_t> amounts = split_even(amount, s.payments);
  Quote q;
  q.kind = PlanKind::settlement;
  q.currency = cur;
  q.quote_date = r.today;
  q.frequency = s.frequency;
  q.method = r.method;
  q.instalments = s.payments;
  q.term_months = s.payments > 1 ? term_months(s.payments, s.frequency) : 0;
  const auto dates = due_dates(r, s.first_payment, s.frequency, s.payments, calendar);
  std::int64_t left = amount;
  for (int k = 0; k < s.payments; ++k) {
    const auto index = static_cast<std::size_t>(k);
    left -= amounts[index];
    q.schedule.push_back(ScheduleRow{k + 1, RowKind::settlement, dates[index].first, dates[index].second,
                                     m(amounts[index] + fee, cur), m(amounts[index], cur), m(0, cur), m(fee, cur),
                                     m(left, cur)});
  }
  finish(q, owed, owed - amount, 0);
  result.quote = std::move(q);
  return result;
}

}  // namespace

// [SECTION] API -----------------------------------------------------------------------------------------------

QuoteResult quote_plan(const PlanRequest& request, const Calendar* calendar) {
  QuoteResult result;
  result.problems = validate_request(request);
  if (!result.problems.empty()) return result;
  return request.plan ? quote_instalments(request, calendar) : quote_settlement(request, calendar);
}

}  // namespace parley::plans
