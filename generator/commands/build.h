// `firefly build` and `firefly check`: load, then build, each step named.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/output.h"

namespace firefly {

struct BuildState;

/// Options of a build, from the command line.
struct BuildOptions {
  std::filesystem::path site_dir = ".";
  std::filesystem::path out_dir;  ///< default: <site>/public
  int jobs = 0;                   ///< 0: all cores
  bool drafts = false;
  std::string base_url;  ///< overrides site.yaml when set
  bool quiet = false;
  bool force = false;       ///< replace an --out folder that is not a previous output
  bool write = true;        ///< false for `check`: validate everything, write nothing
  bool keep_state = false;  ///< keep what was built in BuildResult::state (for `serve`)
  /// With `keep_state`: an update (run_update) leaves the search index as it was, for
  /// refresh_search_index to bring up to date after the pages are shown.
  bool defer_search = false;
  /// With `keep_state`: an update leaves the feeds and sitemap.xml (checked at the paths
  /// they will have) to make_pending_files, to make once its pages are shown.
  bool defer_site_files = false;
  /// With `keep_state`: an update that would render more pages than this renders only
  /// those at `first_pages` and leaves the others to make_pending_files, to render once
  /// those are shown (a new story moves 1,000 list pages; an open tab shows one of them);
  /// below it, the site map pages (`/sitemap/`) not at `first_pages` are left.
  /// SIZE_MAX: none are left.
  size_t defer_pages_above = SIZE_MAX;
  /// The output paths ("en/stories/index.html") of the pages an update renders first:
  /// those open in a browser.
  std::vector<std::string> first_pages;
  /// With `keep_state`: photos missing from the cache are not encoded; their files are
  /// named as they will be and the photos listed in BuildState::pending_photos.
  bool defer_photos = false;
  /// /admin/config.yml for Decap's local backend (decap-server editing this checkout):
  /// `serve` and `build --cms-local`; never in a production build.
  bool cms_local_backend = false;
  /// The process ends after this build (a plain `firefly build`): after a build without
  /// errors its state is not freed (see run_build).
  bool ends_process = false;
  /// When set, the files a whole build would return in BuildResult::output are handed to
  /// it as they are made, from any thread (serve keeps each deflated at once, so that a
  /// large site's files are never all held as written). Not kept for updates.
  OutputSink keep_output;
  /// Called after each step with its name ("load", "model", ...): tests save a file there,
  /// as an editor may while serve's update runs.
  std::function<void(std::string_view step)> after_step;
};

/// What a build produced, for the summary line.
struct BuildResult {
  int exit_code = 0;  ///< 0 ok, 1 content errors, 2 configuration errors
  size_t pages = 0, languages = 0, datasets = 0, files = 0, written = 0;
  double seconds = 0;
  size_t photos = 0;         ///< photos published
  size_t photo_encoded = 0;  ///< photo files encoded by this build
  size_t photo_cached = 0;   ///< photo files taken from the cache
  OutputSet output;          ///< kept when `write` is false (for tests and the preview server);
                             ///< after run_update, only the files that are new or changed
  std::vector<std::string> removed;  ///< after run_update: paths the site no longer has
  /// With `keep_state`: pages rendered (not reused); after run_update, not counting the
  /// pages it left to make_pending_files.
  size_t pages_rendered = 0;
  size_t bodies_rendered = 0;  ///< Markdown bodies rendered (not reused)
  /// With `keep_state`: the open-data files were taken from the build before, whose
  /// datasets, configuration and theme were the same.
  bool data_files_reused = false;
  /// Else the datasets whose own open-data files were taken from it.
  std::set<std::string> dataset_files_taken;
  /// Missing theme strings and untranslated pages, per language (for check).
  std::vector<std::string> translation_report;
  /// With `keep_state`, after a build without errors: the sources, site and bodies.
  std::shared_ptr<BuildState> state;
};

/// Runs a whole build; every problem found goes to `diags`. With `ends_process`, after a
/// build without errors, the build's state (sources, site, bodies, photos) is left
/// allocated for the process's end to reclaim: the output is committed and the photo
/// cache's index written by then, and freeing it would only cost time.
BuildResult run_build(const BuildOptions& options, Diagnostics& diags);

/// Builds the site again after edits, from `previous`, the state a build with
/// `keep_state` kept: reloads every file and rebuilds the model, takes each Markdown body
/// whose source, page and links are as before from `previous`, renders again only the
/// pages whose recorded reads changed, and returns in `output` only the files whose
/// bytes changed and in `removed` those gone. The problems reported, the exit code and
/// the files are those of a full build of the same files (with `defer_search`, once
/// refresh_search_index has run too). `changed`, when given, names (site-relative) every
/// file or folder created, written, moved or deleted since `previous` was built, as a
/// file watcher saw them: the content files not named there are taken as they were
/// without reading their stamps.
BuildResult run_update(const BuildState& previous, Diagnostics& diags,
                       const std::vector<std::string>* changed = nullptr);

}  // namespace firefly
