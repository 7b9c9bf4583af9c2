#include "load/dataset_history.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/time_zone.h"
#include "load/dataset.h"
#include "load/git_fixture_for_tests.h"

namespace firefly {

namespace fs = std::filesystem;
using testing::commit_at;
using testing::run_in;

TEST_CASE("dataset history: modified follows the rows, not how the file is written") {
  fs::path site =
      fs::temp_directory_path() / ("firefly_dataset_history_test_" + std::to_string(::getpid()));
  fs::remove_all(site);
  fs::create_directories(site / "data");
  if (run_in(site, "git init -q") != 0) return;  // no git binary: nothing to check
  auto write = [&](const std::string& csv) { std::ofstream(site / "data/c.csv") << csv; };
  write("year,n\n2021,1\n");
  commit_at(site, "2021-03-04T12:00:00+00:00", "Add c");
  write("year,n\n2021,1\n2022,2\n");
  commit_at(site, "2022-05-06T12:00:00+00:00", "Add 2022");
  write("\xEF\xBB\xBFyear,n\r\n2021,1\r\n2022,2\r\n");  // a BOM and CRLF: no row changed
  commit_at(site, "2023-07-08T12:00:00+00:00", "CRLF");

  auto load = [&] {
    std::vector<Dataset> datasets(1);
    datasets[0].name = "c";
    datasets[0].csv_path = "data/c.csv";
    datasets[0].yaml_path = "data/c.yaml";
    GitHistory git(site, TimeZone());
    REQUIRE(git.available());
    add_history(datasets, git, 0);
    return datasets[0];
  };
  Dataset ds = load();
  REQUIRE(ds.history.size() == 3);
  CHECK(ds.updated.year == 2022);  // was 2023, the date of the CRLF commit
  CHECK(ds.updated.month == 5);
  CHECK(ds.updated.day == 6);
  CHECK(ds.issued.year == 2021);

  write("year,n,note\n2021,1,\n2022,2,\n");  // a column added, its cells empty
  commit_at(site, "2024-01-02T12:00:00+00:00", "Add note");
  ds = load();
  REQUIRE(ds.history.size() == 4);
  CHECK(ds.updated.year == 2024);  // the data changed, though no row did

  // Declared changed before the first commit (moved in from elsewhere): first published
  // then is not known, never the commit's day after the last change.
  auto declared = [&](const std::string& modified) {
    std::vector<Dataset> datasets(1);
    datasets[0].name = "c";
    datasets[0].csv_path = "data/c.csv";
    datasets[0].yaml_path = "data/c.yaml";
    datasets[0].declared_modified = parse_date(modified);
    datasets[0].updated = *datasets[0].declared_modified;
    GitHistory git(site, TimeZone());
    add_history(datasets, git, 0);
    return datasets[0];
  };
  ds = declared("2020-12-31");
  CHECK(ds.updated.year == 2020);
  CHECK(ds.issued.year == 0);
  CHECK(declared("2024-06-30").issued.year == 2021);  // after the first commit: git's day
  fs::remove_all(site);
}

}  // namespace firefly
