#include "model/translation_front.h"

#include <algorithm>
#include <set>
#include <utility>

#include "core/date.h"
#include "core/json.h"

namespace firefly {

namespace {

/// `v` without the words of its images (`alt` and `caption` beside a `src`), which each
/// translation writes in its own language: what must be equal in every translation.
Value without_image_words(const Value& v) {
  if (v.is_list()) {
    List items;
    for (const Value& item : v.as_list()) items.push_back(without_image_words(item));
    return Value(std::move(items));
  }
  if (!v.is_map()) return v;
  const bool image = v.find("src") != nullptr;
  Map fields;
  for (const auto& [key, field] : v.as_map()) {
    if (image && (key == "alt" || key == "caption")) continue;
    fields.emplace_back(key, without_image_words(field));
  }
  return Value(std::move(fields));
}

/// The field `name` of `fields`, or null.
const FieldSchema* field_named(const std::vector<FieldSchema>& fields, const std::string& name) {
  for (const FieldSchema& f : fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

/// `v` without what a translation writes in its own language, as the field's `schema` (or
/// null: none) types it: the words of `string`, `text` and `localized` values, in lists and
/// objects too (a person's name beside their age), and of images (`alt`, `caption`). What
/// is left is data, equal in every translation; the browser editor offers the same words
/// for translating.
Value data_of(const Value& v, const FieldSchema* schema) {
  if (!schema) return without_image_words(v);
  const std::string& t = schema->type;
  if (t == "string" || t == "text" || t == "localized") return Value();
  if (t == "list" && v.is_list()) {
    List items;
    for (const Value& item : v.as_list()) items.push_back(data_of(item, schema->of.get()));
    return Value(std::move(items));
  }
  if (t == "object" && v.is_map()) {
    Map fields;
    for (const auto& [key, field] : v.as_map()) {
      const FieldSchema* sub = field_named(schema->fields, key);
      fields.emplace_back(key, sub ? data_of(field, sub) : field);
    }
    return Value(std::move(fields));
  }
  return without_image_words(v);
}

/// Whether `v` (what data_of() leaves) holds any data: not null, nor a list or map of nulls
/// (a list of names, every one of them translated).
bool has_data(const Value& v) {
  if (v.is_list()) return std::any_of(v.as_list().begin(), v.as_list().end(), has_data);
  if (v.is_map()) {
    return std::any_of(v.as_map().begin(), v.as_map().end(),
                       [](const auto& field) { return has_data(field.second); });
  }
  return !v.is_null();
}

/// Whether `v` can be a value of the field `key` typed by `schema` (or null: none): a date
/// that reads as one, a whole number, a number, true or false, one of an enum's values. A
/// type not checked here (text, lists, references) is taken as readable.
bool readable(const Value& v, const std::string& key, const FieldSchema* schema) {
  const std::string type = schema                              ? schema->type
                           : key == "date" || key == "updated" ? std::string("date")
                                                               : std::string();
  if (type == "date") return !v.is_map() && !v.is_list() && parse_date(v.to_text()).has_value();
  if (type == "integer") return v.is_int();
  if (type == "number") return v.is_number();
  if (type == "boolean") return v.is_bool();
  if (type == "enum") {
    return std::find(schema->values.begin(), schema->values.end(), v.to_text()) !=
           schema->values.end();
  }
  return true;
}

}  // namespace

void compare_front(const SourcePage& original, const SourcePage& translation,
                   const std::vector<FieldSchema>* schema, std::vector<Drift>& out) {
  static const std::set<std::string> kWords = {
      "title",   "summary",         "description",     "url",
      "aliases", "translated_from", "translation_key", "images"};
  if (!original.front.is_map() || !translation.front.is_map()) return;
  for (const auto& [key, tv] : translation.front.as_map()) {
    if (kWords.count(key)) continue;
    const Value* ov = original.front.find(key);
    const FieldSchema* f = schema ? field_named(*schema, key) : nullptr;
    if (!ov || to_json(data_of(*ov, f)) == to_json(data_of(tv, f))) continue;
    // The original's value is the one that is wrong (its error says so): copying it here
    // would make this page wrong too.
    const bool original_wrong = !readable(*ov, key, f) && readable(tv, key, f);
    out.push_back({tv.key_pos.line ? tv.key_pos.line : 1,
                   "'" + key + "' is " + to_json(tv) + " here but " + to_json(*ov) +
                       " in the original (" + original.path + ":" +
                       std::to_string(ov->key_pos.line) + ":" +
                       std::to_string(std::max(ov->key_pos.col, 1)) + ")",
                   original_wrong ? "the original's value is the one to correct (see its error); "
                                    "front-matter data is the same in every language"
                                  : "front-matter data is the same in every language; copy it "
                                    "from the original"});
  }
  // Data the original has and the translation leaves out: its page would show less (a fine,
  // a date) than the original's. One warning naming every such field.
  std::vector<std::string> left_out;
  for (const auto& [key, ov] : original.front.as_map()) {
    if (kWords.count(key) || translation.front.find(key) || translation.front_incomplete) continue;
    if (has_data(data_of(ov, schema ? field_named(*schema, key) : nullptr))) {
      left_out.push_back("'" + key + "'");
    }
  }
  if (!left_out.empty()) {
    std::string names;
    for (size_t i = 0; i < left_out.size(); ++i) {
      names += (i == 0 ? "" : i + 1 == left_out.size() ? " and " : ", ") + left_out[i];
    }
    const bool one = left_out.size() == 1;
    out.push_back({1,
                   "the original (" + original.path + ") has " + names +
                       " in its front matter, which this translation leaves out, so this "
                       "page does not show " +
                       (one ? "it" : "them"),
                   "front-matter data is the same in every language; copy " +
                       std::string(one ? "it" : "them") + " from the original"});
  }
  std::map<std::string, Pos> oi, ti;
  for (const Value& img : original.front.get("images").as_list()) {
    oi.emplace(img.get("src").to_text(), img.pos);
  }
  for (const Value& img : translation.front.get("images").as_list()) {
    ti.emplace(img.get("src").to_text(), img.pos);
  }
  for (const auto& [src, pos] : oi) {
    if (!ti.count(src) && !translation.front.get("images").is_null()) {
      out.push_back({1,
                     "the original's front matter shows the image " + src + " (" + original.path +
                         ":" + std::to_string(pos.line) + ":" +
                         std::to_string(std::max(pos.col, 1)) +
                         ") that this translation's does not",
                     "list the same images, with the alt text translated"});
    }
  }
}

}  // namespace firefly
