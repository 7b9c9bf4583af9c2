// What one build made, kept by `serve` so that an edit re-renders only what depends on it.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "commands/build.h"
#include "config/site_config.h"
#include "core/hash.h"
#include "emit/photo_cache.h"
#include "load/content.h"
#include "load/dataset.h"
#include "model/site.h"
#include "model/translation_checks.h"
#include "render/body.h"
#include "render/body_cache.h"
#include "render/context.h"
#include "render/data_views.h"
#include "render/grains.h"
#include "render/reads.h"
#include "render/site_files_update.h"
#include "render/theme.h"

namespace firefly {

/// One output file of a build, as the next build compares it.
struct OutputRecord {
  std::uint64_t bytes = 0;  ///< fingerprint of its bytes (or of its source file's path)
  /// The grains a page read; null for other files. Shared with the builds after it that
  /// take the page over unrendered, so that taking it costs a pointer, not its reads.
  std::shared_ptr<const ReadSet> reads;
};

/// The fingerprint an OutputRecord keeps of `f`: of its bytes, or of its source file's path.
inline std::uint64_t output_print(const OutputFile& f) {
  return f.source.empty() ? hash_bytes(f.bytes) : Hasher().add(f.source).add(1).get();
}

/// What one step of load read and reported, so that an update whose step would read the
/// same takes what the step made instead of loading it again.
struct LoadRecord {
  /// The fingerprint of the stamps of the files it reads and of the settings it uses
  /// (commands/build_load.cpp); 0: not known (a stamp could not be trusted).
  std::uint64_t key = 0;
  std::vector<Diagnostic> reported;  ///< the problems it reported, in order
};

struct BuildState;

/// A page an update left to render after its first files are shown.
struct PendingPage {
  size_t index = 0;  ///< in site->pages
  /// The fingerprint of the file the build before had at its path; unset: it had none.
  std::optional<std::uint64_t> bytes_before;
};

/// What an update left to make after its first files are shown (commands/pending_files.h):
/// the feeds and sitemap.xml (BuildOptions::defer_site_files), the pages no open tab
/// shows (BuildOptions::defer_pages_above).
struct PendingFiles {
  /// The build the update started from, held until the site files are made from its.
  std::shared_ptr<const BuildState> before;
  /// For each page now, the index of the same page in `before` (BuildRun's match).
  std::vector<size_t> pages_before;
  /// True when the feeds and sitemap.xml are left; they will be at `site_file_paths`
  /// (sorted), which the update checked with its other paths.
  bool site_files = false;
  std::vector<std::string> site_file_paths;
  /// The pages left to render, in page order.
  std::vector<PendingPage> pages;
};

/// The loaded sources, the site graph and the rendered bodies of a build. Members refer
/// to each other, so a BuildState lives on the heap (made by make_shared: an update's
/// pending files hold the build before) and is never moved or copied.
struct BuildState : std::enable_shared_from_this<BuildState> {
  BuildOptions options;
  int jobs = 1;
  std::optional<SiteConfig> config;
  /// Shared with the build before when its files did not change (`theme_load`).
  std::shared_ptr<const Theme> theme;
  LoadRecord theme_load;
  SourcePages sources;           ///< shared with the build before and after it (`serve`)
  ContentStamps content_stamps;  ///< how each file of `sources` was when it was read
  /// Shared with the build before when its files did not change (`datasets_load`).
  std::shared_ptr<const std::vector<Dataset>> datasets;
  LoadRecord datasets_load;
  std::vector<std::string> datasets_withheld;  ///< by load_datasets
  /// The commit the site's repository was at (the datasets' history is read from it).
  std::string repository;
  /// True when `theme`, `datasets` are those of the build before, taken over.
  bool theme_reused = false, datasets_reused = false;
  std::vector<IndicatorSet> plans;  ///< the indicator datasets' plans
  std::unique_ptr<Site> site;
  /// True when `site` is a copy of the graph of the build before (model/site_reuse.h).
  bool site_reused = false;
  /// True when `site` is the graph of the build before with the pages of edited sources
  /// replaced (model/site_reuse.h patch_site).
  bool site_patched = false;
  /// The translation checks' findings, for the next build to take those of unchanged pairs.
  TranslationReport translation_findings;
  DataSite data_site;
  std::optional<DataViews> data_views;
  std::vector<Body> bodies;  ///< indexed like site->pages
  std::optional<ContextBuilder> contexts;
  std::unique_ptr<PhotoCache> photo_cache;
  std::unique_ptr<PhotoSet> photos;  ///< the photos content shows, and static/'s originals
  /// Photos whose files are named but not yet in the cache (`defer_photos`).
  std::vector<const Photo*> pending_photos;
  /// How each body was made, so the next build can take the ones that did not change.
  BodyCache body_cache;
  /// The fingerprints of the configuration, theme and data files.
  FileFingerprints files;
  /// The fingerprints of what the open-data files are made from: the configuration and
  /// theme, and each dataset's own (dataset_files_print). An update takes all the files
  /// of `data_views` when these and the data files are the same, else those of each
  /// dataset whose own print is.
  std::uint64_t data_site_print = 0;
  std::map<std::string, std::uint64_t> dataset_files_prints;
  /// The fingerprint of every grain the outputs read.
  Grains grains;
  /// Output path -> what the file holds, for the files that are not pages; the pages'
  /// are in `page_outputs`, the search index's in `search_files`.
  std::unordered_map<std::string, OutputRecord> outputs;
  /// What each page's file holds and what rendering it read, indexed like site->pages
  /// (null `reads`: the page made no file). An update finds a page's record at the same
  /// index when the pages before it are the same, without hashing 25,000 paths.
  std::vector<OutputRecord> page_outputs;
  /// The feeds and sitemap.xml, with what they show of each page.
  SiteFilesState site_files;
  /// Set while files are still to be made: the feeds and sitemap.xml (their `outputs`
  /// records are then those of the build before), pages (their `page_outputs` records
  /// then have empty reads). No update may start from this state until they are made.
  std::unique_ptr<PendingFiles> pending;
  /// The search index files shown: path -> fingerprint of their bytes.
  std::unordered_map<std::string, std::uint64_t> search_files;
  /// False while `search_files` are those of an earlier build: an update with
  /// `defer_search` leaves them to refresh_search_index.
  bool search_current = true;

  /// The record of the output file at `path` (a page's or another's), or null; the
  /// search index's files have none. Looks through every page: for tests.
  const OutputRecord* output(const std::string& path) const {
    if (auto it = outputs.find(path); it != outputs.end()) return &it->second;
    for (size_t i = 0; site && i < site->pages.size() && i < page_outputs.size(); ++i) {
      if (site->pages[i]->out_path == path && page_outputs[i].reads) return &page_outputs[i];
    }
    return nullptr;
  }

  BuildState() = default;
  BuildState(const BuildState&) = delete;
  BuildState& operator=(const BuildState&) = delete;
};

}  // namespace firefly
