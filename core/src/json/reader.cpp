// The streaming reader (see reader.h): parser events dispatched to the codecs of the frame on top.
//
// Index of this file:
// [SECTION] Places      paths of values and members, built only for a problem; the place of a nesting too deep
// [SECTION] Problems
// [SECTION] Dispatch    the slot of the next value, scalars, containers, members
// [SECTION] Tape        members read after their object's kind: kept as events, replayed
// [SECTION] Events      the scanner's and nlohmann's
// [SECTION] API
#include "json/reader.h"

#include <algorithm>
#include <utility>

#include "json/scanner.h"
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

bool of_kind(const Member& m, int kind) {
  return ((m.kinds >> kind) & 1U) != 0;
}

bool waits_for_kind(const Member& m) {
  return m.after_kind || m.codec->form == Form::by_kind;
}

}  // namespace

// [SECTION] Places --------------------------------------------------------------------------------------------

void Reader::aim_at_member(Frame& f, const Member& m) {
  void* field = m.field != nullptr ? m.field(f.target) : nullptr;
  if (m.codec->form == Form::by_kind) {
    f.slot = m.codec->alternatives[static_cast<std::size_t>(f.kind)];
    f.slot_target = m.codec->alternative(field, f.kind);
  } else {
    f.slot = m.codec;
    f.slot_target = field;
  }
}

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
  if (options_.paths != nullptr) options_.paths->push_back(where);
  if (entries_.size() < max_reported_problems) {
    entries_.push_back(Entry{position(), Problem{std::move(where), std::move(message)}});
  }
}

// Puts the problems of the object of `f` (the top frame) in table order, then files them under the member of the
// enclosing object that holds it.
void Reader::order_problems(const Frame& f) {
  if (f.first_entry >= entries_.size()) return;
  const auto first = entries_.begin() + static_cast<std::ptrdiff_t>(f.first_entry);
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

void Reader::mismatch(const Codec& codec, const Scalar& got) {
  std::string message = detail::mismatch_message(codec);
  if (codec.words.describe != nullptr) {
    message += ", got ";
    message += codec.words.describe(got);
  }
  problem(std::move(message));
}

void Reader::name_problem(const Frame& f, std::string message) {
  if (!f.codec->object->words.names_first) {
    problem(std::move(message));
    return;
  }
  const int was = forced_position_;
  forced_position_ = -1;
  problem(std::move(message));
  forced_position_ = was;
}

void Reader::refuse_text(Problem p) {
  if (!options_.keep_problems_before_syntax_error) {
    entries_.clear();
    count_ = 0;
  }
  ++count_;
  if (options_.paths != nullptr) options_.paths->push_back(p.path);
  if (entries_.size() < max_reported_problems) entries_.push_back(Entry{0, std::move(p)});
  text_refused_ = true;
}

void Reader::refuse_depth() {
  const auto [line, column] = line_and_column_of_level();
  refuse_text(Problem{"line " + std::to_string(line) + ", column " + std::to_string(column),
                      "nested deeper than " + std::to_string(max_depth) + " levels"});
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
      if (!f.codec->keep_refused) f.codec->pop(f.target);
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
    if (f.taped != 0) replay(f);
  }
}

void Reader::scalar(Scalar& v) {
  const Slot s = unwrap(next_slot(), v.kind == Scalar::Kind::null);
  if (s.codec == nullptr) return;
  bool accepted = false;
  if (s.codec->form == Form::scalar || s.codec->form == Form::constant) {
    accepted = s.codec->read(*this, *s.codec, s.target, v);
  } else {
    mismatch(*s.codec, v);
  }
  after_value(s, accepted);
}

bool Reader::open(bool is_object) {
  if (depth_ == max_depth) {
    refuse_depth();
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
    Scalar v;
    v.kind = is_object ? Scalar::Kind::object : Scalar::Kind::array;
    bool accepted = false;
    if (s.codec->form == Form::scalar || s.codec->form == Form::constant) {
      accepted = s.codec->read(*this, *s.codec, s.target, v);
    } else {
      mismatch(*s.codec, v);
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
  if (f.taped != 0) drop_tape(f);
  const std::span<const Member> members = type.members;
  for (std::size_t i = 0; i < members.size(); ++i) {
    const Member& m = members[i];
    const int at = static_cast<int>(i);
    forced_position_ = at;
    const bool foreign = f.kind >= 0 && !of_kind(m, f.kind);
    const bool must = f.kind >= 0 ? ((m.required >> f.kind) & 1U) != 0 : m.required == every_kind;
    if ((f.seen & bit(at)) == 0) {
      if (must) problem_at(m.name, std::string(m.missing.empty() ? type.words.missing : m.missing));
    } else if (foreign && (f.before_kind & bit(at)) != 0) {
      if (type.words.names_first) forced_position_ = -1;
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

// [SECTION] Tape ----------------------------------------------------------------------------------------------

bool Reader::record(TapeEvent e, std::string_view text) {
  if (e.type == TapeEvent::Type::begin) {
    if (depth_ + record_level_ == max_depth) {
      refuse_depth();
      return false;
    }
    ++record_level_;
  } else if (e.type == TapeEvent::Type::end) {
    --record_level_;
  }
  e.text_at = tape_text_.size();
  e.text_size = text.size();
  tape_text_.append(text.data(), text.size());
  tape_.push_back(e);
  if (record_level_ == 0 && e.type != TapeEvent::Type::key) {
    recording_ = false;
    taped_.back().end = tape_.size();
  }
  return true;
}

void Reader::start_tape(Frame& f, int member) {
  f.taped |= bit(member);
  f.slot = nullptr;
  f.slot_target = nullptr;
  taped_.push_back(Taped{depth_, member, tape_.size(), tape_.size()});
  recording_ = true;
  record_level_ = 0;
}

// The kind of `f` is known: its members on the tape are read now, in the order of the text.
void Reader::replay(Frame& f) {
  const ObjectType& type = *f.codec->object;
  while (!text_refused_) {
    const auto it = std::find_if(taped_.begin(), taped_.end(), [&](const Taped& t) { return t.depth == depth_; });
    if (it == taped_.end()) break;
    const Taped t = *it;
    taped_.erase(it);
    f.taped &= ~bit(t.member);
    const Member& m = type.members[static_cast<std::size_t>(t.member)];
    if (!of_kind(m, f.kind)) continue;  // of another kind: reported when the object ends
    f.member = t.member;
    aim_at_member(f, m);
    replay_events(t.begin, t.end);
  }
  if (taped_.empty() && !recording_) {
    tape_.clear();
    tape_text_.clear();
  }
}

void Reader::replay_events(std::size_t begin, std::size_t end) {
  std::string text;
  for (std::size_t i = begin; i < end && !text_refused_; ++i) {
    const TapeEvent e = tape_[i];  // a copy: replaying may record more
    text.assign(tape_text_, e.text_at, e.text_size);
    switch (e.type) {
      case TapeEvent::Type::null: on_null(); break;
      case TapeEvent::Type::boolean: on_boolean(e.flag); break;
      case TapeEvent::Type::integer: on_integer(e.integer); break;
      case TapeEvent::Type::too_large: on_unsigned(e.large); break;
      case TapeEvent::Type::fraction: on_fraction(text); break;
      case TapeEvent::Type::string: on_string(text, &text); break;
      case TapeEvent::Type::key: on_key(text); break;
      case TapeEvent::Type::begin: on_begin(e.flag); break;
      case TapeEvent::Type::end: on_end(e.flag); break;
    }
  }
}

Scalar Reader::scalar_of(const TapeEvent& e, std::string& text) const {
  Scalar v;
  text.assign(tape_text_, e.text_at, e.text_size);
  switch (e.type) {
    case TapeEvent::Type::null: break;
    case TapeEvent::Type::boolean:
      v.kind = Scalar::Kind::boolean;
      v.boolean = e.flag;
      break;
    case TapeEvent::Type::integer:
      v.kind = Scalar::Kind::integer;
      v.integer = e.integer;
      break;
    case TapeEvent::Type::too_large:
      v.kind = Scalar::Kind::too_large;
      v.large = e.large;
      break;
    case TapeEvent::Type::fraction:
      v.kind = Scalar::Kind::fraction;
      v.text = text;
      break;
    case TapeEvent::Type::string:
    case TapeEvent::Type::key:
      v.kind = Scalar::Kind::string;
      v.text = text;
      break;
    case TapeEvent::Type::begin:
    case TapeEvent::Type::end:
      v.kind = e.flag ? Scalar::Kind::object : Scalar::Kind::array;
      break;
  }
  return v;
}

// The object of `f` ends with members still on the tape: its kind was never read. Their values are not read, but
// a by_kind member whose value none of its alternatives could take (not even its JSON type) is refused.
void Reader::drop_tape(Frame& f) {
  const ObjectType& type = *f.codec->object;
  for (auto it = taped_.begin(); it != taped_.end();) {
    if (it->depth != depth_) {
      ++it;
      continue;
    }
    const Member& m = type.members[static_cast<std::size_t>(it->member)];
    if (m.codec->form == Form::by_kind && it->begin < it->end) {
      std::string text;
      const Scalar got = scalar_of(tape_[it->begin], text);
      const Json wanted = m.codec->alternatives[0]->json;
      const bool fits = (wanted == Json::object && got.kind == Scalar::Kind::object) ||
                        (wanted == Json::array && got.kind == Scalar::Kind::array) || wanted == Json::any;
      if (!fits) {
        forced_position_ = it->member;
        f.member = it->member;
        finishing_ = false;
        mismatch(*m.codec, got);
        finishing_ = true;
        f.member = -1;
      }
    }
    it = taped_.erase(it);
  }
  f.taped = 0;
  forced_position_ = kNoPosition;
  if (taped_.empty() && !recording_) {
    tape_.clear();
    tape_text_.clear();
  }
}

// [SECTION] Events --------------------------------------------------------------------------------------------

bool Reader::on_null() {
  if (recording_) return record({TapeEvent::Type::null});
  Scalar v;
  scalar(v);
  return !text_refused_;
}

bool Reader::on_boolean(bool value) {
  if (recording_) return record({TapeEvent::Type::boolean, value});
  Scalar v;
  v.kind = Scalar::Kind::boolean;
  v.boolean = value;
  scalar(v);
  return !text_refused_;
}

bool Reader::on_integer(std::int64_t value) {
  if (recording_) return record({TapeEvent::Type::integer, false, value});
  Scalar v;
  v.kind = Scalar::Kind::integer;
  v.integer = value;
  scalar(v);
  return !text_refused_;
}

bool Reader::on_unsigned(std::uint64_t value) {
  if (value <= static_cast<std::uint64_t>(INT64_MAX)) return on_integer(static_cast<std::int64_t>(value));
  if (recording_) return record({TapeEvent::Type::too_large, false, 0, value});
  Scalar v;
  v.kind = Scalar::Kind::too_large;
  v.large = value;
  scalar(v);
  return !text_refused_;
}

bool Reader::on_fraction(std::string_view text) {
  if (recording_) return record({TapeEvent::Type::fraction}, text);
  Scalar v;
  v.kind = Scalar::Kind::fraction;
  v.text = text;
  scalar(v);
  return !text_refused_;
}

bool Reader::on_string(std::string_view text, std::string* buffer) {
  if (recording_) return record({TapeEvent::Type::string}, text);
  Scalar v;
  v.kind = Scalar::Kind::string;
  v.text = text;
  v.buffer = buffer;
  scalar(v);
  return !text_refused_;
}

bool Reader::on_begin(bool object) {
  if (recording_) return record({TapeEvent::Type::begin, object});
  return open(object) && !text_refused_;
}

bool Reader::on_end(bool object) {
  if (recording_) return record({TapeEvent::Type::end, object});
  close(object);
  return !text_refused_;
}

bool Reader::on_key(std::string_view name) {
  if (recording_) return record({TapeEvent::Type::key}, name);
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
    name_problem(f, std::string(type.words.twice));
    return true;
  }
  f.seen |= bit(f.member);
  if (type.kind != nullptr) {
    if (f.kind < 0) {
      f.before_kind |= bit(f.member);
      if (waits_for_kind(m)) {
        start_tape(f, f.member);
        return true;
      }
    } else if (!of_kind(m, f.kind)) {
      name_problem(f, type.foreign != nullptr ? type.foreign(f.target) : std::string(type.words.unknown));
      return true;
    }
  }
  aim_at_member(f, m);
  return true;
}

bool Reader::parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) {
  refuse_text(json_text::syntax_problem(text_, position, error.what()));
  return false;
}

// [SECTION] API -----------------------------------------------------------------------------------------------

std::pair<std::size_t, std::size_t> Reader::line_and_column_of_level() const {
  return json_text::line_and_column(text_, opening_of_level(text_, max_depth + 1));
}

void Reader::clear() {
  root_read_ = false;
  depth_ = 0;
  finishing_ = false;
  forced_position_ = kNoPosition;
  text_refused_ = false;
  entries_.clear();
  count_ = 0;
  recording_ = false;
  record_level_ = 0;
  tape_.clear();
  tape_text_.clear();
  taped_.clear();
}

void Reader::restart(std::string_view text) {
  text_ = text;
  clear();
}

Problems Reader::read_root(const Codec& codec, void* root, void (*reset)(void*)) {
  root_codec_ = &codec;
  root_ = root;
  if (scan(text_, *this, scratch_) == Scan::refused) {
    if (std::optional<Problem> syntax = json_text::find_syntax_error(text_)) {
      refuse_text(std::move(*syntax));
    } else {
      // JSON the scanner does not take (nested deeper than it keeps track of): read through nlohmann's parser.
      clear();
      reset(root);
      nlohmann::json::sax_parse(text_.data(), text_.data() + text_.size(), this);
    }
  }
  Problems out;
  if (entries_.empty() && count_ == 0) return out;  // the common case: no allocation
  out.reserve(entries_.size() + 1);
  for (Entry& e : entries_) out.push_back(std::move(e.problem));
  if (options_.closing_count && count_ > out.size()) {
    out.push_back(Problem{"", "... and " + std::to_string(count_ - out.size()) + " more problems"});
  }
  return out;
}

}  // namespace parley::json
