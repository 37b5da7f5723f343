// parley-desktop: the desktop host. Owns a GLFW window with an OpenGL 3 context and the frame loop; reads the
// portfolio file and the font from disk and hands them to the shell.
//
//   parley-desktop --portfolio FILE [--frames N] [--test-state OUT.json] [--screenshot OUT.ppm]
//                  [--size WIDTHxHEIGHT] [--font FILE.ttf] [--select ACCOUNT] [--assets DIR]
//                  [--journal FILE.jsonl] [--caller NAME] [--business NAME] [--callback NUMBER]
//
// With --journal, every event the shell records is appended to FILE (one JSON line per event, fsync'd) and the
// file's events are loaded at start, so nothing recorded offline is lost across restarts. A last line cut short
// by a crash is reported and set aside (FILE.truncated); any other bad line stops the program with the problems.
//
// The compliance rule packs are DIR/rules/*.json and the holiday calendars DIR/calendars/*.json (DIR defaults to
// the source tree's assets/). The collector's time zone is TZ when it names a zone, else the zone /etc/localtime
// links to, else UTC.
//
// With --frames N it renders N frames, writes the test state and the screenshot (of the last frame), and exits 0.

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "parley/shell/app.h"
#include "parley/zones.h"

namespace {

struct Options {
  std::string portfolio;   // --portfolio: the portfolio JSON file
  int frames = 0;          // --frames: stop after this many frames; 0 = run until the window closes
  std::string test_state;  // --test-state: where to write the test hook's JSON on exit
  std::string screenshot;  // --screenshot: where to write the last frame as a binary PPM
  int width = 1280;        // --size: window size in screen coordinates
  int height = 800;
  std::string font = PARLEY_FONT_FILE;  // --font: the UI font
  std::string select;      // --select: the account to open once loaded
  std::string assets = PARLEY_ASSETS_DIR;  // --assets: the folder holding rules/*.json and calendars/*.json
  std::string journal;     // --journal: the JSON Lines file events are kept in; empty: none
  parley::ScriptContext caller;  // --caller, --business, --callback: who the limited-content message names and
                                 // the number it gives (the caller defaults to the signed-in user)
};

constexpr const char* usage =
    "usage: parley-desktop --portfolio FILE [--frames N] [--test-state OUT.json] [--screenshot OUT.ppm]\n"
    "                      [--size WIDTHxHEIGHT] [--font FILE.ttf] [--select ACCOUNT] [--assets DIR]\n"
    "                      [--journal FILE.jsonl] [--caller NAME] [--business NAME] [--callback NUMBER]\n";

std::optional<Options> parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) {
      std::cerr << "parley-desktop: " << arg << " needs a value\n";
      return std::nullopt;
    }
    const std::string value = argv[++i];
    if (arg == "--portfolio") {
      o.portfolio = value;
    } else if (arg == "--frames") {
      o.frames = std::atoi(value.c_str());
      if (o.frames <= 0) {
        std::cerr << "parley-desktop: --frames must be a positive number\n";
        return std::nullopt;
      }
    } else if (arg == "--test-state") {
      o.test_state = value;
    } else if (arg == "--screenshot") {
      o.screenshot = value;
    } else if (arg == "--size") {
      if (std::sscanf(value.c_str(), "%dx%d", &o.width, &o.height) != 2 || o.width < 200 || o.height < 150) {
        std::cerr << "parley-desktop: --size must be WIDTHxHEIGHT, at least 200x150\n";
        return std::nullopt;
      }
    } else if (arg == "--font") {
      o.font = value;
    } else if (arg == "--select") {
      o.select = value;
    } else if (arg == "--assets") {
      o.assets = value;
    } else if (arg == "--journal") {
      o.journal = value;
    } else if (arg == "--caller") {
      o.caller.caller_name = value;
    } else if (arg == "--business") {
      o.caller.business_name = value;
    } else if (arg == "--callback") {
      o.caller.callback_number = value;
    } else {
      std::cerr << "parley-desktop: unknown option " << arg << "\n";
      return std::nullopt;
    }
  }
  if (o.portfolio.empty()) {
    std::cerr << "parley-desktop: --portfolio is required\n";
    return std::nullopt;
  }
  return o;
}

// The whole file, or nullopt with `error` set.
std::optional<std::string> read_file(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open " + path + ": " + std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    error = "cannot read " + path;
    return std::nullopt;
  }
  return text.str();
}

bool write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

// The current back buffer as a binary PPM (P6), top row first.
bool write_screenshot(const std::string& path, int width, int height) {
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  std::ofstream out(path, std::ios::binary);
  out << "P6\n" << width << " " << height << "\n255\n";
  const std::size_t row = static_cast<std::size_t>(width) * 3;
  for (int y = height - 1; y >= 0; --y) {
    out.write(reinterpret_cast<const char*>(pixels.data() + static_cast<std::size_t>(y) * row),
              static_cast<std::streamsize>(row));
  }
  return static_cast<bool>(out);
}

// Pixel ratio (framebuffer / window size, e.g. 2 on a Retina Mac) and the monitor's extra zoom beyond it.
std::optional<parley::shell::DisplayScale> display_scale(GLFWwindow* window) {
  int ww = 0, wh = 0, fw = 0, fh = 0;
  glfwGetWindowSize(window, &ww, &wh);
  glfwGetFramebufferSize(window, &fw, &fh);
  if (ww <= 0 || fw <= 0) return std::nullopt;  // minimised
  float xs = 1.0f, ys = 1.0f;
  glfwGetWindowContentScale(window, &xs, &ys);
  parley::shell::DisplayScale scale;
  scale.pixel_ratio = static_cast<float>(fw) / static_cast<float>(ww);
  scale.ui_scale = xs / scale.pixel_ratio;
  if (scale.ui_scale < 0.5f || scale.ui_scale > 4.0f) scale.ui_scale = 1.0f;
  return scale;
}

void print_problems(const parley::shell::AppState& state) {
  if (state.status != parley::shell::LoadStatus::error) return;
  std::cerr << "parley-desktop: " << state.source << ": " << state.problems.size()
            << (state.problems.size() == 1 ? " problem\n" : " problems\n");
  for (const parley::Problem& problem : state.problems) std::cerr << "  " << problem.text() << "\n";
}

// The collector's IANA zone: TZ (without a leading ':') when it names a known zone, else the name after
// "zoneinfo/" in the target of /etc/localtime, else empty (UTC).
std::string collector_time_zone() {
  if (const char* tz = std::getenv("TZ"); tz && *tz) {
    std::string name = tz[0] == ':' ? tz + 1 : tz;
    if (parley::is_known_time_zone(name)) return name;
  }
  std::error_code ec;
  const std::string target = std::filesystem::read_symlink("/etc/localtime", ec).generic_string();
  const std::size_t at = target.find("zoneinfo/");
  if (!ec && at != std::string::npos) {
    std::string name = target.substr(at + 9);
    if (parley::is_known_time_zone(name)) return name;
  }
  return {};
}

// The *.json files directly in `dir`, in name order. Empty, with `error` set ("cannot read DIR: why"), when the
// folder cannot be listed or holds none; `what` names the files for that message ("rule packs").
std::vector<std::filesystem::path> json_files_in(const std::filesystem::path& dir, const char* what,
                                                 std::string& error) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator();
       it.increment(ec)) {
    if (it->path().extension() == ".json") files.push_back(it->path());
  }
  if (ec || files.empty()) {
    const std::string why = ec ? ec.message() : "no " + std::string(what) + " (*.json) there";
    error = "cannot read " + dir.string() + ": " + why;
    return {};
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Hands every DIR/rules/*.json to the shell, in name order; a missing folder or an unreadable file is a failed
// load, which blocks contact.
void load_rule_packs(parley::shell::App& app, const std::string& assets) {
  const std::filesystem::path dir = std::filesystem::path(assets) / "rules";
  std::string folder_error;
  const std::vector<std::filesystem::path> files = json_files_in(dir, "rule packs", folder_error);
  if (files.empty()) {
    app.dispatch(parley::shell::RulesFailed{dir.string(), folder_error});
    return;
  }
  std::vector<std::string> sources;
  for (const auto& file : files) sources.push_back("rules/" + file.filename().string());
  app.dispatch(parley::shell::RulesRequested{sources});
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::string error;
    if (std::optional<std::string> text = read_file(files[i].string(), error)) {
      app.dispatch(parley::shell::RulesReceived{sources[i], std::move(*text)});
    } else {
      app.dispatch(parley::shell::RulesFailed{sources[i], error});
    }
  }
}

// Hands every DIR/calendars/*.json to the shell, in name order; a missing folder or an unreadable file is reported
// by the quoter, which then rolls no due dates.
void load_calendars(parley::shell::App& app, const std::string& assets) {
  const std::filesystem::path dir = std::filesystem::path(assets) / "calendars";
  std::string folder_error;
  const std::vector<std::filesystem::path> files = json_files_in(dir, "calendars", folder_error);
  if (files.empty()) {
    app.dispatch(parley::shell::CalendarFailed{dir.string(), folder_error});
    return;
  }
  for (const auto& file : files) {
    const std::string source = "calendars/" + file.filename().string();
    std::string error;
    if (std::optional<std::string> text = read_file(file.string(), error)) {
      app.dispatch(parley::shell::CalendarReceived{source, std::move(*text)});
    } else {
      app.dispatch(parley::shell::CalendarFailed{source, error});
    }
  }
}

void glfw_error(int code, const char* description) {
  std::cerr << "parley-desktop: GLFW error " << code << ": " << description << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<Options> options = parse_options(argc, argv);
  if (!options) {
    std::cerr << usage;
    return 2;
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

  glfwSetErrorCallback(glfw_error);
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  GLFWwindow* window = glfwCreateWindow(options->width, options->height, "Parley", nullptr, nullptr);
  if (!window) {
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(options->frames > 0 ? 0 : 1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  std::string font_error;
  std::optional<std::string> font = read_file(options->font, font_error);
  if (!font) std::cerr << "parley-desktop: " << font_error << "; using the built-in font\n";
  std::vector<unsigned char> font_bytes;
  if (font) font_bytes.assign(font->begin(), font->end());

  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  parley::shell::HostServices services = parley::shell::system_host_services("desktop");
  services.time_zone = collector_time_zone();
  services.caller = options->caller;
  if (!options->journal.empty()) {
    services.publish = [path = options->journal](const parley::Event& event) {
      if (auto failure = parley::shell::append_journal_file(path, event)) {
        std::cerr << "parley-desktop: event " << event.id.hex() << " was not saved: " << *failure << "\n";
      }
    };
  }
  parley::shell::App app(std::move(font_bytes), std::move(services));
  if (const auto scale = display_scale(window)) app.set_display_scale(*scale);
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");

  std::string read_error;
  if (std::optional<std::string> text = read_file(options->portfolio, read_error)) {
    app.dispatch(parley::shell::PortfolioReceived{options->portfolio, std::move(*text)});
  } else {
    app.dispatch(parley::shell::LoadFailed{options->portfolio, read_error});
  }
  print_problems(app.state());
  if (!journal.lines.empty()) {
    app.dispatch(parley::shell::JournalReceived{options->journal, std::move(journal.lines), false});
  }
  load_rule_packs(app, options->assets);
  load_calendars(app, options->assets);
  if (!options->select.empty()) app.dispatch(parley::shell::SelectAccount{options->select});

  int rendered = 0;
  while (!glfwWindowShouldClose(window) && (options->frames == 0 || rendered < options->frames)) {
    glfwPollEvents();
    if (const auto scale = display_scale(window); scale && app.set_display_scale(*scale)) {
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    app.frame();
    ImGui::Render();

    int fb_width = 0, fb_height = 0;
    glfwGetFramebufferSize(window, &fb_width, &fb_height);
    glViewport(0, 0, fb_width, fb_height);
    glClearColor(0.96f, 0.96f, 0.95f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++rendered;
    if (rendered == options->frames && !options->screenshot.empty() &&
        !write_screenshot(options->screenshot, fb_width, fb_height)) {
      std::cerr << "parley-desktop: cannot write " << options->screenshot << "\n";
    }
    glfwSwapBuffers(window);
  }

  int status = 0;
  if (!options->test_state.empty() && !write_text(options->test_state, app.test_state_json())) {
    std::cerr << "parley-desktop: cannot write " << options->test_state << "\n";
    status = 1;
  }

  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return status;
}
