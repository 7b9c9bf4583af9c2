// The lists of a patched site graph (site_patch.h): each section, home and term that held
// a page of a changed group or holds one now, made again.

#include <algorithm>

#include "core/text.h"
#include "model/paths.h"
#include "model/site_builder.h"
#include "model/site_patch.h"

namespace firefly::detail {

namespace {

bool in_list_of(const Page& p, const std::string& section) {
  return p.section == section ||
         (p.section.size() > section.size() && starts_with(p.section, section + "/"));
}

}  // namespace

void SiteBuilder::insert_sorted(std::vector<const Page*>& list, const Page* p,
                                const std::string& section) const {
  auto at = std::upper_bound(list.begin(), list.end(), p, [&](const Page* a, const Page* b) {
    return sorts_before(*a, *b, section);
  });
  list.insert(at, p);
}

bool SiteBuilder::order_before(const Page& a, const Page& b) const {
  if (a.fallback != b.fallback) return !a.fallback;
  const std::string& x = a.fallback ? a.key : a.source->path;
  const std::string& y = b.fallback ? b.key : b.source->path;
  if (x != y) return x < y;
  return config_.language(a.lang) < config_.language(b.lang);
}

bool SiteBuilder::repaginate(SitePatch& patch, const Page* old_first, std::shared_ptr<Page> first,
                             std::vector<const Page*> items, int per) {
  std::vector<std::shared_ptr<Page>> chain;
  int count = per > 0 ? std::max<int>(1, (static_cast<int>(items.size()) + per - 1) / per) : 1;
  for (int n = 1; n <= count; ++n) {
    std::shared_ptr<Page> p = first;
    if (n > 1) {
      p = std::make_shared<Page>(*first);
      p->url = first->url + "page/" + std::to_string(n) + "/";
      p->key = first->key + "#" + std::to_string(n);
      p->aliases.clear();
      p->out_path = output_path_for_url(p->url);
    }
    p->page_number = n;
    p->page_count = count;
    p->base_url = first->url;
    size_t begin = per > 0 ? static_cast<size_t>((n - 1) * per) : 0;
    size_t end = per > 0 ? std::min(items.size(), begin + static_cast<size_t>(per)) : items.size();
    p->list.assign(items.begin() + static_cast<long>(begin),
                   items.begin() + static_cast<long>(end));
    chain.push_back(p);
  }
  if (old_first) {
    std::vector<const Page*> old = patch.chain_of(*old_first);
    if (old.empty()) return false;
    for (size_t i = 0; i < old.size(); ++i) {
      patch.now_of[old[i]] = i < chain.size() ? chain[i] : nullptr;
    }
  }
  patch.chains[first->key + " " + first->lang] = std::move(chain);
  return true;
}

bool SiteBuilder::patch_lists(SitePatch& P) {
  const Site& before = P.before;
  const std::string& def = config_.default_language().code;
  auto& now_of = P.now_of;
  auto& added = P.added;
  auto& group_old = P.group_old;
  auto& moved = P.moved;
  auto& chains = P.chains;
  auto& home_remade = P.home_remade;
  // 5. Sections.
  std::vector<const Page*> section_firsts, taxonomy_pages;
  for (const auto& p : before.pages) {
    if (p->kind == PageKind::kSection && p->page_number == 1) section_firsts.push_back(p.get());
  }
  for (const Page* s : section_firsts) {
    bool touched = std::any_of(moved.begin(), moved.end(), [&](const Page* m) {
      return m->lang == s->lang && in_list_of(*m, s->section);
    });
    if (!touched) continue;
    if (now_of.count(s) || !s->referenced_by.empty()) return false;
    std::vector<const Page*> items = P.items_of(*s);
    for (const Page* a : added) {
      if (a->kind == PageKind::kPage && a->lang == s->lang && in_list_of(*a, s->section)) {
        insert_sorted(items, a, s->section);
      }
    }
    auto first = std::make_shared<Page>(*s);
    first->stale_original = nullptr;
    const Collection* c = config_.collection(s->section);
    if (!repaginate(P, s, first, std::move(items), c ? c->paginate : 0)) return false;
  }
  // The home: the latest six dated pages.
  for (const Language& lang : config_.languages) {
    bool touched = std::any_of(moved.begin(), moved.end(),
                               [&](const Page* m) { return m->lang == lang.code && m->date; });
    const Page* home = before.find("home", lang.code);
    if (!touched || !home) continue;
    std::vector<const Page*> dated;
    bool lost = std::any_of(home->list.begin(), home->list.end(),
                            [&](const Page* p) { return group_old.count(p) > 0; });
    if (lost) {
      for (const auto& p : before.pages) {
        if (p->kind == PageKind::kPage && p->lang == lang.code && p->date &&
            !group_old.count(p.get())) {
          dated.push_back(p.get());
        }
      }
    } else {
      dated = home->list;
    }
    for (const Page* a : added) {
      if (a->kind == PageKind::kPage && a->lang == lang.code && a->date) dated.push_back(a);
    }
    auto by = [&](const Page* a, const Page* b) { return sorts_before(*a, *b, ""); };
    size_t top = std::min<size_t>(6, dated.size());
    std::partial_sort(dated.begin(), dated.begin() + static_cast<long>(top), dated.end(), by);
    dated.resize(top);
    auto copy = std::make_shared<Page>(*home);
    copy->stale_original = nullptr;
    copy->list = std::move(dated);
    if (now_of.count(home)) return false;
    now_of[home] = copy;
    home_remade.insert(home);
  }
  // 6. Terms: each (taxonomy, language, slug) a moved page has.
  struct TermKey {
    const Taxonomy* tax;
    std::string slug;
    bool operator<(const TermKey& o) const {
      return tax->name != o.tax->name ? tax->name < o.tax->name : slug < o.slug;
    }
  };
  std::set<TermKey> terms;
  for (const Page* m : moved) {
    for (const auto& [name, values] : m->terms) {
      const Taxonomy* tax = nullptr;
      for (const Taxonomy& t : config_.taxonomies) tax = t.name == name ? &t : tax;
      if (!tax) continue;
      for (const std::string& v : values) {
        const std::string& slug = slug_of(v);
        if (slug.empty() || slug.size() > kMaxPathSegmentBytes) return false;
        terms.insert({tax, slug});
      }
    }
  }
  Site::WrittenTerm none;
  auto& term_titles = P.term_titles;
  // (taxonomy, language) -> slug -> the term's pages now (empty: gone).
  auto& term_chains = P.term_chains;
  for (const TermKey& t : terms) {
    const std::string& name = t.tax->name;
    std::vector<std::pair<const Language*, std::vector<const Page*>>> by_lang;
    // By language (as by_lang): the term as first written by a page in the language's own
    // words, if one did.
    std::vector<std::optional<std::string>> own_forms;
    std::optional<Site::WrittenTerm> written;
    for (const Language& lang : config_.languages) {
      const Page* first = before.find("term:" + name + "/" + t.slug, lang.code);
      std::vector<const Page*> items;
      if (first) items = P.items_of(*first);
      for (const Page* a : added) {
        if (a->kind != PageKind::kPage || a->lang != lang.code) continue;
        for (const auto& [tax, values] : a->terms) {
          if (tax != name) continue;
          if (std::any_of(values.begin(), values.end(),
                          [&](const std::string& v) { return slug_of(v) == t.slug; })) {
            insert_sorted(items, a, "");
          }
          break;
        }
      }
      // Written one way (up to the case of any script and spaces) in each language, as
      // build() requires; the first page in build()'s order writes its title.
      std::string form;
      const Page* earliest = nullptr;
      std::string earliest_form;
      const Page* own = nullptr;
      std::optional<std::string> own_form;
      for (const Page* item : items) {
        for (const auto& [tax, values] : item->terms) {
          if (tax != name) continue;
          bool first_in_page = true;
          for (const std::string& v : values) {
            if (slug_of(v) != t.slug) continue;
            std::string low = lower_case(trim(v));
            if (form.empty()) form = low;
            if (low != form) return false;  // build() reports the two ways
            if (first_in_page && (!earliest || order_before(*item, *earliest))) {
              earliest = item;
              earliest_form = v;
            }
            if (first_in_page && item->content_lang == lang.code &&
                (!own || order_before(*item, *own))) {
              own = item;
              own_form = v;
            }
            first_in_page = false;
          }
        }
      }
      if (earliest && !written) written = Site::WrittenTerm{earliest_form, earliest->content_lang};
      by_lang.emplace_back(&lang, std::move(items));
      own_forms.push_back(std::move(own_form));
    }
    // The first value a page writes with the slug is its written form.
    auto& titles = term_titles[name];
    if (written) {
      titles[t.slug] = *written;
    } else {
      titles.erase(t.slug);
    }
    int per = 20;
    for (const Collection& c : config_.collections) {
      if (std::count(c.taxonomies.begin(), c.taxonomies.end(), name) && c.paginate) {
        per = c.paginate;
      }
    }
    for (size_t k = 0; k < by_lang.size(); ++k) {
      auto& [lang, items] = by_lang[k];
      const Page* old = before.find("term:" + name + "/" + t.slug, lang->code);
      auto& slot = term_chains[{name, lang->code}][t.slug];
      if (items.empty()) {
        if (old) {
          for (const Page* q : P.chain_of(*old)) now_of[q] = nullptr;
        }
        continue;
      }
      std::shared_ptr<Page> first;
      if (old) {
        if (now_of.count(old)) return false;
        first = std::make_shared<Page>(*old);
        first->stale_original = nullptr;
      } else {
        const Page* index = before.find("taxonomy:" + name, lang->code);
        if (!index) return false;
        first = std::make_shared<Page>();
        first->kind = PageKind::kTerm;
        first->lang = first->content_lang = lang->code;
        first->key = "term:" + name + "/" + t.slug;
        first->taxonomy = name;
        first->term = t.slug;
        first->url = index->url + t.slug + "/";
        first->out_path = output_path_for_url(first->url);
      }
      title_term_page(*first, *t.tax, def, written ? *written : none,
                      own_forms[k] ? &*own_forms[k] : nullptr);
      if (!repaginate(P, old, first, std::move(items), per)) return false;
      slot = chains[first->key + " " + lang->code];
    }
  }
  return true;
}

}  // namespace firefly::detail
