// A plan's indicators: each row of an indicator dataset typed, with its status and
// achievement ratio in every period (met, not met, not reported, no target set).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/localized.h"
#include "load/dataset.h"

namespace firefly {

/// Which results meet a target.
enum class Direction {
  kHigher,  ///< at least the target
  kLower,   ///< at most the target
  kExact,   ///< exactly the target
  kRange,   ///< from the target to target_max
};

/// How an indicator stands in one period.
enum class IndicatorStatus {
  kMet,          ///< the actual meets the target
  kNotMet,       ///< the actual misses the target
  kNotReported,  ///< a target was set but no actual was reported
  kNoTarget,     ///< no target was set for the period
};

/// The name used in theme strings and CSS ("met", "not_met", "not_reported", "no_target").
const char* status_name(IndicatorStatus status);
/// The name of a direction ("higher", "lower", "exact", "range").
const char* direction_name(Direction direction);
/// The direction a word of kDirectionWords means (at_least = higher, at_most = lower).
std::optional<Direction> parse_direction(std::string_view word);

/// The status of `actual` against `target` (and `target_max` for a range).
IndicatorStatus indicator_status(Direction direction, std::optional<double> target,
                                 std::optional<double> target_max, std::optional<double> actual);

/// How much of the target was achieved, 1 = exactly met: actual/target when higher or exact
/// is better, target/actual when lower is better; for a range 1 inside it, else
/// actual/target below it and target_max/actual above it. nullopt without both figures or
/// when the divisor is 0.
std::optional<double> achievement_ratio(Direction direction, std::optional<double> target,
                                        std::optional<double> target_max,
                                        std::optional<double> actual);

/// One indicator's figures in one period.
struct PeriodResult {
  std::string period;
  std::optional<double> target, target_max, actual;
  IndicatorStatus status = IndicatorStatus::kNoTarget;
  std::optional<double> ratio;
};

/// One indicator of a plan (one row of the dataset).
struct Indicator {
  std::string id;  ///< the id column's value, else its number in the plan ("1", "2", ...)
  Localized name, goal, source, method;
  Localized unit;  ///< the words of its unit per language (a code when none are given)
  Direction direction = Direction::kHigher;
  std::optional<double> baseline;
  std::vector<PeriodResult> periods;  ///< one per period of the plan, in order
  int line = 0;                       ///< the CSV line of its row

  /// The index of the last period with a target or an actual (the last period when none).
  size_t latest() const;
};

/// How many indicators stand how in one period.
struct StatusCounts {
  int met = 0, not_met = 0, not_reported = 0, no_target = 0;
  /// Indicators with a target in the period.
  int with_target() const { return met + not_met + not_reported; }
};

/// The indicators of one plan.
struct IndicatorSet {
  std::string dataset;    ///< the dataset name
  Localized title;        ///< the plan's name (the dataset title unless given)
  DatasetSource source;   ///< where the dataset's figures come from
  std::string license;    ///< the dataset's licence id ("" = the site's default)
  Localized description;  ///< the dataset's description
  Date updated;           ///< when the dataset's files last changed
  std::vector<std::string> periods;
  std::vector<Indicator> indicators;  ///< in row order

  /// The counts of period `index` over every indicator.
  StatusCounts counts(size_t index) const;
  /// The indicator with `id`, or nullptr.
  const Indicator* find(std::string_view id) const;
};

/// The plan of `ds` (which must have `indicators`). Reports, at the CSV cell: a target
/// without a unit, a direction that is not a direction word, a range without target_max,
/// an id that is empty or used twice. nullopt after an error. A text read from one column
/// (`method: note`) is in that column's `lang`, else in `default_lang` ("" = unknown: a
/// text for every language).
std::optional<IndicatorSet> build_indicator_set(const Dataset& ds, Diagnostics& diags,
                                                const std::string& default_lang = {});

/// The plans of every dataset that declares `indicators`, in dataset order.
std::vector<IndicatorSet> build_indicator_sets(const std::vector<Dataset>& datasets,
                                               Diagnostics& diags,
                                               const std::string& default_lang = {});

}  // namespace firefly
