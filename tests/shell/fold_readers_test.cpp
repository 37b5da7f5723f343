// Every reader of the shell on the account fold, through the UI (whole frames with ImGui's null backend): the call
// picker after a wrong number, holds after bankrupt or deceased, consent, the balance after a payment handed in
// (account panel, queue row and sort, quote), letters recorded from the letter channel (the French prior letter,
// the US validation notice), the account panel's timeline and records, one "today" for quotes, outcomes and letters,
// the callback number of the limited-content message and the one APR of the quoter. Runs natively and in wasm.

#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "parley/account/account.h"
#include "parley/journal/journal_json.h"
#include "parley/plans/plan_json.h"
#include "parley/plans/policy_check.h"
#include "parley/portfolio_json.h"
#include "parley/shell/app.h"
#include "parley/shell/state.h"
#include "shell_fixtures.h"

namespace ps = parley::shell;
using namespace parley::shell_test;

namespace {

bool contains(const nlohmann::json& array, const std::string& value) {
  return std::find(array.begin(), array.end(), value) != array.end();
}

// One event of another device for `account`, as the server hands it back.
parley::Event other_device(const std::string& account, std::uint64_t n, parley::Instant at, parley::EventPayload p) {
  return parley::Event{parley::EventId::from_parts(0xfeed, n), account, {"u-other", "d-other"}, at, n, std::move(p)};
}

std::string lines(const std::vector<parley::Event>& events) {
  std::string text;
  for (const parley::Event& event : events) text += parley::save_event(event) + "\n";
  return text;
}

// The first account in `jurisdiction_prefix` whose debtor has a current address and a phone that may be called.
std::string account_in(const parley::Portfolio& portfolio, const std::string& jurisdiction_prefix) {
  for (const parley::Account& account : portfolio.accounts) {
    if (account.jurisdiction.rfind(jurisdiction_prefix, 0) != 0) continue;
    const parley::Party* debtor = account.debtor();
    if (!debtor || debtor->addresses.empty() || debtor->phones.empty() || !debtor->phones[0].consent_call) continue;
    if (debtor->addresses[0].provenance.status != parley::ContactStatus::current) continue;
    return account.id;
  }
  return {};
}

class FoldReaders : public AppFrames {
 protected:
  explicit FoldReaders(ImVec2 display = ImVec2(1400.0f, 1000.0f)) : AppFrames(display) {}
  // Records, from the contact panel's add-party form, a party of the role at `role` in its list (not an attorney)
  // with its phone, told by a party.
  void add_party_from_panel(int role, const std::string& given, const std::string& family, const std::string& phone) {
    scroll_into_view("contact.panel", "contact.add_party");
    click("contact.add_party");
    scroll_into_view("contact.panel", "contact.add_party.role");
    click("contact.add_party.role");
    click("contact.add_party.role." + std::to_string(role));
    for (const auto& [widget, text] : {std::pair{"contact.add_party.given_name", given},
                                       std::pair{"contact.add_party.family_name", family},
                                       std::pair{"contact.add_party.phone", phone}}) {
      scroll_into_view("contact.panel", widget);
      type(widget, text);
    }
    scroll_into_view("contact.panel", "contact.add_party.source");
    click("contact.add_party.source");
    click("contact.add_party.source.2");  // told by a party
    scroll_into_view("contact.panel", "contact.add_party.record");
    click("contact.add_party.record");
  }
  // Selects the New York account at noon there, with the rule packs in, and draws it.
  void open(const std::string& id, int seconds = 12 * 3600) {
    now_ = new_york_time(portfolio_, seconds);
    app_->dispatch(ps::SelectAccount{id});
    frames(2);
  }
  // Starts a call from the panel; the attempt's state afterwards.
  nlohmann::json call() {
    click("contact.call");
    return state()["contact"];
  }
};

}  // namespace

// A number recorded as a wrong number leaves the call picker: the outcome's ContactPointUpdated is folded, and the
// picker lists core's reachable points only.
TEST_F(FoldReaders, AWrongNumberIsGoneFromTheCallPicker) {
  ASSERT_FALSE(id_.empty());
  start();
  open(id_);
  const std::string number = account().debtor()->phones[0].number;
  nlohmann::json c = state()["contact"];
  ASSERT_TRUE(contains(c["points"], number)) << c.dump();
  EXPECT_EQ(c["point"], number);

  c = call();
  ASSERT_TRUE(c["session"].is_object()) << c.dump();
  alt_key('W');  // wrong number: no verification needed
  c = state()["contact"];
  ASSERT_TRUE(c["session"].is_null()) << c.dump();
  EXPECT_FALSE(contains(c["points"], number)) << c.dump();
  EXPECT_NE(c["point"], number);
  // What the banner checks is no longer that number: another one, or none when it was the only one.
  if (c["points"].empty()) {
    EXPECT_FALSE(state()["widgets"].contains("contact.point"));
  } else {
    EXPECT_EQ(c["point"], c["points"][0]);
  }
}

// After "bankrupt" or "deceased" the party is held: the banner blocks with account-hold and Call starts nothing.
TEST_F(FoldReaders, ABankruptOrDeceasedPartyCannotBeCalledAgain) {
  ASSERT_FALSE(id_.empty());
  start();
  for (const char letter : {'B', 'X'}) {
    SCOPED_TRACE(letter);
    portfolio_ = demo_portfolio(80);
    start();
    open(id_);
    ASSERT_EQ(state()["contact"]["allowed"], true) << state()["contact"].dump();
    ASSERT_TRUE(call()["session"].is_object());
    alt_key(letter);
    nlohmann::json c = state()["contact"];
    ASSERT_TRUE(c["session"].is_null()) << c.dump();
    EXPECT_EQ(c["allowed"], false);
    EXPECT_TRUE(contains(c["reasons"], "account-hold")) << c.dump();
    const int events = c["events"].get<int>();
    c = call();
    EXPECT_TRUE(c["session"].is_null());
    ASSERT_TRUE(c["refused"].is_array()) << c.dump();
    EXPECT_TRUE(contains(c["refused"], "account-hold"));
    EXPECT_EQ(c["events"], events) << "nothing recorded";
    EXPECT_FALSE(state()["account"]["holds"].empty());
  }
}

// An attorney's letter recorded on another device (the attorney added as a party, with its office number): the
// debtor's banner says to communicate with the attorney, and the attorney can be picked and called.
TEST_F(FoldReaders, AnAttorneyAddedElsewhereHoldsTheDebtorAndCanBeCalled) {
  ASSERT_FALSE(id_.empty());
  start();
  open(id_);
  ASSERT_EQ(state()["contact"]["allowed"], true) << state()["contact"].dump();
  const std::string debtor = account().debtor()->id;
  parley::Phone office;
  office.number = "+12125550188";
  office.kind = parley::PhoneKind::work;
  office.time_zones = {"America/New_York"};
  office.consent_call = true;
  office.provenance = parley::Provenance{"attorney-letter", portfolio_.as_of, std::nullopt,
                                         parley::ContactStatus::current};
  app_->dispatch(ps::JournalReceived{
      "/api/events",
      lines({other_device(id_, 1, now_.plus_seconds(-600),
                          parley::PartyAdded{"P-ATT", parley::PartyRole::attorney, "Lee", "Whitfield", debtor,
                                             "attorney-letter"}),
             other_device(id_, 2, now_.plus_seconds(-590), parley::ContactPointAdded{"P-ATT", office, 10000})}),
      true});
  frames(2);
  nlohmann::json c = state()["contact"];
  EXPECT_EQ(c["party"], debtor);
  EXPECT_EQ(c["allowed"], false);
  EXPECT_TRUE(contains(c["reasons"], "us-attorney-representation")) << c.dump();
  EXPECT_TRUE(call()["session"].is_null()) << "the debtor is not called";

  app_->dispatch(ps::PickContact{id_, "P-ATT", parley::ContactChannel::phone, office.number, ""});
  frames(2);
  c = state()["contact"];
  EXPECT_EQ(c["party"], "P-ATT");
  EXPECT_EQ(c["points"], nlohmann::json::array({office.number}));
  EXPECT_EQ(c["allowed"], true) << c.dump();
  c = call();
  ASSERT_TRUE(c["session"].is_object()) << c.dump();
  EXPECT_EQ(c["session"]["party"], "P-ATT");
  const nlohmann::json timeline = state()["account"]["timeline"];
  bool described = false;
  for (const auto& line : timeline) {
    described = described || line.get<std::string>().find("Party added: attorney Lee Whitfield") != std::string::npos;
  }
  EXPECT_TRUE(described) << timeline.dump();
}

// The collector records an attorney's letter from the panel: the form's PartyAdded and office number are folded,
// the attorney is picked and may be called, the debtor is held, and the attorney's consent recorded from its button
// opens the debtor again. A form without a name records nothing and says which field.
TEST_F(FoldReaders, AnAttorneyRecordedFromThePanelHoldsTheDebtorUntilItConsents) {
  ASSERT_FALSE(id_.empty());
  start();
  open(id_);
  ASSERT_EQ(state()["contact"]["allowed"], true) << state()["contact"].dump();
  const std::string debtor = account().debtor()->id;
  scroll_into_view("contact.panel", "contact.add_party");
  click("contact.add_party");
  scroll_into_view("contact.panel", "contact.add_party.record");
  click("contact.add_party.record");
  nlohmann::json c = state()["contact"];
  EXPECT_EQ(c["events"], 0);
  ASSERT_EQ(c["problems"].size(), 1u) << c.dump();
  EXPECT_EQ(c["problems"][0].get<std::string>().rfind("family_name: ", 0), 0u) << c.dump();

  const auto type_in_panel = [&](const std::string& widget, const std::string& text) {
    scroll_into_view("contact.panel", widget);
    type(widget, text);
  };
  type_in_panel("contact.add_party.given_name", "Lee");
  type_in_panel("contact.add_party.family_name", "Whitfield");
  type_in_panel("contact.add_party.phone", "+12125550188");
  ASSERT_TRUE(state()["widgets"].contains("contact.add_party.time_zone")) << "the zone is asked with a phone";
  scroll_into_view("contact.panel", "contact.add_party.record");
  click("contact.add_party.record");
  c = state()["contact"];
  EXPECT_TRUE(c["problems"].empty()) << c.dump();
  EXPECT_EQ(c["events"], 2);
  EXPECT_EQ(c["finished"], "Party added: attorney Lee Whitfield (P-ADDED-1)");
  EXPECT_EQ(c["party"], "P-ADDED-1");
  EXPECT_EQ(c["points"], nlohmann::json::array({"+12125550188"}));
  EXPECT_EQ(c["allowed"], true) << c.dump();
  EXPECT_FALSE(state()["widgets"].contains("contact.add_party.family_name")) << "the form closes on its party";
  ASSERT_EQ(published_.size(), 2u);
  const auto* added = std::get_if<parley::PartyAdded>(&published_[0].payload);
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->represents, debtor);
  EXPECT_EQ(added->source, "attorney-letter");
  const auto* office = std::get_if<parley::ContactPointAdded>(&published_[1].payload);
  ASSERT_NE(office, nullptr);
  EXPECT_EQ(std::get<parley::Phone>(office->point).time_zones,
            std::vector<std::string>{account().debtor()->addresses[0].time_zone});

  app_->dispatch(ps::PickContact{id_, debtor, parley::ContactChannel::phone, "", ""});
  frames(2);
  c = state()["contact"];
  EXPECT_EQ(c["allowed"], false);
  EXPECT_TRUE(contains(c["reasons"], "us-attorney-representation")) << c.dump();

  scroll_into_view("contact.panel", "contact.attorney.P-ADDED-1.consent");
  click("contact.attorney.P-ADDED-1.consent");
  c = state()["contact"];
  EXPECT_EQ(c["events"], 3);
  EXPECT_EQ(c["finished"], "Recorded: the attorney consents to direct contact with the party");
  EXPECT_EQ(c["party"], debtor);
  EXPECT_EQ(c["allowed"], true) << c.dump();
  ASSERT_EQ(published_.size(), 3u);
  EXPECT_EQ(std::get<parley::RepresentationChanged>(published_[2].payload),
            (parley::RepresentationChanged{"P-ADDED-1", false, true}));
}

// The attorney's letter gives its office's email and postal address: the form records both as the attorney's
// contact points, in the debtor's zone unless the collector says otherwise, and the letter and email channels then
// offer them for the attorney. A street without a city is refused with the field named.
TEST_F(FoldReaders, AnAttorneysOfficeAddressAndEmailRecordedFromThePanelMayBeWrittenTo) {
  ASSERT_FALSE(id_.empty());
  start();
  open(id_);
  const auto type_in_panel = [&](const std::string& widget, const std::string& text) {
    scroll_into_view("contact.panel", widget);
    type(widget, text);
  };
  scroll_into_view("contact.panel", "contact.add_party");
  click("contact.add_party");
  EXPECT_FALSE(state()["widgets"].contains("contact.add_party.city")) << "the address's fields follow its street";
  EXPECT_FALSE(state()["widgets"].contains("contact.add_party.time_zone")) << "no zone without a phone or address";
  type_in_panel("contact.add_party.family_name", "Whitfield Law");
  type_in_panel("contact.add_party.email", "office@whitfield-law.example");
  type_in_panel("contact.add_party.street", "200 State St");
  ASSERT_TRUE(state()["widgets"].contains("contact.add_party.time_zone")) << "the zone is asked with an address";
  scroll_into_view("contact.panel", "contact.add_party.record");
  click("contact.add_party.record");
  nlohmann::json c = state()["contact"];
  EXPECT_EQ(c["events"], 0);
  ASSERT_EQ(c["problems"].size(), 1u) << c.dump();
  EXPECT_EQ(c["problems"][0].get<std::string>().rfind("address.city: ", 0), 0u) << c.dump();

  type_in_panel("contact.add_party.city", "Boston");
  type_in_panel("contact.add_party.region", "MA");
  type_in_panel("contact.add_party.postal_code", "02109");
  scroll_into_view("contact.panel", "contact.add_party.record");
  click("contact.add_party.record");
  c = state()["contact"];
  EXPECT_TRUE(c["problems"].empty()) << c.dump();
  EXPECT_EQ(c["events"], 3) << "its PartyAdded, its email and its address";
  ASSERT_EQ(published_.size(), 3u);
  const auto* email = std::get_if<parley::ContactPointAdded>(&published_[1].payload);
  ASSERT_NE(email, nullptr);
  EXPECT_EQ(std::get<parley::Email>(email->point).address, "office@whitfield-law.example");
  const auto* office = std::get_if<parley::ContactPointAdded>(&published_[2].payload);
  ASSERT_NE(office, nullptr);
  const parley::Address& address = std::get<parley::Address>(office->point);
  EXPECT_EQ(address.postal.lines, std::vector<std::string>{"200 State St"});
  EXPECT_EQ(address.postal.city, "Boston");
  EXPECT_EQ(address.postal.region, "MA");
  EXPECT_EQ(address.postal.postal_code, "02109");
  EXPECT_EQ(address.postal.country, "US") << "the account's country by default";
  EXPECT_EQ(address.time_zone, account().debtor()->addresses[0].time_zone);

  app_->dispatch(ps::PickContact{id_, "P-ADDED-1", parley::ContactChannel::letter, "", ""});
  frames(2);
  c = state()["contact"];
  EXPECT_EQ(c["points"], nlohmann::json::array({parley::address_key(address.postal)})) << c.dump();
  EXPECT_EQ(c["allowed"], true) << c.dump();
  app_->dispatch(ps::PickContact{id_, "P-ADDED-1", parley::ContactChannel::email, "", ""});
  frames(2);
  c = state()["contact"];
  EXPECT_EQ(c["points"], nlohmann::json::array({"office@whitfield-law.example"})) << c.dump();
  EXPECT_EQ(c["allowed"], true) << c.dump();
}

// A neighbour recorded from the panel as a third party is called for the debtor's location with the location script
// alone, and once: after the call in which it answered, the banner refuses a second (15 U.S.C. 1692b(3)).
TEST_F(FoldReaders, AThirdPartyRecordedFromThePanelIsAskedForTheLocationOnce) {
  ASSERT_FALSE(id_.empty());
  start();
  open(id_);
  add_party_from_panel(8, "Robin", "Hale", "+12125550177");  // a third party
  nlohmann::json c = state()["contact"];
  ASSERT_TRUE(c["problems"].empty()) << c.dump();
  EXPECT_EQ(c["finished"], "Party added: third-party Robin Hale (P-ADDED-1)");
  EXPECT_EQ(c["party"], "P-ADDED-1");
  ASSERT_FALSE(published_.empty());
  const auto* added = std::get_if<parley::PartyAdded>(&published_[0].payload);
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->role, parley::PartyRole::third_party);
  EXPECT_EQ(added->source, "party");
  EXPECT_EQ(c["allowed"], true) << c.dump();
  ASSERT_TRUE(call()["session"].is_object());
  EXPECT_TRUE(state()["widgets"].contains("contact.third-party")) << "no identity questions for a third party";
  EXPECT_FALSE(state()["widgets"].contains("contact.verify"));
  alt_key('T');
  c = state()["contact"];
  ASSERT_TRUE(c["session"].is_null()) << c.dump();
  EXPECT_EQ(c["party"], "P-ADDED-1");
  EXPECT_EQ(c["allowed"], false);
  EXPECT_TRUE(contains(c["reasons"], "us-location-contact")) << c.dump();
  EXPECT_FALSE(contains(c["reasons"], "us-after-conversation")) << c.dump();
}

// 15 U.S.C. 1692b(3): "...unless the debt collector reasonably believes that the earlier response of such person is
// erroneous or incomplete and that such person now has correct or complete location information". Held after its
// answer, the neighbour's banner offers to record why; the reason opens one more call, and only one.
TEST_F(FoldReaders, AReasonToBelieveTheNeighboursAnswerWrongOpensOneMoreCall) {
  ASSERT_FALSE(id_.empty());
  start();
  open(id_);
  add_party_from_panel(8, "Robin", "Hale", "+12125550177");
  EXPECT_FALSE(state()["widgets"].contains("contact.recontact"));  // not asked yet: nothing to justify
  ASSERT_TRUE(call()["session"].is_object());
  alt_key('T');
  ASSERT_EQ(state()["contact"]["allowed"], false);
  ASSERT_TRUE(state()["widgets"].contains("contact.recontact"));
  scroll_into_view("contact.panel", "contact.recontact");
  click("contact.recontact");
  scroll_into_view("contact.panel", "contact.recontact.record");
  click("contact.recontact.record");  // without a reason: refused, naming the field
  nlohmann::json c = state()["contact"];
  EXPECT_TRUE(contains(c["problems"], "reason: must say why you believe the earlier answer was wrong or incomplete"))
      << c.dump();
  const std::size_t before = published_.size();
  scroll_into_view("contact.panel", "contact.recontact.reason");
  type("contact.recontact.reason", "The landlord says Robin forwards the debtor's mail");
  scroll_into_view("contact.panel", "contact.recontact.record");
  click("contact.recontact.record");
  frames(2);
  c = state()["contact"];
  EXPECT_EQ(c["finished"], "Recorded: one more location contact with Robin Hale is open") << c.dump();
  ASSERT_EQ(published_.size(), before + 1);
  EXPECT_EQ(std::get<parley::RecontactJustified>(published_.back().payload),
            (parley::RecontactJustified{"P-ADDED-1", "The landlord says Robin forwards the debtor's mail"}));
  EXPECT_EQ(c["allowed"], true) << c.dump();
  EXPECT_FALSE(state()["widgets"].contains("contact.recontact"));
  ASSERT_TRUE(call()["session"].is_object());
  alt_key('T');
  c = state()["contact"];
  EXPECT_EQ(c["allowed"], false);
  EXPECT_TRUE(contains(c["reasons"], "us-location-contact")) << c.dump();
}

// 15 U.S.C. 1692c(d): a spouse recorded from the panel, with nothing of its own to verify, is asked for the
// consumer's details; answered right, the session is verified for the spouse.
TEST_F(FoldReaders, ASpouseRecordedFromThePanelIsVerifiedByTheConsumersDetails) {
  ASSERT_FALSE(id_.empty());
  start();
  open(id_);
  add_party_from_panel(1, "Alex", "Morgan", "+12125550178");  // a spouse
  nlohmann::json c = state()["contact"];
  ASSERT_TRUE(c["problems"].empty()) << c.dump();
  EXPECT_EQ(c["party"], "P-ADDED-1");
  ASSERT_TRUE(call()["session"].is_object());
  const std::vector<parley::Answer> answers = right_answers(*account().debtor());
  for (const parley::Answer& answer : answers) {
    const std::string widget = "contact.answer." + std::string(parley::to_string(answer.question));
    scroll_into_view("contact.panel", widget);
    type(widget, answer.text);
  }
  scroll_into_view("contact.panel", "contact.verify");
  click("contact.verify");
  c = state()["contact"];
  ASSERT_EQ(c["session"]["state"], "verified") << c.dump();
  EXPECT_EQ(c["session"]["party"], "P-ADDED-1") << c.dump();
}

// A phone whose call consent is not given is shown as "no consent" and the call does not start.
TEST_F(FoldReaders, ANumberWithoutConsentBlocksTheCall) {
  ASSERT_FALSE(id_.empty());
  for (parley::Account& account : portfolio_.accounts) {
    if (account.id != id_) continue;
    for (parley::Phone& phone : account.parties[0].phones) phone.consent_call = false;
  }
  start();
  open(id_);
  nlohmann::json c = state()["contact"];
  EXPECT_EQ(c["allowed"], false);
  EXPECT_TRUE(contains(c["reasons"], "no-consent")) << c.dump();
  c = call();
  EXPECT_TRUE(c["session"].is_null()) << c.dump();
  ASSERT_TRUE(c["refused"].is_array());
  EXPECT_TRUE(contains(c["refused"], "no-consent"));
  EXPECT_EQ(c["events"], 0);
}

// A debtor without a usable number: the rules may allow a call, but there is nothing to dial, so the panel offers no
// Call button (a collector would otherwise press it for nothing).
TEST_F(FoldReaders, APartyWithoutANumberOffersNoCall) {
  ASSERT_FALSE(id_.empty());
  for (parley::Account& account : portfolio_.accounts) {
    if (account.id == id_) account.parties[0].phones.clear();
  }
  start();
  open(id_);
  const nlohmann::json s = state();
  EXPECT_EQ(s["contact"]["point"], "") << s["contact"].dump();
  EXPECT_TRUE(s["widgets"].contains("contact.banner"));
  EXPECT_FALSE(s["widgets"].contains("contact.call")) << "no number to call";
}

// "Don't call this number again", said during the call: the collector records it with the consent button, and the
// banner for the next call blocks with no-consent; consent given later (the same button) lets it be called again.
TEST_F(FoldReaders, ConsentRevokedDuringACallStopsCallsToThatNumber) {
  ASSERT_FALSE(id_.empty());
  start();
  open(id_);
  nlohmann::json c = state()["contact"];
  ASSERT_EQ(c["allowed"], true) << c.dump();
  const std::string number = c["point"];
  ASSERT_TRUE(call()["session"].is_object());
  scroll_into_view("contact.panel", "contact.consent");
  click("contact.consent");
  c = state()["contact"];
  EXPECT_EQ(c["finished"], "Consent revoked: phone at " + number) << c.dump();
  EXPECT_EQ(c["events"], 2);
  ASSERT_FALSE(published_.empty());
  EXPECT_EQ(std::get<parley::ConsentChanged>(published_.back().payload),
            (parley::ConsentChanged{account().debtor()->id, parley::ContactPointKind::phone, number,
                                    parley::ContactChannel::phone, false}));
  alt_key('N');  // no answer after all: no conversation, nothing else holds the next call
  c = state()["contact"];
  ASSERT_TRUE(c["session"].is_null()) << c.dump();
  EXPECT_EQ(c["point"], number);
  EXPECT_EQ(c["allowed"], false);
  EXPECT_TRUE(contains(c["reasons"], "no-consent")) << c.dump();

  scroll_into_view("contact.panel", "contact.consent");
  click("contact.consent");
  c = state()["contact"];
  EXPECT_EQ(c["finished"], "Consent recorded: phone at " + number) << c.dump();
  frames(1);
  EXPECT_FALSE(contains(state()["contact"]["reasons"], "no-consent")) << state()["contact"].dump();
}

// A payment handed in (the server's journal) changes the balance the panel shows, the queue row and its place when
// sorted by balance, and the balance the quote is made on.
TEST_F(FoldReaders, APaymentHandedInChangesThePanelTheQueueAndTheQuote) {
  ASSERT_FALSE(id_.empty());
  start();
  open(id_);
  // The queue filtered to the account, so that its row is drawn (the table draws the rows scrolled into view).
  const auto row_shown = [&] {
    app_->dispatch(ps::FilterQueue{id_});
    frames(2);
    const nlohmann::json row = state()["rows"][id_];
    app_->dispatch(ps::FilterQueue{""});
    frames(1);
    return row;
  };
  const parley::Account& a = account();
  const parley::Client* client = app_->state().client_of(a);
  const parley::AccountState placed = parley::placement_state(a, client);
  const parley::Money before = placed.balance.total();
  const parley::Locale locale = app_->state().data->entries[*app_->state().data->index_of(id_)].locale;
  nlohmann::json s = state();
  EXPECT_EQ(s["account"]["balance"], parley::format_money(before, locale));
  EXPECT_EQ(row_shown(), parley::format_money(before, locale));
  ASSERT_TRUE(s["quote"].is_object());
  EXPECT_EQ(s["quote"]["balance"], before.minor());
  // The opening offer's down payment is the client's smallest; left there, it follows the balance.
  ASSERT_NE(client, nullptr);
  ASSERT_GT(client->policy.min_down_payment_bp, 0);
  ASSERT_TRUE(app_->state().quoter.request.plan);
  EXPECT_EQ(app_->state().quoter.request.plan->down_payment,
            parley::plans::min_down_payment(client->policy, placed.balance.itemised, a.currency));

  // Sorted by balance, largest first: where the account stands before the payment.
  app_->dispatch(ps::SortQueue{ps::QueueColumn::balance, true});
  const auto place = [&] {
    const auto& rows = app_->state().queue.rows;
    return std::find(rows.begin(), rows.end(), *app_->state().data->index_of(id_)) - rows.begin();
  };
  const auto place_before = place();

  const parley::Money paid(before.minor() - 100, before.currency());  // all but one dollar, pound or euro
  parley::PaymentPosted payment{paid, portfolio_.as_of, parley::PaymentMethod::card,
                                parley::allocate(placed.balance.owed, paid, placed.waterfall()), "R-77"};
  app_->dispatch(ps::JournalReceived{
      "/api/events", lines({other_device(id_, 1, now_.plus_seconds(-600), payment)}), true});
  frames(2);
  s = state();
  const parley::Money after(100, before.currency());
  EXPECT_EQ(s["account"]["balance"], parley::format_money(after, locale)) << s["account"].dump();
  EXPECT_EQ(row_shown(), parley::format_money(after, locale));
  EXPECT_EQ(s["quote"]["balance"], 100);
  EXPECT_TRUE(app_->state().quoter.problems.empty()) << app_->state().quoter.problems.front().text();
  EXPECT_EQ(app_->state().quoter.request.plan->down_payment,
            parley::plans::min_down_payment(client->policy, app_->state().fold_of(id_)->balance.itemised, a.currency));
  EXPECT_LT(app_->state().quoter.request.plan->down_payment, after);
  EXPECT_GT(place(), place_before) << "a smaller balance sorts later, largest first";
  EXPECT_EQ(app_->state().queue.balance_of(app_->state().data->entries[*app_->state().data->index_of(id_)]), after);
  bool described = false;
  for (const auto& line : s["account"]["timeline"]) {
    described = described || line.get<std::string>().find(parley::format_money(paid, locale)) != std::string::npos;
  }
  EXPECT_TRUE(described) << s["account"]["timeline"].dump();
  EXPECT_TRUE(published_.empty()) << "events handed in are never published back";
}

// The letters offered are those of every place the picked party may live: an English account's debtor who moved to
// Paris is offered the French R124-4 letter (CPCE R124-4), which an English debtor is not.
TEST_F(FoldReaders, ADebtorWhoMovedToFranceIsOfferedTheFrenchLetter) {
  const std::string id = account_in(portfolio_, "GB");
  ASSERT_FALSE(id.empty());
  start();
  app_->dispatch(ps::SelectAccount{id});
  frames(2);
  const ps::ContactSlice& cs = app_->state().contact;
  app_->dispatch(ps::PickContact{id, cs.party_id, parley::ContactChannel::letter, ""});
  frames(2);
  nlohmann::json c = state()["contact"];
  EXPECT_FALSE(contains(c["templates"], "fr-r124-4")) << c.dump();

  parley::Account& account = *std::find_if(portfolio_.accounts.begin(), portfolio_.accounts.end(),
                                           [&](const parley::Account& a) { return a.id == id; });
  parley::Address& home = account.parties[0].addresses[0];
  home.postal = parley::PostalAddress{{"5 rue de la Paix"}, "Paris", "", "75002", "FR"};
  home.time_zone = "Europe/Paris";
  start();
  app_->dispatch(ps::SelectAccount{id});
  app_->dispatch(ps::PickContact{id, account.parties[0].id, parley::ContactChannel::letter, ""});
  frames(2);
  c = state()["contact"];
  ASSERT_TRUE(contains(c["templates"], "fr-r124-4")) << c.dump();
  EXPECT_EQ(c["templates"][0], "fr-r124-4") << "the letter the French pack waits for comes first";
}

// The letter channel records a LetterIssued from a template the rule packs name: a French account may be called
// once its R124-4 letter is recorded.
TEST_F(FoldReaders, AFrenchAccountIsCallableOnceItsR1244LetterIsRecorded) {
  const std::string id = account_in(portfolio_, "FR");
  ASSERT_FALSE(id.empty());
  start();
  now_ = parley::from_local(*parley::TimeZone::find("Europe/Paris"), portfolio_.as_of, 11 * 3600).earliest();
  app_->dispatch(ps::SelectAccount{id});
  frames(2);
  nlohmann::json c = state()["contact"];
  ASSERT_EQ(c["channel"], "phone");
  EXPECT_TRUE(contains(c["reasons"], "fr-r124-4-lettre-prealable")) << c.dump();

  // The letter channel: the template the FR pack names, and the button that records the letter sent.
  const ps::ContactSlice& cs = app_->state().contact;
  app_->dispatch(ps::PickContact{id, cs.party_id, parley::ContactChannel::letter, ""});
  frames(2);
  c = state()["contact"];
  EXPECT_EQ(c["templates"], nlohmann::json::array({"fr-r124-4"})) << c.dump();
  ASSERT_EQ(c["allowed"], true) << c.dump();
  EXPECT_FALSE(state()["widgets"].contains("contact.call")) << "a letter is recorded, not started like a call";
  click("contact.letter");
  c = state()["contact"];
  EXPECT_EQ(c["events"], 1) << c.dump();
  EXPECT_TRUE(c["problems"].empty()) << c.dump();
  ASSERT_EQ(published_.size(), 1u);
  const parley::LetterIssued* letter = published_[0].get<parley::LetterIssued>();
  ASSERT_NE(letter, nullptr);
  EXPECT_EQ(letter->template_id, "fr-r124-4");
  EXPECT_EQ(letter->template_version, "external");
  EXPECT_EQ(letter->locale, "fr-FR");
  EXPECT_EQ(letter->provided, portfolio_.as_of);
  EXPECT_EQ(letter->figures, app_->state().fold_of(id)->balance.itemised);
  EXPECT_EQ(letter->document_digest.size(), 64u);
  EXPECT_EQ(published_[0].author.device, "d-desk");
  EXPECT_EQ(published_[0].recorded_at, now_);

  // Back on the phone: the prior-letter rule no longer blocks.
  app_->dispatch(ps::PickContact{id, cs.party_id, parley::ContactChannel::phone, ""});
  frames(2);
  c = state()["contact"];
  EXPECT_FALSE(contains(c["reasons"], "fr-r124-4-lettre-prealable")) << c.dump();
}

// The Insolvency Service's notice of a breathing space, recorded from the contact panel for the picked debtor, stops
// contact with the debtor at once (SI 2020/1311 reg. 11) and shows on the account panel until its last day.
TEST_F(FoldReaders, ABreathingSpaceRecordedFromThePanelStopsContactWithTheDebtor) {
  const std::string id = account_in(portfolio_, "GB");
  ASSERT_FALSE(id.empty());
  start();
  now_ = parley::from_local(*parley::TimeZone::find("Europe/London"), portfolio_.as_of, 12 * 3600).earliest();
  app_->dispatch(ps::SelectAccount{id});
  frames(2);
  nlohmann::json c = state()["contact"];
  EXPECT_FALSE(contains(c["reasons"], "gb-breathing-space")) << c.dump();

  scroll_into_view("contact.panel", "contact.protection");
  click("contact.protection");
  const std::string last_day = portfolio_.as_of.plus_days(59).iso();
  scroll_into_view("contact.panel", "contact.protection.ends");
  type("contact.protection.ends", last_day);
  scroll_into_view("contact.panel", "contact.protection.reference");
  type("contact.protection.reference", "BS-4417");
  scroll_into_view("contact.panel", "contact.protection.record");
  click("contact.protection.record");
  c = state()["contact"];
  const parley::Party& debtor = *app_->state().data->find_account(id)->debtor();
  EXPECT_EQ(c["finished"], "Recorded: breathing space moratorium for " + parley::full_name(debtor) + " from " +
                               portfolio_.as_of.iso() + " to " + last_day)
      << c.dump();
  ASSERT_EQ(published_.size(), 1u);
  EXPECT_EQ(std::get<parley::ProtectionReported>(published_[0].payload),
            (parley::ProtectionReported{debtor.id, parley::Protection::breathing_space, portfolio_.as_of,
                                        portfolio_.as_of.plus_days(59), "BS-4417"}));
  frames(2);
  const nlohmann::json s = state();
  EXPECT_EQ(s["contact"]["allowed"], false);
  EXPECT_TRUE(contains(s["contact"]["reasons"], "gb-breathing-space")) << s["contact"].dump();
  ASSERT_EQ(s["account"]["protections"].size(), 1u) << s["account"].dump();
  EXPECT_NE(s["account"]["protections"][0].get<std::string>().find("(BS-4417): in force"), std::string::npos)
      << s["account"].dump();
  EXPECT_TRUE(s["widgets"].contains("contact.protection.breathing-space"));
  EXPECT_FALSE(s["widgets"].contains("contact.protection.unheld"));  // the UK pack holds it: no warning
}

// A breathing space reported on an American account is kept, but no US law knows the English scheme: the form warns
// before it is recorded that it holds no contact, and neither panel calls it in force while contact goes on.
TEST_F(FoldReaders, AProtectionNoRuleOfTheAccountHoldsIsNeverShownInForce) {
  const std::string id = account_in(portfolio_, "US-");
  ASSERT_FALSE(id.empty());
  start();
  now_ = parley::from_local(*parley::TimeZone::find("America/New_York"), portfolio_.as_of, 12 * 3600).earliest();
  app_->dispatch(ps::SelectAccount{id});
  frames(2);
  const nlohmann::json before = state()["contact"];
  scroll_into_view("contact.panel", "contact.protection");
  click("contact.protection");
  frames(2);
  EXPECT_TRUE(state()["widgets"].contains("contact.protection.unheld"));
  scroll_into_view("contact.panel", "contact.protection.record");
  click("contact.protection.record");
  const nlohmann::json c = state()["contact"];
  EXPECT_NE(c["finished"].get<std::string>().find("; no rule of the account's law holds contact for it"),
            std::string::npos)
      << c.dump();
  ASSERT_EQ(published_.size(), 1u);
  frames(2);
  const nlohmann::json s = state();
  EXPECT_EQ(s["contact"]["allowed"], before["allowed"]) << s["contact"].dump();
  EXPECT_EQ(s["contact"]["reasons"], before["reasons"]) << s["contact"].dump();
  ASSERT_EQ(s["account"]["protections"].size(), 1u) << s["account"].dump();
  const std::string line = s["account"]["protections"][0].get<std::string>();
  EXPECT_NE(line.find(": kept on the account; no rule for " + app_->state().data->find_account(id)->jurisdiction +
                      " holds contact for it"),
            std::string::npos)
      << line;
  EXPECT_EQ(line.find("in force"), std::string::npos) << line;
}

// The US validation notice recorded from the letter channel dates the validation period: a dispute received before
// the notice was provided is outside it and does not pause collection; one received inside it does.
TEST_F(FoldReaders, TheValidationNoticeRecordedFromTheLetterChannelDatesTheValidationPeriod) {
  ASSERT_FALSE(id_.empty());
  start();
  app_->dispatch(ps::AssetReceived{"calendars/US-FEDERAL.json", calendar_text("US-FEDERAL")});
  open(id_);
  const std::string debtor = account().debtor()->id;

  app_->dispatch(ps::PickContact{id_, debtor, parley::ContactChannel::letter, ""});
  frames(2);
  nlohmann::json c = state()["contact"];
  ASSERT_TRUE(contains(c["templates"], "validation-notice")) << c.dump();
  ASSERT_EQ(c["templates"][0], "validation-notice");
  ASSERT_EQ(c["allowed"], true) << c.dump();
  click("contact.letter");
  ASSERT_EQ(published_.size(), 1u) << state()["contact"].dump();
  EXPECT_EQ(published_[0].get<parley::LetterIssued>()->template_id, "validation-notice");
  EXPECT_EQ(published_[0].get<parley::LetterIssued>()->provided, portfolio_.as_of);
  EXPECT_EQ(published_[0].get<parley::LetterIssued>()->purpose, parley::LetterPurpose::validation_notice);
  EXPECT_TRUE(published_[0].get<parley::LetterIssued>()->validation_ends.has_value()) << "the notice states its end";

  // A dispute received ten days before the notice: outside the period, the phone is not paused by it.
  app_->dispatch(ps::PickContact{id_, debtor, parley::ContactChannel::phone, ""});
  app_->dispatch(ps::JournalReceived{
      "/api/events",
      lines({other_device(id_, 1, now_.plus_seconds(-10 * 86400),
                          parley::DisputeOpened{debtor, "not mine", portfolio_.as_of.plus_days(-10)})}),
      true});
  frames(2);
  c = state()["contact"];
  EXPECT_EQ(c["channel"], "phone");
  EXPECT_FALSE(contains(c["reasons"], "us-dispute-validation")) << c.dump();

  // One received on the day the notice was provided is inside it: collection pauses until verification.
  app_->dispatch(ps::JournalReceived{
      "/api/events",
      lines({other_device(id_, 2, now_.plus_seconds(60),
                          parley::DisputeOpened{debtor, "paid already", portfolio_.as_of})}),
      true});
  frames(2);
  c = state()["contact"];
  EXPECT_TRUE(contains(c["reasons"], "us-dispute-validation")) << c.dump();
}

// A dispute that arrives by post is recorded from the panel with its medium and the day it was received, and pauses
// collection at once (15 U.S.C. 1692g(b); 12 CFR 1006.38(d)(2)): no validation notice was sent, so the period has not
// begun to run. A day that is not a date records nothing and names the field.
TEST_F(FoldReaders, ADisputeLetterRecordedFromThePanelPausesCollection) {
  ASSERT_FALSE(id_.empty());
  start();
  open(id_);
  const std::string debtor = account().debtor()->id;
  nlohmann::json c = state()["contact"];
  ASSERT_EQ(c["party"], debtor);
  ASSERT_EQ(c["allowed"], true) << c.dump();
  scroll_into_view("contact.panel", "contact.written");
  click("contact.written");
  scroll_into_view("contact.panel", "contact.written.reason");
  type("contact.written.reason", "Paid in full in 2024");
  scroll_into_view("contact.panel", "contact.written.record");
  click("contact.written.record");
  c = state()["contact"];
  EXPECT_TRUE(c["problems"].empty()) << c.dump();
  EXPECT_EQ(c["finished"], "Recorded: a dispute received by letter on " + portfolio_.as_of.iso());
  ASSERT_EQ(published_.size(), 1u);
  EXPECT_EQ(published_[0].payload, (parley::EventPayload{parley::DisputeOpened{
                                       debtor, "Paid in full in 2024", portfolio_.as_of, parley::DisputeSubject::debt,
                                       parley::ContactChannel::letter}}));
  EXPECT_EQ(c["allowed"], false);
  EXPECT_TRUE(contains(c["reasons"], "us-dispute-validation")) << c.dump();

  scroll_into_view("contact.panel", "contact.written.received");
  type("contact.written.received", "x");
  scroll_into_view("contact.panel", "contact.written.record");
  click("contact.written.record");
  c = state()["contact"];
  ASSERT_EQ(c["problems"].size(), 1u) << c.dump();
  EXPECT_EQ(c["problems"][0].get<std::string>().rfind("received: ", 0), 0u) << c.dump();
  EXPECT_EQ(published_.size(), 1u) << "nothing recorded";
}

// On a verified call the collector takes a card payment through the sandbox processor: the payment is recorded in
// the client's order with only the card's last four, the form is wiped of the number (a second Charge finds none),
// and a card the sandbox declines records nothing. One the sandbox charges back three days later is reversed on
// that day, once.
TEST_F(FoldReaders, APaymentTakenOnTheCallIsPostedWithOnlyTheCardsLastFour) {
  ASSERT_FALSE(id_.empty());
  start();
  open(id_);
  const parley::Party& debtor = *account().debtor();
  ASSERT_TRUE(call()["session"].is_object());
  app_->dispatch(ps::AnswerQuestions{right_answers(debtor)});
  frames(2);
  ASSERT_EQ(state()["contact"]["session"]["state"], "verified");
  scroll_into_view("contact.panel", "contact.payment");
  click("contact.payment");
  const auto fill = [&](const char* number) {  // the card's fields, then Charge
    for (const auto& [widget, text] : {std::pair{"contact.payment.card", number},
                                       std::pair{"contact.payment.expiry", "12/30"},
                                       std::pair{"contact.payment.code", "123"}}) {
      scroll_into_view("contact.panel", widget);
      type(widget, text);
    }
    scroll_into_view("contact.panel", "contact.payment.charge");
    click("contact.payment.charge");
  };
  const std::size_t before = published_.size();
  scroll_into_view("contact.panel", "contact.payment.amount");
  type("contact.payment.amount", "50.00");
  fill("4111 1111 1111 1111");
  nlohmann::json c = state()["contact"];
  EXPECT_TRUE(c["problems"].empty()) << c.dump();
  EXPECT_EQ(c["finished"], "Payment taken: $50.00 by card ending 1111; receipt sandbox-ch-1 (sandbox: no money moved)");
  EXPECT_TRUE(state()["widgets"].contains("contact.payment.result")) << "said under the form, during the call";
  ASSERT_EQ(published_.size(), before + 1);
  const auto* paid = published_.back().get<parley::PaymentPosted>();
  ASSERT_NE(paid, nullptr);
  EXPECT_EQ(paid->amount.minor(), 5000);
  ASSERT_TRUE(paid->instrument.has_value());
  EXPECT_EQ(paid->instrument->last_four, "1111");
  EXPECT_EQ(paid->instrument->processor, "sandbox");
  EXPECT_EQ(parley::save_event(published_.back()).find("4111111111111111"), std::string::npos);

  scroll_into_view("contact.panel", "contact.payment.charge");
  click("contact.payment.charge");
  c = state()["contact"];
  ASSERT_FALSE(c["problems"].empty()) << "the number was wiped from the form";
  EXPECT_EQ(c["problems"][0].get<std::string>().rfind("card.number: ", 0), 0u) << c.dump();
  EXPECT_EQ(published_.size(), before + 1);

  fill("4000 0000 0000 0002");
  c = state()["contact"];
  EXPECT_EQ(c["finished"], "Payment declined: the card was declined; nothing was posted (sandbox: no money moved)");
  EXPECT_EQ(published_.size(), before + 1);

  fill("4000 0000 0000 0077");
  ASSERT_EQ(published_.size(), before + 2) << state()["contact"].dump();
  const parley::EventId charged_back = published_.back().id;
  now_ = now_.plus_seconds(2 * 86400);
  app_->dispatch(ps::ClockTick{now_});
  EXPECT_EQ(published_.size(), before + 2) << "not yet";
  now_ = now_.plus_seconds(86400);
  app_->dispatch(ps::ClockTick{now_});
  ASSERT_EQ(published_.size(), before + 3);
  const auto* reversed = published_.back().get<parley::PaymentReversed>();
  ASSERT_NE(reversed, nullptr);
  EXPECT_EQ(reversed->payment_id, charged_back);
  EXPECT_EQ(reversed->reason, parley::ReversalReason::charged_back);
  now_ = now_.plus_seconds(86400);
  app_->dispatch(ps::ClockTick{now_});
  EXPECT_EQ(published_.size(), before + 3) << "reversed once";
}

// 12 CFR 1006.6(c)(2): after a written cease request the letter channel checks the template picked. The validation
// notice is blocked; the notice that collection efforts end passes, and is recorded with its purpose.
TEST_F(FoldReaders, AfterAWrittenCeaseOnlyTheNoticesItAllowsAreRecorded) {
  ASSERT_FALSE(id_.empty());
  start();
  open(id_);
  const std::string debtor = account().debtor()->id;
  app_->dispatch(ps::JournalReceived{
      "/api/events",
      lines({other_device(id_, 1, now_.plus_seconds(-3600),
                          parley::CeaseRequested{debtor, parley::CeaseScope::all, {}, parley::ContactChannel::letter})}),
      true});
  app_->dispatch(ps::PickContact{id_, debtor, parley::ContactChannel::letter, ""});
  frames(2);
  nlohmann::json c = state()["contact"];
  ASSERT_EQ(c["template"], "validation-notice") << c.dump();
  EXPECT_TRUE(contains(c["templates"], "termination-notice")) << c.dump();
  EXPECT_TRUE(contains(c["reasons"], "us-cease-communication")) << c.dump();
  click("contact.letter");
  EXPECT_TRUE(published_.empty());

  app_->dispatch(ps::PickContact{id_, debtor, parley::ContactChannel::letter, "", "termination-notice"});
  frames(2);
  c = state()["contact"];
  EXPECT_EQ(c["template"], "termination-notice");
  ASSERT_EQ(c["allowed"], true) << c.dump();
  click("contact.letter");
  ASSERT_EQ(published_.size(), 1u) << state()["contact"].dump();
  EXPECT_EQ(published_[0].get<parley::LetterIssued>()->template_id, "termination-notice");
  EXPECT_EQ(published_[0].get<parley::LetterIssued>()->purpose, parley::LetterPurpose::termination);

  // The phone stays blocked by the cease.
  app_->dispatch(ps::PickContact{id_, debtor, parley::ContactChannel::phone, ""});
  frames(2);
  EXPECT_TRUE(contains(state()["contact"]["reasons"], "us-cease-communication"));
}

// A phone-sized window shows the selected account alone (contact panel above the account panel, no queue): the
// letter is picked and recorded there by clicks, and the back button returns to the queue.
class PhoneFrames : public FoldReaders {
 protected:
  PhoneFrames() : FoldReaders(ImVec2(390.0f, 844.0f)) {}
};

TEST_F(PhoneFrames, TheAccountIsShownAloneAndALetterIsRecordedByClicks) {
  ASSERT_FALSE(id_.empty());
  start();
  open(id_);
  nlohmann::json s = state();
  EXPECT_FALSE(s["widgets"].contains("queue.table"));
  ASSERT_TRUE(s["widgets"].contains("account.back"));
  ASSERT_TRUE(s["widgets"].contains("contact.channel"));

  click("contact.channel");
  ASSERT_TRUE(state()["widgets"].contains("contact.channel.letter"));
  click("contact.channel.letter");
  ASSERT_EQ(state()["contact"]["channel"], "letter");
  click("contact.letter");
  ASSERT_EQ(published_.size(), 1u) << state()["contact"].dump();
  EXPECT_EQ(published_[0].get<parley::LetterIssued>()->template_id, "validation-notice");
  s = state();
  ASSERT_EQ(s["account"]["timeline"].size(), 1u);

  click("account.back");
  s = state();
  EXPECT_EQ(s["selected"], "");
  EXPECT_TRUE(s["widgets"].contains("queue.table"));
}

// The account panel: every event newest first in plain words, promises with their status as of the agency's today,
// plans with their instalments' status, holds.
TEST_F(FoldReaders, ThePanelShowsTheTimelineNewestFirstPromisesPlansAndHolds) {
  ASSERT_FALSE(id_.empty());
  start();
  open(id_);
  EXPECT_TRUE(state()["account"]["timeline"].empty());
  ASSERT_TRUE(call()["session"].is_object());
  for (const parley::Answer& answer : right_answers(*account().debtor())) {
    type("contact.answer." + std::string(parley::to_string(answer.question)), answer.text);
  }
  click("contact.verify");
  ASSERT_EQ(state()["contact"]["session"]["state"], "verified");
  now_ = now_.plus_seconds(120);
  alt_key('R');
  nlohmann::json s = state();
  ASSERT_TRUE(s["contact"]["session"].is_null()) << s["contact"].dump();
  const nlohmann::json timeline = s["account"]["timeline"];
  ASSERT_EQ(timeline.size(), 3u) << timeline.dump();  // attempt, verification, outcome: newest first
  EXPECT_NE(timeline[0].get<std::string>().find("utcome"), std::string::npos) << timeline.dump();
  EXPECT_NE(timeline[2].get<std::string>().find(account().debtor()->phones[0].number), std::string::npos)
      << timeline.dump();

  // Promises handed in, one due in three days, one due ten days ago and unpaid: open and broken as of today.
  const parley::Account& a = account();
  const parley::Money amount(2500, a.currency);
  app_->dispatch(ps::JournalReceived{"/api/events",
                                     lines({other_device(id_, 1, now_.plus_seconds(-20 * 86400),
                                                         parley::PromiseMade{amount, portfolio_.as_of.plus_days(-10)}),
                                            other_device(id_, 2, now_.plus_seconds(-3600),
                                                         parley::PromiseMade{amount, portfolio_.as_of.plus_days(3)})}),
                                     true});
  frames(2);
  s = state();
  ASSERT_EQ(s["account"]["promises"].size(), 2u) << s["account"].dump();
  EXPECT_NE(s["account"]["promises"][0].get<std::string>().find(": broken"), std::string::npos) << s["account"].dump();
  EXPECT_NE(s["account"]["promises"][1].get<std::string>().find(": open"), std::string::npos) << s["account"].dump();
  EXPECT_EQ(s["account"]["timeline"].size(), 5u);

  // A plan offered from the quoter: active, its instalments due.
  if (!app_->quoter().can_offer()) {
    app_->dispatch(ps::ApplyAlternative{id_, 0});
    frames(1);
  }
  ASSERT_TRUE(app_->quoter().can_offer());
  click("quoter.offer");
  s = state();
  ASSERT_EQ(s["offers"], 1) << s["account"].dump();
  ASSERT_EQ(s["account"]["plans"].size(), 1u) << s["account"].dump();
  EXPECT_NE(s["account"]["plans"][0].get<std::string>().find(": active"), std::string::npos) << s["account"].dump();
  ASSERT_EQ(app_->state().panel.plans.size(), 1u);
  EXPECT_EQ(app_->state().panel.plans[0].rows.front().status, parley::InstalmentStatus::due);
}

// One "today": at 03:00 UTC the agency in New York is still on the day before; the quote date, an outcome's dates
// (a promise's earliest due date, a dispute's received date) and a letter's provided date are all that day.
TEST_F(FoldReaders, QuotesOutcomesAndLettersTakeTheAgencysDay) {
  ASSERT_FALSE(id_.empty());
  start();
  app_->dispatch(ps::AssetReceived{"calendars/US-FEDERAL.json", calendar_text("US-FEDERAL")});
  const parley::Date agency_day = portfolio_.as_of;
  now_ =
      parley::Instant::from_unix_seconds(std::int64_t{agency_day.plus_days(1).days_since_epoch()} * 86400 + 3 * 3600);
  ASSERT_EQ(now_.utc_date(), agency_day.plus_days(1));
  ASSERT_EQ(parley::agency_today(portfolio_, now_), agency_day);
  app_->dispatch(ps::SelectAccount{id_});
  frames(2);
  EXPECT_EQ(app_->quoter().request.today, agency_day);
  EXPECT_EQ(app_->state().today, agency_day);

  // A letter: provided on the agency's day.
  app_->dispatch(ps::PickContact{id_, account().debtor()->id, parley::ContactChannel::letter, ""});
  frames(2);
  click("contact.letter");
  ASSERT_EQ(published_.size(), 1u) << state()["contact"].dump();
  EXPECT_EQ(published_[0].get<parley::LetterIssued>()->provided, agency_day);
}

TEST(FoldReadersUpdate, AnOutcomeIsDatedOnTheAgencysDay) {
  const parley::Portfolio portfolio = demo_portfolio(80);
  const std::string id = new_york_account(portfolio);
  ASSERT_FALSE(id.empty());
  ps::AppState state = ps::update(ps::AppState{}, ps::PortfolioReceived{"demo", parley::save_portfolio(portfolio)});
  for (ps::AssetReceived& pack : rule_packs()) state = ps::update(std::move(state), std::move(pack));
  const parley::Account& account = *state.data->find_account(id);
  const parley::Party& debtor = *account.debtor();
  // 20:30 in New York: the UTC day is the next one.
  const parley::Instant evening = new_york_time(portfolio, 20 * 3600 + 1800);
  ASSERT_EQ(evening.utc_date(), portfolio.as_of.plus_days(1));
  state = ps::update(std::move(state), ps::StartContact{id, debtor.id, parley::ContactChannel::phone,
                                                        debtor.phones[0].number, parley::EventId::from_parts(7, 1),
                                                        evening, {"u", "d"}});
  ASSERT_TRUE(state.contact.session);
  state = ps::update(std::move(state), ps::AnswerQuestions{right_answers(debtor)});
  ps::FinishContact dispute{parley::ContactOutcome::dispute, {}, {}, evening.plus_seconds(60), {"u", "d"}};
  for (std::uint64_t i = 0; i < 4; ++i) dispute.ids.push_back(parley::EventId::from_parts(8, i + 1));
  dispute.details.dispute_reason = "not mine";
  ps::Step step = ps::step(std::move(state), dispute);
  ASSERT_FALSE(step.state.contact.session)
      << (step.state.contact.problems.empty() ? "" : step.state.contact.problems[0].text());
  ASSERT_EQ(step.effects.size(), 1u);
  const auto& publish = std::get<ps::PublishEvents>(step.effects[0]);
  const parley::DisputeOpened* opened = nullptr;
  for (const parley::Event& event : publish.events) {
    if (const auto* d = event.get<parley::DisputeOpened>()) opened = d;
  }
  ASSERT_NE(opened, nullptr);
  EXPECT_EQ(opened->received, portfolio.as_of) << "the agency's day, not the UTC one";
}

// The limited-content message gives the agency's number and name (the business name 12 CFR 1006.2(j)(1) requires)
// when the host has none; the host's wins.
TEST_F(FoldReaders, TheCallbackNumberIsTheAgencysUnlessTheHostGivesOne) {
  ASSERT_FALSE(id_.empty());
  ASSERT_TRUE(portfolio_.agency);
  start();
  open(id_);
  EXPECT_EQ(state()["contact"]["caller"]["callback"], portfolio_.agency->phone);
  EXPECT_EQ(state()["contact"]["caller"]["business"], portfolio_.agency->name);
  ASSERT_TRUE(call()["session"].is_object());
  bool said = false;
  for (const parley::ScriptItem& item : parley::contact_script(*app_->state().contact.session,
                                                               *app_->state().fold_of(id_),
                                                               app_->state().assets.rules(),
                                                               parley::ScriptContext{"u-collector", "",
                                                                                     portfolio_.agency->phone})) {
    for (const std::string& line : item.lines) said = said || line.find(portfolio_.agency->phone) != std::string::npos;
  }
  EXPECT_TRUE(said) << "the script core writes with that number says it";

  ps::HostServices host;
  host.caller.callback_number = "+18005550100";
  host.caller.business_name = "NA Services";
  start(host);
  open(id_);
  EXPECT_EQ(state()["contact"]["caller"]["callback"], "+18005550100");
  EXPECT_EQ(state()["contact"]["caller"]["business"], "NA Services");
}

// One APR on a screen: the quoter's totals show the APR its disclosure states (core's apr_text), and interest can be
// chosen only where core says the policy allows it.
TEST_F(FoldReaders, TheQuoterShowsTheDisclosuresAprAndInterestOnlyWhereAllowed) {
  ASSERT_FALSE(id_.empty());
  start();
  open(id_);
  ASSERT_TRUE(app_->quoter().quote);
  const parley::plans::Quote& quote = *app_->quoter().quote;
  const parley::Locale locale = app_->state().data->entries[*app_->state().data->index_of(id_)].locale;
  const std::string apr = parley::plans::apr_text(quote, locale);
  EXPECT_EQ(state()["quote"]["apr"], apr);
  EXPECT_NE(parley::plans::disclosure_text(quote, locale).find(apr), std::string::npos);
  const bool allowed = parley::plans::interest_allowed(app_->quoter().request.policy);
  EXPECT_EQ(state()["widgets"].contains("quoter.interest"), allowed);

  // A client without a rate cap: no interest widget, and the request carries no interest whatever is sent.
  for (parley::Client& client : portfolio_.clients) client.policy.max_interest_rate_bp = 0;
  start();
  open(id_);
  EXPECT_FALSE(state()["widgets"].contains("quoter.interest"));
  ps::QuoterTerms terms = app_->quoter().terms();
  ASSERT_TRUE(terms.request.plan);
  terms.request.plan->interest = parley::plans::InterestMethod::simple;
  terms.request.plan->annual_rate_bp = 900;
  app_->dispatch(ps::EditQuote{id_, terms});
  EXPECT_EQ(app_->quoter().request.plan->interest, parley::plans::InterestMethod::none);
  EXPECT_EQ(app_->quoter().request.plan->annual_rate_bp, 0);
}
