#include "commands/build.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <set>
#include <string_view>
#include <thread>
#include <unordered_set>

#include "commands/build_state.h"
#include "commands/photo_files.h"
#include "commands/search_refresh.h"
#include "commands/step_timer.h"
#include "config/site_config.h"
#include "core/date.h"
#include "core/fs.h"
#include "core/hash.h"
#include "core/locale.h"
#include "core/parallel.h"
#include "emit/output_folder.h"
#include "emit/writer.h"
#include "load/content.h"
#include "load/dataset.h"
#include "load/glossary.h"
#include "model/dataset_text_staleness.h"
#include "model/site.h"
#include "model/translation_checks.h"
#include "model/translation_staleness.h"
#include "render/body.h"
#include "render/body_cache.h"
#include "render/cms.h"
#include "render/context.h"
#include "render/data_files.h"
#include "render/data_views.h"
#include "render/grains.h"
#include "render/pages.h"
#include "render/reads.h"
#include "render/search_index.h"
#include "render/site_files.h"
#include "render/site_paths.h"
#include "render/theme.h"

namespace firefly {

namespace fs = std::filesystem;

namespace {

/// static/ files of the site, published as they are, except photos (published without
/// their metadata by the photo step), whose site paths go to `photos`.
void add_static_files(const fs::path& site_dir, OutputSet& out, std::set<std::string>& paths,
                      std::vector<std::string>& photos, std::set<std::string>& withheld,
                      Diagnostics& diags) {
  std::vector<std::string> escaped, special;
  for (const FoundFile& f : list_files(site_dir / "static", site_dir, &escaped, &special)) {
    paths.insert("/" + f.rel);
    if (PhotoSet::is_photo_path("/" + f.rel)) {
      photos.push_back("/" + f.rel);
    } else {
      out.push_back({f.rel, "", f.full.string(), "static/" + f.rel});
    }
  }
  for (const std::string& rel : escaped) {
    diags.error("static/" + rel, {}, "this is a symbolic link to a place outside the site",
                "copy the file into static/ instead");
    withheld.insert("/" + rel);
  }
  for (const std::string& rel : special) {
    diags.error("static/" + rel, {}, kSpecialFileMessage, "remove it from static/");
    withheld.insert("/" + rel);
  }
}

/// Adds the path and bytes of every file under `dir` to `h`.
void add_files(Hasher& h, const fs::path& dir, const fs::path& site_dir) {
  for (const FoundFile& f : list_files(dir, site_dir)) {
    h.add(f.rel).add(read_file(f.full).value_or(""));
  }
}

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

/// One build as it runs: the options, what each step made, and the result so far.
class BuildRun {
 public:
  /// A build; with `previous` (a kept state), an update that renders again only what
  /// changed since and returns only the files that differ.
  BuildRun(const BuildOptions& options, Diagnostics& diags, const BuildState* previous = nullptr,
           const std::vector<std::string>* changed = nullptr)
      : state_(std::make_shared<BuildState>()),
        st_(*state_),
        prev_(previous),
        changed_(changed),
        options_(options),
        diags_(diags) {
    st_.options = options;
    st_.jobs = options.jobs > 0
                   ? options.jobs
                   : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }

  /// The output folder, checked before anything is read: never the site or a part of it.
  bool out() {
    if (options_.write &&
        !check_output_folder(options_.site_dir, out_dir(), options_.force, diags_)) {
      result_.exit_code = 2;
      return false;
    }
    return true;
  }

  /// Configuration, theme, content and data from the site folder.
  bool load() {
    st_.config = load_site_config(options_.site_dir, diags_);
    if (!st_.config) {
      result_.exit_code = 2;
      return false;
    }
    SiteConfig& config = *st_.config;
    if (!options_.base_url.empty()) {
      if (std::string problem = base_url_problem(options_.base_url); !problem.empty()) {
        diags_.error("", {}, "--base-url " + problem,
                     "write the site's full address, like https://org.github.io/portal/");
        result_.exit_code = 2;
        return false;
      }
      config.base_url = normalize_base_url(options_.base_url);
      if (config.base_url.back() != '/') config.base_url += '/';
    }
    if (config.cms) config.cms->local_backend = options_.cms_local_backend;
    st_.theme = load_theme(options_.site_dir, config, diags_);
    if (!st_.theme) {  // site.yaml names a theme that is not there: a configuration error
      result_.exit_code = 2;
      return false;
    }
    StepTimer t;
    std::optional<LoadedContent> previous;
    if (prev_) previous.emplace(LoadedContent{prev_->sources, prev_->content_stamps, changed_});
    st_.sources = load_content(options_.site_dir, config, st_.jobs, diags_,
                               options_.keep_state ? &st_.content_stamps : nullptr,
                               previous ? &*previous : nullptr);
    t.step("  content");
    add_git_dates(options_.site_dir, config.timezone, st_.sources, diags_);
    t.step("  git dates");
    std::vector<std::string> withheld;
    st_.datasets =
        load_datasets(options_.site_dir, config.timezone, diags_, config.data_versions, &withheld);
    withheld_datasets_.insert(withheld.begin(), withheld.end());
    t.step("  datasets");
    std::vector<std::string> langs;
    for (const Language& l : config.languages) langs.push_back(l.code);
    for (const Dataset& ds : st_.datasets) check_dataset_metadata(ds, langs, diags_);
    st_.plans = build_indicator_sets(st_.datasets, diags_, config.default_language().code);
    for (const Dataset& ds : st_.datasets) {  // a plan with errors is left out
      auto has_plan = [&](const IndicatorSet& p) { return p.dataset == ds.name; };
      if (ds.indicators && std::none_of(st_.plans.begin(), st_.plans.end(), has_plan)) {
        withheld_datasets_.insert(ds.name);
      }
    }
    return true;
  }

  /// The site graph: every page, file and dataset the build publishes, validated.
  bool model() {
    const SiteConfig& config = *st_.config;
    const Theme* theme = st_.theme.get();
    SiteInputs inputs;
    inputs.drafts = options_.drafts;
    inputs.now = std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::system_clock::now().time_since_epoch())
                     .count();
    add_static_files(options_.site_dir, static_files_, inputs.files, static_photos_,
                     inputs.withheld_files, diags_);
    inputs.withheld_datasets = withheld_datasets_;
    if (theme) {
      for (const OutputFile& f : theme->files()) inputs.files.insert("/" + f.path);
      inputs.layouts = theme->layouts();
      for (const Language& lang : config.languages) {
        const Value& t = theme->strings(lang.code);
        inputs.generated_titles[lang.code] = {{"data", t.get("data_catalogue").to_text()},
                                              {"search", t.get("search").to_text()},
                                              {"sitemap", t.get("sitemap").to_text()},
                                              {"404", t.get("not_found_title").to_text()}};
      }
    }
    for (const Dataset& d : st_.datasets) {
      inputs.datasets.emplace_back(d.name, d.title);
      inputs.plans = &st_.plans;
      for (std::string& path : dataset_file_paths(d)) inputs.files.insert(std::move(path));
    }
    if (!st_.datasets.empty() || !withheld_datasets_.empty()) {
      for (std::string& path : catalogue_file_paths()) inputs.files.insert(std::move(path));
    }
    StepTimer t;
    st_.site = build_site(config, st_.sources, inputs, diags_);
    t.step("  site graph");
    if (st_.site) {
      mark_stale_translations(*st_.site, diags_);
      bool keep = options_.keep_state;
      check_translations(*st_.site, load_glossaries(options_.site_dir, config, diags_), diags_,
                         st_.jobs, prev_ ? &prev_->translation_findings : nullptr,
                         keep ? &st_.translation_findings : nullptr);
      mark_stale_dataset_texts(*st_.site, st_.datasets, diags_);
      t.step("  translation checks");
    }
    if (!st_.theme) result_.exit_code = 1;  // its errors are reported
    // Errors of the files and of the model (a page's front matter, a dataset's rows, a
    // reference) do not hide those of the bodies: they are checked against the graph as it
    // could be built, and the build stops after that step. A page that could not be read
    // whole keeps its address; what was left out (a dataset, a static file) is withheld:
    // links to it are not reported.
    if (!st_.site) return stop_on_errors() && st_.theme;
    if (diags_.has_errors()) result_.exit_code = 1;
    return st_.theme != nullptr;
  }

  /// The Markdown bodies, where links, images and embeds are checked, and the photos they
  /// and the front matter show (looked at, not yet encoded); the counts and the
  /// translation report.
  bool check() {
    const SiteConfig& config = *st_.config;
    const Site& site = *st_.site;
    StepTimer t;
    st_.photo_cache = std::make_unique<PhotoCache>(PhotoCache::folder_of(options_.site_dir));
    PhotoOptions photo_options;
    photo_options.avif = config.photo_avif && can_encode_avif();
    if (config.photo_avif && !photo_options.avif) {
      diags_.warning("site.yaml", {},
                     "photos.avif: this system's libvips cannot write AVIF; photos are "
                     "published in WebP and JPEG only",
                     "install libheif with an AV1 encoder (Debian: libheif1 and libaom3)");
    }
    st_.photos = std::make_unique<PhotoSet>(
        photo_options, make_photo_inspector(options_.site_dir, *st_.photo_cache));
    PhotoSet& photos = *st_.photos;
    use_front_matter_photos(site, photos, diags_);
    st_.data_site = make_data_site(config);
    // The open-data files of the build before, when what they are made from is the same.
    const DataManifest* reuse = nullptr;
    if (options_.keep_state) {
      st_.files = file_fingerprints();
      st_.data_files_print = data_files_print(
          Hasher().add(st_.files.datasets).add(st_.files.config).add(st_.files.theme).get(),
          st_.datasets);
      if (prev_ && prev_->data_views && prev_->data_files_print == st_.data_files_print) {
        reuse = &prev_->data_views->manifest();
        result_.data_files_reused = true;
      }
      t.step("  file fingerprints");
    }
    const DataViews& data_views = st_.data_views.emplace(
        st_.datasets, st_.data_site, *st_.theme, &st_.plans, options_.write && !options_.keep_state,
        site.withheld_datasets, reuse);
    t.step("  photos, data views");
    if (options_.keep_state) {
      st_.bodies = render_bodies_reusing(
          site, data_views, Hasher().add(st_.files.datasets).add(st_.files.theme).get(),
          prev_ ? &prev_->body_cache : nullptr, prev_ ? &prev_->bodies : nullptr, st_.body_cache,
          st_.jobs, diags_, &photos, &result_.bodies_rendered);
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
    std::set<std::string> chart_urls;
    for (const auto& [name, files] : st_.data_views->manifest().charts) {
      for (const DataFile& f : files) chart_urls.insert(f.url());
    }
    check_chart_links(st_.bodies, chart_urls, diags_);
    t.step("  charts");
    for (const std::string& path : static_photos_) photos.original(path, diags_);
    if (!options_.write) warn_photo_locations(photos, diags_);
    result_.languages = config.languages.size();
    result_.datasets = st_.datasets.size();
    for (const auto& p : site.pages) {
      if (p->kind != PageKind::kRedirect) ++result_.pages;
    }
    for (const auto& [lang, keys] : st_.theme->missing_strings()) {
      for (const std::string& k : keys) {
        result_.translation_report.push_back(lang + ": theme string '" + k + "' is missing");
      }
    }
    add_untranslated(site, result_.translation_report);
    t.step("  counts");
    return stop_on_errors();
  }

  /// Every output file, streamed to the writer (or kept in memory), so no more than a page
  /// per thread is held at once.
  bool render() {
    if (options_.keep_state) return render_recorded();
    const Site& site = *st_.site;
    const Theme& theme = *st_.theme;
    const std::vector<Body>& bodies = st_.bodies;
    if (options_.write) {
      // What the output's photo folders hold is remembered beside the photo cache.
      writer_ = std::make_unique<OutputWriter>(
          out_dir(), diags_, PhotoCache::folder_of(options_.site_dir) / "published.tsv");
    }
    std::mutex output_mu;
    std::atomic<size_t> files{0};
    SitePaths site_paths(*st_.config);
    OutputSink sink = [&](OutputFile&& f) {
      ++files;
      site_paths.apply(f);
      if (writer_) {
        writer_->add(std::move(f));
      } else {
        std::lock_guard lock(output_mu);
        result_.output.push_back(std::move(f));
      }
    };
    auto drain = [&](OutputSet& set) {
      for (OutputFile& f : set) sink(std::move(f));
      set.clear();
    };
    drain(static_files_);
    // Feeds, sitemaps and the search index are serial; they run beside the pages.
    std::thread site_files([&] {
      OutputSet out;
      render_feeds(site, bodies, out);
      render_sitemap_xml(site, out);
      drain(out);
      StepTimer ts;
      double search_cpu = 0;  // its threads' own: the process's includes the pages'
      for (const Language& lang : site.config->languages) {  // one language's index at a time
        render_search_index(site, bodies, st_.datasets, lang, sink, st_.jobs, &search_cpu);
      }
      ts.step("  search index (beside pages)");
      ts.cpu("  search index, own cpu", search_cpu);
    });
    ContextBuilder& contexts = st_.contexts.emplace(site, theme, bodies, *st_.data_views);
    contexts.set_photos(st_.photos.get());
    render_pages(site, theme, contexts, st_.jobs, sink, diags_);
    site_files.join();
    OutputSet data_files;
    emit_data_files(st_.data_views->manifest(), data_files);
    render_cms(*st_.config, site.datasets, data_files);
    drain(data_files);
    for (const OutputFile& f : theme.files()) sink(OutputFile(f));
    if (options_.write || options_.keep_state) {
      publish_photos(*st_.photos, options_.site_dir, *st_.photo_cache, st_.jobs, sink, diags_);
      result_.photos = st_.photos->photos().size();
      result_.photo_encoded = st_.photo_cache->stores();
      result_.photo_cached = st_.photo_cache->hits();
    }
    result_.files = files;
    return stop_on_errors();
  }

  /// Swaps the new output in (build), or checks its paths (check and serve).
  bool publish() {
    if (writer_) {
      PublishStats stats;
      if (!writer_->commit(&stats)) {
        result_.exit_code = 1;
        return false;
      }
      result_.written = stats.written;
      st_.photo_cache->finish();
    } else if (!options_.keep_state && !check_unique_paths(result_.output, diags_)) {
      result_.exit_code = 1;
      return false;
    }
    if (options_.keep_state) result_.state = std::move(state_);
    return true;
  }

  BuildResult& result() { return result_; }

 private:
  /// What the pages read besides the site graph: the configuration, the theme with its
  /// strings, the data (all of which the update reloads as files).
  FileFingerprints file_fingerprints() const {
    FileFingerprints f;
    Hasher config;
    config.add(read_file(options_.site_dir / "site.yaml").value_or(""));
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
    Hasher theme;
    for (const char* dir : {"themes", "layouts", "partials", "i18n"}) {
      add_files(theme, options_.site_dir / dir, options_.site_dir);
    }
    for (const OutputFile& file : st_.theme->files()) theme.add(file.path).add(file.bytes);
    f.theme = theme.get();
    // Each dataset's files (data/NAME.csv and data/NAME.yaml) apart; any other file of
    // data/ counts for every dataset.
    Hasher data, shared;
    std::map<std::string, Hasher> own;
    for (const Dataset& d : st_.datasets) own[d.name];
    for (const FoundFile& file : list_files(options_.site_dir / "data", options_.site_dir)) {
      std::string bytes = read_file(file.full).value_or("");
      data.add(file.rel).add(bytes);
      std::string_view rel = file.rel;
      size_t dot = rel.rfind('.');
      auto it =
          dot == std::string_view::npos ? own.end() : own.find(std::string(rel.substr(0, dot)));
      std::string_view ext = dot == std::string_view::npos ? rel : rel.substr(dot);
      (it != own.end() && (ext == ".csv" || ext == ".yaml") ? it->second : shared)
          .add(file.rel)
          .add(bytes);
    }
    f.datasets = data.get();
    for (auto& [name, h] : own) f.dataset[name] = h.add(shared.get()).get();
    return f;
  }

  /// The fingerprint of an output file's bytes (or of its source file's path).
  static std::uint64_t bytes_print(const OutputFile& f) {
    return f.source.empty() ? hash_bytes(f.bytes) : Hasher().add(f.source).add(1).get();
  }

  /// The previous build's record of the file at `path` that is not a page, or null.
  const OutputRecord* previous_output(const std::string& path) const {
    if (!prev_) return nullptr;
    auto it = prev_->outputs.find(path);
    return it == prev_->outputs.end() ? nullptr : &it->second;
  }

  /// The previous build's record of the file of page `i`: at the same index when the page
  /// there had the same path (no lookup), else found by path; null when it had none.
  /// Thread-safe.
  const OutputRecord* previous_page_output(size_t i) {
    const std::string& path = st_.site->pages[i]->out_path;
    const auto& before = prev_->site->pages;
    const OutputRecord* found = nullptr;
    if (i < before.size() && before[i]->out_path == path) {
      found = &prev_->page_outputs[i];
    } else {
      pages_moved_ = true;
      std::call_once(previous_pages_once_, [&] {
        previous_pages_.reserve(before.size());
        for (size_t j = 0; j < before.size(); ++j) previous_pages_.emplace(before[j]->out_path, j);
      });
      auto it = previous_pages_.find(path);
      if (it != previous_pages_.end()) found = &prev_->page_outputs[it->second];
    }
    return found && found->reads ? found : nullptr;
  }

  /// Takes one output file that is not a page: records it, and passes it on unless the
  /// previous build made the same bytes. Thread-safe.
  void offer(OutputFile&& f) {
    OutputRecord record;
    record.bytes = bytes_print(f);
    const OutputRecord* before = previous_output(f.path);
    bool same = before && before->bytes == record.bytes;
    std::lock_guard lock(output_mu_);
    all_paths_.push_back({f.path, "", f.source, f.origin});
    st_.outputs[f.path] = std::move(record);
    if (!same) result_.output.push_back(std::move(f));
  }

  /// Takes the file of page `i` with what rendering it read: records it, and passes it on
  /// unless the previous build made the same bytes there (`before`, its record, or that
  /// of another file at its path). Thread-safe.
  void offer_page(size_t i, OutputFile&& f, ReadSet reads, const OutputRecord* before) {
    OutputRecord& record = st_.page_outputs[i];
    record.bytes = bytes_print(f);
    record.reads = std::make_shared<const ReadSet>(std::move(reads));
    if (!before) before = previous_output(f.path);
    if (before && before->bytes == record.bytes) return;
    std::lock_guard lock(output_mu_);
    result_.output.push_back(std::move(f));
  }

  /// The site paths of the files that are not pages, checked against each other and the
  /// pages' paths: all of them sorted and compared, the errors naming the files as a
  /// build's do. With pages at the same paths as in
  /// the previous build, whose paths were all unique, and no file at a path that build did
  /// not publish, only the other files are compared among themselves (the full check
  /// still runs when it finds two at one path, so that the errors are the same).
  bool check_paths() {
    if (prev_ && !pages_moved_) {
      bool known = true;
      std::vector<std::string_view> others;
      others.reserve(all_paths_.size());
      for (const OutputFile& f : all_paths_) {
        others.push_back(f.path);
        known = known && (prev_->outputs.count(f.path) || prev_->search_files.count(f.path));
      }
      std::sort(others.begin(), others.end());
      if (known && std::adjacent_find(others.begin(), others.end()) == others.end()) return true;
    }
    const Site& site = *st_.site;
    for (size_t i = 0; i < site.pages.size(); ++i) {
      const Page& page = *site.pages[i];
      if (st_.page_outputs[i].reads)
        all_paths_.push_back({page.out_path, "", "", page_origin(page)});
    }
    return check_unique_paths(all_paths_, diags_);
  }

  /// The paths `prev_` published that this build does not, sorted.
  std::vector<std::string> removed_paths() const {
    const Site& site = *st_.site;
    std::unordered_set<std::string_view> pages;  // only when pages moved
    if (pages_moved_) {
      pages.reserve(site.pages.size());
      for (size_t i = 0; i < site.pages.size(); ++i) {
        if (st_.page_outputs[i].reads) pages.insert(site.pages[i]->out_path);
      }
    }
    auto kept = [&](const std::string& path) {
      return st_.outputs.count(path) || (pages_moved_ && pages.count(path));
    };
    std::vector<std::string> removed;
    for (const auto& [path, record] : prev_->outputs) {
      if (!kept(path)) removed.push_back(path);
    }
    const auto& before = prev_->site->pages;
    for (size_t j = 0; j < before.size(); ++j) {
      // Unmoved pages keep their paths; a page that made no file was not rendered.
      if (pages_moved_ && prev_->page_outputs[j].reads && !kept(before[j]->out_path)) {
        removed.push_back(before[j]->out_path);
      }
    }
    std::sort(removed.begin(), removed.end());
    return removed;
  }

  /// The render step of `serve`: each page renders while its reads are recorded, and a
  /// page whose reads all kept their fingerprints since `prev_` is not rendered again.
  bool render_recorded() {
    const Site& site = *st_.site;
    const Theme& theme = *st_.theme;
    StepTimer t;
    st_.grains = fingerprint_grains(site, theme, st_.bodies, st_.files, st_.jobs);
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
    std::thread site_files([&] {
      StepTimer ts;
      // Feeds and sitemap.xml show lists of every page: made again only when what they
      // show of the pages (or the configuration) changed.
      st_.site_files_print =
          Hasher().add(site_files_fingerprint(site, st_.bodies)).add(st_.files.config).get();
      if (prev_ && prev_->site_files_print == st_.site_files_print) {
        std::lock_guard lock(output_mu_);
        st_.site_file_paths = prev_->site_file_paths;
        for (const std::string& path : st_.site_file_paths) {
          all_paths_.push_back({path, "", ""});
          st_.outputs[path] = prev_->outputs.at(path);
        }
      } else {
        OutputSet out;
        render_feeds(site, st_.bodies, out);
        render_sitemap_xml(site, out);
        for (const OutputFile& f : out) st_.site_file_paths.push_back(f.path);
        offer_all(out);
      }
      ts.step("  feeds, sitemap");
      if (!defer_search) {
        search = refresh_search_index(st_);
        ts.step("  search index");
      }
    });
    ContextBuilder& contexts = st_.contexts.emplace(site, theme, st_.bodies, *st_.data_views);
    contexts.set_photos(st_.photos.get());
    std::atomic<size_t> rendered{0};
    std::unordered_set<std::uint64_t> changed;
    if (prev_) changed = prev_->grains.changed_grains(st_.grains);
    auto read_changed = [&](const ReadSet& reads) {
      return std::any_of(reads.begin(), reads.end(),
                         [&](std::uint64_t g) { return changed.count(g) != 0; });
    };
    parallel_for(site.pages.size(), st_.jobs, [&](size_t i) {
      const Page& page = *site.pages[i];
      const OutputRecord* before = prev_ ? previous_page_output(i) : nullptr;
      if (before && !read_changed(*before->reads)) {
        st_.page_outputs[i] = *before;  // each index is this thread's alone
        return;
      }
      ++rendered;
      ReadSet reads{grain::config(), grain::theme(), grain::self(page.out_path)};
      std::optional<OutputFile> made;
      {
        RecordReads recording(reads);
        render_page(
            site, theme, contexts, i, [&](OutputFile&& f) { made = std::move(f); }, diags_);
      }
      if (!made) return;
      std::sort(reads.begin(), reads.end());
      reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
      reads.shrink_to_fit();
      site_paths.apply(*made);
      offer_page(i, std::move(*made), std::move(reads), before);
    });
    t.step("  pages");
    site_files.join();
    t.step("  wait for site files");
    result_.pages_rendered = rendered;
    if (search) {
      for (OutputFile& f : search->files) result_.output.push_back(std::move(f));
      result_.removed = std::move(search->removed);
    }
    for (const auto& [path, bytes] : st_.search_files) all_paths_.push_back({path, "", ""});
    OutputSet data_files;
    emit_data_files(st_.data_views->manifest(), data_files);
    render_cms(*st_.config, site.datasets, data_files);
    offer_all(data_files);
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
    result_.photos = st_.photos->photos().size();
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

  fs::path out_dir() const {
    return options_.out_dir.empty() ? options_.site_dir / "public" : options_.out_dir;
  }

  /// False, with exit code 1, when a step found errors.
  bool stop_on_errors() {
    if (!diags_.has_errors()) return true;
    result_.exit_code = 1;
    return false;
  }

  std::shared_ptr<BuildState> state_;
  BuildState& st_;
  const BuildState* prev_ = nullptr;
  const std::vector<std::string>* changed_ = nullptr;  ///< since `prev_`; null: not known
  std::mutex output_mu_;
  /// The path, source and origin of every output but the pages', without bytes (serve).
  OutputSet all_paths_;
  /// Set when a page's path is not that of the page at its index in `prev_`.
  std::atomic<bool> pages_moved_{false};
  std::once_flag previous_pages_once_;
  /// `prev_`'s page paths -> index, made when a page moved.
  std::unordered_map<std::string_view, size_t> previous_pages_;
  const BuildOptions& options_;
  Diagnostics& diags_;
  BuildResult result_;
  OutputSet static_files_;
  std::vector<std::string> static_photos_;   ///< site paths of static/'s photos
  std::set<std::string> withheld_datasets_;  ///< left out for their errors (Site has them)
  std::unique_ptr<OutputWriter> writer_;
};

/// The steps of every build, in order; `check` and `serve` run them too (without writing).
struct Step {
  const char* name;
  bool (BuildRun::*run)();
};
constexpr Step kSteps[] = {{"out", &BuildRun::out},       {"load", &BuildRun::load},
                           {"model", &BuildRun::model},   {"check", &BuildRun::check},
                           {"render", &BuildRun::render}, {"publish", &BuildRun::publish}};

}  // namespace

/// Runs the steps of a build (an update with `previous`).
static BuildResult run_steps(const BuildOptions& options, Diagnostics& diags,
                             const BuildState* previous,
                             const std::vector<std::string>* changed = nullptr) {
  auto start = std::chrono::steady_clock::now();
  BuildRun run(options, diags, previous, changed);
  StepTimer timer;
  for (const Step& step : kSteps) {
    bool go_on = (run.*step.run)();
    timer.step(step.name);
    if (!go_on) break;
  }
  BuildResult& result = run.result();
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return std::move(result);
}

BuildResult run_build(const BuildOptions& options, Diagnostics& diags) {
  return run_steps(options, diags, nullptr);
}

BuildResult run_update(const BuildState& previous, Diagnostics& diags,
                       const std::vector<std::string>* changed) {
  return run_steps(previous.options, diags, &previous, changed);
}

}  // namespace firefly
