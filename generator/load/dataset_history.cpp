#include "load/dataset_history.h"

#include <algorithm>
#include <optional>

#include "core/error.h"
#include "load/csv.h"
#include "load/dataset.h"

namespace firefly {

namespace {

/// The most bytes of past versions kept in memory for publishing (all datasets together);
/// older versions beyond it are listed but not published.
constexpr size_t kVersionBytes = 256 * 1024 * 1024;

/// The column names in the header of the CSV text `csv`, sorted.
std::vector<std::string> column_names(std::string_view csv) {
  Diagnostics ignored;
  CsvTable table = parse_csv(csv, "", ignored);
  std::vector<std::string> names = table.header.fields;
  std::sort(names.begin(), names.end());
  return names;
}

/// The newest of the commits `h` (newest first) that changed the data of `ds`: a row, as the
/// history compares them (diff_rows), or a column added or removed; a commit that only
/// changed how the file is written (CRLF line ends, a byte order mark, quoting, the order of
/// the columns) is passed over. The oldest commit when none did (it published the rows).
const HistoryEntry& newest_data_change(const std::vector<HistoryEntry>& h, const GitHistory& git,
                                       const Dataset& ds) {
  std::optional<std::string> after = git.file_at(h[0].commit, ds.csv_path);
  for (size_t j = 0; j + 1 < h.size(); ++j) {
    std::optional<std::string> before = git.file_at(h[j + 1].commit, ds.csv_path);
    const std::string a = before.value_or(""), b = after.value_or("");
    RowDiff d = diff_rows(a, b, ds.key);
    if (d.added || d.removed || d.changed || column_names(a) != column_names(b)) return h[j];
    after = std::move(before);
  }
  return h.back();
}

}  // namespace

std::string DatasetChange::version_file() const {
  Date d = commit.date;
  return Date{d.year, d.month, d.day}.iso() + "-" + commit.commit.substr(0, 7) + ".csv";
}

void add_history(std::vector<Dataset>& datasets, const GitHistory& git, size_t versions_kept) {
  if (!git.available() || git.shallow() || datasets.empty()) return;
  std::vector<std::vector<std::string>> groups;
  for (const Dataset& ds : datasets) groups.push_back({ds.csv_path});
  for (const Dataset& ds : datasets) groups.push_back({ds.yaml_path});
  // Every change is read (the oldest gives `issued`); only the newest are listed.
  auto histories = git.changes(groups, 1000000);
  MetadataTextHistory texts(git);
  for (Dataset& ds : datasets) {
    for (auto& [lang, from] : ds.translated_from) {
      if (!from.is_commit) continue;
      if (auto c = git.lookup(from.text)) from.date = c->date;
    }
  }
  for (size_t i = 0; i < datasets.size(); ++i) {
    texts.add(datasets[i].texts, histories[datasets.size() + i], datasets[i].yaml_path);
  }
  size_t kept_bytes = 0;
  for (size_t i = 0; i < datasets.size(); ++i) {
    Dataset& ds = datasets[i];
    const std::vector<HistoryEntry>& h = histories[i];
    if (h.empty()) continue;
    // The newest commit that changed the data, not one that only rewrote the file (CRLF, a
    // BOM): the same comparison as the history's, so modified and the default version (the
    // date) agree with "no row changed" there.
    const Date& newest = newest_data_change(h, git, ds).date;
    const Date& oldest = h.back().date;
    if (!ds.declared_modified) ds.updated = Date{newest.year, newest.month, newest.day};
    if (!ds.declared_issued) {
      ds.issued = Date{oldest.year, oldest.month, oldest.day};
      // Rows declared changed before this repository first had them (a dataset moved in
      // with its `modified:`) were first published before it too: when, git cannot tell,
      // and its first commit would read as published after the last change.
      if (ds.declared_modified &&
          ds.declared_modified->days_since_epoch() < ds.issued.days_since_epoch()) {
        ds.issued = Date{};
      }
    }
    size_t shown = std::min(h.size(), kHistoryShown);
    std::optional<std::string> after = git.file_at(h[0].commit, ds.csv_path);
    for (size_t j = 0; j < shown; ++j) {
      DatasetChange c;
      c.commit = h[j];
      c.first = j + 1 == h.size();
      std::optional<std::string> before;
      if (!c.first) before = git.file_at(h[j + 1].commit, ds.csv_path);
      c.rows = diff_rows(before.value_or(""), after.value_or(""), ds.key);
      if (j < versions_kept && after && kept_bytes + after->size() <= kVersionBytes) {
        kept_bytes += after->size();
        c.published = true;
        c.csv = std::move(*after);
      }
      ds.history.push_back(std::move(c));
      after = std::move(before);
    }
  }
}

}  // namespace firefly
