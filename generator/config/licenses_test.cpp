#include "config/licenses.h"

#include <doctest/doctest.h>

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
}

}  // namespace firefly
