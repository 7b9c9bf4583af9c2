#include "emit/path_clashes.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include "emit/writer.h"

namespace fs = std::filesystem;

TEST_CASE("folder_clashes: each file where others' folder goes, with the first of those") {
  std::vector<std::string_view> sorted = {"a",    "a-b/index.html", "a/index.html", "a/x.jpg",
                                          "b/c",  "b/c/d/e",        "b/c/f",        "feed.xml",
                                          "x/y/z"};
  auto clashes = firefly::folder_clashes(sorted);
  REQUIRE(clashes.size() == 2);
  CHECK(clashes[0].file == "a");
  CHECK(clashes[0].inner == "a/index.html");
  CHECK(clashes[1].file == "b/c");
  CHECK(clashes[1].inner == "b/c/d/e");
  CHECK(firefly::folder_clash_message(clashes[1], "", "static/b/c/d/e") ==
        "/b/c would be published as a file (a generated file) and as the folder of /b/c/d/e "
        "(static/b/c/d/e)");
  CHECK(firefly::folder_clashes({"a-b/index.html", "a.txt", "a/index.html"}).empty());
}

TEST_CASE(
    "writer: a file where another's folder goes is one error naming both, not the file "
    "system's") {
  using firefly::OutputFile;
  // static/about beside the page /about/; a folder static/feed.xml/ at the feed's path.
  firefly::OutputSet files = {{"about/index.html", "<p>", "", "content/about.md"},
                              {"about/photo.jpg", "j", "", "content/about.md"},
                              {"about", "a", "", "static/about"},
                              {"about-us/index.html", "<p>", "", "content/about-us.md"},
                              {"feed.xml", "<feed>", "", ""},
                              {"feed.xml/a.txt", "t", "", "static/feed.xml/a.txt"}};
  const std::vector<std::string> expected = {
      "static/about: /about would be published as a file (static/about) and as the folder of "
      "/about/index.html (content/about.md)",
      "static/feed.xml/a.txt: /feed.xml would be published as a file (a generated file) and as "
      "the folder of /feed.xml/a.txt (static/feed.xml/a.txt)"};
  auto said = [](const firefly::Diagnostics& d) {
    std::vector<std::string> out;
    for (const firefly::Diagnostic& e : d.sorted()) {
      out.push_back(e.path + ": " + e.message);
      CHECK(e.hint == "rename or remove one of them");
    }
    return out;
  };
  firefly::Diagnostics checked;
  CHECK_FALSE(firefly::check_unique_paths(files, checked));
  CHECK(said(checked) == expected);

  // The writer, whichever file comes first.
  for (int order = 0; order < 2; ++order) {
    char folder[] = "/tmp/firefly-clash-test-XXXXXX";
    REQUIRE(::mkdtemp(folder) != nullptr);
    firefly::Diagnostics diags;
    {
      firefly::OutputWriter writer(fs::path(folder) / "out", diags);
      for (size_t i = 0; i < files.size(); ++i) {
        writer.add(OutputFile(files[order ? files.size() - 1 - i : i]));
      }
      CHECK_FALSE(writer.commit());
    }
    CHECK(said(diags) == expected);
    fs::remove_all(folder);
  }
}
