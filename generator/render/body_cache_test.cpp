#include "render/body_cache.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "core/yaml.h"
#include "render/data_views.h"
#include "render/theme.h"

namespace firefly {

namespace {

/// A two-language site made from Markdown files, and its bodies rendered as `serve` does.
struct Bodies {
  std::vector<SourcePage> sources;
  std::unique_ptr<Site> site;
  std::vector<Body> bodies;
  BodyCache cache;
  Diagnostics diags;
  size_t rendered = 0;
};

class Fixture {
 public:
  Fixture() {
    config_ = site_config_from(
        parse_yaml("title: T\nlanguages:\n  - {code: zh-TW}\n  - {code: en}\n", "site.yaml", d_),
        d_);
    REQUIRE(config_);
    theme_ = load_theme(std::filesystem::temp_directory_path() / "firefly-no-site", *config_, d_);
    REQUIRE(theme_);
    data_.emplace(no_datasets_, data_site_, *theme_);
  }

  /// Renders the bodies of the site of `files` (path, text), taking what it can from
  /// `previous`.
  std::unique_ptr<Bodies> render(const std::vector<std::pair<std::string, std::string>>& files,
                                 const Bodies* previous = nullptr) {
    auto out = std::make_unique<Bodies>();
    out->sources.reserve(files.size());
    for (const auto& [path, text] : files) {
      out->sources.emplace_back();
      REQUIRE(load_source_page(path, text, *config_, out->sources.back(), d_));
    }
    out->site = build_site(*config_, out->sources, {}, d_);
    REQUIRE(out->site);
    out->bodies = render_bodies_reusing(
        *out->site, *data_, 0, previous ? &previous->cache : nullptr,
        previous ? &previous->bodies : nullptr, out->cache, 1, out->diags, nullptr, &out->rendered);
    return out;
  }

 private:
  Diagnostics d_;
  std::optional<SiteConfig> config_;
  std::unique_ptr<Theme> theme_;
  std::vector<Dataset> no_datasets_;
  DataSite data_site_;
  std::optional<DataViews> data_;
};

/// The body of the page at `url`.
std::string html_of(const Bodies& b, const std::string& url) {
  for (size_t i = 0; i < b.site->pages.size(); ++i) {
    if (b.site->pages[i]->url == url) return b.bodies[i].html.str();
  }
  return "";
}

std::vector<std::string> messages(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.sorted()) out.push_back(d.path + ": " + d.message);
  return out;
}

const std::pair<std::string, std::string> kA{"content/a.md",
                                             "---\ntitle: A\n---\n[b](/b/) and [x](/nowhere/)\n"};
const std::pair<std::string, std::string> kB{"content/b.md", "---\ntitle: B\n---\nB text\n"};

}  // namespace

TEST_CASE("a body taken over reports its links' problems without resolving them again") {
  Fixture f;
  auto first = f.render({kA, kB});
  REQUIRE(first->diags.error_count() == 1);  // /nowhere/, in the zh-TW page of a.md only
  CHECK(first->rendered == 4);               // each source in two languages

  auto again = f.render({kA, kB}, first.get());
  CHECK(again->rendered == 0);
  CHECK(again->cache.link_targets == first->cache.link_targets);
  CHECK(messages(again->diags) == messages(first->diags));

  // While the link targets are the same, the problems reported are those recorded (the
  // links are not resolved again): a record changed by hand shows.
  for (BodyOrigin& origin : again->cache.origins) {
    if (origin.link_problems) {
      auto edited = *origin.link_problems;
      edited[0].message = "recorded";
      origin.link_problems = std::make_shared<const std::vector<Diagnostic>>(edited);
    }
  }
  auto third = f.render({kA, kB}, again.get());
  CHECK(third->rendered == 0);
  REQUIRE(third->diags.error_count() == 1);
  CHECK(third->diags.sorted()[0].message == "recorded");
}

TEST_CASE("when the link targets change, taken bodies resolve their links again") {
  Fixture f;
  auto first = f.render({kA, kB});
  // A text edit leaves the targets as they were.
  auto edited = f.render({kA, {"content/b.md", "---\ntitle: B\n---\nOther text\n"}});
  CHECK(edited->cache.link_targets == first->cache.link_targets);

  // A new page: a's links give what they gave, and the broken one is still reported.
  std::pair<std::string, std::string> c{"content/c.md", "---\ntitle: C\n---\nC\n"};
  auto added = f.render({kA, kB, c}, first.get());
  CHECK(added->cache.link_targets != first->cache.link_targets);
  CHECK(added->rendered == 2);  // c in two languages
  CHECK(messages(added->diags) == messages(first->diags));

  // The page a links to appears: a renders again, and its link is no longer broken.
  std::pair<std::string, std::string> nowhere{"content/nowhere.md", "---\ntitle: N\n---\nN\n"};
  auto fixed = f.render({kA, kB, nowhere}, first.get());
  CHECK(fixed->diags.error_count() == 0);
  CHECK(html_of(*fixed, "/en/a/").find("href=\"/en/nowhere/\"") != std::string::npos);
  // And a taken body whose links' problems were checked again records them anew.
  auto back = f.render({kA, kB}, fixed.get());
  CHECK(html_of(*back, "/en/a/").find("href=\"/nowhere/\"") != std::string::npos);
  CHECK(messages(back->diags) == messages(first->diags));
}

}  // namespace firefly
