#include "render/email_breaks.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("email_breaks: after the @ and before the domain's dots") {
  CHECK(email_breaks("labor@example.gov.tw") == "labor@<wbr>example<wbr>.gov<wbr>.tw");
  CHECK(email_breaks("first.last@x.org") == "first.last@<wbr>x<wbr>.org");  // not the name's dot
  CHECK(email_breaks("no address") == "no address");
}

TEST_CASE("break_mailto_texts: the text of each mailto link whose text is plain") {
  std::string html =
      "<p>Mail <a href=\"mailto:a@b.tw\">a@b.tw</a> or <a href=\"mailto:c@d.tw\"><em>us</em></a>"
      " or <a href=\"https://e.tw/\">e.tw</a></p>";
  break_mailto_texts(html);
  CHECK(html ==
        "<p>Mail <a href=\"mailto:a@b.tw\">a@<wbr>b<wbr>.tw</a> or <a "
        "href=\"mailto:c@d.tw\"><em>us</em></a> or <a href=\"https://e.tw/\">e.tw</a></p>");
  std::string none = "<p>No links</p>";
  break_mailto_texts(none);
  CHECK(none == "<p>No links</p>");
  std::string open = "<a href=\"mailto:x@y.z\">x@y.z";  // never closed: left as it is
  break_mailto_texts(open);
  CHECK(open == "<a href=\"mailto:x@y.z\">x@y.z");
}

}  // namespace firefly
