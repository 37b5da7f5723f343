#pragma once
// The portfolio: creditor clients with their policies, and the accounts they placed, as typed values.
//
// Index of this file:
// [SECTION] Enumerations    roles, contact status, frequencies, payment methods, risk tiers
// [SECTION] Secrets         identifiers never stored in the clear (last four + keyed hash)
// [SECTION] Contact points  postal addresses, phones, emails: each with provenance, consent and time zone
// [SECTION] Parties         people on an account: debtor, co-signer, guarantor
// [SECTION] Balance         the itemised balance at the itemisation date
// [SECTION] Clients         creditor clients and the policy that bounds what a collector may offer
// [SECTION] Accounts        one placed debt
// [SECTION] Portfolio       the whole placement, as of a date
//
// This is the placement snapshot. What happens to an account afterwards (contacts, promises, plans,
// payments) is a journal of events folded over it, never an edit of these values. The JSON form is
// documented in docs/portfolio-format.md and assets/schema/portfolio.schema.json.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/date.h"
#include "parley/money.h"
#include "parley/problem.h"

namespace parley {

// [SECTION] Enumerations --------------------------------------------------------------------------------------
// Each has a JSON spelling (to_string / parse_*); parse_* returns nullopt for an unknown spelling.

// The person obligated (debtor), those obligated with them (co-signer, guarantor), and the persons the law treats as
// the consumer (15 U.S.C. 1692c(d), 12 CFR 1006.6(a)): the spouse, the parent of a consumer who is a minor, a
// guardian, the executor or administrator of a deceased consumer's estate; and the attorney who represents a party
// about the debt (in a portfolio: the debtor; added later: the party PartyAdded::represents names).
enum class PartyRole {
  debtor, co_signer, guarantor, spouse, parent, guardian, executor, administrator, attorney,
  third_party,  // someone else, asked only for the consumer's location (a neighbour, a relative, an employer)
};
// "debtor", "co-signer", "guarantor", "spouse", "parent", "guardian", "executor", "administrator", "attorney",
// "third-party"
inline constexpr int party_role_count = 10;
bool represents_estate(PartyRole role);  // executor or administrator
enum class ContactStatus { current, bad, unverified, wrong_number };  // "current", "bad", "unverified",
                                                                      // "wrong-number": reaches someone else
enum class PhoneKind { mobile, home, work, other };                // "mobile", "home", "work", "other"
enum class Frequency { weekly, fortnightly, semi_monthly, monthly };  // "weekly", ..., "semi-monthly", "monthly"
enum class PaymentMethod { card, bank_transfer, cheque };          // "card", "bank-transfer", "cheque"
enum class BalancePart { fees, interest, principal };              // payment waterfall items
enum class RiskTier { high, medium, low };                         // "high", "medium", "low"

std::string_view to_string(PartyRole);
std::string_view to_string(ContactStatus);
std::string_view to_string(PhoneKind);
std::string_view to_string(Frequency);
std::string_view to_string(PaymentMethod);
std::string_view to_string(BalancePart);
std::string_view to_string(RiskTier);
std::optional<PartyRole> parse_party_role(std::string_view);
std::optional<ContactStatus> parse_contact_status(std::string_view);
std::optional<PhoneKind> parse_phone_kind(std::string_view);
std::optional<Frequency> parse_frequency(std::string_view);
std::optional<PaymentMethod> parse_payment_method(std::string_view);
std::optional<BalancePart> parse_balance_part(std::string_view);
std::optional<RiskTier> parse_risk_tier(std::string_view);

// [SECTION] Secrets -------------------------------------------------------------------------------------------

// A national id, a full card or bank account number: kept as the last four characters for display and a keyed
// hash (HMAC-SHA-256, lowercase hex) for matching records. The clear value is never stored.
struct SecretId {
  std::string last4;       // "4821"
  std::string keyed_hash;  // 64 hex digits
  friend bool operator==(const SecretId&, const SecretId&) = default;
};

// [SECTION] Contact points ------------------------------------------------------------------------------------

// Where a contact point came from and whether it still works. Skip tracing adds points; none is deleted.
struct Provenance {
  std::string source;              // "placement", "debtor", "skip-trace:bureau", ...
  Date first_seen;
  std::optional<Date> last_seen;
  ContactStatus status = ContactStatus::unverified;
  friend bool operator==(const Provenance&, const Provenance&) = default;
};

struct PostalAddress {
  std::vector<std::string> lines;  // street lines, 1 to 3
  std::string city;
  std::string region;              // US state ("MA"), UK county or nation, French département ("75")
  std::string postal_code;
  std::string country;             // ISO 3166-1 alpha-2: "US", "GB", "FR"
  friend bool operator==(const PostalAddress&, const PostalAddress&) = default;
};

struct Address {
  PostalAddress postal;
  std::string time_zone;           // IANA zone of the address, e.g. "America/New_York"
  bool consent_mail = true;        // letters may be sent here
  Provenance provenance;
  friend bool operator==(const Address&, const Address&) = default;
};

struct Phone {
  std::string number;                   // E.164: "+16175550123"
  PhoneKind kind = PhoneKind::other;
  std::vector<std::string> time_zones;  // IANA zones the number may be in; more than one where an area spans two
  bool consent_call = true;             // calls allowed
  bool consent_text = false;            // text messages allowed (opt-in)
  Provenance provenance;
  friend bool operator==(const Phone&, const Phone&) = default;
};

struct Email {
  std::string address;
  bool consent_email = false;           // collection emails allowed (opt-in)
  Provenance provenance;
  bool employer_provided = false;       // the consumer's employer provides the address (a work email)
  friend bool operator==(const Email&, const Email&) = default;
};

// The rules of a contact point's own data, shared by the portfolio loader and the journal's contact-point-added:
// each problem is appended to `out` with its path under `path` ("accounts[0].parties[1].phones[0]"). Provenance
// (source and dates) is the caller's to check: its bounds depend on where the point comes from.
bool is_e164(std::string_view number);        // '+', a non-zero digit, then up to 14 more digits
bool is_email_address(std::string_view text);  // exactly one '@', with text on both sides
bool is_country_code(std::string_view code);   // ISO 3166-1 alpha-2: two uppercase letters
void check_postal_address(const PostalAddress& address, const std::string& path, Problems& out);
void check_contact_point(const Address& address, const std::string& path, Problems& out);
void check_contact_point(const Phone& phone, const std::string& path, Problems& out);
void check_contact_point(const Email& email, const std::string& path, Problems& out);

// [SECTION] Parties -------------------------------------------------------------------------------------------

struct Party {
  std::string id;                       // unique within the account
  PartyRole role = PartyRole::debtor;
  std::string given_name;
  std::string family_name;
  std::optional<Date> birth_date;       // for right-party verification
  std::optional<SecretId> national_id;  // SSN, NI number, NIR
  std::vector<Address> addresses;       // every address ever had, current ones first
  std::vector<Phone> phones;
  std::vector<Email> emails;
  friend bool operator==(const Party&, const Party&) = default;
};

// "Given Family", or the one name a party has.
std::string full_name(const Party& party);

// [SECTION] Balance -------------------------------------------------------------------------------------------

// Itemised as Regulation F asks: the amount at the itemisation date, then what accrued or was paid since.
struct Balance {
  Date itemisation_date;
  Money principal;   // owed at the itemisation date
  Money interest;    // interest since the itemisation date
  Money fees;        // fees since the itemisation date
  Money payments;    // paid since the itemisation date
  Money credits;     // credited since the itemisation date
  Money total() const { return principal + interest + fees - payments - credits; }
  friend bool operator==(const Balance&, const Balance&) = default;
};

// [SECTION] Clients -------------------------------------------------------------------------------------------

struct ConvenienceFee {
  PaymentMethod method = PaymentMethod::card;
  Money max_fee;  // largest fee per payment the client allows for this method (zero: none may be charged)
  friend bool operator==(const ConvenienceFee&, const ConvenienceFee&) = default;
};

// What a creditor client authorises. Rates and shares are in basis points (1 % = 100) so they stay exact.
struct Policy {
  int max_term_months = 12;                       // longest instalment plan
  Money min_instalment;                           // smallest regular instalment
  int min_down_payment_bp = 0;                    // of the balance
  std::vector<Frequency> allowed_frequencies;     // at least one
  int max_interest_rate_bp = 0;                   // nominal annual rate cap; 0: plans carry no interest
  Money max_setup_fee;                            // zero: no set-up fee
  std::vector<ConvenienceFee> convenience_fees;   // methods not listed may carry no fee
  int settlement_floor_bp = 10000;                // lowest settlement as a share of the balance
  int collector_below_floor_bp = 0;               // how far under the floor a collector may go alone
  int supervisor_below_floor_bp = 0;              // how far under the floor with supervisor approval
  int max_settlement_payments = 1;                // a settlement is paid in at most this many payments
  int supervisor_term_months = 0;                 // plans longer than this need approval; 0: never
  std::vector<BalancePart> waterfall{BalancePart::fees, BalancePart::interest, BalancePart::principal};
  int promise_grace_days = 0;                     // a promise unpaid this many days after its due date is broken
  friend bool operator==(const Policy&, const Policy&) = default;
};
inline constexpr int max_promise_grace_days = 60;

struct Client {
  std::string id;
  std::string name;
  PostalAddress address;      // the creditor's address, stated in French R124-4 letters
  Currency currency;          // currency of the policy's amounts
  Policy policy;
  friend bool operator==(const Client&, const Client&) = default;
};

// [SECTION] Accounts ------------------------------------------------------------------------------------------

struct ChargeOff {
  Date date;
  Money amount;
  friend bool operator==(const ChargeOff&, const ChargeOff&) = default;
};

struct LastPayment {
  Date date;
  Money amount;
  friend bool operator==(const LastPayment&, const LastPayment&) = default;
};

struct Account {
  std::string id;                          // unique in the portfolio
  std::string client_id;                   // a Client::id
  Currency currency;                       // every amount of the account is in it
  std::string original_creditor;
  SecretId original_account_number;
  Date opened;
  Date first_delinquency;                  // days past due count from here
  std::optional<ChargeOff> charge_off;
  std::optional<LastPayment> last_payment;
  Date placed;                             // placement date with the agency
  Balance balance;
  std::string jurisdiction;                // ISO 3166-2 where the debtor lives: "US-MA", "GB-ENG", "FR"
  std::string language;                    // BCP 47 language for letters and scripts: "en-US", "fr-FR"
  RiskTier risk = RiskTier::medium;
  std::vector<Party> parties;              // at least one debtor
  // The first day on which the debt is time-barred: the statute of limitations for a suit to collect it has run
  // (12 CFR 1006.26(a)(2)), as the creditor client states it. Unknown when absent; not before first_delinquency.
  std::optional<Date> time_barred_from;

  int days_past_due(Date as_of) const { return as_of - first_delinquency; }
  const Party* debtor() const;             // the first party with the debtor role, or null
  friend bool operator==(const Account&, const Account&) = default;
};

// Aging buckets of days past due: 0-30, 31-60, 61-90, 91-120, 120+.
enum class AgingBucket { d0_30, d31_60, d61_90, d91_120, d120_plus };
AgingBucket aging_bucket(int days_past_due);
std::string_view to_string(AgingBucket);  // "0-30", ..., "120+"

// [SECTION] Portfolio -----------------------------------------------------------------------------------------

// The collection agency that works the portfolio: who letters say they come from, the number debtors call back,
// and the time zone whose calendar day is the agency's "today" (quotes, promises, letters, outcomes).
struct Agency {
  std::string name;        // the agency's name as letters state it
  PostalAddress address;   // stated in letters (French R124-4: the agency's identity and address)
  std::string phone;       // E.164: the callback number of the limited-content message
  std::string time_zone;   // IANA zone of the agency's office
  friend bool operator==(const Agency&, const Agency&) = default;
};

struct Portfolio {
  Date as_of;                      // the date the snapshot describes
  std::optional<Agency> agency;    // absent: no callback number, and the agency's day is the UTC day
  std::vector<Client> clients;
  std::vector<Account> accounts;

  const Client* find_client(std::string_view id) const;    // linear; callers index when they need speed
  friend bool operator==(const Portfolio&, const Portfolio&) = default;
};

// The agency's "today" at `now`: the calendar day in the agency's time zone (the UTC day without an agency). One
// date for quoting, promises, letters and outcomes on every host.
Date agency_today(const Portfolio& portfolio, Instant now);

}  // namespace parley
