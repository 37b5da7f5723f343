// The streaming reader (see reader.h): SAX events dispatched to the codecs of the frame on top.
//
// Index of this file:
// [SECTION] Places      paths of values and members, built only for a problem; the place of a nesting too deep
// [SECTION] Problems
// [SECTION] Dispatch    the slot of the next value, scalars, containers, members
// [SECTION] SAX         nlohmann's interface
// [SECTION] API
#include "json/reader.h"

#include <algorithm>
#include <utility>

#include "json_text.h"

namespace parley::json {
namespace {

constexpr std::uint64_t bit(int member) {
  return std::uint64_t{1} << member;
}

// The byte offset of the bracket that opens nesting level `level` (1: the top value) for the first time, in a
// text that is well-formed up to there.
std::size_t opening_of_level(std::string_view text, std::size_t level) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth == level) return i;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return text.size();
}

}  // namespace

// [SECTION] Places --------------------------------------------------------------------------------------------

void Reader::append_slot(std::string& path, const Frame& f) const {
  if (f.codec == nullptr) return;
  if (f.codec->form == Form::array) {
    path += '[';
    path += std::to_string(f.index);
    path += ']';
  } else if (f.member >= 0) {
    if (!path.empty()) path += '.';
    path += f.codec->object->members[static_cast<std::size_t>(f.member)].name;
  }
}

std::string Reader::object_path() const {
  std::string path;
  for (std::size_t i = 0; i + 1 < depth_; ++i) append_slot(path, frames_[i]);
  return path;
}

std::string Reader::path() const {
  std::string out = object_path();
  if (!finishing_ && depth_ > 0) append_slot(out, frames_[depth_ - 1]);
  return out;
}

std::size_t Reader::element_index() const {
  if (depth_ < 2) return 0;
  const Frame& parent = frames_[depth_ - 2];
  return parent.codec != nullptr && parent.codec->form == Form::array ? parent.index : 0;
}

int Reader::member_index(std::string_view name) const {
  if (depth_ == 0) return -1;
  const Frame& f = frames_[depth_ - 1];
  if (f.codec == nullptr || f.codec->form != Form::object) return -1;
  const std::span<const Member> members = f.codec->object->members;
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (members[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

bool Reader::present(std::string_view member) const {
  const int m = member_index(member);
  return m >= 0 && (frames_[depth_ - 1].seen & bit(m)) != 0;
}

bool Reader::given(std::string_view member) const {
  const int m = member_index(member);
  if (m < 0) return false;
  const Frame& f = frames_[depth_ - 1];
  return (f.seen & bit(m)) != 0 && (f.refused & bit(m)) == 0;
}

// [SECTION] Problems ------------------------------------------------------------------------------------------

int Reader::position() const {
  if (forced_position_ != kNoPosition) return forced_position_;
  for (std::size_t i = depth_; i > 0; --i) {
    const Frame& f = frames_[i - 1];
    if (f.codec != nullptr && f.codec->form == Form::object) return f.member;
  }
  return 0;
}

void Reader::add(std::string where, std::string message) {
  ++count_;
  if (entries_.size() < max_reported_problems) {
    entries_.push_back(Entry{position(), Problem{std::move(where), std::move(message)}});
  }
}

// Puts the problems of the object of `f` (the top frame) in table order, then files them under the member of the
// enclosing object that holds it.
void Reader::order_problems(const Frame& f) {
  const auto first = entries_.begin() + static_cast<std::ptrdiff_t>(std::min(f.first_entry, entries_.size()));
  std::stable_sort(first, entries_.end(), [](const Entry& x, const Entry& y) { return x.position < y.position; });
  int outer = 0;
  for (std::size_t i = depth_ - 1; i > 0; --i) {
    const Frame& g = frames_[i - 1];
    if (g.codec != nullptr && g.codec->form == Form::object) {
      outer = g.member;
      break;
    }
  }
  for (auto it = first; it != entries_.end(); ++it) it->position = outer;
}

void Reader::problem(std::string message) {
  add(path(), std::move(message));
}

void Reader::problem_at(std::string_view member, std::string message) {
  std::string where = object_path();
  if (!where.empty()) where += '.';
  where += member;
  add(std::move(where), std::move(message));
}

void Reader::problem_at_path(std::string where, std::string message) {
  add(std::move(where), std::move(message));
}

void Reader::refuse_text(Problem p) {
  entries_.clear();
  entries_.push_back(Entry{0, std::move(p)});
  count_ = 1;
  text_refused_ = true;
}

// [SECTION] Dispatch ------------------------------------------------------------------------------------------

Reader::Slot Reader::next_slot() {
  if (depth_ == 0) {
    if (root_read_) return {};
    root_read_ = true;
    return {root_codec_, root_, false};
  }
  Frame& f = frames_[depth_ - 1];
  if (f.codec == nullptr) return {};
  if (f.codec->form == Form::object) return {f.slot, f.slot_target, false};
  f.index = f.count++;
  if (f.index >= f.codec->max_elements) return {};
  const Codec* element = f.codec->element;
  return {element, f.codec->push(f.target), element->form != Form::object};
}

// Optionals are engaged on the way to the value they hold; a null for a nullable one empties it (no slot left).
Reader::Slot Reader::unwrap(Slot s, bool is_null) {
  while (s.codec != nullptr && s.codec->form == Form::optional) {
    if (is_null && s.codec->nullable) {
      s.codec->reset(s.target);
      after_value(s, true);
      return {};
    }
    s.target = s.codec->engage(s.target);
    s.codec = s.codec->element;
  }
  return s;
}

void Reader::after_value(const Slot& s, bool accepted) {
  if (depth_ == 0) return;
  Frame& f = frames_[depth_ - 1];
  if (f.codec == nullptr) return;
  if (f.codec->form == Form::array) {
    if (!s.element) return;
    if (!accepted) {
      f.codec->pop(f.target);
    } else if (f.codec->repeats != nullptr && f.codec->repeats(f.target)) {
      problem("is listed twice");
      f.codec->pop(f.target);
    }
    return;
  }
  if (f.member < 0) return;
  if (!accepted) {
    f.refused |= bit(f.member);
  } else if (f.member == f.codec->object->kind_member) {
    f.kind = f.codec->object->kind(f.target);
  }
}

void Reader::scalar(Scalar& v) {
  const Slot s = unwrap(next_slot(), v.kind == Scalar::Kind::null);
  if (s.codec == nullptr) return;
  bool accepted = false;
  if (s.codec->form == Form::scalar || s.codec->form == Form::constant) {
    accepted = s.codec->read(*this, *s.codec, s.target, v);
  } else {
    problem(detail::mismatch_message(*s.codec));
  }
  after_value(s, accepted);
}

bool Reader::open(bool is_object) {
  if (depth_ == max_depth) {
    const auto [line, column] = line_and_column_of_level();
    refuse_text(Problem{"line " + std::to_string(line) + ", column " + std::to_string(column),
                        "nested deeper than " + std::to_string(max_depth) + " levels"});
    return false;
  }
  const Slot s = unwrap(next_slot(), false);
  Frame f;
  f.opened_with = count_;
  f.first_entry = entries_.size();
  const Form wanted = is_object ? Form::object : Form::array;
  if (s.codec != nullptr && s.codec->form == wanted) {
    f.codec = s.codec;
    f.target = s.target;
    if (is_object) {
      if (f.codec->object->begin != nullptr) f.codec->object->begin(f.target);
    } else {
      f.codec->clear(f.target);
    }
  } else if (s.codec != nullptr) {
    bool accepted = false;
    if (s.codec->form == Form::scalar || s.codec->form == Form::constant) {
      Scalar v;
      v.kind = is_object ? Scalar::Kind::object : Scalar::Kind::array;
      accepted = s.codec->read(*this, *s.codec, s.target, v);
    } else {
      problem(detail::mismatch_message(*s.codec));
    }
    after_value(s, accepted);
  }
  frames_[depth_++] = f;
  return true;
}

void Reader::close(bool is_object) {
  Frame& f = frames_[depth_ - 1];
  if (f.codec != nullptr) {
    finishing_ = true;
    if (is_object) {
      finish_object(f);
      order_problems(f);
    } else if (f.codec->end != nullptr) {
      f.codec->end(*this, *f.codec, f.target, f.count);
    }
    finishing_ = false;
  }
  const bool accepted = count_ == f.opened_with;
  const bool empty_array = !is_object && f.codec != nullptr && f.count == 0;
  const bool read = f.codec != nullptr;
  --depth_;
  if (!read || depth_ == 0) return;
  Frame& parent = frames_[depth_ - 1];
  if (parent.codec == nullptr || parent.codec->form != Form::object || parent.member < 0) return;
  if (!accepted) parent.refused |= bit(parent.member);
  if (empty_array) parent.empty |= bit(parent.member);
}

void Reader::finish_object(Frame& f) {
  const ObjectType& type = *f.codec->object;
  f.member = -1;
  const std::span<const Member> members = type.members;
  for (std::size_t i = 0; i < members.size(); ++i) {
    const Member& m = members[i];
    const int at = static_cast<int>(i);
    forced_position_ = at;
    const bool foreign = f.kind >= 0 && ((m.kinds >> f.kind) & 1U) == 0;
    const bool must = f.kind >= 0 ? ((m.required >> f.kind) & 1U) != 0 : m.required == every_kind;
    if ((f.seen & bit(at)) == 0) {
      if (must) problem_at(m.name, std::string(m.missing.empty() ? type.words.missing : m.missing));
    } else if (foreign && (f.before_kind & bit(at)) != 0) {
      problem_at(m.name, type.foreign != nullptr ? type.foreign(f.target) : std::string(type.words.unknown));
    } else if (m.non_empty && (f.empty & bit(at)) != 0) {
      problem_at(m.name, detail::mismatch_message(*m.codec));
    }
    if (m.check != nullptr) m.check(*this, f.target);
  }
  forced_position_ = static_cast<int>(members.size());
  if (type.finish != nullptr) type.finish(*this, f.target);
  forced_position_ = kNoPosition;
}

// [SECTION] SAX -----------------------------------------------------------------------------------------------

bool Reader::null() {
  Scalar v;
  scalar(v);
  return true;
}

bool Reader::boolean(bool value) {
  Scalar v;
  v.kind = Scalar::Kind::boolean;
  v.boolean = value;
  scalar(v);
  return true;
}

bool Reader::number_integer(std::int64_t value) {
  Scalar v;
  v.kind = Scalar::Kind::integer;
  v.integer = value;
  scalar(v);
  return true;
}

bool Reader::number_unsigned(std::uint64_t value) {
  Scalar v;
  if (value > static_cast<std::uint64_t>(INT64_MAX)) {
    v.kind = Scalar::Kind::too_large;
    v.large = value;
  } else {
    v.kind = Scalar::Kind::integer;
    v.integer = static_cast<std::int64_t>(value);
  }
  scalar(v);
  return true;
}

bool Reader::number_float(double, const std::string& text) {
  Scalar v;
  v.kind = Scalar::Kind::fraction;
  v.number = text;
  scalar(v);
  return true;
}

bool Reader::string(std::string& value) {
  Scalar v;
  v.kind = Scalar::Kind::string;
  v.text = &value;
  scalar(v);
  return true;
}

bool Reader::binary(nlohmann::json::binary_t&) {
  return true;  // never produced from JSON text
}

bool Reader::start_object(std::size_t) {
  return open(true);
}

bool Reader::key(std::string& name) {
  Frame& f = frames_[depth_ - 1];
  if (f.codec == nullptr) return true;
  const ObjectType& type = *f.codec->object;
  f.slot = nullptr;
  f.slot_target = nullptr;
  f.member = find_member(type, name, f.member + 1);
  if (f.member < 0) {
    problem_at(name, std::string(type.words.unknown));
    return true;
  }
  const Member& m = type.members[static_cast<std::size_t>(f.member)];
  if ((f.seen & bit(f.member)) != 0) {
    problem("member given twice");
    return true;
  }
  f.seen |= bit(f.member);
  if (type.kind != nullptr) {
    if (f.kind < 0) {
      f.before_kind |= bit(f.member);
    } else if (((m.kinds >> f.kind) & 1U) == 0) {
      problem(type.foreign != nullptr ? type.foreign(f.target) : std::string(type.words.unknown));
      return true;
    }
  }
  f.slot = m.codec;
  f.slot_target = m.field != nullptr ? m.field(f.target) : nullptr;
  return true;
}

bool Reader::end_object() {
  close(true);
  return true;
}

bool Reader::start_array(std::size_t) {
  return open(false);
}

bool Reader::end_array() {
  close(false);
  return true;
}

bool Reader::parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) {
  refuse_text(json_text::syntax_problem(text_, position, error.what()));
  return false;
}

// [SECTION] API -----------------------------------------------------------------------------------------------

int Reader::find_member(const ObjectType& type, std::string_view key, int guess) {
  const std::span<const Member> members = type.members;
  const auto n = static_cast<int>(members.size());
  if (guess < n && members[static_cast<std::size_t>(guess)].name == key) return guess;
  if (key.empty()) return -1;
  for (int i = 0; i < n; ++i) {
    const std::string_view name = members[static_cast<std::size_t>(i)].name;
    if (name.size() == key.size() && name[0] == key[0] && name == key) return i;
  }
  return -1;
}

std::pair<std::size_t, std::size_t> Reader::line_and_column_of_level() const {
  return json_text::line_and_column(text_, opening_of_level(text_, max_depth + 1));
}

Problems Reader::read_root(const Codec& codec, void* root) {
  root_codec_ = &codec;
  root_ = root;
  nlohmann::json::sax_parse(text_.data(), text_.data() + text_.size(), this);
  Problems out;
  out.reserve(entries_.size() + 1);
  for (Entry& e : entries_) out.push_back(std::move(e.problem));
  if (count_ > out.size()) {
    out.push_back(Problem{"", "... and " + std::to_string(count_ - out.size()) + " more problems"});
  }
  return out;
}

}  // namespace parley::json
