// parley-desktop: the desktop host. Reads the portfolio, the journal, the rule packs, the calendars and the font
// from disk, hands them to the shell and runs its frames in a GLFW window (desktop_frame_host.h).
//
//   parley-desktop --portfolio FILE [--frames N] [--test-state OUT.json] [--screenshot OUT.ppm]
//                  [--size WIDTHxHEIGHT] [--font FILE.ttf] [--select ACCOUNT] [--assets DIR]
//                  [--journal FILE.jsonl] [--caller NAME] [--business NAME] [--callback NUMBER]
//
// With --journal, every event the shell records is appended to FILE (one JSON line per event, fsync'd) and the
// file's events are loaded at start, so nothing recorded offline is lost across restarts. A last line cut short
// by a crash is reported and set aside (FILE.truncated); any other bad line stops the program with the problems.
//
// The compliance rule packs are DIR/rules/*.json, the holiday calendars DIR/calendars/*.json, the collection
// strategies DIR/strategies/*.json and the goal plan DIR/goals/*.json (DIR defaults to the source tree's assets/). The collector's time zone is TZ when
// it names a zone, else the zone /etc/localtime links to, else UTC.
//
// With --frames N it renders N frames, writes the test state and the screenshot (of the last frame), and exits 0.
// A wrong or unknown option is named on stderr, followed by the usage; the exit status is then 2.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "desktop_frame_host.h"
#include "parley/host/files.h"
#include "parley/host/options.h"
#include "parley/shell/app.h"
#include "parley/shell/frame_host.h"

namespace {

struct Options {
  std::string portfolio;   // --portfolio: the portfolio JSON file
  int frames = 0;          // --frames: stop after this many frames; 0 = run until the window closes
  std::string test_state;  // --test-state: where to write the test hook's JSON on exit
  parley::desktop::WindowSettings window;  // --size (at least 200x150) and --screenshot OUT.ppm (the last frame)
  std::string font = PARLEY_FONT_FILE;  // --font: the UI font
  std::string select;      // --select: the account to open once loaded
  std::string assets = PARLEY_ASSETS_DIR;  // --assets: the folder of rules/, calendars/, strategies/ and goals/
  std::string journal;     // --journal: the JSON Lines file events are kept in; empty: none
  parley::ScriptContext caller;  // --caller, --business, --callback: who the limited-content message names and
                                 // the number it gives (the caller defaults to the signed-in user)
  bool help = false;       // --help: print the usage and exit
};

constexpr const char* usage =
    "usage: parley-desktop --portfolio FILE [--frames N] [--test-state OUT.json] [--screenshot OUT.ppm]\n"
    "                      [--size WIDTHxHEIGHT] [--font FILE.ttf] [--select ACCOUNT] [--assets DIR]\n"
    "                      [--journal FILE.jsonl] [--caller NAME] [--business NAME] [--callback NUMBER]\n";

// "WIDTHxHEIGHT" of at least 200x150.
std::optional<std::pair<int, int>> parse_size(std::string_view text) {
  const std::size_t x = text.find('x');
  if (x == std::string_view::npos) return std::nullopt;
  const auto width = parley::host::parse_number<int>(text.substr(0, x), 200);
  const auto height = parley::host::parse_number<int>(text.substr(x + 1), 150);
  if (!width || !height) return std::nullopt;
  return std::pair{*width, *height};
}

// The options, or nullopt once their problems are printed.
std::optional<Options> parse_options(int argc, char** argv) {
  Options o;
  std::pair<int, int> size{o.window.width, o.window.height};
  parley::host::OptionParser parser;
  parser.flag("--help", o.help)
      .alias("-h", "--help")
      .text("--portfolio", o.portfolio)
      .number("--frames", o.frames, 1)
      .text("--test-state", o.test_state)
      .text("--screenshot", o.window.screenshot)
      .parsed("--size", size, "WIDTHxHEIGHT of at least 200x150", parse_size)
      .text("--font", o.font)
      .text("--select", o.select)
      .text("--assets", o.assets)
      .text("--journal", o.journal)
      .text("--caller", o.caller.caller_name, true)
      .text("--business", o.caller.business_name, true)
      .text("--callback", o.caller.callback_number, true);
  parley::Problems problems = parser.parse(argc, argv);
  if (problems.empty() && !o.help && o.portfolio.empty()) {
    problems.push_back({"--portfolio", "missing: the portfolio file to open"});
  }
  for (const parley::Problem& problem : problems) std::cerr << "parley-desktop: " << problem.text() << "\n";
  if (!problems.empty()) return std::nullopt;
  o.window.width = size.first;
  o.window.height = size.second;
  o.window.vsync = o.frames == 0;
  return o;
}

bool write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

void print_problems(const parley::shell::AppState& state) {
  if (state.status != parley::shell::LoadStatus::error) return;
  std::cerr << "parley-desktop: " << state.source << ": " << state.problems.size()
            << (state.problems.size() == 1 ? " problem\n" : " problems\n");
  for (const parley::Problem& problem : state.problems) std::cerr << "  " << problem.text() << "\n";
}

// Hands every DIR/rules/*.json, DIR/calendars/*.json, DIR/strategies/*.json and DIR/goals/*.json to the shell, in
// name order, under their asset names ("rules/US-MA.json"): all of them expected first, so contact waits until the last is in. A
// folder that cannot be listed or a file that cannot be read fails by name; a rule pack's failure blocks every
// contact.
void load_assets(parley::shell::App& app, const std::string& assets) {
  std::vector<parley::host::AssetFile> files;
  for (const std::string_view prefix :
       {parley::rules_folder, parley::calendars_folder, parley::strategies_folder, parley::goals_folder}) {
    std::vector<parley::host::AssetFile> folder =
        parley::host::read_assets_folder(std::filesystem::path(assets) / prefix.substr(0, prefix.size() - 1), prefix);
    std::move(folder.begin(), folder.end(), std::back_inserter(files));
  }
  std::vector<std::string> names;
  for (const parley::host::AssetFile& file : files) names.push_back(file.name);
  app.dispatch(parley::shell::AssetsExpected{std::move(names)});
  for (parley::host::AssetFile& file : files) {
    if (file.text) {
      app.dispatch(parley::shell::AssetReceived{std::move(file.name), std::move(*file.text)});
    } else {
      app.dispatch(parley::shell::AssetFailed{std::move(file.name), std::move(file.error)});
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<Options> options = parse_options(argc, argv);
  if (!options || options->help) {
    (options ? std::cout : std::cerr) << usage;
    return options ? 0 : 2;
  }
  parley::shell::JournalFileRead journal;
  if (!options->journal.empty()) {
    journal = parley::shell::read_journal_file(options->journal);
    if (!journal.problems.empty()) {
      std::cerr << "parley-desktop: the journal " << options->journal << " cannot be used (nothing was changed):\n";
      for (const parley::Problem& problem : journal.problems) std::cerr << "  " << problem.text() << "\n";
      return 1;
    }
    if (!journal.truncated.empty()) {
      std::cerr << "parley-desktop: " << options->journal << ": " << journal.truncated << "\n";
    }
    std::cerr << "parley-desktop: " << journal.events << " events loaded from " << options->journal << "\n";
  }

  const std::unique_ptr<parley::desktop::DesktopFrameHost> host =
      parley::desktop::DesktopFrameHost::open(options->window);
  if (!host) return 1;

  parley::host::FileError font_error;
  const std::optional<std::string> font = parley::host::read_file(options->font, font_error);
  if (!font) std::cerr << "parley-desktop: " << font_error.message << "; using the built-in font\n";
  std::vector<unsigned char> font_bytes;
  if (font) font_bytes.assign(font->begin(), font->end());

  parley::shell::HostServices services = host->services();
  services.caller = options->caller;
  if (!options->journal.empty()) {
    // PublishEvents: the events of one action are appended together, with one fsync.
    services.publish = [path = options->journal](std::span<const parley::Event> events) {
      if (auto failure = parley::shell::append_journal_file(path, events)) {
        for (const parley::Event& event : events) {
          std::cerr << "parley-desktop: event " << event.id.hex() << " was not saved: " << *failure << "\n";
        }
      }
    };
  }
  parley::shell::App app(std::move(font_bytes), std::move(services));

  parley::host::FileError read_error;
  if (std::optional<std::string> text = parley::host::read_file(options->portfolio, read_error)) {
    app.dispatch(parley::shell::PortfolioReceived{options->portfolio, std::move(*text)});
  } else {
    app.dispatch(parley::shell::LoadFailed{options->portfolio, read_error.message});
  }
  print_problems(app.state());
  if (!journal.lines.empty()) {
    app.dispatch(parley::shell::JournalReceived{options->journal, std::move(journal.lines), false});
  }
  load_assets(app, options->assets);
  if (!options->select.empty()) app.dispatch(parley::shell::SelectAccount{options->select});

  parley::shell::run_frames(*host, app, options->frames);

  if (!options->test_state.empty() && !write_text(options->test_state, app.test_state_json())) {
    std::cerr << "parley-desktop: cannot write " << options->test_state << "\n";
    return 1;
  }
  return 0;
}
