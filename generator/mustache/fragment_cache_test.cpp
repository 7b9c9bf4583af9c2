#include "mustache/fragment_cache.h"

#include <doctest/doctest.h>

#include <map>
#include <thread>

#include "core/json.h"
#include "mustache/template.h"

namespace firefly::mustache {
namespace {

std::shared_ptr<const Template> must_compile(std::string_view source) {
  auto result = compile(source);
  REQUIRE(std::holds_alternative<std::shared_ptr<const Template>>(result));
  return std::get<0>(result);
}

Value json(std::string_view text) {
  auto v = parse_json(text);
  REQUIRE(v.has_value());
  return *v;
}

/// Named templates rendered with and without one cache: the tests check the two agree.
struct Library {
  std::map<std::string, std::shared_ptr<const Template>, std::less<>> templates;
  FragmentCache cache;
  void add(const std::string& name, std::string_view source) {
    templates[name] = must_compile(source);
  }
  PartialLookup lookup() const {
    return [this](std::string_view name) -> const Template* {
      auto it = templates.find(name);
      return it == templates.end() ? nullptr : it->second.get();
    };
  }
  /// Renders `name` with the cache, and checks it against a render without it.
  std::string render_named(std::string_view name, const Value& context) {
    std::string with, without;
    const Template& t = *templates.find(name)->second;
    CHECK(!render(t, context, lookup(), with, {}, &cache));
    CHECK(!render(t, context, lookup(), without));
    CHECK(with == without);
    return with;
  }
};

/// A list page: a frame around cards that read the item and, outside it, the strings.
void add_cards(Library& lib) {
  lib.add("card", "<li>{{title}} {{t.more}}{{#date}} {{display}}{{/date}}</li>\n");
  lib.add("list", "<ul>\n{{#list}}\n{{>card}}\n{{/list}}\n</ul>\n{{page}}\n");
}

TEST_CASE("a card is rendered once and joined again on a page that shifts it") {
  Library lib;
  add_cards(lib);
  std::string a = lib.render_named("list", json(R"({"t": {"more": "More"}, "page": 1,
                      "list": [{"title": "A", "date": {"display": "May"}}, {"title": "B"}]})"));
  CHECK(a == "<ul>\n<li>A More May</li>\n<li>B More</li>\n</ul>\n1\n");
  CHECK(lib.cache.misses() == 2);
  CHECK(lib.cache.hits() == 0);
  // A new item first: the two cards before are taken, shifted by one place.
  std::string b = lib.render_named("list", json(R"({"t": {"more": "More"}, "page": 2,
                      "list": [{"title": "N"}, {"title": "A", "date": {"display": "May"}},
                               {"title": "B"}]})"));
  CHECK(b == "<ul>\n<li>N More</li>\n<li>A More May</li>\n<li>B More</li>\n</ul>\n2\n");
  CHECK(lib.cache.hits() == 2);
  CHECK(lib.cache.misses() == 3);
  CHECK(lib.cache.size() == 3);
}

TEST_CASE("a card is made again when an item's value or what it read around it changed") {
  Library lib;
  add_cards(lib);
  lib.render_named("list", json(R"({"t": {"more": "More"}, "list": [{"title": "A"}]})"));
  // Its own value: another key.
  CHECK(lib.render_named("list", json(R"({"t": {"more": "More"}, "list": [{"title": "A2"}]})")) ==
        "<ul>\n<li>A2 More</li>\n</ul>\n\n");
  CHECK(lib.cache.hits() == 0);
  // A string read outside the item (`t.more`): the same key, but its read no longer holds.
  CHECK(lib.render_named("list", json(R"({"t": {"more": "Plus"}, "list": [{"title": "A"}]})")) ==
        "<ul>\n<li>A Plus</li>\n</ul>\n\n");
  CHECK(lib.cache.hits() == 0);
  // A name the item now has hides the one around it.
  CHECK(lib.render_named("list", json(R"({"t": {"more": "More"},
                                          "list": [{"title": "A", "t": {"more": "Own"}}]})")) ==
        "<ul>\n<li>A Own</li>\n</ul>\n\n");
  // A name that was not found anywhere and now is (`date` around the list).
  lib.render_named("list", json(R"({"t": {"more": "More"}, "list": [{"title": "C"}]})"));
  CHECK(lib.render_named("list", json(R"({"t": {"more": "More"}, "date": {"display": "Out"},
                                          "list": [{"title": "C"}]})")) ==
        "<ul>\n<li>C More Out</li>\n</ul>\n\n");
  // And back: one fragment is kept for a key, the last made: it is made again.
  size_t hits = lib.cache.hits();
  CHECK(lib.render_named("list", json(R"({"t": {"more": "More"}, "list": [{"title": "C"}]})")) ==
        "<ul>\n<li>C More</li>\n</ul>\n\n");
  CHECK(lib.cache.hits() == hits);
}

TEST_CASE("a card keeps the place, indentation and block overrides it was made with") {
  Library lib;
  lib.add("card", "<{{$x}}h2{{/x}}>{{title}}</{{$x}}h2{{/x}}>\n");
  lib.add("list", "{{#list}}\n{{>card}}\n{{/list}}\n");
  lib.add("indented", "{{#list}}\n  {{>card}}\n{{/list}}\n");
  lib.add("home", "{{#list}}\n{{<card}}{{$x}}h3{{/x}}{{/card}}\n{{/list}}\n");
  lib.add("page", "{{<frame}}{{$x}}h4{{/x}}{{/frame}}");
  lib.add("frame", "{{#list}}\n{{>card}}\n{{/list}}\n");
  Value ctx = json(R"({"list": [{"title": "A"}]})");
  CHECK(lib.render_named("list", ctx) == "<h2>A</h2>\n");
  CHECK(lib.render_named("indented", ctx) == "  <h2>A</h2>\n");
  CHECK(lib.render_named("home", ctx).find("<h3>A</h3>") != std::string::npos);
  // The same list section, in a frame whose parent overrides the card's block.
  CHECK(lib.render_named("page", ctx) == "<h4>A</h4>\n");
  CHECK(lib.render_named("frame", ctx) == "<h2>A</h2>\n");
  // `list` and `frame` have sections of the same shape: one card serves both.
  CHECK(lib.cache.size() == 4);
}

TEST_CASE("lists that include no partial, and items that are not maps, are not kept") {
  Library lib;
  lib.add("plain", "{{#list}}<li>{{title}}</li>{{/list}}");
  lib.add("names", "{{#names}}{{>name}}{{/names}}");
  lib.add("name", "<b>{{.}}</b>");
  lib.render_named("plain", json(R"({"list": [{"title": "A"}]})"));
  CHECK(lib.render_named("names", json(R"({"names": ["x", "y"]})")) == "<b>x</b><b>y</b>");
  CHECK(lib.cache.size() == 0);
}

TEST_CASE("cards rendered on several threads at once agree with renders without the cache") {
  Library lib;
  add_cards(lib);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&lib, t] {
      for (int i = 0; i < 50; ++i) {
        std::string list = "[";
        for (int k = 0; k < 5; ++k) {
          list +=
              (k ? "," : "") + std::string(R"({"title": "S)") + std::to_string((i + k) % 7) + "\"}";
        }
        Value ctx =
            json(R"({"t": {"more": "M)" + std::to_string(t % 2) + "\"}, \"list\": " + list + "]}");
        std::string with, without;
        const Template& tpl = *lib.templates.at("list");
        render(tpl, ctx, lib.lookup(), with, {}, &lib.cache);
        render(tpl, ctx, lib.lookup(), without);
        if (with != without) FAIL("differs: " << with);
      }
    });
  }
  for (std::thread& th : threads) th.join();
  CHECK(lib.cache.size() == 7);  // one a title: the strings are reads, not keys
}

TEST_CASE("a cache grown past twice a whole site's fragments is emptied") {
  Library lib;
  add_cards(lib);
  auto page = [&](int from, int n) {
    std::string list = "[";
    for (int k = 0; k < n; ++k) {
      list += (k ? "," : "") + std::string(R"({"title": "T)") + std::to_string(from + k) + "\"}";
    }
    lib.render_named("list", json(R"({"t": {"more": "M"}, "list": )" + list + "]}"));
  };
  page(0, 10);
  lib.cache.end_pass();  // the first pass: 10 fragments make the site
  page(10, 1000);
  lib.cache.end_pass();
  CHECK(lib.cache.size() == 1010);  // within 2 x 10 + 1024
  page(2000, 100);
  lib.cache.end_pass();
  CHECK(lib.cache.size() == 0);
}

}  // namespace
}  // namespace firefly::mustache
