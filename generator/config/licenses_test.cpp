#include "config/licenses.h"

#include <doctest/doctest.h>

#include "core/error.h"

namespace firefly {

TEST_CASE("licences: ids, the addresses known, and the warning for an id without one") {
  CHECK(is_license_id("OGDL-Taiwan-1.0"));
  CHECK_FALSE(is_license_id("政府資料開放授權條款"));
  CHECK_FALSE(is_license_id("CC BY 4.0"));
  CHECK(license_url("CC-BY-4.0") == "https://creativecommons.org/licenses/by/4.0/");
  CHECK(license_url("CC-BY-3.0") == "");
  CHECK(known_license_ids().front() == "OGDL-Taiwan-1.0");
  CHECK(unknown_license_warning("OGDL-Taiwan-1.0").first == "");
  CHECK(unknown_license_warning("a licence") == std::pair<std::string, std::string>{});
  auto [message, help] = unknown_license_warning("CC-BY-4");
  CHECK(message ==
        "Firefly does not know the address of licence 'CC-BY-4': the data pages, citations and "
        "catalogue name it without a link to its text");
  CHECK(help == "did you mean 'CC-BY-4.0'?");
  CHECK(unknown_license_warning("MIT").second ==
        "the licences it knows are OGDL-Taiwan-1.0, CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, "
        "ODC-BY-1.0, PDDL-1.0");
  CHECK(unknown_license_warning("cc-by-sa-4.0").second == "did you mean 'CC-BY-SA-4.0'?");
}

TEST_CASE("licences: the id a licence's name or another spelling of its id means") {
  CHECK(license_id_meant("CC BY 4.0") == "CC-BY-4.0");
  CHECK(license_id_meant("cc by-sa 4.0 international") == "CC-BY-SA-4.0");
  CHECK(license_id_meant("CC0") == "CC0-1.0");
  CHECK(license_id_meant("CC0 1.0 Universal") == "CC0-1.0");
  CHECK(license_id_meant("政府資料開放授權條款－第1版") == "OGDL-Taiwan-1.0");
  CHECK(license_id_meant("Open Government Data License, Taiwan, version 1.0") == "OGDL-Taiwan-1.0");
  CHECK(license_id_meant("Creative Commons Attribution 4.0 International") == "CC-BY-4.0");
  CHECK(license_id_meant("創用CC 姓名標示-相同方式分享 4.0 國際") == "CC-BY-SA-4.0");
  // Other terms or versions are other licences: no guess.
  CHECK(license_id_meant("創用CC 姓名標示-非商業性 4.0 國際") == "");
  CHECK(license_id_meant("Creative Commons Attribution 3.0") == "");
  CHECK(license_id_meant("Open Government Licence v3.0") == "");
  CHECK(license_id_meant("my licence") == "");
}

TEST_CASE("licences: one check for site.yaml's data_license and a dataset's license") {
  Diagnostics d;
  check_license("", "site.yaml", Pos{3, 15}, "data_license", d);
  check_license("CC-BY-4.0", "site.yaml", Pos{3, 15}, "data_license", d);
  CHECK(d.sorted().empty());
  check_license("CC BY 4.0", "data/a.yaml", Pos{4, 10}, "license", d);
  check_license("our own", "data/b.yaml", Pos{2, 10}, "license", d);
  check_license("MIT", "data/c.yaml", Pos{2, 10}, "license", d);
  auto all = d.sorted();
  REQUIRE(all.size() == 3);
  CHECK(all[0].severity == Severity::kError);
  CHECK(all[0].message ==
        "license 'CC BY 4.0' is not a licence id (letters, digits, '-', '.', '_')");
  CHECK(all[0].hint == "write license: CC-BY-4.0");
  CHECK(all[0].pos.line == 4);
  CHECK(all[1].hint ==
        "write the id of the licence, e.g. OGDL-Taiwan-1.0 (政府資料開放授權條款, Taiwan's Open "
        "Government Data License) or CC-BY-4.0");
  CHECK(all[2].severity == Severity::kWarning);
}

}  // namespace firefly
