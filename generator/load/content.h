// content/ -> SourcePages: every Markdown file with its parsed front matter.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/site_config.h"
#include "core/date.h"
#include "core/error.h"
#include "core/shared_text.h"
#include "core/value.h"

namespace firefly {

class MarkdownDocument;

/// One Markdown file of content/, read and split but not yet rendered.
struct SourcePage {
  std::string path;                 ///< site-relative: "content/stories/nantou-roses.en.md"
  std::string section;              ///< "stories" ("" for top-level files)
  std::string slug;                 ///< "nantou-roses" ("" for _index files)
  std::string lang;                 ///< language code from the suffix, or the default language
  bool is_index = false;            ///< _index file: the home or a section page
  Value front;                      ///< front matter (a map, possibly empty)
  SharedText body;                  ///< Markdown
  int body_line = 1;                ///< the line the body starts on
  std::optional<Date> git_updated;  ///< date of the last commit that changed the file
  std::string git_commit;           ///< id of that commit ("" outside git)
  /// The date of the last commit that changed the file after the commit that created it
  /// (unset when only one commit touched it): what a page shows as "updated".
  std::optional<Date> git_revised;
  /// The commit named by a `translated_from:` that is not a date, when git knows it.
  std::optional<Date> translated_from_commit_date;
  std::uint64_t fingerprint = 0;  ///< of its path and its file's bytes
  /// A translation with neither title nor text yet (the CMS writes one for every language
  /// of a new page): not published, the same as a missing translation.
  bool placeholder = false;
  /// Parts of the file that could not be read (their errors are reported and the build
  /// fails). The page keeps its place and the address of its file, so that links to it
  /// resolve and the rest of it is still checked. `front_incomplete`: its front matter is
  /// not YAML, is never closed or was not read, and `front` holds only the entries that
  /// could be read, so no field is reported missing. `body_unread`: `body` is empty.
  bool front_incomplete = false;
  bool body_unread = false;
  /// Its body as the translation checks parsed it, rendered ahead for the render stage to
  /// take instead of parsing it again (only in a build that keeps no state: then nothing
  /// else reads the page at once), with the site's `unsafe_html`. Its `body` is then empty.
  mutable std::shared_ptr<MarkdownDocument> body_ahead;
  /// The YAML of the front matter as written, and parse_yaml's line_offset for it (the line
  /// before its first): where a character of a field's text is (yaml_scalar_char_pos).
  SharedText front_yaml;
  int front_yaml_line = 0;
};

/// The pages of a load. A page is never changed once loaded, so the next load (in
/// `serve`) takes an unchanged file's page over by pointer, not by copy.
using SourcePages = std::vector<std::shared_ptr<const SourcePage>>;

/// How a file was on disk when it was read. Two equal stamps mean the same bytes, unless
/// the file was written again within the clock tick of its last write; a stamp taken that
/// soon after a write is kept as `racy` and never equals another.
struct FileStamp {
  std::uint64_t size = 0, inode = 0, mtime_ns = 0, ctime_ns = 0;
  bool racy = true;
  bool operator==(const FileStamp& o) const {
    return !racy && !o.racy && size == o.size && inode == o.inode && mtime_ns == o.mtime_ns &&
           ctime_ns == o.ctime_ns;
  }
};

/// What one load_content read, so that the next one reads again only the files that
/// changed (`serve`). After an update that added or removed no file, the table of stamps
/// is the one before (shared, not copied) with the entries of the files read again beside
/// it; it is made anew once those pass an eighth of it, or when files come or go.
struct ContentStamps {
  /// The fingerprint of what reading a file depends on besides it (the configuration).
  std::uint64_t config = 0;
  /// A page loaded: its stamp and its index among the pages.
  struct Entry {
    FileStamp stamp;
    size_t page = 0;
  };
  /// Site-relative path of each page loaded -> its entry.
  using Files = std::unordered_map<std::string, Entry>;
  /// Every page's entry as some load made them; `changed` has the paths' entries that
  /// differ since (a subset of `base`'s paths).
  std::shared_ptr<const Files> base;
  Files changed;
  /// The problems reading each file gave, for the files that gave some.
  std::unordered_map<std::string, std::vector<Diagnostic>> reported;
  /// True when the entries name every `.md` file of content/, none through a symbolic
  /// link, and content/ had nothing that could not be read: then a list of the files
  /// changed since is enough to know the files of the next load without listing the folder.
  bool whole = false;
  /// The entry of `path`, or null.
  const Entry* find(const std::string& path) const;
  size_t size() const { return base ? base->size() : 0; }
};

/// The pages of an earlier load_content and their stamps.
struct LoadedContent {
  const SourcePages& pages;
  const ContentStamps& stamps;
  /// The site-relative paths ("content/a.md", "content") of every file or folder that was
  /// created, written, moved or deleted since `pages` were read, as a file watcher saw
  /// them; null when not known (then every file's stamp is read again).
  const std::vector<std::string>* changed = nullptr;
};

/// Reads every `.md` file under `<site_dir>/content` on `jobs` threads.
/// Files it cannot use are reported in `diags` and left out. With `stamps`, records how
/// each file was when read; with `previous` too, takes a file whose stamp is the same as
/// then from `previous.pages` (the same page, shared, with the warnings it gave) instead of
/// reading it again. With `previous.changed` too, neither lists content/ nor reads the stamp
/// of a file not named there (unless a folder changed, or `previous` was not `whole`).
SourcePages load_content(const std::filesystem::path& site_dir, const SiteConfig& config, int jobs,
                         Diagnostics& diags, ContentStamps* stamps = nullptr,
                         const LoadedContent* previous = nullptr);

/// Sets the path, section, slug and language of `out` from `rel_path`; false (with an
/// error) when the name cannot be a page's.
bool read_page_name(const std::string& rel_path, const SiteConfig& config, SourcePage& out,
                    Diagnostics& diags);

namespace detail {
/// How `file` is on disk, read at `read_at`.
FileStamp stamp_of(const std::filesystem::path& file,
                   std::chrono::system_clock::time_point read_at);
/// The fingerprint of what reading a content file depends on in `config`.
std::uint64_t reading_fingerprint(const SiteConfig& config);
/// Makes `page` a page whose file could not be read: it keeps its address, with no fields
/// and no text.
void mark_unread(SourcePage& page);
/// Reads the content file `full` (site-relative `rel`) into `page`, with what it reports
/// in `reported`; false when the file has no place in the site. A file over the size
/// limit, or that cannot be read, keeps its page's address (mark_unread).
bool read_content_file(const std::string& rel, const std::filesystem::path& full,
                       const SiteConfig& config, SourcePage& page, Diagnostics& reported);
}  // namespace detail

/// In a site's own git repository, sets each page's `git_updated` and `git_commit` from
/// the last commit that changed its file (so `updated` needs no hand editing), and
/// resolves a `translated_from:` commit to its date (outside git, clears them). A page
/// whose dates change is replaced by a changed copy: the pages may be shared.
/// With `dated`, pages this function dated when the repository was at the same commit (and
/// as shallow): a page that is one of them keeps its dates, one read again from the same
/// file takes theirs, and only the files none of them has are looked for in the history.
void add_git_dates(const std::filesystem::path& site_dir, const TimeZone& zone, SourcePages& pages,
                   Diagnostics& diags, const SourcePages* dated = nullptr);

/// Reads one content file (its text already in memory); false when it has no place in the
/// site (a file or folder name that cannot be an address, an unknown language). A file
/// with other errors is kept with what could be read (see SourcePage::front_incomplete).
bool load_source_page(const std::string& rel_path, std::string_view text, const SiteConfig& config,
                      SourcePage& out, Diagnostics& diags);

}  // namespace firefly
