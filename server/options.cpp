// Command-line parsing of the reference server, with the native programs' option parser (parley/host/options.h).
#include "options.h"

#include <cstdint>

#include "parley/host/options.h"

namespace parley::server {

ParsedOptions parse_options(const std::vector<std::string>& args, const char* env_port) {
  ParsedOptions out;
  Options& o = out.options;
  if (env_port != nullptr && *env_port != '\0') {
    if (auto why = host::read_number(env_port, o.port, 0, 65535)) out.problems.push_back({"PARLEY_PORT", *why});
  }
  host::OptionParser parser;
  parser.flag("--help", o.help)
      .alias("-h", "--help")
      .number("--port", o.port, 0, 65535)
      .text("--host", o.host)
      .text("--db", o.db)
      .text("--web-root", o.web_root)
      .text("--calendars", o.calendars)
      .text("--rules", o.rules)
      // The allowed range is core's rule (check_demo_settings); here only the number's form is checked.
      .number("--demo-accounts", o.demo_accounts, 0, INT32_MAX)
      .number("--demo-seed", o.demo_seed)
      .text("--import", o.import);
  for (Problem& problem : parser.parse(args)) out.problems.push_back(std::move(problem));
  return out;
}

std::string usage_text() {
  return "usage: parley-server [options]\n"
         "  --port N             port to listen on (default 8080, or PARLEY_PORT); 0 picks a free one\n"
         "  --host ADDR          address to listen on (default 127.0.0.1)\n"
         "  --db FILE            SQLite database (default parley.db); created when missing\n"
         "  --web-root DIR       serve the web app from DIR (the web build's app/ folder)\n"
         "  --calendars DIR      holiday calendars (*.json) used to re-quote offers (default: the source\n"
         "                       tree's assets/calendars)\n"
         "  --rules DIR          compliance rule packs (*.json) every contact attempt is checked against\n"
         "                       (default: the source tree's assets/rules); a pack that does not load makes\n"
         "                       every attempt a compliance exception\n"
         "  --demo-accounts N    accounts in the demo portfolio stored into an empty database (default 500)\n"
         "  --demo-seed S        seed of that demo portfolio (default 1)\n"
         "  --import FILE        validate a portfolio file and replace the stored portfolio with it, then\n"
         "                       exit; on any problem print them all and leave the database unchanged\n"
         "  --help               print this text\n";
}

}  // namespace parley::server
