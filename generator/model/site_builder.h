// The builder of the site graph (model/site.h build_site), its steps in four files:
// site_build.cpp (content pages, references, addresses), site_lists.cpp (lists,
// taxonomies, generated pages), site_checks.cpp (menus and layouts). Not for other stages.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "core/locale.h"
#include "model/site.h"

namespace firefly::detail {

/// The frame the theme's layouts fill ({{<baseof}}{{$main}}…{{/main}}{{/baseof}}): never a
/// page's own `layout:`, which would publish the frame with the page's text left out.
inline constexpr std::string_view kFrameLayout = "baseof";

struct SitePatch;

/// Builds one site graph from the loaded pages and the inputs beside them.
class SiteBuilder {
 public:
  SiteBuilder(const SiteConfig& config, const SiteInputs& inputs, Diagnostics& diags)
      : config_(config), inputs_(inputs), diags_(diags), site_(site_of_inputs(config, inputs)) {}

  /// The graph `before` (built from `before_sources`, reporting nothing) for `sources`, its
  /// changed pages replaced and only the lists that hold them made again; null when the
  /// edit is not one it can make exactly as build() would (model/site_reuse.h patch_site).
  std::unique_ptr<Site> patch(const Site& before, const SourcePages& before_sources,
                              const SourcePages& sources);

  std::unique_ptr<Site> build(const SourcePages& sources) {
    add_content_pages(sources);
    add_fallbacks();
    add_missing_sections();
    resolve_refs();
    add_lists();
    add_taxonomies();
    add_generated_pages();
    add_aliases();
    index_urls();
    check_menu();
    check_layouts();
    return std::move(site_);
  }

 private:
  Page& new_page(PageKind kind, const std::string& lang, const std::string& key);

  std::string prefix(const std::string& lang) const { return site_->lang_prefix(lang); }

  /// The key of the page of `src`: its `translation_key`, else its section and slug.
  static std::string page_key(const SourcePage& src, const std::string& translation_key);

  void add_content_pages(const SourcePages& sources);

  /// Pages missing in a language: publish the original with a notice, or nothing.
  void add_fallbacks();
  /// A default-language page left out for now: a draft, or its publish_at still ahead.
  struct HeldOriginal {
    const SourcePage* source;
    bool draft;
  };
  /// An error at each translation published while its original (in `held`, by key) waits.
  void check_held_translations(const std::map<std::string, HeldOriginal>& held);

  /// Makes `p` (its kind, lang and key set) the fallback of `original` in `p.lang`: the
  /// original's content at the address of `p.lang`; a collection's list page is titled by
  /// the collection's `title` in that language when site.yaml gives one (its menu entry,
  /// heading and ref labels are then in the reader's language, not the original's).
  void fill_fallback(const Page& original, Page& p) const;

  /// Images the site serves must be files it publishes (static/ or the theme).
  void check_images(const Page& p);

  /// A folder of pages without an _index file still gets a list page.
  void add_missing_sections();

  void resolve_refs();

  /// The slug of a term, made once for each way the term is written.
  const std::string& slug_of(const std::string& term);

  void sort_pages(std::vector<const Page*>& list, const std::string& section) const;

  /// The steps of patch() (site_patch.h), each false when it cannot be sure.
  /// The sources that changed and their pages before (at most 32, none an index).
  bool patch_sources(SitePatch& patch, const SourcePages& before_sources,
                     const SourcePages& sources);
  /// The pages of the changed sources now, read as add_content_pages reads them.
  bool patch_pages(SitePatch& patch);
  /// The groups of their keys now (content pages, then fallbacks), their references and
  /// sections checked, and the pages that moved.
  bool patch_groups(SitePatch& patch);
  bool patch_lists(SitePatch& patch);
  /// The lists of the pages the moved pages point to, and those of the pages added.
  bool patch_references(SitePatch& patch);
  /// As reuse_site: translations marked stale and the datasets' pages made anew, and
  /// every page pointing to a page made anew.
  void patch_renewed(SitePatch& patch);
  /// Every page made points to the pages now; false when a copy whose lists were not
  /// made again would point to a page of the groups that changed.
  bool patch_pointers(SitePatch& patch);
  bool patch_order(SitePatch& patch);

  /// Puts `p` into the sorted `list` where sort_pages(…, section) would.
  void insert_sorted(std::vector<const Page*>& list, const Page* p,
                     const std::string& section) const;

  /// True when build() puts content or fallback page `a` before `b`.
  bool order_before(const Page& a, const Page& b) const;

  /// paginate() for patch: `first` (a copy of `old_first`, or new) and its later pages over
  /// `items`, in patch.chains; the pages of the list before map to them. False when a page
  /// of the list before is missing.
  bool repaginate(SitePatch& patch, const Page* old_first, std::shared_ptr<Page> first,
                  std::vector<const Page*> items, int per);

  /// True when sort_pages(…, section) puts `a` before `b`.
  bool sorts_before(const Page& a, const Page& b, const std::string& section) const;

  /// Splits `items` into pages of the list page `first`, adding the pages after it.
  void paginate(Page& first, std::vector<const Page*> items, int per_page);

  int per_page(const std::string& section) const;

  void add_lists();

  void add_taxonomies();

  void add_generated_pages();

  template <typename MakePage>
  void add_plan_pages(const std::string& lang, const std::string& prefix, MakePage& simple);

  void add_aliases();

  void index_urls();

  /// An error about the `index`th term of `taxonomy` in page `p`'s front matter (reported in
  /// the page's own language only, at the term).
  void term_error(const Page& p, const std::string& taxonomy, size_t index, std::string message,
                  std::string hint);

  const Collator& collator(const std::string& locale) const;

  /// Every menu entry opens a page of the site or an http(s) address.
  void check_menu();

  /// `layout:` names a layout the theme has, and not its frame (kFrameLayout).
  void check_layouts();

  mutable std::map<std::string, std::unique_ptr<Collator>> collators_;
  std::unordered_map<std::string, std::string> slugs_;  ///< see slug_of
  const SiteConfig& config_;
  const SiteInputs& inputs_;
  Diagnostics& diags_;
  std::unique_ptr<Site> site_;
};

/// Sets the title and title_lang of `term`, the page of a term of `tax` in `term.lang`: the
/// taxonomy's display name when it gives one; else the term as a page in that language
/// wrote it in its own words (`own`, null when none did: only untranslated pages, shown
/// in that language, have it), which needs no mark; else as it was first written
/// anywhere (`written`), in that page's language.
void title_term_page(Page& term, const Taxonomy& tax, const std::string& default_lang,
                     const Site::WrittenTerm& written, const std::string* own);

}  // namespace firefly::detail
