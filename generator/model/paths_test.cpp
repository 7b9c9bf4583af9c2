#include "model/paths.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("output paths of pretty URLs") {
  CHECK(output_path_for_url("/") == "index.html");
  CHECK(output_path_for_url("/en/stories/a/") == "en/stories/a/index.html");
  CHECK(output_path_for_url("/404.html") == "404.html");
  CHECK(output_path_for_url("/old") == "old/index.html");
}

TEST_CASE("unsafe paths are refused with a reason") {
  CHECK(unsafe_path_reason("/ok/path/") == "");
  CHECK(unsafe_path_reason("/../etc/passwd") == "it contains a '.' or '..' segment");
  CHECK(unsafe_path_reason("relative/") == "it must start with '/'");
  CHECK(unsafe_path_reason("/" + std::string(255, 'a') + "/") == "");
  CHECK(unsafe_path_reason("/x/" + std::string(300, 'a') + "/") ==
        "a part of it has 300 bytes; file systems allow 255");
  CHECK(unsafe_path_reason("/a\\b/") == "it contains a backslash");
  CHECK(unsafe_path_reason("/.firefly-output/") ==
        "it starts with '.firefly-', a name Firefly keeps for its own files");
  CHECK(unsafe_path_reason("/.firefly-staging-1") != "");
  CHECK(unsafe_path_reason("/en/.firefly-notes/") == "");
  CHECK(unsafe_path_reason("/%2E%2E/x/") == "it contains a percent-encoded dot, slash or NUL");
  const std::string percent =
      "it contains '%': write the characters themselves (/café/, not /caf%C3%A9/), as a web "
      "server decodes %C3%A9 to é and would look for the page under café";
  CHECK(unsafe_path_reason("/caf%C3%A9/") == percent);
  CHECK(unsafe_path_reason("/a%41/") == percent);
  CHECK(unsafe_path_reason("/100%/") == percent);
  CHECK(unsafe_path_reason("/café/") == "");
  CHECK(unsafe_path_reason(std::string_view("/a\0b", 4)) == "it contains a control character");
  CHECK(unsafe_path_reason("/a b/") == "it contains a space (write '-' instead)");
  CHECK(unsafe_path_reason("/a?x=1") == "it contains '?', which would end the address's path");
  CHECK(unsafe_path_reason("/a#top") == "it contains '#', which would end the address's path");
  CHECK(unsafe_path_reason("/pay\u202Egnp.exe/") == "it contains a bidirectional control");
  CHECK(unsafe_path_reason("/a\u00A0b/") == "it contains a no-break space or a control character");
  CHECK(unsafe_path_reason("/a\u200Bb/") == "it contains a Unicode space or zero-width character");
  CHECK(unsafe_path_reason("/故事/thai-ไทย/tiếng-việt/") == "");
}

TEST_CASE("links may point to site paths and to http(s), mailto and tel addresses") {
  CHECK(url_scheme("HTTPS://x") == "https");
  CHECK(url_scheme("/a:b/") == "");
  CHECK(url_scheme("../x") == "");
  CHECK(unsafe_link_reason("/stories/") == "");
  CHECK(unsafe_link_reason("https://www.tainan.gov.tw/") == "");
  CHECK(unsafe_link_reason("https://www.tainan.gov.tw/News.aspx?n=1&s=2#top") == "");
  CHECK(unsafe_link_reason("https://user:pw@x.org/a.png") ==
        "it has a user name or password (user:password@), which every page linking it would "
        "publish");
  CHECK(unsafe_link_reason("https:x.org") ==
        "it has no // after https: (write it like https://www.gov.tw/)");
  CHECK(unsafe_link_reason("https://") ==
        "it names no web site (write it like https://www.gov.tw/)");
  CHECK(unsafe_link_reason("mailto:a@example.org") == "");
  CHECK(unsafe_link_reason("tel:+886-6-2991111") == "");
  CHECK(unsafe_link_reason("tel:(06)299-1111;ext=8") == "");
  CHECK(unsafe_link_reason("mailto:a@example.org,b@example.org?subject=Hi") == "");
  CHECK(unsafe_link_reason("mailto:?subject=Hi") == "");  // the reader picks the address
  const std::string tel =
      "tel: is followed by a telephone number alone (digits, +, -, . and brackets, as in "
      "tel:+886-6-299-1111)";
  CHECK(unsafe_link_reason("tel:") == tel);
  CHECK(unsafe_link_reason("tel:javascript:alert(1)") == tel);
  CHECK(unsafe_link_reason("TEL:06-299-1111分機8") == tel);
  const std::string mail = "mailto: is followed by an email address (mailto:labor@example.gov.tw)";
  CHECK(unsafe_link_reason("mailto:") == mail);
  CHECK(unsafe_link_reason("mailto:labor") == mail);
  CHECK(unsafe_link_reason("mailto:a@example.org,@x") == mail);
  CHECK(unsafe_link_reason(" JavaScript:alert(1)") ==
        "a link to 'javascript:' does not open a page (use a site path or an https:// address)");
  CHECK(unsafe_link_reason("data:text/html,x") ==
        "a link to 'data:' does not open a page (use a site path or an https:// address)");
  CHECK(unsafe_link_reason("java\tscript:x") == "it contains a control character");
  // A path on the writer's computer, as Word or a file manager copies it.
  const std::string copy =
      ", which readers cannot open; put the file in static/ and write its site path "
      "(static/images/a.jpg is /images/a.jpg)";
  CHECK(unsafe_link_reason("c:\\Users\\lin\\rose.jpg") ==
        "it is a file on a computer (drive C:)" + copy);
  CHECK(unsafe_link_reason("D:/photos/rose.jpg") == "it is a file on a computer (drive D:)" + copy);
  CHECK(unsafe_link_reason("file:///C:/Users/lin/rose.jpg") ==
        "it is a file on a computer (file:)" + copy);
}

TEST_CASE("relative links resolve against the page's directory") {
  CHECK(resolve_site_path("/stories/a/", "../b/") == "/stories/b/");
  CHECK(resolve_site_path("/stories/a/", "/data/") == "/data/");
  CHECK(resolve_site_path("/", "../../x/") == "/x/");
  CHECK(resolve_site_path("/stories/a/", "img.svg") == "/stories/a/img.svg");
}

}  // namespace firefly
