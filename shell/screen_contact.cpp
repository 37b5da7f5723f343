// The contact panel of the selected account: the compliance banner (allowed, or blocked with every reason and the
// next allowed time in the debtor's and the collector's local time) for a chosen party, channel and contact point;
// the button that starts an attempt (a refusal shows its reasons), or on the letter channel the template picker and
// the button that records the letter sent; and, during an attempt, the script core allows in the session's state,
// the identity questions, and the outcome buttons with their keyboard shortcuts (Alt + the letter shown).
//
// Every decision comes from core and lives in the model (AppState::contact): check()'s banner, the points a party
// may be reached at, the letter templates, the script, the questions, which outcomes are open and what finishing
// records. This file sends the picks and lays the answers out. A button whose action is not open is still a
// button: pressing it says why instead of acting.

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "parley/zones.h"
#include "screens.h"

namespace parley::shell {
namespace {

const ImVec4 allowed_text(0.05f, 0.40f, 0.12f, 1.0f);
const ImVec4 allowed_fill(0.88f, 0.96f, 0.88f, 1.0f);
const ImVec4 blocked_text(0.62f, 0.08f, 0.08f, 1.0f);
const ImVec4 blocked_fill(0.99f, 0.90f, 0.89f, 1.0f);
const ImVec4 neutral_fill(0.93f, 0.94f, 0.97f, 1.0f);

constexpr ContactChannel picker_channels[] = {ContactChannel::phone, ContactChannel::sms, ContactChannel::email,
                                              ContactChannel::letter};

constexpr ContactOutcome all_outcomes[] = {
    ContactOutcome::right_party_contact, ContactOutcome::third_party,   ContactOutcome::wrong_number,
    ContactOutcome::left_message,        ContactOutcome::limited_content_message,
    ContactOutcome::no_answer,           ContactOutcome::refused,       ContactOutcome::promise_to_pay,
    ContactOutcome::dispute,             ContactOutcome::cease_request, ContactOutcome::bankrupt,
    ContactOutcome::deceased,            ContactOutcome::not_connected,
};

// The letter of an outcome's shortcut (Alt + letter); the key index is the letter's ASCII code, as the GLFW
// backends number letter keys.
char shortcut_letter(ContactOutcome outcome) {
  switch (outcome) {
    case ContactOutcome::right_party_contact: return 'R';
    case ContactOutcome::third_party: return 'T';
    case ContactOutcome::wrong_number: return 'W';
    case ContactOutcome::left_message: return 'M';
    case ContactOutcome::limited_content_message: return 'L';
    case ContactOutcome::no_answer: return 'N';
    case ContactOutcome::refused: return 'F';
    case ContactOutcome::promise_to_pay: return 'P';
    case ContactOutcome::dispute: return 'D';
    case ContactOutcome::cease_request: return 'C';
    case ContactOutcome::bankrupt: return 'B';
    case ContactOutcome::deceased: return 'X';
    case ContactOutcome::not_connected: return 'O';
  }
  return '?';
}

std::string channel_title(ContactChannel channel) {
  switch (channel) {
    case ContactChannel::phone: return "Phone";
    case ContactChannel::sms: return "Text message";
    case ContactChannel::email: return "Email";
    case ContactChannel::letter: return "Letter";
    case ContactChannel::in_person: return "In person";
  }
  return "Contact";
}

std::string start_label(ContactChannel channel) {
  switch (channel) {
    case ContactChannel::phone: return "Call";
    case ContactChannel::sms: return "Text";
    case ContactChannel::email: return "Email";
    case ContactChannel::letter: return "Record letter sent";
    case ContactChannel::in_person: return "Visit";
  }
  return "Contact";
}

// The picker's label of a point core lets the party be reached at: the number with its kind, or the address or
// email; and "no consent" where the channel's consent is missing (check() blocks it, saying so).
std::string point_label(const PartyRecord& party, ContactChannel channel, const std::string& key) {
  for (const PointRecord* p : reachable_points(party, channel)) {
    if (p->key() != key) continue;
    const bool consent = p->consent(channel);
    if (p->phone != nullptr) {
      return key + " (" + std::string(to_string(p->phone->kind)) + (consent ? "" : ", no consent") + ")";
    }
    return key + (consent ? "" : " (no consent)");
  }
  return key;
}

void wrapped(const std::string& s, const ImVec4* colour = nullptr) {
  if (colour) ImGui::PushStyleColor(ImGuiCol_Text, *colour);
  ImGui::TextWrapped("%s", s.c_str());
  if (colour) ImGui::PopStyleColor();
}

void wrapped_muted(const std::string& s) {
  const ImVec4 muted = ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
  wrapped(s, &muted);
}

// A group drawn over a filled, rounded rectangle as wide as the panel; records its rectangle under `name`.
class Box {
 public:
  Box(UiScratch& scratch, std::string name, ImVec4 fill) : scratch_(scratch), name_(std::move(name)), fill_(fill) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    const float pad = ImGui::GetStyle().FramePadding.x;
    start_ = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(start_.x + pad, start_.y + pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetWindowContentRegionMax().x - pad);
  }
  ~Box() {
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float pad = ImGui::GetStyle().FramePadding.x;
    const ImVec2 max(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x, ImGui::GetItemRectMax().y + pad);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(start_, max, ImGui::GetColorU32(fill_), ImGui::GetStyle().FrameRounding);
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(start_.x, max.y));
    ImGui::Dummy(ImVec2(max.x - start_.x, ImGui::GetStyle().ItemSpacing.y * 0.5f));
    scratch_.widgets.record(name_, start_.x, start_.y, max.x, max.y);
  }
  Box(const Box&) = delete;
  Box& operator=(const Box&) = delete;

 private:
  UiScratch& scratch_;
  std::string name_;
  ImVec4 fill_;
  ImVec2 start_;
};

void reasons_list(const std::vector<Reason>& reasons) {
  for (const Reason& reason : reasons) {
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::BeginGroup();
    wrapped(reason.words);
    if (!reason.citation.empty()) wrapped_muted(reason.citation + "  [" + reason.rule_id + "]");
    ImGui::EndGroup();
  }
}

// The next allowed instant in every zone of the debtor and in the collector's zone; or why no time clears it.
// `record`: the banner's own call, whose texts the test hook reports.
void next_allowed(const Decision& decision, const PartyRecord& party, UiScratch& scratch, bool record) {
  if (!decision.next_allowed) {
    wrapped("No time clears this by itself: contact stays blocked until the reasons above are resolved.");
    return;
  }
  const Instant at = *decision.next_allowed;
  std::vector<std::string> debtor;
  for (const TimeZone zone : candidate_zones(party, at)) debtor.push_back(local_text(zone, at));
  const std::string collector = local_text(scratch.collector_zone, at);
  text("Next allowed:");
  ImGui::Indent();
  if (debtor.empty()) wrapped("debtor: local time unknown");
  for (const std::string& line : debtor) wrapped("debtor: " + line);
  wrapped("you: " + collector);
  ImGui::Unindent();
  if (record) {
    scratch.contact.next_debtor = std::move(debtor);
    scratch.contact.next_collector = collector;
  }
}

// The zone a number given for a new party is first taken to be in: the debtor's current address's, or its first
// phone's.
std::string debtor_zone(const Account& account) {
  const Party* debtor = account.debtor();
  if (!debtor) return {};
  for (const Address& a : debtor->addresses) {
    if (a.provenance.status == ContactStatus::current && !a.time_zone.empty()) return a.time_zone;
  }
  for (const Phone& p : debtor->phones) {
    if (!p.time_zones.empty()) return p.time_zones.front();
  }
  return {};
}

// The country of the account's jurisdiction ("US" of "US-NY"): a new party's address is most often there.
std::string account_country(const Account& account) {
  return account.jurisdiction.substr(0, std::min<std::size_t>(2, account.jurisdiction.size()));
}

void clear_new_party(ContactInputs& c, const Account& account) {
  c.add_role = 0;
  c.add_given[0] = '\0';
  c.add_family[0] = '\0';
  c.add_represents.clear();
  c.add_source = 0;
  c.add_phone[0] = '\0';
  c.add_phone_kind = 0;
  std::snprintf(c.add_zone, sizeof c.add_zone, "%s", debtor_zone(account).c_str());
  c.add_email[0] = '\0';
  c.add_street[0] = '\0';
  c.add_city[0] = '\0';
  c.add_region[0] = '\0';
  c.add_postal_code[0] = '\0';
  std::snprintf(c.add_country, sizeof c.add_country, "%s", account_country(account).c_str());
}

void set_up(ContactInputs& c, const Account& account, Date today) {
  c = ContactInputs{};
  c.account_id = account.id;
  std::snprintf(c.promise_due, sizeof c.promise_due, "%s", today.plus_days(7).iso().c_str());
  std::snprintf(c.protection_starts, sizeof c.protection_starts, "%s", today.iso().c_str());
  std::snprintf(c.written_received, sizeof c.written_received, "%s", today.iso().c_str());
  std::snprintf(c.callback_date, sizeof c.callback_date, "%s", today.iso().c_str());
  clear_new_party(c, account);
}

// Party, channel and contact point pickers; a change is sent to the model, which checks the banner for it.
void pickers(const Account& account, const AccountState& fold, const ContactSlice& cs, ContactInputs& c,
             UiScratch& scratch, Dispatch& dispatch) {
  PickContact pick{account.id, cs.party_id, cs.channel, cs.point, cs.letter_template};
  bool changed = false;
  const PartyRecord* picked = fold.party(cs.party_id);
  if (!picked) return;
  const Party* party = picked->party;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.45f);
  if (ImGui::BeginCombo("Party", (role_label(party->role) + ": " + full_name(*party)).c_str())) {
    for (const PartyRecord& r : fold.parties) {
      const Party& p = *r.party;
      if (ImGui::Selectable((role_label(p.role) + ": " + full_name(p) + "##" + p.id).c_str(), p.id == cs.party_id) &&
          p.id != cs.party_id) {
        pick.party_id = p.id;
        pick.point.clear();
        changed = true;
      }
      scratch.widgets.record("contact.party." + p.id);
    }
    ImGui::EndCombo();
  }
  scratch.widgets.record("contact.party");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
  if (ImGui::BeginCombo("Channel", channel_title(cs.channel).c_str())) {
    for (const ContactChannel channel : picker_channels) {
      if (ImGui::Selectable(channel_title(channel).c_str(), channel == cs.channel) && channel != cs.channel) {
        pick.channel = channel;
        pick.point.clear();
        changed = true;
      }
      scratch.widgets.record("contact.channel." + std::string(to_string(channel)));
    }
    ImGui::EndCombo();
  }
  scratch.widgets.record("contact.channel");

  const PartyRecord* record = fold.party(cs.party_id);
  if (cs.points.empty() || !record) {
    text_muted("No usable " + std::string(to_string(cs.channel)) + " contact point for this party.");
  } else {
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::BeginCombo("##point", point_label(*record, cs.channel, cs.point).c_str())) {
      for (std::size_t i = 0; i < cs.points.size(); ++i) {
        const std::string label = point_label(*record, cs.channel, cs.points[i]) + "##" + std::to_string(i);
        if (ImGui::Selectable(label.c_str(), cs.points[i] == cs.point) && cs.points[i] != cs.point) {
          pick.point = cs.points[i];
          changed = true;
        }
      }
      ImGui::EndCombo();
    }
    scratch.widgets.record("contact.point");
  }
  if (changed) {
    c.notice.clear();
    dispatch(std::move(pick));
  }
}

// Why an outcome is not open in the session, in words.
std::string why_not(const ContactSession& session, ContactOutcome outcome) {
  const std::string label(outcome_label(outcome));
  if (session.location_only) {
    return label + " is not an outcome of a contact with a third party, who is asked only for the consumer's "
                   "location.";
  }
  if (outcome_needs_verification(outcome) && !debt_may_be_discussed(session)) {
    return label + " needs the party verified first: it discusses the debt, which may only be discussed with the "
                   "verified consumer.";
  }
  return label + " is not an outcome of a " + std::string(to_string(session.channel)) + " attempt that is " +
         std::string(to_string(session.state)) + ".";
}

void script(const std::vector<ScriptItem>& items, UiScratch& scratch) {
  ImGui::BeginGroup();
  for (const ScriptItem& item : items) {
    if (item.section == ScriptSection::identity_questions) continue;  // asked below, with the answer boxes
    wrapped(item.title);
    ImGui::Indent();
    for (const std::string& line : item.lines) wrapped(line);
    if (!item.citation.empty()) wrapped_muted(item.citation);
    ImGui::Unindent();
  }
  ImGui::EndGroup();
  scratch.widgets.record("contact.script");
}

void verification(const AppState& state, const Account& account, const ContactSession& session, ContactInputs& c,
                  UiScratch& scratch, Dispatch& dispatch) {
  const AccountState* fold = state.fold_of(account.id);
  const PartyRecord* record = fold != nullptr ? fold->party(session.party_id) : nullptr;
  if (!record) return;
  const Party* party = record->party;
  text("Verify " + full_name(*party) + ": " + std::to_string(questions_needed_to_verify) +
       " correct answers needed");
  const Party* answering = answering_party(*fold, session.party_id);
  const std::vector<IdentityQuestion> questions =
      answering != nullptr ? identity_questions(*answering) : std::vector<IdentityQuestion>{};
  if (answering != nullptr && answering != party) {
    wrapped_muted("Asked about " + full_name(*answering) + ": a " + std::string(to_string(party->role)) +
                  " is verified by what they know of the consumer.");
  }
  const std::optional<VerificationResult>& result = state.contact.verification;
  float prompt_width = 0.0f;
  for (const IdentityQuestion q : questions) {
    prompt_width = std::max(prompt_width, ImGui::CalcTextSize(std::string(question_prompt(q)).c_str()).x);
  }
  prompt_width += ImGui::GetStyle().ItemSpacing.x * 2.0f;
  // On a narrow panel (a phone) each answer box goes under its question rather than past the panel's edge.
  constexpr float min_answer_width = 120.0f;
  const float panel_width = ImGui::GetContentRegionAvail().x;
  const bool stacked = prompt_width + min_answer_width > panel_width;
  for (const IdentityQuestion q : questions) {
    const int index = static_cast<int>(q);
    if (index < 0 || index >= identity_question_count) continue;
    ImGui::PushID(index);
    ImGui::AlignTextToFramePadding();
    text(std::string(question_prompt(q)));
    if (!stacked) ImGui::SameLine(prompt_width);
    const float beside = std::min(220.0f, ImGui::GetContentRegionAvail().x * 0.5f);
    ImGui::SetNextItemWidth(stacked ? std::min(panel_width, 220.0f) : std::max(min_answer_width, beside));
    ImGui::InputText("##answer", c.answers[index], sizeof c.answers[index]);
    scratch.widgets.record("contact.answer." + std::string(to_string(q)));
    if (result) {
      for (const AnswerResult& r : result->answers) {
        if (r.question != q) continue;
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, r.passed ? allowed_text : blocked_text);
        text(r.words);
        ImGui::PopStyleColor();
      }
    }
    ImGui::PopID();
  }
  if (ImGui::Button("Verify")) {
    AnswerQuestions answers;
    for (const IdentityQuestion q : questions) {
      const int index = static_cast<int>(q);
      if (index >= 0 && index < identity_question_count && c.answers[index][0] != '\0') {
        answers.answers.push_back({q, c.answers[index]});
      }
    }
    if (answers.answers.empty()) {
      c.notice = "Type the answers the party gives, then Verify.";
    } else {
      c.notice.clear();
      dispatch(std::move(answers));
    }
  }
  scratch.widgets.record("contact.verify");
  if (result && result->problems.empty() && !result->verified) {
    ImGui::SameLine();
    text_muted(std::to_string(result->passed) + " of " + std::to_string(questions_needed_to_verify) + " passed");
  }
}

// The details some outcomes need: a promise's amount and date, a dispute's reason, a cease request's scope.
OutcomeDetails outcome_details(const Account& account, const ContactSession& session, const ContactInputs& c,
                               ContactOutcome outcome) {
  OutcomeDetails details;
  if (outcome == ContactOutcome::promise_to_pay) {
    const std::optional<Money> amount = parse_decimal(c.promise_amount, account.currency);
    const std::optional<Date> due = Date::parse(c.promise_due);
    if (amount && due) details.promise = PromiseMade{*amount, *due};
  }
  details.dispute_reason = c.dispute_reason;
  if (c.original_creditor_asked) details.dispute_subject = DisputeSubject::original_creditor;
  if (c.cease_this_channel_only) {
    details.cease_scope = CeaseScope::channels;
    details.cease_channels = {session.channel};
  }
  return details;
}

// One combo over `labels`; the items are recorded as `widget`.<i>.
template <std::size_t N>
void choice(const char* label, int& index, const std::string (&labels)[N], const std::string& widget,
            UiScratch& scratch) {
  index = std::clamp(index, 0, static_cast<int>(N) - 1);
  if (ImGui::BeginCombo(label, labels[index].c_str(), ImGuiComboFlags_HeightLargest)) {  // every item in view
    for (std::size_t i = 0; i < N; ++i) {
      if (ImGui::Selectable(labels[i].c_str(), static_cast<int>(i) == index)) index = static_cast<int>(i);
      scratch.widgets.record(widget + "." + std::to_string(i));
    }
    ImGui::EndCombo();
  }
  scratch.widgets.record(widget);
}

// Whether a problem is one of the payment form's fields (take_payment()'s paths).
bool payment_field(const Problem& p) {
  for (const char* field : {"amount", "card.", "bank.", "iban", "processor"}) {
    if (p.path.rfind(field, 0) == 0) return true;
  }
  return false;
}

// Takes a payment on the call: the amount and the payer's card or bank account, charged through the host's
// processor; the form says when that is the sandbox, and under its button what the processor answered or what is
// wrong with the form. Every number of the instrument is wiped from the form once it is sent.
void payment_controls(const Account& account, const ContactSlice& cs, ContactInputs& c, UiScratch& scratch,
                      Dispatch& dispatch) {
  const bool open = ImGui::TreeNode("payment", "Take a payment");
  scratch.widgets.record("contact.payment");
  if (!open) return;
  if (scratch.sandbox_payments) {
    wrapped(std::string(SandboxProcessor::cases), &blocked_text);
  }
  const bool us = bank_instrument(account) == InstrumentKind::us_bank_account;
  const float field = std::min(220.0f, ImGui::GetContentRegionAvail().x * 0.5f);
  ImGui::SetNextItemWidth(field);
  ImGui::InputTextWithHint("Amount", "125.00", c.pay_amount, sizeof c.pay_amount);
  scratch.widgets.record("contact.payment.amount");
  const std::string kinds[] = {"Card", us ? "Bank account (routing and account number)" : "Bank account (IBAN)"};
  ImGui::SetNextItemWidth(field);
  choice("Pay by", c.pay_kind, kinds, "contact.payment.kind", scratch);
  const auto box = [&](const char* label, const char* hint, char* buffer, std::size_t size, const char* widget,
                       ImGuiInputTextFlags flags = 0) {
    ImGui::SetNextItemWidth(field);
    ImGui::InputTextWithHint(label, hint, buffer, size, flags);
    scratch.widgets.record(widget);
  };
  PaymentForm form;
  form.amount = c.pay_amount;
  if (c.pay_kind == 0) {
    box("Card number", "4111 1111 1111 1111", c.pay_card, sizeof c.pay_card, "contact.payment.card");
    box("Expires", "MM/YY", c.pay_expiry, sizeof c.pay_expiry, "contact.payment.expiry");
    box("Security code", "3 or 4 digits", c.pay_code, sizeof c.pay_code, "contact.payment.code",
        ImGuiInputTextFlags_Password);
    form.kind = InstrumentKind::card;
    form.card_number = c.pay_card;
    form.card_expiry = c.pay_expiry;
    form.card_security_code = c.pay_code;
  } else if (us) {
    box("Routing number", "9 digits", c.pay_routing, sizeof c.pay_routing, "contact.payment.routing");
    box("Account number", "4 to 17 digits", c.pay_account, sizeof c.pay_account, "contact.payment.account");
    form.kind = InstrumentKind::us_bank_account;
    form.routing_number = c.pay_routing;
    form.account_number = c.pay_account;
  } else {
    box("IBAN", "GB82 WEST 1234 5698 7654 32", c.pay_iban, sizeof c.pay_iban, "contact.payment.iban");
    form.kind = InstrumentKind::iban;
    form.iban = c.pay_iban;
  }
  if (ImGui::Button(scratch.sandbox_payments ? "Charge (sandbox)" : "Charge")) {
    c.notice.clear();
    for (char* number : {c.pay_card, c.pay_expiry, c.pay_code, c.pay_routing, c.pay_account, c.pay_iban}) {
      number[0] = '\0';
    }
    dispatch(TakePayment{account.id, std::move(form), std::nullopt, false, {}, {}, {}});
  }
  scratch.widgets.record("contact.payment.charge");
  for (const Problem& p : cs.problems) {
    if (payment_field(p)) wrapped(p.text(), &blocked_text);
  }
  if (cs.finished.rfind("Payment ", 0) == 0) {
    wrapped(cs.finished, cs.finished.rfind("Payment taken", 0) == 0 ? &allowed_text : &blocked_text);
    scratch.widgets.record("contact.payment.result");
  }
  ImGui::TreePop();
}

void outcomes(const Account& account, const ContactSession& session, const ContactSlice& cs, ContactInputs& c,
              UiScratch& scratch, Dispatch& dispatch) {
  text("Outcome");
  ImGui::Separator();
  if (debt_may_be_discussed(session)) {
    ImGui::SetNextItemWidth(110.0f);
    ImGui::InputText("Promise amount", c.promise_amount, sizeof c.promise_amount);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110.0f);
    ImGui::InputText("due", c.promise_due, sizeof c.promise_due);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
    ImGui::InputText("Dispute reason", c.dispute_reason, sizeof c.dispute_reason);
    ImGui::Checkbox("Dispute: asks for the original creditor", &c.original_creditor_asked);
    scratch.widgets.record("contact.original_creditor");
    payment_controls(account, cs, c, scratch, dispatch);
  }
  ImGui::Checkbox("Cease request covers this channel only", &c.cease_this_channel_only);

  const ImGuiIO& io = ImGui::GetIO();
  const bool alt_only = io.KeyAlt && !io.KeyCtrl && !io.KeyShift && !io.KeySuper;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const int columns = std::clamp(static_cast<int>((avail + gap) / (250.0f + gap)), 1, 3);
  const float width = (avail - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  int column = 0;
  for (const ContactOutcome outcome : all_outcomes) {
    const bool open = outcome_allowed(session, outcome);
    const char letter = shortcut_letter(outcome);
    std::string label = std::string(outcome_label(outcome)) + "  (Alt+" + letter + ")";
    if (!open) {
      label += outcome_needs_verification(outcome) && !debt_may_be_discussed(session) && !session.location_only
                   ? " - verify first"
                   : " - not open";
    }
    if (column > 0) ImGui::SameLine();
    bool pressed = ImGui::Button((label + "##" + std::string(to_string(outcome))).c_str(), ImVec2(width, 0.0f));
    if (!open && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", why_not(session, outcome).c_str());
    scratch.widgets.record("contact.outcome." + std::string(to_string(outcome)));
    pressed = pressed || (alt_only && ImGui::IsKeyPressed(static_cast<unsigned char>(letter), false));
    if (pressed) {
      if (open) {
        c.notice.clear();
        dispatch(FinishContact{outcome, outcome_details(account, session, c, outcome), {}, {}, {}});
      } else {
        c.notice = why_not(session, outcome);
      }
    }
    column = (column + 1) % columns;
  }
}

// On the letter channel: the templates the rule packs name and the button that records the letter sent.
void letter_controls(const Account& account, const ContactSlice& cs, ContactInputs& c, UiScratch& scratch,
                     Dispatch& dispatch) {
  if (cs.templates.empty()) {
    text_muted("The account's rule packs name no letter template.");
    return;
  }
  const LetterTemplate* chosen = &cs.templates.front();
  for (const LetterTemplate& t : cs.templates) {
    if (t.id == cs.letter_template) chosen = &t;
  }
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
  if (ImGui::BeginCombo("Template", chosen->id.c_str())) {
    for (const LetterTemplate& t : cs.templates) {
      const std::string item = t.id + " (" + std::string(to_string(t.purpose)) + ", " + t.citation + ")##" + t.id;
      if (ImGui::Selectable(item.c_str(), &t == chosen)) {
        dispatch(PickContact{account.id, cs.party_id, cs.channel, cs.point, t.id});
      }
    }
    ImGui::EndCombo();
  }
  scratch.widgets.record("contact.template");
  if (ImGui::Button("Record letter sent")) {
    if (cs.point.empty()) {
      c.notice = "The party has no address a letter may go to.";
    } else {
      c.notice.clear();
      dispatch(RecordLetter{account.id, cs.party_id, chosen->id, cs.point, {}, {}, {}});
    }
  }
  scratch.widgets.record("contact.letter");
  wrapped_muted("The letter is produced outside Parley; it is recorded with the balance now, provided today.");
}

// What consent to `channel` covers, in words: "calls", "texts", "email", "letters".
const char* consent_noun(ContactChannel channel) {
  switch (channel) {
    case ContactChannel::phone: return "calls";
    case ContactChannel::sms: return "texts";
    case ContactChannel::email: return "email";
    case ContactChannel::letter: return "letters";
    case ContactChannel::in_person: return "visits";
  }
  return "contact";
}

// The party's word on consent at the point the banner checks, given by any reasonable means (on a call, in writing,
// by text): the button records it revoked, or given where it is not.
void consent_button(const Account& account, const PartyRecord& party, ContactChannel channel, const std::string& point,
                    UiScratch& scratch, Dispatch& dispatch) {
  const std::optional<ContactPointKind> kind = point_kind_of(channel);
  const PointRecord* p = kind && !point.empty() ? party.find(*kind, point) : nullptr;
  if (p == nullptr) return;
  const bool given = p->consent(channel);
  const std::string label = std::string(given ? "Party revokes consent to " : "Party gives consent to ") +
                            consent_noun(channel) + " at " + point;
  if (ImGui::Button(label.c_str())) {
    dispatch(ChangeConsent{account.id, party.party->id, channel, point, !given, {}, {}, {}});
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("What %s said, on a call, in writing or by any other means; it takes effect at once.",
                      full_name(*party.party).c_str());
  }
  scratch.widgets.record("contact.consent");
}

// The roles, sources and phone kinds the add-party form offers, in its combos' order.
constexpr PartyRole new_party_roles[] = {PartyRole::attorney,  PartyRole::spouse,   PartyRole::executor,
                                         PartyRole::administrator, PartyRole::co_signer, PartyRole::guarantor,
                                         PartyRole::parent,    PartyRole::guardian, PartyRole::third_party};
struct SourceChoice {
  const char* source;
  const char* label;
};
constexpr SourceChoice new_party_sources[] = {
    {"attorney-letter", "Attorney's letter"}, {"inbound-call", "Inbound call"}, {"party", "Told by a party"}};
constexpr PhoneKind new_party_phone_kinds[] = {PhoneKind::work, PhoneKind::mobile, PhoneKind::home, PhoneKind::other};

// The attorneys of the account with what they said (represents, consents, ended) and the buttons that record
// their word; then the form that records a party learned of after placement.
void party_controls(const Account& account, const AccountState& fold, const ContactSlice& cs, ContactInputs& c,
                    UiScratch& scratch, Dispatch& dispatch) {
  const bool recorded = !cs.added_party.empty() && cs.added_party != c.added_seen;
  if (recorded) {
    c.added_seen = cs.added_party;
    clear_new_party(c, account);
  }
  for (const PartyRecord& r : fold.parties) {
    if (r.party->role != PartyRole::attorney || !r.represents) continue;
    const std::string& id = r.party->id;
    const std::string client = full_name(*fold.parties[*r.represents].party);
    ImGui::PushID(id.c_str());
    std::string status = r.representation_ended ? "no longer represents " + client
                         : r.direct_contact     ? "represents " + client + ", consents to direct contact"
                                                : "represents " + client + ": contact goes to the attorney";
    wrapped("Attorney " + full_name(*r.party) + " " + status);
    if (!r.representation_ended) {
      const bool consent = !r.direct_contact;
      if (ImGui::Button(consent ? "Attorney consents to direct contact" : "Attorney withdraws that consent")) {
        dispatch(ChangeRepresentation{account.id, id, false, consent, {}, {}, {}});
      }
      scratch.widgets.record("contact.attorney." + id + ".consent");
      ImGui::SameLine();
      if (ImGui::Button("Representation ended")) dispatch(ChangeRepresentation{account.id, id, true, false, {}, {}, {}});
      scratch.widgets.record("contact.attorney." + id + ".ended");
    }
    ImGui::PopID();
  }

  if (recorded) ImGui::SetNextItemOpen(false);  // the form closes on the party it recorded
  const bool open = ImGui::TreeNode("add_party", "Add a party");
  scratch.widgets.record("contact.add_party");
  if (!open) return;
  wrapped_muted("An attorney who wrote about the debt, a relative or an executor who called, a neighbour to ask where "
                "the consumer lives.");
  std::string roles[std::size(new_party_roles)];
  for (std::size_t i = 0; i < std::size(new_party_roles); ++i) roles[i] = role_label(new_party_roles[i]);
  std::string sources[std::size(new_party_sources)];
  for (std::size_t i = 0; i < std::size(new_party_sources); ++i) sources[i] = new_party_sources[i].label;
  std::string kinds[std::size(new_party_phone_kinds)];
  for (std::size_t i = 0; i < std::size(new_party_phone_kinds); ++i) {
    kinds[i] = std::string(to_string(new_party_phone_kinds[i]));
  }
  const float field = std::min(260.0f, ImGui::GetContentRegionAvail().x * 0.55f);
  ImGui::SetNextItemWidth(field);
  choice("Role", c.add_role, roles, "contact.add_party.role", scratch);
  const PartyRole role = new_party_roles[std::clamp(c.add_role, 0, static_cast<int>(std::size(roles)) - 1)];
  ImGui::SetNextItemWidth(field);
  ImGui::InputText("Given name", c.add_given, sizeof c.add_given);
  scratch.widgets.record("contact.add_party.given_name");
  ImGui::SetNextItemWidth(field);
  ImGui::InputText(role == PartyRole::attorney ? "Family name or firm" : "Family name", c.add_family,
                   sizeof c.add_family);
  scratch.widgets.record("contact.add_party.family_name");
  if (role == PartyRole::attorney) {
    const Party* debtor = account.debtor();
    if (c.add_represents.empty() && debtor) c.add_represents = debtor->id;
    const PartyRecord* client = fold.party(c.add_represents);
    ImGui::SetNextItemWidth(field);
    if (ImGui::BeginCombo("Represents", client ? full_name(*client->party).c_str() : "")) {
      for (const PartyRecord& r : fold.parties) {
        if (r.party->role == PartyRole::attorney) continue;
        const std::string item = role_label(r.party->role) + ": " + full_name(*r.party) + "##" + r.party->id;
        if (ImGui::Selectable(item.c_str(), r.party->id == c.add_represents)) c.add_represents = r.party->id;
      }
      ImGui::EndCombo();
    }
    scratch.widgets.record("contact.add_party.represents");
  }
  ImGui::SetNextItemWidth(field);
  choice("Learned from", c.add_source, sources, "contact.add_party.source", scratch);
  ImGui::SetNextItemWidth(field);
  ImGui::InputTextWithHint("Phone", "+12125550188 (optional)", c.add_phone, sizeof c.add_phone);
  scratch.widgets.record("contact.add_party.phone");
  if (c.add_phone[0] != '\0') {
    ImGui::SetNextItemWidth(field);
    choice("Phone kind", c.add_phone_kind, kinds, "contact.add_party.phone_kind", scratch);
    wrapped_muted("The number may be called; texts wait for the person's own consent.");
  }
  ImGui::SetNextItemWidth(field);
  ImGui::InputTextWithHint("Email", "optional", c.add_email, sizeof c.add_email);
  scratch.widgets.record("contact.add_party.email");
  if (c.add_email[0] != '\0') {
    wrapped_muted(role == PartyRole::attorney ? "The attorney may be written to at this address."
                                              : "Collection email waits for the person's own consent.");
  }
  ImGui::SetNextItemWidth(field);
  ImGui::InputTextWithHint("Street", "postal address, optional", c.add_street, sizeof c.add_street);
  scratch.widgets.record("contact.add_party.street");
  const bool address = c.add_street[0] != '\0' || c.add_city[0] != '\0';
  if (address) {
    ImGui::SetNextItemWidth(field);
    ImGui::InputText("City", c.add_city, sizeof c.add_city);
    scratch.widgets.record("contact.add_party.city");
    ImGui::SetNextItemWidth(field);
    ImGui::InputText("State or region", c.add_region, sizeof c.add_region);
    scratch.widgets.record("contact.add_party.region");
    ImGui::SetNextItemWidth(field);
    ImGui::InputText("Postal code", c.add_postal_code, sizeof c.add_postal_code);
    scratch.widgets.record("contact.add_party.postal_code");
    ImGui::SetNextItemWidth(field);
    ImGui::InputText("Country", c.add_country, sizeof c.add_country);
    scratch.widgets.record("contact.add_party.country");
  }
  if (c.add_phone[0] != '\0' || address) {
    ImGui::SetNextItemWidth(field);
    ImGui::InputText("Zone", c.add_zone, sizeof c.add_zone);
    scratch.widgets.record("contact.add_party.time_zone");
  }
  if (ImGui::Button("Record the party")) {
    NewParty party;
    party.role = role;
    party.given_name = c.add_given;
    party.family_name = c.add_family;
    party.represents = role == PartyRole::attorney ? c.add_represents : std::string();
    party.source = new_party_sources[std::clamp(c.add_source, 0, static_cast<int>(std::size(sources)) - 1)].source;
    party.phone = c.add_phone;
    party.phone_kind = new_party_phone_kinds[std::clamp(c.add_phone_kind, 0, static_cast<int>(std::size(kinds)) - 1)];
    party.time_zone = party.phone.empty() && !address ? std::string() : std::string(c.add_zone);
    party.email = c.add_email;
    if (address) {
      if (c.add_street[0] != '\0') party.address.lines = {c.add_street};
      party.address.city = c.add_city;
      party.address.region = c.add_region;
      party.address.postal_code = c.add_postal_code;
      party.address.country = c.add_country;
    }
    c.notice.clear();
    dispatch(AddParty{account.id, std::move(party), {}, {}, {}});
  }
  scratch.widgets.record("contact.add_party.record");
  ImGui::TreePop();
}

constexpr Protection form_protections[] = {Protection::breathing_space, Protection::mental_health_crisis,
                                           Protection::over_indebtedness};

// The picked party's protections with their days, then the form that records a public body's notice of one (or of
// its end: the same protection with its last day).
void protection_controls(const Account& account, const AccountState& fold, const PartyRecord& party,
                         const RuleBook& book, Instant now, ContactInputs& c, UiScratch& scratch, Dispatch& dispatch) {
  const std::optional<std::uint32_t> index = fold.party_index(party.party->id);
  bool open_form = false;
  for (const ProtectionRecord& p : fold.protections) {
    if (!index || p.party != *index) continue;
    wrapped(protection_line(p, account, fold, book, now),
            protection_holds(p, account, fold, book, now) ? &blocked_text : nullptr);
    scratch.widgets.record("contact.protection." + std::string(to_string(p.protection)));
    // Its end comes as another notice of the same protection: the form takes its first day and reference.
    ImGui::PushID(static_cast<int>(p.protection));
    if (ImGui::SmallButton("Record its end")) {
      c.protection = static_cast<int>(std::find(std::begin(form_protections), std::end(form_protections),
                                                p.protection) - std::begin(form_protections));
      std::snprintf(c.protection_starts, sizeof c.protection_starts, "%s", p.starts.iso().c_str());
      std::snprintf(c.protection_reference, sizeof c.protection_reference, "%s", p.reference.c_str());
      open_form = true;
    }
    ImGui::PopID();
    scratch.widgets.record("contact.protection." + std::string(to_string(p.protection)) + ".end");
  }
  if (open_form) ImGui::SetNextItemOpen(true);
  const bool open = ImGui::TreeNode("protection", "Report a protection (breathing space, surendettement)");
  scratch.widgets.record("contact.protection");
  if (!open) return;
  wrapped_muted("A public body's notice for " + full_name(*party.party) +
                ": a moratorium starts, or ends (the same protection with its last day).");
  std::string labels[std::size(form_protections)];
  for (std::size_t i = 0; i < std::size(form_protections); ++i) {
    labels[i] = protection_title(form_protections[i]);
  }
  const float field = std::min(260.0f, ImGui::GetContentRegionAvail().x * 0.55f);
  ImGui::SetNextItemWidth(field);
  choice("Protection", c.protection, labels, "contact.protection.kind", scratch);
  // A notice no rule of the party's law acts on is kept, but the form says before it is recorded that it holds nothing.
  const Protection kind = form_protections[std::clamp(c.protection, 0, static_cast<int>(std::size(labels)) - 1)];
  const std::string unheld = places_without_protection_rule(account, party, book, kind);
  if (!unheld.empty()) {
    wrapped("No rule for " + unheld + " holds contact for a " + std::string(protection_name(kind)) +
                ": Parley keeps the notice but goes on allowing contact.",
            &blocked_text);
    scratch.widgets.record("contact.protection.unheld");
  }
  ImGui::SetNextItemWidth(field);
  ImGui::InputTextWithHint("First day", "YYYY-MM-DD", c.protection_starts, sizeof c.protection_starts);
  scratch.widgets.record("contact.protection.starts");
  ImGui::SetNextItemWidth(field);
  ImGui::InputTextWithHint("Last day", "YYYY-MM-DD, empty: until a notice", c.protection_ends,
                           sizeof c.protection_ends);
  scratch.widgets.record("contact.protection.ends");
  ImGui::SetNextItemWidth(field);
  ImGui::InputText("Reference", c.protection_reference, sizeof c.protection_reference);
  scratch.widgets.record("contact.protection.reference");
  if (ImGui::Button("Record the notice")) {
    c.notice.clear();
    dispatch(ReportProtection{account.id, party.party->id, kind, c.protection_starts, c.protection_ends,
                              c.protection_reference, {}, {}, {}});
  }
  scratch.widgets.record("contact.protection.record");
  ImGui::TreePop();
}

// For a third party the location rule holds (asked once already): the collector's reason to believe its earlier
// answer wrong or incomplete and that it now has the correct information opens one more contact (15 U.S.C. 1692b(3)).
void recontact_controls(const Account& account, const PartyRecord& party, const Decision& decision,
                        const RuleBook& book, ContactInputs& c, UiScratch& scratch, Dispatch& dispatch) {
  const auto held_by_location_rule = [&](const Reason& r) {
    const ContactRule* rule = find_rule(book, r.rule_id);
    return rule != nullptr && rule->kind == ContactRuleKind::location_contact;
  };
  // Once the contact is open again (the reason recorded) the form goes, and its text with it.
  if (party.party->role != PartyRole::third_party ||
      std::none_of(decision.reasons.begin(), decision.reasons.end(), held_by_location_rule)) {
    c.recontact_reason[0] = '\0';
    return;
  }
  const bool open = ImGui::TreeNode("recontact", "Earlier answer wrong or incomplete?");
  scratch.widgets.record("contact.recontact");
  if (!open) return;
  wrapped_muted("If you reasonably believe " + full_name(*party.party) +
                "'s earlier answer about the consumer's location was wrong or incomplete, and that they now have the "
                "correct information, record why: it opens one more contact (15 U.S.C. 1692b(3)).");
  text("Why you believe it:");
  ImGui::InputTextMultiline("##why", c.recontact_reason, sizeof c.recontact_reason,
                            ImVec2(std::min(520.0f, ImGui::GetContentRegionAvail().x), ImGui::GetTextLineHeight() * 3));
  scratch.widgets.record("contact.recontact.reason");
  if (ImGui::Button("Record the reason")) {
    c.notice.clear();
    dispatch(JustifyRecontact{account.id, party.party->id, c.recontact_reason, {}, {}, {}});
  }
  scratch.widgets.record("contact.recontact.record");
  ImGui::TreePop();
}

constexpr WrittenRequest written_requests[] = {WrittenRequest::dispute, WrittenRequest::original_creditor,
                                              WrittenRequest::cease};
constexpr ContactChannel written_media[] = {ContactChannel::letter, ContactChannel::email, ContactChannel::sms};

// What reached the agency in writing from the picked party (not a third party): the request, its medium, the day it
// was received and, for a dispute, its words. What is said on a call is that call's outcome instead.
void correspondence_controls(const Account& account, const PartyRecord& party, ContactInputs& c, UiScratch& scratch,
                             Dispatch& dispatch) {
  if (party.party->role == PartyRole::third_party) return;
  const bool open = ImGui::TreeNode("correspondence", "Record a letter, email or text received (dispute, cease)");
  scratch.widgets.record("contact.written");
  if (!open) return;
  wrapped_muted("What " + full_name(*party.party) +
                " sent in writing; the account's rules read it at once. In the US a dispute or request received "
                "within the validation period pauses collection until it is answered, and a request to stop "
                "communicating stops every channel.");
  const std::string requests[] = {"Dispute of the debt", "Request for the original creditor",
                                  "Request to stop communicating"};
  const std::string media[] = {"Letter", "Email", "Text message"};
  const float field = std::min(260.0f, ImGui::GetContentRegionAvail().x * 0.55f);
  ImGui::SetNextItemWidth(field);
  choice("Received", c.written_request, requests, "contact.written.request", scratch);
  ImGui::SetNextItemWidth(field);
  choice("By", c.written_via, media, "contact.written.via", scratch);
  ImGui::SetNextItemWidth(field);
  ImGui::InputTextWithHint("Received on", "YYYY-MM-DD", c.written_received, sizeof c.written_received);
  scratch.widgets.record("contact.written.received");
  const WrittenRequest request =
      written_requests[std::clamp(c.written_request, 0, static_cast<int>(std::size(written_requests)) - 1)];
  if (request == WrittenRequest::dispute) {
    ImGui::SetNextItemWidth(field);
    ImGui::InputTextWithHint("Their words", "optional", c.written_reason, sizeof c.written_reason);
    scratch.widgets.record("contact.written.reason");
  }
  if (ImGui::Button("Record what was received")) {
    Correspondence in;
    in.request = request;
    in.via = written_media[std::clamp(c.written_via, 0, static_cast<int>(std::size(written_media)) - 1)];
    in.received = c.written_received;
    if (request == WrittenRequest::dispute) in.reason = c.written_reason;
    c.notice.clear();
    c.written_reason[0] = '\0';
    dispatch(RecordCorrespondence{account.id, party.party->id, std::move(in), {}, {}, {}});
  }
  scratch.widgets.record("contact.written.record");
  ImGui::TreePop();
}

// A time the party asked to be called back, on the party's clock; get-next puts the account first from then.
void callback_controls(const Account& account, const PartyRecord& party, Instant now, ContactInputs& c,
                       UiScratch& scratch, Dispatch& dispatch) {
  const bool open = ImGui::TreeNode("callback", "Set a callback");
  scratch.widgets.record("contact.callback");
  if (!open) return;
  const std::vector<TimeZone> zones = candidate_zones(party, now);
  wrapped_muted(zones.empty() ? "No time zone is known for " + full_name(*party.party) + "."
                              : "On " + full_name(*party.party) + "'s clock (" + std::string(zones.front().name()) +
                                    "). From then, Get next puts this account first.");
  const float field = std::min(260.0f, ImGui::GetContentRegionAvail().x * 0.55f);
  ImGui::SetNextItemWidth(field);
  ImGui::InputTextWithHint("Day", "YYYY-MM-DD", c.callback_date, sizeof c.callback_date);
  scratch.widgets.record("contact.callback.date");
  ImGui::SetNextItemWidth(field);
  ImGui::InputTextWithHint("Time", "HH:MM", c.callback_time, sizeof c.callback_time);
  scratch.widgets.record("contact.callback.time");
  ImGui::SetNextItemWidth(field);
  ImGui::InputTextWithHint("For", "optional: what the call is for", c.callback_note, sizeof c.callback_note);
  scratch.widgets.record("contact.callback.note");
  if (ImGui::Button("Set the callback")) {
    c.notice.clear();
    dispatch(ScheduleCallback{account.id, party.party->id, c.callback_date, c.callback_time, c.callback_note,
                              {}, {}, {}});
    c.callback_note[0] = '\0';
  }
  scratch.widgets.record("contact.callback.set");
  ImGui::TreePop();
}

}  // namespace

bool debt_details_hidden(const AppState& state, const Account& account) {
  const std::optional<ContactSession>& session = state.contact.session;
  return session && session->account_id == account.id && !debt_may_be_discussed(*session);
}

void draw_contact(const AppState& state, UiScratch& scratch, Dispatch& dispatch) {
  const Account* account = state.selected_account();
  const AccountState* fold = account ? state.fold_of(account->id) : nullptr;
  if (!account || !fold) return;
  ContactInputs& c = scratch.contact;
  const ContactSlice& cs = state.contact;
  if (c.account_id != account->id) set_up(c, *account, state.today);
  c.next_debtor.clear();
  c.next_collector.clear();
  ImGui::PushID("contact");

  ImGui::Spacing();
  text("Contact");
  ImGui::Separator();
  if (account->parties.empty() || !cs.banner) {
    text_muted("The account has no parties to contact.");
    ImGui::PopID();
    return;
  }

  const std::optional<ContactSession>& session = cs.session;
  const bool here = session && session->account_id == account->id;
  if (!here) pickers(*account, *fold, cs, c, scratch, dispatch);

  // The banner: the model's decision for the picked party, channel and point (or the attempt's) at its clock.
  const PartyRecord* banner_record = fold->party(cs.banner_party);
  const Party* party = banner_record != nullptr ? banner_record->party : &account->parties.front();
  const ContactChannel channel = here ? session->channel : cs.channel;
  const Decision& decision = *cs.banner;
  c.banner = decision;
  c.banner_party = party->id;
  const PartyRecord& record = *fold->party(party->id);
  // A channel that needs a point the party does not have: nothing can be started, whatever the rules say.
  const bool no_point = !here && cs.point.empty() && channel != ContactChannel::in_person;
  {
    Box box(scratch, "contact.banner", decision.allowed && !no_point ? allowed_fill : blocked_fill);
    // During an attempt the banner is about the next one: this attempt was allowed when it started.
    const std::string what = (here ? "another " + std::string(to_string(channel)) + " contact"
                                   : channel_title(channel)) +
                             " to " + full_name(*party);
    if (decision.allowed && no_point) {
      wrapped("Nothing to " + std::string(channel == ContactChannel::letter ? "send" : "start") + ": " +
                  full_name(*party) + " has no usable " +
                  (channel == ContactChannel::letter  ? "postal address"
                   : channel == ContactChannel::email ? "email address"
                                                      : "number") +
                  ". Compliance would allow it; record one first.",
              &blocked_text);
    } else if (decision.allowed) {
      wrapped("Allowed now: " + what, &allowed_text);
      wrapped_muted("checked at " + local_text(scratch.collector_zone, state.now));
    } else {
      wrapped("Blocked now: " + what, &blocked_text);
      reasons_list(decision.reasons);
      next_allowed(decision, record, scratch, true);
    }
  }

  if (session && !here) {
    wrapped_muted("An attempt is in progress on account " + session->account_id + ": record its outcome there first.");
  }
  if (!here && cs.channel == ContactChannel::letter) {
    letter_controls(*account, cs, c, scratch, dispatch);
  } else if (!here && !no_point) {
    if (ImGui::Button(start_label(cs.channel).c_str())) {
      c.notice.clear();
      dispatch(StartContact{account->id, party->id, cs.channel, cs.point, {}, {}, {}});
    }
    scratch.widgets.record("contact.call");
  }

  if (cs.account_id == account->id) {
    if (cs.refused) {
      Box box(scratch, "contact.refused", blocked_fill);
      wrapped("Not started: compliance blocks this contact now.", &blocked_text);
      reasons_list(cs.refused->reasons);
      next_allowed(*cs.refused, record, scratch, false);
    }
    if (!cs.problems.empty()) {
      Box box(scratch, "contact.problems", blocked_fill);
      for (const Problem& problem : cs.problems) wrapped(problem.text(), &blocked_text);
    }
    if (!cs.finished.empty() && !here) wrapped(cs.finished, &allowed_text);
  }

  if (!here) {
    consent_button(*account, record, cs.channel, cs.point, scratch, dispatch);
    recontact_controls(*account, record, decision, state.assets.rules(), c, scratch, dispatch);
    party_controls(*account, *fold, cs, c, scratch, dispatch);
    protection_controls(*account, *fold, record, state.assets.rules(), state.now, c, scratch, dispatch);
    correspondence_controls(*account, record, c, scratch, dispatch);
  }

  if (here) {
    {
      Box box(scratch, "contact.session", neutral_fill);
      wrapped(channel_title(session->channel) + " attempt in progress: " + full_name(*party) + ", " +
              session->contact_point);
      if (session->location_only) {
        wrapped(full_name(*party) + " is a third party: ask only where the consumer lives or works, as below; say "
                "nothing about the debt. A third party is never verified.",
                &blocked_text);
        scratch.widgets.record("contact.third-party");
      } else if (debt_may_be_discussed(*session)) {
        wrapped("Verified: the debt may be discussed. Give the disclosures first.", &allowed_text);
      } else {
        wrapped("Not verified: say nothing about the debt. Only the location questions and the limited-content "
                "message below may be used.",
                &blocked_text);
      }
    }
    script(contact_script(*session, *fold, state.assets.rules(), scratch.caller), scratch);
    if (!debt_may_be_discussed(*session) && !session->location_only) {
      verification(state, *account, *session, c, scratch, dispatch);
    }
    outcomes(*account, *session, cs, c, scratch, dispatch);
    consent_button(*account, record, session->channel, session->contact_point, scratch, dispatch);
  }
  // During a call, the callback is the called party's.
  if (const PartyRecord* asked = fold->party(here ? session->party_id : record.party->id)) {
    callback_controls(*account, *asked, state.now, c, scratch, dispatch);
  }
  if (!c.notice.empty()) {
    Box box(scratch, "contact.notice", blocked_fill);
    wrapped(c.notice, &blocked_text);
  }
  ImGui::PopID();
}

}  // namespace parley::shell
