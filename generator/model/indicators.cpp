#include "model/indicators.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/text.h"

namespace firefly {

namespace {

bool same(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

/// Reads the cells of one row through the spec's column references.
struct RowReader {
  const Dataset& ds;
  size_t row;
  const std::string& default_lang;  ///< the language of columns that declare none
  std::vector<Value> values = ds.row(row);
  std::vector<std::string> cells = ds.cells(row);

  const Value* cell(const std::string& column) const {
    int i = ds.column_index(column);
    return i < 0 ? nullptr : &values[static_cast<size_t>(i)];
  }
  std::string text(const std::string& column) const {
    int i = ds.column_index(column);
    return i < 0 ? std::string() : std::string(trim(cells[static_cast<size_t>(i)]));
  }
  std::optional<double> number(const std::string& column) const {
    const Value* v = column.empty() ? nullptr : cell(column);
    if (!v || !v->is_number()) return std::nullopt;
    return v->as_double();
  }
  Localized localized(const Localized& columns) const {
    Localized out;
    // One column for every language: its text is in the column's language.
    if (!columns.plain.empty()) {
      std::string t = text(columns.plain);
      int i = ds.column_index(columns.plain);
      const std::string& lang = i < 0 ? std::string() : ds.columns[static_cast<size_t>(i)].lang;
      if (!t.empty() && lang.empty() && default_lang.empty()) {
        out.plain = std::move(t);
      } else if (!t.empty()) {
        out.by_lang.emplace_back(lang.empty() ? default_lang : lang, std::move(t));
      }
    }
    for (const auto& [lang, column] : columns.by_lang) {
      std::string t = text(column);
      if (!t.empty()) out.by_lang.emplace_back(lang, std::move(t));
    }
    return out;
  }
  Pos pos(const std::string& column) const {
    int i = ds.column_index(column);
    return Pos{ds.row_line(row), i < 0 ? 1 : i + 1};
  }
};

std::optional<double> figure(const std::vector<PeriodColumn>& columns, const std::string& period,
                             const RowReader& r) {
  for (const PeriodColumn& c : columns) {
    if (c.period == period) return r.number(c.column);
  }
  return std::nullopt;
}

const PeriodColumn* column_of(const std::vector<PeriodColumn>& columns, const std::string& period) {
  for (const PeriodColumn& c : columns) {
    if (c.period == period) return &c;
  }
  return nullptr;
}

}  // namespace

const char* status_name(IndicatorStatus status) {
  switch (status) {
    case IndicatorStatus::kMet:
      return "met";
    case IndicatorStatus::kNotMet:
      return "not_met";
    case IndicatorStatus::kNotReported:
      return "not_reported";
    case IndicatorStatus::kNoTarget:
      return "no_target";
  }
  return "no_target";
}

const char* direction_name(Direction direction) {
  switch (direction) {
    case Direction::kHigher:
      return "higher";
    case Direction::kLower:
      return "lower";
    case Direction::kExact:
      return "exact";
    case Direction::kRange:
      return "range";
  }
  return "higher";
}

std::optional<Direction> parse_direction(std::string_view word) {
  if (word == "higher" || word == "at_least") return Direction::kHigher;
  if (word == "lower" || word == "at_most") return Direction::kLower;
  if (word == "exact") return Direction::kExact;
  if (word == "range") return Direction::kRange;
  return std::nullopt;
}

IndicatorStatus indicator_status(Direction direction, std::optional<double> target,
                                 std::optional<double> target_max, std::optional<double> actual) {
  if (!target) return IndicatorStatus::kNoTarget;
  if (!actual) return IndicatorStatus::kNotReported;
  double a = *actual, t = *target;
  bool met = false;
  switch (direction) {
    case Direction::kHigher:
      met = a > t || same(a, t);
      break;
    case Direction::kLower:
      met = a < t || same(a, t);
      break;
    case Direction::kExact:
      met = same(a, t);
      break;
    case Direction::kRange: {
      double hi = target_max.value_or(t);
      met = (a > t || same(a, t)) && (a < hi || same(a, hi));
      break;
    }
  }
  return met ? IndicatorStatus::kMet : IndicatorStatus::kNotMet;
}

std::optional<double> achievement_ratio(Direction direction, std::optional<double> target,
                                        std::optional<double> target_max,
                                        std::optional<double> actual) {
  if (!target || !actual) return std::nullopt;
  auto divide = [](double a, double b) -> std::optional<double> {
    // 1e100 over a target of 1e-300 is past the largest double: the page said "∞%".
    if (b == 0 || !std::isfinite(a / b)) return std::nullopt;
    return a / b;
  };
  switch (direction) {
    case Direction::kHigher:
    case Direction::kExact:
      return divide(*actual, *target);
    case Direction::kLower:
      return divide(*target, *actual);
    case Direction::kRange: {
      double hi = target_max.value_or(*target);
      if (*actual < *target && !same(*actual, *target)) return divide(*actual, *target);
      if (*actual > hi && !same(*actual, hi)) return divide(hi, *actual);
      return 1.0;
    }
  }
  return std::nullopt;
}

size_t Indicator::latest() const {
  for (size_t i = periods.size(); i-- > 0;) {
    if (periods[i].target || periods[i].actual) return i;
  }
  return periods.empty() ? 0 : periods.size() - 1;
}

StatusCounts IndicatorSet::counts(size_t index) const {
  StatusCounts c;
  for (const Indicator& ind : indicators) {
    if (index >= ind.periods.size()) continue;
    switch (ind.periods[index].status) {
      case IndicatorStatus::kMet:
        ++c.met;
        break;
      case IndicatorStatus::kNotMet:
        ++c.not_met;
        break;
      case IndicatorStatus::kNotReported:
        ++c.not_reported;
        break;
      case IndicatorStatus::kNoTarget:
        ++c.no_target;
        break;
    }
  }
  return c;
}

const Indicator* IndicatorSet::find(std::string_view id) const {
  for (const Indicator& ind : indicators) {
    if (ind.id == id) return &ind;
  }
  return nullptr;
}

std::optional<IndicatorSet> build_indicator_set(const Dataset& ds, Diagnostics& diags,
                                                const std::string& default_lang) {
  const IndicatorSpec& spec = *ds.indicators;
  IndicatorSet set;
  set.dataset = ds.name;
  set.title = spec.title.empty() ? ds.title : spec.title;
  set.source = ds.source;
  set.license = ds.license;
  set.description = ds.description;
  set.updated = ds.updated;
  set.periods = spec.periods;
  Diagnostics local;
  std::set<std::string> ids;
  for (size_t row = 0; row < ds.row_count(); ++row) {
    RowReader r{ds, row, default_lang};
    bool selected = std::all_of(spec.where.begin(), spec.where.end(), [&](const auto& cond) {
      const auto& [column, values] = cond;
      return std::find(values.begin(), values.end(), r.text(column)) != values.end();
    });
    if (!selected) continue;
    Indicator ind;
    ind.line = ds.row_line(row);
    ind.id = spec.id.empty() ? std::to_string(set.indicators.size() + 1) : r.text(spec.id);
    if (!spec.id.empty() && (ind.id.empty() || slugify(ind.id) != ind.id)) {
      local.error(ds.csv_path, r.pos(spec.id),
                  "indicator id " + in_quotes(ind.id) +
                      " must be lower-case letters, digits and '-' (it is part of the page's "
                      "address)",
                  ind.id.empty() ? "" : "write " + in_quotes(slugify(ind.id)));
    } else if (!ids.insert(ind.id).second) {
      local.error(ds.csv_path, r.pos(spec.id),
                  "indicator id " + in_quotes(ind.id) + " is used twice");
    }
    ind.name = r.localized(spec.name);
    if (ind.name.empty()) {
      // An empty name cell published a page with an empty <h1> and "<title> — Site", and
      // a scorecard row naming nothing.
      const std::string& column = spec.name.plain.empty() && !spec.name.by_lang.empty()
                                      ? spec.name.by_lang[0].second
                                      : spec.name.plain;
      local.error(ds.csv_path, r.pos(column),
                  "this indicator has no name: its page and its scorecard row would have no "
                  "heading",
                  "write its name in column " + in_quotes(column));
    }
    ind.goal = r.localized(spec.goal);
    ind.source = r.localized(spec.source);
    ind.method = r.localized(spec.method);
    ind.baseline = r.number(spec.baseline);
    std::string word = spec.direction.empty() ? spec.direction_word : r.text(spec.direction);
    bool any_target = std::any_of(spec.target.begin(), spec.target.end(),
                                  [&](const PeriodColumn& c) { return r.number(c.column); });
    if (auto d = parse_direction(word)) {
      ind.direction = *d;
    } else if (!word.empty() || any_target) {
      local.error(ds.csv_path, r.pos(spec.direction),
                  word.empty() ? "this indicator has a target but no direction"
                               : "unknown direction " + in_quotes(word),
                  "write higher (or at_least), lower (or at_most), exact or range");
    }
    for (const std::string& period : spec.periods) {
      PeriodResult p;
      p.period = period;
      p.target = figure(spec.target, period, r);
      p.target_max = figure(spec.target_max, period, r);
      p.actual = figure(spec.actual, period, r);
      if (p.target && ind.direction == Direction::kRange && !p.target_max) {
        const PeriodColumn* c = column_of(spec.target, period);
        local.error(ds.csv_path, r.pos(c->column),
                    "a range target in " + period + " needs its upper end in target_max",
                    column_of(spec.target_max, period)
                        ? "fill '" + column_of(spec.target_max, period)->column + "'"
                        : "map " + period + " to a column under 'target_max' in " + ds.yaml_path);
      } else if (p.target && p.target_max && *p.target_max < *p.target &&
                 ind.direction == Direction::kRange) {
        // 10 to 5: no actual could meet it, and the page said "10 to 5".
        local.error(ds.csv_path, r.pos(column_of(spec.target_max, period)->column),
                    "the range target in " + period + " ends below where it starts",
                    "'target' is its lower end and 'target_max' its upper one: swap the two");
      }
      p.status = indicator_status(ind.direction, p.target, p.target_max, p.actual);
      p.ratio = achievement_ratio(ind.direction, p.target, p.target_max, p.actual);
      ind.periods.push_back(std::move(p));
    }
    if (!spec.unit.empty()) {
      ind.unit.plain = r.text(spec.unit);
      for (const auto& [code, words] : spec.units) {
        if (code == ind.unit.plain) ind.unit = words;
      }
    }
    if (ind.unit.empty()) {
      for (const PeriodColumn& c : spec.target) {
        if (!r.number(c.column)) continue;
        const Column& col = ds.columns[static_cast<size_t>(ds.column_index(c.column))];
        if (!col.unit.empty()) {
          ind.unit = col.unit;
          break;
        }
        local.error(
            ds.csv_path, r.pos(c.column),
            "the target of " + in_quotes(ind.name.get("", "")) + " in " + c.period + " has no unit",
            spec.unit.empty() ? "map 'unit' to a column of units in " + ds.yaml_path
                              : "fill the '" + spec.unit + "' column of this row");
        break;
      }
    }
    set.indicators.push_back(std::move(ind));
  }
  diags.append(local);
  if (local.has_errors()) return std::nullopt;
  return set;
}

std::vector<IndicatorSet> build_indicator_sets(const std::vector<Dataset>& datasets,
                                               Diagnostics& diags,
                                               const std::string& default_lang) {
  std::vector<IndicatorSet> out;
  for (const Dataset& ds : datasets) {
    if (!ds.indicators) continue;
    if (auto set = build_indicator_set(ds, diags, default_lang)) out.push_back(std::move(*set));
  }
  return out;
}

}  // namespace firefly
