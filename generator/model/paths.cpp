#include "model/paths.h"

#include <cctype>
#include <cstdint>
#include <vector>

#include "core/host_name.h"
#include "core/text.h"

namespace firefly {

std::string output_path_for_url(std::string_view url) {
  std::string path(url.substr(url.find_first_not_of('/') == std::string_view::npos
                                  ? url.size()
                                  : url.find_first_not_of('/')));
  if (path.empty() || path.back() == '/') return path + "index.html";
  std::string_view last = std::string_view(path).substr(path.rfind('/') + 1);
  if (last.find('.') == std::string_view::npos) return path + "/index.html";
  return path;
}

std::string unsafe_path_reason(std::string_view path) {
  if (path.empty() || path[0] != '/') return "it must start with '/'";
  if (path.find('\\') != std::string_view::npos) return "it contains a backslash";
  for (unsigned char c : path) {
    if (c < 0x20 || c == 0x7f) return "it contains a control character";
    if (c == ' ') return "it contains a space (write '-' instead)";
    if (c == '?') return "it contains '?', which would end the address's path";
    if (c == '#') return "it contains '#', which would end the address's path";
  }
  if (std::string what = invisible_character(path); !what.empty()) return "it contains " + what;
  std::string lower = ascii_lower(path);
  if (lower.find("%2e") != std::string::npos || lower.find("%2f") != std::string::npos ||
      lower.find("%5c") != std::string::npos || lower.find("%00") != std::string::npos) {
    return "it contains a percent-encoded dot, slash or NUL";
  }
  // The page is written to a folder named as the path is written ("a%41"), while a web server
  // decodes the address it is asked for (/a%41/ is /aA/) and looks for that folder: the page
  // could never be opened. An undecodable '%' (/100%/) made every link to it one a URL
  // parser refuses. Firefly encodes what a link needs; the path is written as it reads.
  if (path.find('%') != std::string_view::npos) {
    return "it contains '%': write the characters themselves (/café/, not /caf%C3%A9/), as a "
           "web server decodes %C3%A9 to é and would look for the page under café";
  }
  for (std::string_view seg : split(path, '/')) {
    if (seg == ".." || seg == ".") return "it contains a '.' or '..' segment";
    if (seg.size() > kMaxPathSegmentBytes) {
      return "a part of it has " + std::to_string(seg.size()) + " bytes; file systems allow " +
             std::to_string(kMaxPathSegmentBytes);
    }
  }
  if (path.find("//") != std::string_view::npos) return "it contains '//'";
  // The output folder's own entries (its mark, the staging folder of a build).
  if (path.substr(1, 9) == ".firefly-") {
    return "it starts with '.firefly-', a name Firefly keeps for its own files";
  }
  return "";
}

std::string url_scheme(std::string_view url) {
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return "";
  for (size_t i = 0; i < colon; ++i) {
    char c = url[i];
    bool ok = std::isalpha(static_cast<unsigned char>(c)) ||
              (i > 0 &&
               (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'));
    if (!ok) return "";
  }
  return ascii_lower(url.substr(0, colon));
}

namespace {

/// Why a tel: or mailto: link with `rest` after its colon opens no call or message, or "".
/// A phone dialled tel:javascript:alert(1) or an empty tel: as letters or nothing; mailto:
/// opened a message to no one (mailto:?subject=... leaves the reader to choose, and is kept).
std::string contact_link_reason(std::string_view scheme, std::string_view rest) {
  if (scheme == "tel") {
    std::string_view number = rest.substr(0, rest.find(';'));  // ;ext=8 and the like
    bool digit = false;
    for (char ch : number) {
      if (ch >= '0' && ch <= '9') {
        digit = true;
      } else if (std::string_view("+-.()").find(ch) == std::string_view::npos) {
        digit = false;
        break;
      }
    }
    if (digit) return "";
    return "tel: is followed by a telephone number alone (digits, +, -, . and brackets, as in "
           "tel:+886-6-299-1111)";
  }
  constexpr std::string_view kMail =
      "mailto: is followed by an email address (mailto:labor@example.gov.tw)";
  std::string_view to = rest.substr(0, rest.find('?'));
  if (to.empty()) return rest.empty() ? std::string(kMail) : "";
  for (std::string_view address : split(to, ',')) {
    size_t at = address.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) {
      return std::string(kMail);
    }
  }
  return "";
}

}  // namespace

std::string unsafe_link_reason(std::string_view url) {
  std::string_view trimmed = trim(url);
  std::string scheme = url_scheme(trimmed);
  for (unsigned char c : url) {
    if (c < 0x20 || c == 0x7f) return "it contains a control character";
  }
  if (scheme == "tel" || scheme == "mailto") {
    return contact_link_reason(scheme, trimmed.substr(scheme.size() + 1));
  }
  if (scheme == "http" || scheme == "https") {
    // https://user:pw@x.org/, https://x.org/100% or https:x.org in a link or an image was
    // published as written (as a menu entry's was refused).
    std::string why = web_address_problem(trimmed);
    return why.empty() ? "" : "it " + why;
  }
  if (scheme.empty()) return "";
  constexpr std::string_view kCopy =
      ", which readers cannot open; put the file in static/ and write its site path "
      "(static/images/a.jpg is /images/a.jpg)";
  if (scheme.size() == 1 && trimmed.size() > 2 && (trimmed[2] == '\\' || trimmed[2] == '/')) {
    return "it is a file on a computer (drive " +
           std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(scheme[0])))) +
           ":)" + std::string(kCopy);
  }
  if (scheme == "file") return "it is a file on a computer (file:)" + std::string(kCopy);
  return "a link to '" + scheme +
         ":' does not open a page (use a site path or an https:// address)";
}

std::string resolve_site_path(std::string_view base, std::string_view link) {
  std::string joined;
  if (!link.empty() && link[0] == '/') {
    joined = std::string(link);
  } else {
    std::string_view dir = base.substr(0, base.rfind('/') + 1);
    joined = std::string(dir) + std::string(link);
  }
  bool trailing = !joined.empty() && joined.back() == '/';
  std::vector<std::string_view> out;
  for (std::string_view seg : split(joined, '/')) {
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (!out.empty()) out.pop_back();
      continue;
    }
    out.push_back(seg);
  }
  std::string result = "/";
  for (size_t i = 0; i < out.size(); ++i) {
    result += out[i];
    if (i + 1 < out.size() || trailing) result += '/';
  }
  return result;
}

}  // namespace firefly
