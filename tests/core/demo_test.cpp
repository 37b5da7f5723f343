// The demo portfolio: deterministic per seed, valid, realistic in spread, and its settings checked by field.
#include "parley/demo.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "parley/portfolio_json.h"
#include "parley/secret.h"
#include "parley/zones.h"

namespace parley {
namespace {

DemoSettings settings_with(std::uint64_t seed, int accounts) {
  DemoSettings s;
  s.seed = seed;
  s.accounts = accounts;
  return s;
}

TEST(Demo, SameSeedGivesIdenticalPortfolio) {
  const Portfolio a = generate_demo_portfolio(settings_with(42, 300));
  const Portfolio b = generate_demo_portfolio(settings_with(42, 300));
  EXPECT_TRUE(a == b);
  EXPECT_EQ(save_portfolio(a), save_portfolio(b));
}

TEST(Demo, DifferentSeedGivesDifferentPortfolio) {
  const Portfolio a = generate_demo_portfolio(settings_with(1, 300));
  const Portfolio b = generate_demo_portfolio(settings_with(2, 300));
  EXPECT_FALSE(a == b);
  // Not merely one field: most accounts differ.
  int differing = 0;
  for (std::size_t i = 0; i < a.accounts.size(); ++i) differing += a.accounts[i] == b.accounts[i] ? 0 : 1;
  EXPECT_GT(differing, 290);
}

TEST(Demo, AccountsDoNotDependOnTheCount) {
  const Portfolio small = generate_demo_portfolio(settings_with(7, 50));
  const Portfolio large = generate_demo_portfolio(settings_with(7, 400));
  ASSERT_EQ(small.accounts.size(), 50u);
  for (std::size_t i = 0; i < small.accounts.size(); ++i)
    EXPECT_EQ(small.accounts[i], large.accounts[i]) << i;
}

TEST(Demo, CountsAndAsOf) {
  DemoSettings s = settings_with(9, 1234);
  s.as_of = *Date::from_ymd(2025, 6, 30);
  const Portfolio p = generate_demo_portfolio(s);
  EXPECT_EQ(p.accounts.size(), 1234u);
  EXPECT_GE(p.clients.size(), 4u);
  EXPECT_EQ(p.as_of, s.as_of);
  std::set<std::string> ids;
  for (const Account& a : p.accounts) {
    ids.insert(a.id);
    EXPECT_LE(a.placed, p.as_of) << a.id;
    EXPECT_LE(a.first_delinquency, a.placed) << a.id;
    EXPECT_LT(a.opened, a.first_delinquency) << a.id;
  }
  EXPECT_EQ(ids.size(), p.accounts.size());
}

TEST(Demo, EveryAccountsClientExistsAndSharesItsCurrency) {
  const Portfolio p = generate_demo_portfolio(settings_with(3, 1000));
  std::set<std::string> used;
  for (const Account& a : p.accounts) {
    const Client* c = p.find_client(a.client_id);
    ASSERT_NE(c, nullptr) << a.id << " names client " << a.client_id;
    EXPECT_EQ(c->currency, a.currency) << a.id;
    used.insert(a.client_id);
  }
  EXPECT_EQ(used.size(), p.clients.size()) << "every client has accounts in a 1,000-account portfolio";
  // Clients differ in what they authorise.
  std::set<int> floors;
  std::set<int> terms;
  for (const Client& c : p.clients) {
    floors.insert(c.policy.settlement_floor_bp);
    terms.insert(c.policy.max_term_months);
  }
  EXPECT_GE(floors.size(), 4u);
  EXPECT_GE(terms.size(), 3u);
}

TEST(Demo, PassesValidation) {
  const Portfolio p = generate_demo_portfolio(settings_with(2026, 2000));
  const Problems problems = validate_portfolio(p);
  for (std::size_t i = 0; i < problems.size() && i < 20; ++i) ADD_FAILURE() << problems[i].text();
  EXPECT_TRUE(problems.empty()) << problems.size() << " problems";
}

TEST(Demo, RoundTripsThroughJson) {
  const Portfolio p = generate_demo_portfolio(settings_with(5, 500));
  const PortfolioLoad loaded = load_portfolio(save_portfolio(p));
  ASSERT_TRUE(loaded.ok()) << (loaded.problems.empty() ? "" : loaded.problems.front().text());
  EXPECT_TRUE(*loaded.portfolio == p);
}

TEST(Demo, SpreadOverCountriesBucketsAndTiers) {
  const Portfolio p = generate_demo_portfolio(settings_with(11, 2000));
  std::map<std::string, int> countries;
  std::map<std::string, int> jurisdictions;
  std::map<AgingBucket, int> buckets;
  std::map<RiskTier, int> tiers;
  std::set<std::string> zones;
  int co_parties = 0;
  int with_history = 0;
  int two_zone_phones = 0;
  int charged_off = 0;
  int last_paid = 0;
  for (const Account& a : p.accounts) {
    const Party* debtor = a.debtor();
    ASSERT_NE(debtor, nullptr) << a.id;
    ASSERT_FALSE(debtor->addresses.empty()) << a.id;
    const std::string& country = debtor->addresses.front().postal.country;
    ++countries[country];
    ++jurisdictions[a.jurisdiction];
    ++buckets[aging_bucket(a.days_past_due(p.as_of))];
    ++tiers[a.risk];
    co_parties += a.parties.size() > 1 ? 1 : 0;
    with_history += debtor->addresses.size() > 1 ? 1 : 0;
    charged_off += a.charge_off ? 1 : 0;
    last_paid += a.last_payment ? 1 : 0;
    EXPECT_GT(a.balance.total().minor(), 0) << a.id;
    EXPECT_EQ(a.language, country == "US" ? "en-US" : country == "GB" ? "en-GB" : "fr-FR") << a.id;
    for (const Address& ad : debtor->addresses) zones.insert(ad.time_zone);
    for (const Phone& ph : debtor->phones) {
      two_zone_phones += ph.time_zones.size() > 1 ? 1 : 0;
      for (const std::string& z : ph.time_zones) EXPECT_TRUE(is_known_time_zone(z)) << z;
    }
  }
  EXPECT_GT(countries["US"], 800);
  EXPECT_GT(countries["GB"], 300);
  EXPECT_GT(countries["FR"], 150);
  EXPECT_EQ(countries.size(), 3u);
  EXPECT_GT(jurisdictions["GB-ENG"], 0);
  EXPECT_GT(jurisdictions["GB-SCT"], 0);
  EXPECT_GT(jurisdictions["US-AZ"], 0);
  EXPECT_GT(jurisdictions["US-HI"], 0);
  EXPECT_GE(jurisdictions.size(), 15u);
  for (AgingBucket b : {AgingBucket::d0_30, AgingBucket::d31_60, AgingBucket::d61_90, AgingBucket::d91_120,
                        AgingBucket::d120_plus}) {
    EXPECT_GT(buckets[b], 60) << to_string(b);
  }
  for (RiskTier t : {RiskTier::high, RiskTier::medium, RiskTier::low})
    EXPECT_GT(tiers[t], 100) << to_string(t);
  EXPECT_TRUE(zones.count("America/Phoenix") && zones.count("Pacific/Honolulu") &&
              zones.count("Europe/London") && zones.count("Europe/Paris"));
  EXPECT_GT(co_parties, 50);
  EXPECT_GT(with_history, 300);
  EXPECT_GT(two_zone_phones, 5);
  EXPECT_GT(charged_off, 100);
  EXPECT_GT(last_paid, 500);
}

TEST(Demo, SecretsAreHashedNotClear) {
  const Portfolio p = generate_demo_portfolio(settings_with(8, 200));
  for (const Account& a : p.accounts) {
    EXPECT_EQ(a.original_account_number.keyed_hash.size(), 64u) << a.id;
    EXPECT_EQ(a.original_account_number.last4.size(), 4u) << a.id;
  }
}

TEST(Demo, CheckSettingsNamesTheField) {
  EXPECT_TRUE(check_demo_settings(settings_with(1, 1)).empty());
  EXPECT_TRUE(check_demo_settings(settings_with(1, 100000)).empty());
  for (int bad : {0, -5, 100001}) {
    const Problems problems = check_demo_settings(settings_with(1, bad));
    ASSERT_EQ(problems.size(), 1u) << bad;
    EXPECT_EQ(problems[0].path, "accounts");
    EXPECT_NE(problems[0].message.find("100,000"), std::string::npos);
  }
  DemoSettings s;
  s.as_of = *Date::from_ymd(1850, 1, 1);
  const Problems problems = check_demo_settings(s);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "as_of");
}

TEST(Demo, OutOfRangeSettingsAreClamped) {
  EXPECT_EQ(generate_demo_portfolio(settings_with(1, 0)).accounts.size(), 1u);
  EXPECT_EQ(generate_demo_portfolio(settings_with(1, 100001)).accounts.size(), 100000u);
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

// Every generated value of a party, in a fixed text form independent of the JSON format.
void fingerprint_party(std::string& out, const Party& party) {
  out += party.id + "|" + std::string(to_string(party.role)) + "|" + party.given_name + "|" +
         party.family_name + "|";
  out += party.birth_date ? party.birth_date->iso() : "-";
  out += party.national_id ? party.national_id->last4 + party.national_id->keyed_hash : "-";
  for (const Address& a : party.addresses) {
    for (const std::string& line : a.postal.lines) out += line + ";";
    out += a.postal.city + a.postal.region + a.postal.postal_code + a.postal.country + a.time_zone;
    out += (a.consent_mail ? "m" : "-") + a.provenance.source + a.provenance.first_seen.iso();
    out += (a.provenance.last_seen ? a.provenance.last_seen->iso() : "-") +
           std::string(to_string(a.provenance.status));
  }
  for (const Phone& p : party.phones) {
    out += p.number + std::string(to_string(p.kind)) + (p.consent_call ? "c" : "-") +
           (p.consent_text ? "t" : "-");
    for (const std::string& z : p.time_zones) out += z + ",";
    out += p.provenance.source + p.provenance.first_seen.iso() + std::string(to_string(p.provenance.status));
  }
  for (const Email& e : party.emails) out += e.address + (e.consent_email ? "e" : "-") + e.provenance.source;
}

std::string fingerprint(const Portfolio& p) {
  std::string out = p.as_of.iso();
  for (const Client& c : p.clients) out += c.id + std::string(c.currency.code());
  for (const Account& a : p.accounts) {
    out += a.id + a.client_id + a.original_creditor + a.original_account_number.keyed_hash + a.opened.iso() +
           a.first_delinquency.iso() + a.placed.iso() + a.jurisdiction + a.language +
           std::string(to_string(a.risk));
    out += a.charge_off ? a.charge_off->date.iso() + std::to_string(a.charge_off->amount.minor()) : "-";
    out += a.last_payment ? a.last_payment->date.iso() + std::to_string(a.last_payment->amount.minor()) : "-";
    const Balance& b = a.balance;
    for (const Money m : {b.principal, b.interest, b.fees, b.payments, b.credits})
      out += std::to_string(m.minor()) + ",";
    out += b.itemisation_date.iso();
    for (const Party& party : a.parties) fingerprint_party(out, party);
    out += "\n";
  }
  return out;
}

// The same digest natively (libstdc++) and in WebAssembly (libc++): the generator draws only integers from
// its own stream, and never depends on the order in which a compiler evaluates arguments.
TEST(Demo, SameBytesOnEveryHost) {
  const Portfolio p = generate_demo_portfolio(settings_with(20261102, 300));
  EXPECT_EQ(to_hex(sha256(fingerprint(p))),
            "4c1bc016bf186cde7bd1b9fc0f387a13d893aa1c41ecfed9e31d6d7cec6f4a25");
}

}  // namespace
}  // namespace parley
