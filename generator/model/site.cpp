#include "model/site.h"

#include <algorithm>
#include <unordered_map>

#include "core/locale.h"
#include "core/text.h"
#include "model/front_matter_schema.h"
#include "model/paths.h"
#include "model/site_reuse.h"

namespace firefly {

std::string_view kind_name(PageKind kind) {
  switch (kind) {
    case PageKind::kHome:
      return "home";
    case PageKind::kSection:
      return "section";
    case PageKind::kPage:
      return "page";
    case PageKind::kTaxonomy:
      return "taxonomy";
    case PageKind::kTerm:
      return "term";
    case PageKind::kData:
      return "data";
    case PageKind::kDataset:
      return "dataset";
    case PageKind::kScorecard:
      return "scorecard";
    case PageKind::kIndicator:
      return "indicator";
    case PageKind::kSearch:
      return "search";
    case PageKind::kSitemap:
      return "sitemap";
    case PageKind::kNotFound:
      return "404";
    case PageKind::kRedirect:
      return "redirect";
  }
  return "page";
}

const Page* Site::find(const std::string& key, const std::string& lang) const {
  auto g = groups.find(key);
  if (g == groups.end()) return nullptr;
  auto p = g->second.find(lang);
  return p == g->second.end() ? nullptr : p->second;
}

bool Site::withheld(const std::string& path) const {
  if (withheld_files.count(path)) return true;
  if (withheld_datasets.empty()) return false;
  std::string_view rest = path;
  if (size_t data = rest.find("/data/"); data != std::string_view::npos && data > 0) {
    // Only after a language's prefix ("/en/data/...").
    const std::string lang(rest.substr(1, data - 1));
    if (!config || !config->language(lang) || lang_prefix(lang).empty()) return false;
    rest.remove_prefix(data);
  }
  if (!starts_with(rest, "/data/")) return false;
  rest.remove_prefix(6);
  const std::string name(rest.substr(0, rest.find_first_of("/.")));
  return withheld_datasets.count(name) > 0;
}

std::string Site::absolute_url(const std::string& url) const {
  std::string base = config->base_url;
  if (!base.empty() && base.back() == '/' && !url.empty() && url[0] == '/') base.pop_back();
  return base + url;
}

std::string Site::lang_prefix(const std::string& lang) const {
  return lang == config->default_language().code ? "" : "/" + lang;
}

namespace {

/// The "updated" date git gives a page: the last commit that revised its file (not the one
/// that created it), and none when that is before the page's own `date` (content written
/// long ago and committed later).
std::optional<Date> git_page_updated(const SourcePage& src, const std::optional<Date>& date) {
  if (!src.git_revised) return std::nullopt;
  if (date && src.git_revised->days_since_epoch() < date->days_since_epoch()) return std::nullopt;
  return src.git_revised;
}

class SiteBuilder {
 public:
  SiteBuilder(const SiteConfig& config, const SiteInputs& inputs, Diagnostics& diags)
      : config_(config), inputs_(inputs), diags_(diags), site_(site_of_inputs(config, inputs)) {}

  std::unique_ptr<Site> build(const SourcePages& sources) {
    add_content_pages(sources);
    add_fallbacks();
    add_missing_sections();
    resolve_refs();
    add_lists();
    add_taxonomies();
    add_generated_pages();
    add_aliases();
    index_urls();
    check_menu();
    check_layouts();
    return std::move(site_);
  }

 private:
  Page& new_page(PageKind kind, const std::string& lang, const std::string& key) {
    site_->pages.push_back(std::make_shared<Page>());
    Page& p = *site_->pages.back();
    p.kind = kind;
    p.lang = lang;
    p.content_lang = lang;
    p.key = key;
    site_->groups[key][lang] = &p;
    return p;
  }

  std::string prefix(const std::string& lang) const { return site_->lang_prefix(lang); }

  /// The key of the page of `src`: its `translation_key`, else its section and slug.
  static std::string page_key(const SourcePage& src, const std::string& translation_key) {
    if (!translation_key.empty()) return translation_key;
    if (src.is_index) return src.section.empty() ? "home" : "section:" + src.section;
    return src.section.empty() ? src.slug : src.section + "/" + src.slug;
  }

  void add_content_pages(const SourcePages& sources) {
    for (const auto& source : sources) {
      const SourcePage& src = *source;
      // A page whose front matter has errors stays in the graph with what could be read,
      // so that its body is checked too and links to it resolve; the build fails anyway.
      if (src.placeholder) {
        const Value& key = src.front.get("translation_key");
        bool own_key = !key.is_null() && !key.is_map() && !key.is_list();
        site_->placeholders[{own_key ? key.to_text() : page_key(src, ""), src.lang}] = src.path;
        continue;
      }
      FrontMatter fm;
      read_front_matter(src, config_, fm, diags_);
      if (fm.draft && !inputs_.drafts) continue;
      const long long publish = fm.publish_at ? config_.timezone.instant(*fm.publish_at) : 0;
      const bool waiting = fm.publish_at && publish > inputs_.now;
      if (waiting) site_->next_publish = std::min(site_->next_publish, publish);
      if (waiting && !inputs_.drafts) continue;
      std::string key = page_key(src, fm.translation_key);
      if (const Page* other = site_->find(key, src.lang)) {
        diags_.error(src.path, {},
                     "this page is a second '" + src.lang + "' version of the page in " +
                         other->source->path,
                     "give one of them a different translation_key or file name");
        continue;
      }
      PageKind kind = src.is_index ? (src.section.empty() ? PageKind::kHome : PageKind::kSection)
                                   : PageKind::kPage;
      Page& p = new_page(kind, src.lang, key);
      p.source = &src;
      p.section = src.section;
      // The front matter read for this page alone: its values are moved, not copied.
      p.title = std::move(fm.title);
      p.date = fm.date;
      p.updated = fm.updated ? fm.updated : git_page_updated(src, fm.date);
      p.weight = fm.weight;
      p.draft = fm.draft;
      if (waiting) p.publish_at = fm.publish_at;
      p.summary = std::move(fm.summary);
      p.description = std::move(fm.description);
      p.layout = std::move(fm.layout);
      p.terms = std::move(fm.terms);
      p.refs = std::move(fm.refs);
      p.images = std::move(fm.images);
      p.aliases = std::move(fm.aliases);
      check_images(p);
      std::string path = !fm.url.empty() ? fm.url
                         : src.is_index
                             ? (src.section.empty() ? "/" : "/" + src.section + "/")
                             : (src.section.empty() ? "/" + src.slug + "/"
                                                    : "/" + src.section + "/" + src.slug + "/");
      p.url = prefix(src.lang) + path;
      p.base_url = p.url;
    }
  }

  // Pages missing in a language: publish the original with a notice, or nothing.
  void add_fallbacks() {
    if (config_.missing_translation != "fallback") return;
    std::vector<std::pair<std::string, Page*>> originals;
    for (auto& [key, by_lang] : site_->groups) {
      auto def = by_lang.find(config_.default_language().code);
      originals.emplace_back(key, def != by_lang.end() ? def->second : by_lang.begin()->second);
    }
    for (auto& [key, original] : originals) {
      for (const Language& lang : config_.languages) {
        if (site_->find(key, lang.code)) continue;
        Page& p = new_page(original->kind, lang.code, key);
        copy_content(*original, p);
        p.fallback = true;
        std::string path = original->url.substr(prefix(original->lang).size());
        p.url = prefix(lang.code) + path;
        p.base_url = p.url;
      }
    }
  }

  static void copy_content(const Page& from, Page& to) {
    to.content_lang = from.content_lang;
    to.source = from.source;
    to.section = from.section;
    to.title = from.title;
    to.date = from.date;
    to.updated = from.updated;
    to.weight = from.weight;
    to.draft = from.draft;
    to.publish_at = from.publish_at;
    to.summary = from.summary;
    to.description = from.description;
    to.layout = from.layout;
    to.terms = from.terms;
    to.refs = from.refs;
    to.images = from.images;
  }

  // Images the site serves must be files it publishes (static/ or the theme).
  void check_images(const Page& p) {
    for (const Image& img : p.images) {
      if (!img.src.empty() && img.src[0] == '/' && !site_->files.count(img.src) &&
          !site_->withheld_files.count(img.src)) {
        diags_.error(p.source->path, img.pos, "the image " + img.src + " is not in static/",
                     "put the file at static" + img.src);
      }
    }
  }

  // A folder of pages without an _index file still gets a list page.
  void add_missing_sections() {
    std::set<std::string> sections;
    for (const auto& p : site_->pages) {
      if (!p->section.empty()) sections.insert(p->section);
    }
    for (const Collection& c : config_.collections) sections.insert(c.name);
    for (const std::string& s : sections) {
      for (const Language& lang : config_.languages) {
        if (site_->find("section:" + s, lang.code)) continue;
        if (config_.missing_translation == "omit" && !site_->groups.count("section:" + s) &&
            lang.code != config_.default_language().code) {
          continue;
        }
        Page& p = new_page(PageKind::kSection, lang.code, "section:" + s);
        p.section = s;
        // The collection's title, else the folder's name (in no language: a name).
        const Collection* c = config_.collection(s);
        if (c && !c->title.empty()) {
          const std::string& def = config_.default_language().code;
          p.title = c->title.get(lang.code, def);
          if (std::string in(c->title.lang_of(lang.code, def)); !in.empty() && in != lang.code) {
            p.title_lang = in;
          }
        } else {
          p.title = s;
          if (!p.title.empty()) p.title[0] = static_cast<char>(std::toupper(p.title[0]));
        }
        p.url = prefix(lang.code) + "/" + s + "/";
        p.base_url = p.url;
      }
    }
    if (!site_->groups.count("home")) {
      for (const Language& lang : config_.languages) {
        Page& p = new_page(PageKind::kHome, lang.code, "home");
        p.title = config_.title.get(lang.code, config_.default_language().code);
        p.url = prefix(lang.code) + "/";
        p.base_url = p.url;
      }
    }
  }

  void resolve_refs() {
    for (const auto& p : site_->pages) {
      if (p->fallback || !p->source) continue;
      for (auto& [field, target] : p->refs) {
        if (site_->groups.count(target)) continue;
        const Value& v = p->source->front.get(field);
        std::vector<std::string> keys;
        for (const auto& [k, _] : site_->groups) {
          if (starts_with(k, target.substr(0, target.find('/') + 1))) keys.push_back(k);
        }
        std::string guess = did_you_mean(target, keys);
        std::string name = target.substr(target.find('/') + 1);
        diags_.error(
            p->source->path, v.pos,
            "'" + name + "' in field '" + field + "' does not match any page of " +
                target.substr(0, target.find('/')),
            guess.empty() ? "" : "did you mean '" + guess.substr(guess.find('/') + 1) + "'?");
      }
    }
    for (const auto& p : site_->pages) {
      for (const auto& [field, target] : p->refs) {
        auto g = site_->groups.find(target);
        if (g == site_->groups.end()) continue;
        auto t = g->second.find(p->lang);
        if (t != g->second.end() && !p->section.empty()) {
          t->second->referenced_by[p->section].push_back(p.get());
        }
      }
    }
    for (const auto& p : site_->pages) {
      for (auto& [collection, list] : p->referenced_by) sort_pages(list, collection);
    }
  }

  /// The slug of a term, made once for each way the term is written.
  const std::string& slug_of(const std::string& term) {
    auto it = slugs_.find(term);
    if (it == slugs_.end()) it = slugs_.emplace(term, slugify(term)).first;
    return it->second;
  }

  void sort_pages(std::vector<const Page*>& list, const std::string& section) const {
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

  // Splits `items` into pages of the list page `first`, adding the pages after it.
  void paginate(Page& first, std::vector<const Page*> items, int per_page) {
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
      size_t end = per_page > 0 ? std::min(items.size(), begin + static_cast<size_t>(per_page))
                                : items.size();
      p->list.assign(items.begin() + static_cast<long>(begin),
                     items.begin() + static_cast<long>(end));
    }
  }

  int per_page(const std::string& section) const {
    const Collection* c = config_.collection(section);
    return c ? c->paginate : 0;
  }

  void add_lists() {
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

  void add_taxonomies() {
    for (const Taxonomy& tax : config_.taxonomies) {
      for (const Language& lang : config_.languages) {
        std::map<std::string, std::vector<const Page*>> by_term;
        std::map<std::string, std::pair<std::string, const Page*>> first_use;  // slug -> term
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
              if (!fresh && other != v && ascii_lower(trim(other)) != ascii_lower(trim(v))) {
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
                site_->term_titles[tax.name].try_emplace(slug,
                                                         Site::WrittenTerm{v, p->content_lang});
              }
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
          const Site::WrittenTerm& written = site_->term_titles[tax.name][slug];
          const std::string& def = config_.default_language().code;
          term.title = tax.term_title(slug, lang.code, def, written.title);
          // A term without a display name in this language is in the language of its
          // display name, or of the front matter it was first written in.
          std::string in = tax.term_title_lang(slug, lang.code, def).value_or(written.lang);
          if (in != lang.code) term.title_lang = in;
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

  void add_generated_pages() {
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
      for (const auto& [name, title] : site_->datasets) {
        Page& d = simple(PageKind::kDataset, "data/" + name, p + "/data/" + name + "/");
        d.dataset = name;
        d.title = title.get(lang.code, config_.default_language().code);
        if (std::string_view in = title.lang_of(lang.code, config_.default_language().code);
            !in.empty() && in != lang.code) {
          d.title_lang = std::string(in);
        }
      }
      add_plan_pages(lang.code, p, simple);
      simple(PageKind::kSearch, "search", p + "/search/");
      simple(PageKind::kSitemap, "sitemap", p + "/sitemap/");
      Page& nf = simple(PageKind::kNotFound, "404", p + "/404.html");
      nf.out_path = (p.empty() ? "" : p.substr(1) + "/") + "404.html";
    }
  }

  template <typename MakePage>
  void add_plan_pages(const std::string& lang, const std::string& prefix, MakePage& simple) {
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

  void add_aliases() {
    std::vector<Page*> with_aliases;
    for (const auto& p : site_->pages) {
      if (!p->aliases.empty() && !p->fallback) with_aliases.push_back(p.get());
    }
    for (Page* target : with_aliases) {
      for (const auto& [alias, pos] : target->aliases) {
        std::string url = prefix(target->lang) + alias;
        Page& r = new_page(PageKind::kRedirect, target->lang, "alias:" + url);
        r.url = url;
        r.redirect_to = target->url;
        r.title = target->title;
        r.alias_source = target->source ? target->source->path : "";
        r.alias_pos = pos;
      }
    }
  }

  void index_urls() {
    std::map<std::string, const Page*> lower_urls;
    for (const auto& p : site_->pages) {
      if (p->out_path.empty()) p->out_path = output_path_for_url(p->url);
      auto [it, inserted] = site_->by_url.emplace(p->url, p.get());
      std::string lower = ascii_lower(p->out_path);
      auto [lit, linserted] = lower_urls.emplace(lower, p.get());
      if (!inserted || !linserted) {
        const Page* other = inserted ? lit->second : it->second;
        std::string where = p->source ? p->source->path : p->alias_source;
        std::string other_where = other->source ? other->source->path : other->alias_source;
        if (where.empty()) where = "site.yaml";
        diags_.error(
            where, p->alias_pos,
            "this page would be published at " + p->url + ", which " +
                (other_where.empty() ? std::string("a generated page") : other_where) +
                (inserted ? " also uses (the addresses differ only in letter case)" : " also uses"),
            "give one of them another file name or `url`");
      }
    }
  }

  // An error about the `index`th term of `taxonomy` in page `p`'s front matter (reported in
  // the page's own language only, at the term).
  void term_error(const Page& p, const std::string& taxonomy, size_t index, std::string message,
                  std::string hint) {
    if (p.fallback || !p.source) return;
    const Value& field = p.source->front.get(taxonomy);
    Pos at = field.pos;
    if (field.is_list() && index < field.as_list().size()) at = field.as_list()[index].pos;
    diags_.error(p.source->path, at.line ? at : Pos{1, 1}, std::move(message), std::move(hint));
  }

  // Every menu entry opens a page of the site or an http(s) address.
  void check_menu() {
    const std::string def = config_.default_language().code;
    std::vector<const MenuEntry*> entries;
    for (const MenuEntry& e : config_.main_menu) entries.push_back(&e);
    for (const MenuEntry& e : config_.footer_menu) entries.push_back(&e);
    for (const MenuEntry* entry : entries) {
      const MenuEntry& e = *entry;
      if (std::string why = unsafe_link_reason(e.page); !why.empty()) {
        diags_.error("site.yaml", e.pos, "the menu entry " + e.page + " is not allowed: " + why);
        continue;
      }
      if (!url_scheme(e.page).empty()) continue;  // an http(s), mailto or tel address
      if (site_->by_url.count(e.page)) continue;
      std::vector<std::string> candidates;
      for (const auto& [url, page] : site_->by_url) {
        if (page->lang == def && page->kind != PageKind::kRedirect) candidates.push_back(url);
      }
      std::string guess = did_you_mean(e.page, candidates);
      diags_.error("site.yaml", e.pos,
                   "the menu entry " + e.page + " points to no page of this site",
                   guess.empty() ? "write the address of a page in the site's default language, "
                                   "like /stories/"
                                 : "did you mean " + guess + "?");
    }
  }

  // `layout:` names a layout the theme has.
  void check_layouts() {
    if (inputs_.layouts.empty()) return;  // the theme is not known (tests of the model)
    std::vector<std::string> names(inputs_.layouts.begin(), inputs_.layouts.end());
    for (const auto& p : site_->pages) {
      if (p->layout.empty() || p->fallback || !p->source || inputs_.layouts.count(p->layout)) {
        continue;
      }
      const Value& at = p->source->front.get("layout");
      std::string guess = did_you_mean(p->layout, names);
      std::string all;
      for (const std::string& n : names) all += (all.empty() ? "" : ", ") + n;
      diags_.error(
          p->source->path, at.pos.line ? at.pos : Pos{1, 1},
          "the theme has no layout '" + p->layout + "'",
          guess.empty() ? "the theme's layouts are: " + all : "did you mean '" + guess + "'?");
    }
  }

  const Collator& collator(const std::string& locale) const {
    auto it = collators_.find(locale);
    if (it == collators_.end()) {
      it = collators_.emplace(locale, std::make_unique<Collator>(locale)).first;
    }
    return *it->second;
  }

  mutable std::map<std::string, std::unique_ptr<Collator>> collators_;
  std::unordered_map<std::string, std::string> slugs_;  ///< see slug_of
  const SiteConfig& config_;
  const SiteInputs& inputs_;
  Diagnostics& diags_;
  std::unique_ptr<Site> site_;
};

}  // namespace

std::unique_ptr<Site> site_of_inputs(const SiteConfig& config, const SiteInputs& inputs) {
  auto site = std::make_unique<Site>();
  site->config = &config;
  site->files = inputs.files;
  site->datasets = inputs.datasets;
  site->plans = inputs.plans;
  site->withheld_datasets = inputs.withheld_datasets;
  site->withheld_files = inputs.withheld_files;
  return site;
}

std::unique_ptr<Site> build_site(const SiteConfig& config, const SourcePages& sources,
                                 const SiteInputs& inputs, Diagnostics& diags) {
  const size_t reported = diags.error_count() + diags.warning_count();
  std::unique_ptr<Site> site = SiteBuilder(config, inputs, diags).build(sources);
  site->reported = diags.error_count() + diags.warning_count() != reported;
  if (inputs.config_print) site->inputs_print = site_inputs_print(inputs);
  return site;
}

std::unique_ptr<Site> build_site(const SiteConfig& config, const std::vector<SourcePage>& sources,
                                 const SiteInputs& inputs, Diagnostics& diags) {
  SourcePages pages;
  pages.reserve(sources.size());
  // Pointers that own nothing: `sources` outlives the site.
  for (const SourcePage& p : sources) pages.emplace_back(std::shared_ptr<const SourcePage>(), &p);
  return build_site(config, pages, inputs, diags);
}

}  // namespace firefly
