#pragma once
// The streaming reader: parser events applied through field tables (table.h) straight into typed values, with a
// problem for every value refused, named by its JSON path. No document is ever built.
//
// Index of this file:
// [SECTION] Limits     nesting depth, problems kept
// [SECTION] Reader     reading a text; what codecs and checks see of the place being read
//
// The text is read by json::scan (scanner.h); a text the scanner refuses is not JSON, and nlohmann's parser names
// the error. What is refused, and where it is reported:
// - a text that is not JSON, or nests deeper than max_depth: that one problem alone, at "line L, column C" (with
//   Options::keep_problems_before_syntax_error, after the problems found before it);
// - a value of the wrong type, out of range or misspelt: at the value, when it is read;
// - a member not in the table, given twice, or (variants) of another kind: at the member, when its name is read
//   (a member read before its object's kind was known: when the object ends); its value is not read;
// - a required member absent, or a non-empty array empty: when the object ends;
// - checks across members: when the object ends, each member's (Member::check), then the object's
//   (ObjectType::finish).
// Problems come out in the order of the tables, whatever the order of the text: an object's problems by member
// (members not in the table first, with those given twice or of another kind when ObjectWords::names_first; for
// each member its value's problems, then its presence, then its check), then those of its finish; an array's by
// element.
//
// Variants: a member marked read_after_kind (and every by_kind member) that comes before the kind member in the
// text is kept as parser events on a tape, and read when the kind member has been, as if it came there. An event
// whose "type" comes after its "payload" is read so, at the cost of copying the payload's events once.
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
  struct Options {
    bool keep_problems_before_syntax_error = false;  // a syntax error follows the problems found before it
    bool closing_count = true;                        // read() ends with "... and N more problems" past the limit
    std::vector<std::string>* paths = nullptr;        // the path of every problem, kept or not, is appended here
  };

  // `text` must outlive the reader. `context` is handed to the codecs and checks of the format (context<T>()).
  explicit Reader(std::string_view text, void* context = nullptr) : text_(text), context_(context) {}

  void set_options(const Options& options) { options_ = options; }

  // Reads the whole text into `root` with an object codec. The problems, in the order above; none: every
  // member was read and accepted.
  template <class T>
  Problems read(const CodecOf<T>& codec, T& root) {
    return read_root(codec.codec, &root, [](void* value) { *static_cast<T*>(value) = T{}; });
  }

  // Forgets the last read and takes another text (with the same context and options), so that one reader reads
  // many small texts (the lines of a journal) without setting up its frames again.
  void restart(std::string_view text);

  // Whether the text itself was refused (not JSON, or nested too deep): its one problem has no JSON path.
  bool text_refused() const { return text_refused_; }
  std::size_t problem_count() const { return count_; }  // every problem of the last read, kept or not

  // --- for codecs and checks ---

  // A problem at the value being read, or (in checks and ArrayRules::end) at the object or array.
  void problem(std::string message);
  // A problem at `member` of the object being read or checked ("rules[2].to_year").
  void problem_at(std::string_view member, std::string message);
  // A problem at a path built by the caller, relative to the top of the document.
  void problem_at_path(std::string path, std::string message);
  // The value `got` has the wrong JSON type for `codec`: its mismatch words, then ", got ..." when they say how.
  void mismatch(const Codec& codec, const Scalar& got);

  std::string path() const;              // the value's path, or the object's in checks
  std::size_t element_index() const;     // in checks: the object's index in its array (0 at the top)
  bool present(std::string_view member) const;  // of the object being read or finished: given at all
  bool given(std::string_view member) const;    // given and accepted

  template <class C>
  C& context() const {
    return *static_cast<C*>(context_);
  }

  // --- the scanner's events (scanner.h); each returns false once the text is refused ---
  bool on_null();
  bool on_boolean(bool value);
  bool on_integer(std::int64_t value);
  bool on_unsigned(std::uint64_t value);
  bool on_fraction(std::string_view text);
  bool on_string(std::string_view text, std::string* buffer);
  bool on_key(std::string_view name);
  bool on_begin(bool object);
  bool on_end(bool object);

  // --- nlohmann's SAX interface: the same events, for texts read by nlohmann's parser ---
  bool null() { return on_null(); }
  bool boolean(bool value) { return on_boolean(value); }
  bool number_integer(std::int64_t value) { return on_integer(value); }
  bool number_unsigned(std::uint64_t value) { return on_unsigned(value); }
  bool number_float(double, const std::string& text) { return on_fraction(text); }
  bool string(std::string& value) { return on_string(value, &value); }
  bool binary(nlohmann::json::binary_t&) { return true; }  // never produced from JSON text
  bool start_object(std::size_t) { return on_begin(true); }
  bool key(std::string& name) { return on_key(name); }
  bool end_object() { return on_end(true); }
  bool start_array(std::size_t) { return on_begin(false); }
  bool end_array() { return on_end(false); }
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
    std::uint64_t taped = 0;        // variant objects: members whose value waits on the tape for the kind
    std::size_t index = 0;          // array: the element being read
    std::size_t count = 0;          // array: elements begun
    std::size_t opened_with = 0;    // problems reported before the value opened
    std::size_t first_entry = 0;    // the first of the problems kept since then
  };
  struct Slot {
    const Codec* codec = nullptr;  // null: skip the value
    void* target = nullptr;
    bool element = false;          // a scalar element of an array (removed when refused, unless kept)
  };
  // One parser event kept for a member read after its object's kind.
  struct TapeEvent {
    enum class Type : std::uint8_t { null, boolean, integer, too_large, fraction, string, key, begin, end };
    Type type = Type::null;
    bool flag = false;            // boolean: the value; begin and end: an object (else an array)
    std::int64_t integer = 0;     // integer
    std::uint64_t large = 0;      // too_large
    std::size_t text_at = 0;      // fraction, string, key: the text in tape_text_
    std::size_t text_size = 0;
  };
  struct Taped {
    std::size_t depth = 0;  // the frames open when its name was read (its object is frames_[depth - 1])
    int member = 0;
    std::size_t begin = 0;  // its events in tape_
    std::size_t end = 0;
  };

  Problems read_root(const Codec& codec, void* root, void (*reset)(void*));
  void clear();
  Slot next_slot();
  Slot unwrap(Slot slot, bool is_null);
  void scalar(Scalar& value);
  void after_value(const Slot& slot, bool accepted);
  bool open(bool is_object);
  void close(bool is_object);
  void finish_object(Frame& f);
  void refuse_text(Problem p);
  void refuse_depth();
  static int find_member(const ObjectType& type, std::string_view key, int guess);
  int member_index(std::string_view name) const;
  std::string object_path() const;  // the path of the top frame's object or array
  void append_slot(std::string& path, const Frame& f) const;
  // Points f's slot at member `m` of its object: the member's codec, or for a member read by kind the codec of
  // the object's kind.
  static void aim_at_member(Frame& f, const Member& m);
  void add(std::string where, std::string message);
  std::pair<std::size_t, std::size_t> line_and_column_of_level() const;  // of the first level past max_depth
  int position() const;  // where a problem reported now goes among its object's problems
  void order_problems(const Frame& f);
  void name_problem(const Frame& f, std::string message);  // unknown, given twice, of another kind
  // The tape.
  bool record(TapeEvent e, std::string_view text = {});
  void start_tape(Frame& f, int member);
  void replay(Frame& f);
  void replay_events(std::size_t begin, std::size_t end);
  void drop_tape(Frame& f);
  Scalar scalar_of(const TapeEvent& e, std::string& text) const;

  std::string_view text_;
  void* context_;
  Options options_;
  const Codec* root_codec_ = nullptr;
  void* root_ = nullptr;
  bool root_read_ = false;
  std::array<Frame, max_depth> frames_;
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
  std::string scratch_;  // the scanner's buffer for strings with escapes
  // The tape of members read after the kind: their events, and which member of which frame each range is.
  bool recording_ = false;
  std::size_t record_level_ = 0;  // containers open within the value being recorded
  std::vector<TapeEvent> tape_;
  std::string tape_text_;
  std::vector<Taped> taped_;
};

}  // namespace parley::json
