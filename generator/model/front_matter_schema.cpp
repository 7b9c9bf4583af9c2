#include "model/front_matter_schema.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "core/date.h"
#include "core/text.h"
#include "core/wide_forms.h"
#include "load/cell_text.h"
#include "model/front_matter_checker.h"
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

}  // namespace

/// The largest `weight` written (either sign): it is kept as an int.
constexpr long long kMaxWeight = 1'000'000'000;

bool read_front_matter(const SourcePage& src, const SiteConfig& config, FrontMatter& out,
                       Diagnostics& diags) {
  FrontMatterChecker c(src, config, diags);
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
  if (trim(out.title).empty() && !src.is_index && !title_not_text && !may_miss) {
    // `title: ""`, as `firefly new` writes it: at its line, with what to write there.
    if (title && title->key_pos.line) {
      diags.error(src.path, title->key_pos, "this page has no title",
                  "write the page's title after `title:`");
    } else if (const std::string misspelt =
                   fm.is_map() ? misspelling_of("title", fm, collection, config) : "";
               !misspelt.empty()) {
      // titel: or ｔｉｔｌｅ: (typed full-width): said once, at the misspelling.
      misspelt_required.insert(misspelt);
      diags.error(src.path, fm.find(misspelt)->key_pos,
                  "this page has no title, and '" + misspelt + "' is none",
                  "did you mean 'title'? write title: instead of " + misspelt + ":");
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
    if (!w->is_int()) {
      c.error(*w, "'weight' must be a whole number");
    } else if (w->as_int() < -kMaxWeight || w->as_int() > kMaxWeight) {
      // 9999999999 was cut to an int, 1410065407: the page sorted where nobody put it.
      c.error(*w, "'weight' must be a whole number from -1000000000 to 1000000000",
              "a smaller number sorts the page as well: lower comes first");
    } else {
      out.weight = static_cast<int>(w->as_int());
    }
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
    // [ａｂ]: typed in full-width mode, a term whose address looks like ab's and is another
    // (/tags/ａｂ/); slugs are half-width (docs/content.md).
    auto report_wide_term = [&](const std::string& term, Pos at) {
      std::string wide = wide_letter_or_digit(term);
      if (wide.empty()) return;
      diags.error(src.path, at,
                  "the term '" + term + "' has the full-width character '" + wide +
                      "': its page's address would look like that of '" + half_width(term) +
                      "' and be another",
                  "write it as " + half_width(term) + " (switch the input method to half-width)");
    };
    std::vector<std::string> values;
    if (v->is_list()) {
      const auto& items = v->as_list();
      size_t n = c.capped(items, kMaxTermsPerTaxonomy, "terms in '" + tax.name + "'",
                          "keep the terms that say what the page is about: each one is a page "
                          "of its own in every language");
      for (size_t i = 0; i < n; ++i) {
        values.push_back(items[i].to_text());
        report_wide_term(values.back(), items[i].pos.line ? items[i].pos : v->pos);
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
      report_wide_term(text, v->pos.line ? v->pos : Pos{1, 1});
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