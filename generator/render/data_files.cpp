#include "render/data_files.h"

#include <algorithm>

#include "core/json.h"
#include "core/sha256.h"
#include "core/text.h"
#include "load/csv.h"
#include "render/zip_writer.h"

namespace firefly {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

/// A localized text as a JSON-LD value: a plain string, or language-tagged values.
Value ld_text(const Localized& text, const DataSite& site) {
  if (text.by_lang.empty()) return Value(text.plain);
  List out;
  for (const auto& [code, value] : text.by_lang) {
    std::string tag = code;
    for (const auto& l : site.languages) {
      if (l.code == code) tag = l.html_lang;
    }
    out.push_back(Value(Map{{"@language", Value(tag)}, {"@value", Value(value)}}));
  }
  return Value(std::move(out));
}

Value ld_id(const std::string& url) { return Value(Map{{"@id", Value(url)}}); }

Value typed(const std::string& value, const char* type) {
  return Value(Map{{"@value", Value(value)}, {"@type", Value(type)}});
}

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

}  // namespace

std::string DataSite::default_lang() const {
  return languages.empty() ? std::string("en") : languages.front().code;
}

std::string DataSite::absolute(std::string_view site_path) const {
  std::string base = base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  if (!starts_with(site_path, "/")) base += '/';
  return base + std::string(site_path);
}

std::string dataset_license(const Dataset& ds, const DataSite& site) {
  return ds.license.empty() ? site.data_license : ds.license;
}

std::string canonical_csv(const Dataset& ds) { return std::string(strip_bom(ds.csv_bytes)); }

std::string neutralise_cell(std::string_view cell, bool is_valid_number) {
  if (cell.empty() || is_valid_number) return std::string(cell);
  char c = cell.front();
  if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
    return "'" + std::string(cell);
  }
  return std::string(cell);
}

std::string excel_csv(const Dataset& ds) {
  std::string out(kBom);
  auto line = [&](const std::vector<std::string>& cells, const std::vector<Value>* typed_row) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) out += ',';
      bool number = false;
      if (typed_row && i < ds.columns.size()) {
        ColumnType t = ds.columns[i].type;
        number =
            (t == ColumnType::kInteger || t == ColumnType::kNumber) && (*typed_row)[i].is_number();
      }
      out += csv_quote(neutralise_cell(cells[i], number));
    }
    out += "\r\n";
  };
  std::vector<std::string> header;
  for (const Column& c : ds.columns) header.push_back(c.name);
  line(header, nullptr);
  for (size_t r = 0; r < ds.cells.size(); ++r) line(ds.cells[r], &ds.rows[r]);
  return out;
}

std::string dataset_json(const Dataset& ds) {
  List rows;
  rows.reserve(ds.rows.size());
  for (const auto& row : ds.rows) {
    Map m;
    for (size_t i = 0; i < ds.columns.size() && i < row.size(); ++i) {
      m.emplace_back(ds.columns[i].name, row[i]);
    }
    rows.push_back(Value(std::move(m)));
  }
  return to_json(Value(std::move(rows)), 2) + "\n";
}

std::string datapackage_json(const std::vector<Dataset>& datasets, const DataSite& site) {
  const std::string lang = site.default_lang();
  List resources;
  std::vector<std::string> licenses;
  for (const Dataset& ds : datasets) {
    std::string csv = canonical_csv(ds);
    std::string license = dataset_license(ds, site);
    if (std::find(licenses.begin(), licenses.end(), license) == licenses.end()) {
      licenses.push_back(license);
    }
    List fields;
    for (const Column& c : ds.columns) {
      Map f{{"name", Value(c.name)}, {"type", Value(column_type_name(c.type))}};
      std::string title = c.title.get(lang, lang);
      if (!title.empty()) f.emplace_back("title", Value(title));
      std::string description = c.description.get(lang, lang);
      if (!c.unit.empty()) {
        description += (description.empty() ? "" : " ") + std::string("(unit: ") + c.unit + ")";
      }
      if (!description.empty()) f.emplace_back("description", Value(description));
      if (c.type == ColumnType::kDate) f.emplace_back("format", Value("default"));
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
      r.emplace_back("sources",
                     Value(List{Value(Map{{"title", Value(ds.source.get(lang, lang))}})}));
    }
    r.emplace_back("licenses", Value(List{package_license(license)}));
    r.emplace_back("format", Value("csv"));
    r.emplace_back("mediatype", Value("text/csv"));
    r.emplace_back("encoding", Value("utf-8"));
    r.emplace_back("bytes", Value(static_cast<std::int64_t>(csv.size())));
    r.emplace_back("hash", Value("sha256:" + sha256_hex(csv)));
    r.emplace_back("schema", Value(Map{{"fields", Value(std::move(fields))}}));
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

std::string catalog_jsonld(const std::vector<Dataset>& datasets, const DataSite& site) {
  List items;
  for (const Dataset& ds : datasets) {
    std::string license = dataset_license(ds, site);
    std::string lurl = license_url(license);
    Value license_value = lurl.empty() ? Value(license) : ld_id(lurl);
    std::string modified = ds.updated.year ? ds.updated.iso().substr(0, 10) : std::string();
    List distributions;
    struct Kind {
      std::string suffix, media, format;
    };
    std::string csv = canonical_csv(ds);
    for (const Kind& k : {Kind{".csv", "text/csv", "CSV"}, Kind{".excel.csv", "text/csv", "CSV"},
                          Kind{".json", "application/json", "JSON"}}) {
      std::string url = site.absolute("/data/" + ds.name + k.suffix);
      Map d{{"@type", Value("dcat:Distribution")},
            {"dct:title", Value(ds.name + k.suffix)},
            {"dcat:accessURL", ld_id(url)},
            {"dcat:downloadURL", ld_id(url)},
            {"dcat:mediaType", ld_id("https://www.iana.org/assignments/media-types/" + k.media)},
            {"dct:format", Value(k.format)},
            {"dct:license", license_value}};
      if (!modified.empty()) d.emplace_back("dct:modified", typed(modified, "xsd:date"));
      if (k.suffix == ".csv") {
        d.emplace_back("dcat:byteSize",
                       typed(std::to_string(csv.size()), "xsd:nonNegativeInteger"));
      }
      distributions.push_back(Value(std::move(d)));
    }
    Map item{{"@id", Value(site.absolute("/data/" + ds.name + "/"))},
             {"@type", Value("dcat:Dataset")},
             {"dct:identifier", Value(ds.name)},
             {"dct:title", ld_text(ds.title, site)}};
    if (!ds.description.empty())
      item.emplace_back("dct:description", ld_text(ds.description, site));
    if (!ds.source.empty()) {
      item.emplace_back("dct:publisher", Value(Map{{"@type", Value("foaf:Agent")},
                                                   {"foaf:name", ld_text(ds.source, site)}}));
    }
    item.emplace_back("dct:license", license_value);
    if (!modified.empty()) item.emplace_back("dct:modified", typed(modified, "xsd:date"));
    if (!ds.frequency.empty()) item.emplace_back("dct:accrualPeriodicity", Value(ds.frequency));
    item.emplace_back("dcat:landingPage", ld_id(site.absolute("/data/" + ds.name + "/")));
    item.emplace_back("dcat:distribution", Value(std::move(distributions)));
    items.push_back(Value(std::move(item)));
  }
  Map context{{"dcat", Value("http://www.w3.org/ns/dcat#")},
              {"dct", Value("http://purl.org/dc/terms/")},
              {"foaf", Value("http://xmlns.com/foaf/0.1/")},
              {"vcard", Value("http://www.w3.org/2006/vcard/ns#")},
              {"xsd", Value("http://www.w3.org/2001/XMLSchema#")}};
  Localized description = site.description;
  if (description.empty()) {
    description.plain = "Open data of " + site.title.get("en", site.default_lang());
  }
  Map publisher{{"@type", Value("foaf:Agent")}, {"foaf:name", ld_text(site.publisher_name, site)}};
  if (!site.publisher_email.empty()) {
    publisher.emplace_back("foaf:mbox", ld_id("mailto:" + site.publisher_email));
  }
  Map catalog{{"@context", Value(std::move(context))},
              {"@id", Value(site.absolute("/data/catalog.jsonld"))},
              {"@type", Value("dcat:Catalog")},
              {"dct:title", ld_text(site.title, site)},
              {"dct:description", ld_text(description, site)},
              {"dct:publisher", Value(std::move(publisher))},
              {"dct:license",
               ld_id(license_url(site.data_license).empty() ? site.absolute("/data/")
                                                            : license_url(site.data_license))},
              {"dcat:landingPage", ld_id(site.absolute("/data/"))},
              {"dcat:dataset", Value(std::move(items))}};
  return to_json(Value(std::move(catalog)), 2) + "\n";
}

void render_data_files(const std::vector<Dataset>& datasets, const DataSite& site, OutputSet& out) {
  if (datasets.empty()) return;
  std::vector<std::pair<std::string, std::string>> files;  // name in data/, bytes
  std::vector<ZipEntry> zip;
  for (const Dataset& ds : datasets) {
    std::string csv = canonical_csv(ds);
    zip.emplace_back(ds.name + ".csv", csv);
    files.emplace_back(ds.name + ".csv", std::move(csv));
    files.emplace_back(ds.name + ".excel.csv", excel_csv(ds));
    files.emplace_back(ds.name + ".json", dataset_json(ds));
  }
  std::string package = datapackage_json(datasets, site);
  zip.emplace_back("datapackage.json", package);
  files.emplace_back("datapackage.json", std::move(package));
  files.emplace_back("catalog.jsonld", catalog_jsonld(datasets, site));
  files.emplace_back("all.zip", make_zip(std::move(zip)));
  std::sort(files.begin(), files.end());
  std::string sums;
  for (const auto& [name, bytes] : files) sums += sha256_hex(bytes) + "  " + name + "\n";
  files.emplace_back("SHA256SUMS", std::move(sums));
  for (auto& [name, bytes] : files) out.push_back(OutputFile{"data/" + name, std::move(bytes), ""});
}

}  // namespace firefly
