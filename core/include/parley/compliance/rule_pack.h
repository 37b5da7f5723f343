#pragma once
// Compliance rule packs: the contact rules of one jurisdiction as data (assets/rules/*.json), each rule with its
// id, its citation and its plain-language text, and the rule book that check() and required_disclosures() read.
//
// Index of this file:
// [SECTION] Rules        the kinds of rule and their parameters
// [SECTION] Packs        one jurisdiction's rules
// [SECTION] Loading      JSON text -> RulePack, with problems named by JSON path
// [SECTION] Jurisdictions the places whose packs govern one communication
// [SECTION] RuleBook     the packs a host loaded, and the loads that failed (which block every contact)
// [SECTION] Disclosures  what a communication must say or contain, from the required-disclosure rules
// [SECTION] Script       the parts of a contact script a jurisdiction's law gives, from the script rules
// [SECTION] Protections  the rule that holds contact while a reported protection is in force
//
// Core reads no files: hosts read assets/rules/<JURISDICTION>.json and pass the text to load_rule_pack or
// RuleBook::add. The format is documented in docs/compliance.md.

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parley/calendar/business_days.h"
#include "parley/journal/event.h"
#include "parley/portfolio.h"
#include "parley/problem.h"

namespace parley {

// [SECTION] Rules ---------------------------------------------------------------------------------------------

enum class ContactRuleKind {
  calling_hours,           // "calling-hours": contact only between earliest and latest, the party's local time
  call_frequency,          // "call-frequency": at most max_calls attempts in window_days consecutive local days
  after_conversation,      // "after-conversation": no call for `days` local days from a telephone conversation
  cease,                   // "cease": a CeaseRequested stops the channels it names (every one for scope all),
                           // except for the letters whose purpose the rule allows
  medium_preference,       // "medium-preference": a PreferenceSet's avoid_channels are not used, nor the channel a
                           // cease request was said on (a call, a visit) when it stops that channel
  inconvenient_time,       // "inconvenient-time": a PreferenceSet's avoid_times are not contacted in
  dispute_validation,      // "dispute-validation": a dispute in the validation period pauses collection until
                           // verification is sent, a request for the original creditor until its name and address
                           // are; letters of the purposes the rule allows pass
  third_party_disclosure,  // "third-party-disclosure": only parties with the listed roles may be contacted
  required_disclosure,     // "required-disclosure": words a communication must carry (never blocks; read by
                           // required_disclosures())
  prior_letter,            // "prior-letter": no contact on the governed channels until a LetterIssued with
                           // letter_template is in the account's journal
  script,                  // "script": a part of the contact script the jurisdiction's law gives (never blocks;
                           // read by script_rule())
  attorney_representation, // "attorney-representation": a party an attorney represents about the debt is reached
                           // through the attorney, unless the attorney consents to direct communication or, with
                           // `days`, has not responded within that many days to a communication from the agency
  employer_email,          // "employer-email": no email to an address the consumer's employer provides, unless the
                           // consumer consented to it directly (a consent-changed) or emailed the agency from it
  location_contact,        // "location-contact": a third party (role third-party) may be asked for the consumer's
                           // location, once unless it asks to be contacted again, and not while an attorney
                           // represents the consumer (with `days`: unless the attorney has not responded in time)
  time_barred,             // "time-barred": no letter of the purposes `forbids` lists (those that may threaten suit)
                           // on a debt that is time-barred, or whose time bar is unknown (fail closed)
  protection,              // "protection": no contact with a party while a protection `protections` lists, reported
                           // for that party on this account, is in force (an English or Welsh breathing space, a French
                           // surendettement), except letters of the purposes `allows` lists
  rest_days,               // "rest-days": no contact on the listed weekdays nor on the holidays of a calendar, in
                           // the party's local day (a house rule in France: no calls on Sundays and public holidays)
};
std::string_view to_string(ContactRuleKind);
std::optional<ContactRuleKind> parse_contact_rule_kind(std::string_view);

enum class FrequencyScope { debt, consumer };  // "debt": attempts on this account; "consumer": on all of the
                                               // consumer's accounts passed to check()
std::string_view to_string(FrequencyScope);
std::optional<FrequencyScope> parse_frequency_scope(std::string_view);

// required-disclosure: which communications must carry the words.
enum class DisclosureWhen {
  every,       // "every": every communication on the rule's channels
  first,       // "first": only the first communication with the party (written or oral: required_disclosures())
  subsequent,  // "subsequent": every communication after the first
};
std::string_view to_string(DisclosureWhen);
std::optional<DisclosureWhen> parse_disclosure_when(std::string_view);

// required-disclosure: where in a live conversation the words go, relative to right-party verification.
enum class DisclosureStage {
  any,                  // "any": wherever the communication allows (letters, emails, texts)
  before_verification,  // "before-verification": said before the party's identity is verified
  after_verification,   // "after-verification": said only once the right party is verified (never to others)
};
std::string_view to_string(DisclosureStage);
std::optional<DisclosureStage> parse_disclosure_stage(std::string_view);

// The age of a debt as the statute of limitations and credit reporting see it at an instant (debt_age()).
enum class DebtAge {
  unknown,               // the account does not say when the debt becomes time-barred (Account::time_barred_from)
  in_time,               // a suit to collect it may still be brought
  time_barred,           // time-barred (12 CFR 1006.26(a)(2)), still within the credit-reporting period
  time_barred_obsolete,  // time-barred and past the credit-reporting period (15 U.S.C. 1681c(a)(4), (c)(1))
};

// required-disclosure: which debts the words are for, by their age.
enum class DebtCondition {
  any,                     // "any": every debt (the default)
  time_barred,             // "time-barred": a time-barred debt, reportable or not
  time_barred_reportable,  // "time-barred-reportable": a time-barred debt still within the credit-reporting period
  time_barred_obsolete,    // "time-barred-obsolete": a time-barred debt past the credit-reporting period
};
std::string_view to_string(DebtCondition);
std::optional<DebtCondition> parse_debt_condition(std::string_view);

// script: the part of the contact script a jurisdiction's law gives. Where no pack governing the contact gives a
// part, the script leaves it out (a UK call shows no US location rules or voicemail).
enum class ScriptPart {
  location_questions,       // "location-questions": asking a third party only for location information (US: 1692b)
  limited_content_message,  // "limited-content-message": the voicemail that is not a third-party communication
                            // (US: 12 CFR 1006.2(j))
};
std::string_view to_string(ScriptPart);
std::optional<ScriptPart> parse_script_part(std::string_view);

struct ContactRule {
  std::string id;                          // unique in the pack: "reg-f-call-frequency"
  std::string citation;                    // "12 CFR 1006.14(b)(2)(i)(A)"
  std::string text;                        // what the rule says, in plain language, shown to collectors
  ContactRuleKind kind = ContactRuleKind::calling_hours;
  std::vector<ContactChannel> channels;    // the channels the rule governs (and counts); empty: every channel
  int earliest = 8 * 3600;                 // calling-hours: first allowed second of the local day
  int latest = 21 * 3600;                  // calling-hours: first second no longer allowed (exclusive end)
  int max_calls = 0;                       // call-frequency: attempts allowed in the window
  int window_days = 0;                     // call-frequency: consecutive local days, today included
  FrequencyScope per = FrequencyScope::debt;  // call-frequency
  std::vector<PhoneKind> phone_kinds;      // call-frequency: counts and governs only calls and texts to the
                                           // party's numbers of these kinds; empty: every number
  std::vector<ContactOutcome> uncounted_outcomes;  // call-frequency: attempts whose latest OutcomeRecorded has
                                                   // one of these outcomes are not counted ("not-connected")
  int days = 0;                            // after-conversation: local days, the conversation's day the first;
                                           // attorney-representation: days the attorney has to respond (0: no such
                                           // exception)
  std::vector<PartyRole> roles;            // third-party-disclosure: roles that may hear about the debt
  std::string validation_template;         // dispute-validation: LetterIssued template of the validation notice
  std::string verification_template;      // dispute-validation: LetterIssued template of the verification
  std::string original_creditor_template;  // dispute-validation: template of the original creditor's name and address
                                           // (optional)
  std::string termination_template;        // cease: template of the notice that collection efforts end (optional)
  std::string remedy_template;             // cease: template of the notice of a remedy (optional)
  std::vector<LetterPurpose> allows;       // cease, dispute-validation: letters of these purposes pass the block
  bool in_writing = false;                 // cease: counts only a request in writing (CeaseRecord::written) or one
                                           // said by the party verified on that call or visit; another said
                                           // request stops only the channel it came by (medium-preference);
                                           // dispute-validation: pauses only for a dispute or request in writing
                                           // (DisputeRecord::written)
  std::string letter_template;             // prior-letter: LetterIssued template that must come first
  std::string words;                       // required-disclosure: what must be said or written
  bool verbatim = true;                    // required-disclosure: the words themselves (true), or an item whose
                                           // content the communication must give (false: "the creditor's name")
  DisclosureWhen when = DisclosureWhen::every;           // required-disclosure
  DisclosureStage stage = DisclosureStage::any;          // required-disclosure
  std::string refers_to;                   // required-disclosure: the template of a letter the communication
                                           // recalls (its date and reference); empty for none
  DebtCondition debt = DebtCondition::any;  // required-disclosure: the debts, by age, the words are for
  std::vector<LetterPurpose> forbids;      // time-barred: letters of these purposes are not sent
  ScriptPart part = ScriptPart::location_questions;      // script
  std::vector<Weekday> weekdays = {};      // rest-days: the weekdays without contact
  std::string calendar = {};               // rest-days: the Calendar::id whose holidays are without contact; a
                                           // calendar not loaded blocks (fail closed)
  std::vector<Protection> protections = {};  // protection: the protections that stop contact
  bool house = false;                      // an agency's own choice, not law ("house": true); its citation says why
                                           // and citation_of() marks it
  friend bool operator==(const ContactRule&, const ContactRule&) = default;
};

// The rule's citation as collectors read it: a house rule's begins "House rule, not law: ".
std::string citation_of(const ContactRule& rule);

// [SECTION] Packs ---------------------------------------------------------------------------------------------

// A pack applies to an account whose jurisdiction equals the pack's, or starts with it and a '-' (the "US"
// pack applies to "US-MA" as well as to "US").
struct RulePack {
  std::string jurisdiction;  // "US", "US-MA", "GB", "FR"
  std::string name;          // "United States federal: FDCPA and Regulation F"
  std::string version;       // "2026-11-01"
  std::vector<std::string> sources;  // citations of the whole pack (statutes, regulations), as in the file
  std::vector<ContactRule> rules;   // in the order of the JSON text
  bool applies_to(std::string_view account_jurisdiction) const;
  friend bool operator==(const RulePack&, const RulePack&) = default;
};

// [SECTION] Jurisdictions ------------------------------------------------------------------------------------

// The jurisdictions whose packs govern a communication: the account's first, then those a party's addresses add
// (party_jurisdictions() in parley/compliance/locations.h), each once. Holds views: the names must outlive it (an
// account's jurisdiction, a party's folded address, or static text). Allocates nothing.
struct Jurisdictions {
  static constexpr std::size_t capacity = 8;
  std::array<std::string_view, capacity> names{};
  std::size_t count = 0;
  bool overflowed = false;  // more than `capacity` were added: the rules of some place are unknown (fail closed)

  Jurisdictions() = default;
  explicit Jurisdictions(std::string_view account_jurisdiction) { add(account_jurisdiction); }
  void add(std::string_view name);  // ignores an empty name and one already held
  std::span<const std::string_view> list() const { return {names.data(), count}; }
  bool govern(const RulePack& pack) const;         // the pack applies to one of the names
  // The pack governs only through a place other than the first (the account's): its reasons and disclosures say so,
  // with by_address_note().
  bool governs_by_address(const RulePack& pack) const;
};

// What a reason or disclosure from such a pack adds: "US-WA law: the party has an address there".
std::string by_address_note(std::string_view jurisdiction);

// [SECTION] Loading -------------------------------------------------------------------------------------------

inline constexpr std::string_view rule_pack_format = "parley.rules/1";  // the "format" member

struct RulePackLoad {
  std::optional<RulePack> pack;  // set only when problems is empty
  Problems problems;             // each with its JSON path ("rules[2].max_calls"), or line and column
};
RulePackLoad load_rule_pack(std::string_view json_text);

// [SECTION] RuleBook ------------------------------------------------------------------------------------------

struct RuleBook {
  std::vector<RulePack> packs;          // loaded packs
  std::vector<Problem> failed;          // one problem per failed load ("rules/US-MA.json: rules[1].kind: ...");
                                        // while any is held, check() blocks every contact (fail closed)
  std::optional<Calendar> holidays;     // US-FEDERAL holidays for the validation period; without it every
                                        // dispute counts as inside the period
  std::vector<std::string> pending;     // sources a host is still reading or fetching; while any is listed,
                                        // check() blocks every contact (rule-packs-loading)
  CalendarSet calendars = {};           // the holiday calendars loaded, by id, for the rest-days rules

  bool add(std::string_view source, std::string_view json_text);  // load one pack; false (and `failed` grows)
                                                                  // when it does not load; `source` names it
};

// The rule with this id in the first pack that has one (pack order), or null (check()'s own ids name no rule).
const ContactRule* find_rule(const RuleBook& book, std::string_view rule_id);

// [SECTION] Disclosures ---------------------------------------------------------------------------------------

// One required disclosure for a communication about to be made.
struct Disclosure {
  std::string rule_id;   // the ContactRule::id: "us-mini-miranda-first-written"
  std::string citation;  // the rule's citation: "15 U.S.C. 1692e(11)"
  std::string text;      // the words to say or write (ContactRule::words)
  std::string rule_text; // the rule in plain language, for the collector (ContactRule::text)
  bool verbatim = true;  // true: say/write `text` as is; false: `text` names an item whose content must be given
  DisclosureWhen when = DisclosureWhen::every;       // why it applies: every, first or subsequent communication
  DisclosureStage stage = DisclosureStage::any;      // where in a live conversation it goes
  std::string refers_to;  // ContactRule::refers_to: the template of the letter to recall, or empty
  std::string jurisdiction;  // the pack's jurisdiction: "US-CA"
  bool by_address = false;   // the pack governs because the party has an address there (Jurisdictions::
                             // governs_by_address), not through the account's jurisdiction
  friend bool operator==(const Disclosure&, const Disclosure&) = default;
};

// The age of the account's debt at `at`: unknown without Account::time_barred_from; time-barred once the latest
// calendar date anywhere at `at` (UTC+14) has reached time_barred_from, so that no place still sees it in time when
// it is barred in another; past the credit-reporting period from seven years after the 180 days that follow
// first_delinquency (15 U.S.C. 1681c(c)(1)), read the same way.
DebtAge debt_age(const Account& account, Instant at);

// The disclosures a communication on `channel` must carry, in pack order then rule order, from the
// required-disclosure rules of the packs `places` govern whose channels include `channel`, whose `when` matches
// `first_communication` and whose `debt` condition the debt's `age` meets (an unknown age meets only "any"). Empty
// when no pack governs (check() blocks such contacts anyway). `first_communication`, as 15 U.S.C. 1692e(11) reads
// and first_communication() in parley/contact/contact.h computes it from the fold: for a written channel (letter,
// email, sms), no written communication has yet reached the party; for phone or in person, no communication of any
// kind has yet reached the party (an unanswered call is not a communication).
std::vector<Disclosure> required_disclosures(const RuleBook& book, const Jurisdictions& places, ContactChannel channel,
                                             bool first_communication, DebtAge age);
// The same for the account's jurisdiction alone (a debt in time unless `age` says otherwise).
std::vector<Disclosure> required_disclosures(const RuleBook& book, const Account& account, ContactChannel channel,
                                             bool first_communication, DebtAge age = DebtAge::in_time);

// [SECTION] Script --------------------------------------------------------------------------------------------

// The first script rule of `part` in the packs `places` govern (pack order, then rule order), or null when none
// gives it: the script then leaves the part out.
const ContactRule* script_rule(const RuleBook& book, const Jurisdictions& places, ScriptPart part);
const ContactRule* script_rule(const RuleBook& book, const Account& account, ScriptPart part);  // the account's alone

// [SECTION] Protections ---------------------------------------------------------------------------------------

// The first protection rule that lists `protection` in the packs `places` govern (pack order, then rule order), or
// null when none does: a notice of that protection is then kept in the journal but holds no contact there (a
// breathing space reported on a US account), and the shell says so rather than calling it in force.
const ContactRule* protection_rule(const RuleBook& book, const Jurisdictions& places, Protection protection);

}  // namespace parley
