// ContactRule packs: names of the enumerations, the JSON reader with a problem per bad member, and the rule book.
//
// Index of this file:
// [SECTION] Names
// [SECTION] Reader     typed members of a pack and of its rules
// [SECTION] API
#include "parley/compliance/rule_pack.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "json_text.h"

namespace parley {

// [SECTION] Names ---------------------------------------------------------------------------------------------

namespace {
constexpr std::array<std::string_view, 10> kContactRuleKindNames = {
    "calling-hours",      "call-frequency",    "after-conversation", "cease",
    "medium-preference",  "inconvenient-time", "dispute-validation", "third-party-disclosure",
    "required-disclosure", "prior-letter"};
constexpr std::array<std::string_view, 3> kDisclosureWhenNames = {"every", "first", "subsequent"};
constexpr std::array<std::string_view, 3> kDisclosureStageNames = {"any", "before-verification",
                                                                   "after-verification"};

template <class E, std::size_t N>
std::optional<E> find_name(const std::array<std::string_view, N>& names, std::string_view text) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<E>(i);
  }
  return std::nullopt;
}
}  // namespace

std::string_view to_string(ContactRuleKind kind) { return kContactRuleKindNames[static_cast<std::size_t>(kind)]; }

std::optional<ContactRuleKind> parse_contact_rule_kind(std::string_view text) {
  return find_name<ContactRuleKind>(kContactRuleKindNames, text);
}

std::string_view to_string(DisclosureWhen when) { return kDisclosureWhenNames[static_cast<std::size_t>(when)]; }

std::optional<DisclosureWhen> parse_disclosure_when(std::string_view text) {
  return find_name<DisclosureWhen>(kDisclosureWhenNames, text);
}

std::string_view to_string(DisclosureStage stage) { return kDisclosureStageNames[static_cast<std::size_t>(stage)]; }

std::optional<DisclosureStage> parse_disclosure_stage(std::string_view text) {
  return find_name<DisclosureStage>(kDisclosureStageNames, text);
}

std::string_view to_string(FrequencyScope scope) { return scope == FrequencyScope::debt ? "debt" : "consumer"; }

std::optional<FrequencyScope> parse_frequency_scope(std::string_view text) {
  if (text == "debt") return FrequencyScope::debt;
  if (text == "consumer") return FrequencyScope::consumer;
  return std::nullopt;
}

bool RulePack::applies_to(std::string_view account_jurisdiction) const {
  if (jurisdiction.empty()) return false;
  if (account_jurisdiction == jurisdiction) return true;
  return account_jurisdiction.size() > jurisdiction.size() &&
         account_jurisdiction.substr(0, jurisdiction.size()) == jurisdiction &&
         account_jurisdiction[jurisdiction.size()] == '-';
}

namespace {

using Json = nlohmann::ordered_json;  // members in text order, so problems come in text order

constexpr std::size_t kMaxRules = 200;
constexpr int kMaxDays = 366;
constexpr int kMaxCalls = 1000;

// [SECTION] Reader --------------------------------------------------------------------------------------------

class Reader {
 public:
  Problems problems;

  void add(std::string path, std::string message) { problems.push_back({std::move(path), std::move(message)}); }

  // Members not in `known` are reported, so that a misspelt parameter does not silently take its default.
  void allow_only(const Json& object, const std::string& path, std::initializer_list<std::string_view> known) {
    for (auto it = object.begin(); it != object.end(); ++it) {
      if (std::find(known.begin(), known.end(), std::string_view(it.key())) == known.end()) {
        add(join(path, it.key()), "is not a member of this object");
      }
    }
  }

  static std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }

  const Json* member(const Json& object, std::string_view key) {
    auto it = object.find(std::string(key));
    return it == object.end() ? nullptr : &*it;
  }

  std::optional<std::string> text(const Json& object, const std::string& path, std::string_view key,
                                  bool required) {
    const Json* v = member(object, key);
    if (v == nullptr) {
      if (required) add(join(path, key), "is required");
      return std::nullopt;
    }
    if (!v->is_string() || v->get_ref<const std::string&>().empty()) {
      add(join(path, key), "must be a non-empty string");
      return std::nullopt;
    }
    return v->get_ref<const std::string&>();
  }

  std::optional<int> integer(const Json& object, const std::string& path, std::string_view key, int low,
                             int high) {
    const Json* v = member(object, key);
    if (v == nullptr) {
      add(join(path, key), "is required");
      return std::nullopt;
    }
    if (!v->is_number_integer()) {
      add(join(path, key), "must be a whole number");
      return std::nullopt;
    }
    const std::int64_t n = v->get<std::int64_t>();
    if (n < low || n > high) {
      add(join(path, key), "must be between " + std::to_string(low) + " and " + std::to_string(high));
      return std::nullopt;
    }
    return static_cast<int>(n);
  }

  // "HH:MM", 00:00..24:00, as seconds of the day.
  std::optional<int> clock(const Json& object, const std::string& path, std::string_view key) {
    std::optional<std::string> t = text(object, path, key, true);
    if (!t) return std::nullopt;
    const std::string& s = *t;
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (s.size() == 5 && digit(s[0]) && digit(s[1]) && s[2] == ':' && digit(s[3]) && digit(s[4])) {
      const int hours = (s[0] - '0') * 10 + (s[1] - '0');
      const int minutes = (s[3] - '0') * 10 + (s[4] - '0');
      if (minutes < 60 && (hours < 24 || (hours == 24 && minutes == 0))) return hours * 3600 + minutes * 60;
    }
    add(join(path, key), "must be a local time \"HH:MM\" from 00:00 to 24:00");
    return std::nullopt;
  }

  std::vector<ContactChannel> channels(const Json& object, const std::string& path) {
    std::vector<ContactChannel> out;
    const Json* v = member(object, "channels");
    if (v == nullptr) return out;
    const std::string where = join(path, "channels");
    if (!v->is_array()) {
      add(where, "must be an array of channels");
      return out;
    }
    for (std::size_t i = 0; i < v->size(); ++i) {
      const Json& c = (*v)[i];
      const std::string at = where + "[" + std::to_string(i) + "]";
      std::optional<ContactChannel> channel;
      if (c.is_string()) channel = parse_contact_channel(c.get_ref<const std::string&>());
      if (!channel) {
        add(at, "must be one of \"phone\", \"sms\", \"email\", \"letter\", \"in-person\"");
      } else if (std::find(out.begin(), out.end(), *channel) != out.end()) {
        add(at, "is listed twice");
      } else {
        out.push_back(*channel);
      }
    }
    return out;
  }

  // An optional array of distinct spellings of E: absent gives an empty list; present, it must not be empty.
  template <class E>
  std::vector<E> spellings(const Json& object, const std::string& path, std::string_view key,
                           std::optional<E> (*parse)(std::string_view), std::string_view expected) {
    std::vector<E> out;
    const Json* v = member(object, key);
    if (v == nullptr) return out;
    const std::string where = join(path, key);
    if (!v->is_array() || v->empty()) {
      add(where, "must be a non-empty array of " + std::string(expected));
      return out;
    }
    for (std::size_t i = 0; i < v->size(); ++i) {
      const Json& item = (*v)[i];
      const std::string at = where + "[" + std::to_string(i) + "]";
      std::optional<E> value;
      if (item.is_string()) value = parse(item.get_ref<const std::string&>());
      if (!value) {
        add(at, "is not one of the " + std::string(expected));
      } else if (std::find(out.begin(), out.end(), *value) != out.end()) {
        add(at, "is listed twice");
      } else {
        out.push_back(*value);
      }
    }
    return out;
  }

  std::vector<PartyRole> roles(const Json& object, const std::string& path) {
    std::vector<PartyRole> out;
    const Json* v = member(object, "roles");
    const std::string where = join(path, "roles");
    if (v == nullptr || !v->is_array() || v->empty()) {
      add(where, "must be a non-empty array of party roles");
      return out;
    }
    for (std::size_t i = 0; i < v->size(); ++i) {
      const Json& r = (*v)[i];
      std::optional<PartyRole> role;
      if (r.is_string()) role = parse_party_role(r.get_ref<const std::string&>());
      if (!role) {
        add(where + "[" + std::to_string(i) + "]", "must be one of \"debtor\", \"co-signer\", \"guarantor\"");
      } else {
        out.push_back(*role);
      }
    }
    return out;
  }
};

void read_rule(Reader& r, const Json& j, const std::string& path, ContactRule& rule) {
  if (!j.is_object()) {
    r.add(path, "must be an object");
    return;
  }
  rule.id = r.text(j, path, "id", true).value_or("");
  rule.citation = r.text(j, path, "citation", true).value_or("");
  rule.text = r.text(j, path, "text", true).value_or("");
  std::optional<std::string> kind_text = r.text(j, path, "kind", true);
  if (!kind_text) return;
  std::optional<ContactRuleKind> kind = parse_contact_rule_kind(*kind_text);
  if (!kind) {
    r.add(Reader::join(path, "kind"), "\"" + *kind_text + "\" is not a kind of rule (see docs/compliance.md)");
    return;
  }
  rule.kind = *kind;
  rule.channels = r.channels(j, path);
  switch (rule.kind) {
    case ContactRuleKind::calling_hours: {
      r.allow_only(j, path, {"id", "citation", "text", "kind", "channels", "earliest", "latest"});
      const std::optional<int> earliest = r.clock(j, path, "earliest");
      const std::optional<int> latest = r.clock(j, path, "latest");
      if (earliest && latest && *earliest >= *latest) {
        r.add(Reader::join(path, "latest"), "must be later than earliest");
      }
      rule.earliest = earliest.value_or(0);
      rule.latest = latest.value_or(0);
      break;
    }
    case ContactRuleKind::call_frequency: {
      r.allow_only(j, path, {"id", "citation", "text", "kind", "channels", "max_calls", "window_days", "per",
                             "phone_kinds", "uncounted_outcomes"});
      rule.max_calls = r.integer(j, path, "max_calls", 1, kMaxCalls).value_or(0);
      rule.phone_kinds = r.spellings<PhoneKind>(j, path, "phone_kinds", parse_phone_kind,
                                                "phone kinds (\"mobile\", \"home\", \"work\", \"other\")");
      if (r.member(j, "phone_kinds") != nullptr) {
        // Only calls and texts go to a number, so a rule limited to phone kinds must govern nothing else.
        const bool numbers_only =
            !rule.channels.empty() && std::all_of(rule.channels.begin(), rule.channels.end(), [](ContactChannel c) {
              return c == ContactChannel::phone || c == ContactChannel::sms;
            });
        if (!numbers_only) {
          r.add(Reader::join(path, "channels"), "must list only \"phone\" and \"sms\" when phone_kinds is given");
        }
      }
      rule.uncounted_outcomes = r.spellings<ContactOutcome>(j, path, "uncounted_outcomes", parse_contact_outcome,
                                                            "outcomes of docs/journal-format.md");
      rule.window_days = r.integer(j, path, "window_days", 1, kMaxDays).value_or(0);
      if (std::optional<std::string> per = r.text(j, path, "per", true)) {
        if (std::optional<FrequencyScope> scope = parse_frequency_scope(*per)) {
          rule.per = *scope;
        } else {
          r.add(Reader::join(path, "per"), "must be \"debt\" or \"consumer\"");
        }
      }
      break;
    }
    case ContactRuleKind::after_conversation:
      r.allow_only(j, path, {"id", "citation", "text", "kind", "channels", "days"});
      rule.days = r.integer(j, path, "days", 1, kMaxDays).value_or(0);
      break;
    case ContactRuleKind::cease:
    case ContactRuleKind::medium_preference:
    case ContactRuleKind::inconvenient_time:
      r.allow_only(j, path, {"id", "citation", "text", "kind", "channels"});
      break;
    case ContactRuleKind::dispute_validation:
      r.allow_only(j, path,
             {"id", "citation", "text", "kind", "channels", "validation_template", "verification_template"});
      rule.validation_template = r.text(j, path, "validation_template", true).value_or("");
      rule.verification_template = r.text(j, path, "verification_template", true).value_or("");
      break;
    case ContactRuleKind::third_party_disclosure:
      r.allow_only(j, path, {"id", "citation", "text", "kind", "channels", "roles"});
      rule.roles = r.roles(j, path);
      break;
    case ContactRuleKind::prior_letter:
      r.allow_only(j, path, {"id", "citation", "text", "kind", "channels", "template"});
      rule.letter_template = r.text(j, path, "template", true).value_or("");
      break;
    case ContactRuleKind::required_disclosure: {
      r.allow_only(j, path, {"id", "citation", "text", "kind", "channels", "words", "verbatim", "when", "stage"});
      rule.words = r.text(j, path, "words", true).value_or("");
      if (const Json* v = r.member(j, "verbatim"); v != nullptr) {
        if (v->is_boolean()) {
          rule.verbatim = v->get<bool>();
        } else {
          r.add(Reader::join(path, "verbatim"), "must be true or false");
        }
      }
      if (std::optional<std::string> when = r.text(j, path, "when", true)) {
        if (std::optional<DisclosureWhen> w = parse_disclosure_when(*when)) {
          rule.when = *w;
        } else {
          r.add(Reader::join(path, "when"), "must be \"every\", \"first\" or \"subsequent\"");
        }
      }
      if (std::optional<std::string> stage = r.text(j, path, "stage", false)) {
        if (std::optional<DisclosureStage> st = parse_disclosure_stage(*stage)) {
          rule.stage = *st;
        } else {
          r.add(Reader::join(path, "stage"), "must be \"any\", \"before-verification\" or \"after-verification\"");
        }
      }
      break;
    }
  }
}

}  // namespace

// [SECTION] API -----------------------------------------------------------------------------------------------

RulePackLoad load_rule_pack(std::string_view json_text) {
  RulePackLoad out;
  if (std::optional<Problem> syntax = json_text::first_syntax_error(json_text)) {
    out.problems.push_back(std::move(*syntax));
    return out;
  }
  const Json doc = Json::parse(json_text.begin(), json_text.end(), nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) {
    out.problems.push_back({"", "a rule pack must be a JSON object"});
    return out;
  }
  Reader r;
  RulePack pack;
  r.allow_only(doc, "", {"format", "jurisdiction", "name", "version", "sources", "rules"});
  if (std::optional<std::string> format = r.text(doc, "", "format", true); format && *format != rule_pack_format) {
    r.add("format", "must be \"" + std::string(rule_pack_format) + "\"");
  }
  pack.jurisdiction = r.text(doc, "", "jurisdiction", true).value_or("");
  pack.name = r.text(doc, "", "name", true).value_or("");
  pack.version = r.text(doc, "", "version", true).value_or("");
  if (const Json* sources = r.member(doc, "sources"); sources != nullptr && !sources->is_array()) {
    r.add("sources", "must be an array of strings");
  }
  const Json* rules = r.member(doc, "rules");
  if (rules == nullptr || !rules->is_array() || rules->empty()) {
    r.add("rules", "must be a non-empty array of rules");
  } else if (rules->size() > kMaxRules) {
    r.add("rules", "must hold at most " + std::to_string(kMaxRules) + " rules");
  } else {
    pack.rules.resize(rules->size());
    for (std::size_t i = 0; i < rules->size(); ++i) {
      const std::string path = "rules[" + std::to_string(i) + "]";
      read_rule(r, (*rules)[i], path, pack.rules[i]);
      for (std::size_t k = 0; k < i; ++k) {
        if (!pack.rules[i].id.empty() && pack.rules[k].id == pack.rules[i].id) {
          r.add(path + ".id", "repeats the id of rules[" + std::to_string(k) + "]");
        }
      }
    }
  }
  out.problems = std::move(r.problems);
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

std::vector<Disclosure> required_disclosures(const RuleBook& book, const Account& account, ContactChannel channel,
                                             bool first_communication) {
  std::vector<Disclosure> out;
  for (const RulePack& pack : book.packs) {
    if (!pack.applies_to(account.jurisdiction)) continue;
    for (const ContactRule& rule : pack.rules) {
      if (rule.kind != ContactRuleKind::required_disclosure) continue;
      if (!rule.channels.empty() &&
          std::find(rule.channels.begin(), rule.channels.end(), channel) == rule.channels.end()) {
        continue;
      }
      if ((rule.when == DisclosureWhen::first && !first_communication) ||
          (rule.when == DisclosureWhen::subsequent && first_communication)) {
        continue;
      }
      out.push_back({rule.id, rule.citation, rule.words, rule.text, rule.verbatim, rule.when, rule.stage});
    }
  }
  return out;
}

}  // namespace parley
