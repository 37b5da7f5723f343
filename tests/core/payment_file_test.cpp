// A processor's payment file: every bad line refused with its number and nothing posted from it, the good lines
// posted in the client's allocation order to the cent, and the same file posted twice posting each payment once.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "contact_fixtures.h"
#include "parley/payments/payment_file.h"

namespace parley {
namespace {

using contact_test::at;
using contact_test::day;
using contact_test::usd;

class PaymentFile : public ::testing::Test {
 protected:
  PaymentFile() {
    Account a = contact_test::us_account();
    a.opened = day("2020-01-01");
    a.balance.payments = usd(0);  // owed: fees 35.00, interest 25.50, principal 1,500.00
    portfolio.accounts.push_back(a);
    a.id = "A-2";
    portfolio.accounts.push_back(a);
    portfolio.clients.push_back(contact_test::us_client());
    portfolio.as_of = day("2026-03-01");
  }
  PaymentPosting post(std::string_view text) {
    const PaymentFileRead read = read_payment_file(text);
    EXPECT_TRUE(read.problems.empty()) << read.problems.front().text();
    return post_payment_file(portfolio, journal, read.lines, "acme-pay", Author{"u-import", "d-cli"}, now, 1);
  }

  Portfolio portfolio;
  Journal journal;
  const Instant now = at("2026-03-10T15:00:00Z");
};

// A-1 owes fees 35.00 and interest 25.50 first (the default waterfall): 50.00 is 35.00 of fees and 15.00 of
// interest; the next 20.00 is 10.50 of interest and 9.50 of principal.
TEST_F(PaymentFile, GoodLinesArePostedInTheWaterfallAndEachBadLineIsRefusedByNumber) {
  const std::string csv =
      "account_id,amount,currency,date,method,reference\r\n"
      "A-1,50.00,USD,2026-03-09,card,ch-1\r\n"
      "A-9,10.00,USD,2026-03-09,card,ch-2\r\n"
      "A-1,10.00,EUR,2026-03-09,card,ch-3\r\n"
      "\r\n"
      "A-1,20.00,USD,2026-03-10,bank-transfer,ch-4\r\n"
      "A-2,5.00,USD,2026-03-09,card,ch-1\r\n"
      "A-2,-5.00,USD,2026-03-09,card,ch-6\r\n"
      "A-2,5.00,USD,2026-03-11,card,ch-7\r\n"
      "A-2,5.00,USD,2026-03-09,paypal,ch-8\r\n"
      "A-2,5.00,USD,2026-03-09,card\r\n"
      "A-2,7.25,USD,2026-03-09,cheque,ch-10\r\n";
  const PaymentFileRead read = read_payment_file(csv);
  ASSERT_EQ(read.problems, (Problems{{"line 11", "has 5 fields; the header names 6"}}));
  const PaymentPosting posting =
      post_payment_file(portfolio, journal, read.lines, "acme-pay", Author{"u-import", "d-cli"}, now, 1);
  EXPECT_EQ(posting.posted_lines, (std::vector<std::size_t>{2, 6, 12}));
  EXPECT_EQ(posting.refused, (Problems{
                                 {"line 3", "account A-9 is not in the portfolio"},
                                 {"line 4", "currency EUR: account A-1 is in USD"},
                                 {"line 7", "reference ch-1 repeats line 2"},
                                 {"line 8", "amount -5.00 must be more than zero, in USD such as 125.00"},
                                 {"line 9", "date 2026-03-11 is after today, 2026-03-10"},
                                 {"line 10", "method paypal must be card, bank-transfer or cheque"},
                             }));
  ASSERT_EQ(posting.events.size(), 3u);
  const PaymentPosted& first = std::get<PaymentPosted>(posting.events[0].payload);
  EXPECT_EQ(first.allocation, (BalanceParts{usd(3500), usd(1500), usd(0)}));
  EXPECT_EQ(first.receipt, "ch-1");
  const PaymentPosted& second = std::get<PaymentPosted>(posting.events[1].payload);
  EXPECT_EQ(second.allocation, (BalanceParts{usd(0), usd(1050), usd(950)}));
  EXPECT_EQ(second.method, PaymentMethod::bank_transfer);
  EXPECT_EQ(posting.events[2].sequence, 3u);
  EXPECT_EQ(posting.events[0].id, payment_event_id("acme-pay", "ch-1"));

  // Posted twice: each payment once.
  for (const Event& e : posting.events) journal.add(e);
  const PaymentPosting again =
      post_payment_file(portfolio, journal, read.lines, "acme-pay", Author{"u-import", "d-cli"}, now, 4);
  EXPECT_TRUE(again.events.empty());
  EXPECT_EQ(again.already_posted, (std::vector<std::size_t>{2, 6, 12}));
  const AccountState a1 = fold(portfolio.accounts[0], &portfolio.clients[0], journal.events_for("A-1"));
  EXPECT_EQ(a1.balance.owed, (BalanceParts{usd(0), usd(0), usd(150000 - 950)}));
  // Another processor's reference of the same text is another payment.
  EXPECT_NE(payment_event_id("other-pay", "ch-1"), payment_event_id("acme-pay", "ch-1"));
}

TEST_F(PaymentFile, TheJsonFormReadsTheSamePayments) {
  const PaymentPosting posting = post(R"([
      {"account_id": "A-1", "amount": "50.00", "currency": "USD", "date": "2026-03-09", "method": "card",
       "reference": "ch-1"}])");
  ASSERT_EQ(posting.events.size(), 1u);
  EXPECT_EQ(std::get<PaymentPosted>(posting.events[0].payload).amount, usd(5000));
  const PaymentFileRead bad = read_payment_file(R"([{"account_id": "A-1", "amount": 50, "colour": "red"}, 3])");
  EXPECT_TRUE(bad.lines.empty());
  EXPECT_EQ(bad.problems, (Problems{{"line 1", "amount must be a string"},
                                    {"line 1", "currency must be a string"},
                                    {"line 1", "date must be a string"},
                                    {"line 1", "method must be a string"},
                                    {"line 1", "reference must be a string"},
                                    {"line 1", "colour is not a member of a payment"},
                                    {"line 2", "must be an object"}}));
  EXPECT_EQ(read_payment_file("[1,").problems, (Problems{{"", "must be a JSON array of payments (docs/payments.md)"}}));
}

TEST_F(PaymentFile, AHeaderWithoutItsColumnsReadsNoLine) {
  const PaymentFileRead read = read_payment_file("account,amount,currency,date,method\nA-1,1.00,USD,2026-03-09,card\n");
  EXPECT_TRUE(read.lines.empty());
  EXPECT_EQ(read.problems,
            (Problems{{"line 1", "column \"account\" is not one of account_id, amount, currency, date, method, "
                                 "reference"},
                      {"line 1", "the header lacks the column account_id"},
                      {"line 1", "the header lacks the column reference"}}));
  EXPECT_EQ(read_payment_file("").problems, (Problems{{"line 1", "the file is empty: a header line is expected"}}));
}

}  // namespace
}  // namespace parley
