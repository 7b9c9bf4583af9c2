#include "render/data_metadata.h"

#include "core/json.h"
#include "render/data_manifest.h"
#include "render/dataset_page.h"

namespace firefly {

namespace {

/// A localized text as {lang: text} over the site's languages (only those written).
Value by_lang(const Localized& text, const DataSite& site) {
  if (text.empty()) return Value();
  Map m;
  for (const DataSite::Language& l : site.languages) {
    if (text.has(l.code)) m.emplace_back(l.code, Value(text.get(l.code, l.code)));
  }
  if (m.empty()) m.emplace_back(site.default_lang(), Value(text.get(site.default_lang(), "")));
  return Value(std::move(m));
}

/// A published file as {name, url, media_type, bytes, sha256}.
Value file_entry(const DataFile& f, const DataSite& site) {
  return Value(Map{{"name", Value(f.name())},
                   {"url", Value(site.absolute(f.url()))},
                   {"media_type", Value(f.format->media_type)},
                   {"bytes", Value(static_cast<std::int64_t>(f.size))},
                   {"sha256", Value(f.sha256)}});
}

/// The `history` list: each change to the rows, with its published file when there is one.
Value history_list(const Dataset& ds, const DataSite& site, const std::vector<DataFile>& versions) {
  List out;
  for (const DatasetChange& c : ds.history) {
    Map m{{"date", Value(c.commit.date.iso())},
          {"commit", Value(c.commit.commit)},
          {"message", Value(c.commit.message)},
          {"first", Value(c.first)},
          {"rows_added", Value(static_cast<std::int64_t>(c.rows.added))},
          {"rows_removed", Value(static_cast<std::int64_t>(c.rows.removed))},
          {"rows_changed", Value(static_cast<std::int64_t>(c.rows.changed))}};
    for (const auto& [key, names] : {std::pair{"columns_added", &c.rows.columns_added},
                                     std::pair{"columns_removed", &c.rows.columns_removed}}) {
      if (names->empty()) continue;
      List list;
      for (const std::string& n : *names) list.push_back(Value(n));
      m.emplace_back(key, Value(std::move(list)));
    }
    for (const DataFile& f : versions) {
      if (c.published && f.name() == c.version_file()) m.emplace_back("file", file_entry(f, site));
    }
    out.push_back(Value(std::move(m)));
  }
  return Value(std::move(out));
}

}  // namespace

std::string dataset_metadata_json(const Dataset& ds, const std::vector<DataFile>& files,
                                  const DataSite& site, const std::vector<DataView>& views,
                                  const std::vector<DataFile>& versions) {
  Map m{{"name", Value(ds.name)},
        {"title", by_lang(ds.title, site)},
        {"description", by_lang(ds.description, site)},
        {"url", Value(site.absolute("/data/" + ds.name + "/"))}};
  Map publisher{{"name", by_lang(site.publisher_name, site)}};
  if (!site.publisher_email.empty()) publisher.emplace_back("email", Value(site.publisher_email));
  m.emplace_back("publisher", Value(std::move(publisher)));
  if (!ds.source.empty()) {
    Map source{{"agency", by_lang(ds.source.agency, site)}};
    if (!ds.source.title.empty()) source.emplace_back("title", by_lang(ds.source.title, site));
    if (ds.source.date) source.emplace_back("date", Value(ds.source.date->iso()));
    if (!ds.source.url.empty()) source.emplace_back("url", Value(ds.source.url));
    m.emplace_back("source", Value(std::move(source)));
  }
  std::string license = dataset_license(ds, site);
  m.emplace_back("license",
                 Value(Map{{"id", Value(license)}, {"url", Value(license_url(license))}}));
  Map citation;
  for (const DataView& v : views)
    citation.emplace_back(v.lang, Value(dataset_citation(ds, site, v)));
  m.emplace_back("citation", Value(std::move(citation)));
  m.emplace_back("version", Value(dataset_version(ds)));
  // An unknown date is left out, never written as "" or invented.
  if (ds.issued.year) m.emplace_back("issued", Value(dataset_day(ds.issued)));
  if (ds.updated.year) m.emplace_back("modified", Value(dataset_day(ds.updated)));
  if (ds.temporal) m.emplace_back("temporal", Value(ds.temporal->iso()));
  if (!ds.spatial.empty()) m.emplace_back("spatial", by_lang(ds.spatial, site));
  m.emplace_back("frequency", Value(ds.frequency));
  List keywords;
  for (const std::string& k : ds.keywords) keywords.push_back(Value(k));
  m.emplace_back("keywords", Value(std::move(keywords)));
  List themes;
  for (const std::string& t : ds.themes) {
    themes.push_back(Value("http://publications.europa.eu/resource/authority/data-theme/" + t));
  }
  m.emplace_back("themes", Value(std::move(themes)));
  m.emplace_back("row_count", Value(static_cast<std::int64_t>(ds.row_count())));
  List columns;
  for (const Column& c : ds.columns) {
    Map col{{"name", Value(c.name)},
            {"type", Value(column_type_name(c.type))},
            {"title", by_lang(c.title, site)}};
    if (!c.unit.empty()) col.emplace_back("unit", by_lang(c.unit, site));
    if (!c.description.empty()) col.emplace_back("description", by_lang(c.description, site));
    if (!c.values.empty()) {
      Map values;
      for (const auto& [code, words] : c.values) values.emplace_back(code, by_lang(words, site));
      col.emplace_back("values", Value(std::move(values)));
    }
    columns.push_back(Value(std::move(col)));
  }
  m.emplace_back("columns", Value(std::move(columns)));
  List list;
  for (const DataFile& f : files) list.push_back(file_entry(f, site));
  m.emplace_back("files", Value(std::move(list)));
  if (!ds.key.empty()) {
    List key;
    for (const std::string& k : ds.key) key.push_back(Value(k));
    m.emplace_back("key", Value(std::move(key)));
  }
  m.emplace_back("history", history_list(ds, site, versions));
  return to_json(Value(std::move(m)), 2) + "\n";
}

std::string data_readme(const std::vector<Dataset>& datasets, const DataManifest& manifest,
                        const DataSite& site, const std::vector<DataView>& views) {
  std::string out;
  for (const DataView& v : views) {
    if (!out.empty()) out += "\n----------------------------------------\n\n";
    out += v.pick(site.title) + "\n\n";
    out += v.format(
               "data_readme_intro",
               "Open data published by {publisher}. Every dataset below comes as CSV "
               "(UTF-8), CSV for Excel (UTF-8 with BOM), an Excel workbook (XLSX), an "
               "OpenDocument spreadsheet (ODS), JSON and a metadata file "
               "(<name>.metadata.json) with its source, licence, citation and columns. "
               "datapackage.json (Frictionless Data) and catalog.jsonld (DCAT-AP) "
               "describe them all; SHA256SUMS lists their checksums (sha256sum -c "
               "SHA256SUMS). Catalogue: {url}",
               {{"publisher", v.pick(site.publisher_name)}, {"url", site.absolute(v.data_url())}}) +
           "\n\n";
    for (const Dataset& ds : datasets) {
      out += "* " + v.pick(ds.title) + " (" + ds.name + ")\n";
      std::string files;
      for (const DataFile& f : manifest.dataset_files(ds.name)) {
        files += (files.empty() ? "" : ", ") + f.name();
      }
      out += "  " + files + "\n";
      out += "  " +
             v.format(
                 "data_readme_rows", "{rows} rows, last changed {modified}",
                 {{"rows", std::to_string(ds.row_count())},
                  {"modified", dataset_day(ds.updated).empty() ? "-" : dataset_day(ds.updated)}}) +
             "\n";
      out += "  " + dataset_citation(ds, site, v) + "\n\n";
    }
  }
  return out;
}

std::string dataset_day(const Date& d) { return d.year ? Date{d.year, d.month, d.day}.iso() : ""; }

}  // namespace firefly
