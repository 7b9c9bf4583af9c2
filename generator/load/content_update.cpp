// What a load of content/ after an earlier one needs to know: how each file was when it
// was read (its stamp), which files a watcher's list of changes touches, and the pages read
// again when only some were edited (`firefly serve`).
#include "load/content_update.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <unordered_set>

#include "core/hash.h"
#include "core/parallel.h"
#include "core/text.h"

namespace firefly {

namespace {

/// What one path of the watcher's list is for the pages: not theirs (outside content/, or
/// hidden), beyond an update by files (content/ itself, a folder, a link), a `.md` file, or
/// another file (an editor's temporary file, or what is left of a removed folder).
struct ChangedPath {
  enum Kind { kNotPages, kBeyond, kMarkdown, kOther } kind;
  bool exists = false;
};

ChangedPath changed_path(const std::filesystem::path& site_dir, const std::string& path) {
  if (path == "content") return {ChangedPath::kBeyond};
  if (path.rfind("content/", 0) != 0) return {ChangedPath::kNotPages};
  if (path.find("/.") != std::string::npos) return {ChangedPath::kNotPages};  // never listed
  struct stat st {};
  const bool exists = ::lstat((site_dir / path).c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) return {ChangedPath::kBeyond};
  return {ends_with(path, ".md") ? ChangedPath::kMarkdown : ChangedPath::kOther, exists};
}

}  // namespace

namespace detail {

FileStamp stamp_of(const std::filesystem::path& file,
                   std::chrono::system_clock::time_point read_at) {
  FileStamp s;
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return s;  // racy: read it
  auto ns = [](const timespec& t) {
    return static_cast<std::uint64_t>(t.tv_sec) * 1000000000u +
           static_cast<std::uint64_t>(t.tv_nsec);
  };
  s.size = static_cast<std::uint64_t>(st.st_size);
  s.inode = static_cast<std::uint64_t>(st.st_ino);
  s.mtime_ns = ns(st.st_mtim);
  s.ctime_ns = ns(st.st_ctim);
  // File times advance by clock ticks (a few ms): a write in the same tick as the last
  // one, after this read, would leave the stamp as it is. Such a stamp is not trusted.
  auto read_ns = static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(read_at.time_since_epoch()).count());
  constexpr std::uint64_t kTick = 50'000'000;  // 50 ms, well above any clock tick
  s.racy = std::max(s.mtime_ns, s.ctime_ns) + kTick > read_ns;
  return s;
}

std::uint64_t reading_fingerprint(const SiteConfig& config) {
  Hasher h;
  h.add(config.default_language().code).add(config.max_markdown_bytes);
  for (const Language& l : config.languages) h.add(l.code);
  return h.get();
}

std::optional<std::vector<FoundFile>> files_after(const std::filesystem::path& site_dir,
                                                  const ContentStamps& before,
                                                  const std::vector<std::string>& changed,
                                                  std::unordered_set<std::string>& touched) {
  if (!before.whole || !before.base) return std::nullopt;
  std::unordered_set<std::string_view> gone;
  std::vector<std::string_view> added;
  for (const std::string& path : changed) {
    auto [kind, exists] = changed_path(site_dir, path);
    if (kind == ChangedPath::kBeyond) return std::nullopt;
    if (kind == ChangedPath::kNotPages) continue;
    if (kind == ChangedPath::kOther) {
      if (!exists) return std::nullopt;  // perhaps a folder that was removed
      continue;
    }
    touched.insert(path);
    if (exists) {
      added.push_back(path);
      gone.erase(path);
    } else {
      gone.insert(path);
      std::erase(added, std::string_view(path));
    }
  }
  std::vector<std::string_view> rels;  // "content/...", sorted as list_files sorts
  rels.reserve(before.size() + added.size());
  for (const auto& [rel, entry] : *before.base) {
    if (!gone.count(rel)) rels.push_back(rel);
  }
  rels.insert(rels.end(), added.begin(), added.end());
  std::sort(rels.begin(), rels.end());
  rels.erase(std::unique(rels.begin(), rels.end()), rels.end());
  std::sort(added.begin(), added.end());
  std::vector<FoundFile> out(rels.size());
  const size_t prefix = std::string_view("content/").size();
  for (size_t i = 0; i < rels.size(); ++i) {
    out[i].rel = rels[i].substr(prefix);
    if (std::binary_search(added.begin(), added.end(), rels[i]))
      out[i].full = (site_dir / rels[i]).string();
  }
  return out;
}

std::optional<SourcePages> load_edited(const std::filesystem::path& site_dir,
                                       const SiteConfig& config, int jobs, Diagnostics& diags,
                                       ContentStamps& stamps, const LoadedContent& previous,
                                       std::chrono::system_clock::time_point started) {
  const ContentStamps& before = previous.stamps;
  if (!before.whole || !before.base || before.size() != previous.pages.size()) return std::nullopt;
  std::vector<std::string> touched;
  for (const std::string& path : *previous.changed) {
    auto [kind, exists] = changed_path(site_dir, path);
    if (kind == ChangedPath::kBeyond) return std::nullopt;
    if (kind == ChangedPath::kNotPages) continue;
    if (kind == ChangedPath::kOther) {
      // An editor's temporary file, or what is left of a folder that held pages.
      const std::string folder = path + "/";
      auto inside = [&](const auto& page) { return page->path.rfind(folder, 0) == 0; };
      if (std::any_of(previous.pages.begin(), previous.pages.end(), inside)) {
        return std::nullopt;
      }
      continue;
    }
    if (!exists || !before.find(path)) return std::nullopt;  // a page gone or new
    touched.push_back(path);
  }
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  std::vector<ContentStamps::Entry> entries(touched.size());
  std::vector<std::shared_ptr<const SourcePage>> read(touched.size());
  std::vector<std::vector<Diagnostic>> reports(touched.size());
  std::vector<char> ok(touched.size(), 1);
  parallel_for(touched.size(), jobs, [&](size_t i) {
    const ContentStamps::Entry& was = *before.find(touched[i]);
    entries[i] = {detail::stamp_of(site_dir / touched[i], started), was.page};
    if (entries[i].stamp == was.stamp) return;  // the same bytes: the page before
    auto page = std::make_shared<SourcePage>();
    Diagnostics reported;
    ok[i] = detail::read_content_file(touched[i], site_dir / touched[i], config, *page, reported);
    reports[i] = reported.sorted();
    read[i] = std::move(page);
  });
  if (std::find(ok.begin(), ok.end(), 0) != ok.end()) return std::nullopt;
  SourcePages pages = previous.pages;
  stamps.config = before.config;
  stamps.whole = true;
  stamps.base = before.base;
  stamps.changed = before.changed;
  stamps.reported = before.reported;
  for (size_t i = 0; i < touched.size(); ++i) {
    if (!read[i]) continue;  // the same stamp as before (never a racy one)
    stamps.changed[touched[i]] = entries[i];
    pages[entries[i].page] = std::move(read[i]);
    if (reports[i].empty()) {
      stamps.reported.erase(touched[i]);
    } else {
      stamps.reported[touched[i]] = std::move(reports[i]);
    }
  }
  if (stamps.changed.size() > stamps.base->size() / 8) {  // folded into a new table
    auto files = std::make_shared<ContentStamps::Files>(*stamps.base);
    for (auto& [path, entry] : stamps.changed) (*files)[path] = entry;
    stamps.base = std::move(files);
    stamps.changed.clear();
  }
  for (const auto& [path, reported] : stamps.reported) {
    for (const Diagnostic& d : reported) diags.add(d);
  }
  return pages;
}

}  // namespace detail

const ContentStamps::Entry* ContentStamps::find(const std::string& path) const {
  if (auto it = changed.find(path); it != changed.end()) return &it->second;
  if (!base) return nullptr;
  auto it = base->find(path);
  return it == base->end() ? nullptr : &it->second;
}

}  // namespace firefly
