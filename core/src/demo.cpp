// The demo portfolio generator: a seeded xoshiro256** stream per account, integer-only draws, and the tables
// of demo_data.cpp. Every draw is integer arithmetic on 64-bit values, and no expression makes two draws
// whose order the language leaves unspecified (operands of +, arguments of one call), so every host produces
// the same bytes.
#include "parley/demo.h"

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "demo_data.h"
#include "parley/secret.h"

namespace parley {
namespace {

// [SECTION] Random stream ---------------------------------------------------------------------------------------------

constexpr int kMaxAccounts = 100000;
constexpr std::string_view kDemoKey = "parley-demo-key";

// splitmix64: advances the state by the golden-ratio increment and returns a mixed output.
constexpr std::uint64_t splitmix64(std::uint64_t& state) {
  state += 0x9e3779b97f4a7c15ULL;
  std::uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

constexpr std::uint64_t rotl(std::uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}

// xoshiro256**, its four words filled from splitmix64. Bounded draws reject the short tail of the 64-bit
// range so that every value below the bound is equally likely.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    for (std::uint64_t& word : s_) word = splitmix64(seed);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  std::uint64_t below(std::uint64_t n) {          // uniform in [0, n), n > 0
    const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n: the values under it would bias the remainder
    for (;;) {
      const std::uint64_t r = next();
      if (r >= threshold) return r % n;
    }
  }

  std::int64_t between(std::int64_t lo, std::int64_t hi) {  // uniform in [lo, hi]; lo when hi < lo
    if (hi <= lo) return lo;
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }

  int days(std::int64_t lo, std::int64_t hi) { return static_cast<int>(between(lo, hi)); }

  bool percent(int p) { return static_cast<int>(below(100)) < p; }  // true p times in a hundred

  template <class T>
  const T& pick(std::span<const T> items) {
    return items[static_cast<std::size_t>(below(items.size()))];
  }

  // An index drawn with the given integer weights (positive total).
  std::size_t weighted(std::span<const int> weights) {
    int total = 0;
    for (int w : weights) total += w;
    int r = static_cast<int>(below(static_cast<std::uint64_t>(total)));
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (r < weights[i]) return i;
      r -= weights[i];
    }
    return weights.size() - 1;
  }

  // An amount in [lo, hi] skewed toward lo (the square of a uniform fraction), as balances are.
  std::int64_t skewed(std::int64_t lo, std::int64_t hi) {
    const std::int64_t u = between(0, 1000);
    return lo + (hi - lo) * u * u / 1000000;
  }

 private:
  std::uint64_t s_[4];
};

// The demo's HMAC key, prepared once.
const HmacKey& demo_key() {
  static const HmacKey key(kDemoKey);
  return key;
}

std::uint64_t account_seed(std::uint64_t seed, std::uint64_t index) {
  std::uint64_t a = seed;
  std::uint64_t b = index * 0xd1342543de82ef95ULL + 1;
  return splitmix64(a) ^ rotl(splitmix64(b), 17);
}

std::string digits(Rng& rng, int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text.push_back(static_cast<char>('0' + rng.below(10)));
  return text;
}

std::int64_t digits_value(std::string_view text) {  // text holds ASCII digits only
  std::int64_t value = 0;
  for (const char c : text) value = value * 10 + (c - '0');
  return value;
}

std::string padded(std::int64_t value, int width) {
  std::string text = std::to_string(value);
  if (static_cast<int>(text.size()) < width)
    text.insert(0, static_cast<std::size_t>(width) - text.size(), '0');
  return text;
}

// [SECTION] Clients ---------------------------------------------------------------------------------------------------

enum class Country { us, uk, fr };

// How a client's accounts look, beside the client itself.
struct ClientSpec {
  Country country;
  int weight;                 // share of the placement
  std::int64_t principal_lo;  // minor units
  std::int64_t principal_hi;
  int interest_bp_max;    // accrued interest as a share of principal; 0: none
  int fee_percent;        // accounts carrying fees
  std::int64_t fee_unit;  // one fee (late fee, returned payment)
  int charge_off_dpd;     // charged off at this many days past due; 0: never
  int co_signer_percent;
  int guarantor_percent;
  int account_digits;  // length of the original account number
  std::string_view original_creditor;
  std::string_view affiliate;  // a second original creditor name under the same client, or empty
};

PostalAddress postal(std::initializer_list<std::string> lines, std::string city, std::string region,
                     std::string postal_code, std::string country) {
  return PostalAddress{std::vector<std::string>(lines), std::move(city), std::move(region),
                       std::move(postal_code), std::move(country)};
}

Currency currency(std::string_view code) {
  const std::optional<Currency> found = Currency::find(code);
  return found ? *found : Currency{};
}

struct DemoClient {
  Client client;
  ClientSpec spec;
};

std::vector<DemoClient> demo_clients() {
  const Currency usd = currency("USD");
  const Currency gbp = currency("GBP");
  const Currency eur = currency("EUR");
  using BP = BalancePart;
  using F = Frequency;
  std::vector<DemoClient> clients;

  Policy bank;
  bank.max_term_months = 24;
  bank.max_setup_fee = Money(0, usd);
  bank.min_instalment = Money(2500, usd);
  bank.min_down_payment_bp = 1000;
  bank.allowed_frequencies = {F::weekly, F::fortnightly, F::semi_monthly, F::monthly};
  bank.convenience_fees = {{PaymentMethod::card, Money(295, usd)}};
  bank.settlement_floor_bp = 6000;
  bank.collector_below_floor_bp = 500;
  bank.supervisor_below_floor_bp = 1500;
  bank.max_settlement_payments = 3;
  bank.supervisor_term_months = 18;
  bank.waterfall = {BP::fees, BP::interest, BP::principal};
  clients.push_back({Client{"harborview-bank", "Harborview National Bank",
                            postal({"100 Federal St"}, "Boston", "MA", "02110", "US"), usd, bank},
                     ClientSpec{Country::us, 24, 30000, 1800000, 2400, 40, 3900, 180, 8, 0, 16,
                                "Harborview National Bank", "Harborview Rewards Visa"}});

  Policy hospital;
  hospital.max_term_months = 36;
  hospital.max_setup_fee = Money(0, usd);
  hospital.min_instalment = Money(2000, usd);
  hospital.allowed_frequencies = {F::fortnightly, F::monthly};
  hospital.settlement_floor_bp = 5000;
  hospital.collector_below_floor_bp = 1000;
  hospital.supervisor_below_floor_bp = 2500;
  hospital.max_settlement_payments = 6;
  hospital.supervisor_term_months = 24;
  hospital.waterfall = {BP::principal, BP::interest, BP::fees};
  clients.push_back({Client{"mercy-health", "St. Mercy Regional Health",
                            postal({"2233 W Ogden Ave"}, "Chicago", "IL", "60612", "US"), usd, hospital},
                     ClientSpec{Country::us, 18, 8000, 950000, 0, 0, 0, 0, 0, 10, 10,
                                "St. Mercy Regional Health", "Mercy Physicians Group"}});

  Policy auto_loan;
  auto_loan.max_term_months = 18;
  auto_loan.min_instalment = Money(7500, usd);
  auto_loan.min_down_payment_bp = 2000;
  auto_loan.allowed_frequencies = {F::weekly, F::monthly};
  auto_loan.max_interest_rate_bp = 999;
  auto_loan.max_setup_fee = Money(2500, usd);
  auto_loan.convenience_fees = {{PaymentMethod::card, Money(350, usd)},
                                {PaymentMethod::bank_transfer, Money(0, usd)}};
  auto_loan.settlement_floor_bp = 7500;
  auto_loan.collector_below_floor_bp = 250;
  auto_loan.supervisor_below_floor_bp = 1000;
  auto_loan.max_settlement_payments = 2;
  auto_loan.supervisor_term_months = 12;
  clients.push_back(
      {Client{"lonestar-auto", "Lone Star Auto Finance",
              postal({"1700 Pacific Ave", "Suite 900"}, "Dallas", "TX", "75201", "US"), usd, auto_loan},
       ClientSpec{Country::us, 13, 150000, 2400000, 1200, 30, 5000, 120, 25, 0, 12, "Lone Star Auto Finance",
                  ""}});

  Policy telecom;
  telecom.max_term_months = 24;
  telecom.max_setup_fee = Money(0, gbp);
  telecom.min_instalment = Money(500, gbp);
  telecom.allowed_frequencies = {F::weekly, F::fortnightly, F::monthly};
  telecom.settlement_floor_bp = 5000;
  telecom.collector_below_floor_bp = 1000;
  telecom.supervisor_below_floor_bp = 2000;
  telecom.max_settlement_payments = 3;
  telecom.supervisor_term_months = 12;
  telecom.waterfall = {BP::principal, BP::fees, BP::interest};
  clients.push_back(
      {Client{"albion-telecom", "Albion Telecom plc",
              postal({"1 Canada Square"}, "London", "Greater London", "E14 5AB", "GB"), gbp, telecom},
       ClientSpec{Country::uk, 20, 4000, 180000, 0, 25, 1000, 0, 0, 3, 11, "Albion Telecom plc",
                  "Albion Mobile"}});

  Policy card;
  card.max_term_months = 36;
  card.max_setup_fee = Money(0, gbp);
  card.min_instalment = Money(1000, gbp);
  card.allowed_frequencies = {F::fortnightly, F::monthly};
  card.settlement_floor_bp = 4000;
  card.collector_below_floor_bp = 1000;
  card.supervisor_below_floor_bp = 2000;
  card.max_settlement_payments = 4;
  card.supervisor_term_months = 24;
  card.waterfall = {BP::interest, BP::fees, BP::principal};
  clients.push_back(
      {Client{"thistle-card", "Thistle Card Services Ltd",
              postal({"20 St Andrew Square"}, "Edinburgh", "City of Edinburgh", "EH2 1AF", "GB"), gbp, card},
       ClientSpec{Country::uk, 10, 20000, 1200000, 1500, 35, 1200, 180, 5, 0, 16, "Thistle Card Services Ltd",
                  ""}});

  Policy energy;
  energy.max_term_months = 12;
  energy.max_setup_fee = Money(0, eur);
  energy.min_instalment = Money(1500, eur);
  energy.allowed_frequencies = {F::monthly};
  energy.settlement_floor_bp = 8000;
  energy.collector_below_floor_bp = 0;
  energy.supervisor_below_floor_bp = 1000;
  energy.max_settlement_payments = 1;
  energy.supervisor_term_months = 6;
  clients.push_back(
      {Client{"energie-rhone", "Énergie Rhône-Alpes SA",
              postal({"12 quai Perrache"}, "Lyon", "69", "69002", "FR"), eur, energy},
       ClientSpec{Country::fr, 15, 6000, 350000, 300, 0, 0, 0, 5, 0, 14, "Énergie Rhône-Alpes SA", ""}});
  return clients;
}

// [SECTION] Places and contact points ---------------------------------------------------------------------------------

// One place of residence, whatever the country: what an address and a landline there look like.
struct Place {
  PostalAddress postal;
  std::string zone;
  std::vector<std::string> phone_zones;  // zones a landline or a mobile from this place may be in
  std::string jurisdiction;
  std::string landline_prefix;  // E.164 prefix
  int landline_digits = 0;      // digits after the prefix
  std::string mobile_prefix;
  int mobile_digits = 0;
};

const char kInwardLetters[] = "ABDEFGHJLNPQRSTUWXYZ";  // letters a UK inward code may use

Place us_place(Rng& rng, const demo_data::NameTables& names) {
  const demo_data::UsPlace& p = rng.pick(demo_data::us_places());
  Place place;
  // One draw per statement: the order of evaluation of operands and arguments differs between compilers.
  const std::int64_t number = rng.between(1, 9899);
  std::vector<std::string> lines{std::to_string(number) + " " + std::string(rng.pick(names.streets))};
  if (rng.percent(25)) {
    const std::int64_t apartment = rng.between(1, 40);
    lines.push_back("Apt " + std::to_string(apartment) + static_cast<char>('A' + rng.below(4)));
  }
  place.postal =
      PostalAddress{std::move(lines), std::string(p.city), std::string(p.state), std::string(p.zip), "US"};
  place.zone = p.zone;
  place.phone_zones = {std::string(p.zone)};
  if (!p.second_zone.empty()) place.phone_zones.emplace_back(p.second_zone);
  place.jurisdiction = "US-" + std::string(p.state);
  place.landline_prefix = "+1" + std::string(p.area_code) + "55501";
  place.landline_digits = 2;
  place.mobile_prefix = place.landline_prefix;
  place.mobile_digits = 2;
  return place;
}

Place uk_place(Rng& rng, const demo_data::NameTables& names) {
  const demo_data::UkPlace& p = rng.pick(demo_data::uk_places());
  Place place;
  std::vector<std::string> lines;
  if (rng.percent(30)) lines.push_back("Flat " + std::to_string(rng.between(1, 24)));
  const std::int64_t number = rng.between(1, 240);
  lines.push_back(std::to_string(number) + " " + std::string(rng.pick(names.streets)));
  std::string postcode = std::string(rng.pick(p.outward_codes)) + " ";
  postcode.push_back(static_cast<char>('0' + rng.below(10)));
  postcode.push_back(kInwardLetters[rng.below(sizeof kInwardLetters - 1)]);
  postcode.push_back(kInwardLetters[rng.below(sizeof kInwardLetters - 1)]);
  place.postal =
      PostalAddress{std::move(lines), std::string(p.town), std::string(p.region), std::move(postcode), "GB"};
  place.zone = "Europe/London";
  place.phone_zones = {"Europe/London"};
  place.jurisdiction = p.jurisdiction;
  place.landline_prefix = p.landline_prefix;
  place.landline_digits = 3;
  place.mobile_prefix = demo_data::uk_mobile_prefix;
  place.mobile_digits = 3;
  return place;
}

Place fr_place(Rng& rng, const demo_data::NameTables& names) {
  const demo_data::FrPlace& p = rng.pick(demo_data::fr_places());
  Place place;
  std::string line = std::to_string(rng.between(1, 180));
  if (rng.percent(8)) line += " bis";
  line += " " + std::string(rng.pick(names.streets));
  std::vector<std::string> lines{std::move(line)};
  if (rng.percent(15))
    lines.insert(lines.begin(), "Bâtiment " + std::string(1, static_cast<char>('A' + rng.below(4))));
  std::string code(p.postal_code);
  if (p.arrondissements > 0) {
    const std::int64_t base = digits_value(code);
    code =
        padded(base + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(p.arrondissements))), 5);
  }
  place.postal =
      PostalAddress{std::move(lines), std::string(p.city), std::string(p.departement), std::move(code), "FR"};
  place.zone = "Europe/Paris";
  place.phone_zones = {"Europe/Paris"};
  place.jurisdiction = "FR";
  place.landline_prefix = p.landline_prefix;
  place.landline_digits = 4;
  place.mobile_prefix = demo_data::fr_mobile_prefix;
  place.mobile_digits = 4;
  return place;
}

const demo_data::NameTables& names_of(Country country) {
  static const demo_data::NameTables us = demo_data::us_names();
  static const demo_data::NameTables uk = demo_data::uk_names();
  static const demo_data::NameTables fr = demo_data::fr_names();
  return country == Country::us ? us : country == Country::uk ? uk : fr;
}

Place random_place(Rng& rng, Country country) {
  const demo_data::NameTables& names = names_of(country);
  switch (country) {
    case Country::us:
      return us_place(rng, names);
    case Country::uk:
      return uk_place(rng, names);
    case Country::fr:
      return fr_place(rng, names);
  }
  return us_place(rng, names);
}

// Lowercase ASCII of a UTF-8 name for an email local part: accented Latin letters lose their accent; other
// characters (apostrophes, spaces, hyphens) are dropped.
std::string email_word(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
      if (c >= 'a' && c <= 'z') out.push_back(static_cast<char>(c));
      continue;
    }
    if (c == 0xc3 && i + 1 < name.size()) {
      // Latin-1 supplement letters U+00C0..U+00FF, second byte 0x80..0xbf; upper and lower case fold
      // together.
      const unsigned char b = static_cast<unsigned char>(name[++i]) & 0xdf;  // 0xa0.. folds onto 0x80..
      if (b >= 0x80 && b <= 0x85)
        out.push_back('a');
      else if (b == 0x87)
        out.push_back('c');
      else if (b >= 0x88 && b <= 0x8b)
        out.push_back('e');
      else if (b >= 0x8c && b <= 0x8f)
        out.push_back('i');
      else if (b >= 0x92 && b <= 0x96)
        out.push_back('o');
      else if (b >= 0x99 && b <= 0x9c)
        out.push_back('u');
      continue;
    }
    while (i + 1 < name.size() && (static_cast<unsigned char>(name[i + 1]) & 0xc0) == 0x80)
      ++i;  // skip the rest
  }
  return out;
}

ContactStatus status_of(Rng& rng, int current, int unverified) {
  const std::size_t k = rng.weighted(std::array<int, 3>{current, unverified, 100 - current - unverified});
  return k == 0 ? ContactStatus::current : k == 1 ? ContactStatus::unverified : ContactStatus::bad;
}

// [SECTION] Parties ---------------------------------------------------------------------------------------------------

// A clear national id in the country's format; only its SecretId is kept.
std::string national_id_text(Rng& rng, Country country, Date birth, const Place& place) {
  switch (country) {
    case Country::us: {
      std::int64_t area = rng.between(1, 898);
      if (area == 666) area = 667;
      const std::int64_t group = rng.between(1, 99);
      const std::int64_t serial = rng.between(1, 9999);
      return padded(area, 3) + "-" + padded(group, 2) + "-" + padded(serial, 4);
    }
    case Country::uk: {
      static constexpr char kFirst[] = "ABCEGHJKLMNOPRSTWXYZ";
      static constexpr char kSecond[] = "ABCEGHJKLMNPRSTWXYZ";
      std::string text;
      text.push_back(kFirst[rng.below(sizeof kFirst - 1)]);
      text.push_back(kSecond[rng.below(sizeof kSecond - 1)]);
      text += digits(rng, 6);
      text.push_back(static_cast<char>('A' + rng.below(4)));
      return text;
    }
    case Country::fr: {
      // NIR: sex, year, month, département, commune, order, then the key 97 - (number mod 97).
      const std::string& dept = place.postal.region;
      const std::string dept_digits = dept.size() == 2 && dept[1] >= '0' && dept[1] <= '9' ? dept : "20";
      const std::int64_t sex = rng.between(1, 2);
      const std::int64_t commune = rng.between(1, 990);
      const std::int64_t order = rng.between(1, 999);
      const std::string body = std::to_string(sex) + padded(birth.year() % 100, 2) +
                               padded(birth.month(), 2) + dept_digits + padded(commune, 3) + padded(order, 3);
      const std::int64_t key = 97 - digits_value(body) % 97;
      return body + padded(key, 2);
    }
  }
  return {};
}

std::string_view current_source(Rng& rng) {
  constexpr std::string_view kSources[] = {"placement", "placement", "placement", "skip-trace:bureau",
                                           "debtor"};
  return rng.pick(std::span<const std::string_view>(kSources));
}

// Provenance of a contact point first seen `back` days before `from`: source, then status, then last seen.
Provenance provenance(Rng& rng, Date from, int back, Date as_of, int current, int unverified) {
  Provenance p;
  p.first_seen = from.plus_days(-back);
  p.source = std::string(current_source(rng));
  p.status = status_of(rng, current, unverified);
  if (p.status == ContactStatus::current || rng.percent(40)) {
    const int span = as_of - p.first_seen;
    p.last_seen = as_of.plus_days(-rng.days(0, std::min(span, 90)));
  }
  return p;
}

std::string phone_number(Rng& rng, const std::string& prefix, int count) {
  return prefix + digits(rng, count);
}

struct PartyContext {
  Country country;
  Date as_of;
  Date opened;
  Date placed;
};

Party make_party(Rng& rng, const PartyContext& ctx, std::string id, PartyRole role, const Place& home,
                 const Party* household) {
  const demo_data::NameTables& names = names_of(ctx.country);
  Party party;
  party.id = std::move(id);
  party.role = role;
  party.given_name = rng.pick(names.given);
  party.family_name = household != nullptr ? household->family_name : std::string(rng.pick(names.family));
  const Date birth = ctx.opened.plus_days(-rng.days(18 * 366, 62 * 365));
  if (rng.percent(92)) party.birth_date = birth;
  if (rng.percent(85))
    party.national_id = demo_key().secret_id(national_id_text(rng, ctx.country, birth, home));

  // Addresses, current first, then the earlier ones going back in time.
  const int address_count = 1 + static_cast<int>(rng.weighted(std::array<int, 3>{60, 28, 12}));
  std::vector<Place> places{home};
  Address home_address{home.postal, home.zone, rng.percent(97), {}};
  home_address.provenance = provenance(rng, ctx.placed, rng.days(30, 2400), ctx.as_of, 75, 15);
  Date first_seen = home_address.provenance.first_seen;
  party.addresses.push_back(std::move(home_address));
  for (int k = 1; k < address_count; ++k) {
    Place earlier = random_place(rng, ctx.country);
    const Date last_seen = first_seen.plus_days(-rng.days(0, 30));
    first_seen = last_seen.plus_days(-rng.days(180, 2500));
    Address a{earlier.postal, earlier.zone, true, {}};
    a.provenance.source = rng.percent(60) ? "placement" : "skip-trace:post-office";
    a.provenance.first_seen = first_seen;
    a.provenance.last_seen = last_seen;
    a.provenance.status = rng.percent(70) ? ContactStatus::bad : ContactStatus::unverified;
    party.addresses.push_back(std::move(a));
    places.push_back(std::move(earlier));
  }

  // Phones: a mobile keeps the number (and the zones) of where it was first taken out.
  const auto add_phone = [&](PhoneKind kind, const Place& where, int current, int unverified) {
    const bool mobile = kind == PhoneKind::mobile;
    std::string number;
    for (int attempt = 0; attempt < 8; ++attempt) {
      number = mobile ? phone_number(rng, where.mobile_prefix, where.mobile_digits)
                      : phone_number(rng, where.landline_prefix, where.landline_digits);
      const bool taken = std::any_of(party.phones.begin(), party.phones.end(),
                                     [&](const Phone& p) { return p.number == number; });
      if (!taken) break;
      number.clear();
    }
    if (number.empty()) return;
    Phone phone;
    phone.number = std::move(number);
    phone.kind = kind;
    phone.time_zones = where.phone_zones;
    phone.consent_call = rng.percent(94);
    phone.consent_text = mobile && rng.percent(35);
    phone.provenance = provenance(rng, ctx.placed, rng.days(0, 1500), ctx.as_of, current, unverified);
    party.phones.push_back(std::move(phone));
  };
  const int phone_count = 1 + static_cast<int>(rng.weighted(std::array<int, 3>{50, 35, 15}));
  if (rng.percent(80)) {
    add_phone(PhoneKind::mobile, places.back(), 60, 25);
  } else {
    add_phone(PhoneKind::home, home, 60, 25);
  }
  for (int k = 1; k < phone_count; ++k) {
    const std::size_t kind = rng.weighted(std::array<int, 3>{40, 40, 20});
    const PhoneKind pk = kind == 0 ? PhoneKind::home : kind == 1 ? PhoneKind::mobile : PhoneKind::work;
    add_phone(pk, pk == PhoneKind::mobile ? places[rng.below(places.size())] : home, 35, 35);
  }

  // Emails at the reserved example domains.
  constexpr std::string_view kDomains[] = {"example.com", "example.org", "example.net"};
  const int email_count = static_cast<int>(rng.weighted(std::array<int, 3>{35, 50, 15}));
  for (int k = 0; k < email_count; ++k) {
    Email email;
    const std::int64_t suffix = rng.between(1, 99);
    email.address = email_word(party.given_name) + "." + email_word(party.family_name) +
                    std::to_string(suffix) + "@" +
                    std::string(rng.pick(std::span<const std::string_view>(kDomains)));
    email.consent_email = rng.percent(40);
    email.provenance = provenance(rng, ctx.placed, rng.days(0, 900), ctx.as_of, 55, 35);
    party.emails.push_back(std::move(email));
  }
  return party;
}

// [SECTION] Accounts --------------------------------------------------------------------------------------------------

std::string language_of(Country country) {
  return country == Country::us ? "en-US" : country == Country::uk ? "en-GB" : "fr-FR";
}

// The years a suit on a written consumer contract may be brought, as the demo's creditor clients state them when
// they place a debt (the client, not Parley, decides a debt's time bar: debt type, tolling and revival vary).
int limitation_years(std::string_view jurisdiction) {
  struct Limitation {
    std::string_view jurisdiction;
    int years;
  };
  static constexpr Limitation kLimitations[] = {
      {"US-AK", 3}, {"US-AZ", 6}, {"US-CA", 4}, {"US-CO", 6}, {"US-FL", 5}, {"US-GA", 6},  {"US-HI", 6},
      {"US-ID", 5}, {"US-IL", 10}, {"US-IN", 6}, {"US-MA", 6}, {"US-MI", 6}, {"US-NY", 3}, {"US-TN", 6},
      {"US-TX", 4}, {"US-WA", 6}, {"GB-ENG", 6}, {"GB-WLS", 6}, {"GB-SCT", 5}, {"FR", 2}};
  for (const Limitation& l : kLimitations) {
    if (l.jurisdiction == jurisdiction) return l.years;
  }
  return 6;
}

Account make_account(int index, Rng& rng, const DemoClient& dc, Date as_of) {
  const ClientSpec& spec = dc.spec;
  const Currency cur = dc.client.currency;
  Account account;
  account.id = "A" + padded(index + 1, 6);
  account.client_id = dc.client.id;
  account.currency = cur;
  account.original_creditor =
      std::string(!spec.affiliate.empty() && rng.percent(30) ? spec.affiliate : spec.original_creditor);
  const std::int64_t leading_digit = rng.between(1, 9);
  account.original_account_number =
      demo_key().secret_id(std::to_string(leading_digit) + digits(rng, spec.account_digits - 1));

  // Days past due across the aging buckets; most placements are old debt.
  const std::size_t bucket = rng.weighted(std::array<int, 5>{8, 14, 15, 15, 48});
  constexpr int kBucketLo[5] = {1, 31, 61, 91, 121};
  constexpr int kBucketHi[5] = {30, 60, 90, 120, 1460};
  const int dpd = bucket == 4 ? 121 + static_cast<int>(rng.skewed(0, kBucketHi[4] - 121))
                              : rng.days(kBucketLo[bucket], kBucketHi[bucket]);
  account.first_delinquency = as_of.plus_days(-dpd);
  account.opened = account.first_delinquency.plus_days(-rng.days(120, 3650));

  const std::int64_t principal = rng.skewed(spec.principal_lo, spec.principal_hi);
  Date earliest_placement = account.first_delinquency;
  if (spec.charge_off_dpd > 0 && dpd >= spec.charge_off_dpd) {
    const Date date = account.first_delinquency.plus_days(spec.charge_off_dpd);
    account.charge_off = ChargeOff{date, Money(principal, cur)};
    earliest_placement = date;
  }
  account.placed = as_of.plus_days(-rng.days(0, std::min(as_of - earliest_placement, 180)));

  // The balance, itemised from the charge-off date, or else from the last statement before delinquency.
  Balance& b = account.balance;
  b.itemisation_date = account.charge_off ? account.charge_off->date : account.first_delinquency;
  b.principal = Money(principal, cur);
  std::int64_t interest = 0;
  if (spec.interest_bp_max > 0 && rng.percent(80)) {
    interest = principal * rng.between(0, spec.interest_bp_max) / 10000;
  }
  std::int64_t fees = 0;
  if (spec.fee_percent > 0 && rng.percent(spec.fee_percent)) fees = spec.fee_unit * rng.between(1, 3);
  b.interest = Money(interest, cur);
  b.fees = Money(fees, cur);
  std::int64_t payments = 0;
  if (rng.percent(20)) payments = rng.between(1, (principal + interest + fees) * 30 / 100);
  std::int64_t credits = 0;
  if (rng.percent(6)) credits = rng.between(1, principal * 5 / 100 + 1);
  b.payments = Money(payments, cur);
  b.credits = Money(credits, cur);

  // The last payment: after itemisation when payments were made since; otherwise often just before default.
  if (payments > 0) {
    const int since = as_of - b.itemisation_date;
    const Date date = b.itemisation_date.plus_days(rng.days(std::min(1, since), since));
    account.last_payment =
        LastPayment{date, Money(rng.between(std::max<std::int64_t>(1, payments / 3), payments), cur)};
  } else if (rng.percent(65)) {
    const Date date = account.first_delinquency.plus_days(-rng.days(1, 60));
    account.last_payment = LastPayment{date, Money(rng.between(principal / 60 + 1, principal / 12 + 1), cur)};
  }

  // Parties: the debtor, sometimes a co-signer (often of the same household) or a guarantor.
  const PartyContext ctx{spec.country, as_of, account.opened, account.placed};
  const Place home = random_place(rng, spec.country);
  account.parties.push_back(make_party(rng, ctx, "p1", PartyRole::debtor, home, nullptr));
  if (rng.percent(spec.co_signer_percent)) {
    const bool household = rng.percent(50);
    const Place where = household ? home : random_place(rng, spec.country);
    account.parties.push_back(make_party(rng, ctx, "p2", PartyRole::co_signer, where,
                                         household ? &account.parties.front() : nullptr));
  } else if (rng.percent(spec.guarantor_percent)) {
    account.parties.push_back(
        make_party(rng, ctx, "p2", PartyRole::guarantor, random_place(rng, spec.country), nullptr));
  }
  account.jurisdiction = home.jurisdiction;
  account.language = language_of(spec.country);
  // Time-barred the given years after default, or after the last payment when that came later.
  const Date limitation_start = account.last_payment && account.last_payment->date > account.first_delinquency
                                    ? account.last_payment->date
                                    : account.first_delinquency;
  account.time_barred_from = limitation_start.plus_months(12 * limitation_years(account.jurisdiction));

  // Risk: large, mid-aged balances with no working phone need action first; small or very old ones least.
  const std::int64_t total = principal + interest + fees - payments - credits;
  int score = static_cast<int>(rng.below(3));
  if (total * 3 > spec.principal_hi) score += 2;
  if (dpd > 60 && dpd <= 240) score += 2;
  if (dpd <= 60) score += 1;
  const Party& debtor = account.parties.front();
  const bool reachable = std::any_of(debtor.phones.begin(), debtor.phones.end(), [](const Phone& p) {
    return p.provenance.status != ContactStatus::bad;
  });
  if (!reachable) score += 1;
  account.risk = score >= 5 ? RiskTier::high : score <= 2 ? RiskTier::low : RiskTier::medium;
  return account;
}

Date min_as_of() {
  return *Date::from_ymd(2000, 1, 1);
}
Date max_as_of() {
  return *Date::from_ymd(2199, 12, 31);
}

}  // namespace

// [SECTION] Public API ------------------------------------------------------------------------------------------------

Problems check_demo_settings(const DemoSettings& settings) {
  Problems problems;
  if (settings.accounts < 1 || settings.accounts > kMaxAccounts) {
    problems.push_back(
        {"accounts", "must be between 1 and 100,000 (got " + std::to_string(settings.accounts) + ")"});
  }
  if (settings.as_of < min_as_of() || settings.as_of > max_as_of()) {
    problems.push_back(
        {"as_of", "must be between 2000-01-01 and 2199-12-31 (got " + settings.as_of.iso() + ")"});
  }
  return problems;
}

Portfolio generate_demo_portfolio(const DemoSettings& settings) {
  const int count = std::clamp(settings.accounts, 1, kMaxAccounts);
  const Date as_of = std::clamp(settings.as_of, min_as_of(), max_as_of());
  std::vector<DemoClient> clients = demo_clients();

  Portfolio portfolio;
  portfolio.as_of = as_of;
  portfolio.agency = Agency{"Northfield Associates",
                            PostalAddress{{"200 Summer Street", "Floor 4"}, "Boston", "MA", "02210", "US"},
                            "+16175550100",
                            "America/New_York"};
  std::vector<int> weights;
  for (const DemoClient& dc : clients) weights.push_back(dc.spec.weight);
  portfolio.accounts.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    // Each account draws from its own stream: account i is the same whatever the count.
    Rng rng(account_seed(settings.seed, static_cast<std::uint64_t>(i)));
    const DemoClient& dc = clients[rng.weighted(weights)];
    portfolio.accounts.push_back(make_account(i, rng, dc, as_of));
  }
  for (DemoClient& dc : clients) portfolio.clients.push_back(std::move(dc.client));
  return portfolio;
}

}  // namespace parley
