#include "config/collections.h"

#include <algorithm>

#include "config/site_yaml_values.h"
#include "core/text.h"

namespace firefly::config_detail {

namespace {

const std::vector<std::string> kFieldTypes = {"string",  "text", "integer", "number",
                                              "boolean", "date", "enum",    "ref",
                                              "image",   "list", "object",  "localized"};

FieldSchema field_schema(const std::string& name, const Value& v, Diagnostics& diags) {
  FieldSchema f;
  f.name = name;
  f.pos = v.pos;
  const Value* type = &v;
  if (v.is_map()) {
    check_keys(v, {"type", "required", "values", "to", "of", "fields", "label", "hint"},
               "field '" + name + "'", diags);
    f.label = localized(v.get("label"), "label of field '" + name + "'", diags);
    f.hint = localized(v.get("hint"), "hint of field '" + name + "'", diags);
    type = &v.get("type");
    f.required = v.get("required").truthy();
    for (const Value& e : v.get("values").as_list()) f.values.push_back(e.to_text());
    f.to = v.get("to").to_text();
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
  check_keys(v, {"title", "sort", "paginate", "taxonomies", "fields"}, "collection '" + name + "'",
             diags);
  c.title = localized(v.get("title"), "title of collection '" + name + "'", diags);
  if (const Value* sort = v.find("sort")) read_sort(c, *sort, diags);
  if (const Value* p = v.find("paginate")) {
    if (expect(*p, p->is_int() && p->as_int() >= 0 && p->as_int() < 100000,
               "paginate of '" + name + "' (a whole number of pages per list page)", diags)) {
      c.paginate = static_cast<int>(p->as_int());
    }
  }
  for (const Value& t : v.get("taxonomies").as_list()) c.taxonomies.push_back(t.to_text());
  for (const auto& [field, fv] : v.get("fields").as_map()) {
    c.fields.push_back(field_schema(field, fv, diags));
  }
  return c;
}

}  // namespace firefly::config_detail
