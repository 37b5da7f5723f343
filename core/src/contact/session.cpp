// The contact session: history counters from the journal, starting an attempt, verifying the party, the
// script open in each state, and the payloads an outcome closes the attempt with.
//
// Index of this file:
// [SECTION] Helpers
// [SECTION] History
// [SECTION] Session
// [SECTION] Script
// [SECTION] Outcomes
// [SECTION] Events
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "parley/contact/contact.h"
#include "parley/compliance/locations.h"

namespace parley {

namespace {

// [SECTION] Helpers ---------------------------------------------------------------------------------------------------

// The party of the fold (placed, or added after placement), or null.
const Party* party_of(const AccountState& state, std::string_view id) {
  const PartyRecord* record = state.party(id);
  return record != nullptr ? record->party : nullptr;
}

Locale locale_of(const Account& account) {
  return find_locale(account.language).value_or(Locale::en_US);
}

}  // namespace

// [SECTION] History ---------------------------------------------------------------------------------------------------

bool first_communication(const AccountState& state, std::string_view party_id, ContactChannel channel, Instant at) {
  const std::optional<std::uint32_t> party = state.party_index(party_id);
  if (!party) return true;
  const bool written = in_writing(channel);
  return std::none_of(state.attempts.begin(), state.attempts.end(), [&](const AttemptRecord& a) {
    if (a.party != *party || a.at > at) return false;
    const bool reached = !a.outcome || (*a.outcome != ContactOutcome::wrong_number &&
                                        *a.outcome != ContactOutcome::not_connected);
    if (a.direction == ContactDirection::outbound && in_writing(a.channel) && reached) return true;
    if (written) return false;
    return a.outcome && (party_spoke(*a.outcome) || *a.outcome == ContactOutcome::left_message);
  });
}

const LetterRecord* letter_to_recall(const AccountState& state, std::string_view party_id,
                                     std::string_view template_id) {
  const LetterRecord* found = nullptr;
  for (const LetterRecord& l : state.letters) {
    if (l.letter.party_id == party_id && l.letter.template_id == template_id) found = &l;
  }
  return found;
}

// [SECTION] Session ---------------------------------------------------------------------------------------------------

std::string_view to_string(VerificationState s) {
  return s == VerificationState::verified ? "verified" : "unverified";
}

ContactStart start_contact(const AccountState& state, std::string_view party_id, ContactChannel channel,
                           std::string_view contact_point, EventId attempt_id, Instant at,
                           ContactDirection direction) {
  const Account& account = *state.account;
  ContactStart out;
  if (party_of(state, party_id) == nullptr)
    out.problems.push_back({"party_id", "no party with this id on the account"});
  if (contact_point.empty() && channel != ContactChannel::in_person) {
    out.problems.push_back({"contact_point", "must name the number, email or address used"});
  }
  if (attempt_id.is_nil()) out.problems.push_back({"attempt_id", "must not be the nil id"});
  if (!out.problems.empty()) return out;
  ContactSession s;
  s.account_id = account.id;
  s.party_id = std::string(party_id);
  s.attempt_id = attempt_id;
  s.channel = channel;
  s.contact_point = std::string(contact_point);
  s.direction = direction;
  s.first_communication = first_communication(state, party_id, channel, at);
  s.location_only = party_of(state, party_id)->role == PartyRole::third_party;
  s.debt_age = debt_age(account, at);
  out.attempt = ContactAttempted{s.party_id, channel, s.contact_point, direction};
  out.session = std::move(s);
  return out;
}

VerifyStep verify(const ContactSession& session, const AccountState& state, std::span<const Answer> answers,
                  const HmacKey* key) {
  VerifyStep step{session, check_answers(state, session.party_id, answers, key)};
  if (session.account_id != state.account->id) {
    step.result = VerificationResult{};
    step.result.problems.push_back({"account_id", "the session belongs to another account"});
    return step;
  }
  if (session.location_only) {
    step.result = VerificationResult{};
    step.result.problems.push_back(
        {"party_id", "a third party is asked only for the consumer's location and is never verified"});
    return step;
  }
  if (step.result.verified && step.session.state == VerificationState::unverified) {
    step.session.state = VerificationState::verified;
    step.session.verified = step.result.verified;
  }
  return step;
}

bool debt_may_be_discussed(const ContactSession& session) {
  return session.state == VerificationState::verified;
}

// [SECTION] Script ----------------------------------------------------------------------------------------------------

std::string_view to_string(ScriptSection s) {
  static constexpr std::array<std::string_view, 5> kNames{
      "location-questions", "identity-questions", "limited-content-message", "disclosures", "debt-details"};
  return kNames[static_cast<std::size_t>(s)];
}

namespace {

ScriptItem location_item(const Party& party, const ContactRule& rule) {
  ScriptItem item{ScriptSection::location_questions, "Location questions", {}, citation_of(rule)};
  item.lines.push_back("Ask to speak with " + full_name(party) + ".");
  item.lines.push_back("Give your own name; name your employer only if asked.");
  item.lines.push_back(
      "Do not say that you collect debts or that the call is about a debt, and do not name the "
      "creditor.");
  item.lines.push_back(
      "With anyone else, ask only for the party's home address, telephone number and place of "
      "employment.");
  return item;
}

// The whole script of a call to a third party about the consumer's whereabouts (15 U.S.C. 1692b(1)-(3), 12 CFR
// 1006.10(b)-(c)).
ScriptItem third_party_item(const Party& person, const Party* consumer, const ContactRule& rule) {
  const std::string whom = consumer != nullptr ? full_name(*consumer) : std::string("the consumer");
  ScriptItem item{ScriptSection::location_questions, "Location questions (third party)", {}, citation_of(rule)};
  item.lines.push_back("Ask to speak with " + full_name(person) + ".");
  item.lines.push_back("Give your own name and say that you are confirming or correcting location information about " +
                       whom + "; name your employer only if asked.");
  item.lines.push_back("Do not say that " + whom + " owes a debt or that you collect debts, and do not name the "
                       "creditor.");
  item.lines.push_back("Ask only for " + whom + "'s home address and telephone number, or place of employment.");
  item.lines.push_back("This person is asked once: another contact needs their request, or your recorded reason to "
                       "believe their answer wrong or incomplete.");
  return item;
}

ScriptItem identity_item(const AccountState& state, const Party& party) {
  ScriptItem item{ScriptSection::identity_questions, "Verify identity", {}, ""};
  const Party* answering = answering_party(state, party.id);
  if (answering == nullptr) {
    item.lines.push_back("The account holds nothing that verifies this party: say nothing about the debt.");
    return item;
  }
  if (answering != &party) {
    item.lines.push_back("Ask for the consumer's details: a " + std::string(to_string(party.role)) +
                         " is verified by what they know of " + full_name(*answering) +
                         " (15 U.S.C. 1692c(d)).");
  }
  for (IdentityQuestion q : identity_questions(*answering)) item.lines.emplace_back(question_prompt(q));
  item.lines.push_back(std::to_string(questions_needed_to_verify) +
                       " correct answers verify the party; never say "
                       "the expected answer.");
  return item;
}

// 12 CFR 1006.2(j): the message holds all of (j)(1) (the business name, a request to reply, a natural person's name
// to reply to, a number to reply at), of (j)(2) only the salutation, and nothing else. A required item the context
// lacks is a bracketed gap the collector must fill, never left out.
ScriptItem limited_content_item(const Party& party, const ScriptContext& context, const ContactRule& rule) {
  ScriptItem item{ScriptSection::limited_content_message, "Limited-content message (voicemail)", {},
                  citation_of(rule)};
  const auto or_gap = [](const std::string& value, const char* gap) { return value.empty() ? std::string(gap) : value; };
  item.lines.push_back("Hello, this message is for " + full_name(party) + ".");
  item.lines.push_back("This is " + or_gap(context.caller_name, "[your name]") + " at " +
                       or_gap(context.business_name, "[business name]") + ".");
  item.lines.push_back("Please call " + or_gap(context.caller_name, "[your name]") + " back at " +
                       or_gap(context.callback_number, "[callback number]") + ".");
  return item;
}

ScriptItem debt_item(const AccountState& state) {
  const Account& account = *state.account;
  const Client* client = state.client;
  const Locale loc = locale_of(account);
  const Balance& b = state.balance.itemised;
  ScriptItem item{ScriptSection::debt_details, "Debt details", {}, ""};
  if (client != nullptr) item.lines.push_back("Creditor: " + client->name + ".");
  if (!account.original_creditor.empty())
    item.lines.push_back("Original creditor: " + account.original_creditor + ".");
  if (!account.original_account_number.last4.empty()) {
    item.lines.push_back("Account ending in " + account.original_account_number.last4 + ".");
  }
  const std::string on = b.itemisation_date.iso();
  item.lines.push_back("As of " + on + " you owed " + format_money(b.principal, loc) + ".");
  item.lines.push_back("Since then: interest " + format_money(b.interest, loc) + ", fees " +
                       format_money(b.fees, loc) + ", payments " + format_money(b.payments, loc) +
                       ", credits " + format_money(b.credits, loc) + ".");
  item.lines.push_back("Total now owed: " + format_money(b.total(), loc) + ".");
  return item;
}

// What a disclosure's refers_to recalls: the letter's template, the day it was sent and its reference (the
// LetterIssued event's id), or that none was sent.
std::string recalled_letter(const AccountState& state, const ContactSession& session, std::string_view template_id) {
  const LetterRecord* letter = letter_to_recall(state, session.party_id, template_id);
  if (letter == nullptr) {
    return "No letter " + std::string(template_id) + " was sent to this party: there is none to recall.";
  }
  return "Recall: letter " + std::string(template_id) + " sent " + letter->letter.provided.iso() + ", reference " +
         letter->id.hex() + ".";
}

// One item per required disclosure of the stage(s) the session is in.
void append_disclosures(std::vector<ScriptItem>& out, const RuleBook& book, const AccountState& state,
                        const ContactSession& session, const Jurisdictions& places) {
  const bool verified = session.state == VerificationState::verified;
  for (const Disclosure& d :
       required_disclosures(book, places, session.channel, session.first_communication, session.debt_age)) {
    const bool now = verified ? d.stage != DisclosureStage::before_verification
                              : d.stage == DisclosureStage::before_verification;
    if (!now) continue;
    ScriptItem item{ScriptSection::disclosures,
                    d.rule_text.empty() ? "Required disclosure" : d.rule_text,
                    {},
                    d.by_address ? d.citation + " (" + by_address_note(d.jurisdiction) + ")" : d.citation};
    item.lines.push_back(d.verbatim ? d.text : "Give: " + d.text);
    if (!d.refers_to.empty()) item.lines.push_back(recalled_letter(state, session, d.refers_to));
    out.push_back(std::move(item));
  }
}

}  // namespace

std::vector<ScriptItem> contact_script(const ContactSession& session, const AccountState& state,
                                       const RuleBook& book, const ScriptContext& context) {
  const Account& account = *state.account;
  std::vector<ScriptItem> out;
  const PartyRecord* record = state.party(session.party_id);
  if (record == nullptr || session.account_id != account.id) return out;
  const Party* party = record->party;
  // The script is the law of the places whose packs govern the contact: the account's and the party's addresses'.
  const Jurisdictions places = party_jurisdictions(account, *record);
  if (party->role == PartyRole::third_party) {
    // A third party is asked for the consumer's location and told nothing else (15 U.S.C. 1692b, 12 CFR 1006.10).
    if (const ContactRule* rule = script_rule(book, places, ScriptPart::location_questions)) {
      out.push_back(third_party_item(*party, account.debtor(), *rule));
    }
    return out;
  }
  if (session.state == VerificationState::unverified) {
    if (const ContactRule* rule = script_rule(book, places, ScriptPart::location_questions)) {
      out.push_back(location_item(*party, *rule));
    }
    out.push_back(identity_item(state, *party));
    const ContactRule* voicemail = script_rule(book, places, ScriptPart::limited_content_message);
    if (session.channel == ContactChannel::phone && voicemail != nullptr) {
      out.push_back(limited_content_item(*party, context, *voicemail));
    }
    append_disclosures(out, book, state, session, places);
    return out;
  }
  append_disclosures(out, book, state, session, places);
  out.push_back(debt_item(state));
  return out;
}

// [SECTION] Outcomes --------------------------------------------------------------------------------------------------

std::string_view outcome_label(ContactOutcome outcome) {
  switch (outcome) {
    case ContactOutcome::right_party_contact:
      return "Right-party contact";
    case ContactOutcome::third_party:
      return "Third party";
    case ContactOutcome::wrong_number:
      return "Wrong number";
    case ContactOutcome::left_message:
      return "Left message";
    case ContactOutcome::limited_content_message:
      return "Limited-content message";
    case ContactOutcome::no_answer:
      return "No answer";
    case ContactOutcome::refused:
      return "Refused";
    case ContactOutcome::promise_to_pay:
      return "Promise to pay";
    case ContactOutcome::dispute:
      return "Dispute";
    case ContactOutcome::cease_request:
      return "Cease request";
    case ContactOutcome::bankrupt:
      return "Bankrupt";
    case ContactOutcome::deceased:
      return "Deceased";
    case ContactOutcome::not_connected:
      return "Not connected";
  }
  return "";
}

bool outcome_needs_verification(ContactOutcome outcome) {
  return outcome == ContactOutcome::right_party_contact || outcome == ContactOutcome::promise_to_pay ||
         outcome == ContactOutcome::dispute;
}

bool outcome_allowed(const ContactSession& session, ContactOutcome outcome) {
  if (outcome_needs_verification(outcome) && session.state != VerificationState::verified) return false;
  // A third party says where the consumer is, or nothing; what it says of the consumer's bankruptcy or death is for
  // the consumer's own record, not an outcome of this attempt.
  if (session.location_only && (outcome == ContactOutcome::bankrupt || outcome == ContactOutcome::deceased ||
                                outcome == ContactOutcome::cease_request ||
                                outcome == ContactOutcome::limited_content_message)) {
    return false;
  }
  if ((outcome == ContactOutcome::limited_content_message || outcome == ContactOutcome::not_connected) &&
      session.channel != ContactChannel::phone) {
    return false;
  }
  if (outcome == ContactOutcome::wrong_number && session.channel == ContactChannel::in_person) return false;
  return true;
}

std::vector<ContactOutcome> available_outcomes(const ContactSession& session) {
  std::vector<ContactOutcome> out;
  for (int i = 0; i <= static_cast<int>(ContactOutcome::not_connected); ++i) {
    const auto o = static_cast<ContactOutcome>(i);
    if (outcome_allowed(session, o)) out.push_back(o);
  }
  return out;
}

ContactFinish finish_contact(const ContactSession& session, const AccountState& state, ContactOutcome outcome,
                             const OutcomeDetails& details, Date today) {
  const Account& account = *state.account;
  ContactFinish out;
  Problems& p = out.problems;
  if (session.account_id != account.id) p.push_back({"account_id", "the session belongs to another account"});
  if (party_of(state, session.party_id) == nullptr) {
    p.push_back({"party_id", "no party with this id on the account"});
  }
  if (session.attempt_id.is_nil()) p.push_back({"attempt_id", "must not be the nil id"});
  if (outcome_needs_verification(outcome) && session.state != VerificationState::verified) {
    p.push_back({"outcome", std::string(outcome_label(outcome)) + " needs a verified party"});
  } else if (!outcome_allowed(session, outcome)) {
    p.push_back({"outcome", std::string(outcome_label(outcome)) + " is not possible on " +
                                std::string(to_string(session.channel))});
  }
  if (outcome == ContactOutcome::promise_to_pay) {
    if (!details.promise) {
      p.push_back({"promise", "a promise to pay needs an amount and a due date"});
    } else {
      if (details.promise->amount.currency() != account.currency) {
        p.push_back({"promise.amount", "must be in " + std::string(account.currency.code())});
      } else if (details.promise->amount.minor() <= 0) {
        p.push_back({"promise.amount", "must be more than zero"});
      } else if (details.promise->amount > state.balance.total()) {
        p.push_back({"promise.amount", "must not be more than the balance of " +
                                           format_money(state.balance.total(), locale_of(account))});
      }
      if (details.promise->due < today) p.push_back({"promise.due", "must be today or later"});
    }
  }
  if (outcome == ContactOutcome::cease_request && details.cease_scope == CeaseScope::channels &&
      details.cease_channels.empty()) {
    p.push_back({"cease_channels", "must list at least one channel when the scope is \"channels\""});
  }
  if (!p.empty()) return out;

  if (session.verified) out.payloads.emplace_back(*session.verified);
  const bool conversation = session.channel == ContactChannel::phone &&
                            session.state == VerificationState::verified && party_spoke(outcome);
  out.payloads.emplace_back(OutcomeRecorded{session.attempt_id, outcome, conversation});
  switch (outcome) {
    case ContactOutcome::promise_to_pay:
      out.payloads.emplace_back(*details.promise);
      break;
    case ContactOutcome::dispute:
      out.payloads.emplace_back(
          DisputeOpened{session.party_id, details.dispute_reason, today, details.dispute_subject, session.channel});
      break;
    case ContactOutcome::cease_request: {
      CeaseRequested c{session.party_id, details.cease_scope, {}, session.channel};
      if (c.scope == CeaseScope::channels) c.channels = details.cease_channels;
      out.payloads.emplace_back(std::move(c));
      break;
    }
    case ContactOutcome::wrong_number:
      if (std::optional<ContactPointKind> kind = point_kind_of(session.channel)) {
        out.payloads.emplace_back(
            ContactPointUpdated{session.party_id, *kind, session.contact_point, ContactStatus::wrong_number});
      }
      break;
    case ContactOutcome::bankrupt:
      out.payloads.emplace_back(Escalated{EscalationTarget::legal, "bankruptcy reported"});
      break;
    case ContactOutcome::deceased:
      out.payloads.emplace_back(Escalated{EscalationTarget::return_to_client, "death reported"});
      break;
    default:
      break;
  }
  return out;
}

// [SECTION] Events ----------------------------------------------------------------------------------------------------

ContactEvents make_contact_events(std::string_view account_id, std::span<const EventPayload> payloads,
                                  std::span<const EventId> ids, const Author& author, Instant at,
                                  std::uint64_t first_sequence) {
  ContactEvents out;
  if (ids.size() != payloads.size()) {
    out.problems.push_back({"ids", "one id is needed per payload (" + std::to_string(payloads.size()) + ")"});
    return out;
  }
  for (std::size_t i = 0; i < payloads.size(); ++i) {
    Event e{ids[i], std::string(account_id), author, at, first_sequence + i, payloads[i]};
    for (const Problem& problem : validate_event(e)) {
      out.problems.push_back({"events[" + std::to_string(i) + "]." + problem.path, problem.message});
    }
    out.events.push_back(std::move(e));
  }
  if (!out.problems.empty()) out.events.clear();
  return out;
}

}  // namespace parley
