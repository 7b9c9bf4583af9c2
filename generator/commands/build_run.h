// One build as it runs (run_build and run_update): each step of commands/build.h is a
// member, defined in the file named after it: build_load.cpp (load, model),
// build_check.cpp (check), build_render.cpp (render), build.cpp (out, publish, and the
// order of the steps).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "commands/build.h"
#include "commands/build_state.h"
#include "core/error.h"
#include "core/output.h"
#include "core/parallel.h"
#include "emit/writer.h"
#include "render/grains.h"
#include "render/reads.h"

namespace firefly {

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
    st_.options.keep_output = nullptr;  // an update's files are its result (shown, then packed)
    st_.jobs = options.jobs > 0
                   ? options.jobs
                   : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (prev_ && prev_->pending) {
      throw std::logic_error(
          "an update started before the files the build before left "
          "were made (make_pending_files)");
    }
  }

  /// The output folder, checked before anything is read: never the site or a part of it.
  bool out();

  /// Configuration, theme, content and data from the site folder.
  bool load();

  /// The site graph: every page, file and dataset the build publishes, validated.
  bool model();

  /// The Markdown bodies, where links, images and embeds are checked, and the photos they
  /// and the front matter show (looked at, not yet encoded); the counts and the
  /// translation report.
  bool check();

  /// Every output file, streamed to the writer (or kept in memory), so no more than a page
  /// per thread is held at once.
  bool render();

  /// Swaps the new output in (build), or checks its paths (check and serve).
  bool publish();

  BuildResult& result() { return result_; }

  /// Before the process ends without freeing this build (BuildOptions::ends_process):
  /// closes the output's writer and removes the open-data files' temporary folder.
  void leave_for_exit();

 private:
  /// What the pages read besides the site graph: the configuration, the theme with its
  /// strings, the data (all of which the update reloads as files).
  FileFingerprints file_fingerprints() const;

  /// The bytes of the files load() reads that file_fingerprints() stands for, hashed
  /// before load() reads them (in a build that keeps its state): a file saved while the
  /// build runs is then one the next update sees changed. Hashed after, it was taken for
  /// the one the pages were rendered from, and they were not rendered again.
  struct PrintsBeforeLoad {
    std::uint64_t config = 0;                  ///< site.yaml
    std::uint64_t templates = 0, strings = 0;  ///< the theme's, when it was loaded
    /// Each file of data/ (its path in data/ and its bytes' hash), when it was loaded.
    std::vector<std::pair<std::string, std::uint64_t>> data;
  };
  PrintsBeforeLoad prints_before_load_;

  /// Records a file that is not a page: its `path`, where its bytes are (`source`, as
  /// OutputFile has it), its `origin` and its bytes' `print`; calls `pass` unless the
  /// previous build made the same bytes there. Thread-safe.
  template <class Pass>
  void offer_printed(const std::string& path, const std::string& source, const std::string& origin,
                     std::uint64_t print, Pass&& pass);

  /// The previous build's record of the file at `path` that is not a page, or null.
  const OutputRecord* previous_output(const std::string& path) const;

  /// The previous build's record of the file of page `i`: that of the same page when the
  /// graph is a patch, else at the same index when the page there had the same path (no
  /// lookup), else found by path; null when it had none.
  /// Thread-safe.
  const OutputRecord* previous_page_output(size_t i);

  /// Passes a file the build made on: to BuildOptions::keep_output, or into the result's
  /// output. Thread-safe.
  void keep(OutputFile&& f);

  /// Takes one output file that is not a page: records it, and passes it on unless the
  /// previous build made the same bytes. Thread-safe.
  void offer(OutputFile&& f);

  /// offer() for an open-data file: its bytes' fingerprint is kept with them, so a file
  /// taken over from the build before is neither hashed nor copied again.
  void offer_data(const DataFile& f);

  /// Takes the file of page `i` with what rendering it read: records it, and passes it on
  /// unless the previous build made the same bytes there (`before`, its record, or that
  /// of another file at its path). Thread-safe.
  void offer_page(size_t i, OutputFile&& f, ReadSet reads, const OutputRecord* before);

  /// The site paths of the files that are not pages, checked against each other and the
  /// pages' paths: all of them sorted and compared, the errors naming the files as a
  /// build's do. With pages at the same paths as in the previous build, whose paths were
  /// all unique, and no file at a path that build did not publish, only the other files
  /// are compared among themselves (the full check still runs when it finds two at one
  /// path, so that the errors are the same).
  bool check_paths();

  /// The paths `prev_` published that this build does not, sorted.
  std::vector<std::string> removed_paths() const;

  /// The render step of `serve`: each page renders while its reads are recorded, and a
  /// page whose reads all kept their fingerprints since `prev_` is not rendered again.
  bool render_recorded();

  std::filesystem::path out_dir() const {
    return options_.out_dir.empty() ? options_.site_dir / "public" : options_.out_dir;
  }

  /// False, with exit code 1, when a step found errors (2 when an earlier step found the
  /// configuration wrong, model()'s menus: it is kept).
  bool stop_on_errors() {
    if (!diags_.has_errors()) return true;
    if (result_.exit_code == 0) result_.exit_code = 1;
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
  /// For each page, the index of the same page in `prev_` when the graph is a patch of its
  /// graph (model/site_patch_match.h shared_pages); empty otherwise.
  std::vector<size_t> pages_before_;
  bool pages_before_made_ = false;
  /// Works out pages_before_ once (the bodies and the grains both read it).
  void match_pages_before();
  std::atomic<bool> pages_moved_{false};
  std::once_flag previous_pages_once_;
  /// For each page of `prev_`: whether the patched graph shares it (pages_before_ names
  /// it), so that it is the very page now, at its own path. None without a patched graph.
  std::vector<char> shared_pages_before() const;
  /// `prev_`'s page paths -> index, made when a page moved (with pages_before_, only those
  /// of the pages before that the graph does not share).
  std::unordered_map<std::string_view, size_t> previous_pages_;
  const BuildOptions& options_;
  Diagnostics& diags_;
  BuildResult result_;
  OutputSet static_files_;
  std::vector<std::string> static_photos_;   ///< site paths of static/'s photos
  std::set<std::string> withheld_datasets_;  ///< left out for their errors (Site has them)
  std::unique_ptr<OutputWriter> writer_;
  /// static/ as listed by the thread load() starts, for model(): every file's site path,
  /// and the links out of the site and the special files it left out (reported by model()).
  struct StaticListing {
    std::set<std::string> paths;
    std::vector<std::string> escaped, special;
    std::vector<std::string> broken;    ///< GIFs that cannot be read to strip them
    std::vector<std::string> misnamed;  ///< names that cannot be part of a web address
    /// files whose paths differ from another's only in case: (this, the other)
    std::vector<std::pair<std::string, std::string>> clashes;
    std::exception_ptr error;
  };
  StaticListing static_listing_;
  /// Lists static/ and looks at its photos (PhotoSet::inspect_ahead) beside the theme and
  /// the content; joined by model(). Last, so that it is joined before the rest is freed.
  std::jthread static_thread_;
  /// Makes the open-data files (st_.data_views) beside the site graph and the translation
  /// checks, which they do not need, in a build that keeps no state; joined by check().
  /// After static_thread_: it is joined (by its destructor) before what it reads is freed.
  std::unique_ptr<BesideThread> data_views_ahead_;
};

}  // namespace firefly
