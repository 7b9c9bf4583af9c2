#include "render/cms.h"

#include <algorithm>
#include <set>

#include "core/json.h"
#include "core/text.h"
#include "load/dataset.h"
#include "render/cms_page.h"

namespace firefly {
namespace {

/// A widget's label: the field's own label in the default language, else its name.
std::string label_of(const FieldSchema& f, const SiteConfig& config) {
  const std::string& lang = config.default_language().code;
  return f.label.empty() ? f.name : f.label.get(lang, lang);
}

Value widget(const FieldSchema& f, const SiteConfig& config);

/// The sub-fields of an object, or the single field of a list's items.
List widgets(const std::vector<FieldSchema>& fields, const SiteConfig& config) {
  List out;
  for (const FieldSchema& f : fields) out.push_back(widget(f, config));
  return out;
}

/// An image is an object of the file and its text alternative, which is required.
Map image_widget() {
  return {
      {"widget", "object"},
      // The file too is chosen per language (a copy cannot reach into a list's items;
      // a translation may show a picture with text in its language).
      {"fields",
       List{Value(Map{{"name", "src"}, {"label", "image"}, {"widget", "image"}, {"i18n", true}}),
            Value(Map{{"name", "alt"},
                      {"label", "alt"},
                      {"widget", "string"},
                      {"required", true},
                      {"hint",
                       "Describe the picture for people who cannot see it"
                       " (empty only for decoration)."},
                      {"i18n", true}}),
            Value(Map{{"name", "caption"},
                      {"label", "caption"},
                      {"widget", "string"},
                      {"required", false},
                      {"i18n", true}})}}};
}

/// How a field is kept across languages (the CMS's `i18n`). Text is translated; dates,
/// choices and references are copied into every language's file. Lists and objects (and
/// images) may only say `true` (Decap's schema): each language's file has its own, whose
/// parts say again which are translated.
Value i18n_of(const FieldSchema& f) {
  if (f.type == "string" || f.type == "text" || f.type == "localized" || f.type == "list" ||
      f.type == "object" || f.type == "image") {
    return Value(true);
  }
  return Value("duplicate");
}

/// The widget keys of a field's type (without name, label and required).
Map type_keys(const FieldSchema& f, const SiteConfig& config) {
  if (f.type == "date") {
    return {{"widget", "datetime"},
            {"format", "YYYY-MM-DD"},
            {"date_format", "YYYY-MM-DD"},
            {"time_format", false}};
  }
  if (f.type == "enum") {
    List options;
    const std::string& def = config.default_language().code;
    for (const std::string& v : f.values) {
      // A value with words is offered by them (in the default language), written as its code.
      const Localized* words = f.words_of(v);
      options.push_back(words ? Value(Map{{"label", words->get(def, def)}, {"value", v}})
                              : Value(v));
    }
    return {{"widget", "select"}, {"options", Value(std::move(options))}};
  }
  if (f.type == "ref") {
    return {{"widget", "relation"},
            {"collection", f.to},
            {"search_fields", List{Value("title")}},
            {"display_fields", List{Value("title")}},
            {"value_field", "{{slug}}"}};
  }
  if (f.type == "image") return image_widget();
  if (f.type == "integer") return {{"widget", "number"}, {"value_type", "int"}};
  if (f.type == "number") return {{"widget", "number"}, {"value_type", "float"}};
  if (f.type == "boolean") return {{"widget", "boolean"}};
  if (f.type == "text") return {{"widget", "text"}};
  if (f.type == "object") return {{"widget", "object"}, {"fields", widgets(f.fields, config)}};
  if (f.type == "list") {
    const FieldSchema& item = *f.of;
    if (item.type == "string") return {{"widget", "list"}};
    Map keys = type_keys(item, config);
    if (item.type == "object" || item.type == "image") {
      // A list of objects: the object's fields directly.
      for (auto& [k, v] : keys) {
        if (k == "fields") return {{"widget", "list"}, {"fields", v}};
      }
    }
    Map one = keys;
    one.insert(one.begin(), {"name", item.name});
    one.insert(one.begin() + 1, {"label", label_of(item, config)});
    one.emplace_back("i18n", i18n_of(item));
    return {{"widget", "list"}, {"field", Value(std::move(one))}};
  }
  return {{"widget", "string"}};  // string, localized
}

Value widget(const FieldSchema& f, const SiteConfig& config) {
  Map w{{"name", f.name}, {"label", label_of(f, config)}};
  for (auto& kv : type_keys(f, config)) w.push_back(std::move(kv));
  // Decap and Sveltia take every field as required unless told otherwise.
  w.emplace_back("required", f.required);
  const std::string& lang = config.default_language().code;
  if (!f.hint.empty()) w.emplace_back("hint", f.hint.get(lang, lang));
  w.emplace_back("i18n", i18n_of(f));
  return Value(std::move(w));
}

Map field(std::string name, std::string label, std::string widget_name, bool required, Value i18n) {
  return {{"name", std::move(name)},
          {"label", std::move(label)},
          {"widget", std::move(widget_name)},
          {"required", required},
          {"i18n", std::move(i18n)}};
}

/// The common front-matter fields every page has, then the collection's own, then the body.
Value collection(const std::string& name, const Collection* c, const SiteConfig& config) {
  List fields;
  auto add = [&](Map m) { fields.push_back(Value(std::move(m))); };
  add(field("title", "title", "string", true, Value(true)));
  const bool has_date = c && std::any_of(c->fields.begin(), c->fields.end(),
                                         [](const FieldSchema& f) { return f.name == "date"; });
  if (c) {
    for (const FieldSchema& f : c->fields) fields.push_back(widget(f, config));
  }
  if (!has_date) {
    Map date = field("date", "date", "datetime", false, Value("duplicate"));
    date.emplace_back("format", "YYYY-MM-DD");
    date.emplace_back("date_format", "YYYY-MM-DD");
    date.emplace_back("time_format", false);
    add(std::move(date));
  }
  // A collection's pages use its taxonomies, or any of the site's when it names none.
  std::vector<std::string> taxonomies;
  if (c) taxonomies = c->taxonomies;
  if (taxonomies.empty()) {
    for (const Taxonomy& t : config.taxonomies) taxonomies.push_back(t.name);
  }
  {
    for (const std::string& t : taxonomies) {
      const Taxonomy* tax = config.taxonomy(t);
      const std::string& lang = config.default_language().code;
      // A free list may only say `true` (see i18n_of); a choice of terms is copied.
      Map m = field(t, tax ? tax->title.get(lang, lang) : t, "list", false, Value(true));
      if (tax && !tax->terms.empty()) {
        m[4].second = Value("duplicate");
        List options;
        for (const auto& [slug, title] : tax->terms) options.push_back(Value(slug));
        m[2].second = Value("select");
        m.emplace_back("multiple", true);
        m.emplace_back("options", Value(std::move(options)));
      }
      add(std::move(m));
    }
  }
  if (c && c->sort_by == "weight") {
    Map weight = field("weight", "weight", "number", false, Value("duplicate"));
    weight.emplace_back("value_type", "int");
    weight.emplace_back("hint", "Lower numbers are listed first.");
    add(std::move(weight));
  }
  add(field("summary", "summary", "text", false, Value(true)));
  Map description = field("description", "description", "text", false, Value(true));
  description.emplace_back("hint", "For search engines and link previews.");
  add(std::move(description));
  Map from = field("translated_from", "translated_from", "string", false, Value(true));
  from.emplace_back("hint",
                    "In a translation: the date (YYYY-MM-DD) or commit of the original it"
                    " follows.");
  add(std::move(from));
  add(field("draft", "draft", "boolean", false, Value("duplicate")));
  add(field("body", "body", "markdown", false, Value(true)));
  return Value(Map{{"name", name},
                   {"label", name},
                   {"folder", "content/" + name},
                   {"create", true},
                   {"extension", "md"},
                   {"format", "yaml-frontmatter"},
                   {"slug", "{{slug}}"},
                   {"i18n", true},
                   {"fields", Value(std::move(fields))}});
}

/// A localizable text of dataset metadata: one string per language.
Value localized_field(const std::string& name, bool required, bool multiline,
                      const SiteConfig& config) {
  List per_lang;
  for (const Language& l : config.languages) {
    per_lang.push_back(Value(Map{{"name", l.code},
                                 {"label", l.name},
                                 {"widget", multiline ? "text" : "string"},
                                 {"required", required && &l == &config.languages.front()}}));
  }
  return Value(Map{{"name", name},
                   {"label", name},
                   {"widget", "object"},
                   {"required", required},
                   {"fields", Value(std::move(per_lang))}});
}

/// A dataset's chart: {x, y (one column or several), kind, title}.
Value chart_field(const SiteConfig& config) {
  List kinds;
  for (const std::string& k : kChartKinds) kinds.push_back(Value(k));
  List fields{Value(Map{{"name", "x"}, {"label", "x"}, {"widget", "string"}, {"required", false}}),
              Value(Map{{"name", "y"},
                        {"label", "y"},
                        {"widget", "list"},
                        {"required", false},
                        {"hint", "The number columns drawn: one, or several."}}),
              Value(Map{{"name", "kind"},
                        {"label", "kind"},
                        {"widget", "select"},
                        {"options", Value(std::move(kinds))},
                        {"required", false}}),
              localized_field("title", false, false, config)};
  return Value(Map{{"name", "chart"},
                   {"label", "chart"},
                   {"widget", "object"},
                   {"required", false},
                   {"fields", Value(std::move(fields))}});
}

/// A dataset's `indicators:` block. Its per-language and per-period column maps have keys
/// the editor cannot list, so they are kept as written (hidden) and edited in the file.
Value indicators_field(const SiteConfig& config) {
  auto text = [](const char* name) {
    return Value(Map{{"name", name}, {"label", name}, {"widget", "string"}, {"required", false}});
  };
  auto kept = [](const char* name) {
    return Value(Map{{"name", name}, {"label", name}, {"widget", "hidden"}, {"required", false}});
  };
  List fields{localized_field("title", false, false, config),
              Value(Map{{"name", "periods"},
                        {"label", "periods"},
                        {"widget", "list"},
                        {"required", false},
                        {"hint", "The periods the plan covers, in time order (2015, 2016, ...)."}}),
              text("id"),
              text("unit"),
              text("direction"),
              text("baseline")};
  for (const char* name :
       {"name", "goal", "source", "method", "target", "target_max", "actual", "where", "units"}) {
    fields.push_back(kept(name));
  }
  return Value(Map{{"name", "indicators"},
                   {"label", "indicators"},
                   {"widget", "object"},
                   {"required", false},
                   {"hint",
                    "The rows are a plan's indicators. Which column holds each period's target "
                    "and actual is set in the file (docs/open-data.md)."},
                   {"fields", Value(std::move(fields))}});
}

Value datasets_collection(const std::vector<std::pair<std::string, Localized>>& datasets,
                          const SiteConfig& config) {
  List types;
  for (const char* t : {"string", "integer", "number", "boolean", "date"}) types.push_back(t);
  List frequencies;
  for (const char* f :
       {"daily", "weekly", "monthly", "quarterly", "semiannual", "yearly", "irregular"}) {
    frequencies.push_back(f);
  }
  List column{
      Value(Map{{"name", "name"}, {"label", "name"}, {"widget", "string"}}),
      Value(Map{{"name", "type"},
                {"label", "type"},
                {"widget", "select"},
                {"options", Value(std::move(types))},
                {"required", false}}),
      localized_field("title", false, false, config), localized_field("unit", false, false, config),
      localized_field("description", false, true, config),
      // The words of the codes: kept as written in the file.
      Value(
          Map{{"name", "values"}, {"label", "values"}, {"widget", "hidden"}, {"required", false}})};
  List theme_codes;
  for (const std::string& t : kDataThemes) theme_codes.push_back(Value(t));
  List metadata{
      localized_field("title", true, false, config),
      localized_field("description", false, true, config),
      localized_field("summary", false, false, config),
      localized_field("source", false, false, config),
      Value(Map{{"name", "frequency"},
                {"label", "frequency"},
                {"widget", "select"},
                {"options", Value(std::move(frequencies))},
                {"required", false}}),
      Value(Map{
          {"name", "license"}, {"label", "license"}, {"widget", "string"}, {"required", false}}),
      Value(Map{
          {"name", "keywords"}, {"label", "keywords"}, {"widget", "list"}, {"required", false}}),
      Value(Map{{"name", "themes"},
                {"label", "themes"},
                {"widget", "select"},
                {"multiple", true},
                {"options", Value(theme_codes)},
                {"required", false}}),
      Value(Map{{"name", "key"}, {"label", "key"}, {"widget", "list"}, {"required", false}}),
      localized_field("spatial", false, false, config),
      Value(Map{{"name", "temporal"},
                {"label", "temporal"},
                {"widget", "string"},
                {"required", false},
                {"hint", "2017/2021"}}),
      Value(Map{{"name", "issued"},
                {"label", "issued"},
                {"widget", "datetime"},
                {"format", "YYYY-MM-DD"},
                {"date_format", "YYYY-MM-DD"},
                {"time_format", false},
                {"required", false}}),
      Value(Map{{"name", "modified"},
                {"label", "modified"},
                {"widget", "datetime"},
                {"format", "YYYY-MM-DD"},
                {"date_format", "YYYY-MM-DD"},
                {"time_format", false},
                {"required", false}}),
      Value(Map{
          {"name", "version"}, {"label", "version"}, {"widget", "string"}, {"required", false}}),
      chart_field(config),
      indicators_field(config),
      Value(Map{{"name", "columns"},
                {"label", "columns"},
                {"widget", "list"},
                {"fields", Value(std::move(column))}})};
  const std::string& lang = config.default_language().code;
  List files;
  for (const auto& [name, title] : datasets) {
    files.push_back(Value(Map{{"name", name},
                              {"label", title.empty() ? name : title.get(lang, lang)},
                              {"file", "data/" + name + ".yaml"},
                              {"fields", Value(metadata)}}));
  }
  return Value(Map{{"name", "datasets"},
                   {"label", "datasets"},
                   {"editor", Value(Map{{"preview", false}})},
                   {"files", Value(std::move(files))}});
}

}  // namespace

Value cms_config(const SiteConfig& config,
                 const std::vector<std::pair<std::string, Localized>>& datasets) {
  const CmsConfig& cms = *config.cms;
  Map backend{{"name", cms.backend}, {"repo", cms.repo}, {"branch", cms.branch}};
  if (!cms.api_root.empty()) backend.emplace_back("api_root", cms.api_root);
  if (!cms.auth_url.empty()) backend.emplace_back("base_url", cms.auth_url);

  List locales;
  for (const Language& l : config.languages) locales.push_back(Value(l.code));
  List collections;
  std::set<std::string> done;
  for (const Collection& c : config.collections) {
    collections.push_back(collection(c.name, &c, config));
    done.insert(c.name);
  }
  // A collection a ref points to is editable too, even without a schema of its own.
  for (const Collection& c : config.collections) {
    for (const FieldSchema& f : c.fields) {
      const FieldSchema& target = f.type == "list" && f.of ? *f.of : f;
      if (target.type == "ref" && done.insert(target.to).second) {
        collections.push_back(collection(target.to, nullptr, config));
      }
    }
  }
  if (!datasets.empty()) collections.push_back(datasets_collection(datasets, config));

  Map out{{"backend", Value(std::move(backend))}};
  // decap-server edits the files of a checkout, which has no pull requests: the
  // supervisor's approval comes when the change is pushed.
  if (cms.local_backend) {
    out.emplace_back("local_backend", true);
  } else if (cms.editorial_workflow) {
    out.emplace_back("publish_mode", "editorial_workflow");
  }
  out.emplace_back("site_url", config.base_url);
  out.emplace_back("media_folder", "static/images");
  out.emplace_back("public_folder", "/images");
  out.emplace_back("i18n", Value(Map{{"structure", "multiple_files"},
                                     {"locales", Value(std::move(locales))},
                                     {"default_locale", config.default_language().code}}));
  out.emplace_back("collections", Value(std::move(collections)));
  return Value(std::move(out));
}

void render_cms(const SiteConfig& config,
                const std::vector<std::pair<std::string, Localized>>& datasets, OutputSet& out) {
  if (!config.cms) return;
  // config.yml is JSON, which every YAML reader reads.
  out.push_back({"admin/config.yml",
                 "# Generated by Firefly from site.yaml; edit site.yaml, not this file.\n" +
                     to_json(cms_config(config, datasets), 2) + "\n",
                 ""});
  out.push_back({"admin/index.html", cms_admin_page(config), ""});
}

}  // namespace firefly
