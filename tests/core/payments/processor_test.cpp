// Taking a payment through the sandbox processor: an approved charge becomes a PaymentPosted in the client's
// allocation order that keeps only the instrument's last four and the processor's token; a decline posts nothing; a
// charge asked twice under one key is charged once; a form with problems never reaches the processor; a charge
// taken back later is reversed once.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "../contact_fixtures.h"
#include "parley/account/account.h"
#include "parley/journal/journal_json.h"
#include "parley/payments/processor.h"

namespace parley {
namespace {

using contact_test::at;
using contact_test::day;
using contact_test::fields;
using contact_test::us_account;
using contact_test::us_client;

PaymentForm card_form(const char* number, const char* amount) {
  PaymentForm form;
  form.amount = amount;
  form.kind = InstrumentKind::card;
  form.card_number = number;
  form.card_expiry = "12/28";
  form.card_security_code = "123";
  return form;
}

class TakingPayments : public contact_test::AccountJournalTest {
 protected:
  TakingPayments() : AccountJournalTest(0x52) {}

  SandboxProcessor sandbox;
  const Date today = day("2026-03-09");

  std::string saved(EventId id) const {  // the event's journal line
    for (const Event& e : journal.events_for(account.id)) {
      if (e.id == id) return save_event(e);
    }
    return {};
  }
};

TEST_F(TakingPayments, AnApprovedCardPaymentIsPostedInTheClientsOrderWithOnlyItsLastFour) {
  const AccountState before = state();
  const Money owed = before.balance.owed.total();
  const PaymentTaken taken = take_payment(before, card_form("4111 1111 1111 1111", "150.00"), sandbox, "E-1", today);
  ASSERT_TRUE(taken.problems.empty()) << taken.problems[0].text();
  ASSERT_TRUE(taken.payment.has_value()) << taken.declined;
  const PaymentPosted& p = *taken.payment;
  EXPECT_EQ(p.amount, contact_test::usd(15000));
  EXPECT_EQ(p.date, today);
  EXPECT_EQ(p.method, PaymentMethod::card);
  EXPECT_EQ(p.allocation, allocate(before.balance.owed, p.amount, before.waterfall()));
  EXPECT_EQ(p.receipt, "sandbox-ch-1");
  EXPECT_EQ(p.instrument,
            (PaymentInstrument{InstrumentKind::card, "1111", "sandbox", "sandbox-tok-E-1", "sandbox-ch-1"}));

  const std::string line = saved(record_one(*taken.payment, "2026-03-09T15:00:00Z"));
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(line.find("411111"), std::string::npos) << "the number is never kept: " << line;
  EXPECT_EQ(line.find("12/28"), std::string::npos);
  EXPECT_EQ(line.find("\"123\""), std::string::npos);
  const AccountState after = state();
  EXPECT_TRUE(after.set_aside.empty());
  EXPECT_EQ(after.balance.owed.total(), owed - p.amount);
  ASSERT_EQ(after.payments.size(), 1u);
  EXPECT_EQ(after.payments[0].instrument, p.instrument);
}

// The client's waterfall decides the order: the first part is paid in full before the next takes anything.
TEST_F(TakingPayments, TheAllocationFollowsTheClientsWaterfall) {
  client.policy.waterfall = {BalancePart::principal, BalancePart::interest, BalancePart::fees};
  const AccountState before = state();
  const Money principal = before.balance.owed.principal;
  const Money ten = contact_test::usd(1000);
  const std::int64_t cents = (principal + ten).minor();
  char amount[32];
  std::snprintf(amount, sizeof amount, "%lld.%02lld", static_cast<long long>(cents / 100),
                static_cast<long long>(cents % 100));
  const PaymentTaken taken = take_payment(before, card_form("5555555555554444", amount), sandbox, "E-2", today);
  ASSERT_TRUE(taken.payment.has_value()) << (taken.problems.empty() ? taken.declined : taken.problems[0].text());
  EXPECT_EQ(taken.payment->allocation.principal, principal);
  EXPECT_EQ(taken.payment->allocation.interest, ten);
  EXPECT_EQ(taken.payment->allocation.fees, contact_test::usd(0));
}

// A payer pays from a US bank account by routing and account number, from any other by IBAN.
TEST_F(TakingPayments, TheBankInstrumentFollowsTheAccountsCountry) {
  EXPECT_EQ(bank_instrument(account), InstrumentKind::us_bank_account);
  account.jurisdiction = "GB-ENG";
  EXPECT_EQ(bank_instrument(account), InstrumentKind::iban);
  account.jurisdiction = "FR";
  EXPECT_EQ(bank_instrument(account), InstrumentKind::iban);
}

TEST_F(TakingPayments, ADeclineIsReportedAndNothingIsPosted) {
  const PaymentTaken card = take_payment(state(), card_form("4000 0000 0000 0002", "50.00"), sandbox, "E-3", today);
  EXPECT_TRUE(card.problems.empty());
  EXPECT_FALSE(card.payment.has_value());
  EXPECT_EQ(card.declined, "the card was declined");

  PaymentForm bank;
  bank.amount = "50.00";
  bank.kind = InstrumentKind::us_bank_account;
  bank.routing_number = "021000021";
  bank.account_number = "12349995";
  const PaymentTaken funds = take_payment(state(), bank, sandbox, "E-4", today);
  EXPECT_FALSE(funds.payment.has_value());
  EXPECT_EQ(funds.declined, "insufficient funds");
  bank.account_number = "12340002";
  EXPECT_EQ(take_payment(state(), bank, sandbox, "E-5", today).declined, "the bank refused the debit");
}

// A request repeated under its key (a retry after a dropped answer) is answered as the first and charged once.
TEST_F(TakingPayments, OneKeyIsChargedOnce) {
  const PaymentTaken first = take_payment(state(), card_form("4111111111111111", "20.00"), sandbox, "E-6", today);
  const PaymentTaken again = take_payment(state(), card_form("4111111111111111", "20.00"), sandbox, "E-6", today);
  ASSERT_TRUE(first.payment && again.payment);
  EXPECT_EQ(*first.payment, *again.payment);
  EXPECT_EQ(first.payment->receipt, "sandbox-ch-1");
  EXPECT_EQ(take_payment(state(), card_form("4111111111111111", "20.00"), sandbox, "E-7", today).payment->receipt,
            "sandbox-ch-2");
}

// Every wrong field is named, the amount's included, and then the processor is never asked.
TEST_F(TakingPayments, AFormWithProblemsNeverReachesTheProcessor) {
  PaymentForm form = card_form("4111111111111112", "abc");
  form.card_expiry = "13/28";
  EXPECT_EQ(fields(take_payment(state(), form, sandbox, "E-8", today).problems),
            (std::vector<std::string>{"amount", "card.number", "card.expiry"}));
  EXPECT_EQ(fields(take_payment(state(), card_form("4111111111111111", "0.00"), sandbox, "E-9", today).problems),
            std::vector<std::string>{"amount"});
  const PaymentTaken over = take_payment(state(), card_form("4111111111111111", "999999.00"), sandbox, "E-10", today);
  ASSERT_EQ(fields(over.problems), std::vector<std::string>{"amount"});
  EXPECT_EQ(over.problems[0].message.rfind("must not be more than what is owed, $", 0), 0u) << over.problems[0].message;
  PaymentForm iban;
  iban.amount = "10.00";
  iban.kind = InstrumentKind::iban;
  iban.iban = "GB82 WEST 1234 5698 7654 33";
  EXPECT_EQ(fields(take_payment(state(), iban, sandbox, "E-11", today).problems), std::vector<std::string>{"iban"});
  EXPECT_EQ(take_payment(state(), card_form("4111111111111111", "10.00"), sandbox, "E-12", today).payment->receipt,
            "sandbox-ch-1")
      << "no charge was made for the forms refused";
}

// A charge the processor takes back three days later is reported once, and reverses its payment once.
TEST_F(TakingPayments, AChargeTakenBackLaterReversesItsPaymentOnce) {
  const AccountState before = state();
  const PaymentTaken taken = take_payment(before, card_form("4000 0000 0000 0077", "75.00"), sandbox, "E-13", today);
  ASSERT_TRUE(taken.payment.has_value()) << taken.declined;
  const EventId posted = record_one(*taken.payment, "2026-03-09T15:00:00Z");
  EXPECT_TRUE(sandbox.returns_through(today.plus_days(2)).empty());
  const std::vector<ChargeReturned> returns = sandbox.returns_through(today.plus_days(3));
  ASSERT_EQ(returns, (std::vector<ChargeReturned>{{"sandbox-ch-1", today.plus_days(3), ReversalReason::charged_back}}));
  EXPECT_TRUE(sandbox.returns_through(today.plus_days(30)).empty()) << "each return is reported once";

  EXPECT_TRUE(returned_payments(state(), "another-processor", returns).empty());
  const std::vector<PaymentReversed> reversals = returned_payments(state(), "sandbox", returns);
  ASSERT_EQ(reversals, (std::vector<PaymentReversed>{{posted, ReversalReason::charged_back, today.plus_days(3)}}));
  record_one(reversals[0], "2026-03-12T15:00:00Z");
  const AccountState after = state();
  EXPECT_TRUE(after.payments[0].reversed());
  EXPECT_EQ(after.balance.owed.total(), before.balance.owed.total());
  EXPECT_TRUE(returned_payments(after, "sandbox", returns).empty()) << "a payment is reversed once";
}

}  // namespace
}  // namespace parley
