// The render step of a build (commands/build_run.h): every output file, streamed to the
// writer; in `serve`, with what each page read, rendering again only what changed.
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "commands/build_run.h"
#include "commands/photo_files.h"
#include "commands/search_refresh.h"
#include "commands/site_files_refresh.h"
#include "commands/step_timer.h"
#include "core/parallel.h"
#include "emit/photo_cache.h"
#include "emit/writer.h"
#include "model/site_patch_match.h"
#include "render/cms.h"
#include "render/context.h"
#include "render/data_manifest.h"
#include "render/pages.h"
#include "render/search_index.h"
#include "render/site_files.h"
#include "render/site_paths.h"
#include "render/theme.h"

namespace firefly {

namespace fs = std::filesystem;

bool BuildRun::render() {
  if (options_.keep_state) return render_recorded();
  const Site& site = *st_.site;
  const Theme& theme = *st_.theme;
  const std::vector<Body>& bodies = st_.bodies;
  if (options_.write) {
    // What the output's photo folders hold is remembered beside the photo cache.
    writer_ = std::make_unique<OutputWriter>(
        out_dir(), diags_, PhotoCache::folder_of(options_.site_dir) / "published.tsv");
  }
  std::atomic<size_t> files{0};
  SitePaths site_paths(*st_.config);
  OutputSink sink = [&](OutputFile&& f) {
    ++files;
    site_paths.apply(f);
    if (writer_) {
      writer_->add(std::move(f));
    } else {
      keep(std::move(f));
    }
  };
  auto drain = [&](OutputSet& set) {
    for (OutputFile& f : set) sink(std::move(f));
    set.clear();
  };
  drain(static_files_);
  // A rebuild of the photo set the last build recorded hands its files to the writer
  // beside the pages (the set is complete once check() has run), on the thread of the
  // feeds and site maps: serial work after them otherwise, with a core idle (a warm
  // rebuild of 200 photos: about 0.4 ms, 2,800 files in one batch), and a thread of its
  // own cost more than the work (its allocator cache filled and flushed: about 0.15 M
  // instructions of 0.5 M). Any other set is published after the pages, as before:
  // encoding beside them would raise a cold build's peak memory.
  BatchSink batches = [&](LinkedBatch&& b) {
    files += b.count;
    writer_->add_batch(std::move(b));
  };
  PhotoList photo_list;
  bool photos_recorded = false;
  const bool recorded_beside = writer_ && st_.photos->count() > 0;
  // The search index (the longest piece of work on large sites, with steps on one thread)
  // starts first; feeds and sitemaps (serial) run on a thread of their own. Both run beside
  // the pages and everything after them, so that a core left idle by one is used by another.
  BesideThread search_files([&] {
    StepTimer ts;
    double search_cpu = 0;  // its threads' own: the process's includes the pages'
    render_search_index(site, bodies, *st_.datasets, sink, st_.jobs, &search_cpu);
    ts.step("  search index (beside pages)");
    ts.cpu("  search index, own cpu", search_cpu);
  });
  BesideThread site_files([&] {
    if (recorded_beside) {
      photo_list = list_photos(*st_.photos);
      photos_recorded = publish_recorded_photos(photo_list, *st_.photo_cache, sink, &batches);
    }
    OutputSet out;
    render_feeds(site, bodies, out);
    render_sitemap_xml(site, out);
    drain(out);
  });
  ContextBuilder& contexts = st_.contexts.emplace(site, theme, bodies, *st_.data_views);
  contexts.set_photos(st_.photos.get());
  render_pages(site, theme, contexts, st_.jobs, sink, diags_);
  OutputSet data_files;
  emit_data_files(st_.data_views->manifest(), data_files);
  render_cms(*st_.config, site.datasets, data_files);
  drain(data_files);
  for (const OutputFile& f : theme.files()) sink(OutputFile(f));
  if (options_.write || options_.keep_state) {
    // The photo set of the build before, unchanged, went to the writer as one batch a
    // folder (2,800 files for 200 photos).
    if (recorded_beside) {
      site_files.join();
      if (!photos_recorded) {
        publish_unrecorded_photos(photo_list, options_.site_dir, *st_.photo_cache, st_.jobs, sink,
                                  diags_, nullptr, &batches);
      }
    } else {
      publish_photos(*st_.photos, options_.site_dir, *st_.photo_cache, st_.jobs, sink, diags_,
                     nullptr, writer_ ? &batches : nullptr);
    }
    result_.photos = st_.photos->count();
    result_.photo_encoded = st_.photo_cache->stores();
    result_.photo_cached = st_.photo_cache->hits();
  }
  if (site_files.joinable()) site_files.join();
  search_files.join();
  result_.files = files;
  return stop_on_errors();
}

const OutputRecord* BuildRun::previous_output(const std::string& path) const {
  if (!prev_) return nullptr;
  auto it = prev_->outputs.find(path);
  return it == prev_->outputs.end() ? nullptr : &it->second;
}

std::vector<char> BuildRun::shared_pages_before() const {
  std::vector<char> shared(prev_->site->pages.size(), 0);
  for (size_t j : pages_before_) {
    if (j != kNoPageBefore) shared[j] = 1;
  }
  return shared;
}

const OutputRecord* BuildRun::previous_page_output(size_t i) {
  const std::string& path = st_.site->pages[i]->out_path;
  const auto& before = prev_->site->pages;
  const OutputRecord* found = nullptr;
  size_t same = pages_before_.empty() ? kNoPageBefore : pages_before_[i];
  if (same != kNoPageBefore) {
    if (same != i) pages_moved_ = true;
    found = &prev_->page_outputs[same];
  } else if (i < before.size() && before[i]->out_path == path) {
    found = &prev_->page_outputs[i];
  } else {
    pages_moved_ = true;
    std::call_once(previous_pages_once_, [&] {
      // With a patched graph, a page it made anew can only be at the path of a page before
      // that it does not share (a page shared is at its own path now): the 1,000 list
      // pages a new story makes anew are looked up among about as many, not 25,000.
      std::vector<char> shared = shared_pages_before();
      for (size_t j = 0; j < before.size(); ++j) {
        if (!shared[j]) previous_pages_.emplace(before[j]->out_path, j);
      }
    });
    auto it = previous_pages_.find(path);
    if (it != previous_pages_.end()) found = &prev_->page_outputs[it->second];
  }
  return found && found->reads ? found : nullptr;
}

template <class Pass>
void BuildRun::offer_printed(const std::string& path, const std::string& source,
                             const std::string& origin, std::uint64_t print, Pass&& pass) {
  const OutputRecord* before = previous_output(path);
  bool same = before && before->bytes == print;
  {
    std::lock_guard lock(output_mu_);
    all_paths_.push_back({path, "", source, origin});
    st_.outputs[path] = OutputRecord{print, nullptr};
  }
  if (!same) pass();
}

void BuildRun::keep(OutputFile&& f) {
  if (options_.keep_output) return options_.keep_output(std::move(f));
  std::lock_guard lock(output_mu_);
  result_.output.push_back(std::move(f));
}

void BuildRun::offer(OutputFile&& f) {
  offer_printed(f.path, f.source, f.origin, output_print(f), [&] { keep(std::move(f)); });
}

void BuildRun::offer_data(const DataFile& f) {
  std::uint64_t print =
      f.spooled.empty() ? f.bytes.fingerprint() : Hasher().add(f.spooled).add(1).get();
  offer_printed(f.path, f.spooled, "", print, [&] {
    keep(OutputFile{f.path, f.bytes, f.spooled});
  });
}

void BuildRun::offer_page(size_t i, OutputFile&& f, ReadSet reads, const OutputRecord* before) {
  OutputRecord& record = st_.page_outputs[i];
  record.bytes = output_print(f);
  record.reads = std::make_shared<const ReadSet>(std::move(reads));
  if (!before) before = previous_output(f.path);
  if (before && before->bytes == record.bytes) return;
  keep(std::move(f));
}

bool BuildRun::check_paths() {
  const Site& site = *st_.site;
  // Most updates publish no path twice: that is seen on the paths alone (views, sorted),
  // and only a duplicate needs the files' origins for its message.
  std::vector<std::string_view> paths;
  bool with_pages = !prev_ || pages_moved_;  // else the pages' paths are those checked before
  paths.reserve(all_paths_.size() + (with_pages ? site.pages.size() : 0));
  bool known = !with_pages;
  for (const OutputFile& f : all_paths_) {
    paths.push_back(f.path);
    known = known && (prev_->outputs.count(f.path) || prev_->search_files.count(f.path));
  }
  if (!known) {
    for (size_t i = 0; i < site.pages.size(); ++i) {
      if (st_.page_outputs[i].reads) paths.push_back(site.pages[i]->out_path);
    }
  }
  if (paths_unique(paths)) return true;
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const Page& page = *site.pages[i];
    if (!st_.page_outputs[i].reads) continue;
    all_paths_.push_back({page.out_path, "", "", page_origin(page)});
    all_paths_.back().origin_pos = page_origin_pos(page);
  }
  return check_unique_paths(all_paths_, diags_);
}

std::vector<std::string> BuildRun::removed_paths() const {
  const Site& site = *st_.site;
  const auto& before = prev_->site->pages;
  // Only when pages moved: the paths of the pages now; with a patched graph, of the pages
  // it made anew (one it shares is the very page before, at the same path: it only keeps
  // that path, taken by no other file before).
  std::unordered_set<std::string_view> pages;
  std::vector<char> shared;
  if (pages_moved_) {
    shared = shared_pages_before();
    for (size_t i = 0; i < site.pages.size(); ++i) {
      bool made_anew = pages_before_.empty() || pages_before_[i] == kNoPageBefore;
      if (made_anew && st_.page_outputs[i].reads) pages.insert(site.pages[i]->out_path);
    }
  }
  auto kept = [&](const std::string& path) {
    return st_.outputs.count(path) || (pages_moved_ && pages.count(path));
  };
  std::vector<std::string> removed;
  for (const auto& [path, record] : prev_->outputs) {
    if (!kept(path)) removed.push_back(path);
  }
  for (size_t j = 0; j < before.size(); ++j) {
    // Unmoved and shared pages keep their paths; a page that made no file was not rendered.
    if (pages_moved_ && prev_->page_outputs[j].reads && !shared[j] && !kept(before[j]->out_path)) {
      removed.push_back(before[j]->out_path);
    }
  }
  std::sort(removed.begin(), removed.end());
  return removed;
}

void BuildRun::match_pages_before() {
  if (pages_before_made_) return;
  pages_before_made_ = true;
  if (prev_ && st_.site_patched) pages_before_ = shared_pages(*prev_->site, *st_.site);
}

bool BuildRun::render_recorded() {
  const Site& site = *st_.site;
  const Theme& theme = *st_.theme;
  StepTimer t;
  std::optional<GrainsBefore> before;
  match_pages_before();
  if (prev_ && (st_.site_reused || st_.site_patched)) {
    before.emplace(GrainsBefore{*prev_->site, prev_->bodies, prev_->files, prev_->grains,
                                /*shared_only=*/st_.site_patched,
                                st_.site_patched ? &pages_before_ : nullptr});
  }
  st_.grains =
      fingerprint_grains(site, theme, st_.bodies, st_.files, st_.jobs, before ? &*before : nullptr);
  t.step("  grains");
  SitePaths site_paths(*st_.config);
  auto offer_all = [&](OutputSet& set) {
    for (OutputFile& f : set) {
      site_paths.apply(f);
      offer(std::move(f));
    }
    set.clear();
  };
  st_.page_outputs.assign(site.pages.size(), OutputRecord());
  if (prev_) {  // about as many outputs as last time: no rehashing while files are offered
    st_.outputs.reserve(prev_->outputs.size());
    all_paths_.reserve(prev_->outputs.size() + prev_->search_files.size());
    if (prev_->site->pages.size() != site.pages.size()) pages_moved_ = true;
  }
  offer_all(static_files_);
  // The search index stays as shown when an update defers it (refresh_search_index).
  bool defer_search = prev_ && options_.defer_search;
  if (prev_) st_.search_files = prev_->search_files;
  st_.search_current = !defer_search;
  std::optional<SearchChanges> search;
  // An update may leave the feeds and sitemap.xml for after its pages are shown
  // (commands/site_files_refresh.h): their paths are checked with the others now.
  bool defer_site_files = prev_ && options_.defer_site_files;
  BesideThread site_files([&] {
    StepTimer ts;
    if (!defer_site_files) {
      auto publish = [&](OutputSet& out, const std::vector<std::string>& taken) {
        {
          std::lock_guard lock(output_mu_);
          for (const std::string& path : taken) {
            all_paths_.push_back({path, "", ""});
            st_.outputs[path] = prev_->outputs.at(path);
          }
        }
        offer_all(out);
      };
      make_site_files(st_, prev_, pages_before_, publish, ts);
    }
    if (!defer_search) {
      search = refresh_search_index(st_);
      ts.step("  search index");
    }
  });
  // The site map pages patch the lists of the build before (render/sitemap_lists.h).
  std::vector<std::shared_ptr<const SitemapLists>> sitemaps;
  if (prev_ && prev_->contexts) sitemaps = prev_->contexts->sitemaps();
  ContextBuilder& contexts = st_.contexts.emplace(site, theme, st_.bodies, *st_.data_views);
  contexts.set_photos(st_.photos.get());
  contexts.set_sitemaps_before(std::move(sitemaps));
  std::unordered_set<std::uint64_t> changed;
  if (prev_) changed = prev_->grains.changed_grains(st_.grains);
  auto read_changed = [&](const ReadSet& reads) {
    return std::any_of(reads.begin(), reads.end(),
                       [&](std::uint64_t g) { return changed.count(g) != 0; });
  };
  // Each page is taken over, or rendered now, or left for after the first are shown.
  std::vector<const OutputRecord*> records_before(site.pages.size());
  std::vector<char> stale(site.pages.size(), 0);
  parallel_for(site.pages.size(), st_.jobs, [&](size_t i) {
    const OutputRecord* before = prev_ ? previous_page_output(i) : nullptr;
    if (before && !read_changed(*before->reads)) {
      st_.page_outputs[i] = *before;  // each index is this thread's alone
      return;
    }
    stale[i] = 1;
    records_before[i] = before;
  });
  std::vector<size_t> now, later;
  for (size_t i = 0; i < site.pages.size(); ++i) {
    if (stale[i]) now.push_back(i);
  }
  if (prev_ && options_.defer_pages_above != SIZE_MAX) {
    // Past the limit every page no tab shows is left; below it the site map pages are
    // (each lists every page of its language: the longest pages to render, and a title
    // edit reaches them).
    const bool all = now.size() > options_.defer_pages_above;
    std::unordered_set<std::string_view> first(options_.first_pages.begin(),
                                               options_.first_pages.end());
    std::vector<size_t> open;
    for (size_t i : now) {
      const Page& page = *site.pages[i];
      bool left = (all || page.kind == PageKind::kSitemap) && !first.count(page.out_path);
      (left ? later : open).push_back(i);
    }
    now = std::move(open);
  }
  parallel_for(now.size(), st_.jobs, [&](size_t k) {
    size_t i = now[k];
    ReadSet reads;
    std::optional<OutputFile> made = render_page_recorded(site, theme, contexts, i, reads, diags_);
    if (!made) return;
    site_paths.apply(*made);
    offer_page(i, std::move(*made), std::move(reads), records_before[i]);
  });
  t.step("  pages");
  site_files.join();
  t.step("  wait for site files");
  result_.pages_rendered = now.size();
  if (search) {
    for (OutputFile& f : search->files) keep(std::move(f));
    result_.removed = std::move(search->removed);
  }
  for (const auto& [path, bytes] : st_.search_files) all_paths_.push_back({path, "", ""});
  if (defer_site_files || !later.empty()) {
    auto pending = std::make_unique<PendingFiles>();
    if (defer_site_files) {
      // Recorded as the build before had them until they are made.
      pending->before = prev_->shared_from_this();
      pending->pages_before = pages_before_;
      pending->site_files = true;
      pending->site_file_paths = site_file_paths(site);
      for (const std::string& path : pending->site_file_paths) {
        all_paths_.push_back({path, "", ""});
        auto was = prev_->outputs.find(path);
        st_.outputs[path] = was == prev_->outputs.end() ? OutputRecord() : was->second;
      }
    }
    // A page left is recorded as one that makes a file (so its path is checked and kept)
    // until it is rendered.
    static const auto kReadsToCome = std::make_shared<const ReadSet>();
    pending->pages.reserve(later.size());
    for (size_t i : later) {
      const OutputRecord* before = records_before[i];
      if (!before) before = previous_output(site.pages[i]->out_path);
      pending->pages.push_back(
          PendingPage{i, before ? std::optional(before->bytes) : std::nullopt});
      st_.page_outputs[i] = OutputRecord{0, kReadsToCome};
    }
    st_.pending = std::move(pending);
    t.step("  pending paths");
  }
  for_each_data_file(st_.data_views->manifest(), [&](const DataFile& f) { offer_data(f); });
  OutputSet cms_files;
  render_cms(*st_.config, site.datasets, cms_files);
  offer_all(cms_files);
  OutputSet theme_files = theme.files();
  offer_all(theme_files);
  publish_photos(
      *st_.photos, options_.site_dir, *st_.photo_cache, st_.jobs,
      [&](OutputFile&& f) {
        site_paths.apply(f);
        offer(std::move(f));
      },
      diags_, options_.defer_photos ? &st_.pending_photos : nullptr);
  t.step("  data, theme, photos");
  result_.photos = st_.photos->count();
  result_.photo_encoded = st_.photo_cache->stores();
  result_.photo_cached = st_.photo_cache->hits();
  result_.files = st_.outputs.size() + st_.search_files.size();
  for (const OutputRecord& record : st_.page_outputs) result_.files += record.reads ? 1 : 0;
  if (prev_) {
    std::vector<std::string> gone = removed_paths();
    result_.removed.insert(result_.removed.end(), gone.begin(), gone.end());
    std::sort(result_.removed.begin(), result_.removed.end());
  }
  if (!check_paths()) {
    result_.exit_code = 1;
    return false;
  }
  return stop_on_errors();
}

}  // namespace firefly
