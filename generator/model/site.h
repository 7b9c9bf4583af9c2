// The site graph: every page of every language with its URL, translations,
// list memberships, taxonomy terms and references, validated.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/site_config.h"
#include "core/date.h"
#include "core/error.h"
#include "load/content.h"
#include "model/image.h"
#include "model/indicators.h"

namespace firefly {

/// What a page is; decides its layout.
enum class PageKind {
  kHome,
  kSection,
  kPage,
  kTaxonomy,
  kTerm,
  kData,
  kDataset,
  kScorecard,  ///< a plan's indicators against their targets
  kIndicator,  ///< one indicator of a plan
  kSearch,
  kSitemap,
  kNotFound,
  kRedirect
};

/// The layout name of a kind ("home", "section", ...).
std::string_view kind_name(PageKind kind);

/// One output page in one reader language.
struct Page {
  PageKind kind = PageKind::kPage;
  std::string lang;                    ///< the reader's language code
  std::string content_lang;            ///< the language the content is written in
  const SourcePage* source = nullptr;  ///< null for generated pages
  std::string key;                     ///< same for all translations of a page ("stories/roses")
  std::string section;                 ///< "stories", "" for top-level pages
  std::string title;
  /// The language code the title is in when it is neither the reader's nor content_lang
  /// (a generated page named only in another language); "" otherwise. A fallback page
  /// with a title of its own in the reader's language (a list page titled by its
  /// collection's `title`) has the reader's code.
  std::string title_lang;
  std::string url;       ///< "/en/stories/roses/"
  std::string out_path;  ///< "en/stories/roses/index.html"
  std::optional<Date> date, updated;
  int weight = 0;
  bool draft = false;
  std::optional<Date> publish_at;  ///< when a page shown before its publish_at goes public
  bool fallback = false;
  std::string summary, description, layout;
  std::vector<std::pair<std::string, std::vector<std::string>>> terms;  ///< taxonomy -> values
  std::vector<std::pair<std::string, std::string>> refs;  ///< field -> key of the page
  std::vector<Image> images;  ///< every image-typed front-matter value, checked
  std::map<std::string, std::vector<const Page*>> referenced_by;  ///< collection -> pages
  std::vector<const Page*> list;                                  ///< items shown on a list page
  int page_number = 1, page_count = 1;
  std::string base_url;                              ///< first page's URL of a paginated list
  std::string taxonomy, term;                        ///< for taxonomy and term pages
  std::string dataset;                               ///< for dataset, scorecard and indicator pages
  std::string indicator;                             ///< for indicator pages: the indicator's id
  std::string redirect_to;                           ///< for alias redirects
  std::vector<std::pair<std::string, Pos>> aliases;  ///< old paths that redirect here
  std::string alias_source;  ///< for redirects: the file that declared the alias
  /// For a translation whose original changed after it: the original page.
  const Page* stale_original = nullptr;
  Pos alias_pos;  ///< for redirects: where the alias was written

  /// The language code the title is written in: title_lang, else content_lang (the
  /// reader's, unless the page is shown untranslated).
  const std::string& title_language() const {
    return !title_lang.empty() ? title_lang : fallback ? content_lang : lang;
  }
};

/// Every page of the site and the indexes over them.
struct Site {
  const SiteConfig* config = nullptr;
  /// Shared with the graph of the build before or after it where a page is the same
  /// (model/site_reuse.h).
  std::vector<std::shared_ptr<Page>> pages;
  /// key -> language -> the page (including fallback pages).
  std::map<std::string, std::map<std::string, Page*>> groups;
  /// Output URL -> page.
  std::map<std::string, Page*> by_url;
  /// Site paths of files that are not pages (static files, data downloads, assets).
  std::set<std::string> files;
  /// Dataset names with their localized titles, in order.
  std::vector<std::pair<std::string, Localized>> datasets;
  /// The plans of indicator datasets (null or empty when there are none).
  const std::vector<IndicatorSet>* plans = nullptr;
  /// Datasets (and plans) left out for their errors: links to their pages and files are not
  /// reported, since those would be published once the errors are fixed.
  std::set<std::string> withheld_datasets;
  /// Files left out for their errors (a special file or a link out of the site in static/),
  /// by site path: links to them are not reported either.
  std::set<std::string> withheld_files;
  /// A term as first written in front matter, and the language code of the page it was
  /// written in (its language when the taxonomy gives the term no display name).
  struct WrittenTerm {
    std::string title, lang;
  };
  /// taxonomy -> term slug -> the term as first written.
  std::map<std::string, std::map<std::string, WrittenTerm>> term_titles;
  /// Translations not written yet (SourcePage::placeholder), not published: (key, language)
  /// -> the file's site-relative path.
  std::map<std::pair<std::string, std::string>, std::string> placeholders;
  /// For the next build to take this graph over (model/site_reuse.h): the fingerprint of
  /// what it was built from besides its pages' sources (0: never taken over), the
  /// earliest instant after the build at which a page waits to be published (the graph
  /// then changes by itself), and whether building it reported a problem.
  std::uint64_t inputs_print = 0;
  long long next_publish = std::numeric_limits<long long>::max();
  bool reported = false;
  /// Set by patch_site when every page has the address, key and language it had in the
  /// graph it patched and no page came or went: links resolve to the same targets there
  /// (render/body.h link_targets_fingerprint is the one of that graph).
  bool addresses_as_before = false;
  /// Set when building it found site.yaml wrong: a menu entry that points to no page of
  /// the site or is not allowed. A configuration error: the build exits with code 2.
  bool config_errors = false;

  /// The page with `key` in `lang`, or nullptr.
  const Page* find(const std::string& key, const std::string& lang) const;
  /// The URL prefix of a language: "" for the default, "/en" otherwise.
  std::string lang_prefix(const std::string& lang) const;
  /// The absolute URL of site path `url` ("/en/a/" -> "https://host/en/a/").
  std::string absolute_url(std::string_view url) const;
  /// True when site path `path` is a withheld file, or a page or file of a withheld dataset
  /// ("/en/data/awards/", "/data/awards.csv", "/data/awards/charts/...") in any language.
  bool withheld(const std::string& path) const;
  /// Gives dataset page `page` (PageKind::kDataset) its dataset's title in `datasets`, in
  /// its language, with the language of that title when it is another (as build_site does;
  /// a graph taken over or patched gives it to the dataset pages it makes anew).
  void title_dataset_page(Page& page) const;
};

/// What the site graph is built from besides the content.
struct SiteInputs {
  std::vector<std::pair<std::string, Localized>> datasets;  ///< name, title
  /// The plans of indicator datasets (a scorecard and a page per indicator each).
  const std::vector<IndicatorSet>* plans = nullptr;
  std::set<std::string> withheld_datasets;  ///< see Site::withheld_datasets
  std::set<std::string> withheld_files;     ///< see Site::withheld_files
  std::set<std::string> files;              ///< site paths of static files and data downloads
  bool drafts = false;                      ///< include drafts and future pages
  /// Now, in seconds since 1970-01-01T00:00:00Z: a page whose publish_at is a later instant
  /// (a date alone is midnight in the site's zone, a time without an offset its wall clock)
  /// waits.
  long long now = 0;
  /// Titles of generated pages per language: lang -> kind name ("data", "search",
  /// "sitemap", "404") -> title (from the theme's strings).
  std::map<std::string, std::map<std::string, std::string>> generated_titles;
  /// The names of the theme's layouts ("page", "stories-page"); `layout:` must name one.
  std::set<std::string> layouts;
  /// Those of `layouts` that never show a page's text (Theme::layouts_without_text).
  std::set<std::string> layouts_without_text;
  /// The fingerprint of the configuration and theme the graph is built with (site.yaml,
  /// the options that override it, the theme's files); 0 when not known, and then the
  /// graph is never taken over by the next build.
  std::uint64_t config_print = 0;
};

/// Builds the site graph from the loaded pages (which must outlive it); problems go to
/// `diags`.
/// An empty graph of `config` holding what it takes from `inputs` as they are (files,
/// datasets, plans, what was withheld): where build_site and reuse_site start.
std::unique_ptr<Site> site_of_inputs(const SiteConfig& config, const SiteInputs& inputs);

std::unique_ptr<Site> build_site(const SiteConfig& config, const SourcePages& sources,
                                 const SiteInputs& inputs, Diagnostics& diags);
/// The same, from pages held in a vector.
std::unique_ptr<Site> build_site(const SiteConfig& config, const std::vector<SourcePage>& sources,
                                 const SiteInputs& inputs, Diagnostics& diags);

}  // namespace firefly
