// The site graph's lists: sections, pagination, taxonomies and generated pages
// (see site_builder.h).

#include <algorithm>
#include <unordered_map>

#include "core/language_tag.h"
#include "core/locale.h"
#include "core/text.h"
#include "model/paths.h"
#include "model/site_builder.h"

namespace firefly::detail {

const std::string& SiteBuilder::slug_of(const std::string& term) {
  auto it = slugs_.find(term);
  if (it == slugs_.end()) it = slugs_.emplace(term, slugify(term)).first;
  return it->second;
}

void SiteBuilder::sort_pages(std::vector<const Page*>& list, const std::string& section) const {
  const Collection* c = config_.collection(section);
  std::string by = c ? c->sort_by : "date";
  // Named once, not compared as text in each of the n log n comparisons.
  const bool by_weight = by == "weight", by_date = by == "date", by_title = by == "title";
  bool desc = c ? c->sort_desc : true;
  // The weights and dates sit beside the pointers while they are sorted: comparing them
  // reads no page (a list of 10,000 pages makes some 140,000 comparisons).
  struct Entry {
    int weight;
    std::optional<Date> date;
    const Page* page;
  };
  std::vector<Entry> entries;
  entries.reserve(list.size());
  for (const Page* p : list) entries.push_back({p->weight, p->date, p});
  std::stable_sort(entries.begin(), entries.end(), [&](const Entry& ea, const Entry& eb) {
    if (by_weight && ea.weight != eb.weight) {
      return desc ? ea.weight > eb.weight : ea.weight < eb.weight;
    }
    if (by_date && ea.date != eb.date) {
      return desc ? ea.date > eb.date : ea.date < eb.date;
    }
    const Page* a = ea.page;
    const Page* b = eb.page;
    if (by_title && a->title != b->title) {
      // Titles sort by the reader's language's collation (stroke order for zh-Hant).
      const Language* lang = config_.language(a->lang);
      int order = collator(lang ? lang->html_lang : a->lang).compare(a->title, b->title);
      if (order != 0) return desc ? order > 0 : order < 0;
    }
    return a->url < b->url;
  });
  for (size_t i = 0; i < list.size(); ++i) list[i] = entries[i].page;
}

bool SiteBuilder::sorts_before(const Page& a, const Page& b, const std::string& section) const {
  const Collection* c = config_.collection(section);
  std::string by = c ? c->sort_by : "date";
  bool desc = c ? c->sort_desc : true;
  if (by == "weight" && a.weight != b.weight)
    return desc ? a.weight > b.weight : a.weight < b.weight;
  if (by == "date" && a.date != b.date) return desc ? a.date > b.date : a.date < b.date;
  if (by == "title" && a.title != b.title) {
    const Language* lang = config_.language(a.lang);
    int order = collator(lang ? lang->html_lang : a.lang).compare(a.title, b.title);
    if (order != 0) return desc ? order > 0 : order < 0;
  }
  return a.url < b.url;
}

void SiteBuilder::paginate(Page& first, std::vector<const Page*> items, int per_page) {
  int count = per_page > 0
                  ? std::max<int>(1, (static_cast<int>(items.size()) + per_page - 1) / per_page)
                  : 1;
  for (int n = 1; n <= count; ++n) {
    Page* p = &first;
    if (n > 1) {
      site_->pages.push_back(std::make_shared<Page>(first));
      p = site_->pages.back().get();
      p->url = first.url + "page/" + std::to_string(n) + "/";
      p->key = first.key + "#" + std::to_string(n);
      p->aliases.clear();
      site_->groups[p->key][p->lang] = p;
    }
    p->page_number = n;
    p->page_count = count;
    p->base_url = first.url;
    size_t begin = per_page > 0 ? static_cast<size_t>((n - 1) * per_page) : 0;
    size_t end =
        per_page > 0 ? std::min(items.size(), begin + static_cast<size_t>(per_page)) : items.size();
    p->list.assign(items.begin() + static_cast<long>(begin),
                   items.begin() + static_cast<long>(end));
  }
}

int SiteBuilder::per_page(const std::string& section) const {
  const Collection* c = config_.collection(section);
  return c ? c->paginate : 0;
}

void SiteBuilder::add_lists() {
  std::vector<Page*> sections;
  for (const auto& p : site_->pages) {
    if (p->kind == PageKind::kSection) sections.push_back(p.get());
  }
  for (Page* s : sections) {
    std::vector<const Page*> items;
    const std::string folder = s->section + "/";
    for (const auto& p : site_->pages) {
      if (p->kind == PageKind::kPage && p->lang == s->lang &&
          (p->section == s->section || starts_with(p->section, folder))) {
        items.push_back(p.get());
      }
    }
    sort_pages(items, s->section);
    paginate(*s, std::move(items), per_page(s->section));
  }
  // The home lists the latest dated pages.
  for (const Language& lang : config_.languages) {
    Page* home = const_cast<Page*>(site_->find("home", lang.code));
    if (!home) continue;
    std::vector<const Page*> dated;
    for (const auto& p : site_->pages) {
      if (p->kind == PageKind::kPage && p->lang == lang.code && p->date) dated.push_back(p.get());
    }
    sort_pages(dated, "");
    if (dated.size() > 6) dated.resize(6);
    home->list = dated;
  }
}

void SiteBuilder::add_taxonomies() {
  for (const Taxonomy& tax : config_.taxonomies) {
    for (const Language& lang : config_.languages) {
      std::map<std::string, std::vector<const Page*>> by_term;
      std::map<std::string, std::pair<std::string, const Page*>> first_use;  // slug -> term
      // slug -> the term as first written by a page in this language's own words (not a
      // page shown untranslated).
      std::map<std::string, std::string> own_form;
      for (const auto& p : site_->pages) {
        if (p->kind != PageKind::kPage || p->lang != lang.code) continue;
        for (const auto& [name, values] : p->terms) {
          if (name != tax.name) continue;
          for (size_t i = 0; i < values.size(); ++i) {
            const std::string& v = values[i];
            const std::string& slug = slug_of(v);
            if (slug.empty()) {
              term_error(*p, tax.name, i,
                         "the " + tax.name + " term '" + v + "' has no letters or digits",
                         "its page would have no address; write a word");
              continue;
            }
            if (slug.size() > kMaxPathSegmentBytes) {
              term_error(*p, tax.name, i,
                         "the " + tax.name + " term '" + std::string(utf8_prefix(v, 40)) +
                             "…' is " + std::to_string(slug.size()) +
                             " bytes long in its address; " + "file systems allow " +
                             std::to_string(kMaxPathSegmentBytes),
                         "shorten the term");
              continue;
            }
            auto [first, fresh] = first_use.try_emplace(slug, v, p.get());
            const std::string& other = first->second.first;
            if (!fresh && other != v && lower_case(trim(other)) != lower_case(trim(v))) {
              const Page* q = first->second.second;
              std::string where =
                  q != p.get() && q->source ? " (" + q->source->path + ")" : std::string();
              term_error(*p, tax.name, i,
                         "the " + tax.name + " terms '" + v + "' and '" + other + "'" + where +
                             " would share the page " + prefix(lang.code) + "/" + tax.name + "/" +
                             slug + "/",
                         "write the term one way everywhere, or make the two differ in "
                         "letters or digits");
              continue;
            }
            // The term is first written here in this language; in another one before,
            // perhaps.
            if (fresh) {
              site_->term_titles[tax.name].try_emplace(slug, Site::WrittenTerm{v, p->content_lang});
            }
            if (p->content_lang == lang.code) own_form.try_emplace(slug, v);
            std::vector<const Page*>& items = by_term[slug];
            if (items.empty() || items.back() != p.get()) items.push_back(p.get());
          }
        }
      }
      Page& index = new_page(PageKind::kTaxonomy, lang.code, "taxonomy:" + tax.name);
      index.taxonomy = tax.name;
      index.title = tax.title.get(lang.code, config_.default_language().code);
      index.url = prefix(lang.code) + "/" + tax.name + "/";
      index.base_url = index.url;
      for (auto& [slug, items] : by_term) {
        Page& term = new_page(PageKind::kTerm, lang.code, "term:" + tax.name + "/" + slug);
        term.taxonomy = tax.name;
        term.term = slug;
        auto own = own_form.find(slug);
        title_term_page(term, tax, config_.default_language().code,
                        site_->term_titles[tax.name][slug],
                        own == own_form.end() ? nullptr : &own->second);
        term.url = index.url + slug + "/";
        int per = 20;
        for (const Collection& c : config_.collections) {
          if (std::count(c.taxonomies.begin(), c.taxonomies.end(), tax.name) && c.paginate) {
            per = c.paginate;
          }
        }
        sort_pages(items, "");
        paginate(term, std::move(items), per);
      }
    }
  }
}

template <typename MakePage>
void SiteBuilder::add_plan_pages(const std::string& lang, const std::string& prefix,
                                 MakePage& simple) {
  if (!inputs_.plans) return;
  const std::string& fallback = config_.default_language().code;
  for (const IndicatorSet& plan : *inputs_.plans) {
    std::string base = prefix + "/data/" + plan.dataset + "/";
    Page& card = simple(PageKind::kScorecard, "scorecard/" + plan.dataset, base + "scorecard/");
    card.dataset = plan.dataset;
    card.title = plan.title.get(lang, fallback);
    if (std::string_view in = plan.title.lang_of(lang, fallback); !in.empty() && in != lang) {
      card.title_lang = std::string(in);
    }
    card.description = plan.description.get(lang, fallback);
    // Dated by its figures, so the site's feed lists a plan's scorecard when they change.
    if (plan.updated.year) {
      card.date = Date{plan.updated.year, plan.updated.month, plan.updated.day};
    }
    for (const Indicator& ind : plan.indicators) {
      Page& page = simple(PageKind::kIndicator, "indicator/" + plan.dataset + "/" + ind.id,
                          base + "indicators/" + ind.id + "/");
      page.dataset = plan.dataset;
      page.indicator = ind.id;
      page.title = ind.name.get(lang, fallback);
      if (std::string_view in = ind.name.lang_of(lang, fallback); !in.empty() && in != lang) {
        page.title_lang = std::string(in);
      }
    }
  }
}

void SiteBuilder::add_generated_pages() {
  for (const Language& lang : config_.languages) {
    const std::string p = prefix(lang.code);
    auto simple = [&](PageKind kind, const std::string& key, const std::string& url) -> Page& {
      Page& page = new_page(kind, lang.code, key);
      page.url = url;
      page.base_url = url;
      auto titles = inputs_.generated_titles.find(lang.code);
      if (titles != inputs_.generated_titles.end()) {
        auto t = titles->second.find(std::string(kind_name(kind)));
        if (t != titles->second.end()) page.title = t->second;
      }
      if (page.title.empty()) page.title = std::string(kind_name(kind));
      return page;
    };
    simple(PageKind::kData, "data", p + "/data/");
    for (const auto& dataset : site_->datasets) {
      const std::string& name = dataset.first;
      Page& d = simple(PageKind::kDataset, "data/" + name, p + "/data/" + name + "/");
      d.dataset = name;
      site_->title_dataset_page(d);
    }
    add_plan_pages(lang.code, p, simple);
    simple(PageKind::kSearch, "search", p + "/search/");
    simple(PageKind::kSitemap, "sitemap", p + "/sitemap/");
    Page& nf = simple(PageKind::kNotFound, "404", p + "/404.html");
    nf.out_path = (p.empty() ? "" : p.substr(1) + "/") + "404.html";
  }
}

void SiteBuilder::term_error(const Page& p, const std::string& taxonomy, size_t index,
                             std::string message, std::string hint) {
  if (p.fallback || !p.source) return;
  const Value& field = p.source->front.get(taxonomy);
  Pos at = field.pos;
  if (field.is_list() && index < field.as_list().size()) at = field.as_list()[index].pos;
  diags_.error(p.source->path, at.line ? at : Pos{1, 1}, std::move(message), std::move(hint));
}

const Collator& SiteBuilder::collator(const std::string& locale) const {
  auto it = collators_.find(locale);
  if (it == collators_.end()) {
    it = collators_.emplace(locale, std::make_unique<Collator>(locale)).first;
  }
  return *it->second;
}

void title_term_page(Page& term, const Taxonomy& tax, const std::string& default_lang,
                     const Site::WrittenTerm& written, const std::string* own) {
  const std::string& lang = term.lang;
  // A term without a display name in this language is in the language of its display
  // name, of the front matter of this language that wrote it, or of the front matter it
  // was first written in (a story shown untranslated).
  std::optional<std::string> named = tax.term_title_lang(term.term, lang, default_lang);
  term.title = tax.term_title(term.term, lang, default_lang, named || !own ? written.title : *own);
  std::string in = named ? *named : own ? lang : written.lang;
  // As first written: in that page's language, unless its script says otherwise (a Latin
  // word in a Chinese story's front matter is not read as Chinese).
  if (!named && !own && !has_script_of(term.title, in)) in = lang;
  term.title_lang = in != lang ? in : std::string();
}

}  // namespace firefly::detail
