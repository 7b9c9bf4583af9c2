// The dates git gives content pages (load/content.h add_git_dates): the last commit that
// changed each file, whether it was a revision, and the date of a `translated_from` commit.
#include <string_view>
#include <unordered_map>

#include "load/content.h"
#include "load/git_history.h"

namespace firefly {

namespace {

/// What git says of a content file.
struct GitDates {
  std::optional<Date> updated, revised, translated_from;
  std::string commit;
  bool operator==(const GitDates&) const = default;
};

GitDates git_dates_of(const SourcePage& p) {
  return {p.git_updated, p.git_revised, p.translated_from_commit_date, p.git_commit};
}

/// Gives `page` the dates `dates`; a page with others is replaced by a copy that has them.
void set_git_dates(std::shared_ptr<const SourcePage>& page, GitDates dates) {
  if (git_dates_of(*page) == dates) return;
  auto copy = std::make_shared<SourcePage>(*page);
  copy->git_updated = dates.updated;
  copy->git_revised = dates.revised;
  copy->translated_from_commit_date = dates.translated_from;
  copy->git_commit = std::move(dates.commit);
  page = std::move(copy);
}

}  // namespace

void add_git_dates(const std::filesystem::path& site_dir, const TimeZone& zone, SourcePages& pages,
                   Diagnostics& diags, const SourcePages* dated) {
  GitHistory git(site_dir, zone);
  if (!git.at_root()) {
    for (auto& page : pages) set_git_dates(page, {});
    return;
  }
  if (git.shallow()) {
    diags.warning("", {},
                  "this site is a shallow git clone: pages' \"updated\" dates and the data's "
                  "change history come only from the commits it has, so they may be wrong",
                  "fetch the whole history (git fetch --unshallow; in GitHub Actions, "
                  "actions/checkout with fetch-depth: 0)");
  }
  // What a page's file history gave; its `translated_from` commit is looked up again.
  std::vector<std::optional<GitDates>> known(pages.size());
  std::vector<char> kept(pages.size(), 0);  // the very page dated then
  if (dated) {
    std::unordered_map<std::string_view, const SourcePage*> by_path;  // made when needed
    for (size_t i = 0; i < pages.size(); ++i) {
      const SourcePage* was = i < dated->size() ? (*dated)[i].get() : nullptr;
      if (was == pages[i].get()) {
        kept[i] = 1;
        continue;
      }
      if (!was || was->path != pages[i]->path) {
        if (by_path.empty()) {
          for (const auto& p : *dated) by_path.emplace(p->path, p.get());
        }
        auto it = by_path.find(pages[i]->path);
        was = it == by_path.end() ? nullptr : it->second;
      }
      kept[i] = was == pages[i].get();
      if (was && !kept[i])
        known[i] = GitDates{was->git_updated, was->git_revised, {}, was->git_commit};
    }
  }
  std::vector<std::vector<std::string>> groups;
  std::vector<size_t> asked;  // the pages whose files' history is read
  for (size_t i = 0; i < pages.size(); ++i) {
    if (kept[i] || known[i]) continue;
    groups.push_back({pages[i]->path});
    asked.push_back(i);
  }
  // Two commits per file: the newest, and whether an older one exists (then the newest is
  // a revision, not the commit that created the file). A rename is no change: a translation
  // renamed with its original is as old as its words, and an original renamed alone
  // (help.md to help.zh-TW.md) leaves its translations up to date.
  auto history = groups.empty() ? std::vector<std::vector<HistoryEntry>>{}
                                : git.changes(groups, 2, /*follow_renames=*/true);
  for (size_t k = 0; k < asked.size(); ++k) {
    const auto& h = history[k];
    GitDates dates;
    if (!h.empty()) {
      dates.updated = h.front().date;
      dates.commit = h.front().commit;
    }
    if (h.size() > 1) dates.revised = h.front().date;
    known[asked[k]] = std::move(dates);
  }
  for (size_t i = 0; i < pages.size(); ++i) {
    if (kept[i]) continue;  // dated then
    GitDates dates = std::move(*known[i]);
    const Value& from = pages[i]->front.get("translated_from");
    if (!from.is_null() && !from.is_map() && !from.is_list() && !parse_date(from.to_text())) {
      if (auto c = git.lookup(from.to_text())) dates.translated_from = c->date;
    }
    set_git_dates(pages[i], std::move(dates));
  }
}

}  // namespace firefly
