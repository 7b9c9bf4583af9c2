#include "render/body_cache.h"

#include <mutex>

#include "core/hash.h"
#include "core/parallel.h"

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

/// The problems `found`, shared (null when there are none).
std::shared_ptr<const std::vector<Diagnostic>> problems_of(std::vector<Diagnostic> found) {
  if (found.empty()) return nullptr;
  return std::make_shared<const std::vector<Diagnostic>>(std::move(found));
}

}  // namespace

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
                                        size_t* rendered) {
  size_t n = site.pages.size();
  std::vector<Body> bodies(n);
  std::vector<std::uint64_t> keys(n);
  std::vector<BodyOrigin> origins(n);
  std::vector<char> stale(n, 0);
  cache.link_targets = link_targets_fingerprint(site);
  // What the links read is as it was: each taken body's links give what they gave.
  bool same_targets = previous && previous->link_targets == cache.link_targets;
  parallel_for(n, jobs, [&](size_t i) {
    const Page& page = *site.pages[i];
    keys[i] = body_key(site, page);
    if (!keys[i]) return;
    if (previous && previous_bodies) {
      auto it = previous->origins.find(keys[i]);
      if (it != previous->origins.end() && it->second.reads && !it->second.reads->photos &&
          (!it->second.reads->embeds || it->second.data == data)) {
        if (same_targets) {
          bodies[i] = (*previous_bodies)[it->second.index];
          origins[i] = it->second;
          for (const Diagnostic& d : it->second.reads->other) diags.add(d);
          if (it->second.link_problems) {
            for (const Diagnostic& d : *it->second.link_problems) diags.add(d);
          }
          return;
        }
        Diagnostics links;
        if (same_links(site, page, it->second, links)) {
          bodies[i] = (*previous_bodies)[it->second.index];
          origins[i] = it->second;
          origins[i].link_problems = problems_of(links.sorted());
          for (const Diagnostic& d : it->second.reads->other) diags.add(d);
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
  cache.origins.clear();
  cache.origins.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (!keys[i]) continue;
    origins[i].index = i;
    cache.origins.insert_or_assign(keys[i], std::move(origins[i]));
  }
  if (rendered) *rendered = todo.size();
  return bodies;
}

}  // namespace firefly
