// Reading content/: every page's file, on several threads; after an earlier load, only the
// files changed since (content_update.cpp). A file's name: content_names.cpp; its text:
// content_page.cpp.
#include "load/content.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <unordered_set>

#include "core/fs.h"
#include "core/parallel.h"
#include "core/text.h"
#include "load/content_update.h"
#include "load/unread_files.h"

namespace firefly {

SourcePages load_content(const std::filesystem::path& site_dir, const SiteConfig& config, int jobs,
                         Diagnostics& diags, ContentStamps* stamps, const LoadedContent* previous) {
  auto started = std::chrono::system_clock::now();
  std::uint64_t config_print = detail::reading_fingerprint(config);
  if (previous && previous->stamps.config != config_print) previous = nullptr;
  if (previous && previous->changed && stamps) {
    if (auto pages =
            detail::load_edited(site_dir, config, jobs, diags, *stamps, *previous, started)) {
      return std::move(*pages);
    }
  }
  std::vector<std::string> escaped, special;
  std::unordered_set<std::string> touched;  // with `listed`: the .md files changed
  std::optional<std::vector<FoundFile>> listed;
  if (previous && previous->changed) {
    listed = detail::files_after(site_dir, previous->stamps, *previous->changed, touched);
  }
  const bool listed_ok = listed.has_value();
  auto files =
      listed ? std::move(*listed) : list_files(site_dir / "content", site_dir, &escaped, &special);
  bool linked = std::any_of(files.begin(), files.end(), [](const FoundFile& f) { return f.link; });
  std::vector<SourcePage> unreadable;  // special files named like pages keep their address
  for (const std::string& rel : special) {
    diags.error("content/" + rel, {}, special_entry_message(site_dir / "content", rel),
                special_entry_hint(site_dir / "content", rel, "replace it with a text file"));
    Diagnostics name_errors;  // a name error would be a second error about the same file
    SourcePage stub;
    if (ends_with(rel, ".md") && read_page_name("content/" + rel, config, stub, name_errors)) {
      detail::mark_unread(stub);
      unreadable.push_back(std::move(stub));
    }
  }
  for (const std::string& rel : escaped) {
    diags.error(
        "content/" + rel, {},
        escaped_link_message(site_dir / "content" / rel, site_dir) + "; it is not published",
        escaped_link_hint(site_dir / "content" / rel, site_dir, rel,
                          "copy the file into the site instead"));
  }
  std::vector<FoundFile> md;
  for (auto& f : files) {
    if (ends_with(f.rel, ".md")) {
      md.push_back(std::move(f));
    } else if (auto unread = unread_content_file(f.rel)) {
      diags.warning("content/" + f.rel, {}, std::move(unread->message), std::move(unread->hint));
    }
  }
  SourcePages pages(md.size());
  std::vector<char> ok(md.size(), 0);
  std::vector<ContentStamps::Entry> entries(stamps ? md.size() : 0);
  std::vector<std::vector<Diagnostic>> reports(stamps ? md.size() : 0);
  const std::vector<Diagnostic> none;
  parallel_for(md.size(), jobs, [&](size_t i) {
    std::string rel = "content/" + md[i].rel;
    const ContentStamps::Entry* was = previous ? previous->stamps.find(rel) : nullptr;
    // A file the watcher did not see change is as it was read (racy stamps included:
    // a write after that reading would have been seen).
    bool unchanged = was && listed_ok && !touched.count(rel);
    std::filesystem::path full;
    if (!unchanged) full = md[i].full.empty() ? site_dir / rel : std::filesystem::path(md[i].full);
    FileStamp stamp = unchanged ? was->stamp
                      : stamps  ? detail::stamp_of(full, started)
                                : FileStamp{};
    if (stamps) entries[i].stamp = stamp;
    if (was && (unchanged || was->stamp == stamp)) {
      pages[i] = previous->pages[was->page];  // add_git_dates brings its dates up to date
      auto it = previous->stamps.reported.find(rel);
      const std::vector<Diagnostic>& reported =
          it == previous->stamps.reported.end() ? none : it->second;
      for (const Diagnostic& d : reported) diags.add(d);
      if (stamps) reports[i] = reported;
      ok[i] = 1;
      return;
    }
    auto page = std::make_shared<SourcePage>();
    pages[i] = page;
    Diagnostics reported;
    ok[i] = detail::read_content_file(rel, full, config, *page, reported);
    if (stamps) reports[i] = reported.sorted();
    diags.append(reported);
  });
  SourcePages out;
  out.reserve(pages.size());
  std::shared_ptr<ContentStamps::Files> files_now;
  if (stamps) {
    stamps->config = config_print;
    files_now = std::make_shared<ContentStamps::Files>();
    files_now->reserve(pages.size());
    stamps->changed.clear();
    stamps->reported.clear();
    stamps->whole = escaped.empty() && special.empty() && !linked &&
                    std::all_of(ok.begin(), ok.end(), [](char c) { return c != 0; });
  }
  for (size_t i = 0; i < pages.size(); ++i) {
    if (!ok[i]) continue;
    if (stamps) {
      entries[i].page = out.size();
      files_now->emplace(pages[i]->path, entries[i]);
      if (!reports[i].empty()) stamps->reported.emplace(pages[i]->path, std::move(reports[i]));
    }
    out.push_back(std::move(pages[i]));
  }
  if (stamps) stamps->base = std::move(files_now);
  for (SourcePage& stub : unreadable) out.push_back(std::make_shared<SourcePage>(std::move(stub)));
  return out;
}

}  // namespace firefly
