// The file helpers of the native programs (parley/host/files.h): whole files, and the *.json files of an asset
// folder in name order; every failure names the file or folder with the operating system's reason.

#include "parley/host/files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using parley::host::FileError;

namespace {

// A fresh folder for one test, removed with its contents afterwards.
class HostFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("parley-host-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& bytes) const {
    const fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  fs::path dir_;
};

std::vector<std::string> names(const std::vector<fs::path>& paths) {
  std::vector<std::string> out;
  for (const fs::path& p : paths) out.push_back(p.filename().string());
  return out;
}

}  // namespace

TEST_F(HostFiles, AWholeFileComesBackByteForByte) {
  std::string bytes = "line one\r\nline two\n";
  bytes.push_back('\0');
  bytes += std::string(200000, 'x');  // larger than one read
  bytes += "\xE2\x82\xAC end without a newline";
  const fs::path file = write("data.bin", bytes);
  FileError error;
  const std::optional<std::string> text = parley::host::read_file(file, error);
  ASSERT_TRUE(text) << error.message;
  EXPECT_EQ(*text, bytes);
  EXPECT_EQ(parley::host::read_file(write("empty.json", ""), error), "");
}

TEST_F(HostFiles, AMissingFileIsNamedWithTheReason) {
  const fs::path missing = dir_ / "missing.json";
  FileError error;
  EXPECT_EQ(parley::host::read_file(missing, error), std::nullopt);
  EXPECT_EQ(error.path, missing.string());
  EXPECT_EQ(error.reason, "No such file or directory");
  EXPECT_EQ(error.message, "cannot read " + missing.string() + ": No such file or directory");
}

TEST_F(HostFiles, AFolderIsNotAFile) {
  FileError error;
  EXPECT_EQ(parley::host::read_file(dir_, error), std::nullopt);
  EXPECT_EQ(error.message, "cannot read " + dir_.string() + ": Is a directory");
}

TEST_F(HostFiles, AFoldersJsonFilesAreListedInNameOrder) {
  write("rules/US-WA.json", "{}");
  write("rules/FR.json", "{}");
  write("rules/US-CA.json", "{}");
  write("rules/README.md", "not a pack");
  write("rules/US-MA.json.bak", "{}");
  write("rules/old/GB.json", "{}");  // in a subfolder: not listed
  FileError error;
  const auto files = parley::host::list_json_files(dir_ / "rules", error);
  ASSERT_TRUE(files) << error.message;
  EXPECT_EQ(names(*files), (std::vector<std::string>{"FR.json", "US-CA.json", "US-WA.json"}));
  EXPECT_EQ(files->front(), dir_ / "rules" / "FR.json");
}

TEST_F(HostFiles, AnEmptyFolderIsAnEmptyListAndAMissingOneAnError) {
  fs::create_directories(dir_ / "calendars");
  FileError error;
  const auto empty = parley::host::list_json_files(dir_ / "calendars", error);
  ASSERT_TRUE(empty) << error.message;
  EXPECT_TRUE(empty->empty());

  const fs::path missing = dir_ / "no-assets" / "rules";
  EXPECT_EQ(parley::host::list_json_files(missing, error), std::nullopt);
  EXPECT_EQ(error.reason, "No such file or directory");
  EXPECT_EQ(error.message, "cannot list " + missing.string() + ": No such file or directory");
  EXPECT_EQ(parley::host::read_json_files(missing, error), std::nullopt);
  EXPECT_EQ(error.path, missing.string());
}

TEST_F(HostFiles, ReadingAFolderKeepsAFileThatCannotBeReadWithItsError) {
  write("calendars/GB-ENG.json", "{\"id\":\"GB-ENG\"}");
  write("calendars/FR.json", "{\"id\":\"FR\"}");
  fs::create_directories(dir_ / "calendars" / "broken.json");  // listed, but not readable as a file
  FileError error;
  const auto files = parley::host::read_json_files(dir_ / "calendars", error);
  ASSERT_TRUE(files) << error.message;
  ASSERT_EQ(files->size(), 3u);
  EXPECT_EQ((*files)[0].name, "FR.json");
  EXPECT_EQ((*files)[0].text, "{\"id\":\"FR\"}");
  EXPECT_EQ((*files)[1].name, "GB-ENG.json");
  EXPECT_EQ((*files)[1].path, dir_ / "calendars" / "GB-ENG.json");
  EXPECT_EQ((*files)[1].text, "{\"id\":\"GB-ENG\"}");
  EXPECT_EQ((*files)[2].name, "broken.json");
  EXPECT_EQ((*files)[2].text, std::nullopt);
  EXPECT_EQ((*files)[2].error.message,
            "cannot read " + (dir_ / "calendars" / "broken.json").string() + ": Is a directory");
}

namespace {

// The shipped assets folder loads whole: every pack, calendar and strategy, nothing pending, no problem.
TEST_F(HostFiles, TheShippedAssetsLoadIntoCoresAssets) {
  const parley::Assets assets = parley::host::load_assets(fs::path(PARLEY_SOURCE_DIR) / "assets");
  EXPECT_TRUE(assets.problems.empty()) << assets.problems.front().text();
  EXPECT_FALSE(assets.loading());
  EXPECT_GE(assets.rules.packs.size(), 7u);
  EXPECT_NE(assets.calendar("US-FEDERAL"), nullptr);
  EXPECT_TRUE(assets.rules.holidays.has_value());
  ASSERT_NE(assets.strategies.for_client("any client"), nullptr);
  EXPECT_EQ(assets.strategies.sources.front(), "strategies/standard.json");
  ASSERT_TRUE(assets.goals.has_value());
  EXPECT_EQ(assets.goals_source, "goals/agency.json");
}

// A folder without rules/ blocks every contact (the book holds a failure), and a bad calendar is named.
TEST_F(HostFiles, AFolderWithoutRulesFailsClosed) {
  write("calendars/XX.json", "{\"format\":");
  const parley::Assets assets = parley::host::load_assets(dir_);
  ASSERT_EQ(assets.rules.failed.size(), 1u);
  EXPECT_EQ(assets.rules.failed[0].path, "rules/");
  EXPECT_NE(assets.rules.failed[0].message.find("cannot list"), std::string::npos);
  ASSERT_EQ(assets.problems.size(), 4u);
  EXPECT_EQ(assets.problems[1].path, "calendars/XX.json");
  EXPECT_EQ(assets.problems[2].path, "strategies/");  // no strategy: the desk says so rather than guess an order
  EXPECT_EQ(assets.problems[3].path, "goals/");       // no goal plan: the goal panel says so
}

}  // namespace
