// The portfolio's enumerations in their JSON spellings, aging buckets, and lookups.
#include "parley/portfolio.h"

#include "json/enum_spelling.h"

#include "json_text.h"
#include "parley/time_zone.h"
#include "parley/zones.h"

namespace parley {
namespace {

constexpr auto kPartyRoles = json::spellings<PartyRole>({{PartyRole::debtor, "debtor"},
                                                         {PartyRole::co_signer, "co-signer"},
                                                         {PartyRole::guarantor, "guarantor"},
                                                         {PartyRole::spouse, "spouse"},
                                                         {PartyRole::parent, "parent"},
                                                         {PartyRole::guardian, "guardian"},
                                                         {PartyRole::executor, "executor"},
                                                         {PartyRole::administrator, "administrator"},
                                                         {PartyRole::attorney, "attorney"},
                                                         {PartyRole::third_party, "third-party"}});
static_assert(kPartyRoles.size() == party_role_count);
constexpr auto kContactStatuses = json::spellings<ContactStatus>(
    {{ContactStatus::current, "current"},
     {ContactStatus::bad, "bad"},
     {ContactStatus::unverified, "unverified"},
     {ContactStatus::wrong_number, "wrong-number"}});
constexpr auto kPhoneKinds = json::spellings<PhoneKind>(
    {{PhoneKind::mobile, "mobile"}, {PhoneKind::home, "home"}, {PhoneKind::work, "work"}, {PhoneKind::other, "other"}});
constexpr auto kFrequencies = json::spellings<Frequency>({{Frequency::weekly, "weekly"},
                                                          {Frequency::fortnightly, "fortnightly"},
                                                          {Frequency::semi_monthly, "semi-monthly"},
                                                          {Frequency::monthly, "monthly"}});
constexpr auto kPaymentMethods = json::spellings<PaymentMethod>({{PaymentMethod::card, "card"},
                                                                 {PaymentMethod::bank_transfer, "bank-transfer"},
                                                                 {PaymentMethod::cheque, "cheque"}});
constexpr auto kBalanceParts = json::spellings<BalancePart>(
    {{BalancePart::fees, "fees"}, {BalancePart::interest, "interest"}, {BalancePart::principal, "principal"}});
constexpr auto kRiskTiers =
    json::spellings<RiskTier>({{RiskTier::high, "high"}, {RiskTier::medium, "medium"}, {RiskTier::low, "low"}});
constexpr auto kAgingBuckets = json::spellings<AgingBucket>({{AgingBucket::d0_30, "0-30"},
                                                             {AgingBucket::d31_60, "31-60"},
                                                             {AgingBucket::d61_90, "61-90"},
                                                             {AgingBucket::d91_120, "91-120"},
                                                             {AgingBucket::d120_plus, "120+"}});

}  // namespace

// [SECTION] Enumerations --------------------------------------------------------------------------------------

std::string_view to_string(PartyRole v) { return kPartyRoles.text(v); }
std::string_view to_string(ContactStatus v) { return kContactStatuses.text(v); }
std::string_view to_string(PhoneKind v) { return kPhoneKinds.text(v); }
std::string_view to_string(Frequency v) { return kFrequencies.text(v); }
std::string_view to_string(PaymentMethod v) { return kPaymentMethods.text(v); }
std::string_view to_string(BalancePart v) { return kBalanceParts.text(v); }
std::string_view to_string(RiskTier v) { return kRiskTiers.text(v); }
std::string_view to_string(AgingBucket v) { return kAgingBuckets.text(v); }

std::optional<PartyRole> parse_party_role(std::string_view s) { return kPartyRoles.parse(s); }
std::string full_name(const Party& party) {
  if (party.given_name.empty()) return party.family_name;
  if (party.family_name.empty()) return party.given_name;
  return party.given_name + " " + party.family_name;
}

bool represents_estate(PartyRole role) { return role == PartyRole::executor || role == PartyRole::administrator; }
std::optional<ContactStatus> parse_contact_status(std::string_view s) { return kContactStatuses.parse(s); }
std::optional<PhoneKind> parse_phone_kind(std::string_view s) { return kPhoneKinds.parse(s); }
std::optional<Frequency> parse_frequency(std::string_view s) { return kFrequencies.parse(s); }
std::optional<PaymentMethod> parse_payment_method(std::string_view s) { return kPaymentMethods.parse(s); }
std::optional<BalancePart> parse_balance_part(std::string_view s) { return kBalanceParts.parse(s); }
std::optional<RiskTier> parse_risk_tier(std::string_view s) { return kRiskTiers.parse(s); }

// [SECTION] Contact point checks ------------------------------------------------------------------------------

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

void check_zone(const std::string& zone, const std::string& path, Problems& out) {
  if (!is_known_time_zone(zone)) out.push_back({path, "unknown time zone " + json_text::quoted(zone)});
}

}  // namespace

bool is_e164(std::string_view s) {
  if (s.size() < 3 || s.size() > 16 || s[0] != '+' || s[1] < '1' || s[1] > '9') return false;
  for (char c : s.substr(2)) {
    if (!is_digit(c)) return false;
  }
  return true;
}

bool is_email_address(std::string_view s) {
  const std::size_t at = s.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < s.size() &&
         s.find('@', at + 1) == std::string_view::npos;
}

bool is_country_code(std::string_view s) { return s.size() == 2 && is_upper(s[0]) && is_upper(s[1]); }

void check_postal_address(const PostalAddress& a, const std::string& path, Problems& out) {
  if (a.lines.empty() || a.lines.size() > 3) {
    out.push_back({path + ".lines", "must hold 1 to 3 lines, got " + std::to_string(a.lines.size())});
  }
  for (std::size_t i = 0; i < a.lines.size(); ++i) {
    if (a.lines[i].empty()) out.push_back({path + ".lines[" + std::to_string(i) + "]", "must not be empty"});
  }
  if (a.city.empty()) out.push_back({path + ".city", "must not be empty"});
  if (!is_country_code(a.country)) {
    out.push_back({path + ".country", "must be an ISO 3166-1 alpha-2 code such as \"US\", got " + json_text::quoted(a.country)});
  }
}

void check_contact_point(const Address& a, const std::string& path, Problems& out) {
  check_postal_address(a.postal, path, out);
  check_zone(a.time_zone, path + ".time_zone", out);
}

void check_contact_point(const Phone& p, const std::string& path, Problems& out) {
  if (!is_e164(p.number)) {
    out.push_back({path + ".number", "must be an E.164 number such as \"+16175550123\", got " + json_text::quoted(p.number)});
  }
  if (p.time_zones.empty()) out.push_back({path + ".time_zones", "must list at least one time zone"});
  for (std::size_t z = 0; z < p.time_zones.size(); ++z) {
    check_zone(p.time_zones[z], path + ".time_zones[" + std::to_string(z) + "]", out);
  }
}

void check_contact_point(const Email& e, const std::string& path, Problems& out) {
  if (!is_email_address(e.address)) {
    out.push_back({path + ".address", "must be an email address with exactly one '@', got " + json_text::quoted(e.address)});
  }
}

// [SECTION] Accounts ------------------------------------------------------------------------------------------

const Party* Account::debtor() const {
  for (const Party& p : parties) {
    if (p.role == PartyRole::debtor) return &p;
  }
  return nullptr;
}

AgingBucket aging_bucket(int days_past_due) {
  if (days_past_due <= 30) return AgingBucket::d0_30;
  if (days_past_due <= 60) return AgingBucket::d31_60;
  if (days_past_due <= 90) return AgingBucket::d61_90;
  if (days_past_due <= 120) return AgingBucket::d91_120;
  return AgingBucket::d120_plus;
}

// [SECTION] Portfolio -----------------------------------------------------------------------------------------

const Client* Portfolio::find_client(std::string_view id) const {
  for (const Client& c : clients) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

Date agency_today(const Portfolio& portfolio, Instant now) {
  if (portfolio.agency) {
    if (const std::optional<TimeZone> zone = TimeZone::find(portfolio.agency->time_zone)) {
      return to_local(*zone, now).date;
    }
  }
  return now.utc_date();
}

}  // namespace parley
