#include "render/dataset_page.h"

#include "core/json.h"
#include "core/text.h"
#include "core/text_break.h"
#include "render/chart.h"
#include "render/data_manifest.h"
#include "render/language_runs.h"

namespace firefly {

namespace {

Value date_value(const Date& d, const DataView& view) {
  if (d.year == 0) return Value();
  Date day{d.year, d.month, d.day};
  return Value(Map{{"iso", Value(day.iso())}, {"display", Value(format_date(day, view.locale()))}});
}

/// The `downloads[]` entries of `files`: label, url, format, size, size_display,
/// media_type and sha256.
Value download_list(const std::vector<DataFile>& files, const DataView& view) {
  List out;
  for (const DataFile& f : files) {
    out.push_back(Value(Map{{"label", Value(view.text(f.format->label_key, f.format->label_en))},
                            {"url", Value(f.url())},
                            {"name", Value(f.name())},
                            {"format", Value(f.format->format)},
                            {"size", Value(static_cast<std::int64_t>(f.size))},
                            {"size_display", Value(size_display(f.size, view))},
                            {"media_type", Value(f.format->media_type)},
                            {"sha256", Value(f.sha256)}}));
  }
  return Value(std::move(out));
}

/// A period as {iso, display}: "2017/2021" and "2017–2021" (days in the reader's calendar).
Value period_value(const Period& p, const DataView& view) {
  std::string display;
  if (p.years) {
    display = std::to_string(p.start.year);
    if (p.end.year != p.start.year) display += "–" + std::to_string(p.end.year);
  } else {
    display = format_date(p.start, view.locale());
    if (p.end.iso() != p.start.iso()) display += "–" + format_date(p.end, view.locale());
  }
  return Value(Map{{"iso", Value(p.iso())}, {"display", Value(display)}});
}

/// A count of rows as words: t.<key>_one for one row, else t.<key> with {n}.
std::string rows_words(std::string_view key, size_t n, std::string_view one_en,
                       std::string_view many_en, const DataView& view) {
  if (n == 1) return view.text(std::string(key) + "_one", one_en);
  return view.format(key, many_en,
                     {{"n", format_number(static_cast<double>(n), view.locale(), 0)}});
}

/// "column “Rate” added", "columns “Rate”, “Source” removed": each column by its title in
/// the reader's language while the dataset has it, else by its name in the file.
std::string columns_words(std::string_view key, const std::vector<std::string>& names,
                          const Dataset& ds, std::string_view one_en, std::string_view many_en,
                          const DataView& view) {
  std::string list;
  for (const std::string& name : names) {
    std::string shown = name;
    for (const Column& c : ds.columns) {
      if (c.name == name && !view.pick(c.title).empty()) shown = view.pick(c.title);
    }
    if (!list.empty()) list += view.text("history_name_separator", ", ");
    list += view.format("history_quoted", "“{name}”", {{"name", shown}});
  }
  if (names.size() == 1) return view.format(std::string(key) + "_one", one_en, {{"names", list}});
  return view.format(key, many_en, {{"names", list}});
}

/// What a change did to the rows, in the reader's language: "新增 3 列、修改 1 列".
std::string change_summary(const DatasetChange& c, const Dataset& ds, const DataView& view) {
  if (c.first) {
    return rows_words("history_first", c.rows.added, "first published with 1 row",
                      "first published with {n} rows", view);
  }
  std::vector<std::string> parts;
  if (c.rows.added) {
    parts.push_back(
        rows_words("history_added", c.rows.added, "1 row added", "{n} rows added", view));
  }
  if (c.rows.changed) {
    parts.push_back(
        rows_words("history_changed", c.rows.changed, "1 row changed", "{n} rows changed", view));
  }
  if (c.rows.removed) {
    parts.push_back(
        rows_words("history_removed", c.rows.removed, "1 row removed", "{n} rows removed", view));
  }
  if (!c.rows.columns_added.empty()) {
    parts.push_back(columns_words("history_columns_added", c.rows.columns_added, ds,
                                  "column {names} added", "columns {names} added", view));
  }
  if (!c.rows.columns_removed.empty()) {
    parts.push_back(columns_words("history_columns_removed", c.rows.columns_removed, ds,
                                  "column {names} removed", "columns {names} removed", view));
  }
  if (parts.empty()) {
    return view.text("history_no_row_change", "no row changed (only how the file is written)");
  }
  std::string sep = view.text("history_separator", ", ");
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

/// The `history[]` entries: date, what changed in the rows, the commit (its message as a
/// secondary detail, tagged with the language staff write commit messages in) and the
/// published file of that version.
Value history_list(const Dataset& ds, const std::vector<DataFile>& versions, const DataView& view) {
  List out;
  for (const DatasetChange& c : ds.history) {
    Map m{{"date", date_value(c.commit.date, view)},
          {"summary", Value(change_summary(c, ds, view))},
          {"message", Value(c.commit.message)},
          {"message_lang", Value(view.commit_lang.empty() ? view.html_lang : view.commit_lang)},
          {"commit", Value(c.commit.commit)},
          {"short_commit", Value(c.commit.commit.substr(0, 7))}};
    for (const DataFile& f : versions) {
      if (!c.published || f.name() != c.version_file()) continue;
      m.emplace_back(
          "version",
          Value(Map{{"url", Value(f.url())},
                    {"name", Value(f.name())},
                    {"size_display", Value(size_display(f.size, view))},
                    {"label", Value(view.format("history_version", "this version (CSV, {size})",
                                                {{"size", size_display(f.size, view)}}))},
                    {"sha256", Value(f.sha256)}}));
    }
    out.push_back(Value(std::move(m)));
  }
  return Value(std::move(out));
}

/// Links between the language versions of a dataset page: the default language's page
/// lists the others as `workTranslation`; each other page names it as `translationOfWork`.
void add_language_versions(Map& m, const Dataset& ds, const DataSite& site, const DataView& view) {
  auto page = [&](const DataSite::Language& l) {
    DataView other = view;
    other.lang = l.code;
    return Value(Map{{"@type", Value("Dataset")},
                     {"@id", Value(site.absolute(other.dataset_url(ds.name)))},
                     {"inLanguage", Value(l.html_lang)}});
  };
  if (view.lang == view.default_lang) {
    List translations;
    for (const DataSite::Language& l : site.languages) {
      if (l.code != view.default_lang) translations.push_back(page(l));
    }
    if (!translations.empty()) m.emplace_back("workTranslation", Value(std::move(translations)));
    return;
  }
  for (const DataSite::Language& l : site.languages) {
    if (l.code == view.default_lang) m.emplace_back("translationOfWork", page(l));
  }
}

}  // namespace

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

Value source_context(const DatasetSource& source, const DataView& view) {
  if (source.empty()) return Value();
  Map m{{"agency", Value(view.pick(source.agency))},
        {"agency_lang", Value(view.lang_of(source.agency))},
        {"title", Value(view.pick(source.title))},
        {"title_lang", Value(view.lang_of(source.title))},
        {"url", Value(source.url)}};
  view.add_marked(m, "title", source.title, view.lang_of(source.title));
  view.add_marked(m, "agency", source.agency, view.lang_of(source.agency));
  if (source.date) m.emplace_back("date", date_value(*source.date, view));
  return Value(std::move(m));
}

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

namespace {

/// What a citation's {license_url} is while it is made, for a licence with no known address.
constexpr std::string_view kNoAddress = "\x01";

/// `citation` without kNoAddress and the brackets around it ("X (\x01)." -> "X."): a
/// licence Firefly knows no address of is named alone, not followed by its id again.
void drop_no_address(std::string& citation) {
  size_t at = citation.find(kNoAddress);
  if (at == std::string::npos) return;
  size_t from = at, to = at + kNoAddress.size();
  for (std::string_view open : {" (", "(", " （", "（"}) {
    if (from >= open.size() && citation.compare(from - open.size(), open.size(), open) == 0) {
      for (std::string_view close : {")", "）"}) {
        if (citation.compare(to, close.size(), close) == 0) {
          from -= open.size();
          to += close.size();
          break;
        }
      }
      break;
    }
  }
  citation.erase(from, to - from);
}

}  // namespace

/// The citation, with the publisher and title marked when they fall back to another language.
static std::string citation_marked(const Dataset& ds, const DataSite& site, const DataView& view) {
  std::string version = dataset_version(ds);
  std::string license = dataset_license(ds, site);
  Value lic = license_context(license, view);
  std::string lurl = lic.get("url").as_string();
  std::string citation = view.format(
      "data_citation",
      "{publisher} ({year}). {title} (version {version}) [data set]. {url}. Released under "
      "the {license} "
      "({license_url}).",
      {{"publisher", mark_lang(view.pick(site.publisher_name), view.lang_of(site.publisher_name))},
       {"version", version.empty() ? std::string("n.d.") : version},
       {"year", ds.updated.year ? std::to_string(ds.updated.year) : std::string("n.d.")},
       {"title", mark_lang(view.pick(ds.title), view.lang_of(ds.title))},
       {"url", site.absolute(view.dataset_url(ds.name))},
       {"license", lic.get("name").as_string()},
       {"license_url", lurl.empty() ? std::string(kNoAddress) : lurl}});
  if (lurl.empty()) drop_no_address(citation);
  return citation;
}

std::string dataset_citation(const Dataset& ds, const DataSite& site, const DataView& view) {
  return unmark_text(citation_marked(ds, site, view));
}

std::string dataset_citation_html(const Dataset& ds, const DataSite& site, const DataView& view) {
  return unmark_html(citation_marked(ds, site, view));
}

std::string dataset_chart_id(const Dataset& ds) { return "chart-" + ds.name; }

ChartHtml dataset_chart(const Dataset& ds, const DataView& view) {
  TableSpec table;
  table.caption = view.pick(ds.chart->title);
  table.caption_lang = view.lang_of(ds.chart->title);
  if (table.caption.empty()) {
    table.caption = view.pick(ds.title);
    table.caption_lang = view.lang_of(ds.title);
  }
  table.id = dataset_chart_id(ds) + "-table";
  table.max_rows = kTableMaxRows;
  table.all_rows_url = "#downloads-title";
  return render_chart_and_table(ds, *ds.chart, nullptr, dataset_chart_id(ds), table, view);
}

Value dataset_context(const Dataset& ds, const std::vector<DataFile>& files, const DataSite& site,
                      const DataView& view, const std::vector<DataFile>& versions,
                      const ChartHtml* chart) {
  List columns;
  for (const Column& c : ds.columns) {
    List values;
    // A code is written in the column's declared language (codes of a column that declares
    // none are identifiers, shown as they are).
    const std::string code_lang =
        c.lang.empty() || c.lang == view.lang ? std::string() : view.tag_of(c.lang);
    for (const auto& [code, words] : c.values) {
      std::string label_lang = view.lang_of(words);
      Map value{{"code", Value(code)},
                {"code_lang", Value(code_lang)},
                {"label", Value(view.pick(words))},
                {"label_lang", Value(label_lang)}};
      view.add_marked(value, "label", words, label_lang);
      values.push_back(Value(std::move(value)));
    }
    std::string title_lang = view.lang_of(c.title), unit_lang = view.lang_of(c.unit),
                description_lang = view.lang_of(c.description);
    Map column{{"name", Value(c.name)},
               {"title", Value(view.pick(c.title))},
               {"title_lang", Value(title_lang)},
               {"type", Value(type_display(c.type, view))},
               {"type_id", Value(column_type_name(c.type))},
               {"unit", Value(view.pick(c.unit))},
               {"unit_lang", Value(unit_lang)},
               {"description", Value(view.pick(c.description))},
               {"description_lang", Value(description_lang)},
               {"has_values", Value(!values.empty())},
               {"values", Value(std::move(values))}};
    view.add_marked(column, "title", c.title, title_lang);
    view.add_marked(column, "description", c.description, description_lang);
    view.add_marked(column, "unit", c.unit, unit_lang);  // 人次 on an English page
    columns.push_back(Value(std::move(column)));
  }
  Value downloads = download_list(files, view);
  Value history = history_list(ds, versions, view);
  TableSpec preview;
  preview.max_rows = kPreviewRows;
  preview.id = "preview-caption";
  // 做工行善團 in an English title, description, caption or citation: marked as Chinese.
  auto marked = [&](std::string html) {
    return mark_language_runs(std::move(html), view.html_lang, view.scripts);
  };
  Map m{{"name", Value(ds.name)},
        {"url", Value(view.dataset_url(ds.name))},
        {"title", Value(view.pick(ds.title))},
        {"description", Value(view.pick(ds.description))},
        {"source", source_context(ds.source, view)},
        {"license", license_context(dataset_license(ds, site), view)},
        {"frequency", Value(frequency_display(ds.frequency, view))},
        {"frequency_id", Value(ds.frequency)},
        {"columns", Value(std::move(columns))},
        {"row_count", Value(static_cast<std::int64_t>(ds.row_count()))},
        {"table_html", Value(marked(render_data_table(ds, preview, view)))}};
  if (ds.chart) {
    ChartHtml drawn = chart ? *chart : dataset_chart(ds, view);
    m.emplace_back("chart_html", Value(marked(std::move(drawn.chart))));
    m.emplace_back("chart_table_html", Value(marked(std::move(drawn.table))));
    m.emplace_back("chart_table_id", Value(dataset_chart_id(ds) + "-table"));
  }
  m.emplace_back("downloads", Value(std::move(downloads)));
  if (const DataFile* csv = DataManifest::find(files, "csv")) {
    m.emplace_back("sha256", Value(csv->sha256));
  }
  m.emplace_back("updated", date_value(ds.updated, view));
  m.emplace_back("issued", date_value(ds.issued, view));
  if (ds.temporal) m.emplace_back("temporal", period_value(*ds.temporal, view));
  if (!ds.spatial.empty()) {
    std::string spatial_lang = view.lang_of(ds.spatial);
    m.emplace_back("spatial", Value(view.pick(ds.spatial)));
    m.emplace_back("spatial_lang", Value(spatial_lang));
    view.add_marked(m, "spatial", ds.spatial, spatial_lang);  // 臺南市, written once
  }
  // Text in the default language on another language's page carries its lang and a notice.
  std::string shown_lang;
  for (const auto& l : site.languages) {
    if (l.code == view.default_lang) shown_lang = l.html_lang;
  }
  bool title_fallback = !ds.title.has(view.lang);
  bool description_fallback = !ds.description.empty() && !ds.description.has(view.lang);
  // Written once, a text is in the default language when it reads as it (no notice).
  std::string title_lang = title_fallback ? shown_lang : view.lang_of(ds.title);
  std::string description_lang = description_fallback ? shown_lang : view.lang_of(ds.description);
  m.emplace_back("title_lang", Value(title_lang));
  m.emplace_back("description_lang", Value(description_lang));
  add_marked_html(m, "title", view.pick(ds.title), title_lang.empty() ? view.html_lang : title_lang,
                  view.scripts);
  add_marked_html(m, "description", view.pick(ds.description),
                  description_lang.empty() ? view.html_lang : description_lang, view.scripts);
  m.emplace_back("fallback", Value(title_fallback || description_fallback));
  m.emplace_back("has_history", Value(!ds.history.empty()));
  m.emplace_back("history", std::move(history));
  m.emplace_back("citation", Value(dataset_citation(ds, site, view)));
  m.emplace_back("citation_html", Value(marked(dataset_citation_html(ds, site, view))));
  return Value(std::move(m));
}

std::string dataset_jsonld(const Dataset& ds, const std::vector<DataFile>& files,
                           const DataSite& site, const DataView& view) {
  std::string license = dataset_license(ds, site);
  std::string lurl = license_url(license);
  List variables;
  for (const Column& c : ds.columns) {
    Map v{{"@type", Value("PropertyValue")},
          {"name", Value(view.pick(c.title))},
          {"propertyID", Value(c.name)}};
    if (!c.unit.empty()) v.emplace_back("unitText", Value(view.pick(c.unit)));
    std::string d = view.pick(c.description);
    if (!d.empty()) v.emplace_back("description", Value(d));
    variables.push_back(Value(std::move(v)));
  }
  List dist;
  for (const DataFile& f : files) {
    dist.push_back(Value(Map{{"@type", Value("DataDownload")},
                             {"name", Value(f.name())},
                             {"encodingFormat", Value(f.format->media_type)},
                             {"contentUrl", Value(site.absolute(f.url()))},
                             {"contentSize", Value(std::to_string(f.size) + " B")},
                             {"sha256", Value(f.sha256)}}));
  }
  Map publisher{{"@type", Value("Organization")}, {"name", Value(view.pick(site.publisher_name))}};
  if (!site.publisher_email.empty()) publisher.emplace_back("email", Value(site.publisher_email));
  std::string description = view.pick(ds.description);
  if (description.empty()) description = view.pick(ds.title);
  Map m{{"@context", Value("https://schema.org")},
        {"@type", Value("Dataset")},
        {"@id", Value(site.absolute(view.dataset_url(ds.name)))},
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
  if (ds.issued.year) {
    m.emplace_back("datePublished",
                   Value(Date{ds.issued.year, ds.issued.month, ds.issued.day}.iso()));
  }
  if (ds.temporal) m.emplace_back("temporalCoverage", Value(ds.temporal->iso()));
  if (!ds.spatial.empty()) {
    m.emplace_back("spatialCoverage",
                   Value(Map{{"@type", Value("Place")}, {"name", Value(view.pick(ds.spatial))}}));
  }
  if (!ds.source.empty()) {
    Map based{{"@type", Value("CreativeWork")}};
    std::string title = view.pick(ds.source.title);
    based.emplace_back("name", Value(title.empty() ? view.pick(ds.source.agency) : title));
    based.emplace_back("author", Value(Map{{"@type", Value("Organization")},
                                           {"name", Value(view.pick(ds.source.agency))}}));
    if (ds.source.date) based.emplace_back("datePublished", Value(ds.source.date->iso()));
    if (!ds.source.url.empty()) based.emplace_back("url", Value(ds.source.url));
    m.emplace_back("isBasedOn", Value(std::move(based)));
  }
  std::string version = dataset_version(ds);
  if (!version.empty()) m.emplace_back("version", Value(version));
  if (!ds.keywords.empty()) {
    List k;
    for (const std::string& w : ds.keywords) k.push_back(Value(w));
    m.emplace_back("keywords", Value(std::move(k)));
  }
  add_language_versions(m, ds, site, view);
  m.emplace_back("variableMeasured", Value(std::move(variables)));
  m.emplace_back("distribution", Value(std::move(dist)));
  m.emplace_back("includedInDataCatalog",
                 Value(Map{{"@type", Value("DataCatalog")},
                           {"name", Value(view.pick(site.title))},
                           {"url", Value(site.absolute(view.data_url()))}}));
  return to_json(Value(std::move(m)));
}

Value dataset_list_item(const Dataset& ds, const DataView& view) {
  // The card's summary: the dataset's `summary`, else its description's first sentence.
  const Localized& summary_from = ds.summary.empty() ? ds.description : ds.summary;
  std::string summary_lang = view.lang_of(summary_from);
  std::string summary = view.pick(summary_from);
  if (ds.summary.empty()) {
    summary = short_summary(summary, summary_lang.empty() ? view.html_lang : summary_lang,
                            kCardSummaryUnits);
  }
  Map item{{"name", Value(ds.name)},
           {"title", Value(view.pick(ds.title))},
           {"title_lang", Value(view.lang_of(ds.title))},
           {"description", Value(view.pick(ds.description))},
           {"description_lang", Value(view.lang_of(ds.description))},
           {"summary", Value(summary)},
           {"summary_lang", Value(summary_lang)},
           {"url", Value(view.dataset_url(ds.name))},
           {"row_count", Value(static_cast<std::int64_t>(ds.row_count()))},
           {"one_row", Value(ds.row_count() == 1)},
           {"updated", date_value(ds.updated, view)}};
  // 做工行善團 in an English dataset title or summary, marked as Chinese (title_html,
  // summary_html).
  view.add_marked(item, "title", ds.title, view.lang_of(ds.title));
  add_marked_html(item, "summary", summary, summary_lang.empty() ? view.html_lang : summary_lang,
                  view.scripts);
  return Value(std::move(item));
}

Value catalogue_downloads(const std::vector<DataFile>& files, const DataView& view) {
  return download_list(files, view);
}

}  // namespace firefly
