#pragma once
// The words of plan messages and disclosures, as data: one table per locale, templates with {placeholders}.
//
// Index of this file:
// [SECTION] Tables      per-locale wording
// [SECTION] Filling     placeholder substitution and number display
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "parley/money.h"
#include "parley/portfolio.h"

namespace parley::plans::detail {

// [SECTION] Tables --------------------------------------------------------------------------------------------

struct Words {
  // Findings, by FindingCode order; {limit} and {actual} are filled with amounts, months, % or counts.
  std::array<std::string_view, 11> findings;
  std::array<std::string_view, 4> frequencies;  // by Frequency: adjective before "payments"
  std::string_view down_then;         // "down payment of {amount}, then "
  std::string_view payments_equal;    // "{count} {frequency} payments of {amount}"
  std::string_view payments_last;     // "{count} {frequency} payments of {amount} and one of {last}"
  std::string_view one_payment;       // "one payment of {amount} on {date}"
  std::array<std::string_view, 6> disclosure;  // amount financed, finance charge, APR, total, schedule, fees
  std::string_view apr_none;          // what the APR line says for a settlement
  std::string_view settlement_line;   // "{forgiven} of the balance is forgiven"
};

inline constexpr Words kEnglishUs{
    {"{actual} payments are not allowed by the creditor",
     "maximum term is {limit} months (this plan runs {actual})",
     "minimum installment is {limit}",
     "minimum down payment is {limit}",
     "maximum interest rate is {limit}",
     "maximum convenience fee for this payment method is {limit}",
     "maximum set-up fee is {limit}",
     "lowest settlement that may be offered is {limit}",
     "a settlement may be paid in at most {limit} payments",
     "plans longer than {limit} months need supervisor approval",
     "settlements under {limit} need supervisor approval"},
    {"weekly", "biweekly", "semimonthly", "monthly"},
    "down payment of {amount}, then ",
    "{count} {frequency} payments of {amount}",
    "{count} {frequency} payments of {amount} and one of {last}",
    "one payment of {amount} on {date}",
    {"Amount financed: {value}", "Finance charge: {value}", "Annual percentage rate: {value}",
     "Total of payments: {value}", "Payments: {value}", "Fees included: {value}"},
    "not applicable",
    "Forgiven on completion: {value}"};

inline constexpr Words kEnglishGb{
    {"{actual} payments are not allowed by the creditor",
     "maximum term is {limit} months (this plan runs {actual})",
     "minimum instalment is {limit}",
     "minimum down payment is {limit}",
     "maximum interest rate is {limit}",
     "maximum convenience fee for this payment method is {limit}",
     "maximum set-up fee is {limit}",
     "lowest settlement that may be offered is {limit}",
     "a settlement may be paid in at most {limit} payments",
     "plans longer than {limit} months need supervisor approval",
     "settlements under {limit} need supervisor approval"},
    {"weekly", "fortnightly", "twice-monthly", "monthly"},
    "down payment of {amount}, then ",
    "{count} {frequency} payments of {amount}",
    "{count} {frequency} payments of {amount} and one of {last}",
    "one payment of {amount} on {date}",
    {"Amount financed: {value}", "Total charge for credit: {value}", "APR: {value}",
     "Total amount payable: {value}", "Payments: {value}", "Fees included: {value}"},
    "not applicable",
    "Written off on completion: {value}"};

inline constexpr Words kFrench{
    {"les paiements {actual} ne sont pas autorisés par le créancier",
     "la durée maximale est de {limit} mois (ce plan dure {actual} mois)",
     "l'échéance minimale est de {limit}",
     "l'acompte minimal est de {limit}",
     "le taux d'intérêt maximal est de {limit}",
     "les frais maximaux pour ce moyen de paiement sont de {limit}",
     "les frais de dossier maximaux sont de {limit}",
     "le règlement le plus bas proposable est de {limit}",
     "un règlement se paie en {limit} versements au plus",
     "les plans de plus de {limit} mois demandent l'accord d'un superviseur",
     "les règlements inférieurs à {limit} demandent l'accord d'un superviseur"},
    {"hebdomadaires", "bimensuels", "semi-mensuels", "mensuels"},
    "acompte de {amount}, puis ",
    "{count} paiements {frequency} de {amount}",
    "{count} paiements {frequency} de {amount} et un de {last}",
    "un paiement de {amount} le {date}",
    {"Montant financé : {value}", "Coût total du crédit : {value}", "Taux annuel effectif global : {value}",
     "Montant total dû : {value}", "Paiements : {value}", "Dont frais : {value}"},
    "sans objet",
    "Abandonné au terme du règlement : {value}"};

inline const Words& words_for(Locale locale) {
  switch (locale) {
    case Locale::en_US: return kEnglishUs;
    case Locale::en_GB: return kEnglishGb;
    case Locale::fr_FR: return kFrench;
  }
  return kEnglishUs;
}

// [SECTION] Filling -------------------------------------------------------------------------------------------

// `text` with every "{name}" replaced by its value; unknown names stay as written.
inline std::string fill(std::string_view text,
                        std::initializer_list<std::pair<std::string_view, std::string>> values) {
  std::string out;
  out.reserve(text.size() + 32);
  std::size_t k = 0;
  while (k < text.size()) {
    if (text[k] == '{') {
      const std::size_t close = text.find('}', k);
      if (close != std::string_view::npos) {
        const std::string_view name = text.substr(k + 1, close - k - 1);
        bool found = false;
        for (const auto& [key, value] : values) {
          if (key == name) {
            out += value;
            found = true;
            break;
          }
        }
        if (found) {
          k = close + 1;
          continue;
        }
      }
    }
    out.push_back(text[k]);
    ++k;
  }
  return out;
}

// A rate in hundredths of a percent ("12.50%", fr "12,50 %") from an integer with `decimals` digits after the
// percent's units (2 for basis points, 3 for thousandths), rounded half-up to two decimals.
inline std::string percent_text(std::int64_t value, int decimals, Locale locale) {
  std::int64_t hundredths = value;
  if (decimals == 3) hundredths = (value + 5) / 10;
  const std::int64_t whole = hundredths / 100;
  const std::int64_t frac = hundredths % 100;
  std::string out = std::to_string(whole);
  out += locale == Locale::fr_FR ? ',' : '.';
  if (frac < 10) out += '0';
  out += std::to_string(frac);
  out += locale == Locale::fr_FR ? "\u00A0%" : "%";
  return out;
}

}  // namespace parley::plans::detail
