// The scanner (core/src/json/scanner.h) against nlohmann's SAX parser: on every text of a corpus both accept or
// both refuse it, and an accepted text gives the same events.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "json/scanner.h"

namespace parley {
namespace {

// Every event as one line of text, for both parsers.
struct ScanLog {
  std::vector<std::string> events;

  bool on_null() { return add("null"); }
  bool on_boolean(bool v) { return add(v ? "true" : "false"); }
  bool on_integer(std::int64_t v) { return add("int " + std::to_string(v)); }
  bool on_unsigned(std::uint64_t v) {
    if (v <= static_cast<std::uint64_t>(INT64_MAX)) return on_integer(static_cast<std::int64_t>(v));
    return add("uint " + std::to_string(v));
  }
  bool on_fraction(std::string_view text) { return add("number " + std::string(text)); }
  bool on_string(std::string_view text, std::string*) { return add("string " + std::string(text)); }
  bool on_key(std::string_view name) { return add("key " + std::string(name)); }
  bool on_begin(bool object) { return add(object ? "{" : "["); }
  bool on_end(bool object) { return add(object ? "}" : "]"); }

  bool add(std::string e) {
    events.push_back(std::move(e));
    return true;
  }
};

struct NlohmannLog {
  ScanLog log;
  bool refused = false;

  bool null() { return log.on_null(); }
  bool boolean(bool v) { return log.on_boolean(v); }
  bool number_integer(std::int64_t v) { return log.on_integer(v); }
  bool number_unsigned(std::uint64_t v) { return log.on_unsigned(v); }
  bool number_float(double, const std::string& text) { return log.on_fraction(text); }
  bool string(std::string& v) { return log.on_string(v, nullptr); }
  bool binary(nlohmann::json::binary_t&) { return true; }
  bool start_object(std::size_t) { return log.on_begin(true); }
  bool key(std::string& name) { return log.on_key(name); }
  bool end_object() { return log.on_end(true); }
  bool start_array(std::size_t) { return log.on_begin(false); }
  bool end_array() { return log.on_end(false); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    refused = true;
    return false;
  }
};

void expect_same_as_nlohmann(std::string_view text) {
  ScanLog scanned;
  std::string buffer;
  const json::Scan result = json::scan(text, scanned, buffer);
  NlohmannLog reference;
  nlohmann::json::sax_parse(text.data(), text.data() + text.size(), &reference);
  ASSERT_EQ(result == json::Scan::refused, reference.refused) << text;
  if (!reference.refused) {
    EXPECT_EQ(scanned.events, reference.log.events) << text;
  }
}

TEST(JsonScanner, AcceptsAndRefusesWhatNlohmannDoes) {
  const std::vector<std::string> corpus = {
      // values
      "null", "true", "false", "0", "-0", "12", "-12", "1.5", "-1.5e3", "1E+2", "1e-2", "0.0",
      "9223372036854775807", "9223372036854775808", "18446744073709551615", "18446744073709551616",
      "-9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", R"("")", R"("abc")",
      R"("a\"b\\c\/d\b\f\n\r\t")", R"("\u0041\u00e9\u20ac")", R"("\ud83d\ude00")", "\"caf\xc3\xa9\"",
      "\"\xe2\x82\xac and \xf0\x9f\x98\x80\"", "{}", "[]", " [ 1 , 2 ] ", "\n{\"a\"\t:\r[]}\n",
      R"({"a":{"b":[1,{"c":null}]},"d":"e"})", "[[[[[]]]]]", "\xef\xbb\xbf{}", "\"a long plain string, eight at a time\"",
      // refused
      "", " ", "nul", "tru", "falsey", "01", "-", "1.", ".5", "1e", "1e+", "+1", "NaN", "[1,]", "{\"a\":1,}",
      "[1 2]", "{\"a\" 1}", "{1:2}", "{\"a\":}", "[", "]", "{", "}", "\"abc", "\"a\\x\"", "\"\\u12\"",
      "\"\\ud83d\"", "\"\\ude00\"", "\"\\ud83d\\u0041\"", "\"a\x01\"", "\"\xc3\"", "\"\xc0\xaf\"",
      "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"\xff\"", "1 2", "[] []", "{} x", "\xef\xbb{}", "// c\n1",
      "[1,2", "{\"a\":[}", "[\"\t\"]"};
  for (const std::string& text : corpus) expect_same_as_nlohmann(text);
}

TEST(JsonScanner, PlainStringsAreViewsOfTheTextAndEscapedOnesComeInTheBuffer) {
  struct Strings : ScanLog {
    std::vector<bool> buffered;
    bool on_string(std::string_view text, std::string* buffer) {
      buffered.push_back(buffer != nullptr);
      return ScanLog::on_string(text, buffer);
    }
  } log;
  std::string buffer;
  ASSERT_EQ(json::scan(R"(["plain","with \n escape"])", log, buffer), json::Scan::done);
  EXPECT_EQ(log.buffered, (std::vector<bool>{false, true}));
}

TEST(JsonScanner, AHandlerStopsTheScan) {
  struct Stop : ScanLog {
    bool on_unsigned(std::uint64_t) { return false; }
  } log;
  std::string buffer;
  EXPECT_EQ(json::scan("[\"a\", 1, 2]", log, buffer), json::Scan::stopped);
  EXPECT_EQ(log.events, (std::vector<std::string>{"[", "string a"}));
}

}  // namespace
}  // namespace parley
