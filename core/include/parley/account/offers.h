#pragma once
// Payment-plan offers on an account: where the quoter starts from, and whether an offer may be recorded. One
// function each, called by every host: the shell before it records an offer, the server before it stores one.
//
// Index of this file:
// [SECTION] Starting points   the opening plan, the opening settlement, the default affordable instalment
// [SECTION] Acceptance        check_offer, check_referral, check_decision, check_offer_event

#include <string_view>

#include "parley/account/account.h"
#include "parley/account/views.h"
#include "parley/journal/event.h"
#include "parley/plans/plan.h"
#include "parley/problem.h"

namespace parley {

// [SECTION] Starting points -----------------------------------------------------------------------------------

// The offer a collector starts from: plans::opening_request (the smallest down payment the policy accepts, 12
// monthly instalments or the policy's first frequency, fewer when a supervisor would have to approve 12, by bank
// transfer with the fee the client authorises) over the balance now.
plans::PlanRequest opening_offer(const AccountState& state, const Client& client, Date today);

// The settlement a collector starts from for `request`'s balance and policy: one payment today of the lowest
// amount the collector may agree without a supervisor (above the settlement floor and its approval band), at the
// request's frequency when the policy allows it.
plans::SettlementTerms opening_settlement(const plans::PlanRequest& request, const Calendar* calendar);

// The affordable instalment the quoter proposes first: the balance now over 12 instalments, at least one minor unit.
Money default_affordable_instalment(const AccountState& state);

// [SECTION] Acceptance ----------------------------------------------------------------------------------------

// Whether `plan`, recorded at `recorded_at`, may be stored as accepted for the account: its request text loads and
// is canonical (save_request's form), carries the account's currency, the balance now (the fold's itemisation)
// and the client's current policy, is dated within a day of recorded_at, names no holiday calendar missing from
// `calendars`, quotes to the same digest byte for byte, breaks no policy bound, and needs no supervisor's approval
// (a plan that needs one is not accepted by a collector alone). Problems name members of the event
// ("payload.request.balance", "payload.quote_digest").
Problems check_offer(const AccountState& state, const PlanAccepted& plan, Instant recorded_at,
                     const CalendarSet& calendars);

// Whether a plan may be referred to a supervisor: as check_offer, except that it must need a supervisor's approval
// (one that needs none is recorded as PlanAccepted by the collector).
Problems check_referral(const AccountState& state, const ApprovalRequested& referral, Instant recorded_at,
                        const CalendarSet& calendars);

// How long a referral may be approved: an older request no longer stands for what the debtor was offered.
inline constexpr int approval_valid_days = 7;

// Whether a supervisor may record `decision`: a decline always (the fold sets aside one for a request that is not
// pending); an approval only while the request's balance and policy are still the account's, until
// approval_valid_days after the day it was referred, and not after the plan's first payment (its down payment, else
// its first instalment or settlement payment) fell due. Who may decide is check_event's (not the requester).
Problems check_decision(const AccountState& state, const ApprovalDecided& decision, Instant recorded_at);

// check_offer, check_referral or check_decision, by the event's kind; empty for every other kind. Every host calls
// it beside check_event before it records or stores an event.
Problems check_offer_event(const AccountState& state, const Event& event, const CalendarSet& calendars);

}  // namespace parley
