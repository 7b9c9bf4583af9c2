#include "config/cms_settings.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("a cms branch must be a name git allows") {
  for (const char* ok : {"main", "gh-pages", "release/2024", "v1.2", "feature/new_form"}) {
    CHECK(git_branch_problem(ok).empty());
  }
  CHECK(git_branch_problem("") == "is empty");
  CHECK(git_branch_problem("main branch") == "has a space");
  CHECK(git_branch_problem("main\t") == "has a control character");
  CHECK(git_branch_problem("a..b") == "has '..', which git does not allow in a branch's name");
  CHECK(git_branch_problem("a:b") == "has ':', which git does not allow in a branch's name");
  CHECK(git_branch_problem("-main") == "starts with '-', which git reads as an option");
  CHECK(git_branch_problem("main/") == "has an empty part between slashes");
  CHECK(git_branch_problem("a/.b") == "has a part starting with '.', which git does not allow");
  CHECK(git_branch_problem("main.lock") ==
        "has a part ending in '.lock', which git does not allow");
  CHECK(git_branch_problem("main.") == "ends with '.', which git does not allow");
  CHECK(git_branch_problem("@") ==
        "is not a branch's name to git (it reads '@' and '@{' as other commits)");
}

TEST_CASE("a cms script is an http(s) address or a path") {
  for (const char* ok : {"https://unpkg.com/@sveltia/cms/dist/sveltia-cms.js", "/admin/cms.js",
                         "sveltia-cms.js", "//cdn.example.org/cms.js", "HTTPS://x.org/a.js"}) {
    CHECK(cms_script_problem(ok).empty());
  }
  CHECK(cms_script_problem("javascript:alert(1)") ==
        "is a javascript: address, not where a script is loaded from");
  CHECK(cms_script_problem("data:text/javascript,alert(1)") ==
        "is a data: address, not where a script is loaded from");
  CHECK(cms_script_problem("JavaScript:x") ==
        "is a javascript: address, not where a script is loaded from");
  CHECK_FALSE(cms_script_problem("https://").empty());
}

TEST_CASE("cms settings name the branch and the script that cannot work, where written") {
  Diagnostics diags;
  Value v = parse_yaml(
      "backend: github\nrepo: a/b\nbranch: \"\"\nscript: \"data:text/javascript,alert(1)\"\n",
      "site.yaml", diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK_FALSE(config_detail::cms_settings(v, diags));
  auto found = diags.sorted();
  REQUIRE(found.size() == 2);
  CHECK(found[0].message == "cms branch '' is empty");
  CHECK(found[0].pos.line == 3);
  CHECK(found[1].message ==
        "cms script 'data:text/javascript,alert(1)' is a data: address, not where a script is "
        "loaded from");
  CHECK(found[1].pos.line == 4);
  CHECK(found[1].pos.col == 9);
}

}  // namespace firefly
