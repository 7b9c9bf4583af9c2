// The site graph of the build before, patched (model/site_reuse.h patch_site): the pages
// of the edited, new and deleted sources replaced, and only the lists that held the old
// pages or hold the new ones made again. This file: patch() as its steps, the changed
// sources, their pages and their groups now; site_patch_lists.cpp the lists;
// site_patch_refs.cpp the references and the pages made anew; site_patch_order.cpp the
// pages in build()'s order and the maps.

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
  if (!patch_sources(P, before_sources, sources)) return nullptr;
  if (!patch_pages(P)) return nullptr;
  if (!patch_groups(P)) return nullptr;
  if (!patch_lists(P)) return nullptr;
  if (!patch_references(P)) return nullptr;
  patch_renewed(P);
  if (!patch_pointers(P)) return nullptr;
  if (!patch_order(P)) return nullptr;
  return std::move(site_);
}

bool SiteBuilder::patch_sources(SitePatch& P, const SourcePages& before_sources,
                                const SourcePages& sources) {
  auto& before = P.before;
  auto& changes = P.changes;
  auto& old_page = P.old_page;
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
    if (changes.size() > 32) return false;  // a build costs less
  }
  for (const auto& [was, now] : changes) {
    for (const SourcePage* s : {was, now}) {
      if (s && (s->is_index || s->placeholder || s->front_incomplete)) return false;
    }
  }
  // The pages of the sources before.
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
    if (!page) return false;  // a draft, a page waiting, an index
  }
  return true;
}

bool SiteBuilder::patch_pages(SitePatch& P) {
  auto& changes = P.changes;
  auto& old_page = P.old_page;
  auto& keys = P.keys;
  auto& made = P.made;
  auto quiet = [&] { return diags_.error_count() + diags_.warning_count() == 0; };
  for (const auto& [was, now] : changes) {
    if (was) keys.insert(old_page[was]->key);
    if (!now) continue;
    FrontMatter fm;
    read_front_matter(*now, config_, fm, diags_);
    if (!quiet() || fm.draft || !fm.url.empty()) return false;
    if (fm.publish_at && config_.timezone.instant(*fm.publish_at) > inputs_.now) return false;
    std::string key = page_key(*now, fm.translation_key);
    if (key.find('#') != std::string::npos || key.find(':') != std::string::npos) return false;
    if (was && old_page[was]->key != key) return false;
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
    if (!p->layout.empty() && !inputs_.layouts.empty() &&
        (!inputs_.layouts.count(p->layout) || p->layout == kFrameLayout ||
         inputs_.layouts_without_text.count(p->layout))) {
      return false;
    }
    p->url =
        prefix(now->lang) +
        (now->section.empty() ? "/" + now->slug + "/" : "/" + now->section + "/" + now->slug + "/");
    p->base_url = p->url;
    p->out_path = output_path_for_url(p->url);
    keys.insert(key);
    made.push_back(std::move(p));
  }
  if (!quiet()) return false;
  return true;
}

bool SiteBuilder::patch_groups(SitePatch& P) {
  auto& before = P.before;
  auto& now_of = P.now_of;
  auto& after = P.after;
  auto& added = P.added;
  auto& group_old = P.group_old;
  auto& is_added = P.is_added;
  auto& moved = P.moved;
  auto& old_page = P.old_page;
  auto& keys = P.keys;
  auto& made = P.made;
  const std::string& def = config_.default_language().code;
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
    if (slot) return false;  // a second version: build() reports it
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
        fill_fallback(*original, *p);
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
      if (!group_now(target)) return false;
    }
  }
  bool group_went = false;
  for (const auto& [key, group] : after) group_went = group_went || group.empty();
  // Sections: the same set (a section comes with its first page and goes with its last).
  for (const auto& p : made) {
    if (!p->section.empty() && !before.groups.count("section:" + p->section)) return false;
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
          if (after.count(target) && after[target].empty()) return false;
        }
      }
    }
    if (!old_sections.empty()) return false;
  }
  // The pages that left those groups and the pages that came: each list that holds one
  // of them is made again.
  for (const Page* page : group_old) {
    if (page->kind == PageKind::kPage) moved.push_back(page);
  }
  for (const Page* p : added) {
    if (p->kind == PageKind::kPage) moved.push_back(p);
  }
  return true;
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
