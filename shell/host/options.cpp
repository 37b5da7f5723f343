// The command-line option parser of the native programs (see parley/host/options.h).
#include "parley/host/options.h"

#include <utility>

namespace parley::host {

// [SECTION] Values --------------------------------------------------------------------------------------------

std::string expected(std::string_view what, std::string_view value) {
  std::string message = "expected ";
  message += what;
  message += ", got \"";
  message += value;
  message += '"';
  return message;
}

// [SECTION] Parser --------------------------------------------------------------------------------------------

OptionParser& OptionParser::flag(std::string name, bool& out) {
  options_.push_back({std::move(name), &out, {}});
  return *this;
}

OptionParser& OptionParser::value(std::string name, Reader read) {
  options_.push_back({std::move(name), nullptr, std::move(read)});
  return *this;
}

OptionParser& OptionParser::text(std::string name, std::string& out, bool may_be_empty) {
  return value(std::move(name), [&out, may_be_empty](const std::string& v) -> std::optional<std::string> {
    if (v.empty() && !may_be_empty) return "must not be empty";
    out = v;
    return std::nullopt;
  });
}

OptionParser& OptionParser::text(std::string name, std::optional<std::string>& out) {
  return value(std::move(name), [&out](const std::string& v) -> std::optional<std::string> {
    if (v.empty()) return "must not be empty";
    out = v;
    return std::nullopt;
  });
}

OptionParser& OptionParser::alias(std::string short_name, std::string name) {
  aliases_.emplace_back(std::move(short_name), std::move(name));
  return *this;
}

OptionParser& OptionParser::positional(std::string what, std::optional<std::string>& out) {
  positional_what_ = std::move(what);
  positional_ = &out;
  return *this;
}

const OptionParser::Option* OptionParser::find(std::string_view name) const {
  for (const auto& [short_name, full] : aliases_) {
    if (short_name == name) name = full;
  }
  for (const Option& option : options_) {
    if (option.name == name) return &option;
  }
  return nullptr;
}

Problems OptionParser::parse(std::span<const std::string> args) const {
  Problems problems;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!arg.starts_with('-') || arg == "-") {
      if (positional_ == nullptr) {
        problems.push_back({"", "unexpected argument \"" + arg + "\""});
      } else if (*positional_) {
        problems.push_back({"", "expected one " + positional_what_ + ", got a second: \"" + arg + "\""});
      } else {
        *positional_ = arg;
      }
      continue;
    }
    // "--name=value" carries its value; "--name value" takes the next argument.
    const std::size_t eq = arg.starts_with("--") ? arg.find('=') : std::string::npos;
    const std::string name = arg.substr(0, eq);
    const Option* option = find(name);
    if (option == nullptr) {
      problems.push_back({"", "unknown option " + name});
      continue;
    }
    if (option->flag != nullptr) {
      if (eq != std::string::npos) {
        problems.push_back({option->name, "takes no value"});
      } else {
        *option->flag = true;
      }
      continue;
    }
    std::string value;
    if (eq != std::string::npos) {
      value = arg.substr(eq + 1);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      problems.push_back({option->name, "needs a value"});
      continue;
    }
    if (std::optional<std::string> why = option->read(value)) problems.push_back({option->name, std::move(*why)});
  }
  return problems;
}

Problems OptionParser::parse(int argc, const char* const* argv) const {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  return parse(args);
}

}  // namespace parley::host
