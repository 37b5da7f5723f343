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

// Whether the request's policy is the client's: every term a plan request carries (the grace period of promises to
// pay is not one of them, so a client's grace days never make its offers stale).
bool policy_of_client(const plans::PlanRequest& request, const Client* client) {
  if (client == nullptr) return false;
  Policy carried = client->policy;
  carried.promise_grace_days = request.policy.promise_grace_days;
  return request.policy == carried;
}

// What check_offer and check_referral share: the request loads, is canonical, matches the account, the balance now
// and the policy, and quotes to the digest; then the policy's findings.
struct OfferFacts {
  Problems problems;
  plans::PolicyCheck check;
};

OfferFacts offer_facts(const AccountState& state, const std::string& text, const std::string& quote_digest,
                       Instant recorded_at, const CalendarSet& calendars) {
  OfferFacts out;
  Problems& problems = out.problems;
  const Account& account = *state.account;
  const plans::RequestLoad load = plans::load_request(text);
  if (!load.request) {
    add_prefixed(problems, load.problems, "payload.request");
    return out;
  }
  const plans::PlanRequest& request = *load.request;
  if (plans::save_request(request) != text) {
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
  } else if (!policy_of_client(request, state.client)) {
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
  if (!problems.empty()) return out;

  const plans::QuoteResult result = plans::quote_plan(request, calendar);
  if (!result.quote) {
    add_prefixed(problems, result.problems, "payload.request");
    return out;
  }
  const std::string digest = plans::quote_digest(*result.quote);
  if (digest != quote_digest) {
    problems.push_back({"payload.quote_digest", "does not match the quote of the request (" + digest + ")"});
    return out;
  }
  out.check = plans::check_policy(request, *result.quote, calendar);
  for (const plans::Violation& violation : out.check.violations) {
    problems.push_back({"payload.request." + violation.path,
                        "policy violation (" + std::string(plans::to_string(violation.code)) + "): " + violation.message});
  }
  return out;
}

}  // namespace

Problems check_offer(const AccountState& state, const PlanAccepted& plan, Instant recorded_at,
                     const CalendarSet& calendars) {
  OfferFacts facts = offer_facts(state, plan.request, plan.quote_digest, recorded_at, calendars);
  for (const plans::Approval& approval : facts.check.approvals) {
    facts.problems.push_back({"payload.request." + approval.path,
                              "needs a supervisor's approval (" + std::string(plans::to_string(approval.code)) +
                                  "): " + approval.message});
  }
  return facts.problems;
}

Problems check_referral(const AccountState& state, const ApprovalRequested& referral, Instant recorded_at,
                        const CalendarSet& calendars) {
  OfferFacts facts = offer_facts(state, referral.request, referral.quote_digest, recorded_at, calendars);
  if (facts.problems.empty() && facts.check.approvals.empty()) {
    facts.problems.push_back({"payload.request", "needs no supervisor's approval: the collector records it as "
                                                 "plan-accepted"});
  }
  return facts.problems;
}

Problems check_decision(const AccountState& state, const ApprovalDecided& decision, Instant recorded_at) {
  Problems problems;
  const ApprovalRecord* referral = state.approval(decision.request_id);
  if (!decision.approved || referral == nullptr) return problems;
  const plans::RequestLoad load = plans::load_request(referral->request);
  if (!load.request) {
    add_prefixed(problems, load.problems, "payload.request_id");
    return problems;
  }
  const plans::PlanRequest& request = *load.request;
  const std::string again = ": the collector quotes again and refers the new plan";
  if (request.balance != state.balance.itemised) {
    problems.push_back({"payload.approved", "the balance of account " + state.account->id +
                                                " changed since the request" + again});
  }
  if (!policy_of_client(request, state.client)) {
    problems.push_back({"payload.approved", "the client's policy changed since the request" + again});
  }
  const Date decided = recorded_at.utc_date();
  const Date requested = referral->requested_at.utc_date();
  if (decided > requested.plus_days(approval_valid_days)) {
    problems.push_back({"payload.approved", "the plan was referred on " + requested.iso() + ", more than " +
                                                std::to_string(approval_valid_days) + " days ago" + again});
  }
  // Approved after its first payment fell due, the plan would start out behind (a payment the debtor could not
  // make towards a plan not yet agreed).
  Date first_due = request.today;
  if (request.plan && request.plan->down_payment.minor() == 0) first_due = request.plan->first_payment;
  if (request.settlement) first_due = request.settlement->first_payment;
  if (decided > first_due) {
    problems.push_back({"payload.approved", "the plan's first payment was due on " + first_due.iso() +
                                                ", before this decision" + again});
  }
  return problems;
}

Problems check_offer_event(const AccountState& state, const Event& event, const CalendarSet& calendars) {
  if (const auto* plan = event.get<PlanAccepted>()) return check_offer(state, *plan, event.recorded_at, calendars);
  if (const auto* referral = event.get<ApprovalRequested>()) {
    return check_referral(state, *referral, event.recorded_at, calendars);
  }
  if (const auto* decision = event.get<ApprovalDecided>()) return check_decision(state, *decision, event.recorded_at);
  return {};
}

}  // namespace parley
