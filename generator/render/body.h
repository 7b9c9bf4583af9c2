// Page bodies: Markdown rendered with links rewritten for the reader's language
// and checked, embeds filled in, summaries and reading time computed.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/shared_text.h"
#include "load/markdown.h"
#include "model/site.h"
#include "render/data_manifest.h"
#include "render/photos.h"

namespace firefly {

class DataViews;

/// A link to a chart's file (/data/<dataset>/charts/...), whose files are known only once
/// every chart is drawn: checked then (check_chart_links).
struct ChartLink {
  std::string path;  ///< the source file, for the error
  Pos pos;
  std::string url;     ///< as written
  std::string target;  ///< the site path it resolves to
  bool is_image = false;
};

/// The rendered body of one page.
struct Body {
  SharedText html;
  /// Shared, like html: a body taken over from the build before is copied without its text.
  SharedText summary;
  int reading_minutes = 0;
  /// The files of the charts its ```chart and ```indicator blocks draw (published with
  /// the open data).
  std::vector<DataFile> chart_files;
  /// Its links to chart files, accepted while rendering and checked after (not on fallbacks).
  std::vector<ChartLink> chart_links;
};

/// One link a body resolved, and what it became.
struct LinkRead {
  std::string url;
  Pos pos;
  bool is_image = false;
  std::string result;
  /// Every address it was looked up at among the pages, in order (none for an anchor,
  /// another site, a link not allowed): "/stories/a" and "/stories/a/", then the same in
  /// each language's folder ("/en/stories/a/") when no page was there, and the address of
  /// the page whose file it names. Its result changes only with what the graph has at
  /// these addresses (model/site_patch_match.h changed_addresses).
  std::vector<std::string> looked_up;
};

/// What rendering a body read besides its page and source, for reusing it after an edit:
/// the links it resolved (each checked again when what links resolve against changed),
/// whether it embeds data or shows photos, the problems its links had and the others.
struct BodyReads {
  std::vector<LinkRead> links;
  bool embeds = false;
  /// It writes words of the theme (a footnote's back link): taken again only while the
  /// theme is the same, as a body with embeds while the data is.
  bool theme_words = false;
  bool photos = false;
  std::vector<Diagnostic> link_problems;  ///< from resolve_link: broken or unsafe links
  std::vector<Diagnostic> other;
};

/// Names each footnote's link back to its reference in the language of `strings` (the
/// theme's strings of the language the body is written in: t.footnote_back), where the
/// Markdown renderer wrote "Back to content" in English on every page. True when the body
/// has such a link (its words then depend on the theme).
bool name_footnote_back_links(std::string& html, const Value& strings);

/// Renders the body of one page ({} for pages without a source). With `photos`, its
/// photos become <picture> elements offering their published sizes. With `reads`, records
/// what it read there. With `parsed` (the page's source, parsed), it is not parsed again.
Body render_body(const Site& site, const Page& page, const DataViews& data, Diagnostics& diags,
                 PhotoSet* photos = nullptr, BodyReads* reads = nullptr,
                 MarkdownDocument* parsed = nullptr);

/// The indices of `pages` (into site.pages) that have a body, grouped by the source they
/// show: a page and its fallbacks in other languages form one group.
std::vector<std::vector<size_t>> pages_by_source(const Site& site,
                                                 const std::vector<size_t>& pages);

/// Calls `render` for each page of `group` (from pages_by_source) with its source parsed
/// once for the whole group (nullptr for a group of one: render_body parses it).
void render_source_group(const Site& site, const std::vector<size_t>& group,
                         const std::function<void(size_t, MarkdownDocument*)>& render);

/// Called once a source's every page has its body (from the thread that rendered them).
using SourceDone = std::function<void(const SourcePage&)>;

/// Renders the bodies of all pages that have a source, on `jobs` threads; the result is
/// indexed like `site.pages`. Broken internal links and missing images are errors. With
/// `done`, calls it for each source as soon as its pages' bodies are rendered (to free its
/// Markdown while the others render).
std::vector<Body> render_bodies(const Site& site, const DataViews& data, int jobs,
                                Diagnostics& diags, PhotoSet* photos = nullptr,
                                const SourceDone& done = nullptr);

/// Rewrites one link of `page` written at `pos`; reports it in `diags` when it points to
/// nothing the build publishes. A link into a dataset's charts/ folder is left for
/// check_chart_links (the chart files are drawn after the bodies). `looked_up`, when
/// given, gets every address a page was looked up at (LinkRead::looked_up).
std::string resolve_link(const Site& site, const Page& page, const std::string& url, Pos pos,
                         bool is_image, Diagnostics& diags,
                         std::vector<std::string>* looked_up = nullptr);

/// The fingerprint of everything of `site` resolve_link reads besides the page itself:
/// its pages' URLs, keys and languages, its files, datasets, withheld paths and languages.
/// While it stays the same, every link resolves as it did, with the same problems.
std::uint64_t link_targets_fingerprint(const Site& site);

/// True when `target` (a site path) is in the charts/ folder of one of the site's datasets.
bool is_chart_file_path(const Site& site, std::string_view target);

/// Reports each link of `bodies` to a chart file that is not among `published` (the site
/// paths of every chart file of the build), as resolve_link reports a broken link.
void check_chart_links(const std::vector<Body>& bodies, const std::set<std::string>& published,
                       Diagnostics& diags);

}  // namespace firefly
