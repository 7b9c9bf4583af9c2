#include "render/data_sheet.h"

#include <algorithm>

#include "core/text.h"
#include "core/text_break.h"
#include "render/data_metadata.h"
#include "render/dataset_page.h"

namespace firefly {

SheetCell sheet_cell(const Value& value, const Column& column, const std::string& lang) {
  SheetCell cell;
  if (value.is_null()) return cell;
  const Localized* words = column.values.empty() ? nullptr : column.label_of(value.to_text());
  if (words) {
    cell.kind = SheetCell::Kind::kText;
    cell.text = words->get(lang, lang);
  } else if (value.is_number()) {
    cell.kind = SheetCell::Kind::kNumber;
    cell.number = value.as_double();
  } else if (value.is_bool()) {
    cell.kind = SheetCell::Kind::kBoolean;
    cell.flag = value.as_bool();
  } else if (value.is_string()) {
    std::optional<Date> date;
    if (column.type == ColumnType::kDate) date = parse_date(value.as_string());
    if (date) {
      cell.kind = SheetCell::Kind::kDate;
      cell.date = *date;
    } else {
      cell.kind = SheetCell::Kind::kText;
      cell.text = value.as_string();
    }
  }
  return cell;
}

size_t char_count(std::string_view text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string sheet_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos) out += c;
  }
  return std::string(utf8_prefix(out, 31));
}

bool fits_spreadsheet(const Dataset& ds) {
  return ds.row_count() < kSheetMaxRows && ds.columns.size() <= kSheetMaxColumns;
}

namespace {

/// The about rows of one language: label and value pairs, then the data dictionary.
void add_about(std::vector<std::vector<std::string>>& rows, const Dataset& ds, const DataSite& site,
               const DataView& v) {
  auto row = [&](std::string label, std::string value) {
    if (!value.empty()) rows.push_back({std::move(label), std::move(value)});
  };
  row(v.text("data_sheet_title", "Title"), v.pick(ds.title));
  row(v.text("description", "Description"), v.pick(ds.description));
  row(v.text("publisher", "Publisher"), v.pick(site.publisher_name));
  if (!ds.source.empty()) {
    std::string source = v.pick(ds.source.agency);
    for (std::string part :
         {v.pick(ds.source.title), ds.source.date ? ds.source.date->iso() : std::string(),
          ds.source.url}) {
      if (!part.empty()) source += (source.empty() ? "" : ", ") + part;
    }
    row(v.text("source", "Source"), source);
  }
  Value lic = license_context(dataset_license(ds, site), v);
  std::string license = lic.get("name").as_string();
  if (!lic.get("url").as_string().empty()) license += " (" + lic.get("url").as_string() + ")";
  row(v.text("license", "Licence"), license);
  row(v.text("citation", "How to cite"), dataset_citation(ds, site, v));
  row(v.text("data_sheet_version", "Version"), dataset_version(ds));
  row(v.text("data_issued", "First published"), dataset_day(ds.issued));
  row(v.text("last_updated", "Last updated"), dataset_day(ds.updated));
  if (ds.temporal) row(v.text("data_temporal", "Period covered"), ds.temporal->iso());
  row(v.text("data_spatial", "Area covered"), v.pick(ds.spatial));
  row(v.text("frequency", "Update frequency"), frequency_display(ds.frequency, v));
  row(v.text("data_sheet_page", "Web page"), site.absolute(v.dataset_url(ds.name)));
  rows.push_back({});
  rows.push_back({v.text("dictionary", "Data dictionary")});
  rows.push_back({v.text("column", "Column"), v.text("data_sheet_heading", "Heading"),
                  v.text("type", "Type"), v.text("unit", "Unit"),
                  v.text("description", "Description")});
  for (const Column& c : ds.columns) {
    rows.push_back({c.name, column_heading(c, v), type_display(c.type, v), v.pick(c.unit),
                    v.pick(c.description)});
  }
  bool coded = std::any_of(ds.columns.begin(), ds.columns.end(),
                           [](const Column& c) { return !c.values.empty(); });
  if (!coded) return;
  rows.push_back({});
  rows.push_back({v.text("data_sheet_codes", "Codes in the CSV and what they mean")});
  rows.push_back({v.text("column", "Column"), v.text("data_sheet_code", "Code"),
                  v.text("data_sheet_meaning", "Meaning")});
  for (const Column& c : ds.columns) {
    for (const auto& [code, words] : c.values) rows.push_back({c.name, code, v.pick(words)});
  }
}

}  // namespace

SheetText sheet_text(const Dataset& ds, const DataSite& site, const std::vector<DataView>& views) {
  static const DataView kEnglish;
  const DataView& v = views.empty() ? kEnglish : views.front();
  SheetText s;
  s.lang = v.lang;
  s.title = v.pick(ds.title);
  s.description = v.pick(ds.description);
  s.publisher = v.pick(site.publisher_name);
  s.data_sheet = sheet_name(v.text("data_sheet_data", "Data"));
  s.about_sheet = sheet_name(v.text("data_sheet_about", "About"));
  if (s.data_sheet.empty() || s.about_sheet.empty() || s.data_sheet == s.about_sheet) {
    s.data_sheet = "Data";
    s.about_sheet = "About";
  }
  for (const Column& c : ds.columns) {
    s.headings.push_back(column_heading(c, v));
    size_t width = std::max<size_t>(display_width(s.headings.back()), 8);
    s.widths.push_back(static_cast<double>(std::min<size_t>(width + 2, 60)));
  }
  for (const DataView& view : views) {
    if (!s.about.empty()) s.about.push_back({});
    add_about(s.about, ds, site, view);
  }
  if (ds.updated.year) s.created = Date{ds.updated.year, ds.updated.month, ds.updated.day};
  return s;
}

}  // namespace firefly
