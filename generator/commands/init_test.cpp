#include "commands/init.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

namespace firefly {
namespace {

namespace fs = std::filesystem;

const std::string* file(const std::vector<std::pair<std::string, std::string>>& files,
                        const std::string& path) {
  for (const auto& [p, bytes] : files) {
    if (p == path) return &bytes;
  }
  return nullptr;
}

fs::path fresh_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("firefly-init-test-" + name);
  fs::remove_all(dir);
  return dir;
}

}  // namespace

TEST_CASE("init offers the eight languages of the default theme, zh-TW first") {
  CHECK(init_languages() ==
        std::vector<std::string>{"zh-TW", "en", "fil", "id", "ja", "ko", "th", "vi"});
}

TEST_CASE("init --lang tl writes a site in tl with the Filipino words") {
  auto files = init_files("tl", Date{2026, 3, 14});
  REQUIRE(files);
  const std::string* site = file(*files, "site.yaml");
  REQUIRE(site);
  CHECK(site->find("{code: tl, html_lang: fil, name: \"Filipino\"}") != std::string::npos);
  const std::string* home = file(*files, "content/_index.tl.md");
  REQUIRE(home);
  CHECK(home->find("title: \"Unang pahina\"") != std::string::npos);
  CHECK_FALSE(file(*files, "content/_index.fil.md"));
}

TEST_CASE("init --lang with a region or a script starts from its language's words") {
  const Date day{2026, 3, 14};
  // {typed, words' file, html_lang and calendar written}: the lang is the one typed.
  for (auto [typed, words, written] :
       {std::tuple{"vi-VN", "vi", "html_lang: vi-VN, name: \"Tiếng Việt\"}"},
        {"fil-PH", "fil", "html_lang: fil-PH, name: \"Filipino\"}"},
        {"id-ID", "id", "html_lang: id-ID, name: \"Bahasa Indonesia\"}"},
        {"th-TH", "th", "html_lang: th-TH, name: \"ไทย\"}"},
        {"en-GB", "en", "html_lang: en-GB, name: \"English\"}"},
        {"ja-JP", "ja", "html_lang: ja-JP, name: \"日本語\"}"},
        {"ko-KR", "ko", "html_lang: ko-KR, name: \"한국어\"}"},
        {"zh-Hant-TW", "zh-TW", "html_lang: zh-Hant-TW, name: \"中文\", calendar: roc}"},
        // Hong Kong writes Traditional Chinese, but does not count years from 1912.
        {"zh-HK", "zh-TW", "html_lang: zh-HK, name: \"中文\"}"}}) {
    CAPTURE(typed);
    auto files = init_files(typed, day);
    REQUIRE(files);
    auto same = init_files(words, day);
    REQUIRE(same);
    const std::string* site = file(*files, "site.yaml");
    REQUIRE(site);
    CHECK(site->find("{code: " + std::string(typed) + ", " + written) != std::string::npos);
    const std::string* home = file(*files, "content/_index." + std::string(typed) + ".md");
    REQUIRE(home);
    CHECK(*home == *file(*same, "content/_index." + std::string(words) + ".md"));
  }
  // Simplified Chinese never starts from the Traditional words; a code with a region in
  // the wrong letter case is no code.
  for (const char* typed : {"zh", "zh-CN", "zh-Hans-TW", "vi-vn"}) {
    CAPTURE(typed);
    CHECK_FALSE(init_files(typed, day));
  }
  std::istringstream in;
  std::ostringstream out, err;
  CHECK(run_init({fresh_dir("zh-CN"), "zh-CN", false}, in, out, err) == 2);
  CHECK(err.str().find("no starting site in language 'zh-CN' (the starting site in 'zh-TW' is "
                       "written in another script)\n") != std::string::npos);
  std::ostringstream e;
  CHECK(run_init({fresh_dir("vi-vn"), "vi-vn", false}, in, out, e) == 2);
  CHECK(e.str().find("no starting site in language 'vi-vn' (did you mean 'vi-VN'?)") !=
        std::string::npos);
}

TEST_CASE("init writes one language's files with the language in names and site.yaml") {
  const Date day{2026, 3, 14};
  for (const std::string& lang : init_languages()) {
    CAPTURE(lang);
    auto files = init_files(lang, day);
    REQUIRE(files);
    const std::string* site = file(*files, "site.yaml");
    REQUIRE(site);
    CHECK(site->find("{code: " + lang + ",") != std::string::npos);
    CHECK(site->find("{{") == std::string::npos);
    const std::string* story = file(*files, "content/stories/first-story." + lang + ".md");
    REQUIRE(story);
    CHECK(story->find("date: 2026-03-14") != std::string::npos);
    for (const char* p : {"content/_index.", "content/about.", "content/stories/_index."}) {
      CHECK(file(*files, p + lang + ".md"));
    }
    for (const char* p :
         {"data/haircut-sessions.csv", "data/haircut-sessions.yaml", "README.md", ".gitignore",
          ".github/workflows/publish.yml", ".gitlab-ci.yml", "static/images/firefly.svg"}) {
      CHECK_MESSAGE(file(*files, p), p);
    }
    for (const auto& [path, bytes] : *files) {
      CHECK(path.find("strings/") == std::string::npos);
      CHECK(!path.ends_with(".mustache"));
    }
  }
}

TEST_CASE("init rejects a language it has no starting site for") {
  CHECK_FALSE(init_files("fr", Date{2026, 1, 1}));
  std::istringstream in;
  std::ostringstream out, err;
  fs::path dir = fresh_dir("fr");
  CHECK(run_init({dir, "fr", false}, in, out, err) == 2);
  CHECK(err.str().find("no starting site in language 'fr'\n") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "site.yaml"));
  // Viet Nam's country code, a name, another letter case: the language meant.
  for (auto [typed, meant] : {std::pair{"vn", "vi"}, {"english", "en"}, {"zh-tw", "zh-TW"}}) {
    std::ostringstream e;
    CHECK(run_init({fresh_dir(typed), typed, false}, in, out, e) == 2);
    CHECK(e.str().find("no starting site in language '" + std::string(typed) + "' (did you mean '" +
                       meant + "'?)") != std::string::npos);
  }
}

TEST_CASE("init refuses a folder that is not empty, and changes nothing in it") {
  fs::path dir = fresh_dir("busy");
  fs::create_directories(dir);
  std::ofstream(dir / "notes.txt") << "keep";
  std::istringstream in;
  std::ostringstream out, err;
  CHECK(run_init({dir, "en", false}, in, out, err) == 2);
  CHECK(err.str().find("is not an empty folder") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "site.yaml"));
  fs::remove_all(dir);
}

TEST_CASE("init refuses an empty name and a link to nothing, and writes nothing") {
  // With an empty name the files went into the current folder, not empty at all.
  fs::path cwd = fs::current_path();
  fs::path here = fresh_dir("cwd");
  fs::create_directories(here);
  std::ofstream(here / "notes.txt") << "keep";
  fs::current_path(here);
  std::istringstream in;
  std::ostringstream out, err;
  int code = run_init({"", "en", false}, in, out, err);
  fs::current_path(cwd);
  CHECK(code == 2);
  CHECK(err.str().find("the folder's name is empty") != std::string::npos);
  CHECK(std::distance(fs::directory_iterator(here), fs::directory_iterator()) == 1);
  fs::create_directory_symlink(here / "nowhere", here / "link");
  std::ostringstream err2;
  CHECK(run_init({here / "link", "en", false}, in, out, err2) == 2);
  CHECK(err2.str().find("is a link to a place that does not exist") != std::string::npos);
  CHECK_FALSE(fs::exists(here / "nowhere"));
  fs::remove_all(here);
}

TEST_CASE("init refuses a folder name with a control character, and shows what it was typed with") {
  // `firefly init $'portal\n'` made a folder whose name ends in a line break, which CI
  // scripts and `cd` then missed; an escape in a name or a language was obeyed by the
  // terminal.
  std::istringstream in;
  for (const std::string typed : {"portal\n", "a\x1b[2Jb", "x\ty"}) {
    std::ostringstream out, err;
    fs::path dir = fs::temp_directory_path() / typed;
    CHECK(run_init({dir, "en", false}, in, out, err) == 2);
    CHECK(err.str().find("has a control character") != std::string::npos);
    CHECK(err.str().find('\x1b') == std::string::npos);
    CHECK_FALSE(fs::exists(dir));
  }
  std::ostringstream out, err;
  CHECK(run_init({fresh_dir("esc"), "\x1b[2J", false}, in, out, err) == 2);
  CHECK(err.str().find("no starting site in language '<U+001B>[2J'") != std::string::npos);
}

TEST_CASE("init asks for the language on a terminal; an empty answer takes zh-TW") {
  for (auto [answer, lang] : {std::pair{"vi\n", "vi"}, std::pair{"\n", "zh-TW"}}) {
    fs::path dir = fresh_dir(std::string("ask-") + lang);
    std::istringstream in(answer);
    std::ostringstream out, err;
    CHECK(run_init({dir, "", true}, in, out, err) == 0);
    CHECK(out.str().find("Language of the new site") != std::string::npos);
    CHECK(fs::exists(dir / "content" / ("_index." + std::string(lang) + ".md")));
    fs::remove_all(dir);
  }
}

TEST_CASE("init works out the .. in a folder's name: no empty folder is left on the way") {
  fs::path cwd = fs::current_path();
  fs::path here = fresh_dir("dots");
  fs::create_directories(here);
  fs::current_path(here);
  std::istringstream in;
  std::ostringstream out, err;
  int code = run_init({"x/../y/", "en", false}, in, out, err);
  fs::current_path(cwd);
  CHECK(code == 0);
  CHECK(fs::exists(here / "y" / "site.yaml"));
  CHECK_FALSE(fs::exists(here / "x"));  // x/../y made x, then y beside it
  CHECK(out.str().find("created a new site in y/ (en,") != std::string::npos);
  CHECK(out.str().find("next: cd y/ && firefly serve") != std::string::npos);
  fs::remove_all(here);
}

TEST_CASE("init's next step names a folder beginning with - so that cd does not read an option") {
  fs::path cwd = fs::current_path();
  fs::path here = fresh_dir("dash");
  fs::create_directories(here);
  fs::current_path(here);
  std::istringstream in;
  std::ostringstream out, err;
  int code = run_init({"./-x", "en", false}, in, out, err);
  fs::current_path(cwd);
  CHECK(code == 0);
  CHECK(fs::exists(here / "-x" / "site.yaml"));
  CHECK(out.str().find("next: cd ./-x && firefly serve") != std::string::npos);
  fs::remove_all(here);
}

}  // namespace firefly
