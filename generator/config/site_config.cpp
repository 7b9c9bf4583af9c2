#include "config/site_config.h"

#include <algorithm>
#include <cctype>

#include "config/base_url.h"
#include "config/cms_settings.h"
#include "config/collections.h"
#include "config/language_keys.h"
#include "config/licenses.h"
#include "config/site_addresses.h"
#include "config/site_yaml_values.h"
#include "core/fs.h"
#include "core/language_tag.h"
#include "core/locale.h"
#include "core/text.h"
#include "core/yaml.h"
#include "core/yaml_merge.h"

namespace firefly {

const Language* SiteConfig::language(std::string_view code) const {
  for (const Language& l : languages) {
    if (l.code == code) return &l;
  }
  return nullptr;
}

std::string SiteConfig::language_meant(std::string_view code) const {
  std::string guess = suggest_language_code(code);
  if (language(guess)) return guess;
  std::vector<std::string> codes;
  for (const Language& l : languages) codes.push_back(l.code);
  // "vi" on a site in vi-VN: the site's code of the same language and script.
  const std::string known = is_known_language_code(code) ? std::string(code) : guess;
  if (!known.empty()) {
    if (std::string near = closest_language(known, codes); !near.empty()) return near;
  }
  if (is_known_language_code(code)) return "";
  return did_you_mean(code, codes);
}

const Collection* SiteConfig::collection(std::string_view name) const {
  for (const Collection& c : collections) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::string Taxonomy::term_title(const std::string& slug, const std::string& lang,
                                 const std::string& default_lang,
                                 const std::string& fallback) const {
  for (const auto& [term, title] : terms) {
    if (term == slug) return title.get(lang, default_lang);
  }
  return fallback;
}

std::optional<std::string> Taxonomy::term_title_lang(const std::string& slug,
                                                     const std::string& lang,
                                                     const std::string& default_lang) const {
  for (const auto& [term, title] : terms) {
    if (term == slug) return std::string(title.lang_of(lang, default_lang));
  }
  return std::nullopt;
}

const Taxonomy* SiteConfig::taxonomy(std::string_view name) const {
  for (const Taxonomy& t : taxonomies) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

namespace {

const char* const kPath = config_detail::kSiteYaml;
/// The most entries of one menu, which every page carries (the sample portal's have 7).
constexpr size_t kMaxMenuEntries = 100;
using config_detail::address_name_ok;
using config_detail::check_keys;
using config_detail::email_problem;
using config_detail::expect;
using config_detail::localized;
using config_detail::shaped;
using config_detail::text;
using config_detail::yes_no;

/// The example the errors of `languages:` give.
const char* const kLanguagesExample =
    "`languages: [{code: zh-TW, name: 中文}, {code: en, name: English}]`, the default "
    "language first";

/// The language `l`, an entry of `languages:`; nullopt when it is no language (reported).
std::optional<Language> read_language(const Value& l, Diagnostics& diags) {
  if (!l.is_map()) {
    diags.error(kPath, l.pos, "a language is a map such as {code: en, name: English}",
                "write its code as `code: ...`");
    return std::nullopt;
  }
  check_keys(l, {"code", "html_lang", "name", "calendar", "dir"}, "a language", diags);
  Language lang;
  const Value& code = l.get("code");
  const size_t errors_before = diags.error_count();
  lang.code = text(code, "language code", diags);
  if (diags.error_count() > errors_before) return std::nullopt;  // not text
  if (lang.code.empty()) {
    diags.error(kPath, l.pos, "a language needs a code, like zh-TW or en", "add `code: ...`");
    return std::nullopt;
  }
  if (!is_known_language_code(lang.code)) {
    // Content files are named after the code (.en.md), and the URLs begin with it (/en/):
    // one that is not a language's would give every page of the language an error.
    std::string guess = suggest_language_code(lang.code);
    diags.error(kPath, code.pos,
                "language code '" + lang.code +
                    "' is not one Firefly knows: write a BCP 47 tag such as en, zh-TW, vi, id "
                    "or th",
                guess.empty() ? "the code is also the language's URL prefix (/en/) and the "
                                "suffix of its files (.en.md)"
                              : "did you mean '" + guess + "'?");
    return std::nullopt;
  }
  lang.html_lang = l.find("html_lang") ? l.get("html_lang").to_text() : lang.code;
  if (const Value* h = l.find("html_lang"); h && !is_language_tag(lang.html_lang)) {
    diags.error(kPath, h->pos, "html_lang '" + lang.html_lang + "' is not a language tag",
                "write a BCP 47 tag such as zh-Hant-TW or en");
    lang.html_lang = lang.code;
  }
  // Arabic or Hebrew pages marked dir="ltr" put a sentence's full stop and figures on the
  // wrong side: the default is the direction of the script the language is written in.
  lang.dir = is_right_to_left(lang.html_lang) ? "rtl" : "ltr";
  lang.name = lang.code;
  if (const Value* n = l.find("name")) {
    // name: [English] or name: "" was an empty entry in every page's language switcher.
    lang.name = text(*n, "the name of language '" + lang.code + "'", diags);
    if (!n->is_map() && !n->is_list() && trim(lang.name).empty()) {
      diags.error(kPath, n->pos.line ? n->pos : l.pos,
                  "the name of language '" + lang.code + "' is empty",
                  "write its name as its readers write it, like English, 中文 or Tiếng Việt");
      lang.name = lang.code;
    }
  }
  // Exact words, as every other choice of site.yaml: `ROC` is an error that suggests `roc`
  // (it showed Gregorian dates without a word).
  if (const Value* cal = l.find("calendar"); cal && !cal->is_null()) {
    lang.calendar = cal->to_text();
    const std::vector<std::string> calendars = {"roc", "buddhist", "gregorian"};
    if (std::find(calendars.begin(), calendars.end(), lang.calendar) == calendars.end()) {
      diags.error(kPath, cal->pos,
                  "calendar '" + lang.calendar +
                      "' is not one Firefly knows: write roc (the Republic of China's, "
                      "民國112年), buddhist (the Thai Buddhist era, พ.ศ. 2566) or gregorian "
                      "(the default)",
                  did_you_mean_hint(lang.calendar, calendars));
    }
  }
  if (const Value* dir = l.find("dir"); dir && !dir->is_null()) {
    lang.dir = dir->to_text();
    if (lang.dir != "ltr" && lang.dir != "rtl") {
      diags.error(kPath, dir->pos,
                  "dir '" + lang.dir + "' is not ltr (left to right) or rtl (right to left)",
                  did_you_mean_hint(lang.dir, {"ltr", "rtl"}));
    }
  }
  return lang;
}

/// Reads `languages:` into `c`: a site is published in at least one.
void read_languages(const Value& root, SiteConfig& c, Diagnostics& diags) {
  const Value* list = root.find("languages");
  if (!list) {
    for (const auto& [key, v] : root.as_map()) {  // says "did you mean 'languages'?" already
      if (did_you_mean(key, {"languages"}) == "languages") return;
    }
    diags.error(kPath, {1, 1}, "site.yaml has no languages: a site is published in at least one",
                "add " + std::string(kLanguagesExample));
    return;
  }
  if (!list->is_list() && !list->is_null()) {
    diags.error(kPath, list->pos,
                "languages must be a list of languages, not " + std::string(list->kind_name()),
                "write " + std::string(kLanguagesExample));
    return;
  }
  if (list->is_null() || list->as_list().empty()) {
    diags.error(kPath, list->key_pos, "languages is empty: a site is published in at least one",
                "write " + std::string(kLanguagesExample));
    return;
  }
  for (const Value& l : list->as_list()) {
    std::optional<Language> lang = read_language(l, diags);
    if (!lang) continue;
    if (c.language(lang->code)) {
      diags.error(kPath, l.pos, "language '" + lang->code + "' is listed twice");
      continue;
    }
    c.languages.push_back(std::move(*lang));
  }
}

/// The site's title: every page's <title>, heading and feed. `title: ""` or `{en: ""}` was
/// published as an empty title in that language ("Stories — ").
void read_title(const Value& root, SiteConfig& c, Diagnostics& diags) {
  const Value* v = root.find("title");
  if (!v) {
    diags.error(kPath, {1, 1}, "site.yaml has no title", "add `title: ...`");
    return;
  }
  c.title = localized(*v, "title", diags);
  if (v->is_list()) return;  // said by localized
  if (!v->is_map() && trim(c.title.plain).empty()) {
    diags.error(kPath, v->key_pos.line ? v->key_pos : v->pos, "the site's title is empty",
                "write the site's name after `title:`");
  }
  for (const auto& [lang, text] : c.title.by_lang) {
    if (!trim(text).empty()) continue;
    const Value* entry = v->find(lang);
    diags.error(kPath, entry && entry->pos.line ? entry->pos : v->pos,
                "the site's title is empty in " + lang,
                "write the site's name in " + lang + ", or leave " + lang + " out of the map");
  }
}

}  // namespace

std::optional<SiteConfig> site_config_from(const Value& written, Diagnostics& diags) {
  size_t errors_before = diags.error_count();
  Value root = written;
  drop_extension_keys(root);  // x-defaults: &d {...}, a place for shared blocks
  if (!root.is_map()) {
    diags.error(kPath, root.pos, "site.yaml must be a map of settings (key: value lines)");
    return std::nullopt;
  }
  check_keys(
      root,
      {"title", "description", "base_url", "relative_urls", "languages", "missing_translation",
       "theme", "publisher", "data_license", "data_versions", "commit_language", "markdown",
       "taxonomies", "collections", "menus", "timezone", "cms", "photos"},
      "site.yaml", diags);
  SiteConfig c;
  read_title(root, c, diags);
  c.description = localized(root.get("description"), "description", diags);
  if (const Value* b = root.find("base_url")) {
    c.base_url = text(*b, "base_url", diags);
    if (std::string problem = base_url_problem(c.base_url); !problem.empty()) {
      diags.error(kPath, b->pos, "base_url " + problem,
                  "write the site's full address, like https://labor.example.gov.tw/");
    }
    c.base_url = normalize_base_url(c.base_url);
    if (c.base_url.empty() || c.base_url.back() != '/') c.base_url += '/';
  }
  if (const Value* z = root.find("timezone")) {
    std::string name = text(*z, "timezone", diags);
    if (auto zone = TimeZone::find(name)) {
      c.timezone = *zone;
    } else {
      std::string hint = did_you_mean_hint(name, TimeZone::names());
      diags.error(kPath, z->pos, "timezone '" + name + "' is not a known time zone",
                  hint.empty() ? "use an IANA name such as Asia/Taipei or UTC" : hint);
    }
  }
  c.relative_urls = yes_no(root.find("relative_urls"), "relative_urls", diags);
  read_languages(root, c, diags);
  if (const Value* m = root.find("missing_translation")) {
    c.missing_translation = m->to_text();
    if (c.missing_translation != "fallback" && c.missing_translation != "omit") {
      diags.error(kPath, m->pos, "missing_translation must be 'fallback' or 'omit'");
    }
  }
  if (const Value* t = root.find("theme")) {
    c.theme = t->to_text();
    c.theme_pos = t->pos;
    bool plain = !c.theme.empty() && c.theme != "." && c.theme != ".." &&
                 c.theme.find_first_of("/\\") == std::string::npos;
    if (!plain) {
      diags.error(kPath, t->pos, "theme must be the name of a folder in themes/, not a path",
                  "put the theme in themes/<name>/ and write `theme: <name>`");
    }
  }
  // A part written as text or a list where a map belongs was read as empty, silently: the
  // site published without its menu, publisher or taxonomy terms.
  const Value& pub = root.get("publisher");
  shaped(&pub, false, "publisher", "`publisher: {name: Labor Affairs Bureau, email: ...}`", diags);
  check_keys(pub, {"name", "email", "phone"}, "publisher", diags);
  c.publisher.name = localized(pub.get("name"), "publisher name", diags);
  c.publisher.email = text(pub.get("email"), "publisher email", diags);
  if (std::string problem = email_problem(c.publisher.email); !problem.empty()) {
    diags.error(kPath, pub.get("email").pos, "publisher email " + problem,
                "write the address alone, like labor@example.gov.tw");
  }
  c.publisher.phone = text(pub.get("phone"), "publisher phone", diags);
  if (std::string problem = config_detail::phone_problem(c.publisher.phone); !problem.empty()) {
    diags.error(kPath, pub.get("phone").pos, "publisher phone " + problem,
                "write the number alone, like +886-6-299-1111: every page links it as tel:, "
                "which a phone dials as written");
  }
  if (const Value* v = root.find("data_license")) {
    c.data_license = v->to_text();
    check_license(c.data_license, kPath, v->pos, "data_license", diags);
  }
  if (const Value* v = root.find("data_versions")) {
    if (!v->is_int() || v->as_int() < 0 || v->as_int() > 1000) {
      diags.error(kPath, v->pos, "data_versions must be a whole number from 0 to 1000");
    } else {
      c.data_versions = static_cast<size_t>(v->as_int());
    }
  }
  if (const Value* v = root.find("commit_language")) {
    std::string tag = text(*v, "commit_language", diags);
    for (const Language& l : c.languages)
      if (l.code == tag) tag = l.html_lang;
    if (is_language_tag(tag)) {
      c.commit_lang = tag;
    } else {
      diags.error(kPath, v->pos, "commit_language '" + tag + "' is not a language tag",
                  "write a site language's code (zh-TW) or a BCP 47 tag such as en");
    }
  }
  if (c.commit_lang.empty() && !c.languages.empty()) c.commit_lang = c.languages.front().html_lang;
  shaped(root.find("markdown"), false, "markdown", "`markdown: {unsafe_html: false}`", diags);
  check_keys(root.get("markdown"), {"unsafe_html", "max_file_size_kb"}, "markdown", diags);
  if (const Value* m = root.get("markdown").find("max_file_size_kb")) {
    if (!m->is_int() || m->as_int() < 1) {
      diags.error(kPath, m->pos, "markdown.max_file_size_kb must be a whole number of kilobytes");
    } else if (m->as_int() > kMaxMarkdownKbLimit) {
      diags.error(kPath, m->pos,
                  "markdown.max_file_size_kb may be at most " +
                      std::to_string(kMaxMarkdownKbLimit) + " (8 MB)",
                  "split very large pages; Markdown parsing time grows with a page's size");
    } else {
      c.max_markdown_bytes = static_cast<size_t>(m->as_int()) * 1024;
    }
  }
  c.unsafe_html = yes_no(root.get("markdown").find("unsafe_html"), "markdown.unsafe_html", diags);
  shaped(root.find("photos"), false, "photos", "`photos: {avif: true}`", diags);
  check_keys(root.get("photos"), {"avif"}, "photos", diags);
  c.photo_avif = yes_no(root.get("photos").find("avif"), "photos.avif", diags);
  shaped(root.find("taxonomies"), false, "taxonomies", "`taxonomies: {tags: {title: Tags}}`",
         diags);
  for (const auto& [name, t] : root.get("taxonomies").as_map()) {
    shaped(&t, false, "taxonomy '" + name + "'", "`" + name + ": {title: ..., terms: ...}`", diags);
    shaped(t.find("terms"), false, "the terms of taxonomy '" + name + "'",
           "each term's key and its words: `terms: {jobs: {zh-TW: 就業, en: Jobs}}`", diags);
    check_keys(t, {"title", "terms"}, "taxonomy '" + name + "'", diags);
    // Its pages are published at /<name>/ and its terms' under it: `../x` asked the writer
    // for ../x/index.html, refused only there (exit 1, naming no line of site.yaml).
    if (!address_name_ok(name, false)) {
      diags.error(kPath, t.key_pos.line ? t.key_pos : t.pos,
                  "the taxonomy name " + in_quotes(name) +
                      " cannot be a web address: its pages are published at /" + name + "/",
                  "name it with lower-case letters, digits, '-' and '_', like tags");
      continue;
    }
    Taxonomy tax;
    tax.name = name;
    tax.title = localized(t.get("title"), "taxonomy title", diags);
    if (tax.title.empty()) tax.title.plain = name;
    for (const auto& [term, title] : t.get("terms").as_map()) {
      tax.terms.emplace_back(term, localized(title, "term '" + term + "'", diags));
    }
    c.taxonomies.push_back(std::move(tax));
  }
  shaped(root.find("collections"), false, "collections",
         "`collections: {stories: {sort: date desc}}`", diags);
  for (const auto& [name, col] : root.get("collections").as_map()) {
    // The folder of its pages under content/, and their addresses: `../stories` had the
    // writer asked for ../stories/index.html and `firefly new` write beside content/.
    if (!address_name_ok(name, true)) {
      diags.error(kPath, col.key_pos.line ? col.key_pos : col.pos,
                  "the collection name " + in_quotes(name) +
                      " cannot be a folder of content/: its pages are published at /" + name + "/",
                  "name it after its folder in content/, with lower-case letters, digits, '-' "
                  "and '_', like stories");
      continue;
    }
    c.collections.push_back(config_detail::read_collection(name, col, diags));
    for (const std::string& t : c.collections.back().taxonomies) {
      if (!c.taxonomy(t)) {
        std::vector<std::string> defined;
        for (const Taxonomy& tax : c.taxonomies) defined.push_back(tax.name);
        diags.error(kPath, col.get("taxonomies").pos,
                    "collection '" + name + "' uses taxonomy '" + t + "', which is not defined",
                    config_detail::hint_among(t, defined, "add it under `taxonomies:`"));
      }
    }
  }
  if (const Value* cms = root.find("cms")) c.cms = config_detail::cms_settings(*cms, diags);
  config_detail::report_taken_addresses(root, c, diags);  // after cms: (the editor's /admin/)
  shaped(root.find("menus"), false, "menus", "`menus: {main: [{page: /stories/}]}`", diags);
  for (const auto& [name, menu] : root.get("menus").as_map()) {
    std::vector<MenuEntry>* entries = name == "main"     ? &c.main_menu
                                      : name == "footer" ? &c.footer_menu
                                                         : nullptr;
    if (!entries) {
      diags.error(kPath, menu.key_pos, "unknown menu '" + name + "'",
                  "the theme shows `main` and `footer`");
      continue;
    }
    shaped(&menu, true, "menu '" + name + "'",
           "one entry a page: `" + name + ": [{page: /stories/}, {page: /data/}]`", diags);
    if (menu.as_list().size() > kMaxMenuEntries) {
      // Every page carries the menu: 5,000 entries on 320 pages made 108 MB of pages.
      const Value& first_over = menu.as_list()[kMaxMenuEntries];
      diags.error(kPath, first_over.pos,
                  "menu '" + name + "' has " + std::to_string(menu.as_list().size()) +
                      " entries; a menu may have at most " + std::to_string(kMaxMenuEntries),
                  "every page carries it: link the site map (/sitemap/) or a page of links "
                  "instead");
      continue;
    }
    for (const Value& e : menu.as_list()) {
      if (!shaped(&e, false, "a menu entry", "`{page: /stories/, title: Stories}`", diags)) {
        continue;
      }
      check_keys(e, {"page", "title"}, "a menu entry", diags);
      entries->push_back({text(e.get("page"), "a menu entry's page", diags),
                          localized(e.get("title"), "title", diags), e.pos});
    }
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  std::vector<std::string> codes;
  for (const Language& l : c.languages) codes.push_back(l.code);
  warn_unread_language_keys(root, codes, kPath, diags);
  return c;
}

std::optional<SiteConfig> load_site_config(const std::filesystem::path& site_dir,
                                           Diagnostics& diags) {
  std::error_code ec;
  // A link out of the site (site.yaml -> /proc/self/environ) would print what it leads to
  // in the errors: refused as the content's links are.
  if (std::filesystem::is_symlink(site_dir / "site.yaml", ec) &&
      !leads_inside(site_dir / "site.yaml", site_dir)) {
    diags.error(kPath, {}, escaped_link_message(site_dir / "site.yaml", site_dir),
                "replace the link with the file itself");
    return std::nullopt;
  }
  auto text = read_file(site_dir / "site.yaml");
  auto status = std::filesystem::status(site_dir / "site.yaml", ec);
  if (!text && std::filesystem::is_directory(status)) {  // not "a FIFO, socket or device"
    diags.error(kPath, {}, "site.yaml is a folder, not a file", "replace it with a text file");
    return std::nullopt;
  }
  if (!text && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    diags.error(kPath, {}, kSpecialFileMessage, "replace it with a text file");
    return std::nullopt;
  }
  if (!text) {
    diags.error(kPath, {}, "cannot read site.yaml in " + site_dir.string(),
                "run firefly in the site's folder, or pass --site DIR");
    return std::nullopt;
  }
  Value root = parse_yaml(*text, kPath, diags);
  if (diags.has_errors()) return std::nullopt;
  std::optional<SiteConfig> config = site_config_from(root, diags);
  // A ref to no collection would give every page that fills the field an error of its own.
  if (config && !check_ref_targets(*config, site_dir / "content", diags)) return std::nullopt;
  return config;
}

}  // namespace firefly
