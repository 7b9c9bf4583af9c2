#include "model/site.h"

#include "core/text.h"

namespace firefly {

std::string_view kind_name(PageKind kind) {
  switch (kind) {
    case PageKind::kHome:
      return "home";
    case PageKind::kSection:
      return "section";
    case PageKind::kPage:
      return "page";
    case PageKind::kTaxonomy:
      return "taxonomy";
    case PageKind::kTerm:
      return "term";
    case PageKind::kData:
      return "data";
    case PageKind::kDataset:
      return "dataset";
    case PageKind::kScorecard:
      return "scorecard";
    case PageKind::kIndicator:
      return "indicator";
    case PageKind::kSearch:
      return "search";
    case PageKind::kSitemap:
      return "sitemap";
    case PageKind::kNotFound:
      return "404";
    case PageKind::kRedirect:
      return "redirect";
  }
  return "page";
}

const Page* Site::find(const std::string& key, const std::string& lang) const {
  auto g = groups.find(key);
  if (g == groups.end()) return nullptr;
  auto p = g->second.find(lang);
  return p == g->second.end() ? nullptr : p->second;
}

bool Site::withheld(const std::string& path) const {
  if (withheld_files.count(path)) return true;
  if (withheld_datasets.empty()) return false;
  std::string_view rest = path;
  if (size_t data = rest.find("/data/"); data != std::string_view::npos && data > 0) {
    // Only after a language's prefix ("/en/data/...").
    const std::string lang(rest.substr(1, data - 1));
    if (!config || !config->language(lang) || lang_prefix(lang).empty()) return false;
    rest.remove_prefix(data);
  }
  if (!starts_with(rest, "/data/")) return false;
  rest.remove_prefix(6);
  const std::string name(rest.substr(0, rest.find_first_of("/.")));
  return withheld_datasets.count(name) > 0;
}

std::string Site::absolute_url(std::string_view url) const {
  std::string_view base = config->base_url;
  if (!base.empty() && base.back() == '/' && !url.empty() && url[0] == '/') base.remove_suffix(1);
  std::string out;  // one allocation: sitemap.xml makes several per page
  out.reserve(base.size() + url.size());
  out.append(base).append(url);
  return out;
}

std::string Site::lang_prefix(const std::string& lang) const {
  return lang == config->default_language().code ? "" : "/" + lang;
}

void Site::title_dataset_page(Page& page) const {
  const std::string& def = config->default_language().code;
  page.title.clear();
  page.title_lang.clear();
  for (const auto& [name, title] : datasets) {
    if (name != page.dataset) continue;
    page.title = title.get(page.lang, def);
    if (std::string_view in = title.lang_of(page.lang, def); !in.empty() && in != page.lang) {
      page.title_lang = std::string(in);
    }
    return;
  }
}

std::unique_ptr<Site> site_of_inputs(const SiteConfig& config, const SiteInputs& inputs) {
  auto site = std::make_unique<Site>();
  site->config = &config;
  site->files = inputs.files;
  site->datasets = inputs.datasets;
  site->plans = inputs.plans;
  site->withheld_datasets = inputs.withheld_datasets;
  site->withheld_files = inputs.withheld_files;
  return site;
}

}  // namespace firefly
