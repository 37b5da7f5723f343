// Offers on an account: starting points and the acceptance check (see parley/account/offers.h).
#include "parley/account/offers.h"

#include <algorithm>
#include <string>

#include "parley/plans/plan_json.h"
#include "parley/plans/policy_check.h"

namespace parley {

// [SECTION] Starting points -----------------------------------------------------------------------------------

plans::PlanRequest opening_offer(const AccountState& state, const Client& client, Date today) {
  plans::PlanRequest request = plans::opening_request(*state.account, client, today);
  request.balance = state.balance.itemised;
  if (request.plan) request.plan->down_payment = plans::min_down_payment(request.policy, request.balance, request.currency);
  return request;
}

plans::SettlementTerms opening_settlement(const plans::PlanRequest& request, const Calendar* calendar) {
  plans::PlanRequest probe = request;
  plans::SettlementTerms s;
  s.amount = Money(1, request.currency);
  s.payments = 1;
  s.frequency = request.plan ? request.plan->frequency : Frequency::monthly;
  if (!plans::allows_frequency(request.policy, s.frequency) && !request.policy.allowed_frequencies.empty()) {
    s.frequency = request.policy.allowed_frequencies.front();
  }
  s.first_payment = request.today;
  probe.plan.reset();
  // The floor's violation gives the lowest amount a supervisor may approve; the approval then the lowest a
  // collector may agree alone.
  for (int step = 0; step < 2; ++step) {
    probe.settlement = s;
    const plans::QuoteResult result = plans::quote_plan(probe, calendar);
    if (!result.ok()) break;
    const plans::PolicyCheck check = plans::check_policy(probe, *result.quote, calendar);
    std::int64_t raise_to = 0;
    for (const plans::Violation& v : check.violations) {
      if (v.code == plans::FindingCode::settlement_below_floor) raise_to = v.limit;
    }
    for (const plans::Approval& a : check.approvals) {
      if (a.code == plans::FindingCode::settlement_needs_supervisor) raise_to = std::max(raise_to, a.limit);
    }
    if (raise_to <= s.amount.minor()) break;
    s.amount = Money(raise_to, request.currency);
  }
  return s;
}

Money default_affordable_instalment(const AccountState& state) {
  return Money(std::max<std::int64_t>(state.balance.total().minor() / 12, 1), state.account->currency);
}

// [SECTION] Acceptance ----------------------------------------------------------------------------------------

namespace {

void add_prefixed(Problems& out, const Problems& problems, const std::string& prefix) {
  for (const Problem& problem : problems) {
    out.push_back({problem.path.empty() ? prefix : prefix + "." + problem.path, problem.message});
  }
}

}  // namespace

Problems check_offer(const AccountState& state, const PlanAccepted& plan, Instant recorded_at,
                     const CalendarSet& calendars) {
  Problems problems;
  const Account& account = *state.account;
  const plans::RequestLoad load = plans::load_request(plan.request);
  if (!load.request) {
    add_prefixed(problems, load.problems, "payload.request");
    return problems;
  }
  const plans::PlanRequest& request = *load.request;
  if (plans::save_request(request) != plan.request) {
    problems.push_back({"payload.request", "is not in the canonical form that save_request writes"});
  }
  if (request.currency != account.currency) {
    problems.push_back({"payload.request.currency", "is " + std::string(request.currency.code()) + "; account " +
                                                        account.id + " is in " + std::string(account.currency.code())});
  }
  if (request.balance != state.balance.itemised) {
    problems.push_back({"payload.request.balance", "does not match the current balance of account " + account.id});
  }
  if (state.client == nullptr) {
    problems.push_back({"account_id", "the client " + account.client_id + " of account " + account.id +
                                          " is not known, so its policy is unknown"});
  } else if (request.policy != state.client->policy) {
    problems.push_back({"payload.request.policy", "does not match the current policy of client " + state.client->id});
  }
  const std::int64_t days_apart =
      std::int64_t{request.today.days_since_epoch()} - recorded_at.utc_date().days_since_epoch();
  if (days_apart > 1 || days_apart < -1) {
    problems.push_back({"payload.request.today", "is " + request.today.iso() + ", but the offer was recorded on " +
                                                     recorded_at.utc_date().iso()});
  }
  const Calendar* calendar = nullptr;
  if (!request.calendar_id.empty()) {
    const auto found = calendars.find(request.calendar_id);
    if (found == calendars.end()) {
      problems.push_back({"payload.request.calendar", "no holiday calendar " + request.calendar_id + " is loaded"});
    } else {
      calendar = &found->second;
    }
  }
  if (!problems.empty()) return problems;

  const plans::QuoteResult result = plans::quote_plan(request, calendar);
  if (!result.quote) {
    add_prefixed(problems, result.problems, "payload.request");
    return problems;
  }
  const std::string digest = plans::quote_digest(*result.quote);
  if (digest != plan.quote_digest) {
    problems.push_back({"payload.quote_digest", "does not match the quote of the request (" + digest + ")"});
    return problems;
  }
  const plans::PolicyCheck check = plans::check_policy(request, *result.quote, calendar);
  for (const plans::Violation& violation : check.violations) {
    problems.push_back({"payload.request." + violation.path,
                        "policy violation (" + std::string(plans::to_string(violation.code)) + "): " + violation.message});
  }
  for (const plans::Approval& approval : check.approvals) {
    problems.push_back({"payload.request." + approval.path,
                        "needs a supervisor's approval (" + std::string(plans::to_string(approval.code)) +
                            "): " + approval.message});
  }
  return problems;
}

}  // namespace parley
