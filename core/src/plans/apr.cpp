// APR by the actuarial method of Regulation Z Appendix J: unit-period counting and the iterative solve.
//
// Index of this file:
// [SECTION] Unit periods
// [SECTION] Solve
#include "parley/plans/apr.h"

#include <cmath>
#include <cstdint>

#include "parley/plans/plan.h"

namespace parley::plans {

// [SECTION] Unit periods --------------------------------------------------------------------------------------
namespace {

// Full months counted back from `to` while staying on or after `from`, and the days left over. Moving back n
// months keeps the day of the month, clamped to the month's length; from the last day of a month it lands on the
// last day of the earlier month, so a month-end schedule (Jan 31, Feb 28, Mar 31) counts whole months. Worked on
// year / month / day numbers so that only one date is converted back to days.
struct Civil {
  int year;
  int month;  // 1..12
  int day;    // 1..31
};

// Year, month and day of a date in one conversion (days since 1970-01-01 through 400-year eras of 146097 days,
// years counted from March so that the leap day ends the year).
Civil civil_of(Date date) {
  const std::int64_t z = static_cast<std::int64_t>(date.days_since_epoch()) + 719468;  // days since 0000-03-01
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;                                   // day of era, 0..146096
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // year of era, 0..399
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);           // day of March-based year
  const std::int64_t mp = (5 * doy + 2) / 153;                                 // March = 0
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return Civil{year, month, day};
}

void months_back(Date from, Date to, int& months, int& days) {
  const Civil a = civil_of(from);
  const Civil b = civil_of(to);
  const int y1 = a.year;
  const int m1 = a.month;
  const int d1 = a.day;
  const int y2 = b.year;
  const int m2 = b.month;
  const int d2 = b.day;
  const bool month_end = d2 == days_in_month(y2, m2);
  const int index2 = y2 * 12 + (m2 - 1);
  int m = index2 - (y1 * 12 + (m1 - 1));  // lands in from's month
  if (m < 0) m = 0;
  auto back = [&](int n, int& y, int& mo, int& d) {
    const int index = index2 - n;
    y = index >= 0 ? index / 12 : -((-index + 11) / 12);
    mo = index - y * 12 + 1;
    const int last = days_in_month(y, mo);
    d = month_end || d2 > last ? last : d2;
  };
  int y = 0;
  int mo = 0;
  int d = 0;
  back(m, y, mo, d);
  if (m > 0 && (y < y1 || (y == y1 && (mo < m1 || (mo == m1 && d < d1))))) {
    --m;  // one month later is past from's month, so on or after `from`
    back(m, y, mo, d);
  }
  months = m;
  // Days from `from` to the landing date: same month, or the month after `from`'s (m was lowered by one).
  if (y == y1 && mo == m1) {
    days = d - d1;
  } else if (m == 0) {
    days = to - from;
  } else {
    days = days_in_month(y1, m1) - d1 + d;  // landed in the month right after from's month
  }
}

}  // namespace

UnitTime unit_time_between(Date from, Date to, Frequency unit) {
  UnitTime t;
  if (to <= from) {
    t.unit_days = unit == Frequency::weekly ? 7 : unit == Frequency::fortnightly ? 14
                  : unit == Frequency::semi_monthly ? 15 : 30;
    return t;
  }
  switch (unit) {
    case Frequency::monthly: {
      months_back(from, to, t.whole, t.frac_days);
      t.unit_days = 30;
      break;
    }
    case Frequency::semi_monthly: {
      int months = 0;
      int days = 0;
      months_back(from, to, months, days);
      const int total = 30 * months + days;  // Appendix J (b)(5)(iv): 30 days a full month, then / 15
      t.whole = total / 15;
      t.frac_days = total % 15;
      t.unit_days = 15;
      break;
    }
    case Frequency::weekly:
    case Frequency::fortnightly: {
      const int unit_days = unit == Frequency::weekly ? 7 : 14;
      const int days = to - from;
      t.whole = days / unit_days;
      t.frac_days = days % unit_days;
      t.unit_days = unit_days;
      break;
    }
  }
  return t;
}

// [SECTION] Solve ---------------------------------------------------------------------------------------------
namespace {

struct Flow {
  double amount;  // minor units
  int whole;      // t
  double frac;    // f
};

// g(i) = sum P / ((1 + f i)(1 + i)^t) - A and its derivative, for flows sorted by t.
void evaluate(const std::vector<Flow>& flows, double advance, double i, double& g, double& dg) {
  double sum = 0.0;
  double dsum = 0.0;
  double power = 1.0;  // (1 + i)^t for the current t
  int t = 0;
  const double base = 1.0 + i;
  for (const Flow& flow : flows) {
    while (t < flow.whole) {
      power *= base;
      ++t;
    }
    const double simple = 1.0 + flow.frac * i;
    const double denom = simple * power;
    const double value = flow.amount / denom;
    sum += value;
    // d/di of P / ((1 + f i)(1 + i)^t) = -value * (f / (1 + f i) + t / (1 + i))
    dsum -= value * (flow.frac / simple + static_cast<double>(flow.whole) / base);
  }
  g = sum - advance;
  dg = dsum;
}

}  // namespace

std::optional<double> actuarial_unit_rate(std::int64_t advance, Date advance_date,
                                          const std::vector<AprPayment>& payments, Frequency unit) {
  if (advance <= 0 || payments.empty()) return std::nullopt;
  std::vector<Flow> flows;
  flows.reserve(payments.size());
  std::int64_t total = 0;
  bool sorted = true;
  for (const AprPayment& p : payments) {
    if (p.amount <= 0 || p.date < advance_date) return std::nullopt;
    total += p.amount;
    const UnitTime t = unit_time_between(advance_date, p.date, unit);
    if (!flows.empty() && t.whole < flows.back().whole) sorted = false;
    flows.push_back(Flow{static_cast<double>(p.amount), t.whole,
                         static_cast<double>(t.frac_days) / static_cast<double>(t.unit_days)});
  }
  if (!sorted) return std::nullopt;  // payments come in date order
  if (total < advance) return std::nullopt;
  if (total == advance) return 0.0;
  const double a = static_cast<double>(advance);
  double i = 0.0;
  double g = 0.0;
  double dg = 0.0;
  evaluate(flows, a, i, g, dg);
  for (int iteration = 0; iteration < 200; ++iteration) {
    if (!(dg < 0.0)) return std::nullopt;  // every payment at the advance date: no rate moves the sum
    const double next = i - g / dg;
    if (!(next > i)) break;  // no further progress in double precision
    double g_next = 0.0;
    double dg_next = 0.0;
    evaluate(flows, a, next, g_next, dg_next);
    if (!(g_next >= 0.0)) {  // rounding stepped past the root: keep the side with g >= 0
      break;
    }
    i = next;
    g = g_next;
    dg = dg_next;
    if (g == 0.0) break;
  }
  if (!(i >= 0.0) || !(i < 1e6)) return std::nullopt;
  return i;
}

std::optional<int> actuarial_apr(std::int64_t advance, Date advance_date, const std::vector<AprPayment>& payments,
                                 Frequency unit) {
  const std::optional<double> i = actuarial_unit_rate(advance, advance_date, payments, unit);
  if (!i) return std::nullopt;
  const double thousandths = *i * static_cast<double>(periods_per_year(unit)) * 100000.0;
  if (!(thousandths < 2.0e9)) return std::nullopt;  // beyond what an int holds: not a rate anyone quotes
  return static_cast<int>(std::floor(thousandths + 0.5));
}

}  // namespace parley::plans
