#include "commands/build.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <string_view>
#include <thread>

#include "commands/build_state.h"
#include "commands/data_views.h"
#include "config/site_config.h"
#include "core/date.h"
#include "core/fs.h"
#include "emit/writer.h"
#include "load/content.h"
#include "load/dataset.h"
#include "model/site.h"
#include "render/body.h"
#include "render/context.h"
#include "render/data_files.h"
#include "render/pages.h"
#include "render/cms.h"
#include "render/site_files.h"
#include "render/site_paths.h"
#include "render/theme.h"

namespace firefly {

namespace fs = std::filesystem;

namespace {

/// static/ files of the site, published as they are.
void add_static_files(const fs::path& site_dir, OutputSet& out, std::set<std::string>& paths,
                      Diagnostics& diags) {
  std::vector<std::string> escaped;
  for (const FoundFile& f : list_files(site_dir / "static", site_dir, &escaped)) {
    out.push_back({f.rel, "", f.full.string()});
    paths.insert("/" + f.rel);
  }
  for (const std::string& rel : escaped) {
    diags.error("static/" + rel, {}, "this is a symbolic link to a place outside the site",
                "copy the file into static/ instead");
  }
}

/// Images named in front matter must be published files.
void check_front_matter_images(const Site& site, Diagnostics& diags) {
  for (const auto& p : site.pages) {
    if (!p->source || p->fallback) continue;
    for (const Value& img : p->source->front.get("images").as_list()) {
      const Value& src = img.get("src");
      std::string s = src.to_text();
      if (!s.empty() && s[0] == '/' && !site.files.count(s)) {
        diags.error(p->source->path, src.pos, "the image " + s + " is not in static/",
                    "put the file at static" + s);
      }
    }
  }
}

/// Per-step wall times on stderr when FIREFLY_TIMINGS is set to a non-empty, non-"0" value.
class StepTimer {
 public:
  StepTimer() {
    const char* v = std::getenv("FIREFLY_TIMINGS");
    on_ = v && *v && std::string_view(v) != "0";
    last_ = std::chrono::steady_clock::now();
  }
  void step(const char* name) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "firefly timings: %-22s %8.3f s\n", name,
                 std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }

 private:
  bool on_ = false;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace

BuildResult run_build(const BuildOptions& options, Diagnostics& diags) {
  auto start = std::chrono::steady_clock::now();
  BuildResult result;
  auto state = std::make_shared<BuildState>();
  BuildState& st = *state;
  st.options = options;
  st.jobs = options.jobs > 0 ? options.jobs
                             : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int jobs = st.jobs;
  const fs::path& site_dir = options.site_dir;
  StepTimer timer;

  // Load: configuration, theme, content, data.
  st.config = load_site_config(site_dir, diags);
  if (!st.config) {
    result.exit_code = 2;
    return result;
  }
  SiteConfig& config = *st.config;
  if (!options.base_url.empty()) {
    config.base_url = options.base_url;
    if (config.base_url.back() != '/') config.base_url += '/';
  }
  timer.step("load config");
  st.theme = load_theme(site_dir, config, diags);
  const Theme* theme = st.theme.get();
  timer.step("load theme");
  st.sources = load_content(site_dir, config, jobs, diags);
  add_git_dates(site_dir, st.sources);
  timer.step("load content");
  st.datasets = load_datasets(site_dir, diags);
  const std::vector<Dataset>& datasets = st.datasets;
  timer.step("load data");

  // Model: the site graph.
  OutputSet output;
  SiteInputs inputs;
  inputs.drafts = options.drafts;
  inputs.today = today().iso();
  add_static_files(site_dir, output, inputs.files, diags);
  if (theme) {
    for (const OutputFile& f : theme->files()) inputs.files.insert("/" + f.path);
    for (const Language& lang : config.languages) {
      const Value& t = theme->strings(lang.code);
      inputs.generated_titles[lang.code] = {{"data", t.get("data_catalogue").to_text()},
                                            {"search", t.get("search").to_text()},
                                            {"sitemap", t.get("sitemap").to_text()},
                                            {"404", t.get("not_found_title").to_text()}};
    }
  }
  for (const Dataset& d : datasets) {
    inputs.datasets.emplace_back(d.name, d.title);
    for (const char* ext : {".csv", ".excel.csv", ".json"}) {
      inputs.files.insert("/data/" + d.name + ext);
    }
  }
  if (!datasets.empty()) {
    for (const char* f : {"datapackage.json", "catalog.jsonld", "SHA256SUMS", "all.zip"}) {
      inputs.files.insert(std::string("/data/") + f);
    }
  }
  st.site = build_site(config, st.sources, inputs, diags);
  const Site& site = *st.site;
  check_front_matter_images(site, diags);
  timer.step("model");
  if (!theme || diags.has_errors()) {
    result.exit_code = 1;
    return result;
  }

  // Render: bodies first (they find broken links), then everything else streams to the
  // writer, so no more than a page per thread is held in memory.
  st.data_site = make_data_site(config);
  const DataSite& data_site = st.data_site;
  const DataViewsImpl& data_views = st.data_views.emplace(datasets, data_site, *theme);
  st.bodies = render_bodies(site, data_views.embed_renderer(), jobs, diags);
  const std::vector<Body>& bodies = st.bodies;
  timer.step("bodies");
  result.languages = config.languages.size();
  result.datasets = datasets.size();
  for (const auto& p : site.pages) {
    if (p->kind != PageKind::kRedirect) ++result.pages;
  }
  for (const auto& [lang, keys] : theme->missing_strings()) {
    for (const std::string& k : keys) {
      result.translation_report.push_back(lang + ": theme string '" + k + "' is missing");
    }
  }
  for (const auto& p : site.pages) {
    if (p->fallback && p->source && p->page_number == 1) {
      result.translation_report.push_back(p->lang + ": " + p->source->path + " is not translated");
    }
  }
  if (diags.has_errors()) {
    result.exit_code = 1;
    return result;
  }

  fs::path out_dir = options.out_dir.empty() ? site_dir / "public" : options.out_dir;
  std::unique_ptr<OutputWriter> writer;
  if (options.write) writer = std::make_unique<OutputWriter>(out_dir, diags);
  std::mutex output_mu;
  std::atomic<size_t> files{0};
  SitePaths site_paths(config);
  OutputSink sink = [&](OutputFile&& f) {
    ++files;
    site_paths.apply(f);
    if (writer) {
      writer->add(std::move(f));
    } else {
      std::lock_guard lock(output_mu);
      result.output.push_back(std::move(f));
    }
  };
  auto drain = [&](OutputSet& set) {
    for (OutputFile& f : set) sink(std::move(f));
    set.clear();
  };
  drain(output);  // static files
  // Feeds, sitemaps and the search index are serial; they run beside the pages.
  std::thread site_files([&] {
    OutputSet files;
    render_feeds(site, bodies, files);
    render_sitemap_xml(site, files);
    render_search_index(site, bodies, files);
    drain(files);
  });
  const ContextBuilder& contexts = st.contexts.emplace(site, *theme, bodies, data_views.views());
  render_pages(site, *theme, contexts, jobs, sink, diags);
  site_files.join();
  timer.step("pages, feeds, search");
  render_data_files(datasets, data_site, output);
  render_cms(config, site.datasets, output);
  drain(output);
  timer.step("data files");
  for (const OutputFile& f : theme->files()) sink(OutputFile(f));
  result.files = files;
  if (diags.has_errors()) {
    result.exit_code = 1;
    return result;
  }

  // Emit: swap the new output in.
  if (writer) {
    PublishStats stats;
    if (!writer->commit(&stats)) {
      result.exit_code = 1;
      return result;
    }
    result.written = stats.written;
    timer.step("publish");
  } else if (!check_unique_paths(result.output, diags)) {
    result.exit_code = 1;
  }
  if (options.keep_state && result.exit_code == 0) result.state = std::move(state);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace firefly
