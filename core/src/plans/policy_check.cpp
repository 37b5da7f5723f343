// The policy check: findings from the request and its quote, then the nearest compliant request.
//
// Index of this file:
// [SECTION] Spellings
// [SECTION] Policy queries  what the policy authorises, and the opening offer
// [SECTION] Bounds        the policy's limits for one request, on integers
// [SECTION] Findings      violations and approvals without alternatives
// [SECTION] Repair        the nearest request that removes every violation
// [SECTION] API
#include "parley/plans/policy_check.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "arith.h"
#include "json/enum_spelling.h"
#include "words.h"

namespace parley::plans {

using detail::share_up;

// [SECTION] Spellings -----------------------------------------------------------------------------------------
namespace {

constexpr auto kFindingCodes =
    json::spellings<FindingCode>({{FindingCode::frequency_not_allowed, "frequency-not-allowed"},
                                  {FindingCode::term_too_long, "term-too-long"},
                                  {FindingCode::instalment_below_minimum, "instalment-below-minimum"},
                                  {FindingCode::down_payment_below_minimum, "down-payment-below-minimum"},
                                  {FindingCode::interest_rate_above_cap, "interest-rate-above-cap"},
                                  {FindingCode::convenience_fee_above_cap, "convenience-fee-above-cap"},
                                  {FindingCode::setup_fee_above_cap, "setup-fee-above-cap"},
                                  {FindingCode::settlement_below_floor, "settlement-below-floor"},
                                  {FindingCode::settlement_too_many_payments, "settlement-too-many-payments"},
                                  {FindingCode::term_needs_supervisor, "term-needs-supervisor"},
                                  {FindingCode::settlement_needs_supervisor, "settlement-needs-supervisor"}});

std::int64_t owed_of(const Balance& b) {
  return b.principal.minor() + b.interest.minor() + b.fees.minor() - b.payments.minor() - b.credits.minor();
}

}  // namespace

std::string_view to_string(FindingCode code) { return kFindingCodes.text(code); }

std::optional<FindingCode> parse_finding_code(std::string_view s) { return kFindingCodes.parse(s); }

// [SECTION] Policy queries ------------------------------------------------------------------------------------

bool allows_frequency(const Policy& policy, Frequency frequency) {
  return std::find(policy.allowed_frequencies.begin(), policy.allowed_frequencies.end(), frequency) !=
         policy.allowed_frequencies.end();
}

bool interest_allowed(const Policy& policy) { return policy.max_interest_rate_bp > 0; }

Money authorised_convenience_fee(const Policy& policy, PaymentMethod method, Currency currency) {
  for (const ConvenienceFee& fee : policy.convenience_fees) {
    if (fee.method == method) return Money(fee.max_fee.minor(), currency);
  }
  return Money::zero(currency);
}

int collector_term_months(const Policy& policy) {
  return policy.supervisor_term_months > 0 ? std::min(policy.max_term_months, policy.supervisor_term_months)
                                           : policy.max_term_months;
}

Money min_down_payment(const Policy& policy, const Balance& balance, Currency currency) {
  return Money(share_up(std::max<std::int64_t>(owed_of(balance), 0), policy.min_down_payment_bp), currency);
}

PlanRequest opening_request(const Account& account, const Client& client, Date today) {
  const Currency currency = account.currency;
  PlanRequest request;
  request.currency = currency;
  request.today = today;
  request.balance = account.balance;
  request.policy = client.policy;
  request.method = PaymentMethod::bank_transfer;
  request.convenience_fee = authorised_convenience_fee(client.policy, request.method, currency);
  InstalmentTerms terms;
  terms.down_payment = min_down_payment(client.policy, request.balance, currency);
  terms.frequency = allows_frequency(client.policy, Frequency::monthly) || client.policy.allowed_frequencies.empty()
                        ? Frequency::monthly
                        : client.policy.allowed_frequencies.front();
  // Twelve instalments, or fewer when a longer plan would need a supervisor (or break the longest term).
  terms.instalments = std::clamp(max_instalments_in(collector_term_months(client.policy), terms.frequency), 1, 12);
  terms.first_payment = today.plus_months(1);
  terms.setup_fee = Money::zero(currency);
  request.plan = terms;
  return request;
}

// [SECTION] Bounds --------------------------------------------------------------------------------------------
namespace {

// The allowed frequency whose period is nearest `f`'s (the first listed on a tie); nullopt when none is allowed.
std::optional<Frequency> nearest_allowed(const Policy& p, Frequency f) {
  std::optional<Frequency> best;
  int best_gap = 0;
  for (Frequency candidate : p.allowed_frequencies) {
    const int gap = std::abs(periods_per_year(candidate) - periods_per_year(f));
    if (!best || gap < best_gap) {
      best = candidate;
      best_gap = gap;
    }
  }
  return best;
}

struct SettlementBounds {
  std::int64_t collector_min;   // lowest a collector may agree alone
  std::int64_t supervisor_min;  // lowest with supervisor approval
};

SettlementBounds settlement_bounds(const Policy& p, std::int64_t owed) {
  const int floor_bp = p.settlement_floor_bp;
  const int collector_bp = std::max(0, floor_bp - p.collector_below_floor_bp);
  const int supervisor_bp = std::max(0, floor_bp - std::max(p.collector_below_floor_bp, p.supervisor_below_floor_bp));
  return SettlementBounds{share_up(owed, collector_bp), share_up(owed, supervisor_bp)};
}

// [SECTION] Findings ------------------------------------------------------------------------------------------

struct Finder {
  const PlanRequest& r;
  const Quote& q;
  Locale locale;
  PolicyCheck out;

  std::string money(std::int64_t minor) const { return format_money(Money(minor, r.currency), locale); }

  std::string words(FindingCode code, const std::string& limit, const std::string& actual) const {
    return detail::fill(detail::words_for(locale).findings[static_cast<std::size_t>(code)],
                        {{"limit", limit}, {"actual", actual}});
  }

  void violation(FindingCode code, std::string path, std::int64_t limit, std::int64_t actual, std::string text) {
    out.violations.push_back(Violation{code, std::move(path), limit, actual, std::move(text), std::nullopt, ""});
  }
  void approval(FindingCode code, std::string path, std::int64_t limit, std::int64_t actual, std::string text) {
    out.approvals.push_back(Approval{code, std::move(path), limit, actual, std::move(text)});
  }

  void frequency(Frequency f, const std::string& path) {
    if (allows_frequency(r.policy, f)) return;
    const std::string name(detail::words_for(locale).frequencies[static_cast<std::size_t>(f)]);
    violation(FindingCode::frequency_not_allowed, path, 0, 0, words(FindingCode::frequency_not_allowed, "", name));
  }

  void convenience_fee() {
    const std::int64_t cap = authorised_convenience_fee(r.policy, r.method, r.currency).minor();
    const std::int64_t fee = r.convenience_fee.minor();
    if (fee > cap) {
      violation(FindingCode::convenience_fee_above_cap, "convenience_fee", cap, fee,
                words(FindingCode::convenience_fee_above_cap, money(cap), money(fee)));
    }
  }

  void instalments() {
    const Policy& p = r.policy;
    const InstalmentTerms& t = *r.plan;
    const std::string size_path = t.instalments ? "plan.instalments" : "plan.instalment_amount";
    frequency(t.frequency, "plan.frequency");
    if (q.term_months > p.max_term_months) {
      violation(FindingCode::term_too_long, size_path, p.max_term_months, q.term_months,
                words(FindingCode::term_too_long, std::to_string(p.max_term_months), std::to_string(q.term_months)));
    } else if (p.supervisor_term_months > 0 && q.term_months > p.supervisor_term_months) {
      approval(FindingCode::term_needs_supervisor, size_path, p.supervisor_term_months, q.term_months,
               words(FindingCode::term_needs_supervisor, std::to_string(p.supervisor_term_months),
                     std::to_string(q.term_months)));
    }
    const std::int64_t minimum = p.min_instalment.minor();
    if (q.instalments > 1 && q.regular_instalment.minor() < minimum) {
      violation(FindingCode::instalment_below_minimum, size_path, minimum, q.regular_instalment.minor(),
                words(FindingCode::instalment_below_minimum, money(minimum), money(q.regular_instalment.minor())));
    }
    const std::int64_t down_min = min_down_payment(p, r.balance, r.currency).minor();
    if (t.down_payment.minor() < down_min) {
      violation(FindingCode::down_payment_below_minimum, "plan.down_payment", down_min, t.down_payment.minor(),
                words(FindingCode::down_payment_below_minimum, money(down_min), money(t.down_payment.minor())));
    }
    if (t.interest != InterestMethod::none && t.annual_rate_bp > p.max_interest_rate_bp) {
      violation(FindingCode::interest_rate_above_cap, "plan.annual_rate_bp", p.max_interest_rate_bp,
                t.annual_rate_bp,
                words(FindingCode::interest_rate_above_cap,
                      rate_text(p.max_interest_rate_bp, RateUnit::basis_points, locale),
                      rate_text(t.annual_rate_bp, RateUnit::basis_points, locale)));
    }
    if (t.setup_fee.minor() > p.max_setup_fee.minor()) {
      violation(FindingCode::setup_fee_above_cap, "plan.setup_fee", p.max_setup_fee.minor(), t.setup_fee.minor(),
                words(FindingCode::setup_fee_above_cap, money(p.max_setup_fee.minor()), money(t.setup_fee.minor())));
    }
    convenience_fee();
  }

  void settlement() {
    const Policy& p = r.policy;
    const SettlementTerms& s = *r.settlement;
    const SettlementBounds bounds = settlement_bounds(p, owed_of(r.balance));
    const std::int64_t amount = s.amount.minor();
    if (amount < bounds.supervisor_min) {
      violation(FindingCode::settlement_below_floor, "settlement.amount", bounds.supervisor_min, amount,
                words(FindingCode::settlement_below_floor, money(bounds.supervisor_min), money(amount)));
    } else if (amount < bounds.collector_min) {
      approval(FindingCode::settlement_needs_supervisor, "settlement.amount", bounds.collector_min, amount,
               words(FindingCode::settlement_needs_supervisor, money(bounds.collector_min), money(amount)));
    }
    if (s.payments > p.max_settlement_payments) {
      violation(FindingCode::settlement_too_many_payments, "settlement.payments", p.max_settlement_payments,
                s.payments,
                words(FindingCode::settlement_too_many_payments, std::to_string(p.max_settlement_payments),
                      std::to_string(s.payments)));
    }
    if (s.payments > 1) frequency(s.frequency, "settlement.frequency");
    convenience_fee();
  }
};

PolicyCheck findings(const PlanRequest& r, const Quote& q, Locale locale) {
  Finder finder{r, q, locale, {}};
  if (r.plan) {
    finder.instalments();
  } else {
    finder.settlement();
  }
  return std::move(finder.out);
}

// [SECTION] Repair --------------------------------------------------------------------------------------------

// How far a repair may go: to what a collector may agree alone (no supervisor's approval needed), or to the
// policy's hard bounds (a supervisor must approve what lies beyond the collector's authority).
enum class Reach { collector, supervisor };

// One pass of fixes in a fixed order: frequency, caps, down payment, then term and minimum instalment (which need
// the quote of the request fixed so far). Returns nullopt when a bound cannot be met.
std::optional<PlanRequest> repair_once(const PlanRequest& r, const Calendar* calendar, Reach reach) {
  PlanRequest a = r;
  const Policy& p = a.policy;
  a.convenience_fee = Money(std::min(a.convenience_fee.minor(), authorised_convenience_fee(p, a.method, a.currency).minor()), a.currency);
  if (a.settlement) {
    SettlementTerms& s = *a.settlement;
    const SettlementBounds bounds = settlement_bounds(p, owed_of(a.balance));
    const std::int64_t lowest = reach == Reach::collector ? bounds.collector_min : bounds.supervisor_min;
    if (s.amount.minor() < lowest) s.amount = Money(lowest, a.currency);
    if (s.payments > p.max_settlement_payments) s.payments = p.max_settlement_payments;
    if (s.payments > 1 && !allows_frequency(p, s.frequency)) {
      const std::optional<Frequency> f = nearest_allowed(p, s.frequency);
      if (!f) return std::nullopt;
      s.frequency = *f;
    }
    return a;
  }
  InstalmentTerms& t = *a.plan;
  if (!allows_frequency(p, t.frequency)) {
    const std::optional<Frequency> f = nearest_allowed(p, t.frequency);
    if (!f) return std::nullopt;
    t.frequency = *f;
  }
  if (t.interest != InterestMethod::none && t.annual_rate_bp > p.max_interest_rate_bp) {
    t.annual_rate_bp = p.max_interest_rate_bp;
    if (t.annual_rate_bp == 0) t.interest = InterestMethod::none;
  }
  if (t.setup_fee.minor() > p.max_setup_fee.minor()) t.setup_fee = Money(p.max_setup_fee.minor(), a.currency);
  const Money down_min = min_down_payment(p, a.balance, a.currency);
  if (t.down_payment.minor() < down_min.minor()) t.down_payment = down_min;

  QuoteResult quoted = quote_plan(a, calendar);
  if (!quoted.quote) return std::nullopt;
  const int longest = reach == Reach::collector ? collector_term_months(p) : p.max_term_months;
  if (quoted.quote->term_months > longest) {
    const int n = max_instalments_in(longest, t.frequency);
    if (n < 1) return std::nullopt;
    t.instalments = n;
    t.instalment_amount.reset();
    quoted = quote_plan(a, calendar);
    if (!quoted.quote) return std::nullopt;
  }
  const std::int64_t minimum = p.min_instalment.minor();
  if (quoted.quote->instalments > 1 && quoted.quote->regular_instalment.minor() < minimum) {
    t.instalments.reset();
    t.instalment_amount = Money(minimum, a.currency);
  }
  return a;
}

}  // namespace

// [SECTION] API -----------------------------------------------------------------------------------------------

std::string rate_text(std::int64_t value, RateUnit unit, Locale locale) {
  return detail::percent_text(value, unit == RateUnit::thousandths ? 3 : 2, locale);
}

std::string apr_text(const Quote& quote, Locale locale) {
  if (quote.kind != PlanKind::instalments || !quote.apr_thousandths) {
    return std::string(detail::words_for(locale).apr_none);
  }
  return rate_text(*quote.apr_thousandths, RateUnit::thousandths, locale);
}

std::string describe_payments(const Quote& q, Locale locale) {
  const detail::Words& w = detail::words_for(locale);
  auto money = [&](Money amount) { return format_money(amount, locale); };
  std::string out;
  for (const ScheduleRow& row : q.schedule) {
    if (row.kind == RowKind::down_payment) out += detail::fill(w.down_then, {{"amount", money(row.principal)}});
  }
  if (q.instalments == 1) {
    const ScheduleRow& last = q.schedule.back();
    out += detail::fill(w.one_payment, {{"amount", money(q.final_instalment)}, {"date", last.due.iso()}});
    return out;
  }
  const std::string frequency(w.frequencies[static_cast<std::size_t>(q.frequency)]);
  if (q.regular_instalment == q.final_instalment) {
    out += detail::fill(w.payments_equal, {{"count", std::to_string(q.instalments)},
                                           {"frequency", frequency},
                                           {"amount", money(q.regular_instalment)}});
  } else {
    out += detail::fill(w.payments_last, {{"count", std::to_string(q.instalments - 1)},
                                          {"frequency", frequency},
                                          {"amount", money(q.regular_instalment)},
                                          {"last", money(q.final_instalment)}});
  }
  return out;
}

PolicyCheck check_policy(const PlanRequest& request, const Quote& quote, const Calendar* calendar, Locale locale) {
  PolicyCheck check = findings(request, quote, locale);
  if (check.violations.empty()) return check;
  // The nearest request a collector may offer alone; failing that, the nearest a supervisor may approve.
  for (const Reach reach : {Reach::collector, Reach::supervisor}) {
    std::optional<PlanRequest> candidate = request;
    for (int pass = 0; pass < 3 && candidate; ++pass) {
      candidate = repair_once(*candidate, calendar, reach);
      if (!candidate) break;
      const QuoteResult quoted = quote_plan(*candidate, calendar);
      if (!quoted.quote) break;
      const PolicyCheck found = findings(*candidate, *quoted.quote, locale);
      if (found.violations.empty() && (reach == Reach::supervisor || found.approvals.empty())) {
        const std::string text = describe_payments(*quoted.quote, locale);
        for (Violation& v : check.violations) {
          v.alternative = candidate;
          v.alternative_text = text;
        }
        return check;
      }
    }
  }
  return check;
}

}  // namespace parley::plans
