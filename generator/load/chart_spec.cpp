#include "load/chart_spec.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace firefly {

namespace {

struct FieldReader {
  const ChartFieldsSource& src;
  Diagnostics& diags;
  bool ok = true;

  Pos at(const Value& v) const { return v.pos.line ? v.pos : src.fallback; }

  void error(const Value& v, std::string message, std::string hint = {}) {
    diags.error(src.path, at(v), std::move(message), std::move(hint));
    ok = false;
  }

  const Column* find(const std::string& name) const {
    for (const Column& c : src.columns) {
      if (c.name == name) return &c;
    }
    return nullptr;
  }

  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const Column& c : src.columns) out.push_back(c.name);
    return out;
  }

  /// The column named by scalar `v`, or "" after reporting.
  std::string column(const Value& v, std::string_view key, bool numeric) {
    if (v.is_map() || v.is_list()) {
      error(v, in_quotes(key) + " must be a column name");
      return {};
    }
    std::string name = v.to_text();
    const Column* c = find(name);
    if (!c) {
      error(v, "unknown column " + in_quotes(name) + " in " + src.where,
            did_you_mean_or_list(name, names(), "the columns"));
      return {};
    }
    if (numeric && c->type != ColumnType::kInteger && c->type != ColumnType::kNumber) {
      error(v, "column " + in_quotes(name) + " of " + src.where +
                   " is not a number column, so it cannot be charted");
      return {};
    }
    return name;
  }
};

/// Where two units differ: the first language both write a text of their own for with the
/// two texts apart (a plain string is written for every language); "" when none does. A
/// language only one of them is translated into is not a difference: {en: hours, id: jam}
/// and {en: hours} are the same unit, one translated further.
std::optional<std::string> unit_difference(const Localized& a, const Localized& b) {
  if (a.empty() || b.empty()) {
    if (a.empty() && b.empty()) return std::nullopt;
    return std::string();
  }
  if (a.by_lang.empty() && b.by_lang.empty()) {
    return a.plain == b.plain ? std::nullopt : std::optional<std::string>("");
  }
  bool shared = false;
  for (const Localized* t : {&a, &b}) {
    for (const auto& [lang, words] : t->by_lang) {
      if (!a.has(lang) || !b.has(lang)) continue;
      shared = true;
      if (a.get(lang, lang) != b.get(lang, lang)) return lang;
    }
  }
  return shared ? std::nullopt : std::optional<std::string>("");
}

/// A unit as errors name it: in `lang` when it has one, else its English text, else the
/// first written, else "no unit".
std::string unit_name(const Localized& unit, const std::string& lang) {
  return unit.empty() ? std::string("no unit")
                      : in_quotes(unit.get(lang.empty() ? "en" : lang, "en"));
}

}  // namespace

bool read_chart_fields(const Value& block, const ChartFieldsSource& src, Diagnostics& diags,
                       ChartSpec& spec) {
  FieldReader r{src, diags};
  const Value& x = block.get("x");
  if (x.is_null()) {
    r.error(block, src.where + " needs 'x' (a column name)");
  } else {
    spec.x = r.column(x, "x", false);
  }
  // A column both along the axis and drawn over it (x: year, y: year) charts itself: a
  // diagonal of no meaning, described to screen readers as if it were a finding.
  auto x_is_y = [&](const Value& at, const std::string& name) {
    if (name != spec.x) return false;
    r.error(at, "column " + in_quotes(name) + " is both the 'x' and a 'y' of " + src.where,
            "'x' names the column along the axis (years, places), 'y' the figures drawn over it");
    return true;
  };
  const Value& y = block.get("y");
  if (y.is_null()) {
    r.error(block, src.where + " needs 'y' (a number column, or a list of them)");
  } else if (y.is_list() && y.as_list().size() > kMaxChartSeries) {
    // Each series is drawn, labelled, described and tabled in every language: 5,000
    // columns of 800 rows took 170 s and 3 GB, to fail at the template's output limit.
    r.error(y,
            "'y' names " + std::to_string(y.as_list().size()) +
                " columns; a chart may draw at most " + std::to_string(kMaxChartSeries) +
                " (past the eighth, series look as earlier ones)",
            "chart the few columns readers compare; the dataset's table and downloads have "
            "every column");
  } else if (y.is_list()) {
    if (y.as_list().empty()) r.error(y, "'y' needs at least one column");
    for (const Value& one : y.as_list()) {
      std::string name = r.column(one, "y", true);
      if (name.empty()) continue;
      // Drawn twice, a column would be two series of one name: two legend entries, two
      // columns of the table and of the chart's CSV with one heading, a stack of itself.
      if (std::find(spec.y.begin(), spec.y.end(), name) != spec.y.end()) {
        r.error(one, "column " + in_quotes(name) + " is named twice in the 'y' of " + src.where,
                "name each column once");
        continue;
      }
      if (!x_is_y(one, name)) spec.y.push_back(name);
    }
  } else {
    std::string name = r.column(y, "y", true);
    if (!name.empty() && !x_is_y(y, name)) spec.y.push_back(name);
  }
  // One y axis has one unit: columns of other units would be read against the first's.
  for (size_t i = 1; r.ok && i < spec.y.size(); ++i) {
    const Column& first = *r.find(spec.y[0]);
    const Column& other = *r.find(spec.y[i]);
    if (auto lang = unit_difference(first.unit, other.unit)) {
      // Named in English, or in the language they differ in when their English is the same.
      if (unit_name(first.unit, "en") != unit_name(other.unit, "en")) lang->clear();
      r.error(y,
              "columns " + in_quotes(first.name) + " (" + unit_name(first.unit, *lang) + ") and " +
                  in_quotes(other.name) + " (" + unit_name(other.unit, *lang) + ") of " +
                  src.where + " have different units" +
                  (lang->empty() ? std::string() : " in " + in_quotes(*lang)) +
                  ", so one y axis cannot show both",
              "make two charts, one for each unit");
    }
  }
  if (!read_chart_kind(block, src, diags, spec)) {
    r.ok = false;
  } else if (spec.kind == "target" && r.ok && spec.y.size() != 2) {
    r.error(y, "a target chart needs 'y: [target, actual]' (two number columns)");
  }
  return r.ok;
}

bool read_chart_kind(const Value& block, const ChartFieldsSource& src, Diagnostics& diags,
                     ChartSpec& spec) {
  FieldReader r{src, diags};
  if (const Value* k = block.find("kind"); k && !k->is_null()) {
    if (k->is_map() || k->is_list()) {  // kind: [bar] was 'unknown chart kind ''
      r.error(*k, "'kind' must be one word (bar, stacked, hbar, line or target), not " +
                      std::string(k->kind_name()));
      return false;
    }
    spec.kind = k->to_text();
    if (std::find(kChartKinds.begin(), kChartKinds.end(), spec.kind) == kChartKinds.end()) {
      // A pie is not drawn: slices are hard to compare by eye, and to read out as a table's
      // rows would be bars' (an area is a line filled in; a column is a bar).
      const std::string& kind = spec.kind;
      std::string hint = kind == "pie" || kind == "donut" || kind == "doughnut"
                             ? "Firefly draws no pie charts: the parts of a whole compare better "
                               "as bars; use kind: hbar"
                         : kind == "area"   ? "use kind: line"
                         : kind == "column" ? "use kind: bar"
                                            : did_you_mean_hint(kind, kChartKinds);
      r.error(*k,
              "unknown chart kind " + in_quotes(kind) + " (use bar, stacked, hbar, line or target)",
              hint);
    }
  }
  return r.ok;
}

bool is_percent_column(const Column& col) {
  if (col.unit_code == "percent" || col.unit.plain == "%") return true;
  return std::any_of(col.unit.by_lang.begin(), col.unit.by_lang.end(),
                     [](const auto& t) { return t.second == "%"; });
}

ChartXKey chart_x_key(const Value& x) {
  if (x.is_int()) return x.as_int();
  if (x.is_double() && !std::isnan(x.as_double())) return x.as_double();
  return x.to_text();
}

PercentSumCheck::PercentSumCheck(const std::vector<Column>& columns, const ChartSpec& spec)
    : role_(columns.size(), kNone) {
  auto index = [&](const std::string& name) {
    for (size_t i = 0; i < columns.size(); ++i) {
      if (columns[i].name == name) return static_cast<int>(i);
    }
    return -1;
  };
  for (const std::string& y : spec.y) {
    const int c = index(y);
    if (c < 0 || !is_percent_column(columns[static_cast<size_t>(c)])) continue;
    if (role_[static_cast<size_t>(c)] != kNone) continue;  // y: [rate, rate]
    role_[static_cast<size_t>(c)] = static_cast<int>(percent_.size());
    percent_.push_back(static_cast<size_t>(c));
  }
  x_column_ = index(spec.x);
  if (!active()) return;
  role_[static_cast<size_t>(x_column_)] = kX;  // x charted as its own y is read as x
  wanted_.push_back(static_cast<size_t>(x_column_));
  for (size_t c : percent_) {
    if (c != static_cast<size_t>(x_column_)) wanted_.push_back(c);
  }
  figure_.assign(percent_.size(), 0);
  seen_.resize(percent_.size());
}

void PercentSumCheck::cell(size_t c, Value typed) {
  if (c >= role_.size()) return;
  const int role = role_[c];
  if (role == kX) {
    // x is a percent column too only when charted against itself: a figure where x is one.
    for (size_t k = 0; k < percent_.size(); ++k) {
      if (percent_[k] == c) figure_[k] = typed.is_number();
    }
    x_ = std::move(typed);
  } else if (role >= 0) {
    figure_[static_cast<size_t>(role)] = typed.is_number();
  }
}

void PercentSumCheck::end_row() {
  if (!shared_ && !x_.is_null()) {
    const ChartXKey key = chart_x_key(x_);
    for (size_t k = 0; k < percent_.size(); ++k) {
      if (figure_[k] && !seen_[k].insert(key).second) {
        shared_ = x_.to_text();
        break;
      }
    }
  }
  x_ = Value();
  std::fill(figure_.begin(), figure_.end(), 0);
}

std::optional<std::string> percent_summed_x(const Dataset& ds, const ChartSpec& spec,
                                            const std::vector<size_t>* rows) {
  PercentSumCheck check(ds.columns, spec);
  if (!check.active()) return std::nullopt;
  ds.for_each_row(rows, [&](const std::vector<std::string>& cells) {
    if (check.shared()) return;
    for (size_t c : check.columns()) {
      std::string_view text = c < cells.size() ? std::string_view(cells[c]) : std::string_view();
      check.cell(c, type_cell(text, ds.columns[c], nullptr));
    }
    check.end_row();
  });
  return check.shared();
}

}  // namespace firefly
