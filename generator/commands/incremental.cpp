#include "commands/incremental.h"

#include <algorithm>
#include <mutex>
#include <set>
#include <unordered_map>

#include "core/fs.h"
#include "core/parallel.h"
#include "core/text.h"
#include "model/front_matter_schema.h"
#include "render/data_files.h"
#include "render/pages.h"
#include "render/search_index.h"
#include "render/site_files.h"
#include "render/site_paths.h"

namespace firefly {

namespace fs = std::filesystem;

namespace {

/// The new text of one edited file, read and split, with the source it replaces.
struct Edit {
  size_t source = 0;
  SourcePage page;
  std::optional<FrontMatter> front;  ///< set when the front matter changed
};

/// The front matter of `src`, validated; nullopt when it has errors or warnings.
std::optional<FrontMatter> valid_front_matter(const SourcePage& src, const SiteConfig& config) {
  FrontMatter fm;
  Diagnostics diags;
  if (!read_front_matter(src, config, fm, diags) || diags.has_errors() || diags.warning_count()) {
    return std::nullopt;
  }
  return fm;
}

/// True when `a` and `b` place a page in the same spot of the site graph: everything but
/// its title, summary, description, update date and the collection's own plain fields.
bool same_place(const FrontMatter& a, const FrontMatter& b) {
  auto images = [](const FrontMatter& fm) {
    std::vector<std::string> all;
    for (const Image& i : fm.images)
      all.push_back(i.field + '\n' + i.src + '\n' + i.alt + '\n' + i.caption);
    return all;
  };
  auto alias_paths = [](const FrontMatter& fm) {
    std::vector<std::string> paths;
    for (const auto& [path, pos] : fm.aliases) paths.push_back(path);
    return paths;
  };
  return a.translation_key == b.translation_key && a.url == b.url && a.layout == b.layout &&
         a.publish_at == b.publish_at && a.date == b.date && a.draft == b.draft &&
         a.weight == b.weight && a.terms == b.terms && a.refs == b.refs &&
         alias_paths(a) == alias_paths(b) && images(a) == images(b);  // checked by builds
}

/// What changed: edited pages, and the names of datasets whose files changed.
struct Changes {
  std::vector<Edit> edits;
  std::set<std::string> datasets;
  bool static_files = false;  ///< files of static/ that the site already had
};

/// True for a regular file that is not a symbolic link (links get the full build's checks).
bool is_plain_file(const fs::path& path) {
  std::error_code ec;
  return !fs::is_symlink(path, ec) && fs::is_regular_file(path, ec);
}

/// Reads the edited files; nullopt unless each is an existing page that stays where it is
/// in the site graph (so every link target, list and order stays the same) or a dataset's
/// CSV or metadata.
std::optional<Changes> read_changes(const BuildState& state,
                                    const std::vector<std::string>& changed) {
  std::vector<std::string> paths = changed;
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  Changes changes;
  std::vector<Edit>& edits = changes.edits;
  for (const std::string& rel : paths) {
    if (starts_with(rel, "data/") && rel.find('/', 5) == std::string::npos) {
      // Builds read data/<name>.csv and data/<name>.yaml; .yml is an error to report.
      if (ends_with(rel, ".yml")) return std::nullopt;
      size_t dot = rel.rfind('.');
      if (ends_with(rel, ".csv") || ends_with(rel, ".yaml")) {
        changes.datasets.insert(rel.substr(5, dot - 5));
      }
      continue;
    }
    if (starts_with(rel, "static/")) {
      // Served from the file itself: new bytes in a file the site already has need no
      // rendering, only a reload. A new or removed file changes what links may point to.
      if (!is_plain_file(state.options.site_dir / rel) || !state.site->files.count(rel.substr(6))) {
        return std::nullopt;
      }
      changes.static_files = true;
      continue;
    }
    if (!starts_with(rel, "content/")) return std::nullopt;
    if (!ends_with(rel, ".md")) continue;  // builds read only the .md files of content/
    fs::path full = state.options.site_dir / rel;
    std::error_code ec;
    auto old = std::find_if(state.sources.begin(), state.sources.end(),
                            [&](const SourcePage& s) { return s.path == rel; });
    if (old == state.sources.end()) {
      if (fs::exists(fs::symlink_status(full, ec))) return std::nullopt;  // a new page
      continue;  // a scratch file that came and went
    }
    if (!is_plain_file(full)) return std::nullopt;
    std::optional<std::string> text = read_file(full);
    if (!text) return std::nullopt;
    Edit edit;
    edit.source = static_cast<size_t>(old - state.sources.begin());
    Diagnostics load_diags;
    if (!load_source_page(rel, *text, *state.config, edit.page, load_diags) ||
        load_diags.has_errors() || load_diags.warning_count()) {
      return std::nullopt;
    }
    edit.page.git_updated = old->git_updated;
    if (!same_content(old->front, edit.page.front)) {
      std::optional<FrontMatter> before = valid_front_matter(*old, *state.config);
      edit.front = valid_front_matter(edit.page, *state.config);
      if (!before || !edit.front || !same_place(*before, *edit.front)) {
        return std::nullopt;
      }
    }
    edits.push_back(std::move(edit));
  }
  if (edits.empty() && changes.datasets.empty() && !changes.static_files) return std::nullopt;
  return changes;
}

/// The datasets again, when they load without a problem and keep their names and titles
/// (which are page titles in the site graph); else nullopt.
std::optional<std::vector<Dataset>> reload_datasets(const BuildState& state) {
  Diagnostics diags;
  std::vector<Dataset> datasets = load_datasets(state.options.site_dir, diags);
  if (diags.has_errors() || diags.warning_count() || datasets.size() != state.datasets.size()) {
    return std::nullopt;
  }
  for (size_t i = 0; i < datasets.size(); ++i) {
    const Dataset &a = datasets[i], &b = state.datasets[i];
    if (a.name != b.name || a.title.by_lang != b.title.by_lang || a.title.plain != b.title.plain) {
      return std::nullopt;
    }
  }
  return datasets;
}

/// True when the Markdown of `src` may embed one of `datasets` in a ```chart or ```table.
bool may_embed(const SourcePage& src, const std::set<std::string>& datasets) {
  if (src.body.find("```") == std::string::npos) return false;
  return std::any_of(datasets.begin(), datasets.end(), [&](const std::string& name) {
    return src.body.find(name) != std::string::npos;
  });
}

/// For each page, the pages that list it (sections, terms, the home page, referenced_by).
std::vector<std::vector<size_t>> listing_pages(const Site& site) {
  std::unordered_map<const Page*, size_t> index;
  for (size_t i = 0; i < site.pages.size(); ++i) index[site.pages[i].get()] = i;
  std::vector<std::vector<size_t>> listed_on(site.pages.size());
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const Page& q = *site.pages[i];
    for (const Page* p : q.list) listed_on[index.at(p)].push_back(i);
    for (const auto& [collection, pages] : q.referenced_by) {
      for (const Page* p : pages) listed_on[index.at(p)].push_back(i);
    }
  }
  return listed_on;
}

/// True when a new title of `page` would show beyond the pages that list or refer to it:
/// in every breadcrumb or menu, in old addresses, or in the order of its section.
bool title_shows_everywhere(const Site& site, const Page& page) {
  if (page.kind != PageKind::kPage || !page.aliases.empty()) return true;
  const Collection* c = site.config->collection(page.section);
  if (c && c->sort_by == "title") return true;
  for (const MenuEntry& e : site.config->main_menu) {
    auto it = site.by_url.find(e.page);
    if (it != site.by_url.end() && it->second->key == page.key) return true;
  }
  return false;
}

/// What an update renders again.
struct Plan {
  std::vector<size_t> own;       ///< pages whose bodies are rendered again
  std::set<size_t> pages;        ///< pages rendered again
  std::set<std::string> feeds;   ///< languages whose feeds show something new
  std::set<std::string> search;  ///< languages whose search index does
  bool listings = false;         ///< the lists that show `own` need rendering too
  bool sitemap_xml = false;      ///< an update date moved: sitemap.xml's <lastmod>
  bool data_files = false;       ///< the datasets changed
};

/// Sets the fields that came from the front matter on the pages of edited sources, and
/// plans the pages that show them: ref fields that name them, their language's site map.
void apply_front_matter(Site& site, const std::map<const SourcePage*, const Edit*>& edit_of,
                        Plan& plan) {
  for (size_t i : plan.own) {
    Page& p = *site.pages[i];
    auto edit = edit_of.find(p.source);
    if (edit == edit_of.end() || !edit->second->front) continue;
    const FrontMatter& fm = *edit->second->front;
    p.title = fm.title;
    p.summary = fm.summary;
    p.description = fm.description;
    std::optional<Date> updated = fm.updated ? fm.updated : p.source->git_updated;
    plan.sitemap_xml = plan.sitemap_xml || updated != p.updated;
    p.updated = updated;
    plan.listings = true;
    if (!p.fallback) plan.feeds.insert(p.lang);
    plan.search.insert(p.lang);
    for (size_t j = 0; j < site.pages.size(); ++j) {
      const Page& q = *site.pages[j];
      if (q.lang != p.lang) continue;
      bool refers = std::any_of(q.refs.begin(), q.refs.end(),
                                [&](const auto& ref) { return ref.second == p.key; });
      if (refers || q.kind == PageKind::kSitemap) plan.pages.insert(j);
    }
  }
}

/// Renders the bodies of `plan.own` again and plans what shows a changed summary,
/// reading time or search text.
void rerender_bodies(BuildState& state, Plan& plan, Diagnostics& diags) {
  const Site& site = *state.site;
  std::vector<Body> bodies(plan.own.size());
  const DataViews& data = *state.data_views;
  parallel_for(plan.own.size(), state.jobs, [&](size_t k) {
    bodies[k] = render_body(site, *site.pages[plan.own[k]], data, diags);
  });
  for (size_t k = 0; k < plan.own.size(); ++k) {
    Body& old = state.bodies[plan.own[k]];
    const Page& p = *site.pages[plan.own[k]];
    if (old.summary != bodies[k].summary || old.reading_minutes != bodies[k].reading_minutes) {
      plan.listings = true;
      if (!p.fallback) plan.feeds.insert(p.lang);
    }
    if (old.summary != bodies[k].summary || old.html != bodies[k].html) {
      plan.search.insert(p.lang);
    }
    old = std::move(bodies[k]);
  }
  plan.pages.insert(plan.own.begin(), plan.own.end());
  if (plan.listings) {
    prepare_updates(state);  // the site graph does not change in an update: nor does this
    for (size_t i : plan.own) {
      plan.pages.insert(state.listed_on[i].begin(), state.listed_on[i].end());
    }
  }
}

/// Renders the planned pages and site files, as the build would write them.
Update render_plan(const BuildState& state, const Plan& plan, Diagnostics& diags) {
  const Site& site = *state.site;
  Update update;
  std::mutex mu;
  SitePaths site_paths(*state.config);
  OutputSink sink = [&](OutputFile&& f) {
    site_paths.apply(f);
    std::lock_guard lock(mu);
    update.files.push_back(std::move(f));
  };
  std::vector<size_t> order(plan.pages.begin(), plan.pages.end());
  parallel_for(order.size(), state.jobs, [&](size_t k) {
    render_page(site, *state.theme, *state.contexts, order[k], sink, diags);
  });
  update.pages = update.files.size();
  OutputSet site_files;
  if (plan.sitemap_xml) render_sitemap_xml(site, site_files);
  if (plan.data_files) emit_data_files(state.data_views->manifest(), site_files);
  for (const Language& lang : state.config->languages) {
    if (plan.feeds.count(lang.code)) render_feeds(site, state.bodies, lang, site_files);
    if (plan.search.count(lang.code))
      render_search_index(site, state.bodies, state.datasets, lang, site_files);
  }
  for (OutputFile& f : site_files) sink(std::move(f));
  return update;
}

}  // namespace

void prepare_updates(BuildState& state) {
  if (state.site && state.listed_on.empty()) state.listed_on = listing_pages(*state.site);
}

std::optional<Update> rebuild_changed(BuildState& state, const std::vector<std::string>& changed,
                                      Diagnostics& diags) {
  if (!state.site || !state.contexts || !state.data_views) return std::nullopt;
  std::optional<Changes> changes = read_changes(state, changed);
  if (!changes) return std::nullopt;
  Site& site = *state.site;
  std::optional<std::vector<Dataset>> datasets;
  if (!changes->datasets.empty() && !(datasets = reload_datasets(state))) return std::nullopt;

  // The pages each edited file makes (its own, and its fallbacks in other languages), and
  // the pages that may embed a changed dataset: their bodies are rendered again.
  Plan plan;
  std::map<const SourcePage*, const Edit*> edit_of;
  for (const Edit& e : changes->edits) edit_of[&state.sources[e.source]] = &e;
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const Page& p = *site.pages[i];
    if (!p.source || p.kind == PageKind::kRedirect) continue;
    if (edit_of.count(p.source) || may_embed(*p.source, changes->datasets)) plan.own.push_back(i);
  }
  for (size_t i : plan.own) {
    auto e = edit_of.find(site.pages[i]->source);
    if (e != edit_of.end() && e->second->front && title_shows_everywhere(site, *site.pages[i])) {
      return std::nullopt;
    }
  }

  // From here on the state changes: the new sources and data, then what they show.
  for (Edit& e : changes->edits) state.sources[e.source] = std::move(e.page);
  if (datasets) {
    state.datasets = std::move(*datasets);
    state.data_views.emplace(state.datasets, state.data_site, *state.theme);
    state.contexts.emplace(site, *state.theme, state.bodies, *state.data_views);
    plan.data_files = true;
    for (const Language& lang : state.config->languages) plan.search.insert(lang.code);
    for (size_t i = 0; i < site.pages.size(); ++i) {
      const Page& p = *site.pages[i];
      if ((p.kind == PageKind::kDataset && changes->datasets.count(p.dataset)) ||
          p.kind == PageKind::kData || p.kind == PageKind::kHome) {
        plan.pages.insert(i);
      }
    }
  }
  apply_front_matter(site, edit_of, plan);
  rerender_bodies(state, plan, diags);
  return render_plan(state, plan, diags);
}

}  // namespace firefly
