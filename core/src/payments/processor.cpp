// Taking a payment (parley/payments/processor.h): the form's instrument checked, the sandbox processor, and the
// PaymentPosted or PaymentReversed a charge becomes.

#include "parley/payments/processor.h"

#include <algorithm>
#include <utility>

namespace parley {

// [SECTION] Instrument -------------------------------------------------------------------------------------------

InstrumentKind kind_of(const Instrument& instrument) {
  switch (instrument.index()) {
    case 0: return InstrumentKind::card;
    case 1: return InstrumentKind::us_bank_account;
    default: return InstrumentKind::iban;
  }
}

InstrumentKind bank_instrument(const Account& account) {
  return account.jurisdiction.rfind("US", 0) == 0 ? InstrumentKind::us_bank_account : InstrumentKind::iban;
}

const std::string& last_four_of(const Instrument& instrument) {
  return std::visit(
      [](const auto& i) -> const std::string& {
        if constexpr (std::is_same_v<std::decay_t<decltype(i)>, Card>) {
          return i.number.last_four;
        } else {
          return i.last_four;
        }
      },
      instrument);
}

InstrumentCheck check_instrument(const PaymentForm& form, Date today) {
  InstrumentCheck out;
  switch (form.kind) {
    case InstrumentKind::card: {
      CardNumberCheck number = check_card_number(form.card_number);
      CardExpiryCheck expiry = check_card_expiry(form.card_expiry, today);
      Problems code = number.card ? check_card_security_code(form.card_security_code, number.card->network)
                                  : Problems{};
      for (Problems* p : {&number.problems, &expiry.problems, &code}) {
        out.problems.insert(out.problems.end(), p->begin(), p->end());
      }
      if (out.problems.empty()) out.instrument = Card{*number.card, *expiry.expiry, form.card_security_code};
      break;
    }
    case InstrumentKind::us_bank_account: {
      BankAccountCheck bank = check_us_bank_account(form.routing_number, form.account_number);
      out.problems = std::move(bank.problems);
      if (bank.account) out.instrument = std::move(*bank.account);
      break;
    }
    case InstrumentKind::iban: {
      IbanCheck iban = check_iban(form.iban);
      out.problems = std::move(iban.problems);
      if (iban.iban) out.instrument = std::move(*iban.iban);
      break;
    }
  }
  return out;
}

// [SECTION] Processor --------------------------------------------------------------------------------------------

ChargeAnswer SandboxProcessor::charge(const ChargeRequest& request) {
  if (const auto found = answered_.find(request.key); found != answered_.end()) return found->second;
  ChargeAnswer answer;
  answer.reference = "sandbox-ch-" + std::to_string(++charges_);
  const std::string& four = last_four_of(request.instrument);
  const bool card = kind_of(request.instrument) == InstrumentKind::card;
  if (four == "0002") {
    answer.decline_reason = card ? "the card was declined" : "the bank refused the debit";
  } else if (four == "9995") {
    answer.decline_reason = "insufficient funds";
  } else {
    answer.status = ChargeStatus::approved;
    answer.token = "sandbox-tok-" + request.key;
    if (four == "0077") {
      pending_.push_back(ChargeReturned{answer.reference, request.date.plus_days(3),
                                        card ? ReversalReason::charged_back : ReversalReason::returned});
    }
  }
  answered_.emplace(request.key, answer);
  return answer;
}

std::vector<ChargeReturned> SandboxProcessor::returns_through(Date day) {
  std::vector<ChargeReturned> due;
  std::erase_if(pending_, [&](const ChargeReturned& r) {
    if (day < r.date) return false;
    due.push_back(r);
    return true;
  });
  return due;
}

// [SECTION] Posting ----------------------------------------------------------------------------------------------

PaymentTaken take_payment(const AccountState& state, const PaymentForm& form, PaymentProcessor& processor,
                          std::string key, Date today) {
  PaymentTaken out;
  const Currency currency = state.account->currency;
  const std::optional<Money> amount = parse_decimal(form.amount, currency);
  const Money owed = state.balance.owed.total();
  if (!amount) {
    out.problems.push_back({"amount", "must be an amount in " + std::string(currency.code()) + ", such as 125.00"});
  } else if (amount->minor() <= 0) {
    out.problems.push_back({"amount", "must be more than zero"});
  } else if (owed < *amount) {
    const Locale locale = find_locale(state.account->language).value_or(Locale::en_US);
    out.problems.push_back({"amount", "must not be more than what is owed, " + format_money(owed, locale)});
  }
  InstrumentCheck instrument = check_instrument(form, today);
  out.problems.insert(out.problems.end(), instrument.problems.begin(), instrument.problems.end());
  if (!out.problems.empty()) return out;

  const ChargeAnswer answer =
      processor.charge(ChargeRequest{key, state.account->id, *amount, *instrument.instrument, today});
  if (answer.status != ChargeStatus::approved) {
    out.declined = answer.decline_reason.empty() ? "declined" : answer.decline_reason;
    return out;
  }
  PaymentPosted posted;
  posted.amount = *amount;
  posted.date = today;
  posted.method = form.kind == InstrumentKind::card ? PaymentMethod::card : PaymentMethod::bank_transfer;
  posted.allocation = allocate(state.balance.owed, *amount, state.waterfall());
  posted.receipt = answer.reference;
  posted.instrument = PaymentInstrument{form.kind, last_four_of(*instrument.instrument), std::string(processor.name()),
                                        answer.token, answer.reference};
  out.payment = std::move(posted);
  return out;
}

std::vector<PaymentReversed> returned_payments(const AccountState& state, std::string_view processor,
                                               std::span<const ChargeReturned> returns) {
  std::vector<PaymentReversed> out;
  for (const ChargeReturned& r : returns) {
    const auto paid = std::find_if(state.payments.begin(), state.payments.end(), [&](const PaymentRecord& p) {
      return p.instrument && p.instrument->processor == processor && p.instrument->reference == r.reference;
    });
    if (paid == state.payments.end() || paid->reversed()) continue;
    out.push_back(PaymentReversed{paid->id, r.reason, r.date});
  }
  return out;
}

}  // namespace parley
