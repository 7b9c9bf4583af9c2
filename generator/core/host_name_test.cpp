#include "core/host_name.h"

#include <doctest/doctest.h>

#include <string>

using namespace firefly;

TEST_CASE("host name: a Unicode host gets its ASCII (punycode) form, an ASCII one its lower case") {
  CHECK(ascii_host("勞工局.台灣").ascii == "xn--qhr41tckb.xn--kpry57d");
  CHECK(ascii_host("勞工局.台灣").problem == "");
  CHECK(ascii_host("Labor.Example.GOV.tw").ascii == "labor.example.gov.tw");
  CHECK(ascii_host("bücher.example").ascii == "xn--bcher-kva.example");
  CHECK(ascii_host("localhost").ascii == "localhost");
  CHECK(ascii_host("127.0.0.1").ascii == "127.0.0.1");
  CHECK(ascii_host("xn--bcher-kva.example").ascii == "xn--bcher-kva.example");
}

TEST_CASE("host name: a name no URL can carry says what is wrong") {
  CHECK(ascii_host("-x.org").problem == "has a part (between dots) that starts or ends with '-'");
  CHECK(ascii_host("x-.org").problem == "has a part (between dots) that starts or ends with '-'");
  CHECK(ascii_host("x_y.org").problem ==
        "contains '_': a host name has only letters, digits, '-' and '.'");
  CHECK(ascii_host("a..b").problem ==
        "has an empty part (two dots in a row, or a dot at the start)");
  CHECK(ascii_host(".a.b").problem ==
        "has an empty part (two dots in a row, or a dot at the start)");
  CHECK(ascii_host(std::string(64, 'a') + ".org").problem ==
        "has a part (between dots) longer than 63 bytes");
  CHECK(ascii_host(std::string(63, 'a') + ".org").problem == "");
  CHECK(ascii_host("").problem == "is empty");
  CHECK(ascii_host("\xff.org").problem != "");
  CHECK(ascii_host("xn--zz.org").problem != "");
  CHECK(ascii_host("xn--zz.org").ascii == "");
}

TEST_CASE("web_address_problem: an http(s) address names a web site and has no space") {
  CHECK(web_address_problem("https://") == "names no web site (write it like https://www.gov.tw/)");
  CHECK(web_address_problem("HTTP:///path") ==
        "names no web site (write it like https://www.gov.tw/)");
  CHECK(web_address_problem("https://x.org/a b") ==
        "has a space (write %20, or leave the space out)");
  CHECK(web_address_problem("https://data.gov.tw/dataset/6014?x=1#y") == "");
  CHECK(web_address_problem("https://x.org:8080/a%20b?q=%E5%8B%9E") == "");
  CHECK(web_address_problem("https://[::1]:8080/") == "");
  const std::string characters =
      "has a character no web address holds (quotes, < > \\ ` { } | ^ or a control "
      "character): write it percent-encoded, like %3C for <";
  CHECK(web_address_problem("https://x.org/<a>") == characters);
  CHECK(web_address_problem("https://x.org/\"onmouseover=alert(1)") == characters);
  CHECK(web_address_problem("https://user:pw@x.org/") ==
        "has a user name or password (user:password@), which every page linking it would "
        "publish");
  CHECK(web_address_problem("https://x.org:99999/") ==
        "has the port '99999', which is not a number from 1 to 65535");
  CHECK(web_address_problem("https://x.org:/") == "");
  CHECK(web_address_problem("https:x.org") ==
        "has no // after https: (write it like https://www.gov.tw/)");
  CHECK(web_address_problem("HTTP:/x.org") ==
        "has no // after http: (write it like https://www.gov.tw/)");
  CHECK(web_address_problem("https://x.org/100%") ==
        "has a '%' that is not followed by two hexadecimal digits (a percent sign is written "
        "%25)");
  CHECK(web_address_problem("mailto:a@b.org") == "");
  CHECK(web_address_problem("/stories/") == "");
}
