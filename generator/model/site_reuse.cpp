#include "model/site_reuse.h"

#include <unordered_map>
#include <utility>

#include "core/hash.h"

namespace firefly {

namespace {

void add_localized(Hasher& h, const Localized& text) {
  h.add(text.plain).add(static_cast<std::uint64_t>(text.by_lang.size()));
  for (const auto& [lang, value] : text.by_lang) h.add(lang).add(value);
}

}  // namespace

std::uint64_t site_inputs_print(const SiteInputs& inputs) {
  Hasher h;
  h.add(inputs.config_print).add(inputs.drafts ? 1 : 0);
  auto add_set = [&](const std::set<std::string>& set) {
    h.add(static_cast<std::uint64_t>(set.size()));
    for (const std::string& s : set) h.add(s);
  };
  add_set(inputs.files);
  add_set(inputs.withheld_datasets);
  add_set(inputs.withheld_files);
  add_set(inputs.layouts);
  // The datasets' names, not their titles: a graph taken over or patched makes every
  // dataset page anew and gives it its title as it is now (Site::title_dataset_page).
  h.add(static_cast<std::uint64_t>(inputs.datasets.size()));
  for (const auto& dataset : inputs.datasets) h.add(dataset.first);
  // What the graph shows of a plan: its scorecard and a page per indicator.
  h.add(static_cast<std::uint64_t>(inputs.plans ? inputs.plans->size() + 1 : 0));
  static const std::vector<IndicatorSet> kNoPlans;
  // (A conditional of *plans and a temporary would copy every plan.)
  for (const IndicatorSet& plan : inputs.plans ? *inputs.plans : kNoPlans) {
    h.add(plan.dataset);
    add_localized(h, plan.title);
    add_localized(h, plan.description);
    h.add(plan.updated.iso()).add(static_cast<std::uint64_t>(plan.indicators.size()));
    for (const Indicator& ind : plan.indicators) {
      h.add(ind.id);
      add_localized(h, ind.name);
    }
  }
  h.add(static_cast<std::uint64_t>(inputs.generated_titles.size()));
  for (const auto& [lang, titles] : inputs.generated_titles) {
    h.add(lang).add(static_cast<std::uint64_t>(titles.size()));
    for (const auto& [kind, title] : titles) h.add(kind).add(title);
  }
  return h.get() | 1;  // never 0, which means "not to be taken over"
}

bool same_for_graph(const SourcePage& a, const SourcePage& b) {
  return a.path == b.path && a.section == b.section && a.slug == b.slug && a.lang == b.lang &&
         a.is_index == b.is_index && a.placeholder == b.placeholder &&
         a.front_incomplete == b.front_incomplete && a.git_revised == b.git_revised &&
         same_written(a.front, b.front);
}

std::unique_ptr<Site> reuse_site(const Site& before, const SourcePages& before_sources,
                                 const SiteConfig& config, const SourcePages& sources,
                                 const SiteInputs& inputs) {
  if (!inputs.config_print || !before.inputs_print || before.reported) return nullptr;
  if (inputs.now >= before.next_publish || sources.size() != before_sources.size()) {
    return nullptr;
  }
  if (site_inputs_print(inputs) != before.inputs_print) return nullptr;
  // The sources that are other objects now (the files edited), each read the same.
  std::unordered_map<const SourcePage*, const SourcePage*> new_source;
  for (size_t i = 0; i < sources.size(); ++i) {
    const SourcePage* was = before_sources[i].get();
    const SourcePage* now = sources[i].get();
    if (was == now) continue;
    if (!same_for_graph(*was, *now)) return nullptr;
    new_source.emplace(was, now);
  }
  // The inputs as they are now (the same as before where the graph reads them).
  auto site = site_of_inputs(config, inputs);
  site->term_titles = before.term_titles;
  site->placeholders = before.placeholders;
  site->inputs_print = before.inputs_print;
  site->next_publish = before.next_publish;
  // Pages made anew: those of an edited file with every translation of theirs, since
  // mark_stale_translations marks them again, the translations marked stale, and the
  // datasets' pages, which mark_stale_dataset_texts marks from the data. The other pages are shared
  // with `before`, unless they point to a page made anew (then made anew too).
  std::unordered_map<const Page*, Page*> copy_of;
  auto renew_group = [&](const std::string& key) {
    auto group = before.groups.find(key);
    if (group == before.groups.end()) return;
    for (const auto& [lang, page] : group->second) copy_of.emplace(page, nullptr);
  };
  for (const auto& page : before.pages) {
    if (page->source && new_source.count(page->source)) {
      copy_of.emplace(page.get(), nullptr);
      renew_group(page->key);
    } else if (page->stale_original) {
      // Marked again: a shared page is never written, even with the value it has (the
      // graph before may still be read on another thread, by a search refresh ending).
      copy_of.emplace(page.get(), nullptr);
    }
  }
  for (auto it = before.groups.lower_bound("data/");
       it != before.groups.end() && it->first.compare(0, 5, "data/") == 0; ++it) {
    renew_group(it->first);
  }
  auto points_to_renewed = [&](const Page& page) {
    auto renewed = [&](const Page* p) { return p && copy_of.count(p); };
    if (renewed(page.stale_original)) return true;
    for (const Page* p : page.list) {
      if (renewed(p)) return true;
    }
    for (const auto& [collection, pages] : page.referenced_by) {
      for (const Page* p : pages) {
        if (renewed(p)) return true;
      }
    }
    return false;
  };
  for (bool grew = !copy_of.empty(); grew;) {
    grew = false;
    for (const auto& page : before.pages) {
      if (!copy_of.count(page.get()) && points_to_renewed(*page)) {
        copy_of.emplace(page.get(), nullptr);
        grew = true;
      }
    }
  }
  site->pages.reserve(before.pages.size());
  for (const auto& page : before.pages) {
    auto it = copy_of.find(page.get());
    if (it == copy_of.end()) {
      site->pages.push_back(page);
    } else {
      site->pages.push_back(std::make_shared<Page>(*page));
      it->second = site->pages.back().get();
    }
  }
  // The pages made anew point to the new sources and to each other.
  auto now_of = [&](Page* p) {
    auto it = copy_of.find(p);
    return it == copy_of.end() ? p : it->second;
  };
  auto repoint = [&](std::vector<const Page*>& pages) {
    for (const Page*& p : pages) p = now_of(const_cast<Page*>(p));
  };
  for (const auto& [was, page] : copy_of) {
    if (page->source) {
      if (auto it = new_source.find(page->source); it != new_source.end()) {
        page->source = it->second;
      }
    }
    repoint(page->list);
    for (auto& [collection, pages] : page->referenced_by) repoint(pages);
    page->stale_original = nullptr;
    if (page->kind == PageKind::kDataset) site->title_dataset_page(*page);
  }
  site->groups = before.groups;
  site->by_url = before.by_url;
  if (!copy_of.empty()) {
    for (auto& [key, by_lang] : site->groups) {
      for (auto& [lang, page] : by_lang) page = now_of(page);
    }
    for (auto& [url, page] : site->by_url) page = now_of(page);
  }
  return site;
}

}  // namespace firefly
