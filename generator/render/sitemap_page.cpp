// The context of the HTML site map pages (/sitemap/): every section with its pages sorted
// by title, and the data catalogue's pages; the lists patched from the build before's
// (render/sitemap_lists.h).
#include <mutex>

#include "render/collate.h"
#include "render/context.h"
#include "render/context_detail.h"

namespace firefly {

using detail::find_noted;

bool shown_in_sitemap(const Page& p) {
  if (p.kind == PageKind::kDataset || p.kind == PageKind::kScorecard) return true;
  return p.page_number == 1 && (p.kind == PageKind::kPage || p.kind == PageKind::kSection);
}

Value ContextBuilder::sitemap_value(const Language& lang) const {
  List sections;
  std::vector<const Page*> section_pages;
  for (const auto& p : site_.pages) {
    if (p->lang == lang.code && p->page_number == 1 && p->kind == PageKind::kSection)
      section_pages.push_back(p.get());
  }
  // The lists of pages, patched from the build before's (render/sitemap_lists.h).
  size_t slot = 0;
  while (slot < site_.config->languages.size() && site_.config->languages[slot].code != lang.code)
    ++slot;
  std::shared_ptr<const SitemapLists> lists;
  {
    SitemapSlot& s = *sitemap_slots_.at(slot);
    std::lock_guard<std::mutex> hold(s.lock);
    if (!s.made) {
      const SitemapLists* before =
          slot < sitemaps_before_.size() ? sitemaps_before_[slot].get() : nullptr;
      s.made = sitemap_lists(site_, lang.code, lang.html_lang, before);
    }
    lists = s.made;
  }
  auto list_of = [&](const std::string& section) {
    List items;
    if (auto it = lists->sections.find(section); it != lists->sections.end()) {
      items.reserve(it->second.size());
      for (const auto& e : it->second) items.push_back(e->item);
    }
    return items;
  };
  List top = list_of("");
  const Value& t = theme_.strings(lang.code);
  if (!top.empty()) {
    const Page* home = find_noted(groups_, "home", lang.code);
    Map section{{"title", home ? home->title : std::string()},
                {"url", site_.lang_prefix(lang.code) + "/"},
                {"pages", Value(std::move(top))},
                {"has_pages", Value(true)}};
    if (home) detail::add_title_marks(section, site_, *home, lang, script_tags_);
    sections.push_back(Value(std::move(section)));
  }
  for (const Page* s : section_pages) {
    List pages = list_of(s->section);
    const bool has_pages = !pages.empty();  // a section with no page yet: no empty <ul>
    Map section{{"title", s->title},
                {"url", s->url},
                {"pages", Value(std::move(pages))},
                {"has_pages", Value(has_pages)}};
    detail::add_title_marks(section, site_, *s, lang, script_tags_);
    sections.push_back(Value(std::move(section)));
  }
  List data_pages;
  for (const auto& p : site_.pages) {
    if (p->lang == lang.code &&
        (p->kind == PageKind::kDataset || p->kind == PageKind::kScorecard)) {
      Map item{{"title", p->title}, {"url", p->url}};
      detail::add_title_marks(item, site_, *p, lang, script_tags_);
      data_pages.push_back(Value(std::move(item)));
    }
  }
  sort_by_title(data_pages, lang.html_lang);
  const bool has_data = !data_pages.empty();
  sections.push_back(Value(Map{{"title", t.get("data_catalogue").to_text()},
                               {"url", site_.lang_prefix(lang.code) + "/data/"},
                               {"pages", Value(std::move(data_pages))},
                               {"has_pages", Value(has_data)}}));
  return Value(Map{{"sections", Value(std::move(sections))}});
}

std::vector<std::shared_ptr<const SitemapLists>> ContextBuilder::sitemaps() const {
  std::vector<std::shared_ptr<const SitemapLists>> out;
  for (size_t i = 0; i < sitemap_slots_.size(); ++i) {
    std::shared_ptr<const SitemapLists> made = sitemap_slots_[i]->made;
    if (!made && i < sitemaps_before_.size()) made = sitemaps_before_[i];
    out.push_back(std::move(made));
  }
  return out;
}

}  // namespace firefly
