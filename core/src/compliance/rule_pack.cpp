// ContactRule packs: the spellings of the enumerations, the JSON reader (field tables streamed by json::Reader,
// a problem per bad member), and the rule book.
//
// Index of this file:
// [SECTION] Names
// [SECTION] Reader     the members of a pack and of its rules (by kind), and the checks across them
// [SECTION] API
#include "parley/compliance/rule_pack.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "json/enum_spelling.h"
#include "json/reader.h"
#include "json_text.h"

namespace parley {

// [SECTION] Names ---------------------------------------------------------------------------------------------

namespace {
constexpr auto kContactRuleKinds =
    json::spellings<ContactRuleKind>({{ContactRuleKind::calling_hours, "calling-hours"},
                                      {ContactRuleKind::call_frequency, "call-frequency"},
                                      {ContactRuleKind::after_conversation, "after-conversation"},
                                      {ContactRuleKind::cease, "cease"},
                                      {ContactRuleKind::medium_preference, "medium-preference"},
                                      {ContactRuleKind::inconvenient_time, "inconvenient-time"},
                                      {ContactRuleKind::dispute_validation, "dispute-validation"},
                                      {ContactRuleKind::third_party_disclosure, "third-party-disclosure"},
                                      {ContactRuleKind::required_disclosure, "required-disclosure"},
                                      {ContactRuleKind::prior_letter, "prior-letter"},
                                      {ContactRuleKind::script, "script"},
                                      {ContactRuleKind::attorney_representation, "attorney-representation"},
                                      {ContactRuleKind::employer_email, "employer-email"},
                                      {ContactRuleKind::location_contact, "location-contact"},
                                      {ContactRuleKind::time_barred, "time-barred"},
                                      {ContactRuleKind::protection, "protection"},
                                      {ContactRuleKind::rest_days, "rest-days"}});
constexpr auto kDebtConditions =
    json::spellings<DebtCondition>({{DebtCondition::any, "any"},
                                    {DebtCondition::time_barred, "time-barred"},
                                    {DebtCondition::time_barred_reportable, "time-barred-reportable"},
                                    {DebtCondition::time_barred_obsolete, "time-barred-obsolete"}});
constexpr auto kScriptParts = json::spellings<ScriptPart>(
    {{ScriptPart::location_questions, "location-questions"},
     {ScriptPart::limited_content_message, "limited-content-message"}});
constexpr auto kFrequencyScopes =
    json::spellings<FrequencyScope>({{FrequencyScope::debt, "debt"}, {FrequencyScope::consumer, "consumer"}});
constexpr auto kDisclosureWhens = json::spellings<DisclosureWhen>(
    {{DisclosureWhen::every, "every"}, {DisclosureWhen::first, "first"}, {DisclosureWhen::subsequent, "subsequent"}});
constexpr auto kDisclosureStages = json::spellings<DisclosureStage>({{DisclosureStage::any, "any"},
                                                                    {DisclosureStage::before_verification,
                                                                     "before-verification"},
                                                                    {DisclosureStage::after_verification,
                                                                     "after-verification"}});
}  // namespace

std::string_view to_string(ContactRuleKind kind) { return kContactRuleKinds.text(kind); }
std::optional<ContactRuleKind> parse_contact_rule_kind(std::string_view text) { return kContactRuleKinds.parse(text); }
std::string_view to_string(DisclosureWhen when) { return kDisclosureWhens.text(when); }
std::optional<DisclosureWhen> parse_disclosure_when(std::string_view text) { return kDisclosureWhens.parse(text); }
std::string_view to_string(DisclosureStage stage) { return kDisclosureStages.text(stage); }
std::optional<DisclosureStage> parse_disclosure_stage(std::string_view text) { return kDisclosureStages.parse(text); }
std::string_view to_string(DebtCondition debt) { return kDebtConditions.text(debt); }
std::optional<DebtCondition> parse_debt_condition(std::string_view text) { return kDebtConditions.parse(text); }
std::string_view to_string(ScriptPart part) { return kScriptParts.text(part); }
std::optional<ScriptPart> parse_script_part(std::string_view text) { return kScriptParts.parse(text); }
std::string_view to_string(FrequencyScope scope) { return kFrequencyScopes.text(scope); }
std::optional<FrequencyScope> parse_frequency_scope(std::string_view text) { return kFrequencyScopes.parse(text); }

bool RulePack::applies_to(std::string_view account_jurisdiction) const {
  if (jurisdiction.empty()) return false;
  if (account_jurisdiction == jurisdiction) return true;
  return account_jurisdiction.size() > jurisdiction.size() &&
         account_jurisdiction.substr(0, jurisdiction.size()) == jurisdiction &&
         account_jurisdiction[jurisdiction.size()] == '-';
}

namespace {

constexpr std::size_t kMaxRules = 200;
constexpr int kMaxDays = 366;
constexpr int kMaxCalls = 1000;

// [SECTION] Reader --------------------------------------------------------------------------------------------

// What the checks of a rule need: the rules read before it.
struct PackRead {
  RulePack* pack = nullptr;
};

// "HH:MM", 00:00..24:00, as seconds of the day.
bool read_clock(json::Reader& r, const json::Codec& codec, void* target, json::Scalar& value) {
  std::string text;
  if (!json::detail::read_text(r, codec, &text, value)) return false;
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (text.size() == 5 && digit(text[0]) && digit(text[1]) && text[2] == ':' && digit(text[3]) && digit(text[4])) {
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (minutes < 60 && (hours < 24 || (hours == 24 && minutes == 0))) {
      *static_cast<int*>(target) = hours * 3600 + minutes * 60;
      return true;
    }
  }
  r.problem("must be a local time \"HH:MM\" from 00:00 to 24:00");
  return false;
}

void write_clock(json::JsonWriter& w, const json::Codec&, const void* value) {
  const int seconds = *static_cast<const int*>(value);
  std::string text = "00:00";
  text[0] = static_cast<char>('0' + seconds / 36000);
  text[1] = static_cast<char>('0' + seconds / 3600 % 10);
  text[3] = static_cast<char>('0' + seconds % 3600 / 600);
  text[4] = static_cast<char>('0' + seconds % 600 / 60);
  w.string(text);
}

// latest: after earliest.
void check_hours(json::Reader& r, void* object) {
  const ContactRule& rule = *static_cast<const ContactRule*>(object);
  if (r.given("earliest") && r.given("latest") && rule.earliest >= rule.latest) {
    r.problem_at("latest", "must be later than earliest");
  }
}

// phone_kinds: only calls and texts go to a number, so a rule limited to phone kinds must govern nothing else.
void check_phone_kinds(json::Reader& r, void* object) {
  const ContactRule& rule = *static_cast<const ContactRule*>(object);
  if (!r.present("phone_kinds")) return;
  const bool numbers_only =
      !rule.channels.empty() && std::all_of(rule.channels.begin(), rule.channels.end(), [](ContactChannel c) {
        return c == ContactChannel::phone || c == ContactChannel::sms;
      });
  if (!numbers_only) r.problem_at("channels", "must list only \"phone\" and \"sms\" when phone_kinds is given");
}

// rest-days: weekdays, a calendar or both; never all seven weekdays (a rule that never clears is a cease).
void check_rest_days(json::Reader& r, void* object) {
  const ContactRule& rule = *static_cast<const ContactRule*>(object);
  if (rule.kind != ContactRuleKind::rest_days) return;
  if (!r.present("weekdays") && !r.present("calendar")) {
    r.problem_at("weekdays", "is required unless calendar is given");
    return;
  }
  std::uint32_t days = 0;
  for (Weekday d : rule.weekdays) days |= std::uint32_t{1} << static_cast<int>(d);
  if (days == 0xFEU) r.problem_at("weekdays", "must leave at least one weekday for contact");
}

// A rule's id is unique in its pack.
void finish_rule(json::Reader& r, void* object) {
  const ContactRule& rule = *static_cast<const ContactRule*>(object);
  if (!r.given("id")) return;
  const std::vector<ContactRule>& rules = r.context<PackRead>().pack->rules;
  const std::size_t i = r.element_index();
  for (std::size_t k = 0; k < i && k < rules.size(); ++k) {
    if (rules[k].id == rule.id) {
      r.problem_at("id", "repeats the id of rules[" + std::to_string(k) + "]");
      break;
    }
  }
}

void end_rules(json::Reader& r, const json::Codec&, void*, std::size_t count) {
  if (count > kMaxRules) r.problem("must hold at most " + std::to_string(kMaxRules) + " rules");
}

constexpr json::Words kNonEmptyText{"must be a non-empty string", {}, false, "must be a non-empty string"};
constexpr json::Words kWhole{"must be a whole number"};

// A spelling read with the words of the rule members: "must be a non-empty string", then `say`.
constexpr json::Words spelt(std::string (*say)(std::string_view)) {
  return {"must be a non-empty string", {}, false, "must be a non-empty string", {}, say};
}
// An element of a list of spellings: any refused value gets `say`.
constexpr json::Words listed(std::string (*say)(std::string_view)) {
  return {{}, {}, false, {}, {}, say};
}

constexpr auto kText = json::text(kNonEmptyText);
constexpr auto kKind = json::spelling<ContactRuleKind, parse_contact_rule_kind>(spelt([](std::string_view got) {
  return json_text::quoted(got) + " is not a kind of rule (see docs/compliance.md)";
}));
constexpr auto kChannel = json::spelling<ContactChannel, parse_contact_channel>(
    listed([](std::string_view) { return "must be " + json::one_of<ContactChannel>(); }));
constexpr auto kChannels = json::array(kChannel, {"must be an array of channels"}, {true});
constexpr auto kClock = json::custom<int>(read_clock, write_clock, kNonEmptyText);
constexpr auto kCalls = json::integer<int>(1, kMaxCalls, kWhole);
constexpr auto kDays = json::integer<int>(1, kMaxDays, kWhole);
constexpr auto kScope = json::spelling<FrequencyScope, parse_frequency_scope>(
    spelt([](std::string_view) { return "must be " + json::either<FrequencyScope>(); }));
constexpr auto kPhoneKind = json::spelling<PhoneKind, parse_phone_kind>(listed([](std::string_view) {
  return "is not one of the phone kinds (" + json::spelling_list<PhoneKind>() + ")";
}));
constexpr auto kPhoneKinds = json::array(kPhoneKind, listed([](std::string_view) {
  return "must be a non-empty array of phone kinds (" + json::spelling_list<PhoneKind>() + ")";
}), {true});
constexpr auto kOutcome = json::spelling<ContactOutcome, parse_contact_outcome>(
    listed([](std::string_view) { return std::string("is not one of the outcomes of docs/journal-format.md"); }));
constexpr auto kOutcomes =
    json::array(kOutcome, {"must be a non-empty array of outcomes of docs/journal-format.md"}, {true});
constexpr auto kRole = json::spelling<PartyRole, parse_party_role>(
    listed([](std::string_view) { return "must be " + json::one_of<PartyRole>(); }));
constexpr auto kRoles = json::array(kRole, {"must be a non-empty array of party roles"});
constexpr auto kVerbatim = json::boolean({"must be true or false"});
constexpr auto kWhen = json::spelling<DisclosureWhen, parse_disclosure_when>(
    spelt([](std::string_view) { return "must be " + json::either<DisclosureWhen>(); }));
constexpr auto kStage = json::spelling<DisclosureStage, parse_disclosure_stage>(
    spelt([](std::string_view) { return "must be " + json::either<DisclosureStage>(); }));
constexpr auto kPurpose = json::spelling<LetterPurpose, parse_letter_purpose>(
    listed([](std::string_view) { return "must be " + json::one_of<LetterPurpose>(); }));
constexpr auto kPurposes = json::array(kPurpose, {"must be a non-empty array of letter purposes"}, {true});
constexpr auto kInWriting = json::boolean({"must be true or false"});
constexpr auto kHouse = json::boolean({"must be true or false"});
constexpr auto kProtection = json::spelling<Protection, parse_protection>(
    listed([](std::string_view) { return "must be " + json::one_of<Protection>(); }));
constexpr auto kProtections = json::array(kProtection, {"must be a non-empty array of protections"}, {true});
constexpr auto kWeekday = json::spelling<Weekday, parse_weekday>(
    listed([](std::string_view) { return std::string("must be a weekday (\"monday\" .. \"sunday\")"); }));
constexpr auto kWeekdays = json::array(kWeekday, {"must be a non-empty array of weekdays"}, {true});
constexpr auto kDebt = json::spelling<DebtCondition, parse_debt_condition>(
    spelt([](std::string_view) { return "must be " + json::one_of<DebtCondition>(); }));
constexpr auto kPart = json::spelling<ScriptPart, parse_script_part>(
    spelt([](std::string_view) { return "must be " + json::either<ScriptPart>(); }));

constexpr std::uint32_t kind_bit(ContactRuleKind k) {
  return std::uint32_t{1} << static_cast<int>(k);
}
constexpr std::uint32_t kHours = kind_bit(ContactRuleKind::calling_hours);
constexpr std::uint32_t kCease = kind_bit(ContactRuleKind::cease);
constexpr std::uint32_t kDispute = kind_bit(ContactRuleKind::dispute_validation);
constexpr std::uint32_t kFrequency = kind_bit(ContactRuleKind::call_frequency);

constexpr json::Member kRuleMembers[] = {
    json::member<&ContactRule::id>("id", kText),
    json::member<&ContactRule::citation>("citation", kText),
    json::member<&ContactRule::text>("text", kText),
    json::member<&ContactRule::kind>("kind", kKind),
    json::member<&ContactRule::channels>("channels", kChannels, json::optional_member),
    json::member<&ContactRule::earliest>("earliest", kClock).in_kinds(kHours, kHours),
    json::member<&ContactRule::latest>("latest", kClock).in_kinds(kHours, kHours).checked_by(check_hours),
    json::member<&ContactRule::max_calls>("max_calls", kCalls).in_kinds(kFrequency, kFrequency),
    json::member<&ContactRule::window_days>("window_days", kDays).in_kinds(kFrequency, kFrequency),
    json::member<&ContactRule::per>("per", kScope).in_kinds(kFrequency, kFrequency),
    json::member<&ContactRule::phone_kinds>("phone_kinds", kPhoneKinds)
        .in_kinds(kFrequency, 0)
        .not_empty()
        .checked_by(check_phone_kinds),
    json::member<&ContactRule::uncounted_outcomes>("uncounted_outcomes", kOutcomes)
        .in_kinds(kFrequency, 0)
        .not_empty(),
    json::member<&ContactRule::days>("days", kDays)
        .in_kinds(kind_bit(ContactRuleKind::after_conversation) | kind_bit(ContactRuleKind::attorney_representation) |
                      kind_bit(ContactRuleKind::location_contact),
                  kind_bit(ContactRuleKind::after_conversation)),
    json::member<&ContactRule::validation_template>("validation_template", kText)
        .in_kinds(kind_bit(ContactRuleKind::dispute_validation), kind_bit(ContactRuleKind::dispute_validation)),
    json::member<&ContactRule::verification_template>("verification_template", kText)
        .in_kinds(kind_bit(ContactRuleKind::dispute_validation), kind_bit(ContactRuleKind::dispute_validation)),
    json::member<&ContactRule::original_creditor_template>("original_creditor_template", kText).in_kinds(kDispute, 0),
    json::member<&ContactRule::termination_template>("termination_template", kText).in_kinds(kCease, 0),
    json::member<&ContactRule::remedy_template>("remedy_template", kText).in_kinds(kCease, 0),
    json::member<&ContactRule::allows>("allows", kPurposes)
        .in_kinds(kCease | kDispute | kind_bit(ContactRuleKind::protection), 0)
        .not_empty(),
    json::member<&ContactRule::in_writing>("in_writing", kInWriting)
        .in_kinds(kCease | kind_bit(ContactRuleKind::dispute_validation), 0),
    json::member<&ContactRule::roles>("roles", kRoles)
        .in_kinds(kind_bit(ContactRuleKind::third_party_disclosure), kind_bit(ContactRuleKind::third_party_disclosure))
        .when_missing("must be a non-empty array of party roles")
        .not_empty(),
    json::member<&ContactRule::letter_template>("template", kText)
        .in_kinds(kind_bit(ContactRuleKind::prior_letter), kind_bit(ContactRuleKind::prior_letter)),
    json::member<&ContactRule::words>("words", kText)
        .in_kinds(kind_bit(ContactRuleKind::required_disclosure), kind_bit(ContactRuleKind::required_disclosure)),
    json::member<&ContactRule::verbatim>("verbatim", kVerbatim)
        .in_kinds(kind_bit(ContactRuleKind::required_disclosure), 0),
    json::member<&ContactRule::when>("when", kWhen)
        .in_kinds(kind_bit(ContactRuleKind::required_disclosure), kind_bit(ContactRuleKind::required_disclosure)),
    json::member<&ContactRule::stage>("stage", kStage).in_kinds(kind_bit(ContactRuleKind::required_disclosure), 0),
    json::member<&ContactRule::refers_to>("refers_to", kText)
        .in_kinds(kind_bit(ContactRuleKind::required_disclosure), 0),
    json::member<&ContactRule::debt>("debt", kDebt).in_kinds(kind_bit(ContactRuleKind::required_disclosure), 0),
    json::member<&ContactRule::forbids>("forbids", kPurposes)
        .in_kinds(kind_bit(ContactRuleKind::time_barred), kind_bit(ContactRuleKind::time_barred))
        .when_missing("must be a non-empty array of letter purposes")
        .not_empty(),
    json::member<&ContactRule::part>("part", kPart)
        .in_kinds(kind_bit(ContactRuleKind::script), kind_bit(ContactRuleKind::script)),
    json::member<&ContactRule::weekdays>("weekdays", kWeekdays)
        .in_kinds(kind_bit(ContactRuleKind::rest_days), 0)
        .not_empty(),
    json::member<&ContactRule::calendar>("calendar", kText)
        .in_kinds(kind_bit(ContactRuleKind::rest_days), 0)
        .checked_by(check_rest_days),
    json::member<&ContactRule::protections>("protections", kProtections)
        .in_kinds(kind_bit(ContactRuleKind::protection), kind_bit(ContactRuleKind::protection))
        .when_missing("must be a non-empty array of protections")
        .not_empty(),
    json::member<&ContactRule::house>("house", kHouse, json::optional_member),
};

constexpr json::ObjectType kRuleType = json::variant_type(
    kRuleMembers, {"is not a member of this object", "is required"}, "kind",
    [](const void* rule) { return static_cast<int>(static_cast<const ContactRule*>(rule)->kind); }, nullptr,
    finish_rule);
constexpr auto kRule = json::object<ContactRule>(kRuleType, {"must be an object"});

constexpr auto kFormat = json::constant(rule_pack_format, kNonEmptyText);
constexpr auto kSources = json::array(kText, {"must be an array of strings"});
constexpr auto kRules = json::array(kRule, {"must be a non-empty array of rules"}, {false, kMaxRules, end_rules});

constexpr json::Member kPackMembers[] = {
    json::member("format", kFormat),
    json::member<&RulePack::jurisdiction>("jurisdiction", kText),
    json::member<&RulePack::name>("name", kText),
    json::member<&RulePack::version>("version", kText),
    json::member<&RulePack::sources>("sources", kSources, json::optional_member),
    json::member<&RulePack::rules>("rules", kRules).when_missing("must be a non-empty array of rules").not_empty(),
};
constexpr json::ObjectType kPackType = json::object_type(kPackMembers, {"is not a member of this object", "is required"});
constexpr auto kPack = json::object<RulePack>(kPackType, {"a rule pack must be a JSON object"});

}  // namespace

// [SECTION] API -----------------------------------------------------------------------------------------------

RulePackLoad load_rule_pack(std::string_view json_text) {
  RulePackLoad out;
  RulePack pack;
  PackRead ctx{&pack};
  json::Reader reader(json_text, &ctx);
  out.problems = reader.read(kPack, pack);
  if (out.problems.empty()) out.pack = std::move(pack);
  return out;
}

bool RuleBook::add(std::string_view source, std::string_view json_text) {
  RulePackLoad load = load_rule_pack(json_text);
  if (load.pack) {
    packs.push_back(std::move(*load.pack));
    return true;
  }
  for (const Problem& p : load.problems) failed.push_back({std::string(source), p.text()});
  return false;
}

void Jurisdictions::add(std::string_view name) {
  if (name.empty() || std::find(names.begin(), names.begin() + count, name) != names.begin() + count) return;
  if (count == capacity) {
    overflowed = true;
    return;
  }
  names[count++] = name;
}

bool Jurisdictions::govern(const RulePack& pack) const {
  return std::any_of(names.begin(), names.begin() + count, [&](std::string_view n) { return pack.applies_to(n); });
}

bool Jurisdictions::governs_by_address(const RulePack& pack) const {
  return count > 0 && !pack.applies_to(names[0]) && govern(pack);
}

std::string citation_of(const ContactRule& rule) {
  return rule.house ? "House rule, not law: " + rule.citation : rule.citation;
}

std::string by_address_note(std::string_view jurisdiction) {
  return std::string(jurisdiction) + " law: the party has an address there";
}

DebtAge debt_age(const Account& account, Instant at) {
  if (!account.time_barred_from) return DebtAge::unknown;
  constexpr std::int64_t kLatestOffset = 14 * 3600;  // UTC+14, where each calendar date begins first
  const Date latest = at.plus_seconds(kLatestOffset).utc_date();
  if (latest < *account.time_barred_from) return DebtAge::in_time;
  const Date obsolete = account.first_delinquency.plus_days(180).plus_months(7 * 12);
  return latest < obsolete ? DebtAge::time_barred : DebtAge::time_barred_obsolete;
}

namespace {

bool meets(DebtCondition condition, DebtAge age) {
  switch (condition) {
    case DebtCondition::any: return true;
    case DebtCondition::time_barred: return age == DebtAge::time_barred || age == DebtAge::time_barred_obsolete;
    case DebtCondition::time_barred_reportable: return age == DebtAge::time_barred;
    case DebtCondition::time_barred_obsolete: return age == DebtAge::time_barred_obsolete;
  }
  return false;
}

}  // namespace

std::vector<Disclosure> required_disclosures(const RuleBook& book, const Jurisdictions& places, ContactChannel channel,
                                             bool first_communication, DebtAge age) {
  std::vector<Disclosure> out;
  for (const RulePack& pack : book.packs) {
    if (!places.govern(pack)) continue;
    for (const ContactRule& rule : pack.rules) {
      if (rule.kind != ContactRuleKind::required_disclosure) continue;
      if (!rule.channels.empty() &&
          std::find(rule.channels.begin(), rule.channels.end(), channel) == rule.channels.end()) {
        continue;
      }
      if ((rule.when == DisclosureWhen::first && !first_communication) ||
          (rule.when == DisclosureWhen::subsequent && first_communication) || !meets(rule.debt, age)) {
        continue;
      }
      out.push_back({rule.id, citation_of(rule), rule.words, rule.text, rule.verbatim, rule.when, rule.stage,
                     rule.refers_to, pack.jurisdiction, places.governs_by_address(pack)});
    }
  }
  return out;
}

std::vector<Disclosure> required_disclosures(const RuleBook& book, const Account& account, ContactChannel channel,
                                             bool first_communication, DebtAge age) {
  return required_disclosures(book, Jurisdictions(account.jurisdiction), channel, first_communication, age);
}

const ContactRule* script_rule(const RuleBook& book, const Jurisdictions& places, ScriptPart part) {
  for (const RulePack& pack : book.packs) {
    if (!places.govern(pack)) continue;
    for (const ContactRule& rule : pack.rules) {
      if (rule.kind == ContactRuleKind::script && rule.part == part) return &rule;
    }
  }
  return nullptr;
}

const ContactRule* script_rule(const RuleBook& book, const Account& account, ScriptPart part) {
  return script_rule(book, Jurisdictions(account.jurisdiction), part);
}

const ContactRule* find_rule(const RuleBook& book, std::string_view rule_id) {
  for (const RulePack& pack : book.packs) {
    for (const ContactRule& rule : pack.rules) {
      if (rule.id == rule_id) return &rule;
    }
  }
  return nullptr;
}

const ContactRule* protection_rule(const RuleBook& book, const Jurisdictions& places, Protection protection) {
  for (const RulePack& pack : book.packs) {
    if (!places.govern(pack)) continue;
    for (const ContactRule& rule : pack.rules) {
      if (rule.kind == ContactRuleKind::protection &&
          std::find(rule.protections.begin(), rule.protections.end(), protection) != rule.protections.end()) {
        return &rule;
      }
    }
  }
  return nullptr;
}

}  // namespace parley
