// The load and model steps of a build (commands/build_run.h): the site's files, then the
// site graph built from them and checked.
#include <chrono>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "commands/build_run.h"
#include "commands/photo_files.h"
#include "commands/step_timer.h"
#include "config/base_url.h"
#include "config/site_config.h"
#include "core/fs.h"
#include "core/hash.h"
#include "core/text.h"
#include "emit/photo_cache.h"
#include "load/content.h"
#include "load/dataset.h"
#include "load/dataset_coverage.h"
#include "load/folder_stamps.h"
#include "load/git_history.h"
#include "load/glossary.h"
#include "model/dataset_text_staleness.h"
#include "model/indicators.h"
#include "model/site.h"
#include "model/site_reuse.h"
#include "model/translation_checks.h"
#include "model/translation_pairs.h"
#include "model/translation_staleness.h"
#include "render/data_manifest.h"
#include "render/image_bytes.h"
#include "render/photo_codec.h"
#include "render/photos.h"
#include "render/theme.h"

namespace firefly {

namespace fs = std::filesystem;

namespace {

/// What in the path `rel` of a file of static/ cannot be part of a web address (a control
/// character such as a line break, bytes that are not UTF-8, a bidirectional control that
/// makes "report<U+202E>fdp.exe" read as "reportexe.pdf"); "" when nothing.
std::string static_name_problem(std::string_view rel) {
  for (unsigned char c : rel) {
    if (c < 0x20 || c == 0x7f) return "a control character";
  }
  if (!is_valid_utf8(rel)) return "bytes that are not UTF-8";
  return invisible_character(rel);
}

/// static/ files of the site, published as they are, except photos (published without
/// their metadata by the photo step), whose site paths go to `photos`, and GIFs, published
/// without theirs; the site paths of all to `paths`, the files left out to `escaped` (links
/// out of the site), `special`, `broken` (GIFs that cannot be read to their end) and
/// `misnamed` (static_name_problem); to `clashes`, each file whose path differs from an
/// earlier one's only in letter case or in how an accented letter is typed (Logo.png and
/// logo.png, one of which replaces the other on a host that ignores case), with that one.
void list_static_files(const fs::path& site_dir, OutputSet& out, std::set<std::string>& paths,
                       std::vector<std::string>& photos, std::vector<std::string>& escaped,
                       std::vector<std::string>& special, std::vector<std::string>& broken,
                       std::vector<std::string>& misnamed,
                       std::vector<std::pair<std::string, std::string>>& clashes) {
  std::vector<FoundFile> files = list_files(site_dir / "static", site_dir, &escaped, &special);
  photos.reserve(files.size());  // grown one by one: nine copies for 200 photos
  std::unordered_map<std::string, std::string> folded;
  for (const FoundFile& f : files) {
    if (!static_name_problem(f.rel).empty()) {
      misnamed.push_back(f.rel);
      continue;
    }
    auto [first, added] = folded.emplace(lower_case(f.rel), f.rel);
    if (!added) clashes.emplace_back(f.rel, first->second);
    std::string site_path = "/" + f.rel;
    // A photo under another name (.gif, .jfif, none) is one too: the photo step strips it,
    // or says its name does not match; a browser shows it whatever its name.
    // An icon may be a PNG named .ico (or .ICO), which browsers accept.
    std::string head = PhotoSet::is_photo_path(site_path) || ends_with(ascii_lower(f.rel), ".ico")
                           ? ""
                           : read_file_head(f.full, 16);
    if (head.empty() ? PhotoSet::is_photo_path(site_path) : !sniff_photo_format(head).empty()) {
      photos.push_back(site_path);
    } else if (head.compare(0, 4, "GIF8") == 0) {
      std::optional<std::string> gif = read_file(f.full);
      std::string stripped;
      GifStrip result = gif ? strip_gif_metadata(*gif, stripped) : GifStrip::kMalformed;
      if (result == GifStrip::kMalformed) {
        broken.push_back(f.rel);
      } else if (result == GifStrip::kStripped) {
        out.push_back({f.rel, std::move(stripped), "", "static/" + f.rel});
      } else {
        out.push_back({f.rel, "", f.full, "static/" + f.rel});
      }
    } else {
      out.push_back({f.rel, "", f.full, "static/" + f.rel});
    }
    paths.insert(paths.end(), std::move(site_path));  // listed in order: the end is a hint
  }
}

/// The errors for the files of static/ that list_static_files left out, which are withheld.
void report_static_files(const fs::path& site_dir, const std::vector<std::string>& escaped,
                         const std::vector<std::string>& special,
                         const std::vector<std::string>& broken,
                         const std::vector<std::string>& misnamed,
                         const std::vector<std::pair<std::string, std::string>>& clashes,
                         std::set<std::string>& withheld, Diagnostics& diags) {
  for (const auto& [rel, first] : clashes) {
    diags.error("static/" + rel, {},
                "this file would be published at /" + rel + ", which static/" + first +
                    (equal_ignoring_ascii_case(rel, first)
                         ? " also uses (the addresses differ only in letter case)"
                         : " also uses (the addresses differ only in letter case or in how an "
                           "accented letter is typed)"),
                "give one of them another name");
  }
  for (const std::string& rel : misnamed) {
    diags.error(
        "static/" + rel, {},
        "this file name cannot be part of a web address: it contains " + static_name_problem(rel),
        "rename the file");
  }
  for (const std::string& rel : escaped) {
    diags.error("static/" + rel, {}, escaped_link_message(site_dir / "static" / rel, site_dir),
                escaped_link_hint(site_dir / "static" / rel, site_dir, rel,
                                  "copy the file into static/ instead"));
    withheld.insert("/" + rel);
  }
  for (const std::string& rel : special) {
    diags.error("static/" + rel, {}, special_entry_message(site_dir / "static", rel),
                special_entry_hint(site_dir / "static", rel, "remove it from static/"));
    withheld.insert("/" + rel);
  }
  for (const std::string& rel : broken) {
    diags.error("static/" + rel, {},
                "this GIF has a part cut off, so the data hidden in it (comments, XMP) cannot "
                "be removed; it is not published",
                "export the picture again from the original");
    withheld.insert("/" + rel);
  }
}

/// The fingerprint of what load_theme reads: the settings it uses and the stamps of the
/// files of the theme and of the site's overrides; 0 when a stamp cannot be trusted.
std::uint64_t theme_key(const fs::path& site_dir, const SiteConfig& config,
                        std::chrono::system_clock::time_point now) {
  Hasher h;
  h.add(config.theme).add(config.default_language().code).add(config.languages.size());
  for (const Language& l : config.languages) h.add(l.code);
  fs::path dir = site_dir / "themes" / config.theme;
  std::error_code ec;
  h.add(fs::is_directory(dir, ec) ? 1 : 0);
  h.add(fs::canonical(dir, ec).string()).add(fs::canonical(site_dir / "themes", ec).string());
  bool trusted = add_folder_stamps(h, dir, site_dir, now);
  for (const char* sub : {"layouts", "partials", "i18n"}) {
    trusted = add_folder_stamps(h, site_dir / sub, site_dir, now) && trusted;
  }
  return trusted ? h.get() | 1 : 0;
}

/// What the datasets' history is read from: the commit the site's repository is at, and
/// how the repository is ("" outside git).
std::string repository_state(const fs::path& site_dir, const TimeZone& zone) {
  GitHistory git(site_dir, zone);
  if (!git.available()) return "";
  std::string state = git.at_root() ? "root " : "below ";
  if (git.shallow()) state += "shallow ";
  if (auto head = git.lookup("HEAD")) state += head->commit;
  return state;
}

/// The fingerprint of what load_datasets reads: the settings it uses, the stamps of the
/// files of data/ and `repository` (repository_state); 0 when a stamp cannot be trusted.
std::uint64_t datasets_key(const fs::path& site_dir, const SiteConfig& config,
                           const std::string& repository,
                           std::chrono::system_clock::time_point now) {
  Hasher h;
  h.add(config.timezone.name()).add(config.data_versions).add(repository);
  bool trusted = add_folder_stamps(h, site_dir / "data", site_dir, now);
  return trusted ? h.get() | 1 : 0;
}

/// True for a file of strings, `rel` in the site's folder `dir`: i18n/<code>.yaml of the
/// site, or of a theme under themes/ (<name>/i18n/<code>.yaml).
bool is_strings_file(std::string_view dir, std::string_view rel) {
  if (dir == "i18n") return true;
  size_t slash = rel.find('/');
  return dir == "themes" && slash != std::string_view::npos && rel.compare(slash, 6, "/i18n/") == 0;
}

/// The hashes of the files a theme is loaded from: its templates (and assets) and, apart,
/// its strings (each page records which strings it shows).
void hash_theme_files(const fs::path& site_dir, std::uint64_t& templates_print,
                      std::uint64_t& strings_print) {
  Hasher templates, strings;
  for (const char* dir : {"themes", "layouts", "partials", "i18n"}) {
    for (const FoundFile& file : list_files(site_dir / dir, site_dir)) {
      (is_strings_file(dir, file.rel) ? strings : templates)
          .add(file.rel)
          .add(read_file(file.full).value_or(""));
    }
  }
  templates_print = templates.get();
  strings_print = strings.get();
}

/// Each file of data/ with its bytes' hash.
std::vector<std::pair<std::string, std::uint64_t>> hash_data_files(const fs::path& site_dir) {
  std::vector<std::pair<std::string, std::uint64_t>> prints;
  for (FoundFile& file : list_files(site_dir / "data", site_dir)) {
    prints.emplace_back(std::move(file.rel), Hasher().add(read_file(file.full).value_or("")).get());
  }
  return prints;
}

/// Runs `load(Diagnostics&)` with what it reports kept in `record.reported` too. When the
/// cap of a Diagnostics left some out, runs it again straight into `diags` and forgets
/// the key (the next build loads again).
template <typename Load>
auto load_recorded(Diagnostics& diags, LoadRecord& record, Load&& load) {
  Diagnostics local;
  auto made = load(local);
  record.reported = local.sorted();
  if (record.reported.size() != local.error_count() + local.warning_count()) {
    record.key = 0;
    return load(diags);
  }
  for (const Diagnostic& d : record.reported) diags.add(d);
  return made;
}

/// True when `now` (worked out for this build) is the key of `before`: then the problems
/// it reported are reported again and kept in `now`.
bool take_record(const LoadRecord& before, LoadRecord& now, Diagnostics& diags) {
  if (now.key == 0 || now.key != before.key) return false;
  now.reported = before.reported;
  for (const Diagnostic& d : now.reported) diags.add(d);
  return true;
}

}  // namespace

bool BuildRun::load() {
  if (options_.keep_state) {
    prints_before_load_.config =
        Hasher().add(read_file(options_.site_dir / "site.yaml").value_or("")).get();
  }
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
  // static/ is listed and its photos looked at (their stamps in the cache's index, or
  // their headers and hashes) on a thread of their own while the theme and the content
  // load: serial work otherwise (a rebuild of 200 photos: about 1 ms), beside a step that
  // leaves a core idle. The check step registers the photos pages use.
  // The cache deletes old entries: never through a link to a place outside it.
  for (const fs::path& dir :
       {options_.site_dir / ".firefly-cache", PhotoCache::folder_of(options_.site_dir)}) {
    std::error_code ec;
    if (fs::is_symlink(dir, ec)) {
      diags_.error(dir.lexically_relative(options_.site_dir).string(), {},
                   "this is a symbolic link: Firefly keeps its photo cache only in a real folder "
                   "of the site, since it deletes old entries there",
                   "delete the link; the next build makes the cache again");
      result_.exit_code = 1;
      return false;
    }
  }
  st_.photo_cache = std::make_unique<PhotoCache>(PhotoCache::folder_of(options_.site_dir));
  PhotoOptions photo_options;
  photo_options.avif = config.photo_avif && can_encode_avif();
  st_.photos = std::make_unique<PhotoSet>(
      photo_options, make_photo_inspector(options_.site_dir, *st_.photo_cache));
  static_thread_ = std::jthread([this] {
    try {
      StaticListing& s = static_listing_;
      list_static_files(options_.site_dir, static_files_, s.paths, static_photos_, s.escaped,
                        s.special, s.broken, s.misnamed, s.clashes);
      for (const std::string& path : static_photos_) st_.photos->inspect_ahead(path);
    } catch (...) {
      static_listing_.error = std::current_exception();
    }
  });
  // In `serve`, the theme and the datasets are taken from the build before when none of
  // the files they are loaded from changed since (nor the settings they read).
  const bool keep = options_.keep_state;
  const auto now = std::chrono::system_clock::now();
  if (keep) st_.theme_load.key = theme_key(options_.site_dir, config, now);
  if (prev_ && prev_->theme && take_record(prev_->theme_load, st_.theme_load, diags_)) {
    st_.theme = prev_->theme;
    st_.theme_reused = true;
  } else if (keep) {
    hash_theme_files(options_.site_dir, prints_before_load_.templates, prints_before_load_.strings);
    st_.theme = load_recorded(diags_, st_.theme_load, [&](Diagnostics& d) {
      return std::shared_ptr<const Theme>(load_theme(options_.site_dir, config, d));
    });
  } else {
    st_.theme = load_theme(options_.site_dir, config, diags_);
  }
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
  if (keep) st_.repository = repository_state(options_.site_dir, config.timezone);
  // At the same commit, the pages of the build before keep their dates: only the files
  // they do not have are looked for in the history.
  const bool same_commit = prev_ && !st_.repository.empty() && prev_->repository == st_.repository;
  add_git_dates(options_.site_dir, config.timezone, st_.sources, diags_,
                same_commit ? &prev_->sources : nullptr);
  t.step("  git dates");
  if (keep) {
    st_.datasets_load.key = datasets_key(options_.site_dir, config, st_.repository, now);
  }
  std::vector<std::string>& withheld = st_.datasets_withheld;
  std::vector<std::string> langs;
  for (const Language& l : config.languages) langs.push_back(l.code);
  auto read_datasets = [&](Diagnostics& d) {
    return std::make_shared<const std::vector<Dataset>>(
        load_datasets(options_.site_dir, config.timezone, d, config.data_versions, &withheld));
  };
  if (prev_ && take_record(prev_->datasets_load, st_.datasets_load, diags_)) {
    st_.datasets = prev_->datasets;
    withheld = prev_->datasets_withheld;
    st_.datasets_reused = true;
  } else if (keep) {
    prints_before_load_.data = hash_data_files(options_.site_dir);
    st_.datasets = load_recorded(diags_, st_.datasets_load, [&](Diagnostics& d) {
      withheld.clear();
      return read_datasets(d);
    });
  } else {
    st_.datasets = read_datasets(diags_);
  }
  const std::vector<Dataset>& datasets = *st_.datasets;
  withheld_datasets_.insert(withheld.begin(), withheld.end());
  t.step("  datasets");
  for (const Dataset& ds : datasets) check_dataset_metadata(ds, langs, diags_);
  st_.plans = build_indicator_sets(datasets, diags_, config.default_language().code);
  for (const Dataset& ds : datasets) {  // a plan with errors is left out
    auto has_plan = [&](const IndicatorSet& p) { return p.dataset == ds.name; };
    if (ds.indicators && std::none_of(st_.plans.begin(), st_.plans.end(), has_plan)) {
      withheld_datasets_.insert(ds.name);
    }
  }
  return true;
}

bool BuildRun::model() {
  const SiteConfig& config = *st_.config;
  const Theme* theme = st_.theme.get();
  SiteInputs inputs;
  inputs.drafts = options_.drafts;
  inputs.now = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
  static_thread_.join();
  if (static_listing_.error) std::rethrow_exception(static_listing_.error);
  inputs.files = std::move(static_listing_.paths);
  report_static_files(options_.site_dir, static_listing_.escaped, static_listing_.special,
                      static_listing_.broken, static_listing_.misnamed, static_listing_.clashes,
                      inputs.withheld_files, diags_);
  inputs.withheld_datasets = withheld_datasets_;
  if (theme) {
    for (const OutputFile& f : theme->files()) inputs.files.insert("/" + f.path);
    inputs.layouts = theme->layouts();
    inputs.layouts_without_text = theme->layouts_without_text();
    for (const Language& lang : config.languages) {
      const Value& t = theme->strings(lang.code);
      inputs.generated_titles[lang.code] = {{"data", t.get("data_catalogue").to_text()},
                                            {"search", t.get("search").to_text()},
                                            {"sitemap", t.get("sitemap").to_text()},
                                            {"404", t.get("not_found_title").to_text()}};
    }
  }
  for (const Dataset& d : *st_.datasets) {
    inputs.datasets.emplace_back(d.name, d.title);
    inputs.plans = &st_.plans;
    for (std::string& path : dataset_file_paths(d)) inputs.files.insert(std::move(path));
  }
  if (!st_.datasets->empty() || !withheld_datasets_.empty()) {
    for (std::string& path : catalogue_file_paths()) inputs.files.insert(std::move(path));
  }
  StepTimer t;
  if (options_.keep_state) {
    // What the pages read besides the site graph; with what the graph reads of the
    // pages, they tell whether the graph of the build before can be taken over.
    st_.files = file_fingerprints();
    // The graph reads no string but the generated pages' titles, which `inputs` hold.
    inputs.config_print = Hasher().add(st_.files.config).add(st_.files.templates).get() | 1;
    t.step("  file fingerprints");
  }
  if (!options_.keep_state && st_.theme) {
    // The open-data files read the datasets, the site's settings and the theme's strings,
    // no page: one core makes them while the graph is built on the other.
    st_.data_site = make_data_site(config);
    data_views_ahead_ = std::make_unique<BesideThread>([this] {
      st_.data_views.emplace(*st_.datasets, st_.data_site, *st_.theme, &st_.plans, options_.write,
                             withheld_datasets_, nullptr, nullptr, st_.jobs);
    });
  }
  if (prev_ && prev_->site) {
    st_.site = reuse_site(*prev_->site, prev_->sources, config, st_.sources, inputs);
    st_.site_reused = st_.site != nullptr;
    if (!st_.site) {
      st_.site = patch_site(*prev_->site, prev_->sources, config, st_.sources, inputs);
      st_.site_patched = st_.site != nullptr;
    }
  }
  if (!st_.site) st_.site = build_site(config, st_.sources, inputs, diags_);
  t.step(st_.site_reused    ? "  site graph (taken over)"
         : st_.site_patched ? "  site graph (patched)"
                            : "  site graph");
  if (st_.site) {
    // Found once for both checks.
    const std::vector<TranslationPair> pairs = translation_pairs(*st_.site);
    mark_stale_translations(*st_.site, pairs, diags_);
    bool keep = options_.keep_state;
    check_translations(*st_.site, pairs, load_glossaries(options_.site_dir, config, diags_), diags_,
                       st_.jobs, prev_ ? &prev_->translation_findings : nullptr,
                       keep ? &st_.translation_findings : nullptr, /*take_bodies=*/!keep);
    mark_stale_dataset_texts(*st_.site, *st_.datasets, diags_);
    t.step("  translation checks");
  }
  if (!st_.theme) result_.exit_code = 1;  // its errors are reported
  // Errors of the files and of the model (a page's front matter, a dataset's rows, a
  // reference) do not hide those of the bodies: they are checked against the graph as it
  // could be built, and the build stops after that step. A page that could not be read
  // whole keeps its address; what was left out (a dataset, a static file) is withheld:
  // links to it are not reported.
  if (!st_.site) return stop_on_errors() && st_.theme;
  // A menu entry to no page is an error of site.yaml found only now that the pages are
  // known: a configuration error, as those load() finds.
  if (diags_.has_errors()) result_.exit_code = st_.site->config_errors ? 2 : 1;
  return st_.theme != nullptr;
}

}  // namespace firefly
