// The portfolio's enumerations in their JSON spellings, aging buckets, and lookups.
#include "parley/portfolio.h"

#include "json/enum_spelling.h"

namespace parley {
namespace {

constexpr auto kPartyRoles = json::spellings<PartyRole>(
    {{PartyRole::debtor, "debtor"}, {PartyRole::co_signer, "co-signer"}, {PartyRole::guarantor, "guarantor"}});
constexpr auto kContactStatuses = json::spellings<ContactStatus>(
    {{ContactStatus::current, "current"}, {ContactStatus::bad, "bad"}, {ContactStatus::unverified, "unverified"}});
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
std::optional<ContactStatus> parse_contact_status(std::string_view s) { return kContactStatuses.parse(s); }
std::optional<PhoneKind> parse_phone_kind(std::string_view s) { return kPhoneKinds.parse(s); }
std::optional<Frequency> parse_frequency(std::string_view s) { return kFrequencies.parse(s); }
std::optional<PaymentMethod> parse_payment_method(std::string_view s) { return kPaymentMethods.parse(s); }
std::optional<BalancePart> parse_balance_part(std::string_view s) { return kBalanceParts.parse(s); }
std::optional<RiskTier> parse_risk_tier(std::string_view s) { return kRiskTiers.parse(s); }

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
