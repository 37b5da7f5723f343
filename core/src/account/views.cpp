// Views of an account state: plan progress, the timeline's words, and the state's JSON form.
//
// Index of this file:
// [SECTION] Plans
// [SECTION] Timeline
// [SECTION] JSON
#include "parley/account/views.h"

#include <algorithm>
#include <string>

#include "json_writer.h"
#include "parley/plans/plan_json.h"

namespace parley {

// [SECTION] Plans ---------------------------------------------------------------------------------------------

std::string_view to_string(InstalmentStatus s) {
  switch (s) {
    case InstalmentStatus::paid: return "paid";
    case InstalmentStatus::part_paid: return "part-paid";
    case InstalmentStatus::due: return "due";
    case InstalmentStatus::missed: return "missed";
  }
  return "due";
}

std::string_view to_string(PlanStatus s) {
  switch (s) {
    case PlanStatus::active: return "active";
    case PlanStatus::completed: return "completed";
    case PlanStatus::broken: return "broken";
    case PlanStatus::superseded: return "superseded";
  }
  return "active";
}

PlanProgress plan_progress(const AccountState& state, const PlanRecord& plan, Date as_of,
                           const CalendarSet& calendars) {
  PlanProgress out;
  const plans::RequestLoad load = plans::load_request(plan.request);
  if (!load.request) {
    for (const Problem& p : load.problems) out.problems.push_back({"request." + p.path, p.message});
    return out;
  }
  const Calendar* calendar = nullptr;
  if (!load.request->calendar_id.empty()) {
    const auto found = calendars.find(load.request->calendar_id);
    if (found == calendars.end()) {
      out.problems.push_back({"request.calendar", "the holiday calendar " + load.request->calendar_id +
                                                      " is not loaded, so the due dates are unknown"});
      return out;
    }
    calendar = &found->second;
  }
  plans::QuoteResult quoted = plans::quote_plan(*load.request, calendar);
  if (!quoted.quote) {
    for (const Problem& p : quoted.problems) out.problems.push_back({"request." + p.path, p.message});
    return out;
  }
  const Currency c = quoted.quote->currency;
  out.paid = Money::zero(c);
  for (const CountedPayment& p : plan.payments) {
    if (p.date <= as_of) out.paid += p.amount;
  }
  const int grace = state.promise_grace_days();
  Money left = out.paid;
  bool all_paid = true;
  bool missed = false;
  for (const plans::ScheduleRow& row : quoted.quote->schedule) {
    InstalmentState r{row, Money::zero(c), InstalmentStatus::due};
    r.paid = left < row.amount ? left : row.amount;
    left -= r.paid;
    if (r.paid == row.amount) {
      r.status = InstalmentStatus::paid;
    } else if (as_of > row.due.plus_days(grace)) {
      r.status = InstalmentStatus::missed;
    } else if (r.paid.minor() > 0) {
      r.status = InstalmentStatus::part_paid;
    }
    all_paid = all_paid && r.status == InstalmentStatus::paid;
    missed = missed || r.status == InstalmentStatus::missed;
    out.rows.push_back(std::move(r));
  }
  out.status = plan.superseded_by ? PlanStatus::superseded
               : all_paid         ? PlanStatus::completed
               : missed           ? PlanStatus::broken
                                  : PlanStatus::active;
  out.quote = std::move(quoted.quote);
  return out;
}

// [SECTION] Timeline ------------------------------------------------------------------------------------------

namespace {

std::string name_of(const AccountState& state, std::string_view party_id) {
  const PartyRecord* r = state.party(party_id);
  if (r == nullptr) return "unknown party " + std::string(party_id);
  return full_name(*r->party);
}

std::string short_digest(const std::string& digest) {
  return digest.substr(0, std::min<std::size_t>(digest.size(), 16));
}

std::string spaced(std::string_view spelling) {  // "right-party-contact" -> "right party contact"
  std::string out(spelling);
  std::replace(out.begin(), out.end(), '-', ' ');
  return out;
}

std::string minute_text(Instant at) {  // "2026-03-08 13:30 UTC"
  const std::string iso = at.iso();
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

std::string attempt_word(ContactChannel channel) {
  switch (channel) {
    case ContactChannel::phone: return "call";
    case ContactChannel::sms: return "text message";
    case ContactChannel::email: return "email";
    case ContactChannel::letter: return "letter";
    case ContactChannel::in_person: return "visit";
  }
  return "contact";
}

std::string parts_text(const BalanceParts& parts, Locale locale) {
  return "fees " + format_money(parts.fees, locale) + ", interest " + format_money(parts.interest, locale) +
         ", principal " + format_money(parts.principal, locale);
}

// "card ending 1111 (sandbox, charge sandbox-ch-1)": what identifies a payment's instrument, without its number.
std::string instrument_text(const PaymentInstrument& i) {
  return std::string(instrument_name(i.kind)) + " ending " + i.last_four + " (" + i.processor + ", charge " +
         i.reference + ")";
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

struct Describer {
  const AccountState& s;
  Locale locale;

  std::string operator()(const ContactAttempted& a) const {
    std::string out = capitalised(attempt_word(a.channel));
    out += a.direction == ContactDirection::inbound ? " from " : " to ";
    out += a.contact_point.empty() ? name_of(s, a.party_id) : a.contact_point + " of " + name_of(s, a.party_id);
    return out + (a.direction == ContactDirection::inbound ? ", inbound" : ", outbound");
  }
  std::string operator()(const OutcomeRecorded& o) const {
    const AttemptRecord* a = s.attempt(o.attempt_id);
    std::string out = "Outcome";
    if (a != nullptr) out += " of the " + attempt_word(a->channel) + " of " + minute_text(a->at);
    out += ": " + spaced(to_string(o.outcome));
    if (o.conversation) out += " (a conversation)";
    return out;
  }
  std::string operator()(const PartyVerified& v) const {
    return name_of(s, v.party_id) + " verified by " + spaced(to_string(v.method)) +
           (v.method == VerificationMethod::security_questions
                ? " (" + std::to_string(v.questions_passed) + " answers correct)"
                : std::string());
  }
  std::string operator()(const PromiseMade& p) const {
    return "Promise to pay " + format_money(p.amount, locale) + " by " + p.due.iso();
  }
  std::string operator()(const PlanAccepted& p) const {
    return "Plan accepted (quote " + short_digest(p.quote_digest) + ")";
  }
  std::string operator()(const PaymentPosted& p) const {
    std::string out = "Payment of " + format_money(p.amount, locale) + " by " + spaced(to_string(p.method)) + " on " +
                      p.date.iso() + ": " + parts_text(p.allocation, locale);
    if (p.instrument) out += "; " + instrument_text(*p.instrument);
    if (!p.receipt.empty()) out += "; receipt " + p.receipt;
    return out;
  }
  std::string operator()(const PaymentReversed& r) const {
    const PaymentRecord* paid = s.payment(r.payment_id);
    std::string out = "Payment";
    if (paid != nullptr) out += " of " + format_money(paid->amount, locale) + " made on " + paid->date.iso();
    return out + " reversed (" + spaced(to_string(r.reason)) + ") on " + r.date.iso();
  }
  std::string operator()(const BalanceAdjusted& a) const {
    std::string out = a.direction == AdjustmentDirection::charge ? "Charged " : "Credited ";
    out += format_money(a.amount, locale) + (a.direction == AdjustmentDirection::charge ? " of " : " against ") +
           std::string(to_string(a.part)) + " on " + a.date.iso();
    if (!a.reason.empty()) out += ": " + a.reason;
    return out;
  }
  std::string operator()(const LetterIssued& l) const {
    std::string out = "Letter " + l.template_id + " (" + l.template_version + ", " + l.locale + ") to " +
                      name_of(s, l.party_id) + " at " + l.address + ", provided " + l.provided.iso();
    if (l.purpose != LetterPurpose::collection) out += "; purpose " + std::string(to_string(l.purpose));
    if (l.validation_ends) out += "; validation period ends " + l.validation_ends->iso();
    return out;
  }
  std::string operator()(const DisputeOpened& d) const {
    std::string out = (d.subject == DisputeSubject::debt ? "Dispute by " : "Request for the original creditor by ") +
                      name_of(s, d.party_id) + " received " + d.received.iso();
    if (d.via) out += in_writing(*d.via) ? " in writing, by " + std::string(to_string(*d.via))
                                         : " on a " + std::string(to_string(*d.via)) + " contact";
    if (!d.reason.empty()) out += ": " + d.reason;
    return out;
  }
  std::string operator()(const CeaseRequested& c) const {
    std::string out = name_of(s, c.party_id) + " asked that communication stop";
    if (c.scope == CeaseScope::channels) {
      out += " by";
      for (std::size_t i = 0; i < c.channels.size(); ++i) {
        out += (i == 0 ? " " : ", ") + std::string(to_string(c.channels[i]));
      }
    }
    if (c.via) out += in_writing(*c.via) ? " (in writing, by " + std::string(to_string(*c.via)) + ")"
                                         : " (said on a " + std::string(to_string(*c.via)) + " contact)";
    return out;
  }
  std::string operator()(const PreferenceSet& p) const {
    if (p.avoid_times.empty() && p.avoid_channels.empty()) return name_of(s, p.party_id) + " cleared their preferences";
    std::string out = name_of(s, p.party_id) + " set preferences:";
    if (!p.avoid_channels.empty()) {
      out += " not by";
      for (std::size_t i = 0; i < p.avoid_channels.size(); ++i) {
        out += (i == 0 ? " " : ", ") + std::string(to_string(p.avoid_channels[i]));
      }
      out += ";";
    }
    if (!p.avoid_times.empty()) out += " " + std::to_string(p.avoid_times.size()) + " inconvenient times";
    return out;
  }
  std::string operator()(const ContactPointUpdated& u) const {
    return capitalised(std::string(to_string(u.kind))) + " " + u.point + " of " + name_of(s, u.party_id) +
           " marked " + spaced(to_string(u.status));
  }
  std::string operator()(const ConsentChanged& c) const {
    return std::string(c.given ? "Consent given" : "Consent revoked") + " for " + std::string(to_string(c.channel)) +
           " to " + c.point + " of " + name_of(s, c.party_id);
  }
  std::string operator()(const ContactPointAdded& a) const {
    const Provenance& from = a.provenance();
    const std::string point = std::visit(
        [](const auto& p) -> std::string {
          using T = std::decay_t<decltype(p)>;
          if constexpr (std::is_same_v<T, Address>) return address_key(p.postal);
          if constexpr (std::is_same_v<T, Phone>) return p.number;
          if constexpr (std::is_same_v<T, Email>) return p.address;
        },
        a.point);
    return capitalised(std::string(to_string(a.kind()))) + " " + point + " added for " + name_of(s, a.party_id) +
           " from " + from.source + " (seen " + from.first_seen.iso() + ", confidence " +
           std::to_string(a.confidence_bp / 100) + " %)";
  }
  std::string operator()(const ComplianceException& x) const {
    std::string out = "Compliance exception";
    if (const AttemptRecord* a = s.attempt(x.event_id)) {
      out += " on the " + attempt_word(a->channel) + " of " + minute_text(a->at);
    }
    out += ":";
    for (std::size_t i = 0; i < x.rules.size(); ++i) out += (i == 0 ? " " : "; ") + x.rules[i].words;
    return out;
  }
  std::string operator()(const PartyAdded& a) const {
    std::string out = "Party added: " + std::string(to_string(a.role)) + " " + name_of(s, a.party_id);
    if (!a.represents.empty()) out += ", representing " + name_of(s, a.represents);
    return out + " (source: " + a.source + ")";
  }
  std::string operator()(const RepresentationChanged& c) const {
    return name_of(s, c.attorney_id) + (c.ended ? " no longer represents the party"
                                        : c.direct_contact ? " consents to direct communication with the party"
                                                           : " represents the party; no direct communication");
  }
  std::string operator()(const ProtectionReported& r) const {
    std::string out = capitalised(std::string(protection_name(r.protection))) + " reported for " +
                      name_of(s, r.party_id) + ": from " + r.starts.iso() +
                      (r.ends ? " to " + r.ends->iso() : std::string(" until a notice ends it"));
    if (!r.reference.empty()) out += " (reference " + r.reference + ")";
    return out;
  }
  std::string operator()(const RecontactJustified& r) const {
    return "Reason to ask " + name_of(s, r.party_id) + " about the consumer's location once more: " + r.reason;
  }
  std::string operator()(const AccountAssigned& a) const {
    std::string out = "Assigned to " + a.collector;
    if (!a.reason.empty()) out += ": " + a.reason;
    return out;
  }
  std::string operator()(const RiskOverridden& o) const {
    if (!o.tier) return "Risk tier back to the strategy's" + (o.reason.empty() ? std::string() : ": " + o.reason);
    std::string out = "Risk tier set to " + std::string(to_string(*o.tier)) + " by hand: " + o.reason;
    if (o.until) out += " (until " + o.until->iso() + ")";
    return out;
  }
  std::string operator()(const ApprovalRequested& r) const {
    std::string out = "Plan referred to a supervisor for approval (quote " + short_digest(r.quote_digest) + ")";
    if (!r.note.empty()) out += ": " + r.note;
    return out;
  }
  std::string operator()(const ApprovalDecided& d) const {
    std::string out = std::string(d.approved ? "Plan approved" : "Plan declined") + " by the supervisor";
    if (!d.note.empty()) out += ": " + d.note;
    return out;
  }
  std::string operator()(const CallbackScheduled& c) const {
    std::string out = "Call back " + name_of(s, c.party_id) + " at " + c.at.iso();
    if (!c.note.empty()) out += ": " + c.note;
    return out;
  }
  std::string operator()(const Escalated& x) const {
    std::string out = "Escalated to " + spaced(to_string(x.to));
    if (!x.reason.empty()) out += ": " + x.reason;
    return out;
  }
};

}  // namespace

std::string describe_event(const Event& event, const AccountState& state, Locale locale) {
  return std::visit(Describer{state, locale}, event.payload);
}

// [SECTION] JSON ----------------------------------------------------------------------------------------------

namespace {

using json::JsonWriter;

void text(JsonWriter& w, std::string_view name, std::string_view value) {
  w.key(name);
  w.string(value);
}
void integer(JsonWriter& w, std::string_view name, std::int64_t value) {
  w.key(name);
  w.integer(value);
}
void amount(JsonWriter& w, std::string_view name, Money value) { integer(w, name, value.minor()); }
void date(JsonWriter& w, std::string_view name, Date value) { text(w, name, value.iso()); }
void instant(JsonWriter& w, std::string_view name, Instant value) { text(w, name, value.iso()); }
void id(JsonWriter& w, std::string_view name, EventId value) { text(w, name, value.hex()); }
void optional_id(JsonWriter& w, std::string_view name, const std::optional<EventId>& value) {
  w.key(name);
  if (value) {
    w.string(value->hex());
  } else {
    w.null();
  }
}
void optional_instant(JsonWriter& w, std::string_view name, const std::optional<Instant>& value) {
  w.key(name);
  if (value) {
    w.string(value->iso());
  } else {
    w.null();
  }
}
// The value's text (`text` gives it), or null when there is none.
template <class T, class Text>
void nullable(JsonWriter& w, std::string_view name, const std::optional<T>& value, Text text) {
  w.key(name);
  if (value) {
    w.string(text(*value));
  } else {
    w.null();
  }
}
void parts(JsonWriter& w, std::string_view name, const BalanceParts& p) {
  w.key(name);
  w.begin_object();
  amount(w, "fees", p.fees);
  amount(w, "interest", p.interest);
  amount(w, "principal", p.principal);
  w.end_object();
}
void channels(JsonWriter& w, std::string_view name, const std::vector<ContactChannel>& list) {
  w.key(name);
  w.begin_array();
  for (ContactChannel c : list) w.string(to_string(c));
  w.end_array();
}
void counted(JsonWriter& w, const std::vector<CountedPayment>& list) {
  w.key("payments");
  w.begin_array();
  for (const CountedPayment& c : list) {
    w.begin_object();
    id(w, "payment", c.payment);
    date(w, "date", c.date);
    amount(w, "amount", c.amount);
    w.end_object();
  }
  w.end_array();
}
std::string party_id(const AccountState& s, std::uint32_t index) {
  return index < s.parties.size() ? s.parties[index].party->id : std::string();
}

void write_balance(JsonWriter& w, const BalanceState& b) {
  w.key("balance");
  w.begin_object();
  text(w, "currency", b.itemised.principal.currency().code());
  date(w, "itemisation_date", b.itemised.itemisation_date);
  amount(w, "principal", b.itemised.principal);
  amount(w, "interest", b.itemised.interest);
  amount(w, "fees", b.itemised.fees);
  amount(w, "payments", b.itemised.payments);
  amount(w, "credits", b.itemised.credits);
  amount(w, "total", b.total());
  parts(w, "owed", b.owed);
  amount(w, "overpaid", b.overpaid);
  w.end_object();
}

void write_ledger(JsonWriter& w, const AccountState& s) {
  w.key("payments");
  w.begin_array();
  for (const PaymentRecord& p : s.payments) {
    w.begin_object();
    id(w, "id", p.id);
    date(w, "date", p.date);
    amount(w, "amount", p.amount);
    text(w, "method", to_string(p.method));
    text(w, "receipt", p.receipt);
    text(w, "credited_to", p.credited_to);
    w.key("instrument");
    if (p.instrument) {
      w.begin_object();
      text(w, "kind", to_string(p.instrument->kind));
      text(w, "last_four", p.instrument->last_four);
      text(w, "processor", p.instrument->processor);
      text(w, "token", p.instrument->token);
      text(w, "reference", p.instrument->reference);
      w.end_object();
    } else {
      w.null();
    }
    parts(w, "allocation", p.recorded);
    parts(w, "applied", p.applied);
    amount(w, "unapplied", p.unapplied);
    w.key("reversed");
    if (p.reversed()) {
      w.begin_object();
      id(w, "by", *p.reversed_by);
      text(w, "reason", to_string(*p.reversal_reason));
      date(w, "date", *p.reversed_on);
      w.end_object();
    } else {
      w.null();
    }
    w.end_object();
  }
  w.end_array();
  w.key("adjustments");
  w.begin_array();
  for (const AdjustmentRecord& a : s.adjustments) {
    w.begin_object();
    id(w, "id", a.id);
    text(w, "part", to_string(a.adjustment.part));
    text(w, "direction", to_string(a.adjustment.direction));
    amount(w, "amount", a.adjustment.amount);
    date(w, "date", a.adjustment.date);
    text(w, "reason", a.adjustment.reason);
    parts(w, "applied", a.applied);
    amount(w, "unapplied", a.unapplied);
    w.end_object();
  }
  w.end_array();
}

void write_promises_and_plans(JsonWriter& w, const AccountState& s, Date as_of, const CalendarSet& calendars) {
  w.key("promises");
  w.begin_array();
  for (const PromiseRecord& p : s.promises) {
    w.begin_object();
    id(w, "id", p.id);
    date(w, "made_on", p.made_on);
    text(w, "made_by", p.made_by);
    amount(w, "amount", p.amount);
    date(w, "due", p.due);
    amount(w, "paid", promise_paid(p, as_of));
    text(w, "status", to_string(promise_status(p, as_of, s.promise_grace_days())));
    counted(w, p.payments);
    w.end_object();
  }
  w.end_array();
  w.key("plans");
  w.begin_array();
  for (const PlanRecord& p : s.plans) {
    const PlanProgress progress = plan_progress(s, p, as_of, calendars);
    w.begin_object();
    id(w, "id", p.id);
    date(w, "accepted_on", p.accepted_on);
    text(w, "quote_digest", p.quote_digest);
    optional_id(w, "superseded_by", p.superseded_by);
    w.key("status");
    if (progress.problems.empty()) {
      w.string(to_string(progress.status));
    } else {
      w.null();
    }
    w.key("problems");
    w.begin_array();
    for (const Problem& problem : progress.problems) w.string(problem.text());
    w.end_array();
    counted(w, p.payments);
    w.key("schedule");
    w.begin_array();
    for (const InstalmentState& r : progress.rows) {
      w.begin_object();
      integer(w, "number", r.row.number);
      text(w, "kind", plans::to_string(r.row.kind));
      date(w, "due", r.row.due);
      amount(w, "amount", r.row.amount);
      amount(w, "paid", r.paid);
      text(w, "status", to_string(r.status));
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("approvals");
  w.begin_array();
  for (const ApprovalRecord& a : s.approvals) {
    w.begin_object();
    id(w, "id", a.id);
    instant(w, "requested_at", a.requested_at);
    text(w, "requested_by", a.requested_by);
    text(w, "quote_digest", a.quote_digest);
    text(w, "note", a.note);
    text(w, "status", to_string(a.status));
    optional_id(w, "closed_by", a.closed_by);
    optional_instant(w, "closed_at", a.closed_at);
    text(w, "decided_by", a.decided_by);
    text(w, "decision_note", a.decision_note);
    w.end_object();
  }
  w.end_array();
}

void write_records(JsonWriter& w, const AccountState& s) {
  w.key("letters");
  w.begin_array();
  for (const LetterRecord& r : s.letters) {
    const LetterIssued& l = r.letter;
    w.begin_object();
    id(w, "id", r.id);
    instant(w, "issued_at", r.issued_at);
    text(w, "party_id", l.party_id);
    text(w, "template_id", l.template_id);
    text(w, "template_version", l.template_version);
    text(w, "locale", l.locale);
    text(w, "address", l.address);
    date(w, "provided", l.provided);
    amount(w, "total", l.figures.total());
    text(w, "document_digest", l.document_digest);
    text(w, "purpose", to_string(l.purpose));
    nullable(w, "validation_ends", l.validation_ends, [](Date d) { return d.iso(); });
    w.end_object();
  }
  w.end_array();
  w.key("disputes");
  w.begin_array();
  for (const DisputeRecord& d : s.disputes) {
    w.begin_object();
    id(w, "id", d.id);
    text(w, "party_id", party_id(s, d.party));
    text(w, "reason", d.reason);
    date(w, "received", d.received);
    text(w, "subject", to_string(d.subject));
    nullable(w, "via", d.via, [](ContactChannel v) { return to_string(v); });
    w.end_object();
  }
  w.end_array();
  w.key("cease_requests");
  w.begin_array();
  for (const CeaseRecord& c : s.ceases) {
    w.begin_object();
    id(w, "id", c.id);
    instant(w, "recorded_at", c.recorded_at);
    text(w, "party_id", party_id(s, c.party));
    text(w, "scope", to_string(c.scope));
    channels(w, "channels", c.channels);
    nullable(w, "via", c.via, [](ContactChannel v) { return to_string(v); });
    w.key("verified");
    w.boolean(c.verified);
    w.end_object();
  }
  w.end_array();
  w.key("escalations");
  w.begin_array();
  for (const EscalationRecord& x : s.escalations) {
    w.begin_object();
    id(w, "id", x.id);
    instant(w, "recorded_at", x.recorded_at);
    text(w, "to", to_string(x.to));
    text(w, "reason", x.reason);
    w.end_object();
  }
  w.end_array();
  w.key("exceptions");
  w.begin_array();
  for (const ExceptionRecord& x : s.exceptions) {
    w.begin_object();
    id(w, "id", x.id);
    instant(w, "recorded_at", x.recorded_at);
    id(w, "event_id", x.exception.event_id);
    w.key("rules");
    w.begin_array();
    for (const BrokenRule& r : x.exception.rules) {
      w.begin_object();
      text(w, "rule_id", r.rule_id);
      text(w, "citation", r.citation);
      text(w, "words", r.words);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("holds");
  w.begin_array();
  for (const Hold& h : s.holds) {
    w.begin_object();
    text(w, "kind", to_string(h.kind));
    w.key("party_id");
    if (h.party == whole_account) {
      w.null();
    } else {
      w.string(party_id(s, h.party));
    }
    instant(w, "since", h.since);
    id(w, "event", h.event);
    w.end_object();
  }
  w.end_array();
  w.key("protections");
  w.begin_array();
  for (const ProtectionRecord& p : s.protections) {
    w.begin_object();
    text(w, "party_id", party_id(s, p.party));
    text(w, "protection", to_string(p.protection));
    date(w, "starts", p.starts);
    nullable(w, "ends", p.ends, [](Date d) { return d.iso(); });
    text(w, "reference", p.reference);
    id(w, "event", p.id);
    w.end_object();
  }
  w.end_array();
  w.key("recontacts");
  w.begin_array();
  for (const RecontactRecord& r : s.recontacts) {
    w.begin_object();
    text(w, "party_id", party_id(s, r.party));
    instant(w, "recorded_at", r.recorded_at);
    text(w, "reason", r.reason);
    id(w, "event", r.id);
    w.end_object();
  }
  w.end_array();
  w.key("callbacks");
  w.begin_array();
  for (const CallbackRecord& c : s.callbacks) {
    w.begin_object();
    text(w, "party_id", party_id(s, c.party));
    instant(w, "at", c.at);
    text(w, "note", c.note);
    instant(w, "recorded_at", c.recorded_at);
    id(w, "event", c.id);
    optional_id(w, "answered_by", c.answered_by);
    optional_id(w, "replaced_by", c.replaced_by);
    w.end_object();
  }
  w.end_array();
}

void write_parties(JsonWriter& w, const AccountState& s) {
  static constexpr ContactChannel kConsentChannels[] = {ContactChannel::phone, ContactChannel::sms,
                                                        ContactChannel::email, ContactChannel::letter};
  w.key("parties");
  w.begin_array();
  for (const PartyRecord& r : s.parties) {
    const Party& p = *r.party;
    w.begin_object();
    text(w, "id", p.id);
    text(w, "role", to_string(p.role));
    w.key("added");
    w.boolean(r.added != nullptr);
    w.key("represents");
    if (r.represents) {
      w.string(s.parties[*r.represents].party->id);
    } else {
      w.null();
    }
    w.key("representation");
    if (r.party->role == PartyRole::attorney) {
      w.string(r.representation_ended ? "ended" : r.direct_contact ? "direct-contact" : "active");
    } else {
      w.null();
    }
    optional_instant(w, "verified_at", r.verified_at);
    w.key("preferences");
    if (r.preferences) {
      w.begin_object();
      w.key("avoid_times");
      w.begin_array();
      for (const InconvenientTime& t : r.preferences->avoid_times) {
        w.begin_object();
        integer(w, "weekday", static_cast<int>(t.weekday));
        integer(w, "from_minute", t.from_minute);
        integer(w, "to_minute", t.to_minute);
        w.end_object();
      }
      w.end_array();
      channels(w, "avoid_channels", r.preferences->avoid_channels);
      w.end_object();
    } else {
      w.null();
    }
    w.key("points");
    w.begin_array();
    for (const PointRecord& point : r.points) {
      const Provenance& from = point.provenance();
      w.begin_object();
      text(w, "kind", to_string(point.kind));
      text(w, "point", point.key());
      text(w, "status", to_string(point.status));
      w.key("consent");
      w.begin_array();
      for (ContactChannel c : kConsentChannels) {
        if (point.consent(c)) w.string(to_string(c));
      }
      w.end_array();
      text(w, "source", from.source);
      date(w, "first_seen", from.first_seen);
      w.key("last_seen");
      if (from.last_seen) {
        w.string(from.last_seen->iso());
      } else {
        w.null();
      }
      w.key("added_by");
      if (point.added) {
        w.begin_object();
        integer(w, "confidence_bp", point.added->confidence_bp);
        w.end_object();
      } else {
        w.null();
      }
      optional_instant(w, "changed_at", point.changed_at);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
}

void write_attempts(JsonWriter& w, const AccountState& s) {
  w.key("attempts");
  w.begin_array();
  for (const AttemptRecord& a : s.attempts) {
    w.begin_object();
    id(w, "id", a.id);
    instant(w, "at", a.at);
    text(w, "channel", to_string(a.channel));
    text(w, "direction", to_string(a.direction));
    text(w, "party_id", party_id(s, a.party));
    w.key("point");
    if (a.point) {
      w.string(s.parties[a.party].points[*a.point].key());
    } else {
      w.null();
    }
    w.key("outcome");
    if (a.outcome) {
      w.string(to_string(*a.outcome));
    } else {
      w.null();
    }
    w.key("conversation");
    w.boolean(a.conversation);
    w.key("letter");
    w.boolean(a.letter);
    w.end_object();
  }
  w.end_array();
  w.key("set_aside");
  w.begin_array();
  for (const SetAside& x : s.set_aside) {
    w.begin_object();
    id(w, "id", x.id);
    text(w, "type", to_string(x.kind));
    text(w, "path", x.problem.path);
    text(w, "reason", x.problem.message);
    w.end_object();
  }
  w.end_array();
}

}  // namespace

std::string save_account_state(const AccountState& state, Date as_of, const CalendarSet& calendars, int indent) {
  JsonWriter w(indent);
  w.begin_object();
  text(w, "format", "parley.account-state/1");
  text(w, "account_id", state.account->id);
  date(w, "as_of", as_of);
  integer(w, "events", static_cast<std::int64_t>(state.events));
  optional_instant(w, "last_event_at", state.last_event_at);
  w.key("assigned_to");
  if (state.assigned_to) {
    w.string(*state.assigned_to);
  } else {
    w.null();
  }
  w.key("risk_override");
  if (const std::optional<RiskOverrideRecord>& o = state.risk_override) {
    w.begin_object();
    id(w, "id", o->id);
    text(w, "by", o->by);
    text(w, "tier", to_string(o->tier));
    text(w, "reason", o->reason);
    w.key("until");
    if (o->until) {
      w.string(o->until->iso());
    } else {
      w.null();
    }
    w.key("in_force");
    w.boolean(o->in_force(as_of));
    w.end_object();
  } else {
    w.null();
  }
  write_balance(w, state.balance);
  write_ledger(w, state);
  write_promises_and_plans(w, state, as_of, calendars);
  write_records(w, state);
  write_parties(w, state);
  write_attempts(w, state);
  w.end_object();
  return w.take();
}

}  // namespace parley
