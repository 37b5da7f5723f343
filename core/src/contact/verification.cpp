// Right-party verification: the identity questions the party's data can answer, and answers checked against
// it after normalisation. Returned words never contain the expected value.
//
// Index of this file:
// [SECTION] Names       spellings and prompts of the questions
// [SECTION] Normalise   text folding for codes and city names
// [SECTION] Dates       birth dates in the forms people say them
// [SECTION] Questions   which questions a party can answer
// [SECTION] Answers     check_answers
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "parley/contact/contact.h"

namespace parley {

// [SECTION] Names -----------------------------------------------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, 5> kQuestionNames{"birth-date", "national-id-last4", "national-id",
                                                         "postal-code", "city"};
constexpr std::array<std::string_view, 5> kQuestionPrompts{
    "What is your date of birth?",
    "What are the last four characters of your national identification number?",
    "What is your national identification number?",
    "What is the postal code of your current address?",
    "In which city is your current address?",
};

}  // namespace

std::string_view to_string(IdentityQuestion q) {
  return kQuestionNames[static_cast<std::size_t>(q)];
}

std::optional<IdentityQuestion> parse_identity_question(std::string_view text) {
  for (std::size_t i = 0; i < kQuestionNames.size(); ++i) {
    if (kQuestionNames[i] == text) return static_cast<IdentityQuestion>(i);
  }
  return std::nullopt;
}

std::string_view question_prompt(IdentityQuestion q) {
  return kQuestionPrompts[static_cast<std::size_t>(q)];
}

namespace {

// [SECTION] Normalise -------------------------------------------------------------------------------------------------

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
char upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// Letters and digits only, upper case: "ab 12-34" -> "AB1234". Used for codes (postal codes, ids).
std::string compact_code(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (is_digit(c) || is_alpha(c)) out += upper(c);
  }
  return out;
}

// The ASCII letter a two-byte UTF-8 Latin-1 letter (U+00C0..U+00FF) folds to, or 0.
char fold_latin1(unsigned char second) {
  // Second bytes 0x80..0xBF after 0xC3 are U+00C0..U+00FF.
  static constexpr std::string_view kFold =
      "aaaaaaaceeeeiiiidnooooo-ouuuuyps"
      "aaaaaaaceeeeiiiidnooooo-ouuuuypy";
  if (second < 0x80 || second > 0xBF) return 0;
  const char f = kFold[second - 0x80];
  return f == '-' ? 0 : f;
}

// City names compared without case, accents, spaces or punctuation: "Saint-Étienne" == "saint etienne".
std::string fold_city(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xC3 && i + 1 < text.size()) {
      if (char f = fold_latin1(static_cast<unsigned char>(text[i + 1]))) out += f;
      ++i;
    } else if (c < 0x80) {
      if (is_digit(static_cast<char>(c)) || is_alpha(static_cast<char>(c)))
        out += lower(static_cast<char>(c));
    } else {
      out += static_cast<char>(c);  // other UTF-8 bytes kept as they are
    }
  }
  return out;
}

// [SECTION] Dates -----------------------------------------------------------------------------------------------------

struct MonthName {
  std::string_view name;
  int month;
};
// English, French and Spanish month names; a word of three letters or more matches the names it begins.
constexpr std::array<MonthName, 36> kMonths{{
    {"january", 1}, {"february", 2}, {"march", 3},      {"april", 4},    {"may", 5},        {"june", 6},
    {"july", 7},    {"august", 8},   {"september", 9},  {"october", 10}, {"november", 11},  {"december", 12},
    {"janvier", 1}, {"fevrier", 2},  {"mars", 3},       {"avril", 4},    {"mai", 5},        {"juin", 6},
    {"juillet", 7}, {"aout", 8},     {"septembre", 9},  {"octobre", 10}, {"novembre", 11},  {"decembre", 12},
    {"enero", 1},   {"febrero", 2},  {"marzo", 3},      {"abril", 4},    {"mayo", 5},       {"junio", 6},
    {"julio", 7},   {"agosto", 8},   {"septiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
}};

int month_of_word(const std::string& word) {
  if (word.size() < 3) return 0;
  int found = 0;
  for (const MonthName& m : kMonths) {
    if (m.name.substr(0, word.size()) == word) {
      if (found != 0 && found != m.month) return 0;  // ambiguous ("ju")
      found = m.month;
    }
  }
  return found;
}

struct Token {
  std::string text;
  bool number = false;
};

std::vector<Token> date_tokens(std::string_view text) {
  std::vector<Token> out;
  Token current;
  const auto flush = [&] {
    if (!current.text.empty()) out.push_back(current);
    current = Token{};
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    char ch = 0;
    if (c == 0xC3 && i + 1 < text.size()) {
      ch = fold_latin1(static_cast<unsigned char>(text[i + 1]));
      ++i;
    } else if (c < 0x80 && (is_alpha(static_cast<char>(c)) || is_digit(static_cast<char>(c)))) {
      ch = lower(static_cast<char>(c));
    }
    if (ch == 0) {
      flush();
      continue;
    }
    const bool digit = is_digit(ch);
    if (!current.text.empty() && current.number != digit) flush();  // "12april" -> "12", "april"
    current.number = digit;
    current.text += ch;
  }
  flush();
  // Ordinal suffixes: "12th", "1st", "1er" drop their letters.
  std::vector<Token> kept;
  for (const Token& t : out) {
    if (!t.number && (t.text == "st" || t.text == "nd" || t.text == "rd" || t.text == "th" ||
                      t.text == "er" || t.text == "of" || t.text == "de")) {
      continue;
    }
    kept.push_back(t);
  }
  return kept;
}

int number_of(const std::string& digits) {
  if (digits.size() > 4) return -1;
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

// A birth date in ISO order (1980-04-12), numeric day and month in the locale's order (04/12/1980 in en-US,
// 12/04/1980 elsewhere; the other order when the locale's is no date), or with a month name (12 April 1980,
// April 12, 1980). Years have four digits.
std::optional<Date> parse_spoken_date(std::string_view text, bool month_first) {
  const std::vector<Token> t = date_tokens(text);
  if (t.size() != 3) return std::nullopt;
  int named = -1;
  for (std::size_t i = 0; i < 3; ++i) {
    if (!t[i].number) {
      if (named >= 0) return std::nullopt;
      named = static_cast<int>(i);
    }
  }
  if (named >= 0) {
    const int month = month_of_word(t[static_cast<std::size_t>(named)].text);
    if (month == 0) return std::nullopt;
    int year = -1;
    int day = -1;
    for (std::size_t i = 0; i < 3; ++i) {
      if (static_cast<int>(i) == named) continue;
      if (t[i].text.size() == 4) {
        year = number_of(t[i].text);
      } else if (t[i].text.size() <= 2) {
        day = number_of(t[i].text);
      }
    }
    if (year < 0 || day < 0) return std::nullopt;
    return Date::from_ymd(year, month, day);
  }
  if (t[0].text.size() == 4 && t[1].text.size() <= 2 && t[2].text.size() <= 2) {
    return Date::from_ymd(number_of(t[0].text), number_of(t[1].text), number_of(t[2].text));
  }
  if (t[2].text.size() == 4 && t[0].text.size() <= 2 && t[1].text.size() <= 2) {
    const int a = number_of(t[0].text);
    const int b = number_of(t[1].text);
    const int year = number_of(t[2].text);
    std::optional<Date> first = month_first ? Date::from_ymd(year, a, b) : Date::from_ymd(year, b, a);
    if (first) return first;
    return month_first ? Date::from_ymd(year, b, a) : Date::from_ymd(year, a, b);
  }
  return std::nullopt;
}

// [SECTION] Questions -------------------------------------------------------------------------------------------------

bool has_current_address(const Party& party, bool postal) {
  return std::any_of(party.addresses.begin(), party.addresses.end(), [&](const Address& a) {
    return a.provenance.status == ContactStatus::current &&
           !(postal ? compact_code(a.postal.postal_code) : fold_city(a.postal.city)).empty();
  });
}

bool can_answer(const Party& party, IdentityQuestion q, const HmacKey* key) {
  switch (q) {
    case IdentityQuestion::birth_date:
      return party.birth_date.has_value();
    case IdentityQuestion::national_id_last4:
      return party.national_id && compact_code(party.national_id->last4).size() == 4;
    case IdentityQuestion::national_id:
      return key != nullptr && party.national_id && !party.national_id->keyed_hash.empty();
    case IdentityQuestion::postal_code:
      return has_current_address(party, true);
    case IdentityQuestion::city:
      return has_current_address(party, false);
  }
  return false;
}

// [SECTION] Answers ---------------------------------------------------------------------------------------------------

bool postal_matches(std::string_view expected_text, const std::string& given) {
  const std::string expected = compact_code(expected_text);
  if (expected.empty()) return false;
  if (expected == given) return true;
  // A US ZIP+4 and its five-digit ZIP name the same place.
  const auto all_digits = [](const std::string& s) { return std::all_of(s.begin(), s.end(), is_digit); };
  if (all_digits(expected) && all_digits(given)) {
    if (expected.size() == 5 && given.size() == 9) return given.compare(0, 5, expected) == 0;
    if (expected.size() == 9 && given.size() == 5) return expected.compare(0, 5, given) == 0;
  }
  return false;
}

bool national_id_matches(const SecretId& id, const HmacKey& key, std::string_view given) {
  std::string trimmed(given);
  while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
  while (!trimmed.empty() && trimmed.front() == ' ') trimmed.erase(trimmed.begin());
  const std::string code = compact_code(given);
  std::vector<std::string> forms{trimmed, code};
  if (code.size() == 9 && std::all_of(code.begin(), code.end(), is_digit)) {
    forms.push_back(code.substr(0, 3) + "-" + code.substr(3, 2) + "-" + code.substr(5));  // US SSN form
  }
  return std::any_of(forms.begin(), forms.end(),
                     [&](const std::string& f) { return !f.empty() && to_hex(key.mac(f)) == id.keyed_hash; });
}

AnswerResult check_one(const Account& account, const Party& party, const Answer& answer, const HmacKey* key) {
  AnswerResult r{answer.question, false, "does not match"};
  switch (answer.question) {
    case IdentityQuestion::birth_date: {
      const std::optional<Date> given = parse_spoken_date(answer.text, account.language == "en-US");
      if (!given) {
        r.words = "not a date with a four-digit year";
      } else {
        r.passed = *given == *party.birth_date;
      }
      break;
    }
    case IdentityQuestion::national_id_last4: {
      const std::string given = compact_code(answer.text);
      if (given.size() != 4) {
        r.words = "four letters or digits expected";
      } else {
        r.passed = given == compact_code(party.national_id->last4);
      }
      break;
    }
    case IdentityQuestion::national_id:
      r.passed = national_id_matches(*party.national_id, *key, answer.text);
      break;
    case IdentityQuestion::postal_code: {
      const std::string given = compact_code(answer.text);
      r.passed = std::any_of(party.addresses.begin(), party.addresses.end(), [&](const Address& a) {
        return a.provenance.status == ContactStatus::current && postal_matches(a.postal.postal_code, given);
      });
      break;
    }
    case IdentityQuestion::city: {
      const std::string given = fold_city(answer.text);
      r.passed = !given.empty() &&
                 std::any_of(party.addresses.begin(), party.addresses.end(), [&](const Address& a) {
                   return a.provenance.status == ContactStatus::current && fold_city(a.postal.city) == given;
                 });
      break;
    }
  }
  if (r.passed) r.words = "matches";
  return r;
}

bool treated_as_consumer(PartyRole role) {
  return role == PartyRole::spouse || role == PartyRole::parent || role == PartyRole::guardian ||
         represents_estate(role);
}

}  // namespace

const Party* answering_party(const AccountState& state, std::string_view party_id, const HmacKey* key) {
  const PartyRecord* record = state.party(party_id);
  if (record == nullptr) return nullptr;
  const Party* party = record->party;
  if (!identity_questions(*party, key).empty()) return party;
  if (!treated_as_consumer(party->role)) return nullptr;
  const Party* consumer = state.account->debtor();
  return consumer != nullptr && !identity_questions(*consumer, key).empty() ? consumer : nullptr;
}

std::vector<IdentityQuestion> identity_questions(const AccountState& state, std::string_view party_id,
                                                 const HmacKey* key) {
  const Party* answering = answering_party(state, party_id, key);
  return answering != nullptr ? identity_questions(*answering, key) : std::vector<IdentityQuestion>{};
}

std::vector<IdentityQuestion> identity_questions(const Party& party, const HmacKey* key) {
  std::vector<IdentityQuestion> out;
  for (std::size_t i = 0; i < kQuestionNames.size(); ++i) {
    const auto q = static_cast<IdentityQuestion>(i);
    if (can_answer(party, q, key)) out.push_back(q);
  }
  return out;
}

VerificationResult check_answers(const AccountState& state, std::string_view party_id,
                                 std::span<const Answer> answers, const HmacKey* key) {
  VerificationResult out;
  const Account& account = *state.account;
  const PartyRecord* record = state.party(party_id);
  if (record == nullptr) {
    out.problems.push_back({"party_id", "no party with this id on the account"});
    return out;
  }
  // Without an answering party, the party's own (empty) data: each answer is then a problem of its own.
  const Party* answering = answering_party(state, party_id, key);
  const Party* party = answering != nullptr ? answering : record->party;
  std::array<bool, kQuestionNames.size()> seen{};
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const IdentityQuestion q = answers[i].question;
    const auto qi = static_cast<std::size_t>(q);
    const std::string path = "answers[" + std::to_string(i) + "].question";
    if (qi >= seen.size()) {
      out.problems.push_back({path, "not a known question"});
    } else if (seen[qi]) {
      out.problems.push_back({path, "asked twice"});
    } else if (!can_answer(*party, q, key)) {
      out.problems.push_back({path, q == IdentityQuestion::national_id && key == nullptr
                                        ? "needs the installation key"
                                        : "the account data cannot answer it"});
    }
    if (qi < seen.size()) seen[qi] = true;
  }
  if (!out.problems.empty()) return out;
  for (const Answer& a : answers) {
    out.answers.push_back(check_one(account, *party, a, key));
    if (out.answers.back().passed) ++out.passed;
  }
  if (out.passed >= questions_needed_to_verify) {
    out.verified = PartyVerified{std::string(party_id), VerificationMethod::security_questions, out.passed};
  }
  return out;
}

}  // namespace parley
