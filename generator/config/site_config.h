// site.yaml -> SiteConfig: the validated configuration of one site.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/localized.h"
#include "core/time_zone.h"
#include "core/value.h"

namespace firefly {

/// One language the site is published in.
struct Language {
  std::string code;         ///< "zh-TW": the URL prefix and file suffix
  std::string html_lang;    ///< "zh-Hant-TW": for <html lang> and ICU
  std::string name;         ///< "中文": shown in the language switcher
  std::string calendar;     ///< "" or "gregorian" (Gregorian), or "roc"
  std::string dir = "ltr";  ///< or "rtl"
};

/// The schema of one front-matter field of a collection.
struct FieldSchema {
  std::string name;
  std::string type;  ///< string, text, integer, number, boolean, date, enum, ref, image, list,
                     ///< object, localized
  bool required = false;
  std::vector<std::string> values;  ///< for enum
  /// For enum written as a map (`values: {employment: {zh-TW: 就業, en: Employment}}`): the
  /// words pages show for each value; empty for a list of values (shown as written).
  std::vector<std::pair<std::string, Localized>> value_words;
  /// The words of enum value `value`, or null when it has none.
  const Localized* words_of(std::string_view value) const {
    for (const auto& [v, words] : value_words) {
      if (v == value && !words.empty()) return &words;
    }
    return nullptr;
  }
  /// The enum value whose words in some language are `words` (a page that wrote 就業 for
  /// employment), or null.
  const std::string* value_with_words(std::string_view words) const {
    for (const auto& [v, w] : value_words) {
      if (w.plain == words) return &v;
      for (const auto& [lang, text] : w.by_lang) {
        if (text == words) return &v;
      }
    }
    return nullptr;
  }
  std::string to;                   ///< for ref: the collection referred to
  Pos to_pos;                       ///< where `to` is written (the field's own when it is not)
  std::shared_ptr<FieldSchema> of;  ///< for list: the item schema
  std::vector<FieldSchema> fields;  ///< for object
  Localized label;                  ///< shown in editors instead of the name
  Localized hint;                   ///< help text shown in editors
  Pos pos;
};

/// A content section with its own sorting, pagination, taxonomies and schema.
struct Collection {
  std::string name;
  /// The title of its list page when the folder has no _index file (else its folder name).
  Localized title;
  std::string sort_by = "date";  ///< date, weight, title
  bool sort_desc = true;
  int paginate = 0;  ///< 0: one page
  std::vector<std::string> taxonomies;
  std::vector<FieldSchema> fields;

  /// Whether a page shows field `f` in its list of fields, titled by its label: not a
  /// field shown in a place of its own (title, date, images, people, a taxonomy...), nor a
  /// ref, an image, an object or a list of those.
  bool shows_as_field(const FieldSchema& f) const;
};

/// A classification of pages (audiences, tags) with a term page per value.
struct Taxonomy {
  std::string name;
  Localized title;
  /// Display names of terms by slug ({elderly: {zh-TW: 長者, en: Older people}}); a term
  /// without one is shown as written in the front matter.
  std::vector<std::pair<std::string, Localized>> terms;

  /// The display name of term `slug` in `lang`, or `fallback` when none is configured.
  std::string term_title(const std::string& slug, const std::string& lang,
                         const std::string& default_lang, const std::string& fallback) const;
  /// The language code of term_title's display name of `slug` in `lang` ("" for a plain
  /// one), or nullopt when the term has no display name (it is shown as written).
  std::optional<std::string> term_title_lang(const std::string& slug, const std::string& lang,
                                             const std::string& default_lang) const;
};

/// An entry of a menu: a site path, titled by the page it points to unless given.
struct MenuEntry {
  std::string page;  ///< "/programs/"
  Localized title;   ///< optional
  Pos pos;
};

/// Who publishes the site.
struct Publisher {
  Localized name;
  std::string email, phone;
};

/// `cms:`: the browser CMS published at /admin/ (see docs/cms.md).
struct CmsConfig {
  std::string backend;  ///< github, gitlab or gitea
  std::string repo;     ///< "owner/name"
  std::string branch = "main";
  std::string api_root;  ///< the API of a self-hosted GitLab or Gitea
  std::string auth_url;  ///< the OAuth service (the CMS's backend `base_url`)
  std::string script = "https://unpkg.com/@sveltia/cms/dist/sveltia-cms.js";
  bool editorial_workflow = true;  ///< changes become pull requests a supervisor approves
  /// Decap's local backend (decap-server): set by `serve` and `build --cms-local`, not
  /// by site.yaml, so a production build never has it.
  bool local_backend = false;
};

/// The whole of site.yaml.
struct SiteConfig {
  Localized title, description;
  std::string base_url = "/";
  bool relative_urls = false;
  std::vector<Language> languages;
  std::string missing_translation = "fallback";  ///< or "omit"
  std::string theme = "default";
  Pos theme_pos;  ///< where `theme:` gives it (line 0 when the default is taken)
  /// The site's time zone: decides when a publish_at comes and the day of every date shown.
  TimeZone timezone;
  size_t max_markdown_bytes = 2 * 1024 * 1024;  ///< a larger content file is an error
  Publisher publisher;
  std::string data_license = "OGDL-Taiwan-1.0";
  size_t data_versions = 20;  ///< past versions of each dataset published (`data_versions:`)
  /// The BCP 47 tag of the language staff write commit messages in (`commit_language:`):
  /// a site language's code gives its html_lang; default: the default language's.
  std::string commit_lang;
  bool unsafe_html = false;
  bool photo_avif = false;  ///< `photos.avif`: photos also in AVIF
  std::vector<Taxonomy> taxonomies;
  std::vector<Collection> collections;
  std::vector<MenuEntry> main_menu;    ///< `menus.main`: the header's navigation
  std::vector<MenuEntry> footer_menu;  ///< `menus.footer`: links at the foot of every page
  std::optional<CmsConfig> cms;

  const Language& default_language() const { return languages.front(); }
  /// The language with `code`, or nullptr.
  const Language* language(std::string_view code) const;
  /// The code of the site's language `code` most likely meant, or "": the one
  /// suggest_language_code() names ("vn" -> "vi", "zh_tw" -> "zh-TW", "english" -> "en"),
  /// else the closest_language() of the site to it ("vi" -> "vi-VN", "zh-Hant" -> "zh-TW";
  /// never "zh" -> "zh-TW"), else, for a code of no language Firefly knows ("vii"), the
  /// nearest by spelling. The code of a language the site is not in ("th", "fr") is no
  /// misspelling of another: "".
  std::string language_meant(std::string_view code) const;
  /// The collection named `name`, or nullptr.
  const Collection* collection(std::string_view name) const;
  /// The taxonomy named `name`, or nullptr.
  const Taxonomy* taxonomy(std::string_view name) const;
};

/// The largest markdown.max_file_size_kb a site may set (8 MB): parsing stays bounded.
inline constexpr int kMaxMarkdownKbLimit = 8192;

/// Reads and validates `<site_dir>/site.yaml`; errors go to `diags` (path "site.yaml").
std::optional<SiteConfig> load_site_config(const std::filesystem::path& site_dir,
                                           Diagnostics& diags);
/// Validates already-parsed site.yaml content; its top-level extension keys (`x-...`,
/// drop_extension_keys) are left out.
std::optional<SiteConfig> site_config_from(const Value& written, Diagnostics& diags);
/// Reports each `ref` field whose `to` names neither a collection of `config` nor a folder
/// of `content_dir` (a section without settings), at its `to:` in site.yaml, with the
/// nearest of both; true when there is none. load_site_config calls it.
bool check_ref_targets(const SiteConfig& config, const std::filesystem::path& content_dir,
                       Diagnostics& diags);

}  // namespace firefly
