#include "render/plan_embed.h"

#include <algorithm>
#include <tuple>

#include "core/language_tag.h"
#include "core/text.h"
#include "core/yaml.h"
#include "render/scorecard.h"

namespace firefly {

namespace {

std::string status_html(const Value& row) {
  const Value& st = row.get("status");
  return "<span class=\"status-icon\" aria-hidden=\"true\">" +
         html_escape(st.get("icon").to_text()) + "</span> " + html_escape(st.get("text").to_text());
}

std::string link(const std::string& label, const std::string& url, const std::string& text,
                 const std::string& lang) {
  return html_escape(label) + " <a href=\"" + html_escape(url) + "\"" + lang_attribute(lang) + ">" +
         html_escape(text) + "</a>";
}

std::string scorecard_html(const IndicatorSet& plan, const std::string& id, const DataView& view) {
  std::string h =
      "<figure class=\"scorecard-embed\" id=\"" + id + "\">\n<ul class=\"scorecard-counts\">\n";
  for (size_t i = 0; i < plan.periods.size(); ++i) {
    h += "<li>" + html_escape(counts_text(plan, i, view)) + "</li>\n";
  }
  // The table reflows as the scorecard page's does: on a phone, or at a larger text size,
  // each row is a card with every figure under its column's name (data-label).
  h += "</ul>\n<div class=\"table-wrap table-reflow\" tabindex=\"0\" role=\"region\" "
       "aria-labelledby=\"" +
       id + "-caption\">\n<table class=\"scorecard-table\">\n<caption id=\"" + id + "-caption\">" +
       in_lang(view.pick(plan.title), view.lang_of(plan.title)) + "</caption>\n<thead>\n<tr>";
  for (const auto& [key, english] :
       std::vector<std::pair<const char*, const char*>>{{"indicator", "Indicator"},
                                                        {"indicator_period", "Period"},
                                                        {"indicator_target", "Target"},
                                                        {"indicator_actual", "Actual"},
                                                        {"indicator_status", "Status"}}) {
    h += "<th scope=\"col\">" + html_escape(view.text(key, english)) + "</th>";
  }
  h += "</tr>\n</thead>\n<tbody>\n";
  auto label = [&](const char* key, const char* english) {
    return " data-label=\"" + html_escape(view.text(key, english)) + "\">";
  };
  for (const Indicator& ind : plan.indicators) {
    Value row = scorecard_row(plan, ind, view);
    const Value& st = row.get("status");
    h += "<tr><th scope=\"row\"><a href=\"" + html_escape(row.get("url").to_text()) + "\"" +
         lang_attribute(row.get("name_lang").to_text()) + ">" +
         html_escape(row.get("name").to_text()) + "</a></th><td" +
         label("indicator_period", "Period") + html_escape(row.get("period").to_text()) +
         "</td><td class=\"num\"" + label("indicator_target", "Target") +
         html_escape(row.get("target").to_text()) + "</td><td class=\"num\"" +
         label("indicator_actual", "Actual") + html_escape(row.get("actual").to_text()) +
         "</td><td class=\"status status-" + html_escape(st.get("name").to_text()) + "\"" +
         label("indicator_status", "Status") + "<span>" + status_html(row) + "</span></td></tr>\n";
  }
  h += "</tbody>\n</table>\n</div>\n<figcaption>" +
       link(view.text("scorecard", "Scorecard") + ":", scorecard_url(plan, view),
            view.pick(plan.title), view.lang_of(plan.title)) +
       "</figcaption>\n</figure>\n";
  return h;
}

std::string indicator_html(const IndicatorSet& plan, const Indicator& ind, const std::string& id,
                           const DataView& view) {
  Value row = scorecard_row(plan, ind, view);
  std::string h = "<figure class=\"indicator-embed\" id=\"" + id + "\">\n";
  h += "<p class=\"indicator-latest status-" +
       html_escape(row.get("status").get("name").to_text()) + "\">" +
       in_lang(view.pick(ind.name), view.lang_of(ind.name)) + " (" +
       html_escape(row.get("period").to_text()) + "): " + status_html(row);
  for (const auto& [key, english, field] :
       std::vector<std::tuple<const char*, const char*, const char*>>{
           {"indicator_target", "Target", "target"}, {"indicator_actual", "Actual", "actual"}}) {
    std::string figure = row.get(field).to_text();
    if (!figure.empty())
      h += " · " + html_escape(view.text(key, english)) + " " + html_escape(figure);
  }
  // In a chart box, as on the indicator's page: the box is what turns the chart's
  // columns into rows on a phone or at a larger text size.
  std::string chart = indicator_chart(plan, ind, id + "-chart", view);
  h += "</p>\n";
  if (!chart.empty()) h += "<div class=\"chart\">\n" + chart + "</div>\n";
  h += "<figcaption>" +
       link(view.text("indicator", "Indicator") + ":", indicator_url(plan, ind, view),
            view.pick(ind.name), view.lang_of(ind.name)) +
       "</figcaption>\n</figure>\n";
  return h;
}

}  // namespace

std::string render_plan_embed(std::string_view kind, std::string_view yaml_text,
                              const std::string& path, int line,
                              const std::vector<IndicatorSet>& plans, const DataView& view,
                              Diagnostics& diags, const std::set<std::string>& withheld) {
  Pos fallback{line + 1, 1};
  bool ok = true;
  auto error = [&](const Value& v, std::string message, std::string hint = {}) {
    diags.error(path, v.pos.line ? v.pos : fallback, std::move(message), std::move(hint));
    ok = false;
  };
  const std::string block_name = "```" + std::string(kind);
  Value block = parse_yaml(yaml_text, path, diags, line);
  if (block.is_null() && diags.has_errors()) return {};
  if (!block.is_map()) {
    error(block, "a " + block_name + " block must hold YAML keys, e.g. dataset: midterm-plan");
    return {};
  }
  const bool is_scorecard = kind == "scorecard";
  const std::vector<std::string> keys = is_scorecard ? std::vector<std::string>{"dataset"}
                                                     : std::vector<std::string>{"dataset", "id"};
  for (const auto& [key, value] : block.as_map()) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      error(value, "unknown key " + in_quotes(key) + " in a " + block_name + " block",
            did_you_mean_hint(key, keys));
    }
  }
  const Value& name_value = block.get("dataset");
  if (name_value.is_null()) {
    error(block, "a " + block_name + " block needs 'dataset: <name>' (a dataset with indicators)");
    return {};
  }
  std::string name = name_value.to_text();
  auto plan = std::find_if(plans.begin(), plans.end(),
                           [&](const IndicatorSet& p) { return p.dataset == name; });
  if (plan == plans.end()) {
    if (withheld.count(name)) return {};
    std::vector<std::string> names;
    for (const IndicatorSet& p : plans) names.push_back(p.dataset);
    error(name_value,
          "no plan " + in_quotes(name) + " (a dataset with 'indicators:' in its metadata)",
          did_you_mean_hint(name, names));
    return {};
  }
  if (!ok) return {};
  const std::string id = std::string(kind) + "-" + plan->dataset + "-" + std::to_string(line);
  if (is_scorecard) return scorecard_html(*plan, id, view);

  const Value& id_value = block.get("id");
  std::vector<std::string> ids;
  std::string id_list;
  for (const Indicator& ind : plan->indicators) {
    ids.push_back(ind.id);
    id_list += (id_list.empty() ? "" : ", ") + ind.id;
  }
  if (id_value.is_null()) {
    error(block, "a ```indicator block needs 'id: <indicator id>' of plan " + in_quotes(name),
          "its indicators are " + id_list);
    return {};
  }
  const Indicator* ind = plan->find(id_value.to_text());
  if (!ind) {
    error(id_value, "no indicator " + in_quotes(id_value.to_text()) + " in plan " + in_quotes(name),
          did_you_mean_hint(id_value.to_text(), ids));
    return {};
  }
  return indicator_html(*plan, *ind, id, view);
}

}  // namespace firefly
