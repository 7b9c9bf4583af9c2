#include "render/data_views.h"

#include "core/parallel.h"
#include "render/chart.h"
#include "render/collate.h"
#include "render/dataset_page.h"
#include "render/embed.h"
#include "render/language_runs.h"
#include "render/plan_embed.h"
#include "render/scorecard.h"

namespace firefly {

DataSite make_data_site(const SiteConfig& config) {
  DataSite s;
  s.title = config.title;
  s.description = config.description;
  s.base_url = config.base_url;
  s.publisher_name = config.publisher.name;
  s.publisher_email = config.publisher.email;
  s.data_license = config.data_license;
  s.commit_lang = config.commit_lang;
  for (const Language& l : config.languages)
    s.languages.push_back({l.code, l.html_lang, l.calendar});
  return s;
}

namespace {
DataView data_view(const DataSite& site, const std::string& lang, const Value& t) {
  DataView v;
  v.lang = lang;
  v.default_lang = site.default_lang();
  for (const auto& l : site.languages) {
    if (l.code == lang) {
      v.html_lang = l.html_lang;
      v.calendar = l.calendar;
    }
    v.tags.emplace_back(l.code, l.html_lang);
    v.scripts.add(l.html_lang);
  }
  v.t = t;
  v.base_url = site.base_url;
  v.site_license = site.data_license;
  v.commit_lang = site.commit_lang;
  v.publisher = site.publisher_name;
  return v;
}
/// The languages of all.zip's README and metadata citations: the default one, then English.
std::vector<DataView> readme_views(const DataSite& site, const Theme& theme) {
  std::vector<DataView> views{
      data_view(site, site.default_lang(), theme.strings(site.default_lang()))};
  if (site.default_lang() != "en") views.push_back(data_view(site, "en", theme.strings("en")));
  return views;
}

}  // namespace

DataViews::DataViews(const std::vector<Dataset>& datasets, const DataSite& site, const Theme& theme,
                     const std::vector<IndicatorSet>* plans, bool spool_files,
                     std::set<std::string> withheld, const DataManifest* reuse,
                     const DataFilesBefore* before, int jobs)
    : datasets_(datasets),
      site_(site),
      theme_(theme),
      plans_(plans),
      withheld_(std::move(withheld)),
      spool_(spool_files && !reuse ? std::make_unique<TempSpool>() : nullptr),
      manifest_(reuse ? without_charts(*reuse)
                      : make_data_manifest(datasets, site, spool_ ? spool_->spool() : DataSpool{},
                                           readme_views(site, theme), before, jobs)) {
  for (const Dataset& d : datasets_) by_name_[d.name] = &d;
}

const Dataset* DataViews::find(const std::string& name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : it->second;
}

const IndicatorSet* DataViews::find_plan(const std::string& name) const {
  if (!plans_) return nullptr;
  for (const IndicatorSet& p : *plans_) {
    if (p.dataset == name) return &p;
  }
  return nullptr;
}

Value DataViews::scorecard(const std::string& name, const Language& lang) const {
  const IndicatorSet* plan = find_plan(name);
  const Dataset* d = find(name);
  if (!plan || !d) return Value();
  return scorecard_context(*plan, *d, data_view(site_, lang.code, theme_.strings(lang.code)));
}

Value DataViews::indicator(const std::string& name, const std::string& id,
                           const Language& lang) const {
  const IndicatorSet* plan = find_plan(name);
  const Dataset* d = find(name);
  const Indicator* ind = plan ? plan->find(id) : nullptr;
  if (!ind || !d) return Value();
  const ChartHtml* chart = prepared_chart(name + "\n" + id + "\n" + lang.code);
  return indicator_context(*plan, *d, *ind, data_view(site_, lang.code, theme_.strings(lang.code)),
                           chart ? &chart->chart : nullptr);
}

std::string DataViews::scorecard_url(const std::string& name, const Language& lang) const {
  const IndicatorSet* plan = find_plan(name);
  return plan
             ? firefly::scorecard_url(*plan, data_view(site_, lang.code, theme_.strings(lang.code)))
             : std::string();
}

Value DataViews::datasets(const Language& lang) const {
  DataView view = data_view(site_, lang.code, theme_.strings(lang.code));
  List list;
  for (const Dataset& d : datasets_) {
    Value item = dataset_list_item(d, view);
    if (const IndicatorSet* plan = find_plan(d.name)) {
      Map m = item.as_map();
      m.emplace_back("scorecard_url", Value(firefly::scorecard_url(*plan, view)));
      m.emplace_back("scorecard_title", Value(view.pick(plan->title)));
      m.emplace_back("scorecard_title_lang", Value(view.lang_of(plan->title)));
      view.add_marked(m, "scorecard_title", plan->title, view.lang_of(plan->title));
      item = Value(std::move(m));
    }
    list.push_back(std::move(item));
  }
  sort_by_title(list, lang.html_lang);
  return Value(std::move(list));
}

Value DataViews::dataset(const std::string& name, const Language& lang, const Value& t) const {
  const Dataset* d = find(name);
  return d ? dataset_context(*d, manifest_.dataset_files(name), site_,
                             data_view(site_, lang.code, t), manifest_.dataset_versions(name),
                             prepared_chart(name + "\n" + lang.code))
           : Value();
}

std::string DataViews::jsonld(const std::string& name, const Language& lang) const {
  const Dataset* d = find(name);
  return d ? dataset_jsonld(*d, manifest_.dataset_files(name), site_,
                            data_view(site_, lang.code, theme_.strings(lang.code)))
           : std::string();
}

std::string DataViews::embed(const Embed& embed, const Page& page, Diagnostics& diags,
                             std::vector<DataFile>* chart_files) const {
  DataView view = data_view(site_, page.lang, theme_.strings(page.lang));
  view.chart_files = chart_files;
  std::string html;
  if (embed.kind == "scorecard" || embed.kind == "indicator") {
    static const std::vector<IndicatorSet> kNoPlans;
    html = render_plan_embed(embed.kind, embed.yaml, page.source->path, embed.line,
                             plans_ ? *plans_ : kNoPlans, view, diags, withheld_);
  } else {
    html = render_embed(embed.kind, embed.yaml, page.source->path, embed.line, datasets_, view,
                        diags, withheld_);
  }
  // 做工行善團 in an English chart's or table's title: marked as Chinese.
  html = mark_language_runs(std::move(html), view.html_lang, view.scripts);
  // An untranslated page (its text in the original's lang) shows the embed in the reader's
  // language: the embed says so.
  for (const DataSite::Language& reader : site_.languages) {
    if (page.fallback && reader.code == page.lang && !html.empty()) {
      html = "<div lang=\"" + reader.html_lang + "\">\n" + html + "</div>\n";
    }
  }
  return html;
}

const ChartHtml* DataViews::prepared_chart(const std::string& key) const {
  auto it = chart_html_.find(key);
  return it == chart_html_.end() ? nullptr : &it->second;
}

const Value& DataViews::strings(const std::string& lang) const { return theme_.strings(lang); }

void DataViews::prepare_charts(const Site& site, std::vector<DataFile> embedded, int jobs) {
  struct Work {
    std::string key;
    const Page* page;
    ChartHtml html;
    std::vector<DataFile> files;
  };
  std::vector<Work> work;
  for (const auto& p : site.pages) {
    const Dataset* d = find(p->dataset);
    if (!d) continue;
    if (p->kind == PageKind::kDataset && d->chart) {
      work.push_back({p->dataset + "\n" + p->lang, p.get(), {}, {}});
    } else if (p->kind == PageKind::kIndicator) {
      work.push_back({p->dataset + "\n" + p->indicator + "\n" + p->lang, p.get(), {}, {}});
    }
  }
  parallel_for(work.size(), jobs, [&](size_t i) {
    Work& w = work[i];
    const Page& page = *w.page;
    const Dataset& d = *find(page.dataset);
    DataView view = data_view(site_, page.lang, theme_.strings(page.lang));
    view.chart_files = &w.files;
    if (page.kind == PageKind::kDataset) {
      w.html = dataset_chart(d, view);
    } else if (const IndicatorSet* plan = find_plan(page.dataset)) {
      if (const Indicator* ind = plan->find(page.indicator)) {
        w.html.chart = indicator_chart(*plan, *ind, kIndicatorChartId, view);
      }
    }
  });
  for (Work& w : work) {
    chart_html_[w.key] = std::move(w.html);
    for (DataFile& f : w.files) embedded.push_back(std::move(f));
  }
  add_chart_files(manifest_, std::move(embedded));
}

}  // namespace firefly

namespace firefly {

Value DataViews::bulk_downloads(const Language& lang) const {
  return catalogue_downloads(manifest_.catalogue,
                             data_view(site_, lang.code, theme_.strings(lang.code)));
}

}  // namespace firefly
