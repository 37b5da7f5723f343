// The command-line option parser of the native programs (parley/host/options.h): both value forms, flags, numbers,
// text, parsed values and positional arguments, and the problems that name the flag at fault.

#include "parley/host/options.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

using parley::Problem;
using parley::Problems;
using parley::host::OptionParser;

namespace {

// The settings of a small program, bound to a parser as the desktop, the server and the CLI bind theirs.
struct Program {
  bool help = false;
  int port = 8080;
  int frames = 0;
  std::uint64_t seed = 1;
  std::string db = "parley.db";
  std::string caller;
  std::optional<std::string> out;
  std::optional<std::string> file;
  char colour = 'r';
  OptionParser parser;

  explicit Program(bool with_positional = true) {
    parser.flag("--help", help)
        .alias("-h", "--help")
        .number("--port", port, 0, 65535)
        .number("--frames", frames, 1)
        .number("--seed", seed)
        .text("--db", db)
        .text("--caller", caller, true)
        .text("--out", out)
        .parsed("--colour", colour, "red or green", [](const std::string& v) -> std::optional<char> {
          if (v == "red" || v == "green") return v[0];
          return std::nullopt;
        });
    if (with_positional) parser.positional("FILE", file);
  }
  Problems parse(std::vector<std::string> args) { return parser.parse(args); }
};

std::vector<std::string> texts(const Problems& problems) {
  std::vector<std::string> out;
  for (const Problem& p : problems) out.push_back(p.text());
  return out;
}

}  // namespace

TEST(HostOptions, NothingGivenKeepsEveryDefault) {
  Program p;
  EXPECT_EQ(p.parse({}), Problems{});
  EXPECT_FALSE(p.help);
  EXPECT_EQ(p.port, 8080);
  EXPECT_EQ(p.db, "parley.db");
  EXPECT_FALSE(p.out);
  EXPECT_FALSE(p.file);
}

TEST(HostOptions, ValuesComeAsTheNextArgumentOrAfterAnEqualsSign) {
  Program p;
  EXPECT_EQ(p.parse({"--port", "9000", "--db=x.db", "--seed=18446744073709551615", "--out", "o.json"}), Problems{});
  EXPECT_EQ(p.port, 9000);
  EXPECT_EQ(p.db, "x.db");
  EXPECT_EQ(p.seed, 18446744073709551615u);
  EXPECT_EQ(p.out, "o.json");
  Program q;
  EXPECT_EQ(q.parse({"--db=a=b"}), Problems{});  // only the first '=' separates
  EXPECT_EQ(q.db, "a=b");
}

TEST(HostOptions, TheLastOfARepeatedOptionWins) {
  Program p;
  EXPECT_EQ(p.parse({"--port", "1", "--port", "2"}), Problems{});
  EXPECT_EQ(p.port, 2);
}

TEST(HostOptions, FlagsAndTheirShortNamesTakeNoValue) {
  Program p;
  EXPECT_EQ(p.parse({"--help"}), Problems{});
  EXPECT_TRUE(p.help);
  Program q;
  EXPECT_EQ(q.parse({"-h"}), Problems{});
  EXPECT_TRUE(q.help);
  Program r;
  EXPECT_EQ(r.parse({"--help=yes"}), (Problems{{"--help", "takes no value"}}));
  EXPECT_FALSE(r.help);
}

TEST(HostOptions, AMissingValueIsNamed) {
  Program p;
  const Problems problems = p.parse({"--db"});
  EXPECT_EQ(problems, (Problems{{"--db", "needs a value"}}));
  EXPECT_EQ(problems.front().text(), "--db: needs a value");
  EXPECT_EQ(p.db, "parley.db");
}

TEST(HostOptions, AnUnknownOptionIsNamedWithoutItsValue) {
  Program p;
  EXPECT_EQ(texts(p.parse({"--foo"})), (std::vector<std::string>{"unknown option --foo"}));
  EXPECT_EQ(texts(p.parse({"--foo=bar"})), (std::vector<std::string>{"unknown option --foo"}));
  EXPECT_EQ(texts(p.parse({"-x"})), (std::vector<std::string>{"unknown option -x"}));
}

TEST(HostOptions, NumbersOutsideTheirRangeOrFormAreRefusedWithTheValue) {
  for (const char* bad : {"abc", "65536", "80x", "-1", "+80", " 80", "", "0x50"}) {
    Program p;
    EXPECT_EQ(texts(p.parse({"--port", bad})),
              (std::vector<std::string>{"--port: expected a number from 0 to 65535, got \"" + std::string(bad) + "\""}))
        << bad;
    EXPECT_EQ(p.port, 8080) << bad;  // a refused value leaves the setting alone
  }
  Program edges;
  EXPECT_EQ(edges.parse({"--port", "0"}), Problems{});
  EXPECT_EQ(edges.port, 0);
  EXPECT_EQ(edges.parse({"--port", "65535"}), Problems{});
  EXPECT_EQ(edges.port, 65535);
}

TEST(HostOptions, OpenRangesAreCalledWholeOrPositiveNumbers) {
  Program p;
  EXPECT_EQ(texts(p.parse({"--frames", "0", "--seed", "-1", "--seed", "18446744073709551616"})),
            (std::vector<std::string>{"--frames: expected a positive whole number, got \"0\"",
                                      "--seed: expected a whole number, got \"-1\"",
                                      "--seed: expected a whole number, got \"18446744073709551616\""}));
  EXPECT_EQ(p.parse({"--frames", "3"}), Problems{});
  EXPECT_EQ(p.frames, 3);
}

TEST(HostOptions, AValueMayBeginWithADash) {
  Program p;
  // "-1" is the value of --seed (and refused as such), not an unknown option, nor a missing value.
  EXPECT_EQ(texts(p.parse({"--seed", "-1"})),
            (std::vector<std::string>{"--seed: expected a whole number, got \"-1\""}));
  Program q;
  EXPECT_EQ(q.parse({"--db", "--port"}), Problems{});
  EXPECT_EQ(q.db, "--port");
}

TEST(HostOptions, EmptyTextIsRefusedUnlessAllowed) {
  Program p;
  EXPECT_EQ(p.parse({"--db", "", "--out=", "--caller", ""}),
            (Problems{{"--db", "must not be empty"}, {"--out", "must not be empty"}}));
  EXPECT_EQ(p.db, "parley.db");
  EXPECT_FALSE(p.out);
  Program q;
  q.caller = "someone";
  EXPECT_EQ(q.parse({"--caller", ""}), Problems{});
  EXPECT_EQ(q.caller, "");
}

TEST(HostOptions, ParsedValuesSayWhatWasExpected) {
  Program p;
  EXPECT_EQ(p.parse({"--colour", "green"}), Problems{});
  EXPECT_EQ(p.colour, 'g');
  EXPECT_EQ(texts(p.parse({"--colour", "blue"})),
            (std::vector<std::string>{"--colour: expected red or green, got \"blue\""}));
  EXPECT_EQ(p.colour, 'g');
}

TEST(HostOptions, OnePositionalArgumentIsKeptAndASecondIsNamed) {
  Program p;
  EXPECT_EQ(texts(p.parse({"a.json", "--port", "1", "b.json"})),
            (std::vector<std::string>{"expected one FILE, got a second: \"b.json\""}));
  EXPECT_EQ(p.file, "a.json");
  EXPECT_EQ(p.port, 1);
  Program dash;
  EXPECT_EQ(dash.parse({"-"}), Problems{});  // a lone dash is an argument (standard input, say), not an option
  EXPECT_EQ(dash.file, "-");
  Program none(false);
  EXPECT_EQ(texts(none.parse({"stray"})), (std::vector<std::string>{"unexpected argument \"stray\""}));
}

TEST(HostOptions, EveryProblemIsReportedInArgumentOrder) {
  Program p;
  EXPECT_EQ(texts(p.parse({"--port", "x", "--nope", "--db", "", "--frames"})),
            (std::vector<std::string>{"--port: expected a number from 0 to 65535, got \"x\"", "unknown option --nope",
                                      "--db: must not be empty", "--frames: needs a value"}));
}

TEST(HostOptions, ArgvIsReadAfterTheProgramName) {
  Program p;
  const char* argv[] = {"parley-server", "--port", "7", "in.json"};
  EXPECT_EQ(p.parser.parse(4, argv), Problems{});
  EXPECT_EQ(p.port, 7);
  EXPECT_EQ(p.file, "in.json");
}

TEST(HostOptions, NumbersOutsideTheCommandLineReadTheSameWay) {
  int port = 8080;
  EXPECT_EQ(parley::host::read_number("9001", port, 0, 65535), std::nullopt);
  EXPECT_EQ(port, 9001);
  EXPECT_EQ(parley::host::read_number("http", port, 0, 65535), "expected a number from 0 to 65535, got \"http\"");
  EXPECT_EQ(port, 9001);
  EXPECT_EQ(parley::host::parse_number<int>("-12"), -12);
  EXPECT_EQ(parley::host::parse_number<int>("2147483648"), std::nullopt);  // does not fit
  EXPECT_EQ(parley::host::number_words<int>(5, 2147483647), "a whole number from 5");
}
