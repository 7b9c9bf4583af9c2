// Accessible HTML tables of a dataset, and the reader's view (language, calendar, strings)
// shared by every data renderer.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/locale.h"
#include "core/localized.h"
#include "core/value.h"
#include "load/dataset.h"
#include "load/dataset_coverage.h"
#include "render/language_runs.h"

namespace firefly {

struct DataFile;

/// The reader's language and the theme's strings, for everything shown about data.
struct DataView {
  std::string lang = "en";          ///< language code, e.g. "zh-TW"
  std::string html_lang = "en";     ///< BCP 47 tag for ICU, e.g. "zh-Hant-TW"
  std::string calendar;             ///< "", "gregorian", "roc" or "buddhist"
  std::string default_lang = "en";  ///< the site's default language code
  Value t;                          ///< the theme's strings in `lang` (a map)
  std::string base_url;             ///< the site's base URL ("" in tests: paths stay relative)
  std::string site_license = "OGDL-Taiwan-1.0";  ///< the licence of datasets that name none
  Localized publisher;                           ///< who publishes the site's data
  std::string commit_lang;  ///< BCP 47 tag of commit messages ("" = the page's language)
  /// Each site language's code and BCP 47 tag ({"zh-TW", "zh-Hant-TW"}).
  std::vector<std::pair<std::string, std::string>> tags = {};
  ScriptLanguages scripts = {};  ///< the tags marked runs of other scripts get
  /// Where charts drawn with this view put their files (null = nowhere: the caller
  /// publishes them otherwise).
  std::vector<DataFile>* chart_files = nullptr;

  /// The site path of the data catalogue in this language: "/data/" or "/en/data/"; the
  /// default language's ("/data/") for a language the site is not published in (`tags`).
  std::string data_url() const;
  /// The site path of a dataset page: "/data/awards/" or "/en/data/awards/".
  std::string dataset_url(const std::string& name) const;
  /// t.<key>, or `fallback` (English) when the theme has no such string.
  std::string text(std::string_view key, std::string_view fallback) const;
  /// t.<key> with each "{name}" replaced by its value.
  std::string format(std::string_view key, std::string_view fallback,
                     const std::vector<std::pair<std::string, std::string>>& args) const;
  /// `site_path` as an absolute URL under base_url ("/data/a/" when there is none).
  std::string absolute(std::string_view site_path) const;
  /// The ICU locale and calendar.
  LocaleSpec locale() const { return LocaleSpec{html_lang, calendar}; }
  /// A localized text in this language (falling back to the default language).
  std::string pick(const Localized& text) const { return text.get(lang, default_lang); }
  /// The BCP 47 tag of a site language's code (a code that is none is taken as a tag).
  std::string tag_of(std::string_view code) const;
  /// The `lang` that pick(text) needs on this view's pages: "" when it is in the reader's
  /// language or in none, else the tag of the language it falls back to, or of the default
  /// language a text written once is in (Localized::lang_of: "Báo cáo" on an English page
  /// of a site in Vietnamese, not "GDP"); a text wholly in another script than that
  /// language's gets the script's (text_language: 臺南市 under `vi` is Chinese).
  std::string lang_of(const Localized& text) const;
  /// Adds `<name>_html` to `m`: pick(text) as HTML with its runs of another script marked
  /// (做工行善團 in an English title), when it has any; `lang` is the tag it is in ("" =
  /// this view's).
  void add_marked(Map& m, std::string_view name, const Localized& text,
                  const std::string& lang) const;
  /// The `lang` a column's text cells need on this view's pages ("" = the reader's).
  std::string cell_lang(const Column& column) const;
};

/// `text` escaped, in a <span lang> when `lang` is set (a part in another language).
std::string in_lang(const std::string& text, const std::string& lang);

/// `text` marked as written in `lang` (a BCP 47 tag; "" = the reader's language: `text` as
/// it is), for a sentence made with DataView::format whose parts come from the data (a
/// series' name, a category, a dataset's title in the language it falls back to).
std::string mark_lang(const std::string& text, const std::string& lang);
/// A sentence with marked parts as plain text (the marks removed).
std::string unmark_text(std::string_view marked);
/// A sentence with marked parts as HTML: escaped, each marked part in a <span lang>.
std::string unmark_html(std::string_view marked);

// is_year_column (load/dataset_coverage.h): integer columns that hold years, shown
// without digit grouping.
/// True for columns whose cells are quantities, right-aligned in tables (numbers, and
/// integers that are not years).
bool is_numeric_column(const Column& column);
/// The display text of a cell (plain text, not escaped): the words of a code the column's
/// `values` name, localized numbers, dates in the reader's calendar, yes/no for booleans,
/// "" for a missing value.
std::string format_cell(const Value& value, const Column& column, const DataView& view);
/// The header text of a column: its title, plus the unit in parentheses when it has one.
std::string column_heading(const Column& column, const DataView& view);
/// column_heading as HTML: the title and the unit each in a <span lang> when they are in a
/// language other than the reader's (a column with no title or unit in it).
std::string column_heading_html(const Column& column, const DataView& view);

/// What to show of a dataset.
struct TableSpec {
  std::vector<std::string> columns;                  ///< names to show; empty = all
  std::vector<std::pair<std::string, Value>> where;  ///< column -> value (or list of values)
  size_t max_rows = 0;                               ///< 0 = every row
  std::string caption;                               ///< "" = the dataset title
  std::string caption_lang;  ///< the caption's `lang` when not the reader's ("" = theirs)
  std::string id;            ///< id of the <caption> (may be "")
  std::string all_rows_url;  ///< when rows are cut, the caption links here ("" = no link)
};

/// The indexes of the rows matching every `where` condition (numbers compare by value).
std::vector<size_t> select_rows(const Dataset& ds,
                                const std::vector<std::pair<std::string, Value>>& where);

/// The rows of a table embed without `limit:` and of the data table under a chart (the
/// caption says how many there are in all and links to the downloads).
inline constexpr size_t kTableMaxRows = 1000;

/// The <caption> of a table of `ds` per `spec` (its id, caption or the dataset's title,
/// and a "showing `shown` of `total` rows" note with the link to `spec.all_rows_url` when
/// rows are cut), with a line break after it.
std::string data_table_caption(const Dataset& ds, const TableSpec& spec, size_t shown, size_t total,
                               const DataView& view);
/// A cell's missing value: a dash for the eye and "no value" (t.data_missing) for a screen
/// reader.
std::string missing_value_html(const DataView& view);

/// A <table> with <caption>, column headers (scope="col"), the first column as row
/// headers (scope="row"), numbers right-aligned, dates as the periods they stand for (as
/// a chart labels them: "Q4 2023" in a quarterly dataset; see date_labels) and a "showing N
/// of M rows" note in the caption when cut (with a link to `all_rows_url`, the downloads).
/// Unknown column names are skipped (callers validate them first).
std::string render_data_table(const Dataset& ds, const TableSpec& spec, const DataView& view);

}  // namespace firefly
