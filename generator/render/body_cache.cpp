#include "render/body_cache.h"

#include <algorithm>
#include <mutex>

#include "core/hash.h"
#include "core/parallel.h"
#include "model/site_patch_match.h"

namespace firefly {

namespace {

/// The links of `origin` resolved on `site`: true when each gives what it gave, with their
/// problems (as this site has them) in `diags`.
bool same_links(const Site& site, const Page& page, const BodyOrigin& origin, Diagnostics& diags) {
  for (const LinkRead& link : origin.reads->links) {
    if (resolve_link(site, page, link.url, link.pos, link.is_image, diags) != link.result) {
      return false;
    }
  }
  return true;
}

/// True when no link of `origin` was looked up at an address of `changed`: each resolves
/// as it did.
bool links_untouched(const BodyOrigin& origin,
                     const std::unordered_set<std::string_view>& changed) {
  if (changed.empty()) return true;
  for (const LinkRead& link : origin.reads->links) {
    for (const std::string& address : link.looked_up) {
      if (changed.count(address)) return false;
    }
  }
  return true;
}

/// The problems `found`, shared (null when there are none).
std::shared_ptr<const std::vector<Diagnostic>> problems_of(std::vector<Diagnostic> found) {
  if (found.empty()) return nullptr;
  return std::make_shared<const std::vector<Diagnostic>>(std::move(found));
}

}  // namespace

const BodyOrigin* BodyCache::find(std::uint64_t key) const {
  auto it = std::upper_bound(by_key.begin(), by_key.end(), key,
                             [](std::uint64_t k, const auto& e) { return k < e.first; });
  if (it == by_key.begin() || (it - 1)->first != key) return nullptr;
  return &origins[(it - 1)->second];  // the last of a key, as a map assigned in order keeps
}

std::uint64_t body_key(const Site& site, const Page& page) {
  if (!page.source || page.kind == PageKind::kRedirect) return 0;
  const SourcePage& src = *page.source;
  return Hasher()
      .add(src.path)
      .add(src.body.fingerprint())
      .add(static_cast<std::uint64_t>(src.body_line))
      .add(page.url)
      .add(page.lang)
      .add(page.content_lang)
      .add(static_cast<std::uint64_t>(page.kind))
      .add(page.fallback ? 1 : 0)
      .add(page.summary)
      .add(site.config->unsafe_html ? 1 : 0)
      .get();
}

std::vector<Body> render_bodies_reusing(const Site& site, const DataViews& views,
                                        std::uint64_t data, const BodyCache* previous,
                                        const std::vector<Body>* previous_bodies, BodyCache& cache,
                                        int jobs, Diagnostics& diags, PhotoSet* photos,
                                        size_t* rendered, std::optional<std::uint64_t> link_targets,
                                        const std::vector<size_t>* shared_given,
                                        const std::unordered_set<std::string_view>* changed) {
  size_t n = site.pages.size();
  std::vector<Body> bodies(n);
  std::vector<std::uint64_t> keys(n);
  std::vector<BodyOrigin> origins(n);
  std::vector<char> stale(n, 0);
  if (changed && !previous) changed = nullptr;
  cache.link_targets = changed ? Hasher().add(previous->link_targets).add("changed addresses").get()
                       : link_targets ? *link_targets
                                      : link_targets_fingerprint(site);
  cache.unsafe_html = site.config->unsafe_html;
  // What the links read is as it was: each taken body's links give what they gave.
  bool same_targets = previous && previous->link_targets == cache.link_targets;
  // A page of the build before (shared with it) has the key it had there.
  // (the page at its index, or where it was when the pages no longer line up: a new or a
  // deleted story).
  const bool same_config = previous && previous->unsafe_html == cache.unsafe_html;
  std::vector<size_t> shared_made;
  if (same_config && !shared_given) shared_made = shared_pages(previous->pages, site.pages);
  const std::vector<size_t>& shared = shared_given ? *shared_given : shared_made;
  parallel_for(n, jobs, [&](size_t i) {
    const Page& page = *site.pages[i];
    const BodyOrigin* before = nullptr;
    if (same_config && shared[i] != kNoPageBefore) {
      keys[i] = previous->keys[shared[i]];
      before = &previous->origins[shared[i]];
    } else {
      keys[i] = body_key(site, page);
      if (keys[i] && previous) before = previous->find(keys[i]);
    }
    if (!keys[i]) return;
    if (before && previous_bodies) {
      if (before->reads && !before->reads->photos &&
          ((!before->reads->embeds && !before->reads->theme_words) || before->data == data)) {
        if (same_targets ||
            (changed && !before->link_problems && links_untouched(*before, *changed))) {
          bodies[i] = (*previous_bodies)[before->index];
          origins[i] = *before;
          for (const Diagnostic& d : before->reads->other) diags.add(d);
          if (before->link_problems) {
            for (const Diagnostic& d : *before->link_problems) diags.add(d);
          }
          return;
        }
        Diagnostics links;
        if (same_links(site, page, *before, links)) {
          bodies[i] = (*previous_bodies)[before->index];
          origins[i] = *before;
          origins[i].link_problems = problems_of(links.sorted());
          for (const Diagnostic& d : before->reads->other) diags.add(d);
          diags.append(links);
          return;
        }
      }
    }
    stale[i] = 1;
  });
  std::vector<size_t> todo;
  for (size_t i = 0; i < n; ++i) {
    if (stale[i]) todo.push_back(i);
  }
  auto groups = pages_by_source(site, todo);
  parallel_for(groups.size(), jobs, [&](size_t g) {
    render_source_group(site, groups[g], [&](size_t i, MarkdownDocument* parsed) {
      auto reads = std::make_shared<BodyReads>();
      bodies[i] = render_body(site, *site.pages[i], views, diags, photos, reads.get(), parsed);
      origins[i].link_problems = problems_of(reads->link_problems);
      origins[i].reads = std::move(reads);
      origins[i].data = data;
    });
  });
  cache.by_key.clear();
  cache.by_key.reserve(n);
  cache.pages.resize(n);
  for (size_t i = 0; i < n; ++i) {
    origins[i].index = i;
    cache.pages[i] = site.pages[i].get();
    if (keys[i]) cache.by_key.emplace_back(keys[i], i);
  }
  std::sort(cache.by_key.begin(), cache.by_key.end());
  cache.origins = std::move(origins);
  cache.keys = std::move(keys);
  if (rendered) *rendered = todo.size();
  return bodies;
}

}  // namespace firefly
