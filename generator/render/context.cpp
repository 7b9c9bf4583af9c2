#include "render/context.h"

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "core/locale.h"
#include "core/text.h"
#include "core/version.h"
#include "model/paths.h"
#include "render/collate.h"
#include "render/context_detail.h"
#include "render/data_views.h"
#include "render/email_breaks.h"
#include "render/reads.h"

namespace firefly {

namespace detail {

std::string title_lang_code(const Page& p) {
  if (!p.fallback) return p.title_lang;
  // The original's title, unless it has its own in the reader's language.
  return p.title_lang.empty() ? p.content_lang : p.title_lang == p.lang ? "" : p.title_lang;
}

const Page* noted(const Page* page) {
  if (page && recording_reads()) note_read(grain::item(page->out_path));
  return page;
}

Groups groups_of(const Site& site) {
  Groups groups;
  groups.reserve(site.groups.size());
  for (const auto& [key, pages] : site.groups) groups.emplace(key, &pages);
  return groups;
}

const Page* find_noted(const Groups& groups, const std::string& key, const std::string& lang) {
  if (recording_reads()) note_read(grain::find(key, lang));
  const Page* page = nullptr;
  if (auto g = groups.find(key); g != groups.end()) {
    if (auto p = g->second->find(lang); p != g->second->end()) page = p->second;
  }
  return noted(page);
}

const Language& language_of(const Site& site, const std::string& code) {
  const Language* l = site.config->language(code);
  return l ? *l : site.config->default_language();
}

std::string other_language_tag(const Site& site, const std::string& code, std::string_view reader) {
  return code.empty() || code == reader ? std::string() : language_of(site, code).html_lang;
}

void add_title_lang(Map& m, const Site& site, const Page& p) {
  m.emplace_back("title_lang", other_language_tag(site, title_lang_code(p)));
}

void add_title_html(Map& m, const Site& site, std::string_view title, const std::string& code,
                    const Language& lang, const ScriptLanguages& tags) {
  add_marked_html(m, "title", title,
                  code.empty() ? lang.html_lang : language_of(site, code).html_lang, tags);
}

void add_title_marks(Map& m, const Site& site, const Page& p, const Language& lang,
                     const ScriptLanguages& tags) {
  add_title_lang(m, site, p);
  add_title_html(m, site, p.title, title_lang_code(p), lang, tags);
}

}  // namespace detail

using detail::add_title_lang;
using detail::find_noted;
using detail::language_of;
using detail::map_of;
using detail::noted;
using detail::title_lang_code;

namespace {

/// `address` (an e-mail address) as HTML that a line too narrow for it breaks after the
/// `@` and before the dots of the domain (labor@ / example.gov.tw), not inside a name.
std::string email_html(std::string_view address) { return email_breaks(html_escape(address)); }

/// The collection of a page key "programs/learning": "programs".
std::string key_collection(const std::string& key) { return key.substr(0, key.find('/')); }

/// {field, label, title, title_html, url} of a ref field's target; `title_lang`/`label_lang`
/// when that text is in another language than the page.
Value ref_value(const Site& site, const detail::Groups& groups, const Page& page,
                const std::string& field, const Page& target, const Language& lang,
                const ScriptLanguages& tags) {
  const SiteConfig& c = *site.config;
  const std::string& def = c.default_language().code;
  Map m = map_of(4, "field", field, "title", target.title, "url", target.url);
  detail::add_title_marks(m, site, target, lang, tags);
  // The label: the field's `label:` in this language, else the title of the collection
  // referred to (its section page), else the field's name.
  const FieldSchema* schema = nullptr;
  if (const Collection* own = c.collection(page.section)) {
    for (const FieldSchema& f : own->fields) {
      if (f.name == field) schema = &f;
    }
  }
  std::string label = field, label_lang;
  if (schema && !schema->label.empty()) {
    label = schema->label.get(lang.code, def);
    // Falling back to another language's, or written once in the default language.
    if (std::string in(schema->label.lang_of(lang.code, def)); in != lang.code) label_lang = in;
  } else if (const Page* section =
                 find_noted(groups, "section:" + key_collection(target.key), lang.code)) {
    label = section->title;
    if (section->fallback) label_lang = title_lang_code(*section);
  }
  m.emplace_back("label", label);
  if (!label_lang.empty()) m.emplace_back("label_lang", language_of(site, label_lang).html_lang);
  return Value(std::move(m));
}

/// A menu of site.yaml (`menus.main`, `menus.footer`) as the page in `lang` shows it:
/// {title, title_html, title_lang, url, current, in_section} per entry (docs/templates.md).
Value menu_value(const Site& site, const detail::Groups& groups,
                 const std::vector<MenuEntry>& entries, const Page& page, const Language& lang,
                 const ScriptLanguages& tags) {
  const std::string& def = site.config->default_language().code;
  const std::string prefix = site.lang_prefix(lang.code);
  List menu;
  for (const MenuEntry& e : entries) {
    if (recording_reads()) note_read(grain::url(e.page));
    auto it = site.by_url.find(e.page);
    const Page* target =
        it != site.by_url.end() ? find_noted(groups, it->second->key, lang.code) : nullptr;
    // The entry's own title in this language, else the page's title in it (a language
    // the entry has no title for still gets the page's translated title).
    std::string title = !e.title.empty() && e.title.has(lang.code) ? e.title.get(lang.code, def)
                        : target                                   ? target->title
                        : !e.title.empty()                         ? e.title.get(lang.code, def)
                                                                   : e.page;
    // A title written once is in the default language, as Localized::lang_of says.
    std::string title_lang = !e.title.empty() && e.title.has(lang.code)
                                 ? std::string(e.title.lang_of(lang.code, def))
                             : target ? title_lang_code(*target)
                                      : std::string(e.title.lang_of(lang.code, def));
    if (title_lang == lang.code) title_lang.clear();
    std::string url = target                        ? target->url
                      : !url_scheme(e.page).empty() ? e.page  // an https:// address
                                                    : prefix + e.page;
    // Only the page itself is "current"; a page inside the entry's section is only
    // "in_section" (shown, not announced), so a navigation has one aria-current at most.
    bool current = target && target->key == page.key;
    // A dataset, scorecard or indicator page is inside the data catalogue's address.
    bool in_section =
        !current && target && target->kind != PageKind::kHome &&
        ((!target->section.empty() && page.section == target->section) ||
         (page.url.size() > target->url.size() && starts_with(page.url, target->url)));
    Map entry = map_of(2, "title", title, "url", std::move(url), "current", current, "in_section",
                       in_section);
    entry.emplace_back("title_lang", detail::other_language_tag(site, title_lang));
    detail::add_title_html(entry, site, title, title_lang, lang, tags);
    menu.push_back(Value(std::move(entry)));
  }
  return Value(std::move(menu));
}

}  // namespace

ContextBuilder::ContextBuilder(const Site& site, const Theme& theme,
                               const std::vector<Body>& bodies, const DataViews& data)
    : site_(site),
      theme_(theme),
      bodies_(bodies),
      data_(data),
      groups_(detail::groups_of(site)),
      script_tags_(script_languages(site.config->languages)) {
  static std::atomic<std::uint64_t> serials{0};
  serial_ = ++serials;
  size_t slots = 16;
  while (slots < 2 * site.pages.size()) slots *= 2;
  index_.assign(slots, {nullptr, 0});
  list_item_made_ = std::make_unique<std::atomic<std::uint8_t>[]>(site.pages.size());
  list_items_ = std::make_unique<Value[]>(site.pages.size());
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const Page* page = site.pages[i].get();
    size_t s = index_slot(page);
    while (index_[s].first && index_[s].first != page) s = (s + 1) & (index_.size() - 1);
    index_[s] = {page, i};
  }
  for (const Language& l : site.config->languages) {
    languages_.push_back(language_parts(l));
    sitemap_slots_.push_back(std::make_unique<SitemapSlot>());
  }
}

ContextBuilder::LanguageParts ContextBuilder::language_parts(const Language& lang) const {
  const SiteConfig& c = *site_.config;
  const std::string& def = c.default_language().code;
  std::string prefix = site_.lang_prefix(lang.code);
  // The html_lang of a site text shown in another language (no text for this one), else "".
  auto other_lang = [&](const Localized& text) {
    return detail::other_language_tag(site_, std::string(text.lang_of(lang.code, def)), lang.code);
  };
  LanguageParts parts;
  parts.language = &lang;
  parts.lang = Value(Map{
      {"code", lang.code}, {"html_lang", lang.html_lang}, {"name", lang.name}, {"dir", lang.dir}});
  // The search page's script (search.js) runs last, after its parts (search-*.js).
  parts.assets = Value(Map{{"css", theme_.asset_url("style.css")},
                           {"js", theme_.asset_url("site.js")},
                           {"search_tokens", theme_.asset_url("search-tokens.js")},
                           {"search_query", theme_.asset_url("search-query.js")},
                           {"search_index", theme_.asset_url("search-index.js")},
                           {"search_rank", theme_.asset_url("search-rank.js")},
                           {"search_texts", theme_.asset_url("search-texts.js")},
                           {"search_excerpt", theme_.asset_url("search-excerpt.js")},
                           {"search", theme_.asset_url("search.js")}});
  // The site's title and publisher are often written once, in one language, and shown on
  // every page of every language: a run of another script in them is marked (title_html,
  // name_html) as in the pages' own titles.
  auto add_marked = [&](Map& m, std::string_view name, const std::string& text,
                        const std::string& from) {
    add_marked_html(m, name, text, from.empty() ? lang.html_lang : from, script_tags_);
  };
  std::string name = c.publisher.name.get(lang.code, def), name_lang = other_lang(c.publisher.name);
  Map publisher{{"name", name},
                {"name_lang", name_lang},
                {"email", c.publisher.email},
                {"email_html", email_html(c.publisher.email)},
                {"phone", c.publisher.phone}};
  add_marked(publisher, "name", name, name_lang);
  parts.publisher = Value(std::move(publisher));
  parts.data_license = Value(Map{{"name", c.data_license}, {"url", license_url(c.data_license)}});
  std::string title = c.title.get(lang.code, def), title_lang = other_lang(c.title);
  parts.site_head = Map{{"title", title},
                        {"title_lang", title_lang},
                        {"description", c.description.get(lang.code, def)},
                        {"base_url", c.base_url},
                        {"home_url", prefix + "/"},
                        {"search_url", prefix + "/search/"},
                        {"search_index_url", "/search/" + lang.code + "/index.json"},
                        {"sitemap_url", prefix + "/sitemap/"},
                        {"data_url", prefix + "/data/"},
                        {"feed_url", prefix + "/feed.xml"}};
  add_marked(parts.site_head, "title", title, title_lang);
  return parts;
}

const ContextBuilder::LanguageParts& ContextBuilder::parts_of(const Language& lang,
                                                              LanguageParts& spare) const {
  for (const LanguageParts& p : languages_) {
    if (p.language == &lang) return p;
  }
  return spare = language_parts(lang);  // not one of the site's own (not expected)
}

size_t ContextBuilder::index_slot(const Page* page) const {
  // The address's bits above its alignment, mixed into the top bits (Fibonacci hashing).
  const auto bits = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(page) >> 4);
  return static_cast<size_t>((bits * 0x9E3779B97F4A7C15u) >> 40) & (index_.size() - 1);
}

size_t ContextBuilder::index_of(const Page& page) const {
  for (size_t s = index_slot(&page);; s = (s + 1) & (index_.size() - 1)) {
    if (index_[s].first == &page) return index_[s].second;
    if (!index_[s].first)
      throw std::out_of_range("ContextBuilder::index_of: not a page of the site");
  }
}

Value ContextBuilder::date_value(const Date& date, const Language& lang) const {
  // A list shows a story's date on every page that lists it: each thread keeps the {iso,
  // display} it made, by locale and calendar, then by date (both texts depend on no more).
  struct Dates {
    std::string locale, calendar;
    std::unordered_map<std::uint64_t, Value> by_date;
  };
  thread_local std::vector<Dates> made;
  auto make = [&] {
    return Value(
        Map{{"iso", date.iso()}, {"display", format_date(date, {lang.html_lang, lang.calendar})}});
  };
  // A date without a time of day (as stories have), its fields small enough for one key.
  if (date.has_time || date.year < 0 || date.year > 9999 || date.month < 0 || date.month > 99 ||
      date.day < 0 || date.day > 99) {
    return make();
  }
  Dates* dates = nullptr;
  for (Dates& d : made) {
    if (d.locale == lang.html_lang && d.calendar == lang.calendar) dates = &d;
  }
  if (!dates) dates = &made.emplace_back(Dates{lang.html_lang, lang.calendar, {}});
  std::uint64_t key = (static_cast<std::uint64_t>(date.year) * 100 + date.month) * 100 + date.day;
  auto [it, inserted] = dates->by_date.try_emplace(key);
  if (inserted) it->second = make();
  return it->second;
}

Value ContextBuilder::list_item(const Page& p) const {
  noted(&p);  // for every page that lists p: what serve re-renders after p changes
  size_t i = index_of(p);
  std::atomic<std::uint8_t>& made = list_item_made_[i];
  for (std::uint8_t state; (state = made.load(std::memory_order_acquire)) != 2;) {
    if (state == 1) {  // another thread makes it now (two pages that list it): a few µs
      std::this_thread::yield();
      continue;
    }
    if (!made.compare_exchange_strong(state, 1, std::memory_order_acquire)) continue;
    try {
      list_items_[i] = make_list_item(p);
    } catch (...) {
      made.store(0, std::memory_order_release);  // another thread may try again
      throw;
    }
    made.store(2, std::memory_order_release);
  }
  return list_items_[i];
}

Value ContextBuilder::make_list_item(const Page& p) const {
  const Language& lang = language_of(site_, p.lang);
  const Body& body = bodies_[index_of(p)];
  Map m = map_of(3, "title", p.title, "url", p.url, "summary", body.summary.str(), "section",
                 p.section, "reading_minutes", body.reading_minutes);
  // 做工行善團 in an English title or summary, marked as Chinese (title_html, summary_html).
  const std::string& written = language_of(site_, p.content_lang).html_lang;
  const std::string title_code = title_lang_code(p);
  add_marked_html(m, "title", p.title,
                  title_code.empty() ? lang.html_lang : language_of(site_, title_code).html_lang,
                  script_tags_);
  add_marked_html(m, "summary", body.summary.str(), written, script_tags_);
  if (p.date) m.emplace_back("date", date_value(*p.date, lang));
  if (p.fallback) m.emplace_back("content_lang", language_of(site_, p.content_lang).html_lang);
  if (p.source) m.emplace_back("images", images_value(p, PhotoPlace::kCard));
  return Value(std::move(m));
}

Value ContextBuilder::site_value(const Page& page, const Language& lang) const {
  const SiteConfig& c = *site_.config;
  List languages;
  languages.reserve(c.languages.size());
  for (const Language& l : c.languages) {
    const Page* there = find_noted(groups_, page.key, l.code);
    // The switcher never offers an untranslated page, except the one being read: the
    // current language's link is this page (its aria-current must name this page).
    if (there && there->fallback && l.code != lang.code) there = nullptr;
    Map entry;
    entry.reserve(5);
    entry.emplace_back("code", l.code);
    entry.emplace_back("name", l.name);
    entry.emplace_back("html_lang", l.html_lang);
    entry.emplace_back("url", there ? there->url : site_.lang_prefix(l.code) + "/");
    entry.emplace_back("current", l.code == lang.code);
    languages.push_back(Value(std::move(entry)));
  }
  LanguageParts spare;
  const LanguageParts& parts = parts_of(lang, spare);
  Map m;
  m.reserve(parts.site_head.size() + 5);
  m.insert(m.end(), parts.site_head.begin(), parts.site_head.end());
  m.emplace_back("languages", Value(std::move(languages)));
  m.emplace_back("publisher", parts.publisher);
  Map menus;
  menus.reserve(2);
  menus.emplace_back("main", menu_value(site_, groups_, c.main_menu, page, lang, script_tags_));
  menus.emplace_back("footer", menu_value(site_, groups_, c.footer_menu, page, lang, script_tags_));
  m.emplace_back("menus", Value(std::move(menus)));
  m.emplace_back("data_license", parts.data_license);
  m.emplace_back("generator", "Firefly " FIREFLY_VERSION_STRING);
  return Value(std::move(m));
}

Value ContextBuilder::page_value(const Page& page, const Language& lang) const {
  const Body& body = bodies_[index_of(page)];
  std::string_view kind = kind_name(page.kind);
  Map m =
      map_of(40, "title", page.title, "url", page.url, "permalink", site_.absolute_url(page.url),
             "kind", kind, "section", page.section, "summary", body.summary.str(), "description",
             page.description.empty() ? body.summary.str() : page.description, "content",
             body.html.str(), "fallback", page.fallback, "draft", page.draft, "content_lang",
             language_of(site_, page.content_lang).html_lang);
  add_title_lang(m, site_, page);
  std::string title_code = title_lang_code(page);  // a title in another language
  add_marked_html(m, "title", page.title,
                  language_of(site_, title_code.empty() ? page.lang : title_code).html_lang,
                  script_tags_);
  static constexpr std::pair<std::string_view, const char*> kIs[] = {
      {"home", "is_home"},         {"section", "is_section"},     {"page", "is_page"},
      {"taxonomy", "is_taxonomy"}, {"term", "is_term"},           {"data", "is_data"},
      {"dataset", "is_dataset"},   {"scorecard", "is_scorecard"}, {"indicator", "is_indicator"},
      {"search", "is_search"},     {"sitemap", "is_sitemap"},     {"404", "is_404"}};
  for (const auto& [k, name] : kIs) m.emplace_back(name, k == kind);
  if (body.reading_minutes && page.kind == PageKind::kPage) {
    m.emplace_back("reading_minutes", body.reading_minutes);
  }
  if (const Page* o = noted(page.stale_original)) {
    const Language& ol = language_of(site_, o->lang);
    m.emplace_back("stale", Value(map_of(0, "url", o->url, "lang", ol.html_lang, "name", ol.name)));
  }
  if (page.date) m.emplace_back("date", date_value(*page.date, lang));
  if (page.updated) m.emplace_back("updated", date_value(*page.updated, lang));
  if (page.publish_at) m.emplace_back("scheduled", date_value(*page.publish_at, lang));
  if (page.kind == PageKind::kHome || page.kind == PageKind::kSection) {
    std::string prefix = site_.lang_prefix(lang.code);
    m.emplace_back("feed_url", page.kind == PageKind::kHome
                                   ? prefix + "/feed.xml"
                                   : prefix + "/" + page.section + "/feed.xml");
  }
  add_translations(m, page, lang);
  m.emplace_back("breadcrumbs", breadcrumbs_value(page, lang));
  if (page.page_count > 1) m.emplace_back("pagination", pagination_value(page));

  if (page.source) {
    m.emplace_back("params", page.source->front);
    Value people = people_value(page, lang);
    m.emplace_back("has_people", Value(!people.as_list().empty()));
    m.emplace_back("people", std::move(people));
    Value fields = fields_value(page, lang);
    m.emplace_back("has_fields", Value(!fields.as_list().empty()));
    m.emplace_back("fields", std::move(fields));
    Value images = images_value(page, PhotoPlace::kLead);
    const List& list = images.as_list();
    if (!list.empty() && !list[0].get("og_image").is_null()) {
      m.emplace_back("og_image", list[0].get("og_image"));
    }
    m.emplace_back("images", std::move(images));
  }
  List refs;
  for (const auto& [field, key] : page.refs) {
    if (const Page* t = find_noted(groups_, key, lang.code))
      refs.push_back(ref_value(site_, groups_, page, field, *t, lang, script_tags_));
  }
  m.emplace_back("refs", Value(std::move(refs)));
  Map referenced;
  Map has_referenced;  // a list of links is only written when it has an item
  for (const auto& [collection, pages] : page.referenced_by) {
    List items;
    for (const Page* p : pages) items.push_back(list_item(*p));
    has_referenced.emplace_back(collection, Value(!items.empty()));
    referenced.emplace_back(collection, Value(std::move(items)));
  }
  m.emplace_back("referenced_by", Value(std::move(referenced)));
  m.emplace_back("has_referenced_by", Value(std::move(has_referenced)));
  m.emplace_back("taxonomies", taxonomies_value(page, lang));
  return Value(std::move(m));
}

Value ContextBuilder::page_context(size_t index) const {
  const Page& page = *site_.pages[index];
  const Language& lang = language_of(site_, page.lang);
  const Value& t = theme_.strings(lang.code);
  // Every page shows the configuration, the theme, itself and the strings its templates look
  // up (render/pages.cpp); the data pages, home and site map are made with all strings here.
  if (recording_reads()) {
    for (auto g : {grain::config(), grain::theme(), grain::self(page.out_path)}) note_read(g);
    if (page.kind == PageKind::kData || page.kind == PageKind::kHome ||
        page.kind == PageKind::kSitemap || !page.dataset.empty()) {  // datasets, plans
      note_read(grain::strings(lang.code));
    }
  }
  LanguageParts spare;
  const LanguageParts& parts = parts_of(lang, spare);
  Map ctx;
  ctx.reserve(8);
  ctx.emplace_back("site", site_value(page, lang));
  ctx.emplace_back("lang", parts.lang);
  ctx.emplace_back("t", t);
  ctx.emplace_back("assets", parts.assets);
  ctx.emplace_back("page", page_value(page, lang));
  if (!page.list.empty()) {
    List items;
    for (const Page* p : page.list) items.push_back(list_item(*p));
    ctx.emplace_back("list", Value(std::move(items)));
    ctx.emplace_back("has_list", Value(true));  // for the <ul> around the items: none when empty
  }
  if (page.kind == PageKind::kTaxonomy) {
    note_read(grain::all(lang.code));
    // A term's count sums the lists of the pages keyed by the term's key or by that key
    // followed by '#' (its later pages): one pass files each page under every such key.
    std::unordered_map<std::string_view, int> counts;
    for (const auto& q : site_.pages) {
      if (q->lang != lang.code || q->list.empty()) continue;
      std::string_view key = q->key;
      int n = static_cast<int>(q->list.size());
      counts[key] += n;
      for (size_t at = key.find('#'); at != std::string_view::npos; at = key.find('#', at + 1)) {
        counts[key.substr(0, at)] += n;
      }
    }
    List terms;
    for (const auto& p : site_.pages) {
      if (p->kind == PageKind::kTerm && p->lang == lang.code && p->taxonomy == page.taxonomy &&
          p->page_number == 1) {
        auto found = counts.find(std::string_view(p->key));
        int count = found == counts.end() ? 0 : found->second;
        Map term{{"title", p->title}, {"url", p->url}, {"count", count}};
        detail::add_title_marks(term, site_, *p, lang, script_tags_);
        terms.push_back(Value(std::move(term)));
      }
    }
    sort_by_title(terms, lang.html_lang);
    ctx.emplace_back("terms", Value(std::move(terms)));
  }
  // The catalogue and the home list every dataset; a dataset's own pages show it alone.
  if (page.kind == PageKind::kData || page.kind == PageKind::kHome) note_read(grain::datasets());
  if (!page.dataset.empty()) note_read(grain::dataset(page.dataset));
  if (page.kind == PageKind::kData || page.kind == PageKind::kHome) {
    ctx.emplace_back("datasets", data_.datasets(lang));
    if (page.kind == PageKind::kData) {
      note_read(grain::catalogue());
      Value downloads = data_.bulk_downloads(lang);
      if (downloads.is_list() && !downloads.as_list().empty())
        ctx.emplace_back("data_catalog", true);
      ctx.emplace_back("data_downloads", std::move(downloads));
    }
  }
  if (page.kind == PageKind::kDataset) {
    ctx.emplace_back("dataset", data_.dataset(page.dataset, lang, t));
    ctx.emplace_back("data_catalog", true);
    ctx.emplace_back("jsonld", data_.jsonld(page.dataset, lang));
    std::string scorecard = data_.scorecard_url(page.dataset, lang);
    if (!scorecard.empty()) ctx.emplace_back("scorecard_url", scorecard);
  }
  if (page.kind == PageKind::kScorecard) {
    ctx.emplace_back("scorecard", data_.scorecard(page.dataset, lang));
  }
  if (page.kind == PageKind::kIndicator) {
    ctx.emplace_back("indicator", data_.indicator(page.dataset, page.indicator, lang));
  }
  if (page.kind == PageKind::kSitemap) {
    // Not every page (a new date or summary leaves the map as it was): what it shows.
    note_read(grain::sitemap(lang.code));
    ctx.emplace_back("sitemap", sitemap_value(lang));
  }
  return Value(std::move(ctx));
}

}  // namespace firefly
