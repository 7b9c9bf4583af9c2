#include "load/dataset_history.h"

#include <algorithm>

#include "load/dataset.h"

namespace firefly {

namespace {

/// The most bytes of past versions kept in memory for publishing (all datasets together);
/// older versions beyond it are listed but not published.
constexpr size_t kVersionBytes = 256 * 1024 * 1024;

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
    const Date& newest = h.front().date;
    const Date& oldest = h.back().date;
    if (!ds.declared_modified) ds.updated = Date{newest.year, newest.month, newest.day};
    if (!ds.declared_issued) ds.issued = Date{oldest.year, oldest.month, oldest.day};
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
