#include "render/site_files_update.h"

#include <set>
#include <string_view>

#include "core/hash.h"
#include "model/site_patch_match.h"
#include "render/feed_reads.h"

namespace firefly {

namespace {

// The paths of the files made into `out` from `first` on.
void add_paths(const OutputSet& out, size_t first, std::vector<std::string>& paths) {
  for (size_t k = first; k < out.size(); ++k) paths.push_back(out[k].path);
}

// Takes over every path of `before` unchanged.
void take_all(const std::vector<std::string>& before, std::vector<std::string>& paths,
              std::vector<std::string>& taken) {
  paths = before;
  taken.insert(taken.end(), before.begin(), before.end());
}

}  // namespace

SiteFilesUpdate::SiteFilesUpdate(const Site& site, const std::vector<Body>& bodies,
                                 std::uint64_t config, const SiteFilesBefore* before,
                                 SiteFilesState& state)
    : site_(site), bodies_(bodies), config_(config), before_(before), state_(state) {
  if (!before_) return;
  size_t n = site_.pages.size();
  size_t m = before_->site.pages.size();
  take_prints_ = (m == n || !before_->index.empty()) && before_->files.prints.size() == m &&
                 before_->bodies.size() == m && bodies_.size() == n;
}

void SiteFilesUpdate::find_prints() {
  size_t n = site_.pages.size();
  std::vector<SiteFilePrint>& prints = state_.prints;
  prints.resize(n);
  for (size_t i = 0; i < n; ++i) {
    std::string_view summary =
        bodies_.size() == n ? std::string_view(bodies_[i].summary) : std::string_view();
    size_t j = !take_prints_ ? kNoPageBefore : before_->index.empty() ? i : before_->index[i];
    if (j != kNoPageBefore && site_.pages[i] == before_->site.pages[j] &&
        summary == before_->bodies[j].summary.str()) {
      prints[i] = before_->files.prints[j];
    } else {
      prints[i] = site_file_print(*site_.pages[i], summary);
    }
  }
  SiteFilePrint print = site_files_fingerprint(prints);
  print.feeds = Hasher().add(print.feeds).add(config_).get();
  print.sitemap = Hasher().add(print.sitemap).add(config_).get();
  state_.print = print;
  // The files are patched only with the same configuration, and when one of them changed.
  const SiteFilePrint* was = before_ ? &before_->files.print : nullptr;
  if (take_prints_ && before_->config == config_ &&
      (was->feeds != print.feeds || was->sitemap != print.sitemap)) {
    now_of_ = pages_now(site_, before_->index, before_->site);
  }
}

void SiteFilesUpdate::feeds(OutputSet& out, std::vector<std::string>& taken) {
  if (before_ && before_->files.print.feeds == state_.print.feeds) {
    take_all(before_->files.feed_paths, state_.feed_paths, taken);
    state_.feeds_shown = before_->files.feeds_shown;  // the same pages at the same indices
    return;
  }
  // The feeds of a language are made again only when a page they show, or one that would
  // now take a place in them, changed (render/feed_reads.h); the others are taken over.
  bool matched = !now_of_.empty();  // pages_now gives one index for each page before
  std::set<std::string> langs;
  if (matched) {
    langs = feed_languages_changed(site_, state_.prints, before_->site, before_->files.prints,
                                   now_of_, before_->files.feeds_shown);
  }
  size_t first = out.size();
  for (const Language& lang : site_.config->languages) {
    if (!matched || langs.count(lang.code)) {
      render_feeds(site_, bodies_, lang, out, &state_.feeds_shown);
      continue;
    }
    for (const FeedShown& f : before_->files.feeds_shown) {
      if (f.lang != lang.code) continue;
      FeedShown& g = state_.feeds_shown.emplace_back(f);
      for (size_t& e : g.entries) e = now_of_[e];
      taken.push_back(f.path);
      state_.feed_paths.push_back(f.path);
    }
  }
  add_paths(out, first, state_.feed_paths);
}

void SiteFilesUpdate::sitemap(OutputSet& out, std::vector<std::string>& taken) {
  if (before_ && before_->files.print.sitemap == state_.print.sitemap) {
    take_all(before_->files.sitemap_paths, state_.sitemap_paths, taken);
    state_.sitemap_xml = before_->files.sitemap_xml;  // the same pages at the same indices
    return;
  }
  // Only the entries of the pages that changed are written again (render/sitemap_xml.h).
  size_t first = out.size();
  bool patched = !now_of_.empty() && patch_sitemap_xml(site_, state_.prints, now_of_,
                                                       {before_->site, before_->files.prints,
                                                        before_->files.sitemap_xml},
                                                       out, state_.sitemap_xml);
  if (!patched) render_sitemap_xml(site_, out, &state_.sitemap_xml);
  add_paths(out, first, state_.sitemap_paths);
}

}  // namespace firefly
