#include "load/dataset_coverage.h"

#include <algorithm>

#include "config/language_keys.h"
#include "core/text.h"
#include "load/cell_text.h"
#include "load/dataset.h"

namespace firefly {

namespace {

std::string year_text(int y) { return std::to_string(y); }

/// "2017" as the whole year, "2017-06-30" as that day; nullopt otherwise.
std::optional<Period> parse_end(std::string_view text) {
  text = trim(text);
  if (text.size() == 4 &&
      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    int y = std::stoi(std::string(text));
    return Period{Date{y, 1, 1}, Date{y, 12, 31}, true};
  }
  auto d = parse_date(text);
  if (!d || d->has_time) return std::nullopt;
  return Period{*d, *d, false};
}

std::optional<Period> parse_period(std::string_view text) {
  size_t slash = text.find('/');
  auto a = parse_end(text.substr(0, slash));
  auto b = slash == std::string_view::npos ? a : parse_end(text.substr(slash + 1));
  if (!a || !b || a->years != b->years) return std::nullopt;
  if (b->end.days_since_epoch() < a->start.days_since_epoch()) return std::nullopt;
  return Period{a->start, b->end, a->years};
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

/// The word for "year" in the languages staff name columns in: English, Indonesian,
/// Filipino, Vietnamese, Thai and Chinese. Vietnamese "nam" without its tone mark is left out: it
/// also means "men" (a count of men, beside "nu").
static const std::vector<std::string_view> kYearWords = {"year", "tahun", "taon", "năm",
                                                         "ปี",    "年",    "年度", "年份"};

bool is_year_word(std::string_view text) {
  std::string t = ascii_lower(trim(text));
  return std::find(kYearWords.begin(), kYearWords.end(), t) != kYearWords.end();
}

bool is_year_name(const std::string& n) {
  if (is_year_word(n)) return true;
  // year_of_award, award_year, tahun_penghargaan, taon_ng_ulat: the ASCII words joined
  // with '_'.
  for (std::string_view w :
       {std::string_view("year"), std::string_view("tahun"), std::string_view("taon")}) {
    if (ends_with(n, "_" + std::string(w)) || starts_with(n, std::string(w) + "_")) return true;
  }
  return false;
}

bool is_year_column(const Column& column) {
  if (column.type != ColumnType::kInteger) return false;
  if (is_year_name(column.name)) return true;
  if (!column.title.plain.empty()) return is_year_word(column.title.plain);
  return std::any_of(column.title.by_lang.begin(), column.title.by_lang.end(),
                     [](const auto& t) { return is_year_word(t.second); });
}

namespace {

/// Warns at the first year of a year column (named as one, without a unit) written as a year
/// of the Republic of China (民國, 1 to 199: 112 is 2023), as on forms in Taiwan; true when
/// there was one.
bool warn_roc_years(const Dataset& ds, Diagnostics& diags) {
  for (size_t c = 0; c < ds.columns.size(); ++c) {
    const Column& col = ds.columns[c];
    // A year has no unit (forums_per_year counts forums) and is not a rate.
    if (!is_year_column(col) || !col.unit.empty() || col.name.find("per_") != std::string::npos) {
      continue;
    }
    for (size_t r = 0; r < ds.row_count(); ++r) {
      std::vector<std::string> cells = ds.cells(r);
      if (c >= cells.size() || cells[c].empty()) continue;
      std::string_view cell = trim(cells[c]);
      if (cell.size() > 3 ||
          !std::all_of(cell.begin(), cell.end(), [](char d) { return d >= '0' && d <= '9'; })) {
        break;  // a year of four digits: the column is in Western years
      }
      int roc = std::stoi(std::string(cell));
      if (roc < 1 || roc > 199) break;
      std::string year = std::to_string(roc + 1911);
      // A CSV diagnostic's column is its field's number (the caret is put under the field).
      diags.warning(ds.csv_path, {ds.row_line(r), static_cast<int>(c) + 1},
                    "the " + col.name + " " + std::string(cell) +
                        " looks like a year of the Republic of China (民國" + std::string(cell) +
                        "年 is " + year +
                        "); open data gives years in four digits, which spreadsheets, "
                        "catalogues and the chart read as years",
                    "write " + year + " (add 1911 to each year of the column)");
      return true;
    }
  }
  return false;
}

}  // namespace

std::string Period::iso() const {
  if (years) {
    return start.year == end.year ? year_text(start.year)
                                  : year_text(start.year) + "/" + year_text(end.year);
  }
  return start.iso() == end.iso() ? start.iso() : start.iso() + "/" + end.iso();
}

void read_coverage(const Value& meta, const std::string& yaml_path, Dataset& ds,
                   Diagnostics& diags) {
  for (const char* key : {"issued", "modified"}) {
    const Value* v = meta.find(key);
    if (!v || v->is_null()) continue;
    auto d = v->is_map() || v->is_list() ? std::nullopt : parse_date(v->to_text());
    if (!d || d->has_time) {
      // A list or a map is named as one, not quoted as the text '' it has.
      diags.error(yaml_path, v->pos,
                  std::string("'") + key + "' must be a date like 2023-06-30, not " +
                      (v->is_map() || v->is_list() ? std::string(v->kind_name())
                                                   : "'" + v->to_text() + "'"),
                  written_day_hint(v->to_text()));
      continue;
    }
    if (is_buddhist_era_year(d->year)) {
      diags.error(yaml_path, v->pos,
                  std::string("'") + key + "' has the year " + std::to_string(d->year) +
                      ", which cannot be meant",
                  written_day_hint(v->to_text()));
      continue;
    }
    (std::string_view(key) == "issued" ? ds.declared_issued : ds.declared_modified) = *d;
  }
  if (const Value* v = meta.find("temporal"); v && !v->is_null()) {
    std::string text =
        v->is_map() ? v->get("start").to_text() + "/" + v->get("end").to_text() : v->to_text();
    ds.temporal = parse_period(text);
    if (!ds.temporal) {
      diags.error(yaml_path, v->pos,
                  "'temporal' must be a period like 2017/2021 or 2017-01-01/2021-06-30, not '" +
                      text + "'");
    }
  }
  if (const Value* v = meta.find("spatial"); v && !v->is_null()) {
    std::string error;
    std::string hint;
    ds.spatial = to_localized(*v, &error, &hint);
    if (!error.empty()) diags.error(yaml_path, v->pos, "'spatial': " + error, hint);
  }
  if (const Value* v = meta.find("themes"); v && !v->is_null()) {
    if (!v->is_list()) {
      diags.error(yaml_path, v->pos, "'themes' must be a list of EU data themes, e.g. [SOCI]");
      return;
    }
    for (const Value& t : v->as_list()) {
      std::string code = t.to_text();
      if (t.is_map() || t.is_list()) {
        diags.error(yaml_path, t.pos,
                    "each of 'themes' is an EU data theme code, not " + std::string(t.kind_name()),
                    "write them in one list, e.g. themes: [SOCI, ECON]");
        continue;
      }
      if (std::find(kDataThemes.begin(), kDataThemes.end(), code) == kDataThemes.end()) {
        diags.error(yaml_path, t.pos, "unknown data theme '" + code + "'",
                    "use the EU data theme codes: AGRI, ECON, EDUC, ENER, ENVI, GOVE, HEAL, "
                    "INTR, JUST, REGI, SOCI, TECH, TRAN");
        continue;
      }
      ds.themes.push_back(code);
    }
  }
}

/// The last day of the period that starts on `first` (the first day of a month) at the
/// dataset's frequency: a monthly row of 2025-01-01 stands for January, a quarterly one for
/// January to March, a yearly one of 1 January for the year, a semiannual one for six
/// months. `first` itself for any other frequency.
Date period_end(const Date& first, const std::string& frequency) {
  int months = frequency == "monthly"      ? 1
               : frequency == "quarterly"  ? 3
               : frequency == "semiannual" ? 6
               : frequency == "yearly"     ? 12
                                           : 0;
  if (months == 0 || (months == 12 && first.month != 1)) return first;
  int month = first.month + months - 1, year = first.year + (month - 1) / 12;
  month = (month - 1) % 12 + 1;
  return Date{year, month, days_in_month(year, month)};
}

namespace {

/// Words that name a date as the day figures were published, released or updated, or the
/// day they run to ("as of", 截至), in the languages staff name columns in: such a date says
/// nothing of the period the rows cover (the figures of 2023 published on 2024-03-01).
const std::vector<std::string_view> kAsOfWords = {
    "as of",        "asof",      "publish",  "publication", "release", "update",
    "modified",     "retrieved", "issued",   "announce",    "截至",    "截止",
    "公布",         "公佈",      "發布",     "發佈",        "发布",    "更新",
    "tính đến",     "công bố",   "cập nhật", "per tanggal", "terbit",  "diperbarui",
    "pembaruan",    "rilis",     "ณ วันที่",    "เผยแพร่",      "ปรับปรุง",  "inilathala",
    "paglalathala", "時点",      "公表",     "공표",        "발표",    "갱신"};

/// Words that name a column of the period each row covers.
const std::vector<std::string_view> kPeriodWords = {
    "period",   "month",   "quarter", "期間",   "期別",    "統計期",  "月份",
    "年月",     "季別",    "kỳ",      "tháng",  "quý",     "periode", "bulan",
    "triwulan", "ช่วงเวลา", "เดือน",    "ไตรมาส", "panahon", "buwan",   "기간"};

/// True when the column's name (its '_' and '-' read as spaces) or its title in any
/// language holds one of `words`, in any ASCII letter case.
bool named_with(const Column& column, const std::vector<std::string_view>& words) {
  auto holds = [&](std::string text) {
    text = ascii_lower(text);
    std::replace_if(
        text.begin(), text.end(), [](char c) { return c == '_' || c == '-'; }, ' ');
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return text.find(w) != std::string::npos; });
  };
  if (holds(column.name) || holds(column.title.plain)) return true;
  return std::any_of(column.title.by_lang.begin(), column.title.by_lang.end(),
                     [&](const auto& t) { return holds(t.second); });
}

}  // namespace

bool is_as_of_column(const Column& column) {
  return column.type == ColumnType::kDate && named_with(column, kAsOfWords);
}

namespace {

/// The columns that may give the dataset its period, the likeliest first (see
/// period_column).
std::vector<size_t> period_columns(const Dataset& ds) {
  std::vector<std::pair<int, size_t>> ranked;
  for (size_t c = 0; c < ds.columns.size(); ++c) {
    const Column& col = ds.columns[c];
    const bool year = is_year_column(col);
    if ((!year && col.type != ColumnType::kDate) || is_as_of_column(col)) continue;
    const bool keyed = std::find(ds.key.begin(), ds.key.end(), col.name) != ds.key.end();
    ranked.emplace_back(year || named_with(col, kPeriodWords) ? 0 : keyed ? 1 : 2, c);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<size_t> out;
  for (const auto& [rank, c] : ranked) out.push_back(c);
  return out;
}

/// The columns whose cells are the figures of a row when column `c` gives the period: the
/// numbers (integer and number columns), else, in a dataset without any, the other cells;
/// never a year, a date or a column of the key, which say which row it is.
std::vector<size_t> figure_columns(const Dataset& ds, size_t c) {
  std::vector<size_t> numbers, others;
  for (size_t i = 0; i < ds.columns.size(); ++i) {
    const Column& col = ds.columns[i];
    if (i == c || col.type == ColumnType::kDate || is_year_column(col) ||
        std::find(ds.key.begin(), ds.key.end(), col.name) != ds.key.end()) {
      continue;
    }
    const bool number = col.type == ColumnType::kInteger || col.type == ColumnType::kNumber;
    (number ? numbers : others).push_back(i);
  }
  return numbers.empty() ? others : numbers;
}

/// The span of column `c`'s dates or years over the rows with at least one figure
/// (figure_columns): a row written ahead for the year to come, its figures empty, is no part
/// of it. Every row counts in a dataset with no column of figures. Nullopt when it has none.
std::optional<Period> column_period(const Dataset& ds, size_t c) {
  const Column& col = ds.columns[c];
  const bool date = col.type == ColumnType::kDate;
  const bool year = is_year_column(col);
  const std::vector<size_t> figures = figure_columns(ds, c);
  std::optional<Period> out;
  bool month_starts = true;  // every date is the first day of its month
  for (size_t r = 0; r < ds.row_count(); ++r) {
    std::vector<std::string> cells = ds.cells(r);
    if (c >= cells.size() || cells[c].empty()) continue;
    if (!figures.empty() && std::none_of(figures.begin(), figures.end(), [&](size_t f) {
          return f < cells.size() && !trim(cells[f]).empty();
        })) {
      continue;
    }
    auto p = parse_end(cells[c]);
    if (!p || p->years != year) continue;
    month_starts = month_starts && p->start.day == 1;
    if (!out) {
      out = p;
      continue;
    }
    if (p->start.days_since_epoch() < out->start.days_since_epoch()) out->start = p->start;
    if (p->end.days_since_epoch() > out->end.days_since_epoch()) out->end = p->end;
  }
  // The last row of a series of periods named by their first days covers its period.
  if (out && date && month_starts) out->end = period_end(out->end, ds.frequency);
  return out;
}

}  // namespace

int period_column(const Dataset& ds) {
  for (size_t c : period_columns(ds)) {
    if (column_period(ds, c)) return static_cast<int>(c);
  }
  return -1;
}

std::optional<Period> rows_period(const Dataset& ds) {
  for (size_t c : period_columns(ds)) {
    if (auto p = column_period(ds, c)) return p;
  }
  return std::nullopt;
}

}  // namespace firefly

namespace firefly {

void check_dataset_metadata(const Dataset& ds, const std::vector<std::string>& langs,
                            Diagnostics& diags) {
  const Pos top{1, 1};
  if (!ds.updated.year) {
    diags.warning(ds.yaml_path, top,
                  "dataset '" + ds.name + "' has no date: git cannot tell when its rows changed",
                  "add 'modified: YYYY-MM-DD' (and 'issued:') to the metadata, or build in a "
                  "full git clone");
  }
  const std::string lang = langs.empty() ? std::string("en") : langs.front();
  std::string description = ds.description.get(lang, lang);
  if (utf8_length(description) < 50) {
    diags.warning(ds.yaml_path, top,
                  "the description of dataset '" + ds.name + "' is under 50 characters",
                  "say what the rows count, where the figures come from and what they leave out");
  }
  if (ds.keywords.empty()) {
    diags.warning(ds.yaml_path, top, "dataset '" + ds.name + "' has no keywords",
                  "add 'keywords: [...]' so that catalogues can find it");
  }
  const bool roc_years = warn_roc_years(ds, diags);
  if (!ds.temporal && !roc_years) {
    diags.warning(ds.yaml_path, top,
                  "dataset '" + ds.name + "' does not say which period it covers",
                  "add 'temporal: 2017/2021' or a year or date column");
  }
  if (ds.spatial.empty()) {
    diags.warning(ds.yaml_path, top, "dataset '" + ds.name + "' does not say which place it covers",
                  "add 'spatial:', e.g. {zh-TW: 臺南市, en: Tainan City}");
  }
  // A text under a code no page is in: a slip ("vn" for vi-VN), or a language not added.
  auto unread = [&](const Localized& text, const std::string& what) {
    warn_unread_language_keys(text, langs, ds.yaml_path, text.pos.line ? text.pos : top, what,
                              diags);
  };
  unread(ds.title, "title");
  unread(ds.description, "description");
  unread(ds.spatial, "spatial");
  for (const Column& col : ds.columns) {
    // Its name heads the column on every language's pages; staff do not see that in a file.
    // (A plan's columns, target_2024..., are titled by the scorecard.)
    if (col.untitled && !ds.indicators) {
      diags.warning(ds.yaml_path, col.pos.line ? col.pos : top,
                    "column '" + col.name +
                        "' has no title: the pages of every language show its name (" + col.name +
                        ") as its heading",
                    "add a title in each of the site's languages, e.g. title: {en: " +
                        name_as_words(col.name) + "}");
    }
    unread(col.title, "column '" + col.name + "' title");
    unread(col.description, "column '" + col.name + "' description");
  }
  for (size_t i = 1; i < langs.size(); ++i) {
    std::string missing;
    if (!ds.title.has(langs[i])) missing = "title";
    if (!ds.description.empty() && !ds.description.has(langs[i])) {
      missing += missing.empty() ? "description" : " and description";
    }
    if (!missing.empty()) {
      const char* verb = missing == "title and description" ? "' are" : "' is";
      diags.warning(
          ds.yaml_path, top,
          langs[i] + ": the " + missing + " of dataset '" + ds.name + verb + " not translated",
          "the " + langs[i] + " page shows the " + lang + " text with a notice");
    }
  }
}

}  // namespace firefly
