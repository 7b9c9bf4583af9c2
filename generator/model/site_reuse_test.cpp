#include "model/site_reuse.h"

#include <doctest/doctest.h>

#include <memory>
#include <set>
#include <string>

#include "core/yaml.h"
#include "model/config_for_tests.h"

namespace firefly {

namespace {

std::shared_ptr<const SourcePage> source(const SiteConfig& config, const std::string& path,
                                         const std::string& text) {
  Diagnostics diags;
  auto page = std::make_shared<SourcePage>();
  REQUIRE(load_source_page(path, text, config, *page, diags));
  return page;
}

const char* kSite =
    "title: T\nlanguages:\n  - {code: zh-TW, html_lang: zh-Hant-TW}\n  - {code: en}\n"
    "collections:\n  people: {sort: title, paginate: 2}\n";

/// Every page of `site` with what the graph says of it, the pages it lists by address,
/// and which of `sources` it shows.
std::string describe(const Site& site, const SourcePages& sources) {
  std::string out;
  for (const auto& p : site.pages) {
    out += std::string(kind_name(p->kind)) + " " + p->lang + " " + p->key + " " + p->url + " " +
           p->out_path + " " + p->title + (p->fallback ? " fallback" : "") + " [";
    for (const Page* q : p->list) out += q->url + " ";
    out += "] source ";
    for (size_t i = 0; i < sources.size(); ++i) {
      if (sources[i].get() == p->source) out += std::to_string(i);
    }
    out += "\n";
  }
  for (const auto& [url, page] : site.by_url) out += url + " -> " + page->out_path + "\n";
  return out;
}

/// True when every page pointer of `site` points to a page of `site`.
bool points_within(const Site& site) {
  std::set<const Page*> own;
  for (const auto& p : site.pages) own.insert(p.get());
  for (const auto& p : site.pages) {
    for (const Page* q : p->list) {
      if (!own.count(q)) return false;
    }
  }
  for (const auto& [key, by_lang] : site.groups) {
    for (const auto& [lang, page] : by_lang) {
      if (!own.count(page)) return false;
    }
  }
  for (const auto& [url, page] : site.by_url) {
    if (!own.count(page)) return false;
  }
  return true;
}

struct Fixture {
  SiteConfig config = config_from(kSite);
  SourcePages sources = {
      source(config, "content/people/a.md", "---\ntitle: 林\n---\nLin.\n"),
      source(config, "content/people/b.md", "---\ntitle: 王\n---\nWang.\n"),
      source(config, "content/people/c.md", "---\ntitle: 張\n---\nZhang.\n"),
      source(config, "content/people/c.en.md", "---\ntitle: Zhang\n---\nZhang.\n"),
  };
  SiteInputs inputs;
  std::unique_ptr<Site> before;

  Fixture() {
    inputs.config_print = 7;
    inputs.now = 1'900'000'000;  // 2030-03-17
    Diagnostics diags;
    before = build_site(config, sources, inputs, diags);
    REQUIRE_FALSE(diags.has_errors());
  }

  /// `sources` with the one at `index` replaced by `text`.
  SourcePages with(size_t index, const std::string& text) const {
    SourcePages next = sources;
    next[index] = source(config, sources[index]->path, text);
    return next;
  }
};

}  // namespace

TEST_CASE("reuse_site copies the graph when a page's text alone changed") {
  Fixture f;
  SourcePages next = f.with(1, "---\ntitle: 王\n---\nWang, written again.\n");
  std::unique_ptr<Site> reused = reuse_site(*f.before, f.sources, f.config, next, f.inputs);
  REQUIRE(reused);
  Diagnostics diags;
  std::unique_ptr<Site> built = build_site(f.config, next, f.inputs, diags);
  CHECK(describe(*reused, next) == describe(*built, next));
  CHECK(describe(*reused, next).find("source 1\n") != std::string::npos);  // the new one
  CHECK(points_within(*reused));
  CHECK(reused->find("people/b", "zh-TW")->source == next[1].get());
  CHECK(reused->find("people/b", "en")->source == next[1].get());  // its fallback too
  CHECK(reused->config == &f.config);
  // Taken over again from the copy.
  SourcePages third = f.with(0, "---\ntitle: 林\n---\nLin again.\n");
  third[1] = next[1];
  CHECK(reuse_site(*reused, next, f.config, third, f.inputs));
}

TEST_CASE("reuse_site shares the pages that did not change and leaves the old graph as it was") {
  Fixture f;
  std::string was = describe(*f.before, f.sources);
  SourcePages next = f.with(1, "---\ntitle: 王\n---\nWang, written again.\n");
  std::unique_ptr<Site> reused = reuse_site(*f.before, f.sources, f.config, next, f.inputs);
  REQUIRE(reused);
  REQUIRE(reused->pages.size() == f.before->pages.size());
  // Not shared: the edited page in both languages (the English one falls back to it),
  // and the section page listing it in each language; a and c, and the other section
  // pages, are shared.
  std::set<std::string> anew, listing_b;
  for (size_t i = 0; i < reused->pages.size(); ++i) {
    const Page& p = *reused->pages[i];
    std::string name = std::string(kind_name(p.kind)) + " " + p.lang + " " + p.key;
    if (&p != f.before->pages[i].get()) anew.insert(name);
    for (const Page* q : p.list) {
      if (q->key == "people/b") listing_b.insert(name);
    }
  }
  REQUIRE(listing_b.size() == 2);
  std::set<std::string> expected = {"page en people/b", "page zh-TW people/b"};
  expected.insert(listing_b.begin(), listing_b.end());
  CHECK(anew == expected);
  CHECK(reused->find("people/a", "zh-TW") == f.before->find("people/a", "zh-TW"));
  CHECK(reused->find("people/c", "en") == f.before->find("people/c", "en"));
  CHECK(reused->find("people/b", "en") != f.before->find("people/b", "en"));
  CHECK(points_within(*reused));
  // A translation marked stale is made anew, unmarked (marked again after), so that
  // marking it never writes a page the graph before still holds.
  Page* stale = const_cast<Page*>(f.before->find("people/c", "en"));
  stale->stale_original = f.before->find("people/c", "zh-TW");
  std::unique_ptr<Site> again = reuse_site(*f.before, f.sources, f.config, next, f.inputs);
  REQUIRE(again);
  CHECK(again->find("people/c", "en") != stale);
  CHECK(again->find("people/c", "en")->stale_original == nullptr);
  CHECK(again->find("people/a", "en") == f.before->find("people/a", "en"));
  CHECK(points_within(*again));
  stale->stale_original = nullptr;
  // The graph before still shows the sources it was built from.
  CHECK(describe(*f.before, f.sources) == was);
  CHECK(points_within(*f.before));
}

TEST_CASE("reuse_site builds again when the graph could be another or report something") {
  Fixture f;
  auto reused = [&](const SourcePages& next, const SiteInputs& inputs) {
    return reuse_site(*f.before, f.sources, f.config, next, inputs) != nullptr;
  };
  CHECK(reused(f.sources, f.inputs));
  // A value of the front matter, or where one is written (an error would point elsewhere).
  CHECK_FALSE(reused(f.with(1, "---\ntitle: 黃\n---\nWang.\n"), f.inputs));
  CHECK_FALSE(reused(f.with(1, "---\n# who\ntitle: 王\n---\nWang.\n"), f.inputs));
  CHECK_FALSE(reused(f.with(1, "---\ntitle:  王\n---\nWang.\n"), f.inputs));
  // A page more or less.
  SourcePages more = f.sources;
  more.push_back(source(f.config, "content/people/d.md", "---\ntitle: 陳\n---\n"));
  CHECK_FALSE(reused(more, f.inputs));
  // Other inputs: a static file, the configuration, or none known.
  SiteInputs inputs = f.inputs;
  inputs.files.insert("/logo.png");
  CHECK_FALSE(reused(f.sources, inputs));
  inputs = f.inputs;
  inputs.config_print = 8;
  CHECK_FALSE(reused(f.sources, inputs));
  inputs.config_print = 0;
  CHECK_FALSE(reused(f.sources, inputs));
  // A page waiting for its publish time, until that time comes.
  // (Its English translation says it is published first: else it would wait too.)
  SourcePages waiting = f.with(2, "---\ntitle: 張\npublish_at: 2031-01-01\n---\nZhang.\n");
  waiting[3] =
      source(f.config, "content/people/c.en.md", "---\ntitle: Zhang\ndraft: false\n---\nZhang.\n");
  Diagnostics diags;
  std::unique_ptr<Site> later = build_site(f.config, waiting, f.inputs, diags);
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(later->find("people/c", "zh-TW"));
  CHECK(later->find("people/c", "zh-TW")->fallback);  // the English page, until then
  CHECK(reuse_site(*later, waiting, f.config, waiting, f.inputs));
  inputs = f.inputs;
  inputs.now = 1'950'000'000;  // 2031-10-17
  CHECK_FALSE(reuse_site(*later, waiting, f.config, waiting, inputs));
  // A graph whose build reported a problem (a page without a title).
  SourcePages untitled = f.with(0, "---\nweight: 1\n---\nLin.\n");
  Diagnostics reported;
  std::unique_ptr<Site> failed = build_site(f.config, untitled, f.inputs, reported);
  REQUIRE(reported.has_errors());
  CHECK_FALSE(reuse_site(*failed, untitled, f.config, untitled, f.inputs));
}

TEST_CASE("a translation of an original not yet published waits, or says it is published first") {
  Fixture f;
  for (const char* original : {"---\ntitle: 張\npublish_at: 2031-01-01\n---\nZhang.\n",
                               "---\ntitle: 張\ndraft: true\n---\nZhang.\n"}) {
    SourcePages held = f.with(2, original);
    Diagnostics diags;
    build_site(f.config, held, f.inputs, diags);
    std::vector<Diagnostic> errors = diags.sorted();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "content/people/c.en.md");
    const bool draft = std::string(original).find("draft") != std::string::npos;
    CHECK(errors[0].message ==
          std::string("this translation would be published now, while its original "
                      "content/people/c.md ") +
              (draft ? "is a draft" : "waits until 2031-01-01"));
    // Said in the translation: published first, or held as well.
    for (const char* own : {"draft: false", "draft: true", "publish_at: 2031-01-01"}) {
      SourcePages said = held;
      said[3] = source(f.config, "content/people/c.en.md",
                       std::string("---\ntitle: Zhang\n") + own + "\n---\nZhang.\n");
      Diagnostics quiet;
      build_site(f.config, said, f.inputs, quiet);
      CHECK_FALSE(quiet.has_errors());
    }
  }
}

}  // namespace firefly
