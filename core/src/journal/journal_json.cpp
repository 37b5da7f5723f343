// The journal's JSON form: the field tables of an event and its payloads (one description, read by json::Reader
// and written by json::write), JSON Lines, and the checks of a whole text.
//
// Index of this file:
// [SECTION] Problem sink      keeps the first journal_max_problems, counts the rest
// [SECTION] Words             what the problems of each kind of value say
// [SECTION] Scalars           ids, instants, dates, amounts and currencies, times of day, weekdays, spellings
// [SECTION] Tables            the payload of each event type, then the event
// [SECTION] Reading           one event's text through the reader; syntax errors named by line and column
// [SECTION] API
//
// An event's "type" decides the shape of its "payload", and members may come in any order: a payload met before
// the type is kept by the reader and read once the type is known. Problems about member names (unknown, given
// twice) come first, in the order of the text, then each member's in table order. Only an event that reads
// cleanly is passed to validate_event, so one mistake is reported once.
#include "parley/journal/journal_json.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <string>
#include <utility>
#include <variant>

#include "journal/journal_tables.h"
#include "json/reader.h"
#include "json/table.h"
#include "json_text.h"
#include "json_writer.h"

namespace parley {
namespace {

// [SECTION] Problem sink ----------------------------------------------------------------------------------------------

class ProblemSink {
 public:
  void add(std::string path, std::string message) {
    ++count_;
    if (problems_.size() < journal_max_problems) problems_.push_back(Problem{std::move(path), std::move(message)});
  }
  void count_more(std::size_t n) { count_ += n; }  // problems beyond what a reader kept
  std::size_t count() const { return count_; }
  Problems finish() {
    if (count_ > problems_.size()) {
      problems_.push_back(Problem{"", "... and " + std::to_string(count_ - problems_.size()) + " more problems"});
    }
    return std::move(problems_);
  }

 private:
  Problems problems_;
  std::size_t count_ = 0;
};

// [SECTION] Words -----------------------------------------------------------------------------------------------------

// What a value is, for "expected X, got Y".
std::string describe(const json::Scalar& v) {
  using Kind = json::Scalar::Kind;
  switch (v.kind) {
    case Kind::object:
      return "an object";
    case Kind::array:
      return "an array";
    case Kind::string:
      return json_text::quoted(v.text);
    case Kind::integer:
      return std::to_string(v.integer);
    case Kind::too_large:
      return "a number out of range";
    case Kind::fraction:
      return "a number with a fraction or exponent";
    case Kind::boolean:
      return v.boolean ? "true" : "false";
    case Kind::null:
      break;
  }
  return "null";
}

// "<mismatch>, got <the value>" ("expected a string, got 12"), for a value of the wrong type and for a string
// that does not read.
constexpr json::Words words(std::string_view mismatch) {
  json::Words w{mismatch};
  w.describe = describe;
  return w;
}

constexpr json::Words kWholeWords = [] {
  json::Words w = words("expected an integer");
  w.range = "must be within ±9007199254740991";
  return w;
}();

template <class E, int N>
std::string expected_one_of() {
  return "expected " + json_text::one_of_spellings<E>(N);
}
template <class E, int N>
std::string say_one_of(std::string_view got) {
  return expected_one_of<E, N>() + ", got " + json_text::quoted(got);
}
template <class E, int N>
constexpr json::Words one_of_words() {
  json::Words w;
  w.say = say_one_of<E, N>;
  w.expected = expected_one_of<E, N>;
  w.describe = describe;
  return w;
}

constexpr json::ObjectWords kObjectWords{"unknown member", "required member is missing", "member given twice", true};

constexpr std::string_view kWeekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                          "friday", "saturday", "sunday"};

// [SECTION] Scalars ---------------------------------------------------------------------------------------------------

// A string parsed by Parse; a string that does not parse is refused as a value of the wrong type.
template <class T, std::optional<T> (*Parse)(std::string_view)>
bool read_parsed(json::Reader& r, const json::Codec& c, void* target, json::Scalar& v) {
  std::optional<T> parsed;
  if (v.kind == json::Scalar::Kind::string) parsed = Parse(v.text);
  if (!parsed) {
    r.mismatch(c, v);
    return false;
  }
  *static_cast<T*>(target) = *parsed;
  return true;
}

void write_id(json::JsonWriter& w, const json::Codec&, const void* value) {
  w.string(static_cast<const EventId*>(value)->hex());
}
void write_instant(json::JsonWriter& w, const json::Codec&, const void* value) {
  w.string(static_cast<const Instant*>(value)->iso());
}
void write_date(json::JsonWriter& w, const json::Codec&, const void* value) {
  w.string(static_cast<const Date*>(value)->iso());
}

constexpr auto kText = json::text(words("expected a string"));
constexpr auto kTexts = json::array(kText, words("expected an array"));
constexpr auto kBoolean = json::boolean(words("expected true or false"));
constexpr auto kId = json::custom<EventId>(read_parsed<EventId, EventId::parse>, write_id,
                                           words("expected an event id of 32 lowercase hex digits"))
                         .as(json::Json::string);
constexpr auto kInstant = json::custom<Instant>(read_parsed<Instant, Instant::parse>, write_instant,
                                                words("expected a UTC instant \"YYYY-MM-DDTHH:MM:SSZ\""))
                              .as(json::Json::string);
constexpr auto kDate = json::custom<Date>(read_parsed<Date, Date::parse>, write_date, words("expected a date \"YYYY-MM-DD\""))
                           .as(json::Json::string);

bool read_sequence(json::Reader& r, const json::Codec& c, void* target, json::Scalar& v) {
  std::int64_t n = 0;
  if (!json::detail::read_whole(r, c, v, n)) return false;
  *static_cast<std::uint64_t*>(target) = static_cast<std::uint64_t>(n);
  return true;
}
void write_sequence(json::JsonWriter& w, const json::Codec&, const void* value) {
  w.integer(static_cast<std::int64_t>(std::min(*static_cast<const std::uint64_t*>(value), std::uint64_t{INT64_MAX})));
}
constexpr auto kSequence = [] {
  json::Words w = words("expected an integer");
  w.range = "must be from 1 to 9007199254740991";
  return json::custom<std::uint64_t>(read_sequence, write_sequence, w, 1,
                                     static_cast<std::int64_t>(max_event_sequence));
}();

constexpr json::Words kQuestionWords = [] {
  json::Words w = words("expected an integer");
  w.range = "must be within the range of a 32-bit integer";
  return w;
}();
constexpr auto kQuestions = json::integer<int>(INT_MIN, INT_MAX, kQuestionWords);
constexpr json::Words kConfidenceWords = [] {
  json::Words w = words("expected an integer");
  w.range = "must be from 0 to 10000";
  return w;
}();
constexpr auto kConfidence = json::integer<int>(0, 10000, kConfidenceWords);

// Minor units, keeping the currency the amount already has (its currency member may come first or later).
bool read_minor(json::Reader& r, const json::Codec& c, void* target, json::Scalar& v) {
  std::int64_t n = 0;
  if (!json::detail::read_whole(r, c, v, n)) return false;
  Money& m = *static_cast<Money*>(target);
  m = Money(n, m.currency());
  return true;
}
void write_minor(json::JsonWriter& w, const json::Codec&, const void* value) {
  w.integer(static_cast<const Money*>(value)->minor());
}
constexpr auto kMinor = json::custom<Money>(read_minor, write_minor, kWholeWords, -json_text::max_exact_integer,
                                            json_text::max_exact_integer)
                            .as(json::Json::integer);

// The currency of an amount, keeping its minor units.
bool read_money_currency(json::Reader& r, const json::Codec& c, void* target, json::Scalar& v) {
  Currency currency;
  if (!read_parsed<Currency, Currency::find>(r, c, &currency, v)) return false;
  Money& m = *static_cast<Money*>(target);
  m = Money(m.minor(), currency);
  return true;
}
void write_money_currency(json::JsonWriter& w, const json::Codec&, const void* value) {
  w.string(static_cast<const Money*>(value)->currency().code());
}
constexpr json::Words kCurrencyWords = words("expected a currency code such as \"USD\"");
constexpr auto kCurrency =
    json::custom<Money>(read_money_currency, write_money_currency, kCurrencyWords).as(json::Json::string);

// The currency of a letter's figures: every amount's.
bool read_figures_currency(json::Reader& r, const json::Codec& c, void* target, json::Scalar& v) {
  Currency currency;
  if (!read_parsed<Currency, Currency::find>(r, c, &currency, v)) return false;
  Balance& b = *static_cast<Balance*>(target);
  for (Money* m : {&b.principal, &b.interest, &b.fees, &b.payments, &b.credits}) *m = Money(m->minor(), currency);
  return true;
}
void write_figures_currency(json::JsonWriter& w, const json::Codec&, const void* value) {
  w.string(static_cast<const Balance*>(value)->principal.currency().code());
}
constexpr auto kFiguresCurrency =
    json::custom<Balance>(read_figures_currency, write_figures_currency, kCurrencyWords).as(json::Json::string);

// Minutes after midnight from "HH:MM" (00:00 to 24:00), or -1.
int parse_time(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return -1;
  for (std::size_t i : {0, 1, 3, 4}) {
    if (text[i] < '0' || text[i] > '9') return -1;
  }
  const int hh = (text[0] - '0') * 10 + (text[1] - '0');
  const int mm = (text[3] - '0') * 10 + (text[4] - '0');
  if (mm > 59 || hh > 24 || (hh == 24 && mm != 0)) return -1;
  return hh * 60 + mm;
}

std::string format_time(int minutes) {
  std::string out = "00:00";
  out[0] = static_cast<char>('0' + minutes / 600);
  out[1] = static_cast<char>('0' + minutes / 60 % 10);
  out[3] = static_cast<char>('0' + minutes % 60 / 10);
  out[4] = static_cast<char>('0' + minutes % 10);
  return out;
}

bool read_time(json::Reader& r, const json::Codec& c, void* target, json::Scalar& v) {
  const int minutes = v.kind == json::Scalar::Kind::string ? parse_time(v.text) : -1;
  if (minutes < 0) {
    r.mismatch(c, v);
    return false;
  }
  *static_cast<int*>(target) = minutes;
  return true;
}
void write_time(json::JsonWriter& w, const json::Codec&, const void* value) {
  w.string(format_time(std::clamp(*static_cast<const int*>(value), 0, 1440)));
}
constexpr auto kTime =
    json::custom<int>(read_time, write_time, words("expected a local time \"HH:MM\" from 00:00 to 24:00")).as(json::Json::string);

bool read_weekday(json::Reader& r, const json::Codec& c, void* target, json::Scalar& v) {
  const auto found = std::find(std::begin(kWeekdays), std::end(kWeekdays),
                               v.kind == json::Scalar::Kind::string ? v.text : std::string_view());
  if (v.kind != json::Scalar::Kind::string || found == std::end(kWeekdays)) {
    r.mismatch(c, v);
    return false;
  }
  *static_cast<Weekday*>(target) = static_cast<Weekday>(found - std::begin(kWeekdays) + 1);
  return true;
}
void write_weekday(json::JsonWriter& w, const json::Codec&, const void* value) {
  const int day = static_cast<int>(*static_cast<const Weekday*>(value));
  w.string(day >= 1 && day <= 7 ? kWeekdays[day - 1] : std::string_view("?"));
}
constexpr auto kWeekday =
    json::custom<Weekday>(read_weekday, write_weekday, words("expected a day \"monday\" to \"sunday\"")).as(json::Json::string);

template <class E, std::optional<E> (*Parse)(std::string_view), int N>
constexpr auto choice() {
  return json::spelling<E, Parse>(one_of_words<E, N>());
}
constexpr auto kChannel = choice<ContactChannel, parse_contact_channel, 5>();
constexpr auto kChannels = json::array(kChannel, words("expected an array"));
constexpr auto kDirection = choice<ContactDirection, parse_contact_direction, 2>();
constexpr auto kOutcome = choice<ContactOutcome, parse_contact_outcome, 13>();
constexpr auto kMethod = choice<VerificationMethod, parse_verification_method, 3>();
constexpr auto kPaymentMethod = choice<PaymentMethod, parse_payment_method, 3>();
constexpr auto kReversalReason = choice<ReversalReason, parse_reversal_reason, 3>();
constexpr auto kPart = choice<BalancePart, parse_balance_part, 3>();
constexpr auto kAdjustmentDirection = choice<AdjustmentDirection, parse_adjustment_direction, 2>();
constexpr auto kScope = choice<CeaseScope, parse_cease_scope, 2>();
constexpr auto kPointKind = choice<ContactPointKind, parse_contact_point_kind, 3>();
constexpr auto kPhoneKind = choice<PhoneKind, parse_phone_kind, 4>();
constexpr auto kStatus = choice<ContactStatus, parse_contact_status, 4>();
constexpr auto kTarget = choice<EscalationTarget, parse_escalation_target, 3>();
constexpr auto kLetterPurpose = choice<LetterPurpose, parse_letter_purpose, 7>();
constexpr auto kDisputeSubject = choice<DisputeSubject, parse_dispute_subject, 2>();
constexpr auto kInstrumentKind = choice<InstrumentKind, parse_instrument_kind, 3>();
constexpr auto kProtection = choice<Protection, parse_protection, 3>();
constexpr auto kOptionalChannel = json::optional(kChannel);
constexpr auto kOptionalDate = json::optional(kDate);

// Optional members whose default value the canonical form leaves out, so that an event written before they existed
// keeps its bytes.
template <class T, T Default>
bool holds_default(const void* field) {
  return *static_cast<const T*>(field) == Default;
}

// [SECTION] Tables ----------------------------------------------------------------------------------------------------

template <class T>
constexpr auto object_of(const json::ObjectType& type) {
  return json::object<T>(type, words("expected an object"));
}

using json::member;

constexpr json::Member kContactAttemptedMembers[] = {
    member<&ContactAttempted::party_id>("party_id", kText), member<&ContactAttempted::channel>("channel", kChannel),
    member<&ContactAttempted::contact_point>("contact_point", kText),
    member<&ContactAttempted::direction>("direction", kDirection)};
constexpr json::ObjectType kContactAttemptedType = json::object_type(kContactAttemptedMembers, kObjectWords);

constexpr json::Member kOutcomeMembers[] = {member<&OutcomeRecorded::attempt_id>("attempt_id", kId),
                                            member<&OutcomeRecorded::outcome>("outcome", kOutcome),
                                            member<&OutcomeRecorded::conversation>("conversation", kBoolean)};
constexpr json::ObjectType kOutcomeType = json::object_type(kOutcomeMembers, kObjectWords);

constexpr json::Member kVerifiedMembers[] = {member<&PartyVerified::party_id>("party_id", kText),
                                             member<&PartyVerified::method>("method", kMethod),
                                             member<&PartyVerified::questions_passed>("questions_passed", kQuestions)};
constexpr json::ObjectType kVerifiedType = json::object_type(kVerifiedMembers, kObjectWords);

constexpr json::Member kPromiseMembers[] = {member<&PromiseMade::amount>("amount", kMinor),
                                            member<&PromiseMade::amount>("currency", kCurrency),
                                            member<&PromiseMade::due>("due", kDate)};
constexpr json::ObjectType kPromiseType = json::object_type(kPromiseMembers, kObjectWords);

constexpr json::Member kPlanMembers[] = {member<&PlanAccepted::request>("request", kText),
                                         member<&PlanAccepted::quote_digest>("quote_digest", kText)};
constexpr json::ObjectType kPlanType = json::object_type(kPlanMembers, kObjectWords);

constexpr json::Member kAllocationMembers[] = {member<&BalanceParts::fees>("fees", kMinor),
                                               member<&BalanceParts::interest>("interest", kMinor),
                                               member<&BalanceParts::principal>("principal", kMinor)};
constexpr json::ObjectType kAllocationType = json::object_type(kAllocationMembers, kObjectWords);
constexpr auto kAllocation = object_of<BalanceParts>(kAllocationType);

// The allocation is in the payment's currency.
void finish_payment(json::Reader&, void* object) {
  auto& p = *static_cast<PaymentPosted*>(object);
  const Currency c = p.amount.currency();
  for (Money* m : {&p.allocation.fees, &p.allocation.interest, &p.allocation.principal}) *m = Money(m->minor(), c);
}
constexpr json::Member kInstrumentMembers[] = {member<&PaymentInstrument::kind>("kind", kInstrumentKind),
                                               member<&PaymentInstrument::last_four>("last_four", kText),
                                               member<&PaymentInstrument::processor>("processor", kText),
                                               member<&PaymentInstrument::token>("token", kText),
                                               member<&PaymentInstrument::reference>("reference", kText)};
constexpr json::ObjectType kInstrumentType = json::object_type(kInstrumentMembers, kObjectWords);
constexpr auto kInstrument = object_of<PaymentInstrument>(kInstrumentType);
constexpr auto kOptionalInstrument = json::optional(kInstrument);

constexpr json::Member kPaymentMembers[] = {
    member<&PaymentPosted::amount>("amount", kMinor),         member<&PaymentPosted::amount>("currency", kCurrency),
    member<&PaymentPosted::date>("date", kDate),              member<&PaymentPosted::method>("method", kPaymentMethod),
    member<&PaymentPosted::allocation>("allocation", kAllocation), member<&PaymentPosted::receipt>("receipt", kText),
    member<&PaymentPosted::instrument>("instrument", kOptionalInstrument, json::optional_member)};
constexpr json::ObjectType kPaymentType = json::object_type(kPaymentMembers, kObjectWords, finish_payment);

constexpr json::Member kReversalMembers[] = {member<&PaymentReversed::payment_id>("payment_id", kId),
                                             member<&PaymentReversed::reason>("reason", kReversalReason),
                                             member<&PaymentReversed::date>("date", kDate)};
constexpr json::ObjectType kReversalType = json::object_type(kReversalMembers, kObjectWords);

constexpr json::Member kAdjustmentMembers[] = {
    member<&BalanceAdjusted::part>("part", kPart),
    member<&BalanceAdjusted::direction>("direction", kAdjustmentDirection),
    member<&BalanceAdjusted::amount>("amount", kMinor),
    member<&BalanceAdjusted::amount>("currency", kCurrency),
    member<&BalanceAdjusted::date>("date", kDate),
    member<&BalanceAdjusted::reason>("reason", kText)};
constexpr json::ObjectType kAdjustmentType = json::object_type(kAdjustmentMembers, kObjectWords);

void* whole(void* object) {
  return object;
}
const void* whole_view(const void* object) {
  return object;
}
constexpr json::Member kFiguresMembers[] = {
    json::member_at("currency", kFiguresCurrency, whole, whole_view),
    member<&Balance::itemisation_date>("itemisation_date", kDate),
    member<&Balance::principal>("principal", kMinor),
    member<&Balance::interest>("interest", kMinor),
    member<&Balance::fees>("fees", kMinor),
    member<&Balance::payments>("payments", kMinor),
    member<&Balance::credits>("credits", kMinor)};
constexpr json::ObjectType kFiguresType = json::object_type(kFiguresMembers, kObjectWords);
constexpr auto kFigures = object_of<Balance>(kFiguresType);

constexpr json::Member kLetterMembers[] = {member<&LetterIssued::party_id>("party_id", kText),
                                           member<&LetterIssued::template_id>("template_id", kText),
                                           member<&LetterIssued::template_version>("template_version", kText),
                                           member<&LetterIssued::locale>("locale", kText),
                                           member<&LetterIssued::address>("address", kText),
                                           member<&LetterIssued::provided>("provided", kDate),
                                           member<&LetterIssued::figures>("figures", kFigures),
                                           member<&LetterIssued::document_digest>("document_digest", kText),
                                           member<&LetterIssued::purpose>("purpose", kLetterPurpose, json::optional_member)
                                               .left_out_when(holds_default<LetterPurpose, LetterPurpose::collection>),
                                           member<&LetterIssued::validation_ends>("validation_ends", kOptionalDate,
                                                                                  json::optional_member)};
constexpr json::ObjectType kLetterType = json::object_type(kLetterMembers, kObjectWords);

constexpr json::Member kDisputeMembers[] = {member<&DisputeOpened::party_id>("party_id", kText),
                                            member<&DisputeOpened::reason>("reason", kText),
                                            member<&DisputeOpened::received>("received", kDate),
                                            member<&DisputeOpened::subject>("subject", kDisputeSubject, json::optional_member)
                                                .left_out_when(holds_default<DisputeSubject, DisputeSubject::debt>),
                                            member<&DisputeOpened::via>("via", kOptionalChannel, json::optional_member)};
constexpr json::ObjectType kDisputeType = json::object_type(kDisputeMembers, kObjectWords);

constexpr json::Member kCeaseMembers[] = {member<&CeaseRequested::party_id>("party_id", kText),
                                          member<&CeaseRequested::scope>("scope", kScope),
                                          member<&CeaseRequested::channels>("channels", kChannels),
                                          member<&CeaseRequested::via>("via", kOptionalChannel, json::optional_member)};
constexpr json::ObjectType kCeaseType = json::object_type(kCeaseMembers, kObjectWords);

constexpr json::Member kTimeMembers[] = {member<&InconvenientTime::weekday>("weekday", kWeekday),
                                         member<&InconvenientTime::from_minute>("from", kTime),
                                         member<&InconvenientTime::to_minute>("to", kTime)};
constexpr json::ObjectType kTimeType = json::object_type(kTimeMembers, kObjectWords);
constexpr auto kInconvenientTime = object_of<InconvenientTime>(kTimeType);
constexpr auto kTimes = json::array(kInconvenientTime, words("expected an array"));

constexpr json::Member kPreferenceMembers[] = {member<&PreferenceSet::party_id>("party_id", kText),
                                               member<&PreferenceSet::avoid_times>("avoid_times", kTimes),
                                               member<&PreferenceSet::avoid_channels>("avoid_channels", kChannels)};
constexpr json::ObjectType kPreferenceType = json::object_type(kPreferenceMembers, kObjectWords);

constexpr json::Member kPointMembers[] = {member<&ContactPointUpdated::party_id>("party_id", kText),
                                          member<&ContactPointUpdated::kind>("kind", kPointKind),
                                          member<&ContactPointUpdated::point>("point", kText),
                                          member<&ContactPointUpdated::status>("status", kStatus)};
constexpr json::ObjectType kPointType = json::object_type(kPointMembers, kObjectWords);

constexpr json::Member kEscalatedMembers[] = {member<&Escalated::to>("to", kTarget),
                                              member<&Escalated::reason>("reason", kText)};
constexpr json::ObjectType kEscalatedType = json::object_type(kEscalatedMembers, kObjectWords);

// contact-point-added: "kind" decides which alternative the point is, and so the name of its member ("address",
// "phone" or "email") and where the provenance members go.
using Point = std::variant<Address, Phone, Email>;

constexpr json::Member kAddressMembers[] = {member<&Address::postal, &PostalAddress::lines>("lines", kTexts),
                                            member<&Address::postal, &PostalAddress::city>("city", kText),
                                            member<&Address::postal, &PostalAddress::region>("region", kText),
                                            member<&Address::postal, &PostalAddress::postal_code>("postal_code", kText),
                                            member<&Address::postal, &PostalAddress::country>("country", kText),
                                            member<&Address::time_zone>("time_zone", kText),
                                            member<&Address::consent_mail>("consent_mail", kBoolean)};
constexpr json::ObjectType kAddressType = json::object_type(kAddressMembers, kObjectWords);
constexpr auto kAddress = object_of<Address>(kAddressType);

constexpr json::Member kPhoneMembers[] = {member<&Phone::number>("number", kText),
                                          member<&Phone::kind>("kind", kPhoneKind),
                                          member<&Phone::time_zones>("time_zones", kTexts),
                                          member<&Phone::consent_call>("consent_call", kBoolean),
                                          member<&Phone::consent_text>("consent_text", kBoolean)};
constexpr json::ObjectType kPhoneType = json::object_type(kPhoneMembers, kObjectWords);
constexpr auto kPhone = object_of<Phone>(kPhoneType);

constexpr json::Member kEmailMembers[] = {member<&Email::address>("address", kText),
                                          member<&Email::consent_email>("consent_email", kBoolean),
                                          member<&Email::employer_provided>("employer_provided", kBoolean,
                                                                            json::optional_member)
                                              .left_out_when(holds_default<bool, false>)};
constexpr json::ObjectType kEmailType = json::object_type(kEmailMembers, kObjectWords);
constexpr auto kEmail = object_of<Email>(kEmailType);

bool read_point_kind(json::Reader& r, const json::Codec& c, void* target, json::Scalar& v) {
  ContactPointKind kind = ContactPointKind::phone;
  if (!json::detail::read_parsed<ContactPointKind, parse_contact_point_kind>(r, c, &kind, v)) return false;
  Point& point = *static_cast<Point*>(target);
  if (point.index() != static_cast<std::size_t>(kind)) {
    switch (kind) {
      case ContactPointKind::address: point.emplace<Address>(); break;
      case ContactPointKind::phone: point.emplace<Phone>(); break;
      case ContactPointKind::email: point.emplace<Email>(); break;
    }
  }
  return true;
}
void write_point_kind(json::JsonWriter& w, const json::Codec&, const void* value) {
  w.string(to_string(static_cast<ContactPointKind>(static_cast<const Point*>(value)->index())));
}
constexpr auto kAddedKind = [] {
  json::CodecOf<Point> c = json::custom<Point>(read_point_kind, write_point_kind, one_of_words<ContactPointKind, 3>())
                               .as(json::Json::string);
  c.codec.spellings = kPointKind.codec.spellings;
  return c;
}();

constexpr auto kAddressPoint = json::alternative<Point>(kAddress);
constexpr auto kPhonePoint = json::alternative<Point>(kPhone);
constexpr auto kEmailPoint = json::alternative<Point>(kEmail);

template <auto F>
void* provenance_field(void* object) {
  return std::visit([](auto& point) -> void* { return &(point.provenance.*F); },
                    static_cast<ContactPointAdded*>(object)->point);
}
template <auto F>
const void* provenance_view(const void* object) {
  return std::visit([](const auto& point) -> const void* { return &(point.provenance.*F); },
                    static_cast<const ContactPointAdded*>(object)->point);
}

int point_kind(const void* object) {
  return static_cast<int>(static_cast<const ContactPointAdded*>(object)->point.index());
}

constexpr std::uint32_t kAnyPoint = 0b111;  // required of every kind, but not looked for while the kind is unknown
constexpr json::Member kAddedMembers[] = {
    member<&ContactPointAdded::party_id>("party_id", kText),
    member<&ContactPointAdded::point>("kind", kAddedKind),
    member<&ContactPointAdded::point>("address", kAddressPoint).in_kinds(0b001, 0b001).read_after_kind(),
    member<&ContactPointAdded::point>("phone", kPhonePoint).in_kinds(0b010, 0b010).read_after_kind(),
    member<&ContactPointAdded::point>("email", kEmailPoint).in_kinds(0b100, 0b100).read_after_kind(),
    json::member_at("source", kText, provenance_field<&Provenance::source>, provenance_view<&Provenance::source>)
        .in_kinds(json::every_kind, kAnyPoint)
        .read_after_kind(),
    json::member_at("seen", kDate, provenance_field<&Provenance::first_seen>,
                    provenance_view<&Provenance::first_seen>)
        .in_kinds(json::every_kind, kAnyPoint)
        .read_after_kind(),
    json::member_at("status", kStatus, provenance_field<&Provenance::status>, provenance_view<&Provenance::status>)
        .in_kinds(json::every_kind, kAnyPoint)
        .read_after_kind(),
    member<&ContactPointAdded::confidence_bp>("confidence_bp", kConfidence)
        .in_kinds(json::every_kind, kAnyPoint)
        .read_after_kind()};
constexpr json::ObjectType kAddedType =
    json::variant_type(kAddedMembers, kObjectWords, "kind", point_kind, nullptr);

constexpr json::Member kBrokenRuleMembers[] = {member<&BrokenRule::rule_id>("rule_id", kText),
                                               member<&BrokenRule::citation>("citation", kText),
                                               member<&BrokenRule::words>("words", kText)};
constexpr json::ObjectType kBrokenRuleType = json::object_type(kBrokenRuleMembers, kObjectWords);
constexpr auto kBrokenRule = object_of<BrokenRule>(kBrokenRuleType);
constexpr auto kRules = json::array(kBrokenRule, words("expected an array"));

constexpr json::Member kExceptionMembers[] = {member<&ComplianceException::event_id>("event_id", kId),
                                              member<&ComplianceException::rules>("rules", kRules)};
constexpr json::ObjectType kExceptionType = json::object_type(kExceptionMembers, kObjectWords);

constexpr json::Member kConsentMembers[] = {member<&ConsentChanged::party_id>("party_id", kText),
                                            member<&ConsentChanged::kind>("kind", kPointKind),
                                            member<&ConsentChanged::point>("point", kText),
                                            member<&ConsentChanged::channel>("channel", kChannel),
                                            member<&ConsentChanged::given>("given", kBoolean)};
constexpr json::ObjectType kConsentType = json::object_type(kConsentMembers, kObjectWords);

constexpr auto kRole = choice<PartyRole, parse_party_role, party_role_count>();
constexpr json::Member kPartyAddedMembers[] = {member<&PartyAdded::party_id>("party_id", kText),
                                               member<&PartyAdded::role>("role", kRole),
                                               member<&PartyAdded::given_name>("given_name", kText),
                                               member<&PartyAdded::family_name>("family_name", kText),
                                               member<&PartyAdded::represents>("represents", kText),
                                               member<&PartyAdded::source>("source", kText)};
constexpr json::ObjectType kPartyAddedType = json::object_type(kPartyAddedMembers, kObjectWords);

constexpr json::Member kRepresentationMembers[] = {
    member<&RepresentationChanged::attorney_id>("attorney_id", kText),
    member<&RepresentationChanged::ended>("ended", kBoolean),
    member<&RepresentationChanged::direct_contact>("direct_contact", kBoolean)};
constexpr json::ObjectType kRepresentationType = json::object_type(kRepresentationMembers, kObjectWords);

constexpr json::Member kProtectionMembers[] = {
    member<&ProtectionReported::party_id>("party_id", kText),
    member<&ProtectionReported::protection>("protection", kProtection),
    member<&ProtectionReported::starts>("starts", kDate),
    member<&ProtectionReported::ends>("ends", kOptionalDate, json::optional_member),
    member<&ProtectionReported::reference>("reference", kText)};
constexpr json::ObjectType kProtectionType = json::object_type(kProtectionMembers, kObjectWords);

constexpr json::Member kRecontactMembers[] = {member<&RecontactJustified::party_id>("party_id", kText),
                                              member<&RecontactJustified::reason>("reason", kText)};
constexpr json::ObjectType kRecontactType = json::object_type(kRecontactMembers, kObjectWords);

constexpr json::Member kCallbackMembers[] = {member<&CallbackScheduled::party_id>("party_id", kText),
                                             member<&CallbackScheduled::at>("at", kInstant),
                                             member<&CallbackScheduled::note>("note", kText)};
constexpr json::ObjectType kCallbackType = json::object_type(kCallbackMembers, kObjectWords);

constexpr json::Member kAssignedMembers[] = {member<&AccountAssigned::collector>("collector", kText),
                                             member<&AccountAssigned::reason>("reason", kText)};
constexpr json::ObjectType kAssignedType = json::object_type(kAssignedMembers, kObjectWords);

constexpr json::Member kReferralMembers[] = {member<&ApprovalRequested::request>("request", kText),
                                             member<&ApprovalRequested::quote_digest>("quote_digest", kText),
                                             member<&ApprovalRequested::note>("note", kText)};
constexpr json::ObjectType kReferralType = json::object_type(kReferralMembers, kObjectWords);

constexpr json::Member kDecisionMembers[] = {member<&ApprovalDecided::request_id>("request_id", kId),
                                             member<&ApprovalDecided::approved>("approved", kBoolean),
                                             member<&ApprovalDecided::note>("note", kText)};
constexpr json::ObjectType kDecisionType = json::object_type(kDecisionMembers, kObjectWords);

constexpr auto kTier = choice<RiskTier, parse_risk_tier, 3>();
constexpr auto kOptionalTier = json::optional(kTier);
constexpr json::Member kOverrideMembers[] = {
    member<&RiskOverridden::tier>("tier", kOptionalTier, json::optional_member),
    member<&RiskOverridden::reason>("reason", kText),
    member<&RiskOverridden::until>("until", kOptionalDate, json::optional_member)};
constexpr json::ObjectType kOverrideType = json::object_type(kOverrideMembers, kObjectWords);

// The payload, by the event's type (EventKind's order is EventPayload's).
constexpr auto kContactAttempted = object_of<ContactAttempted>(kContactAttemptedType);
constexpr auto kOutcomeRecorded = object_of<OutcomeRecorded>(kOutcomeType);
constexpr auto kPartyVerified = object_of<PartyVerified>(kVerifiedType);
constexpr auto kPromiseMade = object_of<PromiseMade>(kPromiseType);
constexpr auto kPlanAccepted = object_of<PlanAccepted>(kPlanType);
constexpr auto kPaymentPosted = object_of<PaymentPosted>(kPaymentType);
constexpr auto kLetterIssued = object_of<LetterIssued>(kLetterType);
constexpr auto kDisputeOpened = object_of<DisputeOpened>(kDisputeType);
constexpr auto kCeaseRequested = object_of<CeaseRequested>(kCeaseType);
constexpr auto kPreferenceSet = object_of<PreferenceSet>(kPreferenceType);
constexpr auto kContactPointUpdated = object_of<ContactPointUpdated>(kPointType);
constexpr auto kEscalated = object_of<Escalated>(kEscalatedType);
constexpr auto kContactPointAdded = object_of<ContactPointAdded>(kAddedType);
constexpr auto kConsentChanged = object_of<ConsentChanged>(kConsentType);
constexpr auto kPaymentReversed = object_of<PaymentReversed>(kReversalType);
constexpr auto kBalanceAdjusted = object_of<BalanceAdjusted>(kAdjustmentType);
constexpr auto kComplianceException = object_of<ComplianceException>(kExceptionType);
constexpr auto kPartyAdded = object_of<PartyAdded>(kPartyAddedType);
constexpr auto kRepresentationChanged = object_of<RepresentationChanged>(kRepresentationType);
constexpr auto kProtectionReported = object_of<ProtectionReported>(kProtectionType);
constexpr auto kRecontactJustified = object_of<RecontactJustified>(kRecontactType);
constexpr auto kCallbackScheduled = object_of<CallbackScheduled>(kCallbackType);
constexpr auto kAccountAssigned = object_of<AccountAssigned>(kAssignedType);
constexpr auto kApprovalRequested = object_of<ApprovalRequested>(kReferralType);
constexpr auto kRiskOverridden = object_of<RiskOverridden>(kOverrideType);
constexpr auto kApprovalDecided = object_of<ApprovalDecided>(kDecisionType);
constexpr json::Alternatives<EventPayload> kPayloads = json::alternatives<EventPayload>(
    kContactAttempted, kOutcomeRecorded, kPartyVerified, kPromiseMade, kPlanAccepted, kPaymentPosted, kLetterIssued,
    kDisputeOpened, kCeaseRequested, kPreferenceSet, kContactPointUpdated, kEscalated, kContactPointAdded,
    kConsentChanged, kPaymentReversed, kBalanceAdjusted, kComplianceException, kPartyAdded, kRepresentationChanged,
    kProtectionReported, kRecontactJustified, kCallbackScheduled, kAccountAssigned, kApprovalRequested,
    kApprovalDecided, kRiskOverridden);
constexpr auto kPayload = json::by_kind<EventPayload>(kPayloads, words("expected an object"));

// "type": the payload's alternative.
bool read_type(json::Reader& r, const json::Codec& c, void* target, json::Scalar& v) {
  if (v.kind != json::Scalar::Kind::string) {
    r.mismatch(c, v);
    return false;
  }
  const std::optional<EventKind> kind = parse_event_kind(v.text);
  if (!kind) {
    r.problem("unknown event type " + json_text::quoted(v.text));
    return false;
  }
  json::detail::alternative<EventPayload>(target, static_cast<int>(*kind));
  return true;
}
void write_type(json::JsonWriter& w, const json::Codec&, const void* value) {
  w.string(to_string(static_cast<EventKind>(static_cast<const EventPayload*>(value)->index())));
}
constexpr auto kType = [] {
  json::CodecOf<EventPayload> c =
      json::custom<EventPayload>(read_type, write_type, words("expected an event type such as \"contact-attempted\""))
          .as(json::Json::string);
  c.codec.spellings = json::detail::spellings_of<EventKind, nullptr>;
  return c;
}();

constexpr json::Member kAuthorMembers[] = {member<&Author::user>("user", kText),
                                           member<&Author::device>("device", kText)};
constexpr json::ObjectType kAuthorType = json::object_type(kAuthorMembers, kObjectWords);
constexpr auto kAuthor = object_of<Author>(kAuthorType);

int event_kind(const void* object) {
  return static_cast<int>(static_cast<const Event*>(object)->payload.index());
}
constexpr json::Member kEventMembers[] = {member<&Event::id>("id", kId),
                                          member<&Event::payload>("type", kType),
                                          member<&Event::account_id>("account_id", kText),
                                          member<&Event::recorded_at>("recorded_at", kInstant),
                                          member<&Event::author>("author", kAuthor),
                                          member<&Event::sequence>("sequence", kSequence),
                                          member<&Event::payload>("payload", kPayload)};
constexpr json::ObjectType kEventType = json::variant_type(kEventMembers, kObjectWords, "type", event_kind, nullptr);
constexpr auto kEvent = json::object<Event>(kEventType, words("expected a JSON object"));

// [SECTION] Reading ---------------------------------------------------------------------------------------------------

// Reads one event's text with `reader` (restarted on it); its problems go to `sink` under "line N" when `lines`
// (JSON Lines, the text being line `first_line`), syntax errors at "line L, column C" counted from `first_line`.
// Whether the event `e` (default-constructed) read cleanly and validate_event found nothing.
bool read_event(json::Reader& reader, std::string_view text, std::size_t first_line, bool lines, ProblemSink& sink,
                Event& e) {
  reader.restart(text);
  Problems problems = reader.read(kEvent, e);
  const std::size_t more = reader.problem_count() - problems.size();
  if (reader.text_refused()) {
    if (std::optional<Problem> syntax = json_text::find_syntax_error(text, first_line)) {
      sink.add(std::move(syntax->path), std::move(syntax->message));
      return false;
    }
    // JSON nested deeper than json::max_depth: the reader's one problem, at "line L, column C" of `text`.
    if (!problems.empty() && problems.front().path.rfind("line ", 0) == 0) {
      const std::string& where = problems.front().path;
      const std::size_t comma = where.find(',');
      const std::size_t line = std::stoul(where.substr(5, comma - 5));
      sink.add("line " + std::to_string(first_line + line - 1) + where.substr(comma),
               std::move(problems.front().message));
      return false;
    }
  }
  if (problems.empty()) problems = validate_event(e);
  if (problems.empty()) return true;
  const std::string prefix = lines ? "line " + std::to_string(first_line) : std::string();
  for (Problem& p : problems) {
    if (prefix.empty()) {
      sink.add(std::move(p.path), std::move(p.message));
    } else if (p.path.empty()) {
      sink.add(prefix, std::move(p.message));
    } else {
      sink.add(prefix + ": " + p.path, std::move(p.message));
    }
  }
  sink.count_more(more);
  return false;
}

json::Reader::Options reader_options() {
  json::Reader::Options options;
  options.closing_count = false;  // the sink counts what the reader did not keep
  return options;
}

}  // namespace

const json::ObjectType& journal_event_type() {
  return kEventType;
}

// [SECTION] API -------------------------------------------------------------------------------------------------------

EventLoad load_event(std::string_view json_object) {
  ProblemSink sink;
  json::Reader reader(json_object);
  reader.set_options(reader_options());
  EventLoad out;
  Event e;
  if (read_event(reader, json_object, 1, false, sink, e) && sink.count() == 0) out.event = std::move(e);
  out.problems = sink.finish();
  return out;
}

std::string save_event(const Event& event) {
  json::JsonWriter w;
  json::write(w, kEvent, event);
  return w.take();
}

EventLinesLoad load_event_lines(std::string_view json_lines) {
  ProblemSink sink;
  json::Reader reader(json_lines);
  reader.set_options(reader_options());
  EventLinesLoad out;
  std::vector<std::size_t> lines;  // the line of each event in out.events
  const auto most = static_cast<std::size_t>(std::count(json_lines.begin(), json_lines.end(), '\n')) + 1;
  out.events.reserve(most);
  lines.reserve(most);
  std::size_t line = 0;
  std::size_t start = 0;
  while (start < json_lines.size()) {
    ++line;
    std::size_t end = json_lines.find('\n', start);
    if (end == std::string_view::npos) end = json_lines.size();
    std::string_view text = json_lines.substr(start, end - start);
    start = end + 1;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (read_event(reader, text, line, true, sink, out.events.emplace_back())) {
      lines.push_back(line);
    } else {
      out.events.pop_back();
    }
  }

  // Repeated ids: sort (id, index) pairs, then compare neighbours.
  std::vector<std::pair<EventId, std::uint32_t>> by_id(out.events.size());
  for (std::size_t i = 0; i < by_id.size(); ++i) by_id[i] = {out.events[i].id, static_cast<std::uint32_t>(i)};
  std::sort(by_id.begin(), by_id.end());
  std::vector<bool> drop(out.events.size(), false);
  std::vector<std::pair<std::size_t, std::size_t>> conflicts;  // (later line, first line)
  std::size_t origin = 0;  // where the run of the current id begins in by_id
  for (std::size_t k = 1; k < by_id.size(); ++k) {
    if (by_id[k].first != by_id[k - 1].first) {
      origin = k;
      continue;
    }
    // The first line of the id is what the problem names (an event between may itself be a dropped repeat).
    const std::uint32_t first = by_id[origin].second;
    const std::uint32_t later = by_id[k].second;
    if (out.events[first] == out.events[later]) {
      drop[later] = true;
    } else {
      conflicts.emplace_back(lines[later], lines[first]);
    }
  }
  std::sort(conflicts.begin(), conflicts.end());
  for (const auto& [later, first] : conflicts) {
    sink.add("line " + std::to_string(later) + ": id",
             "same id as line " + std::to_string(first) + " with different content");
  }

  out.problems = sink.finish();
  if (!out.problems.empty()) {
    out.events.clear();
    return out;
  }
  if (std::find(drop.begin(), drop.end(), true) != drop.end()) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < out.events.size(); ++i) {
      if (drop[i]) continue;
      if (kept != i) out.events[kept] = std::move(out.events[i]);
      ++kept;
    }
    out.events.resize(kept);
  }
  return out;
}

JournalLoad load_journal(std::string_view json_lines) {
  EventLinesLoad lines = load_event_lines(json_lines);
  JournalLoad out;
  out.problems = std::move(lines.problems);
  if (!out.problems.empty()) return out;
  Journal journal;
  journal.add_all(std::move(lines.events));
  out.journal = std::move(journal);
  return out;
}

std::string save_event_lines(const EventRange& events) {
  json::JsonWriter w;
  w.reserve(events.size() * 256);
  for (const Event& e : events) {
    json::write(w, kEvent, e);
    w.text() += '\n';
  }
  return w.take();
}

std::string save_journal(const Journal& journal) {
  return save_event_lines(journal.events());
}

}  // namespace parley
