#include "load/indicator_spec.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "load/dataset.h"

namespace firefly {

namespace {

/// The first and last year of a period written as a year (2019) or as years joined by a dash
/// (2015–2018, 2015-2018); nullopt for another label (a half year, "H1").
std::optional<std::pair<int, int>> period_years(std::string_view p) {
  auto year = [](std::string_view s) {
    if (s.size() != 4 ||
        !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return -1;
    return std::stoi(std::string(s));
  };
  if (int y = year(p); y >= 0) return std::pair{y, y};
  for (std::string_view dash : {"\u2013", "-", "\u2014", "~"}) {
    if (p.size() == 8 + dash.size() && p.substr(4, dash.size()) == dash) {
      int a = year(p.substr(0, 4)), b = year(p.substr(4 + dash.size()));
      if (a >= 0 && b >= 0) return std::pair{a, b};
    }
  }
  return std::nullopt;
}

/// Periods are listed in time order: the latest period with a figure is the one the
/// scorecard shows, so [2019, 2018] showed 2018's status as the latest. A span that ends
/// before it starts (2018–2015) is an error too; labels that are no years are not compared.
template <typename Reader>
void check_period_order(const Value& periods, Reader& r) {
  int last_year = -1;
  std::string last_label;
  for (const Value& p : periods.as_list()) {
    const std::string label = p.to_text();
    auto years = period_years(label);
    if (!years) continue;
    if (years->first > years->second) {
      r.error(p, "indicators: period " + in_quotes(label) + " ends before it starts",
              "write its first year first");
    } else if (years->first == years->second) {
      if (years->first <= last_year) {
        r.error(p,
                "indicators: period " + in_quotes(label) + " is listed after " +
                    in_quotes(last_label) + ": list the periods in time order",
                "the scorecard shows each indicator's last period with a figure as its latest");
      }
      last_year = years->first;
      last_label = label;
    }
  }
}

const std::vector<std::string> kIndicatorKeys = {
    "title",  "periods",    "id",     "name",   "goal",   "unit",  "direction", "baseline",
    "target", "target_max", "actual", "source", "method", "where", "units"};

struct SpecReader {
  const std::string& path;
  const std::vector<Column>& columns;
  Diagnostics& diags;
  Pos fallback;
  bool ok = true;

  void error(const Value& v, std::string message, std::string hint = {}) {
    diags.error(path, v.pos.line ? v.pos : fallback, std::move(message), std::move(hint));
    ok = false;
  }

  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const Column& c : columns) out.push_back(c.name);
    return out;
  }

  /// The column named by scalar `v` ("" after reporting); `numeric` asks for a number column.
  std::string column(const Value& v, std::string_view key, bool numeric) {
    if (v.is_map() || v.is_list() || v.is_null()) {
      error(v, "indicators: " + in_quotes(key) + " must name a column");
      return {};
    }
    std::string name = v.to_text();
    auto it = std::find_if(columns.begin(), columns.end(),
                           [&](const Column& c) { return c.name == name; });
    if (it == columns.end()) {
      error(v, "indicators: unknown column " + in_quotes(name) + " in " + in_quotes(key),
            did_you_mean_hint(name, names()));
      return {};
    }
    if (numeric && it->type != ColumnType::kInteger && it->type != ColumnType::kNumber) {
      error(v, "indicators: column " + in_quotes(name) + " of " + in_quotes(key) +
                   " is not a number column");
      return {};
    }
    return name;
  }

  /// A column for every language (`name: indicator`) or per language
  /// (`name: {zh-TW: indicator, en: indicator_en}`).
  Localized columns_by_lang(const Value& block, std::string_view key) {
    Localized out;
    const Value* v = block.find(key);
    if (!v || v->is_null()) return out;
    out.pos = v->pos;
    if (v->is_map()) {
      for (const auto& [lang, col] : v->as_map()) {
        std::string name = column(col, key, false);
        if (!name.empty()) out.by_lang.emplace_back(lang, name);
      }
    } else {
      out.plain = column(*v, key, false);
    }
    return out;
  }

  /// `key: {period: column, ...}` with every period one of `periods`.
  std::vector<PeriodColumn> per_period(const Value& block, std::string_view key,
                                       const std::vector<std::string>& periods) {
    std::vector<PeriodColumn> out;
    const Value* v = block.find(key);
    if (!v || v->is_null()) return out;
    if (!v->is_map()) {
      error(*v, "indicators: " + in_quotes(key) +
                    " must map each period to a column, like {2019: " + std::string(key) +
                    "_2019}");
      return out;
    }
    for (const auto& [period, col] : v->as_map()) {
      Pos at = col.key_pos.line ? col.key_pos : col.pos;
      if (std::find(periods.begin(), periods.end(), period) == periods.end()) {
        std::string list;
        for (const std::string& p : periods) list += (list.empty() ? "" : ", ") + p;
        diags.error(path, at.line ? at : fallback,
                    "indicators: " + std::string(key) + " for period " + in_quotes(period) +
                        ", which the plan does not cover (periods: " + list + ")",
                    "add " + in_quotes(period) + " to 'periods', or correct the period");
        ok = false;
        continue;
      }
      std::string name = column(col, key, true);
      if (!name.empty()) out.push_back(PeriodColumn{period, name, at});
    }
    return out;
  }
};

}  // namespace

std::optional<IndicatorSpec> read_indicator_spec(const Value& block, const std::string& path,
                                                 const std::vector<Column>& columns,
                                                 Diagnostics& diags) {
  SpecReader r{path, columns, diags, block.pos};
  if (!block.is_map()) {
    r.error(block,
            "'indicators' must be a map like {periods: [2019], name: indicator, "
            "target: {2019: target}}");
    return std::nullopt;
  }
  for (const auto& [key, value] : block.as_map()) {
    if (std::find(kIndicatorKeys.begin(), kIndicatorKeys.end(), key) == kIndicatorKeys.end()) {
      diags.error(path, value.key_pos.line ? value.key_pos : value.pos,
                  "unknown key " + in_quotes(key) + " in 'indicators'",
                  did_you_mean_hint(key, kIndicatorKeys));
      r.ok = false;
    }
  }
  IndicatorSpec spec;
  spec.pos = block.pos;
  if (const Value* t = block.find("title"); t && !t->is_null()) {
    std::string error;
    spec.title = to_localized(*t, &error);
    if (!error.empty()) r.error(*t, "'title': " + error);
  }
  const Value& periods = block.get("periods");
  if (!periods.is_list() || periods.as_list().empty()) {
    r.error(periods.is_null() ? block : periods,
            "indicators: 'periods' must list the periods the plan covers, like [2015, 2016]");
  } else {
    for (const Value& p : periods.as_list()) {
      std::string label = p.to_text();
      if (p.is_map() || p.is_list() || label.empty()) {
        r.error(p, "indicators: each period must be a year or a short label");
      } else if (std::find(spec.periods.begin(), spec.periods.end(), label) != spec.periods.end()) {
        r.error(p, "indicators: period " + in_quotes(label) + " is listed twice");
      } else {
        spec.periods.push_back(label);
      }
    }
    check_period_order(periods, r);
  }
  if (const Value* v = block.find("id"); v && !v->is_null()) spec.id = r.column(*v, "id", false);
  spec.name = r.columns_by_lang(block, "name");
  if (spec.name.empty() && r.ok)
    r.error(block, "indicators: 'name' must name the column of each indicator's name");
  spec.goal = r.columns_by_lang(block, "goal");
  if (const Value* v = block.find("unit"); v && !v->is_null())
    spec.unit = r.column(*v, "unit", false);
  if (const Value* v = block.find("units"); v && !v->is_null()) {
    if (!v->is_map()) {
      r.error(*v,
              "indicators: 'units' must map each unit code to its words, e.g. "
              "{hours: {zh-TW: 小時, en: hours}}");
    } else {
      for (const auto& [code, words] : v->as_map()) {
        std::string error;
        Localized text = to_localized(words, &error);
        if (!error.empty() || text.empty()) {
          r.error(words, "indicators: the words of unit " + in_quotes(code) +
                             " must be a text or a map of language: text");
        } else {
          spec.units.emplace_back(code, std::move(text));
        }
      }
    }
  }
  if (const Value* v = block.find("direction"); v && !v->is_null()) {
    std::string word = v->is_map() || v->is_list() ? std::string() : v->to_text();
    if (std::find(kDirectionWords.begin(), kDirectionWords.end(), word) != kDirectionWords.end()) {
      spec.direction_word = word;
    } else {
      spec.direction = r.column(*v, "direction", false);
    }
  }
  if (spec.direction.empty() && spec.direction_word.empty()) spec.direction_word = "higher";
  if (const Value* v = block.find("baseline"); v && !v->is_null()) {
    spec.baseline = r.column(*v, "baseline", true);
  }
  spec.target = r.per_period(block, "target", spec.periods);
  spec.target_max = r.per_period(block, "target_max", spec.periods);
  spec.actual = r.per_period(block, "actual", spec.periods);
  if (spec.target.empty() && r.ok) {
    r.error(block, "indicators: 'target' must map at least one period to its target column");
  }
  spec.source = r.columns_by_lang(block, "source");
  spec.method = r.columns_by_lang(block, "method");
  if (const Value* w = block.find("where"); w && !w->is_null()) {
    if (!w->is_map()) {
      r.error(*w, "indicators: 'where' must map columns to values, like {kind: target}");
    } else {
      for (const auto& [key, value] : w->as_map()) {
        Value name_value = with_pos(Value(key), value.key_pos.line ? value.key_pos : value.pos);
        std::string col = r.column(name_value, "where", false);
        std::vector<std::string> values;
        if (value.is_list()) {
          for (const Value& one : value.as_list()) values.push_back(one.to_text());
        } else {
          values.push_back(value.to_text());
        }
        if (!col.empty()) spec.where.emplace_back(col, std::move(values));
      }
    }
  }
  if (!r.ok) return std::nullopt;
  return spec;
}

}  // namespace firefly
