#include "render/page_fields.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "core/date.h"
#include "core/locale.h"
#include "core/localized.h"
#include "core/text.h"
#include "render/language_runs.h"

namespace firefly {

namespace {

/// The HTML tag of the language `code` for a reader of `reader`: "" when the same or none.
std::string tag_for(const Site& site, std::string_view code, const Language& reader) {
  if (code.empty() || code == reader.code) return "";
  const Language* l = site.config->language(std::string(code));
  return l ? l->html_lang : "";
}

}  // namespace

std::vector<ShownField> shown_fields(const Site& site, const Page& page, const Language& lang,
                                     const Page* original) {
  std::vector<ShownField> out;
  const Collection* c = page.source && page.kind == PageKind::kPage && !page.section.empty()
                            ? site.config->collection(page.section)
                            : nullptr;
  if (!c) return out;
  const std::string& def = site.config->default_language().code;
  // A string is in the language of the file it is written in, or in the original's when a
  // translation keeps the original's text (as front matter's data should be).
  const std::string written_in = tag_for(site, page.content_lang, lang);
  const Value* theirs = original && original != &page && !original->fallback && original->source
                            ? &original->source->front
                            : nullptr;
  const std::string originals = theirs ? tag_for(site, original->lang, lang) : "";
  const LocaleSpec locale{lang.html_lang, lang.calendar};
  const ScriptLanguages scripts = script_languages(site.config->languages);
  for (const FieldSchema& f : c->fields) {
    if (!c->shows_as_field(f)) continue;
    const Value* v = page.source->front.find(f.name);
    if (!v || v->is_null()) continue;
    const FieldSchema& type = f.type == "list" && f.of ? *f.of : f;
    const Value* their_value = theirs ? theirs->find(f.name) : nullptr;
    auto in_original = [&](const std::string& text) {
      if (!their_value) return false;
      if (!their_value->is_list()) return their_value->to_text() == text;
      for (const Value& v : their_value->as_list()) {
        if (v.to_text() == text) return true;
      }
      return false;
    };
    auto text_of = [&](const Value& item) -> FieldText {
      if (type.type == "integer" || type.type == "number") {
        return {item.is_number() ? format_number(item.as_double(), locale, 6) : item.to_text(), ""};
      }
      if (type.type == "date") {
        auto d = parse_date(item.to_text());
        return {d ? format_date(*d, locale) : item.to_text(), ""};
      }
      std::string written(trim(item.to_text()));
      if (type.type == "enum") {
        const Localized* words = type.words_of(written);
        if (!words) return {written, ""};  // a code, in no language
        return {words->get(lang.code, def), tag_for(site, words->lang_of(lang.code, def), lang)};
      }
      if (type.type == "localized" && item.is_map()) {
        Localized words = to_localized(item);
        return {words.get(lang.code, def), tag_for(site, words.lang_of(lang.code, def), lang)};
      }
      // A localized field written once (`awarded_by: 勞動部`) is text in the language its
      // page is written in, as a string field's is: 勞動部 on a Thai page is Chinese.
      std::string tag = in_original(written) ? originals : written_in;
      // In the reader's language by its file, but wholly in another script: a Chinese
      // name a translation kept after the original's was corrected.
      if (tag.empty()) tag = text_language(written, lang.html_lang, scripts);
      return {written, tag};
    };
    ShownField field;
    field.name = f.name;
    field.label = f.label.empty() ? f.name : f.label.get(lang.code, def);
    if (!f.label.empty()) field.label_lang = tag_for(site, f.label.lang_of(lang.code, def), lang);
    if (f.type == "list") {
      if (!v->is_list()) continue;
      field.is_list = true;
      for (const Value& item : v->as_list()) {
        FieldText t = text_of(item);
        if (!t.text.empty()) field.values.push_back(std::move(t));
      }
      if (field.values.empty()) continue;
    } else if (type.type == "boolean") {
      if (!v->is_bool()) continue;
      field.flag = v->as_bool();
    } else {
      FieldText t = text_of(*v);
      if (t.text.empty()) continue;  // an empty string: nothing to show
      if (type.type == "date") {
        if (auto d = parse_date(v->to_text())) field.iso = d->iso();
      }
      field.values.push_back(std::move(t));
    }
    out.push_back(std::move(field));
  }
  return out;
}

}  // namespace firefly
