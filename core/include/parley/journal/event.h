#pragma once
// Journal events: what happened to an account after placement, as typed values with a common envelope.
//
// Index of this file:
// [SECTION] EventId        a globally unique 128-bit id, written as 32 lowercase hex digits
// [SECTION] Enumerations   channels, directions, outcomes, verification methods, scopes, escalation targets
// [SECTION] Payloads       one struct per kind of event
// [SECTION] Event          the envelope: id, account, author, time, per-device sequence, payload
// [SECTION] Order          the journal order of two events
// [SECTION] Validation     the rules every event obeys, with problems named by JSON member path
//
// The state of an account is its placement plus the ordered fold of its events. Events are never edited or
// deleted: a correction is a new event. Ids, times and sequence numbers come from the host (core has no clock
// and no randomness). The JSON form is documented in docs/journal-format.md.

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "parley/date.h"
#include "parley/money.h"
#include "parley/portfolio.h"
#include "parley/problem.h"

namespace parley {

// [SECTION] EventId -------------------------------------------------------------------------------------------

// 128 bits chosen by the host: random (UUIDv4), or time-ordered (UUIDv7) for friendlier storage. All zeros is
// the "no id" value, which no event may carry.
class EventId {
 public:
  constexpr EventId() = default;                                         // all zeros: no id
  static constexpr EventId from_parts(std::uint64_t high, std::uint64_t low) { return EventId(high, low); }
  static EventId from_bytes(const std::array<std::uint8_t, 16>& bytes);  // big-endian: bytes[0] is the top byte
  static std::optional<EventId> parse(std::string_view hex);             // exactly 32 lowercase hex digits
  static std::optional<EventId> parse_uuid(std::string_view uuid);       // "8-4-4-4-12" hex, either case

  std::string hex() const;  // 32 lowercase hex digits: the JSON form
  bool is_nil() const { return high_ == 0 && low_ == 0; }
  std::uint64_t high() const { return high_; }  // the first 16 hex digits
  std::uint64_t low() const { return low_; }    // the last 16 hex digits
  friend bool operator==(EventId, EventId) = default;
  friend std::strong_ordering operator<=>(EventId, EventId) = default;  // same as comparing hex() texts

 private:
  constexpr EventId(std::uint64_t high, std::uint64_t low) : high_(high), low_(low) {}
  std::uint64_t high_ = 0;
  std::uint64_t low_ = 0;
};

// [SECTION] Enumerations --------------------------------------------------------------------------------------
// Each has a JSON spelling (to_string / parse_*); parse_* returns nullopt for an unknown spelling.

enum class ContactChannel { phone, sms, email, letter, in_person };  // "phone", "sms", "email", "letter", "in-person"
enum class ContactDirection { outbound, inbound };                   // "outbound" (agency to party), "inbound"

// What an attempt led to. DOMAIN.md: RPC, TPC, WN, LM, NA, PTP.
enum class ContactOutcome {
  right_party_contact,      // "right-party-contact": spoke with the debtor or an authorised party
  third_party,              // "third-party": reached someone else (location information only)
  wrong_number,             // "wrong-number"
  left_message,             // "left-message": a message that is a communication
  limited_content_message,  // "limited-content-message": Reg F voicemail, not a third-party communication
  no_answer,                // "no-answer"
  refused,                  // "refused": refused to pay or to talk
  promise_to_pay,           // "promise-to-pay"
  dispute,                  // "dispute"
  cease_request,            // "cease-request"
  bankrupt,                 // "bankrupt"
  deceased,                 // "deceased"
  not_connected,            // "not-connected": the call never connected to the dialled number (busy, network
                            // failure); Reg F 1006.14(b)(3) does not count it toward the call frequency
};

enum class VerificationMethod { security_questions, portal_login, document };  // "security-questions", ...
enum class CeaseScope { all, channels };                // "all": every channel; "channels": only those listed
enum class ContactPointKind { address, phone, email };  // "address", "phone", "email"
enum class EscalationTarget { hard_collections, legal, return_to_client };  // "hard-collections", ...
enum class ReversalReason { returned, charged_back, posted_in_error };    // "returned", "charged-back", ...
enum class AdjustmentDirection { charge, credit };  // "charge": adds to what is owed; "credit": takes from it

// What a letter is for, as the compliance rules read it: a block (a cease request, a dispute awaiting verification)
// lets through only the purposes its rule allows (ContactRule::allows).
enum class LetterPurpose {
  collection,         // "collection": any other letter about the debt
  prior_letter,       // "prior-letter": the letter a prior-letter rule requires before other contact (FR R124-4)
  validation_notice,  // "validation-notice": the validation information (US: 12 CFR 1006.34)
  verification,       // "verification": verification of a disputed debt (US: 12 CFR 1006.38(d)(2))
  original_creditor,  // "original-creditor": the original creditor's name and address (US: 12 CFR 1006.38(c))
  termination,        // "termination": that further collection efforts are ending (US: 15 U.S.C. 1692c(c)(1))
  remedy,             // "remedy": that a remedy ordinarily invoked may be, or will be, invoked (1692c(c)(2), (3))
};
// What a party asked for in a dispute-opened: "debt" (the debt, or part of it, disputed) or "original-creditor" (the
// original creditor's name and address requested).
enum class DisputeSubject { debt, original_creditor };
// A legal protection from collection a public body reported for a party: "breathing-space" (England and Wales, a
// standard breathing space moratorium), "mental-health-crisis" (a mental health crisis moratorium; both SI 2020/1311),
// "over-indebtedness" (France, a surendettement file found admissible: Code de la consommation L722-2).
enum class Protection { breathing_space, mental_health_crisis, over_indebtedness };
// The instrument a payment was taken with: "card", "us-bank-account" (ABA routing and account number), "iban".
enum class InstrumentKind { card, us_bank_account, iban };
// Its name in a sentence: "breathing space moratorium", "mental health crisis moratorium", "surendettement
// (over-indebtedness) procedure".
std::string_view protection_name(Protection);

std::string_view to_string(ContactChannel);
std::string_view to_string(ContactDirection);
std::string_view to_string(ContactOutcome);
std::string_view to_string(VerificationMethod);
std::string_view to_string(CeaseScope);
std::string_view to_string(ContactPointKind);
std::string_view to_string(EscalationTarget);
std::string_view to_string(ReversalReason);
std::string_view to_string(AdjustmentDirection);
std::string_view to_string(LetterPurpose);
std::string_view to_string(DisputeSubject);
std::string_view to_string(Protection);
std::string_view to_string(InstrumentKind);
std::string_view instrument_name(InstrumentKind);  // in a sentence: "card", "bank account", "IBAN"
std::optional<ContactChannel> parse_contact_channel(std::string_view);
std::optional<ContactDirection> parse_contact_direction(std::string_view);
std::optional<ContactOutcome> parse_contact_outcome(std::string_view);
std::optional<VerificationMethod> parse_verification_method(std::string_view);
std::optional<CeaseScope> parse_cease_scope(std::string_view);
std::optional<ContactPointKind> parse_contact_point_kind(std::string_view);
std::optional<EscalationTarget> parse_escalation_target(std::string_view);
std::optional<ReversalReason> parse_reversal_reason(std::string_view);
std::optional<AdjustmentDirection> parse_adjustment_direction(std::string_view);
std::optional<LetterPurpose> parse_letter_purpose(std::string_view);
std::optional<DisputeSubject> parse_dispute_subject(std::string_view);
std::optional<Protection> parse_protection(std::string_view);
std::optional<InstrumentKind> parse_instrument_kind(std::string_view);

// Whether a request that reached the agency by `channel` is in writing: a letter, an email or a text (12 CFR 1006.38
// comment 38-1: a medium of electronic communication counts); a call or a visit is not.
bool in_writing(ContactChannel channel);

// Whether the outcome says the party itself answered and spoke (right-party contact, refused, a promise, a dispute,
// a cease request, bankrupt, deceased); a third party, a message, no answer and the rest say it did not.
bool party_spoke(ContactOutcome outcome);

// The kind of contact point a channel reaches: a phone for phone and sms, an email for email, an address for
// letter; nullopt in person.
std::optional<ContactPointKind> point_kind_of(ContactChannel channel);
bool channel_fits(ContactPointKind kind, ContactChannel channel);  // point_kind_of(channel) == kind

// [SECTION] Payloads ------------------------------------------------------------------------------------------

// A call placed or received, a text, an email, a letter, a visit. Its result comes in an OutcomeRecorded.
struct ContactAttempted {
  std::string party_id;                                   // a Party::id of the account
  ContactChannel channel = ContactChannel::phone;
  std::string contact_point;                              // number, email or address used; empty only in person
  ContactDirection direction = ContactDirection::outbound;
  friend bool operator==(const ContactAttempted&, const ContactAttempted&) = default;
};

struct OutcomeRecorded {
  EventId attempt_id;                                     // the ContactAttempted event this is the result of
  ContactOutcome outcome = ContactOutcome::no_answer;
  bool conversation = false;                              // a telephone conversation took place (Reg F 7-day rule)
  friend bool operator==(const OutcomeRecorded&, const OutcomeRecorded&) = default;
};

struct PartyVerified {
  std::string party_id;
  VerificationMethod method = VerificationMethod::security_questions;
  int questions_passed = 0;                               // security questions answered correctly (0 or more)
  friend bool operator==(const PartyVerified&, const PartyVerified&) = default;
};

struct PromiseMade {
  Money amount;                                           // positive, in the account's currency
  Date due;                                               // kept when paid by this date
  friend bool operator==(const PromiseMade&, const PromiseMade&) = default;
};

// The plan request is kept as its canonical JSON text (never re-encoded) so the quote can be recomputed and its
// digest checked byte for byte.
struct PlanAccepted {
  std::string request;                                    // canonical JSON text of the plan request
  std::string quote_digest;                               // digest of the accepted quote, as the quoting code writes it
  friend bool operator==(const PlanAccepted&, const PlanAccepted&) = default;
};

// An amount for each part of the balance: what is owed of each, or how a payment divides between them. Every
// part is zero or more, in one currency.
struct BalanceParts {
  Money fees;
  Money interest;
  Money principal;
  Money total() const { return fees + interest + principal; }
  Money& part(BalancePart p);
  Money part(BalancePart p) const;
  friend bool operator==(const BalanceParts&, const BalanceParts&) = default;
};

// A payment received. `allocation` is how the poster divided it in the client's waterfall (fees, interest,
// principal by default); its parts add up to `amount`.
// What Parley keeps of the instrument a payment was taken with through a processor: never its number.
struct PaymentInstrument {
  InstrumentKind kind = InstrumentKind::card;
  std::string last_four;                                  // of the card number, account number or IBAN
  std::string processor;                                  // the processor that took the payment: "sandbox", ...
  std::string token;                                      // the processor's token standing for the instrument
  std::string reference;                                  // the processor's id of the charge
  friend bool operator==(const PaymentInstrument&, const PaymentInstrument&) = default;
};

struct PaymentPosted {
  Money amount;                                           // positive, in the account's currency
  Date date;                                              // the day the payment was made
  PaymentMethod method = PaymentMethod::card;
  BalanceParts allocation;                                // sums to amount
  std::string receipt;                                    // the receipt number given to the payer; may be empty
  std::optional<PaymentInstrument> instrument = std::nullopt;  // taken through a processor; JSON: optional (absent
                                                               // for a payment posted from elsewhere)
  friend bool operator==(const PaymentPosted&, const PaymentPosted&) = default;
};

// A payment taken back: returned by the bank, charged back on a card, or posted in error. The fold restores
// exactly what the payment took off each part of the balance.
struct PaymentReversed {
  EventId payment_id;                                     // the PaymentPosted event reversed
  ReversalReason reason = ReversalReason::returned;
  Date date;                                              // the day the reversal took effect
  friend bool operator==(const PaymentReversed&, const PaymentReversed&) = default;
};

// A change of the balance other than a payment: interest or a fee charged, or a credit (a waiver, a
// correction) that takes from one part. Principal is never charged after placement.
struct BalanceAdjusted {
  BalancePart part = BalancePart::interest;
  AdjustmentDirection direction = AdjustmentDirection::charge;
  Money amount;                                           // positive, in the account's currency
  Date date;                                              // effective date
  std::string reason;                                     // why, for the timeline and letters; may be empty
  friend bool operator==(const BalanceAdjusted&, const BalanceAdjusted&) = default;
};

// A letter sent to a party: which template and version in which language, for what purpose, to which address, when
// it was provided, and the figures it stated, so that the agency can reproduce it (document_digest) and the rules
// that read letters (validation period, prior letter, verification of a dispute, the notices a cease allows) can
// find it.
struct LetterIssued {
  std::string party_id;                                   // the addressee, a Party::id of the account
  std::string template_id;                                // "validation-notice", "fr-r124-4", ...
  std::string template_version;                           // the template's version: "2026-11-01"
  std::string locale;                                     // BCP 47 tag of the letter's language: "en-US"
  std::string address;                                    // address_key() of the address it was sent to
  Date provided;                                          // the day it was sent (provided to the party)
  Balance figures;                                        // the itemised balance the letter stated
  std::string document_digest;                            // digest of the document, to reproduce it
  LetterPurpose purpose = LetterPurpose::collection;      // what it is for; JSON: left out when collection
  std::optional<Date> validation_ends = std::nullopt;     // a validation notice: the end of the validation period
                                                          // the notice stated (12 CFR 1006.34(c)(3)); JSON: optional
  friend bool operator==(const LetterIssued&, const LetterIssued&) = default;
};

struct DisputeOpened {
  std::string party_id;
  std::string reason;                                     // in the party's words or a short code; may be empty
  Date received;                                          // when the agency received the dispute
  DisputeSubject subject = DisputeSubject::debt;          // JSON: left out when debt
  std::optional<ContactChannel> via = std::nullopt;       // how it reached the agency: on a call or a visit, or in
                                                          // writing (in_writing()); JSON: optional, absent read as in
                                                          // writing
  friend bool operator==(const DisputeOpened&, const DisputeOpened&) = default;
};

struct CeaseRequested {
  std::string party_id;
  CeaseScope scope = CeaseScope::all;
  std::vector<ContactChannel> channels;                   // empty for scope all; the channels to stop otherwise
  std::optional<ContactChannel> via = std::nullopt;       // how the request reached the agency: on a call or a visit,
                                                          // or in writing (in_writing()); JSON: optional, absent
                                                          // read as in writing
  friend bool operator==(const CeaseRequested&, const CeaseRequested&) = default;
};

// A weekly time range, in the party's local time, during which contact is inconvenient.
struct InconvenientTime {
  Weekday weekday = Weekday::monday;
  int from_minute = 0;                                    // minutes after local midnight, 0..1439
  int to_minute = 0;                                      // end, exclusive, from_minute+1..1440
  friend bool operator==(const InconvenientTime&, const InconvenientTime&) = default;
};

// The party's whole set of preferences: a later PreferenceSet for the same party replaces an earlier one.
struct PreferenceSet {
  std::string party_id;
  std::vector<InconvenientTime> avoid_times;              // ranges not to contact in
  std::vector<ContactChannel> avoid_channels;             // media not to use
  friend bool operator==(const PreferenceSet&, const PreferenceSet&) = default;
};

// A contact point's status changed (a number found bad, an address confirmed). A mutable field: the latest
// event in journal order for the same (party, kind, point) wins.
struct ContactPointUpdated {
  std::string party_id;
  ContactPointKind kind = ContactPointKind::phone;
  std::string point;                                      // E.164 number, email address, or address_key()
  ContactStatus status = ContactStatus::unverified;
  friend bool operator==(const ContactPointUpdated&, const ContactPointUpdated&) = default;
};

// A contact point found after placement (given by the party, skip tracing, a relative on a location call). The
// point carries its provenance: source, the day the source saw it (first_seen) and its status; last_seen is unset.
struct ContactPointAdded {
  std::string party_id;
  std::variant<Address, Phone, Email> point;              // its kind is ContactPointAdded::kind()
  int confidence_bp = 10000;                              // how sure the source is that the point is the party's
  ContactPointKind kind() const { return static_cast<ContactPointKind>(point.index()); }
  const Provenance& provenance() const;
  friend bool operator==(const ContactPointAdded&, const ContactPointAdded&) = default;
};

// Consent given or revoked for one channel of one contact point: calls or texts to a number, email to an
// address, letters to a postal address. A mutable field: the latest event in journal order wins.
struct ConsentChanged {
  std::string party_id;
  ContactPointKind kind = ContactPointKind::phone;
  std::string point;                                      // as in ContactPointUpdated
  ContactChannel channel = ContactChannel::phone;         // phone or sms for a phone, email, letter for an address
  bool given = false;                                     // true: consent given; false: revoked
  friend bool operator==(const ConsentChanged&, const ConsentChanged&) = default;
};

// A party found after placement: a spouse or an executor who called, the attorney who represents a party about the
// debt. Its contact points come in ContactPointAdded events naming its id.
struct PartyAdded {
  std::string party_id;                                   // unique on the account (placement and added parties)
  PartyRole role = PartyRole::attorney;                   // never debtor: the debtor comes with the placement
  std::string given_name;
  std::string family_name;                                // one of the two names at least (a firm: family_name)
  std::string represents;                                 // attorney: the party it represents about the debt;
                                                          // empty for every other role
  std::string source;                                     // how the agency learned of it: "party", "attorney-letter"
  friend bool operator==(const PartyAdded&, const PartyAdded&) = default;
};

// What an attorney said of the representation: that it ended (the attorney withdrew, or the party ended it), or that
// the attorney consents to the agency communicating with the party directly (12 CFR 1006.6(b)(2)). A mutable field:
// the latest event for the attorney, in journal order, wins.
struct RepresentationChanged {
  std::string attorney_id;                                // a party of role attorney
  bool ended = false;                                     // the attorney no longer represents the party
  bool direct_contact = false;                            // the attorney consents to direct communication
  friend bool operator==(const RepresentationChanged&, const RepresentationChanged&) = default;
};

// A protection a public body reported for a party (the Insolvency Service's notice of a moratorium, the Banque de
// France commission's decision that a file is admissible), or a later notice of the same protection that gives or
// changes its end (the moratorium ended or was cancelled). A mutable fact per party and protection: the latest event
// for the pair, in journal order, wins.
struct ProtectionReported {
  std::string party_id;                                   // the protected party
  Protection protection = Protection::breathing_space;
  Date starts;                                            // the first day it protects the party
  std::optional<Date> ends;                               // the last day it protects the party; nullopt: until a
                                                          // later notice ends it
  std::string reference;                                  // the notice's reference; may be empty
  friend bool operator==(const ProtectionReported&, const ProtectionReported&) = default;
};

// The collector's reasonable belief that a third party's earlier answer about the consumer's location was wrong or
// incomplete and that the person now has the correct or complete location information (15 U.S.C. 1692b(3), 12 CFR
// 1006.10(c)), with why: it opens one more location contact with that person, as the person's own request does.
struct RecontactJustified {
  std::string party_id;  // the third party
  std::string reason;    // why the collector believes it: "the neighbour now has the new address from the landlord"
  friend bool operator==(const RecontactJustified&, const RecontactJustified&) = default;
};

// A time agreed with a party to call back ("call me after six tomorrow"): from then the account comes first in the
// collector's queue. Open until a phone contact with the account at or after `at` less callback_early_seconds is
// recorded after it, or a later callback replaces it (account.h, CallbackRecord).
struct CallbackScheduled {
  std::string party_id;  // the party to call back
  Instant at;            // when
  std::string note;      // what the call is for; may be empty
  friend bool operator==(const CallbackScheduled&, const CallbackScheduled&) = default;
};
inline constexpr std::int64_t callback_early_seconds = 15 * 60;  // a call this early still answers a callback

// The account put on a collector's desk (by a supervisor, or an import): the latest assignment wins.
struct AccountAssigned {
  std::string collector;  // the collector's user id: "u-collector-17"
  std::string reason;     // why; may be empty
  friend bool operator==(const AccountAssigned&, const AccountAssigned&) = default;
};

// A plan or settlement outside the collector's authority (the policy allows it only with a supervisor's approval),
// referred to a supervisor: the request and its quote as PlanAccepted carries them. The account waits on the
// decision; a later referral or an accepted plan withdraws it (account.h, ApprovalRecord).
struct ApprovalRequested {
  std::string request;      // canonical JSON text of the plan request
  std::string quote_digest; // digest of its quote
  std::string note;         // what the collector tells the supervisor; may be empty
  friend bool operator==(const ApprovalRequested&, const ApprovalRequested&) = default;
};

// A supervisor's decision on an ApprovalRequested of the account: approved, the plan is accepted as of this event
// (as a PlanAccepted of the same request would be); declined, the account goes back to the collector.
struct ApprovalDecided {
  EventId request_id;       // the ApprovalRequested decided
  bool approved = false;
  std::string note;         // why; may be empty
  friend bool operator==(const ApprovalDecided&, const ApprovalDecided&) = default;
};

// A person's choice of the account's risk tier over the one its strategy finds (a supervisor who knows the debtor just
// lost a job): it holds through `until`, or until a later RiskOverridden replaces it; one without a tier ends it.
struct RiskOverridden {
  std::optional<RiskTier> tier;  // nullopt: back to the strategy's tier
  std::string reason;            // why; not empty when a tier is given
  std::optional<Date> until;     // the last day it holds; nullopt: until replaced
  friend bool operator==(const RiskOverridden&, const RiskOverridden&) = default;
};

// One rule an event broke, as the check that found it words it.
struct BrokenRule {
  std::string rule_id;   // the rule pack's rule id, or one of check()'s own ("account-hold", ...)
  std::string citation;  // may be empty for check()'s own reasons
  std::string words;     // why, in plain language
  friend bool operator==(const BrokenRule&, const BrokenRule&) = default;
};

// A fact stored although it broke a compliance rule (a contact attempted while the rules blocked it), for a
// supervisor to review: written by the server when it stores the fact, which itself is never dropped.
struct ComplianceException {
  EventId event_id;                 // the event that broke the rules
  std::vector<BrokenRule> rules;    // at least one
  friend bool operator==(const ComplianceException&, const ComplianceException&) = default;
};

struct Escalated {
  EscalationTarget to = EscalationTarget::hard_collections;
  std::string reason;                                     // may be empty
  friend bool operator==(const Escalated&, const Escalated&) = default;
};

// The text naming a postal address in ContactPointUpdated::point: its lines, city, region, postal code and
// country joined with ", ", empty parts left out.
std::string address_key(const PostalAddress& address);

// [SECTION] Event ---------------------------------------------------------------------------------------------

// The payload kinds, in the order of EventPayload's alternatives.
enum class EventKind {
  contact_attempted,      // "contact-attempted"
  outcome_recorded,       // "outcome-recorded"
  party_verified,         // "party-verified"
  promise_made,           // "promise-made"
  plan_accepted,          // "plan-accepted"
  payment_posted,         // "payment-posted"
  letter_issued,          // "letter-issued"
  dispute_opened,         // "dispute-opened"
  cease_requested,        // "cease-requested"
  preference_set,         // "preference-set"
  contact_point_updated,  // "contact-point-updated"
  escalated,              // "escalated"
  contact_point_added,    // "contact-point-added"
  consent_changed,        // "consent-changed"
  payment_reversed,       // "payment-reversed"
  balance_adjusted,       // "balance-adjusted"
  compliance_exception,   // "compliance-exception"
  party_added,            // "party-added"
  representation_changed, // "representation-changed"
  protection_reported,    // "protection-reported"
  recontact_justified,    // "recontact-justified"
  callback_scheduled,     // "callback-scheduled"
  account_assigned,       // "account-assigned"
  approval_requested,     // "approval-requested"
  approval_decided,       // "approval-decided"
  risk_overridden,        // "risk-overridden"
};
inline constexpr int event_kind_count = 26;
std::string_view to_string(EventKind);                    // the JSON "type" member
std::optional<EventKind> parse_event_kind(std::string_view);

using EventPayload = std::variant<ContactAttempted, OutcomeRecorded, PartyVerified, PromiseMade, PlanAccepted,
                                  PaymentPosted, LetterIssued, DisputeOpened, CeaseRequested, PreferenceSet,
                                  ContactPointUpdated, Escalated, ContactPointAdded, ConsentChanged,
                                  PaymentReversed, BalanceAdjusted, ComplianceException, PartyAdded,
                                  RepresentationChanged, ProtectionReported, RecontactJustified,
                                  CallbackScheduled, AccountAssigned, ApprovalRequested, ApprovalDecided,
                                  RiskOverridden>;

// Who recorded an event: the signed-in user and the device (installation) that wrote it.
struct Author {
  std::string user;                                       // user id, e.g. "u-collector-17"
  std::string device;                                     // device id, unique per installation
  friend bool operator==(const Author&, const Author&) = default;
};

struct Event {
  EventId id;                                             // globally unique; the idempotency key of sync
  std::string account_id;                                 // an Account::id
  Author author;
  Instant recorded_at;                                    // the device's clock when recorded (may be skewed)
  std::uint64_t sequence = 0;                             // per device: 1, 2, 3, ... in the order recorded
  EventPayload payload;

  EventKind kind() const { return static_cast<EventKind>(payload.index()); }
  template <class T>
  const T* get() const { return std::get_if<T>(&payload); }  // the payload as T, or null for another kind
  friend bool operator==(const Event&, const Event&) = default;
};

// Largest sequence number: 2^53 - 1, so that every JSON reader keeps it exact.
inline constexpr std::uint64_t max_event_sequence = 9007199254740991;

// [SECTION] Order ---------------------------------------------------------------------------------------------

// The journal order: by recorded_at, then author.device (byte-wise), then sequence, then id. It depends only on
// the events, never on when or where they were added, so every replica folds them in the same order. Two
// different events never tie (their ids differ).
bool comes_before(const Event& a, const Event& b);

// [SECTION] Validation ----------------------------------------------------------------------------------------

// Every rule an event must obey to enter a journal, each problem named by its JSON member path
// ("account_id", "author.device", "payload.amount", "payload.avoid_times[1].to"). Empty when valid.
// Checks only the event itself: whether the account or party exists, and how the event fits the account's other
// events, is the account fold's check_event (parley/account/account.h).
Problems validate_event(const Event& event);

// Sizes beyond which an event is refused, so that one event cannot carry megabytes of text.
inline constexpr std::size_t max_event_id_bytes = 128;     // account, party, user and device ids
inline constexpr std::size_t max_event_text_bytes = 4096;  // free text (reasons, receipts), points, digests
inline constexpr std::size_t max_event_request_bytes = 65536;  // a plan request's JSON text
inline constexpr std::size_t max_protection_reference_bytes = 128;  // a ProtectionReported's reference

}  // namespace parley
