#include "core/host_name.h"

#include <unicode/uidna.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace firefly {
namespace {

struct IdnaCloser {
  void operator()(UIDNA* idna) const { uidna_close(idna); }
};

/// The UTS #46 converter with the checks of a host name for the web: STD3's characters
/// (letters, digits, '-'), hyphens, bidi and joiners; nontransitional ("ß" stays "ß").
const UIDNA* converter() {
  static const std::unique_ptr<UIDNA, IdnaCloser> idna = [] {
    UErrorCode status = U_ZERO_ERROR;
    UIDNA* made = uidna_openUTS46(UIDNA_USE_STD3_RULES | UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ |
                                      UIDNA_NONTRANSITIONAL_TO_ASCII,
                                  &status);
    return std::unique_ptr<UIDNA, IdnaCloser>(U_SUCCESS(status) ? made : nullptr);
  }();
  return idna.get();
}

/// The first ASCII character of `host` a host name cannot contain, or 0.
char first_bad_ascii(std::string_view host) {
  for (char c : host) {
    unsigned char u = static_cast<unsigned char>(c);
    bool ok = u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!ok) return c;
  }
  return 0;
}

std::string problem_of(std::string_view host, uint32_t errors) {
  if (errors & UIDNA_ERROR_EMPTY_LABEL) {
    return "has an empty part (two dots in a row, or a dot at the start)";
  }
  if (errors & UIDNA_ERROR_LABEL_TOO_LONG) {
    return "has a part (between dots) longer than 63 bytes";
  }
  if (errors & UIDNA_ERROR_DOMAIN_NAME_TOO_LONG) return "is longer than 253 bytes";
  if (errors & (UIDNA_ERROR_LEADING_HYPHEN | UIDNA_ERROR_TRAILING_HYPHEN)) {
    return "has a part (between dots) that starts or ends with '-'";
  }
  if (char c = first_bad_ascii(host); c != 0) {
    return "contains '" + std::string(1, c) +
           "': a host name has only letters, digits, '-' and '.'";
  }
  if (errors & UIDNA_ERROR_HYPHEN_3_4) {
    return "has a part with '--' as its 3rd and 4th characters (kept for 'xn--' names)";
  }
  return "is not a valid international domain name (a character no host name may contain, "
         "or a broken 'xn--' part)";
}

}  // namespace

AsciiHost ascii_host(std::string_view host) {
  const UIDNA* idna = converter();
  if (idna == nullptr) return {"", "cannot be checked: ICU's IDNA data is missing"};
  if (host.empty()) return {"", "is empty"};
  char out[512];
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = uidna_nameToASCII_UTF8(idna, host.data(), static_cast<int32_t>(host.size()), out,
                                     sizeof out, &info, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) return {"", "is longer than 253 bytes"};
  if (U_FAILURE(status)) return {"", "is not valid UTF-8"};
  if (info.errors != 0) return {"", problem_of(host, info.errors)};
  return {std::string(out, static_cast<size_t>(n)), ""};
}

std::string web_address_problem(std::string_view url) {
  const size_t host = url.find("://");
  if (host == std::string_view::npos) {
    // https:x.org was published as written, which a browser reads as the path x.org of
    // the page's own site.
    const size_t colon = url.find(':');
    std::string scheme(url.substr(0, colon == std::string_view::npos ? 0 : colon));
    for (char& ch : scheme) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (scheme == "http" || scheme == "https") {
      return "has no // after " + scheme + ": (write it like https://www.gov.tw/)";
    }
    return "";
  }
  std::string scheme(url.substr(0, host));
  for (char& ch : scheme) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (scheme != "http" && scheme != "https") return "";
  if (url.find_first_of(" \t") != std::string_view::npos) {
    return "has a space (write %20, or leave the space out)";
  }
  if (host + 3 == url.size() || url.find_first_of("/?#", host + 3) == host + 3) {
    return "names no web site (write it like https://www.gov.tw/)";
  }
  // What no URL parser reads as written: the catalogue's dct:source and a page's href were
  // published with https://x.org/<a>, a lone '%' or port 99999, which RDF readers refuse;
  // a user:password@ was published on every page that linked it.
  for (unsigned char c : url) {
    if (c < 0x20 || c == 0x7F ||
        std::string_view("\"<>\\`{}|^").find(static_cast<char>(c)) != std::string_view::npos) {
      return "has a character no web address holds (quotes, < > \\ ` { } | ^ or a control "
             "character): write it percent-encoded, like %3C for <";
    }
  }
  const std::string_view authority =
      url.substr(host + 3, url.find_first_of("/?#", host + 3) - (host + 3));
  if (authority.find('@') != std::string_view::npos) {
    return "has a user name or password (user:password@), which every page linking it would "
           "publish";
  }
  if (size_t colon = authority.rfind(':');
      colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
    std::string_view port = authority.substr(colon + 1);
    bool digits = port.size() <= 5 && std::all_of(port.begin(), port.end(),
                                                  [](char ch) { return ch >= '0' && ch <= '9'; });
    if (!port.empty() &&  // https://x.org:/ is the default port
        (!digits || std::stoul(std::string(port)) < 1 || std::stoul(std::string(port)) > 65535)) {
      return "has the port '" + std::string(port) + "', which is not a number from 1 to 65535";
    }
  }
  auto hex = [&](size_t i) {
    return i < url.size() && std::isxdigit(static_cast<unsigned char>(url[i]));
  };
  for (size_t pct = url.find('%'); pct != std::string_view::npos; pct = url.find('%', pct + 1)) {
    if (!hex(pct + 1) || !hex(pct + 2)) {
      return "has a '%' that is not followed by two hexadecimal digits (a percent sign is "
             "written %25)";
    }
  }
  return "";
}

}  // namespace firefly
