#pragma once
// The reference server's command line: what to serve, where the database is, what to do on start.
//
// Index of this file:
// [SECTION] Options    the settings, with their defaults
// [SECTION] Parsing    argv (and PARLEY_PORT) into Options, or the problems found

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parley/problem.h"

namespace parley::server {

// [SECTION] Options -----------------------------------------------------------------------------------------

struct Options {
  std::string host = "127.0.0.1";     // `--host`: address to listen on
  int port = 8080;                    // `--port` (or PARLEY_PORT): 0 picks a free port, printed when ready
  std::string db = "parley.db";       // `--db`: the SQLite file, created when missing
  std::string web_root;               // `--web-root`: the web build's app/ folder; empty serves no files
  std::string calendars = PARLEY_CALENDARS_DIR;  // `--calendars`: holiday calendar files for re-quoting offers
  std::string rules = PARLEY_RULES_DIR;          // `--rules`: the compliance rule packs contact attempts are checked
                                                 // against
  int demo_accounts = 500;            // `--demo-accounts`: size of the demo portfolio made for an empty db
  std::uint64_t demo_seed = 1;        // `--demo-seed`: seed of that demo portfolio
  std::optional<std::string> import;  // `--import`: a portfolio file to validate and store, then exit
  bool help = false;                  // `--help`: print usage and exit
};

// [SECTION] Parsing -----------------------------------------------------------------------------------------

struct ParsedOptions {
  Options options;    // meaningful only when problems is empty
  Problems problems;  // each names the option, e.g. `--port: expected a number from 0 to 65535, got "http"`
};

// Parses the arguments after the program name. `env_port` is PARLEY_PORT's value, if set; `--port` wins over
// it.
ParsedOptions parse_options(const std::vector<std::string>& args, const char* env_port);

std::string usage_text();  // the `--help` text
}  // namespace parley::server
