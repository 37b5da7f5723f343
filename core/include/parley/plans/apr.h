#pragma once
// Annual percentage rate by the actuarial method of Regulation Z, Appendix J (12 CFR 1026), for one advance
// repaid by a series of payments.
//
// Index of this file:
// [SECTION] Unit periods   whole and fractional unit periods between two dates, as Appendix J (b)(5) counts them
// [SECTION] APR            the general equation (b)(8) solved by iteration
//
// The unit period is the payment frequency: month (12 a year), semimonth (24), week (52), two weeks (26).
// Time from the advance to each payment is counted on its own: months back from the payment date (then days,
// over 30) for monthly, where a payment on a month's last day steps back to the last day of earlier months; 30 days a month back plus remaining days, over 15, for semi-monthly; days over 7 or 14
// for weekly and fortnightly. The equation
//     A = sum_k P_k / ((1 + f_k i) (1 + i)^t_k)
// is solved for the unit-period rate i by Newton's method from i = 0 (the function is decreasing and convex, so
// the iterates rise monotonically to the root) until an iteration stops improving, in IEEE double with only
// +, -, x and / (no libm): the same bits on every host. APR = i x unit periods per year, stored in thousandths of
// a percent, rounded half-up.

#include <cstdint>
#include <optional>
#include <vector>

#include "parley/date.h"
#include "parley/portfolio.h"

namespace parley::plans {

// [SECTION] Unit periods --------------------------------------------------------------------------------------

// Time between two dates as whole unit periods plus a fraction frac_days / unit_days.
struct UnitTime {
  int whole = 0;       // full unit periods
  int frac_days = 0;   // remaining days
  int unit_days = 30;  // days of a unit period for the fraction: 30, 15, 7 or 14
  friend bool operator==(const UnitTime&, const UnitTime&) = default;
};

UnitTime unit_time_between(Date from, Date to, Frequency unit);  // from <= to; zero when to <= from

// [SECTION] APR -----------------------------------------------------------------------------------------------

struct AprPayment {
  std::int64_t amount = 0;  // minor units, > 0
  Date date;                // on or after the advance date
};

// The APR in thousandths of a percent of an advance of `advance` minor units on `advance_date`; nullopt when no
// rate solves the equation (advance <= 0, no payments, or payments summing to less than the advance).
std::optional<int> actuarial_apr(std::int64_t advance, Date advance_date, const std::vector<AprPayment>& payments,
                                 Frequency unit);

// The unit-period rate i itself (for tests and reports); nullopt as above.
std::optional<double> actuarial_unit_rate(std::int64_t advance, Date advance_date,
                                          const std::vector<AprPayment>& payments, Frequency unit);

}  // namespace parley::plans
