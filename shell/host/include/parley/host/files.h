#pragma once
// Files for the native programs: a whole file read in one call, and the JSON files of an asset folder (rules/,
// calendars/, strategies/) in name order. A failure is a value naming the file or folder with the operating system's reason.
//
// Index of this file:
// [SECTION] Errors    what a failed read says
// [SECTION] Files     a whole file
// [SECTION] Folders   the *.json files of a folder, listed or read
// [SECTION] Assets    an assets folder's rules/, calendars/ and strategies/, read by name or handed to core's Assets

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "parley/assets.h"

namespace parley::host {

// [SECTION] Errors --------------------------------------------------------------------------------------------

struct FileError {
  std::string path;     // the file or folder, as given
  std::string reason;   // the operating system's words: "No such file or directory"
  std::string message;  // the sentence: "cannot read rules/US-MA.json: Permission denied" ("cannot list" a folder)
};

// [SECTION] Files ---------------------------------------------------------------------------------------------

// The bytes of the file at `path`; nullopt with `error` set when it cannot be opened or read (a folder, say).
std::optional<std::string> read_file(const std::filesystem::path& path, FileError& error);

// [SECTION] Folders -------------------------------------------------------------------------------------------

// The *.json entries directly in `folder` (not in its subfolders), sorted by name; nullopt with `error` set when the
// folder cannot be listed. A folder without any is an empty list: each caller says whether that is a problem.
std::optional<std::vector<std::filesystem::path>> list_json_files(const std::filesystem::path& folder,
                                                                  FileError& error);

struct JsonFile {
  std::filesystem::path path;       // the folder's path joined with `name`
  std::string name;                 // the file name: "US-FEDERAL.json"
  std::optional<std::string> text;  // its bytes; nullopt when it cannot be read, with `error` set
  FileError error;
};

// Every file list_json_files finds, read, in the same order; nullopt with `error` set when the folder cannot be
// listed. A file that cannot be read is in the list with its error, so the caller can report it by name.
std::optional<std::vector<JsonFile>> read_json_files(const std::filesystem::path& folder, FileError& error);

// [SECTION] Assets --------------------------------------------------------------------------------------------

// One file of an assets folder under its Assets name ("rules/US-MA.json"), or why it could not be read.
struct AssetFile {
  std::string name;                 // `prefix` + file name; just `prefix` when the folder itself cannot be listed
  std::optional<std::string> text;  // its bytes; nullopt when it (or the folder) cannot be read
  std::string error;                // the sentence saying why, when text is nullopt
};

// Every *.json file of one `folder`, in name order, named `prefix` + file name (prefix: rules_folder or
// calendars_folder). A folder that cannot be listed is one file named `prefix` with the error. For a host that hands
// the files on itself (the desktop dispatches them to the shell); the functions below hand them to Assets.
std::vector<AssetFile> read_assets_folder(const std::filesystem::path& folder, std::string_view prefix);

// Every *.json file of `folder`/rules, `folder`/calendars and `folder`/strategies, in name order, handed to core's
// Assets as "rules/<file>", "calendars/<file>" and "strategies/<file>"; a file that cannot be read fails by name (a
// rule pack that fails blocks every contact). A rules folder that cannot be listed fails as "rules/" (so contact
// stays blocked); a missing calendars or strategies folder is a problem of "calendars/" or "strategies/".
Assets load_assets(const std::filesystem::path& folder);

// Every *.json file of one `folder`, in name order, handed to `assets` as `prefix` + file name (prefix:
// rules_folder or calendars_folder), for a host that keeps the two folders apart (the server's --rules and
// --calendars). A folder that cannot be listed fails as `prefix`.
void add_assets_folder(Assets& assets, const std::filesystem::path& folder, std::string_view prefix);

}  // namespace parley::host
