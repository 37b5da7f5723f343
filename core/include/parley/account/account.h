#pragma once
// The account fold: the one place where an account's state is derived, from its placement and its journal
// events in journal order. The compliance check, the contact workflow, the quoter, the account panel, the server's
// checks and the CLI read AccountState; none of them scans the journal on its own.
//
// Index of this file:
// [SECTION] Balance     what is owed of each part, the itemisation since the itemisation date, the waterfall
// [SECTION] Ledger      payments (with how each was applied and whether it was reversed) and adjustments
// [SECTION] Promises    promises to pay, and their status as of a date
// [SECTION] Plans       accepted plans and the payments counted towards them
// [SECTION] Records     letters, disputes, cease requests, escalations and holds
// [SECTION] Parties     each party's contact points with status, consent and provenance; preferences; verification;
//                       parties added after placement; an attorney's representation
// [SECTION] Attempts    contact attempts (and letters, which are communications too) with their outcome
// [SECTION] State       AccountState
// [SECTION] Fold        placement_state, apply, fold
// [SECTION] Checks      fold_problems (why apply would set an event aside) and check_event (what a host refuses)
//
// The fold is a pure function of the placement and the events: any two replicas holding the same events fold them
// in the same order (comes_before) to the same state, whichever device recorded them and whenever they arrived.
// apply() is exhaustive over event kinds: a new kind that is not folded does not build. An event that cannot be
// folded (an outcome of an unknown attempt, a reversal of a payment the journal lacks) is not applied: it is kept
// in AccountState::set_aside with the reason, never silently dropped.
//
// The state refers to its placement (Account and Client) by pointer: they must outlive it. Everything else it
// holds is its own, so a state can be copied and kept after the journal changes.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parley/date.h"
#include "parley/journal/event.h"
#include "parley/journal/journal.h"
#include "parley/location.h"
#include "parley/money.h"
#include "parley/portfolio.h"
#include "parley/problem.h"

namespace parley {

// [SECTION] Balance -------------------------------------------------------------------------------------------

// Divides `amount` over what is owed in `waterfall` order (fees, then interest, then principal by default): each
// part takes as much as is owed of it before the next takes any. What is left when everything is paid is
// `unapplied` (set when not null).
BalanceParts allocate(const BalanceParts& owed, Money amount, std::span<const BalancePart> waterfall,
                      Money* unapplied = nullptr);

struct BalanceState {
  Balance itemised;    // the placement's itemisation, plus interest and fees charged, payments and credits since
  BalanceParts owed;   // what is owed of each part now; never negative
  Money overpaid;      // paid beyond the whole balance (owed back to the payer); zero or more
  // Always: itemised.total() == owed.total() - overpaid.
  Money total() const { return itemised.total(); }  // the balance now
  friend bool operator==(const BalanceState&, const BalanceState&) = default;
};

// [SECTION] Ledger --------------------------------------------------------------------------------------------

struct PaymentRecord {
  EventId id;
  Instant recorded_at;
  Date date;                        // the day it was made
  Money amount;
  PaymentMethod method = PaymentMethod::card;
  std::string receipt;
  BalanceParts recorded;            // the allocation the event gives
  BalanceParts applied;             // what it took off each part: the recorded allocation, except where a part
                                    // was already paid (two devices posting at once), whose share went on down
                                    // the waterfall
  Money unapplied;                  // beyond the whole balance
  std::optional<EventId> reversed_by;          // the PaymentReversed event, once reversed
  std::optional<ReversalReason> reversal_reason;
  std::optional<Date> reversed_on;
  std::optional<PaymentInstrument> instrument = std::nullopt;  // taken through a processor: never its number
  std::string credited_to = {};     // the collector it counts for: the account's desk when it was posted, else
                                    // the user who took it through a processor (instrument); else empty: nobody's
  bool reversed() const { return reversed_by.has_value(); }
  friend bool operator==(const PaymentRecord&, const PaymentRecord&) = default;
};

struct AdjustmentRecord {
  EventId id;
  Instant recorded_at;
  BalanceAdjusted adjustment;
  BalanceParts applied;  // charge: the amount on its part; credit: what it took off each part (a credit larger
                         // than its part, folded from two devices at once, goes on down the waterfall)
  Money unapplied;       // credit beyond the whole balance
  friend bool operator==(const AdjustmentRecord&, const AdjustmentRecord&) = default;
};

// [SECTION] Promises ------------------------------------------------------------------------------------------

// A payment counted towards a promise or a plan.
struct CountedPayment {
  EventId payment;
  Date date;
  Money amount;  // the part of the payment counted
  friend bool operator==(const CountedPayment&, const CountedPayment&) = default;
};

enum class PromiseStatus { open, kept, broken };  // "open", "kept", "broken"
std::string_view to_string(PromiseStatus);

// A payment counts towards the earliest-due promise not yet fully paid that was made on or before the payment's
// date and whose due date plus the grace period is on or after it. A reversed payment stops counting.
struct PromiseRecord {
  EventId id;
  Instant made_at;
  Date made_on;                           // made_at's UTC date
  Money amount;
  Date due;
  std::vector<CountedPayment> payments;  // counted towards it, in journal order
  std::string made_by = {};               // the user who recorded it
  friend bool operator==(const PromiseRecord&, const PromiseRecord&) = default;
};

// As of `as_of`: kept once payments dated on or before as_of cover the amount; broken when not kept and as_of is
// more than `grace_days` after the due date; open otherwise.
PromiseStatus promise_status(const PromiseRecord& promise, Date as_of, int grace_days);
Money promise_paid(const PromiseRecord& promise, Date as_of);  // payments counted, dated on or before as_of

// [SECTION] Plans ---------------------------------------------------------------------------------------------

// An accepted plan. Payments dated on or after its acceptance day count towards the current plan (the latest
// accepted); a later plan supersedes it. The schedule comes from re-quoting `request` (see parley/account/views.h).
struct PlanRecord {
  EventId id;
  Instant accepted_at;
  Date accepted_on;                        // accepted_at's UTC date
  std::string request;                     // the canonical plan request JSON, as the event carries it
  std::string quote_digest;
  std::optional<EventId> superseded_by;    // the later PlanAccepted that replaced it
  std::vector<CountedPayment> payments;   // counted towards it, in journal order
  friend bool operator==(const PlanRecord&, const PlanRecord&) = default;
};

// [SECTION] Records -------------------------------------------------------------------------------------------

struct LetterRecord {
  EventId id;
  std::uint32_t position = 0;  // its place among the account's folded events (0 first): the journal order
  Instant issued_at;
  LetterIssued letter;
  friend bool operator==(const LetterRecord&, const LetterRecord&) = default;
};

struct DisputeRecord {
  EventId id;
  std::uint32_t position = 0;  // its place among the account's folded events
  Instant recorded_at;
  std::uint32_t party = 0;  // index into AccountState::parties
  std::string reason;
  Date received;
  DisputeSubject subject = DisputeSubject::debt;  // the debt disputed, or the original creditor's name asked for
  std::optional<ContactChannel> via = std::nullopt;  // how it reached the agency; nullopt: not recorded
  bool written() const { return !via || in_writing(*via); }  // in writing, or not recorded (read as in writing)
  friend bool operator==(const DisputeRecord&, const DisputeRecord&) = default;
};

struct CeaseRecord {
  EventId id;
  Instant recorded_at;
  std::uint32_t party = 0;
  CeaseScope scope = CeaseScope::all;
  std::vector<ContactChannel> channels;  // scope channels: the channels stopped
  std::optional<ContactChannel> via = std::nullopt;  // how it reached the agency; nullopt: not recorded
  bool verified = false;                 // said on a call or visit in which the party had passed verification: the
                                         // party's latest verification is at or after the start of its latest attempt
  bool stops(ContactChannel channel) const;
  bool written() const { return !via || in_writing(*via); }  // in writing, or not recorded (read as in writing)
  friend bool operator==(const CeaseRecord&, const CeaseRecord&) = default;
};

struct EscalationRecord {
  EventId id;
  Instant recorded_at;
  EscalationTarget to = EscalationTarget::hard_collections;
  std::string reason;
  friend bool operator==(const EscalationRecord&, const EscalationRecord&) = default;
};

// What stops collection: a party reported bankrupt or deceased (from the outcome of an attempt on that party), or
// the account escalated to legal or returned to the client. An escalation to hard collections moves the account to
// another desk and stops nothing.
enum class HoldKind { bankruptcy, deceased, legal, returned_to_client };  // "bankruptcy", ..., "returned-to-client"
std::string_view to_string(HoldKind);

inline constexpr std::uint32_t whole_account = 0xFFFFFFFF;  // Hold::party of a hold on the account

struct Hold {
  HoldKind kind = HoldKind::legal;
  std::uint32_t party = whole_account;  // the party held (bankruptcy, deceased), or whole_account
  EventId event;                        // the OutcomeRecorded or Escalated event that placed it
  Instant since;
  friend bool operator==(const Hold&, const Hold&) = default;
};

// A protection from collection reported for a party (ProtectionReported): the latest notice for the party and the
// protection.
struct ProtectionRecord {
  EventId id;                  // the latest ProtectionReported for the pair
  Instant recorded_at;
  std::uint32_t party = 0;     // index into AccountState::parties
  Protection protection = Protection::breathing_space;
  Date starts;
  std::optional<Date> ends;    // nullopt: until a later notice ends it
  std::string reference;
  // Whether it protects the party at `at` somewhere on Earth: from the first instant `starts` has begun anywhere
  // (UTC+14) to the last instant `ends` lasts anywhere (UTC-12), so no place the party may be sees it lifted early.
  bool in_force(Instant at) const;
  // The first instant it protects no one anywhere: `ends`'s day over at UTC-12; nullopt without `ends`.
  std::optional<Instant> lifted_at() const;
  friend bool operator==(const ProtectionRecord&, const ProtectionRecord&) = default;
};

// A collector's reason to contact a third party once more about the consumer's location (RecontactJustified).
struct RecontactRecord {
  EventId id;
  Instant recorded_at;          // from then, one more location contact with the person is open
  std::uint32_t party = 0;      // index into AccountState::parties: a third party
  std::string reason;
  std::size_t attempts_before = 0;  // AttemptRecords folded before it (journal order): it answers those
  friend bool operator==(const RecontactRecord&, const RecontactRecord&) = default;
};

// A callback agreed with a party (CallbackScheduled): open until a phone contact answers it or a later callback
// replaces it.
struct CallbackRecord {
  EventId id;
  Instant recorded_at;
  std::uint32_t party = 0;              // index into AccountState::parties
  Instant at;                           // when to call
  std::string note;
  std::optional<EventId> answered_by = std::nullopt;  // the first phone ContactAttempted folded after it, at or
                                                      // after `at` less callback_early_seconds
  std::optional<EventId> replaced_by = std::nullopt;  // the later CallbackScheduled folded while it was open
  bool open() const { return !answered_by && !replaced_by; }
  friend bool operator==(const CallbackRecord&, const CallbackRecord&) = default;
};

// A compliance exception the server noted on one of the account's events.
struct ExceptionRecord {
  EventId id;
  Instant recorded_at;
  ComplianceException exception;
  friend bool operator==(const ExceptionRecord&, const ExceptionRecord&) = default;
};

// [SECTION] Parties -------------------------------------------------------------------------------------------

// One contact point of a party: from the placement or added since (ContactPointAdded), with what the journal
// changed of it (status, consent).
struct PointRecord {
  ContactPointKind kind = ContactPointKind::phone;
  const Address* address = nullptr;  // the point's data (the one matching kind); points into the placement or into
  const Phone* phone = nullptr;      // `added`
  const Email* email = nullptr;
  std::shared_ptr<const ContactPointAdded> added;  // the event's payload, for points added after placement
  ContactStatus status = ContactStatus::unverified;
  bool consent_call = false;   // phone: calls
  bool consent_text = false;   // phone: text messages
  bool consent_email = false;  // email
  bool consent_mail = false;   // address: letters
  bool email_consent_from_party = false;  // email: the latest consent-changed gave it (the party's own word, not
                                          // the placement's)
  std::uint8_t jurisdiction = 0;          // address: jurisdiction_code() of it, found when folded
  std::optional<Instant> changed_at;  // the last ContactPointUpdated or ConsentChanged applied
  PointZones zones;                   // address, phone: the zones it places the party in, found when folded

  const Provenance& provenance() const;
  std::string key() const;                     // what events name it by: number, email address, address_key()
  bool consent(ContactChannel channel) const;  // the flag of that channel; false for a channel of another kind
  bool usable() const { return status == ContactStatus::current || status == ContactStatus::unverified; }
};

struct PartyRecord {
  const Party* party = nullptr;      // the placement's party, or `added`'s
  std::shared_ptr<const Party> added;  // a party added after placement (PartyAdded): its names and role
  std::optional<std::uint32_t> represents;  // an attorney: the party it represents (a placement's attorney: the
                                            // debtor)
  bool representation_ended = false;        // an attorney: the latest RepresentationChanged says it ended
  bool direct_contact = false;              // an attorney: ... says it consents to direct communication
  std::vector<PointRecord> points;   // addresses, phones and emails of the placement, then those added, in order
  std::optional<PreferenceSet> preferences;  // the latest PreferenceSet
  std::optional<Instant> verified_at;        // the latest PartyVerified

  // The point of `kind` named `key` (number, email address or address_key()), or null.
  const PointRecord* find(ContactPointKind kind, std::string_view key) const;
  std::optional<std::uint32_t> index_of(ContactPointKind kind, std::string_view key) const;
};

// The party's points `channel` reaches (phones for calls and texts, emails, addresses for letters), in order,
// leaving out those marked bad or wrong-number. A point without the channel's consent is listed: check() says why
// it may not be used.
std::vector<const PointRecord*> reachable_points(const PartyRecord& party, ContactChannel channel);

// [SECTION] Attempts ------------------------------------------------------------------------------------------

// A communication or attempt at one: a ContactAttempted, or a LetterIssued (channel letter, outbound).
struct AttemptRecord {
  EventId id;
  Instant at;
  ContactChannel channel = ContactChannel::phone;
  ContactDirection direction = ContactDirection::outbound;
  std::uint32_t party = 0;               // index into AccountState::parties
  std::optional<std::uint32_t> point;    // index into that party's points; nullopt in person or when the point is
                                         // not one of the party's
  std::optional<ContactOutcome> outcome; // the latest OutcomeRecorded for it
  bool conversation = false;             // the latest outcome says a telephone conversation took place
  int outcomes = 0;                      // OutcomeRecorded events folded for it
  bool letter = false;                   // from a LetterIssued
  friend bool operator==(const AttemptRecord&, const AttemptRecord&) = default;
};

// [SECTION] State ---------------------------------------------------------------------------------------------
// A plan referred to a supervisor (ApprovalRequested) and what became of it: decided by an ApprovalDecided, or
// withdrawn by a later referral or an accepted plan. An approved request is accepted as a plan whose PlanRecord id
// is the decision's.
enum class ApprovalStatus { pending, approved, declined, withdrawn };  // "pending", "approved", "declined", ...
std::string_view to_string(ApprovalStatus);

struct ApprovalRecord {
  EventId id;                          // the ApprovalRequested
  Instant requested_at;
  std::string requested_by;            // the author's user
  std::string request;                 // the canonical plan request JSON, as the event carries it
  std::string quote_digest;
  std::string note;
  ApprovalStatus status = ApprovalStatus::pending;
  std::optional<EventId> closed_by;    // the decision, or the referral or PlanAccepted that withdrew it
  std::optional<Instant> closed_at;
  std::string decided_by;              // the decision's author's user; empty unless decided
  std::string decision_note;
  friend bool operator==(const ApprovalRecord&, const ApprovalRecord&) = default;
};

// The risk tier a person set (RiskOverridden), while it stands.
struct RiskOverrideRecord {
  EventId id;
  Instant at;
  std::string by;              // the author's user
  RiskTier tier = RiskTier::medium;
  std::string reason;
  std::optional<Date> until;   // the last day it holds; nullopt: until replaced
  bool in_force(Date today) const { return !until || !(*until < today); }
  friend bool operator==(const RiskOverrideRecord&, const RiskOverrideRecord&) = default;
};

// An event apply() could not fold, with the reason.
struct SetAside {
  EventId id;
  EventKind kind = EventKind::contact_attempted;
  Problem problem;
  friend bool operator==(const SetAside&, const SetAside&) = default;
};

struct AccountState {
  const Account* account = nullptr;  // the placement
  const Client* client = nullptr;    // its client, or null when the portfolio lacks it (then the default waterfall
                                     // and no grace period apply)
  BalanceState balance;
  std::vector<PaymentRecord> payments;        // in journal order
  std::vector<AdjustmentRecord> adjustments;  // in journal order
  std::vector<PromiseRecord> promises;        // in journal order
  std::vector<PlanRecord> plans;              // in journal order; the last one not superseded is current
  std::vector<LetterRecord> letters;
  std::vector<DisputeRecord> disputes;
  std::vector<CeaseRecord> ceases;
  std::vector<EscalationRecord> escalations;
  std::vector<Hold> holds;
  std::vector<ExceptionRecord> exceptions;    // compliance exceptions noted, for a supervisor
  std::vector<PartyRecord> parties;           // one per account->parties, in the same order, then the parties
                                              // added (PartyAdded) in journal order
  std::vector<AttemptRecord> attempts;        // in journal order
  std::vector<SetAside> set_aside;
  std::size_t events = 0;                     // events folded, set-aside ones included
  std::optional<Instant> last_event_at;
  std::vector<ProtectionRecord> protections = {};  // one per party and protection reported, in the order first
                                                   // reported
  std::vector<RecontactRecord> recontacts = {};    // in journal order
  std::vector<CallbackRecord> callbacks = {};      // in journal order; at most one open
  std::optional<std::string> assigned_to = std::nullopt;  // the collector of the latest AccountAssigned; nullopt:
                                                          // on no collector's desk
  std::vector<ApprovalRecord> approvals = {};      // in journal order; at most one pending
  std::optional<RiskOverrideRecord> risk_override = std::nullopt;  // the latest RiskOverridden with a tier, unless a
                                                                   // later one without a tier ended it

  std::span<const BalancePart> waterfall() const;  // the client's, or fees, interest, principal
  int promise_grace_days() const;                  // the client's, or 0
  std::optional<std::uint32_t> party_index(std::string_view party_id) const;
  const PartyRecord* party(std::string_view party_id) const;
  const AttemptRecord* attempt(EventId id) const;
  const PaymentRecord* payment(EventId id) const;
  const PlanRecord* current_plan() const;          // the latest accepted plan, or null
  const ApprovalRecord* approval(EventId id) const;
  const ApprovalRecord* pending_approval() const;  // the referral waiting on a supervisor, or null
  // Holds on the account as a whole or on `party` (an index), in the order placed.
  std::vector<const Hold*> holds_on(std::uint32_t party) const;
};

// [SECTION] Fold ----------------------------------------------------------------------------------------------

// A party as the placement gives it, before any event: its contact points with their status and consent. The
// record points into `party`, which must outlive it.
PartyRecord party_record(const Party& party);

// The state before any event: the placement's balance (its payments and credits since the itemisation date
// allocated to the parts in the client's waterfall) and its parties' contact points.
AccountState placement_state(const Account& account, const Client* client);

enum class ApplyResult { applied, set_aside };
// Folds one event of the account, which must come after every event folded so far in journal order (the fold of a
// journal's events_for(account) does so). An event that cannot be folded is set aside (see fold_problems).
ApplyResult apply(AccountState& state, const Event& event);

// placement_state, then apply() for each event; with `until`, only events recorded at or before it.
AccountState fold(const Account& account, const Client* client, const EventRange& events,
                  std::optional<Instant> until = std::nullopt);

// [SECTION] Checks --------------------------------------------------------------------------------------------

// Why apply() would set the event aside, each problem naming the member ("payload.attempt_id"): another account; a
// party, contact point, attempt or payment the account does not have; a payment reversed twice; an amount in
// another currency than the account's. Empty when it folds.
Problems fold_problems(const AccountState& state, const Event& event);

// What a host refuses before recording or storing a new event, beyond fold_problems: a second outcome for one
// attempt; instants and dates outside the account's life (before the account was opened, after `now` plus a day,
// a promise due more than a year ahead); a payment larger than the balance, or whose allocation is not the
// client's waterfall over what is owed; a credit larger than what is owed of its part; a letter to an address the
// party does not have. Plan offers are checked by check_offer (parley/account/rules.h).
Problems check_event(const AccountState& state, const Event& event, Instant now);

}  // namespace parley
