// The portfolio's enumerations in their JSON spellings, aging buckets, and lookups.
#include "parley/portfolio.h"

#include <array>
#include <utility>

#include "json_text.h"
#include "parley/zones.h"

namespace parley {
namespace {

// Each value of an enumeration with its JSON spelling.
template <typename Enum, std::size_t N>
using Spellings = std::array<std::pair<Enum, std::string_view>, N>;

constexpr Spellings<PartyRole, 3> kPartyRoles{{
    {PartyRole::debtor, "debtor"}, {PartyRole::co_signer, "co-signer"}, {PartyRole::guarantor, "guarantor"}}};
constexpr Spellings<ContactStatus, 4> kContactStatuses{{{ContactStatus::current, "current"},
                                                        {ContactStatus::bad, "bad"},
                                                        {ContactStatus::unverified, "unverified"},
                                                        {ContactStatus::wrong_number, "wrong-number"}}};
constexpr Spellings<PhoneKind, 4> kPhoneKinds{{{PhoneKind::mobile, "mobile"},
                                               {PhoneKind::home, "home"},
                                               {PhoneKind::work, "work"},
                                               {PhoneKind::other, "other"}}};
constexpr Spellings<Frequency, 4> kFrequencies{{{Frequency::weekly, "weekly"},
                                                {Frequency::fortnightly, "fortnightly"},
                                                {Frequency::semi_monthly, "semi-monthly"},
                                                {Frequency::monthly, "monthly"}}};
constexpr Spellings<PaymentMethod, 3> kPaymentMethods{{{PaymentMethod::card, "card"},
                                                       {PaymentMethod::bank_transfer, "bank-transfer"},
                                                       {PaymentMethod::cheque, "cheque"}}};
constexpr Spellings<BalancePart, 3> kBalanceParts{{{BalancePart::fees, "fees"},
                                                   {BalancePart::interest, "interest"},
                                                   {BalancePart::principal, "principal"}}};
constexpr Spellings<RiskTier, 3> kRiskTiers{
    {{RiskTier::high, "high"}, {RiskTier::medium, "medium"}, {RiskTier::low, "low"}}};
constexpr Spellings<AgingBucket, 5> kAgingBuckets{{{AgingBucket::d0_30, "0-30"},
                                                   {AgingBucket::d31_60, "31-60"},
                                                   {AgingBucket::d61_90, "61-90"},
                                                   {AgingBucket::d91_120, "91-120"},
                                                   {AgingBucket::d120_plus, "120+"}}};

template <typename Enum, std::size_t N>
std::string_view spell(const Spellings<Enum, N>& table, Enum value) {
  for (const auto& [v, text] : table) {
    if (v == value) return text;
  }
  return "?";  // only reachable with a value cast from outside the enumeration
}

template <typename Enum, std::size_t N>
std::optional<Enum> read(const Spellings<Enum, N>& table, std::string_view text) {
  for (const auto& [v, spelling] : table) {
    if (spelling == text) return v;
  }
  return std::nullopt;
}

}  // namespace

// [SECTION] Enumerations --------------------------------------------------------------------------------------

std::string_view to_string(PartyRole v) { return spell(kPartyRoles, v); }
std::string_view to_string(ContactStatus v) { return spell(kContactStatuses, v); }
std::string_view to_string(PhoneKind v) { return spell(kPhoneKinds, v); }
std::string_view to_string(Frequency v) { return spell(kFrequencies, v); }
std::string_view to_string(PaymentMethod v) { return spell(kPaymentMethods, v); }
std::string_view to_string(BalancePart v) { return spell(kBalanceParts, v); }
std::string_view to_string(RiskTier v) { return spell(kRiskTiers, v); }
std::string_view to_string(AgingBucket v) { return spell(kAgingBuckets, v); }

std::optional<PartyRole> parse_party_role(std::string_view s) { return read(kPartyRoles, s); }
std::optional<ContactStatus> parse_contact_status(std::string_view s) { return read(kContactStatuses, s); }
std::optional<PhoneKind> parse_phone_kind(std::string_view s) { return read(kPhoneKinds, s); }
std::optional<Frequency> parse_frequency(std::string_view s) { return read(kFrequencies, s); }
std::optional<PaymentMethod> parse_payment_method(std::string_view s) { return read(kPaymentMethods, s); }
std::optional<BalancePart> parse_balance_part(std::string_view s) { return read(kBalanceParts, s); }
std::optional<RiskTier> parse_risk_tier(std::string_view s) { return read(kRiskTiers, s); }

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

}  // namespace parley
