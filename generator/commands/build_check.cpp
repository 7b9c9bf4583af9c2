// The check step of a build (commands/build_run.h): the Markdown bodies with their links,
// the photos, the open-data files, and the counts and translation report.
#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "commands/build_run.h"
#include "commands/photo_files.h"
#include "commands/step_timer.h"
#include "core/fs.h"
#include "core/json.h"
#include "emit/photo_cache.h"
#include "model/site.h"
#include "model/site_patch_match.h"
#include "render/body.h"
#include "render/body_cache.h"
#include "render/data_manifest.h"
#include "render/data_views.h"
#include "render/photo_codec.h"
#include "render/photos.h"
#include "render/theme.h"

namespace firefly {

namespace fs = std::filesystem;

namespace {

/// Registers the photos among the typed front-matter images of every page in `photos`
/// (the model has checked that each one is a published file).
void use_front_matter_photos(const Site& site, PhotoSet& photos, Diagnostics& diags) {
  for (const auto& p : site.pages) {
    if (!p->source || p->fallback) continue;
    for (const Image& img : p->images) {
      if (site.files.count(img.src) && PhotoSet::is_photo_path(img.src)) {
        photos.use(img.src, p->source->path, img.pos, diags);
      }
    }
  }
}

/// The lines of `check`'s report for the pages not translated yet: each page shown in
/// another language (fallback), and each translation file the CMS left empty (with
/// `missing_translation: omit` too).
void add_untranslated(const Site& site, std::vector<std::string>& report) {
  std::set<std::pair<std::string, std::string>> listed;
  auto line = [&](const std::string& key, const std::string& lang, const std::string& original) {
    auto empty = site.placeholders.find({key, lang});
    report.push_back(lang + ": " + original + " is not translated" +
                     (empty == site.placeholders.end() ? "" : " (" + empty->second + " is empty)"));
    listed.insert({key, lang});
  };
  for (const auto& p : site.pages) {
    if (p->fallback && p->source && p->page_number == 1) line(p->key, p->lang, p->source->path);
  }
  for (const auto& [at, path] : site.placeholders) {
    if (listed.count(at)) continue;
    const auto group = site.groups.find(at.first);
    const Page* original = nullptr;
    if (group != site.groups.end()) {
      auto def = group->second.find(site.config->default_language().code);
      original = def != group->second.end() ? def->second : group->second.begin()->second;
    }
    if (original && original->source) {
      line(at.first, at.second, original->source->path);
    } else {  // its original is a draft, or gone
      report.push_back(at.second + ": " + path + " is empty");
    }
  }
}

}  // namespace

bool BuildRun::check() {
  const SiteConfig& config = *st_.config;
  const Site& site = *st_.site;
  StepTimer t;
  // The photo set and its cache were made by load() (static/'s photos looked at ahead).
  if (config.photo_avif && !st_.photos->options().avif) {
    diags_.warning("site.yaml", {},
                   "photos.avif: this system's libvips cannot write AVIF; photos are "
                   "published in WebP and JPEG only",
                   "install libheif with an AV1 encoder (Debian: libheif1 and libaom3)");
  }
  PhotoSet& photos = *st_.photos;
  use_front_matter_photos(site, photos, diags_);
  if (data_views_ahead_) {  // made beside the model step (a build that keeps no state)
    data_views_ahead_->join();
    data_views_ahead_.reset();
  } else {
    st_.data_site = make_data_site(config);
    // The open-data files of the build before: all of them when what they are made from is
    // the same, else those of each dataset whose own inputs are.
    const DataManifest* reuse = nullptr;
    std::optional<DataFilesBefore> data_before;
    if (options_.keep_state) {  // st_.files are those the model step worked out
      st_.data_site_print = Hasher().add(st_.files.config).add(st_.files.theme).get();
      for (const Dataset& d : *st_.datasets) {
        auto own = st_.files.dataset.find(d.name);
        st_.dataset_files_prints[d.name] =
            dataset_files_print(own == st_.files.dataset.end() ? 0 : own->second, d);
      }
      if (prev_ && prev_->data_views && prev_->data_site_print == st_.data_site_print) {
        if (prev_->files.datasets == st_.files.datasets &&
            prev_->dataset_files_prints == st_.dataset_files_prints) {
          reuse = &prev_->data_views->manifest();
          result_.data_files_reused = true;
        } else {
          DataFilesBefore& b =
              data_before.emplace(DataFilesBefore{prev_->data_views->manifest(), {}});
          for (const auto& [name, print] : st_.dataset_files_prints) {
            auto it = prev_->dataset_files_prints.find(name);
            if (it != prev_->dataset_files_prints.end() && it->second == print) {
              b.datasets.insert(name);
            }
          }
          result_.dataset_files_taken = b.datasets;
        }
      }
    }
    st_.data_views.emplace(*st_.datasets, st_.data_site, *st_.theme, &st_.plans,
                           options_.write && !options_.keep_state, site.withheld_datasets, reuse,
                           data_before ? &*data_before : nullptr, st_.jobs);
  }
  const DataViews& data_views = *st_.data_views;
  t.step("  photos, data views");
  if (options_.keep_state) {
    match_pages_before();
    // The previous build's body cache lists its graph's pages: a patched graph's match with
    // them is pages_before_ (the same indices otherwise, found without a map).
    const bool patched =
        prev_ && st_.site_patched &&
        std::equal(prev_->body_cache.pages.begin(), prev_->body_cache.pages.end(),
                   prev_->site->pages.begin(), prev_->site->pages.end(),
                   [](const Page* a, const std::shared_ptr<Page>& b) { return a == b.get(); });
    const bool same_addresses = st_.site_reused || (st_.site_patched && site.addresses_as_before);
    // A patch with pages come, gone or moved: the links looked up where the graphs differ
    // are resolved again, not every link of every body.
    std::optional<std::unordered_set<std::string_view>> changed;
    if (prev_ && st_.site_patched && !same_addresses) {
      changed = changed_addresses(*prev_->site, site);
    }
    // A body's embeds read the datasets, the theme's strings and site.yaml (a chart's
    // files name the publisher and the licence of datasets that name none).
    st_.bodies = render_bodies_reusing(
        site, data_views, Hasher().add(st_.files.datasets).add(st_.data_site_print).get(),
        prev_ ? &prev_->body_cache : nullptr, prev_ ? &prev_->bodies : nullptr, st_.body_cache,
        st_.jobs, diags_, &photos, &result_.bodies_rendered,
        same_addresses ? std::optional(prev_->body_cache.link_targets) : std::nullopt,
        patched ? &pages_before_ : nullptr, changed ? &*changed : nullptr);
  } else {
    // Nothing after this step reads Markdown: a source's is freed as soon as its bodies
    // are rendered, and the bodies rendered after it take its place in memory. (A build
    // that keeps no state is the only owner of its pages, made not const.)
    st_.bodies = render_bodies(
        site, data_views, st_.jobs, diags_, &photos,
        [](const SourcePage& done) { const_cast<SourcePage&>(done).body = SharedText(); });
    result_.bodies_rendered = site.pages.size();
    for (const auto& source : st_.sources) {  // drafts too
      const_cast<SourcePage&>(*source).body = SharedText();
    }
  }
  t.step("  bodies");
  std::vector<DataFile> embedded_charts;
  for (Body& body : st_.bodies) {
    if (options_.keep_state) {  // the bodies are kept for the next update
      embedded_charts.insert(embedded_charts.end(), body.chart_files.begin(),
                             body.chart_files.end());
    } else {
      std::move(body.chart_files.begin(), body.chart_files.end(),
                std::back_inserter(embedded_charts));
      body.chart_files.clear();
    }
  }
  st_.data_views->prepare_charts(site, std::move(embedded_charts), st_.jobs);
  if (options_.keep_state) {
    // The catalogue page shows its files' sizes: SHA256SUMS lists the charts of the pages'
    // blocks, which an edit of a page (a block's title) changes, the datasets the same.
    Hasher catalogue;
    for (const DataFile& f : st_.data_views->manifest().catalogue) {
      catalogue.add(f.path).add(f.size).add(f.sha256);
    }
    st_.files.catalogue = catalogue.get();
  }
  std::set<std::string> chart_urls;
  for (const auto& [name, files] : st_.data_views->manifest().charts) {
    for (const DataFile& f : files) chart_urls.insert(f.url());
  }
  check_chart_links(st_.bodies, chart_urls, diags_);
  t.step("  charts");
  for (const std::string& path : static_photos_) photos.original(path, diags_);
  if (!options_.write) warn_photo_locations(photos, diags_);
  result_.languages = config.languages.size();
  result_.datasets = st_.datasets->size();
  for (const auto& p : site.pages) {
    if (p->kind != PageKind::kRedirect) ++result_.pages;
  }
  for (const auto& [lang, keys] : st_.theme->missing_strings()) {
    const Value& shown = st_.theme->strings(lang);  // what the pages show in its place
    for (const std::string& k : keys) {
      result_.translation_report.push_back(lang + ": theme string '" + k +
                                           "' is missing; its pages show " + to_json(shown.get(k)));
    }
  }
  add_untranslated(site, result_.translation_report);
  t.step("  counts");
  return stop_on_errors();
}

FileFingerprints BuildRun::file_fingerprints() const {
  FileFingerprints f;
  const PrintsBeforeLoad& before = prints_before_load_;
  Hasher config;
  config.add(before.config);
  config.add(st_.config->base_url).add(options_.drafts ? 1 : 0);
  config.add(st_.config->timezone.today().iso());
  // Pages show the sizes of the photos of static/: a new version renders every page.
  for (const std::string& path : static_photos_) {
    std::error_code ec;
    fs::path file = options_.site_dir / "static" / path.substr(1);
    config.add(path).add(static_cast<std::uint64_t>(fs::file_size(file, ec)));
    config.add(
        static_cast<std::uint64_t>(fs::last_write_time(file, ec).time_since_epoch().count()));
  }
  f.config = config.get();
  // The theme and the datasets taken over from the build before were loaded from the
  // same files (their stamps say so): their fingerprints are those of the build before.
  if (st_.theme_reused && prev_) {
    f.theme = prev_->files.theme;
    f.templates = prev_->files.templates;
  } else {
    // The strings apart: each page records which strings it shows (grain::string).
    Hasher templates;
    templates.add(before.templates);
    for (const OutputFile& file : st_.theme->files()) templates.add(file.path).add(file.bytes);
    f.templates = templates.get();
    f.theme = Hasher().add(f.templates).add(before.strings).get();
  }
  if (st_.datasets_reused && prev_) {
    f.datasets = prev_->files.datasets;
    f.dataset = prev_->files.dataset;
    return f;
  }
  // Each dataset's files (data/NAME.csv and data/NAME.yaml) apart; any other file of
  // data/ counts for every dataset.
  // The datasets' history is read from git: a commit changes what they show.
  Hasher data, shared;
  data.add(st_.repository);
  shared.add(st_.repository);
  std::map<std::string, Hasher> own;
  for (const Dataset& d : *st_.datasets) own[d.name];
  for (const auto& [file, print] : before.data) {
    data.add(file).add(print);
    std::string_view rel = file;
    size_t dot = rel.rfind('.');
    auto it = dot == std::string_view::npos ? own.end() : own.find(std::string(rel.substr(0, dot)));
    std::string_view ext = dot == std::string_view::npos ? rel : rel.substr(dot);
    (it != own.end() && (ext == ".csv" || ext == ".yaml") ? it->second : shared)
        .add(file)
        .add(print);
  }
  f.datasets = data.get();
  for (auto& [name, h] : own) f.dataset[name] = h.add(shared.get()).get();
  return f;
}

}  // namespace firefly
