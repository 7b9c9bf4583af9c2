// content/ -> SourcePages: every Markdown file with its parsed front matter.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "config/site_config.h"
#include "core/date.h"
#include "core/error.h"
#include "core/value.h"

namespace firefly {

/// One Markdown file of content/, read and split but not yet rendered.
struct SourcePage {
  std::string path;                 ///< site-relative: "content/stories/nantou-roses.en.md"
  std::string section;              ///< "stories" ("" for top-level files)
  std::string slug;                 ///< "nantou-roses" ("" for _index files)
  std::string lang;                 ///< language code from the suffix, or the default language
  bool is_index = false;            ///< _index file: the home or a section page
  Value front;                      ///< front matter (a map, possibly empty)
  std::string body;                 ///< Markdown
  int body_line = 1;                ///< the line the body starts on
  std::optional<Date> git_updated;  ///< date of the last commit that changed the file
  std::string git_commit;           ///< id of that commit ("" outside git)
  /// The commit named by a `translated_from:` that is not a date, when git knows it.
  std::optional<Date> translated_from_commit_date;
};

/// Reads every `.md` file under `<site_dir>/content` on `jobs` threads.
/// Files it cannot use are reported in `diags` and left out.
std::vector<SourcePage> load_content(const std::filesystem::path& site_dir,
                                     const SiteConfig& config, int jobs, Diagnostics& diags);

/// In a site's own git repository, sets each page's `git_updated` and `git_commit` from
/// the last commit that changed its file (so `updated` needs no hand editing), and
/// resolves a `translated_from:` commit to its date.
void add_git_dates(const std::filesystem::path& site_dir, std::vector<SourcePage>& pages,
                   Diagnostics& diags);

/// Reads one content file (its text already in memory); false when it is unusable.
bool load_source_page(const std::string& rel_path, std::string_view text, const SiteConfig& config,
                      SourcePage& out, Diagnostics& diags);

}  // namespace firefly
