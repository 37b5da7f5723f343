#pragma once
// Taking a payment on a call or on the portal: the payer's instrument checked from the form, charged through a
// payment processor, and an approved charge turned into the PaymentPosted the journal keeps (the client's
// allocation order, the charge's reference as the receipt, the instrument's last four and the processor's token,
// never the number). A processor that takes a payment back later (a returned debit, a chargeback) reports it, and
// the payment is reversed.
//
// Index of this file:
// [SECTION] Instrument   the form as typed, checked into a card, a US bank account or an IBAN
// [SECTION] Processor    the interface a payment processor implements, and the built-in sandbox
// [SECTION] Posting      take_payment(): check, charge, PaymentPosted; returned_payments(): PaymentReversed
//
// The processor is the one part with effects (a real one sends the charge over the network); everything else is a
// pure function of its arguments. A full number reaches only the processor, for the one request.

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "parley/account/account.h"
#include "parley/date.h"
#include "parley/journal/event.h"
#include "parley/money.h"
#include "parley/payments/instruments.h"
#include "parley/problem.h"

namespace parley {

// [SECTION] Instrument -------------------------------------------------------------------------------------------

struct Card {
  CardNumber number;
  CardExpiry expiry;
  std::string security_code;
};
using Instrument = std::variant<Card, BankAccount, Iban>;
InstrumentKind kind_of(const Instrument& instrument);
// The bank instrument a payer of the account pays from: a US routing and account number on a US account, an IBAN
// elsewhere.
InstrumentKind bank_instrument(const Account& account);
const std::string& last_four_of(const Instrument& instrument);

// A payment form as the payer or the collector typed it: the amount in the account's currency ("125.00") and the
// fields of the instrument of `kind` (the others are ignored).
struct PaymentForm {
  std::string amount;
  InstrumentKind kind = InstrumentKind::card;
  std::string card_number;
  std::string card_expiry;         // "MM/YY"
  std::string card_security_code;
  std::string routing_number;      // a US bank account's
  std::string account_number;
  std::string iban;
};

// The form's instrument, checked (parley/payments/instruments.h); problems at "card.number", "card.expiry",
// "card.security_code", "bank.routing_number", "bank.account_number" or "iban".
struct InstrumentCheck {
  Problems problems;
  std::optional<Instrument> instrument;
};
InstrumentCheck check_instrument(const PaymentForm& form, Date today);

// [SECTION] Processor --------------------------------------------------------------------------------------------

struct ChargeRequest {
  std::string key;         // the id the payment will be posted under: asked again with the same key, a processor
                           // answers as it did the first time and charges once
  std::string account_id;
  Money amount;
  Instrument instrument;
  Date date;
};

enum class ChargeStatus { approved, declined };
struct ChargeAnswer {
  ChargeStatus status = ChargeStatus::declined;
  std::string reference;       // the processor's id of the charge
  std::string token;           // approved: stands for the instrument at the processor
  std::string decline_reason;  // declined: why, in the processor's words
  friend bool operator==(const ChargeAnswer&, const ChargeAnswer&) = default;
};

// A charge the processor took back after approving it.
struct ChargeReturned {
  std::string reference;
  Date date;               // the day it was taken back
  ReversalReason reason = ReversalReason::returned;
  friend bool operator==(const ChargeReturned&, const ChargeReturned&) = default;
};

class PaymentProcessor {
 public:
  virtual ~PaymentProcessor() = default;
  virtual std::string_view name() const = 0;   // kept in each payment's instrument: "sandbox", ...
  virtual bool is_sandbox() const = 0;         // no money moves: screens say so wherever it is used
  virtual ChargeAnswer charge(const ChargeRequest& request) = 0;
  // The charges taken back on or before `day` and not reported before: each is reported once.
  virtual std::vector<ChargeReturned> returns_through(Date day) = 0;
};

// The built-in sandbox processor, for the demo and the tests: no money moves. It answers by the instrument's last
// four characters:
//   "0002"  declined: the card was declined, or the bank refused the debit
//   "9995"  declined: insufficient funds
//   "0077"  approved, then taken back three days after the charge: a card charged back, a bank debit returned
//   others  approved
// References are "sandbox-ch-1", "sandbox-ch-2", ... in the order charged; the token is "sandbox-tok-" and the key.
class SandboxProcessor final : public PaymentProcessor {
 public:
  // Its cases in words, for the screens that offer it.
  static constexpr std::string_view cases =
      "Sandbox processor: no money moves. Card 4000 0000 0000 0002 is declined, 4000 0000 0000 9995 has "
      "insufficient funds, 4000 0000 0000 0077 is charged back three days later; any other valid number is "
      "approved.";
  std::string_view name() const override { return "sandbox"; }
  bool is_sandbox() const override { return true; }
  ChargeAnswer charge(const ChargeRequest& request) override;
  std::vector<ChargeReturned> returns_through(Date day) override;

 private:
  std::map<std::string, ChargeAnswer> answered_;  // by key
  std::vector<ChargeReturned> pending_;           // approved charges that will be taken back, not yet reported
  int charges_ = 0;
};

// [SECTION] Posting ----------------------------------------------------------------------------------------------

// A payment taken: the form checked (its amount at "amount": an amount in the account's currency, positive, not
// more than what is owed), then charged under `key`. Approved: its PaymentPosted on `today`, allocated in the
// client's waterfall over what is owed, with the charge's reference as the receipt and the instrument kept by its
// last four and the processor's token. Declined: the processor's reason, and nothing to post. With problems the
// processor is never asked.
struct PaymentTaken {
  Problems problems;
  std::optional<PaymentPosted> payment;
  std::string declined;
};
PaymentTaken take_payment(const AccountState& state, const PaymentForm& form, PaymentProcessor& processor,
                          std::string key, Date today);

// The PaymentReversed of each of the account's payments a processor took back (matched by its instrument's
// processor and reference), in the order given; a payment already reversed, or unknown to the account, gives none.
std::vector<PaymentReversed> returned_payments(const AccountState& state, std::string_view processor,
                                               std::span<const ChargeReturned> returns);

}  // namespace parley
