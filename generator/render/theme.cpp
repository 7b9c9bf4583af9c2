#include "render/theme.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <variant>

#include "core/fs.h"
#include "core/language_tag.h"
#include "core/sha256.h"
#include "core/text.h"
#include "core/yaml.h"
#include "mustache/lexer.h"
#include "render/embedded_theme.h"
#include "render/reads.h"
#include "render/theme_string_fields.h"

namespace firefly {

namespace fs = std::filesystem;

const mustache::Template* Theme::find(std::string_view name) const {
  auto it = templates_.find(name);
  return it == templates_.end() ? nullptr : it->second.get();
}

std::set<std::string> Theme::layouts_without_text() const {
  std::set<std::string> out;
  const mustache::PartialLookup lookup = [this](std::string_view name) { return find(name); };
  for (const std::string& name : layouts_) {
    const mustache::Template* t = find(name);
    if (t && !mentions(*t, "content", lookup)) out.insert(name);
  }
  return out;
}

const Value& Theme::strings(const std::string& lang) const {
  static const Value kEmpty;
  auto it = strings_.find(lang);
  return it == strings_.end() ? kEmpty : it->second;
}

const std::vector<std::uint64_t>& Theme::string_grains(const std::string& lang) const {
  static const std::vector<std::uint64_t> kNone;
  auto it = string_grains_.find(lang);
  return it == string_grains_.end() ? kNone : it->second;
}

std::string Theme::asset_url(const std::string& name) const {
  auto it = asset_urls_.find(name);
  return it == asset_urls_.end() ? "" : it->second;
}

std::string fingerprint(std::string_view bytes) { return sha256_hex(bytes).substr(0, 10); }

namespace {

/// One file of the theme after overrides: where it came from (for errors) and its bytes.
struct ThemeFile {
  std::string origin;  ///< "themes/default/layouts/page.mustache" or "layouts/page.mustache"
  std::string bytes;
};

void overlay_dir(const fs::path& dir, const fs::path& site_dir, const std::string& prefix,
                 const std::string& origin_prefix, std::map<std::string, ThemeFile>& files,
                 Diagnostics& diags) {
  std::vector<std::string> escaped, special;
  for (const FoundFile& f : list_files(dir, site_dir, &escaped, &special)) {
    if (auto bytes = read_file(f.full)) {
      files[prefix + f.rel] = {origin_prefix + f.rel, std::move(*bytes)};
    } else {
      diags.error(origin_prefix + f.rel, {}, unreadable_message(f.full));
    }
  }
  for (const std::string& rel : escaped) {
    diags.error(origin_prefix + rel, {}, escaped_link_message(dir / rel, site_dir),
                escaped_link_hint(dir / rel, site_dir, rel, "copy the file into the site instead"));
  }
  for (const std::string& rel : special) {
    diags.error(origin_prefix + rel, {}, special_entry_message(dir, rel),
                special_entry_hint(dir, rel, "replace it with a text file"));
  }
}

/// Reports each {{>partial}} and {{<parent}} a template names that the theme does not
/// have: Mustache renders it as nothing, so a misspelt name would publish empty titles or
/// empty pages without a word.
void check_template_names(const Theme& theme,
                          const std::map<std::string, const ThemeFile*>& sources,
                          Diagnostics& diags) {
  std::vector<std::string> names;
  for (const auto& [name, file] : sources) names.push_back(name);
  for (const auto& [name, file] : sources) {
    const mustache::Template* t = theme.find(name);
    if (!t) continue;
    for (const mustache::PartialRef& ref : t->partials()) {
      if (sources.count(ref.name)) continue;
      std::string tag = std::string(ref.parent ? "{{<" : "{{>") + ref.name + "}}";
      std::string hint = did_you_mean_hint(ref.name, names);
      if (hint.empty()) {
        hint = std::string("add ") + (ref.parent ? "layouts/" : "partials/") + ref.name +
               ".mustache, or correct the name";
      }
      diags.error(
          file->origin, ref.pos,
          (ref.parent ? "the parent template " : "the partial ") + in_quotes(ref.name) +
              " is not in the theme: " + tag +
              (ref.parent ? " would leave the pages it lays out empty" : " would show nothing"),
          hint);
    }
  }
}

/// Reports each value a template shows unescaped ({{{page.title}}}) that is not HTML
/// Firefly made (page.content, jsonld, picture, a name ending in _html): a title written
/// `<img src=x onerror=...>` ran as a script on the page, unsafe_html or not.
void check_raw_values(const std::map<std::string, const ThemeFile*>& sources, Diagnostics& diags) {
  for (const auto& [name, file] : sources) {
    auto lexed = mustache::detail::lex(file->bytes);  // compiled already: no error
    if (!std::holds_alternative<std::vector<mustache::detail::Token>>(lexed)) continue;
    for (const mustache::detail::Token& t : std::get<0>(lexed)) {
      if (t.kind != mustache::detail::TokenKind::kRawVar) continue;
      const std::string_view last = t.text.substr(t.text.rfind('.') + 1);
      if (t.text != "." && (ends_with(last, "_html") || last == "content" || last == "jsonld" ||
                            last == "picture")) {
        continue;
      }
      const std::string value(t.text);
      diags.error(file->origin, pos_of_offset(file->bytes, t.offset),
                  std::string(t.raw) + " shows " + in_quotes(value) +
                      " unescaped: a < or & in it, which staff may write in any title or "
                      "field, would become HTML on the page, a script even",
                  "write {{" + value + "}}; three braces are only for HTML Firefly made: " +
                      "page.content, jsonld, picture and values named *_html");
    }
  }
}

/// Reports a template that includes itself, directly or through other partials, outside
/// any section: rendering it would never end. The render's depth limit stopped it, but
/// named the page's layout, without a line.
void check_partial_loops(const std::map<std::string, const ThemeFile*>& sources,
                         Diagnostics& diags) {
  using mustache::detail::TokenKind;
  struct Call {
    std::string name;
    Pos pos;
    bool parent = false;  // {{<name}}: a layout laid out in itself (page.mustache's {{<page}})
  };
  std::map<std::string, std::vector<Call>> calls;  // the partials each names outside sections
  for (const auto& [name, file] : sources) {
    auto lexed = mustache::detail::lex(file->bytes);
    if (!std::holds_alternative<std::vector<mustache::detail::Token>>(lexed)) continue;
    int depth = 0;
    for (const mustache::detail::Token& t : std::get<0>(lexed)) {
      if (t.kind == TokenKind::kParent && depth == 0 && !t.dynamic) {
        calls[name].push_back({std::string(t.text), pos_of_offset(file->bytes, t.offset), true});
      }
      if (t.kind == TokenKind::kSection || t.kind == TokenKind::kInverted ||
          t.kind == TokenKind::kParent || t.kind == TokenKind::kBlock) {
        ++depth;
      } else if (t.kind == TokenKind::kClose) {
        --depth;
      } else if (t.kind == TokenKind::kPartial && depth == 0 && !t.dynamic) {
        calls[name].push_back({std::string(t.text), pos_of_offset(file->bytes, t.offset)});
      }
    }
  }
  for (const auto& [name, named] : calls) {
    for (const Call& call : named) {
      std::set<std::string> seen;
      std::vector<std::string> todo{call.name};
      bool loop = false;
      while (!todo.empty() && !loop) {
        std::string next = std::move(todo.back());
        todo.pop_back();
        loop = next == name;
        if (!seen.insert(next).second) continue;
        if (auto it = calls.find(next); it != calls.end()) {
          for (const Call& c : it->second) todo.push_back(c.name);
        }
      }
      if (!loop) continue;
      diags.error(sources.at(name)->origin, call.pos,
                  (call.parent ? "{{<" : "{{>") + call.name + "}} makes " + in_quotes(name) +
                      " include itself" +
                      (call.name == name ? "" : " (through " + in_quotes(call.name) + ")") +
                      " outside any section: the page would never end",
                  call.parent ? "lay it out in another layout, such as {{<baseof}}"
                              : "a template may include itself only inside a section that ends, "
                                "such as {{#children}}{{>tree}}{{/children}}");
      break;
    }
  }
}

/// Reports each {{assets.x}} a template shows whose file the theme does not have (outside
/// a {{#assets.x}} section that checks): `<script src="{{assets.js}}">` without
/// assets/site.js published src="", which loads the page itself as a script.
void check_asset_names(const std::map<std::string, const ThemeFile*>& sources,
                       const std::map<std::string, ThemeFile>& files, Diagnostics& diags) {
  using mustache::detail::TokenKind;
  for (const auto& [name, file] : sources) {
    auto lexed = mustache::detail::lex(file->bytes);
    if (!std::holds_alternative<std::vector<mustache::detail::Token>>(lexed)) continue;
    std::vector<std::string_view> open;  // the sections around a token
    for (const mustache::detail::Token& t : std::get<0>(lexed)) {
      if (t.kind == TokenKind::kSection || t.kind == TokenKind::kInverted ||
          t.kind == TokenKind::kParent || t.kind == TokenKind::kBlock) {
        open.push_back(t.kind == TokenKind::kSection ? t.text : std::string_view());
      } else if (t.kind == TokenKind::kClose && !open.empty()) {
        open.pop_back();
      }
      if ((t.kind != TokenKind::kVar && t.kind != TokenKind::kRawVar) ||
          !starts_with(t.text, "assets.") ||
          std::find(open.begin(), open.end(), t.text) != open.end()) {
        continue;
      }
      std::string key(t.text.substr(7));
      std::string asset = key == "css" ? "style.css" : key == "js" ? "site.js" : key + ".js";
      std::replace(asset.begin(), asset.end(), '_', '-');
      const bool known = key == "css" || key == "js" || key == "search" ||
                         (starts_with(key, "search_") && key.find('.') == std::string::npos);
      if (known && files.count("assets/" + asset)) continue;
      diags.error(file->origin, pos_of_offset(file->bytes, t.offset),
                  known ? std::string(t.raw) + " names assets/" + asset +
                              ", which the theme does not have: the page would load nothing "
                              "from an empty address"
                        : std::string(t.raw) + " is not one of the theme's assets",
                  known ? "add assets/" + asset +
                              " to the theme, or show the tag only when the "
                              "file is there: {{#" +
                              std::string(t.text) + "}}...{{/" + std::string(t.text) + "}}"
                        : "the assets are assets.css (assets/style.css), assets.js "
                          "(assets/site.js) and assets.search (assets/search.js)");
    }
  }
}

/// Reports each string of a strings file (`path`) that is not text: a list, a map or
/// nothing. `skip_to_content: [Skip, this]` or `skip_to_content:` gave every page a skip
/// link without words, which a screen reader announces as a bare link.
void check_string_values(const Value& strings, const std::string& path, Diagnostics& diags) {
  // A list or a line of text was read as no strings at all: the site's words were dropped
  // without a word, and its pages showed the theme's. An empty file holds none.
  if (!strings.is_map() && !strings.is_null()) {
    diags.error(path, strings.pos.line ? strings.pos : Pos{1, 1},
                "a strings file is a map of the theme's strings, not " +
                    std::string(strings.kind_name()) + ": none of its words would be shown",
                "write one string a line, `search_label: Search`");
    return;
  }
  for (const auto& [key, value] : strings.as_map()) {
    if (!value.is_map() && !value.is_list() && !value.is_null()) continue;
    const Pos at = value.is_null() ? value.key_pos : value.pos;
    diags.error(
        path, at.line ? at : Pos{1, 1},
        "the string " + in_quotes(key) +
            (value.is_null() ? " is empty"
                             : " must be text, not " + std::string(value.kind_name())) +
            ": the pages would show nothing where it belongs",
        "write its words on the line, `" + key + ": ...`, or delete the line to show the theme's");
  }
}

/// The strings of `theme` with those of `site` (a site's i18n/<code>.yaml, `path`) over
/// them. A string the theme does not have is added (for the site's own templates), unless
/// its name is close to one the theme has (search_faild): that is a misspelling, which
/// would leave the theme's string as it was, and is a warning.
Value overlay_strings(const Value& theme, const Value& site, const std::string& path,
                      const StringFields& fields, Diagnostics& diags) {
  Map merged = theme.as_map();
  std::vector<std::string> names;
  for (const auto& [key, value] : merged) names.push_back(key);
  for (const auto& [key, value] : site.as_map()) {
    auto same = std::find_if(merged.begin(), merged.end(),
                             [&key = key](const auto& entry) { return entry.first == key; });
    if (same != merged.end()) {
      check_site_string_fields(key, value, fields, path, diags);
      same->second = value;
    } else if (std::string guess = did_you_mean(key, names); !guess.empty()) {
      diags.warning(path, value.key_pos.line ? value.key_pos : Pos{1, 1},
                    "the theme has no string " + in_quotes(key) + ", so this one is not used",
                    "did you mean " + in_quotes(guess) + "?");
    } else {
      merged.emplace_back(key, value);
    }
  }
  return Value(std::move(merged));
}

/// True for a theme path of a language's strings: "i18n/<code>.yaml" (not a glossary's
/// "i18n/glossary.<code>.yaml").
bool is_strings_file(std::string_view path) {
  return starts_with(path, "i18n/") && ends_with(path, ".yaml") && path.size() > 10 &&
         is_language_tag(path.substr(5, path.size() - 10));
}

/// The language code of a strings file's path: "vi" of "i18n/vi.yaml".
std::string strings_code(std::string_view path) {
  return std::string(path.substr(5, path.size() - 10));
}

/// The themes a site can name: the folders of its themes/, and the built-in default.
std::vector<std::string> theme_names(const fs::path& site_dir) {
  std::vector<std::string> names = {"default"};
  std::error_code ec;
  for (fs::directory_iterator it(site_dir / "themes", ec), end; !ec && it != end;
       it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_directory(type_ec)) names.push_back(it->path().filename().string());
  }
  std::sort(names.begin() + 1, names.end());  // the listing's order is the system's
  return names;
}

/// A warning for a language whose pages show `missing` of the theme's strings in another
/// language (`from_english` of them in English, the rest in the default language): its
/// readers find menus, buttons and notices they may not read, and a screen reader reads
/// them in the page's language.
void warn_missing_strings(const Language& lang, const SiteConfig& config, size_t missing,
                          size_t from_english, const std::string& origin, Diagnostics& diags) {
  const bool has_file = !origin.empty();
  if (missing == 0) return;
  const Language& def = config.default_language();
  std::string in = from_english == missing ? "English"
                   : from_english == 0     ? def.name.empty() ? def.code : def.name
                                       : "English and " + (def.name.empty() ? def.code : def.name);
  std::string file = "i18n/" + lang.code + ".yaml";
  if (!has_file) {
    diags.warning("site.yaml", {},
                  "the theme has no strings in " + lang.code +
                      (lang.name.empty() ? "" : " (" + lang.name + ")") + ": its pages show the " +
                      "theme's words (menus, buttons, labels, notices) in " + in,
                  "write the theme's strings in " + lang.code + " in " + file +
                      " (`firefly check` lists them)");
    return;
  }
  diags.warning(origin, {},
                "this file has no text for " + std::to_string(missing) +
                    " of the theme's strings: the pages in " + lang.code + " show them in " + in,
                "`firefly check` lists them; add each to " + origin);
}

}  // namespace

std::unique_ptr<Theme> load_theme(const fs::path& site_dir, const SiteConfig& config,
                                  Diagnostics& diags) {
  auto theme = std::make_unique<Theme>();
  std::map<std::string, ThemeFile> files;  // theme-relative path -> file
  if (config.theme == "default" && !fs::is_directory(site_dir / "themes" / "default")) {
    for (const EmbeddedFile& f : embedded_theme()) {
      files[std::string(f.path)] = {"themes/default/" + std::string(f.path), std::string(f.bytes)};
    }
  } else {
    fs::path dir = site_dir / "themes" / config.theme;
    if (!fs::is_directory(dir)) {
      std::string hint = did_you_mean_hint(config.theme, theme_names(site_dir));
      diags.error("site.yaml", config.theme_pos,
                  "the theme '" + config.theme + "' is not in themes/",
                  hint.empty() ? "remove `theme:` to use the built-in default theme" : hint);
      return nullptr;
    }
    std::error_code ec;
    fs::path real = fs::canonical(dir, ec);
    fs::path themes = fs::canonical(site_dir / "themes", ec);
    fs::path site = fs::canonical(site_dir, ec);
    // themes/ itself may be a link (to a home folder, say): it is followed only inside.
    bool inside =
        std::mismatch(site.begin(), site.end(), themes.begin(), themes.end()).first == site.end();
    if (ec || real.parent_path() != themes || !inside) {
      diags.error("themes/" + config.theme, {},
                  "this is a symbolic link to a place outside the site",
                  "copy the theme into themes/ instead");
      return nullptr;
    }
    overlay_dir(dir, site_dir, "", "themes/" + config.theme + "/", files, diags);
  }
  // The theme's strings, which a site's i18n/<code>.yaml overrides one by one.
  std::map<std::string, ThemeFile> theme_strings;
  for (const auto& [path, file] : files) {
    if (starts_with(path, "i18n/")) theme_strings.emplace(path, file);
  }
  for (const char* sub : {"layouts", "partials", "i18n"}) {
    overlay_dir(site_dir / sub, site_dir, std::string(sub) + "/", std::string(sub) + "/", files,
                diags);
  }

  // Templates: layouts/ before partials/ for the same name.
  std::map<std::string, const ThemeFile*> sources;  // template name -> its file
  for (const char* sub : {"partials/", "layouts/"}) {
    for (const auto& [path, file] : files) {
      if (!starts_with(path, sub) || !ends_with(path, ".mustache")) continue;
      std::string name = path.substr(std::string_view(sub).size());
      name.resize(name.size() - std::string_view(".mustache").size());
      auto compiled = mustache::compile(file.bytes);
      if (auto* err = std::get_if<mustache::ParseError>(&compiled)) {
        diags.error(file.origin, err->pos, err->message);
        continue;
      }
      theme->templates_[name] = std::get<0>(compiled);
      sources[name] = &file;
      if (std::string_view(sub) == "layouts/") theme->layouts_.insert(name);
    }
  }
  check_template_names(*theme, sources, diags);
  check_raw_values(sources, diags);
  check_partial_loops(sources, diags);
  check_asset_names(sources, files, diags);

  // Strings: the theme's closest to the language (closest_language: vi for vi-VN, zh-TW
  // for zh-Hant-TW, fil for tl; never Simplified Chinese for Traditional), then the site's
  // closest file over them string by string (a site file with one string keeps the
  // theme's others); each language completed from the default language, then from the
  // theme's English, so that a language the theme has no strings in has no empty label.
  std::vector<std::string> theme_codes, site_codes;
  for (const auto& [path, file] : theme_strings) {
    if (is_strings_file(path)) theme_codes.push_back(strings_code(path));
  }
  for (const auto& [path, file] : files) {
    if (is_strings_file(path) && file.origin == path) site_codes.push_back(strings_code(path));
  }
  StringFields fields;  // read only for a site with strings of its own
  if (!site_codes.empty()) {
    for (const auto& [path, file] : theme_strings) {
      Diagnostics ignored;  // a file of the theme's reported where it is used
      if (is_strings_file(path)) add_string_fields(parse_yaml(file.bytes, path, ignored), fields);
    }
  }
  std::map<std::string, Value> raw;
  std::map<std::string, std::string> site_file;  // language code -> the site's file of it
  std::set<std::string> checked;  // the strings files checked (one may serve two languages)
  auto read_strings = [&](const std::string& code) {
    const std::string theirs = closest_language(code, theme_codes);
    if (!theirs.empty()) {
      const ThemeFile& file = theme_strings.at("i18n/" + theirs + ".yaml");
      raw[code] = parse_yaml(file.bytes, file.origin, diags);
      if (checked.insert(file.origin).second) check_string_values(raw[code], file.origin, diags);
    }
    // The site's file of another of its languages is that language's alone (tl.yaml on a
    // site in fil and tl); one of no site language is any close one's (vi.yaml for vi-VN).
    std::vector<std::string> mine_to_pick;
    for (const std::string& c : site_codes) {
      if (c == code || !config.language(c)) mine_to_pick.push_back(c);
    }
    if (const std::string mine = closest_language(code, mine_to_pick); !mine.empty()) {
      const ThemeFile& file = files.at("i18n/" + mine + ".yaml");
      const Value site_strings = parse_yaml(file.bytes, file.origin, diags);
      if (checked.insert(file.origin).second) check_string_values(site_strings, file.origin, diags);
      raw[code] = overlay_strings(raw[code], site_strings, file.origin, fields, diags);
      site_file[code] = file.origin;
    }
  };
  for (const Language& lang : config.languages) read_strings(lang.code);
  if (!raw.count("en")) read_strings("en");
  const std::string& def = config.default_language().code;
  for (const Language& lang : config.languages) {
    Map merged = raw[lang.code].as_map();
    size_t from_english = 0;
    std::vector<std::string> fallbacks = {def};
    if (def != "en") fallbacks.push_back("en");
    for (const std::string& fallback : fallbacks) {
      for (const auto& [key, value] : raw[fallback].as_map()) {
        if (raw[lang.code].find(key) || (fallback != def && raw[def].find(key))) continue;
        merged.emplace_back(key, value);
        theme->missing_[lang.code].push_back(key);
        from_english += fallback != def;
      }
    }
    warn_missing_strings(lang, config, theme->missing_[lang.code].size(), from_english,
                         site_file[lang.code], diags);
    std::vector<std::uint64_t>& grains = theme->string_grains_[lang.code];
    for (const auto& [key, value] : merged) grains.push_back(grain::string(lang.code, key));
    theme->strings_[lang.code] = Value(std::move(merged));
  }

  // Assets are fingerprinted; static files are published as they are.
  for (const auto& [path, file] : files) {
    if (starts_with(path, "assets/")) {
      std::string name = path.substr(7);
      size_t dot = name.rfind('.');
      std::string stem = dot == std::string::npos ? name : name.substr(0, dot);
      std::string ext = dot == std::string::npos ? "" : name.substr(dot);
      std::string out = "assets/" + stem + "." + fingerprint(file.bytes) + ext;
      theme->asset_urls_[name] = "/" + out;
      theme->files_.push_back({out, file.bytes, ""});
    } else if (starts_with(path, "static/")) {
      theme->files_.push_back({path.substr(7), file.bytes, ""});
    }
  }
  return theme;
}

}  // namespace firefly
