// The search index made by a build: its languages on a pipeline (a writer thread, each
// language's files made on several threads before the next one's pages are tokenized)
// must give the bytes of one language made at a time, on one thread.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "commands/build_state.h"
#include "commands/update_fixture_for_tests.h"
#include "core/json.h"
#include "render/search_index.h"
#include "render/search_shards.h"
#include "render/site_paths.h"

namespace firefly {

namespace {

/// The files of the search index (search/<language>/...) of a full build of `site` on `jobs`
/// threads.
Files built_search_files(const SiteCopy& site, int jobs) {
  Diagnostics diags;
  BuildOptions o = options_for(site.dir());
  o.keep_state = false;
  o.jobs = jobs;
  BuildResult result = run_build(o, diags);
  REQUIRE(result.exit_code == 0);
  Files files;
  for (OutputFile& f : result.output) {
    // search/<language>/..., not the search page
    if (in_search_index(f.path) && f.path.find('/', 7) != std::string::npos) {
      files[f.path] = f.bytes;
    }
  }
  return files;
}

/// `set` as files, with the build's paths; checks that it is sorted by path.
Files as_files(const BuildState& state, OutputSet& set) {
  SitePaths paths(*state.config);
  Files files;
  for (size_t i = 0; i < set.size(); ++i) {
    if (i) CHECK(set[i - 1].path < set[i].path);
    paths.apply(set[i]);
    files[set[i].path] = set[i].bytes;
  }
  return files;
}

}  // namespace

TEST_CASE("the search index is the same pipelined on several threads as a language at a time") {
  SiteCopy site;
  Files one = built_search_files(site, 1);
  REQUIRE(site.read("site.yaml").find("{code: vi") != std::string::npos);  // three languages
  CHECK(one.count("search/vi/index.json"));
  CHECK(one.size() > 20);
  CHECK(built_search_files(site, 2) == one);
  CHECK(built_search_files(site, 4) == one);

  Diagnostics diags;
  BuildResult kept = run_build(options_for(site.dir()), diags);
  REQUIRE(kept.state);
  const BuildState& state = *kept.state;
  for (int jobs : {1, 3}) {
    INFO(jobs);
    OutputSet all;
    render_search_index(*state.site, state.bodies, *state.datasets, all, jobs);
    CHECK(as_files(state, all) == one);
    Files by_language;
    for (const Language& lang : state.site->config->languages) {
      OutputSet set;
      render_search_index(*state.site, state.bodies, *state.datasets, lang, set, jobs);
      Files files = as_files(state, set);
      by_language.insert(files.begin(), files.end());
    }
    CHECK(by_language == one);
  }
}

TEST_CASE("the search index holds content pages, datasets and indicators, not lists") {
  SiteCopy site;
  Files files = built_search_files(site, 1);
  std::string listed;  // every result chunk's entries
  for (const auto& [path, bytes] : files) {
    if (path.rfind("search/en/d/", 0) == 0) listed += bytes;
  }
  CHECK(listed.find("\"/en/stories/story-1/\"") != std::string::npos);
  CHECK(listed.find("\"/en/data/counts/\"") != std::string::npos);
  CHECK(listed.find("\"/en/data/plan/indicators/classes/\"") != std::string::npos);
  // Not the home page, a section, a taxonomy's term or a plan's scorecard.
  CHECK(listed.find("\"/en/\"") == std::string::npos);
  CHECK(listed.find("\"/en/stories/\"") == std::string::npos);
  CHECK(listed.find("/tags/") == std::string::npos);
  CHECK(listed.find("/scorecard/") == std::string::npos);
  // Indicators last, ranked after every other page from the manifest's "late" on.
  CHECK(listed.rfind("/indicators/") > listed.rfind("/stories/"));
  CHECK(files["search/en/index.json"].find("\"late\":") != std::string::npos);
  // A page's terms are indexed by their names, not under the taxonomy's title ("Tags").
  const std::string& shard = files["search/en/s/0.txt"];
  CHECK(shard.find("\nvolunteers\t") != std::string::npos);
  CHECK(shard.find("\ntags\t") == std::string::npos);
}

TEST_CASE("the manifest names the pages a language shows untranslated, as its chunks do") {
  SiteCopy site;
  Files files = built_search_files(site, 1);
  // Which pages of `lang`'s index are shown untranslated: by their chunks (a fifth item,
  // the language they are written in) and by the manifest's "fallback" (runs of ids).
  auto by_chunks = [&](const std::string& lang) {
    std::vector<bool> out;
    for (int n = 0; files.count("search/" + lang + "/d/" + std::to_string(n) + ".json"); ++n) {
      std::optional<Value> chunk =
          parse_json(files["search/" + lang + "/d/" + std::to_string(n) + ".json"]);
      REQUIRE(chunk);
      for (const Value& d : chunk->get("d").as_list()) out.push_back(d.as_list().size() == 5);
    }
    return out;
  };
  auto by_manifest = [&](const std::string& lang, size_t docs) {
    std::optional<Value> m = parse_json(files["search/" + lang + "/index.json"]);
    REQUIRE(m);
    std::vector<bool> out(docs);
    if (!m->find("fallback")) return out;
    const std::string& runs = m->get("fallback").as_string();
    size_t i = 0, end = 0;
    while (i < runs.size()) {
      std::optional<uint32_t> gap = read_vlq(runs, &i), length = read_vlq(runs, &i);
      REQUIRE((gap && length && *length > 0));
      for (size_t id = end + *gap; id < end + *gap + *length; ++id) out.at(id) = true;
      end += *gap + *length;
    }
    return out;
  };
  // vi has no stories of its own: it shows zh-TW's, untranslated; the default language
  // shows none.
  std::vector<bool> vi = by_chunks("vi");
  CHECK(std::count(vi.begin(), vi.end(), true) >= 4);
  CHECK(std::count(vi.begin(), vi.end(), false) >= 1);
  for (const std::string lang : {"zh-TW", "en", "vi"}) {
    INFO(lang);
    std::vector<bool> shown = by_chunks(lang);
    CHECK(by_manifest(lang, shown.size()) == shown);
  }
  CHECK(files["search/zh-TW/index.json"].find("\"fallback\"") == std::string::npos);
}

}  // namespace firefly
