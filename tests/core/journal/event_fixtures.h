#pragma once
// Events for the journal tests: one valid event of every kind, and a builder for envelopes.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "parley/journal/event.h"

namespace parley::testdata {

inline Currency usd() { return *Currency::find("USD"); }

inline EventId event_id(std::uint64_t n) { return EventId::from_parts(0x0190f3a1b2c3d4e5ull, n); }

// An event with the given envelope and payload.
inline Event make_event(std::uint64_t id, std::string account, std::string device, std::int64_t at_seconds,
                        std::uint64_t sequence, EventPayload payload) {
  Event e;
  e.id = event_id(id);
  e.account_id = std::move(account);
  e.author = Author{"u-collector-17", std::move(device)};
  e.recorded_at = Instant::from_unix_seconds(at_seconds);
  e.sequence = sequence;
  e.payload = std::move(payload);
  return e;
}

constexpr std::int64_t kMarch8 = 1772976600;  // 2026-03-08T13:30:00Z

// A payment allocated wholly to principal (the allocation must add up to the amount).
inline PaymentPosted payment(Money amount, Date date, PaymentMethod method, std::string receipt = "R-1") {
  const Currency c = amount.currency();
  return PaymentPosted{amount, date, method, BalanceParts{Money::zero(c), Money::zero(c), amount}, std::move(receipt)};
}

// A letter to P-1 at 12 Elm Street, Cambridge, stating a balance of $1,000.00.
inline LetterIssued letter(std::string template_id, std::string locale, std::string digest,
                           std::string party = "P-1") {
  const Currency c = *Currency::find(locale == "fr-FR" ? "EUR" : "USD");
  return LetterIssued{std::move(party),
                      std::move(template_id),
                      "2026-11-01",
                      std::move(locale),
                      "12 Elm Street, Cambridge, MA, 02139, US",
                      *Date::from_ymd(2026, 3, 9),
                      Balance{*Date::from_ymd(2026, 1, 15), Money(100000, c), Money(0, c), Money(0, c), Money(0, c),
                              Money(0, c)},
                      std::move(digest)};
}

inline Phone added_phone() {
  Phone p;
  p.number = "+16175550199";
  p.kind = PhoneKind::mobile;
  p.time_zones = {"America/New_York"};
  p.consent_call = true;
  p.consent_text = true;
  p.provenance = Provenance{"skip-trace:bureau", *Date::from_ymd(2026, 3, 1), std::nullopt, ContactStatus::unverified};
  return p;
}

// One payload of every kind, in EventKind order, with every list and flag set to something other than its default.
inline std::vector<EventPayload> every_payload() {
  return {
      ContactAttempted{"P-1", ContactChannel::phone, "+16175550123", ContactDirection::outbound},
      OutcomeRecorded{event_id(1), ContactOutcome::limited_content_message, true},
      PartyVerified{"P-1", VerificationMethod::portal_login, 3},
      PromiseMade{Money(12500, usd()), *Date::from_ymd(2026, 3, 20)},
      PlanAccepted{R"({"down":5000,"frequency":"monthly","instalments":6})", "sha256:4f2a9c"},
      PaymentPosted{Money(5000, usd()), *Date::from_ymd(2026, 3, 9), PaymentMethod::bank_transfer,
                    BalanceParts{Money(1000, usd()), Money(1500, usd()), Money(2500, usd())}, "R-2026-0042",
                    PaymentInstrument{InstrumentKind::us_bank_account, "6789", "sandbox", "sandbox-tok-7f3a",
                                      "sandbox-ch-0042"}},
      letter("validation-notice", "en-US", "9b1d0e"),
      DisputeOpened{"P-2", "Not my debt \xE2\x80\x94 \"identity theft\"", *Date::from_ymd(2026, 3, 10)},
      CeaseRequested{"P-1", CeaseScope::channels, {ContactChannel::email, ContactChannel::sms}},
      PreferenceSet{"P-1",
                    {InconvenientTime{Weekday::monday, 8 * 60, 10 * 60 + 30},
                     InconvenientTime{Weekday::sunday, 0, 1440}},
                    {ContactChannel::phone}},
      ContactPointUpdated{"P-1", ContactPointKind::phone, "+16175550123", ContactStatus::bad},
      Escalated{EscalationTarget::legal, "promise broken twice"},
      ContactPointAdded{"P-2", added_phone(), 8500},
      ConsentChanged{"P-1", ContactPointKind::phone, "+16175550123", ContactChannel::sms, true},
      PaymentReversed{event_id(106), ReversalReason::charged_back, *Date::from_ymd(2026, 3, 12)},
      BalanceAdjusted{BalancePart::fees, AdjustmentDirection::credit, Money(1500, usd()), *Date::from_ymd(2026, 3, 11),
                      "late fee waived"},
      ComplianceException{event_id(101),
                          {BrokenRule{"us-calling-hours", "12 CFR 1006.6(b)(1)(i)", "It was 22:30 EDT."},
                           BrokenRule{"account-hold", "", "The debtor was reported bankrupt."}}},
      PartyAdded{"P-9", PartyRole::attorney, "Dana", "Whitfield & Cole LLP", "P-1", "attorney-letter"},
      RepresentationChanged{"P-9", true, true},
      ProtectionReported{"P-1", Protection::mental_health_crisis, *Date::from_ymd(2026, 3, 2),
                         *Date::from_ymd(2026, 5, 30), "BS-2026-004417"},
      RecontactJustified{"P-7", "The landlord says the neighbour forwards the debtor's mail"},
      CallbackScheduled{"P-1", *Instant::parse("2026-03-03T23:00:00Z"), "After her shift; wants to talk about a plan"},
      AccountAssigned{"u-collector-17", "moved from the Tuesday desk"},
      ApprovalRequested{R"({"down":0,"frequency":"monthly","instalments":24})", "sha256:9b1e07",
                        "Lost her job in March; 24 months is what she can keep to"},
      ApprovalDecided{event_id(124), true, "Approved: hardship confirmed by the pay stubs she sent"},
      RiskOverridden{RiskTier::low, "Paid every month for years before her illness", *Date::from_ymd(2026, 6, 30)},
  };
}

// Every kind once, on one account, one device, one second apart.
inline std::vector<Event> every_kind_events() {
  std::vector<Event> out;
  std::uint64_t n = 0;
  for (EventPayload& p : every_payload()) {
    ++n;
    out.push_back(make_event(100 + n, "A-0001", "d-laptop-1", kMarch8 + static_cast<std::int64_t>(n), n,
                             std::move(p)));
  }
  return out;
}

}  // namespace parley::testdata
