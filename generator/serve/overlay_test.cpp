#include "serve/overlay.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>

namespace firefly {

TEST_CASE("the reload script goes before the last </body>, whatever its case") {
  std::string s = inject_reload_script("<p>a</p></body><p></BODY></html>", 7);
  size_t script = s.find("<script>");
  REQUIRE(script != std::string::npos);
  CHECK(s.find("</BODY>") > script);
  CHECK(s.find("</body>") < script);
  CHECK(s.find("/__firefly/events?since=7") != std::string::npos);
  CHECK(s.find("location.reload()") != std::string::npos);
  // It names the page it is on, which an update renders first.
  CHECK(s.find("&path=\"+encodeURIComponent(location.pathname)") != std::string::npos);
  // No </body>: appended.
  std::string t = inject_reload_script("<p>fragment</p>", 1);
  CHECK(t.rfind("<p>fragment</p><script>", 0) == 0);
}

TEST_CASE("the error page is accessible and escapes the errors") {
  std::string page = error_overlay_page("content/a.md:3:1: error: bad <tag> & \"x\"\n", 4);
  CHECK(page.find("<html lang=\"en\">") != std::string::npos);
  CHECK(page.find("<title>") != std::string::npos);
  CHECK(page.find("role=\"alert\"") != std::string::npos);
  CHECK(page.find("<pre lang=\"en\">content/a.md:3:1: error: bad &lt;tag&gt; &amp; "
                  "&quot;x&quot;\n</pre>") != std::string::npos);
  CHECK(page.find("since=4") != std::string::npos);
}

TEST_CASE("the error page speaks the site's default language, then English") {
  std::string zh = error_overlay_page("x.md:1:1: error: e\n", 1, "zh-TW");
  CHECK(zh.find("<html lang=\"zh-Hant-TW\">") != std::string::npos);
  CHECK(zh.find("<h1>網站無法產生</h1>") != std::string::npos);
  CHECK(zh.find("<p lang=\"en\"><strong>The site could not be built.</strong>") !=
        std::string::npos);
  for (const char* lang : {"vi", "id", "th", "fil"}) {
    std::string page = error_overlay_page("e\n", 1, lang);
    CHECK(page.find(std::string("<html lang=\"") + lang + "\">") != std::string::npos);
    CHECK(page.find("<p lang=\"en\">") != std::string::npos);
  }
  // tl (Tagalog) is written in Filipino's words.
  std::string tl = error_overlay_page("e\n", 1, "tl");
  CHECK(tl.find("<html lang=\"fil\">") != std::string::npos);
  CHECK(tl.find("<h1>Hindi mabuo ang website</h1>") != std::string::npos);
  // A code with a region or a script finds its language's words; Simplified Chinese
  // never the Traditional ones.
  for (auto [lang, heading] : {std::pair{"vi-VN", "Không tạo được trang web"},
                               {"zh-Hant-TW", "網站無法產生"},
                               {"zh-HK", "網站無法產生"},
                               {"fil-PH", "Hindi mabuo ang website"},
                               {"ja", "サイトを作成できませんでした"},
                               {"ko-KR", "사이트를 만들 수 없습니다"}}) {
    CAPTURE(lang);
    CHECK(error_overlay_page("e\n", 1, lang).find(std::string("<h1>") + heading + "</h1>") !=
          std::string::npos);
  }
  for (const char* lang : {"", "en", "fr", "en-GB", "zh-CN"}) {
    std::string page = error_overlay_page("e\n", 1, lang);
    CHECK(page.find("<html lang=\"en\">") != std::string::npos);
    CHECK(page.find("<p lang=\"en\">") == std::string::npos);  // said once, not twice
  }
}

}  // namespace firefly
