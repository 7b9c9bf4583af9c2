#include "serve/paths.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "core/text.h"

namespace firefly {

namespace {

/// Percent-decodes `s`; nullopt for a malformed escape or an escape that hides a dot,
/// a slash or a backslash (which could smuggle a path segment past the checks).
std::optional<std::string> decode(std::string_view s) {
  std::string lowered = ascii_lower(s);
  for (const char* hidden : {"%2e", "%2f", "%5c"}) {
    if (lowered.find(hidden) != std::string::npos) return std::nullopt;
  }
  bool malformed = false;
  std::string out = percent_decode(s, &malformed);
  if (malformed) return std::nullopt;
  return out;
}

std::string_view extension(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : name.substr(dot + 1);
}

}  // namespace

std::optional<std::string> normalise_request_path(std::string_view target) {
  size_t end = target.find_first_of("?#");
  if (end != std::string_view::npos) target = target.substr(0, end);
  if (target.empty() || target[0] != '/') return std::nullopt;
  std::optional<std::string> decoded = decode(target);
  if (!decoded) return std::nullopt;
  std::string out;
  size_t pos = 1;
  const std::string& d = *decoded;
  while (pos <= d.size()) {
    size_t slash = d.find('/', pos);
    if (slash == std::string::npos) slash = d.size();
    std::string_view seg(d.data() + pos, slash - pos);
    if (seg == "." || seg == "..") return std::nullopt;
    for (char c : seg) {
      auto u = static_cast<unsigned char>(c);
      if (u < 0x20 || u == 0x7f || c == '\\') return std::nullopt;
    }
    if (!seg.empty()) {
      out += seg;
      if (slash < d.size()) out += '/';
    }
    pos = slash + 1;
  }
  return out;
}

std::string content_type_for(std::string_view path) {
  static const std::array<std::pair<const char*, const char*>, 24> kTypes{{
      {"html", "text/html; charset=utf-8"},
      {"htm", "text/html; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"json", "application/json; charset=utf-8"},
      {"jsonld", "application/ld+json; charset=utf-8"},
      {"xml", "application/xml; charset=utf-8"},
      {"svg", "image/svg+xml; charset=utf-8"},
      {"csv", "text/csv; charset=utf-8"},
      {"txt", "text/plain; charset=utf-8"},
      {"md", "text/plain; charset=utf-8"},
      {"yaml", "text/plain; charset=utf-8"},
      {"zip", "application/zip"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"ico", "image/x-icon"},
      {"pdf", "application/pdf"},
      {"woff", "font/woff"},
      {"woff2", "font/woff2"},
      {"webmanifest", "application/manifest+json; charset=utf-8"},
  }};
  std::string ext = ascii_lower(extension(path));
  for (const auto& [e, type] : kTypes) {
    if (ext == e) return type;
  }
  // Files without an extension that a build publishes (SHA256SUMS) are text.
  if (ext.empty()) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

bool is_html_type(std::string_view content_type) {
  return content_type.substr(0, 9) == "text/html";
}

namespace {

bool is_ipv4_literal(std::string_view s) {
  int dots = 0, digits = 0;
  for (char c : s) {
    if (c == '.') {
      if (digits == 0) return false;
      ++dots;
      digits = 0;
    } else if (c >= '0' && c <= '9' && ++digits <= 3) {
      continue;
    } else {
      return false;
    }
  }
  return dots == 3 && digits > 0;
}

bool is_ipv6_literal(std::string_view s) {  // bracketed, as in a Host header
  if (s.size() < 3 || s.front() != '[' || s.back() != ']') return false;
  for (char c : s.substr(1, s.size() - 2)) {
    bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!hex && c != ':' && c != '.') return false;
  }
  return true;
}

}  // namespace

bool is_allowed_host(std::string_view host_header, std::string_view bind, int port) {
  std::string_view name = host_header;
  std::string_view port_text = "80";
  size_t colon = host_header.rfind(':');
  if (colon != std::string_view::npos && host_header.find(']', colon) == std::string_view::npos) {
    name = host_header.substr(0, colon);
    port_text = host_header.substr(colon + 1);
  }
  if (port_text != std::to_string(port)) return false;
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "localhost" || lower == "127.0.0.1" || lower == "[::1]") return true;
  bool wildcard = bind.empty() || bind == "0.0.0.0" || bind == "::" || bind == "[::]";
  if (wildcard) return is_ipv4_literal(lower) || is_ipv6_literal(lower);
  std::string bound(bind);
  if (bound.find(':') != std::string::npos && bound.front() != '[') bound = "[" + bound + "]";
  return lower == bound;
}

std::optional<ByteRange> range_within(ByteRange asked, long long size) {
  if (size <= 0) return std::nullopt;
  if (asked.first < 0) {  // the last `asked.last` bytes
    if (asked.last <= 0) return std::nullopt;
    return ByteRange{std::max(0LL, size - asked.last), size - 1};
  }
  if (asked.first >= size || (asked.last >= 0 && asked.last < asked.first)) return std::nullopt;
  return ByteRange{asked.first, asked.last < 0 ? size - 1 : std::min(asked.last, size - 1)};
}

}  // namespace firefly
