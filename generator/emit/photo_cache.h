// The photo cache: encoded photos kept between builds in the site's .firefly-cache/photos/,
// one file per source hash and parameters, written atomically (temporary file, then
// rename) so builds running at once never see half a file, and pruned of what no build
// used lately. Beside them, an index remembers each original's hash and header by size,
// modification and change times and inode, the cache keys worked out from each hash, and
// what each of the entries' folders held (names and inodes) when it last changed (by its
// time and its own inode, which a copy of the cache does not keep): a
// rebuild reads no photo, works out no key and lists no folder that did not change since
// (one small file read and a stat per folder).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "render/photos.h"

namespace firefly {

/// A file of the cache: where it is and which file it is (for the output writer, which
/// keeps published links to it).
struct CachedFile {
  std::string path;
  unsigned long long device = 0, inode = 0;  ///< 0: not known
};

/// The entries of the photo set a build recorded (PhotoCache::recorded_set), checked to
/// be in the cache; their paths are made only when asked for.
class RecordedSet {
 public:
  size_t size() const { return count_; }
  /// A digest of every entry's path and inode, in order (PhotoCache::entries_digest).
  std::uint64_t digest() const { return digest_; }
  /// The entries, in the order they were recorded.
  std::vector<CachedFile> files() const;

 private:
  friend class PhotoCache;
  std::string dir_text_;              ///< the cache folder and a slash
  std::shared_ptr<const void> text_;  ///< holds `entries_`
  std::string_view entries_;          ///< "name:inode,...", every item checked
  std::array<unsigned long long, 256> devices_{};
  size_t count_ = 0;
  std::uint64_t digest_ = 0;
};

/// How an original looked when it was about to be read: size, modification and change
/// times (nanoseconds), inode, and when it was looked at (the clock, nanoseconds).
struct SourceStamp {
  long long size = 0, mtime = 0, ctime = 0, inode = 0;
  long long seen = 0;
  bool same_file(const SourceStamp& o) const {
    return size == o.size && mtime == o.mtime && ctime == o.ctime && inode == o.inode;
  }
};

/// The cache of encoded photos of one site.
class PhotoCache {
 public:
  /// The cache in `dir` (created when first written). A file or folder changed less than
  /// `quiet_ms` before this build looked at it is not trusted by the index: a change
  /// within the same tick of the file system's clock would keep its times.
  explicit PhotoCache(std::filesystem::path dir, long long quiet_ms = 2000);

  /// The cache folder of the site in `site_dir`.
  static std::filesystem::path folder_of(const std::filesystem::path& site_dir);

  /// The cached file for `key` (hexadecimal) with extension `ext`, when present (marked as
  /// used). Looked up in what the index says its folder holds, when the folder's
  /// modification time is still the one the index recorded, else in a new listing of it.
  /// At most every ten minutes a build also renews the modification time of the entries
  /// it uses, by which other builds keep them.
  std::optional<CachedFile> find(const std::string& key, std::string_view ext);
  /// The entry for `key` with extension `ext` as this build knows it (found or stored
  /// before): its path, and which file it is when known.
  CachedFile entry(const std::string& key, std::string_view ext);
  /// Stores `bytes` under `key` atomically; the file, or nullopt when it cannot be written.
  std::optional<CachedFile> store(const std::string& key, std::string_view ext,
                                  const std::string& bytes);

  /// The remembered header and hash of the file at `full` (absolute and normalised) when
  /// its size, modification and change times and inode are unchanged. `stamp` gets how the
  /// file looks now (size 0, inode 0: it cannot be read), to hand to remember().
  std::optional<PhotoSource> known(const std::string& full, SourceStamp* stamp = nullptr);
  /// Remembers the header and hash of the file at `full` (absolute and normalised), read
  /// after known() gave `before`. Not remembered (the next build reads it again) when the
  /// file changed since `before`, or when its times were within the quiet period of
  /// `before.seen`: then a change right after it was read could keep every time as it was
  /// (as git treats "racily clean" files).
  void remember(const std::string& full, const SourceStamp& before, const PhotoSource& source);

  /// The cache keys remembered for `prefix` (a recipe and a source's hash) as a list
  /// "parameters=key,parameters=key", "" when none (marked as used by this build; the
  /// index keeps only the used ones). Keys depend on nothing but the prefix and the
  /// parameters. Kept as one string: a warm rebuild reads 14 a photo.
  std::string keys(const std::string& prefix);
  /// Remembers the keys worked out for `prefix`, a list as keys() gives; not kept when the
  /// prefix or list holds a tab or line break.
  void remember_keys(const std::string& prefix, std::string list);

  /// The entries the last build that published the same photo set found for it, in the
  /// order it recorded them (record_set), marked as used; nullopt when `digest` is not
  /// that set's, when they are not `count`, or when any folder holding them changed since the index
  /// was written (or this build renews the entries' times). A rebuild of the same photos then looks
  /// up no key and no entry by name, and reads no folder's list of entries.
  std::shared_ptr<const RecordedSet> recorded_set(std::uint64_t digest, size_t count);
  /// The digest of `entries` (as record_set takes them) in this cache: what
  /// RecordedSet::digest gives for them.
  std::uint64_t entries_digest(std::string_view entries) const;
  /// Records the entries (names "key.ext" and inodes, in publishing order) of the photo
  /// set with `digest`, for recorded_set in the next build (nothing for an empty set, or
  /// when an entry is not "name:inode"), with how many they are, their digest and their
  /// folders: a rebuild of the set reads none of them.
  void record_set(std::uint64_t digest, std::string entries);

  /// Removes cached files this build did not use that are older than `grace_seconds` (a
  /// build running at the same time may still be copying them), looking for them when
  /// this build stored files or the last look is that old; then writes the index.
  void finish(long long grace_seconds = 3600);

  size_t hits() const { return hits_; }
  size_t stores() const { return stores_; }

 private:
  struct Stamp {
    SourceStamp file;
    PhotoSource source;
  };
  struct Keys {
    std::string list;
    bool used = false;  ///< by this build
  };
  struct File {
    unsigned long long inode = 0;
    bool used = false;  ///< by this build
  };
  /// One of the 256 folders entries are kept in (by the first two digits of their key).
  struct Folder {
    std::mutex mu;
    bool checked = false;           ///< looked at by this build
    bool relisted = false;          ///< listed by this build (not as the index says)
    bool parsed = true;             ///< `files` holds `listed` (read when first needed)
    std::string_view listed;        ///< the index's list of its entries, in index_text_
    long long mtime = -1;           ///< when `files` was listed (-1: not known, list again)
    unsigned long long device = 0;  ///< of the folder, as this build found it
    unsigned long long inode = 0;   ///< the folder's own, when `files` was listed
    std::unordered_map<std::string, File> files;
  };
  std::filesystem::path dir_;
  std::string dir_text_;  ///< dir_ and a slash, for the entries' paths
  std::mutex mu_;         ///< guards the originals' index and the index's loading
  long long quiet_ns_;
  /// Originals remembered by this build: absolute path -> stamp (guarded by mu_).
  std::map<std::string, Stamp> index_;
  /// An original's line of the index as read (in index_file_), its first cell the path.
  struct StampLine {
    std::string_view path, line;
    bool used = false;  ///< found unchanged by this build: written back
  };
  /// The originals' lines, sorted by path, read only when known() finds one (guarded by
  /// mu_). Lines of originals no build used are dropped when the index is written.
  std::vector<StampLine> stamp_lines_;
  std::map<std::string, Keys> keys_;  ///< prefix -> keys (guarded by mu_)
  /// The index's lines of keys, in index_file_, not yet read into keys_ (guarded by mu_).
  std::vector<std::string_view> keys_lines_;
  /// The index as read (the folders' lists and the set's entries point in it).
  std::shared_ptr<const char[]> index_buffer_;
  std::string_view index_file_;
  /// The photo set recorded (its digest, and its entries "name:inode,..."), whether this
  /// build used it, recorded it, or published it as recorded (recorded_set).
  std::uint64_t set_digest_ = 0;
  std::string_view set_entries_;  ///< in index_file_ or set_text_
  /// What the index records beside the set's entries, so that a rebuild of the set
  /// need not read them: how many, a digest of their text (entries_hash), and the folders
  /// holding them (a bit each). Made by record_set, which checks every entry.
  size_t set_count_ = 0;
  std::uint64_t set_hash_ = 0;
  std::array<std::uint64_t, 4> set_folders_{};
  std::shared_ptr<const std::string> set_text_;  ///< the set recorded by this build
  bool set_used_ = false, set_recorded_ = false, set_reused_ = false;
  std::once_flag index_once_;
  std::atomic<bool> index_changed_{false};
  std::array<Folder, 256> folders_;
  std::atomic<size_t> hits_{0}, stores_{0}, temp_counter_{0};
  std::once_flag renew_once_;
  bool renew_ = false;  ///< whether this build marks the entries it uses as used again

  /// Where the entry named `name` (key and extension) is kept.
  std::string path_of(const std::string& name) const;
  void load_index();
  void parse_index(std::string_view text);
  /// Reads an original's line of the index into `s`; false when it is damaged.
  static bool read_stamp(std::string_view line, Stamp& s);
  /// Whether a line of an original is unused by this build (under mu_).
  bool unused_stamps() const;
  /// The index as text (under mu_).
  std::string index_text();
  /// Reads the index's lines of keys into keys_ when not done yet (under mu_).
  void parse_keys();
  /// The folder of `key`, looked at (listed again when it changed); locked by `lock`.
  Folder* folder_of_key(const std::string& key, std::unique_lock<std::mutex>& lock);
  /// Looks at the folder's time and inode; lists it again when they changed. False when
  /// it was listed again (or is gone).
  bool check(Folder& folder, const std::string& prefix);
  /// Reads the folder's list from the index when not done yet; false when it is damaged.
  bool parse_listed(Folder& folder);
  /// Lists the folder `prefix` (its time read before).
  void list(Folder& folder, const std::string& prefix, long long mtime, long long now);
  /// Whether this build renews the times of the entries it uses.
  bool renewing();
  /// Marks the entries of the photo set recorded as used (before pruning).
  void mark_set_used();
  /// Reads the summary of a set's entries (set_count_, set_hash_, set_folders_) from
  /// `entries`; false when an entry is not "name:inode" in a folder.
  bool summarize_set(std::string_view entries);
};

}  // namespace firefly
