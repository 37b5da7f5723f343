#pragma once
// The contact workflow: right-party verification from the account data, a contact session that gates what may
// be said until the party is verified, and the journal event payloads an attempt and its outcome produce.
//
// Index of this file:
// [SECTION] Verification   identity questions from the account data, answers checked, PartyVerified when enough pass
// [SECTION] History        whether a communication is the first, from the account fold
// [SECTION] Session        start an attempt (ContactAttempted), the verification state, verify
// [SECTION] Script         what may be said now: location questions, limited-content message, disclosures, debt
// [SECTION] Outcomes       the outcomes open in each state, and finishing: outcome -> event payloads
// [SECTION] Letters        the letter templates the rule packs name, and the LetterIssued of a letter sent
// [SECTION] Parties        a party the collector learned of (PartyAdded and its points), an attorney's word, a
//                          party's consent given or revoked, a protection's notice, a reason to ask a third party
//                          again, a dispute or cease request received in writing
// [SECTION] Events         wrapping payloads into journal events with the host's ids, author and time
//
// Everything here is a pure function of its arguments: the host passes the instant, the event ids and the
// author. Bad input comes back as Problems naming the field, and then nothing is emitted. No returned text
// ever contains the expected answer of an identity question.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parley/account/account.h"
#include "parley/compliance/rule_pack.h"
#include "parley/date.h"
#include "parley/journal/event.h"
#include "parley/journal/journal.h"
#include "parley/money.h"
#include "parley/portfolio.h"
#include "parley/problem.h"
#include "parley/secret.h"

namespace parley {

// [SECTION] Verification ----------------------------------------------------------------------------------------------

enum class IdentityQuestion {
  birth_date,         // "birth-date": Party::birth_date; answers in ISO, numeric (order from the account's
                      // language: month first for en-US) or with the month's name
  national_id_last4,  // "national-id-last4": the last four characters of Party::national_id
  national_id,        // "national-id": the whole number, matched by keyed hash; only when the host has the key
  postal_code,        // "postal-code": of a current address (a US ZIP+4 matches its first five digits)
  city,               // "city": of a current address
};
std::string_view to_string(IdentityQuestion);                               // the spelling in quotes above
std::optional<IdentityQuestion> parse_identity_question(std::string_view);  // nullopt for an unknown spelling
std::string_view question_prompt(IdentityQuestion);  // what the collector asks: "What is your date of birth?"

inline constexpr int questions_needed_to_verify = 2;  // correct answers to distinct questions that verify a party

// The questions the party's data can answer, in the enum's order. `key` (the installation key the national
// ids were hashed with) enables national_id; without it only national_id_last4 is offered.
std::vector<IdentityQuestion> identity_questions(const Party& party, const HmacKey* key = nullptr);

struct Answer {
  IdentityQuestion question = IdentityQuestion::birth_date;
  std::string text;  // as the party said it; normalised before comparing (spaces, case, date formats)
  friend bool operator==(const Answer&, const Answer&) = default;
};

struct AnswerResult {
  IdentityQuestion question = IdentityQuestion::birth_date;
  bool passed = false;
  std::string words;  // "matches", "does not match", "not a date", ...: never the expected value
  friend bool operator==(const AnswerResult&, const AnswerResult&) = default;
};

struct VerificationResult {
  Problems problems;  // bad input ("party_id", "answers[1].question"); then nothing else is set
  std::vector<AnswerResult> answers;      // one per answer, in order
  int passed = 0;                         // distinct questions answered correctly
  std::optional<PartyVerified> verified;  // set when passed >= questions_needed_to_verify
  friend bool operator==(const VerificationResult&, const VerificationResult&) = default;
};

// Whose data verifies the party `party_id` of the fold (placed, or added after placement): its own when it can
// answer a question; for a person the law treats as the consumer (a spouse, the parent of a minor, a guardian, an
// executor or administrator: 15 U.S.C. 1692c(d), 12 CFR 1006.6(a)) whose own data answers none, as when it was
// added from a call, the consumer's (the debtor's), which that person is asked to confirm before hearing about the
// debt. Null for a party the account does not have, and for any other party whose data answers nothing.
const Party* answering_party(const AccountState& state, std::string_view party_id, const HmacKey* key = nullptr);

// The questions that verify the party `party_id` of the fold: those of its answering_party (empty without one).
std::vector<IdentityQuestion> identity_questions(const AccountState& state, std::string_view party_id,
                                                 const HmacKey* key = nullptr);

// Checks the answers of the party `party_id` of the fold against its answering_party's data; a PartyVerified names
// `party_id`. A question that data cannot answer, or asked twice, is a problem. `key` is needed for national_id
// answers.
VerificationResult check_answers(const AccountState& state, std::string_view party_id,
                                 std::span<const Answer> answers, const HmacKey* key = nullptr);

// [SECTION] History ---------------------------------------------------------------------------------------------------

// Whether a communication with the party `party_id` on `channel` at `at` is its first, as 15 U.S.C. 1692e(11) reads,
// from the party's attempts made at or before `at` in the fold (whichever device recorded them). On a written
// channel (letter, email, sms): no written communication has reached the party yet (a letter issued, an email or
// text sent whose outcome is not wrong-number or not-connected), whatever was said on the phone. On phone or in
// person: no communication of any kind has (a written one, an attempt in which the party spoke, or a message left
// for it; an unanswered call and a limited-content message are not communications). Another party's conversations
// do not count. True for a party the account does not have.
bool first_communication(const AccountState& state, std::string_view party_id, ContactChannel channel, Instant at);

// The latest letter made from `template_id` for the party `party_id` in the fold, or null: the letter a disclosure's
// refers_to recalls (CPCE R124-4, last paragraph: every later step recalls the R124-4 letter's reference and date).
const LetterRecord* letter_to_recall(const AccountState& state, std::string_view party_id,
                                     std::string_view template_id);

// [SECTION] Session ---------------------------------------------------------------------------------------------------

enum class VerificationState { unverified, verified };  // "unverified", "verified"
std::string_view to_string(VerificationState);

// One attempt in progress, as a value the host keeps between steps.
struct ContactSession {
  std::string account_id;
  std::string party_id;
  EventId attempt_id;  // the host's id for the ContactAttempted event
  ContactChannel channel = ContactChannel::phone;
  std::string contact_point;  // the number, email or address used; empty only in person
  ContactDirection direction = ContactDirection::outbound;
  bool first_communication = true;  // first_communication() at the start
  bool location_only = false;  // the party is a third party: asked only for the consumer's location, never verified
  VerificationState state = VerificationState::unverified;
  std::optional<PartyVerified> verified;  // the verification of this session, emitted by finish_contact
  DebtAge debt_age = DebtAge::unknown;    // debt_age() at the start: which time-bar disclosures the script gives
  friend bool operator==(const ContactSession&, const ContactSession&) = default;
};

struct ContactStart {
  Problems problems;                        // "party_id" unknown, "contact_point" empty, "attempt_id" nil
  std::optional<ContactSession> session;    // set when problems is empty
  std::optional<ContactAttempted> attempt;  // the payload to record now, under attempt_id
};

// Starts an attempt on `party_id` of the account of `state` through `contact_point`.
ContactStart start_contact(const AccountState& state, std::string_view party_id, ContactChannel channel,
                           std::string_view contact_point, EventId attempt_id, Instant at,
                           ContactDirection direction = ContactDirection::outbound);

// Checks the answers (see check_answers) and returns the session, verified when enough passed. The session's
// party is used; a verified session stays verified.
struct VerifyStep {
  ContactSession session;
  VerificationResult result;
};
VerifyStep verify(const ContactSession& session, const AccountState& state, std::span<const Answer> answers,
                  const HmacKey* key = nullptr);

// Whether the debt may be discussed (its details, a promise, a dispute, a plan): only with a verified party.
bool debt_may_be_discussed(const ContactSession& session);

// [SECTION] Script ----------------------------------------------------------------------------------------------------

enum class ScriptSection {
  location_questions,       // "location-questions": confirm whom you reach; nothing about the debt
  identity_questions,       // "identity-questions": the verification questions (prompts only)
  limited_content_message,  // "limited-content-message": the Reg F 12 CFR 1006.2(j) voicemail, phone only
  disclosures,              // "disclosures": the required disclosures of the rule packs (mini-Miranda, ...)
  debt_details,             // "debt-details": creditor, account, itemised balance
};
std::string_view to_string(ScriptSection);

struct ScriptItem {
  ScriptSection section = ScriptSection::location_questions;
  std::string title;               // "Location questions"
  std::vector<std::string> lines;  // what to say or ask, one line each
  std::string citation;            // the rule the item comes from; may be empty
  friend bool operator==(const ScriptItem&, const ScriptItem&) = default;
};

// What the agency shows in the limited-content message (12 CFR 1006.2(j)(1), every item required): a natural person
// to reply to, a business name that does not say it collects debts, and a number.
struct ScriptContext {
  std::string caller_name;      // the collector's name, e.g. "Jordan Lee"
  std::string business_name;    // must not indicate debt collection; the shell uses the agency's name unless the host
                                // names another
  std::string callback_number;  // the number to call back
  friend bool operator==(const ScriptContext&, const ScriptContext&) = default;
};

// The sections open in the session's state, in the order of ScriptSection. Unverified: location questions,
// identity questions, the limited-content message on phone, and the disclosures of stage before-verification.
// Verified: the other required disclosures of the rule book for the account and channel (first communication
// from the session), one item each, then the debt details: the creditor (state.client, when known) and the balance
// now, itemised since the itemisation date. Empty for a session whose party or account is not the state's.
std::vector<ScriptItem> contact_script(const ContactSession& session, const AccountState& state,
                                       const RuleBook& book, const ScriptContext& context);

// [SECTION] Outcomes --------------------------------------------------------------------------------------------------

std::string_view outcome_label(ContactOutcome outcome);   // "Right-party contact", "Promise to pay", ...
bool outcome_needs_verification(ContactOutcome outcome);  // right-party contact, promise to pay, dispute
bool outcome_allowed(const ContactSession& session, ContactOutcome outcome);    // in the session's state/channel
std::vector<ContactOutcome> available_outcomes(const ContactSession& session);  // in the enum's order

// What an outcome needs besides itself.
struct OutcomeDetails {
  std::optional<PromiseMade> promise;          // promise-to-pay: positive amount in the account's currency,
                                               // due today or later
  std::string dispute_reason;                  // dispute: in the party's words; may be empty
  DisputeSubject dispute_subject = DisputeSubject::debt;  // dispute: the debt, or the original creditor's name
  CeaseScope cease_scope = CeaseScope::all;    // cease-request
  std::vector<ContactChannel> cease_channels;  // cease-request with scope channels: at least one
  friend bool operator==(const OutcomeDetails&, const OutcomeDetails&) = default;
};

struct ContactFinish {
  Problems problems;  // "outcome" not allowed in this state, "promise.amount", "promise.due", ...
  std::vector<EventPayload> payloads;  // empty when problems is not; otherwise in the order to record them
};

// The payloads that close the attempt, in order: the session's PartyVerified (if any), the OutcomeRecorded
// (attempt_id, outcome, conversation: a verified party reached by phone), then the outcome's consequences:
//   promise-to-pay -> PromiseMade; dispute -> DisputeOpened (received `today`, the details' subject); cease-request
//   -> CeaseRequested (via the session's channel); wrong-number -> ContactPointUpdated (the point, status
//   wrong-number; not in person); bankrupt -> Escalated (legal); deceased -> Escalated (return-to-client). `today` is
//   the agency's current date.
// A promise may not exceed the balance now.
ContactFinish finish_contact(const ContactSession& session, const AccountState& state, ContactOutcome outcome,
                             const OutcomeDetails& details, Date today);

// [SECTION] Letters ---------------------------------------------------------------------------------------------------

struct LetterTemplate {
  std::string id;          // the LetterIssued template_id: "fr-r124-4", "validation-notice", "verification"
  LetterPurpose purpose = LetterPurpose::collection;  // why the rule names it
  std::string rule_id;     // the rule that names it first
  std::string citation;    // that rule's citation
  friend bool operator==(const LetterTemplate&, const LetterTemplate&) = default;
};

// The letter templates the rule packs `places` govern name, each once (the first rule naming a template, in pack order
// then rule order, gives its purpose): a prior-letter rule's template (purpose prior-letter), a dispute-validation
// rule's validation, verification and original-creditor templates, a cease rule's termination and remedy templates.
// Ordered by purpose, in LetterPurpose's order (the letter a rule wants first, then the validation notice, ...), then
// in the order they were named. For a letter to a party, pass party_jurisdictions() (parley/compliance/locations.h):
// a debtor who moved to France is sent the French prior letter the French pack waits for.
std::vector<LetterTemplate> letter_templates(const RuleBook& book, const Jurisdictions& places);
std::vector<LetterTemplate> letter_templates(const RuleBook& book, const Account& account);  // the account's alone

// The template_version of a letter produced outside Parley (Parley records it; it did not render it).
inline constexpr std::string_view external_template_version = "external";

struct LetterMade {
  Problems problems;                  // "party_id" unknown, "template_id" empty, "address" not the party's
  std::optional<LetterIssued> letter; // set when problems is empty
};

// The LetterIssued payload of a letter sent to `party_id` of the account at `address` (an address_key() of one of
// the party's addresses) from `template_id`, provided on `provided`: the purpose the book's letter_templates for the
// party's jurisdictions give the template (collection for a template they do not name), the figures the fold's
// itemised balance now, the locale the account's language, the version external_template_version, for a
// validation notice the end of the validation period (from the book's holidays; none without them), and the
// document digest the SHA-256 (lowercase hex) of letter_statement(), the canonical JSON of what the letter states.
LetterMade make_letter(const AccountState& state, const RuleBook& book, std::string_view party_id,
                       std::string_view template_id, std::string_view address, Date provided);

// What a letter states, as canonical JSON (compact, members in this order): {"account_id", "party_id",
// "template_id", "template_version", "locale", "address", "provided", "figures": {"currency", "itemisation_date",
// "principal", "interest", "fees", "payments", "credits", "total"}, "purpose" (left out for collection),
// "validation_ends" (left out when none)} with amounts in minor units. The same letter gives the same bytes on every
// host.
std::string letter_statement(std::string_view account_id, const LetterIssued& letter);

// [SECTION] Parties ---------------------------------------------------------------------------------------------------

// A person the collector learned of after placement, as the add-party form holds it: an attorney the debtor named
// or who wrote, a spouse or an executor who called.
struct NewParty {
  PartyRole role = PartyRole::attorney;
  std::string given_name;
  std::string family_name;           // one of the two names at least (a law firm: its name here)
  std::string represents;            // attorney: the party it represents about the debt (the debtor by default)
  std::string source = "party";      // how the agency learned of it: "party", "attorney-letter", "inbound-call"
  std::string phone;                 // E.164, optional: the number to reach the person at (calls allowed, no texts)
  PhoneKind phone_kind = PhoneKind::work;
  std::string time_zone;             // the zone (IANA) of the phone and of the address, needed with either
  std::string email = {};            // optional: an attorney's may be written to; another party's waits for its opt-in
  PostalAddress address = {};        // optional (no line and no city: none): letters may be sent there
};

// The payloads of a new party: its PartyAdded (under a fresh id, "P-ADDED-1", ...) then a ContactPointAdded (seen
// `today`, status current) for each of its phone, email and postal address given. Problems name the form's field
// ("role", "family_name", "represents", "source", "phone", "time_zone", "email", "address.lines", "address.city",
// "address.country"); then no payloads. At most max_new_party_payloads payloads.
struct PartyMade {
  Problems problems;
  std::string party_id;
  std::vector<EventPayload> payloads;
};
PartyMade make_party(const AccountState& state, const NewParty& party, Date today);
inline constexpr std::size_t max_new_party_payloads = 4;  // its PartyAdded, a phone, an email, an address

// What an attorney of the account said: the representation ended, or it consents to direct communication with the
// party. Problems ("attorney_id") when the account has no such attorney.
struct RepresentationMade {
  Problems problems;
  std::optional<RepresentationChanged> change;
};
RepresentationMade make_representation(const AccountState& state, std::string_view attorney_id, bool ended,
                                       bool direct_contact);

// The party gives or revokes its consent to `channel` at one of its points (`point`: a number, an email address or
// an address_key()), said by any reasonable means (on a call, in writing, by text): its ConsentChanged. Problems
// when the account has no such party ("party_id"), the channel uses no contact point ("channel") or the party has
// no such point of the channel's kind ("point").
struct ConsentMade {
  Problems problems;
  std::optional<ConsentChanged> change;
};
ConsentMade make_consent(const AccountState& state, std::string_view party_id, ContactChannel channel,
                         std::string_view point, bool given);

// A public body's notice of a protection for a party (a breathing space, a surendettement file found admissible), as a
// form gives it: `starts` and `ends` as "YYYY-MM-DD" (`ends` may be empty: until a later notice ends it). Its
// ProtectionReported; problems name the field ("party_id", "starts", "ends", "reference") and then no change.
struct ProtectionMade {
  Problems problems;
  std::optional<ProtectionReported> change;
};
ProtectionMade make_protection(const AccountState& state, std::string_view party_id, Protection protection,
                               std::string_view starts, std::string_view ends, std::string_view reference);

// The collector's reason to believe a third party's earlier answer about the consumer's location wrong or incomplete,
// and that the person now has the correct information (15 U.S.C. 1692b(3)): its RecontactJustified. Problems when
// the account has no such party or it is not a third party ("party_id"), or the reason is empty or longer than an
// event's text may be ("reason"); then no change.
struct RecontactMade {
  Problems problems;
  std::optional<RecontactJustified> change;
};
RecontactMade make_recontact(const AccountState& state, std::string_view party_id, std::string_view reason);

// What reached the agency in writing from a party, by letter, email or text: a dispute of the debt, a request for
// the original creditor's name and address, or a request that communication stop. `received` is the day the agency
// received it, as "YYYY-MM-DD" (the validation period counts it, 12 CFR 1006.38(d)(2)); `reason` is a dispute's words
// (may be empty; trimmed). A request a party said on a call or a visit is that contact's outcome (finish_contact).
enum class WrittenRequest { dispute, original_creditor, cease };
struct Correspondence {
  WrittenRequest request = WrittenRequest::dispute;
  ContactChannel via = ContactChannel::letter;
  std::string received;
  std::string reason;
};
// Its DisputeOpened (of subject debt or original-creditor) or CeaseRequested (scope all), both with `via`. Problems
// name the field: "party_id" (no such party, or a third party), "via" (not in writing), "received" (not a date, or
// after `today`), "reason" (longer than an event's text may be); then no change.
struct CorrespondenceMade {
  Problems problems;
  std::optional<EventPayload> change;
};
CorrespondenceMade make_correspondence(const AccountState& state, std::string_view party_id, const Correspondence& in,
                                       Date today);

// A time the party asked to be called back: `time` ("HH:MM") on `date` ("YYYY-MM-DD") on the party's own clock (the
// first zone candidate_zones places the party in at `now`), with a note (may be empty; trimmed). Its
// CallbackScheduled, and `zone`, the zone the time was read in. Problems name the field: "party_id" (no such party,
// or no zone is known for it), "date" and "time" (not a date or a time of day; a time that has passed; more than a
// year ahead), "note" (longer than an event's text may be); then no change.
struct CallbackMade {
  Problems problems;
  std::optional<CallbackScheduled> change;
  std::optional<TimeZone> zone;
};
CallbackMade make_callback(const AccountState& state, std::string_view party_id, std::string_view date,
                           std::string_view time, std::string_view note, Instant now);

// [SECTION] Events ----------------------------------------------------------------------------------------------------

// Journal events for payloads: ids[i] for payloads[i], the same author and time, sequences first_sequence,
// first_sequence + 1, ... Problems ("ids") when the counts differ or an id is nil; then no events.
struct ContactEvents {
  Problems problems;
  std::vector<Event> events;
};
ContactEvents make_contact_events(std::string_view account_id, std::span<const EventPayload> payloads,
                                  std::span<const EventId> ids, const Author& author, Instant at,
                                  std::uint64_t first_sequence);

}  // namespace parley
