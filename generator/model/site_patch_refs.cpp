// The references of a patched site graph (site_builder.h SiteBuilder::patch, model/
// site_patch.h): the lists of pages pointing to the pages that changed, the pages made
// anew as reuse_site makes them, and every page made pointing to the pages now.

#include <algorithm>

#include "model/site_builder.h"
#include "model/site_patch.h"

namespace firefly {

namespace detail {

bool SiteBuilder::patch_references(SitePatch& P) {
  auto& before = P.before;
  auto& now_of = P.now_of;
  auto& after = P.after;
  auto& group_old = P.group_old;
  auto& moved = P.moved;
  auto& added = P.added;
  auto& targets = P.targets;
  for (const Page* m : moved) {
    if (m->section.empty()) continue;
    for (const auto& [field, target] : m->refs) targets[{target, m->lang}];
  }
  for (const Page* a : added) targets[{a->key, a->lang}];
  bool scan = false;  // an added page no page pointed to in its language before
  for (auto& [at, page] : targets) {
    const auto& [key, lang] = at;
    auto a = after.find(key);
    const Page* old = before.find(key, lang);
    if (a != after.end()) {
      auto it = a->second.find(lang);
      if (it == a->second.end()) continue;
      page = it->second;
      if (!old) scan = true;
    } else {
      if (!old) continue;
      if (now_of.count(old)) return false;
      page = std::make_shared<Page>(*old);
      page->stale_original = nullptr;
      now_of[old] = page;
    }
    page->referenced_by.clear();
    if (old) {
      for (const auto& [collection, list] : old->referenced_by) {
        for (const Page* q : list) {
          if (!group_old.count(q)) page->referenced_by[collection].push_back(q);
        }
      }
    }
  }
  auto add_refs_from = [&](const Page* p) {
    if (p->section.empty()) return;
    for (const auto& [field, target] : p->refs) {
      auto t = targets.find({target, p->lang});
      if (t == targets.end() || !t->second) continue;
      insert_sorted(t->second->referenced_by[p->section], p, p->section);
    }
  };
  for (const Page* a : added) add_refs_from(a);
  if (scan) {
    for (const auto& p : before.pages) {
      if (group_old.count(p.get()) || p->refs.empty() || p->section.empty()) continue;
      for (const auto& [field, target] : p->refs) {
        auto t = targets.find({target, p->lang});
        if (t == targets.end() || !t->second || before.find(target, p->lang)) continue;
        insert_sorted(t->second->referenced_by[p->section], p.get(), p->section);
      }
    }
  }
  for (auto& [at, page] : targets) {
    if (!page) continue;
    for (auto it = page->referenced_by.begin(); it != page->referenced_by.end();) {
      it = it->second.empty() ? page->referenced_by.erase(it) : std::next(it);
    }
  }
  return true;
}

void SiteBuilder::patch_renewed(SitePatch& P) {
  auto& before = P.before;
  auto& now_of = P.now_of;
  auto renew = [&](const Page* p) {
    if (now_of.count(p)) return;
    auto copy = std::make_shared<Page>(*p);
    copy->stale_original = nullptr;
    now_of[p] = copy;
  };
  for (const auto& p : before.pages) {
    if (p->stale_original) renew(p.get());
  }
  for (auto it = before.groups.lower_bound("data/");
       it != before.groups.end() && it->first.compare(0, 5, "data/") == 0; ++it) {
    for (const auto& [lang, page] : it->second) {
      renew(page);
      // Its title as the dataset has it now (the inputs' print leaves titles out).
      if (page->kind == PageKind::kDataset) site_->title_dataset_page(*now_of[page]);
    }
  }
  auto points_to_renewed = [&](const Page& page) {
    auto r = [&](const Page* p) { return p && now_of.count(p); };
    if (r(page.stale_original)) return true;
    if (std::any_of(page.list.begin(), page.list.end(), r)) return true;
    for (const auto& [collection, pages] : page.referenced_by) {
      if (std::any_of(pages.begin(), pages.end(), r)) return true;
    }
    return false;
  };
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& page : before.pages) {
      if (!now_of.count(page.get()) && points_to_renewed(*page)) {
        renew(page.get());
        grew = true;
      }
    }
  }
}

bool SiteBuilder::patch_pointers(SitePatch& P) {
  auto& before = P.before;
  auto& now_of = P.now_of;
  auto& group_old = P.group_old;
  auto& added = P.added;
  auto& chains = P.chains;
  auto& home_remade = P.home_remade;
  auto& remade = P.remade;
  auto& targets = P.targets;
  for (auto& [key, chain] : chains) {
    for (auto& page : chain) remade.insert(page.get());
  }
  for (const Page* a : added) remade.insert(a);
  for (const auto& [at, page] : targets) remade.insert(page.get());
  for (const Language& lang : config_.languages) {
    if (const Page* home = before.find("home", lang.code)) {
      if (auto it = now_of.find(home);
          it != now_of.end() && it->second && home_remade.count(home)) {
        remade.insert(it->second.get());
      }
    }
  }
  bool dangling = false;
  auto repoint = [&](std::vector<const Page*>& pages) {
    for (const Page*& p : pages) {
      auto it = now_of.find(p);
      if (it == now_of.end()) continue;
      if (!it->second) dangling = true;
      p = it->second.get();
    }
  };
  auto fix = [&](Page& page) {
    if (!remade.count(&page)) {
      auto old = [&](const Page* q) { return group_old.count(q) > 0; };
      if (std::any_of(page.list.begin(), page.list.end(), old)) dangling = true;
      for (const auto& [collection, pages] : page.referenced_by) {
        if (std::any_of(pages.begin(), pages.end(), old)) dangling = true;
      }
    }
    repoint(page.list);
    for (auto& [collection, pages] : page.referenced_by) repoint(pages);
    page.stale_original = nullptr;
  };
  for (const auto& [old, page] : now_of) {
    if (page) fix(*page);
  }
  for (auto& [key, chain] : chains) {
    for (auto& page : chain) fix(*page);
  }
  return !dangling;
}

}  // namespace detail

}  // namespace firefly
