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

}  // namespace

Collection read_collection(const std::string& name, const Value& v, Diagnostics& diags) {
  Collection c;
  c.name = name;
  check_keys(v, {"title", "sort", "paginate", "taxonomies", "fields"}, "collection '" + name + "'",
             diags);
  c.title = localized(v.get("title"), "title of collection '" + name + "'", diags);
  if (const Value* sort = v.find("sort")) {
    std::string text = sort->to_text();  // `parts` points into it
    auto parts = split(trim(text), ' ');
    c.sort_by = std::string(parts[0]);
    c.sort_desc = parts.size() > 1 ? parts[1] == "desc" : c.sort_by == "date";
    if (c.sort_by != "date" && c.sort_by != "weight" && c.sort_by != "title") {
      diags.error(kSiteYaml, sort->pos,
                  "collections can be sorted by date, weight or title, not '" + c.sort_by + "'");
    }
  }
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
