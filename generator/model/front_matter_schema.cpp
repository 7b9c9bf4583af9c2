#include "model/front_matter_schema.h"

#include <algorithm>
#include <charconv>
#include <set>
#include <string_view>

#include "core/date.h"
#include "core/text.h"
#include "load/cell_text.h"
#include "load/dataset_coverage.h"
#include "model/paths.h"

namespace firefly {

namespace {

constexpr std::string_view kIdeographicComma = "\xE3\x80\x81";  // 、
constexpr std::string_view kFullWidthComma = "\xEF\xBC\x8C";    // ，

/// The full-width comma (，) or enumeration comma (、) in `text`; "" when it has none.
std::string wide_comma_in(std::string_view text) {
  if (text.find(kFullWidthComma) != std::string_view::npos) return std::string(kFullWidthComma);
  if (text.find(kIdeographicComma) != std::string_view::npos) {
    return std::string(kIdeographicComma);
  }
  return "";
}

/// `text` cut at its commas (, ， 、) into terms, written for a list: "志工, 修繕".
std::string terms_written_apart(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    size_t cut = text.size(), width = 0;
    for (std::string_view comma : {std::string_view(","), kFullWidthComma, kIdeographicComma}) {
      if (size_t at = text.find(comma); at < cut) cut = at, width = comma.size();
    }
    std::string_view term = trim(text.substr(0, cut));
    if (!term.empty()) out += (out.empty() ? "" : ", ") + std::string(term);
    text.remove_prefix(cut == text.size() ? cut : cut + width);
  }
  return out;
}

const std::vector<std::string> kCommonFields = {
    "title",           "date", "updated", "draft",  "publish_at", "summary", "description",
    "translation_key", "url",  "aliases", "weight", "layout",     "images",  "translated_from"};

/// Calls `visit` with each front-matter field a page of `collection` may use (the common
/// fields, the collection's schema, the taxonomies) until it returns true; says whether it
/// did.
template <class Visit>
bool any_allowed_field(const Collection* collection, const SiteConfig& config, Visit visit) {
  for (const std::string& name : kCommonFields) {
    if (visit(name)) return true;
  }
  if (collection) {
    for (const FieldSchema& f : collection->fields) {
      if (visit(f.name)) return true;
    }
  }
  for (const Taxonomy& tax : config.taxonomies) {
    if (visit(tax.name)) return true;
  }
  return false;
}

/// Every field a page of `collection` may use, for a message that lists or matches them.
std::vector<std::string> allowed_fields(const Collection* collection, const SiteConfig& config) {
  std::vector<std::string> known;
  any_allowed_field(collection, config, [&](std::string_view name) {
    known.emplace_back(name);
    return false;
  });
  return known;
}

/// The key of `fm` that is no field a page of `collection` may use and is closest to
/// `field` of all those (a misspelling of it: `distrik` for `district`); "" when none is.
std::string misspelling_of(const std::string& field, const Value& fm, const Collection* collection,
                           const SiteConfig& config) {
  const std::vector<std::string> known = allowed_fields(collection, config);
  for (const auto& [key, value] : fm.as_map()) {
    if (std::find(known.begin(), known.end(), key) == known.end() &&
        did_you_mean(key, known) == field) {
      return key;
    }
  }
  return "";
}

/// The field a page of `collection` may use that the first line of `body` starts with
/// (`title: x`), or "".
std::string field_on_first_line(std::string_view body, const Collection* collection,
                                const SiteConfig& config) {
  std::string_view line = body.substr(0, body.find('\n'));
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || (colon + 1 < line.size() && line[colon + 1] != ' ')) {
    return "";
  }
  std::string_view key = trim(line.substr(0, colon));
  return any_allowed_field(collection, config, [&](std::string_view name) { return name == key; })
             ? std::string(key)
             : "";
}

/// The help a dataset's cell written `text` gets (cell_hint), as far as it fits a
/// front-matter value: what to write (`1,234`: write 1234; `yes`: write true), without
/// what it says of a column (its `unit:`, its `type:`); "" for any other help.
std::string value_hint(std::string_view text, ColumnType type, bool year = false) {
  std::string hint = cell_hint(text, type, year);
  if (!hint.starts_with("write ")) return "";
  return hint.substr(0, hint.find("; "));
}

/// An integer field that holds years, named or labelled as a year column is
/// (is_year_column: `year`, `award_year`, 年度, `label: {zh-TW: 年度}`).
bool is_year_field(const FieldSchema& schema) {
  if (schema.type != "integer") return false;
  if (is_year_name(schema.name)) return true;
  if (!schema.label.plain.empty()) return is_year_word(schema.label.plain);
  return std::any_of(schema.label.by_lang.begin(), schema.label.by_lang.end(),
                     [](const auto& t) { return is_year_word(t.second); });
}

class Checker {
 public:
  Checker(const SourcePage& src, const SiteConfig& config, Diagnostics& diags)
      : src_(src), config_(config), diags_(diags) {}

  void error(const Value& at, std::string message, std::string hint = {}) {
    diags_.error(src_.path, at.pos.line ? at.pos : Pos{1, 1}, std::move(message), std::move(hint));
    ok = false;
  }

  /// How many of `items` to read: all of them up to `max`; past it, an error at the first
  /// one too many, "this page has N <what>; at most <max> are allowed".
  size_t capped(const List& items, size_t max, const std::string& what, std::string hint) {
    if (items.size() <= max) return items.size();
    error(items[max],
          "this page has " + std::to_string(items.size()) + " " + what + "; at most " +
              std::to_string(max) + " are allowed",
          std::move(hint));
    return max;
  }

  std::string text(const Value& v, const std::string& field) {
    if (v.is_map() || v.is_list()) {
      error(v, "'" + field + "' must be text, not " + std::string(v.kind_name()));
      return "";
    }
    return v.to_text();
  }

  /// A date as the site's zone reads it (a time with an offset is converted to it).
  std::optional<Date> date(const Value& v, const std::string& field) {
    std::string text = v.to_text();
    auto d = parse_date(text);
    if (d && d->year < 1000) {
      error(v, "'" + field + "' has the year " + text.substr(0, 4) + ", which cannot be meant",
            "write the year of the Western calendar in four digits (民國113年 is 2024)");
      return std::nullopt;
    }
    if (!d) {
      int roc = 0;
      std::string iso = iso_of_written_day(text, &roc);
      error(v,
            "'" + field + "' must be a date written as YYYY-MM-DD, not '" + text + "'" +
                not_a_day(text),
            iso.empty()
                ? "for example 2023-06-30"
                : "write " + iso +
                      (roc ? " (民國" + std::to_string(roc) + "年 is " + iso.substr(0, 4) + ")"
                           : ""));
      return d;
    }
    return config_.timezone.local(*d);
  }

  // Checks `v` against `schema`; `name` is the field's name for messages, `path` where
  // the value sits ("people[0].photo").
  void check(const Value& v, const FieldSchema& schema, const std::string& name,
             const std::string& path) {
    // Compared as a view: each test is a length check first (every story checks its images).
    const std::string_view t = schema.type;
    // `as`: the column type whose cells are written as this field's values, for the help a
    // dataset's cell gets (`1,234`: write 1234; `yes`: write true).
    auto fail = [&](const std::string& expected, std::optional<ColumnType> as = std::nullopt) {
      const bool scalar = !v.is_map() && !v.is_list();
      error(v,
            "'" + name + "' must be " + expected + ", not " + std::string(v.kind_name()) +
                (scalar ? " '" + v.to_text() + "'" : ""),
            scalar && as ? value_hint(v.to_text(), *as, is_year_field(schema)) : "");
    };
    if (t == "string" || t == "text") {
      if (v.is_map() || v.is_list()) fail("text");
    } else if (t == "integer") {
      if (!v.is_int()) {
        fail("a whole number", ColumnType::kInteger);
      } else if (is_year_field(schema) && v.as_int() >= 1 && v.as_int() <= 199) {
        // 108 on a form in Taiwan is 民國108年: published as it is, it would read as the
        // year 108 (a list sorted by it, a search for 2019 that does not find it).
        const std::string roc = std::to_string(v.as_int()),
                          year = std::to_string(v.as_int() + 1911);
        diags_.warning(src_.path, v.pos.line ? v.pos : Pos{1, 1},
                       "'" + name + "' is " + roc +
                           ", which looks like a year of the Republic "
                           "of China (民國" +
                           roc + "年 is " + year + "); pages give years in four digits",
                       "write " + year);
      }
    } else if (t == "number") {
      if (!v.is_number()) fail("a number", ColumnType::kNumber);
    } else if (t == "boolean") {
      if (!v.is_bool()) fail("true or false", ColumnType::kBoolean);
    } else if (t == "date") {
      if (v.is_map() || v.is_list()) {
        fail("a date (YYYY-MM-DD)");
      } else {
        date(v, name);  // as the page's own date: 2024/05/01 and 113年5月1日 say what to write
      }
    } else if (t == "enum") {
      std::string s = v.to_text();
      if (std::find(schema.values.begin(), schema.values.end(), s) == schema.values.end()) {
        std::string all;
        for (const auto& e : schema.values) all += (all.empty() ? "" : ", ") + e;
        std::string help;
        // The words a page shows for a value, written instead of the value itself.
        if (const std::string* value = schema.value_with_words(s)) {
          help = "'" + s + "' is what pages show for '" + *value + "'; write `" + name + ": " +
                 *value + "`";
        } else if (std::string guess = did_you_mean(s, schema.values); !guess.empty()) {
          help = "did you mean '" + guess + "'?";
        }
        error(v, "'" + name + "' is '" + s + "', which is not one of: " + all, help);
      }
    } else if (t == "ref") {
      if (v.is_map() || v.is_list()) {
        fail("the name of a page in " + schema.to);
      } else {
        refs.emplace_back(name, schema.to + "/" + v.to_text());
      }
    } else if (t == "image") {
      check_image(v, name, path);
    } else if (t == "list") {
      if (!v.is_list()) {
        fail("a list");
        return;
      }
      const List& items = v.as_list();
      // Each item's path written in place (every story's `images` has one).
      std::string item = path + "[";
      const size_t prefix = item.size();
      for (size_t i = 0; i < items.size(); ++i) {
        char digits[24];
        char* end = std::to_chars(digits, digits + sizeof digits, i).ptr;
        item.resize(prefix);
        item.append(digits, end).push_back(']');
        check(items[i], *schema.of, name, item);
      }
    } else if (t == "object") {
      if (!v.is_map()) {
        fail("a map of fields");
        return;
      }
      std::vector<std::string> known;
      for (const FieldSchema& f : schema.fields) known.push_back(f.name);
      for (const FieldSchema& f : schema.fields) {
        const Value* sub = v.find(f.name);
        if (sub && !sub->is_null()) {
          check(*sub, f, f.name, path + "." + f.name);
        } else if (f.required) {
          error(v, "'" + name + "' needs a '" + f.name + "' field");
        }
      }
      for (const auto& [k, sub] : v.as_map()) {
        if (std::find(known.begin(), known.end(), k) == known.end()) {
          std::string guess = did_you_mean(k, known);
          error(with_pos(sub, sub.key_pos), "'" + name + "' has no field '" + k + "'",
                guess.empty() ? "" : "did you mean '" + guess + "'?");
        }
      }
    } else if (t == "localized") {
      std::string comma, hint;
      if (v.is_list()) {
        fail("text or a map of language codes to text");
      } else if (to_localized(v, &comma, &hint); !comma.empty()) {
        error(v, "'" + name + "': " + comma, hint);
      }
    }
  }

  void check_image(const Value& v, const std::string& name, const std::string& path) {
    const Value& src = v.is_map() ? v.get("src") : v;
    std::string src_text = src.to_text();  // once: every story's image is checked
    if (src_text.empty()) {
      error(v, "an image in '" + name + "' needs a `src`");
      return;
    }
    const Value& at = src.pos.line ? src : v;
    if (std::string why = unsafe_link_reason(src_text); !why.empty()) {
      error(at, "the image " + src_text + " is not allowed: " + why);
      return;
    }
    const Value* alt = v.find("alt");  // nullptr unless a map
    if (!alt) {
      error(v, "the image " + src_text + " has no alt text",
            "add `alt:` describing the image for people who cannot see it "
            "(write alt: \"\" only for a purely decorative image)");
    }
    images.push_back({path, std::move(src_text), alt ? alt->to_text() : std::string(),
                      v.get("caption").to_text(), src.pos.line ? src.pos : v.pos});
  }

  bool ok = true;
  std::vector<std::pair<std::string, std::string>> refs;
  std::vector<Image> images;

 private:
  const SourcePage& src_;
  const SiteConfig& config_;
  Diagnostics& diags_;
};

}  // namespace

bool read_front_matter(const SourcePage& src, const SiteConfig& config, FrontMatter& out,
                       Diagnostics& diags) {
  Checker c(src, config, diags);
  std::set<std::string> misspelt_required;  // keys already reported as a required field's
  const Value& fm = src.front;
  const Collection* collection = config.collection(src.section);

  const Value* title = fm.find("title");
  if (title) out.title = c.text(*title, "title");
  const bool title_not_text = title && (title->is_map() || title->is_list());  // said above
  // `title: x` at the top of a file without the --- lines: the fields are read as its text.
  const std::string bare = src.body_line == 1 && (!fm.is_map() || fm.as_map().empty())
                               ? field_on_first_line(src.body, collection, config)
                               : std::string();
  if (!bare.empty()) {
    diags.error(src.path, {1, 1},
                "this file has no front matter: `" + bare +
                    ":` and the lines after it are read as the page's text",
                "put a line --- above it, and another after the last field");
    c.ok = false;
  }
  // Of front matter that could not be read whole, a field that seems missing may be in the
  // part that could not: it is reported once that part is fixed.
  const bool may_miss = src.front_incomplete || !bare.empty();
  if (out.title.empty() && !src.is_index && !title_not_text && !may_miss) {
    // `title: ""`, as `firefly new` writes it: at its line, with what to write there.
    if (title && title->key_pos.line) {
      diags.error(src.path, title->key_pos, "this page has no title",
                  "write the page's title after `title:`");
    } else {
      diags.error(src.path, {1, 1}, "this page has no title",
                  "add `title: ...` to its front matter");
    }
    c.ok = false;
  }
  if (const Value* d = fm.find("date")) out.date = c.date(*d, "date");
  if (const Value* d = fm.find("updated")) out.updated = c.date(*d, "updated");
  if (const Value* d = fm.find("publish_at")) out.publish_at = c.date(*d, "publish_at");
  if (const Value* d = fm.find("draft")) {
    if (!d->is_bool()) {
      // 是, yes, 否: the word to write instead, as for a true/false cell of a dataset.
      std::string hint = cell_hint(d->to_text(), ColumnType::kBoolean);
      c.error(*d, "'draft' must be true or false",
              hint.empty() ? "write true (not published) or false" : hint);
    }
    out.draft = d->truthy();
  }
  if (const Value* w = fm.find("weight")) {
    if (!w->is_int())
      c.error(*w, "'weight' must be a whole number");
    else
      out.weight = static_cast<int>(w->as_int());
  }
  for (const char* field : {"summary", "description", "translation_key", "layout", "url"}) {
    if (const Value* v = fm.find(field)) {
      std::string s = c.text(*v, field);
      if (std::string_view(field) == "summary") out.summary = s;
      if (std::string_view(field) == "description") out.description = s;
      if (std::string_view(field) == "translation_key") out.translation_key = s;
      if (std::string_view(field) == "layout") out.layout = s;
      if (std::string_view(field) == "url") out.url = s;
    }
  }
  if (!out.url.empty()) {
    std::string why = unsafe_path_reason(out.url);
    if (!why.empty()) {
      c.error(fm.get("url"), "the url '" + out.url + "' is not allowed: " + why);
      out.url.clear();  // the page keeps the address of its file
    } else if (out.url.back() != '/' && out.url.find('.') == std::string::npos)
      out.url += '/';
  }
  if (const Value* a = fm.find("aliases")) {
    if (!a->is_list()) c.error(*a, "'aliases' must be a list of old addresses");
    const auto& items = a->as_list();
    size_t n =
        c.capped(items, kMaxAliasesPerPage, "aliases",
                 "keep the old addresses people still use: each one is a redirect page of its own");
    for (size_t i = 0; i < n; ++i) {
      const Value& alias = items[i];
      std::string s = alias.to_text();
      std::string why = unsafe_path_reason(s);
      if (!why.empty()) {
        c.error(alias, "the alias '" + s + "' is not allowed: " + why);
        continue;
      }
      if (s.back() != '/' && s.find('.') == std::string::npos) s += '/';
      out.aliases.emplace_back(s, alias.pos);
    }
  }
  if (const Value* imgs = fm.find("images")) {
    // A list of images, made once (every story has one).
    static const FieldSchema kImages = [] {
      FieldSchema list;
      list.name = "images";
      list.type = "list";
      list.of = std::make_shared<FieldSchema>();
      list.of->name = "images";
      list.of->type = "image";
      return list;
    }();
    if (imgs->is_string()) {  // images: /images/a.jpg, the one photo's address alone
      c.error(*imgs, "'images' must be a list of images, not the address '" + imgs->to_text() + "'",
              "write images: [{src: " + imgs->to_text() + ", alt: what it shows}]");
    } else {
      c.check(*imgs, kImages, "images", "images");
    }
  }

  if (collection) {
    for (const FieldSchema& f : collection->fields) {
      const Value* v = fm.find(f.name);
      // `award: ""`, as a field left empty in `firefly new`'s file or the editor, is no value.
      const bool given = v && !v->is_null() && !(v->is_string() && v->to_text().empty());
      bool common =
          std::find(kCommonFields.begin(), kCommonFields.end(), f.name) != kCommonFields.end();
      if (given && common && (f.type == "date" || f.name == "images")) {
        // Already checked above with the common fields; one error is enough.
      } else if (given) {
        c.check(*v, f, f.name, f.name);
      } else if (f.required && !src.is_index && !may_miss && v && v->key_pos.line) {
        diags.error(src.path, v->key_pos, "'" + f.name + "' is empty, and this page needs it",
                    "write its value (" + f.type + ") after `" + f.name + ":`");
        c.ok = false;
      } else if (f.required && !src.is_index && !may_miss) {
        // distrik: for district: the field is there, misspelt; said at the misspelling.
        const std::string misspelt = misspelling_of(f.name, fm, collection, config);
        if (!misspelt.empty()) {
          misspelt_required.insert(misspelt);
          diags.error(
              src.path, fm.find(misspelt)->key_pos,
              "this page needs a '" + f.name + "' field (" + f.type + "), and '" + misspelt +
                  "' is none",
              "did you mean '" + f.name + "'? write " + f.name + ": instead of " + misspelt + ":");
        } else {
          diags.error(src.path, {1, 1}, "this page needs a '" + f.name + "' field (" + f.type + ")",
                      "add `" + f.name + ": ...` to its front matter");
        }
        c.ok = false;
      }
    }
  }
  for (const Taxonomy& tax : config.taxonomies) {
    const Value* v = fm.find(tax.name);
    if (!v) continue;
    if (collection && !collection->taxonomies.empty() &&
        std::find(collection->taxonomies.begin(), collection->taxonomies.end(), tax.name) ==
            collection->taxonomies.end()) {
      // Its terms are published all the same, but the collection's form in the editor
      // (render/cms) has no field for them: staff there neither see nor change them.
      std::string listed;
      for (const std::string& name : collection->taxonomies) listed += name + ", ";
      diags.warning(src.path, v->key_pos.line ? v->key_pos : Pos{1, 1},
                    "collection '" + collection->name + "' does not list the taxonomy '" +
                        tax.name + "', so the editor's form has no field for these terms",
                    "add it in site.yaml: collections: " + collection->name + ": taxonomies: [" +
                        listed + tax.name + "]");
    }
    std::vector<std::string> values;
    if (v->is_list()) {
      const auto& items = v->as_list();
      size_t n = c.capped(items, kMaxTermsPerTaxonomy, "terms in '" + tax.name + "'",
                          "keep the terms that say what the page is about: each one is a page "
                          "of its own in every language");
      for (size_t i = 0; i < n; ++i) {
        values.push_back(items[i].to_text());
        // [志工，修繕]: the comma typed full-width (or 、) makes one term of two.
        if (std::string wide = wide_comma_in(values.back()); !wide.empty()) {
          diags.warning(src.path, items[i].pos.line ? items[i].pos : v->pos,
                        "this term has a full-width comma (" + wide + "), so it is one term, " +
                            values.back(),
                        "for separate terms, write them with a half-width comma: " +
                            terms_written_apart(values.back()));
        }
      }
    } else if (!v->is_null()) {
      std::string text = v->to_text();
      if (text.find(',') != std::string::npos || !wide_comma_in(text).empty()) {
        // Text, not a list: it would make one term of every word, and a page of its own.
        diags.error(
            src.path, v->pos.line ? v->pos : Pos{1, 1},
            "'" + tax.name + "' is one piece of text here, not a list of terms",
            "write the terms in brackets: " + tax.name + ": [" + terms_written_apart(text) + "]");
        c.ok = false;
        continue;
      }
      values.push_back(std::move(text));
    }
    out.terms.emplace_back(tax.name, std::move(values));
  }
  for (const auto& [key, value] : fm.as_map()) {
    // (key captured by an init-capture: clang before 16 cannot capture a structured binding)
    auto same = [&key = key](std::string_view name) { return name == key; };
    if (any_allowed_field(collection, config, same) || misspelt_required.count(key)) continue;
    // The names a page may use, listed only for a page that uses another one.
    const std::vector<std::string> known = allowed_fields(collection, config);
    std::string guess = did_you_mean(key, known);
    if (guess == "draft" || guess == "publish_at") {
      // A misspelt field that keeps a page unpublished would publish it: not a warning.
      diags.error(src.path, value.key_pos,
                  "unknown front-matter field '" + key +
                      "': this page would be published now, whatever it says",
                  "did you mean '" + guess + "'?");
      c.ok = false;
      continue;
    }
    diags.warning(src.path, value.key_pos, "unknown front-matter field '" + key + "'",
                  guess.empty() ? "it is kept in page.params but nothing checks it"
                                : "did you mean '" + guess + "'?");
  }
  out.refs = std::move(c.refs);
  out.images = std::move(c.images);
  return c.ok;
}

}  // namespace firefly
