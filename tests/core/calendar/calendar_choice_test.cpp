// Which holiday calendar an account's due dates follow: by jurisdiction, then by the debtor's address.

#include <gtest/gtest.h>

#include <string>

#include "parley/calendar/calendar_choice.h"

namespace {

parley::Account account_in(std::string jurisdiction, std::string country = "", std::string postcode = "",
                           std::string region = "") {
  parley::Account account;
  account.id = "A-1";
  account.jurisdiction = std::move(jurisdiction);
  parley::Party debtor;
  debtor.id = "P-1";
  debtor.role = parley::PartyRole::debtor;
  if (!country.empty()) {
    parley::Address address;
    address.postal.country = std::move(country);
    address.postal.postal_code = std::move(postcode);
    address.postal.region = std::move(region);
    debtor.addresses.push_back(address);
  }
  account.parties.push_back(debtor);
  return account;
}

}  // namespace

TEST(CalendarChoice, UnitedStatesStatesFollowTheFederalCalendar) {
  EXPECT_EQ(parley::choose_calendar(account_in("US-MA")).id, "US-FEDERAL");
  EXPECT_EQ(parley::choose_calendar(account_in("US")).id, "US-FEDERAL");
  EXPECT_EQ(parley::choose_calendar(account_in("US-MA")).reason, "jurisdiction US-MA");
  EXPECT_EQ(parley::choose_calendar(account_in("USA")).id, "");  // not "US" followed by a subdivision
}

TEST(CalendarChoice, FranceFollowsTheFrenchCalendar) {
  EXPECT_EQ(parley::choose_calendar(account_in("FR")).id, "FR");
}

TEST(CalendarChoice, UnitedKingdomNationsByJurisdiction) {
  EXPECT_EQ(parley::choose_calendar(account_in("GB-SCT")).id, "GB-SCT");
  EXPECT_EQ(parley::choose_calendar(account_in("GB-ENG")).id, "GB-ENG");
  EXPECT_EQ(parley::choose_calendar(account_in("GB-WLS")).id, "GB-ENG");
  const parley::CalendarChoice ni = parley::choose_calendar(account_in("GB-NIR", "GB", "BT7 1NN"));
  EXPECT_EQ(ni.id, "");
  EXPECT_NE(ni.reason.find("Northern Ireland"), std::string::npos) << ni.reason;
}

TEST(CalendarChoice, GreatBritainWithoutANationGoesByThePostcodeArea) {
  EXPECT_EQ(parley::choose_calendar(account_in("GB", "GB", "EH6 4AB")).id, "GB-SCT");
  EXPECT_EQ(parley::choose_calendar(account_in("GB", "GB", "g12 8QQ")).id, "GB-SCT");
  EXPECT_EQ(parley::choose_calendar(account_in("GB", "GB", "GL1 2AB")).id, "GB-ENG");  // Gloucester, not G
  EXPECT_EQ(parley::choose_calendar(account_in("GB", "GB", "TD15 1AA")).id, "GB-ENG");  // Berwick-upon-Tweed
  EXPECT_EQ(parley::choose_calendar(account_in("GB", "GB", "TD1 1AA")).id, "GB-SCT");
  EXPECT_EQ(parley::choose_calendar(account_in("GB", "GB", "LS6 2AB")).id, "GB-ENG");
  EXPECT_EQ(parley::choose_calendar(account_in("GB", "GB", "BT9 5AA")).id, "");
  EXPECT_EQ(parley::choose_calendar(account_in("GB", "GB", "EH6 4AB")).reason, "address postcode EH6 4AB");
}

TEST(CalendarChoice, GreatBritainWithoutAPostcodeGoesByTheNationNamed) {
  EXPECT_EQ(parley::choose_calendar(account_in("GB", "GB", "", "Scotland")).id, "GB-SCT");
  EXPECT_EQ(parley::choose_calendar(account_in("GB", "GB", "", "Wales")).id, "GB-ENG");
  EXPECT_EQ(parley::choose_calendar(account_in("GB", "GB", "", "Lothian")).id, "");
}

TEST(CalendarChoice, UnknownJurisdictionFallsBackToTheAddressCountry) {
  EXPECT_EQ(parley::choose_calendar(account_in("", "US", "02110")).id, "US-FEDERAL");
  EXPECT_EQ(parley::choose_calendar(account_in("", "FR", "75001")).id, "FR");
  EXPECT_EQ(parley::choose_calendar(account_in("DE", "DE", "10115")).id, "");
  EXPECT_EQ(parley::choose_calendar(account_in("")).id, "");
}
