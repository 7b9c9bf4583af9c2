#include "commands/serve.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <limits>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "commands/build.h"
#include "commands/build_state.h"
#include "commands/pending_files.h"
#include "commands/photo_files.h"
#include "commands/report.h"
#include "commands/search_refresh.h"
#include "config/site_config.h"
#include "core/error.h"
#include "load/git_history.h"
#include "serve/preview.h"
#include "serve/server.h"
#include "serve/stop_signals.h"
#include "serve/watcher.h"

namespace firefly {

namespace fs = std::filesystem;

namespace {

/// Quiet time after the last file event before rebuilding (editors write in bursts).
constexpr int kDebounceMs = 40;

/// "1 page", "2 pages"; `many` is the plural where it is not `one` plus "s".
std::string plural(size_t n, const std::string& one, const std::string& many = "") {
  return std::to_string(n) + " " + (n == 1 ? one : many.empty() ? one + "s" : many);
}

/// Prints the build's diagnostics to the terminal and returns them as text.
std::string report(const Diagnostics& diags, const BuildOptions& build, std::ostream& err) {
  std::ostringstream text;
  print_diagnostics(diags, build.site_dir, "text", text);
  err << text.str();
  return text.str();
}

/// The code of the site's default language, or "" when site.yaml cannot be read.
std::string default_language(const std::filesystem::path& site_dir) {
  Diagnostics ignored;
  std::optional<SiteConfig> config = load_site_config(site_dir, ignored);
  return config ? config->default_language().code : "";
}

/// Shows a failed build's errors in the browser, worded in the site's default language and
/// English, and says so in the terminal.
void show_failure(const Diagnostics& diags, const std::string& text,
                  const std::filesystem::path& site_dir, PreviewSite& site, std::ostream& err) {
  std::string summary = "build failed: " + plural(diags.error_count(), "error") + ", " +
                        plural(diags.warning_count(), "warning");
  site.show_errors(text + "\n" + summary + "\n", default_language(site_dir));
  err << summary << "; the browser shows the errors until they are fixed\n";
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// Brings the search index of the last good build up to date after its pages are shown,
/// on a thread of low priority, without reloading the open pages. The next edit does not
/// wait for it: stop() makes it change nothing more, and it ends by itself at the next
/// language (photos being encoded are waited for).
class SearchRefresh {
 public:
  SearchRefresh() = default;
  SearchRefresh(const SearchRefresh&) = delete;
  SearchRefresh& operator=(const SearchRefresh&) = delete;
  ~SearchRefresh() {
    stop();
    for (auto& run : stopped_) run->thread.join();
  }

  /// Starts refreshing the search index of `state`, unless it is current; the index's
  /// requests held (hold_search_index) are answered once it is.
  void start(std::shared_ptr<BuildState> state, PreviewSite& site) {
    stop();
    if (!state || state->search_current) site.release_index();
    if (!state || (state->search_current && state->pending_photos.empty())) return;
    run_ = std::make_unique<Run>();
    run_->thread = std::thread([run = run_.get(), state = std::move(state), &site] {
      // The threads the index is made on inherit this one's priority.
      setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
      make_pending_photos(*state, site, run->cancel);
      {
        std::lock_guard lock(run->mu);
        run->photos_done = true;
      }
      std::optional<NewSearchIndex> index = make_search_refresh(*state, &run->cancel);
      // Deflated before the lock that stop() takes: an edit that comes meanwhile waits
      // for no more than the files being put in place (packing a new story's index,
      // thousands of files at 10,000 stories, took 200-300 ms).
      std::optional<PreviewSite::PackedFiles> packed;
      if (index && !run->cancel) packed = site.pack_files(std::move(index->changes.files));
      std::lock_guard lock(run->mu);
      if (packed && !run->cancel) {
        SearchChanges changes = record_search_refresh(*state, std::move(*index));
        site.update_files_quietly(std::move(*packed), changes.removed);
        site.release_index();
      }
      run->done = true;
    });
  }

  /// Stops the refresh: once this returns it changes neither its state nor the site.
  /// Waits only while it encodes photos; a search index half made is left to end by
  /// itself (at the next language) on its thread of low priority.
  void stop() {
    std::erase_if(stopped_, [](const std::unique_ptr<Run>& run) {
      if (!run->done) return false;
      run->thread.join();
      return true;
    });
    if (!run_) return;
    bool photos_done;
    {
      std::lock_guard lock(run_->mu);
      run_->cancel = true;
      photos_done = run_->photos_done;
    }
    if (!photos_done) run_->thread.join();
    if (run_->thread.joinable()) {
      stopped_.push_back(std::move(run_));
    }
    run_.reset();
  }

 private:
  /// One refresh: its thread and what it shares with the serving thread.
  struct Run {
    std::thread thread;
    std::atomic<bool> cancel{false};
    std::mutex mu;  ///< held while the refresh changes its state or the site, and by stop()
    bool photos_done = false;       ///< under `mu`
    std::atomic<bool> done{false};  ///< the thread has finished (it can be joined at once)
  };

  /// Encodes the photos `state`'s pages show that were not in the cache (their pages are
  /// shown already, naming the files), then reloads the open pages.
  static void make_pending_photos(BuildState& state, PreviewSite& site,
                                  const std::atomic<bool>& cancel) {
    if (state.pending_photos.empty()) return;
    Diagnostics diags;
    size_t made = make_deferred_photos(state.pending_photos, state.options.site_dir,
                                       *state.photo_cache, state.jobs, diags, &cancel);
    if (made == state.pending_photos.size()) state.pending_photos.clear();
    if (diags.has_errors()) {
      std::ostringstream text;
      print_diagnostics(diags, state.options.site_dir, "text", text);
      site.show_errors(text.str(), default_language(state.options.site_dir));
    } else if (made > 0) {
      site.update_site({}, {});  // the pages are the same; their photos now load
    }
  }

  std::unique_ptr<Run> run_;                   ///< the refresh of the last state shown
  std::vector<std::unique_ptr<Run>> stopped_;  ///< refreshes stopped, still ending
};

/// Makes the requests for `state`'s search index files wait until the index is made again
/// (SearchRefresh): a search made once a page shows an edit finds the edit.
void hold_search_index(const BuildState& state, PreviewSite& site) {
  if (state.search_current) return;
  std::vector<std::string> paths;
  paths.reserve(state.search_files.size());
  for (const auto& [path, bytes] : state.search_files) paths.push_back(path);
  site.hold_index(std::move(paths));
}

/// What the last build left for the next edit.
struct Session {
  std::shared_ptr<BuildState> state;  ///< of the last good build; null: build it all
  SearchRefresh search;               ///< of `state`'s search index, while it runs
  /// The files the watcher saw change since `state` was built (site-relative).
  std::vector<std::string> changed;
  bool changes_known = true;  ///< false after the watcher lost events: stat every file
  /// The publish_at instant an update was last made for (an update that fails keeps the
  /// state whose page is due: it is not made again until a file changes).
  long long publish_done = std::numeric_limits<long long>::min();

  /// Takes `result`'s state as the base of the next update.
  void adopt(std::shared_ptr<BuildState> next) {
    state = std::move(next);
    changed.clear();
    changes_known = true;
  }
};

/// An update that would render more pages than this renders those open in a browser,
/// shows them, and then the others (a new story moves about 1,000 list pages at 10,000
/// stories).
constexpr size_t kPagesBeforeReload = 16;

/// Makes the files the update of `session.state` left (the pages no open tab shows, the
/// feeds and sitemap.xml), before the next update starts from it, and shows those that
/// changed; adds their number to `files` and `pages`. False when they have errors: those
/// are shown, and the next edit builds the whole site (the preview holds files of a
/// build that did not finish).
bool show_pending_files(Session& session, PreviewSite& site, size_t& files, size_t& pages,
                        std::ostream& err) {
  if (!session.state->pending) return true;
  Diagnostics diags;
  PendingMade made;
  try {
    made = make_pending_files(*session.state, diags);
  } catch (const std::exception& e) {
    diags.error("", {},
                std::string("internal error (a bug in Firefly, not in your site): ") + e.what());
  }
  files += made.files.size();
  pages += made.pages_rendered;
  bool any = diags.error_count() + diags.warning_count() > 0;
  std::string text = any ? report(diags, session.state->options, err) : "";
  if (diags.has_errors()) {
    show_failure(diags, text, session.state->options.site_dir, site, err);
    session.adopt(nullptr);
  }
  site.update_held(std::move(made.files));  // the requests held wait no more
  return !diags.has_errors();
}

/// After edits: builds again from the last good build, rendering only what its recorded
/// reads say changed, and shows the files that differ (see run_update): first those of
/// the pages open in a browser, then the others.
void update(Session& session, PreviewSite& site, std::ostream& err) {
  session.search.stop();
  Diagnostics diags;
  auto start = std::chrono::steady_clock::now();
  BuildResult result;
  session.state->options.first_pages = site.pages_open();
  try {
    result = run_update(*session.state, diags, session.changes_known ? &session.changed : nullptr);
  } catch (const std::exception& e) {
    diags.error("", {},
                std::string("internal error (a bug in Firefly, not in your site): ") + e.what());
    result.exit_code = 3;
  }
  std::string text = report(diags, session.state->options, err);
  if (result.exit_code != 0 || diags.has_errors()) {
    // The last good build stays the base of the next update: the files shown are its.
    show_failure(diags, text, session.state->options.site_dir, site, err);
    err.flush();
    session.search.start(session.state, site);
    return;
  }
  size_t files = result.output.size(), removed = result.removed.size();
  size_t pages = result.pages_rendered;
  // The pages left and the feeds and sitemap.xml follow: requests for them wait until
  // they are made.
  bool pending = bool(result.state->pending);
  if (pending) site.hold(pending_paths(*result.state));
  hold_search_index(*result.state, site);
  site.update_site(std::move(result.output), result.removed);
  double reloaded = seconds_since(start);
  session.adopt(std::move(result.state));
  if (!show_pending_files(session, site, files, pages, err)) {
    site.release_index();  // no index follows: the next edit builds the whole site
    err.flush();
    return;
  }
  char ms[64];
  std::snprintf(ms, sizeof ms, "%.0f ms", seconds_since(start) * 1000);
  std::string when = ms;
  if (pending) {
    std::snprintf(ms, sizeof ms, ", the reload sent after %.0f ms", reloaded * 1000);
    when += ms;
  }
  err << "updated " << plural(files, "file") << (removed ? ", removed " : "")
      << (removed ? plural(removed, "file") : "") << " (rendered " << plural(pages, "page") << ", "
      << plural(result.bodies_rendered, "Markdown body", "Markdown bodies") << ") in " << when
      << "\n";
  err.flush();
  session.search.start(session.state, site);
}

/// Builds the whole site in memory and shows it, or its errors, in the browser and
/// terminal; keeps what it built in `state` for the next edit.
void rebuild(const BuildOptions& build, Session& session, PreviewSite& site, std::ostream& err) {
  session.search.stop();
  session.adopt(nullptr);  // free the old build before making the new one
  Diagnostics diags;
  auto start = std::chrono::steady_clock::now();
  BuildResult result;
  // The files go to the preview deflated as the build makes them, not all at its end.
  BuildOptions staged = build;
  staged.keep_output = [&site](OutputFile&& f) { site.stage_file(std::move(f)); };
  site.begin_staging();
  try {
    result = run_build(staged, diags);
  } catch (const std::exception& e) {
    diags.error("", {},
                std::string("internal error (a bug in Firefly, not in your site): ") + e.what());
    result.exit_code = 3;
  }
  std::string text = report(diags, build, err);
  char when[32];
  std::snprintf(when, sizeof when, "%.2f", seconds_since(start));
  if (result.exit_code == 0 && !diags.has_errors()) {
    session.adopt(std::move(result.state));
    site.show_staged();
    session.search.start(session.state, site);  // the photos not yet in the cache
    err << "built " << plural(result.pages, "page") << " in " << when << " s\n";
  } else {
    site.drop_staged();
    site.release_index();  // the index shown stays that of the last good build
    show_failure(diags, text, build.site_dir, site, err);
  }
  err.flush();
}

/// "content/a.md" or "content/a.md and 3 more". Files that are gone are left out when
/// others remain: they are mostly an editor's or `sed -i`'s scratch copies.
std::string describe(std::vector<std::string> changed, const fs::path& site_dir) {
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  std::vector<std::string> present;
  std::error_code ec;
  for (const std::string& rel : changed) {
    if (fs::exists(fs::symlink_status(site_dir / rel, ec))) present.push_back(rel);
  }
  if (!present.empty()) changed = std::move(present);
  if (changed.empty()) return "files";
  std::string s = changed.front();
  if (changed.size() > 1) s += " and " + std::to_string(changed.size() - 1) + " more";
  return s;
}

/// Watches the git repository that holds the site, unless one is watched already: one
/// made while serve runs (`git init`, then a commit) dates the pages and versions the
/// datasets as it would have from the start. Called before an update reads the
/// repository, so that a commit made after that reading is seen.
void follow_repository(Watcher& watcher, const fs::path& site_dir) {
  if (watcher.watching_repository()) return;
  if (std::optional<RepositoryFolders> git = repository_folders(site_dir)) {
    watcher.watch_repository(git->git_dir, git->common_dir);
    return;
  }
  // `git init` seen before it wrote HEAD (a loaded machine): not a repository yet. Its
  // folder is watched as one, so that HEAD, the branches and the first commit are seen.
  std::error_code ec;
  if (fs::is_directory(fs::symlink_status(site_dir / ".git", ec))) {
    watcher.watch_repository(site_dir / ".git", site_dir / ".git");
  }
}

/// How long the watcher may wait before a page of the last good build is due to be
/// published (its publish_at comes; 0: it has come), at most an hour; -1 when no page
/// waits. serve then updates as for an edit, so that it still shows what a build would.
int ms_until_publish(const Session& session) {
  if (!session.state || !session.state->site) return -1;
  long long at = session.state->site->next_publish;
  if (at == std::numeric_limits<long long>::max() || at == session.publish_done) return -1;
  long long now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
  long long wait = at * 1000 - now_ms;
  return wait <= 0 ? 0 : static_cast<int>(std::min<long long>(wait, 3'600'000));
}

}  // namespace

std::string preview_url(const std::string& bind, int port) {
  std::string host = bind;
  if (host.empty() || host == "0.0.0.0" || host == "::") host = "localhost";
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(port) + "/";
}

int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  if (!fs::is_regular_file(options.site_dir / "site.yaml", ec)) {
    err << "firefly serve: " << (options.site_dir / "site.yaml").string()
        << " not found; pass the site folder with --site\n";
    return 2;
  }
  StopSignals signals;
  PreviewSite site(options.site_dir);
  PreviewServer server(site);
  std::string bind_error;
  if (!server.bind(options.bind, options.port, bind_error)) {
    err << "firefly serve: " << bind_error << "\n";
    return 2;
  }
  std::string url = preview_url(options.bind, server.port());

  BuildOptions build;
  build.site_dir = options.site_dir;
  build.write = false;
  build.quiet = true;
  build.drafts = options.drafts;
  build.jobs = options.jobs;
  build.base_url = url;  // permalinks, feeds and canonical links point at the preview
  build.keep_state = true;
  build.defer_search = true;      // an edit is shown first, the search index follows
  build.defer_site_files = true;  // and so do the feeds and sitemap.xml, before the next edit
  build.defer_pages_above = kPagesBeforeReload;  // the pages open in a browser come first
  build.defer_photos = true;                     // and so do new or changed photos
  build.cms_local_backend = true;                // /admin/ edits this folder through decap-server
  // Watching starts before the first build reads a file, so that every change after
  // that reading is seen.
  Watcher watcher(options.site_dir);
  // A commit, checkout or pull changes no file of the site but what pages show from git
  // (their "updated" dates, translations out of date, the datasets' history).
  follow_repository(watcher, options.site_dir);
  Session session;
  {
    ExitOnStop stop_at_once(signals, out);  // a first build at 100,000 pages takes minutes
    rebuild(build, session, site, err);
  }

  server.start();
  out << "serving " << fs::absolute(options.site_dir).lexically_normal().string() << " at " << url
      << " (Ctrl+C to stop)" << (options.drafts ? "; drafts and future pages are shown" : "")
      << std::endl;
  if (!watcher.ok()) {
    err << "firefly serve: " << watcher.error() << "; pages will not reload by themselves\n";
    signals.wait();
  }
  while (watcher.ok()) {
    std::vector<std::string> changed;
    WatchResult r = watcher.wait(ms_until_publish(session), signals.fd(), changed);
    if (r == WatchResult::kStopped || r == WatchResult::kFailed) break;
    if (r == WatchResult::kTimeout && ms_until_publish(session) == 0) {
      // No file changed, but a page's publish_at came: a build now would publish it.
      session.publish_done = session.state->site->next_publish;
      err << "changed: the time: a page's publish_at has come\n";
      update(session, site, err);
      continue;
    }
    if (r != WatchResult::kChanged) continue;
    // Debounce: rebuild once the files have been quiet for a moment.
    while ((r = watcher.wait(kDebounceMs, signals.fd(), changed)) == WatchResult::kChanged) {
    }
    if (r == WatchResult::kStopped || r == WatchResult::kFailed) break;
    err << "changed: " << visible_text(describe(changed, options.site_dir)) << "\n";
    session.changed.insert(session.changed.end(), changed.begin(), changed.end());
    if (watcher.take_overflow()) session.changes_known = false;
    follow_repository(watcher, options.site_dir);
    ExitOnStop stop_at_once(signals, out);
    if (session.state) {
      update(session, site, err);
    } else {
      rebuild(build, session, site, err);
    }
  }
  out << "stopped" << std::endl;
  server.stop();
  return 0;
}

}  // namespace firefly
