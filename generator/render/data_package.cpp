#include "render/data_package.h"

#include <algorithm>

#include "core/json.h"
#include "render/data_manifest.h"

namespace firefly {

namespace {

/// A licence as a data package `licenses` entry.
Value package_license(const std::string& id) {
  Map m{{"name", Value(id)}};
  std::string url = license_url(id);
  if (!url.empty()) m.emplace_back("path", Value(url));
  if (id == "OGDL-Taiwan-1.0") {
    m.emplace_back("title", Value("Open Government Data License, version 1.0 (Taiwan)"));
  }
  return Value(std::move(m));
}

/// A data package name from the site's host: "labor-example-gov-tw", else "open-data".
std::string package_name(const DataSite& site) {
  std::string_view url = site.base_url;
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/:"));
  std::string name;
  for (char c : url) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a'), ok = true;
    name += ok ? c : '-';
  }
  return name.empty() ? std::string("open-data") : name + "-open-data";
}

/// The Frictionless `categories` of a column whose codes have words ({value, label} in
/// `lang`), or null when some cell holds a code the words do not list (a category list
/// restricts the values).
Value categories(const Dataset& ds, size_t column, const std::string& lang) {
  const Column& c = ds.columns[column];
  if (c.values.empty()) return Value();
  for (size_t r = 0; r < ds.row_count(); ++r) {
    std::string cell = ds.cells(r)[column];
    if (!cell.empty() && !c.label_of(cell)) return Value();
  }
  List out;
  for (const auto& [code, words] : c.values) {
    Value value = Value(code);
    if (c.type == ColumnType::kInteger) {
      std::string error;
      value = type_cell(code, c, &error);
      if (!error.empty()) return Value();
    }
    out.push_back(Value(Map{{"value", value}, {"label", Value(words.get(lang, lang))}}));
  }
  return Value(std::move(out));
}

}  // namespace

std::string datapackage_json(const std::vector<Dataset>& datasets, const DataManifest& manifest,
                             const DataSite& site) {
  const std::string lang = site.default_lang();
  List resources;
  std::vector<std::string> licenses;
  for (const Dataset& ds : datasets) {
    const DataFile* csv = DataManifest::find(manifest.dataset_files(ds.name), "csv");
    if (!csv) continue;
    std::string license = dataset_license(ds, site);
    if (std::find(licenses.begin(), licenses.end(), license) == licenses.end()) {
      licenses.push_back(license);
    }
    List fields;
    for (size_t i = 0; i < ds.columns.size(); ++i) {
      const Column& c = ds.columns[i];
      Map f{{"name", Value(c.name)}, {"type", Value(column_type_name(c.type))}};
      std::string title = c.title.get(lang, lang);
      if (!title.empty()) f.emplace_back("title", Value(title));
      std::string description = c.description.get(lang, lang);
      if (!c.unit.empty()) {
        description += (description.empty() ? "" : " ") + std::string("(unit: ") +
                       c.unit.get(lang, lang) + ")";
      }
      if (!description.empty()) f.emplace_back("description", Value(description));
      if (c.type == ColumnType::kDate) f.emplace_back("format", Value("default"));
      if (Value cats = categories(ds, i, lang); !cats.is_null()) {
        f.emplace_back("categories", std::move(cats));
      }
      fields.push_back(Value(std::move(f)));
    }
    Map r{{"name", Value(ds.name)},
          {"path", Value(ds.name + ".csv")},
          {"type", Value("table")},
          {"title", Value(ds.title.get(lang, lang))}};
    std::string description = ds.description.get(lang, lang);
    if (!description.empty()) r.emplace_back("description", Value(description));
    r.emplace_back("homepage", Value(site.absolute("/data/" + ds.name + "/")));
    if (!ds.source.empty()) {
      std::string title = ds.source.agency.get(lang, lang);
      std::string document = ds.source.title.get(lang, lang);
      if (!document.empty()) title += (title.empty() ? "" : ": ") + document;
      Map source{{"title", Value(title)}};
      if (!ds.source.url.empty()) source.emplace_back("path", Value(ds.source.url));
      r.emplace_back("sources", Value(List{Value(std::move(source))}));
    }
    std::string version = dataset_version(ds);
    if (!version.empty()) r.emplace_back("version", Value(version));
    r.emplace_back("licenses", Value(List{package_license(license)}));
    r.emplace_back("format", Value("csv"));
    r.emplace_back("mediatype", Value("text/csv"));
    r.emplace_back("encoding", Value("utf-8"));
    r.emplace_back("bytes", Value(static_cast<std::int64_t>(csv->size)));
    r.emplace_back("hash", Value("sha256:" + csv->sha256));
    Map schema{{"fields", Value(std::move(fields))}};
    if (!ds.key.empty()) {
      List key;
      for (const std::string& k : ds.key) key.push_back(Value(k));
      schema.emplace_back("primaryKey", Value(std::move(key)));
    }
    r.emplace_back("schema", Value(std::move(schema)));
    resources.push_back(Value(std::move(r)));
  }
  List license_list;
  for (const std::string& l : licenses) license_list.push_back(package_license(l));
  Map pkg{{"$schema", Value("https://datapackage.org/profiles/2.0/datapackage.json")},
          {"name", Value(package_name(site))},
          {"title", Value(site.title.get(lang, lang))}};
  std::string description = site.description.get(lang, lang);
  if (!description.empty()) pkg.emplace_back("description", Value(description));
  pkg.emplace_back("homepage", Value(site.absolute("/data/")));
  if (!license_list.empty()) pkg.emplace_back("licenses", Value(std::move(license_list)));
  pkg.emplace_back("resources", Value(std::move(resources)));
  return to_json(Value(std::move(pkg)), 2) + "\n";
}

}  // namespace firefly
