// Journal events: ids, enumeration spellings, the journal order and the rules of a valid event.
//
// Index of this file:
// [SECTION] EventId
// [SECTION] Enumerations
// [SECTION] Payload helpers
// [SECTION] Order
// [SECTION] Validation
#include "parley/journal/event.h"
#include "json_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

namespace parley {

// [SECTION] EventId -------------------------------------------------------------------------------------------

namespace {

int hex_value(char c, bool allow_upper) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (allow_upper && c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads 16 hex digits from `text` (which has at least 16 characters); false on any other character.
bool read_u64(std::string_view text, bool allow_upper, std::uint64_t& out) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 16; ++i) {
    const int d = hex_value(text[i], allow_upper);
    if (d < 0) return false;
    v = (v << 4) | static_cast<std::uint64_t>(d);
  }
  out = v;
  return true;
}

}  // namespace

EventId EventId::from_bytes(const std::array<std::uint8_t, 16>& bytes) {
  std::uint64_t high = 0;
  std::uint64_t low = 0;
  for (std::size_t i = 0; i < 8; ++i) high = (high << 8) | bytes[i];
  for (std::size_t i = 8; i < 16; ++i) low = (low << 8) | bytes[i];
  return EventId(high, low);
}

std::optional<EventId> EventId::parse(std::string_view hex) {
  if (hex.size() != 32) return std::nullopt;
  std::uint64_t high = 0;
  std::uint64_t low = 0;
  if (!read_u64(hex.substr(0, 16), false, high) || !read_u64(hex.substr(16), false, low)) return std::nullopt;
  return EventId(high, low);
}

std::optional<EventId> EventId::parse_uuid(std::string_view uuid) {
  if (uuid.size() != 36 || uuid[8] != '-' || uuid[13] != '-' || uuid[18] != '-' || uuid[23] != '-')
    return std::nullopt;
  std::string digits;
  digits.reserve(32);
  for (char c : uuid) {
    if (c != '-') digits += c;
  }
  if (digits.size() != 32) return std::nullopt;
  std::uint64_t high = 0;
  std::uint64_t low = 0;
  const std::string_view d = digits;
  if (!read_u64(d.substr(0, 16), true, high) || !read_u64(d.substr(16), true, low)) return std::nullopt;
  return EventId(high, low);
}

std::string EventId::hex() const {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 0; i < 16; ++i) {
    out[static_cast<std::size_t>(15 - i)] = kDigits[(high_ >> (4 * i)) & 0xF];
    out[static_cast<std::size_t>(31 - i)] = kDigits[(low_ >> (4 * i)) & 0xF];
  }
  return out;
}

// [SECTION] Enumerations --------------------------------------------------------------------------------------

namespace {

constexpr std::string_view kChannels[] = {"phone", "sms", "email", "letter", "in-person"};
constexpr std::string_view kDirections[] = {"outbound", "inbound"};
constexpr std::string_view kOutcomes[] = {"right-party-contact", "third-party", "wrong-number",
                                          "left-message",        "limited-content-message",
                                          "no-answer",           "refused",
                                          "promise-to-pay",      "dispute",
                                          "cease-request",       "bankrupt",
                                          "deceased",            "not-connected"};
constexpr std::string_view kMethods[] = {"security-questions", "portal-login", "document"};
constexpr std::string_view kScopes[] = {"all", "channels"};
constexpr std::string_view kPointKinds[] = {"address", "phone", "email"};
constexpr std::string_view kTargets[] = {"hard-collections", "legal", "return-to-client"};
constexpr std::string_view kReversalReasons[] = {"returned", "charged-back", "posted-in-error"};
constexpr std::string_view kDirectionsOfAdjustment[] = {"charge", "credit"};
constexpr std::string_view kLetterPurposes[] = {"collection",        "prior-letter", "validation-notice", "verification",
                                                "original-creditor", "termination",  "remedy"};
constexpr std::string_view kDisputeSubjects[] = {"debt", "original-creditor"};
constexpr std::string_view kProtections[] = {"breathing-space", "mental-health-crisis", "over-indebtedness"};
constexpr std::string_view kInstrumentKinds[] = {"card", "us-bank-account", "iban"};
constexpr std::string_view kKinds[] = {"contact-attempted",   "outcome-recorded",      "party-verified",
                                       "promise-made",        "plan-accepted",         "payment-posted",
                                       "letter-issued",       "dispute-opened",        "cease-requested",
                                       "preference-set",      "contact-point-updated", "escalated",
                                       "contact-point-added", "consent-changed",       "payment-reversed",
                                       "balance-adjusted",    "compliance-exception",  "party-added",
                                       "representation-changed", "protection-reported", "recontact-justified",
                                       "callback-scheduled",  "account-assigned",
                                       "approval-requested",  "approval-decided",      "risk-overridden"};
static_assert(std::size(kKinds) == event_kind_count);
static_assert(std::variant_size_v<EventPayload> == event_kind_count);

template <class E, std::size_t N>
std::optional<E> find_spelling(const std::string_view (&names)[N], std::string_view text) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<E>(i);
  }
  return std::nullopt;
}

template <std::size_t N, class E>
std::string_view spelling(const std::string_view (&names)[N], E value) {
  return names[static_cast<std::size_t>(value)];
}

}  // namespace

std::string_view to_string(ContactChannel v) { return spelling(kChannels, v); }
std::string_view to_string(ContactDirection v) { return spelling(kDirections, v); }
std::string_view to_string(ContactOutcome v) { return spelling(kOutcomes, v); }
std::string_view to_string(VerificationMethod v) { return spelling(kMethods, v); }
std::string_view to_string(CeaseScope v) { return spelling(kScopes, v); }
std::string_view to_string(ContactPointKind v) { return spelling(kPointKinds, v); }
std::string_view to_string(EscalationTarget v) { return spelling(kTargets, v); }
std::string_view to_string(ReversalReason v) { return spelling(kReversalReasons, v); }
std::string_view to_string(AdjustmentDirection v) { return spelling(kDirectionsOfAdjustment, v); }
std::string_view to_string(LetterPurpose v) { return spelling(kLetterPurposes, v); }
std::string_view to_string(DisputeSubject v) { return spelling(kDisputeSubjects, v); }
std::string_view to_string(Protection v) { return spelling(kProtections, v); }
std::string_view to_string(InstrumentKind v) { return spelling(kInstrumentKinds, v); }
std::string_view instrument_name(InstrumentKind v) {
  switch (v) {
    case InstrumentKind::card: return "card";
    case InstrumentKind::us_bank_account: return "bank account";
    case InstrumentKind::iban: return "IBAN";
  }
  return "instrument";
}
std::string_view protection_name(Protection v) {
  switch (v) {
    case Protection::breathing_space: return "breathing space moratorium";
    case Protection::mental_health_crisis: return "mental health crisis moratorium";
    case Protection::over_indebtedness: return "surendettement (over-indebtedness) procedure";
  }
  return "protection";
}
std::string_view to_string(EventKind v) { return spelling(kKinds, v); }

std::optional<ContactChannel> parse_contact_channel(std::string_view t) {
  return find_spelling<ContactChannel>(kChannels, t);
}
std::optional<ContactDirection> parse_contact_direction(std::string_view t) {
  return find_spelling<ContactDirection>(kDirections, t);
}
std::optional<ContactOutcome> parse_contact_outcome(std::string_view t) {
  return find_spelling<ContactOutcome>(kOutcomes, t);
}

bool party_spoke(ContactOutcome outcome) {
  switch (outcome) {
    case ContactOutcome::right_party_contact:
    case ContactOutcome::refused:
    case ContactOutcome::promise_to_pay:
    case ContactOutcome::dispute:
    case ContactOutcome::cease_request:
    case ContactOutcome::bankrupt:
    case ContactOutcome::deceased:
      return true;
    case ContactOutcome::third_party:
    case ContactOutcome::wrong_number:
    case ContactOutcome::left_message:
    case ContactOutcome::limited_content_message:
    case ContactOutcome::no_answer:
    case ContactOutcome::not_connected:
      return false;
  }
  return false;
}
std::optional<VerificationMethod> parse_verification_method(std::string_view t) {
  return find_spelling<VerificationMethod>(kMethods, t);
}
std::optional<CeaseScope> parse_cease_scope(std::string_view t) { return find_spelling<CeaseScope>(kScopes, t); }
std::optional<LetterPurpose> parse_letter_purpose(std::string_view t) {
  return find_spelling<LetterPurpose>(kLetterPurposes, t);
}
std::optional<DisputeSubject> parse_dispute_subject(std::string_view t) {
  return find_spelling<DisputeSubject>(kDisputeSubjects, t);
}
std::optional<Protection> parse_protection(std::string_view t) { return find_spelling<Protection>(kProtections, t); }
std::optional<InstrumentKind> parse_instrument_kind(std::string_view t) {
  return find_spelling<InstrumentKind>(kInstrumentKinds, t);
}

bool in_writing(ContactChannel channel) {
  return channel == ContactChannel::letter || channel == ContactChannel::email || channel == ContactChannel::sms;
}
std::optional<ContactPointKind> parse_contact_point_kind(std::string_view t) {
  return find_spelling<ContactPointKind>(kPointKinds, t);
}
std::optional<EscalationTarget> parse_escalation_target(std::string_view t) {
  return find_spelling<EscalationTarget>(kTargets, t);
}
std::optional<ReversalReason> parse_reversal_reason(std::string_view t) {
  return find_spelling<ReversalReason>(kReversalReasons, t);
}
std::optional<AdjustmentDirection> parse_adjustment_direction(std::string_view t) {
  return find_spelling<AdjustmentDirection>(kDirectionsOfAdjustment, t);
}
std::optional<EventKind> parse_event_kind(std::string_view t) { return find_spelling<EventKind>(kKinds, t); }

std::optional<ContactPointKind> point_kind_of(ContactChannel channel) {
  switch (channel) {
    case ContactChannel::phone:
    case ContactChannel::sms: return ContactPointKind::phone;
    case ContactChannel::email: return ContactPointKind::email;
    case ContactChannel::letter: return ContactPointKind::address;
    case ContactChannel::in_person: return std::nullopt;
  }
  return std::nullopt;
}

bool channel_fits(ContactPointKind kind, ContactChannel channel) { return point_kind_of(channel) == kind; }

// [SECTION] Payload helpers -----------------------------------------------------------------------------------

namespace {

template <class A>
auto& part_of(A& allocation, BalancePart p) {
  switch (p) {
    case BalancePart::fees: return allocation.fees;
    case BalancePart::interest: return allocation.interest;
    case BalancePart::principal: return allocation.principal;
  }
  return allocation.principal;  // not reached: every part is handled above
}

}  // namespace

Money& BalanceParts::part(BalancePart p) { return part_of(*this, p); }
Money BalanceParts::part(BalancePart p) const { return part_of(*this, p); }

const Provenance& ContactPointAdded::provenance() const {
  return std::visit([](const auto& p) -> const Provenance& { return p.provenance; }, point);
}

std::string address_key(const PostalAddress& address) {
  std::string out;
  const auto append = [&](const std::string& part) {
    if (part.empty()) return;
    if (!out.empty()) out += ", ";
    out += part;
  };
  for (const std::string& line : address.lines) append(line);
  append(address.city);
  append(address.region);
  append(address.postal_code);
  append(address.country);
  return out;
}

// [SECTION] Order ---------------------------------------------------------------------------------------------

bool comes_before(const Event& a, const Event& b) {
  if (a.recorded_at != b.recorded_at) return a.recorded_at < b.recorded_at;
  if (const int c = a.author.device.compare(b.author.device); c != 0) return c < 0;
  if (a.sequence != b.sequence) return a.sequence < b.sequence;
  return a.id < b.id;
}

// [SECTION] Validation ----------------------------------------------------------------------------------------

namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 if none starts there (overlong forms, surrogates and
// code points above U+10FFFF are not sequences).
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const auto tail = [&](std::size_t k) { return k < text.size() && (byte(k) & 0xC0) == 0x80; };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return tail(i + 1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (!tail(i + 1) || !tail(i + 2)) return 0;
    if (lead == 0xE0 && byte(i + 1) < 0xA0) return 0;
    if (lead == 0xED && byte(i + 1) > 0x9F) return 0;
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (!tail(i + 1) || !tail(i + 2) || !tail(i + 3)) return 0;
    if (lead == 0xF0 && byte(i + 1) < 0x90) return 0;
    if (lead == 0xF4 && byte(i + 1) > 0x8F) return 0;
    return 4;
  }
  return 0;
}

// The channels consent is given for on a kind of contact point.
std::string channels_of(ContactPointKind kind) {
  switch (kind) {
    case ContactPointKind::address: return "\"letter\"";
    case ContactPointKind::phone: return "\"phone\" or \"sms\"";
    case ContactPointKind::email: return "\"email\"";
  }
  return "";
}

class Checker {
 public:
  void fail(std::string path, std::string message) { problems_.push_back(Problem{std::move(path), std::move(message)}); }
  void non_empty(const std::string& value, const char* path, std::size_t longest = max_event_text_bytes) {
    if (value.empty()) {
      fail(path, "must not be empty");
    } else {
      text(value, path, longest);
    }
  }
  void id(const std::string& value, const char* path) { non_empty(value, path, max_event_id_bytes); }
  // Free text: valid UTF-8 of at most `longest` bytes.
  void text(std::string_view value, const char* path, std::size_t longest = max_event_text_bytes) {
    if (value.size() > longest) {
      fail(path, "must be at most " + std::to_string(longest) + " bytes, got " + std::to_string(value.size()));
      return;
    }
    utf8(value, path);
  }
  // Text must be valid UTF-8: the JSON form cannot carry other bytes, so every replica would not hold the same.
  void utf8(std::string_view text, const char* path) {
    std::size_t i = 0;
    while (i < text.size()) {
      const std::size_t n = utf8_length(text, i);
      if (n == 0) {
        fail(path, "must be valid UTF-8");
        return;
      }
      i += n;
    }
  }
  void positive(Money amount, const char* path) {
    if (amount.currency() == Currency{}) fail(path, "must carry a currency");
    if (amount.minor() <= 0) fail(path, "must be positive");
    if (amount.minor() > json_text::max_exact_integer) fail(path, "is too large");
  }
  void not_negative(Money amount, Currency currency, const std::string& path) {
    if (amount.currency() != currency) {
      fail(path, "must be in the event's currency " + std::string(currency.code()));
    } else if (amount.minor() < 0) {
      fail(path, "must not be negative");
    } else if (amount.minor() > json_text::max_exact_integer) {
      fail(path, "is too large");
    }
  }
  void channel_set(const std::vector<ContactChannel>& channels, const std::string& path) {
    for (std::size_t i = 0; i < channels.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (channels[j] == channels[i]) {
          fail(path + "[" + std::to_string(i) + "]",
               "\"" + std::string(to_string(channels[i])) + "\" is listed twice");
          break;
        }
      }
    }
  }
  // Dates and instants must have four-digit years (0000..9999) so that their JSON text reads back.
  void writable(Date date, const char* path) {
    constexpr std::int32_t kFirst = -719528;  // 0000-01-01
    constexpr std::int32_t kLast = 2932896;   // 9999-12-31
    if (date.days_since_epoch() < kFirst || date.days_since_epoch() > kLast)
      fail(path, "must be in the years 0000 to 9999");
  }
  void writable(Instant instant, const char* path) {
    constexpr std::int64_t kFirst = -62167219200;  // 0000-01-01T00:00:00Z
    constexpr std::int64_t kLast = 253402300799;   // 9999-12-31T23:59:59Z
    if (instant.unix_seconds() < kFirst || instant.unix_seconds() > kLast)
      fail(path, "must be in the years 0000 to 9999");
  }
  // A plan request as PlanAccepted and ApprovalRequested carry it: JSON text, with the digest of its quote.
  void plan_request(const std::string& request, const std::string& quote_digest) {
    if (request.empty()) {
      fail("payload.request", "must not be empty");
    } else if (request.size() > max_event_request_bytes) {
      fail("payload.request", "must be at most " + std::to_string(max_event_request_bytes) + " bytes, got " +
                                  std::to_string(request.size()));
    } else if (!nlohmann::json::accept(request)) {  // also rejects text that is not UTF-8
      fail("payload.request", "must be JSON text");
    }
    non_empty(quote_digest, "payload.quote_digest");
  }
  Problems take() { return std::move(problems_); }

  void payload(const ContactAttempted& p) {
    id(p.party_id, "payload.party_id");
    if (p.channel != ContactChannel::in_person && p.contact_point.empty())
      fail("payload.contact_point", "must not be empty unless the channel is \"in-person\"");
    text(p.contact_point, "payload.contact_point");
  }
  void payload(const OutcomeRecorded& p) {
    if (p.attempt_id.is_nil()) fail("payload.attempt_id", "must not be all zeros");
    if (p.outcome == ContactOutcome::not_connected && p.conversation) {
      fail("payload.conversation", "must be false when the call did not connect");
    }
  }
  void payload(const PartyVerified& p) {
    id(p.party_id, "payload.party_id");
    if (p.questions_passed < 0) fail("payload.questions_passed", "must not be negative");
  }
  void payload(const PromiseMade& p) {
    positive(p.amount, "payload.amount");
    writable(p.due, "payload.due");
  }
  void payload(const PlanAccepted& p) { plan_request(p.request, p.quote_digest); }
  void payload(const ApprovalRequested& p) {
    plan_request(p.request, p.quote_digest);
    text(p.note, "payload.note");
  }
  void payload(const RiskOverridden& p) {
    text(p.reason, "payload.reason");
    if (p.tier && p.reason.empty()) fail("payload.reason", "must say why the tier is set by hand");
    if (p.until) writable(*p.until, "payload.until");
    if (!p.tier && p.until) fail("payload.until", "must be absent when the override ends (no tier)");
  }
  void payload(const ApprovalDecided& p) {
    if (p.request_id.is_nil()) fail("payload.request_id", "must not be all zeros");
    text(p.note, "payload.note");
  }
  void payload(const PaymentPosted& p) {
    positive(p.amount, "payload.amount");
    writable(p.date, "payload.date");
    const Currency c = p.amount.currency();
    not_negative(p.allocation.fees, c, "payload.allocation.fees");
    not_negative(p.allocation.interest, c, "payload.allocation.interest");
    not_negative(p.allocation.principal, c, "payload.allocation.principal");
    if (problems_.empty() && p.allocation.total() != p.amount) {
      fail("payload.allocation", "must add up to the amount " + std::to_string(p.amount.minor()) + ", got " +
                                     std::to_string(p.allocation.total().minor()));
    }
    text(p.receipt, "payload.receipt", max_event_id_bytes);
    if (p.instrument) {
      const PaymentInstrument& i = *p.instrument;
      const bool four = i.last_four.size() == 4 && std::all_of(i.last_four.begin(), i.last_four.end(), [](char ch) {
        return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z');
      });
      if (!four) fail("payload.instrument.last_four", "must be the last four digits or capital letters");
      non_empty(i.processor, "payload.instrument.processor", max_event_id_bytes);
      non_empty(i.token, "payload.instrument.token", max_event_id_bytes);
      non_empty(i.reference, "payload.instrument.reference", max_event_id_bytes);
    }
  }
  void payload(const PaymentReversed& p) {
    if (p.payment_id.is_nil()) fail("payload.payment_id", "must not be all zeros");
    writable(p.date, "payload.date");
  }
  void payload(const BalanceAdjusted& p) {
    positive(p.amount, "payload.amount");
    writable(p.date, "payload.date");
    if (p.part == BalancePart::principal && p.direction == AdjustmentDirection::charge) {
      fail("payload.part", "principal is never charged after placement; only interest and fees are");
    }
    text(p.reason, "payload.reason");
  }
  void payload(const LetterIssued& p) {
    id(p.party_id, "payload.party_id");
    id(p.template_id, "payload.template_id");
    id(p.template_version, "payload.template_version");
    if (!looks_like_language_tag(p.locale))
      fail("payload.locale", "must be a language tag such as \"en-US\"");
    non_empty(p.address, "payload.address");
    writable(p.provided, "payload.provided");
    const Balance& f = p.figures;
    writable(f.itemisation_date, "payload.figures.itemisation_date");
    const Currency c = f.principal.currency();
    if (c == Currency{}) fail("payload.figures.currency", "must be a real currency, not \"XXX\"");
    not_negative(f.principal, c, "payload.figures.principal");
    not_negative(f.interest, c, "payload.figures.interest");
    not_negative(f.fees, c, "payload.figures.fees");
    not_negative(f.payments, c, "payload.figures.payments");
    not_negative(f.credits, c, "payload.figures.credits");
    non_empty(p.document_digest, "payload.document_digest", max_event_id_bytes);
    if (p.validation_ends) {
      writable(*p.validation_ends, "payload.validation_ends");
      if (p.purpose != LetterPurpose::validation_notice) {
        fail("payload.validation_ends", "is stated only by a letter of purpose \"validation-notice\"");
      } else if (*p.validation_ends < p.provided) {
        fail("payload.validation_ends", "must not be before provided");
      }
    }
  }
  void payload(const DisputeOpened& p) {
    id(p.party_id, "payload.party_id");
    text(p.reason, "payload.reason");
    writable(p.received, "payload.received");
  }
  void payload(const CeaseRequested& p) {
    id(p.party_id, "payload.party_id");
    if (p.scope == CeaseScope::all && !p.channels.empty())
      fail("payload.channels", "must be empty when the scope is \"all\"");
    if (p.scope == CeaseScope::channels && p.channels.empty())
      fail("payload.channels", "must list at least one channel when the scope is \"channels\"");
    channel_set(p.channels, "payload.channels");
  }
  void payload(const PreferenceSet& p) {
    id(p.party_id, "payload.party_id");
    for (std::size_t i = 0; i < p.avoid_times.size(); ++i) {
      const InconvenientTime& t = p.avoid_times[i];
      const std::string at = "payload.avoid_times[" + std::to_string(i) + "]";
      if (t.from_minute < 0 || t.from_minute >= 1440) fail(at + ".from", "must be from 00:00 to 23:59");
      if (t.to_minute < 1 || t.to_minute > 1440) {
        fail(at + ".to", "must be from 00:01 to 24:00");
      } else if (t.to_minute <= t.from_minute) {
        fail(at + ".to", "must be after \"from\"");
      }
      if (static_cast<int>(t.weekday) < 1 || static_cast<int>(t.weekday) > 7) fail(at + ".weekday", "is not a day");
    }
    channel_set(p.avoid_channels, "payload.avoid_channels");
  }
  void payload(const ContactPointUpdated& p) {
    id(p.party_id, "payload.party_id");
    non_empty(p.point, "payload.point");
  }
  void payload(const Escalated& p) { text(p.reason, "payload.reason"); }
  void payload(const ContactPointAdded& p) {
    id(p.party_id, "payload.party_id");
    if (p.confidence_bp < 0 || p.confidence_bp > 10000) fail("payload.confidence_bp", "must be from 0 to 10000");
    const std::string path = "payload." + std::string(to_string(p.kind()));
    std::visit([&](const auto& point) { check_contact_point(point, path, problems_); }, p.point);
    const Provenance& from = p.provenance();
    non_empty(from.source, "payload.source", max_event_id_bytes);
    writable(from.first_seen, "payload.seen");
    if (from.last_seen) fail("payload.seen", "a point just added has no last-seen date");
    if (const Address* a = std::get_if<Address>(&p.point)) {
      for (const std::string& line : a->postal.lines) text(line, (path + ".lines").c_str());
    } else if (const Email* e = std::get_if<Email>(&p.point)) {
      text(e->address, (path + ".address").c_str());
    }
  }
  void payload(const ComplianceException& p) {
    if (p.event_id.is_nil()) fail("payload.event_id", "must not be all zeros");
    if (p.rules.empty()) fail("payload.rules", "must list at least one rule");
    for (std::size_t i = 0; i < p.rules.size(); ++i) {
      const std::string at = "payload.rules[" + std::to_string(i) + "]";
      id(p.rules[i].rule_id, (at + ".rule_id").c_str());
      text(p.rules[i].citation, (at + ".citation").c_str());
      non_empty(p.rules[i].words, (at + ".words").c_str());
    }
  }
  void payload(const PartyAdded& p) {
    id(p.party_id, "payload.party_id");
    if (p.role == PartyRole::debtor) fail("payload.role", "must not be \"debtor\": the debtor comes with the placement");
    text(p.given_name, "payload.given_name");
    text(p.family_name, "payload.family_name");
    if (p.given_name.empty() && p.family_name.empty()) {
      fail("payload.family_name", "must be given when given_name is empty");
    }
    if (p.role == PartyRole::attorney) {
      id(p.represents, "payload.represents");
      if (p.represents == p.party_id) fail("payload.represents", "must name another party than the attorney");
    } else if (!p.represents.empty()) {
      fail("payload.represents", "must be empty for a party that is not an attorney");
    }
    id(p.source, "payload.source");
  }
  void payload(const RepresentationChanged& p) { id(p.attorney_id, "payload.attorney_id"); }
  void payload(const ProtectionReported& p) {
    id(p.party_id, "payload.party_id");
    if (p.ends && *p.ends < p.starts) fail("payload.ends", "must not be before starts");
    text(p.reference, "payload.reference", max_protection_reference_bytes);
  }
  void payload(const RecontactJustified& p) {
    id(p.party_id, "payload.party_id");
    non_empty(p.reason, "payload.reason");
  }
  void payload(const AccountAssigned& p) {
    id(p.collector, "payload.collector");
    text(p.reason, "payload.reason");
  }
  void payload(const CallbackScheduled& p) {
    id(p.party_id, "payload.party_id");
    text(p.note, "payload.note");
  }
  void payload(const ConsentChanged& p) {
    id(p.party_id, "payload.party_id");
    non_empty(p.point, "payload.point");
    if (!channel_fits(p.kind, p.channel)) {
      fail("payload.channel", "\"" + std::string(to_string(p.channel)) + "\" is not a channel of a " +
                                  std::string(to_string(p.kind)) + " (" + channels_of(p.kind) + ")");
    }
  }

 private:
  // Two or three letters, then subtags of letters or digits after '-': "en", "en-US", "es-419".
  static bool looks_like_language_tag(std::string_view tag) {
    std::size_t start = 0;
    bool first = true;
    while (true) {
      const std::size_t dash = tag.find('-', start);
      const std::string_view part = tag.substr(start, dash == std::string_view::npos ? tag.npos : dash - start);
      if (part.empty() || part.size() > 8) return false;
      for (char c : part) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool digit = c >= '0' && c <= '9';
        if (!letter && !(digit && !first)) return false;
      }
      if (first && (part.size() < 2 || part.size() > 3)) return false;
      first = false;
      if (dash == std::string_view::npos) return true;
      start = dash + 1;
    }
  }

  Problems problems_;
};

}  // namespace

Problems validate_event(const Event& event) {
  Checker check;
  if (event.id.is_nil()) check.fail("id", "must not be all zeros");
  check.id(event.account_id, "account_id");
  check.writable(event.recorded_at, "recorded_at");
  check.id(event.author.user, "author.user");
  check.id(event.author.device, "author.device");
  if (event.sequence < 1 || event.sequence > max_event_sequence)
    check.fail("sequence", "must be from 1 to 9007199254740991");
  std::visit([&](const auto& p) { check.payload(p); }, event.payload);
  return check.take();
}

}  // namespace parley
