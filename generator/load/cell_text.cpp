#include "load/cell_text.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "core/date.h"
#include "core/text.h"
#include "core/wide_forms.h"

namespace firefly {

bool is_integer_text(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_decimal_text(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i - start;
  };
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t whole = digits();
  size_t frac = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    frac = digits();
  }
  if (whole + frac == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

namespace {

/// `s` is a number of the column's kind: whole (`integer`) or any (`number`).
bool is_number_text(std::string_view s, bool whole) {
  return whole ? is_integer_text(s) : is_decimal_text(s);
}

/// `1,234`, `1,234,567.5`, `1.234.567,5` (as Indonesian and Vietnamese write it) or
/// `1 234`: `sep` between groups of three digits after the first, in the whole part (before
/// the decimals' point, or comma when `sep` is a point).
bool has_thousands(std::string_view s, char sep) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  std::string_view whole =
      s.substr(0, sep == ' ' ? s.find_first_of(".,") : s.find(sep == '.' ? ',' : '.'));
  size_t first = whole.find(sep);
  if (first == 0 || first == std::string_view::npos || first > 3) return false;
  for (size_t at = first; at < whole.size(); at += 4) {
    if (whole[at] != sep || at + 4 > whole.size()) return false;
    for (size_t k = at + 1; k < at + 4; ++k) {
      if (whole[k] < '0' || whole[k] > '9') return false;  // 1.2.3 is no number
    }
  }
  return true;
}

/// The value a number cell means, written as Firefly reads it; "" when it is not one.
std::string plain_number(std::string_view t, bool whole) {
  for (char sep : {',', '.', ' '}) {
    if (!has_thousands(t, sep)) continue;
    std::string plain;
    for (char c : t) {
      if (c != sep) plain += c == ',' ? '.' : c;  // a comma left marks the decimals
    }
    if (is_number_text(plain, whole)) return plain;
  }
  // 3,5 with a decimal comma (as written in Indonesia and Vietnam).
  if (!whole && std::count(t.begin(), t.end(), ',') == 1) {
    std::string dot(t);
    dot[dot.find(',')] = '.';
    if (is_decimal_text(dot)) return dot;
  }
  return "";
}

/// The three numbers of `a/b/c`, `a.b.c` or `a-b-c` (one separator, twice, and nothing
/// else); false for anything else.
bool read_three_numbers(std::string_view t, int& a, int& b, int& c) {
  char sep1 = 0, sep2 = 0;
  int used = 0;
  std::string s(t);
  if (std::sscanf(s.c_str(), "%d%c%d%c%d%n", &a, &sep1, &b, &sep2, &c, &used) != 5) return false;
  if (static_cast<size_t>(used) != s.size() || sep1 != sep2) return false;
  return sep1 == '/' || sep1 == '.' || sep1 == '-';
}

/// Y, M, D of `2023/06/30`, `2023.6.30` or `112-06-30`; false for anything else (a year
/// of five digits too: as YYYY-MM-DD it would be the same text).
bool read_day(std::string_view t, int& y, int& m, int& d) {
  if (!read_three_numbers(t, y, m, d)) return false;
  if (y <= 0 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= days_in_month(y < 1000 ? y + 1911 : y, m);
}

/// A day written day first, as Indonesian, Vietnamese and Thai (and European) forms do
/// (17-12-2019, 17/12/2019, 17.12.2019), with a four-digit year of the Western calendar:
/// read only when the first number cannot be a month (13 to 31) or is the month too
/// (05/05/2019), so that a day written month first (12/05/2019) is never read wrongly.
bool read_day_first(std::string_view t, int& y, int& m, int& d) {
  if (!read_three_numbers(t, d, m, y)) return false;
  // 2562 in the Thai (Buddhist) calendar is 2019: only years that cannot be one.
  if (y < 1000 || y > 2200 || m < 1 || m > 12 || d < 1 || (d <= 12 && d != m)) return false;
  return d <= days_in_month(y, m);
}

/// A day written as its digits alone: 20240315 (YYYYMMDD), or 1130315 (YYYMMDD, a year of the
/// Republic of China, as Taiwan's forms and systems write it).
bool read_day_digits(std::string_view t, int& y, int& m, int& d) {
  if ((t.size() != 8 && t.size() != 7) ||
      !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  auto number = [&](size_t from, size_t n) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) v = v * 10 + (t[i] - '0');
    return v;
  };
  const size_t year_digits = t.size() - 4;
  y = number(0, year_digits);
  m = number(year_digits, 2);
  d = number(year_digits + 2, 2);
  if ((year_digits == 4 && y < 1000) || y == 0 || m < 1 || m > 12 || d < 1) return false;
  return d <= days_in_month(y < 1000 ? y + 1911 : y, m);
}

/// A day written the Chinese way, 2023年5月1日 or 民國112年5月1日 (日 or 號, spaces
/// allowed), as 2023/5/1 and 112/5/1; any other text as it is.
std::string chinese_day_as_slashes(std::string_view t) {
  constexpr std::string_view kRoc = "\xE6\xB0\x91\xE5\x9C\x8B";                // 民國
  constexpr std::string_view kYear = "\xE5\xB9\xB4", kMonth = "\xE6\x9C\x88";  // 年 月
  constexpr std::string_view kDay = "\xE6\x97\xA5", kDay2 = "\xE8\x99\x9F";    // 日 號
  if (t.substr(0, kRoc.size()) == kRoc) t.remove_prefix(kRoc.size());
  size_t year = t.find(kYear), month = t.find(kMonth);
  if (year == std::string_view::npos || month == std::string_view::npos || month < year) {
    return std::string(t);
  }
  std::string_view day = t.substr(month + kMonth.size());
  if (day.size() >= kDay.size() && (day.substr(day.size() - kDay.size()) == kDay ||
                                    day.substr(day.size() - kDay2.size()) == kDay2)) {
    day.remove_suffix(kDay.size());
  }
  std::string out;
  for (std::string_view part :
       {t.substr(0, year), std::string_view("/"),
        t.substr(year + kYear.size(), month - year - kYear.size()), std::string_view("/"), day}) {
    for (char c : part) {
      if (c != ' ') out += c;
    }
  }
  return out;
}

/// Whether `ascii` (full-width folded) is a mark spreadsheets and statistical tables put
/// where there is no value: N/A, NA, -, —, …, null, none, 無, 不詳, 無資料, 未提供.
bool is_missing_mark(std::string_view ascii) {
  static const char* const kMarks[] = {
      "n/a",  "na",   "-",   "--", "\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\xA6", "...",
      "null", "none", "nil", "無", "不詳",         "無資料",       "未提供",       "不適用"};
  std::string lower = ascii_lower(ascii);
  for (const char* m : kMarks) {
    if (lower == m) return true;
  }
  return false;
}

/// Whether `ascii` (full-width folded) is the word a spreadsheet's total row starts with:
/// 合計, Total, Tổng cộng, Jumlah, รวม, Kabuuan and their like.
bool is_total_word(std::string_view ascii) {
  static const char* const kWords[] = {"合計", "總計", "小計", "共計", "总计", "合计", "total",
                                       "totals", "sum", "subtotal", "grand total", "tổng",
                                       "tổng cộng", "cộng", "jumlah", "total keseluruhan", "รวม",
                                       "ยอดรวม", "รวมทั้งสิ้น",
                                       // Filipino
                                       "kabuuan", "kabuuang bilang"};
  std::string lower = ascii_lower(ascii);
  for (const char* w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

/// `193人`, `1,234 persons`, `62*`, `62（暫定）` (full width folded): the number it
/// starts with as Firefly reads it (thousands separators taken out) and the text after
/// it; empty when it does not start with one, or the text after it has digits (`3千500萬`).
std::pair<std::string, std::string> number_then_text(std::string_view ascii, bool whole) {
  size_t end = 0;
  while (end < ascii.size() &&
         std::string_view("+-0123456789.,").find(ascii[end]) != std::string_view::npos) {
    ++end;
  }
  std::string_view rest = trim(ascii.substr(end));
  if (end == 0 || rest.empty() ||
      std::any_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return {};
  }
  std::string_view number = ascii.substr(0, end);
  std::string value =
      is_number_text(number, whole) ? std::string(number) : plain_number(number, whole);
  if (value.empty()) return {};
  return {value, std::string(rest)};
}

/// Whether the text after a figure marks it rather than naming its unit: `*`, `†`, a
/// letter (`p`, `r`, `e`), superscript digits, a note in brackets (`(暫定)`, `[註]`) or a
/// word that says provisional, estimated or revised, as statistical tables mark figures.
bool is_figure_mark(std::string_view rest) {
  if (rest.size() >= 2 && ((rest.front() == '(' && rest.back() == ')') ||
                           (rest.front() == '[' && rest.back() == ']'))) {
    return true;
  }
  // p provisional, r revised, e estimated, f forecast (as statistical tables letter them).
  if (rest.size() == 1 && std::string_view("prefPREF").find(rest[0]) != std::string_view::npos) {
    return true;
  }
  static const char* const kSymbols[] = {"*",        "\xE2\x80\xA0", "\xE2\x80\xA1", "#", "^",
                                         "\xC2\xB9", "\xC2\xB2",     "\xC2\xB3"};  // † ‡ ¹ ² ³
  std::string_view left = rest;
  while (!left.empty()) {
    size_t before = left.size();
    for (const char* sym : kSymbols) {
      if (left.starts_with(sym)) left.remove_prefix(std::string_view(sym).size());
    }
    if (left.size() == before) break;
  }
  if (left.empty()) return true;
  static const char* const kWords[] = {
      "暫定",     "暫定數",   "暫估",      "初步",        "初估",        "預估",      "估計",
      "推估",     "修正",     "註",        "provisional", "prov",        "prov.",     "est",
      "est.",     "estimate", "estimated", "revised",     "preliminary", "sementara", "perkiraan",
      "tạm tính", "ước tính", "เบื้องต้น",    "ประมาณการ"};
  std::string lower = ascii_lower(rest);
  return std::any_of(std::begin(kWords), std::end(kWords),
                     [&](const char* w) { return lower == w; });
}

/// `text` with the characters that show as a space or as nothing written plainly: no-break
/// spaces (U+00A0, and U+202F, which French and Excel group thousands with) as spaces,
/// zero-width ones (U+200B, U+2060, U+FEFF) left out; `named` gets the first one's name.
std::string without_invisible(std::string_view text, std::string* named) {
  static const std::pair<std::string_view, std::string_view> kInvisible[] = {{"\xC2\xA0", " "},
                                                                             {"\xE2\x80\xAF", " "},
                                                                             {"\xE2\x80\x8B", ""},
                                                                             {"\xE2\x81\xA0", ""},
                                                                             {"\xEF\xBB\xBF", ""}};
  static const char* const kNames[] = {"no-break space (U+00A0)", "narrow no-break space (U+202F)",
                                       "zero-width space (U+200B)", "word joiner (U+2060)",
                                       "byte order mark (U+FEFF)"};
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t k = 0;
    while (k < std::size(kInvisible) && !text.substr(i).starts_with(kInvisible[k].first)) ++k;
    if (k == std::size(kInvisible)) {
      out += text[i++];
      continue;
    }
    if (named->empty()) *named = kNames[k];
    out += kInvisible[k].second;
    i += kInvisible[k].first.size();
  }
  return out;
}

}  // namespace

bool is_buddhist_era_year(int year) { return year >= 2400 && year < 2700; }

std::string buddhist_year_note(int year) {
  if (!is_buddhist_era_year(year)) return "";
  return " (the year " + std::to_string(year) + " of the Buddhist era, พ.ศ., is " +
         std::to_string(year - 543) + ")";
}

std::string day_to_write(const std::string& iso, int roc_year) {
  auto d = parse_date(iso);
  if (!d) return "";
  if (is_buddhist_era_year(d->year)) {
    return "write " + Date{d->year - 543, d->month, d->day}.iso() + buddhist_year_note(d->year);
  }
  const std::string day = Date{d->year, d->month, d->day}.iso();
  return "write " + day +
         (roc_year ? " (民國" + std::to_string(roc_year) + "年 is " + day.substr(0, 4) + ")" : "");
}

std::string written_day_hint(std::string_view text) {
  int roc = 0;
  const std::string iso = iso_of_written_day(trim(text), &roc);  // sets roc: read it after
  return day_to_write(iso, roc);
}

std::string cell_hint(std::string_view text, ColumnType type, bool year) {
  // `1 234` with no-break spaces (as a spreadsheet shows thousands), or a figure with an
  // invisible character pasted with it: said so, with the value to write.
  if (type != ColumnType::kString) {
    std::string invisible;
    std::string plain = without_invisible(text, &invisible);
    if (!invisible.empty()) {
      const std::string_view shown = trim(plain);
      const bool fits = type == ColumnType::kInteger  ? is_integer_text(shown)
                        : type == ColumnType::kNumber ? is_decimal_text(shown)
                        : type == ColumnType::kBoolean
                            ? ascii_lower(shown) == "true" || ascii_lower(shown) == "false"
                            : parse_date(shown).has_value();
      std::string hint = fits ? "write " + std::string(shown) : cell_hint(shown, type, year);
      return (hint.empty() ? "" : hint + "; ") + "remove the invisible " + invisible +
             " from the cell";
    }
  }
  std::string t(trim(text));
  std::string ascii = ascii_digits_and_forms(t);
  // Thai digits (๒๐๒๔) or full-width ones and signs (２０２４, －５): ascii reads them.
  const bool thai_or_full_width_digits = ascii != t;
  if (type != ColumnType::kString && is_missing_mark(ascii)) {
    const bool count = type == ColumnType::kInteger || type == ColumnType::kNumber;
    return "leave the cell empty where there is no value (an empty cell is a missing value)" +
           (count ? ", or write 0 if '" + t + "' means none" : std::string());
  }
  if (type != ColumnType::kString && is_total_word(ascii)) {
    // A spreadsheet's total row, kept in the export: a reader summing the download (or a
    // chart of it) would count every figure twice.
    return "a total row? leave it out: readers, tables and charts add up the rows "
           "themselves, and would count a total as one more row";
  }
  auto write = [&](const std::string& value, const std::string& why) {
    return "write " + value + why;
  };
  switch (type) {
    case ColumnType::kInteger:
    case ColumnType::kNumber: {
      const bool whole = type == ColumnType::kInteger;
      if (thai_or_full_width_digits && is_number_text(ascii, whole)) {
        return write(ascii,
                     has_thai_digit(t) ? " (in Western digits)" : " (digits typed half-width)");
      }
      // −9.9 or –9.9: a minus sign or a dash where a word processor, a PDF or a report
      // typeset the sign (U+2212, U+2013, U+2012, U+2014).
      for (std::string_view dash : {"\u2212", "\u2013", "\u2012", "\u2014"}) {
        if (!ascii.starts_with(dash)) continue;
        std::string minus = "-" + ascii.substr(dash.size());
        if (!is_number_text(minus, whole)) minus = plain_number(minus, whole);
        if (!minus.empty()) return write(minus, " (the minus sign typed as a hyphen, -)");
      }
      if (std::string plain = plain_number(ascii, whole); !plain.empty()) {
        const bool groups = plain.size() < ascii.size();
        const size_t comma = ascii.rfind(','), point = ascii.rfind('.');
        const bool decimal_comma = plain.find('.') != std::string::npos &&
                                   comma != std::string::npos &&
                                   (point == std::string::npos || comma > point);
        std::string hint =
            write(plain, groups && decimal_comma ? " (no thousands separators, and a point before "
                                                   "the decimals)"
                         : decimal_comma         ? " (a point, not a comma, before the decimals)"
                                                 : " (no thousands separators)");
        // 1.584: a thousand and more as Indonesian writes it, or a fraction.
        if (whole && comma == std::string::npos && point != std::string::npos) {
          hint += "; if the point marks decimals, declare the column `type: number`";
        }
        return hint;
      }
      if (!ascii.empty() && ascii.back() == '%') {
        std::string_view number = trim(std::string_view(ascii).substr(0, ascii.size() - 1));
        std::string value =
            is_decimal_text(number) ? std::string(number) : plain_number(number, false);
        if (!value.empty()) {
          return write(value,
                       " without the %; say the unit once with the column's `unit: percent`");
        }
      }
      if (auto [value, rest] = number_then_text(ascii, whole); !value.empty()) {
        if (year && rest == "年" && is_integer_text(value)) {  // 108年, 2019年
          int y = std::stoi(value);
          if (y >= 1 && y <= 199) {
            return write(std::to_string(y + 1911),
                         " (民國" + value + "年 is " + std::to_string(y + 1911) + ")");
          }
          if (y >= 1000) return write(value, "");
        }
        if (is_figure_mark(rest)) {
          return write(value, "; a mark on a figure ('" + rest +
                                  "': provisional, estimated, a footnote) goes in a column of "
                                  "its own, such as `status` with `values:` giving its words");
        }
        // One other letter (`5x`) is no unit anyone types: no guess.
        if (rest.size() > 1) {
          return write(value, "; say the unit '" + rest + "' once, as the column's `unit:`");
        }
      }
      if (whole && is_integer_text(ascii)) {  // digits past what a whole number holds
        return "a whole-number column holds figures from -9223372036854775808 to "
               "9223372036854775807: declare the "
               "column `type: number` for larger ones";
      }
      if (!whole && is_decimal_text(ascii)) {  // past kMaxFigure, or nearer 0 than kMinFigure
        return "a number column holds figures from -1e100 to 1e100, and none nearer 0 than "
               "1e-100 but 0 (a chart could not draw one, nor a sum add it up)";
      }
      if (whole && is_decimal_text(ascii)) {
        return "a whole-number column holds no decimals: declare the column `type: number` if "
               "it has them";
      }
      return "";
    }
    case ColumnType::kDate: {
      int roc = 0;
      std::string iso = iso_of_written_day(ascii, &roc);
      if (iso.empty() && is_number_text(ascii, true) && ascii.size() == 5) {
        // 45292: a spreadsheet's count of days (since 1899-12-30), saved from a cell not
        // formatted as a date. 1955 to 2119; read as the day it counts to.
        long long serial = std::stoll(ascii);
        if (serial >= 20000 && serial <= 80000) {
          constexpr long long kDaysTo1970 = 25569;  // 1899-12-30 to 1970-01-01
          Date d = date_from_wall_seconds((serial - kDaysTo1970) * 86400, 0);
          return "a spreadsheet's day number: format the column as a date before saving, or " +
                 write(Date{d.year, d.month, d.day}.iso(), "");
        }
      }
      return day_to_write(iso, roc);
    }
    case ColumnType::kBoolean: {
      static const char* const kYes[] = {"yes", "y", "1", "是", "有", "ya", "có", "ใช่", "oo"};
      static const char* const kNo[] = {"no",    "n",     "0",  "否",   "無",
                                        "tidak", "không", "ไม่", "hindi"};
      std::string lower = ascii_lower(ascii);
      for (const char* w : kYes) {
        if (lower == w) return "write true";
      }
      for (const char* w : kNo) {
        if (lower == w) return "write false";
      }
      return "";
    }
    case ColumnType::kString:
      break;
  }
  return "";
}

std::string iso_of_written_day(std::string_view text, int* roc_year) {
  if (roc_year) *roc_year = 0;
  int y = 0, m = 0, d = 0;
  std::string t = chinese_day_as_slashes(ascii_digits_and_forms(trim(text)));
  if (!read_day(t, y, m, d) && !read_day_first(t, y, m, d) && !read_day_digits(t, y, m, d)) {
    return "";
  }
  // Before 1000 a year is a year of the Republic of China (民國), as on forms in Taiwan.
  if (y < 1000) {
    if (roc_year) *roc_year = y;
    y += 1911;
  }
  char iso[48];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
  return iso;
}

char other_separator(std::string_view header_field) {
  size_t semicolons = std::count(header_field.begin(), header_field.end(), ';');
  size_t tabs = std::count(header_field.begin(), header_field.end(), '\t');
  if (semicolons == 0 && tabs == 0) return '\0';
  return semicolons >= tabs ? ';' : '\t';
}

}  // namespace firefly
