#include "commands/incremental.h"

#include <algorithm>
#include <mutex>
#include <set>
#include <unordered_map>

#include "core/fs.h"
#include "core/parallel.h"
#include "core/text.h"
#include "render/pages.h"
#include "render/relative_urls.h"
#include "render/site_files.h"

namespace firefly {

namespace fs = std::filesystem;

namespace {

/// The new text of one edited file, read and split, with the source it replaces.
struct Edit {
  size_t source = 0;
  SourcePage page;
};

/// Reads the edited files; nullopt unless each is an existing page whose front matter
/// kept its content (so the site graph, and every link target, stays the same).
std::optional<std::vector<Edit>> read_body_edits(const BuildState& state,
                                                 const std::vector<std::string>& changed) {
  std::vector<std::string> paths = changed;
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  std::vector<Edit> edits;
  for (const std::string& rel : paths) {
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
    if (fs::is_symlink(full, ec) || !fs::is_regular_file(full, ec)) return std::nullopt;
    std::optional<std::string> text = read_file(full);
    if (!text) return std::nullopt;
    Edit edit;
    edit.source = static_cast<size_t>(old - state.sources.begin());
    Diagnostics load_diags;
    if (!load_source_page(rel, *text, *state.config, edit.page, load_diags) ||
        load_diags.has_errors() || load_diags.warning_count() ||
        !same_content(old->front, edit.page.front)) {
      return std::nullopt;
    }
    edit.page.git_updated = old->git_updated;
    edits.push_back(std::move(edit));
  }
  if (edits.empty()) return std::nullopt;
  return edits;
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

}  // namespace

void prepare_updates(BuildState& state) {
  if (state.site && state.listed_on.empty()) state.listed_on = listing_pages(*state.site);
}

std::optional<Update> rebuild_changed(BuildState& state, const std::vector<std::string>& changed,
                                      Diagnostics& diags) {
  if (!state.site || !state.contexts || !state.data_views) return std::nullopt;
  std::optional<std::vector<Edit>> edits = read_body_edits(state, changed);
  if (!edits) return std::nullopt;
  const Site& site = *state.site;

  // The pages each edited file makes: its own, and its fallbacks in other languages.
  std::set<const SourcePage*> edited;
  for (Edit& e : *edits) {
    state.sources[e.source] = std::move(e.page);
    edited.insert(&state.sources[e.source]);
  }
  std::vector<size_t> own;
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const Page& p = *site.pages[i];
    if (p.source && edited.count(p.source) && p.kind != PageKind::kRedirect) own.push_back(i);
  }

  // Their bodies again; what lists and feeds show of them may have changed too.
  std::vector<Body> bodies(own.size());
  EmbedRenderer embeds = state.data_views->embed_renderer();
  parallel_for(own.size(), state.jobs, [&](size_t k) {
    bodies[k] = render_body(site, *site.pages[own[k]], embeds, diags);
  });
  bool listing_changed = false;
  std::set<std::string> feeds_changed;   // languages whose lists and feeds show new summaries
  std::set<std::string> search_changed;  // languages whose search index shows new text
  for (size_t k = 0; k < own.size(); ++k) {
    Body& old = state.bodies[own[k]];
    if (old.summary != bodies[k].summary || old.reading_minutes != bodies[k].reading_minutes) {
      listing_changed = true;
      if (!site.pages[own[k]]->fallback) feeds_changed.insert(site.pages[own[k]]->lang);
    }
    if (old.summary != bodies[k].summary || old.search_text != bodies[k].search_text) {
      search_changed.insert(site.pages[own[k]]->lang);
    }
    old = std::move(bodies[k]);
  }

  std::set<size_t> pages(own.begin(), own.end());
  if (listing_changed) {
    prepare_updates(state);  // the site graph does not change in an update: nor does this
    for (size_t i : own) pages.insert(state.listed_on[i].begin(), state.listed_on[i].end());
  }
  Update update;
  std::mutex mu;
  bool relative = state.config->relative_urls;
  OutputSink sink = [&](OutputFile&& f) {
    if (relative) make_urls_relative(f);
    std::lock_guard lock(mu);
    update.files.push_back(std::move(f));
  };
  std::vector<size_t> order(pages.begin(), pages.end());
  parallel_for(order.size(), state.jobs, [&](size_t k) {
    render_page(site, *state.theme, *state.contexts, order[k], sink, diags);
  });
  update.pages = update.files.size();
  OutputSet site_files;
  for (const Language& lang : state.config->languages) {
    if (feeds_changed.count(lang.code)) render_feeds(site, state.bodies, lang, site_files);
    if (search_changed.count(lang.code)) render_search_index(site, state.bodies, lang, site_files);
  }
  for (OutputFile& f : site_files) sink(std::move(f));
  return update;
}

}  // namespace firefly
