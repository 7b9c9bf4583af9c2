#include "mustache/template.h"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <thread>
#include <vector>

#include "core/json.h"

namespace firefly::mustache {
namespace {

/// Compiles `source`, failing the test when it does not compile.
std::shared_ptr<const Template> must_compile(std::string_view source) {
  auto result = compile(source);
  if (auto* err = std::get_if<ParseError>(&result)) {
    FAIL("does not compile: " << err->message);
    return nullptr;
  }
  return std::get<0>(result);
}

ParseError must_fail(std::string_view source) {
  auto result = compile(source);
  REQUIRE_MESSAGE(std::holds_alternative<ParseError>(result), "compiles: " << source);
  return std::get<ParseError>(result);
}

Value json(std::string_view text) {
  auto v = parse_json(text);
  REQUIRE(v.has_value());
  return *v;
}

/// A set of named templates that the tests render with.
struct Library {
  std::map<std::string, std::shared_ptr<const Template>, std::less<>> templates;
  PartialLookup lookup() const {
    return [this](std::string_view name) -> const Template* {
      auto it = templates.find(name);
      return it == templates.end() ? nullptr : it->second.get();
    };
  }
  std::string render_named(std::string_view name, const Value& context) const {
    std::string out;
    auto err = render(*templates.find(name)->second, context, lookup(), out);
    CHECK_MESSAGE(!err, *err);
    return out;
  }
};

std::string render_text(std::string_view source, const Value& context) {
  std::string out;
  auto err = render(*must_compile(source), context, nullptr, out);
  CHECK_MESSAGE(!err, *err);
  return out;
}

TEST_CASE("mentions finds a name through sections, partials, parents and blocks") {
  Library lib;
  lib.templates["frame"] = must_compile("<main>{{$main}}{{/main}}</main>{{t.skip_to_content}}");
  lib.templates["page"] = must_compile("{{<frame}}{{$main}}{{{page.content}}}{{/main}}{{/frame}}");
  lib.templates["story"] = must_compile("{{<page}}{{$after}}x{{/after}}{{/page}}");
  lib.templates["text"] =
      must_compile("{{#page}}{{#title}}<h1>{{.}}</h1>{{/title}}{{{content}}}{{/page}}");
  lib.templates["list"] =
      must_compile("{{<frame}}{{$main}}{{#items}}{{>text}}{{/items}}{{/main}}{{/frame}}");
  lib.templates["terms"] =
      must_compile("{{<frame}}{{$main}}{{#terms}}{{name}}{{/terms}}{{/main}}{{/frame}}");
  lib.templates["self"] = must_compile("{{>self}}{{page.content_lang}}{{^content}}{{/content}}");
  lib.templates["dynamic"] = must_compile("{{>*kind}}");
  lib.templates["loop"] = must_compile("{{>loop}}{{#a}}{{>loop}}{{/a}}{{title}}");
  const PartialLookup lookup = lib.lookup();
  auto has = [&](const char* name) { return mentions(*lib.templates[name], "content", lookup); };
  CHECK(has("page"));
  CHECK(has("story"));        // through its parent
  CHECK(has("list"));         // through a partial inside a section and a block
  CHECK_FALSE(has("frame"));  // t.skip_to_content is another name
  CHECK_FALSE(has("terms"));
  CHECK(has("self"));        // {{^content}} names it; the partial that includes itself ends
  CHECK(has("dynamic"));     // may be any template
  CHECK_FALSE(has("loop"));  // each template read once: the walk ends
  CHECK_FALSE(mentions(*must_compile("{{>missing}}{{contents}}"), "content", lookup));
}

TEST_CASE("parse errors name the problem and its line and column") {
  ParseError e = must_fail("<ul>\n  {{#items}}<li>{{name}}</li>\n</ul>\n");
  CHECK(e.message == "{{#items}} is never closed");
  CHECK(e.pos.line == 2);
  CHECK(e.pos.col == 3);

  e = must_fail("{{#a}}\n{{#b}}x{{/a}}{{/b}}");
  CHECK(e.message == "{{/a}} closes {{#b}} (line 2, column 1)");
  CHECK(e.pos.line == 2);
  CHECK(e.pos.col == 8);

  e = must_fail("text {{/stray}}");
  CHECK(e.message.find("{{/stray}} closes nothing") == 0);
  CHECK(e.pos.col == 6);

  e = must_fail("Hello {{name\nbye");
  CHECK(e.message == "'{{' is never closed by '}}'");
  CHECK(e.pos.line == 1);
  CHECK(e.pos.col == 7);

  e = must_fail("{{{raw}}");
  CHECK(e.message == "'{{{' is never closed by '}}}'");

  e = must_fail("a\n{{=<%>=}}");
  CHECK(e.message.find("{{=<%>=}} must set two delimiters") == 0);
  CHECK(e.pos.line == 2);

  e = must_fail("{{=<% %>=}}\n<%#x%> <% %>");
  CHECK(e.message == "the tag <% %> has no name");
  CHECK(e.pos.col == 8);

  e = must_fail("{{first name}}");
  CHECK(e.message == "the name in {{first name}} contains a space");

  e = must_fail("{{<base}}{{$main}}x{{/base}}");
  CHECK(e.message == "{{/base}} closes {{$main}} (line 1, column 10)");
}

TEST_CASE("columns count characters, not bytes") {
  ParseError e = must_fail("勞工局 {{#x}}");
  CHECK(e.pos.line == 1);
  CHECK(e.pos.col == 5);
}

TEST_CASE("sections nested too deeply are a parse error, not a crash") {
  std::string source;
  for (int i = 0; i < 200; ++i) source += "{{#a}}";
  ParseError e = must_fail(source);
  CHECK(e.message.find("nest more than") != std::string::npos);
}

TEST_CASE("a partial that includes itself forever stops with an error") {
  Library lib;
  lib.templates["loop"] = must_compile("x{{>loop}}");
  std::string out;
  auto err = render(*lib.templates["loop"], Value(), lib.lookup(), out);
  REQUIRE(err.has_value());
  CHECK(*err == "partial 'loop' includes itself too deeply (more than 64 levels)");
  CHECK(out == std::string(65, 'x'));  // the template itself, then 64 nested inclusions

  lib.templates["parent"] = must_compile("{{<parent}}{{/parent}}");
  err = render(*lib.templates["parent"], Value(), lib.lookup(), out);
  REQUIRE(err.has_value());
  CHECK(err->find("partial 'parent'") == 0);
}

TEST_CASE("exponential rendering hits the step limit") {
  std::string source;
  for (int i = 0; i < 12; ++i) source += "{{#l}}";
  source += "x";
  for (int i = 0; i < 12; ++i) source += "{{/l}}";
  std::string out;
  RenderLimits limits;
  limits.max_steps = 10000;
  auto err =
      render(*must_compile(source), json(R"({"l":[1,2,3,4,5,6,7,8,9,10]})"), nullptr, out, limits);
  REQUIRE(err.has_value());
  CHECK(err->find("more than 10000 steps") != std::string::npos);
}

TEST_CASE("partials that each include the next many times hit the output limit") {
  // Few steps (10 + 100 + 1000 nodes), but each text is a megabyte: a gigabyte.
  Library lib;
  for (const char* name : {"a", "b", "c"}) {
    std::string tag =
        name == std::string("c") ? "{{{text}}}" : "{{>" + std::string(1, *name + 1) + "}}";
    std::string source;
    for (int i = 0; i < 10; ++i) source += tag;
    lib.templates[name] = must_compile(source);
  }
  Map m;
  m.emplace_back("text", Value(std::string(1 << 20, 'x')));
  std::string out;
  RenderLimits limits;
  limits.max_output = 8 << 20;
  auto err = render(*lib.templates["a"], Value(std::move(m)), lib.lookup(), out, limits);
  REQUIRE(err.has_value());
  CHECK(err->find("more than 8 MB of text") != std::string::npos);
  CHECK(out.size() <= (9u << 20));
}

TEST_CASE("recursion driven by data renders to any depth within the limit") {
  Library lib;
  lib.templates["tree"] = must_compile("<{{name}}{{#kids}}{{>tree}}{{/kids}}>");
  Value data = json(
      R"({"name":"a","kids":[{"name":"b","kids":[{"name":"c","kids":[]}]},{"name":"d","kids":[]}]})");
  // Leaves need "kids": [], or {{#kids}} finds their parent's kids further down the stack.
  CHECK(lib.render_named("tree", data) == "<a<b<c>><d>>");
}

TEST_CASE("values render as text, escaped for HTML") {
  Value data = json(R"({"s":"Tom & 'Jerry' <b>\"","i":-42,"d":1.5,"w":2.0,"t":true,"f":false,
                        "n":null,"l":[1],"m":{"k":1}})");
  CHECK(render_text("{{s}}", data) == "Tom &amp; &#39;Jerry&#39; &lt;b&gt;&quot;");
  CHECK(render_text("{{{s}}}|{{&s}}", data) == "Tom & 'Jerry' <b>\"|Tom & 'Jerry' <b>\"");
  CHECK(render_text("{{i}} {{d}} {{w}} {{t}} {{f}}", data) == "-42 1.5 2 true false");
  CHECK(render_text("[{{n}}{{l}}{{m}}{{missing}}{{m.k.x}}]", data) == "[]");
  CHECK(render_text("{{#f}}no{{/f}}{{^f}}yes{{/f}}{{#m}}{{k}}{{/m}}", data) == "yes1");
}

TEST_CASE("the context is shared, not copied, and renders the same on many threads") {
  Library lib;
  lib.templates["row"] = must_compile("<li>{{title}}</li>\n");
  lib.templates["page"] = must_compile("<ul>\n{{#items}}\n  {{>row}}\n{{/items}}\n</ul>\n");
  List items;
  for (int i = 0; i < 50; ++i) items.push_back(Value(Map{{"title", Value(std::to_string(i))}}));
  Value data(Map{{"items", Value(std::move(items))}});
  std::string expected = lib.render_named("page", data);
  CHECK(expected.find("  <li>49</li>\n</ul>") != std::string::npos);
  std::vector<std::string> outs(4);
  std::vector<std::thread> threads;
  for (auto& out : outs) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        out.clear();
        render(*lib.templates["page"], data, lib.lookup(), out);
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& out : outs) CHECK(out == expected);
}

TEST_CASE("inheritance: a layout with blocks filled by a page") {
  Library lib;
  lib.templates["baseof"] = must_compile(
      "<html>\n<title>{{$title}}{{site.title}}{{/title}}</title>\n<main>\n"
      "  {{$main}}\n  {{/main}}\n</main>\n{{$footer}}<footer>©</footer>\n{{/footer}}</html>\n");
  lib.templates["page"] = must_compile(
      "{{<baseof}}\n{{$title}}{{page.title}} | {{site.title}}{{/title}}\n"
      "{{$main}}\n<h1>{{page.title}}</h1>\n<p>text</p>\n{{/main}}\n{{/baseof}}\n");
  Value data = json(R"({"site":{"title":"Labor"},"page":{"title":"Jobs"}})");
  CHECK(lib.render_named("page", data) ==
        "<html>\n<title>Jobs | Labor</title>\n<main>\n  <h1>Jobs</h1>\n  <p>text</p>\n"
        "</main>\n<footer>©</footer>\n</html>\n");
}

TEST_CASE("a standalone block whose override has no final newline still ends its line") {
  Library lib;
  lib.templates["base"] = must_compile("<main>\n  {{$main}}\n  {{/main}}\n</main>\n");
  lib.templates["page"] = must_compile("{{<base}}{{$main}}<p>x</p>{{/main}}{{/base}}");
  CHECK(lib.render_named("page", Value()) == "<main>\n  <p>x</p>\n</main>\n");
}

TEST_CASE("dynamic parents and partials are looked up by the value of a name") {
  Library lib;
  lib.templates["card"] = must_compile("[{{$body}}default{{/body}}]");
  lib.templates["page"] = must_compile("{{<*kind}}{{$body}}{{text}}{{/body}}{{/*kind}}{{>*kind}}");
  CHECK(lib.render_named("page", json(R"({"kind":"card","text":"hi"})")) == "[hi][default]");
  CHECK(lib.render_named("page", json(R"({"kind":3})")).empty());
}

TEST_CASE("a partial in a list is looked up once per render; a dynamic one each time") {
  Library lib;
  lib.templates["item"] = must_compile("<{{.}}>");
  lib.templates["other"] = must_compile("({{.}})");
  auto page = must_compile("{{#items}}{{>item}}{{>*kind}}{{/items}}");
  std::map<std::string, int, std::less<>> asked;
  PartialLookup counting = [&](std::string_view name) -> const Template* {
    ++asked[std::string(name)];
    return lib.lookup()(name);
  };
  std::string out;
  CHECK(!render(*page, json(R"({"items":[1,2,3],"kind":"other"})"), counting, out));
  CHECK(out == "<1>(1)<2>(2)<3>(3)");
  CHECK(asked["item"] == 1);
  CHECK(asked["other"] == 3);
}

TEST_CASE("partials() lists the names a template includes, with positions") {
  auto t = must_compile("a\n  {{> header }}{{<base}}{{/base}}{{>*dynamic}}");
  REQUIRE(t->partials().size() == 2);
  CHECK(t->partials()[0].name == "header");
  CHECK_FALSE(t->partials()[0].parent);
  CHECK(t->partials()[1].parent);
  CHECK(t->partials()[0].pos.line == 2);
  CHECK(t->partials()[0].pos.col == 3);
  CHECK(t->partials()[1].name == "base");
}

TEST_CASE("nested partials add up their indentation") {
  Library lib;
  lib.templates["inner"] = must_compile("a\nb\n");
  lib.templates["outer"] = must_compile("<div>\n  {{>inner}}\n</div>\n");
  lib.templates["page"] = must_compile("<body>\n  {{>outer}}\n</body>\n");
  CHECK(lib.render_named("page", Value()) == "<body>\n  <div>\n    a\n    b\n  </div>\n</body>\n");
}

TEST_CASE("escaping finds each special character wherever it falls in a long value") {
  // Each special character, and characters whose bytes are close to theirs, at each
  // offset of a text longer than the 16 bytes the escaper looks at in one step.
  const std::string specials = "&<>\"'%;=?@\x80";
  const std::map<char, std::string> entity{
      {'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}, {'\'', "&#39;"}};
  auto t = must_compile("[{{v}}|{{{v}}}]");
  for (char special : specials) {
    for (size_t at = 0; at < 40; ++at) {
      std::string text(40, 'x');
      text[at] = special;
      text[39 - at] = special;
      std::string escaped;
      for (char c : text) escaped += entity.count(c) ? entity.at(c) : std::string(1, c);
      std::string out;
      CHECK_FALSE(render(*t, Value(Map{{"v", text}}), nullptr, out));
      CHECK(out == "[" + escaped + "|" + text + "]");
    }
  }
}

}  // namespace
}  // namespace firefly::mustache

namespace firefly::mustache {

TEST_CASE("a watched map reports each name looked up in it, found or not, and its use whole") {
  Value strings = *parse_json(R"({"more": "More", "next": "Next"})");
  Value context(Map{{"t", strings},
                    {"page", Value(Map{{"title", Value("A")}, {"t", strings}})},
                    {"title", Value("Site")}});
  std::vector<std::string> names;
  std::vector<size_t> places;
  int whole = 0;
  MapWatch watch{&strings.as_map(),
                 [&](std::string_view n, size_t at) {
                   names.emplace_back(n);
                   places.push_back(at);
                 },
                 [&] { ++whole; }};
  auto run = [&](std::string_view source) {
    names.clear();
    places.clear();
    whole = 0;
    auto t = std::get<0>(compile(source));
    std::string out;
    REQUIRE_FALSE(render(*t, context, nullptr, out, {}, &watch));
    return out;
  };
  // Through a dotted name, also from a copy of the map's Value elsewhere in the context.
  CHECK(run("{{t.more}} {{t.missing}} {{page.t.next}} {{page.title}}") == "More  Next A");
  CHECK(names == std::vector<std::string>{"more", "missing", "next"});
  CHECK(places == std::vector<size_t>{0, std::string_view::npos, 1});  // their places in it
  CHECK(whole == 0);
  // Inside a section over the map every name is looked up in it first: a name it lacks
  // would show the map's value if the map had it.
  CHECK(run("{{#t}}{{next}} {{title}}{{/t}}") == "Next Site");
  CHECK(whole == 1);
  CHECK(names == std::vector<std::string>{"next", "title"});
  // Nothing reported without a watch, nor for other maps.
  CHECK(run("{{page.title}}{{title}}") == "ASite");
  CHECK(names.empty());
  auto t = std::get<0>(compile("{{t.more}}"));
  std::string out;
  REQUIRE_FALSE(render(*t, context, nullptr, out));
  CHECK(out == "More");
}

}  // namespace firefly::mustache
