// The site graph of the build before, patched (model/site_reuse.h patch_site): the pages
// of the edited, new and deleted sources replaced, and only the lists that held the old
// pages or hold the new ones made again. This file: the changed sources, their groups now,
// the references, the pages made anew; site_patch_lists.cpp the lists,
// site_patch_order.cpp the pages in build()'s order and the maps.

#include "model/site_patch.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"
#include "model/front_matter_schema.h"
#include "model/paths.h"
#include "model/site_builder.h"
#include "model/site_reuse.h"

namespace firefly {

namespace detail {

std::unique_ptr<Site> SiteBuilder::patch(const Site& before, const SourcePages& before_sources,
                                         const SourcePages& sources) {
  SitePatch P(before);
  auto& now_of = P.now_of;
  auto& after = P.after;
  auto& added = P.added;
  auto& group_old = P.group_old;
  auto& is_added = P.is_added;
  auto& moved = P.moved;
  auto& chains = P.chains;
  auto& home_remade = P.home_remade;
  auto& remade = P.remade;
  auto quiet = [&] { return diags_.error_count() + diags_.warning_count() == 0; };
  const std::string& def = config_.default_language().code;
  // 1. The sources that changed: (before, now), either null for a deleted or new file.
  std::vector<std::pair<const SourcePage*, const SourcePage*>> changes;
  for (size_t i = 0, j = 0; i < before_sources.size() || j < sources.size();) {
    const SourcePage* b = i < before_sources.size() ? before_sources[i].get() : nullptr;
    const SourcePage* s = j < sources.size() ? sources[j].get() : nullptr;
    if (b && b == s) {
      ++i, ++j;
    } else if (b && s && b->path == s->path) {
      changes.emplace_back(b, s);
      ++i, ++j;
    } else if (b && (!s || b->path < s->path)) {
      changes.emplace_back(b, nullptr);
      ++i;
    } else {
      changes.emplace_back(nullptr, s);
      ++j;
    }
    if (changes.size() > 32) return nullptr;  // a build costs less
  }
  for (const auto& [was, now] : changes) {
    for (const SourcePage* s : {was, now}) {
      if (s && (s->is_index || s->placeholder || s->front_incomplete)) return nullptr;
    }
  }
  // 2. The pages of the sources before.
  std::unordered_map<const SourcePage*, const Page*> old_page;
  for (const auto& [was, now] : changes) {
    if (was) old_page.emplace(was, nullptr);
  }
  if (!old_page.empty()) {
    for (const auto& p : before.pages) {
      if (!p->source || p->fallback || p->page_number != 1 || p->kind != PageKind::kPage) continue;
      if (auto it = old_page.find(p->source); it != old_page.end()) it->second = p.get();
    }
  }
  for (const auto& [src, page] : old_page) {
    if (!page) return nullptr;  // a draft, a page waiting, an index
  }
  // 3. The pages of the sources now, read as add_content_pages reads them.
  std::set<std::string> keys;  // of the groups that change
  std::vector<std::shared_ptr<Page>> made;
  for (const auto& [was, now] : changes) {
    if (was) keys.insert(old_page[was]->key);
    if (!now) continue;
    FrontMatter fm;
    read_front_matter(*now, config_, fm, diags_);
    if (!quiet() || fm.draft || !fm.url.empty()) return nullptr;
    if (fm.publish_at && config_.timezone.instant(*fm.publish_at) > inputs_.now) return nullptr;
    std::string key = page_key(*now, fm.translation_key);
    if (key.find('#') != std::string::npos || key.find(':') != std::string::npos) return nullptr;
    if (was && old_page[was]->key != key) return nullptr;
    auto p = std::make_shared<Page>();
    p->kind = PageKind::kPage;
    p->lang = p->content_lang = now->lang;
    p->key = key;
    p->source = now;
    p->section = now->section;
    p->title = std::move(fm.title);
    p->date = fm.date;
    p->updated = fm.updated;
    if (!p->updated && now->git_revised &&
        !(fm.date && now->git_revised->days_since_epoch() < fm.date->days_since_epoch())) {
      p->updated = now->git_revised;
    }
    p->weight = fm.weight;
    p->summary = std::move(fm.summary);
    p->description = std::move(fm.description);
    p->layout = std::move(fm.layout);
    p->terms = std::move(fm.terms);
    p->refs = std::move(fm.refs);
    p->images = std::move(fm.images);
    p->aliases = std::move(fm.aliases);
    check_images(*p);
    if (!p->layout.empty() && !inputs_.layouts.empty() && !inputs_.layouts.count(p->layout)) {
      return nullptr;
    }
    p->url =
        prefix(now->lang) +
        (now->section.empty() ? "/" + now->slug + "/" : "/" + now->section + "/" + now->slug + "/");
    p->base_url = p->url;
    p->out_path = output_path_for_url(p->url);
    keys.insert(key);
    made.push_back(std::move(p));
  }
  if (!quiet()) return nullptr;
  // 4. The groups of those keys now: content pages, then fallbacks.
  for (const std::string& key : keys) {
    auto& group = after[key];
    auto g = before.groups.find(key);
    if (g == before.groups.end()) continue;
    for (const auto& [lang, page] : g->second) {
      now_of.emplace(page, nullptr);
      group_old.insert(page);
      if (page->fallback || old_page.count(page->source)) continue;
      auto copy = std::make_shared<Page>(*page);
      copy->stale_original = nullptr;
      copy->referenced_by.clear();
      group[lang] = copy;
    }
  }
  for (auto& p : made) {
    auto& slot = after[p->key][p->lang];
    if (slot) return nullptr;  // a second version: build() reports it
    slot = p;
  }
  if (config_.missing_translation == "fallback") {
    for (auto& [key, group] : after) {
      if (group.empty()) continue;
      auto d = group.find(def);
      std::shared_ptr<Page> original = d != group.end() ? d->second : group.begin()->second;
      for (const Language& lang : config_.languages) {
        if (group.count(lang.code)) continue;
        auto p = std::make_shared<Page>();
        p->kind = original->kind;
        p->lang = lang.code;
        p->key = key;
        copy_content(*original, *p);
        p->fallback = true;
        p->url = prefix(lang.code) + original->url.substr(prefix(original->lang).size());
        p->base_url = p->url;
        p->out_path = output_path_for_url(p->url);
        group[lang.code] = p;
      }
    }
  }
  for (const std::string& key : keys) {
    auto g = before.groups.find(key);
    if (g == before.groups.end()) continue;
    for (const auto& [lang, page] : g->second) {
      auto it = after[key].find(lang);
      if (it != after[key].end()) now_of[page] = it->second;
    }
  }
  for (const auto& [key, group] : after) {
    for (const auto& [lang, p] : group) {
      added.push_back(p.get());
      is_added.insert(p.get());
    }
  }
  // References: to groups that are there, and none to a group that went.
  auto group_now = [&](const std::string& key) -> bool {
    auto a = after.find(key);
    return a != after.end() ? !a->second.empty() : before.groups.count(key) > 0;
  };
  for (const auto& p : made) {
    for (const auto& [field, target] : p->refs) {
      if (!group_now(target)) return nullptr;
    }
  }
  bool group_went = false;
  for (const auto& [key, group] : after) group_went = group_went || group.empty();
  // Sections: the same set (a section comes with its first page and goes with its last).
  for (const auto& p : made) {
    if (!p->section.empty() && !before.groups.count("section:" + p->section)) return nullptr;
  }
  std::set<std::string> old_sections;
  for (const auto& [src, page] : old_page) {
    if (!page->section.empty() && !config_.collection(page->section)) {
      old_sections.insert(page->section);
    }
  }
  for (const Page* p : added) old_sections.erase(p->section);
  if (group_went || !old_sections.empty()) {
    for (const auto& p : before.pages) {
      if (!group_old.count(p.get())) {
        if (p->source) old_sections.erase(p->section);
        for (const auto& [field, target] : p->refs) {
          if (after.count(target) && after[target].empty()) return nullptr;
        }
      }
    }
    if (!old_sections.empty()) return nullptr;
  }
  // The pages that left those groups and the pages that came: each list that holds one
  // of them is made again.
  for (const Page* page : group_old) {
    if (page->kind == PageKind::kPage) moved.push_back(page);
  }
  for (const Page* p : added) {
    if (p->kind == PageKind::kPage) moved.push_back(p);
  }
  if (!patch_lists(P)) return nullptr;
  // 7. References: the lists of the pages the moved pages point to, and those of the
  // pages added.
  std::map<std::pair<std::string, std::string>, std::shared_ptr<Page>> targets;  // key, lang
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
      if (now_of.count(old)) return nullptr;
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
  // 8. As reuse_site: translations marked stale and the datasets' pages made anew, and
  // every page pointing to a page made anew.
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
    for (const auto& [lang, page] : it->second) renew(page);
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
  // Every page made points to the pages now; a copy whose lists were not made again
  // points to no page of the groups that changed.
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
  if (dangling) return nullptr;
  if (!patch_order(P)) return nullptr;
  return std::move(site_);
}

}  // namespace detail

std::unique_ptr<Site> patch_site(const Site& before, const SourcePages& before_sources,
                                 const SiteConfig& config, const SourcePages& sources,
                                 const SiteInputs& inputs) {
  if (!inputs.config_print || !before.inputs_print || before.reported) return nullptr;
  if (inputs.now >= before.next_publish) return nullptr;
  if (site_inputs_print(inputs) != before.inputs_print) return nullptr;
  Diagnostics quiet;  // anything reported: the build reports it
  return detail::SiteBuilder(config, inputs, quiet).patch(before, before_sources, sources);
}

}  // namespace firefly
