#include "config/base_url.h"

#include <algorithm>
#include <cctype>

#include "core/host_name.h"
#include "core/text.h"

namespace firefly {

namespace {

/// The host name of `authority` ("勞工局.台灣:8080" -> "勞工局.台灣"); "" for an IP v6
/// address in brackets, which is no name.
std::string_view host_name_of(std::string_view authority) {
  if (!authority.empty() && authority[0] == '[') return "";
  return authority.substr(0, authority.rfind(':'));
}

}  // namespace

std::string normalize_base_url(std::string_view url) {
  std::string out(url);
  const size_t colon = out.find("://");
  if (colon == std::string::npos) return out;
  const size_t host_start = colon + 3;
  const size_t host_end = std::min(out.find('/', host_start), out.size());
  std::string scheme_host = ascii_lower(std::string_view(out).substr(0, host_end));
  // Crawlers read sitemaps and feeds with the ASCII form of a Unicode host only.
  const std::string_view name =
      host_name_of(std::string_view(out).substr(host_start, host_end - host_start));
  if (!name.empty()) {
    if (AsciiHost host = ascii_host(name); host.problem.empty()) {
      scheme_host.replace(host_start, name.size(), host.ascii);
    }
  }
  return scheme_host + out.substr(host_end);
}

std::string base_url_problem(std::string_view url) {
  const std::string scheme = ascii_lower(url.substr(0, std::min(url.find(':'), url.size())));
  bool http = (scheme == "http" || scheme == "https") && url.substr(scheme.size(), 3) == "://";
  if (!http) return "must be an absolute http:// or https:// address";
  std::string_view rest = url.substr(url.find("//") + 2);
  if (rest.empty() || rest[0] == '/') return "has no host name";
  for (unsigned char c : url) {
    if (c <= 0x20 || c == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' ||
        c == '`' || c == '{' || c == '}' || c == '|' || c == '^') {
      return "may not contain spaces, quotes, control characters or any of < > \\ ` { } | ^";
    }
  }
  if (url.find('?') != std::string_view::npos || url.find('#') != std::string_view::npos) {
    return "may not contain a query (?) or a fragment (#)";
  }
  const std::string_view host = rest.substr(0, rest.find('/'));
  const std::string_view path = rest.substr(host.size());
  if (host.find('@') != std::string_view::npos) {
    // https://user:token@host/: every page, feed and data file would publish it.
    return "may not contain a user name or password (user:password@)";
  }
  if (size_t colon = host.rfind(':');
      colon != std::string_view::npos && host.find(']', colon) == std::string_view::npos) {
    std::string_view port = host.substr(colon + 1);
    unsigned n = 0;
    if (!read_whole_number(port, n) || n < 1 || n > 65535) {
      return "has the port '" + std::string(port) + "', which is not a number from 1 to 65535";
    }
  }
  if (std::string_view name = host_name_of(host); !name.empty()) {
    if (AsciiHost ascii = ascii_host(name); !ascii.problem.empty()) {
      return "has the host name '" + std::string(name) + "', which " + ascii.problem;
    }
  }
  if (path.find("//") != std::string_view::npos) {
    // https://a.org//x/: the site's links became //x/..., and a browser reads //x/ as the
    // host x: every page loaded its script and styles from there.
    return "has an empty part (//) in its path: links would start with //, which browsers "
           "read as the address of another host";
  }
  for (size_t pct = path.find('%'); pct != std::string_view::npos; pct = path.find('%', pct + 1)) {
    // /a%zz/ or a lone % made every address of the sitemap and the feeds one a URL parser
    // refuses; %00 or %0A put a control character in each link.
    auto hex = [&](size_t i) {
      return i < path.size() && std::isxdigit(static_cast<unsigned char>(path[i]));
    };
    if (!hex(pct + 1) || !hex(pct + 2)) {
      return "has a '%' that is not followed by two hexadecimal digits (a percent sign is "
             "written %25)";
    }
    if (path[pct + 1] < '2' ||
        (path[pct + 1] == '7' && (path[pct + 2] == 'f' || path[pct + 2] == 'F'))) {
      return "has the control character " + std::string(path.substr(pct, 3)) + " in its path";
    }
  }
  const std::string lower = ascii_lower(path);
  for (std::string_view seg : split(lower, '/')) {
    if (seg == "." || seg == ".." || seg == "%2e" || seg == "%2e%2e" || seg == ".%2e" ||
        seg == "%2e.") {
      return "has a '.' or '..' part in its path (browsers would drop or climb it)";
    }
  }
  return "";
}

}  // namespace firefly
