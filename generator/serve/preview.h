// What the preview server shows: the last good build held in memory, or the errors of a
// broken one, and a counter that tells open pages to reload.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/output.h"
#include "serve/packed_bytes.h"

namespace firefly {

/// A file of the site sent from disk as it is read, never held whole (a video of
/// static/ of 1.5 GB took 3 GB for each request); closed when the last copy goes.
struct OpenSiteFile {
  OpenSiteFile(int f, std::uint64_t s) : fd(f), size(s) {}
  OpenSiteFile(const OpenSiteFile&) = delete;
  OpenSiteFile& operator=(const OpenSiteFile&) = delete;
  ~OpenSiteFile();
  int fd;
  std::uint64_t size;
};

/// One answer of the preview server.
struct PreviewReply {
  int status = 200;
  std::string content_type;
  std::string body;
  std::string location;                           ///< where a redirect (301) points, else ""
  std::shared_ptr<const OpenSiteFile> file = {};  ///< when set, the body is this file's bytes
};

/// The site being previewed. Thread-safe: the rebuild thread updates it while request
/// threads read it; readers always see one whole build.
class PreviewSite {
  struct ShownFile;  // below

 public:
  /// Files copied from the site (static/, a theme's files) are read from disk at request
  /// time, and only when they are still regular files inside `site_dir`.
  explicit PreviewSite(std::filesystem::path site_dir) : site_dir_(std::move(site_dir)) {}
  /// Shows a newly built site, clears the errors, and wakes the reload streams.
  void show_site(OutputSet output);

  /// Starts taking the files of a whole new build one by one (stage_file), to be shown
  /// together by show_staged; the site shown stays as it is until then.
  void begin_staging();
  /// Keeps `file` of the build being staged, deflated at once; any thread may call it. A
  /// large build's files are never all held as written: at 10,000 stories serve's first
  /// build peaked at 947 MB with them, 3.5 times its files' deflated size.
  void stage_file(OutputFile file);
  /// Shows the files staged since begin_staging as the new site, as show_site does (does
  /// nothing when none are staged).
  void show_staged();
  /// Forgets the files staged (the build failed).
  void drop_staged();
  /// Replaces (or adds) `files` in the site shown, takes the paths `removed` out of it,
  /// clears the errors, and wakes the reload streams; the other files stay as they were.
  /// The files are shown as they are and deflated after the streams woke (an open page
  /// need not wait for 1,000 list pages to be packed).
  void update_site(OutputSet files, const std::vector<std::string>& removed = {});
  /// Files made ready to be shown (deflated against the dictionary of their kind), by
  /// pack_files, apart from the update that shows them.
  class PackedFiles {
    friend class PreviewSite;
    std::vector<std::shared_ptr<ShownFile>> files_;
  };
  /// `files` deflated as update_files_quietly would, holding no lock an update takes: the
  /// search refresh packs its thousands of files while the next edit's update may run.
  PackedFiles pack_files(OutputSet files);
  /// Like update_site, but leaves the errors shown and wakes no reload stream: for files
  /// that no open page shows as it loads, such as the search index.
  void update_files_quietly(OutputSet files, const std::vector<std::string>& removed);
  /// update_files_quietly of files packed ahead by pack_files.
  void update_files_quietly(PackedFiles files, const std::vector<std::string>& removed);
  /// Makes requests for the files at `paths` wait until update_held() (or stop()): for
  /// files an update makes after its pages are shown, which must never be answered
  /// stale or half made meanwhile. Replaces the paths held before.
  void hold(std::vector<std::string> paths);
  /// Shows `files` as update_files_quietly does (nothing removed), and answers the
  /// requests held by hold() with them.
  void update_held(OutputSet files);
  /// Makes requests for the files at `paths` wait until release_index() (or stop()): the
  /// search index while serve remakes it after the pages it indexes are shown, so that a
  /// search made after a page shows an edit finds the edit. Apart from hold(): the pages an
  /// update leaves are made before the index is. Replaces the paths held before.
  void hold_index(std::vector<std::string> paths);
  /// Answers the requests held by hold_index() with the files shown now.
  void release_index();
  /// Notes that a page at request target `target` ("/en/stories/") is open in a browser,
  /// listening for reloads, until page_closed(target).
  void page_opened(std::string_view target);
  void page_closed(std::string_view target);
  /// The output paths ("en/stories/index.html") of the pages open in a browser and of the
  /// last page asked for: an update renders them first. Sorted.
  std::vector<std::string> pages_open() const;
  /// Shows `errors` for every HTML request (other files still come from the last good
  /// build), in a page worded in `lang` (the site's default language) and English, and
  /// wakes the reload streams.
  void show_errors(std::string errors, std::string lang = "");
  /// The answer for a raw request target such as "/en/stories/?page=2".
  PreviewReply get(std::string_view target) const;
  /// How many times the site was updated (0 before the first build).
  std::uint64_t generation() const;
  /// Waits until generation() > `since`, stop() or `timeout`; returns generation().
  std::uint64_t wait_for_change(std::uint64_t since, std::chrono::milliseconds timeout) const;
  /// Wakes every waiter and makes later waits return at once (server shutdown).
  void stop();
  /// True once stop() was called.
  bool stopped() const;
  /// True when the file shown at `path` is kept deflated (for tests).
  bool packed(const std::string& path) const;

 private:
  /// A file as the preview keeps it: text is deflated (pack_bytes), which keeps a large
  /// site's preview within a small multiple of its build's memory.
  struct ShownFile {
    OutputFile file;  ///< its `bytes` deflated when `packed`
    size_t size = 0;  ///< of its bytes unpacked
    bool packed = false;
    std::shared_ptr<const std::string> dictionary;  ///< deflated against it, when not null
  };
  /// path -> file; files are shared between snapshots, so an update copies no bytes.
  using Files = std::unordered_map<std::string, std::shared_ptr<const ShownFile>>;
  /// One build's files: those of a base shared between snapshots, with the files that
  /// changed since it (null: removed), so that an update copies the few files it changes,
  /// not the whole site's map. Once the changes are many, they are folded into a new base.
  struct Snapshot {
    std::shared_ptr<const Files> base = std::make_shared<Files>();
    Files changes;
    /// The file at `path`, or null.
    const ShownFile* find(const std::string& path) const;
  };
  /// The dictionary to deflate `f` against (PackDictionaries::choose). Thread-safe.
  std::shared_ptr<const std::string> dictionary_for(const OutputFile& f);
  /// `s` deflated against the dictionary of its kind when that saves a tenth; as it is
  /// otherwise.
  void pack_file(ShownFile& s);
  /// `file` as shown, deflated against the dictionary of its kind when `pack`.
  std::shared_ptr<ShownFile> shown_file(OutputFile file, bool pack);
  /// `files` as shown, deflated when `pack` (on up to one thread a core).
  std::vector<std::shared_ptr<ShownFile>> shown_files(OutputSet files, bool pack);
  /// Replaces the files shown at `paths` that could be deflated by their deflated copies,
  /// without waking the reload streams (the bytes served stay the same).
  void pack_shown(const std::vector<std::string>& paths);
  void publish(std::shared_ptr<const Snapshot> snapshot);
  /// The snapshot shown with `files` put in and `removed` taken out.
  std::shared_ptr<Snapshot> changed_copy(std::vector<std::shared_ptr<ShownFile>> files,
                                         const std::vector<std::string>& removed);
  std::mutex update_mu_;  ///< held while an update copies, changes and publishes a snapshot
  std::mutex dictionaries_mu_;
  PackDictionaries dictionaries_;  ///< of the files packed since the last whole build
  std::mutex stage_mu_;
  std::shared_ptr<Files> staged_;  ///< the files of a build being staged
  std::filesystem::path site_dir_;
  mutable std::mutex mu_;
  mutable std::condition_variable changed_;
  std::shared_ptr<const Snapshot> site_ = std::make_shared<Snapshot>();
  std::shared_ptr<const std::string> errors_;  ///< null while the site builds
  std::string errors_lang_;                    ///< the language of the error page
  std::uint64_t generation_ = 0;
  bool stopped_ = false;
  std::set<std::string, std::less<>> held_;       ///< paths whose requests wait (hold)
  std::unordered_set<std::string> index_held_;    ///< paths whose requests wait (hold_index)
  std::map<std::string, int, std::less<>> open_;  ///< output path -> reload streams on it
  mutable std::string last_page_;                 ///< the output path last asked for
  mutable std::condition_variable released_;      ///< held_ emptied, or stopped_
};

}  // namespace firefly
