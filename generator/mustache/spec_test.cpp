// Runs the official Mustache spec files (tests/spec/mustache/*.json) against the engine.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/json.h"
#include "mustache/template.h"

#ifndef FIREFLY_SOURCE_DIR
#error "FIREFLY_SOURCE_DIR must name the project folder"
#endif

namespace firefly::mustache {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct FileResult {
  int passed = 0;
  int failed = 0;
  int skipped = 0;
};

/// Runs one spec case; returns "" when it passes, else what went wrong.
std::string run_case(const Value& test) {
  std::map<std::string, std::shared_ptr<const Template>, std::less<>> partials;
  for (const auto& [name, source] : test.get("partials").as_map()) {
    auto compiled = compile(source.as_string());
    if (auto* err = std::get_if<ParseError>(&compiled)) {
      return "partial '" + name + "' does not compile: " + err->message;
    }
    partials[name] = std::get<0>(compiled);
  }
  auto compiled = compile(test.get("template").as_string());
  if (auto* err = std::get_if<ParseError>(&compiled)) {
    return "template does not compile: " + err->message + " at " + std::to_string(err->pos.line) +
           ":" + std::to_string(err->pos.col);
  }
  PartialLookup lookup = [&](std::string_view name) -> const Template* {
    auto it = partials.find(name);
    return it == partials.end() ? nullptr : it->second.get();
  };
  std::string out;
  if (auto err = render(*std::get<0>(compiled), test.get("data"), lookup, out)) {
    return "render error: " + *err;
  }
  const std::string& expected = test.get("expected").as_string();
  if (out == expected) return "";
  return "expected [" + expected + "] got [" + out + "]";
}

TEST_CASE("mustache spec files all pass") {
  const fs::path dir = fs::path(FIREFLY_SOURCE_DIR) / "tests" / "spec" / "mustache";
  REQUIRE_MESSAGE(fs::is_directory(dir), "missing spec folder " << dir.string());
  const std::vector<std::string> required = {
      "comments.json", "delimiters.json", "interpolation.json", "inverted.json",
      "partials.json", "sections.json",   "~inheritance.json",  "~dynamic-names.json"};
  std::map<std::string, FileResult> results;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    const std::string file = entry.path().filename().string();
    std::string json_error;
    auto spec = parse_json(read_file(entry.path()), &json_error);
    REQUIRE_MESSAGE(spec.has_value(), file << ": " << json_error);
    FileResult& r = results[file];
    for (const Value& test : spec->get("tests").as_list()) {
      const std::string& name = test.get("name").as_string();
      if (file == "~lambdas.json") {  // Value has no functions
        ++r.skipped;
        continue;
      }
      std::string problem = run_case(test);
      CHECK_MESSAGE(problem.empty(), file << ": \"" << name << "\": " << problem);
      ++(problem.empty() ? r.passed : r.failed);
    }
  }
  for (const auto& [file, r] : results) {
    MESSAGE(file << ": " << r.passed << " passed, " << r.failed << " failed, " << r.skipped
                 << " skipped");
  }
  for (const std::string& file : required) {
    REQUIRE_MESSAGE(results.count(file) == 1, "missing spec file " << file);
    CHECK_MESSAGE(results[file].passed > 0, file << " has no cases");
    CHECK_MESSAGE(results[file].failed == 0, file << " has failing cases");
  }
}

}  // namespace
}  // namespace firefly::mustache
