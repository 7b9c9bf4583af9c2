#include "config/language_keys.h"

#include <doctest/doctest.h>

#include "core/yaml.h"

namespace firefly {

TEST_CASE("language keys: a code a site language reads, and the one a slip meant") {
  const std::vector<std::string> site = {"zh-TW", "vi-VN", "en-GB"};
  CHECK(language_key_read("zh-TW", site));
  CHECK(language_key_read("vi", site));        // vi-VN pages read it
  CHECK(language_key_read("en", site));        // and en-GB ones
  CHECK(language_key_read("zh-Hant", site));   // Traditional Chinese
  CHECK_FALSE(language_key_read("zh", site));  // Simplified: never shown for zh-TW
  CHECK_FALSE(language_key_read("vn", site));
  CHECK_FALSE(language_key_read("id", site));
  CHECK(site_language_meant("vn", site) == "vi-VN");
  CHECK(site_language_meant("vi_VN", site) == "vi-VN");
  CHECK(site_language_meant("english", site) == "en-GB");
  CHECK(site_language_meant("id", site).empty());  // a language of its own, not a slip
  CHECK(site_language_meant("th", {"zh-TW", "en"}).empty());
  CHECK(site_language_meant("vi", {"zh-TW", "en"}).empty());  // not the Virgin Islands' English
}

TEST_CASE("language keys: each text under a code no page reads is warned of at its key") {
  Diagnostics parse;
  Value root = parse_yaml(
      "title: {zh-TW: 勞工局, vn: Cục Lao động}\n"
      "collections:\n"
      "  stories:\n"
      "    fields:\n"
      "      topic:\n"
      "        label: {zh-TW: 主題, vi: Chủ đề}\n"
      "        values:\n"
      "          safety: {zh-TW: 職業安全, id: Keselamatan}\n"
      "cms: {backend: github, repo: owner/site}\n",
      "site.yaml", parse);
  REQUIRE_FALSE(parse.has_errors());
  Diagnostics diags;
  warn_unread_language_keys(root, {"zh-TW", "vi-VN"}, "site.yaml", diags);
  std::vector<Diagnostic> found = diags.sorted();
  REQUIRE(found.size() == 2);
  CHECK(found[0].severity == Severity::kWarning);
  CHECK(found[0].pos.line == 1);
  CHECK(found[0].pos.col == 21);
  CHECK(found[0].message ==
        "title: 'vn' is not a language of this site, so no page shows its text");
  CHECK(found[0].hint == "did you mean 'vi-VN'? the site's languages: zh-TW, vi-VN");
  CHECK(found[1].pos.line == 8);
  CHECK(found[1].message ==
        "safety: 'id' is not a language of this site, so no page shows its text");
  CHECK(found[1].hint == "the site's languages: zh-TW, vi-VN");
}

TEST_CASE("language keys: a dataset's text, and a map that is no language map") {
  Localized title;
  title.by_lang = {{"zh-TW", "義剪"}, {"vn", "Cắt tóc"}};
  Diagnostics diags;
  warn_unread_language_keys(title, {"zh-TW", "vi-VN"}, "data/a.yaml", {3, 8}, "title", diags);
  REQUIRE(diags.sorted().size() == 1);
  CHECK(diags.sorted()[0].path == "data/a.yaml");
  // Codes none of which a page reads: not a map of this site's languages (no warning).
  Localized other;
  other.by_lang = {{"fr", "x"}, {"de", "y"}};
  Diagnostics none;
  warn_unread_language_keys(other, {"zh-TW"}, "data/a.yaml", {3, 8}, "title", none);
  CHECK(none.sorted().empty());
}

}  // namespace firefly
