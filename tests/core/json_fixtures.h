#pragma once
// Test data for the portfolio JSON tests: a hand-built portfolio that sets and unsets every optional member,
// and the text of docs/examples/portfolio-small.json (the same portfolio saved with an indent of 2).
//
// The text is embedded because the wasm test run under node has no file system; a native-only test checks
// that the file on disk still holds exactly this text.

#include <string_view>

#include "parley/portfolio.h"

namespace parley::testdata {

inline Date day(int y, int m, int d) {
  return Date::from_ymd(y, m, d).value_or(Date{});
}

inline constexpr std::string_view kHashA = "5f0c3a8e1d9b47c2a6e8f01b3c5d7e9fa2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1";
inline constexpr std::string_view kHashB = "0e4d6c8b2a1f3e5d7c9b1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e30";

// 2 clients (USD and EUR), 3 accounts; accounts[0] sets every optional member, accounts[1] none.
inline Portfolio sample_portfolio() {
  const Currency usd = *Currency::find("USD");
  const Currency eur = *Currency::find("EUR");
  Portfolio p;
  p.as_of = day(2026, 3, 8);

  Client northwind;
  northwind.id = "C-01";
  northwind.name = "Northwind Bank";
  northwind.address = PostalAddress{{"100 Federal Street", "Floor 12"}, "Boston", "MA", "02110", "US"};
  northwind.currency = usd;
  Policy& np = northwind.policy;
  np.max_term_months = 24;
  np.min_instalment = Money(2500, usd);
  np.min_down_payment_bp = 1000;
  np.allowed_frequencies = {Frequency::monthly, Frequency::fortnightly};
  np.max_interest_rate_bp = 0;
  np.max_setup_fee = Money(0, usd);
  np.convenience_fees = {ConvenienceFee{PaymentMethod::card, Money(300, usd)}};
  np.settlement_floor_bp = 6000;
  np.collector_below_floor_bp = 200;
  np.supervisor_below_floor_bp = 500;
  np.max_settlement_payments = 3;
  np.supervisor_term_months = 12;
  p.clients.push_back(northwind);

  Client lumiere;
  lumiere.id = "C-02";
  lumiere.name = "Banque Lumi\xC3\xA8re";
  lumiere.address = PostalAddress{{"8 rue de la Paix"}, "Paris", "75", "75002", "FR"};
  lumiere.currency = eur;
  Policy& lp = lumiere.policy;
  lp.max_term_months = 12;
  lp.min_instalment = Money(3000, eur);
  lp.min_down_payment_bp = 0;
  lp.allowed_frequencies = {Frequency::monthly};
  lp.max_interest_rate_bp = 350;
  lp.max_setup_fee = Money(1500, eur);
  lp.settlement_floor_bp = 7000;
  lp.collector_below_floor_bp = 0;
  lp.supervisor_below_floor_bp = 500;
  lp.max_settlement_payments = 1;
  lp.supervisor_term_months = 0;
  lp.waterfall = {BalancePart::interest, BalancePart::fees, BalancePart::principal};
  p.clients.push_back(lumiere);

  // accounts[0]: every optional member set (and a co-signer with none).
  Account a1;
  a1.id = "A-0001";
  a1.client_id = "C-01";
  a1.currency = usd;
  a1.original_creditor = "Northwind Bank Visa";
  a1.original_account_number = SecretId{"4821", std::string(kHashA)};
  a1.opened = day(2019, 4, 15);
  a1.first_delinquency = day(2024, 9, 1);
  a1.charge_off = ChargeOff{day(2025, 3, 31), Money(131250, usd)};
  a1.last_payment = LastPayment{day(2024, 8, 15), Money(5000, usd)};
  a1.placed = day(2025, 11, 3);
  a1.balance = Balance{day(2025, 3, 31), Money(125000, usd), Money(4210, usd),
                       Money(2040, usd), Money(1500, usd),   Money(0, usd)};
  a1.jurisdiction = "US-MA";
  a1.language = "en-US";
  a1.risk = RiskTier::high;
  Party dana;
  dana.id = "P-1";
  dana.role = PartyRole::debtor;
  dana.given_name = "Dana";
  dana.family_name = "Reyes";
  dana.birth_date = day(1984, 7, 9);
  dana.national_id = SecretId{"6789", std::string(kHashB)};
  dana.addresses.push_back(Address{
      PostalAddress{{"12 Elm Street", "Apt 3"}, "Somerville", "MA", "02143", "US"}, "America/New_York", true,
      Provenance{"placement", day(2025, 11, 3), std::nullopt, ContactStatus::current}});
  dana.addresses.push_back(
      Address{PostalAddress{{"40 Pine Road"}, "Worcester", "MA", "01602", "US"}, "America/New_York", false,
              Provenance{"skip-trace:bureau", day(2022, 1, 10), day(2024, 12, 1), ContactStatus::bad}});
  dana.phones.push_back(
      Phone{"+16175550123",
            PhoneKind::mobile,
            {"America/New_York"},
            true,
            false,
            Provenance{"placement", day(2025, 11, 3), std::nullopt, ContactStatus::unverified}});
  dana.emails.push_back(
      Email{"dana.reyes@example.com", true,
            Provenance{"debtor", day(2025, 12, 1), day(2026, 2, 14), ContactStatus::current}});
  a1.parties.push_back(dana);
  Party luis;
  luis.id = "P-2";
  luis.role = PartyRole::co_signer;
  luis.given_name = "Luis";
  luis.family_name = "Reyes";
  luis.phones.push_back(
      Phone{"+19565550142",
            PhoneKind::home,
            {"America/Chicago", "America/Denver"},
            true,
            false,
            Provenance{"placement", day(2025, 11, 3), std::nullopt, ContactStatus::unverified}});
  a1.parties.push_back(luis);
  p.accounts.push_back(a1);

  // accounts[1]: no optional member set.
  Account a2;
  a2.id = "A-0002";
  a2.client_id = "C-01";
  a2.currency = usd;
  a2.original_creditor = "Northwind Bank";
  a2.original_account_number = SecretId{"0077", std::string(kHashB)};
  a2.opened = day(2022, 2, 1);
  a2.first_delinquency = day(2025, 6, 20);
  a2.placed = day(2026, 1, 20);
  a2.balance = Balance{day(2025, 12, 31), Money(48000, usd), Money(0, usd),
                       Money(0, usd),     Money(0, usd),     Money(0, usd)};
  a2.jurisdiction = "US-TX";
  a2.language = "es-US";
  a2.risk = RiskTier::medium;
  Party morgan;
  morgan.id = "P-1";
  morgan.role = PartyRole::debtor;
  morgan.given_name = "Morgan";
  morgan.family_name = "Blake";
  morgan.addresses.push_back(
      Address{PostalAddress{{"7 Ranch Road"}, "Austin", "TX", "78701", "US"}, "America/Chicago", true,
              Provenance{"placement", day(2026, 1, 20), std::nullopt, ContactStatus::unverified}});
  a2.parties.push_back(morgan);
  p.accounts.push_back(a2);

  // accounts[2]: in euros, a French debtor; some optional members set.
  Account a3;
  a3.id = "A-0003";
  a3.client_id = "C-02";
  a3.currency = eur;
  a3.original_creditor =
      "Banque Lumi\xC3\xA8re Cr\xC3\xA9"
      "dit Conso";
  a3.original_account_number = SecretId{"3310", std::string(kHashA)};
  a3.opened = day(2021, 6, 1);
  a3.first_delinquency = day(2025, 2, 10);
  a3.last_payment = LastPayment{day(2025, 1, 28), Money(12000, eur)};
  a3.placed = day(2026, 2, 2);
  a3.balance = Balance{day(2025, 8, 10), Money(298000, eur), Money(0, eur),
                       Money(4000, eur), Money(20000, eur),  Money(5000, eur)};
  a3.jurisdiction = "FR";
  a3.language = "fr-FR";
  a3.risk = RiskTier::low;
  Party camille;
  camille.id = "P-1";
  camille.role = PartyRole::debtor;
  camille.given_name = "Camille";
  camille.family_name = "Martin";
  camille.birth_date = day(1991, 11, 23);
  camille.addresses.push_back(Address{
      PostalAddress{{"3 all\xC3\xA9"
                     "e des Tilleuls"},
                    "Lyon",
                    "69",
                    "69003",
                    "FR"},
      "Europe/Paris", true, Provenance{"placement", day(2026, 2, 2), std::nullopt, ContactStatus::current}});
  camille.phones.push_back(
      Phone{"+33612345678",
            PhoneKind::mobile,
            {"Europe/Paris"},
            true,
            true,
            Provenance{"placement", day(2026, 2, 2), std::nullopt, ContactStatus::current}});
  camille.emails.push_back(
      Email{"camille.martin@example.fr", false,
            Provenance{"placement", day(2025, 6, 1), std::nullopt, ContactStatus::unverified}});
  a3.parties.push_back(camille);
  p.accounts.push_back(a3);
  return p;
}

// The text of docs/examples/portfolio-small.json.
inline constexpr std::string_view sample_file_text = R"json({
  "format": "parley.portfolio/1",
  "as_of": "2026-03-08",
  "clients": [
    {
      "id": "C-01",
      "name": "Northwind Bank",
      "address": {
        "lines": [
          "100 Federal Street",
          "Floor 12"
        ],
        "city": "Boston",
        "region": "MA",
        "postal_code": "02110",
        "country": "US"
      },
      "currency": "USD",
      "policy": {
        "max_term_months": 24,
        "min_instalment": 2500,
        "min_down_payment_bp": 1000,
        "allowed_frequencies": [
          "monthly",
          "fortnightly"
        ],
        "max_interest_rate_bp": 0,
        "max_setup_fee": 0,
        "convenience_fees": [
          {
            "method": "card",
            "max_fee": 300
          }
        ],
        "settlement_floor_bp": 6000,
        "collector_below_floor_bp": 200,
        "supervisor_below_floor_bp": 500,
        "max_settlement_payments": 3,
        "supervisor_term_months": 12,
        "waterfall": [
          "fees",
          "interest",
          "principal"
        ]
      }
    },
    {
      "id": "C-02",
      "name": "Banque Lumière",
      "address": {
        "lines": [
          "8 rue de la Paix"
        ],
        "city": "Paris",
        "region": "75",
        "postal_code": "75002",
        "country": "FR"
      },
      "currency": "EUR",
      "policy": {
        "max_term_months": 12,
        "min_instalment": 3000,
        "min_down_payment_bp": 0,
        "allowed_frequencies": [
          "monthly"
        ],
        "max_interest_rate_bp": 350,
        "max_setup_fee": 1500,
        "convenience_fees": [],
        "settlement_floor_bp": 7000,
        "collector_below_floor_bp": 0,
        "supervisor_below_floor_bp": 500,
        "max_settlement_payments": 1,
        "supervisor_term_months": 0,
        "waterfall": [
          "interest",
          "fees",
          "principal"
        ]
      }
    }
  ],
  "accounts": [
    {
      "id": "A-0001",
      "client_id": "C-01",
      "currency": "USD",
      "original_creditor": "Northwind Bank Visa",
      "original_account_number": {
        "last4": "4821",
        "keyed_hash": "5f0c3a8e1d9b47c2a6e8f01b3c5d7e9fa2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1"
      },
      "opened": "2019-04-15",
      "first_delinquency": "2024-09-01",
      "charge_off": {
        "date": "2025-03-31",
        "amount": 131250
      },
      "last_payment": {
        "date": "2024-08-15",
        "amount": 5000
      },
      "placed": "2025-11-03",
      "balance": {
        "itemisation_date": "2025-03-31",
        "principal": 125000,
        "interest": 4210,
        "fees": 2040,
        "payments": 1500,
        "credits": 0
      },
      "jurisdiction": "US-MA",
      "language": "en-US",
      "risk": "high",
      "parties": [
        {
          "id": "P-1",
          "role": "debtor",
          "given_name": "Dana",
          "family_name": "Reyes",
          "birth_date": "1984-07-09",
          "national_id": {
            "last4": "6789",
            "keyed_hash": "0e4d6c8b2a1f3e5d7c9b1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e30"
          },
          "addresses": [
            {
              "lines": [
                "12 Elm Street",
                "Apt 3"
              ],
              "city": "Somerville",
              "region": "MA",
              "postal_code": "02143",
              "country": "US",
              "time_zone": "America/New_York",
              "consent_mail": true,
              "source": "placement",
              "first_seen": "2025-11-03",
              "status": "current"
            },
            {
              "lines": [
                "40 Pine Road"
              ],
              "city": "Worcester",
              "region": "MA",
              "postal_code": "01602",
              "country": "US",
              "time_zone": "America/New_York",
              "consent_mail": false,
              "source": "skip-trace:bureau",
              "first_seen": "2022-01-10",
              "last_seen": "2024-12-01",
              "status": "bad"
            }
          ],
          "phones": [
            {
              "number": "+16175550123",
              "kind": "mobile",
              "time_zones": [
                "America/New_York"
              ],
              "consent_call": true,
              "consent_text": false,
              "source": "placement",
              "first_seen": "2025-11-03",
              "status": "unverified"
            }
          ],
          "emails": [
            {
              "address": "dana.reyes@example.com",
              "consent_email": true,
              "source": "debtor",
              "first_seen": "2025-12-01",
              "last_seen": "2026-02-14",
              "status": "current"
            }
          ]
        },
        {
          "id": "P-2",
          "role": "co-signer",
          "given_name": "Luis",
          "family_name": "Reyes",
          "addresses": [],
          "phones": [
            {
              "number": "+19565550142",
              "kind": "home",
              "time_zones": [
                "America/Chicago",
                "America/Denver"
              ],
              "consent_call": true,
              "consent_text": false,
              "source": "placement",
              "first_seen": "2025-11-03",
              "status": "unverified"
            }
          ],
          "emails": []
        }
      ]
    },
    {
      "id": "A-0002",
      "client_id": "C-01",
      "currency": "USD",
      "original_creditor": "Northwind Bank",
      "original_account_number": {
        "last4": "0077",
        "keyed_hash": "0e4d6c8b2a1f3e5d7c9b1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e30"
      },
      "opened": "2022-02-01",
      "first_delinquency": "2025-06-20",
      "placed": "2026-01-20",
      "balance": {
        "itemisation_date": "2025-12-31",
        "principal": 48000,
        "interest": 0,
        "fees": 0,
        "payments": 0,
        "credits": 0
      },
      "jurisdiction": "US-TX",
      "language": "es-US",
      "risk": "medium",
      "parties": [
        {
          "id": "P-1",
          "role": "debtor",
          "given_name": "Morgan",
          "family_name": "Blake",
          "addresses": [
            {
              "lines": [
                "7 Ranch Road"
              ],
              "city": "Austin",
              "region": "TX",
              "postal_code": "78701",
              "country": "US",
              "time_zone": "America/Chicago",
              "consent_mail": true,
              "source": "placement",
              "first_seen": "2026-01-20",
              "status": "unverified"
            }
          ],
          "phones": [],
          "emails": []
        }
      ]
    },
    {
      "id": "A-0003",
      "client_id": "C-02",
      "currency": "EUR",
      "original_creditor": "Banque Lumière Crédit Conso",
      "original_account_number": {
        "last4": "3310",
        "keyed_hash": "5f0c3a8e1d9b47c2a6e8f01b3c5d7e9fa2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1"
      },
      "opened": "2021-06-01",
      "first_delinquency": "2025-02-10",
      "last_payment": {
        "date": "2025-01-28",
        "amount": 12000
      },
      "placed": "2026-02-02",
      "balance": {
        "itemisation_date": "2025-08-10",
        "principal": 298000,
        "interest": 0,
        "fees": 4000,
        "payments": 20000,
        "credits": 5000
      },
      "jurisdiction": "FR",
      "language": "fr-FR",
      "risk": "low",
      "parties": [
        {
          "id": "P-1",
          "role": "debtor",
          "given_name": "Camille",
          "family_name": "Martin",
          "birth_date": "1991-11-23",
          "addresses": [
            {
              "lines": [
                "3 allée des Tilleuls"
              ],
              "city": "Lyon",
              "region": "69",
              "postal_code": "69003",
              "country": "FR",
              "time_zone": "Europe/Paris",
              "consent_mail": true,
              "source": "placement",
              "first_seen": "2026-02-02",
              "status": "current"
            }
          ],
          "phones": [
            {
              "number": "+33612345678",
              "kind": "mobile",
              "time_zones": [
                "Europe/Paris"
              ],
              "consent_call": true,
              "consent_text": true,
              "source": "placement",
              "first_seen": "2026-02-02",
              "status": "current"
            }
          ],
          "emails": [
            {
              "address": "camille.martin@example.fr",
              "consent_email": false,
              "source": "placement",
              "first_seen": "2025-06-01",
              "status": "unverified"
            }
          ]
        }
      ]
    }
  ]
}
)json";

}  // namespace parley::testdata
