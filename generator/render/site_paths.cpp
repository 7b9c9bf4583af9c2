#include "render/site_paths.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text.h"

namespace firefly {

namespace {

/// Attributes whose value is a site path when it starts with "/".
constexpr std::array<std::string_view, 6> kPathAttributes = {"href",       "src",       "action",
                                                             "data-index", "data-root", "srcset"};

/// The target of a meta refresh, as redirect pages write it: content="0; url=/new/".
constexpr std::string_view kRefresh = "0; url=/";

/// Where the next site path of `html` starts at or after `from`: the position of its "/",
/// and whether it is a data-root (the site's root folder, used by scripts).
struct PathStart {
  size_t at = std::string::npos;
  bool root = false;
  bool srcset = false;  ///< a list of "path width" candidates, separated by ", "
};

/// Finds attribute values (`name="/...`) and meta-refresh targets that are
/// site paths; protocol-relative "//host" values are not.
class PathScanner {
 public:
  explicit PathScanner(std::string_view html)
      : html_(html), attr_(html.find("=\"/")), refresh_(html.find(kRefresh)) {}

  PathStart next(size_t from) {
    while (true) {
      if (attr_ != std::string_view::npos && attr_ < from) attr_ = html_.find("=\"/", from);
      if (refresh_ != std::string_view::npos && refresh_ < from) {
        refresh_ = html_.find(kRefresh, from);
      }
      if (attr_ == std::string_view::npos && refresh_ == std::string_view::npos) return {};
      if (refresh_ < attr_) {
        size_t at = refresh_ + kRefresh.size() - 1;
        from = refresh_ + 1;
        if (!protocol_relative(at)) return {at, false};
        continue;
      }
      size_t at = attr_ + 2;
      from = attr_ + 1;
      std::string_view name = attribute_before(attr_);
      if (protocol_relative(at) || std::find(kPathAttributes.begin(), kPathAttributes.end(),
                                             name) == kPathAttributes.end()) {
        continue;
      }
      return {at, name == "data-root", name == "srcset"};
    }
  }

 private:
  bool protocol_relative(size_t at) const { return at + 1 < html_.size() && html_[at + 1] == '/'; }
  std::string_view attribute_before(size_t eq) const {
    size_t start = eq;
    while (start > 0 && (std::isalnum(static_cast<unsigned char>(html_[start - 1])) ||
                         html_[start - 1] == '-')) {
      --start;
    }
    return html_.substr(start, eq - start);
  }

  std::string_view html_;
  size_t attr_, refresh_;  ///< the next candidates found, npos when there are no more
};

}  // namespace

std::string relative_url(const std::string& from, const std::string& url) {
  size_t depth = static_cast<size_t>(std::count(from.begin(), from.end(), '/'));
  std::string out;
  for (size_t i = 0; i < depth; ++i) out += "../";
  std::string path = url.substr(1);
  std::string suffix;
  size_t cut = path.find_first_of("?#");
  if (cut != std::string::npos) {
    suffix = path.substr(cut);
    path.resize(cut);
  }
  if (path.empty() || path.back() == '/') path += "index.html";
  out += path;
  return out + suffix;
}

std::string base_path(std::string_view base_url) {
  size_t scheme = base_url.find("://");
  size_t start = scheme == std::string_view::npos ? 0 : base_url.find('/', scheme + 3);
  if (start == std::string_view::npos) return "";
  std::string path(base_url.substr(start));
  while (!path.empty() && path.back() == '/') path.pop_back();
  return path;
}

SitePaths::SitePaths(const SiteConfig& config)
    : relative_(config.relative_urls), base_path_(base_path(config.base_url)) {}

void SitePaths::apply(OutputFile& f) const {
  if (!active() || !ends_with(f.path, ".html") || !f.source.empty()) return;
  const std::string& in = f.bytes;
  std::string out;
  out.reserve(in.size() + in.size() / 16);
  PathScanner scanner(in);
  size_t pos = 0;
  for (PathStart s = scanner.next(0); s.at != std::string::npos; s = scanner.next(pos)) {
    size_t end = in.find_first_of(s.srcset ? "\"" : "\"' >", s.at);
    if (end == std::string::npos) end = in.size();
    out.append(in, pos, s.at - pos);
    std::string url = in.substr(s.at, end - s.at);
    if (s.srcset) {  // each candidate's path, up to its width
      std::string list;
      for (size_t at = 0; at < url.size();) {
        size_t space = std::min(url.find(' ', at), url.size());
        size_t next = std::min(url.find(", ", at), url.size());
        space = std::min(space, next);
        std::string path = url.substr(at, space - at);
        if (!path.empty() && path[0] == '/') {
          path = relative_ ? relative_url(f.path, path) : base_path_ + path;
        }
        list += path + url.substr(space, next - space);
        if (next < url.size()) list += ", ";
        at = next + 2;
      }
      out += list;
    } else if (!relative_) {
      out += base_path_ + url;
    } else if (s.root) {  // a folder for scripts to add paths to, not a page
      std::string up = relative_url(f.path, "/x");
      up.pop_back();
      out += up.empty() ? "./" : up;
    } else {
      out += relative_url(f.path, url);
    }
    pos = end;
  }
  out.append(in, pos, std::string::npos);
  f.bytes = std::move(out);
}

}  // namespace firefly
