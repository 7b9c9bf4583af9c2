#include "load/dataset_texts.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/fs.h"
#include "core/yaml.h"
#include "load/git_fixture_for_tests.h"

namespace firefly {

namespace {
namespace fs = std::filesystem;
using testing::commit_at;
using testing::run_in;

std::vector<MetadataText> texts_of(const std::string& yaml) {
  Diagnostics diags;
  Value meta = parse_yaml(yaml, "data/a.yaml", diags);
  REQUIRE_FALSE(diags.has_errors());
  return metadata_texts(meta);
}

const MetadataText& text(const std::vector<MetadataText>& texts, const std::string& field,
                         const std::string& key) {
  for (const MetadataText& t : texts) {
    if (t.field == field && t.key == key) return t;
  }
  FAIL("no text " << field << " " << key);
  return texts.front();
}

/// The first line of the message of the commit that last changed `field`'s `key` text.
std::string changed_by(const std::vector<MetadataText>& texts, const std::string& field,
                       const std::string& key) {
  const MetadataText& t = text(texts, field, key);
  return t.changed ? t.changed->message : "(uncommitted)";
}

}  // namespace

TEST_CASE("metadata texts: every scalar member of a map, list items named by their name") {
  auto texts = texts_of(
      "title: {zh-TW: 人數, en: People}\n"
      "keywords: [a, b]\n"
      "columns:\n"
      "  - {name: year, title: {zh-TW: 年度, en: Year}}\n"
      "  - title: {zh-TW: 無名}\n");
  CHECK(text(texts, "title", "en").value == "People");
  CHECK(text(texts, "title", "en").key_pos.line == 1);
  CHECK(text(texts, "title", "en").key_pos.col == 20);  // in characters
  CHECK(text(texts, "columns[year]", "name").value == "year");
  CHECK(text(texts, "columns[year]/title", "en").value == "Year");
  CHECK(text(texts, "columns[#1]/title", "zh-TW").value == "無名");
  for (const MetadataText& t : texts) CHECK(t.field.rfind("keywords", 0) != 0);
}

TEST_CASE("metadata text history: the newest commit that changed each value") {
  fs::path root =
      fs::temp_directory_path() / ("firefly_dataset_texts_test_" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "data");
  if (run_in(root, "git init -q -b main") != 0) return;  // no git binary: nothing to check
  auto write = [&](const std::string& yaml) { std::ofstream(root / "data/a.yaml") << yaml; };
  auto yaml = [](const std::string& title, const std::string& zh, const std::string& en) {
    return "title: {" + title + "}\n" +
           "description:\n"
           "  zh-TW: " +
           zh + "\n" +
           "  # lines between the two texts, so that their changes merge\n"
           "  # without a conflict\n"
           "  en: " +
           en + "\n";
  };
  write(yaml("zh-TW: 人數, en: People", "每年的人數", "People each year"));
  commit_at(root, "2024-03-01T10:00:00+08:00", "create");
  // On one line, only the Chinese changes: blame would give both the same commit.
  write(yaml("zh-TW: 人次, en: People", "每年的人數", "People each year"));
  commit_at(root, "2024-03-02T10:00:00+08:00", "zh title");
  // A side branch updates the English description while main changes the Chinese one.
  REQUIRE(run_in(root, "git checkout -q -b side") == 0);
  write(yaml("zh-TW: 人次, en: People", "每年的人數", "How many people each year"));
  commit_at(root, "2024-03-03T10:00:00+08:00", "en description");
  REQUIRE(run_in(root, "git checkout -q main") == 0);
  write(yaml("zh-TW: 人次, en: People", "每年參與的人數", "People each year"));
  commit_at(root, "2024-03-04T10:00:00+08:00", "zh description");
  commit_at(root, "2024-03-05T10:00:00+08:00", "merge side", "side");
  // Only reordered: no value changes.
  write(
      "description:\n  en: How many people each year\n  zh-TW: 每年參與的人數\n"
      "title: {en: People, zh-TW: 人次}\n");
  commit_at(root, "2024-03-06T10:00:00+08:00", "reorder");

  GitHistory git(root, TimeZone());
  REQUIRE(git.available());
  auto changes = git.changes({{"data/a.yaml"}}, 100)[0];
  REQUIRE(changes.size() == 6);
  CHECK(changes[0].message == "reorder");
  CHECK(changes[0].blob.size() == 40);
  CHECK(changes[1].parent_blobs.size() == 2);  // the merge

  std::optional<std::string> disk = read_file(root / "data/a.yaml");
  REQUIRE(disk);
  auto texts = texts_of(*disk);
  MetadataTextHistory history(git);
  history.add(texts, changes, "data/a.yaml");
  CHECK(changed_by(texts, "title", "zh-TW") == "zh title");
  CHECK(changed_by(texts, "title", "en") == "create");
  CHECK(changed_by(texts, "description", "zh-TW") == "zh description");
  CHECK(changed_by(texts, "description", "en") == "en description");  // not the merge
  CHECK(text(texts, "title", "zh-TW").age < text(texts, "title", "en").age);
  CHECK(text(texts, "title", "en").changed->date.day == 1);
  // Each version of the file was parsed once, though most are also another's parent.
  CHECK(history.parsed() == 6);

  // A text edited on disk has no commit yet; the others keep theirs.
  write(
      "description:\n  en: How many people each year\n  zh-TW: 每年參與的人數\n"
      "title: {en: People taking part, zh-TW: 人次}\n");
  texts = texts_of(*read_file(root / "data/a.yaml"));
  history.add(texts, changes, "data/a.yaml");
  CHECK(changed_by(texts, "title", "en") == "(uncommitted)");
  CHECK(changed_by(texts, "title", "zh-TW") == "zh title");
  CHECK(history.parsed() == 6);  // the cache outlives one file's texts
  fs::remove_all(root);
}

}  // namespace firefly
