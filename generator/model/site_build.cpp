// The site graph's content pages, their references and addresses (see site_builder.h).

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/locale.h"
#include "core/text.h"
#include "model/front_matter_schema.h"
#include "model/paths.h"
#include "model/site_builder.h"
#include "model/site_reuse.h"

namespace firefly {

namespace {

/// The "updated" date git gives a page: the last commit that revised its file (not the one
/// that created it), and none when that is before the page's own `date` (content written
/// long ago and committed later).
std::optional<Date> git_page_updated(const SourcePage& src, const std::optional<Date>& date) {
  if (!src.git_revised) return std::nullopt;
  if (date && src.git_revised->days_since_epoch() < date->days_since_epoch()) return std::nullopt;
  return src.git_revised;
}

}  // namespace

namespace detail {

Page& SiteBuilder::new_page(PageKind kind, const std::string& lang, const std::string& key) {
  site_->pages.push_back(std::make_shared<Page>());
  Page& p = *site_->pages.back();
  p.kind = kind;
  p.lang = lang;
  p.content_lang = lang;
  p.key = key;
  site_->groups[key][lang] = &p;
  return p;
}

std::string SiteBuilder::page_key(const SourcePage& src, const std::string& translation_key) {
  if (!translation_key.empty()) return translation_key;
  if (src.is_index) return src.section.empty() ? "home" : "section:" + src.section;
  return src.section.empty() ? src.slug : src.section + "/" + src.slug;
}

void SiteBuilder::add_content_pages(const SourcePages& sources) {
  std::map<std::string, HeldOriginal> held;  // originals not yet published, by key
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
    const long long publish = fm.publish_at ? config_.timezone.instant(*fm.publish_at) : 0;
    const bool waiting = fm.publish_at && publish > inputs_.now;
    if (waiting) site_->next_publish = std::min(site_->next_publish, publish);
    if ((fm.draft || waiting) && !inputs_.drafts) {
      if (src.lang == config_.default_language().code) {
        held.emplace(page_key(src, fm.translation_key), HeldOriginal{&src, fm.draft});
      }
      continue;
    }
    std::string key = page_key(src, fm.translation_key);
    if (const Page* other = site_->find(key, src.lang)) {
      // At the translation_key that made the two one page (of either file), if any.
      std::string where = src.path, other_path = other->source->path;
      Pos at = src.front.get("translation_key").pos;
      if (at.line == 0 && other->source->front.get("translation_key").pos.line != 0) {
        at = other->source->front.get("translation_key").pos;
        std::swap(where, other_path);
      }
      diags_.error(where, at,
                   "this page is a second '" + src.lang + "' version of the page in " + other_path,
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
  check_held_translations(held);
}

void SiteBuilder::check_held_translations(const std::map<std::string, HeldOriginal>& held) {
  // An original held back (a draft, or its publish_at still ahead) holds its translations:
  // one that says nothing of its own would be published now, and stand in at the
  // original's address too, before the day the bureau chose (an embargoed announcement
  // out early in English). A translation with its own draft: or publish_at: is its own.
  for (const auto& [key, hold] : held) {
    auto group = site_->groups.find(key);
    if (group == site_->groups.end()) continue;
    const SourcePage* original = hold.source;
    const Value& when = original->front.get("publish_at");
    for (const auto& [lang, page] : group->second) {
      const Value& front = page->source->front;
      if (page->source == original || front.find("draft") || front.find("publish_at")) continue;
      diags_.error(page->source->path, Pos{1, 1},
                   "this translation would be published now, while its original " + original->path +
                       (hold.draft ? " is a draft" : " waits until " + when.to_text()),
                   hold.draft ? "write draft: true here too, or draft: false to publish this "
                                "translation before its original"
                              : "write publish_at: " + when.to_text() +
                                    " here too, or draft: false to publish this translation now");
    }
  }
}

void SiteBuilder::add_fallbacks() {
  if (config_.missing_translation != "fallback") return;
  std::vector<std::pair<std::string, Page*>> originals;
  for (auto& [key, by_lang] : site_->groups) {
    auto def = by_lang.find(config_.default_language().code);
    originals.emplace_back(key, def != by_lang.end() ? def->second : by_lang.begin()->second);
  }
  for (auto& [key, original] : originals) {
    for (const Language& lang : config_.languages) {
      if (site_->find(key, lang.code)) continue;
      fill_fallback(*original, new_page(original->kind, lang.code, key));
    }
  }
}

void SiteBuilder::fill_fallback(const Page& from, Page& to) const {
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
  to.fallback = true;
  to.url = prefix(to.lang) + from.url.substr(prefix(from.lang).size());
  to.base_url = to.url;
  if (to.kind != PageKind::kSection) return;
  const Collection* c = config_.collection(to.section);
  // Written for that language: a plain string is in no language we could tell.
  if (!c || c->title.by_lang.empty() || !c->title.has(to.lang)) return;
  to.title = c->title.get(to.lang, to.lang);
  to.title_lang = to.lang;  // its own, though the page is the original's
}

void SiteBuilder::check_images(const Page& p) {
  for (const Image& img : p.images) {
    if (!img.src.empty() && img.src[0] != '/' && url_scheme(img.src).empty()) {
      // images/a.jpg, static/images/a.jpg: a front matter image is shown on the page, its
      // section's list and the feed, so a path relative to one of them cannot be right.
      std::string in_static = starts_with(img.src, "static/") ? img.src.substr(6) : "";
      std::string site_path = in_static.empty() ? "/" + img.src : in_static;
      bool found = site_->files.count(site_path) || site_->withheld_files.count(site_path);
      diags_.error(p.source->path, img.pos,
                   "the image " + img.src +
                       " does not start with '/': front matter names a file "
                       "of static/ by its path from the site's root",
                   "write " + site_path + (found ? "" : " and put the file at static" + site_path));
      continue;
    }
    if (!img.src.empty() && img.src[0] == '/' && !site_->files.count(img.src) &&
        !site_->withheld_files.count(img.src)) {
      std::string twin = differs_only_in_case(site_->files, img.src);
      diags_.error(p.source->path, img.pos, "the image " + img.src + " is not in static/",
                   twin.empty() ? "put the file at static" + img.src : letter_case_hint(twin));
    }
  }
}

void SiteBuilder::add_missing_sections() {
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

void SiteBuilder::resolve_refs() {
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

void SiteBuilder::add_aliases() {
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

namespace {

/// What a page Firefly makes is, for an error about a file at its address.
std::string made_page_name(const Page& page) {
  switch (page.kind) {
    case PageKind::kData:
      return "the data catalogue";
    case PageKind::kDataset:
      return "the page of dataset '" + page.dataset + "'";
    case PageKind::kScorecard:
      return "the scorecard of dataset '" + page.dataset + "'";
    case PageKind::kIndicator:
      return "a page of the indicators of dataset '" + page.dataset + "'";
    case PageKind::kSearch:
      return "the search page";
    case PageKind::kSitemap:
      return "the site map";
    case PageKind::kTaxonomy:
      return "the list of the terms of taxonomy '" + page.taxonomy + "'";
    case PageKind::kTerm:
      return "the page of the term '" + page.term + "' of taxonomy '" + page.taxonomy + "'";
    case PageKind::kSection:
      return "the list page of content/" + page.section + "/";
    default:
      return "a page Firefly makes";
  }
}

}  // namespace

void SiteBuilder::index_urls() {
  std::map<std::string, const Page*> lower_urls;
  // Pages of their own language first: a clash of two of them is reported at its own
  // address, not at that of a copy shown in another language (it was reported once a
  // language); each pair of files is reported once.
  std::vector<Page*> order;
  order.reserve(site_->pages.size());
  for (int copies = 0; copies < 2; ++copies) {
    for (const auto& p : site_->pages) {
      if (p->fallback == (copies == 1)) order.push_back(p.get());
    }
  }
  std::set<std::pair<std::string, std::string>> reported;
  for (Page* p : order) {
    if (p->out_path.empty()) p->out_path = output_path_for_url(p->url);
    auto [it, inserted] = site_->by_url.emplace(p->url, p);
    std::string lower = lower_case(p->out_path);
    auto [lit, linserted] = lower_urls.emplace(lower, p);
    if (inserted && linserted) continue;
    const Page* other = inserted ? lit->second : it->second;
    std::string where = p->source ? p->source->path : p->alias_source;
    std::string other_where = other->source ? other->source->path : other->alias_source;
    if (!reported.insert(std::minmax(where, other_where)).second) continue;
    // At what made the address when it is written: an alias, or a `url` (of either page).
    Pos pos = p->alias_pos;
    auto url_field = [](const Page* page) {
      return page->source && page->alias_source.empty() ? page->source->front.get("url").pos
                                                        : Pos{};
    };
    if (pos.line == 0) pos = url_field(p);
    if (pos.line == 0 && other->alias_source.empty() && url_field(other).line != 0) {
      pos = url_field(other);
      std::swap(where, other_where);
    }
    // A page Firefly makes (the catalogue at /data/) and a file at its address (content/
    // data.md): the error is the file's, which is what is to be renamed; it was reported at
    // "site.yaml", with no line, and the file only named in the message.
    const Page* made = nullptr;
    if (where.empty() && !other_where.empty() && pos.line == 0) {
      std::swap(where, other_where);
      pos = other->alias_pos;  // an alias at the address: at it
      made = p;
    }
    // Two pages Firefly makes (a taxonomy's and a folder's list pages at /tags/): both named.
    const bool both_made = where.empty() && other_where.empty();
    if (where.empty()) where = "site.yaml";
    diags_.error(
        where, pos,
        (both_made ? made_page_name(*p) : std::string("this page")) + " would be published at " +
            p->url + ", which " +
            (made        ? made_page_name(*made)
             : both_made ? made_page_name(*other)
             // a `url` at a made page's address: the error is at the `url`, of either page
             : other_where.empty()
                 ? made_page_name(p->source || !p->alias_source.empty() ? *other : *p)
                 : other_where) +
            (!inserted ? " also uses"
             : equal_ignoring_ascii_case(p->out_path, lit->second->out_path)
                 ? " also uses (the addresses differ only in letter case)"
                 // café typed as one letter é or as e and an accent (macOS file names)
                 : " also uses (the addresses differ only in letter case or in how an accented "
                   "letter is typed)"),
        made        ? "give the file another name, or the page a `url`"
        : both_made ? "give the folder or the taxonomy another name"
                    : "give one of them another file name or `url`");
  }
}

}  // namespace detail

std::unique_ptr<Site> build_site(const SiteConfig& config, const SourcePages& sources,
                                 const SiteInputs& inputs, Diagnostics& diags) {
  const size_t reported = diags.error_count() + diags.warning_count();
  std::unique_ptr<Site> site = detail::SiteBuilder(config, inputs, diags).build(sources);
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
