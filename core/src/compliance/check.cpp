// check(): each applicable rule evaluated at an instant in every candidate zone, then repeated at the latest
// instant the blocking rules clear until every rule passes, which gives the next allowed instant.
//
// Index of this file:
// [SECTION] Context     the party's candidate zones and what the evaluation reads
// [SECTION] Words       the reasons' texts
// [SECTION] Rules       one function per kind of rule
// [SECTION] Evaluation  every rule at one instant
// [SECTION] API
#include "parley/compliance/check.h"
#include "parley/compliance/locations.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/calendar/validation_period.h"
#include "parley/time_zone.h"

namespace parley {

bool Decision::blocked_by(std::string_view rule_id) const {
  return std::any_of(reasons.begin(), reasons.end(), [&](const Reason& r) { return r.rule_id == rule_id; });
}

namespace {

// [SECTION] Context -------------------------------------------------------------------------------------------

constexpr int kMaxWindow = 366;           // longest call window (the loader's limit)
constexpr int kMaxRounds = 32;            // re-evaluations looking for the next allowed instant

struct Context {
  const AccountState& state;
  const Party& party;                  // the party asked about (maybe not one of the account's)
  const PartyRecord* record;           // its record in the state, or null when it is not a party of the account
  std::optional<std::uint32_t> index;  // its index in state.parties
  ContactChannel channel;
  const RuleBook& book;
  std::span<const AccountState* const> consumer_accounts;
  ZoneSet zones;                       // party_zones: every zone the party may be in
  const PreferenceSet* preferences = nullptr;  // the party's latest PreferenceSet on the account, if any
  const Phone* number = nullptr;               // the party's phone being called or texted, when known
  const PointRecord* email = nullptr;          // the party's email being written to, when known
  LetterPurpose purpose = LetterPurpose::collection;  // what the communication is for
  Jurisdictions places;                               // whose packs apply (party_jurisdictions)
};

// Whether the rule lets a communication of this purpose through its block.
bool allows(const ContactRule& rule, LetterPurpose purpose) {
  return std::find(rule.allows.begin(), rule.allows.end(), purpose) != rule.allows.end();
}

std::string purposes_text(const std::vector<LetterPurpose>& purposes) {
  std::string out;
  for (std::size_t i = 0; i < purposes.size(); ++i) {
    if (i > 0) out += i + 1 == purposes.size() ? " or " : ", ";
    out += to_string(purposes[i]);
  }
  return out;
}

// The phone an attempt reached, when it is one of its party's points.
const Phone* phone_of(const AccountState& state, const AttemptRecord& a) {
  if (!a.point) return nullptr;
  return state.parties[a.party].points[*a.point].phone;
}

bool listed(const std::vector<PhoneKind>& kinds, PhoneKind kind) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

// What one evaluation found: whether every rule passed, and when the blocking ones clear.
struct Outcome {
  bool allowed = true;
  bool clears = true;  // every blocking rule clears by time alone
  Instant clear_at;    // the latest instant a blocking rule clears (meaningful when clears)

  void block(std::optional<Instant> when) {
    if (allowed) clear_at = when.value_or(Instant());
    allowed = false;
    if (!when) {
      clears = false;
    } else if (*when > clear_at) {
      clear_at = *when;
    }
  }
};

bool governs(const ContactRule& rule, ContactChannel channel) {
  return rule.channels.empty() ||
         std::find(rule.channels.begin(), rule.channels.end(), channel) != rule.channels.end();
}

// Whether a rule limited to phone kinds covers this contact: yes when the number is unknown (fail closed).
bool covers_number(const ContactRule& rule, const Phone* number) {
  return rule.phone_kinds.empty() || number == nullptr || listed(rule.phone_kinds, number->kind);
}

Date local_date(TimeZone zone, Instant at) { return to_local(zone, at).date; }

// The party's local day of an instant (in its first candidate zone; UTC without one), for the reasons' words.
Date party_day(const Context& c, Instant at) { return local_date(c.zones.size() > 0 ? c.zones[0] : TimeZone(), at); }

// [SECTION] Words ---------------------------------------------------------------------------------------------

std::string clock_text(int seconds_of_day) {
  const int hours = seconds_of_day / 3600;
  const int minutes = seconds_of_day / 60 % 60;
  std::string out;
  out += static_cast<char>('0' + hours / 10);
  out += static_cast<char>('0' + hours % 10);
  out += ':';
  out += static_cast<char>('0' + minutes / 10);
  out += static_cast<char>('0' + minutes % 10);
  return out;
}

void say(Decision* out, const ContactRule& rule, std::string words) {
  if (out != nullptr) out->reasons.push_back({rule.id, std::move(words), citation_of(rule)});
}

// [SECTION] Rules ---------------------------------------------------------------------------------------------

void calling_hours(const Context& c, const ContactRule& rule, Instant at, Outcome& o, Decision* out) {
  std::optional<Instant> clear;
  std::string where;
  for (std::size_t i = 0; i < c.zones.size(); ++i) {
    const TimeZone zone = c.zones[i];
    const LocalTime local = to_local(zone, at);
    if (local.seconds_of_day >= rule.earliest && local.seconds_of_day < rule.latest) continue;
    const Instant next = next_local_time(zone, at, rule.earliest);
    if (!clear || next > *clear) clear = next;
    if (out != nullptr) {
      if (!where.empty()) where += ", ";
      where += clock_text(local.seconds_of_day) + " " + std::string(local.abbreviation) + " in " +
               std::string(zone.name());
    }
  }
  if (!clear) return;
  o.block(clear);
  say(out, rule, "It is " + where + ": contact is allowed from " + clock_text(rule.earliest) + " to " +
                     clock_text(rule.latest) + " the party's local time.");
}

// The holiday of `calendar` on `day`, or null.
const Holiday* holiday_on(const Calendar& calendar, Date day, std::vector<Holiday>& year) {
  year = holidays_in(calendar, day.year());
  const auto it = std::find_if(year.begin(), year.end(), [&](const Holiday& h) { return h.date == day; });
  return it == year.end() ? nullptr : &*it;
}

bool rests_on(const ContactRule& rule, const Calendar* calendar, Date day) {
  return std::find(rule.weekdays.begin(), rule.weekdays.end(), day.weekday()) != rule.weekdays.end() ||
         (calendar != nullptr && is_holiday(*calendar, day));
}

void rest_days(const Context& c, const ContactRule& rule, Instant at, Outcome& o, Decision* out) {
  const Calendar* calendar = nullptr;
  if (!rule.calendar.empty()) {
    const auto found = c.book.calendars.find(rule.calendar);
    if (found == c.book.calendars.end()) {
      o.block(std::nullopt);
      say(out, rule, "The holiday calendar " + rule.calendar +
                         " is not loaded, so whether it is a public holiday for the party is unknown.");
      return;
    }
    calendar = &found->second;
  }
  std::optional<Instant> clear;
  std::string where;
  for (std::size_t i = 0; i < c.zones.size(); ++i) {
    const TimeZone zone = c.zones[i];
    const Date day = local_date(zone, at);
    if (!rests_on(rule, calendar, day)) continue;
    // The next local day with contact: at most a year ahead (seven weekdays are refused when the pack loads).
    Date next = day.plus_days(1);
    while (rests_on(rule, calendar, next) && next - day < 370) next = next.plus_days(1);
    const Instant opens = start_of_local_day(zone, next);
    if (!clear || opens > *clear) clear = opens;
    if (out != nullptr) {
      std::vector<Holiday> year;
      const Holiday* h = calendar != nullptr ? holiday_on(*calendar, day, year) : nullptr;
      if (!where.empty()) where += ", ";
      where += std::string(to_string(day.weekday())) + " " + day.iso() + (h != nullptr ? " (" + h->name + ")" : "") +
               " in " + std::string(zone.name());
    }
  }
  if (!clear) return;
  o.block(clear);
  std::string days;
  for (Weekday d : rule.weekdays) days += (days.empty() ? "" : ", ") + std::string(to_string(d));
  if (calendar != nullptr) {
    days += (days.empty() ? "" : " and ") + std::string("the holidays of ") + calendar->id + " (" + calendar->name +
            ")";
  }
  say(out, rule, "It is " + where + ": no contact on " + days + ", the party's local day.");
}

// Whether the attempt's latest outcome is one the rule does not count.
bool uncounted(const ContactRule& rule, const AttemptRecord& attempt) {
  return attempt.outcome && std::find(rule.uncounted_outcomes.begin(), rule.uncounted_outcomes.end(),
                                      *attempt.outcome) != rule.uncounted_outcomes.end();
}

// Attempts counted by a call-frequency rule, by their instants: outbound, on a governed channel, to the party (on
// this account) or to anyone (on the consumer's other accounts), to a number of a listed kind when the rule names
// kinds (numbers not among the party's points count), and without an uncounted outcome.
template <class Visit>
void for_each_counted_attempt(const Context& c, const ContactRule& rule, Instant low, Instant high, Visit visit) {
  const auto scan = [&](const AccountState& s, bool same_account) {
    for (const AttemptRecord& a : s.attempts) {
      if (a.direction != ContactDirection::outbound || !governs(rule, a.channel)) continue;
      if (same_account && (!c.index || a.party != *c.index)) continue;
      if (a.at < low || a.at >= high) continue;
      if (!rule.phone_kinds.empty()) {
        const Phone* to = phone_of(s, a);
        if (to != nullptr && !listed(rule.phone_kinds, to->kind)) continue;
      }
      if (uncounted(rule, a)) continue;
      visit(a.at);
    }
  };
  scan(c.state, true);
  if (rule.per == FrequencyScope::consumer) {
    for (const AccountState* other : c.consumer_accounts) {
      if (other != nullptr && other->account->id != c.state.account->id) scan(*other, false);
    }
  }
}

void call_frequency(const Context& c, const ContactRule& rule, Instant at, Outcome& o, Decision* out) {
  const int window = std::min(rule.window_days, kMaxWindow);
  // Attempts in a span that holds the window in any zone (local days are at most 25 hours, offsets within a day):
  // fewer than max_calls there means the rule passes, without any local-time conversion.
  const Instant low = at.plus_seconds(-(static_cast<std::int64_t>(window) + 2) * 86400);
  const Instant high = at.plus_seconds(2 * 86400);
  int near = 0;
  for_each_counted_attempt(c, rule, low, high, [&](Instant) { ++near; });
  if (near < rule.max_calls) return;
  std::optional<Instant> clear;
  int worst = 0;
  for (std::size_t z = 0; z < c.zones.size(); ++z) {
    const TimeZone zone = c.zones[z];
    const Date today = local_date(zone, at);
    std::array<int, kMaxWindow> per_day{};  // per_day[i]: attempts on the local day today - i
    int total = 0;
    for_each_counted_attempt(c, rule, low, high, [&](Instant when) {
      const int back = std::max(0, today - local_date(zone, when));  // a clock that ran ahead: made by now
      if (back >= 0 && back < window) {
        ++per_day[static_cast<std::size_t>(back)];
        ++total;
      }
    });
    if (total < rule.max_calls) continue;
    worst = std::max(worst, total);
    // The window ending k days from today holds the attempts of offsets 0..window-1-k.
    int k = 1;
    for (; k <= window; ++k) {
      int held = 0;
      for (int i = 0; i <= window - 1 - k; ++i) held += per_day[static_cast<std::size_t>(i)];
      if (held < rule.max_calls) break;
    }
    const Instant next = start_of_local_day(zone, today.plus_days(k));
    if (!clear || next > *clear) clear = next;
  }
  if (!clear) return;
  o.block(clear);
  say(out, rule, std::to_string(worst) + " attempts already made in " + std::to_string(rule.window_days) +
                     " consecutive days; at most " + std::to_string(rule.max_calls) + " are allowed.");
}

// Whether a person answered the call and spoke: a conversation, or (the cautious reading: the collector cannot be
// sure it was not the consumer) a call where the person did not pass verification, refused, or was taken for
// someone else.
bool person_spoke(const AttemptRecord& a) {
  return a.conversation || (a.outcome && (party_spoke(*a.outcome) || *a.outcome == ContactOutcome::third_party));
}

void after_conversation(const Context& c, const ContactRule& rule, Instant at, Outcome& o, Decision* out) {
  // The seven days follow a conversation with the consumer (1006.14(b)(2)(ii)); a person known to be someone else,
  // asked for the consumer's location, is asked once (location-contact).
  if (c.party.role == PartyRole::third_party) return;
  // The latest telephone conversation with the party, by the instant of its attempt: on this debt, and, for the
  // debtor, on the consumer's other debts (which may have been discussed in it: comment 14(b)(4)-1). An attempt
  // dated after `at` (its device's clock ran ahead) took place by now.
  std::optional<Instant> latest;
  const auto scan = [&](const AccountState& s, bool same_account) {
    for (const AttemptRecord& a : s.attempts) {
      if (a.channel != ContactChannel::phone || !person_spoke(a)) continue;
      if (same_account ? (!c.index || a.party != *c.index) : s.parties[a.party].party->role != PartyRole::debtor) {
        continue;
      }
      const Instant when = std::min(a.at, at);
      if (!latest || when > *latest) latest = when;
    }
  };
  scan(c.state, true);
  if (c.party.role == PartyRole::debtor && c.record != nullptr) {
    for (const AccountState* other : c.consumer_accounts) {
      if (other != nullptr && other->account->id != c.state.account->id) scan(*other, false);
    }
  }
  if (!latest) return;
  std::optional<Instant> clear;
  for (std::size_t z = 0; z < c.zones.size(); ++z) {
    const TimeZone zone = c.zones[z];
    const Date day = local_date(zone, *latest);  // the first day of the period
    if (local_date(zone, at) - day >= rule.days) continue;
    const Instant next = start_of_local_day(zone, day.plus_days(rule.days));
    if (!clear || next > *clear) clear = next;
  }
  if (!clear) return;
  o.block(clear);
  say(out, rule, "A telephone conversation took place on " + local_date(c.zones[0], *latest).iso() +
                     "; no call for " + std::to_string(rule.days) + " days counting that day.");
}

// A cease request counts for the rule unless the rule wants it in writing and it was said (on a call, in person) by
// someone who had not passed verification on that call: then it stops only the channel it was said on
// (medium_preference).
bool counts(const ContactRule& rule, const CeaseRecord& r) {
  return !rule.in_writing || r.written() || r.verified;
}

void cease(const Context& c, const ContactRule& rule, Outcome& o, Decision* out) {
  for (const CeaseRecord& r : c.state.ceases) {
    if (!c.index || r.party != *c.index || !r.stops(c.channel) || !counts(rule, r)) continue;
    if (allows(rule, c.purpose)) return;
    o.block(std::nullopt);
    const std::string allowed = rule.allows.empty() ? std::string("nothing may be sent")
                                                    : "only a letter of purpose " + purposes_text(rule.allows) +
                                                          " may be sent";
    const std::string how = r.written() ? " in writing"
                                        : " on a " + std::string(to_string(*r.via)) + " contact, once verified,";
    say(out, rule, "The party asked on " + party_day(c, r.recorded_at).iso() + how + " that communication stop" +
                       (r.scope == CeaseScope::all ? std::string() : " by " + std::string(to_string(c.channel))) +
                       ": " + allowed + ".");
    return;
  }
}

// A medium the party asked not to use: in its preferences, or the channel a cease request was said on.
void medium_preference(const Context& c, const ContactRule& rule, Outcome& o, Decision* out) {
  const PreferenceSet* p = c.preferences;
  if (p != nullptr &&
      std::find(p->avoid_channels.begin(), p->avoid_channels.end(), c.channel) != p->avoid_channels.end()) {
    o.block(std::nullopt);
    say(out, rule, "The party asked not to be contacted by " + std::string(to_string(c.channel)) + ".");
    return;
  }
  for (const CeaseRecord& r : c.state.ceases) {
    if (!c.index || r.party != *c.index || r.written() || *r.via != c.channel || !r.stops(c.channel)) continue;
    o.block(std::nullopt);
    const std::string medium(to_string(c.channel));
    say(out, rule, "On " + party_day(c, r.recorded_at).iso() + " " +
                       (r.verified ? "the party" : "someone without passing verification") + " asked on a " + medium +
                       " contact that contact stop: no more " + medium + " contact.");
    return;
  }
}

void inconvenient_time(const Context& c, const ContactRule& rule, Instant at, Outcome& o, Decision* out) {
  const PreferenceSet* p = c.preferences;
  if (p == nullptr || p->avoid_times.empty()) return;
  std::optional<Instant> clear;
  for (std::size_t z = 0; z < c.zones.size(); ++z) {
    const TimeZone zone = c.zones[z];
    const LocalTime local = to_local(zone, at);
    const int minute = local.seconds_of_day / 60;
    for (const InconvenientTime& t : p->avoid_times) {
      if (t.weekday != local.date.weekday() || minute < t.from_minute || minute >= t.to_minute) continue;
      const Instant next = next_local_time(zone, at, t.to_minute * 60);
      if (!clear || next > *clear) clear = next;
    }
  }
  if (!clear) return;
  o.block(clear);
  say(out, rule, "The party said this time is inconvenient.");
}

bool is_letter(const LetterRecord& l, const std::string& template_id, LetterPurpose purpose) {
  return l.letter.purpose == purpose || (!template_id.empty() && l.letter.template_id == template_id);
}

// Whether the letter that answers the dispute (the verification, or the original creditor's name and address) was
// folded after it.
bool answered(const Context& c, const ContactRule& rule, const DisputeRecord& dispute) {
  const bool debt = dispute.subject == DisputeSubject::debt;
  const std::string& id = debt ? rule.verification_template : rule.original_creditor_template;
  const LetterPurpose purpose = debt ? LetterPurpose::verification : LetterPurpose::original_creditor;
  return std::any_of(c.state.letters.begin(), c.state.letters.end(), [&](const LetterRecord& l) {
    return l.position > dispute.position && is_letter(l, id, purpose);
  });
}

void dispute_validation(const Context& c, const ContactRule& rule, Outcome& o, Decision* out) {
  const LetterRecord* notice = nullptr;  // the validation notice
  for (const LetterRecord& l : c.state.letters) {
    if (is_letter(l, rule.validation_template, LetterPurpose::validation_notice)) {
      notice = &l;
      break;
    }
  }
  // The period ends on the later of the day the rule gives and the day the notice stated.
  std::optional<Date> period_end;
  if (notice && c.book.holidays) {
    period_end = validation_period(*c.book.holidays, notice->letter.provided).ends;
    if (notice->letter.validation_ends) period_end = std::max(*period_end, *notice->letter.validation_ends);
  }
  // A dispute inside the period pauses collection until a verification letter comes after it in the journal; a
  // request for the original creditor until a letter with its name and address does. Under in_writing, one said on a
  // call or a visit does not pause.
  for (const DisputeRecord& d : c.state.disputes) {
    const bool inside = !period_end || (d.received >= notice->letter.provided && d.received <= *period_end);
    if (!inside || (rule.in_writing && !d.written()) || answered(c, rule, d)) continue;
    if (allows(rule, c.purpose)) return;
    o.block(std::nullopt);
    say(out, rule, d.subject == DisputeSubject::debt
                       ? "A dispute received on " + d.received.iso() +
                             " is unanswered: collection is paused until verification is sent."
                       : "A request for the original creditor's name and address received on " + d.received.iso() +
                             " is unanswered: collection is paused until they are sent.");
    return;
  }
}

void prior_letter(const Context& c, const ContactRule& rule, Outcome& o, Decision* out) {
  for (const LetterRecord& l : c.state.letters) {
    if (l.letter.template_id == rule.letter_template) return;
  }
  o.block(std::nullopt);
  say(out, rule, "The letter \"" + rule.letter_template + "\" has not been sent: it must come before any " +
                     std::string(to_string(c.channel)) + " contact.");
}

// 12 CFR 1006.26(b): no suit and no threat of suit on a time-barred debt. Letters whose purpose may threaten one are
// held while the debt is time-barred, and while nobody knows whether it is.
void time_barred(const Context& c, const ContactRule& rule, Instant at, Outcome& o, Decision* out) {
  if (std::find(rule.forbids.begin(), rule.forbids.end(), c.purpose) == rule.forbids.end()) return;
  const Account& account = *c.state.account;
  const DebtAge age = debt_age(account, at);
  if (age == DebtAge::in_time) return;
  o.block(std::nullopt);
  const std::string what = "A letter of purpose " + std::string(to_string(c.purpose)) + " may threaten suit";
  say(out, rule,
      age == DebtAge::unknown
          ? what + ", and the account does not say when the debt becomes time-barred (time_barred_from)."
          : what + ", and the debt is time-barred since " + account.time_barred_from->iso() + ".");
}

void protection(const Context& c, const ContactRule& rule, Instant at, Outcome& o, Decision* out) {
  if (!c.index || allows(rule, c.purpose)) return;
  for (const ProtectionRecord& p : c.state.protections) {
    if (p.party != *c.index || !p.in_force(at)) continue;
    if (std::find(rule.protections.begin(), rule.protections.end(), p.protection) == rule.protections.end()) continue;
    o.block(p.lifted_at());
    say(out, rule, "A " + std::string(protection_name(p.protection)) + " protects " + full_name(c.party) +
                       " from " + p.starts.iso() + (p.ends ? " to " + p.ends->iso() : std::string(" until it ends")) +
                       (p.reference.empty() ? std::string() : " (reference " + p.reference + ")") + ".");
  }
}

// Whether a pack of the account's jurisdiction lets a third party be asked for the consumer's location
// (location-contact): the contact is then one that says nothing of the debt.
bool location_contacts_allowed(const Context& c) {
  for (const RulePack& pack : c.book.packs) {
    if (!c.places.govern(pack)) continue;
    for (const ContactRule& rule : pack.rules) {
      if (rule.kind == ContactRuleKind::location_contact) return true;
    }
  }
  return false;
}

void third_party_disclosure(const Context& c, const ContactRule& rule, Outcome& o, Decision* out) {
  const bool on_account = c.record != nullptr && c.record->party->role == c.party.role;
  if (on_account && std::find(rule.roles.begin(), rule.roles.end(), c.party.role) != rule.roles.end()) return;
  if (on_account && c.party.role == PartyRole::third_party && location_contacts_allowed(c)) return;
  o.block(std::nullopt);
  say(out, rule, on_account ? "A " + std::string(to_string(c.party.role)) + " may not be told about the debt."
                            : "This person is not a party to the account and may not be told about the debt.");
}

// An attorney who represents a party about the debt, with neither the end of the representation nor its consent to
// direct communication recorded; `represented` names the party, or nullopt for any party of the account.
struct Representation {
  const PartyRecord* attorney = nullptr;  // null when no attorney represents the party
  const AttemptRecord* asked = nullptr;   // the first communication to the attorney since its last response
};

Representation active_representation(const AccountState& state, std::optional<std::uint32_t> represented) {
  for (std::uint32_t i = 0; i < state.parties.size(); ++i) {
    const PartyRecord& attorney = state.parties[i];
    if (attorney.party->role != PartyRole::attorney || !attorney.represents || attorney.representation_ended ||
        attorney.direct_contact || (represented && attorney.represents != represented)) {
      continue;
    }
    Representation r{&attorney, nullptr};
    for (const AttemptRecord& a : state.attempts) {
      if (a.party != i) continue;
      if (a.direction == ContactDirection::inbound || (a.outcome && party_spoke(*a.outcome))) {
        r.asked = nullptr;  // a response
      } else if (r.asked == nullptr) {
        r.asked = &a;
      }
    }
    return r;
  }
  return {};
}

// Blocks while the representation holds: with `days`, until that many days pass after an unanswered communication
// to the attorney (then nothing blocks); `lead` opens the reason. Whether it blocked.
bool hold_for_attorney(const Context& c, const ContactRule& rule, Instant at, const Representation& r,
                       std::string lead, Outcome& o, Decision* out) {
  if (rule.days > 0 && r.asked != nullptr) {
    const Instant lapses = r.asked->at.plus_seconds(std::int64_t{rule.days} * 86400);
    if (at >= lapses) return false;  // the attorney did not respond in time
    o.block(lapses);
    lead += " (no response yet to the communication of " + party_day(c, r.asked->at).iso() + "; contact is " +
            "allowed once " + std::to_string(rule.days) + " days pass without one).";
  } else {
    o.block(std::nullopt);
    lead += rule.days > 0 ? ", who has " + std::to_string(rule.days) +
                                " days to respond to a communication before contact is allowed."
                          : ".";
  }
  say(out, rule, std::move(lead));
  return true;
}

// A party an attorney represents about the debt is reached through the attorney, unless the attorney consents to
// direct communication, or (with `days`) the attorney has not responded within that many days to the agency's first
// communication since its last response. A response is a contact from the attorney, or one where the attorney spoke.
void attorney_representation(const Context& c, const ContactRule& rule, Instant at, Outcome& o, Decision* out) {
  if (!c.index) return;
  const Representation r = active_representation(c.state, c.index);
  if (r.attorney == nullptr) return;
  hold_for_attorney(c, rule, at, r,
                    full_name(*r.attorney->party) + ", attorney, represents the party about the debt: communicate " +
                        "with the attorney",
                    o, out);
}

// A third party is asked for the consumer's location once (15 U.S.C. 1692b(3), 12 CFR 1006.10(c)): after a
// communication with that person (a call in which someone spoke, a message left, a letter, an email or a text that
// reached it), another needs the person's request, which Parley reads as a contact from that person since; and not
// at all while an attorney represents the consumer (1006.10(b)(5)), unless (with `days`) the attorney has not
// responded in time.
void location_contact(const Context& c, const ContactRule& rule, Instant at, Outcome& o, Decision* out) {
  if (!c.index || c.party.role != PartyRole::third_party) return;
  const Representation r = active_representation(c.state, std::nullopt);
  if (r.attorney != nullptr &&
      hold_for_attorney(c, rule, at, r,
                        "The consumer is represented by " + full_name(*r.attorney->party) + ", attorney: location " +
                            "information is asked of the attorney, not of others",
                        o, out)) {
    return;
  }
  const AttemptRecord* asked = nullptr;  // the latest communication with the person not followed by its request
  for (const AttemptRecord& a : c.state.attempts) {
    if (a.party != *c.index || a.at > at) continue;
    if (a.direction == ContactDirection::inbound) {
      asked = nullptr;  // the person got in touch: it may be contacted once more
      continue;
    }
    const bool reached = a.outcome ? person_spoke(a) || *a.outcome == ContactOutcome::left_message
                                   : in_writing(a.channel);
    if (reached) asked = &a;
  }
  if (asked == nullptr) return;
  // The collector's recorded reason to believe the earlier answer wrong or incomplete, after that answer in journal
  // order (so also after it when both carry the same second), opens one more contact.
  const auto asked_at = static_cast<std::size_t>(asked - c.state.attempts.data());
  for (const RecontactRecord& reason : c.state.recontacts) {
    if (reason.party == *c.index && reason.attempts_before > asked_at && reason.recorded_at <= at) return;
  }
  o.block(std::nullopt);
  say(out, rule, full_name(c.party) + " was asked for the consumer's location on " + party_day(c, asked->at).iso() +
                     ": a person other than the consumer is asked once, unless that person asks to be contacted " +
                     "again (a contact from them) or you record why you believe the earlier answer was wrong or " +
                     "incomplete and the person now has the correct information.");
}

// An address the consumer's employer provides is not written to unless the consumer gave the agency, directly,
// consent to use it or an email from it.
void employer_email(const Context& c, const ContactRule& rule, Outcome& o, Decision* out) {
  if (c.email == nullptr || c.email->email == nullptr || !c.email->email->employer_provided) return;
  if (c.email->email_consent_from_party) return;
  const std::optional<std::uint32_t> point = c.record->index_of(ContactPointKind::email, c.email->email->address);
  for (const AttemptRecord& a : c.state.attempts) {
    if (a.party == c.index && a.channel == ContactChannel::email && a.direction == ContactDirection::inbound &&
        a.point == point) {
      return;
    }
  }
  o.block(std::nullopt);
  say(out, rule, c.email->email->address + " is provided by the party's employer: email it only after the party " +
                     "consents to it directly or writes to the agency from it.");
}

// [SECTION] Evaluation ----------------------------------------------------------------------------------------

// Rules whose outcome does not depend on the instant: checked in the first round only (a block by one of them
// never clears by time, so later rounds happen only when none of them blocked).
bool timeless(ContactRuleKind kind) {
  return kind == ContactRuleKind::cease || kind == ContactRuleKind::medium_preference ||
         kind == ContactRuleKind::dispute_validation || kind == ContactRuleKind::third_party_disclosure ||
         kind == ContactRuleKind::required_disclosure || kind == ContactRuleKind::prior_letter ||
         kind == ContactRuleKind::script || kind == ContactRuleKind::employer_email;
}

bool needs_zone(ContactRuleKind kind) {
  return kind == ContactRuleKind::calling_hours || kind == ContactRuleKind::call_frequency ||
         kind == ContactRuleKind::after_conversation || kind == ContactRuleKind::inconvenient_time ||
         kind == ContactRuleKind::rest_days;
}

Outcome evaluate(const Context& c, Instant at, Decision* out, bool first_round) {
  Outcome o;
  bool zone_reported = false;
  for (const RulePack& pack : c.book.packs) {
    if (!c.places.govern(pack)) continue;
    const std::size_t reasons_before = out != nullptr ? out->reasons.size() : 0;
    for (const ContactRule& rule : pack.rules) {
      if (!governs(rule, c.channel) || !covers_number(rule, c.number) || (!first_round && timeless(rule.kind))) {
        continue;
      }
      if (rule.kind == ContactRuleKind::inconvenient_time) {
        if (c.preferences == nullptr || c.preferences->avoid_times.empty()) continue;  // nothing to place in time
      }
      if (needs_zone(rule.kind) && (c.zones.empty() || c.zones.overflowed())) {
        if (!zone_reported) {
          zone_reported = true;
          o.block(std::nullopt);
          if (out != nullptr) {
            out->reasons.push_back({std::string(time_zone_unknown),
                                    c.zones.empty()
                                        ? "Neither an address nor a phone of the party gives a known time zone, so "
                                          "the party's local time is unknown."
                                        : "The party's addresses and phones point to more time zones than can be "
                                          "checked, so the party's local time is uncertain.",
                                    ""});
          }
        }
        continue;
      }
      switch (rule.kind) {
        case ContactRuleKind::calling_hours: calling_hours(c, rule, at, o, out); break;
        case ContactRuleKind::call_frequency: call_frequency(c, rule, at, o, out); break;
        case ContactRuleKind::after_conversation: after_conversation(c, rule, at, o, out); break;
        case ContactRuleKind::cease: cease(c, rule, o, out); break;
        case ContactRuleKind::medium_preference: medium_preference(c, rule, o, out); break;
        case ContactRuleKind::inconvenient_time: inconvenient_time(c, rule, at, o, out); break;
        case ContactRuleKind::dispute_validation: dispute_validation(c, rule, o, out); break;
        case ContactRuleKind::third_party_disclosure: third_party_disclosure(c, rule, o, out); break;
        case ContactRuleKind::required_disclosure: break;  // says what to disclose; never blocks
        case ContactRuleKind::script: break;               // gives a part of the script; never blocks
        case ContactRuleKind::prior_letter: prior_letter(c, rule, o, out); break;
        case ContactRuleKind::attorney_representation: attorney_representation(c, rule, at, o, out); break;
        case ContactRuleKind::employer_email: employer_email(c, rule, o, out); break;
        case ContactRuleKind::location_contact: location_contact(c, rule, at, o, out); break;
        case ContactRuleKind::time_barred: time_barred(c, rule, at, o, out); break;
        case ContactRuleKind::protection: protection(c, rule, at, o, out); break;
        case ContactRuleKind::rest_days: rest_days(c, rule, at, o, out); break;
      }
    }
    // A pack that governs through where the party lives, not the account's jurisdiction, says so.
    if (out != nullptr && c.places.governs_by_address(pack)) {
      for (std::size_t i = reasons_before; i < out->reasons.size(); ++i) {
        const auto rule = std::find_if(pack.rules.begin(), pack.rules.end(),
                                       [&](const ContactRule& r) { return r.id == out->reasons[i].rule_id; });
        const bool house = rule != pack.rules.end() && rule->house;
        const std::string note = house ? std::string(pack.jurisdiction) +
                                             " pack, a house rule: the party has an address there"
                                       : by_address_note(pack.jurisdiction);
        out->reasons[i].words += " (" + note + ".)";
      }
    }
  }
  return o;
}

}  // namespace

// [SECTION] API -----------------------------------------------------------------------------------------------

namespace {

std::string hold_words(const Hold& hold, const Party& party, bool someone_else) {
  const std::string on = hold.since.utc_date().iso();
  switch (hold.kind) {
    case HoldKind::bankruptcy:
      return full_name(party) + " was reported bankrupt on " + on +
             (someone_else ? ": the automatic stay stops collection contact with everyone about the debt."
                           : ": collection contact has stopped.");
    case HoldKind::deceased:
      return full_name(party) + " was reported deceased on " + on +
             (someone_else ? ": only the executor or administrator of the estate is contacted about the debt."
                           : ": the debt is not discussed with them or on their numbers.");
    case HoldKind::legal: return "The account was escalated to legal on " + on + ": collection contact has stopped.";
    case HoldKind::returned_to_client:
      return "The account was returned to the client on " + on + ": the agency no longer collects it.";
  }
  return "The account is on hold.";
}

// Core's own reasons that block whatever the packs say: holds, and a point that may not be used on the channel.
bool core_reasons(const Context& c, std::string_view contact_point, Decision& decision) {
  bool blocked = false;
  for (const Hold& h : c.state.holds) {
    const bool on_party = h.party == whole_account || (c.index && h.party == *c.index);
    const Party* held = h.party == whole_account ? &c.party : c.state.parties[h.party].party;
    // The debtor's bankruptcy stops contact with everyone about the debt (11 U.S.C. 362(a)); after the debtor's
    // death only the estate's executor or administrator is contacted (12 CFR 1006.6(a)(4)).
    const bool on_debtor = !on_party && held->role == PartyRole::debtor &&
                           (h.kind == HoldKind::bankruptcy ||
                            (h.kind == HoldKind::deceased && !represents_estate(c.party.role)));
    if (!on_party && !on_debtor) continue;
    decision.reasons.push_back({std::string(account_hold), hold_words(h, *held, !on_party), ""});
    blocked = true;
  }
  const std::optional<ContactPointKind> kind = point_kind_of(c.channel);
  if (contact_point.empty() || !kind || c.record == nullptr) return blocked;
  const PointRecord* point = c.record->find(*kind, contact_point);
  const std::string what = std::string(to_string(*kind)) + " " + std::string(contact_point);
  if (point == nullptr) {
    decision.reasons.push_back({std::string(point_unusable),
                                "The " + what + " is not one of the party's contact points: record it first.", ""});
    return true;
  }
  if (!point->usable()) {
    decision.reasons.push_back({std::string(point_unusable),
                                "The " + what + " is marked " + std::string(to_string(point->status)) + ".", ""});
    blocked = true;
  }
  if (!point->consent(c.channel)) {
    decision.reasons.push_back(
        {std::string(no_consent),
         "The party has not consented to " + std::string(to_string(c.channel)) + " contact at the " + what + ".", ""});
    blocked = true;
  }
  return blocked;
}

}  // namespace

Decision check(const AccountState& state, const Party& party, ContactChannel channel, std::string_view contact_point,
               Instant at, const RuleBook& book, std::span<const AccountState* const> consumer_accounts,
               LetterPurpose purpose) {
  Decision decision;
  const Account& account = *state.account;
  if (!book.failed.empty()) {
    for (const Problem& p : book.failed) {
      decision.reasons.push_back({std::string(rule_pack_failed),
                                  "A rule pack did not load, so no contact is allowed: " + p.text(), ""});
    }
    return decision;
  }
  if (!book.pending.empty()) {
    decision.reasons.push_back({std::string(rule_packs_loading),
                                "The compliance rule packs are still loading; contact waits until they are in.", ""});
    return decision;
  }
  const bool covered = std::any_of(book.packs.begin(), book.packs.end(),
                                   [&](const RulePack& p) { return p.applies_to(account.jurisdiction); });
  if (!covered) {
    decision.reasons.push_back({std::string(no_rule_pack),
                                "No rule pack covers the jurisdiction \"" + account.jurisdiction +
                                    "\", so no contact is allowed.",
                                ""});
    return decision;
  }
  // A party not on the account (a neighbour asked for location information) is read from its own data.
  const std::optional<std::uint32_t> index = state.party_index(party.id);
  const PartyRecord* record = index && state.parties[*index].party->role == party.role ? &state.parties[*index]
                                                                                       : nullptr;
  const PartyRecord outsider = record == nullptr ? party_record(party) : PartyRecord{};
  const PartyRecord& seen = record != nullptr ? *record : outsider;
  const Phone* number = nullptr;
  if (channel == ContactChannel::phone || channel == ContactChannel::sms) {
    if (const PointRecord* p = seen.find(ContactPointKind::phone, contact_point)) number = p->phone;
  }
  const PointRecord* email =
      channel == ContactChannel::email && record != nullptr ? record->find(ContactPointKind::email, contact_point)
                                                            : nullptr;
  const Context c{state,  party, record, record != nullptr ? index : std::nullopt, channel, book, consumer_accounts,
                  party_zones(seen, at), seen.preferences ? &*seen.preferences : nullptr, number, email, purpose,
                  party_jurisdictions(account, seen)};
  if (c.places.overflowed) {
    decision.reasons.push_back({std::string(jurisdiction_unknown),
                                "The party's addresses lie in more jurisdictions than can be checked at once, so no "
                                "contact is allowed.",
                                ""});
    return decision;
  }
  const bool held = core_reasons(c, contact_point, decision);
  Outcome o = evaluate(c, at, &decision, true);
  if (o.allowed && !held) {
    decision.allowed = true;
    return decision;
  }
  for (int round = 0; round < kMaxRounds && o.clears && !held; ++round) {
    const Instant next = o.clear_at;
    if (next <= at) break;
    at = next;
    o = evaluate(c, at, nullptr, false);
    if (o.allowed) {
      decision.next_allowed = at;
      break;
    }
  }
  return decision;
}

std::vector<TimeZone> candidate_zones(const PartyRecord& party, Instant at) {
  const ZoneSet zones = party_zones(party, at);
  return {zones.zones().begin(), zones.zones().end()};
}

namespace {

// Letters and digits only, ASCII letters lowercased; other bytes (UTF-8 letters) kept as they are.
void append_loose(std::string& out, std::string_view text) {
  for (const char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      out.push_back(ch);
    }
  }
}

// The accounts' groups, by index: a disjoint-set forest with path halving.
struct Groups {
  std::vector<std::uint32_t> parent;
  explicit Groups(std::size_t n) : parent(n) {
    for (std::uint32_t i = 0; i < n; ++i) parent[i] = i;
  }
  std::uint32_t root(std::uint32_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }
  void join(std::uint32_t a, std::uint32_t b) {
    a = root(a);
    b = root(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

// FNV-1a, 64 bits on every platform (std::hash is 32 bits in wasm, where 300,000 keys would collide).
std::uint64_t key_hash(std::string_view key) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (const char c : key) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

// Calls f(key) for each of the debtor's consumer_link_keys, built in `buffer` (reused: nothing allocated once it is
// large enough).
template <class F>
void for_each_link_key(const Account& account, std::string& buffer, F&& f) {
  const Party* debtor = account.debtor();
  if (debtor == nullptr) return;
  if (debtor->national_id && !debtor->national_id->keyed_hash.empty()) {
    buffer.assign("id:");
    buffer += debtor->national_id->keyed_hash;
    f(std::string_view(buffer));
  }
  buffer.assign("born:");
  append_loose(buffer, debtor->given_name);
  buffer.push_back('|');
  append_loose(buffer, debtor->family_name);
  const std::size_t name_end = buffer.size();
  if (name_end == 6) return;  // "born:|": no name, nothing more links it
  if (debtor->birth_date) {
    buffer.push_back('|');
    buffer += debtor->birth_date->iso();
    f(std::string_view(buffer));
  }
  buffer.replace(0, 5, "lives:");  // the same name, now after "lives:"
  const std::size_t name_stop = name_end + 1;
  for (const Address& a : debtor->addresses) {
    if (a.provenance.status == ContactStatus::bad) continue;
    buffer.resize(name_stop);
    buffer.push_back('|');
    append_loose(buffer, a.postal.country);
    buffer.push_back('|');
    append_loose(buffer, a.postal.postal_code);
    buffer.push_back('|');
    if (!a.postal.lines.empty()) append_loose(buffer, a.postal.lines.front());
    f(std::string_view(buffer));
  }
}

}  // namespace

std::vector<std::string> consumer_link_keys(const Account& account) {
  std::vector<std::string> out;
  std::string buffer;
  for_each_link_key(account, buffer, [&out](std::string_view key) {
    if (std::find(out.begin(), out.end(), key) == out.end()) out.emplace_back(key);
  });
  return out;
}

std::vector<std::string> consumer_ids(const Portfolio& portfolio) {
  const std::size_t n = portfolio.accounts.size();
  Groups groups(n);
  // Keys are held by their 64-bit hashes: two different keys sharing one would link two accounts, the cautious side.
  // Sorted, the accounts holding one key lie side by side.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> held;  // key hash, account index
  held.reserve(n * 3);
  std::string buffer;
  for (std::uint32_t i = 0; i < n; ++i) {
    for_each_link_key(portfolio.accounts[i], buffer,
                      [&](std::string_view key) { held.emplace_back(key_hash(key), i); });
  }
  std::sort(held.begin(), held.end());
  for (std::size_t k = 1; k < held.size(); ++k) {
    if (held[k].first == held[k - 1].first) groups.join(held[k - 1].second, held[k].second);
  }
  // Each group is named by its smallest account id; a group of one has no name.
  std::vector<std::uint32_t> named(n, UINT32_MAX);  // root -> index of the smallest id
  std::vector<std::uint32_t> size(n, 0);
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint32_t r = groups.root(i);
    ++size[r];
    if (named[r] == UINT32_MAX || portfolio.accounts[i].id < portfolio.accounts[named[r]].id) named[r] = i;
  }
  std::vector<std::string> out(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint32_t r = groups.root(i);
    if (size[r] > 1) out[i] = portfolio.accounts[named[r]].id;
  }
  return out;
}

std::vector<std::string> same_consumer_accounts(const Portfolio& portfolio, const Account& account) {
  std::vector<std::string> out;
  const auto self = std::find_if(portfolio.accounts.begin(), portfolio.accounts.end(),
                                 [&](const Account& a) { return a.id == account.id; });
  if (self == portfolio.accounts.end()) return out;
  const std::vector<std::string> consumers = consumer_ids(portfolio);
  const std::string& mine = consumers[static_cast<std::size_t>(self - portfolio.accounts.begin())];
  if (mine.empty()) return out;
  for (std::size_t i = 0; i < portfolio.accounts.size(); ++i) {
    if (consumers[i] == mine && portfolio.accounts[i].id != account.id) out.push_back(portfolio.accounts[i].id);
  }
  return out;
}

}  // namespace parley
