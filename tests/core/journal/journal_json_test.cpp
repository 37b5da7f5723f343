// The journal's JSON form: round trips of every kind, the canonical text, JSON Lines, and bad input named by line
// and member.
#include "parley/journal/journal_json.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "event_fixtures.h"

namespace parley {
namespace {

using testdata::every_kind_events;

std::string all_text(const Problems& problems) {
  std::string all;
  for (const Problem& p : problems) all += p.text() + "\n";
  return all;
}

// The canonical line of the fixture's promise (every_kind_events()[3]).
constexpr std::string_view kPromiseLine =
    R"({"id":"0190f3a1b2c3d4e50000000000000068","type":"promise-made","account_id":"A-0001",)"
    R"("recorded_at":"2026-03-08T13:30:04Z","author":{"user":"u-collector-17","device":"d-laptop-1"},)"
    R"("sequence":4,"payload":{"amount":12500,"currency":"USD","due":"2026-03-20"}})";

std::string replace_first(std::string text, std::string_view from, std::string_view to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "text lacks: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// A JSON Lines text of the fixture events, with line `line` (from 1) replaced by `replacement`.
std::string lines_with(std::size_t line, const std::string& replacement) {
  std::string out;
  const std::vector<Event> events = every_kind_events();
  for (std::size_t i = 0; i < events.size(); ++i) out += (i + 1 == line ? replacement : save_event(events[i])) + "\n";
  return out;
}

// The problems of a JSON Lines text that must fail: nothing may be loaded.
Problems failing(const std::string& text) {
  const EventLinesLoad load = load_event_lines(text);
  EXPECT_FALSE(load.ok());
  EXPECT_TRUE(load.events.empty());
  const JournalLoad journal = load_journal(text);
  EXPECT_FALSE(journal.ok());
  EXPECT_EQ(journal.problems, load.problems);
  return load.problems;
}

// [SECTION] Round trips and the canonical form

TEST(JournalJson, EveryKindRoundTrips) {
  for (const Event& e : every_kind_events()) {
    const std::string text = save_event(e);
    const EventLoad load = load_event(text);
    ASSERT_TRUE(load.ok()) << to_string(e.kind()) << ": " << all_text(load.problems);
    EXPECT_EQ(*load.event, e) << text;
    EXPECT_EQ(save_event(*load.event), text);
    EXPECT_NE(text.find(R"("type":")" + std::string(to_string(e.kind())) + "\""), std::string::npos);
  }
}

TEST(JournalJson, CanonicalText) {
  EXPECT_EQ(save_event(every_kind_events()[3]), kPromiseLine);
  EXPECT_EQ(save_event(every_kind_events()[9]).substr(save_event(every_kind_events()[9]).find("\"payload\"")),
            R"("payload":{"party_id":"P-1","avoid_times":[{"weekday":"monday","from":"08:00","to":"10:30"},)"
            R"({"weekday":"sunday","from":"00:00","to":"24:00"}],"avoid_channels":["phone"]}})");
}

// A letter's purpose and stated end date, a dispute's subject and how a dispute or a cease request arrived are optional
// members: an event written before they existed reads with their defaults and keeps its bytes; given, they are read
// and written.
// A payment taken through a processor keeps what identifies its instrument without its number: the kind, the last
// four, the processor's token and charge reference. One posted from elsewhere has none and keeps its bytes.
TEST(JournalJson, APaymentsInstrumentIsOptionalAndKeepsOnlyItsLastFour) {
  const Event taken = every_kind_events()[5];
  const std::string text = save_event(taken);
  EXPECT_NE(text.find(R"("instrument":{"kind":"us-bank-account","last_four":"6789","processor":"sandbox",)"
                      R"("token":"sandbox-tok-7f3a","reference":"sandbox-ch-0042"})"),
            std::string::npos)
      << text;
  EXPECT_EQ(*load_event(text).event, taken);

  Event posted = taken;
  std::get<PaymentPosted>(posted.payload).instrument.reset();
  EXPECT_EQ(save_event(posted).find("instrument"), std::string::npos);
  EXPECT_FALSE(load_event(save_event(posted)).event->get<PaymentPosted>()->instrument.has_value());

  EXPECT_EQ(all_text(load_event(replace_first(text, "\"6789\"", "\"123456789\"")).problems),
            "payload.instrument.last_four: must be the last four digits or capital letters\n");
  EXPECT_EQ(all_text(load_event(replace_first(text, "\"sandbox-tok-7f3a\"", "\"\"")).problems),
            "payload.instrument.token: must not be empty\n");
  EXPECT_EQ(all_text(load_event(replace_first(text, "\"us-bank-account\"", "\"cash\"")).problems),
            "payload.instrument.kind: expected one of \"card\", \"us-bank-account\", \"iban\", got \"cash\"\n");
}

TEST(JournalJson, OptionalMembersKeepOlderEventsBytesAndRoundTripWhenGiven) {
  const std::vector<Event> events = every_kind_events();
  for (const std::size_t i : {std::size_t{6}, std::size_t{7}, std::size_t{8}}) {
    const std::string text = save_event(events[i]);
    for (const char* member : {"\"purpose\"", "\"validation_ends\"", "\"subject\"", "\"via\""}) {
      EXPECT_EQ(text.find(member), std::string::npos) << text;
    }
  }
  EXPECT_EQ(load_event(save_event(events[6])).event->get<LetterIssued>()->purpose, LetterPurpose::collection);
  EXPECT_EQ(load_event(save_event(events[7])).event->get<DisputeOpened>()->subject, DisputeSubject::debt);
  EXPECT_FALSE(load_event(save_event(events[7])).event->get<DisputeOpened>()->via.has_value());
  EXPECT_FALSE(load_event(save_event(events[8])).event->get<CeaseRequested>()->via.has_value());

  Event notice = events[6];
  auto& letter = std::get<LetterIssued>(notice.payload);
  letter.purpose = LetterPurpose::validation_notice;
  letter.validation_ends = letter.provided.plus_days(40);
  Event request = events[7];
  std::get<DisputeOpened>(request.payload).subject = DisputeSubject::original_creditor;
  std::get<DisputeOpened>(request.payload).via = ContactChannel::email;
  Event cease = events[8];
  std::get<CeaseRequested>(cease.payload).via = ContactChannel::phone;
  for (const Event& e : {notice, request, cease}) {
    const std::string text = save_event(e);
    const EventLoad load = load_event(text);
    ASSERT_TRUE(load.ok()) << all_text(load.problems);
    EXPECT_EQ(*load.event, e) << text;
  }
  EXPECT_NE(save_event(notice).find(R"("purpose":"validation-notice","validation_ends":")" +
                                    letter.validation_ends->iso() + "\"}"),
            std::string::npos)
      << save_event(notice);
  EXPECT_NE(save_event(request).find(R"("subject":"original-creditor","via":"email"})"), std::string::npos);
  EXPECT_NE(save_event(cease).find(R"("via":"phone"})"), std::string::npos);

  // Bad values are named by member; an end date belongs to a validation notice and is not before it was provided.
  const std::string line = save_event(notice);
  EXPECT_EQ(all_text(load_event(replace_first(line, "\"purpose\":\"validation-notice\"", "\"purpose\":\"reminder\"")).problems),
            "payload.purpose: expected one of \"collection\", \"prior-letter\", \"validation-notice\", "
            "\"verification\", \"original-creditor\", \"termination\", \"remedy\", got \"reminder\"\n");
  EXPECT_EQ(all_text(load_event(replace_first(line, "\"purpose\":\"validation-notice\"", "\"purpose\":\"collection\"")).problems),
            "payload.validation_ends: is stated only by a letter of purpose \"validation-notice\"\n");
  letter.validation_ends = letter.provided.plus_days(-1);
  EXPECT_EQ(all_text(load_event(save_event(notice)).problems), "payload.validation_ends: must not be before provided\n");
  EXPECT_EQ(all_text(load_event(replace_first(save_event(cease), "\"via\":\"phone\"", "\"via\":\"fax\"")).problems),
            "payload.via: expected one of \"phone\", \"sms\", \"email\", \"letter\", \"in-person\", got \"fax\"\n");
}

// An email contact point is a work email only when it says so; false is left out, so older events keep their bytes.
TEST(JournalJson, AWorkEmailIsMarkedOnlyWhenItIsOne) {
  Email email{"dreyes@employer.example", false,
              Provenance{"party", *Date::from_ymd(2026, 3, 1), std::nullopt, ContactStatus::current}};
  Event e = every_kind_events()[12];
  std::get<ContactPointAdded>(e.payload).point = email;
  EXPECT_EQ(save_event(e).find("employer_provided"), std::string::npos) << save_event(e);
  std::get<Email>(std::get<ContactPointAdded>(e.payload).point).employer_provided = true;
  const std::string text = save_event(e);
  EXPECT_NE(text.find(R"("consent_email":false,"employer_provided":true})"), std::string::npos) << text;
  const EventLoad load = load_event(text);
  ASSERT_TRUE(load.ok()) << all_text(load.problems);
  EXPECT_EQ(*load.event, e);
  EXPECT_EQ(all_text(load_event(replace_first(text, "\"employer_provided\":true", "\"employer_provided\":1")).problems),
            "payload.email.employer_provided: expected true or false, got 1\n");
}

TEST(JournalJson, PlanRequestIsKeptAsItsExactText) {
  const Event e = every_kind_events()[4];
  const std::string text = save_event(e);
  EXPECT_NE(text.find(R"("request":"{\"down\":5000,\"frequency\":\"monthly\",\"instalments\":6}")"),
            std::string::npos)
      << text;
  EXPECT_EQ(std::get<PlanAccepted>(load_event(text).event->payload).request,
            R"({"down":5000,"frequency":"monthly","instalments":6})");
}

TEST(JournalJson, MemberOrderAndWhitespaceDoNotMatter) {
  const std::string text =
      "{ \"payload\": {\"due\": \"2026-03-20\", \"currency\": \"USD\", \"amount\": 12500},\n"
      "  \"sequence\": 4, \"author\": {\"device\": \"d-laptop-1\", \"user\": \"u-collector-17\"},\n"
      "  \"recorded_at\": \"2026-03-08T13:30:04Z\", \"account_id\": \"A-0001\",\n"
      "  \"type\": \"promise-made\", \"id\": \"0190f3a1b2c3d4e50000000000000068\" }";
  const EventLoad load = load_event(text);
  ASSERT_TRUE(load.ok()) << all_text(load.problems);
  EXPECT_EQ(*load.event, every_kind_events()[3]);
}

// [SECTION] JSON Lines

TEST(JournalJson, LinesRoundTripThroughAJournal) {
  Journal j;
  j.add_all(every_kind_events());
  const std::string text = save_journal(j);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), event_kind_count);
  const JournalLoad load = load_journal(text);
  ASSERT_TRUE(load.ok()) << all_text(load.problems);
  EXPECT_EQ(*load.journal, j);
  EXPECT_EQ(save_journal(*load.journal), text);
}

TEST(JournalJson, LinesSkipBlanksAcceptCrLfAndDropRepeats) {
  const std::vector<Event> events = every_kind_events();
  const std::string text = "\n" + save_event(events[0]) + "\r\n   \n" + save_event(events[1]) + "\n" +
                           save_event(events[0]) + "\n" + save_event(events[2]);  // no final newline
  const EventLinesLoad load = load_event_lines(text);
  ASSERT_TRUE(load.ok()) << all_text(load.problems);
  EXPECT_EQ(load.events, (std::vector<Event>{events[0], events[1], events[2]}));
  EXPECT_TRUE(load_event_lines("").ok());
  EXPECT_TRUE(load_event_lines("").events.empty());
}

TEST(JournalJson, SameIdWithOtherContentIsAProblemAtTheLaterLine) {
  const std::vector<Event> events = every_kind_events();
  Event clash = events[1];
  clash.sequence = 77;
  const std::string text = save_event(events[1]) + "\n" + save_event(events[2]) + "\n" + save_event(events[1]) +
                           "\n" + save_event(clash) + "\n";
  EXPECT_EQ(failing(text), (Problems{{"line 4: id", "same id as line 1 with different content"}}));
}

// [SECTION] Bad input: each problem names the line and the member

TEST(JournalJson, UnknownType) {
  const std::string line =
      replace_first(save_event(every_kind_events()[1]), R"("type":"outcome-recorded")", R"("type":"fax-sent")");
  EXPECT_EQ(failing(lines_with(2, line)), (Problems{{"line 2: type", "unknown event type \"fax-sent\""}}));
}

TEST(JournalJson, MissingMember) {
  const std::string line = replace_first(std::string(kPromiseLine), R"(,"due":"2026-03-20")", "");
  EXPECT_EQ(failing(lines_with(4, line)), (Problems{{"line 4: payload.due", "required member is missing"}}));
  const std::string no_author = replace_first(std::string(kPromiseLine),
                                              R"("author":{"user":"u-collector-17","device":"d-laptop-1"},)", "");
  EXPECT_EQ(failing(lines_with(4, no_author)), (Problems{{"line 4: author", "required member is missing"}}));
}

TEST(JournalJson, BadId) {
  const std::string line = replace_first(std::string(kPromiseLine), "0190f3a1b2c3d4e50000000000000068",
                                         "0190F3A1B2C3D4E50000000000000068");
  EXPECT_EQ(failing(lines_with(4, line)),
            (Problems{{"line 4: id", "expected an event id of 32 lowercase hex digits, got "
                                     "\"0190F3A1B2C3D4E50000000000000068\""}}));
  const std::string zero =
      replace_first(std::string(kPromiseLine), "0190f3a1b2c3d4e50000000000000068", std::string(32, '0'));
  EXPECT_EQ(failing(lines_with(4, zero)), (Problems{{"line 4: id", "must not be all zeros"}}));
  const std::string attempt = replace_first(save_event(every_kind_events()[1]), "\"attempt_id\":\"", "\"attempt_id\":\"x");
  EXPECT_EQ(failing(lines_with(2, attempt)),
            (Problems{{"line 2: payload.attempt_id",
                       "expected an event id of 32 lowercase hex digits, got \"x0190f3a1b2c3d4e50000000000000001\""}}));
}

TEST(JournalJson, BadInstant) {
  const std::string line =
      replace_first(std::string(kPromiseLine), "2026-03-08T13:30:04Z", "2026-03-08 13:30:04");
  EXPECT_EQ(failing(lines_with(4, line)),
            (Problems{{"line 4: recorded_at",
                       "expected a UTC instant \"YYYY-MM-DDTHH:MM:SSZ\", got \"2026-03-08 13:30:04\""}}));
  const std::string feb30 = replace_first(std::string(kPromiseLine), "2026-03-20", "2026-02-30");
  EXPECT_EQ(failing(lines_with(4, feb30)),
            (Problems{{"line 4: payload.due", "expected a date \"YYYY-MM-DD\", got \"2026-02-30\""}}));
}

TEST(JournalJson, UnknownEnumSpelling) {
  const std::string line = replace_first(save_event(every_kind_events()[0]), R"("channel":"phone")",
                                         R"("channel":"fax")");
  EXPECT_EQ(failing(lines_with(1, line)),
            (Problems{{"line 1: payload.channel", "expected one of \"phone\", \"sms\", \"email\", \"letter\", "
                                                  "\"in-person\", got \"fax\""}}));
  const std::string element = replace_first(save_event(every_kind_events()[8]), R"("channels":["email","sms"])",
                                            R"("channels":["email","pigeon"])");
  EXPECT_EQ(failing(lines_with(9, element)),
            (Problems{{"line 9: payload.channels[1]", "expected one of \"phone\", \"sms\", \"email\", \"letter\", "
                                                      "\"in-person\", got \"pigeon\""}}));
  const std::string weekday = replace_first(save_event(every_kind_events()[9]), "\"monday\"", "\"mon\"");
  EXPECT_EQ(failing(lines_with(10, weekday)),
            (Problems{{"line 10: payload.avoid_times[0].weekday",
                       "expected a day \"monday\" to \"sunday\", got \"mon\""}}));
}

TEST(JournalJson, TruncatedLine) {
  // Cut after a complete member, as a crash in the middle of an append leaves it.
  const std::string line(kPromiseLine.substr(0, kPromiseLine.find("\"account_id\"")));
  ASSERT_EQ(line.size(), 63u);
  const Problems problems = failing(lines_with(4, line));
  ASSERT_EQ(problems.size(), 1u) << all_text(problems);
  EXPECT_EQ(problems[0].path, "line 4, column 64");
  EXPECT_NE(problems[0].message.find("unexpected end of input"), std::string::npos) << problems[0].message;
  // Cut inside a string.
  const Problems inside = failing(lines_with(4, std::string(kPromiseLine.substr(0, 60))));
  ASSERT_EQ(inside.size(), 1u) << all_text(inside);
  EXPECT_EQ(inside[0].path, "line 4, column 61");
  EXPECT_NE(inside[0].message.find("missing closing quote"), std::string::npos) << inside[0].message;
}

TEST(JournalJson, NestingTooDeepIsOneProblemAtItsLineAndColumn) {
  const std::string deep = std::string(70, '[') + std::string(70, ']');
  const std::string line = replace_first(std::string(kPromiseLine), R"("due":"2026-03-20")", R"("due":)" + deep);
  // The event is level 1 and its payload level 2, so the first bracket opens level 3 and the 63rd level 65.
  const std::size_t column = line.find('[') + 62 + 1;
  EXPECT_EQ(failing(lines_with(4, line)),
            (Problems{{"line 4, column " + std::to_string(column), "nested deeper than 64 levels"}}));
}

TEST(JournalJson, WrongTypesUnknownAndRepeatedMembers) {
  std::string line = replace_first(std::string(kPromiseLine), R"("amount":12500)", R"("amount":"125.00")");
  line = replace_first(line, R"("sequence":4)", R"("sequence":4,"sequence":5,"note":"hi")");
  EXPECT_EQ(failing(lines_with(4, line)),
            (Problems{{"line 4: sequence", "member given twice"},
                      {"line 4: note", "unknown member"},
                      {"line 4: payload.amount", "expected an integer, got \"125.00\""}}));
  const std::string fraction = replace_first(std::string(kPromiseLine), R"("amount":12500)", R"("amount":125.5)");
  EXPECT_EQ(failing(lines_with(4, fraction)),
            (Problems{{"line 4: payload.amount", "expected an integer, got a number with a fraction or exponent"}}));
  const std::string huge =
      replace_first(std::string(kPromiseLine), R"("amount":12500)", R"("amount":9007199254740992)");
  EXPECT_EQ(failing(lines_with(4, huge)), (Problems{{"line 4: payload.amount", "must be within ±9007199254740991"}}));
  const std::string zero_seq = replace_first(std::string(kPromiseLine), R"("sequence":4)", R"("sequence":0)");
  EXPECT_EQ(failing(lines_with(4, zero_seq)), (Problems{{"line 4: sequence", "must be from 1 to 9007199254740991"}}));
  EXPECT_EQ(failing(lines_with(3, "[1,2]")), (Problems{{"line 3", "expected a JSON object, got an array"}}));
}

TEST(JournalJson, ValidationRulesAreReportedWithTheLine) {
  const std::string line = replace_first(std::string(kPromiseLine), R"("amount":12500)", R"("amount":-5)");
  EXPECT_EQ(failing(lines_with(4, line)), (Problems{{"line 4: payload.amount", "must be positive"}}));
}

TEST(JournalJson, EveryBadLineIsReportedAndNothingLoads) {
  std::string text = lines_with(2, "{\"id\":");
  text += replace_first(std::string(kPromiseLine), "promise-made", "promise-kept") + "\n";
  const Problems problems = failing(text);
  ASSERT_EQ(problems.size(), 2u) << all_text(problems);
  EXPECT_EQ(problems[0].path, "line 2, column 7");
  // One fixture line per event kind, then the bad one.
  EXPECT_EQ(problems[1], (Problem{"line " + std::to_string(event_kind_count + 1) + ": type",
                                  "unknown event type \"promise-kept\""}));
}

TEST(JournalJson, SingleEventProblemsHaveNoLinePrefix) {
  const std::string text = replace_first(std::string(kPromiseLine), R"("currency":"USD")", R"("currency":"usd")");
  const EventLoad load = load_event(text);
  EXPECT_FALSE(load.ok());
  EXPECT_EQ(load.problems,
            (Problems{{"payload.currency", "expected a currency code such as \"USD\", got \"usd\""}}));
  EXPECT_EQ(load_event("{\"id\":\n\"x").problems.front().path, "line 2, column 3");
}

TEST(JournalJson, ProblemsAreCapped) {
  std::string text;
  for (int i = 0; i < 250; ++i) text += "{}\n";
  const Problems problems = failing(text);
  ASSERT_EQ(problems.size(), journal_max_problems + 1);
  EXPECT_EQ(problems.front(), (Problem{"line 1: id", "required member is missing"}));
  // Seven required members per line.
  EXPECT_EQ(problems.back(), (Problem{"", "... and " + std::to_string(250 * 7 - 200) + " more problems"}));
}

}  // namespace
}  // namespace parley
