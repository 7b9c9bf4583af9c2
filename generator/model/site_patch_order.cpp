// The pages of a patched site graph (site_patch.h) in the order build() puts them in:
// content pages by source, fallbacks by key and language, generated sections and home, the
// sections' later pages, taxonomies with their terms by slug, generated pages, redirects;
// and the graph's maps.

#include <algorithm>

#include "model/paths.h"
#include "model/site_builder.h"
#include "model/site_patch.h"

namespace firefly::detail {

namespace {

/// The block of build()'s order a page of a graph is in.
int block_of(const Page& p) {
  switch (p.kind) {
    case PageKind::kRedirect:
      return 6;
    case PageKind::kTaxonomy:
    case PageKind::kTerm:
      return 4;
    case PageKind::kPage:
    case PageKind::kSection:
    case PageKind::kHome:
      if (p.page_number > 1) return 3;  // a section's later pages
      if (p.fallback) return 1;
      return p.source ? 0 : 2;
    default:
      return 5;
  }
}

/// `pages` (sorted by `by`) with `adding` (sorted, and few) put in their places, each after
/// the pages it does not sort before, as std::merge would: a search for each instead of a
/// comparison for every page.
template <typename By>
std::vector<std::shared_ptr<Page>> merge_few(std::vector<std::shared_ptr<Page>> pages,
                                             std::vector<std::shared_ptr<Page>> adding, By by) {
  if (adding.empty()) return pages;
  std::vector<std::shared_ptr<Page>> merged;
  merged.reserve(pages.size() + adding.size());
  auto from = pages.begin();
  for (auto& a : adding) {
    auto at = std::upper_bound(from, pages.end(), a, by);
    std::move(from, at, std::back_inserter(merged));
    merged.push_back(std::move(a));
    from = at;
  }
  std::move(from, pages.end(), std::back_inserter(merged));
  return merged;
}

bool has_upper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

bool SiteBuilder::patch_order(SitePatch& P) {
  const Site& before = P.before;
  auto quiet = [&] { return diags_.error_count() + diags_.warning_count() == 0; };
  auto& now_of = P.now_of;
  auto& after = P.after;
  auto& group_old = P.group_old;
  auto& is_added = P.is_added;
  auto& chains = P.chains;
  auto& remade = P.remade;
  // 9. The pages in build()'s order.
  std::vector<std::vector<std::shared_ptr<Page>>> blocks(7);
  int last_block = 0;
  auto now = [&](const std::shared_ptr<Page>& p) -> std::shared_ptr<Page> {
    auto it = now_of.find(p.get());
    return it == now_of.end() ? p : it->second;
  };
  std::vector<std::shared_ptr<Page>> old_terms;                      // block 4 before
  std::unordered_map<const Page*, std::shared_ptr<Page>> extras;     // block 3 before
  std::unordered_map<const Page*, std::shared_ptr<Page>> redirects;  // block 6 before
  for (const auto& p : before.pages) {
    int b = block_of(*p);
    if (b < last_block) return false;  // not the order this knows
    last_block = b;
    if (b == 4) {
      old_terms.push_back(p);
      continue;
    }
    if (b == 6) {  // made below
      redirects.emplace(p.get(), p);
      continue;
    }
    if (b == 3) {  // made below
      extras.emplace(p.get(), p);
      continue;
    }
    if (b <= 1 && group_old.count(p.get())) continue;  // the groups' pages, merged below
    if (auto q = now(p)) blocks[b].push_back(std::move(q));
  }
  for (int b = 0; b <= 1; ++b) {
    std::vector<std::shared_ptr<Page>> adding;
    for (const auto& [key, group] : after) {
      for (const auto& [lang, p] : group) {
        if ((p->fallback ? 1 : 0) == b) adding.push_back(p);
      }
    }
    auto by = [&](const std::shared_ptr<Page>& x, const std::shared_ptr<Page>& y) {
      return order_before(*x, *y);
    };
    std::sort(adding.begin(), adding.end(), by);
    blocks[b] = merge_few(std::move(blocks[b]), std::move(adding), by);
  }
  for (int b = 0; b <= 2; ++b) {
    for (const auto& p : blocks[b]) {
      if (p->kind != PageKind::kSection || p->page_count < 2) continue;
      auto c = chains.find(p->key + " " + p->lang);
      if (c != chains.end()) {
        blocks[3].insert(blocks[3].end(), c->second.begin() + 1, c->second.end());
        continue;
      }
      for (int n = 2; n <= p->page_count; ++n) {
        const Page* extra = before.find(p->key + "#" + std::to_string(n), p->lang);
        auto it = extras.find(extra);
        if (it == extras.end()) return false;
        if (auto q = now(it->second)) blocks[3].push_back(std::move(q));
      }
    }
  }
  // Taxonomies: each one's index page, then its terms by slug, each with its later pages.
  for (size_t i = 0; i < old_terms.size();) {
    const auto& index = old_terms[i++];
    if (index->kind != PageKind::kTaxonomy) return false;
    std::map<std::string, std::vector<std::shared_ptr<Page>>> by_slug;
    for (; i < old_terms.size() && old_terms[i]->kind == PageKind::kTerm; ++i) {
      if (auto q = now(old_terms[i])) by_slug[old_terms[i]->term].push_back(std::move(q));
    }
    auto patched = P.term_chains.find({index->taxonomy, index->lang});
    if (patched != P.term_chains.end()) {
      for (auto& [slug, chain] : patched->second) by_slug[slug] = chain;
    }
    if (auto q = now(index)) blocks[4].push_back(std::move(q));
    for (auto& [slug, chain] : by_slug) {
      for (auto& q : chain) blocks[4].push_back(std::move(q));
    }
  }
  // Redirects: each alias of a content page, in their order.
  for (const auto& p : blocks[0]) {
    if (p->aliases.empty()) continue;
    for (const auto& [alias, pos] : p->aliases) {
      std::string url = prefix(p->lang) + alias;
      if (!is_added.count(p.get())) {
        const Page* r = before.find("alias:" + url, p->lang);
        auto it = redirects.find(r);
        if (it == redirects.end()) return false;
        if (auto q = now(it->second)) blocks[6].push_back(std::move(q));
        continue;
      }
      auto r = std::make_shared<Page>();
      r->kind = PageKind::kRedirect;
      r->lang = r->content_lang = p->lang;
      r->key = "alias:" + url;
      r->url = url;
      r->redirect_to = p->url;
      r->title = p->title;
      r->alias_source = p->source->path;
      r->alias_pos = pos;
      r->out_path = output_path_for_url(url);
      remade.insert(r.get());
      blocks[6].push_back(std::move(r));
    }
  }
  for (const Page* p : group_old) {
    if (p->fallback) continue;
    for (const auto& [alias, pos] : p->aliases) {
      const Page* r = before.find("alias:" + prefix(p->lang) + alias, p->lang);
      if (!r || now_of.count(r)) return false;
      now_of[r] = nullptr;
    }
  }
  // 10. The graph: its maps as before, with the pages gone taken out and those made put in.
  site_->term_titles = std::move(P.term_titles);
  site_->placeholders = before.placeholders;
  site_->inputs_print = before.inputs_print;
  site_->next_publish = before.next_publish;
  size_t total = 0;
  for (const auto& b : blocks) total += b.size();
  site_->pages.reserve(total);
  for (auto& b : blocks) {
    for (auto& p : b) site_->pages.push_back(std::move(p));
  }
  // A page of a graph is in its maps at its own key, language and URL only (build() and
  // this put it there), so each page replaced is looked up there, not every entry.
  site_->groups = before.groups;
  site_->by_url = before.by_url;
  bool gone = false;
  for (const auto& [old, page] : now_of) {
    gone = gone || !page;
    if (auto g = site_->groups.find(old->key); g != site_->groups.end()) {
      auto l = g->second.find(old->lang);
      if (l != g->second.end() && l->second == old) {
        if (page) {
          l->second = page.get();
        } else {
          g->second.erase(l);
          if (g->second.empty()) site_->groups.erase(g);
        }
      }
    }
    if (auto u = site_->by_url.find(old->url); u != site_->by_url.end() && u->second == old) {
      if (page) {
        u->second = page.get();
      } else {
        site_->by_url.erase(u);
      }
    }
  }
  // The pages that are new in the maps, at addresses no other page has (nor one that only
  // differs in letter case, nor one that is the same file).
  std::vector<Page*> fresh;
  for (const auto& p : site_->pages) {
    if (!remade.count(p.get()) && !is_added.count(p.get())) continue;
    Page*& slot = site_->groups[p->key][p->lang];
    if (slot && slot != p.get()) return false;
    slot = p.get();
    auto [it, inserted] = site_->by_url.emplace(p->url, p.get());
    if (!inserted && it->second != p.get()) return false;
    if (inserted) fresh.push_back(p.get());
  }
  if (!fresh.empty()) {
    bool upper = false;
    for (const auto& p : before.pages) upper = upper || has_upper(p->out_path);
    for (Page* p : fresh) {
      if (upper || has_upper(p->out_path) || p->url.empty() || p->url.back() != '/') return false;
      std::string bare = p->url.substr(0, p->url.size() - 1);
      if (site_->by_url.count(bare) || site_->by_url.count(p->url + "index.html")) return false;
    }
  }
  if (site_->by_url.size() != site_->pages.size()) return false;
  site_->addresses_as_before = !gone && fresh.empty();
  check_menu();
  if (!quiet()) return false;
  return true;
}

}  // namespace firefly::detail
