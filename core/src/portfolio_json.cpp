// The portfolio's JSON form: a streaming typed loader, the checks of a whole portfolio, and the canonical
// saver.
//
// Index of this file:
// [SECTION] Problem sink       collects problems up to max_problems, counts the rest
// [SECTION] Shapes             value types, the members of each object, where each member's value goes
// [SECTION] Loader             parser events (json::scan's) streamed into typed values through a stack of frames
// [SECTION] Validation         whole-portfolio rules on typed values
// [SECTION] Saver              canonical text through JsonWriter, walking the same shapes as the loader
// [SECTION] API
//
// The loader never builds a document: each parser event is applied to the value the top frame points at. A frame
// remembers only its object type, the member being read (an index into the type's member table) or the array
// index, so the JSON path of a problem is assembled only when a problem is reported.
#include "parley/portfolio_json.h"

#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <climits>
#include <cstdint>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "json/scanner.h"
#include "portfolio_shapes.h"
#include "json_writer.h"
#include "parley/zones.h"
#include "json_text.h"

namespace parley {
namespace {

// [SECTION] Problem sink ----------------------------------------------------------------------------------------------

// Keeps the first max_problems problems and counts the others. Problems under a suppressed path (the path
// itself, or anything inside it) are dropped: a member that failed to load is not reported again by the
// checks.
class ProblemSink {
 public:
  void add(std::string path, std::string message) {
    if (is_suppressed(path)) return;
    ++count_;
    if (problems_.size() < max_problems) problems_.push_back(Problem{std::move(path), std::move(message)});
  }
  std::size_t count() const { return count_; }
  void suppress_under(std::vector<std::string> paths) { suppressed_ = std::move(paths); }
  Problems finish() {
    if (count_ > problems_.size()) {
      problems_.push_back(
          Problem{"", "... and " + std::to_string(count_ - problems_.size()) + " more problems"});
    }
    return std::move(problems_);
  }

 private:
  bool is_suppressed(std::string_view path) const {
    for (const std::string& prefix : suppressed_) {
      if (path.size() < prefix.size() || path.compare(0, prefix.size(), prefix) != 0) continue;
      if (path.size() == prefix.size() || path[prefix.size()] == '.' || path[prefix.size()] == '[')
        return true;
    }
    return false;
  }

  Problems problems_;
  std::size_t count_ = 0;
  std::vector<std::string> suppressed_;
};

// [SECTION] Shapes ----------------------------------------------------------------------------------------------------

// The type of a value slot: what a member or an array element holds and how a JSON value is stored into it.
enum class Type : std::uint8_t {
  none,  // an unknown member: its value is skipped
  // scalars
  string,
  date,
  opt_date,
  amount,
  integer,
  boolean,
  currency,
  format,
  party_role,
  contact_status,
  phone_kind,
  frequency,
  payment_method,
  balance_part,
  risk_tier,
  // objects (also the types of object frames)
  root,
  client,
  postal_address,
  policy,
  convenience_fee,
  account,
  secret_id,
  charge_off,
  last_payment,
  balance,
  party,
  address,
  phone,
  email,
  agency,
  // optional objects (slots only: their frames use the plain object type)
  opt_secret_id,
  opt_charge_off,
  opt_last_payment,
  opt_agency,
  // arrays (push_element gives their element type)
  clients,
  accounts,
  convenience_fees,
  parties,
  addresses,
  phones,
  emails,
  strings,
  frequencies,
  waterfall,
  skip,  // a frame inside a value that is not loaded
};

constexpr bool is_object(Type t) {
  return t >= Type::root && t <= Type::opt_agency;
}
constexpr bool is_array(Type t) {
  return t >= Type::clients && t <= Type::waterfall;
}

// Where the next value goes: its type and the typed value (std::string*, Money*, std::vector<Party>*, ...).
struct Slot {
  Type type = Type::none;
  void* target = nullptr;
};

// The members of one object type, in canonical order; `required` has bit i set when member i must be present.
struct Shape {
  const std::string_view* names;
  int count;
  std::uint32_t required;
};

constexpr std::uint32_t all_members(int count) {
  return (std::uint32_t{1} << count) - 1;
}
constexpr std::uint32_t bit(int member) {
  return std::uint32_t{1} << member;
}

constexpr std::string_view kRootMembers[] = {"format", "as_of", "agency", "clients", "accounts"};
constexpr int kRootAgency = 2;
constexpr std::string_view kAgencyMembers[] = {"name", "address", "phone", "time_zone"};
constexpr std::string_view kClientMembers[] = {"id", "name", "address", "currency", "policy"};
constexpr std::string_view kPostalMembers[] = {"lines", "city", "region", "postal_code", "country"};
constexpr std::string_view kPolicyMembers[] = {"max_term_months",
                                               "min_instalment",
                                               "min_down_payment_bp",
                                               "allowed_frequencies",
                                               "max_interest_rate_bp",
                                               "max_setup_fee",
                                               "convenience_fees",
                                               "settlement_floor_bp",
                                               "collector_below_floor_bp",
                                               "supervisor_below_floor_bp",
                                               "max_settlement_payments",
                                               "supervisor_term_months",
                                               "waterfall",
                                               "promise_grace_days"};
constexpr int kPolicyPromiseGrace = 13;
constexpr std::string_view kFeeMembers[] = {"method", "max_fee"};
constexpr std::string_view kAccountMembers[] = {"id",
                                                "client_id",
                                                "currency",
                                                "original_creditor",
                                                "original_account_number",
                                                "opened",
                                                "first_delinquency",
                                                "charge_off",
                                                "last_payment",
                                                "placed",
                                                "balance",
                                                "jurisdiction",
                                                "language",
                                                "risk",
                                                "parties",
                                                "time_barred_from"};
constexpr int kAccountChargeOff = 7;
constexpr int kAccountLastPayment = 8;
constexpr int kAccountTimeBarredFrom = 15;
constexpr std::string_view kSecretMembers[] = {"last4", "keyed_hash"};
constexpr std::string_view kDatedAmountMembers[] = {"date", "amount"};
constexpr std::string_view kBalanceMembers[] = {"itemisation_date", "principal", "interest", "fees",
                                                "payments",         "credits"};
constexpr std::string_view kPartyMembers[] = {
    "id", "role", "given_name", "family_name", "birth_date", "national_id", "addresses", "phones", "emails"};
constexpr int kPartyBirthDate = 4;
constexpr int kPartyNationalId = 5;
constexpr std::string_view kAddressMembers[] = {"lines",      "city",      "region",       "postal_code",
                                                "country",    "time_zone", "consent_mail", "source",
                                                "first_seen", "last_seen", "status"};
constexpr int kAddressLastSeen = 9;
constexpr std::string_view kPhoneMembers[] = {"number",       "kind",         "time_zones",
                                              "consent_call", "consent_text", "source",
                                              "first_seen",   "last_seen",    "status"};
constexpr int kPhoneLastSeen = 7;
constexpr std::string_view kEmailMembers[] = {"address",   "consent_email", "source",           "first_seen",
                                              "last_seen", "status",        "employer_provided"};
constexpr int kEmailLastSeen = 4;
constexpr int kEmailEmployerProvided = 6;

template <std::size_t N>
constexpr Shape shape_of(const std::string_view (&names)[N], std::uint32_t optional = 0) {
  return Shape{names, static_cast<int>(N), all_members(static_cast<int>(N)) & ~optional};
}

constexpr Shape kRootShape = shape_of(kRootMembers, bit(kRootAgency));
constexpr Shape kAgencyShape = shape_of(kAgencyMembers);
constexpr Shape kClientShape = shape_of(kClientMembers);
constexpr Shape kPostalShape = shape_of(kPostalMembers);
constexpr Shape kPolicyShape = shape_of(kPolicyMembers, bit(kPolicyPromiseGrace));
constexpr Shape kFeeShape = shape_of(kFeeMembers);
constexpr Shape kAccountShape =
    shape_of(kAccountMembers, bit(kAccountChargeOff) | bit(kAccountLastPayment) | bit(kAccountTimeBarredFrom));
constexpr Shape kSecretShape = shape_of(kSecretMembers);
constexpr Shape kDatedAmountShape = shape_of(kDatedAmountMembers);
constexpr Shape kBalanceShape = shape_of(kBalanceMembers);
constexpr Shape kPartyShape = shape_of(kPartyMembers, bit(kPartyBirthDate) | bit(kPartyNationalId));
constexpr Shape kAddressShape = shape_of(kAddressMembers, bit(kAddressLastSeen));
constexpr Shape kPhoneShape = shape_of(kPhoneMembers, bit(kPhoneLastSeen));
constexpr Shape kEmailShape = shape_of(kEmailMembers, bit(kEmailLastSeen) | bit(kEmailEmployerProvided));

const Shape& shape(Type object) {
  switch (object) {
    case Type::root:
      return kRootShape;
    case Type::client:
      return kClientShape;
    case Type::postal_address:
      return kPostalShape;
    case Type::policy:
      return kPolicyShape;
    case Type::convenience_fee:
      return kFeeShape;
    case Type::account:
      return kAccountShape;
    case Type::secret_id:
      return kSecretShape;
    case Type::charge_off:
    case Type::last_payment:
      return kDatedAmountShape;
    case Type::balance:
      return kBalanceShape;
    case Type::party:
      return kPartyShape;
    case Type::address:
      return kAddressShape;
    case Type::phone:
      return kPhoneShape;
    case Type::agency:
      return kAgencyShape;
    default:
      return kEmailShape;
  }
}

// The member's index in the shape, or -1. `guess` (the member after the previous one) is tried first, so text
// in canonical order costs one comparison per key; otherwise names are compared only when length and first
// character agree.
int find_member(const Shape& s, std::string_view key, int guess) {
  if (guess < s.count && s.names[guess] == key) return guess;
  if (key.empty()) return -1;
  for (int i = 0; i < s.count; ++i) {
    const std::string_view name = s.names[i];
    if (name.size() == key.size() && name[0] == key[0] && name == key) return i;
  }
  return -1;
}

template <class T>
void* ptr(T& value) {
  return static_cast<void*>(&value);
}

// The slot of `member` of the object of type `object` at `target`.
Slot member_slot(Type object, void* target, int member) {
  switch (object) {
    case Type::root: {
      auto& p = *static_cast<Portfolio*>(target);
      switch (member) {
        case 0:
          return {Type::format, nullptr};
        case 1:
          return {Type::date, ptr(p.as_of)};
        case kRootAgency:
          return {Type::opt_agency, ptr(p.agency)};
        case 3:
          return {Type::clients, ptr(p.clients)};
        default:
          return {Type::accounts, ptr(p.accounts)};
      }
    }
    case Type::agency: {
      auto& g = *static_cast<Agency*>(target);
      switch (member) {
        case 0:
          return {Type::string, ptr(g.name)};
        case 1:
          return {Type::postal_address, ptr(g.address)};
        case 2:
          return {Type::string, ptr(g.phone)};
        default:
          return {Type::string, ptr(g.time_zone)};
      }
    }
    case Type::client: {
      auto& c = *static_cast<Client*>(target);
      switch (member) {
        case 0:
          return {Type::string, ptr(c.id)};
        case 1:
          return {Type::string, ptr(c.name)};
        case 2:
          return {Type::postal_address, ptr(c.address)};
        case 3:
          return {Type::currency, ptr(c.currency)};
        default:
          return {Type::policy, ptr(c.policy)};
      }
    }
    case Type::postal_address: {
      auto& a = *static_cast<PostalAddress*>(target);
      switch (member) {
        case 0:
          return {Type::strings, ptr(a.lines)};
        case 1:
          return {Type::string, ptr(a.city)};
        case 2:
          return {Type::string, ptr(a.region)};
        case 3:
          return {Type::string, ptr(a.postal_code)};
        default:
          return {Type::string, ptr(a.country)};
      }
    }
    case Type::policy: {
      auto& p = *static_cast<Policy*>(target);
      switch (member) {
        case 0:
          return {Type::integer, ptr(p.max_term_months)};
        case 1:
          return {Type::amount, ptr(p.min_instalment)};
        case 2:
          return {Type::integer, ptr(p.min_down_payment_bp)};
        case 3:
          return {Type::frequencies, ptr(p.allowed_frequencies)};
        case 4:
          return {Type::integer, ptr(p.max_interest_rate_bp)};
        case 5:
          return {Type::amount, ptr(p.max_setup_fee)};
        case 6:
          return {Type::convenience_fees, ptr(p.convenience_fees)};
        case 7:
          return {Type::integer, ptr(p.settlement_floor_bp)};
        case 8:
          return {Type::integer, ptr(p.collector_below_floor_bp)};
        case 9:
          return {Type::integer, ptr(p.supervisor_below_floor_bp)};
        case 10:
          return {Type::integer, ptr(p.max_settlement_payments)};
        case 11:
          return {Type::integer, ptr(p.supervisor_term_months)};
        case 12:
          return {Type::waterfall, ptr(p.waterfall)};
        default:
          return {Type::integer, ptr(p.promise_grace_days)};
      }
    }
    case Type::convenience_fee: {
      auto& f = *static_cast<ConvenienceFee*>(target);
      return member == 0 ? Slot{Type::payment_method, ptr(f.method)} : Slot{Type::amount, ptr(f.max_fee)};
    }
    case Type::account: {
      auto& a = *static_cast<Account*>(target);
      switch (member) {
        case 0:
          return {Type::string, ptr(a.id)};
        case 1:
          return {Type::string, ptr(a.client_id)};
        case 2:
          return {Type::currency, ptr(a.currency)};
        case 3:
          return {Type::string, ptr(a.original_creditor)};
        case 4:
          return {Type::secret_id, ptr(a.original_account_number)};
        case 5:
          return {Type::date, ptr(a.opened)};
        case 6:
          return {Type::date, ptr(a.first_delinquency)};
        case 7:
          return {Type::opt_charge_off, ptr(a.charge_off)};
        case 8:
          return {Type::opt_last_payment, ptr(a.last_payment)};
        case 9:
          return {Type::date, ptr(a.placed)};
        case 10:
          return {Type::balance, ptr(a.balance)};
        case 11:
          return {Type::string, ptr(a.jurisdiction)};
        case 12:
          return {Type::string, ptr(a.language)};
        case 13:
          return {Type::risk_tier, ptr(a.risk)};
        case 14:
          return {Type::parties, ptr(a.parties)};
        default:
          return {Type::opt_date, ptr(a.time_barred_from)};
      }
    }
    case Type::secret_id: {
      auto& s = *static_cast<SecretId*>(target);
      return {Type::string, member == 0 ? ptr(s.last4) : ptr(s.keyed_hash)};
    }
    case Type::charge_off: {
      auto& c = *static_cast<ChargeOff*>(target);
      return member == 0 ? Slot{Type::date, ptr(c.date)} : Slot{Type::amount, ptr(c.amount)};
    }
    case Type::last_payment: {
      auto& l = *static_cast<LastPayment*>(target);
      return member == 0 ? Slot{Type::date, ptr(l.date)} : Slot{Type::amount, ptr(l.amount)};
    }
    case Type::balance: {
      auto& b = *static_cast<Balance*>(target);
      switch (member) {
        case 0:
          return {Type::date, ptr(b.itemisation_date)};
        case 1:
          return {Type::amount, ptr(b.principal)};
        case 2:
          return {Type::amount, ptr(b.interest)};
        case 3:
          return {Type::amount, ptr(b.fees)};
        case 4:
          return {Type::amount, ptr(b.payments)};
        default:
          return {Type::amount, ptr(b.credits)};
      }
    }
    case Type::party: {
      auto& p = *static_cast<Party*>(target);
      switch (member) {
        case 0:
          return {Type::string, ptr(p.id)};
        case 1:
          return {Type::party_role, ptr(p.role)};
        case 2:
          return {Type::string, ptr(p.given_name)};
        case 3:
          return {Type::string, ptr(p.family_name)};
        case 4:
          return {Type::opt_date, ptr(p.birth_date)};
        case 5:
          return {Type::opt_secret_id, ptr(p.national_id)};
        case 6:
          return {Type::addresses, ptr(p.addresses)};
        case 7:
          return {Type::phones, ptr(p.phones)};
        default:
          return {Type::emails, ptr(p.emails)};
      }
    }
    case Type::address: {
      auto& a = *static_cast<Address*>(target);
      switch (member) {
        case 0:
          return {Type::strings, ptr(a.postal.lines)};
        case 1:
          return {Type::string, ptr(a.postal.city)};
        case 2:
          return {Type::string, ptr(a.postal.region)};
        case 3:
          return {Type::string, ptr(a.postal.postal_code)};
        case 4:
          return {Type::string, ptr(a.postal.country)};
        case 5:
          return {Type::string, ptr(a.time_zone)};
        case 6:
          return {Type::boolean, ptr(a.consent_mail)};
        case 7:
          return {Type::string, ptr(a.provenance.source)};
        case 8:
          return {Type::date, ptr(a.provenance.first_seen)};
        case 9:
          return {Type::opt_date, ptr(a.provenance.last_seen)};
        default:
          return {Type::contact_status, ptr(a.provenance.status)};
      }
    }
    case Type::phone: {
      auto& p = *static_cast<Phone*>(target);
      switch (member) {
        case 0:
          return {Type::string, ptr(p.number)};
        case 1:
          return {Type::phone_kind, ptr(p.kind)};
        case 2:
          return {Type::strings, ptr(p.time_zones)};
        case 3:
          return {Type::boolean, ptr(p.consent_call)};
        case 4:
          return {Type::boolean, ptr(p.consent_text)};
        case 5:
          return {Type::string, ptr(p.provenance.source)};
        case 6:
          return {Type::date, ptr(p.provenance.first_seen)};
        case 7:
          return {Type::opt_date, ptr(p.provenance.last_seen)};
        default:
          return {Type::contact_status, ptr(p.provenance.status)};
      }
    }
    default: {
      auto& e = *static_cast<Email*>(target);
      switch (member) {
        case 0:
          return {Type::string, ptr(e.address)};
        case 1:
          return {Type::boolean, ptr(e.consent_email)};
        case 2:
          return {Type::string, ptr(e.provenance.source)};
        case 3:
          return {Type::date, ptr(e.provenance.first_seen)};
        case 4:
          return {Type::opt_date, ptr(e.provenance.last_seen)};
        case 5:
          return {Type::contact_status, ptr(e.provenance.status)};
        default:
          return {Type::boolean, ptr(e.employer_provided)};
      }
    }
  }
}

// Calls f(vector, element_type) with the array slot's vector at its real type.
template <class F>
auto with_array(Type array, void* vector, F&& f) {
  switch (array) {
    case Type::clients:
      return f(static_cast<std::vector<Client>*>(vector), Type::client);
    case Type::accounts:
      return f(static_cast<std::vector<Account>*>(vector), Type::account);
    case Type::convenience_fees:
      return f(static_cast<std::vector<ConvenienceFee>*>(vector), Type::convenience_fee);
    case Type::parties:
      return f(static_cast<std::vector<Party>*>(vector), Type::party);
    case Type::addresses:
      return f(static_cast<std::vector<Address>*>(vector), Type::address);
    case Type::phones:
      return f(static_cast<std::vector<Phone>*>(vector), Type::phone);
    case Type::emails:
      return f(static_cast<std::vector<Email>*>(vector), Type::email);
    case Type::strings:
      return f(static_cast<std::vector<std::string>*>(vector), Type::string);
    case Type::frequencies:
      return f(static_cast<std::vector<Frequency>*>(vector), Type::frequency);
    default:
      return f(static_cast<std::vector<BalancePart>*>(vector), Type::balance_part);
  }
}

// Appends a default element to the vector of an array slot and returns its slot.
Slot push_element(Type array, void* vector) {
  return with_array(array, vector, [](auto* v, Type t) { return Slot{t, ptr(v->emplace_back())}; });
}

void clear_array(Type array, void* vector) {
  with_array(array, vector, [](auto* v, Type) { v->clear(); });
}

std::string_view enum_noun(Type t) {
  switch (t) {
    case Type::party_role:
      return "role";
    case Type::contact_status:
      return "status";
    case Type::phone_kind:
      return "phone kind";
    case Type::frequency:
      return "frequency";
    case Type::payment_method:
      return "payment method";
    case Type::balance_part:
      return "balance part";
    default:
      return "risk tier";
  }
}

std::string enum_spellings(Type t) {
  switch (t) {
    case Type::party_role:
      return json_text::one_of_spellings<PartyRole>(party_role_count);
    case Type::contact_status:
      return json_text::one_of_spellings<ContactStatus>(4);
    case Type::phone_kind:
      return json_text::one_of_spellings<PhoneKind>(4);
    case Type::frequency:
      return json_text::one_of_spellings<Frequency>(4);
    case Type::payment_method:
      return json_text::one_of_spellings<PaymentMethod>(3);
    case Type::balance_part:
      return json_text::one_of_spellings<BalancePart>(3);
    default:
      return json_text::one_of_spellings<RiskTier>(3);
  }
}

// What a slot expects, for "expected ..., got ..." messages.
std::string expected(Type t) {
  switch (t) {
    case Type::string:
      return "a string";
    case Type::date:
      return "a date \"YYYY-MM-DD\"";
    case Type::opt_date:
      return "a date \"YYYY-MM-DD\" or null";
    case Type::amount:
      return "an integer amount in minor units";
    case Type::integer:
      return "an integer";
    case Type::boolean:
      return "true or false";
    case Type::currency:
      return "a currency code such as \"USD\"";
    case Type::format:
      return "the string " + json_text::quoted(portfolio_format);
    case Type::party_role:
    case Type::contact_status:
    case Type::phone_kind:
    case Type::frequency:
    case Type::payment_method:
    case Type::balance_part:
    case Type::risk_tier:
      return enum_spellings(t);
    case Type::opt_secret_id:
    case Type::opt_charge_off:
    case Type::opt_last_payment:
    case Type::opt_agency:
      return "an object or null";
    default:
      return is_array(t) ? "an array" : "an object";
  }
}

// Stores an enumeration's spelling into the slot; false if the spelling is unknown.
bool store_enum(const Slot& slot, std::string_view text) {
  const auto store = [&](auto parsed) {
    if (!parsed) return false;
    *static_cast<std::remove_reference_t<decltype(*parsed)>*>(slot.target) = *parsed;
    return true;
  };
  switch (slot.type) {
    case Type::party_role:
      return store(parse_party_role(text));
    case Type::contact_status:
      return store(parse_contact_status(text));
    case Type::phone_kind:
      return store(parse_phone_kind(text));
    case Type::frequency:
      return store(parse_frequency(text));
    case Type::payment_method:
      return store(parse_payment_method(text));
    case Type::balance_part:
      return store(parse_balance_part(text));
    default:
      return store(parse_risk_tier(text));
  }
}

bool looks_like_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

// Sets every amount of an account (or a client's policy) to the currency read for it: amounts may come before
// the "currency" member in the text.
void apply_currency(Account& a) {
  const Currency c = a.currency;
  for (Money* m : {&a.balance.principal, &a.balance.interest, &a.balance.fees, &a.balance.payments,
                   &a.balance.credits}) {
    *m = Money(m->minor(), c);
  }
  if (a.charge_off) a.charge_off->amount = Money(a.charge_off->amount.minor(), c);
  if (a.last_payment) a.last_payment->amount = Money(a.last_payment->amount.minor(), c);
}

void apply_currency(Client& client) {
  const Currency c = client.currency;
  Policy& p = client.policy;
  p.min_instalment = Money(p.min_instalment.minor(), c);
  p.max_setup_fee = Money(p.max_setup_fee.minor(), c);
  for (ConvenienceFee& f : p.convenience_fees) f.max_fee = Money(f.max_fee.minor(), c);
}

// [SECTION] Loader ----------------------------------------------------------------------------------------------------

struct Frame {
  Type type;        // an object type, an array type, or skip
  void* target;     // the object, or the vector of an array
  Slot slot;        // object: the slot of the member being read
  int member = -1;  // object: index of the member being read; -1 before the first or for an unknown one
  std::uint32_t seen = 0;  // object: members present so far
  std::size_t index = 0;   // array: index of the element being read
  std::size_t count = 0;   // array: elements begun so far
};

class Loader {
 public:
  using json = nlohmann::json;

  Loader(std::string_view text, Portfolio& out, ProblemSink& sink)
      : text_(text), portfolio_(out), sink_(sink) {
    frames_.reserve(16);
  }

  bool syntax_ok() const { return syntax_ok_; }
  std::vector<std::string> take_problem_paths() { return std::move(problem_paths_); }

  // nlohmann SAX interface
  // ------------------------------------------------------------------------------------
  bool null() {
    const Slot s = next_slot();
    switch (s.type) {
      case Type::skip:
      case Type::none:
        break;
      case Type::opt_date:
        static_cast<std::optional<Date>*>(s.target)->reset();
        break;
      case Type::opt_secret_id:
        static_cast<std::optional<SecretId>*>(s.target)->reset();
        break;
      case Type::opt_charge_off:
        static_cast<std::optional<ChargeOff>*>(s.target)->reset();
        break;
      case Type::opt_last_payment:
        static_cast<std::optional<LastPayment>*>(s.target)->reset();
        break;
      case Type::opt_agency:
        static_cast<std::optional<Agency>*>(s.target)->reset();
        break;
      default:
        type_mismatch(s, "null");
    }
    return true;
  }

  bool boolean(bool value) {
    const Slot s = next_slot();
    if (s.type == Type::boolean) {
      *static_cast<bool*>(s.target) = value;
    } else if (s.type != Type::skip && s.type != Type::none) {
      type_mismatch(s, value ? "true" : "false");
    }
    return true;
  }

  bool number_integer(json::number_integer_t value) {
    integer_value(value, false);
    return true;
  }

  bool number_unsigned(json::number_unsigned_t value) {
    const bool too_big = value > static_cast<json::number_unsigned_t>(INT64_MAX);
    integer_value(too_big ? 0 : static_cast<std::int64_t>(value), too_big);
    return true;
  }

  bool number_float(json::number_float_t, const json::string_t& raw) { return on_fraction(raw); }

  bool string(json::string_t& value) { return on_string(value, &value); }

  bool binary(json::binary_t&) { return true; }  // never sent for JSON text

  // json::scan's events: the same as nlohmann's; a plain string is a view of the text (buffer null).
  bool on_null() { return null(); }
  bool on_boolean(bool value) { return boolean(value); }
  bool on_integer(std::int64_t value) { return number_integer(value); }
  bool on_unsigned(std::uint64_t value) { return number_unsigned(value); }
  bool on_key(std::string_view name) { return key(name); }
  bool on_begin(bool object) { return object ? start_object(0) : start_array(0); }
  bool on_end(bool object) { return object ? end_object() : end_array(); }

  bool on_fraction(std::string_view raw) {
    const Slot s = next_slot();
    if (s.type != Type::skip && s.type != Type::none) type_mismatch(s, "the number " + std::string(raw));
    return true;
  }

  bool on_string(std::string_view value, std::string* buffer) {
    const Slot s = next_slot();
    switch (s.type) {
      case Type::skip:
      case Type::none:
        break;
      case Type::string:
        if (buffer != nullptr) {
          *static_cast<std::string*>(s.target) = std::move(*buffer);
        } else {
          static_cast<std::string*>(s.target)->assign(value.data(), value.size());
        }
        break;
      case Type::date:
      case Type::opt_date: {
        const std::optional<Date> d = Date::parse(value);
        if (!d) {
          report(looks_like_date(value) ? "impossible date " + json_text::quoted(value)
                                        : "expected a date \"YYYY-MM-DD\", got " + json_text::quoted(value));
        } else if (s.type == Type::date) {
          *static_cast<Date*>(s.target) = *d;
        } else {
          *static_cast<std::optional<Date>*>(s.target) = *d;
        }
        break;
      }
      case Type::currency: {
        const std::optional<Currency> c = Currency::find(value);
        if (c) {
          *static_cast<Currency*>(s.target) = *c;
        } else {
          report("unknown currency " + json_text::quoted(value));
        }
        break;
      }
      case Type::format:
        if (value != portfolio_format) {
          report("unsupported format " + json_text::quoted(value) + ": expected " + json_text::quoted(portfolio_format));
        }
        break;
      case Type::party_role:
      case Type::contact_status:
      case Type::phone_kind:
      case Type::frequency:
      case Type::payment_method:
      case Type::balance_part:
      case Type::risk_tier:
        if (!store_enum(s, value)) {
          report("unknown " + std::string(enum_noun(s.type)) + " " + json_text::quoted(value) + ": expected " +
                 enum_spellings(s.type));
        }
        break;
      default:
        type_mismatch(s, "the string " + json_text::quoted(value));
    }
    return true;
  }

  bool start_object(std::size_t) {
    if (frames_.empty()) {
      frames_.push_back(Frame{Type::root, &portfolio_, {}});
      return true;
    }
    Slot s = next_slot();
    switch (s.type) {
      case Type::opt_secret_id:
        s = {Type::secret_id, ptr(static_cast<std::optional<SecretId>*>(s.target)->emplace())};
        break;
      case Type::opt_charge_off:
        s = {Type::charge_off, ptr(static_cast<std::optional<ChargeOff>*>(s.target)->emplace())};
        break;
      case Type::opt_last_payment:
        s = {Type::last_payment, ptr(static_cast<std::optional<LastPayment>*>(s.target)->emplace())};
        break;
      case Type::opt_agency:
        s = {Type::agency, ptr(static_cast<std::optional<Agency>*>(s.target)->emplace())};
        break;
      default:
        break;
    }
    if (is_object(s.type)) {
      frames_.push_back(Frame{s.type, s.target, {}});
    } else {
      if (s.type != Type::skip && s.type != Type::none) type_mismatch(s, "an object");
      frames_.push_back(Frame{Type::skip, nullptr, {}});
    }
    return true;
  }

  bool key(std::string_view name) {
    Frame& f = frames_.back();
    if (f.type == Type::skip) return true;
    const Shape& sh = shape(f.type);
    const int m = find_member(sh, name, f.member + 1);
    if (m < 0) {
      f.member = -1;
      f.slot = Slot{};
      std::string path = build_path();
      if (!path.empty()) path += '.';
      path += name;
      add_problem(std::move(path), "unknown member");
      return true;
    }
    f.member = m;
    f.slot = member_slot(f.type, f.target, m);
    if (f.seen & bit(m)) report("member appears more than once");
    f.seen |= bit(m);
    return true;
  }

  bool end_object() {
    Frame& f = frames_.back();
    if (f.type != Type::skip) {
      const Shape& sh = shape(f.type);
      const std::uint32_t missing = sh.required & ~f.seen;
      if (missing != 0) {
        for (int m = 0; m < sh.count; ++m) {
          if ((missing & bit(m)) == 0) continue;
          f.member = m;
          report("required member is missing");
        }
      }
      if (f.type == Type::account) apply_currency(*static_cast<Account*>(f.target));
      if (f.type == Type::client) apply_currency(*static_cast<Client*>(f.target));
    }
    frames_.pop_back();
    return true;
  }

  bool start_array(std::size_t) {
    const Slot s = next_slot();
    if (is_array(s.type)) {
      clear_array(s.type, s.target);
      frames_.push_back(Frame{s.type, s.target, {}});
    } else {
      if (s.type != Type::skip && s.type != Type::none) type_mismatch(s, "an array");
      frames_.push_back(Frame{Type::skip, nullptr, {}});
    }
    return true;
  }

  bool end_array() {
    frames_.pop_back();
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) {
    syntax_ok_ = false;
    Problem problem = json_text::syntax_problem(text_, position, error.what());
    add_problem(std::move(problem.path), std::move(problem.message));
    return false;
  }

 private:
  // The slot the next value goes into: the current member of an object, or a new element of an array.
  Slot next_slot() {
    if (frames_.empty()) {
      add_problem("", "the top level must be a JSON object");
      return Slot{Type::skip, nullptr};
    }
    Frame& f = frames_.back();
    if (f.type == Type::skip) return Slot{Type::skip, nullptr};
    if (is_array(f.type)) {
      f.index = f.count++;
      return push_element(f.type, f.target);
    }
    return f.slot;
  }

  void integer_value(std::int64_t value, bool too_big) {
    const Slot s = next_slot();
    if (s.type == Type::amount || s.type == Type::integer) {
      const bool is_amount = s.type == Type::amount;
      if (too_big || (!is_amount && (value < INT_MIN || value > INT_MAX))) {
        report("number is out of range");
      } else if (is_amount) {
        *static_cast<Money*>(s.target) = Money(value, Currency{});
      } else {
        *static_cast<int*>(s.target) = static_cast<int>(value);
      }
    } else if (s.type != Type::skip && s.type != Type::none) {
      type_mismatch(s, too_big ? std::string("a number") : "the number " + std::to_string(value));
    }
  }

  void type_mismatch(const Slot& s, const std::string& got) {
    report("expected " + expected(s.type) + ", got " + got);
  }

  // Reports a problem at the path of the value being read.
  void report(std::string message) { add_problem(build_path(), std::move(message)); }

  void add_problem(std::string path, std::string message) {
    problem_paths_.push_back(path);
    sink_.add(std::move(path), std::move(message));
  }

  // "accounts[3].parties[0].phones[1].time_zones[0]": each frame's current member or element.
  std::string build_path() const {
    std::string path;
    for (const Frame& f : frames_) {
      if (f.type == Type::skip) break;
      if (is_array(f.type)) {
        path += '[';
        path += std::to_string(f.index);
        path += ']';
      } else if (f.member >= 0) {
        if (!path.empty()) path += '.';
        path += shape(f.type).names[f.member];
      } else {
        break;
      }
    }
    return path;
  }

  std::string_view text_;
  Portfolio& portfolio_;
  ProblemSink& sink_;
  std::vector<Frame> frames_;
  std::vector<std::string> problem_paths_;
  bool syntax_ok_ = true;
};

// [SECTION] Validation ------------------------------------------------------------------------------------------------

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// ISO 3166-2: "FR", "US-MA", "GB-ENG", "FR-75".
bool is_jurisdiction(std::string_view s) {
  if (s.size() == 2) return is_country_code(s);
  if (s.size() < 4 || s.size() > 6 || !is_country_code(s.substr(0, 2)) || s[2] != '-') return false;
  for (char c : s.substr(3)) {
    if (!is_upper(c) && !is_digit(c)) return false;
  }
  return true;
}

// BCP 47, the forms used here: language ("fr"), optional script ("Latn"), optional region ("US" or "419").
bool is_language_tag(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_lower(s[i])) ++i;
  if (i < 2 || i > 3) return false;
  if (i == s.size()) return true;
  if (s[i] != '-') return false;
  std::string_view rest = s.substr(i + 1);
  if (rest.size() > 4 && rest[4] == '-') {  // script, then region
    if (!is_upper(rest[0]) || !is_lower(rest[1]) || !is_lower(rest[2]) || !is_lower(rest[3])) return false;
    rest.remove_prefix(5);
  } else if (rest.size() == 4) {
    return is_upper(rest[0]) && is_lower(rest[1]) && is_lower(rest[2]) && is_lower(rest[3]);
  }
  if (rest.size() == 2) return is_upper(rest[0]) && is_upper(rest[1]);
  return rest.size() == 3 && is_digit(rest[0]) && is_digit(rest[1]) && is_digit(rest[2]);
}

bool is_lower_hex(std::string_view s, std::size_t length) {
  if (s.size() != length) return false;
  for (char c : s) {
    if (!is_digit(c) && (c < 'a' || c > 'f')) return false;
  }
  return true;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string index_path(std::string_view array, std::size_t i) {
  std::string out(array);
  out += '[';
  out += std::to_string(i);
  out += ']';
  return out;
}

class Validator {
 public:
  // `as_of_known`: false when as_of failed to load, so that no date is compared with it.
  Validator(const Portfolio& p, ProblemSink& sink, bool as_of_known = true)
      : p_(p), sink_(sink), as_of_known_(as_of_known) {}

  void run() {
    if (p_.agency) check_agency(*p_.agency);
    std::unordered_map<std::string_view, std::size_t> client_index;
    client_index.reserve(p_.clients.size());
    for (std::size_t i = 0; i < p_.clients.size(); ++i) {
      const Client& c = p_.clients[i];
      const std::string path = index_path("clients", i);
      check_client(c, path);
      if (c.id.empty()) continue;
      const auto [it, inserted] = client_index.emplace(c.id, i);
      if (!inserted) {
        add(path + ".id", "duplicate client id " + json_text::quoted(c.id) + " (first at " +
                              index_path("clients", it->second) + ")");
      }
    }
    std::unordered_map<std::string_view, std::size_t> account_index;
    account_index.reserve(p_.accounts.size());
    for (std::size_t i = 0; i < p_.accounts.size(); ++i) {
      const Account& a = p_.accounts[i];
      const auto found = client_index.find(a.client_id);
      check_account(a, i, found == client_index.end() ? nullptr : &p_.clients[found->second]);
      if (a.id.empty()) continue;
      const auto [it, inserted] = account_index.emplace(a.id, i);
      if (!inserted) {
        add(index_path("accounts", i) + ".id", "duplicate account id " + json_text::quoted(a.id) + " (first at " +
                                                   index_path("accounts", it->second) + ")");
      }
    }
  }

 private:
  void add(std::string path, std::string message) { sink_.add(std::move(path), std::move(message)); }

  void not_empty(std::string_view value, const std::string& path, std::string_view member) {
    if (value.empty()) add(path + "." + std::string(member), "must not be empty");
  }

  // An amount of an object whose amounts are all in `currency`.
  void check_amount(Money m, Currency currency, const std::string& path, std::string_view member,
                    bool positive = false) {
    const auto where = [&] { return path + "." + std::string(member); };
    if (m.minor() < 0) {
      add(where(), "must not be negative");
    } else if (positive && m.minor() == 0) {
      add(where(), "must be positive");
    }
    if (m.minor() > json_text::max_exact_integer || m.minor() < -json_text::max_exact_integer) {
      add(where(), "must be at most 9007199254740991");
    }
    if (m.currency() != currency && currency != Currency{}) {
      add(where(),
          "is in " + std::string(m.currency().code()) + ", expected " + std::string(currency.code()));
    }
  }

  void check_basis_points(int bp, const std::string& path, std::string_view member) {
    if (bp < 0 || bp > 10000) {
      add(path + "." + std::string(member),
          "must be between 0 and 10000 basis points, got " + std::to_string(bp));
    }
  }

  void not_after_as_of(Date d, const std::string& path, std::string_view member) {
    if (as_of_known_ && d > p_.as_of) {
      add(path + "." + std::string(member),
          "must not be after as_of (" + p_.as_of.iso() + "), got " + d.iso());
    }
  }

  void not_before(Date d, Date floor, std::string_view floor_name, const std::string& path,
                  std::string_view member) {
    if (d < floor) {
      add(path + "." + std::string(member),
          "must not be before " + std::string(floor_name) + " (" + floor.iso() + "), got " + d.iso());
    }
  }

  void check_postal(const PostalAddress& a, const std::string& path) {
    Problems found;
    check_postal_address(a, path, found);
    for (Problem& p : found) add(std::move(p.path), std::move(p.message));
  }

  template <class Point>
  void check_point(const Point& point, const std::string& path) {
    Problems found;
    check_contact_point(point, path, found);
    for (Problem& p : found) add(std::move(p.path), std::move(p.message));
    check_provenance(point.provenance, path);
  }

  void check_secret(const SecretId& s, const std::string& path) {
    const std::size_t n = code_points(s.last4);
    if (n < 1 || n > 4) add(path + ".last4", "must hold 1 to 4 characters, got " + std::to_string(n));
    if (!is_lower_hex(s.keyed_hash, 64)) add(path + ".keyed_hash", "must be 64 lowercase hex digits");
  }

  void check_provenance(const Provenance& p, const std::string& path) {
    not_empty(p.source, path, "source");
    not_after_as_of(p.first_seen, path, "first_seen");
    if (p.last_seen) {
      not_before(*p.last_seen, p.first_seen, "first_seen", path, "last_seen");
      not_after_as_of(*p.last_seen, path, "last_seen");
    }
  }

  void check_zone(const std::string& zone, const std::string& path) {
    if (!is_known_time_zone(zone)) add(path, "unknown time zone " + json_text::quoted(zone));
  }

  void check_agency(const Agency& g) {
    not_empty(g.name, "agency", "name");
    check_postal(g.address, "agency.address");
    if (!is_e164(g.phone)) {
      add("agency.phone", "must be an E.164 number such as \"+16175550100\", got " + json_text::quoted(g.phone));
    }
    if (!is_known_time_zone(g.time_zone)) add("agency.time_zone", "unknown time zone " + json_text::quoted(g.time_zone));
  }

  void check_client(const Client& c, const std::string& path) {
    not_empty(c.id, path, "id");
    not_empty(c.name, path, "name");
    check_postal(c.address, path + ".address");
    if (c.currency == Currency{}) add(path + ".currency", "must be a real currency, not \"XXX\"");
    const Policy& p = c.policy;
    const std::string pp = path + ".policy";
    if (p.max_term_months < 1) add(pp + ".max_term_months", "must be at least 1");
    check_amount(p.min_instalment, c.currency, pp, "min_instalment");
    check_basis_points(p.min_down_payment_bp, pp, "min_down_payment_bp");
    if (p.allowed_frequencies.empty()) add(pp + ".allowed_frequencies", "must list at least one frequency");
    for (std::size_t i = 0; i < p.allowed_frequencies.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (p.allowed_frequencies[j] == p.allowed_frequencies[i]) {
          add(pp + index_path(".allowed_frequencies", i),
              "duplicate frequency " + json_text::quoted(to_string(p.allowed_frequencies[i])));
          break;
        }
      }
    }
    check_basis_points(p.max_interest_rate_bp, pp, "max_interest_rate_bp");
    check_amount(p.max_setup_fee, c.currency, pp, "max_setup_fee");
    for (std::size_t i = 0; i < p.convenience_fees.size(); ++i) {
      const std::string fp = pp + index_path(".convenience_fees", i);
      check_amount(p.convenience_fees[i].max_fee, c.currency, fp, "max_fee");
      for (std::size_t j = 0; j < i; ++j) {
        if (p.convenience_fees[j].method == p.convenience_fees[i].method) {
          add(fp + ".method",
              "duplicate payment method " + json_text::quoted(to_string(p.convenience_fees[i].method)));
          break;
        }
      }
    }
    check_basis_points(p.settlement_floor_bp, pp, "settlement_floor_bp");
    check_basis_points(p.collector_below_floor_bp, pp, "collector_below_floor_bp");
    check_basis_points(p.supervisor_below_floor_bp, pp, "supervisor_below_floor_bp");
    if (p.collector_below_floor_bp > p.supervisor_below_floor_bp) {
      add(pp + ".collector_below_floor_bp", "must not exceed supervisor_below_floor_bp");
    }
    if (p.supervisor_below_floor_bp > p.settlement_floor_bp) {
      add(pp + ".supervisor_below_floor_bp", "must not exceed settlement_floor_bp");
    }
    if (p.max_settlement_payments < 1) add(pp + ".max_settlement_payments", "must be at least 1");
    if (p.supervisor_term_months < 0) add(pp + ".supervisor_term_months", "must not be negative");
    if (p.promise_grace_days < 0 || p.promise_grace_days > max_promise_grace_days) {
      add(pp + ".promise_grace_days", "must be from 0 to " + std::to_string(max_promise_grace_days));
    }
    bool has[3] = {false, false, false};
    bool once_each = p.waterfall.size() == 3;
    for (BalancePart part : p.waterfall) {
      const auto k = static_cast<std::size_t>(part);
      if (k >= 3 || has[k]) {
        once_each = false;
      } else {
        has[k] = true;
      }
    }
    if (!once_each) add(pp + ".waterfall", "must list \"fees\", \"interest\" and \"principal\" once each");
  }

  void check_account(const Account& a, std::size_t i, const Client* client) {
    const std::string path = index_path("accounts", i);
    not_empty(a.id, path, "id");
    if (client == nullptr) {
      add(path + ".client_id", "no client with id " + json_text::quoted(a.client_id));
    }
    const bool known_currency = a.currency != Currency{};
    if (!known_currency) {
      add(path + ".currency", "must be a real currency, not \"XXX\"");
    } else if (client != nullptr && client->currency != Currency{} && client->currency != a.currency) {
      add(path + ".currency", "currency " + json_text::quoted(a.currency.code()) + " differs from client " +
                                  json_text::quoted(client->id) + "'s currency " +
                                  json_text::quoted(client->currency.code()));
    }
    not_empty(a.original_creditor, path, "original_creditor");
    check_secret(a.original_account_number, path + ".original_account_number");
    not_after_as_of(a.opened, path, "opened");
    not_before(a.first_delinquency, a.opened, "opened", path, "first_delinquency");
    not_after_as_of(a.first_delinquency, path, "first_delinquency");
    if (a.charge_off) {
      const std::string cp = path + ".charge_off";
      not_before(a.charge_off->date, a.opened, "opened", cp, "date");
      not_after_as_of(a.charge_off->date, cp, "date");
      check_amount(a.charge_off->amount, a.currency, cp, "amount");
    }
    if (a.last_payment) {
      const std::string lp = path + ".last_payment";
      not_before(a.last_payment->date, a.opened, "opened", lp, "date");
      not_after_as_of(a.last_payment->date, lp, "date");
      check_amount(a.last_payment->amount, a.currency, lp, "amount", true);
    }
    not_before(a.placed, a.opened, "opened", path, "placed");
    not_after_as_of(a.placed, path, "placed");
    if (a.time_barred_from) not_before(*a.time_barred_from, a.first_delinquency, "first_delinquency", path,
                                       "time_barred_from");

    const Balance& b = a.balance;
    const std::string bp = path + ".balance";
    not_after_as_of(b.itemisation_date, bp, "itemisation_date");
    check_amount(b.principal, a.currency, bp, "principal");
    check_amount(b.interest, a.currency, bp, "interest");
    check_amount(b.fees, a.currency, bp, "fees");
    check_amount(b.payments, a.currency, bp, "payments");
    check_amount(b.credits, a.currency, bp, "credits");
    // In plain integers, as the amounts may carry other currencies; out-of-range amounts are already
    // reported.
    bool in_range = true;
    for (Money m : {b.principal, b.interest, b.fees, b.payments, b.credits}) {
      in_range = in_range && m.minor() <= json_text::max_exact_integer && m.minor() >= -json_text::max_exact_integer;
    }
    const std::int64_t total = in_range ? b.principal.minor() + b.interest.minor() + b.fees.minor() -
                                              b.payments.minor() - b.credits.minor()
                                        : 0;
    if (total < 0) add(bp, "total (principal + interest + fees - payments - credits) must not be negative");

    if (!is_jurisdiction(a.jurisdiction)) {
      add(path + ".jurisdiction", "must be an ISO 3166-2 code such as \"US-MA\", \"GB-ENG\" or \"FR\", got " +
                                      json_text::quoted(a.jurisdiction));
    }
    if (!is_language_tag(a.language)) {
      add(path + ".language",
          "must be a BCP 47 language tag such as \"en-US\", got " + json_text::quoted(a.language));
    }

    if (a.parties.empty()) add(path + ".parties", "must list at least one party");
    bool has_debtor = false;
    for (std::size_t j = 0; j < a.parties.size(); ++j) {
      const Party& party = a.parties[j];
      has_debtor = has_debtor || party.role == PartyRole::debtor;
      const std::string pp = path + index_path(".parties", j);
      check_party(party, pp);
      for (std::size_t k = 0; k < j; ++k) {
        if (!party.id.empty() && a.parties[k].id == party.id) {
          add(pp + ".id", "duplicate party id " + json_text::quoted(party.id) + " (first at " + path +
                              index_path(".parties", k) + ")");
          break;
        }
      }
    }
    if (!a.parties.empty() && !has_debtor)
      add(path + ".parties", "must include a party with the role \"debtor\"");
  }

  void check_party(const Party& party, const std::string& path) {
    not_empty(party.id, path, "id");
    if (party.given_name.empty() && party.family_name.empty()) {
      add(path + ".family_name", "given_name and family_name must not both be empty");
    }
    if (party.birth_date) not_after_as_of(*party.birth_date, path, "birth_date");
    if (party.national_id) check_secret(*party.national_id, path + ".national_id");
    for (std::size_t k = 0; k < party.addresses.size(); ++k) {
      check_point(party.addresses[k], path + index_path(".addresses", k));
    }
    for (std::size_t k = 0; k < party.phones.size(); ++k) check_point(party.phones[k], path + index_path(".phones", k));
    for (std::size_t k = 0; k < party.emails.size(); ++k) check_point(party.emails[k], path + index_path(".emails", k));
  }

  const Portfolio& p_;
  ProblemSink& sink_;
  bool as_of_known_;
};

// [SECTION] Saver -----------------------------------------------------------------------------------------------------

using json::JsonWriter;

// The saver walks the same shapes as the loader: each object's members in canonical order through member_slot, so
// a member added to a shape is written as soon as it is read. An optional member is left out when it holds nothing:
// an empty optional, zero for an integer (promise_grace_days), false for a boolean (employer_provided).
// member_slot only forms pointers to the members; the saver reads through them and never writes.

void write_object(JsonWriter& w, Type object, const void* target);

std::string_view enum_text(const Slot& slot) {
  switch (slot.type) {
    case Type::party_role:
      return to_string(*static_cast<const PartyRole*>(slot.target));
    case Type::contact_status:
      return to_string(*static_cast<const ContactStatus*>(slot.target));
    case Type::phone_kind:
      return to_string(*static_cast<const PhoneKind*>(slot.target));
    case Type::frequency:
      return to_string(*static_cast<const Frequency*>(slot.target));
    case Type::payment_method:
      return to_string(*static_cast<const PaymentMethod*>(slot.target));
    case Type::balance_part:
      return to_string(*static_cast<const BalancePart*>(slot.target));
    default:
      return to_string(*static_cast<const RiskTier*>(slot.target));
  }
}

// The object inside an optional object slot, or null when it holds none.
template <class T>
const void* held(const void* optional) {
  const auto& o = *static_cast<const std::optional<T>*>(optional);
  return o ? static_cast<const void*>(&*o) : nullptr;
}

// An optional object slot's plain object type and its object, or {none, null} when it holds none.
std::pair<Type, const void*> optional_object(const Slot& slot) {
  switch (slot.type) {
    case Type::opt_secret_id:
      return {Type::secret_id, held<SecretId>(slot.target)};
    case Type::opt_charge_off:
      return {Type::charge_off, held<ChargeOff>(slot.target)};
    case Type::opt_last_payment:
      return {Type::last_payment, held<LastPayment>(slot.target)};
    default:
      return {Type::agency, held<Agency>(slot.target)};
  }
}

// Whether an optional member holding this slot's value is left out.
bool holds_nothing(const Slot& slot) {
  switch (slot.type) {
    case Type::opt_date:
      return !static_cast<const std::optional<Date>*>(slot.target)->has_value();
    case Type::integer:
      return *static_cast<const int*>(slot.target) == 0;
    case Type::boolean:
      return !*static_cast<const bool*>(slot.target);
    case Type::opt_secret_id:
    case Type::opt_charge_off:
    case Type::opt_last_payment:
    case Type::opt_agency:
      return optional_object(slot).second == nullptr;
    default:
      return false;
  }
}

void write_slot(JsonWriter& w, const Slot& slot) {
  switch (slot.type) {
    case Type::string:
      w.string(*static_cast<const std::string*>(slot.target));
      return;
    case Type::date:
      w.string(static_cast<const Date*>(slot.target)->iso());
      return;
    case Type::opt_date:
      w.string((*static_cast<const std::optional<Date>*>(slot.target))->iso());
      return;
    case Type::amount:
      w.integer(static_cast<const Money*>(slot.target)->minor());
      return;
    case Type::integer:
      w.integer(*static_cast<const int*>(slot.target));
      return;
    case Type::boolean:
      w.boolean(*static_cast<const bool*>(slot.target));
      return;
    case Type::currency:
      w.string(static_cast<const Currency*>(slot.target)->code());
      return;
    case Type::format:
      w.string(portfolio_format);
      return;
    case Type::party_role:
    case Type::contact_status:
    case Type::phone_kind:
    case Type::frequency:
    case Type::payment_method:
    case Type::balance_part:
    case Type::risk_tier:
      w.string(enum_text(slot));
      return;
    case Type::opt_secret_id:
    case Type::opt_charge_off:
    case Type::opt_last_payment:
    case Type::opt_agency: {
      const auto [object, target] = optional_object(slot);
      write_object(w, object, target);
      return;
    }
    default:
      break;
  }
  if (is_array(slot.type)) {
    w.begin_array();
    with_array(slot.type, slot.target, [&w](auto* vector, Type element) {
      for (auto& value : *vector) write_slot(w, Slot{element, ptr(value)});
    });
    w.end_array();
    return;
  }
  write_object(w, slot.type, slot.target);
}

void write_object(JsonWriter& w, Type object, const void* target) {
  const Shape& s = shape(object);
  w.begin_object();
  for (int m = 0; m < s.count; ++m) {
    const Slot slot = member_slot(object, const_cast<void*>(target), m);
    if ((s.required & bit(m)) == 0 && holds_nothing(slot)) continue;
    w.key(s.names[m]);
    write_slot(w, slot);
  }
  w.end_object();
}

}  // namespace

std::vector<PortfolioObjectMembers> portfolio_object_members() {
  const std::pair<std::string_view, const Shape*> shapes[] = {
      {"root", &kRootShape},         {"agency", &kAgencyShape},   {"client", &kClientShape},
      {"postal_address", &kPostalShape}, {"policy", &kPolicyShape}, {"convenience_fee", &kFeeShape},
      {"account", &kAccountShape},   {"secret_id", &kSecretShape}, {"balance", &kBalanceShape},
      {"party", &kPartyShape},       {"address", &kAddressShape}, {"phone", &kPhoneShape},
      {"email", &kEmailShape}};
  std::vector<PortfolioObjectMembers> out;
  for (const auto& [name, shape] : shapes) {
    PortfolioObjectMembers o{name, {}, {}};
    for (int m = 0; m < shape->count; ++m) {
      o.members.push_back(shape->names[m]);
      if ((shape->required & bit(m)) != 0) o.required.push_back(shape->names[m]);
    }
    out.push_back(std::move(o));
  }
  return out;
}

// [SECTION] API -------------------------------------------------------------------------------------------------------

PortfolioLoad load_portfolio(std::string_view json_text) {
  Portfolio portfolio;
  ProblemSink sink;
  std::vector<std::string> load_paths;
  bool syntax_ok = true;
  {
    std::string buffer;  // strings with escapes, while scanning
    Loader loader(json_text, portfolio, sink);
    if (json::scan(json_text, loader, buffer) == json::Scan::refused) {
      // Not JSON (or nested deeper than the scanner follows): read again by nlohmann's parser, which names the
      // error after the problems found before it.
      portfolio = Portfolio{};
      sink = ProblemSink{};
      Loader again(json_text, portfolio, sink);
      nlohmann::json::sax_parse(json_text.data(), json_text.data() + json_text.size(), &again);
      syntax_ok = again.syntax_ok();
      load_paths = again.take_problem_paths();
    } else {
      load_paths = loader.take_problem_paths();
    }
  }
  if (syntax_ok) {
    bool as_of_known = true;
    for (const std::string& path : load_paths) as_of_known = as_of_known && path != "as_of";
    sink.suppress_under(std::move(load_paths));
    Validator(portfolio, sink, as_of_known).run();
  }
  PortfolioLoad result;
  if (sink.count() == 0) {
    result.portfolio = std::move(portfolio);
  }
  result.problems = sink.finish();
  return result;
}

Problems validate_portfolio(const Portfolio& portfolio) {
  ProblemSink sink;
  Validator(portfolio, sink).run();
  return sink.finish();
}

std::string save_agency(const Agency& agency) {
  JsonWriter w;
  write_object(w, Type::agency, &agency);
  return w.take();
}

std::string save_client(const Client& client) {
  JsonWriter w;
  write_object(w, Type::client, &client);
  return w.take();
}

std::string save_account(const Account& account) {
  JsonWriter w;
  write_object(w, Type::account, &account);
  return w.take();
}

std::string save_portfolio(const Portfolio& portfolio, int indent) {
  JsonWriter w(indent);
  w.reserve(256 + portfolio.clients.size() * 600 + portfolio.accounts.size() * 1200);
  write_object(w, Type::root, &portfolio);
  return w.take();
}

}  // namespace parley
