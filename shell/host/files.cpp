// Whole-file reads and asset folders (see parley/host/files.h).
#include "parley/host/files.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

namespace parley::host {
namespace {

FileError failure(const std::filesystem::path& path, const char* verb, std::string reason) {
  FileError error;
  error.path = path.string();
  error.reason = std::move(reason);
  error.message = std::string("cannot ") + verb + " " + error.path + ": " + error.reason;
  return error;
}

}  // namespace

// [SECTION] Files ---------------------------------------------------------------------------------------------

std::optional<std::string> read_file(const std::filesystem::path& path, FileError& error) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    error = failure(path, "read", std::strerror(errno));
    return std::nullopt;
  }
  std::string text;
  char buffer[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, n);
  // errno of the failed read: fopen opens a folder, and reading it then fails with "Is a directory".
  const int read_errno = std::ferror(file) != 0 ? errno : 0;
  std::fclose(file);
  if (read_errno != 0) {
    error = failure(path, "read", std::strerror(read_errno));
    return std::nullopt;
  }
  return text;
}

// [SECTION] Folders -------------------------------------------------------------------------------------------

std::optional<std::vector<std::filesystem::path>> list_json_files(const std::filesystem::path& folder,
                                                                  FileError& error) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".json") files.push_back(it->path());
  }
  if (ec) {
    error = failure(folder, "list", ec.message());
    return std::nullopt;
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::optional<std::vector<JsonFile>> read_json_files(const std::filesystem::path& folder, FileError& error) {
  const std::optional<std::vector<std::filesystem::path>> paths = list_json_files(folder, error);
  if (!paths) return std::nullopt;
  std::vector<JsonFile> files;
  files.reserve(paths->size());
  for (const std::filesystem::path& path : *paths) {
    JsonFile& file = files.emplace_back();
    file.path = path;
    file.name = path.filename().string();
    file.text = read_file(path, file.error);
  }
  return files;
}

// [SECTION] Assets --------------------------------------------------------------------------------------------

std::vector<AssetFile> read_assets_folder(const std::filesystem::path& folder, std::string_view prefix) {
  FileError error;
  std::optional<std::vector<JsonFile>> files = read_json_files(folder, error);
  if (!files) return {AssetFile{std::string(prefix), std::nullopt, folder.string() + ": cannot list: " + error.reason}};
  std::vector<AssetFile> assets;
  assets.reserve(files->size());
  for (JsonFile& file : *files) {
    assets.push_back({std::string(prefix) + file.name, std::move(file.text), std::move(file.error.message)});
  }
  return assets;
}

void add_assets_folder(Assets& assets, const std::filesystem::path& folder, std::string_view prefix) {
  for (const AssetFile& file : read_assets_folder(folder, prefix)) {
    if (file.text) {
      assets.add(file.name, *file.text);
    } else {
      assets.fail(file.name, file.error);
    }
  }
}

Assets load_assets(const std::filesystem::path& folder) {
  Assets assets;
  for (const std::string_view prefix : {rules_folder, calendars_folder, strategies_folder, goals_folder}) {
    add_assets_folder(assets, folder / prefix.substr(0, prefix.size() - 1), prefix);
  }
  return assets;
}

}  // namespace parley::host
