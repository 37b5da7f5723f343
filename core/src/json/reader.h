#pragma once
// The streaming reader: nlohmann SAX events applied through field tables (table.h) straight into typed values,
// with a problem for every value refused, named by its JSON path. No document is ever built.
//
// Index of this file:
// [SECTION] Limits     nesting depth, problems kept
// [SECTION] Reader     reading a text; what codecs and checks see of the place being read
//
// What is refused, and where it is reported:
// - a text that is not JSON, or nests deeper than max_depth: that one problem alone, at "line L, column C";
// - a value of the wrong type, out of range or misspelt: at the value, when it is read;
// - a member not in the table, given twice, or (variants) of another kind: at the member, when its name is read
//   (a member read before its object's kind was known: when the object ends); its value is not read;
// - a required member absent, or a non-empty array empty: when the object ends;
// - checks across members: when the object ends, each member's (Member::check), then the object's
//   (ObjectType::finish).
// Problems come out in the order of the tables, whatever the order of the text: an object's problems by member
// (members not in the table first; for each member its value's problems, then its presence, then its check),
// then those of its finish; an array's by element.
//
// Frames live in a fixed array (max_depth of them) and paths are assembled only when a problem is reported: a
// well-formed text costs one table lookup and one call per value, and no allocation beyond the values read.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "json/table.h"
#include "parley/problem.h"

namespace parley::json {

// [SECTION] Limits --------------------------------------------------------------------------------------------

// Objects and arrays open at once. The deepest format nests 8 levels (a portfolio's address lines); 64 leaves
// room for any format to grow while keeping the frames of a read in one fixed array.
inline constexpr std::size_t max_depth = 64;

// Problems kept; further ones are counted into a closing "... and N more problems".
inline constexpr std::size_t max_reported_problems = 200;

// [SECTION] Reader --------------------------------------------------------------------------------------------

class Reader {
 public:
  // `text` must outlive the reader. `context` is handed to the codecs and checks of the format (context<T>()).
  explicit Reader(std::string_view text, void* context = nullptr) : text_(text), context_(context) {}

  // Reads the whole text into `root` with an object codec. The problems, in the order above; none: every
  // member was read and accepted.
  template <class T>
  Problems read(const CodecOf<T>& codec, T& root) {
    return read_root(codec.codec, &root);
  }

  // Whether the text itself was refused (not JSON, or nested too deep): its one problem has no JSON path.
  bool text_refused() const { return text_refused_; }

  // --- for codecs and checks ---

  // A problem at the value being read, or (in checks and ArrayRules::end) at the object or array.
  void problem(std::string message);
  // A problem at `member` of the object being read or checked ("rules[2].to_year").
  void problem_at(std::string_view member, std::string message);
  // A problem at a path built by the caller, relative to the top of the document.
  void problem_at_path(std::string path, std::string message);

  std::string path() const;              // the value's path, or the object's in checks
  std::size_t element_index() const;     // in checks: the object's index in its array (0 at the top)
  bool present(std::string_view member) const;  // of the object being read or finished: given at all
  bool given(std::string_view member) const;    // given and accepted

  template <class C>
  C& context() const {
    return *static_cast<C*>(context_);
  }

  // --- nlohmann's SAX interface ---
  bool null();
  bool boolean(bool value);
  bool number_integer(std::int64_t value);
  bool number_unsigned(std::uint64_t value);
  bool number_float(double value, const std::string& text);
  bool string(std::string& value);
  bool binary(nlohmann::json::binary_t&);
  bool start_object(std::size_t);
  bool key(std::string& name);
  bool end_object();
  bool start_array(std::size_t);
  bool end_array();
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error);

 private:
  struct Frame {
    const Codec* codec = nullptr;   // object or array codec; null: a value skipped
    void* target = nullptr;         // the object, or the vector
    const Codec* slot = nullptr;    // object: the codec of the member being read; null: skipped
    void* slot_target = nullptr;
    int member = -1;                // object: the member being read (-1: none, or not in the table)
    int kind = -1;                  // variant objects: the kind, once its member is read
    std::uint64_t seen = 0;         // object: members given
    std::uint64_t refused = 0;      // object: members whose value was refused
    std::uint64_t empty = 0;        // object: members given as an empty array
    std::uint64_t before_kind = 0;  // variant objects: members given while the kind was not known
    std::size_t index = 0;          // array: the element being read
    std::size_t count = 0;          // array: elements begun
    std::size_t opened_with = 0;    // problems reported before the value opened
    std::size_t first_entry = 0;    // the first of the problems kept since then
  };
  struct Slot {
    const Codec* codec = nullptr;  // null: skip the value
    void* target = nullptr;
    bool element = false;          // a scalar element of an array (removed when refused)
  };

  Problems read_root(const Codec& codec, void* root);
  Slot next_slot();
  Slot unwrap(Slot slot, bool is_null);
  void scalar(Scalar& value);
  void after_value(const Slot& slot, bool accepted);
  bool open(bool is_object);
  void close(bool is_object);
  void finish_object(Frame& f);
  void refuse_text(Problem p);
  static int find_member(const ObjectType& type, std::string_view key, int guess);
  int member_index(std::string_view name) const;
  std::string object_path() const;  // the path of the top frame's object or array
  void append_slot(std::string& path, const Frame& f) const;
  void add(std::string where, std::string message);
  std::pair<std::size_t, std::size_t> line_and_column_of_level() const;  // of the first level past max_depth
  int position() const;  // where a problem reported now goes among its object's problems
  void order_problems(const Frame& f);

  std::string_view text_;
  void* context_;
  const Codec* root_codec_ = nullptr;
  void* root_ = nullptr;
  bool root_read_ = false;
  std::array<Frame, max_depth> frames_{};
  std::size_t depth_ = 0;
  struct Entry {
    int position;  // among the problems of the innermost object: -1 before its members, then member index
    Problem problem;
  };
  static constexpr int kNoPosition = -2;

  bool finishing_ = false;  // in checks or ArrayRules::end: the top frame is the place
  int forced_position_ = kNoPosition;  // in checks: the position of what is being checked
  bool text_refused_ = false;
  std::vector<Entry> entries_;
  std::size_t count_ = 0;
};

}  // namespace parley::json
