// Right-party verification: which identity questions the account data supports, answers normalised and
// checked, and a PartyVerified only when enough distinct answers pass. No returned text reveals an expected
// answer.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "contact_fixtures.h"

namespace parley {
namespace {

using namespace contact_test;
using Q = IdentityQuestion;

VerificationResult ask(const Account& a, std::vector<Answer> answers, const HmacKey* key = nullptr,
                       const char* party = "P-1") {
  const AccountState state = fold(a, nullptr, {});
  return check_answers(state, party, answers, key);
}

bool passes(const Account& a, Q q, const char* text, const HmacKey* key = nullptr) {
  const VerificationResult r = ask(a, {{q, text}}, key);
  EXPECT_TRUE(r.problems.empty()) << (r.problems.empty() ? "" : r.problems[0].text());
  return r.problems.empty() && r.answers.size() == 1 && r.answers[0].passed;
}

TEST(ContactVerification, QuestionsComeFromTheAccountData) {
  const Account a = us_account();
  EXPECT_EQ(identity_questions(a.parties[0]),
            (std::vector<Q>{Q::birth_date, Q::national_id_last4, Q::postal_code, Q::city}));
  EXPECT_EQ(identity_questions(a.parties[0], &test_key()),
            (std::vector<Q>{Q::birth_date, Q::national_id_last4, Q::national_id, Q::postal_code, Q::city}));
  EXPECT_TRUE(identity_questions(a.parties[1]).empty());  // the co-signer has no verification data

  Party moved = a.parties[0];
  moved.addresses[0].provenance.status = ContactStatus::bad;  // no current address left: no address questions
  EXPECT_EQ(identity_questions(moved), (std::vector<Q>{Q::birth_date, Q::national_id_last4}));
}

TEST(ContactVerification, SpellingsRoundTrip) {
  for (Q q : {Q::birth_date, Q::national_id_last4, Q::national_id, Q::postal_code, Q::city}) {
    EXPECT_EQ(parse_identity_question(to_string(q)), q);
    EXPECT_FALSE(question_prompt(q).empty());
  }
  EXPECT_EQ(parse_identity_question("mother-maiden-name"), std::nullopt);
}

TEST(ContactVerification, BirthDateFormatsAreNormalised) {
  const Account a = us_account();
  for (const char* text : {"1980-04-12", " 1980/4/12 ", "04/12/1980", "4-12-1980", "April 12, 1980",
                           "12 april 1980", "apr 12th 1980", "12 avril 1980"}) {
    EXPECT_TRUE(passes(a, Q::birth_date, text)) << text;
  }
  for (const char* text : {"1980-04-13", "12/04/1980", "04/12/1981", "May 12 1980"}) {
    EXPECT_FALSE(passes(a, Q::birth_date, text)) << text;
  }
  // Day-first outside en-US; an unambiguous day-first date is read either way.
  Account gb = a;
  gb.language = "en-GB";
  EXPECT_TRUE(passes(gb, Q::birth_date, "12/04/1980"));
  EXPECT_FALSE(passes(gb, Q::birth_date, "04/12/1980"));
  Account late = a;
  late.parties[0].birth_date = day("1980-04-25");
  EXPECT_TRUE(passes(late, Q::birth_date, "25/04/1980"));

  const VerificationResult r = ask(a, {{Q::birth_date, "12/04/80"}});
  ASSERT_EQ(r.answers.size(), 1u);
  EXPECT_FALSE(r.answers[0].passed);
  EXPECT_EQ(r.answers[0].words, "not a date with a four-digit year");
}

TEST(ContactVerification, IdsPostalCodesAndCitiesAreNormalised) {
  const Account a = us_account();
  EXPECT_TRUE(passes(a, Q::national_id_last4, " 67 89 "));
  EXPECT_FALSE(passes(a, Q::national_id_last4, "6788"));
  EXPECT_FALSE(passes(a, Q::national_id_last4, "56789"));  // the whole tail is not four characters
  EXPECT_TRUE(passes(a, Q::national_id, "123 45 6789", &test_key()));
  EXPECT_TRUE(passes(a, Q::national_id, "123456789", &test_key()));
  EXPECT_TRUE(passes(a, Q::national_id, "123-45-6789", &test_key()));
  EXPECT_FALSE(passes(a, Q::national_id, "123-45-6788", &test_key()));
  EXPECT_TRUE(passes(a, Q::postal_code, "02139"));
  EXPECT_TRUE(passes(a, Q::postal_code, "02139-4307"));  // ZIP+4 of the same ZIP
  EXPECT_FALSE(passes(a, Q::postal_code, "01103"));      // a bad (former) address does not verify
  EXPECT_TRUE(passes(a, Q::city, "  CAMBRIDGE "));
  EXPECT_FALSE(passes(a, Q::city, "Springfield"));
  EXPECT_FALSE(passes(a, Q::city, ""));

  Account fr = a;
  fr.parties[0].addresses[0].postal = PostalAddress{{"3 rue Neuve"}, "Saint-Étienne", "42", "42000", "FR"};
  EXPECT_TRUE(passes(fr, Q::city, "saint etienne"));
  EXPECT_TRUE(passes(fr, Q::city, "SAINT-ÉTIENNE"));
  EXPECT_TRUE(passes(fr, Q::postal_code, "42 000"));
  Party uk = a.parties[0];
  uk.national_id = test_key().secret_id("QQ123456C");
  uk.addresses[0].postal = PostalAddress{{"1 High St"}, "Leeds", "ENG", "LS1 4AP", "GB"};
  Account gb = a;
  gb.parties[0] = uk;
  EXPECT_TRUE(passes(gb, Q::national_id_last4, "456c"));
  EXPECT_TRUE(passes(gb, Q::postal_code, "ls14ap"));
}

TEST(ContactVerification, TwoDistinctCorrectAnswersVerify) {
  const Account a = us_account();
  const VerificationResult one = ask(a, {{Q::birth_date, "1980-04-12"}, {Q::city, "Boston"}});
  EXPECT_TRUE(one.problems.empty());
  EXPECT_EQ(one.passed, 1);
  EXPECT_FALSE(one.verified.has_value());

  const VerificationResult two =
      ask(a, {{Q::birth_date, "1980-04-12"}, {Q::city, "Boston"}, {Q::postal_code, "02139"}});
  EXPECT_EQ(two.passed, 2);
  ASSERT_TRUE(two.verified.has_value());
  EXPECT_EQ(*two.verified, (PartyVerified{"P-1", VerificationMethod::security_questions, 2}));
  EXPECT_EQ(questions_needed_to_verify, 2);
}

TEST(ContactVerification, WordsNeverRevealTheExpectedAnswer) {
  const Account a = us_account();
  const VerificationResult r = ask(a,
                                   {{Q::birth_date, "1999-01-01"},
                                    {Q::national_id_last4, "0000"},
                                    {Q::national_id, "999-99-9999"},
                                    {Q::postal_code, "99999"},
                                    {Q::city, "Nowhere"}},
                                   &test_key());
  ASSERT_EQ(r.answers.size(), 5u);
  EXPECT_EQ(r.passed, 0);
  for (const AnswerResult& ar : r.answers) {
    EXPECT_FALSE(ar.passed);
    EXPECT_EQ(ar.words, "does not match");
    for (const char* secret : {"1980", "04-12", "6789", "123", "02139", "Cambridge", "cambridge"}) {
      EXPECT_EQ(ar.words.find(secret), std::string::npos) << ar.words;
    }
  }
}

TEST(ContactVerification, BadInputIsAProblemNamingTheField) {
  const Account a = us_account();
  const VerificationResult unknown = ask(a, {{Q::birth_date, "1980-04-12"}}, nullptr, "P-9");
  ASSERT_EQ(unknown.problems.size(), 1u);
  EXPECT_EQ(unknown.problems[0].path, "party_id");
  EXPECT_TRUE(unknown.answers.empty());
  EXPECT_FALSE(unknown.verified.has_value());

  const VerificationResult twice = ask(a, {{Q::birth_date, "1980-04-12"}, {Q::birth_date, "1980-04-12"}});
  ASSERT_EQ(twice.problems.size(), 1u);
  EXPECT_EQ(twice.problems[0].path, "answers[1].question");
  EXPECT_FALSE(twice.verified.has_value());  // the same question twice never verifies

  const VerificationResult no_key = ask(a, {{Q::national_id, "123-45-6789"}});
  ASSERT_EQ(no_key.problems.size(), 1u);
  EXPECT_EQ(no_key.problems[0].path, "answers[0].question");

  const VerificationResult no_data = ask(a, {{Q::birth_date, "1980-04-12"}}, nullptr, "P-2");
  ASSERT_EQ(no_data.problems.size(), 1u);
  EXPECT_EQ(no_data.problems[0].path, "answers[0].question");
}

}  // namespace
}  // namespace parley
