// How a CSV cell's text is read as a number, and what to tell staff when it is not.
#pragma once

#include <string>
#include <string_view>

#include "load/dataset.h"

namespace firefly {

/// `-12`, `+3`, `2021`: optional sign, then ASCII digits.
bool is_integer_text(std::string_view s);

/// `3.5`, `-0.25`, `.5`, `1e6`.
bool is_decimal_text(std::string_view s);

/// The largest size of a figure in a `number` column (1e100, -1e100): a chart's axis over
/// 1.8e308, the largest double, had no end (its ticks filled memory until the build was
/// killed), and two figures of 1e308 added up to ∞. No count or amount comes near it.
constexpr double kMaxFigure = 1e100;
/// The smallest size of a figure other than 0: a chart of 5e-324 (the smallest double)
/// divided its axis by 0 and drew its bars and points at "-nan%".
constexpr double kMinFigure = 1e-100;

/// The help for a cell `text` that is not a value of `type`, when it looks like one written
/// the way a spreadsheet or a person would (`1,234`, `86.9%`, `２０２２`, `2023/06/30`,
/// `112-06-30`, `yes`, `193人`, `62*`): what to write instead. "" when nothing better than
/// the error fits. `year`: the column holds years (is_year_column), so `108年` is ROC 108.
std::string cell_hint(std::string_view text, ColumnType type, bool year = false);

/// The ISO form of a day written `2023/06/30`, `2023.6.30` or with a year of the Republic
/// of China (`112/06/30`, `112-6-30`, made 2023; `roc_year` set to 112, else 0), day first
/// where it cannot be read month first (`30-06-2023`, `30/6/2023`, `5.5.2023`), or full
/// width; "" for anything else (`05/06/2023`: 5 June or May 6).
std::string iso_of_written_day(std::string_view text, int* roc_year = nullptr);

/// A year of the Thai Buddhist era (พ.ศ. 2400 to 2699, 1857 to 2156 of the Western
/// calendar), as Thai forms write dates: no page or figure of a portal is dated so far ahead.
bool is_buddhist_era_year(int year);

/// " (the year 2567 of the Buddhist era, พ.ศ., is 2024)" for such a year, else "".
std::string buddhist_year_note(int year);

/// The help for a day iso_of_written_day() read as `iso` (with the ROC year `roc_year`, or
/// 0): "write 2024-03-15", the year of the Western calendar for a Buddhist-era one ("write
/// 2024-03-15 (the year 2567 of the Buddhist era, พ.ศ., is 2024)") or with the ROC year it
/// was ("write 2024-03-15 (民國113年 is 2024)"); the day alone, without a time. "" when `iso`
/// is no day.
std::string day_to_write(const std::string& iso, int roc_year);

/// The help for a date of the metadata written as iso_of_written_day() reads it: "write
/// 2026-01-31" for `31.01.2026` (with the Gregorian year of an ROC one); "" for anything else.
std::string written_day_hint(std::string_view text);

/// The separator a CSV header written as one field seems to use instead of commas (';'
/// or a tab, as spreadsheets set to some regions save it), or '\0'.
char other_separator(std::string_view header_field);

}  // namespace firefly
