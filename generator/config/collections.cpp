#include "config/collections.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "config/site_yaml_values.h"
#include "core/text.h"

namespace firefly {

namespace config_detail {

namespace {

const std::vector<std::string> kFieldTypes = {"string",  "text", "integer", "number",
                                              "boolean", "date", "enum",    "ref",
                                              "image",   "list", "object",  "localized"};

/// Whether `name` can be a front-matter key that staff type and the editor writes: letters
/// (of any script), digits, '_' and '-'. `""` or `a b` was a field nobody could fill in.
bool field_name_ok(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char ch) {
    const auto u = static_cast<unsigned char>(ch);
    return u >= 0x80 || std::isalnum(u) || ch == '_' || ch == '-';
  });
}

FieldSchema field_schema(const std::string& name, const Value& v, Diagnostics& diags) {
  FieldSchema f;
  f.name = name;
  f.pos = v.pos;
  if (!name.ends_with("[]") && !field_name_ok(name)) {  // not a list's items
    diags.error(kSiteYaml, v.key_pos.line ? v.key_pos : v.pos,
                "the field name " + in_quotes(name) + " cannot be a front-matter key",
                "name it with letters, digits, '_' and '-', like event_date");
  }
  const Value* type = &v;
  if (v.is_map()) {
    check_keys(v, {"type", "required", "values", "to", "of", "fields", "label", "hint"},
               "field '" + name + "'", diags);
    f.label = localized(v.get("label"), "label of field '" + name + "'", diags);
    f.hint = localized(v.get("hint"), "hint of field '" + name + "'", diags);
    type = &v.get("type");
    f.required = yes_no(v.find("required"), "required", diags);
    const Value& values = v.get("values");
    if (values.is_map()) {
      for (const auto& [value, words] : values.as_map()) {
        f.values.push_back(value);
        f.value_words.emplace_back(
            value,
            localized(words, "words of value '" + value + "' of field '" + name + "'", diags));
      }
    } else {
      for (const Value& e : values.as_list()) f.values.push_back(e.to_text());
    }
    f.to = v.get("to").to_text();
    f.to_pos = v.find("to") ? v.get("to").pos : v.pos;
    if (const Value* of = v.find("of")) {
      f.of = std::make_shared<FieldSchema>(field_schema(name + "[]", *of, diags));
    }
    for (const auto& [sub, subv] : v.get("fields").as_map()) {
      f.fields.push_back(field_schema(sub, subv, diags));
    }
  }
  f.type = type->to_text();
  if (std::find(kFieldTypes.begin(), kFieldTypes.end(), f.type) == kFieldTypes.end()) {
    diags.error(kSiteYaml, type->pos,
                "unknown field type '" + f.type + "' for field '" + name + "'",
                hint_among(f.type, kFieldTypes,
                           "use one of: string, text, integer, number, boolean, date, enum, "
                           "ref, image, list, object, localized"));
  }
  if (f.type == "enum" && f.values.empty()) {  // every value of every page an error
    diags.error(kSiteYaml, v.is_map() && v.find("values") ? v.get("values").pos : v.pos,
                "field '" + name + "' is an enum without values",
                "list them with their words: values: {jobs: {en: Jobs}, training: {en: "
                "Training}}");
  }
  if (f.type == "ref" && f.to.empty()) {
    diags.error(kSiteYaml, v.pos,
                "field '" + name + "' is a ref but does not say what it refers to",
                "add `to: <collection>`");
  }
  if (f.type == "list" && !f.of) {
    f.of = std::make_shared<FieldSchema>();
    f.of->type = "string";
  }
  return f;
}

/// Reads `sort: <field> [asc|desc]` into `c`; anything else is an error at it, which lists
/// the words allowed.
void read_sort(Collection& c, const Value& sort, Diagnostics& diags) {
  const std::vector<std::string> fields = {"date", "weight", "title"};
  const std::vector<std::string> orders = {"asc", "desc"};
  const std::string written = sort.to_text();
  std::vector<std::string> words;
  for (std::string_view w : split(trim(written), ' ')) {
    if (!w.empty()) words.emplace_back(w);
  }
  auto known = [](const std::vector<std::string>& allowed, const std::string& w) {
    return std::find(allowed.begin(), allowed.end(), w) != allowed.end();
  };
  std::string hint;
  if (words.empty() || words.size() > 2) {
    hint = "like `sort: date desc` (newest first) or `sort: weight`";
  } else if (!known(fields, words[0])) {
    hint = hint_among(words[0], fields, "like `sort: date desc` (newest first) or `sort: weight`");
  } else if (words.size() == 2 && !known(orders, words[1])) {
    hint = hint_among(words[1], orders,
                      "desc puts the newest date, the highest weight or the last title first; "
                      "asc the other way round");
  } else {
    c.sort_by = words[0];
    c.sort_desc = words.size() == 2 ? words[1] == "desc" : c.sort_by == "date";
    return;
  }
  diags.error(kSiteYaml, sort.pos,
              "collection '" + c.name + "' is sorted by '" + written +
                  "': write date, weight or title, then asc or desc",
              hint);
}

}  // namespace

Collection read_collection(const std::string& name, const Value& v, Diagnostics& diags) {
  Collection c;
  c.name = name;
  shaped(&v, false, "collection '" + name + "'", "`" + name + ": {sort: date desc}`", diags);
  check_keys(v, {"title", "sort", "paginate", "taxonomies", "fields"}, "collection '" + name + "'",
             diags);
  c.title = localized(v.get("title"), "title of collection '" + name + "'", diags);
  if (const Value* sort = v.find("sort")) read_sort(c, *sort, diags);
  if (const Value* p = v.find("paginate")) {
    if (expect(
            *p, p->is_int() && p->as_int() >= 0 && p->as_int() < 100000,
            "paginate of '" + name +
                "' (how many entries a list page shows: a whole number from 1, or 0 for one page)",
            diags)) {
      c.paginate = static_cast<int>(p->as_int());
    }
  }
  shaped(v.find("taxonomies"), true, "the taxonomies of collection '" + name + "'",
         "`taxonomies: [tags]`", diags);
  for (const Value& t : v.get("taxonomies").as_list()) c.taxonomies.push_back(t.to_text());
  shaped(v.find("fields"), false, "the fields of collection '" + name + "'",
         "one key a field: `fields: {date: {type: date, required: true}}`", diags);
  for (const auto& [field, fv] : v.get("fields").as_map()) {
    c.fields.push_back(field_schema(field, fv, diags));
    const FieldSchema& f = c.fields.back();
    if (!f.label.empty() || !c.shows_as_field(f)) continue;
    // Its name would title it on every language's pages; staff do not see that in a file.
    diags.warning(kSiteYaml, fv.key_pos.line ? fv.key_pos : fv.pos,
                  "field '" + field + "' of collection '" + name +
                      "' has no label: the pages of every language show its name (" + field +
                      ") as its title",
                  "add a label in each of the site's languages: " + field + ": {type: " + f.type +
                      ", label: {en: " + name_as_words(field) + "}}");
  }
  return c;
}

}  // namespace config_detail

bool Collection::shows_as_field(const FieldSchema& f) const {
  static constexpr std::array<std::string_view, 15> kShownElsewhere = {
      "title",       "date",   "updated", "draft", "publish_at", "summary",
      "description", "weight", "layout",  "url",   "aliases",    "translation_key",
      "images",      "people", "slug"};
  if (std::find(kShownElsewhere.begin(), kShownElsewhere.end(), f.name) != kShownElsewhere.end())
    return false;
  if (std::find(taxonomies.begin(), taxonomies.end(), f.name) != taxonomies.end()) return false;
  const FieldSchema& item = f.type == "list" && f.of ? *f.of : f;
  return item.type != "ref" && item.type != "image" && item.type != "object" && item.type != "list";
}

namespace {

/// Calls `visit` for `f` when it is a ref field, and for each ref field within it (the
/// items of a list, the fields of an object).
template <typename Visit>
void each_ref(const FieldSchema& f, Visit& visit) {
  if (f.type == "ref") visit(f);
  if (f.of) each_ref(*f.of, visit);
  for (const FieldSchema& sub : f.fields) each_ref(sub, visit);
}

/// True when `to` is a folder under `content_dir` written as a relative path of names.
bool content_folder(const std::filesystem::path& content_dir, const std::string& to) {
  for (std::string_view part : split(to, '/')) {
    if (part.empty() || part == "." || part == ".." || part.find('\\') != part.npos) return false;
  }
  std::error_code ec;
  return std::filesystem::is_directory(content_dir / to, ec);
}

}  // namespace

bool check_ref_targets(const SiteConfig& config, const std::filesystem::path& content_dir,
                       Diagnostics& diags) {
  const size_t errors_before = diags.error_count();
  std::vector<std::string> sections;  // what a ref may point to, for the did-you-mean
  for (const Collection& c : config.collections) sections.push_back(c.name);
  std::error_code ec;
  for (std::filesystem::directory_iterator it(content_dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_directory(type_ec)) sections.push_back(it->path().filename().string());
  }
  std::sort(sections.begin(), sections.end());  // the listing's order is the system's
  for (const Collection& c : config.collections) {
    auto check = [&](const FieldSchema& f) {
      if (f.to.empty() || config.collection(f.to) || content_folder(content_dir, f.to)) return;
      diags.error(config_detail::kSiteYaml, f.to_pos,
                  "field '" + f.name + "' of collection '" + c.name + "' refers to '" + f.to +
                      "', which is neither a collection nor a folder of content/",
                  config_detail::hint_among(f.to, sections,
                                            "write the name of a collection under "
                                            "`collections:` or of a folder of content/"));
    };
    for (const FieldSchema& f : c.fields) each_ref(f, check);
  }
  return diags.error_count() == errors_before;
}

}  // namespace firefly
