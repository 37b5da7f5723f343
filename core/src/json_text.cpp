#include "json_text.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "json_writer.h"

namespace parley::json_text {
namespace {

// nlohmann's parser as a validator: keeps nothing, stops at the first syntax error.
struct SyntaxError {
  bool found = false;
  std::size_t position = 0;
  std::string message;

  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(std::int64_t) { return true; }
  bool number_unsigned(std::uint64_t) { return true; }
  bool number_float(double, const std::string&) { return true; }
  bool string(std::string&) { return true; }
  bool binary(nlohmann::json::binary_t&) { return true; }
  bool start_object(std::size_t) { return true; }
  bool key(std::string&) { return true; }
  bool end_object() { return true; }
  bool start_array(std::size_t) { return true; }
  bool end_array() { return true; }
  bool parse_error(std::size_t at, const std::string&, const nlohmann::detail::exception& error) {
    found = true;
    position = at;
    message = error.what();
    return false;
  }
};

}  // namespace

std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, offset - line_start + 1};
}

Problem syntax_problem(std::string_view text, std::size_t position, std::string_view parser_message,
                       std::size_t first_line) {
  const auto [line, column] = line_and_column(text, position == 0 ? 0 : position - 1);
  std::string_view what = parser_message;
  if (const std::size_t dash = what.find(" - "); dash != std::string_view::npos) {
    what.remove_prefix(dash + 3);
  } else if (const std::size_t colon = what.find(": "); colon != std::string_view::npos) {
    what.remove_prefix(colon + 2);
  }
  // The "last read" part may hold the rest of the text (an unterminated string): keep messages short.
  constexpr std::size_t kLongest = 160;
  std::string message(what.substr(0, kLongest));
  if (what.size() > kLongest) {
    while (!message.empty() && (static_cast<unsigned char>(message.back()) & 0xC0) == 0x80) message.pop_back();
    if (!message.empty()) message.pop_back();  // the lead byte of a cut sequence, or one plain character
    message += "...";
  }
  if (message.empty()) message = "syntax error";
  return Problem{"line " + std::to_string(first_line + line - 1) + ", column " + std::to_string(column),
                 std::move(message)};
}

std::optional<Problem> find_syntax_error(std::string_view text, std::size_t first_line) {
  SyntaxError error;
  nlohmann::json::sax_parse(text.begin(), text.end(), &error);
  if (!error.found) return std::nullopt;
  return syntax_problem(text, error.position, error.message, first_line);
}

std::string quoted(std::string_view text) {
  constexpr std::size_t kLongest = 64;
  std::string out;
  if (text.size() > kLongest) {
    std::size_t cut = kLongest;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    json::append_escaped(out, text.substr(0, cut));
    out.insert(out.size() - 1, "...");
  } else {
    json::append_escaped(out, text);
  }
  return out;
}

}  // namespace parley::json_text
