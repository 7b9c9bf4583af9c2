#include "render/dataset_page.h"

#include "core/json.h"
#include "core/sha256.h"
#include "core/text.h"
#include "render/chart.h"

namespace firefly {

namespace {

Value date_value(const Date& d, const DataView& view) {
  if (d.year == 0) return Value();
  Date day{d.year, d.month, d.day};
  return Value(Map{{"iso", Value(day.iso())}, {"display", Value(format_date(day, view.locale()))}});
}

Value download(std::string label, std::string url, std::string format, std::string media,
               size_t bytes, const DataView& view) {
  return Value(Map{{"label", Value(std::move(label))},
                   {"url", Value(std::move(url))},
                   {"format", Value(std::move(format))},
                   {"size", Value(static_cast<std::int64_t>(bytes))},
                   {"size_display", Value(size_display(bytes, view))},
                   {"media_type", Value(std::move(media))}});
}

std::string frequency_display(const std::string& f, const DataView& view) {
  static const std::vector<std::pair<std::string, std::string>> kNames = {
      {"daily", "Daily"},         {"weekly", "Weekly"},           {"monthly", "Monthly"},
      {"quarterly", "Quarterly"}, {"semiannual", "Twice a year"}, {"yearly", "Yearly"},
      {"irregular", "Irregular"}};
  for (const auto& [key, english] : kNames) {
    if (key == f) return view.text("data_frequency_" + key, english);
  }
  return f;
}

std::string type_display(ColumnType type, const DataView& view) {
  static const char* kEnglish[] = {"Text", "Whole number", "Number", "Yes/no", "Date"};
  return view.text(std::string("data_type_") + column_type_name(type),
                   kEnglish[static_cast<int>(type)]);
}

}  // namespace

std::string size_display(size_t bytes, const DataView& view) {
  if (bytes < 1024) {
    return view.format("data_size_bytes", "{n} bytes",
                       {{"n", format_number(static_cast<double>(bytes), view.locale(), 0)}});
  }
  double kb = static_cast<double>(bytes) / 1024.0;
  if (kb < 1024) return format_number(kb, view.locale(), 1) + " KB";
  return format_number(kb / 1024.0, view.locale(), 1) + " MB";
}

Value license_context(const std::string& license, const DataView& view) {
  std::string name = license;
  if (license == "OGDL-Taiwan-1.0") {
    name = view.text("data_license_ogdl", "Open Government Data License, version 1.0");
  }
  return Value(
      Map{{"id", Value(license)}, {"name", Value(name)}, {"url", Value(license_url(license))}});
}

std::string dataset_citation(const Dataset& ds, const DataSite& site, const DataView& view) {
  std::string provider = view.pick(ds.source);
  if (provider.empty()) provider = view.pick(site.publisher_name);
  std::string license = dataset_license(ds, site);
  Value lic = license_context(license, view);
  std::string lurl = lic.get("url").as_string();
  return view.format(
      "data_citation",
      "{provider} ({year}). {title} [data set]. {url}. Released under the {license} "
      "({license_url}).",
      {{"provider", provider},
       {"year", ds.updated.year ? std::to_string(ds.updated.year) : std::string("n.d.")},
       {"title", view.pick(ds.title)},
       {"url", site.absolute(view.dataset_url(ds.name))},
       {"license", lic.get("name").as_string()},
       {"license_url", lurl.empty() ? license : lurl}});
}

Value dataset_context(const Dataset& ds, const DataSite& site, const DataView& view) {
  List columns;
  for (const Column& c : ds.columns) {
    columns.push_back(Value(Map{{"name", Value(c.name)},
                                {"title", Value(view.pick(c.title))},
                                {"type", Value(type_display(c.type, view))},
                                {"type_id", Value(column_type_name(c.type))},
                                {"unit", Value(c.unit)},
                                {"description", Value(view.pick(c.description))}}));
  }
  std::string csv = canonical_csv(ds);
  const std::string base = "/data/" + ds.name;
  List downloads{download(view.text("data_download_csv", "CSV (UTF-8)"), base + ".csv", "CSV",
                          "text/csv", csv.size(), view),
                 download(view.text("data_download_excel", "CSV for Excel (UTF-8 with BOM)"),
                          base + ".excel.csv", "CSV", "text/csv", excel_csv(ds).size(), view),
                 download(view.text("data_download_json", "JSON"), base + ".json", "JSON",
                          "application/json", dataset_json(ds).size(), view)};
  List history;
  for (const HistoryEntry& h : ds.history) {
    history.push_back(Value(Map{{"date", date_value(h.date, view)},
                                {"message", Value(h.message)},
                                {"commit", Value(h.commit)}}));
  }
  TableSpec preview;
  preview.max_rows = kPreviewRows;
  preview.id = "preview-caption";
  Map m{{"name", Value(ds.name)},
        {"url", Value(view.dataset_url(ds.name))},
        {"title", Value(view.pick(ds.title))},
        {"description", Value(view.pick(ds.description))},
        {"source", Value(view.pick(ds.source))},
        {"license", license_context(dataset_license(ds, site), view)},
        {"frequency", Value(frequency_display(ds.frequency, view))},
        {"frequency_id", Value(ds.frequency)},
        {"columns", Value(std::move(columns))},
        {"row_count", Value(static_cast<std::int64_t>(ds.rows.size()))},
        {"table_html", Value(render_data_table(ds, preview, view))}};
  if (ds.chart) {
    m.emplace_back("chart_svg",
                   Value(render_chart_svg(ds, *ds.chart, nullptr, "chart-" + ds.name, view)));
    TableSpec beside;
    beside.columns = {ds.chart->x, ds.chart->y};
    beside.caption = view.pick(ds.chart->title);
    m.emplace_back("chart_table_html", Value(render_data_table(ds, beside, view)));
  }
  m.emplace_back("downloads", Value(std::move(downloads)));
  m.emplace_back("sha256", Value(sha256_hex(csv)));
  m.emplace_back("updated", date_value(ds.updated, view));
  m.emplace_back("has_history", Value(!history.empty()));
  m.emplace_back("history", Value(std::move(history)));
  m.emplace_back("citation", Value(dataset_citation(ds, site, view)));
  return Value(std::move(m));
}

std::string dataset_jsonld(const Dataset& ds, const DataSite& site, const DataView& view) {
  std::string license = dataset_license(ds, site);
  std::string lurl = license_url(license);
  List variables;
  for (const Column& c : ds.columns) {
    Map v{{"@type", Value("PropertyValue")},
          {"name", Value(view.pick(c.title))},
          {"propertyID", Value(c.name)}};
    if (!c.unit.empty()) v.emplace_back("unitText", Value(c.unit));
    std::string d = view.pick(c.description);
    if (!d.empty()) v.emplace_back("description", Value(d));
    variables.push_back(Value(std::move(v)));
  }
  List dist;
  std::string csv = canonical_csv(ds);
  dist.push_back(Value(Map{{"@type", Value("DataDownload")},
                           {"encodingFormat", Value("text/csv")},
                           {"contentUrl", Value(site.absolute("/data/" + ds.name + ".csv"))},
                           {"contentSize", Value(std::to_string(csv.size()) + " B")}}));
  dist.push_back(Value(Map{{"@type", Value("DataDownload")},
                           {"encodingFormat", Value("application/json")},
                           {"contentUrl", Value(site.absolute("/data/" + ds.name + ".json"))}}));
  Map publisher{{"@type", Value("Organization")}, {"name", Value(view.pick(site.publisher_name))}};
  if (!site.publisher_email.empty()) publisher.emplace_back("email", Value(site.publisher_email));
  std::string description = view.pick(ds.description);
  if (description.empty()) description = view.pick(ds.title);
  Map m{{"@context", Value("https://schema.org")},
        {"@type", Value("Dataset")},
        {"name", Value(view.pick(ds.title))},
        {"description", Value(description)},
        {"url", Value(site.absolute(view.dataset_url(ds.name)))},
        {"identifier", Value(ds.name)},
        {"inLanguage", Value(view.html_lang)},
        {"license", Value(lurl.empty() ? license : lurl)},
        {"isAccessibleForFree", Value(true)},
        {"publisher", Value(publisher)},
        {"creator", Value(publisher)}};
  if (ds.updated.year)
    m.emplace_back("dateModified",
                   Value(Date{ds.updated.year, ds.updated.month, ds.updated.day}.iso()));
  if (!ds.keywords.empty()) {
    List k;
    for (const std::string& w : ds.keywords) k.push_back(Value(w));
    m.emplace_back("keywords", Value(std::move(k)));
  }
  m.emplace_back("variableMeasured", Value(std::move(variables)));
  m.emplace_back("distribution", Value(std::move(dist)));
  m.emplace_back("includedInDataCatalog",
                 Value(Map{{"@type", Value("DataCatalog")},
                           {"name", Value(view.pick(site.title))},
                           {"url", Value(site.absolute(view.data_url()))}}));
  return to_json(Value(std::move(m)));
}

Value dataset_list_item(const Dataset& ds, const DataView& view) {
  return Value(Map{{"name", Value(ds.name)},
                   {"title", Value(view.pick(ds.title))},
                   {"description", Value(view.pick(ds.description))},
                   {"url", Value(view.dataset_url(ds.name))},
                   {"row_count", Value(static_cast<std::int64_t>(ds.rows.size()))},
                   {"updated", date_value(ds.updated, view)}});
}

Value catalogue_downloads(const OutputSet& data_files, const DataView& view) {
  struct Entry {
    const char* file;
    const char* key;
    const char* english;
    const char* format;
    const char* media;
  };
  static const Entry kEntries[] = {
      {"all.zip", "data_download_zip", "Every dataset (ZIP)", "ZIP", "application/zip"},
      {"datapackage.json", "data_download_datapackage", "Data package (Frictionless)", "JSON",
       "application/json"},
      {"catalog.jsonld", "data_download_dcat", "Catalogue (DCAT-AP, JSON-LD)", "JSON-LD",
       "application/ld+json"},
      {"SHA256SUMS", "data_download_sums", "SHA-256 checksums", "TXT", "text/plain"}};
  List out;
  for (const Entry& e : kEntries) {
    for (const OutputFile& f : data_files) {
      if (f.path == std::string("data/") + e.file) {
        out.push_back(download(view.text(e.key, e.english), "/data/" + std::string(e.file),
                               e.format, e.media, f.bytes.size(), view));
      }
    }
  }
  return Value(std::move(out));
}

}  // namespace firefly
