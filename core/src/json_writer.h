#pragma once
// A streaming JSON text writer: members and elements are appended in the order they are written, straight
// into one string, with no intermediate document.
//
// Index of this file:
// [SECTION] JsonWriter    objects, arrays, keys and scalar values; compact or indented
//
// Compact output (indent < 0) has no insignificant whitespace. Indented output puts each member and element
// on its own line, `indent` spaces deeper than its container, with one space after each ':'; empty containers
// stay "{}" and "[]". Strings are escaped as RFC 8259 requires; bytes that are not valid UTF-8 are written as
// U+FFFD so the output is always valid JSON.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::json {

// [SECTION] JsonWriter ------------------------------------------------------------------------------------------------

class JsonWriter {
 public:
  explicit JsonWriter(int indent = -1) : indent_(indent) {}  // indent < 0: compact

  void begin_object();              // '{' as a value (after key(), as an array element, or at the top)
  void end_object();                // '}'
  void begin_array();               // '['
  void end_array();                 // ']'
  void key(std::string_view name);  // "name": inside an object, before the member's value

  void string(std::string_view text);  // a string value, escaped
  void integer(std::int64_t value);    // an integer value
  void boolean(bool value);            // true / false
  void null();                         // null

  std::string& text() { return out_; }            // what has been written so far
  std::string take() { return std::move(out_); }  // the text, leaving the writer empty
  void reserve(std::size_t bytes) { out_.reserve(bytes); }

 private:
  void before_value();  // separator and indentation before a member or element
  void open(char bracket);
  void close(char bracket);
  void newline(std::size_t depth);

  int indent_;
  bool after_key_ = false;       // the next value follows "key": directly
  std::vector<bool> has_items_;  // one per open container: whether it holds a member or element yet
  std::string out_;
};

void append_escaped(std::string& out, std::string_view text);  // appends "text" with quotes and escapes

}  // namespace parley::json
