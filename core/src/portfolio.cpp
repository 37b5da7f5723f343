// The portfolio's enumerations in their JSON spellings, aging buckets, and lookups.
#include "parley/portfolio.h"

#include <array>
#include <utility>

namespace parley {
namespace {

// Each value of an enumeration with its JSON spelling.
template <typename Enum, std::size_t N>
using Spellings = std::array<std::pair<Enum, std::string_view>, N>;

constexpr Spellings<PartyRole, 3> kPartyRoles{{
    {PartyRole::debtor, "debtor"}, {PartyRole::co_signer, "co-signer"}, {PartyRole::guarantor, "guarantor"}}};
constexpr Spellings<ContactStatus, 3> kContactStatuses{{{ContactStatus::current, "current"},
                                                        {ContactStatus::bad, "bad"},
                                                        {ContactStatus::unverified, "unverified"}}};
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
