// Reading a dataset's `indicators:` metadata: which columns hold each indicator's name,
// goal, unit, direction, baseline, and its target and actual per period of the plan.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/localized.h"
#include "core/value.h"

namespace firefly {

struct Column;

/// The column that holds one figure of one period, with where the mapping was written.
struct PeriodColumn {
  std::string period;  ///< one of IndicatorSpec::periods
  std::string column;  ///< a number column
  Pos pos;             ///< where `period: column` is written in the metadata
};

/// How the rows of a dataset are read as the indicators of a plan. Column references
/// that may differ per language (name, goal, source, method) are Localized column names.
struct IndicatorSpec {
  Localized title;                   ///< the plan's name; empty = the dataset title
  std::vector<std::string> periods;  ///< the periods the plan covers, in time order
  std::string id;                    ///< column of stable ids; "" = numbered in row order
  Localized name;                    ///< column(s) naming each indicator (required)
  Localized goal;                    ///< column(s) naming the goal it serves (may be empty)
  std::string unit;                  ///< column of units; "" = each target column's unit
  /// The words of each unit code of the `unit` column per language (`units: {hours:
  /// {zh-TW: 小時, en: hours}}`); a code not listed is shown as written.
  std::vector<std::pair<std::string, Localized>> units;
  std::string direction;                 ///< column of directions, or "" when `direction_word`
  std::string direction_word;            ///< one direction for every row ("higher" by default)
  std::string baseline;                  ///< number column of baselines, may be ""
  std::vector<PeriodColumn> target;      ///< per period: the target (the lower end of a range)
  std::vector<PeriodColumn> target_max;  ///< per period: the upper end of a range target
  std::vector<PeriodColumn> actual;      ///< per period: the reported result
  Localized source;                      ///< column(s) of each indicator's source, may be empty
  Localized method;                      ///< column(s) of method notes, may be empty
  /// Only rows whose column holds one of the values are indicators (`where: {kind: target}`).
  std::vector<std::pair<std::string, std::vector<std::string>>> where;
  Pos pos;  ///< where `indicators:` is written
};

/// The direction words a `direction` column or value may hold: higher (or at_least) is
/// better, lower (or at_most) is better, exact, or range (target to target_max).
inline const std::vector<std::string> kDirectionWords = {"higher",  "at_least", "lower",
                                                         "at_most", "exact",    "range"};

/// Reads `indicators:` (`block`) of the metadata `path` against the declared `columns`.
/// Reports unknown keys, unknown columns, figures in columns that are not numbers, a
/// period of target/actual the plan's `periods` do not cover; nullopt after an error.
std::optional<IndicatorSpec> read_indicator_spec(const Value& block, const std::string& path,
                                                 const std::vector<Column>& columns,
                                                 Diagnostics& diags);

}  // namespace firefly
