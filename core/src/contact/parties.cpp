// Parties the collector learned of after placement, an attorney's word on the representation and a party's consent
// to a channel: the payloads the add-party form, the attorney's buttons and the consent button record
// (parley/contact/contact.h, [SECTION] Parties).

#include <string>
#include <utility>

#include "parley/compliance/check.h"
#include "parley/contact/contact.h"
#include "parley/time_zone.h"
#include "parley/zones.h"

namespace parley {

namespace {

// "P-ADDED-1", "P-ADDED-2", ...: the first not taken on the account.
std::string fresh_party_id(const AccountState& state) {
  for (std::size_t n = 1;; ++n) {
    std::string id = "P-ADDED-" + std::to_string(n);
    if (!state.party_index(id)) return id;
  }
}

// `text` without the blanks around it.
std::string_view trimmed(std::string_view text) {
  constexpr std::string_view blank = " \t\r\n";
  const std::size_t first = text.find_first_not_of(blank);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(blank) + 1 - first);
}

// A problem for `field` when `text` is longer than an event's text may be.
void check_text_size(std::string_view text, const char* field, Problems& out) {
  if (text.size() <= max_event_text_bytes) return;
  out.push_back({field, "must be at most " + std::to_string(max_event_text_bytes) + " bytes, got " +
                            std::to_string(text.size())});
}

}  // namespace

PartyMade make_party(const AccountState& state, const NewParty& in, Date today) {
  PartyMade out;
  Problems& p = out.problems;
  if (in.role == PartyRole::debtor) p.push_back({"role", "the debtor comes with the placement; pick another role"});
  if (in.given_name.empty() && in.family_name.empty()) {
    p.push_back({"family_name", "give a name (a law firm: its name here)"});
  }
  if (in.role == PartyRole::attorney) {
    const PartyRecord* client = state.party(in.represents);
    if (client == nullptr) {
      p.push_back({"represents", "pick the party the attorney represents"});
    } else if (client->party->role == PartyRole::attorney) {
      p.push_back({"represents", in.represents + " is an attorney: pick the party the attorney represents"});
    }
  }
  if (in.source.empty()) p.push_back({"source", "say how the agency learned of the party"});
  if (!in.phone.empty() && !is_e164(in.phone)) {
    p.push_back({"phone", "must be an E.164 number such as \"+16175550123\""});
  }
  if (!in.email.empty() && !is_email_address(in.email)) {
    p.push_back({"email", "must be an email address with exactly one '@', such as \"dana@whitfield-law.example\""});
  }
  const bool has_address = !in.address.lines.empty() || !in.address.city.empty();
  if (has_address) check_postal_address(in.address, "address", p);
  if (!in.phone.empty() || has_address) {
    if (in.time_zone.empty()) {
      p.push_back({"time_zone", "give the zone the number or address is in, such as \"America/New_York\""});
    } else if (!is_known_time_zone(in.time_zone)) {
      p.push_back({"time_zone", "unknown time zone \"" + in.time_zone + "\""});
    }
  }
  if (!p.empty()) return out;
  const Provenance seen{in.source, today, std::nullopt, ContactStatus::current};

  out.party_id = fresh_party_id(state);
  out.payloads.push_back(PartyAdded{out.party_id, in.role, in.given_name, in.family_name,
                                    in.role == PartyRole::attorney ? in.represents : std::string(), in.source});
  if (!in.phone.empty()) {
    Phone phone;
    phone.number = in.phone;
    phone.kind = in.phone_kind;
    phone.time_zones = {in.time_zone};
    phone.consent_call = true;  // the number given to reach this person at
    phone.consent_text = false;  // texts need the person's opt-in
    phone.provenance = seen;
    out.payloads.push_back(ContactPointAdded{out.party_id, std::move(phone), 10000});
  }
  if (!in.email.empty()) {
    // The address an attorney gave to be written to at; anyone else's collection email waits for its opt-in.
    const bool written_to = in.role == PartyRole::attorney;
    out.payloads.push_back(ContactPointAdded{out.party_id, Email{in.email, written_to, seen}, 10000});
  }
  if (has_address) {
    out.payloads.push_back(ContactPointAdded{out.party_id, Address{in.address, in.time_zone, true, seen}, 10000});
  }
  return out;
}

RepresentationMade make_representation(const AccountState& state, std::string_view attorney_id, bool ended,
                                       bool direct_contact) {
  RepresentationMade out;
  const PartyRecord* attorney = state.party(attorney_id);
  if (attorney == nullptr || attorney->party->role != PartyRole::attorney) {
    out.problems.push_back({"attorney_id", "the account has no attorney " + std::string(attorney_id)});
    return out;
  }
  out.change = RepresentationChanged{std::string(attorney_id), ended, direct_contact};
  return out;
}

ProtectionMade make_protection(const AccountState& state, std::string_view party_id, Protection protection,
                               std::string_view starts, std::string_view ends, std::string_view reference) {
  ProtectionMade out;
  if (state.party(party_id) == nullptr) {
    out.problems.push_back({"party_id", "the account has no party " + std::string(party_id)});
  }
  const std::optional<Date> first = Date::parse(starts);
  if (!first) out.problems.push_back({"starts", "must be the first day it protects, as YYYY-MM-DD"});
  const std::optional<Date> last = ends.empty() ? std::nullopt : Date::parse(ends);
  if (!ends.empty() && !last) {
    out.problems.push_back(
        {"ends", "must be the last day it protects, as YYYY-MM-DD, or empty until a notice ends it"});
  } else if (first && last && *last < *first) {
    out.problems.push_back({"ends", "must not be before the first day, " + first->iso()});
  }
  if (reference.size() > max_protection_reference_bytes) {
    out.problems.push_back({"reference", "must be at most " + std::to_string(max_protection_reference_bytes) +
                                             " bytes, got " + std::to_string(reference.size())});
  }
  if (!out.problems.empty()) return out;
  out.change = ProtectionReported{std::string(party_id), protection, *first, last, std::string(reference)};
  return out;
}

RecontactMade make_recontact(const AccountState& state, std::string_view party_id, std::string_view reason) {
  RecontactMade out;
  const PartyRecord* party = state.party(party_id);
  if (party == nullptr) {
    out.problems.push_back({"party_id", "the account has no party " + std::string(party_id)});
  } else if (party->party->role != PartyRole::third_party) {
    out.problems.push_back({"party_id", full_name(*party->party) + " is not a third party: only a third party is " +
                                            "asked for the consumer's location"});
  }
  const std::string_view why = trimmed(reason);
  if (why.empty()) {
    out.problems.push_back({"reason", "must say why you believe the earlier answer was wrong or incomplete"});
  } else {
    check_text_size(why, "reason", out.problems);
  }
  if (!out.problems.empty()) return out;
  out.change = RecontactJustified{std::string(party_id), std::string(why)};
  return out;
}

CorrespondenceMade make_correspondence(const AccountState& state, std::string_view party_id,
                                       const Correspondence& in, Date today) {
  CorrespondenceMade out;
  const PartyRecord* party = state.party(party_id);
  if (party == nullptr) {
    out.problems.push_back({"party_id", "the account has no party " + std::string(party_id)});
  } else if (party->party->role == PartyRole::third_party) {
    out.problems.push_back({"party_id", full_name(*party->party) + " is a third party: only the consumer, or the " +
                                            "consumer's attorney, disputes the debt or asks that communication stop"});
  }
  if (!in_writing(in.via)) {
    out.problems.push_back({"via", "must be a letter, an email or a text: what is said on a call or a visit is "
                                   "recorded as that contact's outcome"});
  }
  const std::optional<Date> received = Date::parse(in.received);
  if (!received) {
    out.problems.push_back({"received", "must be the day the agency received it, as YYYY-MM-DD"});
  } else if (today < *received) {
    out.problems.push_back({"received", "must not be after today, " + today.iso()});
  }
  const std::string_view reason = trimmed(in.reason);
  check_text_size(reason, "reason", out.problems);
  if (!out.problems.empty()) return out;
  switch (in.request) {
    case WrittenRequest::dispute:
    case WrittenRequest::original_creditor:
      out.change = DisputeOpened{std::string(party_id), std::string(reason), *received,
                                 in.request == WrittenRequest::dispute ? DisputeSubject::debt
                                                                       : DisputeSubject::original_creditor,
                                 in.via};
      break;
    case WrittenRequest::cease: out.change = CeaseRequested{std::string(party_id), CeaseScope::all, {}, in.via}; break;
  }
  return out;
}

CallbackMade make_callback(const AccountState& state, std::string_view party_id, std::string_view date,
                           std::string_view time, std::string_view note, Instant now) {
  CallbackMade out;
  const PartyRecord* party = state.party(party_id);
  if (party == nullptr) {
    out.problems.push_back({"party_id", "the account has no party " + std::string(party_id)});
  } else {
    const std::vector<TimeZone> zones = candidate_zones(*party, now);
    if (zones.empty()) {
      out.problems.push_back({"party_id", "no time zone is known for " + full_name(*party->party) +
                                              ": add an address or a number with its zone first"});
    } else {
      out.zone = zones.front();
    }
  }
  const std::optional<Date> day = Date::parse(trimmed(date));
  if (!day) out.problems.push_back({"date", "must be a date, as YYYY-MM-DD"});
  const std::string_view clock = trimmed(time);
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  int seconds = -1;
  if (clock.size() == 5 && digit(clock[0]) && digit(clock[1]) && clock[2] == ':' && digit(clock[3]) &&
      digit(clock[4])) {
    const int hours = (clock[0] - '0') * 10 + (clock[1] - '0');
    const int minutes = (clock[3] - '0') * 10 + (clock[4] - '0');
    if (hours < 24 && minutes < 60) seconds = hours * 3600 + minutes * 60;
  }
  if (seconds < 0) out.problems.push_back({"time", "must be a time of day, as HH:MM from 00:00 to 23:59"});
  const std::string_view words = trimmed(note);
  check_text_size(words, "note", out.problems);
  if (!out.problems.empty()) return out;
  const Instant at = from_local(*out.zone, *day, seconds).earliest();
  const std::string when = day->iso() + " " + std::string(clock) + " in " + std::string(out.zone->name());
  if (at < now) {
    out.problems.push_back({"time", when + " has passed"});
  } else if (at.unix_seconds() - now.unix_seconds() > std::int64_t{366} * 86400) {
    out.problems.push_back({"date", when + " is more than a year ahead"});
  }
  if (!out.problems.empty()) return out;
  out.change = CallbackScheduled{std::string(party_id), at, std::string(words)};
  return out;
}

ConsentMade make_consent(const AccountState& state, std::string_view party_id, ContactChannel channel,
                         std::string_view point, bool given) {
  ConsentMade out;
  const PartyRecord* party = state.party(party_id);
  if (party == nullptr) {
    out.problems.push_back({"party_id", "the account has no party " + std::string(party_id)});
    return out;
  }
  const std::optional<ContactPointKind> kind = point_kind_of(channel);
  if (!kind) {
    out.problems.push_back({"channel", std::string(to_string(channel)) + " contact uses no contact point"});
    return out;
  }
  if (party->find(*kind, point) == nullptr) {
    out.problems.push_back({"point", full_name(*party->party) + " has no " + std::string(to_string(*kind)) + " " +
                                         std::string(point)});
    return out;
  }
  out.change = ConsentChanged{std::string(party_id), *kind, std::string(point), channel, given};
  return out;
}

}  // namespace parley
