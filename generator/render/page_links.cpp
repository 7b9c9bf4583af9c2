// The parts of a page's template context that link it to other pages: its translations and
// alternates, breadcrumbs, pagination and taxonomy terms (docs/templates.md).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "core/language_tag.h"
#include "core/text.h"
#include "render/context.h"
#include "render/context_detail.h"
#include "render/language_runs.h"

namespace firefly {

using detail::add_title_lang;
using detail::find_noted;
using detail::language_of;
using detail::map_of;

void ContextBuilder::add_translations(Map& m, const Page& page, const Language& lang) const {
  const SiteConfig& c = *site_.config;
  List translations, alternates;
  const Page* canonical = &page;
  if (auto g = groups_.find(page.key); g != groups_.end()) {
    for (const Language& l : c.languages) {
      find_noted(groups_, page.key, l.code);
      auto it = g->second->find(l.code);
      if (it == g->second->end() || it->second->fallback) continue;
      const Page* t = it->second;
      if (page.fallback && t->lang == page.content_lang) canonical = t;
      alternates.push_back(
          Value(map_of(0, "hreflang", l.html_lang, "url", site_.absolute_url(t->url))));
      if (l.code == lang.code) continue;
      translations.push_back(Value(
          map_of(0, "code", l.code, "name", l.name, "html_lang", l.html_lang, "url", t->url)));
    }
    if (const Page* d = find_noted(groups_, page.key, c.default_language().code);
        d && !d->fallback) {
      alternates.push_back(
          Value(map_of(0, "hreflang", "x-default", "url", site_.absolute_url(d->url))));
    }
  }
  m.emplace_back("has_translations", !translations.empty());
  m.emplace_back("translations", Value(std::move(translations)));
  m.emplace_back("alternates", Value(std::move(alternates)));
  m.emplace_back("canonical", site_.absolute_url(canonical->url));
}

Value ContextBuilder::breadcrumbs_value(const Page& page, const Language& lang) const {
  List crumbs;
  // A crumb of an untranslated page is in its content's language.
  auto crumb = [&](const Page& to, std::string title) {
    Map m = map_of(2, "title", title, "url", to.url);
    add_title_lang(m, site_, to);
    detail::add_title_html(m, site_, title, detail::title_lang_code(to), lang, script_tags_);
    return Value(std::move(m));
  };
  if (page.kind != PageKind::kHome) {
    if (const Page* home = find_noted(groups_, "home", lang.code)) {
      crumbs.push_back(crumb(*home, home->title.empty() ? std::string("Home") : home->title));
    }
    std::string parent_key =
        page.kind == PageKind::kPage && !page.section.empty() ? "section:" + page.section
        : page.kind == PageKind::kTerm                        ? "taxonomy:" + page.taxonomy
        : page.kind == PageKind::kDataset || page.kind == PageKind::kScorecard ||
                page.kind == PageKind::kIndicator
            ? std::string("data")
            : std::string();
    if (const Page* parent =
            parent_key.empty() ? nullptr : find_noted(groups_, parent_key, lang.code)) {
      if (parent->kind == PageKind::kData) {
        crumbs.push_back(
            Value(Map{{"title", theme_.strings(lang.code).get("data_catalogue").to_text()},
                      {"url", parent->url}}));
      } else {
        crumbs.push_back(crumb(*parent, parent->title));
      }
    }
    // A plan's pages sit under its dataset; an indicator also under the scorecard.
    std::vector<std::string> plan_keys;
    if (page.kind == PageKind::kScorecard || page.kind == PageKind::kIndicator) {
      plan_keys.push_back("data/" + page.dataset);
    }
    if (page.kind == PageKind::kIndicator) plan_keys.push_back("scorecard/" + page.dataset);
    for (const std::string& key : plan_keys) {
      if (const Page* up = find_noted(groups_, key, lang.code)) {
        crumbs.push_back(crumb(*up, up->title));
      }
    }
  }
  return Value(std::move(crumbs));
}

Value ContextBuilder::pagination_value(const Page& page) const {
  List pages;
  auto url_of = [&](int n) {
    return n == 1 ? page.base_url : page.base_url + "page/" + std::to_string(n) + "/";
  };
  // The first and last pages and two on each side of the current one; a {gap: true}
  // entry stands for the pages left out (a list of 2,500 links helps nobody, and would
  // make building long sections quadratic).
  int last_shown = 0;
  for (int n = 1; n <= page.page_count; ++n) {
    bool shown = n == 1 || n == page.page_count || std::abs(n - page.page_number) <= 2;
    if (!shown) continue;
    if (n > last_shown + 1) pages.push_back(Value(Map{{"gap", true}}));
    pages.push_back(Value(map_of(0, "n", n, "url", url_of(n), "current", n == page.page_number)));
    last_shown = n;
  }
  Map pag{{"current", page.page_number},
          {"total", page.page_count},
          {"pages", Value(std::move(pages))}};
  if (page.page_number > 1) pag.emplace_back("prev", url_of(page.page_number - 1));
  if (page.page_number < page.page_count) pag.emplace_back("next", url_of(page.page_number + 1));
  return Value(std::move(pag));
}

Value ContextBuilder::taxonomies_value(const Page& page, const Language& lang) const {
  const SiteConfig& c = *site_.config;
  const std::string& def = c.default_language().code;
  // A term looks the same on every page that has it in one language and content language:
  // each thread keeps the terms it made for this builder (a new builder starts afresh).
  struct Terms {
    std::uint64_t builder = 0;
    std::unordered_map<std::string, Value> made;  ///< null for a value without a slug
  };
  thread_local Terms cache;
  if (cache.builder != serial_) cache = Terms{serial_, {}};
  std::string key;
  List taxonomies;
  for (const auto& [name, values] : page.terms) {
    const Taxonomy* tax = c.taxonomy(name);
    if (!tax) continue;
    List terms;
    terms.reserve(values.size());
    for (const std::string& v : values) {
      // The languages (codes, without a NUL), the name's length, the name, the value.
      key.assign(lang.code).append(1, '\0').append(page.content_lang).append(1, '\0');
      key.append(std::to_string(name.size())).append(1, ':').append(name).append(v);
      auto [it, inserted] = cache.made.try_emplace(key);
      if (inserted) it->second = term_value(*tax, name, v, page, lang);
      if (!it->second.is_null()) terms.push_back(it->second);
    }
    // `tags: []` (as `firefly new` writes it): no label over an empty list (sia-r68).
    if (terms.empty()) continue;
    // A taxonomy titled in other languages only shows the default language's title; one
    // titled once (標籤) has its runs of another script marked.
    std::string title = tax->title.get(lang.code, def);
    std::string title_lang = detail::other_language_tag(
        site_, std::string(tax->title.lang_of(lang.code, def)), lang.code);
    Map taxonomy = map_of(1, "name", name, "title", title, "title_lang", title_lang, "terms",
                          Value(std::move(terms)));
    add_marked_html(taxonomy, "title", title, title_lang.empty() ? lang.html_lang : title_lang,
                    script_tags_);
    taxonomies.push_back(Value(std::move(taxonomy)));
  }
  return Value(std::move(taxonomies));
}

Value ContextBuilder::term_value(const Taxonomy& tax, const std::string& name,
                                 const std::string& value, const Page& page,
                                 const Language& lang) const {
  const std::string& def = site_.config->default_language().code;
  std::string slug = slugify(value);
  if (slug.empty()) return Value();
  std::string title = tax.term_title(slug, lang.code, def, value);
  // A term without a title in this language is in its title's language, or in that
  // of the front matter it was written in.
  std::string from = tax.term_title_lang(slug, lang.code, def).value_or("");
  // (Unless the script says otherwise: a Latin word in a Chinese story is not Chinese.)
  if (from.empty()) from = has_script_of(title, page.content_lang) ? page.content_lang : lang.code;
  Map term = map_of(2, "title", title, "url",
                    site_.lang_prefix(lang.code) + "/" + name + "/" + slug + "/");
  // Present when "" too: a term inside a card must not take the card's title_lang.
  term.emplace_back("title_lang", detail::other_language_tag(site_, from, lang.code));
  detail::add_title_html(term, site_, title, from == lang.code ? std::string() : from, lang,
                         script_tags_);
  return Value(std::move(term));
}

}  // namespace firefly
